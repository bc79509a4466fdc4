//! The access log's rules (seed 000, "Min historik"): what a record says, how it is chained,
//! and how a chain is verified.
//!
//! Every access to a citizen's data by anyone — the citizen's own logins included — is one
//! record: when, who (a person and their organisation), in which role, what, and on what
//! basis. The citizen is named by a pseudonym (`subject`), never by id or CPR number: when a
//! profile is deleted the pseudonym's link to the person goes with it, and the records stay
//! verifiable without anything personal.
//!
//! **Tamper-evident:** records form one chain. Each carries `hash = SHA-256(prev_hash ‖ seq ‖
//! canonical content)`, where `prev_hash` is the hash of the record before it. Changing a
//! record breaks its own hash; deleting or inserting one breaks the sequence or the next
//! record's `prev_hash`; deleting the newest is seen against the chain's head, which is
//! written in the same transaction as every record. Old records are pruned from the start
//! only, and the last pruned record's `(seq, hash)` is kept as the anchor the chain then
//! verifies from.
use crate::lang::{Lang, Words};
use crate::policy::ActorKind;
use chrono::{DateTime, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// What was done, as the citizen reads it in Min historik. Stored by `code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccessWhat {
    LoggedInMitId,
    LoggedInPassword,
    ChangedPassword,
    /// The citizen changed phone, e-mail or the reminders (issue 26).
    ChangedContactDetails,
    /// The citizen downloaded everything the portal holds about them (issue 26).
    DownloadedOwnData,
    /// The citizen deleted the CV (issue 26).
    DeletedOwnCv,
    /// The citizen restricted the processing, or lifted the restriction (issue 26).
    Restricted,
    LiftedRestriction,
    OpenedCv,
    ReadQuestionnaire,
    ReadHealthAnswers,
    ReadProfile,
    ReadCv,
    ReadRegistration,
    /// EURES' poller fetched the CV the citizen chose to send (issue 24).
    EuresFetchedCv,
    /// Min Joblog: applications and other activities (issue 25).
    ReadJoblog,
    /// Min Plan with the citizen's comments and whether it was read.
    ReadPlan,
    /// Mine møder: the citizen's meetings and answers.
    ReadMeetings,
}

