//! Mine møder (issue 25): a jobcentre's summons, which the citizen accepts; free times the
//! jobcentre publishes, which the citizen books, moves or cancels until the jobcentre's
//! deadline. The jobcentre's changes and cancellations are notices to the citizen.
use crate::AppError;
use jobspor::form_fields::Fields;
use jobspor::track::meetings::MeetingState;
use jobspor::{CaseReference, MeetingId, SlotId};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A meeting as both sides see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingView {
    pub id: MeetingId,
    pub organisation: String,
    pub when: String,
    pub length: String,
    pub channel: String,
    pub place: String,
    pub purpose: Option<String>,
    pub bring: Option<String>,
    pub state: MeetingState,
    pub state_label: String,
    pub summoned_by: Option<String>,
    /// The citizen may accept it now.
    pub may_accept: bool,
    /// A self-booked time the citizen may still move or cancel.
    pub may_rebook: bool,
    /// The meeting is still ahead and not cancelled: the jobcentre may change or cancel it.
    pub ahead: bool,
}

/// A free (or booked) time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotView {
    pub id: SlotId,
    pub organisation: String,
    pub when: String,
    pub length: String,
    pub channel: String,
    pub place: String,
    pub booked: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyMeetingsView {
    pub meetings: Vec<MeetingView>,
    pub free: Vec<SlotView>,
    /// The booked meeting being moved (`?flyt=`), when it may be.
    pub moving: Option<MeetingId>,
    /// The deadline of the citizen's jobcentre, in hours.
    pub deadline_hours: i64,
}

/// The caseworker's page of a citizen's meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseMeetingsView {
    pub name: String,
    pub meetings: Vec<MeetingView>,
    /// The meeting opened in the form to change it (`?rediger=`).
    pub editing: Option<MeetingId>,
    pub form: Fields,
}

/// The jobcentre's free times and its deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotsView {
    pub organisation: String,
    pub deadline_hours: i64,
    pub slots: Vec<SlotView>,
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use super::*;
    use crate::ssr::state::AppState;
    use chrono::{DateTime, Utc};
    use jobspor::dates::format_da_time;
    use jobspor::notices::{channels, idempotency_key, NoticeKind};
    use jobspor::track::meetings::{
        booking_open, may_accept, notice_text, MeetingLength, MeetingTime,
    };
    use jobspor_store::citizens::CitizenRecord;
    use jobspor_store::meetings::{MeetingRecord, SlotRecord};
    use jobspor_store::outbox::NewNotice;

    fn length(minutes: i64, lang: jobspor::Lang) -> String {
        MeetingLength::from_code(&minutes.to_string())
            .map(|l| l.label(lang).to_string())
            .unwrap_or_else(|_| format!("{minutes} min."))
    }

    pub fn meeting_view(m: MeetingRecord, deadline_hours: i64, now: DateTime<Utc>) -> MeetingView {
        let lang = crate::lang::current();
        let ahead = m.state != MeetingState::Cancelled && m.time.starts_at > now;
        MeetingView {
            id: m.id,
            when: format_da_time(m.time.starts_at),
            length: length(m.time.minutes, lang),
            channel: m.time.channel.label(lang).to_string(),
            may_accept: may_accept(m.state, m.time.starts_at, now),
            may_rebook: m.state == MeetingState::Booked
                && booking_open(m.time.starts_at, deadline_hours, now),
            ahead,
            state_label: m.state.label(lang).to_string(),
            state: m.state,
            organisation: m.organisation,
            place: m.time.place,
            purpose: m.purpose,
            bring: m.bring,
            summoned_by: m.summoned_by,
        }
    }

    pub fn slot_view(s: SlotRecord) -> SlotView {
        let lang = crate::lang::current();
        SlotView {
            id: s.id,
            organisation: s.organisation,
            when: format_da_time(s.time.starts_at),
            length: length(s.time.minutes, lang),
            channel: s.time.channel.label(lang).to_string(),
            place: s.time.place,
            booked: s.booked,
        }
    }

    /// The notice of `kind` about a meeting, in the citizen's language, by the channels
    /// the citizen chose; once per meeting and moment.
    pub fn notice(
        state: &AppState,
        citizen: &CitizenRecord,
        kind: NoticeKind,
        now: DateTime<Utc>,
    ) -> impl FnOnce(&MeetingRecord) -> NewNotice {
        let portal = state.oidc.settings().public_url.clone();
        let reach = citizen.reach();
        let lang = citizen.language;
        let citizen_id = citizen.id;
        move |m: &MeetingRecord| {
            let text = notice_text(kind, &m.organisation, m.time.starts_at, lang, &portal);
            NewNotice {
                citizen_id,
                kind,
                key: idempotency_key(
                    citizen_id.get(),
                    kind,
                    &format!("{}-{}", m.id, now.timestamp()),
                ),
                subject: text.subject,
                body: text.body,
                sms: text.sms,
                email: None,
                sender: m
                    .summoned_by
                    .as_ref()
                    .map(|n| format!("{} ({n})", m.organisation)),
                deliveries: channels(kind, &reach),
            }
        }
    }

    /// Where the citizen lives (the CPR register's municipality): which jobcentre's times
    /// they may book.
    pub async fn municipality(
        state: &AppState,
        me: jobspor::policy::Caller<jobspor::CitizenId>,
    ) -> Result<String, AppError> {
        Ok(state
            .store
            .citizen(me.id())
            .await?
            .person
            .municipality_code
            .unwrap_or_default())
    }

    pub fn parse_time(form: &Fields, now: DateTime<Utc>) -> Result<MeetingTime, AppError> {
        let echo = crate::api::echo_fields(form);
        MeetingTime::parse_slot(form, now).map_err(|e| AppError::invalid(e, echo))
    }
}

