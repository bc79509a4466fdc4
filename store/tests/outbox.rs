//! The outbox on a real database (issue 23): the daily scans queue each inactivity notice
//! when it is due and once per period; a login cancels what is still queued; a delivery is
//! tried again with a growing wait and marked failed after the last try; a daily job runs
//! once per day; on PostgreSQL two processes delivering at once take each delivery once.
use chrono::{DateTime, Duration, TimeZone, Utc};
use jobspor::notices::{Channel, NoticeKind, MAX_ATTEMPTS};
use jobspor::person::RegisterPerson;
use jobspor::policy::operator_acts_for as me;
use jobspor::CitizenId;
use jobspor_store::citizens::NewContactDetails;
use jobspor_store::outbox::{DeliveryStatus, NewNotice};
use jobspor_store::testing::{self as common, each_backend};
use jobspor_store::Store;

const PORTAL: &str = "https://jobspor.example";

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

fn person() -> RegisterPerson {
    jobspor_store::testing::person("Mette")
}

/// A citizen who logged in at `at`, with an e-mail address, SMS reminders chosen and a
/// phone number, and (if `searchable`) a CV marked searchable.
async fn citizen(store: &Store, cpr: &str, at: DateTime<Utc>, searchable: bool) -> CitizenId {
    let id = store
        .citizen_mitid_login(cpr, &person(), "sim", at)
        .await
        .unwrap()
        .citizen_id;
    store
        .complete_citizen_profile(
            me(id),
            &NewContactDetails {
                username: format!("u{cpr}"),
                password_hash: "x".into(),
                phone: Some("20304050".into()),
                email: Some("mette@eksempel.dk".into()),
                sms_reminders: true,
                email_reminders: false,
            },
            at,
        )
        .await
        .unwrap();
    if searchable {
        // Marked searchable (the mark is what the reminder is about; the CV's content is not).
        common::tamper(
            store,
            &format!(
                "UPDATE cvs SET searchable = 1 WHERE citizen_id = {}",
                id.get()
            ),
        )
        .await;
    }
    id
}

async fn count(store: &Store, status: DeliveryStatus) -> i64 {
    store
        .delivery_counts()
        .await
        .unwrap()
        .into_iter()
        .find(|(s, _)| s == status.as_str())
        .map_or(0, |(_, n)| n)
}

#[tokio::test]
async fn the_ten_week_reminder_is_queued_when_due_and_once() {
    each_backend(|store| async move {
        citizen(&store, "1205901806", t0(), true).await;
        citizen(&store, "0803850077", t0(), false).await;
        let ten_weeks = t0() + Duration::weeks(10);
        let before = store
            .scan_inactivity(ten_weeks - Duration::hours(1), PORTAL)
            .await
            .unwrap();
        assert_eq!(before.searchable_reminders, 0, "not yet");
        let at = store.scan_inactivity(ten_weeks, PORTAL).await.unwrap();
        assert_eq!(at.searchable_reminders, 1, "only the searchable CV's owner");
        // By e-mail (given) and SMS (chosen): two deliveries.
        assert_eq!(count(&store, DeliveryStatus::Queued).await, 2);
        let again = store
            .scan_inactivity(ten_weeks + Duration::days(1), PORTAL)
            .await
            .unwrap();
        assert_eq!(again.searchable_reminders, 0, "queued once per period");
        let claimed = store
            .claim_deliveries(10, Duration::minutes(5), ten_weeks)
            .await
            .unwrap();
        let email = claimed
            .iter()
            .find(|d| d.channel == Channel::Email)
            .unwrap();
        assert_eq!(email.recipient, "mette@eksempel.dk");
        assert_eq!(email.subject, "Dit CV holder snart op med at være søgbart");
        assert!(
            email.body.contains(PORTAL) && email.body.contains("25-05-2026"),
            "{}",
            email.body
        );
        assert!(!email.body.contains("1205901806") && !email.body.contains("120590"));
        let sms = claimed.iter().find(|d| d.channel == Channel::Sms).unwrap();
        assert_eq!(sms.recipient, "20304050");
        // After 12 weeks the CV is not searchable: nothing more to remind of.
        let late = store
            .scan_inactivity(t0() + Duration::weeks(12) + Duration::days(1), PORTAL)
            .await
            .unwrap();
        assert_eq!(late.searchable_reminders, 0);
    })
    .await;
}

