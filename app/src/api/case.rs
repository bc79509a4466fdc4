//! What staff see of a citizen, built from the policy's table (`policy::staff_sees`): one
//! view for the jobcentre, the a-kasse and support, holding only the parts the reader may
//! see (`None` for the rest, never an empty stand-in). Each part read is recorded for the
//! citizen in the same transaction as the read.
use crate::api::citizen::RegisterField;
use jobspor::cv::entry::CvEntry;
use jobspor::form_fields::Fields;
use jobspor::jobseeker::eligibility::{Questionnaire, Situation};
use jobspor::jobseeker::register_data::RegisterFact;
use serde::{Deserialize, Serialize};

/// Phone and e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseContact {
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// The citizen's choice of reminders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseReminders {
    pub sms: bool,
    pub email: bool,
}

/// The registration as a job seeker; `situation` is `None` when not registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRegistration {
    pub situation: Option<Situation>,
    /// The a-kasse's name.
    pub a_kasse: Option<String>,
    pub registered_at: Option<String>,
}

/// A sent questionnaire; `kind` is `None` when none was sent (or none the reader may see).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SentQuestionnaire {
    pub kind: Option<Questionnaire>,
    pub submitted_at: Option<String>,
    pub answers: Fields,
    pub facts: Vec<RegisterFact>,
}

/// The pilot's health answers, for a citizen who was asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentHealth {
    pub answers: Fields,
    pub facts: Vec<RegisterFact>,
    pub submitted_at: Option<String>,
}

/// The consent support's reading rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentView {
    pub channel: String,
    pub given_at: String,
    pub scope: String,
    pub reference: String,
    pub ends_at: String,
}

