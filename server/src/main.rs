//! The operator's command line: `jobspor-server [KOMMANDO]`, `serve` when none is given;
//! `jobspor-server --help` lists the commands and `jobspor-server KOMMANDO --help` explains
//! one.
// Printing is this file's job: the operator CLI answers on the terminal.
#![allow(clippy::print_stdout, clippy::print_stderr)]
use anyhow::Context;
use clap::{Parser, Subcommand};
use jobspor::{Clock, SystemClock};
use jobspor_app::ssr::cpr_register::SimulatedCprRegister;
use jobspor_app::ssr::cvr_register::SimulatedCvrRegister;
use jobspor_app::ssr::labour_market::SimulatedLabourMarketRegisters;
use jobspor_app::ssr::limits::Limits;
use jobspor_app::ssr::oidc::Oidc;
use jobspor_app::ssr::state::AppState;
use jobspor_server::{config::Config, delivery, demo, jobs, router};
use jobspor_store::{redact_url, Store};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

/// Jobspor: serveren og driftens kommandoer. Databasen er DATABASE_URL (standard
/// sqlite://data/jobspor.db).
#[derive(Parser)]
#[command(name = "jobspor-server", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Anvend migreringerne, start baggrundsjobbene og server sitet (standard, når intet
    /// kommando er givet).
    Serve,
    /// Indlæs demodata; at køre den igen ændrer intet.
    Seed,
    /// Kør oprydningsjobbene én gang og skriv, hvad de gjorde.
    Jobs,
    /// Indlæs ANTAL syntetiske borgere med søgbare CV'er, til søgningen i stor skala og dens
    /// benchmark; aldrig i produktion. Kun i en udgave bygget med `--features synthetic`.
    Generate {
        /// Hvor mange borgere; 1_000_000 og 1.000.000 kan også skrives.
        #[arg(value_name = "ANTAL", value_parser = parse_count)]
        count: u64,
        /// Frø for de tilfældige data: samme frø, samme borgere.
        #[arg(value_name = "FRØ", default_value_t = 1)]
        seed: u64,
    },
    /// Vis arbejdsgiveres beskeder til borgere, der har skjult deres kontaktoplysninger, så
    /// support kan give dem videre.
    ContactRequests,
    /// Gennemgå adgangsloggens kæde fra dens anker og skriv det første brudte led, hvis
    /// der er et (afslutter da med kode 1).
    VerifyAccessLog,
    /// Vis udbakken: hvor mange leveringer af beskeder der står i hver tilstand, og med
    /// `--failed` hver levering, der er opgivet efter sidste forsøg.
    Notices {
        /// List de opgivne leveringer.
        #[arg(long)]
        failed: bool,
    },
    /// Kør de daglige skanninger efter beskeder (10 uger uden login, snarlig sletning, 30
    /// dage uden registrering i joblog) som på tidspunktet AT (RFC 3339; standard: nu), fx
    /// for at indhente en dag, der blev sprunget over. Hver besked sættes højst én gang i kø.
    ScanNotices {
        #[arg(long, value_name = "AT")]
        at: Option<chrono::DateTime<chrono::Utc>>,
    },
    /// Giv borgere besked om et sikkerhedsbrud: én besked til hver borger i CITIZENS (et
    /// CPR-nummer pr. linje) med teksten i TEXT, ad alle de veje, borgeren kan nås, og i
    /// Mine beskeder; skriv, hvor mange der blev nået og hvordan.
    NotifyIncident {
        #[arg(long, value_name = "CITIZENS")]
        citizens: std::path::PathBuf,
        #[arg(long, value_name = "TEXT")]
        text: std::path::PathBuf,
    },
    /// Statistik uden identiteter: besøg pr. side pr. dag, unikke besøgende (ID-nøgler) pr.
    /// dag, log på og log af pr. dag, brug af huskeservicen (sms/e-mail slået til/fra) og
    /// arbejdsgiveres åbninger af CV'er pr. dag, for de danske dage FROM til TO (begge med).
    /// Med `--svg FIL` skrives også et søjlediagram over besøg pr. dag.
    Statistics {
        #[arg(long, value_name = "FROM")]
        from: chrono::NaiveDate,
        #[arg(long, value_name = "TO")]
        to: chrono::NaiveDate,
        /// Skriv besøg pr. dag som SVG til denne fil.
        #[arg(long, value_name = "FIL")]
        svg: Option<std::path::PathBuf>,
    },
    /// Udtræk til forskningsprojektet med Københavns Universitet (CSV, de danske dage FROM
    /// til TO). Kolonner: event (login, logout, page_view, reminder_on, reminder_off,
    /// cv_opened), at (UTC, RFC 3339), person (pseudonym for borgeren, der handlede), page
    /// (en af de udvalgte sider), channel (sms eller email), company (CVR-nummer for
    /// virksomheden, der åbnede et CV), cv (pseudonym for CV'ets ejer). Pseudonymerne er
    /// HMAC-SHA256 med nøglen JOBSPOR_RESEARCH_KEY (eller JOBSPOR_RESEARCH_KEY_FILE), som
    /// aldrig står i udtrækket; samme nøgle, samme pseudonym i hvert udtræk. Intet
    /// CPR-nummer, navn, kontaktoplysning, IP-adresse eller fritekst.
    ResearchExport {
        #[arg(long, value_name = "FROM")]
        from: chrono::NaiveDate,
        #[arg(long, value_name = "TO")]
        to: chrono::NaiveDate,
        #[arg(long, value_name = "FIL")]
        out: std::path::PathBuf,
    },
    /// Tag en sikkerhedskopi af databasen (SQLite: VACUUM INTO; PostgreSQL: pg_dump) i
    /// mappen DIR (standard JOBSPOR_BACKUP_DIR) og slet kopier dér, der er ældre end en
    /// måned.
    Backup {
        #[arg(long, value_name = "DIR")]
        dir: Option<std::path::PathBuf>,
    },
    /// Gendan databasen fra sikkerhedskopien FILE (stop serverne først). Sletteloggen fra
    /// den nuværende database lægges tilbage, og hver profil, den nævner, slettes igen, så
    /// en slettet profil ikke kommer tilbage med kopien.
    Restore {
        #[arg(value_name = "FILE")]
        file: std::path::PathBuf,
    },
    /// Markér en kontaktanmodning som givet videre af support.
    ContactRequestRelayed {
        /// Kontaktanmodningens nummer, som `contact-requests` viser det.
        #[arg(value_name = "ID")]
        id: jobspor::ContactRequestId,
    },
}

