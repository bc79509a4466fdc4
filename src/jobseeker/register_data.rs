//! What the registers say, for the questionnaires (seed 000, "Tilmelding som jobsøgende"):
//! shown to the citizen read-only, each fact with the register it came from, and kept with
//! the submitted answers as they were when sent.
use crate::person::Gender;
use crate::Lang;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Herkomst, in Danmarks Statistik's categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    Danish,
    ImmigrantWestern,
    ImmigrantNonWestern,
    DescendantWestern,
    DescendantNonWestern,
}

impl Origin {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Origin::Danish => lang.pick("Dansk oprindelse", "Danish origin"),
            Origin::ImmigrantWestern => lang.pick(
                "Indvandrer fra et vestligt land",
                "Immigrant from a Western country",
            ),
            Origin::ImmigrantNonWestern => lang.pick(
                "Indvandrer fra et ikke-vestligt land",
                "Immigrant from a non-Western country",
            ),
            Origin::DescendantWestern => lang.pick(
                "Efterkommer fra et vestligt land",
                "Descendant of immigrants from a Western country",
            ),
            Origin::DescendantNonWestern => lang.pick(
                "Efterkommer fra et ikke-vestligt land",
                "Descendant of immigrants from a non-Western country",
            ),
        }
    }
}

/// One person's labour-market record, as the registers behind the questionnaire give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabourMarketRecord {
    pub origin: Origin,
    /// Overførselsgrad: share of the last 5 years on public support, SU not counted (percent).
    pub support_share_5y: u8,
    /// Dagpengegrad: share of the last year on dagpenge (percent).
    pub dagpenge_share_1y: u8,
    /// Lønindkomst in the last calendar year, whole kroner.
    pub wage_income_1y: i64,
    /// Highest completed education, in the education register's words.
    pub education: String,
    /// Ydelsesgrundlag: the benefit currently paid, in the register's words.
    pub benefit: String,
    /// Beskæftigelsesgrad in the last year (percent).
    pub employment_degree: u8,
    /// Virksomhedsrettede aktiviteter (e.g. virksomhedspraktik, løntilskud); empty when none.
    pub company_activities: Vec<String>,
    /// Kompenserende ordninger granted under the act on compensation for disabled persons
    /// in employment; empty when none.
    pub compensation_schemes: Vec<String>,
}

/// Which register a fact comes from, as shown beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterSources {
    pub cpr: String,
    pub origin: String,
    pub support: String,
    pub income: String,
    pub education: String,
}

/// One fact shown read-only: what, its value, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterFact {
    pub label: String,
    pub value: String,
    pub source: String,
}

fn fact(label: &str, value: String, source: &str) -> RegisterFact {
    RegisterFact {
        label: label.into(),
        value,
        source: source.into(),
    }
}

fn list_or_none(items: &[String], lang: Lang) -> String {
    if items.is_empty() {
        lang.pick("Ingen", "None").into()
    } else {
        items.join(", ")
    }
}

/// Kroner with Danish thousands separators: 312.400 kr.
pub fn kroner(amount: i64) -> String {
    format!("{} kr.", crate::numbers::thousands(amount))
}

/// The dagpenge questionnaire's register facts: age, origin, support share over 5 years
/// excluding SU, dagpenge share last year, wage income last year. Labels in `lang`; the
/// values are the registers' own (an education's or a benefit's name stays Danish).
pub fn dagpenge_facts(
    lang: Lang,
    birthday: NaiveDate,
    today: NaiveDate,
    r: &LabourMarketRecord,
    src: &RegisterSources,
) -> Vec<RegisterFact> {
    vec![
        fact(
            lang.pick("Alder", "Age"),
            format!(
                "{} {}",
                crate::person::age_on(birthday, today),
                lang.pick("år", "years")
            ),
            &src.cpr,
        ),
        fact(
            lang.pick("Herkomst", "Origin"),
            r.origin.label(lang).into(),
            &src.origin,
        ),
        fact(
            lang.pick(
                "Overførselsgrad på offentlig forsørgelse, ekskl. SU, de seneste 5 år",
                "Share of the last 5 years on public support, SU (student grant) not counted",
            ),
            format!("{} %", r.support_share_5y),
            &src.support,
        ),
        fact(
            lang.pick(
                "Dagpengegrad det seneste år",
                "Share of the last year on dagpenge (unemployment benefit)",
            ),
            format!("{} %", r.dagpenge_share_1y),
            &src.support,
        ),
        fact(
            lang.pick("Lønindkomst det seneste år", "Wage income in the last year"),
            kroner(r.wage_income_1y),
            &src.income,
        ),
    ]
}

