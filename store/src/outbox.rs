//! The transactional outbox (issue 23): a notice is written with the event that causes it,
//! in its transaction; every notice lands in the citizen's Mine beskeder, and each channel
//! it goes by is a delivery a worker claims, delivers and marks. On PostgreSQL several
//! processes claim at once without taking the same row (`FOR UPDATE SKIP LOCKED`, and a
//! lease in case a process dies mid-delivery); SQLite serves one process.
use crate::{from_ts, placeholders, ts, Backend, Result, Store};
use chrono::{DateTime, Duration, Utc};
use jobspor::notices::{retry_after, Channel, NoticeKind};
use jobspor::CitizenId;
use sqlx::{AnyConnection, Row};

/// A delivery's state, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryStatus {
    Queued,
    Sent,
    Failed,
    /// A login ended the period the notice was about before it went.
    Cancelled,
}

impl DeliveryStatus {
    pub const fn as_str(self) -> &'static str {
        match self {
            DeliveryStatus::Queued => "queued",
            DeliveryStatus::Sent => "sent",
            DeliveryStatus::Failed => "failed",
            DeliveryStatus::Cancelled => "cancelled",
        }
    }
}

/// An e-mail's own subject and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailText {
    pub subject: String,
    pub body: String,
}

/// A notice to queue: its place in Mine beskeder and the channels it also goes by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNotice {
    pub citizen_id: CitizenId,
    pub kind: NoticeKind,
    /// `jobspor::notices::idempotency_key`.
    pub key: String,
    pub subject: String,
    pub body: String,
    /// The short text an SMS carries.
    pub sms: String,
    /// The e-mail's subject and text when they are not Mine beskeder's (a jobcentre's
    /// message is only announced by e-mail).
    pub email: Option<EmailText>,
    pub sender: Option<String>,
    /// (channel, recipient): an address or a phone number.
    pub deliveries: Vec<(Channel, String)>,
}

/// A delivery a worker has claimed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub id: i64,
    pub channel: Channel,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    /// Tries so far, this one included.
    pub attempts: u32,
}

/// A delivery that failed for good, for operators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedDelivery {
    pub id: i64,
    pub kind: NoticeKind,
    pub channel: Channel,
    pub attempts: u32,
    pub last_error: String,
    pub created_at: DateTime<Utc>,
    pub failed_at: DateTime<Utc>,
}

/// Queues `n` on `conn` (inside the caller's transaction). `false` when a notice with the
/// same key is already there: nothing is queued twice.
pub(crate) async fn queue(
    conn: &mut AnyConnection,
    n: &NewNotice,
    now: DateTime<Utc>,
) -> Result<bool> {
    Ok(queue_all(conn, std::slice::from_ref(n), now).await? == 1)
}

/// Rows per multi-row INSERT: well under both engines' limit of bound values.
const ROWS_PER_INSERT: usize = 500;

/// Queues `notices` on `conn` (inside the caller's transaction), a few statements for many
/// notices (the daily scans queue thousands); those whose key is already there are left
/// out. How many were queued.
pub(crate) async fn queue_all(
    conn: &mut AnyConnection,
    notices: &[NewNotice],
    now: DateTime<Utc>,
) -> Result<u64> {
    let mut queued = 0;
    for chunk in notices.chunks(ROWS_PER_INSERT) {
        let sql = format!(
            "INSERT INTO notices (citizen_id, kind, idempotency_key, subject, body, sender, created_at) \
             VALUES {} ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, idempotency_key",
            placeholders(chunk.len(), 7)
        );
        let mut insert = sqlx::query(&sql);
        for n in chunk {
            insert = insert
                .bind(n.citizen_id.get())
                .bind(n.kind.code())
                .bind(&n.key)
                .bind(&n.subject)
                .bind(&n.body)
                .bind(n.sender.as_deref())
                .bind(ts(now));
        }
        let mut ids = std::collections::HashMap::new();
        for r in insert.fetch_all(&mut *conn).await? {
            ids.insert(
                r.try_get::<String, _>("idempotency_key")?,
                r.try_get::<i64, _>("id")?,
            );
        }
        queued += ids.len() as u64;
        let deliveries: Vec<(i64, Channel, &str, &str, &str)> = chunk
            .iter()
            .filter_map(|n| ids.get(&n.key).map(|id| (*id, n)))
            .flat_map(|(id, n)| {
                n.deliveries.iter().map(move |(channel, recipient)| {
                    let (subject, body) = match (channel, &n.email) {
                        (Channel::Email, Some(mail)) => (&mail.subject, &mail.body),
                        (Channel::Email, None) => (&n.subject, &n.body),
                        (Channel::Sms, _) => (&n.subject, &n.sms),
                    };
                    (
                        id,
                        *channel,
                        recipient.as_str(),
                        subject.as_str(),
                        body.as_str(),
                    )
                })
            })
            .collect();
        for part in deliveries.chunks(ROWS_PER_INSERT) {
            let sql = format!(
                "INSERT INTO outbox (notice_id, channel, recipient, subject, body, status, attempts, \
                 next_attempt_at, created_at) VALUES {}",
                placeholders(part.len(), 9)
            );
            let mut insert = sqlx::query(&sql);
            for (id, channel, recipient, subject, body) in part {
                insert = insert
                    .bind(*id)
                    .bind(channel.code())
                    .bind(*recipient)
                    .bind(*subject)
                    .bind(*body)
                    .bind(DeliveryStatus::Queued.as_str())
                    .bind(0i32)
                    .bind(ts(now))
                    .bind(ts(now));
            }
            insert.execute(&mut *conn).await?;
        }
    }
    Ok(queued)
}

