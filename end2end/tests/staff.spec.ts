/**
 * Issue 22: who sees what. A jobcentre's caseworker searches CVs across municipalities; an
 * a-kasse's caseworker sees a member on dagpenge but not the member's history, and not a
 * citizen on kontanthjælp at all; Jobnetsupporten is refused until it records the citizen's
 * consent, then reads, and the citizen sees the access with its consent in Min historik;
 * support passes an employer's message on and the citizen sees it on Min side. With
 * JavaScript on and off; each run uses its own persons where it creates any.
 */
import { test, expect, visit, afterNavigation } from "./fixtures";
import { createProfile, demoLogin, expectFieldError, logout, mitidErhvervLogin, mitidLogin, receivedMail, staffLogin, typeDate } from "./helpers";
import type { Page } from "@playwright/test";


type Persons = { js: string[]; nojs: string[] };

function persons(p: Persons, project: string): string[] {
  return project === "js" ? p.js : p.nojs;
}

/** First login, profile, and registration with `situation` (and an a-kasse). */
async function register(page: Page, cpr: string, username: string, situation: string, aKasse?: string) {
  await mitidLogin(page, cpr, /\/borger\/opret-profil$/);
  await createProfile(page, username);
  await page.getByRole("link", { name: "Tilmeld dig som jobsøgende" }).click();
  await afterNavigation(page, /\/borger\/jobsoegende$/);
  await page.getByRole("group", { name: "Hvad er din situation?" }).getByLabel(situation, { exact: true }).check();
  if (aKasse) await page.getByLabel("Hvilken a-kasse er du medlem af?").selectOption({ label: aKasse });
  await page.getByRole("button", { name: "Tilmeld" }).click();
  await afterNavigation(page, /\/borger\/forberedelse$/);
  await logout(page);
}

/** Today in Copenhagen as the three date fields take it: day, month, year. */
function todayInDenmark(): [string, string, string] {
  const parts = new Intl.DateTimeFormat("da-DK", {
    timeZone: "Europe/Copenhagen",
    day: "numeric",
    month: "numeric",
    year: "numeric",
  }).formatToParts(new Date());
  const part = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return [part("day"), part("month"), part("year")];
}

test("jobcentret søger i CV'er på tværs af kommuner, og borgeren ser åbningen @nojs", async ({ page }) => {
  // Per, Jobcenter Frederikshavn, finds Mette of Aarhus: not his municipality.
  await staffLogin(page, "per.frederikshavn", "123456", /\/sagsbehandler$/);
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Søg i CV'er" }).click();
  await afterNavigation(page, /\/sagsbehandler\/cv-soegning$/);
  await page.getByLabel("Søgeord").fill("sygeplejerske");
  await page.getByRole("button", { name: "Søg", exact: true }).click();
  await afterNavigation(page, /\/sagsbehandler\/cv-soegning\?q=sygeplejerske$/);
  // The employers' filters, with counts.
  await expect(page.getByLabel("Kommune")).toBeVisible();
  const mette = page.locator(".search-result").filter({ hasText: "Mette" });
  await expect(mette).toContainText("Aarhus C");
  await mette.getByRole("link").click();
  await afterNavigation(page, /\/sagsbehandler\/cv\/\d+$/);
  await expect(page.getByText("Aarhus Universitetshospital").first()).toBeVisible();
  // What employers see: not the special considerations.
  await expect(page.locator("body")).not.toContainText("Jeg kan ikke arbejde nat");
  await logout(page);

  await demoLogin(page, "mette");
  await visit(page, "/borger/historik");
  const row = page.getByRole("row").filter({ hasText: "Jobcenter Frederikshavn (sagsbehandler Per Nielsen)" }).first();
  await expect(row).toContainText("Åbnede dit CV");
});

const AKASSE: Persons = { js: ["2603044101", "magnus.b", "2009026672", "nanna.f"], nojs: ["1610972217", "frederik.o", "1710941197", "tobias.j"] };

