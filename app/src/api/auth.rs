//! The citizen's username + password (the second way in, after a first MitID sign-in),
//! logout, and who the current session belongs to. Sign-in through the identity providers
//! is `api::signin`.
use crate::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionKind {
    Anonymous,
    Citizen,
    Employer,
    Caseworker,
    AKasseCaseworker,
    Support,
}

/// The header's view of the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub kind: SessionKind,
    pub name: Option<String>,
}

#[server(endpoint = "session")]
pub async fn get_session() -> Result<SessionView, AppError> {
    use jobspor::policy::Actor;
    let (state, actor) = crate::ssr::guard::anyone().await?;
    Ok(match actor {
        Actor::Anonymous => SessionView {
            kind: SessionKind::Anonymous,
            name: None,
        },
        Actor::Citizen { citizen_id, .. } => {
            let c = state.store.citizen(citizen_id).await?;
            SessionView {
                kind: SessionKind::Citizen,
                name: Some(c.person.full_name()),
            }
        }
        Actor::Employer {
            employer_id,
            user_id,
            ..
        } => {
            let e = state.store.employer(employer_id).await?;
            let u = state.store.employer_user(user_id).await?;
            SessionView {
                kind: SessionKind::Employer,
                name: Some(format!("{}, {}", u.name, e.company_name)),
            }
        }
        Actor::Caseworker { caseworker_id }
        | Actor::AKasseCaseworker { caseworker_id }
        | Actor::Support { caseworker_id } => {
            let w = state.store.caseworker(caseworker_id).await?;
            SessionView {
                kind: match actor {
                    Actor::AKasseCaseworker { .. } => SessionKind::AKasseCaseworker,
                    Actor::Support { .. } => SessionKind::Support,
                    _ => SessionKind::Caseworker,
                },
                name: Some(format!("{}, {}", w.name, w.organisation)),
            }
        }
    })
}

/// A password check, for a login and for a password change alike: refuse while throttled,
/// check the password (an unknown user costs the same time and gets the same answer as a
/// wrong password), count failures, forgive them on success. Returns the user's id. A
/// refusal is a field error at `field`: `wrong` for a wrong password.
#[cfg(feature = "ssr")]
async fn check_password<Id: Copy>(
    state: &crate::ssr::state::AppState,
    user_key: &str,
    password: &str,
    found: Option<(Id, String)>,
    (field, wrong): (&str, jobspor::Msg),
    echo: Vec<(String, String)>,
) -> Result<Id, AppError> {
    use crate::ssr::{passwords, session};
    let address = session::client_address();
    // Held until the failure is recorded: checks under way count as failures, so guesses
    // sent at once cannot all read the same count before any is recorded.
    let in_flight = state.limits.password_check(user_key);
    let since = state.clock.now() - jobspor::login::THROTTLE_WINDOW;
    let (per_user, per_address) = state
        .store
        .login_failures_since(user_key, &address, since)
        .await?;
    if jobspor::login::is_throttled(per_user + in_flight.others(), per_address) {
        tracing::warn!(address, "login throttled");
        return Err(AppError::field(field, jobspor::Msg::LoginThrottled, echo));
    }
    let (id, hash) = match found {
        Some((id, h)) => (Some(id), Some(h)),
        None => (None, None),
    };
    match id {
        Some(id) if passwords::verify(password, hash).await => {
            state.store.clear_login_failures(user_key).await?;
            Ok(id)
        }
        _ => {
            if id.is_none() {
                passwords::verify(password, None).await;
            }
            state
                .store
                .record_login_failure(user_key, &address, state.clock.now())
                .await?;
            Err(AppError::field(field, wrong, echo))
        }
    }
}

/// The throttling key of a citizen's password: a login and a password change count together.
#[cfg(feature = "ssr")]
fn citizen_key(username: &str) -> String {
    format!("citizen:{username}")
}

#[server(endpoint = "citizen/login")]
pub async fn citizen_login(username: String, password: String) -> Result<(), AppError> {
    use crate::ssr::session;
    let (state, _) = crate::ssr::guard::anyone().await?;
    let echo = vec![("username".to_string(), username.clone())];
    let username = username.trim().to_lowercase();
    let found = state.store.citizen_password_hash(&username).await?;
    let id = check_password(
        &state,
        &citizen_key(&username),
        &password,
        found,
        ("password", jobspor::Msg::LoginFailed),
        echo.clone(),
    )
    .await?;
    // The register may say the person has died or emigrated since the profile was made.
    if !state.store.citizen(id).await?.person.status.may_log_in() {
        return Err(AppError::field("password", jobspor::Msg::LoginFailed, echo));
    }
    state
        .store
        .citizen_password_login(id, state.clock.now())
        .await?;
    session::start(
        &state,
        session::Subject::Citizen(id),
        jobspor::signin::acr::LOCAL_PASSWORD,
    )
    .await?;
    leptos_axum::redirect(crate::routes::CITIZEN_HOME);
    Ok(())
}

#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    let (state, _) = crate::ssr::guard::anyone().await?;
    crate::ssr::session::end(&state).await?;
    leptos_axum::redirect(&crate::routes::logged_out());
    Ok(())
}

/// "Skift adgangskode": the form parsed first (so empty or bad input never costs a password
/// check), then the current password checked under the login's throttling (a wrong one
/// counts as a failed login), then the new one stored hashed and every other session of the
/// citizen ended; this one stays. Nothing typed is echoed back.
#[server(endpoint = "citizen/change-password")]
pub async fn change_password(form: jobspor::contact::ChangePasswordForm) -> Result<(), AppError> {
    use crate::ssr::{passwords, session};
    use jobspor::contact::PasswordChange;
    let (state, me) = crate::ssr::guard::citizen().await?;
    let change = PasswordChange::try_from(&form).map_err(|e| AppError::invalid(e, Vec::new()))?;
    let username = state
        .store
        .citizen(me.id())
        .await?
        .username
        .ok_or(jobspor_store::StoreError::NotFound)?;
    let found = state
        .store
        .citizen_password_hash(&username)
        .await?
        .filter(|(id, _)| *id == me.id());
    check_password(
        &state,
        &citizen_key(&username),
        change.current(),
        found,
        ("current", jobspor::Msg::PasswordCurrentWrong),
        Vec::new(),
    )
    .await?;
    let hash = passwords::hash(&change.new).await?;
    state
        .store
        .set_citizen_password(me, &hash.0, state.clock.now())
        .await?;
    let ended = session::end_others(&state, session::Subject::Citizen(me.id())).await?;
    tracing::info!(ended, "password changed, other sessions ended");
    leptos_axum::redirect(&crate::routes::security_password_changed());
    Ok(())
}

/// "Log mine andre sessioner af": ends every other session of this citizen (other browsers,
/// other devices); this one stays. Answers how many ended.
#[server(endpoint = "citizen/logout-other-sessions")]
pub async fn logout_other_sessions() -> Result<u64, AppError> {
    use crate::ssr::session;
    let (state, me) = crate::ssr::guard::citizen().await?;
    let ended = session::end_others(&state, session::Subject::Citizen(me.id())).await?;
    leptos_axum::redirect(&crate::routes::security_sessions_ended(ended));
    Ok(ended)
}
