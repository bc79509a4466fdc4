//! The axum router: server functions under /api, the Leptos pages, static files
//! (`static_files`: precompressed, cached by name; else the app's 404 page), /healthz,
//! and in front of them the door: security headers on every answer, the cross-site check
//! (`csrf`), per-address rate limits (`rate_limits`), a body limit, and the flash that keeps
//! refused forms' input out of URLs (`flash`).
use crate::config::Door;
use crate::static_files::{self, SiteFiles};
use crate::{csrf, flash, rate_limits};
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, Extensions, HeaderMap, HeaderName, HeaderValue, StatusCode, Version};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use jobspor_app::ssr::client::TrustProxy;
use jobspor_app::ssr::session::RequestActor;
use jobspor_app::ssr::state::AppState;
use jobspor_app::{shell, App, AppError};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tower_http::compression::predicate::{DefaultPredicate, Predicate};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// The policy for answers that are not pages (files, /api, /healthz): no inline script at all.
/// Pages set their own, with the response's nonce (`jobspor_app::content_security_policy`).
const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
                   img-src 'self' data:; font-src 'self'; connect-src 'self'; \
                   frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

/// The largest request body: the fullest form is a few tens of kilobytes.
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// Powerful browser features the site never uses, denied to it and to anything it embeds.
const PERMISSIONS_POLICY: &str = "accelerometer=(), ambient-light-sensor=(), autoplay=(), \
    battery=(), bluetooth=(), camera=(), display-capture=(), document-domain=(), \
    encrypted-media=(), geolocation=(), gyroscope=(), hid=(), idle-detection=(), \
    interest-cohort=(), browsing-topics=(), magnetometer=(), microphone=(), midi=(), \
    payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), \
    xr-spatial-tracking=()";

/// Two years, every subdomain: only sent when served over TLS.
const HSTS: &str = "max-age=63072000; includeSubDomains";

/// A body over the limit: 413 with the Danish message, whoever noticed it (the body-limit
/// layer answers 413 with a bare body of its own).
async fn body_too_large(req: Request<Body>, next: Next) -> Response {
    let headers = req.headers().clone();
    let res = next.run(req).await;
    if res.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return crate::refusal::refuse(
            &headers,
            StatusCode::PAYLOAD_TOO_LARGE,
            jobspor::Msg::RequestTooLarge,
        );
    }
    res
}

