//! The CV on EURES (issue 24) over HTTP on both engines, driven by the simulated EURES
//! poller: opt in → created; edit the CV → modified with new content; hide a field →
//! modified, and the field carries the hide instruction; withdraw → closed and empty; a CV
//! made non-searchable, or a profile deleted, is closed too; each document handed over is
//! in the citizen's Min historik; a minor's CV waits for a guardian; only the token opens
//! the API.
use chrono::Duration;
use jobspor::access::AccessWhat;
use jobspor::cv::entry::{CvEntry, CvSection};
use jobspor::policy::operator_acts_for as me;
use jobspor::{CitizenId, Clock};
use jobspor_testkit::eures_poller::{references, SimulatedEuresPoller};
use jobspor_testkit::{client, each_backend, spawn, TestApp, EURES_TOKEN};
use reqwest::StatusCode;

async fn citizen_with_cv(app: &TestApp, cpr: &str, username: &str) -> (reqwest::Client, CitizenId) {
    app.citizen_with_cv(cpr, username).await
}

/// The document `getDetails` hands over for an active reference.
async fn content(eures: &SimulatedEuresPoller, reference: &str) -> String {
    eures.get_details(&[reference]).await["details"][reference]["content"]
        .as_str()
        .unwrap_or_else(|| panic!("no content for {reference}"))
        .to_string()
}

fn ms(app: &TestApp) -> i64 {
    app.clock.now().timestamp_millis()
}

async fn consent(app: &TestApp, c: &reqwest::Client, hidden: &[&str]) {
    let keys: Vec<String> = hidden
        .iter()
        .map(|f| format!("form[hidden__{f}]"))
        .collect();
    let mut form: Vec<(&str, &str)> = keys.iter().map(|k| (k.as_str(), "on")).collect();
    form.push(("form[accept__yes]", "on"));
    app.ok(c, "citizen/eures-consent", &form).await;
}

async fn fetched(app: &TestApp, id: CitizenId) -> usize {
    app.store
        .access_history(id, app.clock.now() - Duration::days(90))
        .await
        .unwrap()
        .iter()
        .filter(|h| h.what == AccessWhat::EuresFetchedCv)
        .count()
}

