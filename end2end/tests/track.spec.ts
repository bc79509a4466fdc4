/**
 * Issue 25: the job seeker's track — Min Joblog, Mine møder, Mit fravær and Min Plan — from
 * the citizen's side and the jobcentre caseworker's, with JavaScript on and off. Every form
 * is a plain form post.
 *
 * Persons: the simulated CPR register has only one person living in Aarhus that no other
 * journey uses (Asger Kjær, served by Jobcenter Aarhus, anna.aarhus), and a jobcentre
 * reaches only citizens of the municipalities it serves. So the JavaScript-on run uses
 * Asger with Jobcenter Aarhus, the JavaScript-off run Emma Petersen of Frederikshavn with
 * Jobcenter Frederikshavn (per.frederikshavn), and within a run the journeys share that
 * person: each journey signs in with `citizenLogin`, which creates the profile if this is
 * the person's first sign-in, and each checks only what it made itself (its own entries,
 * its own meeting, its own free times), so the journeys pass in any order or alone.
 *
 * The notice after 30 days without a registration: the server runs on the wall clock, so
 * the journey runs the daily notice scans as they would run 30 days from now, with the
 * operator's command (`jobspor-server scan-notices --at`, on the journeys' database), as
 * a person of its own (Henrik Frederiksen, Frederikshavn), with JavaScript on only (no form
 * of its own).
 */
import type { Locator, Page, TestInfo } from "@playwright/test";
import { test, expect, visit, afterNavigation } from "./fixtures";
import { createProfile, expectDate, expectFieldError, fillDate, logout, mitidLogin, staffLogin } from "./helpers";

interface Person {
  cpr: string;
  username: string;
  /** The jobcentre serving the person's municipality, and its caseworker. */
  jobcentre: string;
  caseworker: string;
  caseworkerName: string;
}

const PERSONS: Record<"js" | "nojs", Person> = {
  js: { cpr: "2402094541", username: "asger.spor", jobcentre: "Jobcenter Aarhus", caseworker: "anna.aarhus", caseworkerName: "Anna Sørensen" },
  nojs: { cpr: "1404084512", username: "emma.spor", jobcentre: "Jobcenter Frederikshavn", caseworker: "per.frederikshavn", caseworkerName: "Per Nielsen" },
};

function person(info: TestInfo): Person {
  return PERSONS[info.project.name as "js" | "nojs"];
}

/** Today in Denmark (the server's "today") moved by `days`, as åååå-mm-dd. */
function dayInDenmark(days: number): string {
  // en-CA writes a date as åååå-mm-dd.
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A date as the pages show it: dd-mm-åååå. */
function daDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}-${m}-${y}`;
}

/** A meeting's time as the pages show it, e.g. "09-12-2026 kl. 10:30". */
function when(iso: string, time: string): string {
  return `${daDate(iso)} kl. ${time}`;
}

/** The ISO week (Danish weeks start on Monday) of a date: [year, week]. */
function isoWeek(iso: string): [number, number] {
  const d = new Date(`${iso}T12:00:00Z`);
  // The week's Thursday decides its year.
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + 3);
  const jan4 = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((d.getTime() - jan4.getTime()) / 86_400_000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return [d.getUTCFullYear(), week];
}

const MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];

/** How many of `dates` fall in each period, by the period's label, newest period first. */
function countBy(dates: string[], label: (iso: string) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const d of [...dates].sort().reverse()) counts.set(label(d), (counts.get(label(d)) ?? 0) + 1);
  return [...counts.entries()];
}

/** Signs the person in with MitID; the first time, the profile is created. */
async function citizenLogin(page: Page, p: Person) {
  await mitidLogin(page, p.cpr, /\/borger(\/opret-profil)?$/);
  if (new URL(page.url()).pathname === "/borger/opret-profil") await createProfile(page, p.username);
}

/** The person's jobcentre caseworker signs in and finds the person by CPR number. */
async function openCase(page: Page, p: Person) {
  await staffLogin(page, p.caseworker, "123456", /\/sagsbehandler$/);
  await page.getByLabel("Borgerens CPR-nummer").fill(p.cpr);
  await page.getByRole("button", { name: "Find borger" }).click();
  await afterNavigation(page, /\/sagsbehandler\/borger\/[0-9a-f]{32}$/);
}

async function byMenu(page: Page, label: string, url: RegExp) {
  const menu = page.getByRole("navigation", { name: "Hovedmenu" });
  await menu.getByRole("link", { name: label, exact: true }).click();
  await afterNavigation(page, url);
  await expect(menu.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
}

/** A refused form: the error summary is shown (after the post came back without
 * JavaScript, or at once with it), then the page is checked with axe. */
async function refused(page: Page) {
  await expect(page.getByRole("alert").filter({ hasText: "Der er problemer" })).toBeVisible();
  await afterNavigation(page);
}

/** A question with radio buttons in error: the summary's link, and the message in its
 * fieldset, which the fieldset points to. */
async function expectChoiceError(page: Page, legend: string, message: string) {
  const summary = page.getByRole("alert").filter({ hasText: "Der er problemer" });
  await expect(summary.getByRole("link", { name: message }).first()).toBeVisible();
  const group = page.getByRole("group", { name: legend, exact: true });
  const errorId = ((await group.getAttribute("aria-describedby")) ?? "").split(" ").find((id) => id.endsWith("-error"));
  expect(errorId, `"${legend}" is described by its error message`).toBeTruthy();
  await expect(group.locator(`#${errorId}`)).toContainText(message);
}

