//! The job seeker's track (issue 25) over HTTP, as a crafted client would call the server
//! functions, against a real database: SQLite always, PostgreSQL when reachable. Min Joblog
//! (only the citizen's own entries; read by the jobcentre serving the citizen and by the
//! a-kasse of a dagpenge member, each read in Min historik; never by employers), Min Plan
//! (written by the jobcentre, read and commented by the citizen, read as it stands), Mine
//! møder (summonses and their notices, self-booking within the jobcentre's deadline, one
//! citizen per time also when two book at the same instant) and the 30 days of silence
//! found by the housekeeping jobs. The clock is the test's: moved, never waited for.
use chrono::{DateTime, Duration, TimeZone, Utc};
use jobspor::jobseeker::registration::AKasse;
use jobspor::policy::ActorKind;
use jobspor::track::joblog::JoblogKind;
use jobspor::track::meetings::MeetingState;
use jobspor::Clock;
use jobspor_app::api::caseworker::CitizenCase;
use jobspor_app::api::citizen::HistoryEntryView;
use jobspor_app::api::joblog::{JoblogFormView, JoblogView};
use jobspor_app::api::meetings::{CaseMeetingsView, MeetingView, MyMeetingsView, SlotsView};
use jobspor_app::api::messages::MessageView;
use jobspor_app::api::plan::{CasePlanView, PlanView};
use jobspor_app::AppError;
use jobspor_server::jobs::run_once;
use jobspor_store::caseworkers::NewStaff;
use jobspor_testkit::{client, each_backend, idp, keys, pairs, spawn, TestApp};
use reqwest::header::LOCATION;
use reqwest::StatusCode;

/// William Mikkelsen, Aarhus (751): the job seeker of these tests.
const WILLIAM: &str = "1906910161";
/// Magnus Bækgaard, Aarhus (751): a second citizen of Aarhus.
const MAGNUS: &str = "2603044101";
/// Rasmus Olsen, Odense (461).
const RASMUS: &str = "2005982695";
/// Anne Skov, Thisted: in the CPR register, without a profile here.
const NO_PROFILE: &str = "2709622662";

/// What Anna of Jobcenter Aarhus is called in Min historik.
const ANNA_IN_HISTORY: &str = "Jobcenter Aarhus (sagsbehandler Anna Sørensen)";

/// A server function's answer, decoded; panics unless it is 2xx.
async fn get<T: serde::de::DeserializeOwned>(
    app: &TestApp,
    c: &reqwest::Client,
    endpoint: &str,
    form: &[(&str, &str)],
) -> T {
    let body = app.ok(c, endpoint, form).await;
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{endpoint}: {e}: {body}"))
}

/// The staff of these tests, as the operator seeds them (`jobspor-server seed`'s staff).
async fn seed_staff(app: &TestApp) {
    let now = app.clock.now();
    for (username, name, organisation, codes) in [
        ("anna.aarhus", "Anna Sørensen", "Jobcenter Aarhus", &["751"]),
        ("sara.odense", "Sara Holm", "Jobcenter Odense", &["461"]),
    ] {
        app.store
            .upsert_caseworker(username, name, organisation, codes, now)
            .await
            .unwrap();
    }
    app.store
        .upsert_staff(
            &NewStaff {
                username: "jens.hk",
                name: "Jens Madsen",
                kind: ActorKind::AKasseCaseworker,
                organisation: "HK A-kasse",
                municipality_codes: &[],
                a_kasse: Some(AKasse::Hk),
            },
            now,
        )
        .await
        .unwrap();
}

/// A staff member signed in with the second factor.
async fn staff(app: &TestApp, username: &str) -> reqwest::Client {
    let c = client();
    let to = app.staff(&c, username, Some(idp::OTP)).await;
    assert!(!to.contains("/log-ind/afvist"), "{username}: {to}");
    c
}

/// A citizen with a profile, signed in again (an earlier session has expired).
async fn again(app: &TestApp, cpr: &str) -> reqwest::Client {
    let c = client();
    let to = app.mitid(&c, cpr).await;
    assert!(!to.contains("/log-ind/afvist"), "{cpr}: {to}");
    c
}

/// A citizen with a complete profile, registered as a job seeker on dagpenge in HK A-kasse.
async fn job_seeker(app: &TestApp, cpr: &str, username: &str) -> reqwest::Client {
    let c = client();
    app.citizen(&c, cpr, username).await;
    app.ok(
        &c,
        "jobseeker/register",
        &[("form[situation]", "dagpenge"), ("form[a_kasse]", "hk")],
    )
    .await;
    c
}

/// A jobcentre caseworker's lookup by CPR number: the reference of the citizen's page.
async fn find(app: &TestApp, worker: &reqwest::Client, cpr: &str) -> String {
    let r = app.call(worker, "caseworker/find", &[("cpr", cpr)]).await;
    let status = r.status();
    let to = r
        .headers()
        .get(LOCATION)
        .unwrap_or_else(|| panic!("caseworker/find {cpr}: {status}"))
        .to_str()
        .unwrap()
        .to_string();
    to.strip_prefix("/sagsbehandler/borger/")
        .unwrap_or_else(|| panic!("{to} is not a case page"))
        .to_string()
}

/// Logs an application to `employer` for `position` on `applied_on`, or changes `id`.
async fn log_application(
    app: &TestApp,
    c: &reqwest::Client,
    id: &str,
    employer: &str,
    position: &str,
    applied_on: &str,
    status: &str,
) {
    app.ok(
        c,
        "citizen/joblog-save",
        &[
            ("kind", "application"),
            ("id", id),
            ("form[employer]", employer),
            ("form[position]", position),
            ("form[found_via]", "job_portal"),
            ("form[how]", "online"),
            ("form[applied_on]", applied_on),
            ("form[status]", status),
        ],
    )
    .await;
}

/// Counts per period: (label, registrations), newest first.
type Counts = Vec<(String, usize)>;

/// The log's headings, newest first, and its counts per week and per month.
fn summary(log: &JoblogView) -> (Vec<String>, Counts, Counts) {
    let counts = |v: &[jobspor::track::joblog::PeriodCount]| {
        v.iter()
            .map(|p| (p.label.clone(), p.count))
            .collect::<Vec<_>>()
    };
    (
        log.entries.iter().map(|e| e.heading.clone()).collect(),
        counts(&log.per_week),
        counts(&log.per_month),
    )
}

