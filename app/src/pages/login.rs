use crate::api::auth::CitizenLogin;
use crate::components::form::{form_state, ErrorSummary, TextField};
use crate::components::layout::Page;
use crate::routes;
use leptos::prelude::*;

#[component]
pub fn Login() -> impl IntoView {
    let action = ServerAction::<CitizenLogin>::new();
    let state = form_state(action);
    view! {
        <Page title="Log ind">
            <ErrorSummary state form_id="login"/>
            <h1>"Log ind som borger"</h1>
            <div class="row">
                <section class="col-12 col-md-6" aria-labelledby="mitid">
                    <h2 id="mitid">"Med MitID"</h2>
                    <p>"Første gang skal du logge ind med MitID. Vi henter dine oplysninger fra CPR-registeret."</p>
                    <a class="button button-primary" href=routes::MITID>"Log ind med MitID (simuleret)"</a>
                </section>
                <section class="col-12 col-md-6" aria-labelledby="password">
                    <h2 id="password">"Med brugernavn og adgangskode"</h2>
                    <ActionForm attr:novalidate=true action>
                        <TextField state form_id="login" field="username" name="username" label="Brugernavn" autocomplete="username" required=true/>
                        <TextField state form_id="login" field="password" name="password" label="Adgangskode" kind="password" autocomplete="current-password" required=true secret=true/>
                        <button type="submit" class="button button-primary">"Log ind"</button>
                    </ActionForm>
                </section>
            </div>
        </Page>
    }
}
