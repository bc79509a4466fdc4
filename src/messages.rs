//! The Danish text for every message key. One place, so wording stays consistent.

pub fn da(key: &str) -> &'static str {
    match key {
        "required" => "Udfyld feltet.",
        "too_long" => "Teksten er for lang.",
        "invalid_characters" => "Teksten indeholder tegn, der ikke er tilladt.",
        "date.invalid" => "Skriv en gyldig dato (dd-mm-åååå).",
        "date.in_future" => "Datoen må ikke ligge i fremtiden.",
        "date.implausible" => "Datoen ligger for langt tilbage. Tjek årstallet.",
        "date.end_before_start" => "Slutdatoen skal ligge efter startdatoen.",
        "date.too_far_ahead" => "Datoen ligger for langt ude i fremtiden.",
        "number.invalid" => "Skriv et helt tal.",
        "number.out_of_range" => "Tallet ligger uden for det mulige. Tjek det.",
        "language.unknown" => "Vælg et sprog fra listen.",
        "list.too_many" => "Der er for mange punkter. Slet nogle, før du tilføjer flere.",
        "cpr.invalid" => "Skriv et CPR-nummer med 10 cifre (ddmmåå-xxxx).",
        "cpr.unknown" => "CPR-nummeret findes ikke i CPR-registeret.",
        "cpr.inactive" => "Personen kan ikke logge ind: CPR-status er ikke aktiv.",
        "cvr.invalid" => "Skriv et gyldigt CVR-nummer på 8 cifre.",
        "cvr.taken" => "Der findes allerede en konto for dette CVR-nummer.",
        "email.invalid" => "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.",
        "phone.invalid" => "Skriv et telefonnummer med 8 cifre, eller med landekode, fx +46 70 123 45 67.",
        "username.invalid" => "Brugernavnet skal være 3-40 tegn og må kun indeholde bogstaver, tal, punktum, bindestreg og understreg.",
        "email.taken" => "Der findes allerede en konto med denne e-mailadresse.",
        "username.taken" => "Brugernavnet er optaget. Vælg et andet.",
        "password.too_short" => "Adgangskoden skal være på mindst 10 tegn.",
        "password.too_long" => "Adgangskoden må højst være på 128 tegn.",
        "password.mismatch" => "De to adgangskoder er ikke ens.",
        "reminders.need_contact" => "Du skal oplyse den kontaktoplysning, som påmindelsen skal sendes til.",
        "choice.invalid" => "Vælg en af mulighederne.",
        "choice.required" => "Vælg et svar.",
        "choice.at_least_one" => "Vælg mindst én af mulighederne.",
        "caseworker.not_served" => "Der er ingen borger med det CPR-nummer i de kommuner, dit jobcenter betjener.",
        "questionnaire.not_registered" => "Du skal tilmelde dig som jobsøgende, før du udfylder forberedelsesskemaet.",
        "terms.must_accept" => "Du skal acceptere vilkårene for at søge i CV'er.",
        "login.failed" => "Brugernavn eller adgangskode er forkert.",
        "login.throttled" => "For mange forsøg. Vent 15 minutter, og prøv igen.",
        "cv.needs_job_wish" => "Dit CV kan først gøres søgbart, når du har tilføjet mindst ét job, du søger (\"Jeg søger job som\").",
        "cv.needs_experience_or_education" => "Dit CV kan først gøres søgbart, når du har tilføjet mindst én erhvervserfaring eller uddannelse.",
        "occupation.unknown" => "Vælg en stillingsbetegnelse fra listen.",
        "date.not_after_today" => "Startdatoen skal ligge efter i dag. Vælg \"Jeg kan starte med det samme\", hvis du kan starte nu.",
        "list.duplicate" => "Det har du allerede tilføjet. Ret det, der står, i stedet.",
        "cv.not_ready" => "Dit CV kan først gøres søgbart, når det har mindst ét job, du søger, og mindst én erhvervserfaring eller uddannelse.",
        "search.occupation_unknown" => "Vælg en stillingsbetegnelse fra listen.",
        "search.postcode_unknown" => "Vi kender ikke det postnummer. Skriv et dansk postnummer med 4 cifre.",
        "search.postcode_needed" => "Skriv det postnummer, afstanden skal regnes fra.",
        "internal" => "Der skete en fejl hos os. Prøv igen om lidt.",
        _ => "Tjek feltet.",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_key_used_in_core_has_its_own_text() {
        for key in [
            "required", "too_long", "date.invalid", "date.in_future", "date.implausible",
            "date.end_before_start", "cpr.invalid", "cvr.invalid", "email.invalid",
            "phone.invalid", "username.invalid", "password.too_short", "password.too_long",
            "password.mismatch", "reminders.need_contact", "choice.invalid", "terms.must_accept",
            "login.failed", "login.throttled", "cv.not_ready", "date.too_far_ahead", "number.invalid",
            "number.out_of_range", "language.unknown", "list.too_many",
            "cv.needs_job_wish", "cv.needs_experience_or_education", "occupation.unknown", "date.not_after_today", "list.duplicate",
            "choice.required", "choice.at_least_one", "questionnaire.not_registered", "caseworker.not_served",
            "search.occupation_unknown", "search.postcode_unknown", "search.postcode_needed",
        ] {
            assert_ne!(super::da(key), "Tjek feltet.", "{key} has no text");
        }
    }
}
