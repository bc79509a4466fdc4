//! Education, courses and certifications.
use super::{past_date, EARLIEST_YEAR};
use crate::dates::parse_form_date;
use crate::messages::Msg;
use crate::validation::{number_in, optional_text, required_text, FieldErrors};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

pub const TITLE_MAX: usize = 150;
pub const DESCRIPTION_MAX: usize = 2000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EducationForm {
    pub education: String,
    pub institution: String,
    pub description: String,
    pub start: String,
    pub end: String,
}

/// An education. It may still be under way, so its end may lie ahead (the expected end),
/// but not more than ten years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Education {
    pub education: String,
    pub institution: String,
    pub description: Option<String>,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

impl Education {
    pub fn parse(f: &EducationForm, today: NaiveDate) -> Result<Education, FieldErrors> {
        let mut e = FieldErrors::new();
        let education = e.check("education", required_text(&f.education, TITLE_MAX));
        let institution = e.check("institution", required_text(&f.institution, TITLE_MAX));
        let description = e.check(
            "description",
            optional_text(&f.description, DESCRIPTION_MAX),
        );
        let start = e.check("start", past_date(&f.start, today, true)).flatten();
        let end = e.check("end", expected_end(&f.end, today));
        if let (Some(s), Some(Some(end))) = (start, end) {
            if end < s {
                e.add("end", Msg::DateEndBeforeStart);
            }
        }
        e.finish(|| {
            Some(Education {
                education: education?,
                institution: institution?,
                description: description?,
                start: start?,
                end: end?,
            })
        })
    }
}

fn expected_end(raw: &str, today: NaiveDate) -> Result<Option<NaiveDate>, Msg> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    let d = parse_form_date(raw).ok_or(Msg::DateInvalid)?;
    if d.year() < EARLIEST_YEAR {
        Err(Msg::DateImplausible)
    } else if d.year() > today.year() + 10 {
        Err(Msg::DateTooFarAhead)
    } else {
        Ok(Some(d))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CourseForm {
    pub course: String,
    pub description: String,
    pub end_year: String,
    pub length_days: String,
}

/// A course: ended in a year (not a future one), lasting 1-365 days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Course {
    pub course: String,
    pub description: Option<String>,
    pub end_year: i32,
    pub length_days: u16,
}

impl Course {
    pub fn parse(f: &CourseForm, today: NaiveDate) -> Result<Course, FieldErrors> {
        let mut e = FieldErrors::new();
        let course = e.check("course", required_text(&f.course, TITLE_MAX));
        let description = e.check(
            "description",
            optional_text(&f.description, DESCRIPTION_MAX),
        );
        let end_year = e.check(
            "end_year",
            number_in(&f.end_year, EARLIEST_YEAR as i64, today.year() as i64),
        );
        let length_days = e.check("length_days", number_in(&f.length_days, 1, 365));
        e.finish(|| {
            Some(Course {
                course: course?,
                description: description?,
                end_year: end_year? as i32,
                length_days: length_days? as u16,
            })
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CertificationForm {
    pub certificate: String,
    pub description: String,
    pub valid_until_year: String,
}

/// A certification, valid until a year (optional: some never expire).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certification {
    pub certificate: String,
    pub description: Option<String>,
    pub valid_until_year: Option<i32>,
}

impl Certification {
    pub fn parse(f: &CertificationForm, today: NaiveDate) -> Result<Certification, FieldErrors> {
        let mut e = FieldErrors::new();
        let certificate = e.check("certificate", required_text(&f.certificate, TITLE_MAX));
        let description = e.check(
            "description",
            optional_text(&f.description, DESCRIPTION_MAX),
        );
        let valid = if f.valid_until_year.trim().is_empty() {
            Some(None)
        } else {
            e.check(
                "valid_until_year",
                number_in(
                    &f.valid_until_year,
                    EARLIEST_YEAR as i64,
                    today.year() as i64 + 50,
                ),
            )
            .map(|y| Some(y as i32))
        };
        e.finish(|| {
            Some(Certification {
                certificate: certificate?,
                description: description?,
                valid_until_year: valid?,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn an_education_under_way_has_an_expected_end() {
        let f = EducationForm {
            education: "Sygeplejerske".into(),
            institution: "VIA University College".into(),
            start: "2024-08-26".into(),
            end: "2028-01-31".into(),
            ..Default::default()
        };
        assert_eq!(
            Education::parse(&f, today()).unwrap().end,
            NaiveDate::from_ymd_opt(2028, 1, 31)
        );
        let far = EducationForm {
            end: "2040-01-01".into(),
            ..f.clone()
        };
        assert_eq!(
            Education::parse(&far, today()).unwrap_err().0[0].key,
            Msg::DateTooFarAhead
        );
        let before = EducationForm {
            end: "2020-01-01".into(),
            ..f.clone()
        };
        assert_eq!(
            Education::parse(&before, today()).unwrap_err().0[0].key,
            Msg::DateEndBeforeStart
        );
        let future_start = EducationForm {
            start: "2027-01-01".into(),
            ..f
        };
        assert_eq!(
            Education::parse(&future_start, today()).unwrap_err().0[0].key,
            Msg::DateInFuture
        );
    }

    #[test]
    fn courses_have_a_past_year_and_a_plausible_length() {
        let ok = CourseForm {
            course: "Førstehjælp".into(),
            end_year: "2025".into(),
            length_days: "2".into(),
            ..Default::default()
        };
        assert_eq!(Course::parse(&ok, today()).unwrap().length_days, 2);
        let bad = CourseForm {
            end_year: "2027".into(),
            length_days: "0".into(),
            ..ok.clone()
        };
        let keys: Vec<_> = Course::parse(&bad, today())
            .unwrap_err()
            .iter()
            .map(|e| (e.field.clone(), e.key))
            .collect();
        assert_eq!(
            keys,
            [
                ("end_year".to_string(), Msg::NumberOutOfRange),
                ("length_days".to_string(), Msg::NumberOutOfRange)
            ]
        );
        let words = CourseForm {
            length_days: "to".into(),
            ..ok
        };
        assert_eq!(
            Course::parse(&words, today()).unwrap_err().0[0].key,
            Msg::NumberInvalid
        );
    }

    #[test]
    fn certifications_may_be_valid_into_the_future_or_forever() {
        let f = CertificationForm {
            certificate: "Truckcertifikat B".into(),
            valid_until_year: "2031".into(),
            ..Default::default()
        };
        assert_eq!(
            Certification::parse(&f, today()).unwrap().valid_until_year,
            Some(2031)
        );
        let forever = CertificationForm {
            valid_until_year: " ".into(),
            ..f
        };
        assert_eq!(
            Certification::parse(&forever, today())
                .unwrap()
                .valid_until_year,
            None
        );
    }
}
