//! Property tests: any input either parses or yields field errors naming fields of the form,
//! each with a Danish message — never a panic.
use chrono::NaiveDate;
use jobspor::contact::{Email, Password, Phone, ProfileForm, ProfileInput, Username};
use jobspor::cpr::Cpr;
use jobspor::cv::absence::{Absence, AbsenceForm};
use jobspor::cv::education::{
    Certification, CertificationForm, Course, CourseForm, Education, EducationForm,
};
use jobspor::cv::entry::{CvEntry, CvSection, Fields};
use jobspor::cv::fields::fields;
use jobspor::cv::profile_texts::{Volunteer, VolunteerForm, WhyApplying, WhyApplyingForm};
use jobspor::cv::skills::{ItSkill, ItSkillForm, Language, LanguageForm};
use jobspor::cv::{WorkExperience, WorkExperienceForm};
use jobspor::employer::Cvr;
use jobspor::FieldErrors;
use proptest::prelude::*;

/// Text of the kinds forms receive: anything, dates, digits, Danish words, control chars.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9]{0,12}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "[0-9]{2}-[0-9]{2}-[0-9]{4}",
        "[a-zA-ZæøåÆØÅ .@+-]{0,300}",
        "\\PC{0,3000}",
        Just(String::new()),
        Just("on".to_string()),
    ]
}

