//! Failed login attempts, counted per username and per address over the throttle window.
//! Stored in the database so that every server process sees the same counts.
use crate::{ts, Result, Store};
use chrono::{DateTime, Utc};
use sqlx::Row;

impl Store {
    pub async fn record_login_failure(
        &self,
        user_key: &str,
        address: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query("INSERT INTO login_failures (user_key, address, at) VALUES ($1,$2,$3)")
            .bind(user_key)
            .bind(address)
            .bind(ts(now))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// (failures for this user, failures from this address) since `since`.
    pub async fn login_failures_since(
        &self,
        user_key: &str,
        address: &str,
        since: DateTime<Utc>,
    ) -> Result<(u32, u32)> {
        let row = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM login_failures WHERE user_key = $1 AND at >= $3) AS per_user, \
                    (SELECT COUNT(*) FROM login_failures WHERE address = $2 AND at >= $3) AS per_address",
        )
        .bind(user_key)
        .bind(address)
        .bind(ts(since))
        .fetch_one(&self.pool)
        .await?;
        Ok((
            row.try_get::<i64, _>("per_user")? as u32,
            row.try_get::<i64, _>("per_address")? as u32,
        ))
    }

    /// A successful login forgives the user's earlier typos.
    pub async fn clear_login_failures(&self, user_key: &str) -> Result<()> {
        sqlx::query("DELETE FROM login_failures WHERE user_key = $1")
            .bind(user_key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn purge_login_failures(&self, before: DateTime<Utc>) -> Result<u64> {
        let r = sqlx::query("DELETE FROM login_failures WHERE at < $1")
            .bind(ts(before))
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected())
    }
}
