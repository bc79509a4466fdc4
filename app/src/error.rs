//! The one error type of every server function. User-facing variants carry message keys or
//! field errors; internal failures are logged on the server with context and reach the user
//! only as an opaque reference.
use jobspor::policy::Denied;
use jobspor::{FieldErrors, Msg};
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Input refused. `echo` holds what was typed (never passwords), so a page served after
    /// a plain form post — JavaScript off — can put it back in the form.
    #[error("invalid input")]
    Invalid {
        errors: FieldErrors,
        echo: Vec<(String, String)>,
    },
    #[error("not logged in")]
    NotLoggedIn,
    #[error("terms not accepted")]
    TermsNotAccepted,
    #[error("profile incomplete")]
    ProfileIncomplete,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// Too many of something in too short a time (a limit of `ssr::limits`); the message
    /// says which.
    #[error("too many: {0}")]
    TooMany(Msg),
    /// Something failed on our side; the reference is in the server log.
    #[error("internal error {reference}")]
    Internal { reference: String },
    /// The request did not reach the function (network, encoding).
    #[error("transport: {0}")]
    Transport(String),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

impl From<Denied> for AppError {
    fn from(d: Denied) -> Self {
        match d {
            Denied::NotLoggedIn => AppError::NotLoggedIn,
            Denied::TermsNotAccepted => AppError::TermsNotAccepted,
            Denied::ProfileIncomplete => AppError::ProfileIncomplete,
            Denied::Forbidden => AppError::Forbidden,
        }
    }
}

impl AppError {
    pub fn invalid(errors: FieldErrors, echo: Vec<(String, String)>) -> Self {
        AppError::Invalid { errors, echo }
    }

    /// One field error.
    pub fn field(field: &str, key: Msg, echo: Vec<(String, String)>) -> Self {
        let mut e = FieldErrors::new();
        e.add(field, key);
        AppError::Invalid { errors: e, echo }
    }

    /// The HTTP status a direct (non-form) caller gets for this refusal.
    pub fn http_status(&self) -> u16 {
        match self {
            AppError::Invalid { .. } => 422,
            AppError::NotLoggedIn => 401,
            AppError::TermsNotAccepted | AppError::ProfileIncomplete | AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::TooMany(_) => 429,
            AppError::Transport(_) => 400,
            AppError::Internal { .. } => 500,
        }
    }

    /// The text for errors that are not about a field, in `lang`.
    pub fn message(&self, lang: jobspor::Lang) -> &'static str {
        use crate::tr;
        match self {
            AppError::Invalid { .. } => tr!(in lang, errors.invalid),
            AppError::NotLoggedIn => tr!(in lang, errors.not_logged_in),
            AppError::TermsNotAccepted => tr!(in lang, errors.terms_not_accepted),
            AppError::ProfileIncomplete => tr!(in lang, errors.profile_incomplete),
            AppError::Forbidden => tr!(in lang, errors.forbidden),
            AppError::NotFound => tr!(in lang, errors.not_found),
            AppError::TooMany(key) => key.text(lang),
            AppError::Internal { .. } => tr!(in lang, errors.internal),
            AppError::Transport(_) => tr!(in lang, errors.transport),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<jobspor_store::StoreError> for AppError {
    fn from(e: jobspor_store::StoreError) -> Self {
        use jobspor_store::StoreError;
        match e {
            StoreError::NotFound => AppError::NotFound,
            // A rule's refusal that the caller did not place at a field of its own.
            StoreError::Refused(key) => AppError::field("form", key, Vec::new()),
            other => internal(&other),
        }
    }
}

/// A value the server puts in every request's context was not there: a wiring bug.
#[cfg(feature = "ssr")]
#[derive(Debug, thiserror::Error)]
#[error("{0} missing from the request's context")]
pub struct MissingContext(pub &'static str);

/// Logs an internal failure, with every cause in its chain, inside the request's span (which
/// names the actor's kind), and gives the user a reference to quote to support.
#[cfg(feature = "ssr")]
pub fn internal(e: &(dyn std::error::Error + 'static)) -> AppError {
    let reference = format!("{:08x}", rand::random::<u32>());
    tracing::error!(%reference, error = %chain(e), "internal error");
    AppError::Internal { reference }
}

/// An error and every cause in its chain, for the log: "discovery of mitid failed: …".
#[cfg(feature = "ssr")]
pub fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut chain = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        chain.push_str(": ");
        chain.push_str(&cause.to_string());
        source = cause.source();
    }
    chain
}
