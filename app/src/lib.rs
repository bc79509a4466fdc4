//! Jobspor's web app: pages, components and server functions. Built twice by cargo-leptos:
//! with `ssr` into the server, with `hydrate` into the browser's wasm.
#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod error;
pub mod lang;
pub mod pages;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use error::AppError;

// The translation files as code (`build.rs`): `i18n::Locale`, `td_string!`.
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// The HTML document around the app. The pages are rendered on the server only; a page with
/// islands (`routes::has_islands`) loads the wasm that hydrates them, any other page loads
/// no script at all.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let islands = current_path().is_some_and(|p| routes::has_islands(&p));
    let lang = lang::current();
    provide_context(lang);
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                // The site's one stylesheet (style/jobspor.css), by its hashed name.
                <HashedStylesheet id="leptos" options=options.clone()/>
                {preloaded_fonts(&options)
                    .iter()
                    .map(|href| {
                        view! {
                            <link
                                rel="preload"
                                href=href.clone()
                                r#as="font"
                                r#type="font/woff2"
                                crossorigin="anonymous"
                            />
                        }
                    })
                    .collect_view()}
                <link rel="icon" type="image/svg+xml" href="/favicon.svg"/>
                <AutoReload options=options.clone()/>
                {islands.then(|| view! { <HydrationScripts options islands=true/> })}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The fonts to preload (`ssr::fonts`; the shell is never rendered in the browser).
fn preloaded_fonts(options: &LeptosOptions) -> &'static [String] {
    #[cfg(feature = "ssr")]
    {
        ssr::fonts::preloaded(&options.site_root)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = options;
        &[]
    }
}

