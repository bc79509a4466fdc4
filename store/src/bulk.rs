//! Bulk loading of synthetic CVs (the operator's `generate` command, the search benchmark):
//! citizens, CVs, entries and the search tables written with multi-row INSERTs in one
//! transaction per batch, far faster than a save per entry. The ids are given here (the
//! next after the highest), so no row has to be read back.
use crate::citizens::{bind_register_fields, AnyQuery};
use crate::search_index::{add_body_words, body_of, insert_facets, keys_text};
use crate::{flag, placeholders, ts, Backend, Result, Store};
use chrono::{DateTime, Utc};
use jobspor::cv::entry::CvEntry;
use jobspor::cv_search::{facets_of, searchable_place};
use jobspor::person::{CprStatus, RegisterPerson};
use sqlx::Row;
use std::collections::BTreeSet;

/// One made-up citizen with a CV. The CPR number must be unique and must not be one of the
/// simulated CPR register's persons.
#[derive(Debug, Clone)]
pub struct SyntheticCv {
    pub cpr: String,
    pub person: RegisterPerson,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub last_login_at: DateTime<Utc>,
    /// The citizen's own mark; the search also needs a login within 12 weeks.
    pub searchable: bool,
    /// Contact details hidden from employers (they ask through support instead).
    pub hide_contact: bool,
    pub entries: Vec<CvEntry>,
}

/// Where the synthetic persons' data says it came from, in their profiles.
pub const SYNTHETIC_SOURCE: &str = "Syntetiske testdata (jobspor-server generate)";

/// Rows per statement. Small on purpose: sqlx's SQLite driver looks every parameter up by
/// name, which costs time in proportion to the statement's parameters, so a statement of
/// thousands of parameters is slower per row than several of a thousand (measured: 11,500
/// parameters per statement loaded 1,000 CVs/s, most of it in `sqlite3_bind_parameter_name`).
const ROWS: usize = 40;

async fn next_id(tx: &mut sqlx::AnyConnection, table: &str) -> Result<i64> {
    let r = sqlx::query(&format!("SELECT COALESCE(MAX(id), 0) AS m FROM {table}"))
        .fetch_one(&mut *tx)
        .await?;
    Ok(r.try_get::<i64, _>("m")? + 1)
}

