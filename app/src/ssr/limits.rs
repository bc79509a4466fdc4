//! Limits on how fast one client or one user may do something, held in memory by the
//! process (`AppState::limits`): sign-ins and contact requests per client address (checked
//! by the server's router before the app runs), CV openings per employer, and password
//! checks in progress per user. They complement the database's login-failure counts, which
//! survive a restart and are shared by every process; these catch bursts the database
//! cannot see, such as many requests arriving at once.
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use jobspor::EmployerId;
use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

/// The numbers behind the limits (config `JOBSPOR_*_PER_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotas {
    /// Sign-in requests per client address per minute: a jobcentre's or library's shared
    /// address signs in many people, a guesser far more.
    pub sign_in_per_minute: u32,
    /// Employers' contact requests per client address per hour.
    pub contact_requests_per_hour: u32,
    /// CV openings per employer per hour: reading CVs one by one is the job; thousands is
    /// harvesting the CV base.
    pub cv_openings_per_hour: u32,
}

impl Default for Quotas {
    fn default() -> Self {
        Quotas {
            sign_in_per_minute: 20,
            contact_requests_per_hour: 30,
            cv_openings_per_hour: 200,
        }
    }
}

/// A quota of `n` per `period` that allows `n` at once and then one every `period / n`.
fn quota(n: u32, period: Duration) -> Quota {
    // Zero would mean "never"; that is not a setting anyone means, so the least is one.
    let n = NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(period / n.get())
        .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
        .allow_burst(n)
}

/// Refused: how long until one more is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAfter(pub Duration);

pub struct Limits {
    sign_in: DefaultKeyedRateLimiter<IpAddr>,
    contact_requests: DefaultKeyedRateLimiter<IpAddr>,
    cv_openings: DefaultKeyedRateLimiter<EmployerId>,
    /// Password checks under way, per user key.
    password_checks: Mutex<HashMap<String, u32>>,
}

fn check<K: Hash + Eq + Clone>(
    limiter: &DefaultKeyedRateLimiter<K>,
    key: &K,
) -> Result<(), RetryAfter> {
    limiter
        .check_key(key)
        .map_err(|not_until| RetryAfter(not_until.wait_time_from(DefaultClock::default().now())))
}

impl Limits {
    pub fn new(q: Quotas) -> Limits {
        const MINUTE: Duration = Duration::from_secs(60);
        const HOUR: Duration = Duration::from_secs(3600);
        Limits {
            sign_in: RateLimiter::keyed(quota(q.sign_in_per_minute, MINUTE)),
            contact_requests: RateLimiter::keyed(quota(q.contact_requests_per_hour, HOUR)),
            cv_openings: RateLimiter::keyed(quota(q.cv_openings_per_hour, HOUR)),
            password_checks: Mutex::new(HashMap::new()),
        }
    }

    /// One sign-in request from `client`.
    pub fn sign_in(&self, client: IpAddr) -> Result<(), RetryAfter> {
        check(&self.sign_in, &client)
    }

    /// One contact request from `client`.
    pub fn contact_request(&self, client: IpAddr) -> Result<(), RetryAfter> {
        check(&self.contact_requests, &client)
    }

    /// One CV opened by `employer`.
    pub fn cv_opening(&self, employer: EmployerId) -> Result<(), RetryAfter> {
        check(&self.cv_openings, &employer)
    }

    /// Starts a password check for `user_key`. Until the returned value is dropped, the
    /// check counts as under way: guesses sent side by side all read the database's failure
    /// count before any of them is recorded, so the checks under way must count as
    /// failures too. Keep it until the failure is recorded.
    pub fn password_check(&self, user_key: &str) -> PasswordCheck<'_> {
        let mut map = self
            .password_checks
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let n = map.entry(user_key.to_string()).or_insert(0);
        let others = *n;
        *n += 1;
        PasswordCheck {
            limits: self,
            user_key: user_key.to_string(),
            others,
        }
    }

    /// Forgets the clients and employers whose limits have refilled: run by housekeeping, so
    /// the maps do not grow with every address ever seen.
    pub fn forget_idle(&self) {
        self.sign_in.retain_recent();
        self.contact_requests.retain_recent();
        self.cv_openings.retain_recent();
        self.sign_in.shrink_to_fit();
        self.contact_requests.shrink_to_fit();
        self.cv_openings.shrink_to_fit();
    }
}

/// A password check under way (`Limits::password_check`).
pub struct PasswordCheck<'a> {
    limits: &'a Limits,
    user_key: String,
    others: u32,
}

impl PasswordCheck<'_> {
    /// The checks for the same user that were under way when this one started.
    pub fn others(&self) -> u32 {
        self.others
    }
}

impl Drop for PasswordCheck<'_> {
    fn drop(&mut self) {
        let mut map = self
            .limits
            .password_checks
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = map.get_mut(&self.user_key) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                map.remove(&self.user_key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quota_allows_its_number_at_once_and_then_refuses() {
        let limits = Limits::new(Quotas {
            sign_in_per_minute: 3,
            contact_requests_per_hour: 1,
            cv_openings_per_hour: 2,
        });
        let a: IpAddr = [192, 0, 2, 1].into();
        let b: IpAddr = [192, 0, 2, 2].into();
        for _ in 0..3 {
            assert!(limits.sign_in(a).is_ok());
        }
        let RetryAfter(wait) = limits.sign_in(a).unwrap_err();
        assert!(
            wait > Duration::ZERO && wait <= Duration::from_secs(20),
            "{wait:?}"
        );
        assert!(limits.sign_in(b).is_ok(), "per address");
        assert!(limits.contact_request(a).is_ok());
        assert!(limits.contact_request(a).is_err());
        let e = EmployerId::new(7);
        assert!(limits.cv_opening(e).is_ok() && limits.cv_opening(e).is_ok());
        assert!(limits.cv_opening(e).is_err());
        assert!(limits.cv_opening(EmployerId::new(8)).is_ok());
    }

    #[test]
    fn password_checks_under_way_are_counted_until_dropped() {
        let limits = Limits::new(Quotas::default());
        let first = limits.password_check("citizen:mette");
        let second = limits.password_check("citizen:mette");
        let other = limits.password_check("citizen:rasmus");
        assert_eq!((first.others(), second.others(), other.others()), (0, 1, 0));
        drop(first);
        drop(second);
        assert_eq!(limits.password_check("citizen:mette").others(), 0);
        drop(other);
        assert!(limits.password_checks.lock().unwrap().is_empty());
    }
}
