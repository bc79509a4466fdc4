//! Notices to citizens (issue 23; seed 000): what is sent, when, to which channels, in which
//! words, and how often a delivery is tried. The store's outbox holds them; the server's
//! worker delivers them.
use crate::choices::choices;
use crate::lang::Lang;
use crate::{dates, retention};
use chrono::{DateTime, Duration, Utc};

choices! {
    /// Why a citizen is told something. The label is the notice's subject.
    NoticeKind {
        SearchableReminder = "searchable_reminder", "Dit CV holder snart op med at være søgbart", "Your CV will soon stop being searchable";
        DeletionWarning = "deletion_warning", "Din profil i Jobspor bliver snart slettet", "Your profile in Jobspor will soon be deleted";
        CaseworkerMessage = "caseworker_message", "Du har fået en besked fra dit jobcenter", "You have a message from your jobcentre";
        Incident = "incident", "Vigtig besked om dine oplysninger i Jobspor", "Important message about your data in Jobspor";
        JoblogSilence = "joblog_silence", "Du har ikke registreret jobsøgning i 30 dage", "You have not registered any job search for 30 days";
        MeetingSummons = "meeting_summons", "Du er indkaldt til et møde i jobcentret", "You have been summoned to a meeting at the jobcentre";
        MeetingReminder = "meeting_reminder", "Husk dit møde i jobcentret i morgen", "Remember your meeting at the jobcentre tomorrow";
        MeetingChanged = "meeting_changed", "Jobcentret har ændret dit møde", "The jobcentre has changed your meeting";
        MeetingCancelled = "meeting_cancelled", "Jobcentret har aflyst dit møde", "The jobcentre has cancelled your meeting";
    }
}

choices! {
    /// How a notice leaves the portal (besides Mine beskeder, where every notice lands).
    Channel {
        Email = "email", "E-mail", "E-mail";
        Sms = "sms", "Sms", "Text message";
    }
}

impl NoticeKind {
    /// Kinds about a period of inactivity: a login ends the period, and what is still
    /// queued for it is cancelled.
    pub fn ends_with_login(self) -> bool {
        matches!(
            self,
            NoticeKind::SearchableReminder | NoticeKind::DeletionWarning
        )
    }
}

/// What the citizen has told us about reaching them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reach {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub sms_reminders: bool,
    pub email_reminders: bool,
}

/// Where a notice of `kind` goes, besides Mine beskeder. The seed's mails at 10 weeks and
/// before deletion go to the e-mail address whenever the citizen gave one; by SMS only when
/// the citizen chose SMS reminders (and so the notice after 30 days without a joblog
/// registration). A caseworker's message and the meetings' notices go as the citizen chose.
/// A security incident goes everywhere the citizen can be reached. No contact data: no
/// channel, and the notice is in Mine beskeder only.
pub fn channels(kind: NoticeKind, reach: &Reach) -> Vec<(Channel, String)> {
    let email = reach.email.clone().filter(|e| !e.trim().is_empty());
    let phone = reach.phone.clone().filter(|p| !p.trim().is_empty());
    let (by_email, by_sms) = match kind {
        // 30 days without a joblog registration puts the benefit at stake: like the seed's
        // mails, to any e-mail address given.
        NoticeKind::SearchableReminder
        | NoticeKind::DeletionWarning
        | NoticeKind::JoblogSilence => (true, reach.sms_reminders),
        NoticeKind::CaseworkerMessage
        | NoticeKind::MeetingSummons
        | NoticeKind::MeetingReminder
        | NoticeKind::MeetingChanged
        | NoticeKind::MeetingCancelled => (reach.email_reminders, reach.sms_reminders),
        NoticeKind::Incident => (true, true),
    };
    let mut out = Vec::new();
    if let (true, Some(e)) = (by_email, email) {
        out.push((Channel::Email, e));
    }
    if let (true, Some(p)) = (by_sms, phone) {
        out.push((Channel::Sms, p));
    }
    out
}

/// The idempotency key of a notice: the citizen, the kind and the period it is about (for
/// the inactivity notices the last login, which a new login replaces), so the same notice is
/// never queued twice.
pub fn idempotency_key(citizen_id: i64, kind: NoticeKind, period: &str) -> String {
    format!("{citizen_id}:{}:{period}", kind.code())
}

