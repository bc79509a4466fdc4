//! Every message a user can be shown about their input, and its Danish text. One place, so
//! wording stays consistent and a mistyped message does not compile.
//!
//! A message crosses the wire (and reaches end-to-end tests) as its key, e.g. `"date.invalid"`:
//! `Msg` serialises as that key and deserialises only from a known one.
use serde::{Deserialize, Serialize};

/// Declares `Msg` from rows of `Variant = "key" => "Danish text"`, so a variant, its key on
/// the wire and its text cannot drift apart.
macro_rules! messages {
    ($($variant:ident = $key:tt => $da:expr,)+) => {
        /// A message key: what a parser or a server function refuses input with.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Msg {
            $(#[serde(rename = $key)] $variant,)+
        }

        impl Msg {
            /// Every message, in declaration order.
            pub const ALL: &'static [Msg] = &[$(Msg::$variant,)+];

            /// The key this message crosses the wire as (its serde name).
            pub fn key(self) -> &'static str {
                match self {
                    $(Msg::$variant => $key,)+
                }
            }

            /// The Danish text shown at the field and in the error summary.
            pub fn da(self) -> &'static str {
                match self {
                    $(Msg::$variant => $da,)+
                }
            }
        }
    };
}

messages! {
    Required = "required" => "Udfyld feltet.",
    TooLong = "too_long" => "Teksten er for lang.",
    InvalidCharacters = "invalid_characters" => "Teksten indeholder tegn, der ikke er tilladt.",
    DateInvalid = "date.invalid" => "Skriv en gyldig dato (dd-mm-åååå).",
    DateInFuture = "date.in_future" => "Datoen må ikke ligge i fremtiden.",
    DateImplausible = "date.implausible" => "Datoen ligger for langt tilbage. Tjek årstallet.",
    DateEndBeforeStart = "date.end_before_start" => "Slutdatoen skal ligge efter startdatoen.",
    DateTooFarAhead = "date.too_far_ahead" => "Datoen ligger for langt ude i fremtiden.",
    NumberInvalid = "number.invalid" => "Skriv et helt tal.",
    NumberOutOfRange = "number.out_of_range" => "Tallet ligger uden for det mulige. Tjek det.",
    LanguageUnknown = "language.unknown" => "Vælg et sprog fra listen.",
    ListTooMany = "list.too_many" => "Der er for mange punkter. Slet nogle, før du tilføjer flere.",
    CprInvalid = "cpr.invalid" => "Skriv et CPR-nummer med 10 cifre (ddmmåå-xxxx).",
    CprUnknown = "cpr.unknown" => "CPR-nummeret findes ikke i CPR-registeret.",
    CprInactive = "cpr.inactive" => "Personen kan ikke logge ind: CPR-status er ikke aktiv.",
    CvrInvalid = "cvr.invalid" => "Skriv et gyldigt CVR-nummer på 8 cifre.",
    CvrTaken = "cvr.taken" => "Der findes allerede en konto for dette CVR-nummer.",
    EmailInvalid = "email.invalid" => "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.",
    PhoneInvalid = "phone.invalid" => "Skriv et telefonnummer med 8 cifre, eller med landekode, fx +46 70 123 45 67.",
    UsernameInvalid = "username.invalid" => "Brugernavnet skal være 3-40 tegn og må kun indeholde bogstaver, tal, punktum, bindestreg og understreg.",
    EmailTaken = "email.taken" => "Der findes allerede en konto med denne e-mailadresse.",
    UsernameTaken = "username.taken" => "Brugernavnet er optaget. Vælg et andet.",
    PasswordTooShort = "password.too_short" => "Adgangskoden skal være på mindst 10 tegn.",
    PasswordTooLong = "password.too_long" => "Adgangskoden må højst være på 128 tegn.",
    PasswordMismatch = "password.mismatch" => "De to adgangskoder er ikke ens.",
    PasswordTooCommon = "password.too_common" => "Adgangskoden er for almindelig og let at gætte. Vælg en anden.",
    PasswordCurrentWrong = "password.current_wrong" => "Den nuværende adgangskode er forkert.",
    RemindersNeedContact = "reminders.need_contact" => "Du skal oplyse den kontaktoplysning, som påmindelsen skal sendes til.",
    ChoiceInvalid = "choice.invalid" => "Vælg en af mulighederne.",
    ChoiceRequired = "choice.required" => "Vælg et svar.",
    ChoiceAtLeastOne = "choice.at_least_one" => "Vælg mindst én af mulighederne.",
    CaseworkerNotServed = "caseworker.not_served" => "Der er ingen borger med det CPR-nummer i de kommuner, dit jobcenter betjener.",
    QuestionnaireNotRegistered = "questionnaire.not_registered" => "Du skal tilmelde dig som jobsøgende, før du udfylder forberedelsesskemaet.",
    TermsMustAccept = "terms.must_accept" => "Du skal acceptere vilkårene for at søge i CV'er.",
    LoginFailed = "login.failed" => "Brugernavn eller adgangskode er forkert.",
    LoginThrottled = "login.throttled" => "For mange forsøg. Vent 15 minutter, og prøv igen.",
    CvNeedsJobWish = "cv.needs_job_wish" => "Dit CV kan først gøres søgbart, når du har tilføjet mindst ét job, du søger (\"Jeg søger job som\").",
    CvNeedsExperienceOrEducation = "cv.needs_experience_or_education" => "Dit CV kan først gøres søgbart, når du har tilføjet mindst én erhvervserfaring eller uddannelse.",
    OccupationUnknown = "occupation.unknown" => "Vælg en stillingsbetegnelse fra listen.",
    DateNotAfterToday = "date.not_after_today" => "Startdatoen skal ligge efter i dag. Vælg \"Jeg kan starte med det samme\", hvis du kan starte nu.",
    ListDuplicate = "list.duplicate" => "Det har du allerede tilføjet. Ret det, der står, i stedet.",
    CvNotReady = "cv.not_ready" => "Dit CV kan først gøres søgbart, når det har mindst ét job, du søger, og mindst én erhvervserfaring eller uddannelse.",
    SearchOccupationUnknown = "search.occupation_unknown" => "Vælg en stillingsbetegnelse fra listen.",
    SearchPostcodeUnknown = "search.postcode_unknown" => "Vi kender ikke det postnummer. Skriv et dansk postnummer med 4 cifre.",
    SearchPostcodeNeeded = "search.postcode_needed" => "Skriv det postnummer, afstanden skal regnes fra.",
    RequestForeign = "request.foreign" => "Anmodningen blev afvist: den kom ikke fra Jobspors egne sider.",
    RequestTooLarge = "request.too_large" => "Anmodningen er for stor. Send mindre tekst ad gangen.",
    TooManyRequests = "limit.requests" => "Der er kommet for mange forespørgsler fra din forbindelse. Vent lidt, og prøv igen.",
    CvOpeningsCeiling = "limit.cv_openings" => "Du har åbnet mange CV'er på kort tid. Vent en time, og prøv igen, eller kontakt Jobnetsupporten.",
    Internal = "internal" => "Der skete en fejl hos os. Prøv igen om lidt.",
}

