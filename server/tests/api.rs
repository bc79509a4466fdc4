//! Integration tests of the server functions over HTTP, as a crafted client would call them
//! (no browser), against a real database: SQLite always, PostgreSQL when reachable.
use chrono::Duration;
use jobspor::signin::Provider;
use jobspor::Clock;
use jobspor_app::AppError;
use jobspor_testkit::{client, each_backend, idp, keys, pairs, spawn, TestApp};
use reqwest::header::{ACCEPT, CONTENT_TYPE, LOCATION, ORIGIN, SET_COOKIE};
use reqwest::StatusCode;

#[tokio::test]
async fn healthz_is_200_while_the_database_answers_and_503_after() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let r = reqwest::get(format!("{}/healthz", app.base)).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        app.store.close().await;
        let r = reqwest::get(format!("{}/healthz", app.base)).await.unwrap();
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    })
    .await;
}

#[tokio::test]
async fn an_employer_signs_in_with_mitid_erhverv_and_the_company_comes_from_the_cvr_register() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let c = client();
        let to = app.mitid_erhverv(&c, idp::JONAS_BROEDKASSEN).await;
        // Not yet accepted for the company: the search sends to the terms.
        assert!(to.ends_with("/arbejdsgiver/soeg"), "{to}");
        let session: serde_json::Value =
            serde_json::from_str(&app.ok(&c, "session", &[]).await).unwrap();
        assert_eq!(session["name"], "Jonas Bager, Bageriet Brødkassen ApS");
        // A colleague signs in for the same company: one employer, two persons.
        let line = client();
        app.mitid_erhverv(&line, idp::LINE_BROEDKASSEN).await;
        let terms: serde_json::Value =
            serde_json::from_str(&app.ok(&line, "employer/terms", &[]).await).unwrap();
        assert_eq!(terms["company_name"], "Bageriet Brødkassen ApS");
        assert_eq!(terms["cvr"], "35060219");
        // A ceased company is refused, and gets no session.
        let ceased = client();
        let to = app.mitid_erhverv(&ceased, idp::POUL_CEASED_COMPANY).await;
        assert!(
            to.ends_with("/log-ind/afvist?aarsag=virksomhed-ikke-aktiv"),
            "{to}"
        );
        assert_eq!(
            app.refused(&ceased, "employer/terms", &[]).await,
            AppError::NotLoggedIn
        );
        // Self-registration with a password is gone.
        let r = app.call(&client(), "employer/register", &[]).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn an_employer_must_accept_the_terms_before_searching() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let c = client();
        app.mitid_erhverv(&c, idp::JONAS_BROEDKASSEN).await;
        assert_eq!(
            app.refused(&c, "employer/search", &[("form[q]", "kok")])
                .await,
            AppError::TermsNotAccepted
        );
        assert_eq!(
            keys(&app.refused(&c, "employer/accept-terms", &[]).await),
            pairs(&[("accept", "terms.must_accept")])
        );
        app.ok(&c, "employer/accept-terms", &[("accept", "on")])
            .await;
        app.ok(&c, "employer/search", &[("form[q]", "kok")]).await;
        // The acceptance records who accepted, when, and which version; it holds for the
        // company, so a colleague may search at once.
        let terms: serde_json::Value =
            serde_json::from_str(&app.ok(&c, "employer/terms", &[]).await).unwrap();
        assert_eq!(terms["accepted_by"], "Jonas Bager");
        assert!(terms["accepted_on"].is_string());
        let colleague = client();
        app.mitid_erhverv(&colleague, idp::LINE_BROEDKASSEN).await;
        app.ok(&colleague, "employer/search", &[("form[q]", "kok")])
            .await;
        // Nobody else may search.
        assert_eq!(
            app.refused(&client(), "employer/search", &[("form[q]", "kok")])
                .await,
            AppError::NotLoggedIn
        );
    })
    .await;
}

#[tokio::test]
async fn a_page_that_needs_a_login_redirects_every_client() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        // A browser's request and a script's (`Accept: */*`) get the same 302.
        for accept in ["text/html,application/xhtml+xml", "*/*"] {
            let r = client()
                .get(format!("{}/arbejdsgiver/soeg", app.base))
                .header(ACCEPT, accept)
                .send()
                .await
                .unwrap();
            assert_eq!(
                (
                    r.status(),
                    r.headers().get(LOCATION).and_then(|l| l.to_str().ok())
                ),
                (StatusCode::FOUND, Some("/arbejdsgiver")),
                "Accept: {accept}"
            );
        }
        let r = client()
            .get(format!("{}/privatliv", app.base))
            .header(ACCEPT, "*/*")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK, "a page anyone may see");
    })
    .await;
}

#[tokio::test]
async fn the_cv_refuses_bad_dates_and_missing_fields_and_anonymous_callers() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let anon = client();
        let form = [
            ("section", "work_experience"),
            ("id", ""),
            ("form[position]", "Kok"),
            ("form[workplace]", ""),
            ("form[start]", "2020-05-01"),
            ("form[end]", "2019-01-01"),
        ];
        assert_eq!(
            app.refused(&anon, "cv/entry/save", &form).await,
            AppError::NotLoggedIn
        );
        let c = client();
        app.citizen(&c, "2005982695", "rasmus").await;
        let e = app.refused(&c, "cv/entry/save", &form).await;
        assert_eq!(
            keys(&e),
            pairs(&[("workplace", "required"), ("end", "date.end_before_start")])
        );
        // The refused form was kept as the section's draft: nothing typed is lost.
        let section: serde_json::Value = serde_json::from_str(
            &app.ok(
                &c,
                "cv/section",
                &[("section", "work_experience"), ("edit", "")],
            )
            .await,
        )
        .unwrap();
        assert_eq!(section["form"]["position"], "Kok");
        assert!(section["draft_saved"].is_string());
        let future = [
            ("section", "work_experience"),
            ("id", ""),
            ("form[position]", "Kok"),
            ("form[workplace]", "Kroen"),
            ("form[start]", "2026-11-23"),
        ];
        assert_eq!(
            keys(&app.refused(&c, "cv/entry/save", &future).await),
            pairs(&[("start", "date.in_future")])
        );
        let bad_choice = [
            ("section", "job_wish"),
            ("id", ""),
            ("form[occupation]", "Kok"),
            ("form[education]", "none"),
            ("form[experience]", "none"),
            ("form[working_time]", "altid"),
            ("form[employment_type]", "permanent"),
            ("form[start_when]", "now"),
        ];
        assert_eq!(
            keys(&app.refused(&c, "cv/entry/save", &bad_choice).await),
            pairs(&[("working_time", "choice.invalid")])
        );
        let unknown = [
            ("section", "job_wish"),
            ("id", ""),
            ("form[occupation]", "Drømmejob"),
            ("form[education]", "none"),
            ("form[experience]", "none"),
            ("form[working_time]", "full_time"),
            ("form[employment_type]", "permanent"),
            ("form[start_when]", "now"),
        ];
        assert_eq!(
            keys(&app.refused(&c, "cv/entry/save", &unknown).await),
            pairs(&[("occupation", "occupation.unknown")])
        );
        assert_eq!(
            keys(
                &app.refused(&c, "cv/searchable", &[("searchable", "true")])
                    .await
            ),
            pairs(&[("searchable", "cv.not_ready")])
        );
        assert_eq!(
            app.refused(&c, "cv/entry/save", &[("section", "hemmeligt"), ("id", "")])
                .await,
            AppError::NotFound
        );
        assert_eq!(
            app.refused(&c, "cv/entry/delete", &[("id", "999999")])
                .await,
            AppError::NotFound
        );
        let education = [
            ("section", "education"),
            ("id", ""),
            ("form[education]", "Kok"),
            ("form[institution]", ""),
            ("form[start]", "2020-08-01"),
            ("form[end]", "2019-06-30"),
        ];
        assert_eq!(
            keys(&app.refused(&c, "cv/entry/save", &education).await),
            pairs(&[
                ("institution", "required"),
                ("end", "date.end_before_start")
            ])
        );
        let ahead = [
            ("section", "absence"),
            ("id", ""),
            ("form[kind]", "sickness"),
            ("form[from]", "2026-12-01"),
        ];
        assert_eq!(
            keys(&app.refused(&c, "cv/entry/save", &ahead).await),
            pairs(&[("from", "date.in_future")])
        );
        // Someone else's entry cannot be edited or deleted.
        app.ok(
            &c,
            "cv/entry/save",
            &[
                ("section", "qualification"),
                ("id", ""),
                ("form[qualification]", "Svejsning"),
            ],
        )
        .await;
        let mine: serde_json::Value =
            serde_json::from_str(&app.ok(&c, "cv/mine", &[]).await).unwrap();
        let id = mine["entries"][0][0].as_i64().unwrap().to_string();
        let other = client();
        app.citizen(&other, "1304782207", "ulla").await;
        assert_eq!(
            app.refused(
                &other,
                "cv/entry/save",
                &[
                    ("section", "qualification"),
                    ("id", &id),
                    ("form[qualification]", "Tyveri")
                ]
            )
            .await,
            AppError::NotFound
        );
        assert_eq!(
            app.refused(&other, "cv/entry/delete", &[("id", &id)]).await,
            AppError::NotFound
        );
    })
    .await;
}

