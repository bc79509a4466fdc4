//! A jobcentre caseworker reads, read-only, what the portal holds about a citizen their
//! jobcentre serves (`policy::caseworker_serves`; what: `policy::staff_sees`). Every read is
//! recorded for the citizen's "Min historik" in the same transaction as the read — the
//! health answers' read on its own line.
//! Every lookup by CPR number is recorded for the caseworker's own audit, a hit as well as a
//! miss; a hit leads to the citizen's page by an opaque reference, never by the citizen's id.
pub use crate::api::case::CitizenCase;
use crate::AppError;
use jobspor::CaseReference;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One of the caseworker's own lookups, as their audit lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupView {
    pub when: String,
    /// The CPR number looked up, as ddmmåå-xxxx.
    pub cpr: String,
    pub found: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseworkerHome {
    pub name: String,
    /// The jobcentre, the a-kasse, or "Jobnetsupporten".
    pub organisation: String,
    /// Which kind of staff: each kind's start page sends the others to theirs.
    pub kind: jobspor::policy::ActorKind,
}

/// Who is signed in, for a staff member's start page (jobcentre, a-kasse, support).
#[server(endpoint = "staff/home")]
pub async fn get_caseworker_home() -> Result<CaseworkerHome, AppError> {
    let (state, me) = crate::ssr::guard::staff().await?;
    let w = state.store.caseworker(me.id()).await?;
    Ok(CaseworkerHome {
        name: w.name,
        organisation: w.organisation,
        kind: w.kind,
    })
}

/// Finds a citizen by CPR number. Someone the jobcentre does not serve gets the same answer
/// as no one at all: a caseworker learns nothing about other municipalities' citizens.
#[server(endpoint = "caseworker/find")]
pub async fn find_citizen(cpr: String) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::caseworker().await?;
    let worker = state.store.caseworker(me.id()).await?;
    crate::api::case::server::find_by_cpr(
        &state,
        me,
        &cpr,
        async |c| {
            let citizen = state.store.citizen(c).await?;
            Ok(jobspor::policy::caseworker_serves(
                &worker.municipality_codes,
                citizen.person.municipality_code.as_deref(),
            ))
        },
        jobspor::Msg::CaseworkerNotServed,
        crate::routes::caseworker_citizen,
    )
    .await
}

/// The caseworker and the citizen behind one of the caseworker's references, while the
/// jobcentre serves the citizen's municipality; "not found" otherwise, as for a made-up
/// reference.
#[cfg(feature = "ssr")]
pub(crate) async fn open_served_case(
    state: &crate::ssr::state::AppState,
    me: jobspor::policy::Caller<jobspor::CaseworkerId>,
    reference: &CaseReference,
) -> Result<
    (
        jobspor_store::caseworkers::CaseworkerRecord,
        jobspor_store::citizens::CitizenRecord,
    ),
    AppError,
> {
    let citizen_id = state
        .store
        .case_reference(me, reference, state.clock.now())
        .await?
        .ok_or(AppError::NotFound)?;
    let worker = state.store.caseworker(me.id()).await?;
    let citizen = state
        .store
        .citizen(citizen_id)
        .await
        .map_err(|_| AppError::NotFound)?;
    if !jobspor::policy::caseworker_serves(
        &worker.municipality_codes,
        citizen.person.municipality_code.as_deref(),
    ) {
        return Err(AppError::NotFound);
    }
    Ok((worker, citizen))
}

#[server(endpoint = "caseworker/citizen")]
pub async fn get_citizen_case(reference: CaseReference) -> Result<CitizenCase, AppError> {
    use jobspor::access::AccessBasis;
    use jobspor::policy::{staff_sees, ActorKind};
    let (state, me) = crate::ssr::guard::caseworker().await?;
    let (worker, citizen) = open_served_case(&state, me, &reference).await?;
    let code = citizen.person.municipality_code.clone();
    crate::api::case::server::read_case(
        &state,
        &worker,
        &citizen,
        AccessBasis::ServedMunicipality(code.unwrap_or_default()),
        |part| staff_sees(ActorKind::Caseworker, part),
    )
    .await
}

