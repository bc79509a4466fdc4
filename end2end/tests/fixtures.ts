/**
 * Shared Playwright fixtures and helpers for Jobspor.
 *
 * Import `test` and `expect` from here instead of "@playwright/test":
 *
 *   import { test, expect, visit, afterNavigation } from "./fixtures";
 *
 *   test("søgning virker @nojs", async ({ page }) => {
 *     await visit(page, "/");                       // load (+ hydrate) + axe
 *     await page.getByLabel("Søg").fill("tømrer");
 *     await page.getByRole("button", { name: "Søg" }).click();
 *     await afterNavigation(page, /\/job\?q=/);     // wait + axe
 *   });
 *
 * - Every test fails if the page threw an uncaught exception (`pageerror`),
 *   or logged a console error mentioning "panicked" or "WebAssembly"
 *   (Rust/Leptos panic, wasm load failure). Other console errors are only
 *   attached to the report.
 * - With JavaScript enabled, navigation helpers wait until every island on
 *   the page (<leptos-island>, the forms with a check before submit) carries
 *   data-hydrated="true", which the island sets once it is hydrated. A page
 *   without islands loads no script and has nothing to wait for.
 * - With VNU_DIR set (scripts/test.sh sets it), every HTML page the app
 *   serves to the test's browser context (a document, any status but a redirect,
 *   text/html, from baseURL's origin: not the identity provider's pages)
 *   is saved there once per distinct body, as <sha1>.html, with a line
 *   "<sha1>\t<path>" in index.tsv (the path without its query, which can
 *   carry what was typed). scripts/check-html.sh then runs the Nu Html
 *   Checker over them.
 * - `checkA11y` runs axe-core with the WCAG 2.0/2.1 A + AA rule sets and
 *   fails with a list of rule ids, help texts and target selectors. With
 *   JavaScript disabled it checks a JS-enabled copy of the no-JS DOM (axe
 *   cannot run otherwise), see withAxePage.
 */
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { createHash } from "node:crypto";
import { appendFileSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export { expect };

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** WCAG 2.5.3 Label in Name (level A): axe marks the rule experimental and leaves it out
 *  unless it is named. */
const AXE_EXTRA_RULES = ["label-content-name-mismatch"];
const FATAL_CONSOLE = /panicked|WebAssembly/;

/** JavaScript setting of contexts created by the `context` fixture. */
const jsEnabledByContext = new WeakMap<BrowserContext, boolean>();

function javaScriptEnabled(page: Page): boolean {
  const known = jsEnabledByContext.get(page.context());
  if (known !== undefined) return known;
  // Context not made by the fixture (e.g. browser.newContext()): fall back to
  // the project setting.
  return base.info().project.use.javaScriptEnabled ?? true;
}

/** Pages saved by this worker, as "<sha1>\t<path>": index.tsv gets each pair once per worker. */
const savedPages = new Set<string>();

/** Saves an app page's HTML into `dir` for the Nu Html Checker (see the top of this file). */
function savePage(dir: string, body: Buffer, url: string): void {
  const hash = createHash("sha1").update(body).digest("hex");
  const entry = `${hash}\t${new URL(url).pathname}`;
  if (savedPages.has(entry)) return;
  mkdirSync(dir, { recursive: true });
  // Written under a temporary name and renamed: another worker may save the same page.
  const tmp = join(dir, `.${hash}.${process.pid}.tmp`);
  writeFileSync(tmp, body);
  renameSync(tmp, join(dir, `${hash}.html`));
  appendFileSync(join(dir, "index.tsv"), `${entry}\n`);
  savedPages.add(entry);
}

export const test = base.extend<{ _pageErrors: void; _savePages: void }>({
  _pageErrors: [
    async ({ page, context, javaScriptEnabled }, use, testInfo) => {
      jsEnabledByContext.set(context, javaScriptEnabled);

      const pageErrors: string[] = [];
      const consoleErrors: string[] = [];
      page.on("pageerror", (err) => {
        pageErrors.push(`${page.url()}: ${err.stack ?? err.message}`);
      });
      page.on("console", (msg) => {
        if (msg.type() === "error") consoleErrors.push(`${page.url()}: ${msg.text()}`);
      });

      await use();

      if (consoleErrors.length > 0) {
        await testInfo.attach("console-errors", {
          body: consoleErrors.join("\n\n"),
          contentType: "text/plain",
        });
      }
      const fatal = [
        ...pageErrors.map((e) => `pageerror: ${e}`),
        ...consoleErrors.filter((e) => FATAL_CONSOLE.test(e)).map((e) => `console.error: ${e}`),
      ];
      if (fatal.length > 0) {
        throw new Error(`Browser errors during the test:\n\n${fatal.join("\n\n")}`);
      }
    },
    { auto: true },
  ],
  _savePages: [
    async ({ context, baseURL }, use) => {
      const dir = process.env.VNU_DIR;
      if (!dir || !baseURL) return use();
      const origin = new URL(baseURL).origin;
      const reads: Promise<void>[] = [];
      // The context, not the page: a page the test opens beside the first is the app's too.
      context.on("response", (response) => {
        const url = response.url();
        if (
          response.request().resourceType() !== "document" ||
          !url.startsWith("http") ||
          new URL(url).origin !== origin ||
          // A redirect has no page; an error page (404, 403) is one.
          (response.status() >= 300 && response.status() < 400) ||
          !(response.headers()["content-type"] ?? "").startsWith("text/html")
        ) {
          return;
        }
        // Read at once: the body can be gone once the page has navigated on. A body that
        // cannot be read (the page went away first) is skipped; a failed write is not.
        reads.push(
          response.body().then(
            (body) => savePage(dir, body, url),
            () => {},
          ),
        );
      });
      await use();
      const failed = (await Promise.allSettled(reads)).filter((r) => r.status === "rejected");
      if (failed.length > 0) {
        throw new Error(`could not save a page into VNU_DIR (${dir}): ${failed[0].reason}`);
      }
    },
    { auto: true },
  ],
});

/** Waits until the current document is loaded and, with JS on, its islands hydrated. */
async function waitReady(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  if (javaScriptEnabled(page)) {
    await expect(
      page.locator("leptos-island:not([data-hydrated='true'])"),
      "an island did not hydrate (leptos-island[data-hydrated=true])",
    ).toHaveCount(0, { timeout: 15_000 });
  }
}

/** Navigates to `url` (relative to baseURL) and waits for load + hydration. */
export async function gotoHydrated(page: Page, url: string) {
  const response = await page.goto(url);
  await waitReady(page);
  return response;
}

/**
 * axe-core cannot run in a page with JavaScript disabled: its evaluate
 * never settles because timers do not fire. For such pages we copy the DOM
 * (which is exactly the server-rendered HTML, as no script ran) into a
 * throw-away JS-enabled context: same URL, viewport and cookies, the
 * document request answered with the snapshot, <script> removed and
 * script requests blocked, and <noscript> unwrapped so its content renders
 * as it did for the no-JS user. CSS, fonts and images load from the server.
 */
async function withAxePage<T>(page: Page, fn: (target: Page) => Promise<T>): Promise<T> {
  if (javaScriptEnabled(page)) return fn(page);
  const browser = page.context().browser();
  if (!browser) throw new Error("checkA11y: page has no browser (persistent context?)");
  const html = (await page.content())
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, "")
    .replace(/<\/?noscript\b[^>]*>/gi, "");
  const context = await browser.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() });
  try {
    await context.addCookies(await page.context().cookies());
    const copy = await context.newPage();
    await context.route("**/*", (route) => {
      const req = route.request();
      if (req.isNavigationRequest() && req.frame() === copy.mainFrame()) {
        return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
      }
      if (req.resourceType() === "script") return route.abort();
      return route.continue();
    });
    await copy.goto(page.url());
    return await fn(copy);
  } finally {
    await context.close();
  }
}

