//! First login: the register data read-only with its source, then the citizen's own details.
use crate::api::citizen::{get_my_register_data, CompleteProfile, MyProfileView};
use crate::components::checked_form::{form_element_id, Check, CheckedForm};
use crate::components::form::{answer_state, Checkbox, ErrorSummary, FormState, TextField};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::routes;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::components::Redirect;

/// The register's data about the citizen, as a description list with its source.
#[component]
pub fn RegisterData(profile: MyProfileView) -> impl IntoView {
    view! {
        <section aria-labelledby="register-data">
            <h2 id="register-data">"Dine oplysninger fra CPR-registeret"</h2>
            <p class="form-hint">"Kilde: " {profile.register_source.clone()} ". Oplysningerne kan ikke rettes her."</p>
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
    view! {
        <ErrorSummary state form_id="profile"/>
        {children()}
        <h2>"Dine egne oplysninger"</h2>
        <CheckedForm form_id="profile" check=Check::Profile>
        <form method="post" action=CompleteProfile::url() novalidate id=form_element_id("profile")>
            <TextField state form_id="profile" field="username" name="form[username]" label="Brugernavn" autocomplete="username" hint="3-40 tegn: bogstaver, tal, punktum, bindestreg eller understreg" required=true/>
            <TextField state form_id="profile" field="password" name="form[password]" label="Adgangskode" kind="password" autocomplete="new-password" hint="Mindst 10 tegn" required=true secret=true/>
            <TextField state form_id="profile" field="password_repeat" name="form[password_repeat]" label="Gentag adgangskode" kind="password" autocomplete="new-password" required=true secret=true/>
            <TextField state form_id="profile" field="phone" name="form[phone]" label="Mobil-/telefonnummer" kind="tel" autocomplete="tel" hint="8 cifre, eller med landekode"/>
            <TextField state form_id="profile" field="email" name="form[email]" label="E-mail" kind="email" autocomplete="email"/>
            <fieldset>
                <legend class="form-label">"Påmindelser (sms- og e-mailservice)"</legend>
                <Checkbox state form_id="profile" field="sms_reminders" name="form[sms_reminders]" label="Ja tak, send mig påmindelser på sms"/>
                <Checkbox state form_id="profile" field="email_reminders" name="form[email_reminders]" label="Ja tak, send mig påmindelser på e-mail"/>
            </fieldset>
            <button type="submit" class="button button-primary">"Opret profil"</button>
        </form>
        </CheckedForm>
    }
}

#[component]
pub fn ProfileSetup() -> impl IntoView {
    let action = ServerAction::<CompleteProfile>::new();
    let profile = Resource::new(|| (), |_| get_my_register_data());
    view! {
        <Page title="Opret din profil">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match profile.await {
                        Ok(p) if p.username.is_some() => view! { <Redirect path=routes::CITIZEN_HOME/> }.into_any(),
                        Ok(p) => view! {
                            <ProfileDetailsForm server=answer_state(action)>
                                <h1>"Opret din profil"</h1>
                                <p>"Velkommen, " {p.name.clone()} ". Vælg et brugernavn og en adgangskode, og fortæl os, hvordan vi kan kontakte dig."</p>
                                <RegisterData profile=p/>
                            </ProfileDetailsForm>
                        }.into_any(),
                        Err(e) => view! { <h1>"Opret din profil"</h1> {on_error(e, Area::Citizen)} }.into_any(),
                    }
                })}
            </Suspense>
        </Page>
    }
}
