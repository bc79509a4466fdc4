//! The door in front of the app (`jobspor_server::{csrf, rate_limits, flash}` and the
//! router's headers and body limit), over HTTP against a real database: SQLite always,
//! PostgreSQL when reachable.
use chrono::Duration;
use jobspor::policy::operator_acts_for;
use jobspor::{Clock, Msg};
use jobspor_app::ssr::limits::Quotas;
use jobspor_app::AppError;
use jobspor_server::config::Door;
use jobspor_testkit::{
    client, each_backend, server_functions, spawn, spawn_with, Settings, TestApp,
};
use reqwest::header::{ACCEPT, CONTENT_TYPE, LOCATION, ORIGIN};
use reqwest::StatusCode;
use std::sync::Arc;

const FOREIGN: &str = "https://evil.example";

fn settings(quotas: impl FnOnce(&mut Quotas), door: impl FnOnce(&mut Door)) -> Settings {
    let mut s = Settings::default();
    quotas(&mut s.quotas);
    door(&mut s.door);
    s
}

/// A form post to `path` with the given extra headers, as a page would send it.
async fn post(
    app: &TestApp,
    c: &reqwest::Client,
    path: &str,
    headers: &[(&str, &str)],
    body: impl Into<reqwest::Body>,
) -> reqwest::Response {
    let mut r = c
        .post(format!("{}{path}", app.base))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(body);
    for (k, v) in headers {
        r = r.header(*k, *v);
    }
    r.send().await.unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[tokio::test]
async fn a_post_from_outside_the_site_is_refused_on_every_endpoint_and_page() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let c = client();
        let endpoints = server_functions();
        assert!(endpoints.len() > 30, "the API's sources were read");
        let mut paths: Vec<String> = endpoints
            .iter()
            .map(|f| format!("/api/{}", f.endpoint))
            .collect();
        // Pages and sign-in flows outside /api are behind the same door.
        paths.extend(["/borger/cv".into(), "/auth/callback".into(), "/".into()]);
        let own = app.base.clone();
        let cross: [&[(&str, &str)]; 4] = [
            &[("origin", FOREIGN)],
            &[("origin", "null")],
            &[("sec-fetch-site", "cross-site")],
            &[("sec-fetch-site", "same-site")],
        ];
        let mut wrong = Vec::new();
        for path in &paths {
            for headers in cross.iter().copied().chain([&[][..]]) {
                let r = post(&app, &c, path, headers, "").await;
                let status = r.status();
                let body = r.text().await.unwrap();
                if status != StatusCode::FORBIDDEN || body != Msg::RequestForeign.da() {
                    wrong.push(format!("{path} with {headers:?}: {status} {body}"));
                }
            }
            // From the site's own pages: this layer lets it through.
            for headers in [
                &[("origin", own.as_str())][..],
                &[("origin", own.as_str()), ("sec-fetch-site", "same-origin")],
                &[("sec-fetch-site", "same-origin")],
            ] {
                let r = post(&app, &client(), path, headers, "").await;
                let status = r.status();
                let body = r.text().await.unwrap();
                if body == Msg::RequestForeign.da() {
                    wrong.push(format!("{path} with {headers:?} refused: {status}"));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        // Reading is not changing: a GET with a foreign origin is answered.
        let r = c
            .get(format!("{}/privatliv", app.base))
            .header(ORIGIN, FOREIGN)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn a_server_to_server_path_may_be_allowed_without_browser_headers() {
    let (store, _dir) = jobspor_testkit::sqlite().await;
    let app = spawn_with(
        store,
        settings(
            |_| {},
            |d| d.csrf_allowed_paths = vec!["/api/session".into()],
        ),
    )
    .await;
    let r = post(&app, &client(), "/api/session", &[], "").await;
    assert_eq!(r.status(), StatusCode::OK);
    let r = post(&app, &client(), "/api/session", &[("origin", FOREIGN)], "").await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = post(&app, &client(), "/api/logout", &[], "").await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_public_url_is_the_sites_origin_when_set() {
    let (store, _dir) = jobspor_testkit::sqlite().await;
    let app = spawn_with(
        store,
        settings(
            |_| {},
            |d| d.public_url = Some("https://jobspor.dk/".into()),
        ),
    )
    .await;
    let from_host = app.base.clone();
    let r = post(
        &app,
        &client(),
        "/api/session",
        &[("origin", &from_host)],
        "",
    )
    .await;
    assert_eq!(
        r.status(),
        StatusCode::FORBIDDEN,
        "the Host no longer decides"
    );
    let r = post(
        &app,
        &client(),
        "/api/session",
        &[("origin", "https://jobspor.dk")],
        "",
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
}

#[tokio::test]
async fn every_answer_carries_the_security_headers_and_hsts_only_over_tls() {
    each_backend(|store| async move {
        let app = spawn(store.clone()).await;
        for path in ["/", "/healthz", "/api/session"] {
            let c = app.client();
            let r = if path.starts_with("/api/") {
                c.post(format!("{}{path}", app.base)).send().await.unwrap()
            } else {
                c.get(format!("{}{path}", app.base)).send().await.unwrap()
            };
            let h = r.headers();
            let policy = h.get("permissions-policy").unwrap().to_str().unwrap();
            for feature in [
                "camera",
                "microphone",
                "geolocation",
                "payment",
                "usb",
                "interest-cohort",
            ] {
                assert!(
                    policy.contains(&format!("{feature}=()")),
                    "{path}: {policy}"
                );
            }
            assert_eq!(
                h.get("cross-origin-opener-policy").unwrap(),
                "same-origin",
                "{path}"
            );
            assert!(
                h.get("strict-transport-security").is_none(),
                "{path}: plain HTTP"
            );
        }
        let tls = spawn_with(store, settings(|_| {}, |d| d.tls = true)).await;
        let r = client().get(format!("{}/", tls.base)).send().await.unwrap();
        assert_eq!(
            r.headers().get("strict-transport-security").unwrap(),
            "max-age=63072000; includeSubDomains"
        );
    })
    .await;
}

#[tokio::test]
async fn a_body_over_256_kb_is_refused_with_413() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let c = app.client();
        app.citizen(&c, "2005982695", "rasmus").await;
        let huge = format!(
            "section=work_experience&id=&form%5Btasks%5D={}",
            "x".repeat(3 << 20)
        );
        for path in ["/api/cv/entry/save", "/borger/cv"] {
            let r = post(&app, &c, path, &[], huge.clone()).await;
            assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE, "{path}");
            assert_eq!(r.text().await.unwrap(), Msg::RequestTooLarge.da());
        }
        // Just under the limit reaches the function.
        let fits = format!(
            "section=work_experience&id=&form%5Btasks%5D={}",
            "x".repeat(200 << 10)
        );
        let r = post(
            &app,
            &c,
            "/api/cv/entry/save",
            &[("accept", "application/json")],
            fits,
        )
        .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    })
    .await;
}

#[tokio::test]
async fn a_refused_entry_save_keeps_no_oversize_draft() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let c = app.client();
        app.citizen(&c, "2005982695", "rasmus").await;
        let (citizen, _) = app
            .store
            .citizen_password_hash("rasmus")
            .await
            .unwrap()
            .unwrap();
        let me = operator_acts_for(citizen);
        let section = jobspor::cv::CvSection::WorkExperience;
        app.refused(
            &c,
            "cv/entry/save",
            &[
                ("section", "work_experience"),
                ("id", ""),
                ("form[position]", "Kok"),
            ],
        )
        .await;
        assert!(app.store.cv_draft(me, section).await.unwrap().is_some());
        // Under the body limit, over the draft's bound: refused, and not kept.
        let long = "x".repeat(100 << 10);
        app.refused(
            &c,
            "cv/entry/save",
            &[
                ("section", "work_experience"),
                ("id", ""),
                ("form[tasks]", &long),
            ],
        )
        .await;
        let draft = app.store.cv_draft(me, section).await.unwrap().unwrap();
        assert_eq!(
            draft.fields.get("position").map(String::as_str),
            Some("Kok")
        );
        assert!(
            serde_json::to_string(&draft.fields).unwrap().len() <= jobspor::cv::MAX_DRAFT_BYTES
        );
    })
    .await;
}

