use crate::api::citizen::get_my_history;
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::lang::use_lang;
use crate::tr;
use leptos::prelude::*;

/// "Min historik": who was logged on to my profile in the last 3 months, and when.
#[component]
pub fn History() -> impl IntoView {
    let history = Resource::new(|| (), |_| get_my_history());
    let lang = use_lang();
    view! {
        <Page title=tr!(common.menu_history)>
            <h1>{tr!(common.menu_history)}</h1>
            <p>{tr!(history.intro)}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match history.await {
                        Ok(rows) if rows.is_empty() => view! { <p>{tr!(in lang, history.none)}</p> }.into_any(),
                        Ok(rows) => view! {
                            <table class="table">
                                <caption class="sr-only">{tr!(in lang, history.caption)}</caption>
                                <thead><tr><th scope="col">{tr!(in lang, history.col_when)}</th><th scope="col">{tr!(in lang, history.col_who)}</th><th scope="col">{tr!(in lang, history.col_what)}</th></tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|r| view! {
                                        <tr>
                                            <td>{r.when}</td>
                                            <td>{r.who}</td>
                                            <td>
                                                {r.what}
                                                {r.consent.map(|c| view! { <br/><span class="consent">{tr!(in lang, history.consent, channel = c.channel, given = c.given_at, scope = c.scope, reference = c.reference)}</span> })}
                                            </td>
                                        </tr>
                                    }).collect_view()}
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
