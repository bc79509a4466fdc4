//! Every CV section through one door. A `CvEntry` is one validated entry of any section; the
//! store, the server functions and the pages all dispatch on `CvSection` here, so adding a
//! section means adding it in this file (and its form fields in `fields`), nowhere else.
//!
//! Forms arrive as `Fields` (field name → raw text): the same map the browser's check builds
//! from the form, the server function receives, and a draft stores.
use super::absence::{Absence, AbsenceForm};
use super::education::{
    Certification, CertificationForm, Course, CourseForm, Education, EducationForm,
};
use super::profile_texts::{
    Volunteer, VolunteerForm, WhyApplying, WhyApplyingForm, INTRODUCTION_MAX,
    SPECIAL_CONSIDERATIONS_MAX,
};
use super::skills::{
    language_name, parse_driving_licence, parse_qualification, DrivingLicence, DrivingLicenceForm,
    ItSkill, ItSkillForm, Language, LanguageForm, QualificationForm,
};
use super::{JobWish, JobWishForm, WorkExperience, WorkExperienceForm};
use crate::choices::choices;
use crate::dates::{fold_date_parts, format_da, name_parts};
use crate::messages::Msg;
use crate::validation::{required_text, FieldErrors};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

pub use crate::form_fields::Fields;

/// No section holds more entries than this: a CV is read by people.
pub const MAX_ENTRIES_PER_SECTION: usize = 50;

choices! {
    /// The CV's sections (seed 000, "CV med følgende oplysninger"), in the order a CV shows them.
    CvSection {
        JobWish = "job_wish", "Jeg søger job som", "Jobs I am looking for";
        Introduction = "introduction", "Lidt om mig", "About me";
        WorkExperience = "work_experience", "Erhvervserfaring", "Work experience";
        Education = "education", "Uddannelse", "Education";
        Course = "course", "Kurser", "Courses";
        Certification = "certification", "Certifikater", "Certificates";
        Qualification = "qualification", "Kvalifikationer", "Skills";
        DrivingLicence = "driving_licence", "Kørekort", "Driving licence";
        Language = "language", "Sprog", "Languages";
        ItSkill = "it_skill", "IT-kompetencer", "IT skills";
        WhyApplying = "why_applying", "Hvorfor søger jeg", "Why I am applying";
        Volunteer = "volunteer", "Frivilligt arbejde", "Volunteer work";
        SpecialConsiderations = "special_considerations", "Særlige hensyn", "Special considerations";
        Absence = "absence", "Fravær", "Absence";
    }
}

impl CvSection {
    /// What employers look for first: a CV without them is hard to find (Min side says
    /// which are missing).
    pub const ESSENTIAL: [CvSection; 3] = [
        CvSection::JobWish,
        CvSection::WorkExperience,
        CvSection::Education,
    ];

    /// The essential sections with no entry among `filled`.
    pub fn missing_essentials(filled: &[CvSection]) -> Vec<CvSection> {
        Self::ESSENTIAL
            .into_iter()
            .filter(|s| !filled.contains(s))
            .collect()
    }

    /// A section holding one text rather than a list.
    pub fn is_single(self) -> bool {
        matches!(
            self,
            CvSection::Introduction | CvSection::SpecialConsiderations
        )
    }

    /// Special considerations and absence are for the citizen and caseworkers only (seed 000;
    /// issue 3): never shown to, searched by or previewed for employers.
    pub fn visible_to_employers(self) -> bool {
        !matches!(self, CvSection::SpecialConsiderations | CvSection::Absence)
    }

