//! The preparation questionnaires' questions (seed 000, "Tilmelding som jobsøgende"). Wherever
//! a question implies a scale or categories, the answer is a choice from an explicit list with
//! the Danish wording a jobcentre would use; free text only where the seed asks for it
//! ("andre overvejelser", the elaboration of a hindrance).
use crate::choices::choices;
use crate::validation::{optional_text, required_text, FieldErrors};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const FREE_TEXT_MAX: usize = 2000;

choices! {
    /// Din uddannelseslængde.
    EducationLength {
        Primary = "primary", "Grundskole (op til 10. klasse)";
        Upper = "upper_secondary", "Gymnasial uddannelse";
        Vocational = "vocational", "Erhvervsuddannelse";
        Short = "short_higher", "Kort videregående uddannelse (op til 2 år)";
        Medium = "medium_higher", "Mellemlang videregående uddannelse (3-4 år)";
        Long = "long_higher", "Lang videregående uddannelse (5 år eller mere)";
    }
}

choices! {
    /// Din fagretning.
    FieldOfEducation {
        General = "general", "Almen (ingen fagretning)";
        Business = "business", "Handel, kontor og økonomi";
        Technical = "technical", "Teknik, byggeri og transport";
        Health = "health", "Sundhed, omsorg og pædagogik";
        Food = "food", "Fødevarer, jordbrug og natur";
        It = "it", "IT og kommunikation";
        Humanities = "humanities", "Humaniora, kunst og kultur";
        Science = "science", "Naturvidenskab";
        Social = "social_science", "Samfundsvidenskab og jura";
    }
}

choices! {
    /// Din egen vurdering af, hvor hurtigt du finder et nyt job.
    OwnEstimate {
        Month = "within_1_month", "Inden for 1 måned";
        Quarter = "within_3_months", "Inden for 3 måneder";
        HalfYear = "within_6_months", "Inden for 6 måneder";
        Longer = "longer", "Det vil tage mere end 6 måneder";
        DontKnow = "dont_know", "Ved ikke";
    }
}

choices! {
    /// Grund til, at du er ledig.
    UnemploymentReason {
        Dismissed = "dismissed", "Jeg er blevet afskediget";
        Resigned = "resigned", "Jeg har selv sagt op";
        FixedTermEnded = "fixed_term_ended", "Min tidsbegrænsede ansættelse er udløbet";
        Graduated = "graduated", "Jeg er færdig med en uddannelse";
        OwnBusiness = "own_business", "Jeg har lukket min egen virksomhed";
        Illness = "illness", "Jeg har været syg";
        Other = "other", "Anden grund";
    }
}

choices! {
    /// Hvor længe du har vidst, at du ville blive ledig.
    KnownFor {
        Under1Week = "under_1_week", "Under 1 uge";
        Weeks = "1_4_weeks", "1-4 uger";
        Months = "1_3_months", "1-3 måneder";
        Longer = "over_3_months", "Mere end 3 måneder";
    }
}

choices! {
    /// Jobsøgningsaktivitet: hvor mange job du har søgt den seneste måned.
    SearchActivity {
        None = "none", "Ingen endnu";
        Few = "1_2", "1-2 job";
        Some = "3_5", "3-5 job";
        Many = "6_10", "6-10 job";
        Lots = "over_10", "Mere end 10 job";
    }
}

choices! {
    /// Din vurdering af jobmulighederne inden for din branche.
    Prospects {
        VeryGood = "very_good", "Meget gode";
        Good = "good", "Gode";
        Fair = "fair", "Hverken gode eller dårlige";
        Poor = "poor", "Dårlige";
        VeryPoor = "very_poor", "Meget dårlige";
        DontKnow = "dont_know", "Ved ikke";
    }
}

choices! {
    /// Præferencer til job.
    JobPreference {
        SameTrade = "same_trade", "Job inden for mit fag";
        NearbyTrade = "related_trade", "Job inden for mit fag eller et beslægtet fag";
        AnyJob = "any_job", "Alle job, jeg kan varetage";
        Education = "education", "Jeg vil hellere tage en uddannelse";
    }
}

choices! {
    /// Søgemetoder (den vigtigste).
    SearchMethod {
        Adverts = "adverts", "Jeg søger opslåede stillinger";
        Unsolicited = "unsolicited", "Jeg sender uopfordrede ansøgninger";
        Network = "network", "Jeg bruger mit netværk";
        Agencies = "agencies", "Jeg bruger vikar- og rekrutteringsbureauer";
        SocialMedia = "social_media", "Jeg bruger sociale medier, fx LinkedIn";
    }
}

