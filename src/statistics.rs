//! Statistics without identities (seed 000, "Statistik") and the research project's
//! selected data points (seed 000, the project with Københavns Universitet): pure rules.
//!
//! # The visitor: an address cut to the provider's level
//!
//! The seed: "Oplysningerne indsamles på internetudbyderens IP-adresse niveau, men de sidste
//! 9 cifre erstattes med en ID-nøgle, så IP-adressen ikke kan identificeres ud fra gemte
//! data." An IPv4 address written as 12 digits is four 3-digit octets (`203.000.113.077`);
//! its last 9 digits are the last three octets. `visitor` keeps the first octet only, as the
//! network `203.0.0.0/8`, and puts a key in place of the rest. IPv6 keeps its first 32 bits
//! (`2001:db8::/32`, the size of a provider's allocation from its registry) and keys the
//! rest. An IPv4-mapped IPv6 address (`::ffff:203.0.113.77`) is the IPv4 address it maps.
//!
//! The key is `HMAC-SHA256(day secret, the full address)`, its first 16 hex digits. The day
//! secret is 32 random bytes the server process makes for each Danish day and keeps in memory
//! only (never written to the database, a log or a file), and forgets when the day ends.
//! Within a day one address gives one key, so visitors can be counted per day; once the
//! day's secret is gone the key cannot be turned back into the address, not even by trying
//! all 2^24 addresses of the /8 (or all of a /32): without the secret there is nothing to
//! compare a guess with. Two processes serving together have two secrets, so one visitor
//! who meets both counts twice that day.
//!
//! # The research data points
//!
//! `RESEARCH_PAGES` are the pages whose views the research export names a person for (the
//! seed's "udvalgte sider"); a person is named in the export only by `research_pseudonym`,
//! a keyed HMAC of a stable internal reference (the access log's subject), with a key that
//! is never written into the export.
use chrono::NaiveDate;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::net::IpAddr;

type HmacSha256 = Hmac<Sha256>;

/// HMAC-SHA256 of `message` under `key`, as lowercase hex.
pub fn hmac_hex(key: &[u8], message: &[u8]) -> String {
    // HMAC takes a key of any length; `new_from_slice` cannot fail for it.
    let mut mac = match HmacSha256::new_from_slice(key) {
        Ok(m) => m,
        Err(_) => unreachable_hmac(),
    };
    mac.update(message);
    hex::encode(mac.finalize().into_bytes())
}

#[cold]
fn unreachable_hmac() -> ! {
    panic!("HMAC accepts keys of every length")
}

/// The day's secret (see the module's doc): 32 random bytes, made by the server for one
/// Danish day. Not `Debug`, `Serialize` or `Clone`, so it is not printed or copied by
/// accident.
pub struct DaySecret {
    day: NaiveDate,
    bytes: [u8; 32],
}

impl DaySecret {
    /// A secret for `day` from random bytes the caller drew.
    pub fn new(day: NaiveDate, bytes: [u8; 32]) -> DaySecret {
        DaySecret { day, bytes }
    }

    /// The Danish day it serves.
    pub fn day(&self) -> NaiveDate {
        self.day
    }
}

/// A visitor as statistics keep one: the provider's network and a key for the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visitor {
    /// `203.0.0.0/8` or `2001:db8::/32`.
    pub network: String,
    /// 16 hex digits; the same address gives the same key under the same secret.
    pub key: String,
}

/// Hex digits of the key kept: 64 bits, plenty to tell a day's visitors apart.
pub const VISITOR_KEY_HEX: usize = 16;

/// Cuts `ip` to its provider's network and keys the rest under the day's `secret`.
pub fn visitor(ip: IpAddr, secret: &DaySecret) -> Visitor {
    let ip = match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(v6),
        },
        v4 => v4,
    };
    let network = match ip {
        IpAddr::V4(v4) => format!("{}.0.0.0/8", v4.octets()[0]),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            let net = std::net::Ipv6Addr::new(s[0], s[1], 0, 0, 0, 0, 0, 0);
            format!("{net}/32")
        }
    };
    let full = match ip {
        IpAddr::V4(v4) => v4.octets().to_vec(),
        IpAddr::V6(v6) => v6.octets().to_vec(),
    };
    let mut key = hmac_hex(&secret.bytes, &full);
    key.truncate(VISITOR_KEY_HEX);
    Visitor { network, key }
}