/// A login ends the period of inactivity: what is still queued about it is not sent.
pub(crate) async fn cancel_inactivity_notices(
    conn: &mut AnyConnection,
    citizen_id: i64,
    now: DateTime<Utc>,
) -> Result<u64> {
    let kinds: Vec<&str> = NoticeKind::ALL
        .iter()
        .filter(|k| k.ends_with_login())
        .map(|k| k.code())
        .collect();
    let placeholders: Vec<String> = (0..kinds.len()).map(|i| format!("${}", i + 4)).collect();
    let sql = format!(
        "UPDATE outbox SET status = $1, done_at = $2 WHERE status = $3 AND notice_id IN \
         (SELECT id FROM notices WHERE citizen_id = ${} AND kind IN ({}))",
        kinds.len() + 4,
        placeholders.join(",")
    );
    let mut q = sqlx::query(&sql)
        .bind(DeliveryStatus::Cancelled.as_str())
        .bind(ts(now))
        .bind(DeliveryStatus::Queued.as_str());
    for k in kinds {
        q = q.bind(k);
    }
    Ok(q.bind(citizen_id)
        .execute(&mut *conn)
        .await?
        .rows_affected())
}

fn channel_of(code: &str) -> Result<Channel> {
    Channel::from_code(code).map_err(|_| crate::StoreError::Corrupt {
        what: "delivery channel",
        value: code.to_string(),
    })
}

