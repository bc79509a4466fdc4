//! The employer's CV search as values, shared by the browser and the server: the search form
//! as it travels in the URL (`SearchForm`), the validated search (`CvQuery`), and the filter
//! values a CV carries (`facets_of`), which the store indexes and counts.
//!
//! A filter value is a facet key such as `mun:751` or `lang:en:B2`. A CV carries a key for
//! every value it matches, so every filter is "the CV has this key" and the number of hits
//! per filter value is a count of keys. A language at a level is carried at that level and
//! every level below it, so "English, at least B1" is the single key `lang:en:B1`.
use crate::cv::entry::CvEntry;
use crate::cv::skills::{DrivingLicence, LanguageLevel, LANGUAGES};
use crate::cv::{EmploymentType, WorkingTime};
use crate::geo;
use crate::validation::FieldErrors;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Results per page.
pub const PAGE_SIZE: u32 = 20;
/// The last page offered: deep pages of a broad search help nobody and cost the database.
pub const MAX_PAGE: u32 = 50;
/// Longest free text accepted (characters); the rest is cut, not refused.
pub const MAX_TEXT: usize = 200;

/// The search form's fields, named as in the URL (Danish, so a shared link reads well).
/// Every field is the raw text; `CvQuery::parse` decides what it means.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchForm {
    pub q: String,
    pub stilling: String,
    pub kommune: String,
    pub region: String,
    pub postnr: String,
    pub afstand: String,
    pub koerekort: String,
    pub sprog: String,
    pub niveau: String,
    pub arbejdstid: String,
    pub ansaettelse: String,
    pub start: String,
    pub sortering: String,
    pub side: String,
}

impl SearchForm {
    /// (name, value) of every field, in the form's order.
    pub fn pairs(&self) -> [(&'static str, &str); 14] {
        [
            ("q", &self.q),
            ("stilling", &self.stilling),
            ("kommune", &self.kommune),
            ("region", &self.region),
            ("postnr", &self.postnr),
            ("afstand", &self.afstand),
            ("koerekort", &self.koerekort),
            ("sprog", &self.sprog),
            ("niveau", &self.niveau),
            ("arbejdstid", &self.arbejdstid),
            ("ansaettelse", &self.ansaettelse),
            ("start", &self.start),
            ("sortering", &self.sortering),
            ("side", &self.side),
        ]
    }

    /// Reads the form from URL query pairs; unknown names are ignored.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> SearchForm {
        let mut f = SearchForm::default();
        for (k, v) in pairs {
            let slot = match k {
                "q" => &mut f.q,
                "stilling" => &mut f.stilling,
                "kommune" => &mut f.kommune,
                "region" => &mut f.region,
                "postnr" => &mut f.postnr,
                "afstand" => &mut f.afstand,
                "koerekort" => &mut f.koerekort,
                "sprog" => &mut f.sprog,
                "niveau" => &mut f.niveau,
                "arbejdstid" => &mut f.arbejdstid,
                "ansaettelse" => &mut f.ansaettelse,
                "start" => &mut f.start,
                "sortering" => &mut f.sortering,
                "side" => &mut f.side,
                _ => continue,
            };
            *slot = v.to_string();
        }
        f
    }

    /// The stable URL of this search: the non-empty fields in a fixed order, so the same
    /// search always has the same address.
    pub fn url(&self) -> String {
        // The sort the search would have anyway is left out, and so is page 1.
        let default_sort = if query_words(&self.q).is_empty() {
            "opdateret"
        } else {
            "relevans"
        };
        let query: Vec<String> = self
            .pairs()
            .iter()
            .filter(|(k, v)| {
                !v.trim().is_empty()
                    && !(*k == "sortering" && v.trim() == default_sort)
                    && !(*k == "side" && v.trim() == "1")
            })
            .map(|(k, v)| format!("{k}={}", urlencode(v.trim())))
            .collect();
        if query.is_empty() {
            SEARCH_PATH.to_string()
        } else {
            format!("{SEARCH_PATH}?{}", query.join("&"))
        }
    }

