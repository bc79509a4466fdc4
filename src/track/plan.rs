//! Min Plan and Min uddannelsesplan: the jobcentre's caseworker writes the plan (a job goal,
//! agreed activities with dates and status; for a citizen on uddannelseshjælp, or with an
//! uddannelsespålæg, an education goal and its steps); the citizen reads it, marks it read
//! and comments, and the caseworker sees whether the plan as it stands was read.
use super::{parse_form, text};
use crate::choices::choices;
use crate::dates::{format_da, parse_form_date};
use crate::form_fields::{field_list, hint, opt, req, FieldKind, FieldSpec, Fields};
use crate::jobseeker::eligibility::Situation;
use crate::messages::Msg;
use crate::validation::{optional_text, required_text, FieldErrors};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

choices! {
    /// Which plan an activity belongs to.
    PlanTrack {
        Job = "job", "Min Plan (job)", "My Plan (job)";
        Education = "education", "Min uddannelsesplan", "My education plan";
    }
}

choices! {
    /// How far an agreed activity has come.
    ActivityStatus {
        Agreed = "agreed", "Aftalt", "Agreed";
        Started = "started", "I gang", "Under way";
        Done = "done", "Gennemført", "Done";
        NotDone = "not_done", "Ikke gennemført", "Not done";
    }
}

pub const GOAL_MAX: usize = 1000;
pub const ACTIVITY_MAX: usize = 300;
pub const COMMENT_MAX: usize = 2000;

/// The plan's goals.
pub const GOALS_FIELDS: &[FieldSpec] = field_list![
    req("job_goal", "Jobmål", "Job goal", FieldKind::TextArea { max: GOAL_MAX }),
    hint(
        opt("education_goal", "Uddannelsesmål", "Education goal", FieldKind::TextArea { max: GOAL_MAX }),
        "Kun for borgere på uddannelseshjælp eller med uddannelsespålæg: målet i uddannelsesplanen",
        "Only for citizens on uddannelseshjælp or with an uddannelsespålæg: the goal of the education plan"
    ),
];

/// An agreed activity (or a step of the education plan).
pub const ACTIVITY_FIELDS: &[FieldSpec] = field_list![
    req(
        "track",
        "Hvilken plan hører aktiviteten til?",
        "Which plan does the activity belong to?",
        FieldKind::Radio(PlanTrack::OPTIONS)
    ),
    req(
        "description",
        "Aktivitet",
        "Activity",
        FieldKind::Text { max: ACTIVITY_MAX }
    ),
    req("from", "Fra dato", "Start date", FieldKind::Date),
    opt("to", "Til dato", "End date", FieldKind::Date),
    req(
        "status",
        "Hvor langt er aktiviteten?",
        "How far has the activity come?",
        FieldKind::Radio(ActivityStatus::OPTIONS)
    ),
];

/// The citizen's comment.
pub const COMMENT_FIELDS: &[FieldSpec] = field_list![req(
    "comment",
    "Din kommentar til planen",
    "Your comment on the plan",
    FieldKind::TextArea { max: COMMENT_MAX }
)];

