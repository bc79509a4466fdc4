/**
 * Issue 24: the CV on EURES. A citizen with a searchable CV opts in, hiding the e-mail,
 * sees the preview "as EURES sees it", is fetched by the simulated EURES poller (a client of
 * the input API with the token the test command set: not EURES), finds the fetch in Min
 * historik, and withdraws: the reference is closed and empty. A parent signs in with MitID
 * and consents for a minor, whose CV then goes. JavaScript on and off use different persons
 * (demo data: Mette and Lars; Sofie and Jonas with their guardians).
 */
import { test, expect, visit, afterNavigation } from "./fixtures";
import { createProfile, demoLogin, logout, mitidLogin } from "./helpers";
import type { APIRequestContext } from "@playwright/test";

const API = "/input/api/cv/v1.0";

function token(): string {
  const t = process.env.EURES_TOKEN;
  if (!t) throw new Error("EURES_TOKEN is not set: run the journeys through scripts/test.sh");
  return t;
}

/** The simulated EURES poller: what EURES' coordination asks our input API. */
const poller = {
  async all(request: APIRequestContext) {
    const r = await request.get(`${API}/getAll`, { headers: { Authorization: token() } });
    expect(r.status()).toBe(200);
    return (await r.json()).allReferences as { reference: string; status: string }[];
  },
  async changes(request: APIRequestContext, since: number) {
    const r = await request.get(`${API}/getChanges/${since}`, { headers: { Authorization: token() } });
    expect(r.status()).toBe(200);
    return await r.json();
  },
  async details(request: APIRequestContext, refs: string[]) {
    const r = await request.post(`${API}/getDetails`, {
      headers: { Authorization: token(), "Content-Type": "application/json" },
      data: JSON.stringify(refs),
    });
    expect(r.status()).toBe(200);
    return (await r.json()).details as Record<string, { status: string; content?: string }>;
  },
  /** The reference whose document names `name`. */
  async referenceOf(request: APIRequestContext, name: string) {
    const refs = (await this.all(request)).filter((r) => r.status === "ACTIVE").map((r) => r.reference);
    const details = await this.details(request, refs);
    return Object.entries(details).find(([, d]) => d.content?.includes(name))?.[0];
  },
};

const RUNS = {
  js: { username: "mette", given: "Mette", neverSent: "Særlige hensyn" },
  nojs: { username: "lars", given: "Lars", neverSent: null },
};

