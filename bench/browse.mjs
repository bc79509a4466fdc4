// The browser side of bench/first_load.sh and bench/ssr_wrk.sh, with end2end's Playwright and
// Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
//
//   node bench/browse.mjs signin citizen CPR BASE_URL      prints the session cookie (name=value)
//   node bench/browse.mjs signin employer NAME BASE_URL    the same for a MitID Erhverv user
//   node bench/browse.mjs sizes BASE_URL OUT.json          first-load wasm + js of each page kind
//
// Sign-ins go through the simulated identity provider's real pages with JavaScript off (every
// form works without it, and nothing waits for hydration); the measuring contexts then carry
// the session cookie with JavaScript on.
//
// `sizes` opens every page kind, reads the wasm and js files its HTML names (modulepreload and
// preload links, script src, the module paths the inline scripts import, and the files Leptos'
// island loader is called with), fetches each
// file as stored (no content coding) and writes raw, gzip (level 9) and brotli (quality 11)
// sizes. It also records the js and wasm the browser actually requested while loading the page
// (with their transfer sizes as served), as a cross-check of the HTML's list.
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import zlib from "node:zlib";

const require = createRequire(new URL("../end2end/package.json", import.meta.url));
const { chromium } = require("@playwright/test");

const MITID = { cpr: "1205901806", who: "Mette" }; // the demo citizen (server/src/demo.rs)
const EMPLOYER = "Karen Holm"; // idp/data/erhverv_users.json, Region Midtjylland
const SEARCH = "/arbejdsgiver/soeg?q=sygeplejersker&region=1082&koerekort=B";

const launch = () =>
  chromium.launch({
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
  });

