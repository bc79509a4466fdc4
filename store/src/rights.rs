//! The citizen's rights (seed 000, "Dine rettigheder"; issue 26) that change what is held:
//! deleting the CV, restricting the processing (GDPR art. 18), objections (art. 21) and the
//! consents given, as one list. Deleting the whole profile is `Store::delete_citizen`.
use crate::access_log::{record, AccessEntry};
use crate::{from_ts, ts, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use jobspor::access::AccessWhat;
use jobspor::policy::Caller;
use jobspor::rights::{may_move, Objection, ObjectionAbout, ObjectionHandling, ObjectionState};
use jobspor::{CaseworkerId, CitizenId, ObjectionId};
use sqlx::Row;

/// An objection as the citizen and support see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectionRecord {
    pub id: ObjectionId,
    pub about: ObjectionAbout,
    pub reason: String,
    pub state: ObjectionState,
    pub answer: Option<String>,
    /// Who in support handled it last.
    pub handled_by: Option<String>,
    pub received_at: DateTime<Utc>,
    pub changed_at: DateTime<Utc>,
}

fn objection_row(r: &sqlx::any::AnyRow) -> Result<ObjectionRecord> {
    let code = |col: &'static str| -> Result<String> { Ok(r.try_get::<String, _>(col)?) };
    let about = code("about")?;
    let state = code("state")?;
    Ok(ObjectionRecord {
        id: ObjectionId::new(r.try_get("id")?),
        about: ObjectionAbout::from_code(&about).map_err(|_| StoreError::Corrupt {
            what: "objections.about",
            value: about,
        })?,
        reason: r.try_get("reason")?,
        state: ObjectionState::from_code(&state).map_err(|_| StoreError::Corrupt {
            what: "objections.state",
            value: state,
        })?,
        answer: r.try_get("answer")?,
        handled_by: r.try_get("handled_by_name")?,
        received_at: from_ts(r.try_get("received_at")?),
        changed_at: from_ts(r.try_get("changed_at")?),
    })
}

const OBJECTION_SELECT: &str = "SELECT o.id, o.about, o.reason, o.state, o.answer, \
     w.name AS handled_by_name, o.received_at, o.changed_at \
     FROM objections o LEFT JOIN caseworkers w ON w.id = o.handled_by";