    /// The same search on another page.
    pub fn with_page(&self, page: u32) -> SearchForm {
        SearchForm {
            side: if page <= 1 {
                String::new()
            } else {
                page.to_string()
            },
            ..self.clone()
        }
    }

    /// The same search with one field changed, back on page 1 (a link on a filter value).
    pub fn with(&self, name: &str, value: &str) -> SearchForm {
        let pairs: Vec<(&str, String)> = self
            .pairs()
            .iter()
            .map(|(k, v)| {
                (
                    *k,
                    if *k == name {
                        value.to_string()
                    } else {
                        v.to_string()
                    },
                )
            })
            .collect();
        SearchForm::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str()))).with_page(1)
    }
}

pub const SEARCH_PATH: &str = "/arbejdsgiver/soeg";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sort {
    Relevance,
    Updated,
}

/// "Within `km` of `postcode`": the municipalities whose point lies that close. A CV's
/// place is its owner's municipality, never the street address (see `facets_of`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Near {
    pub postcode: String,
    pub km: u32,
    pub municipalities: Vec<String>,
}

/// A validated search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CvQuery {
    pub text: String,
    pub occupation: Option<String>,
    pub municipality: Option<String>,
    pub region: Option<String>,
    pub near: Option<Near>,
    pub licence: Option<DrivingLicence>,
    pub language: Option<(String, LanguageLevel)>,
    pub working_time: Option<WorkingTime>,
    pub employment_type: Option<EmploymentType>,
    pub start_now: bool,
    pub sort: Sort,
    pub page: u32,
}

