//! The citizen's own CV: read it, save / edit / delete an entry of any section, keep a draft
//! of the section being edited, mark it searchable, preview it as an employer sees it.
//!
//! Every section goes through the same functions: the form arrives as `Fields` and is parsed
//! by `CvEntry::parse`, the same core code the browser runs before sending.
use crate::AppError;
#[cfg(feature = "ssr")]
use jobspor::cv::entry::CvSection;
use jobspor::cv::entry::{CvEntry, Fields};
use jobspor::CvEntryId;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyCvView {
    pub name: String,
    pub searchable: bool,
    /// "24-02-2027": the day a searchable CV stops being searchable unless the citizen logs
    /// in again (`retention::searchable_until`); `None` when not searchable.
    pub searchable_until: Option<String>,
    /// Phone and e-mail hidden from employers.
    pub hide_contact: bool,
    pub updated: String,
    /// (entry id, entry), in the CV's order.
    pub entries: Vec<(CvEntryId, CvEntry)>,
}

/// One section's page: its entries and the form as it should be filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionView {
    pub entries: Vec<(CvEntryId, CvEntry)>,
    /// The entry the form edits; `None` for a new one.
    pub editing: Option<CvEntryId>,
    /// What the form holds: a draft if there is one, else the entry being edited.
    pub form: Fields,
    /// "Sidst gemt …" when the form holds a draft.
    pub draft_saved: Option<String>,
}

#[cfg(feature = "ssr")]
fn section_of(code: &str) -> Result<CvSection, AppError> {
    CvSection::from_code(code).map_err(|_| AppError::NotFound)
}

/// An entry id from a form: empty means a new entry.
#[cfg(feature = "ssr")]
fn entry_id(raw: &str) -> Result<Option<CvEntryId>, AppError> {
    let raw = raw.trim();
    if raw.is_empty() {
        Ok(None)
    } else {
        raw.parse().map(Some).map_err(|_| AppError::NotFound)
    }
}

#[server(endpoint = "cv/mine")]
pub async fn get_my_cv() -> Result<MyCvView, AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    let citizen = state.store.citizen(me.id()).await?;
    let cv = state.store.cv_of_citizen(me).await?;
    Ok(MyCvView {
        name: citizen.person.full_name(),
        searchable: cv.searchable,
        searchable_until: jobspor::retention::searchable_until(
            cv.searchable,
            citizen.last_login_at,
        )
        .map(|t| jobspor::dates::format_da(jobspor::dates::danish_date(t))),
        hide_contact: cv.hide_contact,
        updated: jobspor::dates::format_da_time(cv.updated_at),
        entries: cv.entries.into_iter().map(|e| (e.id, e.entry)).collect(),
    })
}

/// A section's page. `edit` is the id of an entry to edit, or empty.
#[server(endpoint = "cv/section")]
pub async fn get_cv_section(section: String, edit: String) -> Result<SectionView, AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    let section = section_of(&section)?;
    let edit = entry_id(&edit)?;
    let cv = state.store.cv_of_citizen(me).await?;
    let entries: Vec<(CvEntryId, CvEntry)> =
        cv.of(section).map(|e| (e.id, e.entry.clone())).collect();
    let find = |id: CvEntryId| {
        entries
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, e)| e.to_fields())
            .ok_or(AppError::NotFound)
    };
    // A draft wins when it belongs to what is being opened (the same entry, or a new one).
    let draft = state
        .store
        .cv_draft(me, section)
        .await?
        .filter(|d| edit.is_none() || d.entry_id == edit);
    let (editing, form, draft_saved) = match (draft, edit) {
        (Some(d), _) => (
            d.entry_id,
            d.fields,
            Some(jobspor::dates::format_da_time(d.saved_at)),
        ),
        (None, Some(id)) => (Some(id), find(id)?, None),
        // A single text is edited in place.
        (None, None) if section.is_single() => match entries.first() {
            Some((id, e)) => (Some(*id), e.to_fields(), None),
            None => (None, Fields::new(), None),
        },
        (None, None) => (None, Fields::new(), None),
    };
    Ok(SectionView {
        entries,
        editing,
        form,
        draft_saved,
    })
}

