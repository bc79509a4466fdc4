//! Mine beskeder: every notice to a citizen, read or not (issue 23). Only the citizen reads
//! their own.
use crate::{from_ts, ts, Result, Store};
use chrono::{DateTime, Utc};
use jobspor::notices::NoticeKind;
use jobspor::policy::Caller;
use jobspor::CitizenId;
use sqlx::Row;

/// One notice as the citizen's inbox lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxNotice {
    pub id: i64,
    pub kind: NoticeKind,
    pub subject: String,
    pub body: String,
    pub sender: Option<String>,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

impl Store {
    /// The citizen's notices, newest first.
    pub async fn inbox(&self, citizen: Caller<CitizenId>) -> Result<Vec<InboxNotice>> {
        let rows = sqlx::query(
            "SELECT id, kind, subject, body, sender, created_at, read_at FROM notices \
             WHERE citizen_id = $1 ORDER BY created_at DESC, id DESC LIMIT 200",
        )
        .bind(citizen.id().get())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let kind: String = r.try_get("kind")?;
                Ok(InboxNotice {
                    id: r.try_get("id")?,
                    kind: NoticeKind::from_code(&kind).map_err(|_| crate::StoreError::Corrupt {
                        what: "notice kind",
                        value: kind.clone(),
                    })?,
                    subject: r.try_get("subject")?,
                    body: r.try_get("body")?,
                    sender: r.try_get("sender")?,
                    created_at: from_ts(r.try_get("created_at")?),
                    read_at: r.try_get::<Option<i64>, _>("read_at")?.map(from_ts),
                })
            })
            .collect()
    }

    /// How many notices the citizen has, and how many of them are unread.
    pub async fn notice_counts(&self, citizen: Caller<CitizenId>) -> Result<(i64, i64)> {
        let r = sqlx::query(
            "SELECT COUNT(*) AS total, COUNT(*) - COUNT(read_at) AS unread FROM notices WHERE citizen_id = $1",
        )
        .bind(citizen.id().get())
        .fetch_one(&self.pool)
        .await?;
        Ok((r.try_get("total")?, r.try_get("unread")?))
    }

    /// Marks one of the citizen's own notices read. `false` when it is not theirs (or gone).
    pub async fn mark_notice_read(
        &self,
        citizen: Caller<CitizenId>,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let r = sqlx::query(
            "UPDATE notices SET read_at = COALESCE(read_at, $1) WHERE id = $2 AND citizen_id = $3",
        )
        .bind(ts(now))
        .bind(id)
        .bind(citizen.id().get())
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }
}
