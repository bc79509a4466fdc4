//! "Min historik": when and who was logged on to a citizen's profile (seed 000), kept for
//! 3 months. Entries are written in the same transaction as the access they record.
use crate::{from_ts, ts, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use jobspor::policy::ActorKind;
use jobspor::CitizenId;
use sqlx::{AnyConnection, Row};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessEntry {
    pub citizen_id: CitizenId,
    pub at: DateTime<Utc>,
    pub actor_kind: ActorKind,
    pub actor_id: Option<i64>,
    /// Who, as the citizen should read it: "Dig selv", a company's name, a jobcentre.
    pub actor_label: String,
    /// What, in Danish.
    pub action: String,
}

impl AccessEntry {
    pub fn own_login(citizen_id: CitizenId, method: &str, at: DateTime<Utc>) -> Self {
        AccessEntry {
            citizen_id,
            at,
            actor_kind: ActorKind::Citizen,
            actor_id: Some(citizen_id.get()),
            actor_label: "Dig selv".into(),
            action: format!("Logget ind med {method}"),
        }
    }

    /// Something the citizen did to their own login ("Skiftede adgangskode").
    pub fn own_act(citizen_id: CitizenId, action: &str, at: DateTime<Utc>) -> Self {
        AccessEntry {
            citizen_id,
            at,
            actor_kind: ActorKind::Citizen,
            actor_id: Some(citizen_id.get()),
            actor_label: "Dig selv".into(),
            action: action.to_string(),
        }
    }
}

pub(crate) async fn record(conn: &mut AnyConnection, e: &AccessEntry) -> Result<()> {
    sqlx::query("INSERT INTO access_log (citizen_id, at, actor_kind, actor_id, actor_label, action) VALUES ($1,$2,$3,$4,$5,$6)")
        .bind(e.citizen_id.get())
        .bind(ts(e.at))
        .bind(e.actor_kind.as_str())
        .bind(e.actor_id)
        .bind(&e.actor_label)
        .bind(&e.action)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

impl Store {
    /// The citizen's history since `since` (3 months back, by `retention::access_history_cutoff`), newest first.
    pub async fn access_history(
        &self,
        citizen_id: CitizenId,
        since: DateTime<Utc>,
    ) -> Result<Vec<AccessEntry>> {
        let rows = sqlx::query(
            "SELECT citizen_id, at, actor_kind, actor_id, actor_label, action FROM access_log \
             WHERE citizen_id = $1 AND at >= $2 ORDER BY at DESC, id DESC LIMIT 500",
        )
        .bind(citizen_id.get())
        .bind(ts(since))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AccessEntry {
                    citizen_id: CitizenId::new(r.try_get("citizen_id")?),
                    at: from_ts(r.try_get("at")?),
                    actor_kind: actor_kind(r.try_get("actor_kind")?)?,
                    actor_id: r.try_get("actor_id")?,
                    actor_label: r.try_get("actor_label")?,
                    action: r.try_get("action")?,
                })
            })
            .collect()
    }

    /// Deletes history older than the 3 months it is kept for.
    pub async fn purge_access_history(&self, before: DateTime<Utc>) -> Result<u64> {
        let r = sqlx::query("DELETE FROM access_log WHERE at < $1")
            .bind(ts(before))
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected())
    }
}

/// A stored actor kind, read back through the one spelling in core.
pub(crate) fn actor_kind(stored: String) -> Result<ActorKind> {
    ActorKind::parse(&stored).ok_or(StoreError::Corrupt {
        what: "actor kind",
        value: stored,
    })
}
