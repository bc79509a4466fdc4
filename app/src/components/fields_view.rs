//! Any field of a form described as data (`jobspor::form_fields`), as its widget; and a
//! list of questions with their follow-ups.
//!
//! A follow-up ("Hvis ja: …") sits in one group with its question. The stylesheet shows it
//! only while a revealing answer is checked (`:has(input[data-reveals]:checked)`), which
//! works the same with JavaScript off; the server ignores a follow-up whose question was
//! answered otherwise (`FieldSpec::is_asked`).
use crate::components::form::{
    CheckboxGroup, DateField, FormState, RadioGroup, SelectField, TextArea, TextField,
};
use crate::components::section_form::OccupationField;
use crate::lang::use_lang;
use jobspor::choices::Options;
use jobspor::form_fields::{ticked, FieldKind, FieldSpec, Fields};
use jobspor::Lang;
use leptos::prelude::*;

/// A list's choices as (code, label) in `lang`.
fn in_lang(options: Options, lang: Lang) -> Vec<(&'static str, &'static str)> {
    options.iter().map(|(c, w)| (*c, w.get(lang))).collect()
}

/// One field, opened with its value in `values`. `reveals`: its answers that show follow-ups.
fn widget(
    state: Signal<FormState>,
    form_id: &'static str,
    spec: FieldSpec,
    values: &Fields,
    reveals: &'static [&'static str],
) -> AnyView {
    let lang = use_lang();
    let name = format!("form[{}]", spec.name);
    let hint = spec.hint.map(|h| h.get(lang)).unwrap_or_default();
    let label = spec.label.get(lang);
    let value = values.get(spec.name).cloned().unwrap_or_default();
    match spec.kind {
        FieldKind::Text { max } => view! {
            <TextField state form_id field=spec.name name label hint value maxlength=max required=spec.required/>
        }
        .into_any(),
        FieldKind::TextArea { max } => view! {
            <TextArea state form_id field=spec.name name label max value required=spec.required/>
        }
        .into_any(),
        FieldKind::Date => {
            let opened_with = jobspor::dates::date_parts(values, spec.name);
            view! { <DateField state form_id field=spec.name label hint opened_with required=spec.required/> }
                .into_any()
        }
        FieldKind::Number => view! {
            <TextField state form_id field=spec.name name label hint value inputmode="numeric" required=spec.required/>
        }
        .into_any(),
        FieldKind::Radio(options) => view! {
            <RadioGroup state form_id field=spec.name name legend=label hint options=in_lang(options, lang) value reveals/>
        }
        .into_any(),
        FieldKind::Checkboxes(options) => {
            let ticked: Vec<&'static str> = ticked(values, spec.name, options).collect();
            let options = in_lang(options, lang);
            view! { <CheckboxGroup state form_id field=spec.name legend=label hint options ticked/> }.into_any()
        }
        FieldKind::Select(options) => view! {
            <SelectField state form_id field=spec.name name label hint options=in_lang(options, lang) value/>
        }
        .into_any(),
        FieldKind::Occupation => view! { <OccupationField state spec value/> }.into_any(),
    }
}

/// One field without follow-ups.
pub fn field_view(
    state: Signal<FormState>,
    form_id: &'static str,
    spec: FieldSpec,
    values: &Fields,
) -> AnyView {
    widget(state, form_id, spec, values, &[])
}

/// Questions in order, each follow-up grouped with the question it follows.
pub fn questions_view(
    state: Signal<FormState>,
    form_id: &'static str,
    specs: &'static [FieldSpec],
    values: &Fields,
) -> impl IntoView {
    specs
        .iter()
        .filter(|q| q.shown_if.is_none())
        .map(|q| {
            let follow_ups: Vec<FieldSpec> = specs.iter().filter(|f| f.shown_if.is_some_and(|(parent, _)| parent == q.name)).copied().collect();
            let reveals = follow_ups.first().and_then(|f| f.shown_if).map(|(_, answers)| answers).unwrap_or(&[]);
            view! {
                <div class="question-group">
                    {widget(state, form_id, *q, values, reveals)}
                    {follow_ups.into_iter().map(|f| view! { <div class="follow-up">{field_view(state, form_id, f, values)}</div> }).collect_view()}
                </div>
            }
        })
        .collect_view()
}