impl Store {
    /// Queues a notice in a transaction of its own (an operator's notice, a message).
    pub async fn queue_notice(&self, n: &NewNotice, now: DateTime<Utc>) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let queued = queue(&mut tx, n, now).await?;
        tx.commit().await?;
        Ok(queued)
    }

    /// Claims up to `limit` due deliveries for `lease`: no other process takes them until
    /// they are marked or the lease runs out. The claim counts as a try.
    pub async fn claim_deliveries(
        &self,
        limit: i64,
        lease: Duration,
        now: DateTime<Utc>,
    ) -> Result<Vec<Delivery>> {
        let lock = match self.backend {
            Backend::Postgres => " FOR UPDATE SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let sql = format!(
            "UPDATE outbox SET lease_until = $1, attempts = attempts + 1 WHERE id IN \
             (SELECT id FROM outbox WHERE status = $2 AND next_attempt_at <= $3 \
              AND (lease_until IS NULL OR lease_until <= $3) ORDER BY id LIMIT $4{lock}) \
             RETURNING id, channel, recipient, subject, body, attempts"
        );
        let mut tx = self.begin_write().await?;
        let rows = sqlx::query(&sql)
            .bind(ts(now + lease))
            .bind(DeliveryStatus::Queued.as_str())
            .bind(ts(now))
            .bind(limit)
            .fetch_all(&mut *tx)
            .await?;
        tx.commit().await?;
        let mut out = rows
            .iter()
            .map(|r| {
                Ok(Delivery {
                    id: r.try_get("id")?,
                    channel: channel_of(&r.try_get::<String, _>("channel")?)?,
                    recipient: r.try_get("recipient")?,
                    subject: r.try_get("subject")?,
                    body: r.try_get("body")?,
                    attempts: u32::try_from(r.try_get::<i64, _>("attempts")?).unwrap_or(u32::MAX),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        out.sort_by_key(|d| d.id);
        Ok(out)
    }

    /// The delivery went.
    pub async fn delivery_sent(&self, id: i64, now: DateTime<Utc>) -> Result<()> {
        sqlx::query(
            "UPDATE outbox SET status = $1, done_at = $2, lease_until = NULL, last_error = NULL WHERE id = $3",
        )
        .bind(DeliveryStatus::Sent.as_str())
        .bind(ts(now))
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A try failed (`error`): tried again later, or after the last try marked failed.
    /// Returns the state it is left in.
    pub async fn delivery_failed(
        &self,
        d: &Delivery,
        error: &str,
        now: DateTime<Utc>,
    ) -> Result<DeliveryStatus> {
        let (status, next, done) = match retry_after(d.attempts) {
            Some(wait) => (DeliveryStatus::Queued, now + wait, None),
            None => (DeliveryStatus::Failed, now, Some(ts(now))),
        };
        sqlx::query(
            "UPDATE outbox SET status = $1, next_attempt_at = $2, done_at = $3, lease_until = NULL, \
             last_error = $4 WHERE id = $5",
        )
        .bind(status.as_str())
        .bind(ts(next))
        .bind(done)
        .bind(error.chars().take(500).collect::<String>())
        .bind(d.id)
        .execute(&self.pool)
        .await?;
        Ok(status)
    }

    /// The deliveries that failed for good, newest first: for operators.
    pub async fn failed_deliveries(&self) -> Result<Vec<FailedDelivery>> {
        let rows = sqlx::query(
            "SELECT o.id, n.kind, o.channel, o.attempts, o.last_error, o.created_at, o.done_at \
             FROM outbox o JOIN notices n ON n.id = o.notice_id WHERE o.status = $1 \
             ORDER BY o.done_at DESC, o.id DESC LIMIT 1000",
        )
        .bind(DeliveryStatus::Failed.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let kind: String = r.try_get("kind")?;
                Ok(FailedDelivery {
                    id: r.try_get("id")?,
                    kind: NoticeKind::from_code(&kind).map_err(|_| crate::StoreError::Corrupt {
                        what: "notice kind",
                        value: kind.clone(),
                    })?,
                    channel: channel_of(&r.try_get::<String, _>("channel")?)?,
                    attempts: u32::try_from(r.try_get::<i64, _>("attempts")?).unwrap_or(u32::MAX),
                    last_error: r
                        .try_get::<Option<String>, _>("last_error")?
                        .unwrap_or_default(),
                    created_at: from_ts(r.try_get("created_at")?),
                    failed_at: from_ts(r.try_get::<Option<i64>, _>("done_at")?.unwrap_or_default()),
                })
            })
            .collect()
    }

    /// How many deliveries are in each state (for reports and tests).
    pub async fn delivery_counts(&self) -> Result<Vec<(String, i64)>> {
        let rows =
            sqlx::query("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status ORDER BY status")
                .fetch_all(&self.pool)
                .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("status")?, r.try_get("n")?)))
            .collect()
    }

    /// Whether this process is the first to start `job` on `day`: a daily job runs once per
    /// day however many processes there are.
    pub async fn claim_daily_run(
        &self,
        job: &str,
        day: chrono::NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let r = sqlx::query(
            "INSERT INTO daily_runs (job, day, started_at) VALUES ($1,$2,$3) ON CONFLICT (job, day) DO NOTHING",
        )
        .bind(job)
        .bind(day.to_string())
        .bind(ts(now))
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }
}

/// A text the simulated SMS gateway was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimulatedSms {
    pub recipient: String,
    pub text: String,
    pub sent_at: DateTime<Utc>,
}

impl Store {
    /// The simulated SMS gateway "sends": the text is kept where tests and the demo read it.
    pub async fn record_simulated_sms(
        &self,
        recipient: &str,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query("INSERT INTO simulated_sms (recipient, text, sent_at) VALUES ($1,$2,$3)")
            .bind(recipient)
            .bind(text)
            .bind(ts(now))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// What the simulated SMS gateway was given, oldest first.
    pub async fn simulated_sms(&self) -> Result<Vec<SimulatedSms>> {
        let rows = sqlx::query("SELECT recipient, text, sent_at FROM simulated_sms ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(SimulatedSms {
                    recipient: r.try_get("recipient")?,
                    text: r.try_get("text")?,
                    sent_at: from_ts(r.try_get("sent_at")?),
                })
            })
            .collect()
    }
}
