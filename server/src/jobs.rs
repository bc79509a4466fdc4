//! Background housekeeping, run every few minutes by `serve` and on demand by
//! `jobspor-server jobs`: expired sessions, unfinished sign-ins, old login failures, unfetched
//! flashes, access records past the period they are kept for (`JobSettings`), and profiles inactive for 18½ months (seed 000,
//! "Opbevaringsperiode"). The rules are core functions of (facts, now). Once a day, the
//! employer search's counts per filter key (`Store::refresh_facet_totals`), and the seed's
//! inactivity notices (`Store::scan_inactivity`; delivering them is issue 23's worker). Every
//! run, the CVs offered to EURES follow their CVs (`Store::sync_eures`: "inden for nogle
//! timer", seed 004 §7), and closures past their period are forgotten; and tomorrow's
//! meetings are reminded (issue 25), once each. With a backup folder (`JOBSPOR_BACKUP_DIR`),
//! once a day a backup (`crate::backup`), and on every run the backups past their month
//! deleted and the deletion ledger's rows that no backup can need any more (issue 26). A
//! failed login's address is kept only for the throttle's 15 minutes.
use chrono::{DateTime, Duration, Utc};
use jobspor::retention::profile_is_due_for_deletion;
use jobspor_store::Store;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct JobReport {
    pub sessions: u64,
    /// Sign-ins started and never finished, past their ten minutes.
    pub sign_ins: u64,
    pub login_failures: u64,
    /// Access records pruned from the start of the chain, past the period they are kept.
    pub access_records: u64,
    /// Caseworkers' lookups past the same period, and case references expired.
    pub lookups: u64,
    pub profiles_deleted: u64,
    /// Refused forms' answers nobody came back for (`crate::flash`).
    pub flashes: u64,
    /// The search's counts per filter key were refreshed.
    pub facet_totals: bool,
    /// The day's inactivity notices queued, when this run was the day's first.
    pub notices: Option<jobspor_store::notice_scans::ScanReport>,
    /// Reminders queued for tomorrow's meetings (every run, from 08:00 Danish time).
    pub meeting_reminders: u64,
    /// The copies offered to EURES brought in line with their CVs.
    pub eures: jobspor_store::eures::SyncReport,
    /// Closed EURES references past the period they are kept.
    pub eures_closures: u64,
    /// The day's backup, when this run took it.
    pub backup: Option<std::path::PathBuf>,
    /// Backups deleted as past their month.
    pub backups_pruned: u64,
    /// Deletion-ledger rows older than any backup kept.
    pub ledger_rows: u64,
}

/// How old the search's counts per filter key may grow: they only choose where a search
/// starts, so a day's changes do not matter.
const FACET_TOTALS_MAX_AGE: Duration = Duration::days(1);

/// 18½ months is never shorter than this; older candidates are checked by the exact rule.
const SURELY_ACTIVE: Duration = Duration::days(18 * 28 + 14);

/// What an operator may set (`crate::config::Config`).
#[derive(Debug, Clone)]
pub struct JobSettings {
    pub access_log_days: u32,
    /// The portal's public address, for the notices' links.
    pub portal_url: String,
    /// How long a closed EURES reference is kept (`JOBSPOR_EURES_CLOSED_DAYS`).
    pub eures_closed_days: u32,
    /// Where the daily backup goes (`JOBSPOR_BACKUP_DIR`); none: no backups.
    pub backup_dir: Option<std::path::PathBuf>,
    /// The database's URL, for `pg_dump`.
    pub database_url: String,
}

impl Default for JobSettings {
    fn default() -> Self {
        JobSettings {
            access_log_days: jobspor::retention::ACCESS_LOG_KEPT_DAYS,
            portal_url: "http://127.0.0.1:3000".into(),
            eures_closed_days: jobspor::eures::consent::CLOSURES_KEPT_DAYS,
            backup_dir: None,
            database_url: String::new(),
        }
    }
}

/// The daily scans' name in `daily_runs`: they run once a day however many processes run
/// these jobs.
const INACTIVITY_SCAN: &str = "inactivity_notices";
/// The daily backup's name in `daily_runs`.
const DAILY_BACKUP: &str = "backup";

