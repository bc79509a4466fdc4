use crate::api::employer::RegisterEmployer;
use crate::components::checks;
use crate::components::form::{form_state, ErrorSummary, TextField};
use crate::components::layout::Page;
use jobspor::employer::COMPANY_NAME_MAX;
use leptos::prelude::*;

#[component]
pub fn EmployerRegister() -> impl IntoView {
    let action = ServerAction::<RegisterEmployer>::new();
    let state = form_state(action);
    view! {
        <Page title="Opret arbejdsgiverkonto">
            <ErrorSummary state form_id="employer"/>
            <h1>"Opret arbejdsgiverkonto"</h1>
            <ActionForm attr:novalidate=true action>
                <TextField state form_id="employer" field="company_name" name="form[company_name]" label="Virksomhedens navn" autocomplete="organization" maxlength=COMPANY_NAME_MAX required=true/>
                <TextField state form_id="employer" field="cvr" name="form[cvr]" label="CVR-nummer" hint="8 cifre" autocomplete="off" required=true check=checks::cvr/>
                <TextField state form_id="employer" field="email" name="form[email]" label="Kontakt-e-mail" kind="email" autocomplete="email" required=true check=checks::email/>
                <TextField state form_id="employer" field="password" name="form[password]" label="Adgangskode" kind="password" autocomplete="new-password" hint="Mindst 10 tegn" required=true secret=true check=checks::password/>
                <button type="submit" class="button button-primary">"Opret konto"</button>
            </ActionForm>
        </Page>
    }
}
