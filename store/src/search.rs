//! Employers' CV search and opening a CV. Both apply the searchability rule: listed (marked
//! searchable by the citizen, the person active in CPR) and the owner logged in after the
//! cutoff from `jobspor::retention` — at exactly 12 weeks the CV is no longer found.
//!
//! Text: FTS5 searched for the indexed words of the query words' Danish stems on SQLite
//! (`text::fts5_query`, `Store::fts5_variants`), the `danish`
//! tsvector with a GIN index on PostgreSQL. Filters: facet keys (`cv_facets`), one EXISTS
//! each. Counting stops at `COUNT_CAP`, and the hits per filter value are counted over at
//! most `FACET_SAMPLE` matches (the page says when there are more).
use crate::access_log::{self, AccessEntry};
use crate::citizens::person_from_row;
use crate::cv::entries;
use crate::{from_ts, text, ts, Backend, Result, Store};
use chrono::{DateTime, Utc};
use jobspor::cv::entry::CvEntry;
use jobspor::cv_search::{query_words, CvQuery, Sort, PAGE_SIZE};
use jobspor::policy::CvOwner;
use sqlx::Row;
use std::collections::BTreeMap;

/// Matches are counted up to this many; beyond it the page says "more than". Counting
/// further costs time in proportion to the matches (measured at 1M CVs; see issue 5's
/// note), and an employer narrows a search long before reading a thousand CVs.
pub const COUNT_CAP: i64 = 1_000;
/// Hits per filter value are counted over at most this many matches.
pub const FACET_SAMPLE: i64 = 1_000;
/// A text search ranks at most this many matches by relevance: a word that a large share
/// of CVs contain ("rengøring") would otherwise be ranked over tens of thousands.
pub const RANK_POOL: i64 = 2_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CvHit {
    pub cv_id: i64,
    pub name: String,
    /// The occupations sought, for the result line.
    pub occupations: Vec<String>,
    /// Town of residence; `None` for a protected address.
    pub city: Option<String>,
    pub updated_at: DateTime<Utc>,
    /// The best matching passage, matches between `MARK_START` and `MARK_END`; only for a
    /// text search.
    pub passage: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchPage {
    /// Matches, counted up to `COUNT_CAP`.
    pub total: i64,
    /// `total` reached the cap: there are at least that many.
    pub more: bool,
    pub hits: Vec<CvHit>,
    /// Hits per facet key among the first `FACET_SAMPLE` matches.
    pub facets: BTreeMap<String, i64>,
    /// The facet counts cover only a sample of the matches.
    pub facets_sampled: bool,
}

#[derive(Debug, Clone)]
pub struct OpenedCv {
    pub owner: CvOwner,
    pub entries: Vec<CvEntry>,
}

enum Val {
    S(String),
    I(i64),
}

/// The matching CVs as SQL: `FROM … WHERE …` over `cv_search s`, with its parameters.
struct Matching {
    from_where: String,
    binds: Vec<Val>,
    /// The text query's parameter number, when there is text.
    text_param: Option<usize>,
}

impl Matching {
    fn param(&mut self, v: Val) -> String {
        self.binds.push(v);
        format!("${}", self.binds.len())
    }

    fn build(backend: Backend, q: &CvQuery, cutoff: DateTime<Utc>, drive_from_facet: bool, fts5: Option<String>) -> Matching {
        let mut m = Matching { from_where: String::new(), binds: Vec::new(), text_param: None };
        let words = query_words(&q.text);
        let mut filters = q.filters().into_iter();
        let mut conds = Vec::new();
        // SQLite joins in the order written after CROSS JOIN; PostgreSQL plans the order
        // from its statistics (and has no CROSS JOIN … ON).
        let join = match backend {
            Backend::Sqlite => "CROSS JOIN",
            Backend::Postgres => "JOIN",
        };
        let from = if !words.is_empty() {
            match backend {
                Backend::Sqlite => {
                    // `variants` are looked up before (`Store::fts5_variants`); a word
                    // without any gives a query that matches nothing.
                    let p = m.param(Val::S(fts5.clone().unwrap_or_else(|| "\"\"".to_string())));
                    m.text_param = Some(m.binds.len());
                    conds.push(format!("cv_fts MATCH {p}"));
                    format!("cv_fts {join} cv_search s ON s.cv_id = cv_fts.rowid")
                }
                Backend::Postgres => {
                    let p = m.param(Val::S(words.join(" & ")));
                    m.text_param = Some(m.binds.len());
                    conds.push(format!("s.document @@ to_tsquery('danish', {p})"));
                    "cv_search s".to_string()
                }
            }
        } else if drive_from_facet {
            // The first filter is the most selective kind (`CvQuery::filters`' order):
            // reading its keys first visits the fewest rows.
            let first = filters.next().unwrap_or_default();
            let keys: Vec<String> = first.into_iter().map(|k| m.param(Val::S(k))).collect();
            conds.push(format!("f0.facet IN ({})", keys.join(", ")));
            format!("cv_facets f0 {join} cv_search s ON s.cv_id = f0.cv_id")
        } else {
            "cv_search s".to_string()
        };
        conds.push("s.listed = 1".into());
        let c = m.param(Val::I(ts(cutoff)));
        conds.push(format!("s.last_login_at > {c}"));
        for group in filters {
            let keys: Vec<String> = group.into_iter().map(|k| m.param(Val::S(k))).collect();
            conds.push(format!("EXISTS (SELECT 1 FROM cv_facets f WHERE f.cv_id = s.cv_id AND f.facet IN ({}))", keys.join(", ")));
        }
        m.from_where = format!("FROM {from} WHERE {}", conds.join(" AND "));
        m
    }

    fn query<'q>(&'q self, sql: &'q str) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
        let mut query = sqlx::query(sql);
        for b in &self.binds {
            query = match b {
                Val::S(s) => query.bind(s.as_str()),
                Val::I(i) => query.bind(*i),
            };
        }
        query
    }
}