/// A staff member's own lookups by CPR number (jobcentre, a-kasse, support), the last 30
/// days.
#[server(endpoint = "staff/lookups")]
pub async fn get_my_lookups() -> Result<Vec<LookupView>, AppError> {
    let (state, me) = crate::ssr::guard::staff().await?;
    let since = state.clock.now() - chrono::Duration::days(30);
    Ok(state
        .store
        .caseworker_lookups(me, since)
        .await?
        .into_iter()
        .map(|l| LookupView {
            when: jobspor::dates::format_da_time(l.at),
            cpr: match l.cpr.get(..6).zip(l.cpr.get(6..)) {
                Some((date, serial)) => format!("{date}-{serial}"),
                None => l.cpr,
            },
            found: l.found,
        })
        .collect())
}

/// The CV search across municipalities (seed 000: "Jobcentrene kan søge i CV'er på tværs af
/// kommuner"), the employers' search with its filters.
#[server(endpoint = "caseworker/search")]
pub async fn caseworker_search_cvs(
    form: jobspor::cv_search::SearchForm,
) -> Result<crate::api::employer::SearchView, AppError> {
    let (state, _me) = crate::ssr::guard::caseworker().await?;
    crate::api::employer::server::search(&state, form).await
}

/// Opens a CV found in the search, as employers see it; the opening is recorded for the
/// citizen as an employer's is.
#[server(endpoint = "caseworker/cv")]
pub async fn caseworker_open_cv(
    cv_id: jobspor::CvId,
) -> Result<jobspor::policy::EmployerCvView, AppError> {
    let (state, me) = crate::ssr::guard::caseworker().await?;
    let worker = state.store.caseworker(me.id()).await?;
    let now = state.clock.now();
    let cutoff = jobspor::retention::searchable_login_cutoff(now);
    let opened = state
        .store
        .open_cv_for_caseworker(me, &worker.name, &worker.organisation, cv_id, cutoff, now)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(jobspor::policy::employer_view(
        cv_id,
        &opened.owner,
        opened.entries,
        crate::lang::current(),
    ))
}

/// A jobcentre's caseworker writes to a citizen the jobcentre serves: the message lands in
/// the citizen's Mine beskeder and is announced by e-mail or SMS as the citizen chose (never
/// with its text). Writing reads nothing of the citizen's, so no access is recorded.
#[server(endpoint = "caseworker/message")]
pub async fn write_to_citizen(
    reference: CaseReference,
    #[server(default)] form: jobspor::form_fields::Fields,
) -> Result<(), AppError> {
    use jobspor::notices::{channels, message_announcement, NoticeKind, MESSAGE_FIELDS};
    use jobspor_store::outbox::{EmailText, NewNotice};
    let (state, me) = crate::ssr::guard::caseworker().await?;
    let now = state.clock.now();
    let (worker, citizen) = open_served_case(&state, me, &reference).await?;
    let citizen_id = citizen.id;
    let echo = crate::api::echo_fields(&form);
    let clean = jobspor::form_fields::validate(MESSAGE_FIELDS, &form)
        .map_err(|errors| AppError::invalid(errors, echo))?;
    let sender = format!("{} ({})", worker.organisation, worker.name);
    // The site's public address, where the announcement's link leads.
    let portal = state.oidc.settings().public_url.clone();
    let announcement = message_announcement(&worker.organisation, citizen.language, &portal);
    let key = {
        use rand::Rng;
        let n: u64 = rand::thread_rng().gen();
        jobspor::notices::idempotency_key(
            citizen_id.get(),
            NoticeKind::CaseworkerMessage,
            &format!("{}-{n:016x}", now.timestamp()),
        )
    };
    let reach = citizen.reach();
    state
        .store
        .queue_notice(
            &NewNotice {
                citizen_id,
                kind: NoticeKind::CaseworkerMessage,
                key,
                subject: clean.get("subject").cloned().unwrap_or_default(),
                body: clean.get("text").cloned().unwrap_or_default(),
                sms: announcement.sms,
                email: Some(EmailText {
                    subject: announcement.subject,
                    body: announcement.body,
                }),
                sender: Some(sender),
                deliveries: channels(NoticeKind::CaseworkerMessage, &reach),
            },
            now,
        )
        .await?;
    leptos_axum::redirect(&format!(
        "{}?{}={}",
        crate::routes::caseworker_citizen(&reference),
        crate::routes::MESSAGE_PARAM,
        crate::routes::MESSAGE_SENT
    ));
    Ok(())
}
