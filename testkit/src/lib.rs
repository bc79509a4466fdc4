//! What the server's integration tests and benchmarks share: the real app on a random port
//! over a store of either engine, a client as a script would be, and the PostgreSQL admin
//! helpers. The store's own fresh-database helpers stay in `jobspor_store::testing` (the
//! store's integration tests need them and must not depend on the server); they are
//! re-exported here so that tests and benchmarks have one place to look.
pub mod pg;

pub use jobspor_store::testing::{each_backend, naive_text_search, postgres, sqlite, unique};

use chrono::{TimeZone, Utc};
use jobspor::FixedClock;
use jobspor_app::ssr::cpr_register::SimulatedCprRegister;
use jobspor_app::ssr::labour_market::SimulatedLabourMarketRegisters;
use jobspor_app::ssr::limits::{Limits, Quotas};
use jobspor_app::ssr::state::AppState;
use jobspor_app::AppError;
use jobspor_server::config::Door;
use jobspor_store::Store;
use leptos::config::LeptosOptions;
use regex::Regex;
use reqwest::header::{ACCEPT, CONTENT_TYPE, ORIGIN};
use std::net::SocketAddr;
use std::sync::Arc;

/// The app under test: its address, its clock (tests move it) and its store.
pub struct TestApp {
    pub base: String,
    pub clock: FixedClock,
    pub store: Store,
}

/// What a test may change in the app it starts: the limits and the door.
#[derive(Debug, Clone)]
pub struct Settings {
    pub quotas: Quotas,
    pub door: Door,
}

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
            door: Door::default(),
        }
    }
}

/// The real router over `store` on a random port, with the simulated registers and a fixed
/// clock at 2026-11-22 09:00 UTC.
pub async fn spawn(store: Store) -> TestApp {
    spawn_with(store, Settings::default()).await
}

/// `spawn` with other limits or another door.
pub async fn spawn_with(store: Store, settings: Settings) -> TestApp {
    let clock = FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap());
    let state = AppState {
        store: store.clone(),
        clock: Arc::new(clock.clone()),
        cpr: Arc::new(SimulatedCprRegister::load().unwrap()),
        registers: Arc::new(SimulatedLabourMarketRegisters::load().unwrap()),
        secure_cookies: settings.door.tls,
        limits: Arc::new(Limits::new(settings.quotas)),
    };
    let options = LeptosOptions::builder()
        .output_name("jobspor")
        .site_root("target/site")
        .build();
    let app = jobspor_server::router::router(state, options, settings.door);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap();
    });
    TestApp {
        base: format!("http://{addr}"),
        clock,
        store,
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
    let endpoint = Regex::new(r#"#\[server\(endpoint = "([^"]+)"\)\]"#).unwrap();
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

    /// A citizen with a complete profile, logged in on `c`.
    pub async fn citizen(&self, c: &reqwest::Client, cpr: &str, username: &str) {
        self.ok(c, "mitid/login", &[("cpr", cpr)]).await;
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
