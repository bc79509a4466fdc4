use crate::components::layout::Page;
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Home() -> impl IntoView {
    let query = use_query_map();
    let logged_out = move || query.with(|q| q.get(routes::LOGGED_OUT_PARAM).is_some());
    view! {
        <Page title="Forside">
            {move || logged_out().then(|| view! {
                <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">"Du er logget af."</p></div></div>
            })}
            <h1>"Find job og hold dit CV opdateret"</h1>
            <p class="font-lead">"Jobspor er den offentlige jobportal: du skriver dit CV, og arbejdsgivere kan finde dig, når dit CV er søgbart."</p>
            <div class="row">
                <section class="col-12 col-md-6" aria-labelledby="borger">
                    <h2 id="borger">"Til borgere"</h2>
                    <p>"Log ind med MitID første gang. Derefter kan du også bruge brugernavn og adgangskode."</p>
                    <a class="button button-primary" href=routes::LOGIN>"Log ind som borger"</a>
                </section>
                <section class="col-12 col-md-6" aria-labelledby="arbejdsgiver">
                    <h2 id="arbejdsgiver">"Til arbejdsgivere"</h2>
                    <p>"Søg i de CV'er, som borgerne har gjort søgbare."</p>
                    <a class="button button-secondary" href=routes::EMPLOYER_HOME>"Log ind som arbejdsgiver"</a>
                </section>
            </div>
        </Page>
    }
}
