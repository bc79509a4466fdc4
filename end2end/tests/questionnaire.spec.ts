/** Issue 4: registering as a job seeker and the preparation questionnaires, with the pilot
 * municipalities' disability questions — with JavaScript on and off. Each journey uses its
 * own synthetic persons (one for each run). */
import { test, expect, visit, afterNavigation } from "./fixtures";
import { mitidLogin, createProfile, expectFieldError, logout, staffLogin } from "./helpers";
import type { Page } from "@playwright/test";

type Persons = { js: [cpr: string, username: string]; nojs: [cpr: string, username: string] };

function person(persons: Persons, project: string): [string, string] {
  return project === "js" ? persons.js : persons.nojs;
}

/** Ticks `answer` in the question (a fieldset) whose legend is `question`. */
async function choose(page: Page, question: string, answer: string) {
  await page.getByRole("group", { name: question, exact: true }).getByLabel(answer, { exact: true }).check();
}

async function next(page: Page, url: RegExp) {
  await page.getByRole("button", { name: "Næste" }).click();
  await afterNavigation(page, url);
}

/** First login, profile, and registration with `situation` (and an a-kasse for dagpenge). */
async function register(page: Page, cpr: string, username: string, situation: string, aKasse?: string) {
  await mitidLogin(page, cpr, /\/borger\/opret-profil$/);
  await createProfile(page, username);
  await page.getByRole("link", { name: "Tilmeld dig som jobsøgende" }).click();
  await afterNavigation(page, /\/borger\/jobsoegende$/);
  await choose(page, "Hvad er din situation?", situation);
  if (aKasse) await page.getByLabel("Hvilken a-kasse er du medlem af?").selectOption({ label: aKasse });
  await page.getByRole("button", { name: "Tilmeld" }).click();
  await afterNavigation(page, /\/borger\/forberedelse$/);
}

const AARHUS: Persons = { js: ["1906910161", "william.m"], nojs: ["1207720190", "louise.t"] };

