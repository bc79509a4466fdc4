//! The labour-market registers behind the preparation questionnaires, behind an interface.
//!
//! Production shape: `NationalLabourMarketRegisters` would gather one person's record from
//! several authorities over Serviceplatformen with the jobcentre's OCES certificate — the
//! support and dagpenge shares, benefit basis, employment degree and company-directed
//! activities from STAR's DREAM / Det Fælles Datagrundlag, wage income from the Income
//! Register (eIndkomst), origin from Danmarks Statistik, education from the Education
//! Register, compensation schemes from the jobcentre's case system — each with a timeout,
//! failing as `RegisterError::Unavailable` so the page can say which register did not
//! answer. It is not built here: we cannot reach those services.
//!
//! `SimulatedLabourMarketRegisters` is the stand-in: made-up records for the synthetic
//! persons, shipped as `app/data/simulated_labour_market_registers.json` (written by the
//! script beside it). No real person is in it.
use crate::ssr::cpr_register::{BoxFuture, RegisterError, SimulatedDataError};
use jobspor::cpr::Cpr;
use jobspor::jobseeker::register_data::{LabourMarketRecord, RegisterSources};
use std::collections::HashMap;

pub trait LabourMarketRegisters: Send + Sync {
    /// The source shown beside each fact.
    fn sources(&self) -> RegisterSources;

    fn lookup<'a>(
        &'a self,
        cpr: &'a Cpr,
    ) -> BoxFuture<'a, Result<Option<LabourMarketRecord>, RegisterError>>;
}

pub struct SimulatedLabourMarketRegisters {
    by_cpr: HashMap<String, LabourMarketRecord>,
}

const DATA: &str = include_str!("../../data/simulated_labour_market_registers.json");

impl SimulatedLabourMarketRegisters {
    pub fn load() -> Result<Self, SimulatedDataError> {
        let by_cpr = serde_json::from_str(DATA).map_err(|source| SimulatedDataError::Json {
            what: "the simulated labour-market registers",
            source,
        })?;
        Ok(Self { by_cpr })
    }
}

impl LabourMarketRegisters for SimulatedLabourMarketRegisters {
    fn sources(&self) -> RegisterSources {
        RegisterSources {
            cpr: "CPR-registeret (simuleret)".into(),
            origin: "Danmarks Statistik (simuleret)".into(),
            support: "Det Fælles Datagrundlag, STAR (simuleret)".into(),
            income: "Indkomstregisteret (simuleret)".into(),
            education: "Uddannelsesregisteret (simuleret)".into(),
        }
    }

    fn lookup<'a>(
        &'a self,
        cpr: &'a Cpr,
    ) -> BoxFuture<'a, Result<Option<LabourMarketRecord>, RegisterError>> {
        Box::pin(async move { Ok(self.by_cpr.get(cpr.digits()).cloned()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssr::cpr_register::{CprRegister, SimulatedCprRegister};

    #[test]
    fn every_synthetic_person_has_a_record() {
        let registers = SimulatedLabourMarketRegisters::load().unwrap();
        let persons = SimulatedCprRegister::load().unwrap().synthetic_persons();
        assert_eq!(registers.by_cpr.len(), persons.len());
        for (cpr, _) in persons {
            assert!(registers.by_cpr.contains_key(&cpr), "{cpr}");
        }
        // The dagpenge journey's citizen has a dagpenge share; the kontanthjælp one none.
        assert!(registers.by_cpr["1906910161"].dagpenge_share_1y > 0);
        assert_eq!(registers.by_cpr["2110810020"].dagpenge_share_1y, 0);
    }
}
