//! Keeping the search's tables in step with the CV and its owner.
//!
//! - `cv_search`: one row per CV with its searchable text (only sections employers may see),
//!   whether it is listed (marked searchable and the person active in CPR), the owner's last
//!   login and when the CV was last updated. The text index follows it (FTS5 triggers on
//!   SQLite, a generated tsvector on PostgreSQL).
//! - `cv_facets`: the CV's filter values as keys, from `jobspor::cv_search::facets_of`.
//!
//! The CV's own writes call `index_cv`; logins, CPR refreshes and the searchable mark call
//! `sync_owner`, which touches neither the text nor the "last updated" time.
use crate::{from_ts, ts, Result, Store};
use chrono::{DateTime, Utc};
use jobspor::cv::entry::CvEntry;
use jobspor::cv_search::{facets_of, searchable_place};
use sqlx::{AnyConnection, Row};
use std::collections::BTreeSet;

/// Rows per multi-row INSERT of facet keys (see `bulk` on why not more).
const FACET_CHUNK: usize = 200;

/// The text of a CV that employers may search (hidden sections give none).
pub(crate) fn body_of<'e>(entries: impl IntoIterator<Item = &'e CvEntry>) -> String {
    entries.into_iter().filter_map(CvEntry::search_text).collect::<Vec<_>>().join("\n")
}

struct Owner {
    citizen_id: i64,
    listed: bool,
    last_login_at: i64,
    /// The municipality the CV may be found by (`searchable_place`).
    place: Option<String>,
}

async fn owner_of(conn: &mut AnyConnection, cv_id: i64) -> Result<Owner> {
    let r = sqlx::query(
        "SELECT c.citizen_id, c.searchable, p.cpr_status, p.last_login_at, p.municipality_code, p.protected_address \
         FROM cvs c JOIN citizens p ON p.id = c.citizen_id WHERE c.id = $1",
    )
    .bind(cv_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(Owner {
        citizen_id: r.try_get("citizen_id")?,
        listed: r.try_get::<i64, _>("searchable")? != 0 && r.try_get::<String, _>("cpr_status")? == "active",
        last_login_at: r.try_get("last_login_at")?,
        place: searchable_place(r.try_get::<Option<String>, _>("municipality_code")?.as_deref(), r.try_get::<i64, _>("protected_address")? != 0).map(str::to_string),
    })
}

/// Rewrites a CV's search row and facet keys from its entries as they are after a change,
/// and stamps it updated at `now`.
pub(crate) async fn index_cv<'e>(conn: &mut AnyConnection, cv_id: i64, entries: impl IntoIterator<Item = &'e CvEntry> + Clone, now: DateTime<Utc>) -> Result<()> {
    let owner = owner_of(conn, cv_id).await?;
    write_row(conn, cv_id, &owner, &body_of(entries.clone()), ts(now)).await?;
    replace_facets(conn, cv_id, &facets_of(entries, owner.place.as_deref()), None).await?;
    sqlx::query("UPDATE cvs SET updated_at = $1 WHERE id = $2").bind(ts(now)).bind(cv_id).execute(&mut *conn).await?;
    Ok(())
}

