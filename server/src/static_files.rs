//! The site root's files: what cargo-leptos builds into it (`/pkg/`: the js, the wasm and
//! the one stylesheet) and what `public/` holds (`/dkfds/` fonts and icons, the favicon).
//!
//! - **Precompressed**: a release build with `--precompress` writes a `.br` and a `.gz`
//!   beside every file; `ServeDir` answers with one of them when the browser accepts it
//!   (`Content-Encoding`), so nothing is compressed per request.
//! - **Cached by name**: a name carrying its content's hash never changes content, so it
//!   is kept a year without asking again ([`CachePolicy::Immutable`]); any other file an
//!   hour ([`CachePolicy::Short`]). Pages and /api keep the router's `no-store`.
//! - Any other path (and any method but GET and HEAD) is the app's own 404 page.
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::ServeDir;

/// How long a browser (and any cache between) may keep a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CachePolicy {
    /// A year, never revalidated: the name changes when the content does.
    Immutable,
    /// An hour: the file keeps its name across releases (the favicon).
    Short,
}

impl CachePolicy {
    /// The policy for a file at this request path.
    pub fn for_path(path: &str) -> CachePolicy {
        if is_content_hashed(path) {
            CachePolicy::Immutable
        } else {
            CachePolicy::Short
        }
    }

    pub fn header_value(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            CachePolicy::Immutable => "public, max-age=31536000, immutable",
            CachePolicy::Short => "public, max-age=3600",
        })
    }
}

/// Length of cargo-leptos' `hash-files` hash: an MD5 digest in unpadded base64url.
const LEPTOS_HASH_CHARS: usize = 22;
/// Length of `scripts/site-css.mjs`' hash: the first 16 hex digits of a SHA-256 digest.
const ASSET_HASH_HEX: usize = 16;

/// Whether a file's name carries its content's hash, as the build writes one: cargo-leptos'
/// `jobspor.<22 base64url>.wasm` or the stylesheet's `IBMPlexSans-Bold.<16 hex>.woff2`.
/// The hash is a dot-separated part between the stem and the extension.
pub fn is_content_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let parts: Vec<&str> = name.split('.').collect();
    let Some(middle) = parts.get(1..parts.len().saturating_sub(1)) else {
        return false;
    };
    middle.iter().any(|part| {
        let base64url = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        (part.len() == LEPTOS_HASH_CHARS && part.chars().all(base64url))
            || (part.len() == ASSET_HASH_HEX && part.chars().all(|c| c.is_ascii_hexdigit()))
    })
}

/// The site root's files, served precompressed.
#[derive(Clone)]
pub struct SiteFiles {
    dir: ServeDir,
}

impl SiteFiles {
    pub fn new(site_root: &str) -> SiteFiles {
        SiteFiles {
            dir: ServeDir::new(site_root)
                .precompressed_br()
                .precompressed_gzip(),
        }
    }

    /// The file at the request's path with its cache policy, or the request back when
    /// there is none (for the 404 page).
    pub async fn serve(&self, req: Request<Body>) -> Result<Response, Request<Body>> {
        if req.method() != Method::GET && req.method() != Method::HEAD {
            return Err(req);
        }
        // `ServeDir` takes the request; the 404 page needs it whole if there is no file.
        let mut probe = Request::new(Body::empty());
        *probe.method_mut() = req.method().clone();
        *probe.uri_mut() = req.uri().clone();
        *probe.headers_mut() = req.headers().clone();
        let res = match self.dir.clone().oneshot(probe).await {
            Ok(res) => res,
            Err(never) => match never {},
        };
        if res.status() == StatusCode::NOT_FOUND {
            return Err(req);
        }
        let mut res = res.into_response();
        if res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED {
            let policy = CachePolicy::for_path(req.uri().path());
            let headers = res.headers_mut();
            headers.insert(header::CACHE_CONTROL, policy.header_value());
            // Caches between keep the brotli, gzip and plain answers apart.
            headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
        Ok(res)
    }
}

/// The answer of the app's 404 page: 404 unless the page chose another status (a redirect).
pub fn not_found(mut res: Response) -> Response {
    if res.status() == StatusCode::OK {
        *res.status_mut() = StatusCode::NOT_FOUND;
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_the_builds_hashes_are_immutable_and_others_short() {
        for hashed in [
            "/pkg/jobspor.d8WWY0sLX2jqhj-ZWG_Yuw.wasm",
            "/pkg/jobspor.d8WWY0sLX2jqhj-ZWG_Yuw.css",
            "/dkfds/fonts/IBMPlexSans-Regular.a0a7e1858dbb9db1.woff2",
            "/dkfds/img/chevron-down.a4e37faaeeba7715.svg",
        ] {
            assert_eq!(
                CachePolicy::for_path(hashed),
                CachePolicy::Immutable,
                "{hashed}"
            );
        }
        for plain in [
            "/favicon.svg",
            "/pkg/jobspor.wasm",
            "/pkg/jobspor.css",
            "/dkfds/LICENSE.md",
            // A hash-like stem or extension is not a hash part.
            "/pkg/a0a7e1858dbb9db1.js",
            "/x.a0a7e1858dbb9db1",
            "/pkg/jobspor.a0a7e1858dbb9db.js",
            "/",
        ] {
            assert_eq!(CachePolicy::for_path(plain), CachePolicy::Short, "{plain}");
        }
    }
}