test("a-kassen ser et medlem på dagpenge, ikke historikken og ikke en kontanthjælpsmodtager @nojs", async ({ page }, info) => {
  test.setTimeout(240_000);
  const [memberCpr, member, otherCpr, other] = persons(AKASSE, info.project.name);
  await register(page, memberCpr, member, "Jeg får eller har søgt dagpenge", "HK A-kasse");
  await register(page, otherCpr, other, "Jeg har søgt eller får kontanthjælp");

  await staffLogin(page, "jens.hk", "123456", /\/a-kasse$/);
  await expect(page.getByRole("heading", { level: 1, name: "HK A-kasse" })).toBeVisible();
  // The citizen on kontanthjælp is no one to the a-kasse.
  await page.getByLabel("Medlemmets CPR-nummer").fill(otherCpr);
  await page.getByRole("button", { name: "Find medlem" }).click();
  await expectFieldError(
    page,
    "Medlemmets CPR-nummer",
    "Der er intet medlem af din a-kasse med det CPR-nummer, som er tilmeldt som dagpengemodtager eller dimittend.",
  );
  await expect(page.getByLabel("Medlemmets CPR-nummer")).toHaveValue(otherCpr);
  await page.getByLabel("Medlemmets CPR-nummer").fill(memberCpr);
  await page.getByRole("button", { name: "Find medlem" }).click();
  await afterNavigation(page, /\/a-kasse\/medlem\/[0-9a-f]{32}$/);
  await expect(page.getByRole("heading", { level: 2, name: "Person- og kontaktoplysninger" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Tilmelding som jobsøgende" })).toBeVisible();
  await expect(page.getByText("HK A-kasse").first()).toBeVisible();
  // Hidden from the a-kasse: reminder choices, health, the citizen's history.
  await expect(page.getByText("Påmindelser på sms")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /Helbred/ })).toHaveCount(0);
  await expect(page.getByText("Min historik")).toHaveCount(0);
  // The citizen's own pages are not the a-kasse's, whatever the address.
  await visit(page, "/borger/historik");
  await expect(page).toHaveURL(/\/log-ind$/);
  await visit(page, "/a-kasse");
  await logout(page);

  await mitidLogin(page, memberCpr, /\/borger$/);
  await visit(page, "/borger/historik");
  const row = page.getByRole("row").filter({ hasText: "HK A-kasse (a-kassens sagsbehandler Jens Madsen)" });
  await expect(row.filter({ hasText: "Så din tilmelding som jobsøgende" })).toHaveCount(1);
});

const SUPPORT: Persons = { js: ["1707015379", "mikkel.k"], nojs: ["2703731364", "rikke.r"] };

test("support afvises uden samtykke, registrerer samtykket og læser; borgeren ser samtykket @nojs", async ({ page }, info) => {
  test.setTimeout(240_000);
  const [cpr, username] = persons(SUPPORT, info.project.name);
  await mitidLogin(page, cpr, /\/borger\/opret-profil$/);
  await createProfile(page, username);
  await logout(page);

  await staffLogin(page, "lone.support", "123456", /\/support$/);
  // No consent, no profile: a made-up reference is refused.
  await visit(page, `/support/borger/${"ab".repeat(16)}`);
  await expect(page.getByText("Der er ikke registreret et gyldigt samtykke fra borgeren til denne adgang.")).toBeVisible();
  await visit(page, "/support");
  // The consent is required, part by part; what was typed is kept.
  await page.getByLabel("Borgerens CPR-nummer").fill(cpr);
  await page.getByRole("group", { name: "Hvordan gav borgeren samtykke?" }).getByLabel("Telefonisk").check();
  await page.getByRole("button", { name: "Registrér samtykke og åbn profilen" }).click();
  await expectFieldError(page, "Reference til henvendelsen", "Udfyld feltet.");
  await expectFieldError(page, "Dato for samtykket", "Udfyld feltet.");
  await expect(page.getByLabel("Borgerens CPR-nummer")).toHaveValue(cpr);
  await expect(page.getByRole("group", { name: "Hvordan gav borgeren samtykke?" }).getByLabel("Telefonisk")).toBeChecked();

  await typeDate(page, "Dato for samtykket", todayInDenmark());
  await page.getByLabel("Klokkeslæt for samtykket").fill("00:00");
  const scope = page.getByRole("group", { name: "Hvad giver samtykket adgang til?" });
  await scope.getByLabel("Person- og kontaktoplysninger").check();
  await scope.getByLabel("CV", { exact: true }).check();
  await page.getByLabel("Reference til henvendelsen").fill(`Opkald om log-ind (${info.project.name})`);
  await page.getByRole("button", { name: "Registrér samtykke og åbn profilen" }).click();
  await afterNavigation(page, /\/support\/borger\/[0-9a-f]{32}$/);
  await expect(page.getByText("Adgangen bygger på borgerens samtykke")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Person- og kontaktoplysninger" })).toBeVisible();
  await expect(page.getByText(`${username}@eksempel.dk`)).toBeVisible();
  // Outside the consent's scope: the registration.
  await expect(page.getByRole("heading", { name: "Tilmelding som jobsøgende" })).toHaveCount(0);
  await logout(page);

  await mitidLogin(page, cpr, /\/borger$/);
  await visit(page, "/borger/historik");
  const row = page
    .getByRole("row")
    .filter({ hasText: "Jobnetsupporten (medarbejder Lone Kjær)" })
    .filter({ hasText: "Så dine person- og kontaktoplysninger" });
  await expect(row).toContainText(
    `Samtykke: Telefonisk, givet ${todayInDenmark().map((p) => p.padStart(2, "0")).join("-")} kl. 00:00, til: Person- og kontaktoplysninger, CV. Reference: Opkald om log-ind (${info.project.name})`,
  );
});

test("support giver en arbejdsgivers besked videre, og borgeren ser den på Min side @nojs", async ({ page }, info) => {
  test.setTimeout(240_000);
  const message = `Vi søger en pædagog til vores vuggestue (${info.project.name}).`;
  // Lars hides his phone and e-mail (only if not already hidden).
  await demoLogin(page, "lars");
  await visit(page, "/borger/cv");
  const hide = page.getByRole("button", { name: "Skjul mine kontaktoplysninger" });
  if (await hide.isVisible()) await hide.click();
  await expect(page.getByText("Arbejdsgivere kan ikke se dit telefonnummer og din e-mail.")).toBeVisible();
  await logout(page);

  await mitidErhvervLogin(page, "Karen Holm, Region Midtjylland (CVR 29190925)", /\/arbejdsgiver\/soeg$/);
  await page.getByLabel("Søgeord").fill("pædagog");
  await page.getByRole("button", { name: "Søg", exact: true }).click();
  await afterNavigation(page, /\?q=p%C3%A6dagog$/);
  await page.locator(".search-result").filter({ hasText: "Lars" }).getByRole("link").click();
  await afterNavigation(page, /\/arbejdsgiver\/cv\/\d+$/);
  await page.getByLabel(/^Besked til borgeren/).fill(message);
  await page.getByRole("button", { name: "Send beskeden til supporten" }).click();
  await expect(page.getByText("Tak. Din besked er sendt til supporten")).toBeVisible();
  await logout(page);

  await staffLogin(page, "lone.support", "123456", /\/support$/);
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Kontaktanmodninger" }).click();
  await afterNavigation(page, /\/support\/kontaktanmodninger$/);
  const request = page.locator("section.request").filter({ hasText: message });
  await expect(request.getByRole("heading", { name: "Fra Region Midtjylland" })).toBeVisible();
  await request.getByRole("button", { name: "Vis for borgeren i Jobspor" }).click();
  await expect(page.getByText("Kontaktanmodningen er givet videre.")).toBeVisible();
  await expect(page.locator("section.request").filter({ hasText: message })).toHaveCount(0);
  await logout(page);

  await demoLogin(page, "lars");
  const shown = page.getByRole("region", { name: "Arbejdsgivere, der vil i kontakt med dig" });
  await expect(shown.getByText(message)).toBeVisible();
  await expect(shown.getByRole("heading", { name: "Region Midtjylland" }).first()).toBeVisible();
});

test("jobcentret skriver til en borger, og borgeren læser beskeden i Mine beskeder @nojs", async ({ page }, info) => {
  const subject = `Samtale om dit CV (${info.project.name})`;
  await staffLogin(page, "anna.aarhus", "123456", /\/sagsbehandler$/);
  await page.getByLabel("Borgerens CPR-nummer").fill("1205901806");
  await page.getByRole("button", { name: "Find borger" }).click();
  await afterNavigation(page, /\/sagsbehandler\/borger\/[0-9a-f]{32}$/);
  await page.getByRole("button", { name: "Send beskeden" }).click();
  await expectFieldError(page, "Emne", "Udfyld feltet.");
  await page.getByLabel("Emne", { exact: true }).fill(subject);
  await page.getByLabel("Besked", { exact: true }).fill("Vi vil gerne tale med dig om dit CV. Ring til os.");
  await page.getByRole("button", { name: "Send beskeden" }).click();
  await expect(page.getByText("Beskeden er sendt. Borgeren finder den under Mine beskeder.")).toBeVisible();
  // Mette is told by e-mail that a message waits, and the mail does not carry its text.
  const mail = await receivedMail((m) => m.to.includes("mette@eksempel.dk") && m.subject.startsWith("Ny besked fra Jobcenter Aarhus"));
  expect(mail.text).toContain("Log på for at læse den under Mine beskeder");
  expect(mail.text).not.toContain("Ring til os");
  expect(mail.text).not.toContain(subject);
  await logout(page);

  await demoLogin(page, "mette");
  await visit(page, "/borger/beskeder");
  const message = page.locator("article.message").filter({ hasText: subject });
  await expect(message).toContainText("fra Jobcenter Aarhus (Anna Sørensen)");
  await expect(message).toContainText("Vi vil gerne tale med dig om dit CV. Ring til os.");
});
