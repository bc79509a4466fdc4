//! A citizen's CV on EURES (seed 004): what may be sent, what may be hidden from display,
//! what never goes (`fields`), and the document EURES fetches, an HR-XML 3.2 `Candidate`
//! as EURES profiles it, built from the same model the citizen's preview shows
//! (`document`). Pure: the server stores the consent and the checksum, serves the
//! references and the documents.
pub mod consent;
pub mod document;
pub mod fields;

pub use document::{
    candidate, checksum_of, Candidate, CandidateInput, Item, PreviewRow, PreviewStatus, Visibility,
    Withheld, WithheldReason,
};
pub use fields::{why_never_sent, EuresField, HIDEABLE, NEVER_SENT_SECTIONS};
