use crate::api::citizen::get_my_history;
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use leptos::prelude::*;

/// "Min historik": who was logged on to my profile in the last 3 months, and when.
#[component]
pub fn History() -> impl IntoView {
    let history = Resource::new(|| (), |_| get_my_history());
    view! {
        <Page title="Min historik">
            <h1>"Min historik"</h1>
            <p>"Her kan du se, hvornår og hvem der har været logget på din profil eller har set dit CV de seneste 3 måneder."</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match history.await {
                        Ok(rows) if rows.is_empty() => view! { <p>"Ingen adgange de seneste 3 måneder."</p> }.into_any(),
                        Ok(rows) => view! {
                            <table class="table">
                                <caption class="sr-only">"Adgange til din profil"</caption>
                                <thead><tr><th scope="col">"Tidspunkt"</th><th scope="col">"Hvem"</th><th scope="col">"Hvad"</th></tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|r| view! { <tr><td>{r.when}</td><td>{r.who}</td><td>{r.what}</td></tr> }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Suspense>
        </Page>
    }
}
