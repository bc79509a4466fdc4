//! A CV as an employer sees it: built by the policy's `employer_view`, so it holds no CPR
//! number and no protected address.
use crate::api::employer::{open_cv, RequestContact};
use crate::components::cv_entry::CvDocument;
use crate::components::form::{form_state, ErrorSummary, TextArea};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::routes;
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
    view! {
        {if name_as_h1 { view! { <h1>{name}</h1> }.into_any() } else { view! { <h2>{name}</h2> }.into_any() }}
        <section aria-labelledby="contact-details">
            <h2 id="contact-details">"Kontaktoplysninger"</h2>
            <dl class="register-data">
                {v.address.clone().map(|a| view! {
                    <dt>"Adresse"</dt>
                    <dd>
                        {a.street}{a.co_address.map(|c| format!(", {c}"))}<br/>
                        {a.postcode} " " {a.city} ", " {a.country}
                    </dd>
                })}
                {(!v.contact_hidden).then(|| view! {
                    <dt>"Telefon"</dt><dd>{v.phone.clone().unwrap_or_else(|| "Ikke oplyst".into())}</dd>
                    <dt>"E-mail"</dt><dd>{v.email.clone().unwrap_or_else(|| "Ikke oplyst".into())}</dd>
                })}
            </dl>
            {v.contact_hidden.then(|| view! {
                <p>"Borgeren har valgt ikke at vise telefonnummer og e-mail. Du kan kontakte borgeren gennem Jobspors support: skriv en besked, så sender supporten den videre til borgeren."</p>
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
    let sent = move || {
        action.value().with(|v| matches!(v, Some(Ok(()))))
            || query.with(|q| q.get(routes::MESSAGE_PARAM).as_deref() == Some(routes::MESSAGE_SENT))
    };
    view! {
        {move || if sent() {
            view! {
                <div class="alert alert-success" role="status"><div class="alert-body">
                    <p class="alert-text">"Tak. Din besked er sendt til supporten, som giver den videre til borgeren."</p>
                </div></div>
            }.into_any()
        } else {
            view! {
                <ErrorSummary state form_id="contact"/>
                <ActionForm attr:novalidate=true attr:id="contact" action=action>
                    <input type="hidden" name="cv_id" value=cv_id.to_string()/>
                    <TextArea state form_id="contact" field="message" name="message" label="Besked til borgeren" max=2000 required=true/>
                    <button type="submit" class="button button-secondary">"Send beskeden til supporten"</button>
                </ActionForm>
            }.into_any()
        }}
    }
}

#[component]
pub fn EmployerCv() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params.with(|p| {
            p.get("id")
                .and_then(|s| s.parse::<jobspor::CvId>().ok())
                .unwrap_or(jobspor::CvId::new(0))
        })
    };
    let cv = Resource::new(id, open_cv);
    view! {
        <Page title="CV">
            <p><a class="back-link" href="javascript:history.back()">"Tilbage til søgningen"</a></p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match cv.await {
                        Ok(v) => view! { <CvAsEmployerSees v contact_form=true/> }.into_any(),
                        Err(e) => on_error(e, Area::Employer),
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
    view! {
        <Page title="Dit CV som en arbejdsgiver ser det">
            <p><a class="back-link" href=routes::MY_CV>"Tilbage til Mit CV"</a></p>
            <h1>"Dit CV som en arbejdsgiver ser det"</h1>
            <div class="alert alert-info"><div class="alert-body"><p class="alert-text">
                "Sådan ser arbejdsgivere dit CV, når det er søgbart. Dit CPR-nummer, en beskyttet adresse, dine særlige hensyn og dit fravær vises aldrig for arbejdsgivere."
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
    view! {
        <Page title="Udskriv dit CV">
            <p class="no-print"><a class="back-link" href=routes::MY_CV>"Tilbage til Mit CV"</a></p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match cv.await {
                        Ok(v) => view! {
                            <article class="cv-print">
                                <h1>{v.name.clone()}</h1>
                                <p class="form-hint">"CV fra Jobspor, senest ændret " {v.updated.clone()}</p>
                                <p class="no-print form-hint">"Udskriv siden med din browsers udskriftsfunktion (Ctrl+P). Kun dit CV kommer med på papiret."</p>
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
