//! Sign-in through the identity providers (OpenID Connect): which providers there are, what
//! their tokens must say, and the rules the app applies to an identity the provider has
//! vouched for. The flow itself (PKCE, state, nonce, the token's signature) is the app's
//! OIDC client; the rules here are pure and tested on their own.
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The identity providers, one per kind of user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Provider {
    /// MitID through a broker (NemLog-in): citizens; the token carries the CPR number.
    MitId,
    /// MitID Erhverv: a person acting for a company; the token carries the CVR number.
    MitIdErhverv,
    /// The organisations' own identity provider: caseworkers, with a second factor.
    Staff,
}

impl Provider {
    pub const ALL: [Provider; 3] = [Provider::MitId, Provider::MitIdErhverv, Provider::Staff];

    /// The provider's name in addresses: the callback path and the issuer's path of the
    /// local simulation.
    pub fn slug(self) -> &'static str {
        match self {
            Provider::MitId => "mitid",
            Provider::MitIdErhverv => "mitid-erhverv",
            Provider::Staff => "medarbejder",
        }
    }

    pub fn parse(slug: &str) -> Option<Provider> {
        Provider::ALL.into_iter().find(|p| p.slug() == slug)
    }

    /// The scopes asked for besides `openid`: `profile` brings the name, and with it the
    /// claims this product needs (CPR, CVR) as the providers are configured here.
    pub fn scopes(self) -> &'static [&'static str] {
        &["profile"]
    }

    /// Is this assurance level (`acr`) enough to let the person in? MitID and MitID
    /// Erhverv: NSIS Substantial or High (Low is not enough for personal data, seed 000);
    /// staff: the provider must say a second factor was used.
    pub fn accepts_acr(self, acr: Option<&str>) -> bool {
        match (self, acr) {
            (Provider::MitId | Provider::MitIdErhverv, Some(a)) => {
                a == acr::NSIS_SUBSTANTIAL || a == acr::NSIS_HIGH
            }
            (Provider::Staff, Some(a)) => a == acr::STAFF_MFA,
            (_, None) => false,
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

impl TryFrom<String> for Provider {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Provider::parse(&s).ok_or_else(|| format!("unknown identity provider {s:?}"))
    }
}

impl From<Provider> for String {
    fn from(p: Provider) -> String {
        p.slug().to_string()
    }
}

/// Assurance levels as the providers name them in the ID token's `acr` claim.
pub mod acr {
    /// NSIS levels as the MitID broker (NemLog-in) names them.
    pub const NSIS_LOW: &str = "https://data.gov.dk/concept/core/nsis/loa/Low";
    pub const NSIS_SUBSTANTIAL: &str = "https://data.gov.dk/concept/core/nsis/loa/Substantial";
    pub const NSIS_HIGH: &str = "https://data.gov.dk/concept/core/nsis/loa/High";
    /// The staff provider: password and a second factor.
    pub const STAFF_MFA: &str = "urn:jobspor:acr:mfa";
    /// The staff provider: password only (refused).
    pub const STAFF_PASSWORD: &str = "urn:jobspor:acr:password";
    /// Recorded with a session that began with the citizen's username and password.
    pub const LOCAL_PASSWORD: &str = "urn:jobspor:acr:local-password";
}

/// Claims beyond OpenID Connect's own, as the Danish brokers name them.
pub mod claims {
    /// MitID: the person's CPR number (10 digits).
    pub const CPR: &str = "https://data.gov.dk/model/core/eid/cprNumber";
    /// MitID Erhverv: the CVR number of the company the person acts for.
    pub const CVR: &str = "https://data.gov.dk/model/core/eid/professional/cvr";
}

/// A started sign-in (state, nonce and PKCE verifier kept server-side) must come back
/// within this time; a later callback is refused and the person starts again.
pub const SIGN_IN_MAX_AGE: Duration = Duration::minutes(10);

pub fn sign_in_is_fresh(started_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now >= started_at && now < started_at + SIGN_IN_MAX_AGE
}

/// Why a sign-in was refused after the provider answered. Shown to the person as a Danish
/// sentence; travels in the error page's address as its code (never anything personal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SignInRefusal {
    /// The person cancelled at the provider, or the provider refused.
    Cancelled,
    /// No started sign-in matches (expired, used, or started in another browser).
    Expired,
    /// The provider's answer did not verify (token, signature, nonce, issuer, audience).
    Invalid,
    /// The assurance level is too low (staff: no second factor).
    AssuranceTooLow,
    /// The CPR register does not let this person in (dead, emigrated, unknown).
    NotInRegister,
    /// The CVR register does not know the company, or it has ceased.
    CompanyNotActive,
    /// The staff provider vouched for someone who is not a caseworker here.
    NotStaff,
    /// The provider could not be reached.
    Unavailable,
}

