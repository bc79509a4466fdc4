//! One-time records of a refused form's answer, for the page the browser is sent back to
//! (the server's "flash"): kept here rather than in the redirect's URL, because the answer
//! echoes what was typed. Only a hash of the id in the cookie is stored.
use crate::{from_ts, ts, Result, Store};
use chrono::{DateTime, Utc};
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    /// The server function that refused (server_fn's `__path`).
    pub fn_path: String,
    /// The page the browser was sent back to (its path, no query).
    pub page: String,
    /// The refusal as server_fn encodes it in the URL (`__err`).
    pub payload: String,
    pub created_at: DateTime<Utc>,
}

impl Store {
    #[tracing::instrument(skip_all)]
    pub async fn create_flash(&self, id_hash: &str, flash: &Flash) -> Result<()> {
        sqlx::query(
            "INSERT INTO flashes (id_hash, fn_path, page, payload, created_at) VALUES ($1,$2,$3,$4,$5)",
        )
        .bind(id_hash)
        .bind(&flash.fn_path)
        .bind(&flash.page)
        .bind(&flash.payload)
        .bind(ts(flash.created_at))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Takes the flash out: the first caller gets it, every later one `None`. One created
    /// before `not_before` has expired and is `None` too.
    #[tracing::instrument(skip_all)]
    pub async fn take_flash(
        &self,
        id_hash: &str,
        not_before: DateTime<Utc>,
    ) -> Result<Option<Flash>> {
        let row = sqlx::query(
            "SELECT fn_path, page, payload, created_at FROM flashes WHERE id_hash = $1",
        )
        .bind(id_hash)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        // Two requests with the same cookie may both read it; only the one whose delete
        // removed the row shows it.
        let deleted = sqlx::query("DELETE FROM flashes WHERE id_hash = $1")
            .bind(id_hash)
            .execute(&self.pool)
            .await?
            .rows_affected();
        let flash = Flash {
            fn_path: r.try_get("fn_path")?,
            page: r.try_get("page")?,
            payload: r.try_get("payload")?,
            created_at: from_ts(r.try_get("created_at")?),
        };
        Ok((deleted == 1 && flash.created_at >= not_before).then_some(flash))
    }

    /// Housekeeping: flashes nobody fetched.
    pub async fn delete_flashes_before(&self, cutoff: DateTime<Utc>) -> Result<u64> {
        Ok(sqlx::query("DELETE FROM flashes WHERE created_at < $1")
            .bind(ts(cutoff))
            .execute(&self.pool)
            .await?
            .rows_affected())
    }
}
