//! The fields of each CV section's form (see `form_fields`): names (those of the section's
//! form struct), Danish labels, kinds and limits. A test in `entry` checks that what is
//! marked required here is what the parser requires.
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
                req("occupation", "Stillingsbetegnelse", Occupation),
                "Begynd at skrive, og vælg en stilling fra listen"
            ),
            req(
                "education",
                "Din uddannelse inden for faget",
                Radio(OccupationEducation::OPTIONS)
            ),
            req(
                "experience",
                "Din erfaring inden for faget",
                Radio(OccupationExperience::OPTIONS)
            ),
            req(
                "working_time",
                "Fuldtid eller deltid",
                Radio(WorkingTime::OPTIONS)
            ),
            req(
                "employment_type",
                "Ansættelsesform",
                Radio(EmploymentType::OPTIONS)
            ),
            req(
                "start_when",
                "Hvornår kan du starte?",
                Radio(StartWhen::OPTIONS)
            ),
            hint(
                opt("start_date", "Startdato", Date),
                "Kun hvis du kan starte fra en bestemt dato"
            ),
            hint(
                opt(
                    "conditions",
                    "Ønsker til arbejdsforhold",
                    TextArea {
                        max: CONDITIONS_MAX
                    }
                ),
                "Fx arbejdstider, arbejdssted eller transport"
            ),
        ],
        CvSection::Introduction => list![req(
            "text",
            "Lidt om mig",
            TextArea {
                max: INTRODUCTION_MAX
            }
        )],
        CvSection::SpecialConsiderations => list![req(
            "text",
            "Særlige hensyn, jeg har brug for i et job",
            TextArea {
                max: SPECIAL_CONSIDERATIONS_MAX
            }
        )],
        CvSection::WorkExperience => list![
            req("position", "Stilling", Text { max: POSITION_MAX }),
            req("workplace", "Arbejdsplads", Text { max: WORKPLACE_MAX }),
            opt("tasks", "Arbejdsopgaver", TextArea { max: TASKS_MAX }),
            opt(
                "good_at",
                "Hvad blev jeg særligt god til",
                TextArea { max: GOOD_AT_MAX }
            ),
            req("start", "Startdato", Date),
            hint(
                opt("end", "Slutdato", Date),
                "Lad feltet stå tomt, hvis det er dit nuværende job"
            ),
        ],
        CvSection::Education => list![
            req("education", "Uddannelse", Text { max: TITLE_MAX }),
            req(
                "institution",
                "Skole/uddannelsessted",
                Text { max: TITLE_MAX }
            ),
            opt(
                "description",
                "Beskrivelse af uddannelsen",
                TextArea {
                    max: DESCRIPTION_MAX
                }
            ),
            req("start", "Startdato for uddannelsen", Date),
            hint(
                opt("end", "Slutdato for uddannelsen", Date),
                "Forventet slutdato, hvis du er i gang"
            ),
        ],
        CvSection::Course => list![
            req("course", "Kursus", Text { max: TITLE_MAX }),
            opt(
                "description",
                "Beskrivelse af kurset",
                TextArea {
                    max: DESCRIPTION_MAX
                }
            ),
            hint(req("end_year", "Afsluttet år", Number), "Fx 2024"),
            hint(
                req("length_days", "Varighed i dage", Number),
                "Mellem 1 og 365"
            ),
        ],
        CvSection::Certification => list![
            req("certificate", "Certifikat", Text { max: TITLE_MAX }),
            opt(
                "description",
                "Beskrivelse af certifikatet",
                TextArea {
                    max: DESCRIPTION_MAX
                }
            ),
            hint(
                opt("valid_until_year", "Gyldigt til og med år", Number),
                "Lad feltet stå tomt, hvis certifikatet ikke udløber"
            ),
        ],
        CvSection::Qualification => list![req(
            "qualification",
            "Kompetence",
            Text {
                max: QUALIFICATION_MAX
            }
        )],
        CvSection::DrivingLicence => list![req(
            "category",
            "Kørekortkategori",
            Select(DrivingLicence::OPTIONS)
        )],
        CvSection::Language => list![
            req("language", "Sprog", Select(LANGUAGES)),
            hint(
                req("level", "Niveau", Radio(LanguageLevel::OPTIONS)),
                "Niveauerne følger Europarådets sprogskala (A1-C2)"
            )
        ],
        CvSection::ItSkill => list![
            req(
                "skill",
                "Program eller IT-kompetence",
                Text { max: IT_SKILL_MAX }
            ),
            req("level", "Niveau", Radio(ItLevel::OPTIONS))
        ],
        CvSection::WhyApplying => list![
            req("company", "Virksomhedens navn", Text { max: NAME_MAX }),
            req(
                "text",
                "Hvorfor søger jeg",
                TextArea {
                    max: WHY_APPLYING_MAX
                }
            )
        ],
        CvSection::Volunteer => list![
            req("role", "Rolle", Text { max: NAME_MAX }),
            req("organisation", "Organisation", Text { max: NAME_MAX }),
            req("start", "Startdato", Date),
            hint(
                opt("end", "Slutdato", Date),
                "Lad feltet stå tomt, hvis du stadig er i gang"
            ),
            opt(
                "tasks",
                "Opgaver",
                TextArea {
                    max: VOLUNTEER_TASKS_MAX
                }
            ),
        ],
        CvSection::Absence => list![
            req("kind", "Type fravær", Radio(AbsenceKind::OPTIONS)),
            req("from", "Fra dato", Date),
            hint(
                opt("to", "Til dato", Date),
                "Skal udfyldes for ferie. Lad feltet stå tomt, hvis sygdommen ikke er afsluttet"
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