/// Whether the citizen has an education plan: on uddannelseshjælp, or on integrationsydelse
/// with an uddannelsespålæg.
pub fn education_plan_applies(situation: Option<Situation>) -> bool {
    matches!(
        situation,
        Some(Situation::Uddannelseshjaelp | Situation::IntegrationWithOrder)
    )
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanGoals {
    pub job_goal: String,
    pub education_goal: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanActivity {
    pub track: PlanTrack,
    pub description: String,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub status: ActivityStatus,
}

impl PlanGoals {
    /// `education`: whether the citizen has an education plan; an education goal for one
    /// who has not is refused.
    pub fn parse(raw: &Fields, education: bool) -> Result<PlanGoals, FieldErrors> {
        let mut e = FieldErrors::new();
        let job_goal = e.check("job_goal", required_text(text(raw, "job_goal"), GOAL_MAX));
        let education_goal = e.check(
            "education_goal",
            optional_text(text(raw, "education_goal"), GOAL_MAX).and_then(|g| match g {
                Some(_) if !education => Err(Msg::EducationPlanNotApplicable),
                g => Ok(g),
            }),
        );
        e.finish(|| {
            Some(PlanGoals {
                job_goal: job_goal?,
                education_goal: education_goal?,
            })
        })
    }

    pub fn fields(&self) -> Fields {
        let mut f = Fields::new();
        f.insert("job_goal".into(), self.job_goal.clone());
        f.insert(
            "education_goal".into(),
            self.education_goal.clone().unwrap_or_default(),
        );
        f
    }
}

/// An activity's date: about the plan's present, a year back to two years ahead.
fn date(raw: &str, today: NaiveDate, required: bool) -> Result<Option<NaiveDate>, Msg> {
    if raw.is_empty() {
        return if required {
            Err(Msg::Required)
        } else {
            Ok(None)
        };
    }
    let d = parse_form_date(raw).ok_or(Msg::DateInvalid)?;
    if d < today - Duration::days(366) {
        Err(Msg::DateImplausible)
    } else if d > today + Duration::days(2 * 366) {
        Err(Msg::DateTooFarAhead)
    } else {
        Ok(Some(d))
    }
}

impl PlanActivity {
    pub fn parse(
        raw: &Fields,
        today: NaiveDate,
        education: bool,
    ) -> Result<PlanActivity, FieldErrors> {
        parse_form(ACTIVITY_FIELDS, raw, |f| {
            let mut e = FieldErrors::new();
            let track = e.check(
                "track",
                PlanTrack::from_choice(text(f, "track")).and_then(|t| match t {
                    PlanTrack::Education if !education => Err(Msg::EducationPlanNotApplicable),
                    t => Ok(t),
                }),
            );
            let description = e.check(
                "description",
                required_text(text(f, "description"), ACTIVITY_MAX),
            );
            let from = e
                .check("from", date(text(f, "from"), today, true))
                .flatten();
            let to = e.check("to", date(text(f, "to"), today, false));
            if let (Some(from), Some(Some(to))) = (from, to) {
                if to < from {
                    e.add("to", Msg::DateEndBeforeStart);
                }
            }
            let status = e.check("status", ActivityStatus::from_choice(text(f, "status")));
            e.finish(|| {
                Some(PlanActivity {
                    track: track?,
                    description: description?,
                    from: from?,
                    to: to?,
                    status: status?,
                })
            })
        })
    }

    pub fn fields(&self) -> Fields {
        let mut f = Fields::new();
        f.insert("track".into(), self.track.code().into());
        f.insert("description".into(), self.description.clone());
        f.insert("from".into(), self.from.to_string());
        f.insert(
            "to".into(),
            self.to.map(|d| d.to_string()).unwrap_or_default(),
        );
        f.insert("status".into(), self.status.code().into());
        f
    }

    /// "01-12-2026 – 31-01-2027", or the start alone.
    pub fn period(&self) -> String {
        match self.to {
            Some(to) => format!("{} – {}", format_da(self.from), format_da(to)),
            None => format_da(self.from),
        }
    }
}

/// The citizen's comment, checked.
pub fn parse_comment(raw: &Fields) -> Result<String, FieldErrors> {
    let mut e = FieldErrors::new();
    let c = e.check("comment", required_text(text(raw, "comment"), COMMENT_MAX));
    e.finish(|| c)
}

/// Whether the plan as it stands was read: marked read at or after its last change.
pub fn read_as_it_stands(changed_at: DateTime<Utc>, read_at: Option<DateTime<Utc>>) -> bool {
    read_at.is_some_and(|r| r >= changed_at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
    }

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn only_an_education_benefit_recipient_has_an_education_plan() {
        assert!(education_plan_applies(Some(Situation::Uddannelseshjaelp)));
        assert!(education_plan_applies(Some(
            Situation::IntegrationWithOrder
        )));
        assert!(!education_plan_applies(Some(Situation::Dagpenge)));
        assert!(!education_plan_applies(None));
        let goals = fields(&[
            ("job_goal", "Job som lagerarbejder"),
            ("education_goal", "Uddannelse som smed"),
        ]);
        assert!(PlanGoals::parse(&goals, true).is_ok());
        assert_eq!(
            PlanGoals::parse(&goals, false)
                .unwrap_err()
                .for_field("education_goal")
                .map(|e| e.key),
            Some(Msg::EducationPlanNotApplicable)
        );
        let step = fields(&[
            ("track", "education"),
            ("description", "Optagelsesprøve"),
            ("from", "2027-01-10"),
            ("status", "agreed"),
        ]);
        assert!(PlanActivity::parse(&step, today(), true).is_ok());
        assert!(PlanActivity::parse(&step, today(), false).is_err());
    }

    #[test]
    fn an_activity_ends_after_it_starts_and_opens_again_as_it_was() {
        let a = fields(&[
            ("track", "job"),
            ("description", "Kursus i truckkørsel"),
            ("from", "2026-12-07"),
            ("to", "2026-12-01"),
            ("status", "agreed"),
        ]);
        assert_eq!(
            PlanActivity::parse(&a, today(), false)
                .unwrap_err()
                .for_field("to")
                .map(|e| e.key),
            Some(Msg::DateEndBeforeStart)
        );
        let mut ok = a.clone();
        ok.insert("to".into(), "2026-12-11".into());
        let parsed = PlanActivity::parse(&ok, today(), false).unwrap();
        assert_eq!(
            PlanActivity::parse(&parsed.fields(), today(), false).unwrap(),
            parsed
        );
        assert_eq!(parsed.period(), "07-12-2026 – 11-12-2026");
    }

    #[test]
    fn a_change_after_the_reading_is_unread() {
        let t = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        assert!(!read_as_it_stands(t, None));
        assert!(read_as_it_stands(t, Some(t)));
        assert!(!read_as_it_stands(t + Duration::seconds(1), Some(t)));
    }

    #[test]
    fn an_empty_comment_is_refused() {
        assert!(parse_comment(&fields(&[("comment", "  ")])).is_err());
        assert_eq!(
            parse_comment(&fields(&[("comment", " Tak ")])),
            Ok("Tak".into())
        );
    }
}
