//! The citizen's CV: entries of every section (one table, the core's `CvEntry` as JSON), the
//! searchable mark, drafts of a section being edited, and the search index kept in step.
use crate::search_index::{index_cv, index_cv_of, sync_owner, Owner};
use crate::{flag, from_ts, ts, Result, Store, StoreError};
use chrono::{DateTime, Utc};
use jobspor::cv::entry::{may_add_entry, CvEntry, CvSection, Fields, MAX_DRAFT_BYTES};
use jobspor::policy::Caller;
use jobspor::{CitizenId, CvEntryId, CvId};
use sqlx::{AnyConnection, Row};
use std::cmp::Reverse;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEntry {
    pub id: CvEntryId,
    pub entry: CvEntry,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct CvRecord {
    pub cv_id: CvId,
    pub searchable: bool,
    /// Phone and e-mail hidden from employers.
    pub hide_contact: bool,
    pub updated_at: DateTime<Utc>,
    /// In section order; within a section newest first.
    pub entries: Vec<StoredEntry>,
}

impl CvRecord {
    pub fn of(&self, section: CvSection) -> impl Iterator<Item = &StoredEntry> {
        self.entries
            .iter()
            .filter(move |e| e.entry.section() == section)
    }

    pub fn into_entries(self) -> Vec<CvEntry> {
        self.entries.into_iter().map(|e| e.entry).collect()
    }
}

/// A section's form as the citizen left it, not yet saved as an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The entry being edited; `None` for a new one.
    pub entry_id: Option<CvEntryId>,
    pub fields: Fields,
    pub saved_at: DateTime<Utc>,
}

pub(crate) async fn entries(conn: &mut AnyConnection, cv_id: i64) -> Result<Vec<StoredEntry>> {
    let rows = sqlx::query(
        "SELECT id, section, data, updated_at FROM cv_entries WHERE cv_id = $1 ORDER BY id",
    )
    .bind(cv_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let code: String = r.try_get("section")?;
        let section = CvSection::from_code(&code).map_err(|_| StoreError::Corrupt {
            what: "CV section",
            value: code.clone(),
        })?;
        let entry =
            CvEntry::from_stored(section, &r.try_get::<String, _>("data")?).map_err(|value| {
                StoreError::Corrupt {
                    what: "CV entry",
                    value,
                }
            })?;
        out.push(StoredEntry {
            id: CvEntryId::new(r.try_get("id")?),
            entry,
            updated_at: from_ts(r.try_get("updated_at")?),
        });
    }
    // Section order as the CV shows it, then newest first, then as added.
    let order = |s: CvSection| CvSection::ALL.iter().position(|x| *x == s);
    out.sort_by_key(|e| (order(e.entry.section()), Reverse(e.entry.sort_date()), e.id));
    Ok(out)
}

