//! The citizen's rights (seed 000, "Dine rettigheder"; issue 26): what the portal holds
//! about the citizen, where it comes from, who may see it and how long it is kept — the
//! page "Det ved vi om dig" is this list.
use crate::choices::choices;
use crate::form_fields::{field_list, req, FieldKind, FieldSpec, Fields};
use crate::lang::Words;
use crate::messages::Msg;
use crate::validation::{optional_text, required_text, FieldErrors};
use serde::{Deserialize, Serialize};

/// One kind of data the portal holds about a citizen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataCategory {
    pub what: Words,
    pub source: Words,
    pub who_sees: Words,
    pub kept: Words,
}

const INACTIVE: Words = Words::new(
    "Til profilen har været inaktiv i 18½ måned (du får en e-mail 2 uger før), eller til du sletter den",
    "Until the profile has been inactive for 18½ months (you get an e-mail 2 weeks before), or until you delete it",
);

/// The categories, in the order the page lists them.
pub const CATEGORIES: &[DataCategory] = &[
    DataCategory {
        what: Words::new("Navn, CPR-nummer og adresse", "Name, CPR number and address"),
        source: Words::new("CPR-registeret, hentet når du logger på", "The CPR register, fetched when you log in"),
        who_sees: Words::new(
            "Dig, dit jobcenter, din a-kasse (på dagpenge) og Jobnetsupporten med dit samtykke. Arbejdsgivere ser navn og adresse på et søgbart CV, aldrig CPR-nummeret og aldrig en beskyttet adresse",
            "You, your jobcentre, your a-kasse (on dagpenge) and Jobnetsupporten with your consent. Employers see the name and address on a searchable CV, never the CPR number and never a protected address",
        ),
        kept: INACTIVE,
    },
    DataCategory {
        what: Words::new("Kontaktoplysninger og påmindelser", "Contact details and reminders"),
        source: Words::new("Dig", "You"),
        who_sees: Words::new(
            "Dig, dit jobcenter, din a-kasse og Jobnetsupporten med dit samtykke; arbejdsgivere på et søgbart CV, medmindre du skjuler dem",
            "You, your jobcentre, your a-kasse and Jobnetsupporten with your consent; employers on a searchable CV unless you hide them",
        ),
        kept: INACTIVE,
    },
    DataCategory {
        what: Words::new("CV", "CV"),
        source: Words::new("Dig", "You"),
        who_sees: Words::new(
            "Dig og dit jobcenter; arbejdsgivere og EURES kun når du har valgt det, og aldrig fravær og særlige hensyn",
            "You and your jobcentre; employers and EURES only when you chose so, and never absence and special considerations",
        ),
        kept: Words::new(
            "Søgbart i 12 uger efter dit seneste login; derefter som profilen",
            "Searchable for 12 weeks after your last login; then as the profile",
        ),
    },
    DataCategory {
        what: Words::new(
            "Tilmelding, forberedelsesskema og svar om helbred",
            "Registration, preparation questionnaire and answers about health",
        ),
        source: Words::new(
            "Dig, og registre via a-kassen og kommunen",
            "You, and registers via the a-kasse and the municipality",
        ),
        who_sees: Words::new(
            "Dig og dit jobcenter; din a-kasse ser tilmeldingen og dagpengeskemaet, aldrig svarene om helbred",
            "You and your jobcentre; your a-kasse sees the registration and the dagpenge questionnaire, never the answers about health",
        ),
        kept: INACTIVE,
    },
    DataCategory {
        what: Words::new(
            "Joblog, plan, møder og fravær",
            "Joblog, plan, meetings and absence",
        ),
        source: Words::new("Dig og dit jobcenter", "You and your jobcentre"),
        who_sees: Words::new(
            "Dig og dit jobcenter; din a-kasse ser joblog og fravær, når du får dagpenge. Aldrig arbejdsgivere",
            "You and your jobcentre; your a-kasse sees the joblog and absence when you get dagpenge. Never employers",
        ),
        kept: INACTIVE,
    },
    DataCategory {
        what: Words::new("Min historik: hvem har set hvad", "My history: who saw what"),
        source: Words::new("Jobspor skriver det ved hver adgang", "Jobspor records it at every access"),
        who_sees: Words::new("Dig", "You"),
        kept: Words::new("6 måneder; du ser de seneste 3", "6 months; you see the last 3"),
    },
    DataCategory {
        what: Words::new("Beskeder til dig", "Messages to you"),
        source: Words::new("Jobspor og dit jobcenter", "Jobspor and your jobcentre"),
        who_sees: Words::new("Dig", "You"),
        kept: INACTIVE,
    },
];

