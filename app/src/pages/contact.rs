//! The citizen's rights (issue 26). "Kontaktoplysninger og påmindelser": the citizen
//! changes phone, e-mail and the choice of reminders at any time, a plain form checked in
//! the browser by the same rule as the first login's; the server answers with a redirect
//! back here (`gemt=1`). "Det ved vi om dig": each kind of data, its source, who sees it,
//! how long it is kept (`jobspor::rights::CATEGORIES`), and the download of all of it.
use crate::api::citizen::{get_my_profile, ChangeContactDetails};
use crate::components::checked_form::{form_element_id, Check, CheckedForm};
use crate::components::form::{answer_state, Checkbox, ErrorSummary, TextField};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::lang::use_lang;
use crate::{routes, tr};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

const FORM_ID: &str = "contact";

#[component]
pub fn ContactDetailsPage() -> impl IntoView {
    let query = use_query_map();
    let saved = move || query.with(|q| q.get(routes::SAVED_PARAM).is_some());
    let change = ServerAction::<ChangeContactDetails>::new();
    let state = Signal::stored(answer_state(change));
    let profile = Resource::new(|| (), |_| get_my_profile());
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, contact.title)>
            <p><a class="back-link" href=routes::CITIZEN_HOME>{tr!(in lang, contact.back)}</a></p>
            <ErrorSummary state form_id=FORM_ID/>
            {move || saved().then(|| view! {
                <div class="alert alert-success" role="status"><div class="alert-body">
                    <p class="alert-text">{tr!(in lang, contact.saved)}</p>
                </div></div>
            })}
            <h1>{tr!(in lang, contact.title)}</h1>
            <p class="font-lead">{tr!(in lang, contact.intro)}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match profile.await {
                        Ok(p) => view! {
                            <CheckedForm form_id=FORM_ID check=Check::Contact lang>
                            <form method="post" action=ChangeContactDetails::url() novalidate id=form_element_id(FORM_ID)>
                                <TextField state form_id=FORM_ID field="phone" name="form[phone]" label=tr!(in lang, profile.phone) kind="tel" autocomplete="tel" hint=tr!(in lang, profile.phone_hint) value=p.phone.clone().unwrap_or_default()/>
                                <TextField state form_id=FORM_ID field="email" name="form[email]" label=tr!(in lang, profile.email) kind="email" autocomplete="email" value=p.email.clone().unwrap_or_default()/>
                                <fieldset>
                                    <legend class="form-label">{tr!(in lang, profile.reminders_legend)}</legend>
                                    <Checkbox state form_id=FORM_ID field="sms_reminders" name="form[sms_reminders]" label=tr!(in lang, profile.sms_reminders) checked=p.sms_reminders/>
                                    <Checkbox state form_id=FORM_ID field="email_reminders" name="form[email_reminders]" label=tr!(in lang, profile.email_reminders) checked=p.email_reminders/>
                                </fieldset>
                                <button type="submit" class="button button-primary">{tr!(in lang, contact.save)}</button>
                            </form>
                            </CheckedForm>
                            <p>{tr!(in lang, contact.password_elsewhere)}" "<a href=routes::SECURITY>{tr!(in lang, common.menu_security)}</a>"."</p>
                        }.into_any(),
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Suspense>
        </Page>
    }
}

#[component]
pub fn MyDataPage() -> impl IntoView {
    // Who is asking: a citizen with a profile (else to the login or the profile's page).
    let profile = Resource::new(|| (), |_| get_my_profile());
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, contact.data_title)>
            <p><a class="back-link" href=routes::CITIZEN_HOME>{tr!(in lang, contact.back)}</a></p>
            <h1>{tr!(in lang, contact.data_title)}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match profile.await {
                        Ok(_) => view! {
                            <p class="font-lead">{tr!(in lang, contact.data_intro)}</p>
                            <table class="table">
                                <caption class="sr-only">{tr!(in lang, contact.data_title)}</caption>
                                <thead><tr>
                                    <th scope="col">{tr!(in lang, contact.col_what)}</th>
                                    <th scope="col">{tr!(in lang, contact.col_source)}</th>
                                    <th scope="col">{tr!(in lang, contact.col_who)}</th>
                                    <th scope="col">{tr!(in lang, contact.col_kept)}</th>
                                </tr></thead>
                                <tbody>
                                    {jobspor::rights::CATEGORIES.iter().map(|c| view! {
                                        <tr>
                                            <th scope="row">{c.what.get(lang)}</th>
                                            <td>{c.source.get(lang)}</td>
                                            <td>{c.who_sees.get(lang)}</td>
                                            <td>{c.kept.get(lang)}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                            <h2>{tr!(in lang, contact.download_heading)}</h2>
                            <p>{tr!(in lang, contact.download_intro)}</p>
                            // A plain link: the server answers with the file.
                            <p><a class="button button-secondary" href=crate::api::rights::DownloadMyData::url() download=crate::api::rights::MY_DATA_FILE>{tr!(in lang, contact.download)}</a></p>
                            <p>{tr!(in lang, contact.download_cv_intro)}</p>
                            <p><a class="button button-secondary" href=crate::api::rights::DownloadMyCvXml::url() download=crate::api::rights::MY_CV_FILE>{tr!(in lang, contact.download_cv)}</a></p>
                            <h2>{tr!(in lang, contact.correct_heading)}</h2>
                            <ul>
                                <li><a href=routes::CONTACT_DETAILS>{tr!(in lang, contact.title)}</a></li>
                                <li><a href=routes::MY_CV>{tr!(in lang, common.menu_my_cv)}</a></li>
                                <li><a href=routes::JOBSEEKER_REGISTRATION>{tr!(in lang, common.menu_registration)}</a></li>
                                <li><a href=routes::HISTORY>{tr!(in lang, common.menu_history)}</a></li>
                            </ul>
                            <h2>{tr!(in lang, rights.rights_heading)}</h2>
                            <ul>
                                <li><a href=routes::DELETION>{tr!(in lang, rights.deletion_link)}</a></li>
                                <li><a href=routes::RESTRICTION>{tr!(in lang, rights.restriction_link)}</a></li>
                                <li><a href=routes::OBJECTIONS>{tr!(in lang, rights.objections_link)}</a></li>
                                <li><a href=routes::CONSENTS>{tr!(in lang, rights.consents_link)}</a></li>
                            </ul>
                        }.into_any(),
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Suspense>
        </Page>
    }
}
