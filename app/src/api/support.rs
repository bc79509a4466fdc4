//! Jobnetsupporten: opens a citizen's profile only on a consent recorded first (channel,
//! when, scope, a reference to the conversation; seed 000), for as long as the consent lasts
//! (`AppState::consent_length`). Without a live consent every read is refused (403),
//! whatever the request. Support also passes employers' contact requests on to citizens who
//! hid their contact details (seed 004).
pub use crate::api::case::CitizenCase;
use crate::AppError;
use jobspor::form_fields::Fields;
use jobspor::{CaseReference, ContactRequestId};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An employer's request for contact, as support's queue shows it: nothing about the
/// citizen, who is reached through the portal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactRequestView {
    pub id: ContactRequestId,
    pub company: String,
    pub message: String,
    pub received: String,
}

/// Records the consent and finds the citizen: the lookup is recorded for support's audit,
/// a hit leads to the citizen's page for as long as the consent lasts.
#[server(endpoint = "support/find")]
pub async fn find_with_consent(#[server(default)] form: Fields) -> Result<(), AppError> {
    use jobspor::consent::ConsentInput;
    use jobspor_store::consents::NewConsent;
    let (state, me) = crate::ssr::guard::support().await?;
    let echo = crate::api::echo_fields(&form);
    let now = state.clock.now();
    let consent = ConsentInput::parse(&form, now)
        .map_err(|errors| AppError::invalid(errors, echo.clone()))?;
    let found = state.store.citizen_id_by_cpr(consent.cpr.digits()).await?;
    let new = NewConsent {
        channel: consent.channel,
        given_at: consent.given_at,
        scope: consent.scope.clone(),
        reference: consent.reference.clone(),
        ends_at: state.consent_length.ends_at(now),
    };
    match state
        .store
        .record_consent_lookup(me, consent.cpr.digits(), found.map(|c| (c, &new)), now)
        .await?
    {
        Some(reference) => {
            leptos_axum::redirect(&crate::routes::support_citizen(&reference));
            Ok(())
        }
        // The miss is recorded too; no consent is kept for no one.
        None => Err(AppError::field("cpr", jobspor::Msg::SupportNoProfile, echo)),
    }
}

/// The citizen's profile, as far as the consent behind `reference` covers it. 403 when no
/// live consent of this support worker's is behind it.
#[server(endpoint = "support/citizen")]
pub async fn get_support_case(reference: CaseReference) -> Result<CitizenCase, AppError> {
    use jobspor::access::AccessBasis;
    use jobspor::policy::{staff_sees, ActorKind};
    let (state, me) = crate::ssr::guard::support().await?;
    let consent = state
        .store
        .support_reference(me, &reference, state.clock.now())
        .await?
        .ok_or(AppError::Forbidden)?;
    let worker = state.store.caseworker(me.id()).await?;
    let citizen = state
        .store
        .citizen(consent.citizen_id)
        .await
        .map_err(|_| AppError::NotFound)?;
    let mut case = crate::api::case::server::read_case(
        &state,
        &worker,
        &citizen,
        AccessBasis::Consent(consent.id),
        |part| staff_sees(ActorKind::Support, part) && consent.scope.iter().any(|s| s.covers(part)),
    )
    .await?;
    case.consent = Some(server::consent_view(&consent, crate::lang::current()));
    Ok(case)
}

/// The employers' requests not yet passed on, oldest first.
#[server(endpoint = "support/contact-requests")]
pub async fn get_contact_requests() -> Result<Vec<ContactRequestView>, AppError> {
    let (state, _me) = crate::ssr::guard::support().await?;
    Ok(state
        .store
        .open_contact_requests()
        .await?
        .into_iter()
        .map(|r| ContactRequestView {
            id: r.id,
            company: r.company_name,
            message: r.message,
            received: jobspor::dates::format_da_time(r.created_at),
        })
        .collect())
}

/// Passes a request on (`how`: `RelayHow`): shown to the citizen on Min side, or marked as
/// passed on by phone or e-mail. Either way the citizen sees which company asked.
#[server(endpoint = "support/relay")]
pub async fn relay_contact_request(id: ContactRequestId, how: String) -> Result<(), AppError> {
    use jobspor::employer::RelayHow;
    let (state, me) = crate::ssr::guard::support().await?;
    let how = RelayHow::from_code(how.trim())
        .map_err(|k| AppError::field("how", k, vec![("how".into(), how.clone())]))?;
    if !state
        .store
        .relay_contact_request(me, id, how, state.clock.now())
        .await?
    {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&format!(
        "{}?{}=1",
        crate::routes::SUPPORT_CONTACT_REQUESTS,
        crate::routes::RELAYED_PARAM
    ));
    Ok(())
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use jobspor::consent::ConsentScope;
    use jobspor_store::consents::ConsentRecord;

    /// A consent in words, for support's page and the citizen's history.
    pub fn consent_view(c: &ConsentRecord, lang: jobspor::Lang) -> crate::api::case::ConsentView {
        crate::api::case::ConsentView {
            channel: c.channel.label(lang).to_string(),
            given_at: jobspor::dates::format_da_time(c.given_at),
            scope: c
                .scope
                .iter()
                .map(|s: &ConsentScope| s.label(lang))
                .collect::<Vec<_>>()
                .join(", "),
            reference: c.reference.clone(),
            ends_at: jobspor::dates::format_da_time(c.ends_at),
        }
    }
}