fn counted(v: &[(&str, usize)]) -> Counts {
    v.iter().map(|(l, n)| (l.to_string(), *n)).collect()
}

#[tokio::test]
async fn a_citizen_keeps_a_joblog_that_only_the_citizen_writes() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        let c = client();
        app.citizen(&c, WILLIAM, "william").await;
        // Today is Sunday 22 November 2026 (week 47).
        log_application(
            &app,
            &c,
            "",
            "Bageriet Brød A/S",
            "Bager",
            "2026-11-18",
            "sent",
        )
        .await;
        log_application(
            &app,
            &c,
            "",
            "Netto",
            "Butiksassistent",
            "2026-10-30",
            "sent",
        )
        .await;
        // The date typed in three parts, as without JavaScript.
        app.ok(
            &c,
            "citizen/joblog-save",
            &[
                ("kind", "activity"),
                ("id", ""),
                ("form[kind]", "course"),
                ("form[on__dag]", "20"),
                ("form[on__maaned]", "11"),
                ("form[on__aar]", "2026"),
                ("form[description]", "Kursus i truckkørsel hos AMU"),
            ],
        )
        .await;
        let log: JoblogView = get(&app, &c, "citizen/joblog", &[]).await;
        assert_eq!(
            summary(&log),
            (
                vec![
                    "Kursus".to_string(),
                    "Bager – Bageriet Brød A/S".into(),
                    "Butiksassistent – Netto".into()
                ],
                counted(&[("Uge 47 2026", 2), ("Uge 44 2026", 1)]),
                counted(&[("november 2026", 2), ("oktober 2026", 1)]),
            ),
            "newest first"
        );
        assert_eq!(log.entries[0].kind, JoblogKind::Activity);
        assert!(
            log.entries[0]
                .lines
                .contains(&"Kursus i truckkørsel hos AMU".to_string()),
            "{:?}",
            log.entries[0]
        );
        assert_eq!(log.silent_since, None, "the flag is the jobcentre's");
        let bakery = log.entries[1].id.to_string();
        let netto = log.entries[2].id.to_string();

        // Opened to change it, the form has what was saved; the Netto application moves to
        // Monday 2 November (week 45) and to an interview.
        let form: JoblogFormView = get(
            &app,
            &c,
            "citizen/joblog-form",
            &[("kind", "application"), ("edit", &netto)],
        )
        .await;
        assert_eq!(form.editing.map(|i| i.to_string()), Some(netto.clone()));
        assert_eq!(
            (
                form.values.get("employer").map(String::as_str),
                form.values.get("applied_on").map(String::as_str)
            ),
            (Some("Netto"), Some("2026-10-30"))
        );
        log_application(
            &app,
            &c,
            &netto,
            "Netto",
            "Butiksassistent",
            "2026-11-02",
            "interview",
        )
        .await;
        let log: JoblogView = get(&app, &c, "citizen/joblog", &[]).await;
        assert_eq!(
            summary(&log),
            (
                vec![
                    "Kursus".to_string(),
                    "Bager – Bageriet Brød A/S".into(),
                    "Butiksassistent – Netto".into()
                ],
                counted(&[("Uge 47 2026", 2), ("Uge 45 2026", 1)]),
                counted(&[("november 2026", 3)]),
            )
        );
        assert_eq!(log.entries[2].id.to_string(), netto, "changed, not added");
        assert!(
            log.entries[2]
                .lines
                .contains(&"Status: Til samtale".to_string()),
            "{:?}",
            log.entries[2]
        );

        // A refused form names its fields and saves nothing.
        let e = app
            .refused(
                &c,
                "citizen/joblog-save",
                &[
                    ("kind", "application"),
                    ("id", ""),
                    ("form[employer]", " "),
                    ("form[position]", "Bager"),
                    ("form[found_via]", "job_portal"),
                    ("form[how]", "online"),
                    ("form[applied_on]", "2026-11-23"),
                    ("form[status]", "sent"),
                ],
            )
            .await;
        assert_eq!(
            keys(&e),
            pairs(&[("employer", "required"), ("applied_on", "date.in_future")])
        );
        let e = app
            .refused(
                &c,
                "citizen/joblog-save",
                &[
                    ("kind", "activity"),
                    ("id", &bakery),
                    ("form[kind]", "course"),
                ],
            )
            .await;
        assert_eq!(
            keys(&e),
            pairs(&[("on", "required"), ("description", "required")])
        );
        let unchanged: JoblogView = get(&app, &c, "citizen/joblog", &[]).await;
        assert_eq!(unchanged, log, "nothing saved");

        // Another citizen can neither open, change nor delete the entry: as if it did not
        // exist.
        let other = client();
        app.citizen(&other, RASMUS, "rasmus").await;
        assert_eq!(
            app.refused(
                &other,
                "citizen/joblog-form",
                &[("kind", "application"), ("edit", &bakery)]
            )
            .await,
            AppError::NotFound
        );
        let r = app
            .call(
                &other,
                "citizen/joblog-save",
                &[
                    ("kind", "application"),
                    ("id", &bakery),
                    ("form[employer]", "Overtaget ApS"),
                    ("form[position]", "Bager"),
                    ("form[found_via]", "job_portal"),
                    ("form[how]", "online"),
                    ("form[applied_on]", "2026-11-18"),
                    ("form[status]", "rejected"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            app.refused(&other, "citizen/joblog-delete", &[("id", &bakery)])
                .await,
            AppError::NotFound
        );
        let theirs: JoblogView = get(&app, &other, "citizen/joblog", &[]).await;
        assert!(theirs.entries.is_empty(), "{theirs:?}");
        let still: JoblogView = get(&app, &c, "citizen/joblog", &[]).await;
        assert_eq!(still, log, "the owner's log untouched");

        // The owner deletes the bakery's application.
        let r = app
            .call(&c, "citizen/joblog-delete", &[("id", &bakery)])
            .await;
        assert!(
            r.status().is_success() || r.status().is_redirection(),
            "{}",
            r.status()
        );
        let log: JoblogView = get(&app, &c, "citizen/joblog", &[]).await;
        assert_eq!(
            summary(&log),
            (
                vec!["Kursus".to_string(), "Butiksassistent – Netto".into()],
                counted(&[("Uge 47 2026", 1), ("Uge 45 2026", 1)]),
                counted(&[("november 2026", 2)]),
            )
        );
        assert_eq!(
            app.refused(&c, "citizen/joblog-delete", &[("id", &bakery)])
                .await,
            AppError::NotFound,
            "gone"
        );
        assert_eq!(
            app.refused(
                &c,
                "citizen/joblog-form",
                &[("kind", "activity"), ("edit", &netto)]
            )
            .await,
            AppError::NotFound,
            "an application is not opened as an activity"
        );
    })
    .await;
}

