//! Mine møder (issue 25): summonses from the jobcentre, which the citizen accepts; free times
//! the jobcentre publishes, which citizens book, move and cancel until the jobcentre's
//! deadline. A time is booked by one conditional update (`WHERE booked_by IS NULL`): of two
//! citizens booking the same time at the same instant, on either engine, one gets it and
//! the other `SlotTaken`. Every change the jobcentre makes is a notice to the citizen,
//! queued in the change's transaction.
use crate::access_log::{record, AccessEntry};
use crate::outbox::{queue, queue_all, NewNotice};
use crate::{from_ts, ts, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use jobspor::notices::{channels, idempotency_key, NoticeKind};
use jobspor::policy::Caller;
use jobspor::track::meetings::{
    booking_open, may_accept, notice_text, reminder_window, MeetingChannel, MeetingState,
    MeetingTime, Summons, DEFAULT_BOOKING_DEADLINE_HOURS,
};
use jobspor::{CaseworkerId, CitizenId, MeetingId, Msg, SlotId};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

/// A meeting as both sides see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRecord {
    pub id: MeetingId,
    pub citizen_id: CitizenId,
    pub organisation: String,
    /// The caseworker who summoned (or last changed) it; `None` for a time the citizen booked.
    pub summoned_by: Option<String>,
    pub time: MeetingTime,
    pub purpose: Option<String>,
    pub bring: Option<String>,
    pub state: MeetingState,
    pub slot_id: Option<SlotId>,
    pub answered_at: Option<DateTime<Utc>>,
    pub changed_at: Option<DateTime<Utc>>,
}

/// A free (or booked) time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotRecord {
    pub id: SlotId,
    pub organisation: String,
    pub time: MeetingTime,
    pub booked: bool,
    /// The jobcentre's deadline for this time, in hours before it.
    pub deadline_hours: i64,
}

/// The jobcentre a staff member acts for: its name and the municipalities it serves.
#[derive(Debug, Clone, Copy)]
pub struct Jobcentre<'a> {
    pub organisation: &'a str,
    pub municipality_codes: &'a [String],
}

const MEETING_COLUMNS: &str = "id, citizen_id, organisation, summoned_by, starts_at, minutes, channel, place, purpose, bring, state, slot_id, answered_at, changed_at";
const SLOT_COLUMNS: &str = "s.id, s.organisation, s.starts_at, s.minutes, s.channel, s.place, s.booked_by, COALESCE(j.booking_deadline_hours, $1) AS deadline";

fn corrupt(what: &'static str, value: &str) -> StoreError {
    StoreError::Corrupt {
        what,
        value: value.to_string(),
    }
}

fn time_of(r: &AnyRow) -> Result<MeetingTime> {
    let channel: String = r.try_get("channel")?;
    Ok(MeetingTime {
        starts_at: from_ts(r.try_get("starts_at")?),
        minutes: r.try_get::<i64, _>("minutes")?,
        channel: MeetingChannel::from_code(&channel)
            .map_err(|_| corrupt("meeting channel", &channel))?,
        place: r.try_get("place")?,
    })
}

fn meeting_of(r: &AnyRow) -> Result<MeetingRecord> {
    let state: String = r.try_get("state")?;
    Ok(MeetingRecord {
        id: MeetingId::new(r.try_get("id")?),
        citizen_id: CitizenId::new(r.try_get("citizen_id")?),
        organisation: r.try_get("organisation")?,
        summoned_by: r.try_get("summoned_by")?,
        time: time_of(r)?,
        purpose: r.try_get("purpose")?,
        bring: r.try_get("bring")?,
        state: MeetingState::from_code(&state).map_err(|_| corrupt("meeting state", &state))?,
        slot_id: r.try_get::<Option<i64>, _>("slot_id")?.map(SlotId::new),
        answered_at: r.try_get::<Option<i64>, _>("answered_at")?.map(from_ts),
        changed_at: r.try_get::<Option<i64>, _>("changed_at")?.map(from_ts),
    })
}

fn slot_of(r: &AnyRow) -> Result<SlotRecord> {
    Ok(SlotRecord {
        id: SlotId::new(r.try_get("id")?),
        organisation: r.try_get("organisation")?,
        time: time_of(r)?,
        booked: r.try_get::<Option<i64>, _>("booked_by")?.is_some(),
        deadline_hours: r.try_get("deadline")?,
    })
}

/// `|751|752|`: how a slot keeps the municipalities it is for, searched with `LIKE`.
fn codes_text(codes: &[String]) -> String {
    format!("|{}|", codes.join("|"))
}