/** One meeting in a list of meetings, by its time (the entry's heading). */
function meeting(page: Page, at: string): Locator {
  return page.locator("li.cv-entry").filter({ has: page.getByRole("heading", { name: at, exact: true }) });
}

test("borgeren fører Min Joblog, og jobcentret læser den @nojs", async ({ page }, info) => {
  test.setTimeout(240_000);
  const p = person(info);
  // Logged out of order on purpose: the list goes by date, not by when it was typed.
  const first = { employer: "Bageriet Brødkassen", position: "Medhjælper i bagerbutikken", on: dayInDenmark(-2) };
  const second = { employer: "PostNord Logistik", position: "Lagerarbejder", on: dayInDenmark(-9) };
  const activity = { on: dayInDenmark(-1), description: "Netværksmøde for ledige i Ledernes netværk om jobsøgning." };

  await citizenLogin(page, p);
  await byMenu(page, "Min Joblog", /\/borger\/joblog$/);
  await expect(page.getByRole("heading", { level: 1, name: "Min Joblog" })).toBeVisible();
  await expect(page.getByText("Du har ikke registreret noget endnu.")).toBeVisible();

  // An application with the position typed freely, first sent with errors.
  await page.getByRole("link", { name: "Registrér en jobansøgning" }).click();
  await afterNavigation(page, /\/borger\/joblog\/ansoegning$/);
  await expect(page.getByRole("heading", { level: 1, name: "Jobansøgning" })).toBeVisible();
  // Not one of the occupations the field suggests.
  await expect(page.locator(`datalist#occupations option[value="${first.position}"]`)).toHaveCount(0);
  await page.getByLabel("Virksomhed", { exact: true }).fill(first.employer);
  await page.getByLabel("Stilling", { exact: true }).fill(first.position);
  await page.getByLabel("Hvor fandt du jobbet?").selectOption({ label: "Virksomhedens hjemmeside" });
  await fillDate(page, "Dato for ansøgningen", dayInDenmark(1));
  await page.getByLabel("Bemærkning (valgfrit)").fill("Afleveret ansøgningen personligt i butikken.");
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await refused(page);
  await expectFieldError(page, "Dato for ansøgningen", "Datoen må ikke ligge i fremtiden.");
  await expectChoiceError(page, "Hvordan søgte du?", "Vælg et svar.");
  await expectChoiceError(page, "Hvor står ansøgningen?", "Vælg et svar.");
  // What was typed is kept.
  await expect(page.getByLabel("Virksomhed", { exact: true })).toHaveValue(first.employer);
  await expect(page.getByLabel("Stilling", { exact: true })).toHaveValue(first.position);
  await expect(page.getByLabel("Hvor fandt du jobbet?").locator("option:checked")).toHaveText("Virksomhedens hjemmeside");
  await expectDate(page, "Dato for ansøgningen", dayInDenmark(1));
  await expect(page.getByLabel("Bemærkning (valgfrit)")).toHaveValue("Afleveret ansøgningen personligt i butikken.");

  await page.getByRole("group", { name: "Hvordan søgte du?" }).getByLabel("Personligt fremmøde").check();
  await fillDate(page, "Dato for ansøgningen", first.on);
  await page.getByRole("group", { name: "Hvor står ansøgningen?" }).getByLabel("Sendt", { exact: true }).check();
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await afterNavigation(page, /\/borger\/joblog\?gemt=1$/);
  await expect(page.getByText("Din registrering er gemt.")).toBeVisible();

  // An application for an occupation from the list the field suggests.
  await page.getByRole("link", { name: "Registrér en jobansøgning" }).click();
  await afterNavigation(page, /\/borger\/joblog\/ansoegning$/);
  await expect(page.locator(`datalist#occupations option[value="${second.position}"]`)).toHaveCount(1);
  await page.getByLabel("Virksomhed", { exact: true }).fill(second.employer);
  await page.getByLabel("Stilling", { exact: true }).fill(second.position);
  await page.getByLabel("Hvor fandt du jobbet?").selectOption({ label: "Jobportal, fx Jobnet" });
  await page.getByRole("group", { name: "Hvordan søgte du?" }).getByLabel("Online eller på e-mail").check();
  await fillDate(page, "Dato for ansøgningen", second.on);
  await page.getByRole("group", { name: "Hvor står ansøgningen?" }).getByLabel("Til samtale").check();
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await afterNavigation(page, /\/borger\/joblog\?gemt=1$/);

  // Another activity.
  await page.getByRole("link", { name: "Log en anden aktivitet" }).click();
  await afterNavigation(page, /\/borger\/joblog\/aktivitet$/);
  await expect(page.getByRole("heading", { level: 1, name: "Log om anden aktivitet" })).toBeVisible();
  await page.getByRole("group", { name: "Hvilken aktivitet?" }).getByLabel("Netværksmøde").check();
  await fillDate(page, "Dato", activity.on);
  await page.getByLabel("Beskrivelse", { exact: true }).fill(activity.description);
  await page.getByRole("button", { name: "Gem", exact: true }).click();
  await afterNavigation(page, /\/borger\/joblog\?gemt=1$/);

  // Newest first, by the date of each registration; and the counts per week and month.
  const headings = [
    "Anden aktivitet: Netværksmøde",
    `Jobansøgning: ${first.position} – ${first.employer}`,
    `Jobansøgning: ${second.position} – ${second.employer}`,
  ];
  const dates = [activity.on, first.on, second.on];
  const expectLog = async (scope: Locator) => {
    await expect(scope.locator("ul.joblog > li .h4")).toHaveText(headings);
    const firstEntry = scope.locator("ul.joblog > li").nth(1);
    await expect(firstEntry).toContainText(`Søgt: ${daDate(first.on)}`);
    await expect(firstEntry).toContainText("Status: Sendt");
    await expect(firstEntry).toContainText("Fundet via: Virksomhedens hjemmeside");
    await expect(firstEntry).toContainText("Søgt via: Personligt fremmøde");
    await expect(firstEntry).toContainText("Bemærkning: Afleveret ansøgningen personligt i butikken.");
    await expect(scope.locator("ul.joblog > li").nth(0)).toContainText(activity.description);
    await expect(scope.locator("ul.joblog > li").nth(2)).toContainText("Status: Til samtale");
    const tables: [string, [string, number][]][] = [
      ["Registreringer pr. uge", countBy(dates, (d) => `Uge ${isoWeek(d)[1]} ${isoWeek(d)[0]}`)],
      ["Registreringer pr. måned", countBy(dates, (d) => `${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`)],
    ];
    for (const [caption, counts] of tables) {
      const rows = scope.getByRole("table", { name: caption }).locator("tbody tr");
      await expect(rows).toHaveCount(counts.length);
      for (const [i, [label, count]] of counts.entries()) {
        await expect(rows.nth(i).getByRole("cell")).toHaveText([label, String(count)]);
      }
    }
  };
  await expectLog(page.locator("main"));
  await logout(page);

  // The jobcentre reads the joblog in the case page.
  await openCase(page, p);
  const joblog = page.getByRole("region", { name: "Joblog", exact: true });
  await expect(joblog.getByRole("heading", { level: 2, name: "Joblog" })).toBeVisible();
  await expectLog(joblog);
  // The jobcentre reads; only the citizen writes.
  await expect(joblog.getByRole("link", { name: /^Ret / })).toHaveCount(0);
  await expect(joblog.getByRole("button", { name: /^Slet / })).toHaveCount(0);
  await logout(page);

  // The citizen sees the reading in Min historik.
  await citizenLogin(page, p);
  await byMenu(page, "Min historik", /\/borger\/historik$/);
  const read = page
    .getByRole("row")
    .filter({ hasText: `${p.jobcentre} (sagsbehandler ${p.caseworkerName})` })
    .filter({ hasText: "Så din joblog" });
  await expect(read.first()).toBeVisible();
});