#[tokio::test]
async fn sign_in_is_limited_per_address_and_a_forged_forwarded_for_does_not_escape() {
    each_backend(|store| async move {
        let login = [("username", "ingen"), ("password", "forkert-forkert")];
        let app = spawn_with(
            store.clone(),
            settings(|q| q.sign_in_per_minute = 3, |_| {}),
        )
        .await;
        let mut statuses = Vec::new();
        for i in 0..4 {
            let r = app
                .client()
                .post(format!("{}/api/citizen/login", app.base))
                .header("x-forwarded-for", format!("203.0.113.{i}"))
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(serde_urlencoded::to_string(login).unwrap())
                .send()
                .await
                .unwrap();
            statuses.push(r.status().as_u16());
            if i == 3 {
                assert_eq!(r.headers().get("retry-after").unwrap(), "20");
                assert_eq!(r.text().await.unwrap(), Msg::TooManyRequests.da());
            }
        }
        assert_eq!(statuses, [422, 422, 422, 429]);
        // The app's own client asks for JSON and gets the refusal it knows.
        assert_eq!(
            app.refused(&client(), "citizen/login", &login).await,
            AppError::TooMany(Msg::TooManyRequests)
        );
        // Every path of the sign-in flows shares the allowance.
        let r = post(&app, &app.client(), "/api/auth/start", &[], "").await;
        assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
        // The throttle inside the app saw the connection's address, not the header's.
        let since = app.clock.now() - Duration::hours(1);
        assert_eq!(
            app.store
                .login_failures_since("citizen:ingen", "127.0.0.1", since)
                .await
                .unwrap(),
            (3, 3)
        );

        // Behind a trusted proxy, the forwarded address is the client's.
        let app = spawn_with(
            store,
            settings(|q| q.sign_in_per_minute = 3, |d| d.trust_proxy = true),
        )
        .await;
        for i in 0..6 {
            let r = app
                .client()
                .post(format!("{}/api/citizen/login", app.base))
                .header("x-forwarded-for", format!("198.51.100.1, 203.0.113.{i}"))
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(serde_urlencoded::to_string(login).unwrap())
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "client {i}");
        }
        // The throttle inside the app saw the proxy's word too (the first guesses of this
        // user were still checked and recorded).
        let since = app.clock.now() - Duration::hours(1);
        assert_eq!(
            app.store
                .login_failures_since("citizen:ingen", "203.0.113.0", since)
                .await
                .unwrap()
                .1,
            1
        );
        let mut statuses = Vec::new();
        for _ in 0..4 {
            let r = app
                .client()
                .post(format!("{}/api/citizen/login", app.base))
                .header("x-forwarded-for", "203.0.113.200")
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(serde_urlencoded::to_string(login).unwrap())
                .send()
                .await
                .unwrap();
            statuses.push(r.status().as_u16());
        }
        assert_eq!(statuses, [422, 422, 422, 429]);
    })
    .await;
}

