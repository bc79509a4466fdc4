//! The CPR register, behind an interface.
//!
//! Production shape: `CprReplicaRegister` would call the CPR replica on Serviceplatformen
//! (the "PersonBaseDataExtended" service, SOAP over mutual TLS with the authority's OCES
//! certificate), map its record to `RegisterPerson`, and time out after a few seconds with
//! `RegisterError::Unavailable`, which the login page shows as "CPR-registeret svarer ikke".
//! It is not built here: we cannot reach Serviceplatformen.
//!
//! `SimulatedCprRegister` is the stand-in: synthetic persons from a data file shipped with
//! the project (`app/data/simulated_cpr_register.json`). No real person is in it.
use jobspor::cpr::Cpr;
use jobspor::person::RegisterPerson;
use serde::Deserialize;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    #[error("register unavailable: {0}")]
    Unavailable(String),
}

/// The data shipped with a simulated register could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SimulatedDataError {
    #[error("{what} is not valid JSON")]
    Json {
        what: &'static str,
        #[source]
        source: serde_json::Error,
    },
    #[error("the simulated CPR register has a bad CPR number for {name}")]
    BadCpr { name: String },
    #[error("the simulated CVR register has a bad CVR number for {name}")]
    BadCvr { name: String },
}

pub trait CprRegister: Send + Sync {
    /// Shown beside register data as its source.
    fn source_name(&self) -> &'static str;

    fn lookup<'a>(
        &'a self,
        cpr: &'a Cpr,
    ) -> BoxFuture<'a, Result<Option<RegisterPerson>, RegisterError>>;

    /// The CPR numbers of a minor's parents or guardians (custody, "forældremyndighed");
    /// EURES asks them too before a minor's CV goes (seed 004). Production: the replica's
    /// relations of the kind custody holder.
    fn guardians<'a>(&'a self, cpr: &'a Cpr) -> BoxFuture<'a, Result<Vec<String>, RegisterError>>;

    /// The minors a person holds custody of: the other direction of `guardians`.
    fn wards<'a>(&'a self, guardian: &'a Cpr) -> BoxFuture<'a, Result<Vec<String>, RegisterError>>;

    /// The simulation lists its persons for the simulated MitID picker; a real register
    /// lists nobody.
    fn synthetic_persons(&self) -> Vec<(String, RegisterPerson)> {
        Vec::new()
    }
}

#[derive(Deserialize)]
struct Entry {
    cpr: String,
    #[serde(default)]
    guardians: Vec<String>,
    #[serde(flatten)]
    person: RegisterPerson,
}

pub struct SimulatedCprRegister {
    by_cpr: HashMap<String, RegisterPerson>,
    /// (minor, guardian) pairs.
    custody: Vec<(String, String)>,
    order: Vec<String>,
}

const DATA: &str = include_str!("../../data/simulated_cpr_register.json");

impl SimulatedCprRegister {
    /// Loads the shipped synthetic persons. A broken data file is a build defect, found by
    /// the tests, so it is reported as an error rather than half-loaded.
    pub fn load() -> Result<Self, SimulatedDataError> {
        let entries: Vec<Entry> =
            serde_json::from_str(DATA).map_err(|source| SimulatedDataError::Json {
                what: "the simulated CPR register",
                source,
            })?;
        let mut by_cpr = HashMap::new();
        let mut order = Vec::new();
        let mut custody = Vec::new();
        for e in entries {
            let cpr = Cpr::parse(&e.cpr).map_err(|_| SimulatedDataError::BadCpr {
                name: e.person.full_name(),
            })?;
            order.push(cpr.digits().to_string());
            for g in e.guardians {
                custody.push((cpr.digits().to_string(), g));
            }
            by_cpr.insert(cpr.digits().to_string(), e.person);
        }
        Ok(Self {
            by_cpr,
            custody,
            order,
        })
    }
}

impl SimulatedCprRegister {
    /// A minor's guardians (`of_minor`), or a guardian's wards.
    fn custody_of(&self, cpr: &str, of_minor: bool) -> Vec<String> {
        self.custody
            .iter()
            .filter(|(minor, guardian)| {
                if of_minor {
                    minor == cpr
                } else {
                    guardian == cpr
                }
            })
            .map(|(minor, guardian)| if of_minor { guardian } else { minor }.clone())
            .collect()
    }
}

impl CprRegister for SimulatedCprRegister {
    fn source_name(&self) -> &'static str {
        "CPR-registeret (simuleret)"
    }

    fn lookup<'a>(
        &'a self,
        cpr: &'a Cpr,
    ) -> BoxFuture<'a, Result<Option<RegisterPerson>, RegisterError>> {
        Box::pin(async move { Ok(self.by_cpr.get(cpr.digits()).cloned()) })
    }

    fn guardians<'a>(&'a self, cpr: &'a Cpr) -> BoxFuture<'a, Result<Vec<String>, RegisterError>> {
        Box::pin(async move { Ok(self.custody_of(cpr.digits(), true)) })
    }

    fn wards<'a>(&'a self, guardian: &'a Cpr) -> BoxFuture<'a, Result<Vec<String>, RegisterError>> {
        Box::pin(async move { Ok(self.custody_of(guardian.digits(), false)) })
    }

    fn synthetic_persons(&self) -> Vec<(String, RegisterPerson)> {
        self.order
            .iter()
            .filter_map(|c| self.by_cpr.get(c).map(|p| (c.clone(), p.clone())))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use jobspor::person::CprStatus;

    #[test]
    fn the_shipped_register_has_what_the_journeys_need() {
        let r = SimulatedCprRegister::load().unwrap();
        let all = r.synthetic_persons();
        assert!(all.len() >= 60, "{}", all.len());
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert!(all.iter().any(|(_, p)| p.is_minor_on(today)));
        // Every minor has a guardian, an adult in the register.
        for (cpr, p) in all.iter().filter(|(_, p)| p.is_minor_on(today)) {
            let guardians = r.custody_of(cpr, true);
            assert!(!guardians.is_empty(), "{}", p.full_name());
            for g in guardians {
                let adult = r.by_cpr.get(&g).expect("the guardian is in the register");
                assert!(!adult.is_minor_on(today));
                assert!(r.custody_of(&g, false).contains(cpr));
            }
        }
        assert!(all.iter().any(|(_, p)| p.protected_address));
        assert!(all.iter().any(|(_, p)| p.co_address.is_some()));
        assert!(all.iter().any(|(_, p)| p.country != "DK"));
        assert!(all.iter().any(|(_, p)| p.status == CprStatus::Dead));
        assert!(all.iter().any(|(_, p)| p.status == CprStatus::Emigrated));
        for m in [
            "Aarhus",
            "Vordingborg",
            "Vallensbæk",
            "Ishøj",
            "Frederikshavn",
            "Læsø",
            "Aabenraa",
            "Jammerbugt",
            "Thisted",
            "Horsens",
            "København",
            "Odense",
        ] {
            assert!(
                all.iter()
                    .any(|(_, p)| p.municipality.as_deref() == Some(m)),
                "{m}"
            );
        }
        // Every number's date part is the birthday, and its last digit the gender.
        for (cpr, p) in &all {
            let c = Cpr::parse(cpr).unwrap();
            assert_eq!(c.birth_date(), Some(p.birthday), "{cpr}");
            assert_eq!(
                c.is_male(),
                p.gender == jobspor::person::Gender::Male,
                "{cpr}"
            );
        }
    }
}