    /// One entry of the section, for "Tilføj …" / "Ret …".
    pub fn entry_noun_da(self) -> &'static str {
        match self {
            CvSection::JobWish => "et job, du søger",
            CvSection::Introduction => "lidt om dig",
            CvSection::WorkExperience => "erhvervserfaring",
            CvSection::Education => "en uddannelse",
            CvSection::Course => "et kursus",
            CvSection::Certification => "et certifikat",
            CvSection::Qualification => "en kompetence",
            CvSection::DrivingLicence => "et kørekort",
            CvSection::Language => "et sprog",
            CvSection::ItSkill => "en IT-kompetence",
            CvSection::WhyApplying => "hvorfor du søger",
            CvSection::Volunteer => "frivilligt arbejde",
            CvSection::SpecialConsiderations => "særlige hensyn",
            CvSection::Absence => "en fraværsperiode",
        }
    }

    /// The section's name in Danish (its name in either language is `label`, made by
    /// `choices!` from the list above).
    pub fn label_da(self) -> &'static str {
        self.words().da
    }

    /// One entry of the section in `lang`, for "Tilføj …" / "Add …".
    pub fn entry_noun(self, lang: crate::Lang) -> &'static str {
        let en = match self {
            CvSection::JobWish => "a job you are looking for",
            CvSection::Introduction => "a little about you",
            CvSection::WorkExperience => "work experience",
            CvSection::Education => "an education",
            CvSection::Course => "a course",
            CvSection::Certification => "a certificate",
            CvSection::Qualification => "a skill",
            CvSection::DrivingLicence => "a driving licence",
            CvSection::Language => "a language",
            CvSection::ItSkill => "an IT skill",
            CvSection::WhyApplying => "why you are applying",
            CvSection::Volunteer => "volunteer work",
            CvSection::SpecialConsiderations => "special considerations",
            CvSection::Absence => "a period of absence",
        };
        lang.pick(self.entry_noun_da(), en)
    }

    /// What the citizen is told about the section on its page, in `lang`.
    pub fn intro(self, lang: crate::Lang) -> &'static str {
        let en = match self {
            CvSection::JobWish => "Choose the jobs you are looking for from the list, and tell us about your education and experience in each of them.",
            CvSection::Introduction => "Write briefly about yourself, as you would introduce yourself to an employer.",
            CvSection::SpecialConsiderations => "If you need special considerations in a job, you can write it here. Only you and your caseworker at the job centre can see it (and Jobnetsupporten, when you allow it) – employers never do.",
            CvSection::Absence => "Periods of holiday or illness. Only you and the caseworkers at your job centre and your a-kasse can see them (and Jobnetsupporten, when you allow it) – employers never do.",
            CvSection::Qualification => "Add your skills one at a time, e.g. \"Forklift driving\" or \"Customer service\".",
            _ => "",
        };
        lang.pick(self.intro_da(), en)
    }

    /// What the citizen is told about the section on its page.
    pub fn intro_da(self) -> &'static str {
        match self {
            CvSection::JobWish => "Vælg de stillinger, du søger, fra listen, og fortæl om din uddannelse og erfaring i hver af dem.",
            CvSection::Introduction => "Skriv kort om dig selv, som du vil præsentere dig for en arbejdsgiver.",
            CvSection::SpecialConsiderations => "Hvis du har brug for særlige hensyn i et job, kan du skrive det her. Kun du og din sagsbehandler i jobcenteret kan se det (og Jobnetsupporten, når du giver lov) – arbejdsgivere ser det aldrig.",
            CvSection::Absence => "Perioder med ferie eller sygdom. Kun du og sagsbehandlerne i dit jobcenter og din a-kasse kan se dem (og Jobnetsupporten, når du giver lov) – arbejdsgivere ser dem aldrig.",
            CvSection::Qualification => "Tilføj dine kompetencer én ad gangen, fx \"Truckkørsel\" eller \"Kundeservice\".",
            _ => "",
        }
    }
}

/// The text sections (introduction, special considerations) share one form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TextForm {
    pub text: String,
}

/// One validated entry of a CV section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "section", content = "entry", rename_all = "snake_case")]
pub enum CvEntry {
    JobWish(JobWish),
    Introduction(String),
    WorkExperience(WorkExperience),
    Education(Education),
    Course(Course),
    Certification(Certification),
    Qualification(String),
    DrivingLicence(DrivingLicence),
    Language(Language),
    ItSkill(ItSkill),
    WhyApplying(WhyApplying),
    Volunteer(Volunteer),
    SpecialConsiderations(String),
    Absence(Absence),
}

