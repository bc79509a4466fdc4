use crate::components::layout::Page;
use crate::{routes, tr};
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Page title=tr!(common.not_found_title)>
            <h1>{tr!(common.not_found_title)}</h1>
            <p><a href=routes::HOME>{tr!(common.go_to_front)}</a></p>
        </Page>
    }
}