impl Store {
    /// Searches the listed CVs of owners who logged in after `login_cutoff`.
    pub async fn search_cvs(&self, q: &CvQuery, login_cutoff: DateTime<Utc>) -> Result<SearchPage> {
        let by_text = !query_words(&q.text).is_empty();
        // With a selective first filter, its keys are read first; otherwise the newest listed
        // CVs are read in order and checked (`CvQuery::starts_selective`).
        let fts5 = match (self.backend, by_text) {
            (Backend::Sqlite, true) => {
                let mut variants = Vec::new();
                for w in query_words(&q.text) {
                    variants.push(self.fts5_variants(&w).await?);
                }
                match text::fts5_query(&variants) {
                    Some(query) => Some(query),
                    // A word no CV contains in any form: nothing matches.
                    None => return Ok(SearchPage { total: 0, more: false, hits: Vec::new(), facets: BTreeMap::new(), facets_sampled: false }),
                }
            }
            _ => None,
        };
        let m = Matching::build(self.backend, q, login_cutoff, !by_text && q.starts_selective(), fts5);
        let page_sql = match (q.sort, by_text) {
            (Sort::Relevance, true) => {
                let rank = match self.backend {
                    Backend::Sqlite => "bm25(cv_fts)".to_string(),
                    Backend::Postgres => format!("-ts_rank(s.document, to_tsquery('danish', ${}))", m.text_param.unwrap_or(1)),
                };
                format!(
                    "SELECT cv_id FROM (SELECT s.cv_id, {rank} AS r {} LIMIT {RANK_POOL}) t ORDER BY r, cv_id LIMIT {PAGE_SIZE} OFFSET {}",
                    m.from_where,
                    q.offset()
                )
            }
            _ => format!("SELECT s.cv_id {} ORDER BY s.updated_at DESC, s.cv_id DESC LIMIT {PAGE_SIZE} OFFSET {}", m.from_where, q.offset()),
        };
        let ids: Vec<i64> = m.query(&page_sql).fetch_all(&self.pool).await?.iter().map(|r| r.try_get("cv_id")).collect::<std::result::Result<_, _>>()?;

        let count_sql = format!("SELECT COUNT(*) AS n FROM (SELECT s.cv_id {} LIMIT {}) t", m.from_where, COUNT_CAP);
        let total: i64 = m.query(&count_sql).fetch_one(&self.pool).await?.try_get("n")?;

        let facet_sql = format!(
            "SELECT facet, COUNT(*) AS n FROM cv_facets WHERE cv_id IN (SELECT cv_id FROM (SELECT s.cv_id {} LIMIT {FACET_SAMPLE}) t) GROUP BY facet",
            m.from_where
        );
        let mut facets = BTreeMap::new();
        for r in m.query(&facet_sql).fetch_all(&self.pool).await? {
            facets.insert(r.try_get::<String, _>("facet")?, r.try_get::<i64, _>("n")?);
        }

        let passages = match (by_text, m.text_param) {
            (true, Some(p)) if !ids.is_empty() => self.passages(&m, p, &ids).await?,
            _ => BTreeMap::new(),
        };
        let hits = self.hits(&ids, passages).await?;
        // The count stops at COUNT_CAP, so "more than the sample" is known from `more` too.
        let more = total >= COUNT_CAP;
        Ok(SearchPage { total, more, hits, facets, facets_sampled: more || total > FACET_SAMPLE })
    }

