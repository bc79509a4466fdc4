//! "Mit CV": work experience and "Jeg søger job som" (the walking skeleton's sections), and
//! the searchable mark.
use crate::api::cv::{get_my_cv, AddEducation, AddJobWish, AddWorkExperience, DeleteCvEntry, SetCvSearchable};
use crate::components::form::{check_with, checked_form_state, form_state, ErrorSummary, RadioGroup, SubmitButton, TextArea, TextField};
use jobspor::cv::education::{Education, EducationForm, DESCRIPTION_MAX, TITLE_MAX};
use jobspor::cv::{CvSection, JobWish, JobWishForm, WorkExperience, WorkExperienceForm};
use jobspor::FieldErrors;
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use jobspor::cv::{EmploymentType, WorkingTime, GOOD_AT_MAX, OCCUPATION_MAX, POSITION_MAX, TASKS_MAX, WORKPLACE_MAX};
use jobspor::dates::format_da;
use leptos::html;
use leptos::prelude::*;

/// Clears a form after its action succeeded (with JavaScript; without, the page reloads empty).
fn reset_on_success<S>(action: ServerAction<S>, form: NodeRef<html::Form>)
where
    S: leptos::server_fn::ServerFn<Error = crate::AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(_))) {
            if let Some(f) = form.get() {
                f.reset();
            }
        }
    });
}

fn check_work_experience(v: serde_json::Value) -> FieldErrors {
    // The browser's idea of today; the server decides with its own clock.
    let today = jobspor::dates::danish_date(chrono::Utc::now());
    check_with(v, |f: &WorkExperienceForm| WorkExperience::parse(f, today).map(|_| ()))
}

fn check_education(v: serde_json::Value) -> FieldErrors {
    let today = jobspor::dates::danish_date(chrono::Utc::now());
    check_with(v, |f: &EducationForm| Education::parse(f, today).map(|_| ()))
}

fn check_job_wish(v: serde_json::Value) -> FieldErrors {
    check_with(v, |f: &JobWishForm| JobWish::parse(f).map(|_| ()))
}

