//! A checked form's behaviour in the browser (`CheckedForm`), on the form the server
//! rendered: the check at submit, the text areas' counters, the autosave.
//!
//! Messages go where the server puts them (`components::form`): the field's group gets
//! `form-error`, the message (`{field id}-error`) sits just above the control (above the
//! options of a choice, above a lone checkbox's box), the control or its fieldset names it
//! in `aria-describedby`, and the summary fills `{form_id}-errors`.
use super::checked_form::{form_element_id, Check};
use crate::components::form::chars_left;
use crate::tr;
use jobspor::form_fields::Fields;
use jobspor::{FieldErrors, Lang};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlFormElement, HtmlTextAreaElement, SubmitEvent};

/// How often a changed form is saved while it is being filled in.
const AUTOSAVE_EVERY: std::time::Duration = std::time::Duration::from_secs(3);

/// The form and the messages it shows.
struct Shown {
    doc: Document,
    form_id: String,
    lang: Lang,
    /// Each field's message from the last check (the server's answer, then the browser's):
    /// a text area's own length message gives way to it once the text fits again.
    messages: RefCell<HashMap<String, String>>,
}

/// Adds the behaviour to the form `{form_id}-form`, and marks its island hydrated.
pub fn attach(form_id: &str, check: Check, lang: Lang) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(form) = doc
        .get_element_by_id(&form_element_id(form_id))
        .and_then(|e| e.dyn_into::<HtmlFormElement>().ok())
    else {
        return;
    };
    let shown = Rc::new(Shown {
        messages: RefCell::new(server_messages(&form, form_id, lang)),
        doc,
        form_id: form_id.to_string(),
        lang,
    });
    let sending = Rc::new(Cell::new(false));

    let on_submit = {
        let (form, shown, sending, check) =
            (form.clone(), shown.clone(), sending.clone(), check.clone());
        Closure::<dyn FnMut(SubmitEvent)>::new(move |ev: SubmitEvent| {
            let unchecked = ev
                .submitter()
                .is_some_and(|b| b.has_attribute("formnovalidate"));
            if !unchecked {
                let errors = check.errors(form_values(&form));
                if !errors.is_empty() {
                    ev.prevent_default();
                    shown.show(&errors);
                    return;
                }
            }
            sending.set(true);
        })
    };
    let on_input = {
        let shown = shown.clone();
        Closure::<dyn FnMut(Event)>::new(move |ev: Event| {
            if let Some(area) = ev
                .target()
                .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            {
                shown.count(&area);
            }
        })
    };
    let _ = form.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
    let _ = form.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref());
    // The listeners live as long as the page.
    on_submit.forget();
    on_input.forget();

    keep_across_language_switch(&shown, &form, &check);
    autosave(form.clone(), check, sending, lang);
    // The end-to-end tests wait for this before they type: a click before it would be sent
    // unchecked.
    if let Ok(Some(island)) = form.closest("leptos-island") {
        let _ = island.set_attribute("data-hydrated", "true");
    }
}

/// The language switch reloads the page in the other language. What was typed (but no
/// password) is kept in this tab's session storage for that one load and put back, and the
/// messages shown before are shown again, now in the new language. (Without JavaScript, and
/// for the server's refusals, the server does the same: `api::language`.)
fn keep_across_language_switch(shown: &Rc<Shown>, form: &HtmlFormElement, check: &Check) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(storage)) = window.session_storage() else {
        return;
    };
    let key = format!(
        "jobspor-language-switch:{}:{}",
        window.location().pathname().unwrap_or_default(),
        shown.form_id
    );
    // Coming back from the switch: the values, and whether there were messages.
    if let Ok(Some(saved)) = storage.get_item(&key) {
        let _ = storage.remove_item(&key);
        let (had_messages, query) = saved.split_once('|').unwrap_or(("0", &saved));
        if let Ok(params) = web_sys::UrlSearchParams::new_with_str(query) {
            restore(form, &params);
        }
        if had_messages == "1" {
            shown.show(&check.errors(form_values(form)));
        }
    }
    let Some(switch) = shown.doc.get_element_by_id("language-switch") else {
        return;
    };
    let on_switch = {
        let (form, shown) = (form.clone(), shown.clone());
        Closure::<dyn FnMut(Event)>::new(move |_: Event| {
            let Ok(data) = web_sys::FormData::new_with_form(&form) else {
                return;
            };
            if let Ok(passwords) = form.query_selector_all("input[type=password]") {
                for i in 0..passwords.length() {
                    if let Some(name) = passwords
                        .item(i)
                        .and_then(|n| n.dyn_into::<Element>().ok())
                        .and_then(|e| e.get_attribute("name"))
                    {
                        data.delete(&name);
                    }
                }
            }
            let Ok(params) = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data) else {
                return;
            };
            let had_messages = !shown.messages.borrow().is_empty();
            let value = format!(
                "{}|{}",
                u8::from(had_messages),
                String::from(params.to_string())
            );
            let _ = storage.set_item(&key, &value);
        })
    };
    let _ = switch.add_event_listener_with_callback("submit", on_switch.as_ref().unchecked_ref());
    on_switch.forget();
}

