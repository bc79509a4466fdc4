use crate::api::employer::{get_terms_status, AcceptTerms};
use crate::components::form::{form_state, Checkbox, ErrorSummary};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::routes;
use jobspor::employer::TERMS;
use leptos::prelude::*;

/// The terms for using CVs (the seven points at the end of seed 004), to accept before searching.
#[component]
pub fn Terms() -> impl IntoView {
    let action = ServerAction::<AcceptTerms>::new();
    let state = form_state(action);
    let status = Resource::new(|| (), |_| get_terms_status());
    view! {
        <Page title="Vilkår for brug af CV'er">
            <ErrorSummary state form_id="terms"/>
            <h1>"Vilkår for brug af CV'er"</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match status.await {
                        Ok(s) => view! {
                            <p>"Før " {s.company_name.clone()} " (CVR " {s.cvr.clone()} ") kan søge i CV'er, skal I acceptere de fælles vilkår og betingelser for arbejdsgivere, der tilgår CV'er."</p>
                            <ol class="terms">
                                {TERMS.iter().map(|t| view! { <li>{*t}</li> }).collect_view()}
                            </ol>
                            {match s.accepted_on {
                                Some(on) => view! {
                                    <p>{s.accepted_by.clone().unwrap_or_default()} " accepterede vilkårene for virksomheden " {on} "."</p>
                                    <a class="button button-primary" href=routes::EMPLOYER_SEARCH>"Søg i CV'er"</a>
                                }.into_any(),
                                None => view! {
                                    <ActionForm attr:novalidate=true action>
                                        <Checkbox state form_id="terms" field="accept" name="accept" label="Vi accepterer vilkårene og betingelserne ovenfor"/>
                                        <button type="submit" class="button button-primary">"Accepter og fortsæt"</button>
                                    </ActionForm>
                                }.into_any(),
                            }}
                        }.into_any(),
                        Err(e) => on_error(e, Area::Employer),
                    }
                })}
            </Suspense>
        </Page>
    }
}
