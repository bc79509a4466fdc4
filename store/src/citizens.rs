//! Citizens: the profile made from the CPR register at first login, and what they type in.
use crate::access_log::{self, AccessEntry};
use crate::{flag, from_ts, is_unique_violation, ts, Result, Store, StoreError, Unique};
use chrono::{DateTime, NaiveDate, Utc};
use jobspor::access::AccessWhat;
use jobspor::person::{CprStatus, Gender, RegisterPerson};
use jobspor::policy::Caller;
use jobspor::statistics::StatEvent;
use jobspor::{CitizenId, Lang};
use sqlx::any::AnyRow;
use sqlx::Row;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CitizenLogin {
    pub citizen_id: CitizenId,
    pub profile_complete: bool,
}

/// A citizen's stored profile. The CPR number is not in it: only the login path needs it.
#[derive(Debug, Clone)]
pub struct CitizenRecord {
    pub id: CitizenId,
    pub person: RegisterPerson,
    pub register_source: String,
    pub register_fetched_at: DateTime<Utc>,
    pub username: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub sms_reminders: bool,
    pub email_reminders: bool,
    pub last_login_at: DateTime<Utc>,
    /// The language the citizen chose for the interface (Danish until they choose).
    pub language: Lang,
    /// Since when the citizen has restricted the processing (GDPR art. 18), if they have.
    pub restricted_at: Option<DateTime<Utc>>,
}

impl CitizenRecord {
    /// How notices reach the citizen: the contact details and the choices given.
    pub fn reach(&self) -> jobspor::notices::Reach {
        jobspor::notices::Reach {
            email: self.email.clone(),
            phone: self.phone.clone(),
            sms_reminders: self.sms_reminders,
            email_reminders: self.email_reminders,
        }
    }
}

/// What the citizen chose at first login. The password arrives hashed.
#[derive(Debug, Clone)]
pub struct NewContactDetails {
    pub username: String,
    pub password_hash: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub sms_reminders: bool,
    pub email_reminders: bool,
}

fn gender_code(g: Gender) -> &'static str {
    match g {
        Gender::Male => "M",
        Gender::Female => "K",
    }
}

fn status_code(s: CprStatus) -> &'static str {
    match s {
        CprStatus::Active => "active",
        CprStatus::Emigrated => "emigrated",
        CprStatus::Dead => "dead",
        CprStatus::Disappeared => "disappeared",
    }
}

pub(crate) type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// Binds the register's fields as $1..$14, in the column order both statements use.
pub(crate) fn bind_register_fields<'q>(q: AnyQuery<'q>, p: &'q RegisterPerson) -> AnyQuery<'q> {
    q.bind(p.birthday.to_string())
        .bind(gender_code(p.gender))
        .bind(&p.first_name)
        .bind(&p.middle_name)
        .bind(&p.surname)
        .bind(&p.street)
        .bind(&p.co_address)
        .bind(&p.postcode)
        .bind(&p.city)
        .bind(&p.country)
        .bind(&p.municipality_code)
        .bind(&p.municipality)
        .bind(flag(p.protected_address))
        .bind(status_code(p.status))
}

pub(crate) fn person_from_row(row: &AnyRow) -> Result<RegisterPerson> {
    let corrupt = |what: &'static str, value: String| StoreError::Corrupt { what, value };
    let birthday: String = row.try_get("birthday")?;
    let gender: String = row.try_get("gender")?;
    let status: String = row.try_get("cpr_status")?;
    Ok(RegisterPerson {
        birthday: NaiveDate::parse_from_str(&birthday, "%Y-%m-%d")
            .map_err(|_| corrupt("birthday", birthday.clone()))?,
        gender: match gender.as_str() {
            "M" => Gender::Male,
            "K" => Gender::Female,
            _ => return Err(corrupt("gender", gender)),
        },
        first_name: row.try_get("first_name")?,
        middle_name: row.try_get("middle_name")?,
        surname: row.try_get("surname")?,
        street: row.try_get("street")?,
        co_address: row.try_get("co_address")?,
        postcode: row.try_get("postcode")?,
        city: row.try_get("city")?,
        country: row.try_get("country")?,
        municipality_code: row.try_get("municipality_code")?,
        municipality: row.try_get("municipality")?,
        protected_address: row.try_get::<i64, _>("protected_address")? != 0,
        status: match status.as_str() {
            "active" => CprStatus::Active,
            "emigrated" => CprStatus::Emigrated,
            "dead" => CprStatus::Dead,
            "disappeared" => CprStatus::Disappeared,
            _ => return Err(corrupt("cpr_status", status)),
        },
    })
}