#[tokio::test]
async fn the_deletion_warning_comes_two_weeks_before_and_a_login_cancels_it() {
    each_backend(|store| async move {
        let c = citizen(&store, "1205901806", t0(), false).await;
        let deletion = jobspor::retention::profile_deletion_at(t0());
        let warn_at = deletion - Duration::weeks(2);
        let early = store
            .scan_inactivity(warn_at - Duration::hours(1), PORTAL)
            .await
            .unwrap();
        assert_eq!(early.deletion_warnings, 0);
        let due = store.scan_inactivity(warn_at, PORTAL).await.unwrap();
        assert_eq!(due.deletion_warnings, 1);
        let again = store.scan_inactivity(warn_at, PORTAL).await.unwrap();
        assert_eq!(
            again,
            Default::default(),
            "the scan run twice queues nothing new"
        );
        // The citizen logs in before it went: what is queued is cancelled.
        store.citizen_password_login(c, warn_at).await.unwrap();
        assert_eq!(count(&store, DeliveryStatus::Queued).await, 0);
        assert_eq!(count(&store, DeliveryStatus::Cancelled).await, 2);
        assert!(store
            .claim_deliveries(10, Duration::minutes(5), warn_at)
            .await
            .unwrap()
            .is_empty());
        // A new period: a new warning 18½ months after this login.
        let next = jobspor::retention::profile_deletion_at(warn_at) - Duration::weeks(2);
        let due = store.scan_inactivity(next, PORTAL).await.unwrap();
        assert_eq!(due.deletion_warnings, 1);
    })
    .await;
}

fn notice(c: CitizenId, key: &str) -> NewNotice {
    NewNotice {
        citizen_id: c,
        kind: NoticeKind::Incident,
        key: key.to_string(),
        subject: "Vigtig besked".into(),
        body: "Tekst".into(),
        sms: "Tekst".into(),
        sender: None,
        email: None,
        deliveries: vec![(Channel::Email, "mette@eksempel.dk".into())],
    }
}

#[tokio::test]
async fn a_failed_delivery_is_tried_again_later_and_failed_after_the_last_try() {
    each_backend(|store| async move {
        let c = citizen(&store, "1205901806", t0(), false).await;
        assert!(store.queue_notice(&notice(c, "k1"), t0()).await.unwrap());
        assert!(
            !store.queue_notice(&notice(c, "k1"), t0()).await.unwrap(),
            "the same key"
        );
        let mut now = t0();
        for attempt in 1..=MAX_ATTEMPTS {
            let claimed = store
                .claim_deliveries(10, Duration::minutes(5), now)
                .await
                .unwrap();
            assert_eq!(claimed.len(), 1, "try {attempt}");
            assert_eq!(claimed[0].attempts, attempt);
            // Claimed: no one else takes it while the lease lasts.
            assert!(store
                .claim_deliveries(10, Duration::minutes(5), now)
                .await
                .unwrap()
                .is_empty());
            let state = store
                .delivery_failed(&claimed[0], "421 the server refused", now)
                .await
                .unwrap();
            let wait = jobspor::notices::retry_after(attempt);
            match wait {
                Some(wait) => {
                    assert_eq!(state, DeliveryStatus::Queued);
                    assert!(store
                        .claim_deliveries(
                            10,
                            Duration::minutes(5),
                            now + wait - Duration::seconds(1)
                        )
                        .await
                        .unwrap()
                        .is_empty());
                    now += wait;
                }
                None => assert_eq!(state, DeliveryStatus::Failed),
            }
        }
        let failed = store.failed_deliveries().await.unwrap();
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].attempts, MAX_ATTEMPTS);
        assert_eq!(failed[0].last_error, "421 the server refused");
        assert!(store
            .claim_deliveries(10, Duration::minutes(5), now + Duration::days(1))
            .await
            .unwrap()
            .is_empty());
        // A dead worker's lease runs out, and another takes the delivery.
        assert!(store.queue_notice(&notice(c, "k2"), now).await.unwrap());
        let first = store
            .claim_deliveries(10, Duration::minutes(5), now)
            .await
            .unwrap();
        assert_eq!(first.len(), 1);
        let later = store
            .claim_deliveries(10, Duration::minutes(5), now + Duration::minutes(5))
            .await
            .unwrap();
        assert_eq!(later.len(), 1);
        store.delivery_sent(later[0].id, now).await.unwrap();
        assert_eq!(count(&store, DeliveryStatus::Sent).await, 1);
    })
    .await;
}