#[tokio::test]
async fn the_jobcentre_serving_the_citizen_reads_the_joblog_and_the_citizen_sees_it() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        seed_staff(&app).await;
        let c = job_seeker(&app, WILLIAM, "william").await;
        log_application(
            &app,
            &c,
            "",
            "Lagerhuset A/S",
            "Lagermedarbejder",
            "2026-11-20",
            "sent",
        )
        .await;

        let anna = staff(&app, "anna.aarhus").await;
        let reference = find(&app, &anna, WILLIAM).await;
        let case: CitizenCase = get(
            &app,
            &anna,
            "caseworker/citizen",
            &[("reference", &reference)],
        )
        .await;
        let log = case.joblog.expect("the jobcentre reads the joblog");
        assert_eq!(
            log.entries
                .iter()
                .map(|e| e.heading.as_str())
                .collect::<Vec<_>>(),
            ["Lagermedarbejder – Lagerhuset A/S"]
        );
        assert_eq!(log.silent_since, None);

        // Min historik: the joblog's read on its own line, by Jobcenter Aarhus.
        let history: Vec<HistoryEntryView> = get(&app, &c, "citizen/history", &[]).await;
        let read: Vec<&str> = history
            .iter()
            .filter(|h| h.who == ANNA_IN_HISTORY)
            .map(|h| h.what.as_str())
            .collect();
        assert_eq!(
            read.iter().filter(|w| **w == "Så din joblog").count(),
            1,
            "{history:?}"
        );

        // Jobcenter Odense does not serve Aarhus: the lookup answers as for no one at all,
        // and Anna's reference leads nowhere in Sara's hands.
        let sara = staff(&app, "sara.odense").await;
        for cpr in [WILLIAM, NO_PROFILE, "0101010101"] {
            let r = app.call(&sara, "caseworker/find", &[("cpr", cpr)]).await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{cpr}");
            assert!(r.headers().get(LOCATION).is_none(), "{cpr}");
            let e: AppError = serde_json::from_str(&r.text().await.unwrap()).unwrap();
            assert_eq!(
                keys(&e),
                pairs(&[("cpr", "caseworker.not_served")]),
                "{cpr}"
            );
        }
        let summons = [
            ("reference", reference.as_str()),
            ("id", ""),
            ("form[date]", "2026-11-26"),
            ("form[time]", "10:00"),
            ("form[length]", "45"),
            ("form[channel]", "in_person"),
            ("form[place]", "Jobcenter Odense"),
            ("form[purpose]", "Samtale"),
        ];
        for (endpoint, form) in [
            (
                "caseworker/citizen",
                &[("reference", reference.as_str())][..],
            ),
            (
                "caseworker/plan",
                &[("reference", reference.as_str()), ("edit", "")][..],
            ),
            (
                "caseworker/meetings",
                &[("reference", reference.as_str()), ("edit", "")][..],
            ),
            ("caseworker/summon", &summons[..]),
        ] {
            assert_eq!(
                app.refused(&sara, endpoint, form).await,
                AppError::NotFound,
                "{endpoint}"
            );
        }
        // Nothing of Sara's reached the citizen: no meeting, no notice, no read.
        let meetings: MyMeetingsView = get(&app, &c, "citizen/meetings", &[("moving", "")]).await;
        assert!(meetings.meetings.is_empty(), "{meetings:?}");
        let inbox: Vec<MessageView> = get(&app, &c, "citizen/messages", &[]).await;
        assert!(inbox.is_empty(), "{inbox:?}");
        let history: Vec<HistoryEntryView> = get(&app, &c, "citizen/history", &[]).await;
        assert!(
            history.iter().all(|h| !h.who.contains("Odense")),
            "{history:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn the_akasse_reads_the_joblog_but_not_the_plan_and_employers_read_neither() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        seed_staff(&app).await;
        let c = job_seeker(&app, WILLIAM, "william").await;
        log_application(
            &app,
            &c,
            "",
            "JOBLOG-VIRKSOMHED ApS",
            "Lagerchef",
            "2026-11-20",
            "sent",
        )
        .await;
        app.ok(
            &c,
            "citizen/joblog-save",
            &[
                ("kind", "activity"),
                ("id", ""),
                ("form[kind]", "network_meeting"),
                ("form[on]", "2026-11-19"),
                ("form[description]", "JOBLOG-AKTIVITET i fagforeningen"),
            ],
        )
        .await;
        // A searchable CV with an absence.
        for form in [
            &[
                ("section", "work_experience"),
                ("id", ""),
                ("form[position]", "Tømrer"),
                ("form[workplace]", "Byg ApS"),
                ("form[start]", "2010-04-01"),
            ][..],
            &[
                ("section", "job_wish"),
                ("id", ""),
                ("form[occupation]", "Tømrer"),
                ("form[education]", "completed"),
                ("form[experience]", "over_5"),
                ("form[working_time]", "full_time"),
                ("form[employment_type]", "permanent"),
                ("form[start_when]", "now"),
            ][..],
            &[
                ("section", "absence"),
                ("id", ""),
                ("form[kind]", "sickness"),
                ("form[from]", "2026-11-02"),
            ][..],
        ] {
            let r = app.call(&c, "cv/entry/save", form).await;
            assert!(
                r.status().is_success() || r.status().is_redirection(),
                "{form:?}: {}",
                r.status()
            );
        }
        app.ok(&c, "cv/searchable", &[("searchable", "true")]).await;
        // The jobcentre writes a plan and summons the citizen.
        let anna = staff(&app, "anna.aarhus").await;
        let reference = find(&app, &anna, WILLIAM).await;
        app.ok(
            &anna,
            "caseworker/plan-goals",
            &[
                ("reference", &reference),
                ("form[job_goal]", "PLAN-JOBMÅL: fast job som tømrer"),
            ],
        )
        .await;
        app.ok(
            &anna,
            "caseworker/summon",
            &[
                ("reference", &reference),
                ("id", ""),
                ("form[date]", "2026-11-26"),
                ("form[time]", "10:00"),
                ("form[length]", "45"),
                ("form[channel]", "in_person"),
                ("form[place]", "Jobcenter Aarhus"),
                ("form[purpose]", "MØDE-FORMÅL: opfølgning"),
            ],
        )
        .await;

        // HK A-kasse reads its dagpenge member's joblog, not the plan nor the meetings.
        let jens = staff(&app, "jens.hk").await;
        let found = app.call(&jens, "akasse/find", &[("cpr", WILLIAM)]).await;
        let to = found
            .headers()
            .get(LOCATION)
            .expect("a found member's page")
            .to_str()
            .unwrap()
            .to_string();
        let member = to
            .strip_prefix("/a-kasse/medlem/")
            .unwrap_or_else(|| panic!("{to}"))
            .to_string();
        let body = app
            .ok(&jens, "akasse/member", &[("reference", &member)])
            .await;
        let raw: serde_json::Value = serde_json::from_str(&body).unwrap();
        let fields = raw.as_object().unwrap();
        for hidden in ["plan", "meetings"] {
            assert!(!fields.contains_key(hidden), "{hidden} in {body}");
        }
        for hidden in ["PLAN-JOBMÅL", "MØDE-FORMÅL", "Jobcenter Aarhus"] {
            assert!(
                !body.contains(hidden),
                "{hidden} reached the a-kasse: {body}"
            );
        }
        let case: CitizenCase = serde_json::from_str(&body).unwrap();
        let log = case.joblog.expect("the a-kasse reads the joblog");
        assert_eq!(
            log.entries
                .iter()
                .map(|e| e.heading.as_str())
                .collect::<Vec<_>>(),
            ["Lagerchef – JOBLOG-VIRKSOMHED ApS", "Netværksmøde"]
        );
        let history: Vec<HistoryEntryView> = get(&app, &c, "citizen/history", &[]).await;
        assert!(
            history.iter().any(
                |h| h.who == "HK A-kasse (a-kassens sagsbehandler Jens Madsen)"
                    && h.what == "Så din joblog"
            ),
            "{history:?}"
        );
        assert!(
            !history
                .iter()
                .any(|h| h.who.starts_with("HK A-kasse") && h.what.contains("plan")),
            "{history:?}"
        );

        // An employer opening the CV sees neither the joblog nor the absence.
        let employer = client();
        app.mitid_erhverv(&employer, idp::JONAS_BROEDKASSEN).await;
        app.ok(&employer, "employer/accept-terms", &[("accept", "on")])
            .await;
        let found: serde_json::Value = serde_json::from_str(
            &app.ok(&employer, "employer/search", &[("form[q]", "tømrer")])
                .await,
        )
        .unwrap();
        assert_eq!(found["total"], 1, "{found}");
        let cv_id = found["hits"][0]["cv_id"].as_i64().unwrap().to_string();
        let body = app.ok(&employer, "employer/cv", &[("cv_id", &cv_id)]).await;
        assert!(body.contains("Byg ApS"), "the CV itself: {body}");
        for hidden in [
            "JOBLOG",
            "Lagerchef",
            "joblog",
            "absence",
            "sickness",
            "2026-11-02",
            "02-11-2026",
            "PLAN-JOBMÅL",
            "MØDE-FORMÅL",
        ] {
            assert!(
                !body.contains(hidden),
                "{hidden} reached the employer: {body}"
            );
        }
        let history: Vec<HistoryEntryView> = get(&app, &c, "citizen/history", &[]).await;
        assert!(
            !history
                .iter()
                .any(|h| h.who.starts_with("Arbejdsgiver") && h.what == "Så din joblog"),
            "{history:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn the_jobcentre_writes_the_plan_and_sees_whether_it_was_read_as_it_stands() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        seed_staff(&app).await;
        let c = job_seeker(&app, WILLIAM, "william").await;
        let anna = staff(&app, "anna.aarhus").await;
        let reference = find(&app, &anna, WILLIAM).await;
        let reference = reference.as_str();

        // No plan yet: nothing to read or comment on, and no activity without goals.
        let plan: PlanView = get(&app, &c, "citizen/plan", &[]).await;
        assert_eq!((plan.goals, plan.education), (None, false));
        assert_eq!(
            app.refused(&c, "citizen/plan-read", &[]).await,
            AppError::NotFound
        );
        assert_eq!(
            app.refused(&c, "citizen/plan-comment", &[("form[comment]", "Hej")])
                .await,
            AppError::NotFound
        );
        let activity = [
            ("reference", reference),
            ("id", ""),
            ("form[track]", "job"),
            ("form[description]", "Søg mindst 2 stillinger om ugen"),
            ("form[from]", "2026-11-23"),
            ("form[to]", "2026-12-31"),
            ("form[status]", "agreed"),
        ];
        assert_eq!(
            keys(
                &app.refused(&anna, "caseworker/plan-activity", &activity)
                    .await
            ),
            pairs(&[("description", "plan.missing")])
        );

        // A dagpenge recipient has no education plan.
        let e = app
            .refused(
                &anna,
                "caseworker/plan-goals",
                &[
                    ("reference", reference),
                    ("form[job_goal]", "Fast job som lagerarbejder"),
                    ("form[education_goal]", "Uddannelse som smed"),
                ],
            )
            .await;
        assert_eq!(
            keys(&e),
            pairs(&[("education_goal", "plan.education_not_applicable")])
        );
        let plan: CasePlanView = get(
            &app,
            &anna,
            "caseworker/plan",
            &[("reference", reference), ("edit", "")],
        )
        .await;
        assert_eq!(plan.plan.goals, None, "nothing saved");
        app.ok(
            &anna,
            "caseworker/plan-goals",
            &[
                ("reference", reference),
                ("form[job_goal]", "Fast job som lagerarbejder"),
            ],
        )
        .await;
        app.ok(&anna, "caseworker/plan-activity", &activity).await;
        let mut step = activity;
        step[2] = ("form[track]", "education");
        assert_eq!(
            keys(&app.refused(&anna, "caseworker/plan-activity", &step).await),
            pairs(&[("track", "plan.education_not_applicable")])
        );

        // The citizen reads it, marks it read and comments.
        app.clock.advance(Duration::minutes(5));
        let plan: PlanView = get(&app, &c, "citizen/plan", &[]).await;
        let goals = plan.goals.clone().expect("the goals");
        assert_eq!(
            (goals.job_goal.as_str(), goals.education_goal),
            ("Fast job som lagerarbejder", None)
        );
        assert_eq!(
            plan.written_by.as_deref(),
            Some("Jobcenter Aarhus (Anna Sørensen)")
        );
        assert!(!plan.read);
        assert_eq!(
            plan.activities
                .iter()
                .map(|a| (a.description.as_str(), a.period.as_str()))
                .collect::<Vec<_>>(),
            [("Søg mindst 2 stillinger om ugen", "23-11-2026 – 31-12-2026")]
        );
        app.ok(&c, "citizen/plan-read", &[]).await;
        assert_eq!(
            keys(
                &app.refused(&c, "citizen/plan-comment", &[("form[comment]", "  ")])
                    .await
            ),
            pairs(&[("comment", "required")])
        );
        app.ok(
            &c,
            "citizen/plan-comment",
            &[(
                "form[comment]",
                "Jeg vil gerne have truckkort med i planen.",
            )],
        )
        .await;
        let mine: PlanView = get(&app, &c, "citizen/plan", &[]).await;
        assert!(mine.read);

        // Anna sees it read, and the comment.
        app.clock.advance(Duration::minutes(5));
        let seen: CasePlanView = get(
            &app,
            &anna,
            "caseworker/plan",
            &[("reference", reference), ("edit", "")],
        )
        .await;
        assert!(seen.plan.read, "{seen:?}");
        assert_eq!(
            seen.plan
                .comments
                .iter()
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>(),
            ["Jeg vil gerne have truckkort med i planen."]
        );
        assert_eq!(
            seen.goals_form.get("job_goal").map(String::as_str),
            Some("Fast job som lagerarbejder")
        );
        let history: Vec<HistoryEntryView> = get(&app, &c, "citizen/history", &[]).await;
        assert!(
            history
                .iter()
                .any(|h| h.who == ANNA_IN_HISTORY && h.what == "Så din plan og dine kommentarer"),
            "{history:?}"
        );

        // A change of the goals: the plan as it stands is unread.
        app.ok(
            &anna,
            "caseworker/plan-goals",
            &[
                ("reference", reference),
                ("form[job_goal]", "Fast job som lagerarbejder med truckkort"),
            ],
        )
        .await;
        let changed: CasePlanView = get(
            &app,
            &anna,
            "caseworker/plan",
            &[("reference", reference), ("edit", "")],
        )
        .await;
        assert!(!changed.plan.read, "{changed:?}");
        assert_eq!(changed.plan.comments.len(), 1, "the comment stays");
        let mine: PlanView = get(&app, &c, "citizen/plan", &[]).await;
        assert!(!mine.read);
        assert_eq!(
            mine.goals.map(|g| g.job_goal),
            Some("Fast job som lagerarbejder med truckkort".to_string())
        );
        app.clock.advance(Duration::minutes(5));
        app.ok(&c, "citizen/plan-read", &[]).await;
        let again: CasePlanView = get(
            &app,
            &anna,
            "caseworker/plan",
            &[("reference", reference), ("edit", "")],
        )
        .await;
        assert!(again.plan.read);
    })
    .await;
}

