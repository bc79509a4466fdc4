//! The Jobspor server process: configuration, the axum router and the door in front of the
//! app (CSRF, limits, security headers, the flash), health,
//! background jobs and the operator commands (seed demo data, run jobs once, statistics, the
//! research export, backups and restores, and with the feature `synthetic` generate
//! synthetic CVs).
pub mod backup;
pub mod config;
pub mod csrf;
pub mod delivery;
pub mod demo;
pub mod eures_api;
pub mod flash;
#[cfg(feature = "synthetic")]
pub mod generate;
pub mod incident;
pub mod jobs;
pub mod rate_limits;
pub mod refusal;
pub mod router;
pub mod static_files;
pub mod statistics;
#[cfg(feature = "synthetic")]
pub mod synthetic;
pub mod valid_html;