impl CvQuery {
    /// Validates every field at once, so the form shows all its errors together.
    pub fn parse(f: &SearchForm) -> Result<CvQuery, FieldErrors> {
        let mut e = FieldErrors::new();
        let opt = |raw: &str| {
            Some(raw.trim())
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let occupation = match opt(&f.stilling) {
            None => None,
            Some(t) => e.check(
                "stilling",
                crate::occupations::find(&t)
                    .map(|o| o.title.to_string())
                    .ok_or("search.occupation_unknown"),
            ),
        };
        let municipality = match opt(&f.kommune) {
            None => None,
            Some(c) => e.check(
                "kommune",
                geo::municipality(&c)
                    .map(|m| m.code.to_string())
                    .ok_or("choice.invalid"),
            ),
        };
        let region = match opt(&f.region) {
            None => None,
            Some(c) => e.check(
                "region",
                geo::region(&c)
                    .map(|r| r.code.to_string())
                    .ok_or("choice.invalid"),
            ),
        };
        let near = match (opt(&f.postnr), opt(&f.afstand)) {
            (None, None) => None,
            (None, Some(_)) => {
                e.add("postnr", "search.postcode_needed");
                None
            }
            (Some(p), km) => {
                let km = match km {
                    None => Some(geo::DISTANCES_KM[1]),
                    Some(k) => e.check(
                        "afstand",
                        k.parse::<u32>()
                            .ok()
                            .filter(|k| geo::DISTANCES_KM.contains(k))
                            .ok_or("choice.invalid"),
                    ),
                };
                let known = e.check("postnr", geo::postcode(&p).ok_or("search.postcode_unknown"));
                match (known, km) {
                    (Some(pc), Some(km)) => Some(Near {
                        postcode: pc.code.to_string(),
                        km,
                        municipalities: geo::municipalities_within(pc.code, km)
                            .unwrap_or_default()
                            .into_iter()
                            .map(str::to_string)
                            .collect(),
                    }),
                    _ => None,
                }
            }
        };
        let licence =
            opt(&f.koerekort).and_then(|c| e.check("koerekort", DrivingLicence::from_code(&c)));
        let language = match opt(&f.sprog) {
            None => None,
            Some(code) => {
                let lang = e.check(
                    "sprog",
                    LANGUAGES
                        .iter()
                        .find(|(c, _)| *c == code)
                        .map(|(c, _)| c.to_string())
                        .ok_or("choice.invalid"),
                );
                let level = match opt(&f.niveau) {
                    None => Some(LanguageLevel::A1),
                    Some(l) => e.check("niveau", LanguageLevel::from_code(&l)),
                };
                lang.zip(level)
            }
        };
        let working_time =
            opt(&f.arbejdstid).and_then(|c| e.check("arbejdstid", WorkingTime::from_code(&c)));
        let employment_type =
            opt(&f.ansaettelse).and_then(|c| e.check("ansaettelse", EmploymentType::from_code(&c)));
        let start_now = match f.start.trim() {
            "" => false,
            "nu" => true,
            _ => {
                e.add("start", "choice.invalid");
                false
            }
        };
        let text: String = f.q.trim().chars().take(MAX_TEXT).collect();
        let sort = match f.sortering.trim() {
            "" if text.is_empty() => Sort::Updated,
            "" | "relevans" => Sort::Relevance,
            "opdateret" => Sort::Updated,
            _ => {
                e.add("sortering", "choice.invalid");
                Sort::Relevance
            }
        };
        // A page out of range is not the employer's mistake worth a message: clamp it.
        let page = f.side.trim().parse::<u32>().unwrap_or(1).clamp(1, MAX_PAGE);
        if !e.is_empty() {
            return Err(e);
        }
        Ok(CvQuery {
            text,
            occupation,
            municipality,
            region,
            near,
            licence,
            language,
            working_time,
            employment_type,
            start_now,
            sort,
            page,
        })
    }

    /// The filters as facet keys: a CV matches when, for every inner list, it carries at
    /// least one of its keys (the distance filter is "any of these municipalities").
    /// The store starts from the filter fewest CVs carry, by its own counts per key.
    pub fn filters(&self) -> Vec<Vec<String>> {
        let mut all = Vec::new();
        if let Some(o) = &self.occupation {
            all.push(vec![facet::occupation(o)]);
        }
        if let Some(m) = &self.municipality {
            all.push(vec![facet::municipality(m)]);
        }
        if let Some(n) = &self.near {
            all.push(
                n.municipalities
                    .iter()
                    .map(|m| facet::municipality(m))
                    .collect(),
            );
        }
        if let Some((code, level)) = &self.language {
            all.push(vec![facet::language(code, *level)]);
        }
        if let Some(l) = self.licence {
            all.push(vec![facet::licence(l)]);
        }
        if let Some(r) = &self.region {
            all.push(vec![facet::region(r)]);
        }
        if self.start_now {
            all.push(vec![facet::START_NOW.to_string()]);
        }
        if let Some(t) = self.employment_type {
            all.push(vec![facet::employment_type(t)]);
        }
        if let Some(w) = self.working_time {
            all.push(vec![facet::working_time(w)]);
        }
        all
    }

    pub fn offset(&self) -> u32 {
        (self.page - 1) * PAGE_SIZE
    }
}

/// Facet keys. One place builds them, for indexing and for filtering alike.
pub mod facet {
    use super::*;

    pub const START_NOW: &str = "start:now";

    /// The prefix of an occupation's key.
    pub const OCCUPATION: &str = "occ:";

