//! Min Joblog (issue 25): the citizen's applications and other activities, written only by
//! the citizen; read by the jobcentre and the a-kasse with the read recorded. Every save (a
//! deletion is no job search) moves `jobseekers.joblog_since`, where the daily scan finds
//! 30 days of silence: a notice to the citizen and a flag for the jobcentre, written in one
//! transaction.
use crate::access_log::{record, AccessEntry};
use crate::outbox::{queue_all, NewNotice};
use crate::{from_ts, ts, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use jobspor::notices::{channels, idempotency_key, NoticeKind};
use jobspor::policy::Caller;
use jobspor::track::joblog::{silence_is_due, silence_scan_window, silence_text, JoblogEntry};
use jobspor::{CitizenId, JoblogEntryId};
use sqlx::any::AnyRow;
use sqlx::Row;

/// At most this many registrations per citizen: years of weekly job search.
pub const MAX_ENTRIES: i64 = 5000;

/// One registration as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoblogRecord {
    pub id: JoblogEntryId,
    pub entry: JoblogEntry,
    pub created_at: DateTime<Utc>,
}

/// The log as staff read it, with the jobcentre's flag when the current silence raised one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JoblogForStaff {
    pub entries: Vec<JoblogRecord>,
    /// When the silence that raised the flag began.
    pub silent_since: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "id, data, created_at";

fn record_of(r: &AnyRow) -> Result<JoblogRecord> {
    let data: String = r.try_get("data")?;
    Ok(JoblogRecord {
        id: JoblogEntryId::new(r.try_get("id")?),
        entry: serde_json::from_str(&data).map_err(|source| StoreError::Json {
            what: "joblog entry",
            source,
        })?,
        created_at: from_ts(r.try_get("created_at")?),
    })
}

async fn entries_of(
    conn: &mut sqlx::AnyConnection,
    citizen: CitizenId,
) -> Result<Vec<JoblogRecord>> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM joblog_entries WHERE citizen_id = $1 ORDER BY on_date DESC, id DESC"
    ))
    .bind(citizen.get())
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(record_of)
    .collect()
}

impl Store {
    /// The citizen's own log, newest first.
    pub async fn joblog(&self, citizen: Caller<CitizenId>) -> Result<Vec<JoblogRecord>> {
        let mut conn = self.pool.acquire().await?;
        entries_of(&mut conn, citizen.id()).await
    }

    /// One of the citizen's own registrations; `None` when it is not theirs.
    pub async fn joblog_entry(
        &self,
        citizen: Caller<CitizenId>,
        id: JoblogEntryId,
    ) -> Result<Option<JoblogRecord>> {
        sqlx::query(&format!(
            "SELECT {COLUMNS} FROM joblog_entries WHERE id = $1 AND citizen_id = $2"
        ))
        .bind(id.get())
        .bind(citizen.id().get())
        .fetch_optional(&self.pool)
        .await?
        .as_ref()
        .map(record_of)
        .transpose()
    }