/// A summons' form: `date` and `time` in Danish time.
fn summons_form<'a>(
    reference: &'a str,
    id: &'a str,
    date: &'a str,
    time: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("reference", reference),
        ("id", id),
        ("form[date]", date),
        ("form[time]", time),
        ("form[length]", "45"),
        ("form[channel]", "in_person"),
        ("form[place]", "Jobcenter Aarhus, Værkmestergade 23"),
        (
            "form[purpose]",
            "HEMMELIGT-FORMÅL: samtale om din jobsøgning",
        ),
        ("form[bring]", "Dit CV"),
    ]
}

/// The citizen's one meeting.
async fn my_meeting(app: &TestApp, c: &reqwest::Client) -> MeetingView {
    let mine: MyMeetingsView = get(app, c, "citizen/meetings", &[("moving", "")]).await;
    assert_eq!(mine.meetings.len(), 1, "{mine:?}");
    mine.meetings.into_iter().next().unwrap()
}

/// The citizen's messages (Mine beskeder), newest first.
async fn inbox(app: &TestApp, c: &reqwest::Client) -> Vec<MessageView> {
    get(app, c, "citizen/messages", &[]).await
}

#[tokio::test]
async fn a_summons_is_accepted_changed_and_cancelled_each_change_a_notice() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        seed_staff(&app).await;
        let c = job_seeker(&app, WILLIAM, "william").await;
        let anna = staff(&app, "anna.aarhus").await;
        let reference = find(&app, &anna, WILLIAM).await;
        let reference = reference.as_str();

        // It is 10:00 in Denmark (09:00 UTC): 09:59 today has passed.
        let e = app
            .refused(
                &anna,
                "caseworker/summon",
                &summons_form(reference, "", "2026-11-22", "09:59"),
            )
            .await;
        assert_eq!(keys(&e), pairs(&[("date", "meeting.in_past")]));
        assert!(inbox(&app, &c).await.is_empty(), "no summons, no notice");

        app.ok(
            &anna,
            "caseworker/summon",
            &summons_form(reference, "", "2026-11-26", "10:00"),
        )
        .await;
        let m = my_meeting(&app, &c).await;
        assert_eq!(
            (m.state, m.when.as_str(), m.may_accept),
            (MeetingState::Summoned, "26-11-2026 kl. 10:00", true)
        );
        assert_eq!(
            (m.organisation.as_str(), m.summoned_by.as_deref()),
            ("Jobcenter Aarhus", Some("Anna Sørensen"))
        );
        let notices = inbox(&app, &c).await;
        assert_eq!(notices.len(), 1, "{notices:?}");
        assert_eq!(
            notices[0].subject,
            "Du er indkaldt til et møde i jobcentret"
        );
        assert!(
            notices[0].body.contains("26-11-2026 kl. 10:00"),
            "{}",
            notices[0].body
        );
        assert!(!notices[0].body.contains("HEMMELIGT-FORMÅL"));
        assert_eq!(
            notices[0].sender.as_deref(),
            Some("Jobcenter Aarhus (Anna Sørensen)")
        );

        // Accepted: both sides see it, and it is answered once.
        app.clock.advance(Duration::minutes(5));
        let id = m.id.to_string();
        app.ok(&c, "citizen/meeting-accept", &[("id", &id)]).await;
        let m = my_meeting(&app, &c).await;
        assert_eq!((m.state, m.may_accept), (MeetingState::Accepted, false));
        let theirs: CaseMeetingsView = get(
            &app,
            &anna,
            "caseworker/meetings",
            &[("reference", reference), ("edit", "")],
        )
        .await;
        assert_eq!(
            theirs
                .meetings
                .iter()
                .map(|m| (m.id, m.state))
                .collect::<Vec<_>>(),
            [(m.id, MeetingState::Accepted)]
        );
        assert_eq!(
            keys(
                &app.refused(&c, "citizen/meeting-accept", &[("id", &id)])
                    .await
            ),
            pairs(&[("form", "meeting.not_open")])
        );
        // Another citizen cannot answer it.
        let other = client();
        app.citizen(&other, MAGNUS, "magnus").await;
        assert_eq!(
            app.refused(&other, "citizen/meeting-accept", &[("id", &id)])
                .await,
            AppError::NotFound
        );

        // Anna changes it: a new summons to answer, and a notice.
        app.clock.advance(Duration::minutes(5));
        let form: CaseMeetingsView = get(
            &app,
            &anna,
            "caseworker/meetings",
            &[("reference", reference), ("edit", &id)],
        )
        .await;
        assert_eq!(
            (
                form.form.get("date").map(String::as_str),
                form.form.get("time").map(String::as_str)
            ),
            (Some("2026-11-26"), Some("10:00")),
            "the form in Danish time"
        );
        app.ok(
            &anna,
            "caseworker/summon",
            &summons_form(reference, &id, "2026-11-27", "13:30"),
        )
        .await;
        let m = my_meeting(&app, &c).await;
        assert_eq!(
            (m.state, m.when.as_str(), m.may_accept),
            (MeetingState::Summoned, "27-11-2026 kl. 13:30", true)
        );
        let notices = inbox(&app, &c).await;
        assert_eq!(notices.len(), 2, "{notices:?}");
        assert_eq!(notices[0].subject, "Jobcentret har ændret dit møde");
        assert!(
            notices[0].body.contains("27-11-2026 kl. 13:30"),
            "{}",
            notices[0].body
        );
        // A change into the past is refused at the date, and changes nothing.
        assert_eq!(
            keys(
                &app.refused(
                    &anna,
                    "caseworker/summon",
                    &summons_form(reference, &id, "2026-11-21", "10:00"),
                )
                .await
            ),
            pairs(&[("date", "meeting.in_past")])
        );
        assert_eq!(my_meeting(&app, &c).await.when, "27-11-2026 kl. 13:30");

        // Anna cancels it: a notice, and nothing left to answer.
        app.clock.advance(Duration::minutes(5));
        app.ok(
            &anna,
            "caseworker/meeting-cancel",
            &[("reference", reference), ("id", &id)],
        )
        .await;
        let m = my_meeting(&app, &c).await;
        assert_eq!(
            (m.state, m.may_accept, m.ahead),
            (MeetingState::Cancelled, false, false)
        );
        let notices = inbox(&app, &c).await;
        assert_eq!(
            notices
                .iter()
                .map(|n| n.subject.as_str())
                .collect::<Vec<_>>(),
            [
                "Jobcentret har aflyst dit møde",
                "Jobcentret har ændret dit møde",
                "Du er indkaldt til et møde i jobcentret"
            ]
        );
        assert!(notices[0].body.contains("27-11-2026 kl. 13:30"));
        assert_eq!(
            keys(
                &app.refused(&c, "citizen/meeting-accept", &[("id", &id)])
                    .await
            ),
            pairs(&[("form", "meeting.not_open")])
        );
        assert_eq!(
            keys(
                &app.refused(
                    &anna,
                    "caseworker/meeting-cancel",
                    &[("reference", reference), ("id", &id)]
                )
                .await
            ),
            pairs(&[("id", "meeting.not_open")])
        );
        assert_eq!(inbox(&app, &c).await.len(), 3, "no notice for a refusal");
        let history: Vec<HistoryEntryView> = get(&app, &c, "citizen/history", &[]).await;
        assert!(
            history
                .iter()
                .any(|h| h.who == ANNA_IN_HISTORY && h.what == "Så dine møder"),
            "{history:?}"
        );
    })
    .await;
}

