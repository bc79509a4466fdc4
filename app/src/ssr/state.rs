use crate::ssr::cpr_register::CprRegister;
use crate::ssr::cvr_register::CvrRegister;
use crate::ssr::labour_market::LabourMarketRegisters;
use crate::ssr::oidc::Oidc;
use jobspor::Clock;
use jobspor_store::Store;
use std::sync::Arc;

/// What every server function and page render can reach, provided as Leptos context.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    pub cpr: Arc<dyn CprRegister>,
    /// The company register: an employer's name comes from here.
    pub cvr: Arc<dyn CvrRegister>,
    /// The identity providers (MitID, MitID Erhverv, the staff provider).
    pub oidc: Arc<Oidc>,
    /// The labour-market registers behind the preparation questionnaires.
    pub registers: Arc<dyn LabourMarketRegisters>,
    /// Cookies are `__Host-` prefixed and `Secure`. Off only in the development setting
    /// (plain http on 127.0.0.1).
    pub secure_cookies: bool,
    /// Rate limits and ceilings kept in memory (`ssr::limits`).
    pub limits: Arc<crate::ssr::limits::Limits>,
    /// How long a consent support records lasts (`JOBSPOR_CONSENT_MINUTES`).
    pub consent_length: jobspor::consent::ConsentLength,
}

impl AppState {
    pub fn from_context() -> Result<AppState, crate::AppError> {
        leptos::prelude::use_context::<AppState>()
            .ok_or_else(|| crate::error::internal(&crate::error::MissingContext("AppState")))
    }
}