impl AccessWhat {
    pub const ALL: [AccessWhat; 18] = [
        AccessWhat::LoggedInMitId,
        AccessWhat::LoggedInPassword,
        AccessWhat::ChangedPassword,
        AccessWhat::ChangedContactDetails,
        AccessWhat::DownloadedOwnData,
        AccessWhat::DeletedOwnCv,
        AccessWhat::Restricted,
        AccessWhat::LiftedRestriction,
        AccessWhat::OpenedCv,
        AccessWhat::ReadQuestionnaire,
        AccessWhat::ReadHealthAnswers,
        AccessWhat::ReadProfile,
        AccessWhat::ReadCv,
        AccessWhat::ReadRegistration,
        AccessWhat::EuresFetchedCv,
        AccessWhat::ReadJoblog,
        AccessWhat::ReadPlan,
        AccessWhat::ReadMeetings,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            AccessWhat::LoggedInMitId => "login_mitid",
            AccessWhat::LoggedInPassword => "login_password",
            AccessWhat::ChangedPassword => "password_changed",
            AccessWhat::ChangedContactDetails => "contact_changed",
            AccessWhat::DownloadedOwnData => "own_data_downloaded",
            AccessWhat::DeletedOwnCv => "own_cv_deleted",
            AccessWhat::Restricted => "restricted",
            AccessWhat::LiftedRestriction => "restriction_lifted",
            AccessWhat::OpenedCv => "cv_opened",
            AccessWhat::ReadQuestionnaire => "questionnaire_read",
            AccessWhat::ReadHealthAnswers => "health_answers_read",
            AccessWhat::ReadProfile => "profile_read",
            AccessWhat::ReadCv => "cv_read",
            AccessWhat::ReadRegistration => "registration_read",
            AccessWhat::EuresFetchedCv => "eures_fetched",
            AccessWhat::ReadJoblog => "joblog_read",
            AccessWhat::ReadPlan => "plan_read",
            AccessWhat::ReadMeetings => "meetings_read",
        }
    }

    pub fn from_code(code: &str) -> Option<AccessWhat> {
        Self::ALL.into_iter().find(|w| w.code() == code)
    }

    pub const fn words(self) -> Words {
        match self {
            AccessWhat::LoggedInMitId => Words::new("Logget ind med MitID", "Logged in with MitID"),
            AccessWhat::LoggedInPassword => Words::new(
                "Logget ind med brugernavn og adgangskode",
                "Logged in with username and password",
            ),
            AccessWhat::ChangedPassword => {
                Words::new("Skiftede adgangskode", "Changed the password")
            }
            AccessWhat::DownloadedOwnData => {
                Words::new("Hentede alle dine data", "Downloaded all your data")
            }
            AccessWhat::DeletedOwnCv => Words::new("Slettede dit CV", "Deleted your CV"),
            AccessWhat::Restricted => Words::new(
                "Begrænsede behandlingen af dine oplysninger",
                "Restricted the processing of your data",
            ),
            AccessWhat::LiftedRestriction => {
                Words::new("Ophævede begrænsningen", "Lifted the restriction")
            }
            AccessWhat::ChangedContactDetails => Words::new(
                "Rettede kontaktoplysninger eller påmindelser",
                "Changed the contact details or reminders",
            ),
            AccessWhat::OpenedCv => Words::new("Åbnede dit CV", "Opened your CV"),
            AccessWhat::ReadQuestionnaire => Words::new(
                "Så dit forberedelsesskema",
                "Read your preparation questionnaire",
            ),
            AccessWhat::ReadHealthAnswers => {
                Words::new("Så dine svar om helbred", "Read your answers about health")
            }
            AccessWhat::ReadProfile => Words::new(
                "Så dine person- og kontaktoplysninger",
                "Read your personal and contact details",
            ),
            AccessWhat::ReadCv => Words::new("Så dit CV", "Read your CV"),
            AccessWhat::ReadRegistration => Words::new(
                "Så din tilmelding som jobsøgende",
                "Read your registration as a job seeker",
            ),
            AccessWhat::EuresFetchedCv => {
                Words::new("EURES hentede dit CV", "EURES fetched your CV")
            }
            AccessWhat::ReadJoblog => Words::new("Så din joblog", "Read your joblog"),
            AccessWhat::ReadPlan => Words::new(
                "Så din plan og dine kommentarer",
                "Read your plan and your comments",
            ),
            AccessWhat::ReadMeetings => Words::new("Så dine møder", "Read your meetings"),
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        self.words().get(lang)
    }
}

/// One record's content: what the chain's hash covers (`canonical`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessRecord {
    pub at: DateTime<Utc>,
    /// The citizen's pseudonym in the log.
    pub subject: String,
    pub actor_kind: ActorKind,
    pub actor_id: Option<i64>,
    /// Who, as the citizen reads it: a company's or a person's name; empty for the citizen.
    pub actor_name: String,
    /// The organisation the person acted for (a company, a jobcentre); empty for the citizen.
    pub organisation: String,
    pub what: AccessWhat,
    /// On what basis (`AccessBasis::code`).
    pub basis: String,
}

/// Why someone other than the citizen could read: written with every record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AccessBasis {
    /// The citizen's own access.
    Own,
    /// An employer under the CV terms it accepted.
    EmployerTerms,
    /// A jobcentre serving the citizen's municipality (its code).
    ServedMunicipality(String),
    /// An a-kasse whose member the citizen is, registered for dagpenge (the a-kasse's code).
    AKasseMembership(String),
    /// Jobnetsupporten, on the consent with this id.
    Consent(i64),
    /// A jobcentre's search across municipalities for job placement ("jobformidling").
    JobPlacement,
    /// The citizen's consent to send the CV to EURES (seed 004), the receipt with this id.
    EuresConsent(i64),
}