impl Store {
    /// Forgets every notice and its deliveries, and the daily jobs' runs: the notice scan's
    /// benchmark starts each run from a population that was never scanned.
    pub async fn forget_notices(&self) -> Result<()> {
        let mut tx = self.begin_write().await?;
        for table in ["outbox", "notices", "daily_runs"] {
            sqlx::query(&format!("DELETE FROM {table}"))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Every `nth` synthetic citizen, by id: a benchmark's sample.
    pub async fn synthetic_citizen_ids(&self, nth: i64) -> Result<Vec<jobspor::CitizenId>> {
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT id FROM citizens WHERE register_source = $1 AND id % $2 = 0 ORDER BY id",
        )
        .bind(SYNTHETIC_SOURCE)
        .bind(nth)
        .fetch_all(&self.pool)
        .await?;
        Ok(ids.into_iter().map(jobspor::CitizenId::new).collect())
    }

    /// How many EURES receipts there are, and how many copies are offered.
    pub async fn eures_counts(&self) -> Result<(i64, i64)> {
        let receipts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM eures_receipts")
            .fetch_one(&self.pool)
            .await?;
        let active: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM eures_cvs WHERE status = 'ACTIVE'")
                .fetch_one(&self.pool)
                .await?;
        Ok((receipts, active))
    }

    /// How many synthetic citizens are loaded: the next generated one continues from here.
    pub async fn synthetic_citizens(&self) -> Result<u64> {
        let r = sqlx::query("SELECT COUNT(*) AS n FROM citizens WHERE register_source = $1")
            .bind(SYNTHETIC_SOURCE)
            .fetch_one(&self.pool)
            .await?;
        Ok(r.try_get::<i64, _>("n")? as u64)
    }

    /// Writes a batch in one transaction. `now` stamps creation. A CV counts as updated at
    /// its owner's last login.
    pub async fn load_synthetic_cvs(
        &self,
        batch: &[SyntheticCv],
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let first_citizen = next_id(&mut tx, "citizens").await?;
        let first_cv = next_id(&mut tx, "cvs").await?;
        let ids = |i: usize| (first_citizen + i as i64, first_cv + i as i64);

        for (n, chunk) in batch.chunks(ROWS).enumerate() {
            let sql = format!(
                "INSERT INTO citizens (id, cpr, birthday, gender, first_name, middle_name, surname, street, co_address, \
                 postcode, city, country, municipality_code, municipality, protected_address, cpr_status, \
                 register_source, register_fetched_at, phone, email, created_at, last_login_at, last_activity_at) VALUES {}",
                placeholders(chunk.len(), 23)
            );
            let mut q: AnyQuery = sqlx::query(&sql);
            for (i, c) in chunk.iter().enumerate() {
                q = bind_register_fields(
                    q.bind(ids(n * ROWS + i).0).bind(c.cpr.as_str()),
                    &c.person,
                )
                .bind(SYNTHETIC_SOURCE)
                .bind(ts(now))
                .bind(c.phone.as_deref())
                .bind(c.email.as_deref())
                .bind(ts(now))
                .bind(ts(c.last_login_at))
                .bind(ts(c.last_login_at));
            }
            q.execute(&mut *tx).await?;

            let sql = format!(
                "INSERT INTO cvs (id, citizen_id, searchable, hide_contact, updated_at) VALUES {}",
                placeholders(chunk.len(), 5)
            );
            let mut q = sqlx::query(&sql);
            for (i, c) in chunk.iter().enumerate() {
                let (citizen, cv) = ids(n * ROWS + i);
                q = q
                    .bind(cv)
                    .bind(citizen)
                    .bind(flag(c.searchable))
                    .bind(flag(c.hide_contact))
                    .bind(ts(c.last_login_at));
            }
            q.execute(&mut *tx).await?;

            let keys: Vec<BTreeSet<String>> = chunk
                .iter()
                .map(|c| {
                    facets_of(
                        &c.entries,
                        searchable_place(
                            c.person.municipality_code.as_deref(),
                            c.person.protected_address,
                        ),
                    )
                })
                .collect();
            let bodies: Vec<String> = chunk.iter().map(|c| body_of(&c.entries)).collect();
            add_body_words(
                &mut tx,
                &bodies
                    .iter()
                    .flat_map(|b| crate::text::index_words(b))
                    .collect(),
            )
            .await?;
            let sql = format!("INSERT INTO cv_search (cv_id, citizen_id, listed, last_login_at, updated_at, body, facet_keys) VALUES {}", placeholders(chunk.len(), 7));
            let mut q = sqlx::query(&sql);
            for (i, c) in chunk.iter().enumerate() {
                let (citizen, cv) = ids(n * ROWS + i);
                let listed = c.searchable && c.person.status == CprStatus::Active;
                q = q
                    .bind(cv)
                    .bind(citizen)
                    .bind(flag(listed))
                    .bind(ts(c.last_login_at))
                    .bind(ts(c.last_login_at))
                    .bind(bodies[i].as_str())
                    .bind(keys_text(&keys[i]));
            }
            q.execute(&mut *tx).await?;

            let entries: Vec<(i64, &CvEntry, DateTime<Utc>)> = chunk
                .iter()
                .enumerate()
                .flat_map(|(i, c)| {
                    c.entries
                        .iter()
                        .map(move |e| (ids(n * ROWS + i).1, e, c.last_login_at))
                })
                .collect();
            for part in entries.chunks(ROWS) {
                let sql = format!("INSERT INTO cv_entries (cv_id, section, data, created_at, updated_at) VALUES {}", placeholders(part.len(), 5));
                let mut q = sqlx::query(&sql);
                for (cv, e, at) in part {
                    q = q
                        .bind(*cv)
                        .bind(e.section().code())
                        .bind(e.to_stored())
                        .bind(ts(*at))
                        .bind(ts(*at));
                }
                q.execute(&mut *tx).await?;
            }

            let rows = chunk
                .iter()
                .zip(&keys)
                .enumerate()
                .flat_map(|(i, (c, ks))| {
                    ks.iter()
                        .map(move |k| (ids(n * ROWS + i).1, ts(c.last_login_at), k.as_str()))
                });
            insert_facets(&mut tx, rows).await?;
        }
        if self.backend == Backend::Postgres {
            // The ids were given, not drawn: move the sequences past them.
            for table in ["citizens", "cvs"] {
                sqlx::query(&format!("SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")).execute(&mut *tx).await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }
}
