//! Configuration from the environment, with defaults that make `jobspor-server serve` work
//! on a fresh checkout beside the local simulated identity provider (`idp/`).
use jobspor::signin::Provider;
use jobspor::statistics::SecretKey;
use jobspor_app::ssr::limits::Quotas;
use jobspor_app::ssr::oidc::OidcSettings;
use jobspor_store::backup::LedgerKey;
use leptos::config::errors::LeptosConfigError;
use leptos::config::LeptosOptions;

pub struct Config {
    pub database_url: String,
    /// Cookies `__Host-` prefixed and `Secure`; off only with `JOBSPOR_DEV_HTTP=1`.
    pub secure_cookies: bool,
    /// `JOBSPOR_DEMO=1`: the demo, which may use the simulated identity provider.
    pub demo: bool,
    pub oidc: OidcSettings,
    pub leptos: LeptosOptions,
    pub door: Door,
    pub quotas: Quotas,
    /// How many days access records are kept (`JOBSPOR_ACCESS_LOG_DAYS`, default
    /// `jobspor::retention::ACCESS_LOG_KEPT_DAYS`).
    pub access_log_days: u32,
    /// How long a closed EURES reference stays in the input API (`JOBSPOR_EURES_CLOSED_DAYS`).
    pub eures_closed_days: u32,
    /// How long a consent recorded by support lasts: `JOBSPOR_CONSENT_MINUTES`, or unset,
    /// to the end of the day it was recorded on.
    pub consent_length: jobspor::consent::ConsentLength,
    /// The portal's public address, for links in notices (`JOBSPOR_PUBLIC_URL`, or the
    /// site's own address).
    pub portal_url: String,
    /// The SMTP server notices are mailed through (`JOBSPOR_SMTP_URL`, e.g.
    /// `smtp://127.0.0.1:2525`); without it no process delivers, and notices wait queued.
    pub smtp_url: Option<String>,
    /// The notices' sender (`JOBSPOR_MAIL_FROM`).
    pub mail_from: String,
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
    /// The token EURES' coordination calls the input API with (`JOBSPOR_EURES_TOKEN`); none:
    /// the API answers nobody.
    pub eures_token: Option<String>,
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
/// The local simulated identity provider (`idp/`), as the run and test commands start it.
pub const DEFAULT_IDP_URL: &str = "http://127.0.0.1:4000";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("leptos configuration")]
    Leptos(#[source] LeptosConfigError),
    #[error(
        "the identity provider is the local simulation ({0}); set JOBSPOR_DEMO=1 to run the demo, \
         or configure the real providers (JOBSPOR_OIDC_ISSUER_MITID, …)"
    )]
    SimulatedProviderWithoutDemo(String),
    #[error(
        "JOBSPOR_DEV_HTTP=1 (cookies over plain http) is allowed only when the site is bound to \
         127.0.0.1, not {0}"
    )]
    DevHttpNotLocal(String),
    #[error("{0} is not a whole number")]
    Number(&'static str),
    #[error("{0} er for kort: en nøgle skal være mindst 32 bytes")]
    KeyTooShort(&'static str),
    #[error("{0}_FILE kan ikke læses")]
    KeyFile(&'static str),
    #[error(
        "JOBSPOR_LEDGER_KEY (eller JOBSPOR_LEDGER_KEY_FILE) mangler: sletteloggens nøgle, mindst \
         32 bytes, som sikkerhedskopier gendannes imod; kun demoen (JOBSPOR_DEMO=1) klarer sig uden"
    )]
    LedgerKeyMissing,
    #[error(
        "JOBSPOR_RESEARCH_KEY (eller JOBSPOR_RESEARCH_KEY_FILE) mangler: uden forskningsnøglen kan \
         personerne ikke pseudonymiseres, og der laves intet udtræk"
    )]
    ResearchKeyMissing,
}

