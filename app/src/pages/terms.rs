use crate::api::employer::{get_terms_status, AcceptTerms};
use crate::components::form::{form_state, Checkbox, ErrorSummary};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::lang::use_lang;
use crate::{routes, tr};
use jobspor::employer::TERMS;
use leptos::prelude::*;

/// The terms for using CVs (the seven points at the end of seed 004), to accept before searching.
#[component]
pub fn Terms() -> impl IntoView {
    let action = ServerAction::<AcceptTerms>::new();
    let state = form_state(action);
    let status = Resource::new(|| (), |_| get_terms_status());
    let lang = use_lang();
    view! {
        <Page title=tr!(common.menu_terms)>
            <ErrorSummary state form_id="terms"/>
            <h1>{tr!(common.menu_terms)}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match status.await {
                        Ok(s) => view! {
                            <p>{tr!(in lang, terms.intro, company = s.company_name.clone(), cvr = s.cvr.clone())}</p>
                            <ol class="terms">
                                {TERMS.iter().map(|t| view! { <li>{*t}</li> }).collect_view()}
                            </ol>
                            {match s.accepted_on {
                                Some(on) => view! {
                                    <p>{tr!(in lang, terms.accepted, name = s.accepted_by.clone().unwrap_or_default(), date = on)}</p>
                                    <a class="button button-primary" href=routes::EMPLOYER_SEARCH>{tr!(in lang, common.menu_search_cvs)}</a>
                                }.into_any(),
                                None => view! {
                                    <ActionForm attr:novalidate=true action>
                                        <Checkbox state form_id="terms" field="accept" name="accept" label=tr!(in lang, terms.accept_label)/>
                                        <button type="submit" class="button button-primary">{tr!(in lang, terms.accept_button)}</button>
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