impl SignInRefusal {
    pub const ALL: [SignInRefusal; 8] = [
        SignInRefusal::Cancelled,
        SignInRefusal::Expired,
        SignInRefusal::Invalid,
        SignInRefusal::AssuranceTooLow,
        SignInRefusal::NotInRegister,
        SignInRefusal::CompanyNotActive,
        SignInRefusal::NotStaff,
        SignInRefusal::Unavailable,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SignInRefusal::Cancelled => "afbrudt",
            SignInRefusal::Expired => "udloebet",
            SignInRefusal::Invalid => "ugyldigt-svar",
            SignInRefusal::AssuranceTooLow => "for-lavt-sikringsniveau",
            SignInRefusal::NotInRegister => "ikke-i-cpr",
            SignInRefusal::CompanyNotActive => "virksomhed-ikke-aktiv",
            SignInRefusal::NotStaff => "ikke-medarbejder",
            SignInRefusal::Unavailable => "utilgaengelig",
        }
    }

    pub fn parse(code: &str) -> Option<SignInRefusal> {
        SignInRefusal::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The reason in `lang`.
    pub fn text(self, lang: crate::Lang) -> &'static str {
        let en = match self {
            SignInRefusal::Cancelled => "You cancelled the login, or it was refused. You are not logged in.",
            SignInRefusal::Expired => "The login took too long or was started in another browser. Try again.",
            SignInRefusal::Invalid => "The answer from the login service could not be accepted. Try again.",
            SignInRefusal::AssuranceTooLow => "The login needs a higher assurance level. Staff must log in with two factors (a one-time code).",
            SignInRefusal::NotInRegister => "You cannot log in: the CPR register says you are not active (deceased, emigrated or unknown).",
            SignInRefusal::CompanyNotActive => "The company is not active in the CVR register, so it cannot use Jobspor.",
            SignInRefusal::NotStaff => "You are not registered as staff in Jobspor.",
            SignInRefusal::Unavailable => "The login service is not answering just now. Try again in a moment.",
        };
        lang.pick(self.da(), en)
    }

    pub fn da(self) -> &'static str {
        match self {
            SignInRefusal::Cancelled => "Du afbrød login, eller login blev afvist. Du er ikke logget ind.",
            SignInRefusal::Expired => "Login tog for lang tid eller blev startet i en anden browser. Prøv igen.",
            SignInRefusal::Invalid => "Svaret fra login-tjenesten kunne ikke godkendes. Prøv igen.",
            SignInRefusal::AssuranceTooLow => "Login kræver et højere sikringsniveau. Medarbejdere skal logge ind med to faktorer (engangskode).",
            SignInRefusal::NotInRegister => "Du kan ikke logge ind: CPR-registeret oplyser, at du ikke er aktiv (død, udrejst eller ukendt).",
            SignInRefusal::CompanyNotActive => "Virksomheden findes ikke som aktiv i CVR-registeret, så den kan ikke bruge Jobspor.",
            SignInRefusal::NotStaff => "Du er ikke oprettet som medarbejder i Jobspor.",
            SignInRefusal::Unavailable => "Login-tjenesten svarer ikke lige nu. Prøv igen om lidt.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn every_refusal_has_its_english_reason() {
        for r in SignInRefusal::ALL {
            assert_eq!(r.text(crate::Lang::Da), r.da());
            assert_ne!(r.text(crate::Lang::En), r.da(), "{r:?}");
        }
    }

    #[test]
    fn providers_round_trip_by_slug() {
        for p in Provider::ALL {
            assert_eq!(Provider::parse(p.slug()), Some(p));
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(serde_json::from_str::<Provider>(&json).unwrap(), p);
        }
        assert_eq!(Provider::parse("google"), None);
        assert!(serde_json::from_str::<Provider>("\"google\"").is_err());
    }

    #[test]
    fn mitid_needs_substantial_or_high() {
        for p in [Provider::MitId, Provider::MitIdErhverv] {
            assert!(p.accepts_acr(Some(acr::NSIS_SUBSTANTIAL)));
            assert!(p.accepts_acr(Some(acr::NSIS_HIGH)));
            assert!(!p.accepts_acr(Some(acr::NSIS_LOW)));
            assert!(!p.accepts_acr(Some(acr::STAFF_MFA)));
            assert!(!p.accepts_acr(None));
        }
    }

    #[test]
    fn staff_needs_the_second_factor() {
        assert!(Provider::Staff.accepts_acr(Some(acr::STAFF_MFA)));
        assert!(!Provider::Staff.accepts_acr(Some(acr::STAFF_PASSWORD)));
        assert!(!Provider::Staff.accepts_acr(Some(acr::NSIS_HIGH)));
        assert!(!Provider::Staff.accepts_acr(None));
    }

    #[test]
    fn a_sign_in_expires_after_ten_minutes() {
        let t0 = Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap();
        assert!(sign_in_is_fresh(t0, t0));
        assert!(sign_in_is_fresh(t0, t0 + Duration::minutes(9)));
        assert!(!sign_in_is_fresh(t0, t0 + Duration::minutes(10)));
        assert!(!sign_in_is_fresh(t0, t0 - Duration::seconds(1)));
    }

    #[test]
    fn refusals_round_trip_by_code() {
        for r in SignInRefusal::ALL {
            assert_eq!(SignInRefusal::parse(r.code()), Some(r));
            assert!(r.code().is_ascii());
        }
    }
}