/// Tidies the answers of /api:
/// - server_fn answers every refusal with 500; a crafted client deserves the real reason;
/// - after a plain form post, server_fn redirects back to the form with any earlier error
///   removed from the query, leaving a bare `?` (`/borger/cv?`); the `?` goes too.
async fn api_answers(req: Request<Body>, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    let mut res = next.run(req).await;
    if !is_api {
        return res;
    }
    if let Some(location) = res
        .headers()
        .get(header::LOCATION)
        .and_then(|l| l.to_str().ok())
    {
        if let Some(clean) = location
            .strip_suffix('?')
            .and_then(|l| HeaderValue::from_str(l).ok())
        {
            res.headers_mut().insert(header::LOCATION, clean);
        }
    }
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 256 * 1024).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(e) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status =
            StatusCode::from_u16(e.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// A page that sends the visitor elsewhere (`<Redirect>`: not logged in, terms not
/// accepted) answers 302 to every client. leptos_axum sets the status only when the request
/// accepts text/html, as a browser's does; any other client got 200, an empty page and a
/// `Location` it might not follow.
async fn page_redirects(req: Request<Body>, next: Next) -> Response {
    let is_page = !req.uri().path().starts_with("/api/");
    let mut res = next.run(req).await;
    if is_page && res.status() == StatusCode::OK && res.headers().contains_key(header::LOCATION) {
        *res.status_mut() = StatusCode::FOUND;
    }
    res
}

/// The citizen's data files (`citizen/my-data`, `citizen/my-cv.xml`) are downloads behind
/// plain links: the browser's navigation asks for HTML, which makes server_fn answer a
/// form's redirect back to the page instead of the file. A file is answered as what it is,
/// whatever the link asked for.
async fn downloads_are_files(mut req: Request<Body>, next: Next) -> Response {
    use jobspor_app::api::rights::{DownloadMyCvXml, DownloadMyData};
    use leptos::server_fn::ServerFn;
    let path = req.uri().path();
    let accept = if path == DownloadMyData::url() {
        Some("application/json")
    } else if path == DownloadMyCvXml::url() {
        Some("application/xml")
    } else {
        None
    };
    if let Some(accept) = accept {
        req.headers_mut()
            .insert(header::ACCEPT, HeaderValue::from_static(accept));
    }
    next.run(req).await
}

/// A search form sent without JavaScript carries every field, empty ones too; the search
/// answers at its one stable URL (`SearchForm::url_at`) instead, so it can be shared and
/// bookmarked, and the same search is the same address. The employers' search and the
/// jobcentres' alike.
async fn canonical_search_url(req: Request<Body>, next: Next) -> Response {
    use jobspor::cv_search::{SearchForm, SEARCH_PATH};
    let path = req.uri().path();
    let search_path = [SEARCH_PATH, jobspor_app::routes::CASEWORKER_SEARCH]
        .into_iter()
        .find(|p| *p == path);
    if let (true, Some(search_path)) = (req.method() == http::Method::GET, search_path) {
        let pairs: Vec<(String, String)> = req
            .uri()
            .query()
            .map(|q| serde_urlencoded::from_str(q).unwrap_or_default())
            .unwrap_or_default();
        let canonical = SearchForm::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .url_at(search_path);
        let current = req
            .uri()
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or(search_path);
        if canonical != current {
            if let Ok(location) = HeaderValue::from_str(&canonical) {
                return (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response();
            }
        }
    }
    next.run(req).await
}

/// The app's routes, listed once per process. Listing them renders the app with resource
/// loading switched off by a flag of the whole process (leptos_server's
/// `SuppressResourceLoad`): a page another router of the same process rendered meanwhile
/// waited for its data forever (leptos-rs/leptos#4773). The integration tests start a
/// server per test, side by side, and one of them hung so.
fn routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// A span per request: method and path (never the query, which may hold what a user
/// typed), and the actor's kind, which the guard that lets the request in records
/// (`jobspor_app::ssr::guard`). No id, name, CPR number or cookie is a field of it.
fn request_span(req: &Request<Body>) -> tracing::Span {
    tracing::info_span!(
        "request",
        method = %req.method(),
        path = req.uri().path(),
        actor = tracing::field::Empty,
    )
}

pub fn router(state: AppState, options: LeptosOptions, door: Door) -> Router {
    let routes = routes();
    let flash_state = state.clone();
    let limits = state.limits.clone();
    let csrf_settings = Arc::new(csrf::Settings::from_door(&door));
    let page_state = state.clone();
    let fallback_state = state.clone();
    let health_store = state.store.clone();
    let shell_options = options.clone();
    let not_found_options = options.clone();
    let not_found_page = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(fallback_state.clone());
            provide_context(RequestActor::default());
            provide_context(not_found_options.clone());
        },
        {
            let options = options.clone();
            move || shell(options.clone())
        },
    );
    let site_files = SiteFiles::new(&options.site_root);
    let eures = crate::eures_api::routes(state.store.clone(), state.clock.clone(), &door);
    Router::new()
        .merge(eures)
        .route(
            "/healthz",
            get(move || {
                let store = health_store.clone();
                async move {
                    match tokio::time::timeout(Duration::from_secs(2), store.ping()).await {
                        Ok(Ok(())) => (StatusCode::OK, "ok").into_response(),
                        Ok(Err(e)) => {
                            tracing::warn!(error = %e, "health check failed");
                            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
                                .into_response()
                        }
                        Err(_) => {
                            (StatusCode::SERVICE_UNAVAILABLE, "database timeout").into_response()
                        }
                    }
                }
            }),
        )
        .leptos_routes_with_context(
            &options,
            routes,
            move || {
                provide_context(page_state.clone());
                provide_context(RequestActor::default());
            },
            move || shell(shell_options.clone()),
        )
        .fallback(move |req: Request<Body>| {
            let site_files = site_files.clone();
            let not_found_page = not_found_page.clone();
            async move {
                match site_files.serve(req).await {
                    Ok(file) => file,
                    Err(req) => static_files::not_found(not_found_page(req).await),
                }
            }
        })
        .layer(middleware::from_fn(crate::valid_html::middleware))
        .layer(middleware::from_fn_with_state(
            crate::statistics::Recorder::new(&state),
            crate::statistics::middleware,
        ))
        .layer(middleware::from_fn(api_answers))
        .layer(middleware::from_fn_with_state(
            flash_state,
            flash::middleware,
        ))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(middleware::from_fn(body_too_large))
        .layer(middleware::from_fn_with_state(
            limits,
            rate_limits::middleware,
        ))
        .layer(middleware::from_fn_with_state(
            csrf_settings,
            csrf::middleware,
        ))
        .layer(axum::Extension(TrustProxy(door.trust_proxy)))
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        .layer(middleware::from_fn(page_redirects))
        .layer(middleware::from_fn(downloads_are_files))
        .layer(middleware::from_fn(canonical_search_url))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        // Pages and /api answers hold a person's data: never stored. Static files set
        // their own cache policy (`static_files::CachePolicy`).
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(PERMISSIONS_POLICY),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            door.tls.then(|| HeaderValue::from_static(HSTS)),
        ))
        .layer(compressed_pages())
        .with_state(options)
}

/// Pages are sent gzipped to a browser that accepts it: HTML shrinks to a fifth or less,
/// which a phone on a slow connection sees in its first paint. Static files come precompressed
/// (`static_files`); /api answers are small. BREACH (guessing a secret by the size of a
/// compressed page that also reflects the guess) finds no secret in a page body here: the
/// session is an HttpOnly cookie, and forgery is refused by the request's headers
/// (`csrf`), not by a token in the page.
fn compressed_pages() -> CompressionLayer<impl Predicate> {
    let html = |_: StatusCode, _: Version, headers: &HeaderMap, _: &Extensions| {
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"))
    };
    CompressionLayer::new().compress_when(DefaultPredicate::new().and(html))
}

#[cfg(test)]
mod tests {
    use super::routes;
    use std::collections::BTreeSet;

    /// The router's `path!` literals and the app's named addresses (`jobspor_app::routes`)
    /// are the same set, so a link or redirect built from a name always has a page.
    #[test]
    fn the_router_routes_exactly_the_named_addresses() {
        let routed: BTreeSet<String> = routes().iter().map(|r| r.path().to_string()).collect();
        // As axum spells a parameter: `:id` becomes `{id}`.
        let named: BTreeSet<String> = jobspor_app::routes::PATTERNS
            .iter()
            .map(|p| {
                p.split('/')
                    .map(|s| match s.strip_prefix(':') {
                        Some(param) => format!("{{{param}}}"),
                        None => s.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .collect();
        assert_eq!(routed, named);
    }
}
