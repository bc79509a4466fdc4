//! The citizen's rights (issue 26) over HTTP, as a crafted client would call the server
//! functions, against a real database: SQLite always, PostgreSQL when reachable.
use jobspor::access::AccessWhat;
use jobspor::cv_search::{CvQuery, SearchForm};
use jobspor::retention::searchable_login_cutoff;
use jobspor::Clock;
use jobspor_app::api::citizen::{HistoryEntryView, MyProfileView};
use jobspor_app::api::cv::MyCvView;
use jobspor_app::api::rights::{MyConsentsView, ObjectionView};
use jobspor_app::AppError;
use jobspor_testkit::eures_poller::{references, SimulatedEuresPoller};
use jobspor_testkit::{client, each_backend, idp, keys, spawn, TestApp, EURES_TOKEN};

/// William Mikkelsen, Aarhus: a person of the simulated register.
const CITIZEN: &str = "1906910161";

/// Phone, e-mail and the reminders change at any time after the first login, by the first
/// login's rule (a reminder needs its channel); a refusal keeps what was typed and changes
/// nothing; the change is in the citizen's own history.
#[tokio::test]
async fn contact_details_change_at_any_time_by_the_first_logins_rule() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let c = client();
        app.citizen(&c, CITIZEN, "william.m").await;
        let profile = |body: String| -> MyProfileView { serde_json::from_str(&body).unwrap() };

        // E-mail reminders without an address: refused, the phone typed kept, nothing saved.
        let e = app
            .refused(
                &c,
                "citizen/contact-details",
                &[
                    ("form[phone]", "20 30 40 50"),
                    ("form[email]", ""),
                    ("form[email_reminders]", "on"),
                ],
            )
            .await;
        assert_eq!(
            keys(&e),
            vec![("email".to_string(), "reminders.need_contact".to_string())]
        );
        match &e {
            AppError::Invalid { echo, .. } => {
                assert!(echo.contains(&("phone".to_string(), "20 30 40 50".to_string())))
            }
            _ => unreachable!(),
        }
        let before = profile(app.ok(&c, "citizen/profile", &[]).await);
        assert_eq!(before.phone, None);
        assert!(!before.email_reminders);

        let r = app
            .call(
                &c,
                "citizen/contact-details",
                &[
                    ("form[phone]", "20 30 40 50"),
                    ("form[email]", "william@eksempel.dk"),
                    ("form[email_reminders]", "on"),
                ],
            )
            .await;
        assert!(
            r.status().is_success() || r.status().is_redirection(),
            "{}",
            r.status()
        );
        let after = profile(app.ok(&c, "citizen/profile", &[]).await);
        assert_eq!(after.email.as_deref(), Some("william@eksempel.dk"));
        assert!(after.phone.is_some());
        assert!(after.email_reminders && !after.sms_reminders);

        // Emptied again: both may be left out when no reminder needs them.
        app.ok(
            &c,
            "citizen/contact-details",
            &[("form[phone]", ""), ("form[email]", "")],
        )
        .await;
        let emptied = profile(app.ok(&c, "citizen/profile", &[]).await);
        assert_eq!(
            (emptied.phone, emptied.email, emptied.email_reminders),
            (None, None, false)
        );

        let history: Vec<HistoryEntryView> =
            serde_json::from_str(&app.ok(&c, "citizen/history", &[]).await).unwrap();
        let changed = AccessWhat::ChangedContactDetails.label(jobspor::Lang::Da);
        assert_eq!(
            history.iter().filter(|h| h.what == changed).count(),
            2,
            "{history:?}"
        );

        // Only a citizen with a profile: anyone else is refused before the form is read.
        let stranger = client();
        let e = app
            .refused(
                &stranger,
                "citizen/contact-details",
                &[("form[phone]", "20304050")],
            )
            .await;
        assert_eq!(e, AppError::NotLoggedIn);
    })
    .await;
}

