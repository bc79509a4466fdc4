//! Danish stems for the SQLite search: FTS5 has no Danish stemmer, so a query word is reduced
//! to its Snowball Danish stem, and the index's own words with that stem are searched for —
//! "sygeplejersker" finds sygeplejerske, sygeplejersken and sygeplejersker in the original
//! text (so `snippet` marks the words as written). PostgreSQL stems with its own `danish`
//! configuration, the same Snowball algorithm, so both engines find the same CVs.
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::BTreeSet;
use std::sync::OnceLock;

fn stemmer() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::Danish))
}

/// A word's Snowball Danish stem.
pub fn stem(word: &str) -> String {
    stemmer().stem(&word.to_lowercase()).into_owned()
}

/// The FTS5 query for the employer's words: for each word, any of the indexed words with
/// the same stem (`variants`, found in the index's vocabulary), all words required. `None`
/// when a word has no variant in the index: nothing can match.
pub fn fts5_query(variants: &[Vec<String>]) -> Option<String> {
    if variants.iter().any(Vec::is_empty) {
        return None;
    }
    Some(
        variants
            .iter()
            .map(|v| {
                format!(
                    "({})",
                    v.iter()
                        .map(|t| format!("\"{t}\""))
                        .collect::<Vec<_>>()
                        .join(" OR ")
                )
            })
            .collect::<Vec<_>>()
            .join(" AND "),
    )
}

/// A word as FTS5's `unicode61` tokenizer indexes it: letters that are a base letter with a
/// diacritic lose it (å → a, é → e); æ and ø are letters of their own and stay.
pub fn fold(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            c => c,
        })
        .collect()
}

/// The words FTS5's `unicode61` tokenizer indexes in `text`: runs of letters and digits,
/// in lower case, folded (`fold`).
pub fn index_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| fold(&w.to_lowercase()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_inflections_meet() {
        assert_eq!(stem("sygeplejersker"), stem("Sygeplejerske"));
        assert_eq!(stem("pædagogen"), stem("pædagog"));
        assert_eq!(stem("kokken"), "kok");
    }

    #[test]
    fn every_word_needs_a_variant() {
        let v = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            fts5_query(&[v(&["kok", "kokken"]), v(&["aarhus"])]).as_deref(),
            Some("(\"kok\" OR \"kokken\") AND (\"aarhus\")")
        );
        assert_eq!(fold("sårpleje café"), "sarpleje cafe");
        assert_eq!(fold("rengøring æble"), "rengøring æble");
        assert_eq!(fts5_query(&[v(&["kok"]), v(&[])]), None);
    }
}
