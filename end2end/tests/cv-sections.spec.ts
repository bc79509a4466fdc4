/** Issue 3: every CV section — one validation error (the rest of the form kept), add, edit,
 * delete — with JavaScript on and off; drafts kept when the citizen leaves mid-way; the
 * no-JavaScript search-and-select for occupations; the print view. */
import { test, expect, visit, afterNavigation } from "./fixtures";
import { mitidLogin, createProfile, expectFieldError, fillDate, expectDate, ISO_DATE } from "./helpers";
import type { Page } from "@playwright/test";

/** An ISO date `days` from today (the server's clock is the machine's). */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d.toISOString().slice(0, 10);
}

type Fill = Record<string, string>;

interface Case {
  code: string;
  /** Values that are refused, and the field and message expected. */
  invalid: Fill;
  error: [label: string, message: string];
  /** What makes the form valid on top of `invalid` (the rest must still be there). */
  fix: Fill;
  /** Text that shows the saved entry. */
  shown: string;
  edit: Fill;
  edited: string;
}

/** Label → value. A value "[x]" checks the radio button labelled x; "{x}" selects option x. */
async function fill(page: Page, values: Fill) {
  const form = page.locator("form.cv-form");
  for (const [label, value] of Object.entries(values)) {
    if (value.startsWith("[")) await form.getByLabel(value.slice(1, -1), { exact: true }).check();
    else if (value.startsWith("{")) await form.getByLabel(label, { exact: true }).selectOption({ label: value.slice(1, -1) });
    else if (ISO_DATE.test(value)) await fillDate(form, label, value);
    else await form.getByLabel(label, { exact: true }).fill(value);
  }
}

