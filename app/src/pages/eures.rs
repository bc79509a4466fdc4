//! The CV on EURES (issue 24): the consent page with the terms, what to hide and the
//! receipts; "Se dit CV som EURES ser det"; a parent's or guardian's consent for a minor.
use crate::api::eures::{
    get_eures_page, get_eures_preview, get_eures_wards, EuresGuardianConsent, GiveEuresConsent,
    WithdrawEuresConsent,
};
use crate::components::fields_view::field_view;
use crate::components::form::{form_state, ErrorSummary};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::lang::use_lang;
use crate::{routes, tr};
use jobspor::form_fields::Fields;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn saved() -> impl Fn() -> bool + Copy {
    let query = use_query_map();
    move || query.with(|q| q.get(routes::SAVED_PARAM).is_some())
}

/// The seed's terms, folded, with their version.
#[component]
fn Terms(lang: jobspor::Lang) -> impl IntoView {
    use jobspor::eures::consent::{TERMS_DA, TERMS_VERSION};
    view! {
        <details class="eures-terms">
            <summary>{tr!(in lang, eures.terms_summary, version = TERMS_VERSION)}</summary>
            <div class="eures-terms-text">
                {TERMS_DA.split("\n\n").map(|para| view! { <p>{para.trim().to_string()}</p> }).collect_view()}
            </div>
        </details>
    }
}

#[component]
pub fn EuresPage() -> impl IntoView {
    let give = ServerAction::<GiveEuresConsent>::new();
    let withdraw = ServerAction::<WithdrawEuresConsent>::new();
    let state = form_state(give);
    let page = Resource::new(
        move || (give.version().get(), withdraw.version().get()),
        |_| get_eures_page(),
    );
    let lang = use_lang();
    let saved = saved();
    view! {
        <Page title=tr!(in lang, eures.title)>
            <p><a class="back-link" href=routes::MY_CV>{tr!(in lang, eures.back_to_cv)}</a></p>
            <ErrorSummary state form_id="eures"/>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(p) => {
                            // After a refusal, what was ticked; else what is hidden now.
                            let echo: Fields = state.get_untracked().echo.into_iter().collect();
                            let values = if echo.is_empty() { p.values.clone() } else { echo };
                            view! {
                                {saved().then(|| view! {
                                    <div class="alert alert-success" role="status">
                                        <div class="alert-body"><p class="alert-text">{tr!(in lang, eures.saved)}</p></div>
                                    </div>
                                })}
                                <h1>{tr!(in lang, eures.title)}</h1>
                                <p class="font-lead">{p.state.clone()}</p>
                                <p><a href=routes::EURES_PREVIEW>{tr!(in lang, eures.preview_link)}</a></p>
                                <h2>{tr!(in lang, eures.what_heading)}</h2>
                                <p>{tr!(in lang, eures.what_text)}</p>
                                <Terms lang/>
                                <h2 id="eures-form-heading">{if p.consenting { tr!(in lang, eures.change_heading) } else { tr!(in lang, eures.consent_heading) }}</h2>
                                {p.is_minor.then(|| view! { <p>{tr!(in lang, eures.minor_note)}</p> })}
                                <ActionForm attr:novalidate=true attr:id="eures" action=give>
                                    {jobspor::eures::consent::FIELDS.iter().map(|spec| field_view(state, "eures", *spec, &values)).collect_view()}
                                    <button type="submit" class="button button-primary">
                                        {if p.consenting { tr!(in lang, eures.change_button) } else { tr!(in lang, eures.consent_button) }}
                                    </button>
                                </ActionForm>
                                {p.consenting.then(|| view! {
                                    <h2>{tr!(in lang, eures.withdraw_heading)}</h2>
                                    <p>{tr!(in lang, eures.withdraw_text)}</p>
                                    <ActionForm action=withdraw>
                                        <button type="submit" class="button button-secondary">{tr!(in lang, eures.withdraw_button)}</button>
                                    </ActionForm>
                                })}
                                <h2>{tr!(in lang, eures.receipts_heading)}</h2>
                                {if p.receipts.is_empty() {
                                    view! { <p>{tr!(in lang, eures.receipts_none)}</p> }.into_any()
                                } else {
                                    view! {
                                        <div class="table--responsive-scroll">
                                            <table class="table table--compact">
                                                <caption class="sr-only">{tr!(in lang, eures.receipts_heading)}</caption>
                                                <thead><tr>
                                                    <th scope="col">{tr!(in lang, eures.col_when)}</th>
                                                    <th scope="col">{tr!(in lang, eures.col_what)}</th>
                                                    <th scope="col">{tr!(in lang, eures.col_by)}</th>
                                                    <th scope="col">{tr!(in lang, eures.col_hidden)}</th>
                                                    <th scope="col">{tr!(in lang, eures.col_terms)}</th>
                                                    <th scope="col">{tr!(in lang, eures.col_how)}</th>
                                                </tr></thead>
                                                <tbody>
                                                    {p.receipts.into_iter().map(|r| view! {
                                                        <tr>
                                                            <td>{r.at}</td>
                                                            <td>{r.action}</td>
                                                            <td>{r.by}</td>
                                                            <td>{r.hidden}</td>
                                                            <td>{r.terms_version}</td>
                                                            <td>{r.channel}</td>
                                                        </tr>
                                                    }).collect_view()}
                                                </tbody>
                                            </table>
                                        </div>
                                    }.into_any()
                                }}
                            }.into_any()
                        }
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Suspense>
        </Page>
    }
}

