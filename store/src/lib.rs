//! Persistence for Jobspor: SQLite (the embedded default) and PostgreSQL (production), one
//! set of queries through sqlx's `Any` driver.
//!
//! Queries use `$1`-style parameters, which both engines accept, and portable types only:
//! times are UTC unix seconds (`BIGINT`), dates ISO text, flags 0/1. Where the engines'
//! SQL differs (search, later), the `Backend` picks the statement.

pub mod access_log;
pub mod backup;
#[cfg(feature = "synthetic")]
pub mod bulk;
pub mod case_lookups;
pub mod case_reads;
pub mod caseworkers;
pub mod citizens;
pub mod consents;
pub mod contact_requests;
pub mod cv;
pub mod employers;
pub mod eures;
pub mod flashes;
pub mod inbox;
pub mod joblog;
pub mod jobseekers;
pub mod login_failures;
pub mod meetings;
pub mod notice_scans;
pub mod outbox;
pub mod plans;
pub mod rights;
pub mod search;
pub mod search_index;
pub mod sessions;
pub mod sign_ins;
pub mod statistics;
#[cfg(feature = "testing")]
pub mod testing;
pub mod text;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyConnection, AnyPool, Executor, Row};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

pub use sqlx::Error as SqlxError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The engine behind a connection, for code that is handed a connection (a
    /// transaction) rather than the `Store`.
    pub(crate) fn of(conn: &AnyConnection) -> Backend {
        if conn.backend_name() == "SQLite" {
            Backend::Sqlite
        } else {
            Backend::Postgres
        }
    }
}

/// What a store call could not do. Each variant says what failed; the database's own
/// error is kept as the source, so a log line shows the whole chain.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique value is already someone else's.
    #[error("{0:?} is already taken")]
    Conflict(Unique),
    #[error("not found")]
    NotFound,
    /// The request was understood and refused by a rule (too many entries, a duplicate, a
    /// CV not ready for search): `key` is the message shown at the form.
    #[error("refused: {0}")]
    Refused(jobspor::Msg),
    /// A stored value that the core no longer accepts.
    #[error("stored {what} is not valid: {value:.80}")]
    Corrupt { what: &'static str, value: String },
    /// A value that could not be written as or read from JSON.
    #[error("{what} as JSON")]
    Json {
        what: &'static str,
        #[source]
        source: serde_json::Error,
    },
    #[error("unsupported database URL {0} (use sqlite:// or postgres://)")]
    UnsupportedUrl(String),
    #[error("cannot create the database folder {path}")]
    CreateFolder {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("a SQLite pragma that may not be read: {0}")]
    PragmaNotReadable(String),
    #[error("database migration failed")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database query failed")]
    Db(#[from] sqlx::Error),
}

/// The unique values a citizen or employer chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unique {
    Username,
    Cvr,
    Email,
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// How many bytes of a SQLite database file its connections read through a memory map. SQLite
/// silently caps it at the `SQLITE_MAX_MMAP_SIZE` it was compiled with, 2 GB unless
/// .cargo/config.toml raises it (the pragma test reads the value back).
pub const SQLITE_MMAP_SIZE: i64 = 64 << 30;

#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// SQLite: the turn to write. SQLite has one writer at a time; without this queue,
    /// concurrent `BEGIN IMMEDIATE`s wait in SQLite's busy handler, which sleeps and retries
    /// (1, 2, 5, 10 … 100 ms) rather than waking when the writer commits: at 8 citizens
    /// saving at once the CV-save benchmark's section p95 was 55 ms and its full-CV p99
    /// 1.27 s, with most of the time asleep. Taken in `begin_write` before a connection is
    /// taken from the pool, handed out first come, first served (tokio's fair mutex), and
    /// given back when the transaction ends. `None` on PostgreSQL, whose writers wait on
    /// row locks instead. The process's own queue: writers in another process (the
    /// `jobs` command) still meet `busy_timeout`.
    write_turn: Option<Arc<tokio::sync::Mutex<()>>>,
    /// The deletion ledger's key (`backup::LedgerKey`): the development key until the
    /// server sets the operator's (`with_ledger_key`).
    ledger_key: Arc<backup::LedgerKey>,
}