impl AccessBasis {
    pub fn code(&self) -> String {
        match self {
            AccessBasis::Own => "own".into(),
            AccessBasis::EmployerTerms => "employer_terms".into(),
            AccessBasis::ServedMunicipality(m) => format!("municipality:{m}"),
            AccessBasis::AKasseMembership(a) => format!("akasse:{a}"),
            AccessBasis::Consent(id) => format!("consent:{id}"),
            AccessBasis::JobPlacement => "job_placement".into(),
            AccessBasis::EuresConsent(id) => format!("eures_consent:{id}"),
        }
    }

    /// Reads a basis back from `code`.
    pub fn from_code(code: &str) -> Option<AccessBasis> {
        match code.split_once(':') {
            None if code == "own" => Some(AccessBasis::Own),
            None if code == "employer_terms" => Some(AccessBasis::EmployerTerms),
            None if code == "job_placement" => Some(AccessBasis::JobPlacement),
            Some(("municipality", m)) => Some(AccessBasis::ServedMunicipality(m.into())),
            Some(("akasse", a)) => Some(AccessBasis::AKasseMembership(a.into())),
            Some(("consent", id)) => id.parse().ok().map(AccessBasis::Consent),
            Some(("eures_consent", id)) => id.parse().ok().map(AccessBasis::EuresConsent),
            _ => None,
        }
    }
}

/// The hash before the first record of a chain that has never been pruned.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The canonical bytes of a record's content: fixed field order, the time in whole seconds.
fn canonical(seq: i64, r: &AccessRecord) -> Vec<u8> {
    #[derive(Serialize)]
    struct Canonical<'a> {
        seq: i64,
        at: i64,
        subject: &'a str,
        actor_kind: &'static str,
        actor_id: Option<i64>,
        actor_name: &'a str,
        organisation: &'a str,
        what: &'static str,
        basis: &'a str,
    }
    serde_json::to_vec(&Canonical {
        seq,
        at: r.at.timestamp(),
        subject: &r.subject,
        actor_kind: r.actor_kind.as_str(),
        actor_id: r.actor_id,
        actor_name: &r.actor_name,
        organisation: &r.organisation,
        what: r.what.code(),
        basis: &r.basis,
    })
    .expect("a record serialises")
}

/// The hash of record number `seq` with content `r`, following a record with `prev`.
pub fn chain_hash(prev: &str, seq: i64, r: &AccessRecord) -> String {
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(b"\n");
    h.update(canonical(seq, r));
    hex::encode(h.finalize())
}

/// A stored record with its place in the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainedRecord {
    pub seq: i64,
    pub prev_hash: String,
    pub hash: String,
    pub record: AccessRecord,
}

/// The first link of a chain that does not hold, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BrokenLink {
    #[error("record {seq}: expected record {expected} here (a record was deleted or inserted)")]
    Sequence { seq: i64, expected: i64 },
    #[error("record {seq}: its prev_hash is not the hash of the record before it")]
    Prev { seq: i64 },
    #[error("record {seq}: its content does not match its hash (the record was changed)")]
    Content { seq: i64 },
    #[error(
        "the chain ends at record {last}, its head says {head} (records were deleted at the end)"
    )]
    Head { last: i64, head: i64 },
}

/// Where a chain starts: the last pruned record (or nothing pruned: seq 0, `GENESIS`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub seq: i64,
    pub hash: String,
}

impl Anchor {
    pub fn genesis() -> Anchor {
        Anchor {
            seq: 0,
            hash: GENESIS.into(),
        }
    }
}