/// The raw fields as a section's form struct. Every form struct is all strings with
/// `#[serde(default)]`, so any map of strings fits; unknown names are ignored.
/// Read with serde's own map deserializer: this runs in the browser's check too, whose wasm
/// need not carry serde_json's `Value`.
fn form<F: DeserializeOwned + Default>(fields: &Fields) -> F {
    use serde::de::value::{Error, MapDeserializer};
    let pairs = fields.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    F::deserialize(MapDeserializer::<_, Error>::new(pairs)).unwrap_or_default()
}

fn fields_of<F: Serialize>(form: &F) -> Fields {
    match serde_json::to_value(form) {
        Ok(serde_json::Value::Object(m)) => m
            .into_iter()
            .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_string())))
            .collect(),
        _ => Fields::new(),
    }
}

fn text_field(raw: &str, max: usize) -> Result<String, FieldErrors> {
    let mut e = FieldErrors::new();
    let t = e.check("text", required_text(raw, max));
    e.finish(|| t)
}

fn period_da(start: NaiveDate, end: Option<NaiveDate>, open: &str) -> String {
    format!(
        "{} – {}",
        format_da(start),
        end.map(format_da).unwrap_or_else(|| open.to_string())
    )
}

impl CvEntry {
    /// Parses a section's raw form; `today` is the server's (or, for the browser's check, the
    /// browser's) date.
    pub fn parse(
        section: CvSection,
        fields: &Fields,
        today: NaiveDate,
    ) -> Result<CvEntry, FieldErrors> {
        let (folded, part_errors) = fold_date_parts(super::fields::fields(section), fields);
        Self::parse_folded(section, &folded, today).map_err(|e| name_parts(e, &part_errors))
    }

    /// The section's parser, on a form whose dates are one value each.
    fn parse_folded(
        section: CvSection,
        fields: &Fields,
        today: NaiveDate,
    ) -> Result<CvEntry, FieldErrors> {
        Ok(match section {
            CvSection::JobWish => {
                CvEntry::JobWish(JobWish::parse(&form::<JobWishForm>(fields), today)?)
            }
            CvSection::Introduction => CvEntry::Introduction(text_field(
                &form::<TextForm>(fields).text,
                INTRODUCTION_MAX,
            )?),
            CvSection::WorkExperience => CvEntry::WorkExperience(WorkExperience::parse(
                &form::<WorkExperienceForm>(fields),
                today,
            )?),
            CvSection::Education => {
                CvEntry::Education(Education::parse(&form::<EducationForm>(fields), today)?)
            }
            CvSection::Course => {
                CvEntry::Course(Course::parse(&form::<CourseForm>(fields), today)?)
            }
            CvSection::Certification => CvEntry::Certification(Certification::parse(
                &form::<CertificationForm>(fields),
                today,
            )?),
            CvSection::Qualification => {
                CvEntry::Qualification(parse_qualification(&form::<QualificationForm>(fields))?)
            }
            CvSection::DrivingLicence => {
                CvEntry::DrivingLicence(parse_driving_licence(&form::<DrivingLicenceForm>(fields))?)
            }
            CvSection::Language => {
                CvEntry::Language(Language::parse(&form::<LanguageForm>(fields))?)
            }
            CvSection::ItSkill => CvEntry::ItSkill(ItSkill::parse(&form::<ItSkillForm>(fields))?),
            CvSection::WhyApplying => {
                CvEntry::WhyApplying(WhyApplying::parse(&form::<WhyApplyingForm>(fields))?)
            }
            CvSection::Volunteer => {
                CvEntry::Volunteer(Volunteer::parse(&form::<VolunteerForm>(fields), today)?)
            }
            CvSection::SpecialConsiderations => CvEntry::SpecialConsiderations(text_field(
                &form::<TextForm>(fields).text,
                SPECIAL_CONSIDERATIONS_MAX,
            )?),
            CvSection::Absence => {
                CvEntry::Absence(Absence::parse(&form::<AbsenceForm>(fields), today)?)
            }
        })
    }

