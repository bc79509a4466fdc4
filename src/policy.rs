//! The one place that decides who sees what. Views are built here from the policy's answer;
//! templates only show what a view contains. (Whether a CV is searchable — and so may be
//! found or opened by an employer — is `retention::cv_is_searchable`; the store's queries
//! apply it through `retention::searchable_login_cutoff`.)
//!
//! The employer's view type has no CPR field at all, and its address is `None` whenever the
//! citizen has a protected address: what must never reach an employer cannot be rendered.
use crate::cv::entry::CvEntry;
use crate::ids::{CaseworkerId, CitizenId, CvId, EmployerId, EmployerPerson, EmployerUserId};
use crate::jobseeker::eligibility::Situation;
use crate::jobseeker::registration::{AKasse, Registration};
use crate::person::{country_name, RegisterPerson};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The kinds of user a session can belong to. Stored in the sessions table and the access
/// log by `as_str`, so the spelling lives here only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActorKind {
    Citizen,
    Employer,
    /// A jobcentre caseworker.
    Caseworker,
    /// An a-kasse caseworker.
    AKasseCaseworker,
    /// Jobnetsupporten.
    Support,
    /// EURES' coordination, polling the CVs citizens chose to send (issue 24). Never a
    /// session: it calls the input API with a token, and appears only in the access log.
    Eures,
}

impl ActorKind {
    pub const ALL: [ActorKind; 6] = [
        ActorKind::Citizen,
        ActorKind::Employer,
        ActorKind::Caseworker,
        ActorKind::AKasseCaseworker,
        ActorKind::Support,
        ActorKind::Eures,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            ActorKind::Citizen => "citizen",
            ActorKind::Employer => "employer",
            ActorKind::Caseworker => "caseworker",
            ActorKind::AKasseCaseworker => "akasse",
            ActorKind::Support => "support",
            ActorKind::Eures => "eures",
        }
    }

    pub fn parse(s: &str) -> Option<ActorKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Who is asking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Actor {
    Anonymous,
    /// A citizen logged in through MitID or username + password; `profile_complete` is false
    /// until username and password are chosen at first login.
    Citizen {
        citizen_id: CitizenId,
        profile_complete: bool,
    },
    /// A person signed in through MitID Erhverv for the employer (company) `employer_id`.
    Employer {
        employer_id: EmployerId,
        user_id: EmployerUserId,
        terms_accepted: bool,
    },
    /// A jobcentre caseworker, signed in through the staff provider with a second factor.
    Caseworker {
        caseworker_id: CaseworkerId,
    },
    /// An a-kasse's caseworker, signed in the same way; sees only the a-kasse's members
    /// while they are registered for dagpenge (`akasse_sees_member`).
    AKasseCaseworker {
        caseworker_id: CaseworkerId,
    },
    /// Jobnetsupporten, signed in the same way; opens a profile only on a recorded consent.
    Support {
        caseworker_id: CaseworkerId,
    },
}

