//! The one place that decides who sees what. Views are built here from the policy's answer;
//! templates only show what a view contains. (Whether a CV is searchable — and so may be
//! found or opened by an employer — is `retention::cv_is_searchable`; the store's queries
//! apply it through `retention::searchable_login_cutoff`.)
//!
//! The employer's view type has no CPR field at all, and its address is `None` whenever the
//! citizen has a protected address: what must never reach an employer cannot be rendered.
use crate::cv::entry::CvEntry;
use crate::person::{country_name_da, RegisterPerson};
use serde::{Deserialize, Serialize};

/// Who is asking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Actor {
    Anonymous,
    /// A citizen logged in through MitID or username + password; `profile_complete` is false
    /// until username and password are chosen at first login.
    Citizen {
        citizen_id: i64,
        profile_complete: bool,
    },
    Employer {
        employer_id: i64,
        terms_accepted: bool,
    },
    /// A jobcentre caseworker, logged in with username + password.
    Caseworker {
        caseworker_id: i64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Denied {
    /// Not logged in (or not as the right kind of user): send to login.
    NotLoggedIn,
    /// An employer who has not accepted the CV terms: send to the terms.
    TermsNotAccepted,
    /// Logged in, but this is not theirs to see.
    Forbidden,
    /// A citizen who must finish the profile first.
    ProfileIncomplete,
}

impl Actor {
    pub fn citizen_id(&self) -> Option<i64> {
        match self {
            Actor::Citizen { citizen_id, .. } => Some(*citizen_id),
            _ => None,
        }
    }
}

/// May this actor work on their own CV (read it, edit it)?
pub fn may_edit_own_cv(actor: &Actor) -> Result<i64, Denied> {
    match actor {
        Actor::Citizen {
            citizen_id,
            profile_complete: true,
        } => Ok(*citizen_id),
        Actor::Citizen {
            profile_complete: false,
            ..
        } => Err(Denied::ProfileIncomplete),
        _ => Err(Denied::NotLoggedIn),
    }
}

/// Only an employer who has accepted the current terms may search or open CVs.
pub fn may_search_cvs(actor: &Actor) -> Result<i64, Denied> {
    match actor {
        Actor::Employer {
            employer_id,
            terms_accepted: true,
        } => Ok(*employer_id),
        Actor::Employer {
            terms_accepted: false,
            ..
        } => Err(Denied::TermsNotAccepted),
        _ => Err(Denied::NotLoggedIn),
    }
}

/// Is this actor a caseworker?
pub fn may_act_as_caseworker(actor: &Actor) -> Result<i64, Denied> {
    match actor {
        Actor::Caseworker { caseworker_id } => Ok(*caseworker_id),
        _ => Err(Denied::NotLoggedIn),
    }
}

/// A caseworker is the citizen's caseworker when the citizen lives (by the CPR register) in
/// a municipality the caseworker's jobcentre serves. Only then may they read the citizen's
/// questionnaire and health answers, and each read is recorded for the citizen.
pub fn caseworker_serves(
    served_municipality_codes: &[String],
    citizen_municipality_code: Option<&str>,
) -> bool {
    citizen_municipality_code.is_some_and(|c| served_municipality_codes.iter().any(|s| s == c))
}

/// The address as an employer may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressView {
    pub street: String,
    pub co_address: Option<String>,
    pub postcode: String,
    pub city: String,
    pub country: String,
}

/// What a CV's owner has told us, as the store hands it to the policy.
#[derive(Debug, Clone)]
pub struct CvOwner {
    pub person: RegisterPerson,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// The citizen chose to hide phone and e-mail from employers (seed 004: the employer
    /// then contacts support, who contact the citizen).
    pub hide_contact: bool,
}

/// The CV as an employer sees it. Built only by `employer_view`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployerCvView {
    pub cv_id: i64,
    pub name: String,
    pub address: Option<AddressView>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// Phone and e-mail are hidden: the employer may ask support to pass a message on.
    pub contact_hidden: bool,
    /// Only entries of sections employers may see, in the CV's order.
    pub entries: Vec<CvEntry>,
}

/// The employer's view of a CV. Entries of sections hidden from employers (special
/// considerations, absence) are dropped here, whoever built the list.
pub fn employer_view(cv_id: i64, owner: &CvOwner, entries: Vec<CvEntry>) -> EmployerCvView {
    let p = &owner.person;
    let address = (!p.protected_address).then(|| AddressView {
        street: p.street.clone(),
        co_address: p.co_address.clone(),
        postcode: p.postcode.clone(),
        city: p.city.clone(),
        country: country_name_da(&p.country).to_string(),
    });
    EmployerCvView {
        cv_id,
        name: p.full_name(),
        address,
        phone: owner.phone.clone().filter(|_| !owner.hide_contact),
        email: owner.email.clone().filter(|_| !owner.hide_contact),
        contact_hidden: owner.hide_contact,
        entries: entries
            .into_iter()
            .filter(|e| e.section().visible_to_employers())
            .collect(),
    }
}

#[cfg(test)]
mod caseworker_tests {
    use super::*;

