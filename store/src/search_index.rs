//! Keeping the search's tables in step with the CV and its owner.
//!
//! - `cv_search`: one row per CV with its searchable text (only sections employers may see),
//!   whether it is listed (marked searchable and the person active in CPR), the owner's last
//!   login and when the CV was last updated. The text index follows it (FTS5 triggers on
//!   SQLite, a generated tsvector on PostgreSQL).
//! - `cv_facets`: the CV's filter values as keys, from `jobspor::cv_search::facets_of`, with
//!   the CV's "last updated" time so each key's CVs are read newest first; the same keys as
//!   one text in `cv_search.facet_keys` (`keys_text`), read by the search with each match.
//! - `cv_facet_totals`: how many CVs carry each key, refreshed daily (`refresh_facet_totals`);
//!   on PostgreSQL also `cv_word_totals`, how many hold each common word.
//! - SQLite: `cv_body_words`, the text index's words (`add_body_words`), added with each
//!   write and completed from the index daily.
//!
//! The CV's own writes call `index_cv`; logins, CPR refreshes and the searchable mark call
//! `sync_owner`, which touches neither the text nor the "last updated" time.
use crate::{from_ts, ts, Result, Store};
use chrono::{DateTime, Utc};
use jobspor::cv::entry::CvEntry;
use jobspor::cv_search::{facets_of, searchable_place, Facet, FacetKind};
use sqlx::{AnyConnection, Row};
use std::collections::BTreeSet;

/// Rows per multi-row INSERT of facet keys (see `bulk` on why not more).
const FACET_CHUNK: usize = 200;

/// PostgreSQL: the words in at least 1% of the search rows, with their estimated rows and
/// share, from the planner's statistics of the tsvector (pg_stats' most common elements,
/// as of the last ANALYZE). The share list has three more entries than the word list, so
/// the padded rows are left out.
const WORD_TOTALS_FROM_STATISTICS: &str = "INSERT INTO cv_word_totals (lexeme, n, share) \
     SELECT e.lexeme, (e.share * c.reltuples)::bigint, e.share FROM pg_stats s \
     JOIN pg_class c ON c.relname = s.tablename AND c.relnamespace = to_regnamespace(s.schemaname) \
     CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(lexeme, share) \
     WHERE s.schemaname = current_schema() AND s.tablename = 'cv_search' AND s.attname = 'document' \
     AND e.lexeme IS NOT NULL AND e.share >= 0.01 ON CONFLICT (lexeme) DO NOTHING";

/// A CV's keys as one text, `|mun:751|reg:1082|`: a key is looked for as `|key|`
/// (`key_pattern`), so "mun:101" never matches "mun:1010". No key holds a `|` (codes and
/// the controlled titles).
pub(crate) fn keys_text<'k>(keys: impl IntoIterator<Item = &'k String>) -> String {
    let mut t = String::from("|");
    for k in keys {
        t.push_str(k);
        t.push('|');
    }
    t
}

/// What a search looks for in `cv_search.facet_keys` to find `key`.
pub(crate) fn key_pattern(key: &str) -> String {
    format!("|{key}|")
}

/// How the text index finds `key` on SQLite: the key's words in the column `facet_words`,
/// which migration 0009 generates from `facet_keys` by the same rule (`:` dropped, `|` a
/// space), as an FTS5 phrase. A phrase may in principle run across two keys, so the search
/// also checks `key_pattern` in the keys text.
pub(crate) fn key_words(key: &str) -> String {
    format!(
        "\"{}\"",
        key.replace(':', "").replace('|', " ").replace('"', "\"\"")
    )
}

/// How the text index finds `key` on PostgreSQL: the key itself, a lexeme of the column
/// `facet_lexemes` (migration 0009), quoted for a `tsquery`.
pub(crate) fn key_lexeme(key: &str) -> String {
    format!("'{}'", key.replace('\\', "\\\\").replace('\'', "''"))
}

/// The keys in a `keys_text`.
pub(crate) fn keys_of(text: &str) -> impl Iterator<Item = &str> {
    text.split('|').filter(|k| !k.is_empty())
}

