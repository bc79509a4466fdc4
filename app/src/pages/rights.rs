//! The citizen's rights that change what is held (issue 26): "Slet dine data" (the CV, or
//! the whole profile, each after a ticked confirmation), "Begræns behandlingen", "Gør
//! indsigelse" with the objections' state, and "Dine samtykker"; support's list of
//! objections. Plain form posts (JavaScript on or off); a refusal comes back to the same
//! page with the error summary and what was typed.
use crate::api::rights::{
    get_deletion_page, get_my_consents, get_my_objections, get_objections, get_restriction,
    DeleteMyCv, DeleteMyProfile, HandleObjection, Object, ObjectionView, SetRestriction,
};
use crate::components::form::{form_state, Checkbox, ErrorSummary};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::lang::use_lang;
use crate::pages::track::form_fields;
use crate::{routes, tr};
use jobspor::form_fields::Fields;
use jobspor::rights::{ObjectionState, CONFIRM_FIELD, HANDLING_FIELDS, OBJECTION_FIELDS};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

const DELETE_CV_FORM: &str = "delete-cv";
const DELETE_PROFILE_FORM: &str = "delete-profile";
const OBJECTION_FORM: &str = "objection";

fn saved_alert(text: &'static str) -> impl IntoView {
    view! {
        <div class="alert alert-success" role="status"><div class="alert-body">
            <p class="alert-text">{text}</p>
        </div></div>
    }
}

fn saved() -> impl Fn() -> bool + Copy {
    let query = use_query_map();
    move || query.with(|q| q.get(routes::SAVED_PARAM).is_some())
}

#[component]
pub fn DeletionPage() -> impl IntoView {
    let delete_cv = ServerAction::<DeleteMyCv>::new();
    let delete_profile = ServerAction::<DeleteMyProfile>::new();
    let cv_state = form_state(delete_cv);
    let profile_state = form_state(delete_profile);
    let page = Resource::new(move || delete_cv.version().get(), |_| get_deletion_page());
    let saved = saved();
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, rights.deletion_title)>
            <p><a class="back-link" href=routes::MY_DATA>{tr!(in lang, rights.back_to_data)}</a></p>
            <ErrorSummary state=cv_state form_id=DELETE_CV_FORM/>
            <ErrorSummary state=profile_state form_id=DELETE_PROFILE_FORM/>
            {move || saved().then(|| saved_alert(tr!(in lang, rights.cv_deleted)))}
            <h1>{tr!(in lang, rights.deletion_title)}</h1>
            <p class="font-lead">{tr!(in lang, rights.deletion_intro)}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(p) => view! {
                            <section aria-labelledby="delete-cv-heading">
                                <h2 id="delete-cv-heading">{tr!(in lang, rights.delete_cv_heading)}</h2>
                                <p>{tr!(in lang, rights.delete_cv_text, count = p.cv_entries.to_string())}</p>
                                <ActionForm attr:novalidate=true attr:id=DELETE_CV_FORM action=delete_cv>
                                    <Checkbox state=cv_state form_id=DELETE_CV_FORM field=CONFIRM_FIELD name="form[confirm]" label=tr!(in lang, rights.delete_cv_confirm)/>
                                    <button type="submit" class="button button-secondary">{tr!(in lang, rights.delete_cv)}</button>
                                </ActionForm>
                            </section>
                            <section aria-labelledby="delete-profile-heading">
                                <h2 id="delete-profile-heading">{tr!(in lang, rights.delete_profile_heading)}</h2>
                                <p>{tr!(in lang, rights.delete_profile_text)}</p>
                                <ul>
                                    <li>{tr!(in lang, rights.delete_profile_goes)}</li>
                                    <li>{tr!(in lang, rights.delete_profile_log)}</li>
                                    <li>{tr!(in lang, rights.delete_profile_jobcentre)}</li>
                                </ul>
                                <ActionForm attr:novalidate=true attr:id=DELETE_PROFILE_FORM action=delete_profile>
                                    <Checkbox state=profile_state form_id=DELETE_PROFILE_FORM field=CONFIRM_FIELD name="form[confirm]" label=tr!(in lang, rights.delete_profile_confirm)/>
                                    <button type="submit" class="button button-primary">{tr!(in lang, rights.delete_profile)}</button>
                                </ActionForm>
                            </section>
                        }.into_any(),
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Suspense>
        </Page>
    }
}

