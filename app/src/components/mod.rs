//! The project's own components over Det Fælles Designsystem's CSS classes.
pub mod case_view;
pub mod checked_form;
pub mod cv_entry;
pub mod fields_view;
pub mod form;
#[cfg(feature = "hydrate")]
pub mod form_dom;
pub mod layout;
pub mod nav;
pub mod outcome;
pub mod section_form;
