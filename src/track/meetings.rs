//! Mine møder (seed 000: "Booking af møder i jobcenteret og accept af jobcentrets
//! indkaldelser til møder"): a jobcentre summons a citizen, who accepts; or the jobcentre
//! publishes free times, which a citizen books, moves or cancels until the jobcentre's
//! deadline. A reminder goes the day before; a meeting changed or cancelled by the jobcentre
//! is a notice.
use super::{parse_form, text};
use crate::choices::choices;
use crate::consent::parse_time;
use crate::dates::{danish_date, danish_to_utc, format_da_time, parse_form_date};
use crate::form_fields::{field_list, hint, opt, req, FieldKind, FieldSpec, Fields};
use crate::lang::Lang;
use crate::messages::Msg;
use crate::notices::{NoticeKind, NoticeText};
use crate::validation::{optional_text, required_text, FieldErrors};
use chrono::{DateTime, Duration, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

choices! {
    /// Where a meeting is held.
    MeetingChannel {
        InPerson = "in_person", "Fremmøde i jobcentret", "In person at the jobcentre";
        Phone = "phone", "Telefonmøde", "Phone meeting";
        Video = "video", "Videomøde", "Video meeting";
    }
}

choices! {
    /// Where a meeting stands, as both sides see it.
    MeetingState {
        Summoned = "summoned", "Indkaldt – venter på dit svar", "Summoned – awaiting your answer";
        Accepted = "accepted", "Accepteret", "Accepted";
        Booked = "booked", "Booket af dig", "Booked by you";
        Cancelled = "cancelled", "Aflyst", "Cancelled";
    }
}

choices! {
    /// How long a meeting lasts.
    MeetingLength {
        Half = "30", "30 minutter", "30 minutes";
        ThreeQuarters = "45", "45 minutter", "45 minutes";
        Hour = "60", "1 time", "1 hour";
    }
}

impl MeetingLength {
    pub fn minutes(self) -> i64 {
        match self {
            MeetingLength::Half => 30,
            MeetingLength::ThreeQuarters => 45,
            MeetingLength::Hour => 60,
        }
    }
}

pub const PLACE_MAX: usize = 200;
pub const PURPOSE_MAX: usize = 1000;
pub const BRING_MAX: usize = 1000;

/// A jobcentre's deadline for booking, moving and cancelling a self-booked time, unless
/// the jobcentre set its own: a day before the meeting.
pub const DEFAULT_BOOKING_DEADLINE_HOURS: i64 = 24;
/// The longest deadline a jobcentre may set: two weeks.
pub const MAX_BOOKING_DEADLINE_HOURS: i64 = 14 * 24;

const WHEN: [FieldSpec; 4] = [
    req("date", "Dato", "Date", FieldKind::Date),
    hint(
        req("time", "Klokkeslæt", "Time", FieldKind::Text { max: 5 }),
        "tt:mm, fx 09:30",
        "hh:mm, e.g. 09:30",
    ),
    req(
        "length",
        "Varighed",
        "Length",
        FieldKind::Radio(MeetingLength::OPTIONS),
    ),
    req(
        "channel",
        "Mødeform",
        "Type of meeting",
        FieldKind::Radio(MeetingChannel::OPTIONS),
    ),
];

/// A summons' form (and a summons changed).
pub const SUMMONS_FIELDS: &[FieldSpec] = field_list![
    WHEN[0],
    WHEN[1],
    WHEN[2],
    WHEN[3],
    hint(
        req("place", "Sted", "Place", FieldKind::Text { max: PLACE_MAX }),
        "Adressen, telefonnummeret I ringer fra, eller linket til videomødet",
        "The address, the number you will call from, or the link to the video meeting"
    ),
    req(
        "purpose",
        "Formål med mødet",
        "Purpose of the meeting",
        FieldKind::TextArea { max: PURPOSE_MAX }
    ),
    opt(
        "bring",
        "Det skal borgeren have med",
        "What the citizen should bring",
        FieldKind::TextArea { max: BRING_MAX }
    ),
];

/// A free time's form.
pub const SLOT_FIELDS: &[FieldSpec] = field_list![
    WHEN[0],
    WHEN[1],
    WHEN[2],
    WHEN[3],
    hint(
        req("place", "Sted", "Place", FieldKind::Text { max: PLACE_MAX }),
        "Adressen, eller hvordan borgeren bliver ringet op eller får linket",
        "The address, or how the citizen will be called or get the link"
    ),
];

/// The deadline's form.
pub const DEADLINE_FIELDS: &[FieldSpec] = field_list![hint(
    req(
        "hours",
        "Frist i timer før mødet",
        "Deadline in hours before the meeting",
        FieldKind::Number
    ),
    "Borgerne kan booke, flytte og aflyse en tid indtil så mange timer før mødet",
    "Citizens can book, move and cancel a time until this many hours before the meeting"
)];

/// When, how long and how: what a summons and a free time share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingTime {
    pub starts_at: DateTime<Utc>,
    pub minutes: i64,
    pub channel: MeetingChannel,
    pub place: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summons {
    pub time: MeetingTime,
    pub purpose: String,
    pub bring: Option<String>,
}

/// The time part of both forms: a Danish date and time after `now`, within a year.
fn meeting_time(f: &Fields, e: &mut FieldErrors, now: DateTime<Utc>) -> Option<MeetingTime> {
    let date = e.check(
        "date",
        match text(f, "date") {
            "" => Err(Msg::Required),
            raw => parse_form_date(raw).ok_or(Msg::DateInvalid),
        },
    );
    let time = e.check("time", parse_time(text(f, "time")));
    let length = e.check("length", MeetingLength::from_choice(text(f, "length")));
    let channel = e.check("channel", MeetingChannel::from_choice(text(f, "channel")));
    let place = e.check("place", required_text(text(f, "place"), PLACE_MAX));
    let starts_at = match (date, time) {
        (Some(d), Some(t)) => {
            let at = danish_to_utc(d, t);
            if at <= now {
                e.add("date", Msg::MeetingInPast);
                None
            } else if at > now + Duration::days(366) {
                e.add("date", Msg::DateTooFarAhead);
                None
            } else {
                Some(at)
            }
        }
        _ => None,
    };
    Some(MeetingTime {
        starts_at: starts_at?,
        minutes: length?.minutes(),
        channel: channel?,
        place: place?,
    })
}

impl Summons {
    pub fn parse(raw: &Fields, now: DateTime<Utc>) -> Result<Summons, FieldErrors> {
        parse_form(SUMMONS_FIELDS, raw, |f| {
            let mut e = FieldErrors::new();
            let time = meeting_time(f, &mut e, now);
            let purpose = e.check("purpose", required_text(text(f, "purpose"), PURPOSE_MAX));
            let bring = e.check("bring", optional_text(text(f, "bring"), BRING_MAX));
            e.finish(|| {
                Some(Summons {
                    time: time?,
                    purpose: purpose?,
                    bring: bring?,
                })
            })
        })
    }

    /// The form's fields, to open a summons to change it.
    pub fn fields(&self) -> Fields {
        let mut f = self.time.fields();
        f.insert("purpose".into(), self.purpose.clone());
        f.insert("bring".into(), self.bring.clone().unwrap_or_default());
        f
    }
}

impl MeetingTime {
    /// A free time's form.
    pub fn parse_slot(raw: &Fields, now: DateTime<Utc>) -> Result<MeetingTime, FieldErrors> {
        parse_form(SLOT_FIELDS, raw, |f| {
            let mut e = FieldErrors::new();
            let time = meeting_time(f, &mut e, now);
            e.finish(|| time)
        })
    }

    fn fields(&self) -> Fields {
        let local =
            self.starts_at + Duration::hours(crate::dates::danish_offset_hours(self.starts_at));
        let mut f = Fields::new();
        f.insert("date".into(), local.date_naive().to_string());
        f.insert("time".into(), local.time().format_hm());
        f.insert("length".into(), self.minutes.to_string());
        f.insert("channel".into(), self.channel.code().into());
        f.insert("place".into(), self.place.clone());
        f
    }
}

trait HourMinute {
    fn format_hm(&self) -> String;
}

impl HourMinute for NaiveTime {
    fn format_hm(&self) -> String {
        use chrono::Timelike;
        format!("{:02}:{:02}", self.hour(), self.minute())
    }
}

/// A jobcentre's deadline as typed: whole hours, 0 to two weeks.
pub fn parse_deadline(raw: &Fields) -> Result<i64, FieldErrors> {
    let mut e = FieldErrors::new();
    let hours = e.check(
        "hours",
        crate::validation::number_in(text(raw, "hours"), 0, MAX_BOOKING_DEADLINE_HOURS),
    );
    e.finish(|| hours)
}

/// Whether a self-booked time may still be booked, moved or cancelled: until the
/// jobcentre's deadline before it starts.
pub fn booking_open(starts_at: DateTime<Utc>, deadline_hours: i64, now: DateTime<Utc>) -> bool {
    now + Duration::hours(deadline_hours) <= starts_at
}

/// Whether the citizen may accept a summons: still awaiting an answer, and not begun.
pub fn may_accept(state: MeetingState, starts_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    state == MeetingState::Summoned && now < starts_at
}

/// Reminders go out from this hour (Danish time) on the day before: not at night.
pub const REMINDER_FROM_HOUR: u32 = 8;

/// The meetings whose reminder goes out now: those starting on the next Danish day, from
/// 08:00 on (`None` before). The housekeeping asks every few minutes, so a meeting made
/// today for tomorrow is reminded too.
pub fn reminder_window(now: DateTime<Utc>) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    use chrono::Timelike;
    let local = now + Duration::hours(crate::dates::danish_offset_hours(now));
    if local.hour() < REMINDER_FROM_HOUR {
        return None;
    }
    let tomorrow = danish_date(now) + Duration::days(1);
    Some((
        danish_to_utc(tomorrow, NaiveTime::MIN),
        danish_to_utc(tomorrow + Duration::days(1), NaiveTime::MIN),
    ))
}