#[component]
pub fn RestrictionPage() -> impl IntoView {
    let set = ServerAction::<SetRestriction>::new();
    let restriction = Resource::new(move || set.version().get(), |_| get_restriction());
    let saved = saved();
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, rights.restriction_title)>
            <p><a class="back-link" href=routes::MY_DATA>{tr!(in lang, rights.back_to_data)}</a></p>
            {move || saved().then(|| saved_alert(tr!(in lang, rights.restriction_saved)))}
            <h1>{tr!(in lang, rights.restriction_title)}</h1>
            <p class="font-lead">{tr!(in lang, rights.restriction_intro)}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match restriction.await {
                        Ok(Some(since)) => view! {
                            <p><strong>{tr!(in lang, rights.restricted_since, at = since)}</strong></p>
                            <p>{tr!(in lang, rights.restricted_means)}</p>
                            <ActionForm action=set>
                                <input type="hidden" name="restrict" value="no"/>
                                <button type="submit" class="button button-primary">{tr!(in lang, rights.lift)}</button>
                            </ActionForm>
                        }.into_any(),
                        Ok(None) => view! {
                            <p><strong>{tr!(in lang, rights.not_restricted)}</strong></p>
                            <p>{tr!(in lang, rights.restrict_means)}</p>
                            <ActionForm action=set>
                                <input type="hidden" name="restrict" value="yes"/>
                                <button type="submit" class="button button-primary">{tr!(in lang, rights.restrict)}</button>
                            </ActionForm>
                        }.into_any(),
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Suspense>
        </Page>
    }
}

/// One objection's facts, for the citizen and for support.
#[component]
fn ObjectionFacts(o: ObjectionView) -> impl IntoView {
    let lang = use_lang();
    view! {
        <dl>
            <dt>{tr!(in lang, rights.objection_about)}</dt><dd>{o.about.clone()}</dd>
            <dt>{tr!(in lang, rights.objection_reason)}</dt><dd>{o.reason.clone()}</dd>
            <dt>{tr!(in lang, rights.objection_received)}</dt><dd>{o.received_at.clone()}</dd>
            <dt>{tr!(in lang, rights.objection_state)}</dt><dd><strong>{o.state.clone()}</strong>
                {o.handled_by.clone().map(|n| format!(" ({n}, {})", o.changed_at))}</dd>
            {o.answer.clone().map(|a| view! {
                <dt>{tr!(in lang, rights.objection_answer)}</dt><dd>{a}</dd>
            })}
        </dl>
    }
}

