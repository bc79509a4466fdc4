//! Employers (signed in through MitID Erhverv): the CV terms, search, and opening a CV.
use crate::AppError;
use jobspor::cv_search::SearchForm;
use jobspor::policy::EmployerCvView;
use jobspor::{CvId, FieldErrors};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermsView {
    pub company_name: String,
    pub cvr: String,
    pub accepted_on: Option<String>,
    /// Who accepted the terms in force for the company.
    pub accepted_by: Option<String>,
}

#[server(endpoint = "employer/terms")]
pub async fn get_terms_status() -> Result<TermsView, AppError> {
    let (state, me) = crate::ssr::guard::employer().await?;
    let e = state.store.employer(me.id()).await?;
    let terms_accepted = e.accepted_current_terms();
    let accepted_by = match e.terms_accepted_by.filter(|_| terms_accepted) {
        Some(id) => Some(state.store.employer_user(id).await?.name),
        None => None,
    };
    Ok(TermsView {
        company_name: e.company_name,
        cvr: e.cvr,
        accepted_on: e
            .terms_accepted_at
            .filter(|_| terms_accepted)
            .map(jobspor::dates::format_da_time),
        accepted_by,
    })
}

/// `accept` is the checkbox: present ("on") when ticked, absent when not.
#[server(endpoint = "employer/accept-terms")]
pub async fn accept_terms(accept: Option<String>) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::employer_person().await?;
    jobspor::employer::parse_terms_acceptance(accept.as_deref().unwrap_or(""))
        .map_err(|e| AppError::invalid(e, Vec::new()))?;
    state
        .store
        .accept_employer_terms(me, jobspor::employer::TERMS_VERSION, state.clock.now())
        .await?;
    leptos_axum::redirect(crate::routes::EMPLOYER_SEARCH);
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CvHitView {
    pub cv_id: CvId,
    pub name: String,
    pub occupations: String,
    pub city: Option<String>,
    pub updated: String,
    /// The matching passage as (text, is a match) pieces; empty without search words.
    pub passage: Vec<(String, bool)>,
}

/// A search's page: the form as sent (kept, also when refused), its errors, the hits, and
/// the number of hits per filter value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchView {
    pub form: SearchForm,
    pub errors: FieldErrors,
    pub total: i64,
    /// There are at least `total` hits (counting stopped there).
    pub more: bool,
    pub page: u32,
    pub pages: u32,
    pub by_relevance: bool,
    pub hits: Vec<CvHitView>,
    /// Hits per facet key (`jobspor::cv_search::Facet::to_key`).
    pub counts: BTreeMap<String, i64>,
    /// The counts cover only the first `jobspor_store::search::POOL` hits.
    pub approximate: bool,
    /// (km, hits) for each distance offered, when a postcode is given.
    pub distance_counts: Vec<(u32, i64)>,
}

/// Searches the CVs employers may see. A refused filter comes back as field errors with the
/// form as sent, and no hits, so the page can show both; the browser sends the same form.
#[server(endpoint = "employer/search")]
pub async fn search_cvs(form: SearchForm) -> Result<SearchView, AppError> {
    let (state, _me) = crate::ssr::guard::employer_with_terms().await?;
    server::search(&state, form).await
}

/// Asks support to pass a message on to a citizen who hid their contact details.
#[server(endpoint = "employer/contact-request")]
pub async fn request_contact(cv_id: CvId, message: String) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::employer_with_terms().await?;
    let echo = vec![("message".to_string(), message.clone())];
    let message = jobspor::validation::required_text(&message, 2000)
        .map_err(|key| AppError::field("message", key, echo))?;
    let now = state.clock.now();
    let cutoff = jobspor::retention::searchable_login_cutoff(now);
    if !state
        .store
        .request_contact(me, cv_id, &message, cutoff, now)
        .await?
    {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(&crate::routes::employer_cv_message_sent(cv_id));
    Ok(())
}

/// Opens a CV for an employer; the opening is recorded in the citizen's history.
#[server(endpoint = "employer/cv")]
pub async fn open_cv(cv_id: CvId) -> Result<EmployerCvView, AppError> {
    let (state, me) = crate::ssr::guard::employer_with_terms().await?;
    if state.limits.cv_opening(me.id()).is_err() {
        // An operator should look: an employer reading this many CVs may be harvesting.
        tracing::warn!(
            alert = "cv_openings_ceiling",
            employer = %me.id(),
            "an employer reached the ceiling of CV openings per hour"
        );
        return Err(AppError::TooMany(jobspor::Msg::CvOpeningsCeiling));
    }
    let employer = state.store.employer(me.id()).await?;
    let now = state.clock.now();
    let cutoff = jobspor::retention::searchable_login_cutoff(now);
    let opened = state
        .store
        .open_cv_for_employer(me, &employer.company_name, cv_id, cutoff, now)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(jobspor::policy::employer_view(
        cv_id,
        &opened.owner,
        opened.entries,
        crate::lang::current(),
    ))
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::*;
    use crate::ssr::state::AppState;

    /// Searches the searchable CVs (for an employer, or a jobcentre's caseworker: the same
    /// search). A refused filter comes back as field errors with the form as sent.
    pub async fn search(state: &AppState, form: SearchForm) -> Result<SearchView, AppError> {
        use jobspor::cv_search::CvQuery;
        let mut view = SearchView {
            form: form.clone(),
            errors: FieldErrors::default(),
            total: 0,
            more: false,
            page: 1,
            pages: 0,
            by_relevance: false,
            hits: Vec::new(),
            counts: BTreeMap::new(),
            approximate: false,
            distance_counts: Vec::new(),
        };
        let q = match CvQuery::parse(&form) {
            Ok(q) => q,
            Err(errors) => {
                view.errors = errors;
                return Ok(view);
            }
        };
        let cutoff = jobspor::retention::searchable_login_cutoff(state.clock.now());
        let found = state.store.search_cvs(&q, cutoff).await?;
        view.counts = found.facets;
        view.approximate = found.facets_sampled;
        if let Some(near) = &q.near {
            view.distance_counts =
                jobspor::cv_search::hits_per_distance(&near.postcode, &view.counts);
        }
        view.total = found.total;
        view.more = found.more;
        view.page = q.page;
        view.pages = jobspor::cv_search::page_count(found.total);
        view.by_relevance = q.ranks_by_relevance();
        view.hits = found
            .hits
            .into_iter()
            .map(|h| CvHitView {
                cv_id: h.cv_id,
                name: h.name,
                occupations: h.occupations.join(", "),
                city: h.city,
                updated: jobspor::dates::format_da(jobspor::dates::danish_date(h.updated_at)),
                passage: h
                    .passage
                    .map(|p| jobspor::cv_search::highlight_pieces(&p))
                    .unwrap_or_default(),
            })
            .collect();
        Ok(view)
    }
}
