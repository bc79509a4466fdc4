//! Min side: the citizen's overview. Where each part stands (the CV and its searchability,
//! the registration, the questionnaire, messages and meetings), each with its next action;
//! then the contact details and the register's data.
use crate::api::citizen::{get_my_profile, MyProfileView};
use crate::api::cv::{get_my_cv, MyCvView};
use crate::api::jobseeker::{get_questionnaire, QuestionnaireView};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::lang::use_lang;
use crate::pages::profile_setup::RegisterData;
use crate::{routes, tr};
use jobspor::cv::entry::CvSection;
use jobspor::Lang;
use leptos::prelude::*;
use leptos_router::components::Redirect;

#[component]
pub fn CitizenHome() -> impl IntoView {
    let profile = Resource::new(|| (), |_| get_my_profile());
    let cv = Resource::new(|| (), |_| get_my_cv());
    let jobseeker = Resource::new(|| (), |_| get_questionnaire(false));
    // A parent's or guardian's children who wait for their consent to EURES.
    let wards = Resource::new(|| (), |_| crate::api::eures::get_eures_wards());
    let meetings = Resource::new(
        || (),
        |_| crate::api::meetings::get_my_meetings(String::new()),
    );
    let joblog = Resource::new(|| (), |_| crate::api::joblog::get_my_joblog());
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, citizen.title)>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let p = match profile.await {
                        Ok(p) if p.username.is_none() => return view! { <Redirect path=routes::PROFILE_SETUP/> }.into_any(),
                        Ok(p) => p,
                        Err(e) => return on_error(e, Area::Citizen),
                    };
                    let (cv, jobseeker) = match (cv.await, jobseeker.await) {
                        (Ok(cv), Ok(j)) => (cv, j),
                        (Err(e), _) | (_, Err(e)) => return on_error(e, Area::Citizen),
                    };
                    let (meetings, joblog) = match (meetings.await, joblog.await) {
                        (Ok(m), Ok(j)) => (m, j),
                        (Err(e), _) | (_, Err(e)) => return on_error(e, Area::Citizen),
                    };
                    let waiting: Vec<String> = wards
                        .await
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|w| w.asked && !w.guardian_consented)
                        .map(|w| w.name)
                        .collect();
                    view! {
                        <h1>{tr!(in lang, citizen.title)}</h1>
                        <p class="font-lead">{tr!(in lang, citizen.welcome, name = p.name.clone())}</p>
                        <h2>{tr!(in lang, citizen.overview_heading)}</h2>
                        <ul class="nobullet-list overview">
                            {cv_status(&cv, lang)}
                            {registration_status(&jobseeker, lang)}
                            {questionnaire_status(&jobseeker, lang)}
                            {joblog_status(&joblog, lang)}
                            {messages_status(p.messages, p.unread_messages, &meetings, lang)}
                        </ul>
                        {(!p.contact_requests.is_empty()).then(|| view! {
                            <section aria-labelledby="contact-requests">
                                <h2 id="contact-requests">{tr!(in lang, citizen.contact_requests_heading)}</h2>
                                <p>{tr!(in lang, citizen.contact_requests_intro)}</p>
                                <ul class="nobullet-list">
                                    {p.contact_requests.clone().into_iter().map(|r| view! {
                                        <li class="overview-item">
                                            <h3 class="h4">{r.company}</h3>
                                            <p class="form-hint">{tr!(in lang, citizen.contact_request_received, at = r.received)}</p>
                                            <blockquote>{r.message}</blockquote>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            </section>
                        })}
                        {(!waiting.is_empty()).then(|| view! {
                            <section aria-labelledby="eures-wards">
                                <h2 id="eures-wards">{tr!(in lang, eures.guardian_title)}</h2>
                                {waiting.into_iter().map(|name| view! {
                                    <p>{tr!(in lang, eures.guardian_asked, name = name)}</p>
                                }).collect_view()}
                                <p><a href=routes::EURES_GUARDIAN>{tr!(in lang, citizen.eures_wards_link)}</a></p>
                            </section>
                        })}
                        {contact(p, lang)}
                    }.into_any()
                })}
            </Suspense>
        </Page>
    }
}

