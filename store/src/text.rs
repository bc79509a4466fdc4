//! Danish text for search: words are lower-cased, split, and reduced to their Snowball
//! Danish stem, so "sygeplejersker" and "sygeplejerske" meet at the same term.
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::BTreeSet;
use std::sync::OnceLock;

fn stemmer() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::Danish))
}

/// The distinct stems of a text, at most 1000 (a CV is not a novel).
pub fn terms(text: &str) -> BTreeSet<String> {
    words(text).map(|w| stemmer().stem(&w).into_owned()).take(1000).collect()
}

/// The stems of a query, in order, without repeats.
pub fn query_terms(query: &str) -> Vec<String> {
    let mut seen = BTreeSet::new();
    words(query)
        .map(|w| stemmer().stem(&w).into_owned())
        .filter(|t| seen.insert(t.clone()))
        .take(8)
        .collect()
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.chars().count() <= 40)
        .map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_inflections_meet() {
        assert_eq!(query_terms("sygeplejersker"), query_terms("Sygeplejerske"));
        assert_eq!(query_terms("pædagogen"), query_terms("pædagog"));
        assert!(terms("Kok i Aarhus, kokken").len() <= 3);
    }
}
