//! The CVR register (Det Centrale Virksomhedsregister), behind an interface: the name an
//! employer is shown to citizens by comes from here, never from a typed field.
//!
//! Production shape: `CvrDistributionRegister` would query Erhvervsstyrelsen's CVR
//! distribution service (Elasticsearch over HTTPS with the authority's credentials) for the
//! company's current name, e-mail and status, cache the answer for a day, and time out after
//! a few seconds with `RegisterError::Unavailable`. It is not built here: we cannot reach it.
//!
//! `SimulatedCvrRegister` is the stand-in: synthetic companies from a data file shipped
//! with the project (`app/data/simulated_cvr_register.json`). No real company's data is in
//! it beyond public names.
use crate::ssr::cpr_register::{BoxFuture, RegisterError, SimulatedDataError};
use jobspor::employer::Cvr;
use serde::Deserialize;
use std::collections::HashMap;

/// A company as the register has it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct RegisterCompany {
    pub cvr: String,
    pub name: String,
    pub email: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub status: CompanyStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CompanyStatus {
    Active,
    Ceased,
}

impl RegisterCompany {
    /// Only an active company may use the CVs.
    pub fn is_active(&self) -> bool {
        self.status == CompanyStatus::Active
    }
}

pub trait CvrRegister: Send + Sync {
    fn lookup<'a>(
        &'a self,
        cvr: &'a Cvr,
    ) -> BoxFuture<'a, Result<Option<RegisterCompany>, RegisterError>>;
}

pub struct SimulatedCvrRegister {
    by_cvr: HashMap<String, RegisterCompany>,
}

const DATA: &str = include_str!("../../data/simulated_cvr_register.json");

impl SimulatedCvrRegister {
    /// Loads the shipped synthetic companies; a bad CVR number in the file is an error.
    pub fn load() -> Result<Self, SimulatedDataError> {
        let companies: Vec<RegisterCompany> =
            serde_json::from_str(DATA).map_err(|source| SimulatedDataError::Json {
                what: "the simulated CVR register",
                source,
            })?;
        let mut by_cvr = HashMap::new();
        for c in companies {
            if Cvr::parse(&c.cvr).is_err() {
                return Err(SimulatedDataError::BadCvr { name: c.name });
            }
            by_cvr.insert(c.cvr.clone(), c);
        }
        Ok(SimulatedCvrRegister { by_cvr })
    }
}

impl CvrRegister for SimulatedCvrRegister {
    fn lookup<'a>(
        &'a self,
        cvr: &'a Cvr,
    ) -> BoxFuture<'a, Result<Option<RegisterCompany>, RegisterError>> {
        Box::pin(async move { Ok(self.by_cvr.get(cvr.as_str()).cloned()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_shipped_companies_load_and_one_has_ceased() {
        let r = SimulatedCvrRegister::load().unwrap();
        let rm = r
            .lookup(&Cvr::parse("29190925").unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(rm.name, "Region Midtjylland");
        assert!(rm.is_active());
        assert!(r.by_cvr.values().any(|c| !c.is_active()));
        assert!(r
            .lookup(&Cvr::parse("10150817").unwrap())
            .await
            .unwrap()
            .is_none());
    }
}
