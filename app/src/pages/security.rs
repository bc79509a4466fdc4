//! "Adgangskode og log-ind": the citizen changes their password and logs out their other
//! sessions. Both are plain forms; the server answers with a redirect back here carrying
//! what happened (`routes::PASSWORD_CHANGED_PARAM`, `routes::SESSIONS_ENDED_PARAM`), so the
//! page says the same with JavaScript off and on.
use crate::api::auth::{ChangePassword, LogoutOtherSessions};
use crate::api::citizen::get_my_profile;
use crate::components::checked_form::{form_element_id, Check, CheckedForm};
use crate::components::form::{answer_state, form_state, ErrorSummary, FormState, TextField};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::lang::use_lang;
use crate::{routes, tr};
use jobspor::Lang;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

/// What the page says after logging out the other sessions.
fn sessions_ended(n: u64, lang: Lang) -> String {
    match n {
        0 => tr!(in lang, security.sessions_ended_none).into(),
        1 => tr!(in lang, security.sessions_ended_one).into(),
        n => tr!(in lang, security.sessions_ended_many, n = n),
    }
}

fn success(text: String) -> impl IntoView {
    view! {
        <div class="alert alert-success" role="status">
            <div class="alert-body"><p class="alert-text">{text}</p></div>
        </div>
    }
}

/// The password change, checked in the browser (`CheckedForm`). Its fields are never
/// refilled: no typed password comes back from the server.
#[component]
fn PasswordForm(server: FormState) -> impl IntoView {
    let state = Signal::stored(server);
    let lang = use_lang();
    view! {
        <ErrorSummary state form_id="password"/>
        <CheckedForm form_id="password" check=Check::Password lang>
        <form method="post" action=ChangePassword::url() novalidate id=form_element_id("password")>
            <TextField state form_id="password" field="current" name="form[current]" label=tr!(in lang, security.current_password) kind="password" autocomplete="current-password" required=true secret=true/>
            <TextField state form_id="password" field="new" name="form[new]" label=tr!(in lang, security.new_password) kind="password" autocomplete="new-password" hint=tr!(in lang, security.new_password_hint) required=true secret=true/>
            <TextField state form_id="password" field="new_repeat" name="form[new_repeat]" label=tr!(in lang, security.repeat_new_password) kind="password" autocomplete="new-password" required=true secret=true/>
            <button type="submit" class="button button-primary">{tr!(in lang, security.change_button)}</button>
        </form>
        </CheckedForm>
    }
}

#[component]
pub fn Security() -> impl IntoView {
    let query = use_query_map();
    let changed = move || query.with(|q| q.get(routes::PASSWORD_CHANGED_PARAM).is_some());
    let ended = move || {
        query.with(|q| {
            q.get(routes::SESSIONS_ENDED_PARAM)
                .and_then(|n| n.parse::<u64>().ok())
        })
    };
    let change = ServerAction::<ChangePassword>::new();
    let logout = ServerAction::<LogoutOtherSessions>::new();
    let sessions_state = form_state(logout);
    // Who is asking: a citizen with a profile (else to the login or the profile's page).
    let profile = Resource::new(|| (), |_| get_my_profile());
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, common.menu_security)>
            <p><a class="back-link" href=routes::CITIZEN_HOME>{tr!(in lang, security.back)}</a></p>
            <ErrorSummary state=sessions_state form_id="sessions"/>
            {move || changed().then(|| success(
                tr!(in lang, security.password_changed).into(),
            ))}
            {move || ended().map(|n| success(sessions_ended(n, lang)))}
            <h1>{tr!(in lang, common.menu_security)}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match profile.await {
                        Ok(p) => view! {
                            <p>{tr!(in lang, security.login_before_username)} <strong>{p.username.clone().unwrap_or_default()}</strong> {tr!(in lang, security.login_after_username)}</p>
                            <section aria-labelledby="change-password">
                                <h2 id="change-password">{tr!(in lang, security.change_heading)}</h2>
                                <p>{tr!(in lang, security.change_text)}</p>
                                <PasswordForm server=answer_state(change)/>
                            </section>
                            <section aria-labelledby="other-sessions">
                                <h2 id="other-sessions">{tr!(in lang, security.other_heading)}</h2>
                                <p>{tr!(in lang, security.other_text)}</p>
                                <ActionForm action=logout>
                                    <button type="submit" class="button button-secondary">{tr!(in lang, security.other_button)}</button>
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
