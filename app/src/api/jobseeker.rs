//! Registering as a job seeker and the preparation questionnaire.
//!
//! The situation decides the questionnaire (`questionnaire_for`), and the one eligibility
//! rule (`disability_questions_apply`, on the CPR register's municipality) decides whether
//! the health step is among the steps. The server computes the steps itself on every call:
//! answers to a step the citizen does not have, health answers above all, are refused.
use crate::AppError;
use jobspor::form_fields::Fields;
use jobspor::jobseeker::eligibility::Questionnaire;
use jobspor::jobseeker::register_data::RegisterFact;
use jobspor::jobseeker::registration::{Registration, RegistrationForm};
#[cfg(feature = "ssr")]
use jobspor_store::jobseekers::Part;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Everything the questionnaire's pages show, for the citizen themself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionnaireView {
    pub registration: Option<Registration>,
    /// `None` until registered.
    pub questionnaire: Option<Questionnaire>,
    /// The pilot's disability questions apply.
    pub health: bool,
    pub answers: Fields,
    pub health_answers: Fields,
    /// The dagpenge questionnaire's register facts (empty for the others, and unless asked for).
    pub facts: Vec<RegisterFact>,
    /// Set when a register did not answer.
    pub facts_unavailable: bool,
    /// "23-11-2026 kl. 14.32" when sent.
    pub submitted_at: Option<String>,
    /// Where the sent questionnaire goes.
    pub jobcentre: String,
}

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    use crate::ssr::state::AppState;
    use jobspor::cpr::Cpr;
    use jobspor::jobseeker::eligibility::{
        disability_questions_apply, questionnaire_for, PilotConfig,
    };
    use jobspor::jobseeker::questionnaire::{steps, Step};
    use jobspor::jobseeker::register_data::{dagpenge_facts, pilot_facts};
    use jobspor::policy::Caller;
    use jobspor::CitizenId;
    use jobspor_store::citizens::CitizenRecord;
    use jobspor_store::jobseekers::Answers;

    /// The logged-in citizen, their registration and what it leads to.
    pub struct Plan {
        pub me: Caller<CitizenId>,
        pub citizen: CitizenRecord,
        pub registration: Option<Registration>,
        pub questionnaire: Option<Questionnaire>,
        pub health: bool,
    }

    impl Plan {
        pub async fn load(state: &AppState, me: Caller<CitizenId>) -> Result<Plan, AppError> {
            let citizen = state.store.citizen(me.id()).await?;
            let registration = state
                .store
                .jobseeker(me.id())
                .await?
                .map(|j| j.registration);
            let questionnaire = registration.map(|r| questionnaire_for(r.situation));
            let health = registration.is_some_and(|r| {
                disability_questions_apply(
                    r.situation,
                    citizen.person.municipality_code.as_deref(),
                    PilotConfig::shipped(),
                    state.clock.today(),
                )
            });
            Ok(Plan {
                me,
                citizen,
                registration,
                questionnaire,
                health,
            })
        }

        /// The citizen's stored answers, and the health answers when the pilot's questions
        /// apply (else none, whatever is stored).
        pub async fn answers(&self, state: &AppState) -> Result<(Answers, Fields), AppError> {
            let stored = state
                .store
                .own_answers(Part::Questionnaire, self.me)
                .await?;
            let health = if self.health {
                state
                    .store
                    .own_answers(Part::Health, self.me)
                    .await?
                    .answers
            } else {
                Fields::new()
            };
            Ok((stored, health))
        }

        /// The steps, for a registered citizen; otherwise a refusal.
        pub fn steps(&self) -> Result<Vec<Step>, AppError> {
            let q = self.questionnaire.ok_or_else(|| {
                AppError::field(
                    "situation",
                    jobspor::Msg::QuestionnaireNotRegistered,
                    Vec::new(),
                )
            })?;
            Ok(steps(q, self.health))
        }

        /// The register facts to show and keep: the dagpenge questionnaire's, and the
        /// pilot's when the health questions apply. `None` when a register did not answer.
        /// The register facts, labelled in `lang` (a submission keeps them in Danish).
        pub async fn facts(
            &self,
            state: &AppState,
            lang: jobspor::Lang,
        ) -> Result<Option<(Vec<RegisterFact>, Vec<RegisterFact>)>, AppError> {
            let (dagpenge, pilot) = (
                self.questionnaire == Some(Questionnaire::Dagpenge),
                self.health,
            );
            if !dagpenge && !pilot {
                return Ok(Some((Vec::new(), Vec::new())));
            }
            let cpr = Cpr::parse(&state.store.citizen_cpr(self.citizen.id).await?)
                .map_err(|k| crate::error::internal(&StoredCpr(k)))?;
            let record = match state.registers.lookup(&cpr).await {
                Ok(Some(r)) => r,
                Ok(None) => return Ok(None),
                Err(e) => {
                    tracing::warn!(error = %e, "labour-market registers unavailable");
                    return Ok(None);
                }
            };
            let src = state.registers.sources();
            let p = &self.citizen.person;
            let today = state.clock.today();
            let d = if dagpenge {
                dagpenge_facts(lang, p.birthday, today, &record, &src)
            } else {
                Vec::new()
            };
            let municipality = p.municipality.clone().unwrap_or_default();
            let h = if pilot {
                pilot_facts(
                    lang,
                    p.gender,
                    p.birthday,
                    &municipality,
                    today,
                    &record,
                    &src,
                )
            } else {
                Vec::new()
            };
            Ok(Some((d, h)))
        }
    }

    /// A stored CPR number the core no longer accepts.
    #[derive(Debug, thiserror::Error)]
    #[error("the stored CPR number is not valid: {0}")]
    struct StoredCpr(jobspor::Msg);

    /// The jobcentre of the citizen's municipality, as the pilot's configuration names it,
    /// else named after the municipality.
    pub fn jobcentre_of(citizen: &CitizenRecord) -> String {
        let code = citizen
            .person
            .municipality_code
            .as_deref()
            .unwrap_or_default();
        match PilotConfig::shipped().municipality(code) {
            Some(m) => m.jobcentre.clone(),
            None => citizen
                .person
                .municipality
                .as_ref()
                .map(|m| format!("Jobcenter {m}"))
                .unwrap_or_else(|| {
                    crate::lang::current()
                        .pick("dit jobcenter", "your job centre")
                        .into()
                }),
        }
    }
}