#[tokio::test]
async fn profile_is_refused_with_every_field_error_at_once() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let c = client();
        app.mitid(&c, "2005982695").await;
        let e = app
            .refused(
                &c,
                "citizen/complete-profile",
                &[
                    ("form[username]", "r"),
                    ("form[password]", "kort"),
                    ("form[password_repeat]", "kort"),
                    ("form[email]", "r.eksempel.dk"),
                    ("form[sms_reminders]", "on"),
                ],
            )
            .await;
        assert_eq!(
            keys(&e),
            pairs(&[
                ("username", "username.invalid"),
                ("password", "password.too_short"),
                ("email", "email.invalid"),
                ("phone", "reminders.need_contact")
            ])
        );
    })
    .await;
}

#[tokio::test]
async fn mitid_sign_in_refuses_persons_the_cpr_register_does_not_let_in() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let c = client();
        for dead_or_emigrated in ["3009502888", "0606703365"] {
            let to = app.mitid(&c, dead_or_emigrated).await;
            assert!(to.ends_with("/log-ind/afvist?aarsag=ikke-i-cpr"), "{to}");
            assert_eq!(
                app.refused(&c, "citizen/register-data", &[]).await,
                AppError::NotLoggedIn
            );
        }
        // A bare CPR number gets no session: the old simulated login is gone, and the
        // start of a sign-in only sends the browser to the provider.
        let r = app.call(&c, "mitid/login", &[("cpr", "2005982695")]).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        assert!(r.headers().get(SET_COOKIE).is_none());
        let r = app.call(&c, "mitid/persons", &[]).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let r = c
            .post(format!("{}/api/auth/start", app.base))
            .header(ORIGIN, &app.base)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(ACCEPT, "text/html")
            .body("provider=mitid&cpr=2005982695")
            .send()
            .await
            .unwrap();
        assert!(r.status().is_redirection());
        let to = r.headers().get(LOCATION).unwrap().to_str().unwrap();
        assert!(to.starts_with(&format!("{}/mitid/auth?", app.idp)), "{to}");
        assert!(!to.contains("2005982695"));
        assert_eq!(
            app.refused(&c, "citizen/register-data", &[]).await,
            AppError::NotLoggedIn
        );
    })
    .await;
}

#[tokio::test]
async fn a_caseworker_needs_the_second_factor_and_to_be_staff_here() {
    each_backend(|store| async move {
        let app = spawn(store).await;
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
        let c = client();
        // Password only: the provider's acr says so, and the app refuses.
        let to = app.staff(&c, "anna.aarhus", None).await;
        assert!(
            to.ends_with("/log-ind/afvist?aarsag=for-lavt-sikringsniveau"),
            "{to}"
        );
        assert_eq!(
            app.refused(&c, "staff/home", &[]).await,
            AppError::NotLoggedIn
        );
        // Known to the provider, not a caseworker here.
        let to = app.staff(&c, "sara.odense", Some(idp::OTP)).await;
        assert!(
            to.ends_with("/log-ind/afvist?aarsag=ikke-medarbejder"),
            "{to}"
        );
        // With the code: in.
        let to = app.staff(&c, "anna.aarhus", Some(idp::OTP)).await;
        assert!(to.ends_with("/sagsbehandler"), "{to}");
        app.ok(&c, "staff/home", &[]).await;
    })
    .await;
}

#[tokio::test]
async fn the_session_cookie_is_host_prefixed_and_secure_outside_the_development_setting() {
    each_backend(|store| async move {
        let mut settings = jobspor_testkit::Settings::default();
        settings.door.tls = true;
        let app = jobspor_testkit::spawn_with(store, settings).await;
        let c = client();
        let r = app
            .sign_in(&c, Provider::MitId, &[("cpr", "2005982695")])
            .await;
        let cookie = session_cookie(&r);
        assert!(cookie.starts_with("__Host-jobspor_session="), "{cookie}");
        for part in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
            assert!(cookie.contains(part), "{part} in {cookie}");
        }
        assert!(!cookie.contains("Domain="), "{cookie}");
    })
    .await;
}

#[tokio::test]
async fn a_sign_in_answer_must_come_back_to_the_browser_that_started_it_once() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        // A callback with a state this server never gave out.
        let c = client();
        let r = c
            .get(format!(
                "{}/api/auth/mitid/callback?state=forged&code=forged",
                app.base
            ))
            .header(ACCEPT, "text/html")
            .send()
            .await
            .unwrap();
        let to = jobspor_testkit::location(&r, &app.base).unwrap();
        assert!(to.ends_with("/log-ind/afvist?aarsag=udloebet"), "{to}");
        // A real sign-in's callback replayed from another browser (no binding cookie),
        // and replayed in the same browser after it was used.
        let victim = client();
        let start = victim
            .post(format!("{}/api/auth/start", app.base))
            .header(ORIGIN, &app.base)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(ACCEPT, "text/html")
            .body("provider=mitid")
            .send()
            .await
            .unwrap();
        let authorize = jobspor_testkit::location(&start, &app.base).unwrap();
        let state = url::Url::parse(&authorize)
            .unwrap()
            .query_pairs()
            .find(|(k, _)| k == "state")
            .map(|(_, v)| v.to_string())
            .unwrap();
        let attacker = client();
        let r = attacker
            .get(format!(
                "{}/api/auth/mitid/callback?state={state}&code=x",
                app.base
            ))
            .header(ACCEPT, "text/html")
            .send()
            .await
            .unwrap();
        let to = jobspor_testkit::location(&r, &app.base).unwrap();
        assert!(to.ends_with("/log-ind/afvist?aarsag=udloebet"), "{to}");
        // The victim's sign-in was not used by the replay; housekeeping removes it once
        // its ten minutes are over (`jobspor::signin::sign_in_is_fresh`).
        assert_eq!(
            app.store
                .delete_stale_sign_ins(app.clock.now())
                .await
                .unwrap(),
            0
        );
        app.clock.advance(jobspor::signin::SIGN_IN_MAX_AGE);
        assert_eq!(
            app.store
                .delete_stale_sign_ins(app.clock.now())
                .await
                .unwrap(),
            1
        );
    })
    .await;
}

fn session_cookie(r: &reqwest::Response) -> String {
    r.headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("jobspor_session=") || v.starts_with("__Host-jobspor_session="))
        .expect("a session cookie")
        .to_string()
}