#[tokio::test]
async fn a_daily_job_runs_once_a_day() {
    each_backend(|store| async move {
        let day = t0().date_naive();
        assert!(store.claim_daily_run("scan", day, t0()).await.unwrap());
        assert!(!store.claim_daily_run("scan", day, t0()).await.unwrap());
        assert!(store
            .claim_daily_run("scan", day.succ_opt().unwrap(), t0())
            .await
            .unwrap());
    })
    .await;
}

const CHILD: &str = "JOBSPOR_OUTBOX_CHILD";
const NOTICES: usize = 3000;

/// The deliverer role of the two-process test: claims and "delivers" (records the id in
/// `test_deliveries`) until nothing is left.
async fn deliver_as_child(url: &str, who: i64) {
    let store = Store::connect(url).await.unwrap();
    loop {
        let claimed = store
            .claim_deliveries(50, Duration::minutes(5), t0())
            .await
            .unwrap();
        if claimed.is_empty() {
            break;
        }
        for d in claimed {
            common::tamper(
                &store,
                &format!(
                    "INSERT INTO test_deliveries (outbox_id, worker) VALUES ({}, {who})",
                    d.id
                ),
            )
            .await;
            store.delivery_sent(d.id, t0()).await.unwrap();
        }
    }
}

#[tokio::test]
async fn two_processes_deliver_each_notice_exactly_once_on_postgresql() {
    if let Ok(spec) = std::env::var(CHILD) {
        let (url, who) = spec.split_once('|').unwrap();
        deliver_as_child(url, who.parse().unwrap()).await;
        return;
    }
    let Some((store, admin_url, db)) = common::postgres().await else {
        return;
    };
    let url = common::database_url(&admin_url, &db);
    let c = citizen(&store, "1205901806", t0(), false).await;
    for i in 0..NOTICES {
        store
            .queue_notice(&notice(c, &format!("n{i}")), t0())
            .await
            .unwrap();
    }
    common::tamper(
        &store,
        "CREATE TABLE test_deliveries (outbox_id BIGINT NOT NULL, worker BIGINT NOT NULL)",
    )
    .await;
    let children: Vec<_> = (1..=2)
        .map(|who| {
            std::process::Command::new(std::env::current_exe().unwrap())
                .args([
                    "--exact",
                    "two_processes_deliver_each_notice_exactly_once_on_postgresql",
                    "--test-threads=1",
                ])
                .env(CHILD, format!("{url}|{who}"))
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let (total, distinct, sent) = common::counts(
        &store,
        "SELECT COUNT(*), COUNT(DISTINCT outbox_id), (SELECT COUNT(*) FROM outbox WHERE status = 'sent') \
         FROM test_deliveries",
    )
    .await;
    let n = NOTICES as i64;
    assert_eq!((total, distinct, sent), (n, n, n), "each delivered once");
    store.close().await;
    common::drop_database(&admin_url, &db).await;
}

#[tokio::test]
async fn mine_beskeder_holds_every_notice_read_or_unread_and_only_the_citizens_own() {
    each_backend(|store| async move {
        let c = citizen(&store, "1205901806", t0(), false).await;
        let other = citizen(&store, "0803850077", t0(), false).await;
        // No contact channel at all: the notice is in Mine beskeder all the same.
        let mut n = notice(c, "k1");
        n.deliveries.clear();
        assert!(store.queue_notice(&n, t0()).await.unwrap());
        let inbox = store.inbox(me(c)).await.unwrap();
        assert_eq!(inbox.len(), 1);
        assert_eq!(inbox[0].read_at, None);
        assert_eq!(store.notice_counts(me(c)).await.unwrap(), (1, 1));
        assert!(store.inbox(me(other)).await.unwrap().is_empty());
        assert!(!store
            .mark_notice_read(me(other), inbox[0].id, t0())
            .await
            .unwrap());
        assert!(store
            .mark_notice_read(me(c), inbox[0].id, t0())
            .await
            .unwrap());
        assert_eq!(store.notice_counts(me(c)).await.unwrap(), (1, 0));
        assert_eq!(store.inbox(me(c)).await.unwrap()[0].read_at, Some(t0()));
    })
    .await;
}
