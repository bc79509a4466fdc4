//! The job seeker's track on a real database (issue 25): Min Joblog (only the citizen's own
//! entries, read by staff with the read recorded, 30 days of silence noticed once and
//! flagged), Mine møder (summonses answered once, free times booked by one citizen only,
//! also when two book at the same instant, within the jobcentre's deadline, reminders the
//! Danish day before) and Min Plan (activities only under goals, read as it stands). Every
//! test runs on SQLite and, when `TEST_DATABASE_URL` answers, on PostgreSQL.
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use jobspor::access::{AccessBasis, AccessWhat};
use jobspor::dates::danish_to_utc;
use jobspor::form_fields::Fields;
use jobspor::jobseeker::eligibility::Situation;
use jobspor::jobseeker::registration::{AKasse, Registration};
use jobspor::notices::{idempotency_key, NoticeKind};
use jobspor::policy::{operator_acts_for as me, ActorKind};
use jobspor::track::joblog::{JoblogEntry, JoblogKind};
use jobspor::track::meetings::{
    notice_text, MeetingChannel, MeetingState, MeetingTime, Summons, DEFAULT_BOOKING_DEADLINE_HOURS,
};
use jobspor::track::plan::{read_as_it_stands, ActivityStatus, PlanActivity, PlanGoals, PlanTrack};
use jobspor::{CaseworkerId, CitizenId, Lang, MeetingId, Msg, SlotId};
use jobspor_store::access_log::AccessEntry;
use jobspor_store::meetings::{Jobcentre, MeetingRecord};
use jobspor_store::outbox::NewNotice;
use jobspor_store::plans::PlanAuthor;
use jobspor_store::testing::each_backend;
use jobspor_store::{Store, StoreError};
use std::sync::Arc;

const PORTAL: &str = "https://jobspor.example";
const AARHUS: &str = "Jobcenter Aarhus";
const HORSENS: &str = "Jobcenter Horsens";
const CASEWORKER: &str = "Anna Sørensen";

/// Monday 2 March 2026, 09:00 UTC: 10:00 in Denmark (winter time, UTC+1).
fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// `date` at `h`:`min` Danish time, in UTC.
fn danish(date: NaiveDate, h: u32, min: u32) -> DateTime<Utc> {
    danish_to_utc(date, NaiveTime::from_hms_opt(h, min, 0).unwrap())
}

/// A citizen (Aarhus, municipality 751) who logged in with MitID at `at`; no e-mail or
/// phone, so every notice is in Mine beskeder only.
async fn citizen(store: &Store, cpr: &str, first: &str, at: DateTime<Utc>) -> CitizenId {
    store
        .citizen_mitid_login(cpr, &jobspor_store::testing::person(first), "sim", at)
        .await
        .unwrap()
        .citizen_id
}

/// Registers `c` as a job seeker (dagpenge, HK) at `at`: the joblog's silence begins then.
async fn register(store: &Store, c: CitizenId, at: DateTime<Utc>) {
    store
        .register_jobseeker(
            me(c),
            &Registration {
                situation: Situation::Dagpenge,
                a_kasse: Some(AKasse::Hk),
            },
            at,
        )
        .await
        .unwrap();
}

