//! Statistics without identities and the research export (issue 26, seed 000 "Statistik"
//! and the project with Københavns Universitet), against a real database: SQLite always,
//! PostgreSQL when `TEST_DATABASE_URL` answers.
use chrono::{DateTime, Duration, TimeZone, Utc};
use jobspor::contact::{ContactDetails, ContactForm};
use jobspor::cv::entry::{CvEntry, CvSection, Fields};
use jobspor::policy::{operator_acts_for as me, ActorKind};
use jobspor::retention::searchable_login_cutoff;
use jobspor::statistics::{SecretKey, StatEvent, Visitor};
use jobspor::Clock;
use jobspor_server::config::Door;
use jobspor_server::statistics::research_csv;
use jobspor_store::citizens::NewContactDetails;
use jobspor_store::employers::CompanyFacts;
use jobspor_store::testing::every_value;
use jobspor_store::Store;
use jobspor_testkit::{each_backend, spawn_with, Settings};
use reqwest::header::{HeaderMap, HeaderValue, ACCEPT};

/// The client's full address, as our proxy reports it: distinctive enough that finding it
/// as a substring anywhere means it was stored.
const CLIENT_V4: &str = "198.51.100.213";
const CLIENT_V6: &str = "2001:db8:4d2f:77::e1";

/// A client whose every request comes through our proxy from `address`.
fn client_from(base: &str, address: &str) -> reqwest::Client {
    let mut h = HeaderMap::new();
    h.insert("x-forwarded-for", HeaderValue::from_str(address).unwrap());
    h.insert(
        reqwest::header::ORIGIN,
        HeaderValue::from_str(base).unwrap(),
    );
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(h)
        .build()
        .unwrap()
}

/// The page views written so far (the middleware writes them after answering).
async fn page_views(store: &Store) -> Vec<String> {
    every_value(store)
        .await
        .into_iter()
        .filter(|(t, c, v)| t == "statistics_events" && c == "detail" && v != "NULL")
        .map(|(_, _, v)| unquoted(&v))
        .collect()
}

/// A value as `every_value` gives it, without SQLite's `quote` marks.
fn unquoted(v: &str) -> String {
    v.strip_prefix('\'')
        .and_then(|v| v.strip_suffix('\''))
        .unwrap_or(v)
        .to_string()
}