/// "Hent alle dine data": one JSON file of everything, as a download (a plain link, no
/// referrer); the download is in Min historik; no one but the citizen gets it.
#[tokio::test]
async fn a_citizen_downloads_everything_as_one_file_and_the_download_is_recorded() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let c = client();
        app.citizen(&c, CITIZEN, "william.m").await;
        app.ok(
            &c,
            "jobseeker/register",
            &[("form[situation]", "dagpenge"), ("form[a_kasse]", "hk")],
        )
        .await;
        let r = c
            .get(format!("{}/api/citizen/my-data", app.base))
            .header(reqwest::header::ACCEPT, "text/html,application/json")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{:?}", r.headers());
        let disposition = r
            .headers()
            .get(reqwest::header::CONTENT_DISPOSITION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        assert_eq!(
            disposition,
            "attachment; filename=\"jobspor-mine-data.json\""
        );
        let data: jobspor_app::api::rights::MyData =
            serde_json::from_str(&r.text().await.unwrap()).unwrap();
        assert_eq!(data.format, jobspor_app::api::rights::MY_DATA_FORMAT);
        assert_eq!(data.profile.username.as_deref(), Some("william.m"));
        assert_eq!(data.cpr_number.replace('-', ""), CITIZEN);
        assert_eq!(
            data.jobseeker.registration.map(|r| r.situation),
            Some(jobspor::jobseeker::eligibility::Situation::Dagpenge)
        );
        assert_eq!(
            data.special_categories,
            vec!["jobseeker.health_answers".to_string()]
        );

        let history: Vec<HistoryEntryView> =
            serde_json::from_str(&app.ok(&c, "citizen/history", &[]).await).unwrap();
        let downloaded = AccessWhat::DownloadedOwnData.label(jobspor::Lang::Da);
        assert_eq!(
            history.iter().filter(|h| h.what == downloaded).count(),
            1,
            "{history:?}"
        );

        // The CV alone, as the HR-XML Candidate EURES gets, named as a file.
        let r = c
            .get(format!("{}/api/citizen/my-cv.xml", app.base))
            .header(reqwest::header::ACCEPT, "text/html")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert!(r.headers()[reqwest::header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/xml"));
        assert_eq!(
            r.headers()[reqwest::header::CONTENT_DISPOSITION],
            "attachment; filename=\"jobspor-cv.xml\""
        );
        let xml = r.text().await.unwrap();
        assert!(xml.contains("<Candidate"), "{xml}");
        assert!(xml.contains("Mikkelsen"), "{xml}");
        assert!(!xml.contains(CITIZEN), "no CPR number in the CV document");

        let stranger = client();
        let r = stranger
            .get(format!("{}/api/citizen/my-data", app.base))
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401);
    })
    .await;
}

/// How many CVs the employers' search lists now.
async fn listed(app: &TestApp) -> i64 {
    let q = CvQuery::parse(&SearchForm::from_pairs(std::iter::empty::<(&str, &str)>())).unwrap();
    app.store
        .search_cvs(&q, searchable_login_cutoff(app.clock.now()))
        .await
        .unwrap()
        .total
}

async fn history_count(app: &TestApp, c: &reqwest::Client, what: AccessWhat) -> usize {
    let history: Vec<HistoryEntryView> =
        serde_json::from_str(&app.ok(c, "citizen/history", &[]).await).unwrap();
    let label = what.label(jobspor::Lang::Da);
    history.iter().filter(|h| h.what == label).count()
}

async fn consent_to_eures(app: &TestApp, c: &reqwest::Client) {
    app.ok(c, "citizen/eures-consent", &[("form[accept__yes]", "on")])
        .await;
}

/// "Slet dit CV": refused without the ticked box (nothing goes); with it, every entry
/// goes, the CV leaves the employers' search and EURES at once, and Min historik says so.
#[tokio::test]
async fn deleting_the_cv_takes_it_out_of_search_and_eures_at_once() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let eures = SimulatedEuresPoller::new(&app.base, EURES_TOKEN);
        let before = listed(&app).await;
        let (c, _) = app.citizen_with_cv("2812832908", "sofie.d").await;
        consent_to_eures(&app, &c).await;
        assert_eq!(listed(&app).await, before + 1);
        let reference = references(&eures.get_all().await, "allReferences")[0].clone();

        // No confirmation, or a crafted "no": refused, nothing deleted.
        for form in [vec![], vec![("form[confirm]", "no")]] {
            let e = app.refused(&c, "citizen/delete-cv", &form).await;
            assert_eq!(
                keys(&e),
                vec![("confirm".to_string(), "rights.confirm_required".to_string())]
            );
        }
        let cv = |body: String| -> MyCvView { serde_json::from_str(&body).unwrap() };
        assert_eq!(cv(app.ok(&c, "cv/mine", &[]).await).entries.len(), 2);

        let t = app.clock.now().timestamp_millis();
        app.ok(&c, "citizen/delete-cv", &[("form[confirm]", "on")])
            .await;
        let after = cv(app.ok(&c, "cv/mine", &[]).await);
        assert!(after.entries.is_empty() && !after.searchable);
        assert_eq!(listed(&app).await, before);
        assert_eq!(
            references(&eures.get_changes(t).await, "closedReferences"),
            vec![reference]
        );
        assert_eq!(history_count(&app, &c, AccessWhat::DeletedOwnCv).await, 1);
        // The profile stays, and a new CV can be written.
        let profile: MyProfileView =
            serde_json::from_str(&app.ok(&c, "citizen/profile", &[]).await).unwrap();
        assert_eq!(profile.username.as_deref(), Some("sofie.d"));
    })
    .await;
}