fn fields(pairs: &[(&str, &str)]) -> Fields {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// An application to `employer` sent on `on`, parsed as the form is, on that day.
fn application(employer: &str, on: NaiveDate) -> JoblogEntry {
    let date = on.to_string();
    JoblogEntry::parse(
        JoblogKind::Application,
        &fields(&[
            ("employer", employer),
            ("position", "Lagermedarbejder"),
            ("found_via", "job_portal"),
            ("how", "online"),
            ("applied_on", &date),
            ("status", "sent"),
        ]),
        on,
    )
    .unwrap()
}

fn employer_of(e: &JoblogEntry) -> &str {
    match e {
        JoblogEntry::Application(a) => &a.employer,
        JoblogEntry::Activity(a) => &a.description,
    }
}

/// A caseworker of Jobcenter Aarhus reading the citizen's `what`.
fn staff_read(c: CitizenId, what: AccessWhat, at: DateTime<Utc>) -> AccessEntry {
    AccessEntry {
        citizen_id: c,
        at,
        actor_kind: ActorKind::Caseworker,
        actor_id: Some(7),
        actor_name: CASEWORKER.into(),
        organisation: AARHUS.into(),
        what,
        basis: AccessBasis::ServedMunicipality("751".into()),
    }
}

/// The kinds of the citizen's notices, oldest first.
async fn notice_kinds(store: &Store, c: CitizenId) -> Vec<NoticeKind> {
    let mut kinds: Vec<NoticeKind> = store
        .inbox(me(c))
        .await
        .unwrap()
        .iter()
        .map(|n| n.kind)
        .collect();
    kinds.reverse();
    kinds
}

async fn count_notices(store: &Store, c: CitizenId, kind: NoticeKind) -> usize {
    notice_kinds(store, c)
        .await
        .iter()
        .filter(|k| **k == kind)
        .count()
}

/// A store answer with a rule's refusal as `Err(key)`; any other failure fails the test.
fn refusal<T: std::fmt::Debug>(r: Result<T, StoreError>) -> Result<T, Msg> {
    match r {
        Ok(v) => Ok(v),
        Err(StoreError::Refused(key)) => Err(key),
        Err(e) => panic!("not a refusal: {e:?}"),
    }
}

/// Fails the test unless the store answered `NotFound`.
#[track_caller]
fn assert_not_found<T: std::fmt::Debug>(r: Result<T, StoreError>) {
    if !matches!(r, Err(StoreError::NotFound)) {
        panic!("expected NotFound, got {r:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Min Joblog
// ---------------------------------------------------------------------------------------

/// A citizen adds, changes and deletes their own registrations, listed newest date first;
/// another citizen can neither read, change nor delete them.
#[tokio::test]
async fn the_joblog_is_the_citizens_own_and_newest_first() {
    each_backend(|store| async move {
        let mette = citizen(&store, "1205901806", "Mette", t0()).await;
        let other = citizen(&store, "0803850077", "Lars", t0()).await;
        register(&store, mette, t0()).await;
        register(&store, other, t0()).await;
        let now = t0() + Duration::days(20);
        let today = now.date_naive();

        let early = store
            .save_joblog_entry(me(mette), None, &application("Arla", day(2026, 3, 5)), now)
            .await
            .unwrap();
        let late = store
            .save_joblog_entry(
                me(mette),
                None,
                &application("Vestas", day(2026, 3, 20)),
                now,
            )
            .await
            .unwrap();
        let middle = store
            .save_joblog_entry(me(mette), None, &application("Lego", day(2026, 3, 12)), now)
            .await
            .unwrap();
        let log = store.joblog(me(mette)).await.unwrap();
        let ids: Vec<_> = log.iter().map(|r| r.id).collect();
        assert_eq!(
            ids,
            [late, middle, early],
            "newest date first, not by entry"
        );
        assert_eq!(log[0].entry, application("Vestas", day(2026, 3, 20)));
        assert_eq!(log[0].created_at, now);

        // A change in place: same id, new date, new place in the list.
        let changed = JoblogEntry::parse(
            JoblogKind::Activity,
            &fields(&[
                ("kind", "job_fair"),
                ("on", "2026-03-21"),
                ("description", "Jobmesse i Aarhus"),
            ]),
            today,
        )
        .unwrap();
        assert_eq!(
            store
                .save_joblog_entry(me(mette), Some(early), &changed, now)
                .await
                .unwrap(),
            early
        );
        let log = store.joblog(me(mette)).await.unwrap();
        let ids: Vec<_> = log.iter().map(|r| r.id).collect();
        assert_eq!(ids, [early, late, middle]);
        assert_eq!(
            store
                .joblog_entry(me(mette), early)
                .await
                .unwrap()
                .unwrap()
                .entry,
            changed
        );

        // Someone else's entry: not there for them, whatever they try.
        assert!(store.joblog(me(other)).await.unwrap().is_empty());
        assert_eq!(store.joblog_entry(me(other), late).await.unwrap(), None);
        assert_not_found(
            store
                .save_joblog_entry(me(other), Some(late), &application("Snyd", today), now)
                .await,
        );
        assert!(!store.delete_joblog_entry(me(other), late).await.unwrap());
        let still = store.joblog_entry(me(mette), late).await.unwrap().unwrap();
        assert_eq!(
            employer_of(&still.entry),
            "Vestas",
            "unchanged by the other"
        );
        assert!(
            store.joblog(me(other)).await.unwrap().is_empty(),
            "the refused change added nothing to the other's log"
        );

        // The citizen's own delete, once.
        assert!(store.delete_joblog_entry(me(mette), late).await.unwrap());
        assert!(!store.delete_joblog_entry(me(mette), late).await.unwrap());
        assert_eq!(store.joblog_entry(me(mette), late).await.unwrap(), None);
        let ids: Vec<_> = store
            .joblog(me(mette))
            .await
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ids, [early, middle]);
    })
    .await;
}

/// Staff read the joblog with the read recorded in the citizen's access history.
#[tokio::test]
async fn a_staff_read_of_the_joblog_is_recorded() {
    each_backend(|store| async move {
        let c = citizen(&store, "1205901806", "Mette", t0()).await;
        register(&store, c, t0()).await;
        let now = t0() + Duration::days(3);
        let id = store
            .save_joblog_entry(me(c), None, &application("Arla", now.date_naive()), now)
            .await
            .unwrap();
        let reads = |store: Store| async move {
            store
                .access_history(c, jobspor::retention::access_history_cutoff(now))
                .await
                .unwrap()
                .into_iter()
                .filter(|h| h.what == AccessWhat::ReadJoblog)
                .collect::<Vec<_>>()
        };
        assert!(reads(store.clone()).await.is_empty());

        let seen = store
            .joblog_for_staff(c, &staff_read(c, AccessWhat::ReadJoblog, now))
            .await
            .unwrap();
        assert_eq!(seen.entries, store.joblog(me(c)).await.unwrap());
        assert_eq!(seen.entries.len(), 1);
        assert_eq!(seen.entries[0].id, id);
        assert_eq!(seen.silent_since, None);

        let h = reads(store.clone()).await;
        assert_eq!(h.len(), 1, "one read, one record");
        assert_eq!(h[0].at, now);
        assert_eq!(h[0].actor_kind, ActorKind::Caseworker);
        assert_eq!(h[0].actor_name, CASEWORKER);
        assert_eq!(h[0].organisation, AARHUS);
        assert_eq!(
            h[0].basis,
            Some(AccessBasis::ServedMunicipality("751".into()))
        );
    })
    .await;
}

/// Thirty days after registering with nothing logged: one notice (once, however often the
/// scan runs) and the jobcentre's flag, which shows the silence's start.
#[tokio::test]
async fn thirty_silent_days_after_registering_are_noticed_once_and_flagged() {
    each_backend(|store| async move {
        let c = citizen(&store, "1205901806", "Mette", t0()).await;
        register(&store, c, t0()).await;
        let flag = |store: Store, at: DateTime<Utc>| async move {
            store
                .joblog_for_staff(c, &staff_read(c, AccessWhat::ReadJoblog, at))
                .await
                .unwrap()
                .silent_since
        };
        let due = t0() + Duration::days(30);

        let early = store
            .scan_inactivity(due - Duration::seconds(1), PORTAL)
            .await
            .unwrap();
        assert_eq!(early.joblog_silences, 0, "a second short of 30 days");
        assert!(store.inbox(me(c)).await.unwrap().is_empty());
        assert_eq!(flag(store.clone(), due).await, None);

        let report = store.scan_inactivity(due, PORTAL).await.unwrap();
        assert_eq!(report.joblog_silences, 1);
        let inbox = store.inbox(me(c)).await.unwrap();
        assert_eq!(inbox.len(), 1);
        assert_eq!(inbox[0].kind, NoticeKind::JoblogSilence);
        assert!(
            inbox[0].body.contains("02-03-2026") && inbox[0].body.contains(PORTAL),
            "{}",
            inbox[0].body
        );
        assert_eq!(flag(store.clone(), due).await, Some(t0()));

        for again in [due, due + Duration::hours(5), due + Duration::days(1)] {
            let r = store.scan_inactivity(again, PORTAL).await.unwrap();
            assert_eq!(r.joblog_silences, 0, "the same silence again at {again}");
        }
        assert_eq!(count_notices(&store, c, NoticeKind::JoblogSilence).await, 1);
        assert_eq!(
            flag(store.clone(), due + Duration::days(1)).await,
            Some(t0())
        );
    })
    .await;
}

/// A registration starts the 30 days again: no notice 30 days after registering, one 30
/// days after the registration; a registration after the flag lowers it.
#[tokio::test]
async fn a_registration_restarts_the_silence_and_lowers_the_flag() {
    each_backend(|store| async move {
        let quiet = citizen(&store, "1205901806", "Mette", t0()).await;
        let active = citizen(&store, "0803850077", "Lars", t0()).await;
        register(&store, quiet, t0()).await;
        register(&store, active, t0()).await;
        let logged = t0() + Duration::days(10);
        store
            .save_joblog_entry(
                me(active),
                None,
                &application("Arla", logged.date_naive()),
                logged,
            )
            .await
            .unwrap();
        let flag = |store: Store, at: DateTime<Utc>| async move {
            store
                .joblog_for_staff(active, &staff_read(active, AccessWhat::ReadJoblog, at))
                .await
                .unwrap()
                .silent_since
        };

        let day30 = t0() + Duration::days(30);
        let r = store.scan_inactivity(day30, PORTAL).await.unwrap();
        assert_eq!(r.joblog_silences, 1, "only the one who logged nothing");
        assert_eq!(
            count_notices(&store, quiet, NoticeKind::JoblogSilence).await,
            1
        );
        assert_eq!(
            count_notices(&store, active, NoticeKind::JoblogSilence).await,
            0
        );
        assert_eq!(flag(store.clone(), day30).await, None);

        let day40 = logged + Duration::days(30);
        let r = store.scan_inactivity(day40, PORTAL).await.unwrap();
        assert_eq!(r.joblog_silences, 1, "30 days after the registration");
        assert_eq!(
            count_notices(&store, active, NoticeKind::JoblogSilence).await,
            1
        );
        assert_eq!(
            count_notices(&store, quiet, NoticeKind::JoblogSilence).await,
            1
        );
        assert_eq!(flag(store.clone(), day40).await, Some(logged));

        // Logging again ends the silence: the flag is gone, and no new notice comes until
        // another 30 days have passed.
        let again = day40 + Duration::days(1);
        store
            .save_joblog_entry(
                me(active),
                None,
                &application("Lego", again.date_naive()),
                again,
            )
            .await
            .unwrap();
        assert_eq!(flag(store.clone(), again).await, None);
        let r = store
            .scan_inactivity(again + Duration::days(29), PORTAL)
            .await
            .unwrap();
        assert_eq!(r.joblog_silences, 0);
        let r = store
            .scan_inactivity(again + Duration::days(30), PORTAL)
            .await
            .unwrap();
        assert_eq!(r.joblog_silences, 1, "a new silence, a new notice");
        assert_eq!(
            count_notices(&store, active, NoticeKind::JoblogSilence).await,
            2
        );
        assert_eq!(
            flag(store.clone(), again + Duration::days(30)).await,
            Some(again)
        );
    })
    .await;
}

// ---------------------------------------------------------------------------------------
// Mine møder
// ---------------------------------------------------------------------------------------

/// The notice a jobcentre's change to a meeting queues, as the server would write it.
fn meeting_notice(
    kind: NoticeKind,
    now: DateTime<Utc>,
) -> impl FnOnce(&MeetingRecord) -> NewNotice {
    move |m| {
        let text = notice_text(kind, &m.organisation, m.time.starts_at, Lang::Da, PORTAL);
        NewNotice {
            citizen_id: m.citizen_id,
            kind,
            key: idempotency_key(
                m.citizen_id.get(),
                kind,
                &format!("{}-{}", m.id.get(), now.timestamp()),
            ),
            subject: text.subject,
            body: text.body,
            sms: text.sms,
            email: None,
            sender: Some(m.organisation.clone()),
            deliveries: Vec::new(),
        }
    }
}

fn meeting_time(starts_at: DateTime<Utc>) -> MeetingTime {
    MeetingTime {
        starts_at,
        minutes: 45,
        channel: MeetingChannel::InPerson,
        place: "Jobcenter Aarhus, Værkmestergade 23".into(),
    }
}

fn summons(starts_at: DateTime<Utc>) -> Summons {
    Summons {
        time: meeting_time(starts_at),
        purpose: "Samtale om din jobsøgning".into(),
        bring: Some("Dit CV".into()),
    }
}

async fn summon(
    store: &Store,
    c: CitizenId,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> MeetingId {
    store
        .summon(
            c,
            AARHUS,
            CASEWORKER,
            &summons(starts_at),
            meeting_notice(NoticeKind::MeetingSummons, now),
            now,
        )
        .await
        .unwrap()
}

async fn meeting(store: &Store, c: CitizenId, id: MeetingId) -> MeetingRecord {
    store
        .my_meetings(me(c))
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.id == id)
        .unwrap_or_else(|| panic!("meeting {id:?} is not the citizen's"))
}

/// A summons is a notice; the citizen accepts it once; another citizen cannot; the
/// jobcentre's change is a new summons and its cancellation a notice.
#[tokio::test]
async fn a_summons_is_noticed_accepted_once_changed_and_cancelled() {
    each_backend(|store| async move {
        let c = citizen(&store, "1205901806", "Mette", t0()).await;
        let other = citizen(&store, "0803850077", "Lars", t0()).await;
        let at = t0() + Duration::days(7);
        let id = summon(&store, c, at, t0()).await;
        assert_eq!(notice_kinds(&store, c).await, [NoticeKind::MeetingSummons]);
        assert!(store.inbox(me(other)).await.unwrap().is_empty());
        let m = meeting(&store, c, id).await;
        assert_eq!(m.state, MeetingState::Summoned);
        assert_eq!(m.time, meeting_time(at));
        assert_eq!(m.summoned_by.as_deref(), Some(CASEWORKER));
        assert_eq!(m.organisation, AARHUS);
        assert_eq!(m.purpose.as_deref(), Some("Samtale om din jobsøgning"));
        assert_eq!(m.answered_at, None);
        assert!(store.my_meetings(me(other)).await.unwrap().is_empty());

        // Another citizen: not theirs to accept.
        assert_not_found(store.accept_summons(me(other), id, t0()).await);
        assert_eq!(meeting(&store, c, id).await.state, MeetingState::Summoned);

        let answered = t0() + Duration::hours(2);
        store.accept_summons(me(c), id, answered).await.unwrap();
        let m = meeting(&store, c, id).await;
        assert_eq!(
            (m.state, m.answered_at),
            (MeetingState::Accepted, Some(answered))
        );
        assert_eq!(
            refusal(store.accept_summons(me(c), id, answered).await),
            Err(Msg::MeetingNotOpen),
            "accepted once"
        );

        // The jobcentre moves it: a new summons, awaiting a new answer.
        let moved_to = at + Duration::days(2);
        let changed_at = t0() + Duration::days(1);
        store
            .change_meeting(
                c,
                id,
                "Bo Hansen",
                &summons(moved_to),
                meeting_notice(NoticeKind::MeetingChanged, changed_at),
                changed_at,
            )
            .await
            .unwrap();
        let m = meeting(&store, c, id).await;
        assert_eq!(m.state, MeetingState::Summoned);
        assert_eq!(m.time.starts_at, moved_to);
        assert_eq!(m.answered_at, None);
        assert_eq!(m.changed_at, Some(changed_at));
        assert_eq!(m.summoned_by.as_deref(), Some("Bo Hansen"));
        assert_eq!(
            notice_kinds(&store, c).await,
            [NoticeKind::MeetingSummons, NoticeKind::MeetingChanged]
        );
        // The changed summons may be accepted again; one begun may not.
        assert_eq!(
            refusal(store.accept_summons(me(c), id, moved_to).await),
            Err(Msg::MeetingNotOpen),
            "not once the meeting has begun"
        );
        store.accept_summons(me(c), id, changed_at).await.unwrap();

        // The jobcentre cancels it.
        let cancelled_at = changed_at + Duration::hours(1);
        store
            .cancel_meeting(
                c,
                id,
                CASEWORKER,
                meeting_notice(NoticeKind::MeetingCancelled, cancelled_at),
                cancelled_at,
            )
            .await
            .unwrap();
        let m = meeting(&store, c, id).await;
        assert_eq!(m.state, MeetingState::Cancelled);
        assert_eq!(m.changed_at, Some(cancelled_at));
        let inbox = store.inbox(me(c)).await.unwrap();
        assert_eq!(inbox[0].kind, NoticeKind::MeetingCancelled);
        assert_eq!(inbox[0].sender.as_deref(), Some(AARHUS));
        assert_eq!(inbox.len(), 3);
        // Cancelled: neither accepted, changed nor cancelled again, and nothing queued.
        assert_eq!(
            refusal(store.accept_summons(me(c), id, cancelled_at).await),
            Err(Msg::MeetingNotOpen)
        );
        assert_eq!(
            refusal(
                store
                    .change_meeting(
                        c,
                        id,
                        CASEWORKER,
                        &summons(moved_to),
                        meeting_notice(
                            NoticeKind::MeetingChanged,
                            cancelled_at + Duration::hours(1)
                        ),
                        cancelled_at + Duration::hours(1),
                    )
                    .await
            ),
            Err(Msg::MeetingNotOpen)
        );
        assert_eq!(
            refusal(
                store
                    .cancel_meeting(
                        c,
                        id,
                        CASEWORKER,
                        meeting_notice(
                            NoticeKind::MeetingCancelled,
                            cancelled_at + Duration::hours(2)
                        ),
                        cancelled_at + Duration::hours(2),
                    )
                    .await
            ),
            Err(Msg::MeetingNotOpen)
        );
        assert_eq!(store.inbox(me(c)).await.unwrap().len(), 3);
        // A jobcentre naming the wrong citizen finds nothing.
        assert_not_found(
            store
                .cancel_meeting(
                    other,
                    id,
                    CASEWORKER,
                    meeting_notice(NoticeKind::MeetingCancelled, t0()),
                    t0(),
                )
                .await,
        );
    })
    .await;
}

/// Two jobcentres and their caseworkers: Aarhus (751, 741) and Horsens (615).
struct Jobcentres {
    aarhus: CaseworkerId,
    horsens: CaseworkerId,
    aarhus_codes: Vec<String>,
    horsens_codes: Vec<String>,
}

impl Jobcentres {
    async fn new(store: &Store) -> Jobcentres {
        Jobcentres {
            aarhus: store
                .upsert_caseworker("anna.jc", CASEWORKER, AARHUS, &["751", "741"], t0())
                .await
                .unwrap(),
            horsens: store
                .upsert_caseworker("hans.jc", "Hans Holm", HORSENS, &["615"], t0())
                .await
                .unwrap(),
            aarhus_codes: vec!["751".into(), "741".into()],
            horsens_codes: vec!["615".into()],
        }
    }

    fn aarhus(&self) -> Jobcentre<'_> {
        Jobcentre {
            organisation: AARHUS,
            municipality_codes: &self.aarhus_codes,
        }
    }

    fn horsens(&self) -> Jobcentre<'_> {
        Jobcentre {
            organisation: HORSENS,
            municipality_codes: &self.horsens_codes,
        }
    }

    async fn publish(&self, store: &Store, aarhus: bool, starts_at: DateTime<Utc>) -> SlotId {
        let (jc, by) = if aarhus {
            (self.aarhus(), self.aarhus)
        } else {
            (self.horsens(), self.horsens)
        };
        store
            .publish_slot(jc, by, &meeting_time(starts_at), t0() - Duration::days(1))
            .await
            .unwrap()
    }
}

async fn free(store: &Store, municipality: &str, now: DateTime<Utc>) -> Vec<SlotId> {
    store
        .free_slots(municipality, now)
        .await
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect()
}

/// A jobcentre's free times are for the citizens of the municipalities it serves, until
/// its deadline (24 hours unless it set its own); the jobcentre's own deadline is its own.
#[tokio::test]
async fn free_times_are_for_the_served_municipalities_until_the_deadline() {
    each_backend(|store| async move {
        let jc = Jobcentres::new(&store).await;
        let c = citizen(&store, "1205901806", "Mette", t0()).await;
        let now = t0();
        let in_23h = jc.publish(&store, true, now + Duration::hours(23)).await;
        let in_24h = jc.publish(&store, true, now + Duration::hours(24)).await;
        let in_30h = jc.publish(&store, true, now + Duration::hours(30)).await;
        let in_3d = jc.publish(&store, true, now + Duration::days(3)).await;
        let horsens_30h = jc.publish(&store, false, now + Duration::hours(30)).await;

        assert_eq!(
            store.booking_deadline(AARHUS).await.unwrap(),
            DEFAULT_BOOKING_DEADLINE_HOURS
        );
        assert_eq!(free(&store, "751", now).await, [in_24h, in_30h, in_3d]);
        assert_eq!(free(&store, "741", now).await, [in_24h, in_30h, in_3d]);
        assert_eq!(free(&store, "615", now).await, [horsens_30h]);
        assert!(free(&store, "101", now).await.is_empty());
        assert!(
            free(&store, "75", now).await.is_empty(),
            "a code, not a part of one"
        );
        let listed = store.free_slots("751", now).await.unwrap();
        assert_eq!(listed[0].organisation, AARHUS);
        assert_eq!(listed[0].time, meeting_time(now + Duration::hours(24)));
        assert!(!listed[0].booked);
        assert_eq!(listed[0].deadline_hours, DEFAULT_BOOKING_DEADLINE_HOURS);

        // Inside the deadline: closed; exactly at it: still open.
        assert_eq!(
            refusal(store.book_slot(me(c), in_23h, "751", now).await),
            Err(Msg::BookingClosed)
        );
        store.book_slot(me(c), in_24h, "751", now).await.unwrap();
        // Another jobcentre's time, for a citizen it does not serve.
        assert_not_found(store.book_slot(me(c), horsens_30h, "751", now).await);

        // Aarhus asks for 48 hours: its time 30 hours ahead is closed, Horsens' is not.
        store.set_booking_deadline(AARHUS, 48, now).await.unwrap();
        assert_eq!(store.booking_deadline(AARHUS).await.unwrap(), 48);
        assert_eq!(
            store.booking_deadline(HORSENS).await.unwrap(),
            DEFAULT_BOOKING_DEADLINE_HOURS
        );
        assert_eq!(free(&store, "751", now).await, [in_3d]);
        assert_eq!(free(&store, "615", now).await, [horsens_30h]);
        assert_eq!(
            refusal(store.book_slot(me(c), in_30h, "751", now).await),
            Err(Msg::BookingClosed)
        );
        store
            .book_slot(me(c), horsens_30h, "615", now)
            .await
            .unwrap();
        // And back to 24: open again.
        store.set_booking_deadline(AARHUS, 24, now).await.unwrap();
        assert_eq!(free(&store, "751", now).await, [in_30h, in_3d]);
    })
    .await;
}

/// A booked time is the one citizen's: another gets `SlotTaken`; moving frees the old
/// time, cancelling frees it too, both only before the deadline and only one's own.
#[tokio::test]
async fn a_booked_time_is_one_citizens_and_moving_or_cancelling_frees_it() {
    each_backend(|store| async move {
        let jc = Jobcentres::new(&store).await;
        let mette = citizen(&store, "1205901806", "Mette", t0()).await;
        let lars = citizen(&store, "0803850077", "Lars", t0()).await;
        let now = t0();
        let a = jc.publish(&store, true, now + Duration::days(3)).await;
        let b = jc.publish(&store, true, now + Duration::days(4)).await;

        let m = store.book_slot(me(mette), a, "751", now).await.unwrap();
        let booked = meeting(&store, mette, m).await;
        assert_eq!(booked.state, MeetingState::Booked);
        assert_eq!(booked.slot_id, Some(a));
        assert_eq!(booked.summoned_by, None);
        assert_eq!(booked.organisation, AARHUS);
        assert_eq!(booked.time, meeting_time(now + Duration::days(3)));
        assert_eq!(free(&store, "751", now).await, [b]);
        let slots = store.jobcentre_slots(AARHUS, now).await.unwrap();
        assert_eq!(
            slots.iter().map(|s| (s.id, s.booked)).collect::<Vec<_>>(),
            [(a, true), (b, false)]
        );
        assert!(
            !store.withdraw_slot(AARHUS, a).await.unwrap(),
            "a booked time stays"
        );

        assert_eq!(
            refusal(store.book_slot(me(lars), a, "751", now).await),
            Err(Msg::SlotTaken)
        );
        assert_eq!(
            refusal(store.book_slot(me(mette), a, "751", now).await),
            Err(Msg::SlotTaken),
            "not twice by the same citizen either"
        );
        assert!(store.my_meetings(me(lars)).await.unwrap().is_empty());

        // Moved: the new time taken, the old one free again.
        let moved = now + Duration::hours(1);
        store.rebook(me(mette), m, b, "751", moved).await.unwrap();
        let after = meeting(&store, mette, m).await;
        assert_eq!(after.slot_id, Some(b));
        assert_eq!(after.time.starts_at, now + Duration::days(4));
        assert_eq!(after.state, MeetingState::Booked);
        assert_eq!(after.changed_at, Some(moved));
        assert_eq!(free(&store, "751", moved).await, [a]);
        assert_eq!(store.my_meetings(me(mette)).await.unwrap().len(), 1);

        // Lars takes the freed time; Mette cannot move onto it, and stays where she was.
        let l = store.book_slot(me(lars), a, "751", moved).await.unwrap();
        assert_eq!(
            refusal(store.rebook(me(mette), m, a, "751", moved).await),
            Err(Msg::SlotTaken)
        );
        assert_eq!(meeting(&store, mette, m).await.slot_id, Some(b));
        assert!(
            free(&store, "751", moved).await.is_empty(),
            "b is still Mette's"
        );
        // Nor can anyone move or cancel someone else's booking.
        assert_not_found(store.cancel_booking(me(mette), l, moved).await);
        assert_not_found(store.rebook(me(lars), m, b, "751", moved).await);

        // Cancelled: the time is free, and may be booked again (by anyone).
        store.cancel_booking(me(mette), m, moved).await.unwrap();
        assert_eq!(
            meeting(&store, mette, m).await.state,
            MeetingState::Cancelled
        );
        assert_eq!(free(&store, "751", moved).await, [b]);
        assert_eq!(
            refusal(store.cancel_booking(me(mette), m, moved).await),
            Err(Msg::MeetingNotOpen)
        );
        let again = store.book_slot(me(mette), b, "751", moved).await.unwrap();
        assert_ne!(again, m);
        assert!(free(&store, "751", moved).await.is_empty());

        // Past the deadline (Lars's time is 3 days after t0): neither moved nor cancelled.
        let late = now + Duration::days(3) - Duration::hours(23);
        let c = jc.publish(&store, true, now + Duration::days(6)).await;
        assert_eq!(
            refusal(store.cancel_booking(me(lars), l, late).await),
            Err(Msg::BookingClosed)
        );
        assert_eq!(
            refusal(store.rebook(me(lars), l, c, "751", late).await),
            Err(Msg::BookingClosed)
        );
        assert_eq!(meeting(&store, lars, l).await.slot_id, Some(a));
        assert_eq!(free(&store, "751", late).await, [c]);

        // Another jobcentre's time is not to be moved onto.
        let h = jc.publish(&store, false, now + Duration::days(5)).await;
        assert_not_found(store.rebook(me(mette), again, h, "751", moved).await);
        assert_eq!(meeting(&store, mette, again).await.slot_id, Some(b));
        // A summons is not a booking to move or cancel.
        let s = summon(&store, mette, now + Duration::days(8), now).await;
        assert_eq!(
            refusal(store.cancel_booking(me(mette), s, now).await),
            Err(Msg::MeetingNotOpen)
        );

        // The jobcentre cancels a booked time (a notice), or moves one to a summons: either
        // way the time is free for others again.
        store
            .cancel_meeting(
                mette,
                again,
                CASEWORKER,
                meeting_notice(NoticeKind::MeetingCancelled, moved),
                moved,
            )
            .await
            .unwrap();
        assert_eq!(free(&store, "751", moved).await, [b, c]);
        assert_eq!(
            count_notices(&store, mette, NoticeKind::MeetingCancelled).await,
            1
        );
        let l2 = store.book_slot(me(lars), c, "751", moved).await.unwrap();
        store
            .change_meeting(
                lars,
                l2,
                CASEWORKER,
                &summons(now + Duration::days(9)),
                meeting_notice(NoticeKind::MeetingChanged, moved),
                moved,
            )
            .await
            .unwrap();
        let summoned = meeting(&store, lars, l2).await;
        assert_eq!(
            (summoned.state, summoned.slot_id),
            (MeetingState::Summoned, None)
        );
        assert_eq!(free(&store, "751", moved).await, [b, c]);
    })
    .await;
}

/// Two citizens booking the same free time at the same instant: one gets it, the other
/// `SlotTaken`, never a database error, never both; twenty times over.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_citizens_booking_the_same_time_at_once_one_gets_it() {
    each_backend(|store| async move {
        let jc = Jobcentres::new(&store).await;
        let mette = citizen(&store, "1205901806", "Mette", t0()).await;
        let lars = citizen(&store, "0803850077", "Lars", t0()).await;
        const ROUNDS: i64 = 20;
        let mut wins = [0usize; 2];
        for round in 0..ROUNDS {
            let slot = jc
                .publish(&store, true, t0() + Duration::days(2 + round))
                .await;
            let start = Arc::new(tokio::sync::Barrier::new(2));
            let book = |c: CitizenId| {
                let store = store.clone();
                let start = start.clone();
                tokio::spawn(async move {
                    start.wait().await;
                    store.book_slot(me(c), slot, "751", t0()).await
                })
            };
            let (first, second) = (book(mette), book(lars));
            let results = [first.await.unwrap(), second.await.unwrap()];
            let mut winners = 0;
            for (i, r) in results.iter().enumerate() {
                match r {
                    Ok(_) => {
                        winners += 1;
                        wins[i] += 1;
                    }
                    Err(StoreError::Refused(Msg::SlotTaken)) => {}
                    Err(e) => panic!("round {round}: not SlotTaken but {e:?} ({e})"),
                }
            }
            assert_eq!(winners, 1, "round {round}: {results:?}");
            assert!(free(&store, "751", t0()).await.is_empty(), "round {round}");
        }
        let meetings = store.my_meetings(me(mette)).await.unwrap().len()
            + store.my_meetings(me(lars)).await.unwrap().len();
        assert_eq!(meetings as i64, ROUNDS, "one meeting per time: {wins:?}");
        let slots = store.jobcentre_slots(AARHUS, t0()).await.unwrap();
        assert_eq!(slots.len() as i64, ROUNDS);
        assert!(slots.iter().all(|s| s.booked));
    })
    .await;
}