/// What the statistics record, besides a page view's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StatEvent {
    /// A successful GET of an HTML page.
    PageView,
    /// A citizen logged in (MitID or password).
    Login,
    /// A citizen logged out ("Log af").
    Logout,
    /// A citizen turned a reminder (SMS or e-mail: `ReminderChannel`) on...
    ReminderOn,
    /// ...or off.
    ReminderOff,
    /// An employer opened a CV (the seed: when, which CV, which company).
    CvOpened,
}

impl StatEvent {
    pub const ALL: [StatEvent; 6] = [
        StatEvent::PageView,
        StatEvent::Login,
        StatEvent::Logout,
        StatEvent::ReminderOn,
        StatEvent::ReminderOff,
        StatEvent::CvOpened,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            StatEvent::PageView => "page_view",
            StatEvent::Login => "login",
            StatEvent::Logout => "logout",
            StatEvent::ReminderOn => "reminder_on",
            StatEvent::ReminderOff => "reminder_off",
            StatEvent::CvOpened => "cv_opened",
        }
    }

    pub fn from_code(code: &str) -> Option<StatEvent> {
        StatEvent::ALL.into_iter().find(|e| e.code() == code)
    }
}

/// The reminder service's two channels (the seed's "sms/e-mail service").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderChannel {
    Sms,
    Email,
}

impl ReminderChannel {
    pub const fn code(self) -> &'static str {
        match self {
            ReminderChannel::Sms => "sms",
            ReminderChannel::Email => "email",
        }
    }
}

/// The reminder events of a change from `before` to `after` (sms, e-mail): one per channel
/// turned on or off, none for a channel left as it was.
pub fn reminder_changes(
    before: (bool, bool),
    after: (bool, bool),
) -> Vec<(StatEvent, ReminderChannel)> {
    let mut out = Vec::new();
    for (was, is, channel) in [
        (before.0, after.0, ReminderChannel::Sms),
        (before.1, after.1, ReminderChannel::Email),
    ] {
        match (was, is) {
            (false, true) => out.push((StatEvent::ReminderOn, channel)),
            (true, false) => out.push((StatEvent::ReminderOff, channel)),
            _ => {}
        }
    }
    out
}

/// The page a request's path is a view of: the route pattern it matches (`:name` a
/// parameter), so that no reference, id or other value from the path is kept. `None` for a
/// path that is no page.
pub fn page_of<'a>(path: &str, patterns: &[&'a str]) -> Option<&'a str> {
    let segments: Vec<&str> = path.split('/').collect();
    patterns.iter().copied().find(|p| {
        let ps: Vec<&str> = p.split('/').collect();
        ps.len() == segments.len()
            && ps
                .iter()
                .zip(&segments)
                .all(|(p, s)| p.starts_with(':') && !s.is_empty() || p == s)
    })
}

/// The pages whose views the research export keeps with the person's pseudonym: the
/// citizen's own track, this portal's counterparts of the seed's "udvalgte sider"
/// ("Dagpengetællere" on Min Side, "225-timers reglen", the counters of supplementary
/// dagpenge: Min side with its counts, the joblog, the plan, the meetings). Their views are
/// the only page views the export holds.
pub const RESEARCH_PAGES: [&str; 6] = [
    "/borger",
    "/borger/joblog",
    "/borger/joblog/ansoegning",
    "/borger/joblog/aktivitet",
    "/borger/plan",
    "/borger/moeder",
];

/// The smallest key the research export and the deletion ledger accept: 32 bytes.
pub const MIN_KEY_BYTES: usize = 32;

/// A secret key read from the operator's configuration (the research export's pseudonyms,
/// the deletion ledger's). Not `Debug`: it is not printed by accident.
#[derive(Clone)]
pub struct SecretKey(Vec<u8>);

impl SecretKey {
    /// The key as given (text from an environment variable or a file, trailing line end
    /// removed); `None` when it is shorter than `MIN_KEY_BYTES`.
    pub fn parse(text: &str) -> Option<SecretKey> {
        let t = text.trim_end_matches(['\n', '\r']);
        (t.len() >= MIN_KEY_BYTES).then(|| SecretKey(t.as_bytes().to_vec()))
    }

    pub fn bytes(&self) -> &[u8] {
        &self.0
    }
}