async function signIn(browser, base, kind, who) {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: base, locale: "da-DK" });
  const page = await context.newPage();
  try {
    if (kind === "citizen") {
      await page.goto("/log-ind");
      await page.getByRole("button", { name: "Log ind med MitID" }).click();
      await page.waitForURL(/\/mitid\/interaction\//);
      await page.getByLabel("CPR-nummer").fill(who);
      await page.getByRole("button", { name: "Log ind", exact: true }).click();
    } else if (kind === "employer") {
      await page.goto("/arbejdsgiver");
      await page.getByRole("button", { name: "Log ind med MitID Erhverv" }).click();
      await page.waitForURL(/\/mitid-erhverv\/interaction\//);
      await page.getByRole("button", { name: new RegExp(`^Log ind som ${who}`) }).click();
    } else {
      throw new Error(`no sign-in for ${kind}`);
    }
    await page.waitForURL((u) => u.href.startsWith(base) && !/\/(log-ind|callback)/.test(u.pathname), {
      timeout: 30_000,
    });
    const cookie = (await context.cookies()).find((c) => /jobspor_session$/.test(c.name));
    if (!cookie) throw new Error(`${kind} ${who}: no session cookie after signing in (at ${page.url()})`);
    return { cookies: await context.cookies(), header: `${cookie.name}=${cookie.value}`, landed: page.url() };
  } finally {
    await context.close();
  }
}

/** The .js and .wasm files a page's HTML names, as absolute URLs. */
function assetsNamed(html, pageUrl) {
  const found = new Set();
  const add = (ref) => {
    const clean = ref.split(/[?#]/)[0];
    if (/\.(m?js|wasm)$/.test(clean)) found.add(new URL(ref, pageUrl).href);
  };
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/\brel\s*=\s*["']?(modulepreload|preload)\b/i.test(tag)) continue;
    const href = tag.match(/\bhref\s*=\s*["']([^"']+)["']/i);
    if (href) add(href[1]);
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const src = m[1].match(/\bsrc\s*=\s*["']([^"']+)["']/i);
    if (src) add(src[1]);
    // Inline module scripts: import('…'), import … from '…', and any quoted .js/.wasm path.
    // A template literal (`${root}/…`) is a pattern, not a file.
    for (const s of m[2].matchAll(/["'`]([^"'`\s]+\.(?:m?js|wasm)(?:[?#][^"'`\s]*)?)["'`]/g)) {
      if (!s[1].includes("${")) add(s[1]);
    }
    // Leptos' island loader is called with (root, pkg dir, js name, wasm name, defer) and
    // imports `${root}/${pkg}/${js}.js`, which loads `${root}/${pkg}/${wasm}.wasm` (the
    // server takes away the hints that named them too: server/src/valid_html.rs).
    const loader = m[2].match(/\}\)\s*\(\s*"([^"]*)",\s*"([^"]+)",\s*"([^"]+)",\s*"([^"]+)",\s*(?:true|false)\s*\);?\s*$/);
    if (loader && m[2].includes("hydrateIslands")) {
      const [, root, pkg, js, wasm] = loader;
      add(`${root}/${pkg}/${js}.js`);
      add(`${root}/${pkg}/${wasm}.wasm`);
    }
  }
  return [...found].sort();
}

function sizesOf(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

async function measure(browser, base, name, path, cookies) {
  const context = await browser.newContext({ baseURL: base, locale: "da-DK" });
  if (cookies) await context.addCookies(cookies);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const requested = [];
  page.on("requestfinished", async (req) => {
    const url = req.url();
    if (!/\.(m?js|wasm)(\?|#|$)/.test(url)) return;
    try {
      const s = await req.sizes();
      requested.push({ url, transfer: s.responseBodySize + s.responseHeadersSize });
    } catch {
      requested.push({ url, transfer: null });
    }
  });
  try {
    const response = await page.goto(typeof path === "function" ? await path(page) : path, { waitUntil: "load" });
    if (!response || response.status() !== 200) throw new Error(`answered ${response?.status()} at ${page.url()}`);
    const finalUrl = page.url();
    if (cookies && /\/log-ind/.test(new URL(finalUrl).pathname)) throw new Error(`sent to sign in (${finalUrl})`);
    const html = await response.text();
    await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => {});
    if (errors.length) throw new Error(`page error: ${errors[0]}`);
    const files = [];
    for (const url of assetsNamed(html, finalUrl)) {
      // As stored: no content coding, so the sizes are computed here the same way for every file.
      const r = await context.request.get(url, { headers: { "accept-encoding": "identity" } });
      if (!r.ok()) throw new Error(`${url} answered ${r.status()}`);
      files.push({ url: new URL(url).pathname, kind: url.split(/[?#]/)[0].endsWith(".wasm") ? "wasm" : "js", ...sizesOf(await r.body()) });
    }
    return { name, url: new URL(finalUrl).pathname + new URL(finalUrl).search, ok: true, files, requested };
  } catch (e) {
    return { name, url: typeof path === "string" ? path : "(from the search)", ok: false, error: String(e.message ?? e), files: [], requested };
  } finally {
    await context.close();
  }
}

async function sizes(base, out) {
  const browser = await launch();
  const results = [];
  const sessions = {};
  try {
    let citizen = null;
    let employer = null;
    try {
      citizen = await signIn(browser, base, "citizen", MITID.cpr);
      sessions.citizen = citizen.header;
    } catch (e) {
      results.push({ name: "sign-in citizen", ok: false, error: String(e.message ?? e), files: [] });
    }
    try {
      employer = await signIn(browser, base, "employer", EMPLOYER);
      sessions.employer = employer.header;
    } catch (e) {
      results.push({ name: "sign-in employer", ok: false, error: String(e.message ?? e), files: [] });
    }
    const pages = [
      ["front page", "/", null],
      ["sign-in", "/log-ind", null],
      ["Min side", "/borger", citizen],
      ["CV section", "/borger/cv/afsnit/work_experience", citizen],
      ["questionnaire step", "/borger/forberedelse/registeroplysninger", citizen],
      ["employer search", SEARCH, employer],
      // The first CV among the search's results.
      [
        "CV opened",
        async (page) => {
          await page.goto(SEARCH);
          const href = await page.locator(".search-result a[href*='/arbejdsgiver/cv/']").first().getAttribute("href", { timeout: 10_000 });
          if (!href) throw new Error("no CV link among the search results");
          return href;
        },
        employer,
      ],
    ];
    for (const [name, path, who] of pages) {
      if (who === null && ["Min side", "CV section", "questionnaire step", "employer search", "CV opened"].includes(name)) {
        results.push({ name, url: typeof path === "string" ? path : "", ok: false, error: "not signed in", files: [] });
        continue;
      }
      results.push(await measure(browser, base, name, path, who?.cookies));
    }
  } finally {
    await browser.close();
  }
  writeFileSync(out, JSON.stringify({ base, sessions, results }, null, 2));
}

const [cmd, ...args] = process.argv.slice(2);
try {
  if (cmd === "signin") {
    const [kind, who, base] = args;
    const browser = await launch();
    try {
      console.log((await signIn(browser, base, kind, who)).header);
    } finally {
      await browser.close();
    }
  } else if (cmd === "sizes") {
    await sizes(args[0], args[1]);
  } else {
    console.error("usage: browse.mjs signin citizen|employer WHO BASE_URL | sizes BASE_URL OUT.json");
    process.exit(2);
  }
} catch (e) {
  console.error(`FAILED: ${e.stack ?? e}`);
  process.exit(1);
}
