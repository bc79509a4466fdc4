//! Forms as data: each field's name, label (Danish and English), kind and limits. One generic component in
//! the app renders any list of them (a CV section, a step of a questionnaire), and
//! `validate` checks a questionnaire's answers against the same list on both sides.
use crate::choices::Options;
use crate::lang::{Lang, Words};
use crate::messages::Msg;
use crate::validation::{optional_text, required_text, FieldErrors};
use std::collections::BTreeMap;

/// A form's raw values by field name: the map the browser's check builds from the form, the
/// server function receives, and a draft stores. A ticked box of a checkbox group arrives as
/// `"<field>__<code>"` (see `checkbox_key`).
pub type Fields = BTreeMap<String, String>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Text {
        max: usize,
    },
    TextArea {
        max: usize,
    },
    Date,
    /// A year or a small whole number.
    Number,
    /// A few choices, shown as radio buttons.
    Radio(Options),
    /// Any number of choices from a list, shown as checkboxes; required means at least one.
    Checkboxes(Options),
    /// Many choices, shown as a drop-down list.
    Select(Options),
    /// A title from the controlled list of occupations, with a type-ahead.
    Occupation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    pub name: &'static str,
    pub label: Words,
    pub kind: FieldKind,
    pub required: bool,
    pub hint: Option<Words>,
    /// A follow-up question: asked only when the field named here has one of these answers.
    pub shown_if: Option<(&'static str, &'static [&'static str])>,
}

/// A required field: its name, its label in Danish and in English, its kind.
pub const fn req(
    name: &'static str,
    da: &'static str,
    en: &'static str,
    kind: FieldKind,
) -> FieldSpec {
    FieldSpec {
        name,
        label: Words::new(da, en),
        kind,
        required: true,
        hint: None,
        shown_if: None,
    }
}

/// An optional field: its name, its label in Danish and in English, its kind.
pub const fn opt(
    name: &'static str,
    da: &'static str,
    en: &'static str,
    kind: FieldKind,
) -> FieldSpec {
    FieldSpec {
        name,
        label: Words::new(da, en),
        kind,
        required: false,
        hint: None,
        shown_if: None,
    }
}

/// A hint under the label, in Danish and in English.
pub const fn hint(mut f: FieldSpec, da: &'static str, en: &'static str) -> FieldSpec {
    f.hint = Some(Words::new(da, en));
    f
}

/// Makes `f` a follow-up of `parent`, asked when its answer is one of `answers`.
pub const fn follow_up(
    mut f: FieldSpec,
    parent: &'static str,
    answers: &'static [&'static str],
) -> FieldSpec {
    f.shown_if = Some((parent, answers));
    f
}

/// A static list of fields (const fn calls are not promoted to statics on their own).
macro_rules! field_list {
    ($($f:expr),* $(,)?) => {{
        const LIST: &[$crate::form_fields::FieldSpec] = &[$($f),*];
        LIST
    }};
}
pub(crate) use field_list;

/// The form name of one box of a checkbox group.
pub fn checkbox_key(field: &str, code: &str) -> String {
    format!("{field}__{code}")
}

/// The codes ticked in a checkbox group, in the list's order.
pub fn ticked<'a>(
    raw: &'a Fields,
    field: &'a str,
    options: Options,
) -> impl Iterator<Item = &'static str> + 'a {
    options
        .iter()
        .filter(move |(code, _)| {
            raw.get(&checkbox_key(field, code))
                .is_some_and(|v| crate::validation::checkbox(v))
        })
        .map(|(code, _)| *code)
}

impl FieldSpec {
    /// Is this question asked, given the answers so far?
    pub fn is_asked(&self, raw: &Fields) -> bool {
        match self.shown_if {
            None => true,
            Some((parent, answers)) => raw.get(parent).is_some_and(|v| answers.contains(&v.trim())),
        }
    }

    /// The text of an answer in `lang`, for "Tjek dine svar" and the caseworker's view.
    pub fn answer(&self, raw: &Fields, lang: Lang) -> Option<String> {
        let label_of = |options: Options, code: &str| {
            options
                .iter()
                .find(|(c, _)| *c == code)
                .map(|(_, l)| l.get(lang).to_string())
        };
        match self.kind {
            FieldKind::Radio(options) | FieldKind::Select(options) => {
                raw.get(self.name).and_then(|v| label_of(options, v.trim()))
            }
            FieldKind::Checkboxes(options) => {
                let labels: Vec<String> = ticked(raw, self.name, options)
                    .filter_map(|c| label_of(options, c))
                    .collect();
                (!labels.is_empty()).then(|| labels.join(", "))
            }
            _ => raw
                .get(self.name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty()),
        }
    }
}

