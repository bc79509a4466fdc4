//! Qualifications, driving licences, languages and IT skills: each a choice from an explicit
//! list where the seed implies a scale or categories.
use crate::choices::choices;
use crate::messages::Msg;
use crate::validation::{required_text, FieldErrors};
use serde::{Deserialize, Serialize};

choices! {
    /// EU driving licence categories (directive 2006/126/EC).
    DrivingLicence {
        Am = "AM", "AM – knallert";
        A1 = "A1", "A1 – lille motorcykel";
        A2 = "A2", "A2 – mellemstor motorcykel";
        A = "A", "A – stor motorcykel";
        B = "B", "B – almindelig bil";
        Be = "BE", "BE – bil med stort påhængskøretøj";
        C1 = "C1", "C1 – lille lastbil";
        C1e = "C1E", "C1E – lille lastbil med påhængskøretøj";
        C = "C", "C – stor lastbil";
        Ce = "CE", "CE – lastbil med påhængskøretøj";
        D1 = "D1", "D1 – minibus";
        D1e = "D1E", "D1E – minibus med påhængskøretøj";
        D = "D", "D – bus";
        De = "DE", "DE – bus med påhængskøretøj";
    }
}

choices! {
    /// The CEFR scale, plus mother tongue.
    LanguageLevel {
        A1 = "A1", "A1 – begynder";
        A2 = "A2", "A2 – let øvet";
        B1 = "B1", "B1 – mellemniveau";
        B2 = "B2", "B2 – øvet";
        C1 = "C1", "C1 – avanceret";
        C2 = "C2", "C2 – på højt niveau";
        MotherTongue = "mother_tongue", "Modersmål";
    }
}

choices! {
    /// An explicit scale for IT skills.
    ItLevel {
        Basic = "basic", "Begynder – kan bruge programmet til enkle opgaver";
        Intermediate = "intermediate", "Øvet – bruger programmet selvstændigt i det daglige";
        Advanced = "advanced", "Rutineret – kan løse komplekse opgaver og hjælpe andre";
        Expert = "expert", "Ekspert – kan undervise i, tilpasse eller udvikle programmet";
    }
}

/// ISO 639-1 codes with Danish names: the languages offered in the CV.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("da", "Dansk"),
    ("en", "Engelsk"),
    ("de", "Tysk"),
    ("sv", "Svensk"),
    ("no", "Norsk"),
    ("is", "Islandsk"),
    ("fo", "Færøsk"),
    ("kl", "Grønlandsk"),
    ("fi", "Finsk"),
    ("fr", "Fransk"),
    ("es", "Spansk"),
    ("it", "Italiensk"),
    ("pt", "Portugisisk"),
    ("nl", "Nederlandsk"),
    ("pl", "Polsk"),
    ("lt", "Litauisk"),
    ("lv", "Lettisk"),
    ("et", "Estisk"),
    ("ro", "Rumænsk"),
    ("bg", "Bulgarsk"),
    ("cs", "Tjekkisk"),
    ("sk", "Slovakisk"),
    ("hu", "Ungarsk"),
    ("sl", "Slovensk"),
    ("hr", "Kroatisk"),
    ("sr", "Serbisk"),
    ("bs", "Bosnisk"),
    ("sq", "Albansk"),
    ("mk", "Makedonsk"),
    ("el", "Græsk"),
    ("tr", "Tyrkisk"),
    ("ku", "Kurdisk"),
    ("ar", "Arabisk"),
    ("fa", "Persisk"),
    ("ps", "Pashto"),
    ("ur", "Urdu"),
    ("hi", "Hindi"),
    ("pa", "Punjabi"),
    ("bn", "Bengali"),
    ("ta", "Tamil"),
    ("ne", "Nepalesisk"),
    ("so", "Somali"),
    ("ti", "Tigrinya"),
    ("am", "Amharisk"),
    ("sw", "Swahili"),
    ("uk", "Ukrainsk"),
    ("ru", "Russisk"),
    ("be", "Hviderussisk"),
    ("zh", "Kinesisk"),
    ("ja", "Japansk"),
    ("ko", "Koreansk"),
    ("vi", "Vietnamesisk"),
    ("th", "Thai"),
    ("tl", "Tagalog"),
    ("id", "Indonesisk"),
    ("ms", "Malajisk"),
    ("he", "Hebraisk"),
    ("ka", "Georgisk"),
    ("hy", "Armensk"),
    ("az", "Aserbajdsjansk"),
];

pub fn language_name_da(code: &str) -> Option<&'static str> {
    LANGUAGES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

