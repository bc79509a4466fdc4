//! The caseworker's pages: sign in, find a citizen by CPR number, read their sent
//! preparation questionnaire. The health answers are shown in their own section; opening
//! the page is the read, and the citizen sees it in "Min historik".
use crate::api::caseworker::{get_caseworker_home, get_citizen_case, get_my_lookups, FindCitizen};
use crate::components::cv_entry::CvDocument;
use crate::components::form::{form_state, ErrorSummary, TextField};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::lang::use_lang;
use crate::pages::jobseeker::{Facts, StepAnswers};
use crate::pages::login::SignInButton;
use crate::{routes, tr};
use jobspor::jobseeker::questionnaire::{health_step, steps, StepKind};
use jobspor::signin::Provider;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Caseworkers sign in through their organisation's identity provider, with a second
/// factor (the provider's `acr` must say so).
#[component]
pub fn CaseworkerLoginPage() -> impl IntoView {
    view! {
        <Page title=tr!(caseworker.login_title)>
            <h1>{tr!(caseworker.login_title)}</h1>
            <p>{tr!(caseworker.login_intro)}</p>
            <SignInButton provider=Provider::Staff label=tr!(caseworker.login_button)/>
        </Page>
    }
}

#[component]
pub fn CaseworkerHomePage() -> impl IntoView {
    let find = ServerAction::<FindCitizen>::new();
    let state = form_state(find);
    let home = Resource::new(|| (), |_| get_caseworker_home());
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, caseworker.home_title)>
            <ErrorSummary state form_id="find"/>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match home.await {
                        Ok(h) => view! {
                            <h1>{h.jobcentre}</h1>
                            <p>{tr!(in lang, caseworker.logged_in_as, name = h.name)}</p>
                            <h2>{tr!(in lang, caseworker.find_citizen)}</h2>
                            <ActionForm attr:novalidate=true action=find>
                                <TextField state form_id="find" field="cpr" name="cpr" label=tr!(in lang, caseworker.cpr_label) hint=tr!(in lang, caseworker.cpr_hint) inputmode="numeric" autocomplete="off" required=true/>
                                <button type="submit" class="button button-primary">{tr!(in lang, caseworker.find_button)}</button>
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
    // Anything but a reference is one no caseworker holds: the server answers "not found".
    let reference = move || {
        params.with(|p| {
            p.get("id")
                .and_then(|i| i.parse::<jobspor::CaseReference>().ok())
                .unwrap_or_else(|| jobspor::CaseReference::from_bytes([0; 16]))
        })
    };
    let case = Resource::new(reference, get_citizen_case);
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, caseworker.case_title)>
            <p><a class="back-link" href=routes::CASEWORKER_HOME>{tr!(in lang, caseworker.find_another)}</a></p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let c = match case.await {
                        Ok(c) => c,
                        Err(e) => return on_error(e, Area::Caseworker),
                    };
                    let sent_steps = c.questionnaire.map(|q| steps(q, false)).unwrap_or_default();
                    view! {
                        <h1>{c.name.clone()}</h1>
                        <p>{tr!(in lang, caseworker.citizen_summary, municipality = c.municipality.clone(), situation = c.situation.map(|s| s.label(lang)).unwrap_or_else(|| tr!(in lang, caseworker.not_registered)))}</p>
                        <section aria-labelledby="profile">
                            <h2 id="profile">{tr!(in lang, caseworker.profile_heading)}</h2>
                            <dl class="answers">
                                {c.register.clone().into_iter().map(|f| view! { <dt>{f.label}</dt><dd>{f.value}</dd> }).collect_view()}
                                <dt>{tr!(in lang, caseworker.phone)}</dt><dd>{c.contact.phone.clone().unwrap_or_else(|| "–".into())}</dd>
                                <dt>{tr!(in lang, caseworker.email)}</dt><dd>{c.contact.email.clone().unwrap_or_else(|| "–".into())}</dd>
                                <dt>{tr!(in lang, caseworker.reminders_sms)}</dt><dd>{if c.contact.sms_reminders { tr!(in lang, caseworker.yes) } else { tr!(in lang, caseworker.no) }}</dd>
                                <dt>{tr!(in lang, caseworker.reminders_email)}</dt><dd>{if c.contact.email_reminders { tr!(in lang, caseworker.yes) } else { tr!(in lang, caseworker.no) }}</dd>
                            </dl>
                        </section>
                        <section aria-labelledby="cv">
                            <h2 id="cv">{tr!(in lang, caseworker.cv_heading)}</h2>
                            {if c.cv.is_empty() {
                                view! { <p>{tr!(in lang, caseworker.cv_empty)}</p> }.into_any()
                            } else {
                                view! { <p>{tr!(in lang, caseworker.cv_intro)}</p><CvDocument entries=c.cv.clone()/> }.into_any()
                            }}
                        </section>
                        <section aria-labelledby="sent">
                            <h2 id="sent">{tr!(in lang, caseworker.questionnaire_heading)}</h2>
                            {match (c.questionnaire, c.submitted_at.clone()) {
                                (Some(q), Some(at)) => view! {
                                    <p>{tr!(in lang, caseworker.questionnaire_sent, title = q.title(lang), at = at)}</p>
                                    {(!c.facts.is_empty()).then(|| view! { <h3>{tr!(in lang, caseworker.register_facts)}</h3><Facts facts=c.facts.clone() unavailable=false/> })}
                                    {sent_steps.into_iter().filter(|s| matches!(s.kind, StepKind::Questions(_))).map(|s| {
                                        let values = c.answers.clone();
                                        view! { <h3>{s.title.get(lang)}</h3><StepAnswers step=s values/> }
                                    }).collect_view()}
                                }.into_any(),
                                _ => view! { <p>{tr!(in lang, caseworker.no_questionnaire)}</p> }.into_any(),
                            }}
                        </section>
                        {c.health.clone().map(|(answers, facts, at)| {
                            view! {
                                <section aria-labelledby="health">
                                    <h2 id="health">{tr!(in lang, caseworker.health_heading)}</h2>
                                    <p>{tr!(in lang, caseworker.health_seen_notice)}</p>
                                    {match at {
                                        Some(at) => view! {
                                            <p>{tr!(in lang, caseworker.health_sent, at = at)}</p>
                                            <StepAnswers step=health_step() values=answers/>
                                            <h3>{tr!(in lang, caseworker.health_register_facts)}</h3>
                                            <Facts facts unavailable=false/>
                                        }.into_any(),
                                        None => view! { <p>{tr!(in lang, caseworker.no_health)}</p> }.into_any(),
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

/// The caseworker's own audit: their lookups by CPR number, hits and misses.
#[component]
pub fn LookupsPage() -> impl IntoView {
    let lookups = Resource::new(|| (), |_| get_my_lookups());
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, caseworker.lookups_title)>
            <h1>{tr!(in lang, caseworker.lookups_title)}</h1>
            <p>{tr!(in lang, caseworker.lookups_intro)}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match lookups.await {
                        Ok(rows) if rows.is_empty() => view! { <p>{tr!(in lang, caseworker.lookups_none)}</p> }.into_any(),
                        Ok(rows) => view! {
                            <table class="table">
                                <caption class="sr-only">{tr!(in lang, caseworker.lookups_title)}</caption>
                                <thead><tr>
                                    <th scope="col">{tr!(in lang, caseworker.lookups_col_when)}</th>
                                    <th scope="col">{tr!(in lang, caseworker.lookups_col_cpr)}</th>
                                    <th scope="col">{tr!(in lang, caseworker.lookups_col_result)}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|r| view! {
                                        <tr>
                                            <td>{r.when}</td>
                                            <td>{r.cpr}</td>
                                            <td>{if r.found { tr!(in lang, caseworker.lookups_found) } else { tr!(in lang, caseworker.lookups_not_found) }}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(e) => on_error(e, Area::Caseworker),
                    }
                })}
            </Suspense>
        </Page>
    }
}
