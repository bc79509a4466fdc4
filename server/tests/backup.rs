//! Backups and restores (issue 26, seed 004 §8: daily, kept at most a month) on a real
//! database, and the deletion ledger that keeps a deleted profile from coming back with a
//! restored backup. SQLite always; PostgreSQL when `TEST_DATABASE_URL` answers and `pg_dump`
//! is on the PATH.
// Printing is this file's job: it says which engine it skipped.
#![allow(clippy::print_stderr)]
use chrono::{DateTime, Duration, TimeZone, Utc};
use jobspor::{CitizenId, Lang};
use jobspor_server::backup::{backup, prune, restore};
use jobspor_server::jobs::{run, JobSettings};
use jobspor_store::backup::LedgerKey;
use jobspor_store::testing::{self, database_url, drop_database, person, unique};
use jobspor_store::{Store, StoreError};
use std::path::PathBuf;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 2, 0, 0).unwrap()
}

fn temp_dir() -> PathBuf {
    let d = std::env::temp_dir()
        .join("jobspor-tests")
        .join(unique("backups"));
    std::fs::create_dir_all(&d).unwrap();
    d
}

async fn login(store: &Store, cpr: &str, first: &str, at: DateTime<Utc>) -> CitizenId {
    store
        .citizen_mitid_login(cpr, &person(first), "sim", at)
        .await
        .unwrap()
        .citizen_id
}

fn gone<T: std::fmt::Debug>(r: Result<T, StoreError>) -> bool {
    matches!(r, Err(StoreError::NotFound))
}

