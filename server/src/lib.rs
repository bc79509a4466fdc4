//! The Jobspor server process: configuration, the axum router, security headers, health,
//! background jobs and the operator commands (seed demo data, run jobs once, and with the
//! feature `synthetic` generate synthetic CVs).
pub mod config;
pub mod demo;
#[cfg(feature = "synthetic")]
pub mod generate;
pub mod jobs;
pub mod router;
#[cfg(feature = "synthetic")]
pub mod synthetic;
