//! The access log (`jobspor::access`): one chain of records, each written in the same
//! transaction as the access it records, each chained to the one before by its hash. The
//! chain's head (`access_chain`) is updated in that transaction too, and the update is what
//! serialises writers: on PostgreSQL the row lock makes concurrent transactions, from any
//! number of processes, take their turn, so the chain never forks.
//!
//! Citizens are named by a pseudonym (`access_subjects`), made at their first record and
//! deleted with their profile: the records then stay, verifiable, and name no one.
use crate::{from_ts, ts, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use jobspor::access::{
    chain_hash, verify, AccessBasis, AccessRecord, AccessWhat, Anchor, BrokenLink, ChainedRecord,
};
use jobspor::policy::ActorKind;
use jobspor::CitizenId;
use sqlx::{AnyConnection, Row};

/// An access to write: the citizen it concerns and what the record will say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessEntry {
    pub citizen_id: CitizenId,
    pub at: DateTime<Utc>,
    pub actor_kind: ActorKind,
    pub actor_id: Option<i64>,
    /// Who, as the citizen reads it: a person's or a company's name; empty for the citizen.
    pub actor_name: String,
    /// The organisation they acted for; empty for the citizen.
    pub organisation: String,
    pub what: AccessWhat,
    pub basis: AccessBasis,
}

impl AccessEntry {
    /// The citizen's own login or act on their login.
    pub fn own(citizen_id: CitizenId, what: AccessWhat, at: DateTime<Utc>) -> Self {
        AccessEntry {
            citizen_id,
            at,
            actor_kind: ActorKind::Citizen,
            actor_id: Some(citizen_id.get()),
            actor_name: String::new(),
            organisation: String::new(),
            what,
            basis: AccessBasis::Own,
        }
    }
}

/// A record as the citizen's history shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRecord {
    pub at: DateTime<Utc>,
    pub actor_kind: ActorKind,
    pub actor_name: String,
    pub organisation: String,
    pub what: AccessWhat,
    /// On what basis (`AccessBasis::code`): for support, the consent's id.
    pub basis: Option<AccessBasis>,
}

/// The citizen's pseudonym in the log, made at the first record.
pub(crate) async fn subject(conn: &mut AnyConnection, citizen_id: CitizenId) -> Result<String> {
    let fresh = {
        use rand::Rng;
        let bytes: [u8; 16] = rand::thread_rng().gen();
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    };
    sqlx::query(
        "INSERT INTO access_subjects (citizen_id, subject) VALUES ($1, $2) \
         ON CONFLICT (citizen_id) DO NOTHING",
    )
    .bind(citizen_id.get())
    .bind(&fresh)
    .execute(&mut *conn)
    .await?;
    Ok(
        sqlx::query_scalar("SELECT subject FROM access_subjects WHERE citizen_id = $1")
            .bind(citizen_id.get())
            .fetch_one(&mut *conn)
            .await?,
    )
}

