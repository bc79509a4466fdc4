//! Background housekeeping, run every few minutes by `serve` and on demand by
//! `jobspor-server jobs`: expired sessions, old login failures, and access history past
//! the 3 months it is kept for.
use chrono::{DateTime, Duration, Utc};
use jobspor_store::Store;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct JobReport {
    pub sessions: u64,
    pub login_failures: u64,
    pub access_entries: u64,
}

pub async fn run_once(store: &Store, now: DateTime<Utc>) -> Result<JobReport, jobspor_store::StoreError> {
    Ok(JobReport {
        sessions: store.delete_expired_sessions(now).await?,
        login_failures: store.purge_login_failures(now - Duration::days(1)).await?,
        access_entries: store.purge_access_history(jobspor::retention::access_history_cutoff(now)).await?,
    })
}