#[tokio::test]
async fn contact_requests_are_limited_per_address() {
    each_backend(|store| async move {
        let app = spawn_with(store, settings(|q| q.contact_requests_per_hour = 2, |_| {})).await;
        let form = [("cv_id", "0"), ("message", "Hej")];
        for _ in 0..2 {
            assert_eq!(
                app.refused(&client(), "employer/contact-request", &form)
                    .await,
                AppError::NotLoggedIn
            );
        }
        assert_eq!(
            app.refused(&client(), "employer/contact-request", &form)
                .await,
            AppError::TooMany(Msg::TooManyRequests)
        );
    })
    .await;
}

#[tokio::test]
async fn forty_guesses_at_once_get_at_most_five_password_checks() {
    each_backend(|store| async move {
        let app = Arc::new(spawn(store).await);
        app.citizen(&app.client(), "2005982695", "rasmus").await;
        let mut guesses = tokio::task::JoinSet::new();
        for i in 0..40 {
            let app = app.clone();
            guesses.spawn(async move {
                let password = format!("forkert-gæt-{i}");
                app.refused(
                    &client(),
                    "citizen/login",
                    &[("username", "rasmus"), ("password", &password)],
                )
                .await
            });
        }
        let mut answers = Vec::new();
        while let Some(a) = guesses.join_next().await {
            answers.push(a.unwrap());
        }
        assert_eq!(answers.len(), 40);
        for a in &answers {
            let AppError::Invalid { errors, .. } = a else {
                panic!("{a:?}")
            };
            let keys: Vec<Msg> = errors.iter().map(|e| e.key).collect();
            assert!(
                keys == [Msg::LoginFailed] || keys == [Msg::LoginThrottled],
                "{keys:?}"
            );
        }
        let since = app.clock.now() - Duration::hours(1);
        let (checked, _) = app
            .store
            .login_failures_since("citizen:rasmus", "127.0.0.1", since)
            .await
            .unwrap();
        assert!(
            (1..=5).contains(&checked),
            "{checked} passwords were checked"
        );
    })
    .await;
}

