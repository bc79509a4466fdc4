//! The population the store benchmarks share (`cv_search`, `notice_scan`): a million
//! synthetic citizens, kept between runs because loading them takes minutes. SQLite at
//! `$JOBSPOR_BENCH_DIR/search.db` (default `~/.cache/jobspor/bench/search.db`), PostgreSQL as
//! the database `SEARCH_BENCH_PG_DB` (default `jobspor_bench`) on the `TEST_DATABASE_URL`
//! server (default `postgres://postgres@127.0.0.1:5432/test`), created if missing. Each is
//! topped up to `SEARCH_BENCH_CVS` synthetic citizens (default 1,000,000) with
//! `generate::run`, seed 1, with the fixed clock 2026-11-22 10:00 UTC. `SEARCH_BENCH_ENGINES`
//! (`sqlite,postgres`) picks the engines.
use anyhow::Context;
use chrono::{DateTime, TimeZone, Utc};
use jobspor_store::Store;
use jobspor_testkit::pg;
use std::path::PathBuf;

const DEFAULT_PG_DB: &str = "jobspor_bench";
const DEFAULT_CVS: u64 = 1_000_000;
/// Seed of the synthetic data, as `jobspor-server generate` uses by default.
const SEED: u64 = 1;

/// The fixed clock of loading.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap()
}

/// Synthetic citizens wanted (`SEARCH_BENCH_CVS`).
pub fn wanted() -> u64 {
    match std::env::var("SEARCH_BENCH_CVS") {
        Ok(v) => v
            .replace(['_', '.'], "")
            .parse()
            .unwrap_or_else(|_| panic!("SEARCH_BENCH_CVS={v}: not a number")),
        Err(_) => DEFAULT_CVS,
    }
}

/// The engines to measure (`SEARCH_BENCH_ENGINES`, default both).
pub fn engines() -> Vec<Engine> {
    std::env::var("SEARCH_BENCH_ENGINES")
        .unwrap_or_else(|_| "sqlite,postgres".into())
        .split(',')
        .map(|e| e.trim().to_lowercase())
        .filter(|e| !e.is_empty())
        .map(|e| match e.as_str() {
            "sqlite" => Engine::Sqlite,
            "postgres" => Engine::Postgres,
            _ => panic!("SEARCH_BENCH_ENGINES: unknown engine {e} (sqlite, postgres)"),
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Sqlite => "SQLite",
            Engine::Postgres => "PostgreSQL",
        }
    }
}

/// A population's database, opened and topped up.
pub struct Population {
    pub store: Store,
    /// Synthetic citizens it holds.
    pub citizens: u64,
    /// Whether this run loaded some (loading also refreshes the search's counts).
    pub loaded: bool,
    /// Where it is and how the engine is set, for the benchmark's first lines.
    pub description: String,
}

impl Population {
    /// The benchmark's line about it: where it is, how the engine is set, how many.
    pub fn say(&self, name: &str) {
        println!(
            "{name}: {} ({} synthetic citizens{})",
            self.description,
            self.citizens,
            if self.loaded { ", some loaded now" } else { "" }
        );
    }
}

/// What opening a population came to.
pub enum Opened {
    Ready(Population),
    /// No PostgreSQL answered: the benchmark says `SKIPPED PostgreSQL: …` and goes on.
    Skipped(String),
    Failed(String),
}

/// Opens the engine's population, saying `SKIPPED …` or `FAILED …` when it cannot:
/// `Err(ok)` is then the engine's result (a skip is no failure).
pub async fn open_or_say(engine: Engine, wanted: u64) -> Result<Population, bool> {
    let name = engine.name();
    match open(engine, wanted).await {
        Opened::Ready(p) => Ok(p),
        Opened::Skipped(why) => {
            println!("SKIPPED {name}: {why}");
            Err(true)
        }
        Opened::Failed(why) => {
            println!("FAILED {name}: {why}");
            Err(false)
        }
    }
}

