//! Qualifications, driving licences, languages and IT skills: each a choice from an explicit
//! list where the seed implies a scale or categories.
use crate::choices::{choices, Options};
use crate::lang::{Lang, Words};
use crate::messages::Msg;
use crate::validation::{required_text, FieldErrors};
use serde::{Deserialize, Serialize};

choices! {
    /// EU driving licence categories (directive 2006/126/EC).
    DrivingLicence {
        Am = "AM", "AM – knallert", "AM – moped";
        A1 = "A1", "A1 – lille motorcykel", "A1 – light motorcycle";
        A2 = "A2", "A2 – mellemstor motorcykel", "A2 – medium motorcycle";
        A = "A", "A – stor motorcykel", "A – large motorcycle";
        B = "B", "B – almindelig bil", "B – car";
        Be = "BE", "BE – bil med stort påhængskøretøj", "BE – car with a large trailer";
        C1 = "C1", "C1 – lille lastbil", "C1 – small lorry";
        C1e = "C1E", "C1E – lille lastbil med påhængskøretøj", "C1E – small lorry with a trailer";
        C = "C", "C – stor lastbil", "C – large lorry";
        Ce = "CE", "CE – lastbil med påhængskøretøj", "CE – lorry with a trailer";
        D1 = "D1", "D1 – minibus", "D1 – minibus";
        D1e = "D1E", "D1E – minibus med påhængskøretøj", "D1E – minibus with a trailer";
        D = "D", "D – bus", "D – bus";
        De = "DE", "DE – bus med påhængskøretøj", "DE – bus with a trailer";
    }
}

choices! {
    /// The CEFR scale, plus mother tongue.
    LanguageLevel {
        A1 = "A1", "A1 – begynder", "A1 – beginner";
        A2 = "A2", "A2 – let øvet", "A2 – elementary";
        B1 = "B1", "B1 – mellemniveau", "B1 – intermediate";
        B2 = "B2", "B2 – øvet", "B2 – upper intermediate";
        C1 = "C1", "C1 – avanceret", "C1 – advanced";
        C2 = "C2", "C2 – på højt niveau", "C2 – proficient";
        MotherTongue = "mother_tongue", "Modersmål", "Mother tongue";
    }
}

choices! {
    /// An explicit scale for IT skills.
    ItLevel {
        Basic = "basic", "Begynder – kan bruge programmet til enkle opgaver", "Beginner – can use the program for simple tasks";
        Intermediate = "intermediate", "Øvet – bruger programmet selvstændigt i det daglige", "Intermediate – uses the program independently day to day";
        Advanced = "advanced", "Rutineret – kan løse komplekse opgaver og hjælpe andre", "Experienced – can handle complex tasks and help others";
        Expert = "expert", "Ekspert – kan undervise i, tilpasse eller udvikle programmet", "Expert – can teach, adapt or develop the program";
    }
}

/// ISO 639-1 codes with the languages' names in Danish and English: the languages offered in
/// the CV.
pub const LANGUAGES: Options = &[
    ("da", Words::new("Dansk", "Danish")),
    ("en", Words::new("Engelsk", "English")),
    ("de", Words::new("Tysk", "German")),
    ("sv", Words::new("Svensk", "Swedish")),
    ("no", Words::new("Norsk", "Norwegian")),
    ("is", Words::new("Islandsk", "Icelandic")),
    ("fo", Words::new("Færøsk", "Faroese")),
    ("kl", Words::new("Grønlandsk", "Greenlandic")),
    ("fi", Words::new("Finsk", "Finnish")),
    ("fr", Words::new("Fransk", "French")),
    ("es", Words::new("Spansk", "Spanish")),
    ("it", Words::new("Italiensk", "Italian")),
    ("pt", Words::new("Portugisisk", "Portuguese")),
    ("nl", Words::new("Nederlandsk", "Dutch")),
    ("pl", Words::new("Polsk", "Polish")),
    ("lt", Words::new("Litauisk", "Lithuanian")),
    ("lv", Words::new("Lettisk", "Latvian")),
    ("et", Words::new("Estisk", "Estonian")),
    ("ro", Words::new("Rumænsk", "Romanian")),
    ("bg", Words::new("Bulgarsk", "Bulgarian")),
    ("cs", Words::new("Tjekkisk", "Czech")),
    ("sk", Words::new("Slovakisk", "Slovak")),
    ("hu", Words::new("Ungarsk", "Hungarian")),
    ("sl", Words::new("Slovensk", "Slovenian")),
    ("hr", Words::new("Kroatisk", "Croatian")),
    ("sr", Words::new("Serbisk", "Serbian")),
    ("bs", Words::new("Bosnisk", "Bosnian")),
    ("sq", Words::new("Albansk", "Albanian")),
    ("mk", Words::new("Makedonsk", "Macedonian")),
    ("el", Words::new("Græsk", "Greek")),
    ("tr", Words::new("Tyrkisk", "Turkish")),
    ("ku", Words::new("Kurdisk", "Kurdish")),
    ("ar", Words::new("Arabisk", "Arabic")),
    ("fa", Words::new("Persisk", "Persian")),
    ("ps", Words::new("Pashto", "Pashto")),
    ("ur", Words::new("Urdu", "Urdu")),
    ("hi", Words::new("Hindi", "Hindi")),
    ("pa", Words::new("Punjabi", "Punjabi")),
    ("bn", Words::new("Bengali", "Bengali")),
    ("ta", Words::new("Tamil", "Tamil")),
    ("ne", Words::new("Nepalesisk", "Nepali")),
    ("so", Words::new("Somali", "Somali")),
    ("ti", Words::new("Tigrinya", "Tigrinya")),
    ("am", Words::new("Amharisk", "Amharic")),
    ("sw", Words::new("Swahili", "Swahili")),
    ("uk", Words::new("Ukrainsk", "Ukrainian")),
    ("ru", Words::new("Russisk", "Russian")),
    ("be", Words::new("Hviderussisk", "Belarusian")),
    ("zh", Words::new("Kinesisk", "Chinese")),
    ("ja", Words::new("Japansk", "Japanese")),
    ("ko", Words::new("Koreansk", "Korean")),
    ("vi", Words::new("Vietnamesisk", "Vietnamese")),
    ("th", Words::new("Thai", "Thai")),
    ("tl", Words::new("Tagalog", "Tagalog")),
    ("id", Words::new("Indonesisk", "Indonesian")),
    ("ms", Words::new("Malajisk", "Malay")),
    ("he", Words::new("Hebraisk", "Hebrew")),
    ("ka", Words::new("Georgisk", "Georgian")),
    ("hy", Words::new("Armensk", "Armenian")),
    ("az", Words::new("Aserbajdsjansk", "Azerbaijani")),
];

/// A language's name in `lang`, by its code.
pub fn language_name(code: &str, lang: Lang) -> Option<&'static str> {
    LANGUAGES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, n)| n.get(lang))
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
        } else if language_name(&code, Lang::Da).is_none() {
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
