//! Job-seeker registration and the preparation questionnaire. Health answers (GDPR art. 9)
//! live in their own table; the citizen reads them freely, a caseworker only through
//! `health_answers_for_caseworker`, which records the read in the same transaction.
use crate::access_log::{record, AccessEntry};
use crate::{from_ts, ts, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use jobspor::form_fields::Fields;
use jobspor::jobseeker::eligibility::{Questionnaire, Situation};
use jobspor::jobseeker::register_data::RegisterFact;
use jobspor::jobseeker::registration::{AKasse, Registration};
use jobspor::policy::Caller;
use jobspor::CitizenId;
use serde::de::DeserializeOwned;
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobseekerRecord {
    pub registration: Registration,
    pub registered_at: DateTime<Utc>,
}

/// Answers as stored: raw while being filled in, cleaned once sent.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answers {
    pub answers: Fields,
    /// The register facts shown when the answers were sent.
    pub facts: Option<Vec<RegisterFact>>,
    /// The questionnaire sent; `None` before sending.
    pub kind: Option<Questionnaire>,
    pub updated_at: Option<DateTime<Utc>>,
    pub submitted_at: Option<DateTime<Utc>>,
}

/// What is sent in one go: the answers, the register facts, and the health part when the
/// pilot's questions applied.
#[derive(Debug, Clone)]
pub struct Submission<'a> {
    pub kind: Questionnaire,
    pub answers: &'a Fields,
    pub facts: &'a [RegisterFact],
    /// `None`: the health questions did not apply, and any health draft is deleted.
    pub health: Option<(&'a Fields, &'a [RegisterFact])>,
}

fn json<T: serde::Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|source| StoreError::Json {
        what: "questionnaire answers",
        source,
    })
}

fn parse<T: DeserializeOwned>(raw: &str) -> Result<T> {
    serde_json::from_str(raw).map_err(|source| StoreError::Json {
        what: "questionnaire answers",
        source,
    })
}

/// The questionnaire's two parts, in two tables: the health answers (GDPR art. 9) never
/// share a row or a table with the others. Both are read and written alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Every answer but health, with the register facts shown.
    Questionnaire,
    /// The pilot's health answers, with the register data collected for the pilot.
    Health,
}

impl Part {
    fn table(self) -> &'static str {
        match self {
            Part::Questionnaire => "questionnaires",
            Part::Health => "health_answers",
        }
    }

    fn select(self) -> &'static str {
        match self {
            Part::Questionnaire => "SELECT kind, answers, register_facts AS facts, updated_at, submitted_at FROM questionnaires",
            Part::Health => "SELECT answers, pilot_facts AS facts, updated_at, submitted_at FROM health_answers",
        }
    }
}

fn answers_from(row: Option<sqlx::any::AnyRow>, part: Part) -> Result<Answers> {
    let Some(r) = row else {
        return Ok(Answers::default());
    };
    let facts: Option<String> = r.try_get("facts")?;
    let kind: Option<String> = if part == Part::Questionnaire {
        r.try_get("kind")?
    } else {
        None
    };
    Ok(Answers {
        answers: parse(&r.try_get::<String, _>("answers")?)?,
        facts: facts.as_deref().map(parse).transpose()?,
        kind: kind.as_deref().and_then(Questionnaire::from_code),
        updated_at: Some(from_ts(r.try_get("updated_at")?)),
        submitted_at: r.try_get::<Option<i64>, _>("submitted_at")?.map(from_ts),
    })
}

