//! Demo data for a newcomer to click through at once (`jobspor-server seed`). Idempotent:
//! running it again changes nothing. All persons are synthetic, from the simulated CPR
//! register; the demo password is public and printed in the README.
use chrono::{DateTime, Duration, Utc};
use jobspor::contact::Password;
use jobspor::cpr::Cpr;
use jobspor::cv::{JobWish, JobWishForm, WorkExperience, WorkExperienceForm};
use jobspor_app::ssr::cpr_register::CprRegister;
use jobspor_app::ssr::passwords;
use jobspor_store::citizens::NewContactDetails;
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
}

const CITIZENS: &[DemoCitizen] = &[
    DemoCitizen { cpr: "1205901806", username: "mette", position: "Sygeplejerske", workplace: "Aarhus Universitetshospital", tasks: "Pleje af patienter på medicinsk afdeling, medicindosering og vejledning af pårørende.", start: "2016-02-01", occupation: "Sygeplejerske", searchable: true, weeks_since_login: 0 },
    DemoCitizen { cpr: "0803850077", username: "lars", position: "Pædagog", workplace: "Børnehuset Solsikken", tasks: "Pædagogisk arbejde med børn i alderen 3-6 år, forældresamarbejde og læreplaner.", start: "2012-08-01", occupation: "Pædagog", searchable: true, weeks_since_login: 1 },
    DemoCitizen { cpr: "2301781804", username: "anne", position: "Tømrer", workplace: "Tømrerfirmaet Nord ApS", tasks: "Tagarbejde, vinduesudskiftning og renovering af etageboliger.", start: "2005-04-01", occupation: "Tømrer", searchable: true, weeks_since_login: 2 },
    DemoCitizen { cpr: "1907015917", username: "ahmad", position: "Kok", workplace: "Restaurant Havnen", tasks: "Tilberedning af frokost og aftensmad, vareindkøb og hygiejne.", start: "2020-03-01", occupation: "Kok", searchable: true, weeks_since_login: 13 },
    DemoCitizen { cpr: "1402951508", username: "ida", position: "Butiksassistent", workplace: "Netto Vordingborg", tasks: "Kundeservice, kasse og varepåfyldning.", start: "2019-06-01", occupation: "Butiksassistent", searchable: false, weeks_since_login: 0 },
];

/// (company, CVR, e-mail, has accepted the terms)
const EMPLOYERS: &[(&str, &str, &str, bool)] = &[
    ("Region Midtjylland", "29190925", "rekruttering@regionmidt.example", true),
    ("Bageriet Brødkassen ApS", "35060219", "job@broedkassen.example", false),
];

pub async fn seed(store: &Store, register: &dyn CprRegister, now: DateTime<Utc>) -> Result<(), String> {
    let err = |e: &dyn std::fmt::Display| e.to_string();
    let password = Password::parse(DEMO_PASSWORD).map_err(|e| e.to_string())?;
    let hash = passwords::hash(&password).await.map_err(|e| err(&e))?;
    for c in CITIZENS {
        if store.citizen_password_hash(c.username).await.map_err(|e| err(&e))?.is_some() {
            continue;
        }
        let cpr = Cpr::parse(c.cpr).map_err(|e| e.to_string())?;
        let person = register.lookup(&cpr).await.map_err(|e| err(&e))?.ok_or_else(|| format!("{} not in the register", c.username))?;
        let login = store.citizen_mitid_login(cpr.digits(), &person, register.source_name(), now).await.map_err(|e| err(&e))?;
        let details = NewContactDetails {
            username: c.username.into(),
            password_hash: hash.0.clone(),
            phone: Some("20304050".into()),
            email: Some(format!("{}@eksempel.dk", c.username)),
            sms_reminders: false,
            email_reminders: true,
        };
        store.complete_citizen_profile(login.citizen_id, &details, now).await.map_err(|e| err(&e))?;
        let we = WorkExperience::parse(
            &WorkExperienceForm {
                position: c.position.into(),
                workplace: c.workplace.into(),
                tasks: c.tasks.into(),
                good_at: String::new(),
                start: c.start.into(),
                end: String::new(),
            },
            now.date_naive(),
        )
        .map_err(|e| format!("{e:?}"))?;
        store.add_work_experience(login.citizen_id, &we, now).await.map_err(|e| err(&e))?;
        let wish = JobWish::parse(&JobWishForm { occupation: c.occupation.into(), working_time: "full_time".into(), employment_type: "permanent".into() })
            .map_err(|e| format!("{e:?}"))?;
        store.add_job_wish(login.citizen_id, &wish, now).await.map_err(|e| err(&e))?;
        if c.searchable {
            store.set_cv_searchable(login.citizen_id, true, now).await.map_err(|e| err(&e))?.map_err(|e| e.to_string())?;
        }
        store.set_citizen_last_login(login.citizen_id, now - Duration::weeks(c.weeks_since_login)).await.map_err(|e| err(&e))?;
    }
    for (name, cvr, email, accepted) in EMPLOYERS {
        match store.create_employer(name, cvr, email, &hash.0, now).await {
            Ok(id) if *accepted => store.accept_employer_terms(id, jobspor::employer::TERMS_VERSION, now).await.map_err(|e| err(&e))?,
            Ok(_) | Err(StoreError::CvrTaken) | Err(StoreError::EmailTaken) => {}
            Err(e) => return Err(err(&e)),
        }
    }
    Ok(())
}