fn code_pattern(code: &str) -> String {
    format!("%|{code}|%")
}

async fn meetings_of(conn: &mut AnyConnection, citizen: CitizenId) -> Result<Vec<MeetingRecord>> {
    sqlx::query(&format!(
        "SELECT {MEETING_COLUMNS} FROM meetings WHERE citizen_id = $1 ORDER BY starts_at, id"
    ))
    .bind(citizen.get())
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(meeting_of)
    .collect()
}

async fn meeting_in(
    conn: &mut AnyConnection,
    citizen: CitizenId,
    id: MeetingId,
) -> Result<MeetingRecord> {
    let row = sqlx::query(&format!(
        "SELECT {MEETING_COLUMNS} FROM meetings WHERE id = $1 AND citizen_id = $2"
    ))
    .bind(id.get())
    .bind(citizen.get())
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound)?;
    meeting_of(&row)
}

/// A free time a citizen of `municipality` may book, with its jobcentre's deadline.
async fn slot_for(conn: &mut AnyConnection, id: SlotId, municipality: &str) -> Result<SlotRecord> {
    let row = sqlx::query(&format!(
        "SELECT {SLOT_COLUMNS} FROM meeting_slots s LEFT JOIN jobcentre_settings j ON j.organisation = s.organisation \
         WHERE s.id = $2 AND s.municipality_codes LIKE $3"
    ))
    .bind(DEFAULT_BOOKING_DEADLINE_HOURS)
    .bind(id.get())
    .bind(code_pattern(municipality))
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound)?;
    slot_of(&row)
}

/// Takes the time for `citizen` if no one has it: the one statement that decides a race.
async fn take(
    conn: &mut AnyConnection,
    slot: SlotId,
    citizen: CitizenId,
    now: DateTime<Utc>,
) -> Result<()> {
    let taken = sqlx::query(
        "UPDATE meeting_slots SET booked_by = $1, booked_at = $2 WHERE id = $3 AND booked_by IS NULL",
    )
    .bind(citizen.get())
    .bind(ts(now))
    .bind(slot.get())
    .execute(&mut *conn)
    .await?;
    if taken.rows_affected() == 1 {
        Ok(())
    } else {
        Err(StoreError::Refused(Msg::SlotTaken))
    }
}

