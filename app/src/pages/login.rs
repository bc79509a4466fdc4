use crate::api::auth::CitizenLogin;
use crate::components::form::{form_state, ErrorSummary, TextField};
use crate::components::layout::Page;
use crate::{routes, tr};
use jobspor::signin::{Provider, SignInRefusal};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

/// Starts a sign-in with `provider`: a plain form posted to the server, which sends the
/// browser on to the provider (the same with JavaScript off). A POST, not a link, so that
/// another site cannot start a sign-in in the person's browser.
#[component]
pub fn SignInButton(provider: Provider, #[prop(into)] label: String) -> impl IntoView {
    view! {
        <form method="post" action=crate::api::signin::StartSignIn::url() class="sign-in">
            <input type="hidden" name="provider" value=provider.slug()/>
            <button type="submit" class="button button-primary">{label}</button>
        </form>
    }
}

/// Why a sign-in was refused, from the refusal's code in the address; and the ways back in.
#[component]
pub fn SignInRefused() -> impl IntoView {
    let lang = crate::lang::use_lang();
    let query = use_query_map();
    let refusal = move || {
        query
            .read()
            .get(routes::REFUSAL_PARAM)
            .and_then(|c| SignInRefusal::parse(&c))
            .unwrap_or(SignInRefusal::Invalid)
    };
    view! {
        <Page title=tr!(login.refused_title)>
            <h1>{tr!(login.refused_heading)}</h1>
            <div class="alert alert-error" role="alert"><div class="alert-body">
                <p class="alert-text">{move || refusal().text(lang)}</p>
            </div></div>
            <ul class="nobullet-list">
                <li><a href=routes::LOGIN>{tr!(login.log_in_as_citizen)}</a></li>
                <li><a href=routes::EMPLOYER_HOME>{tr!(login.log_in_as_employer)}</a></li>
                <li><a href=routes::CASEWORKER_LOGIN>{tr!(login.log_in_as_caseworker)}</a></li>
            </ul>
        </Page>
    }
}

#[component]
pub fn Login() -> impl IntoView {
    let action = ServerAction::<CitizenLogin>::new();
    let state = form_state(action);
    view! {
        <Page title=tr!(common.log_in)>
            <ErrorSummary state form_id="login"/>
            <h1>{tr!(login.log_in_as_citizen)}</h1>
            <div class="row">
                <section class="col-12 col-md-6" aria-labelledby="mitid">
                    <h2 id="mitid">{tr!(login.mitid_heading)}</h2>
                    <p>{tr!(login.mitid_text)}</p>
                    <SignInButton provider=Provider::MitId label=tr!(login.mitid_button)/>
                    <p class="form-hint">{tr!(login.mitid_demo)}</p>
                </section>
                <section class="col-12 col-md-6" aria-labelledby="password">
                    <h2 id="password">{tr!(login.password_heading)}</h2>
                    <ActionForm attr:novalidate=true action>
                        <TextField state form_id="login" field="username" name="username" label=tr!(login.username) autocomplete="username" required=true/>
                        <TextField state form_id="login" field="password" name="password" label=tr!(login.password) kind="password" autocomplete="current-password" required=true secret=true/>
                        <button type="submit" class="button button-primary">{tr!(common.log_in)}</button>
                    </ActionForm>
                </section>
            </div>
        </Page>
    }
}
