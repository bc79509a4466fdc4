//! Min Plan and Min uddannelsesplan (issue 25): the jobcentre serving the citizen writes
//! it; the citizen reads it, marks it read and comments. The jobcentre's reading of the
//! plan (with the citizen's comments) is recorded for Min historik.
use crate::AppError;
use jobspor::form_fields::Fields;
use jobspor::track::plan::{PlanGoals, PlanTrack};
use jobspor::{CaseReference, PlanActivityId};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanActivityView {
    pub id: PlanActivityId,
    pub track: PlanTrack,
    pub description: String,
    pub period: String,
    pub status: String,
}

/// The plan as both sides see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanView {
    /// `None` until the jobcentre wrote the goals.
    pub goals: Option<PlanGoals>,
    /// The citizen has an education plan (uddannelseshjælp, or an uddannelsespålæg).
    pub education: bool,
    /// "Jobcenter Aarhus (Lene Sørensen)".
    pub written_by: Option<String>,
    pub changed: Option<String>,
    /// Marked read at or after the last change.
    pub read: bool,
    pub read_at: Option<String>,
    pub activities: Vec<PlanActivityView>,
    /// (when, text), oldest first.
    pub comments: Vec<(String, String)>,
}

/// The caseworker's page: the plan, and the forms to write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CasePlanView {
    pub name: String,
    pub plan: PlanView,
    pub goals_form: Fields,
    pub editing_activity: Option<PlanActivityId>,
    pub activity_form: Fields,
}

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    use crate::ssr::state::AppState;
    use jobspor::dates::format_da_time;
    use jobspor::track::plan::{education_plan_applies, read_as_it_stands};
    use jobspor_store::plans::PlanRecord;

    pub async fn education(
        state: &AppState,
        citizen: jobspor::CitizenId,
    ) -> Result<bool, AppError> {
        let situation = state
            .store
            .jobseeker(citizen)
            .await?
            .map(|j| j.registration.situation);
        Ok(education_plan_applies(situation))
    }

    pub fn view_of(p: PlanRecord, education: bool) -> PlanView {
        let lang = crate::lang::current();
        PlanView {
            written_by: p
                .organisation
                .as_ref()
                .zip(p.changed_by.as_ref())
                .map(|(o, n)| format!("{o} ({n})")),
            changed: p.changed_at.map(format_da_time),
            read: p
                .changed_at
                .is_some_and(|c| read_as_it_stands(c, p.read_at)),
            read_at: p.read_at.map(format_da_time),
            activities: p
                .activities
                .into_iter()
                .map(|(id, a)| PlanActivityView {
                    id,
                    track: a.track,
                    period: a.period(),
                    status: a.status.label(lang).to_string(),
                    description: a.description,
                })
                .collect(),
            comments: p
                .comments
                .into_iter()
                .map(|(at, text)| (format_da_time(at), text))
                .collect(),
            goals: p.goals,
            education,
        }
    }
}

#[server(endpoint = "citizen/plan")]
pub async fn get_my_plan() -> Result<PlanView, AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    let education = server::education(&state, me.id()).await?;
    Ok(server::view_of(state.store.my_plan(me).await?, education))
}

/// The citizen marks the plan, as it stands, read.
#[server(endpoint = "citizen/plan-read")]
pub async fn mark_plan_read() -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    if !state.store.mark_plan_read(me, state.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(crate::routes::PLAN);
    Ok(())
}

#[server(endpoint = "citizen/plan-comment")]
pub async fn comment_on_plan(#[server(default)] form: Fields) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    let echo = crate::api::echo_fields(&form);
    let comment =
        jobspor::track::plan::parse_comment(&form).map_err(|e| AppError::invalid(e, echo))?;
    state
        .store
        .comment_on_plan(me, &comment, state.clock.now())
        .await?;
    leptos_axum::redirect(crate::routes::PLAN);
    Ok(())
}

/// The plan of a citizen the jobcentre serves; `edit` opens one of its activities in the
/// form. The read is recorded.
#[server(endpoint = "caseworker/plan")]
pub async fn get_case_plan(
    reference: CaseReference,
    edit: String,
) -> Result<CasePlanView, AppError> {
    use jobspor::access::{AccessBasis, AccessWhat};
    let (state, me) = crate::ssr::guard::caseworker().await?;
    let (worker, citizen) =
        crate::api::caseworker::open_served_case(&state, me, &reference).await?;
    let basis = AccessBasis::ServedMunicipality(
        citizen.person.municipality_code.clone().unwrap_or_default(),
    );
    let read = crate::api::case::server::staff_read(
        &worker,
        citizen.id,
        &basis,
        AccessWhat::ReadPlan,
        state.clock.now(),
    );
    let record = state.store.plan_for_staff(citizen.id, &read).await?;
    let editing_activity = edit.trim().parse::<PlanActivityId>().ok();
    let activity_form = editing_activity
        .and_then(|id| record.activities.iter().find(|(a, _)| *a == id))
        .map(|(_, a)| a.fields())
        .unwrap_or_default();
    let goals_form = record
        .goals
        .as_ref()
        .map(PlanGoals::fields)
        .unwrap_or_default();
    let education = server::education(&state, citizen.id).await?;
    Ok(CasePlanView {
        name: citizen.person.full_name(),
        editing_activity: editing_activity.filter(|_| !activity_form.is_empty()),
        plan: server::view_of(record, education),
        goals_form,
        activity_form,
    })
}

#[server(endpoint = "caseworker/plan-goals")]
pub async fn save_plan_goals(
    reference: CaseReference,
    #[server(default)] form: Fields,
) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::caseworker().await?;
    let (worker, citizen) =
        crate::api::caseworker::open_served_case(&state, me, &reference).await?;
    let echo = crate::api::echo_fields(&form);
    let education = server::education(&state, citizen.id).await?;
    let goals = PlanGoals::parse(&form, education).map_err(|e| AppError::invalid(e, echo))?;
    let by = jobspor_store::plans::PlanAuthor {
        name: &worker.name,
        organisation: &worker.organisation,
    };
    state
        .store
        .save_plan_goals(citizen.id, &goals, by, state.clock.now())
        .await?;
    leptos_axum::redirect(&crate::routes::caseworker_plan(&reference));
    Ok(())
}

/// Adds an agreed activity, or changes one (`id`).
#[server(endpoint = "caseworker/plan-activity")]
pub async fn save_plan_activity(
    reference: CaseReference,
    #[server(default)] id: String,
    #[server(default)] form: Fields,
) -> Result<(), AppError> {
    use jobspor::track::plan::PlanActivity;
    let (state, me) = crate::ssr::guard::caseworker().await?;
    let (worker, citizen) =
        crate::api::caseworker::open_served_case(&state, me, &reference).await?;
    let id = match id.trim() {
        "" => None,
        raw => Some(
            raw.parse::<PlanActivityId>()
                .map_err(|_| AppError::NotFound)?,
        ),
    };
    let echo = crate::api::echo_fields(&form);
    let education = server::education(&state, citizen.id).await?;
    let activity = PlanActivity::parse(&form, state.clock.today(), education)
        .map_err(|e| AppError::invalid(e, echo.clone()))?;
    let by = jobspor_store::plans::PlanAuthor {
        name: &worker.name,
        organisation: &worker.organisation,
    };
    state
        .store
        .save_plan_activity(citizen.id, id, &activity, by, state.clock.now())
        .await
        .map_err(|e| match e {
            jobspor_store::StoreError::Refused(key) => AppError::field("description", key, echo),
            e => e.into(),
        })?;
    leptos_axum::redirect(&crate::routes::caseworker_plan(&reference));
    Ok(())
}
