//! Test and benchmark support (feature `testing`). Runs a store test against every engine:
//! SQLite always (a fresh file per test), and PostgreSQL when `TEST_DATABASE_URL` answers (a
//! fresh database per test, dropped after). Here rather than in `jobspor-testkit` because the
//! store's own integration tests use it, and some helpers read the pool; the testkit
//! re-exports it.
// Printing is this file's job: tests say on the terminal which engine they skipped.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use crate::{ts, Backend, Result, Store};
use chrono::{DateTime, Utc};
use jobspor::cv_search::PAGE_SIZE;
use sqlx::{Connection, Executor};
use std::future::Future;
use std::sync::atomic::{AtomicU32, Ordering};

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A person as the CPR register gives one, for store tests: `first` Jensen, born 12 May
/// 1990, at Søndergade 1, 8000 Aarhus C, no address protection.
pub fn person(first: &str) -> jobspor::person::RegisterPerson {
    jobspor::person::RegisterPerson {
        birthday: chrono::NaiveDate::from_ymd_opt(1990, 5, 12).expect("a date"),
        gender: jobspor::person::Gender::Female,
        first_name: first.into(),
        middle_name: None,
        surname: "Jensen".into(),
        street: "Søndergade 1".into(),
        co_address: None,
        postcode: "8000".into(),
        city: "Aarhus C".into(),
        country: "DK".into(),
        municipality_code: Some("751".into()),
        municipality: Some("Aarhus".into()),
        protected_address: false,
        status: jobspor::person::CprStatus::Active,
    }
}

/// A name no other test or run of this process has used: `prefix_pid_n_nanos`.
pub fn unique(prefix: &str) -> String {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("{prefix}_{}_{}_{}", std::process::id(), n, nanos)
}

pub async fn sqlite() -> (Store, std::path::PathBuf) {
    let dir = std::env::temp_dir().join("jobspor-tests");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("{}.db", unique("t")));
    let store = Store::connect(&format!("sqlite://{}", path.display()))
        .await
        .expect("sqlite store");
    (store, path)
}

/// A fresh PostgreSQL database, or `None` (with a line saying why) when none is reachable.
pub async fn postgres() -> Option<(Store, String, String)> {
    sqlx::any::install_default_drivers();
    let Ok(admin_url) = std::env::var("TEST_DATABASE_URL") else {
        eprintln!(
            "SKIPPED PostgreSQL: TEST_DATABASE_URL is not set; store tests ran on SQLite only"
        );
        return None;
    };
    let mut admin = match sqlx::AnyConnection::connect(&admin_url).await {
        Ok(c) => c,
        Err(e) => {
            eprintln!("SKIPPED PostgreSQL: cannot reach TEST_DATABASE_URL ({e}); store tests ran on SQLite only");
            return None;
        }
    };
    let name = unique("jobspor_t");
    admin
        .execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .expect("create test database");
    let url = database_url(&admin_url, &name);
    let store = Store::connect(&url).await.expect("postgres store");
    Some((store, admin_url, name))
}

/// `url` with its database name replaced by `db`, keeping any `?parameters`.
pub fn database_url(url: &str, db: &str) -> String {
    let (base, params) = match url.split_once('?') {
        Some((b, p)) => (b, format!("?{p}")),
        None => (url, String::new()),
    };
    let server = base.rsplit_once('/').map(|(s, _)| s).unwrap_or(base);
    format!("{server}/{db}{params}")
}

