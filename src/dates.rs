//! Dates as Danes read them (dd-mm-åååå) and as forms send them: three fields, dag / måned /
//! år (DKFDS' date input), folded here into one value before a form is parsed.
use crate::form_fields::{FieldKind, FieldSpec, Fields};
use crate::messages::Msg;
use crate::validation::{FieldError, FieldErrors};
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

/// Denmark's offset from UTC at an instant, in hours: +2 in summer time, +1 otherwise. Summer
/// time runs from the last Sunday of March to the last Sunday of October, 01:00 UTC both ends.
pub fn danish_offset_hours(at: DateTime<Utc>) -> i64 {
    let year = at.year();
    let start = last_sunday(year, 3)
        .and_hms_opt(1, 0, 0)
        .map(|t| t.and_utc());
    let end = last_sunday(year, 10)
        .and_hms_opt(1, 0, 0)
        .map(|t| t.and_utc());
    let summer = matches!((start, end), (Some(s), Some(e)) if at >= s && at < e);
    if summer {
        2
    } else {
        1
    }
}

/// The date in Denmark at an instant.
pub fn danish_date(at: DateTime<Utc>) -> NaiveDate {
    (at + chrono::Duration::hours(danish_offset_hours(at))).date_naive()
}

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let next_month = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .unwrap_or(NaiveDate::MIN);
    let last = next_month.pred_opt().unwrap_or(NaiveDate::MIN);
    let back = last.weekday().num_days_from_sunday() as i64;
    last - chrono::Duration::days(back)
}

/// The instant a Danish wall-clock time names (a meeting at 10:00 on a date).
pub fn danish_to_utc(date: NaiveDate, time: chrono::NaiveTime) -> DateTime<Utc> {
    let local = date.and_time(time).and_utc();
    local - chrono::Duration::hours(danish_offset_hours(local))
}

/// `dd-mm-åååå`, the Danish way. (By hand rather than chrono's `format`: its format-string
/// interpreter is code the browser's wasm would otherwise carry for this one pattern.)
pub fn format_da(date: NaiveDate) -> String {
    format!("{:02}-{:02}-{:04}", date.day(), date.month(), date.year())
}

/// `dd-mm-åååå kl. tt:mm` in Danish local time.
pub fn format_da_time(at: DateTime<Utc>) -> String {
    let local = at + chrono::Duration::hours(danish_offset_hours(at));
    format!(
        "{} kl. {}",
        format_da(local.date_naive()),
        format_args!("{:02}:{:02}", local.hour(), local.minute())
    )
}

