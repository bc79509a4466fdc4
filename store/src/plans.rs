//! Min Plan and Min uddannelsesplan (issue 25): written by the jobcentre serving the
//! citizen, read and commented by the citizen. A change of the goals or the activities
//! moves `plans.changed_at`, so the caseworker sees whether the plan as it stands was read.
use crate::access_log::{record, AccessEntry};
use crate::{from_ts, ts, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use jobspor::policy::Caller;
use jobspor::track::plan::{PlanActivity, PlanGoals};
use jobspor::{CitizenId, PlanActivityId};
use sqlx::Row;

/// A citizen's plan as both sides see it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlanRecord {
    /// `None` until a caseworker wrote the goals.
    pub goals: Option<PlanGoals>,
    pub organisation: Option<String>,
    pub changed_by: Option<String>,
    pub changed_at: Option<DateTime<Utc>>,
    pub read_at: Option<DateTime<Utc>>,
    pub activities: Vec<(PlanActivityId, PlanActivity)>,
    /// The citizen's comments, oldest first.
    pub comments: Vec<(DateTime<Utc>, String)>,
}

/// Who wrote a change to the plan.
#[derive(Debug, Clone, Copy)]
pub struct PlanAuthor<'a> {
    pub name: &'a str,
    pub organisation: &'a str,
}

async fn plan_of(conn: &mut sqlx::AnyConnection, citizen: CitizenId) -> Result<PlanRecord> {
    let mut plan = PlanRecord::default();
    if let Some(r) = sqlx::query(
        "SELECT job_goal, education_goal, organisation, changed_by, changed_at, read_at FROM plans WHERE citizen_id = $1",
    )
    .bind(citizen.get())
    .fetch_optional(&mut *conn)
    .await?
    {
        plan.goals = Some(PlanGoals {
            job_goal: r.try_get("job_goal")?,
            education_goal: r.try_get("education_goal")?,
        });
        plan.organisation = Some(r.try_get("organisation")?);
        plan.changed_by = Some(r.try_get("changed_by")?);
        plan.changed_at = Some(from_ts(r.try_get("changed_at")?));
        plan.read_at = r.try_get::<Option<i64>, _>("read_at")?.map(from_ts);
    }
    for r in sqlx::query("SELECT id, data FROM plan_activities WHERE citizen_id = $1 ORDER BY id")
        .bind(citizen.get())
        .fetch_all(&mut *conn)
        .await?
    {
        let data: String = r.try_get("data")?;
        let activity: PlanActivity =
            serde_json::from_str(&data).map_err(|source| StoreError::Json {
                what: "plan activity",
                source,
            })?;
        plan.activities
            .push((PlanActivityId::new(r.try_get("id")?), activity));
    }
    plan.activities.sort_by_key(|(id, a)| (a.from, *id));
    for r in
        sqlx::query("SELECT body, created_at FROM plan_comments WHERE citizen_id = $1 ORDER BY id")
            .bind(citizen.get())
            .fetch_all(&mut *conn)
            .await?
    {
        plan.comments
            .push((from_ts(r.try_get("created_at")?), r.try_get("body")?));
    }
    Ok(plan)
}

/// Marks the plan changed (and so unread), by whom.
async fn touch(
    conn: &mut sqlx::AnyConnection,
    citizen: CitizenId,
    by: PlanAuthor<'_>,
    now: DateTime<Utc>,
) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE plans SET changed_by = $1, organisation = $2, changed_at = $3 WHERE citizen_id = $4",
    )
    .bind(by.name)
    .bind(by.organisation)
    .bind(ts(now))
    .bind(citizen.get())
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1)
}

impl Store {
    /// The citizen's own plan.
    pub async fn my_plan(&self, citizen: Caller<CitizenId>) -> Result<PlanRecord> {
        let mut conn = self.pool.acquire().await?;
        plan_of(&mut conn, citizen.id()).await
    }

    /// The citizen marks the plan, as it stands, read.
    pub async fn mark_plan_read(
        &self,
        citizen: Caller<CitizenId>,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        Ok(
            sqlx::query("UPDATE plans SET read_at = $1 WHERE citizen_id = $2")
                .bind(ts(now))
                .bind(citizen.id().get())
                .execute(&self.pool)
                .await?
                .rows_affected()
                == 1,
        )
    }

    /// The citizen comments on the plan (`NotFound` before there is one).
    pub async fn comment_on_plan(
        &self,
        citizen: Caller<CitizenId>,
        comment: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let has_plan: Option<i64> =
            sqlx::query_scalar("SELECT citizen_id FROM plans WHERE citizen_id = $1")
                .bind(citizen.id().get())
                .fetch_optional(&mut *tx)
                .await?;
        if has_plan.is_none() {
            return Err(StoreError::NotFound);
        }
        sqlx::query("INSERT INTO plan_comments (citizen_id, body, created_at) VALUES ($1,$2,$3)")
            .bind(citizen.id().get())
            .bind(comment)
            .bind(ts(now))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The plan as the jobcentre reads it, the read recorded (`read`).
    pub async fn plan_for_staff(
        &self,
        citizen: CitizenId,
        read: &AccessEntry,
    ) -> Result<PlanRecord> {
        let mut tx = self.begin_write().await?;
        record(&mut tx, read).await?;
        let plan = plan_of(&mut tx, citizen).await?;
        tx.commit().await?;
        Ok(plan)
    }

    /// The jobcentre writes the goals (the plan is made on the first write).
    pub async fn save_plan_goals(
        &self,
        citizen: CitizenId,
        goals: &PlanGoals,
        by: PlanAuthor<'_>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO plans (citizen_id, job_goal, education_goal, organisation, changed_by, changed_at) \
             VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (citizen_id) DO UPDATE SET job_goal = excluded.job_goal, \
             education_goal = excluded.education_goal, organisation = excluded.organisation, \
             changed_by = excluded.changed_by, changed_at = excluded.changed_at",
        )
        .bind(citizen.get())
        .bind(&goals.job_goal)
        .bind(&goals.education_goal)
        .bind(by.organisation)
        .bind(by.name)
        .bind(ts(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The jobcentre adds an activity, or changes one of the citizen's (`id`). Refused
    /// before the plan has its goals.
    pub async fn save_plan_activity(
        &self,
        citizen: CitizenId,
        id: Option<PlanActivityId>,
        activity: &PlanActivity,
        by: PlanAuthor<'_>,
        now: DateTime<Utc>,
    ) -> Result<PlanActivityId> {
        let data = serde_json::to_string(activity).map_err(|source| StoreError::Json {
            what: "plan activity",
            source,
        })?;
        let mut tx = self.begin_write().await?;
        if !touch(&mut tx, citizen, by, now).await? {
            return Err(StoreError::Refused(jobspor::Msg::PlanMissing));
        }
        let id = match id {
            Some(id) => {
                let r = sqlx::query("UPDATE plan_activities SET data = $1 WHERE id = $2 AND citizen_id = $3")
                    .bind(&data)
                    .bind(id.get())
                    .bind(citizen.get())
                    .execute(&mut *tx)
                    .await?;
                if r.rows_affected() != 1 {
                    return Err(StoreError::NotFound);
                }
                id
            }
            None => PlanActivityId::new(
                sqlx::query(
                    "INSERT INTO plan_activities (citizen_id, data, created_at) VALUES ($1,$2,$3) RETURNING id",
                )
                .bind(citizen.get())
                .bind(&data)
                .bind(ts(now))
                .fetch_one(&mut *tx)
                .await?
                .try_get("id")?,
            ),
        };
        tx.commit().await?;
        Ok(id)
    }
}
