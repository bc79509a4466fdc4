//! The citizen's CV on EURES (issue 24, seed 004): the consent with what to hide, the
//! preview "as EURES sees it", the withdrawal, the receipts; and a parent's or guardian's
//! consent for a minor.
use crate::AppError;
use jobspor::form_fields::Fields;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One receipt, as the citizen reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptView {
    pub id: i64,
    pub action: String,
    pub by: String,
    pub terms_version: String,
    /// The hidden fields' labels, or a word for none.
    pub hidden: String,
    pub channel: String,
    pub at: String,
}

/// The EURES page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EuresPageView {
    /// `TransferState` as a sentence.
    pub state: String,
    /// The citizen's consent stands (possibly waiting for a guardian or a searchable CV).
    pub consenting: bool,
    pub is_minor: bool,
    /// The form's values: the fields hidden now, ticked.
    pub values: Fields,
    pub receipts: Vec<ReceiptView>,
}

/// One row of the preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewRowView {
    pub label: String,
    pub value: String,
    pub status: String,
    /// Sent and shown / sent, hidden / not sent: for the row's style.
    pub class: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EuresPreviewView {
    pub rows: Vec<PreviewRowView>,
    /// The CV's sections that are never sent, and why.
    pub never_sent: Vec<(String, String)>,
}

/// A minor whose parent or guardian the signed-in citizen is, as the register says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WardView {
    /// The ward's id in Jobspor: posted back, and checked against the register again.
    pub id: i64,
    pub name: String,
    /// The minor asked for the transfer (their own consent stands).
    pub asked: bool,
    /// A parent or guardian consented (and did not withdraw).
    pub guardian_consented: bool,
}

#[cfg(feature = "ssr")]
fn state_text(state: jobspor::eures::consent::TransferState, lang: jobspor::Lang) -> String {
    use jobspor::eures::consent::TransferState::*;
    match state {
        NoConsent => lang.pick(
            "Dit CV sendes ikke til EURES. Du kan give dit samtykke nedenfor.",
            "Your CV is not sent to EURES. You can give your consent below.",
        ),
        AwaitingGuardian => lang.pick(
            "Du er under 18 år: dit CV sendes først til EURES, når en forælder eller værge også har givet samtykke. De logger på Jobspor med MitID og giver samtykket under \"Samtykke for dit barn\".",
            "You are under 18: your CV is only sent to EURES when a parent or guardian has also consented. They log in to Jobspor with MitID and consent under \"Consent for your child\".",
        ),
        NotSearchable => lang.pick(
            "Du har givet samtykke, men dit CV er ikke søgbart, så det er ikke på EURES. Gør dit CV søgbart, så sendes det igen.",
            "You have consented, but your CV is not searchable, so it is not on EURES. Make your CV searchable and it is sent again.",
        ),
        Offered => lang.pick(
            "Dit CV er sendt til EURES. Ændringer i dit CV når EURES inden for nogle timer.",
            "Your CV is sent to EURES. Changes to your CV reach EURES within a few hours.",
        ),
    }
    .to_string()
}

#[server(endpoint = "citizen/eures")]
pub async fn get_eures_page() -> Result<EuresPageView, AppError> {
    use jobspor::eures::consent::{form_values, ReceiptAction};
    let (state, me) = crate::ssr::guard::citizen().await?;
    let lang = crate::lang::current();
    let o = state.store.eures_overview(me, state.clock.now()).await?;
    let consenting = o.consenting;
    Ok(EuresPageView {
        state: state_text(o.state, lang),
        consenting,
        is_minor: o.is_minor,
        values: if consenting {
            form_values(&o.hidden)
        } else {
            Fields::new()
        },
        receipts: o
            .receipts
            .into_iter()
            .map(|r| ReceiptView {
                id: r.id,
                action: r.action.label(lang).to_string(),
                by: r.actor.label(lang).to_string(),
                terms_version: r.terms_version,
                hidden: if r.action == ReceiptAction::Withdrawn {
                    "–".into()
                } else if r.hidden.is_empty() {
                    lang.pick("Intet skjult", "Nothing hidden").into()
                } else {
                    r.hidden
                        .iter()
                        .map(|f| f.label(lang))
                        .collect::<Vec<_>>()
                        .join(", ")
                },
                channel: r.channel.label(lang).to_string(),
                at: jobspor::dates::format_da_time(r.at),
            })
            .collect(),
    })
}

/// Gives the consent, or changes what is hidden under it: a receipt each time.
#[server(endpoint = "citizen/eures-consent")]
pub async fn give_eures_consent(#[server(default)] form: Fields) -> Result<(), AppError> {
    use jobspor::eures::consent::{parse_consent_form, ReceiptAction, ReceiptChannel};
    use jobspor_store::eures::NewReceipt;
    let (state, me) = crate::ssr::guard::citizen().await?;
    let echo = crate::api::echo_fields(&form);
    let hidden = parse_consent_form(&form).map_err(|errors| AppError::invalid(errors, echo))?;
    let now = state.clock.now();
    let action = if consenting(&state, me).await? {
        ReceiptAction::Changed
    } else {
        ReceiptAction::Given
    };
    state
        .store
        .record_eures_receipt(
            me,
            &NewReceipt {
                action,
                hidden,
                channel: ReceiptChannel::Web,
            },
            now,
        )
        .await?;
    leptos_axum::redirect(&crate::routes::eures_saved());
    Ok(())
}

