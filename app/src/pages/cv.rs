//! "Mit CV": the whole CV section by section, each with a link to its own page, and the
//! searchable mark.
use crate::api::cv::{get_my_cv, SetCvHideContact, SetCvSearchable};
use crate::components::cv_entry::EntryView;
use crate::components::form::{form_state, ErrorSummary};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::lang::use_lang;
use crate::{routes, tr};
use jobspor::cv::entry::CvSection;
use leptos::prelude::*;

#[component]
pub fn MyCv() -> impl IntoView {
    let searchable = ServerAction::<SetCvSearchable>::new();
    let sv_state = form_state(searchable);
    let hide_contact = ServerAction::<SetCvHideContact>::new();
    let cv = Resource::new(
        move || (searchable.version().get(), hide_contact.version().get()),
        |_| get_my_cv(),
    );
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, cv.title)>
            <ErrorSummary state=sv_state form_id="searchable"/>
            <h1>{tr!(in lang, cv.title)}</h1>
            <ul class="nobullet-list cv-actions">
                <li><a class="function-link" href=routes::CV_PREVIEW>{tr!(in lang, cv.see_as_employer)}</a></li>
                <li><a class="function-link" href=routes::CV_PRINT>{tr!(in lang, cv.print)}</a></li>
                <li><a class="function-link" href=routes::EURES>{tr!(in lang, cv.eures_link)}</a></li>
            </ul>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match cv.await {
                        Ok(cv) => view! {
                            <section aria-labelledby="status" id="searchable-searchable">
                                <h2 id="status" class="h3">{tr!(in lang, cv.searchability_heading)}</h2>
                                {if cv.searchable {
                                    view! { <p><strong>{tr!(in lang, cv.searchable_until, until = cv.searchable_until.clone().unwrap_or_default())}</strong>{tr!(in lang, cv.searchable_note)}</p> }.into_any()
                                } else {
                                    view! { <p><strong>{tr!(in lang, cv.not_searchable)}</strong>{tr!(in lang, cv.not_searchable_note)}</p> }.into_any()
                                }}
                                <p class="form-hint">{tr!(in lang, cv.last_changed, at = cv.updated.clone())}</p>
                                <ActionForm attr:novalidate=true action=searchable>
                                    <input type="hidden" name="searchable" value=if cv.searchable { "false" } else { "true" }/>
                                    <button type="submit" class="button button-secondary">
                                        {if cv.searchable { tr!(in lang, cv.make_not_searchable) } else { tr!(in lang, cv.make_searchable) }}
                                    </button>
                                </ActionForm>
                            </section>
                            <section aria-labelledby="contact-visibility">
                                <h2 id="contact-visibility" class="h3">{tr!(in lang, cv.contact_heading)}</h2>
                                {if cv.hide_contact {
                                    view! { <p><strong>{tr!(in lang, cv.contact_hidden)}</strong>{tr!(in lang, cv.contact_hidden_note)}</p> }.into_any()
                                } else {
                                    view! { <p>{tr!(in lang, cv.contact_shown)}</p> }.into_any()
                                }}
                                <p class="form-hint">{tr!(in lang, cv.contact_advice)}</p>
                                <ActionForm attr:novalidate=true action=hide_contact>
                                    <input type="hidden" name="hide" value=if cv.hide_contact { "false" } else { "true" }/>
                                    <button type="submit" class="button button-secondary">
                                        {if cv.hide_contact { tr!(in lang, cv.show_contact) } else { tr!(in lang, cv.hide_contact) }}
                                    </button>
                                </ActionForm>
                            </section>
                            {CvSection::ALL.iter().map(|&section| {
                                let mine: Vec<_> = cv.entries.iter().filter(|(_, e)| e.section() == section).map(|(_, e)| e.clone()).collect();
                                let id = format!("cv-{}", section.code());
                                let what = section.label(lang).to_lowercase();
                                let link = if mine.is_empty() {
                                    tr!(in lang, cv.add_section_link, section = what)
                                } else {
                                    tr!(in lang, cv.edit_section_link, section = what)
                                };
                                view! {
                                    <section class="cv-section" aria-labelledby=id>
                                        <h2 id=id.clone()>{section.label(lang)}</h2>
                                        {(!section.visible_to_employers()).then(|| view! {
                                            <p class="form-hint">{tr!(in lang, cv.hidden_section)}</p>
                                        })}
                                        {if mine.is_empty() {
                                            view! { <p class="cv-empty">{tr!(in lang, cv.not_filled)}</p> }.into_any()
                                        } else {
                                            view! {
                                                <ul class="nobullet-list cv-entries">
                                                    {mine.into_iter().map(|entry| view! { <li class="cv-entry"><EntryView entry/></li> }).collect_view()}
                                                </ul>
                                            }.into_any()
                                        }}
                                        <p><a class="function-link" href=routes::cv_section(section)>{link}</a></p>
                                    </section>
                                }
                            }).collect_view()}
                        }.into_any(),
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Transition>
        </Page>
    }
}