/// Runs `measure` for each engine (`SEARCH_BENCH_ENGINES`) on a multi-threaded runtime,
/// prints the total time, and exits with 1 if an engine failed.
pub fn run<F, Fut>(measure: F)
where
    F: Fn(Engine) -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let started = std::time::Instant::now();
    let ok = rt.block_on(async {
        let mut ok = true;
        for e in engines() {
            ok &= measure(e).await;
        }
        ok
    });
    println!("total time {:.1} s", started.elapsed().as_secs_f64());
    if !ok {
        std::process::exit(1);
    }
}

/// Opens the engine's population database and tops it up to `wanted`.
pub async fn open(engine: Engine, wanted: u64) -> Opened {
    let (store, description) = match engine {
        Engine::Sqlite => match sqlite().await {
            Ok(s) => s,
            Err(why) => return Opened::Failed(why),
        },
        Engine::Postgres => match postgres().await {
            Ok(s) => s,
            Err(not) => return not,
        },
    };
    match top_up(engine.name(), &store, wanted).await {
        Ok((citizens, loaded)) => Opened::Ready(Population {
            store,
            citizens,
            loaded,
            description,
        }),
        Err(e) => {
            store.close().await;
            Opened::Failed(format!("loading synthetic CVs: {e:#}"))
        }
    }
}

/// Tops the store up to `wanted` synthetic citizens: how many it holds, and whether some
/// were loaded now.
async fn top_up(engine: &str, store: &Store, wanted: u64) -> anyhow::Result<(u64, bool)> {
    let have = store.synthetic_citizens().await?;
    if have < wanted {
        println!(
            "{engine}: {have} synthetic citizens loaded, {wanted} wanted: loading {} more (seed {SEED}, clock {}); this takes a while",
            wanted - have,
            now()
        );
        jobspor_server::generate::run(store, wanted - have, SEED, now())
            .await
            .context("generate")?;
        return Ok((store.synthetic_citizens().await?, true));
    }
    if have > wanted {
        println!("{engine}: note: the database holds {have} synthetic citizens, more than the {wanted} wanted; using all of them");
    }
    Ok((have, false))
}

fn bench_dir() -> PathBuf {
    match std::env::var_os("JOBSPOR_BENCH_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => PathBuf::from(std::env::var_os("HOME").unwrap_or_else(|| ".".into()))
            .join(".cache/jobspor/bench"),
    }
}

async fn sqlite() -> Result<(Store, String), String> {
    let path = bench_dir().join("search.db");
    let store = Store::connect(&format!("sqlite://{}", path.display()))
        .await
        .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let mut pragmas = Vec::new();
    for p in ["journal_mode", "synchronous"] {
        let v = store
            .sqlite_pragma(p)
            .await
            .unwrap_or_else(|e| format!("? ({e})"));
        pragmas.push(format!("{p}={v}"));
    }
    Ok((
        store,
        format!("{} ({})", path.display(), pragmas.join(", ")),
    ))
}

async fn postgres() -> Result<(Store, String), Opened> {
    let db = std::env::var("SEARCH_BENCH_PG_DB")
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| DEFAULT_PG_DB.to_string());
    if !db
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        || db.starts_with(|c: char| c.is_ascii_digit())
    {
        panic!("SEARCH_BENCH_PG_DB={db}: use lower case letters, digits and _ only");
    }
    let mut server = pg::connect_admin().await.map_err(Opened::Skipped)?;
    let shown = server.shown.clone();
    let exists = server
        .exists(&db)
        .await
        .map_err(|e| Opened::Skipped(format!("cannot list the databases on {shown}: {e}")))?;
    if !exists {
        println!("PostgreSQL: creating database {db} on {shown}");
        server
            .create(&db)
            .await
            .map_err(|e| Opened::Skipped(format!("cannot create database {db} on {shown}: {e}")))?;
    }
    let settings = server
        .settings(&["server_version", "shared_buffers", "work_mem", "jit"])
        .await;
    let url = server.url_of(&db);
    server.close().await;
    let store = Store::connect(&url)
        .await
        .map_err(|e| Opened::Failed(format!("cannot open database {db}: {e}")))?;
    Ok((store, format!("{shown}, database {db} ({settings})")))
}
