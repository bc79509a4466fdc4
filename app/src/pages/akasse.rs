//! An a-kasse caseworker's pages: find a member by CPR number, read what the a-kasse may
//! see of them (`policy::staff_sees`).
use crate::api::akasse::{get_member_case, FindMember};
use crate::api::caseworker::get_caseworker_home;
use crate::components::case_view::CaseDocument;
use crate::components::form::{form_state, ErrorSummary, TextField};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::lang::use_lang;
use crate::pages::caseworker::reference_param;
use crate::{routes, tr};
use leptos::prelude::*;
use leptos_router::components::Redirect;

#[component]
pub fn AKasseHomePage() -> impl IntoView {
    let find = ServerAction::<FindMember>::new();
    let state = form_state(find);
    let home = Resource::new(|| (), |_| get_caseworker_home());
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, akasse.home_title)>
            <ErrorSummary state form_id="find"/>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match home.await {
                        // Another kind of staff's start page: theirs.
                        Ok(h) if h.kind != jobspor::policy::ActorKind::AKasseCaseworker => view! { <Redirect path=routes::staff_home(h.kind)/> }.into_any(),
                        Ok(h) => view! {
                            <h1>{h.organisation}</h1>
                            <p>{tr!(in lang, caseworker.logged_in_as, name = h.name)}</p>
                            <h2>{tr!(in lang, akasse.find_member)}</h2>
                            <p>{tr!(in lang, akasse.find_intro)}</p>
                            <ActionForm attr:novalidate=true action=find>
                                <TextField state form_id="find" field="cpr" name="cpr" label=tr!(in lang, akasse.cpr_label) hint=tr!(in lang, caseworker.cpr_hint) inputmode="numeric" autocomplete="off" required=true/>
                                <button type="submit" class="button button-primary">{tr!(in lang, akasse.find_button)}</button>
                            </ActionForm>
                        }.into_any(),
                        Err(e) => on_error(e, Area::Caseworker),
                    }
                })}
            </Suspense>
        </Page>
    }
}

#[component]
pub fn MemberCasePage() -> impl IntoView {
    let case = Resource::new(reference_param(), get_member_case);
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, akasse.case_title)>
            <p><a class="back-link" href=routes::AKASSE_HOME>{tr!(in lang, akasse.find_another)}</a></p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match case.await {
                        Ok(c) => view! {
                            <h1>{c.name.clone()}</h1>
                            <p>{tr!(in lang, akasse.what_you_see)}</p>
                            <CaseDocument case=c/>
                        }.into_any(),
                        Err(e) => on_error(e, Area::Caseworker),
                    }
                })}
            </Suspense>
        </Page>
    }
}
