//! Issue 23: two real `jobspor-server serve` processes on one PostgreSQL deliver a few
//! thousand due notices to the local SMTP server (mailsink/, aiosmtpd), and each mail
//! arrives exactly once. Skipped (passing) when no PostgreSQL answers; SQLite serves one
//! process.
use chrono::Utc;
use jobspor::cpr::Cpr;
use jobspor::notices::{Channel, NoticeKind};
use jobspor_app::ssr::cpr_register::{CprRegister, SimulatedCprRegister};
use jobspor_store::outbox::NewNotice;
use jobspor_store::testing;
use jobspor_testkit::mail::Sink;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

const NOTICES: usize = 2000;
/// Not a timing assertion: only how long to wait before calling the test hung.
const HUNG_AFTER: Duration = Duration::from_secs(600);

/// A `serve` process; killed and reaped when dropped.
struct Server {
    child: Child,
    log: PathBuf,
}

impl Server {
    fn start(database_url: &str, smtp_url: &str, log: PathBuf) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let out = std::fs::File::create(&log).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_jobspor-server"))
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("JOBSPOR_SMTP_URL", smtp_url)
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("JOBSPOR_DEMO", "1")
            .env("JOBSPOR_DEV_HTTP", "1")
            .env("RUST_LOG", "info")
            .stdout(out.try_clone().unwrap())
            .stderr(out)
            .spawn()
            .unwrap();
        Server { child, log }
    }

    fn delivered_some(&self) -> bool {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .contains("notices delivered")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn log_path(dir: &Path, n: u8) -> PathBuf {
    dir.join(format!("server-{n}.log"))
}

#[tokio::test]
async fn two_server_processes_mail_each_notice_exactly_once() {
    let Some((store, admin_url, db)) = testing::postgres().await else {
        return;
    };
    let url = testing::database_url(&admin_url, &db);
    let register = SimulatedCprRegister::load().unwrap();
    let cpr = Cpr::parse("1205901806").unwrap();
    let person = register.lookup(&cpr).await.unwrap().unwrap();
    let now = Utc::now();
    let citizen = store
        .citizen_mitid_login(cpr.digits(), &person, "sim", now)
        .await
        .unwrap()
        .citizen_id;
    let sink = Sink::start();
    let logs = std::env::temp_dir().join(format!("jobspor-two-servers-{}", std::process::id()));
    std::fs::create_dir_all(&logs).unwrap();
    let servers = [1, 2].map(|n| Server::start(&url, &sink.url(), log_path(&logs, n)));
    // Queued while both run, as events queue them: both workers find work.
    for i in 0..NOTICES {
        store
            .queue_notice(
                &NewNotice {
                    citizen_id: citizen,
                    kind: NoticeKind::Incident,
                    key: format!("two-servers-{i}"),
                    subject: format!("Besked {i}"),
                    body: "Tekst".into(),
                    sms: String::new(),
                    sender: None,
                    email: None,
                    deliveries: vec![(Channel::Email, format!("borger{i}@eksempel.dk"))],
                },
                now,
            )
            .await
            .unwrap();
    }
    let started = Instant::now();
    while sink.count() < NOTICES {
        assert!(
            started.elapsed() < HUNG_AFTER,
            "hung: {} of {NOTICES} mails after {HUNG_AFTER:?}",
            sink.count()
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    // Both workers look again (every 2 seconds): a second delivery would arrive now.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let received = sink.received();
    let subjects: HashSet<String> = received
        .iter()
        .map(|m| m["subject"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(received.len(), NOTICES, "no mail twice");
    assert_eq!(subjects.len(), NOTICES, "every notice once");
    assert!(
        servers.iter().all(Server::delivered_some),
        "both processes delivered"
    );
    let (sent, other, _) = testing::counts(
        &store,
        "SELECT COUNT(*) FILTER (WHERE status = 'sent'), COUNT(*) FILTER (WHERE status <> 'sent'), 0 FROM outbox",
    )
    .await;
    assert_eq!((sent, other), (NOTICES as i64, 0));
    drop(servers);
    let _ = std::fs::remove_dir_all(&logs);
    store.close().await;
    testing::drop_database(&admin_url, &db).await;
}
