//! The jobcentre's side of the job seeker's track (issue 25): a served citizen's plan and
//! meetings (by the caseworker's reference, each opening recorded for the citizen), and
//! the jobcentre's free times with its booking deadline.
use crate::api::meetings::{
    get_case_meetings, get_slots, CancelCitizenMeeting, PublishSlot, SetBookingDeadline,
    SummonCitizen, WithdrawSlot,
};
use crate::api::plan::{get_case_plan, SavePlanActivity, SavePlanGoals};
use crate::components::checked_form::{form_element_id, Check, CheckedForm};
use crate::components::form::{form_state, ErrorSummary};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::lang::use_lang;
use crate::pages::caseworker::reference_param;
use crate::pages::track::{form_fields, MeetingFacts, PlanDocument};
use crate::{routes, tr};
use jobspor::form_fields::Fields;
use jobspor::track::{meetings, plan};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn back_to_case(reference: jobspor::CaseReference) -> impl IntoView {
    let lang = use_lang();
    view! { <p><a class="back-link" href=routes::caseworker_citizen(&reference)>{tr!(in lang, track.back_to_case)}</a></p> }
}

const GOALS_FORM: &str = "goals";
const ACTIVITY_FORM: &str = "activity";

#[component]
pub fn CasePlanPage() -> impl IntoView {
    let reference = reference_param();
    let query = use_query_map();
    let edit = move || query.with(|q| q.get(routes::EDIT_PARAM).unwrap_or_default());
    let goals = ServerAction::<SavePlanGoals>::new();
    let activity = ServerAction::<SavePlanActivity>::new();
    let goals_state = form_state(goals);
    let activity_state = form_state(activity);
    let data = Resource::new(
        move || {
            (
                reference(),
                edit(),
                goals.version().get(),
                activity.version().get(),
            )
        },
        |(r, e, ..)| get_case_plan(r, e),
    );
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, track.case_plan_title)>
            {back_to_case(reference())}
            <ErrorSummary state=goals_state form_id=GOALS_FORM/>
            <ErrorSummary state=activity_state form_id=ACTIVITY_FORM/>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(v) => {
                            let r = reference();
                            let read = if v.plan.read {
                                tr!(in lang, track.case_plan_read, at = v.plan.read_at.clone().unwrap_or_default())
                            } else {
                                tr!(in lang, track.case_plan_unread).to_string()
                            };
                            let has_plan = v.plan.goals.is_some();
                            let activities = v.plan.activities.clone();
                            let education = v.plan.education;
                            view! {
                                <h1>{tr!(in lang, track.case_plan_heading, name = v.name.clone())}</h1>
                                {has_plan.then(|| view! { <p><strong>{read}</strong></p> })}
                                <PlanDocument plan=v.plan/>
                                <h2>{tr!(in lang, track.write_goals)}</h2>
                                <ActionForm attr:novalidate=true attr:id="goals-form" action=goals>
                                    <input type="hidden" name="reference" value=reference().to_string()/>
                                    {form_fields(goals_state, GOALS_FORM, if education { plan::GOALS_FIELDS } else { &plan::GOALS_FIELDS[..1] }, &v.goals_form)}
                                    <button type="submit" class="button button-primary">{tr!(in lang, track.save_goals)}</button>
                                </ActionForm>
                                {has_plan.then(|| view! {
                                    {(!activities.is_empty()).then(|| view! {
                                        <h2>{tr!(in lang, track.change_activity)}</h2>
                                        <ul class="nobullet-list">
                                            {activities.into_iter().map(|a| view! {
                                                <li><a class="function-link" href=routes::caseworker_plan_edit(&r, a.id)>{tr!(in lang, track.edit_activity, name = a.description.clone())}</a></li>
                                            }).collect_view()}
                                        </ul>
                                    })}
                                    <h2>{match v.editing_activity {
                                        Some(_) => tr!(in lang, track.change_activity),
                                        None => tr!(in lang, track.add_plan_activity),
                                    }}</h2>
                                    <ActionForm attr:novalidate=true attr:id="activity-form" action=activity>
                                        <input type="hidden" name="reference" value=r.to_string()/>
                                        <input type="hidden" name="id" value=v.editing_activity.map(|i| i.to_string()).unwrap_or_default()/>
                                        {form_fields(activity_state, ACTIVITY_FORM, plan::ACTIVITY_FIELDS, &v.activity_form)}
                                        <button type="submit" class="button button-primary">{tr!(in lang, track.save_activity)}</button>
                                    </ActionForm>
                                })}
                            }.into_any()
                        }
                        Err(e) => on_error(e, Area::Caseworker),
                    }
                })}
            </Suspense>
        </Page>
    }
}