#[tokio::test]
async fn sessions_are_httponly_rotated_at_login_and_expire() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let c = client();
        let r = app
            .sign_in(&c, Provider::MitId, &[("cpr", "2005982695")])
            .await;
        let first = session_cookie(&r);
        assert!(
            first.contains("HttpOnly")
                && first.contains("SameSite=Lax")
                && first.contains("Path=/"),
            "{first}"
        );
        assert!(!first.contains("Secure"), "plain HTTP here");
        let r = app
            .sign_in(&c, Provider::MitId, &[("cpr", "2005982695")])
            .await;
        let second = session_cookie(&r);
        assert_ne!(
            first.split(';').next(),
            second.split(';').next(),
            "a new session id at every login"
        );

        // The old id no longer works.
        let old = reqwest::Client::new();
        let r = old
            .post(format!("{}/api/citizen/register-data", app.base))
            .header(ORIGIN, &app.base)
            .header("cookie", first.split(';').next().unwrap())
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .send()
            .await
            .unwrap();
        assert_eq!(
            serde_json::from_str::<AppError>(&r.text().await.unwrap()).unwrap(),
            AppError::NotLoggedIn
        );

        // Idle for 29 minutes: still in; then 30 without a request: out.
        app.clock.advance(Duration::minutes(29));
        app.ok(&c, "citizen/register-data", &[]).await;
        app.clock.advance(Duration::minutes(30));
        assert_eq!(
            app.refused(&c, "citizen/register-data", &[]).await,
            AppError::NotLoggedIn
        );

        // Busy all day: out after 12 hours all the same.
        app.mitid(&c, "2005982695").await;
        for _ in 0..24 {
            app.clock.advance(Duration::minutes(29));
            app.ok(&c, "citizen/register-data", &[]).await;
        }
        app.clock.advance(Duration::minutes(29));
        assert_eq!(
            app.refused(&c, "citizen/register-data", &[]).await,
            AppError::NotLoggedIn
        );

        // Logout ends the session in the database, not only in the browser.
        app.mitid(&c, "2005982695").await;
        app.ok(&c, "logout", &[]).await;
        assert_eq!(
            app.refused(&c, "citizen/register-data", &[]).await,
            AppError::NotLoggedIn
        );
    })
    .await;
}

#[tokio::test]
async fn unknown_user_and_wrong_password_get_the_same_answer_and_guessing_is_throttled() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        app.citizen(&client(), "2005982695", "rasmus").await;
        let c = client();
        let unknown = app
            .call(
                &c,
                "citizen/login",
                &[("username", "nobody"), ("password", "en-lang-adgangskode")],
            )
            .await;
        let (s1, b1) = (unknown.status(), unknown.text().await.unwrap());
        let wrong = app
            .call(
                &c,
                "citizen/login",
                &[("username", "rasmus"), ("password", "forkert-forkert")],
            )
            .await;
        let (s2, b2) = (wrong.status(), wrong.text().await.unwrap());
        assert_eq!(s1, s2);
        assert_eq!(b1.replace("nobody", "X"), b2.replace("rasmus", "X"));
        for _ in 0..4 {
            app.refused(
                &c,
                "citizen/login",
                &[("username", "rasmus"), ("password", "forkert-forkert")],
            )
            .await;
        }
        // Five failures: even the right password waits now.
        let e = app
            .refused(
                &c,
                "citizen/login",
                &[("username", "rasmus"), ("password", "en-lang-adgangskode")],
            )
            .await;
        assert_eq!(keys(&e), pairs(&[("password", "login.throttled")]));
        app.clock
            .advance(jobspor::login::THROTTLE_WINDOW + Duration::seconds(1));
        app.ok(
            &c,
            "citizen/login",
            &[("username", "rasmus"), ("password", "en-lang-adgangskode")],
        )
        .await;
    })
    .await;
}

/// The change-password form's fields.
fn change(current: &'static str, new: &'static str) -> [(&'static str, &'static str); 3] {
    [
        ("form[current]", current),
        ("form[new]", new),
        ("form[new_repeat]", new),
    ]
}

async fn password_login(app: &TestApp, c: &reqwest::Client, username: &str, password: &str) {
    app.ok(
        c,
        "citizen/login",
        &[("username", username), ("password", password)],
    )
    .await;
}

#[tokio::test]
async fn a_changed_password_replaces_the_old_one_and_ends_the_other_sessions() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let c = client();
        app.citizen(&c, "2005982695", "rasmus").await;
        // Rasmus in another browser too.
        let other = client();
        password_login(&app, &other, "rasmus", "en-lang-adgangskode").await;

        let refused = |current, new| {
            let (app, c) = (&app, &c);
            async move {
                keys(
                    &app.refused(c, "citizen/change-password", &change(current, new))
                        .await,
                )
            }
        };
        assert_eq!(
            refused("forkert-forkert", "min nye lange kode").await,
            pairs(&[("current", "password.current_wrong")])
        );
        assert_eq!(
            refused("en-lang-adgangskode", "basketball").await,
            pairs(&[("new", "password.too_common")])
        );
        assert_eq!(
            refused("en-lang-adgangskode", "kort").await,
            pairs(&[("new", "password.too_short")])
        );
        let e = app
            .refused(
                &c,
                "citizen/change-password",
                &[
                    ("form[current]", "en-lang-adgangskode"),
                    ("form[new]", "min nye lange kode"),
                    ("form[new_repeat]", "min nye lange kodx"),
                ],
            )
            .await;
        assert_eq!(keys(&e), pairs(&[("new_repeat", "password.mismatch")]));
        match e {
            AppError::Invalid { echo, .. } => assert!(echo.is_empty(), "{echo:?}"),
            other => panic!("{other:?}"),
        }
        // Refusals change nothing.
        app.ok(&other, "citizen/profile", &[]).await;

        app.ok(
            &c,
            "citizen/change-password",
            &change("en-lang-adgangskode", "min nye lange kode"),
        )
        .await;
        // This browser stays signed in; the other one is out.
        app.ok(&c, "citizen/profile", &[]).await;
        assert_eq!(
            app.refused(&other, "citizen/profile", &[]).await,
            AppError::NotLoggedIn
        );
        // The old password no longer logs in, the new one does.
        let e = app
            .refused(
                &client(),
                "citizen/login",
                &[("username", "rasmus"), ("password", "en-lang-adgangskode")],
            )
            .await;
        assert_eq!(keys(&e), pairs(&[("password", "login.failed")]));
        password_login(&app, &client(), "rasmus", "min nye lange kode").await;
        // The change is in Rasmus' history.
        let history = app.ok(&c, "citizen/history", &[]).await;
        assert!(history.contains("Skiftede adgangskode"), "{history}");
    })
    .await;
}

#[tokio::test]
async fn wrong_current_passwords_are_throttled_with_the_logins() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let c = client();
        app.citizen(&c, "2005982695", "rasmus").await;
        for _ in 0..4 {
            app.refused(
                &c,
                "citizen/change-password",
                &change("forkert-forkert", "min nye lange kode"),
            )
            .await;
        }
        // The fifth failure is a login's.
        app.refused(
            &client(),
            "citizen/login",
            &[("username", "rasmus"), ("password", "forkert-forkert")],
        )
        .await;
        let e = app
            .refused(
                &c,
                "citizen/change-password",
                &change("en-lang-adgangskode", "min nye lange kode"),
            )
            .await;
        assert_eq!(keys(&e), pairs(&[("current", "login.throttled")]));
        app.clock
            .advance(jobspor::login::THROTTLE_WINDOW + Duration::seconds(1));
        app.ok(
            &c,
            "citizen/change-password",
            &change("en-lang-adgangskode", "min nye lange kode"),
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn a_plain_change_password_post_comes_back_without_the_passwords() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let c = client();
        app.citizen(&c, "2005982695", "rasmus").await;
        let post = |body: &'static str| {
            c.post(format!("{}/api/citizen/change-password", app.base))
                .header(ORIGIN, &app.base)
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(ACCEPT, "text/html")
                .header("referer", format!("{}/borger/sikkerhed", app.base))
                .body(body)
                .send()
        };
        let r = post("form[current]=hemmelig-gammel&form[new]=hemmelig-ny-kode&form[new_repeat]=hemmelig-ny-kode")
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::FOUND);
        let location = r.headers().get(LOCATION).unwrap().to_str().unwrap();
        assert!(
            location.starts_with(&format!("{}/borger/sikkerhed", app.base)),
            "{location}"
        );
        assert!(!location.contains("hemmelig"), "{location}");
        let page = c
            .get(location)
            .header(ACCEPT, "text/html")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("Den nuværende adgangskode er forkert."), "{page}");
        assert!(!page.contains("hemmelig"));
        let r = post("form[current]=en-lang-adgangskode&form[new]=min+nye+lange+kode&form[new_repeat]=min+nye+lange+kode")
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::FOUND);
        assert_eq!(
            r.headers().get(LOCATION).unwrap(),
            "/borger/sikkerhed?adgangskode-skiftet=1"
        );
        let page = c
            .get(format!("{}/borger/sikkerhed?adgangskode-skiftet=1", app.base))
            .header(ACCEPT, "text/html")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("Din adgangskode er skiftet."), "{page}");
        assert!(!page.contains("min nye lange kode"));
        // Min side leads here.
        let home = c
            .get(format!("{}/borger", app.base))
            .header(ACCEPT, "text/html")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(home.contains("href=\"/borger/sikkerhed\""), "{home}");
    })
    .await;
}

