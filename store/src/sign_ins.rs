//! Sign-ins between their start and the identity provider's answer: the state (hashed),
//! the nonce and the PKCE verifier, kept server-side and used once.
use crate::{from_ts, ts, Result, Store};
use chrono::{DateTime, Utc};
use jobspor::signin::Provider;
use sqlx::Row;

/// A started sign-in, as the callback takes it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInRecord {
    pub provider: Provider,
    pub nonce: String,
    pub pkce_verifier: String,
    pub started_at: DateTime<Utc>,
}

impl Store {
    #[tracing::instrument(skip_all, fields(provider = %provider))]
    pub async fn start_sign_in(
        &self,
        state_hash: &str,
        provider: Provider,
        nonce: &str,
        pkce_verifier: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO sign_ins (state_hash, provider, nonce, pkce_verifier, created_at) VALUES ($1,$2,$3,$4,$5)",
        )
        .bind(state_hash)
        .bind(provider.slug())
        .bind(nonce)
        .bind(pkce_verifier)
        .bind(ts(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Takes the sign-in out: a second callback with the same state finds nothing.
    #[tracing::instrument(skip_all)]
    pub async fn take_sign_in(&self, state_hash: &str) -> Result<Option<SignInRecord>> {
        let row = sqlx::query(
            "DELETE FROM sign_ins WHERE state_hash = $1 RETURNING provider, nonce, pkce_verifier, created_at",
        )
        .bind(state_hash)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        let provider: String = r.try_get("provider")?;
        Ok(Some(SignInRecord {
            provider: Provider::parse(&provider).ok_or(crate::StoreError::Corrupt {
                what: "a sign-in's provider",
                value: provider,
            })?,
            nonce: r.try_get("nonce")?,
            pkce_verifier: r.try_get("pkce_verifier")?,
            started_at: from_ts(r.try_get("created_at")?),
        }))
    }

    /// Removes sign-ins that were never finished (housekeeping).
    pub async fn delete_stale_sign_ins(&self, now: DateTime<Utc>) -> Result<u64> {
        let r = sqlx::query("DELETE FROM sign_ins WHERE created_at <= $1")
            .bind(ts(now - jobspor::signin::SIGN_IN_MAX_AGE))
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected())
    }
}
