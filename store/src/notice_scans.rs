//! The daily scans for the seed's inactivity notices (issue 23): the 10-week reminder to
//! owners of a searchable CV, and the warning 2 weeks before a profile is deleted after 18½
//! months; and 30 days without a joblog registration (`joblog`). Each candidate window is read in pages by id; each page is queued in one
//! transaction; a notice already queued for the same period is not queued again.
use crate::outbox::{queue_all, NewNotice};
use crate::{from_ts, ts, Result, Store};
use chrono::{DateTime, Utc};
use jobspor::notices::{channels, idempotency_key, inactivity_period, inactivity_text, NoticeKind};
use jobspor::retention::{deletion_warning_due, searchable_reminder_due};
use jobspor::CitizenId;
use sqlx::Row;

/// How many notices each scan queued.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ScanReport {
    pub searchable_reminders: u64,
    pub deletion_warnings: u64,
    /// Job seekers 30 days without a joblog registration (issue 25), each flagged for the
    /// jobcentre too.
    pub joblog_silences: u64,
}

/// Rows read per page.
const PAGE: i64 = 1000;

impl Store {
    /// Runs both scans at `now`. `portal`: the portal's public address, for the texts' link.
    pub async fn scan_inactivity(&self, now: DateTime<Utc>, portal: &str) -> Result<ScanReport> {
        let reminders = self
            .scan(
                NoticeKind::SearchableReminder,
                "SELECT c.id, c.last_login_at AS last, c.email, c.phone, c.sms_reminders, c.email_reminders, c.language \
                 FROM citizens c JOIN cvs v ON v.citizen_id = c.id \
                 WHERE v.searchable = 1 AND c.last_login_at <= $1 AND c.last_login_at > $2 \
                 AND (c.last_login_at, c.id) > ($3, $4) ORDER BY c.last_login_at, c.id LIMIT $5",
                now - jobspor::retention::SEARCHABLE_REMINDER_AFTER,
                now - jobspor::retention::SEARCHABLE_WITHOUT_LOGIN,
                now,
                portal,
                |last| searchable_reminder_due(true, last, now),
            )
            .await?;
        let (oldest, newest) = jobspor::retention::deletion_warning_candidates(now);
        let warnings = self
            .scan(
                NoticeKind::DeletionWarning,
                "SELECT c.id, c.last_activity_at AS last, c.email, c.phone, c.sms_reminders, c.email_reminders, c.language \
                 FROM citizens c WHERE c.last_activity_at <= $1 AND c.last_activity_at > $2 \
                 AND (c.last_activity_at, c.id) > ($3, $4) ORDER BY c.last_activity_at, c.id LIMIT $5",
                newest,
                oldest,
                now,
                portal,
                |last| deletion_warning_due(last, now),
            )
            .await?;
        Ok(ScanReport {
            searchable_reminders: reminders,
            deletion_warnings: warnings,
            joblog_silences: self.scan_joblog_silence(now, portal).await?,
        })
    }

    /// One scan: the rows `sql` selects between `newest` and `oldest` (by page, ordered by
    /// time and id, each page after the last), those `due` by the exact rule, each queued
    /// once per period.
    #[allow(clippy::too_many_arguments)]
    async fn scan(
        &self,
        kind: NoticeKind,
        sql: &str,
        newest: DateTime<Utc>,
        oldest: DateTime<Utc>,
        now: DateTime<Utc>,
        portal: &str,
        due: impl Fn(DateTime<Utc>) -> bool,
    ) -> Result<u64> {
        let mut after = (ts(oldest), 0i64);
        let mut queued = 0;
        loop {
            let rows = sqlx::query(sql)
                .bind(ts(newest))
                .bind(ts(oldest))
                .bind(after.0)
                .bind(after.1)
                .bind(PAGE)
                .fetch_all(&self.pool)
                .await?;
            let Some(last_row) = rows.last() else { break };
            after = (last_row.try_get("last")?, last_row.try_get("id")?);
            let mut due_now = Vec::new();
            for r in &rows {
                let last = from_ts(r.try_get("last")?);
                if !due(last) {
                    continue;
                }
                let id: i64 = r.try_get("id")?;
                let (reach, lang) = crate::citizens::reach_of(r)?;
                let text = inactivity_text(kind, last, lang, portal);
                due_now.push(NewNotice {
                    citizen_id: CitizenId::new(id),
                    kind,
                    key: idempotency_key(id, kind, &inactivity_period(last)),
                    subject: text.subject,
                    body: text.body,
                    sms: text.sms,
                    sender: None,
                    email: None,
                    deliveries: channels(kind, &reach),
                });
            }
            // The page's notices in one transaction, a few statements for all of them.
            let mut tx = self.begin_write().await?;
            queued += queue_all(&mut tx, &due_now, now).await?;
            tx.commit().await?;
            if (rows.len() as i64) < PAGE {
                break;
            }
        }
        Ok(queued)
    }
}
