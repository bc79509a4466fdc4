//! Issue 24's figures: the EURES input API through HTTP (the real router on a random port,
//! the token in `Authorization`) over the million synthetic citizens of `population`, every
//! tenth of whom has consented (the copies of those with a searchable CV are offered), on
//! SQLite and on PostgreSQL. Targets: `getAll` of every reference ≤ 10 s; `getChanges` for
//! 1,000 changes p95 ≤ 100 ms; `getDetails` for 100 references p95 ≤ 200 ms.
//!
//! The consents are recorded once and kept with the population. Each run then changes 1,000
//! copies (what they hide) an hour after the newest change so far, so `getChanges` from that
//! hour finds exactly those; `getDetails` asks for 100 random offered references per call
//! (each document handed over is recorded in its citizen's Min historik, as in production).
//!
//! Run: `cargo bench -p jobspor-server --bench eures_api` (see bench/README.md).
// Printing is this file's job: a benchmark prints its figures.
#![allow(clippy::print_stdout, clippy::print_stderr)]
mod population;

use chrono::Duration;
use jobspor::eures::consent::{ReceiptAction, ReceiptChannel};
use jobspor::eures::EuresField;
use jobspor::policy::operator_acts_for;
use jobspor_store::eures::NewReceipt;
use jobspor_store::Store;
use jobspor_testkit::{spawn_with, Settings, EURES_TOKEN};
use population::{now, Engine};
use rand::seq::SliceRandom;
use std::collections::BTreeSet;
use std::time::Instant;

/// Every this many synthetic citizens consents.
const EVERY: i64 = 10;
const CHANGES: usize = 1000;
const DETAILS_PER_CALL: usize = 100;
/// Timed calls of getChanges and getDetails (`EURES_BENCH_RUNS` overrides).
const RUNS: usize = 50;
const GET_ALL_RUNS: usize = 3;

fn percentile_ms(mut ms: Vec<f64>, p: f64) -> f64 {
    ms.sort_by(|a, b| a.total_cmp(b));
    let rank = ((p / 100.0) * ms.len() as f64).ceil() as usize;
    ms[rank.saturating_sub(1).min(ms.len() - 1)]
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "OK"
    } else {
        "OVER"
    }
}

