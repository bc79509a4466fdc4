//! Jobnetsupporten's recorded consent (seed 000: "Jobnetsupporten skal indskrive, at de har
//! modtaget samtykke fra dig, før de tilgår din profil"): how it was given, when, what it
//! covers and a reference to the conversation; and how long it lasts.
use crate::choices::choices;
use crate::cpr::Cpr;
use crate::dates::{danish_date, danish_offset_hours, date_from_parts, DatePart};
use crate::form_fields::{field_list, hint, req, FieldKind, FieldSpec, Fields};
use crate::messages::Msg;
use crate::policy::CasePart;
use crate::validation::{required_text, FieldErrors};
use chrono::{DateTime, Duration, NaiveTime, Utc};

choices! {
    /// How the citizen gave the consent.
    ConsentChannel {
        Written = "written", "Skriftligt (brev, e-mail, kontaktformular)", "In writing (letter, e-mail, contact form)";
        Telephone = "telephone", "Telefonisk", "By telephone";
    }
}

choices! {
    /// What the consent lets support read.
    ConsentScope {
        Profile = "profile", "Person- og kontaktoplysninger", "Personal and contact details";
        Cv = "cv", "CV", "CV";
        Jobseeker = "jobseeker", "Tilmelding og forberedelsesskema", "Registration and preparation questionnaire";
    }
}

impl ConsentScope {
    /// Does consent to this scope let support read `part`? (What support may read at all is
    /// `policy::staff_sees`; the scope narrows it.)
    pub fn covers(self, part: CasePart) -> bool {
        use CasePart::*;
        match self {
            ConsentScope::Profile => {
                matches!(part, RegisterData | ContactDetails | ReminderChoices)
            }
            ConsentScope::Cv => matches!(part, Cv | SpecialConsiderations | Absence),
            ConsentScope::Jobseeker => matches!(
                part,
                Registration | DagpengeQuestionnaire | OtherQuestionnaire
            ),
        }
    }

    /// The scopes as stored: their codes, comma-separated.
    pub fn codes(scopes: &[ConsentScope]) -> String {
        scopes
            .iter()
            .map(|s| s.code())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Scopes read back from `codes`; unknown codes are dropped.
    pub fn from_codes(codes: &str) -> Vec<ConsentScope> {
        codes
            .split(',')
            .filter_map(|c| ConsentScope::from_code(c).ok())
            .collect()
    }
}

/// The consent form support fills in before a profile opens.
pub const FIELDS: &[FieldSpec] = field_list![
    hint(
        req(
            "cpr",
            "Borgerens CPR-nummer",
            "The citizen's CPR number",
            FieldKind::Text { max: 11 }
        ),
        "10 cifre, fx 010203-1234",
        "10 digits, e.g. 010203-1234"
    ),
    req(
        "channel",
        "Hvordan gav borgeren samtykke?",
        "How did the citizen give consent?",
        FieldKind::Radio(ConsentChannel::OPTIONS)
    ),
    req(
        "given_on",
        "Dato for samtykket",
        "Date of the consent",
        FieldKind::Date
    ),
    hint(
        req(
            "given_time",
            "Klokkeslæt for samtykket",
            "Time of the consent",
            FieldKind::Text { max: 5 }
        ),
        "tt:mm, fx 09:30",
        "hh:mm, e.g. 09:30"
    ),
    req(
        "scope",
        "Hvad giver samtykket adgang til?",
        "What does the consent give access to?",
        FieldKind::Checkboxes(ConsentScope::OPTIONS)
    ),
    hint(
        req(
            "reference",
            "Reference til henvendelsen",
            "Reference to the conversation",
            FieldKind::TextArea { max: 500 }
        ),
        "Fx sagsnummer, e-mailens emne eller opkaldets tidspunkt og emne.",
        "E.g. the case number, the e-mail's subject or the call's time and subject."
    ),
];

/// How many days back a consent may have been given and still be recorded.
pub const CONSENT_GIVEN_WITHIN_DAYS: i64 = 7;

/// A consent as support records it, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentInput {
    pub cpr: Cpr,
    pub channel: ConsentChannel,
    pub given_at: DateTime<Utc>,
    pub scope: Vec<ConsentScope>,
    pub reference: String,
}

