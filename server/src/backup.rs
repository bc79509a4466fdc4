//! Backups (seed 004 §8: daily, kept at most a month) and restores that do not bring a
//! deleted profile back.
//!
//! - `backup`: SQLite by `VACUUM INTO` (a consistent copy of a database in use), PostgreSQL
//!   by `pg_dump --format=custom`; the file is `jobspor-<UTC time>.sqlite|.pgdump` in the
//!   backup folder, written under a `.partial` name and renamed when whole. The same run
//!   deletes the folder's backups past `jobspor::backup::BACKUP_KEPT`.
//! - `restore`: reads the current database's deletion ledger (when it answers), puts the
//!   backup in place (SQLite: the file copied over the database, its `-wal`/`-shm` removed;
//!   PostgreSQL: `pg_restore --clean --if-exists`), opens it (the migrations bring an older
//!   backup up to date), puts the ledger rows read before back (a union), and deletes again
//!   every profile the ledger names (`Store::replay_deletion_ledger`). Stop the servers
//!   first: a restore replaces the database under them.
use anyhow::{bail, Context};
use chrono::{DateTime, Utc};
use jobspor_store::backup::LedgerKey;
use jobspor_store::{redact_url, Backend, Store};
use std::path::{Path, PathBuf};
use std::process::Command;

/// What a backup run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupReport {
    pub file: PathBuf,
    /// Backups deleted as past their month.
    pub pruned: Vec<PathBuf>,
}

/// A SQLite URL's file (`sqlite://data/x.db?mode=rwc` → `data/x.db`).
pub fn sqlite_path(database_url: &str) -> Option<PathBuf> {
    let rest = database_url
        .strip_prefix("sqlite://")
        .or_else(|| database_url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

fn run(mut cmd: Command, what: &str) -> anyhow::Result<()> {
    let out = cmd.output().with_context(|| {
        format!("{what} kunne ikke startes (er PostgreSQL' klientværktøjer installeret?)")
    })?;
    if !out.status.success() {
        bail!(
            "{what} fejlede ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(())
}

/// Takes a backup of the store's database into `dir` at `now`, and deletes the backups
/// there past their month.
pub async fn backup(
    store: &Store,
    database_url: &str,
    dir: &Path,
    now: DateTime<Utc>,
) -> anyhow::Result<BackupReport> {
    std::fs::create_dir_all(dir).with_context(|| format!("{}", dir.display()))?;
    let extension = match store.backend() {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "pgdump",
    };
    let file = dir.join(jobspor::backup::backup_file_name(now, extension));
    let partial = file.with_extension(format!("{extension}.partial"));
    let _ = std::fs::remove_file(&partial);
    match store.backend() {
        Backend::Sqlite => store.vacuum_into(&partial).await?,
        Backend::Postgres => {
            let mut cmd = Command::new("pg_dump");
            cmd.arg("--format=custom")
                .arg("--no-owner")
                .arg(format!("--file={}", partial.display()))
                .arg(format!("--dbname={database_url}"));
            let url = redact_url(database_url);
            tokio::task::spawn_blocking(move || run(cmd, &format!("pg_dump af {url}"))).await??;
        }
    }
    std::fs::rename(&partial, &file).with_context(|| format!("{}", file.display()))?;
    let pruned = prune(dir, now)?;
    Ok(BackupReport { file, pruned })
}

/// Deletes the backups in `dir` past their month (`jobspor::backup::expired_backups`);
/// other files are left alone. Returns the deleted files.
pub fn prune(dir: &Path, now: DateTime<Utc>) -> anyhow::Result<Vec<PathBuf>> {
    let names: Vec<String> = std::fs::read_dir(dir)
        .with_context(|| format!("{}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut pruned = Vec::new();
    for name in jobspor::backup::expired_backups(&refs, now) {
        let path = dir.join(name);
        std::fs::remove_file(&path).with_context(|| format!("{}", path.display()))?;
        pruned.push(path);
    }
    Ok(pruned)
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreReport {
    /// Ledger rows read from the database before the restore (`None`: it did not answer).
    pub ledger_before: Option<usize>,
    /// Profiles deleted again after the restore, by the ledger.
    pub deleted_again: u64,
}

/// Restores the backup `file` into the database at `database_url` (see the module's doc).
pub async fn restore(
    database_url: &str,
    file: &Path,
    ledger_key: impl Fn() -> LedgerKey,
    now: DateTime<Utc>,
) -> anyhow::Result<RestoreReport> {
    if !file.is_file() {
        bail!("sikkerhedskopien {} findes ikke", file.display());
    }
    let ledger_before = match Store::connect(database_url).await {
        Ok(store) => {
            let rows = store.deletion_ledger().await;
            store.close().await;
            match rows {
                Ok(rows) => Some(rows),
                Err(e) => {
                    tracing::warn!(error = %e, "the current database's deletion ledger could not be read");
                    None
                }
            }
        }
        Err(e) => {
            tracing::warn!(error = %e, "the current database does not answer; restoring without its ledger");
            None
        }
    };
    if let Some(db) = sqlite_path(database_url) {
        let restoring = db.with_extension("restoring");
        std::fs::copy(file, &restoring).with_context(|| format!("{}", restoring.display()))?;
        for suffix in ["-wal", "-shm"] {
            let mut p = db.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(p));
        }
        std::fs::rename(&restoring, &db).with_context(|| format!("{}", db.display()))?;
    } else if database_url.starts_with("postgres://") || database_url.starts_with("postgresql://") {
        let mut cmd = Command::new("pg_restore");
        cmd.arg("--clean")
            .arg("--if-exists")
            .arg("--no-owner")
            .arg("--single-transaction")
            .arg(format!("--dbname={database_url}"))
            .arg(file);
        let url = redact_url(database_url);
        tokio::task::spawn_blocking(move || run(cmd, &format!("pg_restore til {url}"))).await??;
    } else {
        bail!("ukendt database-URL {}", redact_url(database_url));
    }
    let store = Store::connect(database_url)
        .await
        .context("den gendannede database")?
        .with_ledger_key(ledger_key());
    if let Some(rows) = &ledger_before {
        store.merge_deletion_ledger(rows).await?;
    }
    let deleted_again = store.replay_deletion_ledger(now).await?;
    store.close().await;
    Ok(RestoreReport {
        ledger_before: ledger_before.map(|r| r.len()),
        deleted_again,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_sqlite_url_names_its_file() {
        use super::sqlite_path;
        assert_eq!(
            sqlite_path("sqlite://data/x.db?mode=rwc"),
            Some("data/x.db".into())
        );
        assert_eq!(sqlite_path("sqlite:/tmp/y.db"), Some("/tmp/y.db".into()));
        assert_eq!(sqlite_path("postgres://h/db"), None);
    }
}