test("dagpengemodtager i Aarhus: registeroplysninger, helbredsspørgsmål, pause undervejs og kvittering @nojs", async ({ page }, info) => {
  test.setTimeout(300_000);
  const js = info.project.name === "js";
  const [cpr, username] = person(AARHUS, info.project.name);
  await mitidLogin(page, cpr, /\/borger\/opret-profil$/);
  await createProfile(page, username);

  // Registration: dagpenge needs the a-kasse, which is asked only after "dagpenge".
  await visit(page, "/borger/jobsoegende");
  await expect(page.getByLabel("Hvilken a-kasse er du medlem af?")).toBeHidden();
  await choose(page, "Hvad er din situation?", "Jeg får eller har søgt dagpenge");
  await expect(page.getByLabel("Hvilken a-kasse er du medlem af?")).toBeVisible();
  await page.getByRole("button", { name: "Tilmeld" }).click();
  if (!js) await afterNavigation(page);
  await expectFieldError(page, "Hvilken a-kasse er du medlem af?", "Vælg et svar.");
  await page.getByLabel("Hvilken a-kasse er du medlem af?").selectOption({ label: "HK A-kasse" });
  await page.getByRole("button", { name: "Tilmeld" }).click();
  await afterNavigation(page, /\/borger\/forberedelse$/);
  await expect(page.getByRole("heading", { level: 1, name: "Forberedelsesskema for dagpengemodtagere" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Helbred og job" })).toBeVisible();

  // Step 1: the register data, read-only, each with its source.
  await page.getByRole("link", { name: "Start" }).click();
  await afterNavigation(page, /\/registeroplysninger$/);
  await expect(page.getByText("Trin 1 af 7")).toBeVisible();
  for (const fact of ["Alder", "Herkomst", "Overførselsgrad på offentlig forsørgelse, ekskl. SU, de seneste 5 år", "Dagpengegrad det seneste år", "Lønindkomst det seneste år"]) {
    await expect(page.getByText(fact, { exact: true })).toBeVisible();
  }
  await expect(page.getByText(/^\d+ år \(Kilde/)).toBeVisible();
  await expect(page.getByText("(Kilde: CPR-registeret (simuleret))").first()).toBeVisible();
  await next(page, /\/uddannelse$/);

  await expect(page.getByText("Trin 2 af 7")).toBeVisible();
  await choose(page, "Din uddannelseslængde", "Erhvervsuddannelse");
  await choose(page, "Din fagretning", "Teknik, byggeri og transport");
  await next(page, /\/ledighed$/);
  await choose(page, "Hvor hurtigt tror du selv, at du finder et nyt job?", "Inden for 3 måneder");
  await choose(page, "Hvorfor er du ledig?", "Jeg er blevet afskediget");
  await choose(page, "Hvor længe har du vidst, at du ville blive ledig?", "1-3 måneder");
  await next(page, /\/jobsoegning$/);

  // Leave mid-way: what is filled in is saved, and is there on coming back.
  await choose(page, "Hvor mange job har du søgt den seneste måned?", "3-5 job");
  await choose(page, "Hvordan vurderer du jobmulighederne inden for din branche?", "Gode");
  await page.getByRole("button", { name: "Gem og fortsæt senere" }).click();
  await afterNavigation(page, /\/borger\/forberedelse\?gemt=1$/);
  await expect(page.getByText("Dine svar er gemt.")).toBeVisible();
  await visit(page, "/borger");
  await page.getByRole("link", { name: "Forberedelsesskema" }).click();
  await afterNavigation(page, /\/borger\/forberedelse$/);
  await page.getByRole("link", { name: "Fortsæt" }).click();
  await afterNavigation(page, /\/jobsoegning$/);
  await expect(page.getByRole("group", { name: "Hvor mange job har du søgt den seneste måned?" }).getByLabel("3-5 job")).toBeChecked();
  await expect(page.getByRole("group", { name: "Hvordan vurderer du jobmulighederne inden for din branche?" }).getByLabel("Gode", { exact: true })).toBeChecked();
  await choose(page, "Hvilke job vil du helst have?", "Job inden for mit fag eller et beslægtet fag");
  await choose(page, "Hvordan søger du job?", "Jeg søger opslåede stillinger");
  await choose(page, "Hvordan søger du job?", "Jeg bruger mit netværk");
  await next(page, /\/overvejelser$/);

  // A "yes" needs its elaboration: the error is shown, the other answers kept.
  await expect(page.getByLabel("Uddyb, hvad der hindrer dig i at få et arbejde")).toBeHidden();
  await page.getByLabel("Har du andre overvejelser om din jobsøgning? (valgfrit)").fill("Jeg vil gerne arbejde i weekenden.");
  await choose(page, "Er der noget, der hindrer dig i at få et arbejde?", "Ja");
  await page.getByRole("button", { name: "Næste" }).click();
  if (!js) await afterNavigation(page);
  await expectFieldError(page, "Uddyb, hvad der hindrer dig i at få et arbejde", "Udfyld feltet.");
  await expect(page.getByLabel("Har du andre overvejelser om din jobsøgning? (valgfrit)")).toHaveValue("Jeg vil gerne arbejde i weekenden.");
  await expect(page.getByRole("group", { name: "Er der noget, der hindrer dig i at få et arbejde?" }).getByLabel("Ja")).toBeChecked();
  await page.getByLabel("Uddyb, hvad der hindrer dig i at få et arbejde").fill("Jeg har ingen bil og bor langt fra offentlig transport.");
  await next(page, /\/helbred$/);

  // The pilot's questions: Aarhus is a pilot municipality.
  await expect(page.getByText("Trin 6 af 7")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Helbred og job" })).toBeVisible();
  await choose(page, "Har du et helbredsproblem eller en funktionsnedsættelse?", "Ja, i mindre grad");
  await choose(page, "Hvilken betydning har det for dine muligheder for at få et job?", "Nogen betydning");
  await next(page, /\/tjek$/);

  // Check your answers: each with a link back; then send.
  await expect(page.getByText("Trin 7 af 7")).toBeVisible();
  await expect(page.getByText("Jeg er blevet afskediget")).toBeVisible();
  await expect(page.getByText("Jeg søger opslåede stillinger, Jeg bruger mit netværk")).toBeVisible();
  await expect(page.getByText("Ja, i mindre grad")).toBeVisible();
  await page.getByRole("link", { name: "Ret svaret på: Hvorfor er du ledig?" }).click();
  await afterNavigation(page, /\/ledighed#q-reason$/);
  await expect(page.getByRole("group", { name: "Hvorfor er du ledig?" }).getByLabel("Jeg er blevet afskediget")).toBeChecked();
  await visit(page, "/borger/forberedelse/tjek");
  await page.getByRole("button", { name: "Send skemaet" }).click();
  await afterNavigation(page, /\/borger\/forberedelse\/kvittering$/);
  await expect(page.getByRole("heading", { level: 1, name: "Kvittering: dit forberedelsesskema er sendt" })).toBeVisible();
  await expect(page.getByText(/blev sendt .* til Jobcenter Aarhus\./)).toBeVisible();

  // The caseworker reads the health answers; the citizen sees that in Min historik.
  await logout(page);
  await staffLogin(page, "anna.aarhus", "123456", /\/sagsbehandler$/);
  await page.getByLabel("Borgerens CPR-nummer").fill(cpr);
  await page.getByRole("button", { name: "Find borger" }).click();
  await afterNavigation(page, /\/sagsbehandler\/borger\/[0-9a-f]{32}$/);
  await expect(page.getByRole("heading", { level: 2, name: "Helbred og job (følsomme oplysninger)" })).toBeVisible();
  await expect(page.getByText("Ja, i mindre grad")).toBeVisible();
  // The whole profile: CPR data, contact details, the CV (all of it).
  await expect(page.getByRole("heading", { level: 2, name: "Person- og kontaktoplysninger" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "CV", exact: true })).toBeVisible();
  // The lookup is in the caseworker's own audit.
  await visit(page, "/sagsbehandler/opslag");
  await expect(
    page.getByRole("row").filter({ hasText: `${cpr.slice(0, 6)}-${cpr.slice(6)}` }).first(),
  ).toContainText("Fundet");
  await logout(page);
  await mitidLogin(page, cpr, /\/borger$/);
  await visit(page, "/borger/historik");
  await expect(page.getByText("Så dine svar om helbred")).toBeVisible();
  await expect(page.getByText("Så dit CV", { exact: true })).toBeVisible();
  await expect(page.getByText("Jobcenter Aarhus (sagsbehandler Anna Sørensen)").first()).toBeVisible();
});

const ODENSE: Persons = { js: ["2211792422", "pernille.b"], nojs: ["2201064086", "julie.m"] };

test("dagpengemodtager i Odense får ikke spørgsmålene om helbred @nojs", async ({ page }, info) => {
  const [cpr, username] = person(ODENSE, info.project.name);
  await register(page, cpr, username, "Jeg får eller har søgt dagpenge", "3F A-kasse");
  await expect(page.getByRole("heading", { level: 1, name: "Forberedelsesskema for dagpengemodtagere" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Helbred og job" })).toHaveCount(0);
  await page.getByRole("link", { name: "Start" }).click();
  await afterNavigation(page, /\/registeroplysninger$/);
  await expect(page.getByText("Trin 1 af 6")).toBeVisible();
  // The step is not theirs, even by its address.
  await visit(page, "/borger/forberedelse/helbred");
  await expect(page.getByText("Siden eller oplysningen findes ikke.")).toBeVisible();
  await visit(page, "/borger/forberedelse/tjek");
  await expect(page.getByText("Trin 6 af 6")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Helbred og job" })).toHaveCount(0);
});

const LAESOE: Persons = { js: ["2110810020", "mette.moeller"], nojs: ["0211990216", "sofie.l"] };

test("kontanthjælpsansøger på Læsø får spørgsmålene om helbred @nojs", async ({ page }, info) => {
  const [cpr, username] = person(LAESOE, info.project.name);
  await register(page, cpr, username, "Jeg har søgt eller får kontanthjælp");
  await expect(page.getByRole("heading", { level: 1, name: "Forberedelsesskema" })).toBeVisible();
  await page.getByRole("link", { name: "Helbred og job" }).click();
  await afterNavigation(page, /\/helbred$/);
  await expect(page.getByText("Trin 5 af 6")).toBeVisible();
  await expect(page.getByText(/Din kommune deltager i forsøget/)).toBeVisible();
  // The follow-up appears only after an answer that asks it.
  await expect(page.getByText("Hvilken betydning har det for dine muligheder for at få et job?")).toBeHidden();
  await choose(page, "Har du et helbredsproblem eller en funktionsnedsættelse?", "Ja, i høj grad");
  await expect(page.getByText("Hvilken betydning har det for dine muligheder for at få et job?")).toBeVisible();
  await choose(page, "Hvilken betydning har det for dine muligheder for at få et job?", "Stor betydning");
  await next(page, /\/tjek$/);
  await expect(page.getByText("Ja, i høj grad")).toBeVisible();
  // Not complete yet: the job-search steps are unanswered, so it cannot be sent.
  await expect(page.getByRole("button", { name: "Send skemaet" })).toHaveCount(0);
  await expect(page.getByText("Ikke besvaret").first()).toBeVisible();
});

const EDUCATION: Persons = { js: ["1002005409", "mads.a"], nojs: ["0412024110", "maja.c"] };

test("uddannelseshjælp: uddannelsesskemaet med begge opfølgende spørgsmål @nojs", async ({ page }, info) => {
  test.setTimeout(240_000);
  const [cpr, username] = person(EDUCATION, info.project.name);
  await register(page, cpr, username, "Jeg får uddannelseshjælp");
  await expect(page.getByRole("heading", { level: 1, name: "Forberedelsesskema om uddannelse" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Helbred og job" })).toHaveCount(0);
  await page.getByRole("link", { name: "Start" }).click();
  await afterNavigation(page, /\/skolegang$/);
  await expect(page.getByText("Trin 1 af 4")).toBeVisible();
  await choose(page, "Hvad er den højeste uddannelse, du har gennemført?", "Folkeskolens 9. eller 10. klasse");
  await choose(page, "Hvad var dit karaktergennemsnit i folkeskolen?", "Fra 4 til under 7");
  await choose(page, "Har du tidligere været glad for at gå i skole?", "Nej, ikke så meget");
  await next(page, /\/uddannelsesplaner$/);
  await choose(page, "Har du lyst til at starte på en uddannelse af mindst 1 års varighed?", "Måske");
  await choose(page, "Hvor vigtig tror du, at en uddannelse er for dine fremtidige muligheder på arbejdsmarkedet?", "Vigtig");
  await choose(page, "Hvor ser du dig selv om 6 måneder?", "I gang med en uddannelse");
  await choose(page, "Synes du, det er svært at vælge en uddannelse?", "Ja, lidt svært");
  await choose(page, "Hvem spørger du til råds om uddannelse?", "Familie");
  await choose(page, "Hvem spørger du til råds om uddannelse?", "Jobcentret");
  await next(page, /\/udfordringer$/);

  // Both follow-ups appear only after a "yes".
  const limitations = "Hvilke begrænsninger gør det svært for dig at gennemføre en uddannelse?";
  const times = "Hvor mange gange har du afbrudt en uddannelse?";
  const reason = "Hvad var den vigtigste grund til, at du afbrød?";
  for (const q of [limitations, times, reason]) await expect(page.getByText(q)).toBeHidden();
  await choose(page, "Er der noget, der gør det svært for dig at gennemføre en uddannelse?", "Ja");
  await expect(page.getByText(limitations)).toBeVisible();
  await choose(page, limitations, "Ordblindhed eller andre læse- og skrivevanskeligheder");
  await choose(page, limitations, "Økonomi");
  await choose(page, "Har du tidligere startet på en uddannelse, som du afbrød?", "Ja");
  await expect(page.getByText(times)).toBeVisible();
  await choose(page, times, "2 gange");
  await choose(page, reason, "Det var fagligt for svært");
  await next(page, /\/tjek$/);

  await expect(page.getByText("Ordblindhed eller andre læse- og skrivevanskeligheder, Økonomi")).toBeVisible();
  await expect(page.getByText("2 gange")).toBeVisible();
  await expect(page.getByText("Familie, Jobcentret")).toBeVisible();
  await page.getByRole("button", { name: "Send skemaet" }).click();
  await afterNavigation(page, /\/kvittering$/);
  await expect(page.getByRole("heading", { level: 1, name: "Kvittering: dit forberedelsesskema er sendt" })).toBeVisible();
  await expect(page.getByText("Det var fagligt for svært")).toBeVisible();
});

test("med JavaScript gemmes et trin, mens det udfyldes, og svarene er der, når man kommer tilbage", async ({ page }) => {
  await register(page, "2009932568", "ida.moeller", "Jeg har søgt eller får kontanthjælp");
  await page.getByRole("link", { name: "Start" }).click();
  await afterNavigation(page, /\/uddannelse$/);
  await choose(page, "Din uddannelseslængde", "Gymnasial uddannelse");
  await expect(page.getByRole("status").filter({ hasText: "Dine svar på denne side er gemt." })).toBeVisible({ timeout: 15_000 });
  // Leave by another link than the form's buttons, then come back.
  await page.getByRole("link", { name: "Til oversigten over skemaet" }).click();
  await afterNavigation(page, /\/borger\/forberedelse$/);
  await page.getByRole("link", { name: "Fortsæt" }).click();
  await afterNavigation(page, /\/uddannelse$/);
  await expect(page.getByRole("group", { name: "Din uddannelseslængde" }).getByLabel("Gymnasial uddannelse")).toBeChecked();
});