    #[test]
    fn a_caseworker_serves_only_their_jobcentres_municipalities() {
        let ishoej_vallensbaek = vec!["183".to_string(), "187".to_string()];
        assert!(caseworker_serves(&ishoej_vallensbaek, Some("187")));
        assert!(!caseworker_serves(&ishoej_vallensbaek, Some("751")));
        assert!(
            !caseworker_serves(&ishoej_vallensbaek, None),
            "no municipality (e.g. living abroad): nobody's"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::person::{CprStatus, Gender};
    use chrono::NaiveDate;

    fn owner(protected: bool) -> CvOwner {
        CvOwner {
            person: RegisterPerson {
                birthday: NaiveDate::from_ymd_opt(1978, 1, 23).unwrap(),
                gender: Gender::Female,
                first_name: "Anne".into(),
                middle_name: None,
                surname: "Kristensen".into(),
                street: "Hemmeligvej 1".into(),
                co_address: None,
                postcode: "8700".into(),
                city: "Horsens".into(),
                country: "DK".into(),
                municipality_code: Some("615".into()),
                municipality: Some("Horsens".into()),
                protected_address: protected,
                status: CprStatus::Active,
            },
            phone: Some("20304050".into()),
            email: Some("anne@eksempel.dk".into()),
            hide_contact: false,
        }
    }

    #[test]
    fn hidden_contact_details_never_reach_the_employer() {
        let v = employer_view(
            1,
            &CvOwner {
                hide_contact: true,
                ..owner(false)
            },
            Vec::new(),
        );
        assert_eq!((v.phone, v.email, v.contact_hidden), (None, None, true));
        assert!(
            v.address.is_some(),
            "the address is not a contact detail the citizen hides here"
        );
    }

    #[test]
    fn protected_address_never_reaches_the_employer() {
        let v = employer_view(1, &owner(true), Vec::new());
        assert_eq!(v.address, None);
        let json = serde_json_free_debug(&v);
        assert!(
            !json.contains("Hemmeligvej") && !json.contains("8700"),
            "{json}"
        );
        let v = employer_view(1, &owner(false), Vec::new());
        assert_eq!(v.address.unwrap().street, "Hemmeligvej 1");
    }

    fn serde_json_free_debug(v: &EmployerCvView) -> String {
        format!("{v:?}")
    }

    /// Issue 3: the employer's view (and so the citizen's preview, built by this function)
    /// leaves out the CPR number, a protected address, special considerations and absence.
    #[test]
    fn the_employer_view_leaves_out_every_hidden_field() {
        use crate::cv::entry::{CvEntry, CvSection, Fields};
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let entry = |s: CvSection, pairs: &[(&str, &str)]| {
            let f: Fields = pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            CvEntry::parse(s, &f, today).unwrap()
        };
        let entries = vec![
            entry(
                CvSection::WorkExperience,
                &[
                    ("position", "Sygeplejerske"),
                    ("workplace", "AUH"),
                    ("start", "2015-08-01"),
                ],
            ),
            entry(
                CvSection::SpecialConsiderations,
                &[("text", "HEMMELIGT-HENSYN kan ikke løfte")],
            ),
            entry(
                CvSection::Absence,
                &[("kind", "sickness"), ("from", "2026-11-02")],
            ),
            entry(CvSection::Language, &[("language", "en"), ("level", "B2")]),
        ];
        let v = employer_view(1, &owner(true), entries);
        let all = format!("{v:?}");
        assert_eq!(v.entries.len(), 2);
        assert!(v.entries.iter().all(|e| e.section().visible_to_employers()));
        for hidden in [
            "HEMMELIGT-HENSYN",
            "Sickness",
            "2026-11-02",
            "Hemmeligvej",
            "8700",
            "Horsens",
            "230178",
        ] {
            assert!(
                !all.contains(hidden),
                "{hidden} reached the employer: {all}"
            );
        }
        assert!(all.contains("Sygeplejerske"));
    }

    #[test]
    fn only_employers_with_accepted_terms_search() {
        assert_eq!(may_search_cvs(&Actor::Anonymous), Err(Denied::NotLoggedIn));
        assert_eq!(
            may_search_cvs(&Actor::Citizen {
                citizen_id: 1,
                profile_complete: true
            }),
            Err(Denied::NotLoggedIn)
        );
        assert_eq!(
            may_search_cvs(&Actor::Employer {
                employer_id: 7,
                terms_accepted: false
            }),
            Err(Denied::TermsNotAccepted)
        );
        assert_eq!(
            may_search_cvs(&Actor::Employer {
                employer_id: 7,
                terms_accepted: true
            }),
            Ok(7)
        );
    }

    #[test]
    fn citizens_edit_only_with_a_complete_profile() {
        assert_eq!(
            may_edit_own_cv(&Actor::Citizen {
                citizen_id: 3,
                profile_complete: true
            }),
            Ok(3)
        );
        assert_eq!(
            may_edit_own_cv(&Actor::Citizen {
                citizen_id: 3,
                profile_complete: false
            }),
            Err(Denied::ProfileIncomplete)
        );
        assert_eq!(
            may_edit_own_cv(&Actor::Employer {
                employer_id: 3,
                terms_accepted: true
            }),
            Err(Denied::NotLoggedIn)
        );
        assert_eq!(
            may_edit_own_cv(&Actor::Caseworker { caseworker_id: 3 }),
            Err(Denied::NotLoggedIn)
        );
        assert_eq!(
            may_search_cvs(&Actor::Caseworker { caseworker_id: 3 }),
            Err(Denied::NotLoggedIn)
        );
        assert_eq!(
            may_act_as_caseworker(&Actor::Caseworker { caseworker_id: 3 }),
            Ok(3)
        );
        assert_eq!(
            may_act_as_caseworker(&Actor::Citizen {
                citizen_id: 3,
                profile_complete: true
            }),
            Err(Denied::NotLoggedIn)
        );
    }
}
