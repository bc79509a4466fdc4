//! Statistics without identities and the research project's data points
//! (`jobspor::statistics`; table `statistics_events`, migration 0025). Page views are
//! written by the server's middleware after the page is answered; the citizen's events
//! (login, logout, a reminder turned on or off) and an employer's opening of a CV in the
//! transaction that does them. What is kept is listed in the migration: never a full IP
//! address, a query string, a name or a CPR number.
use crate::{from_ts, ts, Result, Store};
use chrono::{DateTime, NaiveDate, Utc};
use jobspor::dates::danish_date;
use jobspor::statistics::{StatEvent, Visitor, RESEARCH_PAGES};
use jobspor::CitizenId;
use sqlx::{AnyConnection, Row};
use std::collections::HashMap;

/// One row to write.
struct NewEvent<'a> {
    at: DateTime<Utc>,
    event: StatEvent,
    detail: Option<&'a str>,
    visitor: Option<&'a Visitor>,
    subject: Option<&'a str>,
    company: Option<&'a str>,
}

async fn insert(conn: &mut AnyConnection, e: NewEvent<'_>) -> Result<()> {
    sqlx::query(
        "INSERT INTO statistics_events (at, day, event, detail, network, visitor_key, subject, company) \
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8)",
    )
    .bind(ts(e.at))
    .bind(danish_date(e.at).to_string())
    .bind(e.event.code())
    .bind(e.detail)
    .bind(e.visitor.map(|v| v.network.as_str()))
    .bind(e.visitor.map(|v| v.key.as_str()))
    .bind(e.subject)
    .bind(e.company)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A citizen's event (login, logout, reminder), in the caller's transaction: the citizen is
/// named by the access log's pseudonym.
pub(crate) async fn record_citizen_event(
    conn: &mut AnyConnection,
    citizen_id: CitizenId,
    event: StatEvent,
    detail: Option<&str>,
    at: DateTime<Utc>,
) -> Result<()> {
    let subject = crate::access_log::subject(conn, citizen_id).await?;
    insert(
        conn,
        NewEvent {
            at,
            event,
            detail,
            visitor: None,
            subject: Some(&subject),
            company: None,
        },
    )
    .await
}

/// The reminder changes from `before` to `after` (sms, e-mail), in the caller's transaction.
pub(crate) async fn record_reminder_changes(
    conn: &mut AnyConnection,
    citizen_id: CitizenId,
    before: (bool, bool),
    after: (bool, bool),
    at: DateTime<Utc>,
) -> Result<()> {
    for (event, channel) in jobspor::statistics::reminder_changes(before, after) {
        record_citizen_event(conn, citizen_id, event, Some(channel.code()), at).await?;
    }
    Ok(())
}

/// An employer's opening of a CV owned by `owner`, in the transaction that records it in
/// the access log: the company by its CVR number.
pub(crate) async fn record_cv_opening(
    conn: &mut AnyConnection,
    owner: CitizenId,
    employer_id: i64,
    at: DateTime<Utc>,
) -> Result<()> {
    let subject = crate::access_log::subject(conn, owner).await?;
    let cvr: Option<String> = sqlx::query_scalar("SELECT cvr FROM employers WHERE id = $1")
        .bind(employer_id)
        .fetch_optional(&mut *conn)
        .await?;
    insert(
        conn,
        NewEvent {
            at,
            event: StatEvent::CvOpened,
            detail: None,
            visitor: None,
            subject: Some(&subject),
            company: cvr.as_deref(),
        },
    )
    .await
}

/// Counts over a period, for `jobspor-server statistics`: each a list of (Danish day,
/// what, count), ordered.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct StatisticsReport {
    /// Visits per page (its pattern) per day.
    pub page_views: Vec<(NaiveDate, String, i64)>,
    /// Distinct visitors (network and key) per day.
    pub visitors: Vec<(NaiveDate, i64)>,
    pub logins: Vec<(NaiveDate, i64)>,
    pub logouts: Vec<(NaiveDate, i64)>,
    /// Reminder changes per day: (day, `reminder_on:sms` …, count).
    pub reminders: Vec<(NaiveDate, String, i64)>,
    /// Employers' openings of CVs per day.
    pub cv_openings: Vec<(NaiveDate, i64)>,
}

/// An event as the research export reads it; the caller pseudonymises `subject`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResearchEvent {
    pub event: StatEvent,
    pub at: DateTime<Utc>,
    /// The access log's pseudonym of the citizen concerned.
    pub subject: Option<String>,
    /// A page view's page, a reminder's channel.
    pub detail: Option<String>,
    /// The opening company's CVR number.
    pub company: Option<String>,
}

fn day(s: String) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| crate::StoreError::Corrupt {
        what: "statistics_events.day",
        value: s,
    })
}

/// A page view to write (`Store::record_page_views`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageView {
    /// The route pattern, never the path's values.
    pub page: &'static str,
    pub visitor: Visitor,
    /// The browser's session, hashed as the sessions table keeps it.
    pub session_hash: Option<String>,
    pub at: DateTime<Utc>,
}

