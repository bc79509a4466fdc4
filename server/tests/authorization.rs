//! The authorization matrix: every server function, called over HTTP as every kind of user,
//! is refused or let through exactly as its guard says; and a reading of the API's sources
//! checks that every server function starts with that guard and that nothing in the API
//! goes around the guard module (`jobspor_app::ssr::guard`).
//!
//! A new server function must get its row in `MATRIX`: the source test fails until it has.
use jobspor::Clock;
use jobspor_testkit::{client, each_backend, idp, server_functions, spawn, TestApp};
use regex::Regex;
use std::collections::BTreeMap;

/// Who may call a server function: one variant per guard in `ssr::guard`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Guard {
    Anyone,
    Citizen,
    CitizenRegisterData,
    CitizenWithoutProfile,
    Employer,
    EmployerPerson,
    EmployerWithTerms,
    Caseworker,
    AKasseCaseworker,
    Support,
    Staff,
}

impl Guard {
    /// The guard function's name in `ssr::guard`.
    fn function(self) -> &'static str {
        match self {
            Guard::Anyone => "anyone",
            Guard::Citizen => "citizen",
            Guard::CitizenRegisterData => "citizen_register_data",
            Guard::CitizenWithoutProfile => "citizen_without_profile",
            Guard::Employer => "employer",
            Guard::EmployerPerson => "employer_person",
            Guard::EmployerWithTerms => "employer_with_terms",
            Guard::Caseworker => "caseworker",
            Guard::AKasseCaseworker => "akasse_caseworker",
            Guard::Support => "support",
            Guard::Staff => "staff",
        }
    }

    /// The HTTP status each kind of user gets: `None` means let through (the answer may
    /// still refuse the input, never the caller).
    fn expected(self, who: Who) -> Option<u16> {
        use Who::*;
        const LOGIN: Option<u16> = Some(401);
        const FORBIDDEN: Option<u16> = Some(403);
        match (self, who) {
            (Guard::Anyone, _) => None,
            (Guard::Citizen, Citizen | OtherCitizen) => None,
            (Guard::Citizen, CitizenWithoutProfile) => FORBIDDEN,
            (Guard::CitizenRegisterData, Citizen | OtherCitizen | CitizenWithoutProfile) => None,
            (Guard::CitizenWithoutProfile, CitizenWithoutProfile) => None,
            (Guard::CitizenWithoutProfile, Citizen | OtherCitizen) => FORBIDDEN,
            (Guard::Employer | Guard::EmployerPerson, EmployerWithoutTerms | Employer) => None,
            (Guard::EmployerWithTerms, Employer) => None,
            (Guard::EmployerWithTerms, EmployerWithoutTerms) => FORBIDDEN,
            (Guard::Caseworker, Caseworker | CaseworkerNotServing) => None,
            (Guard::AKasseCaseworker, AKasse | AKasseOther) => None,
            (Guard::Support, Support) => None,
            (Guard::Staff, Caseworker | CaseworkerNotServing | AKasse | AKasseOther | Support) => {
                None
            }
            _ => LOGIN,
        }
    }
}

/// Whose data a row's request names, by the reference in it: the guard decides who may
/// call at all, the subject whether this caller may reach this citizen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    /// The caller's own, or nobody's.
    Own,
    /// `{mette}`: Anna's reference to Mette (a citizen of Aarhus, on dagpenge in HK). Only
    /// a caseworker serving Aarhus may read her; any other gets 404, as if she did not
    /// exist; support, holding no consent behind it, 403.
    Mette,
    /// `{mette_hk}`: Jens's (HK A-kasse) reference to Mette, HK's member on dagpenge.
    MetteForHk,
    /// `{mette_3f}`: Ole's (3F A-kasse) reference to Mette, who is not 3F's member.
    MetteFor3f,
    /// `{lars_hk}`: Jens's reference to Lars, registered for kontanthjælp, not dagpenge.
    LarsForHk,
    /// `{consent}`: Lone's (support) reference on a live consent of Mette's.
    Consent,
    /// `{expired}`: Lone's reference on a consent that has ended.
    ExpiredConsent,
}

