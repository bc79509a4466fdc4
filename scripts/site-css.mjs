// The DKFDS part of the site's one stylesheet, and the files it refers to.
//
//   node scripts/site-css.mjs OUT_CSS PUBLIC_DIR
//
// 1. PurgeCSS keeps only the DKFDS rules whose classes, elements and attributes appear in
//    the app's sources (app/src, src) or in our own stylesheets (style/*.css): DKFDS' whole
//    stylesheet is over 200 KB and a page uses a small part of it.
// 2. Each @font-face keeps its woff2 source only: every browser this site supports reads
//    woff2, and the others (eot, woff, ttf) are never fetched by them; `font-display:
//    optional` (see below). Each woff2 is cut to the characters Danish and the other
//    languages written with the Latin alphabet in Europe use (`LATIN`, npm subset-font,
//    HarfBuzz), and its @font-face says so in `unicode-range`: IBM Plex Sans' complete
//    files carry Cyrillic, Greek and Vietnamese as well, 57–65 KB each; cut, 22–25 KB.
//    A character outside the range is drawn in the fallback font.
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
import subsetFont from "subset-font";
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

// The characters the fonts keep: Basic Latin, Latin-1 (æ, ø, å), Latin Extended-A (names
// such as Łukasz or Šimić), the general punctuation (– — ‘ ’ “ ” • …), €, ™, arrows and the
// minus sign.
const LATIN = [
  [0x0020, 0x007e],
  [0x00a0, 0x017f],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
];
const hex = (c) => c.toString(16).toUpperCase().padStart(4, "0");
const UNICODE_RANGE = LATIN.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(", ");
const LATIN_TEXT = LATIN.flatMap(([a, b]) =>
  Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i)),
).join("");

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
  const subsets = new Map(); // woff2 source path -> its bytes cut to LATIN

  function hashedUrl(ref) {
    const source = path.resolve(sourceDir, ref);
    if (!source.startsWith(path.resolve(DIST) + path.sep)) {
      throw new Error(`url(${ref}) points outside ${DIST}`);
    }
    if (!fs.existsSync(source)) {
      throw new Error(`url(${ref}): ${source} does not exist`);
    }
    if (!copied.has(source)) {
      const bytes = subsets.get(source) ?? fs.readFileSync(source);
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
    face.walkDecls("unicode-range", (decl) => decl.remove());
    face.append({ prop: "unicode-range", value: UNICODE_RANGE });
  });
  // The fonts cut before their names are hashed (the url()s below).
  const woff2 = new Set();
  root.walkAtRules("font-face", (face) =>
    face.walkDecls("src", (decl) => {
      for (const [, , ref] of decl.value.matchAll(URL_RE)) {
        if (isLocal(ref) && /\.woff2$/.test(ref.replace(/[?#].*$/, ""))) {
          woff2.add(path.resolve(sourceDir, ref.replace(/[?#].*$/, "")));
        }
      }
    }),
  );
  for (const source of woff2) {
    if (!fs.existsSync(source)) {
      throw new Error(`${source} does not exist`);
    }
    subsets.set(source, await subsetFont(fs.readFileSync(source), LATIN_TEXT, { targetFormat: "woff2" }));
  }
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
  const sum = (sizes) => sizes.reduce((n, size) => n + size, 0);
  const whole = sum([...woff2].map((f) => fs.statSync(f).size));
  const cut = sum([...subsets.values()].map((bytes) => bytes.length));
  console.log(
    `site-css: dkfds ${version}: ${fs.statSync(SOURCE_CSS).size} -> ${purged.css.length} bytes of CSS; ` +
      `${fonts.length} woff2 fonts (${whole} -> ${cut} bytes, Latin only) and ` +
      `${copied.size - fonts.length} other files it refers to`,
  );
}

main().catch((e) => {
  console.error(`site-css: ${e.message}`);
  process.exit(1);
});