/// The path of the page being rendered (on the server; the shell is never rendered in the
/// browser).
fn current_path() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>().map(|p| p.uri.path().to_string())
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// The Content-Security-Policy of a page: scripts only from this origin or inline with this
/// response's nonce (Leptos puts it on its hydration and resource scripts), wasm allowed.
///
/// `form_targets` are the origins a form may lead to besides the site: the identity
/// providers, as the sign-in form's answer redirects there (browsers apply `form-action`
/// to a form's redirects too).
pub fn content_security_policy(nonce: &str, form_targets: &[String]) -> String {
    let targets: String = form_targets.iter().map(|o| format!(" {o}")).collect();
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; \
         form-action 'self'{targets}; base-uri 'self'; object-src 'none'"
    )
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    #[cfg(feature = "ssr")]
    if let (Some(nonce), Some(res)) = (use_nonce(), use_context::<leptos_axum::ResponseOptions>()) {
        let providers = use_context::<ssr::state::AppState>()
            .map(|s| s.oidc.settings().origins())
            .unwrap_or_default();
        if let Ok(v) = http::HeaderValue::from_str(&content_security_policy(&nonce, &providers)) {
            res.insert_header(http::header::CONTENT_SECURITY_POLICY, v);
        }
    }
    // Every route renders completely before the response is sent (SsrMode::Async): the page
    // must work with JavaScript off, and redirects must become real HTTP redirects.
    view! {
        <Router>
            <Routes fallback=pages::not_found::NotFound>
                <Route path=path!("/") view=pages::home::Home ssr=SsrMode::Async/>
                <Route path=path!("/privatliv") view=pages::privacy::Privacy ssr=SsrMode::Async/>
                <Route path=path!("/log-ind") view=pages::login::Login ssr=SsrMode::Async/>
                <Route path=path!("/log-ind/afvist") view=pages::login::SignInRefused ssr=SsrMode::Async/>
                <Route path=path!("/borger") view=pages::citizen_home::CitizenHome ssr=SsrMode::Async/>
                <Route path=path!("/borger/opret-profil") view=pages::profile_setup::ProfileSetup ssr=SsrMode::Async/>
                <Route path=path!("/borger/cv") view=pages::cv::MyCv ssr=SsrMode::Async/>
                <Route path=path!("/borger/cv/som-arbejdsgiver") view=pages::cv_view::CvPreview ssr=SsrMode::Async/>
                <Route path=path!("/borger/cv/udskriv") view=pages::cv_view::CvPrint ssr=SsrMode::Async/>
                <Route path=path!("/borger/cv/afsnit/:section") view=pages::cv_section::CvSectionPage ssr=SsrMode::Async/>
                <Route path=path!("/borger/cv/eures") view=pages::eures::EuresPage ssr=SsrMode::Async/>
                <Route path=path!("/borger/cv/eures/som-eures-ser-det") view=pages::eures::EuresPreviewPage ssr=SsrMode::Async/>
                <Route path=path!("/borger/eures-samtykke-for-dit-barn") view=pages::eures::EuresGuardianPage ssr=SsrMode::Async/>
                <Route path=path!("/borger/jobsoegende") view=pages::jobseeker::JobseekerRegistration ssr=SsrMode::Async/>
                <Route path=path!("/borger/forberedelse") view=pages::jobseeker::QuestionnaireOverview ssr=SsrMode::Async/>
                <Route path=path!("/borger/forberedelse/:step") view=pages::jobseeker::QuestionnaireStepPage ssr=SsrMode::Async/>
                <Route path=path!("/borger/historik") view=pages::history::History ssr=SsrMode::Async/>
                <Route path=path!("/borger/sikkerhed") view=pages::security::Security ssr=SsrMode::Async/>
                <Route path=path!("/borger/kontaktoplysninger") view=pages::contact::ContactDetailsPage ssr=SsrMode::Async/>
                <Route path=path!("/borger/mine-data") view=pages::contact::MyDataPage ssr=SsrMode::Async/>
                <Route path=path!("/borger/slet") view=pages::rights::DeletionPage ssr=SsrMode::Async/>
                <Route path=path!("/borger/begraensning") view=pages::rights::RestrictionPage ssr=SsrMode::Async/>
                <Route path=path!("/borger/indsigelser") view=pages::rights::ObjectionsPage ssr=SsrMode::Async/>
                <Route path=path!("/borger/samtykker") view=pages::rights::ConsentsPage ssr=SsrMode::Async/>
                <Route path=path!("/borger/joblog") view=pages::track::JoblogPage ssr=SsrMode::Async/>
                <Route path=path!("/borger/joblog/ansoegning") view=pages::track::JoblogApplicationPage ssr=SsrMode::Async/>
                <Route path=path!("/borger/joblog/aktivitet") view=pages::track::JoblogActivityPage ssr=SsrMode::Async/>
                <Route path=path!("/borger/plan") view=pages::track::PlanPage ssr=SsrMode::Async/>
                <Route path=path!("/borger/moeder") view=pages::track::MeetingsPage ssr=SsrMode::Async/>
                <Route path=path!("/borger/fravaer") view=pages::cv_section::AbsencePage ssr=SsrMode::Async/>
                <Route path=path!("/sagsbehandler/plan/:id") view=pages::caseworker_track::CasePlanPage ssr=SsrMode::Async/>
                <Route path=path!("/sagsbehandler/moeder/:id") view=pages::caseworker_track::CaseMeetingsPage ssr=SsrMode::Async/>
                <Route path=path!("/sagsbehandler/tider") view=pages::caseworker_track::SlotsPage ssr=SsrMode::Async/>
                <Route path=path!("/sagsbehandler") view=pages::caseworker::CaseworkerHomePage ssr=SsrMode::Async/>
                <Route path=path!("/sagsbehandler/log-ind") view=pages::caseworker::CaseworkerLoginPage ssr=SsrMode::Async/>
                <Route path=path!("/sagsbehandler/borger/:id") view=pages::caseworker::CitizenCasePage ssr=SsrMode::Async/>
                <Route path=path!("/borger/beskeder") view=pages::messages::MessagesPage ssr=SsrMode::Async/>
                <Route path=path!("/sagsbehandler/opslag") view=pages::caseworker::LookupsPage ssr=SsrMode::Async/>
                <Route path=path!("/sagsbehandler/cv-soegning") view=pages::search::CaseworkerSearch ssr=SsrMode::Async/>
                <Route path=path!("/sagsbehandler/cv/:id") view=pages::cv_view::CaseworkerCv ssr=SsrMode::Async/>
                <Route path=path!("/a-kasse") view=pages::akasse::AKasseHomePage ssr=SsrMode::Async/>
                <Route path=path!("/a-kasse/medlem/:id") view=pages::akasse::MemberCasePage ssr=SsrMode::Async/>
                <Route path=path!("/support") view=pages::support::SupportHomePage ssr=SsrMode::Async/>
                <Route path=path!("/support/borger/:id") view=pages::support::SupportCasePage ssr=SsrMode::Async/>
                <Route path=path!("/support/kontaktanmodninger") view=pages::support::ContactRequestsPage ssr=SsrMode::Async/>
                <Route path=path!("/support/indsigelser") view=pages::rights::SupportObjectionsPage ssr=SsrMode::Async/>
                <Route path=path!("/arbejdsgiver") view=pages::employer_home::EmployerHome ssr=SsrMode::Async/>
                <Route path=path!("/arbejdsgiver/vilkaar") view=pages::terms::Terms ssr=SsrMode::Async/>
                <Route path=path!("/arbejdsgiver/soeg") view=pages::search::Search ssr=SsrMode::Async/>
                <Route path=path!("/arbejdsgiver/cv/:id") view=pages::cv_view::EmployerCv ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}