test("jobcentret indkalder til et møde, borgeren accepterer og har fået besked @nojs", async ({ page }, info) => {
  test.setTimeout(240_000);
  const p = person(info);
  const day = dayInDenmark(3);
  const at = when(day, "10:30");
  const place = `${p.jobcentre}, mødelokale 2`;
  const purpose = "Samtale om din jobsøgning og om, hvordan vi kan hjælpe dig videre.";

  await openCase(page, p);
  await page.getByRole("link", { name: "Se borgerens møder, og indkald til møde" }).click();
  await afterNavigation(page, /\/sagsbehandler\/moeder\/[0-9a-f]{32}$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Møder med / })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Indkald til et møde" })).toBeVisible();
  await fillDate(page, "Dato", day);
  await page.getByLabel("Klokkeslæt", { exact: true }).fill("10:30");
  await page.getByRole("group", { name: "Varighed" }).getByLabel("45 minutter").check();
  await page.getByRole("group", { name: "Mødeform" }).getByLabel("Fremmøde i jobcentret").check();
  await page.getByLabel("Sted", { exact: true }).fill(place);
  await page.getByLabel("Formål med mødet").fill(purpose);
  await page.getByLabel("Det skal borgeren have med (valgfrit)").fill("Dit CV og en liste over de job, du har søgt.");
  await page.getByRole("button", { name: "Send indkaldelse" }).click();
  // The page comes back with the meeting in its list, waiting for the citizen.
  await expect(meeting(page, at)).toContainText("Indkaldt – venter på dit svar");
  await afterNavigation(page, /\/sagsbehandler\/moeder\/[0-9a-f]{32}$/);
  await expect(meeting(page, at)).toContainText(place);
  await expect(meeting(page, at)).toContainText("45 minutter");
  await logout(page);

  // The citizen answers in Mine møder.
  await citizenLogin(page, p);
  await byMenu(page, "Mine møder", /\/borger\/moeder$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mine møder" })).toBeVisible();
  const summons = meeting(page, at);
  await expect(summons).toContainText("Indkaldt – venter på dit svar");
  await expect(summons).toContainText(`${p.jobcentre} (${p.caseworkerName})`);
  await expect(summons).toContainText("Fremmøde i jobcentret");
  await expect(summons).toContainText(place);
  await expect(summons).toContainText(purpose);
  await expect(summons).toContainText("Dit CV og en liste over de job, du har søgt.");
  await summons.getByRole("button", { name: `Acceptér indkaldelsen til mødet ${at}` }).click();
  await expect(meeting(page, at)).toContainText("Accepteret");
  await afterNavigation(page, /\/borger\/moeder$/);
  await expect(meeting(page, at).getByRole("button", { name: /^Acceptér/ })).toHaveCount(0);

  // The summons is also a notice in Mine beskeder.
  await byMenu(page, "Mine beskeder", /\/borger\/beskeder$/);
  const notice = page.locator("article.message").filter({ hasText: "Du er indkaldt til et møde i jobcentret" });
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText(`${p.jobcentre} har indkaldt dig til et møde ${at}.`);
  await logout(page);

  // The caseworker sees the answer.
  await openCase(page, p);
  await page.getByRole("link", { name: "Se borgerens møder, og indkald til møde" }).click();
  await afterNavigation(page, /\/sagsbehandler\/moeder\/[0-9a-f]{32}$/);
  await expect(meeting(page, at)).toContainText("Accepteret");
});

