//! What the server's integration tests and benchmarks share: the real app on a random port
//! over a store of either engine, a client as a script would be, and the PostgreSQL admin
//! helpers. The store's own fresh-database helpers stay in `jobspor_store::testing` (the
//! store's integration tests need them and must not depend on the server); they are
//! re-exported here so that tests and benchmarks have one place to look.
pub mod eures_poller;
pub mod mail;
pub mod pg;

pub use jobspor_store::testing::{each_backend, naive_text_search, postgres, sqlite, unique};

use chrono::{TimeZone, Utc};
use jobspor::signin::Provider;
use jobspor::FixedClock;
use jobspor_app::ssr::cpr_register::SimulatedCprRegister;
use jobspor_app::ssr::cvr_register::SimulatedCvrRegister;
use jobspor_app::ssr::labour_market::SimulatedLabourMarketRegisters;
use jobspor_app::ssr::limits::{Limits, Quotas};
use jobspor_app::ssr::oidc::{Oidc, OidcSettings};
use jobspor_app::ssr::state::AppState;
use jobspor_app::AppError;
use jobspor_server::config::Door;
use jobspor_store::Store;
use leptos::config::LeptosOptions;
use regex::Regex;
use reqwest::header::{ACCEPT, CONTENT_TYPE, ORIGIN};
use std::net::SocketAddr;
use std::sync::Arc;

/// The app under test: its address, its clock (tests move it), its store, and the local
/// simulated identity provider it signs people in through.
pub struct TestApp {
    pub base: String,
    pub clock: FixedClock,
    pub store: Store,
    pub idp: String,
}

/// What a test may change in the app it starts: the limits, the door and the folder its
/// static files are served from.
#[derive(Debug, Clone)]
pub struct Settings {
    pub quotas: Quotas,
    pub door: Door,
    /// The site root (cargo-leptos' `target/site`); a test of the static files makes its own.
    pub site_root: String,
}

/// The EURES input API's token in tests (`Door::eures_token`).
pub const EURES_TOKEN: &str = "eures-test-token";

impl Default for Settings {
    /// Limits far above what any test does from its one address (tests of a limit set it
    /// low), and the door as `jobspor-server serve` has it by default.
    fn default() -> Self {
        Settings {
            quotas: Quotas {
                sign_in_per_minute: 100_000,
                contact_requests_per_hour: 100_000,
                cv_openings_per_hour: 100_000,
            },
            door: Door {
                eures_token: Some(EURES_TOKEN.into()),
                ..Door::default()
            },
            site_root: "target/site".into(),
        }
    }
}

/// The real router over `store` on a random port, with the simulated registers, the local
/// identity provider (`idp/`, started once per test process) and a fixed clock at
/// 2026-11-22 09:00 UTC. Cookies as in the development setting (plain http).
pub async fn spawn(store: Store) -> TestApp {
    spawn_with(store, Settings::default()).await
}

/// `spawn` with other limits or another door (`door.tls`: `__Host-` prefixed `Secure`
/// cookies and HSTS, as in production).
pub async fn spawn_with(store: Store, mut settings: Settings) -> TestApp {
    let clock = FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let base = format!("http://{addr}");
    if settings.door.tls && settings.door.public_url.is_none() {
        // Tests speak plain http even "over TLS": the site's origin is the test server's.
        settings.door.public_url = Some(base.clone());
    }
    let idp = idp::base().to_string();
    let state = AppState {
        store: store.clone(),
        clock: Arc::new(clock.clone()),
        cpr: Arc::new(SimulatedCprRegister::load().unwrap()),
        cvr: Arc::new(SimulatedCvrRegister::load().unwrap()),
        oidc: Arc::new(Oidc::new(OidcSettings::simulated(&idp, &base)).unwrap()),
        registers: Arc::new(SimulatedLabourMarketRegisters::load().unwrap()),
        secure_cookies: settings.door.tls,
        limits: Arc::new(Limits::new(settings.quotas)),
        consent_length: jobspor::consent::ConsentLength::default(),
    };
    let options = LeptosOptions::builder()
        .output_name("jobspor")
        .site_root(settings.site_root.as_str())
        .build();
    let app = jobspor_server::router::router(state, options, settings.door);
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap();
    });
    TestApp {
        base,
        clock,
        store,
        idp,
    }
}

