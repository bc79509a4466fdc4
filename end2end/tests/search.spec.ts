/**
 * Issue 5: employers search the searchable CVs — free text with Danish inflections, filters
 * with hit counts, a stable URL per search, and the rules: only CVs marked searchable whose
 * owner logged in within 12 weeks; a protected address is never shown or used; hidden
 * contact details are replaced by a message through support.
 *
 * Uses the demo data (server/src/demo.rs): Mette (Aarhus, nurse, licence B, English C1),
 * Lars (Odense, pedagogue), Anne (Horsens, carpenter, protected address), Ahmad (cook, last
 * login 13 weeks ago) and Ida (shop assistant, not searchable).
 */
import { test, expect, visit, afterNavigation } from "./fixtures";
import { DEMO_PASSWORD, expectFieldError, logout, mitidErhvervLogin } from "./helpers";


/** Karen Holm signs in with MitID Erhverv for Region Midtjylland, which has accepted the terms. */
async function employerLogin(page: import("@playwright/test").Page) {
  await mitidErhvervLogin(page, "Karen Holm, Region Midtjylland (CVR 29190925)", /\/arbejdsgiver\/soeg$/);
}

async function searchFor(page: import("@playwright/test").Page, words: string, expectUrl: RegExp) {
  await page.getByLabel("Søgeord").fill(words);
  await page.getByRole("button", { name: "Søg", exact: true }).click();
  await afterNavigation(page, expectUrl);
}

const hit = (page: import("@playwright/test").Page, name: string) => page.locator(".search-result").filter({ hasText: name });

test("en arbejdsgiver søger med tekst og filtre, ser antal hits og åbner et CV @nojs", async ({ page }) => {
  await employerLogin(page);
  await page.getByLabel("Søgeord").fill("sygeplejersker");
  await page.getByLabel("Bopælsregion").selectOption("1082");
  await page.getByLabel("Kørekort").selectOption("B");
  await page.getByRole("button", { name: "Søg", exact: true }).click();
  // One stable address per search: only the fields in use, in a fixed order.
  await afterNavigation(page, /\/arbejdsgiver\/soeg\?q=sygeplejersker&region=1082&koerekort=B$/);

  const mette = hit(page, "Mette");
  await expect(mette).toBeVisible();
  // The plural found the singular, and the matching words are highlighted.
  await expect(mette.locator("mark").first()).toHaveText(/sygeplejerske/i);
  await expect(mette).toContainText("Aarhus C");
  // Each filter value shows its number of hits; the form keeps what was chosen.
  await expect(page.getByLabel("Bopælsregion").locator("option:checked")).toHaveText(/^Region Midtjylland \(\d+\)$/);
  await expect(page.getByLabel("Kørekort").locator("option:checked")).toHaveText(/^B – almindelig bil \(\d+\)$/);
  await expect(page.getByLabel("Bopælskommune").locator("option", { hasText: "Aarhus (" })).toHaveText(/Aarhus \([1-9]\d*\)/);
  await expect(page.getByLabel("Søgeord")).toHaveValue("sygeplejersker");

  // Sorting changes the address too.
  await page.getByLabel("Sortér efter").selectOption("opdateret");
  await page.getByRole("button", { name: "Søg", exact: true }).click();
  await afterNavigation(page, /\?q=sygeplejersker&region=1082&koerekort=B&sortering=opdateret$/);

  // Opening the CV, and back to the same search.
  await hit(page, "Mette").getByRole("link").click();
  await afterNavigation(page, /\/arbejdsgiver\/cv\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: /Mette/ })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\?q=sygeplejersker&region=1082&koerekort=B&sortering=opdateret$/);
  await expect(hit(page, "Mette")).toBeVisible();

  // The filters in use are chips above the results; removing one is the same search without it.
  const chips = page.getByRole("list", { name: "Aktive filtre" });
  await expect(chips.getByRole("link")).toHaveCount(2);
  await chips.getByRole("link", { name: "Fjern filteret Kørekort: B – almindelig bil" }).click();
  await afterNavigation(page, /\?q=sygeplejersker&region=1082&sortering=opdateret$/);
  await expect(chips.getByRole("link")).toHaveCount(1);
  await expect(chips.getByRole("link", { name: "Fjern filteret Bopælsregion: Region Midtjylland" })).toBeVisible();
});

