//! Configuration from the environment, with defaults that make `jobspor-server serve` work
//! on a fresh checkout.
use leptos::config::errors::LeptosConfigError;
use leptos::config::LeptosOptions;

pub struct Config {
    pub database_url: String,
    pub secure_cookies: bool,
    pub leptos: LeptosOptions,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/jobspor.db";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("leptos configuration")]
    Leptos(#[source] LeptosConfigError),
}

impl Config {
    pub fn from_env() -> Result<Config, ConfigError> {
        let database_url =
            std::env::var("DATABASE_URL").unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_string());
        // Cookies get `Secure` when we are told we sit behind TLS.
        let secure_cookies = std::env::var("JOBSPOR_SECURE_COOKIES")
            .map(|v| v == "1" || v == "true")
            .unwrap_or(false);
        let mut leptos = leptos::config::get_configuration(None)
            .map_err(ConfigError::Leptos)?
            .leptos_options;
        if leptos.output_name.is_empty() {
            // Built without cargo-leptos (plain `cargo build`): use the project's name.
            leptos.output_name = "jobspor".into();
        }
        Ok(Config {
            database_url,
            secure_cookies,
            leptos,
        })
    }
}