async fn release(conn: &mut AnyConnection, slot: Option<SlotId>) -> Result<()> {
    if let Some(slot) = slot {
        sqlx::query("UPDATE meeting_slots SET booked_by = NULL, booked_at = NULL WHERE id = $1")
            .bind(slot.get())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

async fn deadline_of(conn: &mut AnyConnection, organisation: &str) -> Result<i64> {
    Ok(sqlx::query_scalar::<_, i64>(
        "SELECT booking_deadline_hours FROM jobcentre_settings WHERE organisation = $1",
    )
    .bind(organisation)
    .fetch_optional(&mut *conn)
    .await?
    .unwrap_or(DEFAULT_BOOKING_DEADLINE_HOURS))
}

/// A self-booked meeting of the citizen's that may still be moved or cancelled.
async fn open_booking(
    conn: &mut AnyConnection,
    citizen: CitizenId,
    id: MeetingId,
    now: DateTime<Utc>,
) -> Result<MeetingRecord> {
    let m = meeting_in(conn, citizen, id).await?;
    if m.state != MeetingState::Booked || m.slot_id.is_none() {
        return Err(StoreError::Refused(Msg::MeetingNotOpen));
    }
    if !booking_open(
        m.time.starts_at,
        deadline_of(conn, &m.organisation).await?,
        now,
    ) {
        return Err(StoreError::Refused(Msg::BookingClosed));
    }
    Ok(m)
}

impl Store {
    /// The citizen's own meetings, by time.
    pub async fn my_meetings(&self, citizen: Caller<CitizenId>) -> Result<Vec<MeetingRecord>> {
        let mut conn = self.pool.acquire().await?;
        meetings_of(&mut conn, citizen.id()).await
    }

    /// The citizen accepts a summons: refused once answered, cancelled or begun.
    pub async fn accept_summons(
        &self,
        citizen: Caller<CitizenId>,
        id: MeetingId,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let m = meeting_in(&mut tx, citizen.id(), id).await?;
        if !may_accept(m.state, m.time.starts_at, now) {
            return Err(StoreError::Refused(Msg::MeetingNotOpen));
        }
        sqlx::query(
            "UPDATE meetings SET state = $1, answered_at = $2 WHERE id = $3 AND state = $4",
        )
        .bind(MeetingState::Accepted.code())
        .bind(ts(now))
        .bind(id.get())
        .bind(MeetingState::Summoned.code())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The free times a citizen living in `municipality` may book now (its jobcentre's
    /// deadline not passed), by time.
    pub async fn free_slots(
        &self,
        municipality: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<SlotRecord>> {
        let rows = sqlx::query(&format!(
            "SELECT {SLOT_COLUMNS} FROM meeting_slots s LEFT JOIN jobcentre_settings j ON j.organisation = s.organisation \
             WHERE s.municipality_codes LIKE $2 AND s.booked_by IS NULL AND s.starts_at > $3 ORDER BY s.starts_at, s.id LIMIT 200"
        ))
        .bind(DEFAULT_BOOKING_DEADLINE_HOURS)
        .bind(code_pattern(municipality))
        .bind(ts(now))
        .fetch_all(&self.pool)
        .await?;
        let mut slots = Vec::new();
        for r in &rows {
            let s = slot_of(r)?;
            if booking_open(s.time.starts_at, s.deadline_hours, now) {
                slots.push(s);
            }
        }
        Ok(slots)
    }

    /// Books a free time for a citizen living in `municipality`: `SlotTaken` when someone
    /// else has it, `BookingClosed` past the deadline, `NotFound` for a time not of the
    /// citizen's jobcentre.
    pub async fn book_slot(
        &self,
        citizen: Caller<CitizenId>,
        slot: SlotId,
        municipality: &str,
        now: DateTime<Utc>,
    ) -> Result<MeetingId> {
        let mut tx = self.begin_write().await?;
        let s = slot_for(&mut tx, slot, municipality).await?;
        if !booking_open(s.time.starts_at, s.deadline_hours, now) {
            return Err(StoreError::Refused(Msg::BookingClosed));
        }
        take(&mut tx, slot, citizen.id(), now).await?;
        let row = sqlx::query(
            "INSERT INTO meetings (citizen_id, organisation, starts_at, minutes, channel, place, state, slot_id, created_at) \
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id",
        )
        .bind(citizen.id().get())
        .bind(&s.organisation)
        .bind(ts(s.time.starts_at))
        .bind(s.time.minutes)
        .bind(s.time.channel.code())
        .bind(&s.time.place)
        .bind(MeetingState::Booked.code())
        .bind(slot.get())
        .bind(ts(now))
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(MeetingId::new(row.try_get("id")?))
    }

    /// Moves a booked meeting to another free time: both within their deadlines, the new
    /// time taken and the old one freed in one transaction.
    pub async fn rebook(
        &self,
        citizen: Caller<CitizenId>,
        meeting: MeetingId,
        slot: SlotId,
        municipality: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let m = open_booking(&mut tx, citizen.id(), meeting, now).await?;
        let s = slot_for(&mut tx, slot, municipality).await?;
        if !booking_open(s.time.starts_at, s.deadline_hours, now) {
            return Err(StoreError::Refused(Msg::BookingClosed));
        }
        take(&mut tx, slot, citizen.id(), now).await?;
        release(&mut tx, m.slot_id).await?;
        sqlx::query(
            "UPDATE meetings SET organisation = $1, starts_at = $2, minutes = $3, channel = $4, place = $5, \
             slot_id = $6, changed_at = $7 WHERE id = $8",
        )
        .bind(&s.organisation)
        .bind(ts(s.time.starts_at))
        .bind(s.time.minutes)
        .bind(s.time.channel.code())
        .bind(&s.time.place)
        .bind(slot.get())
        .bind(ts(now))
        .bind(meeting.get())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Cancels a booked meeting before the deadline; the time is free again.
    pub async fn cancel_booking(
        &self,
        citizen: Caller<CitizenId>,
        meeting: MeetingId,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let m = open_booking(&mut tx, citizen.id(), meeting, now).await?;
        release(&mut tx, m.slot_id).await?;
        sqlx::query("UPDATE meetings SET state = $1, changed_at = $2 WHERE id = $3")
            .bind(MeetingState::Cancelled.code())
            .bind(ts(now))
            .bind(meeting.get())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The citizen's meetings as the jobcentre reads them, the read recorded (`read`).
    pub async fn meetings_for_staff(
        &self,
        citizen: CitizenId,
        read: &AccessEntry,
    ) -> Result<Vec<MeetingRecord>> {
        let mut tx = self.begin_write().await?;
        record(&mut tx, read).await?;
        let list = meetings_of(&mut tx, citizen).await?;
        tx.commit().await?;
        Ok(list)
    }

    /// A jobcentre summons a citizen; `notice` (given the meeting) is queued in the same
    /// transaction.
    pub async fn summon(
        &self,
        citizen: CitizenId,
        organisation: &str,
        caseworker_name: &str,
        s: &Summons,
        notice: impl FnOnce(&MeetingRecord) -> NewNotice,
        now: DateTime<Utc>,
    ) -> Result<MeetingId> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(
            "INSERT INTO meetings (citizen_id, organisation, summoned_by, starts_at, minutes, channel, place, purpose, bring, state, created_at) \
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id",
        )
        .bind(citizen.get())
        .bind(organisation)
        .bind(caseworker_name)
        .bind(ts(s.time.starts_at))
        .bind(s.time.minutes)
        .bind(s.time.channel.code())
        .bind(&s.time.place)
        .bind(&s.purpose)
        .bind(&s.bring)
        .bind(MeetingState::Summoned.code())
        .bind(ts(now))
        .fetch_one(&mut *tx)
        .await?;
        let id = MeetingId::new(row.try_get("id")?);
        let m = meeting_in(&mut tx, citizen, id).await?;
        queue(&mut tx, &notice(&m), now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A jobcentre changes a meeting: a new summons for the citizen to answer (a booked time
    /// is freed). Refused once cancelled or begun. `notice` is queued in the same
    /// transaction.
    pub async fn change_meeting(
        &self,
        citizen: CitizenId,
        id: MeetingId,
        caseworker_name: &str,
        s: &Summons,
        notice: impl FnOnce(&MeetingRecord) -> NewNotice,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.rework_meeting(citizen, id, caseworker_name, Rework::Change(s), notice, now)
            .await
    }

    /// A jobcentre cancels a meeting (a booked time is freed); `notice` is queued in the
    /// same transaction. Refused once cancelled or begun.
    pub async fn cancel_meeting(
        &self,
        citizen: CitizenId,
        id: MeetingId,
        caseworker_name: &str,
        notice: impl FnOnce(&MeetingRecord) -> NewNotice,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.rework_meeting(citizen, id, caseworker_name, Rework::Cancel, notice, now)
            .await
    }

    /// A jobcentre's change or cancellation: refused once cancelled or begun; a booked
    /// time is freed; the meeting is updated and `notice` queued, in one transaction.
    async fn rework_meeting(
        &self,
        citizen: CitizenId,
        id: MeetingId,
        caseworker_name: &str,
        rework: Rework<'_>,
        notice: impl FnOnce(&MeetingRecord) -> NewNotice,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let before = meeting_in(&mut tx, citizen, id).await?;
        if before.state == MeetingState::Cancelled || before.time.starts_at <= now {
            return Err(StoreError::Refused(Msg::MeetingNotOpen));
        }
        release(&mut tx, before.slot_id).await?;
        let update = match rework {
            Rework::Change(s) => sqlx::query(
                "UPDATE meetings SET summoned_by = $1, starts_at = $2, minutes = $3, channel = $4, place = $5, purpose = $6, \
                 bring = $7, state = $8, slot_id = NULL, answered_at = NULL, changed_at = $9 WHERE id = $10",
            )
            .bind(caseworker_name)
            .bind(ts(s.time.starts_at))
            .bind(s.time.minutes)
            .bind(s.time.channel.code())
            .bind(&s.time.place)
            .bind(&s.purpose)
            .bind(&s.bring)
            .bind(MeetingState::Summoned.code()),
            Rework::Cancel => sqlx::query(
                "UPDATE meetings SET state = $1, summoned_by = $2, changed_at = $3 WHERE id = $4",
            )
            .bind(MeetingState::Cancelled.code())
            .bind(caseworker_name),
        };
        update
            .bind(ts(now))
            .bind(id.get())
            .execute(&mut *tx)
            .await?;
        let m = meeting_in(&mut tx, citizen, id).await?;
        queue(&mut tx, &notice(&m), now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A jobcentre publishes a free time for the citizens of the municipalities it serves.
    pub async fn publish_slot(
        &self,
        jobcentre: Jobcentre<'_>,
        by: CaseworkerId,
        time: &MeetingTime,
        now: DateTime<Utc>,
    ) -> Result<SlotId> {
        let row = sqlx::query(
            "INSERT INTO meeting_slots (organisation, municipality_codes, starts_at, minutes, channel, place, created_by, created_at) \
             VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id",
        )
        .bind(jobcentre.organisation)
        .bind(codes_text(jobcentre.municipality_codes))
        .bind(ts(time.starts_at))
        .bind(time.minutes)
        .bind(time.channel.code())
        .bind(&time.place)
        .bind(by.get())
        .bind(ts(now))
        .fetch_one(&self.pool)
        .await?;
        Ok(SlotId::new(row.try_get("id")?))
    }

    /// A jobcentre's times from `now` on, free and booked.
    pub async fn jobcentre_slots(
        &self,
        organisation: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<SlotRecord>> {
        sqlx::query(&format!(
            "SELECT {SLOT_COLUMNS} FROM meeting_slots s LEFT JOIN jobcentre_settings j ON j.organisation = s.organisation \
             WHERE s.organisation = $2 AND s.starts_at > $3 ORDER BY s.starts_at, s.id LIMIT 500"
        ))
        .bind(DEFAULT_BOOKING_DEADLINE_HOURS)
        .bind(organisation)
        .bind(ts(now))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(slot_of)
        .collect()
    }

    /// Withdraws one of the jobcentre's free times; `false` when it is booked or not theirs.
    pub async fn withdraw_slot(&self, organisation: &str, id: SlotId) -> Result<bool> {
        Ok(sqlx::query(
            "DELETE FROM meeting_slots WHERE id = $1 AND organisation = $2 AND booked_by IS NULL",
        )
        .bind(id.get())
        .bind(organisation)
        .execute(&self.pool)
        .await?
        .rows_affected()
            == 1)
    }

    /// The jobcentre's deadline for self-booking, in hours before a meeting.
    pub async fn booking_deadline(&self, organisation: &str) -> Result<i64> {
        let mut conn = self.pool.acquire().await?;
        deadline_of(&mut conn, organisation).await
    }

    pub async fn set_booking_deadline(
        &self,
        organisation: &str,
        hours: i64,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO jobcentre_settings (organisation, booking_deadline_hours, changed_at) VALUES ($1,$2,$3) \
             ON CONFLICT (organisation) DO UPDATE SET booking_deadline_hours = excluded.booking_deadline_hours, \
             changed_at = excluded.changed_at",
        )
        .bind(organisation)
        .bind(hours)
        .bind(ts(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The reminders the day before (`track::meetings::reminder_window`): every live
    /// meeting on the next Danish day, once per meeting and time. How many were queued.
    pub async fn scan_meeting_reminders(&self, now: DateTime<Utc>, portal: &str) -> Result<u64> {
        let Some((from, until)) = reminder_window(now) else {
            return Ok(0);
        };
        let rows = sqlx::query(
            "SELECT m.id, m.citizen_id, m.organisation, m.starts_at, c.email, c.phone, c.sms_reminders, c.email_reminders, c.language \
             FROM meetings m JOIN citizens c ON c.id = m.citizen_id \
             WHERE m.starts_at >= $1 AND m.starts_at < $2 AND m.state <> $3",
        )
        .bind(ts(from))
        .bind(ts(until))
        .bind(MeetingState::Cancelled.code())
        .fetch_all(&self.pool)
        .await?;
        let mut notices = Vec::new();
        for r in &rows {
            let id: i64 = r.try_get("id")?;
            let citizen_id: i64 = r.try_get("citizen_id")?;
            let starts_at = from_ts(r.try_get("starts_at")?);
            let organisation: String = r.try_get("organisation")?;
            let (reach, lang) = crate::citizens::reach_of(r)?;
            let text = notice_text(
                NoticeKind::MeetingReminder,
                &organisation,
                starts_at,
                lang,
                portal,
            );
            notices.push(NewNotice {
                citizen_id: CitizenId::new(citizen_id),
                kind: NoticeKind::MeetingReminder,
                key: idempotency_key(
                    citizen_id,
                    NoticeKind::MeetingReminder,
                    &format!("{id}-{}", starts_at.timestamp()),
                ),
                subject: text.subject,
                body: text.body,
                sms: text.sms,
                email: None,
                sender: None,
                deliveries: channels(NoticeKind::MeetingReminder, &reach),
            });
        }
        let mut tx = self.begin_write().await?;
        let queued = queue_all(&mut tx, &notices, now).await?;
        tx.commit().await?;
        Ok(queued)
    }
}

/// What a jobcentre does to a meeting it summoned or that was booked.
enum Rework<'a> {
    /// A new time, place or purpose: a summons to accept again.
    Change(&'a Summons),
    Cancel,
}