#[server(endpoint = "jobseeker/register")]
pub async fn register_jobseeker(#[server(default)] form: RegistrationForm) -> Result<(), AppError> {
    use crate::api::echo;
    let (state, me) = crate::ssr::guard::citizen().await?;
    let registration = Registration::parse(&form).map_err(|e| AppError::invalid(e, echo(&form)))?;
    state
        .store
        .register_jobseeker(me, &registration, state.clock.now())
        .await?;
    leptos_axum::redirect(crate::routes::QUESTIONNAIRE);
    Ok(())
}

/// `with_facts`: also ask the registers (only the pages that show their facts do: a remote
/// lookup on every step would be wasted work).
#[server(endpoint = "questionnaire/get")]
pub async fn get_questionnaire(
    #[server(default)] with_facts: bool,
) -> Result<QuestionnaireView, AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    let plan = server::Plan::load(&state, me).await?;
    let (stored, health_answers) = plan.answers(&state).await?;
    let facts = if with_facts {
        plan.facts(&state, crate::lang::current()).await?
    } else {
        Some(Default::default())
    };
    Ok(QuestionnaireView {
        registration: plan.registration,
        questionnaire: plan.questionnaire,
        health: plan.health,
        answers: stored.answers,
        health_answers,
        facts_unavailable: facts.is_none(),
        facts: facts.map(|(d, _)| d).unwrap_or_default(),
        submitted_at: stored.submitted_at.map(jobspor::dates::format_da_time),
        jobcentre: server::jobcentre_of(&plan.citizen),
    })
}

/// Leaves a step: its answers are saved whatever they are, then `go` says where to:
/// "next" (only when the step's answers are valid), "back", "later" (the overview), or
/// "stay" (an autosave while the step is being filled in).
#[server(endpoint = "questionnaire/answer")]
pub async fn answer_step(
    step: String,
    go: String,
    #[server(default)] form: Fields,
) -> Result<(), AppError> {
    use crate::api::echo;
    use jobspor::jobseeker::questionnaire::{find_step, merge_step};
    let (state, me) = crate::ssr::guard::citizen().await?;
    let plan = server::Plan::load(&state, me).await?;
    // Health answers from a citizen the questions do not apply to are refused outright,
    // whichever step a crafted request names.
    if !plan.health && jobspor::jobseeker::questionnaire::carries_health_answers(&form) {
        return Err(AppError::Forbidden);
    }
    let steps = plan.steps()?;
    let (index, step) = find_step(&steps, &step).ok_or(AppError::NotFound)?;
    let now = state.clock.now();
    let id = plan.me;
    // Health answers are kept in their own part, never with the others.
    let part = if step.is_health() {
        Part::Health
    } else {
        Part::Questionnaire
    };
    if !step.questions().is_empty() {
        let stored = state.store.own_answers(part, id).await?.answers;
        state
            .store
            .save_answers(part, id, &merge_step(&step, &stored, &form), now)
            .await?;
    }
    let target = match go.as_str() {
        // Saved while being filled in (JavaScript's autosave): nothing more.
        "stay" => return Ok(()),
        "back" => steps
            .get(index.saturating_sub(1))
            .map(|s| crate::routes::questionnaire_step(s.code.as_str())),
        "later" => Some(crate::routes::questionnaire_saved()),
        _ => {
            step.validate(&form)
                .map_err(|e| AppError::invalid(e, echo(&form)))?;
            steps
                .get(index + 1)
                .map(|s| crate::routes::questionnaire_step(s.code.as_str()))
        }
    };
    leptos_axum::redirect(&target.unwrap_or_else(|| crate::routes::QUESTIONNAIRE.into()));
    Ok(())
}

/// Sends the questionnaire: every step must be complete. The register facts shown are kept
/// with the answers; the health answers go to their own table with the pilot's register data.
#[server(endpoint = "questionnaire/submit")]
pub async fn submit_questionnaire() -> Result<(), AppError> {
    use jobspor::jobseeker::questionnaire::check_complete;
    use jobspor_store::jobseekers::Submission;
    let (state, me) = crate::ssr::guard::citizen().await?;
    let plan = server::Plan::load(&state, me).await?;
    let steps = plan.steps()?;
    let kind = plan.questionnaire.ok_or(AppError::Forbidden)?;
    let (stored, health) = plan.answers(&state).await?;
    let answers = stored.answers;
    let done = check_complete(&steps, &answers, &health)
        .map_err(|(_, errors)| AppError::invalid(errors, Vec::new()))?;
    let (facts, pilot) = plan
        .facts(&state, jobspor::Lang::Da)
        .await?
        .unwrap_or_default();
    let submission = Submission {
        kind,
        answers: &done.answers,
        facts: &facts,
        health: done.health.as_ref().map(|h| (h, pilot.as_slice())),
    };
    state
        .store
        .submit_questionnaire(plan.me, &submission, state.clock.now())
        .await?;
    leptos_axum::redirect(&crate::routes::questionnaire_step(
        jobspor::jobseeker::questionnaire::RECEIPT,
    ));
    Ok(())
}
