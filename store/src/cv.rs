//! The citizen's CV: sections, the searchable mark, and the search index kept in step.
use crate::{flag, from_ts, text, ts, Result, Store, StoreError};
use chrono::{DateTime, NaiveDate, Utc};
use jobspor::cv::education::Education;
use jobspor::cv::{CvSection, EmploymentType, JobWish, Period, WorkExperience, WorkingTime};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

#[derive(Debug, Clone)]
pub struct CvRecord {
    pub cv_id: i64,
    pub searchable: bool,
    pub updated_at: DateTime<Utc>,
    pub work_experiences: Vec<(i64, WorkExperience)>,
    pub educations: Vec<(i64, Education)>,
    pub job_wishes: Vec<(i64, JobWish)>,
}

/// A CV's sections as read from the store.
#[derive(Debug, Clone, Default)]
pub struct Sections {
    pub work_experiences: Vec<(i64, WorkExperience)>,
    pub educations: Vec<(i64, Education)>,
    pub job_wishes: Vec<(i64, JobWish)>,
}

fn date(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| StoreError::Corrupt(format!("date {s}")))
}

pub(crate) fn work_experience_from_row(r: &AnyRow) -> Result<(i64, WorkExperience)> {
    let start = date(&r.try_get::<String, _>("start_date")?)?;
    let end = r.try_get::<Option<String>, _>("end_date")?.map(|s| date(&s)).transpose()?;
    let period = Period::from_stored(start, end).map_err(|e| StoreError::Corrupt(e.into()))?;
    Ok((
        r.try_get("id")?,
        WorkExperience {
            position: r.try_get("position")?,
            workplace: r.try_get("workplace")?,
            tasks: r.try_get("tasks")?,
            good_at: r.try_get("good_at")?,
            period,
        },
    ))
}

pub(crate) fn education_from_row(r: &AnyRow) -> Result<(i64, Education)> {
    let start = date(&r.try_get::<String, _>("start_date")?)?;
    let end = r.try_get::<Option<String>, _>("end_date")?.map(|s| date(&s)).transpose()?;
    Ok((
        r.try_get("id")?,
        Education {
            education: r.try_get("education")?,
            institution: r.try_get("institution")?,
            description: r.try_get("description")?,
            start,
            end,
        },
    ))
}

pub(crate) fn job_wish_from_row(r: &AnyRow) -> Result<(i64, JobWish)> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("job wish {what}"));
    Ok((
        r.try_get("id")?,
        JobWish {
            occupation: r.try_get("occupation")?,
            working_time: WorkingTime::from_code(&r.try_get::<String, _>("working_time")?).map_err(|_| corrupt("working_time"))?,
            employment_type: EmploymentType::from_code(&r.try_get::<String, _>("employment_type")?).map_err(|_| corrupt("employment_type"))?,
        },
    ))
}

pub(crate) async fn sections(conn: &mut sqlx::AnyConnection, cv_id: i64) -> Result<Sections> {
    let we = sqlx::query("SELECT * FROM work_experiences WHERE cv_id = $1 ORDER BY start_date DESC, id DESC")
        .bind(cv_id)
        .fetch_all(&mut *conn)
        .await?;
    let ed = sqlx::query("SELECT * FROM educations WHERE cv_id = $1 ORDER BY start_date DESC, id DESC")
        .bind(cv_id)
        .fetch_all(&mut *conn)
        .await?;
    let jw = sqlx::query("SELECT * FROM job_wishes WHERE cv_id = $1 ORDER BY id")
        .bind(cv_id)
        .fetch_all(&mut *conn)
        .await?;
    Ok(Sections {
        work_experiences: we.iter().map(work_experience_from_row).collect::<Result<_>>()?,
        educations: ed.iter().map(education_from_row).collect::<Result<_>>()?,
        job_wishes: jw.iter().map(job_wish_from_row).collect::<Result<_>>()?,
    })
}

