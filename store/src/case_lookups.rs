//! A caseworker's lookups by CPR number and the references they lead to. Every lookup is
//! recorded for the caseworker's own audit, a miss as well as a hit; a hit makes an opaque
//! reference (`CaseReference`) to the citizen's page, for that caseworker and a working day.
use crate::{from_ts, ts, Result, Store};
use chrono::{DateTime, Utc};
use jobspor::policy::Caller;
use jobspor::{CaseReference, CaseworkerId, CitizenId};
use sqlx::{AnyConnection, Row};

/// One lookup as the caseworker's audit lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lookup {
    pub at: DateTime<Utc>,
    /// The CPR number looked up (ten digits): the audit's search criterion.
    pub cpr: String,
    /// Whether it found a citizen this caseworker serves.
    pub found: bool,
}

/// Records one lookup for the staff member's audit.
pub(crate) async fn insert_lookup(
    conn: &mut AnyConnection,
    staff: Caller<CaseworkerId>,
    cpr: &str,
    found: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO caseworker_lookups (caseworker_id, at, cpr, found) VALUES ($1,$2,$3,$4)",
    )
    .bind(staff.id().get())
    .bind(ts(now))
    .bind(cpr)
    .bind(i64::from(found))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Makes a fresh reference to `citizen` for `staff` until `expires` (resting on `consent`,
/// for support).
pub(crate) async fn new_reference(
    conn: &mut AnyConnection,
    staff: Caller<CaseworkerId>,
    citizen: CitizenId,
    expires: DateTime<Utc>,
    consent: Option<i64>,
) -> Result<CaseReference> {
    let r = {
        use rand::Rng;
        CaseReference::from_bytes(rand::thread_rng().gen())
    };
    sqlx::query(
        "INSERT INTO case_references (reference, caseworker_id, citizen_id, expires_at, consent_id) \
         VALUES ($1,$2,$3,$4,$5)",
    )
    .bind(r.as_str())
    .bind(staff.id().get())
    .bind(citizen.get())
    .bind(ts(expires))
    .bind(consent)
    .execute(&mut *conn)
    .await?;
    Ok(r)
}

impl Store {
    /// Records a lookup of `cpr` and, when it found `citizen` (one the caseworker serves),
    /// makes the reference to their page, valid until `expires`. One transaction.
    pub async fn record_lookup(
        &self,
        caseworker: Caller<CaseworkerId>,
        cpr: &str,
        citizen: Option<CitizenId>,
        now: DateTime<Utc>,
        expires: DateTime<Utc>,
    ) -> Result<Option<CaseReference>> {
        let mut tx = self.begin_write().await?;
        insert_lookup(&mut tx, caseworker, cpr, citizen.is_some(), now).await?;
        let reference = match citizen {
            Some(c) => Some(new_reference(&mut tx, caseworker, c, expires, None).await?),
            None => None,
        };
        tx.commit().await?;
        Ok(reference)
    }

    /// The citizen `reference` leads to, for this caseworker, while it is valid.
    pub async fn case_reference(
        &self,
        caseworker: Caller<CaseworkerId>,
        reference: &CaseReference,
        now: DateTime<Utc>,
    ) -> Result<Option<CitizenId>> {
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT citizen_id FROM case_references \
             WHERE reference = $1 AND caseworker_id = $2 AND expires_at > $3",
        )
        .bind(reference.as_str())
        .bind(caseworker.id().get())
        .bind(ts(now))
        .fetch_optional(&self.pool)
        .await?;
        Ok(id.map(CitizenId::new))
    }

    /// The caseworker's own lookups since `since`, newest first.
    pub async fn caseworker_lookups(
        &self,
        caseworker: Caller<CaseworkerId>,
        since: DateTime<Utc>,
    ) -> Result<Vec<Lookup>> {
        let rows = sqlx::query(
            "SELECT at, cpr, found FROM caseworker_lookups WHERE caseworker_id = $1 AND at >= $2 \
             ORDER BY at DESC, id DESC LIMIT 500",
        )
        .bind(caseworker.id().get())
        .bind(ts(since))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Lookup {
                    at: from_ts(r.try_get("at")?),
                    cpr: r.try_get("cpr")?,
                    found: r.try_get::<i64, _>("found")? != 0,
                })
            })
            .collect()
    }

    /// Deletes lookups from before `before` and references expired at `now`.
    pub async fn prune_lookups(&self, before: DateTime<Utc>, now: DateTime<Utc>) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        let lookups = sqlx::query("DELETE FROM caseworker_lookups WHERE at < $1")
            .bind(ts(before))
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let references = sqlx::query("DELETE FROM case_references WHERE expires_at <= $1")
            .bind(ts(now))
            .execute(&mut *tx)
            .await?
            .rows_affected();
        // Support's consents stay as long as the access records that name them.
        let consents =
            sqlx::query("DELETE FROM support_consents WHERE recorded_at < $1 AND ends_at <= $2")
                .bind(ts(before))
                .bind(ts(now))
                .execute(&mut *tx)
                .await?
                .rows_affected();
        tx.commit().await?;
        Ok(lookups + references + consents)
    }
}
