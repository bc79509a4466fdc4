//! Demo data for a newcomer to click through at once (`jobspor-server seed`). Idempotent:
//! running it again changes nothing. All persons are synthetic, from the simulated CPR
//! register; the demo password is public and printed in the README.
use chrono::{DateTime, Duration, Utc};
use jobspor::contact::Password;
use jobspor::cpr::Cpr;
use jobspor::cv::entry::{CvEntry, CvSection, Fields};
use jobspor::employer::Cvr;
use jobspor::eures::consent::{ReceiptAction, ReceiptChannel};
use jobspor::jobseeker::eligibility::Situation;
use jobspor::jobseeker::registration::{AKasse, Registration};
use jobspor::policy::operator_acts_for;
use jobspor::policy::ActorKind;
use jobspor_app::ssr::cpr_register::CprRegister;
use jobspor_app::ssr::cvr_register::CvrRegister;
use jobspor_app::ssr::passwords;
use jobspor_store::caseworkers::NewStaff;
use jobspor_store::citizens::NewContactDetails;
use jobspor_store::employers::CompanyFacts;
use jobspor_store::eures::NewReceipt;
use jobspor_store::{Store, StoreError};

pub const DEMO_PASSWORD: &str = "demo-adgangskode";

struct DemoCitizen {
    cpr: &'static str,
    username: &'static str,
    position: &'static str,
    workplace: &'static str,
    tasks: &'static str,
    start: &'static str,
    occupation: &'static str,
    searchable: bool,
    /// Weeks since the last login (13 = no longer searchable).
    weeks_since_login: i64,
    /// Registered as a job seeker: the situation and, for dagpenge, the a-kasse.
    registration: Option<(Situation, Option<AKasse>)>,
    /// Consented to sending the CV to EURES (a minor: awaiting a guardian's consent).
    eures: bool,
}

const CITIZENS: &[DemoCitizen] = &[
    DemoCitizen {
        cpr: "1205901806",
        username: "mette",
        position: "Sygeplejerske",
        workplace: "Aarhus Universitetshospital",
        tasks:
            "Pleje af patienter på medicinsk afdeling, medicindosering og vejledning af pårørende.",
        start: "2016-02-01",
        occupation: "Sygeplejerske",
        searchable: true,
        weeks_since_login: 0,
        registration: Some((Situation::Dagpenge, Some(AKasse::Hk))),
        eures: false,
    },
    DemoCitizen {
        cpr: "0803850077",
        username: "lars",
        position: "Pædagog",
        workplace: "Børnehuset Solsikken",
        tasks: "Pædagogisk arbejde med børn i alderen 3-6 år, forældresamarbejde og læreplaner.",
        start: "2012-08-01",
        occupation: "Pædagog",
        searchable: true,
        weeks_since_login: 1,
        registration: Some((Situation::Kontanthjaelp, None)),
        eures: false,
    },
    DemoCitizen {
        cpr: "2301781804",
        username: "anne",
        position: "Tømrer",
        workplace: "Tømrerfirmaet Nord ApS",
        tasks: "Tagarbejde, vinduesudskiftning og renovering af etageboliger.",
        start: "2005-04-01",
        occupation: "Tømrer",
        searchable: true,
        weeks_since_login: 11,
        registration: None,
        eures: false,
    },
    DemoCitizen {
        cpr: "1907015917",
        username: "ahmad",
        position: "Kok",
        workplace: "Restaurant Havnen",
        tasks: "Tilberedning af frokost og aftensmad, vareindkøb og hygiejne.",
        start: "2020-03-01",
        occupation: "Kok",
        searchable: true,
        weeks_since_login: 13,
        registration: None,
        eures: false,
    },
    DemoCitizen {
        cpr: "1402951508",
        username: "ida",
        position: "Butiksassistent",
        workplace: "Netto Vordingborg",
        tasks: "Kundeservice, kasse og varepåfyldning.",
        start: "2019-06-01",
        occupation: "Butiksassistent",
        searchable: false,
        weeks_since_login: 0,
        registration: None,
        eures: false,
    },
    // Two minors who asked to send their CV to EURES: it waits for a parent's or guardian's
    // consent (seed 004). Their guardians in the simulated CPR register have no profile yet.
    DemoCitizen {
        cpr: "1802114442",
        username: "sofie",
        position: "Avisbud",
        workplace: "Nordjyske Distribution",
        tasks: "Omdeling af aviser og reklamer i Aalborg centrum.",
        start: "2025-08-01",
        occupation: "Avisbud",
        searchable: true,
        weeks_since_login: 0,
        registration: None,
        eures: true,
    },
    DemoCitizen {
        cpr: "1504104519",
        username: "jonas",
        position: "Opvasker",
        workplace: "Thisted Havnecafé",
        tasks: "Opvask og rengøring af køkkenet i weekenderne.",
        start: "2025-06-01",
        occupation: "Køkkenmedhjælper",
        searchable: true,
        weeks_since_login: 0,
        registration: None,
        eures: true,
    },
];

