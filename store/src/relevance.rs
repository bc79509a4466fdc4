//! Ranking a SQLite text search's matches by relevance, in Rust, from each match's text.
//!
//! Why not FTS5's `bm25()`: on its first call in a query it counts the CVs holding each
//! phrase of the query, for the phrases' weights (IDF), and so reads every indexed form's
//! whole list of CVs. At 1M CVs that was 8–15 ms of a 20–30 ms search for two words and two
//! filters (issue 5's notes). The search already reads each match's row, text included, to
//! check its filters, so counting the query words there costs only the reading.
//!
//! The score is BM25 with FTS5's constants, each word weighted alike: every match holds
//! every query word (the words are ANDed), so the weights only set one word against another,
//! and PostgreSQL's `ts_rank` weighs the words alike too. The text's length is measured
//! against the average of the matches read, not of every CV.
use crate::text::{fold_char, tokens};
use std::collections::HashMap;

/// BM25's saturation of repeated words and its length normalisation, as FTS5's `bm25()`.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// The query words' indexed forms, ready to count in a text.
pub struct QueryForms {
    /// Each form (as the tokenizer indexes it) and the query words it is a form of.
    words_of: HashMap<String, Vec<usize>>,
    /// The forms' first bytes, and their shortest length in characters: a word of the text
    /// that starts with another ASCII letter, or is shorter, is no form and is skipped
    /// without being lowered and folded (most words, checked in a few nanoseconds).
    first: [bool; 128],
    shortest: usize,
    words: usize,
}

/// How often each query word occurs in one text, and the text's length in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts {
    pub per_word: Vec<u32>,
    pub len: u32,
}

impl QueryForms {
    /// `forms[i]`: the indexed forms of query word `i` (`Store::fts5_variants`).
    pub fn new(forms: &[Vec<String>]) -> QueryForms {
        let mut words_of: HashMap<String, Vec<usize>> = HashMap::new();
        let mut first = [false; 128];
        let mut shortest = usize::MAX;
        for (i, group) in forms.iter().enumerate() {
            for f in group {
                words_of.entry(f.clone()).or_default().push(i);
                if let Some(&b) = f.as_bytes().first().filter(|b| b.is_ascii()) {
                    first[usize::from(b)] = true;
                }
                shortest = shortest.min(f.chars().count());
            }
        }
        QueryForms { words_of, first, shortest, words: forms.len() }
    }

    /// Reads `text` as the `unicode61` tokenizer does (`text::index_words`: runs of letters
    /// and digits, lower case, folded) and counts the query words' forms.
    pub fn count(&self, text: &str) -> Counts {
        let mut c = Counts { per_word: vec![0; self.words], len: 0 };
        let mut word = String::new();
        for token in tokens(text) {
            c.len += 1;
            // A token's length in bytes is at least its length in characters.
            let head = token.as_bytes()[0];
            if token.len() < self.shortest || (head.is_ascii() && !self.first[usize::from(head.to_ascii_lowercase())]) {
                continue;
            }
            word.clear();
            word.extend(token.chars().flat_map(char::to_lowercase).map(fold_char));
            if let Some(words) = self.words_of.get(&word) {
                for &i in words {
                    c.per_word[i] += 1;
                }
            }
        }
        c
    }
}

/// The BM25 score of a text's counts (higher is more relevant); `avg_len` is the average
/// length of the texts ranked together.
pub fn score(c: &Counts, avg_len: f64) -> f64 {
    let norm = K1 * (1.0 - B + B * f64::from(c.len) / avg_len.max(1.0));
    c.per_word.iter().map(|&tf| f64::from(tf) * (K1 + 1.0) / (f64::from(tf) + norm)).sum()
}

/// The texts' scores, in their order, each length measured against their average.
pub fn scores(counts: &[Counts]) -> Vec<f64> {
    let avg = counts.iter().map(|c| f64::from(c.len)).sum::<f64>() / counts.len().max(1) as f64;
    counts.iter().map(|c| score(c, avg)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(groups: &[&[&str]]) -> QueryForms {
        QueryForms::new(&groups.iter().map(|g| g.iter().map(|s| s.to_string()).collect()).collect::<Vec<_>>())
    }

    #[test]
    fn counts_the_forms_as_the_index_reads_them() {
        let q = forms(&[&["kok", "kokken", "kokke"], &["hygiejne"]]);
        let c = q.count("Kok i Kokkenes køkken; KOKKEN kendte hygiejne-reglerne og HYGIEJNE.");
        // "Kokkenes" is no indexed form here, and "køkken" starts like none.
        assert_eq!(c, Counts { per_word: vec![2, 2], len: 10 });
        // Folded as the tokenizer folds: "Café" is indexed as cafe.
        assert_eq!(forms(&[&["cafe"]]).count("Café-drift, cafeen").per_word, vec![1]);
        // A word typed twice is counted for both.
        assert_eq!(forms(&[&["kok"], &["kok"]]).count("kok").per_word, vec![1, 1]);
    }

    #[test]
    fn more_occurrences_rank_higher_but_saturate() {
        let at = |tf: u32| score(&Counts { per_word: vec![tf], len: 100 }, 100.0);
        assert!(at(2) > at(1) && at(3) > at(2));
        assert!(at(2) - at(1) > at(3) - at(2), "each repeat adds less");
        assert!(at(100) < K1 + 1.0);
        assert_eq!(at(0), 0.0);
    }

    #[test]
    fn a_short_text_with_the_words_ranks_above_a_long_one() {
        let s = scores(&[Counts { per_word: vec![1, 1], len: 300 }, Counts { per_word: vec![1, 1], len: 50 }]);
        assert!(s[1] > s[0], "{s:?}");
        // Both words once ranks above one word twice: each word saturates on its own.
        let s = scores(&[Counts { per_word: vec![2, 0], len: 100 }, Counts { per_word: vec![1, 1], len: 100 }]);
        assert!(s[1] > s[0], "{s:?}");
    }
}
