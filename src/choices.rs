//! Closed lists of choices: wherever the seed implies a scale or categories, the answer is one
//! of a fixed list with a stable code (stored, sent by forms) and a Danish label (shown).

/// Defines a closed list of choices with stable codes and Danish labels.
macro_rules! choices {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $code:literal, $label:literal;)+ }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// (code, Danish label) of every choice, in order: what a form offers.
            pub const OPTIONS: &'static [(&'static str, &'static str)] = &[$(($code, $label)),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn label_da(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// An empty answer is "required"; an answer outside the list "choice.invalid".
            pub fn from_code(code: &str) -> Result<Self, crate::messages::Msg> {
                let c = code.trim();
                if c.is_empty() {
                    return Err(crate::messages::Msg::Required);
                }
                Self::ALL.iter().copied().find(|v| v.code() == c).ok_or(crate::messages::Msg::ChoiceInvalid)
            }
        }
    };
}

pub(crate) use choices;
