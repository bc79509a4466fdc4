//! The citizen's rights (issue 26) over HTTP, as a crafted client would call the server
//! functions, against a real database: SQLite always, PostgreSQL when reachable.
use jobspor::access::AccessWhat;
use jobspor_app::api::citizen::{HistoryEntryView, MyProfileView};
use jobspor_app::AppError;
use jobspor_testkit::{client, each_backend, spawn};

/// William Mikkelsen, Aarhus: a person of the simulated register.
const CITIZEN: &str = "1906910161";

fn fields(e: &AppError) -> Vec<(String, String)> {
    match e {
        AppError::Invalid { errors, .. } => errors
            .iter()
            .map(|e| (e.field.clone(), e.key.key().to_string()))
            .collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

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
            fields(&e),
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