/// A secret key from `name` or from the file `name_FILE` names; `Ok(None)` when neither is
/// set, an error when it is shorter than `jobspor::statistics::MIN_KEY_BYTES`.
fn secret_key(name: &'static str) -> Result<Option<SecretKey>, ConfigError> {
    let text = match std::env::var(name).ok().filter(|v| !v.is_empty()) {
        Some(v) => v,
        None => match std::env::var_os(format!("{name}_FILE")) {
            Some(path) => std::fs::read_to_string(&path).map_err(|_| ConfigError::KeyFile(name))?,
            None => return Ok(None),
        },
    };
    SecretKey::parse(&text)
        .map(Some)
        .ok_or(ConfigError::KeyTooShort(name))
}

/// The deletion ledger's key (`JOBSPOR_LEDGER_KEY` or `JOBSPOR_LEDGER_KEY_FILE`): required,
/// except in the demo (`JOBSPOR_DEMO=1`), which uses the store's development key.
pub fn ledger_key(demo: bool) -> Result<LedgerKey, ConfigError> {
    match secret_key("JOBSPOR_LEDGER_KEY")? {
        Some(k) => Ok(LedgerKey::new(k)),
        None if demo => Ok(LedgerKey::development()),
        None => Err(ConfigError::LedgerKeyMissing),
    }
}

/// The research export's key (`JOBSPOR_RESEARCH_KEY` or `JOBSPOR_RESEARCH_KEY_FILE`);
/// `research-export` refuses to run without one.
pub fn research_key() -> Result<SecretKey, ConfigError> {
    secret_key("JOBSPOR_RESEARCH_KEY")?.ok_or(ConfigError::ResearchKeyMissing)
}

/// The daily backup's folder (`JOBSPOR_BACKUP_DIR`); unset: no daily backup.
pub fn backup_dir() -> Option<std::path::PathBuf> {
    std::env::var_os("JOBSPOR_BACKUP_DIR")
        .filter(|v| !v.is_empty())
        .map(Into::into)
}

fn env_or(name: &str, default: impl FnOnce() -> String) -> String {
    std::env::var(name)
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(default)
}

