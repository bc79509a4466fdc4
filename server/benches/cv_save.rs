//! Benchmark: saving a full CV through the server function `POST /api/cv/entry/save`, on
//! SQLite (WAL, synchronous=FULL, as `Store::connect` sets it) and on PostgreSQL
//! (`TEST_DATABASE_URL`, default `postgres://postgres@127.0.0.1:5432/test`; skipped with a
//! `SKIPPED PostgreSQL: …` line when it does not answer).
//!
//! The real app runs in-process on a random port; citizens are real HTTP clients with their
//! own cookie session, logged in through the simulated MitID with a completed profile.
//!
//! One "full CV save" = the 14 section saves of one citizen, one after the other, as a
//! citizen clicking through the CV would do; every field of every section is filled in. Each
//! citizen's CV is created once (14 new entries, not timed), so every timed round edits the
//! 14 existing entries by id, with texts that change every round. Every request made while
//! the clock runs is a measured save (no deletes or re-creations in between), and the CV has
//! the same size in every round.
//!
//! Run: `cargo bench -p jobspor-server --bench cv_save` (see bench/README.md).
// Printing is this file's job: a benchmark prints its figures.
#![allow(clippy::print_stdout, clippy::print_stderr)]
use jobspor::person::CprStatus;
use jobspor_app::ssr::cpr_register::{CprRegister, SimulatedCprRegister};
use jobspor_store::Store;
use jobspor_testkit::{client, pg, spawn, TestApp};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Barrier;
use tokio::task::JoinSet;

/// Untimed full CV saves per level, shared out over its citizens (at least one each).
const WARMUP_ROUNDS: usize = 10;
/// Timed full CV saves per level, shared out over its citizens (`CV_SAVE_ROUNDS` overrides).
const ROUNDS: usize = 200;
/// Citizens saving at the same time, each with its own client and session.
const CONCURRENCY: [usize; 2] = [1, 8];

/// Every section of the CV, in the order the CV shows them.
const SECTIONS: [&str; 14] = [
    "job_wish",
    "introduction",
    "work_experience",
    "education",
    "course",
    "certification",
    "qualification",
    "driving_licence",
    "language",
    "it_skill",
    "why_applying",
    "volunteer",
    "special_considerations",
    "absence",
];

/// A section's form with every field filled in; the texts change with `round`, the values
/// a CV may hold only once (occupation, qualification, licence, language) do not.
fn form(section: &str, round: usize) -> Vec<(&'static str, String)> {
    let s = |v: &str| v.to_string();
    match section {
        "job_wish" => vec![
            ("occupation", s("Sygeplejerske")),
            ("education", s("completed")),
            ("experience", s("over_5")),
            ("working_time", s(if round.is_multiple_of(2) { "full_time" } else { "part_time" })),
            ("employment_type", s("permanent")),
            ("start_when", s("from_date")),
            ("start_date", s("2026-12-01")),
            ("conditions", format!("Helst dagvagter og under en times transport hver vej (version {round}).")),
        ],
        "introduction" => vec![(
            "text",
            format!(
                "Jeg er uddannet sygeplejerske med ti års erfaring fra medicinsk og kirurgisk afdeling. \
                 Jeg er rolig, grundig og glad for at arbejde tæt sammen med patienter, pårørende og kolleger. \
                 Jeg søger nye udfordringer i et team, hvor faglighed og omsorg går hånd i hånd (version {round})."
            ),
        )],
        "work_experience" => vec![
            ("position", s("Sygeplejerske")),
            ("workplace", s("Aarhus Universitetshospital")),
            ("tasks", format!("Pleje og behandling af indlagte patienter, medicingivning, sårpleje og vejledning af studerende (version {round}).")),
            ("good_at", format!("Overblik i travle vagter, samarbejde på tværs af faggrupper og dokumentation (version {round}).")),
            ("start", s("2015-08-01")),
            ("end", s("2024-12-31")),
        ],
        "education" => vec![
            ("education", s("Professionsbachelor i sygepleje")),
            ("institution", s("VIA University College")),
            ("description", format!("Klinisk undervisning på medicinsk, kirurgisk og psykiatrisk afdeling samt i hjemmeplejen (version {round}).")),
            ("start", s("2011-08-01")),
            ("end", s("2015-06-30")),
        ],
        "course" => vec![
            ("course", s("Førstehjælp på arbejdspladsen")),
            ("description", format!("Hjerte-lunge-redning, brug af hjertestarter og førstehjælp ved ulykker (version {round}).")),
            ("end_year", s("2024")),
            ("length_days", s("2")),
        ],
        "certification" => vec![
            ("certificate", s("Truckcertifikat B")),
            ("description", format!("Gaffeltruck op til 10 tons (version {round}).")),
            ("valid_until_year", s("2030")),
        ],
        "qualification" => vec![("qualification", s("Sårpleje"))],
        "driving_licence" => vec![("category", s("B"))],
        "language" => vec![("language", s("en")), ("level", s(if round.is_multiple_of(2) { "B2" } else { "C1" }))],
        "it_skill" => vec![("skill", s("Excel")), ("level", s(if round.is_multiple_of(2) { "advanced" } else { "expert" }))],
        "why_applying" => vec![
            ("company", s("Region Midtjylland")),
            ("text", format!("Jeg vil gerne arbejde tæt på borgerne og bidrage til et sundhedsvæsen i udvikling (version {round}).")),
        ],
        "volunteer" => vec![
            ("role", s("Fodboldtræner")),
            ("organisation", s("Aarhus 1900")),
            ("start", s("2019-08-01")),
            ("end", s("2023-06-30")),
            ("tasks", format!("Træning af U12-holdet to gange om ugen og kampe i weekenden (version {round}).")),
        ],
        "special_considerations" => vec![("text", format!("Jeg kan ikke løfte over 15 kg på grund af en skulderskade (version {round})."))],
        "absence" => vec![("kind", s("vacation")), ("from", s("2026-07-06")), ("to", s("2026-07-24"))],
        other => panic!("no form for section {other}"),
    }
}