#[tokio::test]
async fn logging_out_the_other_sessions_keeps_this_one_and_other_citizens() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let c = client();
        app.citizen(&c, "2005982695", "rasmus").await;
        let by_password = client();
        password_login(&app, &by_password, "rasmus", "en-lang-adgangskode").await;
        let by_mitid = client();
        app.mitid(&by_mitid, "2005982695").await;
        let anne = client();
        app.citizen(&anne, "2301781804", "anne").await;

        let ended = app.ok(&c, "citizen/logout-other-sessions", &[]).await;
        assert_eq!(ended.trim(), "2");
        app.ok(&c, "citizen/profile", &[]).await;
        for gone in [&by_password, &by_mitid] {
            assert_eq!(
                app.refused(gone, "citizen/profile", &[]).await,
                AppError::NotLoggedIn
            );
        }
        app.ok(&anne, "citizen/profile", &[]).await;
        assert_eq!(
            app.ok(&c, "citizen/logout-other-sessions", &[])
                .await
                .trim(),
            "0"
        );
        // Without JavaScript: back to the page, saying how many.
        let r = c
            .post(format!("{}/api/citizen/logout-other-sessions", app.base))
            .header(ORIGIN, &app.base)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(ACCEPT, "text/html")
            .header("referer", format!("{}/borger/sikkerhed", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::FOUND);
        assert_eq!(
            r.headers().get(LOCATION).unwrap(),
            "/borger/sikkerhed?logget-af=0"
        );
    })
    .await;
}

#[tokio::test]
async fn a_plain_form_post_is_redirected_back_with_the_error_and_without_the_password() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        app.citizen(&client(), "2005982695", "rasmus").await;
        let c = client();
        let r = c
            .post(format!("{}/api/citizen/login", app.base))
            .header(ORIGIN, &app.base)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(ACCEPT, "text/html")
            .header("referer", format!("{}/log-ind", app.base))
            .body("username=rasmus&password=hemmelig-kode-42")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::FOUND);
        let location = r
            .headers()
            .get(LOCATION)
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        // The refusal waits on the server for the next page view (`jobspor_server::flash`).
        assert_eq!(location, format!("{}/log-ind", app.base));
        assert!(!location.contains("hemmelig"), "{location}");
        // The page it leads to shows the message at the field, under a policy that allows
        // only inline scripts carrying this response's nonce.
        let page = c
            .get(&location)
            .header(ACCEPT, "text/html")
            .send()
            .await
            .unwrap();
        let csp = page
            .headers()
            .get("content-security-policy")
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        // A sign-in form's answer leads to the identity provider: the only other target.
        assert!(
            csp.contains(&format!("form-action 'self' {};", app.idp)),
            "{csp}"
        );
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|r| r.split('\'').next())
            .expect("a nonce")
            .to_string();
        let page = page.text().await.unwrap();
        assert!(
            page.contains(&format!("nonce=\"{nonce}\"")),
            "scripts carry the nonce"
        );
        assert!(
            page.contains("Brugernavn eller adgangskode er forkert."),
            "{page}"
        );
        assert!(page.contains("value=\"rasmus\""));
        assert!(!page.contains("hemmelig"));
        // Corrected and sent again: on to Min side.
        let r = c
            .post(format!("{}/api/citizen/login", app.base))
            .header(ORIGIN, &app.base)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(ACCEPT, "text/html")
            .header("referer", &location)
            .body("username=rasmus&password=en-lang-adgangskode")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::FOUND);
        assert_eq!(r.headers().get(LOCATION).unwrap(), "/borger");
    })
    .await;
}

/// The value of a hidden input named `name` in a page, if any.
fn hidden_value(page: &str, name: &str) -> Option<String> {
    let at = page.find(&format!("name=\"{name}\" value=\""))?;
    let rest = &page[at + name.len() + 15..];
    Some(rest[..rest.find('"')?].to_string())
}

async fn switch_language(
    app: &TestApp,
    c: &reqwest::Client,
    form: &[(&str, &str)],
) -> reqwest::Response {
    c.post(format!("{}/api/sprog", app.base))
        .header(ORIGIN, &app.base)
        .header(ACCEPT, "text/html")
        .form(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_language_switch_keeps_a_refused_form_and_a_citizens_choice() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        app.citizen(&client(), "2005982695", "rasmus").await;
        let c = client();
        // A refused login, without JavaScript: the page shows it in Danish, and its language
        // switch carries the page's copy of the refusal.
        let r = c
            .post(format!("{}/api/citizen/login", app.base))
            .header(ORIGIN, &app.base)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(ACCEPT, "text/html")
            .header("referer", format!("{}/log-ind", app.base))
            .body("username=rasmus&password=hemmelig-kode-42")
            .send()
            .await
            .unwrap();
        let location = r
            .headers()
            .get(LOCATION)
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let page = c
            .get(&location)
            .header(ACCEPT, "text/html")
            .send()
            .await
            .unwrap();
        let page = page.text().await.unwrap();
        assert!(page.contains("<html lang=\"da\""), "{page}");
        assert!(page.contains("Brugernavn eller adgangskode er forkert."));
        let flash = hidden_value(&page, "flash").expect("the switch carries the refusal");
        assert_eq!(hidden_value(&page, "tilbage").as_deref(), Some("/log-ind"));
        // Switched: back to the same page, now in English, the message and the username kept.
        let r = switch_language(
            &app,
            &c,
            &[("sprog", "en"), ("tilbage", "/log-ind"), ("flash", &flash)],
        )
        .await;
        assert_eq!(r.status(), StatusCode::FOUND);
        assert_eq!(r.headers().get(LOCATION).unwrap(), "/log-ind");
        let cookies: Vec<_> = r
            .headers()
            .get_all(SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .collect();
        assert!(
            cookies.iter().any(|c| c.starts_with("jobspor_sprog=en;")),
            "{cookies:?}"
        );
        let page = c
            .get(format!("{}/log-ind", app.base))
            .header(ACCEPT, "text/html")
            .send()
            .await
            .unwrap();
        let page = page.text().await.unwrap();
        assert!(page.contains("<html lang=\"en\""), "{page}");
        assert!(
            page.contains("The username or password is wrong."),
            "{page}"
        );
        assert!(page.contains("value=\"rasmus\""));
        assert!(!page.contains("hemmelig"));
        // The copy is used once; a reload shows a clean form.
        let page = c
            .get(format!("{}/log-ind", app.base))
            .header(ACCEPT, "text/html")
            .send()
            .await
            .unwrap();
        let page = page.text().await.unwrap();
        assert!(!page.contains("The username or password is wrong."));
        // Another site's address, or no page of ours, leads to the front page; an unknown
        // language is refused and changes nothing.
        let r = switch_language(
            &app,
            &c,
            &[("sprog", "da"), ("tilbage", "https://evil.example/")],
        )
        .await;
        assert_eq!(r.headers().get(LOCATION).unwrap(), "/");
        let r = switch_language(&app, &c, &[("sprog", "de"), ("tilbage", "/")]).await;
        assert!(
            !r.headers()
                .get_all(SET_COOKIE)
                .iter()
                .any(|v| v.to_str().unwrap().starts_with("jobspor_sprog=")),
            "an unknown language sets none"
        );

        // A citizen's choice is kept with the profile and applied at the next sign-in.
        let citizen = client();
        password_login(&app, &citizen, "rasmus", "en-lang-adgangskode").await;
        let r = switch_language(&app, &citizen, &[("sprog", "en"), ("tilbage", "/borger")]).await;
        assert_eq!(r.status(), StatusCode::FOUND);
        let fresh = client();
        let r = fresh
            .post(format!("{}/api/citizen/login", app.base))
            .header(ORIGIN, &app.base)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(ACCEPT, "text/html")
            .body("username=rasmus&password=en-lang-adgangskode")
            .send()
            .await
            .unwrap();
        let cookies: Vec<_> = r
            .headers()
            .get_all(SET_COOKIE)
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .collect();
        assert!(
            cookies.iter().any(|c| c.starts_with("jobspor_sprog=en;")),
            "{cookies:?}"
        );
        let page = fresh
            .get(format!("{}/borger", app.base))
            .header(ACCEPT, "text/html")
            .send()
            .await
            .unwrap();
        assert!(page.text().await.unwrap().contains("<html lang=\"en\""));
    })
    .await;
}