/// A section's list of entries, or a line saying it is empty.
#[component]
fn Entries(section: CvSection, heading_id: &'static str, empty: &'static str, items: Vec<AnyView>) -> impl IntoView {
    view! {
        <section aria-labelledby=heading_id>
            <h2 id=heading_id>{section.label_da()}</h2>
            {if items.is_empty() {
                view! { <p>{empty}</p> }.into_any()
            } else {
                view! {
                    <ul class="nobullet-list cv-entries">
                        {items.into_iter().map(|item| view! { <li class="cv-entry">{item}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// The "Slet" button of one entry: a one-button form, so it works without JavaScript.
#[component]
fn DeleteEntry(action: ServerAction<DeleteCvEntry>, section: CvSection, id: i64, label: String) -> impl IntoView {
    view! {
        <ActionForm attr:novalidate=true action>
            <input type="hidden" name="section" value=section.code()/>
            <input type="hidden" name="id" value=id/>
            <button type="submit" class="function-link" aria-label=label>"Slet"</button>
        </ActionForm>
    }
}

#[component]
pub fn MyCv() -> impl IntoView {
    let add_we = ServerAction::<AddWorkExperience>::new();
    let delete = ServerAction::<DeleteCvEntry>::new();
    let add_jw = ServerAction::<AddJobWish>::new();
    let add_ed = ServerAction::<AddEducation>::new();
    let ed_browser = RwSignal::new(FieldErrors::new());
    let ed_state = checked_form_state(add_ed, ed_browser);
    let ed_form = NodeRef::<html::Form>::new();
    reset_on_success(add_ed, ed_form);
    let searchable = ServerAction::<SetCvSearchable>::new();
    let we_browser = RwSignal::new(FieldErrors::new());
    let jw_browser = RwSignal::new(FieldErrors::new());
    let we_state = checked_form_state(add_we, we_browser);
    let jw_state = checked_form_state(add_jw, jw_browser);
    let sv_state = form_state(searchable);
    let we_form = NodeRef::<html::Form>::new();
    let jw_form = NodeRef::<html::Form>::new();
    reset_on_success(add_we, we_form);
    reset_on_success(add_jw, jw_form);
    let cv = Resource::new(
        move || {
            (
                (add_we.version().get(), add_ed.version().get(), add_jw.version().get()),
                delete.version().get(),
                searchable.version().get(),
            )
        },
        |_| get_my_cv(),
    );
    let working_times: Vec<_> = WorkingTime::ALL.iter().map(|w| (w.code(), w.label_da())).collect();
    let employment_types: Vec<_> = EmploymentType::ALL.iter().map(|w| (w.code(), w.label_da())).collect();

    view! {
        <Page title="Mit CV">
            <ErrorSummary state=sv_state form_id="searchable"/>
            <ErrorSummary state=we_state form_id="we"/>
            <ErrorSummary state=ed_state form_id="ed"/>
            <ErrorSummary state=jw_state form_id="jw"/>
            <h1>"Mit CV"</h1>
            <p><a class="function-link" href="/borger/cv/som-arbejdsgiver">"Se dit CV som en arbejdsgiver ser det"</a></p>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match cv.await {
                        Ok(cv) => view! {
                            <section aria-labelledby="status" id="searchable-searchable">
                                <h2 id="status" class="h3">"Søgbarhed"</h2>
                                {if cv.searchable {
                                    view! { <p><strong>"Dit CV er søgbart."</strong>" Arbejdsgivere kan finde det, så længe du logger ind mindst hver 12. uge."</p> }.into_any()
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

                            <Entries section=CvSection::WorkExperience heading_id="we-heading" empty="Du har ikke tilføjet erhvervserfaring endnu."
                                items=cv.work_experiences.into_iter().map(|(id, w)| {
                                    let period = format!("{} – {}", format_da(w.period.start()), w.period.end().map(format_da).unwrap_or_else(|| "nu".into()));
                                    let label = format!("Slet {} hos {}", w.position, w.workplace);
                                    view! {
                                        <h3 class="h4">{w.position.clone()} ", " {w.workplace.clone()}</h3>
                                        <p class="form-hint">{period}</p>
                                        {w.tasks.clone().map(|t| view! { <p><strong>"Arbejdsopgaver: "</strong>{t}</p> })}
                                        {w.good_at.clone().map(|t| view! { <p><strong>"Det blev jeg særligt god til: "</strong>{t}</p> })}
                                        <DeleteEntry action=delete section=CvSection::WorkExperience id label/>
                                    }.into_any()
                                }).collect()/>
                            <Entries section=CvSection::Education heading_id="ed-heading" empty="Du har ikke tilføjet uddannelse endnu."
                                items=cv.educations.into_iter().map(|(id, e)| {
                                    let period = format!("{} – {}", format_da(e.start), e.end.map(format_da).unwrap_or_else(|| "nu".into()));
                                    let label = format!("Slet {} fra {}", e.education, e.institution);
                                    view! {
                                        <h3 class="h4">{e.education.clone()} ", " {e.institution.clone()}</h3>
                                        <p class="form-hint">{period}</p>
                                        {e.description.clone().map(|t| view! { <p>{t}</p> })}
                                        <DeleteEntry action=delete section=CvSection::Education id label/>
                                    }.into_any()
                                }).collect()/>
                            <Entries section=CvSection::JobWish heading_id="jw-heading" empty="Du har ikke angivet, hvilket job du søger."
                                items=cv.job_wishes.into_iter().map(|(id, j)| {
                                    let label = format!("Slet {}", j.occupation);
                                    view! {
                                        <h3 class="h4">{j.occupation.clone()}</h3>
                                        <p>{j.working_time.label_da()} ", " {j.employment_type.label_da()}</p>
                                        <DeleteEntry action=delete section=CvSection::JobWish id label/>
                                    }.into_any()
                                }).collect()/>
                        }.into_any(),
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Transition>

            <section aria-labelledby="we-add">
                <h2 id="we-add">"Tilføj erhvervserfaring"</h2>
                <ActionForm attr:novalidate=true action=add_we node_ref=we_form>
                    <TextField state=we_state form_id="we" field="position" name="form[position]" label="Stilling" maxlength=POSITION_MAX required=true/>
                    <TextField state=we_state form_id="we" field="workplace" name="form[workplace]" label="Arbejdsplads" maxlength=WORKPLACE_MAX required=true/>
                    <TextArea state=we_state form_id="we" field="tasks" name="form[tasks]" label="Arbejdsopgaver" max=TASKS_MAX/>
                    <TextArea state=we_state form_id="we" field="good_at" name="form[good_at]" label="Hvad blev jeg særligt god til" max=GOOD_AT_MAX/>
                    <TextField state=we_state form_id="we" field="start" name="form[start]" label="Startdato" kind="date" required=true/>
                    <TextField state=we_state form_id="we" field="end" name="form[end]" label="Slutdato" kind="date" hint="Lad feltet stå tomt, hvis det er dit nuværende job"/>
                    <SubmitButton label="Gem erhvervserfaring" check=check_work_experience browser=we_browser/>
                </ActionForm>
            </section>

            <section aria-labelledby="ed-add">
                <h2 id="ed-add">"Tilføj uddannelse"</h2>
                <ActionForm attr:novalidate=true action=add_ed node_ref=ed_form>
                    <TextField state=ed_state form_id="ed" field="education" name="form[education]" label="Uddannelse" maxlength=TITLE_MAX required=true/>
                    <TextField state=ed_state form_id="ed" field="institution" name="form[institution]" label="Skole/uddannelsessted" maxlength=TITLE_MAX required=true/>
                    <TextArea state=ed_state form_id="ed" field="description" name="form[description]" label="Beskrivelse af uddannelsen" max=DESCRIPTION_MAX/>
                    <TextField state=ed_state form_id="ed" field="start" name="form[start]" label="Startdato for uddannelsen" kind="date" required=true/>
                    <TextField state=ed_state form_id="ed" field="end" name="form[end]" label="Slutdato for uddannelsen" kind="date" hint="Forventet slutdato, hvis du er i gang"/>
                    <SubmitButton label="Gem uddannelse" check=check_education browser=ed_browser/>
                </ActionForm>
            </section>

            <section aria-labelledby="jw-add">
                <h2 id="jw-add">"Tilføj et job, du søger"</h2>
                <ActionForm attr:novalidate=true action=add_jw node_ref=jw_form>
                    <TextField state=jw_state form_id="jw" field="occupation" name="form[occupation]" label="Stillingsbetegnelse" maxlength=OCCUPATION_MAX required=true/>
                    <RadioGroup state=jw_state form_id="jw" field="working_time" name="form[working_time]" legend="Fuldtid eller deltid" options=working_times/>
                    <RadioGroup state=jw_state form_id="jw" field="employment_type" name="form[employment_type]" legend="Ansættelsesform" options=employment_types/>
                    <SubmitButton label="Gem job, du søger" check=check_job_wish browser=jw_browser/>
                </ActionForm>
            </section>
        </Page>
    }
}
