//! Job-seeker registration ("Tilmelding som jobsøgende", seed 000): the citizen's situation
//! decides which preparation questionnaire they get, and whether the pilot municipalities'
//! disability questions are asked.
pub mod eligibility;
pub mod questionnaire;
pub mod questions;
pub mod register_data;
pub mod registration;