    pub fn section(&self) -> CvSection {
        match self {
            CvEntry::JobWish(_) => CvSection::JobWish,
            CvEntry::Introduction(_) => CvSection::Introduction,
            CvEntry::WorkExperience(_) => CvSection::WorkExperience,
            CvEntry::Education(_) => CvSection::Education,
            CvEntry::Course(_) => CvSection::Course,
            CvEntry::Certification(_) => CvSection::Certification,
            CvEntry::Qualification(_) => CvSection::Qualification,
            CvEntry::DrivingLicence(_) => CvSection::DrivingLicence,
            CvEntry::Language(_) => CvSection::Language,
            CvEntry::ItSkill(_) => CvSection::ItSkill,
            CvEntry::WhyApplying(_) => CvSection::WhyApplying,
            CvEntry::Volunteer(_) => CvSection::Volunteer,
            CvEntry::SpecialConsiderations(_) => CvSection::SpecialConsiderations,
            CvEntry::Absence(_) => CvSection::Absence,
        }
    }

    /// The entry back as the raw fields of its form, to edit it.
    pub fn to_fields(&self) -> Fields {
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        match self {
            CvEntry::JobWish(j) => fields_of(&j.to_form()),
            CvEntry::Introduction(t) | CvEntry::SpecialConsiderations(t) => {
                fields_of(&TextForm { text: t.clone() })
            }
            CvEntry::WorkExperience(w) => fields_of(&w.to_form()),
            CvEntry::Education(e) => fields_of(&EducationForm {
                education: e.education.clone(),
                institution: e.institution.clone(),
                description: opt(&e.description),
                start: e.start.to_string(),
                end: e.end.map(|d| d.to_string()).unwrap_or_default(),
            }),
            CvEntry::Course(c) => fields_of(&CourseForm {
                course: c.course.clone(),
                description: opt(&c.description),
                end_year: c.end_year.to_string(),
                length_days: c.length_days.to_string(),
            }),
            CvEntry::Certification(c) => fields_of(&CertificationForm {
                certificate: c.certificate.clone(),
                description: opt(&c.description),
                valid_until_year: c
                    .valid_until_year
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
            }),
            CvEntry::Qualification(q) => fields_of(&QualificationForm {
                qualification: q.clone(),
            }),
            CvEntry::DrivingLicence(l) => fields_of(&DrivingLicenceForm {
                category: l.code().into(),
            }),
            CvEntry::Language(l) => fields_of(&LanguageForm {
                language: l.language.clone(),
                level: l.level.code().into(),
            }),
            CvEntry::ItSkill(s) => fields_of(&ItSkillForm {
                skill: s.skill.clone(),
                level: s.level.code().into(),
            }),
            CvEntry::WhyApplying(w) => fields_of(&WhyApplyingForm {
                company: w.company.clone(),
                text: w.text.clone(),
            }),
            CvEntry::Volunteer(v) => fields_of(&VolunteerForm {
                role: v.role.clone(),
                organisation: v.organisation.clone(),
                start: v.period.start().to_string(),
                end: v.period.end().map(|d| d.to_string()).unwrap_or_default(),
                tasks: opt(&v.tasks),
            }),
            CvEntry::Absence(a) => fields_of(&AbsenceForm {
                kind: a.kind.code().into(),
                from: a.from.to_string(),
                to: a.to.map(|d| d.to_string()).unwrap_or_default(),
            }),
        }
    }

    /// Two entries with the same key cannot both be in a CV (one level per language, each
    /// licence category once, each competence once).
    pub fn duplicate_key(&self) -> Option<String> {
        match self {
            CvEntry::Language(l) => Some(l.language.clone()),
            CvEntry::DrivingLicence(l) => Some(l.code().to_string()),
            CvEntry::Qualification(q) => Some(q.to_lowercase()),
            CvEntry::JobWish(j) => Some(j.occupation.clone()),
            _ => None,
        }
    }