/// The benchmark's own calls on the app of `jobspor_testkit`.
trait Saving {
    async fn save(&self, c: &reqwest::Client, section: &str, id: &str, round: usize);
    async fn full_save(
        &self,
        c: &reqwest::Client,
        ids: &BTreeMap<String, String>,
        round: usize,
    ) -> Vec<Duration>;
}

impl Saving for TestApp {
    /// One section save: `id` empty for a new entry.
    async fn save(&self, c: &reqwest::Client, section: &str, id: &str, round: usize) {
        let mut pairs = vec![
            ("section".to_string(), section.to_string()),
            ("id".to_string(), id.to_string()),
        ];
        pairs.extend(
            form(section, round)
                .into_iter()
                .map(|(k, v)| (format!("form[{k}]"), v)),
        );
        let pairs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        self.ok(c, "cv/entry/save", &pairs).await;
    }

    /// One full CV save: every section, one after the other. Returns each section's time.
    async fn full_save(
        &self,
        c: &reqwest::Client,
        ids: &BTreeMap<String, String>,
        round: usize,
    ) -> Vec<Duration> {
        let mut times = Vec::with_capacity(SECTIONS.len());
        for section in SECTIONS {
            let t = Instant::now();
            self.save(c, section, &ids[section], round).await;
            times.push(t.elapsed());
        }
        times
    }
}

#[derive(Default)]
struct Samples {
    /// Full CV saves.
    full: Vec<Duration>,
    /// Single section saves.
    section: Vec<Duration>,
}

/// A citizen logged in on its own client, with the id of its entry in each section.
struct Citizen {
    client: reqwest::Client,
    ids: BTreeMap<String, String>,
}

/// Logs a citizen in, completes the profile and creates the CV: one new entry per section.
/// Not timed, and done one citizen at a time (it is not what is measured).
async fn setup(app: &TestApp, cpr: &str, username: &str) -> Citizen {
    let client = client();
    app.citizen(&client, cpr, username).await;
    for section in SECTIONS {
        app.save(&client, section, "", 0).await;
    }
    let mine: serde_json::Value =
        serde_json::from_str(&app.ok(&client, "cv/mine", &[]).await).unwrap();
    let mut ids = BTreeMap::new();
    for e in mine["entries"].as_array().expect("entries") {
        let id = e[0].as_i64().expect("an entry id");
        let section = e[1]["section"].as_str().expect("a section").to_string();
        assert!(
            ids.insert(section.clone(), id.to_string()).is_none(),
            "two entries in {section}"
        );
    }
    assert_eq!(ids.len(), SECTIONS.len(), "one entry per section: {ids:?}");
    Citizen { client, ids }
}