    pub fn occupation(title: &str) -> String {
        format!("{OCCUPATION}{title}")
    }
    pub fn municipality(code: &str) -> String {
        format!("mun:{code}")
    }
    pub fn region(code: &str) -> String {
        format!("reg:{code}")
    }
    pub fn licence(l: DrivingLicence) -> String {
        format!("lic:{}", l.code())
    }
    pub fn language(code: &str, level: LanguageLevel) -> String {
        format!("lang:{code}:{}", level.code())
    }
    pub fn working_time(w: WorkingTime) -> String {
        format!("wt:{}", w.code())
    }
    pub fn employment_type(t: EmploymentType) -> String {
        format!("emp:{}", t.code())
    }
}

/// Where a CV may be found by place: the owner's municipality as the CPR register gives it,
/// but none for a protected address — a filter on the municipality would reveal where the
/// person lives, and a protected address is never shown, not even that way.
pub fn searchable_place(municipality_code: Option<&str>, protected_address: bool) -> Option<&str> {
    municipality_code.filter(|_| !protected_address)
}

/// The facet keys of a CV; `place` from `searchable_place`.
pub fn facets_of<'e>(
    entries: impl IntoIterator<Item = &'e CvEntry>,
    place: Option<&str>,
) -> BTreeSet<String> {
    let municipality_code = place;
    let mut keys = BTreeSet::new();
    if let Some(m) = municipality_code.and_then(geo::municipality) {
        keys.insert(facet::municipality(m.code));
        keys.insert(facet::region(m.region));
    }
    for entry in entries {
        match entry {
            CvEntry::JobWish(j) => {
                keys.insert(facet::occupation(&j.occupation));
                keys.insert(facet::working_time(j.working_time));
                keys.insert(facet::employment_type(j.employment_type));
                if j.start_date.is_none() {
                    keys.insert(facet::START_NOW.to_string());
                }
            }
            CvEntry::DrivingLicence(l) => {
                keys.insert(facet::licence(*l));
            }
            CvEntry::Language(l) => {
                for level in LanguageLevel::ALL.iter().take_while(|x| **x <= l.level) {
                    keys.insert(facet::language(&l.language, *level));
                }
            }
            _ => {}
        }
    }
    keys
}

/// The free text's words as the search engines get them: letters and digits only, so no
/// query syntax (quotes, `*`, `OR`, `-`) passes through from the employer. At most 8 words.
pub fn query_words(text: &str) -> Vec<String> {
    let mut seen = BTreeSet::new();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.chars().count() <= 40)
        .map(str::to_lowercase)
        .filter(|w| seen.insert(w.clone()))
        .take(8)
        .collect()
}

/// Marks around the matching words in a highlighted passage. Control characters cannot
/// occur in CV text (the parsers refuse them), so they cannot be forged by a citizen, and
/// the view turns them into `<mark>` elements without ever treating text as HTML.
pub const MARK_START: char = '\u{2}';
pub const MARK_END: char = '\u{3}';

