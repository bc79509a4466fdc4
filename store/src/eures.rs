//! The CV sent to EURES (issue 24, seed 004): the citizen's (and a minor's guardian's)
//! consent receipts, and the offered copies EURES' coordination polls.
//!
//! An offered copy is refreshed (`refresh_in`) in the transaction of whatever changes the
//! consent — a receipt, a deleted profile — and by the sweep (`Store::sync_eures`, run by
//! the housekeeping every few minutes) for what changes without a receipt: an edited CV, a
//! login (which may bring new register data), a CV made non-searchable by the citizen or by
//! the 12-week rule. The document is rebuilt from the CV each time; the copy is replaced,
//! and reported modified, only when its checksum changed.
use crate::access_log::{record, AccessEntry};
use crate::citizens::{citizen_in, CitizenRecord};
use crate::cv::entries;
use crate::{from_ts, ts, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use jobspor::access::{AccessBasis, AccessWhat};
use jobspor::eures::consent::{
    hidden_codes, hidden_from_codes, transfer_state, Consenter, ReceiptAction, ReceiptChannel,
    TransferState, TERMS_VERSION,
};
use jobspor::eures::document::{candidate, Candidate, CandidateInput};
use jobspor::eures::fields::EuresField;
use jobspor::policy::{ActorKind, Caller};
use jobspor::CitizenId;
use sqlx::{AnyConnection, Row};
use std::collections::BTreeSet;

/// An offered copy's status, as the input API reports it.
pub const ACTIVE: &str = "ACTIVE";
pub const CLOSED: &str = "CLOSED";

/// Who EURES is in Min historik.
pub const EURES_NAME: &str = "EURES";
pub const EURES_ORGANISATION: &str = "Europa-Kommissionen";

/// One receipt, as the citizen lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub id: i64,
    pub actor: Consenter,
    pub action: ReceiptAction,
    pub terms_version: String,
    pub hidden: BTreeSet<EuresField>,
    pub channel: ReceiptChannel,
    pub at: DateTime<Utc>,
}

/// A consent, a change of what is hidden, or a withdrawal to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReceipt {
    pub action: ReceiptAction,
    pub hidden: BTreeSet<EuresField>,
    pub channel: ReceiptChannel,
}

/// Where a citizen's transfer stands, for the EURES page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EuresOverview {
    pub state: TransferState,
    /// The citizen's own consent stands (waiting, perhaps, for a guardian or a searchable
    /// CV).
    pub consenting: bool,
    pub is_minor: bool,
    /// What the citizen hides now (from the latest receipt).
    pub hidden: BTreeSet<EuresField>,
    /// Newest first: the citizen's own and the guardian's.
    pub receipts: Vec<Receipt>,
    /// The offered copy's reference and status, if one was ever offered.
    pub copy: Option<(String, String)>,
}

/// A reference as `getAll` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyRef {
    pub reference: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub modified_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

/// `getChanges`: the references created, modified and closed after a time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub created: Vec<CopyRef>,
    pub modified: Vec<CopyRef>,
    pub closed: Vec<CopyRef>,
}

/// `getDetails`: a reference with its document when it is active.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyDetails {
    pub copy: CopyRef,
    pub content: Option<String>,
}

/// What the sweep did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SyncReport {
    pub checked: u64,
    pub created: u64,
    pub modified: u64,
    pub closed: u64,
}

/// What one refresh did to a copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refreshed {
    Unchanged,
    Created,
    Modified,
    Closed,
}

fn receipt_from_row(r: &sqlx::any::AnyRow) -> Result<Receipt> {
    let corrupt = |what: &'static str, value: String| StoreError::Corrupt { what, value };
    let actor: String = r.try_get("actor")?;
    let action: String = r.try_get("action")?;
    let channel: String = r.try_get("channel")?;
    Ok(Receipt {
        id: r.try_get("id")?,
        actor: Consenter::from_code(&actor).map_err(|_| corrupt("eures_receipts.actor", actor))?,
        action: ReceiptAction::from_code(&action)
            .map_err(|_| corrupt("eures_receipts.action", action))?,
        terms_version: r.try_get("terms_version")?,
        hidden: hidden_from_codes(&r.try_get::<String, _>("hidden")?),
        channel: ReceiptChannel::from_code(&channel)
            .map_err(|_| corrupt("eures_receipts.channel", channel))?,
        at: from_ts(r.try_get("at")?),
    })
}