async fn cv_id_of(conn: &mut AnyConnection, citizen_id: i64) -> Result<i64> {
    let row = sqlx::query("SELECT id FROM cvs WHERE citizen_id = $1")
        .bind(citizen_id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(row.try_get("id")?)
}

/// (work experiences, educations, job wishes) of a CV: what searchability depends on.
async fn counts(conn: &mut AnyConnection, cv_id: i64) -> Result<(usize, usize, usize)> {
    let rows = sqlx::query(
        "SELECT section, COUNT(*) AS n FROM cv_entries WHERE cv_id = $1 GROUP BY section",
    )
    .bind(cv_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut n = (0, 0, 0);
    for r in &rows {
        let c = r.try_get::<i64, _>("n")? as usize;
        match CvSection::from_code(&r.try_get::<String, _>("section")?) {
            Ok(CvSection::WorkExperience) => n.0 = c,
            Ok(CvSection::Education) => n.1 = c,
            Ok(CvSection::JobWish) => n.2 = c,
            _ => {}
        }
    }
    Ok(n)
}

/// Takes the CV out of search when it no longer has what searchability needs.
async fn unmark_if_not_ready(conn: &mut AnyConnection, cv_id: i64) -> Result<()> {
    let (we, ed, jw) = counts(conn, cv_id).await?;
    if jobspor::cv::may_be_made_searchable(jw, we, ed).is_err() {
        sqlx::query("UPDATE cvs SET searchable = 0 WHERE id = $1")
            .bind(cv_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

impl Store {
    pub async fn cv_of_citizen(&self, citizen: Caller<CitizenId>) -> Result<CvRecord> {
        let citizen_id = citizen.id().get();
        let row = sqlx::query(
            "SELECT id, searchable, hide_contact, updated_at FROM cvs WHERE citizen_id = $1",
        )
        .bind(citizen_id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        let cv_id: i64 = row.try_get("id")?;
        let mut conn = self.pool.acquire().await?;
        Ok(CvRecord {
            cv_id: CvId::new(cv_id),
            searchable: row.try_get::<i64, _>("searchable")? != 0,
            hide_contact: row.try_get::<i64, _>("hide_contact")? != 0,
            updated_at: from_ts(row.try_get("updated_at")?),
            entries: entries(&mut conn, cv_id).await?,
        })
    }

    /// Saves an entry: a new one (`id` None), or a change to the citizen's entry `id` of the
    /// same section. A single-text section's new value replaces the old. The section's
    /// draft is discarded in the same transaction. `StoreError::Refused` is a refusal about
    /// the list (too many entries, a duplicate), for the form's first field.
    pub async fn save_cv_entry(
        &self,
        citizen: Caller<CitizenId>,
        id: Option<CvEntryId>,
        entry: &CvEntry,
        now: DateTime<Utc>,
    ) -> Result<CvEntryId> {
        let citizen_id = citizen.id().get();
        let section = entry.section();
        let mut tx = self.begin_write().await?;
        // One read for what the save needs besides the entries: the CV, its owner as the
        // search shows them, the CV's filter keys as last indexed, and whether the section
        // has a draft to discard (a round trip fewer per save for each).
        let head = sqlx::query(
            "SELECT c.id, p.cpr_status, c.searchable, p.last_login_at, p.municipality_code, p.protected_address, p.restricted_at, \
             s.facet_keys, (SELECT COUNT(*) FROM cv_drafts d WHERE d.citizen_id = c.citizen_id AND d.section = $2) AS drafts \
             FROM cvs c JOIN citizens p ON p.id = c.citizen_id LEFT JOIN cv_search s ON s.cv_id = c.id \
             WHERE c.citizen_id = $1",
        )
        .bind(citizen_id)
        .bind(section.code())
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        let cv_id: i64 = head.try_get("id")?;
        let owner = Owner::from_row(citizen_id, &head)?;
        let indexed_keys: Option<String> = head.try_get("facet_keys")?;
        let has_draft = head.try_get::<i64, _>("drafts")? > 0;
        let all = entries(&mut tx, cv_id).await?;
        let same: Vec<&StoredEntry> = all
            .iter()
            .filter(|e| e.entry.section() == section)
            .collect();
        let id = match id {
            Some(id) if !same.iter().any(|e| e.id == id) => return Err(StoreError::NotFound),
            Some(id) => Some(id),
            None if section.is_single() => same.first().map(|e| e.id),
            None => None,
        };
        if let Some(key) = entry.duplicate_key() {
            if same
                .iter()
                .any(|e| Some(e.id) != id && e.entry.duplicate_key().as_ref() == Some(&key))
            {
                return Err(StoreError::Refused(jobspor::Msg::ListDuplicate));
            }
        }
        let id = match id {
            Some(id) => {
                sqlx::query(
                    "UPDATE cv_entries SET data = $1, updated_at = $2 WHERE id = $3 AND cv_id = $4",
                )
                .bind(entry.to_stored())
                .bind(ts(now))
                .bind(id.get())
                .bind(cv_id)
                .execute(&mut *tx)
                .await?;
                id
            }
            None => {
                may_add_entry(section, same.len()).map_err(StoreError::Refused)?;
                sqlx::query("INSERT INTO cv_entries (cv_id, section, data, created_at, updated_at) VALUES ($1,$2,$3,$4,$4) RETURNING id")
                    .bind(cv_id)
                    .bind(section.code())
                    .bind(entry.to_stored())
                    .bind(ts(now))
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get("id")
                    .map(CvEntryId::new)?
            }
        };
        if has_draft {
            sqlx::query("DELETE FROM cv_drafts WHERE citizen_id = $1 AND section = $2")
                .bind(citizen_id)
                .bind(section.code())
                .execute(&mut *tx)
                .await?;
        }
        // The CV after this save, from what was read above: no second read.
        let after = all
            .iter()
            .filter(|e| e.id != id)
            .map(|e| &e.entry)
            .chain(std::iter::once(entry));
        index_cv_of(&mut tx, cv_id, &owner, indexed_keys.as_deref(), after, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Deletes an entry, only if it belongs to this citizen's CV. A CV left without what
    /// searchability needs stops being searchable in the same transaction.
    pub async fn delete_cv_entry(
        &self,
        citizen: Caller<CitizenId>,
        id: CvEntryId,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let citizen_id = citizen.id().get();
        let mut tx = self.begin_write().await?;
        let cv_id = cv_id_of(&mut tx, citizen_id).await?;
        let r = sqlx::query("DELETE FROM cv_entries WHERE id = $1 AND cv_id = $2")
            .bind(id.get())
            .bind(cv_id)
            .execute(&mut *tx)
            .await?;
        if r.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        unmark_if_not_ready(&mut tx, cv_id).await?;
        let after = entries(&mut tx, cv_id).await?;
        index_cv(&mut tx, cv_id, after.iter().map(|e| &e.entry), now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Marks the CV searchable or not. Making it searchable applies the core rule on the
    /// counts read inside the same transaction, so a concurrent delete cannot slip past.
    pub async fn set_cv_searchable(
        &self,
        citizen: Caller<CitizenId>,
        searchable: bool,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let citizen_id = citizen.id().get();
        let mut tx = self.begin_write().await?;
        let cv_id = cv_id_of(&mut tx, citizen_id).await?;
        if searchable {
            let (we, ed, jw) = counts(&mut tx, cv_id).await?;
            jobspor::cv::may_be_made_searchable(jw, we, ed).map_err(StoreError::Refused)?;
        }
        sqlx::query("UPDATE cvs SET searchable = $1, updated_at = $2 WHERE id = $3")
            .bind(flag(searchable))
            .bind(ts(now))
            .bind(cv_id)
            .execute(&mut *tx)
            .await?;
        sync_owner(&mut tx, citizen_id).await?;
        // A CV offered to EURES leaves it at once (seed 004 §8), or is offered again.
        crate::eures::follow_cv_in(&mut tx, citizen_id, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Hides the phone and e-mail from employers (or shows them again). Employers then see
    /// a way to ask support to pass a message on (seed 004, "Kontaktoplysninger").
    pub async fn set_cv_hide_contact(&self, citizen: Caller<CitizenId>, hide: bool) -> Result<()> {
        let citizen_id = citizen.id().get();
        sqlx::query("UPDATE cvs SET hide_contact = $1 WHERE citizen_id = $2")
            .bind(flag(hide))
            .bind(citizen_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Keeps what the citizen has typed in a section's form (one draft per section), and
    /// answers whether it was kept. A draft beyond `MAX_DRAFT_BYTES` is not kept, whoever
    /// sends it: no form holds that much, so it is a crafted request, and the draft saved
    /// before it (every 3 s while typing) stays. Skipped rather than refused, so a refused
    /// form still gets its own field errors back.
    pub async fn save_cv_draft(
        &self,
        citizen: Caller<CitizenId>,
        section: CvSection,
        entry_id: Option<CvEntryId>,
        fields: &Fields,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let citizen_id = citizen.id().get();
        let data = serde_json::to_string(fields).map_err(|source| StoreError::Json {
            what: "a CV draft",
            source,
        })?;
        if data.len() > MAX_DRAFT_BYTES {
            tracing::warn!(
                section = section.code(),
                bytes = data.len(),
                "a CV draft over the bound was not kept"
            );
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO cv_drafts (citizen_id, section, entry_id, data, saved_at) VALUES ($1,$2,$3,$4,$5) \
             ON CONFLICT (citizen_id, section) DO UPDATE SET entry_id = excluded.entry_id, data = excluded.data, saved_at = excluded.saved_at",
        )
        .bind(citizen_id)
        .bind(section.code())
        .bind(entry_id.map(CvEntryId::get))
        .bind(data)
        .bind(ts(now))
        .execute(&self.pool)
        .await?;
        Ok(true)
    }

    pub async fn cv_draft(
        &self,
        citizen: Caller<CitizenId>,
        section: CvSection,
    ) -> Result<Option<Draft>> {
        let citizen_id = citizen.id().get();
        let row = sqlx::query(
            "SELECT entry_id, data, saved_at FROM cv_drafts WHERE citizen_id = $1 AND section = $2",
        )
        .bind(citizen_id)
        .bind(section.code())
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        let fields: Fields =
            serde_json::from_str(&r.try_get::<String, _>("data")?).map_err(|source| {
                StoreError::Json {
                    what: "a CV draft",
                    source,
                }
            })?;
        Ok(Some(Draft {
            entry_id: r.try_get::<Option<i64>, _>("entry_id")?.map(CvEntryId::new),
            fields,
            saved_at: from_ts(r.try_get("saved_at")?),
        }))
    }

    pub async fn discard_cv_draft(
        &self,
        citizen: Caller<CitizenId>,
        section: CvSection,
    ) -> Result<()> {
        let citizen_id = citizen.id().get();
        sqlx::query("DELETE FROM cv_drafts WHERE citizen_id = $1 AND section = $2")
            .bind(citizen_id)
            .bind(section.code())
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
