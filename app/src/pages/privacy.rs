use crate::components::layout::Page;
use leptos::prelude::*;

/// A short summary of the privacy rules this service follows.
#[component]
pub fn Privacy() -> impl IntoView {
    view! {
        <Page title="Privatlivspolitik">
            <h1>"Privatlivspolitik"</h1>
            <p>"Ved første login henter vi dine oplysninger fra CPR-registeret. Du kan se dem på Min side, med kilde."</p>
            <ul>
                <li>"Arbejdsgivere kan kun se CV'er, som er gjort søgbare. Dit CPR-nummer og en beskyttet adresse vises aldrig."</li>
                <li>"Har du ikke været logget ind i 12 uger, gøres dit CV ikke-søgbart."</li>
                <li>"Når din profil har været inaktiv i 18½ måned, slettes dine profiloplysninger."</li>
                <li>"Under Min historik kan du se, hvem der har været på din profil de seneste 3 måneder."</li>
            </ul>
        </Page>
    }
}
