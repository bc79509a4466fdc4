//! The page frame: skip link, DKFDS header with the logged-in user and "Log af", main
//! content, footer.
use crate::api::auth::{get_session, Logout, SessionKind};
use crate::routes;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Page(#[prop(into)] title: String, children: Children) -> impl IntoView {
    let session = Resource::new(|| (), |_| get_session());
    let logout = ServerAction::<Logout>::new();
    view! {
        <Title text=format!("{title} – Jobspor")/>
        <a class="skipnav" href="#main-content">"Gå til sidens indhold"</a>
        <header class="header">
            <div class="portal-info">
                <div class="portal-info-inner container">
                    <a href=routes::HOME class="logo-text" aria-label="Jobspor, til forsiden">"Jobspor"</a>
                    <div class="portal-user">
                        <Suspense fallback=|| ()>
                            {move || Suspend::new(async move {
                                match session.await {
                                    Ok(s) if s.kind != SessionKind::Anonymous => {
                                        let home = match s.kind {
                                            SessionKind::Citizen => routes::CITIZEN_HOME,
                                            SessionKind::Caseworker => routes::CASEWORKER_HOME,
                                            _ => routes::EMPLOYER_SEARCH,
                                        };
                                        view! {
                                            <p class="user"><a href=home>{s.name.unwrap_or_default()}</a></p>
                                            <ActionForm attr:novalidate=true action=logout>
                                                <button type="submit" class="function-link log-off">"Log af"</button>
                                            </ActionForm>
                                        }.into_any()
                                    }
                                    _ => view! { <a class="function-link log-on" href=routes::LOGIN>"Log ind"</a> }.into_any(),
                                }
                            })}
                        </Suspense>
                    </div>
                </div>
            </div>
            <div class="solution-info">
                <div class="solution-info-inner container">
                    <div class="solution-heading">
                        <a href=routes::HOME aria-label="Jobspor forside">"Jobspor – job og CV"</a>
                    </div>
                    <div class="additional-info">
                        <p><strong class="authority-name">"Styrelsen for Arbejdsmarked og Rekruttering"</strong></p>
                    </div>
                </div>
            </div>
        </header>
        <main class="container page-container" id="main-content" tabindex="-1">
            {children()}
        </main>
        <footer>
            <div class="footer">
                <div class="container">
                    <p>"Jobspor er en demonstration. MitID, CPR-registeret og EURES er simulerede."</p>
                    <ul class="footer-links">
                        <li><a href=routes::PRIVACY class="function-link">"Privatlivspolitik"</a></li>
                    </ul>
                </div>
            </div>
        </footer>
    }
}