test("borgeren booker en ledig tid, flytter den og aflyser den @nojs", async ({ page }, info) => {
  test.setTimeout(240_000);
  const p = person(info);
  // The jobcentre's own free times for this journey, told apart from the demo's (Jobcenter
  // Aarhus has some) and from the other run's by the place.
  const times = [
    { day: dayInDenmark(4), time: "10:15", place: `${p.jobcentre}, mødelokale A (${info.project.name})` },
    { day: dayInDenmark(5), time: "11:45", place: `${p.jobcentre}, mødelokale B (${info.project.name})` },
  ].map((t) => ({ ...t, at: when(t.day, t.time) }));

  await staffLogin(page, p.caseworker, "123456", /\/sagsbehandler$/);
  await byMenu(page, "Tider til booking", /\/sagsbehandler\/tider$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tider til booking" })).toBeVisible();
  for (const t of times) {
    await fillDate(page, "Dato", t.day);
    await page.getByLabel("Klokkeslæt", { exact: true }).fill(t.time);
    await page.getByRole("group", { name: "Varighed" }).getByLabel("30 minutter").check();
    await page.getByRole("group", { name: "Mødeform" }).getByLabel("Fremmøde i jobcentret").check();
    await page.getByLabel("Sted", { exact: true }).fill(t.place);
    await page.getByRole("button", { name: "Læg tiden ud" }).click();
    await expect(page.getByRole("row").filter({ hasText: t.place })).toContainText(`${t.at} (30 minutter)`);
    await afterNavigation(page, /\/sagsbehandler\/tider$/);
  }
  await logout(page);

  await citizenLogin(page, p);
  await byMenu(page, "Mine møder", /\/borger\/moeder$/);
  const free = page.getByRole("table", { name: "Ledige tider i dit jobcenter" });
  const slot = (t: (typeof times)[number]) => free.getByRole("row").filter({ hasText: t.place });
  await expect(slot(times[0])).toContainText(`${times[0].at} (30 minutter)`);
  await expect(slot(times[1])).toBeVisible();

  // Booked: the time is the citizen's meeting, and no longer free.
  await slot(times[0]).getByRole("button").filter({ hasText: "Book" }).click();
  await expect(meeting(page, times[0].at)).toContainText("Booket af dig");
  await afterNavigation(page, /\/borger\/moeder$/);
  await expect(meeting(page, times[0].at)).toContainText(times[0].place);
  await expect(slot(times[0])).toHaveCount(0);
  await expect(slot(times[1])).toBeVisible();

  // Moved to the other time: the first is free again, the second taken.
  await meeting(page, times[0].at).getByRole("link").filter({ hasText: "Flyt tid" }).click();
  await afterNavigation(page, /\/borger\/moeder\?flyt=\d+$/);
  await expect(page.getByRole("heading", { level: 2, name: "Vælg en ny tid" })).toBeVisible();
  await slot(times[1]).getByRole("button").filter({ hasText: "Vælg denne tid" }).click();
  await expect(meeting(page, times[1].at)).toContainText("Booket af dig");
  await afterNavigation(page, /\/borger\/moeder$/);
  await expect(meeting(page, times[0].at)).toHaveCount(0);
  await expect(slot(times[0])).toBeVisible();
  await expect(slot(times[1])).toHaveCount(0);

  // Cancelled: both times are free again, and the meeting can no longer be moved.
  await meeting(page, times[1].at).getByRole("button").filter({ hasText: "Aflys tid" }).click();
  await expect(slot(times[1])).toBeVisible();
  await afterNavigation(page, /\/borger\/moeder$/);
  await expect(slot(times[0])).toBeVisible();
  await expect(meeting(page, times[1].at).getByRole("link").filter({ hasText: "Flyt tid" })).toHaveCount(0);
  await expect(meeting(page, times[1].at)).toContainText("Aflyst");
});

test("borgeren registrerer ferie i Mit fravær; jobcentret ser den, arbejdsgivere ikke @nojs", async ({ page }, info) => {
  test.setTimeout(240_000);
  const p = person(info);
  const from = dayInDenmark(20);
  const to = dayInDenmark(34);
  const period = `${daDate(from)} – ${daDate(to)}`;

  await citizenLogin(page, p);
  await byMenu(page, "Mit fravær", /\/borger\/fravaer$/);
  await expect(page.getByRole("heading", { level: 1, name: "Fravær" })).toBeVisible();
  await expect(page.getByText("arbejdsgivere ser dem aldrig")).toBeVisible();
  const form = page.locator("form.cv-form");
  // A holiday has an end: without one the form is refused, the rest kept.
  await form.getByRole("group", { name: "Type fravær" }).getByLabel("Ferie").check();
  await fillDate(form, "Fra dato", from);
  await form.getByRole("button", { name: "Gem", exact: true }).click();
  await refused(page);
  await expectFieldError(page, "Til dato (valgfrit)", "Udfyld feltet.");
  await expect(form.getByRole("group", { name: "Type fravær" }).getByLabel("Ferie")).toBeChecked();
  await expectDate(form, "Fra dato", from);
  await fillDate(form, "Til dato (valgfrit)", to);
  await form.getByRole("button", { name: "Gem", exact: true }).click();
  const holiday = page.locator("li.cv-entry").filter({ has: page.getByRole("heading", { name: "Ferie", exact: true }) });
  await expect(holiday).toContainText(period);
  await afterNavigation(page, /\/borger\/fravaer$/);

  // What an employer sees of the CV (the preview is the employer's view): no absence.
  await visit(page, "/borger/cv/som-arbejdsgiver");
  await expect(page.getByRole("heading", { level: 1, name: "Dit CV som en arbejdsgiver ser det" })).toBeVisible();
  const main = page.locator("main");
  await expect(main.getByRole("heading", { name: "Fravær" })).toHaveCount(0);
  await expect(main).not.toContainText("Ferie");
  await expect(main).not.toContainText(daDate(from));
  await expect(main).not.toContainText(daDate(to));
  await logout(page);

  // The jobcentre sees it with the CV.
  await openCase(page, p);
  const absence = page.getByRole("region", { name: "Fravær", exact: true });
  await expect(absence.getByRole("heading", { name: "Ferie", exact: true })).toBeVisible();
  await expect(absence).toContainText(period);
});

test("jobcentret skriver Min Plan, borgeren læser og kommenterer, og jobcentret ser det @nojs", async ({ page }, info) => {
  test.setTimeout(240_000);
  const p = person(info);
  const goal = "Fast job inden for lager og logistik i nærområdet, gerne med truck.";
  const activityText = `Truckcertifikat (B) hos AMU (${info.project.name})`;
  const comment = "Jeg vil gerne starte på truckkurset allerede i næste måned.";
  const openPlan = async () => {
    await openCase(page, p);
    await page.getByRole("link", { name: "Se og skriv borgerens plan" }).click();
    await afterNavigation(page, /\/sagsbehandler\/plan\/[0-9a-f]{32}$/);
    await expect(page.getByRole("heading", { level: 1, name: /^Plan for / })).toBeVisible();
  };

  // The caseworker writes the job goal, then one agreed activity.
  await openPlan();
  await page.getByLabel("Jobmål", { exact: true }).fill(goal);
  await page.getByRole("button", { name: "Gem mål" }).click();
  await expect(page.getByText("Borgeren har ikke læst planen, som den er nu.")).toBeVisible();
  await afterNavigation(page, /\/sagsbehandler\/plan\/[0-9a-f]{32}$/);
  await expect(page.locator("main p").filter({ hasText: goal }).first()).toBeVisible();

  await page.getByRole("group", { name: "Hvilken plan hører aktiviteten til?" }).getByLabel("Min Plan (job)").check();
  await page.getByLabel("Aktivitet", { exact: true }).fill(activityText);
  await fillDate(page, "Fra dato", dayInDenmark(7));
  await fillDate(page, "Til dato (valgfrit)", dayInDenmark(21));
  await page.getByRole("group", { name: "Hvor langt er aktiviteten?" }).getByLabel("Aftalt").check();
  await page.getByRole("button", { name: "Gem aktivitet" }).click();
  const activityRow = page.getByRole("row").filter({ hasText: activityText });
  await expect(activityRow).toContainText("Aftalt");
  await afterNavigation(page, /\/sagsbehandler\/plan\/[0-9a-f]{32}$/);
  await logout(page);

  // The citizen reads the plan, marks it read and comments.
  await citizenLogin(page, p);
  await byMenu(page, "Min Plan", /\/borger\/plan$/);
  await expect(page.getByRole("heading", { level: 1, name: "Min Plan" })).toBeVisible();
  await expect(page.getByText(goal)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: activityText })).toContainText("Aftalt");
  await expect(page.getByText(`Skrevet af ${p.jobcentre} (${p.caseworkerName}), senest ændret`)).toBeVisible();
  await expect(page.getByText("Du har ikke markeret planen, som den er nu, som læst.")).toBeVisible();
  await page.getByRole("button", { name: "Markér planen som læst" }).click();
  await expect(page.getByText(/^Du markerede planen som læst .+\.$/)).toBeVisible();
  await afterNavigation(page, /\/borger\/plan$/);
  await expect(page.getByRole("button", { name: "Markér planen som læst" })).toHaveCount(0);

  // An empty comment is refused.
  await page.getByRole("button", { name: "Send kommentar" }).click();
  await refused(page);
  await expectFieldError(page, "Din kommentar til planen", "Udfyld feltet.");
  await page.getByLabel("Din kommentar til planen").fill(comment);
  await page.getByRole("button", { name: "Send kommentar" }).click();
  await expect(page.getByText(comment, { exact: true })).toBeVisible();
  await afterNavigation(page, /\/borger\/plan$/);
  await logout(page);

  // The caseworker sees that the plan as it stands was read, and the comment.
  await openPlan();
  await expect(page.getByText(/^Borgeren markerede planen, som den er nu, som læst .+\.$/)).toBeVisible();
  await expect(page.getByText(comment)).toBeVisible();
});

