//! Employers' CV search and opening a CV. Both apply the searchability rule: listed (marked
//! searchable by the citizen, the person active in CPR) and the owner logged in after the
//! cutoff from `jobspor::retention` — at exactly 12 weeks the CV is no longer found.
//!
//! A search is one query for its first `POOL` matches (`Plan`), then Rust: the matches are
//! counted, ranked when there are search words, and their filter values counted from each
//! match's keys text (`cv_search.facet_keys`); two small queries then fetch the page's
//! names and highlighted passages. Where the query starts (`Start`):
//! - with search words, from the text index: FTS5 searched for the indexed words of the
//!   query words' Danish stems on SQLite (`text::fts5_query`, `Store::fts5_variants`), the
//!   `danish` tsvector's GIN index on PostgreSQL; the filters few CVs carry are searched in
//!   the same index (the keys as words or lexemes of their own, migration 0009), so it gives
//!   only CVs with both (`TEXT_INDEX_AT_MOST`); on PostgreSQL, words alone that many CVs
//!   hold are read in table order instead (`scan_in_table_order`);
//! - with filters only, from the filter fewest CVs carry (`cv_facet_totals`), read newest
//!   first from `cv_facets`' index, so the query stops at the `POOL`th match; on PostgreSQL
//!   the next rarest is read beside it from the same index when about as few CVs carry it
//!   (`MERGE_AT_MOST_TIMES`);
//! - otherwise from the newest listed CVs.
//!
//! The other filters are checked in the match's keys text (with words, again: the index
//! finds keys as words on SQLite), or, on SQLite beside a starting key, in `cv_facets`'
//! index.
use crate::access_log::{self, AccessEntry};
use crate::citizens::person_from_row;
use crate::cv::entries;
use crate::search_index::{key_lexeme, key_pattern, key_words, keys_of};
use crate::{from_ts, text, ts, Backend, Result, Store};
use chrono::{DateTime, Utc};
use jobspor::access::{AccessBasis, AccessWhat};
use jobspor::cv::entry::CvEntry;
use jobspor::cv_search::{query_words, CvQuery, Facet, Sort, MAX_PAGE, PAGE_SIZE};
use jobspor::policy::{ActorKind, Caller, CvOwner};
use jobspor::{CaseworkerId, CitizenId, CvId, EmployerId};
use sqlx::Row;
use std::collections::BTreeMap;

/// A search reads at most this many matches: they are counted (beyond it the page says
/// "more than"), ranked when there are search words, and their filter values counted (the
/// page says when that is a sample). Reading further costs time in proportion to the
/// matches (measured at 1M CVs; see issue 5's note), and it is every page there is.
pub const POOL: usize = (PAGE_SIZE * MAX_PAGE) as usize;

/// A filter of several keys (the municipalities within a distance) is read and sorted whole,
/// so it starts a search only when fewer CVs than this carry it.
const SORT_AT_MOST: i64 = 20_000;

/// With search words, a filter is searched in the text index, beside the words, when at
/// most this many CVs carry it; a more common one is checked in each match's keys text.
/// Measured at 1M CVs: a municipality (35,000-93,000 CVs) in the index took SQLite from 31
/// to 18 ms and from 76 to 19 ms, but "part time" (373,000) in the index took 18 to 100 ms,
/// as FTS5 then reads most of a long list. PostgreSQL's GIN index was as fast either way.
const TEXT_INDEX_AT_MOST: i64 = 150_000;

/// PostgreSQL, a search for words alone: read the rows in table order, testing each for
/// the words, rather than take the matches from the text index, when `n × share` of the
/// words is at least this. The index first gives every match (`n`: 116,000 for
/// "rengøring" at 1M CVs, 46 ms) before the first `POOL` are read; in table order the
/// `POOL`th match comes after about `POOL / share` rows (12,000 rows, 26 ms). Measured
/// at 1M CVs, index / table order: "rengøring" (share 11.6%) 67 / 26 ms, "sosu" (7.2%)
/// 50 / 37 ms, "tømrer" (2.7%) 20 / 86 ms; a row in table order costs about four index
/// entries, so the two meet near `n × share = 4 × POOL`.
const SCAN_AT_LEAST: f64 = 4_000.0;

/// Whether to read a search for words in table order (`SCAN_AT_LEAST`): `words` holds each
/// word's estimated rows and share (`cv_word_totals`), `None` for a word not counted, which
/// counts as rare. The words are taken as independent: all of them have a share that is the
/// product of theirs.
fn scan_in_table_order(words: &[Option<(i64, f64)>]) -> bool {
    let Some(Some((n0, share0))) = words.first() else {
        return false;
    };
    if words.iter().any(Option::is_none) || *share0 <= 0.0 {
        return false;
    }
    let share: f64 = words.iter().flatten().map(|(_, s)| s).product();
    let rows = *n0 as f64 / share0;
    rows * share * share >= SCAN_AT_LEAST
}

