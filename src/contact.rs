//! What the citizen types in themselves at first login (seed 000, "Følgende personoplysninger
//! indtaster du selv"): username, password, mobile/phone, e-mail, SMS and e-mail reminders.
use crate::messages::Msg;
use crate::validation::{checkbox, serde_via_parse, FieldErrors};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Username(String);

impl Username {
    /// 3-40 characters: letters (æøå too), digits, `.`, `-`, `_`. Stored lower-case so
    /// "Mette" and "mette" are one user.
    pub fn parse(raw: &str) -> Result<Username, Msg> {
        let t = raw.trim().to_lowercase();
        let n = t.chars().count();
        let ok_chars = t
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'));
        if t.is_empty() {
            Err(Msg::Required)
        } else if !(3..=40).contains(&n) || !ok_chars {
            Err(Msg::UsernameInvalid)
        } else {
            Ok(Username(t))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

serde_via_parse!(Username, Email, Phone);

/// A password as typed, on its way to the hasher. Not `Serialize`, and `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

pub const PASSWORD_MIN: usize = 10;
pub const PASSWORD_MAX: usize = 128;

impl Password {
    /// At least 10 characters and not one of the commonly used passwords (NIST 800-63B
    /// style: length and a blocklist, not composition rules).
    pub fn parse(raw: &str) -> Result<Password, Msg> {
        let n = raw.chars().count();
        if n == 0 {
            Err(Msg::Required)
        } else if n < PASSWORD_MIN {
            Err(Msg::PasswordTooShort)
        } else if n > PASSWORD_MAX {
            Err(Msg::PasswordTooLong)
        } else if common_passwords::is_common(raw) {
            Err(Msg::PasswordTooCommon)
        } else {
            Ok(Password(raw.to_string()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// The passwords too common to accept.
///
/// Source: SecLists (github.com/danielmiessler/SecLists, MIT licence),
/// `Passwords/Common-Credentials/10k-most-common.txt`, commit 4f84b3c2, one password a line
/// as published (line endings made LF); see `src/data/README.md`.
pub mod common_passwords {
    use std::collections::HashSet;
    use std::sync::OnceLock;

    // The browser's check leaves this one to the server (which always parses again): the
    // list would add 73 KB to the page's first download.
    #[cfg(not(target_arch = "wasm32"))]
    const LIST: &str = include_str!("data/common_passwords.txt");
    #[cfg(target_arch = "wasm32")]
    const LIST: &str = "";

    fn set() -> &'static HashSet<&'static str> {
        static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
        SET.get_or_init(|| {
            LIST.lines()
                .map(str::trim_end)
                .filter(|l| !l.is_empty())
                .collect()
        })
    }

    /// True when the password, in lower case, is on the list. The list is lower case.
    pub fn is_common(password: &str) -> bool {
        set().contains(password.to_lowercase().as_str())
    }

    /// How many passwords the list holds.
    pub fn len() -> usize {
        set().len()
    }
}

/// A new password and its repetition: the new one parsed (`Password::parse`), the repetition
/// the same. The profile form and the change-password form share this rule.
fn new_password(
    e: &mut FieldErrors,
    (field, raw): (&str, &str),
    (repeat_field, repeat): (&str, &str),
) -> Option<Password> {
    let password = e.check(field, Password::parse(raw));
    if password.is_some() && raw != repeat {
        e.add(repeat_field, Msg::PasswordMismatch);
    }
    password
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// One `@`, something before it, a domain with a dot after it, no spaces.
    pub fn parse(raw: &str) -> Result<Email, Msg> {
        let t = raw.trim();
        if t.is_empty() {
            return Err(Msg::Required);
        }
        let mut parts = t.split('@');
        let (local, domain) = match (parts.next(), parts.next(), parts.next()) {
            (Some(l), Some(d), None) => (l, d),
            _ => return Err(Msg::EmailInvalid),
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..");
        if local.is_empty() || !domain_ok || t.len() > 254 || t.chars().any(char::is_whitespace) {
            return Err(Msg::EmailInvalid);
        }
        Ok(Email(t.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

impl Phone {
    /// A Danish number has 8 digits (a leading +45 is dropped); a foreign one starts with
    /// `+` and has 7-15 digits. Spaces and dashes are ignored.
    pub fn parse(raw: &str) -> Result<Phone, Msg> {
        let t: String = raw
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .collect();
        if t.is_empty() {
            return Err(Msg::Required);
        }
        let (plus, digits) = match t.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, t.as_str()),
        };
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(Msg::PhoneInvalid);
        }
        match (plus, digits.len()) {
            (false, 8) => Ok(Phone(digits.to_string())),
            (true, 10) if digits.starts_with("45") => Ok(Phone(digits[2..].to_string())),
            (true, 7..=15) if !digits.starts_with("45") => Ok(Phone(format!("+{digits}"))),
            _ => Err(Msg::PhoneInvalid),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `12 34 56 78` for Danish numbers, as given for foreign ones.
    pub fn display(&self) -> String {
        if self.0.len() == 8 && !self.0.starts_with('+') {
            let b = self.0.as_bytes();
            format!(
                "{} {} {} {}",
                std::str::from_utf8(&b[0..2]).unwrap_or(""),
                std::str::from_utf8(&b[2..4]).unwrap_or(""),
                std::str::from_utf8(&b[4..6]).unwrap_or(""),
                std::str::from_utf8(&b[6..8]).unwrap_or("")
            )
        } else {
            self.0.clone()
        }
    }
}

/// The profile form as the browser sends it: every field a string, nothing trusted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    pub username: String,
    pub password: String,
    pub password_repeat: String,
    pub phone: String,
    pub email: String,
    pub sms_reminders: String,
    pub email_reminders: String,
}

/// A parsed profile. Phone and e-mail are optional, but a reminder needs its channel.
#[derive(Debug, Clone)]
pub struct ProfileInput {
    pub username: Username,
    pub password: Password,
    pub phone: Option<Phone>,
    pub email: Option<Email>,
    pub sms_reminders: bool,
    pub email_reminders: bool,
}

impl ProfileForm {
    /// The fields that may be echoed back to the form after a refusal (never passwords).
    pub fn without_secrets(&self) -> ProfileForm {
        ProfileForm {
            password: String::new(),
            password_repeat: String::new(),
            ..self.clone()
        }
    }
}

fn optional<T>(raw: &str, parse: fn(&str) -> Result<T, Msg>) -> Result<Option<T>, Msg> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        parse(raw).map(Some)
    }
}

/// Phone, e-mail and the choice of reminders, as the browser sends them: at first login
/// (inside `ProfileForm`) and whenever the citizen changes them (issue 26).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactForm {
    pub phone: String,
    pub email: String,
    pub sms_reminders: String,
    pub email_reminders: String,
}

/// Parsed contact details. Both optional, but a reminder needs its channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactDetails {
    pub phone: Option<Phone>,
    pub email: Option<Email>,
    pub sms_reminders: bool,
    pub email_reminders: bool,
}

impl ContactDetails {
    /// The one rule for contact details, adding its errors to `e`.
    fn check(e: &mut FieldErrors, f: &ContactForm) -> Option<ContactDetails> {
        let phone = e.check("phone", optional(&f.phone, Phone::parse));
        let email = e.check("email", optional(&f.email, Email::parse));
        let sms_reminders = checkbox(&f.sms_reminders);
        let email_reminders = checkbox(&f.email_reminders);
        if sms_reminders && matches!(phone, Some(None)) {
            e.add("phone", Msg::RemindersNeedContact);
        }
        if email_reminders && matches!(email, Some(None)) {
            e.add("email", Msg::RemindersNeedContact);
        }
        Some(ContactDetails {
            phone: phone?,
            email: email?,
            sms_reminders,
            email_reminders,
        })
    }
}

impl TryFrom<&ContactForm> for ContactDetails {
    type Error = FieldErrors;

    fn try_from(f: &ContactForm) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let details = ContactDetails::check(&mut e, f);
        e.finish(|| details)
    }
}

impl TryFrom<&ProfileForm> for ProfileInput {
    type Error = FieldErrors;

    fn try_from(f: &ProfileForm) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let username = e.check("username", Username::parse(&f.username));
        let password = new_password(
            &mut e,
            ("password", &f.password),
            ("password_repeat", &f.password_repeat),
        );
        let contact = ContactDetails::check(
            &mut e,
            &ContactForm {
                phone: f.phone.clone(),
                email: f.email.clone(),
                sms_reminders: f.sms_reminders.clone(),
                email_reminders: f.email_reminders.clone(),
            },
        );
        e.finish(|| {
            let contact = contact?;
            Some(ProfileInput {
                username: username?,
                password: password?,
                phone: contact.phone,
                email: contact.email,
                sms_reminders: contact.sms_reminders,
                email_reminders: contact.email_reminders,
            })
        })
    }
}

/// "Skift adgangskode" as the browser sends it. `Debug` hides the passwords, and nothing of
/// it is ever echoed back.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChangePasswordForm {
    pub current: String,
    pub new: String,
    pub new_repeat: String,
}

impl std::fmt::Debug for ChangePasswordForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ChangePasswordForm(***)")
    }
}

/// A parsed password change: the current password as typed (checked against the stored
/// hash by the server, not here: it may predate today's rules) and the new one.
#[derive(Clone)]
pub struct PasswordChange {
    current: String,
    pub new: Password,
}

impl PasswordChange {
    pub fn current(&self) -> &str {
        &self.current
    }
}

impl std::fmt::Debug for PasswordChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordChange(***)")
    }
}

