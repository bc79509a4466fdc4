//! The project's own components over Det Fælles Designsystem's CSS classes.
pub mod cv_entry;
pub mod fields_view;
pub mod form;
pub mod layout;
pub mod outcome;
pub mod section_form;