/// Staff, as the staff identity provider (`idp/data/staff_users.json`) signs them in:
/// jobcentre caseworkers with the CPR municipality codes they serve, a-kasse caseworkers
/// with their a-kasse, Jobnetsupporten.
const STAFF: &[NewStaff<'static>] = &[
    jobcentre("anna.aarhus", "Anna Sørensen", "Jobcenter Aarhus", &["751"]),
    jobcentre(
        "per.frederikshavn",
        "Per Nielsen",
        "Jobcenter Frederikshavn",
        &["813", "825"],
    ),
    jobcentre("sara.odense", "Sara Holm", "Jobcenter Odense", &["461"]),
    akasse("jens.hk", "Jens Madsen", "HK A-kasse", AKasse::Hk),
    akasse("ole.3f", "Ole Berg", "3F A-kasse", AKasse::TreF),
    NewStaff {
        username: "lone.support",
        name: "Lone Kjær",
        kind: ActorKind::Support,
        organisation: "Jobnetsupporten",
        municipality_codes: &[],
        a_kasse: None,
    },
];

const fn jobcentre(
    username: &'static str,
    name: &'static str,
    organisation: &'static str,
    municipality_codes: &'static [&'static str],
) -> NewStaff<'static> {
    NewStaff {
        username,
        name,
        kind: ActorKind::Caseworker,
        organisation,
        municipality_codes,
        a_kasse: None,
    }
}

const fn akasse(
    username: &'static str,
    name: &'static str,
    organisation: &'static str,
    a_kasse: AKasse,
) -> NewStaff<'static> {
    NewStaff {
        username,
        name,
        kind: ActorKind::AKasseCaseworker,
        organisation,
        municipality_codes: &[],
        a_kasse: Some(a_kasse),
    }
}

/// Companies (CVR numbers of the simulated CVR register) and, for one that has accepted
/// the terms, the MitID Erhverv person who accepted them (the simulated provider's subject
/// and name, `idp/data/erhverv_users.json`).
const EMPLOYERS: &[(&str, Option<(&str, &str)>)] = &[
    (
        "29190925",
        Some(("erhverv-fed60143-1ec3-4a5a-9107-0e4b1f514572", "Karen Holm")),
    ),
    ("35060219", None),
];

