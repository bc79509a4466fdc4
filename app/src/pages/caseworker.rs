//! The jobcentre caseworker's pages (and the staff sign-in all staff share): find a citizen
//! by CPR number, read what the portal holds about them. Opening the page is the read, and
//! the citizen sees it in "Min historik".
use crate::api::caseworker::{
    get_caseworker_home, get_citizen_case, get_my_lookups, FindCitizen, WriteToCitizen,
};
use crate::components::case_view::CaseDocument;
use crate::components::form::{form_state, ErrorSummary, TextArea, TextField};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::lang::use_lang;
use crate::pages::login::SignInButton;
use crate::{routes, tr};
use jobspor::signin::Provider;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Caseworkers sign in through their organisation's identity provider, with a second
/// factor (the provider's `acr` must say so).
#[component]
pub fn CaseworkerLoginPage() -> impl IntoView {
    view! {
        <Page title=tr!(caseworker.login_title)>
            <h1>{tr!(caseworker.login_title)}</h1>
            <p>{tr!(caseworker.login_intro)}</p>
            <SignInButton provider=Provider::Staff label=tr!(caseworker.login_button)/>
        </Page>
    }
}

#[component]
pub fn CaseworkerHomePage() -> impl IntoView {
    let find = ServerAction::<FindCitizen>::new();
    let state = form_state(find);
    let home = Resource::new(|| (), |_| get_caseworker_home());
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, caseworker.home_title)>
            <ErrorSummary state form_id="find"/>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match home.await {
                        // Another kind of staff's start page: theirs.
                        Ok(h) if h.kind != jobspor::policy::ActorKind::Caseworker => view! { <Redirect path=routes::staff_home(h.kind)/> }.into_any(),
                        Ok(h) => view! {
                            <h1>{h.organisation}</h1>
                            <p>{tr!(in lang, caseworker.logged_in_as, name = h.name)}</p>
                            <h2>{tr!(in lang, caseworker.find_citizen)}</h2>
                            <ActionForm attr:novalidate=true action=find>
                                <TextField state form_id="find" field="cpr" name="cpr" label=tr!(in lang, caseworker.cpr_label) hint=tr!(in lang, caseworker.cpr_hint) inputmode="numeric" autocomplete="off" required=true/>
                                <button type="submit" class="button button-primary">{tr!(in lang, caseworker.find_button)}</button>
                            </ActionForm>
                            <h2>{tr!(in lang, caseworker.search_heading)}</h2>
                            <p>{tr!(in lang, caseworker.search_intro)}</p>
                            <p><a class="button button-secondary" href=routes::CASEWORKER_SEARCH>{tr!(in lang, caseworker.search_link)}</a></p>
                        }.into_any(),
                        Err(e) => on_error(e, Area::Caseworker),
                    }
                })}
            </Suspense>
        </Page>
    }
}

/// The opaque reference in a staff page's address; anything else is one no one holds, and
/// the server answers as for any reference not the reader's.
pub(crate) fn reference_param() -> impl Fn() -> jobspor::CaseReference + Copy + Send + Sync {
    let params = use_params_map();
    move || {
        params.with(|p| {
            p.get("id")
                .and_then(|i| i.parse::<jobspor::CaseReference>().ok())
                .unwrap_or_else(|| jobspor::CaseReference::from_bytes([0; 16]))
        })
    }
}

#[component]
pub fn CitizenCasePage() -> impl IntoView {
    let reference = reference_param();
    let case = Resource::new(reference, get_citizen_case);
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, caseworker.case_title)>
            <p><a class="back-link" href=routes::CASEWORKER_HOME>{tr!(in lang, caseworker.find_another)}</a></p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match case.await {
                        Ok(c) => view! {
                            <h1>{c.name.clone()}</h1>
                            <p>{tr!(in lang, caseworker.citizen_municipality, municipality = c.municipality.clone())}</p>
                            <section aria-labelledby="track">
                                <h2 id="track">{tr!(in lang, track.case_track_heading)}</h2>
                                <ul class="nobullet-list">
                                    <li><a class="function-link" href=routes::caseworker_plan(&reference())>{tr!(in lang, track.case_plan_link)}</a></li>
                                    <li><a class="function-link" href=routes::caseworker_meetings(&reference())>{tr!(in lang, track.case_meetings_link)}</a></li>
                                </ul>
                            </section>
                            <CaseDocument case=c/>
                            <WriteForm reference=reference()/>
                        }.into_any(),
                        Err(e) => on_error(e, Area::Caseworker),
                    }
                })}
            </Suspense>
        </Page>
    }
}

/// "Skriv til borgeren": the message lands in the citizen's Mine beskeder. Without
/// JavaScript the server's redirect back with `besked=sendt` shows the receipt.
#[component]
fn WriteForm(reference: jobspor::CaseReference) -> impl IntoView {
    let action = ServerAction::<WriteToCitizen>::new();
    let state = form_state(action);
    let query = use_query_map();
    let lang = use_lang();
    let sent = move || {
        action.value().with(|v| matches!(v, Some(Ok(()))))
            || query.with(|q| q.get(routes::MESSAGE_PARAM).as_deref() == Some(routes::MESSAGE_SENT))
    };
    view! {
        <section aria-labelledby="write-heading">
            <h2 id="write-heading">{tr!(in lang, caseworker.write_heading)}</h2>
            {move || sent().then(|| view! {
                <div class="alert alert-success" role="status"><div class="alert-body">
                    <p class="alert-text">{tr!(in lang, caseworker.write_sent)}</p>
                </div></div>
            })}
            <p>{tr!(in lang, caseworker.write_intro)}</p>
            <ErrorSummary state form_id="write"/>
            <ActionForm attr:novalidate=true attr:id="write" action=action>
                <input type="hidden" name="reference" value=reference.to_string()/>
                <TextField state form_id="write" field="subject" name="form[subject]" label=tr!(in lang, caseworker.write_subject) maxlength=150 required=true/>
                <TextArea state form_id="write" field="text" name="form[text]" label=tr!(in lang, caseworker.write_text) max=4000 required=true/>
                <button type="submit" class="button button-primary">{tr!(in lang, caseworker.write_button)}</button>
            </ActionForm>
        </section>
    }
}

/// The caseworker's own audit: their lookups by CPR number, hits and misses.
#[component]
pub fn LookupsPage() -> impl IntoView {
    let lookups = Resource::new(|| (), |_| get_my_lookups());
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, caseworker.lookups_title)>
            <h1>{tr!(in lang, caseworker.lookups_title)}</h1>
            <p>{tr!(in lang, caseworker.lookups_intro)}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match lookups.await {
                        Ok(rows) if rows.is_empty() => view! { <p>{tr!(in lang, caseworker.lookups_none)}</p> }.into_any(),
                        Ok(rows) => view! {
                            <table class="table">
                                <caption class="sr-only">{tr!(in lang, caseworker.lookups_title)}</caption>
                                <thead><tr>
                                    <th scope="col">{tr!(in lang, caseworker.lookups_col_when)}</th>
                                    <th scope="col">{tr!(in lang, caseworker.lookups_col_cpr)}</th>
                                    <th scope="col">{tr!(in lang, caseworker.lookups_col_result)}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|r| view! {
                                        <tr>
                                            <td>{r.when}</td>
                                            <td>{r.cpr}</td>
                                            <td>{if r.found { tr!(in lang, caseworker.lookups_found) } else { tr!(in lang, caseworker.lookups_not_found) }}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(e) => on_error(e, Area::Caseworker),
                    }
                })}
            </Suspense>
        </Page>
    }
}
