//! The access log's chain on a real database: what the store writes verifies, and a record
//! changed, deleted or inserted behind its back does not; pruning keeps it verifiable; on
//! PostgreSQL two processes writing at once make one chain.
use chrono::{DateTime, Duration, TimeZone, Utc};
use jobspor::access::{AccessBasis, AccessWhat, BrokenLink};
use jobspor::person::RegisterPerson;
use jobspor::policy::ActorKind;
use jobspor::CitizenId;
use jobspor_store::access_log::AccessEntry;
use jobspor_store::testing::{self as common, each_backend};
use jobspor_store::Store;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 5, 9, 0, 0).unwrap()
}

fn person(first: &str) -> RegisterPerson {
    jobspor_store::testing::person(first)
}

async fn citizen(store: &Store, cpr: &str, at: DateTime<Utc>) -> CitizenId {
    store
        .citizen_mitid_login(cpr, &person("Mette"), "sim", at)
        .await
        .unwrap()
        .citizen_id
}

fn employer_read(c: CitizenId, at: DateTime<Utc>) -> AccessEntry {
    AccessEntry {
        citizen_id: c,
        at,
        actor_kind: ActorKind::Caseworker,
        actor_id: Some(7),
        actor_name: "Anna Sørensen".into(),
        organisation: "Jobcenter Aarhus".into(),
        what: AccessWhat::ReadQuestionnaire,
        basis: AccessBasis::ServedMunicipality("751".into()),
    }
}

#[tokio::test]
async fn the_chain_verifies_and_any_change_delete_or_insert_breaks_it() {
    each_backend(|store| async move {
        let c = citizen(&store, "1205901806", now()).await;
        for i in 1..=4 {
            store
                .record_access(&employer_read(c, now() + Duration::minutes(i)))
                .await
                .unwrap();
        }
        // The login and four reads.
        assert_eq!(store.verify_access_log().await.unwrap(), Ok(5));

        common::tamper(
            &store,
            "UPDATE access_records SET organisation = 'Nogen andre' WHERE seq = 3",
        )
        .await;
        assert_eq!(
            store.verify_access_log().await.unwrap(),
            Err(BrokenLink::Content { seq: 3 })
        );
        common::tamper(
            &store,
            "UPDATE access_records SET organisation = 'Jobcenter Aarhus' WHERE seq = 3",
        )
        .await;
        assert_eq!(store.verify_access_log().await.unwrap(), Ok(5));

        common::tamper(&store, "DELETE FROM access_records WHERE seq = 2").await;
        assert_eq!(
            store.verify_access_log().await.unwrap(),
            Err(BrokenLink::Sequence {
                seq: 3,
                expected: 2
            })
        );
    })
    .await;
}

#[tokio::test]
async fn an_inserted_record_or_a_removed_newest_one_is_seen() {
    each_backend(|store| async move {
        let c = citizen(&store, "1205901806", now()).await;
        store.record_access(&employer_read(c, now())).await.unwrap();
        store.record_access(&employer_read(c, now())).await.unwrap();
        assert_eq!(store.verify_access_log().await.unwrap(), Ok(3));
        // A record slipped in as number 2, pushing the real one aside.
        common::tamper(&store, "UPDATE access_records SET seq = seq + 100 WHERE seq >= 2").await;
        common::tamper(
            &store,
            "INSERT INTO access_records (seq, at, subject, actor_kind, actor_id, actor_name, organisation, what, basis, prev_hash, hash) \
             SELECT 2, at, subject, actor_kind, actor_id, 'Falsk', organisation, what, basis, prev_hash, hash FROM access_records WHERE seq = 102",
        )
        .await;
        common::tamper(&store, "UPDATE access_records SET seq = seq - 99 WHERE seq >= 100").await;
        assert_eq!(
            store.verify_access_log().await.unwrap(),
            Err(BrokenLink::Content { seq: 2 })
        );
        common::tamper(&store, "DELETE FROM access_records WHERE seq = 2").await;
        common::tamper(&store, "UPDATE access_records SET seq = seq - 1 WHERE seq >= 3").await;
        assert_eq!(store.verify_access_log().await.unwrap(), Ok(3));
        // The newest record deleted: the head says otherwise.
        common::tamper(&store, "DELETE FROM access_records WHERE seq = 3").await;
        assert_eq!(
            store.verify_access_log().await.unwrap(),
            Err(BrokenLink::Head { last: 2, head: 3 })
        );
    })
    .await;
}

#[tokio::test]
async fn pruning_keeps_the_chain_verifiable_and_a_deleted_citizen_leaves_no_name() {
    each_backend(|store| async move {
        let c = citizen(&store, "1205901806", now() - Duration::days(400)).await;
        store
            .record_access(&employer_read(c, now() - Duration::days(300)))
            .await
            .unwrap();
        store.record_access(&employer_read(c, now())).await.unwrap();
        assert_eq!(
            store
                .prune_access_log(now() - Duration::days(183))
                .await
                .unwrap(),
            2
        );
        assert_eq!(store.verify_access_log().await.unwrap(), Ok(1));
        assert_eq!(
            store
                .prune_access_log(now() - Duration::days(183))
                .await
                .unwrap(),
            0
        );
        // The citizen's history is theirs; once the profile goes, the records name no one.
        assert_eq!(
            store
                .access_history(c, now() - Duration::days(1))
                .await
                .unwrap()
                .len(),
            1
        );
        store.delete_citizen(c, now()).await.unwrap();
        assert_eq!(store.verify_access_log().await.unwrap(), Ok(1));
        assert!(store
            .access_history(c, now() - Duration::days(1))
            .await
            .unwrap()
            .is_empty());
    })
    .await;
}

/// The writer role of the two-process test: records `n` reads for `citizen` in the
/// database at `url` and exits.
async fn write_as_child(url: &str, citizen: i64, n: usize) {
    let store = Store::connect(url).await.unwrap();
    for i in 0..n {
        store
            .record_access(&employer_read(
                CitizenId::new(citizen),
                now() + Duration::seconds(i as i64),
            ))
            .await
            .unwrap();
    }
}

const CHILD: &str = "JOBSPOR_ACCESS_CHAIN_CHILD";

#[tokio::test]
async fn two_processes_writing_at_once_make_one_chain_on_postgresql() {
    if let Ok(spec) = std::env::var(CHILD) {
        let (url, citizen) = spec.split_once('|').unwrap();
        write_as_child(url, citizen.parse().unwrap(), 300).await;
        return;
    }
    let Some((store, admin_url, db)) = common::postgres().await else {
        return;
    };
    let url = common::database_url(&admin_url, &db);
    let c = citizen(&store, "1205901806", now()).await;
    // Two copies of this test binary, each its own process with its own pool.
    let children: Vec<_> = (0..2)
        .map(|_| {
            std::process::Command::new(std::env::current_exe().unwrap())
                .args([
                    "--exact",
                    "two_processes_writing_at_once_make_one_chain_on_postgresql",
                    "--test-threads=1",
                ])
                .env(CHILD, format!("{url}|{}", c.get()))
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    assert_eq!(store.verify_access_log().await.unwrap(), Ok(601));
    store.close().await;
    common::drop_database(&admin_url, &db).await;
}
