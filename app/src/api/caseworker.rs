//! A jobcentre caseworker reads the preparation questionnaire of a citizen their jobcentre
//! serves (`policy::caseworker_serves`). Every read is recorded for the citizen's "Min
//! historik" in the same transaction as the read — the health answers' read on its own line.
//! Every lookup by CPR number is recorded for the caseworker's own audit, a hit as well as a
//! miss; a hit leads to the citizen's page by an opaque reference, never by the citizen's id.
use crate::AppError;
use jobspor::form_fields::Fields;
use jobspor::jobseeker::eligibility::Questionnaire;
use jobspor::jobseeker::eligibility::Situation;
use jobspor::jobseeker::register_data::RegisterFact;
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
    pub jobcentre: String,
}

/// The citizen's contact details and reminder choices, as a jobcentre sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseContact {
    pub phone: Option<String>,
    pub email: Option<String>,
    pub sms_reminders: bool,
    pub email_reminders: bool,
}

/// What a jobcentre caseworker sees of a citizen their jobcentre serves: everything the
/// portal holds, read-only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenCase {
    pub name: String,
    /// The CPR register's data, labelled in the page's language.
    pub register: Vec<crate::api::citizen::RegisterField>,
    pub contact: CaseContact,
    /// The whole CV, special considerations and absence included.
    pub cv: Vec<jobspor::cv::entry::CvEntry>,
    pub municipality: String,
    /// The situation registered; `None` when not registered.
    pub situation: Option<Situation>,
    pub questionnaire: Option<Questionnaire>,
    pub submitted_at: Option<String>,
    pub answers: Fields,
    pub facts: Vec<RegisterFact>,
    /// The pilot's health answers, when the citizen was asked: (answers, register data, sent).
    pub health: Option<(Fields, Vec<RegisterFact>, Option<String>)>,
}

#[server(endpoint = "caseworker/home")]
pub async fn get_caseworker_home() -> Result<CaseworkerHome, AppError> {
    let (state, me) = crate::ssr::guard::caseworker().await?;
    let w = state.store.caseworker(me.id()).await?;
    Ok(CaseworkerHome {
        name: w.name,
        jobcentre: w.jobcentre,
    })
}

/// Finds a citizen by CPR number. Someone the jobcentre does not serve gets the same answer
/// as no one at all: a caseworker learns nothing about other municipalities' citizens.
#[server(endpoint = "caseworker/find")]
pub async fn find_citizen(cpr: String) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::caseworker().await?;
    let echo = vec![("cpr".to_string(), cpr.clone())];
    let cpr =
        jobspor::cpr::Cpr::parse(&cpr).map_err(|k| AppError::field("cpr", k, echo.clone()))?;
    let worker = state.store.caseworker(me.id()).await?;
    let served = match state.store.citizen_id_by_cpr(cpr.digits()).await? {
        Some(c) => {
            let citizen = state.store.citizen(c).await?;
            jobspor::policy::caseworker_serves(
                &worker.municipality_codes,
                citizen.person.municipality_code.as_deref(),
            )
            .then_some(c)
        }
        None => None,
    };
    let now = state.clock.now();
    let until = now + chrono::Duration::hours(jobspor::policy::CASE_REFERENCE_HOURS);
    match state
        .store
        .record_lookup(me, cpr.digits(), served, now, until)
        .await?
    {
        Some(reference) => {
            leptos_axum::redirect(&crate::routes::caseworker_citizen(&reference));
            Ok(())
        }
        None => Err(AppError::field(
            "cpr",
            jobspor::Msg::CaseworkerNotServed,
            echo,
        )),
    }
}

#[server(endpoint = "caseworker/citizen")]
pub async fn get_citizen_case(reference: CaseReference) -> Result<CitizenCase, AppError> {
    use jobspor::access::{AccessBasis, AccessWhat};
    use jobspor::jobseeker::eligibility::{disability_questions_apply, PilotConfig};
    use jobspor::policy::ActorKind;
    use jobspor_store::access_log::AccessEntry;
    use jobspor_store::jobseekers::Part;
    let (state, me) = crate::ssr::guard::caseworker().await?;
    let citizen_id = state
        .store
        .case_reference(me, &reference, state.clock.now())
        .await?
        .ok_or(AppError::NotFound)?;
    let worker = state.store.caseworker(me.id()).await?;
    let citizen = state
        .store
        .citizen(citizen_id)
        .await
        .map_err(|_| AppError::NotFound)?;
    let code = citizen.person.municipality_code.as_deref();
    if !jobspor::policy::caseworker_serves(&worker.municipality_codes, code) {
        return Err(AppError::NotFound);
    }
    let now = state.clock.now();
    let read = |what: AccessWhat| AccessEntry {
        citizen_id,
        at: now,
        actor_kind: ActorKind::Caseworker,
        actor_id: Some(worker.id.get()),
        actor_name: worker.name.clone(),
        organisation: worker.jobcentre.clone(),
        what,
        basis: AccessBasis::ServedMunicipality(code.unwrap_or_default().to_string()),
    };
    let profile = state
        .store
        .profile_for_caseworker(citizen_id, &read(AccessWhat::ReadProfile))
        .await?;
    let cv = state
        .store
        .cv_for_caseworker(citizen_id, &read(AccessWhat::ReadCv))
        .await?;
    let registration = state
        .store
        .jobseeker(citizen_id)
        .await?
        .map(|j| j.registration);
    let sent = state
        .store
        .answers_for_caseworker(
            Part::Questionnaire,
            citizen_id,
            &read(AccessWhat::ReadQuestionnaire),
        )
        .await?;
    let asked = registration.is_some_and(|r| {
        disability_questions_apply(
            r.situation,
            code,
            PilotConfig::shipped(),
            state.clock.today(),
        )
    });
    let health = if asked {
        let h = state
            .store
            .answers_for_caseworker(
                Part::Health,
                citizen_id,
                &read(AccessWhat::ReadHealthAnswers),
            )
            .await?;
        Some((
            h.answers,
            h.facts.unwrap_or_default(),
            h.submitted_at.map(jobspor::dates::format_da_time),
        ))
    } else {
        None
    };
    Ok(CitizenCase {
        name: citizen.person.full_name(),
        register: crate::api::citizen::server::register_fields(
            &profile.person,
            crate::lang::current(),
        ),
        contact: CaseContact {
            phone: profile.phone,
            email: profile.email,
            sms_reminders: profile.sms_reminders,
            email_reminders: profile.email_reminders,
        },
        cv,
        municipality: citizen.person.municipality.clone().unwrap_or_default(),
        situation: registration.map(|r| r.situation),
        questionnaire: sent.kind,
        submitted_at: sent.submitted_at.map(jobspor::dates::format_da_time),
        answers: sent.answers,
        facts: sent.facts.unwrap_or_default(),
        health,
    })
}

/// The caseworker's own lookups by CPR number, the last 30 days.
#[server(endpoint = "caseworker/lookups")]
pub async fn get_my_lookups() -> Result<Vec<LookupView>, AppError> {
    let (state, me) = crate::ssr::guard::caseworker().await?;
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
