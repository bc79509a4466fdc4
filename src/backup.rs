//! Backups (seed 004 §8: "Der bliver dagligt taget en sikkerhedskopi … vil under alle
//! omstændigheder kun blive opbevaret i højst en måned") and the deletion ledger that keeps a
//! deleted profile from coming back through a restore. Pure rules; the server's `backup` and
//! `restore` commands and the daily job apply them.
use crate::statistics::{hmac_hex, SecretKey};
use chrono::{DateTime, Months, NaiveDateTime, Utc};

/// A backup is kept one calendar month from the time it was taken, and deleted by the first
/// backup run (or housekeeping run) after that: taken 15 March 02:00 UTC, deleted from 15
/// April 02:00; taken 31 January, deleted from 28 (or 29) February, as chrono clamps to the
/// month's end. A calendar month rather than 31 days: "højst en måned" is never longer than
/// the month the reader has in mind.
pub const BACKUP_KEPT: Months = Months::new(1);

/// When a backup taken at `taken` must be gone.
pub fn backup_expires_at(taken: DateTime<Utc>) -> DateTime<Utc> {
    taken
        .checked_add_months(BACKUP_KEPT)
        .unwrap_or(taken + chrono::Duration::days(28))
}

pub fn backup_is_expired(taken: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now >= backup_expires_at(taken)
}

/// The prefix of every backup file's name.
pub const FILE_PREFIX: &str = "jobspor-";
const TIME_FORMAT: &str = "%Y%m%dT%H%M%SZ";

/// A backup's file name: `jobspor-20261122T090000Z.<extension>`, its UTC time in the name.
pub fn backup_file_name(taken: DateTime<Utc>, extension: &str) -> String {
    format!("{FILE_PREFIX}{}.{extension}", taken.format(TIME_FORMAT))
}

/// When the backup named `name` was taken; `None` for a name `backup_file_name` did not make
/// (another file in the folder is never touched).
pub fn backup_taken_at(name: &str) -> Option<DateTime<Utc>> {
    let rest = name.strip_prefix(FILE_PREFIX)?;
    let stamp = rest.get(..16)?;
    if !rest[16..].starts_with('.') {
        return None;
    }
    NaiveDateTime::parse_from_str(stamp, TIME_FORMAT)
        .ok()
        .map(|t| t.and_utc())
}

/// Of the file names in the backup folder, those to delete at `now`.
pub fn expired_backups<'a>(names: &[&'a str], now: DateTime<Utc>) -> Vec<&'a str> {
    names
        .iter()
        .copied()
        .filter(|n| backup_taken_at(n).is_some_and(|t| backup_is_expired(t, now)))
        .collect()
}

/// A deleted profile's line in the deletion ledger: HMAC-SHA256 of the CPR number under the
/// ledger's key (`JOBSPOR_LEDGER_KEY`). It tells a restore whom to delete again without
/// keeping the CPR number; without the key it cannot be checked against a guessed number.
pub fn ledger_pseudonym(key: &SecretKey, cpr_digits: &str) -> String {
    hmac_hex(key.bytes(), cpr_digits.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
    }

    #[test]
    fn a_backup_lives_one_calendar_month() {
        let taken = at(2026, 3, 15, 2);
        assert!(!backup_is_expired(taken, at(2026, 4, 15, 1)));
        assert!(backup_is_expired(taken, at(2026, 4, 15, 2)));
        // The end of a long month clamps to the short month's end.
        let taken = at(2026, 1, 31, 2);
        assert_eq!(backup_expires_at(taken), at(2026, 2, 28, 2));
        assert!(!backup_is_expired(taken, at(2026, 2, 28, 1)));
        assert!(backup_is_expired(taken, at(2026, 2, 28, 2)));
        // Never more than 31 days.
        for d in 1..=28 {
            let t = at(2026, 1, d, 0);
            assert!(backup_expires_at(t) - t <= Duration::days(31));
        }
    }

    #[test]
    fn the_time_is_in_the_name_and_back() {
        let t = at(2026, 11, 22, 9) + Duration::seconds(75);
        let name = backup_file_name(t, "sqlite");
        assert_eq!(name, "jobspor-20261122T090115Z.sqlite");
        assert_eq!(backup_taken_at(&name), Some(t));
        assert_eq!(backup_taken_at("jobspor-20261122T090115Z"), None);
        assert_eq!(backup_taken_at("notes.txt"), None);
        assert_eq!(backup_taken_at("jobspor-2026112XT090115Z.sqlite"), None);
    }

    #[test]
    fn only_backups_past_their_month_are_deleted_as_the_clock_moves() {
        let names = [
            "jobspor-20261001T020000Z.pgdump",
            "jobspor-20261021T020000Z.pgdump",
            "jobspor-20261122T020000Z.pgdump",
            "README.txt",
        ];
        // The day before its month is out the one from 21 October stays...
        assert_eq!(
            expired_backups(&names, at(2026, 11, 21, 1)),
            vec!["jobspor-20261001T020000Z.pgdump"]
        );
        // ...and goes at the hour it was taken, a month later.
        assert_eq!(
            expired_backups(&names, at(2026, 11, 21, 2)),
            vec![
                "jobspor-20261001T020000Z.pgdump",
                "jobspor-20261021T020000Z.pgdump"
            ]
        );
        assert_eq!(
            expired_backups(&names, at(2026, 10, 31, 0)),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn the_ledger_names_a_cpr_number_by_key() {
        let k = SecretKey::parse("the ledger's key, at least 32 bytes long").unwrap();
        let p = ledger_pseudonym(&k, "1906910161");
        assert_eq!(p, ledger_pseudonym(&k, "1906910161"));
        assert_ne!(p, ledger_pseudonym(&k, "1906910162"));
        assert!(!p.contains("1906910161"));
        assert_eq!(p.len(), 64);
    }
}
