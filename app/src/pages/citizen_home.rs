use crate::api::citizen::get_my_profile;
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::pages::profile_setup::RegisterData;
use crate::routes;
use leptos::prelude::*;
use leptos_router::components::Redirect;

#[component]
pub fn CitizenHome() -> impl IntoView {
    let profile = Resource::new(|| (), |_| get_my_profile());
    view! {
        <Page title="Min side">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match profile.await {
                        Ok(p) if p.username.is_none() => view! { <Redirect path=routes::PROFILE_SETUP/> }.into_any(),
                        Ok(p) => {
                            let yes_no = |b: bool| if b { "Ja" } else { "Nej" };
                            view! {
                                <h1>"Min side"</h1>
                                <p class="font-lead">"Velkommen, " {p.name.clone()} "."</p>
                                <ul class="nobullet-list">
                                    <li><a class="function-link" href=routes::MY_CV>"Mit CV"</a></li>
                                    <li><a class="function-link" href=routes::JOBSEEKER_REGISTRATION>"Tilmeld dig som jobsøgende"</a></li>
                                    <li><a class="function-link" href=routes::QUESTIONNAIRE>"Forberedelsesskema"</a></li>
                                    <li><a class="function-link" href=routes::HISTORY>"Min historik"</a></li>
                                    <li><a class="function-link" href=routes::SECURITY>"Adgangskode og log-ind"</a></li>
                                </ul>
                                <section aria-labelledby="contact">
                                    <h2 id="contact">"Dine kontaktoplysninger"</h2>
                                    <dl class="register-data">
                                        <dt>"Brugernavn"</dt><dd>{p.username.clone().unwrap_or_default()}</dd>
                                        <dt>"Mobil-/telefonnummer"</dt><dd>{p.phone.clone().unwrap_or_else(|| "–".into())}</dd>
                                        <dt>"E-mail"</dt><dd>{p.email.clone().unwrap_or_else(|| "–".into())}</dd>
                                        <dt>"Påmindelser på sms"</dt><dd>{yes_no(p.sms_reminders)}</dd>
                                        <dt>"Påmindelser på e-mail"</dt><dd>{yes_no(p.email_reminders)}</dd>
                                    </dl>
                                </section>
                                <RegisterData profile=p/>
                            }.into_any()
                        }
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Suspense>
        </Page>
    }
}