fn assert_errors_are_about(errors: &FieldErrors, fields: &[&str]) {
    assert!(!errors.is_empty());
    for e in errors.iter() {
        assert!(
            fields.contains(&e.field.as_str()),
            "unexpected field {}",
            e.field
        );
        // `Msg::da` is exhaustive, so every key has a text; this checks it is not blank.
        assert!(
            !e.message().trim().is_empty(),
            "no Danish text for {}",
            e.key
        );
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn work_experience(position in text(), workplace in text(), tasks in text(), good_at in text(), start in text(), end in text()) {
        let f = WorkExperienceForm { position, workplace, tasks, good_at, start, end };
        match WorkExperience::parse(&f, today()) {
            Ok(w) => {
                prop_assert!(w.period.start() <= today());
                prop_assert!(w.period.end().is_none_or(|e| e >= w.period.start() && e <= today()));
                prop_assert!(!w.position.trim().is_empty());
            }
            Err(e) => assert_errors_are_about(&e, &["position", "workplace", "tasks", "good_at", "start", "end"]),
        }
    }

    /// Every CV section, through the one door the server and the browser use: any values
    /// under the form's field names (and a stray one) parse, or give errors about the form's
    /// own fields — never a panic.
    #[test]
    fn every_cv_section(section in proptest::sample::select(CvSection::ALL), values in proptest::collection::vec(text(), 9)) {
        let specs = fields(section);
        let mut form: Fields = specs.iter().zip(values.iter()).map(|(f, v)| (f.name.to_string(), v.clone())).collect();
        form.insert("stray".into(), values[8].clone());
        match CvEntry::parse(section, &form, today()) {
            Ok(entry) => {
                prop_assert_eq!(entry.section(), section);
                prop_assert_eq!(CvEntry::from_stored(section, &entry.to_stored()).unwrap(), entry.clone());
            }
            Err(e) => assert_errors_are_about(&e, &specs.iter().map(|f| f.name).collect::<Vec<_>>()),
        }
    }

    #[test]
    fn profile(username in text(), password in text(), repeat in text(), phone in text(), email in text(), sms in text(), mail in text()) {
        let f = ProfileForm { username, password, password_repeat: repeat, phone, email, sms_reminders: sms, email_reminders: mail };
        if let Err(e) = ProfileInput::try_from(&f) {
            assert_errors_are_about(&e, &["username", "password", "password_repeat", "phone", "email"]);
        }
    }

    #[test]
    fn single_fields(s in text()) {
        // Each returns a message key with Danish text, or a value.
        for key in [Cpr::parse(&s).err(), Cvr::parse(&s).err(), Email::parse(&s).err(), Phone::parse(&s).err(), Username::parse(&s).err(), Password::parse(&s).err()].into_iter().flatten() {
            prop_assert!(!jobspor::messages::da(key).trim().is_empty(), "{}", key);
        }
        if let Ok(c) = Cpr::parse(&s) {
            prop_assert!(c.birth_date().is_some());
        }
    }

    #[test]
    fn education_course_certification(a in text(), b in text(), c in text(), d in text(), f in text()) {
        if let Err(e) = Education::parse(&EducationForm { education: a.clone(), institution: b.clone(), description: c.clone(), start: d.clone(), end: f.clone() }, today()) {
            assert_errors_are_about(&e, &["education", "institution", "description", "start", "end"]);
        }
        if let Err(e) = Course::parse(&CourseForm { course: a.clone(), description: b.clone(), end_year: d.clone(), length_days: f.clone() }, today()) {
            assert_errors_are_about(&e, &["course", "description", "end_year", "length_days"]);
        }
        if let Err(e) = Certification::parse(&CertificationForm { certificate: a, description: c, valid_until_year: d }, today()) {
            assert_errors_are_about(&e, &["certificate", "description", "valid_until_year"]);
        }
    }

    #[test]
    fn skills_texts_volunteer_absence(a in text(), b in text(), c in text(), d in text(), f in text()) {
        if let Err(e) = Language::parse(&LanguageForm { language: a.clone(), level: b.clone() }) {
            assert_errors_are_about(&e, &["language", "level"]);
        }
        if let Err(e) = ItSkill::parse(&ItSkillForm { skill: a.clone(), level: b.clone() }) {
            assert_errors_are_about(&e, &["skill", "level"]);
        }
        if let Err(e) = WhyApplying::parse(&WhyApplyingForm { company: a.clone(), text: c.clone() }) {
            assert_errors_are_about(&e, &["company", "text"]);
        }
        if let Err(e) = Volunteer::parse(&VolunteerForm { role: a.clone(), organisation: b.clone(), start: c.clone(), end: d.clone(), tasks: f.clone() }, today()) {
            assert_errors_are_about(&e, &["role", "organisation", "start", "end", "tasks"]);
        }
        if let Err(e) = Absence::parse(&AbsenceForm { kind: a, from: c, to: d }, today()) {
            assert_errors_are_about(&e, &["kind", "from", "to"]);
        }
    }

    /// Every step of every questionnaire, with answers that are sometimes real choices:
    /// valid answers are kept cleaned, anything else is refused at a question of the step.
    #[test]
    fn questionnaire_steps(values in proptest::collection::vec(text(), 40), pick in proptest::collection::vec(0usize..8, 40)) {
        use jobspor::form_fields::{checkbox_key, FieldKind};
        use jobspor::jobseeker::eligibility::Questionnaire;
        use jobspor::jobseeker::questionnaire::steps;
        for q in [Questionnaire::Dagpenge, Questionnaire::Education, Questionnaire::General] {
            for step in steps(q, true) {
                let mut raw = Fields::new();
                for (i, spec) in step.questions().iter().enumerate() {
                    let v = values[i % values.len()].clone();
                    match spec.kind {
                        // Half the time a real choice, else whatever came.
                        FieldKind::Radio(o) | FieldKind::Select(o) if pick[i] < 4 => { raw.insert(spec.name.into(), o[pick[i] % o.len()].0.into()); }
                        FieldKind::Checkboxes(o) => { raw.insert(checkbox_key(spec.name, o[pick[i] % o.len()].0), v); }
                        _ => { raw.insert(spec.name.into(), v); }
                    }
                }
                let names: Vec<&str> = step.questions().iter().map(|s| s.name).collect();
                match step.validate(&raw) {
                    Ok(clean) => assert!(clean.keys().all(|k| names.iter().any(|n| k == n || k.starts_with(&format!("{}__", n))))),
                    Err(e) => assert_errors_are_about(&e, &names),
                }
            }
        }
    }

    #[test]
    fn jobseeker_registration(a in text(), b in text()) {
        use jobspor::jobseeker::registration::{Registration, RegistrationForm};
        if let Err(e) = Registration::parse(&RegistrationForm { situation: a, a_kasse: b }) {
            assert_errors_are_about(&e, &["situation", "a_kasse"]);
        }
    }
}
