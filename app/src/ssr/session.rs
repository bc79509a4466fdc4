//! Sessions: a random id in an HttpOnly cookie, its SHA-256 in the database. A new id at
//! every sign-in, so also at any rise in assurance level (no fixation); idle and absolute
//! expiry by `jobspor::login`.
//!
//! Cookies are `__Host-` prefixed, `Secure`, `HttpOnly`, `SameSite=Lax`, `Path=/`: the
//! prefix makes the browser refuse one set by a sibling domain or over plain http. Only the
//! explicit development setting (plain http, bound to 127.0.0.1) drops prefix and `Secure`.
use crate::error::internal;
use crate::ssr::state::AppState;
use crate::AppError;
use http::header::{COOKIE, SET_COOKIE};
use http::request::Parts;
use http::HeaderValue;
use jobspor::login::session_is_live;
use jobspor::policy::{Actor, ActorKind};
use jobspor::{CaseworkerId, CitizenId, EmployerPerson, EmployerUserId};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// The session cookie's name without the `__Host-` prefix.
pub const COOKIE_NAME: &str = "jobspor_session";
/// Binds a started sign-in (its `state`) to the browser that started it.
pub const SIGN_IN_COOKIE_NAME: &str = "jobspor_signin";
/// Names the refused form's answers kept on the server for the next page (the server's
/// `flash` middleware).
pub const FLASH_COOKIE_NAME: &str = "jobspor_flash";
/// How long a refused form's answers wait on the server for the page they belong to.
pub const FLASH_TTL_SECONDS: i64 = 10 * 60;
/// How long the language chosen is kept in the browser: a year.
const LANG_MAX_AGE: i64 = 365 * 24 * 3600;

/// A cookie's name as sent: `__Host-<name>` unless in the plain-http development setting.
pub fn cookie_name(secure: bool, name: &str) -> String {
    if secure {
        format!("__Host-{name}")
    } else {
        name.to_string()
    }
}

/// The SHA-256 of a secret (session id, sign-in state), as the database keeps it.
pub fn hash_id(id: &str) -> String {
    hex::encode(Sha256::digest(id.as_bytes()))
}

