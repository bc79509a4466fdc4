//! How long things live (seed 000, "Dine CV-oplysninger" and "Opbevaringsperiode"; "Min
//! historik"). Each rule is a pure function of facts and `now`; the server's jobs apply them.
use chrono::{DateTime, Duration, Months, Utc};

/// A CV stops being searchable when its owner has not logged in for 12 weeks...
pub const SEARCHABLE_WITHOUT_LOGIN: Duration = Duration::weeks(12);
/// ...and the owner is e-mailed after 10 weeks, so they can log in and keep it searchable.
pub const SEARCHABLE_REMINDER_AFTER: Duration = Duration::weeks(10);
/// "Min historik" shows who accessed the profile in the last 3 months.
pub const ACCESS_HISTORY_MONTHS: u32 = 3;
/// The deletion warning goes out 2 weeks before deletion.
pub const DELETION_WARNING_BEFORE: Duration = Duration::weeks(2);

/// Employers and caseworkers find a CV only if the citizen marked it searchable and has
/// logged in within the last 12 weeks.
pub fn cv_is_searchable(
    marked_searchable: bool,
    last_login: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    marked_searchable && now < last_login + SEARCHABLE_WITHOUT_LOGIN
}

/// Until when a CV marked searchable stays searchable without another login (Min side
/// says so); `None` when it is not marked searchable.
pub fn searchable_until(
    marked_searchable: bool,
    last_login: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    marked_searchable.then(|| last_login + SEARCHABLE_WITHOUT_LOGIN)
}

/// The oldest login that still keeps a CV searchable at `now` (for the store's query).
pub fn searchable_login_cutoff(now: DateTime<Utc>) -> DateTime<Utc> {
    now - SEARCHABLE_WITHOUT_LOGIN
}

/// Whether the 10-week reminder is due (and not yet sent for this period of inactivity).
pub fn searchable_reminder_due(
    marked_searchable: bool,
    last_login: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    marked_searchable
        && now >= last_login + SEARCHABLE_REMINDER_AFTER
        && cv_is_searchable(true, last_login, now)
}

/// A profile inactive for 18½ months is deleted: 18 calendar months and then half a month,
/// taken as 15 days.
pub fn profile_deletion_at(last_activity: DateTime<Utc>) -> DateTime<Utc> {
    last_activity
        .checked_add_months(Months::new(18))
        .unwrap_or(last_activity + Duration::days(548))
        + Duration::days(15)
}

pub fn profile_is_due_for_deletion(last_activity: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now >= profile_deletion_at(last_activity)
}

pub fn deletion_warning_due(last_activity: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now >= profile_deletion_at(last_activity) - DELETION_WARNING_BEFORE
        && !profile_is_due_for_deletion(last_activity, now)
}

/// The last activity times whose deletion warning can be due at `now`: after the first and
/// at or before the second. A bound for the daily scan's query, so that it reads about three
/// weeks of citizens instead of every one; `deletion_warning_due` decides. The warning is due
/// while the deletion (`last + 18 months + 15 days`) lies after `now` and at most 2 weeks
/// ahead, so `last + 18 months` lies in `(now − 15 days, now − 15 days + 2 weeks]`; going
/// back 18 calendar months from there may land up to 3 days off (the last days of a month),
/// hence 4 days' margin at each end.
pub fn deletion_warning_candidates(now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    const MARGIN: Duration = Duration::days(4);
    let back = |t: DateTime<Utc>| {
        t.checked_sub_months(Months::new(18))
            .unwrap_or(t - Duration::days(548))
    };
    let base = now - Duration::days(15);
    (
        back(base) - MARGIN,
        back(base + DELETION_WARNING_BEFORE) + MARGIN,
    )
}

/// How long access records are kept by default (`JOBSPOR_ACCESS_LOG_DAYS`): six months, the
/// period Danish public administrations have kept logs of uses of personal data for since
/// the security order (sikkerhedsbekendtgørelsen, §19), and twice the three months a citizen
/// sees, so that an access the citizen asks about can still be checked.
pub const ACCESS_LOG_KEPT_DAYS: u32 = 183;

