//! Configuration from the environment, with defaults that make `jobspor-server serve` work
//! on a fresh checkout.
use jobspor_app::ssr::limits::Quotas;
use leptos::config::errors::LeptosConfigError;
use leptos::config::LeptosOptions;

pub struct Config {
    pub database_url: String,
    pub secure_cookies: bool,
    pub leptos: LeptosOptions,
    pub door: Door,
    pub quotas: Quotas,
}

/// How the router meets a request before the app sees it (`crate::csrf`, the security
/// headers, the client's address).
#[derive(Debug, Clone, Default)]
pub struct Door {
    /// The site's own origin as the public reaches it (`JOBSPOR_PUBLIC_URL`, e.g.
    /// `https://jobspor.dk`); without it, the scheme and the request's `Host`.
    pub public_url: Option<String>,
    /// Served over TLS (the same setting as secure cookies): `https` is the scheme of the
    /// site's own origin, and browsers are told to keep to it (HSTS).
    pub tls: bool,
    /// Believe `X-Forwarded-For` for the client's address (`JOBSPOR_TRUST_PROXY`): only
    /// behind a proxy of our own that sets it.
    pub trust_proxy: bool,
    /// Paths a server-to-server client may post to without a browser's `Origin` or
    /// `Sec-Fetch-Site` (`JOBSPOR_CSRF_ALLOWED_PATHS`, comma-separated exact paths; none by
    /// default). A request that does carry them is still checked.
    pub csrf_allowed_paths: Vec<String>,
}

fn flag(name: &str) -> bool {
    std::env::var(name)
        .map(|v| v == "1" || v == "true")
        .unwrap_or(false)
}

fn number(name: &'static str, default: u32) -> Result<u32, ConfigError> {
    match std::env::var(name) {
        Ok(v) => v.trim().parse().map_err(|_| ConfigError::Number(name)),
        Err(_) => Ok(default),
    }
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/jobspor.db";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("leptos configuration")]
    Leptos(#[source] LeptosConfigError),
    #[error("{0} is not a whole number")]
    Number(&'static str),
}

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        let database_url =
            std::env::var("DATABASE_URL").unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_string());
        // Cookies get `Secure` when we are told we sit behind TLS.
        let secure_cookies = flag("JOBSPOR_SECURE_COOKIES");
        let mut leptos = leptos::config::get_configuration(None)
            .map_err(ConfigError::Leptos)?
            .leptos_options;
        if leptos.output_name.is_empty() {
            // Built without cargo-leptos (plain `cargo build`): use the project's name.
            leptos.output_name = "jobspor".into();
        }
        let door = Door {
            public_url: std::env::var("JOBSPOR_PUBLIC_URL")
                .ok()
                .filter(|u| !u.trim().is_empty()),
            tls: secure_cookies,
            trust_proxy: flag("JOBSPOR_TRUST_PROXY"),
            csrf_allowed_paths: std::env::var("JOBSPOR_CSRF_ALLOWED_PATHS")
                .unwrap_or_default()
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(String::from)
                .collect(),
        };
        let d = Quotas::default();
        let quotas = Quotas {
            sign_in_per_minute: number("JOBSPOR_SIGN_IN_PER_MINUTE", d.sign_in_per_minute)?,
            contact_requests_per_hour: number(
                "JOBSPOR_CONTACT_REQUESTS_PER_HOUR",
                d.contact_requests_per_hour,
            )?,
            cv_openings_per_hour: number("JOBSPOR_CV_OPENINGS_PER_HOUR", d.cv_openings_per_hour)?,
        };
        Ok(Config {
            database_url,
            secure_cookies,
            leptos,
            door,
            quotas,
        })
    }
}