async fn receipts_in(conn: &mut AnyConnection, citizen_id: i64) -> Result<Vec<Receipt>> {
    let rows = sqlx::query(
        "SELECT id, actor, action, terms_version, hidden, channel, at FROM eures_receipts \
         WHERE citizen_id = $1 ORDER BY id DESC",
    )
    .bind(citizen_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(receipt_from_row).collect()
}

/// The latest receipt of the citizen's own, and of a guardian's.
fn latest(receipts: &[Receipt]) -> (Option<&Receipt>, Option<&Receipt>) {
    let of = |who| receipts.iter().find(|r| r.actor == who);
    (of(Consenter::Citizen), of(Consenter::Guardian))
}

/// A fresh document id: a UUID that stays with the CV.
fn new_reference() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The document model of the citizen's CV: what the copy holds and the preview shows.
async fn candidate_in(
    conn: &mut AnyConnection,
    citizen: &CitizenRecord,
    cv_id: Option<i64>,
    reference: &str,
    hidden: &BTreeSet<EuresField>,
) -> Result<Candidate> {
    let cv_entries: Vec<_> = match cv_id {
        Some(id) => entries(conn, id)
            .await?
            .into_iter()
            .map(|e| e.entry)
            .collect(),
        None => Vec::new(),
    };
    Ok(candidate(&CandidateInput {
        document_id: reference,
        person: &citizen.person,
        phone: citizen.phone.as_deref(),
        email: citizen.email.as_deref(),
        entries: &cv_entries,
        hidden,
    }))
}

/// Whether the CV counts as searchable for the transfer: marked so (`marked`: the CV's
/// flag, `None` without a CV), the owner logged in within 12 weeks, and the processing not
/// restricted (GDPR art. 18 keeps the CV from EURES as from the search).
fn counts_as_searchable(marked: Option<i64>, citizen: &CitizenRecord, now: DateTime<Utc>) -> bool {
    marked.is_some_and(|m| jobspor::retention::cv_is_searchable(m != 0, citizen.last_login_at, now))
        && citizen.restricted_at.is_none()
}

/// Brings the citizen's offered copy in line with the consent and the CV, inside the
/// caller's transaction.
async fn refresh_in(
    conn: &mut AnyConnection,
    citizen_id: i64,
    now: DateTime<Utc>,
) -> Result<Refreshed> {
    let copy =
        sqlx::query("SELECT reference, status, checksum FROM eures_cvs WHERE citizen_id = $1")
            .bind(citizen_id)
            .fetch_optional(&mut *conn)
            .await?;
    let receipts = receipts_in(conn, citizen_id).await?;
    if copy.is_none() && receipts.is_empty() {
        return Ok(Refreshed::Unchanged);
    }
    let citizen = citizen_in(conn, CitizenId::new(citizen_id)).await?;
    let cv = sqlx::query("SELECT id, searchable FROM cvs WHERE citizen_id = $1")
        .bind(citizen_id)
        .fetch_optional(&mut *conn)
        .await?;
    let marked: Option<i64> = cv.as_ref().map(|r| r.try_get("searchable")).transpose()?;
    let searchable = counts_as_searchable(marked, &citizen, now);
    let is_minor = citizen.person.is_minor_on(jobspor::dates::danish_date(now));
    let (own, guardian) = latest(&receipts);
    let state = transfer_state(
        own.map(|r| r.action),
        is_minor,
        guardian.map(|r| r.action),
        searchable,
    );
    let status: Option<String> = copy.as_ref().map(|r| r.try_get("status")).transpose()?;
    if state != TransferState::Offered {
        if status.as_deref() != Some(ACTIVE) {
            return Ok(Refreshed::Unchanged);
        }
        close_in(conn, citizen_id, now).await?;
        return Ok(Refreshed::Closed);
    }
    let hidden = own.map(|r| r.hidden.clone()).unwrap_or_default();
    let reference: String = match &copy {
        Some(r) => r.try_get("reference")?,
        None => new_reference(),
    };
    let cv_id: Option<i64> = cv.as_ref().map(|r| r.try_get("id")).transpose()?;
    let xml = candidate_in(conn, &citizen, cv_id, &reference, &hidden)
        .await?
        .xml();
    let sum = jobspor::eures::checksum_of(&xml);
    match (copy, status.as_deref()) {
        (None, _) => {
            sqlx::query(
                "INSERT INTO eures_cvs (reference, citizen_id, status, hidden, created_at, modified_at, \
                 checked_at, checksum, content) VALUES ($1,$2,$3,$4,$5,$5,$5,$6,$7)",
            )
            .bind(&reference)
            .bind(citizen_id)
            .bind(ACTIVE)
            .bind(hidden_codes(&hidden))
            .bind(ts(now))
            .bind(&sum)
            .bind(&xml)
            .execute(&mut *conn)
            .await?;
            Ok(Refreshed::Created)
        }
        // Offered again after a closure: created anew for the poller, same reference.
        (Some(_), Some(s)) if s != ACTIVE => {
            sqlx::query(
                "UPDATE eures_cvs SET status = $1, hidden = $2, created_at = $3, modified_at = $3, \
                 checked_at = $3, closed_at = NULL, checksum = $4, content = $5 WHERE citizen_id = $6",
            )
            .bind(ACTIVE)
            .bind(hidden_codes(&hidden))
            .bind(ts(now))
            .bind(&sum)
            .bind(&xml)
            .bind(citizen_id)
            .execute(&mut *conn)
            .await?;
            Ok(Refreshed::Created)
        }
        (Some(row), _) => {
            let old: Option<String> = row.try_get("checksum")?;
            if old.as_deref() == Some(sum.as_str()) {
                sqlx::query("UPDATE eures_cvs SET checked_at = $1 WHERE citizen_id = $2")
                    .bind(ts(now))
                    .bind(citizen_id)
                    .execute(&mut *conn)
                    .await?;
                return Ok(Refreshed::Unchanged);
            }
            sqlx::query(
                "UPDATE eures_cvs SET hidden = $1, modified_at = $2, checked_at = $2, checksum = $3, \
                 content = $4 WHERE citizen_id = $5",
            )
            .bind(hidden_codes(&hidden))
            .bind(ts(now))
            .bind(&sum)
            .bind(&xml)
            .bind(citizen_id)
            .execute(&mut *conn)
            .await?;
            Ok(Refreshed::Modified)
        }
    }
}

/// Closes the citizen's offered copy: no content, the closure kept for the poller.
async fn close_in(conn: &mut AnyConnection, citizen_id: i64, now: DateTime<Utc>) -> Result<()> {
    sqlx::query(
        "UPDATE eures_cvs SET status = $1, modified_at = $2, checked_at = $2, closed_at = $2, \
         checksum = NULL, content = NULL WHERE citizen_id = $3 AND status = $4",
    )
    .bind(CLOSED)
    .bind(ts(now))
    .bind(citizen_id)
    .bind(ACTIVE)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A profile being deleted: its copy is closed and no longer names the citizen; the closure
/// stays for the poller.
pub(crate) async fn forget_citizen_in(
    conn: &mut AnyConnection,
    citizen_id: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    close_in(conn, citizen_id, now).await?;
    sqlx::query("UPDATE eures_cvs SET citizen_id = NULL WHERE citizen_id = $1")
        .bind(citizen_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// After a change to the CV (a save, a deletion, the searchable mark) in the caller's
/// transaction: a consenting citizen's copy follows at once.
pub(crate) async fn follow_cv_in(
    conn: &mut AnyConnection,
    citizen_id: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    refresh_in(conn, citizen_id, now).await.map(|_| ())
}

fn copy_from_row(r: &sqlx::any::AnyRow) -> Result<CopyRef> {
    Ok(CopyRef {
        reference: r.try_get("reference")?,
        status: r.try_get("status")?,
        created_at: from_ts(r.try_get("created_at")?),
        modified_at: from_ts(r.try_get("modified_at")?),
        closed_at: r.try_get::<Option<i64>, _>("closed_at")?.map(from_ts),
    })
}

const COPY_COLUMNS: &str = "reference, status, created_at, modified_at, closed_at";

/// How many copies the sweep refreshes per transaction.
const SWEEP_PAGE: i64 = 200;

impl Store {
    /// The citizen's whole CV as the EURES document (HR-XML `Candidate`, the same
    /// serializer), nothing hidden, for their own download (data portability). Its id is the
    /// EURES reference when the CV was ever offered, else a new one.
    pub async fn own_candidate_xml(&self, citizen: Caller<CitizenId>) -> Result<String> {
        Ok(self.eures_candidate(citizen, &BTreeSet::new()).await?.xml())
    }

    /// The EURES page's data: the state, what is hidden, the receipts.
    pub async fn eures_overview(
        &self,
        citizen: Caller<CitizenId>,
        now: DateTime<Utc>,
    ) -> Result<EuresOverview> {
        let id = citizen.id().get();
        let mut conn = self.pool.acquire().await?;
        let receipts = receipts_in(&mut conn, id).await?;
        let person = citizen_in(&mut conn, citizen.id()).await?;
        let marked: Option<i64> =
            sqlx::query_scalar("SELECT searchable FROM cvs WHERE citizen_id = $1")
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?;
        let searchable = counts_as_searchable(marked, &person, now);
        let is_minor = person.person.is_minor_on(jobspor::dates::danish_date(now));
        let (own, guardian) = latest(&receipts);
        let state = transfer_state(
            own.map(|r| r.action),
            is_minor,
            guardian.map(|r| r.action),
            searchable,
        );
        let hidden = own.map(|r| r.hidden.clone()).unwrap_or_default();
        let copy = sqlx::query("SELECT reference, status FROM eures_cvs WHERE citizen_id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?
            .map(|r| -> Result<(String, String)> {
                Ok((r.try_get("reference")?, r.try_get("status")?))
            })
            .transpose()?;
        Ok(EuresOverview {
            state,
            consenting: own.is_some_and(|r| r.action.consents()),
            is_minor,
            hidden,
            receipts,
            copy,
        })
    }

    /// The citizen's CV as EURES would get it with `hidden` hidden ("Se dit CV som EURES ser
    /// det"): the same model the offered copy's document is written from.
    pub async fn eures_candidate(
        &self,
        citizen: Caller<CitizenId>,
        hidden: &BTreeSet<EuresField>,
    ) -> Result<Candidate> {
        let id = citizen.id().get();
        let mut conn = self.pool.acquire().await?;
        let record = citizen_in(&mut conn, citizen.id()).await?;
        let cv_id: Option<i64> = sqlx::query_scalar("SELECT id FROM cvs WHERE citizen_id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
        let reference: Option<String> =
            sqlx::query_scalar("SELECT reference FROM eures_cvs WHERE citizen_id = $1")
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?;
        // A CV never offered has no reference yet: a new one, as its first offer would get.
        let reference = reference.unwrap_or_else(new_reference);
        candidate_in(&mut conn, &record, cv_id, &reference, hidden).await
    }

    /// The citizen's own consent, change or withdrawal: a receipt, and the copy follows in
    /// the same transaction.
    pub async fn record_eures_receipt(
        &self,
        citizen: Caller<CitizenId>,
        receipt: &NewReceipt,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        insert_receipt(
            &mut tx,
            citizen.id().get(),
            Consenter::Citizen,
            None,
            receipt,
            now,
        )
        .await?;
        refresh_in(&mut tx, citizen.id().get(), now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A parent's or guardian's consent or withdrawal for `ward` (the register says who
    /// holds custody; the caller checked it): a receipt on the ward's list.
    pub async fn record_eures_guardian_receipt(
        &self,
        guardian: Caller<CitizenId>,
        ward: CitizenId,
        action: ReceiptAction,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let receipt = NewReceipt {
            action,
            hidden: BTreeSet::new(),
            channel: ReceiptChannel::Web,
        };
        insert_receipt(
            &mut tx,
            ward.get(),
            Consenter::Guardian,
            Some(guardian.id().get()),
            &receipt,
            now,
        )
        .await?;
        refresh_in(&mut tx, ward.get(), now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The citizen's transfer as a guardian sees it: the child's own latest action and the
    /// guardians' latest, for the guardian's page.
    pub async fn eures_ward_state(
        &self,
        ward: CitizenId,
    ) -> Result<(Option<ReceiptAction>, Option<ReceiptAction>)> {
        let mut conn = self.pool.acquire().await?;
        let receipts = receipts_in(&mut conn, ward.get()).await?;
        let (own, guardian) = latest(&receipts);
        Ok((own.map(|r| r.action), guardian.map(|r| r.action)))
    }

    /// The sweep: refreshes every copy whose CV or owner changed since it was last checked,
    /// closes those whose CV is no longer searchable, and offers again those whose CV
    /// became searchable again under a standing consent.
    pub async fn sync_eures(&self, now: DateTime<Utc>) -> Result<SyncReport> {
        let cutoff = now - jobspor::retention::SEARCHABLE_WITHOUT_LOGIN;
        let mut report = SyncReport::default();
        let mut after = 0i64;
        loop {
            let ids: Vec<i64> = sqlx::query_scalar(
                "SELECT e.citizen_id FROM eures_cvs e \
                 JOIN citizens c ON c.id = e.citizen_id \
                 LEFT JOIN cvs v ON v.citizen_id = e.citizen_id \
                 WHERE e.citizen_id > $1 AND ( \
                   (e.status = $2 AND (v.id IS NULL OR v.searchable = 0 OR c.last_login_at <= $3 \
                      OR v.updated_at > e.checked_at OR c.last_login_at > e.checked_at)) \
                   OR (e.status = $4 AND v.searchable = 1 AND c.last_login_at > $3 \
                      AND (v.updated_at > e.checked_at OR c.last_login_at > e.checked_at))) \
                 ORDER BY e.citizen_id LIMIT $5",
            )
            .bind(after)
            .bind(ACTIVE)
            .bind(ts(cutoff))
            .bind(CLOSED)
            .bind(SWEEP_PAGE)
            .fetch_all(&self.pool)
            .await?;
            let Some(&last) = ids.last() else { break };
            after = last;
            let mut tx = self.begin_write().await?;
            for id in &ids {
                report.checked += 1;
                match refresh_in(&mut tx, *id, now).await? {
                    Refreshed::Created => report.created += 1,
                    Refreshed::Modified => report.modified += 1,
                    Refreshed::Closed => report.closed += 1,
                    Refreshed::Unchanged => {
                        // A closed copy checked and still not offered: not again until
                        // something changes.
                        sqlx::query("UPDATE eures_cvs SET checked_at = $1 WHERE citizen_id = $2")
                            .bind(ts(now))
                            .bind(id)
                            .execute(&mut *tx)
                            .await?;
                    }
                }
            }
            tx.commit().await?;
            if (ids.len() as i64) < SWEEP_PAGE {
                break;
            }
        }
        Ok(report)
    }

    /// Forgets closures older than `before`: a poller away longer must call `getAll`.
    pub async fn purge_eures_closures(&self, before: DateTime<Utc>) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query("DELETE FROM eures_cvs WHERE status = $1 AND closed_at < $2")
            .bind(CLOSED)
            .bind(ts(before))
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(n)
    }

    /// `getAll`: every reference offered or closed (closures as long as they are kept), in
    /// the order of the references.
    pub async fn eures_all(&self) -> Result<Vec<CopyRef>> {
        let rows = sqlx::query(&format!(
            "SELECT {COPY_COLUMNS} FROM eures_cvs ORDER BY reference"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(copy_from_row).collect()
    }

    /// `getChanges`: what was created, modified (and not created) and closed at or after
    /// `since`. Times are kept to the second: `since` is rounded up to the next whole
    /// second, so a poller that passes the newest time it has seen may hear of that second's
    /// changes again (harmless: they are idempotent), never miss one. Each list comes from
    /// its own condition (NAV once filled the created list with the closed ones).
    pub async fn eures_changes(&self, since: DateTime<Utc>) -> Result<Changes> {
        let from = since.timestamp() + i64::from(since.timestamp_subsec_nanos() > 0);
        let list = |sql: String| {
            let pool = self.pool.clone();
            async move {
                let rows = sqlx::query(&sql).bind(from).fetch_all(&pool).await?;
                rows.iter().map(copy_from_row).collect::<Result<Vec<_>>>()
            }
        };
        Ok(Changes {
            created: list(format!(
                "SELECT {COPY_COLUMNS} FROM eures_cvs WHERE status = '{ACTIVE}' AND created_at >= $1 \
                 ORDER BY created_at, reference"
            ))
            .await?,
            modified: list(format!(
                "SELECT {COPY_COLUMNS} FROM eures_cvs WHERE status = '{ACTIVE}' AND modified_at >= $1 \
                 AND created_at < $1 ORDER BY modified_at, reference"
            ))
            .await?,
            closed: list(format!(
                "SELECT {COPY_COLUMNS} FROM eures_cvs WHERE status = '{CLOSED}' AND closed_at >= $1 \
                 ORDER BY closed_at, reference"
            ))
            .await?,
        })
    }

    /// `getDetails`: each known reference with its document while it is active; each
    /// document handed over is an access in the citizen's Min historik, recorded in the
    /// same transaction. Unknown references are left out.
    pub async fn eures_details(
        &self,
        references: &[String],
        now: DateTime<Utc>,
    ) -> Result<Vec<CopyDetails>> {
        let mut tx = self.begin_write().await?;
        let mut out = Vec::with_capacity(references.len());
        for reference in references {
            let Some(r) = sqlx::query(&format!(
                "SELECT {COPY_COLUMNS}, citizen_id, content FROM eures_cvs WHERE reference = $1"
            ))
            .bind(reference)
            .fetch_optional(&mut *tx)
            .await?
            else {
                continue;
            };
            let copy = copy_from_row(&r)?;
            let content: Option<String> = if copy.status == ACTIVE {
                r.try_get("content")?
            } else {
                None
            };
            if content.is_some() {
                if let Some(citizen_id) = r.try_get::<Option<i64>, _>("citizen_id")? {
                    let consent: Option<i64> = sqlx::query_scalar(
                        "SELECT MAX(id) FROM eures_receipts WHERE citizen_id = $1 AND actor = $2",
                    )
                    .bind(citizen_id)
                    .bind(Consenter::Citizen.code())
                    .fetch_one(&mut *tx)
                    .await?;
                    record(
                        &mut tx,
                        &AccessEntry {
                            citizen_id: CitizenId::new(citizen_id),
                            at: now,
                            actor_kind: ActorKind::Eures,
                            actor_id: None,
                            actor_name: EURES_NAME.into(),
                            organisation: EURES_ORGANISATION.into(),
                            what: AccessWhat::EuresFetchedCv,
                            basis: AccessBasis::EuresConsent(consent.unwrap_or_default()),
                        },
                    )
                    .await?;
                }
            }
            out.push(CopyDetails { copy, content });
        }
        tx.commit().await?;
        Ok(out)
    }
}

async fn insert_receipt(
    conn: &mut AnyConnection,
    citizen_id: i64,
    actor: Consenter,
    guardian_id: Option<i64>,
    r: &NewReceipt,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO eures_receipts (citizen_id, actor, guardian_id, action, terms_version, hidden, channel, at) \
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8)",
    )
    .bind(citizen_id)
    .bind(actor.code())
    .bind(guardian_id)
    .bind(r.action.code())
    .bind(TERMS_VERSION)
    .bind(hidden_codes(&r.hidden))
    .bind(r.channel.code())
    .bind(ts(now))
    .execute(&mut *conn)
    .await?;
    Ok(())
}
