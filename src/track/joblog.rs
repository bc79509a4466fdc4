//! Min Joblog and "Log om anden aktivitet": the job seeker's own log of applications and
//! other job-search activity, which the jobcentre (and the a-kasse, for a dagpenge member)
//! read and employers never see. Thirty days without a registration is a notice to the
//! citizen and a flag for the jobcentre.
use super::{parse_form, text};
use crate::choices::choices;
use crate::dates::{format_da, parse_form_date};
use crate::form_fields::{field_list, hint, opt, req, FieldKind, FieldSpec, Fields};
use crate::lang::Lang;
use crate::messages::Msg;
use crate::notices::NoticeText;
use crate::validation::{optional_text, required_text, FieldErrors};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

choices! {
    /// What a joblog entry is.
    JoblogKind {
        Application = "application", "Jobansøgning", "Job application";
        Activity = "activity", "Anden aktivitet", "Other activity";
    }
}

choices! {
    /// Where an application stands.
    ApplicationStatus {
        Sent = "sent", "Sendt", "Sent";
        Interview = "interview", "Til samtale", "Invited to interview";
        Rejected = "rejected", "Afslag", "Rejected";
        Offered = "offered", "Tilbudt job", "Offered the job";
        Withdrawn = "withdrawn", "Trukket tilbage", "Withdrawn";
    }
}

choices! {
    /// Where the job was found.
    FoundVia {
        JobPortal = "job_portal", "Jobportal, fx Jobnet", "Job portal, e.g. Jobnet";
        CompanySite = "company_site", "Virksomhedens hjemmeside", "The company's website";
        Network = "network", "Netværk", "Network";
        SocialMedia = "social_media", "Sociale medier", "Social media";
        Jobcentre = "jobcentre", "Jobcentret eller a-kassen", "The jobcentre or the a-kasse";
        Press = "press", "Avis eller fagblad", "Newspaper or trade journal";
        Unsolicited = "unsolicited", "Uopfordret – ikke et opslag", "Unsolicited – not an advertisement";
        Other = "other", "Andet", "Other";
    }
}

choices! {
    /// How the citizen applied.
    AppliedHow {
        Online = "online", "Online eller på e-mail", "Online or by e-mail";
        InPerson = "in_person", "Personligt fremmøde", "In person";
        Phone = "phone", "Telefon", "Phone";
        Letter = "letter", "Brev", "Letter";
    }
}

choices! {
    /// Other job-search activity ("Log om anden aktivitet").
    ActivityKind {
        Course = "course", "Kursus", "Course";
        NetworkMeeting = "network_meeting", "Netværksmøde", "Network meeting";
        UnsolicitedCall = "unsolicited_call", "Uopfordret henvendelse til en virksomhed", "Unsolicited call on a company";
        JobFair = "job_fair", "Jobmesse", "Job fair";
        Other = "other", "Anden jobsøgningsaktivitet", "Other job-search activity";
    }
}

pub const EMPLOYER_MAX: usize = 150;
pub const POSITION_MAX: usize = 150;
pub const NOTE_MAX: usize = 1000;
pub const DESCRIPTION_MAX: usize = 1000;

/// The application's form.
pub const APPLICATION_FIELDS: &[FieldSpec] =
    field_list![
    req(
        "employer",
        "Virksomhed",
        "Employer",
        FieldKind::Text { max: EMPLOYER_MAX }
    ),
    hint(
        req("position", "Stilling", "Position", FieldKind::Text { max: POSITION_MAX }),
        "Vælg en stillingsbetegnelse fra listen, eller skriv stillingen, som den stod i opslaget",
        "Choose a job title from the list, or write the position as the advertisement had it"
    ),
    req(
        "found_via",
        "Hvor fandt du jobbet?",
        "Where did you find the job?",
        FieldKind::Select(FoundVia::OPTIONS)
    ),
    req(
        "how",
        "Hvordan søgte du?",
        "How did you apply?",
        FieldKind::Radio(AppliedHow::OPTIONS)
    ),
    req(
        "applied_on",
        "Dato for ansøgningen",
        "Date of the application",
        FieldKind::Date
    ),
    req(
        "status",
        "Hvor står ansøgningen?",
        "Where does the application stand?",
        FieldKind::Radio(ApplicationStatus::OPTIONS)
    ),
    opt(
        "note",
        "Bemærkning",
        "Remark",
        FieldKind::TextArea { max: NOTE_MAX }
    ),
];