/// The Danish text of a message.
pub fn da(key: Msg) -> &'static str {
    key.da()
}

/// Shows the key, so a log line or a failed assertion names the message as the wire does.
impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::Msg;
    use std::collections::BTreeMap;

    #[test]
    fn every_message_crosses_the_wire_as_its_key_and_back() {
        for &m in Msg::ALL {
            let json = serde_json::to_string(&m).unwrap();
            assert_eq!(json, format!("\"{}\"", m.key()), "{m:?}");
            assert_eq!(serde_json::from_str::<Msg>(&json).unwrap(), m);
        }
        assert!(serde_json::from_str::<Msg>("\"date.invalidd\"").is_err());
        assert!(serde_json::from_str::<Msg>("\"DateInvalid\"").is_err());
    }

    #[test]
    fn keys_are_distinct_and_written_like_the_others() {
        let mut seen = BTreeMap::new();
        for &m in Msg::ALL {
            let k = m.key();
            assert!(
                !k.is_empty()
                    && k.split('.').count() <= 2
                    && k.split('.').all(|part| !part.is_empty()
                        && part.chars().all(|c| c.is_ascii_lowercase() || c == '_')),
                "{k}"
            );
            assert_eq!(seen.insert(k, m), None, "{k} twice");
        }
    }

    /// Each message has its own Danish sentence; the only shared one is the occupation
    /// list's, said the same way in the CV form and in the search form.
    #[test]
    fn every_message_has_its_own_danish_text() {
        let shared = [Msg::OccupationUnknown, Msg::SearchOccupationUnknown];
        let mut seen: BTreeMap<&str, Msg> = BTreeMap::new();
        for &m in Msg::ALL {
            let t = m.da();
            assert!(
                t.chars().next().is_some_and(char::is_uppercase) && t.ends_with('.'),
                "{m}: {t}"
            );
            if let Some(other) = seen.insert(t, m) {
                assert!(
                    shared.contains(&other) && shared.contains(&m),
                    "{other} and {m} read the same"
                );
            }
        }
        assert_eq!(
            Msg::OccupationUnknown.da(),
            Msg::SearchOccupationUnknown.da()
        );
    }
}
