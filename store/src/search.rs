//! Employers' CV search and opening a CV. Both apply the searchability rule (marked
//! searchable, owner logged in since the cutoff from `jobspor::retention`).
use crate::access_log::{self, AccessEntry};
use crate::citizens::person_from_row;
use crate::cv::entries;
use crate::{from_ts, text, ts, Result, Store};
use chrono::{DateTime, Utc};
use jobspor::cv::entry::{CvEntry, CvSection};
use jobspor::policy::CvOwner;
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CvHit {
    pub cv_id: i64,
    pub name: String,
    /// The occupations sought, for the result line.
    pub occupations: Vec<String>,
    /// Town of residence; `None` for a protected address.
    pub city: Option<String>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchPage {
    pub total: i64,
    pub hits: Vec<CvHit>,
}

#[derive(Debug, Clone)]
pub struct OpenedCv {
    pub owner: CvOwner,
    pub entries: Vec<CvEntry>,
}

/// Searchable, by `jobspor::retention::cv_is_searchable`: marked, a live person, logged in
/// after the cutoff (at exactly 12 weeks the CV is no longer searchable).
const SEARCHABLE: &str = "c.searchable = 1 AND p.cpr_status = 'active' AND p.last_login_at > $1";

impl Store {
    /// Free-text search over CV text with Danish stems; every word must match. An empty
    /// query lists every searchable CV. Newest first.
    pub async fn search_cvs(&self, query: &str, login_cutoff: DateTime<Utc>, limit: i64, offset: i64) -> Result<SearchPage> {
        let terms = text::query_terms(query);
        let mut filter = SEARCHABLE.to_string();
        for i in 0..terms.len() {
            filter.push_str(&format!(" AND c.id IN (SELECT cv_id FROM cv_terms WHERE term = ${})", i + 2));
        }
        let count_sql = format!("SELECT COUNT(*) AS n FROM cvs c JOIN citizens p ON p.id = c.citizen_id WHERE {filter}");
        let n = terms.len();
        let page_sql = format!(
            "SELECT c.id, c.updated_at, p.first_name, p.middle_name, p.surname, p.city, p.protected_address \
             FROM cvs c JOIN citizens p ON p.id = c.citizen_id WHERE {filter} \
             ORDER BY c.updated_at DESC, c.id DESC LIMIT ${} OFFSET ${}",
            n + 2,
            n + 3
        );
        let mut count = sqlx::query(&count_sql).bind(ts(login_cutoff));
        let mut page = sqlx::query(&page_sql).bind(ts(login_cutoff));
        for t in &terms {
            count = count.bind(t.clone());
            page = page.bind(t.clone());
        }
        let total: i64 = count.fetch_one(&self.pool).await?.try_get("n")?;
        let rows = page.bind(limit).bind(offset).fetch_all(&self.pool).await?;
        let mut hits = Vec::with_capacity(rows.len());
        for r in &rows {
            let cv_id: i64 = r.try_get("id")?;
            let middle: Option<String> = r.try_get("middle_name")?;
            let first: String = r.try_get("first_name")?;
            let surname: String = r.try_get("surname")?;
            let name = match middle {
                Some(m) => format!("{first} {m} {surname}"),
                None => format!("{first} {surname}"),
            };
            let protected = r.try_get::<i64, _>("protected_address")? != 0;
            let mut occupations = Vec::new();
            let wishes = sqlx::query("SELECT data FROM cv_entries WHERE cv_id = $1 AND section = $2 ORDER BY id")
                .bind(cv_id)
                .bind(CvSection::JobWish.code())
                .fetch_all(&self.pool)
                .await?;
            for w in &wishes {
                if let Ok(CvEntry::JobWish(j)) = CvEntry::from_stored(CvSection::JobWish, &w.try_get::<String, _>("data")?) {
                    occupations.push(j.occupation);
                }
            }
            hits.push(CvHit {
                cv_id,
                name,
                occupations,
                city: if protected { None } else { r.try_get("city")? },
                updated_at: from_ts(r.try_get("updated_at")?),
            });
        }
        Ok(SearchPage { total, hits })
    }

    /// An employer opens a CV: read it and record the opening (when, which CV, which
    /// company — seed 000) in the citizen's history, in one transaction. `None` when the
    /// CV is not searchable now.
    #[tracing::instrument(skip(self, company_name))]
    pub async fn open_cv_for_employer(&self, employer_id: i64, company_name: &str, cv_id: i64, login_cutoff: DateTime<Utc>, now: DateTime<Utc>) -> Result<Option<OpenedCv>> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(&format!(
            "SELECT p.*, c.id AS cv_id FROM cvs c JOIN citizens p ON p.id = c.citizen_id WHERE {SEARCHABLE} AND c.id = $2"
        ))
        .bind(ts(login_cutoff))
        .bind(cv_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let citizen_id: i64 = row.try_get("id")?;
        let owner = CvOwner { person: person_from_row(&row)?, phone: row.try_get("phone")?, email: row.try_get("email")? };
        let entries = entries(&mut tx, cv_id).await?;
        access_log::record(
            &mut tx,
            &AccessEntry {
                citizen_id,
                at: now,
                actor_kind: "employer".into(),
                actor_id: Some(employer_id),
                actor_label: company_name.to_string(),
                action: "Åbnede dit CV".into(),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(Some(OpenedCv { owner, entries: entries.into_iter().map(|e| e.entry).collect() }))
    }
}
