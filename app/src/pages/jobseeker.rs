//! Registering as a job seeker, and the preparation questionnaire as a multi-step form:
//! "Trin x af y", each step saved when left, "Tjek dine svar" with a link back to each
//! answer, and a receipt. Every step is a plain form: the whole flow works without
//! JavaScript; with it, "Næste" first checks the step with the same core rules.
use crate::api::jobseeker::{
    get_questionnaire, AnswerStep, QuestionnaireView, RegisterJobseeker, SubmitQuestionnaire,
};
use crate::components::checked_form::{form_element_id, Check, CheckedForm};
use crate::components::fields_view::questions_view;
use crate::components::form::{answer_state, form_state, ErrorSummary, FormState};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::lang::use_lang;
use crate::tr;
use jobspor::form_fields::Fields;
use jobspor::jobseeker::eligibility::Questionnaire;
use jobspor::jobseeker::questionnaire::{find_step, steps, Step, StepCode, StepKind, RECEIPT};
use jobspor::jobseeker::register_data::RegisterFact;
use jobspor::jobseeker::registration::FIELDS;
use jobspor::Lang;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};

const FORM_ID: &str = "q";
use crate::routes;
use routes::questionnaire_step as step_url;

impl QuestionnaireView {
    fn steps(&self) -> Vec<Step> {
        self.questionnaire
            .map(|q| steps(q, self.health))
            .unwrap_or_default()
    }

    /// The answers a step reads and writes: health answers are kept apart.
    fn values_of(&self, step: &Step) -> &Fields {
        if step.is_health() {
            &self.health_answers
        } else {
            &self.answers
        }
    }

    fn is_done(&self, step: &Step) -> bool {
        step.validate(self.values_of(step)).is_ok()
    }
}

#[component]
pub(crate) fn Facts(facts: Vec<RegisterFact>, unavailable: bool) -> impl IntoView {
    let lang = use_lang();
    if unavailable {
        return view! {
            <div class="alert alert-warning" role="status">
                <div class="alert-body"><p class="alert-text">{tr!(in lang, jobseeker.registers_unavailable)}</p></div>
            </div>
        }
        .into_any();
    }
    view! {
        <dl class="answers register-facts">
            {facts.into_iter().map(|f| view! {
                <dt>{f.label}</dt>
                <dd>{f.value} " " <span class="fact-source">{tr!(in lang, jobseeker.fact_source, source = f.source)}</span></dd>
            }).collect_view()}
        </dl>
    }
    .into_any()
}

/// One step's answers read back: each question asked, its answer or "Ikke besvaret", and
/// with `edit` a link to the question on its step.
#[component]
pub(crate) fn StepAnswers(
    step: Step,
    values: Fields,
    #[prop(default = false)] edit: bool,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <dl class="answers">
            {step.questions().iter().filter(|q| q.is_asked(&values)).map(|q| {
                let answer = q.answer(&values, lang);
                let label = q.label.get(lang);
                let missing = answer.is_none() && q.required;
                let link = edit.then(|| format!("{}#{FORM_ID}-{}", step_url(step.code.as_str()), q.name));
                view! {
                    <dt>{label}</dt>
                    <dd class:answer-missing=missing>
                        {answer.unwrap_or_else(|| if q.required { tr!(in lang, jobseeker.not_answered).into() } else { "–".into() })}
                        {link.map(|href| view! { " " <a class="function-link" href=href aria-label=tr!(in lang, jobseeker.change_answer_label, question = label)>{tr!(in lang, jobseeker.change)}</a> })}
                    </dd>
                }
            }).collect_view()}
        </dl>
    }
}

