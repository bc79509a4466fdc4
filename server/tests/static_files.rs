//! Static files over HTTP (`jobspor_server::static_files`): the precompressed answer the
//! browser accepts, a year's immutable cache for hashed names and an hour for the rest, the
//! favicon the pages link, and the app's own 404 page for anything else; pages and /api stay
//! `no-store`. SQLite always, PostgreSQL when reachable.
use jobspor_testkit::{client, each_backend, spawn_with, unique, Settings, TestApp};
use reqwest::header::{ACCEPT, ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE};
use reqwest::StatusCode;
use std::path::{Path, PathBuf};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const SHORT: &str = "public, max-age=3600";

/// Names as the release build writes them: cargo-leptos' hash (`hash-files`) and
/// scripts/site-css.mjs' (fonts and icons).
const WASM: &str = "/pkg/jobspor.d8WWY0sLX2jqhj-ZWG_Yuw.wasm";
const FONT: &str = "/dkfds/fonts/IBMPlexSans-Regular.a0a7e1858dbb9db1.woff2";
const FAVICON: &str = "/favicon.svg";

/// A site root as `cargo leptos build --release --precompress` leaves it: each file with
/// its `.br` and `.gz` (told apart here by their content), and the real favicon.
fn site_root() -> PathBuf {
    let root = std::env::temp_dir().join(unique("jobspor-site"));
    let write = |path: &str, bytes: &[u8]| {
        let file = root.join(path.trim_start_matches('/'));
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, bytes).unwrap();
    };
    for path in [WASM, FONT] {
        write(path, b"plain");
        write(&format!("{path}.br"), b"brotli");
        write(&format!("{path}.gz"), b"gzip");
    }
    let favicon = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/favicon.svg");
    write(FAVICON, &std::fs::read(favicon).unwrap());
    root
}

async fn get(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut r = client().get(format!("{}{path}", app.base));
    for (k, v) in headers {
        r = r.header(*k, *v);
    }
    r.send().await.unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn header(r: &reqwest::Response, name: reqwest::header::HeaderName) -> &str {
    r.headers()
        .get(&name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or_default()
}

#[tokio::test]
async fn files_come_precompressed_and_cached_by_name_and_pages_are_never_stored() {
    each_backend(|store| async move {
        let root = site_root();
        let settings = Settings {
            site_root: root.to_string_lossy().into_owned(),
            ..Settings::default()
        };
        let app = spawn_with(store, settings).await;

        // The encoding the browser accepts, from the file beside it.
        for (accept, encoding, body) in [
            ("br", "br", "brotli"),
            ("gzip, deflate, br", "br", "brotli"),
            ("gzip", "gzip", "gzip"),
            ("identity", "", "plain"),
        ] {
            let r = get(&app, WASM, &[(ACCEPT_ENCODING.as_str(), accept)]).await;
            assert_eq!(r.status(), StatusCode::OK, "{accept}");
            assert_eq!(header(&r, CONTENT_ENCODING), encoding, "{accept}");
            assert_eq!(header(&r, CONTENT_TYPE), "application/wasm", "{accept}");
            assert_eq!(header(&r, CACHE_CONTROL), IMMUTABLE, "{accept}");
            assert_eq!(header(&r, reqwest::header::VARY), "accept-encoding");
            assert_eq!(r.text().await.unwrap(), body, "{accept}");
        }
        let r = get(&app, FONT, &[(ACCEPT_ENCODING.as_str(), "br")]).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(header(&r, CACHE_CONTROL), IMMUTABLE);

        // The page links the favicon, which is there, with a short cache (its name stays).
        let r = get(&app, "/", &[(ACCEPT.as_str(), "text/html")]).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(header(&r, CACHE_CONTROL), "no-store", "a page");
        let page = r.text().await.unwrap();
        assert!(
            page.contains(&format!(
                r#"<link rel="icon" type="image/svg+xml" href="{FAVICON}">"#
            )),
            "{page}"
        );
        assert_eq!(
            page.matches(r#"rel="stylesheet""#).count(),
            1,
            "one stylesheet: {page}"
        );
        let r = get(&app, FAVICON, &[]).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(header(&r, CONTENT_TYPE), "image/svg+xml");
        assert_eq!(header(&r, CACHE_CONTROL), SHORT);
        assert!(r.text().await.unwrap().starts_with("<svg"));

        // An /api answer is never stored either.
        let r = app.call(&client(), "session", &[]).await;
        assert!(r.status().is_success(), "{}", r.status());
        assert_eq!(header(&r, CACHE_CONTROL), "no-store", "/api");

        // Anything else is the app's own 404 page, whatever the folder.
        for path in [
            "/findes/ikke",
            "/pkg/findes-ikke.wasm",
            "/pkg/",
            "/../Cargo.toml",
        ] {
            let r = get(&app, path, &[(ACCEPT.as_str(), "text/html")]).await;
            assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
            assert_eq!(header(&r, CACHE_CONTROL), "no-store", "{path}");
            let body = r.text().await.unwrap();
            assert!(body.contains("Siden findes ikke"), "{path}: {body}");
        }
        let _ = std::fs::remove_dir_all(&root);
    })
    .await;
}