impl Actor {
    /// The kind, for logs and spans (never an id or a name).
    pub fn kind(&self) -> Option<ActorKind> {
        match self {
            Actor::Anonymous => None,
            Actor::Citizen { .. } => Some(ActorKind::Citizen),
            Actor::Employer { .. } => Some(ActorKind::Employer),
            Actor::Caseworker { .. } => Some(ActorKind::Caseworker),
            Actor::AKasseCaseworker { .. } => Some(ActorKind::AKasseCaseworker),
            Actor::Support { .. } => Some(ActorKind::Support),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Denied {
    /// Not logged in (or not as the right kind of user): send to login.
    NotLoggedIn,
    /// An employer who has not accepted the CV terms: send to the terms.
    TermsNotAccepted,
    /// Logged in, but this is not theirs to see.
    Forbidden,
    /// A citizen who must finish the profile first.
    ProfileIncomplete,
}

/// The caller's own id, vouched for by a policy function of this module: only they make
/// one (the field is private to the core), so a server function cannot act on "my" data
/// with an id it took from the request. The store's functions on a citizen's own data, and
/// an employer's own actions, take this rather than a bare id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caller<Id>(Id);

impl<Id: Copy> Caller<Id> {
    pub fn id(&self) -> Id {
        self.0
    }
}

/// May this actor work on their own CV and profile (read it, edit it)? Every citizen page
/// but the first-login profile setup asks this.
pub fn may_edit_own_cv(actor: &Actor) -> Result<Caller<CitizenId>, Denied> {
    match actor {
        Actor::Citizen {
            citizen_id,
            profile_complete: true,
        } => Ok(Caller(*citizen_id)),
        Actor::Citizen {
            profile_complete: false,
            ..
        } => Err(Denied::ProfileIncomplete),
        _ => Err(Denied::NotLoggedIn),
    }
}

/// Any logged-in citizen may see their own register data, which the first-login profile
/// setup shows before the profile exists.
pub fn may_see_own_register_data(actor: &Actor) -> Result<Caller<CitizenId>, Denied> {
    match actor {
        Actor::Citizen { citizen_id, .. } => Ok(Caller(*citizen_id)),
        _ => Err(Denied::NotLoggedIn),
    }
}

/// Only a citizen without a profile may create one (first login).
pub fn may_create_profile(actor: &Actor) -> Result<Caller<CitizenId>, Denied> {
    match actor {
        Actor::Citizen {
            citizen_id,
            profile_complete: false,
        } => Ok(Caller(*citizen_id)),
        Actor::Citizen { .. } => Err(Denied::Forbidden),
        _ => Err(Denied::NotLoggedIn),
    }
}

/// A logged-in employer, terms accepted or not: may read and accept the terms.
pub fn may_act_as_employer(actor: &Actor) -> Result<Caller<EmployerId>, Denied> {
    match actor {
        Actor::Employer { employer_id, .. } => Ok(Caller(*employer_id)),
        _ => Err(Denied::NotLoggedIn),
    }
}

/// The person signed in for an employer, to accept the terms for the company (the
/// acceptance records who accepted).
pub fn may_accept_terms(actor: &Actor) -> Result<Caller<EmployerPerson>, Denied> {
    match actor {
        Actor::Employer {
            employer_id,
            user_id,
            ..
        } => Ok(Caller(EmployerPerson {
            employer_id: *employer_id,
            user_id: *user_id,
        })),
        _ => Err(Denied::NotLoggedIn),
    }
}

/// Only an employer who has accepted the current terms may search or open CVs.
pub fn may_search_cvs(actor: &Actor) -> Result<Caller<EmployerId>, Denied> {
    match actor {
        Actor::Employer {
            employer_id,
            terms_accepted: true,
            ..
        } => Ok(Caller(*employer_id)),
        Actor::Employer {
            terms_accepted: false,
            ..
        } => Err(Denied::TermsNotAccepted),
        _ => Err(Denied::NotLoggedIn),
    }
}

/// Is this actor a jobcentre caseworker?
pub fn may_act_as_caseworker(actor: &Actor) -> Result<Caller<CaseworkerId>, Denied> {
    match actor {
        Actor::Caseworker { caseworker_id } => Ok(Caller(*caseworker_id)),
        _ => Err(Denied::NotLoggedIn),
    }
}

/// Is this actor an a-kasse's caseworker? (Which members they see: `akasse_sees_member`.)
pub fn may_act_as_akasse_caseworker(actor: &Actor) -> Result<Caller<CaseworkerId>, Denied> {
    match actor {
        Actor::AKasseCaseworker { caseworker_id } => Ok(Caller(*caseworker_id)),
        _ => Err(Denied::NotLoggedIn),
    }
}

/// Is this actor Jobnetsupporten? (Whom they see: only on a live consent, `consent_is_live`.)
pub fn may_act_as_support(actor: &Actor) -> Result<Caller<CaseworkerId>, Denied> {
    match actor {
        Actor::Support { caseworker_id } => Ok(Caller(*caseworker_id)),
        _ => Err(Denied::NotLoggedIn),
    }
}

/// Any staff member (jobcentre, a-kasse, support): their own audit of lookups.
pub fn may_act_as_staff(actor: &Actor) -> Result<Caller<CaseworkerId>, Denied> {
    match actor {
        Actor::Caseworker { caseworker_id }
        | Actor::AKasseCaseworker { caseworker_id }
        | Actor::Support { caseworker_id } => Ok(Caller(*caseworker_id)),
        _ => Err(Denied::NotLoggedIn),
    }
}

/// Seed 000: an a-kasse's caseworker sees a member "kun … når du er tilmeldt som
/// dagpengemodtagere eller dimittend", and only their own a-kasse's members. Asked at every
/// read, so a member who changes situation or a-kasse is out of sight at once.
pub fn akasse_sees_member(
    caseworker_akasse: Option<AKasse>,
    registration: Option<&Registration>,
) -> bool {
    match (caseworker_akasse, registration) {
        (Some(mine), Some(r)) => {
            matches!(r.situation, Situation::Dagpenge | Situation::Dimittend)
                && r.a_kasse == Some(mine)
        }
        _ => false,
    }
}

/// A support consent leads to the citizen until it ends, never after.
pub fn consent_is_live(ends_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now < ends_at
}

/// The parts of what the portal holds about a citizen, as staff may read them. Each read of
/// a part is recorded for the citizen on its own line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CasePart {
    /// Name, CPR number, address and the rest of the CPR register's data.
    RegisterData,
    /// Phone and e-mail.
    ContactDetails,
    /// The choice of SMS and e-mail reminders.
    ReminderChoices,
    /// The CV's sections employers see too.
    Cv,
    /// The CV's special considerations ("særlige hensyn").
    SpecialConsiderations,
    /// The CV's absence (sickness, holiday, …).
    Absence,
    /// The situation registered and the a-kasse.
    Registration,
    /// The questionnaire sent as a dagpenge recipient (a dimittend's too).
    DagpengeQuestionnaire,
    /// A questionnaire sent under another situation (education, general).
    OtherQuestionnaire,
    /// The pilot's health answers ("handicap, helbred").
    HealthAnswers,
    /// Min Joblog: applications and other activities (issue 25).
    Joblog,
    /// Min Plan and Min uddannelsesplan, with the citizen's comments.
    Plan,
    /// Mine møder.
    Meetings,
    /// Min historik: who accessed the profile.
    History,
}

impl CasePart {
    pub const ALL: [CasePart; 14] = [
        CasePart::RegisterData,
        CasePart::ContactDetails,
        CasePart::ReminderChoices,
        CasePart::Cv,
        CasePart::SpecialConsiderations,
        CasePart::Absence,
        CasePart::Registration,
        CasePart::DagpengeQuestionnaire,
        CasePart::OtherQuestionnaire,
        CasePart::HealthAnswers,
        CasePart::Joblog,
        CasePart::Plan,
        CasePart::Meetings,
        CasePart::History,
    ];
}

/// Field by field, what each kind of staff reads of a citizen they may reach (a served
/// municipality, an a-kasse member on dagpenge, a consent): the one table the case views are
/// built from. All of it read-only: no staff member writes a citizen's data.
///
/// - **Jobcentre** (seed: "Jobcentrene har adgang til nødvendige oplysninger … om egne
///   borgere"): everything but Min historik, which is the citizen's own record of who read.
/// - **A-kasse** (seed: "Oplysninger … som ikke er relevant for a-kassens administration af
///   dagpengereglerne vil også være skjult … fx oplysninger under historik, eller visse
///   oplysninger som vedr. perioder som ikke-dagpengemodtager"): the member's identity and
///   contact details (to reach the member), the CV and absence (availability is a dagpenge
///   rule), the registration, and the questionnaire only when it was sent as a dagpenge
///   recipient, and the joblog (the dagpenge rules' job search). Not: the plan and the
///   meetings (the jobcentre's), reminder choices (the portal's own service), special considerations and
///   health answers (health data the dagpenge rules do not need), a questionnaire sent under
///   another situation (a period as non-dagpenge recipient), Min historik.
/// - **Support** (seed: "Jobnetsupporten har adgang til oplysninger for alle borgere … for at
///   kunne yde konkret og god brugersupport", on consent): what the citizen sees of their own
///   profile, as far as the consent's scope goes (`ConsentScope::covers`), but never the
///   health answers or special considerations (not needed to help with the portal) and not
///   Min historik; nor the joblog, the plan or the meetings (the job seeker's dealings with
///   the jobcentre, which support does not take part in).
pub const fn staff_sees(kind: ActorKind, part: CasePart) -> bool {
    use CasePart::*;
    match kind {
        ActorKind::Caseworker => !matches!(part, History),
        ActorKind::AKasseCaseworker => matches!(
            part,
            RegisterData
                | ContactDetails
                | Cv
                | Absence
                | Registration
                | DagpengeQuestionnaire
                | Joblog
        ),
        ActorKind::Support => matches!(
            part,
            RegisterData
                | ContactDetails
                | ReminderChoices
                | Cv
                | Absence
                | Registration
                | DagpengeQuestionnaire
                | OtherQuestionnaire
        ),
        ActorKind::Citizen | ActorKind::Employer | ActorKind::Eures => false,
    }
}

/// The one door for code that acts for a user without a request: the operator's demo
/// seed and the synthetic population, and tests. Never called by a server function (the
/// authorization test in the server crate checks the API's sources).
pub fn operator_acts_for<Id>(id: Id) -> Caller<Id> {
    Caller(id)
}

/// A caseworker is the citizen's caseworker when the citizen lives (by the CPR register) in
/// a municipality the caseworker's jobcentre serves. Only then may they read the citizen's
/// questionnaire and health answers, and each read is recorded for the citizen.
/// How long a case reference (`CaseReference`) leads a caseworker to the citizen found: a
/// working day.
pub const CASE_REFERENCE_HOURS: i64 = 10;

pub fn caseworker_serves(
    served_municipality_codes: &[String],
    citizen_municipality_code: Option<&str>,
) -> bool {
    citizen_municipality_code.is_some_and(|c| served_municipality_codes.iter().any(|s| s == c))
}

/// The address as an employer may see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressView {
    pub street: String,
    pub co_address: Option<String>,
    pub postcode: String,
    pub city: String,
    pub country: String,
}

/// What a CV's owner has told us, as the store hands it to the policy.
#[derive(Debug, Clone)]
pub struct CvOwner {
    pub person: RegisterPerson,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// The citizen chose to hide phone and e-mail from employers (seed 004: the employer
    /// then contacts support, who contact the citizen).
    pub hide_contact: bool,
}

/// The CV as an employer sees it. Built only by `employer_view`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployerCvView {
    pub cv_id: CvId,
    pub name: String,
    pub address: Option<AddressView>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// Phone and e-mail are hidden: the employer may ask support to pass a message on.
    pub contact_hidden: bool,
    /// Only entries of sections employers may see, in the CV's order.
    pub entries: Vec<CvEntry>,
}

