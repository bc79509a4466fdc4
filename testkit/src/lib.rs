//! What the server's integration tests and benchmarks share: the real app on a random port
//! over a store of either engine, a client as a script would be, and the PostgreSQL admin
//! helpers. The store's own fresh-database helpers stay in `jobspor_store::testing` (the
//! store's integration tests need them and must not depend on the server); they are
//! re-exported here so that tests and benchmarks have one place to look.
pub mod pg;

pub use jobspor_store::testing::{each_backend, naive_text_search, postgres, sqlite, unique};

use chrono::{TimeZone, Utc};
use jobspor::signin::Provider;
use jobspor::FixedClock;
use jobspor_app::ssr::cpr_register::SimulatedCprRegister;
use jobspor_app::ssr::cvr_register::SimulatedCvrRegister;
use jobspor_app::ssr::labour_market::SimulatedLabourMarketRegisters;
use jobspor_app::ssr::oidc::{Oidc, OidcSettings};
use jobspor_app::ssr::state::AppState;
use jobspor_app::AppError;
use jobspor_store::Store;
use leptos::config::LeptosOptions;
use reqwest::header::{ACCEPT, CONTENT_TYPE};
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

/// The real router over `store` on a random port, with the simulated registers, the local
/// identity provider (`idp/`, started once per test process) and a fixed clock at
/// 2026-11-22 09:00 UTC. Cookies as in the development setting (plain http).
pub async fn spawn(store: Store) -> TestApp {
    spawn_with(store, false).await
}

/// As `spawn`, with `__Host-` prefixed `Secure` cookies as in production.
pub async fn spawn_with(store: Store, secure_cookies: bool) -> TestApp {
    let clock = FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let base = format!("http://{addr}");
    let idp = idp::base().to_string();
    let state = AppState {
        store: store.clone(),
        clock: Arc::new(clock.clone()),
        cpr: Arc::new(SimulatedCprRegister::load().unwrap()),
        cvr: Arc::new(SimulatedCvrRegister::load().unwrap()),
        oidc: Arc::new(Oidc::new(OidcSettings::simulated(&idp, &base)).unwrap()),
        registers: Arc::new(SimulatedLabourMarketRegisters::load().unwrap()),
        secure_cookies,
    };
    let options = LeptosOptions::builder()
        .output_name("jobspor")
        .site_root("target/site")
        .build();
    let app = jobspor_server::router::router(state, options);
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

/// A client like a script would be: keeps cookies, does not follow redirects.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

impl TestApp {
    /// Calls a server function with a form, asking for JSON, as a crafted client would.
    pub async fn call(
        &self,
        c: &reqwest::Client,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        c.post(format!("{}/api/{endpoint}", self.base))
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
                started.elapsed() < Duration::from_secs(30),
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