/// Puts saved values back into the form's fields (a radio button or a box: ticked when
/// its value was sent).
fn restore(form: &HtmlFormElement, params: &web_sys::UrlSearchParams) {
    let Ok(fields) = form.query_selector_all("input[name], textarea[name], select[name]") else {
        return;
    };
    for i in 0..fields.length() {
        let Some(el) = fields.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let Some(name) = el.get_attribute("name") else {
            continue;
        };
        let sent = params.get_all(&name);
        let values: Vec<String> = sent.iter().filter_map(|v| v.as_string()).collect();
        if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            match input.type_().as_str() {
                "hidden" | "password" | "submit" => {}
                "radio" | "checkbox" => input.set_checked(values.contains(&input.value())),
                _ => {
                    if let Some(v) = values.first() {
                        input.set_value(v);
                    }
                }
            }
        } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
            if let Some(v) = values.first() {
                area.set_value(v);
            }
        } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
            if let Some(v) = values.first() {
                select.set_value(v);
            }
        }
    }
}

/// The form's named values, `form[x]` named `x`.
pub fn form_values(form: &HtmlFormElement) -> Fields {
    let mut map = Fields::new();
    if let Ok(data) = web_sys::FormData::new_with_form(form) {
        if let Ok(Some(entries)) = js_sys::try_iter(&data) {
            for entry in entries.flatten() {
                let pair = js_sys::Array::from(&entry);
                let (Some(key), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string())
                else {
                    continue;
                };
                let key = key
                    .strip_prefix("form[")
                    .and_then(|k| k.strip_suffix(']'))
                    .map(str::to_string)
                    .unwrap_or(key);
                map.insert(key, value);
            }
        }
    }
    map
}

/// The messages the server rendered, by field: read back from their elements' ids.
fn server_messages(form: &HtmlFormElement, form_id: &str, lang: Lang) -> HashMap<String, String> {
    let mut found = HashMap::new();
    let Ok(list) = form.query_selector_all(".form-error-message") else {
        return found;
    };
    let prefix = format!("{form_id}-");
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let id = el.id();
        let Some(field) = id
            .strip_prefix(&prefix)
            .and_then(|f| f.strip_suffix("-error"))
        else {
            continue;
        };
        let text = el.text_content().unwrap_or_default();
        let prefix = tr!(in lang, common.error_prefix);
        let text = text.strip_prefix(prefix).unwrap_or(&text).to_string();
        found.insert(field.to_string(), text);
    }
    found
}

impl Shown {
    /// The result of a check: every field's message and the summary.
    fn show(&self, errors: &FieldErrors) {
        let old: Vec<String> = self.messages.borrow().keys().cloned().collect();
        for field in old {
            self.set_message(&field, None);
        }
        let mut messages = HashMap::new();
        for e in errors.iter() {
            let text = e.key.text(self.lang);
            self.set_message(&e.field, Some(text));
            messages.insert(e.field.clone(), text.to_string());
        }
        *self.messages.borrow_mut() = messages;
        self.summary(errors);
    }

