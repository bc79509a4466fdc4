//! A citizen's case as staff read it (`api::case::CitizenCase`): each part the reader may
//! see as its own section; a part the policy hides is not on the page at all.
use crate::api::case::{CitizenCase, ConsentView};
use crate::components::cv_entry::CvDocument;
use crate::lang::use_lang;
use crate::pages::jobseeker::{Facts, StepAnswers};
use crate::pages::track::JoblogList;
use crate::tr;
use jobspor::jobseeker::questionnaire::{health_step, steps, StepKind};
use leptos::prelude::*;

/// The case's sections, below the page's own heading.
#[component]
pub fn CaseDocument(case: CitizenCase) -> impl IntoView {
    let lang = use_lang();
    let c = case;
    let yes_no = move |b: bool| {
        if b {
            tr!(in lang, caseworker.yes)
        } else {
            tr!(in lang, caseworker.no)
        }
    };
    let profile = (c.register.is_some() || c.contact.is_some() || c.reminders.is_some()).then(|| {
        view! {
            <section aria-labelledby="profile">
                <h2 id="profile">{tr!(in lang, caseworker.profile_heading)}</h2>
                <dl class="answers">
                    {c.register.clone().unwrap_or_default().into_iter().map(|f| view! { <dt>{f.label}</dt><dd>{f.value}</dd> }).collect_view()}
                    {c.contact.clone().map(|k| view! {
                        <dt>{tr!(in lang, caseworker.phone)}</dt><dd>{k.phone.unwrap_or_else(|| "–".into())}</dd>
                        <dt>{tr!(in lang, caseworker.email)}</dt><dd>{k.email.unwrap_or_else(|| "–".into())}</dd>
                    })}
                    {c.reminders.map(|r| view! {
                        <dt>{tr!(in lang, caseworker.reminders_sms)}</dt><dd>{yes_no(r.sms)}</dd>
                        <dt>{tr!(in lang, caseworker.reminders_email)}</dt><dd>{yes_no(r.email)}</dd>
                    })}
                </dl>
            </section>
        }
    });
    let cv = c.cv.clone().map(|entries| {
        let intro = if c.cv_with_special_considerations {
            tr!(in lang, caseworker.cv_intro)
        } else {
            tr!(in lang, caseworker.cv_intro_partial)
        };
        view! {
            <section aria-labelledby="cv">
                <h2 id="cv">{tr!(in lang, caseworker.cv_heading)}</h2>
                {if entries.is_empty() {
                    view! { <p>{tr!(in lang, caseworker.cv_empty)}</p> }.into_any()
                } else {
                    view! { <p>{intro}</p><CvDocument entries/> }.into_any()
                }}
            </section>
        }
    });
    let registration = c.registration.clone().map(|r| {
        view! {
            <section aria-labelledby="registration">
                <h2 id="registration">{tr!(in lang, caseworker.registration_heading)}</h2>
                {match r.situation {
                    Some(s) => view! {
                        <dl class="answers">
                            <dt>{tr!(in lang, caseworker.situation)}</dt><dd>{s.label(lang)}</dd>
                            {r.a_kasse.map(|a| view! { <dt>{tr!(in lang, caseworker.a_kasse)}</dt><dd>{a}</dd> })}
                            {r.registered_at.map(|at| view! { <dt>{tr!(in lang, caseworker.registered_at)}</dt><dd>{at}</dd> })}
                        </dl>
                    }.into_any(),
                    None => view! { <p>{tr!(in lang, caseworker.not_registered)}</p> }.into_any(),
                }}
            </section>
        }
    });
    let questionnaire = c.questionnaire.clone().map(|q| {
        view! {
            <section aria-labelledby="sent">
                <h2 id="sent">{tr!(in lang, caseworker.questionnaire_heading)}</h2>
                {match (q.kind, q.submitted_at.clone()) {
                    (Some(kind), Some(at)) => view! {
                        <p>{tr!(in lang, caseworker.questionnaire_sent, title = kind.title(lang), at = at)}</p>
                        {(!q.facts.is_empty()).then(|| view! { <h3>{tr!(in lang, caseworker.register_facts)}</h3><Facts facts=q.facts.clone() unavailable=false/> })}
                        {steps(kind, false).into_iter().filter(|s| matches!(s.kind, StepKind::Questions(_))).map(|s| {
                            let values = q.answers.clone();
                            view! { <h3>{s.title.get(lang)}</h3><StepAnswers step=s values/> }
                        }).collect_view()}
                    }.into_any(),
                    _ => view! { <p>{tr!(in lang, caseworker.no_questionnaire)}</p> }.into_any(),
                }}
            </section>
        }
    });
    let health = c.health.clone().map(|h| {
        view! {
            <section aria-labelledby="health">
                <h2 id="health">{tr!(in lang, caseworker.health_heading)}</h2>
                <p>{tr!(in lang, caseworker.health_seen_notice)}</p>
                {match h.submitted_at {
                    Some(at) => view! {
                        <p>{tr!(in lang, caseworker.health_sent, at = at)}</p>
                        <StepAnswers step=health_step() values=h.answers/>
                        <h3>{tr!(in lang, caseworker.health_register_facts)}</h3>
                        <Facts facts=h.facts unavailable=false/>
                    }.into_any(),
                    None => view! { <p>{tr!(in lang, caseworker.no_health)}</p> }.into_any(),
                }}
            </section>
        }
    });
    let joblog = c.joblog.clone().map(|log| {
        let flag = log.silent_since.clone();
        view! {
            <section aria-labelledby="joblog">
                <h2 id="joblog">{tr!(in lang, track.joblog_heading)}</h2>
                {flag.map(|since| view! {
                    <div class="alert alert-warning" role="note"><div class="alert-body">
                        <p class="alert-text">{tr!(in lang, track.joblog_flag, since = since)}</p>
                    </div></div>
                })}
                <JoblogList log/>
            </section>
        }
    });
    view! {
        {c.restricted_since.clone().map(|at| view! {
            <div class="alert alert-warning" role="note"><div class="alert-body">
                <p class="alert-text">{tr!(in lang, rights.restricted_marker, at = at)}</p>
            </div></div>
        })}
        {c.consent.clone().map(|consent| view! { <ConsentSummary consent/> })}
        {profile}
        {cv}
        {registration}
        {joblog}
        {questionnaire}
        {health}
    }
}

/// The consent a support access rests on, in words.
#[component]
pub fn ConsentSummary(consent: ConsentView) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="alert alert-info" role="note">
            <div class="alert-body">
                <p class="alert-heading">{tr!(in lang, support.consent_heading)}</p>
                <p class="alert-text">{tr!(in lang, support.consent_text, channel = consent.channel, given = consent.given_at, scope = consent.scope, ends = consent.ends_at)}</p>
                <p class="alert-text">{tr!(in lang, support.consent_reference, reference = consent.reference)}</p>
            </div>
        </div>
    }
}