test("30 dage uden registrering i joblog: borgeren får besked, og jobcentret ser et flag", async ({ page }) => {
  const henrik: Person = { cpr: "2806823409", username: "henrik.spor", jobcentre: "Jobcenter Frederikshavn", caseworker: "per.frederikshavn", caseworkerName: "Per Nielsen" };
  await citizenLogin(page, henrik);
  await page.getByRole("link", { name: "Tilmeld dig som jobsøgende" }).click();
  await afterNavigation(page, /\/borger\/jobsoegende$/);
  await page.getByRole("group", { name: "Hvad er din situation?" }).getByLabel("Jeg har søgt eller får kontanthjælp", { exact: true }).check();
  await page.getByRole("button", { name: "Tilmeld" }).click();
  await afterNavigation(page, /\/borger\/forberedelse$/);
  await logout(page);

  // The daily scans as at 30 days and an hour from now.
  const at = new Date(Date.now() + (30 * 24 + 1) * 3_600_000).toISOString();
  const { execFileSync } = await import("node:child_process");
  const server = `${process.env.CARGO_TARGET_DIR}/release/jobspor-server`;
  const report = execFileSync(server, ["scan-notices", "--at", at], { encoding: "utf8", env: process.env });
  expect(report).toMatch(/joblog_silences: [1-9]/);

  // The citizen is told in Mine beskeder, without anything from the log. (Its e-mail is
  // queued as at the scan's time too, so it would leave in 30 days; the delivery of a
  // notice by mail is the notices journeys'.)
  await citizenLogin(page, henrik);
  await byMenu(page, "Mine beskeder", /\/borger\/beskeder$/);
  const notice = page.locator("article.message").filter({ hasText: "Du har ikke registreret jobsøgning i 30 dage" });
  await expect(notice).toContainText("Registrér dine ansøgninger og andre aktiviteter i Min Joblog.");
  await expect(notice).not.toContainText("280682");
  await logout(page);

  // The jobcentre sees the flag beside the (empty) joblog.
  await openCase(page, henrik);
  const joblog = page.getByRole("region", { name: "Joblog" });
  await expect(joblog.getByText(/^Borgeren har ikke registreret jobsøgning siden \d{2}-\d{2}-\d{4} \(30 dage eller mere\)\. Borgeren har fået besked\.$/)).toBeVisible();
});
