//! The job seeker's own track (issue 25): Min Joblog and its two forms, Min Plan, Mine
//! møder. Every form is a plain form post (JavaScript on or off); a refusal comes back to
//! the same page with the error summary and what was typed.
use crate::api::joblog::{
    get_joblog_form, get_my_joblog, DeleteJoblogEntry, JoblogView, SaveJoblogEntry,
};
use crate::api::meetings::{
    get_my_meetings, AcceptSummons, BookSlot, CancelBooking, MeetingView, RebookMeeting,
};
use crate::api::plan::{get_my_plan, CommentOnPlan, MarkPlanRead, PlanView};
use crate::components::checked_form::{form_element_id, Check, CheckedForm};
use crate::components::fields_view::field_view;
use crate::components::form::{answer_state, form_state, ErrorSummary, FormState, TextField};
use crate::components::layout::Page;
use crate::components::outcome::{on_error, Area};
use crate::components::section_form::OccupationsDatalist;
use crate::lang::use_lang;
use crate::{routes, tr};
use jobspor::form_fields::{FieldSpec, Fields};
use jobspor::track::joblog::{JoblogKind, PeriodCount};
use jobspor::track::plan::PlanTrack;
use jobspor::Lang;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The widgets of a form described as data, opened with `values` (the server's echo after
/// a refusal wins, in each widget). A position is free text with the occupations as
/// suggestions.
pub(crate) fn form_fields(
    state: Signal<FormState>,
    form_id: &'static str,
    specs: &'static [FieldSpec],
    values: &Fields,
) -> impl IntoView {
    let lang = use_lang();
    specs
        .iter()
        .map(|spec| {
            if spec.name == "position" {
                view! {
                    <TextField state form_id field=spec.name name=format!("form[{}]", spec.name) label=spec.label.get(lang)
                        hint=spec.hint.map(|h| h.get(lang)).unwrap_or_default() value=values.get(spec.name).cloned().unwrap_or_default()
                        list="occupations" autocomplete="off" required=true/>
                }
                .into_any()
            } else {
                field_view(state, form_id, *spec, values)
            }
        })
        .collect_view()
}

/// A saved-receipt after a redirect with `gemt=1`.
fn saved_notice(text: &'static str) -> impl IntoView {
    let query = use_query_map();
    move || {
        query.with(|q| q.get(routes::SAVED_PARAM).is_some()).then(|| {
            view! { <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{text}</p></div></div> }
        })
    }
}

fn counts_table(
    caption: &'static str,
    first_col: &'static str,
    rows: Vec<PeriodCount>,
    lang: Lang,
) -> impl IntoView {
    view! {
        <table class="table table--compact">
            <caption>{caption}</caption>
            <thead><tr><th scope="col">{first_col}</th><th scope="col">{tr!(in lang, track.count_col)}</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|r| view! { <tr><td>{r.label}</td><td>{r.count}</td></tr> }).collect_view()}
            </tbody>
        </table>
    }
}