/// The period an inactivity notice is about: the last login, to the second.
pub fn inactivity_period(last_login: DateTime<Utc>) -> String {
    last_login.timestamp().to_string()
}

/// A notice's words: the subject, the text in Mine beskeder and in the e-mail, and the
/// short text of an SMS. Never anything sensitive (no CPR number, no health data, no CV
/// text): a link to the portal says where to read more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeText {
    pub subject: String,
    pub body: String,
    pub sms: String,
}

/// The words of the inactivity notices, for a citizen last logged in at `last_login`.
/// `portal`: the portal's public address, where to log in.
pub fn inactivity_text(
    kind: NoticeKind,
    last_login: DateTime<Utc>,
    lang: Lang,
    portal: &str,
) -> NoticeText {
    let subject = kind.label(lang).to_string();
    let (body, sms) = match kind {
        NoticeKind::SearchableReminder => {
            let until = dates::format_da(dates::danish_date(
                last_login + retention::SEARCHABLE_WITHOUT_LOGIN,
            ));
            (
                lang.pick(
                    format!("Du har ikke været logget på Jobspor i 10 uger. Dit CV holder op med at være søgbart for arbejdsgivere den {until}, medmindre du logger på inden da. Så kan du holde dit CV søgbart.\n\nLog på her: {portal}"),
                    format!("You have not logged in to Jobspor for 10 weeks. Your CV stops being searchable for employers on {until} unless you log in before then. That keeps your CV searchable.\n\nLog in here: {portal}"),
                ),
                lang.pick(
                    format!("Jobspor: Dit CV er ikke længere søgbart fra {until}, medmindre du logger på: {portal}"),
                    format!("Jobspor: Your CV stops being searchable on {until} unless you log in: {portal}"),
                ),
            )
        }
        _ => {
            let on = dates::format_da(dates::danish_date(retention::profile_deletion_at(
                last_login,
            )));
            (
                lang.pick(
                    format!("Du har ikke været logget på Jobspor i 18 måneder. Din profil og dit CV bliver slettet den {on}, medmindre du logger på inden da.\n\nLog på her: {portal}"),
                    format!("You have not logged in to Jobspor for 18 months. Your profile and your CV will be deleted on {on} unless you log in before then.\n\nLog in here: {portal}"),
                ),
                lang.pick(
                    format!("Jobspor: Din profil bliver slettet den {on}, medmindre du logger på: {portal}"),
                    format!("Jobspor: Your profile will be deleted on {on} unless you log in: {portal}"),
                ),
            )
        }
    };
    NoticeText { subject, body, sms }
}

/// The form a jobcentre's caseworker writes to a citizen with.
pub const MESSAGE_FIELDS: &[crate::form_fields::FieldSpec] = crate::form_fields::field_list![
    crate::form_fields::req(
        "subject",
        "Emne",
        "Subject",
        crate::form_fields::FieldKind::Text { max: 150 }
    ),
    crate::form_fields::req(
        "text",
        "Besked",
        "Message",
        crate::form_fields::FieldKind::TextArea { max: 4000 }
    ),
];

/// How a jobcentre's message is announced by e-mail and SMS: that there is one, from whom,
/// and where to read it — never the message itself nor its subject, which may be about the
/// citizen's case. `body` is the e-mail's text.
pub fn message_announcement(sender: &str, lang: Lang, portal: &str) -> NoticeText {
    NoticeText {
        subject: lang.pick(
            format!("Ny besked fra {sender} i Jobspor"),
            format!("New message from {sender} in Jobspor"),
        ),
        body: lang.pick(
            format!("Du har fået en besked fra {sender} i Jobspor. Log på for at læse den under Mine beskeder: {portal}"),
            format!("You have a message from {sender} in Jobspor. Log in to read it under My messages: {portal}"),
        ),
        sms: lang.pick(
            format!("Jobspor: Ny besked fra {sender}. Læs den i Mine beskeder: {portal}"),
            format!("Jobspor: New message from {sender}. Read it in My messages: {portal}"),
        ),
    }
}

/// How many times a delivery is tried before it is marked failed.
pub const MAX_ATTEMPTS: u32 = 6;