/// The registration form, checked in the browser (`CheckedForm`). `children`: the page's
/// heading, below the error summary.
#[component]
fn RegisterForm(values: Fields, server: FormState, children: Children) -> impl IntoView {
    let state = Signal::stored(server);
    view! {
        <ErrorSummary state form_id="reg"/>
        {children()}
        <CheckedForm form_id="reg" check=Check::Registration lang=use_lang()>
            <form method="post" action=RegisterJobseeker::url() novalidate id=form_element_id("reg")>
                {questions_view(state, "reg", FIELDS, &values)}
                <button type="submit" class="button button-primary">{tr!(jobseeker.register_button)}</button>
            </form>
        </CheckedForm>
    }
}

#[component]
pub fn JobseekerRegistration() -> impl IntoView {
    let action = ServerAction::<RegisterJobseeker>::new();
    let data = Resource::new(|| (), |_| get_questionnaire(false));
    let lang = use_lang();
    let heading = move || {
        view! {
            <p><a class="back-link" href=routes::CITIZEN_HOME>{tr!(in lang, jobseeker.back_to_min_side)}</a></p>
            <h1>{tr!(in lang, jobseeker.register_title)}</h1>
            <p class="font-lead">{tr!(in lang, jobseeker.register_lead)}</p>
        }
    };
    view! {
        <Page title=tr!(in lang, jobseeker.register_title)>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(v) => {
                            let mut values = Fields::new();
                            if let Some(r) = v.registration {
                                values.insert("situation".into(), r.situation.code().into());
                                if let Some(a) = r.a_kasse {
                                    values.insert("a_kasse".into(), a.code().into());
                                }
                            }
                            view! {
                                <RegisterForm values server=answer_state(action)>{heading()}</RegisterForm>
                            }.into_any()
                        }
                        Err(e) => view! { {heading()} {on_error(e, Area::Citizen)} }.into_any(),
                    }
                })}
            </Suspense>
        </Page>
    }
}

#[component]
pub fn QuestionnaireOverview() -> impl IntoView {
    let query = use_query_map();
    let saved = move || query.with(|q| q.get(routes::SAVED_PARAM).is_some());
    let data = Resource::new(|| (), |_| get_questionnaire(false));
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, jobseeker.questionnaire_title)>
            <p><a class="back-link" href=routes::CITIZEN_HOME>{tr!(in lang, jobseeker.back_to_min_side)}</a></p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let v = match data.await {
                        Ok(v) => v,
                        Err(e) => return on_error(e, Area::Citizen),
                    };
                    let (Some(q), Some(r)) = (v.questionnaire, v.registration) else {
                        return view! {
                            <h1>{tr!(in lang, jobseeker.questionnaire_title)}</h1>
                            <p>{tr!(in lang, jobseeker.register_first)}</p>
                            <a class="button button-primary" href=routes::JOBSEEKER_REGISTRATION>{tr!(in lang, jobseeker.register_title)}</a>
                        }.into_any();
                    };
                    let registered = match r.a_kasse {
                        Some(a) => tr!(in lang, jobseeker.registered_as_member, situation = r.situation.label(lang), a_kasse = a.label(lang)),
                        None => tr!(in lang, jobseeker.registered_as, situation = r.situation.label(lang)),
                    };
                    let all = v.steps();
                    let started = !v.answers.is_empty() || !v.health_answers.is_empty();
                    // Start at the beginning; continue at the first step not done.
                    let next = if started { all.iter().find(|s| !v.is_done(s)) } else { all.first() }.or(all.last()).expect("a questionnaire has steps");
                    view! {
                        {saved().then(|| view! {
                            <div class="alert alert-success" role="status">
                                <div class="alert-body"><p class="alert-text">{tr!(in lang, jobseeker.answers_saved)}</p></div>
                            </div>
                        })}
                        <h1>{q.title(lang)}</h1>
                        <p>{registered} " "
                            <a class="function-link" href=routes::JOBSEEKER_REGISTRATION>{tr!(in lang, jobseeker.change_registration)}</a></p>
                        {v.submitted_at.clone().map(|at| view! {
                            <p>{tr!(in lang, jobseeker.sent_at, at = at)} " " <a class="function-link" href=step_url(RECEIPT)>{tr!(in lang, jobseeker.see_receipt)}</a></p>
                        })}
                        <h2>{tr!(in lang, jobseeker.steps_heading)}</h2>
                        <ol class="step-overview">
                            {all.iter().map(|s| {
                                let status = match s.kind {
                                    StepKind::Review => "",
                                    StepKind::RegisterData => tr!(in lang, jobseeker.status_read_only),
                                    _ if v.is_done(s) => tr!(in lang, jobseeker.status_done),
                                    _ => tr!(in lang, jobseeker.status_not_done),
                                };
                                view! { <li><a class="function-link" href=step_url(s.code.as_str())>{s.title.get(lang)}</a>{status}</li> }
                            }).collect_view()}
                        </ol>
                        <a class="button button-primary" href=step_url(next.code.as_str())>{if started { tr!(in lang, jobseeker.button_continue) } else { tr!(in lang, jobseeker.button_start) }}</a>
                    }.into_any()
                })}
            </Suspense>
        </Page>
    }
}

