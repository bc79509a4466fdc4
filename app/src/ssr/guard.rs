//! The one way a server function learns who is asking. Every server function starts with
//! one call here, which names who may call it: the guard reads the session, asks exactly
//! one policy function, names the actor's kind on the request's tracing span (never an id,
//! a name or a CPR number), and returns the app state with the caller's typed id. The id
//! is a `policy::Caller`, which only the policy makes, and the store's functions on a
//! citizen's own data take it: a server function cannot act as "me" with an id it read
//! from the request.
//!
//! The server's authorization test checks that no server function goes around this module
//! (no `current_actor`, no `AppState::from_context` in `app/src/api`), and the
//! authorization matrix (`server/tests/authorization.rs`) calls every server function as
//! every kind of user.
use crate::ssr::session::current_actor;
use crate::ssr::state::AppState;
use crate::AppError;
use jobspor::policy::{self, Actor, Caller, Denied};
use jobspor::{CaseworkerId, CitizenId, EmployerId, EmployerPerson};

/// The state and the caller's own id, as a guard returns them.
pub type Guarded<Id> = (AppState, Caller<Id>);

async fn guarded<Id>(
    decide: impl FnOnce(&Actor) -> Result<Caller<Id>, Denied>,
) -> Result<Guarded<Id>, AppError> {
    let state = AppState::from_context()?;
    let actor = current_actor(&state).await?;
    name_on_span(&actor);
    let caller = decide(&actor)?;
    Ok((state, caller))
}

fn name_on_span(actor: &Actor) {
    let kind = actor.kind().map_or("anonymous", |k| k.as_str());
    tracing::Span::current().record("actor", kind);
    tracing::debug!(
        actor = kind,
        "guard passed the request to a server function"
    );
}

/// Open to everyone (sign-in, logout, the header's view of the session). Returns who is asking only for
/// showing it (the header's name), never as a right to anything.
pub async fn anyone() -> Result<(AppState, Actor), AppError> {
    let state = AppState::from_context()?;
    let actor = current_actor(&state).await?;
    name_on_span(&actor);
    Ok((state, actor))
}

/// A citizen with a complete profile, on their own data (`policy::may_edit_own_cv`).
pub async fn citizen() -> Result<Guarded<CitizenId>, AppError> {
    guarded(policy::may_edit_own_cv).await
}

/// Any logged-in citizen, to see their register data before the profile exists
/// (`policy::may_see_own_register_data`).
pub async fn citizen_register_data() -> Result<Guarded<CitizenId>, AppError> {
    guarded(policy::may_see_own_register_data).await
}

/// A citizen at first login, creating the profile (`policy::may_create_profile`).
pub async fn citizen_without_profile() -> Result<Guarded<CitizenId>, AppError> {
    guarded(policy::may_create_profile).await
}

/// A logged-in employer, terms accepted or not (`policy::may_act_as_employer`).
pub async fn employer() -> Result<Guarded<EmployerId>, AppError> {
    guarded(policy::may_act_as_employer).await
}

/// The person signed in for an employer, accepting the terms for the company
/// (`policy::may_accept_terms`).
pub async fn employer_person() -> Result<Guarded<EmployerPerson>, AppError> {
    guarded(policy::may_accept_terms).await
}

/// An employer who has accepted the current terms (`policy::may_search_cvs`).
pub async fn employer_with_terms() -> Result<Guarded<EmployerId>, AppError> {
    guarded(policy::may_search_cvs).await
}

/// A jobcentre's caseworker (`policy::may_act_as_caseworker`).
pub async fn caseworker() -> Result<Guarded<CaseworkerId>, AppError> {
    guarded(policy::may_act_as_caseworker).await
}

/// An a-kasse's caseworker (`policy::may_act_as_akasse_caseworker`).
pub async fn akasse_caseworker() -> Result<Guarded<CaseworkerId>, AppError> {
    guarded(policy::may_act_as_akasse_caseworker).await
}

/// Jobnetsupporten (`policy::may_act_as_support`).
pub async fn support() -> Result<Guarded<CaseworkerId>, AppError> {
    guarded(policy::may_act_as_support).await
}

/// Any staff member, on their own records (`policy::may_act_as_staff`).
pub async fn staff() -> Result<Guarded<CaseworkerId>, AppError> {
    guarded(policy::may_act_as_staff).await
}