async fn cv_id_of(tx: &mut Transaction<'_, Any>, citizen_id: i64) -> Result<i64> {
    let row = sqlx::query("SELECT id FROM cvs WHERE citizen_id = $1")
        .bind(citizen_id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(row.try_get("id")?)
}

/// Rebuilds the CV's search terms from its text and stamps it as updated.
async fn reindex(tx: &mut Transaction<'_, Any>, cv_id: i64, now: DateTime<Utc>) -> Result<()> {
    let we = sqlx::query("SELECT position, workplace, tasks, good_at FROM work_experiences WHERE cv_id = $1")
        .bind(cv_id)
        .fetch_all(&mut **tx)
        .await?;
    let jw = sqlx::query("SELECT occupation FROM job_wishes WHERE cv_id = $1").bind(cv_id).fetch_all(&mut **tx).await?;
    let ed = sqlx::query("SELECT education, institution, description FROM educations WHERE cv_id = $1")
        .bind(cv_id)
        .fetch_all(&mut **tx)
        .await?;
    let mut all = String::new();
    for r in &ed {
        for col in ["education", "institution", "description"] {
            if let Some(t) = r.try_get::<Option<String>, _>(col)? {
                all.push_str(&t);
                all.push(' ');
            }
        }
    }
    for r in &we {
        for col in ["position", "workplace", "tasks", "good_at"] {
            if let Some(t) = r.try_get::<Option<String>, _>(col)? {
                all.push_str(&t);
                all.push(' ');
            }
        }
    }
    for r in &jw {
        all.push_str(&r.try_get::<String, _>("occupation")?);
        all.push(' ');
    }
    sqlx::query("DELETE FROM cv_terms WHERE cv_id = $1").bind(cv_id).execute(&mut **tx).await?;
    for term in text::terms(&all) {
        sqlx::query("INSERT INTO cv_terms (cv_id, term) VALUES ($1, $2)").bind(cv_id).bind(term).execute(&mut **tx).await?;
    }
    sqlx::query("UPDATE cvs SET updated_at = $1 WHERE id = $2").bind(ts(now)).bind(cv_id).execute(&mut **tx).await?;
    Ok(())
}

impl Store {
    pub async fn cv_of_citizen(&self, citizen_id: i64) -> Result<CvRecord> {
        let row = sqlx::query("SELECT id, searchable, updated_at FROM cvs WHERE citizen_id = $1")
            .bind(citizen_id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        let cv_id: i64 = row.try_get("id")?;
        let mut conn = self.pool.acquire().await?;
        let s = sections(&mut conn, cv_id).await?;
        Ok(CvRecord {
            cv_id,
            searchable: row.try_get::<i64, _>("searchable")? != 0,
            updated_at: from_ts(row.try_get("updated_at")?),
            work_experiences: s.work_experiences,
            educations: s.educations,
            job_wishes: s.job_wishes,
        })
    }

    pub async fn add_work_experience(&self, citizen_id: i64, w: &WorkExperience, now: DateTime<Utc>) -> Result<i64> {
        let mut tx = self.pool.begin().await?;
        let cv_id = cv_id_of(&mut tx, citizen_id).await?;
        let row = sqlx::query(
            "INSERT INTO work_experiences (cv_id, position, workplace, tasks, good_at, start_date, end_date) \
             VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id",
        )
        .bind(cv_id)
        .bind(&w.position)
        .bind(&w.workplace)
        .bind(&w.tasks)
        .bind(&w.good_at)
        .bind(w.period.start().to_string())
        .bind(w.period.end().map(|d| d.to_string()))
        .fetch_one(&mut *tx)
        .await?;
        reindex(&mut tx, cv_id, now).await?;
        tx.commit().await?;
        Ok(row.try_get("id")?)
    }


    pub async fn add_education(&self, citizen_id: i64, e: &Education, now: DateTime<Utc>) -> Result<i64> {
        let mut tx = self.pool.begin().await?;
        let cv_id = cv_id_of(&mut tx, citizen_id).await?;
        let row = sqlx::query(
            "INSERT INTO educations (cv_id, education, institution, description, start_date, end_date) \
             VALUES ($1,$2,$3,$4,$5,$6) RETURNING id",
        )
        .bind(cv_id)
        .bind(&e.education)
        .bind(&e.institution)
        .bind(&e.description)
        .bind(e.start.to_string())
        .bind(e.end.map(|d| d.to_string()))
        .fetch_one(&mut *tx)
        .await?;
        reindex(&mut tx, cv_id, now).await?;
        tx.commit().await?;
        Ok(row.try_get("id")?)
    }


    pub async fn add_job_wish(&self, citizen_id: i64, w: &JobWish, now: DateTime<Utc>) -> Result<i64> {
        let mut tx = self.pool.begin().await?;
        let cv_id = cv_id_of(&mut tx, citizen_id).await?;
        let row = sqlx::query("INSERT INTO job_wishes (cv_id, occupation, working_time, employment_type) VALUES ($1,$2,$3,$4) RETURNING id")
            .bind(cv_id)
            .bind(&w.occupation)
            .bind(w.working_time.code())
            .bind(w.employment_type.code())
            .fetch_one(&mut *tx)
            .await?;
        reindex(&mut tx, cv_id, now).await?;
        tx.commit().await?;
        Ok(row.try_get("id")?)
    }

    /// Deletes an entry of a section, only if it belongs to this citizen's CV. A CV left
    /// without what searchability needs stops being searchable in the same transaction.
    pub async fn delete_cv_entry(&self, citizen_id: i64, section: CvSection, id: i64, now: DateTime<Utc>) -> Result<()> {
        let table = match section {
            CvSection::WorkExperience => "work_experiences",
            CvSection::Education => "educations",
            CvSection::JobWish => "job_wishes",
        };
        let mut tx = self.pool.begin().await?;
        let cv_id = cv_id_of(&mut tx, citizen_id).await?;
        let r = sqlx::query(&format!("DELETE FROM {table} WHERE id = $1 AND cv_id = $2"))
            .bind(id)
            .bind(cv_id)
            .execute(&mut *tx)
            .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        let (we, ed, jw) = counts(&mut tx, cv_id).await?;
        if jobspor::cv::may_be_made_searchable(jw, we, ed).is_err() {
            sqlx::query("UPDATE cvs SET searchable = 0 WHERE id = $1").bind(cv_id).execute(&mut *tx).await?;
        }
        reindex(&mut tx, cv_id, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Marks the CV searchable or not. Making it searchable applies the core rule on the
    /// counts read inside the same transaction, so a concurrent delete cannot slip past.
    pub async fn set_cv_searchable(&self, citizen_id: i64, searchable: bool, now: DateTime<Utc>) -> Result<std::result::Result<(), &'static str>> {
        let mut tx = self.pool.begin().await?;
        let cv_id = cv_id_of(&mut tx, citizen_id).await?;
        if searchable {
            let (we, ed, jw) = counts(&mut tx, cv_id).await?;
            if let Err(key) = jobspor::cv::may_be_made_searchable(jw, we, ed) {
                return Ok(Err(key));
            }
        }
        sqlx::query("UPDATE cvs SET searchable = $1, updated_at = $2 WHERE id = $3")
            .bind(flag(searchable))
            .bind(ts(now))
            .bind(cv_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Ok(()))
    }
}

/// (work experiences, educations, job wishes) of a CV: what searchability depends on.
async fn counts(tx: &mut Transaction<'_, Any>, cv_id: i64) -> Result<(usize, usize, usize)> {
    let mut n = [0usize; 3];
    for (i, table) in ["work_experiences", "educations", "job_wishes"].into_iter().enumerate() {
        let c: i64 = sqlx::query(&format!("SELECT COUNT(*) AS n FROM {table} WHERE cv_id = $1")).bind(cv_id).fetch_one(&mut **tx).await?.try_get("n")?;
        n[i] = c as usize;
    }
    Ok((n[0], n[1], n[2]))
}
