//! Background housekeeping, run every few minutes by `serve` and on demand by
//! `jobspor-server jobs`: expired sessions, unfinished sign-ins, old login failures, unfetched
//! flashes, access history past the
//! 3 months it is kept for, and profiles inactive for 18½ months (seed 000,
//! "Opbevaringsperiode"). The rules are core functions of (facts, now). Once a day, the
//! employer search's counts per filter key (`Store::refresh_facet_totals`).
use chrono::{DateTime, Duration, Utc};
use jobspor::retention::profile_is_due_for_deletion;
use jobspor_store::Store;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct JobReport {
    pub sessions: u64,
    /// Sign-ins started and never finished, past their ten minutes.
    pub sign_ins: u64,
    pub login_failures: u64,
    pub access_entries: u64,
    pub profiles_deleted: u64,
    /// Refused forms' answers nobody came back for (`crate::flash`).
    pub flashes: u64,
    /// The search's counts per filter key were refreshed.
    pub facet_totals: bool,
}

/// How old the search's counts per filter key may grow: they only choose where a search
/// starts, so a day's changes do not matter.
const FACET_TOTALS_MAX_AGE: Duration = Duration::days(1);

/// 18½ months is never shorter than this; older candidates are checked by the exact rule.
const SURELY_ACTIVE: Duration = Duration::days(18 * 28 + 14);

pub async fn run_once(
    store: &Store,
    now: DateTime<Utc>,
) -> Result<JobReport, jobspor_store::StoreError> {
    let mut profiles_deleted = 0;
    for (citizen_id, last_activity) in store.citizens_inactive_since(now - SURELY_ACTIVE).await? {
        if profile_is_due_for_deletion(last_activity, now) {
            store.delete_citizen(citizen_id).await?;
            profiles_deleted += 1;
        }
    }
    Ok(JobReport {
        sessions: store.delete_expired_sessions(now).await?,
        sign_ins: store.delete_stale_sign_ins(now).await?,
        login_failures: store.purge_login_failures(now - Duration::days(1)).await?,
        access_entries: store
            .purge_access_history(jobspor::retention::access_history_cutoff(now))
            .await?,
        profiles_deleted,
        flashes: store
            .delete_flashes_before(now - crate::flash::FLASH_TTL)
            .await?,
        facet_totals: store
            .refresh_facet_totals_if_older(FACET_TOTALS_MAX_AGE, now)
            .await?,
    })
}
