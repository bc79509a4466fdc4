//! What a jobcentre caseworker reads of a citizen their jobcentre serves, beyond the
//! questionnaires (`jobseekers`): the profile (CPR data, contact details, reminder choices)
//! and the whole CV. Each read is recorded for the citizen in the same transaction as the
//! read.
use crate::access_log::{record, AccessEntry};
use crate::citizens::{citizen_in, CitizenRecord};
use crate::cv::entries;
use crate::jobseekers::{jobseeker_in, JobseekerRecord};
use crate::{Result, Store};
use jobspor::cv::entry::CvEntry;
use jobspor::CitizenId;

impl Store {
    /// The citizen's profile, the read recorded (`read`).
    pub async fn profile_for_caseworker(
        &self,
        citizen: CitizenId,
        read: &AccessEntry,
    ) -> Result<CitizenRecord> {
        let mut tx = self.begin_write().await?;
        record(&mut tx, read).await?;
        let c = citizen_in(&mut tx, citizen).await?;
        tx.commit().await?;
        Ok(c)
    }

    /// The citizen's whole CV, every section (special considerations and absence too), in
    /// the order written; empty when there is none. The read recorded (`read`).
    pub async fn cv_for_caseworker(
        &self,
        citizen: CitizenId,
        read: &AccessEntry,
    ) -> Result<Vec<CvEntry>> {
        let mut tx = self.begin_write().await?;
        record(&mut tx, read).await?;
        let cv_id: Option<i64> = sqlx::query_scalar("SELECT id FROM cvs WHERE citizen_id = $1")
            .bind(citizen.get())
            .fetch_optional(&mut *tx)
            .await?;
        let list = match cv_id {
            Some(id) => entries(&mut tx, id)
                .await?
                .into_iter()
                .map(|e| e.entry)
                .collect(),
            None => Vec::new(),
        };
        tx.commit().await?;
        Ok(list)
    }

    /// The citizen's registration as a job seeker, if any, the read recorded (`read`).
    pub async fn registration_for_staff(
        &self,
        citizen: CitizenId,
        read: &AccessEntry,
    ) -> Result<Option<JobseekerRecord>> {
        let mut tx = self.begin_write().await?;
        record(&mut tx, read).await?;
        let r = jobseeker_in(&mut tx, citizen).await?;
        tx.commit().await?;
        Ok(r)
    }
}