/// Parses a form date: ISO `åååå-mm-dd` (what `<input type=date>` sends) or Danish `dd-mm-åååå`.
pub fn parse_form_date(raw: &str) -> Option<NaiveDate> {
    let mut parts = raw.trim().split('-');
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let number = |s: &str, digits: std::ops::RangeInclusive<usize>| {
        (digits.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (year, month, day) = if a.len() == 4 {
        (number(a, 4..=4)?, number(b, 1..=2)?, number(c, 1..=2)?)
    } else {
        (number(c, 4..=4)?, number(b, 1..=2)?, number(a, 1..=2)?)
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// One of the three fields a date is typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    Day,
    Month,
    Year,
}

impl DatePart {
    pub const ALL: [DatePart; 3] = [DatePart::Day, DatePart::Month, DatePart::Year];

    /// The part's form name is the date's, with this suffix: `start__dag`.
    fn suffix(self) -> &'static str {
        match self {
            DatePart::Day => "dag",
            DatePart::Month => "maaned",
            DatePart::Year => "aar",
        }
    }

    /// The form name of this part of the date field `field`.
    pub fn key(self, field: &str) -> String {
        format!("{field}__{}", self.suffix())
    }

    /// The field an error about this part is recorded under. The day, the first of the three,
    /// is the date field itself: its input carries the field's id, so a message about the
    /// whole date and one about the day both lead there from the error summary.
    pub fn error_field(self, field: &str) -> String {
        match self {
            DatePart::Day => field.to_string(),
            _ => self.key(field),
        }
    }

    /// Digits the part takes.
    pub fn max_digits(self) -> usize {
        match self {
            DatePart::Day | DatePart::Month => 2,
            DatePart::Year => 4,
        }
    }

    /// The message for a part that is not a number in its range.
    fn invalid(self) -> Msg {
        match self {
            DatePart::Day => Msg::DateDayInvalid,
            DatePart::Month => Msg::DateMonthInvalid,
            DatePart::Year => Msg::DateYearInvalid,
        }
    }
}

/// The three parts a date field shows: what was typed in them, or else its whole value
/// (ISO, as an entry being edited opens) split; empty parts when there is neither.
pub fn date_parts(values: &Fields, field: &str) -> [String; 3] {
    if DatePart::ALL
        .iter()
        .any(|p| values.contains_key(&p.key(field)))
    {
        return DatePart::ALL.map(|p| values.get(&p.key(field)).cloned().unwrap_or_default());
    }
    match values.get(field).and_then(|v| parse_form_date(v)) {
        Some(d) => [
            d.day().to_string(),
            d.month().to_string(),
            d.year().to_string(),
        ],
        None => Default::default(),
    }
}

/// A date typed in three parts: `Ok(None)` when all three are empty, the date when each part
/// is a number in its range and the day exists in that month, else the first part in error.
pub fn date_from_parts(
    day: &str,
    month: &str,
    year: &str,
) -> Result<Option<NaiveDate>, (DatePart, Msg)> {
    let raw = [day.trim(), month.trim(), year.trim()];
    if raw.iter().all(|p| p.is_empty()) {
        return Ok(None);
    }
    let mut numbers = [0u32; 3];
    for (i, part) in DatePart::ALL.into_iter().enumerate() {
        let text = raw[i];
        let digits_ok = match part {
            DatePart::Year => text.len() == 4,
            _ => (1..=2).contains(&text.len()),
        } && text.bytes().all(|b| b.is_ascii_digit());
        let n = if digits_ok {
            text.parse::<u32>().ok()
        } else {
            None
        };
        let in_range = match part {
            DatePart::Day => (1..=31).contains(&n.unwrap_or(0)),
            DatePart::Month => (1..=12).contains(&n.unwrap_or(0)),
            DatePart::Year => n.is_some(),
        };
        match n {
            Some(n) if in_range => numbers[i] = n,
            _ => return Err((part, part.invalid())),
        }
    }
    let [d, m, y] = numbers;
    NaiveDate::from_ymd_opt(y as i32, m, d)
        .map(Some)
        .ok_or((DatePart::Day, Msg::DateDayNotInMonth))
}

/// Folds each date field of `specs` typed in parts into its one value, which the section's
/// parser reads as before. A part in error leaves a value the parser refuses, and
/// `name_parts` then puts the part's own message in its place.
pub fn fold_date_parts(specs: &[FieldSpec], raw: &Fields) -> (Fields, Vec<FieldError>) {
    let mut folded = raw.clone();
    let mut part_errors = Vec::new();
    for spec in specs.iter().filter(|s| s.kind == FieldKind::Date) {
        let keys = DatePart::ALL.map(|p| p.key(spec.name));
        if !keys.iter().any(|k| raw.contains_key(k)) {
            continue;
        }
        let [d, m, y] = keys.clone().map(|k| folded.remove(&k).unwrap_or_default());
        let value = match date_from_parts(&d, &m, &y) {
            Ok(Some(date)) => date.to_string(),
            Ok(None) => String::new(),
            Err((part, msg)) => {
                part_errors.push(FieldError::new(part.error_field(spec.name), msg));
                // Not a date in either form the parser reads.
                "?".to_string()
            }
        };
        folded.insert(spec.name.to_string(), value);
    }
    (folded, part_errors)
}

/// Replaces the parser's message about a date typed in parts ("not a valid date") with the
/// message naming the part. A date the parser did not complain of (a follow-up not asked)
/// keeps no error.
pub fn name_parts(errors: FieldErrors, part_errors: &[FieldError]) -> FieldErrors {
    let mut named = FieldErrors::new();
    for e in errors.0 {
        let field = e.field.clone();
        match part_errors
            .iter()
            .find(|p| p.field == field || p.field.starts_with(&format!("{field}__")))
        {
            Some(p) if e.key == Msg::DateInvalid => named.0.push(p.clone()),
            _ => named.0.push(e),
        }
    }
    named
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn parts(d: &str, m: &str, y: &str) -> Result<Option<NaiveDate>, (DatePart, Msg)> {
        date_from_parts(d, m, y)
    }

    #[test]
    fn a_date_in_three_parts_names_the_part_in_error() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
        assert_eq!(parts("9", "3", "2026"), Ok(Some(d)));
        assert_eq!(parts(" 09 ", "03", "2026"), Ok(Some(d)));
        assert_eq!(parts("", " ", ""), Ok(None));
        assert_eq!(
            parts("31", "2", "2026"),
            Err((DatePart::Day, Msg::DateDayNotInMonth))
        );
        assert_eq!(
            parts("29", "2", "2024"),
            Ok(NaiveDate::from_ymd_opt(2024, 2, 29))
        );
        assert_eq!(
            parts("29", "2", "2026"),
            Err((DatePart::Day, Msg::DateDayNotInMonth))
        );
        assert_eq!(
            parts("32", "1", "2026"),
            Err((DatePart::Day, Msg::DateDayInvalid))
        );
        assert_eq!(
            parts("0", "1", "2026"),
            Err((DatePart::Day, Msg::DateDayInvalid))
        );
        assert_eq!(
            parts("", "1", "2026"),
            Err((DatePart::Day, Msg::DateDayInvalid))
        );
        assert_eq!(
            parts("1", "13", "2026"),
            Err((DatePart::Month, Msg::DateMonthInvalid))
        );
        assert_eq!(
            parts("1", "maj", "2026"),
            Err((DatePart::Month, Msg::DateMonthInvalid))
        );
        assert_eq!(
            parts("1", "5", "26"),
            Err((DatePart::Year, Msg::DateYearInvalid))
        );
        assert_eq!(
            parts("1", "5", ""),
            Err((DatePart::Year, Msg::DateYearInvalid))
        );
        assert_eq!(
            parts("+1", "5", "2026"),
            Err((DatePart::Day, Msg::DateDayInvalid))
        );
    }

    #[test]
    fn date_parts_fold_into_the_field_and_errors_go_to_the_part() {
        use crate::form_fields::{opt, req};
        let specs = [
            req("start", "Startdato", "Start date", FieldKind::Date),
            opt("end", "Slutdato", "End date", FieldKind::Date),
        ];
        let raw: Fields = [
            ("start__dag", "1"),
            ("start__maaned", "5"),
            ("start__aar", "2020"),
            ("end__dag", "1"),
            ("end__maaned", "14"),
            ("end__aar", "2021"),
            ("other", "x"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let (folded, errors) = fold_date_parts(&specs, &raw);
        assert_eq!(folded.get("start").map(String::as_str), Some("2020-05-01"));
        assert_eq!(folded.get("other").map(String::as_str), Some("x"));
        assert!(!folded.contains_key("start__dag"));
        assert_eq!(
            errors,
            vec![FieldError::new("end__maaned", Msg::DateMonthInvalid)]
        );
        assert!(parse_form_date(&folded["end"]).is_none());
        // The parser's "not a date" becomes the part's message, in the parser's order.
        let mut parsed = FieldErrors::new();
        parsed.add("other", Msg::Required);
        parsed.add("end", Msg::DateInvalid);
        let named = name_parts(parsed, &errors);
        assert_eq!(
            named.0,
            vec![
                FieldError::new("other", Msg::Required),
                FieldError::new("end__maaned", Msg::DateMonthInvalid)
            ]
        );
        // A form sent as one value (an older client, a stored draft) is read as before.
        let whole: Fields = [("start".to_string(), "2020-05-01".to_string())].into();
        assert_eq!(fold_date_parts(&specs, &whole).0, whole);
        // And it opens in the three fields.
        assert_eq!(
            date_parts(&whole, "start"),
            ["1", "5", "2020"].map(String::from)
        );
        assert_eq!(
            date_parts(&raw, "end"),
            ["1", "14", "2021"].map(String::from)
        );
        assert_eq!(date_parts(&raw, "none"), <[String; 3]>::default());
    }

    #[test]
    fn danish_date_crosses_midnight_an_hour_or_two_before_utc() {
        // 23:30 UTC in winter is 00:30 the next day in Copenhagen.
        let winter = Utc.with_ymd_and_hms(2026, 1, 10, 23, 30, 0).unwrap();
        assert_eq!(
            danish_date(winter),
            NaiveDate::from_ymd_opt(2026, 1, 11).unwrap()
        );
        // 22:30 UTC in summer is 00:30 the next day.
        let summer = Utc.with_ymd_and_hms(2026, 7, 10, 22, 30, 0).unwrap();
        assert_eq!(
            danish_date(summer),
            NaiveDate::from_ymd_opt(2026, 7, 11).unwrap()
        );
        let summer_before = Utc.with_ymd_and_hms(2026, 7, 10, 21, 30, 0).unwrap();
        assert_eq!(
            danish_date(summer_before),
            NaiveDate::from_ymd_opt(2026, 7, 10).unwrap()
        );
    }

    #[test]
    fn formats_and_parses_both_ways() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
        assert_eq!(format_da(d), "09-03-2026");
        assert_eq!(parse_form_date("2026-03-09"), Some(d));
        assert_eq!(parse_form_date("09-03-2026"), Some(d));
        assert_eq!(parse_form_date("9/3"), None);
        assert_eq!(parse_form_date(" 9-3-2026 "), Some(d));
        assert_eq!(parse_form_date("2026-02-30"), None);
        assert_eq!(parse_form_date("09-03-26"), None);
        assert_eq!(parse_form_date("09-03-2026-1"), None);
        assert_eq!(parse_form_date("+9-03-2026"), None);
        let t = Utc.with_ymd_and_hms(2026, 7, 1, 10, 5, 0).unwrap();
        assert_eq!(format_da_time(t), "01-07-2026 kl. 12:05");
        let w = Utc.with_ymd_and_hms(2026, 12, 1, 10, 5, 0).unwrap();
        assert_eq!(format_da_time(w), "01-12-2026 kl. 11:05");
    }
}