/// A write transaction (`Store::begin_write`): the transaction and, on SQLite, the turn to
/// write, held until it is committed or dropped (rolled back). Dereferences to the
/// connection, so queries run on `&mut *tx` as on a plain transaction.
pub(crate) struct WriteTx {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl WriteTx {
    pub(crate) async fn commit(self) -> Result<()> {
        self.tx.commit().await?;
        Ok(())
    }
}

impl std::ops::Deref for WriteTx {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }
}

impl Store {
    /// Connects, applies the engine's pragmas, and runs the migrations.
    ///
    /// `sqlite://path` creates the file (and its folder) if missing; `postgres://…` expects
    /// the database to exist.
    pub async fn connect(url: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            return Err(StoreError::UnsupportedUrl(redact_url(url)));
        };
        let url = match backend {
            Backend::Sqlite => sqlite_url_with_create(url)?,
            Backend::Postgres => url.to_string(),
        };
        let options = AnyConnectOptions::from_str(&url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 8,
                Backend::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(5))
            // A SQLite connection is a file opened in this process: it cannot go stale the
            // way a server's connection can, and the check on every acquire is a round trip
            // to the connection's own thread before each query of every page.
            .test_before_acquire(backend == Backend::Postgres)
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers run beside the writer; FULL makes a commit durable
                        // on power loss; foreign keys make ON DELETE CASCADE work.
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute("PRAGMA synchronous = FULL").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        conn.execute("PRAGMA busy_timeout = 5000").await?;
                        // 64 MB of page cache per connection instead of 2 MB: a search visits
                        // thousands of rows, and reading each page again from the OS tripled
                        // the time of filter searches at a million CVs (issue 5's note).
                        conn.execute("PRAGMA cache_size = -65536").await?;
                        // Reads through a memory map of the file as well: the connections then
                        // share the operating system's copy of each page instead of each
                        // copying it into its own cache, which cold connections of the pool
                        // paid for under load. Measured at 1M CVs through HTTP (2
                        // connections): SQLite's search page p95 from 44 / 90 / 46 to 30 /
                        // 61 / 36 ms for (a) / (b) / (c) with the first 2 GB mapped. The map
                        // now covers the whole file (5.4 GB at 1M CVs, 59% of the search rows
                        // past 2 GB): through HTTP, 37 / 88 / 50 -> 23 / 44 / 25 ms on one
                        // machine and database, the first 2 GB against the whole file.
                        // SQLite's default limit of 2 GB is raised where it is compiled
                        // (`SQLITE_MAX_MMAP_SIZE`, .cargo/config.toml).
                        conn.execute(format!("PRAGMA mmap_size = {SQLITE_MMAP_SIZE}").as_str())
                            .await?;
                    } else {
                        // Short queries, answered while someone waits: JIT compilation and
                        // parallel workers each cost more to start (measured: 60 ms for the
                        // workers of one search) than they save here.
                        conn.execute("SET jit = off").await?;
                        conn.execute("SET max_parallel_workers_per_gather = 0")
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        let write_turn =
            (backend == Backend::Sqlite).then(|| Arc::new(tokio::sync::Mutex::new(())));
        let store = Store {
            pool,
            backend,
            write_turn,
            ledger_key: Arc::new(backup::LedgerKey::development()),
        };
        store.migrate().await?;
        store.vacuum_after_rewrite().await?;
        store.index_unindexed_cvs().await?;
        Ok(store)
    }

    async fn migrate(&self) -> Result<()> {
        let result = match self.backend {
            Backend::Sqlite => sqlx::migrate!("migrations/sqlite").run(&self.pool).await,
            Backend::Postgres => sqlx::migrate!("migrations/postgres").run(&self.pool).await,
        };
        Ok(result?)
    }

    /// PostgreSQL: migration 0010 rewrites `cv_search` (CLUSTER), which empties its
    /// visibility map, and until a VACUUM fills it again every index-only read of
    /// `cv_search_filter` (each candidate of a filter search) also reads the row. Autovacuum
    /// would not come soon: the rewrite leaves nothing to clean. About 5 s at 1M CVs, once.
    async fn vacuum_after_rewrite(&self) -> Result<()> {
        if self.backend != Backend::Postgres {
            return Ok(());
        }
        let sql = "SELECT relpages > 0 AND relallvisible = 0 AS rewritten FROM pg_class WHERE oid = 'cv_search'::regclass";
        if sqlx::query(sql)
            .fetch_one(&self.pool)
            .await?
            .try_get::<bool, _>("rewritten")?
        {
            sqlx::query("VACUUM ANALYZE cv_search")
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }

    /// Begins a transaction that will write. On SQLite it first waits for the process's
    /// turn to write (`write_turn`), then is `BEGIN IMMEDIATE`, taking the write lock at
    /// once: a deferred transaction that reads and then writes cannot upgrade when another
    /// writer got there first and fails with "database is locked" instead of waiting out
    /// `busy_timeout` (found by the CV-save benchmark at 8 concurrent citizens). Never
    /// called while the same task holds a `WriteTx` (it would wait for itself).
    pub(crate) async fn begin_write(&self) -> Result<WriteTx> {
        let turn = match &self.write_turn {
            Some(t) => Some(t.clone().lock_owned().await),
            None => None,
        };
        let tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        Ok(WriteTx { tx, _turn: turn })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// For `/healthz`: does the database answer?
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// A SQLite pragma's value, for checking the connection settings in tests.
    pub async fn sqlite_pragma(&self, name: &str) -> Result<String> {
        let allowed = ["journal_mode", "synchronous", "foreign_keys", "mmap_size"];
        if !allowed.contains(&name) {
            return Err(StoreError::PragmaNotReadable(name.to_string()));
        }
        let row = sqlx::query(&format!("PRAGMA {name}"))
            .fetch_one(&self.pool)
            .await?;
        // journal_mode answers text, the others integers.
        Ok(row
            .try_get::<String, _>(0)
            .or_else(|_| row.try_get::<i64, _>(0).map(|v| v.to_string()))?)
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Adds `mode=rwc` so SQLite creates the file, and creates the parent folder.
fn sqlite_url_with_create(url: &str) -> Result<String> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    let path = path.split('?').next().unwrap_or_default();
    if path != ":memory:" && !path.is_empty() {
        if let Some(parent) = std::path::Path::new(path).parent() {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent).map_err(|source| StoreError::CreateFolder {
                    path: parent.to_path_buf(),
                    source,
                })?;
            }
        }
    }
    Ok(if url.contains('?') {
        url.to_string()
    } else {
        format!("{url}?mode=rwc")
    })
}