    /// A text area's counter and its length message, as it is typed.
    fn count(&self, area: &HtmlTextAreaElement) {
        let Some(max) = area
            .get_attribute("data-max")
            .and_then(|m| m.parse::<usize>().ok())
        else {
            return;
        };
        let id = area.id();
        let text = area.value();
        if let Some(hint) = self.doc.get_element_by_id(&format!("{id}-hint")) {
            let left = jobspor::validation::remaining_chars(&text, max);
            hint.set_text_content(Some(&chars_left(left, self.lang)));
        }
        let Some(field) = id.strip_prefix(&format!("{}-", self.form_id)) else {
            return;
        };
        // The same length rule the server applies.
        let live = jobspor::validation::optional_text(&text, max)
            .err()
            .map(|m| m.text(self.lang).to_string());
        let message = live.or_else(|| self.messages.borrow().get(field).cloned());
        self.set_message(field, message.as_deref());
    }

    /// Sets or clears one field's message.
    fn set_message(&self, field: &str, message: Option<&str>) {
        let field_id = format!("{}-{}", self.form_id, field);
        let error_id = format!("{field_id}-error");
        if let Some(old) = self.doc.get_element_by_id(&error_id) {
            old.remove();
        }
        let Some(control) = self.doc.get_element_by_id(&field_id) else {
            return;
        };
        // A date's three fields sit in groups of their own inside the date's group.
        let date = control.closest(".date-group").ok().flatten();
        let Ok(Some(group)) = date.as_ref().unwrap_or(&control).closest(".form-group") else {
            return;
        };
        // A choice's options, and a date's parts, share a fieldset, which carries the
        // description.
        let fieldset = group.query_selector("fieldset").ok().flatten();
        let checkbox = control.get_attribute("type").as_deref() == Some("checkbox");
        let described = fieldset.clone().unwrap_or_else(|| control.clone());
        describe(&described, &error_id, message.is_some());
        let invalid = date.is_some() || (fieldset.is_none() && !checkbox);
        let Some(message) = message else {
            let _ = group.class_list().remove_1("form-error");
            let _ = control.remove_attribute("aria-invalid");
            return;
        };
        let _ = group.class_list().add_1("form-error");
        if invalid {
            let _ = control.set_attribute("aria-invalid", "true");
        }
        let above = match (&fieldset, checkbox) {
            (Some(fieldset), _) => fieldset.query_selector("ul, .date-group").ok().flatten(),
            (None, true) => control.parent_element(),
            (None, false) => Some(control),
        };
        let Some(above) = above else { return };
        let span = self.element(
            "span",
            &[("class", "form-error-message"), ("id", &error_id)],
            None,
        );
        let sr = self.element(
            "span",
            &[("class", "sr-only")],
            Some(tr!(in self.lang, common.error_prefix)),
        );
        let _ = span.append_child(&sr);
        let _ = span.append_with_str_1(message);
        if let Some(parent) = above.parent_node() {
            let _ = parent.insert_before(&span, Some(&above));
        }
    }

    /// The DKFDS error summary in its place, as `components::form::ErrorSummary` draws it.
    fn summary(&self, errors: &FieldErrors) {
        let Some(slot) = self
            .doc
            .get_element_by_id(&format!("{}-errors", self.form_id))
        else {
            return;
        };
        slot.set_inner_html("");
        if errors.is_empty() {
            return;
        }
        let heading_id = format!("{}-summary", self.form_id);
        let alert = self.element(
            "div",
            &[
                ("class", "alert alert-error error-summary"),
                ("role", "alert"),
                ("aria-labelledby", &heading_id),
                ("tabindex", "-1"),
            ],
            None,
        );
        let body = self.element("div", &[("class", "alert-body")], None);
        let heading = self.element(
            "h2",
            &[("class", "alert-heading"), ("id", &heading_id)],
            Some(tr!(in self.lang, common.errors_heading)),
        );
        let list = self.element("ul", &[("class", "alert-text nobullet-list")], None);
        for e in errors.iter() {
            let item = self.element("li", &[], None);
            let href = format!("#{}-{}", self.form_id, e.field);
            let link = self.element(
                "a",
                &[("class", "function-link"), ("href", &href)],
                Some(e.key.text(self.lang)),
            );
            let _ = item.append_child(&link);
            let _ = list.append_child(&item);
        }
        let _ = body.append_child(&heading);
        let _ = body.append_child(&list);
        let _ = alert.append_child(&body);
        let _ = slot.append_child(&alert);
    }

