//! An a-kasse's caseworker reads, read-only, what the a-kasse needs of a member registered
//! for dagpenge or as a dimittend (`policy::akasse_sees_member`; what: `policy::staff_sees`).
//! Anyone else — not a member, a member on another benefit, another a-kasse's member — is
//! "not found", as if no one had that CPR number.
pub use crate::api::case::CitizenCase;
use crate::AppError;
use jobspor::CaseReference;
use leptos::prelude::*;

/// Finds a member by CPR number; the lookup is recorded for the caseworker's audit.
#[server(endpoint = "akasse/find")]
pub async fn find_member(cpr: String) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::akasse_caseworker().await?;
    let worker = state.store.caseworker(me.id()).await?;
    crate::api::case::server::find_by_cpr(
        &state,
        me,
        &cpr,
        async |c| {
            let registration = state.store.jobseeker(c).await?.map(|j| j.registration);
            Ok(jobspor::policy::akasse_sees_member(
                worker.a_kasse,
                registration.as_ref(),
            ))
        },
        jobspor::Msg::AKasseNotMember,
        crate::routes::akasse_member,
    )
    .await
}

/// The member's page. Re-checks membership and situation at every read: a member who has
/// left dagpenge or the a-kasse since the lookup is "not found".
#[server(endpoint = "akasse/member")]
pub async fn get_member_case(reference: CaseReference) -> Result<CitizenCase, AppError> {
    use jobspor::access::AccessBasis;
    use jobspor::policy::{akasse_sees_member, staff_sees, ActorKind};
    let (state, me) = crate::ssr::guard::akasse_caseworker().await?;
    let citizen_id = state
        .store
        .case_reference(me, &reference, state.clock.now())
        .await?
        .ok_or(AppError::NotFound)?;
    let worker = state.store.caseworker(me.id()).await?;
    let registration = state
        .store
        .jobseeker(citizen_id)
        .await?
        .map(|j| j.registration);
    let Some(a_kasse) = worker
        .a_kasse
        .filter(|_| akasse_sees_member(worker.a_kasse, registration.as_ref()))
    else {
        return Err(AppError::NotFound);
    };
    let citizen = state
        .store
        .citizen(citizen_id)
        .await
        .map_err(|_| AppError::NotFound)?;
    crate::api::case::server::read_case(
        &state,
        &worker,
        &citizen,
        AccessBasis::AKasseMembership(a_kasse.code().to_string()),
        |part| staff_sees(ActorKind::AKasseCaseworker, part),
    )
    .await
}
