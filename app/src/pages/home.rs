use crate::components::layout::Page;
use crate::{routes, tr};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Home() -> impl IntoView {
    let query = use_query_map();
    let logged_out = move || query.with(|q| q.get(routes::LOGGED_OUT_PARAM).is_some());
    let deleted = move || query.with(|q| q.get(routes::PROFILE_DELETED_PARAM).is_some());
    view! {
        <Page title=tr!(common.menu_front)>
            {move || logged_out().then(|| view! {
                <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{tr!(home.logged_out)}</p></div></div>
            })}
            {move || deleted().then(|| view! {
                <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{tr!(home.profile_deleted)}</p></div></div>
            })}
            <h1>{tr!(home.heading)}</h1>
            <p class="font-lead">{tr!(home.lead)}</p>
            <div class="row">
                <section class="col-12 col-md-6" aria-labelledby="borger">
                    <h2 id="borger">{tr!(home.citizens_heading)}</h2>
                    <p>{tr!(home.citizens_text)}</p>
                    <a class="button button-primary" href=routes::LOGIN>{tr!(login.log_in_as_citizen)}</a>
                </section>
                <section class="col-12 col-md-6" aria-labelledby="arbejdsgiver">
                    <h2 id="arbejdsgiver">{tr!(home.employers_heading)}</h2>
                    <p>{tr!(home.employers_text)}</p>
                    <a class="button button-secondary" href=routes::EMPLOYER_HOME>{tr!(login.log_in_as_employer)}</a>
                </section>
            </div>
        </Page>
    }
}
