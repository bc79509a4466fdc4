/**
 * Issue 26, the citizen's rights so far: contact details and reminders changed at any time
 * (with the first login's rule, a refusal keeping what was typed), "Det ved vi om dig" with
 * each kind of data's source, readers and period, and all of it downloaded as one file —
 * the change and the download both shown in Min historik. JavaScript on and off.
 */
import { readFileSync } from "node:fs";
import { test, expect, visit, afterNavigation } from "./fixtures";
import { createProfile, mitidLogin } from "./helpers";

const PERSONS = {
  js: { cpr: "1006055145", username: "soeren.j" },
  nojs: { cpr: "0609640806", username: "agnieszka.n" },
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

  // Both are in Min historik.
  await visit(page, "/borger/historik");
  await expect(page.getByRole("cell", { name: "Rettede kontaktoplysninger eller påmindelser" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Hentede alle dine data" })).toBeVisible();
});