choices! {
    YesNo {
        Yes = "yes", "Ja";
        No = "no", "Nej";
    }
}

/// The dagpenge questionnaire's (and the general one's) answers, raw from the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct JobSearchForm {
    pub education_length: String,
    pub field_of_education: String,
    pub own_estimate: String,
    pub reason: String,
    pub known_for: String,
    pub activity: String,
    pub prospects: String,
    pub preference: String,
    pub method: String,
    pub other_considerations: String,
    pub hindrance: String,
    pub hindrance_details: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobSearchAnswers {
    pub education_length: EducationLength,
    pub field_of_education: FieldOfEducation,
    pub own_estimate: OwnEstimate,
    pub reason: UnemploymentReason,
    pub known_for: KnownFor,
    pub activity: SearchActivity,
    pub prospects: Prospects,
    pub preference: JobPreference,
    pub method: SearchMethod,
    pub other_considerations: Option<String>,
    /// `Some(elaboration)` when something hinders the citizen from getting work.
    pub hindrance: Option<String>,
}

impl JobSearchAnswers {
    pub fn parse(f: &JobSearchForm) -> Result<JobSearchAnswers, FieldErrors> {
        let mut e = FieldErrors::new();
        let education_length = e.check("education_length", EducationLength::from_code(&f.education_length));
        let field_of_education = e.check("field_of_education", FieldOfEducation::from_code(&f.field_of_education));
        let own_estimate = e.check("own_estimate", OwnEstimate::from_code(&f.own_estimate));
        let reason = e.check("reason", UnemploymentReason::from_code(&f.reason));
        let known_for = e.check("known_for", KnownFor::from_code(&f.known_for));
        let activity = e.check("activity", SearchActivity::from_code(&f.activity));
        let prospects = e.check("prospects", Prospects::from_code(&f.prospects));
        let preference = e.check("preference", JobPreference::from_code(&f.preference));
        let method = e.check("method", SearchMethod::from_code(&f.method));
        let other_considerations = e.check("other_considerations", optional_text(&f.other_considerations, FREE_TEXT_MAX));
        // Seed 000: "eventuel hindring … og i så fald uddybning heraf" — a yes needs the why.
        let hindrance = match e.check("hindrance", YesNo::from_code(&f.hindrance)) {
            Some(YesNo::Yes) => e.check("hindrance_details", required_text(&f.hindrance_details, FREE_TEXT_MAX)).map(Some),
            Some(YesNo::No) => Some(None),
            None => None,
        };
        e.finish(|| {
            Some(JobSearchAnswers {
                education_length: education_length?,
                field_of_education: field_of_education?,
                own_estimate: own_estimate?,
                reason: reason?,
                known_for: known_for?,
                activity: activity?,
                prospects: prospects?,
                preference: preference?,
                method: method?,
                other_considerations: other_considerations?,
                hindrance: hindrance?,
            })
        })
    }
}

/// Raw answers by question name, as forms and drafts carry them.
pub type RawAnswers = BTreeMap<String, String>;

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> JobSearchForm {
        JobSearchForm {
            education_length: "vocational".into(),
            field_of_education: "technical".into(),
            own_estimate: "within_3_months".into(),
            reason: "dismissed".into(),
            known_for: "1_3_months".into(),
            activity: "3_5".into(),
            prospects: "good".into(),
            preference: "related_trade".into(),
            method: "adverts".into(),
            hindrance: "no".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_hindrance_needs_its_elaboration() {
        assert_eq!(JobSearchAnswers::parse(&form()).unwrap().hindrance, None);
        let yes = JobSearchForm { hindrance: "yes".into(), ..form() };
        let e = JobSearchAnswers::parse(&yes).unwrap_err();
        assert_eq!((e.0[0].field.as_str(), e.0[0].key.as_str()), ("hindrance_details", "required"));
        let told = JobSearchForm { hindrance_details: "Jeg har ingen bil.".into(), ..yes };
        assert_eq!(JobSearchAnswers::parse(&told).unwrap().hindrance.as_deref(), Some("Jeg har ingen bil."));
    }

    #[test]
    fn answers_come_from_the_lists() {
        let bad = JobSearchForm { prospects: "fantastiske".into(), ..form() };
        assert_eq!(JobSearchAnswers::parse(&bad).unwrap_err().0[0].key, "choice.invalid");
        let empty = JobSearchAnswers::parse(&JobSearchForm::default()).unwrap_err();
        assert_eq!(empty.len(), 10, "every choice is required; other considerations are optional");
    }
}
