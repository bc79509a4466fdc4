//! Who gets which questionnaire, and who is asked the disability questions. One function each,
//! used by the browser (what to show) and by the server (what to accept).
use crate::choices::choices;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

choices! {
    /// The citizen's situation when registering as a job seeker.
    Situation {
        Dagpenge = "dagpenge", "Jeg får eller har søgt dagpenge", "I get or have applied for dagpenge (unemployment benefit)";
        Dimittend = "dimittend", "Jeg er dimittend og får eller har søgt dagpenge", "I am a recent graduate (dimittend) and get or have applied for dagpenge";
        Kontanthjaelp = "kontanthjaelp", "Jeg har søgt eller får kontanthjælp", "I get or have applied for kontanthjælp (social assistance)";
        Uddannelseshjaelp = "uddannelseshjaelp", "Jeg får uddannelseshjælp", "I get uddannelseshjælp (education assistance)";
        IntegrationWithOrder = "integration_with_order", "Jeg får integrationsydelse og har fået et uddannelsespålæg", "I get integrationsydelse (integration benefit) and have been given an uddannelsespålæg (an order to start education)";
        IntegrationWithoutOrder = "integration_without_order", "Jeg får integrationsydelse uden uddannelsespålæg", "I get integrationsydelse (integration benefit) without an uddannelsespålæg";
        Other = "other", "Andet", "Other";
    }
}

/// The preparation questionnaire ("forberedelsesskemaet") a situation leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Questionnaire {
    /// For dagpenge recipients: register data shown read-only, plus the citizen's answers.
    Dagpenge,
    /// For uddannelseshjælp, and integrationsydelse with an education order: the twelve questions.
    Education,
    /// Everyone else: the citizen's own answers about the job search, without register data.
    General,
}

pub fn questionnaire_for(situation: Situation) -> Questionnaire {
    match situation {
        Situation::Dagpenge | Situation::Dimittend => Questionnaire::Dagpenge,
        Situation::Uddannelseshjaelp | Situation::IntegrationWithOrder => Questionnaire::Education,
        Situation::Kontanthjaelp | Situation::IntegrationWithoutOrder | Situation::Other => {
            Questionnaire::General
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PilotMunicipality {
    /// The municipality code as the CPR register gives it.
    pub code: String,
    pub name: String,
    pub jobcentre: String,
}

/// The disability-questions pilot: configuration data (`src/data/disability_pilot.json`),
/// not code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PilotConfig {
    pub name: String,
    pub note: String,
    pub from: NaiveDate,
    /// `None`: no end set.
    pub to: Option<NaiveDate>,
    pub municipalities: Vec<PilotMunicipality>,
}

impl PilotConfig {
    /// The shipped configuration.
    pub fn shipped() -> &'static PilotConfig {
        static CONFIG: OnceLock<PilotConfig> = OnceLock::new();
        CONFIG.get_or_init(|| {
            serde_json::from_str(include_str!("../data/disability_pilot.json"))
                .expect("src/data/disability_pilot.json is valid")
        })
    }

    pub fn runs_on(&self, day: NaiveDate) -> bool {
        day >= self.from && self.to.is_none_or(|to| day <= to)
    }

    pub fn municipality(&self, code: &str) -> Option<&PilotMunicipality> {
        self.municipalities.iter().find(|m| m.code == code)
    }
}

/// Seed 000: the disability questions are for a citizen who fills in the preparation
/// questionnaire as a dagpenge recipient (a dimittend too) or kontanthjælp applicant AND lives (by the CPR
/// register) in a pilot municipality, while the pilot runs.
pub fn disability_questions_apply(
    situation: Situation,
    municipality_code: Option<&str>,
    pilot: &PilotConfig,
    today: NaiveDate,
) -> bool {
    matches!(
        situation,
        Situation::Dagpenge | Situation::Dimittend | Situation::Kontanthjaelp
    ) && pilot.runs_on(today)
        && municipality_code.is_some_and(|c| pilot.municipality(c).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn the_shipped_pilot_is_the_seeds_ten_municipalities_in_eight_jobcentres() {
        let p = PilotConfig::shipped();
        let names: Vec<_> = p.municipalities.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Aarhus",
                "Vordingborg",
                "Vallensbæk",
                "Ishøj",
                "Frederikshavn",
                "Læsø",
                "Aabenraa",
                "Jammerbugt",
                "Thisted",
                "Horsens"
            ]
        );
        let mut centres: Vec<_> = p
            .municipalities
            .iter()
            .map(|m| m.jobcentre.as_str())
            .collect();
        centres.sort();
        centres.dedup();
        assert_eq!(centres.len(), 8);
        assert_eq!(
            p.municipality("825").unwrap().jobcentre,
            p.municipality("813").unwrap().jobcentre,
            "Læsø shares Frederikshavn's"
        );
        assert_eq!(
            p.municipality("183").unwrap().jobcentre,
            p.municipality("187").unwrap().jobcentre,
            "Ishøj shares Vallensbæk's"
        );
        assert!(p.runs_on(today()));
    }

    /// Every situation × a pilot municipality, one outside, and none known.
    #[test]
    fn eligibility_for_every_situation_in_and_out_of_the_pilot() {
        let p = PilotConfig::shipped();
        let aarhus = Some("751");
        let odense = Some("461");
        for &s in Situation::ALL {
            // A dimittend's benefit is dagpenge.
            let asked = matches!(
                s,
                Situation::Dagpenge | Situation::Dimittend | Situation::Kontanthjaelp
            );
            for pilot_code in p.municipalities.iter().map(|m| m.code.as_str()) {
                assert_eq!(
                    disability_questions_apply(s, Some(pilot_code), p, today()),
                    asked,
                    "{s:?} in {pilot_code}"
                );
            }
            assert_eq!(
                disability_questions_apply(s, aarhus, p, today()),
                asked,
                "{s:?} in Aarhus"
            );
            assert!(
                !disability_questions_apply(s, odense, p, today()),
                "{s:?} in Odense"
            );
            assert!(
                !disability_questions_apply(s, None, p, today()),
                "{s:?} without a municipality"
            );
        }
    }

    #[test]
    fn nobody_is_asked_outside_the_pilots_period() {
        let mut p = PilotConfig::shipped().clone();
        p.to = NaiveDate::from_ymd_opt(2022, 12, 31);
        assert!(disability_questions_apply(
            Situation::Dagpenge,
            Some("751"),
            &p,
            NaiveDate::from_ymd_opt(2022, 12, 31).unwrap()
        ));
        assert!(!disability_questions_apply(
            Situation::Dagpenge,
            Some("751"),
            &p,
            NaiveDate::from_ymd_opt(2023, 1, 1).unwrap()
        ));
        assert!(!disability_questions_apply(
            Situation::Dagpenge,
            Some("751"),
            &p,
            NaiveDate::from_ymd_opt(2019, 12, 31).unwrap()
        ));
    }

    #[test]
    fn the_situation_decides_the_questionnaire() {
        assert_eq!(
            questionnaire_for(Situation::Dagpenge),
            Questionnaire::Dagpenge
        );
        assert_eq!(
            questionnaire_for(Situation::Uddannelseshjaelp),
            Questionnaire::Education
        );
        assert_eq!(
            questionnaire_for(Situation::IntegrationWithOrder),
            Questionnaire::Education
        );
        assert_eq!(
            questionnaire_for(Situation::IntegrationWithoutOrder),
            Questionnaire::General
        );
        assert_eq!(
            questionnaire_for(Situation::Kontanthjaelp),
            Questionnaire::General
        );
        assert_eq!(questionnaire_for(Situation::Other), Questionnaire::General);
    }
}