const CASES: Case[] = [
  {
    code: "job_wish",
    invalid: { Stillingsbetegnelse: "Lagerarbejder", a: "[Uddannet inden for faget]", b: "[1-3 år]", c: "[Fuldtid]", d: "[Fast ansættelse]", e: "[Jeg kan starte fra en bestemt dato]" },
    error: ["Startdato (valgfrit)", "Udfyld feltet."],
    fix: { "Startdato (valgfrit)": day(30) },
    shown: "Lagerarbejder (DISCO-08 9333)",
    edit: { Stillingsbetegnelse: "Truckfører" },
    edited: "Truckfører (DISCO-08 8344)",
  },
  {
    code: "introduction",
    invalid: { "Lidt om mig": "   " },
    error: ["Lidt om mig", "Udfyld feltet."],
    fix: { "Lidt om mig": "Stabil og glad lagermedarbejder." },
    shown: "Stabil og glad lagermedarbejder.",
    edit: { "Lidt om mig": "Stabil lagermedarbejder med truckcertifikat." },
    edited: "Stabil lagermedarbejder med truckcertifikat.",
  },
  {
    code: "work_experience",
    invalid: { Stilling: "Lagerarbejder", Arbejdsplads: "", Startdato: "2020-05-01", "Arbejdsopgaver (valgfrit)": "Plukning og pakning" },
    error: ["Arbejdsplads", "Udfyld feltet."],
    fix: { Arbejdsplads: "PostNord" },
    shown: "Lagerarbejder, PostNord",
    edit: { Stilling: "Lagerchef" },
    edited: "Lagerchef, PostNord",
  },
  {
    code: "education",
    invalid: { Uddannelse: "Lager og logistik", "Skole/uddannelsessted": "EUC Syd", "Startdato for uddannelsen": day(10) },
    error: ["Startdato for uddannelsen", "Datoen må ikke ligge i fremtiden."],
    fix: { "Startdato for uddannelsen": "2015-08-01", "Slutdato for uddannelsen (valgfrit)": "2017-06-30" },
    shown: "Lager og logistik, EUC Syd",
    edit: { "Skole/uddannelsessted": "EUC Nord" },
    edited: "Lager og logistik, EUC Nord",
  },
  {
    code: "course",
    invalid: { Kursus: "Truckkursus", "Afsluttet år": "2024", "Varighed i dage": "0" },
    error: ["Varighed i dage", "Tallet ligger uden for det mulige. Tjek det."],
    fix: { "Varighed i dage": "5" },
    shown: "Truckkursus",
    edit: { Kursus: "Truckkursus, gaffeltruck B" },
    edited: "Truckkursus, gaffeltruck B",
  },
  {
    code: "certification",
    invalid: { Certifikat: "", "Gyldigt til og med år (valgfrit)": "2031" },
    error: ["Certifikat", "Udfyld feltet."],
    fix: { Certifikat: "Truckcertifikat B" },
    shown: "Truckcertifikat B",
    edit: { Certifikat: "Kranførercertifikat" },
    edited: "Kranførercertifikat",
  },
  {
    code: "qualification",
    // (The field's maxlength stops a too-long text in the browser; an empty one is refused.)
    invalid: { Kompetence: " " },
    error: ["Kompetence", "Udfyld feltet."],
    fix: { Kompetence: "Lagerstyring" },
    shown: "Lagerstyring",
    edit: { Kompetence: "Lagerstyring i SAP" },
    edited: "Lagerstyring i SAP",
  },
  {
    code: "driving_licence",
    invalid: {},
    error: ["Kørekortkategori", "Udfyld feltet."],
    fix: { Kørekortkategori: "{B – almindelig bil}" },
    shown: "B – almindelig bil",
    edit: { Kørekortkategori: "{C – stor lastbil}" },
    edited: "C – stor lastbil",
  },
  {
    code: "language",
    invalid: { a: "[B2 – øvet]" },
    error: ["Sprog", "Udfyld feltet."],
    fix: { Sprog: "{Engelsk}" },
    shown: "B2 – øvet",
    edit: { a: "[C1 – avanceret]" },
    edited: "C1 – avanceret",
  },
  {
    code: "it_skill",
    invalid: { "Program eller IT-kompetence": "", a: "[Øvet – bruger programmet selvstændigt i det daglige]" },
    error: ["Program eller IT-kompetence", "Udfyld feltet."],
    fix: { "Program eller IT-kompetence": "Excel" },
    shown: "Excel",
    edit: { "Program eller IT-kompetence": "Excel og Power BI" },
    edited: "Excel og Power BI",
  },
  {
    code: "why_applying",
    invalid: { "Virksomhedens navn": "Lego", "Hvorfor søger jeg": "" },
    error: ["Hvorfor søger jeg", "Udfyld feltet."],
    fix: { "Hvorfor søger jeg": "Jeg vil arbejde med logistik i stor skala." },
    shown: "Lego",
    edit: { "Virksomhedens navn": "LEGO System A/S" },
    edited: "LEGO System A/S",
  },
  {
    code: "volunteer",
    invalid: { Rolle: "Træner", Organisation: "Esbjerg fB", Startdato: "2019-08-01", "Slutdato (valgfrit)": "2018-01-01" },
    error: ["Slutdato (valgfrit)", "Slutdatoen skal ligge efter startdatoen."],
    fix: { "Slutdato (valgfrit)": "2022-06-30" },
    shown: "Træner, Esbjerg fB",
    edit: { Rolle: "Cheftræner" },
    edited: "Cheftræner, Esbjerg fB",
  },
  {
    code: "special_considerations",
    invalid: { "Særlige hensyn, jeg har brug for i et job": "" },
    error: ["Særlige hensyn, jeg har brug for i et job", "Udfyld feltet."],
    fix: { "Særlige hensyn, jeg har brug for i et job": "Jeg kan ikke løfte over 15 kg." },
    shown: "Jeg kan ikke løfte over 15 kg.",
    edit: { "Særlige hensyn, jeg har brug for i et job": "Jeg kan ikke løfte over 10 kg." },
    edited: "Jeg kan ikke løfte over 10 kg.",
  },
  {
    code: "absence",
    invalid: { a: "[Sygdom]", "Fra dato": day(2) },
    error: ["Fra dato", "Datoen må ikke ligge i fremtiden."],
    fix: { "Fra dato": day(-3) },
    shown: "Sygdom",
    edit: { a: "[Ferie]", "Fra dato": day(20), "Til dato (valgfrit)": day(27) },
    edited: "Ferie",
  },
];