    /// The indexed words with the same Danish stem as `word` (SQLite): read from the index's
    /// vocabulary as the words starting with the stem, then kept when their own stem is the
    /// same ("lager" keeps lageret and lagre, not lagermedarbejder). At most 64.
    async fn fts5_variants(&self, word: &str) -> Result<Vec<String>> {
        // The index holds words folded by its tokenizer (`text::fold`): compare folded.
        let stem = text::fold(&text::stem(word));
        let rows = sqlx::query("SELECT term FROM cv_fts_vocab WHERE term >= $1 AND term < $1 || char(1114111) LIMIT 500").bind(&stem).fetch_all(&self.pool).await?;
        let mut out = Vec::new();
        for r in &rows {
            let term: String = r.try_get("term")?;
            if text::fold(&text::stem(&term)) == stem && !term.contains('"') {
                out.push(term);
            }
        }
        out.truncate(64);
        Ok(out)
    }

    /// The matching passage of each hit, highlighted by the engine.
    async fn passages(&self, m: &Matching, text_param: usize, ids: &[i64]) -> Result<BTreeMap<i64, String>> {
        let Some(Val::S(text)) = m.binds.get(text_param - 1) else { return Ok(BTreeMap::new()) };
        let id_list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let sql = match self.backend {
            Backend::Sqlite => format!("SELECT rowid AS cv_id, snippet(cv_fts, 0, char(2), char(3), '…', 16) AS passage FROM cv_fts WHERE cv_fts MATCH $1 AND rowid IN ({id_list})"),
            Backend::Postgres => format!(
                "SELECT cv_id, ts_headline('danish', body, to_tsquery('danish', $1), \
                 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=10, MaxFragments=1, FragmentDelimiter=\" … \"') AS passage \
                 FROM cv_search WHERE cv_id IN ({id_list})"
            ),
        };
        let mut out = BTreeMap::new();
        for r in sqlx::query(&sql).bind(text.as_str()).fetch_all(&self.pool).await? {
            out.insert(r.try_get::<i64, _>("cv_id")?, r.try_get::<String, _>("passage")?.replace('\n', " · "));
        }
        Ok(out)
    }