test("borgeren sender sit CV til EURES, skjuler e-mail, ser det som EURES og trækker samtykket tilbage @nojs", async ({ page, request }, info) => {
  const run = RUNS[info.project.name as "js" | "nojs"];
  await demoLogin(page, run.username);
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Mit CV", exact: true }).click();
  await afterNavigation(page, /\/borger\/cv$/);
  await page.getByRole("link", { name: "Send dit CV til EURES, EU's jobportal" }).click();
  await afterNavigation(page, /\/borger\/cv\/eures$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dit CV på EURES" })).toBeVisible();
  await expect(page.getByText("Dit CV sendes ikke til EURES.", { exact: false })).toBeVisible();
  // The seed's terms, and the stricter reading of courses, are on the page.
  await expect(page.getByText(/Læs vilkårene for CV på EURES \(version /)).toBeVisible();
  await expect(page.getByText(/kurser både blandt det, der kan sendes, og det, der aldrig sendes; vi sender dem aldrig/)).toBeVisible();

  // Without the consent box: a clear error, and what was ticked is kept.
  const form = page.locator("form#eures");
  await form.getByLabel("E-mail", { exact: true }).check();
  await form.getByRole("button", { name: "Giv samtykke og send mit CV" }).click();
  const must = "Sæt kryds for at give dit samtykke, hvis dit CV skal sendes til EURES.";
  await expect(page.getByRole("alert").filter({ hasText: "Der er problemer" }).getByRole("link", { name: must })).toBeVisible();
  await expect(page.getByRole("group", { name: "Samtykke", exact: true })).toContainText(must);
  await expect(form.getByLabel("E-mail", { exact: true })).toBeChecked();

  const before = Date.now() - 1000;
  await form.getByLabel("Jeg har læst vilkårene og giver samtykke til, at mit CV overføres til EURES").check();
  await form.getByRole("button", { name: "Giv samtykke og send mit CV" }).click();
  await afterNavigation(page, /\/borger\/cv\/eures\?gemt=1$/);
  await expect(page.getByText("Dit valg er gemt.", { exact: false })).toBeVisible();
  await expect(page.getByText("Dit CV er sendt til EURES.", { exact: false })).toBeVisible();
  const receipts = page.getByRole("table", { name: "Dine kvitteringer" });
  await expect(receipts.getByRole("row").filter({ hasText: "Samtykke givet" })).toContainText("E-mail");
  await expect(page.locator("form#eures").getByLabel("E-mail", { exact: true })).toBeChecked();

  // The preview, from the same model as the document.
  await page.getByRole("link", { name: "Se dit CV som EURES ser det" }).click();
  await afterNavigation(page, /\/borger\/cv\/eures\/som-eures-ser-det$/);
  const preview = page.getByRole("table", { name: "Dit CV som EURES ser det" });
  await expect(preview.getByRole("row").filter({ hasText: "@eksempel.dk" })).toContainText("Sendes, men vises ikke (bruges til matchning)");
  await expect(preview.getByRole("row").filter({ hasText: run.given }).first()).toContainText("Sendes og vises");
  if (run.neverSent) {
    await expect(page.getByRole("listitem").filter({ hasText: run.neverSent })).toBeVisible();
  }

  // The simulated EURES poller: the CV was created, with the hide instruction; fetching it
  // is in the citizen's Min historik.
  const reference = await poller.referenceOf(request, run.given);
  expect(reference, "EURES finds the CV").toBeTruthy();
  const created = await poller.changes(request, before);
  expect(created.createdReferences.map((r: { reference: string }) => r.reference)).toContain(reference);
  const content = (await poller.details(request, [reference!]))[reference!].content!;
  expect(content).toContain("ProcessingInstructions");
  expect(content).not.toMatch(/\d{6}-?\d{4}/);
  await visit(page, "/borger/historik");
  await expect(page.getByText("EURES hentede dit CV").first()).toBeVisible();

  // Withdraw: closed at once, no content.
  await visit(page, "/borger/cv/eures");
  await page.getByRole("button", { name: "Træk mit samtykke tilbage" }).click();
  await afterNavigation(page, /\/borger\/cv\/eures\?gemt=1$/);
  await expect(page.getByText("Dit CV sendes ikke til EURES.", { exact: false })).toBeVisible();
  await expect(page.getByRole("table", { name: "Dine kvitteringer" }).getByRole("row").filter({ hasText: "Samtykke trukket tilbage" })).toBeVisible();
  const closed = await poller.changes(request, before);
  expect(closed.closedReferences.map((r: { reference: string }) => r.reference)).toContain(reference);
  const detail = (await poller.details(request, [reference!]))[reference!];
  expect(detail.status).toBe("CLOSED");
  expect(detail.content).toBeUndefined();
  await logout(page);
});

const GUARDIANS = {
  js: { cpr: "1904613734", username: "grethe.l", child: "Sofie Lauridsen" },
  nojs: { cpr: "2510840694", username: "dorthe.h", child: "Jonas Holm Pedersen" },
};

test("en forælder giver samtykke, så barnets CV sendes til EURES @nojs", async ({ page, request }, info) => {
  const g = GUARDIANS[info.project.name as "js" | "nojs"];
  // The child asked (demo data); nothing is sent before a guardian consents.
  expect(await poller.referenceOf(request, g.child.split(" ")[0])).toBeUndefined();
  await mitidLogin(page, g.cpr, /\/borger\/opret-profil$/);
  await createProfile(page, g.username);
  const asked = page.getByRole("region", { name: "Samtykke for dit barn til EURES" });
  await expect(asked).toContainText(`${g.child} har bedt om at sende sit CV til EURES og venter på dit samtykke.`);
  await asked.getByRole("link", { name: "Giv samtykke for dit barn" }).click();
  await afterNavigation(page, /\/borger\/eures-samtykke-for-dit-barn$/);
  await page.getByRole("button", { name: `Giv samtykke for ${g.child}` }).click();
  await afterNavigation(page, /\/borger\/eures-samtykke-for-dit-barn\?gemt=1$/);
  await expect(page.getByText(`Du har givet samtykke til, at ${g.child}s CV sendes til EURES.`)).toBeVisible();
  const reference = await poller.referenceOf(request, g.child.split(" ")[0]);
  expect(reference, "the child's CV is sent").toBeTruthy();

  // The guardian's withdrawal ends it.
  await page.getByRole("button", { name: "Træk samtykket tilbage" }).click();
  await afterNavigation(page, /\/borger\/eures-samtykke-for-dit-barn\?gemt=1$/);
  const detail = (await poller.details(request, [reference!]))[reference!];
  expect(detail.status).toBe("CLOSED");
  await logout(page);
});

test("EURES' input API svarer kun den, der har nøglen", async ({ request }) => {
  const refused: Record<string, string>[] = [{}, { Authorization: "forkert" }, { Authorization: `${token()}x` }];
  for (const auth of refused) {
    expect((await request.get(`${API}/getAll`, { headers: auth })).status()).toBe(401);
    expect(
      (await request.post(`${API}/getDetails`, { headers: { ...auth, "Content-Type": "application/json" }, data: "[]" })).status(),
    ).toBe(401);
  }
});