/// The other activity's form.
pub const ACTIVITY_FIELDS: &[FieldSpec] = field_list![
    req(
        "kind",
        "Hvilken aktivitet?",
        "Which activity?",
        FieldKind::Radio(ActivityKind::OPTIONS)
    ),
    req("on", "Dato", "Date", FieldKind::Date),
    hint(
        req(
            "description",
            "Beskrivelse",
            "Description",
            FieldKind::TextArea {
                max: DESCRIPTION_MAX
            }
        ),
        "Hvad gjorde du, og med hvem?",
        "What did you do, and with whom?"
    ),
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    pub employer: String,
    pub position: String,
    pub found_via: FoundVia,
    pub how: AppliedHow,
    pub applied_on: NaiveDate,
    pub status: ApplicationStatus,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub kind: ActivityKind,
    pub on: NaiveDate,
    pub description: String,
}

/// One registration in the joblog, as stored (JSON) and shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum JoblogEntry {
    Application(Application),
    Activity(Activity),
}

/// A registration's date: today or before, and within the last year (the log is about the
/// job search going on).
fn date(raw: &str, today: NaiveDate) -> Result<NaiveDate, Msg> {
    if raw.trim().is_empty() {
        return Err(Msg::Required);
    }
    let d = parse_form_date(raw).ok_or(Msg::DateInvalid)?;
    if d > today {
        Err(Msg::DateInFuture)
    } else if d < today - Duration::days(366) {
        Err(Msg::DateImplausible)
    } else {
        Ok(d)
    }
}

impl JoblogKind {
    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            JoblogKind::Application => APPLICATION_FIELDS,
            JoblogKind::Activity => ACTIVITY_FIELDS,
        }
    }
}

impl JoblogEntry {
    /// The one parser of both forms, for the server and for the demo data.
    pub fn parse(kind: JoblogKind, raw: &Fields, today: NaiveDate) -> Result<Self, FieldErrors> {
        parse_form(kind.fields(), raw, |f| {
            let mut e = FieldErrors::new();
            match kind {
                JoblogKind::Application => {
                    let employer =
                        e.check("employer", required_text(text(f, "employer"), EMPLOYER_MAX));
                    let position =
                        e.check("position", required_text(text(f, "position"), POSITION_MAX));
                    let found_via =
                        e.check("found_via", FoundVia::from_choice(text(f, "found_via")));
                    let how = e.check("how", AppliedHow::from_choice(text(f, "how")));
                    let applied_on = e.check("applied_on", date(text(f, "applied_on"), today));
                    let status =
                        e.check("status", ApplicationStatus::from_choice(text(f, "status")));
                    let note = e.check("note", optional_text(text(f, "note"), NOTE_MAX));
                    e.finish(|| {
                        Some(JoblogEntry::Application(Application {
                            employer: employer?,
                            position: position?,
                            found_via: found_via?,
                            how: how?,
                            applied_on: applied_on?,
                            status: status?,
                            note: note?,
                        }))
                    })
                }
                JoblogKind::Activity => {
                    let kind = e.check("kind", ActivityKind::from_choice(text(f, "kind")));
                    let on = e.check("on", date(text(f, "on"), today));
                    let description = e.check(
                        "description",
                        required_text(text(f, "description"), DESCRIPTION_MAX),
                    );
                    e.finish(|| {
                        Some(JoblogEntry::Activity(Activity {
                            kind: kind?,
                            on: on?,
                            description: description?,
                        }))
                    })
                }
            }
        })
    }

    pub fn kind(&self) -> JoblogKind {
        match self {
            JoblogEntry::Application(_) => JoblogKind::Application,
            JoblogEntry::Activity(_) => JoblogKind::Activity,
        }
    }

    /// The date the log is sorted and counted by.
    pub fn date(&self) -> NaiveDate {
        match self {
            JoblogEntry::Application(a) => a.applied_on,
            JoblogEntry::Activity(a) => a.on,
        }
    }

    /// The form's fields, to open the entry for editing.
    pub fn fields(&self) -> Fields {
        let mut f = Fields::new();
        let mut put = |k: &str, v: String| {
            f.insert(k.to_string(), v);
        };
        match self {
            JoblogEntry::Application(a) => {
                put("employer", a.employer.clone());
                put("position", a.position.clone());
                put("found_via", a.found_via.code().into());
                put("how", a.how.code().into());
                put("applied_on", a.applied_on.to_string());
                put("status", a.status.code().into());
                put("note", a.note.clone().unwrap_or_default());
            }
            JoblogEntry::Activity(a) => {
                put("kind", a.kind.code().into());
                put("on", a.on.to_string());
                put("description", a.description.clone());
            }
        }
        f
    }