/// When to try again after failed try number `attempts` (1 = the first): a minute, then
/// twice as long each time; `None` after the last try (the delivery has failed).
pub fn retry_after(attempts: u32) -> Option<Duration> {
    (attempts < MAX_ATTEMPTS).then(|| Duration::minutes(1 << (attempts.saturating_sub(1)).min(10)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn reach(email: bool, phone: bool, sms: bool, mail: bool) -> Reach {
        Reach {
            email: email.then(|| "a@eksempel.dk".to_string()),
            phone: phone.then(|| "20304050".to_string()),
            sms_reminders: sms,
            email_reminders: mail,
        }
    }

    fn kinds(v: Vec<(Channel, String)>) -> Vec<Channel> {
        v.into_iter().map(|(c, _)| c).collect()
    }

    #[test]
    fn the_seeds_mails_go_to_a_given_address_and_sms_only_when_chosen() {
        let k = NoticeKind::SearchableReminder;
        assert_eq!(
            kinds(channels(k, &reach(true, true, false, false))),
            [Channel::Email]
        );
        assert_eq!(
            kinds(channels(k, &reach(true, true, true, false))),
            [Channel::Email, Channel::Sms]
        );
        assert_eq!(
            kinds(channels(k, &reach(false, true, true, true))),
            [Channel::Sms]
        );
        assert!(
            channels(k, &reach(false, false, true, true)).is_empty(),
            "inbox only"
        );
        let m = NoticeKind::CaseworkerMessage;
        assert!(channels(m, &reach(true, true, false, false)).is_empty());
        assert_eq!(
            kinds(channels(m, &reach(true, true, false, true))),
            [Channel::Email]
        );
        assert_eq!(
            kinds(channels(
                NoticeKind::Incident,
                &reach(true, true, false, false)
            )),
            [Channel::Email, Channel::Sms]
        );
    }

    #[test]
    fn a_message_is_announced_without_its_text() {
        let NoticeText {
            subject,
            body: mail,
            sms,
        } = message_announcement("Jobcenter Aarhus", Lang::Da, "https://jobspor.dk");
        assert_eq!(subject, "Ny besked fra Jobcenter Aarhus i Jobspor");
        assert!(mail.contains("Jobcenter Aarhus") && mail.contains("https://jobspor.dk"));
        assert!(sms.len() < 160, "{sms}");
        let mut f = crate::form_fields::Fields::new();
        f.insert("subject".into(), "Møde".into());
        assert!(
            crate::form_fields::validate(MESSAGE_FIELDS, &f).is_err(),
            "the text is required"
        );
        f.insert("text".into(), "Vi ses tirsdag.".into());
        assert!(crate::form_fields::validate(MESSAGE_FIELDS, &f).is_ok());
    }

    #[test]
    fn retries_back_off_and_end() {
        assert_eq!(retry_after(1), Some(Duration::minutes(1)));
        assert_eq!(retry_after(2), Some(Duration::minutes(2)));
        assert_eq!(retry_after(5), Some(Duration::minutes(16)));
        assert_eq!(retry_after(MAX_ATTEMPTS), None);
    }

    #[test]
    fn the_texts_name_the_date_and_the_portal_and_nothing_else() {
        let last = Utc.with_ymd_and_hms(2026, 9, 1, 10, 0, 0).unwrap();
        let t = inactivity_text(
            NoticeKind::SearchableReminder,
            last,
            Lang::Da,
            "https://jobspor.dk",
        );
        assert_eq!(t.subject, "Dit CV holder snart op med at være søgbart");
        assert!(
            t.body.contains("24-11-2026") && t.body.contains("https://jobspor.dk"),
            "{}",
            t.body
        );
        assert!(t.sms.len() < 160, "{}", t.sms);
        let t = inactivity_text(
            NoticeKind::DeletionWarning,
            last,
            Lang::En,
            "https://jobspor.dk",
        );
        assert!(t.body.contains("16-03-2028"), "{}", t.body);
        assert!(NoticeKind::DeletionWarning.ends_with_login());
        assert!(!NoticeKind::Incident.ends_with_login());
        assert_eq!(
            idempotency_key(7, NoticeKind::DeletionWarning, &inactivity_period(last)),
            format!("7:deletion_warning:{}", last.timestamp())
        );
    }
}