impl Subject {
    /// The reference a placeholder stands for.
    const PLACEHOLDERS: [(&'static str, Subject); 6] = [
        ("{mette}", Subject::Mette),
        ("{mette_hk}", Subject::MetteForHk),
        ("{mette_3f}", Subject::MetteFor3f),
        ("{lars_hk}", Subject::LarsForHk),
        ("{consent}", Subject::Consent),
        ("{expired}", Subject::ExpiredConsent),
    ];

    fn of(form: &[(&str, &str)]) -> Subject {
        form.iter()
            .find_map(|(_, v)| Self::PLACEHOLDERS.iter().find(|(p, _)| p == v))
            .map_or(Subject::Own, |(_, s)| *s)
    }

    fn expected(self, guard: Guard, who: Who) -> Option<u16> {
        use Subject::*;
        match (self, guard, who) {
            (Mette, Guard::Caseworker, Who::CaseworkerNotServing) => Some(404),
            // Not a consent: support is refused whatever the reference.
            (Mette, Guard::Support, Who::Support) => Some(403),
            (MetteForHk, _, Who::AKasseOther) => Some(404),
            (MetteFor3f, _, Who::AKasse | Who::AKasseOther) => Some(404),
            (LarsForHk, _, Who::AKasse | Who::AKasseOther) => Some(404),
            (ExpiredConsent, _, Who::Support) => Some(403),
            _ => guard.expected(who),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Who {
    Anonymous,
    CitizenWithoutProfile,
    /// Mette, whose data the `Subject::Mette` rows name.
    Citizen,
    /// Lars: a citizen, asking for Mette's data.
    OtherCitizen,
    EmployerWithoutTerms,
    Employer,
    /// Anna, Jobcenter Aarhus: serves Mette.
    Caseworker,
    /// Sara, Jobcenter Odense: does not.
    CaseworkerNotServing,
    /// Jens, HK A-kasse: Mette's a-kasse.
    AKasse,
    /// Ole, 3F A-kasse: not Mette's.
    AKasseOther,
    /// Lone, Jobnetsupporten.
    Support,
}

const EVERYONE: [Who; 11] = [
    Who::Anonymous,
    Who::CitizenWithoutProfile,
    Who::Citizen,
    Who::OtherCitizen,
    Who::EmployerWithoutTerms,
    Who::Employer,
    Who::Caseworker,
    Who::CaseworkerNotServing,
    Who::AKasse,
    Who::AKasseOther,
    Who::Support,
];

/// (endpoint, guard, a request that changes nothing when let through: input the server
/// refuses, or a read). A placeholder in a value (`Subject::PLACEHOLDERS`) is a reference
/// to a citizen's case made for one staff member; the row's subject is the reference's.
type Row = (&'static str, Guard, &'static [(&'static str, &'static str)]);

const MATRIX: &[Row] = &[
    ("session", Guard::Anyone, &[]),
    (
        "citizen/login",
        Guard::Anyone,
        &[("username", "ingen"), ("password", "forkert-forkert")],
    ),
    ("logout", Guard::Anyone, &[]),
    // Refused input (no such language): nothing is changed.
    ("sprog", Guard::Anyone, &[("sprog", "xx"), ("tilbage", "/")]),
    ("auth/start", Guard::Anyone, &[("provider", "ingen")]),
    ("auth/mitid/callback", Guard::Anyone, &[("state", "ingen")]),
    (
        "auth/mitid-erhverv/callback",
        Guard::Anyone,
        &[("state", "ingen")],
    ),
    (
        "auth/medarbejder/callback",
        Guard::Anyone,
        &[("state", "ingen")],
    ),
    ("citizen/profile", Guard::Citizen, &[]),
    ("citizen/register-data", Guard::CitizenRegisterData, &[]),
    (
        "citizen/complete-profile",
        Guard::CitizenWithoutProfile,
        &[("form[username]", "")],
    ),
    ("citizen/history", Guard::Citizen, &[]),
    ("citizen/messages", Guard::Citizen, &[]),
    ("citizen/eures", Guard::Citizen, &[]),
    // Without the consent box: refused, nothing recorded.
    (
        "citizen/eures-consent",
        Guard::Citizen,
        &[("form[hidden__email]", "on")],
    ),
    // Mette has not consented: nothing to withdraw.
    ("citizen/eures-withdraw", Guard::Citizen, &[]),
    ("citizen/eures-preview", Guard::Citizen, &[]),
    ("citizen/eures-wards", Guard::Citizen, &[]),
    // No ward 0.
    (
        "citizen/eures-guardian",
        Guard::Citizen,
        &[("ward", "0"), ("give", "true")],
    ),
    // No notice 0: nothing is marked.
    ("citizen/message-read", Guard::Citizen, &[("id", "0")]),
    // Refused by the parser before any password check, so the matrix's wrong password
    // does not count toward Mette's login throttling.
    (
        "citizen/change-password",
        Guard::Citizen,
        &[
            ("form[current]", "forkert-forkert"),
            ("form[new]", ""),
            ("form[new_repeat]", ""),
        ],
    ),
    // Ends only the caller's other sessions: every kind of caller here has one client.
    ("citizen/logout-other-sessions", Guard::Citizen, &[]),
    ("cv/mine", Guard::Citizen, &[]),
    (
        "cv/section",
        Guard::Citizen,
        &[("section", "work_experience"), ("edit", "")],
    ),
    (
        "cv/entry/save",
        Guard::Citizen,
        &[("section", "ingen-sektion"), ("id", "")],
    ),
    (
        "cv/draft/save",
        Guard::Citizen,
        &[("section", "ingen-sektion"), ("id", "")],
    ),
    ("cv/draft/discard", Guard::Citizen, &[("section", "ingen")]),
    ("cv/entry/delete", Guard::Citizen, &[("id", "0")]),
    ("cv/searchable", Guard::Citizen, &[("searchable", "false")]),
    ("cv/hide-contact", Guard::Citizen, &[("hide", "false")]),
    ("cv/preview", Guard::Citizen, &[]),
    (
        "jobseeker/register",
        Guard::Citizen,
        &[("form[situation]", "ingen")],
    ),
    ("questionnaire/get", Guard::Citizen, &[]),
    (
        "questionnaire/answer",
        Guard::Citizen,
        &[("step", "ingen-trin"), ("go", "stay")],
    ),
    ("questionnaire/submit", Guard::Citizen, &[]),
    ("employer/terms", Guard::Employer, &[]),
    ("employer/accept-terms", Guard::EmployerPerson, &[]),
    (
        "employer/search",
        Guard::EmployerWithTerms,
        &[("form[q]", "")],
    ),
    (
        "employer/contact-request",
        Guard::EmployerWithTerms,
        &[("cv_id", "0"), ("message", "")],
    ),
    ("employer/cv", Guard::EmployerWithTerms, &[("cv_id", "0")]),
    ("staff/home", Guard::Staff, &[]),
    ("staff/lookups", Guard::Staff, &[]),
    ("caseworker/find", Guard::Caseworker, &[("cpr", "1")]),
    (
        "caseworker/citizen",
        Guard::Caseworker,
        &[("reference", "{mette}")],
    ),
    // Refused input (no subject, no text): nothing is sent.
    (
        "caseworker/message",
        Guard::Caseworker,
        &[("reference", "{mette}"), ("form[subject]", "")],
    ),
    ("caseworker/search", Guard::Caseworker, &[("form[q]", "")]),
    // No CV 0: the search's CVs open only when searchable.
    ("caseworker/cv", Guard::Caseworker, &[("cv_id", "0")]),
    // Refused input (e-mail reminders without an address): nothing is changed.
    (
        "citizen/contact-details",
        Guard::Citizen,
        &[("form[email_reminders]", "on"), ("form[email]", "")],
    ),
    ("citizen/my-data", Guard::Citizen, &[]),
    ("citizen/my-cv.xml", Guard::Citizen, &[]),
    // The rights that change what is held: refused input (no ticked confirmation, no
    // choice), so nothing is deleted, restricted or recorded.
    ("citizen/deletion", Guard::Citizen, &[]),
    ("citizen/delete-cv", Guard::Citizen, &[]),
    (
        "citizen/delete-profile",
        Guard::Citizen,
        &[("form[confirm]", "")],
    ),
    ("citizen/restriction", Guard::Citizen, &[]),
    ("citizen/restrict", Guard::Citizen, &[("restrict", "")]),
    ("citizen/objections", Guard::Citizen, &[]),
    ("citizen/object", Guard::Citizen, &[("form[about]", "")]),
    ("citizen/consents", Guard::Citizen, &[]),
    // The job seeker's track (issue 25). Refused input, or ids no one holds: nothing is
    // written.
    ("citizen/joblog", Guard::Citizen, &[]),
    (
        "citizen/joblog-form",
        Guard::Citizen,
        &[("kind", "application"), ("edit", "")],
    ),
    (
        "citizen/joblog-save",
        Guard::Citizen,
        &[("kind", "application"), ("form[employer]", "")],
    ),
    ("citizen/joblog-delete", Guard::Citizen, &[("id", "0")]),
    ("citizen/plan", Guard::Citizen, &[]),
    // Mette has no plan: nothing to mark.
    ("citizen/plan-read", Guard::Citizen, &[]),
    (
        "citizen/plan-comment",
        Guard::Citizen,
        &[("form[comment]", "")],
    ),
    ("citizen/meetings", Guard::Citizen, &[("moving", "")]),
    ("citizen/meeting-accept", Guard::Citizen, &[("id", "0")]),
    ("citizen/slot-book", Guard::Citizen, &[("slot", "0")]),
    (
        "citizen/slot-rebook",
        Guard::Citizen,
        &[("meeting", "0"), ("slot", "0")],
    ),
    (
        "citizen/booking-cancel",
        Guard::Citizen,
        &[("meeting", "0")],
    ),
    (
        "caseworker/plan",
        Guard::Caseworker,
        &[("reference", "{mette}"), ("edit", "")],
    ),
    (
        "caseworker/plan-goals",
        Guard::Caseworker,
        &[("reference", "{mette}"), ("form[job_goal]", "")],
    ),
    (
        "caseworker/plan-activity",
        Guard::Caseworker,
        &[("reference", "{mette}"), ("form[description]", "")],
    ),
    (
        "caseworker/meetings",
        Guard::Caseworker,
        &[("reference", "{mette}"), ("edit", "")],
    ),
    (
        "caseworker/summon",
        Guard::Caseworker,
        &[("reference", "{mette}"), ("form[purpose]", "")],
    ),
    (
        "caseworker/meeting-cancel",
        Guard::Caseworker,
        &[("reference", "{mette}"), ("id", "0")],
    ),
    ("caseworker/slots", Guard::Caseworker, &[]),
    (
        "caseworker/slot-publish",
        Guard::Caseworker,
        &[("form[date]", "")],
    ),
    (
        "caseworker/slot-withdraw",
        Guard::Caseworker,
        &[("id", "0")],
    ),
    (
        "caseworker/booking-deadline",
        Guard::Caseworker,
        &[("form[hours]", "x")],
    ),
    ("akasse/find", Guard::AKasseCaseworker, &[("cpr", "1")]),
    (
        "akasse/member",
        Guard::AKasseCaseworker,
        &[("reference", "{mette_hk}")],
    ),
    (
        "akasse/member",
        Guard::AKasseCaseworker,
        &[("reference", "{mette_3f}")],
    ),
    (
        "akasse/member",
        Guard::AKasseCaseworker,
        &[("reference", "{lars_hk}")],
    ),
    // Refused input (no consent filled in): nothing is recorded.
    ("support/find", Guard::Support, &[("form[cpr]", "")]),
    (
        "support/citizen",
        Guard::Support,
        &[("reference", "{consent}")],
    ),
    (
        "support/citizen",
        Guard::Support,
        &[("reference", "{expired}")],
    ),
    (
        "support/citizen",
        Guard::Support,
        &[("reference", "{mette}")],
    ),
    ("support/contact-requests", Guard::Support, &[]),
    (
        "support/relay",
        Guard::Support,
        &[("id", "0"), ("how", "ingen")],
    ),
    ("support/objections", Guard::Support, &[]),
    // No objection 0.
    (
        "support/handle-objection",
        Guard::Support,
        &[("form[objection]", "0"), ("form[state]", "in_handling")],
    ),
];

/// A client signed in as `who` on the demo data (`jobspor-server seed`), through the local
/// identity provider or the citizen's password, as a browser would.
async fn logged_in(app: &TestApp, who: Who) -> reqwest::Client {
    let c = client();
    let password = jobspor_server::demo::DEMO_PASSWORD;
    match who {
        Who::Anonymous => {}
        // A register person the demo data has not made a profile for.
        Who::CitizenWithoutProfile => {
            app.mitid(&c, "1906910161").await;
        }
        Who::Citizen | Who::OtherCitizen => {
            let username = if who == Who::Citizen { "mette" } else { "lars" };
            app.ok(
                &c,
                "citizen/login",
                &[("username", username), ("password", password)],
            )
            .await;
        }
        Who::EmployerWithoutTerms => {
            app.mitid_erhverv(&c, idp::JONAS_BROEDKASSEN).await;
        }
        Who::Employer => {
            app.mitid_erhverv(&c, idp::KAREN_REGION_MIDT).await;
        }
        Who::Caseworker => {
            app.staff(&c, "anna.aarhus", Some(idp::OTP)).await;
        }
        Who::CaseworkerNotServing => {
            app.staff(&c, "sara.odense", Some(idp::OTP)).await;
        }
        Who::AKasse => {
            app.staff(&c, "jens.hk", Some(idp::OTP)).await;
        }
        Who::AKasseOther => {
            app.staff(&c, "ole.3f", Some(idp::OTP)).await;
        }
        Who::Support => {
            app.staff(&c, "lone.support", Some(idp::OTP)).await;
        }
    }
    c
}

/// The references each placeholder of `Subject::PLACEHOLDERS` stands for, made as the
/// lookups (and support's consent form) make them.
async fn references(app: &TestApp) -> BTreeMap<&'static str, String> {
    use jobspor::consent::{ConsentChannel, ConsentScope};
    use jobspor::policy::operator_acts_for as acting;
    use jobspor_store::consents::NewConsent;
    let citizen =
        |cpr: &'static str| async move { app.store.citizen_id_by_cpr(cpr).await.unwrap().unwrap() };
    let staff = |name: &'static str| async move {
        acting(
            app.store
                .caseworker_by_subject(name)
                .await
                .unwrap()
                .unwrap(),
        )
    };
    let (mette, lars) = (citizen("1205901806").await, citizen("0803850077").await);
    let now = app.clock.now();
    let until = now + chrono::Duration::hours(jobspor::policy::CASE_REFERENCE_HOURS);
    let mut refs = BTreeMap::new();
    for (placeholder, who, cpr, citizen) in [
        ("{mette}", "anna.aarhus", "1205901806", mette),
        ("{mette_hk}", "jens.hk", "1205901806", mette),
        ("{mette_3f}", "ole.3f", "1205901806", mette),
        ("{lars_hk}", "jens.hk", "0803850077", lars),
    ] {
        let r = app
            .store
            .record_lookup(staff(who).await, cpr, Some(citizen), now, until)
            .await
            .unwrap()
            .unwrap();
        refs.insert(placeholder, r.to_string());
    }
    for (placeholder, ends_at) in [
        ("{consent}", now + chrono::Duration::hours(1)),
        ("{expired}", now - chrono::Duration::minutes(1)),
    ] {
        let consent = NewConsent {
            channel: ConsentChannel::Telephone,
            given_at: now - chrono::Duration::hours(2),
            scope: ConsentScope::ALL.to_vec(),
            reference: "Opkald om CV".into(),
            ends_at,
        };
        let r = app
            .store
            .record_consent_lookup(
                staff("lone.support").await,
                "1205901806",
                Some((mette, &consent)),
                now,
            )
            .await
            .unwrap()
            .unwrap();
        refs.insert(placeholder, r.to_string());
    }
    refs
}

#[tokio::test]
async fn every_server_function_lets_in_exactly_whom_its_guard_names() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        app.seed_demo().await;
        let refs = references(&app).await;
        let mut clients = BTreeMap::new();
        for who in EVERYONE {
            clients.insert(who, logged_in(&app, who).await);
        }
        let mut wrong = Vec::new();
        for (endpoint, guard, form) in MATRIX {
            for who in EVERYONE {
                // Open functions log in and out: each gets a client of its own, so the
                // shared sessions stay as they are.
                let own;
                let c = if *guard == Guard::Anyone {
                    own = logged_in(&app, who).await;
                    &own
                } else {
                    &clients[&who]
                };
                let subject = Subject::of(form);
                let form: Vec<(&str, &str)> = form
                    .iter()
                    .map(|(k, v)| (*k, refs.get(v).map_or(*v, String::as_str)))
                    .collect();
                // The providers' answers are GET requests (the browser is sent back), and so
                // is the citizen's download of their data (a plain link).
                let status = if endpoint.ends_with("/callback")
                    || *endpoint == "citizen/my-data"
                    || *endpoint == "citizen/my-cv.xml"
                {
                    c.get(format!("{}/api/{endpoint}", app.base))
                        .query(&form)
                        .send()
                        .await
                        .unwrap()
                        .status()
                        .as_u16()
                } else {
                    app.call(c, endpoint, &form).await.status().as_u16()
                };
                let expected = subject.expected(*guard, who);
                // 404 refuses the caller only where the request names someone's data; for
                // the rest it answers the (deliberately empty) input.
                let refused =
                    matches!(status, 401 | 403) || (subject != Subject::Own && status == 404);
                let ok = match expected {
                    None => !refused,
                    Some(s) => status == s,
                };
                if !ok {
                    wrong.push(format!(
                        "{endpoint} ({subject:?}) as {who:?}: {status}, expected {expected:?}"
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    })
    .await;
}

#[test]
fn every_server_function_opens_with_its_guard_and_has_a_row() {
    let found: Vec<_> = server_functions()
        .into_iter()
        .map(|f| (f.endpoint, f.file, f.guard))
        .collect();
    let endpoints: std::collections::BTreeSet<&str> = MATRIX.iter().map(|(e, _, _)| *e).collect();
    assert!(
        found.len() >= endpoints.len(),
        "the API's sources were read"
    );
    let mut wrong = Vec::new();
    for (endpoint, file, guard) in &found {
        match MATRIX.iter().find(|(e, _, _)| e == endpoint) {
            None => wrong.push(format!("{endpoint} ({file}) has no row in MATRIX")),
            Some((_, expected, _)) if guard.as_deref() != Some(expected.function()) => {
                wrong.push(format!(
                    "{endpoint} ({file}) opens with {guard:?}, its row says guard::{}",
                    expected.function()
                ))
            }
            Some(_) => {}
        }
    }
    for (endpoint, _, _) in MATRIX {
        if !found.iter().any(|(e, _, _)| e == endpoint) {
            wrong.push(format!("{endpoint} is in MATRIX but not in the API"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn nothing_in_the_api_goes_around_the_guards() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src/api");
    // Who is asking comes from a guard only: no reading of the session or the state, no
    // policy door or operator's door of its own.
    let forbidden = Regex::new(
        r"current_actor|AppState::from_context|operator_acts_for|policy::(\{[^}]*)?may_",
    )
    .unwrap();
    let mut wrong = Vec::new();
    for file in std::fs::read_dir(&dir).unwrap() {
        let path = file.unwrap().path();
        let src = std::fs::read_to_string(&path).unwrap();
        for m in forbidden.find_iter(&src) {
            let line = src[..m.start()].lines().count();
            wrong.push(format!("{}:{line}: {}", path.display(), m.as_str()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Log lines written while the test runs, to read back.
#[derive(Clone, Default)]
struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn a_request_span_names_the_actors_kind_and_never_a_cpr_number() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter("jobspor_server=info,jobspor_app=debug")
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _default = tracing::subscriber::set_default(subscriber);
    let (store, _dir) = jobspor_testkit::sqlite().await;
    let app = spawn(store).await;
    let c = client();
    app.mitid(&c, "1906910161").await;
    app.call(&c, "citizen/register-data", &[]).await;
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    // The guard's line in the request's span, which the guard named.
    let guarded = log
        .lines()
        .find(|l| l.contains("path=\"/api/citizen/register-data\"") && l.contains("guard passed"))
        .unwrap_or_else(|| panic!("no guarded line in the request's span:\n{log}"));
    assert!(
        guarded
            .contains("request{method=POST path=\"/api/citizen/register-data\" actor=\"citizen\"}"),
        "{guarded}"
    );
    assert!(
        !log.contains("1906910161") && !log.contains("190691"),
        "{log}"
    );
}

/// Who may see a page: the guard of the server functions it reads, and whether it names
/// Mette's data (the caseworker's case page, an employer's view of her CV).
const PAGES: &[(&str, Guard, Subject)] = &[
    (jobspor_app::routes::HOME, Guard::Anyone, Subject::Own),
    (jobspor_app::routes::PRIVACY, Guard::Anyone, Subject::Own),
    (jobspor_app::routes::LOGIN, Guard::Anyone, Subject::Own),
    (
        jobspor_app::routes::SIGN_IN_FAILED,
        Guard::Anyone,
        Subject::Own,
    ),
    (
        jobspor_app::routes::CASEWORKER_LOGIN,
        Guard::Anyone,
        Subject::Own,
    ),
    (
        jobspor_app::routes::EMPLOYER_HOME,
        Guard::Anyone,
        Subject::Own,
    ),
    (
        jobspor_app::routes::CITIZEN_HOME,
        Guard::Citizen,
        Subject::Own,
    ),
    (
        jobspor_app::routes::PROFILE_SETUP,
        Guard::CitizenWithoutProfile,
        Subject::Own,
    ),
    (jobspor_app::routes::MY_CV, Guard::Citizen, Subject::Own),
    (
        jobspor_app::routes::CV_PREVIEW,
        Guard::Citizen,
        Subject::Own,
    ),
    (jobspor_app::routes::CV_PRINT, Guard::Citizen, Subject::Own),
    (
        jobspor_app::routes::CV_SECTION,
        Guard::Citizen,
        Subject::Own,
    ),
    (
        jobspor_app::routes::JOBSEEKER_REGISTRATION,
        Guard::Citizen,
        Subject::Own,
    ),
    (
        jobspor_app::routes::QUESTIONNAIRE,
        Guard::Citizen,
        Subject::Own,
    ),
    (
        jobspor_app::routes::QUESTIONNAIRE_STEP,
        Guard::Citizen,
        Subject::Own,
    ),
    (jobspor_app::routes::HISTORY, Guard::Citizen, Subject::Own),
    (jobspor_app::routes::MESSAGES, Guard::Citizen, Subject::Own),
    (
        jobspor_app::routes::CONTACT_DETAILS,
        Guard::Citizen,
        Subject::Own,
    ),
    (jobspor_app::routes::MY_DATA, Guard::Citizen, Subject::Own),
    (jobspor_app::routes::DELETION, Guard::Citizen, Subject::Own),
    (
        jobspor_app::routes::RESTRICTION,
        Guard::Citizen,
        Subject::Own,
    ),
    (
        jobspor_app::routes::OBJECTIONS,
        Guard::Citizen,
        Subject::Own,
    ),
    (jobspor_app::routes::CONSENTS, Guard::Citizen, Subject::Own),
    (jobspor_app::routes::JOBLOG, Guard::Citizen, Subject::Own),
    (
        jobspor_app::routes::JOBLOG_APPLICATION,
        Guard::Citizen,
        Subject::Own,
    ),
    (
        jobspor_app::routes::JOBLOG_ACTIVITY,
        Guard::Citizen,
        Subject::Own,
    ),
    (jobspor_app::routes::PLAN, Guard::Citizen, Subject::Own),
    (jobspor_app::routes::MEETINGS, Guard::Citizen, Subject::Own),
    (jobspor_app::routes::ABSENCE, Guard::Citizen, Subject::Own),
    (
        jobspor_app::routes::CASEWORKER_PLAN,
        Guard::Caseworker,
        Subject::Mette,
    ),
    (
        jobspor_app::routes::CASEWORKER_MEETINGS,
        Guard::Caseworker,
        Subject::Mette,
    ),
    (
        jobspor_app::routes::CASEWORKER_SLOTS,
        Guard::Caseworker,
        Subject::Own,
    ),
    (jobspor_app::routes::EURES, Guard::Citizen, Subject::Own),
    (
        jobspor_app::routes::EURES_PREVIEW,
        Guard::Citizen,
        Subject::Own,
    ),
    (
        jobspor_app::routes::EURES_GUARDIAN,
        Guard::Citizen,
        Subject::Own,
    ),
    (jobspor_app::routes::SECURITY, Guard::Citizen, Subject::Own),
    (
        jobspor_app::routes::CASEWORKER_HOME,
        Guard::Caseworker,
        Subject::Own,
    ),
    (
        jobspor_app::routes::CASEWORKER_LOOKUPS,
        Guard::Staff,
        Subject::Own,
    ),
    (
        jobspor_app::routes::CASEWORKER_CITIZEN,
        Guard::Caseworker,
        Subject::Mette,
    ),
    (
        jobspor_app::routes::CASEWORKER_SEARCH,
        Guard::Caseworker,
        Subject::Own,
    ),
    // Mette's CV, searchable: any jobcentre's caseworker may open it from the search.
    (
        jobspor_app::routes::CASEWORKER_CV,
        Guard::Caseworker,
        Subject::Own,
    ),
    (
        jobspor_app::routes::AKASSE_HOME,
        Guard::AKasseCaseworker,
        Subject::Own,
    ),
    (
        jobspor_app::routes::AKASSE_MEMBER,
        Guard::AKasseCaseworker,
        Subject::MetteForHk,
    ),
    (
        jobspor_app::routes::SUPPORT_HOME,
        Guard::Support,
        Subject::Own,
    ),
    (
        jobspor_app::routes::SUPPORT_CITIZEN,
        Guard::Support,
        Subject::Consent,
    ),
    (
        jobspor_app::routes::SUPPORT_CONTACT_REQUESTS,
        Guard::Support,
        Subject::Own,
    ),
    (
        jobspor_app::routes::SUPPORT_OBJECTIONS,
        Guard::Support,
        Subject::Own,
    ),
    (
        jobspor_app::routes::EMPLOYER_TERMS,
        Guard::Employer,
        Subject::Own,
    ),
    (
        jobspor_app::routes::EMPLOYER_SEARCH,
        Guard::EmployerWithTerms,
        Subject::Own,
    ),
    (
        jobspor_app::routes::EMPLOYER_CV,
        Guard::EmployerWithTerms,
        Subject::Mette,
    ),
];

#[test]
fn every_page_has_a_row() {
    let rows: Vec<&str> = PAGES.iter().map(|(p, _, _)| *p).collect();
    let mut missing: Vec<&str> = jobspor_app::routes::PATTERNS
        .iter()
        .copied()
        .filter(|p| !rows.contains(p))
        .collect();
    missing.extend(
        rows.iter()
            .copied()
            .filter(|p| !jobspor_app::routes::PATTERNS.contains(p)),
    );
    assert!(
        missing.is_empty(),
        "pages without a row, or rows without a page: {missing:?}"
    );
}

/// Every page, opened as a browser does by every kind of user: one let in gets the page
/// (200); anyone else is sent elsewhere (302: to sign in, to the terms, to the profile) or
/// told there is nothing (404), and never sees Mette's data on a page naming her.
#[tokio::test]
async fn every_page_lets_in_exactly_whom_its_guard_names() {
    each_backend(|store| async move {
        let app = spawn(store).await;
        app.seed_demo().await;
        let mette = app
            .store
            .citizen_id_by_cpr("1205901806")
            .await
            .unwrap()
            .unwrap();
        let refs = references(&app).await;
        let reference =
            |placeholder: &str| -> jobspor::CaseReference { refs[placeholder].parse().unwrap() };
        let mettes_cv = app
            .store
            .cv_of_citizen(jobspor::policy::operator_acts_for(mette))
            .await
            .unwrap()
            .cv_id;
        let mut clients = BTreeMap::new();
        for who in EVERYONE {
            clients.insert(who, logged_in(&app, who).await);
        }
        let mut wrong = Vec::new();
        // First-load size: a page without islands loads no wasm; one that renders an island
        // loads the wasm that hydrates it.
        let mut scripts = Vec::new();
        for (pattern, guard, subject) in PAGES {
            let path = match *pattern {
                p if p == jobspor_app::routes::CV_SECTION => {
                    jobspor_app::routes::cv_section(jobspor::cv::entry::CvSection::WorkExperience)
                }
                p if p == jobspor_app::routes::QUESTIONNAIRE_STEP => {
                    jobspor_app::routes::questionnaire_step("registeroplysninger")
                }
                p if p == jobspor_app::routes::CASEWORKER_CITIZEN => {
                    jobspor_app::routes::caseworker_citizen(&reference("{mette}"))
                }
                p if p == jobspor_app::routes::CASEWORKER_PLAN => {
                    jobspor_app::routes::caseworker_plan(&reference("{mette}"))
                }
                p if p == jobspor_app::routes::CASEWORKER_MEETINGS => {
                    jobspor_app::routes::caseworker_meetings(&reference("{mette}"))
                }
                p if p == jobspor_app::routes::AKASSE_MEMBER => {
                    jobspor_app::routes::akasse_member(&reference("{mette_hk}"))
                }
                p if p == jobspor_app::routes::SUPPORT_CITIZEN => {
                    jobspor_app::routes::support_citizen(&reference("{consent}"))
                }
                p if p == jobspor_app::routes::CASEWORKER_CV => {
                    jobspor_app::routes::caseworker_cv(mettes_cv)
                }
                p if p == jobspor_app::routes::EMPLOYER_CV => {
                    jobspor_app::routes::employer_cv(mettes_cv)
                }
                p => p.to_string(),
            };
            for who in EVERYONE {
                let r = clients[&who]
                    .get(format!("{}{path}", app.base))
                    .header(reqwest::header::ACCEPT, "text/html")
                    .send()
                    .await
                    .unwrap();
                let status = r.status().as_u16();
                let body = r.text().await.unwrap_or_default();
                if status == 200 {
                    let island = body.contains("<leptos-island");
                    // Leptos' island loader, which fetches the wasm and its JavaScript
                    // glue (the server takes away the hints that named them in the head;
                    // Leptos' inline data script is neither: it travels in the page).
                    let wasm = body.contains("hydrateIslands(");
                    if !jobspor_app::routes::has_islands(pattern) && wasm {
                        scripts.push(format!("{path} as {who:?}: wasm on a page without islands"));
                    }
                    if island && !wasm {
                        scripts.push(format!("{path} as {who:?}: an island but no wasm"));
                    }
                    // Valid HTML (`valid_html`): nothing after the document, no bogus
                    // comment, no nonce as a `crossorigin` value.
                    if body.contains("<!>") {
                        scripts.push(format!("{path} as {who:?}: a bogus comment <!>"));
                    }
                    if !body.trim_end().ends_with("</html>") {
                        scripts.push(format!("{path} as {who:?}: something after </html>"));
                    }
                    let crossorigin_values = body.split("crossorigin=\"").skip(1);
                    if crossorigin_values
                        .map(|v| v.split('"').next().unwrap_or_default())
                        .any(|v| !matches!(v, "" | "anonymous" | "use-credentials"))
                    {
                        scripts.push(format!("{path} as {who:?}: crossorigin is no keyword"));
                    }
                }
                let let_in = subject.expected(*guard, who).is_none();
                let ok = if let_in {
                    status == 200
                } else {
                    matches!(status, 302 | 404)
                        || (status == 200 && *subject != Subject::Own && !body.contains("Mette"))
                };
                if !ok {
                    wrong.push(format!(
                        "{path} as {who:?}: {status}, expected {}",
                        if let_in { "200" } else { "302 or 404" }
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        assert!(scripts.is_empty(), "{}", scripts.join("\n"));
    })
    .await;
}
