//! The consent to send the CV to EURES (seed 004): who must consent, what a receipt says,
//! and when the CV is offered. A minor (under 18 by the CPR birthday) needs a parent's or
//! guardian's consent too ("Hvis du er mindreårig, skal du desuden have dine forældres/din
//! værges samtykke"), and the CV is offered only while it is searchable (§8: "Hvis du …
//! gør det ikke-søgbart … så slettes dit CV fra Euresportalen").
use super::fields::EuresField;
use crate::choices::{choices, Options};
use crate::form_fields::{checkbox_key, hint, opt, req, FieldKind, FieldSpec, Fields};
use crate::lang::Words;
use crate::messages::Msg;
use crate::validation::{checkbox, FieldErrors};
use std::collections::BTreeSet;

/// The version of the terms a consent was given to, kept on each receipt. A new text is a
/// new version (and a new file beside this one).
pub const TERMS_VERSION: &str = "2019-EURES-1";
/// How long a closed reference stays in the input API, so that a poller that was away
/// still learns of the closure: a month, as long as EURES keeps its backups (seed 004 §8)
/// and far beyond how often EURES polls (`JOBSPOR_EURES_CLOSED_DAYS` changes it).
pub const CLOSURES_KEPT_DAYS: u32 = 30;

/// The terms' text (seed 004, "Vilkår for CV på EURES"), shown on the consent page.
pub const TERMS_DA: &str = include_str!("../data/eures_terms_2019.txt");

choices! {
    /// What a receipt records.
    ReceiptAction {
        Given = "given", "Samtykke givet", "Consent given";
        Changed = "changed", "Skjulte oplysninger ændret", "Hidden details changed";
        Withdrawn = "withdrawn", "Samtykke trukket tilbage", "Consent withdrawn";
    }
}

choices! {
    /// Who acted.
    Consenter {
        Citizen = "citizen", "Dig selv", "You";
        Guardian = "guardian", "Forælder eller værge", "Parent or guardian";
    }
}

choices! {
    /// How the consent was given.
    ReceiptChannel {
        Web = "web", "Selvbetjening i Jobspor", "Self-service in Jobspor";
    }
}

impl ReceiptAction {
    /// Whether the consent stands after this action.
    pub fn consents(self) -> bool {
        !matches!(self, ReceiptAction::Withdrawn)
    }
}

/// Where a citizen's transfer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransferState {
    /// No standing consent of the citizen's.
    NoConsent,
    /// The citizen consented; a minor's parent or guardian has not (or withdrew).
    AwaitingGuardian,
    /// Consented, but the CV is not searchable (by choice or after 12 weeks without a
    /// login): nothing is offered, and an offered copy is closed.
    NotSearchable,
    /// The CV is offered to EURES.
    Offered,
}

/// The state from the latest receipts: the citizen's own, and (for a minor) the latest of
/// any parent's or guardian's.
pub fn transfer_state(
    own: Option<ReceiptAction>,
    is_minor: bool,
    guardian: Option<ReceiptAction>,
    cv_searchable: bool,
) -> TransferState {
    if !own.is_some_and(ReceiptAction::consents) {
        TransferState::NoConsent
    } else if is_minor && !guardian.is_some_and(ReceiptAction::consents) {
        TransferState::AwaitingGuardian
    } else if !cv_searchable {
        TransferState::NotSearchable
    } else {
        TransferState::Offered
    }
}

/// The fields the citizen may hide, as the consent form offers them, in the seed's order.
pub const HIDEABLE_OPTIONS: Options = &{
    let all = EuresField::OPTIONS;
    [
        all[0], all[1], all[3], all[4], all[5], all[6], all[7], all[8], all[9], all[10], all[11],
        all[12], all[13], all[14],
    ]
};

/// The one box that is the consent.
pub const ACCEPT_OPTIONS: Options = &[(
    "yes",
    Words::new(
        "Jeg har læst vilkårene og giver samtykke til, at mit CV overføres til EURES",
        "I have read the terms and consent to my CV being transferred to EURES",
    ),
)];

/// The consent form: what to hide, and the consent itself.
pub const FIELDS: &[FieldSpec] = &[
    hint(
        opt(
            "hidden",
            "Skjul disse oplysninger, når arbejdsgivere ser mit CV på EURES",
            "Hide these details when employers see my CV on EURES",
            FieldKind::Checkboxes(HIDEABLE_OPTIONS),
        ),
        "Skjulte oplysninger sendes stadig og bruges til at finde job, der passer til dig, men de vises ikke. Skjuler du mobilnummer og e-mail, kan arbejdsgivere kun kontakte dig gennem Jobnetsupporten.",
        "Hidden details are still sent and used to find jobs that suit you, but they are not shown. If you hide your mobile number and e-mail, employers can only contact you through Jobnet's support.",
    ),
    req(
        "accept",
        "Samtykke",
        "Consent",
        FieldKind::Checkboxes(ACCEPT_OPTIONS),
    ),
];

