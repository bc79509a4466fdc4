/** Journeys 3 and 4: a citizen writes a first CV and makes it searchable; an employer
 * registers, accepts the terms, finds that CV by a word from it and opens it. */
import { test, expect, visit, afterNavigation } from "./fixtures";
import { mitidLogin, createProfile, logout, randomCvr, PASSWORD } from "./helpers";

test("borgerens CV findes og åbnes af en arbejdsgiver", async ({ page }) => {
  // Journey 3: the citizen's first CV.
  await mitidLogin(page, "2109632284", /\/borger\/opret-profil$/);
  await createProfile(page, "gitte.b");
  await page.getByRole("link", { name: "Mit CV" }).click();
  await afterNavigation(page, /\/borger\/cv$/);
  await expect(page.getByText("Dit CV er ikke søgbart.")).toBeVisible();

  // Not ready yet: a clear message says what is missing.
  await page.getByRole("button", { name: "Gør mit CV søgbart" }).click();
  await expect(page.getByRole("alert").getByText(/mindst ét job, du søger/)).toBeVisible();

  const we = page.locator("form").filter({ has: page.getByRole("button", { name: "Gem erhvervserfaring" }) });
  await we.getByLabel("Stilling").fill("Brolægger");
  await we.getByLabel("Arbejdsplads").fill("Roskilde Kommune, Vej og Park");
  await we.getByLabel("Arbejdsopgaver (valgfrit)").fill("Lægning af brosten og fliser på torve og fortove.");
  await expect(we.getByText(/Du har \d+ tegn tilbage/).first()).toBeVisible();
  await we.getByLabel("Hvad blev jeg særligt god til (valgfrit)").fill("Granitarbejde");
  await we.getByLabel("Startdato").fill("2011-04-01");
  await we.getByLabel("Slutdato (valgfrit)").fill("2025-12-31");
  await we.getByRole("button", { name: "Gem erhvervserfaring" }).click();
  await expect(page.getByRole("heading", { name: "Brolægger, Roskilde Kommune, Vej og Park" })).toBeVisible();
  await expect(page.getByText("01-04-2011 – 31-12-2025")).toBeVisible();
  await expect(we.getByLabel("Stilling")).toHaveValue("");

  const jw = page.locator("form").filter({ has: page.getByRole("button", { name: "Gem job, du søger" }) });
  await jw.getByLabel("Stillingsbetegnelse").fill("Anlægsgartner");
  await jw.getByLabel("Fuldtid").check();
  await jw.getByLabel("Tidsbegrænset ansættelse").check();
  await jw.getByRole("button", { name: "Gem job, du søger" }).click();
  await expect(page.getByText("Fuldtid, Tidsbegrænset ansættelse")).toBeVisible();

  await page.getByRole("button", { name: "Gør mit CV søgbart" }).click();
  await expect(page.getByText("Dit CV er søgbart.")).toBeVisible();
  await logout(page);

  // Journey 4: the employer.
  await visit(page, "/arbejdsgiver");
  await page.getByRole("link", { name: "Opret konto" }).click();
  await afterNavigation(page, /\/arbejdsgiver\/opret$/);
  await page.getByLabel("Virksomhedens navn").fill("Grøn Anlæg ApS");
  await page.getByLabel("CVR-nummer").fill(randomCvr());
  await page.getByLabel("Kontakt-e-mail").fill(`job${Date.now()}@groen.example`);
  await page.getByLabel("Adgangskode", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Opret konto" }).click();
  await afterNavigation(page, /\/arbejdsgiver\/vilkaar$/);

  // The seven points of the terms; no search before they are accepted.
  await expect(page.locator("ol.terms > li")).toHaveCount(7);
  await visit(page, "/arbejdsgiver/soeg?q=brolægger");
  await expect(page).toHaveURL(/\/arbejdsgiver\/vilkaar$/);
  await page.getByRole("button", { name: "Accepter og fortsæt" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Du skal acceptere vilkårene for at søge i CV'er." })).toBeVisible();
  await page.getByLabel("Vi accepterer vilkårene og betingelserne ovenfor").check();
  await page.getByRole("button", { name: "Accepter og fortsæt" }).click();
  await afterNavigation(page, /\/arbejdsgiver\/soeg$/);

  // Danish stemming: the plural finds the singular.
  await page.getByLabel("Søgeord").fill("brolæggere");
  await page.getByRole("button", { name: "Søg", exact: true }).click();
  await afterNavigation(page, /\/arbejdsgiver\/soeg\?q=brol%C3%A6ggere$/);
  await expect(page.getByText("1 CV'er fundet")).toBeVisible();
  await page.getByRole("link", { name: "Gitte Bach" }).click();
  await afterNavigation(page, /\/arbejdsgiver\/cv\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Gitte Bach" })).toBeVisible();
  await expect(page.getByText("gitte.b@eksempel.dk")).toBeVisible();
  await expect(page.getByText("Adresse", { exact: true })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("2109632284");
  await expect(page.locator("body")).not.toContainText("210963-2284");
});

test("en beskyttet adresse vises aldrig for arbejdsgivere", async ({ page }) => {
  await visit(page, "/arbejdsgiver");
  await page.getByLabel("E-mail").fill("rekruttering@regionmidt.example");
  await page.getByLabel("Adgangskode", { exact: true }).fill("demo-adgangskode");
  await page.getByRole("button", { name: "Log ind" }).click();
  await afterNavigation(page, /\/arbejdsgiver\/soeg$/);
  await page.getByLabel("Søgeord").fill("tømrer");
  await page.getByRole("button", { name: "Søg", exact: true }).click();
  await afterNavigation(page, /q=t%C3%B8mrer/);
  const hit = page.locator(".search-result").filter({ hasText: "Anne Kristensen" });
  await expect(hit).toBeVisible();
  await expect(hit).not.toContainText("Horsens");
  await hit.getByRole("link", { name: "Anne Kristensen" }).click();
  await afterNavigation(page, /\/arbejdsgiver\/cv\/\d+$/);
  await expect(page.getByText("Adresse", { exact: true })).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText("Horsens");
  await expect(page.locator("body")).not.toContainText("8700");
  await expect(page.getByText("anne@eksempel.dk")).toBeVisible();
});