#[tokio::test]
async fn a_cv_goes_to_eures_with_consent_follows_the_cv_and_closes_when_withdrawn() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let eures = SimulatedEuresPoller::new(&app.base, EURES_TOKEN);
        let (c, id) = citizen_with_cv(&app, "2007761615", "poul.s").await;

        // Nothing is offered without consent; the consent box is required.
        assert!(references(&eures.get_all().await, "allReferences").is_empty());
        let refused = app
            .call(
                &c,
                "citizen/eures-consent",
                &[("form[hidden__email]", "on")],
            )
            .await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().await.unwrap().contains("eures.must_consent"));
        assert!(references(&eures.get_all().await, "allReferences").is_empty());

        // Opt in: created.
        let t0 = ms(&app);
        consent(&app, &c, &[]).await;
        let changes = eures.get_changes(t0).await;
        let created = references(&changes, "createdReferences");
        assert_eq!(created.len(), 1);
        assert!(references(&changes, "modifiedReferences").is_empty());
        assert!(references(&changes, "closedReferences").is_empty());
        let reference = created[0].clone();
        assert_eq!(reference.len(), 36, "a UUID: {reference}");
        let details = eures.get_details(&[&reference]).await;
        let detail = &details["details"][&reference];
        assert_eq!(detail["status"], "ACTIVE");
        let xml = detail["content"].as_str().unwrap();
        assert!(xml.contains(&reference) && xml.contains("Poul"), "{xml}");
        assert!(xml.contains("Sønderborg Elservice"));
        assert!(!xml.contains("2007761615") && !xml.contains("200776-1615"));
        assert!(!xml.contains("ProcessingInstructions"), "nothing hidden");
        // The document handed over is in the citizen's Min historik.
        assert_eq!(fetched(&app, id).await, 1);
        // A stranger gets nothing.
        let (status, _) = eures.get_all_as("not-the-token").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        let (status, _) = eures.get_details_as("", &[&reference]).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(fetched(&app, id).await, 1);

        // Nothing changed: the sweep leaves it alone, and nothing is reported as modified.
        app.clock.advance(Duration::minutes(2));
        let t1 = ms(&app);
        app.store.sync_eures(app.clock.now()).await.unwrap();
        let changes = eures.get_changes(t1).await;
        for list in [
            "createdReferences",
            "modifiedReferences",
            "closedReferences",
        ] {
            assert!(references(&changes, list).is_empty(), "{list}: {changes}");
        }

        // Edit the CV: modified, with the new content.
        app.clock.advance(Duration::minutes(2));
        let t2 = ms(&app);
        let now = app.clock.now();
        let entry = CvEntry::parse(
            CvSection::Language,
            &[("language", "de"), ("level", "B2")]
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            now.date_naive(),
        )
        .unwrap();
        app.store
            .save_cv_entry(me(id), None, &entry, now)
            .await
            .unwrap();
        let swept = app.store.sync_eures(now).await.unwrap();
        assert_eq!(swept.modified, 1);
        let changes = eures.get_changes(t2).await;
        assert_eq!(
            references(&changes, "modifiedReferences"),
            vec![reference.clone()]
        );
        assert!(references(&changes, "createdReferences").is_empty());
        let xml = content(&eures, &reference).await;
        assert!(xml.contains(">de<"), "German, ISO 639-1: {xml}");

        // Hide the name: modified, still sent, with the instruction not to show it.
        app.clock.advance(Duration::minutes(2));
        let t3 = ms(&app);
        consent(&app, &c, &["name"]).await;
        let changes = eures.get_changes(t3).await;
        assert_eq!(
            references(&changes, "modifiedReferences"),
            vec![reference.clone()]
        );
        let xml = content(&eures, &reference).await;
        assert!(
            xml.contains("ProcessingInstructions>/CandidatePerson/PersonName<"),
            "{xml}"
        );
        assert!(xml.contains("Poul"), "still sent: {xml}");

        // Withdraw: closed, and no content.
        app.clock.advance(Duration::minutes(2));
        let t4 = ms(&app);
        app.ok(&c, "citizen/eures-withdraw", &[]).await;
        let changes = eures.get_changes(t4).await;
        assert_eq!(
            references(&changes, "closedReferences"),
            vec![reference.clone()]
        );
        // The created list is not the closed one (NAV's slip).
        assert!(references(&changes, "createdReferences").is_empty());
        let details = eures.get_details(&[&reference]).await;
        let detail = &details["details"][&reference];
        assert_eq!(detail["status"], "CLOSED");
        assert!(detail.get("content").is_none(), "{detail}");
        let before = fetched(&app, id).await;
        assert_eq!(before, 3, "one record per document handed over");
        // The closure is kept: a poller away since before the consent still learns of it.
        let all = eures.get_all().await;
        assert_eq!(references(&all, "allReferences"), vec![reference.clone()]);
        assert_eq!(all["allReferences"][0]["status"], "CLOSED");
        let changes = eures.get_changes(t0).await;
        assert_eq!(
            references(&changes, "closedReferences"),
            vec![reference.clone()]
        );

        // The receipts: given, changed, withdrawn, each with the terms' version.
        let page: serde_json::Value =
            serde_json::from_str(&app.ok(&c, "citizen/eures", &[]).await).unwrap();
        let receipts = page["receipts"].as_array().unwrap();
        assert_eq!(receipts.len(), 3);
        assert!(receipts
            .iter()
            .all(|r| r["terms_version"] == jobspor::eures::consent::TERMS_VERSION));
        assert_eq!(receipts[1]["hidden"], "Navn");

        // Consent again: the same reference, created anew.
        app.clock.advance(Duration::minutes(2));
        let t5 = ms(&app);
        consent(&app, &c, &[]).await;
        assert_eq!(
            references(&eures.get_changes(t5).await, "createdReferences"),
            vec![reference.clone()]
        );
    })
    .await;
}

#[tokio::test]
async fn a_cv_no_longer_searchable_or_deleted_is_closed() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let eures = SimulatedEuresPoller::new(&app.base, EURES_TOKEN);
        let (c, id) = citizen_with_cv(&app, "2803751784", "birgitte.l").await;
        consent(&app, &c, &[]).await;
        let reference = references(&eures.get_all().await, "allReferences")[0].clone();

        // Made non-searchable by the citizen: closed at once.
        let t = ms(&app);
        app.store
            .set_cv_searchable(me(id), false, app.clock.now())
            .await
            .unwrap();
        assert_eq!(
            references(&eures.get_changes(t).await, "closedReferences"),
            vec![reference.clone()]
        );
        // Searchable again, the consent standing: offered again.
        app.clock.advance(Duration::minutes(1));
        let t = ms(&app);
        app.store
            .set_cv_searchable(me(id), true, app.clock.now())
            .await
            .unwrap();
        assert_eq!(
            references(&eures.get_changes(t).await, "createdReferences"),
            vec![reference.clone()]
        );

        // 12 weeks without a login: the sweep closes it.
        app.clock
            .advance(jobspor::retention::SEARCHABLE_WITHOUT_LOGIN + Duration::hours(1));
        let t = ms(&app);
        let swept = app.store.sync_eures(app.clock.now()).await.unwrap();
        assert_eq!(swept.closed, 1);
        assert_eq!(
            references(&eures.get_changes(t).await, "closedReferences"),
            vec![reference.clone()]
        );

        // A login makes it searchable again: the sweep offers it again.
        app.clock.advance(Duration::minutes(1));
        let t = ms(&app);
        app.store
            .set_citizen_last_login(id, app.clock.now())
            .await
            .unwrap();
        app.clock.advance(Duration::minutes(1));
        assert_eq!(
            app.store.sync_eures(app.clock.now()).await.unwrap().created,
            1
        );
        assert_eq!(
            references(&eures.get_changes(t).await, "createdReferences"),
            vec![reference.clone()]
        );

        // The profile deleted (as after 18½ months): closed, and the closure kept.
        app.clock.advance(Duration::minutes(1));
        let t = ms(&app);
        app.store.delete_citizen(id, app.clock.now()).await.unwrap();
        assert_eq!(
            references(&eures.get_changes(t).await, "closedReferences"),
            vec![reference.clone()]
        );
        let details = eures.get_details(&[&reference]).await;
        assert!(details["details"][&reference].get("content").is_none());
        // Closures are forgotten after the configured period.
        assert_eq!(
            app.store
                .purge_eures_closures(app.clock.now() + Duration::seconds(1))
                .await
                .unwrap(),
            1
        );
        assert!(references(&eures.get_all().await, "allReferences").is_empty());
    })
    .await;
}

