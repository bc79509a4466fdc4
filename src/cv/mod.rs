//! The CV (seed 000, "CV med følgende oplysninger"). Every section follows one pattern: a
//! `…Form` of raw strings from the browser, parsed (with today's date where dates matter)
//! into a type whose fields can only hold valid values, or into field errors.
//!
//! This module: periods, work experience and "Jeg søger job som". The other sections are in
//! the submodules.

pub mod absence;
pub mod education;
pub mod entry;
pub mod fields;
pub mod profile_texts;
pub mod skills;
use crate::choices::choices;
use crate::dates::parse_form_date;
use crate::messages::Msg;
use crate::validation::{optional_text, required_text, FieldErrors};
use chrono::{Datelike, NaiveDate};
pub use entry::{CvSection, MAX_DRAFT_BYTES};
use serde::{Deserialize, Serialize};

pub const POSITION_MAX: usize = 100;
pub const WORKPLACE_MAX: usize = 100;
pub const TASKS_MAX: usize = 2000;
pub const GOOD_AT_MAX: usize = 1000;
pub const OCCUPATION_MAX: usize = 100;
/// No one in the labour market today started a job before this year.
pub const EARLIEST_YEAR: i32 = 1950;

/// A period with a start and an optional end, both in the past (an empty end means "still").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "StoredPeriod")]
pub struct Period {
    start: NaiveDate,
    end: Option<NaiveDate>,
}

/// A period as read back, before `Period::from_stored` checks its order.
#[derive(Deserialize)]
struct StoredPeriod {
    start: NaiveDate,
    end: Option<NaiveDate>,
}

impl TryFrom<StoredPeriod> for Period {
    type Error = Msg;

    fn try_from(p: StoredPeriod) -> Result<Period, Msg> {
        Period::from_stored(p.start, p.end)
    }
}

impl Period {
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    pub fn end(&self) -> Option<NaiveDate> {
        self.end
    }

    /// Rebuilds a period read back from storage; only the ordering rule is re-checked,
    /// because "not in the future" held on the day it was saved.
    pub fn from_stored(start: NaiveDate, end: Option<NaiveDate>) -> Result<Period, Msg> {
        match end {
            Some(end) if end < start => Err(Msg::DateEndBeforeStart),
            _ => Ok(Period { start, end }),
        }
    }

    /// Parses the two date fields, recording errors against `start_field` / `end_field`.
    pub fn parse(
        e: &mut FieldErrors,
        (start_field, start_raw): (&str, &str),
        (end_field, end_raw): (&str, &str),
        today: NaiveDate,
    ) -> Option<Period> {
        let start = e.check(start_field, past_date(start_raw, today, true));
        let end = e.check(end_field, past_date(end_raw, today, false));
        let (start, end) = (start??, end?);
        if let Some(end) = end {
            if end < start {
                e.add(end_field, Msg::DateEndBeforeStart);
                return None;
            }
        }
        Some(Period { start, end })
    }
}

