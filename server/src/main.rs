//! `jobspor-server [serve|seed|jobs|generate]`
//!
//! - `serve` (default): apply migrations, start background jobs, serve the site.
//! - `seed`: load demo data (idempotent).
//! - `jobs`: run the housekeeping jobs once and print what they did.
//! - `contact-requests`, `contact-request-relayed ID`: support's queue of employers' messages
//!   for citizens who hid their contact details.
//! - `generate N [SEED]`: load N synthetic citizens with searchable CVs (for the search at
//!   scale and its benchmark; never in production).
use jobspor::{Clock, SystemClock};
use jobspor_app::ssr::cpr_register::SimulatedCprRegister;
use jobspor_app::ssr::labour_market::SimulatedLabourMarketRegisters;
use jobspor_app::ssr::state::AppState;
use jobspor_server::{config::Config, demo, jobs, router};
use jobspor_store::{redact_url, Store};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();
    if let Err(e) = run().await {
        eprintln!("jobspor-server: {e}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), String> {
    let command = std::env::args().nth(1).unwrap_or_else(|| "serve".into());
    let config = Config::from_env()?;
    let store = Store::connect(&config.database_url)
        .await
        .map_err(|e| format!("database {}: {e}", redact_url(&config.database_url)))?;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let register = Arc::new(SimulatedCprRegister::load()?);
    match command.as_str() {
        "seed" => {
            demo::seed(&store, register.as_ref(), clock.now()).await?;
            println!("Demodata er indlæst i {}", redact_url(&config.database_url));
            Ok(())
        }
        "generate" => {
            let n: u64 = std::env::args().nth(2).and_then(|n| n.replace(['_', '.'], "").parse().ok()).ok_or("brug: jobspor-server generate ANTAL [FRØ]")?;
            let seed: u64 = std::env::args().nth(3).and_then(|s| s.parse().ok()).unwrap_or(1);
            jobspor_server::generate::run(&store, n, seed, clock.now()).await
        }
        // Support's queue of employers' messages for citizens who hid their contact details
        // (until support has its own pages): list them, and mark one as passed on.
        "contact-requests" => {
            for r in store.open_contact_requests().await.map_err(|e| e.to_string())? {
                let c = store.citizen(r.citizen_id).await.map_err(|e| e.to_string())?;
                println!(
                    "#{} {} fra {} til {} (tlf. {}, e-mail {}):\n  {}",
                    r.id,
                    jobspor::dates::format_da_time(r.created_at),
                    r.company_name,
                    c.person.full_name(),
                    c.phone.as_deref().unwrap_or("-"),
                    c.email.as_deref().unwrap_or("-"),
                    r.message
                );
            }
            Ok(())
        }
        "contact-request-relayed" => {
            let id: jobspor::ContactRequestId = std::env::args().nth(2).and_then(|s| s.parse().ok()).ok_or("brug: jobspor-server contact-request-relayed ID")?;
            match store.mark_contact_request_relayed(id, clock.now()).await.map_err(|e| e.to_string())? {
                true => Ok(()),
                false => Err(format!("ingen åben kontaktanmodning #{id}")),
            }
        }
        "jobs" => {
            let report = jobs::run_once(&store, clock.now()).await.map_err(|e| e.to_string())?;
            println!("{report:?}");
            Ok(())
        }
        "serve" => {
            let state = AppState { store: store.clone(), clock: clock.clone(), cpr: register, registers: Arc::new(SimulatedLabourMarketRegisters::load()?), secure_cookies: config.secure_cookies };
            let addr = config.leptos.site_addr;
            let app = router::router(state, config.leptos);
            tokio::spawn(async move {
                let mut tick = tokio::time::interval(Duration::from_secs(300));
                loop {
                    tick.tick().await;
                    match jobs::run_once(&store, clock.now()).await {
                        Ok(r) => tracing::info!(?r, "housekeeping"),
                        Err(e) => tracing::error!(error = %e, "housekeeping failed"),
                    }
                }
            });
            let listener = tokio::net::TcpListener::bind(&addr).await.map_err(|e| format!("bind {addr}: {e}"))?;
            tracing::info!("Jobspor lytter på http://{addr}");
            axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
                .with_graceful_shutdown(async {
                    let _ = tokio::signal::ctrl_c().await;
                })
                .await
                .map_err(|e| e.to_string())
        }
        other => Err(format!("unknown command {other}; use serve, seed, jobs, generate, contact-requests or contact-request-relayed")),
    }
}