/// The register data collected for the disability pilot: gender, age, education,
/// municipality, benefit basis, employment degree, company-directed activities and
/// compensation schemes granted.
pub fn pilot_facts(
    lang: Lang,
    gender: Gender,
    birthday: NaiveDate,
    municipality: &str,
    today: NaiveDate,
    r: &LabourMarketRecord,
    src: &RegisterSources,
) -> Vec<RegisterFact> {
    vec![
        fact(
            lang.pick("Køn", "Gender"),
            gender.label(lang).into(),
            &src.cpr,
        ),
        fact(
            lang.pick("Alder", "Age"),
            format!(
                "{} {}",
                crate::person::age_on(birthday, today),
                lang.pick("år", "years")
            ),
            &src.cpr,
        ),
        fact(
            lang.pick("Uddannelse", "Education"),
            r.education.clone(),
            &src.education,
        ),
        fact(
            lang.pick("Bopælskommune", "Municipality of residence"),
            municipality.into(),
            &src.cpr,
        ),
        fact(
            lang.pick("Ydelsesgrundlag", "Benefit"),
            r.benefit.clone(),
            &src.support,
        ),
        fact(
            lang.pick("Beskæftigelsesgrad", "Employment degree"),
            format!("{} %", r.employment_degree),
            &src.support,
        ),
        fact(
            lang.pick("Virksomhedsrettede aktiviteter", "Activities in companies"),
            list_or_none(&r.company_activities, lang),
            &src.support,
        ),
        fact(
            lang.pick(
                "Bevilgede kompenserende ordninger",
                "Compensation schemes granted",
            ),
            list_or_none(&r.compensation_schemes, lang),
            &src.support,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kroner_read_the_danish_way() {
        assert_eq!(kroner(0), "0 kr.");
        assert_eq!(kroner(999), "999 kr.");
        assert_eq!(kroner(312_400), "312.400 kr.");
        assert_eq!(kroner(1_234_567), "1.234.567 kr.");
    }

    #[test]
    fn the_dagpenge_facts_are_the_seeds_five_with_sources() {
        let r = LabourMarketRecord {
            origin: Origin::Danish,
            support_share_5y: 12,
            dagpenge_share_1y: 40,
            wage_income_1y: 312_400,
            education: "Erhvervsfaglig uddannelse".into(),
            benefit: "Dagpenge".into(),
            employment_degree: 60,
            company_activities: vec![],
            compensation_schemes: vec![],
        };
        let src = RegisterSources {
            cpr: "CPR".into(),
            origin: "DST".into(),
            support: "DREAM".into(),
            income: "eIndkomst".into(),
            education: "UDDA".into(),
        };
        let born = NaiveDate::from_ymd_opt(1991, 6, 19).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let f = dagpenge_facts(Lang::Da, born, today, &r, &src);
        let labels: Vec<_> = f.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Alder",
                "Herkomst",
                "Overførselsgrad på offentlig forsørgelse, ekskl. SU, de seneste 5 år",
                "Dagpengegrad det seneste år",
                "Lønindkomst det seneste år"
            ]
        );
        assert_eq!(
            (f[0].value.as_str(), f[0].source.as_str()),
            ("35 år", "CPR")
        );
        let p = pilot_facts(Lang::Da, Gender::Male, born, "Aarhus", today, &r, &src);
        assert_eq!(p.len(), 8);
        assert_eq!(p[6].value, "Ingen");
        let en = dagpenge_facts(Lang::En, born, today, &r, &src);
        assert_eq!(
            (en[0].label.as_str(), en[0].value.as_str()),
            ("Age", "35 years")
        );
    }
}