/// Reads the consent form: the fields to hide, once the consent box is ticked.
pub fn parse_consent_form(raw: &Fields) -> Result<BTreeSet<EuresField>, FieldErrors> {
    let mut e = FieldErrors::new();
    let accepted = raw
        .get(&checkbox_key("accept", "yes"))
        .is_some_and(|v| checkbox(v));
    if !accepted {
        e.add("accept", Msg::EuresMustConsent);
    }
    let hidden: BTreeSet<EuresField> = EuresField::ALL
        .iter()
        .copied()
        .filter(|f| f.hideable())
        .filter(|f| {
            raw.get(&checkbox_key("hidden", f.code()))
                .is_some_and(|v| checkbox(v))
        })
        .collect();
    e.finish(|| Some(hidden))
}

/// The form's values for fields hidden now, to show them ticked.
pub fn form_values(hidden: &BTreeSet<EuresField>) -> Fields {
    hidden
        .iter()
        .map(|f| (checkbox_key("hidden", f.code()), "on".to_string()))
        .collect()
}

/// The hidden fields as a receipt and the offered copy keep them: codes, sorted,
/// comma-separated.
pub fn hidden_codes(hidden: &BTreeSet<EuresField>) -> String {
    let mut codes: Vec<&str> = hidden.iter().map(|f| f.code()).collect();
    codes.sort_unstable();
    codes.join(",")
}

/// The hidden fields from their codes; codes no longer known are dropped, and only hideable
/// fields can be hidden.
pub fn hidden_from_codes(codes: &str) -> BTreeSet<EuresField> {
    codes
        .split(',')
        .filter_map(|c| EuresField::from_code(c).ok())
        .filter(|f| f.hideable())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReceiptAction::*;

    #[test]
    fn an_adult_needs_only_their_own_consent_and_a_searchable_cv() {
        assert_eq!(
            transfer_state(None, false, None, true),
            TransferState::NoConsent
        );
        assert_eq!(
            transfer_state(Some(Given), false, None, true),
            TransferState::Offered
        );
        assert_eq!(
            transfer_state(Some(Changed), false, None, true),
            TransferState::Offered
        );
        assert_eq!(
            transfer_state(Some(Given), false, None, false),
            TransferState::NotSearchable
        );
        assert_eq!(
            transfer_state(Some(Withdrawn), false, None, true),
            TransferState::NoConsent
        );
    }

    #[test]
    fn a_minor_needs_a_guardian_too_and_either_withdrawal_ends_it() {
        assert_eq!(
            transfer_state(Some(Given), true, None, true),
            TransferState::AwaitingGuardian
        );
        assert_eq!(
            transfer_state(Some(Given), true, Some(Given), true),
            TransferState::Offered
        );
        assert_eq!(
            transfer_state(Some(Given), true, Some(Withdrawn), true),
            TransferState::AwaitingGuardian
        );
        // A guardian's consent alone sends nothing.
        assert_eq!(
            transfer_state(None, true, Some(Given), true),
            TransferState::NoConsent
        );
        assert_eq!(
            transfer_state(Some(Withdrawn), true, Some(Given), true),
            TransferState::NoConsent
        );
    }

    #[test]
    fn hidden_fields_round_trip_and_only_hideable_ones_count() {
        let hidden: BTreeSet<EuresField> = [EuresField::Email, EuresField::Name].into();
        assert_eq!(hidden_from_codes(&hidden_codes(&hidden)), hidden);
        assert!(hidden_from_codes("gender,nonsense").is_empty());
    }

    #[test]
    fn the_form_offers_exactly_the_hideable_fields_and_needs_the_consent_box() {
        let offered: Vec<&str> = HIDEABLE_OPTIONS.iter().map(|(c, _)| *c).collect();
        let hideable: Vec<&str> = super::super::fields::HIDEABLE
            .iter()
            .map(|f| f.code())
            .collect();
        assert_eq!(offered, hideable);
        let mut raw = Fields::new();
        raw.insert("hidden__email".into(), "on".into());
        // A crafted request hiding what cannot be hidden: ignored.
        raw.insert("hidden__gender".into(), "on".into());
        assert!(
            parse_consent_form(&raw).is_err(),
            "the consent box is required"
        );
        raw.insert("accept__yes".into(), "on".into());
        let hidden = parse_consent_form(&raw).unwrap();
        assert_eq!(hidden, [EuresField::Email].into());
        assert_eq!(
            form_values(&hidden)
                .get("hidden__email")
                .map(String::as_str),
            Some("on")
        );
    }

    #[test]
    fn the_terms_are_the_seeds() {
        assert!(TERMS_DA.starts_with("Vilkår for CV på EURES"));
        assert!(TERMS_DA.contains("Følgende oplysninger vil aldrig blive overført"));
    }
}