    /// A heading and the lines under it, in `lang`, for the citizen's and the caseworker's
    /// list.
    pub fn display(&self, lang: Lang) -> (String, Vec<String>) {
        match self {
            JoblogEntry::Application(a) => {
                let mut lines = vec![
                    format!(
                        "{}: {}",
                        lang.pick("Søgt", "Applied"),
                        format_da(a.applied_on)
                    ),
                    format!(
                        "{}: {}",
                        lang.pick("Status", "Status"),
                        a.status.label(lang)
                    ),
                    format!(
                        "{}: {}",
                        lang.pick("Fundet via", "Found via"),
                        a.found_via.label(lang)
                    ),
                    format!(
                        "{}: {}",
                        lang.pick("Søgt via", "Applied by"),
                        a.how.label(lang)
                    ),
                ];
                if let Some(n) = &a.note {
                    lines.push(format!("{}: {n}", lang.pick("Bemærkning", "Remark")));
                }
                (format!("{} – {}", a.position, a.employer), lines)
            }
            JoblogEntry::Activity(a) => (
                a.kind.label(lang).to_string(),
                vec![format_da(a.on), a.description.clone()],
            ),
        }
    }
}

/// How many registrations in one week or month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodCount {
    pub label: String,
    pub count: usize,
}

const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Registrations per ISO week (Danish weeks start on Monday), newest first.
pub fn per_week(dates: &[NaiveDate], lang: Lang) -> Vec<PeriodCount> {
    count_by(dates, |d| {
        let w = d.iso_week();
        (
            (w.year(), w.week()),
            format!("{} {} {}", lang.pick("Uge", "Week"), w.week(), w.year()),
        )
    })
}

/// Registrations per calendar month, newest first.
pub fn per_month(dates: &[NaiveDate], lang: Lang) -> Vec<PeriodCount> {
    count_by(dates, |d| {
        let name = lang.pick(MONTHS_DA, MONTHS_EN)[d.month0() as usize];
        ((d.year(), d.month()), format!("{name} {}", d.year()))
    })
}

fn count_by(
    dates: &[NaiveDate],
    key: impl Fn(NaiveDate) -> ((i32, u32), String),
) -> Vec<PeriodCount> {
    let mut counts: std::collections::BTreeMap<(i32, u32), PeriodCount> = Default::default();
    for d in dates {
        let (k, label) = key(*d);
        counts
            .entry(k)
            .or_insert(PeriodCount { label, count: 0 })
            .count += 1;
    }
    counts.into_values().rev().collect()
}

/// After this many days without a registration the citizen is told, and the jobcentre
/// flagged.
pub const SILENCE_DAYS: i64 = 30;

/// When the current silence began: the last registration, or registering as a job seeker
/// when nothing was logged since.
pub fn silent_since(
    last_entry: Option<DateTime<Utc>>,
    registered_at: DateTime<Utc>,
) -> DateTime<Utc> {
    last_entry.map_or(registered_at, |l| l.max(registered_at))
}

/// Whether a silence that began at `since` calls for the notice and the flag.
pub fn silence_is_due(since: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now - since >= Duration::days(SILENCE_DAYS)
}

/// The silences the daily scan reads: those that became due within the last week (a
/// missed day is caught up; each silence's notice is queued once, by its key).
pub fn silence_scan_window(now: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    let until = now - Duration::days(SILENCE_DAYS);
    (until - Duration::days(7), until)
}