/// A person's name in the research export: HMAC-SHA256 of their stable internal reference
/// under the research key, 32 hex digits. The same person has the same pseudonym in every
/// export made with the same key; without the key it leads to no one.
pub fn research_pseudonym(key: &SecretKey, reference: &str) -> String {
    let mut p = hmac_hex(key.bytes(), reference.as_bytes());
    p.truncate(32);
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn secret(d: u32, b: u8) -> DaySecret {
        DaySecret::new(day(d), [b; 32])
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn ipv4_keeps_the_first_octet_and_keys_the_last_nine_digits() {
        let v = visitor(ip("203.0.113.77"), &secret(22, 1));
        assert_eq!(v.network, "203.0.0.0/8");
        assert_eq!(v.key.len(), VISITOR_KEY_HEX);
        assert!(v.key.chars().all(|c| c.is_ascii_hexdigit()));
        // Nothing of the last three octets is in what is kept.
        assert!(!format!("{v:?}").contains("113"));
        assert!(!format!("{v:?}").contains("77"));
    }

    #[test]
    fn ipv6_keeps_the_first_32_bits() {
        let v = visitor(ip("2001:db8:85a3:8d3:1319:8a2e:370:7348"), &secret(22, 1));
        assert_eq!(v.network, "2001:db8::/32");
        assert!(!format!("{v:?}").contains("85a3"));
    }

    #[test]
    fn an_ipv4_mapped_address_is_the_ipv4_address() {
        let s = secret(22, 1);
        let mapped = visitor(ip("::ffff:203.0.113.77"), &s);
        assert_eq!(mapped, visitor(ip("203.0.113.77"), &s));
        assert_eq!(mapped.network, "203.0.0.0/8");
    }

    #[test]
    fn one_address_one_key_within_a_day_another_the_next_day() {
        let today = secret(22, 1);
        let a = visitor(ip("203.0.113.77"), &today);
        assert_eq!(a, visitor(ip("203.0.113.77"), &today));
        // Another address of the same network: the same network, another key.
        let b = visitor(ip("203.0.113.78"), &today);
        assert_eq!(a.network, b.network);
        assert_ne!(a.key, b.key);
        // The next day's secret: the same address, another key.
        let tomorrow = secret(23, 2);
        assert_eq!(tomorrow.day(), day(23));
        assert_ne!(a.key, visitor(ip("203.0.113.77"), &tomorrow).key);
    }

    #[test]
    fn a_page_is_its_pattern_never_its_values() {
        let patterns = ["/", "/borger", "/sagsbehandler/borger/:id", "/borger/plan"];
        assert_eq!(page_of("/", &patterns), Some("/"));
        assert_eq!(page_of("/borger", &patterns), Some("/borger"));
        assert_eq!(
            page_of("/sagsbehandler/borger/abc123", &patterns),
            Some("/sagsbehandler/borger/:id")
        );
        assert_eq!(page_of("/sagsbehandler/borger/", &patterns), None);
        assert_eq!(page_of("/borger/ukendt", &patterns), None);
        assert_eq!(page_of("/pkg/jobspor.css", &patterns), None);
    }

    #[test]
    fn reminders_count_only_what_changed() {
        assert_eq!(reminder_changes((false, false), (false, false)), vec![]);
        assert_eq!(
            reminder_changes((false, true), (true, false)),
            vec![
                (StatEvent::ReminderOn, ReminderChannel::Sms),
                (StatEvent::ReminderOff, ReminderChannel::Email)
            ]
        );
    }

    #[test]
    fn event_codes_go_both_ways() {
        for e in StatEvent::ALL {
            assert_eq!(StatEvent::from_code(e.code()), Some(e));
        }
        assert_eq!(StatEvent::from_code("nope"), None);
    }

    #[test]
    fn pseudonyms_are_stable_per_key_and_differ_per_person_and_key() {
        let k = SecretKey::parse("a research key of at least 32 bytes!\n").unwrap();
        let other = SecretKey::parse("another research key, 32 bytes or more").unwrap();
        assert_eq!(research_pseudonym(&k, "s1"), research_pseudonym(&k, "s1"));
        assert_ne!(research_pseudonym(&k, "s1"), research_pseudonym(&k, "s2"));
        assert_ne!(
            research_pseudonym(&k, "s1"),
            research_pseudonym(&other, "s1")
        );
        assert_eq!(research_pseudonym(&k, "s1").len(), 32);
        assert!(SecretKey::parse("too short").is_none());
    }
}