/// One part of the overview: where it stands, and what to do next (a link).
#[component]
fn Status(
    heading: &'static str,
    #[prop(into)] text: String,
    action: Option<(&'static str, String)>,
) -> impl IntoView {
    view! {
        <li class="overview-item">
            <h3 class="h4">{heading}</h3>
            <p>{text}</p>
            {action.map(|(label, href)| view! { <p><a class="function-link" href=href>{label}</a></p> })}
        </li>
    }
}

/// Messages (Mine beskeder) and meetings (Mine møder): a summons to answer comes first.
fn messages_status(
    total: i64,
    unread: i64,
    meetings: &crate::api::meetings::MyMeetingsView,
    lang: Lang,
) -> impl IntoView {
    let next = meetings.meetings.iter().find(|m| m.ahead);
    let summoned = meetings.meetings.iter().find(|m| m.may_accept);
    let mut text = if unread > 0 {
        tr!(in lang, citizen.messages_unread, n = unread)
    } else if total > 0 {
        tr!(in lang, citizen.messages_all_read).to_string()
    } else if next.is_none() {
        tr!(in lang, citizen.messages_none).to_string()
    } else {
        String::new()
    };
    if let Some(m) = next {
        text = format!(
            "{text} {}",
            tr!(in lang, citizen.next_meeting, when = m.when.clone(), with = m.organisation.clone(), state = m.state_label.clone())
        )
        .trim()
        .to_string();
    }
    let action = match (summoned, total > 0, next.is_some()) {
        (Some(_), ..) => Some((
            tr!(in lang, citizen.meetings_answer),
            routes::MEETINGS.to_string(),
        )),
        (None, true, _) => Some((
            tr!(in lang, citizen.messages_action),
            routes::MESSAGES.to_string(),
        )),
        (None, false, true) => Some((
            tr!(in lang, citizen.meetings_see),
            routes::MEETINGS.to_string(),
        )),
        _ => None,
    };
    view! { <Status heading=tr!(in lang, citizen.messages_heading) text action/> }
}

/// Min Joblog: how many registrations this week, and the way to add one.
fn joblog_status(log: &crate::api::joblog::JoblogView, lang: Lang) -> impl IntoView {
    let text = match log.entries.len() {
        0 => tr!(in lang, citizen.joblog_none).to_string(),
        n => tr!(in lang, citizen.joblog_count, n = n),
    };
    let action = Some((
        tr!(in lang, citizen.joblog_action),
        routes::JOBLOG.to_string(),
    ));
    view! { <Status heading=tr!(in lang, citizen.joblog_heading) text action/> }
}

fn cv_status(cv: &MyCvView, lang: Lang) -> impl IntoView {
    let filled: Vec<CvSection> = cv.entries.iter().map(|(_, e)| e.section()).collect();
    let missing = CvSection::missing_essentials(&filled);
    let searchable = match &cv.searchable_until {
        Some(until) => tr!(in lang, citizen.cv_searchable_until, until = until.clone()),
        None => tr!(in lang, citizen.cv_not_searchable).to_string(),
    };
    let text = if missing.is_empty() {
        searchable
    } else {
        let names: Vec<String> = missing
            .iter()
            .map(|s| s.label(lang).to_lowercase())
            .collect();
        tr!(in lang, citizen.cv_missing, searchable = searchable, missing = names.join(", "))
    };
    let action = match missing.first() {
        Some(&section) => (
            tr!(in lang, citizen.cv_fill_in),
            routes::cv_section(section),
        ),
        None if cv.searchable_until.is_none() => (
            tr!(in lang, citizen.cv_make_searchable),
            routes::MY_CV.to_string(),
        ),
        None => (tr!(in lang, citizen.cv_see), routes::MY_CV.to_string()),
    };
    view! { <Status heading=tr!(in lang, citizen.cv_heading) text action=Some(action)/> }
}

fn registration_status(j: &QuestionnaireView, lang: Lang) -> impl IntoView {
    let (text, action) = match j.registration {
        Some(r) => (
            tr!(in lang, citizen.registered,
                situation = r.situation.label(lang),
                a_kasse = r
                    .a_kasse
                    .map(|a| tr!(in lang, citizen.a_kasse_member, a_kasse = a.label(lang)))
                    .unwrap_or_default()
            ),
            (
                tr!(in lang, citizen.registration_change),
                routes::JOBSEEKER_REGISTRATION.to_string(),
            ),
        ),
        None => (
            tr!(in lang, citizen.not_registered).to_string(),
            (
                tr!(in lang, citizen.register),
                routes::JOBSEEKER_REGISTRATION.to_string(),
            ),
        ),
    };
    view! { <Status heading=tr!(in lang, citizen.registration_heading) text action=Some(action)/> }
}

fn questionnaire_status(j: &QuestionnaireView, lang: Lang) -> impl IntoView {
    let started = !j.answers.is_empty() || !j.health_answers.is_empty();
    let (text, action) = match (j.questionnaire, &j.submitted_at) {
        (None, _) => (
            tr!(in lang, citizen.questionnaire_after_registering).to_string(),
            None,
        ),
        (Some(q), Some(at)) => (
            tr!(in lang, citizen.questionnaire_sent,
                questionnaire = q.title(lang).to_lowercase(),
                at = at.clone(),
                jobcentre = j.jobcentre.clone()
            ),
            Some((
                tr!(in lang, citizen.questionnaire_receipt),
                routes::questionnaire_step(jobspor::jobseeker::questionnaire::RECEIPT),
            )),
        ),
        (Some(q), None) if started => (
            tr!(in lang, citizen.questionnaire_started,
                questionnaire = q.title(lang).to_lowercase()
            ),
            Some((
                tr!(in lang, citizen.questionnaire_continue),
                routes::QUESTIONNAIRE.to_string(),
            )),
        ),
        (Some(q), None) => (
            tr!(in lang, citizen.questionnaire_fill_in,
                questionnaire = q.title(lang).to_lowercase()
            ),
            Some((
                tr!(in lang, citizen.questionnaire_start),
                routes::QUESTIONNAIRE.to_string(),
            )),
        ),
    };
    view! { <Status heading=tr!(in lang, citizen.questionnaire_heading) text action/> }
}

fn contact(p: MyProfileView, lang: Lang) -> impl IntoView {
    let yes_no = move |b: bool| {
        if b {
            tr!(in lang, citizen.yes)
        } else {
            tr!(in lang, citizen.no)
        }
    };
    view! {
        <section aria-labelledby="contact">
            <h2 id="contact">{tr!(in lang, citizen.contact_heading)}</h2>
            <dl class="register-data">
                <dt>{tr!(in lang, citizen.username)}</dt><dd>{p.username.clone().unwrap_or_default()}</dd>
                <dt>{tr!(in lang, citizen.phone)}</dt><dd>{p.phone.clone().unwrap_or_else(|| "–".into())}</dd>
                <dt>{tr!(in lang, citizen.email)}</dt><dd>{p.email.clone().unwrap_or_else(|| "–".into())}</dd>
                <dt>{tr!(in lang, citizen.sms_reminders)}</dt><dd>{yes_no(p.sms_reminders)}</dd>
                <dt>{tr!(in lang, citizen.email_reminders)}</dt><dd>{yes_no(p.email_reminders)}</dd>
            </dl>
            <p><a class="function-link" href=routes::CONTACT_DETAILS>{tr!(in lang, citizen.contact_change)}</a></p>
            <p><a class="function-link" href=routes::MY_DATA>{tr!(in lang, citizen.my_data)}</a></p>
        </section>
        <RegisterData profile=p/>
    }
}