/// What a notice about a meeting says: from whom, when, where to read it; not the
/// meeting's purpose (the e-mail and SMS travel outside the portal).
pub fn notice_text(
    kind: NoticeKind,
    organisation: &str,
    starts_at: DateTime<Utc>,
    lang: Lang,
    portal: &str,
) -> NoticeText {
    let when = format_da_time(starts_at);
    let when_en = when.replace(" kl. ", " at ");
    let (body, sms) = match kind {
        NoticeKind::MeetingSummons => (
            lang.pick(
                format!("{organisation} har indkaldt dig til et møde {when}. Se mødet, og svar på indkaldelsen i Mine møder.\n\nLog på her: {portal}"),
                format!("{organisation} has summoned you to a meeting on {when_en}. See the meeting and answer the summons in My meetings.\n\nLog in here: {portal}"),
            ),
            lang.pick(
                format!("Jobspor: {organisation} har indkaldt dig til møde {when}. Svar i Mine møder: {portal}"),
                format!("Jobspor: {organisation} has summoned you to a meeting on {when_en}. Answer in My meetings: {portal}"),
            ),
        ),
        NoticeKind::MeetingChanged => (
            lang.pick(
                format!("{organisation} har ændret dit møde. Mødet er nu {when}. Se mødet i Mine møder.\n\nLog på her: {portal}"),
                format!("{organisation} has changed your meeting. The meeting is now on {when_en}. See it in My meetings.\n\nLog in here: {portal}"),
            ),
            lang.pick(
                format!("Jobspor: {organisation} har ændret dit møde. Det er nu {when}: {portal}"),
                format!("Jobspor: {organisation} has changed your meeting. It is now on {when_en}: {portal}"),
            ),
        ),
        NoticeKind::MeetingCancelled => (
            lang.pick(
                format!("{organisation} har aflyst dit møde {when}. Se Mine møder.\n\nLog på her: {portal}"),
                format!("{organisation} has cancelled your meeting on {when_en}. See My meetings.\n\nLog in here: {portal}"),
            ),
            lang.pick(
                format!("Jobspor: {organisation} har aflyst dit møde {when}: {portal}"),
                format!("Jobspor: {organisation} has cancelled your meeting on {when_en}: {portal}"),
            ),
        ),
        _ => (
            lang.pick(
                format!("Husk dit møde med {organisation} i morgen, {when}. Se mødet i Mine møder.\n\nLog på her: {portal}"),
                format!("Remember your meeting with {organisation} tomorrow, {when_en}. See it in My meetings.\n\nLog in here: {portal}"),
            ),
            lang.pick(
                format!("Jobspor: Husk dit møde med {organisation} i morgen {when}: {portal}"),
                format!("Jobspor: Remember your meeting with {organisation} tomorrow, {when_en}: {portal}"),
            ),
        ),
    };
    NoticeText {
        subject: kind.label(lang).to_string(),
        body,
        sms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap()
    }

    fn summons(date: &str, time: &str) -> Fields {
        [
            ("date", date),
            ("time", time),
            ("length", "45"),
            ("channel", "in_person"),
            ("place", "Jobcenter Aarhus, Værkmestergade 23"),
            ("purpose", "Samtale om din jobsøgning"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    #[test]
    fn a_summons_is_at_a_danish_time_in_the_future() {
        let s = Summons::parse(&summons("2026-12-10", "10:00"), now()).unwrap();
        // Winter: Denmark is UTC+1.
        assert_eq!(
            s.time.starts_at,
            Utc.with_ymd_and_hms(2026, 12, 10, 9, 0, 0).unwrap()
        );
        assert_eq!(s.time.minutes, 45);
        assert_eq!(Summons::parse(&s.fields(), now()).unwrap(), s);
        let past = Summons::parse(&summons("2026-12-03", "09:59"), now()).unwrap_err();
        assert_eq!(
            past.for_field("date").map(|e| e.key),
            Some(Msg::MeetingInPast)
        );
        let bad = Summons::parse(&summons("2026-12-10", "25:00"), now()).unwrap_err();
        assert_eq!(bad.for_field("time").map(|e| e.key), Some(Msg::TimeInvalid));
        let far = Summons::parse(&summons("2028-01-10", "10:00"), now()).unwrap_err();
        assert_eq!(
            far.for_field("date").map(|e| e.key),
            Some(Msg::DateTooFarAhead)
        );
    }

    #[test]
    fn a_free_time_needs_no_purpose() {
        let t = MeetingTime::parse_slot(&summons("2026-12-10", "10:00"), now()).unwrap();
        assert_eq!(t.channel, MeetingChannel::InPerson);
        let err = MeetingTime::parse_slot(&Fields::new(), now()).unwrap_err();
        let fields: Vec<&str> = err.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["date", "time", "length", "channel", "place"]);
    }

    #[test]
    fn booking_closes_at_the_deadline() {
        let at = Utc.with_ymd_and_hms(2026, 12, 10, 9, 0, 0).unwrap();
        let h = DEFAULT_BOOKING_DEADLINE_HOURS;
        assert!(booking_open(at, h, at - Duration::hours(h)));
        assert!(!booking_open(
            at,
            h,
            at - Duration::hours(h) + Duration::seconds(1)
        ));
        assert!(booking_open(at, 0, at - Duration::seconds(1)));
        assert!(!booking_open(at, 0, at + Duration::seconds(1)));
    }

    #[test]
    fn a_summons_is_accepted_before_it_begins_and_once() {
        let at = now() + Duration::days(1);
        assert!(may_accept(MeetingState::Summoned, at, now()));
        assert!(!may_accept(MeetingState::Accepted, at, now()));
        assert!(!may_accept(MeetingState::Cancelled, at, now()));
        assert!(!may_accept(MeetingState::Summoned, at, at));
    }

    #[test]
    fn the_reminder_goes_the_danish_day_before_from_eight() {
        // 07:59 in Denmark (winter, UTC+1): not yet.
        assert_eq!(
            reminder_window(Utc.with_ymd_and_hms(2026, 12, 4, 6, 59, 0).unwrap()),
            None
        );
        // 08:00 on 4 Dec in Denmark: the meetings of 5 Dec.
        let (from, until) =
            reminder_window(Utc.with_ymd_and_hms(2026, 12, 4, 7, 0, 0).unwrap()).unwrap();
        assert_eq!(from, Utc.with_ymd_and_hms(2026, 12, 4, 23, 0, 0).unwrap());
        assert_eq!(until, Utc.with_ymd_and_hms(2026, 12, 5, 23, 0, 0).unwrap());
        // 23:30 UTC on 4 Dec is 00:30 on 5 Dec in Denmark: night, no reminders.
        assert_eq!(
            reminder_window(Utc.with_ymd_and_hms(2026, 12, 4, 23, 30, 0).unwrap()),
            None
        );
        // Summer time: UTC+2.
        let summer = Utc.with_ymd_and_hms(2026, 7, 1, 10, 0, 0).unwrap();
        assert_eq!(
            reminder_window(summer).unwrap().0,
            Utc.with_ymd_and_hms(2026, 7, 1, 22, 0, 0).unwrap()
        );
    }

    #[test]
    fn the_deadline_is_whole_hours_up_to_two_weeks() {
        let f = |h: &str| {
            [("hours".to_string(), h.to_string())]
                .into_iter()
                .collect::<Fields>()
        };
        assert_eq!(parse_deadline(&f("48")), Ok(48));
        assert!(parse_deadline(&f("337")).is_err());
        assert!(parse_deadline(&f("-1")).is_err());
        assert!(parse_deadline(&f("")).is_err());
    }

    #[test]
    fn a_notice_names_the_time_not_the_purpose() {
        let at = Utc.with_ymd_and_hms(2026, 12, 10, 9, 0, 0).unwrap();
        for kind in [
            NoticeKind::MeetingSummons,
            NoticeKind::MeetingReminder,
            NoticeKind::MeetingChanged,
            NoticeKind::MeetingCancelled,
        ] {
            let t = notice_text(
                kind,
                "Jobcenter Aarhus",
                at,
                Lang::Da,
                "https://jobspor.example",
            );
            assert!(t.body.contains("10-12-2026 kl. 10:00"), "{kind:?}");
            assert!(t.sms.contains("Jobcenter Aarhus"));
        }
    }
}