#[tokio::test]
async fn an_employer_opening_a_cv_sees_no_cpr_and_the_citizen_sees_the_opening() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let citizen = client();
        app.citizen(&citizen, "2301781804", "anne").await; // protected address
        let save = |section: &'static str, fields: &'static [(&'static str, &'static str)]| {
            let mut form = vec![
                ("section".to_string(), section.to_string()),
                ("id".to_string(), String::new()),
            ];
            form.extend(
                fields
                    .iter()
                    .map(|(k, v)| (format!("form[{k}]"), v.to_string())),
            );
            form
        };
        for form in [
            save(
                "work_experience",
                &[
                    ("position", "Tømrer"),
                    ("workplace", "Byg ApS"),
                    ("start", "2005-04-01"),
                ],
            ),
            save(
                "job_wish",
                &[
                    ("occupation", "Tømrer"),
                    ("education", "completed"),
                    ("experience", "over_5"),
                    ("working_time", "full_time"),
                    ("employment_type", "permanent"),
                    ("start_when", "now"),
                ],
            ),
            // Hidden from employers: must not reach the employer's view or the preview.
            save(
                "special_considerations",
                &[("text", "HEMMELIGT-HENSYN: kan ikke løfte tungt")],
            ),
            save("absence", &[("kind", "sickness"), ("from", "2026-11-02")]),
        ] {
            let refs: Vec<(&str, &str)> =
                form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            app.ok(&citizen, "cv/entry/save", &refs).await;
        }
        app.ok(&citizen, "cv/searchable", &[("searchable", "true")])
            .await;

        let employer = client();
        app.mitid_erhverv(&employer, idp::JONAS_BROEDKASSEN).await;
        app.ok(&employer, "employer/accept-terms", &[("accept", "on")])
            .await;
        let found: serde_json::Value = serde_json::from_str(
            &app.ok(&employer, "employer/search", &[("form[q]", "tømrere")])
                .await,
        )
        .unwrap();
        assert_eq!(found["total"], 1);
        assert_eq!(found["hits"][0]["city"], serde_json::Value::Null);
        let cv_id = found["hits"][0]["cv_id"].as_i64().unwrap().to_string();
        let body = app.ok(&employer, "employer/cv", &[("cv_id", &cv_id)]).await;
        assert!(
            !body.contains("2301781804") && !body.contains("230178"),
            "{body}"
        );
        for hidden in [
            "HEMMELIGT-HENSYN",
            "special_considerations",
            "absence",
            "2026-11-02",
            "Sundvej",
            "8700",
            "Horsens",
        ] {
            assert!(
                !body.contains(hidden),
                "{hidden} reached the employer: {body}"
            );
        }
        let view: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(view["address"], serde_json::Value::Null);
        assert_eq!(view["name"], "Anne Kristensen");

        // The citizen's preview is the employer's view, field for field.
        let preview: serde_json::Value =
            serde_json::from_str(&app.ok(&citizen, "cv/preview", &[]).await).unwrap();
        assert_eq!(preview, view);

        let history = app.ok(&citizen, "citizen/history", &[]).await;
        assert!(
            history.contains("Arbejdsgiver: Bageriet Brødkassen ApS")
                && history.contains("Åbnede dit CV"),
            "{history}"
        );

        // A crafted search with bad filters gets the form's own errors and no hits.
        let search = |form: &'static [(&'static str, &'static str)]| {
            let (app, employer) = (&app, &employer);
            async move {
                serde_json::from_str::<serde_json::Value>(
                    &app.ok(employer, "employer/search", form).await,
                )
                .unwrap()
            }
        };
        let bad = search(&[
            ("form[q]", "tømrer"),
            ("form[postnr]", "0000"),
            ("form[koerekort]", "Z"),
        ])
        .await;
        let fields: Vec<&str> = bad["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, ["postnr", "koerekort"]);
        assert_eq!(
            (bad["total"].as_i64(), bad["hits"].as_array().map(Vec::len)),
            (Some(0), Some(0))
        );
        assert_eq!(bad["form"]["q"], "tømrer", "the form comes back as sent");
        // Filters apply, and the counts say so. She has a protected address: she lives in
        // Horsens (615), but no filter on place finds her and no count reveals it.
        let carpenters = search(&[
            ("form[stilling]", "Tømrer"),
            ("form[arbejdstid]", "full_time"),
        ])
        .await;
        assert_eq!(
            (
                carpenters["total"].as_i64(),
                carpenters["counts"]["occ:Tømrer"].as_i64()
            ),
            (Some(1), Some(1))
        );
        assert_eq!(carpenters["counts"]["mun:615"], serde_json::Value::Null);
        assert_eq!(
            search(&[("form[arbejdstid]", "part_time")]).await["total"],
            0
        );
        assert_eq!(search(&[("form[kommune]", "615")]).await["total"], 0);
        assert_eq!(
            search(&[("form[postnr]", "8700"), ("form[afstand]", "10")]).await["total"],
            0
        );

        // Hidden contact details: the employer sees neither, and may ask support instead.
        app.ok(&citizen, "cv/hide-contact", &[("hide", "true")])
            .await;
        let hidden: serde_json::Value =
            serde_json::from_str(&app.ok(&employer, "employer/cv", &[("cv_id", &cv_id)]).await)
                .unwrap();
        assert_eq!(
            (
                &hidden["phone"],
                &hidden["email"],
                &hidden["contact_hidden"]
            ),
            (
                &serde_json::Value::Null,
                &serde_json::Value::Null,
                &serde_json::Value::Bool(true)
            )
        );
        assert_eq!(
            keys(
                &app.refused(
                    &employer,
                    "employer/contact-request",
                    &[("cv_id", &cv_id), ("message", " ")]
                )
                .await
            ),
            pairs(&[("message", "required")])
        );
        let r = app
            .call(
                &employer,
                "employer/contact-request",
                &[("cv_id", &cv_id), ("message", "Vi søger en tømrer.")],
            )
            .await;
        assert!(
            r.status().is_success() || r.status().is_redirection(),
            "{}",
            r.status()
        );
        assert_eq!(
            app.store.open_contact_requests().await.unwrap()[0].message,
            "Vi søger en tømrer."
        );
        // A CV that is no longer searchable can be neither found, opened nor contacted.
        app.ok(&citizen, "cv/searchable", &[("searchable", "false")])
            .await;
        assert_eq!(search(&[("form[q]", "tømrer")]).await["total"], 0);
        assert_eq!(
            app.refused(&employer, "employer/cv", &[("cv_id", &cv_id)])
                .await,
            AppError::NotFound
        );
        assert_eq!(
            app.refused(
                &employer,
                "employer/contact-request",
                &[("cv_id", &cv_id), ("message", "Hej")]
            )
            .await,
            AppError::NotFound
        );
    })
    .await;
}

mod questionnaire {
    use super::*;
    use jobspor::policy::{operator_acts_for, ActorKind, Caller};
    use jobspor::CitizenId;
    use jobspor_app::api::jobseeker::QuestionnaireView;
    use jobspor_store::jobseekers::Part;

    /// Every answer of the dagpenge questionnaire's steps, by step.
    const DAGPENGE: &[(&str, &[(&str, &str)])] = &[
        ("registeroplysninger", &[]),
        (
            "uddannelse",
            &[
                ("form[education_length]", "vocational"),
                ("form[field_of_education]", "technical"),
            ],
        ),
        (
            "ledighed",
            &[
                ("form[own_estimate]", "within_3_months"),
                ("form[reason]", "dismissed"),
                ("form[known_for]", "1_3_months"),
            ],
        ),
        (
            "jobsoegning",
            &[
                ("form[activity]", "3_5"),
                ("form[prospects]", "good"),
                ("form[preference]", "related_trade"),
                ("form[methods__adverts]", "on"),
            ],
        ),
        ("overvejelser", &[("form[hindrance]", "no")]),
    ];

    async fn answer(
        app: &TestApp,
        c: &reqwest::Client,
        step: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut all = vec![("step", step), ("go", "next")];
        all.extend_from_slice(form);
        app.call(c, "questionnaire/answer", &all).await
    }