/// One citizen saving: warms up, waits for the others, then times `rounds` full CV saves.
async fn citizen_worker(
    app: Arc<TestApp>,
    citizen: Citizen,
    warmup: usize,
    rounds: usize,
    start: Arc<Barrier>,
) -> Samples {
    let Citizen { client: c, ids } = citizen;
    for round in 1..=warmup {
        app.full_save(&c, &ids, round).await;
    }
    start.wait().await;
    let mut s = Samples::default();
    for round in warmup + 1..=warmup + rounds {
        let t = Instant::now();
        let sections = app.full_save(&c, &ids, round).await;
        s.full.push(t.elapsed());
        s.section.extend(sections);
    }
    s
}

struct Level {
    citizens: usize,
    full_saves: usize,
    wall: Duration,
    samples: Samples,
}

/// One level: a citizen per CPR number in `cprs`, all saving at once.
async fn run_level(
    app: &Arc<TestApp>,
    engine_tag: &str,
    cprs: &[String],
    rounds_total: usize,
) -> Result<Level, String> {
    let n = cprs.len();
    let mut citizens = Vec::new();
    for (i, cpr) in cprs.iter().enumerate() {
        let app = app.clone();
        let (cpr, username) = (cpr.clone(), format!("bench_{engine_tag}_{n}_{i}"));
        // In a task of its own, so a refusal is reported like one while saving.
        match tokio::spawn(async move { setup(&app, &cpr, &username).await }).await {
            Ok(c) => citizens.push(c),
            Err(e) => return Err(format!("setting up citizen {}: {}", i + 1, panic_text(e))),
        }
    }
    let start = Arc::new(Barrier::new(n + 1));
    let mut workers = JoinSet::new();
    for (i, citizen) in citizens.into_iter().enumerate() {
        // Share the rounds out: the first ones take the remainder.
        let rounds = rounds_total / n + usize::from(i < rounds_total % n);
        let warmup = (WARMUP_ROUNDS / n + usize::from(i < WARMUP_ROUNDS % n)).max(1);
        workers.spawn(citizen_worker(
            app.clone(),
            citizen,
            warmup,
            rounds,
            start.clone(),
        ));
    }
    // A citizen only finishes after the timed rounds: one that finishes first has failed.
    tokio::select! {
        _ = start.wait() => {}
        Some(r) = workers.join_next() => {
            let e = r.err().map(panic_text).unwrap_or_else(|| "a citizen stopped before the timed rounds".into());
            stop(workers).await;
            return Err(e);
        }
    }
    let t = Instant::now();
    let mut samples = Samples::default();
    while let Some(r) = workers.join_next().await {
        match r {
            Ok(s) => {
                samples.full.extend(s.full);
                samples.section.extend(s.section);
            }
            Err(e) => {
                stop(workers).await;
                return Err(panic_text(e));
            }
        }
    }
    let wall = t.elapsed();
    Ok(Level {
        citizens: n,
        full_saves: samples.full.len(),
        wall,
        samples,
    })
}

/// Stops the other citizens after one failed, and waits until they have.
async fn stop(mut workers: JoinSet<Samples>) {
    workers.abort_all();
    while workers.join_next().await.is_some() {}
}

fn panic_text(e: tokio::task::JoinError) -> String {
    if !e.is_panic() {
        return e.to_string();
    }
    let p = e.into_panic();
    p.downcast_ref::<String>()
        .cloned()
        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "a panic".into())
}

/// Nearest-rank percentile of sorted samples, in milliseconds.
fn percentile_ms(sorted: &[Duration], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1].as_secs_f64() * 1000.0
}

fn header() {
    println!(
        "{:<12} {:>9} {:>10} {:>11} {:>14} {:>10} {:>10} {:>10} {:>15}",
        "engine",
        "citizens",
        "full saves",
        "full CV/s",
        "section sav/s",
        "CV p50 ms",
        "CV p95 ms",
        "CV p99 ms",
        "section p95 ms"
    );
}

fn report(engine: &str, mut l: Level) {
    l.samples.full.sort();
    l.samples.section.sort();
    let secs = l.wall.as_secs_f64();
    println!(
        "{:<12} {:>9} {:>10} {:>11.2} {:>14.1} {:>10.1} {:>10.1} {:>10.1} {:>15.2}",
        engine,
        l.citizens,
        l.full_saves,
        l.full_saves as f64 / secs,
        l.samples.section.len() as f64 / secs,
        percentile_ms(&l.samples.full, 50.0),
        percentile_ms(&l.samples.full, 95.0),
        percentile_ms(&l.samples.full, 99.0),
        percentile_ms(&l.samples.section, 95.0),
    );
}