    /// A heading and labelled details in `lang`: how the citizen's page, the caseworker's
    /// page, the employer's page and the print view show an entry. Dates are dd-mm-yyyy in
    /// both languages.
    pub fn display(&self, lang: crate::Lang) -> (String, Vec<(&'static str, String)>) {
        let mut d: Vec<(&'static str, String)> = Vec::new();
        // The open end of a period still going on.
        let now = lang.pick("nu", "present");
        let mut push = |label: &'static str, v: Option<String>| {
            if let Some(v) = v {
                d.push((label, v));
            }
        };
        let title = match self {
            CvEntry::JobWish(j) => {
                push(
                    lang.pick("Uddannelse i faget", "Education in the field"),
                    Some(j.education.label(lang).into()),
                );
                push(
                    lang.pick("Erfaring i faget", "Experience in the field"),
                    Some(j.experience.label(lang).into()),
                );
                push(
                    lang.pick("Arbejdstid", "Working hours"),
                    Some(j.working_time.label(lang).into()),
                );
                push(
                    lang.pick("Ansættelsesform", "Type of employment"),
                    Some(j.employment_type.label(lang).into()),
                );
                push(
                    lang.pick("Kan starte", "Can start"),
                    Some(
                        j.start_date
                            .map(|d| format!("{} {}", lang.pick("Fra", "From"), format_da(d)))
                            .unwrap_or_else(|| lang.pick("Med det samme", "Immediately").into()),
                    ),
                );
                push(
                    lang.pick("Ønsker til arbejdsforhold", "Preferred working conditions"),
                    j.conditions.clone(),
                );
                format!("{} (DISCO-08 {})", j.occupation, j.disco08)
            }
            CvEntry::Introduction(t) | CvEntry::SpecialConsiderations(t) => t.clone(),
            CvEntry::WorkExperience(w) => {
                push(
                    lang.pick("Periode", "Period"),
                    Some(period_da(w.period.start(), w.period.end(), now)),
                );
                push(lang.pick("Arbejdsopgaver", "Tasks"), w.tasks.clone());
                push(
                    lang.pick(
                        "Det blev jeg særligt god til",
                        "What I became particularly good at",
                    ),
                    w.good_at.clone(),
                );
                format!("{}, {}", w.position, w.workplace)
            }
            CvEntry::Education(e) => {
                push(
                    lang.pick("Periode", "Period"),
                    Some(period_da(e.start, e.end, now)),
                );
                push(
                    lang.pick("Beskrivelse", "Description"),
                    e.description.clone(),
                );
                format!("{}, {}", e.education, e.institution)
            }
            CvEntry::Course(c) => {
                push(
                    lang.pick("Afsluttet", "Completed"),
                    Some(c.end_year.to_string()),
                );
                push(
                    lang.pick("Varighed", "Duration"),
                    Some(format!(
                        "{} {}",
                        c.length_days,
                        if c.length_days == 1 {
                            lang.pick("dag", "day")
                        } else {
                            lang.pick("dage", "days")
                        }
                    )),
                );
                push(
                    lang.pick("Beskrivelse", "Description"),
                    c.description.clone(),
                );
                c.course.clone()
            }
            CvEntry::Certification(c) => {
                push(
                    lang.pick("Gyldigt til", "Valid until"),
                    Some(
                        c.valid_until_year
                            .map(|y| y.to_string())
                            .unwrap_or_else(|| lang.pick("Udløber ikke", "Does not expire").into()),
                    ),
                );
                push(
                    lang.pick("Beskrivelse", "Description"),
                    c.description.clone(),
                );
                c.certificate.clone()
            }
            CvEntry::Qualification(q) => q.clone(),
            CvEntry::DrivingLicence(l) => l.label(lang).to_string(),
            CvEntry::Language(l) => {
                push(
                    lang.pick("Niveau", "Level"),
                    Some(l.level.label(lang).into()),
                );
                language_name(&l.language, lang)
                    .unwrap_or(&l.language)
                    .to_string()
            }
            CvEntry::ItSkill(s) => {
                push(
                    lang.pick("Niveau", "Level"),
                    Some(s.level.label(lang).into()),
                );
                s.skill.clone()
            }
            CvEntry::WhyApplying(w) => {
                push(lang.pick("Derfor", "Why"), Some(w.text.clone()));
                w.company.clone()
            }
            CvEntry::Volunteer(v) => {
                push(
                    lang.pick("Periode", "Period"),
                    Some(period_da(v.period.start(), v.period.end(), now)),
                );
                push(lang.pick("Opgaver", "Tasks"), v.tasks.clone());
                format!("{}, {}", v.role, v.organisation)
            }
            CvEntry::Absence(a) => {
                push(
                    lang.pick("Periode", "Period"),
                    Some(period_da(
                        a.from,
                        a.to,
                        lang.pick("ikke afsluttet", "ongoing"),
                    )),
                );
                a.kind.label(lang).to_string()
            }
        };
        (title, d)
    }

    /// The words an employer's search may match: only for sections employers may see. The
    /// search index is in Danish, whatever language the page is shown in.
    pub fn search_text(&self) -> Option<String> {
        if !self.section().visible_to_employers() {
            return None;
        }
        let (title, details) = self.display(crate::Lang::Da);
        let mut s = title;
        for (_, v) in details {
            s.push(' ');
            s.push_str(&v);
        }
        Some(s)
    }

    /// Lists show the newest first: entries with a start sort by it, the rest keep their order.
    pub fn sort_date(&self) -> Option<NaiveDate> {
        match self {
            CvEntry::WorkExperience(w) => Some(w.period.start()),
            CvEntry::Education(e) => Some(e.start),
            CvEntry::Volunteer(v) => Some(v.period.start()),
            CvEntry::Absence(a) => Some(a.from),
            CvEntry::Course(c) => NaiveDate::from_ymd_opt(c.end_year, 1, 1),
            _ => None,
        }
    }

    /// The entry's own value as stored (the section is stored beside it).
    pub fn to_stored(&self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(mut m)) => {
                m.remove("entry").map(|v| v.to_string()).unwrap_or_default()
            }
            _ => String::new(),
        }
    }

    pub fn from_stored(section: CvSection, stored: &str) -> Result<CvEntry, String> {
        let entry: serde_json::Value = serde_json::from_str(stored).map_err(|e| e.to_string())?;
        serde_json::from_value(serde_json::json!({ "section": section.code(), "entry": entry }))
            .map_err(|e| e.to_string())
    }
}