    async fn view(app: &TestApp, c: &reqwest::Client) -> QuestionnaireView {
        serde_json::from_str(
            &app.ok(c, "questionnaire/get", &[("with_facts", "true")])
                .await,
        )
        .unwrap()
    }

    /// William of Aarhus (a pilot municipality) registers as `situation` (dagpenge or
    /// dimittend) in HK A-kasse and sends the dagpenge questionnaire with the health answers.
    async fn william_sends_the_dagpenge_questionnaire(
        app: &TestApp,
        c: &reqwest::Client,
        situation: &str,
    ) {
        app.citizen(c, "1906910161", "william").await;
        app.ok(
            c,
            "jobseeker/register",
            &[("form[situation]", situation), ("form[a_kasse]", "hk")],
        )
        .await;
        for (step, form) in DAGPENGE {
            answer(app, c, step, form).await;
        }
        answer(app, c, "helbred", &[("form[health_problem]", "no")]).await;
        app.ok(c, "questionnaire/submit", &[]).await;
    }

    /// The citizen, as the test reads their own answers in the store.
    async fn citizen_id(app: &TestApp, cpr: &str) -> Caller<CitizenId> {
        operator_acts_for(app.store.citizen_id_by_cpr(cpr).await.unwrap().unwrap())
    }

    #[tokio::test]
    async fn registration_needs_an_a_kasse_for_dagpenge() {
        each_backend(|store| async move {
            let app = spawn(store).await;
            let c = client();
            app.citizen(&c, "1906910161", "william").await;
            assert!(
                matches!(
                    app.refused(&c, "questionnaire/submit", &[]).await,
                    AppError::Invalid { .. }
                ),
                "not registered yet"
            );
            let e = app
                .refused(&c, "jobseeker/register", &[("form[situation]", "dagpenge")])
                .await;
            assert_eq!(keys(&e), pairs(&[("a_kasse", "choice.required")]));
            app.ok(
                &c,
                "jobseeker/register",
                &[("form[situation]", "dagpenge"), ("form[a_kasse]", "hk")],
            )
            .await;
            let v = view(&app, &c).await;
            assert_eq!(
                v.questionnaire,
                Some(jobspor::jobseeker::eligibility::Questionnaire::Dagpenge)
            );
            assert!(v.health, "Aarhus is a pilot municipality");
            assert_eq!(
                v.facts.len(),
                5,
                "age, origin, support share, dagpenge share, wage income"
            );
            assert!(v.facts.iter().all(|f| f.source.ends_with("(simuleret)")));
            // Pages that do not show the facts do not ask the registers.
            let plain: QuestionnaireView =
                serde_json::from_str(&app.ok(&c, "questionnaire/get", &[]).await).unwrap();
            assert!(plain.facts.is_empty() && !plain.facts_unavailable);
        })
        .await;
    }

    /// A citizen outside the pilot (Odense), or in it but neither on dagpenge nor applying
    /// for kontanthjælp, cannot store health answers, whichever step a request names.
    #[tokio::test]
    async fn ineligible_health_answers_are_refused() {
        each_backend(|store| async move {
            let app = spawn(store).await;
            for (cpr, situation, a_kasse) in [
                ("2211792422", "dagpenge", "hk"),
                ("1207720190", "uddannelseshjaelp", ""),
            ] {
                let c = client();
                app.citizen(&c, cpr, &format!("u{cpr}")).await;
                app.ok(
                    &c,
                    "jobseeker/register",
                    &[("form[situation]", situation), ("form[a_kasse]", a_kasse)],
                )
                .await;
                assert!(!view(&app, &c).await.health);
                let r = answer(
                    &app,
                    &c,
                    "helbred",
                    &[
                        ("form[health_problem]", "yes_much"),
                        ("form[health_significance]", "great"),
                    ],
                )
                .await;
                assert_eq!(r.status(), StatusCode::FORBIDDEN, "{cpr}");
                let first = if situation == "dagpenge" {
                    "uddannelse"
                } else {
                    "skolegang"
                };
                let r = answer(&app, &c, first, &[("form[health_problem]", "yes_much")]).await;
                assert_eq!(
                    r.status(),
                    StatusCode::FORBIDDEN,
                    "{cpr}: smuggled into another step"
                );
                let id = citizen_id(&app, cpr).await;
                assert_eq!(
                    app.store
                        .own_answers(Part::Health, id)
                        .await
                        .unwrap()
                        .updated_at,
                    None,
                    "{cpr}: nothing stored"
                );
            }
            // The eligible citizen's answers are taken.
            let c = client();
            app.citizen(&c, "2110810020", "mette.l").await;
            app.ok(
                &c,
                "jobseeker/register",
                &[("form[situation]", "kontanthjaelp")],
            )
            .await;
            assert!(
                answer(&app, &c, "helbred", &[("form[health_problem]", "no")])
                    .await
                    .status()
                    .is_success()
            );
            let id = citizen_id(&app, "2110810020").await;
            assert_eq!(
                app.store
                    .own_answers(Part::Health, id)
                    .await
                    .unwrap()
                    .answers
                    .get("health_problem")
                    .map(String::as_str),
                Some("no")
            );
        })
        .await;
    }

