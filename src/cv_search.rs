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
use crate::messages::Msg;
use crate::validation::FieldErrors;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

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
        self.url_at(SEARCH_PATH)
    }

    /// The stable URL of this search on the search page at `path` (the employers' or the
    /// jobcentres').
    pub fn url_at(&self, path: &str) -> String {
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
                // Empty fields and the defaults (sort order, first page) are left out.
                let v = v.trim();
                let is_default =
                    (*k == "sortering" && v == default_sort) || (*k == "side" && v == "1");
                !v.is_empty() && !is_default
            })
            .map(|(k, v)| format!("{k}={}", urlencode(v.trim())))
            .collect();
        if query.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{}", query.join("&"))
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
                    .ok_or(Msg::SearchOccupationUnknown),
            ),
        };
        let municipality = match opt(&f.kommune) {
            None => None,
            Some(c) => e.check(
                "kommune",
                geo::municipality(&c)
                    .map(|m| m.code.to_string())
                    .ok_or(Msg::ChoiceInvalid),
            ),
        };
        let region = match opt(&f.region) {
            None => None,
            Some(c) => e.check(
                "region",
                geo::region(&c)
                    .map(|r| r.code.to_string())
                    .ok_or(Msg::ChoiceInvalid),
            ),
        };
        let near = match (opt(&f.postnr), opt(&f.afstand)) {
            (None, None) => None,
            (None, Some(_)) => {
                e.add("postnr", Msg::SearchPostcodeNeeded);
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
                            .ok_or(Msg::ChoiceInvalid),
                    ),
                };
                let known = e.check(
                    "postnr",
                    geo::postcode(&p).ok_or(Msg::SearchPostcodeUnknown),
                );
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
                        .ok_or(Msg::ChoiceInvalid),
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
                e.add("start", Msg::ChoiceInvalid);
                false
            }
        };
        let text: String = f.q.trim().chars().take(MAX_TEXT).collect();
        let sort = match f.sortering.trim() {
            "" if text.is_empty() => Sort::Updated,
            "" | "relevans" => Sort::Relevance,
            "opdateret" => Sort::Updated,
            _ => {
                e.add("sortering", Msg::ChoiceInvalid);
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
            all.push(vec![Facet::Occupation(o).to_key()]);
        }
        if let Some(m) = &self.municipality {
            all.push(vec![Facet::Municipality(m).to_key()]);
        }
        if let Some(n) = &self.near {
            all.push(
                n.municipalities
                    .iter()
                    .map(|m| Facet::Municipality(m).to_key())
                    .collect(),
            );
        }
        if let Some((code, level)) = &self.language {
            all.push(vec![Facet::Language(code, *level).to_key()]);
        }
        if let Some(l) = self.licence {
            all.push(vec![Facet::Licence(l).to_key()]);
        }
        if let Some(r) = &self.region {
            all.push(vec![Facet::Region(r).to_key()]);
        }
        if self.start_now {
            all.push(vec![Facet::StartNow.to_key()]);
        }
        if let Some(t) = self.employment_type {
            all.push(vec![Facet::EmploymentType(t).to_key()]);
        }
        if let Some(w) = self.working_time {
            all.push(vec![Facet::WorkingTime(w).to_key()]);
        }
        all
    }

    pub fn offset(&self) -> u32 {
        (self.page - 1) * PAGE_SIZE
    }

    /// The hits are ranked by relevance: asked for, and there are words to rank by.
    pub fn ranks_by_relevance(&self) -> bool {
        self.sort == Sort::Relevance && !query_words(&self.text).is_empty()
    }
}

/// The pages offered for `total` hits: no more than `MAX_PAGE`.
pub fn page_count(total: i64) -> u32 {
    u32::try_from(total.max(0))
        .unwrap_or(u32::MAX)
        .div_ceil(PAGE_SIZE)
        .min(MAX_PAGE)
}

/// The hits within each distance offered from `postcode` (`geo::DISTANCES_KM`), from the
/// hits per facet key: a CV's place is its municipality, so the hits near a postcode are
/// those of the municipalities within reach.
pub fn hits_per_distance(postcode: &str, counts: &BTreeMap<String, i64>) -> Vec<(u32, i64)> {
    geo::DISTANCES_KM
        .iter()
        .map(|km| {
            let within = geo::municipalities_within(postcode, *km).unwrap_or_default();
            let hits = within
                .iter()
                .map(|m| {
                    counts
                        .get(&Facet::Municipality(m).to_key())
                        .copied()
                        .unwrap_or(0)
                })
                .sum();
            (*km, hits)
        })
        .collect()
}