/// PostgreSQL, a filter search that starts from one key: the other one-key filter fewest CVs
/// carry is read beside it, from its own entries in `cv_facets`' index, in the same "last
/// updated" order (a merge join), when at most this many times as many CVs carry it as the
/// starting key. Only the CVs with both keys are then looked up in `cv_search_filter`.
/// Looking up a candidate there costs about 8 µs, reading an index entry in order about
/// 0.4 µs, so reading the second key's entries over the same span pays until they are about
/// ten to twenty times as many. Measured at 1M CVs, looked up / merged: Copenhagen (93,000)
/// and German (106,000) 52 / 14 ms; region 1083 (213,000) and fixed term (305,000) 22 / 12 ms;
/// municipality 851 (39,000) and English C1 (256,000) 25 / 15 ms; licence CE (24,000) and
/// region 1082 (237,000) 26 / 25 ms; but nurse (11,000) and region 1084 (299,000) 26 / 40
/// ms, and municipality 751 (64,000) and licence B (717,000) 12 / 16 ms.
const MERGE_AT_MOST_TIMES: i64 = 10;

/// The filter to merge with the starting filter `start` (`MERGE_AT_MOST_TIMES`), if any.
fn merge_partner(
    start: usize,
    filters: &[Vec<String>],
    totals: &BTreeMap<String, i64>,
) -> Option<usize> {
    let n0 = carried(&filters[start], totals);
    let (j, g) = filters
        .iter()
        .enumerate()
        .filter(|(j, g)| *j != start && g.len() == 1)
        .min_by_key(|(_, g)| carried(g, totals))?;
    (carried(g, totals) <= n0 * MERGE_AT_MOST_TIMES).then_some(j)
}

/// How many CVs carry a filter, any of its keys (a key not counted yet counts as none).
fn carried(group: &[String], totals: &BTreeMap<String, i64>) -> i64 {
    group
        .iter()
        .map(|k| totals.get(k).copied().unwrap_or(0))
        .sum()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CvHit {
    pub cv_id: CvId,
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
    /// Matches, counted up to `POOL`.
    pub total: i64,
    /// There are more than `total`.
    pub more: bool,
    pub hits: Vec<CvHit>,
    /// Hits per facet key among the first `POOL` matches.
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

/// Where a search's query starts reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    /// The text index.
    Text,
    /// The filter (index into `CvQuery::filters`) of one key: its CVs newest first.
    Key(usize),
    /// The filter of several keys, few enough CVs to read and sort.
    Keys(usize),
    /// The newest listed CVs.
    Newest,
}

/// Where to start: from the text when there is text, else from the filter fewest CVs
/// carry (a key not yet counted counts as rare; counts are estimates, refreshed daily, and
/// a wrong guess costs time, never a wrong answer).
fn start_of(by_text: bool, filters: &[Vec<String>], totals: &BTreeMap<String, i64>) -> Start {
    if by_text {
        return Start::Text;
    }
    match filters
        .iter()
        .enumerate()
        .min_by_key(|(_, g)| carried(g, totals))
    {
        Some((i, g)) if g.len() == 1 => Start::Key(i),
        Some((i, g)) if carried(g, totals) <= SORT_AT_MOST => Start::Keys(i),
        _ => Start::Newest,
    }
}

/// The one query of a search, with its parameters.
struct Plan {
    sql: String,
    binds: Vec<Val>,
    /// The text query's parameter number, when there is text.
    text_param: Option<usize>,
    /// Whether the query gives a rank `r` (lower is better) to sort by in Rust.
    ranked: bool,
}

/// How the text of a search is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextRead {
    /// From the text index (SQLite's is always so).
    Index,
    /// PostgreSQL: rows in table order, each tested for the words (`SCAN_AT_LEAST`). The
    /// order is the CV id's, read through the primary key (the table is clustered on it),
    /// not a sequential scan: PostgreSQL starts a sequential scan of a large table where
    /// another scan of it has come to (`synchronize_seqscans`), so the same search ranked
    /// other CVs from one time to the next (at 1M CVs, "sosu" read 16,630 rows once and
    /// 18,707 the next), and reads it through a small ring of buffers, so the rows came
    /// from the operating system each time (issue 5, stop 17).
    TableOrder,
}

impl Plan {
    fn param(&mut self, v: Val) -> String {
        self.binds.push(v);
        format!("${}", self.binds.len())
    }

