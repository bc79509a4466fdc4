//! A CV as an employer sees it: built by the policy's `employer_view`, so it holds no CPR
//! number and no protected address.
use crate::api::caseworker::caseworker_open_cv;
use crate::api::employer::{open_cv, RequestContact};
use crate::components::cv_entry::CvDocument;
use crate::components::form::{form_state, ErrorSummary, TextArea};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::lang::use_lang;
use crate::pages::search::SearchSite;
use crate::{routes, tr};
use jobspor::policy::EmployerCvView;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// A CV as the policy's `EmployerCvView` holds it: the employer's page and the citizen's
/// preview render this one component, so the preview cannot drift from the real thing.
#[component]
pub fn CvAsEmployerSees(
    v: EmployerCvView,
    #[prop(default = true)] name_as_h1: bool,
    /// Offer the employer the request to support (not in the citizen's preview).
    #[prop(default = false)]
    contact_form: bool,
) -> impl IntoView {
    let name = v.name.clone();
    let lang = use_lang();
    view! {
        {if name_as_h1 { view! { <h1>{name}</h1> }.into_any() } else { view! { <h2>{name}</h2> }.into_any() }}
        <section aria-labelledby="contact-details">
            <h2 id="contact-details">{tr!(in lang, cv_view.contact_heading)}</h2>
            <dl class="register-data">
                {v.address.clone().map(|a| view! {
                    <dt>{tr!(in lang, cv_view.address)}</dt>
                    <dd>
                        {a.street}{a.co_address.map(|c| format!(", {c}"))}<br/>
                        {a.postcode} " " {a.city} ", " {a.country}
                    </dd>
                })}
                {(!v.contact_hidden).then(|| view! {
                    <dt>{tr!(in lang, cv_view.phone)}</dt><dd>{v.phone.clone().unwrap_or_else(|| tr!(in lang, cv_view.not_given).into())}</dd>
                    <dt>{tr!(in lang, cv_view.email)}</dt><dd>{v.email.clone().unwrap_or_else(|| tr!(in lang, cv_view.not_given).into())}</dd>
                })}
            </dl>
            {v.contact_hidden.then(|| view! {
                <p>{tr!(in lang, cv_view.contact_hidden)}</p>
                {contact_form.then(|| view! { <ContactRequestForm cv_id=v.cv_id/> })}
            })}
        </section>
        <CvDocument entries=v.entries/>
    }
}

/// "Kontakt borgeren gennem support": the message is queued for support to pass on. Without
/// JavaScript the server's redirect back with `besked=sendt` shows the receipt.
#[component]
fn ContactRequestForm(cv_id: jobspor::CvId) -> impl IntoView {
    let action = ServerAction::<RequestContact>::new();
    let state = form_state(action);
    let query = use_query_map();
    let lang = use_lang();
    let sent = move || {
        action.value().with(|v| matches!(v, Some(Ok(()))))
            || query.with(|q| q.get(routes::MESSAGE_PARAM).as_deref() == Some(routes::MESSAGE_SENT))
    };
    view! {
        {move || if sent() {
            view! {
                <div class="alert alert-success" role="status"><div class="alert-body">
                    <p class="alert-text">{tr!(in lang, cv_view.message_sent)}</p>
                </div></div>
            }.into_any()
        } else {
            view! {
                <ErrorSummary state form_id="contact"/>
                <ActionForm attr:novalidate=true attr:id="contact" action=action>
                    <input type="hidden" name="cv_id" value=cv_id.to_string()/>
                    <TextArea state form_id="contact" field="message" name="message" label=tr!(in lang, cv_view.message_label) max=2000 required=true/>
                    <button type="submit" class="button button-secondary">{tr!(in lang, cv_view.send_message)}</button>
                </ActionForm>
            }.into_any()
        }}
    }
}

/// An employer's page of a CV found in the search, with the request to support.
#[component]
pub fn EmployerCv() -> impl IntoView {
    view! { <OpenedCv site=SearchSite::Employer/> }
}

/// A CV a jobcentre caseworker opened from the search across municipalities: what employers
/// see (`policy::employer_view`), without the request to support.
#[component]
pub fn CaseworkerCv() -> impl IntoView {
    view! { <OpenedCv site=SearchSite::Caseworker/> }
}

/// A CV opened from the search of `site`; opening it is recorded for the citizen.
#[component]
fn OpenedCv(site: SearchSite) -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params.with(|p| {
            p.get("id")
                .and_then(|s| s.parse::<jobspor::CvId>().ok())
                .unwrap_or(jobspor::CvId::new(0))
        })
    };
    let cv = Resource::new(id, move |id| async move {
        match site {
            SearchSite::Employer => open_cv(id).await,
            SearchSite::Caseworker => caseworker_open_cv(id).await,
        }
    });
    let lang = use_lang();
    view! {
        <Page title="CV">
            <p><a class="back-link" href="javascript:history.back()">{tr!(in lang, cv_view.back_to_search)}</a></p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match cv.await {
                        Ok(v) => view! { <CvAsEmployerSees v contact_form={site == SearchSite::Employer}/> }.into_any(),
                        Err(e) => on_error(e, site.area()),
                    }
                })}
            </Suspense>
        </Page>
    }
}

/// "Se dit CV som en arbejdsgiver ser det".
#[component]
pub fn CvPreview() -> impl IntoView {
    let cv = Resource::new(|| (), |_| crate::api::cv::preview_my_cv());
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, cv_view.preview_title)>
            <p><a class="back-link" href=routes::MY_CV>{tr!(in lang, cv_view.back_to_cv)}</a></p>
            <h1>{tr!(in lang, cv_view.preview_title)}</h1>
            <div class="alert alert-info"><div class="alert-body"><p class="alert-text">
                {tr!(in lang, cv_view.preview_info)}
            </p></div></div>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match cv.await {
                        Ok(v) => view! { <CvAsEmployerSees v name_as_h1=false/> }.into_any(),
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Suspense>
        </Page>
    }
}

/// A print-friendly CV (the print stylesheet hides the page frame): everything the citizen
/// wrote, hidden sections included, since the citizen prints it for themself.
#[component]
pub fn CvPrint() -> impl IntoView {
    let cv = Resource::new(|| (), |_| crate::api::cv::get_my_cv());
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, cv_view.print_title)>
            <p class="no-print"><a class="back-link" href=routes::MY_CV>{tr!(in lang, cv_view.back_to_cv)}</a></p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match cv.await {
                        Ok(v) => view! {
                            <article class="cv-print">
                                <h1>{v.name.clone()}</h1>
                                <p class="form-hint">{tr!(in lang, cv_view.print_meta, at = v.updated.clone())}</p>
                                <p class="no-print form-hint">{tr!(in lang, cv_view.print_help)}</p>
                                <CvDocument entries=v.entries.into_iter().map(|(_, e)| e).collect()/>
                            </article>
                        }.into_any(),
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Suspense>
        </Page>
    }
}
