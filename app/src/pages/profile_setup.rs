//! First login: the register data read-only with its source, then the citizen's own details.
use crate::api::citizen::{get_my_register_data, CompleteProfile, MyProfileView};
use crate::components::checked_form::{form_element_id, Check, CheckedForm};
use crate::components::form::{answer_state, Checkbox, ErrorSummary, FormState, TextField};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::lang::use_lang;
use crate::{routes, tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::components::Redirect;

/// The register's data about the citizen, as a description list with its source.
#[component]
pub fn RegisterData(profile: MyProfileView) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section aria-labelledby="register-data">
            <h2 id="register-data">{tr!(in lang, profile.register_heading)}</h2>
            <p class="form-hint">{tr!(in lang, profile.register_source, source = profile.register_source.clone())}</p>
            <dl class="register-data">
                {profile.register.into_iter().map(|f| view! { <dt>{f.label}</dt><dd>{f.value}</dd> }).collect_view()}
            </dl>
        </section>
    }
}

/// The profile's form, checked in the browser (`CheckedForm`). `children`: the page's
/// heading and the register data, below the error summary.
#[component]
fn ProfileDetailsForm(server: FormState, children: Children) -> impl IntoView {
    let state = Signal::stored(server);
    let lang = use_lang();
    view! {
        <ErrorSummary state form_id="profile"/>
        {children()}
        <h2>{tr!(in lang, profile.own_heading)}</h2>
        <CheckedForm form_id="profile" check=Check::Profile lang>
        <form method="post" action=CompleteProfile::url() novalidate id=form_element_id("profile")>
            <TextField state form_id="profile" field="username" name="form[username]" label=tr!(in lang, login.username) autocomplete="username" hint=tr!(in lang, profile.username_hint) required=true/>
            <TextField state form_id="profile" field="password" name="form[password]" label=tr!(in lang, login.password) kind="password" autocomplete="new-password" hint=tr!(in lang, profile.password_hint) required=true secret=true/>
            <TextField state form_id="profile" field="password_repeat" name="form[password_repeat]" label=tr!(in lang, profile.password_repeat) kind="password" autocomplete="new-password" required=true secret=true/>
            <TextField state form_id="profile" field="phone" name="form[phone]" label=tr!(in lang, profile.phone) kind="tel" autocomplete="tel" hint=tr!(in lang, profile.phone_hint)/>
            <TextField state form_id="profile" field="email" name="form[email]" label=tr!(in lang, profile.email) kind="email" autocomplete="email"/>
            <fieldset>
                <legend class="form-label">{tr!(in lang, profile.reminders_legend)}</legend>
                <Checkbox state form_id="profile" field="sms_reminders" name="form[sms_reminders]" label=tr!(in lang, profile.sms_reminders)/>
                <Checkbox state form_id="profile" field="email_reminders" name="form[email_reminders]" label=tr!(in lang, profile.email_reminders)/>
            </fieldset>
            <button type="submit" class="button button-primary">{tr!(in lang, profile.create_button)}</button>
        </form>
        </CheckedForm>
    }
}

#[component]
pub fn ProfileSetup() -> impl IntoView {
    let action = ServerAction::<CompleteProfile>::new();
    let profile = Resource::new(|| (), |_| get_my_register_data());
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, profile.title)>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match profile.await {
                        Ok(p) if p.username.is_some() => view! { <Redirect path=routes::CITIZEN_HOME/> }.into_any(),
                        Ok(p) => view! {
                            <ProfileDetailsForm server=answer_state(action)>
                                <h1>{tr!(in lang, profile.title)}</h1>
                                <p>{tr!(in lang, profile.welcome, name = p.name.clone())}</p>
                                <RegisterData profile=p/>
                            </ProfileDetailsForm>
                        }.into_any(),
                        Err(e) => view! { <h1>{tr!(in lang, profile.title)}</h1> {on_error(e, Area::Citizen)} }.into_any(),
                    }
                })}
            </Suspense>
        </Page>
    }
}
