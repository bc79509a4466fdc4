//! Sign-in through the identity providers (OpenID Connect, `ssr::oidc`): the start (a form
//! posted from the login pages, sent on to the provider) and the provider's answer (one
//! callback per provider). Nothing here lets anyone in without the provider's signed token:
//! the callback takes back the sign-in it started (state, bound to this browser by a
//! cookie; nonce; PKCE verifier), exchanges the code and verifies the ID token. Only then
//! are the registers asked (CPR for a citizen, CVR for an employer).
//!
//! A refused answer sends the person to the error page with the refusal's code
//! (`SignInRefusal`), never with anything personal.
use crate::AppError;
use jobspor::signin::Provider;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// Starts a sign-in with `provider`: keeps the state, nonce and PKCE verifier server-side,
/// binds them to this browser, and sends the browser to the provider.
#[server(endpoint = "auth/start")]
pub async fn start_sign_in(provider: Provider) -> Result<(), AppError> {
    use crate::ssr::session;
    let (state, _) = crate::ssr::guard::anyone().await?;
    let started = match state.oidc.start(provider).await {
        Ok(s) => s,
        Err(e) => {
            tracing::warn!(error = %crate::error::chain(&e), provider = %provider, "sign-in could not start");
            leptos_axum::redirect(&crate::routes::sign_in_failed(
                jobspor::signin::SignInRefusal::Unavailable,
            ));
            return Ok(());
        }
    };
    state
        .store
        .start_sign_in(
            &session::hash_id(&started.state),
            provider,
            &started.nonce,
            &started.pkce_verifier,
            state.clock.now(),
        )
        .await?;
    session::set_sign_in_cookie(&state, &started.state)?;
    leptos_axum::redirect(&started.authorize_url);
    Ok(())
}

#[server(endpoint = "auth/mitid/callback", input = GetUrl)]
pub async fn mitid_callback(
    state: Option<String>,
    code: Option<String>,
    error: Option<String>,
    iss: Option<String>,
) -> Result<(), AppError> {
    let (app, _) = crate::ssr::guard::anyone().await?;
    ssr::finish(&app, Provider::MitId, state, code, error, iss).await
}

#[server(endpoint = "auth/mitid-erhverv/callback", input = GetUrl)]
pub async fn mitid_erhverv_callback(
    state: Option<String>,
    code: Option<String>,
    error: Option<String>,
    iss: Option<String>,
) -> Result<(), AppError> {
    let (app, _) = crate::ssr::guard::anyone().await?;
    ssr::finish(&app, Provider::MitIdErhverv, state, code, error, iss).await
}

