//! Telling citizens about a security incident (issue 23; seed 000: affected citizens are
//! told "hurtigst muligt, uden unødig forsinkelse"): `jobspor-server notify-incident
//! --citizens FILE --text FILE` queues one notice to each listed citizen through the outbox,
//! by every channel the citizen can be reached by, and in Mine beskeder.
use chrono::{DateTime, Utc};
use jobspor::cpr::Cpr;
use jobspor::notices::{channels, idempotency_key, Channel, NoticeKind, Reach};
use jobspor_store::outbox::NewNotice;
use jobspor_store::{Store, StoreError};
use sha2::{Digest, Sha256};

/// How many of the listed citizens were reached, and how.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct IncidentReport {
    pub listed: u64,
    /// No profile here (or not a CPR number): nobody to tell.
    pub not_found: u64,
    pub by_email: u64,
    pub by_sms: u64,
    /// Neither e-mail nor phone: in Mine beskeder only.
    pub inbox_only: u64,
    /// Told about this incident before (the same text): not queued again.
    pub already_told: u64,
}

/// Queues the notice `text` to each citizen in `cprs` (one CPR number per line; blank lines
/// and `#` comments skipped). The same text to the same citizen is queued once.
pub async fn notify_incident(
    store: &Store,
    cprs: &str,
    text: &str,
    portal: &str,
    now: DateTime<Utc>,
) -> Result<IncidentReport, StoreError> {
    let mut report = IncidentReport::default();
    let text = text.trim();
    let period = hex::encode(&Sha256::digest(text.as_bytes())[..8]);
    for line in cprs.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        report.listed += 1;
        let Some(id) = (match Cpr::parse(line) {
            Ok(cpr) => store.citizen_id_by_cpr(cpr.digits()).await?,
            Err(_) => None,
        }) else {
            report.not_found += 1;
            continue;
        };
        let c = store.citizen(id).await?;
        let reach = Reach {
            email: c.email.clone(),
            phone: c.phone.clone(),
            sms_reminders: c.sms_reminders,
            email_reminders: c.email_reminders,
        };
        let kind = NoticeKind::Incident;
        let deliveries = channels(kind, &reach);
        let lang = c.language;
        let notice = NewNotice {
            citizen_id: id,
            kind,
            key: idempotency_key(id.get(), kind, &period),
            subject: kind.label(lang).to_string(),
            body: format!(
                "{text}\n\n{} {portal}",
                lang.pick("Log på Jobspor her:", "Log in to Jobspor here:")
            ),
            sms: format!(
                "{} {portal}",
                lang.pick(
                    "Jobspor: Vigtig besked om dine oplysninger. Læs den i Mine beskeder:",
                    "Jobspor: Important message about your data. Read it in My messages:"
                )
            ),
            sender: None,
            email: None,
            deliveries: deliveries.clone(),
        };
        if !store.queue_notice(&notice, now).await? {
            report.already_told += 1;
            continue;
        }
        if deliveries.is_empty() {
            report.inbox_only += 1;
        }
        for (channel, _) in deliveries {
            match channel {
                Channel::Email => report.by_email += 1,
                Channel::Sms => report.by_sms += 1,
            }
        }
    }
    Ok(report)
}
