//! `jobspor-server generate N`: loads N synthetic citizens with CVs (`synthetic`), for the
//! employer search at scale and its benchmark. Generating runs on its own thread while the
//! database writes; the database is the slower of the two. A progress bar on stderr.
// Printing is this file's job: the operator's generate command reports its progress.
#![allow(clippy::print_stdout, clippy::print_stderr)]
use crate::synthetic;
use jobspor_store::bulk::SyntheticCv;
use jobspor_store::{Store, StoreError};
use std::io::Write;
use std::time::Instant;

#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("højst {} syntetiske borgere", synthetic::MAX_CITIZENS)]
    TooMany,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Citizens per transaction.
const BATCH: u64 = 5_000;

pub async fn run(
    store: &Store,
    count: u64,
    seed: u64,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), GenerateError> {
    let first = store.synthetic_citizens().await?;
    let last = first + count;
    if last > synthetic::MAX_CITIZENS {
        return Err(GenerateError::TooMany);
    }
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Vec<SyntheticCv>>(4);
    let producer = std::thread::spawn(move || {
        let mut i = first;
        while i < last {
            let end = (i + BATCH).min(last);
            if tx
                .blocking_send((i..end).map(|n| synthetic::citizen(seed, n, now)).collect())
                .is_err()
            {
                return;
            }
            i = end;
        }
    });
    let started = Instant::now();
    let mut done = 0u64;
    while let Some(batch) = rx.recv().await {
        store.load_synthetic_cvs(&batch, now).await?;
        done += batch.len() as u64;
        progress(done, count, started);
    }
    let _ = producer.join();
    eprintln!();
    eprint!("Opdaterer søgeindeks og statistik … ");
    store.tidy_search_index(now).await?;
    eprintln!("færdig.");
    println!(
        "{count} syntetiske CV'er indlæst på {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `[#########           ]  45%  450.000/1.000.000  12.345 CV/s  ca. 45 s tilbage`
fn progress(done: u64, total: u64, started: Instant) {
    const WIDTH: u64 = 30;
    let filled = (done * WIDTH).checked_div(total).unwrap_or(WIDTH);
    let secs = started.elapsed().as_secs_f64().max(0.001);
    let rate = done as f64 / secs;
    let left = if rate > 0.0 {
        (total - done) as f64 / rate
    } else {
        0.0
    };
    eprint!(
        "\r[{}{}] {:>3}%  {}/{}  {} CV/s  ca. {:.0} s tilbage   ",
        "#".repeat(filled as usize),
        " ".repeat((WIDTH - filled) as usize),
        (done * 100).checked_div(total).unwrap_or(100),
        jobspor::numbers::thousands(done as i64),
        jobspor::numbers::thousands(total as i64),
        jobspor::numbers::thousands(rate as i64),
        left
    );
    let _ = std::io::stderr().flush();
}