/// The citizen's meetings, and the free times of the jobcentre serving them. `moving`: a
/// booked meeting being moved to another time.
#[server(endpoint = "citizen/meetings")]
pub async fn get_my_meetings(moving: String) -> Result<MyMeetingsView, AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    let now = state.clock.now();
    let municipality = server::municipality(&state, me).await?;
    let free = state.store.free_slots(&municipality, now).await?;
    let records = state.store.my_meetings(me).await?;
    let mut deadlines = std::collections::HashMap::new();
    let mut meetings = Vec::new();
    for m in records {
        let deadline = match deadlines.get(&m.organisation) {
            Some(d) => *d,
            None => {
                let d = state.store.booking_deadline(&m.organisation).await?;
                deadlines.insert(m.organisation.clone(), d);
                d
            }
        };
        meetings.push(server::meeting_view(m, deadline, now));
    }
    let moving = moving
        .trim()
        .parse::<MeetingId>()
        .ok()
        .filter(|id| meetings.iter().any(|m| m.id == *id && m.may_rebook));
    let deadline_hours = free
        .first()
        .map(|s| s.deadline_hours)
        .unwrap_or(jobspor::track::meetings::DEFAULT_BOOKING_DEADLINE_HOURS);
    Ok(MyMeetingsView {
        meetings,
        free: free.into_iter().map(server::slot_view).collect(),
        moving,
        deadline_hours,
    })
}

#[server(endpoint = "citizen/meeting-accept")]
pub async fn accept_summons(id: MeetingId) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    state
        .store
        .accept_summons(me, id, state.clock.now())
        .await?;
    leptos_axum::redirect(crate::routes::MEETINGS);
    Ok(())
}

#[server(endpoint = "citizen/slot-book")]
pub async fn book_slot(slot: SlotId) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    let municipality = server::municipality(&state, me).await?;
    state
        .store
        .book_slot(me, slot, &municipality, state.clock.now())
        .await?;
    leptos_axum::redirect(crate::routes::MEETINGS);
    Ok(())
}