/// A database URL without its password, for logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => format!("{}://***@{}", &url[..s], &url[at + 1..]),
        _ => url.to_string(),
    }
}

/// True for a unique-constraint violation; `column` narrows it to one column when the
/// engine's message names it.
fn is_unique_violation(e: &sqlx::Error, column: &str) -> bool {
    match e {
        sqlx::Error::Database(db) => {
            db.is_unique_violation()
                && (db.message().contains(column)
                    || db.constraint().is_some_and(|c| c.contains(column)))
        }
        _ => false,
    }
}

pub(crate) fn ts(t: chrono::DateTime<chrono::Utc>) -> i64 {
    t.timestamp()
}

pub(crate) fn from_ts(secs: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

/// `($1,$2),($3,$4),…`: the VALUES of a multi-row INSERT of `rows` rows of `cols` columns.
pub(crate) fn placeholders(rows: usize, cols: usize) -> String {
    (0..rows)
        .map(|r| {
            format!(
                "({})",
                (1..=cols)
                    .map(|c| format!("${}", r * cols + c))
                    .collect::<Vec<_>>()
                    .join(",")
            )
        })
        .collect::<Vec<_>>()
        .join(",")
}

pub(crate) fn flag(b: bool) -> i64 {
    i64::from(b)
}

#[cfg(test)]
mod tests {
    #[test]
    fn urls_are_redacted() {
        assert_eq!(
            super::redact_url("postgres://u:secret@h:5432/db"),
            "postgres://***@h:5432/db"
        );
        assert_eq!(
            super::redact_url("sqlite://data/x.db"),
            "sqlite://data/x.db"
        );
    }
}
