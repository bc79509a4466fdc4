//! Benchmark: how fast the synthetic-population generator makes citizens with CVs on one
//! thread, and what a CV holds on average (no target: machines differ). The database is the
//! slower side of `jobspor-server generate`; this shows how far behind the generator is.
//!
//! Run: `cargo bench -p jobspor-server --bench synthetic_rate` (see bench/README.md).
// Printing is this file's job: a benchmark prints its figures.
#![allow(clippy::print_stdout, clippy::print_stderr)]
use jobspor::cv::entry::CvSection;
use jobspor_server::synthetic::citizen;
use std::collections::HashMap;
use std::time::Instant;

/// Citizens made (`SYNTHETIC_RATE_CITIZENS` overrides).
const CITIZENS: u64 = 20_000;

fn main() {
    let n = match std::env::var("SYNTHETIC_RATE_CITIZENS") {
        Ok(v) => v
            .parse()
            .ok()
            .filter(|&n: &u64| n > 0)
            .unwrap_or_else(|| panic!("SYNTHETIC_RATE_CITIZENS={v}: not a positive number")),
        Err(_) => CITIZENS,
    };
    let now = "2026-11-22T10:00:00Z".parse().unwrap();
    let started = Instant::now();
    let mut sections: HashMap<CvSection, usize> = HashMap::new();
    for i in 0..n {
        for e in citizen(42, i, now).entries {
            *sections.entry(e.section()).or_default() += 1;
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "synthetic: {n} citizens in {secs:.2} s = {:.0} citizens/s on one thread",
        n as f64 / secs
    );
    for &s in CvSection::ALL {
        println!(
            "  {:>24}: {:.2} per CV",
            s.code(),
            sections.get(&s).copied().unwrap_or(0) as f64 / n as f64
        );
    }
}
