import { test, expect, gotoHydrated, checkA11y } from "./fixtures";

test("forsiden er dansk og tilgængelig @nojs", async ({ page }) => {
  await gotoHydrated(page, "/");
  await expect(page.locator('html[lang="da"]')).toHaveCount(1);
  await expect(page.locator("h1").first()).toBeVisible();
  await checkA11y(page);
});