/// A filter value a CV carries, and its facet key: the one place that spells the keys, for
/// indexing, filtering and reading stored keys back alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet<'a> {
    /// An occupation's title, from the controlled list.
    Occupation(&'a str),
    /// A municipality's code.
    Municipality(&'a str),
    /// A region's code.
    Region(&'a str),
    Licence(DrivingLicence),
    /// A language's code at a level (carried at every level up to the CV's own).
    Language(&'a str, LanguageLevel),
    WorkingTime(WorkingTime),
    EmploymentType(EmploymentType),
    /// A job wish with no start date: can start now.
    StartNow,
}

/// The kinds of facet, each spelled by its key's prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FacetKind {
    Occupation,
    Municipality,
    Region,
    Licence,
    Language,
    WorkingTime,
    EmploymentType,
    StartNow,
}

impl FacetKind {
    pub const ALL: [FacetKind; 8] = [
        FacetKind::Occupation,
        FacetKind::Municipality,
        FacetKind::Region,
        FacetKind::Licence,
        FacetKind::Language,
        FacetKind::WorkingTime,
        FacetKind::EmploymentType,
        FacetKind::StartNow,
    ];

    /// The facets of the owner's place (`searchable_place`), which follow the CPR register
    /// rather than the CV.
    pub const PLACE: [FacetKind; 2] = [FacetKind::Municipality, FacetKind::Region];

    /// The start of every key of this kind (the whole key for `StartNow`).
    pub const fn key_prefix(self) -> &'static str {
        match self {
            FacetKind::Occupation => "occ:",
            FacetKind::Municipality => "mun:",
            FacetKind::Region => "reg:",
            FacetKind::Licence => "lic:",
            FacetKind::Language => "lang:",
            FacetKind::WorkingTime => "wt:",
            FacetKind::EmploymentType => "emp:",
            FacetKind::StartNow => "start:now",
        }
    }
}

impl<'a> Facet<'a> {
    pub fn kind(&self) -> FacetKind {
        match self {
            Facet::Occupation(_) => FacetKind::Occupation,
            Facet::Municipality(_) => FacetKind::Municipality,
            Facet::Region(_) => FacetKind::Region,
            Facet::Licence(_) => FacetKind::Licence,
            Facet::Language(..) => FacetKind::Language,
            Facet::WorkingTime(_) => FacetKind::WorkingTime,
            Facet::EmploymentType(_) => FacetKind::EmploymentType,
            Facet::StartNow => FacetKind::StartNow,
        }
    }

    /// The key as it is stored and counted: `occ:<title>`, `mun:<code>`, `reg:<code>`,
    /// `lic:<code>`, `lang:<code>:<level>`, `wt:<code>`, `emp:<code>`, `start:now`.
    pub fn to_key(&self) -> String {
        let prefix = self.kind().key_prefix();
        match self {
            Facet::Occupation(v) | Facet::Municipality(v) | Facet::Region(v) => {
                format!("{prefix}{v}")
            }
            Facet::Licence(l) => format!("{prefix}{}", l.code()),
            Facet::Language(code, level) => format!("{prefix}{code}:{}", level.code()),
            Facet::WorkingTime(w) => format!("{prefix}{}", w.code()),
            Facet::EmploymentType(t) => format!("{prefix}{}", t.code()),
            Facet::StartNow => prefix.to_string(),
        }
    }

    /// The facet a key (`to_key`) spells; `None` for anything else.
    pub fn parse_key(key: &'a str) -> Option<Facet<'a>> {
        let kind = FacetKind::ALL
            .into_iter()
            .find(|k| key.starts_with(k.key_prefix()))?;
        let rest = &key[kind.key_prefix().len()..];
        // A code counts only as spelled exactly (`from_code` would also take it padded).
        fn exact<T: Copy>(
            rest: &str,
            parse: fn(&str) -> Result<T, Msg>,
            code: fn(T) -> &'static str,
        ) -> Option<T> {
            parse(rest).ok().filter(|v| code(*v) == rest)
        }
        let text = |rest: &'a str| Some(rest).filter(|r| !r.is_empty());
        match kind {
            FacetKind::Occupation => text(rest).map(Facet::Occupation),
            FacetKind::Municipality => text(rest).map(Facet::Municipality),
            FacetKind::Region => text(rest).map(Facet::Region),
            FacetKind::Licence => {
                exact(rest, DrivingLicence::from_code, DrivingLicence::code).map(Facet::Licence)
            }
            FacetKind::Language => {
                let (code, level) = rest.split_once(':')?;
                let level = exact(level, LanguageLevel::from_code, LanguageLevel::code)?;
                text(code).map(|c| Facet::Language(c, level))
            }
            FacetKind::WorkingTime => {
                exact(rest, WorkingTime::from_code, WorkingTime::code).map(Facet::WorkingTime)
            }
            FacetKind::EmploymentType => {
                exact(rest, EmploymentType::from_code, EmploymentType::code)
                    .map(Facet::EmploymentType)
            }
            FacetKind::StartNow => rest.is_empty().then_some(Facet::StartNow),
        }
    }

    /// A facet of the owner's place (`FacetKind::PLACE`).
    pub fn is_place(&self) -> bool {
        FacetKind::PLACE.contains(&self.kind())
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
        keys.insert(Facet::Municipality(m.code).to_key());
        keys.insert(Facet::Region(m.region).to_key());
    }
    for entry in entries {
        match entry {
            CvEntry::JobWish(j) => {
                keys.insert(Facet::Occupation(&j.occupation).to_key());
                keys.insert(Facet::WorkingTime(j.working_time).to_key());
                keys.insert(Facet::EmploymentType(j.employment_type).to_key());
                if j.start_date.is_none() {
                    keys.insert(Facet::StartNow.to_key());
                }
            }
            CvEntry::DrivingLicence(l) => {
                keys.insert(Facet::Licence(*l).to_key());
            }
            CvEntry::Language(l) => {
                for level in LanguageLevel::ALL.iter().take_while(|x| **x <= l.level) {
                    keys.insert(Facet::Language(&l.language, *level).to_key());
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
            Msg::SearchPostcodeUnknown
        );
        let e = CvQuery::parse(&form(&[("afstand", "25")])).unwrap_err();
        assert_eq!(
            e.for_field("postnr").unwrap().key,
            Msg::SearchPostcodeNeeded
        );
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
    fn every_facet_key_reads_back_as_its_facet() {
        let all = [
            Facet::Occupation("Social- og sundhedsassistent"),
            Facet::Municipality("751"),
            Facet::Region("1082"),
            Facet::Licence(DrivingLicence::B),
            Facet::Language("en", LanguageLevel::B2),
            Facet::WorkingTime(WorkingTime::PartTime),
            Facet::EmploymentType(EmploymentType::Permanent),
            Facet::StartNow,
        ];
        assert_eq!(
            all.map(|f| f.kind()),
            FacetKind::ALL,
            "one facet of every kind"
        );
        for f in all {
            let key = f.to_key();
            assert!(key.starts_with(f.kind().key_prefix()), "{key}");
            assert_eq!(Facet::parse_key(&key), Some(f), "{key}");
        }
    }

    #[test]
    fn facet_keys_keep_their_stored_spelling() {
        // The keys are stored (`cv_facets`, `cv_search.facet_keys`): a new spelling would
        // leave every indexed CV unfindable.
        let keys = [
            (Facet::Occupation("Kok"), "occ:Kok"),
            (Facet::Municipality("751"), "mun:751"),
            (Facet::Region("1082"), "reg:1082"),
            (Facet::Licence(DrivingLicence::B), "lic:B"),
            (Facet::Language("en", LanguageLevel::B1), "lang:en:B1"),
            (Facet::WorkingTime(WorkingTime::FullTime), "wt:full_time"),
            (
                Facet::EmploymentType(EmploymentType::Permanent),
                "emp:permanent",
            ),
            (Facet::StartNow, "start:now"),
        ];
        for (f, key) in keys {
            assert_eq!(f.to_key(), key);
        }
    }

    #[test]
    fn a_key_of_no_facet_reads_as_none() {
        for key in [
            "",
            "kok",
            "occ:",
            "mun:",
            "lic:Z",
            "lic: B",
            "lang:en",
            "lang:en:Z9",
            "lang::B1",
            "wt:sometimes",
            "start:now:1",
            "start:later",
        ] {
            assert_eq!(Facet::parse_key(key), None, "{key}");
        }
    }

    #[test]
    fn only_municipality_and_region_are_place_facets() {
        let place: Vec<FacetKind> = FacetKind::ALL
            .into_iter()
            .filter(|k| FacetKind::PLACE.contains(k))
            .collect();
        assert_eq!(place, [FacetKind::Municipality, FacetKind::Region]);
        assert!(Facet::parse_key("mun:751").unwrap().is_place());
        assert!(Facet::parse_key("reg:1082").unwrap().is_place());
        assert!(!Facet::parse_key("occ:Kok").unwrap().is_place());
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
    fn relevance_ranks_only_with_words_to_rank_by() {
        let ranks =
            |pairs: &[(&str, &str)]| CvQuery::parse(&form(pairs)).unwrap().ranks_by_relevance();
        assert!(ranks(&[("q", "kok")]));
        assert!(!ranks(&[("q", "kok"), ("sortering", "opdateret")]));
        assert!(!ranks(&[("q", "*"), ("sortering", "relevans")]));
        assert!(!ranks(&[]));
    }

    #[test]
    fn the_pages_offered_stop_at_the_last_page() {
        assert_eq!(page_count(0), 0);
        assert_eq!(page_count(1), 1);
        assert_eq!(page_count(i64::from(PAGE_SIZE)), 1);
        assert_eq!(page_count(i64::from(PAGE_SIZE) + 1), 2);
        assert_eq!(page_count(1_000_000), MAX_PAGE);
    }

    #[test]
    fn hits_near_a_postcode_add_up_its_municipalities_within_reach() {
        let counts: BTreeMap<String, i64> =
            [("mun:751".to_string(), 7), ("mun:101".to_string(), 5)]
                .into_iter()
                .collect();
        let near = hits_per_distance("8000", &counts);
        assert_eq!(
            near.iter().map(|(km, _)| *km).collect::<Vec<_>>(),
            geo::DISTANCES_KM
        );
        assert!(
            near.iter().all(|(_, n)| *n >= 7),
            "Aarhus is within every distance: {near:?}"
        );
        assert!(
            near.iter().all(|(_, n)| *n < 12),
            "Copenhagen is not within reach of 8000: {near:?}"
        );
        assert!(near.windows(2).all(|w| w[0].1 <= w[1].1), "{near:?}");
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