test("kun søgbare CV'er findes, og en beskyttet adresse bruges aldrig @nojs", async ({ page }) => {
  await employerLogin(page);
  // Ahmad has not logged in for 13 weeks: his CV is no longer searchable.
  await searchFor(page, "kok", /\?q=kok$/);
  await expect(hit(page, "Ahmad")).toHaveCount(0);
  // Ida has not made her CV searchable.
  await searchFor(page, "butiksassistent", /\?q=butiksassistent$/);
  await expect(hit(page, "Ida")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /^0 CV'er fundet$/ })).toBeVisible();
  // Anne has a protected address: found by her CV, never by or with where she lives.
  await searchFor(page, "tømrer", /\?q=t%C3%B8mrer$/);
  await expect(hit(page, "Anne Kristensen")).toBeVisible();
  await expect(hit(page, "Anne Kristensen")).not.toContainText("Horsens");
  await page.getByLabel("Bopælskommune").selectOption("615");
  await page.getByRole("button", { name: "Søg", exact: true }).click();
  await afterNavigation(page, /\?q=t%C3%B8mrer&kommune=615$/);
  await expect(hit(page, "Anne Kristensen")).toHaveCount(0);
});

test("et ukendt postnummer giver en fejl ved feltet, og søgningen bevares @nojs", async ({ page }) => {
  await employerLogin(page);
  await page.getByLabel("Søgeord").fill("pædagog");
  await page.getByLabel("Afstand fra postnummer").fill("0000");
  await page.getByRole("button", { name: "Søg", exact: true }).click();
  await afterNavigation(page, /\?q=p%C3%A6dagog&postnr=0000$/);
  await expectFieldError(page, "Afstand fra postnummer", "Vi kender ikke det postnummer. Skriv et dansk postnummer med 4 cifre.");
  await expect(page.getByLabel("Søgeord")).toHaveValue("pædagog");
  await expect(page.getByLabel("Afstand fra postnummer")).toHaveValue("0000");
  // Corrected: within 50 km of Odense's 5000, Lars is found.
  await page.getByLabel("Afstand fra postnummer").fill("5000");
  await page.getByLabel("Afstand", { exact: true }).selectOption("50");
  await page.getByRole("button", { name: "Søg", exact: true }).click();
  await afterNavigation(page, /\?q=p%C3%A6dagog&postnr=5000&afstand=50$/);
  await expect(hit(page, "Lars")).toBeVisible();
  await expect(page.getByLabel("Afstand", { exact: true }).locator("option:checked")).toHaveText(/^Inden for 50 km \([1-9]\d*\)$/);
});

test("skjulte kontaktoplysninger: arbejdsgiveren skriver gennem support @nojs", async ({ page }) => {
  // Lars hides his phone and e-mail (the same in both runs: only if not already hidden).
  await visit(page, "/log-ind");
  await page.getByLabel("Brugernavn", { exact: true }).fill("lars");
  await page.getByLabel("Adgangskode", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log ind", exact: true }).click();
  await afterNavigation(page, /\/borger$/);
  await visit(page, "/borger/cv");
  const hide = page.getByRole("button", { name: "Skjul mine kontaktoplysninger" });
  if (await hide.isVisible()) await hide.click();
  await expect(page.getByText("Arbejdsgivere kan ikke se dit telefonnummer og din e-mail.")).toBeVisible();
  await logout(page);

  await employerLogin(page);
  await searchFor(page, "pædagog", /\?q=p%C3%A6dagog$/);
  await hit(page, "Lars").getByRole("link").click();
  await afterNavigation(page, /\/arbejdsgiver\/cv\/\d+$/);
  await expect(page.getByText("Borgeren har valgt ikke at vise telefonnummer og e-mail.", { exact: false })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("lars@eksempel.dk");
  await expect(page.locator("body")).not.toContainText("20304050");
  await page.getByRole("button", { name: "Send beskeden til supporten" }).click();
  await expectFieldError(page, /^Besked til borgeren/, "Udfyld feltet.");
  await page.getByLabel(/^Besked til borgeren/).fill("Vi har en stilling som pædagog i Odense. Ring gerne.");
  await page.getByRole("button", { name: "Send beskeden til supporten" }).click();
  await expect(page.getByText("Tak. Din besked er sendt til supporten, som giver den videre til borgeren.")).toBeVisible();
});
