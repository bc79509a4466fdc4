use crate::ssr::cpr_register::CprRegister;
use crate::ssr::labour_market::LabourMarketRegisters;
use jobspor::Clock;
use jobspor_store::Store;
use std::sync::Arc;

/// What every server function and page render can reach, provided as Leptos context.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    pub cpr: Arc<dyn CprRegister>,
    /// The labour-market registers behind the preparation questionnaires.
    pub registers: Arc<dyn LabourMarketRegisters>,
    /// Set the `Secure` flag on cookies (when served over TLS).
    pub secure_cookies: bool,
    /// Rate limits and ceilings kept in memory (`ssr::limits`).
    pub limits: Arc<crate::ssr::limits::Limits>,
}

impl AppState {
    pub fn from_context() -> Result<AppState, crate::AppError> {
        leptos::prelude::use_context::<AppState>()
            .ok_or_else(|| crate::error::internal(&crate::error::MissingContext("AppState")))
    }
}