/// Walks a chain from `anchor`, records in `seq` order, and checks it ends at `head` (the
/// seq and hash the head table holds). Returns how many records were checked.
pub fn verify<I>(anchor: &Anchor, records: I, head: &Anchor) -> Result<u64, BrokenLink>
where
    I: IntoIterator<Item = ChainedRecord>,
{
    let (mut seq, mut hash) = (anchor.seq, anchor.hash.clone());
    let mut n = 0;
    for r in records {
        if r.seq != seq + 1 {
            return Err(BrokenLink::Sequence {
                seq: r.seq,
                expected: seq + 1,
            });
        }
        if r.prev_hash != hash {
            return Err(BrokenLink::Prev { seq: r.seq });
        }
        if chain_hash(&r.prev_hash, r.seq, &r.record) != r.hash {
            return Err(BrokenLink::Content { seq: r.seq });
        }
        (seq, hash) = (r.seq, r.hash);
        n += 1;
    }
    if seq != head.seq || hash != head.hash {
        return Err(BrokenLink::Head {
            last: seq,
            head: head.seq,
        });
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn every_basis_reads_back_from_its_code() {
        for b in [
            AccessBasis::Own,
            AccessBasis::EmployerTerms,
            AccessBasis::ServedMunicipality("751".into()),
            AccessBasis::AKasseMembership("hk".into()),
            AccessBasis::Consent(42),
            AccessBasis::JobPlacement,
        ] {
            assert_eq!(AccessBasis::from_code(&b.code()), Some(b));
        }
        assert_eq!(AccessBasis::from_code("consent:x"), None);
        assert_eq!(AccessBasis::from_code("ingen"), None);
    }

    fn record(i: i64) -> AccessRecord {
        AccessRecord {
            at: Utc.with_ymd_and_hms(2026, 12, 5, 9, 0, 0).unwrap() + chrono::Duration::minutes(i),
            subject: format!("s{}", i % 3),
            actor_kind: ActorKind::Employer,
            actor_id: Some(7),
            actor_name: "Bageriet Brødkassen ApS".into(),
            organisation: "Bageriet Brødkassen ApS".into(),
            what: AccessWhat::OpenedCv,
            basis: AccessBasis::EmployerTerms.code(),
        }
    }

    fn chain(from: &Anchor, n: i64) -> (Vec<ChainedRecord>, Anchor) {
        let (mut seq, mut hash) = (from.seq, from.hash.clone());
        let mut out = Vec::new();
        for _ in 0..n {
            seq += 1;
            let record = record(seq);
            let h = chain_hash(&hash, seq, &record);
            out.push(ChainedRecord {
                seq,
                prev_hash: hash,
                hash: h.clone(),
                record,
            });
            hash = h;
        }
        (out, Anchor { seq, hash })
    }

    #[test]
    fn an_untouched_chain_verifies_from_genesis_and_from_a_pruned_anchor() {
        let (records, head) = chain(&Anchor::genesis(), 10);
        assert_eq!(verify(&Anchor::genesis(), records.clone(), &head), Ok(10));
        // Pruned: the first four gone, the fourth's hash kept as the anchor.
        let anchor = Anchor {
            seq: 4,
            hash: records[3].hash.clone(),
        };
        assert_eq!(verify(&anchor, records[4..].to_vec(), &head), Ok(6));
        // Empty: the head is the anchor.
        assert_eq!(
            verify(&Anchor::genesis(), Vec::new(), &Anchor::genesis()),
            Ok(0)
        );
    }

    #[test]
    fn a_changed_deleted_or_inserted_record_is_the_first_broken_link() {
        let (records, head) = chain(&Anchor::genesis(), 6);
        let g = Anchor::genesis();

        let mut changed = records.clone();
        changed[2].record.organisation = "Et andet firma".into();
        assert_eq!(
            verify(&g, changed, &head),
            Err(BrokenLink::Content { seq: 3 })
        );

        let mut deleted = records.clone();
        deleted.remove(3);
        assert_eq!(
            verify(&g, deleted, &head),
            Err(BrokenLink::Sequence {
                seq: 5,
                expected: 4
            })
        );

        // Inserted with a plausible seq and its own valid hash: the next one's prev breaks.
        let mut inserted = records.clone();
        let mut fake = records[3].clone();
        fake.record.actor_name = "Nogen".into();
        fake.hash = chain_hash(&fake.prev_hash, fake.seq, &fake.record);
        inserted[3] = fake;
        assert_eq!(
            verify(&g, inserted, &head),
            Err(BrokenLink::Prev { seq: 5 })
        );

        let mut truncated = records.clone();
        truncated.pop();
        assert_eq!(
            verify(&g, truncated, &head),
            Err(BrokenLink::Head { last: 5, head: 6 })
        );
    }

    #[test]
    fn codes_go_both_ways_and_every_action_reads_in_both_languages() {
        for w in AccessWhat::ALL {
            assert_eq!(AccessWhat::from_code(w.code()), Some(w));
            assert_ne!(w.words().da, w.words().en);
        }
    }
}