/// Back up, change and delete, restore: the data are the backup's again, except that the
/// profile deleted after the backup is deleted again, and the ledger survived the restore.
/// A profile made anew after its deletion (a new login with the same CPR number) stays.
async fn backup_and_restore(url: &str, store: Store) {
    let dir = temp_dir();
    let mette = login(&store, "1205901806", "Mette", t0()).await;
    let anne = login(&store, "2301781804", "Anne", t0()).await;
    let ulla = login(&store, "1304782207", "Ulla", t0()).await;
    // Ulla deleted before the backup, and back with a new profile after it.
    store.delete_citizen(ulla, t0()).await.unwrap();
    let taken = t0() + Duration::hours(1);
    let r = backup(&store, url, &dir, taken).await.unwrap();
    assert!(r.file.is_file());
    assert!(r
        .file
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("jobspor-20261122T030000Z."));

    // After the backup: Anne changes her language, Mette is deleted, Ulla comes back.
    let later = taken + Duration::hours(1);
    store.set_citizen_language(anne, Lang::En).await.unwrap();
    store.delete_citizen(mette, later).await.unwrap();
    let ulla_again = login(&store, "1304782207", "Ulla", later).await;
    let ledger = store.deletion_ledger().await.unwrap();
    assert_eq!(ledger.len(), 2, "Ulla's and Mette's deletions");
    assert!(ledger.iter().all(|r| !r.pseudonym.contains("1205901806")));
    store.close().await;

    let report = restore(
        url,
        &r.file,
        LedgerKey::development,
        later + Duration::hours(1),
    )
    .await
    .unwrap();
    assert_eq!(report.ledger_before, Some(2));
    assert_eq!(report.deleted_again, 1, "Mette, deleted after the backup");

    let store = Store::connect(url).await.unwrap();
    // The backup's state: Anne's language as it was then.
    assert_eq!(store.citizen(anne).await.unwrap().language, Lang::Da);
    // Mette stays deleted; the backup had no Ulla (deleted before it) and no new Ulla.
    assert!(gone(store.citizen(mette).await));
    assert!(gone(store.citizen(ulla).await));
    assert!(gone(store.citizen(ulla_again).await));
    // The ledger is the union: both deletions.
    assert_eq!(store.deletion_ledger().await.unwrap(), ledger);

    // Ulla's new profile, made after her deletion, is not deleted by a replay.
    let ulla_new = login(&store, "1304782207", "Ulla", later + Duration::hours(2)).await;
    assert_eq!(
        store
            .replay_deletion_ledger(later + Duration::hours(3))
            .await
            .unwrap(),
        0
    );
    assert!(store.citizen(ulla_new).await.is_ok());
    store.close().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn a_restored_sqlite_backup_does_not_bring_a_deleted_profile_back() {
    let (store, path) = testing::sqlite().await;
    let url = format!("sqlite://{}", path.display());
    backup_and_restore(&url, store).await;
    let _ = std::fs::remove_file(&path);
}

#[tokio::test]
async fn a_restored_postgresql_backup_does_not_bring_a_deleted_profile_back() {
    let tools = ["pg_dump", "pg_restore"].iter().all(|t| {
        std::process::Command::new(t)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if !tools {
        eprintln!("SKIPPED PostgreSQL backup: pg_dump or pg_restore is not on the PATH");
        return;
    }
    let Some((store, admin_url, name)) = testing::postgres().await else {
        return;
    };
    let url = database_url(&admin_url, &name);
    backup_and_restore(&url, store).await;
    drop_database(&admin_url, &name).await;
}

/// Files named by their time: those past a calendar month go, as the clock moves; other
/// files stay.
#[tokio::test]
async fn backups_past_their_month_are_deleted() {
    let dir = temp_dir();
    for name in [
        "jobspor-20261001T020000Z.sqlite",
        "jobspor-20261021T020000Z.sqlite",
        "jobspor-20261122T020000Z.pgdump",
        "noter.txt",
    ] {
        std::fs::write(dir.join(name), b"x").unwrap();
    }
    let at = |d: u32, h: u32| Utc.with_ymd_and_hms(2026, 11, d, h, 0, 0).unwrap();
    assert_eq!(prune(&dir, at(1, 1)).unwrap(), Vec::<PathBuf>::new());
    assert_eq!(
        prune(&dir, at(1, 2)).unwrap(),
        vec![dir.join("jobspor-20261001T020000Z.sqlite")]
    );
    assert_eq!(prune(&dir, at(21, 1)).unwrap(), Vec::<PathBuf>::new());
    assert_eq!(
        prune(&dir, at(21, 2)).unwrap(),
        vec![dir.join("jobspor-20261021T020000Z.sqlite")]
    );
    let mut left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    left.sort();
    assert_eq!(left, vec!["jobspor-20261122T020000Z.pgdump", "noter.txt"]);
    let _ = std::fs::remove_dir_all(dir);
}

/// The housekeeping takes one backup a day when a folder is set, deletes those past their
/// month, and forgets ledger rows older than any backup kept.
#[tokio::test]
async fn the_jobs_back_up_once_a_day_and_keep_a_month() {
    let (store, path) = testing::sqlite().await;
    let dir = temp_dir();
    let settings = JobSettings {
        backup_dir: Some(dir.clone()),
        database_url: format!("sqlite://{}", path.display()),
        ..JobSettings::default()
    };
    let old = login(&store, "1205901806", "Mette", t0()).await;
    store.delete_citizen(old, t0()).await.unwrap();
    let count = || std::fs::read_dir(&dir).unwrap().count();
    let r = run(&store, t0(), settings.clone()).await.unwrap();
    assert!(r.backup.is_some());
    assert_eq!(count(), 1);
    let r = run(&store, t0() + Duration::minutes(5), settings.clone())
        .await
        .unwrap();
    assert_eq!(r.backup, None, "once a day");
    assert_eq!(count(), 1);
    // Every day for a month and a day: the first backup goes, the ledger row too.
    let mut pruned = 0;
    let mut ledger = 0;
    for d in 1..=32 {
        let r = run(&store, t0() + Duration::days(d), settings.clone())
            .await
            .unwrap();
        assert!(r.backup.is_some(), "day {d}");
        pruned += r.backups_pruned;
        ledger += r.ledger_rows;
    }
    assert!(pruned >= 1);
    assert_eq!(ledger, 1);
    assert!(store.deletion_ledger().await.unwrap().is_empty());
    // Never more than a month's backups at once.
    assert!(count() <= 32, "{}", count());
    assert!(!dir.join("jobspor-20261122T020000Z.sqlite").exists());
    store.close().await;
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::remove_file(path);
}
