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

#[cfg(test)]
mod tests {
    use super::*;

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