#[component]
pub fn ObjectionsPage() -> impl IntoView {
    let send = ServerAction::<Object>::new();
    let state = form_state(send);
    let objections = Resource::new(move || send.version().get(), |_| get_my_objections());
    let saved = saved();
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, rights.objections_title)>
            <p><a class="back-link" href=routes::MY_DATA>{tr!(in lang, rights.back_to_data)}</a></p>
            <ErrorSummary state form_id=OBJECTION_FORM/>
            {move || saved().then(|| saved_alert(tr!(in lang, rights.objection_sent)))}
            <h1>{tr!(in lang, rights.objections_title)}</h1>
            <p class="font-lead">{tr!(in lang, rights.objections_intro)}</p>
            <ActionForm attr:novalidate=true attr:id=OBJECTION_FORM action=send>
                {form_fields(state, OBJECTION_FORM, OBJECTION_FIELDS, &Fields::new())}
                <button type="submit" class="button button-primary">{tr!(in lang, rights.send_objection)}</button>
            </ActionForm>
            <h2>{tr!(in lang, rights.your_objections)}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match objections.await {
                        Ok(list) if list.is_empty() => view! { <p>{tr!(in lang, rights.no_objections)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="nobullet-list">
                                {list.into_iter().map(|o| view! { <li class="objection"><ObjectionFacts o/></li> }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Suspense>
        </Page>
    }
}

#[component]
pub fn ConsentsPage() -> impl IntoView {
    let consents = Resource::new(|| (), |_| get_my_consents());
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, rights.consents_title)>
            <p><a class="back-link" href=routes::MY_DATA>{tr!(in lang, rights.back_to_data)}</a></p>
            <h1>{tr!(in lang, rights.consents_title)}</h1>
            <p class="font-lead">{tr!(in lang, rights.consents_intro)}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match consents.await {
                        Ok(c) => view! {
                            <h2>{tr!(in lang, rights.eures_heading)}</h2>
                            {if c.eures.is_empty() {
                                view! { <p>{tr!(in lang, rights.none_given)}</p> }.into_any()
                            } else {
                                view! {
                                    <table class="table">
                                        <caption class="sr-only">{tr!(in lang, rights.eures_heading)}</caption>
                                        <thead><tr>
                                            <th scope="col">{tr!(in lang, rights.col_when)}</th>
                                            <th scope="col">{tr!(in lang, rights.col_what)}</th>
                                            <th scope="col">{tr!(in lang, rights.col_by)}</th>
                                            <th scope="col">{tr!(in lang, rights.col_version)}</th>
                                            <th scope="col">{tr!(in lang, rights.col_scope)}</th>
                                            <th scope="col">{tr!(in lang, rights.col_channel)}</th>
                                        </tr></thead>
                                        <tbody>
                                            {c.eures.into_iter().map(|r| view! {
                                                <tr>
                                                    <td>{r.at}</td><td>{r.action}</td><td>{r.by}</td>
                                                    <td>{r.terms_version}</td><td>{r.hidden}</td><td>{r.channel}</td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                }.into_any()
                            }}
                            <p><a href=routes::EURES>{tr!(in lang, rights.eures_link)}</a></p>
                            <h2>{tr!(in lang, rights.support_heading)}</h2>
                            {if c.support.is_empty() {
                                view! { <p>{tr!(in lang, rights.none_given)}</p> }.into_any()
                            } else {
                                view! {
                                    <table class="table">
                                        <caption class="sr-only">{tr!(in lang, rights.support_heading)}</caption>
                                        <thead><tr>
                                            <th scope="col">{tr!(in lang, rights.col_when)}</th>
                                            <th scope="col">{tr!(in lang, rights.col_scope)}</th>
                                            <th scope="col">{tr!(in lang, rights.col_channel)}</th>
                                            <th scope="col">{tr!(in lang, rights.col_reference)}</th>
                                            <th scope="col">{tr!(in lang, rights.col_ends)}</th>
                                        </tr></thead>
                                        <tbody>
                                            {c.support.into_iter().map(|s| view! {
                                                <tr>
                                                    <td>{s.given_at}</td><td>{s.scope}</td><td>{s.channel}</td>
                                                    <td>{s.reference}</td><td>{s.ends_at}</td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                }.into_any()
                            }}
                        }.into_any(),
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Suspense>
        </Page>
    }
}

const HANDLE_FORM: &str = "handle";

/// Support's list; `behandl=<nr>` opens one objection's form (one form on the page, so
/// its fields' ids are the page's only ones).
#[component]
pub fn SupportObjectionsPage() -> impl IntoView {
    let handle = ServerAction::<HandleObjection>::new();
    let state = form_state(handle);
    let objections = Resource::new(move || handle.version().get(), |_| get_objections());
    let query = use_query_map();
    let chosen = move || {
        state
            .with(|s| s.echo("objection"))
            .or_else(|| query.with(|q| q.get(routes::HANDLE_PARAM)))
    };
    let saved = saved();
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, rights.support_objections_title)>
            <p><a class="back-link" href=routes::SUPPORT_HOME>{tr!(in lang, rights.back_to_support)}</a></p>
            <ErrorSummary state form_id=HANDLE_FORM/>
            {move || saved().then(|| saved_alert(tr!(in lang, rights.objection_handled)))}
            <h1>{tr!(in lang, rights.support_objections_title)}</h1>
            <p class="font-lead">{tr!(in lang, rights.support_objections_intro)}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let chosen = chosen();
                    match objections.await {
                        Ok(list) if list.is_empty() => view! { <p>{tr!(in lang, rights.no_objections)}</p> }.into_any(),
                        Ok(list) => list.into_iter().map(|o| {
                            let id = o.id.to_string();
                            let heading = format!("objection-{id}");
                            let labelled_by = heading.clone();
                            let open = o.state_code != ObjectionState::Answered.code();
                            let editing = open && chosen.as_deref() == Some(id.as_str());
                            let mut values = Fields::new();
                            values.insert("state".into(), o.state_code.clone());
                            view! {
                                <section class="objection" aria-labelledby=labelled_by>
                                    <h2 class="h3" id=heading>{tr!(in lang, rights.objection_number, id = id.clone())}</h2>
                                    <ObjectionFacts o/>
                                    {if editing {
                                        view! {
                                            <ActionForm attr:novalidate=true attr:id=HANDLE_FORM action=handle>
                                                <input type="hidden" name="form[objection]" value=id.clone()/>
                                                {form_fields(state, HANDLE_FORM, HANDLING_FIELDS, &values)}
                                                <button type="submit" class="button button-primary">{tr!(in lang, rights.save_handling)}</button>
                                            </ActionForm>
                                        }.into_any()
                                    } else if open {
                                        view! {
                                            <p><a class="button button-secondary" href=routes::support_objection(&id)>{tr!(in lang, rights.handle, id = id.clone())}</a></p>
                                        }.into_any()
                                    } else {
                                        ().into_any()
                                    }}
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