#[tokio::test]
async fn an_employer_opening_cvs_past_the_ceiling_gets_429_and_an_alert_is_logged() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter("jobspor_app=warn")
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _default = tracing::subscriber::set_default(subscriber);
    each_backend(|store| async move {
        let app = spawn_with(store, settings(|q| q.cv_openings_per_hour = 3, |_| {})).await;
        app.seed_demo().await;
        let c = app.client();
        app.mitid_erhverv(&c, jobspor_testkit::idp::KAREN_REGION_MIDT)
            .await;
        // Every opening counts, found or not: guessing ids is harvesting too.
        for _ in 0..3 {
            assert_eq!(
                app.refused(&c, "employer/cv", &[("cv_id", "0")]).await,
                AppError::NotFound
            );
        }
        let e = app.refused(&c, "employer/cv", &[("cv_id", "0")]).await;
        assert_eq!(e, AppError::TooMany(Msg::CvOpeningsCeiling));
        assert_eq!(e.http_status(), 429);
    })
    .await;
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let alert = log
        .lines()
        .find(|l| l.contains("alert=\"cv_openings_ceiling\""))
        .unwrap_or_else(|| panic!("no alert in the log:\n{log}"));
    assert!(alert.contains("WARN"), "{alert}");
}

/// Log lines written while a test runs, to read back.
#[derive(Clone, Default)]
struct Captured(Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A form posted as a browser without JavaScript does: HTML accepted, not JSON, from the
/// page it is on.
async fn plain_form_post(
    app: &TestApp,
    c: &reqwest::Client,
    endpoint: &str,
    page: &str,
    form: &[(&str, &str)],
) -> String {
    let r = c
        .post(format!("{}/api/{endpoint}", app.base))
        .header(ORIGIN, &app.base)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(ACCEPT, "text/html,application/xhtml+xml")
        .header("referer", format!("{}{page}", app.base))
        .body(serde_urlencoded::to_string(form).unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FOUND, "{endpoint}");
    r.headers()
        .get(LOCATION)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string()
}

async fn page(c: &reqwest::Client, url: &str) -> String {
    let r = c.get(url).header(ACCEPT, "text/html").send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{url}");
    r.text().await.unwrap()
}

#[tokio::test]
async fn a_refused_form_comes_back_through_the_server_not_the_url() {
    each_backend(|store| async move {
        let app = spawn(store).await;

        // A CPR number, as a caseworker looks a citizen up.
        app.store
            .upsert_caseworker(
                "anna.aarhus",
                "Anna Sørensen",
                "Jobcenter Aarhus",
                &["751"],
                app.clock.now(),
            )
            .await
            .unwrap();
        let caseworker = app.client();
        app.staff(&caseworker, "anna.aarhus", Some(jobspor_testkit::idp::OTP))
            .await;
        let home = jobspor_app::routes::CASEWORKER_HOME;
        let location = plain_form_post(
            &app,
            &caseworker,
            "caseworker/find",
            home,
            &[("cpr", "311299-9999")],
        )
        .await;
        assert_eq!(location, format!("{}{home}", app.base));
        let shown = page(&caseworker, &location).await;
        assert!(shown.contains(Msg::CaseworkerNotServed.da()), "{shown}");
        assert!(shown.contains("311299-9999"), "the input comes back");
        let again = page(&caseworker, &location).await;
        assert!(!again.contains(Msg::CaseworkerNotServed.da()), "once");
        assert!(!again.contains("311299-9999"));

        let c = app.client();

        // CV text.
        app.citizen(&c, "2005982695", "rasmus").await;
        let section = jobspor_app::routes::cv_section(jobspor::cv::CvSection::WorkExperience);
        let typed = "Kokkeelev på Restaurant Zylofon";
        let location = plain_form_post(
            &app,
            &c,
            "cv/entry/save",
            &section,
            &[
                ("section", "work_experience"),
                ("id", ""),
                ("form[position]", typed),
                ("form[workplace]", ""),
                ("form[start]", "2020-05-01"),
                ("form[end]", "2019-01-01"),
            ],
        )
        .await;
        assert_eq!(location, format!("{}{section}", app.base));
        assert!(!location.contains("Zylofon") && !location.contains("__err"));
        let shown = page(&c, &location).await;
        assert!(shown.contains(Msg::DateEndBeforeStart.da()), "{shown}");
        assert!(shown.contains(typed));
        let again = page(&c, &location).await;
        assert!(!again.contains(Msg::DateEndBeforeStart.da()), "once");

        // Not fetched within ten minutes: housekeeping removes it.
        plain_form_post(
            &app,
            &caseworker,
            "caseworker/find",
            home,
            &[("cpr", "311299-9999")],
        )
        .await;
        app.clock.advance(Duration::minutes(11));
        let report = jobspor_server::jobs::run_once(&app.store, app.clock.now())
            .await
            .unwrap();
        // The one nobody fetched, and the copies the two pages that showed a refusal kept
        // for their language switch (`flash::AGAIN`), unused.
        assert_eq!(report.flashes, 3);
    })
    .await;
}