/// The notice's words: nothing from the log itself, a link to it.
pub fn silence_text(since: DateTime<Utc>, lang: Lang, portal: &str) -> NoticeText {
    let day = format_da(crate::dates::danish_date(since));
    NoticeText {
        subject: crate::notices::NoticeKind::JoblogSilence.label(lang).to_string(),
        body: lang.pick(
            format!("Du har ikke registreret jobsøgning i din joblog siden {day}. Jobcentret kan se det. Registrér dine ansøgninger og andre aktiviteter i Min Joblog.\n\nLog på her: {portal}"),
            format!("You have not registered any job search in your joblog since {day}. The jobcentre can see this. Register your applications and other activities in My Joblog.\n\nLog in here: {portal}"),
        ),
        sms: lang.pick(
            format!("Jobspor: Du har ikke registreret jobsøgning i din joblog siden {day}: {portal}"),
            format!("Jobspor: You have not registered any job search in your joblog since {day}: {portal}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
    }

    fn application(date: &str) -> Fields {
        [
            ("employer", "Bageriet A/S"),
            ("position", "Bager"),
            ("found_via", "job_portal"),
            ("how", "online"),
            ("applied_on", date),
            ("status", "sent"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    #[test]
    fn an_application_parses_and_opens_again_as_it_was() {
        let e = JoblogEntry::parse(JoblogKind::Application, &application("2026-12-01"), today())
            .unwrap();
        assert_eq!(e.date(), NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        let again = JoblogEntry::parse(JoblogKind::Application, &e.fields(), today()).unwrap();
        assert_eq!(again, e);
    }

    #[test]
    fn an_application_is_not_logged_ahead_or_far_back() {
        for (date, key) in [
            ("2026-12-04", Msg::DateInFuture),
            ("2025-11-01", Msg::DateImplausible),
            ("", Msg::Required),
        ] {
            let err = JoblogEntry::parse(JoblogKind::Application, &application(date), today())
                .unwrap_err();
            assert_eq!(
                err.for_field("applied_on").map(|e| e.key),
                Some(key),
                "{date}"
            );
        }
    }

    #[test]
    fn a_date_typed_in_parts_is_checked_part_by_part() {
        let mut f = application("");
        f.remove("applied_on");
        f.insert("applied_on__dag".into(), "1".into());
        f.insert("applied_on__maaned".into(), "13".into());
        f.insert("applied_on__aar".into(), "2026".into());
        let err = JoblogEntry::parse(JoblogKind::Application, &f, today()).unwrap_err();
        assert_eq!(
            err.for_field("applied_on__maaned").map(|e| e.key),
            Some(Msg::DateMonthInvalid)
        );
    }

    #[test]
    fn every_missing_answer_is_named() {
        let err = JoblogEntry::parse(JoblogKind::Activity, &Fields::new(), today()).unwrap_err();
        let fields: Vec<&str> = err.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["kind", "on", "description"]);
        assert_eq!(
            err.for_field("kind").map(|e| e.key),
            Some(Msg::ChoiceRequired)
        );
    }

    #[test]
    fn counts_go_by_iso_week_and_month_newest_first() {
        let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        // 30 Nov 2026 is a Monday (week 49); 29 Nov a Sunday (week 48).
        let dates = [d(11, 29), d(11, 30), d(12, 2), d(12, 3)];
        let weeks = per_week(&dates, Lang::Da);
        assert_eq!(
            weeks[0],
            PeriodCount {
                label: "Uge 49 2026".into(),
                count: 3
            }
        );
        assert_eq!(
            weeks[1],
            PeriodCount {
                label: "Uge 48 2026".into(),
                count: 1
            }
        );
        let months = per_month(&dates, Lang::Da);
        assert_eq!(
            months[0],
            PeriodCount {
                label: "december 2026".into(),
                count: 2
            }
        );
        assert_eq!(months[1].label, "november 2026");
        assert_eq!(per_month(&dates, Lang::En)[0].label, "December 2026");
    }

    #[test]
    fn thirty_days_of_silence_since_the_last_registration_or_the_registering() {
        let registered = Utc.with_ymd_and_hms(2026, 10, 1, 8, 0, 0).unwrap();
        let logged = Utc.with_ymd_and_hms(2026, 10, 20, 8, 0, 0).unwrap();
        assert_eq!(silent_since(None, registered), registered);
        assert_eq!(silent_since(Some(logged), registered), logged);
        // A registration older than the registering counts from the registering.
        assert_eq!(
            silent_since(Some(registered - Duration::days(9)), registered),
            registered
        );
        let since = logged;
        assert!(!silence_is_due(
            since,
            since + Duration::days(30) - Duration::seconds(1)
        ));
        assert!(silence_is_due(since, since + Duration::days(30)));
        let now = since + Duration::days(30);
        let (from, until) = silence_scan_window(now);
        assert!(from <= since && since <= until);
        // Due a week ago: still caught up; longer ago: noticed then.
        let (from, _) = silence_scan_window(now + Duration::days(7));
        assert!(from <= since);
        let (from, _) = silence_scan_window(now + Duration::days(8));
        assert!(since < from);
    }

    #[test]
    fn the_notice_says_nothing_of_the_log() {
        let since = Utc.with_ymd_and_hms(2026, 10, 20, 8, 0, 0).unwrap();
        let t = silence_text(since, Lang::Da, "https://jobspor.example");
        assert!(t.body.contains("20-10-2026") && t.body.contains("https://jobspor.example"));
        assert!(t.sms.len() < 160);
    }
}
