use crate::components::layout::Page;
use crate::pages::login::SignInButton;
use crate::tr;
use jobspor::signin::Provider;
use leptos::prelude::*;

/// Employers sign in with MitID Erhverv: the company is the one the token names (CVR), its
/// name the CVR register's. There is no account to create.
#[component]
pub fn EmployerHome() -> impl IntoView {
    view! {
        <Page title=tr!(employer.title)>
            <h1>{tr!(login.log_in_as_employer)}</h1>
            <p>{tr!(employer.mitid_text)}</p>
            <p>{tr!(employer.terms_text)}</p>
            <SignInButton provider=Provider::MitIdErhverv label=tr!(employer.mitid_button)/>
            <p class="form-hint">{tr!(employer.mitid_demo)}</p>
        </Page>
    }
}