/// The value of the cookie `name` (as sent, prefix included) in a request's headers.
pub fn cookie_value(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

fn session_cookie_id(state: &AppState, parts: &Parts) -> Option<String> {
    cookie_value(
        &parts.headers,
        &cookie_name(state.secure_cookies, COOKIE_NAME),
    )
    .filter(|v| v.len() == 64 && v.chars().all(|c| c.is_ascii_hexdigit()))
}

/// The client's address, for login throttling: the same answer the rate limits use.
pub fn client_address() -> String {
    use_context::<Parts>()
        .and_then(|p| crate::ssr::client::client_ip(&p.headers, &p.extensions))
        .map(|ip| ip.to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// Who this request's session belongs to, once looked up. A page's resources each call a
/// server function and each asks its guard, so without it one page would read the same
/// session (and its citizen, company or staff member) once per resource. Provided per
/// request by the server's router (`RequestActor::default()` in the Leptos context);
/// starting or ending a session forgets it. Without it in the context (a test calling a
/// server function directly) every call looks the session up.
#[derive(Clone, Default)]
pub struct RequestActor(Arc<tokio::sync::Mutex<Option<Actor>>>);

impl RequestActor {
    /// The actor already found, else `look_up`'s answer, kept (a failed look-up is not).
    /// Held across the look-up: resources resolving together wait for the first one's.
    async fn get_or_look_up<F>(&self, look_up: F) -> Result<Actor, AppError>
    where
        F: std::future::Future<Output = Result<Actor, AppError>>,
    {
        let mut known = self.0.lock().await;
        if let Some(actor) = known.as_ref() {
            return Ok(actor.clone());
        }
        let actor = look_up.await?;
        *known = Some(actor.clone());
        Ok(actor)
    }

    async fn forget(&self) {
        *self.0.lock().await = None;
    }
}

/// Who is asking, from the session cookie. Expired or unknown sessions are anonymous.
/// Only the guards (`ssr::guard`) call this: a server function asks a guard.
pub(crate) async fn current_actor(state: &AppState) -> Result<Actor, AppError> {
    match use_context::<RequestActor>() {
        Some(memo) => memo.get_or_look_up(session_actor(state)).await,
        None => session_actor(state).await,
    }
}

/// This request's session changed (a sign-in, a logout): who is asking is looked up again.
async fn forget_actor() {
    if let Some(memo) = use_context::<RequestActor>() {
        memo.forget().await;
    }
}

async fn session_actor(state: &AppState) -> Result<Actor, AppError> {
    let Some(parts) = use_context::<Parts>() else {
        return Ok(Actor::Anonymous);
    };
    let Some(id) = session_cookie_id(state, &parts) else {
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
            // An employer's session is the person's; the company is theirs at sign-in.
            let u = state
                .store
                .employer_user(EmployerUserId::new(s.subject_id))
                .await?;
            let e = state.store.employer(u.employer_id).await?;
            Actor::Employer {
                employer_id: e.id,
                user_id: u.id,
                terms_accepted: e.accepted_current_terms(),
            }
        }
        ActorKind::Caseworker | ActorKind::AKasseCaseworker | ActorKind::Support => {
            let w = state
                .store
                .caseworker(CaseworkerId::new(s.subject_id))
                .await?;
            // Staff whose kind was changed since they signed in sign in again.
            match w.kind {
                k if k != s.actor_kind => Actor::Anonymous,
                ActorKind::AKasseCaseworker => Actor::AKasseCaseworker {
                    caseworker_id: w.id,
                },
                ActorKind::Support => Actor::Support {
                    caseworker_id: w.id,
                },
                _ => Actor::Caseworker {
                    caseworker_id: w.id,
                },
            }
        }
        // EURES calls its API with a token and never has a session.
        ActorKind::Eures => Actor::Anonymous,
    })
}

/// Who a new session is for: the kind and the id, typed together.
#[derive(Debug, Clone, Copy)]
pub enum Subject {
    Citizen(CitizenId),
    /// The person signed in for the company.
    Employer(EmployerPerson),
    /// A staff member, of the kind their record says (`CaseworkerRecord::kind`).
    Staff(ActorKind, CaseworkerId),
}

impl Subject {
    fn kind_and_id(self) -> (ActorKind, i64) {
        match self {
            Subject::Citizen(id) => (ActorKind::Citizen, id.get()),
            Subject::Employer(p) => (ActorKind::Employer, p.user_id.get()),
            Subject::Staff(kind, id) => (kind, id.get()),
        }
    }
}

fn current_session_id(state: &AppState) -> Option<String> {
    use_context::<Parts>()
        .as_ref()
        .and_then(|p| session_cookie_id(state, p))
}

/// Starts a fresh session for a sign-in with the assurance level `acr`, ending any session
/// the browser already had: the id changes at every sign-in.
pub async fn start(state: &AppState, subject: Subject, acr: &str) -> Result<(), AppError> {
    let (actor_kind, subject_id) = subject.kind_and_id();
    if let Some(old) = current_session_id(state) {
        state.store.delete_session(&hash_id(&old)).await?;
    }
    forget_actor().await;
    let id = hex::encode(rand::random::<[u8; 32]>());
    state
        .store
        .create_session(
            &hash_id(&id),
            actor_kind,
            subject_id,
            acr,
            state.clock.now(),
        )
        .await?;
    set_cookie(state, COOKIE_NAME, &id, None)?;
    // A citizen's pages open in the language of their profile.
    if let Subject::Citizen(citizen_id) = subject {
        let lang = state.store.citizen(citizen_id).await?.language;
        set_lang_cookie(state, lang)?;
    }
    Ok(())
}

/// Keeps the language chosen for this browser (`crate::lang::request_lang` reads it).
pub fn set_lang_cookie(state: &AppState, lang: jobspor::Lang) -> Result<(), AppError> {
    set_cookie(
        state,
        crate::lang::COOKIE_NAME,
        lang.code(),
        Some(LANG_MAX_AGE),
    )
}

/// Hands this browser the flash `id` again: the page it goes to next shows the refused
/// form's answers and messages once more (the language switch on a form in error).
pub fn rearm_flash(state: &AppState, id: &str, max_age: i64) -> Result<(), AppError> {
    if id.len() != 64 || !id.chars().all(|c| c.is_ascii_hexdigit()) {
        return Ok(());
    }
    set_cookie(state, FLASH_COOKIE_NAME, id, Some(max_age))
}

/// Ends the session (logout), counted in the statistics.
pub async fn end(state: &AppState) -> Result<(), AppError> {
    if let Some(old) = current_session_id(state) {
        state
            .store
            .end_session(&hash_id(&old), state.clock.now())
            .await?;
    }
    forget_actor().await;
    set_cookie(state, COOKIE_NAME, "", Some(0))
}

/// Ends every other session of the person this session belongs to. Returns how many.
pub async fn end_others(state: &AppState, subject: Subject) -> Result<u64, AppError> {
    let (actor_kind, subject_id) = subject.kind_and_id();
    let keep = current_session_id(state)
        .map(|id| hash_id(&id))
        .unwrap_or_default();
    Ok(state
        .store
        .delete_other_sessions(&keep, actor_kind, subject_id)
        .await?)
}

/// Binds a started sign-in to this browser: the callback must bring the same state back
/// in the query as in this cookie. Lives ten minutes (`jobspor::signin::SIGN_IN_MAX_AGE`).
pub fn set_sign_in_cookie(state: &AppState, sign_in_state: &str) -> Result<(), AppError> {
    set_cookie(
        state,
        SIGN_IN_COOKIE_NAME,
        sign_in_state,
        Some(jobspor::signin::SIGN_IN_MAX_AGE.num_seconds()),
    )
}

/// The sign-in state this browser holds, and the cookie cleared (used once).
pub fn take_sign_in_cookie(state: &AppState) -> Result<Option<String>, AppError> {
    let value = use_context::<Parts>().and_then(|p| {
        cookie_value(
            &p.headers,
            &cookie_name(state.secure_cookies, SIGN_IN_COOKIE_NAME),
        )
    });
    if value.is_some() {
        set_cookie(state, SIGN_IN_COOKIE_NAME, "", Some(0))?;
    }
    Ok(value)
}

fn set_cookie(
    state: &AppState,
    name: &str,
    value: &str,
    max_age: Option<i64>,
) -> Result<(), AppError> {
    let name = cookie_name(state.secure_cookies, name);
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
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

#[cfg(test)]
mod tests {
    use super::RequestActor;
    use crate::AppError;
    use jobspor::policy::Actor;
    use jobspor::CitizenId;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn a_request_looks_its_session_up_once_until_it_changes() {
        let looked_up = AtomicUsize::new(0);
        let look_up = || async {
            looked_up.fetch_add(1, Ordering::SeqCst);
            Ok::<_, AppError>(Actor::Citizen {
                citizen_id: CitizenId::new(7),
                profile_complete: true,
            })
        };
        let memo = RequestActor::default();
        let first = memo.get_or_look_up(look_up()).await.unwrap();
        let second = memo.get_or_look_up(look_up()).await.unwrap();
        assert_eq!(first, second);
        assert_eq!(looked_up.load(Ordering::SeqCst), 1);
        memo.forget().await;
        memo.get_or_look_up(look_up()).await.unwrap();
        assert_eq!(looked_up.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_failed_look_up_is_not_kept() {
        let memo = RequestActor::default();
        let failed = memo.get_or_look_up(async { Err(AppError::NotFound) }).await;
        assert!(failed.is_err());
        let found = memo
            .get_or_look_up(async { Ok(Actor::Anonymous) })
            .await
            .unwrap();
        assert_eq!(found, Actor::Anonymous);
    }
}