impl ConsentInput {
    /// Parses the form (`FIELDS`, the date in its three parts). The consent cannot have been
    /// given in the future, nor more than `CONSENT_GIVEN_WITHIN_DAYS` ago.
    pub fn parse(raw: &Fields, now: DateTime<Utc>) -> Result<ConsentInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let get = |k: &str| raw.get(k).map(String::as_str).unwrap_or_default();
        let cpr = e.check(
            "cpr",
            if get("cpr").trim().is_empty() {
                Err(Msg::Required)
            } else {
                Cpr::parse(get("cpr"))
            },
        );
        let channel = e.check("channel", ConsentChannel::from_choice(get("channel")));
        let [d, m, y] = DatePart::ALL.map(|p| get(&p.key("given_on")).to_string());
        let date = match date_from_parts(&d, &m, &y) {
            Ok(Some(date)) => Some(date),
            Ok(None) => {
                e.add("given_on", Msg::Required);
                None
            }
            Err((part, key)) => {
                e.add(part.error_field("given_on"), key);
                None
            }
        };
        let time = e.check("given_time", parse_time(get("given_time")));
        let given_at = match (date, time) {
            (Some(date), Some(time)) => {
                let at = crate::dates::danish_to_utc(date, time);
                if at > now + Duration::minutes(5) {
                    e.add("given_on", Msg::ConsentInFuture);
                    None
                } else if danish_date(at)
                    < danish_date(now) - Duration::days(CONSENT_GIVEN_WITHIN_DAYS)
                {
                    e.add("given_on", Msg::ConsentTooOld);
                    None
                } else {
                    Some(at)
                }
            }
            _ => None,
        };
        let scope: Vec<ConsentScope> =
            crate::form_fields::ticked(raw, "scope", ConsentScope::OPTIONS)
                .filter_map(|c| ConsentScope::from_code(c).ok())
                .collect();
        if scope.is_empty() {
            e.add("scope", Msg::ChoiceAtLeastOne);
        }
        let reference = e.check("reference", required_text(get("reference"), 500));
        e.finish(|| {
            Some(ConsentInput {
                cpr: cpr?,
                channel: channel?,
                given_at: given_at?,
                scope,
                reference: reference?,
            })
        })
    }
}