/// A client like a script would be: keeps cookies, does not follow redirects. It sends no
/// `Origin`, so its own posts are refused as cross-site; `TestApp::call` adds one, and
/// `TestApp::client` is a client that always sends it.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// The server functions of `app/src/api`, read from the sources: each endpoint (as under
/// `/api/`), its file, and the guard its body opens with. The authorization matrix checks
/// its rows against this list; the door's tests call every endpoint in it.
pub fn server_functions() -> Vec<ServerFunction> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src/api");
    let endpoint = Regex::new(r#"#\[server\(endpoint = "([^"]+)"(, \w+ = \w+)*\)\]"#).unwrap();
    let guard = Regex::new(r"crate::ssr::guard::(\w+)\(\)").unwrap();
    let mut out = Vec::new();
    for file in std::fs::read_dir(&dir).unwrap() {
        let path = file.unwrap().path();
        let src = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        for m in endpoint.captures_iter(&src) {
            let at = m.get(0).unwrap().end();
            // The body starts after the signature's `-> Result<…> {`.
            let body_at = at + src[at..].find(") -> Result<").unwrap();
            let body_at = body_at + src[body_at..].find("{\n").unwrap() + 2;
            // Its first statement that is not a `use`.
            let mut rest = &src[body_at..];
            while rest.trim_start().starts_with("use ") {
                rest = &rest[rest.find(';').unwrap() + 1..];
            }
            let first = &rest[..rest.find(';').unwrap_or(rest.len())];
            out.push(ServerFunction {
                endpoint: m[1].to_string(),
                file: name.clone(),
                guard: guard.captures(first).map(|g| g[1].to_string()),
            });
        }
    }
    out.sort_by(|a, b| a.endpoint.cmp(&b.endpoint));
    out
}

/// A server function as `server_functions` reads it.
#[derive(Debug, Clone)]
pub struct ServerFunction {
    pub endpoint: String,
    pub file: String,
    pub guard: Option<String>,
}