#[tokio::test]
async fn a_minors_cv_waits_for_a_guardian_and_either_withdrawal_ends_it() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let eures = SimulatedEuresPoller::new(&app.base, EURES_TOKEN);
        // Cecilie, 17; Camilla Larsen holds custody (the simulated CPR register).
        let (child, child_id) = citizen_with_cv(&app, "0102095686", "cecilie.o").await;
        consent(&app, &child, &[]).await;
        assert!(
            references(&eures.get_all().await, "allReferences").is_empty(),
            "nothing is sent before a guardian consents"
        );

        let guardian = client();
        app.citizen(&guardian, "0212703972", "camilla.l").await;
        let wards: serde_json::Value =
            serde_json::from_str(&app.ok(&guardian, "citizen/eures-wards", &[]).await).unwrap();
        assert_eq!(wards.as_array().unwrap().len(), 1, "{wards}");
        assert_eq!(wards[0]["name"], "Cecilie Østergaard");
        assert_eq!(wards[0]["asked"], true);
        let ward = child_id.get().to_string();

        // Someone who is not her guardian cannot consent for her, even by a crafted id.
        let stranger = client();
        app.citizen(&stranger, "2806823409", "henrik.f").await;
        assert_eq!(
            app.refused(
                &stranger,
                "citizen/eures-guardian",
                &[("ward", ward.as_str()), ("give", "true")]
            )
            .await,
            jobspor_app::AppError::NotFound
        );
        assert!(references(&eures.get_all().await, "allReferences").is_empty());

        let t = ms(&app);
        app.ok(
            &guardian,
            "citizen/eures-guardian",
            &[("ward", ward.as_str()), ("give", "true")],
        )
        .await;
        let created = references(&eures.get_changes(t).await, "createdReferences");
        assert_eq!(created.len(), 1);

        // The guardian's withdrawal ends the transfer too.
        app.clock.advance(Duration::minutes(1));
        let t = ms(&app);
        app.ok(
            &guardian,
            "citizen/eures-guardian",
            &[("ward", ward.as_str()), ("give", "false")],
        )
        .await;
        assert_eq!(
            references(&eures.get_changes(t).await, "closedReferences"),
            created
        );
        // Both receipts are on the child's list, marked as the guardian's.
        let page: serde_json::Value =
            serde_json::from_str(&app.ok(&child, "citizen/eures", &[]).await).unwrap();
        let by: Vec<&str> = page["receipts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["by"].as_str().unwrap())
            .collect();
        assert_eq!(
            by,
            ["Forælder eller værge", "Forælder eller værge", "Dig selv"]
        );
    })
    .await;
}

#[tokio::test]
async fn a_protected_address_never_reaches_eures() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let eures = SimulatedEuresPoller::new(&app.base, EURES_TOKEN);
        // Anne Kristensen has address protection in the simulated register.
        let (c, _) = citizen_with_cv(&app, "2301781804", "anne.k").await;
        consent(&app, &c, &[]).await;
        let reference = references(&eures.get_all().await, "allReferences")[0].clone();
        let xml = content(&eures, &reference).await;
        let person = jobspor_app::ssr::cpr_register::SimulatedCprRegister::load().unwrap();
        let anne = jobspor_app::ssr::cpr_register::CprRegister::lookup(
            &person,
            &jobspor::cpr::Cpr::parse("2301781804").unwrap(),
        )
        .await
        .unwrap()
        .unwrap();
        assert!(anne.protected_address);
        for part in [&anne.street, &anne.postcode, &anne.city] {
            assert!(!xml.contains(part.as_str()), "{part} in {xml}");
        }
        // The preview says so.
        let preview: serde_json::Value =
            serde_json::from_str(&app.ok(&c, "citizen/eures-preview", &[]).await).unwrap();
        assert!(
            preview["rows"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["status"] == "Sendes ikke"),
            "{preview}"
        );
    })
    .await;
}
