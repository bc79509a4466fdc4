//! The caseworker's pages: sign in, find a citizen by CPR number, read their sent
//! preparation questionnaire. The health answers are shown in their own section; opening
//! the page is the read, and the citizen sees it in "Min historik".
use crate::api::caseworker::{get_caseworker_home, get_citizen_case, FindCitizen};
use crate::components::form::{form_state, ErrorSummary, TextField};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::pages::jobseeker::{Facts, StepAnswers};
use crate::pages::login::SignInButton;
use crate::routes;
use jobspor::jobseeker::questionnaire::{health_step, steps, StepKind};
use jobspor::signin::Provider;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Caseworkers sign in through their organisation's identity provider, with a second
/// factor (the provider's `acr` must say so).
#[component]
pub fn CaseworkerLoginPage() -> impl IntoView {
    view! {
        <Page title="Log ind som sagsbehandler">
            <h1>"Log ind som sagsbehandler"</h1>
            <p>"Du logger ind med din organisations login og en engangskode (to faktorer)."</p>
            <SignInButton provider=Provider::Staff label="Log ind med medarbejderlogin"/>
        </Page>
    }
}

#[component]
pub fn CaseworkerHomePage() -> impl IntoView {
    let find = ServerAction::<FindCitizen>::new();
    let state = form_state(find);
    let home = Resource::new(|| (), |_| get_caseworker_home());
    view! {
        <Page title="Sagsbehandler">
            <ErrorSummary state form_id="find"/>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match home.await {
                        Ok(h) => view! {
                            <h1>{h.jobcentre}</h1>
                            <p>"Du er logget ind som " {h.name} "."</p>
                            <h2>"Find en borger"</h2>
                            <ActionForm attr:novalidate=true action=find>
                                <TextField state form_id="find" field="cpr" name="cpr" label="Borgerens CPR-nummer" hint="10 cifre, fx 010190-1234" inputmode="numeric" autocomplete="off" required=true/>
                                <button type="submit" class="button button-primary">"Find borger"</button>
                            </ActionForm>
                        }.into_any(),
                        Err(e) => on_error(e, Area::Caseworker),
                    }
                })}
            </Suspense>
        </Page>
    }
}

#[component]
pub fn CitizenCasePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params.with(|p| {
            p.get("id")
                .and_then(|i| i.parse::<jobspor::CitizenId>().ok())
                .unwrap_or(jobspor::CitizenId::new(0))
        })
    };
    let case = Resource::new(id, get_citizen_case);
    view! {
        <Page title="Borgerens forberedelsesskema">
            <p><a class="back-link" href=routes::CASEWORKER_HOME>"Find en anden borger"</a></p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let c = match case.await {
                        Ok(c) => c,
                        Err(e) => return on_error(e, Area::Caseworker),
                    };
                    let sent_steps = c.questionnaire.map(|q| steps(q, false)).unwrap_or_default();
                    view! {
                        <h1>{c.name.clone()}</h1>
                        <p>"Bopælskommune: " {c.municipality.clone()} ". Situation: " {c.situation.clone().unwrap_or_else(|| "Ikke tilmeldt som jobsøgende".into())} "."</p>
                        <section aria-labelledby="sent">
                            <h2 id="sent">"Forberedelsesskema"</h2>
                            {match (c.questionnaire, c.submitted_at.clone()) {
                                (Some(q), Some(at)) => view! {
                                    <p>{q.title_da()} ", sendt " {at} "."</p>
                                    {(!c.facts.is_empty()).then(|| view! { <h3>"Oplysninger fra registre"</h3><Facts facts=c.facts.clone() unavailable=false/> })}
                                    {sent_steps.into_iter().filter(|s| matches!(s.kind, StepKind::Questions(_))).map(|s| {
                                        let values = c.answers.clone();
                                        view! { <h3>{s.title}</h3><StepAnswers step=s values/> }
                                    }).collect_view()}
                                }.into_any(),
                                _ => view! { <p>"Borgeren har ikke sendt et forberedelsesskema."</p> }.into_any(),
                            }}
                        </section>
                        {c.health.clone().map(|(answers, facts, at)| {
                            view! {
                                <section aria-labelledby="health">
                                    <h2 id="health">"Helbred og job (følsomme oplysninger)"</h2>
                                    <p>"Borgeren kan se, at du har set disse svar."</p>
                                    {match at {
                                        Some(at) => view! {
                                            <p>"Sendt " {at} "."</p>
                                            <StepAnswers step=health_step() values=answers/>
                                            <h3>"Registeroplysninger til forsøget"</h3>
                                            <Facts facts unavailable=false/>
                                        }.into_any(),
                                        None => view! { <p>"Borgeren har ikke sendt svar om helbred."</p> }.into_any(),
                                    }}
                                </section>
                            }
                        })}
                    }.into_any()
                })}
            </Suspense>
        </Page>
    }
}
