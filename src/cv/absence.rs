//! Absence ("fravær"): vacation or sickness periods. Caseworkers may see them, employers
//! never (see `policy`). A vacation may be planned ahead; sickness cannot start tomorrow.
use crate::choices::choices;
use crate::dates::parse_form_date;
use crate::messages::Msg;
use crate::validation::FieldErrors;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

choices! {
    AbsenceKind {
        Vacation = "vacation", "Ferie", "Holiday";
        Sickness = "sickness", "Sygdom", "Illness";
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AbsenceForm {
    pub kind: String,
    pub from: String,
    pub to: String,
}

/// `to` empty: still sick (vacations always have an end).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Absence {
    pub kind: AbsenceKind,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

impl Absence {
    pub fn parse(f: &AbsenceForm, today: NaiveDate) -> Result<Absence, FieldErrors> {
        let mut e = FieldErrors::new();
        let kind = e.check("kind", AbsenceKind::from_code(&f.kind));
        let from = e.check("from", date(&f.from, today, true)).flatten();
        let to = e.check("to", date(&f.to, today, false));
        if let (Some(AbsenceKind::Sickness), Some(from)) = (kind, from) {
            if from > today {
                e.add("from", Msg::DateInFuture);
            }
        }
        if let (Some(AbsenceKind::Vacation), Some(None)) = (kind, to) {
            e.add("to", Msg::Required);
        }
        if let (Some(from), Some(Some(to))) = (from, to) {
            if to < from {
                e.add("to", Msg::DateEndBeforeStart);
            }
        }
        e.finish(|| {
            Some(Absence {
                kind: kind?,
                from: from?,
                to: to?,
            })
        })
    }
}

/// A date within a year back and a year ahead: absence is about now.
fn date(raw: &str, today: NaiveDate, required: bool) -> Result<Option<NaiveDate>, Msg> {
    if raw.trim().is_empty() {
        return if required {
            Err(Msg::Required)
        } else {
            Ok(None)
        };
    }
    let d = parse_form_date(raw).ok_or(Msg::DateInvalid)?;
    if d.year() < today.year() - 1 {
        Err(Msg::DateImplausible)
    } else if d.year() > today.year() + 1 {
        Err(Msg::DateTooFarAhead)
    } else {
        Ok(Some(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn vacation_may_be_planned_but_needs_an_end() {
        let f = AbsenceForm {
            kind: "vacation".into(),
            from: "2026-12-22".into(),
            to: "2027-01-02".into(),
        };
        assert!(Absence::parse(&f, today()).is_ok());
        let open = AbsenceForm {
            to: String::new(),
            ..f
        };
        assert_eq!(Absence::parse(&open, today()).unwrap_err().0[0].field, "to");
    }

    #[test]
    fn sickness_starts_today_at_the_latest_and_may_be_open() {
        let f = AbsenceForm {
            kind: "sickness".into(),
            from: "2026-11-20".into(),
            to: String::new(),
        };
        assert_eq!(Absence::parse(&f, today()).unwrap().to, None);
        let ahead = AbsenceForm {
            from: "2026-11-23".into(),
            ..f
        };
        assert_eq!(
            Absence::parse(&ahead, today()).unwrap_err().0[0].key,
            Msg::DateInFuture
        );
    }

    #[test]
    fn the_end_is_not_before_the_start() {
        let f = AbsenceForm {
            kind: "vacation".into(),
            from: "2026-12-22".into(),
            to: "2026-12-01".into(),
        };
        assert_eq!(
            Absence::parse(&f, today()).unwrap_err().0[0].key,
            Msg::DateEndBeforeStart
        );
    }
}
