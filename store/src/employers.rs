//! Employers: companies (by CVR number) with the persons who sign in for them through
//! MitID Erhverv, and the company's acceptance of the CV terms (who, when, which version).
use crate::{from_ts, is_unique_violation, ts, Result, Store, StoreError, Unique};
use chrono::{DateTime, Utc};
use jobspor::policy::Caller;
use jobspor::{EmployerId, EmployerPerson, EmployerUserId};
use sqlx::Row;

#[derive(Debug, Clone)]
pub struct EmployerRecord {
    pub id: EmployerId,
    /// From the CVR register, refreshed at each sign-in; never typed by the employer.
    pub company_name: String,
    pub cvr: String,
    pub email: String,
    pub terms_version: Option<i64>,
    pub terms_accepted_at: Option<DateTime<Utc>>,
    pub terms_accepted_by: Option<EmployerUserId>,
}

impl EmployerRecord {
    /// The employer has accepted the terms in force (`jobspor::employer::TERMS_VERSION`).
    pub fn accepted_current_terms(&self) -> bool {
        self.terms_version == Some(jobspor::employer::TERMS_VERSION)
    }
}

/// A person who signs in for an employer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployerUserRecord {
    pub id: EmployerUserId,
    pub employer_id: EmployerId,
    pub name: String,
}

/// The company as the CVR register has it, at a sign-in.
#[derive(Debug, Clone, Copy)]
pub struct CompanyFacts<'a> {
    pub cvr: &'a str,
    pub name: &'a str,
    pub email: &'a str,
}

impl Store {
    /// Creates the company, or refreshes its name and e-mail from the register (operator
    /// seeding, and every MitID Erhverv sign-in).
    #[tracing::instrument(skip(self))]
    pub async fn upsert_employer(
        &self,
        company: CompanyFacts<'_>,
        now: DateTime<Utc>,
    ) -> Result<EmployerId> {
        let r = sqlx::query(
            "INSERT INTO employers (company_name, cvr, email, created_at) VALUES ($1,$2,$3,$4) \
             ON CONFLICT (cvr) DO UPDATE SET company_name = excluded.company_name, email = excluded.email \
             RETURNING id",
        )
        .bind(company.name)
        .bind(company.cvr)
        .bind(company.email.to_lowercase())
        .bind(ts(now))
        .fetch_one(&self.pool)
        .await;
        match r {
            Ok(row) => Ok(EmployerId::new(row.try_get("id")?)),
            Err(e) if is_unique_violation(&e, "email") => Err(StoreError::Conflict(Unique::Email)),
            Err(e) => Err(e.into()),
        }
    }

    /// A MitID Erhverv sign-in: the company (refreshed from the register) and the person
    /// (by the provider's subject, name refreshed), in one transaction. A subject already
    /// known for another company is moved to this one: the provider's answer is the truth.
    #[tracing::instrument(skip(self, subject, name))]
    pub async fn employer_sign_in(
        &self,
        company: CompanyFacts<'_>,
        subject: &str,
        name: &str,
        now: DateTime<Utc>,
    ) -> Result<EmployerPerson> {
        let employer_id = self.upsert_employer(company, now).await?;
        let row = sqlx::query(
            "INSERT INTO employer_users (employer_id, idp_subject, name, created_at, last_login_at) \
             VALUES ($1,$2,$3,$4,$4) ON CONFLICT (idp_subject) DO UPDATE SET \
             employer_id = excluded.employer_id, name = excluded.name, last_login_at = excluded.last_login_at \
             RETURNING id",
        )
        .bind(employer_id.get())
        .bind(subject)
        .bind(name)
        .bind(ts(now))
        .fetch_one(&self.pool)
        .await?;
        Ok(EmployerPerson {
            employer_id,
            user_id: EmployerUserId::new(row.try_get("id")?),
        })
    }

    pub async fn employer_user(&self, id: EmployerUserId) -> Result<EmployerUserRecord> {
        let r = sqlx::query("SELECT id, employer_id, name FROM employer_users WHERE id = $1")
            .bind(id.get())
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(EmployerUserRecord {
            id: EmployerUserId::new(r.try_get("id")?),
            employer_id: EmployerId::new(r.try_get("employer_id")?),
            name: r.try_get("name")?,
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
            terms_accepted_by: r
                .try_get::<Option<i64>, _>("terms_accepted_by")?
                .map(EmployerUserId::new),
        })
    }

    /// The person accepts the terms `version` for their company.
    pub async fn accept_employer_terms(
        &self,
        by: Caller<EmployerPerson>,
        version: i64,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let by = by.id();
        sqlx::query(
            "UPDATE employers SET terms_version = $1, terms_accepted_at = $2, terms_accepted_by = $3 WHERE id = $4",
        )
        .bind(version)
        .bind(ts(now))
        .bind(by.user_id.get())
        .bind(by.employer_id.get())
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
