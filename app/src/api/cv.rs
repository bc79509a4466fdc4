//! The citizen's own CV: read, add and delete entries, mark searchable.
use crate::AppError;
use jobspor::cv::education::{Education, EducationForm};
use jobspor::cv::{JobWish, JobWishForm, WorkExperience, WorkExperienceForm};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCvView {
    pub searchable: bool,
    pub updated: String,
    pub work_experiences: Vec<(i64, WorkExperience)>,
    pub educations: Vec<(i64, Education)>,
    pub job_wishes: Vec<(i64, JobWish)>,
}

#[server(endpoint = "cv/mine")]
pub async fn get_my_cv() -> Result<MyCvView, AppError> {
    use crate::ssr::{session::current_actor, state::AppState};
    let state = AppState::from_context()?;
    let citizen_id = jobspor::policy::may_edit_own_cv(&current_actor().await?)?;
    let cv = state.store.cv_of_citizen(citizen_id).await?;
    Ok(MyCvView {
        searchable: cv.searchable,
        updated: jobspor::dates::format_da_time(cv.updated_at),
        work_experiences: cv.work_experiences,
        educations: cv.educations,
        job_wishes: cv.job_wishes,
    })
}

#[server(endpoint = "cv/work-experience/add")]
pub async fn add_work_experience(form: WorkExperienceForm) -> Result<(), AppError> {
    use crate::api::echo;
    use crate::ssr::{session::current_actor, state::AppState};
    let state = AppState::from_context()?;
    let citizen_id = jobspor::policy::may_edit_own_cv(&current_actor().await?)?;
    let w = WorkExperience::parse(&form, state.clock.today()).map_err(|e| AppError::invalid(e, echo(&form)))?;
    state.store.add_work_experience(citizen_id, &w, state.clock.now()).await?;
    Ok(())
}


#[server(endpoint = "cv/education/add")]
pub async fn add_education(form: EducationForm) -> Result<(), AppError> {
    use crate::api::echo;
    use crate::ssr::{session::current_actor, state::AppState};
    let state = AppState::from_context()?;
    let citizen_id = jobspor::policy::may_edit_own_cv(&current_actor().await?)?;
    let e = Education::parse(&form, state.clock.today()).map_err(|e| AppError::invalid(e, echo(&form)))?;
    state.store.add_education(citizen_id, &e, state.clock.now()).await?;
    Ok(())
}


#[server(endpoint = "cv/job-wish/add")]
pub async fn add_job_wish(form: JobWishForm) -> Result<(), AppError> {
    use crate::api::echo;
    use crate::ssr::{session::current_actor, state::AppState};
    let state = AppState::from_context()?;
    let citizen_id = jobspor::policy::may_edit_own_cv(&current_actor().await?)?;
    let w = JobWish::parse(&form).map_err(|e| AppError::invalid(e, echo(&form)))?;
    state.store.add_job_wish(citizen_id, &w, state.clock.now()).await?;
    Ok(())
}


/// Deletes one entry of a CV section (`section` is a `CvSection` code).
#[server(endpoint = "cv/entry/delete")]
pub async fn delete_cv_entry(section: String, id: i64) -> Result<(), AppError> {
    use crate::ssr::{session::current_actor, state::AppState};
    let state = AppState::from_context()?;
    let citizen_id = jobspor::policy::may_edit_own_cv(&current_actor().await?)?;
    let section = jobspor::cv::CvSection::from_code(&section).map_err(|key| AppError::field("section", key, Vec::new()))?;
    state.store.delete_cv_entry(citizen_id, section, id, state.clock.now()).await?;
    Ok(())
}

/// `searchable` is "true" or "false" (the button pressed).
#[server(endpoint = "cv/searchable")]
pub async fn set_cv_searchable(searchable: String) -> Result<(), AppError> {
    use crate::ssr::{session::current_actor, state::AppState};
    let state = AppState::from_context()?;
    let citizen_id = jobspor::policy::may_edit_own_cv(&current_actor().await?)?;
    let on = searchable == "true";
    state
        .store
        .set_cv_searchable(citizen_id, on, state.clock.now())
        .await?
        .map_err(|key| AppError::field("searchable", key, Vec::new()))
}

/// "Se dit CV som en arbejdsgiver ser det": the citizen's own CV built by the same policy
/// function as the employer's view, so it shows exactly what an employer would see. The
/// citizen reading their own CV is not an access to record.
#[server(endpoint = "cv/preview")]
pub async fn preview_my_cv() -> Result<jobspor::policy::EmployerCvView, AppError> {
    use crate::ssr::{session::current_actor, state::AppState};
    use jobspor::policy::{employer_view, CvOwner, VisibleSections};
    let state = AppState::from_context()?;
    let citizen_id = jobspor::policy::may_edit_own_cv(&current_actor().await?)?;
    let citizen = state.store.citizen(citizen_id).await?;
    let cv = state.store.cv_of_citizen(citizen_id).await?;
    let owner = CvOwner { person: citizen.person, phone: citizen.phone, email: citizen.email };
    let sections = VisibleSections {
        work_experiences: cv.work_experiences.into_iter().map(|(_, w)| w).collect(),
        educations: cv.educations.into_iter().map(|(_, e)| e).collect(),
        job_wishes: cv.job_wishes.into_iter().map(|(_, j)| j).collect(),
    };
    Ok(employer_view(cv.cv_id, &owner, sections))
}