/// May one more entry be added to a section that already holds `existing`? A single-text
/// section is replaced rather than added to.
pub fn may_add_entry(section: CvSection, existing: usize) -> Result<(), Msg> {
    if !section.is_single() && existing >= MAX_ENTRIES_PER_SECTION {
        Err(Msg::ListTooMany)
    } else {
        Ok(())
    }
}

/// Most fields a section's draft may hold.
pub const DRAFT_MAX_FIELDS: usize = 20;
/// Most characters in one field of a draft.
pub const DRAFT_MAX_CHARS: usize = 5000;

/// The most a stored draft may weigh, as the store writes it (JSON, UTF-8), whichever path
/// stores it. The fullest form of any section, typed in two-byte letters, fits several
/// times over (tested below), so nothing a citizen can type in a form is lost to it.
pub const MAX_DRAFT_BYTES: usize = 64 * 1024;

/// A draft is only text the citizen typed: bounded like the fullest form, so a crafted
/// request cannot park megabytes as a draft.
pub fn draft_within_bounds(fields: &Fields) -> bool {
    fields.len() <= DRAFT_MAX_FIELDS
        && fields
            .values()
            .all(|v| v.chars().count() <= DRAFT_MAX_CHARS)
}

#[cfg(test)]
mod english_tests {
    use super::CvSection;
    use crate::Lang;

