//! The page frame: skip link, DKFDS header with the logged-in user, "Log af" and the menu
//! of the user's kind (`nav`), main content, footer.
use crate::api::auth::{get_session, Logout, SessionKind, SessionView};
use crate::api::language::SetLanguage;
use crate::components::nav::{current, menu, MenuItem};
use crate::lang::use_lang;
use crate::{routes, tr};
use jobspor::cv_search::urlencode;
use jobspor::Lang;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_query_map};

#[component]
pub fn Page(#[prop(into)] title: String, children: Children) -> impl IntoView {
    let session = Resource::new(|| (), |_| get_session());
    let location = use_location();
    let path = location.pathname.get_untracked();
    let lang = use_lang();
    let switch = LanguageSwitch {
        to: lang.other(),
        back: back_here(&path),
        flash: use_query_map()
            .with_untracked(|q| q.get(routes::FLASH_AGAIN_PARAM))
            .unwrap_or_default(),
    };
    let header = move || {
        let (path, switch) = (path.clone(), switch.clone());
        Suspend::new(async move {
            let s = session.await.unwrap_or(SessionView {
                kind: SessionKind::Anonymous,
                name: None,
            });
            header(s, &path, lang, switch)
        })
    };
    view! {
        <Title text=tr!(common.page_title, title = title)/>
        <a class="skipnav" href="#main-content">{tr!(common.skip_link)}</a>
        <Suspense fallback=|| ()>{header}</Suspense>
        <main class="container page-container" id="main-content" tabindex="-1">
            {children()}
        </main>
        <footer>
            <div class="footer">
                <div class="container">
                    <p>{tr!(common.footer_demo)}</p>
                    <ul class="footer-links">
                        <li><a href=routes::PRIVACY class="function-link">{tr!(common.privacy_link)}</a></li>
                    </ul>
                </div>
            </div>
        </footer>
    }
}

/// The page to come back to after switching language: this one, with its own query (the
/// search's filters), not the server's internal parameters.
fn back_here(path: &str) -> String {
    let own: Vec<(String, String)> = use_query_map().with_untracked(|q| {
        q.clone()
            .into_iter()
            .filter(|(k, _)| !k.starts_with("__"))
            .map(|(k, v)| (k.into_owned(), v))
            .collect()
    });
    let query = own
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&");
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

/// The switch to the other language, and what it needs to bring the page back.
#[derive(Debug, Clone)]
struct LanguageSwitch {
    to: Lang,
    back: String,
    flash: String,
}

/// "English" / "Dansk": a plain form post (no JavaScript needed), named in its own language.
fn language_switch(s: LanguageSwitch) -> impl IntoView {
    view! {
        <form method="post" action=SetLanguage::url() class="language-switch" id="language-switch">
            <input type="hidden" name="sprog" value=s.to.code()/>
            <input type="hidden" name="tilbage" value=s.back/>
            {(!s.flash.is_empty()).then(|| view! { <input type="hidden" name="flash" value=s.flash/> })}
            <button type="submit" class="function-link" lang=s.to.code()>{s.to.own_name()}</button>
        </form>
    }
}

/// The header: logo, the user and "Log af" (wide screens), the menu (a bar on wide
/// screens, a `<details>` in the header on narrow ones).
fn header(session: SessionView, path: &str, lang: Lang, switch: LanguageSwitch) -> impl IntoView {
    let items = menu(session.kind);
    let here = current(items, path);
    let signed_in = session.kind != SessionKind::Anonymous;
    let name = session.name.unwrap_or_default();
    let links = move |class: &'static str| {
        items
            .iter()
            .map(|item| menu_link(*item, here == Some(*item), class, lang))
            .collect_view()
    };
    view! {
        <header class="header">
            <div class="portal-info">
                <div class="portal-info-inner container">
                    <a href=routes::HOME class="logo-text" aria-label=tr!(common.logo_label)>{tr!(common.site_name)}</a>
                    {language_switch(switch)}
                    <div class="portal-user">
                        {if signed_in {
                            view! { <p class="user">{name.clone()}</p> {logout_form()} }.into_any()
                        } else {
                            view! { <a class="function-link log-on" href=routes::LOGIN>{tr!(common.log_in)}</a> }.into_any()
                        }}
                    </div>
                    <details class="site-menu">
                        <summary class="button button-secondary site-menu-button">{tr!(common.menu)}</summary>
                        <nav class="site-menu-panel" aria-label=tr!(common.main_menu)>
                            {signed_in.then(|| view! { <p class="user site-menu-user">{name.clone()}</p> })}
                            <ul class="nobullet-list site-menu-list">{links("function-link")}</ul>
                            {if signed_in {
                                logout_form().into_any()
                            } else {
                                view! { <a class="function-link" href=routes::LOGIN>{tr!(common.log_in)}</a> }.into_any()
                            }}
                        </nav>
                    </details>
                </div>
            </div>
            <div class="solution-info">
                <div class="solution-info-inner container">
                    <div class="solution-heading">
                        <a href=routes::HOME>{tr!(common.solution_heading)}</a>
                    </div>
                    <div class="additional-info">
                        <p><strong class="authority-name">{tr!(common.authority)}</strong></p>
                    </div>
                </div>
            </div>
            <nav class="navigation-menu site-nav-wide" aria-label=tr!(common.main_menu)>
                <div class="navigation-menu-inner container">
                    <ul class="mainmenu">{links("nav-link")}</ul>
                </div>
            </nav>
        </header>
    }
}

/// One entry of the menu; the current page's says so (`aria-current`).
fn menu_link(item: MenuItem, is_current: bool, class: &'static str, lang: Lang) -> impl IntoView {
    view! {
        <li class:current=is_current>
            <a class=class href=item.path aria-current=is_current.then_some("page")>
                <span>{(item.label)(lang)}</span>
            </a>
        </li>
    }
}

/// "Log af": a plain form post, with or without JavaScript.
fn logout_form() -> impl IntoView {
    let logout = ServerAction::<Logout>::new();
    view! {
        <ActionForm attr:novalidate=true attr:class="log-off-form" action=logout>
            <button type="submit" class="function-link log-off">{tr!(common.log_out)}</button>
        </ActionForm>
    }
}
