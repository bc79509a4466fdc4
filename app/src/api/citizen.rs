//! The citizen's profile (register data + what they typed) and "Min historik".
use crate::AppError;
use jobspor::contact::ProfileForm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One line of register data with its label, shown read-only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterField {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyProfileView {
    pub name: String,
    pub register: Vec<RegisterField>,
    /// "CPR-registeret (simuleret), hentet 22-11-2026 kl. 10:00".
    pub register_source: String,
    pub username: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub sms_reminders: bool,
    pub email_reminders: bool,
    /// Employers who asked support to put them in contact (contact details hidden), as
    /// support passed them on; newest first. Min side only.
    pub contact_requests: Vec<ContactRequestNotice>,
    /// Notices in Mine beskeder, and how many are unread. Min side only.
    pub messages: i64,
    pub unread_messages: i64,
}

/// An employer's request for contact, passed on by support.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactRequestNotice {
    pub company: String,
    pub message: String,
    pub received: String,
}

/// Min side: the profile of a citizen who has made one.
#[server(endpoint = "citizen/profile")]
pub async fn get_my_profile() -> Result<MyProfileView, AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    let mut view = server::profile_view(&state, me).await?;
    view.contact_requests = state
        .store
        .contact_requests_for(me)
        .await?
        .into_iter()
        .map(|r| ContactRequestNotice {
            company: r.company_name,
            message: r.message,
            received: jobspor::dates::format_da_time(r.created_at),
        })
        .collect();
    (view.messages, view.unread_messages) = state.store.notice_counts(me).await?;
    Ok(view)
}

/// The first-login page: the register data, before the profile exists.
#[server(endpoint = "citizen/register-data")]
pub async fn get_my_register_data() -> Result<MyProfileView, AppError> {
    let (state, me) = crate::ssr::guard::citizen_register_data().await?;
    server::profile_view(&state, me).await
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::*;
    use crate::ssr::state::AppState;
    use jobspor::policy::Caller;
    use jobspor::CitizenId;

    /// The CPR register's data about a person, labelled in `lang`: the citizen's profile and
    /// the caseworker's view of it.
    pub fn register_fields(
        p: &jobspor::person::RegisterPerson,
        lang: jobspor::Lang,
    ) -> Vec<RegisterField> {
        use jobspor::dates::format_da;
        let f = |label: &str, value: String| RegisterField {
            label: label.into(),
            value,
        };
        let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "–".into());
        let t = |da, en| lang.pick(da, en);
        vec![
            f(t("Fødselsdag", "Date of birth"), format_da(p.birthday)),
            f(t("Køn", "Gender"), p.gender.label(lang).into()),
            f(t("Fornavn", "First name"), p.first_name.clone()),
            f(t("Mellemnavn", "Middle name"), dash(&p.middle_name)),
            f(t("Efternavn", "Surname"), p.surname.clone()),
            f(t("Postadresse", "Address"), p.street.clone()),
            f(t("C/O-adresse", "C/o address"), dash(&p.co_address)),
            f(t("Postnummer", "Postcode"), p.postcode.clone()),
            f(t("By", "Town"), p.city.clone()),
            f(t("Land", "Country"), p.country_name(lang).into()),
            f(
                t("Beskyttet adresse", "Protected address"),
                if p.protected_address {
                    t("Ja", "Yes")
                } else {
                    t("Nej", "No")
                }
                .into(),
            ),
            f(
                t("Status i CPR-registret", "Status in the CPR register"),
                p.status.label(lang).into(),
            ),
        ]
    }

    pub async fn profile_view(
        state: &AppState,
        me: Caller<CitizenId>,
    ) -> Result<MyProfileView, AppError> {
        use jobspor::dates::format_da_time;
        let c = state.store.citizen(me.id()).await?;
        let p = &c.person;
        let lang = crate::lang::current();
        let t = |da, en| lang.pick(da, en);
        let register = register_fields(p, lang);
        Ok(MyProfileView {
            name: p.full_name(),
            register,
            register_source: format!(
                "{}, {} {}",
                c.register_source,
                t("hentet", "fetched"),
                format_da_time(c.register_fetched_at)
            ),
            username: c.username,
            phone: c.phone.map(|p| {
                jobspor::contact::Phone::parse(&p)
                    .map(|p| p.display())
                    .unwrap_or(p)
            }),
            email: c.email,
            sms_reminders: c.sms_reminders,
            email_reminders: c.email_reminders,
            contact_requests: Vec::new(),
            messages: 0,
            unread_messages: 0,
        })
    }
}