const PERSONS = { js: { cpr: "2408691567", username: "jakob.m" }, nojs: { cpr: "0903702837", username: "joergen.m" } };

test("hvert afsnit i CV'et: fejl, tilføj, ret og slet @nojs", async ({ page }, info) => {
  // Fourteen sections × five page loads, each checked by axe (without JavaScript axe runs in
  // a copy of the page): minutes, not seconds.
  test.setTimeout(900_000);
  const js = info.project.name === "js";
  const person = PERSONS[js ? "js" : "nojs"];
  await mitidLogin(page, person.cpr, /\/borger\/opret-profil$/);
  await createProfile(page, person.username);
  await visit(page, "/borger/cv");

  for (const c of CASES) {
    await test.step(c.code, async () => {
      // Absence is Mit fravær, its own page (one registration), which Mit CV links to.
      const absence = c.code === "absence";
      const url = absence ? "/borger/fravaer" : `/borger/cv/afsnit/${c.code}`;
      // Mit CV's own link (the menu leads to Mit fravær too).
      await page.getByRole("main").locator(`a[href="${url}"]`).click();
      await afterNavigation(page, new RegExp(`${url}$`));
      const form = page.locator("form.cv-form");

      // One validation error: shown at the field and in the summary; the rest is kept.
      await fill(page, c.invalid);
      await form.getByRole("button", { name: "Gem" }).click();
      await expectFieldError(page, c.error[0], c.error[1]);
      if (!js) await afterNavigation(page);
      for (const [label, value] of Object.entries(c.invalid)) {
        if (value.startsWith("[")) await expect(form.getByLabel(value.slice(1, -1), { exact: true })).toBeChecked();
        else if (ISO_DATE.test(value)) await expectDate(form, label, value);
        else if (!value.startsWith("{") && label !== c.error[0]) await expect(form.getByLabel(label, { exact: true })).toHaveValue(value);
      }

      // Add.
      await fill(page, c.fix);
      await form.getByRole("button", { name: "Gem" }).click();
      await afterNavigation(page, new RegExp(`${url}$`));
      const list = page.locator(".cv-entries");
      await expect(list.getByText(c.shown, { exact: true })).toBeVisible();
      await expect(page.getByRole("alert")).toHaveCount(0);

      // Edit: the entry opens in the form, changed and saved.
      const name = (await list.locator(".cv-entry-title, .cv-text").first().innerText()).trim();
      await page.getByRole("link", { name: `Ret ${name}` }).click();
      await afterNavigation(page, /\?rediger=\d+$/);
      await expect(page.getByRole("heading", { level: 2, name: /^Ret / })).toBeVisible();
      await fill(page, c.edit);
      await form.getByRole("button", { name: "Gem" }).click();
      await afterNavigation(page, new RegExp(`${url}$`));
      await expect(list.getByText(c.edited, { exact: true })).toBeVisible();
      if (c.edited !== c.shown) await expect(list.getByText(c.shown, { exact: true })).toHaveCount(0);
      await expect(list.locator(".cv-entry")).toHaveCount(1);

      // Delete.
      const edited = (await list.locator(".cv-entry-title, .cv-text").first().innerText()).trim();
      await page.getByRole("button", { name: `Slet ${edited}` }).click();
      if (!js) await afterNavigation(page, new RegExp(`${url}`));
      await expect(page.locator(".cv-entries")).toHaveCount(0);

      if (absence) {
        await page.getByRole("link", { name: "Tilbage til Min side" }).click();
        await afterNavigation(page, /\/borger$/);
        await visit(page, "/borger/cv");
      } else {
        await page.getByRole("link", { name: "Tilbage til Mit CV" }).click();
        await afterNavigation(page, /\/borger\/cv$/);
      }
    });
  }
});

