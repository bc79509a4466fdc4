//! Every message a user can be shown about their input, and its Danish text. One place, so
//! wording stays consistent and a mistyped message does not compile.
//!
//! A message crosses the wire (and reaches end-to-end tests) as its key, e.g. `"date.invalid"`:
//! `Msg` serialises as that key and deserialises only from a known one.
use serde::{Deserialize, Serialize};

/// Declares `Msg` from rows of `Variant = "key" => "Danish text", "English text"`, so a
/// variant, its key on the wire and its texts cannot drift apart, and a message without
/// its English does not compile.
macro_rules! messages {
    ($($variant:ident = $key:tt => $da:expr, $en:expr,)+) => {
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

            /// The English text.
            pub fn en(self) -> &'static str {
                match self {
                    $(Msg::$variant => $en,)+
                }
            }
        }
    };
}

messages! {
    Required = "required" => "Udfyld feltet.", "Fill in the field.",
    TooLong = "too_long" => "Teksten er for lang.", "The text is too long.",
    InvalidCharacters = "invalid_characters" => "Teksten indeholder tegn, der ikke er tilladt.", "The text contains characters that are not allowed.",
    DateInvalid = "date.invalid" => "Skriv en gyldig dato (dd-mm-åååå).", "Enter a valid date (dd-mm-yyyy).",
    DateInFuture = "date.in_future" => "Datoen må ikke ligge i fremtiden.", "The date cannot be in the future.",
    DateImplausible = "date.implausible" => "Datoen ligger for langt tilbage. Tjek årstallet.", "The date is too far back. Check the year.",
    DateEndBeforeStart = "date.end_before_start" => "Slutdatoen skal ligge efter startdatoen.", "The end date must be after the start date.",
    DateTooFarAhead = "date.too_far_ahead" => "Datoen ligger for langt ude i fremtiden.", "The date is too far into the future.",
    DateDayInvalid = "date.day_invalid" => "Skriv dagen som et tal fra 1 til 31.", "Enter the day as a number from 1 to 31.",
    DateMonthInvalid = "date.month_invalid" => "Skriv måneden som et tal fra 1 til 12.", "Enter the month as a number from 1 to 12.",
    DateYearInvalid = "date.year_invalid" => "Skriv året med 4 cifre, fx 2020.", "Enter the year with 4 digits, e.g. 2020.",
    DateDayNotInMonth = "date.day_not_in_month" => "Dagen findes ikke i den måned. Tjek dag og måned.", "That day does not exist in that month. Check the day and the month.",
    NumberInvalid = "number.invalid" => "Skriv et helt tal.", "Enter a whole number.",
    NumberOutOfRange = "number.out_of_range" => "Tallet ligger uden for det mulige. Tjek det.", "The number is outside what is possible. Check it.",
    LanguageUnknown = "language.unknown" => "Vælg et sprog fra listen.", "Choose a language from the list.",
    ListTooMany = "list.too_many" => "Der er for mange punkter. Slet nogle, før du tilføjer flere.", "There are too many items. Delete some before you add more.",
    CprInvalid = "cpr.invalid" => "Skriv et CPR-nummer med 10 cifre (ddmmåå-xxxx).", "Enter a CPR number with 10 digits (ddmmyy-xxxx).",
    CprUnknown = "cpr.unknown" => "CPR-nummeret findes ikke i CPR-registeret.", "The CPR number is not in the CPR register.",
    CprInactive = "cpr.inactive" => "Personen kan ikke logge ind: CPR-status er ikke aktiv.", "The person cannot sign in: the CPR status is not active.",
    CvrInvalid = "cvr.invalid" => "Skriv et gyldigt CVR-nummer på 8 cifre.", "Enter a valid CVR number with 8 digits.",
    CvrTaken = "cvr.taken" => "Der findes allerede en konto for dette CVR-nummer.", "There is already an account for this CVR number.",
    EmailInvalid = "email.invalid" => "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.", "Enter a valid e-mail address, e.g. name@example.dk.",
    PhoneInvalid = "phone.invalid" => "Skriv et telefonnummer med 8 cifre, eller med landekode, fx +46 70 123 45 67.", "Enter a phone number with 8 digits, or with a country code, e.g. +46 70 123 45 67.",
    UsernameInvalid = "username.invalid" => "Brugernavnet skal være 3-40 tegn og må kun indeholde bogstaver, tal, punktum, bindestreg og understreg.", "The username must be 3-40 characters and may only contain letters, digits, full stops, hyphens and underscores.",
    EmailTaken = "email.taken" => "Der findes allerede en konto med denne e-mailadresse.", "There is already an account with this e-mail address.",
    UsernameTaken = "username.taken" => "Brugernavnet er optaget. Vælg et andet.", "The username is taken. Choose another.",
    PasswordTooShort = "password.too_short" => "Adgangskoden skal være på mindst 10 tegn.", "The password must be at least 10 characters.",
    PasswordTooLong = "password.too_long" => "Adgangskoden må højst være på 128 tegn.", "The password can be at most 128 characters.",
    PasswordMismatch = "password.mismatch" => "De to adgangskoder er ikke ens.", "The two passwords are not the same.",
    PasswordTooCommon = "password.too_common" => "Adgangskoden er for almindelig og let at gætte. Vælg en anden.", "The password is too common and easy to guess. Choose another.",
    PasswordCurrentWrong = "password.current_wrong" => "Den nuværende adgangskode er forkert.", "The current password is wrong.",
    RemindersNeedContact = "reminders.need_contact" => "Du skal oplyse den kontaktoplysning, som påmindelsen skal sendes til.", "Give the contact details the reminder is to be sent to.",
    ChoiceInvalid = "choice.invalid" => "Vælg en af mulighederne.", "Choose one of the options.",
    ChoiceRequired = "choice.required" => "Vælg et svar.", "Choose an answer.",
    ChoiceAtLeastOne = "choice.at_least_one" => "Vælg mindst én af mulighederne.", "Choose at least one of the options.",
    AKasseNotMember = "akasse.not_member" => "Der er intet medlem af din a-kasse med det CPR-nummer, som er tilmeldt som dagpengemodtager eller dimittend.", "There is no member of your a-kasse with that CPR number who is registered as a dagpenge recipient or dimittend.",
    SupportNoProfile = "support.no_profile" => "Der er ingen borger med en profil i Jobspor med det CPR-nummer.", "There is no citizen with a profile in Jobspor with that CPR number.",
    ConsentInFuture = "consent.in_future" => "Tidspunktet for samtykket kan ikke ligge ude i fremtiden.", "The time of the consent cannot be in the future.",
    ConsentTooOld = "consent.too_old" => "Samtykket skal være givet inden for de seneste 7 dage.", "The consent must have been given within the last 7 days.",
    MeetingInPast = "meeting.in_past" => "Mødet skal ligge ude i fremtiden. Tjek dato og klokkeslæt.", "The meeting must be in the future. Check the date and the time.",
    SlotTaken = "meeting.slot_taken" => "Den tid er lige blevet booket af en anden. Vælg en anden tid.", "That time has just been booked by someone else. Choose another time.",
    BookingClosed = "meeting.booking_closed" => "Fristen for at booke, flytte eller aflyse den tid er overskredet. Kontakt dit jobcenter.", "The deadline for booking, moving or cancelling that time has passed. Contact your jobcentre.",
    MeetingNotOpen = "meeting.not_open" => "Mødet kan ikke længere ændres her. Kontakt dit jobcenter.", "The meeting can no longer be changed here. Contact your jobcentre.",
    EducationPlanNotApplicable = "plan.education_not_applicable" => "Borgeren har ikke en uddannelsesplan: kun borgere på uddannelseshjælp eller med uddannelsespålæg har det.", "The citizen has no education plan: only citizens on education assistance (uddannelseshjaelp) or with an order to start education have one.",
    ConfirmRequired = "rights.confirm_required" => "Sæt kryds for at bekræfte, at du vil slette.", "Tick the box to confirm that you want to delete.",
    ObjectionAnswerRequired = "objection.answer_required" => "Skriv svaret til borgeren, før indsigelsen markeres som besvaret.", "Write the answer to the citizen before the objection is marked as answered.",
    ObjectionAnswered = "objection.answered" => "Indsigelsen er allerede besvaret.", "The objection has already been answered.",
    PlanMissing = "plan.missing" => "Skriv borgerens jobmål, før I aftaler aktiviteter.", "Write the citizen's job goal before you agree on activities.",
    TimeInvalid = "time.invalid" => "Skriv klokkeslættet som tt:mm, fx 09:30.", "Write the time as hh:mm, e.g. 09:30.",
    CaseworkerNotServed = "caseworker.not_served" => "Der er ingen borger med det CPR-nummer i de kommuner, dit jobcenter betjener.", "There is no citizen with that CPR number in the municipalities your jobcentre serves.",
    QuestionnaireNotRegistered = "questionnaire.not_registered" => "Du skal tilmelde dig som jobsøgende, før du udfylder forberedelsesskemaet.", "You must register as a job seeker before you fill in the preparation questionnaire.",
    EuresMustConsent = "eures.must_consent" => "Sæt kryds for at give dit samtykke, hvis dit CV skal sendes til EURES.", "Tick the box to give your consent if your CV is to be sent to EURES.",
    TermsMustAccept = "terms.must_accept" => "Du skal acceptere vilkårene for at søge i CV'er.", "You must accept the terms to search CVs.",
    LoginFailed = "login.failed" => "Brugernavn eller adgangskode er forkert.", "The username or password is wrong.",
    LoginThrottled = "login.throttled" => "For mange forsøg. Vent 15 minutter, og prøv igen.", "Too many attempts. Wait 15 minutes and try again.",
    CvNeedsJobWish = "cv.needs_job_wish" => "Dit CV kan først gøres søgbart, når du har tilføjet mindst ét job, du søger (\"Jeg søger job som\").", "Your CV can only be made searchable when you have added at least one job you are looking for (\"I am looking for work as\").",
    CvNeedsExperienceOrEducation = "cv.needs_experience_or_education" => "Dit CV kan først gøres søgbart, når du har tilføjet mindst én erhvervserfaring eller uddannelse.", "Your CV can only be made searchable when you have added at least one work experience or education.",
    OccupationUnknown = "occupation.unknown" => "Vælg en stillingsbetegnelse fra listen.", "Choose a job title from the list.",
    DateNotAfterToday = "date.not_after_today" => "Startdatoen skal ligge efter i dag. Vælg \"Jeg kan starte med det samme\", hvis du kan starte nu.", "The start date must be after today. Choose \"I can start right away\" if you can start now.",
    ListDuplicate = "list.duplicate" => "Det har du allerede tilføjet. Ret det, der står, i stedet.", "You have already added that. Correct what is there instead.",
    CvNotReady = "cv.not_ready" => "Dit CV kan først gøres søgbart, når det har mindst ét job, du søger, og mindst én erhvervserfaring eller uddannelse.", "Your CV can only be made searchable when it has at least one job you are looking for and at least one work experience or education.",
    SearchOccupationUnknown = "search.occupation_unknown" => "Vælg en stillingsbetegnelse fra listen.", "Choose a job title from the list.",
    SearchPostcodeUnknown = "search.postcode_unknown" => "Vi kender ikke det postnummer. Skriv et dansk postnummer med 4 cifre.", "We do not know that postcode. Enter a Danish postcode with 4 digits.",
    SearchPostcodeNeeded = "search.postcode_needed" => "Skriv det postnummer, afstanden skal regnes fra.", "Enter the postcode the distance is to be measured from.",
    RequestForeign = "request.foreign" => "Anmodningen blev afvist: den kom ikke fra Jobspors egne sider.", "The request was refused: it did not come from Jobspor's own pages.",
    RequestTooLarge = "request.too_large" => "Anmodningen er for stor. Send mindre tekst ad gangen.", "The request is too large. Send less text at a time.",
    TooManyRequests = "limit.requests" => "Der er kommet for mange forespørgsler fra din forbindelse. Vent lidt, og prøv igen.", "Too many requests have come from your connection. Wait a little and try again.",
    CvOpeningsCeiling = "limit.cv_openings" => "Du har åbnet mange CV'er på kort tid. Vent en time, og prøv igen, eller kontakt Jobnetsupporten.", "You have opened many CVs in a short time. Wait an hour and try again, or contact Jobnetsupporten.",
    Internal = "internal" => "Der skete en fejl hos os. Prøv igen om lidt.", "Something went wrong on our side. Try again in a moment.",
}

/// The Danish text of a message.
pub fn da(key: Msg) -> &'static str {
    key.da()
}

impl Msg {
    /// The text in `lang`.
    pub fn text(self, lang: crate::Lang) -> &'static str {
        lang.pick(self.da(), self.en())
    }
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

    /// Each message has its English sentence, not the Danish one left in place.
    #[test]
    fn every_message_has_its_english_text() {
        let shared = [Msg::OccupationUnknown, Msg::SearchOccupationUnknown];
        let mut seen: BTreeMap<&str, Msg> = BTreeMap::new();
        for &m in Msg::ALL {
            let t = m.en();
            assert!(
                t.chars().next().is_some_and(char::is_uppercase) && t.ends_with('.'),
                "{m}: {t}"
            );
            assert_ne!(t, m.da(), "{m} is not translated");
            assert!(!t.contains(['æ', 'ø', 'å']), "{m}: {t}");
            if let Some(other) = seen.insert(t, m) {
                assert!(
                    shared.contains(&other) && shared.contains(&m),
                    "{other} and {m} read the same"
                );
            }
        }
    }
}
