//! Per-client-address limits in front of the app (`jobspor_app::ssr::limits`): sign-in
//! (every login server function and everything under `/auth/`) and employers' contact
//! requests. Refused with 429, a Danish message and `Retry-After`.
use crate::refusal::refuse;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use jobspor_app::ssr::client::client_ip;
use jobspor_app::ssr::limits::{Limits, RetryAfter};
use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;

/// The server function that checks a citizen's password.
const SIGN_IN: &[&str] = &["/api/citizen/login"];
/// Every step of the sign-in through the identity providers (`api::signin`): the start
/// and each provider's answer.
const SIGN_IN_PREFIX: &str = "/api/auth/";
const CONTACT_REQUEST: &str = "/api/employer/contact-request";

/// One of `Limits`' per-address checks.
type Check = fn(&Limits, IpAddr) -> Result<(), RetryAfter>;

pub async fn middleware(
    State(limits): State<Arc<Limits>>,
    req: Request<Body>,
    next: Next,
) -> Response {
    let path = req.uri().path();
    let check: Option<Check> = if SIGN_IN.contains(&path) || path.starts_with(SIGN_IN_PREFIX) {
        Some(Limits::sign_in)
    } else if path == CONTACT_REQUEST {
        Some(Limits::contact_request)
    } else {
        None
    };
    if let Some(check) = check {
        // Requests that did not come over a socket share one allowance.
        let client =
            client_ip(req.headers(), req.extensions()).unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        if let Err(RetryAfter(wait)) = check(&limits, client) {
            tracing::warn!(path, "rate limit reached");
            let mut res = refuse(
                req.headers(),
                StatusCode::TOO_MANY_REQUESTS,
                jobspor::Msg::TooManyRequests,
            );
            let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            if let Ok(v) = HeaderValue::from_str(&secs.max(1).to_string()) {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
            return res;
        }
    }
    next.run(req).await
}