    /// `fts5` is the SQLite text query (`Store::fts5_variants`), when there are words;
    /// `totals` the CVs per filter key (`cv_facet_totals`).
    fn build(
        backend: Backend,
        q: &CvQuery,
        cutoff: DateTime<Utc>,
        totals: &BTreeMap<String, i64>,
        fts5: Option<String>,
        read: TextRead,
    ) -> Plan {
        let mut p = Plan {
            sql: String::new(),
            binds: Vec::new(),
            text_param: None,
            ranked: false,
        };
        let filters = q.filters();
        let start = start_of(!query_words(&q.text).is_empty(), &filters, totals);
        // The filters the text index searches beside the words (all are also checked below).
        let in_text_index: Vec<&Vec<String>> = filters
            .iter()
            .filter(|g| start == Start::Text && carried(g, totals) <= TEXT_INDEX_AT_MOST)
            .collect();
        let merged = match (backend, start) {
            (Backend::Postgres, Start::Key(i)) => merge_partner(i, &filters, totals),
            _ => None,
        };
        let mut conds = Vec::new();
        // SQLite joins in the order written after CROSS JOIN; PostgreSQL plans the order
        // from its statistics (and has no CROSS JOIN … ON).
        let join = match backend {
            Backend::Sqlite => "CROSS JOIN",
            Backend::Postgres => "JOIN",
        };
        // The table whose "last updated" time and CV id give the order, newest first: the
        // search row, or the starting key's entries in `cv_facets` (the same values).
        let newest = "s";
        let (from, by) = match start {
            Start::Text => match backend {
                Backend::Sqlite => {
                    // The words in the text, and each rare filter's keys in the keys column: FTS5
                    // intersects their lists, so fewer CVs are read.
                    let mut m = format!("body : ({})", fts5.unwrap_or_else(|| "\"\"".to_string()));
                    for group in &in_text_index {
                        m.push_str(&format!(
                            " AND facet_words : ({})",
                            group
                                .iter()
                                .map(|k| key_words(k))
                                .collect::<Vec<_>>()
                                .join(" OR ")
                        ));
                    }
                    let t = p.param(Val::S(m));
                    p.text_param = Some(p.binds.len());
                    conds.push(format!("cv_fts MATCH {t}"));
                    (
                        format!("cv_fts {join} cv_search s ON s.cv_id = cv_fts.rowid"),
                        newest,
                    )
                }
                Backend::Postgres => {
                    let t = p.param(Val::S(query_words(&q.text).join(" & ")));
                    p.text_param = Some(p.binds.len());
                    conds.push(match read {
                        TextRead::Index => format!("s.document @@ to_tsquery('danish', {t})"),
                        // `IS TRUE` is the same test, but one the planner cannot answer from
                        // the index: the rows are read in table order (`TextRead::TableOrder`).
                        TextRead::TableOrder => {
                            format!("(s.document @@ to_tsquery('danish', {t})) IS TRUE")
                        }
                    });
                    if !in_text_index.is_empty() {
                        // The filters' keys as lexemes, in the same GIN index as the words:
                        // one index scan intersects them.
                        let groups: Vec<String> = in_text_index
                            .iter()
                            .map(|g| {
                                format!(
                                    "({})",
                                    g.iter()
                                        .map(|k| key_lexeme(k))
                                        .collect::<Vec<_>>()
                                        .join(" | ")
                                )
                            })
                            .collect();
                        let k = p.param(Val::S(groups.join(" & ")));
                        conds.push(format!("s.facet_lexemes @@ CAST({k} AS tsquery)"));
                    }
                    ("cv_search s".to_string(), newest)
                }
            },
            Start::Key(i) => {
                let k = p.param(Val::S(filters[i][0].clone()));
                conds.push(format!("f0.facet = {k}"));
                // A CV's keys all carry its "last updated" time, so its entry for the second
                // key lies at the same place in that key's order.
                let beside = match merged {
                    Some(j) => {
                        let k = p.param(Val::S(filters[j][0].clone()));
                        conds.push(format!("f1.facet = {k}"));
                        " JOIN cv_facets f1 ON f1.updated_at = f0.updated_at AND f1.cv_id = f0.cv_id"
                    }
                    None => "",
                };
                // The index's own order: no sort, and the query stops at the POOLth match.
                (
                    format!("cv_facets f0{beside} {join} cv_search s ON s.cv_id = f0.cv_id"),
                    "f0",
                )
            }
            Start::Keys(i) => {
                let keys: Vec<String> = filters[i]
                    .iter()
                    .map(|k| p.param(Val::S(k.clone())))
                    .collect();
                conds.push(format!("f0.facet IN ({})", keys.join(", ")));
                (
                    format!("cv_facets f0 {join} cv_search s ON s.cv_id = f0.cv_id"),
                    newest,
                )
            }
            Start::Newest => ("cv_search s".to_string(), newest),
        };
        conds.push("s.listed = 1".into());
        let c = p.param(Val::I(ts(cutoff)));
        conds.push(format!("s.last_login_at > {c}"));
        let find = match backend {
            Backend::Sqlite => "instr",
            Backend::Postgres => "strpos",
        };
        for (i, group) in filters.iter().enumerate() {
            if matches!(start, Start::Key(j) | Start::Keys(j) if j == i) || merged == Some(i) {
                continue;
            }
            if let (Backend::Sqlite, Start::Key(_), [key]) = (backend, start, group.as_slice()) {
                // SQLite: beside a starting key, a one-key filter is looked up in
                // `cv_facets`' own index, whose entries for one key lie together, before the
                // CV's row is read: only the CVs that pass every filter are read (at 1M CVs,
                // filters only went from p95 53 to 28 ms). PostgreSQL made merge joins of
                // them all, with slow outliers (p99 over 1 s) where a key was far more common
                // than the starting one: there only the rarest other key is merged, when that
                // pays (`MERGE_AT_MOST_TIMES`), and the rest checked in the keys text, in the
                // covering index `cv_search_filter`.
                let k = p.param(Val::S(key.clone()));
                conds.push(format!("EXISTS (SELECT 1 FROM cv_facets f1 WHERE f1.facet = {k} AND f1.updated_at = f0.updated_at AND f1.cv_id = f0.cv_id)"));
                continue;
            }
            let any: Vec<String> = group
                .iter()
                .map(|k| {
                    format!(
                        "{find}(s.facet_keys, {}) > 0",
                        p.param(Val::S(key_pattern(k)))
                    )
                })
                .collect();
            conds.push(format!("({})", any.join(" OR ")));
        }
        let mut rank = ", CAST(0 AS DOUBLE PRECISION)".to_string();
        let mut order = format!("ORDER BY {by}.updated_at DESC, {by}.cv_id DESC");
        if start == Start::Text && q.sort == Sort::Relevance {
            // The first POOL matches in the index's order, ranked in Rust.
            order = match read {
                TextRead::TableOrder => "ORDER BY s.cv_id".to_string(),
                TextRead::Index => String::new(),
            };
            p.ranked = true;
            rank = match backend {
                // Ranking these in Rust from each match's text instead (BM25 over the query
                // words' forms, sparing bm25()'s pass over every form's list) was measured
                // at 1M CVs and was slower: one word p50 19 → 24-32 ms, two words and two
                // filters no better (issue 5, stop 16).
                Backend::Sqlite => ", bm25(cv_fts, 1.0, 0.0)".to_string(),
                Backend::Postgres => format!(
                    ", -ts_rank(s.document, to_tsquery('danish', ${}))::float8",
                    p.text_param.unwrap_or(1)
                ),
            };
        }
        let matches = format!("SELECT s.cv_id AS i, {by}.updated_at AS u, s.facet_keys AS k{rank} AS r FROM {from} WHERE {} {order} LIMIT {}", conds.join(" AND "), POOL + 1);
        p.sql = match backend {
            Backend::Sqlite => packed(&matches),
            Backend::Postgres => matches,
        };
        p
    }

