//! Employers: the CVR number they are known by, and the terms they must accept before
//! using CVs.
use crate::choices::choices;
use crate::messages::Msg;
use crate::validation::{checkbox, serde_via_parse, FieldErrors};
use serde::{Deserialize, Serialize};

/// A CVR number (Det Centrale Virksomhedsregister): 8 digits passing modulus 11.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Cvr(String);

impl Cvr {
    const WEIGHTS: [u32; 8] = [2, 7, 6, 5, 4, 3, 2, 1];

    pub fn parse(raw: &str) -> Result<Cvr, Msg> {
        let digits: String = raw
            .trim()
            .trim_start_matches("DK")
            .chars()
            .filter(|c| *c != ' ')
            .collect();
        if digits.is_empty() {
            return Err(Msg::Required);
        }
        if digits.len() != 8
            || !digits.chars().all(|c| c.is_ascii_digit())
            || digits.starts_with('0')
        {
            return Err(Msg::CvrInvalid);
        }
        let sum: u32 = digits
            .bytes()
            .zip(Self::WEIGHTS)
            .map(|(b, w)| (b - b'0') as u32 * w)
            .sum();
        if sum.is_multiple_of(11) {
            Ok(Cvr(digits))
        } else {
            Err(Msg::CvrInvalid)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

serde_via_parse!(Cvr);

/// Parses the terms form: the box must be ticked.
pub fn parse_terms_acceptance(accept: &str) -> Result<(), FieldErrors> {
    let mut e = FieldErrors::new();
    if !checkbox(accept) {
        e.add("accept", Msg::TermsMustAccept);
    }
    e.finish(|| Some(()))
}

/// The version of the terms below; an employer who accepted an older version must accept again.
pub const TERMS_VERSION: i64 = 1;

/// "Fælles vilkår og betingelser for brug for arbejdsgivere, der tilgår CV'er" — the seven
/// numbered points at the end of the EURES CV terms (seed 004), quoted as published.
pub const TERMS: [&str; 7] = [
    "Det Europæiske Koordineringsbureau, der er placeret i Europa-Kommissionens Generaldirektorat for Beskæftigelse, Sociale Anliggender og Inklusion, er den \"registeransvarlige\" (dataansvarlige) i henhold til forordning (EF) nr. 45/2001 og forordning (EU) 2016/679 (persondataforordningen). Euresmedlemmer og -partnere, der giver adgang til data, som er lagret på eller overført til Euresportalen, handler på den dataansvarliges vegne.",
    "Ved at acceptere disse betingelser indvilger arbejdsgiveren i udelukkende at bruge Eurestjenesten til at søge efter og kontakte jobsøgende med det formål at tilbyde reelle og konkrete job eller opgaver i arbejdsgiverens egen virksomhed eller i en virksomhed, som arbejdsgiveren repræsenterer direkte. Jobtilbuddet skal være i overensstemmelse med de ønsker, som den jobsøgende har givet udtryk for i sin profil.",
    "Arbejdsgivere kan ikke opkræve gebyr eller nogen anden form for betaling fra jobsøgende for adgang til oplysninger om ledige stillinger eller for at opnå en ansættelseskontrakt eller anden kontrakt.",
    "De indhentede oplysninger må under ingen omstændigheder anvendes til at reklamere for eller sælge tjenester eller produkter eller udsende arbejdsmarkedsoplysninger eller tilbud af generel art, såsom anmodninger om registrering af CV'er/jobsøgerprofiler i andre CV-databaser.",
    "Oplysninger, der er modtaget fra Euresportalens CV-database, kan indeholde personoplysninger, der skal behandles i fuld overensstemmelse med gældende lovgivning om beskyttelse af personoplysninger, navnlig forordning (EU) 2016/679. Alle databehandlingsanvisninger, der modtages sammen med dataene, såsom dataopbevaringsperioder, restriktioner for videre behandling mv., skal overholdes fuldt ud.",
    "Data, der er downloadet fra Euresportalens CV-database, må kun opbevares i det tidsrum, det er strengt nødvendigt for at kontakte potentielle kandidater og gennemføre de efterfølgende trin i ansættelsesprocessen. Gives ingen andre anvisninger for opbevaring af data sammen med de modtagne data, skal alle data slettes fuldstændigt, så snart de ikke længere er nødvendige til det oprindelige formål: at finde og kontakte kandidater til et reelt og konkret job eller en opgave som angivet i punkt 2 ovenfor. Dataene om den jobsøgende kan kun opbevares af arbejdsgiveren i længere tid, hvis den enkelte jobsøgende udtrykkeligt har givet sit samtykke hertil.",
    "Manglende overholdelse af disse vilkår og betingelser eller andre behandlingsanvisninger fra den dataansvarlige eller andre organer, der arbejder på den dataansvarliges vegne, kan med forbehold af andre administrative eller retslige foranstaltninger udgøre en overtrædelse af forordning (EU) 2016/679.",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cvr_modulus_11() {
        // 1·2+0·7+1·6+5·5+0·4+8·3+1·2+7·1 = 66 = 6·11
        assert!(Cvr::parse("10150817").is_ok());
        assert_eq!(Cvr::parse("10150818"), Err(Msg::CvrInvalid));
        assert_eq!(Cvr::parse("1015081"), Err(Msg::CvrInvalid));
        assert_eq!(Cvr::parse("01508170"), Err(Msg::CvrInvalid));
        assert_eq!(Cvr::parse(""), Err(Msg::Required));
        assert_eq!(Cvr::parse("DK 10150817").unwrap().as_str(), "10150817");
    }

    #[test]
    fn a_cvr_deserializes_only_through_its_parser() {
        let cvr: Cvr = serde_json::from_str("\"DK 10150817\"").unwrap();
        assert_eq!(cvr, Cvr::parse("10150817").unwrap());
        let json = serde_json::to_string(&cvr).unwrap();
        assert_eq!(json, "\"10150817\"");
        assert_eq!(serde_json::from_str::<Cvr>(&json).unwrap(), cvr);
        for bad in ["10150818", "1015081", "01508170", ""] {
            let e = serde_json::from_str::<Cvr>(&serde_json::to_string(bad).unwrap());
            assert!(e.is_err(), "{bad}");
        }
        assert!(
            serde_json::from_str::<Cvr>("10150817").is_err(),
            "a number is not a CVR"
        );
    }

    #[test]
    fn terms_must_be_ticked() {
        assert!(parse_terms_acceptance("on").is_ok());
        assert_eq!(
            parse_terms_acceptance("").unwrap_err().0[0].key,
            Msg::TermsMustAccept
        );
        assert_eq!(TERMS.len(), 7);
    }
}

choices! {
    /// How support passed an employer's contact request on to a citizen who hid their
    /// contact details.
    RelayHow {
        Portal = "portal", "Vist for borgeren i Jobspor", "Shown to the citizen in Jobspor";
        Direct = "direct", "Givet videre pr. telefon eller e-mail", "Passed on by phone or e-mail";
    }
}