impl Store {
    /// Deletes the CV: every entry and draft goes, the CV leaves the employers' search at
    /// once (its search rows go with it) and a copy at EURES is closed, in one transaction.
    /// The citizen keeps an empty CV to start again from, under a new number, so a link an
    /// employer kept leads nowhere. The deletion is in Min historik.
    pub async fn delete_own_cv(
        &self,
        citizen: Caller<CitizenId>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let id = citizen.id().get();
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM cv_drafts WHERE citizen_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM cvs WHERE citizen_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO cvs (citizen_id, searchable, updated_at) VALUES ($1, 0, $2)")
            .bind(id)
            .bind(ts(now))
            .execute(&mut *tx)
            .await?;
        crate::eures::follow_cv_in(&mut tx, id, now).await?;
        record(
            &mut tx,
            &AccessEntry::own(citizen.id(), AccessWhat::DeletedOwnCv, now),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Restricts the processing (`restrict`), or lifts the restriction: the CV leaves (or
    /// returns to) the search and EURES in the same transaction. Setting what is already
    /// set changes nothing and records nothing.
    pub async fn set_restricted(
        &self,
        citizen: Caller<CitizenId>,
        restrict: bool,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let id = citizen.id().get();
        let mut tx = self.begin_write().await?;
        let changed = if restrict {
            sqlx::query("UPDATE citizens SET restricted_at = $1 WHERE id = $2 AND restricted_at IS NULL")
                .bind(ts(now))
                .bind(id)
                .execute(&mut *tx)
                .await?
        } else {
            sqlx::query("UPDATE citizens SET restricted_at = NULL WHERE id = $1 AND restricted_at IS NOT NULL")
                .bind(id)
                .execute(&mut *tx)
                .await?
        }
        .rows_affected()
            == 1;
        if changed {
            crate::search_index::sync_owner(&mut tx, id).await?;
            crate::eures::follow_cv_in(&mut tx, id, now).await?;
            let what = if restrict {
                AccessWhat::Restricted
            } else {
                AccessWhat::LiftedRestriction
            };
            record(&mut tx, &AccessEntry::own(citizen.id(), what, now)).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Since when the citizen has restricted the processing, if they have.
    pub async fn restricted_since(&self, citizen_id: CitizenId) -> Result<Option<DateTime<Utc>>> {
        let at: Option<Option<i64>> =
            sqlx::query_scalar("SELECT restricted_at FROM citizens WHERE id = $1")
                .bind(citizen_id.get())
                .fetch_optional(&self.pool)
                .await?;
        Ok(at.flatten().map(from_ts))
    }

    /// Records an objection as received.
    pub async fn add_objection(
        &self,
        citizen: Caller<CitizenId>,
        objection: &Objection,
        now: DateTime<Utc>,
    ) -> Result<ObjectionId> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO objections (citizen_id, about, reason, state, received_at, changed_at) \
             VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
        )
        .bind(citizen.id().get())
        .bind(objection.about.code())
        .bind(&objection.reason)
        .bind(ObjectionState::Received.code())
        .bind(ts(now))
        .fetch_one(&self.pool)
        .await?;
        Ok(ObjectionId::new(id))
    }

    /// The citizen's objections, newest first.
    pub async fn objections_of(&self, citizen: Caller<CitizenId>) -> Result<Vec<ObjectionRecord>> {
        let rows = sqlx::query(&format!(
            "{OBJECTION_SELECT} WHERE o.citizen_id = $1 ORDER BY o.id DESC"
        ))
        .bind(citizen.id().get())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(objection_row).collect()
    }

    /// The objections support has not answered, oldest first; the answered ones of the
    /// last `answered_since`, newest first, after them.
    pub async fn objections_for_support(
        &self,
        _support: Caller<CaseworkerId>,
        answered_since: DateTime<Utc>,
    ) -> Result<Vec<ObjectionRecord>> {
        let rows = sqlx::query(&format!(
            "{OBJECTION_SELECT} WHERE o.state <> $1 OR o.changed_at >= $2 \
             ORDER BY CASE WHEN o.state = $1 THEN 1 ELSE 0 END, \
             CASE WHEN o.state = $1 THEN -o.changed_at ELSE o.received_at END, o.id"
        ))
        .bind(ObjectionState::Answered.code())
        .bind(ts(answered_since))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(objection_row).collect()
    }

    /// Moves an objection on: its new state and, when answered, the answer the citizen
    /// reads. An answered objection stays answered (`ObjectionAnswered`); an unknown one is
    /// `NotFound`. The check and the change are one conditional update.
    pub async fn handle_objection(
        &self,
        support: Caller<CaseworkerId>,
        id: ObjectionId,
        handling: &ObjectionHandling,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let state: String = sqlx::query_scalar("SELECT state FROM objections WHERE id = $1")
            .bind(id.get())
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        let from = ObjectionState::from_code(&state).map_err(|_| StoreError::Corrupt {
            what: "objections.state",
            value: state.clone(),
        })?;
        may_move(from).map_err(StoreError::Refused)?;
        let moved = sqlx::query(
            "UPDATE objections SET state = $1, answer = $2, handled_by = $3, changed_at = $4 \
             WHERE id = $5 AND state = $6",
        )
        .bind(handling.state.code())
        .bind(handling.answer.as_deref())
        .bind(support.id().get())
        .bind(ts(now))
        .bind(id.get())
        .bind(&state)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if moved != 1 {
            // Another supporter moved it between the read and the update.
            return Err(StoreError::Refused(jobspor::Msg::ObjectionAnswered));
        }
        tx.commit().await?;
        Ok(())
    }
}
