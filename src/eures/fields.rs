//! What of a citizen's CV may go to EURES, as the terms the citizen consents to list it (seed
//! 004, section 3): the fields that may be transferred, those of them the citizen may hide
//! from display (a hidden field is still sent and used for matching), and the CV sections
//! that never go. The lists are data, so the consent page, the preview and the document are
//! built from the same words.
use crate::choices::choices;
use crate::cv::CvSection;
use crate::lang::Words;

choices! {
    /// The seed's "Følgende personoplysninger kan overføres til Euresportalen", one by one.
    /// The codes are stored (the citizen's choice of hidden fields): never change one.
    EuresField {
        Name = "name", "Navn", "Name";
        BirthDate = "birth_date", "Fødselsdato", "Date of birth";
        Gender = "gender", "Køn", "Gender";
        Street = "street", "Postadresse (gadenavn)", "Postal address (street)";
        Postcode = "postcode", "Postnummer", "Postcode";
        City = "city", "By", "Town";
        Country = "country", "Land", "Country";
        Mobile = "mobile", "Mobilnummer", "Mobile number";
        Email = "email", "E-mail", "Email";
        DrivingLicences = "driving_licences", "Kørekort", "Driving licences";
        WorkExperience = "work_experience", "Erhvervserfaring (stilling, periode, ansvar/opgaver)", "Work experience (position, period, responsibilities/tasks)";
        EmployerName = "employer_name", "Arbejdsgiver (navn)", "Employer (name)";
        Educations = "educations", "Uddannelser og certificeringer", "Education and certifications";
        Languages = "languages", "Sprog og niveau", "Languages and level";
        JobWishes = "job_wishes", "Jeg søger job som", "Jobs I am looking for";
        AvailableNow = "available_now", "Om du kan starte i nyt job med det samme", "Whether you can start a new job immediately";
        ProfessionalProfile = "professional_profile", "Faglig profil", "Professional profile";
    }
}

/// The seed's "Følgende oplysninger kan skjules ved præsentation af den jobsøgendes CV":
/// every field but gender, availability and the professional profile.
pub const HIDEABLE: &[EuresField] = &[
    EuresField::Name,
    EuresField::BirthDate,
    EuresField::Street,
    EuresField::Postcode,
    EuresField::City,
    EuresField::Country,
    EuresField::Mobile,
    EuresField::Email,
    EuresField::DrivingLicences,
    EuresField::WorkExperience,
    EuresField::EmployerName,
    EuresField::Educations,
    EuresField::Languages,
    EuresField::JobWishes,
];

impl EuresField {
    /// May the citizen ask EURES not to display this field? (It is sent all the same, and
    /// used for matching.)
    pub fn hideable(self) -> bool {
        HIDEABLE.contains(&self)
    }

    /// The field a CV section's entries are sent as; `None` for a section that is never sent
    /// (`NEVER_SENT_SECTIONS`). Work experience also gives `EmployerName`, and job wishes
    /// `AvailableNow`; certifications go with educations, as the seed lists them together.
    pub fn of_section(section: CvSection) -> Option<EuresField> {
        match section {
            CvSection::JobWish => Some(EuresField::JobWishes),
            // "Lidt om mig" is what the seed calls "Faglig profil".
            CvSection::Introduction => Some(EuresField::ProfessionalProfile),
            CvSection::WorkExperience => Some(EuresField::WorkExperience),
            CvSection::Education | CvSection::Certification => Some(EuresField::Educations),
            CvSection::DrivingLicence => Some(EuresField::DrivingLicences),
            CvSection::Language => Some(EuresField::Languages),
            CvSection::Course
            | CvSection::Qualification
            | CvSection::ItSkill
            | CvSection::WhyApplying
            | CvSection::Volunteer
            | CvSection::SpecialConsiderations
            | CvSection::Absence => None,
        }
    }
}

/// The CV sections that never go to EURES, whatever the citizen chooses (`why_never_sent`
/// says why, to the citizen too).
pub const NEVER_SENT_SECTIONS: &[CvSection] = &[
    CvSection::Course,
    CvSection::Qualification,
    CvSection::ItSkill,
    CvSection::WhyApplying,
    CvSection::Volunteer,
    CvSection::SpecialConsiderations,
    CvSection::Absence,
];