impl Store {
    /// A MitID login: creates the profile from the register's record, or refreshes the
    /// register fields of an existing one, and writes the login to the citizen's history,
    /// all in one transaction.
    #[tracing::instrument(skip(self, cpr_digits, person), fields(source = source))]
    pub async fn citizen_mitid_login(
        &self,
        cpr_digits: &str,
        person: &RegisterPerson,
        source: &str,
        now: DateTime<Utc>,
    ) -> Result<CitizenLogin> {
        let mut tx = self.begin_write().await?;
        let existing = sqlx::query("SELECT id, username FROM citizens WHERE cpr = $1")
            .bind(cpr_digits)
            .fetch_optional(&mut *tx)
            .await?;
        let p = person;
        let (citizen_id, profile_complete) = match existing {
            Some(row) => {
                let id: i64 = row.try_get("id")?;
                let username: Option<String> = row.try_get("username")?;
                bind_register_fields(
                    sqlx::query(
                        "UPDATE citizens SET birthday=$1, gender=$2, first_name=$3, middle_name=$4, surname=$5, street=$6, \
                         co_address=$7, postcode=$8, city=$9, country=$10, municipality_code=$11, municipality=$12, \
                         protected_address=$13, cpr_status=$14, register_source=$15, register_fetched_at=$16, \
                         last_login_at=$16, last_activity_at=$16 WHERE id=$17",
                    ),
                    p,
                )
                .bind(source)
                .bind(ts(now))
                .bind(id)
                .execute(&mut *tx)
                .await?;
                // The login ends the period of inactivity its notices were about.
                crate::outbox::cancel_inactivity_notices(&mut tx, id, now).await?;
                (id, username.is_some())
            }
            None => {
                let row = bind_register_fields(
                    sqlx::query(
                        "INSERT INTO citizens (birthday, gender, first_name, middle_name, surname, street, co_address, \
                         postcode, city, country, municipality_code, municipality, protected_address, cpr_status, \
                         register_source, register_fetched_at, created_at, last_login_at, last_activity_at, cpr) \
                         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$16,$16,$16,$17) RETURNING id",
                    ),
                    p,
                )
                .bind(source)
                .bind(ts(now))
                .bind(cpr_digits)
                .fetch_one(&mut *tx)
                .await?;
                let id: i64 = row.try_get("id")?;
                sqlx::query(
                    "INSERT INTO cvs (citizen_id, searchable, updated_at) VALUES ($1, 0, $2)",
                )
                .bind(id)
                .bind(ts(now))
                .execute(&mut *tx)
                .await?;
                (id, false)
            }
        };
        let citizen_id = CitizenId::new(citizen_id);
        crate::search_index::sync_owner(&mut tx, citizen_id.get()).await?;
        access_log::record(
            &mut tx,
            &AccessEntry::own(citizen_id, AccessWhat::LoggedInMitId, now),
        )
        .await?;
        crate::statistics::record_citizen_event(&mut tx, citizen_id, StatEvent::Login, None, now)
            .await?;
        tx.commit().await?;
        Ok(CitizenLogin {
            citizen_id,
            profile_complete,
        })
    }

