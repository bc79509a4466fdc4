/** Journey 5: bad input gets a Danish message at the field and an error summary above the
 * heading, and nothing else typed is lost — with JavaScript on and off. */
import { test, expect, visit, afterNavigation, checkA11y } from "./fixtures";
import { mitidLogin, expectFieldError, fillDate, typeDate, expectDate, PASSWORD } from "./helpers";

const PERSONS = {
  js: { cpr: "2807861676", username: "helle.l" },
  nojs: { cpr: "0510830605", username: "kim.v" },
};

test("fejl i formularer vises ved feltet og intet går tabt @nojs", async ({ page }, info) => {
  const p = PERSONS[info.project.name as "js" | "nojs"];

  // Profile: too short password, e-mail without @, and the rest kept.
  await mitidLogin(page, p.cpr, /\/borger\/opret-profil$/);
  await page.getByLabel("Brugernavn", { exact: true }).fill(p.username);
  await page.getByLabel("Adgangskode", { exact: true }).fill("kort");
  await page.getByLabel("Gentag adgangskode").fill("kort");
  await page.getByLabel("Mobil-/telefonnummer (valgfrit)").fill("20304050");
  await page.getByLabel("E-mail (valgfrit)").fill("helle.eksempel.dk");
  await page.getByRole("button", { name: "Opret profil" }).click();
  await expectFieldError(page, "Adgangskode", "Adgangskoden skal være på mindst 10 tegn.");
  await expectFieldError(page, "E-mail (valgfrit)", "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.");
  await afterNavigation(page, /\/borger\/opret-profil/);
  await expect(page.getByLabel("Brugernavn", { exact: true })).toHaveValue(p.username);
  await expect(page.getByLabel("Mobil-/telefonnummer (valgfrit)")).toHaveValue("20304050");
  await expect(page.getByLabel("E-mail (valgfrit)")).toHaveValue("helle.eksempel.dk");
  // The summary's link leads to the field.
  await expect(page.getByRole("link", { name: "Adgangskoden skal være på mindst 10 tegn." })).toHaveAttribute("href", "#profile-password");
  // Nothing typed reached the address, so nothing of it is in the browser's history: the
  // refusal came back through the server (with JavaScript off), or never left the page.
  expect(page.url()).toMatch(/\/borger\/opret-profil$/);
  for (const typed of ["helle", "20304050", p.username, "__err"]) expect(page.url()).not.toContain(typed);

  await page.getByLabel("Adgangskode", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Gentag adgangskode").fill(PASSWORD);
  await page.getByLabel("E-mail (valgfrit)").fill(`${p.username}@eksempel.dk`);
  await page.getByRole("button", { name: "Opret profil" }).click();
  await afterNavigation(page, /\/borger$/);

  // CV dates, typed in three fields: a day the month does not have, and a month that is no
  // month, each named at its part; the rest kept.
  await visit(page, "/borger/cv/afsnit/work_experience");
  const we = page.locator("form.cv-form");
  await we.getByLabel("Stilling").fill("Lagerarbejder");
  await we.getByLabel("Arbejdsopgaver (valgfrit)").fill("Plukning og pakning");
  await typeDate(we, "Startdato", ["31", "2", "2026"]);
  await typeDate(we, "Slutdato (valgfrit)", ["1", "13", "2026"]);
  await we.getByRole("button", { name: "Gem" }).click();
  await expectFieldError(page, "Startdato", "Dagen findes ikke i den måned. Tjek dag og måned.");
  await expectFieldError(page, "Slutdato (valgfrit)", "Skriv måneden som et tal fra 1 til 12.");
  await afterNavigation(page, /\/borger\/cv/);
  // The summary leads to the part: the start's day, the end's month.
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link", { name: "Dagen findes ikke i den måned. Tjek dag og måned." })).toHaveAttribute("href", /-start$/);
  await expect(summary.getByRole("link", { name: "Skriv måneden som et tal fra 1 til 12." })).toHaveAttribute("href", /-end__maaned$/);
  await expect(we.getByRole("group", { name: "Startdato", exact: true }).getByLabel("Dag")).toHaveAttribute("aria-invalid", "true");
  await expect(we.getByRole("group", { name: "Slutdato (valgfrit)", exact: true }).getByLabel("Måned")).toHaveAttribute("aria-invalid", "true");
  await expect(we.getByRole("group", { name: "Slutdato (valgfrit)", exact: true }).getByLabel("Dag")).not.toHaveAttribute("aria-invalid", "true");
  await expect(we.getByLabel("Stilling")).toHaveValue("Lagerarbejder");
  await expect(we.getByRole("group", { name: "Startdato", exact: true }).getByLabel("Dag")).toHaveValue("31");

  // End date before start date, and an empty required field.
  await fillDate(we, "Startdato", "2020-05-01");
  await fillDate(we, "Slutdato (valgfrit)", "2019-01-01");
  await we.getByRole("button", { name: "Gem" }).click();
  await expectFieldError(page, "Slutdato (valgfrit)", "Slutdatoen skal ligge efter startdatoen.");
  await expectFieldError(page, "Arbejdsplads", "Udfyld feltet.");
  await afterNavigation(page, /\/borger\/cv/);
  await expect(we.getByLabel("Stilling")).toHaveValue("Lagerarbejder");
  await expect(we.getByLabel("Arbejdsopgaver (valgfrit)")).toHaveValue("Plukning og pakning");
  await expectDate(we, "Startdato", "2020-05-01");
  await expect(page.getByText("Ikke udfyldt endnu.")).toBeVisible();
  await page.getByRole("button", { name: "Log af" }).click();
  await afterNavigation(page, /logget-ud/);

});

test("browseren tjekker formularen med samme regel som serveren, før den sendes", async ({ page }) => {
  // A person no other journey uses: the profile form at first MitID sign-in.
  await mitidLogin(page, "2111903190", /\/borger\/opret-profil$/);
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  await page.getByLabel("Brugernavn", { exact: true }).fill("r");
  await page.getByLabel("Adgangskode", { exact: true }).fill("kort");
  await page.getByLabel("Gentag adgangskode").fill("kort");
  await page.getByRole("button", { name: "Opret profil" }).click();
  await expectFieldError(page, "Brugernavn", "Brugernavnet skal være 3-40 tegn og må kun indeholde bogstaver, tal, punktum, bindestreg og understreg.");
  await expectFieldError(page, "Adgangskode", "Adgangskoden skal være på mindst 10 tegn.");
  expect(posts, "nothing was sent to the server").toEqual([]);
  await expect(page.getByLabel("Brugernavn", { exact: true })).toHaveValue("r");
  await checkA11y(page);
});
