/** Journey 2: a citizen signs in with MitID (OpenID Connect against the local simulated
 * provider), creates a profile from the CPR register's data, logs out, and logs in again
 * with username + password and with MitID. */
import { test, expect, visit, afterNavigation } from "./fixtures";
import { mitidLogin, createProfile, logout, staffLogin, PASSWORD } from "./helpers";

const PERSONS = {
  js: { cpr: "2005982695", name: "Rasmus Olsen", username: "rasmus.o" },
  nojs: { cpr: "130478-2207", name: "Christian Mikkelsen", username: "christian.m" },
};

test("borger logger ind med MitID, opretter profil og logger ind igen @nojs", async ({ page }, info) => {
  const p = PERSONS[info.project.name as "js" | "nojs"];

  await visit(page, "/");
  await page.getByRole("link", { name: "Log ind som borger" }).click();
  await afterNavigation(page, /\/log-ind$/);

  await mitidLogin(page, p.cpr, /\/borger\/opret-profil$/);
  // The register's data, read-only, with its source.
  await expect(page.getByText(/Kilde: CPR-registeret \(simuleret\), hentet \d\d-\d\d-\d{4} kl\. \d\d:\d\d/)).toBeVisible();
  const register = page.locator("dl.register-data");
  for (const label of ["Fødselsdag", "Køn", "Fornavn", "Mellemnavn", "Efternavn", "Postadresse", "C/O-adresse", "Postnummer", "By", "Land", "Beskyttet adresse", "Status i CPR-registret"]) {
    await expect(register.getByText(label, { exact: true })).toBeVisible();
  }
  await expect(register).toContainText(p.name.split(" ")[0]);
  await expect(register).not.toContainText(p.cpr.replace("-", "").slice(6));

  await createProfile(page, p.username);
  await expect(page.getByText(`Velkommen, ${p.name}.`)).toBeVisible();
  await expect(page.locator("dl.register-data").first()).toContainText("20 30 40 50");
  await logout(page);

  // Username + password; a wrong password first gets the same answer as an unknown user.
  await visit(page, "/log-ind");
  await page.getByLabel("Brugernavn", { exact: true }).fill(p.username);
  await page.getByLabel("Adgangskode", { exact: true }).fill("forkert-adgangskode");
  await page.getByRole("button", { name: "Log ind", exact: true }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Brugernavn eller adgangskode er forkert." })).toBeVisible();
  await afterNavigation(page, /\/log-ind/);
  await expect(page.getByLabel("Brugernavn", { exact: true })).toHaveValue(p.username);
  await page.getByLabel("Adgangskode", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Log ind", exact: true }).click();
  await afterNavigation(page, /\/borger$/);
  await expect(page.getByRole("heading", { level: 1, name: "Min side" })).toBeVisible();
  await logout(page);

  // MitID again, this time picking the person from the simulated MitID's list: the
  // profile exists, so straight to Min side.
  await visit(page, "/log-ind");
  await page.getByRole("button", { name: "Log ind med MitID" }).click();
  await page.waitForURL(/\/mitid\/interaction\//);
  await page.getByRole("button", { name: `Log ind som ${p.name}` }).click();
  await afterNavigation(page, /\/borger$/);
  await page.getByRole("link", { name: "Min historik" }).click();
  await afterNavigation(page, /\/borger\/historik$/);
  await expect(page.getByRole("cell", { name: "Logget ind med MitID" })).toHaveCount(2);
  await expect(page.getByRole("cell", { name: "Logget ind med brugernavn og adgangskode" })).toHaveCount(1);
  await logout(page);
});

test("en død person kan ikke logge ind @nojs", async ({ page }) => {
  await mitidLogin(page, "3009502888", /\/log-ind\/afvist\?aarsag=ikke-i-cpr$/);
  await expect(page.getByRole("alert")).toContainText("CPR-registeret oplyser, at du ikke er aktiv");
  // No session: a citizen's page sends to the login.
  await page.goto("/borger");
  await afterNavigation(page, /\/log-ind$/);
});

test("en sagsbehandler uden engangskode afvises, med kode lukkes ind @nojs", async ({ page }) => {
  await staffLogin(page, "per.frederikshavn", null, /\/log-ind\/afvist\?aarsag=for-lavt-sikringsniveau$/);
  await expect(page.getByRole("alert")).toContainText("to faktorer");
  await staffLogin(page, "per.frederikshavn", "123456", /\/sagsbehandler$/);
  await expect(page.locator(".portal-user").getByText("Per Nielsen, Jobcenter Frederikshavn")).toBeVisible();
});

test("sider for borgere kræver login", async ({ page }) => {
  await page.goto("/borger/cv");
  await afterNavigation(page, /\/log-ind$/);
});