/// Moves one of the citizen's booked meetings to another free time.
#[server(endpoint = "citizen/slot-rebook")]
pub async fn rebook_meeting(meeting: MeetingId, slot: SlotId) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    let municipality = server::municipality(&state, me).await?;
    state
        .store
        .rebook(me, meeting, slot, &municipality, state.clock.now())
        .await?;
    leptos_axum::redirect(crate::routes::MEETINGS);
    Ok(())
}

#[server(endpoint = "citizen/booking-cancel")]
pub async fn cancel_booking(meeting: MeetingId) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    state
        .store
        .cancel_booking(me, meeting, state.clock.now())
        .await?;
    leptos_axum::redirect(crate::routes::MEETINGS);
    Ok(())
}

/// A served citizen's meetings (the read recorded); `edit` opens one in the form.
#[server(endpoint = "caseworker/meetings")]
pub async fn get_case_meetings(
    reference: CaseReference,
    edit: String,
) -> Result<CaseMeetingsView, AppError> {
    use jobspor::access::{AccessBasis, AccessWhat};
    let (state, me) = crate::ssr::guard::caseworker().await?;
    let (worker, citizen) =
        crate::api::caseworker::open_served_case(&state, me, &reference).await?;
    let now = state.clock.now();
    let basis = AccessBasis::ServedMunicipality(
        citizen.person.municipality_code.clone().unwrap_or_default(),
    );
    let read = crate::api::case::server::staff_read(
        &worker,
        citizen.id,
        &basis,
        AccessWhat::ReadMeetings,
        now,
    );
    let records = state.store.meetings_for_staff(citizen.id, &read).await?;
    let editing = edit.trim().parse::<MeetingId>().ok();
    let form = editing
        .and_then(|id| records.iter().find(|m| m.id == id))
        .filter(|m| m.state != MeetingState::Cancelled && m.time.starts_at > now)
        .map(|m| {
            jobspor::track::meetings::Summons {
                time: m.time.clone(),
                purpose: m.purpose.clone().unwrap_or_default(),
                bring: m.bring.clone(),
            }
            .fields()
        })
        .unwrap_or_default();
    let deadline = state.store.booking_deadline(&worker.organisation).await?;
    Ok(CaseMeetingsView {
        name: citizen.person.full_name(),
        editing: editing.filter(|_| !form.is_empty()),
        meetings: records
            .into_iter()
            .map(|m| server::meeting_view(m, deadline, now))
            .collect(),
        form,
    })
}

/// Summons a served citizen to a meeting, or changes one of their meetings (`id`); either
/// is a notice to the citizen.
#[server(endpoint = "caseworker/summon")]
pub async fn summon_citizen(
    reference: CaseReference,
    #[server(default)] id: String,
    #[server(default)] form: Fields,
) -> Result<(), AppError> {
    use jobspor::notices::NoticeKind;
    use jobspor::track::meetings::Summons;
    let (state, me) = crate::ssr::guard::caseworker().await?;
    let (worker, citizen) =
        crate::api::caseworker::open_served_case(&state, me, &reference).await?;
    let now = state.clock.now();
    let id = match id.trim() {
        "" => None,
        raw => Some(raw.parse::<MeetingId>().map_err(|_| AppError::NotFound)?),
    };
    let echo = crate::api::echo_fields(&form);
    let summons = Summons::parse(&form, now).map_err(|e| AppError::invalid(e, echo.clone()))?;
    let refused_at_date = |e: jobspor_store::StoreError| match e {
        jobspor_store::StoreError::Refused(key) => AppError::field("date", key, echo.clone()),
        e => e.into(),
    };
    match id {
        None => {
            state
                .store
                .summon(
                    citizen.id,
                    &worker.organisation,
                    &worker.name,
                    &summons,
                    server::notice(&state, &citizen, NoticeKind::MeetingSummons, now),
                    now,
                )
                .await?;
        }
        Some(id) => state
            .store
            .change_meeting(
                citizen.id,
                id,
                &worker.name,
                &summons,
                server::notice(&state, &citizen, NoticeKind::MeetingChanged, now),
                now,
            )
            .await
            .map_err(refused_at_date)?,
    }
    leptos_axum::redirect(&crate::routes::caseworker_meetings(&reference));
    Ok(())
}

