//! Danish stems for the SQLite search: FTS5 has no Danish stemmer, so a query word is reduced
//! to its Snowball Danish stem and matched as a prefix — "sygeplejersker" and
//! "sygeplejerske" both become `sygeplejersk*`, which finds either in the original text
//! (and so `highlight` can mark the words as written). PostgreSQL stems with its own
//! `danish` configuration, the same Snowball algorithm.
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

fn stemmer() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::Danish))
}

/// The FTS5 query for the employer's words (`jobspor::cv_search::query_words`, letters and
/// digits only): every word's stem as a prefix, all required.
pub fn fts5_query(words: &[String]) -> String {
    words.iter().map(|w| format!("\"{}\"*", stemmer().stem(w))).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_inflections_meet() {
        let q = |w: &str| fts5_query(&[w.to_string()]);
        assert_eq!(q("sygeplejersker"), q("sygeplejerske"));
        assert_eq!(q("pædagogen"), q("pædagog"));
        assert_eq!(q("kokken"), "\"kok\"*");
    }
}