/// The employer's view of a CV. Entries of sections hidden from employers (special
/// considerations, absence) are dropped here, whoever built the list.
/// `lang`: the language of the words the view carries (the country's name).
pub fn employer_view(
    cv_id: CvId,
    owner: &CvOwner,
    entries: Vec<CvEntry>,
    lang: crate::Lang,
) -> EmployerCvView {
    let p = &owner.person;
    let address = (!p.protected_address).then(|| AddressView {
        street: p.street.clone(),
        co_address: p.co_address.clone(),
        postcode: p.postcode.clone(),
        city: p.city.clone(),
        country: country_name(&p.country, lang).to_string(),
    });
    EmployerCvView {
        cv_id,
        name: p.full_name(),
        address,
        phone: owner.phone.clone().filter(|_| !owner.hide_contact),
        email: owner.email.clone().filter(|_| !owner.hide_contact),
        contact_hidden: owner.hide_contact,
        entries: entries
            .into_iter()
            .filter(|e| e.section().visible_to_employers())
            .collect(),
    }
}

#[cfg(test)]
mod caseworker_tests {
    use super::*;

    #[test]
    fn a_caseworker_serves_only_their_jobcentres_municipalities() {
        let ishoej_vallensbaek = vec!["183".to_string(), "187".to_string()];
        assert!(caseworker_serves(&ishoej_vallensbaek, Some("187")));
        assert!(!caseworker_serves(&ishoej_vallensbaek, Some("751")));
        assert!(
            !caseworker_serves(&ishoej_vallensbaek, None),
            "no municipality (e.g. living abroad): nobody's"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::person::{CprStatus, Gender};
    use chrono::NaiveDate;

    fn owner(protected: bool) -> CvOwner {
        CvOwner {
            person: RegisterPerson {
                birthday: NaiveDate::from_ymd_opt(1978, 1, 23).unwrap(),
                gender: Gender::Female,
                first_name: "Anne".into(),
                middle_name: None,
                surname: "Kristensen".into(),
                street: "Hemmeligvej 1".into(),
                co_address: None,
                postcode: "8700".into(),
                city: "Horsens".into(),
                country: "DK".into(),
                municipality_code: Some("615".into()),
                municipality: Some("Horsens".into()),
                protected_address: protected,
                status: CprStatus::Active,
            },
            phone: Some("20304050".into()),
            email: Some("anne@eksempel.dk".into()),
            hide_contact: false,
        }
    }

    #[test]
    fn hidden_contact_details_never_reach_the_employer() {
        let v = employer_view(
            CvId::new(1),
            &CvOwner {
                hide_contact: true,
                ..owner(false)
            },
            Vec::new(),
            crate::Lang::Da,
        );
        assert_eq!((v.phone, v.email, v.contact_hidden), (None, None, true));
        assert!(
            v.address.is_some(),
            "the address is not a contact detail the citizen hides here"
        );
    }

    #[test]
    fn protected_address_never_reaches_the_employer() {
        let v = employer_view(CvId::new(1), &owner(true), Vec::new(), crate::Lang::Da);
        assert_eq!(v.address, None);
        let json = serde_json_free_debug(&v);
        assert!(
            !json.contains("Hemmeligvej") && !json.contains("8700"),
            "{json}"
        );
        let v = employer_view(CvId::new(1), &owner(false), Vec::new(), crate::Lang::Da);
        assert_eq!(v.address.unwrap().street, "Hemmeligvej 1");
    }

    fn serde_json_free_debug(v: &EmployerCvView) -> String {
        format!("{v:?}")
    }

    /// Issue 3: the employer's view (and so the citizen's preview, built by this function)
    /// leaves out the CPR number, a protected address, special considerations and absence.
    #[test]
    fn the_employer_view_leaves_out_every_hidden_field() {
        use crate::cv::entry::{CvEntry, CvSection, Fields};
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let entry = |s: CvSection, pairs: &[(&str, &str)]| {
            let f: Fields = pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            CvEntry::parse(s, &f, today).unwrap()
        };
        let entries = vec![
            entry(
                CvSection::WorkExperience,
                &[
                    ("position", "Sygeplejerske"),
                    ("workplace", "AUH"),
                    ("start", "2015-08-01"),
                ],
            ),
            entry(
                CvSection::SpecialConsiderations,
                &[("text", "HEMMELIGT-HENSYN kan ikke løfte")],
            ),
            entry(
                CvSection::Absence,
                &[("kind", "sickness"), ("from", "2026-11-02")],
            ),
            entry(CvSection::Language, &[("language", "en"), ("level", "B2")]),
        ];
        let v = employer_view(CvId::new(1), &owner(true), entries, crate::Lang::Da);
        let all = format!("{v:?}");
        assert_eq!(v.entries.len(), 2);
        assert!(v.entries.iter().all(|e| e.section().visible_to_employers()));
        for hidden in [
            "HEMMELIGT-HENSYN",
            "Sickness",
            "2026-11-02",
            "Hemmeligvej",
            "8700",
            "Horsens",
            "230178",
        ] {
            assert!(
                !all.contains(hidden),
                "{hidden} reached the employer: {all}"
            );
        }
        assert!(all.contains("Sygeplejerske"));
    }

    fn citizen(id: i64, profile_complete: bool) -> Actor {
        Actor::Citizen {
            citizen_id: CitizenId::new(id),
            profile_complete,
        }
    }

    fn employer(id: i64, terms_accepted: bool) -> Actor {
        Actor::Employer {
            employer_id: EmployerId::new(id),
            user_id: EmployerUserId::new(id * 10),
            terms_accepted,
        }
    }

    #[test]
    fn the_person_signed_in_for_an_employer_accepts_the_terms() {
        let ok = |a: &Actor| may_accept_terms(a).map(|c| c.id());
        assert_eq!(
            ok(&employer(7, false)),
            Ok(EmployerPerson {
                employer_id: EmployerId::new(7),
                user_id: EmployerUserId::new(70)
            })
        );
        assert_eq!(ok(&Actor::Anonymous), Err(Denied::NotLoggedIn));
        assert_eq!(ok(&citizen(1, true)), Err(Denied::NotLoggedIn));
        assert_eq!(ok(&caseworker(7)), Err(Denied::NotLoggedIn));
    }

    fn caseworker(id: i64) -> Actor {
        Actor::Caseworker {
            caseworker_id: CaseworkerId::new(id),
        }
    }

    #[test]
    fn only_employers_with_accepted_terms_search() {
        let ok = |a: &Actor| may_search_cvs(a).map(|c| c.id());
        assert_eq!(ok(&Actor::Anonymous), Err(Denied::NotLoggedIn));
        assert_eq!(ok(&citizen(1, true)), Err(Denied::NotLoggedIn));
        assert_eq!(ok(&caseworker(7)), Err(Denied::NotLoggedIn));
        assert_eq!(ok(&employer(7, false)), Err(Denied::TermsNotAccepted));
        assert_eq!(ok(&employer(7, true)), Ok(EmployerId::new(7)));
    }

    #[test]
    fn an_employer_reads_and_accepts_the_terms_before_accepting_them() {
        let ok = |a: &Actor| may_act_as_employer(a).map(|c| c.id());
        assert_eq!(ok(&employer(7, false)), Ok(EmployerId::new(7)));
        assert_eq!(ok(&employer(7, true)), Ok(EmployerId::new(7)));
        assert_eq!(ok(&citizen(7, true)), Err(Denied::NotLoggedIn));
        assert_eq!(ok(&Actor::Anonymous), Err(Denied::NotLoggedIn));
    }

    #[test]
    fn citizens_edit_only_with_a_complete_profile() {
        let ok = |a: &Actor| may_edit_own_cv(a).map(|c| c.id());
        assert_eq!(ok(&citizen(3, true)), Ok(CitizenId::new(3)));
        assert_eq!(ok(&citizen(3, false)), Err(Denied::ProfileIncomplete));
        assert_eq!(ok(&employer(3, true)), Err(Denied::NotLoggedIn));
        assert_eq!(ok(&caseworker(3)), Err(Denied::NotLoggedIn));
        assert_eq!(ok(&Actor::Anonymous), Err(Denied::NotLoggedIn));
    }

    #[test]
    fn the_profile_is_created_once_and_register_data_is_shown_before_it() {
        let create = |a: &Actor| may_create_profile(a).map(|c| c.id());
        assert_eq!(create(&citizen(3, false)), Ok(CitizenId::new(3)));
        assert_eq!(create(&citizen(3, true)), Err(Denied::Forbidden));
        assert_eq!(create(&employer(3, true)), Err(Denied::NotLoggedIn));
        let see = |a: &Actor| may_see_own_register_data(a).map(|c| c.id());
        assert_eq!(see(&citizen(3, false)), Ok(CitizenId::new(3)));
        assert_eq!(see(&citizen(3, true)), Ok(CitizenId::new(3)));
        assert_eq!(see(&caseworker(3)), Err(Denied::NotLoggedIn));
    }

    #[test]
    fn only_caseworkers_act_as_caseworkers() {
        let ok = |a: &Actor| may_act_as_caseworker(a).map(|c| c.id());
        assert_eq!(ok(&caseworker(3)), Ok(CaseworkerId::new(3)));
        assert_eq!(ok(&citizen(3, true)), Err(Denied::NotLoggedIn));
        assert_eq!(ok(&employer(3, true)), Err(Denied::NotLoggedIn));
    }

    fn staff(kind: ActorKind, id: i64) -> Actor {
        let caseworker_id = CaseworkerId::new(id);
        match kind {
            ActorKind::AKasseCaseworker => Actor::AKasseCaseworker { caseworker_id },
            ActorKind::Support => Actor::Support { caseworker_id },
            _ => Actor::Caseworker { caseworker_id },
        }
    }

    #[test]
    fn each_kind_of_staff_passes_only_its_own_door() {
        type Door = fn(&Actor) -> Result<Caller<CaseworkerId>, Denied>;
        let doors: [(ActorKind, Door); 3] = [
            (ActorKind::Caseworker, may_act_as_caseworker),
            (ActorKind::AKasseCaseworker, may_act_as_akasse_caseworker),
            (ActorKind::Support, may_act_as_support),
        ];
        for (door_kind, door) in doors {
            for (kind, _) in doors {
                let got = door(&staff(kind, 4)).map(|c| c.id());
                let expected = if kind == door_kind {
                    Ok(CaseworkerId::new(4))
                } else {
                    Err(Denied::NotLoggedIn)
                };
                assert_eq!(got, expected, "{kind:?} at the {door_kind:?} door");
                assert_eq!(
                    may_act_as_staff(&staff(kind, 4)).map(|c| c.id()),
                    Ok(CaseworkerId::new(4))
                );
            }
            assert_eq!(
                door(&citizen(4, true)).map(|c| c.id()),
                Err(Denied::NotLoggedIn)
            );
            assert_eq!(
                door(&employer(4, true)).map(|c| c.id()),
                Err(Denied::NotLoggedIn)
            );
        }
        assert!(may_act_as_staff(&Actor::Anonymous).is_err());
    }

    #[test]
    fn an_akasse_sees_its_own_members_only_while_on_dagpenge_or_dimittend() {
        let reg = |situation, a_kasse| Registration { situation, a_kasse };
        let hk = Some(AKasse::Hk);
        for s in Situation::ALL.iter().copied() {
            let on_dagpenge = matches!(s, Situation::Dagpenge | Situation::Dimittend);
            assert_eq!(
                akasse_sees_member(hk, Some(&reg(s, hk))),
                on_dagpenge,
                "{s:?}"
            );
        }
        assert!(!akasse_sees_member(
            hk,
            Some(&reg(Situation::Dagpenge, Some(AKasse::TreF)))
        ));
        assert!(!akasse_sees_member(hk, None), "not registered");
        assert!(!akasse_sees_member(
            None,
            Some(&reg(Situation::Dagpenge, None))
        ));
    }

    #[test]
    fn what_each_kind_of_staff_sees_field_by_field() {
        use CasePart::*;
        let seen = |k| {
            CasePart::ALL
                .into_iter()
                .filter(|p| staff_sees(k, *p))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            seen(ActorKind::AKasseCaseworker),
            vec![
                RegisterData,
                ContactDetails,
                Cv,
                Absence,
                Registration,
                DagpengeQuestionnaire,
                Joblog
            ]
        );
        for hidden in [Joblog, Plan, Meetings] {
            assert!(
                !staff_sees(ActorKind::Support, hidden),
                "support sees {hidden:?}"
            );
        }
        for hidden in [Plan, Meetings] {
            assert!(
                !staff_sees(ActorKind::AKasseCaseworker, hidden),
                "an a-kasse sees {hidden:?}"
            );
        }
        for k in [ActorKind::AKasseCaseworker, ActorKind::Support] {
            for hidden in [History, HealthAnswers, SpecialConsiderations] {
                assert!(!staff_sees(k, hidden), "{k:?} sees {hidden:?}");
            }
        }
        assert!(!staff_sees(ActorKind::AKasseCaseworker, OtherQuestionnaire));
        assert!(!staff_sees(ActorKind::AKasseCaseworker, ReminderChoices));
        assert_eq!(
            seen(ActorKind::Caseworker).len(),
            CasePart::ALL.len() - 1,
            "a jobcentre reads all but Min historik"
        );
        assert!(!staff_sees(ActorKind::Caseworker, History));
        assert!(seen(ActorKind::Employer).is_empty() && seen(ActorKind::Citizen).is_empty());
    }

    #[test]
    fn a_consent_ends_when_it_ends() {
        let ends = DateTime::parse_from_rfc3339("2026-12-05T22:59:59Z")
            .unwrap()
            .with_timezone(&Utc);
        assert!(consent_is_live(ends, ends - chrono::Duration::seconds(1)));
        assert!(!consent_is_live(ends, ends));
        assert!(!consent_is_live(ends, ends + chrono::Duration::hours(1)));
    }

    #[test]
    fn actor_kinds_are_spelled_once() {
        for k in ActorKind::ALL {
            assert_eq!(ActorKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(ActorKind::parse("admin"), None);
        assert_eq!(citizen(1, true).kind(), Some(ActorKind::Citizen));
        assert_eq!(Actor::Anonymous.kind(), None);
    }
}