const DRAFT_PERSONS = { js: { cpr: "2808682989", username: "torben.k" }, nojs: { cpr: "1303004789", username: "lucas.j" } };

test("en halvfærdig formular gemmes som kladde og findes igen @nojs", async ({ page }, info) => {
  const js = info.project.name === "js";
  const person = DRAFT_PERSONS[js ? "js" : "nojs"];
  await mitidLogin(page, person.cpr, /\/borger\/opret-profil$/);
  await createProfile(page, person.username);
  await visit(page, "/borger/cv/afsnit/work_experience");
  const form = page.locator("form.cv-form");
  await form.getByLabel("Stilling", { exact: true }).fill("Havnearbejder");
  await form.getByLabel("Arbejdsopgaver (valgfrit)").fill("Fortøjning og lastning");
  await fillDate(form, "Startdato", "2018-03-01");
  if (js) {
    // Saved every few seconds while typing; the status says when.
    await expect(page.getByRole("status").filter({ hasText: /^Kladde gemt / })).toBeVisible({ timeout: 15_000 });
  } else {
    // Without JavaScript, the draft is kept when the form is sent.
    await form.getByRole("button", { name: "Gem" }).click();
    await afterNavigation(page);
    await expectFieldError(page, "Arbejdsplads", "Udfyld feltet.");
  }
  // Leave mid-way, come back: the draft is there, with when it was saved.
  await page.getByRole("link", { name: "Tilbage til Mit CV" }).click();
  await afterNavigation(page, /\/borger\/cv$/);
  await page.locator('a[href="/borger/cv/afsnit/work_experience"]').click();
  await afterNavigation(page, /\/borger\/cv\/afsnit\/work_experience$/);
  await expect(form.getByLabel("Stilling", { exact: true })).toHaveValue("Havnearbejder");
  await expect(form.getByLabel("Arbejdsopgaver (valgfrit)")).toHaveValue("Fortøjning og lastning");
  await expect(page.getByRole("status")).toContainText("Kladde sidst gemt");
  // Finishing it saves the entry and ends the draft.
  await expectDate(form, "Startdato", "2018-03-01");
  await form.getByLabel("Arbejdsplads", { exact: true }).fill("Esbjerg Havn");
  await form.getByRole("button", { name: "Gem" }).click();
  await afterNavigation(page, /\/borger\/cv\/afsnit\/work_experience$/);
  await expect(page.getByText("Havnearbejder, Esbjerg Havn", { exact: true })).toBeVisible();
  await expect(form.getByLabel("Stilling", { exact: true })).toHaveValue("");
  await expect(page.getByRole("status")).not.toContainText("Kladde");

  // Occupations: a word that is not a title from the list offers the closest titles to
  // choose among (the search-and-select that works without JavaScript).
  await visit(page, "/borger/cv/afsnit/job_wish");
  if (!js) {
    await form.getByLabel("Stillingsbetegnelse", { exact: true }).fill("havne");
    await form.getByRole("button", { name: "Gem" }).click();
    await afterNavigation(page);
    await form.getByLabel("Havnearbejder", { exact: true }).check();
  } else {
    await form.getByLabel("Stillingsbetegnelse", { exact: true }).fill("Havnearbejder");
  }
  await fill(page, { a: "[Ingen uddannelse inden for faget]", b: "[Over 5 år]", c: "[Fuldtid]", d: "[Fast ansættelse]", e: "[Jeg kan starte med det samme]" });
  await form.getByRole("button", { name: "Gem" }).click();
  await afterNavigation(page, /\/borger\/cv\/afsnit\/job_wish$/);
  await expect(page.getByText(/^Havnearbejder \(DISCO-08 \d{4}\)$/)).toBeVisible();

  // The print view holds the whole CV.
  await visit(page, "/borger/cv/udskriv");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("Havnearbejder, Esbjerg Havn")).toBeVisible();
});
