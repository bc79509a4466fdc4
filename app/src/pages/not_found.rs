use crate::components::layout::Page;
use crate::routes;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Page title="Siden findes ikke">
            <h1>"Siden findes ikke"</h1>
            <p><a href=routes::HOME>"Gå til forsiden"</a></p>
        </Page>
    }
}
