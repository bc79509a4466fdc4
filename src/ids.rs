//! Typed ids, from the store up to the pages: a citizen's id cannot be passed where a CV's
//! is expected. Each wraps the database's `BIGINT` key; `new` is for the store (reading a
//! row) and for parsing a path segment, `get` for binding it to a query.
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(i64);

        impl $name {
            pub const fn new(raw: i64) -> Self {
                Self(raw)
            }

            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = std::num::ParseIntError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.trim().parse().map(Self)
            }
        }
    };
}

id_type!(
    /// A citizen (a person with a profile).
    CitizenId
);
id_type!(
    /// A citizen's CV (one per citizen).
    CvId
);
id_type!(
    /// One entry of a CV section.
    CvEntryId
);
id_type!(
    /// An employer account.
    EmployerId
);
id_type!(
    /// One registration of a citizen's joblog (an application or another activity).
    JoblogEntryId
);
id_type!(
    /// One agreed activity of a citizen's plan.
    PlanActivityId
);
id_type!(
    /// A meeting between a citizen and a jobcentre (a summons or a booked time).
    MeetingId
);
id_type!(
    /// A free time a jobcentre published for self-booking.
    SlotId
);
id_type!(
    /// A citizen's objection to a processing of their data (GDPR art. 21).
    ObjectionId
);
id_type!(
    /// A person who signs in for an employer (through MitID Erhverv).
    EmployerUserId
);
id_type!(
    /// A jobcentre caseworker.
    CaseworkerId
);
id_type!(
    /// An employer's request that support pass a message on to a citizen.
    ContactRequestId
);

/// The opaque reference by which a caseworker reaches a citizen's page: 32 hexadecimal
/// digits, made at a lookup by CPR number, valid for that caseworker only and for a working
/// day (`policy::CASE_REFERENCE_HOURS`). It names no one and cannot be counted through.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CaseReference(String);

/// A string that is not a case reference.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a case reference")]
pub struct NotAReference;

impl CaseReference {
    pub const LEN: usize = 32;

    /// The reference of 16 random bytes (the store makes them).
    pub fn from_bytes(bytes: [u8; 16]) -> CaseReference {
        CaseReference(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for CaseReference {
    type Err = NotAReference;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.len() == Self::LEN && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            Ok(CaseReference(s.to_string()))
        } else {
            Err(NotAReference)
        }
    }
}

impl TryFrom<String> for CaseReference {
    type Error = NotAReference;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

impl From<CaseReference> for String {
    fn from(r: CaseReference) -> String {
        r.0
    }
}

impl fmt::Display for CaseReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_reference_is_32_hex_digits_and_nothing_else() {
        let r = CaseReference::from_bytes([0xab; 16]);
        assert_eq!(r.as_str(), "ab".repeat(16));
        assert_eq!(r.as_str().parse::<CaseReference>(), Ok(r.clone()));
        assert_eq!(
            serde_json::from_str::<CaseReference>(&format!("\"{r}\"")).unwrap(),
            r
        );
        for bad in [
            "",
            "42",
            &"AB".repeat(16),
            &"ab".repeat(17),
            &"zz".repeat(16),
        ] {
            assert_eq!(bad.parse::<CaseReference>(), Err(NotAReference), "{bad}");
        }
        assert!(serde_json::from_str::<CaseReference>("\"42\"").is_err());
    }

    #[test]
    fn an_id_is_its_number_on_the_wire_and_in_a_path() {
        let id = CvId::new(42);
        assert_eq!(serde_json::to_string(&id).unwrap(), "42");
        assert_eq!(serde_json::from_str::<CvId>("42").unwrap(), id);
        assert_eq!(id.to_string(), "42");
        assert_eq!(" 42".parse::<CvId>().unwrap(), id);
        assert!("4x".parse::<CvId>().is_err());
    }
}

/// A person acting for an employer: the company and who, as a session knows them. The
/// terms are accepted by a person for the company, and the acceptance records both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EmployerPerson {
    pub employer_id: EmployerId,
    pub user_id: EmployerUserId,
}
