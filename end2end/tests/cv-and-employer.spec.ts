/** Journeys 3 and 4: a citizen writes a first CV and makes it searchable; an employer
 * signs in with MitID Erhverv, accepts the terms for the company, finds that CV by a word from it and opens it. */
import { test, expect, visit, afterNavigation } from "./fixtures";
import { mitidLogin, mitidErhvervLogin, createProfile, logout, fillDate } from "./helpers";

/** The JavaScript-on and -off runs write different CVs, so each search finds exactly one. */
const RUNS = {
  js: { cpr: "2109632284", name: "Gitte Bach", username: "gitte.b", position: "Brolægger", query: "brolæggere", encoded: "brol%C3%A6ggere", employer: "Ali Demir, Kodeværkstedet ApS (CVR 34099219)", company: "Kodeværkstedet ApS" },
  nojs: { cpr: "2403661061", name: "Jens Dam Rasmussen", username: "jens.r", position: "Glarmester", query: "glarmester", encoded: "glarmester", employer: "Signe Kjeldsen, Aarhus Cykellager ApS (CVR 37751022)", company: "Aarhus Cykellager ApS" },
};

test("borgerens CV findes og åbnes af en arbejdsgiver @nojs", async ({ page }, info) => {
  // The longest journey (fourteen sections, then the employer): without JavaScript each axe
  // check copies the page, which takes it near the default limit on two busy cores.
  test.setTimeout(240_000);
  const run = RUNS[info.project.name as "js" | "nojs"];
  const js = info.project.name === "js";
  // Journey 3: the citizen's first CV.
  await mitidLogin(page, run.cpr, /\/borger\/opret-profil$/);
  await createProfile(page, run.username);
  await page.getByRole("link", { name: "Mit CV" }).click();
  await afterNavigation(page, /\/borger\/cv$/);
  await expect(page.getByText("Dit CV er ikke søgbart.")).toBeVisible();

  // Not ready yet: a clear message says what is missing.
  await page.getByRole("button", { name: "Gør mit CV søgbart" }).click();
  await expect(page.getByRole("alert").getByText(/mindst ét job, du søger, og mindst én erhvervserfaring eller uddannelse/)).toBeVisible();
  if (!js) await afterNavigation(page, /\/borger\/cv/);

  // Each section has its own page, reached from "Mit CV".
  const form = page.locator("form.cv-form");
  const open = async (code: string) => {
    await page.locator(`a[href="/borger/cv/afsnit/${code}"]`).click();
    await afterNavigation(page, new RegExp(`/borger/cv/afsnit/${code}$`));
  };
  const saveAndReturn = async (code: string, shown: string) => {
    await form.getByRole("button", { name: "Gem" }).click();
    await afterNavigation(page, new RegExp(`/borger/cv/afsnit/${code}$`));
    await expect(page.locator(".cv-entries").getByText(shown, { exact: true })).toBeVisible();
    await page.getByRole("link", { name: "Tilbage til Mit CV" }).click();
    await afterNavigation(page, /\/borger\/cv$/);
  };

  await open("work_experience");
  await form.getByLabel("Stilling").fill(run.position);
  await form.getByLabel("Arbejdsplads").fill("Roskilde Kommune, Vej og Park");
  await form.getByLabel("Arbejdsopgaver (valgfrit)").fill("Lægning af brosten og fliser på torve og fortove.");
  if (js) await expect(form.getByText(/Du har \d+ tegn tilbage/).first()).toBeVisible();
  await form.getByLabel("Hvad blev jeg særligt god til (valgfrit)").fill("Granitarbejde");
  await fillDate(form, "Startdato", "2011-04-01");
  await fillDate(form, "Slutdato (valgfrit)", "2025-12-31");
  await saveAndReturn("work_experience", `${run.position}, Roskilde Kommune, Vej og Park`);
  await expect(page.getByText("01-04-2011 – 31-12-2025")).toBeVisible();

  await open("education");
  await form.getByLabel("Uddannelse", { exact: true }).fill("Brolæggeruddannelsen");
  await form.getByLabel("Skole/uddannelsessted").fill("Roskilde Tekniske Skole");
  await fillDate(form, "Startdato for uddannelsen", "2008-08-01");
  await fillDate(form, "Slutdato for uddannelsen (valgfrit)", "2011-03-31");
  await saveAndReturn("education", "Brolæggeruddannelsen, Roskilde Tekniske Skole");

  await open("job_wish");
  await form.getByLabel("Stillingsbetegnelse").fill("Anlægsgartner");
  await form.getByLabel("Uddannet inden for faget").check();
  await form.getByLabel("Over 5 år").check();
  await form.getByLabel("Fuldtid").check();
  await form.getByLabel("Tidsbegrænset ansættelse").check();
  await form.getByLabel("Jeg kan starte med det samme").check();
  await saveAndReturn("job_wish", "Anlægsgartner (DISCO-08 6113)");

  // Hidden from employers: special considerations.
  await open("special_considerations");
  await form.getByLabel("Særlige hensyn, jeg har brug for i et job").fill("Kan ikke arbejde i nattevagter.");
  await saveAndReturn("special_considerations", "Kan ikke arbejde i nattevagter.");

  await page.getByRole("button", { name: "Gør mit CV søgbart" }).click();
  if (!js) await afterNavigation(page, /\/borger\/cv$/);
  // Searchable for 12 weeks from this login (the core's rule; the date is the server's).
  await expect(page.getByText(/^Dit CV er søgbart til \d{2}-\d{2}-\d{4}\.$/)).toBeVisible();

  // The preview shows what an employer will see.
  await page.getByRole("link", { name: "Se dit CV som en arbejdsgiver ser det" }).click();
  await afterNavigation(page, /\/borger\/cv\/som-arbejdsgiver$/);
  await expect(page.getByRole("heading", { level: 2, name: run.name })).toBeVisible();
  await expect(page.getByText(`${run.username}@eksempel.dk`)).toBeVisible();
  await expect(page.getByText("Anlægsgartner (DISCO-08 6113)")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(run.cpr);
  await expect(page.locator("main")).not.toContainText("nattevagter");
  await logout(page);

  // Journey 4: the employer signs in with MitID Erhverv for a company that has not yet
  // accepted the terms (one company per project: the acceptance is the company's).
  await mitidErhvervLogin(page, run.employer, /\/arbejdsgiver\/vilkaar$/);
  await expect(page.getByText(run.company).first()).toBeVisible();

  // The seven points of the terms; no search before they are accepted.
  await expect(page.locator("ol.terms > li")).toHaveCount(7);
  await visit(page, "/arbejdsgiver/soeg?q=brolægger");
  await expect(page).toHaveURL(/\/arbejdsgiver\/vilkaar$/);
  await page.getByRole("button", { name: "Accepter og fortsæt" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Du skal acceptere vilkårene for at søge i CV'er." })).toBeVisible();
  if (!js) await afterNavigation(page, /\/arbejdsgiver\/vilkaar/);
  await page.getByLabel("Vi accepterer vilkårene og betingelserne ovenfor").check();
  await page.getByRole("button", { name: "Accepter og fortsæt" }).click();
  await afterNavigation(page, /\/arbejdsgiver\/soeg$/);

  // Danish stemming: the plural finds the singular.
  await page.getByLabel("Søgeord").fill(run.query);
  await page.getByRole("button", { name: "Søg", exact: true }).click();
  await afterNavigation(page, new RegExp(`/arbejdsgiver/soeg\\?q=${run.encoded}$`));
  await expect(page.getByText("1 CV fundet")).toBeVisible();
  await page.getByRole("link", { name: run.name }).click();
  await afterNavigation(page, /\/arbejdsgiver\/cv\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: run.name })).toBeVisible();
  await expect(page.getByText(`${run.username}@eksempel.dk`)).toBeVisible();
  await expect(page.getByText("Adresse", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Brolæggeruddannelsen, Roskilde Tekniske Skole" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("nattevagter");
  await expect(page.locator("body")).not.toContainText(run.cpr);
  await expect(page.locator("body")).not.toContainText(`${run.cpr.slice(0, 6)}-${run.cpr.slice(6)}`);
});

test("en beskyttet adresse vises aldrig for arbejdsgivere @nojs", async ({ page }) => {
  await mitidErhvervLogin(page, "Karen Holm, Region Midtjylland (CVR 29190925)", /\/arbejdsgiver\/soeg$/);
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