/// The text of a CV that employers may search (hidden sections give none).
pub(crate) fn body_of<'e>(entries: impl IntoIterator<Item = &'e CvEntry>) -> String {
    entries
        .into_iter()
        .filter_map(CvEntry::search_text)
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the search shows of a CV's owner.
pub(crate) struct Owner {
    citizen_id: i64,
    listed: bool,
    last_login_at: i64,
    /// The municipality the CV may be found by (`searchable_place`).
    place: Option<String>,
}

impl Owner {
    /// From a row with the columns `searchable` (the CV's), `cpr_status`, `last_login_at`,
    /// `municipality_code`, `protected_address` and `restricted_at` (the citizen's). A
    /// citizen who restricted the processing is not listed (GDPR art. 18).
    pub(crate) fn from_row(citizen_id: i64, r: &sqlx::any::AnyRow) -> Result<Owner> {
        Ok(Owner {
            citizen_id,
            listed: r.try_get::<i64, _>("searchable")? != 0
                && r.try_get::<String, _>("cpr_status")? == "active"
                && r.try_get::<Option<i64>, _>("restricted_at")?.is_none(),
            last_login_at: r.try_get("last_login_at")?,
            place: searchable_place(
                r.try_get::<Option<String>, _>("municipality_code")?
                    .as_deref(),
                r.try_get::<i64, _>("protected_address")? != 0,
            )
            .map(str::to_string),
        })
    }
}

async fn owner_of(conn: &mut AnyConnection, cv_id: i64) -> Result<Owner> {
    let r = sqlx::query(
        "SELECT c.citizen_id, c.searchable, p.cpr_status, p.last_login_at, p.municipality_code, p.protected_address, p.restricted_at \
         FROM cvs c JOIN citizens p ON p.id = c.citizen_id WHERE c.id = $1",
    )
    .bind(cv_id)
    .fetch_one(&mut *conn)
    .await?;
    Owner::from_row(r.try_get("citizen_id")?, &r)
}

/// Rewrites a CV's search row and facet keys from its entries as they are after a change,
/// and stamps it updated at `now`.
pub(crate) async fn index_cv<'e>(
    conn: &mut AnyConnection,
    cv_id: i64,
    entries: impl IntoIterator<Item = &'e CvEntry> + Clone,
    now: DateTime<Utc>,
) -> Result<()> {
    let owner = owner_of(conn, cv_id).await?;
    index_cv_of(conn, cv_id, &owner, None, entries, now).await
}

