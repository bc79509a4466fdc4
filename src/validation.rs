//! Field-level errors: what a parse returns when input is refused.
//!
//! A `FieldError` names the form field (the same name the HTML input has) and a message
//! (`Msg`); `Msg::da` gives the Danish sentence shown at the field and in the error summary.
//! Keys, not sentences, cross the wire so the browser and server agree.
use crate::messages::Msg;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub key: Msg,
}

impl FieldError {
    pub fn new(field: impl Into<String>, key: Msg) -> Self {
        Self {
            field: field.into(),
            key,
        }
    }

    /// The Danish message for this error.
    pub fn message(&self) -> &'static str {
        self.key.da()
    }
}

/// An ordered list of field errors; the order is the form's order, so the error summary
/// reads top to bottom like the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: impl Into<String>, key: Msg) {
        self.0.push(FieldError::new(field, key));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The first error for a field, if any (a field shows one message at a time).
    pub fn for_field(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|e| e.field == field)
    }

    pub fn iter(&self) -> impl Iterator<Item = &FieldError> {
        self.0.iter()
    }

    /// Runs a field parser and records its error, so a form parse collects every error in
    /// one pass instead of stopping at the first.
    pub fn check<T>(&mut self, field: &str, result: Result<T, Msg>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(key) => {
                self.add(field, key);
                None
            }
        }
    }

    /// `Ok(value)` when no error was recorded.
    pub fn finish<T>(self, value: impl FnOnce() -> Option<T>) -> Result<T, FieldErrors> {
        if self.is_empty() {
            // Every field parsed, so every `Option` is `Some`; a `None` here would be a bug in
            // the caller's parse, reported as a generic error rather than a panic.
            value().ok_or_else(|| {
                let mut e = FieldErrors::new();
                e.add("form", Msg::Internal);
                e
            })
        } else {
            Err(self)
        }
    }
}

/// Serde for a newtype over a parsed `String` (use with `#[serde(try_from = "String", into =
/// "String")]`): it deserialises only through the type's `parse`, so a value from the wire or
/// from storage meets the same rules as one typed into a form.
macro_rules! serde_via_parse {
    ($($t:ident),+ $(,)?) => {$(
        impl TryFrom<String> for $t {
            type Error = $crate::messages::Msg;

            fn try_from(raw: String) -> Result<Self, Self::Error> {
                $t::parse(&raw)
            }
        }

        impl From<$t> for String {
            fn from(v: $t) -> String {
                v.0
            }
        }
    )+};
}
pub(crate) use serde_via_parse;

/// A required single-line text: trimmed, not empty, at most `max` characters.
pub fn required_text(raw: &str, max: usize) -> Result<String, Msg> {
    let t = raw.trim();
    if t.is_empty() {
        Err(Msg::Required)
    } else {
        bounded(t, max)
    }
}

/// Optional text: trimmed, empty means `None`, at most `max` characters.
pub fn optional_text(raw: &str, max: usize) -> Result<Option<String>, Msg> {
    let t = raw.trim();
    if t.is_empty() {
        Ok(None)
    } else {
        bounded(t, max).map(Some)
    }
}

fn bounded(t: &str, max: usize) -> Result<String, Msg> {
    if t.chars().count() > max {
        Err(Msg::TooLong)
    } else if t
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        Err(Msg::InvalidCharacters)
    } else {
        Ok(t.to_string())
    }
}

/// A whole number in `min..=max` (years, days). Empty is "required".
pub fn number_in(raw: &str, min: i64, max: i64) -> Result<i64, Msg> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(Msg::Required);
    }
    let n: i64 = t.parse().map_err(|_| Msg::NumberInvalid)?;
    if (min..=max).contains(&n) {
        Ok(n)
    } else {
        Err(Msg::NumberOutOfRange)
    }
}

/// Characters left of a limit, for the counter shown while typing.
pub fn remaining_chars(text: &str, max: usize) -> i64 {
    max as i64 - text.chars().count() as i64
}

/// HTML checkboxes send "on" (or a value) when ticked and nothing when not.
pub fn checkbox(raw: &str) -> bool {
    matches!(raw.trim(), "on" | "true" | "1" | "ja")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_text_trims_and_bounds() {
        assert_eq!(required_text("  Kok ", 10), Ok("Kok".into()));
        assert_eq!(required_text("   ", 10), Err(Msg::Required));
        assert_eq!(required_text("æøåæøåæøåæ", 10), Ok("æøåæøåæøåæ".into()));
        assert_eq!(required_text("æøåæøåæøåæø", 10), Err(Msg::TooLong));
        assert_eq!(required_text("a\u{0}b", 10), Err(Msg::InvalidCharacters));
    }

    #[test]
    fn errors_are_collected_in_order() {
        let mut e = FieldErrors::new();
        assert_eq!(e.check("a", Err::<(), _>(Msg::Required)), None);
        assert_eq!(e.check("b", Ok::<_, Msg>(1)), Some(1));
        e.add("c", Msg::TooLong);
        assert_eq!(
            e.0.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(),
            ["a", "c"]
        );
        assert_eq!(
            e.for_field("a").map(|e| e.message()),
            Some("Udfyld feltet.")
        );
    }
}
