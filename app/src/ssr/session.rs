//! Sessions: a random id in an HttpOnly cookie, its SHA-256 in the database. A new id at
//! every login (no fixation); idle and absolute expiry by `jobspor::login`.
use crate::error::internal;
use crate::ssr::state::AppState;
use crate::AppError;
use http::header::{COOKIE, SET_COOKIE};
use http::request::Parts;
use http::HeaderValue;
use jobspor::login::session_is_live;
use jobspor::policy::{Actor, ActorKind};
use jobspor::{CaseworkerId, CitizenId, EmployerId};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;
use sha2::{Digest, Sha256};

pub const COOKIE_NAME: &str = "jobspor_session";

fn hash_id(id: &str) -> String {
    hex::encode(Sha256::digest(id.as_bytes()))
}

fn session_cookie_id(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE_NAME)
        .map(|(_, v)| v.to_string())
        .filter(|v| v.len() == 64 && v.chars().all(|c| c.is_ascii_hexdigit()))
}

/// The client's address, for login throttling: the same answer the rate limits use.
pub fn client_address() -> String {
    use_context::<Parts>()
        .and_then(|p| crate::ssr::client::client_ip(&p.headers, &p.extensions))
        .map(|ip| ip.to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// Who is asking, from the session cookie. Expired or unknown sessions are anonymous.
/// Only the guards (`ssr::guard`) call this: a server function asks a guard.
pub(crate) async fn current_actor(state: &AppState) -> Result<Actor, AppError> {
    let Some(parts) = use_context::<Parts>() else {
        return Ok(Actor::Anonymous);
    };
    let Some(id) = session_cookie_id(&parts) else {
        return Ok(Actor::Anonymous);
    };
    let id_hash = hash_id(&id);
    let Some(s) = state.store.session(&id_hash).await? else {
        return Ok(Actor::Anonymous);
    };
    let now = state.clock.now();
    if !session_is_live(s.created_at, s.last_seen_at, now) {
        state.store.delete_session(&id_hash).await?;
        return Ok(Actor::Anonymous);
    }
    state
        .store
        .touch_session(&id_hash, s.last_seen_at, now)
        .await?;
    Ok(match s.actor_kind {
        ActorKind::Citizen => {
            let c = state.store.citizen(CitizenId::new(s.subject_id)).await?;
            // The register may have changed status since login (death, emigration).
            if !c.person.status.may_log_in() {
                Actor::Anonymous
            } else {
                Actor::Citizen {
                    citizen_id: c.id,
                    profile_complete: c.username.is_some(),
                }
            }
        }
        ActorKind::Employer => {
            let e = state.store.employer(EmployerId::new(s.subject_id)).await?;
            Actor::Employer {
                employer_id: e.id,
                terms_accepted: e.accepted_current_terms(),
            }
        }
        ActorKind::Caseworker => Actor::Caseworker {
            caseworker_id: state
                .store
                .caseworker(CaseworkerId::new(s.subject_id))
                .await?
                .id,
        },
    })
}

/// Who a new session is for: the kind and the id, typed together.
#[derive(Debug, Clone, Copy)]
pub enum Subject {
    Citizen(CitizenId),
    Employer(EmployerId),
    Caseworker(CaseworkerId),
}

impl Subject {
    fn kind_and_id(self) -> (ActorKind, i64) {
        match self {
            Subject::Citizen(id) => (ActorKind::Citizen, id.get()),
            Subject::Employer(id) => (ActorKind::Employer, id.get()),
            Subject::Caseworker(id) => (ActorKind::Caseworker, id.get()),
        }
    }
}

/// Starts a fresh session for a login, ending any session the browser already had.
pub async fn start(state: &AppState, subject: Subject) -> Result<(), AppError> {
    let (actor_kind, subject_id) = subject.kind_and_id();
    if let Some(old) = use_context::<Parts>().as_ref().and_then(session_cookie_id) {
        state.store.delete_session(&hash_id(&old)).await?;
    }
    let id = hex::encode(rand::random::<[u8; 32]>());
    state
        .store
        .create_session(&hash_id(&id), actor_kind, subject_id, state.clock.now())
        .await?;
    set_cookie(state, &id, None)
}

/// Ends the session (logout).
pub async fn end(state: &AppState) -> Result<(), AppError> {
    if let Some(old) = use_context::<Parts>().as_ref().and_then(session_cookie_id) {
        state.store.delete_session(&hash_id(&old)).await?;
    }
    set_cookie(state, "", Some(0))
}

fn set_cookie(state: &AppState, value: &str, max_age: Option<i64>) -> Result<(), AppError> {
    let mut c = format!("{COOKIE_NAME}={value}; Path=/; HttpOnly; SameSite=Lax");
    if state.secure_cookies {
        c.push_str("; Secure");
    }
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    let res = use_context::<ResponseOptions>()
        .ok_or_else(|| internal(&crate::error::MissingContext("ResponseOptions")))?;
    res.append_header(
        SET_COOKIE,
        HeaderValue::from_str(&c).map_err(|e| internal(&e))?,
    );
    Ok(())
}
