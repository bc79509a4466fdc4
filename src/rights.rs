//! The citizen's rights (seed 000, "Dine rettigheder"; issue 26): what the portal holds
//! about the citizen, where it comes from, who may see it and how long it is kept — the
//! page "Det ved vi om dig" is this list.
use crate::lang::Words;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_says_all_four_in_both_languages() {
        for c in CATEGORIES {
            for w in [c.what, c.source, c.who_sees, c.kept] {
                assert!(!w.da.is_empty() && !w.en.is_empty());
            }
        }
    }
}
