//! Form pieces in the DKFDS pattern: error summary above the heading, each error message
//! above its field, inputs keep what was typed.
//!
//! A form's state (`FormState`) comes from its server action's answer, read on the server:
//! a refused post comes back to the page as the same error (Leptos decodes it from the
//! redirect; the flash keeps it out of the URL). Every form is a plain form post, with or
//! without JavaScript, rendered on the server only. A form with a check before submit sits
//! in the `CheckedForm` island, which writes the browser's messages into the same places
//! (`form_dom`).
use crate::lang::use_lang;
use crate::{tr, AppError};
use jobspor::{FieldErrors, Lang};
use leptos::prelude::*;

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FormState {
    pub errors: FieldErrors,
    pub echo: Vec<(String, String)>,
    /// An error not about a field (not logged in, internal).
    pub general: Option<String>,
}

impl FormState {
    pub fn echo(&self, field: &str) -> Option<String> {
        self.echo
            .iter()
            .find(|(k, _)| k == field)
            .map(|(_, v)| v.clone())
    }
}

/// The state of the form driven by `action`: its last answer, read on the server.
pub fn form_state<S>(action: ServerAction<S>) -> Signal<FormState>
where
    S: server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    let state = answer_state(action);
    Signal::derive(move || state.clone())
}

/// What the server answered `action` last, as a form's state.
pub fn answer_state<S>(action: ServerAction<S>) -> FormState
where
    S: server_fn::ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    match action.value().get_untracked() {
        Some(Err(AppError::Invalid { errors, echo })) => FormState {
            errors,
            echo,
            general: None,
        },
        Some(Err(other)) => FormState {
            general: Some(other.message(use_lang()).to_string()),
            ..Default::default()
        },
        _ => FormState::default(),
    }
}

/// The DKFDS error summary: a heading, then a link to each field in error. Its place
/// (`{form_id}-errors`) is there without errors too: a checked form's browser check fills it.
#[component]
pub fn ErrorSummary(state: Signal<FormState>, #[prop(into)] form_id: String) -> impl IntoView {
    let slot = format!("{form_id}-errors");
    let lang = use_lang();
    let summary = move || {
        let s = state.get();
        if s.errors.is_empty() && s.general.is_none() {
            return None;
        }
        let form_id = form_id.clone();
        Some(view! {
            <div class="alert alert-error error-summary" role="alert" aria-labelledby=format!("{form_id}-summary") tabindex="-1">
                <div class="alert-body">
                    <h2 class="alert-heading" id=format!("{form_id}-summary")>{tr!(in lang, common.errors_heading)}</h2>
                    {s.general.clone().map(|g| view! { <p class="alert-text">{g}</p> })}
                    <ul class="alert-text nobullet-list">
                        {s.errors.iter().map(|e| {
                            let href = format!("#{}-{}", form_id, e.field);
                            view! { <li><a class="function-link" href=href>{e.key.text(lang)}</a></li> }
                        }).collect_view()}
                    </ul>
                </div>
            </div>
        })
    };
    view! { <div id=slot>{summary}</div> }
}

/// A text area's counter: how many characters are left (or too many).
pub fn chars_left(left: i64, lang: Lang) -> String {
    if left >= 0 {
        tr!(in lang, common.chars_left, n = left)
    } else {
        tr!(in lang, common.chars_over, n = -left)
    }
}

/// A field's message in the server's answer, in the page's language.
fn field_message(
    state: Signal<FormState>,
    field: &'static str,
) -> impl Fn() -> Option<&'static str> + Send + Sync + Copy + 'static {
    let lang = use_lang();
    move || state.with(|s| s.errors.for_field(field).map(|e| e.key.text(lang)))
}

/// What a field shows: what was sent last (the server's echo after a refusal), else the
/// value it opened with (an entry being edited, a draft).
fn shown_value(
    state: Signal<FormState>,
    field: &'static str,
    opened_with: Option<String>,
) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let opened_with = opened_with.unwrap_or_default();
    move || {
        state
            .with(|s| s.echo(field))
            .unwrap_or_else(|| opened_with.clone())
    }
}

/// The error message shown above a field, if it has one.
pub(crate) fn field_error(
    message: impl Fn() -> Option<&'static str> + Send + Sync + 'static,
    id: String,
) -> impl IntoView {
    let prefix = tr!(common.error_prefix);
    move || {
        message().map(|m| {
            view! {
                <span class="form-error-message" id=format!("{id}-error")>
                    <span class="sr-only">{prefix}</span>{m}
                </span>
            }
        })
    }
}