    /// Name, town and occupations of the hits, in the hits' order: two queries for the page.
    async fn hits(&self, ids: &[i64], mut passages: BTreeMap<i64, String>) -> Result<Vec<CvHit>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let id_list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let mut occupations: BTreeMap<i64, Vec<String>> = BTreeMap::new();
        for r in sqlx::query(&format!("SELECT cv_id, facet FROM cv_facets WHERE cv_id IN ({id_list}) AND facet LIKE 'occ:%' ORDER BY facet")).fetch_all(&self.pool).await? {
            let key: String = r.try_get("facet")?;
            occupations.entry(r.try_get("cv_id")?).or_default().push(key.trim_start_matches("occ:").to_string());
        }
        let rows = sqlx::query(&format!(
            "SELECT s.cv_id, s.updated_at, p.first_name, p.middle_name, p.surname, p.city, p.protected_address \
             FROM cv_search s JOIN citizens p ON p.id = s.citizen_id WHERE s.cv_id IN ({id_list})"
        ))
        .fetch_all(&self.pool)
        .await?;
        let mut by_id = BTreeMap::new();
        for r in &rows {
            let cv_id: i64 = r.try_get("cv_id")?;
            let middle: Option<String> = r.try_get("middle_name")?;
            let first: String = r.try_get("first_name")?;
            let surname: String = r.try_get("surname")?;
            let protected = r.try_get::<i64, _>("protected_address")? != 0;
            by_id.insert(
                cv_id,
                CvHit {
                    cv_id,
                    name: [Some(first), middle, Some(surname)].into_iter().flatten().collect::<Vec<_>>().join(" "),
                    occupations: occupations.remove(&cv_id).unwrap_or_default(),
                    city: if protected { None } else { r.try_get("city")? },
                    updated_at: from_ts(r.try_get("updated_at")?),
                    passage: passages.remove(&cv_id),
                },
            );
        }
        Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
    }

    /// An employer opens a CV: read it and record the opening (when, which CV, which
    /// company — seed 000) in the citizen's history, in one transaction. `None` when the
    /// CV is not searchable now.
    #[tracing::instrument(skip(self, company_name))]
    pub async fn open_cv_for_employer(&self, employer_id: i64, company_name: &str, cv_id: i64, login_cutoff: DateTime<Utc>, now: DateTime<Utc>) -> Result<Option<OpenedCv>> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "SELECT p.*, c.hide_contact FROM cv_search s JOIN cvs c ON c.id = s.cv_id JOIN citizens p ON p.id = s.citizen_id \
             WHERE s.cv_id = $1 AND s.listed = 1 AND s.last_login_at > $2",
        )
        .bind(cv_id)
        .bind(ts(login_cutoff))
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let citizen_id: i64 = row.try_get("id")?;
        let owner = CvOwner {
            person: person_from_row(&row)?,
            phone: row.try_get("phone")?,
            email: row.try_get("email")?,
            hide_contact: row.try_get::<i64, _>("hide_contact")? != 0,
        };
        let entries = entries(&mut tx, cv_id).await?;
        access_log::record(
            &mut tx,
            &AccessEntry {
                citizen_id,
                at: now,
                actor_kind: "employer".into(),
                actor_id: Some(employer_id),
                actor_label: company_name.to_string(),
                action: "Åbnede dit CV".into(),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(Some(OpenedCv { owner, entries: entries.into_iter().map(|e| e.entry).collect() }))
    }

    /// How a developer would first write the one-word search, for the benchmark's
    /// comparison only: `LIKE '%word%'` on SQLite, `to_tsvector` computed per row (no
    /// index) on PostgreSQL; the first page and the count, as `search_cvs` gives.
    pub async fn naive_text_search(&self, word: &str, login_cutoff: DateTime<Utc>) -> Result<(i64, Vec<i64>)> {
        let matches = match self.backend {
            Backend::Sqlite => "FROM cv_search s WHERE s.body LIKE '%' || $1 || '%' AND s.listed = 1 AND s.last_login_at > $2",
            Backend::Postgres => {
                "FROM cv_search s WHERE to_tsvector('danish', s.body) @@ plainto_tsquery('danish', $1) AND s.listed = 1 AND s.last_login_at > $2"
            }
        };
        let page = format!("SELECT s.cv_id {matches} ORDER BY s.updated_at DESC LIMIT {PAGE_SIZE}");
        let rows = sqlx::query(&page).bind(word).bind(ts(login_cutoff)).fetch_all(&self.pool).await?;
        let ids = rows.iter().map(|r| r.try_get("cv_id")).collect::<std::result::Result<_, _>>()?;
        let count = format!("SELECT COUNT(*) AS n {matches}");
        let n: i64 = sqlx::query(&count).bind(word).bind(ts(login_cutoff)).fetch_one(&self.pool).await?.try_get("n")?;
        Ok((n, ids))
    }
}
