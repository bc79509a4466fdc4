//! Delivering the outbox (issue 23): a worker claims due deliveries
//! (`Store::claim_deliveries`), sends each by its channel, and marks it sent, or failed for
//! now (tried again later) or for good. E-mail goes over SMTP with `lettre`; SMS through a
//! gateway, here only the simulation (`SimulatedSmsGateway`).
//!
//! The production SMS adapter's shape: an HTTPS client of the gateway's send endpoint
//! (recipient, sender id, text; an API key from the environment), answering `Ok` when the
//! gateway accepted the message and `Err` with the gateway's reason otherwise, so the outbox
//! tries again; receipts, where the gateway offers them, can later mark a delivery failed.
use chrono::{DateTime, Duration, Utc};
use jobspor::notices::Channel;
use jobspor_store::outbox::DeliveryStatus;
use jobspor_store::{Store, StoreError};
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// How long a claimed delivery is this worker's before another may take it.
pub const LEASE: Duration = Duration::minutes(5);
/// Deliveries claimed at a time.
pub const BATCH: i64 = 100;

#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error("the SMTP server's address {0}")]
    Url(String, #[source] lettre::transport::smtp::Error),
    #[error("the sender's address {0}")]
    From(String, #[source] lettre::address::AddressError),
}

/// E-mail over SMTP.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// `url`: `smtp://host:port` (plain, the local server), `smtp://host?tls=required` or
    /// `smtps://user:password@host` (TLS); `from`: the sender, e.g.
    /// `Jobspor <noreply@jobspor.dk>`.
    pub fn new(url: &str, from: &str) -> Result<Mailer, MailerError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailerError::Url(url.to_string(), e))?
            .timeout(Some(std::time::Duration::from_secs(10)))
            .build();
        let from = from
            .parse()
            .map_err(|e| MailerError::From(from.to_string(), e))?;
        Ok(Mailer { transport, from })
    }

    async fn send(&self, to: &str, subject: &str, body: &str) -> Result<(), String> {
        let to: Mailbox = to.parse().map_err(|e| format!("the recipient: {e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body.to_string())
            .map_err(|e| format!("the message: {e}"))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// The SMS gateway's simulation: it keeps each text in the database
/// (`Store::simulated_sms`) instead of sending it.
#[derive(Clone)]
pub struct SimulatedSmsGateway {
    store: Store,
}

impl SimulatedSmsGateway {
    pub fn new(store: Store) -> Self {
        SimulatedSmsGateway { store }
    }

    async fn send(&self, to: &str, text: &str, now: DateTime<Utc>) -> Result<(), String> {
        self.store
            .record_simulated_sms(to, text, now)
            .await
            .map_err(|e| e.to_string())
    }
}

/// The channels a notice leaves by.
#[derive(Clone)]
pub struct Senders {
    pub mail: Mailer,
    pub sms: SimulatedSmsGateway,
}

/// What one round of delivery did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: u64,
    /// Failed this time, to be tried again.
    pub retrying: u64,
    /// Failed the last try: for operators (`jobspor-server notices --failed`).
    pub failed: u64,
}

impl DeliveryReport {
    pub fn is_empty(&self) -> bool {
        self.sent + self.retrying + self.failed == 0
    }
}

/// Claims up to `BATCH` due deliveries and delivers them.
pub async fn deliver_due(
    store: &Store,
    senders: &Senders,
    now: DateTime<Utc>,
) -> Result<DeliveryReport, StoreError> {
    let mut report = DeliveryReport::default();
    for d in store.claim_deliveries(BATCH, LEASE, now).await? {
        let sent = match d.channel {
            Channel::Email => senders.mail.send(&d.recipient, &d.subject, &d.body).await,
            Channel::Sms => senders.sms.send(&d.recipient, &d.body, now).await,
        };
        match sent {
            Ok(()) => {
                store.delivery_sent(d.id, now).await?;
                report.sent += 1;
            }
            Err(error) => {
                // The delivery's id only: the recipient is personal data.
                tracing::warn!(delivery = d.id, attempts = d.attempts, %error, "a delivery failed");
                match store.delivery_failed(&d, &error, now).await? {
                    DeliveryStatus::Failed => report.failed += 1,
                    _ => report.retrying += 1,
                }
            }
        }
    }
    Ok(report)
}
