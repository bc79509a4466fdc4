//! The form of any CV section, built from the core's field list (`jobspor::cv::fields`):
//! each field kind has one widget, every section the same behaviour — the browser check at
//! submit with `CvEntry::parse`, a draft saved every few seconds while typing (with
//! JavaScript), and the "sidst gemt" status.
use crate::api::cv::SaveCvEntry;
use crate::components::fields_view::field_view;
use crate::components::form::{
    checked_form, CheckedForm, ErrorSummary, FormState, RadioGroup, SubmitButton, TextField,
};
use jobspor::cv::entry::{CvEntry, CvSection, Fields};
use jobspor::cv::fields::{fields, FieldSpec};
use jobspor::FieldErrors;
use leptos::html;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

pub const FORM_ID: &str = "cv";
/// How often a changed form is saved as a draft.
#[cfg(feature = "hydrate")]
const AUTOSAVE_EVERY: std::time::Duration = std::time::Duration::from_secs(3);

/// The browser's check of a section's form: the same parser the server runs.
fn check(section: CvSection, fields: Fields) -> FieldErrors {
    // The browser's idea of today; the server decides with its own clock.
    let today = jobspor::dates::danish_date(chrono::Utc::now());
    CvEntry::parse(section, &fields, today)
        .err()
        .unwrap_or_default()
}

/// A title from the controlled list of occupations. The browser's own `<datalist>` is the
/// type-ahead, with or without JavaScript. The no-JavaScript search-and-select: a title not
/// in the list comes back from the server with the closest titles to choose among.
#[component]
pub(crate) fn OccupationField(
    state: Signal<FormState>,
    spec: FieldSpec,
    value: String,
) -> impl IntoView {
    let field = spec.name;
    let current = Signal::derive(move || {
        state
            .with(|s| s.echo(field))
            .unwrap_or_else(|| value.clone())
    });
    let suggestions = move || {
        let v = current.get();
        if v.trim().is_empty() || jobspor::occupations::find(&v).is_some() {
            Vec::new()
        } else {
            jobspor::occupations::search(&v, 12)
        }
    };
    view! {
        {move || {
            let found = suggestions();
            if found.is_empty() {
                view! {
                    <TextField state form_id=FORM_ID field name=format!("form[{field}]") label=spec.label
                        hint=spec.hint.unwrap_or_default() value=current.get() required=true list="occupations" autocomplete="off"/>
                }.into_any()
            } else {
                let options: Vec<(&'static str, &'static str)> = found.iter().map(|o| (o.title, o.title)).collect();
                view! {
                    <RadioGroup state form_id=FORM_ID field name=format!("form[{field}]")
                        legend=format!("{} – vælg den, der passer bedst", spec.label)
                        hint=format!("Du skrev \"{}\". Findes din stilling ikke her, så vælg den nærmeste.", current.get())
                        options/>
                }.into_any()
            }
        }}
    }
}

/// Whether a form of these fields has an occupation field (and so needs the list).
pub fn needs_occupations(specs: &[FieldSpec]) -> bool {
    specs
        .iter()
        .any(|f| matches!(f.kind, jobspor::form_fields::FieldKind::Occupation))
}

/// The controlled list of occupation titles as the browser's type-ahead, for any input with
/// `list="occupations"` (a CV's job wish, the employer's search). Rendered by the page, out
/// of any island: the browser needs the list, the island's code does not.
#[component]
pub(crate) fn OccupationsDatalist() -> impl IntoView {
    view! {
        <datalist id="occupations">
            {jobspor::occupations::all().iter().map(|o| view! { <option value=o.title></option> }).collect_view()}
        </datalist>
    }
}

/// The section's add/edit form, an island: the check before submit, the draft saved while
/// typing and the character counters run in the browser. `initial` is what it opens with (a
/// draft, or the entry being edited); `draft_saved` the time of the draft it opens with;
/// `server` the server's answer to the last post.
#[island]
pub fn SectionForm(
    section: CvSection,
    editing: Option<jobspor::CvEntryId>,
    initial: Fields,
    draft_saved: Option<String>,
    server: FormState,
) -> impl IntoView {
    let CheckedForm {
        browser,
        state,
        form,
    } = checked_form(server);
    let status = RwSignal::new(draft_saved.map(|t| format!("Kladde sidst gemt {t}")));
    let sending = StoredValue::new(false);
    autosave(section, editing, form, status, sending);
    view! {
        <ErrorSummary state form_id=FORM_ID/>
        <form method="post" action=SaveCvEntry::url() novalidate node_ref=form class="cv-form"
            on:submit=move |_| sending.set_value(true)>
            <input type="hidden" name="section" value=section.code()/>
            <input type="hidden" name="id" value=editing.map(|i| i.to_string()).unwrap_or_default()/>
            {fields(section).iter().map(|spec| field_view(state, FORM_ID, *spec, &initial)).collect_view()}
            <p class="form-hint draft-status" role="status" aria-live="polite">{move || status.get()}</p>
            <SubmitButton label="Gem" check=move |v| check(section, v) browser/>
        </form>
    }
}

/// With JavaScript: every few seconds, a form that changed since the last save is saved as
/// the section's draft, and the status says when. Without JavaScript the server keeps the
/// draft when a submitted form is refused.
#[allow(unused_variables)]
fn autosave(
    section: CvSection,
    editing: Option<jobspor::CvEntryId>,
    form: NodeRef<html::Form>,
    status: RwSignal<Option<String>>,
    sending: StoredValue<bool>,
) {
    #[cfg(feature = "hydrate")]
    {
        use crate::api::cv::save_cv_draft;
        use crate::components::form::form_values;
        let last = StoredValue::new(None::<Fields>);
        let busy = StoredValue::new(false);
        let values = move || {
            form.get_untracked().map(|f| {
                let mut values = form_values(&f);
                values.remove("section");
                values.remove("id");
                values
            })
        };
        // What the page opened with is not a change.
        Effect::new(move |_| {
            if form.get().is_some() && last.get_value().is_none() {
                last.set_value(values());
            }
        });
        let tick = move || {
            let Some(values) = values() else { return };
            // Not while the form itself is being sent: saving the entry ends the draft, and a
            // draft written just after would bring the saved text back.
            if last.get_value().as_ref() == Some(&values) || busy.get_value() || sending.get_value()
            {
                return;
            }
            busy.set_value(true);
            leptos::task::spawn_local(async move {
                let id = editing.map(|i| i.to_string()).unwrap_or_default();
                match save_cv_draft(section.code().to_string(), id, values.clone()).await {
                    Ok(at) => {
                        last.set_value(Some(values));
                        status.set(Some(format!("Kladde gemt {at}")));
                    }
                    Err(_) => status.set(Some(
                        "Kladden kunne ikke gemmes lige nu. Det, du har skrevet, er stadig her."
                            .into(),
                    )),
                }
                busy.set_value(false);
            });
        };
        if let Ok(handle) = set_interval_with_handle(tick, AUTOSAVE_EVERY) {
            on_cleanup(move || handle.clear());
        }
    }
}