impl TryFrom<&ChangePasswordForm> for PasswordChange {
    type Error = FieldErrors;

    fn try_from(f: &ChangePasswordForm) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        if f.current.is_empty() {
            e.add("current", Msg::Required);
        }
        let new = new_password(&mut e, ("new", &f.new), ("new_repeat", &f.new_repeat));
        e.finish(|| {
            Some(PasswordChange {
                current: f.current.clone(),
                new: new?,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ProfileForm {
        ProfileForm {
            username: "Mette.J".into(),
            password: "en lang adgangskode".into(),
            password_repeat: "en lang adgangskode".into(),
            phone: "+45 20 30 40 50".into(),
            email: "mette@eksempel.dk".into(),
            sms_reminders: "on".into(),
            email_reminders: String::new(),
        }
    }

    #[test]
    fn a_good_profile_parses() {
        let p = ProfileInput::try_from(&form()).unwrap();
        assert_eq!(p.username.as_str(), "mette.j");
        assert_eq!(p.phone.unwrap().as_str(), "20304050");
        assert!(p.sms_reminders && !p.email_reminders);
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let f = ProfileForm {
            username: "x".into(),
            password: "kort".into(),
            password_repeat: "kort".into(),
            phone: "123".into(),
            email: "mette.eksempel.dk".into(),
            ..form()
        };
        let e = ProfileInput::try_from(&f).unwrap_err();
        let got: Vec<_> = e.iter().map(|e| (e.field.as_str(), e.key)).collect();
        assert_eq!(
            got,
            [
                ("username", Msg::UsernameInvalid),
                ("password", Msg::PasswordTooShort),
                ("phone", Msg::PhoneInvalid),
                ("email", Msg::EmailInvalid),
            ]
        );
    }

    #[test]
    fn reminders_need_their_channel() {
        let f = ProfileForm {
            phone: String::new(),
            email: String::new(),
            email_reminders: "on".into(),
            ..form()
        };
        let e = ProfileInput::try_from(&f).unwrap_err();
        assert_eq!(
            e.for_field("phone").map(|e| e.key),
            Some(Msg::RemindersNeedContact)
        );
        assert_eq!(
            e.for_field("email").map(|e| e.key),
            Some(Msg::RemindersNeedContact)
        );
    }

    #[test]
    fn passwords_must_match_and_are_never_echoed() {
        let f = ProfileForm {
            password_repeat: "noget andet helt".into(),
            ..form()
        };
        let e = ProfileInput::try_from(&f).unwrap_err();
        assert_eq!(
            e.for_field("password_repeat").map(|e| e.key),
            Some(Msg::PasswordMismatch)
        );
        assert!(f.without_secrets().password.is_empty());
        assert!(
            !format!("{:?}", Password::parse("hemmelig-kode-123").unwrap()).contains("hemmelig")
        );
    }

    #[test]
    fn the_most_common_passwords_are_refused_in_any_case() {
        assert_eq!(common_passwords::len(), 10_000);
        for listed in ["basketball", "1234567890", "qwertyuiop", "BasketBall"] {
            assert_eq!(
                Password::parse(listed),
                Err(Msg::PasswordTooCommon),
                "{listed}"
            );
        }
        // Too short is said first: the list's short entries are refused by length.
        assert_eq!(Password::parse("password"), Err(Msg::PasswordTooShort));
        for fine in [
            "demo-adgangskode",
            "en-lang-adgangskode",
            "en lang adgangskode",
            "kx9#Tq2!mVb7",
        ] {
            assert!(Password::parse(fine).is_ok(), "{fine}");
            assert!(!common_passwords::is_common(fine), "{fine}");
        }
    }

    #[test]
    fn a_password_change_needs_the_current_one_and_a_good_new_one_twice() {
        let form = |current: &str, new: &str, repeat: &str| ChangePasswordForm {
            current: current.into(),
            new: new.into(),
            new_repeat: repeat.into(),
        };
        let ok = PasswordChange::try_from(&form("gammel", "en helt ny kode", "en helt ny kode"))
            .unwrap();
        assert_eq!(ok.current(), "gammel");
        assert_eq!(ok.new.expose(), "en helt ny kode");
        let keys = |f: ChangePasswordForm| -> Vec<(String, Msg)> {
            PasswordChange::try_from(&f)
                .unwrap_err()
                .iter()
                .map(|e| (e.field.clone(), e.key))
                .collect()
        };
        assert_eq!(
            keys(form("", "", "")),
            [
                ("current".into(), Msg::Required),
                ("new".into(), Msg::Required)
            ]
        );
        assert_eq!(
            keys(form("gammel", "basketball", "basketball")),
            [("new".into(), Msg::PasswordTooCommon)]
        );
        assert_eq!(
            keys(form("gammel", "en helt ny kode", "en anden ny kode")),
            [("new_repeat".into(), Msg::PasswordMismatch)]
        );
        let secret = form("hemmelig-gammel", "hemmelig-ny-kode", "hemmelig-ny-kode");
        assert!(!format!("{secret:?}").contains("hemmelig"));
        let parsed = PasswordChange::try_from(&secret).unwrap();
        assert!(!format!("{parsed:?}").contains("hemmelig"));
    }

    #[test]
    fn emails_and_phones() {
        assert!(Email::parse("a@b.dk").is_ok());
        for bad in [
            "ab.dk", "a@b", "@b.dk", "a@@b.dk", "a b@c.dk", "a@.dk", "a@b..dk",
        ] {
            assert_eq!(Email::parse(bad), Err(Msg::EmailInvalid), "{bad}");
        }
        assert_eq!(
            Phone::parse("20 30 40 50").unwrap().display(),
            "20 30 40 50"
        );
        assert_eq!(
            Phone::parse("+46 70 123 45 67").unwrap().as_str(),
            "+46701234567"
        );
        for bad in ["1234567", "+45 1234", "2030404x", "+1"] {
            assert_eq!(Phone::parse(bad), Err(Msg::PhoneInvalid), "{bad}");
        }
    }

    /// What `T` reads from a JSON string, and the JSON it writes back.
    fn via_json<T>(raw: &str) -> Result<String, String>
    where
        T: serde::de::DeserializeOwned + Serialize,
    {
        let json = serde_json::to_string(raw).unwrap();
        let value: T = serde_json::from_str(&json).map_err(|e| e.to_string())?;
        Ok(serde_json::to_string(&value).unwrap())
    }

    #[test]
    fn contact_values_deserialize_only_through_their_parser() {
        // (value on the wire, what it reads as, or the parser's refusal)
        let usernames = [
            ("mette.h", Ok("mette.h")),
            ("Mette", Ok("mette")),
            ("ab", Err(Msg::UsernameInvalid)),
            ("mette h", Err(Msg::UsernameInvalid)),
            ("", Err(Msg::Required)),
        ];
        let emails = [
            ("a@b.dk", Ok("a@b.dk")),
            (" a@b.dk ", Ok("a@b.dk")),
            ("a@b", Err(Msg::EmailInvalid)),
            ("a b@c.dk", Err(Msg::EmailInvalid)),
        ];
        let phones = [
            ("20304050", Ok("20304050")),
            ("+45 20 30 40 50", Ok("20304050")),
            ("+46701234567", Ok("+46701234567")),
            ("1234567", Err(Msg::PhoneInvalid)),
            ("", Err(Msg::Required)),
        ];
        for (cases, read) in [
            (
                &usernames[..],
                via_json::<Username> as fn(&str) -> Result<String, String>,
            ),
            (&emails[..], via_json::<Email>),
            (&phones[..], via_json::<Phone>),
        ] {
            for (raw, expected) in cases {
                let got = read(raw);
                match expected {
                    Ok(canonical) => {
                        assert_eq!(got, Ok(serde_json::to_string(canonical).unwrap()), "{raw}");
                        // What was written reads back as the same value.
                        assert_eq!(read(canonical), got, "{raw}");
                    }
                    Err(key) => {
                        let e = got.expect_err(raw);
                        assert!(e.starts_with(key.key()), "{raw}: {e}");
                    }
                }
            }
        }
    }

    #[test]
    fn contact_details_change_by_the_first_logins_rules() {
        let f = ContactForm {
            phone: "20 30 40 50".into(),
            email: String::new(),
            sms_reminders: "on".into(),
            email_reminders: "on".into(),
        };
        let e = ContactDetails::try_from(&f).unwrap_err();
        assert_eq!(
            e.for_field("email").map(|e| e.key),
            Some(Msg::RemindersNeedContact)
        );
        assert!(e.for_field("phone").is_none());
        let ok = ContactForm {
            email: "navn@eksempel.dk".into(),
            ..f
        };
        let d = ContactDetails::try_from(&ok).unwrap();
        assert!(d.sms_reminders && d.email_reminders);
        assert_eq!(
            d.email.map(|e| e.as_str().to_string()),
            Some("navn@eksempel.dk".into())
        );
        let none = ContactDetails::try_from(&ContactForm::default()).unwrap();
        assert_eq!(
            (none.phone, none.email, none.sms_reminders),
            (None, None, false)
        );
    }
}
