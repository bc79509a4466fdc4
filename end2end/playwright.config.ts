import { defineConfig } from "@playwright/test";

/**
 * Jobspor end-to-end tests.
 *
 * - No `webServer` block: whoever runs the tests starts the app first and
 *   points BASE_URL at it (default http://127.0.0.1:3000, cargo-leptos'
 *   site-addr).
 * - Uses the system Chromium (Debian package) instead of Playwright's
 *   downloaded browsers; override with CHROMIUM_PATH.
 * - Projects:
 *     js    – JavaScript on (hydrated app). Runs every test except those
 *             tagged @nojsonly.
 *     nojs  – JavaScript off (pure SSR / progressive enhancement). Runs only
 *             tests tagged @nojs (which includes @nojsonly).
 */
export default defineConfig({
  testDir: "./tests",
  fullyParallel: false,
  workers: 1,
  // No retries: journeys create data (a profile is created once), and a flaky test is a bug.
  retries: 0,
  // In CI a failure that repeats (the provider unreachable, say) ends the run early, so the
  // script's server and provider logs are printed within CI's time.
  maxFailures: process.env.CI ? 3 : 0,
  forbidOnly: !!process.env.CI,
  reporter: "list",
  // Journeys are long, and with JavaScript off each axe check copies the page into a new context.
  timeout: 120_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: process.env.BASE_URL ?? "http://127.0.0.1:3000",
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "js",
      use: { javaScriptEnabled: true },
      grepInvert: /@nojsonly/,
    },
    {
      name: "nojs",
      use: { javaScriptEnabled: false },
      grep: /@nojs/,
    },
  ],
});
