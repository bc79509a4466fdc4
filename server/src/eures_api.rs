//! The EURES input API (issue 24): EURES' coordination polls it for the CVs citizens chose
//! to send (national systems do not push). Three calls, as the EURES CV exchange defines
//! them (NAV's `pam-eures-cv-eksport` serves the same):
//!
//! - `GET  /input/api/cv/v1.0/getAll`: every reference offered, or closed and still kept;
//! - `GET  /input/api/cv/v1.0/getChanges/{ms}`: created, modified and closed references at
//!   or after a time (epoch milliseconds, UTC);
//! - `POST /input/api/cv/v1.0/getDetails` with a JSON list of references: each with its
//!   HR-XML `Candidate` document while it is active, none once closed.
//!
//! Only a caller with the configured token (`JOBSPOR_EURES_TOKEN`, in `Authorization`,
//! compared in constant time) gets anything; without a configured token nobody does. The
//! calls carry no cookies, so the browser-facing CSRF check does not apply to them.
use crate::config::Door;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use jobspor::Clock;
use jobspor_store::eures::{Changes, CopyDetails, CopyRef};
use jobspor_store::Store;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;
use subtle::ConstantTimeEq;

pub const PREFIX: &str = "/input/api/cv/v1.0";
pub const GET_ALL: &str = "/input/api/cv/v1.0/getAll";
pub const GET_CHANGES: &str = "/input/api/cv/v1.0/getChanges/{since}";
pub const GET_DETAILS: &str = "/input/api/cv/v1.0/getDetails";
/// Who we are in the references' `source`.
pub const SOURCE: &str = "JOBSPOR";
/// The document's format version, as the exchange states it beside the content.
pub const CONTENT_FORMAT_VERSION: &str = "1.0";
/// References per `getDetails` call.
pub const MAX_DETAILS: usize = 500;

#[derive(Clone)]
struct Api {
    store: Store,
    clock: Arc<dyn Clock>,
    token: Option<Arc<str>>,
}

/// A reference as the three calls report it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Reference {
    reference: String,
    status: String,
    creation_timestamp: i64,
    last_modification_timestamp: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    closing_timestamp: Option<i64>,
    source: &'static str,
}

impl From<CopyRef> for Reference {
    fn from(c: CopyRef) -> Self {
        Reference {
            reference: c.reference,
            status: c.status,
            creation_timestamp: c.created_at.timestamp_millis(),
            last_modification_timestamp: c.modified_at.timestamp_millis(),
            closing_timestamp: c.closed_at.map(|t| t.timestamp_millis()),
            source: SOURCE,
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AllReferences {
    all_references: Vec<Reference>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ChangedReferences {
    created_references: Vec<Reference>,
    modified_references: Vec<Reference>,
    closed_references: Vec<Reference>,
}

impl From<Changes> for ChangedReferences {
    fn from(c: Changes) -> Self {
        let refs = |v: Vec<CopyRef>| v.into_iter().map(Reference::from).collect();
        ChangedReferences {
            created_references: refs(c.created),
            modified_references: refs(c.modified),
            closed_references: refs(c.closed),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Detail {
    #[serde(flatten)]
    reference: Reference,
    #[serde(skip_serializing_if = "Option::is_none")]
    content: Option<String>,
    content_format_version: &'static str,
}

#[derive(Serialize)]
struct Details {
    details: BTreeMap<String, Detail>,
}

/// Whether the request carries the configured token (`Authorization: <token>` or
/// `Authorization: Bearer <token>`), compared in constant time.
fn authorized(headers: &HeaderMap, token: Option<&str>) -> bool {
    let Some(token) = token else { return false };
    let Some(given) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let given = given.strip_prefix("Bearer ").unwrap_or(given);
    bool::from(given.as_bytes().ct_eq(token.as_bytes()))
}

fn refused() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        [(header::WWW_AUTHENTICATE, "Bearer")],
        "unauthorized",
    )
        .into_response()
}

fn failed(e: jobspor_store::StoreError) -> Response {
    tracing::error!(error = %e, "the EURES input API failed");
    (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
}

async fn get_all(State(api): State<Api>, headers: HeaderMap) -> Response {
    if !authorized(&headers, api.token.as_deref()) {
        return refused();
    }
    match api.store.eures_all().await {
        Ok(all) => Json(AllReferences {
            all_references: all.into_iter().map(Reference::from).collect(),
        })
        .into_response(),
        Err(e) => failed(e),
    }
}

async fn get_changes(
    State(api): State<Api>,
    headers: HeaderMap,
    Path(since): Path<String>,
) -> Response {
    if !authorized(&headers, api.token.as_deref()) {
        return refused();
    }
    let Some(since) = since
        .parse::<i64>()
        .ok()
        .and_then(DateTime::<Utc>::from_timestamp_millis)
    else {
        return (
            StatusCode::BAD_REQUEST,
            "the time is milliseconds since 1970-01-01 UTC",
        )
            .into_response();
    };
    match api.store.eures_changes(since).await {
        Ok(c) => Json(ChangedReferences::from(c)).into_response(),
        Err(e) => failed(e),
    }
}

async fn get_details(State(api): State<Api>, headers: HeaderMap, body: String) -> Response {
    if !authorized(&headers, api.token.as_deref()) {
        return refused();
    }
    let references: Vec<String> = match serde_json::from_str(&body) {
        Ok(r) => r,
        Err(_) => {
            return (StatusCode::BAD_REQUEST, "a JSON list of references").into_response();
        }
    };
    if references.len() > MAX_DETAILS {
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("at most {MAX_DETAILS} references per call"),
        )
            .into_response();
    }
    match api.store.eures_details(&references, api.clock.now()).await {
        Ok(found) => Json(Details {
            details: found
                .into_iter()
                .map(|CopyDetails { copy, content }| {
                    (
                        copy.reference.clone(),
                        Detail {
                            reference: copy.into(),
                            content,
                            content_format_version: CONTENT_FORMAT_VERSION,
                        },
                    )
                })
                .collect(),
        })
        .into_response(),
        Err(e) => failed(e),
    }
}

/// The API's routes, to merge into the site's router.
pub fn routes<S: Clone + Send + Sync + 'static>(
    store: Store,
    clock: Arc<dyn Clock>,
    door: &Door,
) -> Router<S> {
    Router::new()
        .route(GET_ALL, get(get_all))
        .route(GET_CHANGES, get(get_changes))
        .route(GET_DETAILS, post(get_details))
        .with_state(Api {
            store,
            clock,
            token: door.eures_token.as_deref().map(Arc::from),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_configured_token_opens_the_api() {
        let with = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::AUTHORIZATION, v.parse().unwrap());
            h
        };
        assert!(authorized(&with("hemmelig"), Some("hemmelig")));
        assert!(authorized(&with("Bearer hemmelig"), Some("hemmelig")));
        assert!(!authorized(&with("hemmeli"), Some("hemmelig")));
        assert!(!authorized(&with("hemmelig2"), Some("hemmelig")));
        assert!(!authorized(&HeaderMap::new(), Some("hemmelig")));
        // No token configured: nobody.
        assert!(!authorized(&with("hemmelig"), None));
        assert!(!authorized(&with(""), None));
    }
}
