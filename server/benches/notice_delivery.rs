//! Issue 23's figure: mails per minute delivered to the local SMTP server (mailsink/,
//! aiosmtpd) by one worker — `delivery::deliver_due` in a loop, as `serve` runs it — on
//! SQLite and on PostgreSQL (`TEST_DATABASE_URL`; skipped with a `SKIPPED PostgreSQL: …`
//! line when it does not answer). Target: at least 1,000 mails per minute.
//!
//! Run: `cargo bench -p jobspor-server --bench notice_delivery` (see bench/README.md).
// Printing is this file's job: a benchmark prints its figures.
#![allow(clippy::print_stdout, clippy::print_stderr)]
use chrono::{TimeZone, Utc};
use jobspor::notices::{Channel, NoticeKind};
use jobspor_server::delivery::{deliver_due, Mailer, Senders, SimulatedSmsGateway};
use jobspor_store::outbox::NewNotice;
use jobspor_store::Store;
use jobspor_testkit::mail::Sink;
use jobspor_testkit::pg;
use std::time::Instant;

/// Mails queued and delivered per engine (`NOTICE_MAILS` overrides).
const MAILS: usize = 3000;

async fn run(engine: &str, store: &Store, sink: &Sink, mails: usize) {
    let now = Utc.with_ymd_and_hms(2026, 12, 5, 9, 0, 0).unwrap();
    let register = jobspor_app::ssr::cpr_register::SimulatedCprRegister::load().unwrap();
    let cpr = jobspor::cpr::Cpr::parse("1205901806").unwrap();
    let person = jobspor_app::ssr::cpr_register::CprRegister::lookup(&register, &cpr)
        .await
        .unwrap()
        .unwrap();
    let citizen = store
        .citizen_mitid_login(cpr.digits(), &person, "sim", now)
        .await
        .unwrap()
        .citizen_id;
    for i in 0..mails {
        store
            .queue_notice(
                &NewNotice {
                    citizen_id: citizen,
                    kind: NoticeKind::Incident,
                    key: format!("bench-{engine}-{i}"),
                    subject: "Vigtig besked om dine oplysninger i Jobspor".into(),
                    body: "Tekst til målingen, med æ, ø og å.".into(),
                    sms: String::new(),
                    email: None,
                    sender: None,
                    deliveries: vec![(Channel::Email, "borger@eksempel.dk".into())],
                },
                now,
            )
            .await
            .unwrap();
    }
    let senders = Senders {
        mail: Mailer::new(&sink.url(), "Jobspor <noreply@jobspor.dk>").unwrap(),
        sms: SimulatedSmsGateway::new(store.clone()),
    };
    let started = Instant::now();
    let mut sent = 0;
    loop {
        let r = deliver_due(store, &senders, now).await.unwrap();
        if r.is_empty() {
            break;
        }
        assert_eq!(r.retrying + r.failed, 0, "the local server refused: {r:?}");
        sent += r.sent;
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{engine}: {sent} mails in {secs:.1} s = {:.0} mails per minute (target ≥ 1,000)",
        sent as f64 / secs * 60.0
    );
}

#[tokio::main]
async fn main() {
    let mails = std::env::var("NOTICE_MAILS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(MAILS);
    let sink = Sink::start();
    let (store, path) = jobspor_store::testing::sqlite().await;
    run("SQLite", &store, &sink, mails).await;
    store.close().await;
    let _ = std::fs::remove_file(path);
    match pg::connect_admin().await {
        Ok(mut server) => {
            let db = jobspor_store::testing::unique("jobspor_bench");
            server.create(&db).await.unwrap();
            let store = Store::connect(&server.url_of(&db)).await.unwrap();
            run("PostgreSQL", &store, &sink, mails).await;
            store.close().await;
            server.drop_database(&db).await.unwrap();
            server.close().await;
        }
        Err(why) => println!("SKIPPED PostgreSQL: {why}"),
    }
}