/// Whether cargo-leptos built the site with hashed names (`hash-files`): it then writes the
/// names' hashes into `hash.txt` beside the server binary, which Leptos reads for the
/// script and stylesheet links only when `hash_files` is on. cargo-leptos says so
/// (`LEPTOS_HASH_FILES`) only to a server it starts itself; the run and test commands and
/// production start the binary directly, so the file says it.
fn hash_file_beside_binary(leptos: &LeptosOptions) -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.join(&*leptos.hash_file)))
        .is_some_and(|file| file.is_file())
}

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        let database_url = env_or("DATABASE_URL", || DEFAULT_DATABASE_URL.to_string());
        let mut leptos = leptos::config::get_configuration(None)
            .map_err(ConfigError::Leptos)?
            .leptos_options;
        if leptos.output_name.is_empty() {
            // Built without cargo-leptos (plain `cargo build`): use the project's name.
            leptos.output_name = "jobspor".into();
        }
        if std::env::var_os("LEPTOS_HASH_FILES").is_none() {
            leptos.hash_files = hash_file_beside_binary(&leptos);
        }
        let dev_http = flag("JOBSPOR_DEV_HTTP");
        let scheme = if dev_http { "http" } else { "https" };
        let public_url = env_or("JOBSPOR_PUBLIC_URL", || {
            format!("{scheme}://{}", leptos.site_addr)
        });
        let idp = env_or("JOBSPOR_IDP_URL", || DEFAULT_IDP_URL.to_string());
        let mut oidc = OidcSettings::simulated(&idp, &public_url);
        for p in Provider::ALL {
            let var = format!(
                "JOBSPOR_OIDC_ISSUER_{}",
                p.slug().to_uppercase().replace('-', "_")
            );
            if let Ok(issuer) = std::env::var(var) {
                oidc.issuers.insert(p, issuer);
            }
        }
        oidc.client_id = env_or("JOBSPOR_OIDC_CLIENT_ID", || oidc.client_id.clone());
        oidc.client_secret = env_or("JOBSPOR_OIDC_CLIENT_SECRET", || oidc.client_secret.clone());
        let secure_cookies = !dev_http;
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
            eures_token: std::env::var("JOBSPOR_EURES_TOKEN")
                .ok()
                .filter(|t| !t.trim().is_empty()),
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
            smtp_url: std::env::var("JOBSPOR_SMTP_URL")
                .ok()
                .filter(|u| !u.trim().is_empty()),
            mail_from: env_or("JOBSPOR_MAIL_FROM", || {
                "Jobspor <noreply@jobspor.dk>".to_string()
            }),
            portal_url: public_url.clone(),
            database_url,
            secure_cookies: !dev_http,
            demo: flag("JOBSPOR_DEMO"),
            oidc,
            leptos,
            door,
            quotas,
            access_log_days: number(
                "JOBSPOR_ACCESS_LOG_DAYS",
                jobspor::retention::ACCESS_LOG_KEPT_DAYS,
            )?,
            eures_closed_days: number(
                "JOBSPOR_EURES_CLOSED_DAYS",
                jobspor::eures::consent::CLOSURES_KEPT_DAYS,
            )?,
            consent_length: match std::env::var("JOBSPOR_CONSENT_MINUTES") {
                Ok(_) => {
                    jobspor::consent::ConsentLength::Minutes(number("JOBSPOR_CONSENT_MINUTES", 0)?)
                }
                Err(_) => jobspor::consent::ConsentLength::EndOfDay,
            },
        })
    }

    /// Refuses to serve what must not be served: the simulated identity provider without
    /// the demo setting, plain-http cookies on anything but the loopback address.
    pub fn check_serving(&self) -> Result<(), ConfigError> {
        if !self.secure_cookies && !self.leptos.site_addr.ip().is_loopback() {
            return Err(ConfigError::DevHttpNotLocal(
                self.leptos.site_addr.to_string(),
            ));
        }
        if self.oidc.uses_simulation() && !self.demo {
            let issuers: Vec<&str> = self.oidc.issuers.values().map(String::as_str).collect();
            return Err(ConfigError::SimulatedProviderWithoutDemo(
                issuers.join(", "),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(issuer_base: &str, demo: bool, secure_cookies: bool, addr: &str) -> Config {
        let leptos = LeptosOptions::builder()
            .output_name("jobspor")
            .site_addr(addr.parse::<std::net::SocketAddr>().unwrap())
            .build();
        Config {
            database_url: DEFAULT_DATABASE_URL.into(),
            secure_cookies,
            demo,
            oidc: OidcSettings::simulated(issuer_base, "https://jobspor.example"),
            leptos,
            door: Door::default(),
            quotas: Quotas::default(),
            access_log_days: jobspor::retention::ACCESS_LOG_KEPT_DAYS,
            eures_closed_days: jobspor::eures::consent::CLOSURES_KEPT_DAYS,
            consent_length: jobspor::consent::ConsentLength::EndOfDay,
            portal_url: "https://jobspor.example".into(),
            smtp_url: None,
            mail_from: "Jobspor <noreply@jobspor.dk>".into(),
        }
    }

    #[test]
    fn the_simulated_provider_needs_the_demo_setting_and_says_so_in_one_line() {
        let e = config(DEFAULT_IDP_URL, false, true, "127.0.0.1:3000")
            .check_serving()
            .unwrap_err();
        let line = e.to_string();
        assert!(matches!(e, ConfigError::SimulatedProviderWithoutDemo(_)));
        assert!(
            line.contains("JOBSPOR_DEMO=1") && !line.contains('\n'),
            "{line}"
        );
        assert!(config(DEFAULT_IDP_URL, true, true, "127.0.0.1:3000")
            .check_serving()
            .is_ok());
        assert!(
            config("https://broker.example.dk", false, true, "0.0.0.0:3000")
                .check_serving()
                .is_ok()
        );
    }

    #[test]
    fn plain_http_cookies_only_on_the_loopback_address() {
        assert!(matches!(
            config("https://broker.example.dk", false, false, "0.0.0.0:3000").check_serving(),
            Err(ConfigError::DevHttpNotLocal(_))
        ));
        assert!(
            config("https://broker.example.dk", false, false, "127.0.0.1:3000")
                .check_serving()
                .is_ok()
        );
    }
}
