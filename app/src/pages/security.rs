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
use crate::routes;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

/// What the page says after logging out the other sessions.
fn sessions_ended_da(n: u64) -> String {
    match n {
        0 => "Du var ikke logget ind andre steder.".into(),
        1 => "Du er nu logget af 1 anden session.".into(),
        n => format!("Du er nu logget af {n} andre sessioner."),
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
    view! {
        <ErrorSummary state form_id="password"/>
        <CheckedForm form_id="password" check=Check::Password>
        <form method="post" action=ChangePassword::url() novalidate id=form_element_id("password")>
            <TextField state form_id="password" field="current" name="form[current]" label="Nuværende adgangskode" kind="password" autocomplete="current-password" required=true secret=true/>
            <TextField state form_id="password" field="new" name="form[new]" label="Ny adgangskode" kind="password" autocomplete="new-password" hint="Mindst 10 tegn. Vælg ikke en almindelig adgangskode, som andre let kan gætte." required=true secret=true/>
            <TextField state form_id="password" field="new_repeat" name="form[new_repeat]" label="Gentag ny adgangskode" kind="password" autocomplete="new-password" required=true secret=true/>
            <button type="submit" class="button button-primary">"Skift adgangskode"</button>
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
    view! {
        <Page title="Adgangskode og log-ind">
            <p><a class="back-link" href=routes::CITIZEN_HOME>"Tilbage til Min side"</a></p>
            <ErrorSummary state=sessions_state form_id="sessions"/>
            {move || changed().then(|| success(
                "Din adgangskode er skiftet. Du er logget af alle andre steder, hvor du var logget ind.".into(),
            ))}
            {move || ended().map(|n| success(sessions_ended_da(n)))}
            <h1>"Adgangskode og log-ind"</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match profile.await {
                        Ok(p) => view! {
                            <p>"Du logger ind med MitID eller med dit brugernavn " <strong>{p.username.clone().unwrap_or_default()}</strong> " og din adgangskode."</p>
                            <section aria-labelledby="change-password">
                                <h2 id="change-password">"Skift adgangskode"</h2>
                                <p>"Når du skifter adgangskode, bliver du logget af alle andre steder, hvor du er logget ind. Her forbliver du logget ind."</p>
                                <PasswordForm server=answer_state(change)/>
                            </section>
                            <section aria-labelledby="other-sessions">
                                <h2 id="other-sessions">"Log af andre steder"</h2>
                                <p>"Er du logget ind på en anden computer, telefon eller browser, kan du logge af dér herfra. Her forbliver du logget ind."</p>
                                <ActionForm action=logout>
                                    <button type="submit" class="button button-secondary">"Log mine andre sessioner af"</button>
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
