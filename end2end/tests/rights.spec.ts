/**
 * Issue 26, the citizen's rights: contact details and reminders changed at any time (with
 * the first login's rule, a refusal keeping what was typed), "Det ved vi om dig" with each
 * kind of data's source, readers and period, and all of it downloaded as one file — the
 * change and the download both shown in Min historik; an objection sent, handled and
 * answered by support; the processing restricted and the restriction lifted; the consents
 * as one list; the CV deleted, then the whole profile, each after its confirmation.
 * JavaScript on and off.
 */
import { readFileSync } from "node:fs";
import { test, expect, visit, afterNavigation } from "./fixtures";
import { createProfile, expectFieldError, logout, mitidLogin, staffLogin } from "./helpers";

const PERSONS = {
  js: { cpr: "1006055145", username: "soeren.j" },
  nojs: { cpr: "0609640806", username: "agnieszka.n" },
};

/** The second journey's own persons: it ends by deleting the profile. */
const DELETERS = {
  js: { cpr: "3009962659", username: "noah.k" },
  nojs: { cpr: "1806652098", username: "aase.o" },
};

test("borgeren retter sine kontaktoplysninger, ser hvad vi ved og henter sine data @nojs", async ({ page }, info) => {
  const p = PERSONS[info.project.name as "js" | "nojs"];
  await mitidLogin(page, p.cpr, /\/borger\/opret-profil$/);
  await createProfile(page, p.username);

  // From Min side to the contact details, opened with what was given at the first login.
  await page.getByRole("link", { name: "Ret dine kontaktoplysninger og påmindelser" }).click();
  await afterNavigation(page, /\/borger\/kontaktoplysninger$/);
  await expect(page.getByRole("heading", { level: 1, name: "Kontaktoplysninger og påmindelser" })).toBeVisible();
  await expect(page.getByLabel("E-mail (valgfrit)")).toHaveValue(`${p.username}@eksempel.dk`);

  // E-mail reminders without an address: refused, the phone typed kept.
  await page.getByLabel("Mobil-/telefonnummer (valgfrit)").fill("31 32 33 34");
  await page.getByLabel("E-mail (valgfrit)").fill("");
  await page.getByLabel("Ja tak, send mig påmindelser på e-mail").check();
  await page.getByRole("button", { name: "Gem ændringerne" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Der er problemer" })).toBeVisible();
  await afterNavigation(page);
  await expect(page.getByLabel("Mobil-/telefonnummer (valgfrit)")).toHaveValue("31 32 33 34");
  await expect(page.getByText("Du skal oplyse den kontaktoplysning, som påmindelsen skal sendes til.").first()).toBeVisible();

  await page.getByLabel("E-mail (valgfrit)").fill(`ny.${p.username}@eksempel.dk`);
  await page.getByRole("button", { name: "Gem ændringerne" }).click();
  await afterNavigation(page, /\/borger\/kontaktoplysninger\?gemt=1$/);
  await expect(page.getByText("Dine kontaktoplysninger er gemt.")).toBeVisible();
  await expect(page.getByLabel("E-mail (valgfrit)")).toHaveValue(`ny.${p.username}@eksempel.dk`);

  // What we know, where from, who sees it, how long.
  await visit(page, "/borger");
  await page.getByRole("link", { name: "Se, hvad vi ved om dig, og hent dine data" }).click();
  await afterNavigation(page, /\/borger\/mine-data$/);
  await expect(page.getByRole("heading", { level: 1, name: "Det ved vi om dig" })).toBeVisible();
  const cpr = page.getByRole("row").filter({ hasText: "Navn, CPR-nummer og adresse" });
  await expect(cpr).toContainText("CPR-registeret");
  await expect(cpr).toContainText("18½ måned");

  // Everything as one file.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Hent alle dine data (JSON)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("jobspor-mine-data.json");
  const data = JSON.parse(readFileSync((await file.path())!, "utf8"));
  expect(data.format).toBe("jobspor-mine-data/1");
  expect(data.profile.username).toBe(p.username);
  expect(data.profile.email).toBe(`ny.${p.username}@eksempel.dk`);

  // The CV alone, as the HR-XML document EURES gets.
  const cvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Hent dit CV (HR-XML)" }).click();
  const cvFile = await cvDownload;
  expect(cvFile.suggestedFilename()).toBe("jobspor-cv.xml");
  expect(readFileSync((await cvFile.path())!, "utf8")).toContain("<Candidate");

  // Both are in Min historik.
  await visit(page, "/borger/historik");
  await expect(page.getByRole("cell", { name: "Rettede kontaktoplysninger eller påmindelser" })).toBeVisible();
  // The file of everything and the CV alone: two downloads.
  await expect(page.getByRole("cell", { name: "Hentede alle dine data" })).toHaveCount(2);
});

test("borgeren gør indsigelse, begrænser behandlingen, ser sine samtykker og sletter CV og profil @nojs", async ({ page }, info) => {
  const p = DELETERS[info.project.name as "js" | "nojs"];
  const reason = `Jeg vil ikke med i forskningen (${info.project.name}).`;
  await mitidLogin(page, p.cpr, /\/borger\/opret-profil$/);
  await createProfile(page, p.username);
  await visit(page, "/borger/mine-data");

  // An objection: refused without what and why, then received.
  await page.getByRole("main").getByRole("link", { name: "Gør indsigelse" }).click();
  await afterNavigation(page, /\/borger\/indsigelser$/);
  await expect(page.getByRole("heading", { level: 1, name: "Gør indsigelse" })).toBeVisible();
  await page.getByLabel("Hvorfor? Skriv det, der gælder din særlige situation").fill(reason);
  await page.getByRole("button", { name: "Send indsigelsen" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Der er problemer" })).toBeVisible();
  await afterNavigation(page);
  await expect(page.getByLabel("Hvorfor? Skriv det, der gælder din særlige situation")).toHaveValue(reason);
  await page.getByLabel("Forskningsprojektet med Københavns Universitet").check();
  await page.getByRole("button", { name: "Send indsigelsen" }).click();
  await afterNavigation(page, /\/borger\/indsigelser\?gemt=1$/);
  await expect(page.getByText("Din indsigelse er modtaget.")).toBeVisible();
  const mine = page.getByRole("listitem").filter({ hasText: reason });
  await expect(mine).toContainText("Modtaget");

  // Restricted: the CV is out of the search and EURES; lifted again.
  await visit(page, "/borger/begraensning");
  await expect(page.getByText("Behandlingen er ikke begrænset.")).toBeVisible();
  await page.getByRole("button", { name: "Begræns behandlingen" }).click();
  await afterNavigation(page, /\/borger\/begraensning\?gemt=1$/);
  await expect(page.getByText(/Behandlingen er begrænset siden/)).toBeVisible();
  await page.getByRole("button", { name: "Ophæv begrænsningen" }).click();
  await afterNavigation(page, /\/borger\/begraensning\?gemt=1$/);
  await expect(page.getByText("Behandlingen er ikke begrænset.")).toBeVisible();

  // The consents, one list (none given yet).
  await visit(page, "/borger/samtykker");
  await expect(page.getByRole("heading", { level: 1, name: "Dine samtykker" })).toBeVisible();
  await expect(page.getByText("Du har ikke givet samtykke.").first()).toBeVisible();
  await logout(page);

  // Support answers the objection.
  await staffLogin(page, "lone.support", "123456", /\/support$/);
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Indsigelser" }).click();
  await afterNavigation(page, /\/support\/indsigelser$/);
  const theirs = page.getByRole("region").filter({ hasText: reason });
  await theirs.getByRole("link", { name: /Behandl indsigelse nr\./ }).click();
  await afterNavigation(page, /\/support\/indsigelser\?behandl=\d+$/);
  await page.getByLabel("Besvaret").check();
  await page.getByRole("button", { name: "Gem" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Der er problemer" })).toBeVisible();
  await afterNavigation(page);
  await expectFieldError(page, "Svar til borgeren (valgfrit)", "Skriv svaret til borgeren, før indsigelsen markeres som besvaret.");
  await page.getByLabel("Besvaret").check();
  await page.getByLabel("Svar til borgeren").fill("Du er taget ud af projektet.");
  await page.getByRole("button", { name: "Gem" }).click();
  await afterNavigation(page, /\/support\/indsigelser\?gemt=1$/);
  await expect(page.getByRole("region").filter({ hasText: reason })).toContainText("Besvaret");
  await logout(page);

  // The citizen reads the answer, then deletes the CV and the whole profile.
  await mitidLogin(page, p.cpr, /\/borger$/);
  await visit(page, "/borger/indsigelser");
  await expect(page.getByRole("listitem").filter({ hasText: reason })).toContainText("Du er taget ud af projektet.");

  await visit(page, "/borger/slet");
  await expect(page.getByRole("heading", { level: 1, name: "Slet dine data" })).toBeVisible();
  await page.getByRole("button", { name: "Slet CV" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Der er problemer" })).toBeVisible();
  await afterNavigation(page);
  await expectFieldError(page, "Ja, slet mit CV", "Sæt kryds for at bekræfte, at du vil slette.");
  await page.getByLabel("Ja, slet mit CV").check();
  await page.getByRole("button", { name: "Slet CV" }).click();
  await afterNavigation(page, /\/borger\/slet\?gemt=1$/);
  await expect(page.getByText("Dit CV er slettet.", { exact: false })).toBeVisible();
  await visit(page, "/borger/historik");
  await expect(page.getByRole("cell", { name: "Slettede dit CV" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Begrænsede behandlingen af dine oplysninger" })).toBeVisible();

  await visit(page, "/borger/slet");
  await page.getByLabel("Ja, slet hele min profil").check();
  await page.getByRole("button", { name: "Slet min profil" }).click();
  await afterNavigation(page, /\/\?profil-slettet=1$/);
  await expect(page.getByText("Din profil og alle dine oplysninger er slettet, og du er logget af.")).toBeVisible();
  // A new login starts from the beginning: the profile is gone.
  await mitidLogin(page, p.cpr, /\/borger\/opret-profil$/);
});
