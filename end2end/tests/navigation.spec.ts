/** Journey: finding one's way. A citizen reaches every page of their menu by the menu
 * alone, the current page marked (aria-current); Min side tells where the CV, the
 * registration and the questionnaire stand, each with its next action; on a phone the menu
 * is a <details> in the header (no JavaScript needed) holding the name and "Log af".
 * Each page is kept as a screenshot at both sizes (test-results/). */
import type { Page, TestInfo } from "@playwright/test";
import { test, expect, afterNavigation } from "./fixtures";
import { mitidLogin, mitidErhvervLogin, staffLogin, createProfile } from "./helpers";

const DESKTOP_PERSONS = {
  js: { cpr: "0205850971", username: "bjoern.nav" },
  nojs: { cpr: "0103024017", username: "omar.nav" },
};
const PHONE_PERSONS = {
  js: { cpr: "2310971750", username: "sigrid.nav" },
  nojs: { cpr: "0612983874", username: "alberte.nav" },
};
const PHONE = { width: 390, height: 844 };

/** The citizen's menu: each entry, where it leads, and that page's heading. */
const CITIZEN_MENU: [string, RegExp, string][] = [
  ["Mit CV", /\/borger\/cv$/, "Mit CV"],
  ["Tilmelding", /\/borger\/jobsoegende$/, "Tilmeld dig som jobsøgende"],
  ["Forberedelsesskema", /\/borger\/forberedelse$/, "Forberedelsesskema"],
  ["Min Joblog", /\/borger\/joblog$/, "Min Joblog"],
  ["Min Plan", /\/borger\/plan$/, "Min Plan"],
  ["Mine møder", /\/borger\/moeder$/, "Mine møder"],
  ["Mit fravær", /\/borger\/fravaer$/, "Fravær"],
  ["Mine beskeder", /\/borger\/beskeder$/, "Mine beskeder"],
  ["Min historik", /\/borger\/historik$/, "Min historik"],
  ["Adgangskode og log-ind", /\/borger\/sikkerhed$/, "Adgangskode og log-ind"],
  ["Min side", /\/borger$/, "Min side"],
];

async function keepScreenshot(page: Page, info: TestInfo, name: string) {
  await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
}

async function expectCurrent(page: Page, label: string) {
  const menu = page.getByRole("navigation", { name: "Hovedmenu" });
  await expect(menu.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
  await expect(menu.locator("[aria-current='page']")).toHaveCount(1);
}

test("borger finder rundt med menuen og ser på Min side, hvor tingene står @nojs", async ({ page }, info) => {
  const p = DESKTOP_PERSONS[info.project.name as "js" | "nojs"];
  await mitidLogin(page, p.cpr, /\/borger\/opret-profil$/);
  await createProfile(page, p.username);

  // Min side: where each part stands, with the next action.
  await expectCurrent(page, "Min side");
  await expect(
    page.getByText("Dit CV er ikke søgbart: arbejdsgivere kan ikke finde det. Du mangler at udfylde: jeg søger job som, erhvervserfaring, uddannelse."),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Udfyld dit CV" })).toHaveAttribute("href", "/borger/cv/afsnit/job_wish");
  await expect(page.getByText("Du er ikke tilmeldt som jobsøgende.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Tilmeld dig som jobsøgende" })).toBeVisible();
  await expect(page.getByText("Du har ingen beskeder og ingen aftalte møder.")).toBeVisible();
  await keepScreenshot(page, info, "desktop-min-side");

  // Every page of the menu, by the menu alone.
  for (const [label, url, heading] of CITIZEN_MENU) {
    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: label, exact: true }).click();
    await afterNavigation(page, url);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectCurrent(page, label);
    await keepScreenshot(page, info, `desktop-${label.replace(/\W+/g, "-")}`);
  }

  // A page below an entry belongs to it: a CV section is "Mit CV".
  await page.getByRole("link", { name: "Udfyld dit CV" }).click();
  await afterNavigation(page, /\/borger\/cv\/afsnit\/job_wish$/);
  await expectCurrent(page, "Mit CV");
});

