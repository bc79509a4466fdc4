//! Employers: accounts and their acceptance of the CV terms.
use crate::{from_ts, is_unique_violation, ts, Result, Store, StoreError, Unique};
use chrono::{DateTime, Utc};
use jobspor::policy::Caller;
use jobspor::EmployerId;
use sqlx::Row;

#[derive(Debug, Clone)]
pub struct EmployerRecord {
    pub id: EmployerId,
    pub company_name: String,
    pub cvr: String,
    pub email: String,
    pub terms_version: Option<i64>,
    pub terms_accepted_at: Option<DateTime<Utc>>,
}

impl EmployerRecord {
    /// The employer has accepted the terms in force (`jobspor::employer::TERMS_VERSION`).
    pub fn accepted_current_terms(&self) -> bool {
        self.terms_version == Some(jobspor::employer::TERMS_VERSION)
    }
}

impl Store {
    #[tracing::instrument(skip(self, password_hash))]
    pub async fn create_employer(
        &self,
        company_name: &str,
        cvr: &str,
        email: &str,
        password_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<EmployerId> {
        let r = sqlx::query(
            "INSERT INTO employers (company_name, cvr, email, password_hash, created_at) VALUES ($1,$2,$3,$4,$5) RETURNING id",
        )
        .bind(company_name)
        .bind(cvr)
        .bind(email.to_lowercase())
        .bind(password_hash)
        .bind(ts(now))
        .fetch_one(&self.pool)
        .await;
        match r {
            Ok(row) => Ok(EmployerId::new(row.try_get("id")?)),
            Err(e) if is_unique_violation(&e, "cvr") => Err(StoreError::Conflict(Unique::Cvr)),
            Err(e) if is_unique_violation(&e, "email") => Err(StoreError::Conflict(Unique::Email)),
            Err(e) => Err(e.into()),
        }
    }

    pub async fn employer_password_hash(
        &self,
        email: &str,
    ) -> Result<Option<(EmployerId, String)>> {
        let row = sqlx::query("SELECT id, password_hash FROM employers WHERE email = $1")
            .bind(email.trim().to_lowercase())
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(r) => Some((
                EmployerId::new(r.try_get("id")?),
                r.try_get("password_hash")?,
            )),
            None => None,
        })
    }

    pub async fn employer(&self, id: EmployerId) -> Result<EmployerRecord> {
        let r = sqlx::query("SELECT * FROM employers WHERE id = $1")
            .bind(id.get())
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(EmployerRecord {
            id: EmployerId::new(r.try_get("id")?),
            company_name: r.try_get("company_name")?,
            cvr: r.try_get("cvr")?,
            email: r.try_get("email")?,
            terms_version: r.try_get("terms_version")?,
            terms_accepted_at: r
                .try_get::<Option<i64>, _>("terms_accepted_at")?
                .map(from_ts),
        })
    }

    pub async fn accept_employer_terms(
        &self,
        employer: Caller<EmployerId>,
        version: i64,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE employers SET terms_version = $1, terms_accepted_at = $2 WHERE id = $3",
        )
        .bind(version)
        .bind(ts(now))
        .bind(employer.id().get())
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
