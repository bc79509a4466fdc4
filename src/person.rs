//! What the CPR register says about a person (seed 000, "Brugeroprettelse": the fields
//! collected from CPR at first login). Read-only for everyone in Jobspor.
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Gender {
    #[serde(rename = "M")]
    Male,
    #[serde(rename = "K")]
    Female,
}

impl Gender {
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            Gender::Male => lang.pick("Mand", "Male"),
            Gender::Female => lang.pick("Kvinde", "Female"),
        }
    }
}

/// Status i CPR-registret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CprStatus {
    Active,
    Emigrated,
    Dead,
    Disappeared,
}

impl CprStatus {
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            CprStatus::Active => lang.pick("Aktiv", "Active"),
            CprStatus::Emigrated => lang.pick("Udrejst", "Emigrated"),
            CprStatus::Dead => lang.pick("Død", "Deceased"),
            CprStatus::Disappeared => lang.pick("Forsvundet", "Missing"),
        }
    }

    /// Only a living person registered in Denmark can create or use a profile.
    pub fn may_log_in(self) -> bool {
        matches!(self, CprStatus::Active)
    }
}

/// The register's record for one person. `cpr` is kept as digits here because this is the
/// server-side register record; view models never carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterPerson {
    pub birthday: NaiveDate,
    pub gender: Gender,
    pub first_name: String,
    pub middle_name: Option<String>,
    pub surname: String,
    pub street: String,
    pub co_address: Option<String>,
    pub postcode: String,
    pub city: String,
    pub country: String,
    pub municipality_code: Option<String>,
    pub municipality: Option<String>,
    pub protected_address: bool,
    pub status: CprStatus,
}

impl RegisterPerson {
    pub fn full_name(&self) -> String {
        match &self.middle_name {
            Some(m) => format!("{} {} {}", self.first_name, m, self.surname),
            None => format!("{} {}", self.first_name, self.surname),
        }
    }

    pub fn age_on(&self, date: NaiveDate) -> u32 {
        age_on(self.birthday, date)
    }

    pub fn is_minor_on(&self, date: NaiveDate) -> bool {
        self.age_on(date) < 18
    }

    pub fn country_name(&self, lang: crate::Lang) -> &str {
        country_name(&self.country, lang)
    }
}

pub fn age_on(birthday: NaiveDate, date: NaiveDate) -> u32 {
    let mut age = date.year() - birthday.year();
    if (date.month(), date.day()) < (birthday.month(), birthday.day()) {
        age -= 1;
    }
    age.max(0) as u32
}

/// A country of the register by its ISO code, named in `lang`; an unknown code as itself.
pub fn country_name(code: &str, lang: crate::Lang) -> &str {
    match code {
        "DK" => lang.pick("Danmark", "Denmark"),
        "SE" => lang.pick("Sverige", "Sweden"),
        "NO" => lang.pick("Norge", "Norway"),
        "DE" => lang.pick("Tyskland", "Germany"),
        "PL" => lang.pick("Polen", "Poland"),
        "GB" => lang.pick("Storbritannien", "United Kingdom"),
        "ES" => lang.pick("Spanien", "Spain"),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_counts_whole_years() {
        let b = NaiveDate::from_ymd_opt(2008, 11, 23).unwrap();
        assert_eq!(
            age_on(b, NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()),
            17
        );
        assert_eq!(
            age_on(b, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
            18
        );
    }

    #[test]
    fn only_active_persons_may_log_in() {
        assert!(CprStatus::Active.may_log_in());
        for s in [
            CprStatus::Emigrated,
            CprStatus::Dead,
            CprStatus::Disappeared,
        ] {
            assert!(!s.may_log_in());
        }
    }
}
