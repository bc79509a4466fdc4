//! Server-side sessions. Only a hash of the session id is stored, so a copy of the database
//! cannot be used to take over a session. Lifetime rules live in `jobspor::login`.
use crate::access_log::actor_kind;
use crate::{from_ts, ts, Result, Store};
use chrono::{DateTime, Utc};
use jobspor::policy::ActorKind;
use sqlx::Row;

/// A session's "last seen" is written only when more than this many seconds old; far below the idle
/// expiry of `jobspor::login`, so it never ends a session early.
const TOUCH_EVERY_SECS: i64 = 60;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub actor_kind: ActorKind,
    /// The citizen's, employer's or caseworker's id, by `actor_kind`.
    pub subject_id: i64,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    /// The assurance level the session began with (`jobspor::signin::acr`).
    pub acr: Option<String>,
}

impl Store {
    #[tracing::instrument(skip(self, id_hash))]
    pub async fn create_session(
        &self,
        id_hash: &str,
        actor_kind: ActorKind,
        subject_id: i64,
        acr: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query("INSERT INTO sessions (id_hash, actor_kind, subject_id, created_at, last_seen_at, acr) VALUES ($1,$2,$3,$4,$4,$5)")
            .bind(id_hash)
            .bind(actor_kind.as_str())
            .bind(subject_id)
            .bind(ts(now))
            .bind(acr)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn session(&self, id_hash: &str) -> Result<Option<SessionRecord>> {
        let row = sqlx::query("SELECT actor_kind, subject_id, created_at, last_seen_at, acr FROM sessions WHERE id_hash = $1")
            .bind(id_hash)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(r) => Some(SessionRecord {
                actor_kind: actor_kind(r.try_get("actor_kind")?)?,
                subject_id: r.try_get("subject_id")?,
                created_at: from_ts(r.try_get("created_at")?),
                last_seen_at: from_ts(r.try_get("last_seen_at")?),
                acr: r.try_get("acr")?,
            }),
            None => None,
        })
    }

    /// Marks the session as used now, at most once a minute: a page asks who is logged in
    /// several times, and each would otherwise be a write. `last_seen_at` is the record's, as
    /// just read; the statement checks again, for requests arriving together.
    pub async fn touch_session(
        &self,
        id_hash: &str,
        last_seen_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        if now - last_seen_at <= chrono::Duration::seconds(TOUCH_EVERY_SECS) {
            return Ok(());
        }
        sqlx::query(
            "UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2 AND last_seen_at < $3",
        )
        .bind(ts(now))
        .bind(id_hash)
        .bind(ts(now) - TOUCH_EVERY_SECS)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn delete_session(&self, id_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(id_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// A logout: ends the session, and counts a citizen's logout in the statistics
    /// (`jobspor::statistics::StatEvent::Logout`) in the same transaction. A session that
    /// merely expired is no logout.
    pub async fn end_session(&self, id_hash: &str, now: DateTime<Utc>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let citizen = citizen_of_session(&mut tx, id_hash).await?;
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(id_hash)
            .execute(&mut *tx)
            .await?;
        if let Some(id) = citizen {
            crate::statistics::record_citizen_event(
                &mut tx,
                id,
                jobspor::statistics::StatEvent::Logout,
                None,
                now,
            )
            .await?;
        }
        tx.commit().await
    }

    /// Ends every other session of the same person ("log out my other sessions", and after
    /// a password change). Returns how many ended.
    pub async fn delete_other_sessions(
        &self,
        keep_id_hash: &str,
        actor_kind: ActorKind,
        subject_id: i64,
    ) -> Result<u64> {
        let r = sqlx::query(
            "DELETE FROM sessions WHERE actor_kind = $1 AND subject_id = $2 AND id_hash <> $3",
        )
        .bind(actor_kind.as_str())
        .bind(subject_id)
        .bind(keep_id_hash)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected())
    }

    /// Removes sessions past their idle or absolute limit.
    pub async fn delete_expired_sessions(&self, now: DateTime<Utc>) -> Result<u64> {
        let idle = ts(now - jobspor::login::SESSION_IDLE);
        let absolute = ts(now - jobspor::login::SESSION_ABSOLUTE);
        let r = sqlx::query("DELETE FROM sessions WHERE last_seen_at <= $1 OR created_at <= $2")
            .bind(idle)
            .bind(absolute)
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected())
    }
}

/// The citizen a session belongs to; none for another kind of user or an unknown session.
pub(crate) async fn citizen_of_session(
    conn: &mut sqlx::AnyConnection,
    id_hash: &str,
) -> Result<Option<jobspor::CitizenId>> {
    let id: Option<i64> = sqlx::query_scalar(
        "SELECT subject_id FROM sessions WHERE id_hash = $1 AND actor_kind = $2",
    )
    .bind(id_hash)
    .bind(ActorKind::Citizen.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(id.map(jobspor::CitizenId::new))
}
