//! The fonts every page draws with, preloaded from the page's head: without the hint a
//! browser finds a font only once the stylesheet has arrived and a text needs it, one round
//! trip later, and the first paint waits for the fonts.
use std::path::Path;
use std::sync::OnceLock;

/// The faces of IBM Plex Sans every page uses: body text, headings, labels and `<strong>`.
const FACES: [&str; 3] = [
    "IBMPlexSans-Regular.",
    "IBMPlexSans-SemiBold.",
    "IBMPlexSans-Bold.",
];

/// Where `scripts/site-css.mjs` puts the fonts under the site root, and where they are served.
const FONTS_DIR: &str = "dkfds/fonts";

/// The URLs of `FACES` under `site_root` (their names carry a content hash, so they are read
/// from the folder, once per process); none when the folder is missing (tests, a build
/// without assets).
pub fn preloaded(site_root: &str) -> &'static [String] {
    static FONTS: OnceLock<Vec<String>> = OnceLock::new();
    FONTS.get_or_init(|| {
        let Ok(dir) = std::fs::read_dir(Path::new(site_root).join(FONTS_DIR)) else {
            return Vec::new();
        };
        let names: Vec<String> = dir
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".woff2"))
            .collect();
        FACES
            .iter()
            .filter_map(|face| names.iter().find(|n| n.starts_with(face)))
            .map(|n| format!("/{FONTS_DIR}/{n}"))
            .collect()
    })
}