    #[test]
    fn every_section_has_its_english_name_noun_and_intro() {
        for &s in CvSection::ALL {
            assert_ne!(s.label(Lang::En), s.label(Lang::Da), "{s:?}");
            assert_eq!(s.label(Lang::Da), s.label_da());
            assert_ne!(s.entry_noun(Lang::En), s.entry_noun_da(), "{s:?}");
            assert_eq!(
                s.intro(Lang::En).is_empty(),
                s.intro_da().is_empty(),
                "{s:?}: an intro in one language only"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_missing_essentials_are_those_without_an_entry() {
        assert_eq!(
            CvSection::missing_essentials(&[CvSection::WorkExperience, CvSection::Language]),
            vec![CvSection::JobWish, CvSection::Education]
        );
        assert!(CvSection::missing_essentials(&CvSection::ESSENTIAL).is_empty());
    }

    use super::*;

    #[test]
    fn every_sections_fullest_form_fits_in_a_draft() {
        use crate::form_fields::{checkbox_key, FieldKind};
        for section in CvSection::ALL {
            let mut form = Fields::new();
            for spec in crate::cv::fields::fields(*section) {
                match spec.kind {
                    FieldKind::Text { max } | FieldKind::TextArea { max } => {
                        form.insert(spec.name.into(), "x".repeat(max));
                    }
                    FieldKind::Checkboxes(options) => {
                        for (code, _) in options {
                            form.insert(checkbox_key(spec.name, code), "on".into());
                        }
                    }
                    _ => {
                        form.insert(spec.name.into(), "x".into());
                    }
                }
            }
            assert!(draft_within_bounds(&form), "{section:?}");
        }
    }

    #[test]
    fn every_sections_fullest_form_in_danish_letters_fits_the_stored_bound() {
        use crate::form_fields::{checkbox_key, FieldKind};
        for section in CvSection::ALL {
            let mut form = Fields::new();
            for spec in crate::cv::fields::fields(*section) {
                match spec.kind {
                    FieldKind::Text { max } | FieldKind::TextArea { max } => {
                        form.insert(spec.name.into(), "æ".repeat(max));
                    }
                    FieldKind::Checkboxes(options) => {
                        for (code, _) in options {
                            form.insert(checkbox_key(spec.name, code), "on".into());
                        }
                    }
                    _ => {
                        form.insert(spec.name.into(), "æ".repeat(100));
                    }
                }
            }
            let bytes = serde_json::to_string(&form).unwrap().len();
            assert!(bytes <= MAX_DRAFT_BYTES, "{section:?}: {bytes} bytes");
        }
    }

    #[test]
    fn a_draft_beyond_its_bounds_is_refused() {
        let long = "x".repeat(DRAFT_MAX_CHARS);
        assert!(draft_within_bounds(&f(&[("text", &long)])));
        let longer = "æ".repeat(DRAFT_MAX_CHARS + 1);
        assert!(!draft_within_bounds(&f(&[("text", &longer)])));
        let many: Vec<(String, String)> = (0..=DRAFT_MAX_FIELDS)
            .map(|i| (format!("f{i}"), String::new()))
            .collect();
        assert!(draft_within_bounds(&many[1..].iter().cloned().collect()));
        assert!(!draft_within_bounds(&many.into_iter().collect()));
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn f(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// A valid form for every section.
    pub(crate) fn valid(section: CvSection) -> Fields {
        match section {
            CvSection::JobWish => f(&[
                ("occupation", "Sygeplejerske"),
                ("education", "completed"),
                ("experience", "over_5"),
                ("working_time", "full_time"),
                ("employment_type", "permanent"),
                ("start_when", "now"),
            ]),
            CvSection::Introduction | CvSection::SpecialConsiderations => {
                f(&[("text", "Jeg er glad for mennesker.")])
            }
            CvSection::WorkExperience => f(&[
                ("position", "Sygeplejerske"),
                ("workplace", "AUH"),
                ("start", "2015-08-01"),
            ]),
            CvSection::Education => f(&[
                ("education", "Sygeplejerske"),
                ("institution", "VIA"),
                ("start", "2011-08-01"),
                ("end", "2015-06-30"),
            ]),
            CvSection::Course => f(&[
                ("course", "Førstehjælp"),
                ("end_year", "2024"),
                ("length_days", "2"),
            ]),
            CvSection::Certification => f(&[
                ("certificate", "Truckcertifikat"),
                ("valid_until_year", "2030"),
            ]),
            CvSection::Qualification => f(&[("qualification", "Sårpleje")]),
            CvSection::DrivingLicence => f(&[("category", "B")]),
            CvSection::Language => f(&[("language", "en"), ("level", "B2")]),
            CvSection::ItSkill => f(&[("skill", "Excel"), ("level", "advanced")]),
            CvSection::WhyApplying => f(&[
                ("company", "Region Midtjylland"),
                ("text", "Jeg vil gerne arbejde tæt på borgerne."),
            ]),
            CvSection::Volunteer => f(&[
                ("role", "Træner"),
                ("organisation", "Aarhus 1900"),
                ("start", "2019-08-01"),
            ]),
            CvSection::Absence => f(&[("kind", "sickness"), ("from", "2026-11-20")]),
        }
    }

    #[test]
    fn every_section_parses_stores_and_edits_back() {
        for &s in CvSection::ALL {
            let entry =
                CvEntry::parse(s, &valid(s), today()).unwrap_or_else(|e| panic!("{s:?}: {e:?}"));
            assert_eq!(entry.section(), s);
            assert_eq!(
                CvEntry::from_stored(s, &entry.to_stored()).unwrap(),
                entry,
                "{s:?} round trip through storage"
            );
            assert_eq!(
                CvEntry::parse(s, &entry.to_fields(), today()).unwrap(),
                entry,
                "{s:?} round trip through the edit form"
            );
        }
    }

    #[test]
    fn an_empty_form_names_exactly_the_required_fields() {
        for &s in CvSection::ALL {
            let errors = CvEntry::parse(s, &Fields::new(), today()).unwrap_err();
            let mut required: Vec<_> = errors
                .iter()
                .filter(|e| e.key == Msg::Required)
                .map(|e| e.field.clone())
                .collect();
            required.sort();
            let mut declared: Vec<_> = super::super::fields::fields(s)
                .iter()
                .filter(|f| f.required)
                .map(|f| f.name.to_string())
                .collect();
            declared.sort();
            assert_eq!(
                required, declared,
                "{s:?}: the form marks as required what the parser requires"
            );
        }
    }

    #[test]
    fn hidden_sections_are_never_searchable() {
        for &s in CvSection::ALL {
            let entry = CvEntry::parse(s, &valid(s), today()).unwrap();
            assert_eq!(
                entry.search_text().is_some(),
                s.visible_to_employers(),
                "{s:?}"
            );
        }
        assert!(!CvSection::SpecialConsiderations.visible_to_employers());
        assert!(!CvSection::Absence.visible_to_employers());
    }

    #[test]
    fn lists_are_bounded_and_texts_replaced() {
        assert_eq!(
            may_add_entry(CvSection::Qualification, MAX_ENTRIES_PER_SECTION - 1),
            Ok(())
        );
        assert_eq!(
            may_add_entry(CvSection::Qualification, MAX_ENTRIES_PER_SECTION),
            Err(Msg::ListTooMany)
        );
        assert_eq!(may_add_entry(CvSection::Introduction, 1), Ok(()));
    }

    #[test]
    fn duplicates_are_recognised_by_their_key() {
        let en = CvEntry::parse(
            CvSection::Language,
            &f(&[("language", "EN"), ("level", "C1")]),
            today(),
        )
        .unwrap();
        assert_eq!(en.duplicate_key().as_deref(), Some("en"));
        let q = CvEntry::parse(
            CvSection::Qualification,
            &f(&[("qualification", "Sårpleje")]),
            today(),
        )
        .unwrap();
        assert_eq!(q.duplicate_key().as_deref(), Some("sårpleje"));
    }
}
