//! The free-text parts of the CV: introduction ("lidt om mig"), why I am applying, volunteer
//! work, and the special considerations I need in a job (sensitive: caseworkers may see it,
//! employers never — see `policy`).
use super::Period;
use crate::validation::{optional_text, required_text, FieldErrors};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const INTRODUCTION_MAX: usize = 3000;
pub const WHY_APPLYING_MAX: usize = 3000;
pub const SPECIAL_CONSIDERATIONS_MAX: usize = 2000;
pub const NAME_MAX: usize = 150;
pub const TASKS_MAX: usize = 2000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WhyApplyingForm {
    pub company: String,
    pub text: String,
}

/// "Derfor søger jeg jobbet": a company's name and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhyApplying {
    pub company: String,
    pub text: String,
}

impl WhyApplying {
    pub fn parse(f: &WhyApplyingForm) -> Result<WhyApplying, FieldErrors> {
        let mut e = FieldErrors::new();
        let company = e.check("company", required_text(&f.company, NAME_MAX));
        let text = e.check("text", required_text(&f.text, WHY_APPLYING_MAX));
        e.finish(|| {
            Some(WhyApplying {
                company: company?,
                text: text?,
            })
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VolunteerForm {
    pub role: String,
    pub organisation: String,
    pub start: String,
    pub end: String,
    pub tasks: String,
}

/// Frivilligt arbejde: role, organisation, a past period, tasks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Volunteer {
    pub role: String,
    pub organisation: String,
    pub period: Period,
    pub tasks: Option<String>,
}

impl Volunteer {
    pub fn parse(f: &VolunteerForm, today: NaiveDate) -> Result<Volunteer, FieldErrors> {
        let mut e = FieldErrors::new();
        let role = e.check("role", required_text(&f.role, NAME_MAX));
        let organisation = e.check("organisation", required_text(&f.organisation, NAME_MAX));
        let period = Period::parse(&mut e, ("start", &f.start), ("end", &f.end), today);
        let tasks = e.check("tasks", optional_text(&f.tasks, TASKS_MAX));
        e.finish(|| {
            Some(Volunteer {
                role: role?,
                organisation: organisation?,
                period: period?,
                tasks: tasks?,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Msg;

    #[test]
    fn volunteer_work_has_a_past_period() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let f = VolunteerForm {
            role: "Træner".into(),
            organisation: "Aarhus 1900".into(),
            start: "2019-08-01".into(),
            ..Default::default()
        };
        assert!(Volunteer::parse(&f, today).unwrap().period.end().is_none());
        let bad = VolunteerForm {
            end: "2018-01-01".into(),
            ..f
        };
        assert_eq!(
            Volunteer::parse(&bad, today).unwrap_err().0[0].key,
            Msg::DateEndBeforeStart
        );
    }

    #[test]
    fn texts_are_bounded_and_why_needs_both_parts() {
        // The introduction is one required text of at most INTRODUCTION_MAX characters.
        use crate::cv::entry::{CvEntry, CvSection, Fields};
        let intro = |text: String| {
            let fields: Fields = [("text".to_string(), text)].into_iter().collect();
            CvEntry::parse(CvSection::Introduction, &fields, NaiveDate::MIN)
        };
        assert_eq!(intro("  ".into()).unwrap_err().0[0].key, Msg::Required);
        assert!(intro("x".repeat(INTRODUCTION_MAX)).is_ok());
        assert_eq!(
            intro("x".repeat(INTRODUCTION_MAX + 1)).unwrap_err().0[0].key,
            Msg::TooLong
        );
        let e = WhyApplying::parse(&WhyApplyingForm {
            company: "Lego".into(),
            text: String::new(),
        })
        .unwrap_err();
        assert_eq!(e.0[0].field, "text");
    }
}