/// Saves an entry of `section` (new when `id` is empty). A refused form is kept as the
/// section's draft, so a citizen without JavaScript loses nothing either.
#[server(endpoint = "cv/entry/save")]
pub async fn save_cv_entry(
    section: String,
    id: String,
    #[server(default)] form: Fields,
) -> Result<(), AppError> {
    use crate::api::echo;
    let (state, me) = crate::ssr::guard::citizen().await?;
    let section = section_of(&section)?;
    let id = entry_id(&id)?;
    let now = state.clock.now();
    let saved = match CvEntry::parse(section, &form, state.clock.today()) {
        Ok(entry) => match state.store.save_cv_entry(me, id, &entry, now).await {
            Ok(_) => Ok(()),
            // A refusal about the list (too many, a duplicate) is shown at the first field.
            Err(jobspor_store::StoreError::Refused(key)) => {
                let mut errors = jobspor::FieldErrors::new();
                errors.add(jobspor::cv::fields::fields(section)[0].name, key);
                Err(errors)
            }
            Err(e) => return Err(e.into()),
        },
        Err(errors) => Err(errors),
    };
    if let Err(errors) = saved {
        state
            .store
            .save_cv_draft(me, section, id, &form, now)
            .await?;
        return Err(AppError::invalid(errors, echo(&form)));
    }
    leptos_axum::redirect(&crate::routes::cv_section(section));
    Ok(())
}

/// Keeps what is typed in a section's form; answers with the time saved ("14:32").
#[server(endpoint = "cv/draft/save")]
pub async fn save_cv_draft(
    section: String,
    id: String,
    #[server(default)] form: Fields,
) -> Result<String, AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    let section = section_of(&section)?;
    let id = entry_id(&id)?;
    if !jobspor::cv::entry::draft_within_bounds(&form) {
        return Err(AppError::field("form", jobspor::Msg::TooLong, Vec::new()));
    }
    let now = state.clock.now();
    if !state
        .store
        .save_cv_draft(me, section, id, &form, now)
        .await?
    {
        return Err(AppError::field("form", jobspor::Msg::TooLong, Vec::new()));
    }
    Ok(jobspor::dates::format_da_time(now))
}

/// Throws away a section's draft ("Fortryd").
#[server(endpoint = "cv/draft/discard")]
pub async fn discard_cv_draft(section: String) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    let section = section_of(&section)?;
    state.store.discard_cv_draft(me, section).await?;
    leptos_axum::redirect(&crate::routes::cv_section(section));
    Ok(())
}

/// Deletes one entry of the citizen's CV.
#[server(endpoint = "cv/entry/delete")]
pub async fn delete_cv_entry(id: CvEntryId) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    state
        .store
        .delete_cv_entry(me, id, state.clock.now())
        .await?;
    Ok(())
}

/// `searchable` is "true" or "false" (the button pressed).
#[server(endpoint = "cv/searchable")]
pub async fn set_cv_searchable(searchable: String) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    let on = searchable == "true";
    state
        .store
        .set_cv_searchable(me, on, state.clock.now())
        .await
        .map_err(|e| match e {
            jobspor_store::StoreError::Refused(key) => {
                AppError::field("searchable", key, Vec::new())
            }
            other => other.into(),
        })
}

/// `hide` is "true" or "false" (the button pressed): hide phone and e-mail from employers.
#[server(endpoint = "cv/hide-contact")]
pub async fn set_cv_hide_contact(hide: String) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    Ok(state.store.set_cv_hide_contact(me, hide == "true").await?)
}

/// "Se dit CV som en arbejdsgiver ser det": the citizen's own CV built by the same policy
/// function as the employer's view, so it shows exactly what an employer would see. The
/// citizen reading their own CV is not an access to record.
#[server(endpoint = "cv/preview")]
pub async fn preview_my_cv() -> Result<jobspor::policy::EmployerCvView, AppError> {
    use jobspor::policy::{employer_view, CvOwner};
    let (state, me) = crate::ssr::guard::citizen().await?;
    let citizen = state.store.citizen(me.id()).await?;
    let cv = state.store.cv_of_citizen(me).await?;
    let owner = CvOwner {
        person: citizen.person,
        phone: citizen.phone,
        email: citizen.email,
        hide_contact: cv.hide_contact,
    };
    Ok(employer_view(
        cv.cv_id,
        &owner,
        cv.into_entries(),
        crate::lang::current(),
    ))
}
