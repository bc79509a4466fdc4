use crate::api::auth::EmployerLogin;
use crate::components::form::{form_state, ErrorSummary, TextField};
use crate::components::layout::Page;
use crate::routes;
use leptos::prelude::*;

#[component]
pub fn EmployerHome() -> impl IntoView {
    let action = ServerAction::<EmployerLogin>::new();
    let state = form_state(action);
    view! {
        <Page title="Arbejdsgiver">
            <ErrorSummary state form_id="elogin"/>
            <h1>"Log ind som arbejdsgiver"</h1>
            <div class="row">
                <section class="col-12 col-md-6" aria-labelledby="elogin-h">
                    <h2 id="elogin-h">"Har du en konto?"</h2>
                    <ActionForm attr:novalidate=true action>
                        <TextField state form_id="elogin" field="email" name="email" label="E-mail" kind="email" autocomplete="username" required=true/>
                        <TextField state form_id="elogin" field="password" name="password" label="Adgangskode" kind="password" autocomplete="current-password" required=true secret=true/>
                        <button type="submit" class="button button-primary">"Log ind"</button>
                    </ActionForm>
                </section>
                <section class="col-12 col-md-6" aria-labelledby="eregister-h">
                    <h2 id="eregister-h">"Ny arbejdsgiver?"</h2>
                    <p>"Opret en konto med virksomhedens CVR-nummer."</p>
                    <a class="button button-secondary" href=routes::EMPLOYER_REGISTER>"Opret konto"</a>
                </section>
            </div>
        </Page>
    }
}
