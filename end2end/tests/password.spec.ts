/** Journey: a citizen changes their password on "Adgangskode og log-ind" (reached from Min
 * side): a too common new password is refused at its field, a good one is taken, the other
 * sessions are logged out, and the new password logs in while the old one does not. */
import type { Page } from "@playwright/test";
import { test, expect, visit, afterNavigation } from "./fixtures";
import { mitidLogin, createProfile, logout, expectFieldError, PASSWORD } from "./helpers";

const PERSONS = {
  js: { cpr: "2806800491", username: "morten.f" },
  nojs: { cpr: "1910891480", username: "line.p" },
};

/** On SecLists' list of the 10,000 most common passwords, and long enough to get past the length rule. */
const TOO_COMMON = "basketball";
const NEW_PASSWORD = "en-helt-ny-og-lang-adgangskode";

async function passwordLogin(page: Page, username: string, password: string) {
  await visit(page, "/log-ind");
  await page.getByLabel("Brugernavn", { exact: true }).fill(username);
  await page.getByLabel("Adgangskode", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log ind", exact: true }).click();
}

test("borger skifter adgangskode og logger ind med den nye @nojs", async ({ page }, info) => {
  const p = PERSONS[info.project.name as "js" | "nojs"];

  await mitidLogin(page, p.cpr, /\/borger\/opret-profil$/);
  await createProfile(page, p.username);

  await page.getByRole("link", { name: "Adgangskode og log-ind" }).click();
  await afterNavigation(page, /\/borger\/sikkerhed$/);
  await expect(page.getByRole("heading", { level: 1, name: "Adgangskode og log-ind" })).toBeVisible();

  // A common password is refused at its field (by the server, with JavaScript too: the
  // list stays out of the browser's download).
  await page.getByLabel("Nuværende adgangskode", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Ny adgangskode", { exact: true }).fill(TOO_COMMON);
  await page.getByLabel("Gentag ny adgangskode", { exact: true }).fill(TOO_COMMON);
  await page.getByRole("button", { name: "Skift adgangskode" }).click();
  const tooCommon = "Adgangskoden er for almindelig og let at gætte. Vælg en anden.";
  await expect(page.getByRole("alert").getByRole("link", { name: tooCommon })).toBeVisible();
  await afterNavigation(page, /\/borger\/sikkerhed/);
  await expectFieldError(page, "Ny adgangskode", tooCommon);
  // The server never fills a password back in (with JavaScript the browser simply keeps
  // what was typed, as the page never reloaded).
  if (info.project.name === "nojs") {
    await expect(page.getByLabel("Nuværende adgangskode", { exact: true })).toHaveValue("");
  }

  // A good one is taken; this browser stays signed in.
  await page.getByLabel("Nuværende adgangskode", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Ny adgangskode", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Gentag ny adgangskode", { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Skift adgangskode" }).click();
  await afterNavigation(page, /\/borger\/sikkerhed\?adgangskode-skiftet=1$/);
  await expect(page.getByRole("status")).toContainText("Din adgangskode er skiftet.");

  // Signed in nowhere else: the password change ended any other session.
  await page.getByRole("button", { name: "Log mine andre sessioner af" }).click();
  await afterNavigation(page, /\/borger\/sikkerhed\?logget-af=0$/);
  await expect(page.getByRole("status")).toContainText("Du var ikke logget ind andre steder.");
  await logout(page);

  // The old password no longer logs in; the new one does.
  await passwordLogin(page, p.username, PASSWORD);
  await expect(page.getByRole("alert").getByRole("link", { name: "Brugernavn eller adgangskode er forkert." })).toBeVisible();
  await afterNavigation(page, /\/log-ind/);
  await passwordLogin(page, p.username, NEW_PASSWORD);
  await afterNavigation(page, /\/borger$/);
  await expect(page.getByRole("heading", { level: 1, name: "Min side" })).toBeVisible();
  await logout(page);
});