#[server(endpoint = "auth/medarbejder/callback", input = GetUrl)]
pub async fn staff_callback(
    state: Option<String>,
    code: Option<String>,
    error: Option<String>,
    iss: Option<String>,
) -> Result<(), AppError> {
    let (app, _) = crate::ssr::guard::anyone().await?;
    ssr::finish(&app, Provider::Staff, state, code, error, iss).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos::server_fn::ServerFn;

    /// The redirect URIs registered with the providers are these server functions.
    #[test]
    fn each_provider_calls_back_to_its_server_function() {
        assert_eq!(
            crate::routes::sign_in_callback(Provider::MitId),
            MitidCallback::url()
        );
        assert_eq!(
            crate::routes::sign_in_callback(Provider::MitIdErhverv),
            MitidErhvervCallback::url()
        );
        assert_eq!(
            crate::routes::sign_in_callback(Provider::Staff),
            StaffCallback::url()
        );
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::error::internal;
    use crate::ssr::oidc::VerifiedIdentity;
    use crate::ssr::session::{self, Subject};
    use crate::ssr::state::AppState;
    use crate::{routes, AppError};
    use jobspor::cpr::Cpr;
    use jobspor::employer::Cvr;
    use jobspor::signin::{Provider, SignInRefusal};

    /// Where the person goes next, or why not.
    type Outcome = Result<String, SignInRefusal>;

    pub(super) async fn finish(
        state: &AppState,
        provider: Provider,
        state_param: Option<String>,
        code: Option<String>,
        error: Option<String>,
        iss: Option<String>,
    ) -> Result<(), AppError> {
        let outcome = match verified(state, provider, state_param, code, error, iss).await {
            Ok(Ok(identity)) => admit(state, provider, identity).await?,
            Ok(Err(refusal)) => Err(refusal),
            Err(e) => return Err(e),
        };
        let to = match outcome {
            Ok(to) => to,
            Err(refusal) => {
                tracing::info!(provider = %provider, refusal = refusal.code(), "sign-in refused");
                routes::sign_in_failed(refusal)
            }
        };
        leptos_axum::redirect(&to);
        Ok(())
    }

    /// The provider's answer, checked: the sign-in this browser started, the code exchanged,
    /// the ID token verified, the assurance level enough.
    async fn verified(
        state: &AppState,
        provider: Provider,
        state_param: Option<String>,
        code: Option<String>,
        error: Option<String>,
        iss: Option<String>,
    ) -> Result<Result<VerifiedIdentity, SignInRefusal>, AppError> {
        let cookie = session::take_sign_in_cookie(state)?;
        let Some(state_param) = state_param else {
            return Ok(Err(SignInRefusal::Expired));
        };
        // The state must be the one this browser was given (login CSRF), and a sign-in
        // this server started, not yet used, not too old, for this provider.
        if cookie.as_deref() != Some(state_param.as_str()) {
            return Ok(Err(SignInRefusal::Expired));
        }
        let Some(started) = state
            .store
            .take_sign_in(&session::hash_id(&state_param))
            .await?
        else {
            return Ok(Err(SignInRefusal::Expired));
        };
        if started.provider != provider
            || !jobspor::signin::sign_in_is_fresh(started.started_at, state.clock.now())
        {
            return Ok(Err(SignInRefusal::Expired));
        }
        if error.is_some() {
            return Ok(Err(SignInRefusal::Cancelled));
        }
        // RFC 9207: the answer names its issuer; one naming another is a mix-up attack.
        if let Some(iss) = iss {
            if state.oidc.settings().issuers.get(&provider) != Some(&iss) {
                return Ok(Err(SignInRefusal::Invalid));
            }
        }
        let Some(code) = code else {
            return Ok(Err(SignInRefusal::Invalid));
        };
        let identity = match state
            .oidc
            .finish(
                provider,
                code,
                started.pkce_verifier,
                started.nonce,
                state.clock.now(),
            )
            .await
        {
            Ok(i) => i,
            Err(e) if e.is_unavailable() => {
                internal(&e);
                return Ok(Err(SignInRefusal::Unavailable));
            }
            Err(e) => {
                tracing::warn!(error = %crate::error::chain(&e), provider = %provider, "ID token refused");
                return Ok(Err(SignInRefusal::Invalid));
            }
        };
        if !provider.accepts_acr(identity.acr.as_deref()) {
            return Ok(Err(SignInRefusal::AssuranceTooLow));
        }
        Ok(Ok(identity))
    }

    /// Lets the verified person in: asks the register the provider's claim points to,
    /// records the sign-in and starts a fresh session with the assurance level.
    async fn admit(
        state: &AppState,
        provider: Provider,
        identity: VerifiedIdentity,
    ) -> Result<Outcome, AppError> {
        let acr = identity.acr.clone().unwrap_or_default();
        let now = state.clock.now();
        match provider {
            Provider::MitId => {
                let Some(cpr) = identity.cpr.as_deref().and_then(|c| Cpr::parse(c).ok()) else {
                    return Ok(Err(SignInRefusal::Invalid));
                };
                let person = match state.cpr.lookup(&cpr).await {
                    Ok(Some(p)) if p.status.may_log_in() => p,
                    Ok(_) => return Ok(Err(SignInRefusal::NotInRegister)),
                    Err(e) => {
                        internal(&e);
                        return Ok(Err(SignInRefusal::Unavailable));
                    }
                };
                let login = state
                    .store
                    .citizen_mitid_login(cpr.digits(), &person, state.cpr.source_name(), now)
                    .await?;
                session::start(state, Subject::Citizen(login.citizen_id), &acr).await?;
                Ok(Ok(if login.profile_complete {
                    routes::CITIZEN_HOME
                } else {
                    routes::PROFILE_SETUP
                }
                .to_string()))
            }
            Provider::MitIdErhverv => {
                let Some(cvr) = identity.cvr.as_deref().and_then(|c| Cvr::parse(c).ok()) else {
                    return Ok(Err(SignInRefusal::Invalid));
                };
                let company = match state.cvr.lookup(&cvr).await {
                    Ok(Some(c)) if c.is_active() => c,
                    Ok(_) => return Ok(Err(SignInRefusal::CompanyNotActive)),
                    Err(e) => {
                        internal(&e);
                        return Ok(Err(SignInRefusal::Unavailable));
                    }
                };
                let name = identity.name.as_deref().unwrap_or(&company.name);
                let person = state
                    .store
                    .employer_sign_in(
                        jobspor_store::employers::CompanyFacts {
                            cvr: cvr.as_str(),
                            name: &company.name,
                            email: &company.email,
                        },
                        &identity.subject,
                        name,
                        now,
                    )
                    .await?;
                session::start(state, Subject::Employer(person), &acr).await?;
                Ok(Ok(routes::EMPLOYER_SEARCH.to_string()))
            }
            Provider::Staff => {
                let Some(id) = state.store.caseworker_by_subject(&identity.subject).await? else {
                    return Ok(Err(SignInRefusal::NotStaff));
                };
                let kind = state.store.caseworker(id).await?.kind;
                session::start(state, Subject::Staff(kind, id), &acr).await?;
                Ok(Ok(routes::staff_home(kind).to_string()))
            }
        }
    }
}
