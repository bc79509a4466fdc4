//! Jobcentre caseworkers: who they are, and which municipalities' citizens they serve.
use crate::{ts, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use jobspor::{CaseworkerId, CitizenId};
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseworkerRecord {
    pub id: CaseworkerId,
    pub name: String,
    pub jobcentre: String,
    /// CPR municipality codes of the citizens this caseworker serves.
    pub municipality_codes: Vec<String>,
}

impl Store {
    /// Creates a caseworker, or updates the one with this username (operator seeding). The
    /// username is the subject the organisation's identity provider signs them in as.
    pub async fn upsert_caseworker(
        &self,
        username: &str,
        name: &str,
        jobcentre: &str,
        municipality_codes: &[&str],
        now: DateTime<Utc>,
    ) -> Result<CaseworkerId> {
        let row = sqlx::query(
            "INSERT INTO caseworkers (username, name, jobcentre, municipality_codes, created_at) VALUES ($1,$2,$3,$4,$5) \
             ON CONFLICT (username) DO UPDATE SET name = excluded.name, jobcentre = excluded.jobcentre, \
             municipality_codes = excluded.municipality_codes RETURNING id",
        )
        .bind(username.trim().to_lowercase())
        .bind(name)
        .bind(jobcentre)
        .bind(municipality_codes.join(","))
        .bind(ts(now))
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
            "SELECT id, name, jobcentre, municipality_codes FROM caseworkers WHERE id = $1",
        )
        .bind(id.get())
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        let codes: String = r.try_get("municipality_codes")?;
        Ok(CaseworkerRecord {
            id: CaseworkerId::new(r.try_get("id")?),
            name: r.try_get("name")?,
            jobcentre: r.try_get("jobcentre")?,
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
