//! A caseworker's lookups: each recorded, a hit's reference for that caseworker and a
//! working day only.
use chrono::{DateTime, Duration, TimeZone, Utc};
use jobspor::person::RegisterPerson;
use jobspor::policy::operator_acts_for as me;
use jobspor_store::testing::each_backend;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 5, 9, 0, 0).unwrap()
}

fn person() -> RegisterPerson {
    jobspor_store::testing::person("Mette")
}

#[tokio::test]
async fn lookups_are_recorded_and_a_reference_serves_its_caseworker_for_a_day() {
    each_backend(|store| async move {
        let anna = store
            .upsert_caseworker(
                "anna.aarhus",
                "Anna Sørensen",
                "Jobcenter Aarhus",
                &["751"],
                now(),
            )
            .await
            .unwrap();
        let sara = store
            .upsert_caseworker(
                "sara.odense",
                "Sara Holm",
                "Jobcenter Odense",
                &["461"],
                now(),
            )
            .await
            .unwrap();
        let mette = store
            .citizen_mitid_login("1205901806", &person(), "sim", now())
            .await
            .unwrap()
            .citizen_id;
        let until = now() + Duration::hours(10);
        let miss = store
            .record_lookup(me(anna), "0101010101", None, now(), until)
            .await
            .unwrap();
        assert_eq!(miss, None);
        let hit = store
            .record_lookup(
                me(anna),
                "1205901806",
                Some(mette),
                now() + Duration::minutes(1),
                until,
            )
            .await
            .unwrap()
            .expect("a reference for a hit");

        let audit = store
            .caseworker_lookups(me(anna), now() - Duration::days(1))
            .await
            .unwrap();
        let seen: Vec<(&str, bool)> = audit.iter().map(|l| (l.cpr.as_str(), l.found)).collect();
        assert_eq!(seen, [("1205901806", true), ("0101010101", false)]);
        assert!(store
            .caseworker_lookups(me(sara), now() - Duration::days(1))
            .await
            .unwrap()
            .is_empty());

        assert_eq!(
            store.case_reference(me(anna), &hit, now()).await.unwrap(),
            Some(mette)
        );
        assert_eq!(
            store.case_reference(me(sara), &hit, now()).await.unwrap(),
            None,
            "another caseworker's"
        );
        assert_eq!(
            store.case_reference(me(anna), &hit, until).await.unwrap(),
            None,
            "expired"
        );

        // Housekeeping: the expired reference and lookups past their period go.
        assert_eq!(
            store
                .prune_lookups(now() + Duration::minutes(1), until)
                .await
                .unwrap(),
            2
        );
        assert_eq!(
            store
                .caseworker_lookups(me(anna), now() - Duration::days(1))
                .await
                .unwrap()
                .len(),
            1
        );
    })
    .await;
}