/// A free time's form: `date` and `time` in Danish time.
fn slot_form<'a>(date: &'a str, time: &'a str) -> [(&'a str, &'a str); 5] {
    [
        ("form[date]", date),
        ("form[time]", time),
        ("form[length]", "30"),
        ("form[channel]", "in_person"),
        ("form[place]", "Jobcenter Aarhus, Værkmestergade 23"),
    ]
}

/// The jobcentre's times, by when (Danish time) they are.
async fn slot_ids(app: &TestApp, worker: &reqwest::Client) -> Vec<(String, String, bool)> {
    let slots: SlotsView = get(app, worker, "caseworker/slots", &[]).await;
    slots
        .slots
        .into_iter()
        .map(|s| (s.when, s.id.to_string(), s.booked))
        .collect()
}

fn free_times(m: &MyMeetingsView) -> Vec<&str> {
    m.free.iter().map(|s| s.when.as_str()).collect()
}

#[tokio::test]
async fn a_citizen_books_moves_and_cancels_a_free_time_until_the_deadline() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        seed_staff(&app).await;
        let anna = staff(&app, "anna.aarhus").await;
        // Sunday 22 November, 10:00 in Denmark.
        for (date, time) in [
            ("2026-11-23", "12:00"),
            ("2026-11-26", "10:00"),
            ("2026-11-27", "13:00"),
        ] {
            app.ok(&anna, "caseworker/slot-publish", &slot_form(date, time))
                .await;
        }
        let e = app
            .refused(
                &anna,
                "caseworker/slot-publish",
                &slot_form("2026-11-22", "09:30"),
            )
            .await;
        assert_eq!(keys(&e), pairs(&[("date", "meeting.in_past")]));
        let slots = slot_ids(&app, &anna).await;
        let whens: Vec<&str> = slots.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(
            whens,
            [
                "23-11-2026 kl. 12:00",
                "26-11-2026 kl. 10:00",
                "27-11-2026 kl. 13:00"
            ]
        );
        let (monday, thursday, friday) =
            (slots[0].1.clone(), slots[1].1.clone(), slots[2].1.clone());

        let c = job_seeker(&app, WILLIAM, "william").await;
        let mine: MyMeetingsView = get(&app, &c, "citizen/meetings", &[("moving", "")]).await;
        assert_eq!(mine.deadline_hours, 24, "the default deadline");
        assert_eq!(free_times(&mine), whens, "26 hours ahead is open");

        // The jobcentre's deadline: 48 hours; two weeks at most.
        assert_eq!(
            keys(
                &app.refused(
                    &anna,
                    "caseworker/booking-deadline",
                    &[("form[hours]", "400")]
                )
                .await
            ),
            pairs(&[("hours", "number.out_of_range")])
        );
        app.ok(
            &anna,
            "caseworker/booking-deadline",
            &[("form[hours]", "48")],
        )
        .await;
        let mine: MyMeetingsView = get(&app, &c, "citizen/meetings", &[("moving", "")]).await;
        assert_eq!(mine.deadline_hours, 48);
        assert_eq!(free_times(&mine), &whens[1..]);
        let e = app
            .refused(&c, "citizen/slot-book", &[("slot", &monday)])
            .await;
        assert_eq!(keys(&e), pairs(&[("form", "meeting.booking_closed")]));

        // Booked: the time is William's, and no longer free.
        app.ok(&c, "citizen/slot-book", &[("slot", &thursday)])
            .await;
        let m = my_meeting(&app, &c).await;
        assert_eq!(
            (m.state, m.when.as_str(), m.may_rebook, m.summoned_by),
            (MeetingState::Booked, "26-11-2026 kl. 10:00", true, None)
        );
        let booking = m.id.to_string();
        let mine: MyMeetingsView = get(&app, &c, "citizen/meetings", &[("moving", "")]).await;
        assert_eq!(free_times(&mine), ["27-11-2026 kl. 13:00"]);

        // Another citizen of Aarhus finds it taken.
        let magnus = client();
        app.citizen(&magnus, MAGNUS, "magnus").await;
        let e = app
            .refused(&magnus, "citizen/slot-book", &[("slot", &thursday)])
            .await;
        assert_eq!(keys(&e), pairs(&[("form", "meeting.slot_taken")]));
        // Nor may anyone else move or cancel William's booking.
        assert_eq!(
            app.refused(&magnus, "citizen/booking-cancel", &[("meeting", &booking)])
                .await,
            AppError::NotFound
        );
        // A citizen of Odense sees none of Aarhus' times and books none.
        let rasmus = client();
        app.citizen(&rasmus, RASMUS, "rasmus").await;
        let theirs: MyMeetingsView =
            get(&app, &rasmus, "citizen/meetings", &[("moving", "")]).await;
        assert!(theirs.free.is_empty(), "{theirs:?}");
        assert_eq!(
            app.refused(&rasmus, "citizen/slot-book", &[("slot", &friday)])
                .await,
            AppError::NotFound
        );

        // Moved to Friday: Thursday is free again, and Magnus takes it.
        app.clock.advance(Duration::minutes(5));
        let moving: MyMeetingsView =
            get(&app, &c, "citizen/meetings", &[("moving", &booking)]).await;
        assert_eq!(moving.moving.map(|m| m.to_string()), Some(booking.clone()));
        app.ok(
            &c,
            "citizen/slot-rebook",
            &[("meeting", &booking), ("slot", &friday)],
        )
        .await;
        let m = my_meeting(&app, &c).await;
        assert_eq!(
            (m.id.to_string(), m.state, m.when.as_str()),
            (
                booking.clone(),
                MeetingState::Booked,
                "27-11-2026 kl. 13:00"
            )
        );
        app.ok(&magnus, "citizen/slot-book", &[("slot", &thursday)])
            .await;
        assert_eq!(
            slot_ids(&app, &anna)
                .await
                .into_iter()
                .map(|s| s.2)
                .collect::<Vec<_>>(),
            [false, true, true]
        );

        // Cancelled: Friday is free again.
        app.ok(&c, "citizen/booking-cancel", &[("meeting", &booking)])
            .await;
        let m = my_meeting(&app, &c).await;
        assert_eq!((m.state, m.may_rebook), (MeetingState::Cancelled, false));
        let mine: MyMeetingsView = get(&app, &c, "citizen/meetings", &[("moving", "")]).await;
        assert_eq!(free_times(&mine), ["27-11-2026 kl. 13:00"]);
        assert!(
            inbox(&app, &c).await.is_empty(),
            "the citizen's own bookings are no notices"
        );

        // Tuesday 24 November, 11:00 UTC: Magnus' Thursday time is 46 hours away, inside
        // the deadline; it can be neither moved nor cancelled.
        app.clock
            .set(Utc.with_ymd_and_hms(2026, 11, 24, 11, 0, 0).unwrap());
        let magnus = again(&app, MAGNUS).await;
        let m = my_meeting(&app, &magnus).await;
        assert_eq!((m.state, m.may_rebook), (MeetingState::Booked, false));
        let his = m.id.to_string();
        for (endpoint, form) in [
            ("citizen/booking-cancel", &[("meeting", his.as_str())][..]),
            (
                "citizen/slot-rebook",
                &[("meeting", his.as_str()), ("slot", friday.as_str())][..],
            ),
        ] {
            let r = app.call(&magnus, endpoint, form).await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{endpoint}");
            let e: AppError = serde_json::from_str(&r.text().await.unwrap()).unwrap();
            assert_eq!(
                keys(&e),
                pairs(&[("form", "meeting.booking_closed")]),
                "{endpoint}"
            );
        }
        assert_eq!(my_meeting(&app, &magnus).await.state, MeetingState::Booked);
    })
    .await;
}

