//! The page's language (core's `Lang`): chosen by the language switch (`api::language`),
//! kept in a cookie, and for a citizen also as the profile's preference. The server reads
//! it from the request (`request_lang`) and `shell` provides it to every page; an island
//! gets it as a prop. The pages' text comes from the translation files
//! (`app/locales/<language>/<part>.json`, checked at compile time by leptos_i18n): `tr!`.
use crate::i18n::Locale;
use jobspor::Lang;
use leptos::prelude::*;

/// The translation files' locale of a language.
pub fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::Da => Locale::da,
        Lang::En => Locale::en,
    }
}

/// The language of the page being rendered (Danish outside a request).
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// A text of the translation files in the page's language: `tr!(common.log_out)`, or with
/// values, `tr!(common.chars_left, n = 12)`. `tr!(in lang, …)` names the language (an
/// island, which has no page context).
#[macro_export]
macro_rules! tr {
    (in $lang:expr, $($key:tt)+) => {
        $crate::i18n::td_string!($crate::lang::locale($lang), $($key)+)
    };
    ($($key:tt)+) => {
        $crate::i18n::td_string!($crate::lang::locale($crate::lang::use_lang()), $($key)+)
    };
}

/// The language of the request being answered: the page's (its context), else the one its
/// cookie asks for (a server function called over HTTP); Danish outside a request. For
/// texts a server function builds.
pub fn current() -> Lang {
    if let Some(lang) = use_context::<Lang>() {
        return lang;
    }
    #[cfg(feature = "ssr")]
    {
        let secure = use_context::<crate::ssr::state::AppState>().is_none_or(|s| s.secure_cookies);
        use_context::<http::request::Parts>()
            .map(|p| request_lang(&p, secure))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        Lang::default()
    }
}

/// The language cookie's name (with `__Host-` outside the development setting).
pub const COOKIE_NAME: &str = "jobspor_sprog";

/// The language a request asks for: its language cookie, else Danish.
#[cfg(feature = "ssr")]
pub fn request_lang(parts: &http::request::Parts, secure_cookies: bool) -> Lang {
    use crate::ssr::session::{cookie_name, cookie_value};
    cookie_value(&parts.headers, &cookie_name(secure_cookies, COOKIE_NAME))
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    /// Every key path of a translation file (`a.b.c`), and that each value is text.
    fn keys(path: &Path) -> BTreeSet<String> {
        fn walk(prefix: &str, v: &serde_json::Value, out: &mut BTreeSet<String>, file: &Path) {
            match v {
                serde_json::Value::Object(map) => {
                    for (k, v) in map {
                        let key = if prefix.is_empty() {
                            k.clone()
                        } else {
                            format!("{prefix}.{k}")
                        };
                        walk(&key, v, out, file);
                    }
                }
                serde_json::Value::String(s) => {
                    assert!(
                        !s.trim().is_empty(),
                        "{}: {prefix} is empty",
                        file.display()
                    );
                    out.insert(prefix.to_string());
                }
                other => panic!("{}: {prefix} is not text: {other}", file.display()),
            }
        }
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut out = BTreeSet::new();
        walk("", &json, &mut out, path);
        out
    }

    /// leptos_i18n fills a key missing in English with the Danish text and only warns;
    /// this test fails instead, naming the keys, in either direction.
    #[test]
    fn both_languages_have_every_key() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let files = |lang: &str| -> BTreeSet<String> {
            std::fs::read_dir(root.join(lang))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        };
        assert_eq!(files("da"), files("en"), "the same files in both languages");
        assert!(!files("da").is_empty());
        for file in files("da") {
            let da = keys(&root.join("da").join(&file));
            let en = keys(&root.join("en").join(&file));
            let only_da: Vec<_> = da.difference(&en).collect();
            let only_en: Vec<_> = en.difference(&da).collect();
            assert!(
                only_da.is_empty() && only_en.is_empty(),
                "{file}: missing in English: {only_da:?}; missing in Danish: {only_en:?}"
            );
        }
    }

    #[test]
    fn a_text_is_in_the_language_asked_for() {
        use jobspor::Lang;
        assert_eq!(tr!(in Lang::Da, common.log_out), "Log af");
        assert_eq!(tr!(in Lang::En, common.log_out), "Log out");
        assert_eq!(
            tr!(in Lang::En, common.chars_left, n = 3),
            "You have 3 characters left"
        );
        // Outside a page: Danish.
        assert_eq!(tr!(common.log_out), "Log af");
    }
}
