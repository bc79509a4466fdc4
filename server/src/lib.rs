//! The Jobspor server process: configuration, the axum router, security headers, health,
//! background jobs and the operator commands (seed demo data, run jobs once, generate
//! synthetic CVs).
pub mod config;
pub mod demo;
pub mod generate;
pub mod jobs;
pub mod router;
pub mod synthetic;