impl TestApp {
    /// A client (`client()`) that says it comes from the app's own pages, as a browser on
    /// them does (`Origin`).
    pub fn client(&self) -> reqwest::Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(ORIGIN, self.base.parse().unwrap());
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(headers)
            .build()
            .unwrap()
    }

    /// Calls a server function with a form, asking for JSON, as a crafted client would; from
    /// the app's own origin, as the app's pages would.
    pub async fn call(
        &self,
        c: &reqwest::Client,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        c.post(format!("{}/api/{endpoint}", self.base))
            .header(ORIGIN, &self.base)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(ACCEPT, "application/json")
            .body(serde_urlencoded::to_string(form).unwrap())
            .send()
            .await
            .unwrap_or_else(|e| panic!("{endpoint}: request failed: {e}"))
    }

    /// Calls a server function and decodes its refusal, checking its status.
    pub async fn refused(
        &self,
        c: &reqwest::Client,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> AppError {
        let r = self.call(c, endpoint, form).await;
        let status = r.status().as_u16();
        let e: AppError = serde_json::from_str(&r.text().await.unwrap()).expect("an AppError");
        assert_eq!(status, e.http_status(), "{endpoint}: status for {e:?}");
        assert!(status >= 400);
        e
    }

    /// Calls a server function; panics with the answer unless it is 2xx.
    pub async fn ok(&self, c: &reqwest::Client, endpoint: &str, form: &[(&str, &str)]) -> String {
        let r = self.call(c, endpoint, form).await;
        let status = r.status();
        let body = r.text().await.unwrap();
        assert!(
            status.is_success(),
            "{endpoint} refused {form:?}: {status} {body}"
        );
        body
    }

    /// Signs in through `provider`'s page of the local identity provider, as a browser
    /// would: the start form posted to the app, the provider's login form posted with
    /// `fields`, every redirect followed until the app's callback, whose answer is returned
    /// (a redirect into the app, or to the refusal page).
    pub async fn sign_in(
        &self,
        c: &reqwest::Client,
        provider: Provider,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let r = c
            .post(format!("{}/api/auth/start", self.base))
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(ACCEPT, "text/html")
            .header(ORIGIN, &self.base)
            .body(serde_urlencoded::to_string([("provider", provider.slug())]).unwrap())
            .send()
            .await
            .unwrap();
        let mut next = location(&r, &self.base).expect("the start redirects to the provider");
        let mut posted = false;
        for _ in 0..20 {
            // As a browser navigates: asking for a page.
            if next.starts_with(&format!("{}/", self.base)) {
                return c
                    .get(&next)
                    .header(ACCEPT, "text/html")
                    .send()
                    .await
                    .unwrap();
            }
            let r = c
                .get(&next)
                .header(ACCEPT, "text/html")
                .send()
                .await
                .unwrap();
            if let Some(to) = location(&r, &next) {
                next = to;
                continue;
            }
            assert!(
                !posted,
                "the provider showed its page again: {}",
                r.text().await.unwrap()
            );
            assert_eq!(r.status(), 200, "the provider's login page at {next}");
            let action = format!("{}/login", next.split('?').next().unwrap());
            let r = c
                .post(&action)
                .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(serde_urlencoded::to_string(fields).unwrap())
                .send()
                .await
                .unwrap();
            posted = true;
            next = location(&r, &action)
                .unwrap_or_else(|| panic!("login at {action} answered {}", r.status()));
        }
        panic!("sign-in did not come back to the app")
    }

    /// Signs in with the simulated MitID as the person with this CPR number; returns where
    /// the app sent the browser.
    pub async fn mitid(&self, c: &reqwest::Client, cpr: &str) -> String {
        let r = self.sign_in(c, Provider::MitId, &[("cpr", cpr)]).await;
        let status = r.status();
        location(&r, &self.base).unwrap_or_else(|| panic!("the callback answered {status}"))
    }

    /// Signs in with the simulated MitID Erhverv as the person with this subject
    /// (`idp/data/erhverv_users.json`); returns where the app sent the browser.
    pub async fn mitid_erhverv(&self, c: &reqwest::Client, subject: &str) -> String {
        let r = self
            .sign_in(c, Provider::MitIdErhverv, &[("sub", subject)])
            .await;
        let status = r.status();
        location(&r, &self.base).unwrap_or_else(|| panic!("the callback answered {status}"))
    }

    /// Signs in a caseworker through the staff provider with a one-time code; returns
    /// where the app sent the browser.
    pub async fn staff(&self, c: &reqwest::Client, username: &str, otp: Option<&str>) -> String {
        let mut fields = vec![("username", username)];
        if let Some(code) = otp {
            fields.push(("otp", code));
        }
        let r = self.sign_in(c, Provider::Staff, &fields).await;
        let status = r.status();
        location(&r, &self.base).unwrap_or_else(|| panic!("the callback answered {status}"))
    }

    /// Loads the demo data (`jobspor-server seed`) at the app's clock, with the simulated
    /// registers.
    pub async fn seed_demo(&self) {
        jobspor_server::demo::seed(
            &self.store,
            &SimulatedCprRegister::load().unwrap(),
            &SimulatedCvrRegister::load().unwrap(),
            &self.base,
            jobspor::Clock::now(&self.clock),
        )
        .await
        .unwrap();
    }

    /// A citizen with a complete profile, logged in on `c`.
    pub async fn citizen(&self, c: &reqwest::Client, cpr: &str, username: &str) {
        let to = self.mitid(c, cpr).await;
        assert!(to.ends_with(jobspor_app::routes::PROFILE_SETUP), "{to}");
        self.ok(
            c,
            "citizen/complete-profile",
            &[
                ("form[username]", username),
                ("form[password]", "en-lang-adgangskode"),
                ("form[password_repeat]", "en-lang-adgangskode"),
            ],
        )
        .await;
    }

    /// A citizen with a complete profile, logged in on a client of their own, with a CV of
    /// a work experience and a job wish, marked searchable.
    pub async fn citizen_with_cv(
        &self,
        cpr: &str,
        username: &str,
    ) -> (reqwest::Client, jobspor::CitizenId) {
        use jobspor::cv::entry::{CvEntry, CvSection, Fields};
        use jobspor::policy::operator_acts_for as me;
        use jobspor::Clock;
        let c = client();
        self.citizen(&c, cpr, username).await;
        let id = self.store.citizen_id_by_cpr(cpr).await.unwrap().unwrap();
        let now = self.clock.now();
        let add = |section: CvSection, pairs: &[(&str, &str)]| {
            let fields: Fields = pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            CvEntry::parse(section, &fields, now.date_naive()).unwrap()
        };
        for entry in [
            add(
                CvSection::WorkExperience,
                &[
                    ("position", "Elektriker"),
                    ("workplace", "Sønderborg Elservice"),
                    ("tasks", "Installationer i nybyggeri."),
                    ("start", "2010-08-01"),
                ],
            ),
            add(
                CvSection::JobWish,
                &[
                    ("occupation", "Elektriker"),
                    ("education", "completed"),
                    ("experience", "over_5"),
                    ("working_time", "full_time"),
                    ("employment_type", "permanent"),
                    ("start_when", "now"),
                ],
            ),
        ] {
            self.store
                .save_cv_entry(me(id), None, &entry, now)
                .await
                .unwrap();
        }
        self.store
            .set_cv_searchable(me(id), true, now)
            .await
            .unwrap();
        (c, id)
    }
}