    fn query<'q>(
        &'q self,
        sql: &'q str,
    ) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
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

/// SQLite: the query `matches` (columns `i` CV id, `u` last updated, `k` keys text, `r`
/// rank) as one row of one text, `m`, a record per match (`Match::unpack`). A search reads
/// up to `POOL + 1` matches, and sqlx hands each SQLite row from its connection's worker
/// thread to the request's task: at 1M CVs a one-word search page cost about 500 thread
/// switches, 340 of them saved by this, and the page's time at p50 fell from 11.5 to 9.0
/// ms (one connection) and (b)'s p95 under load from 54 to 45 ms (measured with `perf
/// stat` and `bench/search_http.sh`; issue 5, stop 17). PostgreSQL's driver reads the
/// rows in the task itself; packed there, the search was no faster.
fn packed(matches: &str) -> String {
    // printf: every digit of the rank, so the order is the one the engine computed.
    format!("SELECT group_concat(i || char(31) || u || char(31) || printf('%!.17g', r) || char(31) || k, char(30)) AS m FROM ({matches}) AS matches")
}

/// A match as the search's query gives it.
#[derive(Debug, PartialEq)]
struct Match {
    cv_id: i64,
    updated_at: i64,
    keys: String,
    rank: f64,
}

impl Match {
    /// The matches of `packed`'s text. No field holds the separators: they are control
    /// characters, which no text saved may hold (`jobspor::validation`), and the keys text,
    /// the one field of words, comes last and is taken whole.
    fn unpack(text: &str) -> Result<Vec<Match>> {
        let bad = || crate::StoreError::Corrupt {
            what: "search match",
            value: text.to_string(),
        };
        let mut out = Vec::new();
        for record in text.split('\u{1e}').filter(|r| !r.is_empty()) {
            let mut f = record.splitn(4, '\u{1f}');
            let mut next = || f.next().ok_or_else(bad);
            let cv_id = next()?.parse().map_err(|_| bad())?;
            let updated_at = next()?.parse().map_err(|_| bad())?;
            let rank = next()?.parse().map_err(|_| bad())?;
            let keys = next()?.to_string();
            out.push(Match {
                cv_id,
                updated_at,
                keys,
                rank,
            });
        }
        Ok(out)
    }
}

impl Store {
    /// Searches the listed CVs of owners who logged in after `login_cutoff`.
    pub async fn search_cvs(&self, q: &CvQuery, login_cutoff: DateTime<Utc>) -> Result<SearchPage> {
        let by_text = !query_words(&q.text).is_empty();
        let fts5 = match (self.backend, by_text) {
            (Backend::Sqlite, true) => {
                let mut variants = Vec::new();
                for w in query_words(&q.text) {
                    variants.push(self.fts5_variants(&w).await?);
                }
                match text::fts5_query(&variants) {
                    Some(query) => Some(query),
                    // A word no CV contains in any form: nothing matches.
                    None => {
                        return Ok(SearchPage {
                            total: 0,
                            more: false,
                            hits: Vec::new(),
                            facets: BTreeMap::new(),
                            facets_sampled: false,
                        })
                    }
                }
            }
            _ => None,
        };
        let filters = q.filters();
        let totals = if filters.is_empty() {
            BTreeMap::new()
        } else {
            self.facet_totals(&filters).await?
        };
        let read = match (self.backend, by_text && filters.is_empty()) {
            (Backend::Postgres, true) => {
                let words = self.word_totals(&query_words(&q.text)).await?;
                if scan_in_table_order(&words) {
                    TextRead::TableOrder
                } else {
                    TextRead::Index
                }
            }
            _ => TextRead::Index,
        };
        let plan = Plan::build(self.backend, q, login_cutoff, &totals, fts5, read);

        let mut matches = self.matches(&plan).await?;
        // Put the query's order back (SQLite's packed text need not keep it), newest first,
        // then keep the first POOL; with ranking, the POOL of lowest CV id (one more was read
        // only to know there are more), ranked.
        if plan.ranked {
            matches.sort_by_key(|m| m.cv_id);
        } else {
            matches.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(b.cv_id.cmp(&a.cv_id)));
        }
        let more = matches.len() > POOL;
        matches.truncate(POOL);
        if plan.ranked {
            matches.sort_by(|a, b| a.rank.total_cmp(&b.rank).then(a.cv_id.cmp(&b.cv_id)));
        }