/// A failed login's row (user key and address) is needed only while it counts against the
/// throttle (`jobspor::login::THROTTLE_WINDOW`, 15 minutes); the address is then deleted.
pub const LOGIN_FAILURES_KEPT: Duration = jobspor::login::THROTTLE_WINDOW;

/// The jobs with the default settings.
pub async fn run_once(
    store: &Store,
    now: DateTime<Utc>,
) -> Result<JobReport, jobspor_store::StoreError> {
    run(store, now, JobSettings::default()).await
}

pub async fn run(
    store: &Store,
    now: DateTime<Utc>,
    settings: JobSettings,
) -> Result<JobReport, jobspor_store::StoreError> {
    // The seed's notices before a CV stops being searchable and before a profile is deleted
    // are queued before the deletions below run.
    let notices = if store
        .claim_daily_run(INACTIVITY_SCAN, jobspor::dates::danish_date(now), now)
        .await?
    {
        Some(store.scan_inactivity(now, &settings.portal_url).await?)
    } else {
        None
    };
    let (backup, backups_pruned, ledger_rows) = backups(store, &settings, now).await?;
    let mut profiles_deleted = 0;
    for (citizen_id, last_activity) in store.citizens_inactive_since(now - SURELY_ACTIVE).await? {
        if profile_is_due_for_deletion(last_activity, now) {
            store.delete_citizen(citizen_id, now).await?;
            profiles_deleted += 1;
        }
    }
    Ok(JobReport {
        sessions: store.delete_expired_sessions(now).await?,
        sign_ins: store.delete_stale_sign_ins(now).await?,
        login_failures: store
            .purge_login_failures(now - LOGIN_FAILURES_KEPT)
            .await?,
        access_records: store
            .prune_access_log(jobspor::retention::access_log_cutoff(
                now,
                settings.access_log_days,
            ))
            .await?,
        lookups: store
            .prune_lookups(
                jobspor::retention::access_log_cutoff(now, settings.access_log_days),
                now,
            )
            .await?,
        profiles_deleted,
        flashes: store
            .delete_flashes_before(now - crate::flash::FLASH_TTL)
            .await?,
        facet_totals: store
            .refresh_facet_totals_if_older(FACET_TOTALS_MAX_AGE, now)
            .await?,
        notices,
        meeting_reminders: store
            .scan_meeting_reminders(now, &settings.portal_url)
            .await?,
        // After the deletions above, which close their copies themselves.
        eures: store.sync_eures(now).await?,
        eures_closures: store
            .purge_eures_closures(now - Duration::days(i64::from(settings.eures_closed_days)))
            .await?,
        backup,
        backups_pruned,
        ledger_rows,
    })
}

/// With a backup folder: the day's backup (once a day, whichever process gets there first),
/// the folder's backups past their month deleted, and the ledger's rows older than the
/// oldest backup kept (plus a day) forgotten. A failed backup is logged and tried again at
/// the next run; the other jobs go on.
async fn backups(
    store: &Store,
    settings: &JobSettings,
    now: DateTime<Utc>,
) -> Result<(Option<std::path::PathBuf>, u64, u64), jobspor_store::StoreError> {
    // No backup is kept past its month, whoever took it: the ledger's rows are pruned with
    // or without a backup folder.
    let oldest_kept = now
        .checked_sub_months(jobspor::backup::BACKUP_KEPT)
        .unwrap_or(now - Duration::days(31));
    let ledger = store
        .prune_deletion_ledger(oldest_kept - Duration::days(1))
        .await?;
    let Some(dir) = &settings.backup_dir else {
        return Ok((None, 0, ledger));
    };
    let mut taken = None;
    let mut pruned = 0;
    let day = jobspor::dates::danish_date(now);
    if store.claim_daily_run(DAILY_BACKUP, day, now).await? {
        match crate::backup::backup(store, &settings.database_url, dir, now).await {
            Ok(r) => {
                pruned += r.pruned.len() as u64;
                taken = Some(r.file);
            }
            Err(e) => {
                tracing::error!(error = format!("{e:#}"), "BACKUP FAILED");
                store.forget_daily_run(DAILY_BACKUP, day).await?;
            }
        }
    }
    pruned += match crate::backup::prune(dir, now) {
        Ok(p) => p.len() as u64,
        Err(e) => {
            tracing::error!(error = format!("{e:#}"), "old backups not deleted");
            0
        }
    };
    Ok((taken, pruned, ledger))
}