/// The field's `aria-describedby`: its hint (`{id}-hint`) and its error (`{id}-error`).
pub(crate) fn described_by(
    message: impl Fn() -> Option<&'static str> + Send + Sync + 'static,
    id: String,
    hint: bool,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let mut ids = Vec::new();
        if hint {
            ids.push(format!("{id}-hint"));
        }
        if message().is_some() {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// A labelled single-line input.
#[component]
pub fn TextField(
    state: Signal<FormState>,
    #[prop(into)] form_id: String,
    /// The field's key in errors and echo (e.g. "position").
    field: &'static str,
    /// The input's name (e.g. "form[position]").
    #[prop(into)]
    name: String,
    #[prop(into)] label: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(default = false)] required: bool,
    #[prop(default = false)] secret: bool,
) -> impl IntoView {
    let id = format!("{form_id}-{field}");
    // An empty hint is no hint (generic forms pass one for every field).
    let hint = hint.filter(|h| !h.is_empty());
    let has_hint = hint.is_some();
    let message = field_message(state, field);
    let err = move || message().is_some();
    let shown = shown_value(state, field, value);
    // A secret field is never refilled.
    let current = move || if secret { String::new() } else { shown() };
    view! {
        <div class="form-group" class:form-error=err>
            <label class="form-label" for=id.clone()>{label}{(!required).then(|| tr!(common.optional))}</label>
            {hint.map(|h| view! { <span class="form-hint" id=format!("{id}-hint")>{h}</span> })}
            {field_error(message, id.clone())}
            <input
                class="form-input"
                type=kind
                id=id.clone()
                name=name
                value=current
                autocomplete=autocomplete
                inputmode=inputmode
                list=list
                maxlength=maxlength.map(|m| m.to_string())
                aria-invalid=move || err().then_some("true")
                aria-describedby=described_by(message, id.clone(), has_hint)
            />
        </div>
    }
}

/// A date in DKFDS' pattern: three fields, dag / måned / år, in a fieldset named by the
/// date's label. The parts are sent as `form[<field>__dag]` etc. and folded by core
/// (`jobspor::dates::fold_date_parts`); the day's input carries the field's id, where the
/// summary leads for a message about the whole date or the day, the month's and the year's
/// their part's (`DatePart::error_field`).
#[component]
pub fn DateField(
    state: Signal<FormState>,
    #[prop(into)] form_id: String,
    field: &'static str,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    /// The parts it opens with (an entry being edited, a draft): `jobspor::dates::date_parts`.
    opened_with: [String; 3],
    #[prop(default = false)] required: bool,
) -> impl IntoView {
    use jobspor::dates::DatePart;
    let lang = use_lang();
    let id = format!("{form_id}-{field}");
    let hint_id = format!("{id}-hint");
    // After a refusal the parts show what was sent.
    let shown = state.with_untracked(|s| {
        let echo: jobspor::form_fields::Fields = s.echo.iter().cloned().collect();
        if echo.is_empty() {
            opened_with.clone()
        } else {
            jobspor::dates::date_parts(&echo, field)
        }
    });
    // Each part's message (the day's is also the whole date's).
    let messages: Vec<(String, Option<jobspor::Msg>)> = DatePart::ALL
        .iter()
        .map(|p| {
            let key = p.error_field(field);
            let msg = state.with_untracked(|s| s.errors.for_field(&key).map(|e| e.key));
            (key, msg)
        })
        .collect();
    let any_error = messages.iter().any(|(_, m)| m.is_some());
    // A message about the whole date marks all three fields; one about a part, that part.
    let whole = matches!(messages[0].1, Some(m) if !matches!(m, jobspor::Msg::DateDayInvalid | jobspor::Msg::DateDayNotInMonth));
    let mut described = vec![hint_id.clone()];
    described.extend(
        messages
            .iter()
            .filter(|(_, m)| m.is_some())
            .map(|(key, _)| format!("{form_id}-{key}-error")),
    );
    let errors_view = messages
        .iter()
        .filter_map(|(key, m)| {
            m.map(|m| {
                view! {
                    <span class="form-error-message" id=format!("{form_id}-{key}-error")>
                        <span class="sr-only">{tr!(in lang, common.error_prefix)}</span>{m.text(lang)}
                    </span>
                }
            })
        })
        .collect_view();
    let parts = DatePart::ALL
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let input_id = format!("{form_id}-{}", part.error_field(field));
            let invalid = whole || messages[i].1.is_some();
            let class = match part {
                DatePart::Day => "form-group form-group-day",
                DatePart::Month => "form-group form-group-month",
                DatePart::Year => "form-group form-group-year",
            };
            view! {
                <div class=class>
                    <label class="form-label" for=input_id.clone()>{part_label(part, lang)}</label>
                    <input
                        class="form-input"
                        type="text"
                        inputmode="numeric"
                        id=input_id
                        name=format!("form[{}]", part.key(field))
                        value=shown[i].clone()
                        maxlength=part.max_digits().to_string()
                        aria-invalid=invalid.then_some("true")
                    />
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="form-group" class:form-error=any_error>
            <fieldset aria-describedby=described.join(" ")>
                <legend class="form-label">{label}{(!required).then(|| tr!(common.optional))}</legend>
                <span class="form-hint" id=hint_id>{hint.filter(|h| !h.is_empty()).map(|h| format!("{h}. "))}{tr!(in lang, common.date_hint)}</span>
                {errors_view}
                <div class="date-group">{parts}</div>
            </fieldset>
        </div>
    }
}

/// The label of a date's part.
fn part_label(part: jobspor::dates::DatePart, lang: Lang) -> &'static str {
    use jobspor::dates::DatePart;
    match part {
        DatePart::Day => tr!(in lang, common.date_day),
        DatePart::Month => tr!(in lang, common.date_month),
        DatePart::Year => tr!(in lang, common.date_year),
    }
}

/// A labelled multi-line input with a count of characters left (computed by the same core
/// function the server's length check uses; `CheckedForm` counts again as it is typed).
#[component]
pub fn TextArea(
    state: Signal<FormState>,
    #[prop(into)] form_id: String,
    field: &'static str,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    max: usize,
    #[prop(optional, into)] value: Option<String>,
    #[prop(default = false)] required: bool,
) -> impl IntoView {
    let id = format!("{form_id}-{field}");
    let message = field_message(state, field);
    let err = move || message().is_some();
    let text = state
        .with_untracked(|s| s.echo(field))
        .unwrap_or_else(|| value.unwrap_or_default());
    let left = jobspor::validation::remaining_chars(&text, max);
    let lang = use_lang();
    view! {
        <div class="form-group" class:form-error=err>
            <label class="form-label" for=id.clone()>{label}{(!required).then(|| tr!(common.optional))}</label>
            {field_error(message, id.clone())}
            <textarea
                class="form-input"
                id=id.clone()
                name=name
                rows="5"
                data-max=max.to_string()
                aria-invalid=move || err().then_some("true")
                aria-describedby=described_by(message, id.clone(), true)
            >{text}</textarea>
            <span class="form-hint character-limit" id=format!("{id}-hint") aria-live="polite">
                {chars_left(left, lang)}
            </span>
        </div>
    }
}

/// A group of radio buttons (a choice from an explicit list).
#[component]
pub fn RadioGroup(
    state: Signal<FormState>,
    #[prop(into)] form_id: String,
    field: &'static str,
    #[prop(into)] name: String,
    #[prop(into)] legend: String,
    /// (code, label in the page's language)
    options: Vec<(&'static str, &'static str)>,
    #[prop(optional, into)] hint: Option<String>,
    /// The code chosen before (an entry being edited, a draft).
    #[prop(optional, into)]
    value: Option<String>,
    /// The codes that reveal this question's follow-ups (see `fields_view`).
    #[prop(optional)]
    reveals: &'static [&'static str],
) -> impl IntoView {
    let id = format!("{form_id}-{field}");
    let chosen = shown_value(state, field, value);
    let items = options
        .into_iter()
        .enumerate()
        .map(|(i, (code, label))| {
            let input_id = option_id(&id, i, code);
            let chosen = chosen.clone();
            let checked = move || chosen() == code;
            view! {
                <li>
                    <div class="form-group-radio">
                        <input class="form-radio" type="radio" id=input_id.clone() name=name.clone() value=code
                            checked=checked data-reveals=reveals.contains(&code).then_some("true")/>
                        <label for=input_id>{label}</label>
                    </div>
                </li>
            }
        })
        .collect_view();
    choice_fieldset(state, id, field, legend, hint, items)
}

