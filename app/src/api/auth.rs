//! Login (simulated MitID; username + password for citizens; e-mail + password for
//! employers), logout, and who the current session belongs to.
use crate::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionKind {
    Anonymous,
    Citizen,
    Employer,
    Caseworker,
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
        Actor::Employer { employer_id, .. } => {
            let e = state.store.employer(employer_id).await?;
            SessionView {
                kind: SessionKind::Employer,
                name: Some(e.company_name),
            }
        }
        Actor::Caseworker { caseworker_id } => {
            let w = state.store.caseworker(caseworker_id).await?;
            SessionView {
                kind: SessionKind::Caseworker,
                name: Some(format!("{}, {}", w.name, w.jobcentre)),
            }
        }
    })
}

/// A synthetic person offered by the simulated MitID.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyntheticPerson {
    pub cpr: String,
    pub name: String,
    pub age: u32,
    pub place: String,
    pub notes: Vec<String>,
}

#[server(endpoint = "mitid/persons")]
pub async fn simulated_mitid_persons() -> Result<Vec<SyntheticPerson>, AppError> {
    let (state, _) = crate::ssr::guard::anyone().await?;
    let today = state.clock.today();
    Ok(state
        .cpr
        .synthetic_persons()
        .into_iter()
        .map(|(cpr, p)| {
            let mut notes = Vec::new();
            if p.is_minor_on(today) {
                notes.push("Under 18 år".to_string());
            }
            if p.protected_address {
                notes.push("Beskyttet adresse".to_string());
            }
            if p.co_address.is_some() {
                notes.push("C/O-adresse".to_string());
            }
            if p.country != "DK" {
                notes.push(format!("Adresse i {}", p.country_da()));
            }
            if !p.status.may_log_in() {
                notes.push(format!("CPR-status: {}", p.status.label_da()));
            }
            SyntheticPerson {
                cpr: format!("{}-{}", &cpr[..6], &cpr[6..]),
                name: p.full_name(),
                age: p.age_on(today),
                place: p.municipality.clone().unwrap_or_else(|| p.city.clone()),
                notes,
            }
        })
        .collect())
}

/// Simulated MitID: the citizen is identified by a CPR number. The production adapter is an
/// OpenID Connect flow against the MitID broker (NemLog-in) whose ID token carries the CPR
/// number; everything after that line is the same.
#[server(endpoint = "mitid/login")]
pub async fn mitid_login(cpr: String) -> Result<(), AppError> {
    use crate::ssr::session;
    use jobspor::cpr::Cpr;
    let (state, _) = crate::ssr::guard::anyone().await?;
    let echo = vec![("cpr".to_string(), cpr.clone())];
    let cpr = Cpr::parse(&cpr).map_err(|key| AppError::field("cpr", key, echo.clone()))?;
    let person = state
        .cpr
        .lookup(&cpr)
        .await
        .map_err(|e| crate::error::internal(&e))?
        .ok_or_else(|| AppError::field("cpr", jobspor::Msg::CprUnknown, echo.clone()))?;
    if !person.status.may_log_in() {
        return Err(AppError::field("cpr", jobspor::Msg::CprInactive, echo));
    }
    let login = state
        .store
        .citizen_mitid_login(
            cpr.digits(),
            &person,
            state.cpr.source_name(),
            state.clock.now(),
        )
        .await?;
    session::start(&state, session::Subject::Citizen(login.citizen_id)).await?;
    leptos_axum::redirect(if login.profile_complete {
        crate::routes::CITIZEN_HOME
    } else {
        crate::routes::PROFILE_SETUP
    });
    Ok(())
}

/// The part of a password login both kinds of user share: refuse while throttled, check the
/// password (an unknown user costs the same time and gets the same answer as a wrong
/// password), count failures, forgive them on success. Returns the user's id.
#[cfg(feature = "ssr")]
async fn check_password<Id: Copy>(
    state: &crate::ssr::state::AppState,
    user_key: &str,
    password: &str,
    found: Option<(Id, String)>,
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
        return Err(AppError::field(
            "password",
            jobspor::Msg::LoginThrottled,
            echo,
        ));
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
            Err(AppError::field("password", jobspor::Msg::LoginFailed, echo))
        }
    }
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
        &format!("citizen:{username}"),
        &password,
        found,
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
    session::start(&state, session::Subject::Citizen(id)).await?;
    leptos_axum::redirect(crate::routes::CITIZEN_HOME);
    Ok(())
}

#[server(endpoint = "employer/login")]
pub async fn employer_login(email: String, password: String) -> Result<(), AppError> {
    use crate::ssr::session;
    let (state, _) = crate::ssr::guard::anyone().await?;
    let echo = vec![("email".to_string(), email.clone())];
    let email = email.trim().to_lowercase();
    let found = state.store.employer_password_hash(&email).await?;
    let id = check_password(&state, &format!("employer:{email}"), &password, found, echo).await?;
    session::start(&state, session::Subject::Employer(id)).await?;
    leptos_axum::redirect(crate::routes::EMPLOYER_SEARCH);
    Ok(())
}

#[server(endpoint = "caseworker/login")]
pub async fn caseworker_login(username: String, password: String) -> Result<(), AppError> {
    use crate::ssr::session;
    let (state, _) = crate::ssr::guard::anyone().await?;
    let echo = vec![("username".to_string(), username.clone())];
    let username = username.trim().to_lowercase();
    let found = state.store.caseworker_password_hash(&username).await?;
    let id = check_password(
        &state,
        &format!("caseworker:{username}"),
        &password,
        found,
        echo,
    )
    .await?;
    session::start(&state, session::Subject::Caseworker(id)).await?;
    leptos_axum::redirect(crate::routes::CASEWORKER_HOME);
    Ok(())
}

#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    let (state, _) = crate::ssr::guard::anyone().await?;
    crate::ssr::session::end(&state).await?;
    leptos_axum::redirect(&crate::routes::logged_out());
    Ok(())
}