/// Meetings on the next Danish day get one reminder each, whether summoned or booked; a
/// cancelled one gets none; the scan run twice queues once.
#[tokio::test]
async fn a_meeting_tomorrow_is_reminded_once_unless_cancelled() {
    each_backend(|store| async move {
        let jc = Jobcentres::new(&store).await;
        let mette = citizen(&store, "1205901806", "Mette", t0()).await;
        let lars = citizen(&store, "0803850077", "Lars", t0()).await;
        let earlier = t0() - Duration::days(2);
        // t0 is Monday 2 March 10:00 in Denmark: tomorrow is Tuesday 3 March.
        let tomorrow = day(2026, 3, 3);
        summon(&store, mette, danish(tomorrow, 10, 0), earlier).await;
        let cancelled = summon(&store, mette, danish(tomorrow, 13, 0), earlier).await;
        store
            .cancel_meeting(
                mette,
                cancelled,
                CASEWORKER,
                meeting_notice(NoticeKind::MeetingCancelled, earlier),
                earlier,
            )
            .await
            .unwrap();
        // 00:30 on Wednesday in Denmark, though still Tuesday in UTC: not tomorrow.
        let after_midnight = danish(day(2026, 3, 4), 0, 30);
        assert_eq!(after_midnight.date_naive(), tomorrow);
        summon(&store, mette, after_midnight, earlier).await;
        let slot = jc.publish(&store, true, danish(tomorrow, 14, 0)).await;
        store
            .book_slot(me(lars), slot, "751", earlier)
            .await
            .unwrap();
        summon(&store, lars, t0() + Duration::hours(3), earlier).await;

        let r = store.scan_meeting_reminders(t0(), PORTAL).await.unwrap();
        assert_eq!(r, 2, "the summoned and the booked meeting");
        assert_eq!(
            count_notices(&store, mette, NoticeKind::MeetingReminder).await,
            1
        );
        assert_eq!(
            count_notices(&store, lars, NoticeKind::MeetingReminder).await,
            1
        );
        let reminder = store
            .inbox(me(mette))
            .await
            .unwrap()
            .into_iter()
            .find(|n| n.kind == NoticeKind::MeetingReminder)
            .unwrap();
        assert!(
            reminder.body.contains("03-03-2026 kl. 10:00"),
            "the reminder is of the summoned time, not the cancelled one: {}",
            reminder.body
        );

        for again in [t0(), t0() + Duration::hours(10)] {
            let r = store.scan_meeting_reminders(again, PORTAL).await.unwrap();
            assert_eq!(r, 0, "once, at {again}");
        }
        assert_eq!(
            count_notices(&store, mette, NoticeKind::MeetingReminder).await,
            1
        );

        // The next day: the meeting just after midnight is tomorrow's now.
        let r = store
            .scan_meeting_reminders(t0() + Duration::days(1), PORTAL)
            .await
            .unwrap();
        assert_eq!(r, 1);
        assert_eq!(
            count_notices(&store, mette, NoticeKind::MeetingReminder).await,
            2
        );
    })
    .await;
}