/// The confirmation a deletion asks for: a ticked box named `confirm`, whoever sends the
/// form (a crafted request without it is refused the same way).
pub fn confirmed(raw: &Fields) -> Result<(), FieldErrors> {
    let mut e = FieldErrors::new();
    if !raw
        .get(CONFIRM_FIELD)
        .is_some_and(|v| crate::validation::checkbox(v))
    {
        e.add(CONFIRM_FIELD, Msg::ConfirmRequired);
    }
    e.finish(|| Some(()))
}

/// The deletion forms' box.
pub const CONFIRM_FIELD: &str = "confirm";

choices! {
    /// What the citizen objects to (GDPR art. 21): the processing the seed names, each
    /// with the basis the portal rests it on.
    ObjectionAbout {
        CvSearch = "cv_search", "At arbejdsgivere kan søge mit CV", "That employers can search my CV";
        Caseworkers = "caseworkers", "Jobcentrets og a-kassens behandling af mine oplysninger", "The jobcentre's and the a-kasse's processing of my data";
        Statistics = "statistics", "Statistik om min brug af Jobspor", "Statistics of my use of Jobspor";
        Research = "research", "Forskningsprojektet med Københavns Universitet", "The research project with the University of Copenhagen";
        Other = "other", "Andet", "Something else";
    }
}

choices! {
    /// Where an objection stands; the citizen sees it, support moves it on.
    ObjectionState {
        Received = "received", "Modtaget", "Received";
        InHandling = "in_handling", "Under behandling", "Being handled";
        Answered = "answered", "Besvaret", "Answered";
    }
}

pub const REASON_MAX: usize = 2000;
pub const ANSWER_MAX: usize = 2000;