#[component]
pub fn EuresPreviewPage() -> impl IntoView {
    let preview = Resource::new(|| (), |_| get_eures_preview());
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, eures.preview_title)>
            <p><a class="back-link" href=routes::EURES>{tr!(in lang, eures.back)}</a></p>
            <h1>{tr!(in lang, eures.preview_title)}</h1>
            <p>{tr!(in lang, eures.preview_intro)}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match preview.await {
                        Ok(p) => view! {
                            <div class="table--responsive-scroll">
                                <table class="table eures-preview">
                                    <caption class="sr-only">{tr!(in lang, eures.preview_title)}</caption>
                                    <thead><tr>
                                        <th scope="col">{tr!(in lang, eures.col_field)}</th>
                                        <th scope="col">{tr!(in lang, eures.col_value)}</th>
                                        <th scope="col">{tr!(in lang, eures.col_status)}</th>
                                    </tr></thead>
                                    <tbody>
                                        {p.rows.into_iter().map(|r| view! {
                                            <tr class=r.class>
                                                <th scope="row">{r.label}</th>
                                                <td>{r.value}</td>
                                                <td>{r.status}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <h2>{tr!(in lang, eures.never_heading)}</h2>
                            {if p.never_sent.is_empty() {
                                view! { <p>{tr!(in lang, eures.never_none)}</p> }.into_any()
                            } else {
                                view! {
                                    <ul>
                                        {p.never_sent.into_iter().map(|(section, why)| view! {
                                            <li><strong>{section}</strong>": "{why}</li>
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                            <p>{tr!(in lang, eures.never_always)}</p>
                        }.into_any(),
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Suspense>
        </Page>
    }
}

#[component]
pub fn EuresGuardianPage() -> impl IntoView {
    let act = ServerAction::<EuresGuardianConsent>::new();
    let wards = Resource::new(move || act.version().get(), |_| get_eures_wards());
    let lang = use_lang();
    let saved = saved();
    view! {
        <Page title=tr!(in lang, eures.guardian_title)>
            <h1>{tr!(in lang, eures.guardian_title)}</h1>
            <p>{tr!(in lang, eures.guardian_intro)}</p>
            {move || saved().then(|| view! {
                <div class="alert alert-success" role="status">
                    <div class="alert-body"><p class="alert-text">{tr!(in lang, eures.saved)}</p></div>
                </div>
            })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match wards.await {
                        Ok(list) if list.is_empty() => view! { <p>{tr!(in lang, eures.guardian_none)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="nobullet-list">
                                {list.into_iter().map(|w| {
                                    let heading = format!("ward-{}", w.id);
                                    let labelled_by = heading.clone();
                                    let state = match (w.asked, w.guardian_consented) {
                                        (_, true) => tr!(in lang, eures.guardian_given, name = w.name.clone()),
                                        (true, false) => tr!(in lang, eures.guardian_asked, name = w.name.clone()),
                                        (false, false) => tr!(in lang, eures.guardian_not_asked, name = w.name.clone()),
                                    };
                                    view! {
                                        <li>
                                            <section aria-labelledby=labelled_by>
                                                <h2 class="h3" id=heading>{w.name.clone()}</h2>
                                                <p>{state}</p>
                                                <ActionForm action=act>
                                                    <input type="hidden" name="ward" value=w.id.to_string()/>
                                                    <input type="hidden" name="give" value=(!w.guardian_consented).to_string()/>
                                                    {if w.guardian_consented {
                                                        view! { <button type="submit" class="button button-secondary">{tr!(in lang, eures.guardian_withdraw_button)}</button> }.into_any()
                                                    } else {
                                                        view! { <button type="submit" class="button button-primary">{tr!(in lang, eures.guardian_give_button, name = w.name.clone())}</button> }.into_any()
                                                    }}
                                                </ActionForm>
                                            </section>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            <Terms lang/>
                        }.into_any(),
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Suspense>
        </Page>
    }
}