/// Records the consent of every `EVERY`th synthetic citizen who has none yet.
async fn consent_tenth(name: &str, store: &Store) -> anyhow::Result<()> {
    let ids = store.synthetic_citizen_ids(EVERY).await?;
    let (receipts, _) = store.eures_counts().await?;
    if receipts as usize >= ids.len() {
        return Ok(());
    }
    println!(
        "{name}: recording {} consents (every {EVERY}th synthetic citizen); once, kept with the population",
        ids.len()
    );
    let started = Instant::now();
    // Four at a time: PostgreSQL takes them side by side; SQLite's writers queue anyway.
    let mut tasks = tokio::task::JoinSet::new();
    for part in ids.chunks(ids.len().div_ceil(4)) {
        let (store, part) = (store.clone(), part.to_vec());
        tasks.spawn(async move {
            for id in part {
                store
                    .record_eures_receipt(
                        operator_acts_for(id),
                        &NewReceipt {
                            action: ReceiptAction::Given,
                            hidden: BTreeSet::new(),
                            channel: ReceiptChannel::Web,
                        },
                        now(),
                    )
                    .await?;
            }
            Ok::<_, jobspor_store::StoreError>(())
        });
    }
    while let Some(done) = tasks.join_next().await {
        done??;
    }
    println!(
        "{name}: consents recorded in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

async fn measure(engine: Engine, wanted: u64, runs: usize) -> bool {
    let name = engine.name();
    let p = match population::open_or_say(engine, wanted).await {
        Ok(p) => p,
        Err(ok) => return ok,
    };
    if let Err(e) = consent_tenth(name, &p.store).await {
        println!("FAILED {name}: consenting: {e:#}");
        return false;
    }
    let store = p.store.clone();
    let (receipts, active) = match store.eures_counts().await {
        Ok(c) => c,
        Err(e) => {
            println!("FAILED {name}: {e}");
            return false;
        }
    };
    p.say(name);
    println!("{name}: {receipts} consents, {active} CVs offered");
    let app = spawn_with(store.clone(), Settings::default()).await;
    let client = reqwest::Client::new();
    let api = format!("{}/input/api/cv/v1.0", app.base);

    // getAll, whole answers read.
    let mut all_secs = Vec::new();
    let mut references: Vec<String> = Vec::new();
    for _ in 0..GET_ALL_RUNS {
        let t = Instant::now();
        let r = client
            .get(format!("{api}/getAll"))
            .header("Authorization", EURES_TOKEN)
            .send()
            .await
            .and_then(|r| r.error_for_status());
        let body = match r {
            Ok(r) => r.bytes().await.unwrap_or_default(),
            Err(e) => {
                println!("FAILED {name}: getAll: {e}");
                return false;
            }
        };
        all_secs.push(t.elapsed().as_secs_f64());
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
        references = v["allReferences"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|r| r["status"] == "ACTIVE")
                    .filter_map(|r| r["reference"].as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
    }
    let all_worst = all_secs.iter().copied().fold(0.0, f64::max);
    println!(
        "{name:<11} getAll ({} references, {GET_ALL_RUNS} calls): slowest {all_worst:.2} s  ≤ 10 s {}",
        references.len(),
        verdict(all_worst <= 10.0)
    );
    if references.len() < DETAILS_PER_CALL {
        println!(
            "FAILED {name}: only {} offered references",
            references.len()
        );
        return false;
    }

    // 1,000 changes an hour after the newest, then getChanges from that hour.
    let newest = match store.eures_all().await {
        Ok(all) => all.iter().map(|r| r.modified_at).max().unwrap_or(now()),
        Err(e) => {
            println!("FAILED {name}: {e}");
            return false;
        }
    };
    let at = newest + Duration::hours(1);
    let ids = store.synthetic_citizen_ids(EVERY).await.unwrap_or_default();
    let mut changed = 0;
    let hide_name = at.timestamp() / 3600 % 2 == 0;
    for id in ids.iter() {
        if changed == CHANGES {
            break;
        }
        let o = match store.eures_overview(operator_acts_for(*id), at).await {
            Ok(o) => o,
            Err(e) => {
                println!("FAILED {name}: {e}");
                return false;
            }
        };
        if o.state != jobspor::eures::consent::TransferState::Offered {
            continue;
        }
        let hidden: BTreeSet<EuresField> = if hide_name {
            [EuresField::Name].into()
        } else {
            [EuresField::BirthDate].into()
        };
        if let Err(e) = store
            .record_eures_receipt(
                operator_acts_for(*id),
                &NewReceipt {
                    action: ReceiptAction::Changed,
                    hidden,
                    channel: ReceiptChannel::Web,
                },
                at,
            )
            .await
        {
            println!("FAILED {name}: {e}");
            return false;
        }
        changed += 1;
    }
    let since = at.timestamp_millis();
    let mut times = Vec::new();
    let mut found = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let v: serde_json::Value = match client
            .get(format!("{api}/getChanges/{since}"))
            .header("Authorization", EURES_TOKEN)
            .send()
            .await
        {
            Ok(r) => {
                serde_json::from_slice(&r.bytes().await.unwrap_or_default()).unwrap_or_default()
            }
            Err(e) => {
                println!("FAILED {name}: getChanges: {e}");
                return false;
            }
        };
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        found = [
            "createdReferences",
            "modifiedReferences",
            "closedReferences",
        ]
        .iter()
        .map(|l| v[l].as_array().map_or(0, Vec::len))
        .sum::<usize>();
    }
    let p95 = percentile_ms(times.clone(), 95.0);
    println!(
        "{name:<11} getChanges ({found} changes, {runs} calls): p50 {:.1} ms, p95 {p95:.1} ms  ≤ 100 ms {}",
        percentile_ms(times, 50.0),
        verdict(p95 <= 100.0)
    );

    let mut rng = rand::thread_rng();
    let mut times = Vec::new();
    for _ in 0..runs {
        let refs: Vec<&String> = references
            .choose_multiple(&mut rng, DETAILS_PER_CALL)
            .collect();
        let t = Instant::now();
        let r = client
            .post(format!("{api}/getDetails"))
            .header("Authorization", EURES_TOKEN)
            .header("Content-Type", "application/json")
            .body(serde_json::to_string(&refs).unwrap_or_default())
            .send()
            .await
            .and_then(|r| r.error_for_status());
        match r {
            Ok(r) => {
                let _ = r.bytes().await;
            }
            Err(e) => {
                println!("FAILED {name}: getDetails: {e}");
                return false;
            }
        }
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let p95 = percentile_ms(times.clone(), 95.0);
    println!(
        "{name:<11} getDetails ({DETAILS_PER_CALL} references, {runs} calls): p50 {:.1} ms, p95 {p95:.1} ms  ≤ 200 ms {}",
        percentile_ms(times, 50.0),
        verdict(p95 <= 200.0)
    );
    store.close().await;
    true
}

fn main() {
    jobspor_testkit::log_errors_to_stderr();
    let wanted = population::wanted();
    let runs = std::env::var("EURES_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n: &usize| n > 0)
        .unwrap_or(RUNS);
    println!("eures_api: the EURES input API over HTTP, {wanted} synthetic citizens, every {EVERY}th consenting");
    population::run(|e| measure(e, wanted, runs));
}
