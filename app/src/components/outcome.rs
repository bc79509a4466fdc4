//! What a page shows when its data could not be loaded: a redirect where the error says
//! where to go (log in, accept terms, finish the profile), otherwise a Danish message.
use crate::routes;
use crate::AppError;
use leptos::prelude::*;
use leptos_router::components::Redirect;

/// The login page for the area a page belongs to.
#[derive(Clone, Copy)]
pub enum Area {
    Citizen,
    Employer,
    Caseworker,
}

pub fn on_error(e: AppError, area: Area) -> AnyView {
    let login = match area {
        Area::Citizen => routes::LOGIN,
        Area::Employer => routes::EMPLOYER_HOME,
        Area::Caseworker => routes::CASEWORKER_LOGIN,
    };
    match e {
        AppError::NotLoggedIn => view! { <Redirect path=login/> }.into_any(),
        AppError::ProfileIncomplete => view! { <Redirect path=routes::PROFILE_SETUP/> }.into_any(),
        AppError::TermsNotAccepted => view! { <Redirect path=routes::EMPLOYER_TERMS/> }.into_any(),
        other => view! {
            <div class="alert alert-error" role="alert">
                <div class="alert-body"><p class="alert-text">{other.message(crate::lang::use_lang())}</p></div>
            </div>
        }
        .into_any(),
    }
}
