//! Jobnetsupporten's recorded consents, and the references to a citizen's profile that rest
//! on them. A support reference leads to the citizen only while its consent is live.
use crate::case_lookups::{insert_lookup, new_reference};
use crate::{from_ts, ts, Result, Store};
use chrono::{DateTime, Utc};
use jobspor::consent::{ConsentChannel, ConsentScope};
use jobspor::policy::Caller;
use jobspor::{CaseReference, CaseworkerId, CitizenId};
use sqlx::Row;

/// A consent as support records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewConsent {
    pub channel: ConsentChannel,
    pub given_at: DateTime<Utc>,
    pub scope: Vec<ConsentScope>,
    pub reference: String,
    pub ends_at: DateTime<Utc>,
}

/// A recorded consent, as the citizen and support read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentRecord {
    pub id: i64,
    pub citizen_id: CitizenId,
    /// The support worker who recorded it.
    pub recorded_by: String,
    pub channel: ConsentChannel,
    pub given_at: DateTime<Utc>,
    pub scope: Vec<ConsentScope>,
    pub reference: String,
    pub recorded_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

const CONSENT_COLUMNS: &str = "c.id, c.citizen_id, w.name AS recorded_by, c.channel, c.given_at, \
     c.scope, c.reference, c.recorded_at, c.ends_at";

fn consent_row(r: &sqlx::any::AnyRow) -> Result<ConsentRecord> {
    let channel: String = r.try_get("channel")?;
    Ok(ConsentRecord {
        id: r.try_get("id")?,
        citizen_id: CitizenId::new(r.try_get("citizen_id")?),
        recorded_by: r.try_get("recorded_by")?,
        channel: ConsentChannel::from_code(&channel).map_err(|_| crate::StoreError::Corrupt {
            what: "consent channel",
            value: channel.clone(),
        })?,
        given_at: from_ts(r.try_get("given_at")?),
        scope: ConsentScope::from_codes(&r.try_get::<String, _>("scope")?),
        reference: r.try_get("reference")?,
        recorded_at: from_ts(r.try_get("recorded_at")?),
        ends_at: from_ts(r.try_get("ends_at")?),
    })
}

impl Store {
    /// Records support's lookup of `cpr` and, when it found `citizen`, the consent and a
    /// reference to the profile that lasts as long as the consent. One transaction.
    pub async fn record_consent_lookup(
        &self,
        support: Caller<CaseworkerId>,
        cpr: &str,
        found: Option<(CitizenId, &NewConsent)>,
        now: DateTime<Utc>,
    ) -> Result<Option<CaseReference>> {
        let mut tx = self.begin_write().await?;
        insert_lookup(&mut tx, support, cpr, found.is_some(), now).await?;
        let reference = match found {
            Some((citizen, c)) => {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO support_consents (caseworker_id, citizen_id, channel, given_at, scope, \
                     reference, recorded_at, ends_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id",
                )
                .bind(support.id().get())
                .bind(citizen.get())
                .bind(c.channel.code())
                .bind(ts(c.given_at))
                .bind(ConsentScope::codes(&c.scope))
                .bind(&c.reference)
                .bind(ts(now))
                .bind(ts(c.ends_at))
                .fetch_one(&mut *tx)
                .await?;
                Some(new_reference(&mut tx, support, citizen, c.ends_at, Some(id)).await?)
            }
            None => None,
        };
        tx.commit().await?;
        Ok(reference)
    }

    /// The citizen and the consent `reference` rests on, for this support worker, while the
    /// consent is live (`policy::consent_is_live`). `None` for any reference without one: a
    /// jobcentre's, an expired one, another worker's.
    pub async fn support_reference(
        &self,
        support: Caller<CaseworkerId>,
        reference: &CaseReference,
        now: DateTime<Utc>,
    ) -> Result<Option<ConsentRecord>> {
        let sql = format!(
            "SELECT {CONSENT_COLUMNS} FROM case_references r \
             JOIN support_consents c ON c.id = r.consent_id \
             JOIN caseworkers w ON w.id = c.caseworker_id \
             WHERE r.reference = $1 AND r.caseworker_id = $2"
        );
        let row = sqlx::query(&sql)
            .bind(reference.as_str())
            .bind(support.id().get())
            .fetch_optional(&self.pool)
            .await?;
        let consent = row.as_ref().map(consent_row).transpose()?;
        Ok(consent.filter(|c| jobspor::policy::consent_is_live(c.ends_at, now)))
    }

    /// One of the citizen's consents, by id (for Min historik).
    pub async fn consent_of(&self, citizen: CitizenId, id: i64) -> Result<Option<ConsentRecord>> {
        let sql = format!(
            "SELECT {CONSENT_COLUMNS} FROM support_consents c \
             JOIN caseworkers w ON w.id = c.caseworker_id WHERE c.id = $1 AND c.citizen_id = $2"
        );
        let row = sqlx::query(&sql)
            .bind(id)
            .bind(citizen.get())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(consent_row).transpose()
    }

    /// Every consent the citizen gave support, newest first (the consents' one list).
    pub async fn consents_of(&self, citizen: Caller<CitizenId>) -> Result<Vec<ConsentRecord>> {
        let sql = format!(
            "SELECT {CONSENT_COLUMNS} FROM support_consents c \
             JOIN caseworkers w ON w.id = c.caseworker_id WHERE c.citizen_id = $1 \
             ORDER BY c.recorded_at DESC, c.id DESC"
        );
        let rows = sqlx::query(&sql)
            .bind(citizen.id().get())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(consent_row).collect()
    }
}