/// A date that cannot lie in the future (a start or an end of something that happened).
pub(crate) fn past_date(
    raw: &str,
    today: NaiveDate,
    required: bool,
) -> Result<Option<NaiveDate>, Msg> {
    if raw.trim().is_empty() {
        return if required {
            Err(Msg::Required)
        } else {
            Ok(None)
        };
    }
    let d = parse_form_date(raw).ok_or(Msg::DateInvalid)?;
    if d > today {
        Err(Msg::DateInFuture)
    } else if d.year() < EARLIEST_YEAR {
        Err(Msg::DateImplausible)
    } else {
        Ok(Some(d))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkExperienceForm {
    pub position: String,
    pub workplace: String,
    pub tasks: String,
    pub good_at: String,
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkExperience {
    pub position: String,
    pub workplace: String,
    pub tasks: Option<String>,
    pub good_at: Option<String>,
    pub period: Period,
}

impl WorkExperience {
    pub fn parse(f: &WorkExperienceForm, today: NaiveDate) -> Result<WorkExperience, FieldErrors> {
        let mut e = FieldErrors::new();
        let position = e.check("position", required_text(&f.position, POSITION_MAX));
        let workplace = e.check("workplace", required_text(&f.workplace, WORKPLACE_MAX));
        let tasks = e.check("tasks", optional_text(&f.tasks, TASKS_MAX));
        let good_at = e.check("good_at", optional_text(&f.good_at, GOOD_AT_MAX));
        let period = Period::parse(&mut e, ("start", &f.start), ("end", &f.end), today);
        e.finish(|| {
            Some(WorkExperience {
                position: position?,
                workplace: workplace?,
                tasks: tasks?,
                good_at: good_at?,
                period: period?,
            })
        })
    }

    /// Back to a form, to edit an entry.
    pub fn to_form(&self) -> WorkExperienceForm {
        WorkExperienceForm {
            position: self.position.clone(),
            workplace: self.workplace.clone(),
            tasks: self.tasks.clone().unwrap_or_default(),
            good_at: self.good_at.clone().unwrap_or_default(),
            start: self.period.start.to_string(),
            end: self.period.end.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

choices! {
    /// Fuldtid eller deltid.
    WorkingTime {
        FullTime = "full_time", "Fuldtid", "Full time";
        PartTime = "part_time", "Deltid", "Part time";
    }
}

choices! {
    /// Ansættelsesform.
    EmploymentType {
        Permanent = "permanent", "Fast ansættelse", "Permanent";
        FixedTerm = "fixed_term", "Tidsbegrænset ansættelse", "Fixed-term";
    }
}

choices! {
    /// Uddannelse inden for det job, jeg søger.
    OccupationEducation {
        None = "none", "Ingen uddannelse inden for faget", "No education in this field";
        InProgress = "in_progress", "Er i gang med en uddannelse inden for faget", "Currently studying in this field";
        Completed = "completed", "Uddannet inden for faget", "Qualified in this field";
    }
}

choices! {
    /// Erfaring i det job, jeg søger.
    OccupationExperience {
        None = "none", "Ingen erfaring", "No experience";
        UnderOneYear = "under_1", "Under 1 år", "Less than 1 year";
        OneToThree = "1_3", "1-3 år", "1-3 years";
        ThreeToFive = "3_5", "3-5 år", "3-5 years";
        OverFive = "over_5", "Over 5 år", "More than 5 years";
    }
}

choices! {
    /// Hvornår kan jeg starte.
    StartWhen {
        Now = "now", "Jeg kan starte med det samme", "I can start immediately";
        FromDate = "from_date", "Jeg kan starte fra en bestemt dato", "I can start from a specific date";
    }
}

pub const CONDITIONS_MAX: usize = 1000;
/// A start date further ahead than this is not a job search yet.
pub const START_DATE_MAX_DAYS_AHEAD: i64 = 366;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct JobWishForm {
    pub occupation: String,
    pub education: String,
    pub experience: String,
    pub conditions: String,
    pub working_time: String,
    pub employment_type: String,
    pub start_when: String,
    pub start_date: String,
}

/// One "Jeg søger job som" entry. The occupation is a title from the controlled list
/// (`crate::occupations`), kept with its DISCO-08 code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobWish {
    pub occupation: String,
    pub disco08: String,
    pub education: OccupationEducation,
    pub experience: OccupationExperience,
    /// Desired working conditions (hours, place, anything else).
    pub conditions: Option<String>,
    pub working_time: WorkingTime,
    pub employment_type: EmploymentType,
    /// `None`: can start now.
    pub start_date: Option<NaiveDate>,
}

impl JobWish {
    pub fn parse(f: &JobWishForm, today: NaiveDate) -> Result<JobWish, FieldErrors> {
        let mut e = FieldErrors::new();
        let occupation = if f.occupation.trim().is_empty() {
            e.add("occupation", Msg::Required);
            None
        } else {
            let found = crate::occupations::find(&f.occupation);
            if found.is_none() {
                e.add("occupation", Msg::OccupationUnknown);
            }
            found
        };
        let education = e.check("education", OccupationEducation::from_code(&f.education));
        let experience = e.check("experience", OccupationExperience::from_code(&f.experience));
        let conditions = e.check("conditions", optional_text(&f.conditions, CONDITIONS_MAX));
        let working_time = e.check("working_time", WorkingTime::from_code(&f.working_time));
        let employment_type = e.check(
            "employment_type",
            EmploymentType::from_code(&f.employment_type),
        );
        let start_date = match e.check("start_when", StartWhen::from_code(&f.start_when)) {
            Some(StartWhen::Now) => Some(None),
            Some(StartWhen::FromDate) => e
                .check("start_date", future_start(&f.start_date, today))
                .map(Some),
            None => None,
        };
        e.finish(|| {
            let o = occupation?;
            Some(JobWish {
                occupation: o.title.to_string(),
                disco08: o.disco08.to_string(),
                education: education?,
                experience: experience?,
                conditions: conditions?,
                working_time: working_time?,
                employment_type: employment_type?,
                start_date: start_date?,
            })
        })
    }

    pub fn to_form(&self) -> JobWishForm {
        JobWishForm {
            occupation: self.occupation.clone(),
            education: self.education.code().into(),
            experience: self.experience.code().into(),
            conditions: self.conditions.clone().unwrap_or_default(),
            working_time: self.working_time.code().into(),
            employment_type: self.employment_type.code().into(),
            start_when: if self.start_date.is_some() {
                StartWhen::FromDate
            } else {
                StartWhen::Now
            }
            .code()
            .into(),
            start_date: self.start_date.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

/// A start date: after today (today itself is "now") and within a year.
fn future_start(raw: &str, today: NaiveDate) -> Result<NaiveDate, Msg> {
    if raw.trim().is_empty() {
        return Err(Msg::Required);
    }
    let d = parse_form_date(raw).ok_or(Msg::DateInvalid)?;
    if d <= today {
        Err(Msg::DateNotAfterToday)
    } else if (d - today).num_days() > START_DATE_MAX_DAYS_AHEAD {
        Err(Msg::DateTooFarAhead)
    } else {
        Ok(d)
    }
}

/// What a CV needs before it may be made searchable (issue: at least one job wish, and at
/// least one work experience or education). `Err` carries the message key saying what misses.
pub fn may_be_made_searchable(
    job_wishes: usize,
    work_experiences: usize,
    educations: usize,
) -> Result<(), Msg> {
    match (job_wishes >= 1, work_experiences + educations >= 1) {
        (true, true) => Ok(()),
        (false, true) => Err(Msg::CvNeedsJobWish),
        (true, false) => Err(Msg::CvNeedsExperienceOrEducation),
        (false, false) => Err(Msg::CvNotReady),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn form() -> WorkExperienceForm {
        WorkExperienceForm {
            position: "Sygeplejerske".into(),
            workplace: "Aarhus Universitetshospital".into(),
            tasks: "Pleje af patienter".into(),
            good_at: String::new(),
            start: "2015-08-01".into(),
            end: String::new(),
        }
    }

    #[test]
    fn empty_end_is_a_current_job() {
        let w = WorkExperience::parse(&form(), today()).unwrap();
        assert_eq!(w.period.end(), None);
        assert_eq!(w.good_at, None);
        assert_eq!(WorkExperience::parse(&w.to_form(), today()).unwrap(), w);
    }

    #[test]
    fn end_before_start_is_refused_at_the_end_field() {
        let f = WorkExperienceForm {
            end: "2014-01-01".into(),
            ..form()
        };
        let e = WorkExperience::parse(&f, today()).unwrap_err();
        assert_eq!(
            e.0,
            vec![crate::FieldError::new("end", Msg::DateEndBeforeStart)]
        );
    }

    #[test]
    fn a_period_deserializes_only_in_order() {
        let p: Period =
            serde_json::from_str(r#"{"start":"2014-01-01","end":"2015-06-30"}"#).unwrap();
        assert_eq!(
            p,
            Period::from_stored(
                NaiveDate::from_ymd_opt(2014, 1, 1).unwrap(),
                NaiveDate::from_ymd_opt(2015, 6, 30)
            )
            .unwrap()
        );
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, r#"{"start":"2014-01-01","end":"2015-06-30"}"#);
        assert_eq!(serde_json::from_str::<Period>(&json).unwrap(), p);
        let open: Period = serde_json::from_str(r#"{"start":"2014-01-01","end":null}"#).unwrap();
        assert_eq!(open.end(), None);
        let e = serde_json::from_str::<Period>(r#"{"start":"2015-06-30","end":"2014-01-01"}"#)
            .unwrap_err();
        assert!(e.to_string().starts_with("date.end_before_start"), "{e}");
    }

    #[test]
    fn dates_in_the_future_or_long_ago_are_refused() {
        let f = WorkExperienceForm {
            start: "2026-11-23".into(),
            ..form()
        };
        assert_eq!(
            WorkExperience::parse(&f, today()).unwrap_err().0[0].key,
            Msg::DateInFuture
        );
        let f = WorkExperienceForm {
            start: "1900-01-01".into(),
            ..form()
        };
        assert_eq!(
            WorkExperience::parse(&f, today()).unwrap_err().0[0].key,
            Msg::DateImplausible
        );
        let f = WorkExperienceForm {
            start: "i går".into(),
            ..form()
        };
        assert_eq!(
            WorkExperience::parse(&f, today()).unwrap_err().0[0].key,
            Msg::DateInvalid
        );
        // The same date is fine today.
        let f = WorkExperienceForm {
            start: "2026-11-22".into(),
            ..form()
        };
        assert!(WorkExperience::parse(&f, today()).is_ok());
    }

    #[test]
    fn required_fields() {
        let e = WorkExperience::parse(&WorkExperienceForm::default(), today()).unwrap_err();
        let fields: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["position", "workplace", "start"]);
    }

    fn wish() -> JobWishForm {
        JobWishForm {
            occupation: " kok ".into(),
            education: "completed".into(),
            experience: "1_3".into(),
            working_time: "full_time".into(),
            employment_type: "fixed_term".into(),
            start_when: "now".into(),
            ..Default::default()
        }
    }

    #[test]
    fn job_wish_choices_come_from_the_lists() {
        let w = JobWish::parse(&wish(), today()).unwrap();
        assert_eq!((w.occupation.as_str(), w.disco08.as_str()), ("Kok", "5120"));
        assert_eq!(w.employment_type, EmploymentType::FixedTerm);
        assert_eq!(JobWish::parse(&w.to_form(), today()).unwrap(), w);
        let bad = JobWishForm {
            working_time: "hele tiden".into(),
            employment_type: String::new(),
            occupation: "Drømmejob".into(),
            ..wish()
        };
        let e = JobWish::parse(&bad, today()).unwrap_err();
        assert_eq!(
            e.for_field("occupation").unwrap().key,
            Msg::OccupationUnknown
        );
        assert_eq!(e.for_field("working_time").unwrap().key, Msg::ChoiceInvalid);
        assert_eq!(e.for_field("employment_type").unwrap().key, Msg::Required);
    }

    #[test]
    fn a_start_date_is_after_today_and_within_a_year() {
        let later = |d: &str| JobWishForm {
            start_when: "from_date".into(),
            start_date: d.into(),
            ..wish()
        };
        assert_eq!(
            JobWish::parse(&later("2027-01-01"), today())
                .unwrap()
                .start_date,
            NaiveDate::from_ymd_opt(2027, 1, 1)
        );
        assert_eq!(
            JobWish::parse(&later(""), today()).unwrap_err().0[0].key,
            Msg::Required
        );
        assert_eq!(
            JobWish::parse(&later("2026-11-22"), today()).unwrap_err().0[0].key,
            Msg::DateNotAfterToday
        );
        assert_eq!(
            JobWish::parse(&later("2028-01-01"), today()).unwrap_err().0[0].key,
            Msg::DateTooFarAhead
        );
        // "Now" ignores a date left in the field.
        let now = JobWishForm {
            start_date: "2020-01-01".into(),
            ..wish()
        };
        assert_eq!(JobWish::parse(&now, today()).unwrap().start_date, None);
    }

    #[test]
    fn searchable_needs_a_wish_and_experience_or_education() {
        assert_eq!(may_be_made_searchable(0, 0, 0), Err(Msg::CvNotReady));
        assert_eq!(may_be_made_searchable(0, 1, 0), Err(Msg::CvNeedsJobWish));
        assert_eq!(
            may_be_made_searchable(1, 0, 0),
            Err(Msg::CvNeedsExperienceOrEducation)
        );
        assert_eq!(may_be_made_searchable(1, 1, 0), Ok(()));
        assert_eq!(may_be_made_searchable(1, 0, 1), Ok(()));
    }
}
