//! Registering as a job seeker: the citizen's situation, and for dagpenge (a dimittend's too)
//! the a-kasse.
use super::eligibility::Situation;
use crate::choices::choices;
use crate::form_fields::{follow_up, req, FieldKind, FieldSpec};
use crate::validation::FieldErrors;
use serde::{Deserialize, Serialize};

choices! {
    /// The recognised unemployment insurance funds (a-kasser) a dagpenge recipient can be a
    /// member of.
    AKasse {
        TreF = "3f", "3F A-kasse", "3F A-kasse";
        Akademikernes = "aka", "Akademikernes A-kasse", "Akademikernes A-kasse";
        Ase = "ase", "ASE", "ASE";
        Bupl = "bupl", "BUPL-A", "BUPL-A";
        Ca = "ca", "CA a-kasse", "CA a-kasse";
        Dana = "dana", "DANA", "DANA";
        DetFagligeHus = "dfh", "Det Faglige Hus A-kasse", "Det Faglige Hus A-kasse";
        Metal = "metal", "Dansk Metal A-kasse", "Dansk Metal A-kasse";
        ElFaget = "el", "El-fagets A-kasse", "El-fagets A-kasse";
        Foa = "foa", "FOA A-kasse", "FOA A-kasse";
        Ffa = "ffa", "Frie Funktionærers A-kasse", "Frie Funktionærers A-kasse";
        Hk = "hk", "HK A-kasse", "HK A-kasse";
        Ida = "ida", "Ingeniørernes A-kasse", "Ingeniørernes A-kasse";
        Krifa = "krifa", "Krifa A-kasse", "Krifa A-kasse";
        Lederne = "lederne", "Ledernes A-kasse", "Ledernes A-kasse";
        Laererne = "dlf", "Lærernes A-kasse", "Lærernes A-kasse";
        Magistrene = "ma", "Magistrenes A-kasse", "Magistrenes A-kasse";
        Min = "min", "Min A-kasse", "Min A-kasse";
        Nnf = "nnf", "Fødevareforbundet NNF's A-kasse", "Fødevareforbundet NNF's A-kasse";
    }
}

/// The registration form's fields: the a-kasse is asked after "dagpenge".
pub const FIELDS: &[FieldSpec] = &[
    req(
        "situation",
        "Hvad er din situation?",
        "What is your situation?",
        FieldKind::Radio(Situation::OPTIONS),
    ),
    follow_up(
        req(
            "a_kasse",
            "Hvilken a-kasse er du medlem af?",
            "Which a-kasse (unemployment insurance fund) are you a member of?",
            FieldKind::Select(AKasse::OPTIONS),
        ),
        "situation",
        &["dagpenge", "dimittend"],
    ),
];

/// The registration form, raw.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegistrationForm {
    pub situation: String,
    pub a_kasse: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    pub situation: Situation,
    /// Only for dagpenge and dimittends, where it is required.
    pub a_kasse: Option<AKasse>,
}

impl Registration {
    pub fn parse(f: &RegistrationForm) -> Result<Registration, FieldErrors> {
        let mut e = FieldErrors::new();
        let situation = e.check("situation", Situation::from_choice(&f.situation));
        let a_kasse = match situation {
            Some(Situation::Dagpenge | Situation::Dimittend) => e
                .check("a_kasse", AKasse::from_choice(&f.a_kasse))
                .map(Some),
            // A fund chosen before the situation was changed is not kept.
            _ => Some(None),
        };
        e.finish(|| {
            Some(Registration {
                situation: situation?,
                a_kasse: a_kasse?,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Msg;

    fn form(situation: &str, a_kasse: &str) -> RegistrationForm {
        RegistrationForm {
            situation: situation.into(),
            a_kasse: a_kasse.into(),
        }
    }

    #[test]
    fn dagpenge_needs_an_a_kasse_and_nothing_else_keeps_one() {
        let e = Registration::parse(&form("dagpenge", "")).unwrap_err();
        assert_eq!(
            (e.0[0].field.as_str(), e.0[0].key),
            ("a_kasse", Msg::ChoiceRequired)
        );
        assert_eq!(
            Registration::parse(&form("dagpenge", "hk"))
                .unwrap()
                .a_kasse,
            Some(AKasse::Hk)
        );
        assert_eq!(
            Registration::parse(&form("kontanthjaelp", "hk")).unwrap(),
            Registration {
                situation: Situation::Kontanthjaelp,
                a_kasse: None
            }
        );
        assert_eq!(
            Registration::parse(&form("", "")).unwrap_err().0[0].key,
            Msg::ChoiceRequired
        );
        assert_eq!(
            Registration::parse(&form("dagpenge", "nope"))
                .unwrap_err()
                .0[0]
                .key,
            Msg::ChoiceInvalid
        );
    }
}
