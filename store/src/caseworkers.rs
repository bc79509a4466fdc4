//! Staff: jobcentre caseworkers (and which municipalities' citizens they serve), a-kasse
//! caseworkers (and their a-kasse), Jobnetsupporten. One table, the kind in `kind`.
use crate::{ts, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use jobspor::jobseeker::registration::AKasse;
use jobspor::policy::ActorKind;
use jobspor::{CaseworkerId, CitizenId};
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseworkerRecord {
    pub id: CaseworkerId,
    /// `Caseworker` (a jobcentre's), `AKasseCaseworker` or `Support`.
    pub kind: ActorKind,
    pub name: String,
    /// The jobcentre, the a-kasse or "Jobnetsupporten".
    pub organisation: String,
    /// CPR municipality codes of the citizens this caseworker serves (jobcentres only).
    pub municipality_codes: Vec<String>,
    /// The a-kasse whose members this caseworker sees (a-kasser only).
    pub a_kasse: Option<AKasse>,
}

/// A staff member as the operator seeds them.
#[derive(Debug, Clone)]
pub struct NewStaff<'a> {
    /// The subject the organisation's identity provider signs them in as.
    pub username: &'a str,
    pub name: &'a str,
    pub kind: ActorKind,
    pub organisation: &'a str,
    pub municipality_codes: &'a [&'a str],
    pub a_kasse: Option<AKasse>,
}

impl Store {
    /// Creates a jobcentre caseworker, or updates the one with this username.
    pub async fn upsert_caseworker(
        &self,
        username: &str,
        name: &str,
        jobcentre: &str,
        municipality_codes: &[&str],
        now: DateTime<Utc>,
    ) -> Result<CaseworkerId> {
        self.upsert_staff(
            &NewStaff {
                username,
                name,
                kind: ActorKind::Caseworker,
                organisation: jobcentre,
                municipality_codes,
                a_kasse: None,
            },
            now,
        )
        .await
    }

    /// Creates a staff member, or updates the one with this username (operator seeding).
    pub async fn upsert_staff(&self, s: &NewStaff<'_>, now: DateTime<Utc>) -> Result<CaseworkerId> {
        let row = sqlx::query(
            "INSERT INTO caseworkers (username, name, jobcentre, municipality_codes, created_at, kind, a_kasse) \
             VALUES ($1,$2,$3,$4,$5,$6,$7) \
             ON CONFLICT (username) DO UPDATE SET name = excluded.name, jobcentre = excluded.jobcentre, \
             municipality_codes = excluded.municipality_codes, kind = excluded.kind, a_kasse = excluded.a_kasse \
             RETURNING id",
        )
        .bind(s.username.trim().to_lowercase())
        .bind(s.name)
        .bind(s.organisation)
        .bind(s.municipality_codes.join(","))
        .bind(ts(now))
        .bind(s.kind.as_str())
        .bind(s.a_kasse.map(|a| a.code()))
        .fetch_one(&self.pool)
        .await?;
        Ok(CaseworkerId::new(row.try_get("id")?))
    }

    /// The caseworker the staff identity provider signed in as `subject`, if one is here.
    pub async fn caseworker_by_subject(&self, subject: &str) -> Result<Option<CaseworkerId>> {
        let row = sqlx::query("SELECT id FROM caseworkers WHERE username = $1")
            .bind(subject.trim().to_lowercase())
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(r) => Some(CaseworkerId::new(r.try_get("id")?)),
            None => None,
        })
    }

    pub async fn caseworker(&self, id: CaseworkerId) -> Result<CaseworkerRecord> {
        let r = sqlx::query(
            "SELECT id, kind, name, jobcentre, municipality_codes, a_kasse FROM caseworkers WHERE id = $1",
        )
        .bind(id.get())
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        let codes: String = r.try_get("municipality_codes")?;
        let kind: String = r.try_get("kind")?;
        let a_kasse: Option<String> = r.try_get("a_kasse")?;
        Ok(CaseworkerRecord {
            id: CaseworkerId::new(r.try_get("id")?),
            kind: ActorKind::parse(&kind).ok_or_else(|| StoreError::Corrupt {
                what: "staff kind",
                value: kind.clone(),
            })?,
            name: r.try_get("name")?,
            organisation: r.try_get("jobcentre")?,
            a_kasse: a_kasse.and_then(|a| AKasse::from_code(&a).ok()),
            municipality_codes: codes
                .split(',')
                .filter(|c| !c.is_empty())
                .map(str::to_string)
                .collect(),
        })
    }

    /// A citizen's CPR number, for a server-side register lookup. Never for a view.
    pub async fn citizen_cpr(&self, citizen_id: CitizenId) -> Result<String> {
        let r = sqlx::query("SELECT cpr FROM citizens WHERE id = $1")
            .bind(citizen_id.get())
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(r.try_get("cpr")?)
    }

    /// The profile id of the citizen with this CPR number, if they have one.
    pub async fn citizen_id_by_cpr(&self, cpr_digits: &str) -> Result<Option<CitizenId>> {
        let row = sqlx::query("SELECT id FROM citizens WHERE cpr = $1")
            .bind(cpr_digits)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(r) => Some(CitizenId::new(r.try_get("id")?)),
            None => None,
        })
    }
}