impl Store {
    /// A page view, in a transaction of its own. `session_hash`, when the browser had a
    /// session and the page is one of `RESEARCH_PAGES`, names the citizen by the access
    /// log's pseudonym; any other page view names no one.
    pub async fn record_page_view(
        &self,
        page: &'static str,
        visitor: &Visitor,
        session_hash: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<()> {
        self.record_page_views(&[PageView {
            page,
            visitor: visitor.clone(),
            session_hash: session_hash.map(str::to_string),
            at,
        }])
        .await
    }

    /// Page views, all in one transaction: under load the server's writer hands over what
    /// came in while the last batch was written, so a busy site costs one commit (one fsync
    /// on SQLite) per batch rather than per page.
    pub async fn record_page_views(&self, views: &[PageView]) -> Result<()> {
        if views.is_empty() {
            return Ok(());
        }
        let mut tx = self.begin_write().await?;
        // A batch holds many views of few sessions: each session's pseudonym is found once.
        let mut subjects: HashMap<&str, Option<String>> = HashMap::new();
        for view in views {
            let mut subject = None;
            if let (Some(hash), true) = (&view.session_hash, RESEARCH_PAGES.contains(&view.page)) {
                subject = match subjects.get(hash.as_str()) {
                    Some(known) => known.clone(),
                    None => {
                        let found = match crate::sessions::citizen_of_session(&mut tx, hash).await?
                        {
                            Some(id) => Some(crate::access_log::subject(&mut tx, id).await?),
                            None => None,
                        };
                        subjects.insert(hash, found.clone());
                        found
                    }
                };
            }
            insert(
                &mut tx,
                NewEvent {
                    at: view.at,
                    event: StatEvent::PageView,
                    detail: Some(view.page),
                    visitor: Some(&view.visitor),
                    subject: subject.as_deref(),
                    company: None,
                },
            )
            .await?;
        }
        tx.commit().await
    }

    /// The counts of the Danish days `from` to `to`, both included.
    pub async fn statistics(&self, from: NaiveDate, to: NaiveDate) -> Result<StatisticsReport> {
        let (from, to) = (from.to_string(), to.to_string());
        let grouped = |sql: &'static str| {
            let (from, to) = (from.clone(), to.clone());
            async move {
                let rows = sqlx::query(sql)
                    .bind(from)
                    .bind(to)
                    .fetch_all(&self.pool)
                    .await?;
                rows.iter()
                    .map(|r| {
                        Ok((
                            day(r.try_get("day")?)?,
                            r.try_get::<String, _>("what")?,
                            r.try_get::<i64, _>("n")?,
                        ))
                    })
                    .collect::<Result<Vec<_>>>()
            }
        };
        let per_day = |event: StatEvent| {
            let (from, to) = (from.clone(), to.clone());
            async move {
                let rows = sqlx::query(
                    "SELECT day, COUNT(*) AS n FROM statistics_events \
                     WHERE event = $1 AND day >= $2 AND day <= $3 GROUP BY day ORDER BY day",
                )
                .bind(event.code())
                .bind(from)
                .bind(to)
                .fetch_all(&self.pool)
                .await?;
                rows.iter()
                    .map(|r| Ok((day(r.try_get("day")?)?, r.try_get::<i64, _>("n")?)))
                    .collect::<Result<Vec<_>>>()
            }
        };
        let visitors = sqlx::query(
            "SELECT day, COUNT(*) AS n FROM (SELECT DISTINCT day, network, visitor_key \
             FROM statistics_events WHERE event = 'page_view' AND day >= $1 AND day <= $2) v \
             GROUP BY day ORDER BY day",
        )
        .bind(&from)
        .bind(&to)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| Ok((day(r.try_get("day")?)?, r.try_get::<i64, _>("n")?)))
        .collect::<Result<Vec<_>>>()?;
        Ok(StatisticsReport {
            page_views: grouped(
                "SELECT day, detail AS what, COUNT(*) AS n FROM statistics_events \
                 WHERE event = 'page_view' AND day >= $1 AND day <= $2 \
                 GROUP BY day, detail ORDER BY day, detail",
            )
            .await?,
            visitors,
            logins: per_day(StatEvent::Login).await?,
            logouts: per_day(StatEvent::Logout).await?,
            reminders: grouped(
                "SELECT day, event || ':' || detail AS what, COUNT(*) AS n FROM statistics_events \
                 WHERE event IN ('reminder_on', 'reminder_off') AND day >= $1 AND day <= $2 \
                 GROUP BY day, event, detail ORDER BY day, event, detail",
            )
            .await?,
            cv_openings: per_day(StatEvent::CvOpened).await?,
        })
    }

    /// The research project's events from `from` up to (not including) `to`, in time order:
    /// logins, logouts, reminder changes, CV openings, and the views of `RESEARCH_PAGES` by a
    /// signed-in citizen. Only fixed values: no free text, no address.
    pub async fn research_events(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<ResearchEvent>> {
        let rows = sqlx::query(
            "SELECT event, at, subject, detail, company FROM statistics_events \
             WHERE at >= $1 AND at < $2 AND subject IS NOT NULL ORDER BY at, id",
        )
        .bind(ts(from))
        .bind(ts(to))
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let code: String = r.try_get("event")?;
            let event = StatEvent::from_code(&code).ok_or_else(|| crate::StoreError::Corrupt {
                what: "statistics_events.event",
                value: code,
            })?;
            let detail: Option<String> = r.try_get("detail")?;
            // A page view names a person only on the research pages (`record_page_view`);
            // checked again here, so the export holds no other page whatever was stored.
            if event == StatEvent::PageView
                && !detail
                    .as_deref()
                    .is_some_and(|p| RESEARCH_PAGES.contains(&p))
            {
                continue;
            }
            out.push(ResearchEvent {
                event,
                at: from_ts(r.try_get("at")?),
                subject: r.try_get("subject")?,
                detail,
                company: r.try_get("company")?,
            });
        }
        Ok(out)
    }
}