    #[tokio::test]
    async fn an_incomplete_questionnaire_is_refused_and_answers_are_kept() {
        each_backend(|store| async move {
            let app = spawn(store).await;
            let c = client();
            app.citizen(&c, "1906910161", "william").await;
            app.ok(
                &c,
                "jobseeker/register",
                &[("form[situation]", "dagpenge"), ("form[a_kasse]", "hk")],
            )
            .await;
            for (step, form) in &DAGPENGE[..4] {
                let r = answer(&app, &c, step, form).await;
                assert!(r.status().is_success(), "{step}: {}", r.status());
            }
            // A "yes" without its elaboration: refused at the field, the step's other answer kept.
            let e = app
                .refused(
                    &c,
                    "questionnaire/answer",
                    &[
                        ("step", "overvejelser"),
                        ("go", "next"),
                        ("form[hindrance]", "yes"),
                        ("form[other_considerations]", "Gerne deltid"),
                    ],
                )
                .await;
            assert_eq!(keys(&e), pairs(&[("hindrance_details", "required")]));
            let kept = view(&app, &c).await.answers;
            assert_eq!(
                kept.get("other_considerations").map(String::as_str),
                Some("Gerne deltid")
            );
            assert_eq!(
                kept.get("reason").map(String::as_str),
                Some("dismissed"),
                "earlier steps untouched"
            );
            // Sending now is refused: the last step and the health step are not done.
            let e = app.refused(&c, "questionnaire/submit", &[]).await;
            assert_eq!(keys(&e), pairs(&[("hindrance_details", "required")]));
            answer(
                &app,
                &c,
                "overvejelser",
                &[
                    ("form[hindrance]", "yes"),
                    ("form[hindrance_details]", "Jeg har ingen bil."),
                ],
            )
            .await;
            let e = app.refused(&c, "questionnaire/submit", &[]).await;
            assert_eq!(keys(&e), pairs(&[("health_problem", "choice.required")]));
            // Leaving with "later" saves without checking.
            app.ok(
                &c,
                "questionnaire/answer",
                &[
                    ("step", "helbred"),
                    ("go", "later"),
                    ("form[health_problem]", "yes_some"),
                ],
            )
            .await;
            let e = app.refused(&c, "questionnaire/submit", &[]).await;
            assert_eq!(
                keys(&e),
                pairs(&[("health_significance", "choice.required")])
            );
            // A health answer refused without JavaScript comes back through the server, not
            // the address (`jobspor_server::flash`): the Location holds none of it.
            let step = jobspor_app::routes::questionnaire_step("helbred");
            let r = c
                .post(format!("{}/api/questionnaire/answer", app.base))
                .header(ORIGIN, &app.base)
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(ACCEPT, "text/html")
                .header("referer", format!("{}{step}", app.base))
                .body("step=helbred&go=next&form%5Bhealth_problem%5D=yes_some")
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::FOUND);
            let location = r.headers().get(LOCATION).unwrap().to_str().unwrap();
            assert_eq!(location, format!("{}{step}", app.base));
            assert!(!location.contains("health") && !location.contains("yes_some"));
            answer(
                &app,
                &c,
                "helbred",
                &[
                    ("form[health_problem]", "yes_some"),
                    ("form[health_significance]", "some"),
                ],
            )
            .await;
            app.ok(&c, "questionnaire/submit", &[]).await;

            let id = citizen_id(&app, "1906910161").await;
            let sent = app
                .store
                .own_answers(Part::Questionnaire, id)
                .await
                .unwrap();
            assert!(sent.submitted_at.is_some());
            assert_eq!(sent.facts.map(|f| f.len()), Some(5));
            assert!(
                !sent.answers.keys().any(|k| k.starts_with("health_")),
                "health answers are kept apart"
            );
            let health = app.store.own_answers(Part::Health, id).await.unwrap();
            assert_eq!(
                health
                    .answers
                    .get("health_significance")
                    .map(String::as_str),
                Some("some")
            );
            let pilot: Vec<String> = health.facts.unwrap().into_iter().map(|f| f.label).collect();
            assert_eq!(
                pilot,
                [
                    "Køn",
                    "Alder",
                    "Uddannelse",
                    "Bopælskommune",
                    "Ydelsesgrundlag",
                    "Beskæftigelsesgrad",
                    "Virksomhedsrettede aktiviteter",
                    "Bevilgede kompenserende ordninger"
                ]
            );
        })
        .await;
    }

    /// A caseworker reads only the citizens their jobcentre serves, and each read — the health
    /// answers' on its own line — is in the citizen's history.
    #[tokio::test]
    async fn caseworker_reads_are_limited_to_their_municipalities_and_recorded() {
        each_backend(|store| async move {
            let app = spawn(store).await;
            let c = client();
            william_sends_the_dagpenge_questionnaire(&app, &c, "dagpenge").await;
            let citizen = citizen_id(&app, "1906910161").await;

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
            app.store
                .upsert_caseworker(
                    "sara.odense",
                    "Sara Holm",
                    "Jobcenter Odense",
                    &["461"],
                    app.clock.now(),
                )
                .await
                .unwrap();

            let odense = client();
            app.staff(&odense, "sara.odense", Some(idp::OTP)).await;
            assert_eq!(
                keys(
                    &app.refused(&odense, "caseworker/find", &[("cpr", "1906910161")])
                        .await
                ),
                pairs(&[("cpr", "caseworker.not_served")])
            );
            // A citizen is not a caseworker.
            let made_up = "ab".repeat(16);
            assert_eq!(
                app.refused(&c, "caseworker/citizen", &[("reference", &made_up)])
                    .await,
                AppError::NotLoggedIn
            );

            let aarhus = client();
            app.staff(&aarhus, "anna.aarhus", Some(idp::OTP)).await;
            assert_eq!(
                keys(
                    &app.refused(&aarhus, "caseworker/find", &[("cpr", "0101010101")])
                        .await
                ),
                pairs(&[("cpr", "caseworker.not_served")])
            );
            let found = app
                .call(&aarhus, "caseworker/find", &[("cpr", "190691-0161")])
                .await;
            // The citizen's page by an opaque reference, never by the citizen's id.
            let to = found
                .headers()
                .get(LOCATION)
                .expect("a found citizen's page")
                .to_str()
                .unwrap()
                .to_string();
            let reference = to
                .strip_prefix("/sagsbehandler/borger/")
                .expect("the case page")
                .to_string();
            assert_eq!(reference.len(), 32, "{to}");
            // Anna's reference is Anna's: another caseworker, or a made-up one, finds nothing.
            for (who, r) in [(&odense, reference.as_str()), (&aarhus, made_up.as_str())] {
                assert_eq!(
                    app.refused(who, "caseworker/citizen", &[("reference", r)])
                        .await,
                    AppError::NotFound
                );
            }
            let case: jobspor_app::api::caseworker::CitizenCase = serde_json::from_str(
                &app.ok(&aarhus, "caseworker/citizen", &[("reference", &reference)])
                    .await,
            )
            .unwrap();
            // Each lookup is in the caseworker's own audit, the miss as well as the hit;
            // Sara's refused lookup in hers.
            let audit: Vec<jobspor_app::api::caseworker::LookupView> =
                serde_json::from_str(&app.ok(&aarhus, "staff/lookups", &[]).await).unwrap();
            let seen: Vec<(&str, bool)> = audit.iter().map(|l| (l.cpr.as_str(), l.found)).collect();
            assert_eq!(seen, [("190691-0161", true), ("010101-0101", false)]);
            let sara: Vec<jobspor_app::api::caseworker::LookupView> =
                serde_json::from_str(&app.ok(&odense, "staff/lookups", &[]).await).unwrap();
            assert_eq!(sara.len(), 1);
            assert!(!sara[0].found);
            let sent = case
                .questionnaire
                .expect("a jobcentre sees the questionnaire");
            assert_eq!(
                sent.answers.get("reason").map(String::as_str),
                Some("dismissed")
            );
            // The whole profile: the CPR register's data and the contact details too.
            assert_eq!(case.register.map(|r| r.len()), Some(12));
            assert!(case.contact.is_some() && case.reminders.is_some());
            assert_eq!(
                case.registration.and_then(|r| r.situation),
                Some(jobspor::jobseeker::eligibility::Situation::Dagpenge)
            );
            let health = case.health.expect("health answers for the pilot's citizen");
            assert_eq!(
                health.answers.get("health_problem").map(String::as_str),
                Some("no")
            );
            assert_eq!(health.facts.len(), 8);

            let history = app
                .store
                .access_history(citizen.id(), app.clock.now() - Duration::days(1))
                .await
                .unwrap();
            let reads: Vec<(&str, &str, jobspor::access::AccessWhat)> = history
                .iter()
                .filter(|e| e.actor_kind == ActorKind::Caseworker)
                .map(|e| (e.organisation.as_str(), e.actor_name.as_str(), e.what))
                .collect();
            assert_eq!(reads.len(), 6, "{reads:?}");
            for what in [
                jobspor::access::AccessWhat::ReadProfile,
                jobspor::access::AccessWhat::ReadCv,
                jobspor::access::AccessWhat::ReadRegistration,
                jobspor::access::AccessWhat::ReadJoblog,
            ] {
                assert!(reads.iter().any(|r| r.2 == what), "{what:?} in {reads:?}");
            }
            assert!(reads.contains(&(
                "Jobcenter Aarhus",
                "Anna Sørensen",
                jobspor::access::AccessWhat::ReadHealthAnswers
            )));
            assert!(reads.contains(&(
                "Jobcenter Aarhus",
                "Anna Sørensen",
                jobspor::access::AccessWhat::ReadQuestionnaire
            )));
        })
        .await;
    }

    /// Issue 22: the staff the operator seeds for the tests below.
    async fn seed_staff(app: &TestApp) {
        use jobspor::jobseeker::registration::AKasse;
        use jobspor_store::caseworkers::NewStaff;
        for (username, name, kind, organisation, a_kasse) in [
            (
                "jens.hk",
                "Jens Madsen",
                ActorKind::AKasseCaseworker,
                "HK A-kasse",
                Some(AKasse::Hk),
            ),
            (
                "ole.3f",
                "Ole Berg",
                ActorKind::AKasseCaseworker,
                "3F A-kasse",
                Some(AKasse::TreF),
            ),
            (
                "lone.support",
                "Lone Kjær",
                ActorKind::Support,
                "Jobnetsupporten",
                None,
            ),
        ] {
            app.store
                .upsert_staff(
                    &NewStaff {
                        username,
                        name,
                        kind,
                        organisation,
                        municipality_codes: &[],
                        a_kasse,
                    },
                    app.clock.now(),
                )
                .await
                .unwrap();
        }
    }

    /// The reference in a staff lookup's redirect to `page` (`/a-kasse/medlem/`, ...).
    fn reference_in(r: &reqwest::Response, page: &str) -> String {
        let to = r
            .headers()
            .get(LOCATION)
            .expect("a found citizen's page")
            .to_str()
            .unwrap();
        to.strip_prefix(page)
            .unwrap_or_else(|| panic!("{to} is not under {page}"))
            .to_string()
    }

    /// An a-kasse sees its own member while on dagpenge, and of them exactly what
    /// `policy::staff_sees` lists: not the reminder choices, the special considerations, the
    /// health answers or the history. Each read is recorded with the membership as basis;
    /// when the member leaves dagpenge the reference leads nowhere.
    #[tokio::test]
    async fn an_akasse_sees_its_members_on_dagpenge_field_by_field() {
        each_backend(|store| async move {
            let app = spawn(store).await;
            seed_staff(&app).await;
            let c = client();
            william_sends_the_dagpenge_questionnaire(&app, &c, "dimittend").await;
            for (section, form) in [
                (
                    "special_considerations",
                    vec![("form[text]", "HEMMELIGT-HENSYN")],
                ),
                (
                    "absence",
                    vec![("form[kind]", "sickness"), ("form[from]", "2026-11-02")],
                ),
            ] {
                let mut all = vec![("section", section), ("id", "")];
                all.extend(form);
                let r = app.call(&c, "cv/entry/save", &all).await;
                assert!(
                    r.status().is_redirection() || r.status().is_success(),
                    "{section}"
                );
            }
            let citizen = citizen_id(&app, "1906910161").await;

            let ole = client();
            app.staff(&ole, "ole.3f", Some(idp::OTP)).await;
            assert_eq!(
                keys(
                    &app.refused(&ole, "akasse/find", &[("cpr", "1906910161")])
                        .await
                ),
                pairs(&[("cpr", "akasse.not_member")])
            );
            let jens = client();
            app.staff(&jens, "jens.hk", Some(idp::OTP)).await;
            let found = app
                .call(&jens, "akasse/find", &[("cpr", "190691-0161")])
                .await;
            let reference = reference_in(&found, "/a-kasse/medlem/");
            // Jens's reference is Jens's.
            assert_eq!(
                app.refused(&ole, "akasse/member", &[("reference", &reference)])
                    .await,
                AppError::NotFound
            );
            let body = app
                .ok(&jens, "akasse/member", &[("reference", &reference)])
                .await;
            assert!(!body.contains("HEMMELIGT-HENSYN"), "{body}");
            let case: jobspor_app::api::akasse::CitizenCase = serde_json::from_str(&body).unwrap();
            assert_eq!(case.register.map(|r| r.len()), Some(12));
            assert!(case.contact.is_some());
            assert_eq!(case.reminders, None);
            assert_eq!(case.health, None);
            assert_eq!(case.consent, None);
            assert_eq!(
                case.registration.and_then(|r| r.situation),
                Some(jobspor::jobseeker::eligibility::Situation::Dimittend)
            );
            assert_eq!(
                case.questionnaire.and_then(|q| q.kind),
                Some(jobspor::jobseeker::eligibility::Questionnaire::Dagpenge)
            );
            let sections: Vec<_> = case.cv.unwrap().iter().map(|e| e.section()).collect();
            assert!(sections.contains(&jobspor::cv::entry::CvSection::Absence));
            assert!(!sections.contains(&jobspor::cv::entry::CvSection::SpecialConsiderations));
            assert!(!case.cv_with_special_considerations);

            let history = app
                .store
                .access_history(citizen.id(), app.clock.now() - Duration::days(1))
                .await
                .unwrap();
            let reads: Vec<_> = history
                .iter()
                .filter(|e| e.actor_kind == ActorKind::AKasseCaseworker)
                .collect();
            let what: Vec<_> = reads.iter().map(|e| e.what).collect();
            use jobspor::access::{AccessBasis, AccessWhat};
            for w in [
                AccessWhat::ReadProfile,
                AccessWhat::ReadCv,
                AccessWhat::ReadRegistration,
                AccessWhat::ReadQuestionnaire,
            ] {
                assert!(what.contains(&w), "{w:?} in {what:?}");
            }
            assert!(!what.contains(&AccessWhat::ReadHealthAnswers));
            assert!(reads.iter().all(|e| e.basis
                == Some(AccessBasis::AKasseMembership("hk".into()))
                && e.organisation == "HK A-kasse"));

            // Off dagpenge: out of the a-kasse's sight at once.
            app.ok(
                &c,
                "jobseeker/register",
                &[("form[situation]", "kontanthjaelp")],
            )
            .await;
            assert_eq!(
                app.refused(&jens, "akasse/member", &[("reference", &reference)])
                    .await,
                AppError::NotFound
            );
            assert_eq!(
                keys(
                    &app.refused(&jens, "akasse/find", &[("cpr", "1906910161")])
                        .await
                ),
                pairs(&[("cpr", "akasse.not_member")])
            );
            // No staff member writes a citizen's data: the citizen's functions refuse them.
            assert_eq!(
                app.refused(&jens, "cv/entry/delete", &[("id", "1")]).await,
                AppError::NotLoggedIn
            );
        })
        .await;
    }

    /// Support opens a profile only on a consent it records first, as far as the consent's
    /// scope goes, until the consent ends (the end of the day); the citizen sees each access
    /// with its consent in Min historik.
    #[tokio::test]
    async fn support_reads_only_on_a_live_consent_and_the_citizen_sees_which() {
        each_backend(|store| async move {
            let app = spawn(store).await;
            seed_staff(&app).await;
            let c = client();
            app.citizen(&c, "1906910161", "william").await;
            app.ok(
                &c,
                "jobseeker/register",
                &[("form[situation]", "dagpenge"), ("form[a_kasse]", "hk")],
            )
            .await;
            let lone = client();
            app.staff(&lone, "lone.support", Some(idp::OTP)).await;
            // Without a consent: nothing, whatever the request.
            let made_up = "cd".repeat(16);
            assert_eq!(
                app.refused(&lone, "support/citizen", &[("reference", &made_up)])
                    .await,
                AppError::Forbidden
            );
            let refused = app
                .refused(&lone, "support/find", &[("form[cpr]", "190691-0161")])
                .await;
            assert_eq!(
                keys(&refused),
                pairs(&[
                    ("channel", "choice.required"),
                    ("given_on", "required"),
                    ("given_time", "required"),
                    ("scope", "choice.at_least_one"),
                    ("reference", "required"),
                ])
            );
            let today = jobspor::dates::danish_date(app.clock.now());
            let (d, m, y) = (
                today.format("%d").to_string(),
                today.format("%m").to_string(),
                today.format("%Y").to_string(),
            );
            let found = app
                .call(
                    &lone,
                    "support/find",
                    &[
                        ("form[cpr]", "190691-0161"),
                        ("form[channel]", "written"),
                        ("form[given_on__dag]", &d),
                        ("form[given_on__maaned]", &m),
                        ("form[given_on__aar]", &y),
                        ("form[given_time]", "00:00"),
                        ("form[scope__profile]", "on"),
                        ("form[reference]", "E-mail om glemt brugernavn"),
                    ],
                )
                .await;
            let reference = reference_in(&found, "/support/borger/");
            let case: jobspor_app::api::support::CitizenCase = serde_json::from_str(
                &app.ok(&lone, "support/citizen", &[("reference", &reference)])
                    .await,
            )
            .unwrap();
            // The scope: the profile, not the CV nor the registration.
            assert!(case.register.is_some() && case.contact.is_some() && case.reminders.is_some());
            assert_eq!(case.cv, None);
            assert_eq!(case.registration, None);
            assert_eq!(case.questionnaire, None);
            assert_eq!(case.health, None);
            let consent = case.consent.expect("the consent the page rests on");
            assert_eq!(consent.reference, "E-mail om glemt brugernavn");

            // The citizen sees the access and the consent.
            let history: Vec<jobspor_app::api::citizen::HistoryEntryView> =
                serde_json::from_str(&app.ok(&c, "citizen/history", &[]).await).unwrap();
            let support: Vec<_> = history
                .iter()
                .filter(|h| h.who == "Jobnetsupporten (medarbejder Lone Kjær)")
                .collect();
            assert_eq!(support.len(), 1, "{history:?}");
            assert_eq!(support[0].what, "Så dine person- og kontaktoplysninger");
            assert_eq!(
                support[0].consent.as_ref().map(|c| c.reference.as_str()),
                Some("E-mail om glemt brugernavn")
            );

            // The next day the consent has ended: refused, though the reference is Lone's.
            app.clock.advance(Duration::days(1));
            let lone = client();
            app.staff(&lone, "lone.support", Some(idp::OTP)).await;
            assert_eq!(
                app.refused(&lone, "support/citizen", &[("reference", &reference)])
                    .await,
                AppError::Forbidden
            );
        })
        .await;
    }
}
