//! Mine beskeder: the citizen's notices, newest first, each marked read with a plain form.
use crate::api::messages::{get_my_messages, MarkMessageRead};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::lang::use_lang;
use crate::tr;
use leptos::prelude::*;

#[component]
pub fn MessagesPage() -> impl IntoView {
    let read = ServerAction::<MarkMessageRead>::new();
    let messages = Resource::new(move || read.version().get(), |_| get_my_messages());
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, messages.title)>
            <h1>{tr!(in lang, messages.title)}</h1>
            <p>{tr!(in lang, messages.intro)}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match messages.await {
                        Ok(list) if list.is_empty() => view! { <p>{tr!(in lang, messages.none)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="nobullet-list messages">
                                {list.into_iter().map(|m| {
                                    let heading = format!("message-{}", m.id);
                                    let labelled_by = heading.clone();
                                    view! {
                                        <li>
                                            <article class="message" class:unread=m.unread aria-labelledby=labelled_by>
                                                <h2 class="h3" id=heading>
                                                    {m.unread.then(|| view! { <span class="badge">{tr!(in lang, messages.unread)}</span>" " })}
                                                    {m.subject.clone()}
                                                </h2>
                                                <p class="form-hint">
                                                    {match m.sender.clone() {
                                                        Some(sender) => tr!(in lang, messages.received_from, at = m.received.clone(), sender = sender),
                                                        None => tr!(in lang, messages.received, at = m.received.clone()),
                                                    }}
                                                </p>
                                                {m.body.split("\n\n").map(|p| view! { <p>{p.to_string()}</p> }).collect_view()}
                                                {m.unread.then(|| view! {
                                                    <ActionForm action=read>
                                                        <input type="hidden" name="id" value=m.id.to_string()/>
                                                        <button type="submit" class="button button-secondary">{tr!(in lang, messages.mark_read)}</button>
                                                    </ActionForm>
                                                })}
                                            </article>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Suspense>
        </Page>
    }
}
