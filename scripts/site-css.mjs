// The DKFDS part of the site's one stylesheet, and the files it refers to.
//
//   node scripts/site-css.mjs OUT_CSS PUBLIC_DIR
//
// 1. PurgeCSS keeps only the DKFDS rules whose classes, elements and attributes appear in
//    the app's sources (app/src, src) or in our own stylesheets (style/*.css): DKFDS' whole
//    stylesheet is over 200 KB and a page uses a small part of it.
// 2. Each @font-face keeps its woff2 source only: every browser this site supports reads
//    woff2, and the others (eot, woff, ttf) are never fetched by them; `font-display:
//    optional` (see below).
// 3. Every file the remaining CSS refers to (fonts, icons) is copied into PUBLIC_DIR (served
//    as /dkfds/) under a name carrying its content hash, `<name>.<16 hex of sha256>.<ext>`,
//    and the url() rewritten to it: the server gives such names a year's immutable cache
//    (server/src/static_files.rs), and a new DKFDS version is a new name.
// 4. The result goes to OUT_CSS, which style/jobspor.css (cargo-leptos' `style-file`)
//    imports beside our own style/main.css: one stylesheet, hashed and minified by
//    cargo-leptos.
//
// Prints one line of figures; on failure the reason goes to stderr and it exits non-zero.
import { PurgeCSS } from "purgecss";
import postcss from "postcss";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const [outCss, publicDir] = process.argv.slice(2);
if (!outCss || !publicDir) {
  console.error("usage: node scripts/site-css.mjs OUT_CSS PUBLIC_DIR");
  process.exit(2);
}

const DIST = "node_modules/dkfds/dist";
const SOURCE_CSS = `${DIST}/css/dkfds.min.css`;
// Where PUBLIC_DIR is served: assets-dir `public` is the site root, PUBLIC_DIR is public/dkfds.
const URL_PREFIX = "/dkfds";
// Hex digits of the content hash in a file name (64 bits: no two versions of a file meet).
const HASH_HEX = 16;

// Where class names, elements and attributes are written: the pages and components, the
// core's form descriptions, and our own CSS (its selectors build on DKFDS' classes).
const CONTENT = ["app/src/**/*.rs", "src/**/*.rs", "style/*.css"];

// Attributes whose value is computed at run time (`aria-invalid=move || …`), so the value a
// DKFDS selector asks for may not be written anywhere in the sources: keep their rules.
const DYNAMIC_ATTRIBUTES = [
  "aria-invalid",
  "aria-current",
  "aria-describedby",
  "aria-expanded",
  "aria-hidden",
  "aria-disabled",
  "aria-checked",
  "aria-selected",
  "aria-pressed",
  "disabled",
  "hidden",
  "readonly",
  "required",
];

// Set by the browser or by markup the sources do not spell as a word.
const SAFELIST = {
  standard: ["html", "body", ":root"],
};

async function main() {
  const [purged] = await new PurgeCSS().purge({
    css: [SOURCE_CSS],
    content: CONTENT,
    dynamicAttributes: DYNAMIC_ATTRIBUTES,
    safelist: SAFELIST,
    // Rules nothing uses any more drop their keyframes too; @font-face stays (every face is
    // IBM Plex Sans, and a browser downloads only the faces a page renders with).
    keyframes: true,
  });

  const sourceDir = path.dirname(SOURCE_CSS);
  const copied = new Map(); // source path -> url

  function hashedUrl(ref) {
    const source = path.resolve(sourceDir, ref);
    if (!source.startsWith(path.resolve(DIST) + path.sep)) {
      throw new Error(`url(${ref}) points outside ${DIST}`);
    }
    if (!fs.existsSync(source)) {
      throw new Error(`url(${ref}): ${source} does not exist`);
    }
    if (!copied.has(source)) {
      const bytes = fs.readFileSync(source);
      const hash = createHash("sha256").update(bytes).digest("hex").slice(0, HASH_HEX);
      const ext = path.extname(source);
      // fonts/ and img/ as in DKFDS' dist, without its inner folders (one font family).
      const kind = path.relative(DIST, source).split(path.sep)[0];
      const name = `${path.basename(source, ext)}.${hash}${ext}`;
      fs.mkdirSync(path.join(publicDir, kind), { recursive: true });
      fs.writeFileSync(path.join(publicDir, kind, name), bytes);
      copied.set(source, `${URL_PREFIX}/${kind}/${name}`);
    }
    return copied.get(source);
  }

  const URL_RE = /url\(\s*(["']?)([^"')]+)\1\s*\)/g;
  const isLocal = (ref) => !/^(data:|https?:|\/\/|#)/.test(ref);

  const root = postcss.parse(purged.css, { from: SOURCE_CSS });
  root.walkAtRules("font-face", (face) => {
    face.walkDecls("src", (decl) => {
      // A font file that is not woff2 goes; `local()` sources (the system font stack) stay.
      const kept = postcss.list
        .comma(decl.value)
        .filter((source) => !source.startsWith("url(") || /format\(\s*["']?woff2["']?\s*\)/.test(source));
      if (kept.length === 0) {
        throw new Error(`@font-face without a woff2 source: ${decl.value}`);
      }
      decl.value = kept.join(",");
    });
    // `optional`, not DKFDS' `swap`: a face that has not arrived within the first ~100 ms
    // is not swapped in later on that page, so text never moves once shown (Lighthouse's
    // CLS 0 on a slow connection); the font is cached for the next page.
    face.walkDecls("font-display", (decl) => {
      decl.value = "optional";
    });
  });
  root.walkDecls((decl) => {
    decl.value = decl.value.replace(URL_RE, (whole, quote, ref) =>
      isLocal(ref) ? `url(${hashedUrl(ref.replace(/[?#].*$/, ""))})` : whole,
    );
  });

  const version = JSON.parse(fs.readFileSync("node_modules/dkfds/package.json", "utf8")).version;
  const header =
    `/* Generated by scripts/site-css.mjs from DKFDS ${version} (MIT, node_modules/dkfds): ` +
    `the rules the app uses. Do not edit. */\n`;
  fs.mkdirSync(path.dirname(outCss), { recursive: true });
  fs.writeFileSync(outCss, header + root.toString() + "\n");

  const fonts = [...copied.values()].filter((u) => u.endsWith(".woff2"));
  console.log(
    `site-css: dkfds ${version}: ${fs.statSync(SOURCE_CSS).size} -> ${purged.css.length} bytes of CSS; ` +
      `${fonts.length} woff2 fonts and ${copied.size - fonts.length} other files it refers to`,
  );
}

main().catch((e) => {
  console.error(`site-css: ${e.message}`);
  process.exit(1);
});
