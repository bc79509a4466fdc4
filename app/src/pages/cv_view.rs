//! A CV as an employer sees it: built by the policy's `employer_view`, so it holds no CPR
//! number and no protected address.
use crate::api::employer::open_cv;
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use jobspor::dates::format_da;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

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
                        Ok(v) => view! {
                            <h1>{v.name.clone()}</h1>
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
                        }.into_any(),
                        Err(e) => on_error(e, Area::Employer),
                    }
                })}
            </Suspense>
        </Page>
    }
}
