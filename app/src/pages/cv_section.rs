//! One CV section's page: its entries (edit, delete) and the form to add or edit one.
//! `?rediger=<id>` opens an entry in the form, so editing works without JavaScript.
use crate::api::cv::{get_cv_section, DeleteCvEntry, DiscardCvDraft, SaveCvEntry};
use crate::components::cv_entry::EntryView;
use crate::components::form::{answer_state, ErrorSummary};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::components::section_form::{
    needs_occupations, OccupationsDatalist, SectionForm, FORM_ID,
};
use crate::lang::use_lang;
use crate::{routes, tr};
use jobspor::cv::entry::CvSection;
use jobspor::cv::fields::fields;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn CvSectionPage() -> impl IntoView {
    let params = use_params_map();
    section_page(Signal::derive(move || {
        params.with(|p| p.get("section").unwrap_or_default())
    }))
}

/// Mit fravær (issue 25): the CV's absence section as its own page — one registration,
/// which the jobcentre and the a-kasse read with the CV, and employers and EURES never.
#[component]
pub fn AbsencePage() -> impl IntoView {
    section_page(Signal::derive(|| CvSection::Absence.code().to_string()))
}

fn section_page(section: Signal<String>) -> impl IntoView {
    let query = use_query_map();
    let edit = move || query.with(|q| q.get(routes::EDIT_PARAM).unwrap_or_default());
    let save = ServerAction::<SaveCvEntry>::new();
    let delete = ServerAction::<DeleteCvEntry>::new();
    let discard = ServerAction::<DiscardCvDraft>::new();
    let data = Resource::new(
        move || {
            (
                section.get(),
                edit(),
                save.version().get(),
                delete.version().get(),
                discard.version().get(),
            )
        },
        |(s, e, ..)| get_cv_section(s, e),
    );
    let lang = use_lang();
    // The route component is made anew when another section is opened from "Mit CV".
    let opened = CvSection::from_code(&section.get_untracked()).ok();
    let title = opened.map(|s| s.label(lang)).unwrap_or("CV");
    let back = match opened {
        Some(CvSection::Absence) => view! { <p><a class="back-link" href=routes::CITIZEN_HOME>{tr!(in lang, cv.back_to_min_side)}</a></p> }.into_any(),
        _ => view! { <p><a class="back-link" href=routes::MY_CV>{tr!(in lang, cv.back_to_cv)}</a></p> }.into_any(),
    };
    view! {
        <Page title=title>
            {back}
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let Ok(section_code) = CvSection::from_code(&section.get()) else {
                        return on_error(crate::AppError::NotFound, Area::Citizen);
                    };
                    match data.await {
                        Ok(v) => {
                            let s = section_code;
                            let heading = match v.editing {
                                Some(_) => tr!(in lang, cv.edit_entry_heading, what = s.entry_noun(lang)),
                                None => tr!(in lang, cv.add_entry_heading, what = s.entry_noun(lang)),
                            };
                            let has_draft = v.draft_saved.is_some();
                            let server = answer_state(save);
                            view! {
                                <ErrorSummary state=Signal::stored(server.clone()) form_id=FORM_ID/>
                                <h1>{s.label(lang)}</h1>
                                {(!s.intro(lang).is_empty()).then(|| view! { <p class="font-lead">{s.intro(lang)}</p> })}
                                {(!s.is_single() || !v.entries.is_empty()).then(|| view! {
                                    <section aria-labelledby="entries">
                                        <h2 id="entries" class="h3">{tr!(in lang, cv.entries_heading)}</h2>
                                        {if v.entries.is_empty() {
                                            view! { <p>{tr!(in lang, cv.not_filled_yet)}</p> }.into_any()
                                        } else {
                                            view! {
                                                <ul class="nobullet-list cv-entries">
                                                    {v.entries.iter().cloned().map(|(id, entry)| {
                                                        let name = entry.display(lang).0;
                                                        view! {
                                                            <li class="cv-entry">
                                                                <EntryView entry/>
                                                                <div class="cv-entry-actions">
                                                                    <a class="function-link" href=routes::cv_section_edit(s, id) aria-label=tr!(in lang, cv.edit_entry_label, name = name.clone())>{tr!(in lang, cv.edit)}</a>
                                                                    <ActionForm attr:novalidate=true action=delete>
                                                                        <input type="hidden" name="id" value=id.to_string()/>
                                                                        <button type="submit" class="function-link" aria-label=tr!(in lang, cv.delete_entry_label, name = name.clone())>{tr!(in lang, cv.delete)}</button>
                                                                    </ActionForm>
                                                                </div>
                                                            </li>
                                                        }
                                                    }).collect_view()}
                                                </ul>
                                            }.into_any()
                                        }}
                                    </section>
                                })}
                                <section aria-labelledby="form-heading">
                                    <h2 id="form-heading" class="h3">{heading}</h2>
                                    <SectionForm section=s editing=v.editing initial=v.form draft_saved=v.draft_saved server/>
                                    {needs_occupations(fields(s)).then(|| view! { <OccupationsDatalist/> })}
                                    {has_draft.then(|| view! {
                                        <ActionForm attr:novalidate=true action=discard>
                                            <input type="hidden" name="section" value=s.code()/>
                                            <button type="submit" class="button button-tertiary">{tr!(in lang, cv.discard_draft)}</button>
                                        </ActionForm>
                                    })}
                                </section>
                            }.into_any()
                        }
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Transition>
        </Page>
    }
}