/// Whether a booking succeeded, or the key it was refused with.
async fn booked(r: reqwest::Response) -> Result<(), (StatusCode, String)> {
    let status = r.status();
    let body = r.text().await.unwrap();
    if status.is_success() || status.is_redirection() {
        return Ok(());
    }
    let key = serde_json::from_str::<AppError>(&body)
        .ok()
        .and_then(|e| match e {
            AppError::Invalid { errors, .. } => {
                errors.iter().next().map(|e| e.key.key().to_string())
            }
            _ => None,
        })
        .unwrap_or(body);
    Err((status, key))
}

#[tokio::test]
async fn two_citizens_booking_the_same_time_at_the_same_instant_one_gets_it() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        seed_staff(&app).await;
        let anna = staff(&app, "anna.aarhus").await;
        const ROUNDS: usize = 10;
        for hour in 0..ROUNDS {
            let time = format!("{:02}:00", 8 + hour);
            app.ok(
                &anna,
                "caseworker/slot-publish",
                &slot_form("2026-11-26", &time),
            )
            .await;
        }
        let slots = slot_ids(&app, &anna).await;
        assert_eq!(slots.len(), ROUNDS);
        let william = client();
        app.citizen(&william, WILLIAM, "william").await;
        let magnus = client();
        app.citizen(&magnus, MAGNUS, "magnus").await;
        let mut won = [0, 0];
        for (when, slot, _) in &slots {
            let form = [("slot", slot.as_str())];
            let (a, b) = tokio::join!(
                app.call(&william, "citizen/slot-book", &form),
                app.call(&magnus, "citizen/slot-book", &form),
            );
            let (a, b) = (booked(a).await, booked(b).await);
            match (&a, &b) {
                (Ok(()), Err(lost)) | (Err(lost), Ok(())) => {
                    assert_eq!(
                        lost,
                        &(
                            StatusCode::UNPROCESSABLE_ENTITY,
                            "meeting.slot_taken".to_string()
                        ),
                        "{when}"
                    );
                    won[usize::from(a.is_err())] += 1;
                }
                _ => panic!("{when}: exactly one booking, got {a:?} and {b:?}"),
            }
        }
        let theirs = |c: reqwest::Client| {
            let app = &app;
            async move {
                let mine: MyMeetingsView =
                    get(app, &c, "citizen/meetings", &[("moving", "")]).await;
                assert!(mine.free.is_empty(), "{mine:?}");
                assert!(mine
                    .meetings
                    .iter()
                    .all(|m| m.state == MeetingState::Booked));
                mine.meetings.len()
            }
        };
        assert_eq!(
            [theirs(william).await, theirs(magnus).await],
            won,
            "each has the meetings they won"
        );
        assert!(slot_ids(&app, &anna).await.iter().all(|s| s.2));
    })
    .await;
}