/** Runs axe (WCAG 2.0/2.1 A+AA, and Label in Name) on the current page; expects no violations. */
export async function checkA11y(page: Page): Promise<void> {
  const path = new URL(page.url()).pathname;
  await base.step(`axe ${path}`, async () => {
    const results = await withAxePage(page, (target) =>
      // `options` first: it replaces the whole options object, `withTags` then adds runOnly.
      new AxeBuilder({ page: target })
        .options({ rules: Object.fromEntries(AXE_EXTRA_RULES.map((r) => [r, { enabled: true }])) })
        .withTags(AXE_TAGS)
        .analyze(),
    );
    const { violations } = results;
    const ran = [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map(
      (r) => r.id,
    );
    for (const rule of AXE_EXTRA_RULES) {
      expect(ran, `axe did not run ${rule}`).toContain(rule);
    }
    const report = violations.map((v) => {
      const targets = v.nodes.map((n) => `      ${n.target.join(" ")}`).join("\n");
      return `[${v.impact ?? "?"}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${targets}`;
    });
    expect(report, `axe found ${violations.length} WCAG violation(s) on ${page.url()}`).toEqual([]);
  });
}

/** gotoHydrated + checkA11y. */
export async function visit(page: Page, url: string) {
  const response = await gotoHydrated(page, url);
  await checkA11y(page);
  return response;
}

/**
 * Call after an action that navigates (form submit, link click): waits for
 * the new page to load (+ hydrate) and runs checkA11y. Pass `url` (string,
 * glob or RegExp, as for page.waitForURL) so the wait cannot resolve on the
 * old page before the navigation has started; also needed when the app
 * navigates client-side (no load event).
 */
export async function afterNavigation(
  page: Page,
  url?: Parameters<Page["waitForURL"]>[0],
): Promise<void> {
  if (url !== undefined) await page.waitForURL(url);
  await waitReady(page);
  await checkA11y(page);
}