/// Withdraws the consent: the copy on EURES is closed at once. Without a standing
/// consent there is nothing to withdraw ("not found").
#[server(endpoint = "citizen/eures-withdraw")]
pub async fn withdraw_eures_consent() -> Result<(), AppError> {
    use jobspor::eures::consent::{ReceiptAction, ReceiptChannel};
    use jobspor_store::eures::NewReceipt;
    let (state, me) = crate::ssr::guard::citizen().await?;
    if !consenting(&state, me).await? {
        return Err(AppError::NotFound);
    }
    state
        .store
        .record_eures_receipt(
            me,
            &NewReceipt {
                action: ReceiptAction::Withdrawn,
                hidden: Default::default(),
                channel: ReceiptChannel::Web,
            },
            state.clock.now(),
        )
        .await?;
    leptos_axum::redirect(&crate::routes::eures_saved());
    Ok(())
}

/// "Se dit CV som EURES ser det": the model the document is written from, row by row.
#[server(endpoint = "citizen/eures-preview")]
pub async fn get_eures_preview() -> Result<EuresPreviewView, AppError> {
    use jobspor::eures::PreviewStatus;
    let (state, me) = crate::ssr::guard::citizen().await?;
    let lang = crate::lang::current();
    let hidden = state
        .store
        .eures_overview(me, state.clock.now())
        .await?
        .hidden;
    let c = state.store.eures_candidate(me, &hidden).await?;
    Ok(EuresPreviewView {
        rows: c
            .preview()
            .into_iter()
            .map(|r| PreviewRowView {
                label: r.label,
                value: r.value,
                status: r.status.text(lang).to_string(),
                class: match r.status {
                    PreviewStatus::SentShown => "shown",
                    PreviewStatus::SentHidden => "hidden",
                    PreviewStatus::NotSent => "not-sent",
                }
                .into(),
            })
            .collect(),
        never_sent: c
            .never_sent
            .iter()
            .map(|s| {
                (
                    s.label(lang).to_string(),
                    jobspor::eures::why_never_sent(*s)
                        .map(|w| w.get(lang).to_string())
                        .unwrap_or_default(),
                )
            })
            .collect(),
    })
}

/// The minors the signed-in citizen holds custody of (the CPR register says), with where
/// their EURES transfer stands.
#[server(endpoint = "citizen/eures-wards")]
pub async fn get_eures_wards() -> Result<Vec<WardView>, AppError> {
    let (state, me) = crate::ssr::guard::citizen().await?;
    let mut out = Vec::new();
    for (id, name) in wards(&state, me).await? {
        let (own, guardian) = state.store.eures_ward_state(id).await?;
        out.push(WardView {
            id: id.get(),
            name,
            asked: own.is_some_and(|a| a.consents()),
            guardian_consented: guardian.is_some_and(|a| a.consents()),
        });
    }
    Ok(out)
}

/// A parent's or guardian's consent (`give`) or withdrawal for one of their wards.
#[server(endpoint = "citizen/eures-guardian")]
pub async fn eures_guardian_consent(ward: i64, give: bool) -> Result<(), AppError> {
    use jobspor::eures::consent::ReceiptAction;
    let (state, me) = crate::ssr::guard::citizen().await?;
    // The register is asked again: a crafted id of someone else's child is "not found".
    let Some((ward, _)) = wards(&state, me)
        .await?
        .into_iter()
        .find(|(id, _)| id.get() == ward)
    else {
        return Err(AppError::NotFound);
    };
    let action = if give {
        ReceiptAction::Given
    } else {
        ReceiptAction::Withdrawn
    };
    state
        .store
        .record_eures_guardian_receipt(me, ward, action, state.clock.now())
        .await?;
    leptos_axum::redirect(&crate::routes::eures_guardian_saved());
    Ok(())
}

/// Whether the citizen's own consent stands.
#[cfg(feature = "ssr")]
async fn consenting(
    state: &crate::ssr::state::AppState,
    me: jobspor::policy::Caller<jobspor::CitizenId>,
) -> Result<bool, AppError> {
    Ok(state
        .store
        .eures_overview(me, state.clock.now())
        .await?
        .consenting)
}

/// The signed-in citizen's wards who are minors with a profile in Jobspor: (id, name).
#[cfg(feature = "ssr")]
async fn wards(
    state: &crate::ssr::state::AppState,
    me: jobspor::policy::Caller<jobspor::CitizenId>,
) -> Result<Vec<(jobspor::CitizenId, String)>, AppError> {
    use jobspor::cpr::Cpr;
    let today = state.clock.today();
    let own = state.store.citizen_cpr(me.id()).await?;
    let own = Cpr::parse(&own).map_err(|_| AppError::NotFound)?;
    let mut out = Vec::new();
    for ward in state
        .cpr
        .wards(&own)
        .await
        .map_err(|e| crate::error::internal(&e))?
    {
        let Ok(cpr) = Cpr::parse(&ward) else { continue };
        let Some(person) = state
            .cpr
            .lookup(&cpr)
            .await
            .map_err(|e| crate::error::internal(&e))?
        else {
            continue;
        };
        if !person.is_minor_on(today) {
            continue;
        }
        if let Some(id) = state.store.citizen_id_by_cpr(cpr.digits()).await? {
            out.push((id, person.full_name()));
        }
    }
    Ok(out)
}