    /// Adds a registration, or changes one of the citizen's own (`NotFound` for anyone
    /// else's). Either way the silence ends now.
    pub async fn save_joblog_entry(
        &self,
        citizen: Caller<CitizenId>,
        id: Option<JoblogEntryId>,
        entry: &JoblogEntry,
        now: DateTime<Utc>,
    ) -> Result<JoblogEntryId> {
        let data = serde_json::to_string(entry).map_err(|source| StoreError::Json {
            what: "joblog entry",
            source,
        })?;
        let citizen_id = citizen.id().get();
        let mut tx = self.begin_write().await?;
        let id = match id {
            Some(id) => {
                let changed = sqlx::query(
                    "UPDATE joblog_entries SET kind = $1, on_date = $2, data = $3, updated_at = $4 \
                     WHERE id = $5 AND citizen_id = $6",
                )
                .bind(entry.kind().code())
                .bind(entry.date().to_string())
                .bind(&data)
                .bind(ts(now))
                .bind(id.get())
                .bind(citizen_id)
                .execute(&mut *tx)
                .await?;
                if changed.rows_affected() != 1 {
                    return Err(StoreError::NotFound);
                }
                id
            }
            None => {
                let count: i64 =
                    sqlx::query_scalar("SELECT COUNT(*) FROM joblog_entries WHERE citizen_id = $1")
                        .bind(citizen_id)
                        .fetch_one(&mut *tx)
                        .await?;
                if count >= MAX_ENTRIES {
                    return Err(StoreError::Refused(jobspor::Msg::ListTooMany));
                }
                let row = sqlx::query(
                    "INSERT INTO joblog_entries (citizen_id, kind, on_date, data, created_at, updated_at) \
                     VALUES ($1,$2,$3,$4,$5,$5) RETURNING id",
                )
                .bind(citizen_id)
                .bind(entry.kind().code())
                .bind(entry.date().to_string())
                .bind(&data)
                .bind(ts(now))
                .fetch_one(&mut *tx)
                .await?;
                JoblogEntryId::new(row.try_get("id")?)
            }
        };
        sqlx::query("UPDATE jobseekers SET joblog_since = $1 WHERE citizen_id = $2")
            .bind(ts(now))
            .bind(citizen_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Deletes one of the citizen's own registrations; `false` when it is not theirs.
    pub async fn delete_joblog_entry(
        &self,
        citizen: Caller<CitizenId>,
        id: JoblogEntryId,
    ) -> Result<bool> {
        let r = sqlx::query("DELETE FROM joblog_entries WHERE id = $1 AND citizen_id = $2")
            .bind(id.get())
            .bind(citizen.id().get())
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected() == 1)
    }

    /// The log as staff read it, the read recorded (`read`) in the same transaction.
    pub async fn joblog_for_staff(
        &self,
        citizen: CitizenId,
        read: &AccessEntry,
    ) -> Result<JoblogForStaff> {
        let mut tx = self.begin_write().await?;
        record(&mut tx, read).await?;
        let entries = entries_of(&mut tx, citizen).await?;
        let flag: Option<i64> = sqlx::query_scalar(
            "SELECT f.since FROM joblog_flags f JOIN jobseekers j ON j.citizen_id = f.citizen_id \
             AND j.joblog_since = f.since WHERE f.citizen_id = $1",
        )
        .bind(citizen.get())
        .fetch_optional(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(JoblogForStaff {
            entries,
            silent_since: flag.map(from_ts),
        })
    }

    /// The daily scan for 30 days of silence (`track::joblog::silence_scan_window`): each
    /// silence once, its notice and the jobcentre's flag in one transaction per page. How
    /// many notices were queued.
    pub async fn scan_joblog_silence(&self, now: DateTime<Utc>, portal: &str) -> Result<u64> {
        const PAGE: i64 = 1000;
        let (oldest, newest) = silence_scan_window(now);
        let mut after = (ts(oldest) - 1, 0i64);
        let mut queued = 0;
        loop {
            let rows = sqlx::query(
                "SELECT c.id, j.joblog_since AS since, c.email, c.phone, c.sms_reminders, c.email_reminders, c.language \
                 FROM jobseekers j JOIN citizens c ON c.id = j.citizen_id \
                 WHERE j.joblog_since <= $1 AND (j.joblog_since, j.citizen_id) > ($2, $3) \
                 ORDER BY j.joblog_since, j.citizen_id LIMIT $4",
            )
            .bind(ts(newest))
            .bind(after.0)
            .bind(after.1)
            .bind(PAGE)
            .fetch_all(&self.pool)
            .await?;
            let Some(last) = rows.last() else { break };
            after = (last.try_get("since")?, last.try_get("id")?);
            let mut due = Vec::new();
            for r in &rows {
                let since = from_ts(r.try_get("since")?);
                if !silence_is_due(since, now) {
                    continue;
                }
                let id: i64 = r.try_get("id")?;
                let (reach, lang) = crate::citizens::reach_of(r)?;
                let text = silence_text(since, lang, portal);
                due.push((
                    since,
                    NewNotice {
                        citizen_id: CitizenId::new(id),
                        kind: NoticeKind::JoblogSilence,
                        key: idempotency_key(
                            id,
                            NoticeKind::JoblogSilence,
                            &since.timestamp().to_string(),
                        ),
                        subject: text.subject,
                        body: text.body,
                        sms: text.sms,
                        email: None,
                        sender: None,
                        deliveries: channels(NoticeKind::JoblogSilence, &reach),
                    },
                ));
            }
            let mut tx = self.begin_write().await?;
            for (since, n) in &due {
                sqlx::query(
                    "INSERT INTO joblog_flags (citizen_id, since, raised_at) VALUES ($1,$2,$3) \
                     ON CONFLICT (citizen_id, since) DO NOTHING",
                )
                .bind(n.citizen_id.get())
                .bind(ts(*since))
                .bind(ts(now))
                .execute(&mut *tx)
                .await?;
            }
            let notices: Vec<NewNotice> = due.into_iter().map(|(_, n)| n).collect();
            queued += queue_all(&mut tx, &notices, now).await?;
            tx.commit().await?;
            if (rows.len() as i64) < PAGE {
                break;
            }
        }
        Ok(queued)
    }
}
