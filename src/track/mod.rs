//! The job seeker's own track (issue 25; seed 000: "Min Joblog", "Log om anden aktivitet",
//! "Min Plan", "Min uddannelsesplan", "Mine møder", "Mit fravær"): the weekly conditions of
//! a benefit, as rules and forms. Absence is the CV's own section (`cv::absence`), one
//! registration shown as "Mit fravær": never a second copy.
pub mod joblog;
pub mod meetings;
pub mod plan;

use crate::dates::{fold_date_parts, name_parts};
use crate::form_fields::{FieldSpec, Fields};
use crate::validation::FieldErrors;

/// Parses a form described by `specs` (dates typed in three parts folded first) with
/// `parse`, which reads the folded fields; a date part in error gets its own message.
pub fn parse_form<T>(
    specs: &[FieldSpec],
    raw: &Fields,
    parse: impl FnOnce(&Fields) -> Result<T, FieldErrors>,
) -> Result<T, FieldErrors> {
    let (folded, part_errors) = fold_date_parts(specs, raw);
    parse(&folded).map_err(|e| name_parts(e, &part_errors))
}

/// A form's raw fields, trimmed, with only the fields of `specs` (what a stored entry keeps
/// for its form to open with again).
pub(crate) fn text<'a>(raw: &'a Fields, name: &str) -> &'a str {
    raw.get(name).map(|v| v.trim()).unwrap_or_default()
}
