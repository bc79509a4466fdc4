//! The OpenID Connect client for the three identity providers (`jobspor::signin::Provider`):
//! discovery, the authorization code flow with PKCE, `state` and `nonce`, and the ID token's
//! verification (signature against the provider's published keys, issuer, audience,
//! expiry, nonce). Built on the `openidconnect` crate.
//!
//! Keys rotate: the provider's metadata and keys are cached for a while, and a token signed
//! with a key we do not know makes us fetch them again once before refusing.
//!
//! Production shape: the issuers are MitID's broker (NemLog-in), MitID Erhverv's, and the
//! organisations' own (e.g. the municipalities' Azure AD / KOMBIT's context handler); the
//! client id and secret are the ones registered with each. Locally the issuers are the
//! simulated provider in `idp/` (the npm package `oidc-provider`).
use jobspor::signin::{claims, Provider};
use openidconnect::core::{
    CoreClient, CoreGenderClaim, CoreIdTokenVerifier, CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm, CoreProviderMetadata, CoreResponseType,
};
use openidconnect::{
    AdditionalClaims, AuthenticationFlow, AuthorizationCode, ClaimsVerificationError, ClientId,
    ClientSecret, CsrfToken, IdToken, IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier,
    RedirectUrl, Scope, SignatureVerificationError,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// How long a provider's metadata and keys are used before they are fetched again.
const METADATA_TTL: Duration = Duration::from_secs(15 * 60);
/// A provider that does not answer in this time counts as unavailable.
const HTTP_TIMEOUT: Duration = Duration::from_secs(5);

/// Where the providers are and who we are to them.
#[derive(Debug, Clone)]
pub struct OidcSettings {
    pub issuers: HashMap<Provider, String>,
    pub client_id: String,
    pub client_secret: String,
    /// The site's own address, for the redirect URIs (`<public_url>/api/auth/<slug>/callback`).
    pub public_url: String,
}

impl OidcSettings {
    /// The local simulated provider (`idp/`): one process, an issuer per provider under it.
    pub fn simulated(idp_base: &str, public_url: &str) -> OidcSettings {
        let base = idp_base.trim_end_matches('/');
        OidcSettings {
            issuers: Provider::ALL
                .into_iter()
                .map(|p| (p, format!("{base}/{}", p.slug())))
                .collect(),
            client_id: "jobspor".into(),
            client_secret: "jobspor-demo-secret".into(),
            public_url: public_url.trim_end_matches('/').to_string(),
        }
    }

    pub fn redirect_uri(&self, provider: Provider) -> String {
        format!(
            "{}{}",
            self.public_url,
            crate::routes::sign_in_callback(provider)
        )
    }

    /// The providers' origins (`scheme://host[:port]`), each once, for the pages' CSP.
    pub fn origins(&self) -> Vec<String> {
        let mut origins: Vec<String> = self
            .issuers
            .values()
            .filter_map(|i| url::Url::parse(i).ok())
            .map(|u| u.origin().ascii_serialization())
            .collect();
        origins.sort();
        origins.dedup();
        origins
    }

    /// An issuer on this machine is the local simulation, never a real provider.
    pub fn uses_simulation(&self) -> bool {
        self.issuers.values().any(|i| {
            url::Url::parse(i)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string))
                .is_some_and(|h| h == "127.0.0.1" || h == "localhost" || h == "[::1]")
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("no issuer is configured for {0}")]
    NotConfigured(Provider),
    #[error("the issuer URL of {provider} is not valid")]
    BadIssuer {
        provider: Provider,
        #[source]
        source: url::ParseError,
    },
    #[error("the redirect URI is not valid")]
    BadRedirect(#[source] url::ParseError),
    #[error("could not build the HTTP client")]
    Http(#[source] openidconnect::reqwest::Error),
    #[error("discovery of {provider} failed")]
    Discovery {
        provider: Provider,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("the code exchange with {provider} failed")]
    Exchange {
        provider: Provider,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("the token answer had no ID token")]
    NoIdToken,
    #[error("the ID token is not well-formed")]
    Malformed(#[source] serde_json::Error),
    #[error("the ID token did not verify")]
    Invalid(#[source] ClaimsVerificationError),
}

impl OidcError {
    /// The provider could not be reached (as opposed to: it answered something we refuse).
    pub fn is_unavailable(&self) -> bool {
        matches!(
            self,
            OidcError::Discovery { .. } | OidcError::Exchange { .. } | OidcError::Http(_)
        )
    }
}

/// The claims the Danish providers add to OpenID Connect's own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DkClaims {
    #[serde(rename = "https://data.gov.dk/model/core/eid/cprNumber", default)]
    pub cpr: Option<String>,
    #[serde(
        rename = "https://data.gov.dk/model/core/eid/professional/cvr",
        default
    )]
    pub cvr: Option<String>,
}
impl AdditionalClaims for DkClaims {}

// The claim names are written once, in the core; the serde attributes above must agree.
const _: () = {
    assert!(const_str_eq(
        claims::CPR,
        "https://data.gov.dk/model/core/eid/cprNumber"
    ));
    assert!(const_str_eq(
        claims::CVR,
        "https://data.gov.dk/model/core/eid/professional/cvr"
    ));
};

const fn const_str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

pub type DkIdToken =
    IdToken<DkClaims, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm>;

/// What a verified ID token says about the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedIdentity {
    pub subject: String,
    pub name: Option<String>,
    pub acr: Option<String>,
    pub cpr: Option<String>,
    pub cvr: Option<String>,
}

/// A sign-in's secrets between the start and the callback.
pub struct Started {
    pub authorize_url: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// Verifies a raw ID token: signature by one of `verifier`'s keys, issuer, audience, expiry
/// at the verifier's clock, and the nonce the sign-in started with.
pub fn verify_id_token(
    raw: &str,
    verifier: &CoreIdTokenVerifier<'_>,
    nonce: &Nonce,
) -> Result<VerifiedIdentity, OidcError> {
    let token: DkIdToken = serde_json::from_value(serde_json::Value::String(raw.to_string()))
        .map_err(OidcError::Malformed)?;
    let claims = token.claims(verifier, nonce).map_err(OidcError::Invalid)?;
    Ok(VerifiedIdentity {
        subject: claims.subject().to_string(),
        name: claims
            .name()
            .and_then(|n| n.get(None))
            .map(|n| n.to_string()),
        acr: claims.auth_context_ref().map(|a| a.to_string()),
        cpr: claims.additional_claims().cpr.clone(),
        cvr: claims.additional_claims().cvr.clone(),
    })
}

fn unknown_key(e: &OidcError) -> bool {
    matches!(
        e,
        OidcError::Invalid(ClaimsVerificationError::SignatureVerification(
            SignatureVerificationError::NoMatchingKey
        ))
    )
}

pub struct Oidc {
    settings: OidcSettings,
    http: openidconnect::reqwest::Client,
    cache: Mutex<HashMap<Provider, (CoreProviderMetadata, Instant)>>,
}

impl Oidc {
    pub fn new(settings: OidcSettings) -> Result<Oidc, OidcError> {
        let http = openidconnect::reqwest::ClientBuilder::new()
            // Following redirects would open the client to SSRF.
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(HTTP_TIMEOUT)
            .build()
            .map_err(OidcError::Http)?;
        Ok(Oidc {
            settings,
            http,
            cache: Mutex::new(HashMap::new()),
        })
    }

    pub fn settings(&self) -> &OidcSettings {
        &self.settings
    }

    fn issuer(&self, provider: Provider) -> Result<IssuerUrl, OidcError> {
        let raw = self
            .settings
            .issuers
            .get(&provider)
            .ok_or(OidcError::NotConfigured(provider))?;
        IssuerUrl::new(raw.clone()).map_err(|source| OidcError::BadIssuer { provider, source })
    }

    async fn metadata(
        &self,
        provider: Provider,
        refresh: bool,
    ) -> Result<CoreProviderMetadata, OidcError> {
        let mut cache = self.cache.lock().await;
        if !refresh {
            if let Some((m, at)) = cache.get(&provider) {
                if at.elapsed() < METADATA_TTL {
                    return Ok(m.clone());
                }
            }
        }
        let issuer = self.issuer(provider)?;
        let m = CoreProviderMetadata::discover_async(issuer, &self.http)
            .await
            .map_err(|e| OidcError::Discovery {
                provider,
                source: Box::new(e),
            })?;
        cache.insert(provider, (m.clone(), Instant::now()));
        Ok(m)
    }

    fn client(
        &self,
        provider: Provider,
        metadata: CoreProviderMetadata,
    ) -> Result<
        CoreClient<
            openidconnect::EndpointSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointMaybeSet,
            openidconnect::EndpointMaybeSet,
        >,
        OidcError,
    > {
        Ok(CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(self.settings.client_id.clone()),
            Some(ClientSecret::new(self.settings.client_secret.clone())),
        )
        .set_redirect_uri(
            RedirectUrl::new(self.settings.redirect_uri(provider))
                .map_err(OidcError::BadRedirect)?,
        ))
    }

    /// Starts a sign-in: the provider's authorization address with a fresh state, nonce and
    /// PKCE challenge; the caller keeps the secrets server-side.
    pub async fn start(&self, provider: Provider) -> Result<Started, OidcError> {
        let client = self.client(provider, self.metadata(provider, false).await?)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge);
        for s in provider.scopes() {
            request = request.add_scope(Scope::new((*s).to_string()));
        }
        let (url, state, nonce) = request.url();
        Ok(Started {
            authorize_url: url.to_string(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        })
    }

    /// Finishes a sign-in: exchanges the code (with the PKCE verifier and the client's
    /// secret) and verifies the ID token at `now`.
    pub async fn finish(
        &self,
        provider: Provider,
        code: String,
        pkce_verifier: String,
        nonce: String,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<VerifiedIdentity, OidcError> {
        use openidconnect::TokenResponse;
        let client = self.client(provider, self.metadata(provider, false).await?)?;
        let exchange = |source: Box<dyn std::error::Error + Send + Sync>| OidcError::Exchange {
            provider,
            source,
        };
        let response = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| exchange(Box::new(e)))?
            .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier))
            .request_async(&self.http)
            .await
            .map_err(|e| exchange(Box::new(e)))?;
        let raw = response.id_token().ok_or(OidcError::NoIdToken)?.to_string();
        let nonce = Nonce::new(nonce);
        let verifier = client.id_token_verifier().set_time_fn(move || now);
        match verify_id_token(&raw, &verifier, &nonce) {
            Err(e) if unknown_key(&e) => {
                // The provider may have rotated its keys since we fetched them.
                let fresh = self.client(provider, self.metadata(provider, true).await?)?;
                let verifier = fresh.id_token_verifier().set_time_fn(move || now);
                verify_id_token(&raw, &verifier, &nonce)
            }
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    //! Tokens signed here with a test key, verified as the callback verifies them.
    use super::*;
    use chrono::{TimeZone, Utc};
    use openidconnect::core::{CoreJsonWebKey, CoreRsaPrivateSigningKey};
    use openidconnect::{
        Audience, AuthenticationContextClass, EndUserName, IdTokenClaims, JsonWebKeyId,
        JsonWebKeySet, LocalizedClaim, PrivateSigningKey, StandardClaims, SubjectIdentifier,
    };

    const KEY: &str = include_str!("../../tests/fixtures/test_rsa_key.pem");
    const OTHER_KEY: &str = include_str!("../../tests/fixtures/other_rsa_key.pem");
    const ISSUER: &str = "http://127.0.0.1:4000/mitid";
    const CLIENT: &str = "jobspor";

    fn key(pem: &str) -> CoreRsaPrivateSigningKey {
        CoreRsaPrivateSigningKey::from_pem(pem, Some(JsonWebKeyId::new("k1".into()))).unwrap()
    }

    fn now() -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 3, 9, 0, 0).unwrap()
    }

    struct Token {
        issuer: &'static str,
        audience: &'static str,
        nonce: &'static str,
        expires: chrono::DateTime<Utc>,
        signed_by: &'static str,
    }

    impl Default for Token {
        fn default() -> Self {
            Token {
                issuer: ISSUER,
                audience: CLIENT,
                nonce: "n-1",
                expires: now() + chrono::Duration::hours(1),
                signed_by: KEY,
            }
        }
    }

    fn sign(t: Token) -> String {
        let mut name = LocalizedClaim::new();
        name.insert(None, EndUserName::new("Mette Marie Jensen".into()));
        let claims = IdTokenClaims::<DkClaims, CoreGenderClaim>::new(
            IssuerUrl::new(t.issuer.into()).unwrap(),
            vec![Audience::new(t.audience.into())],
            t.expires,
            now() - chrono::Duration::minutes(1),
            StandardClaims::new(SubjectIdentifier::new("mitid-abc".into())).set_name(Some(name)),
            DkClaims {
                cpr: Some("1205901806".into()),
                cvr: None,
            },
        )
        .set_nonce(Some(Nonce::new(t.nonce.into())))
        .set_auth_context_ref(Some(AuthenticationContextClass::new(
            jobspor::signin::acr::NSIS_SUBSTANTIAL.into(),
        )));
        let token = DkIdToken::new(
            claims,
            &key(t.signed_by),
            CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
            None,
            None,
        )
        .unwrap();
        serde_json::to_value(&token)
            .unwrap()
            .as_str()
            .unwrap()
            .to_string()
    }

    fn verifier() -> CoreIdTokenVerifier<'static> {
        let jwks: JsonWebKeySet<CoreJsonWebKey> =
            JsonWebKeySet::new(vec![key(KEY).as_verification_key()]);
        CoreIdTokenVerifier::new_confidential_client(
            ClientId::new(CLIENT.into()),
            ClientSecret::new("jobspor-demo-secret".into()),
            IssuerUrl::new(ISSUER.into()).unwrap(),
            jwks,
        )
        .set_time_fn(now)
    }

    fn verify(t: Token) -> Result<VerifiedIdentity, OidcError> {
        verify_id_token(&sign(t), &verifier(), &Nonce::new("n-1".into()))
    }

    #[test]
    fn a_good_token_gives_the_cpr_number_name_and_assurance() {
        let id = verify(Token::default()).unwrap();
        assert_eq!(id.subject, "mitid-abc");
        assert_eq!(id.cpr.as_deref(), Some("1205901806"));
        assert_eq!(id.name.as_deref(), Some("Mette Marie Jensen"));
        assert_eq!(
            id.acr.as_deref(),
            Some(jobspor::signin::acr::NSIS_SUBSTANTIAL)
        );
    }

    #[test]
    fn a_token_signed_with_another_key_is_refused() {
        let e = verify(Token {
            signed_by: OTHER_KEY,
            ..Token::default()
        })
        .unwrap_err();
        assert!(
            matches!(
                e,
                OidcError::Invalid(ClaimsVerificationError::SignatureVerification(_))
            ),
            "{e:?}"
        );
    }

    #[test]
    fn a_tampered_token_is_refused() {
        let raw = sign(Token::default());
        let mut parts: Vec<String> = raw.split('.').map(str::to_string).collect();
        use base64::Engine;
        let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let payload = String::from_utf8(b64.decode(&parts[1]).unwrap()).unwrap();
        parts[1] = b64.encode(payload.replace("1205901806", "0803850077"));
        let e =
            verify_id_token(&parts.join("."), &verifier(), &Nonce::new("n-1".into())).unwrap_err();
        assert!(matches!(e, OidcError::Invalid(_)), "{e:?}");
    }

    #[test]
    fn a_token_for_another_audience_is_refused() {
        let e = verify(Token {
            audience: "some-other-client",
            ..Token::default()
        })
        .unwrap_err();
        assert!(
            matches!(
                e,
                OidcError::Invalid(ClaimsVerificationError::InvalidAudience(_))
            ),
            "{e:?}"
        );
    }

    #[test]
    fn a_token_from_another_issuer_is_refused() {
        let e = verify(Token {
            issuer: "http://127.0.0.1:4000/mitid-erhverv",
            ..Token::default()
        })
        .unwrap_err();
        assert!(
            matches!(
                e,
                OidcError::Invalid(ClaimsVerificationError::InvalidIssuer(_))
            ),
            "{e:?}"
        );
    }

    #[test]
    fn a_token_with_another_nonce_is_refused() {
        let e = verify(Token {
            nonce: "n-2",
            ..Token::default()
        })
        .unwrap_err();
        assert!(
            matches!(
                e,
                OidcError::Invalid(ClaimsVerificationError::InvalidNonce(_))
            ),
            "{e:?}"
        );
    }

    #[test]
    fn an_expired_token_is_refused() {
        let e = verify(Token {
            expires: now() - chrono::Duration::seconds(1),
            ..Token::default()
        })
        .unwrap_err();
        assert!(
            matches!(e, OidcError::Invalid(ClaimsVerificationError::Expired(_))),
            "{e:?}"
        );
    }

    #[test]
    fn simulated_issuers_are_recognised() {
        let s = OidcSettings::simulated("http://127.0.0.1:4000", "http://127.0.0.1:3000");
        assert!(s.uses_simulation());
        assert_eq!(s.origins(), ["http://127.0.0.1:4000"]);
        assert_eq!(
            s.redirect_uri(Provider::MitId),
            "http://127.0.0.1:3000/api/auth/mitid/callback"
        );
        let mut real = s.clone();
        for (p, i) in real.issuers.iter_mut() {
            *i = format!("https://broker.example.dk/{}", p.slug());
        }
        assert!(!real.uses_simulation());
    }
}
