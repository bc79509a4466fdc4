//! Jobnetsupporten's pages: record the citizen's consent and open the profile it covers;
//! pass employers' contact requests on.
use crate::api::caseworker::get_caseworker_home;
use crate::api::support::{
    get_contact_requests, get_support_case, FindWithConsent, RelayContactRequest,
};
use crate::components::case_view::CaseDocument;
use crate::components::fields_view::field_view;
use crate::components::form::{form_state, ErrorSummary};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::lang::use_lang;
use crate::pages::caseworker::reference_param;
use crate::{routes, tr};
use jobspor::employer::RelayHow;
use jobspor::form_fields::Fields;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SupportHomePage() -> impl IntoView {
    let find = ServerAction::<FindWithConsent>::new();
    let state = form_state(find);
    let home = Resource::new(|| (), |_| get_caseworker_home());
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, support.home_title)>
            <ErrorSummary state form_id="consent"/>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match home.await {
                        // Another kind of staff's start page: theirs.
                        Ok(h) if h.kind != jobspor::policy::ActorKind::Support => view! { <Redirect path=routes::staff_home(h.kind)/> }.into_any(),
                        Ok(h) => {
                            // What was typed, kept after a refusal (JavaScript on or off).
                            let values: Fields = state.get_untracked().echo.into_iter().collect();
                            view! {
                                <h1>{h.organisation}</h1>
                                <p>{tr!(in lang, caseworker.logged_in_as, name = h.name)}</p>
                                <h2>{tr!(in lang, support.consent_title)}</h2>
                                <p>{tr!(in lang, support.consent_intro)}</p>
                                <ActionForm attr:novalidate=true attr:id="consent" action=find>
                                    {jobspor::consent::FIELDS.iter().map(|spec| field_view(state, "consent", *spec, &values)).collect_view()}
                                    <button type="submit" class="button button-primary">{tr!(in lang, support.consent_button)}</button>
                                </ActionForm>
                                <h2>{tr!(in lang, support.requests_heading)}</h2>
                                <p><a href=routes::SUPPORT_CONTACT_REQUESTS>{tr!(in lang, support.requests_link)}</a></p>
                            }.into_any()
                        }
                        Err(e) => on_error(e, Area::Caseworker),
                    }
                })}
            </Suspense>
        </Page>
    }
}

#[component]
pub fn SupportCasePage() -> impl IntoView {
    let case = Resource::new(reference_param(), get_support_case);
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, support.case_title)>
            <p><a class="back-link" href=routes::SUPPORT_HOME>{tr!(in lang, support.back)}</a></p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match case.await {
                        Ok(c) => view! {
                            <h1>{c.name.clone()}</h1>
                            <CaseDocument case=c/>
                        }.into_any(),
                        Err(crate::AppError::Forbidden) => view! {
                            <h1>{tr!(in lang, support.case_title)}</h1>
                            <div class="alert alert-error" role="alert"><div class="alert-body">
                                <p class="alert-text">{tr!(in lang, support.no_consent)}</p>
                            </div></div>
                        }.into_any(),
                        Err(e) => on_error(e, Area::Caseworker),
                    }
                })}
            </Suspense>
        </Page>
    }
}

/// Employers' requests to contact citizens who hid their contact details (seed 004).
#[component]
pub fn ContactRequestsPage() -> impl IntoView {
    let relay = ServerAction::<RelayContactRequest>::new();
    let requests = Resource::new(move || relay.version().get(), |_| get_contact_requests());
    let query = use_query_map();
    let lang = use_lang();
    let relayed = move || {
        relay.value().with(|v| matches!(v, Some(Ok(()))))
            || query.with(|q| q.get(routes::RELAYED_PARAM).as_deref() == Some("1"))
    };
    view! {
        <Page title=tr!(in lang, support.requests_heading)>
            <h1>{tr!(in lang, support.requests_heading)}</h1>
            <p>{tr!(in lang, support.requests_intro)}</p>
            {move || relayed().then(|| view! {
                <div class="alert alert-success" role="status"><div class="alert-body">
                    <p class="alert-text">{tr!(in lang, support.relayed)}</p>
                </div></div>
            })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match requests.await {
                        Ok(rows) if rows.is_empty() => view! { <p>{tr!(in lang, support.requests_none)}</p> }.into_any(),
                        Ok(rows) => rows.into_iter().map(|r| {
                            let id = r.id.to_string();
                            let heading = format!("request-{id}");
                            let labelled_by = heading.clone();
                            view! {
                                <section class="request" aria-labelledby=labelled_by>
                                    <h2 class="h3" id=heading>{tr!(in lang, support.request_from, company = r.company.clone())}</h2>
                                    <p class="form-hint">{tr!(in lang, support.received, at = r.received.clone())}</p>
                                    <blockquote>{r.message.clone()}</blockquote>
                                    {RelayHow::ALL.iter().map(|how| {
                                        let id = id.clone();
                                        view! {
                                            <ActionForm action=relay attr:class="inline-form">
                                                <input type="hidden" name="id" value=id/>
                                                <input type="hidden" name="how" value=how.code()/>
                                                <button type="submit" class="button button-secondary">{relay_button(*how, lang)}</button>
                                            </ActionForm>
                                        }
                                    }).collect_view()}
                                </section>
                            }
                        }).collect_view().into_any(),
                        Err(e) => on_error(e, Area::Caseworker),
                    }
                })}
            </Suspense>
        </Page>
    }
}

fn relay_button(how: RelayHow, lang: jobspor::Lang) -> &'static str {
    match how {
        RelayHow::Portal => tr!(in lang, support.relay_portal),
        RelayHow::Direct => tr!(in lang, support.relay_direct),
    }
}
