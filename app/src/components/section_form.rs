//! The form of any CV section, built from the core's field list (`jobspor::cv::fields`):
//! each field kind has one widget, every section the same behaviour — with JavaScript the
//! browser check at submit with `CvEntry::parse` and a draft saved every few seconds
//! (`CheckedForm`), and the "sidst gemt" status.
use crate::api::cv::SaveCvEntry;
use crate::components::checked_form::{form_element_id, Check, CheckedForm};
use crate::components::fields_view::field_view;
use crate::components::form::{FormState, RadioGroup, TextField};
use crate::lang::use_lang;
use crate::tr;
use jobspor::cv::entry::{CvSection, Fields};
use jobspor::cv::fields::{fields, FieldSpec};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

pub const FORM_ID: &str = "cv";

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
    let lang = use_lang();
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
                    <TextField state form_id=FORM_ID field name=format!("form[{field}]") label=spec.label.get(lang)
                        hint=spec.hint.map(|h| h.get(lang)).unwrap_or_default() value=current.get() required=true list="occupations" autocomplete="off"/>
                }.into_any()
            } else {
                let options: Vec<(&'static str, &'static str)> = found.iter().map(|o| (o.title, o.title)).collect();
                view! {
                    <RadioGroup state form_id=FORM_ID field name=format!("form[{field}]")
                        legend=tr!(in lang, cv.occupation_legend, label = spec.label.get(lang))
                        hint=tr!(in lang, cv.occupation_hint, typed = current.get())
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

/// The section's add/edit form, checked and saved as a draft in the browser
/// (`CheckedForm`). `initial` is what it opens with (a draft, or the entry being edited);
/// `draft_saved` the time of the draft it opens with; `server` the server's answer to the
/// last post. The error summary is the page's (`ErrorSummary`, above its heading).
#[component]
pub fn SectionForm(
    section: CvSection,
    editing: Option<jobspor::CvEntryId>,
    initial: Fields,
    draft_saved: Option<String>,
    server: FormState,
) -> impl IntoView {
    let state = Signal::stored(server);
    let lang = use_lang();
    let status = draft_saved.map(|t| tr!(in lang, cv.draft_saved, at = t));
    view! {
        <CheckedForm form_id=FORM_ID check=Check::CvSection { section, editing } lang>
            <form method="post" action=SaveCvEntry::url() novalidate id=form_element_id(FORM_ID) class="cv-form">
                <input type="hidden" name="section" value=section.code()/>
                <input type="hidden" name="id" value=editing.map(|i| i.to_string()).unwrap_or_default()/>
                {fields(section).iter().map(|spec| field_view(state, FORM_ID, *spec, &initial)).collect_view()}
                <p class="form-hint draft-status" role="status" aria-live="polite">{status}</p>
                <button type="submit" class="button button-primary">{tr!(in lang, cv.save)}</button>
            </form>
        </CheckedForm>
    }
}