/// A refusal's field errors as (field, message key) pairs, in the form's order.
pub fn keys(e: &AppError) -> Vec<(String, String)> {
    match e {
        AppError::Invalid { errors, .. } => errors
            .iter()
            .map(|e| (e.field.clone(), e.key.key().to_string()))
            .collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

/// Owned pairs, to compare with `keys`.
pub fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// A redirect's target, made absolute against `from`.
pub fn location(r: &reqwest::Response, from: &str) -> Option<String> {
    if !r.status().is_redirection() {
        return None;
    }
    let l = r.headers().get(reqwest::header::LOCATION)?.to_str().ok()?;
    Some(
        url::Url::parse(from)
            .and_then(|base| base.join(l))
            .map(|u| u.to_string())
            .unwrap_or_else(|_| l.to_string()),
    )
}

/// The local simulated identity provider (`idp/`), one per test process, on a free port.
pub mod idp {
    use std::io::Read;
    use std::process::{Command, Stdio};
    use std::sync::OnceLock;
    use std::time::{Duration, Instant};

    /// The employer users and staff of the simulation (`idp/data/*.json`).
    pub const KAREN_REGION_MIDT: &str = "erhverv-fed60143-1ec3-4a5a-9107-0e4b1f514572";
    pub const JONAS_BROEDKASSEN: &str = "erhverv-928b6253-57e9-47b9-95be-18f6c8faa41a";
    pub const LINE_BROEDKASSEN: &str = "erhverv-2585949e-2006-4dc5-a4c9-365f0c373ce9";
    pub const POUL_CEASED_COMPANY: &str = "erhverv-3b1f6f2e-8c4a-4d57-9a0e-5e2d7c1b9a64";
    pub const OTP: &str = "123456";

    /// Starts the provider the first time it is asked for and returns its base address.
    /// It stops when the test process ends (it watches its stdin).
    pub fn base() -> &'static str {
        static BASE: OnceLock<String> = OnceLock::new();
        BASE.get_or_init(start)
    }

    fn start() -> String {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../idp");
        let port_file = std::env::temp_dir().join(format!(
            "jobspor-idp-{}-{}.port",
            std::process::id(),
            rand_suffix()
        ));
        let mut child = Command::new("node")
            .arg("server.mjs")
            .current_dir(dir)
            .env("IDP_PORT", "0")
            .env("IDP_ALLOW_ANY_LOOPBACK_PORT", "1")
            .env("IDP_EXIT_WITH_PARENT", "1")
            .env("IDP_PORT_FILE", &port_file)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("node starts the simulated identity provider (run scripts/setup.sh)");
        let started = Instant::now();
        loop {
            if let Ok(p) = std::fs::read_to_string(&port_file) {
                if !p.trim().is_empty() {
                    let _ = std::fs::remove_file(&port_file);
                    // Its stdin stays open for as long as this process lives.
                    std::mem::forget(child);
                    return format!("http://127.0.0.1:{}", p.trim());
                }
            }
            if let Ok(Some(status)) = child.try_wait() {
                let mut err = String::new();
                if let Some(mut e) = child.stderr.take() {
                    let _ = e.read_to_string(&mut err);
                }
                panic!("the simulated identity provider exited ({status}): {err}");
            }
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "the simulated identity provider did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn rand_suffix() -> u64 {
        use std::time::{SystemTime, UNIX_EPOCH};
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos() as u64)
            .unwrap_or(0)
    }
}

/// For benchmarks: a server error is logged on stderr with its cause (the answer carries
/// only a reference); `RUST_LOG` may ask for more.
pub fn log_errors_to_stderr() {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "error".into()),
        )
        .init();
}
