//! The fields of each CV section's form (see `form_fields`): names (those of the section's
//! form struct), labels in Danish and English, kinds and limits. A test in `entry` checks
//! that what is marked required here is what the parser requires.
use super::absence::AbsenceKind;
use super::education::{DESCRIPTION_MAX, TITLE_MAX};
use super::entry::CvSection;
use super::profile_texts::{
    INTRODUCTION_MAX, NAME_MAX, SPECIAL_CONSIDERATIONS_MAX, TASKS_MAX as VOLUNTEER_TASKS_MAX,
    WHY_APPLYING_MAX,
};
use super::skills::{
    DrivingLicence, ItLevel, LanguageLevel, IT_SKILL_MAX, LANGUAGES, QUALIFICATION_MAX,
};
use super::{
    EmploymentType, OccupationEducation, OccupationExperience, StartWhen, WorkingTime,
    CONDITIONS_MAX, GOOD_AT_MAX, POSITION_MAX, TASKS_MAX, WORKPLACE_MAX,
};

use crate::form_fields::{field_list as list, hint, opt, req};
pub use crate::form_fields::{FieldKind, FieldSpec};
use FieldKind::*;

pub fn fields(section: CvSection) -> &'static [FieldSpec] {
    match section {
        CvSection::JobWish => list![
            hint(
                req("occupation", "Stillingsbetegnelse", "Job title", Occupation),
                "Begynd at skrive, og vælg en stilling fra listen",
                "Start typing, then choose a job from the list"
            ),
            req(
                "education",
                "Din uddannelse inden for faget",
                "Your education in this field",
                Radio(OccupationEducation::OPTIONS)
            ),
            req(
                "experience",
                "Din erfaring inden for faget",
                "Your experience in this field",
                Radio(OccupationExperience::OPTIONS)
            ),
            req(
                "working_time",
                "Fuldtid eller deltid",
                "Full time or part time",
                Radio(WorkingTime::OPTIONS)
            ),
            req(
                "employment_type",
                "Ansættelsesform",
                "Type of employment",
                Radio(EmploymentType::OPTIONS)
            ),
            req(
                "start_when",
                "Hvornår kan du starte?",
                "When can you start?",
                Radio(StartWhen::OPTIONS)
            ),
            hint(
                opt("start_date", "Startdato", "Start date", Date),
                "Kun hvis du kan starte fra en bestemt dato",
                "Only if you can start from a specific date"
            ),
            hint(
                opt(
                    "conditions",
                    "Ønsker til arbejdsforhold",
                    "Preferred working conditions",
                    TextArea {
                        max: CONDITIONS_MAX
                    }
                ),
                "Fx arbejdstider, arbejdssted eller transport",
                "For example, working hours, place of work or transport"
            ),
        ],
        CvSection::Introduction => list![req(
            "text",
            "Lidt om mig",
            "About me",
            TextArea {
                max: INTRODUCTION_MAX
            }
        )],
        CvSection::SpecialConsiderations => list![req(
            "text",
            "Særlige hensyn, jeg har brug for i et job",
            "Special considerations I need in a job",
            TextArea {
                max: SPECIAL_CONSIDERATIONS_MAX
            }
        )],
        CvSection::WorkExperience => list![
            req(
                "position",
                "Stilling",
                "Job title",
                Text { max: POSITION_MAX }
            ),
            req(
                "workplace",
                "Arbejdsplads",
                "Workplace",
                Text { max: WORKPLACE_MAX }
            ),
            opt(
                "tasks",
                "Arbejdsopgaver",
                "Tasks",
                TextArea { max: TASKS_MAX }
            ),
            opt(
                "good_at",
                "Hvad blev jeg særligt god til",
                "What I became particularly good at",
                TextArea { max: GOOD_AT_MAX }
            ),
            req("start", "Startdato", "Start date", Date),
            hint(
                opt("end", "Slutdato", "End date", Date),
                "Lad feltet stå tomt, hvis det er dit nuværende job",
                "Leave this blank if it is your current job"
            ),
        ],
        CvSection::Education => list![
            req(
                "education",
                "Uddannelse",
                "Education",
                Text { max: TITLE_MAX }
            ),
            req(
                "institution",
                "Skole/uddannelsessted",
                "School or place of study",
                Text { max: TITLE_MAX }
            ),
            opt(
                "description",
                "Beskrivelse af uddannelsen",
                "Description of the education",
                TextArea {
                    max: DESCRIPTION_MAX
                }
            ),
            req(
                "start",
                "Startdato for uddannelsen",
                "Start date of the education",
                Date
            ),
            hint(
                opt(
                    "end",
                    "Slutdato for uddannelsen",
                    "End date of the education",
                    Date
                ),
                "Forventet slutdato, hvis du er i gang",
                "Expected end date if you are still studying"
            ),
        ],
        CvSection::Course => list![
            req("course", "Kursus", "Course", Text { max: TITLE_MAX }),
            opt(
                "description",
                "Beskrivelse af kurset",
                "Description of the course",
                TextArea {
                    max: DESCRIPTION_MAX
                }
            ),
            hint(
                req("end_year", "Afsluttet år", "Year completed", Number),
                "Fx 2024",
                "For example, 2024"
            ),
            hint(
                req("length_days", "Varighed i dage", "Length in days", Number),
                "Mellem 1 og 365",
                "Between 1 and 365"
            ),
        ],
        CvSection::Certification => list![
            req(
                "certificate",
                "Certifikat",
                "Certificate",
                Text { max: TITLE_MAX }
            ),
            opt(
                "description",
                "Beskrivelse af certifikatet",
                "Description of the certificate",
                TextArea {
                    max: DESCRIPTION_MAX
                }
            ),
            hint(
                opt(
                    "valid_until_year",
                    "Gyldigt til og med år",
                    "Valid until (year)",
                    Number
                ),
                "Lad feltet stå tomt, hvis certifikatet ikke udløber",
                "Leave this blank if the certificate does not expire"
            ),
        ],
        CvSection::Qualification => list![req(
            "qualification",
            "Kompetence",
            "Skill",
            Text {
                max: QUALIFICATION_MAX
            }
        )],
        CvSection::DrivingLicence => list![req(
            "category",
            "Kørekortkategori",
            "Driving licence category",
            Select(DrivingLicence::OPTIONS)
        )],
        CvSection::Language => list![
            req("language", "Sprog", "Language", Select(LANGUAGES)),
            hint(
                req("level", "Niveau", "Level", Radio(LanguageLevel::OPTIONS)),
                "Niveauerne følger Europarådets sprogskala (A1-C2)",
                "The levels follow the Council of Europe's language scale (A1-C2)"
            )
        ],
        CvSection::ItSkill => list![
            req(
                "skill",
                "Program eller IT-kompetence",
                "Program or IT skill",
                Text { max: IT_SKILL_MAX }
            ),
            req("level", "Niveau", "Level", Radio(ItLevel::OPTIONS))
        ],
        CvSection::WhyApplying => list![
            req(
                "company",
                "Virksomhedens navn",
                "Company name",
                Text { max: NAME_MAX }
            ),
            req(
                "text",
                "Hvorfor søger jeg",
                "Why I am applying",
                TextArea {
                    max: WHY_APPLYING_MAX
                }
            )
        ],
        CvSection::Volunteer => list![
            req("role", "Rolle", "Role", Text { max: NAME_MAX }),
            req(
                "organisation",
                "Organisation",
                "Organisation",
                Text { max: NAME_MAX }
            ),
            req("start", "Startdato", "Start date", Date),
            hint(
                opt("end", "Slutdato", "End date", Date),
                "Lad feltet stå tomt, hvis du stadig er i gang",
                "Leave this blank if you are still doing it"
            ),
            opt(
                "tasks",
                "Opgaver",
                "Tasks",
                TextArea {
                    max: VOLUNTEER_TASKS_MAX
                }
            ),
        ],
        CvSection::Absence => list![
            req(
                "kind",
                "Type fravær",
                "Type of absence",
                Radio(AbsenceKind::OPTIONS)
            ),
            req("from", "Fra dato", "Start date", Date),
            hint(
                opt("to", "Til dato", "End date", Date),
                "Skal udfyldes for ferie. Lad feltet stå tomt, hvis sygdommen ikke er afsluttet",
                "You must fill this in for a holiday. Leave it blank if your illness has not ended"
            ),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cv::entry::{CvEntry, Fields};
    use crate::dates::DatePart;

    #[test]
    fn every_error_a_parser_gives_is_about_a_field_of_the_form() {
        // Dates as the form sends them, in three parts, the year's in error.
        let junk: Fields = CvSection::ALL
            .iter()
            .flat_map(|s| fields(*s).iter())
            .flat_map(|f| match f.kind {
                Date => DatePart::ALL
                    .iter()
                    .map(|p| (p.key(f.name), "1".repeat(p.max_digits() - 1)))
                    .collect::<Vec<_>>(),
                _ => vec![(f.name.to_string(), "x".repeat(5000))],
            })
            .collect();
        let mut parts_named = false;
        for &s in CvSection::ALL {
            let names: Vec<String> = fields(s)
                .iter()
                .flat_map(|f| match f.kind {
                    Date => DatePart::ALL
                        .iter()
                        .map(|p| p.error_field(f.name))
                        .collect(),
                    _ => vec![f.name.to_string()],
                })
                .collect();
            for e in CvEntry::parse(
                s,
                &junk,
                chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            )
            .unwrap_err()
            .iter()
            {
                parts_named |= e.field.ends_with("__aar");
                assert!(
                    names.contains(&e.field),
                    "{s:?}: error on {} which the form lacks",
                    e.field
                );
            }
        }
        assert!(parts_named, "no error named a date's year");
    }
}
