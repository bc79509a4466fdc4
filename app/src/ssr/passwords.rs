//! Argon2id password hashes. Hashing runs on the blocking pool: it is slow on purpose.
use crate::error::internal;
use crate::AppError;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use jobspor::contact::Password;

/// A stored hash. Deliberately not `Serialize` and with a redacting `Debug`.
pub struct PasswordHashString(pub String);

impl std::fmt::Debug for PasswordHashString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordHashString(***)")
    }
}

pub async fn hash(password: &Password) -> Result<PasswordHashString, AppError> {
    let pw = password.expose().to_string();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        Argon2::default()
            .hash_password(pw.as_bytes(), &salt)
            .map(|h| PasswordHashString(h.to_string()))
    })
    .await
    .map_err(|e| internal(&e))?
    .map_err(|e| internal(&e))
}

/// A hash of a random password nobody knows, with the same parameters as real hashes. It is
/// checked when the username does not exist, so an unknown user costs the same time as a
/// wrong password.
fn dummy_hash() -> String {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY
        .get_or_init(|| {
            let salt = SaltString::generate(&mut rand::rngs::OsRng);
            let secret: [u8; 32] = rand::random();
            Argon2::default()
                .hash_password(&secret, &salt)
                .map(|h| h.to_string())
                .unwrap_or_default()
        })
        .clone()
}

/// True when `password` matches `stored`; `stored = None` (unknown user) always fails, in
/// the same time.
pub async fn verify(password: &str, stored: Option<String>) -> bool {
    let pw = password.to_string();
    let known = stored.is_some();
    let ok = tokio::task::spawn_blocking(move || {
        let hash = stored.unwrap_or_else(dummy_hash);
        match PasswordHash::new(&hash) {
            Ok(parsed) => Argon2::default()
                .verify_password(pw.as_bytes(), &parsed)
                .is_ok(),
            Err(_) => false,
        }
    })
    .await
    .unwrap_or(false);
    ok && known
}