/// `tt:mm` (or `tt.mm`), 00:00–23:59.
pub fn parse_time(raw: &str) -> Result<NaiveTime, Msg> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Msg::Required);
    }
    let (h, m) = raw.split_once([':', '.']).ok_or(Msg::TimeInvalid)?;
    let number = |s: &str| {
        ((1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    match (number(h), number(m)) {
        (Some(h), Some(m)) if m < 60 && h < 24 => {
            NaiveTime::from_hms_opt(h, m, 0).ok_or(Msg::TimeInvalid)
        }
        _ => Err(Msg::TimeInvalid),
    }
}

/// How long a recorded consent lasts (`JOBSPOR_CONSENT_MINUTES`; unset: to the end of the
/// Danish day it was recorded on, the default: a consent is for the conversation in
/// hand, not for later ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ConsentLength {
    #[default]
    EndOfDay,
    Minutes(u32),
}

impl ConsentLength {
    /// When a consent recorded at `recorded_at` ends.
    pub fn ends_at(self, recorded_at: DateTime<Utc>) -> DateTime<Utc> {
        match self {
            ConsentLength::Minutes(m) => recorded_at + Duration::minutes(i64::from(m)),
            ConsentLength::EndOfDay => {
                let midnight = (danish_date(recorded_at) + Duration::days(1))
                    .and_hms_opt(0, 0, 0)
                    .expect("midnight exists")
                    .and_utc();
                // Midnight is never in a summer-time switch (they are at 01:00 UTC).
                midnight - Duration::hours(danish_offset_hours(midnight - Duration::hours(1)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn form(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn good() -> Fields {
        form(&[
            ("cpr", "120590-1806"),
            ("channel", "telephone"),
            ("given_on__dag", "5"),
            ("given_on__maaned", "12"),
            ("given_on__aar", "2026"),
            ("given_time", "10:15"),
            ("scope__profile", "on"),
            ("scope__cv", "on"),
            ("reference", "Opkald om log-ind, sag 4711"),
        ])
    }

    #[test]
    fn a_consent_lasts_to_the_end_of_the_danish_day_by_default() {
        // 10:00 in Copenhagen in winter (UTC+1): ends at midnight, 23:00 UTC.
        assert_eq!(
            ConsentLength::EndOfDay.ends_at(at("2026-12-05T09:00:00Z")),
            at("2026-12-05T23:00:00Z")
        );
        // 00:30 local is already the next day.
        assert_eq!(
            ConsentLength::EndOfDay.ends_at(at("2026-12-05T23:30:00Z")),
            at("2026-12-06T23:00:00Z")
        );
        // Summer time (UTC+2).
        assert_eq!(
            ConsentLength::EndOfDay.ends_at(at("2026-07-01T12:00:00Z")),
            at("2026-07-01T22:00:00Z")
        );
        assert_eq!(
            ConsentLength::Minutes(30).ends_at(at("2026-12-05T09:00:00Z")),
            at("2026-12-05T09:30:00Z")
        );
    }

    #[test]
    fn a_consent_form_is_read_in_danish_time() {
        let c = ConsentInput::parse(&good(), at("2026-12-05T12:00:00Z")).unwrap();
        assert_eq!(c.given_at, at("2026-12-05T09:15:00Z"));
        assert_eq!(c.channel, ConsentChannel::Telephone);
        assert_eq!(c.scope, vec![ConsentScope::Profile, ConsentScope::Cv]);
        assert_eq!(c.cpr.digits(), "1205901806");
    }

    #[test]
    fn every_missing_part_of_a_consent_is_named() {
        let e = ConsentInput::parse(&Fields::new(), at("2026-12-05T12:00:00Z")).unwrap_err();
        let fields: Vec<_> = e.iter().map(|e| (e.field.as_str(), e.key)).collect();
        assert_eq!(
            fields,
            vec![
                ("cpr", Msg::Required),
                ("channel", Msg::ChoiceRequired),
                ("given_on", Msg::Required),
                ("given_time", Msg::Required),
                ("scope", Msg::ChoiceAtLeastOne),
                ("reference", Msg::Required),
            ]
        );
    }

    #[test]
    fn a_consent_cannot_be_given_later_than_now_or_long_ago() {
        let mut f = good();
        f.insert("given_time".into(), "14:00".into());
        let e = ConsentInput::parse(&f, at("2026-12-05T12:00:00Z")).unwrap_err();
        assert_eq!(e.for_field("given_on").unwrap().key, Msg::ConsentInFuture);
        let e = ConsentInput::parse(&good(), at("2026-12-13T12:00:00Z")).unwrap_err();
        assert_eq!(e.for_field("given_on").unwrap().key, Msg::ConsentTooOld);
        assert!(ConsentInput::parse(&good(), at("2026-12-12T12:00:00Z")).is_ok());
        let mut f = good();
        f.insert("given_on__maaned".into(), "13".into());
        let e = ConsentInput::parse(&f, at("2026-12-05T12:00:00Z")).unwrap_err();
        assert_eq!(
            e.for_field("given_on__maaned").unwrap().key,
            Msg::DateMonthInvalid
        );
    }

    #[test]
    fn times_are_hours_and_minutes() {
        assert_eq!(
            parse_time("9:05"),
            Ok(NaiveTime::from_hms_opt(9, 5, 0).unwrap())
        );
        assert_eq!(
            parse_time("23.59"),
            Ok(NaiveTime::from_hms_opt(23, 59, 0).unwrap())
        );
        for bad in ["24:00", "12:60", "1200", "ab:cd", "12:5x", "123:00"] {
            assert_eq!(parse_time(bad), Err(Msg::TimeInvalid), "{bad}");
        }
        assert_eq!(parse_time(" "), Err(Msg::Required));
    }

    #[test]
    fn a_scope_covers_its_own_parts_only() {
        assert!(ConsentScope::Cv.covers(CasePart::Absence));
        assert!(!ConsentScope::Cv.covers(CasePart::ContactDetails));
        assert!(ConsentScope::Jobseeker.covers(CasePart::DagpengeQuestionnaire));
        for s in ConsentScope::ALL {
            assert!(!s.covers(CasePart::HealthAnswers) && !s.covers(CasePart::History));
        }
        let codes = ConsentScope::codes(&[ConsentScope::Profile, ConsentScope::Jobseeker]);
        assert_eq!(codes, "profile,jobseeker");
        assert_eq!(
            ConsentScope::from_codes(&codes),
            vec![ConsentScope::Profile, ConsentScope::Jobseeker]
        );
    }
}
