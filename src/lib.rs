//! Jobspor core: domain types, validation and rules.
//!
//! No IO lives here: no database, no network, no async runtime. The same code runs in the
//! browser (wasm32) for instant field checks and on the server, which always re-parses.

pub mod access;
pub mod backup;
pub mod choices;
pub mod clock;
pub mod consent;
pub mod contact;
pub mod cpr;
pub mod cv;
pub mod cv_search;
pub mod dates;
pub mod employer;
pub mod eures;
pub mod form_fields;
pub mod geo;
pub mod ids;
pub mod jobseeker;
pub mod lang;
pub mod login;
pub mod messages;
pub mod notices;
pub mod numbers;
pub mod occupations;
pub mod person;
pub mod policy;
pub mod retention;
pub mod rights;
pub mod signin;
pub mod statistics;
pub mod track;
mod translations;
pub mod validation;

pub use clock::{Clock, FixedClock, SystemClock};
pub use ids::{
    CaseReference, CaseworkerId, CitizenId, ContactRequestId, CvEntryId, CvId, EmployerId,
    EmployerPerson, EmployerUserId, JoblogEntryId, MeetingId, ObjectionId, PlanActivityId, SlotId,
};
pub use lang::{Lang, Words};
pub use messages::Msg;
pub use validation::{FieldError, FieldErrors};
