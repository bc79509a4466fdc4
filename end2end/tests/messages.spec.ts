/**
 * Issue 23: Mine beskeder. Anne (demo data) has not logged in for 11 weeks: the daily scan
 * put the seed's reminder in her inbox ("your CV stops being searchable in 2 weeks unless
 * you log in"). She reads it and marks it read, with JavaScript on and off (both runs use
 * Anne: whichever comes second finds it read already).
 */
import { test, expect, visit, afterNavigation } from "./fixtures";
import { receivedMail } from "./helpers";

test("påmindelsen efter 10 uger er også sendt som e-mail, uden noget følsomt", async () => {
  // Anne chose e-mail reminders and gave anne@eksempel.dk; the server's worker mailed the
  // seed's queued reminder through the local SMTP server.
  const mail = await receivedMail((m) => m.to.includes("anne@eksempel.dk") && m.subject.startsWith("Dit CV holder snart op"));
  expect(mail.from).toContain("Jobspor");
  expect(mail.text).toContain("Du har ikke været logget på Jobspor i 10 uger.");
  expect(mail.text).toContain(`Log på her: ${process.env.BASE_URL}`);
  // No CPR number, and nothing from the CV.
  expect(mail.text).not.toMatch(/\d{6}-?\d{4}/);
  expect(mail.text).not.toContain("Tømrer");
});

test("Mine beskeder viser påmindelsen efter 10 uger, og den markeres som læst @nojs", async ({ page }) => {
  await visit(page, "/log-ind");
  await page.getByLabel("Brugernavn", { exact: true }).fill("anne");
  await page.getByLabel("Adgangskode", { exact: true }).fill("demo-adgangskode");
  await page.getByRole("button", { name: "Log ind", exact: true }).click();
  await afterNavigation(page, /\/borger$/);
  await expect(page.getByText(/^Du har (ulæste beskeder: 1|ingen ulæste beskeder)\.$/)).toBeVisible();

  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Mine beskeder", exact: true }).click();
  await afterNavigation(page, /\/borger\/beskeder$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mine beskeder" })).toBeVisible();
  const reminder = page.locator("article.message").filter({ hasText: "Dit CV holder snart op med at være søgbart" });
  await expect(reminder).toContainText("Du har ikke været logget på Jobspor i 10 uger.");
  await expect(reminder).toContainText("Log på her: http");
  // Nothing sensitive: no CPR number.
  await expect(reminder).not.toContainText("230178");
  const markRead = reminder.getByRole("button", { name: "Markér som læst" });
  if (await markRead.isVisible()) {
    await markRead.click();
    await afterNavigation(page, /\/borger\/beskeder$/);
  }
  await expect(page.locator("article.message").filter({ hasText: "Dit CV holder snart op" }).getByRole("button", { name: "Markér som læst" })).toHaveCount(0);
  await expect(page.locator("article.message").filter({ hasText: "Dit CV holder snart op" }).getByText("Ulæst")).toHaveCount(0);

  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Min side", exact: true }).click();
  await afterNavigation(page, /\/borger$/);
  await expect(page.getByText("Du har ingen ulæste beskeder.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Gå til Mine beskeder" })).toBeVisible();
});
