//! Login throttling and session lifetime: pure rules over counts and instants.
use chrono::{DateTime, Duration, Utc};

/// Failed attempts counted over this window...
pub const THROTTLE_WINDOW: Duration = Duration::minutes(15);
/// ...and the number that closes the door for a username (or an address) until the window
/// has passed. Five is enough for typos and too few for guessing.
pub const MAX_FAILURES_PER_USER: u32 = 5;
/// An address may try more usernames (a library or a jobcentre shares one address).
pub const MAX_FAILURES_PER_ADDRESS: u32 = 30;

pub fn is_throttled(failures_for_user: u32, failures_from_address: u32) -> bool {
    failures_for_user >= MAX_FAILURES_PER_USER || failures_from_address >= MAX_FAILURES_PER_ADDRESS
}

/// A session ends after 30 minutes without a request...
pub const SESSION_IDLE: Duration = Duration::minutes(30);
/// ...and 12 hours after login, whatever happens.
pub const SESSION_ABSOLUTE: Duration = Duration::hours(12);

pub fn session_is_live(
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    now < last_seen_at + SESSION_IDLE && now < created_at + SESSION_ABSOLUTE
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn throttle_closes_at_the_limit() {
        assert!(!is_throttled(4, 0));
        assert!(is_throttled(5, 0));
        assert!(!is_throttled(0, 29));
        assert!(is_throttled(0, 30));
    }

    #[test]
    fn sessions_expire_idle_and_absolute() {
        let t0 = Utc.with_ymd_and_hms(2026, 11, 22, 8, 0, 0).unwrap();
        assert!(session_is_live(t0, t0, t0 + Duration::minutes(29)));
        assert!(!session_is_live(t0, t0, t0 + Duration::minutes(30)));
        // Active all day: still ends at 12 hours.
        let later = t0 + Duration::hours(11) + Duration::minutes(59);
        assert!(session_is_live(t0, later, later + Duration::seconds(30)));
        assert!(!session_is_live(t0, later, t0 + Duration::hours(12)));
    }
}