/// Runs raw SQL against the store's database behind its back: a test's tampering.
pub async fn tamper(store: &Store, sql: &str) {
    sqlx::query(sql)
        .execute(&store.pool)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// Three numbers a query behind the store's back answers (counts a test checks).
pub async fn counts(store: &Store, sql: &str) -> (i64, i64, i64) {
    let row = sqlx::query(sql)
        .fetch_one(&store.pool)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    use sqlx::Row;
    (row.get(0), row.get(1), row.get(2))
}

/// Every value of every column of every table, as text: (table, column, value). For the
/// test that looks for a full client address in the whole database.
pub async fn every_value(store: &Store) -> Vec<(String, String, String)> {
    use sqlx::Row;
    let columns_sql = match store.backend {
        Backend::Sqlite => {
            "SELECT m.name AS t, p.name AS c FROM sqlite_master m \
             JOIN pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY m.name, p.cid"
        }
        Backend::Postgres => {
            "SELECT table_name::text AS t, column_name::text AS c \
             FROM information_schema.columns WHERE table_schema = 'public' \
             ORDER BY table_name, ordinal_position"
        }
    };
    let columns: Vec<(String, String)> = sqlx::query(columns_sql)
        .fetch_all(&store.pool)
        .await
        .expect("the catalogue")
        .iter()
        .map(|r| (r.get("t"), r.get("c")))
        .collect();
    let mut out = Vec::new();
    for (t, c) in columns {
        // SQLite's `quote` writes a blob as hex (a cast would give bytes that are not
        // UTF-8) and text quoted; PostgreSQL's cast writes bytea as hex.
        let sql = match store.backend {
            Backend::Sqlite => format!("SELECT quote(\"{c}\") AS v FROM \"{t}\""),
            Backend::Postgres => format!("SELECT CAST(\"{c}\" AS TEXT) AS v FROM \"{t}\""),
        };
        for r in sqlx::query(&sql)
            .fetch_all(&store.pool)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
        {
            if let Ok(Some(v)) = r.try_get::<Option<String>, _>("v") {
                out.push((t.clone(), c.clone(), v));
            }
        }
    }
    out
}

/// Drops a test database made by `postgres`.
pub async fn drop_database(admin_url: &str, name: &str) {
    if let Ok(mut admin) = sqlx::AnyConnection::connect(admin_url).await {
        let _ = admin
            .execute(format!("DROP DATABASE IF EXISTS {name}").as_str())
            .await;
    }
}

/// Runs `test` on each available engine, labelled so a failure names its engine.
pub async fn each_backend<F, Fut>(test: F)
where
    F: Fn(Store) -> Fut,
    Fut: Future<Output = ()>,
{
    let (store, path) = sqlite().await;
    eprintln!("-- on SQLite");
    test(store.clone()).await;
    store.close().await;
    let _ = std::fs::remove_file(&path);

    if let Some((store, admin_url, name)) = postgres().await {
        eprintln!("-- on PostgreSQL");
        test(store.clone()).await;
        store.close().await;
        drop_database(&admin_url, &name).await;
    }
}

/// PostgreSQL: a word's row in `cv_word_totals` (estimated rows, share), if counted.
pub async fn word_total(store: &Store, lexeme: &str) -> Option<(i64, f64)> {
    use sqlx::Row;
    let row = sqlx::query("SELECT n, share FROM cv_word_totals WHERE lexeme = $1")
        .bind(lexeme)
        .fetch_optional(&store.pool)
        .await
        .expect("word totals");
    row.map(|r| (r.get("n"), r.get("share")))
}

/// PostgreSQL: counts `lexemes` as words of every one of ten million CVs, so that a search
/// for them reads the rows in table order, as it would at that scale.
pub async fn count_words_as_common(store: &Store, lexemes: &[&str]) {
    for l in lexemes {
        sqlx::query("INSERT INTO cv_word_totals (lexeme, n, share) VALUES ($1, 10000000, 1.0) ON CONFLICT (lexeme) DO UPDATE SET n = excluded.n, share = excluded.share")
            .bind(*l)
            .execute(&store.pool)
            .await
            .expect("word totals");
    }
}

/// Sets how many CVs carry each key (`cv_facet_totals`), as the daily count would at a
/// larger scale, so that a search chooses its plan as it would there.
pub async fn count_keys(store: &Store, counts: &[(&str, i64)]) {
    for (key, n) in counts {
        sqlx::query("INSERT INTO cv_facet_totals (facet, n) VALUES ($1, $2) ON CONFLICT (facet) DO UPDATE SET n = excluded.n")
            .bind(*key)
            .bind(*n)
            .execute(&store.pool)
            .await
            .expect("facet totals");
    }
}

/// SQLite: the words the text index holds that `cv_body_words` lacks, and those it holds
/// that the index lacks.
pub async fn body_words_apart(store: &Store) -> (Vec<String>, Vec<String>) {
    use sqlx::Row;
    let terms = |sql: &'static str| async move {
        sqlx::query(sql)
            .fetch_all(&store.pool)
            .await
            .expect("body words")
            .iter()
            .map(|r| r.get::<String, _>("term"))
            .collect()
    };
    (
        terms("SELECT term FROM cv_fts_vocab WHERE col = 'body' EXCEPT SELECT term FROM cv_body_words").await,
        terms("SELECT term FROM cv_body_words EXCEPT SELECT term FROM cv_fts_vocab WHERE col = 'body'").await,
    )
}

/// SQLite: drops `term` from `cv_body_words`, as if this store had read a word differently
/// from FTS5's tokenizer.
pub async fn forget_body_word(store: &Store, term: &str) {
    sqlx::query("DELETE FROM cv_body_words WHERE term = $1")
        .bind(term)
        .execute(&store.pool)
        .await
        .expect("body words");
}

/// How a developer would first write the one-word search, for the search benchmark's
/// comparison only: `LIKE '%word%'` on SQLite, `to_tsvector` computed per row (no index) on
/// PostgreSQL; the count and the first page, as `Store::search_cvs` gives.
pub async fn naive_text_search(
    store: &Store,
    word: &str,
    login_cutoff: DateTime<Utc>,
) -> Result<(i64, Vec<i64>)> {
    use sqlx::Row;
    let matches = match store.backend {
        Backend::Sqlite => "FROM cv_search s WHERE s.body LIKE '%' || $1 || '%' AND s.listed = 1 AND s.last_login_at > $2",
        Backend::Postgres => "FROM cv_search s WHERE to_tsvector('danish', s.body) @@ plainto_tsquery('danish', $1) AND s.listed = 1 AND s.last_login_at > $2",
    };
    let page = format!("SELECT s.cv_id {matches} ORDER BY s.updated_at DESC LIMIT {PAGE_SIZE}");
    let rows = sqlx::query(&page)
        .bind(word)
        .bind(ts(login_cutoff))
        .fetch_all(&store.pool)
        .await?;
    let ids = rows
        .iter()
        .map(|r| r.try_get("cv_id"))
        .collect::<std::result::Result<_, _>>()?;
    let count = format!("SELECT COUNT(*) AS n {matches}");
    let n: i64 = sqlx::query(&count)
        .bind(word)
        .bind(ts(login_cutoff))
        .fetch_one(&store.pool)
        .await?
        .try_get("n")?;
    Ok((n, ids))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_database_url_keeps_the_server_and_the_parameters() {
        assert_eq!(
            super::database_url("postgres://u@h:5432/test", "jobspor_t_1"),
            "postgres://u@h:5432/jobspor_t_1"
        );
        assert_eq!(
            super::database_url("postgres://u@h/test?sslmode=disable", "b"),
            "postgres://u@h/b?sslmode=disable"
        );
    }
}