/// The log as a list with its counts; `actions` adds the citizen's edit and delete.
#[component]
pub(crate) fn JoblogList(
    log: JoblogView,
    #[prop(optional)] delete: Option<ServerAction<DeleteJoblogEntry>>,
) -> impl IntoView {
    let lang = use_lang();
    if log.entries.is_empty() {
        return view! { <p>{tr!(in lang, track.joblog_empty)}</p> }.into_any();
    }
    view! {
        <div class="joblog-counts">
            {counts_table(tr!(in lang, track.per_week_caption), tr!(in lang, track.week_col), log.per_week.into_iter().take(8).collect(), lang)}
            {counts_table(tr!(in lang, track.per_month_caption), tr!(in lang, track.month_col), log.per_month.into_iter().take(6).collect(), lang)}
        </div>
        <ul class="nobullet-list cv-entries joblog">
            {log.entries.into_iter().map(|e| {
                let heading = e.heading.clone();
                view! {
                    <li class="cv-entry">
                        <p class="h4">{e.kind.label(lang).to_string()}": "{e.heading.clone()}</p>
                        <ul class="nobullet-list">{e.lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        {delete.map(|delete| view! {
                            <div class="cv-entry-actions">
                                <a class="function-link" href=routes::joblog_edit(e.kind, e.id) aria-label=tr!(in lang, track.edit_label, name = heading.clone())>{tr!(in lang, track.edit)}</a>
                                <ActionForm attr:novalidate=true action=delete>
                                    <input type="hidden" name="id" value=e.id.to_string()/>
                                    <button type="submit" class="function-link" aria-label=tr!(in lang, track.delete_label, name = heading.clone())>{tr!(in lang, track.delete)}</button>
                                </ActionForm>
                            </div>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn JoblogPage() -> impl IntoView {
    let delete = ServerAction::<DeleteJoblogEntry>::new();
    let log = Resource::new(move || delete.version().get(), |_| get_my_joblog());
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, track.joblog_title)>
            <h1>{tr!(in lang, track.joblog_title)}</h1>
            {saved_notice(tr!(in lang, track.saved))}
            <p class="font-lead">{tr!(in lang, track.joblog_intro)}</p>
            <p>
                <a class="button button-primary" href=routes::JOBLOG_APPLICATION>{tr!(in lang, track.add_application)}</a>" "
                <a class="button button-secondary" href=routes::JOBLOG_ACTIVITY>{tr!(in lang, track.add_activity)}</a>
            </p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match log.await {
                        Ok(log) => view! { <h2>{tr!(in lang, track.joblog_entries)}</h2><JoblogList log delete/> }.into_any(),
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Suspense>
        </Page>
    }
}

const JOBLOG_FORM: &str = "joblog";

/// The form of one kind of registration (`?rediger=<id>` opens one of the citizen's).
#[component]
pub fn JoblogFormPage(kind: JoblogKind) -> impl IntoView {
    let query = use_query_map();
    let edit = move || query.with(|q| q.get(routes::EDIT_PARAM).unwrap_or_default());
    let save = ServerAction::<SaveJoblogEntry>::new();
    let state = form_state(save);
    let data = Resource::new(edit, move |e| get_joblog_form(kind.code().to_string(), e));
    let lang = use_lang();
    let title = match kind {
        JoblogKind::Application => tr!(in lang, track.application_title),
        JoblogKind::Activity => tr!(in lang, track.activity_title),
    };
    view! {
        <Page title=title>
            <p><a class="back-link" href=routes::JOBLOG>{tr!(in lang, track.back_to_joblog)}</a></p>
            <ErrorSummary state form_id=JOBLOG_FORM/>
            <h1>{title}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(v) => view! {
                            {(kind == JoblogKind::Activity).then(|| view! { <p>{tr!(in lang, track.activity_intro)}</p> })}
                            <CheckedForm form_id=JOBLOG_FORM check=Check::Joblog(kind) lang>
                                <ActionForm attr:novalidate=true attr:id=form_element_id(JOBLOG_FORM) action=save>
                                    <input type="hidden" name="kind" value=kind.code()/>
                                    <input type="hidden" name="id" value=v.editing.map(|i| i.to_string()).unwrap_or_default()/>
                                    {form_fields(state, JOBLOG_FORM, kind.fields(), &v.values)}
                                    <button type="submit" class="button button-primary">{tr!(in lang, track.save)}</button>
                                </ActionForm>
                            </CheckedForm>
                            {(kind == JoblogKind::Application).then(|| view! { <OccupationsDatalist/> })}
                        }.into_any(),
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Suspense>
        </Page>
    }
}

#[component]
pub fn JoblogApplicationPage() -> impl IntoView {
    view! { <JoblogFormPage kind=JoblogKind::Application/> }
}

#[component]
pub fn JoblogActivityPage() -> impl IntoView {
    view! { <JoblogFormPage kind=JoblogKind::Activity/> }
}

/// The plan's goals and activities, as the citizen and the caseworker both read them.
#[component]
pub(crate) fn PlanDocument(plan: PlanView) -> impl IntoView {
    let lang = use_lang();
    let Some(goals) = plan.goals.clone() else {
        return view! { <p>{tr!(in lang, track.plan_none)}</p> }.into_any();
    };
    let activities = move |track: PlanTrack| {
        let list: Vec<_> = plan
            .activities
            .iter()
            .filter(|a| a.track == track)
            .cloned()
            .collect();
        if list.is_empty() {
            return view! { <p>{tr!(in lang, track.plan_no_activities)}</p> }.into_any();
        }
        view! {
            <table class="table">
                <caption class="sr-only">{track.label(lang).to_string()}</caption>
                <thead><tr>
                    <th scope="col">{tr!(in lang, track.activity_col)}</th>
                    <th scope="col">{tr!(in lang, track.period_col)}</th>
                    <th scope="col">{tr!(in lang, track.status_col)}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|a| view! { <tr><td>{a.description}</td><td>{a.period}</td><td>{a.status}</td></tr> }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <p class="form-hint">{tr!(in lang, track.plan_written_by, by = plan.written_by.clone().unwrap_or_default(), at = plan.changed.clone().unwrap_or_default())}</p>
        <h2>{tr!(in lang, track.plan_job_heading)}</h2>
        <h3>{tr!(in lang, track.job_goal)}</h3>
        <p>{goals.job_goal.clone()}</p>
        <h3>{tr!(in lang, track.agreed_activities)}</h3>
        {activities(PlanTrack::Job)}
        {plan.education.then(|| view! {
            <h2>{tr!(in lang, track.plan_education_heading)}</h2>
            <h3>{tr!(in lang, track.education_goal)}</h3>
            <p>{goals.education_goal.clone().unwrap_or_else(|| tr!(in lang, track.not_written).to_string())}</p>
            <h3>{tr!(in lang, track.education_steps)}</h3>
            {activities(PlanTrack::Education)}
        })}
        <h2>{tr!(in lang, track.comments_heading)}</h2>
        {if plan.comments.is_empty() {
            view! { <p>{tr!(in lang, track.comments_none)}</p> }.into_any()
        } else {
            view! {
                <ul class="nobullet-list">
                    {plan.comments.iter().cloned().map(|(at, text)| view! { <li><p class="form-hint">{at}</p><p>{text}</p></li> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
    .into_any()
}

const COMMENT_FORM: &str = "comment";

#[component]
pub fn PlanPage() -> impl IntoView {
    let read = ServerAction::<MarkPlanRead>::new();
    let comment = ServerAction::<CommentOnPlan>::new();
    let state = form_state(comment);
    let plan = Resource::new(
        move || (read.version().get(), comment.version().get()),
        |_| get_my_plan(),
    );
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, track.plan_title)>
            <ErrorSummary state form_id=COMMENT_FORM/>
            <h1>{tr!(in lang, track.plan_title)}</h1>
            <p class="font-lead">{tr!(in lang, track.plan_intro)}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match plan.await {
                        Ok(p) => {
                            let has_plan = p.goals.is_some();
                            let read_state = if p.read {
                                tr!(in lang, track.plan_read_at, at = p.read_at.clone().unwrap_or_default())
                            } else {
                                tr!(in lang, track.plan_unread).to_string()
                            };
                            let unread = has_plan && !p.read;
                            view! {
                                <PlanDocument plan=p/>
                                {has_plan.then(|| view! {
                                    <h2>{tr!(in lang, track.read_heading)}</h2>
                                    <p>{read_state}</p>
                                    {unread.then(|| view! {
                                        <ActionForm action=read>
                                            <button type="submit" class="button button-secondary">{tr!(in lang, track.mark_read)}</button>
                                        </ActionForm>
                                    })}
                                    <h2>{tr!(in lang, track.comment_heading)}</h2>
                                    <ActionForm attr:novalidate=true attr:id="comment-form" action=comment>
                                        {form_fields(state, COMMENT_FORM, jobspor::track::plan::COMMENT_FIELDS, &Fields::new())}
                                        <button type="submit" class="button button-primary">{tr!(in lang, track.send_comment)}</button>
                                    </ActionForm>
                                })}
                            }.into_any()
                        }
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Suspense>
        </Page>
    }
}

/// One meeting's facts, for both sides.
#[component]
pub(crate) fn MeetingFacts(m: MeetingView) -> impl IntoView {
    let lang = use_lang();
    view! {
        <dl class="meeting-facts">
            <dt>{tr!(in lang, track.meeting_state)}</dt><dd><strong>{m.state_label.clone()}</strong></dd>
            <dt>{tr!(in lang, track.meeting_with)}</dt><dd>{m.organisation.clone()}{m.summoned_by.clone().map(|n| format!(" ({n})"))}</dd>
            <dt>{tr!(in lang, track.meeting_length)}</dt><dd>{m.length.clone()}</dd>
            <dt>{tr!(in lang, track.meeting_channel)}</dt><dd>{m.channel.clone()}</dd>
            <dt>{tr!(in lang, track.meeting_place)}</dt><dd>{m.place.clone()}</dd>
            {m.purpose.clone().map(|p| view! { <dt>{tr!(in lang, track.meeting_purpose)}</dt><dd>{p}</dd> })}
            {m.bring.clone().map(|b| view! { <dt>{tr!(in lang, track.meeting_bring)}</dt><dd>{b}</dd> })}
        </dl>
    }
}

const MEETINGS_FORM: &str = "meetings";

#[component]
pub fn MeetingsPage() -> impl IntoView {
    let query = use_query_map();
    let moving = move || query.with(|q| q.get(routes::MOVE_PARAM).unwrap_or_default());
    let accept = ServerAction::<AcceptSummons>::new();
    let book = ServerAction::<BookSlot>::new();
    let rebook = ServerAction::<RebookMeeting>::new();
    let cancel = ServerAction::<CancelBooking>::new();
    // Whichever was refused: a time just taken, a deadline passed.
    let refused = Signal::stored(
        [
            answer_state(accept),
            answer_state(book),
            answer_state(rebook),
            answer_state(cancel),
        ]
        .into_iter()
        .find(|s| !s.errors.is_empty() || s.general.is_some())
        .unwrap_or_default(),
    );
    let data = Resource::new(
        move || {
            (
                moving(),
                accept.version().get(),
                book.version().get(),
                rebook.version().get(),
                cancel.version().get(),
            )
        },
        |(m, ..)| get_my_meetings(m),
    );
    let lang = use_lang();
    view! {
        <Page title=tr!(in lang, track.meetings_title)>
            <ErrorSummary state=refused form_id=MEETINGS_FORM/>
            <h1>{tr!(in lang, track.meetings_title)}</h1>
            <p class="font-lead">{tr!(in lang, track.meetings_intro)}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(v) => {
                            let moving = v.moving;
                            let deadline = v.deadline_hours;
                            view! {
                                <h2>{tr!(in lang, track.my_meetings)}</h2>
                                {if v.meetings.is_empty() {
                                    view! { <p>{tr!(in lang, track.no_meetings)}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="nobullet-list cv-entries">
                                            {v.meetings.into_iter().map(|m| {
                                                let id = m.id;
                                                let when = m.when.clone();
                                                let may_accept = m.may_accept;
                                                let may_rebook = m.may_rebook;
                                                view! {
                                                    <li class="cv-entry">
                                                        <h3 class="h4">{when.clone()}</h3>
                                                        <MeetingFacts m/>
                                                        {may_accept.then(|| { let when = when.clone(); view! {
                                                            <ActionForm action=accept>
                                                                <input type="hidden" name="id" value=id.to_string()/>
                                                                <button type="submit" class="button button-primary" aria-label=tr!(in lang, track.accept_label, when = when.clone())>{tr!(in lang, track.accept)}</button>
                                                            </ActionForm>
                                                        }})}
                                                        {may_rebook.then(|| view! {
                                                            <div class="cv-entry-actions">
                                                                <a class="function-link" href=routes::meetings_moving(id) aria-label=tr!(in lang, track.move_label, when = when.clone())>{tr!(in lang, track.move_time)}</a>
                                                                <ActionForm attr:novalidate=true action=cancel>
                                                                    <input type="hidden" name="meeting" value=id.to_string()/>
                                                                    <button type="submit" class="function-link" aria-label=tr!(in lang, track.cancel_label, when = when.clone())>{tr!(in lang, track.cancel_time)}</button>
                                                                </ActionForm>
                                                            </div>
                                                        })}
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                                // The error summary's link for a refused booking leads here.
                                <h2 id="meetings-form">{match moving {
                                    Some(_) => tr!(in lang, track.choose_new_time),
                                    None => tr!(in lang, track.free_times),
                                }}</h2>
                                <p>{tr!(in lang, track.deadline_note, hours = deadline)}</p>
                                {if v.free.is_empty() {
                                    view! { <p>{tr!(in lang, track.no_free_times)}</p> }.into_any()
                                } else {
                                    view! {
                                        <table class="table">
                                            <caption class="sr-only">{tr!(in lang, track.free_times)}</caption>
                                            <thead><tr>
                                                <th scope="col">{tr!(in lang, track.when_col)}</th>
                                                <th scope="col">{tr!(in lang, track.meeting_channel)}</th>
                                                <th scope="col">{tr!(in lang, track.meeting_place)}</th>
                                                <th scope="col"><span class="sr-only">{tr!(in lang, track.choose_col)}</span></th>
                                            </tr></thead>
                                            <tbody>
                                                {v.free.into_iter().map(|s| {
                                                    let label = tr!(in lang, track.book_label, when = s.when.clone());
                                                    view! {
                                                        <tr>
                                                            <td>{s.when.clone()}" ("{s.length.clone()}")"</td>
                                                            <td>{s.channel.clone()}</td>
                                                            <td>{s.place.clone()}</td>
                                                            <td>{match moving {
                                                                Some(m) => view! {
                                                                    <ActionForm action=rebook>
                                                                        <input type="hidden" name="meeting" value=m.to_string()/>
                                                                        <input type="hidden" name="slot" value=s.id.to_string()/>
                                                                        <button type="submit" class="button button-secondary" aria-label=tr!(in lang, track.choose_label, when = s.when.clone())>{tr!(in lang, track.choose_this)}</button>
                                                                    </ActionForm>
                                                                }.into_any(),
                                                                None => view! {
                                                                    <ActionForm action=book>
                                                                        <input type="hidden" name="slot" value=s.id.to_string()/>
                                                                        <button type="submit" class="button button-secondary" aria-label=label.clone()>{tr!(in lang, track.book)}</button>
                                                                    </ActionForm>
                                                                }.into_any(),
                                                            }}</td>
                                                        </tr>
                                                    }
                                                }).collect_view()}
                                            </tbody>
                                        </table>
                                    }.into_any()
                                }}
                            }.into_any()
                        }
                        Err(e) => on_error(e, Area::Citizen),
                    }
                })}
            </Suspense>
        </Page>
    }
}