/// The first option carries the field's id, so the error summary's link lands on it.
fn option_id(field_id: &str, index: usize, code: &str) -> String {
    if index == 0 {
        field_id.to_string()
    } else {
        format!("{field_id}-{code}")
    }
}

/// The frame of a choice question (radio buttons, checkboxes): fieldset, legend, hint, the
/// error message, and the options.
fn choice_fieldset(
    state: Signal<FormState>,
    id: String,
    field: &'static str,
    legend: String,
    hint: Option<String>,
    items: impl IntoView + 'static,
) -> impl IntoView {
    let message = field_message(state, field);
    let err = move || message().is_some();
    let hint = hint.filter(|h| !h.is_empty());
    let has_hint = hint.is_some();
    view! {
        <div class="form-group" class:form-error=err>
            <fieldset aria-describedby=described_by(message, id.clone(), has_hint)>
                <legend class="form-label">{legend}</legend>
                {hint.map(|h| view! { <span class="form-hint" id=format!("{id}-hint")>{h}</span> })}
                {field_error(message, id.clone())}
                <ul class="nobullet-list">{items}</ul>
            </fieldset>
        </div>
    }
}

/// A group of checkboxes: any number of choices from an explicit list. Each box is its own
/// form field, `<name>__<code>` (`jobspor::form_fields::checkbox_key`).
#[component]
pub fn CheckboxGroup(
    state: Signal<FormState>,
    #[prop(into)] form_id: String,
    field: &'static str,
    #[prop(into)] legend: String,
    /// (code, label in the page's language)
    options: Vec<(&'static str, &'static str)>,
    #[prop(optional, into)] hint: Option<String>,
    /// The codes ticked before (a draft).
    #[prop(optional)]
    ticked: Vec<&'static str>,
) -> impl IntoView {
    let id = format!("{form_id}-{field}");
    let items = options
        .iter()
        .enumerate()
        .map(|(i, (code, label))| {
            let key = jobspor::form_fields::checkbox_key(field, code);
            let input_id = option_id(&id, i, code);
            let was = ticked.contains(code);
            let label = *label;
            // After a refusal the echo says what was sent: a box missing from it was not ticked.
            let checked = {
                let key = key.clone();
                move || state.with(|s| if s.echo.is_empty() { was } else { s.echo(&key).is_some() })
            };
            view! {
                <li>
                    <div class="form-group-checkbox">
                        <input class="form-checkbox" type="checkbox" id=input_id.clone() name=format!("form[{key}]") value="on" checked=checked/>
                        <label for=input_id>{label}</label>
                    </div>
                </li>
            }
        })
        .collect_view();
    choice_fieldset(state, id, field, legend, hint, items)
}

