use crate::components::layout::Page;
use crate::pages::login::SignInButton;
use jobspor::signin::Provider;
use leptos::prelude::*;

/// Employers sign in with MitID Erhverv: the company is the one the token names (CVR), its
/// name the CVR register's. There is no account to create.
#[component]
pub fn EmployerHome() -> impl IntoView {
    view! {
        <Page title="Arbejdsgiver">
            <h1>"Log ind som arbejdsgiver"</h1>
            <p>"Du logger ind med MitID Erhverv for den virksomhed, du repræsenterer. Virksomhedens navn hentes fra CVR-registeret."</p>
            <p>"Første gang skal en medarbejder acceptere vilkårene for brug af CV'er på virksomhedens vegne."</p>
            <SignInButton provider=Provider::MitIdErhverv label="Log ind med MitID Erhverv"/>
            <p class="form-hint">"I demoen er MitID Erhverv en simulering med syntetiske virksomheder og medarbejdere."</p>
        </Page>
    }
}
