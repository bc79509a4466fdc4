//! Job-seeker registration ("Tilmelding som jobsøgende", seed 000): the citizen's situation
//! decides which preparation questionnaire they get, and whether the pilot municipalities'
//! disability questions are asked.
pub mod eligibility;
pub mod questions;