/// "Slet hele din profil": refused without the ticked box; with it, the citizen is gone
/// in one go, the session ends, and the access log keeps its records naming no one.
#[tokio::test]
async fn deleting_the_profile_needs_the_confirmation_and_ends_the_session() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let (c, id) = app.citizen_with_cv("1005741809", "bo.k").await;
        let e = app
            .refused(&c, "citizen/delete-profile", &[("form[confirm]", "")])
            .await;
        assert_eq!(
            keys(&e),
            vec![("confirm".to_string(), "rights.confirm_required".to_string())]
        );
        assert!(app.store.citizen(id).await.is_ok());

        let before = listed(&app).await;
        app.ok(&c, "citizen/delete-profile", &[("form[confirm]", "on")])
            .await;
        assert!(app
            .store
            .citizen_id_by_cpr("1005741809")
            .await
            .unwrap()
            .is_none());
        assert_eq!(listed(&app).await, before - 1);
        assert_eq!(
            app.refused(&c, "citizen/profile", &[]).await,
            AppError::NotLoggedIn
        );
        // The chain of the access log still verifies from its anchor.
        assert!(app.store.verify_access_log().await.unwrap().is_ok());
    })
    .await;
}

/// "Begræns behandlingen": the CV leaves the search and EURES; lifting it brings both
/// back; each change is in Min historik, and a second "restrict" changes nothing.
#[tokio::test]
async fn a_restriction_takes_the_cv_out_and_lifting_it_restores() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let eures = SimulatedEuresPoller::new(&app.base, EURES_TOKEN);
        let before = listed(&app).await;
        let (c, id) = app.citizen_with_cv("0212703972", "ida.r").await;
        consent_to_eures(&app, &c).await;
        let reference = references(&eures.get_all().await, "allReferences")[0].clone();

        let e = app
            .refused(&c, "citizen/restrict", &[("restrict", "maybe")])
            .await;
        assert_eq!(
            keys(&e),
            vec![("restrict".to_string(), "choice.invalid".to_string())]
        );

        let t = app.clock.now().timestamp_millis();
        app.ok(&c, "citizen/restrict", &[("restrict", "yes")]).await;
        app.ok(&c, "citizen/restrict", &[("restrict", "yes")]).await;
        assert_eq!(listed(&app).await, before);
        assert!(app.store.citizen(id).await.unwrap().restricted_at.is_some());
        let since: Option<String> =
            serde_json::from_str(&app.ok(&c, "citizen/restriction", &[]).await).unwrap();
        assert!(since.is_some());
        assert_eq!(
            references(&eures.get_changes(t).await, "closedReferences"),
            vec![reference.clone()]
        );
        // Saving the CV while restricted does not list it.
        app.store
            .set_cv_searchable(
                jobspor::policy::operator_acts_for(id),
                true,
                app.clock.now(),
            )
            .await
            .unwrap();
        assert_eq!(listed(&app).await, before);

        app.clock.advance(chrono::Duration::minutes(1));
        let t = app.clock.now().timestamp_millis();
        app.ok(&c, "citizen/restrict", &[("restrict", "no")]).await;
        assert_eq!(listed(&app).await, before + 1);
        assert_eq!(
            references(&eures.get_changes(t).await, "createdReferences"),
            vec![reference]
        );
        assert_eq!(history_count(&app, &c, AccessWhat::Restricted).await, 1);
        assert_eq!(
            history_count(&app, &c, AccessWhat::LiftedRestriction).await,
            1
        );
    })
    .await;
}

