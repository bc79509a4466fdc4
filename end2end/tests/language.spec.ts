/** Issue 21: English beside Danish. The language switch in the header works without
 * JavaScript; on a form with errors it keeps what was typed and shows the messages in the
 * language chosen (a date's too); the citizen's choice is kept with the profile and applies
 * at the next sign-in. */
import { test, expect, afterNavigation, visit } from "./fixtures";
import { mitidLogin, expectFieldError, typeDate, PASSWORD } from "./helpers";
import type { Page } from "@playwright/test";

const PERSONS = {
  js: { cpr: "2406673226", username: "tove.s" },
  nojs: { cpr: "2112871894", username: "kirsten.h" },
};

async function switchTo(page: Page, language: "English" | "Dansk", url: RegExp) {
  await page.getByRole("button", { name: language, exact: true }).click();
  await afterNavigation(page, url);
  await expect(page.locator("html")).toHaveAttribute("lang", language === "English" ? "en" : "da");
}

test("sproget skiftes på en formular med fejl, og intet går tabt @nojs", async ({ page }, info) => {
  const p = PERSONS[info.project.name as "js" | "nojs"];
  await mitidLogin(page, p.cpr, /\/borger\/opret-profil$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "da");

  // The first login's form, refused: a username too short and an e-mail without @.
  await page.getByLabel("Brugernavn", { exact: true }).fill("x");
  await page.getByLabel("Mobil-/telefonnummer (valgfrit)").fill("20304050");
  await page.getByLabel("E-mail (valgfrit)").fill("tove.eksempel.dk");
  await page.getByRole("button", { name: "Opret profil" }).click();
  await expectFieldError(page, "E-mail (valgfrit)", "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.");
  await afterNavigation(page, /\/borger\/opret-profil$/);

  // In English: the same form, the same values, the messages in English.
  await switchTo(page, "English", /\/borger\/opret-profil$/);
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter a valid e-mail address, e.g. name@example.dk." })).toBeVisible();
  await expect(page.locator("#profile-username")).toHaveValue("x");
  await expect(page.locator("#profile-phone")).toHaveValue("20304050");
  await expect(page.locator("#profile-email")).toHaveValue("tove.eksempel.dk");
  await expect(page.locator("#profile-email-error")).toContainText("Enter a valid e-mail address");

  // And back to Danish, still all there.
  await switchTo(page, "Dansk", /\/borger\/opret-profil$/);
  await expectFieldError(page, "E-mail (valgfrit)", "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.");
  await expect(page.getByLabel("Brugernavn", { exact: true })).toHaveValue("x");
  await expect(page.getByLabel("Mobil-/telefonnummer (valgfrit)")).toHaveValue("20304050");

  // Corrected: the profile is made.
  await page.getByLabel("Brugernavn", { exact: true }).fill(p.username);
  await page.getByLabel("Adgangskode", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Gentag adgangskode").fill(PASSWORD);
  await page.getByLabel("E-mail (valgfrit)").fill(`${p.username}@eksempel.dk`);
  await page.getByRole("button", { name: "Opret profil" }).click();
  await afterNavigation(page, /\/borger$/);

  // A date the month does not have: named at its part, in Danish and in English.
  await visit(page, "/borger/cv/afsnit/work_experience");
  const form = page.locator("form.cv-form");
  await typeDate(form, "Startdato", ["31", "2", "2026"]);
  await form.getByRole("button", { name: "Gem" }).click();
  await expectFieldError(page, "Startdato", "Dagen findes ikke i den måned. Tjek dag og måned.");
  await afterNavigation(page, /\/borger\/cv\/afsnit\/work_experience$/);
  await switchTo(page, "English", /\/borger\/cv\/afsnit\/work_experience$/);
  const day = page.locator("#cv-start");
  await expect(day).toHaveValue("31");
  await expect(page.locator("#cv-start-error")).toContainText(
    "That day does not exist in that month. Check the day and the month.",
  );
  await expect(page.getByRole("group").filter({ has: day }).getByLabel("Day", { exact: true })).toHaveValue("31");
  // The form's own labels and the section's name are English too (core's labels).
  await expect(page.getByRole("group", { name: "Start date", exact: true })).toBeVisible();
  await expect(page.getByLabel("Job title", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Work experience" })).toBeVisible();

  // The choice stays with the profile: signed in again from a browser that knows nothing
  // of it, the pages are in English.
  await page.getByRole("button", { name: "Log out" }).first().click();
  await afterNavigation(page, /logget-ud/);
  await page.context().clearCookies();
  await visit(page, "/log-ind");
  await expect(page.locator("html")).toHaveAttribute("lang", "da");
  await page.locator("#login-username").fill(p.username);
  await page.locator("#login-password").fill(PASSWORD);
  await page.locator("form:has(#login-username) button[type=submit]").click();
  await afterNavigation(page, /\/borger$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await switchTo(page, "Dansk", /\/borger$/);
});
