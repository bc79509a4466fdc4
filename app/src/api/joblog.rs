//! Min Joblog and "Log om anden aktivitet" (issue 25): the citizen's own log, written only
//! by the citizen. Staff read it in the case view (`api::case`), the read recorded.
use crate::AppError;
use jobspor::form_fields::Fields;
use jobspor::track::joblog::{JoblogKind, PeriodCount};
use jobspor::JoblogEntryId;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One registration as the lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoblogItem {
    pub id: JoblogEntryId,
    pub kind: JoblogKind,
    pub heading: String,
    pub lines: Vec<String>,
}

/// The log with its counts; `silent_since` only in the jobcentre's view, when 30 days
/// without a registration raised the flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoblogView {
    pub entries: Vec<JoblogItem>,
    pub per_week: Vec<PeriodCount>,
    pub per_month: Vec<PeriodCount>,
    pub silent_since: Option<String>,
}

/// A registration's form: new, or one of the citizen's opened to change it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoblogFormView {
    pub kind: JoblogKind,
    pub editing: Option<JoblogEntryId>,
    pub values: Fields,
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::*;
    use jobspor_store::joblog::JoblogRecord;

    /// The view of a log, in the page's language.
    pub fn view_of(
        records: Vec<JoblogRecord>,
        silent_since: Option<chrono::DateTime<chrono::Utc>>,
    ) -> JoblogView {
        use jobspor::track::joblog::{per_month, per_week};
        let lang = crate::lang::current();
        let dates: Vec<_> = records.iter().map(|r| r.entry.date()).collect();
        JoblogView {
            per_week: per_week(&dates, lang),
            per_month: per_month(&dates, lang),
            entries: records
                .into_iter()
                .map(|r| {
                    let (heading, lines) = r.entry.display(lang);
                    JoblogItem {
                        id: r.id,
                        kind: r.entry.kind(),
                        heading,
                        lines,
                    }
                })
                .collect(),
            silent_since: silent_since
                .map(|s| jobspor::dates::format_da(jobspor::dates::danish_date(s))),
        }
    }
}

#[server(endpoint = "citizen/joblog")]
pub async fn get_my_joblog() -> Result<JoblogView, AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    Ok(server::view_of(state.store.joblog(me).await?, None))
}

/// The form of `kind` (an application or another activity), opened on one of the
/// citizen's registrations when `edit` names one.
#[server(endpoint = "citizen/joblog-form")]
pub async fn get_joblog_form(kind: String, edit: String) -> Result<JoblogFormView, AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    let kind = JoblogKind::from_code(&kind).map_err(|_| AppError::NotFound)?;
    if edit.trim().is_empty() {
        return Ok(JoblogFormView {
            kind,
            editing: None,
            values: Fields::new(),
        });
    }
    let id: JoblogEntryId = edit.parse().map_err(|_| AppError::NotFound)?;
    let record = state
        .store
        .joblog_entry(me, id)
        .await?
        .filter(|r| r.entry.kind() == kind)
        .ok_or(AppError::NotFound)?;
    Ok(JoblogFormView {
        kind,
        editing: Some(id),
        values: record.entry.fields(),
    })
}

/// Saves a registration: a new one, or one of the citizen's own (`id`).
#[server(endpoint = "citizen/joblog-save")]
pub async fn save_joblog_entry(
    kind: String,
    #[server(default)] id: String,
    #[server(default)] form: Fields,
) -> Result<(), AppError> {
    use jobspor::track::joblog::JoblogEntry;
    let (state, me) = crate::ssr::guard::citizen().await?;
    let kind = JoblogKind::from_code(&kind).map_err(|_| AppError::NotFound)?;
    let id = match id.trim() {
        "" => None,
        raw => Some(
            raw.parse::<JoblogEntryId>()
                .map_err(|_| AppError::NotFound)?,
        ),
    };
    let echo = crate::api::echo_fields(&form);
    let entry = JoblogEntry::parse(kind, &form, state.clock.today())
        .map_err(|errors| AppError::invalid(errors, echo))?;
    state
        .store
        .save_joblog_entry(me, id, &entry, state.clock.now())
        .await?;
    leptos_axum::redirect(&crate::routes::joblog_saved());
    Ok(())
}

/// Deletes one of the citizen's own registrations; another's is "not found".
#[server(endpoint = "citizen/joblog-delete")]
pub async fn delete_joblog_entry(id: JoblogEntryId) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    if !state.store.delete_joblog_entry(me, id).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(crate::routes::JOBLOG);
    Ok(())
}