const SUMMONS_FORM: &str = "summons";

#[component]
pub fn CaseMeetingsPage() -> impl IntoView {
    let reference = reference_param();
    let query = use_query_map();
    let edit = move || query.with(|q| q.get(routes::EDIT_PARAM).unwrap_or_default());
    let summon = ServerAction::<SummonCitizen>::new();
    let cancel = ServerAction::<CancelCitizenMeeting>::new();
    let state = form_state(summon);
    let cancel_state = form_state(cancel);
    let data = Resource::new(
        move || {
            (
                reference(),
                edit(),
                summon.version().get(),
                cancel.version().get(),
            )
        },
        |(r, e, ..)| get_case_meetings(r, e),
    );
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, track.case_meetings_title)>
            {back_to_case(reference())}
            <ErrorSummary state form_id=SUMMONS_FORM/>
            <ErrorSummary state=cancel_state form_id="cancel"/>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(v) => {
                            let r = reference();
                            view! {
                                <h1>{tr!(in lang, track.case_meetings_heading, name = v.name.clone())}</h1>
                                {if v.meetings.is_empty() {
                                    view! { <p>{tr!(in lang, track.no_meetings_case)}</p> }.into_any()
                                } else {
                                    view! {
                                        // A refused cancellation's summary links here.
                                        <ul class="nobullet-list cv-entries" id="cancel-id">
                                            {v.meetings.into_iter().map(|m| {
                                                let r = r.clone();
                                                let id = m.id;
                                                let when = m.when.clone();
                                                let ahead = m.ahead;
                                                view! {
                                                    <li class="cv-entry">
                                                        <h2 class="h4">{when.clone()}</h2>
                                                        <MeetingFacts m/>
                                                        {ahead.then(|| view! {
                                                            <div class="cv-entry-actions">
                                                                <a class="function-link" href=routes::caseworker_meeting_edit(&r, id) aria-label=tr!(in lang, track.change_meeting_label, when = when.clone())>{tr!(in lang, track.change_meeting)}</a>
                                                                <ActionForm attr:novalidate=true action=cancel>
                                                                    <input type="hidden" name="reference" value=r.to_string()/>
                                                                    <input type="hidden" name="id" value=id.to_string()/>
                                                                    <button type="submit" class="function-link" aria-label=tr!(in lang, track.cancel_meeting_label, when = when.clone())>{tr!(in lang, track.cancel_meeting)}</button>
                                                                </ActionForm>
                                                            </div>
                                                        })}
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                                <h2>{match v.editing {
                                    Some(_) => tr!(in lang, track.change_meeting_heading),
                                    None => tr!(in lang, track.summon_heading),
                                }}</h2>
                                <p>{tr!(in lang, track.summon_intro)}</p>
                                <CheckedForm form_id=SUMMONS_FORM check=Check::Summons lang>
                                <ActionForm attr:novalidate=true attr:id=form_element_id(SUMMONS_FORM) action=summon>
                                    <input type="hidden" name="reference" value=r.to_string()/>
                                    <input type="hidden" name="id" value=v.editing.map(|i| i.to_string()).unwrap_or_default()/>
                                    {form_fields(state, SUMMONS_FORM, meetings::SUMMONS_FIELDS, &v.form)}
                                    <button type="submit" class="button button-primary">{match v.editing {
                                        Some(_) => tr!(in lang, track.save_meeting),
                                        None => tr!(in lang, track.send_summons),
                                    }}</button>
                                </ActionForm>
                                </CheckedForm>
                            }.into_any()
                        }
                        Err(e) => on_error(e, Area::Caseworker),
                    }
                })}
            </Suspense>
        </Page>
    }
}

const SLOT_FORM: &str = "slot";
const DEADLINE_FORM: &str = "deadline";

#[component]
pub fn SlotsPage() -> impl IntoView {
    let publish = ServerAction::<PublishSlot>::new();
    let withdraw = ServerAction::<WithdrawSlot>::new();
    let deadline = ServerAction::<SetBookingDeadline>::new();
    let state = form_state(publish);
    let deadline_state = form_state(deadline);
    let data = Resource::new(
        move || {
            (
                publish.version().get(),
                withdraw.version().get(),
                deadline.version().get(),
            )
        },
        |_| get_slots(),
    );
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, track.slots_title)>
            <ErrorSummary state form_id=SLOT_FORM/>
            <ErrorSummary state=deadline_state form_id=DEADLINE_FORM/>
            <h1>{tr!(in lang, track.slots_title)}</h1>
            <p class="font-lead">{tr!(in lang, track.slots_intro)}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(v) => {
                            let mut hours = Fields::new();
                            hours.insert("hours".into(), v.deadline_hours.to_string());
                            view! {
                                <p>{tr!(in lang, track.slots_of, organisation = v.organisation.clone())}</p>
                                {if v.slots.is_empty() {
                                    view! { <p>{tr!(in lang, track.no_slots)}</p> }.into_any()
                                } else {
                                    view! {
                                        <table class="table">
                                            <caption class="sr-only">{tr!(in lang, track.slots_title)}</caption>
                                            <thead><tr>
                                                <th scope="col">{tr!(in lang, track.when_col)}</th>
                                                <th scope="col">{tr!(in lang, track.meeting_channel)}</th>
                                                <th scope="col">{tr!(in lang, track.meeting_place)}</th>
                                                <th scope="col">{tr!(in lang, track.slot_state_col)}</th>
                                            </tr></thead>
                                            <tbody>
                                                {v.slots.into_iter().map(|s| view! {
                                                    <tr>
                                                        <td>{s.when.clone()}" ("{s.length.clone()}")"</td>
                                                        <td>{s.channel.clone()}</td>
                                                        <td>{s.place.clone()}</td>
                                                        <td>{if s.booked {
                                                            view! { <span>{tr!(in lang, track.slot_booked)}</span> }.into_any()
                                                        } else {
                                                            view! {
                                                                <ActionForm action=withdraw>
                                                                    <input type="hidden" name="id" value=s.id.to_string()/>
                                                                    <button type="submit" class="function-link" aria-label=tr!(in lang, track.withdraw_label, when = s.when.clone())>{tr!(in lang, track.withdraw)}</button>
                                                                </ActionForm>
                                                            }.into_any()
                                                        }}</td>
                                                    </tr>
                                                }).collect_view()}
                                            </tbody>
                                        </table>
                                    }.into_any()
                                }}
                                <h2>{tr!(in lang, track.publish_heading)}</h2>
                                <ActionForm attr:novalidate=true attr:id="slot-form" action=publish>
                                    {form_fields(state, SLOT_FORM, meetings::SLOT_FIELDS, &Fields::new())}
                                    <button type="submit" class="button button-primary">{tr!(in lang, track.publish)}</button>
                                </ActionForm>
                                <h2>{tr!(in lang, track.deadline_heading)}</h2>
                                <p>{tr!(in lang, track.deadline_intro, hours = meetings::DEFAULT_BOOKING_DEADLINE_HOURS)}</p>
                                <ActionForm attr:novalidate=true attr:id="deadline-form" action=deadline>
                                    {form_fields(deadline_state, DEADLINE_FORM, meetings::DEADLINE_FIELDS, &hours)}
                                    <button type="submit" class="button button-secondary">{tr!(in lang, track.save_deadline)}</button>
                                </ActionForm>
                            }.into_any()
                        }
                        Err(e) => on_error(e, Area::Caseworker),
                    }
                })}
            </Suspense>
        </Page>
    }
}