pub const QUALIFICATION_MAX: usize = 100;
pub const IT_SKILL_MAX: usize = 100;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QualificationForm {
    pub qualification: String,
}

/// One competence in the list of qualifications.
pub fn parse_qualification(f: &QualificationForm) -> Result<String, FieldErrors> {
    let mut e = FieldErrors::new();
    let q = e.check(
        "qualification",
        required_text(&f.qualification, QUALIFICATION_MAX),
    );
    e.finish(|| q)
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DrivingLicenceForm {
    pub category: String,
}

/// One driving-licence category.
pub fn parse_driving_licence(f: &DrivingLicenceForm) -> Result<DrivingLicence, FieldErrors> {
    let mut e = FieldErrors::new();
    let l = e.check("category", DrivingLicence::from_code(&f.category));
    e.finish(|| l)
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LanguageForm {
    pub language: String,
    pub level: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Language {
    /// ISO 639-1
    pub language: String,
    pub level: LanguageLevel,
}

impl Language {
    pub fn parse(f: &LanguageForm) -> Result<Language, FieldErrors> {
        let mut e = FieldErrors::new();
        let code = f.language.trim().to_lowercase();
        let language = if code.is_empty() {
            e.add("language", Msg::Required);
            None
        } else if language_name_da(&code).is_none() {
            e.add("language", Msg::LanguageUnknown);
            None
        } else {
            Some(code)
        };
        let level = e.check("level", LanguageLevel::from_code(&f.level));
        e.finish(|| {
            Some(Language {
                language: language?,
                level: level?,
            })
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItSkillForm {
    pub skill: String,
    pub level: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItSkill {
    pub skill: String,
    pub level: ItLevel,
}

impl ItSkill {
    pub fn parse(f: &ItSkillForm) -> Result<ItSkill, FieldErrors> {
        let mut e = FieldErrors::new();
        let skill = e.check("skill", required_text(&f.skill, IT_SKILL_MAX));
        let level = e.check("level", ItLevel::from_code(&f.level));
        e.finish(|| {
            Some(ItSkill {
                skill: skill?,
                level: level?,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_eu_categories_are_offered() {
        let codes: Vec<_> = DrivingLicence::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(
            codes,
            ["AM", "A1", "A2", "A", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"]
        );
        assert_eq!(DrivingLicence::from_code("CE"), Ok(DrivingLicence::Ce));
        assert_eq!(DrivingLicence::from_code("T"), Err(Msg::ChoiceInvalid));
    }

    #[test]
    fn languages_are_iso_639_1_with_a_cefr_level_or_mother_tongue() {
        let ok = Language::parse(&LanguageForm {
            language: "EN".into(),
            level: "B2".into(),
        })
        .unwrap();
        assert_eq!((ok.language.as_str(), ok.level), ("en", LanguageLevel::B2));
        assert_eq!(
            Language::parse(&LanguageForm {
                language: "da".into(),
                level: "mother_tongue".into()
            })
            .unwrap()
            .level,
            LanguageLevel::MotherTongue
        );
        let bad = Language::parse(&LanguageForm {
            language: "xx".into(),
            level: "D1".into(),
        })
        .unwrap_err();
        assert_eq!(
            bad.iter().map(|e| e.key).collect::<Vec<_>>(),
            [Msg::LanguageUnknown, Msg::ChoiceInvalid]
        );
        let codes: std::collections::HashSet<_> = LANGUAGES.iter().map(|(c, _)| c).collect();
        assert_eq!(codes.len(), LANGUAGES.len(), "no language twice");
        assert!(LANGUAGES
            .iter()
            .all(|(c, _)| c.len() == 2 && c.chars().all(|ch| ch.is_ascii_lowercase())));
    }

    #[test]
    fn it_skills_use_the_scale() {
        assert_eq!(
            ItSkill::parse(&ItSkillForm {
                skill: "Excel".into(),
                level: "advanced".into()
            })
            .unwrap()
            .level,
            ItLevel::Advanced
        );
        assert_eq!(
            ItSkill::parse(&ItSkillForm {
                skill: "Excel".into(),
                level: "god".into()
            })
            .unwrap_err()
            .0[0]
                .key,
            Msg::ChoiceInvalid
        );
    }

    #[test]
    fn qualifications_are_trimmed_and_bounded() {
        assert_eq!(
            parse_qualification(&QualificationForm {
                qualification: " Truckkørsel ".into()
            })
            .unwrap(),
            "Truckkørsel"
        );
        let long = QualificationForm {
            qualification: "x".repeat(QUALIFICATION_MAX + 1),
        };
        assert_eq!(
            parse_qualification(&long).unwrap_err().0[0].key,
            Msg::TooLong
        );
    }
}
