//! The one island: a form the server renders whole, which the browser checks before it is
//! sent, with the same core parser the server runs.
//!
//! The page renders the error summary's place (`ErrorSummary`), the heading and the form
//! (`<form id="{form_id}-form">`) with every field, message and counter from the server's
//! answer; this island wraps the form and, with JavaScript, only adds behaviour
//! (`form_dom`): the check at submit writes the same messages into the same places, text
//! areas count their characters as they are typed, and a changed form is saved every few
//! seconds (`Check::autosave`). Its wasm holds the parsers and a little DOM code, none of
//! the forms' views: they stay on the server.
use jobspor::cv::entry::{CvEntry, CvSection};
use jobspor::form_fields::Fields;
use jobspor::jobseeker::eligibility::Questionnaire;
use jobspor::FieldErrors;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Which core parser checks a form in the browser (and what its autosave writes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Check {
    /// A CV section's entry (`CvEntry::parse`); drafts saved while typing.
    CvSection {
        section: CvSection,
        editing: Option<jobspor::CvEntryId>,
    },
    /// One questionnaire step (`Step::validate`), found again by its code; saved while typing.
    Step {
        questionnaire: Questionnaire,
        health: bool,
        step: String,
    },
    /// Registering as a job seeker (`Registration::parse`).
    Registration,
    /// The first login's own details (`ProfileInput`).
    Profile,
    /// Changing the password (`PasswordChange`).
    Password,
    /// Changing phone, e-mail and reminders (`ContactDetails`).
    Contact,
    /// A joblog registration of this kind (`JoblogEntry::parse`).
    Joblog(jobspor::track::joblog::JoblogKind),
    /// A jobcentre's summons (`Summons::parse`).
    Summons,
}

impl Check {
    /// The errors the server would answer for these values (empty: let it be sent).
    pub fn errors(&self, values: Fields) -> FieldErrors {
        use jobspor::contact::{ChangePasswordForm, PasswordChange, ProfileForm, ProfileInput};
        use jobspor::jobseeker::questionnaire::{find_step, steps};
        use jobspor::jobseeker::registration::{Registration, RegistrationForm};
        match self {
            Check::CvSection { section, .. } => {
                // The browser's idea of today; the server decides with its own clock.
                let today = jobspor::dates::danish_date(chrono::Utc::now());
                CvEntry::parse(*section, &values, today)
                    .err()
                    .unwrap_or_default()
            }
            Check::Step {
                questionnaire,
                health,
                step,
            } => {
                let all = steps(*questionnaire, *health);
                find_step(&all, step)
                    .and_then(|(_, s)| s.validate(&values).err())
                    .unwrap_or_default()
            }
            Check::Registration => check_with(values, |f: &RegistrationForm| {
                Registration::parse(f).map(|_| ())
            }),
            Check::Profile => check_with(values, |f: &ProfileForm| {
                ProfileInput::try_from(f).map(|_| ())
            }),
            Check::Password => check_with(values, |f: &ChangePasswordForm| {
                PasswordChange::try_from(f).map(|_| ())
            }),
            Check::Contact => check_with(values, |f: &jobspor::contact::ContactForm| {
                jobspor::contact::ContactDetails::try_from(f).map(|_| ())
            }),
            Check::Joblog(kind) => {
                let today = jobspor::dates::danish_date(chrono::Utc::now());
                jobspor::track::joblog::JoblogEntry::parse(*kind, &values, today)
                    .err()
                    .unwrap_or_default()
            }
            Check::Summons => jobspor::track::meetings::Summons::parse(&values, chrono::Utc::now())
                .err()
                .unwrap_or_default(),
        }
    }
}

/// Runs a core parser over form values: `parse` gets the raw form struct, read from the
/// form's named values by serde's own map deserializer (no JSON in between: the browser's
/// wasm does not carry serde_json's `Value`).
pub fn check_with<F: serde::de::DeserializeOwned>(
    values: Fields,
    parse: impl Fn(&F) -> Result<(), FieldErrors>,
) -> FieldErrors {
    use serde::de::value::{Error, MapDeserializer};
    match F::deserialize(MapDeserializer::<_, Error>::new(values.into_iter())) {
        Ok(form) => parse(&form).err().unwrap_or_default(),
        // Values the form struct cannot hold: let the server answer.
        Err(_) => FieldErrors::new(),
    }
}

/// The id of a checked form's `<form>` element.
pub fn form_element_id(form_id: &str) -> String {
    format!("{form_id}-form")
}

/// Wraps a server-rendered `<form id="{form_id}-form">` (its `children`) and checks it in
/// the browser. Buttons with `formnovalidate` ("Tilbage", "Gem og fortsæt senere") send
/// without the check.
///
/// `lang`: the page's language, which the island's messages are written in (an island has
/// no page context of its own).
#[island]
pub fn CheckedForm(
    #[prop(into)] form_id: String,
    check: Check,
    lang: jobspor::Lang,
    children: Children,
) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| crate::components::form_dom::attach(&form_id, check.clone(), lang));
    #[cfg(not(feature = "hydrate"))]
    let _ = (form_id, check, lang);
    children()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobspor::jobseeker::questionnaire::{steps, StepKind};

    fn values(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn every_check_refuses_an_empty_form_and_names_the_fields() {
        let first_questions = steps(Questionnaire::Dagpenge, false)
            .into_iter()
            .find(|s| matches!(s.kind, StepKind::Questions(_)))
            .expect("the dagpenge questionnaire has questions");
        let checks = [
            Check::CvSection {
                section: CvSection::ALL[0],
                editing: None,
            },
            Check::Step {
                questionnaire: Questionnaire::Dagpenge,
                health: false,
                step: first_questions.code.as_str().to_string(),
            },
            Check::Registration,
            Check::Profile,
            Check::Password,
            Check::Joblog(jobspor::track::joblog::JoblogKind::Application),
            Check::Joblog(jobspor::track::joblog::JoblogKind::Activity),
            Check::Summons,
        ];
        for check in checks {
            let errors = check.errors(Fields::new());
            assert!(!errors.is_empty(), "{check:?} let an empty form through");
        }
    }

    #[test]
    fn the_contact_check_is_the_first_logins_rule() {
        // Phone and e-mail may both be left out; a reminder needs its channel.
        assert!(Check::Contact.errors(Fields::new()).is_empty());
        let errors = Check::Contact.errors(values(&[("sms_reminders", "on")]));
        assert!(errors.for_field("phone").is_some(), "{errors:?}");
    }

    #[test]
    fn the_password_check_is_the_servers_rule() {
        let errors = Check::Password.errors(values(&[
            ("current", "gammel-kode-1"),
            ("new", "en helt ny kode 2"),
            ("new_repeat", "en anden kode 3"),
        ]));
        assert!(errors.for_field("new_repeat").is_some(), "{errors:?}");
        assert!(errors.for_field("current").is_none());
    }

    #[test]
    fn an_unknown_step_is_left_to_the_server() {
        let check = Check::Step {
            questionnaire: Questionnaire::Dagpenge,
            health: false,
            step: "findes-ikke".into(),
        };
        assert!(check.errors(Fields::new()).is_empty());
    }
}
