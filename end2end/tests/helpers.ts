/**
 * Journey helpers shared by the spec files. Each journey uses its own synthetic persons
 * (from the simulated CPR register) so tests do not depend on each other's data; the
 * JavaScript-on and -off runs of a journey use different persons too.
 */
import { expect, type Page } from "@playwright/test";
import { afterNavigation, visit } from "./fixtures";

export const PASSWORD = "en-lang-adgangskode";

/** Logs in through the simulated MitID by typing the CPR number. */
export async function mitidLogin(page: Page, cpr: string, expectUrl: RegExp) {
  await visit(page, "/log-ind/mitid");
  await page.getByLabel("CPR-nummer").fill(cpr);
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

export async function logout(page: Page) {
  await page.getByRole("button", { name: "Log af" }).click();
  await afterNavigation(page, /\/\?logget-ud=1$/);
  await expect(page.getByText("Du er logget af.")).toBeVisible();
}

/** A random CVR number that passes modulus 11 (weights 2,7,6,5,4,3,2,1). */
export function randomCvr(): string {
  const w = [2, 7, 6, 5, 4, 3, 2, 1];
  for (;;) {
    const d = [1 + Math.floor(Math.random() * 9), ...Array.from({ length: 6 }, () => Math.floor(Math.random() * 10))];
    const sum = d.reduce((s, x, i) => s + x * w[i], 0);
    const last = (11 - (sum % 11)) % 11;
    if (last < 10) return [...d, last].join("");
  }
}

/** The error summary above the heading, and the message at the field. */
export async function expectFieldError(page: Page, label: string | RegExp, message: string) {
  const summary = page.getByRole("alert").filter({ hasText: "Der er problemer" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: message })).toBeVisible();
  const field = typeof label === "string" ? page.getByLabel(label, { exact: true }) : page.getByLabel(label);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
  const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
  expect(errorId, "field is described by its error message").toBeTruthy();
  await expect(page.locator(`#${errorId}`)).toContainText(message);
}
