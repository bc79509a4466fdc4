//! Housekeeping on a real database, with the clock moved instead of waited for.
use chrono::{Duration, TimeZone, Utc};
use jobspor::cpr::Cpr;
use jobspor::policy::{operator_acts_for, ActorKind};
use jobspor_app::ssr::cpr_register::{CprRegister, SimulatedCprRegister};
use jobspor_server::jobs::run_once;
use jobspor_store::StoreError;
use jobspor_testkit::each_backend;

#[tokio::test]
async fn a_profile_inactive_for_18_and_a_half_months_is_deleted_with_its_cv() {
    each_backend(|store| async move {
        let register = SimulatedCprRegister::load().unwrap();
        let t0 = Utc.with_ymd_and_hms(2025, 1, 10, 12, 0, 0).unwrap();
        let cpr = Cpr::parse("2005982695").unwrap();
        let person = register.lookup(&cpr).await.unwrap().unwrap();
        let old = store
            .citizen_mitid_login(cpr.digits(), &person, "sim", t0)
            .await
            .unwrap()
            .citizen_id;
        let cpr2 = Cpr::parse("1304782207").unwrap();
        let person2 = register.lookup(&cpr2).await.unwrap().unwrap();
        let recent = store
            .citizen_mitid_login(cpr2.digits(), &person2, "sim", t0 + Duration::days(30))
            .await
            .unwrap()
            .citizen_id;
        store
            .create_session("h", ActorKind::Citizen, old.get(), "acr", t0)
            .await
            .unwrap();

        // Two weeks before (11-07-2026) the day's first run warns; a second run the same
        // day does not scan again (issue 23).
        let warn = Utc.with_ymd_and_hms(2026, 7, 11, 12, 0, 0).unwrap();
        let r = run_once(&store, warn).await.unwrap();
        assert_eq!(r.notices.map(|n| n.deletion_warnings), Some(1));
        let r = run_once(&store, warn + Duration::minutes(5)).await.unwrap();
        assert_eq!(r.notices, None, "once a day");

        // 18 months and 15 days after the last activity (25-07-2026), not a second before.
        let due = Utc.with_ymd_and_hms(2026, 7, 25, 12, 0, 0).unwrap();
        let r = run_once(&store, due - Duration::seconds(1)).await.unwrap();
        assert_eq!(r.profiles_deleted, 0);
        assert!(store.citizen(old).await.is_ok());
        let r = run_once(&store, due).await.unwrap();
        assert_eq!(r.profiles_deleted, 1);
        assert!(matches!(
            store.citizen(old).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            store.cv_of_citizen(operator_acts_for(old)).await,
            Err(StoreError::NotFound)
        ));
        assert!(store.session("h").await.unwrap().is_none());
        assert!(store.citizen(recent).await.is_ok());
    })
    .await;
}