/// Why the demo data could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("the demo data is not valid: {0}")]
    Data(String),
    #[error("storing the demo data")]
    Store(#[from] StoreError),
    #[error("asking the CPR register")]
    Register(#[from] jobspor_app::ssr::cpr_register::RegisterError),
    #[error("hashing the demo password")]
    Hash(#[from] jobspor_app::AppError),
}

/// Seeds the demo data at `now`; `portal` is the site's address, for the notices' links.
pub async fn seed(
    store: &Store,
    register: &dyn CprRegister,
    companies: &dyn CvrRegister,
    portal: &str,
    now: DateTime<Utc>,
) -> Result<(), SeedError> {
    let password = Password::parse(DEMO_PASSWORD)
        .map_err(|key| SeedError::Data(format!("password: {key}")))?;
    let hash = passwords::hash(&password).await?;
    for c in CITIZENS {
        if store.citizen_password_hash(c.username).await?.is_some() {
            continue;
        }
        let cpr = Cpr::parse(c.cpr)
            .map_err(|key| SeedError::Data(format!("{}'s CPR number: {key}", c.username)))?;
        let person = register
            .lookup(&cpr)
            .await?
            .ok_or_else(|| SeedError::Data(format!("{} not in the register", c.username)))?;
        let login = store
            .citizen_mitid_login(cpr.digits(), &person, register.source_name(), now)
            .await?;
        // The demo seed acts for its synthetic citizens, as they would at first login.
        let me = operator_acts_for(login.citizen_id);
        let details = NewContactDetails {
            username: c.username.into(),
            password_hash: hash.0.clone(),
            phone: Some("20304050".into()),
            email: Some(format!("{}@eksempel.dk", c.username)),
            sms_reminders: false,
            email_reminders: true,
        };
        store.complete_citizen_profile(me, &details, now).await?;
        if let Some((situation, a_kasse)) = c.registration {
            store
                .register_jobseeker(me, &Registration { situation, a_kasse }, now)
                .await?;
        }
        let today = now.date_naive();
        let add = |section: CvSection, pairs: Vec<(&str, &str)>| {
            let fields: Fields = pairs
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            let entry = CvEntry::parse(section, &fields, today);
            async move {
                let entry = entry.map_err(|e| SeedError::Data(format!("{section:?}: {e:?}")))?;
                Ok::<_, SeedError>(store.save_cv_entry(me, None, &entry, now).await?)
            }
        };
        add(
            CvSection::WorkExperience,
            vec![
                ("position", c.position),
                ("workplace", c.workplace),
                ("tasks", c.tasks),
                ("start", c.start),
            ],
        )
        .await?;
        add(
            CvSection::JobWish,
            vec![
                ("occupation", c.occupation),
                ("education", "completed"),
                ("experience", "over_5"),
                ("working_time", "full_time"),
                ("employment_type", "permanent"),
                ("start_when", "now"),
            ],
        )
        .await?;
        if c.username == "mette" {
            // One citizen with every section filled, to show the whole CV.
            add(CvSection::Introduction, vec![("text", "Erfaren sygeplejerske, der trives med travlhed, samarbejde og patienter i centrum.")]).await?;
            add(
                CvSection::Education,
                vec![
                    ("education", "Professionsbachelor i sygepleje"),
                    ("institution", "VIA University College"),
                    ("start", "2012-08-27"),
                    ("end", "2016-01-29"),
                ],
            )
            .await?;
            add(
                CvSection::Course,
                vec![
                    ("course", "Avanceret hjertestopbehandling"),
                    ("end_year", "2023"),
                    ("length_days", "2"),
                ],
            )
            .await?;
            add(
                CvSection::Certification,
                vec![
                    ("certificate", "Autorisation som sygeplejerske"),
                    ("description", "Styrelsen for Patientsikkerhed"),
                ],
            )
            .await?;
            add(
                CvSection::Qualification,
                vec![("qualification", "Sårpleje")],
            )
            .await?;
            add(CvSection::DrivingLicence, vec![("category", "B")]).await?;
            add(
                CvSection::Language,
                vec![("language", "da"), ("level", "mother_tongue")],
            )
            .await?;
            add(
                CvSection::Language,
                vec![("language", "en"), ("level", "C1")],
            )
            .await?;
            add(
                CvSection::ItSkill,
                vec![("skill", "Sundhedsplatformen"), ("level", "advanced")],
            )
            .await?;
            add(
                CvSection::WhyApplying,
                vec![
                    ("company", "Region Midtjylland"),
                    (
                        "text",
                        "Jeg vil gerne bruge min erfaring på en akutafdeling.",
                    ),
                ],
            )
            .await?;
            add(
                CvSection::Volunteer,
                vec![
                    ("role", "Førstehjælpsinstruktør"),
                    ("organisation", "Dansk Røde Kors"),
                    ("start", "2018-01-01"),
                ],
            )
            .await?;
            add(
                CvSection::SpecialConsiderations,
                vec![("text", "Jeg kan ikke arbejde nat på grund af medicin.")],
            )
            .await?;
        }
        if c.searchable {
            store.set_cv_searchable(me, true, now).await?;
        }
        if c.eures {
            store
                .record_eures_receipt(
                    me,
                    &NewReceipt {
                        action: ReceiptAction::Given,
                        hidden: Default::default(),
                        channel: ReceiptChannel::Web,
                    },
                    now,
                )
                .await?;
        }
        store
            .set_citizen_last_login(login.citizen_id, now - Duration::weeks(c.weeks_since_login))
            .await?;
    }
    for staff in STAFF {
        store.upsert_staff(staff, now).await?;
    }
    track(store, portal, now).await?;
    for (cvr, accepted_by) in EMPLOYERS {
        let cvr = Cvr::parse(cvr).map_err(|key| SeedError::Data(format!("CVR {cvr}: {key}")))?;
        let company = companies
            .lookup(&cvr)
            .await?
            .ok_or_else(|| SeedError::Data(format!("CVR {} not in the register", cvr.as_str())))?;
        let facts = CompanyFacts {
            cvr: cvr.as_str(),
            name: &company.name,
            email: &company.email,
        };
        match accepted_by {
            Some((subject, name)) => {
                let person = store.employer_sign_in(facts, subject, name, now).await?;
                if !store
                    .employer(person.employer_id)
                    .await?
                    .accepted_current_terms()
                {
                    store
                        .accept_employer_terms(
                            operator_acts_for(person),
                            jobspor::employer::TERMS_VERSION,
                            now,
                        )
                        .await?;
                }
            }
            None => {
                store.upsert_employer(facts, now).await?;
            }
        }
    }
    // Anne, 11 weeks without a login, gets the seed's reminder in Mine beskeder (and by
    // e-mail once delivered): what the daily scan queues.
    store.scan_inactivity(now, portal).await?;
    Ok(())
}

/// The job seeker's track (issue 25) for Mette (dagpenge, Aarhus): two applications and a
/// course in her joblog, a plan from Jobcenter Aarhus, a summons to answer; and free times
/// at Jobcenter Aarhus. Only when Jobcenter Aarhus has no times yet (the seed runs again).
async fn track(store: &Store, portal: &str, now: DateTime<Utc>) -> Result<(), SeedError> {
    use jobspor::track::joblog::{JoblogEntry, JoblogKind};
    use jobspor::track::meetings::{MeetingTime, Summons};
    use jobspor::track::plan::{PlanActivity, PlanGoals};
    const JOBCENTRE: &str = "Jobcenter Aarhus";
    if !store.jobcentre_slots(JOBCENTRE, now).await?.is_empty() {
        return Ok(());
    }
    let data = |e: jobspor::FieldErrors| SeedError::Data(format!("track: {e:?}"));
    let fields = |pairs: &[(&str, String)]| -> Fields {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    };
    let anna = store
        .caseworker_by_subject("anna.aarhus")
        .await?
        .ok_or_else(|| SeedError::Data("anna.aarhus is not seeded".into()))?;
    let worker = store.caseworker(anna).await?;
    let today = jobspor::dates::danish_date(now);
    let day = |n: i64| (today + Duration::days(n)).to_string();
    // Free times the next five weekdays from the day after tomorrow, at 9:00 and 13:00
    // (Danish time).
    let weekdays = (2..)
        .filter(|n| {
            use chrono::Datelike;
            (today + Duration::days(*n)).weekday().number_from_monday() <= 5
        })
        .take(5);
    for n in weekdays {
        for time in ["09:00", "13:00"] {
            let t = MeetingTime::parse_slot(
                &fields(&[
                    ("date", day(n)),
                    ("time", time.into()),
                    ("length", "30".into()),
                    ("channel", "in_person".into()),
                    (
                        "place",
                        "Jobcenter Aarhus, Værkmestergade 23, 8000 Aarhus C".into(),
                    ),
                ]),
                now,
            )
            .map_err(data)?;
            let jobcentre = jobspor_store::meetings::Jobcentre {
                organisation: &worker.organisation,
                municipality_codes: &worker.municipality_codes,
            };
            store.publish_slot(jobcentre, anna, &t, now).await?;
        }
    }
    let Some(mette) = store.citizen_id_by_cpr("1205901806").await? else {
        return Ok(());
    };
    let me = operator_acts_for(mette);
    for (kind, pairs) in [
        (
            JoblogKind::Application,
            vec![
                ("employer", "Region Midtjylland".to_string()),
                ("position", "Sygeplejerske".into()),
                ("found_via", "job_portal".into()),
                ("how", "online".into()),
                ("applied_on", day(-9)),
                ("status", "interview".into()),
            ],
        ),
        (
            JoblogKind::Application,
            vec![
                ("employer", "Aarhus Kommune".to_string()),
                ("position", "Sundhedsplejerske".into()),
                ("found_via", "company_site".into()),
                ("how", "online".into()),
                ("applied_on", day(-3)),
                ("status", "sent".into()),
            ],
        ),
        (
            JoblogKind::Activity,
            vec![
                ("kind", "course".to_string()),
                ("on", day(-5)),
                (
                    "description",
                    "Kursus i elektronisk patientjournal (EPJ) hos VIA".into(),
                ),
            ],
        ),
    ] {
        let entry = JoblogEntry::parse(kind, &fields(&pairs), today).map_err(data)?;
        store.save_joblog_entry(me, None, &entry, now).await?;
    }
    let by = jobspor_store::plans::PlanAuthor {
        name: &worker.name,
        organisation: &worker.organisation,
    };
    let goals = PlanGoals::parse(
        &fields(&[(
            "job_goal",
            "Fast stilling som sygeplejerske i Region Midtjylland, gerne på en medicinsk afdeling."
                .into(),
        )]),
        false,
    )
    .map_err(data)?;
    store.save_plan_goals(mette, &goals, by, now).await?;
    let activity = PlanActivity::parse(
        &fields(&[
            ("track", "job".into()),
            (
                "description",
                "Søg mindst 2 relevante stillinger om ugen".into(),
            ),
            ("from", day(0)),
            ("to", day(90)),
            ("status", "started".into()),
        ]),
        today,
        false,
    )
    .map_err(data)?;
    store
        .save_plan_activity(mette, None, &activity, by, now)
        .await?;
    let summons = Summons::parse(
        &fields(&[
            ("date", day(7)),
            ("time", "10:00".into()),
            ("length", "45".into()),
            ("channel", "in_person".into()),
            (
                "place",
                "Jobcenter Aarhus, Værkmestergade 23, 8000 Aarhus C".into(),
            ),
            ("purpose", "Samtale om din jobsøgning og din plan".into()),
            (
                "bring",
                "Dit CV og en liste over de job, du har søgt".into(),
            ),
        ]),
        now,
    )
    .map_err(data)?;
    let citizen = store.citizen(mette).await?;
    let lang = citizen.language;
    let reach = citizen.reach();
    store
        .summon(
            mette,
            &worker.organisation,
            &worker.name,
            &summons,
            |m| {
                let kind = jobspor::notices::NoticeKind::MeetingSummons;
                let text = jobspor::track::meetings::notice_text(
                    kind,
                    &m.organisation,
                    m.time.starts_at,
                    lang,
                    portal,
                );
                jobspor_store::outbox::NewNotice {
                    citizen_id: mette,
                    kind,
                    key: jobspor::notices::idempotency_key(mette.get(), kind, &m.id.to_string()),
                    subject: text.subject,
                    body: text.body,
                    sms: text.sms,
                    email: None,
                    sender: Some(format!("{} ({})", m.organisation, worker.name)),
                    deliveries: jobspor::notices::channels(kind, &reach),
                }
            },
            now,
        )
        .await?;
    Ok(())
}