#[tokio::test]
async fn thirty_days_without_a_registration_is_a_notice_and_the_jobcentres_flag() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        seed_staff(&app).await;
        // The simulated identity provider's tokens live an hour of real time and the app
        // verifies them at its own clock: the test's month ends at the clock's usual start,
        // so that everyone can still sign in at its end.
        let t0: DateTime<Utc> = app.clock.now() - Duration::days(30);
        app.clock.set(t0);
        // Registered on Friday 23 October 2026: the silence begins.
        job_seeker(&app, WILLIAM, "william").await;

        // 29 days on: nothing yet.
        app.clock.set(t0 + Duration::days(29));
        let r = run_once(&app.store, app.clock.now()).await.unwrap();
        assert_eq!(r.notices.map(|n| n.joblog_silences), Some(0));

        // 30 days on: the day's housekeeping tells the citizen and flags the jobcentre.
        app.clock.set(t0 + Duration::days(30));
        let r = run_once(&app.store, app.clock.now()).await.unwrap();
        assert_eq!(r.notices.map(|n| n.joblog_silences), Some(1));
        let c = again(&app, WILLIAM).await;
        let notices = inbox(&app, &c).await;
        assert_eq!(
            notices
                .iter()
                .map(|n| n.subject.as_str())
                .collect::<Vec<_>>(),
            ["Du har ikke registreret jobsøgning i 30 dage"]
        );
        assert!(
            notices[0].body.contains("siden 23-10-2026"),
            "{}",
            notices[0].body
        );
        assert_eq!(notices[0].sender, None);
        let anna = staff(&app, "anna.aarhus").await;
        let reference = find(&app, &anna, WILLIAM).await;
        let case: CitizenCase = get(
            &app,
            &anna,
            "caseworker/citizen",
            &[("reference", &reference)],
        )
        .await;
        let log = case.joblog.expect("the joblog");
        assert!(log.entries.is_empty());
        assert_eq!(log.silent_since.as_deref(), Some("23-10-2026"));
        // The flag is the jobcentre's: the a-kasse reads the log without it.
        let jens = staff(&app, "jens.hk").await;
        let found = app.call(&jens, "akasse/find", &[("cpr", WILLIAM)]).await;
        let member = found.headers()[LOCATION]
            .to_str()
            .unwrap()
            .strip_prefix("/a-kasse/medlem/")
            .unwrap()
            .to_string();
        let theirs: CitizenCase =
            get(&app, &jens, "akasse/member", &[("reference", &member)]).await;
        assert_eq!(theirs.joblog.map(|l| l.silent_since), Some(None));

        // The next day's run tells nobody twice.
        app.clock.set(t0 + Duration::days(31));
        let r = run_once(&app.store, app.clock.now()).await.unwrap();
        assert_eq!(r.notices.map(|n| n.joblog_silences), Some(0));
        let c = again(&app, WILLIAM).await;
        assert_eq!(inbox(&app, &c).await.len(), 1);

        // A registration ends the silence, and the flag with it.
        log_application(
            &app,
            &c,
            "",
            "Lagerhuset A/S",
            "Lagermedarbejder",
            "2026-11-20",
            "sent",
        )
        .await;
        let anna = staff(&app, "anna.aarhus").await;
        let reference = find(&app, &anna, WILLIAM).await;
        let case: CitizenCase = get(
            &app,
            &anna,
            "caseworker/citizen",
            &[("reference", &reference)],
        )
        .await;
        let log = case.joblog.expect("the joblog");
        assert_eq!(log.entries.len(), 1);
        assert_eq!(log.silent_since, None);
    })
    .await;
}