/// Cancels one of a served citizen's meetings; a notice to the citizen.
#[server(endpoint = "caseworker/meeting-cancel")]
pub async fn cancel_citizen_meeting(
    reference: CaseReference,
    id: MeetingId,
) -> Result<(), AppError> {
    use jobspor::notices::NoticeKind;
    let (state, me) = crate::ssr::guard::caseworker().await?;
    let (worker, citizen) =
        crate::api::caseworker::open_served_case(&state, me, &reference).await?;
    let now = state.clock.now();
    state
        .store
        .cancel_meeting(
            citizen.id,
            id,
            &worker.name,
            server::notice(&state, &citizen, NoticeKind::MeetingCancelled, now),
            now,
        )
        .await
        .map_err(|e| match e {
            // A meeting not (or no longer) the citizen's: the same answer as one begun.
            jobspor_store::StoreError::NotFound => {
                AppError::field("id", jobspor::Msg::MeetingNotOpen, Vec::new())
            }
            jobspor_store::StoreError::Refused(key) => AppError::field("id", key, Vec::new()),
            e => e.into(),
        })?;
    leptos_axum::redirect(&crate::routes::caseworker_meetings(&reference));
    Ok(())
}

/// The jobcentre's free times and its deadline.
#[server(endpoint = "caseworker/slots")]
pub async fn get_slots() -> Result<SlotsView, AppError> {
    let (state, me) = crate::ssr::guard::caseworker().await?;
    let worker = state.store.caseworker(me.id()).await?;
    let slots = state
        .store
        .jobcentre_slots(&worker.organisation, state.clock.now())
        .await?;
    Ok(SlotsView {
        deadline_hours: state.store.booking_deadline(&worker.organisation).await?,
        slots: slots.into_iter().map(server::slot_view).collect(),
        organisation: worker.organisation,
    })
}

/// Publishes a free time for the citizens of the municipalities the jobcentre serves.
#[server(endpoint = "caseworker/slot-publish")]
pub async fn publish_slot(#[server(default)] form: Fields) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::caseworker().await?;
    let worker = state.store.caseworker(me.id()).await?;
    let now = state.clock.now();
    let time = server::parse_time(&form, now)?;
    let jobcentre = jobspor_store::meetings::Jobcentre {
        organisation: &worker.organisation,
        municipality_codes: &worker.municipality_codes,
    };
    state
        .store
        .publish_slot(jobcentre, me.id(), &time, now)
        .await?;
    leptos_axum::redirect(crate::routes::CASEWORKER_SLOTS);
    Ok(())
}

/// Withdraws one of the jobcentre's free times (not a booked one).
#[server(endpoint = "caseworker/slot-withdraw")]
pub async fn withdraw_slot(id: SlotId) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::caseworker().await?;
    let worker = state.store.caseworker(me.id()).await?;
    if !state.store.withdraw_slot(&worker.organisation, id).await? {
        return Err(AppError::NotFound);
    }
    leptos_axum::redirect(crate::routes::CASEWORKER_SLOTS);
    Ok(())
}

/// Sets the jobcentre's deadline for booking, moving and cancelling a time.
#[server(endpoint = "caseworker/booking-deadline")]
pub async fn set_booking_deadline(#[server(default)] form: Fields) -> Result<(), AppError> {
    let (state, me) = crate::ssr::guard::caseworker().await?;
    let worker = state.store.caseworker(me.id()).await?;
    let echo = crate::api::echo_fields(&form);
    let hours =
        jobspor::track::meetings::parse_deadline(&form).map_err(|e| AppError::invalid(e, echo))?;
    state
        .store
        .set_booking_deadline(&worker.organisation, hours, state.clock.now())
        .await?;
    leptos_axum::redirect(crate::routes::CASEWORKER_SLOTS);
    Ok(())
}
