//! Backups and the deletion ledger (`jobspor::backup`; table `deletion_ledger`, migration
//! 0025). The server's `backup` and `restore` commands drive them: SQLite is copied with
//! `VACUUM INTO` (a consistent copy while the database is in use), PostgreSQL with
//! `pg_dump` (the server's business, not SQL's). A profile's deletion writes its ledger row
//! in the deleting transaction (`Store::delete_citizen`); after a restore the ledger rows
//! are put back and every profile they name is deleted again (`replay_deletion_ledger`).
use crate::{from_ts, ts, Backend, Result, Store};
use chrono::{DateTime, Utc};
use jobspor::statistics::SecretKey;
use jobspor::CitizenId;
use sqlx::{AnyConnection, Row};

/// The deletion ledger's key (`JOBSPOR_LEDGER_KEY`).
pub struct LedgerKey(SecretKey);

impl std::fmt::Debug for LedgerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LedgerKey(..)")
    }
}

/// The key of a development database and of tests: known to anyone, so `serve` and the
/// operator's commands use it only with `JOBSPOR_DEMO=1`.
const DEVELOPMENT_KEY: &str = "jobspor development ledger key -- never in production";

impl LedgerKey {
    pub fn new(key: SecretKey) -> LedgerKey {
        LedgerKey(key)
    }

    pub fn development() -> LedgerKey {
        match SecretKey::parse(DEVELOPMENT_KEY) {
            Some(k) => LedgerKey(k),
            None => unreachable_short_key(),
        }
    }

    pub(crate) fn pseudonym(&self, cpr_digits: &str) -> String {
        jobspor::backup::ledger_pseudonym(&self.0, cpr_digits)
    }
}

#[cold]
fn unreachable_short_key() -> ! {
    panic!("the development key is longer than the minimum")
}

/// Writes a deletion to the ledger in the deleting transaction. A pseudonym already there
/// (a profile made again after a deletion, and deleted again) keeps the later time.
pub(crate) async fn write_ledger(
    conn: &mut AnyConnection,
    pseudonym: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO deletion_ledger (pseudonym, deleted_at) VALUES ($1, $2) \
         ON CONFLICT (pseudonym) DO UPDATE SET deleted_at = CASE \
         WHEN excluded.deleted_at > deletion_ledger.deleted_at THEN excluded.deleted_at \
         ELSE deletion_ledger.deleted_at END",
    )
    .bind(pseudonym)
    .bind(ts(at))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A row of the deletion ledger.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct LedgerRow {
    pub pseudonym: String,
    pub deleted_at: DateTime<Utc>,
}

impl Store {
    /// The store with the operator's ledger key instead of the development key.
    pub fn with_ledger_key(mut self, key: LedgerKey) -> Store {
        self.ledger_key = std::sync::Arc::new(key);
        self
    }

    /// The whole deletion ledger (read before a restore, to put back after it).
    pub async fn deletion_ledger(&self) -> Result<Vec<LedgerRow>> {
        let rows =
            sqlx::query("SELECT pseudonym, deleted_at FROM deletion_ledger ORDER BY pseudonym")
                .fetch_all(&self.pool)
                .await?;
        rows.iter()
            .map(|r| {
                Ok(LedgerRow {
                    pseudonym: r.try_get("pseudonym")?,
                    deleted_at: from_ts(r.try_get("deleted_at")?),
                })
            })
            .collect()
    }

    /// Puts ledger rows back (the union of the restored ledger and these).
    pub async fn merge_deletion_ledger(&self, rows: &[LedgerRow]) -> Result<()> {
        let mut tx = self.begin_write().await?;
        for r in rows {
            write_ledger(&mut tx, &r.pseudonym, r.deleted_at).await?;
        }
        tx.commit().await
    }

    /// Deletes again, by the same path as any deletion, every profile the ledger names that
    /// existed when it was deleted (made at or before the ledger's time: a profile made
    /// afterwards, by a new login with the same CPR number, is a new profile and stays).
    /// Returns how many were deleted.
    pub async fn replay_deletion_ledger(&self, now: DateTime<Utc>) -> Result<u64> {
        let ledger: std::collections::HashMap<String, i64> = self
            .deletion_ledger()
            .await?
            .into_iter()
            .map(|r| (r.pseudonym, ts(r.deleted_at)))
            .collect();
        if ledger.is_empty() {
            return Ok(0);
        }
        let rows = sqlx::query("SELECT id, cpr, created_at FROM citizens ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        let mut again = Vec::new();
        for r in rows {
            let cpr: String = r.try_get("cpr")?;
            let created_at: i64 = r.try_get("created_at")?;
            let id: i64 = r.try_get("id")?;
            if let Some(&deleted_at) = ledger.get(&self.ledger_key.pseudonym(&cpr)) {
                if created_at <= deleted_at {
                    again.push((CitizenId::new(id), from_ts(deleted_at)));
                }
            }
        }
        for (id, deleted_at) in &again {
            self.delete_citizen_as_of(*id, now, *deleted_at).await?;
        }
        Ok(again.len() as u64)
    }

    /// Forgets ledger rows older than `before`: once no backup can hold the profile (they
    /// are kept a month, `jobspor::backup::BACKUP_KEPT`), its line has nothing to guard.
    pub async fn prune_deletion_ledger(&self, before: DateTime<Utc>) -> Result<u64> {
        let r = sqlx::query("DELETE FROM deletion_ledger WHERE deleted_at < $1")
            .bind(ts(before))
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected())
    }

    /// Gives a day's run back (`claim_daily_run`), so that a failed daily backup is tried
    /// again at the next run.
    pub async fn forget_daily_run(&self, job: &str, day: chrono::NaiveDate) -> Result<()> {
        sqlx::query("DELETE FROM daily_runs WHERE job = $1 AND day = $2")
            .bind(job)
            .bind(day.to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// SQLite: a consistent copy of the database into the new file `path` (`VACUUM INTO`),
    /// taken while the database is in use. PostgreSQL is copied by `pg_dump` instead.
    pub async fn vacuum_into(&self, path: &std::path::Path) -> Result<()> {
        if self.backend != Backend::Sqlite {
            return Err(crate::StoreError::UnsupportedUrl(
                "VACUUM INTO is SQLite's".into(),
            ));
        }
        // VACUUM takes its file name as an expression; a literal, its quotes doubled.
        let name = path.to_string_lossy().replace('\'', "''");
        sqlx::query(&format!("VACUUM INTO '{name}'"))
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
