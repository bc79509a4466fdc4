//! A CV as an employer sees it: built by the policy's `employer_view`, so it holds no CPR
//! number and no protected address.
use crate::api::employer::open_cv;
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use jobspor::dates::format_da;
use jobspor::policy::EmployerCvView;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A CV as the policy's `EmployerCvView` holds it: the employer's page and the citizen's
/// preview render this one component, so the preview cannot drift from the real thing.
#[component]
pub fn CvAsEmployerSees(v: EmployerCvView, #[prop(default = true)] name_as_h1: bool) -> impl IntoView {
    let name = v.name.clone();
    view! {
        {if name_as_h1 { view! { <h1>{name}</h1> }.into_any() } else { view! { <h2>{name}</h2> }.into_any() }}
        <section aria-labelledby="contact">
            <h2 id="contact">"Kontaktoplysninger"</h2>
            <dl class="register-data">
                {v.address.clone().map(|a| view! {
                    <dt>"Adresse"</dt>
                    <dd>
                        {a.street}{a.co_address.map(|c| format!(", {c}"))}<br/>
                        {a.postcode} " " {a.city} ", " {a.country}
                    </dd>
                })}
                <dt>"Telefon"</dt><dd>{v.phone.clone().unwrap_or_else(|| "Ikke oplyst".into())}</dd>
                <dt>"E-mail"</dt><dd>{v.email.clone().unwrap_or_else(|| "Ikke oplyst".into())}</dd>
            </dl>
        </section>
        <section aria-labelledby="wishes">
            <h2 id="wishes">"Søger job som"</h2>
            <ul>
                {v.job_wishes.iter().map(|j| view! { <li>{j.occupation.clone()} " – " {j.working_time.label_da()} ", " {j.employment_type.label_da()}</li> }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="education">
            <h2 id="education">"Uddannelse"</h2>
            {v.educations.iter().map(|e| {
                let period = format!("{} – {}", format_da(e.start), e.end.map(format_da).unwrap_or_else(|| "nu".into()));
                view! {
                    <article class="cv-entry">
                        <h3 class="h4">{e.education.clone()} ", " {e.institution.clone()}</h3>
                        <p class="form-hint">{period}</p>
                        {e.description.clone().map(|t| view! { <p>{t}</p> })}
                    </article>
                }
            }).collect_view()}
        </section>
        <section aria-labelledby="experience">
            <h2 id="experience">"Erhvervserfaring"</h2>
            {v.work_experiences.iter().map(|w| {
                let period = format!("{} – {}", format_da(w.period.start()), w.period.end().map(format_da).unwrap_or_else(|| "nu".into()));
                view! {
                    <article class="cv-entry">
                        <h3 class="h4">{w.position.clone()} ", " {w.workplace.clone()}</h3>
                        <p class="form-hint">{period}</p>
                        {w.tasks.clone().map(|t| view! { <p>{t}</p> })}
                        {w.good_at.clone().map(|t| view! { <p><strong>"Særligt god til: "</strong>{t}</p> })}
                    </article>
                }
            }).collect_view()}
        </section>
    }
}

#[component]
pub fn EmployerCv() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|s| s.parse::<i64>().ok()).unwrap_or(0));
    let cv = Resource::new(id, open_cv);
    view! {
        <Page title="CV">
            <p><a class="back-link" href="javascript:history.back()">"Tilbage til søgningen"</a></p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match cv.await {
                        Ok(v) => view! { <CvAsEmployerSees v/> }.into_any(),
                        Err(e) => on_error(e, Area::Employer),
                    }
                })}
            </Suspense>
        </Page>
    }
}

/// "Se dit CV som en arbejdsgiver ser det".
#[component]
pub fn CvPreview() -> impl IntoView {
    let cv = Resource::new(|| (), |_| crate::api::cv::preview_my_cv());
    view! {
        <Page title="Dit CV som en arbejdsgiver ser det">
            <p><a class="back-link" href="/borger/cv">"Tilbage til Mit CV"</a></p>
            <h1>"Dit CV som en arbejdsgiver ser det"</h1>
            <div class="alert alert-info"><div class="alert-body"><p class="alert-text">
                "Sådan ser arbejdsgivere dit CV, når det er søgbart. Dit CPR-nummer og en beskyttet adresse vises aldrig for arbejdsgivere."
            </p></div></div>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match cv.await {
                        Ok(v) => view! { <CvAsEmployerSees v name_as_h1=false/> }.into_any(),
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Suspense>
        </Page>
    }
}