test("på en telefon ligger menuen, navnet og Log af bag menuknappen @nojs", async ({ page }, info) => {
  const p = PHONE_PERSONS[info.project.name as "js" | "nojs"];
  await page.setViewportSize(PHONE);
  await mitidLogin(page, p.cpr, /\/borger\/opret-profil$/);
  await createProfile(page, p.username);

  // The header's own "Log af" and the menu bar are not shown on a phone...
  await expect(page.getByRole("button", { name: "Log af" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Hovedmenu" })).toHaveCount(0);
  await keepScreenshot(page, info, "phone-min-side");

  // ...the menu button opens them.
  const menuButton = page.locator("summary", { hasText: "Menu" });
  await menuButton.click();
  const menu = page.getByRole("navigation", { name: "Hovedmenu" });
  await expect(menu).toBeVisible();
  await expect(menu.locator(".site-menu-user")).toHaveText(/\S+ \S+/);
  await expect(menu.getByRole("link", { name: "Min side", exact: true })).toHaveAttribute("aria-current", "page");
  await keepScreenshot(page, info, "phone-menu-open");

  await menu.getByRole("link", { name: "Mit CV", exact: true }).click();
  await afterNavigation(page, /\/borger\/cv$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mit CV" })).toBeVisible();
  await keepScreenshot(page, info, "phone-mit-cv");

  await page.locator("summary", { hasText: "Menu" }).click();
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("button", { name: "Log af" }).click();
  await afterNavigation(page, /\/\?logget-ud=1$/);
  await expect(page.getByText("Du er logget af.")).toBeVisible();
  await keepScreenshot(page, info, "phone-logged-out");
});

test("arbejdsgiver og sagsbehandler finder rundt med deres menu og logger af på en telefon @nojs", async ({ page }, info) => {
  // The employer: the search and the terms, by the menu.
  await mitidErhvervLogin(page, "Karen Holm, Region Midtjylland (CVR 29190925)", /\/arbejdsgiver\/soeg$/);
  await expectCurrent(page, "Søg i CV'er");
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Vilkår for brug af CV'er" }).click();
  await afterNavigation(page, /\/arbejdsgiver\/vilkaar$/);
  await expect(page.getByRole("heading", { level: 1, name: "Vilkår for brug af CV'er" })).toBeVisible();
  await expectCurrent(page, "Vilkår for brug af CV'er");
  await keepScreenshot(page, info, "desktop-employer-terms");
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Søg i CV'er" }).click();
  await afterNavigation(page, /\/arbejdsgiver\/soeg$/);
  await expect(page.getByRole("heading", { level: 1, name: "Søg i CV'er" })).toBeVisible();
  await page.setViewportSize(PHONE);
  await keepScreenshot(page, info, "phone-employer-search");
  await page.locator("summary", { hasText: "Menu" }).click();
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("button", { name: "Log af" }).click();
  await afterNavigation(page, /\/\?logget-ud=1$/);

  // The caseworker: finding a citizen and their own lookups, by the menu.
  await page.setViewportSize({ width: 1280, height: 720 });
  await staffLogin(page, "per.frederikshavn", "123456", /\/sagsbehandler$/);
  await expectCurrent(page, "Find en borger");
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Mine opslag" }).click();
  await afterNavigation(page, /\/sagsbehandler\/opslag$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mine opslag" })).toBeVisible();
  await expectCurrent(page, "Mine opslag");
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Søg i CV'er" }).click();
  await afterNavigation(page, /\/sagsbehandler\/cv-soegning$/);
  await expect(page.getByRole("heading", { level: 1, name: "Søg i CV'er" })).toBeVisible();
  await expectCurrent(page, "Søg i CV'er");
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Find en borger" }).click();
  await afterNavigation(page, /\/sagsbehandler$/);
  await page.setViewportSize(PHONE);
  await keepScreenshot(page, info, "phone-caseworker-home");
  await page.locator("summary", { hasText: "Menu" }).click();
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("button", { name: "Log af" }).click();
  await afterNavigation(page, /\/\?logget-ud=1$/);
  await expect(page.getByText("Du er logget af.")).toBeVisible();
});

test("a-kasse og support finder rundt med deres menu og logger af på en telefon @nojs", async ({ page }, info) => {
  const menu = () => page.getByRole("navigation", { name: "Hovedmenu" });
  // The a-kasse: finding a member and their own lookups.
  await staffLogin(page, "jens.hk", "123456", /\/a-kasse$/);
  await expectCurrent(page, "Find et medlem");
  await expect(page.getByRole("heading", { level: 1, name: "HK A-kasse" })).toBeVisible();
  await menu().getByRole("link", { name: "Mine opslag" }).click();
  await afterNavigation(page, /\/sagsbehandler\/opslag$/);
  await expectCurrent(page, "Mine opslag");
  await menu().getByRole("link", { name: "Find et medlem" }).click();
  await afterNavigation(page, /\/a-kasse$/);
  await keepScreenshot(page, info, "desktop-akasse-home");
  // Another kind of staff's start page sends the a-kasse to its own.
  await page.goto("/sagsbehandler");
  await afterNavigation(page, /\/a-kasse$/);
  await page.setViewportSize(PHONE);
  await keepScreenshot(page, info, "phone-akasse-home");
  await page.locator("summary", { hasText: "Menu" }).click();
  await menu().getByRole("button", { name: "Log af" }).click();
  await afterNavigation(page, /\/\?logget-ud=1$/);

  // Support: the consent form, the contact requests and their own lookups.
  await page.setViewportSize({ width: 1280, height: 720 });
  await staffLogin(page, "lone.support", "123456", /\/support$/);
  await expectCurrent(page, "Find en borger");
  await expect(page.getByRole("heading", { level: 2, name: "Åbn en borgers profil" })).toBeVisible();
  await keepScreenshot(page, info, "desktop-support-home");
  await menu().getByRole("link", { name: "Kontaktanmodninger" }).click();
  await afterNavigation(page, /\/support\/kontaktanmodninger$/);
  await expect(page.getByRole("heading", { level: 1, name: "Kontaktanmodninger" })).toBeVisible();
  await expectCurrent(page, "Kontaktanmodninger");
  await menu().getByRole("link", { name: "Mine opslag" }).click();
  await afterNavigation(page, /\/sagsbehandler\/opslag$/);
  await expectCurrent(page, "Mine opslag");
  await page.setViewportSize(PHONE);
  await keepScreenshot(page, info, "phone-support-lookups");
  await page.locator("summary", { hasText: "Menu" }).click();
  await menu().getByRole("button", { name: "Log af" }).click();
  await afterNavigation(page, /\/\?logget-ud=1$/);
  await expect(page.getByText("Du er logget af.")).toBeVisible();
});