/// The citizen's registration as a job seeker, if any, read on `conn`.
pub(crate) async fn jobseeker_in(
    conn: &mut sqlx::AnyConnection,
    citizen: CitizenId,
) -> Result<Option<JobseekerRecord>> {
    let citizen_id = citizen.get();
    let row = sqlx::query(
        "SELECT situation, a_kasse, registered_at FROM jobseekers WHERE citizen_id = $1",
    )
    .bind(citizen_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let code: String = r.try_get("situation")?;
    let situation = Situation::from_code(&code).map_err(|_| StoreError::Corrupt {
        what: "situation",
        value: code.clone(),
    })?;
    let a_kasse = r
        .try_get::<Option<String>, _>("a_kasse")?
        .map(|c| {
            AKasse::from_code(&c).map_err(|_| StoreError::Corrupt {
                what: "a-kasse",
                value: c.clone(),
            })
        })
        .transpose()?;
    Ok(Some(JobseekerRecord {
        registration: Registration { situation, a_kasse },
        registered_at: from_ts(r.try_get("registered_at")?),
    }))
}

impl Store {
    /// Registers the citizen as a job seeker, or changes the registration. A changed
    /// situation can mean another questionnaire, so one already sent must be sent again.
    pub async fn register_jobseeker(
        &self,
        citizen: Caller<CitizenId>,
        r: &Registration,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let citizen_id = citizen.id().get();
        let mut tx = self.begin_write().await?;
        let before = sqlx::query("SELECT situation FROM jobseekers WHERE citizen_id = $1")
            .bind(citizen_id)
            .fetch_optional(&mut *tx)
            .await?;
        let changed = before
            .map(|row| row.try_get::<String, _>("situation"))
            .transpose()?
            .is_some_and(|s| s != r.situation.code());
        sqlx::query(
            "INSERT INTO jobseekers (citizen_id, situation, a_kasse, registered_at, updated_at, joblog_since) VALUES ($1,$2,$3,$4,$4,$4) \
             ON CONFLICT (citizen_id) DO UPDATE SET situation = excluded.situation, a_kasse = excluded.a_kasse, updated_at = excluded.updated_at",
        )
        .bind(citizen_id)
        .bind(r.situation.code())
        .bind(r.a_kasse.map(|a| a.code()))
        .bind(ts(now))
        .execute(&mut *tx)
        .await?;
        if changed {
            sqlx::query(
                "UPDATE questionnaires SET submitted_at = NULL, kind = NULL WHERE citizen_id = $1",
            )
            .bind(citizen_id)
            .execute(&mut *tx)
            .await?;
            sqlx::query("UPDATE health_answers SET submitted_at = NULL WHERE citizen_id = $1")
                .bind(citizen_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn jobseeker(&self, citizen: CitizenId) -> Result<Option<JobseekerRecord>> {
        let mut conn = self.pool.acquire().await?;
        jobseeker_in(&mut conn, citizen).await
    }

    /// A citizen's own answers of one part. Not for anyone else: see `answers_for_caseworker`.
    pub async fn own_answers(&self, part: Part, citizen: Caller<CitizenId>) -> Result<Answers> {
        let citizen_id = citizen.id().get();
        let row = sqlx::query(&format!("{} WHERE citizen_id = $1", part.select()))
            .bind(citizen_id)
            .fetch_optional(&self.pool)
            .await?;
        answers_from(row, part)
    }

    /// Keeps the answers as they stand (a step was left). Sent answers stay sent until the
    /// questionnaire is sent again.
    pub async fn save_answers(
        &self,
        part: Part,
        citizen: Caller<CitizenId>,
        answers: &Fields,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let citizen_id = citizen.id().get();
        sqlx::query(&format!(
            "INSERT INTO {} (citizen_id, answers, updated_at) VALUES ($1,$2,$3) \
             ON CONFLICT (citizen_id) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at",
            part.table()
        ))
        .bind(citizen_id)
        .bind(json(answers)?)
        .bind(ts(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Sends the questionnaire: the cleaned answers and the facts shown, in one transaction
    /// with the health part, or with the health draft deleted when the questions did not apply.
    pub async fn submit_questionnaire(
        &self,
        citizen: Caller<CitizenId>,
        s: &Submission<'_>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let citizen_id = citizen.id().get();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO questionnaires (citizen_id, kind, answers, register_facts, updated_at, submitted_at) VALUES ($1,$2,$3,$4,$5,$5) \
             ON CONFLICT (citizen_id) DO UPDATE SET kind = excluded.kind, answers = excluded.answers, register_facts = excluded.register_facts, \
             updated_at = excluded.updated_at, submitted_at = excluded.submitted_at",
        )
        .bind(citizen_id)
        .bind(s.kind.code())
        .bind(json(s.answers)?)
        .bind(json(&s.facts)?)
        .bind(ts(now))
        .execute(&mut *tx)
        .await?;
        match s.health {
            Some((answers, facts)) => {
                sqlx::query(
                    "INSERT INTO health_answers (citizen_id, answers, pilot_facts, updated_at, submitted_at) VALUES ($1,$2,$3,$4,$4) \
                     ON CONFLICT (citizen_id) DO UPDATE SET answers = excluded.answers, pilot_facts = excluded.pilot_facts, \
                     updated_at = excluded.updated_at, submitted_at = excluded.submitted_at",
                )
                .bind(citizen_id)
                .bind(json(answers)?)
                .bind(json(&facts)?)
                .bind(ts(now))
                .execute(&mut *tx)
                .await?;
            }
            None => {
                sqlx::query("DELETE FROM health_answers WHERE citizen_id = $1")
                    .bind(citizen_id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// A caseworker reads one part of a citizen's sent questionnaire. The read is recorded
    /// for the citizen's history in the same transaction, whether or not there is anything
    /// to read.
    pub async fn answers_for_caseworker(
        &self,
        part: Part,
        citizen: CitizenId,
        read: &AccessEntry,
    ) -> Result<Answers> {
        self.answers_for_staff(part, citizen, read, |_| true)
            .await
            .map(Option::unwrap_or_default)
    }

    /// A staff member reads one part of a citizen's sent questionnaire, if it was sent as a
    /// kind of questionnaire they may see (`may_see`, given the kind sent; health answers
    /// have none). The read is recorded for the citizen in the same transaction; when
    /// `may_see` refuses, nothing is read or recorded and the answer is `None`.
    pub async fn answers_for_staff(
        &self,
        part: Part,
        citizen: CitizenId,
        read: &AccessEntry,
        may_see: impl FnOnce(Option<Questionnaire>) -> bool,
    ) -> Result<Option<Answers>> {
        let citizen_id = citizen.get();
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(&format!(
            "{} WHERE citizen_id = $1 AND submitted_at IS NOT NULL",
            part.select()
        ))
        .bind(citizen_id)
        .fetch_optional(&mut *tx)
        .await?;
        let answers = answers_from(row, part)?;
        if !may_see(answers.kind) {
            return Ok(None);
        }
        record(&mut tx, read).await?;
        tx.commit().await?;
        Ok(Some(answers))
    }
}
