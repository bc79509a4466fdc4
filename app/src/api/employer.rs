//! Employers: registration, the CV terms, search, and opening a CV.
use crate::AppError;
use jobspor::employer::EmployerRegistrationForm;
use jobspor::policy::EmployerCvView;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[server(endpoint = "employer/register")]
pub async fn register_employer(form: EmployerRegistrationForm) -> Result<(), AppError> {
    use crate::api::echo;
    use crate::ssr::{passwords, session, state::AppState};
    use jobspor::employer::EmployerRegistration;
    use jobspor_store::StoreError;
    let state = AppState::from_context()?;
    let echo = echo(&form.without_secrets());
    let reg = EmployerRegistration::try_from(&form).map_err(|e| AppError::invalid(e, echo.clone()))?;
    let hash = passwords::hash(&reg.password).await?;
    let id = match state.store.create_employer(&reg.company_name, reg.cvr.as_str(), reg.email.as_str(), &hash.0, state.clock.now()).await {
        Ok(id) => id,
        Err(StoreError::CvrTaken) => return Err(AppError::field("cvr", "cvr.taken", echo)),
        Err(StoreError::EmailTaken) => return Err(AppError::field("email", "email.taken", echo)),
        Err(e) => return Err(e.into()),
    };
    session::start("employer", id).await?;
    leptos_axum::redirect("/arbejdsgiver/vilkaar");
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermsView {
    pub company_name: String,
    pub accepted_on: Option<String>,
}

#[server(endpoint = "employer/terms")]
pub async fn get_terms_status() -> Result<TermsView, AppError> {
    use crate::ssr::{session::current_actor, state::AppState};
    use jobspor::policy::Actor;
    let state = AppState::from_context()?;
    let Actor::Employer { employer_id, terms_accepted } = current_actor().await? else { return Err(AppError::NotLoggedIn) };
    let e = state.store.employer(employer_id).await?;
    Ok(TermsView {
        company_name: e.company_name,
        accepted_on: e.terms_accepted_at.filter(|_| terms_accepted).map(jobspor::dates::format_da_time),
    })
}

/// `accept` is the checkbox: present ("on") when ticked, absent when not.
#[server(endpoint = "employer/accept-terms")]
pub async fn accept_terms(accept: Option<String>) -> Result<(), AppError> {
    use crate::ssr::{session::current_actor, state::AppState};
    use jobspor::policy::Actor;
    let state = AppState::from_context()?;
    let Actor::Employer { employer_id, .. } = current_actor().await? else { return Err(AppError::NotLoggedIn) };
    jobspor::employer::parse_terms_acceptance(accept.as_deref().unwrap_or("")).map_err(|e| AppError::invalid(e, Vec::new()))?;
    state.store.accept_employer_terms(employer_id, jobspor::employer::TERMS_VERSION, state.clock.now()).await?;
    leptos_axum::redirect("/arbejdsgiver/soeg");
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CvHitView {
    pub cv_id: i64,
    pub name: String,
    pub occupations: String,
    pub city: Option<String>,
    pub updated: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchView {
    pub query: String,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
    pub hits: Vec<CvHitView>,
}

pub const PAGE_SIZE: i64 = 20;

#[server(endpoint = "employer/search")]
pub async fn search_cvs(q: String, page: i64) -> Result<SearchView, AppError> {
    use crate::ssr::{session::current_actor, state::AppState};
    let state = AppState::from_context()?;
    jobspor::policy::may_search_cvs(&current_actor().await?)?;
    let page = page.max(1);
    let cutoff = jobspor::retention::searchable_login_cutoff(state.clock.now());
    let q = q.chars().take(200).collect::<String>();
    let result = state.store.search_cvs(&q, cutoff, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    Ok(SearchView {
        query: q,
        total: result.total,
        page,
        pages: (result.total + PAGE_SIZE - 1) / PAGE_SIZE,
        hits: result
            .hits
            .into_iter()
            .map(|h| CvHitView {
                cv_id: h.cv_id,
                name: h.name,
                occupations: h.occupations.join(", "),
                city: h.city,
                updated: jobspor::dates::format_da(jobspor::dates::danish_date(h.updated_at)),
            })
            .collect(),
    })
}

/// Opens a CV for an employer; the opening is recorded in the citizen's history.
#[server(endpoint = "employer/cv")]
pub async fn open_cv(cv_id: i64) -> Result<EmployerCvView, AppError> {
    use crate::ssr::{session::current_actor, state::AppState};
    let state = AppState::from_context()?;
    let employer_id = jobspor::policy::may_search_cvs(&current_actor().await?)?;
    let employer = state.store.employer(employer_id).await?;
    let now = state.clock.now();
    let cutoff = jobspor::retention::searchable_login_cutoff(now);
    let opened = state.store.open_cv_for_employer(employer_id, &employer.company_name, cv_id, cutoff, now).await?.ok_or(AppError::NotFound)?;
    Ok(jobspor::policy::employer_view(cv_id, &opened.owner, opened.entries))
}