        let mut counted: BTreeMap<&str, i64> = BTreeMap::new();
        for m in &matches {
            for k in keys_of(&m.keys) {
                *counted.entry(k).or_default() += 1;
            }
        }
        let facets = counted
            .into_iter()
            .map(|(k, n)| (k.to_string(), n))
            .collect();

        let page: Vec<&Match> = matches
            .iter()
            .skip(q.offset() as usize)
            .take(PAGE_SIZE as usize)
            .collect();
        let ids: Vec<i64> = page.iter().map(|m| m.cv_id).collect();
        let passages = match (by_text, plan.text_param) {
            (true, Some(p)) if !ids.is_empty() => self.passages(&plan, p, &ids).await?,
            _ => BTreeMap::new(),
        };
        let occupations = page
            .iter()
            .map(|m| {
                (
                    m.cv_id,
                    keys_of(&m.keys)
                        .filter_map(|k| match Facet::parse_key(k) {
                            Some(Facet::Occupation(title)) => Some(title.to_string()),
                            _ => None,
                        })
                        .collect(),
                )
            })
            .collect();
        let hits = self.hits(&ids, occupations, passages).await?;
        Ok(SearchPage {
            total: matches.len() as i64,
            more,
            hits,
            facets,
            facets_sampled: more,
        })
    }

    /// The matches of a search's query (`Plan`), in no particular order.
    async fn matches(&self, plan: &Plan) -> Result<Vec<Match>> {
        let query = plan.query(&plan.sql);
        match self.backend {
            Backend::Sqlite => Match::unpack(
                query
                    .fetch_one(&self.pool)
                    .await?
                    .try_get::<Option<String>, _>("m")?
                    .as_deref()
                    .unwrap_or_default(),
            ),
            Backend::Postgres => query
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|r| {
                    Ok(Match {
                        cv_id: r.try_get("i")?,
                        updated_at: r.try_get("u")?,
                        keys: r.try_get("k")?,
                        rank: r.try_get("r")?,
                    })
                })
                .collect(),
        }
    }

    /// How many CVs carry each of the filters' keys (`cv_facet_totals`, refreshed daily).
    async fn facet_totals(&self, filters: &[Vec<String>]) -> Result<BTreeMap<String, i64>> {
        let keys: Vec<&str> = filters.iter().flatten().map(String::as_str).collect();
        let mut out = BTreeMap::new();
        for r in self
            .fetch_in("SELECT facet, n FROM cv_facet_totals WHERE facet IN", &keys)
            .await?
        {
            out.insert(r.try_get("facet")?, r.try_get("n")?);
        }
        Ok(out)
    }

    /// The rows of `select`, which ends in `IN`, for the `values` listed after it.
    async fn fetch_in(&self, select: &str, values: &[&str]) -> Result<Vec<sqlx::any::AnyRow>> {
        let sql = format!(
            "{select} ({})",
            (1..=values.len())
                .map(|i| format!("${i}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let mut query = sqlx::query(&sql);
        for v in values {
            query = query.bind(*v);
        }
        Ok(query.fetch_all(&self.pool).await?)
    }

    /// PostgreSQL: each word's estimated rows and share (`cv_word_totals`), `None` for a
    /// word not counted. The words as the `danish` configuration stems them.
    async fn word_totals(&self, words: &[String]) -> Result<Vec<Option<(i64, f64)>>> {
        let stems: Vec<String> = words.iter().map(|w| text::stem(w)).collect();
        let values: Vec<&str> = stems.iter().map(String::as_str).collect();
        let rows = self
            .fetch_in(
                "SELECT lexeme, n, share FROM cv_word_totals WHERE lexeme IN",
                &values,
            )
            .await?;
        let mut found = BTreeMap::new();
        for r in rows {
            found.insert(
                r.try_get::<String, _>("lexeme")?,
                (r.try_get::<i64, _>("n")?, r.try_get::<f64, _>("share")?),
            );
        }
        Ok(stems.iter().map(|s| found.get(s).copied()).collect())
    }

    /// The indexed words with the same Danish stem as `word` (SQLite): read from the index's
    /// words (`cv_body_words`, migration 0012) as those starting with the stem, then kept
    /// when their own stem is the same ("lager" keeps lageret and lagre, not
    /// lagermedarbejder). At most 64.
    async fn fts5_variants(&self, word: &str) -> Result<Vec<String>> {
        // The index holds words folded by its tokenizer (`text::fold`): the word is folded
        // before it is stemmed, as its indexed forms were ("café" is indexed as cafe, whose
        // stem is caf, while café's own stem is café).
        let stem = text::stem(&text::fold(&word.to_lowercase()));
        let rows = sqlx::query("SELECT term FROM cv_body_words WHERE term >= $1 AND term < $1 || char(1114111) LIMIT 500").bind(&stem).fetch_all(&self.pool).await?;
        let mut out = Vec::new();
        for r in &rows {
            let term: String = r.try_get("term")?;
            if text::stem(&term) == stem && !term.contains('"') {
                out.push(term);
            }
        }
        out.truncate(64);
        Ok(out)
    }

    /// The matching passage of each hit, highlighted by the engine.
    async fn passages(
        &self,
        m: &Plan,
        text_param: usize,
        ids: &[i64],
    ) -> Result<BTreeMap<i64, String>> {
        let Some(Val::S(text)) = m.binds.get(text_param - 1) else {
            return Ok(BTreeMap::new());
        };
        let id_list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let sql = match self.backend {
            Backend::Sqlite => {
                format!("SELECT rowid AS cv_id, snippet(cv_fts, 0, char(2), char(3), '…', 16) AS passage FROM cv_fts WHERE cv_fts MATCH $1 AND rowid IN ({id_list})")
            }
            Backend::Postgres => format!(
                "SELECT cv_id, ts_headline('danish', body, to_tsquery('danish', $1), \
                 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=10, MaxFragments=1, FragmentDelimiter=\" … \"') AS passage \
                 FROM cv_search WHERE cv_id IN ({id_list})"
            ),
        };
        let mut out = BTreeMap::new();
        for r in sqlx::query(&sql)
            .bind(text.as_str())
            .fetch_all(&self.pool)
            .await?
        {
            out.insert(
                r.try_get::<i64, _>("cv_id")?,
                r.try_get::<String, _>("passage")?.replace('\n', " · "),
            );
        }
        Ok(out)
    }

    /// Name and town of the hits, in the hits' order, with their occupations and passages.
    async fn hits(
        &self,
        ids: &[i64],
        mut occupations: BTreeMap<i64, Vec<String>>,
        mut passages: BTreeMap<i64, String>,
    ) -> Result<Vec<CvHit>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let id_list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
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
                    cv_id: CvId::new(cv_id),
                    name: [Some(first), middle, Some(surname)]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" "),
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
    pub async fn open_cv_for_employer(
        &self,
        employer: Caller<EmployerId>,
        company_name: &str,
        cv_id: CvId,
        login_cutoff: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<Option<OpenedCv>> {
        self.open_searchable_cv(cv_id, login_cutoff, |citizen_id| AccessEntry {
            citizen_id,
            at: now,
            actor_kind: ActorKind::Employer,
            actor_id: Some(employer.id().get()),
            actor_name: company_name.to_string(),
            organisation: company_name.to_string(),
            what: AccessWhat::OpenedCv,
            basis: AccessBasis::EmployerTerms,
        })
        .await
    }

    /// A jobcentre's caseworker opens a CV found in the search across municipalities
    /// (seed 000: "i forbindelse med jobformidling"), recorded for the citizen as an
    /// employer's opening is. `None` when the CV is not searchable now.
    #[tracing::instrument(skip(self, name, jobcentre))]
    pub async fn open_cv_for_caseworker(
        &self,
        caseworker: Caller<CaseworkerId>,
        name: &str,
        jobcentre: &str,
        cv_id: CvId,
        login_cutoff: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<Option<OpenedCv>> {
        self.open_searchable_cv(cv_id, login_cutoff, |citizen_id| AccessEntry {
            citizen_id,
            at: now,
            actor_kind: ActorKind::Caseworker,
            actor_id: Some(caseworker.id().get()),
            actor_name: name.to_string(),
            organisation: jobcentre.to_string(),
            what: AccessWhat::OpenedCv,
            basis: AccessBasis::JobPlacement,
        })
        .await
    }

    /// Reads a searchable CV and records the opening (`opening`, given the owner) in one
    /// transaction.
    async fn open_searchable_cv(
        &self,
        cv_id: CvId,
        login_cutoff: DateTime<Utc>,
        opening: impl FnOnce(CitizenId) -> AccessEntry,
    ) -> Result<Option<OpenedCv>> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "SELECT p.*, c.hide_contact FROM cv_search s JOIN cvs c ON c.id = s.cv_id JOIN citizens p ON p.id = s.citizen_id \
             WHERE s.cv_id = $1 AND s.listed = 1 AND s.last_login_at > $2",
        )
        .bind(cv_id.get())
        .bind(ts(login_cutoff))
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let citizen_id = CitizenId::new(row.try_get("id")?);
        let owner = CvOwner {
            person: person_from_row(&row)?,
            phone: row.try_get("phone")?,
            email: row.try_get("email")?,
            hide_contact: row.try_get::<i64, _>("hide_contact")? != 0,
        };
        let entries = entries(&mut tx, cv_id.get()).await?;
        let opening = opening(citizen_id);
        access_log::record(&mut tx, &opening).await?;
        // An employer's opening is one of the research project's data points (seed 000).
        if let (ActorKind::Employer, Some(employer_id)) = (opening.actor_kind, opening.actor_id) {
            crate::statistics::record_cv_opening(&mut tx, citizen_id, employer_id, opening.at)
                .await?;
        }
        tx.commit().await?;
        Ok(Some(OpenedCv {
            owner,
            entries: entries.into_iter().map(|e| e.entry).collect(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(groups: &[&[&str]]) -> Vec<Vec<String>> {
        groups
            .iter()
            .map(|g| g.iter().map(|k| k.to_string()).collect())
            .collect()
    }

    fn totals(pairs: &[(&str, i64)]) -> BTreeMap<String, i64> {
        pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect()
    }

    #[test]
    fn a_search_with_words_starts_from_the_text_index() {
        assert_eq!(
            start_of(true, &keys(&[&["lic:CE"]]), &BTreeMap::new()),
            Start::Text
        );
    }

    #[test]
    fn a_filter_search_starts_from_the_filter_fewest_cvs_carry() {
        let t = totals(&[
            ("reg:1084", 300_000),
            ("lic:CE", 20_000),
            ("start:now", 400_000),
        ]);
        assert_eq!(
            start_of(
                false,
                &keys(&[&["reg:1084"], &["lic:CE"], &["start:now"]]),
                &t
            ),
            Start::Key(1)
        );
        // A key not counted yet (new since the last count) is taken as rare.
        assert_eq!(
            start_of(false, &keys(&[&["reg:1084"], &["lang:fo:A1"]]), &t),
            Start::Key(1)
        );
    }

    #[test]
    fn a_filter_of_several_keys_starts_only_when_few_carry_it() {
        let few = totals(&[
            ("mun:101", 9_000),
            ("mun:147", 9_000),
            ("reg:1084", 300_000),
        ]);
        assert_eq!(
            start_of(
                false,
                &keys(&[&["reg:1084"], &["mun:101", "mun:147"]]),
                &few
            ),
            Start::Keys(1)
        );
        let many = totals(&[("mun:101", 60_000), ("mun:147", 20_000)]);
        assert_eq!(
            start_of(false, &keys(&[&["mun:101", "mun:147"]]), &many),
            Start::Newest
        );
        assert_eq!(start_of(false, &[], &many), Start::Newest);
    }

    fn plan(backend: Backend, pairs: &[(&str, &str)], totals: &BTreeMap<String, i64>) -> Plan {
        let q = CvQuery::parse(&jobspor::cv_search::SearchForm::from_pairs(
            pairs.iter().copied(),
        ))
        .unwrap();
        Plan::build(
            backend,
            &q,
            Utc::now(),
            totals,
            Some("(\"tomrer\")".into()),
            TextRead::Index,
        )
    }

    fn text_bind(p: &Plan) -> &str {
        match &p.binds[p.text_param.unwrap() - 1] {
            Val::S(s) => s,
            Val::I(_) => panic!("the text parameter is a number"),
        }
    }

    #[test]
    fn with_words_only_the_filters_few_cvs_carry_are_searched_in_the_text_index() {
        let t = totals(&[("mun:101", 93_000), ("lic:B", 400_000)]);
        let sqlite = plan(
            Backend::Sqlite,
            &[("q", "tømrer"), ("kommune", "101"), ("koerekort", "B")],
            &t,
        );
        assert_eq!(
            text_bind(&sqlite),
            "body : ((\"tomrer\")) AND facet_words : (\"mun101\")"
        );
        // Every filter is still checked exactly in the keys text.
        assert!(
            sqlite.sql.contains("instr(s.facet_keys")
                && sqlite
                    .binds
                    .iter()
                    .any(|b| matches!(b, Val::S(s) if s == "|lic:B|"))
        );
        let postgres = plan(
            Backend::Postgres,
            &[("q", "tømrer"), ("kommune", "101"), ("koerekort", "B")],
            &t,
        );
        assert!(postgres.sql.contains("s.facet_lexemes @@"));
        assert!(postgres
            .binds
            .iter()
            .any(|b| matches!(b, Val::S(s) if s == "('mun:101')")));
        // Not counted yet: taken as rare, so searched in the index too.
        let uncounted = plan(
            Backend::Sqlite,
            &[("q", "tømrer"), ("koerekort", "B")],
            &BTreeMap::new(),
        );
        assert_eq!(
            text_bind(&uncounted),
            "body : ((\"tomrer\")) AND facet_words : (\"licB\")"
        );
        let common = plan(
            Backend::Postgres,
            &[("q", "tømrer"), ("koerekort", "B")],
            &t,
        );
        assert!(!common.sql.contains("facet_lexemes"));
    }

    #[test]
    fn postgres_merges_the_next_rarest_filter_only_when_about_as_few_carry_it() {
        let t = totals(&[
            ("mun:101", 93_000),
            ("lang:de:A1", 106_000),
            ("lic:B", 717_000),
            ("occ:Sygeplejerske", 11_000),
            ("reg:1084", 299_000),
        ]);
        let f = keys(&[&["lic:B"], &["lang:de:A1"], &["mun:101"]]);
        assert_eq!(
            merge_partner(2, &f, &t),
            Some(1),
            "the rarest other filter, not the first"
        );
        assert_eq!(
            merge_partner(0, &keys(&[&["occ:Sygeplejerske"], &["reg:1084"]]), &t),
            None,
            "27 times as many"
        );
        assert_eq!(
            merge_partner(0, &keys(&[&["mun:101"], &["mun:101", "mun:147"]]), &t),
            None,
            "a filter of several keys is never merged"
        );
        assert_eq!(merge_partner(0, &keys(&[&["mun:101"]]), &t), None);

        let sql = |pairs: &[(&str, &str)]| plan(Backend::Postgres, pairs, &t).sql;
        let merged = sql(&[("kommune", "101"), ("sprog", "de"), ("koerekort", "B")]);
        assert!(
            merged.contains(
                "JOIN cv_facets f1 ON f1.updated_at = f0.updated_at AND f1.cv_id = f0.cv_id"
            ),
            "{merged}"
        );
        assert_eq!(
            merged.matches("strpos(").count(),
            1,
            "the merged key is not checked again: {merged}"
        );
        let looked_up = sql(&[("stilling", "Sygeplejerske"), ("region", "1084")]);
        assert!(
            !looked_up.contains("f1") && looked_up.contains("strpos("),
            "{looked_up}"
        );
        // SQLite looks each other key up in `cv_facets` instead.
        assert!(
            !plan(Backend::Sqlite, &[("kommune", "101"), ("sprog", "de")], &t)
                .sql
                .contains("JOIN cv_facets f1")
        );
    }

    #[test]
    fn a_search_for_common_words_alone_reads_in_table_order() {
        // At 1M CVs: "rengøring" in 11.6%, "sosu" in 7.2%, "tømrer" in 2.7%.
        assert!(scan_in_table_order(&[Some((116_000, 0.116))]));
        assert!(scan_in_table_order(&[Some((72_000, 0.072))]));
        assert!(!scan_in_table_order(&[Some((27_000, 0.027))]));
        // As common a share among fewer CVs: the index gives its matches quickly.
        assert!(!scan_in_table_order(&[Some((11_600, 0.116))]));
        // Two words together are rarer than either; a word not counted counts as rare.
        assert!(!scan_in_table_order(&[
            Some((116_000, 0.116)),
            Some((72_000, 0.072))
        ]));
        assert!(scan_in_table_order(&[
            Some((116_000, 0.116)),
            Some((1_000_000, 1.0))
        ]));
        assert!(!scan_in_table_order(&[Some((116_000, 0.116)), None]));
        assert!(!scan_in_table_order(&[]));
    }

    #[test]
    fn reading_in_table_order_is_the_same_test_the_index_cannot_serve() {
        let q = CvQuery::parse(&jobspor::cv_search::SearchForm::from_pairs([(
            "q",
            "rengøring",
        )]))
        .unwrap();
        let scan = Plan::build(
            Backend::Postgres,
            &q,
            Utc::now(),
            &BTreeMap::new(),
            None,
            TextRead::TableOrder,
        );
        assert!(
            scan.sql
                .contains("(s.document @@ to_tsquery('danish', $1)) IS TRUE"),
            "{}",
            scan.sql
        );
        // In CV id order, the same rows every time, not where a sequential scan happens to start.
        assert!(scan.sql.contains("ORDER BY s.cv_id LIMIT"), "{}", scan.sql);
        let index = Plan::build(
            Backend::Postgres,
            &q,
            Utc::now(),
            &BTreeMap::new(),
            None,
            TextRead::Index,
        );
        assert!(
            index
                .sql
                .contains("s.document @@ to_tsquery('danish', $1) AND"),
            "{}",
            index.sql
        );
    }

    #[test]
    fn packed_matches_are_read_back_whole() {
        // A title in the keys may hold commas and spaces: the keys text is the last field.
        let text = "7\u{1f}1700000000\u{1f}-1.2345678901234567\u{1f}|occ:Kok, køkkenchef|mun:101|\u{1e}8\u{1f}1600000000\u{1f}0.0\u{1f}|";
        assert_eq!(
            Match::unpack(text).unwrap(),
            vec![
                Match {
                    cv_id: 7,
                    updated_at: 1_700_000_000,
                    keys: "|occ:Kok, køkkenchef|mun:101|".into(),
                    rank: -1.2345678901234567
                },
                Match {
                    cv_id: 8,
                    updated_at: 1_600_000_000,
                    keys: "|".into(),
                    rank: 0.0
                },
            ]
        );
        assert_eq!(Match::unpack("").unwrap(), vec![]);
        assert!(Match::unpack("7\u{1f}1700000000").is_err());
        assert!(Match::unpack("7\u{1f}x\u{1f}0\u{1f}|").is_err());
        let sqlite = plan(Backend::Sqlite, &[("q", "tømrer")], &BTreeMap::new());
        assert!(
            sqlite.sql.starts_with("SELECT group_concat("),
            "{}",
            sqlite.sql
        );
        assert!(
            !plan(Backend::Postgres, &[("q", "tømrer")], &BTreeMap::new())
                .sql
                .contains("string_agg")
        );
    }

    #[test]
    fn the_pool_is_every_page_there_is() {
        assert_eq!(POOL, (PAGE_SIZE * MAX_PAGE) as usize);
    }
}