/// Access records from before this are pruned (`kept_days`: `ACCESS_LOG_KEPT_DAYS` unless
/// configured otherwise).
pub fn access_log_cutoff(now: DateTime<Utc>, kept_days: u32) -> DateTime<Utc> {
    now - Duration::days(i64::from(kept_days))
}

/// Access records from before this are not shown to the citizen (seed 000: "de seneste 3
/// måneder").
pub fn access_history_cutoff(now: DateTime<Utc>) -> DateTime<Utc> {
    now.checked_sub_months(Months::new(ACCESS_HISTORY_MONTHS))
        .unwrap_or(now - Duration::days(92))
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_due_deletion_warning_lies_within_the_scans_bounds() {
        let start = Utc.with_ymd_and_hms(2026, 1, 1, 9, 30, 0).unwrap();
        let mut due = 0;
        // Every day of three years (all month lengths, a leap day), and for each every
        // last activity, by the day and at two times of day, from 20 to 17 months before.
        for day in 0..(3 * 366) {
            let now = start + Duration::days(day);
            let (oldest, newest) = deletion_warning_candidates(now);
            assert!(newest - oldest < Duration::days(30), "about three weeks");
            for back in (17 * 28)..(20 * 31) {
                for hours in [-9, 14] {
                    let last = now - Duration::days(back) + Duration::hours(hours);
                    if deletion_warning_due(last, now) {
                        due += 1;
                        assert!(
                            oldest < last && last <= newest,
                            "{last} due at {now} but outside ({oldest}, {newest}]"
                        );
                    }
                }
            }
        }
        assert!(due > 3 * 366 * 2 * 13, "two weeks of days due each day");
    }

    use super::*;
    use chrono::TimeZone;

    fn t(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 12, 0, 0).unwrap()
    }

    #[test]
    fn searchable_for_12_weeks_after_login() {
        let login = t(2026, 1, 1);
        assert!(cv_is_searchable(
            true,
            login,
            login + Duration::weeks(12) - Duration::seconds(1)
        ));
        assert!(!cv_is_searchable(true, login, login + Duration::weeks(12)));
        assert!(!cv_is_searchable(false, login, login));
    }

    #[test]
    fn reminder_after_10_weeks_while_still_searchable() {
        let login = t(2026, 1, 1);
        assert!(!searchable_reminder_due(
            true,
            login,
            login + Duration::weeks(10) - Duration::seconds(1)
        ));
        assert!(searchable_reminder_due(
            true,
            login,
            login + Duration::weeks(10)
        ));
        assert!(!searchable_reminder_due(
            true,
            login,
            login + Duration::weeks(12)
        ));
        assert!(!searchable_reminder_due(
            false,
            login,
            login + Duration::weeks(11)
        ));
    }

    #[test]
    fn deletion_after_18_and_a_half_months_with_warning_2_weeks_before() {
        let last = t(2025, 1, 10);
        assert_eq!(profile_deletion_at(last), t(2026, 7, 25));
        assert!(!profile_is_due_for_deletion(last, t(2026, 7, 24)));
        assert!(profile_is_due_for_deletion(last, t(2026, 7, 25)));
        assert!(!deletion_warning_due(last, t(2026, 7, 10)));
        assert!(deletion_warning_due(last, t(2026, 7, 11)));
        assert!(!deletion_warning_due(last, t(2026, 7, 25)));
    }

    #[test]
    fn history_goes_back_three_months() {
        assert_eq!(access_history_cutoff(t(2026, 11, 22)), t(2026, 8, 22));
    }

    #[test]
    fn a_searchable_cv_lasts_twelve_weeks_from_the_last_login() {
        let login = t(2026, 12, 1);
        let until = searchable_until(true, login).unwrap();
        assert_eq!(until, login + Duration::weeks(12));
        assert!(cv_is_searchable(true, login, until - Duration::seconds(1)));
        assert!(!cv_is_searchable(true, login, until));
        assert_eq!(searchable_until(false, login), None);
    }
}
