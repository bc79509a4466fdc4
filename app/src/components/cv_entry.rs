//! How a CV entry looks: a heading and labelled details from the core's `CvEntry::display`.
//! The citizen's pages, the employer's page, the preview and the print view all use these,
//! so no page can show an entry differently — or show what the view does not hold.
use jobspor::cv::entry::{CvEntry, CvSection};
use leptos::prelude::*;

/// One entry: a heading (h3) and its details.
#[component]
pub fn EntryView(entry: CvEntry) -> impl IntoView {
    let (title, details) = entry.display(crate::lang::use_lang());
    let single = entry.section().is_single();
    view! {
        {if single {
            view! { <p class="cv-text">{title}</p> }.into_any()
        } else {
            view! { <h3 class="h4 cv-entry-title">{title}</h3> }.into_any()
        }}
        {(!details.is_empty()).then(|| view! {
            <dl class="cv-details">
                {details.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
            </dl>
        })}
    }
}

/// A whole CV's entries, section by section, in the CV's order; empty sections left out.
#[component]
pub fn CvDocument(entries: Vec<CvEntry>) -> impl IntoView {
    let lang = crate::lang::use_lang();
    CvSection::ALL
        .iter()
        .filter_map(|&section| {
            let mine: Vec<CvEntry> = entries.iter().filter(|e| e.section() == section).cloned().collect();
            (!mine.is_empty()).then(|| {
                let id = format!("cv-{}", section.code());
                view! {
                    <section class="cv-section" aria-labelledby=id>
                        <h2 id=id.clone()>{section.label(lang)}</h2>
                        <ul class="nobullet-list cv-entries">
                            {mine.into_iter().map(|entry| view! { <li class="cv-entry"><EntryView entry/></li> }).collect_view()}
                        </ul>
                    </section>
                }
            })
        })
        .collect_view()
}
