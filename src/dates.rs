//! Dates as Danes read them (dd-mm-åååå) and as forms send them (ISO, from `<input type=date>`).
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

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
