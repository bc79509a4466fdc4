//! CV search. A plain GET form: every search has its own URL, which works without
//! JavaScript, can be shared, and keeps the back button meaningful.
use crate::api::employer::search_cvs;
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Search() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.with(|m| m.get("q").unwrap_or_default());
    let page = move || query.with(|m| m.get("side").and_then(|p| p.parse::<i64>().ok()).unwrap_or(1));
    let results = Resource::new(move || (q(), page()), |(q, p)| search_cvs(q, p));
    view! {
        <Page title="Søg i CV'er">
            <h1>"Søg i CV'er"</h1>
            <form method="get" action="/arbejdsgiver/soeg" role="search" class="search-form">
                <div class="form-group">
                    <label class="form-label" for="q">"Søgeord"</label>
                    <span class="form-hint" id="q-hint">"Fx en stilling, en arbejdsopgave eller en kompetence"</span>
                    <input class="form-input" type="search" id="q" name="q" value=q aria-describedby="q-hint"/>
                </div>
                <button type="submit" class="button button-primary">"Søg"</button>
            </form>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    match results.await {
                        Ok(r) => {
                            let q = r.query.clone();
                            view! {
                                <h2 class="h3" aria-live="polite">{format!("{} CV'er fundet", r.total)}</h2>
                                <ul class="nobullet-list search-results">
                                    {r.hits.into_iter().map(|h| view! {
                                        <li class="search-result">
                                            <h3 class="h4"><a href=format!("/arbejdsgiver/cv/{}", h.cv_id)>{h.name}</a></h3>
                                            <p>{if h.occupations.is_empty() { "Ingen jobønsker angivet".to_string() } else { format!("Søger job som: {}", h.occupations) }}</p>
                                            <p class="form-hint">{h.city.map(|c| format!("{c} · ")).unwrap_or_default()} "Opdateret " {h.updated}</p>
                                        </li>
                                    }).collect_view()}
                                </ul>
                                {(r.pages > 1).then(|| view! {
                                    <nav aria-label="Sider">
                                        <ul class="nobullet-list pagination-list">
                                            {(1..=r.pages.min(50)).map(|p| {
                                                let href = format!("/arbejdsgiver/soeg?q={}&side={p}", urlencode(&q));
                                                view! { <li><a href=href aria-current=(p == r.page).then_some("page")>{p}</a></li> }
                                            }).collect_view()}
                                        </ul>
                                    </nav>
                                })}
                            }.into_any()
                        }
                        Err(e) => on_error(e, Area::Employer),
                    }
                })}
            </Transition>
        </Page>
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