/// A citizen as a staff member sees them: each part `None` when the policy hides it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenCase {
    pub name: String,
    pub municipality: String,
    pub register: Option<Vec<RegisterField>>,
    pub contact: Option<CaseContact>,
    pub reminders: Option<CaseReminders>,
    pub cv: Option<Vec<CvEntry>>,
    /// The CV holds special considerations too (the jobcentre's view).
    pub cv_with_special_considerations: bool,
    pub registration: Option<CaseRegistration>,
    pub questionnaire: Option<SentQuestionnaire>,
    pub health: Option<SentHealth>,
    pub consent: Option<ConsentView>,
    /// Min Joblog, with the jobcentre's flag after 30 days without a registration.
    pub joblog: Option<crate::api::joblog::JoblogView>,
    /// Since when the citizen has restricted the processing (GDPR art. 18): a marker for
    /// every reader of the case.
    pub restricted_since: Option<String>,
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::*;
    use crate::ssr::state::AppState;
    use crate::AppError;
    use jobspor::access::{AccessBasis, AccessWhat};
    use jobspor::cv::entry::CvSection;
    use jobspor::jobseeker::eligibility::{disability_questions_apply, PilotConfig};
    use jobspor::policy::CasePart;
    use jobspor_store::access_log::AccessEntry;
    use jobspor_store::caseworkers::CaseworkerRecord;
    use jobspor_store::citizens::CitizenRecord;
    use jobspor_store::jobseekers::Part;

    /// The record of `worker` reading `what` of a citizen on `basis`.
    pub fn staff_read(
        worker: &CaseworkerRecord,
        citizen_id: jobspor::CitizenId,
        basis: &AccessBasis,
        what: AccessWhat,
        now: chrono::DateTime<chrono::Utc>,
    ) -> AccessEntry {
        AccessEntry {
            citizen_id,
            at: now,
            actor_kind: worker.kind,
            actor_id: Some(worker.id.get()),
            actor_name: worker.name.clone(),
            organisation: worker.organisation.clone(),
            what,
            basis: basis.clone(),
        }
    }

    /// Reads the parts of `citizen` that `sees` lets `worker` see, each read recorded with
    /// `basis`.
    pub async fn read_case(
        state: &AppState,
        worker: &CaseworkerRecord,
        citizen: &CitizenRecord,
        basis: AccessBasis,
        sees: impl Fn(CasePart) -> bool,
    ) -> Result<CitizenCase, AppError> {
        let now = state.clock.now();
        let lang = crate::lang::current();
        let citizen_id = citizen.id;
        let read = |what: AccessWhat| staff_read(worker, citizen_id, &basis, what, now);
        let mut case = CitizenCase {
            name: citizen.person.full_name(),
            municipality: citizen.person.municipality.clone().unwrap_or_default(),
            register: None,
            contact: None,
            reminders: None,
            cv: None,
            cv_with_special_considerations: sees(CasePart::SpecialConsiderations),
            registration: None,
            questionnaire: None,
            health: None,
            consent: None,
            joblog: None,
            restricted_since: citizen.restricted_at.map(jobspor::dates::format_da_time),
        };
        if [
            CasePart::RegisterData,
            CasePart::ContactDetails,
            CasePart::ReminderChoices,
        ]
        .into_iter()
        .any(&sees)
        {
            let p = state
                .store
                .profile_for_caseworker(citizen_id, &read(AccessWhat::ReadProfile))
                .await?;
            if sees(CasePart::RegisterData) {
                case.register = Some(crate::api::citizen::server::register_fields(
                    &p.person, lang,
                ));
            }
            if sees(CasePart::ContactDetails) {
                case.contact = Some(CaseContact {
                    phone: p.phone.clone(),
                    email: p.email.clone(),
                });
            }
            if sees(CasePart::ReminderChoices) {
                case.reminders = Some(CaseReminders {
                    sms: p.sms_reminders,
                    email: p.email_reminders,
                });
            }
        }
        let part_of = |s: CvSection| match s {
            CvSection::SpecialConsiderations => CasePart::SpecialConsiderations,
            CvSection::Absence => CasePart::Absence,
            _ => CasePart::Cv,
        };
        if [
            CasePart::Cv,
            CasePart::Absence,
            CasePart::SpecialConsiderations,
        ]
        .into_iter()
        .any(&sees)
        {
            let entries = state
                .store
                .cv_for_caseworker(citizen_id, &read(AccessWhat::ReadCv))
                .await?;
            case.cv = Some(
                entries
                    .into_iter()
                    .filter(|e| sees(part_of(e.section())))
                    .collect(),
            );
        }
        let registration = if sees(CasePart::Registration) {
            let r = state
                .store
                .registration_for_staff(citizen_id, &read(AccessWhat::ReadRegistration))
                .await?;
            case.registration = Some(CaseRegistration {
                situation: r.as_ref().map(|r| r.registration.situation),
                a_kasse: r
                    .as_ref()
                    .and_then(|r| r.registration.a_kasse)
                    .map(|a| a.label(lang).to_string()),
                registered_at: r
                    .as_ref()
                    .map(|r| jobspor::dates::format_da_time(r.registered_at)),
            });
            r.map(|r| r.registration)
        } else {
            None
        };
        let dagpenge = sees(CasePart::DagpengeQuestionnaire);
        let other = sees(CasePart::OtherQuestionnaire);
        if dagpenge || other {
            let sent = state
                .store
                .answers_for_staff(
                    Part::Questionnaire,
                    citizen_id,
                    &read(AccessWhat::ReadQuestionnaire),
                    |kind| match kind {
                        Some(Questionnaire::Dagpenge) => dagpenge,
                        Some(_) => other,
                        None => true,
                    },
                )
                .await?;
            case.questionnaire = Some(
                sent.map(|a| SentQuestionnaire {
                    kind: a.kind,
                    submitted_at: a.submitted_at.map(jobspor::dates::format_da_time),
                    answers: a.answers,
                    facts: a.facts.unwrap_or_default(),
                })
                .unwrap_or_default(),
            );
        }
        let asked = registration.is_some_and(|r| {
            disability_questions_apply(
                r.situation,
                citizen.person.municipality_code.as_deref(),
                PilotConfig::shipped(),
                state.clock.today(),
            )
        });
        if sees(CasePart::HealthAnswers) && asked {
            let h = state
                .store
                .answers_for_caseworker(
                    Part::Health,
                    citizen_id,
                    &read(AccessWhat::ReadHealthAnswers),
                )
                .await?;
            case.health = Some(SentHealth {
                answers: h.answers,
                facts: h.facts.unwrap_or_default(),
                submitted_at: h.submitted_at.map(jobspor::dates::format_da_time),
            });
        }
        if sees(CasePart::Joblog) {
            let log = state
                .store
                .joblog_for_staff(citizen_id, &read(AccessWhat::ReadJoblog))
                .await?;
            // The flag is the jobcentre's; the a-kasse reads the log itself.
            let flag = log
                .silent_since
                .filter(|_| worker.kind == jobspor::policy::ActorKind::Caseworker);
            case.joblog = Some(crate::api::joblog::server::view_of(log.entries, flag));
        }
        Ok(case)
    }

    /// A staff member's lookup by CPR number (`raw`, as typed): finds the profile, asks
    /// `reaches` whether this staff member may reach that citizen, records the lookup (a hit
    /// as well as a miss) and sends a hit to the citizen's page by a fresh reference
    /// (`page`). A miss — no profile, or one out of reach — is the field error `miss`, the
    /// number typed kept: the same answer either way.
    pub async fn find_by_cpr(
        state: &AppState,
        me: jobspor::policy::Caller<jobspor::CaseworkerId>,
        raw: &str,
        reaches: impl AsyncFnOnce(jobspor::CitizenId) -> Result<bool, AppError>,
        miss: jobspor::Msg,
        page: fn(&jobspor::CaseReference) -> String,
    ) -> Result<(), AppError> {
        let echo = vec![("cpr".to_string(), raw.to_string())];
        let cpr =
            jobspor::cpr::Cpr::parse(raw).map_err(|k| AppError::field("cpr", k, echo.clone()))?;
        let found = match state.store.citizen_id_by_cpr(cpr.digits()).await? {
            Some(c) if reaches(c).await? => Some(c),
            _ => None,
        };
        let now = state.clock.now();
        let until = now + chrono::Duration::hours(jobspor::policy::CASE_REFERENCE_HOURS);
        match state
            .store
            .record_lookup(me, cpr.digits(), found, now, until)
            .await?
        {
            Some(reference) => {
                leptos_axum::redirect(&page(&reference));
                Ok(())
            }
            None => Err(AppError::field("cpr", miss, echo)),
        }
    }
}