/// A count as an operator writes it: `1000000`, `1_000_000` or `1.000.000`.
fn parse_count(s: &str) -> Result<u64, String> {
    s.replace(['_', '.'], "")
        .parse()
        .map_err(|_| format!("{s} er ikke et antal"))
}

#[tokio::main]
async fn main() {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .init();
    if let Err(e) = run(cli.command.unwrap_or(Command::Serve)).await {
        // `{:#}`: the error and every cause after it, on one line.
        eprintln!("jobspor-server: {e:#}");
        std::process::exit(1);
    }
}

async fn run(command: Command) -> anyhow::Result<()> {
    #[cfg(not(feature = "synthetic"))]
    if let Command::Generate { .. } = command {
        anyhow::bail!(
            "denne udgave af jobspor-server har ingen generator af syntetiske data; \
             byg den med `cargo build --release -p jobspor-server --features synthetic`"
        );
    }
    let config = Config::from_env()?;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    // The commands that delete profiles or restore them need the ledger's own key; the
    // others never write the ledger.
    let deletes = matches!(
        command,
        Command::Serve | Command::Jobs | Command::Backup { .. } | Command::Restore { .. }
    );
    let ledger_key = || jobspor_server::config::ledger_key(config.demo || !deletes);
    ledger_key()?;
    // A restore replaces the database: no connection of ours may hold it meanwhile.
    if let Command::Restore { file } = &command {
        let r = jobspor_server::backup::restore(
            &config.database_url,
            file,
            || ledger_key().unwrap_or_else(|_| jobspor_store::backup::LedgerKey::development()),
            clock.now(),
        )
        .await?;
        println!(
            "Gendannet fra {}; sletteloggens poster fra før: {}; profiler slettet igen: {}",
            file.display(),
            r.ledger_before
                .map_or("databasen svarede ikke".to_string(), |n| n.to_string()),
            r.deleted_again
        );
        return Ok(());
    }
    let store = Store::connect(&config.database_url)
        .await
        .with_context(|| format!("database {}", redact_url(&config.database_url)))?
        .with_ledger_key(ledger_key()?);
    let settings = jobs::JobSettings {
        access_log_days: config.access_log_days,
        portal_url: config.portal_url.clone(),
        eures_closed_days: config.eures_closed_days,
        backup_dir: jobspor_server::config::backup_dir(),
        database_url: config.database_url.clone(),
    };
    let register = Arc::new(SimulatedCprRegister::load()?);
    match command {
        Command::Seed => {
            let companies = SimulatedCvrRegister::load()?;
            demo::seed(
                &store,
                register.as_ref(),
                &companies,
                &config.portal_url,
                clock.now(),
            )
            .await?;
            println!("Demodata er indlæst i {}", redact_url(&config.database_url));
            Ok(())
        }
        #[cfg(feature = "synthetic")]
        Command::Generate { count, seed } => {
            Ok(jobspor_server::generate::run(&store, count, seed, clock.now()).await?)
        }
        #[cfg(not(feature = "synthetic"))]
        Command::Generate { .. } => unreachable!("refused before connecting"),
        // Support's queue of employers' messages for citizens who hid their contact details
        // (until support has its own pages): list them, and mark one as passed on.
        Command::ContactRequests => {
            for r in store.open_contact_requests().await? {
                let c = store.citizen(r.citizen_id).await?;
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
        Command::Restore { .. } => unreachable!("restored before connecting"),
        Command::Statistics { from, to, svg } => {
            let report = store.statistics(from, to).await?;
            print!("{}", jobspor_server::statistics::report_text(&report));
            if let Some(path) = svg {
                let days = jobspor_server::statistics::visits_per_day(&report, from, to);
                std::fs::write(&path, jobspor_server::statistics::visits_svg(&days))
                    .with_context(|| format!("{}", path.display()))?;
                println!("Besøg pr. dag er skrevet til {}", path.display());
            }
            Ok(())
        }
        Command::ResearchExport { from, to, out } => {
            let key = jobspor_server::config::research_key()?;
            let midnight = chrono::NaiveTime::MIN;
            let events = store
                .research_events(
                    jobspor::dates::danish_to_utc(from, midnight),
                    jobspor::dates::danish_to_utc(to + chrono::Days::new(1), midnight),
                )
                .await?;
            std::fs::write(
                &out,
                jobspor_server::statistics::research_csv(&events, &key),
            )
            .with_context(|| format!("{}", out.display()))?;
            println!(
                "{} hændelser er skrevet til {}",
                events.len(),
                out.display()
            );
            Ok(())
        }
        Command::Backup { dir } => {
            let Some(dir) = dir.or_else(jobspor_server::config::backup_dir) else {
                anyhow::bail!("angiv --dir DIR eller JOBSPOR_BACKUP_DIR");
            };
            let r = jobspor_server::backup::backup(&store, &config.database_url, &dir, clock.now())
                .await?;
            println!("Sikkerhedskopi: {}", r.file.display());
            for p in r.pruned {
                println!("Slettet (ældre end en måned): {}", p.display());
            }
            Ok(())
        }
        Command::ContactRequestRelayed { id } => {
            if store.mark_contact_request_relayed(id, clock.now()).await? {
                Ok(())
            } else {
                anyhow::bail!("ingen åben kontaktanmodning #{id}")
            }
        }
        Command::NotifyIncident { citizens, text } => {
            let read = |p: &std::path::Path| {
                std::fs::read_to_string(p).with_context(|| format!("{}", p.display()))
            };
            let r = jobspor_server::incident::notify_incident(
                &store,
                &read(&citizens)?,
                &read(&text)?,
                &config.portal_url,
                clock.now(),
            )
            .await?;
            println!(
                "{} borgere på listen; e-mail: {}, sms: {}, kun Mine beskeder: {}; fik beskeden før: {}; ikke fundet: {}",
                r.listed, r.by_email, r.by_sms, r.inbox_only, r.already_told, r.not_found
            );
            Ok(())
        }
        Command::ScanNotices { at } => {
            let report = store
                .scan_inactivity(at.unwrap_or_else(|| clock.now()), &config.portal_url)
                .await?;
            println!("{report:?}");
            Ok(())
        }
        Command::Notices { failed } => {
            for (status, n) in store.delivery_counts().await? {
                println!("{status}: {n}");
            }
            if failed {
                for d in store.failed_deliveries().await? {
                    println!(
                        "#{} {} ({}) opgivet {} efter {} forsøg: {}",
                        d.id,
                        d.kind.code(),
                        d.channel.code(),
                        jobspor::dates::format_da_time(d.failed_at),
                        d.attempts,
                        d.last_error
                    );
                }
            }
            Ok(())
        }
        Command::VerifyAccessLog => match store.verify_access_log().await? {
            Ok(n) => {
                println!("Adgangsloggen er hel: {n} poster efterprøvet fra kædens anker.");
                Ok(())
            }
            Err(broken) => anyhow::bail!("adgangsloggen er brudt: {broken}"),
        },
        Command::Jobs => {
            let report = jobs::run(&store, clock.now(), settings.clone()).await?;
            println!("{report:?}");
            Ok(())
        }
        Command::Serve => {
            config.check_serving()?;
            if config.demo {
                tracing::warn!("DEMO: sign-in through the simulated identity provider");
            }
            let state = AppState {
                store: store.clone(),
                clock: clock.clone(),
                cpr: register,
                cvr: Arc::new(SimulatedCvrRegister::load()?),
                oidc: Arc::new(Oidc::new(config.oidc.clone())?),
                registers: Arc::new(SimulatedLabourMarketRegisters::load()?),
                secure_cookies: config.secure_cookies,
                limits: Arc::new(Limits::new(config.quotas)),
                consent_length: config.consent_length,
            };
            match &config.smtp_url {
                Some(url) => {
                    let senders = delivery::Senders {
                        mail: delivery::Mailer::new(url, &config.mail_from)?,
                        sms: delivery::SimulatedSmsGateway::new(store.clone()),
                    };
                    let (store, clock) = (store.clone(), clock.clone());
                    tokio::spawn(async move {
                        let mut tick = tokio::time::interval(Duration::from_secs(2));
                        loop {
                            tick.tick().await;
                            // Until nothing is due: a queue drains at once, an empty one
                            // costs a query every 2 seconds.
                            loop {
                                match delivery::deliver_due(&store, &senders, clock.now()).await {
                                    Ok(r) if r.is_empty() => break,
                                    Ok(r) => tracing::info!(?r, "notices delivered"),
                                    Err(e) => {
                                        tracing::error!(error = %e, "delivering notices failed");
                                        break;
                                    }
                                }
                            }
                        }
                    });
                }
                None => tracing::warn!("JOBSPOR_SMTP_URL is not set: notices wait in the outbox"),
            }
            let addr = config.leptos.site_addr;
            let limits = state.limits.clone();
            let app = router::router(state, config.leptos, config.door);
            tokio::spawn(async move {
                let mut tick = tokio::time::interval(Duration::from_secs(300));
                let mut verified: Option<chrono::NaiveDate> = None;
                loop {
                    tick.tick().await;
                    limits.forget_idle();
                    match jobs::run(&store, clock.now(), settings.clone()).await {
                        Ok(r) => tracing::info!(?r, "housekeeping"),
                        Err(e) => tracing::error!(error = %e, "housekeeping failed"),
                    }
                    // The access log's chain, walked once a day (at the first tick after
                    // midnight, and at start).
                    let today = clock.today();
                    if verified != Some(today) {
                        verified = Some(today);
                        match store.verify_access_log().await {
                            Ok(Ok(n)) => tracing::info!(records = n, "access log verified"),
                            Ok(Err(broken)) => {
                                tracing::error!(%broken, "ACCESS LOG BROKEN")
                            }
                            Err(e) => tracing::error!(error = %e, "access log not verified"),
                        }
                    }
                }
            });
            let listener = tokio::net::TcpListener::bind(&addr)
                .await
                .with_context(|| format!("bind {addr}"))?;
            tracing::info!("Jobspor lytter på http://{addr}");
            axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("serve")
        }
    }
}