/// Waits until `n` page views are written: they are written in a task of their own after
/// the page is answered. Not a timing assertion: it waits for the writes, whatever they take.
async fn until_page_views(store: &Store, n: usize) {
    for _ in 0..500 {
        if page_views(store).await.len() >= n {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!(
        "the page views were not written: {:?}",
        page_views(store).await
    );
}

/// Requests from a distinctive address, a failed login among them: afterwards no table of
/// the database holds the full address except the login throttle's, and that only until
/// its 15 minutes are over. What the statistics keep is the provider's network.
#[tokio::test]
async fn no_full_address_is_stored_but_the_login_throttles_for_its_15_minutes() {
    each_backend(|store| async move {
        let settings = Settings {
            door: Door {
                trust_proxy: true,
                ..Settings::default().door
            },
            ..Settings::default()
        };
        let app = spawn_with(store.clone(), settings).await;
        let c = client_from(&app.base, CLIENT_V4);
        // The front page, a MitID login and the first login's profile, Min side.
        let front = c
            .get(format!("{}/", app.base))
            .header(ACCEPT, "text/html")
            .send()
            .await
            .unwrap();
        assert_eq!(front.status(), 200);
        app.citizen(&c, "2005982695", "rasmus").await;
        let home = c
            .get(format!("{}/borger", app.base))
            .header(ACCEPT, "text/html")
            .send()
            .await
            .unwrap();
        assert_eq!(home.status(), 200);
        // A page with a query: the query is not kept.
        let r = c
            .get(format!("{}/log-ind?logget-ud=1&hemmelig=x", app.base))
            .header(ACCEPT, "text/html")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        // A failed password login from the same address: the throttle counts it.
        let other = client_from(&app.base, CLIENT_V4);
        let r = app
            .call(
                &other,
                "citizen/login",
                &[("username", "rasmus"), ("password", "forkert-adgangskode")],
            )
            .await;
        assert!(r.status().is_client_error(), "{}", r.status());
        // From IPv6 too.
        let v6 = client_from(&app.base, CLIENT_V6);
        let r = v6
            .get(format!("{}/privatliv", app.base))
            .header(ACCEPT, "text/html")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        // Not pages: a file that is not there, /healthz, an /api call.
        let _ = c
            .get(format!("{}/favicon.svg", app.base))
            .send()
            .await
            .unwrap();
        let _ = c.get(format!("{}/healthz", app.base)).send().await.unwrap();
        until_page_views(&store, 4).await;

        let everything = every_value(&store).await;
        let holding = |address: &str| -> Vec<(String, String)> {
            everything
                .iter()
                .filter(|(_, _, v)| v.contains(address))
                .map(|(t, c, _)| (t.clone(), c.clone()))
                .collect()
        };
        assert_eq!(
            holding(CLIENT_V4),
            vec![("login_failures".to_string(), "address".to_string())],
            "the full address is kept by the login throttle only"
        );
        assert_eq!(holding(CLIENT_V6), vec![]);
        assert!(
            holding("4d2f").is_empty(),
            "nothing of the last 96 bits of the IPv6 address"
        );
        // What the statistics keep: the page patterns, the networks, keys.
        let values = |column: &str| -> Vec<String> {
            let mut v: Vec<String> = everything
                .iter()
                .filter(|(t, c, v)| t == "statistics_events" && c == column && v != "NULL")
                .map(|(_, _, v)| unquoted(v))
                .collect();
            v.sort();
            v.dedup();
            v
        };
        for page in ["/", "/borger", "/log-ind", "/privatliv"] {
            assert!(values("detail").contains(&page.to_string()), "{page}");
        }
        assert!(!everything.iter().any(|(_, _, v)| v.contains("hemmelig")));
        assert_eq!(values("network"), vec!["198.0.0.0/8", "2001:db8::/32"]);
        assert!(values("visitor_key").iter().all(|k| k.len() == 16));
        assert!(!values("detail")
            .iter()
            .any(|v| v.contains("favicon") || v.contains("healthz") || v.contains("api")));
        // The login is counted, and Min side named the citizen by the access log's
        // pseudonym (a research page); the front page named no one.
        let events = store
            .research_events(
                app.clock.now() - Duration::days(1),
                app.clock.now() + Duration::days(1),
            )
            .await
            .unwrap();
        assert!(events.iter().any(|e| e.event == StatEvent::Login));
        assert!(events
            .iter()
            .any(|e| e.event == StatEvent::PageView && e.detail.as_deref() == Some("/borger")));
        assert!(!events
            .iter()
            .any(|e| e.event == StatEvent::PageView && e.detail.as_deref() == Some("/")));

        // The throttle's window is 15 minutes; then housekeeping deletes the address.
        let r = jobspor_server::jobs::run_once(&store, app.clock.now() + Duration::minutes(14))
            .await
            .unwrap();
        assert_eq!(r.login_failures, 0);
        let r = jobspor_server::jobs::run_once(
            &store,
            app.clock.now() + Duration::minutes(15) + Duration::seconds(1),
        )
        .await
        .unwrap();
        assert_eq!(r.login_failures, 1);
        assert!(every_value(&store)
            .await
            .iter()
            .all(|(_, _, v)| !v.contains(CLIENT_V4)));
    })
    .await;
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap()
}

fn entry(section: CvSection, pairs: &[(&str, &str)]) -> CvEntry {
    let f: Fields = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    CvEntry::parse(section, &f, now().date_naive()).unwrap()
}

struct Person {
    cpr: &'static str,
    first: &'static str,
    phone: &'static str,
    email: &'static str,
    address: &'static str,
}

const PEOPLE: [Person; 2] = [
    Person {
        cpr: "1205901806",
        first: "Mettelise",
        phone: "20304050",
        email: "mettelise@eksempel.dk",
        address: "192.0.2.147",
    },
    Person {
        cpr: "2301781804",
        first: "Annegrethe",
        phone: "31415926",
        email: "annegrethe@eksempel.dk",
        address: "203.0.113.219",
    },
];

/// Synthetic persons log in, view pages, change their reminders and log out, and an
/// employer opens a CV; the export, made twice, holds none of their CPR numbers, names,
/// e-mails, phones or addresses, and names each the same way both times and the two apart.
#[tokio::test]
async fn the_research_export_is_pseudonymised_and_stable() {
    each_backend(|store| async move {
        let key = SecretKey::parse("the research project's key, 32 bytes or more").unwrap();
        let mut cvs = Vec::new();
        for (i, p) in PEOPLE.iter().enumerate() {
            let at = now() + Duration::minutes(i as i64);
            let login = store
                .citizen_mitid_login(p.cpr, &jobspor_store::testing::person(p.first), "sim", at)
                .await
                .unwrap();
            let citizen = me(login.citizen_id);
            store
                .complete_citizen_profile(
                    citizen,
                    &NewContactDetails {
                        username: format!("u{}", p.cpr),
                        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$test$test".into(),
                        phone: Some(p.phone.into()),
                        email: Some(p.email.into()),
                        sms_reminders: true,
                        email_reminders: false,
                    },
                    at,
                )
                .await
                .unwrap();
            // Later: e-mail reminders on, SMS off.
            let form = ContactForm {
                phone: p.phone.into(),
                email: p.email.into(),
                sms_reminders: String::new(),
                email_reminders: "on".into(),
            };
            let details = ContactDetails::try_from(&form).unwrap();
            store
                .set_citizen_contact_details(citizen, &details, at + Duration::minutes(1))
                .await
                .unwrap();
            // Min side and the joblog seen in a session, then the front page.
            let hash = format!("session-{i}");
            store
                .create_session(&hash, ActorKind::Citizen, login.citizen_id.get(), "acr", at)
                .await
                .unwrap();
            let visitor = |ip: &str| {
                jobspor::statistics::visitor(
                    ip.parse().unwrap(),
                    &jobspor::statistics::DaySecret::new(now().date_naive(), [7; 32]),
                )
            };
            let v: Visitor = visitor(p.address);
            for page in ["/borger", "/borger/joblog", "/"] {
                store
                    .record_page_view(page, &v, Some(&hash), at + Duration::minutes(2))
                    .await
                    .unwrap();
            }
            store
                .end_session(&hash, at + Duration::minutes(3))
                .await
                .unwrap();
            // A searchable CV.
            store
                .save_cv_entry(
                    citizen,
                    None,
                    &entry(
                        CvSection::WorkExperience,
                        &[
                            ("position", "Sygeplejerske"),
                            ("workplace", "Aarhus Universitetshospital"),
                            ("tasks", ""),
                            ("start", "2015-08-01"),
                        ],
                    ),
                    at,
                )
                .await
                .unwrap();
            store
                .save_cv_entry(
                    citizen,
                    None,
                    &entry(
                        CvSection::JobWish,
                        &[
                            ("occupation", "Sygeplejerske"),
                            ("education", "completed"),
                            ("experience", "over_5"),
                            ("working_time", "full_time"),
                            ("employment_type", "permanent"),
                            ("start_when", "now"),
                        ],
                    ),
                    at,
                )
                .await
                .unwrap();
            store.set_cv_searchable(citizen, true, at).await.unwrap();
            cvs.push(store.cv_of_citizen(citizen).await.unwrap().cv_id);
        }
        let employer = store
            .upsert_employer(
                CompanyFacts {
                    cvr: "10150817",
                    name: "Region Midtjylland",
                    email: "hr@rm.dk",
                },
                now(),
            )
            .await
            .unwrap();
        let opened_at = now() + Duration::hours(1);
        store
            .open_cv_for_employer(
                me(employer),
                "Region Midtjylland",
                cvs[1],
                searchable_login_cutoff(opened_at),
                opened_at,
            )
            .await
            .unwrap()
            .expect("the CV is searchable");

        let export = || async {
            let events = store
                .research_events(now() - Duration::days(1), now() + Duration::days(1))
                .await
                .unwrap();
            research_csv(&events, &key)
        };
        let first = export().await;
        let second = export().await;
        for p in &PEOPLE {
            for secret in [
                p.cpr, p.first, p.phone, p.email, p.address, "Jensen", "eksempel",
            ] {
                assert!(!first.contains(secret), "{secret} in the export:\n{first}");
            }
        }
        for other in ["Region Midtjylland", "Sygeplejerske", "192.0.", "203.0."] {
            assert!(!first.contains(other), "{other} in the export:\n{first}");
        }
        assert_eq!(first, second, "the same pseudonyms in both exports");
        let rows: Vec<Vec<&str>> = first.lines().map(|l| l.split(',').collect()).collect();
        assert_eq!(
            rows[0],
            jobspor_server::statistics::RESEARCH_COLUMNS.to_vec()
        );
        let of =
            |event: &str| -> Vec<&Vec<&str>> { rows.iter().filter(|r| r[0] == event).collect() };
        // Each citizen's login, in order, by their own pseudonym; the two differ.
        let logins = of("login");
        assert_eq!(logins.len(), 2);
        let (a, b) = (logins[0][2], logins[1][2]);
        assert_ne!(a, b);
        assert_eq!(a.len(), 32);
        // Every event of a citizen names them the same way.
        assert_eq!(
            of("logout").iter().map(|r| r[2]).collect::<Vec<_>>(),
            vec![a, b]
        );
        let views: Vec<(&str, &str)> = of("page_view").iter().map(|r| (r[2], r[3])).collect();
        assert_eq!(
            views,
            vec![
                (a, "/borger"),
                (a, "/borger/joblog"),
                (b, "/borger"),
                (b, "/borger/joblog")
            ],
            "the research pages only"
        );
        let reminders: Vec<(&str, &str, &str)> = rows
            .iter()
            .filter(|r| r[0].starts_with("reminder_"))
            .map(|r| (r[0], r[2], r[4]))
            .collect();
        assert_eq!(
            reminders,
            vec![
                ("reminder_on", a, "sms"),
                ("reminder_off", a, "sms"),
                ("reminder_on", a, "email"),
                ("reminder_on", b, "sms"),
                ("reminder_off", b, "sms"),
                ("reminder_on", b, "email"),
            ]
        );
        // The opening: when, which company (CVR), whose CV — by the owner's pseudonym.
        let opened = of("cv_opened");
        assert_eq!(opened.len(), 1);
        assert_eq!(opened[0][1], "2026-11-22T11:00:00Z");
        assert_eq!(
            (opened[0][2], opened[0][5], opened[0][6]),
            ("", "10150817", b)
        );

        // Another key, other pseudonyms: the key makes them.
        let other = SecretKey::parse("another key for another project, 32+ bytes").unwrap();
        let events = store
            .research_events(now() - Duration::days(1), now() + Duration::days(1))
            .await
            .unwrap();
        assert!(!research_csv(&events, &other).contains(a));
    })
    .await;
}