/// `index_cv` with the owner already read, and the CV's keys text as last indexed
/// (`cv_search.facet_keys`, `None` if unknown or not indexed yet). When the keys are the
/// same, the CV's rows in `cv_facets` are re-stamped in one statement instead of deleted
/// and inserted again (they are kept equal to that text: `index_cv`, `sync_owner`, the
/// bulk load).
pub(crate) async fn index_cv_of<'e>(
    conn: &mut AnyConnection,
    cv_id: i64,
    owner: &Owner,
    indexed_keys: Option<&str>,
    entries: impl IntoIterator<Item = &'e CvEntry> + Clone,
    now: DateTime<Utc>,
) -> Result<()> {
    let keys = facets_of(entries.clone(), owner.place.as_deref());
    let body = body_of(entries);
    let text = keys_text(&keys);
    write_row(conn, cv_id, owner, &body, &text, ts(now)).await?;
    if crate::Backend::of(conn) == crate::Backend::Sqlite {
        add_body_words(conn, &crate::text::index_words(&body)).await?;
    }
    if indexed_keys == Some(text.as_str()) {
        sqlx::query("UPDATE cv_facets SET updated_at = $1 WHERE cv_id = $2")
            .bind(ts(now))
            .bind(cv_id)
            .execute(&mut *conn)
            .await?;
    } else {
        sqlx::query("DELETE FROM cv_facets WHERE cv_id = $1")
            .bind(cv_id)
            .execute(&mut *conn)
            .await?;
        insert_facets(conn, keys.iter().map(|k| (cv_id, ts(now), k.as_str()))).await?;
    }
    sqlx::query("UPDATE cvs SET updated_at = $1 WHERE id = $2")
        .bind(ts(now))
        .bind(cv_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

async fn write_row(
    conn: &mut AnyConnection,
    cv_id: i64,
    owner: &Owner,
    body: &str,
    keys_text: &str,
    updated_at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO cv_search (cv_id, citizen_id, listed, last_login_at, updated_at, body, facet_keys) VALUES ($1,$2,$3,$4,$5,$6,$7) \
         ON CONFLICT (cv_id) DO UPDATE SET listed = excluded.listed, last_login_at = excluded.last_login_at, \
         updated_at = excluded.updated_at, body = excluded.body, facet_keys = excluded.facet_keys",
    )
    .bind(cv_id)
    .bind(owner.citizen_id)
    .bind(i64::from(owner.listed))
    .bind(owner.last_login_at)
    .bind(updated_at)
    .bind(body)
    .bind(keys_text)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Multi-row INSERTs of (cv_id, updated_at, key): one statement per chunk rather than a
/// round trip each.
pub(crate) async fn insert_facets<'k>(
    conn: &mut AnyConnection,
    rows: impl IntoIterator<Item = (i64, i64, &'k str)>,
) -> Result<()> {
    let rows: Vec<(i64, i64, &str)> = rows.into_iter().collect();
    for chunk in rows.chunks(FACET_CHUNK) {
        let sql = format!(
            "INSERT INTO cv_facets (cv_id, updated_at, facet) VALUES {}",
            crate::placeholders(chunk.len(), 3)
        );
        let mut q = sqlx::query(&sql);
        for (cv_id, updated_at, key) in chunk {
            q = q.bind(*cv_id).bind(*updated_at).bind(*key);
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

/// SQLite: records `words` in `cv_body_words` (migration 0012), where a search looks up the
/// indexed words with a query word's stem. PostgreSQL stems in its own index: nothing to do.
pub(crate) async fn add_body_words(
    conn: &mut AnyConnection,
    words: &BTreeSet<String>,
) -> Result<()> {
    if crate::Backend::of(conn) != crate::Backend::Sqlite {
        return Ok(());
    }
    let words: Vec<&String> = words.iter().collect();
    for chunk in words.chunks(FACET_CHUNK) {
        let sql = format!(
            "INSERT OR IGNORE INTO cv_body_words (term) VALUES {}",
            crate::placeholders(chunk.len(), 1)
        );
        let mut q = sqlx::query(&sql);
        for w in chunk {
            q = q.bind(w.as_str());
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

/// After a login, a CPR refresh or a change of the searchable mark: the owner's listing,
/// last login and place (municipality, region) in the search, from the tables of record.
pub(crate) async fn sync_owner(conn: &mut AnyConnection, citizen_id: i64) -> Result<()> {
    let Some(row) =
        sqlx::query("SELECT cv_id, updated_at, facet_keys FROM cv_search WHERE citizen_id = $1")
            .bind(citizen_id)
            .fetch_optional(&mut *conn)
            .await?
    else {
        return Ok(()); // No search row yet: the CV's first save writes it.
    };
    let cv_id: i64 = row.try_get("cv_id")?;
    let updated_at: i64 = row.try_get("updated_at")?;
    let old_text: String = row.try_get("facet_keys")?;
    let owner = owner_of(conn, cv_id).await?;
    // The place keys follow the register; the CV's own keys stay.
    let is_place = |k: &str| Facet::parse_key(k).is_some_and(|f| f.is_place());
    let place = facets_of(std::iter::empty(), owner.place.as_deref());
    let mut keys: BTreeSet<String> = keys_of(&old_text)
        .filter(|k| !is_place(k))
        .map(str::to_string)
        .collect();
    keys.extend(place.iter().cloned());
    let text = keys_text(&keys);
    sqlx::query(
        "UPDATE cv_search SET listed = $1, last_login_at = $2, facet_keys = $3 WHERE cv_id = $4",
    )
    .bind(i64::from(owner.listed))
    .bind(owner.last_login_at)
    .bind(&text)
    .bind(cv_id)
    .execute(&mut *conn)
    .await?;
    if text != old_text {
        for kind in FacetKind::PLACE {
            sqlx::query("DELETE FROM cv_facets WHERE cv_id = $1 AND facet LIKE $2")
                .bind(cv_id)
                .bind(format!("{}%", kind.key_prefix()))
                .execute(&mut *conn)
                .await?;
        }
        insert_facets(conn, place.iter().map(|k| (cv_id, updated_at, k.as_str()))).await?;
    }
    Ok(())
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
            let entries: Vec<CvEntry> = crate::cv::entries(&mut tx, *cv_id)
                .await?
                .into_iter()
                .map(|e| e.entry)
                .collect();
            index_cv(&mut tx, *cv_id, &entries, from_ts(*updated_at)).await?;
            tx.commit().await?;
        }
        Ok(ids.len() as u64)
    }

    /// After a bulk load: SQLite merges the text index's segments into one (fewer to read
    /// per query); PostgreSQL vacuums (moves the GIN index's pending entries into the index,
    /// and marks the pages all-visible so `cv_facets` is read from its index alone); both
    /// refresh the query planner's statistics and the counts per filter key.
    pub async fn tidy_search_index(&self, now: DateTime<Utc>) -> Result<()> {
        match self.backend {
            crate::Backend::Sqlite => {
                sqlx::query("INSERT INTO cv_fts (cv_fts) VALUES ('optimize')")
                    .execute(&self.pool)
                    .await?;
                sqlx::query("ANALYZE").execute(&self.pool).await?;
            }
            crate::Backend::Postgres => {
                sqlx::query("VACUUM ANALYZE").execute(&self.pool).await?;
            }
        }
        self.refresh_facet_totals(now).await
    }

    /// Counts the CVs per filter key into `cv_facet_totals`, which the search reads to start
    /// from the rarest filter, and on PostgreSQL the common words into `cv_word_totals`,
    /// which decide how a search for them reads; on SQLite completes `cv_body_words` from
    /// the text index. Seconds at a million CVs: run daily, not per search.
    pub async fn refresh_facet_totals(&self, now: DateTime<Utc>) -> Result<()> {
        // Counted before the write transaction: at a million CVs the count takes 10–20 s on
        // SQLite, and its one writer would keep every CV save waiting past `busy_timeout`.
        let mut counts = Vec::new();
        for r in sqlx::query("SELECT facet, COUNT(*) AS n FROM cv_facets GROUP BY facet")
            .fetch_all(&self.pool)
            .await?
        {
            counts.push((r.try_get::<String, _>("facet")?, r.try_get::<i64, _>("n")?));
        }
        // SQLite: any word of the text index that `cv_body_words` lacks (where this store's
        // reading of a word differed from FTS5's tokenizer), read before the write too.
        let mut missing = BTreeSet::new();
        if self.backend == crate::Backend::Sqlite {
            for r in sqlx::query("SELECT term FROM cv_fts_vocab WHERE col = 'body' AND term NOT IN (SELECT term FROM cv_body_words)").fetch_all(&self.pool).await? {
                missing.insert(r.try_get::<String, _>("term")?);
            }
        }
        let mut tx = self.begin_write().await?;
        add_body_words(&mut tx, &missing).await?;
        sqlx::query("DELETE FROM cv_facet_totals")
            .execute(&mut *tx)
            .await?;
        for chunk in counts.chunks(FACET_CHUNK) {
            let sql = format!(
                "INSERT INTO cv_facet_totals (facet, n) VALUES {}",
                crate::placeholders(chunk.len(), 2)
            );
            let mut q = sqlx::query(&sql);
            for (facet, n) in chunk {
                q = q.bind(facet.as_str()).bind(*n);
            }
            q.execute(&mut *tx).await?;
        }
        if self.backend == crate::Backend::Postgres {
            sqlx::query("DELETE FROM cv_word_totals")
                .execute(&mut *tx)
                .await?;
            sqlx::query(WORD_TOTALS_FROM_STATISTICS)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("INSERT INTO job_runs (job, last_run) VALUES ($1, $2) ON CONFLICT (job) DO UPDATE SET last_run = excluded.last_run")
            .bind(FACET_TOTALS_JOB)
            .bind(ts(now))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Housekeeping: refreshes the totals when they are older than `max_age`; `true` if it did.
    pub async fn refresh_facet_totals_if_older(
        &self,
        max_age: chrono::Duration,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let last: Option<i64> = sqlx::query("SELECT last_run FROM job_runs WHERE job = $1")
            .bind(FACET_TOTALS_JOB)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| r.try_get("last_run"))
            .transpose()?;
        if last.is_some_and(|t| from_ts(t) > now - max_age) {
            return Ok(false);
        }
        self.refresh_facet_totals(now).await?;
        Ok(true)
    }
}

const FACET_TOTALS_JOB: &str = "facet_totals";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_found_in_the_text_index_as_its_generated_words() {
        // As migration 0009's `facet_words`: `:` dropped, each key a phrase of its words.
        assert_eq!(key_words("mun:751"), "\"mun751\"");
        assert_eq!(key_words("lang:de:B1"), "\"langdeB1\"");
        assert_eq!(
            key_words("occ:Social- og sundhedsassistent"),
            "\"occSocial- og sundhedsassistent\""
        );
        assert_eq!(key_words("occ:Say \"hi\""), "\"occSay \"\"hi\"\"\"");
    }

    #[test]
    fn a_key_is_a_quoted_lexeme_on_postgresql() {
        assert_eq!(key_lexeme("mun:751"), "'mun:751'");
        assert_eq!(
            key_lexeme("occ:Pædagog's hjælper"),
            "'occ:Pædagog''s hjælper'"
        );
        assert_eq!(key_lexeme("a\\b"), "'a\\\\b'");
    }
}
