//! An employer's request to contact a citizen who hid their contact details (seed 004,
//! "Kontaktoplysninger": the employer contacts support, who contact the citizen).
use crate::{from_ts, ts, Result, Store};
use chrono::{DateTime, Utc};
use jobspor::employer::RelayHow;
use jobspor::policy::Caller;
use jobspor::{CaseworkerId, CitizenId, ContactRequestId, CvId, EmployerId};
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactRequest {
    pub id: ContactRequestId,
    pub citizen_id: CitizenId,
    pub company_name: String,
    pub message: String,
    pub created_at: DateTime<Utc>,
}

fn request_row(r: &sqlx::any::AnyRow) -> Result<ContactRequest> {
    Ok(ContactRequest {
        id: ContactRequestId::new(r.try_get("id")?),
        citizen_id: CitizenId::new(r.try_get("citizen_id")?),
        company_name: r.try_get("company_name")?,
        message: r.try_get("message")?,
        created_at: from_ts(r.try_get("created_at")?),
    })
}

impl Store {
    /// Queues a message for support to pass on, for a CV the employer may open now (listed,
    /// owner logged in after the cutoff). `false` when it may not.
    pub async fn request_contact(
        &self,
        employer: Caller<EmployerId>,
        cv_id: CvId,
        message: &str,
        login_cutoff: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let r = sqlx::query(
            "INSERT INTO contact_requests (citizen_id, employer_id, message, created_at) \
             SELECT s.citizen_id, $1, $2, $3 FROM cv_search s WHERE s.cv_id = $4 AND s.listed = 1 AND s.last_login_at > $5",
        )
        .bind(employer.id().get())
        .bind(message)
        .bind(ts(now))
        .bind(cv_id.get())
        .bind(ts(login_cutoff))
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// The requests support has not yet passed on, oldest first.
    pub async fn open_contact_requests(&self) -> Result<Vec<ContactRequest>> {
        let rows = sqlx::query(
            "SELECT r.id, r.citizen_id, e.company_name, r.message, r.created_at FROM contact_requests r \
             JOIN employers e ON e.id = r.employer_id WHERE r.relayed_at IS NULL ORDER BY r.created_at, r.id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(request_row).collect()
    }

    /// Support has passed the request on to the citizen (the operator's command line).
    pub async fn mark_contact_request_relayed(
        &self,
        id: ContactRequestId,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let r = sqlx::query(
            "UPDATE contact_requests SET relayed_at = $1, relayed_how = $2 WHERE id = $3 AND relayed_at IS NULL",
        )
        .bind(ts(now))
        .bind(RelayHow::Direct.code())
        .bind(id.get())
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// A support worker passed the request on, `how`. `false` when it was already passed
    /// on (by someone else, a moment ago) or does not exist.
    pub async fn relay_contact_request(
        &self,
        support: Caller<CaseworkerId>,
        id: ContactRequestId,
        how: RelayHow,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let r = sqlx::query(
            "UPDATE contact_requests SET relayed_at = $1, relayed_how = $2, relayed_by = $3 \
             WHERE id = $4 AND relayed_at IS NULL",
        )
        .bind(ts(now))
        .bind(how.code())
        .bind(support.id().get())
        .bind(id.get())
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// The requests passed on to the citizen, newest first: which company asked, and its
    /// message.
    pub async fn contact_requests_for(
        &self,
        citizen: Caller<CitizenId>,
    ) -> Result<Vec<ContactRequest>> {
        let rows = sqlx::query(
            "SELECT r.id, r.citizen_id, e.company_name, r.message, r.created_at FROM contact_requests r \
             JOIN employers e ON e.id = r.employer_id WHERE r.citizen_id = $1 AND r.relayed_at IS NOT NULL \
             ORDER BY r.created_at DESC, r.id DESC LIMIT 50",
        )
        .bind(citizen.id().get())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(request_row).collect()
    }
}
