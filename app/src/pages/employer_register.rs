use crate::api::employer::RegisterEmployer;
use crate::components::form::{
    check_with, checked_form_state, ErrorSummary, SubmitButton, TextField,
};
use crate::components::layout::Page;
use jobspor::employer::COMPANY_NAME_MAX;
use jobspor::employer::{EmployerRegistration, EmployerRegistrationForm};
use jobspor::FieldErrors;
use leptos::prelude::*;

fn check_registration(v: serde_json::Value) -> FieldErrors {
    check_with(v, |f: &EmployerRegistrationForm| {
        EmployerRegistration::try_from(f).map(|_| ())
    })
}

#[component]
pub fn EmployerRegister() -> impl IntoView {
    let action = ServerAction::<RegisterEmployer>::new();
    let browser = RwSignal::new(FieldErrors::new());
    let state = checked_form_state(action, browser);
    view! {
        <Page title="Opret arbejdsgiverkonto">
            <ErrorSummary state form_id="employer"/>
            <h1>"Opret arbejdsgiverkonto"</h1>
            <ActionForm attr:novalidate=true action>
                <TextField state form_id="employer" field="company_name" name="form[company_name]" label="Virksomhedens navn" autocomplete="organization" maxlength=COMPANY_NAME_MAX required=true/>
                <TextField state form_id="employer" field="cvr" name="form[cvr]" label="CVR-nummer" hint="8 cifre" autocomplete="off" required=true/>
                <TextField state form_id="employer" field="email" name="form[email]" label="Kontakt-e-mail" kind="email" autocomplete="email" required=true/>
                <TextField state form_id="employer" field="password" name="form[password]" label="Adgangskode" kind="password" autocomplete="new-password" hint="Mindst 10 tegn" required=true secret=true/>
                <SubmitButton label="Opret konto" check=check_registration browser/>
            </ActionForm>
        </Page>
    }
}
