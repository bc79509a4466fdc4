//! Closed lists of choices: wherever the seed implies a scale or categories, the answer is one
//! of a fixed list with a stable code (stored, sent by forms) and a label in Danish and in
//! English (shown).

/// A list's choices as a form offers them: (code, label in both languages), in order.
pub type Options = &'static [(&'static str, crate::lang::Words)];

/// Defines a closed list of choices with stable codes and labels in Danish and English.
macro_rules! choices {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $code:literal, $da:literal, $en:literal;)+ }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// (code, labels) of every choice, in order: what a form offers.
            pub const OPTIONS: $crate::choices::Options =
                &[$(($code, $crate::lang::Words::new($da, $en))),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn words(self) -> $crate::lang::Words {
                match self { $($name::$variant => $crate::lang::Words::new($da, $en)),+ }
            }

            pub fn label(self, lang: $crate::lang::Lang) -> &'static str {
                self.words().get(lang)
            }

            /// An empty answer is "required"; an answer outside the list "choice.invalid".
            pub fn from_code(code: &str) -> Result<Self, crate::messages::Msg> {
                let c = code.trim();
                if c.is_empty() {
                    return Err(crate::messages::Msg::Required);
                }
                Self::ALL.iter().copied().find(|v| v.code() == c).ok_or(crate::messages::Msg::ChoiceInvalid)
            }

            /// `from_code` for a form's radio buttons or select: an answer left empty is
            /// "choose one" rather than "required".
            pub fn from_choice(code: &str) -> Result<Self, crate::messages::Msg> {
                Self::from_code(code).map_err(|m| match m {
                    crate::messages::Msg::Required => crate::messages::Msg::ChoiceRequired,
                    m => m,
                })
            }
        }
    };
}

pub(crate) use choices;
