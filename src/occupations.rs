//! The controlled list of occupations for "Jeg søger job som": Danish job titles with their
//! DISCO-08 codes (Danmarks Statistik's version of ISCO-08), shipped as data
//! (`src/data/occupations.tsv`, checked by `src/data/check_occupations.py`).
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occupation {
    pub disco08: &'static str,
    pub title: &'static str,
}

const DATA: &str = include_str!("data/occupations.tsv");

pub fn all() -> &'static [Occupation] {
    static LIST: OnceLock<Vec<Occupation>> = OnceLock::new();
    LIST.get_or_init(|| {
        DATA.lines()
            .skip(1)
            .filter_map(|l| l.split_once('\t'))
            .map(|(disco08, title)| Occupation { disco08, title })
            .collect()
    })
}

/// The occupation with exactly this title (case and surrounding spaces ignored).
pub fn find(title: &str) -> Option<Occupation> {
    let t = title.trim().to_lowercase();
    all().iter().copied().find(|o| o.title.to_lowercase() == t)
}

/// Occupations whose title contains the query, titles starting with it first; for the
/// type-ahead and its no-JavaScript search-and-select fallback.
pub fn search(query: &str, limit: usize) -> Vec<Occupation> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let (mut starts, mut contains): (Vec<_>, Vec<_>) = all()
        .iter()
        .copied()
        .filter(|o| o.title.to_lowercase().contains(&q))
        .partition(|o| o.title.to_lowercase().starts_with(&q));
    starts.append(&mut contains);
    starts.truncate(limit);
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_large_unique_and_coded() {
        let list = all();
        assert!(list.len() >= 400, "{}", list.len());
        let mut titles: Vec<_> = list.iter().map(|o| o.title.to_lowercase()).collect();
        titles.sort();
        titles.dedup();
        assert_eq!(titles.len(), list.len());
        assert!(list
            .iter()
            .all(|o| o.disco08.len() == 4 && o.disco08.chars().all(|c| c.is_ascii_digit())));
    }

    #[test]
    fn finds_and_searches_titles() {
        assert_eq!(find(" sygeplejerske ").map(|o| o.disco08), Some("2221"));
        let hits = search("kok", 5);
        assert_eq!(hits.first().map(|o| o.title), Some("Kok"));
        assert!(search("plejer", 50)
            .iter()
            .any(|o| o.title == "Sygeplejerske"));
        assert!(search("  ", 5).is_empty());
    }
}
