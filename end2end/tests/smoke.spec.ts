import { test, expect, gotoHydrated, checkA11y } from "./fixtures";

test("forsiden er dansk og tilgængelig @nojs", async ({ page }) => {
  await gotoHydrated(page, "/");
  await expect(page.locator('html[lang="da"]')).toHaveCount(1);
  await expect(page.locator("h1").first()).toBeVisible();
  await checkA11y(page);
});

test("privatlivspolitikken og en ukendt side er tilgængelige @nojs", async ({ page }) => {
  await gotoHydrated(page, "/privatliv");
  await expect(page.getByRole("heading", { level: 1, name: "Privatlivspolitik" })).toBeVisible();
  await expect(page.getByText("Har du ikke været logget ind i 12 uger, gøres dit CV ikke-søgbart.")).toBeVisible();
  await checkA11y(page);
  const response = await gotoHydrated(page, "/findes-ikke");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Siden findes ikke" })).toBeVisible();
  await checkA11y(page);
});

test("/healthz svarer ok", async ({ request }) => {
  const r = await request.get("/healthz");
  expect(r.status()).toBe(200);
  expect(await r.text()).toBe("ok");
});
