//! The interface's languages: Danish, the default, and English (EURES job seekers, and
//! anyone in Denmark who reads English better). Text that core owns (messages, labels of
//! choices) carries both; the pages' own text lives in the app's translation files.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Da, Lang::En];

    /// The language's code: the `lang` attribute, the cookie, the stored preference.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// A code as sent by the language switch or stored; anything else is no language.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code.trim())
    }

    /// The language's name in itself, as the switch offers it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Da => "Dansk",
            Lang::En => "English",
        }
    }

    /// The other language: the switch offers it.
    pub fn other(self) -> Lang {
        match self {
            Lang::Da => Lang::En,
            Lang::En => Lang::Da,
        }
    }

    /// Picks this language's text of a pair.
    pub fn pick<T>(self, da: T, en: T) -> T {
        match self {
            Lang::Da => da,
            Lang::En => en,
        }
    }
}

/// A text core owns in both languages, written side by side where it is defined (a field's
/// label, a choice's label), so that neither can be left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Words {
    pub da: &'static str,
    pub en: &'static str,
}

impl Words {
    pub const fn new(da: &'static str, en: &'static str) -> Words {
        Words { da, en }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.da, self.en)
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn codes_go_both_ways_and_nothing_else_is_a_language() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
            assert_eq!(l.other().other(), l);
        }
        assert_eq!(Lang::default(), Lang::Da);
        for bad in ["", "DA", "de", "en-GB", "dansk"] {
            assert_eq!(Lang::from_code(bad), None, "{bad}");
        }
    }
}