    /// Saves username, password hash and contact details chosen at first login.
    #[tracing::instrument(skip(self, details))]
    pub async fn complete_citizen_profile(
        &self,
        citizen: Caller<CitizenId>,
        details: &NewContactDetails,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let before = reminders_in(&mut tx, citizen.id()).await?;
        let result = sqlx::query(
            "UPDATE citizens SET username=$1, password_hash=$2, phone=$3, email=$4, sms_reminders=$5, \
             email_reminders=$6, last_activity_at=$7 WHERE id=$8",
        )
        .bind(&details.username)
        .bind(&details.password_hash)
        .bind(&details.phone)
        .bind(&details.email)
        .bind(flag(details.sms_reminders))
        .bind(flag(details.email_reminders))
        .bind(ts(now))
        .bind(citizen.id().get())
        .execute(&mut *tx)
        .await;
        match result {
            Ok(r) if r.rows_affected() == 1 => {
                // The reminder service chosen at first login is its first use.
                crate::statistics::record_reminder_changes(
                    &mut tx,
                    citizen.id(),
                    before,
                    (details.sms_reminders, details.email_reminders),
                    now,
                )
                .await?;
                tx.commit().await
            }
            Ok(_) => Err(StoreError::NotFound),
            Err(e) if is_unique_violation(&e, "username") => {
                Err(StoreError::Conflict(Unique::Username))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Replaces the citizen's password hash (a changed password), and writes the change to
    /// the citizen's history in the same transaction. The caller ends the other sessions.
    #[tracing::instrument(skip(self, password_hash))]
    pub async fn set_citizen_password(
        &self,
        citizen: Caller<CitizenId>,
        password_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let r = sqlx::query(
            "UPDATE citizens SET password_hash=$1, last_activity_at=$2 \
             WHERE id=$3 AND password_hash IS NOT NULL",
        )
        .bind(password_hash)
        .bind(ts(now))
        .bind(citizen.id().get())
        .execute(&mut *tx)
        .await?;
        if r.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        access_log::record(
            &mut tx,
            &AccessEntry::own(citizen.id(), AccessWhat::ChangedPassword, now),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Replaces the citizen's phone, e-mail and reminder choices (the profile must exist),
    /// and writes the change to the citizen's history in the same transaction.
    #[tracing::instrument(skip(self, details))]
    pub async fn set_citizen_contact_details(
        &self,
        citizen: Caller<CitizenId>,
        details: &jobspor::contact::ContactDetails,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let before = reminders_in(&mut tx, citizen.id()).await?;
        let r = sqlx::query(
            "UPDATE citizens SET phone=$1, email=$2, sms_reminders=$3, email_reminders=$4,              last_activity_at=$5 WHERE id=$6 AND password_hash IS NOT NULL",
        )
        .bind(details.phone.as_ref().map(|p| p.as_str()))
        .bind(details.email.as_ref().map(|e| e.as_str()))
        .bind(flag(details.sms_reminders))
        .bind(flag(details.email_reminders))
        .bind(ts(now))
        .bind(citizen.id().get())
        .execute(&mut *tx)
        .await?;
        if r.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        access_log::record(
            &mut tx,
            &AccessEntry::own(citizen.id(), AccessWhat::ChangedContactDetails, now),
        )
        .await?;
        crate::statistics::record_reminder_changes(
            &mut tx,
            citizen.id(),
            before,
            (details.sms_reminders, details.email_reminders),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The citizen's own CPR number (for their own download of their data).
    pub async fn own_cpr(&self, citizen: Caller<CitizenId>) -> Result<String> {
        sqlx::query_scalar("SELECT cpr FROM citizens WHERE id = $1")
            .bind(citizen.id().get())
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// The stored hash for a username, to check a password against.
    #[tracing::instrument(skip(self))]
    pub async fn citizen_password_hash(
        &self,
        username: &str,
    ) -> Result<Option<(CitizenId, String)>> {
        let row = sqlx::query("SELECT id, password_hash FROM citizens WHERE username = $1 AND password_hash IS NOT NULL")
            .bind(username)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(r) => Some((
                CitizenId::new(r.try_get("id")?),
                r.try_get("password_hash")?,
            )),
            None => None,
        })
    }

    /// A username + password login: keeps the CV searchable and writes the login to the history.
    pub async fn citizen_password_login(
        &self,
        citizen_id: CitizenId,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE citizens SET last_login_at=$1, last_activity_at=$1 WHERE id=$2")
            .bind(ts(now))
            .bind(citizen_id.get())
            .execute(&mut *tx)
            .await?;
        crate::outbox::cancel_inactivity_notices(&mut tx, citizen_id.get(), now).await?;
        crate::search_index::sync_owner(&mut tx, citizen_id.get()).await?;
        access_log::record(
            &mut tx,
            &AccessEntry::own(citizen_id, AccessWhat::LoggedInPassword, now),
        )
        .await?;
        crate::statistics::record_citizen_event(&mut tx, citizen_id, StatEvent::Login, None, now)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn citizen(&self, citizen_id: CitizenId) -> Result<CitizenRecord> {
        let mut conn = self.pool.acquire().await?;
        citizen_in(&mut conn, citizen_id).await
    }

    /// The citizen's language for the interface, applied at each sign-in.
    pub async fn set_citizen_language(&self, citizen_id: CitizenId, lang: Lang) -> Result<()> {
        let done = sqlx::query("UPDATE citizens SET language=$1 WHERE id=$2")
            .bind(lang.code())
            .bind(citizen_id.get())
            .execute(&self.pool)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    /// Moves a citizen's last login, for demo data and tests of the 12-week rule.
    pub async fn set_citizen_last_login(
        &self,
        citizen_id: CitizenId,
        at: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE citizens SET last_login_at=$1, last_activity_at=$1 WHERE id=$2")
            .bind(ts(at))
            .bind(citizen_id.get())
            .execute(&mut *tx)
            .await?;
        crate::search_index::sync_owner(&mut tx, citizen_id.get()).await?;
        tx.commit().await?;
        Ok(())
    }
}

impl Store {
    /// Citizens whose last activity is older than `before`, with that time: candidates for
    /// the retention rule, which the caller applies exactly.
    pub async fn citizens_inactive_since(
        &self,
        before: DateTime<Utc>,
    ) -> Result<Vec<(CitizenId, DateTime<Utc>)>> {
        let rows = sqlx::query(
            "SELECT id, last_activity_at FROM citizens WHERE last_activity_at < $1 ORDER BY id",
        )
        .bind(ts(before))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    CitizenId::new(r.try_get("id")?),
                    from_ts(r.try_get("last_activity_at")?),
                ))
            })
            .collect()
    }

    /// Deletes a citizen's profile and everything hanging from it (CV, history, sessions).
    /// A CV offered to EURES is closed (the closure stays for the poller, naming no one).
    /// The deletion is written to the deletion ledger in the same transaction (the CPR
    /// number by its keyed pseudonym, `backup::LedgerKey`), so that a restored backup
    /// deletes the profile again (`Store::replay_deletion_ledger`).
    #[tracing::instrument(skip(self))]
    pub async fn delete_citizen(&self, citizen_id: CitizenId, now: DateTime<Utc>) -> Result<()> {
        self.delete_citizen_as_of(citizen_id, now, now).await
    }

    /// `delete_citizen`, with the ledger's time given: a restore's replay deletes again as
    /// of the first deletion, so that the ledger row keeps its time.
    pub(crate) async fn delete_citizen_as_of(
        &self,
        citizen_id: CitizenId,
        now: DateTime<Utc>,
        deleted_at: DateTime<Utc>,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let cpr: Option<String> = sqlx::query_scalar("SELECT cpr FROM citizens WHERE id = $1")
            .bind(citizen_id.get())
            .fetch_optional(&mut *tx)
            .await?;
        if let Some(cpr) = cpr {
            crate::backup::write_ledger(&mut tx, &self.ledger_key.pseudonym(&cpr), deleted_at)
                .await?;
        }
        crate::eures::forget_citizen_in(&mut tx, citizen_id.get(), now).await?;
        sqlx::query("DELETE FROM sessions WHERE actor_kind = $1 AND subject_id = $2")
            .bind(jobspor::policy::ActorKind::Citizen.as_str())
            .bind(citizen_id.get())
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM citizens WHERE id = $1")
            .bind(citizen_id.get())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// How notices reach a citizen, and in which language, from a scan's row with the columns
/// `email`, `phone`, `sms_reminders`, `email_reminders` and `language` (the citizen's).
pub(crate) fn reach_of(r: &AnyRow) -> Result<(jobspor::notices::Reach, Lang)> {
    Ok((
        jobspor::notices::Reach {
            email: r.try_get("email")?,
            phone: r.try_get("phone")?,
            sms_reminders: r.try_get::<i64, _>("sms_reminders")? != 0,
            email_reminders: r.try_get::<i64, _>("email_reminders")? != 0,
        },
        Lang::from_code(&r.try_get::<String, _>("language")?).unwrap_or_default(),
    ))
}

/// The citizen's reminder choices (sms, e-mail), read in the transaction that changes them.
async fn reminders_in(
    conn: &mut sqlx::AnyConnection,
    citizen_id: CitizenId,
) -> Result<(bool, bool)> {
    let row = sqlx::query("SELECT sms_reminders, email_reminders FROM citizens WHERE id = $1")
        .bind(citizen_id.get())
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok((
        row.try_get::<i64, _>("sms_reminders")? != 0,
        row.try_get::<i64, _>("email_reminders")? != 0,
    ))
}

/// A citizen's record, read on `conn` (a transaction's, when the read is recorded with it).
pub(crate) async fn citizen_in(
    conn: &mut sqlx::AnyConnection,
    citizen_id: CitizenId,
) -> Result<CitizenRecord> {
    let row = sqlx::query("SELECT * FROM citizens WHERE id = $1")
        .bind(citizen_id.get())
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(CitizenRecord {
        id: CitizenId::new(row.try_get("id")?),
        person: person_from_row(&row)?,
        register_source: row.try_get("register_source")?,
        register_fetched_at: from_ts(row.try_get("register_fetched_at")?),
        username: row.try_get("username")?,
        phone: row.try_get("phone")?,
        email: row.try_get("email")?,
        sms_reminders: row.try_get::<i64, _>("sms_reminders")? != 0,
        email_reminders: row.try_get::<i64, _>("email_reminders")? != 0,
        last_login_at: from_ts(row.try_get("last_login_at")?),
        restricted_at: row.try_get::<Option<i64>, _>("restricted_at")?.map(from_ts),
        language: {
            let code: String = row.try_get("language")?;
            Lang::from_code(&code).ok_or(StoreError::Corrupt {
                what: "citizens.language",
                value: code,
            })?
        },
    })
}
