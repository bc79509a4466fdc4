//! The simulated MitID: pick a synthetic person, or type a CPR number. In production this
//! page does not exist; the login button goes to the MitID broker instead.
use crate::api::auth::{simulated_mitid_persons, MitidLogin};
use crate::components::form::{form_state, ErrorSummary, TextField};
use crate::components::layout::Page;
use leptos::prelude::*;

#[component]
pub fn SimulatedMitId() -> impl IntoView {
    let action = ServerAction::<MitidLogin>::new();
    let state = form_state(action);
    let persons = Resource::new(|| (), |_| simulated_mitid_persons());
    view! {
        <Page title="Simuleret MitID">
            <ErrorSummary state form_id="mitid"/>
            <h1>"Simuleret MitID"</h1>
            <div class="alert alert-info"><div class="alert-body"><p class="alert-text">
                "Dette er en simulering af MitID til test og demonstration. Personerne er syntetiske og findes i et simuleret CPR-register."
            </p></div></div>
            <h2>"Skriv et CPR-nummer"</h2>
            <ActionForm attr:novalidate=true action>
                <TextField state form_id="mitid" field="cpr" name="cpr" label="CPR-nummer" hint="10 cifre, fx 120590-1806" autocomplete="off" required=true/>
                <button type="submit" class="button button-primary">"Log ind"</button>
            </ActionForm>
            <h2>"Eller vælg en syntetisk person"</h2>
            <Suspense fallback=|| view! { <p>"Henter personer…"</p> }>
                {move || Suspend::new(async move {
                    match persons.await {
                        Ok(list) => view! {
                            <div class="table--responsive-scroll">
                            <table class="table table--compact">
                                <caption class="sr-only">"Syntetiske personer"</caption>
                                <thead><tr><th scope="col">"Navn"</th><th scope="col">"Alder"</th><th scope="col">"Kommune"</th><th scope="col">"Bemærkning"</th><th scope="col">"Log ind"</th></tr></thead>
                                <tbody>
                                    {list.into_iter().map(|p| {
                                        let label = format!("Log ind som {}", p.name);
                                        view! {
                                            <tr>
                                                <td>{p.name.clone()}</td>
                                                <td>{p.age}</td>
                                                <td>{p.place.clone()}</td>
                                                <td>{p.notes.join(", ")}</td>
                                                <td>
                                                    <ActionForm attr:novalidate=true action>
                                                        <input type="hidden" name="cpr" value=p.cpr.clone()/>
                                                        <button type="submit" class="button button-secondary" aria-label=label>"Vælg"</button>
                                                    </ActionForm>
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                            </div>
                        }.into_any(),
                        Err(e) => view! { <p>{e.message_da()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </Page>
    }
}
