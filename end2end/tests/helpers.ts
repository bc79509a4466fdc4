/**
 * Journey helpers shared by the spec files. Each journey uses its own synthetic persons
 * (from the simulated CPR register) so tests do not depend on each other's data; the
 * JavaScript-on and -off runs of a journey use different persons too.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import { afterNavigation, checkA11y, visit } from "./fixtures";

export const PASSWORD = "en-lang-adgangskode";
/** The demo citizens' password (the demo seed, README.md). */
export const DEMO_PASSWORD = "demo-adgangskode";

/** The local identity provider's login page (the simulated MitID, MitID Erhverv or staff
 * login), reached from one of the app's sign-in buttons. It is not the app's page: no
 * hydration to wait for, and axe checks it all the same. */
async function atProvider(page: Page, issuer: string) {
  await page.waitForURL(new RegExp(`/${issuer}/interaction/`));
  await page.waitForLoadState("load");
  await checkA11y(page);
}

/** Signs in through the simulated MitID (OpenID Connect, the local provider) by typing the
 * CPR number on the provider's page. */
export async function mitidLogin(page: Page, cpr: string, expectUrl: RegExp) {
  await visit(page, "/log-ind");
  await page.getByRole("button", { name: "Log ind med MitID" }).click();
  await atProvider(page, "mitid");
  await expect(page.getByText("Simulering – ikke den rigtige MitID")).toBeVisible();
  await page.getByLabel("CPR-nummer").fill(cpr);
  await page.getByRole("button", { name: "Log ind", exact: true }).click();
  await afterNavigation(page, expectUrl);
}

/** Signs in through the simulated MitID Erhverv as one of the provider's employer users,
 * by the button's name, e.g. "Jonas Bager, Bageriet Brødkassen ApS (CVR 35060219)". */
export async function mitidErhvervLogin(page: Page, who: string, expectUrl: RegExp) {
  await visit(page, "/arbejdsgiver");
  await page.getByRole("button", { name: "Log ind med MitID Erhverv" }).click();
  await atProvider(page, "mitid-erhverv");
  await page.getByRole("button", { name: `Log ind som ${who}` }).click();
  await afterNavigation(page, expectUrl);
}

/** Signs in a caseworker through the staff provider, with a one-time code unless `otp` is
 * null (then the app refuses: no second factor). */
export async function staffLogin(page: Page, username: string, otp: string | null, expectUrl: RegExp) {
  await visit(page, "/sagsbehandler/log-ind");
  await page.getByRole("button", { name: "Log ind med medarbejderlogin" }).click();
  await atProvider(page, "medarbejder");
  await page.getByLabel("Medarbejder").selectOption(username);
  if (otp !== null) await page.getByLabel("Engangskode").fill(otp);
  await page.getByRole("button", { name: "Log ind", exact: true }).click();
  await afterNavigation(page, expectUrl);
}

/** First login: fills in the profile form and lands on Min side. */
export async function createProfile(page: Page, username: string) {
  await page.getByLabel("Brugernavn", { exact: true }).fill(username);
  await page.getByLabel("Adgangskode", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Gentag adgangskode").fill(PASSWORD);
  await page.getByLabel("Mobil-/telefonnummer (valgfrit)").fill("20 30 40 50");
  await page.getByLabel("E-mail (valgfrit)").fill(`${username}@eksempel.dk`);
  await page.getByLabel("Ja tak, send mig påmindelser på sms").check();
  await page.getByRole("button", { name: "Opret profil" }).click();
  await afterNavigation(page, /\/borger$/);
  await expect(page.getByRole("heading", { level: 1, name: "Min side" })).toBeVisible();
}

/** Signs a demo citizen in with username and the demo password, to Min side. */
export async function demoLogin(page: Page, username: string) {
  await visit(page, "/log-ind");
  await page.getByLabel("Brugernavn", { exact: true }).fill(username);
  await page.getByLabel("Adgangskode", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log ind", exact: true }).click();
  await afterNavigation(page, /\/borger$/);
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: "Log af" }).click();
  await afterNavigation(page, /\/\?logget-ud=1$/);
  await expect(page.getByText("Du er logget af.")).toBeVisible();
}

