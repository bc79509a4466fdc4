//! The page frame: skip link, DKFDS header with the logged-in user, "Log af" and the menu
//! of the user's kind (`nav`), main content, footer.
use crate::api::auth::{get_session, Logout, SessionKind, SessionView};
use crate::components::nav::{current, menu, MenuItem};
use crate::routes;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

#[component]
pub fn Page(#[prop(into)] title: String, children: Children) -> impl IntoView {
    let session = Resource::new(|| (), |_| get_session());
    let path = use_location().pathname.get_untracked();
    let header = move || {
        let path = path.clone();
        Suspend::new(async move {
            let s = session.await.unwrap_or(SessionView {
                kind: SessionKind::Anonymous,
                name: None,
            });
            header(s, &path)
        })
    };
    view! {
        <Title text=format!("{title} – Jobspor")/>
        <a class="skipnav" href="#main-content">"Gå til sidens indhold"</a>
        <Suspense fallback=|| ()>{header}</Suspense>
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

/// The header: logo, the user and "Log af" (wide screens), the menu (a bar on wide
/// screens, a `<details>` in the header on narrow ones).
fn header(session: SessionView, path: &str) -> impl IntoView {
    let items = menu(session.kind);
    let here = current(items, path);
    let signed_in = session.kind != SessionKind::Anonymous;
    let name = session.name.unwrap_or_default();
    let links = move |class: &'static str| {
        items
            .iter()
            .map(|item| menu_link(*item, here == Some(*item), class))
            .collect_view()
    };
    view! {
        <header class="header">
            <div class="portal-info">
                <div class="portal-info-inner container">
                    <a href=routes::HOME class="logo-text" aria-label="Jobspor, til forsiden">"Jobspor"</a>
                    <div class="portal-user">
                        {if signed_in {
                            view! { <p class="user">{name.clone()}</p> {logout_form()} }.into_any()
                        } else {
                            view! { <a class="function-link log-on" href=routes::LOGIN>"Log ind"</a> }.into_any()
                        }}
                    </div>
                    <details class="site-menu">
                        <summary class="button button-secondary site-menu-button">"Menu"</summary>
                        <nav class="site-menu-panel" aria-label="Hovedmenu">
                            {signed_in.then(|| view! { <p class="user site-menu-user">{name.clone()}</p> })}
                            <ul class="nobullet-list site-menu-list">{links("function-link")}</ul>
                            {if signed_in {
                                logout_form().into_any()
                            } else {
                                view! { <a class="function-link" href=routes::LOGIN>"Log ind"</a> }.into_any()
                            }}
                        </nav>
                    </details>
                </div>
            </div>
            <div class="solution-info">
                <div class="solution-info-inner container">
                    <div class="solution-heading">
                        <a href=routes::HOME>"Jobspor – job og CV"</a>
                    </div>
                    <div class="additional-info">
                        <p><strong class="authority-name">"Styrelsen for Arbejdsmarked og Rekruttering"</strong></p>
                    </div>
                </div>
            </div>
            <nav class="navigation-menu site-nav-wide" aria-label="Hovedmenu">
                <div class="navigation-menu-inner container">
                    <ul class="mainmenu">{links("nav-link")}</ul>
                </div>
            </nav>
        </header>
    }
}

/// One entry of the menu; the current page's says so (`aria-current`).
fn menu_link(item: MenuItem, is_current: bool, class: &'static str) -> impl IntoView {
    view! {
        <li class:current=is_current>
            <a class=class href=item.path aria-current=is_current.then_some("page")>
                <span>{item.label}</span>
            </a>
        </li>
    }
}

/// "Log af": a plain form post, with or without JavaScript.
fn logout_form() -> impl IntoView {
    let logout = ServerAction::<Logout>::new();
    view! {
        <ActionForm attr:novalidate=true attr:class="log-off-form" action=logout>
            <button type="submit" class="function-link log-off">"Log af"</button>
        </ActionForm>
    }
}