/// Appends `e` to the chain, inside the caller's transaction.
pub(crate) async fn record(conn: &mut AnyConnection, e: &AccessEntry) -> Result<()> {
    let subject = subject(conn, e.citizen_id).await?;
    // Taking the next number first locks the head until the transaction ends.
    sqlx::query("UPDATE access_chain SET head_seq = head_seq + 1 WHERE id = 1")
        .execute(&mut *conn)
        .await?;
    let head = sqlx::query("SELECT head_seq, head_hash FROM access_chain WHERE id = 1")
        .fetch_one(&mut *conn)
        .await?;
    let seq: i64 = head.try_get("head_seq")?;
    let prev: String = head.try_get("head_hash")?;
    let r = AccessRecord {
        at: e.at,
        subject,
        actor_kind: e.actor_kind,
        actor_id: e.actor_id,
        actor_name: e.actor_name.clone(),
        organisation: e.organisation.clone(),
        what: e.what,
        basis: e.basis.code(),
    };
    let hash = chain_hash(&prev, seq, &r);
    sqlx::query(
        "INSERT INTO access_records (seq, at, subject, actor_kind, actor_id, actor_name, \
         organisation, what, basis, prev_hash, hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)",
    )
    .bind(seq)
    .bind(ts(r.at))
    .bind(&r.subject)
    .bind(r.actor_kind.as_str())
    .bind(r.actor_id)
    .bind(&r.actor_name)
    .bind(&r.organisation)
    .bind(r.what.code())
    .bind(&r.basis)
    .bind(&prev)
    .bind(&hash)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE access_chain SET head_hash = $1 WHERE id = 1")
        .bind(&hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

fn what(stored: String) -> Result<AccessWhat> {
    AccessWhat::from_code(&stored).ok_or(StoreError::Corrupt {
        what: "access record's action",
        value: stored,
    })
}

/// How many records a verification reads at a time.
const VERIFY_PAGE: i64 = 10_000;

impl Store {
    /// Records an access in a transaction of its own.
    pub async fn record_access(&self, e: &AccessEntry) -> Result<()> {
        let mut tx = self.begin_write().await?;
        record(&mut tx, e).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The citizen's history since `since` (3 months back, by
    /// `retention::access_history_cutoff`), newest first.
    pub async fn access_history(
        &self,
        citizen_id: CitizenId,
        since: DateTime<Utc>,
    ) -> Result<Vec<HistoryRecord>> {
        let rows = sqlx::query(
            "SELECT r.at, r.actor_kind, r.actor_name, r.organisation, r.what, r.basis \
             FROM access_records r JOIN access_subjects s ON s.subject = r.subject \
             WHERE s.citizen_id = $1 AND r.at >= $2 ORDER BY r.seq DESC LIMIT 500",
        )
        .bind(citizen_id.get())
        .bind(ts(since))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(HistoryRecord {
                    at: from_ts(r.try_get("at")?),
                    actor_kind: actor_kind(r.try_get("actor_kind")?)?,
                    actor_name: r.try_get("actor_name")?,
                    organisation: r.try_get("organisation")?,
                    what: what(r.try_get("what")?)?,
                    basis: AccessBasis::from_code(&r.try_get::<String, _>("basis")?),
                })
            })
            .collect()
    }

    async fn chain_ends(&self) -> Result<(Anchor, Anchor)> {
        let row = sqlx::query(
            "SELECT anchor_seq, anchor_hash, head_seq, head_hash FROM access_chain WHERE id = 1",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok((
            Anchor {
                seq: row.try_get("anchor_seq")?,
                hash: row.try_get("anchor_hash")?,
            },
            Anchor {
                seq: row.try_get("head_seq")?,
                hash: row.try_get("head_hash")?,
            },
        ))
    }

    /// Walks the whole chain from its anchor: how many records hold, or the first broken
    /// link. Reads a page at a time; records written meanwhile are past the head read at
    /// the start and are left for the next run.
    pub async fn verify_access_log(&self) -> Result<std::result::Result<u64, BrokenLink>> {
        let (anchor, head) = self.chain_ends().await?;
        let mut records = Vec::new();
        let mut after = anchor.seq;
        loop {
            let rows = sqlx::query(
                "SELECT seq, at, subject, actor_kind, actor_id, actor_name, organisation, what, \
                 basis, prev_hash, hash FROM access_records WHERE seq > $1 AND seq <= $2 \
                 ORDER BY seq LIMIT $3",
            )
            .bind(after)
            .bind(head.seq)
            .bind(VERIFY_PAGE)
            .fetch_all(&self.pool)
            .await?;
            let Some(last) = rows.last() else { break };
            after = last.try_get("seq")?;
            for r in &rows {
                records.push(ChainedRecord {
                    seq: r.try_get("seq")?,
                    prev_hash: r.try_get("prev_hash")?,
                    hash: r.try_get("hash")?,
                    record: AccessRecord {
                        at: from_ts(r.try_get("at")?),
                        subject: r.try_get("subject")?,
                        actor_kind: actor_kind(r.try_get("actor_kind")?)?,
                        actor_id: r.try_get("actor_id")?,
                        actor_name: r.try_get("actor_name")?,
                        organisation: r.try_get("organisation")?,
                        what: what(r.try_get("what")?)?,
                        basis: r.try_get("basis")?,
                    },
                });
            }
        }
        Ok(verify(&anchor, records, &head))
    }

    /// Prunes the records from before `before`, from the start of the chain only: the
    /// newest pruned record becomes the anchor the rest verifies from. Returns how many went.
    pub async fn prune_access_log(&self, before: DateTime<Utc>) -> Result<u64> {
        let mut tx = self.begin_write().await?;
        // The last record of the oldest whole run of records before `before`.
        let first_kept: Option<i64> =
            sqlx::query_scalar("SELECT MIN(seq) FROM access_records WHERE at >= $1")
                .bind(ts(before))
                .fetch_one(&mut *tx)
                .await?;
        let cut: Option<(i64, String)> = match first_kept {
            Some(first) => sqlx::query(
                "SELECT seq, hash FROM access_records WHERE seq < $1 ORDER BY seq DESC LIMIT 1",
            )
            .bind(first),
            None => sqlx::query("SELECT seq, hash FROM access_records ORDER BY seq DESC LIMIT 1"),
        }
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| Ok::<_, StoreError>((r.try_get("seq")?, r.try_get("hash")?)))
        .transpose()?;
        let Some((seq, hash)) = cut else {
            return Ok(0);
        };
        let gone = sqlx::query("DELETE FROM access_records WHERE seq <= $1")
            .bind(seq)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query("UPDATE access_chain SET anchor_seq = $1, anchor_hash = $2 WHERE id = 1")
            .bind(seq)
            .bind(&hash)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(gone)
    }
}

/// A stored actor kind, read back through the one spelling in core.
pub(crate) fn actor_kind(stored: String) -> Result<ActorKind> {
    ActorKind::parse(&stored).ok_or(StoreError::Corrupt {
        what: "actor kind",
        value: stored,
    })
}