    fn element(&self, tag: &str, attributes: &[(&str, &str)], text: Option<&str>) -> Element {
        let el = self
            .doc
            .create_element(tag)
            .expect("a known HTML element name");
        for (name, value) in attributes {
            let _ = el.set_attribute(name, value);
        }
        if text.is_some() {
            el.set_text_content(text);
        }
        el
    }
}

/// Adds or removes `id` in an element's `aria-describedby`, keeping the hint's id first.
fn describe(el: &Element, id: &str, on: bool) {
    let mut ids: Vec<String> = el
        .get_attribute("aria-describedby")
        .unwrap_or_default()
        .split_whitespace()
        .filter(|t| *t != id)
        .map(str::to_string)
        .collect();
    if on {
        ids.push(id.to_string());
    }
    let _ = if ids.is_empty() {
        el.remove_attribute("aria-describedby")
    } else {
        el.set_attribute("aria-describedby", &ids.join(" "))
    };
}

/// With JavaScript a changed form is saved every few seconds: a CV section's as its draft,
/// a questionnaire step's answers as they stand. Without JavaScript the buttons save (and a
/// refused CV entry is kept as the draft by the server).
fn autosave(form: HtmlFormElement, check: Check, sending: Rc<Cell<bool>>, lang: Lang) {
    if !matches!(check, Check::CvSection { .. } | Check::Step { .. }) {
        return;
    }
    // The hidden fields name the form, they are not answers.
    let answers = {
        let form = form.clone();
        move || {
            let mut values = form_values(&form);
            for hidden in ["section", "id", "step"] {
                values.remove(hidden);
            }
            values
        }
    };
    // What the page opened with is not a change.
    let last = Rc::new(RefCell::new(answers()));
    let busy = Rc::new(Cell::new(false));
    let status = form.query_selector(".draft-status").ok().flatten();
    let tick = move || {
        let values = answers();
        // Not while the form itself is being sent: saving the entry ends the draft, and a
        // draft written just after would bring the saved text back.
        if *last.borrow() == values || busy.get() || sending.get() {
            return;
        }
        busy.set(true);
        let (last, busy, status, check) =
            (last.clone(), busy.clone(), status.clone(), check.clone());
        leptos::task::spawn_local(async move {
            let said = save(&check, values.clone(), lang).await;
            if said.is_some() {
                *last.borrow_mut() = values;
            }
            if let (Some(status), Some(text)) = (status, said.or_else(|| failed(&check, lang))) {
                status.set_text_content(Some(&text));
            }
            busy.set(false);
        });
    };
    // The interval lives as long as the page.
    let _ = leptos::prelude::set_interval_with_handle(tick, AUTOSAVE_EVERY);
}

/// Saves the answers; what the status then says, or `None` when it failed.
async fn save(check: &Check, answers: Fields, lang: Lang) -> Option<String> {
    match check {
        Check::CvSection { section, editing } => {
            let id = editing.map(|i| i.to_string()).unwrap_or_default();
            crate::api::cv::save_cv_draft(section.code().to_string(), id, answers)
                .await
                .ok()
                .map(|at| tr!(in lang, common.draft_saved_at, at = at))
        }
        Check::Step { step, .. } => {
            crate::api::jobseeker::answer_step(step.clone(), "stay".into(), answers)
                .await
                .ok()
                .map(|_| tr!(in lang, common.answers_saved).to_string())
        }
        _ => None,
    }
}

/// What the status says when a save failed (a step says nothing: its buttons save).
fn failed(check: &Check, lang: Lang) -> Option<String> {
    matches!(check, Check::CvSection { .. })
        .then(|| tr!(in lang, common.draft_not_saved).to_string())
}
