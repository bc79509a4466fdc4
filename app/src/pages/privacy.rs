use crate::components::layout::Page;
use crate::tr;
use leptos::prelude::*;

/// A short summary of the privacy rules this service follows.
#[component]
pub fn Privacy() -> impl IntoView {
    view! {
        <Page title=tr!(common.privacy_link)>
            <h1>{tr!(common.privacy_link)}</h1>
            <p>{tr!(privacy.intro)}</p>
            <ul>
                <li>{tr!(privacy.searchable)}</li>
                <li>{tr!(privacy.inactive_cv)}</li>
                <li>{tr!(privacy.deletion)}</li>
                <li>{tr!(privacy.history)}</li>
            </ul>
        </Page>
    }
}