#[component]
pub fn QuestionnaireStepPage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.with(|p| p.get("step").unwrap_or_default());
    let answer = ServerAction::<AnswerStep>::new();
    let submit = ServerAction::<SubmitQuestionnaire>::new();
    let submit_state = form_state(submit);
    // Only the register step and "Tjek dine svar" show the register facts.
    let data = Resource::new(
        move || (code(), answer.version().get()),
        |(code, _)| {
            get_questionnaire(StepCode::parse(&code).is_some_and(StepCode::shows_register_facts))
        },
    );
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, jobseeker.questionnaire_title)>
            <ErrorSummary state=submit_state form_id="send"/>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let v = match data.await {
                        Ok(v) => v,
                        Err(e) => return on_error(e, Area::Citizen),
                    };
                    let code = code();
                    if code == RECEIPT {
                        return receipt(v, lang);
                    }
                    let all = v.steps();
                    let Some((index, step)) = find_step(&all, &code) else {
                        return on_error(crate::AppError::NotFound, Area::Citizen);
                    };
                    let total = all.len();
                    let header = view! {
                        <p><a class="back-link" href=routes::QUESTIONNAIRE>{tr!(in lang, jobseeker.to_overview)}</a></p>
                        <p class="step-indicator">{tr!(in lang, jobseeker.step_of, step = index + 1, total = total)}</p>
                        <h1>{step.title.get(lang)}</h1>
                        {(!step.intro.get(lang).is_empty()).then(|| view! { <p class="font-lead">{step.intro.get(lang)}</p> })}
                    };
                    match (step.kind, v.questionnaire) {
                        (StepKind::Review, _) | (_, None) => view! { {header} {review(&v, &all, submit, lang)} }.into_any(),
                        (kind, Some(questionnaire)) => {
                            let values = v.values_of(&step).clone();
                            view! {
                                <StepForm questionnaire health=v.health step=step.code.as_str().to_string() values
                                    first=index == 0 server=answer_state(answer)>
                                    {header}
                                    {(kind == StepKind::RegisterData).then(|| view! { <Facts facts=v.facts.clone() unavailable=v.facts_unavailable/> })}
                                </StepForm>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </Page>
    }
}

/// A step's form: "Næste" first checks the step with the core's rule in the browser, and
/// a changed step is saved every few seconds (`CheckedForm`, which finds the step again by
/// its code). `children`: the step's heading and the register facts, below the error summary.
#[component]
fn StepForm(
    questionnaire: Questionnaire,
    health: bool,
    step: String,
    values: Fields,
    first: bool,
    server: FormState,
    children: Children,
) -> impl IntoView {
    let state = Signal::stored(server);
    let lang = use_lang();
    let all = steps(questionnaire, health);
    let found = find_step(&all, &step).map(|(_, s)| s);
    let check = Check::Step {
        questionnaire,
        health,
        step,
    };
    view! {
        <ErrorSummary state form_id=FORM_ID/>
        {children()}
        {found.map(|step| view! {
            <CheckedForm form_id=FORM_ID check lang>
                <form method="post" action=AnswerStep::url() novalidate id=form_element_id(FORM_ID)>
                    <input type="hidden" name="step" value=step.code.as_str()/>
                    {questions_view(state, FORM_ID, step.questions(), &values)}
                    <p class="form-hint draft-status" role="status" aria-live="polite"></p>
                    <div class="step-buttons">
                        <button type="submit" class="button button-primary" name="go" value="next">{tr!(in lang, jobseeker.button_next)}</button>
                        {(!first).then(|| view! {
                            <button type="submit" class="button button-secondary" name="go" value="back" formnovalidate>{tr!(in lang, jobseeker.button_back)}</button>
                        })}
                        <button type="submit" class="button button-tertiary" name="go" value="later" formnovalidate>{tr!(in lang, jobseeker.button_later)}</button>
                    </div>
                </form>
            </CheckedForm>
        })}
    }
}

/// "Tjek dine svar": every step's answers with a link back to it, then "Send".
fn review(
    v: &QuestionnaireView,
    all: &[Step],
    submit: ServerAction<SubmitQuestionnaire>,
    lang: Lang,
) -> impl IntoView {
    let complete = all.iter().all(|s| v.is_done(s));
    view! {
        {all.iter().filter(|s| s.kind != StepKind::Review).map(|s| {
            let heading_id = format!("svar-{}", s.code.as_str());
            let labelled_by = heading_id.clone();
            view! {
                <section aria-labelledby=labelled_by>
                    <h2 id=heading_id class="h3">{s.title.get(lang)}</h2>
                    {match s.kind {
                        StepKind::RegisterData => view! { <Facts facts=v.facts.clone() unavailable=v.facts_unavailable/> }.into_any(),
                        _ => view! { <StepAnswers step=*s values=v.values_of(s).clone() edit=true/> }.into_any(),
                    }}
                </section>
            }
        }).collect_view()}
        {if complete {
            view! {
                <ActionForm attr:novalidate=true action=submit>
                    <button type="submit" class="button button-primary">{tr!(in lang, jobseeker.button_send)}</button>
                </ActionForm>
            }.into_any()
        } else {
            view! { <p class="answer-missing">{tr!(in lang, jobseeker.answers_missing)}</p> }.into_any()
        }}
    }
}

fn receipt(v: QuestionnaireView, lang: Lang) -> AnyView {
    let Some(at) = v.submitted_at.clone() else {
        return view! {
            <h1>{tr!(in lang, jobseeker.not_sent_yet)}</h1>
            <p><a class="function-link" href=routes::QUESTIONNAIRE>{tr!(in lang, jobseeker.go_to_questionnaire)}</a></p>
        }
        .into_any();
    };
    let title = v.questionnaire.map(|q| q.title(lang)).unwrap_or_default();
    view! {
        <div class="alert alert-success" role="status">
            <div class="alert-body">
                <h1 class="alert-heading">{tr!(in lang, jobseeker.receipt_heading)}</h1>
                <p class="alert-text">{tr!(in lang, jobseeker.receipt_text, title = title, at = at, jobcentre = v.jobcentre.clone())}</p>
            </div>
        </div>
        <p>{tr!(in lang, jobseeker.receipt_use)}</p>
        {v.steps().into_iter().filter(|s| matches!(s.kind, StepKind::Questions(_) | StepKind::Health(_))).map(|s| {
            let values = v.values_of(&s).clone();
            view! { <h2 class="h3">{s.title.get(lang)}</h2><StepAnswers step=s values/> }
        }).collect_view()}
        <p><a class="function-link" href=routes::CITIZEN_HOME>{tr!(in lang, jobseeker.back_to_min_side)}</a></p>
    }
    .into_any()
}