/// The citizen's objection.
pub const OBJECTION_FIELDS: &[FieldSpec] = field_list![
    req(
        "about",
        "Hvad gør du indsigelse mod?",
        "What do you object to?",
        FieldKind::Radio(ObjectionAbout::OPTIONS)
    ),
    req(
        "reason",
        "Hvorfor? Skriv det, der gælder din særlige situation",
        "Why? Write what applies to your particular situation",
        FieldKind::TextArea { max: REASON_MAX }
    ),
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Objection {
    pub about: ObjectionAbout,
    pub reason: String,
}

impl Objection {
    pub fn parse(raw: &Fields) -> Result<Objection, FieldErrors> {
        let mut e = FieldErrors::new();
        let about = e.check(
            "about",
            ObjectionAbout::from_choice(raw.get("about").map_or("", |v| v.as_str())),
        );
        let reason = e.check(
            "reason",
            required_text(raw.get("reason").map_or("", |v| v.as_str()), REASON_MAX),
        );
        e.finish(|| {
            Some(Objection {
                about: about?,
                reason: reason?,
            })
        })
    }
}

/// Support's handling of an objection: the new state and, when answered, the answer.
pub const HANDLING_FIELDS: &[FieldSpec] = field_list![
    req(
        "state",
        "Hvor står indsigelsen?",
        "Where does the objection stand?",
        FieldKind::Radio(ObjectionState::OPTIONS)
    ),
    crate::form_fields::opt(
        "answer",
        "Svar til borgeren",
        "Answer to the citizen",
        FieldKind::TextArea { max: ANSWER_MAX }
    ),
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectionHandling {
    pub state: ObjectionState,
    pub answer: Option<String>,
}

impl ObjectionHandling {
    pub fn parse(raw: &Fields) -> Result<ObjectionHandling, FieldErrors> {
        let mut e = FieldErrors::new();
        let state = e.check(
            "state",
            ObjectionState::from_choice(raw.get("state").map_or("", |v| v.as_str())),
        );
        let answer = e
            .check(
                "answer",
                optional_text(raw.get("answer").map_or("", |v| v.as_str()), ANSWER_MAX),
            )
            .flatten();
        if state == Some(ObjectionState::Answered) && answer.is_none() {
            e.add("answer", Msg::ObjectionAnswerRequired);
        }
        e.finish(|| {
            Some(ObjectionHandling {
                state: state?,
                answer: answer.clone(),
            })
        })
    }
}

/// An answered objection is closed: support cannot move it back (the citizen has the
/// answer; a new objection starts a new case).
pub fn may_move(from: ObjectionState) -> Result<(), Msg> {
    match from {
        ObjectionState::Answered => Err(Msg::ObjectionAnswered),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_deletion_needs_the_ticked_box() {
        assert!(confirmed(&fields(&[("confirm", "on")])).is_ok());
        for raw in [
            fields(&[]),
            fields(&[("confirm", "")]),
            fields(&[("confirm", "no")]),
        ] {
            let e = confirmed(&raw).unwrap_err();
            assert_eq!(
                e.for_field("confirm").map(|f| f.key),
                Some(Msg::ConfirmRequired)
            );
        }
    }

    #[test]
    fn an_objection_names_what_and_why() {
        let o =
            Objection::parse(&fields(&[("about", "cv_search"), ("reason", " Min chef ")])).unwrap();
        assert_eq!(o.about, ObjectionAbout::CvSearch);
        assert_eq!(o.reason, "Min chef");
        let e = Objection::parse(&fields(&[("about", ""), ("reason", "")])).unwrap_err();
        assert_eq!(
            e.for_field("about").map(|f| f.key),
            Some(Msg::ChoiceRequired)
        );
        assert_eq!(e.for_field("reason").map(|f| f.key), Some(Msg::Required));
        let e = Objection::parse(&fields(&[("about", "sell_it"), ("reason", "x")])).unwrap_err();
        assert_eq!(
            e.for_field("about").map(|f| f.key),
            Some(Msg::ChoiceInvalid)
        );
        let long = "x".repeat(REASON_MAX + 1);
        let e = Objection::parse(&fields(&[("about", "other"), ("reason", &long)])).unwrap_err();
        assert!(e.for_field("reason").map(|f| f.key).is_some());
    }

    #[test]
    fn an_answer_is_needed_to_answer_and_an_answer_is_final() {
        let e = ObjectionHandling::parse(&fields(&[("state", "answered")])).unwrap_err();
        assert_eq!(
            e.for_field("answer").map(|f| f.key),
            Some(Msg::ObjectionAnswerRequired)
        );
        let h =
            ObjectionHandling::parse(&fields(&[("state", "answered"), ("answer", "Ja")])).unwrap();
        assert_eq!(h.answer.as_deref(), Some("Ja"));
        assert!(ObjectionHandling::parse(&fields(&[("state", "in_handling")])).is_ok());
        assert_eq!(
            may_move(ObjectionState::Answered),
            Err(Msg::ObjectionAnswered)
        );
        assert!(may_move(ObjectionState::Received).is_ok());
    }

    #[test]
    fn every_category_says_all_four_in_both_languages() {
        for c in CATEGORIES {
            for w in [c.what, c.source, c.who_sees, c.kept] {
                assert!(!w.da.is_empty() && !w.en.is_empty());
            }
        }
    }
}