/// Runs every concurrency level against one store; `false` when one failed.
async fn bench_engine(
    engine: &str,
    engine_tag: &str,
    store: Store,
    cprs: &[String],
    rounds: usize,
) -> bool {
    let app = Arc::new(spawn(store).await);
    header();
    let mut used = 0;
    let mut all_ok = true;
    for n in CONCURRENCY {
        // Fresh citizens for every level: nobody's CV is saved by two levels.
        let these = &cprs[used..used + n];
        used += n;
        match run_level(&app, engine_tag, these, rounds).await {
            Ok(level) => report(engine, level),
            Err(e) => {
                println!("FAILED {engine} with {n} citizens: {e}");
                all_ok = false;
            }
        }
    }
    all_ok
}

async fn sqlite(cprs: &[String], rounds: usize) -> bool {
    let (store, path) = jobspor_testkit::sqlite().await;
    let journal = store.sqlite_pragma("journal_mode").await.unwrap();
    let sync = store.sqlite_pragma("synchronous").await.unwrap();
    assert_eq!(
        (journal.as_str(), sync.as_str()),
        ("wal", "2"),
        "SQLite must run with WAL and synchronous=FULL (2)"
    );
    println!(
        "SQLite: {} (journal_mode={journal}, synchronous={sync} = FULL)",
        path.display()
    );
    let ok = bench_engine("SQLite", "s", store.clone(), cprs, rounds).await;
    store.close().await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    ok
}

async fn postgres(cprs: &[String], rounds: usize) -> bool {
    let mut server = match pg::connect_admin().await {
        Ok(s) => s,
        Err(why) => {
            println!("SKIPPED PostgreSQL: {why}");
            return true;
        }
    };
    let name = jobspor_testkit::unique("jobspor_bench");
    if let Err(e) = server.create(&name).await {
        println!(
            "SKIPPED PostgreSQL: cannot create a database on {}: {e}",
            server.shown
        );
        return true;
    }
    let store = Store::connect(&server.url_of(&name))
        .await
        .expect("postgres store");
    let settings = server
        .settings(&["server_version", "fsync", "synchronous_commit"])
        .await;
    println!("PostgreSQL: {}, database {name} ({settings})", server.shown);
    let ok = bench_engine("PostgreSQL", "p", store.clone(), cprs, rounds).await;
    store.close().await;
    if let Err(e) = server.drop_database(&name).await {
        println!("note: could not drop database {name}: {e}");
    }
    ok
}

fn main() {
    jobspor_testkit::log_errors_to_stderr();
    // A refused save panics its citizen's task; one line each is enough (the level reports
    // the first as FAILED), not a backtrace per citizen.
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "panic at {}: {}",
            info.location().map(|l| l.to_string()).unwrap_or_default(),
            info.payload_as_str().unwrap_or("?")
        )
    }));
    let rounds = match std::env::var("CV_SAVE_ROUNDS") {
        Ok(v) => v
            .parse()
            .ok()
            .filter(|&r: &usize| r > 0)
            .unwrap_or_else(|| panic!("CV_SAVE_ROUNDS={v}: not a positive number")),
        Err(_) => ROUNDS,
    };
    // The persons of the simulated register who may log in with MitID.
    let cprs: Vec<String> = SimulatedCprRegister::load()
        .unwrap()
        .synthetic_persons()
        .into_iter()
        .filter(|(_, p)| p.status == CprStatus::Active)
        .map(|(cpr, _)| cpr)
        .collect();
    let needed: usize = CONCURRENCY.iter().sum();
    assert!(
        cprs.len() >= needed,
        "the simulated register has {} active persons, {needed} needed",
        cprs.len()
    );

    println!(
        "cv_save: one full CV save = the {} section saves (POST /api/cv/entry/save, every field filled, editing the \
         citizen's existing entries) of one citizen in sequence; {WARMUP_ROUNDS} warm-up + {rounds} timed full CV saves \
         per level, shared out over the citizens saving at once",
        SECTIONS.len()
    );
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let started = Instant::now();
    let ok = rt.block_on(async {
        let sqlite_ok = sqlite(&cprs, rounds).await;
        let postgres_ok = postgres(&cprs, rounds).await;
        sqlite_ok && postgres_ok
    });
    println!("total time {:.1} s", started.elapsed().as_secs_f64());
    if !ok {
        std::process::exit(1);
    }
}