async fn write_row(conn: &mut AnyConnection, cv_id: i64, owner: &Owner, body: &str, updated_at: i64) -> Result<()> {
    sqlx::query(
        "INSERT INTO cv_search (cv_id, citizen_id, listed, last_login_at, updated_at, body) VALUES ($1,$2,$3,$4,$5,$6) \
         ON CONFLICT (cv_id) DO UPDATE SET listed = excluded.listed, last_login_at = excluded.last_login_at, \
         updated_at = excluded.updated_at, body = excluded.body",
    )
    .bind(cv_id)
    .bind(owner.citizen_id)
    .bind(i64::from(owner.listed))
    .bind(owner.last_login_at)
    .bind(updated_at)
    .bind(body)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Replaces the CV's facet keys; with `prefixes`, only the keys starting with one of them.
async fn replace_facets(conn: &mut AnyConnection, cv_id: i64, keys: &BTreeSet<String>, prefixes: Option<&[&str]>) -> Result<()> {
    match prefixes {
        None => {
            sqlx::query("DELETE FROM cv_facets WHERE cv_id = $1").bind(cv_id).execute(&mut *conn).await?;
        }
        Some(prefixes) => {
            for p in prefixes {
                sqlx::query("DELETE FROM cv_facets WHERE cv_id = $1 AND facet LIKE $2").bind(cv_id).bind(format!("{p}%")).execute(&mut *conn).await?;
            }
        }
    }
    let keys: Vec<&String> = keys.iter().filter(|k| prefixes.is_none_or(|ps| ps.iter().any(|p| k.starts_with(p)))).collect();
    insert_facets(conn, keys.iter().map(|k| (cv_id, k.as_str()))).await
}

/// Multi-row INSERTs of (cv_id, key): one statement per chunk rather than a round trip each.
pub(crate) async fn insert_facets<'k>(conn: &mut AnyConnection, rows: impl IntoIterator<Item = (i64, &'k str)>) -> Result<()> {
    let rows: Vec<(i64, &str)> = rows.into_iter().collect();
    for chunk in rows.chunks(FACET_CHUNK) {
        let sql = format!("INSERT INTO cv_facets (cv_id, facet) VALUES {}", crate::placeholders(chunk.len(), 2));
        let mut q = sqlx::query(&sql);
        for (cv_id, key) in chunk {
            q = q.bind(*cv_id).bind(*key);
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

/// After a login, a CPR refresh or a change of the searchable mark: the owner's listing,
/// last login and place (municipality, region) in the search, from the tables of record.
pub(crate) async fn sync_owner(conn: &mut AnyConnection, citizen_id: i64) -> Result<()> {
    let Some(row) = sqlx::query("SELECT cv_id FROM cv_search WHERE citizen_id = $1").bind(citizen_id).fetch_optional(&mut *conn).await? else {
        return Ok(()); // No search row yet: the CV's first save writes it.
    };
    let cv_id: i64 = row.try_get("cv_id")?;
    let owner = owner_of(conn, cv_id).await?;
    sqlx::query("UPDATE cv_search SET listed = $1, last_login_at = $2 WHERE cv_id = $3")
        .bind(i64::from(owner.listed))
        .bind(owner.last_login_at)
        .bind(cv_id)
        .execute(&mut *conn)
        .await?;
    let place = facets_of(std::iter::empty(), owner.place.as_deref());
    replace_facets(conn, cv_id, &place, Some(&["mun:", "reg:"])).await
}

impl Store {
    /// Writes the search rows of CVs that have none (CVs from before the search tables, or
    /// a CV never saved since its profile was created). Run at start-up; cheap when there is
    /// nothing to do.
    pub async fn index_unindexed_cvs(&self) -> Result<u64> {
        let ids: Vec<(i64, i64)> = sqlx::query("SELECT c.id, c.updated_at FROM cvs c WHERE NOT EXISTS (SELECT 1 FROM cv_search s WHERE s.cv_id = c.id)")
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| Ok((r.try_get("id")?, r.try_get("updated_at")?)))
            .collect::<Result<_>>()?;
        for (cv_id, updated_at) in &ids {
            let mut tx = self.begin_write().await?;
            let entries: Vec<CvEntry> = crate::cv::entries(&mut tx, *cv_id).await?.into_iter().map(|e| e.entry).collect();
            index_cv(&mut tx, *cv_id, &entries, from_ts(*updated_at)).await?;
            tx.commit().await?;
        }
        Ok(ids.len() as u64)
    }

    /// After a bulk load: SQLite merges the text index's segments into one (fewer to read
    /// per query); both engines refresh the query planner's statistics.
    pub async fn tidy_search_index(&self) -> Result<()> {
        if self.backend == crate::Backend::Sqlite {
            sqlx::query("INSERT INTO cv_fts (cv_fts) VALUES ('optimize')").execute(&self.pool).await?;
        }
        sqlx::query("ANALYZE").execute(&self.pool).await?;
        Ok(())
    }
}
