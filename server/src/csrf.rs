//! Cross-site request forgery: a request that changes something (any method but GET, HEAD
//! and OPTIONS), on any path, must come from the site's own pages. Browsers say where a
//! request comes from in `Origin` and `Sec-Fetch-Site`, and a page of another site cannot
//! forge either; a request with neither is not from a current browser, and is let through
//! only on a path configured for a server-to-server client (`Door::csrf_allowed_paths`).
//! SameSite cookies alone are not enough: a sibling site (`same-site`) gets them.
use crate::config::Door;
use crate::refusal::refuse;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;

/// Why a request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// `Origin` names another origin, or is `null` (a sandboxed or privacy-sensitive context).
    ForeignOrigin,
    /// `Sec-Fetch-Site` is `cross-site` or `same-site` (or a value we do not know).
    OtherSite,
    /// Neither header, on a path not allowed for server-to-server clients.
    NoBrowserHeaders,
}

/// What a request says about where it comes from.
#[derive(Debug, Clone, Copy)]
pub struct Claims<'a> {
    pub method: &'a Method,
    pub origin: Option<&'a str>,
    pub fetch_site: Option<&'a str>,
    /// The path is one a server-to-server client may post to without the headers.
    pub allowed_without_headers: bool,
}

/// The decision, pure: `own_origin` is the site's (`https://jobspor.dk`), or `None` when it
/// cannot be told (then no `Origin` matches).
pub fn decide(r: Claims<'_>, own_origin: Option<&str>) -> Result<(), Refusal> {
    if matches!(*r.method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return Ok(());
    }
    if let Some(site) = r.fetch_site {
        // `none`: the user's own act (typed, bookmarked), which no other site can cause.
        if !matches!(site.trim(), "same-origin" | "none") {
            return Err(Refusal::OtherSite);
        }
    }
    match (r.origin, r.fetch_site) {
        (Some(origin), _) => match own_origin {
            Some(own) if same_origin(origin, own) => Ok(()),
            _ => Err(Refusal::ForeignOrigin),
        },
        (None, Some(_)) => Ok(()),
        (None, None) if r.allowed_without_headers => Ok(()),
        (None, None) => Err(Refusal::NoBrowserHeaders),
    }
}

fn same_origin(a: &str, b: &str) -> bool {
    a.trim().trim_end_matches('/').eq_ignore_ascii_case(b)
}

/// The origin part of a configured URL: `https://jobspor.dk/` and `https://jobspor.dk/x`
/// are `https://jobspor.dk`.
pub fn origin_of(url: &str) -> String {
    let url = url.trim();
    let after_scheme = url.find("://").map(|i| i + 3).unwrap_or(0);
    let end = url[after_scheme..]
        .find('/')
        .map(|i| after_scheme + i)
        .unwrap_or(url.len());
    url[..end].to_ascii_lowercase()
}

/// What the middleware needs, worked out once from `Door`.
pub struct Settings {
    pub public_origin: Option<String>,
    pub scheme: &'static str,
    pub allowed_paths: Vec<String>,
}

impl Settings {
    pub fn from_door(door: &Door) -> Settings {
        Settings {
            public_origin: door.public_url.as_deref().map(origin_of),
            scheme: if door.tls { "https" } else { "http" },
            allowed_paths: door.csrf_allowed_paths.clone(),
        }
    }
}

pub async fn middleware(
    State(settings): State<Arc<Settings>>,
    req: Request<Body>,
    next: Next,
) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let own = settings.public_origin.clone().or_else(|| {
        text("host").map(|host| format!("{}://{}", settings.scheme, host.to_ascii_lowercase()))
    });
    let claims = Claims {
        method: req.method(),
        origin: text("origin"),
        fetch_site: text("sec-fetch-site"),
        // The EURES input API authenticates by token and carries no cookies.
        allowed_without_headers: settings.allowed_paths.iter().any(|p| p == req.uri().path())
            || req.uri().path() == crate::eures_api::GET_DETAILS,
    };
    if let Err(why) = decide(claims, own.as_deref()) {
        tracing::warn!(
            ?why,
            path = req.uri().path(),
            "request from outside the site refused"
        );
        return refuse(headers, StatusCode::FORBIDDEN, jobspor::Msg::RequestForeign);
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    const OWN: Option<&str> = Some("https://jobspor.dk");

    fn post<'a>(origin: Option<&'a str>, fetch_site: Option<&'a str>) -> Claims<'a> {
        Claims {
            method: &Method::POST,
            origin,
            fetch_site,
            allowed_without_headers: false,
        }
    }

    #[test]
    fn reading_is_never_refused() {
        for m in [Method::GET, Method::HEAD, Method::OPTIONS] {
            let c = Claims {
                method: &m,
                origin: Some("https://evil.example"),
                fetch_site: Some("cross-site"),
                allowed_without_headers: false,
            };
            assert_eq!(decide(c, OWN), Ok(()));
        }
    }

    #[test]
    fn the_sites_own_pages_may_post() {
        assert_eq!(decide(post(Some("https://jobspor.dk"), None), OWN), Ok(()));
        assert_eq!(
            decide(post(Some("https://JOBSPOR.dk"), Some("same-origin")), OWN),
            Ok(())
        );
        assert_eq!(decide(post(None, Some("same-origin")), OWN), Ok(()));
        assert_eq!(decide(post(None, Some("none")), OWN), Ok(()));
    }

    #[test]
    fn another_origin_is_refused() {
        for origin in [
            "https://evil.example",
            "http://jobspor.dk",
            "https://jobspor.dk:8443",
            "https://jobspor.dk.evil.example",
            "https://sub.jobspor.dk",
            "null",
            "",
        ] {
            assert_eq!(
                decide(post(Some(origin), None), OWN),
                Err(Refusal::ForeignOrigin),
                "{origin}"
            );
        }
        // Not knowing our own origin, no origin matches.
        assert_eq!(
            decide(post(Some("https://jobspor.dk"), None), None),
            Err(Refusal::ForeignOrigin)
        );
    }

    #[test]
    fn another_site_is_refused_even_with_our_origin() {
        for site in ["cross-site", "same-site", "somewhere"] {
            assert_eq!(decide(post(None, Some(site)), OWN), Err(Refusal::OtherSite));
            assert_eq!(
                decide(post(Some("https://jobspor.dk"), Some(site)), OWN),
                Err(Refusal::OtherSite)
            );
        }
    }

    #[test]
    fn no_headers_at_all_is_refused_unless_the_path_is_allowed() {
        assert_eq!(
            decide(post(None, None), OWN),
            Err(Refusal::NoBrowserHeaders)
        );
        let mut allowed = post(None, None);
        allowed.allowed_without_headers = true;
        assert_eq!(decide(allowed, OWN), Ok(()));
        // An allowed path is still refused when a browser says it comes from elsewhere.
        allowed.origin = Some("https://evil.example");
        assert_eq!(decide(allowed, OWN), Err(Refusal::ForeignOrigin));
    }

    #[test]
    fn the_configured_url_gives_the_origin() {
        assert_eq!(origin_of("https://Jobspor.dk/"), "https://jobspor.dk");
        assert_eq!(origin_of("https://jobspor.dk/borger"), "https://jobspor.dk");
        assert_eq!(origin_of("http://localhost:3000"), "http://localhost:3000");
    }
}
