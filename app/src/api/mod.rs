//! Server functions: the API surface. Each one: who is asking → parse the raw input with the
//! core → ask the policy → call the store (audit in the same transaction) → typed answer.
//! Endpoints are named explicitly (`/api/<area>/<verb>`) so URLs are stable across builds.
pub mod akasse;
pub mod auth;
pub mod case;
pub mod caseworker;
pub mod citizen;
pub mod cv;
pub mod employer;
pub mod eures;
pub mod joblog;
pub mod jobseeker;
pub mod language;
pub mod meetings;
pub mod messages;
pub mod plan;
pub mod rights;
pub mod signin;
pub mod support;

/// What was typed, as (field, value) pairs, to refill a form after a refusal. Callers pass a
/// form with secrets already removed.
#[cfg(feature = "ssr")]
pub(crate) fn echo<T: serde::Serialize>(form: &T) -> Vec<(String, String)> {
    match serde_json::to_value(form) {
        Ok(serde_json::Value::Object(map)) => map
            .into_iter()
            .filter_map(|(k, v)| match v {
                serde_json::Value::String(s) if !s.is_empty() => Some((k, s)),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// `echo` of a form taken as its raw fields: every field as typed, empty ones included.
#[cfg(feature = "ssr")]
pub(crate) fn echo_fields(form: &jobspor::form_fields::Fields) -> Vec<(String, String)> {
    form.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
}