/// "Gør indsigelse": refused without what and why (kept as typed); received, listed to
/// support, moved on and answered, the answer read by the citizen; an answer is final,
/// and no one but support moves it.
#[tokio::test]
async fn an_objection_is_received_handled_and_answered() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        app.seed_demo().await;
        let c = client();
        app.citizen(&c, CITIZEN, "william.m").await;
        let e = app
            .refused(&c, "citizen/object", &[("form[reason]", "Fordi")])
            .await;
        assert_eq!(
            keys(&e),
            vec![("about".to_string(), "choice.required".to_string())]
        );
        app.ok(
            &c,
            "citizen/object",
            &[
                ("form[about]", "research"),
                ("form[reason]", "Jeg vil ikke med i projektet."),
            ],
        )
        .await;
        let mine = |body: String| -> Vec<ObjectionView> { serde_json::from_str(&body).unwrap() };
        let list = mine(app.ok(&c, "citizen/objections", &[]).await);
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].state_code, "received");
        let id = list[0].id.to_string();

        // The citizen cannot move it; support can.
        let r = app
            .call(
                &c,
                "support/handle-objection",
                &[
                    ("form[objection]", &id),
                    ("form[state]", "answered"),
                    ("form[answer]", "Nej"),
                ],
            )
            .await;
        assert!(matches!(r.status().as_u16(), 401 | 403), "{}", r.status());
        let lone = client();
        app.staff(&lone, "lone.support", Some(idp::OTP)).await;
        let support = mine(app.ok(&lone, "support/objections", &[]).await);
        assert_eq!(support.len(), 1);
        assert_eq!(support[0].reason, "Jeg vil ikke med i projektet.");

        // Answered needs an answer.
        let e = app
            .refused(
                &lone,
                "support/handle-objection",
                &[("form[objection]", &id), ("form[state]", "answered")],
            )
            .await;
        assert_eq!(
            keys(&e),
            vec![(
                "answer".to_string(),
                "objection.answer_required".to_string()
            )]
        );
        app.ok(
            &lone,
            "support/handle-objection",
            &[("form[objection]", &id), ("form[state]", "in_handling")],
        )
        .await;
        app.ok(
            &lone,
            "support/handle-objection",
            &[
                ("form[objection]", &id),
                ("form[state]", "answered"),
                ("form[answer]", "Dine data er taget ud af projektet."),
            ],
        )
        .await;
        let e = app
            .refused(
                &lone,
                "support/handle-objection",
                &[("form[objection]", &id), ("form[state]", "in_handling")],
            )
            .await;
        assert_eq!(
            keys(&e),
            vec![("state".to_string(), "objection.answered".to_string())]
        );
        let list = mine(app.ok(&c, "citizen/objections", &[]).await);
        assert_eq!(list[0].state_code, "answered");
        assert_eq!(
            list[0].answer.as_deref(),
            Some("Dine data er taget ud af projektet.")
        );
        assert_eq!(list[0].handled_by.as_deref(), Some("Lone Kjær"));
    })
    .await;
}

/// "Dine samtykker": the EURES receipts and support's consents, in one place.
#[tokio::test]
async fn the_consents_are_one_list_of_receipts() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let c = client();
        app.citizen(&c, CITIZEN, "william.m").await;
        let view = |body: String| -> MyConsentsView { serde_json::from_str(&body).unwrap() };
        let empty = view(app.ok(&c, "citizen/consents", &[]).await);
        assert!(empty.eures.is_empty() && empty.support.is_empty());
        consent_to_eures(&app, &c).await;
        app.ok(&c, "citizen/eures-withdraw", &[]).await;
        let two = view(app.ok(&c, "citizen/consents", &[]).await);
        assert_eq!(two.eures.len(), 2, "{two:?}");
        assert!(two.eures.iter().all(|r| !r.terms_version.is_empty()));
    })
    .await;
}

/// A restriction is a marker in the jobcentre's case view, gone when lifted.
#[tokio::test]
async fn the_jobcentre_sees_the_restriction_marker() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        app.seed_demo().await;
        let c = client();
        app.citizen(&c, CITIZEN, "william.m").await;
        app.ok(&c, "citizen/restrict", &[("restrict", "yes")]).await;
        let anna = client();
        app.staff(&anna, "anna.aarhus", Some(idp::OTP)).await;
        let found = app
            .call(&anna, "caseworker/find", &[("cpr", "190691-0161")])
            .await;
        let to = found.headers()[reqwest::header::LOCATION]
            .to_str()
            .unwrap()
            .to_string();
        let reference = to
            .strip_prefix("/sagsbehandler/borger/")
            .unwrap()
            .to_string();
        let case = |body: String| -> jobspor_app::api::case::CitizenCase {
            serde_json::from_str(&body).unwrap()
        };
        let read = case(
            app.ok(&anna, "caseworker/citizen", &[("reference", &reference)])
                .await,
        );
        assert!(read.restricted_since.is_some());
        app.ok(&c, "citizen/restrict", &[("restrict", "no")]).await;
        let read = case(
            app.ok(&anna, "caseworker/citizen", &[("reference", &reference)])
                .await,
        );
        assert!(read.restricted_since.is_none());
    })
    .await;
}