// ---------------------------------------------------------------------------------------
// Min Plan
// ---------------------------------------------------------------------------------------

const ANNA: PlanAuthor<'static> = PlanAuthor {
    name: CASEWORKER,
    organisation: AARHUS,
};

fn activity(description: &str, from: NaiveDate, status: ActivityStatus) -> PlanActivity {
    PlanActivity {
        track: PlanTrack::Job,
        description: description.into(),
        from,
        to: None,
        status,
    }
}

/// Activities only under goals; the citizen reads the plan and comments; a change after
/// the reading makes it unread; the jobcentre's read of the plan is recorded.
#[tokio::test]
async fn the_plan_has_goals_first_and_is_read_as_it_stands() {
    each_backend(|store| async move {
        let c = citizen(&store, "1205901806", "Mette", t0()).await;
        let other = citizen(&store, "0803850077", "Lars", t0()).await;
        let course = activity(
            "Kursus i truckkørsel",
            day(2026, 3, 16),
            ActivityStatus::Agreed,
        );

        assert_eq!(
            refusal(store.save_plan_activity(c, None, &course, ANNA, t0()).await),
            Err(Msg::PlanMissing)
        );
        assert_eq!(store.my_plan(me(c)).await.unwrap(), Default::default());
        assert!(!store.mark_plan_read(me(c), t0()).await.unwrap());
        assert_not_found(store.comment_on_plan(me(c), "Tak", t0()).await);

        let goals = PlanGoals {
            job_goal: "Job som lagerarbejder".into(),
            education_goal: None,
        };
        let written = t0() + Duration::hours(1);
        store
            .save_plan_goals(c, &goals, ANNA, written)
            .await
            .unwrap();
        let course_id = store
            .save_plan_activity(c, None, &course, ANNA, written)
            .await
            .unwrap();
        let earlier = activity(
            "Jobsøgningskursus",
            day(2026, 3, 9),
            ActivityStatus::Started,
        );
        let earlier_id = store
            .save_plan_activity(c, None, &earlier, ANNA, written)
            .await
            .unwrap();
        let plan = store.my_plan(me(c)).await.unwrap();
        assert_eq!(plan.goals, Some(goals.clone()));
        assert_eq!(plan.organisation.as_deref(), Some(AARHUS));
        assert_eq!(plan.changed_by.as_deref(), Some(CASEWORKER));
        assert_eq!(plan.changed_at, Some(written));
        assert_eq!(
            plan.activities,
            [(earlier_id, earlier.clone()), (course_id, course.clone())],
            "by start date"
        );
        assert_eq!(plan.read_at, None);
        assert!(!read_as_it_stands(written, plan.read_at));
        assert_eq!(store.my_plan(me(other)).await.unwrap(), Default::default());

        let read = written + Duration::hours(2);
        assert!(store.mark_plan_read(me(c), read).await.unwrap());
        let plan = store.my_plan(me(c)).await.unwrap();
        assert_eq!(plan.read_at, Some(read));
        assert!(read_as_it_stands(plan.changed_at.unwrap(), plan.read_at));

        // A changed activity: the plan changed after the reading.
        let changed = written + Duration::days(1);
        let done = PlanActivity {
            status: ActivityStatus::Done,
            ..earlier.clone()
        };
        assert_eq!(
            store
                .save_plan_activity(c, Some(earlier_id), &done, ANNA, changed)
                .await
                .unwrap(),
            earlier_id
        );
        let plan = store.my_plan(me(c)).await.unwrap();
        assert_eq!(plan.changed_at, Some(changed));
        assert_eq!(plan.activities[0], (earlier_id, done.clone()));
        assert_eq!(plan.activities.len(), 2);
        assert!(!read_as_it_stands(plan.changed_at.unwrap(), plan.read_at));
        // Read again, then new goals: unread again.
        assert!(store.mark_plan_read(me(c), changed).await.unwrap());
        let plan = store.my_plan(me(c)).await.unwrap();
        assert!(read_as_it_stands(plan.changed_at.unwrap(), plan.read_at));
        let new_goals = PlanGoals {
            job_goal: "Job som truckfører".into(),
            education_goal: None,
        };
        store
            .save_plan_goals(c, &new_goals, ANNA, changed + Duration::seconds(1))
            .await
            .unwrap();
        let plan = store.my_plan(me(c)).await.unwrap();
        assert_eq!(plan.goals, Some(new_goals));
        assert!(!read_as_it_stands(plan.changed_at.unwrap(), plan.read_at));

        // Another citizen's plan: an activity of Mette's cannot be changed through it.
        store
            .save_plan_goals(other, &goals, ANNA, written)
            .await
            .unwrap();
        assert_not_found(
            store
                .save_plan_activity(other, Some(course_id), &done, ANNA, changed)
                .await,
        );
        assert_eq!(
            store.my_plan(me(c)).await.unwrap().activities[1],
            (course_id, course)
        );
        assert_eq!(
            store.my_plan(me(other)).await.unwrap().changed_at,
            Some(written),
            "the refused change left the other's plan as it was"
        );

        // The citizen's comments, oldest first, as the jobcentre reads them.
        let commented = changed + Duration::hours(3);
        store
            .comment_on_plan(me(c), "Jeg har fået plads på kurset.", commented)
            .await
            .unwrap();
        store
            .comment_on_plan(
                me(c),
                "Kurset starter en uge senere.",
                commented + Duration::hours(1),
            )
            .await
            .unwrap();
        let staff_at = commented + Duration::hours(2);
        let seen = store
            .plan_for_staff(c, &staff_read(c, AccessWhat::ReadPlan, staff_at))
            .await
            .unwrap();
        assert_eq!(
            seen.comments,
            [
                (commented, "Jeg har fået plads på kurset.".to_string()),
                (
                    commented + Duration::hours(1),
                    "Kurset starter en uge senere.".to_string()
                ),
            ]
        );
        assert_eq!(seen, store.my_plan(me(c)).await.unwrap());
        assert!(store.my_plan(me(other)).await.unwrap().comments.is_empty());
        let reads: Vec<_> = store
            .access_history(c, jobspor::retention::access_history_cutoff(staff_at))
            .await
            .unwrap()
            .into_iter()
            .filter(|h| h.what == AccessWhat::ReadPlan)
            .collect();
        assert_eq!(reads.len(), 1);
        assert_eq!(
            (reads[0].at, reads[0].organisation.as_str()),
            (staff_at, AARHUS)
        );
    })
    .await;
}
