//! Issue 23's figure: the daily scans for the inactivity notices (`Store::scan_inactivity`:
//! the 10-week reminder and the warning 2 weeks before deletion) over the million synthetic
//! citizens of `population` (shared with `cv_search`), on SQLite and on PostgreSQL. Target:
//! ≤ 60 s. Printed per scan: wall time, notices queued, and this process's resident memory
//! before the scan and its peak during it (Linux' VmRSS and VmHWM, the peak reset before
//! each scan; PostgreSQL's own memory is the server's and not in it). Run it once more after
//! a run that loaded the population: the loader's memory stays with the process.
//!
//! The scans, each from a population never scanned (`Store::forget_notices` first):
//! 1. the first day ever, at the population's clock: a backlog of two weeks of reminders;
//! 2. the same day again: nothing new (idempotency), every candidate read again;
//! 3. the next day: one day of new reminders, the steady state;
//! 4. 18½ months less 10 weeks later: the deletion warnings' backlog (nobody has logged in
//!    since the population was made).
//!
//! Run: `cargo bench -p jobspor-server --bench notice_scan` (see bench/README.md).
// Printing is this file's job: a benchmark prints its figures.
#![allow(clippy::print_stdout, clippy::print_stderr)]
mod population;

use chrono::{DateTime, Duration, Months, Utc};
use jobspor_store::Store;
use population::{now, Engine};
use std::time::Instant;

const TARGET_SECS: f64 = 60.0;
const PORTAL: &str = "https://jobspor.example";

/// Resets this process's peak resident memory (Linux ≥ 4.0); `false` where that is refused.
fn reset_peak_memory() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// One of this process's memory figures in MB (`VmRSS` now, `VmHWM` the peak since the
/// last reset).
fn memory_mb(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

async fn scan(name: &str, what: &str, store: &Store, at: DateTime<Utc>) -> bool {
    let reset = reset_peak_memory();
    let before = memory_mb("VmRSS:");
    let started = Instant::now();
    match store.scan_inactivity(at, PORTAL).await {
        Ok(r) => {
            let secs = started.elapsed().as_secs_f64();
            let memory = match (reset, before, memory_mb("VmHWM:")) {
                (true, Some(from), Some(peak)) => format!("{from:.0} → {peak:.0} MB"),
                (false, _, Some(peak)) => format!("{peak:.0} MB (whole run: no reset)"),
                _ => "?".into(),
            };
            println!(
                "{name:<11} {what:<44} {secs:>7.1} {:>10} {:>10} {memory:>16}  {}",
                r.searchable_reminders,
                r.deletion_warnings,
                if secs <= TARGET_SECS { "OK" } else { "OVER" }
            );
            true
        }
        Err(e) => {
            println!("FAILED {name}: {what}: {e}");
            false
        }
    }
}

async fn measure(engine: Engine, wanted: u64) -> bool {
    let name = engine.name();
    let p = match population::open_or_say(engine, wanted).await {
        Ok(p) => p,
        Err(ok) => return ok,
    };
    p.say(name);
    if let Err(e) = p.store.forget_notices().await {
        println!("FAILED {name}: forgetting earlier runs' notices: {e}");
        return false;
    }
    println!(
        "{:<11} {:<44} {:>7} {:>10} {:>10} {:>16}  ≤ {TARGET_SECS} s",
        "engine", "scan", "s", "reminders", "warnings", "RSS before→peak"
    );
    let day = now();
    let deletion_backlog = day.checked_add_months(Months::new(18)).expect("a date")
        + Duration::days(15)
        - Duration::weeks(10);
    let mut ok = true;
    for (what, at) in [
        ("first day: two weeks' backlog", day),
        ("same day again: nothing new", day),
        ("next day: one day's reminders", day + Duration::days(1)),
        (
            "18½ months on: deletion warnings' backlog",
            deletion_backlog,
        ),
    ] {
        ok &= scan(name, what, &p.store, at).await;
    }
    if let Err(e) = p.store.forget_notices().await {
        println!("FAILED {name}: forgetting this run's notices: {e}");
        ok = false;
    }
    p.store.close().await;
    ok
}

fn main() {
    jobspor_testkit::log_errors_to_stderr();
    let wanted = population::wanted();
    println!(
        "notice_scan: Store::scan_inactivity over {wanted} synthetic citizens (made at {}); target ≤ {TARGET_SECS} s per day's scans",
        now()
    );
    population::run(|e| measure(e, wanted));
}
