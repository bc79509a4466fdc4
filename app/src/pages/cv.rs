//! "Mit CV": the whole CV section by section, each with a link to its own page, and the
//! searchable mark.
use crate::api::cv::{get_my_cv, SetCvHideContact, SetCvSearchable};
use crate::components::cv_entry::EntryView;
use crate::components::form::{form_state, ErrorSummary};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::routes;
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
    view! {
        <Page title="Mit CV">
            <ErrorSummary state=sv_state form_id="searchable"/>
            <h1>"Mit CV"</h1>
            <ul class="nobullet-list cv-actions">
                <li><a class="function-link" href=routes::CV_PREVIEW>"Se dit CV som en arbejdsgiver ser det"</a></li>
                <li><a class="function-link" href=routes::CV_PRINT>"Udskriv dit CV"</a></li>
            </ul>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match cv.await {
                        Ok(cv) => view! {
                            <section aria-labelledby="status" id="searchable-searchable">
                                <h2 id="status" class="h3">"Søgbarhed"</h2>
                                {if cv.searchable {
                                    view! { <p><strong>"Dit CV er søgbart til " {cv.searchable_until.clone()} "."</strong>" Arbejdsgivere kan finde det, så længe du logger ind mindst hver 12. uge: hver gang du logger ind, gælder det 12 uger igen."</p> }.into_any()
                                } else {
                                    view! { <p><strong>"Dit CV er ikke søgbart."</strong>" Arbejdsgivere kan ikke finde det."</p> }.into_any()
                                }}
                                <p class="form-hint">"Senest ændret " {cv.updated.clone()}</p>
                                <ActionForm attr:novalidate=true action=searchable>
                                    <input type="hidden" name="searchable" value=if cv.searchable { "false" } else { "true" }/>
                                    <button type="submit" class="button button-secondary">
                                        {if cv.searchable { "Gør mit CV ikke-søgbart" } else { "Gør mit CV søgbart" }}
                                    </button>
                                </ActionForm>
                            </section>
                            <section aria-labelledby="contact-visibility">
                                <h2 id="contact-visibility" class="h3">"Dine kontaktoplysninger"</h2>
                                {if cv.hide_contact {
                                    view! { <p><strong>"Arbejdsgivere kan ikke se dit telefonnummer og din e-mail."</strong>" En arbejdsgiver, der vil kontakte dig, skriver til vores support, som giver dig besked."</p> }.into_any()
                                } else {
                                    view! { <p>"Arbejdsgivere, der finder dit CV, kan se dit telefonnummer og din e-mail."</p> }.into_any()
                                }}
                                <p class="form-hint">"Vi fraråder at skjule dem: arbejdsgivere kontakter sjældent jobsøgende, de ikke kan kontakte direkte."</p>
                                <ActionForm attr:novalidate=true action=hide_contact>
                                    <input type="hidden" name="hide" value=if cv.hide_contact { "false" } else { "true" }/>
                                    <button type="submit" class="button button-secondary">
                                        {if cv.hide_contact { "Vis mine kontaktoplysninger" } else { "Skjul mine kontaktoplysninger" }}
                                    </button>
                                </ActionForm>
                            </section>
                            {CvSection::ALL.iter().map(|&section| {
                                let mine: Vec<_> = cv.entries.iter().filter(|(_, e)| e.section() == section).map(|(_, e)| e.clone()).collect();
                                let id = format!("cv-{}", section.code());
                                let link = if mine.is_empty() { "Tilføj" } else { "Ret" };
                                view! {
                                    <section class="cv-section" aria-labelledby=id>
                                        <h2 id=id.clone()>{section.label_da()}</h2>
                                        {(!section.visible_to_employers()).then(|| view! {
                                            <p class="form-hint">"Kun du og din sagsbehandler i jobcenteret kan se dette. Arbejdsgivere ser det aldrig."</p>
                                        })}
                                        {if mine.is_empty() {
                                            view! { <p class="cv-empty">"Ikke udfyldt."</p> }.into_any()
                                        } else {
                                            view! {
                                                <ul class="nobullet-list cv-entries">
                                                    {mine.into_iter().map(|entry| view! { <li class="cv-entry"><EntryView entry/></li> }).collect_view()}
                                                </ul>
                                            }.into_any()
                                        }}
                                        <p><a class="function-link" href=routes::cv_section(section)>{format!("{link} {}", section.label_da().to_lowercase())}</a></p>
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