/// Checks answers against their questions. Follow-ups not asked (their parent answered
/// otherwise) are dropped, whatever was sent; the result holds only the asked questions'
/// cleaned answers. Used for questionnaires, whose questions are all choices or free text.
pub fn validate(specs: &[FieldSpec], raw: &Fields) -> Result<Fields, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut clean = Fields::new();
    for spec in specs.iter().filter(|s| s.is_asked(raw)) {
        let value = raw.get(spec.name).map(|v| v.trim()).unwrap_or_default();
        match spec.kind {
            FieldKind::Radio(options) | FieldKind::Select(options) => {
                if value.is_empty() {
                    if spec.required {
                        errors.add(spec.name, Msg::ChoiceRequired);
                    }
                } else if options.iter().any(|(c, _)| *c == value) {
                    clean.insert(spec.name.to_string(), value.to_string());
                } else {
                    errors.add(spec.name, Msg::ChoiceInvalid);
                }
            }
            FieldKind::Checkboxes(options) => {
                let codes: Vec<&str> = ticked(raw, spec.name, options).collect();
                if codes.is_empty() && spec.required {
                    errors.add(spec.name, Msg::ChoiceAtLeastOne);
                }
                for code in codes {
                    clean.insert(checkbox_key(spec.name, code), "on".to_string());
                }
            }
            FieldKind::Text { max } | FieldKind::TextArea { max } => {
                let checked = if spec.required {
                    required_text(value, max).map(Some)
                } else {
                    optional_text(value, max)
                };
                match checked {
                    Ok(Some(text)) => {
                        clean.insert(spec.name.to_string(), text);
                    }
                    Ok(None) => {}
                    Err(key) => errors.add(spec.name, key),
                }
            }
            // Not used by questionnaires; their typed parsers live with the CV.
            FieldKind::Date | FieldKind::Number | FieldKind::Occupation => {
                errors.add(spec.name, Msg::Internal)
            }
        }
    }
    if errors.is_empty() {
        Ok(clean)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YES_NO: Options = &[
        ("yes", Words::new("Ja", "Yes")),
        ("no", Words::new("Nej", "No")),
    ];
    const WHY: Options = &[("a", Words::new("A", "A")), ("b", Words::new("B", "B"))];
    const SPECS: &[FieldSpec] = field_list![
        req("q", "Spørgsmål", "Question", FieldKind::Radio(YES_NO)),
        follow_up(
            req("why", "Hvorfor", "Why", FieldKind::Checkboxes(WHY)),
            "q",
            &["yes"]
        ),
        follow_up(
            req("more", "Uddyb", "Explain", FieldKind::TextArea { max: 10 }),
            "q",
            &["yes"]
        ),
        opt("note", "Note", "Note", FieldKind::TextArea { max: 10 }),
    ];

    fn raw(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn keys(e: FieldErrors) -> Vec<(String, Msg)> {
        e.iter().map(|e| (e.field.clone(), e.key)).collect()
    }

    #[test]
    fn a_follow_up_is_required_only_after_its_answer() {
        assert_eq!(
            validate(SPECS, &raw(&[("q", "no"), ("more", "glemt")])).unwrap(),
            raw(&[("q", "no")]),
            "an unasked follow-up is dropped"
        );
        let e = validate(SPECS, &raw(&[("q", "yes")])).unwrap_err();
        assert_eq!(
            keys(e),
            [
                ("why".into(), Msg::ChoiceAtLeastOne),
                ("more".into(), Msg::Required)
            ]
        );
        let ok = validate(
            SPECS,
            &raw(&[
                ("q", "yes"),
                ("why__b", "on"),
                ("why__zz", "on"),
                ("more", " Fordi "),
            ]),
        )
        .unwrap();
        assert_eq!(
            ok,
            raw(&[("q", "yes"), ("why__b", "on"), ("more", "Fordi")]),
            "unknown boxes are not kept"
        );
    }

    #[test]
    fn choices_come_from_the_list_and_texts_are_bounded() {
        assert_eq!(
            keys(validate(SPECS, &raw(&[])).unwrap_err()),
            [("q".into(), Msg::ChoiceRequired)]
        );
        assert_eq!(
            keys(validate(SPECS, &raw(&[("q", "måske")])).unwrap_err()),
            [("q".into(), Msg::ChoiceInvalid)]
        );
        assert_eq!(
            keys(validate(SPECS, &raw(&[("q", "no"), ("note", "for lang tekst")])).unwrap_err()),
            [("note".into(), Msg::TooLong)]
        );
    }

    #[test]
    fn answers_read_in_the_pages_language() {
        let r = raw(&[("q", "yes"), ("why__a", "on"), ("why__b", "on")]);
        assert_eq!(SPECS[0].answer(&r, Lang::Da).as_deref(), Some("Ja"));
        assert_eq!(SPECS[0].answer(&r, Lang::En).as_deref(), Some("Yes"));
        assert_eq!(SPECS[1].answer(&r, Lang::Da).as_deref(), Some("A, B"));
        assert_eq!(SPECS[3].answer(&r, Lang::Da), None);
    }
}
