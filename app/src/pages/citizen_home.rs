//! Min side: the citizen's overview. Where each part stands (the CV and its searchability,
//! the registration, the questionnaire, messages and meetings), each with its next action;
//! then the contact details and the register's data.
use crate::api::citizen::{get_my_profile, MyProfileView};
use crate::api::cv::{get_my_cv, MyCvView};
use crate::api::jobseeker::{get_questionnaire, QuestionnaireView};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::pages::profile_setup::RegisterData;
use crate::routes;
use jobspor::cv::entry::CvSection;
use leptos::prelude::*;
use leptos_router::components::Redirect;

#[component]
pub fn CitizenHome() -> impl IntoView {
    let profile = Resource::new(|| (), |_| get_my_profile());
    let cv = Resource::new(|| (), |_| get_my_cv());
    let jobseeker = Resource::new(|| (), |_| get_questionnaire(false));
    view! {
        <Page title="Min side">
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
                    view! {
                        <h1>"Min side"</h1>
                        <p class="font-lead">"Velkommen, " {p.name.clone()} "."</p>
                        <h2>"Det sker med dig"</h2>
                        <ul class="nobullet-list overview">
                            {cv_status(&cv)}
                            {registration_status(&jobseeker)}
                            {questionnaire_status(&jobseeker)}
                            <Status heading="Beskeder og møder" text="Du har ingen beskeder og ingen aftalte møder." action=None/>
                        </ul>
                        {contact(p)}
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

fn cv_status(cv: &MyCvView) -> impl IntoView {
    let filled: Vec<CvSection> = cv.entries.iter().map(|(_, e)| e.section()).collect();
    let missing = CvSection::missing_essentials(&filled);
    let searchable = match &cv.searchable_until {
        Some(until) => format!("Dit CV er søgbart til {until}: arbejdsgivere kan finde det."),
        None => "Dit CV er ikke søgbart: arbejdsgivere kan ikke finde det.".to_string(),
    };
    let text = if missing.is_empty() {
        searchable
    } else {
        let names: Vec<String> = missing
            .iter()
            .map(|s| s.label_da().to_lowercase())
            .collect();
        format!("{searchable} Du mangler at udfylde: {}.", names.join(", "))
    };
    let action = match missing.first() {
        Some(&section) => ("Udfyld dit CV", routes::cv_section(section)),
        None if cv.searchable_until.is_none() => ("Gør dit CV søgbart", routes::MY_CV.to_string()),
        None => ("Se dit CV", routes::MY_CV.to_string()),
    };
    view! { <Status heading="Dit CV" text action=Some(action)/> }
}

fn registration_status(j: &QuestionnaireView) -> impl IntoView {
    let (text, action) = match j.registration {
        Some(r) => (
            format!(
                "Du er tilmeldt som jobsøgende: {}{}.",
                r.situation.label_da(),
                r.a_kasse
                    .map(|a| format!(" (medlem af {})", a.label_da()))
                    .unwrap_or_default()
            ),
            (
                "Ret din tilmelding",
                routes::JOBSEEKER_REGISTRATION.to_string(),
            ),
        ),
        None => (
            "Du er ikke tilmeldt som jobsøgende.".to_string(),
            (
                "Tilmeld dig som jobsøgende",
                routes::JOBSEEKER_REGISTRATION.to_string(),
            ),
        ),
    };
    view! { <Status heading="Tilmelding" text action=Some(action)/> }
}

fn questionnaire_status(j: &QuestionnaireView) -> impl IntoView {
    let started = !j.answers.is_empty() || !j.health_answers.is_empty();
    let (text, action) = match (j.questionnaire, &j.submitted_at) {
        (None, _) => (
            "Når du er tilmeldt, udfylder du et forberedelsesskema før din første samtale."
                .to_string(),
            None,
        ),
        (Some(q), Some(at)) => (
            format!(
                "Du sendte {} {at} til {}.",
                q.title_da().to_lowercase(),
                j.jobcentre
            ),
            Some((
                "Se kvitteringen",
                routes::questionnaire_step(jobspor::jobseeker::questionnaire::RECEIPT),
            )),
        ),
        (Some(q), None) if started => (
            format!(
                "Du er i gang med {}. Det er ikke sendt endnu.",
                q.title_da().to_lowercase()
            ),
            Some(("Fortsæt skemaet", routes::QUESTIONNAIRE.to_string())),
        ),
        (Some(q), None) => (
            format!(
                "Udfyld {} før din første samtale på jobcentret.",
                q.title_da().to_lowercase()
            ),
            Some(("Start skemaet", routes::QUESTIONNAIRE.to_string())),
        ),
    };
    view! { <Status heading="Forberedelsesskema" text action/> }
}

fn contact(p: MyProfileView) -> impl IntoView {
    let yes_no = |b: bool| if b { "Ja" } else { "Nej" };
    view! {
        <section aria-labelledby="contact">
            <h2 id="contact">"Dine kontaktoplysninger"</h2>
            <dl class="register-data">
                <dt>"Brugernavn"</dt><dd>{p.username.clone().unwrap_or_default()}</dd>
                <dt>"Mobil-/telefonnummer"</dt><dd>{p.phone.clone().unwrap_or_else(|| "–".into())}</dd>
                <dt>"E-mail"</dt><dd>{p.email.clone().unwrap_or_else(|| "–".into())}</dd>
                <dt>"Påmindelser på sms"</dt><dd>{yes_no(p.sms_reminders)}</dd>
                <dt>"Påmindelser på e-mail"</dt><dd>{yes_no(p.email_reminders)}</dd>
            </dl>
        </section>
        <RegisterData profile=p/>
    }
}