/// A single checkbox.
#[component]
pub fn Checkbox(
    state: Signal<FormState>,
    #[prop(into)] form_id: String,
    field: &'static str,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(default = false)] checked: bool,
) -> impl IntoView {
    let id = format!("{form_id}-{field}");
    let message = field_message(state, field);
    let err = move || message().is_some();
    let is_checked = move || {
        state
            .with(|s| s.echo(field))
            .map(|v| jobspor::validation::checkbox(&v))
            .unwrap_or(checked)
    };
    view! {
        <div class="form-group" class:form-error=err>
            {field_error(message, id.clone())}
            <div class="form-group-checkbox">
                <input class="form-checkbox" type="checkbox" id=id.clone() name=name checked=is_checked
                    aria-invalid=move || err().then_some("true")
                    aria-describedby=described_by(message, id.clone(), false)/>
                <label for=id>{label}</label>
            </div>
        </div>
    }
}

/// A drop-down list (a choice from a long explicit list).
#[component]
pub fn SelectField(
    state: Signal<FormState>,
    #[prop(into)] form_id: String,
    field: &'static str,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    /// (code, label in the page's language)
    options: Vec<(&'static str, &'static str)>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] value: Option<String>,
) -> impl IntoView {
    let id = format!("{form_id}-{field}");
    let message = field_message(state, field);
    let err = move || message().is_some();
    let chosen = shown_value(state, field, value);
    let hint = hint.filter(|h| !h.is_empty());
    let has_hint = hint.is_some();
    view! {
        <div class="form-group" class:form-error=err>
            <label class="form-label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <span class="form-hint" id=format!("{id}-hint")>{h}</span> })}
            {field_error(message, id.clone())}
            <select class="form-select" id=id.clone() name=name
                aria-invalid=move || err().then_some("true")
                aria-describedby=described_by(message, id.clone(), has_hint)>
                <option value="">{tr!(common.choose)}</option>
                {options.into_iter().map(|(code, label)| {
                    let chosen = chosen.clone();
                    view! { <option value=code selected=move || chosen() == code>{label}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