/// A highlighted passage as (text, is a match) pieces.
pub fn highlight_pieces(passage: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut marked = false;
    for c in passage.chars() {
        if c == MARK_START || c == MARK_END {
            if !current.is_empty() {
                out.push((std::mem::take(&mut current), marked));
            }
            marked = c == MARK_START;
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        out.push((current, marked));
    }
    out
}

/// A value of a URL's query, as a form sends it (`application/x-www-form-urlencoded`: a
/// space is `+`).
pub fn urlencode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cv::skills::Language;

    fn form(pairs: &[(&str, &str)]) -> SearchForm {
        SearchForm::from_pairs(pairs.iter().copied())
    }

    #[test]
    fn an_empty_form_lists_every_searchable_cv_newest_first() {
        let q = CvQuery::parse(&SearchForm::default()).unwrap();
        assert_eq!((q.text.as_str(), q.sort, q.page), ("", Sort::Updated, 1));
        assert!(q.filters().is_empty());
    }

    #[test]
    fn text_sorts_by_relevance_unless_asked_otherwise() {
        assert_eq!(
            CvQuery::parse(&form(&[("q", "kok")])).unwrap().sort,
            Sort::Relevance
        );
        assert_eq!(
            CvQuery::parse(&form(&[("q", "kok"), ("sortering", "opdateret")]))
                .unwrap()
                .sort,
            Sort::Updated
        );
    }

    #[test]
    fn every_bad_filter_is_refused_at_its_own_field() {
        let e = CvQuery::parse(&form(&[
            ("stilling", "Drømmejob"),
            ("kommune", "999"),
            ("postnr", "0000"),
            ("koerekort", "Z"),
            ("sprog", "xx"),
            ("start", "senere"),
        ]))
        .unwrap_err();
        let fields: Vec<&str> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "stilling",
                "kommune",
                "postnr",
                "koerekort",
                "sprog",
                "start"
            ]
        );
        assert_eq!(
            e.for_field("postnr").unwrap().key,
            "search.postcode_unknown"
        );
        let e = CvQuery::parse(&form(&[("afstand", "25")])).unwrap_err();
        assert_eq!(e.for_field("postnr").unwrap().key, "search.postcode_needed");
    }

    #[test]
    fn the_filters_become_facet_keys() {
        let q = CvQuery::parse(&form(&[
            ("stilling", "sygeplejerske"),
            ("region", "1082"),
            ("koerekort", "B"),
            ("sprog", "en"),
            ("niveau", "B1"),
            ("arbejdstid", "part_time"),
            ("ansaettelse", "permanent"),
            ("start", "nu"),
            ("postnr", "8000"),
            ("afstand", "10"),
        ]))
        .unwrap();
        let f = q.filters();
        assert_eq!(f[0], vec!["occ:Sygeplejerske".to_string()]);
        assert!(f.contains(&vec!["lang:en:B1".to_string()]));
        assert!(f.contains(&vec!["start:now".to_string()]));
        assert!(
            f[1].contains(&"mun:751".to_string()),
            "Aarhus is within 10 km of 8000"
        );
    }

    #[test]
    fn a_language_counts_at_its_level_and_every_level_below() {
        let entries = [CvEntry::Language(Language {
            language: "en".into(),
            level: LanguageLevel::B2,
        })];
        let keys = facets_of(&entries, Some("751"));
        for k in [
            "lang:en:A1",
            "lang:en:B1",
            "lang:en:B2",
            "mun:751",
            "reg:1082",
        ] {
            assert!(keys.contains(k), "{k} in {keys:?}");
        }
        assert!(!keys.contains("lang:en:C1"));
    }

    #[test]
    fn a_protected_address_gives_no_place_to_filter_on() {
        assert_eq!(searchable_place(Some("615"), true), None);
        assert_eq!(searchable_place(Some("615"), false), Some("615"));
        assert!(facets_of(&[], searchable_place(Some("615"), true)).is_empty());
    }

    #[test]
    fn the_url_is_stable_and_round_trips() {
        let f = form(&[
            ("side", "2"),
            ("q", "sygeplejerske Aarhus"),
            ("kommune", "751"),
        ]);
        assert_eq!(
            f.url(),
            "/arbejdsgiver/soeg?q=sygeplejerske+Aarhus&kommune=751&side=2"
        );
        assert_eq!(
            f.with_page(1).url(),
            "/arbejdsgiver/soeg?q=sygeplejerske+Aarhus&kommune=751"
        );
        assert_eq!(
            f.with("kommune", "").url(),
            "/arbejdsgiver/soeg?q=sygeplejerske+Aarhus"
        );
        let sent_without_js = form(&[
            ("q", "kok"),
            ("kommune", ""),
            ("sortering", "relevans"),
            ("side", "1"),
        ]);
        assert_eq!(
            sent_without_js.url(),
            "/arbejdsgiver/soeg?q=kok",
            "the default sort and page 1 are left out"
        );
        assert_eq!(
            form(&[("q", "kok"), ("sortering", "opdateret")]).url(),
            "/arbejdsgiver/soeg?q=kok&sortering=opdateret"
        );
    }

    #[test]
    fn a_url_value_is_encoded_as_a_form_sends_it() {
        assert_eq!(
            urlencode("pædagog & kok/køkken"),
            "p%C3%A6dagog+%26+kok%2Fk%C3%B8kken"
        );
        assert_eq!(urlencode("a-b_c.d"), "a-b_c.d");
    }

    #[test]
    fn query_syntax_does_not_pass_through() {
        assert_eq!(
            query_words("\"kok\" OR *tømrer* -NEAR(x)"),
            ["kok", "or", "tømrer", "near", "x"]
        );
    }

    #[test]
    fn highlight_marks_split_into_pieces() {
        let p = format!("Uddannet {MARK_START}sygeplejerske{MARK_END} i Aarhus");
        assert_eq!(
            highlight_pieces(&p),
            [
                ("Uddannet ".to_string(), false),
                ("sygeplejerske".to_string(), true),
                (" i Aarhus".to_string(), false)
            ]
        );
    }
}