/** A date in DKFDS' three fields (dag, måned, år): the fieldset named by the date's label. */
export function dateGroup(scope: Page | Locator, legend: string): Locator {
  return scope.getByRole("group", { name: legend, exact: true });
}

const DATE_PARTS = ["Dag", "Måned", "År"] as const;

/** An ISO date as the three fields show it: day and month without a leading zero. */
function dateParts(iso: string): [string, string, string] {
  const [y, m, d] = iso.split("-");
  return [String(Number(d)), String(Number(m)), y];
}

/** Types `iso` (åååå-mm-dd) into the date `legend`; an empty string empties it. */
export async function fillDate(scope: Page | Locator, legend: string, iso: string) {
  const values = iso === "" ? ["", "", ""] : dateParts(iso);
  const group = dateGroup(scope, legend);
  for (const [i, part] of DATE_PARTS.entries()) await group.getByLabel(part, { exact: true }).fill(values[i]);
}

/** The three parts of `day-month-year` as typed, e.g. an impossible "31", "2", "2026". */
export async function typeDate(scope: Page | Locator, legend: string, parts: [string, string, string]) {
  const group = dateGroup(scope, legend);
  for (const [i, part] of DATE_PARTS.entries()) await group.getByLabel(part, { exact: true }).fill(parts[i]);
}

/** The date `legend` shows `iso`. */
export async function expectDate(scope: Page | Locator, legend: string, iso: string) {
  const values = iso === "" ? ["", "", ""] : dateParts(iso);
  const group = dateGroup(scope, legend);
  for (const [i, part] of DATE_PARTS.entries()) await expect(group.getByLabel(part, { exact: true })).toHaveValue(values[i]);
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The error summary above the heading, and the message at the field. A date's message is
 * in its fieldset, which names it, and the part (or parts) in error are marked invalid. */
export async function expectFieldError(page: Page, label: string | RegExp, message: string) {
  const summary = page.getByRole("alert").filter({ hasText: "Der er problemer" });
  await expect(summary).toBeVisible();
  // Several fields may share a message ("Udfyld feltet."): the field's own is checked below.
  await expect(summary.getByRole("link", { name: message }).first()).toBeVisible();
  if (typeof label === "string") {
    const date = dateGroup(page, label).filter({ has: page.locator(".date-group") });
    if ((await date.count()) > 0) {
      await expect(date.locator("input[aria-invalid='true']").first()).toBeVisible();
      const errorIds = ((await date.getAttribute("aria-describedby")) ?? "").split(" ").filter((id) => id.endsWith("-error"));
      expect(errorIds.length, "the date is described by its error message").toBeGreaterThan(0);
      await expect(date.locator(errorIds.map((id) => `#${id}`).join(", ")).filter({ hasText: message })).toHaveCount(1);
      return;
    }
  }
  const field = typeof label === "string" ? page.getByLabel(label, { exact: true }) : page.getByLabel(label);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
  const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
  expect(errorId, "field is described by its error message").toBeTruthy();
  await expect(page.locator(`#${errorId}`)).toContainText(message);
}

/** A mail the local SMTP server (mailsink/) received, as it decoded it. */
export interface Mail {
  to: string[];
  from: string;
  subject: string;
  text: string;
}

/** The mails the local SMTP server has received so far (the test command passes its
 * directory as MAIL_DIR); the first that `matches`, waited for while the server's worker
 * delivers (it looks every 2 seconds). */
export async function receivedMail(matches: (m: Mail) => boolean): Promise<Mail> {
  const dir = process.env.MAIL_DIR;
  if (!dir) throw new Error("MAIL_DIR is not set: run the journeys through scripts/test.sh");
  const fs = await import("node:fs");
  const path = await import("node:path");
  let found: Mail | undefined;
  await expect
    .poll(
      () => {
        const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
        found = names
          .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as Mail)
          .find(matches);
        return found !== undefined;
      },
      { message: "the mail arrives at the local SMTP server", timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}