/// Why a section never goes to EURES; `None` for a section that does.
pub fn why_never_sent(section: CvSection) -> Option<Words> {
    Some(match section {
        // The seed's "Følgende oplysninger vil aldrig blive overført": "Kvalifikationer" and
        // "Anden erfaring" (our volunteer work).
        CvSection::Qualification | CvSection::Volunteer => Words::new(
            "Vilkårene for CV på EURES siger, at det aldrig overføres.",
            "The terms for CVs on EURES say it is never transferred.",
        ),
        // The seed names courses both among what may go ("Uddannelser, kurser,
        // certificeringer") and among what never goes ("Kurser"): the stricter reading wins.
        CvSection::Course => Words::new(
            "Vilkårene for CV på EURES nævner kurser blandt det, der aldrig overføres, så vi sender dem ikke.",
            "The terms for CVs on EURES list courses among what is never transferred, so we do not send them.",
        ),
        // Not on the list of what may go: only what the list names is sent.
        CvSection::ItSkill | CvSection::WhyApplying => Words::new(
            "Det er ikke blandt de oplysninger, vilkårene for CV på EURES siger kan overføres.",
            "It is not among the details the terms for CVs on EURES say may be transferred.",
        ),
        // Sensitive: for the citizen and caseworkers only (see `CvSection::visible_to_employers`).
        CvSection::SpecialConsiderations | CvSection::Absence => Words::new(
            "Det er følsomme oplysninger, som kun du og jobcenteret kan se.",
            "These are sensitive details that only you and the job centre can see.",
        ),
        CvSection::JobWish
        | CvSection::Introduction
        | CvSection::WorkExperience
        | CvSection::Education
        | CvSection::Certification
        | CvSection::DrivingLicence
        | CvSection::Language => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn the_seeds_list_of_what_may_be_transferred() {
        let labels: Vec<_> = EuresField::ALL.iter().map(|f| f.label(Lang::Da)).collect();
        assert_eq!(
            labels,
            [
                "Navn",
                "Fødselsdato",
                "Køn",
                "Postadresse (gadenavn)",
                "Postnummer",
                "By",
                "Land",
                "Mobilnummer",
                "E-mail",
                "Kørekort",
                "Erhvervserfaring (stilling, periode, ansvar/opgaver)",
                "Arbejdsgiver (navn)",
                "Uddannelser og certificeringer",
                "Sprog og niveau",
                "Jeg søger job som",
                "Om du kan starte i nyt job med det samme",
                "Faglig profil",
            ]
        );
        for &f in EuresField::ALL {
            assert_ne!(f.label(Lang::En), f.label(Lang::Da), "{f:?}");
        }
    }

    #[test]
    fn codes_are_stable_snake_case_and_go_both_ways() {
        let codes: Vec<_> = EuresField::ALL.iter().map(|f| f.code()).collect();
        assert_eq!(
            codes,
            [
                "name",
                "birth_date",
                "gender",
                "street",
                "postcode",
                "city",
                "country",
                "mobile",
                "email",
                "driving_licences",
                "work_experience",
                "employer_name",
                "educations",
                "languages",
                "job_wishes",
                "available_now",
                "professional_profile",
            ]
        );
        for &f in EuresField::ALL {
            assert_eq!(EuresField::from_code(f.code()), Ok(f));
        }
        assert!(EuresField::from_code("cpr").is_err());
    }

    #[test]
    fn all_but_gender_availability_and_profile_may_be_hidden() {
        let not_hideable: Vec<_> = EuresField::ALL
            .iter()
            .copied()
            .filter(|f| !f.hideable())
            .collect();
        assert_eq!(
            not_hideable,
            [
                EuresField::Gender,
                EuresField::AvailableNow,
                EuresField::ProfessionalProfile
            ]
        );
        assert_eq!(HIDEABLE.len(), EuresField::ALL.len() - 3);
    }

    #[test]
    fn every_section_is_either_sent_as_a_field_or_never_sent() {
        for &s in CvSection::ALL {
            let sent = EuresField::of_section(s).is_some();
            let never = NEVER_SENT_SECTIONS.contains(&s);
            assert!(sent != never, "{s:?}: sent {sent}, never sent {never}");
            assert_eq!(
                why_never_sent(s).is_some(),
                never,
                "{s:?}: a reason iff never sent"
            );
        }
        assert_eq!(
            EuresField::of_section(CvSection::Introduction),
            Some(EuresField::ProfessionalProfile)
        );
    }

    #[test]
    fn every_field_comes_from_a_section_or_the_register() {
        // The fields no section gives come from the register or the profile's contact
        // details, or are derived from a section (employer name, availability).
        let from_sections: Vec<_> = CvSection::ALL
            .iter()
            .filter_map(|&s| EuresField::of_section(s))
            .collect();
        for f in [
            EuresField::DrivingLicences,
            EuresField::WorkExperience,
            EuresField::Educations,
            EuresField::Languages,
            EuresField::JobWishes,
            EuresField::ProfessionalProfile,
        ] {
            assert!(from_sections.contains(&f), "{f:?}");
        }
    }
}
