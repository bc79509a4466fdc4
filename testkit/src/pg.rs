//! The benchmarks' PostgreSQL server: the admin connection to `TEST_DATABASE_URL` (or the
//! local default), creating, finding and dropping databases, and the settings worth printing
//! beside a result. Tests use `jobspor_store::testing::postgres` instead, which skips when
//! `TEST_DATABASE_URL` is unset.
use sqlx::{Connection, Executor, Row};
use std::time::Duration;

/// Where the benchmarks look for PostgreSQL when `TEST_DATABASE_URL` is not set.
pub const DEFAULT_ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/test";

/// An open admin connection to the server.
pub struct PgServer {
    pub admin: sqlx::AnyConnection,
    admin_url: String,
    /// The admin URL without its password, for output.
    pub shown: String,
}

/// Connects to `TEST_DATABASE_URL` (default [`DEFAULT_ADMIN_URL`]) within 10 s. The error is
/// the reason to print after `SKIPPED PostgreSQL: `.
pub async fn connect_admin() -> Result<PgServer, String> {
    let admin_url =
        std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| DEFAULT_ADMIN_URL.to_string());
    let shown = jobspor_store::redact_url(&admin_url);
    sqlx::any::install_default_drivers();
    match tokio::time::timeout(
        Duration::from_secs(10),
        sqlx::AnyConnection::connect(&admin_url),
    )
    .await
    {
        Ok(Ok(admin)) => Ok(PgServer {
            admin,
            admin_url,
            shown,
        }),
        Ok(Err(e)) => Err(format!("cannot connect to {shown}: {e}")),
        Err(_) => Err(format!("no answer from {shown} within 10 s")),
    }
}

impl PgServer {
    /// The URL of database `db` on this server.
    pub fn url_of(&self, db: &str) -> String {
        jobspor_store::testing::database_url(&self.admin_url, db)
    }

    pub async fn exists(&mut self, db: &str) -> Result<bool, sqlx::Error> {
        Ok(sqlx::query("SELECT 1 FROM pg_database WHERE datname = $1")
            .bind(db)
            .fetch_optional(&mut self.admin)
            .await?
            .is_some())
    }

    pub async fn create(&mut self, db: &str) -> Result<(), sqlx::Error> {
        self.admin
            .execute(format!("CREATE DATABASE {db}").as_str())
            .await
            .map(drop)
    }

    /// Drops `db`; FORCE ends connections of a closed pool that have not gone yet.
    pub async fn drop_database(&mut self, db: &str) -> Result<(), sqlx::Error> {
        self.admin
            .execute(format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)").as_str())
            .await
            .map(drop)
    }

    /// `name=value, …` of the server's settings `names`, `? (why)` for one it did not give.
    pub async fn settings(&mut self, names: &[&str]) -> String {
        let mut settings = Vec::new();
        for setting in names {
            let v = sqlx::query(&format!("SHOW {setting}"))
                .fetch_one(&mut self.admin)
                .await
                .and_then(|r| r.try_get::<String, _>(0));
            settings.push(format!(
                "{setting}={}",
                v.unwrap_or_else(|e| format!("? ({e})"))
            ));
        }
        settings.join(", ")
    }

    pub async fn close(self) {
        let _ = self.admin.close().await;
    }
}