/// First login: username, password and contact details. Refused if already done.
#[server(endpoint = "citizen/complete-profile")]
pub async fn complete_profile(form: ProfileForm) -> Result<(), AppError> {
    use crate::api::echo;
    use crate::ssr::passwords;
    use jobspor::contact::ProfileInput;
    use jobspor_store::citizens::NewContactDetails;
    use jobspor_store::{StoreError, Unique};
    let (state, me) = crate::ssr::guard::citizen_without_profile().await?;
    let echo = echo(&form.without_secrets());
    let input = ProfileInput::try_from(&form).map_err(|e| AppError::invalid(e, echo.clone()))?;
    let hash = passwords::hash(&input.password).await?;
    let details = NewContactDetails {
        username: input.username.as_str().to_string(),
        password_hash: hash.0,
        phone: input.phone.map(|p| p.as_str().to_string()),
        email: input.email.map(|e| e.as_str().to_string()),
        sms_reminders: input.sms_reminders,
        email_reminders: input.email_reminders,
    };
    match state
        .store
        .complete_citizen_profile(me, &details, state.clock.now())
        .await
    {
        Ok(()) => {}
        Err(StoreError::Conflict(Unique::Username)) => {
            return Err(AppError::field(
                "username",
                jobspor::Msg::UsernameTaken,
                echo,
            ))
        }
        Err(e) => return Err(e.into()),
    }
    leptos_axum::redirect(crate::routes::CITIZEN_HOME);
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntryView {
    pub when: String,
    pub who: String,
    pub what: String,
    /// The consent a support access rested on.
    pub consent: Option<crate::api::case::ConsentView>,
}

/// "Min historik": who was logged on to my profile in the last 3 months, and when.
#[server(endpoint = "citizen/history")]
pub async fn get_my_history() -> Result<Vec<HistoryEntryView>, AppError> {
    use jobspor::access::AccessBasis;
    use jobspor::policy::ActorKind;
    let (state, me) = crate::ssr::guard::citizen().await?;
    let since = jobspor::retention::access_history_cutoff(state.clock.now());
    let lang = crate::lang::current();
    let mut rows = Vec::new();
    let mut consents: std::collections::BTreeMap<i64, Option<crate::api::case::ConsentView>> =
        std::collections::BTreeMap::new();
    for e in state.store.access_history(me.id(), since).await? {
        let role = |da, en| {
            format!(
                "{} ({} {})",
                e.organisation,
                lang.pick(da, en),
                e.actor_name
            )
        };
        let who = match e.actor_kind {
            ActorKind::Citizen => lang.pick("Dig selv", "You").to_string(),
            ActorKind::Employer => {
                format!(
                    "{}: {}",
                    lang.pick("Arbejdsgiver", "Employer"),
                    e.organisation
                )
            }
            ActorKind::Caseworker => role("sagsbehandler", "caseworker"),
            ActorKind::AKasseCaseworker => role("a-kassens sagsbehandler", "a-kasse caseworker"),
            ActorKind::Support => role("medarbejder", "staff member"),
            ActorKind::Eures => e.actor_name.clone(),
        };
        // Support's access rests on a consent: the citizen sees which (seed 000). One
        // consent covers every part read on it: each is fetched once.
        let consent = match e.basis {
            Some(AccessBasis::Consent(id)) => match consents.get(&id) {
                Some(seen) => seen.clone(),
                None => {
                    let view = state
                        .store
                        .consent_of(me.id(), id)
                        .await?
                        .map(|c| crate::api::support::server::consent_view(&c, lang));
                    consents.insert(id, view.clone());
                    view
                }
            },
            _ => None,
        };
        rows.push(HistoryEntryView {
            when: jobspor::dates::format_da_time(e.at),
            who,
            what: e.what.label(lang).to_string(),
            consent,
        });
    }
    Ok(rows)
}

/// Changes phone, e-mail and the reminder choices at any time after the first login (seed
/// 000: the citizen's right to correct; issue 26). The change is in the citizen's history.
#[server(endpoint = "citizen/contact-details")]
pub async fn change_contact_details(form: jobspor::contact::ContactForm) -> Result<(), AppError> {
    use jobspor::contact::ContactDetails;
    let (state, me) = crate::ssr::guard::citizen().await?;
    let echo = crate::api::echo(&form);
    let details = ContactDetails::try_from(&form).map_err(|e| AppError::invalid(e, echo))?;
    state
        .store
        .set_citizen_contact_details(me, &details, state.clock.now())
        .await?;
    leptos_axum::redirect(&crate::routes::contact_details_saved());
    Ok(())
}
