//! The preparation questionnaires' questions (seed 000, "Tilmelding som jobsøgende"). Wherever
//! a question implies a scale or categories, the answer is a choice from an explicit list with
//! the Danish wording a jobcentre would use; free text only where the seed asks for it
//! ("andre overvejelser", the elaboration of a hindrance).
use crate::choices::choices;

pub const FREE_TEXT_MAX: usize = 2000;

choices! {
    /// Din uddannelseslængde.
    EducationLength {
        Primary = "primary", "Grundskole (op til 10. klasse)", "Primary and lower secondary school (up to 10th grade)";
        Upper = "upper_secondary", "Gymnasial uddannelse", "Upper secondary education";
        Vocational = "vocational", "Erhvervsuddannelse", "Vocational education and training";
        Short = "short_higher", "Kort videregående uddannelse (op til 2 år)", "Short-cycle higher education (up to 2 years)";
        Medium = "medium_higher", "Mellemlang videregående uddannelse (3-4 år)", "Medium-cycle higher education (3-4 years)";
        Long = "long_higher", "Lang videregående uddannelse (5 år eller mere)", "Long-cycle higher education (5 years or more)";
    }
}

choices! {
    /// Din fagretning.
    FieldOfEducation {
        General = "general", "Almen (ingen fagretning)", "General (no specific field)";
        Business = "business", "Handel, kontor og økonomi", "Business, administration and finance";
        Technical = "technical", "Teknik, byggeri og transport", "Technology, construction and transport";
        Health = "health", "Sundhed, omsorg og pædagogik", "Health, care and education";
        Food = "food", "Fødevarer, jordbrug og natur", "Food, agriculture and nature";
        It = "it", "IT og kommunikation", "IT and communication";
        Humanities = "humanities", "Humaniora, kunst og kultur", "Humanities, arts and culture";
        Science = "science", "Naturvidenskab", "Natural sciences";
        Social = "social_science", "Samfundsvidenskab og jura", "Social sciences and law";
    }
}

choices! {
    /// Din egen vurdering af, hvor hurtigt du finder et nyt job.
    OwnEstimate {
        Month = "within_1_month", "Inden for 1 måned", "Within 1 month";
        Quarter = "within_3_months", "Inden for 3 måneder", "Within 3 months";
        HalfYear = "within_6_months", "Inden for 6 måneder", "Within 6 months";
        Longer = "longer", "Det vil tage mere end 6 måneder", "It will take more than 6 months";
        DontKnow = "dont_know", "Ved ikke", "I do not know";
    }
}

choices! {
    /// Grund til, at du er ledig.
    UnemploymentReason {
        Dismissed = "dismissed", "Jeg er blevet afskediget", "I have been dismissed";
        Resigned = "resigned", "Jeg har selv sagt op", "I resigned";
        FixedTermEnded = "fixed_term_ended", "Min tidsbegrænsede ansættelse er udløbet", "My fixed-term job has ended";
        Graduated = "graduated", "Jeg er færdig med en uddannelse", "I have finished my education";
        OwnBusiness = "own_business", "Jeg har lukket min egen virksomhed", "I have closed my own business";
        Illness = "illness", "Jeg har været syg", "I have been ill";
        Other = "other", "Anden grund", "Another reason";
    }
}

choices! {
    /// Hvor længe du har vidst, at du ville blive ledig.
    KnownFor {
        Under1Week = "under_1_week", "Under 1 uge", "Less than 1 week";
        Weeks = "1_4_weeks", "1-4 uger", "1-4 weeks";
        Months = "1_3_months", "1-3 måneder", "1-3 months";
        Longer = "over_3_months", "Mere end 3 måneder", "More than 3 months";
    }
}

choices! {
    /// Jobsøgningsaktivitet: hvor mange job du har søgt den seneste måned.
    SearchActivity {
        None = "none", "Ingen endnu", "None yet";
        Few = "1_2", "1-2 job", "1-2 jobs";
        Some = "3_5", "3-5 job", "3-5 jobs";
        Many = "6_10", "6-10 job", "6-10 jobs";
        Lots = "over_10", "Mere end 10 job", "More than 10 jobs";
    }
}

choices! {
    /// Din vurdering af jobmulighederne inden for din branche.
    Prospects {
        VeryGood = "very_good", "Meget gode", "Very good";
        Good = "good", "Gode", "Good";
        Fair = "fair", "Hverken gode eller dårlige", "Neither good nor poor";
        Poor = "poor", "Dårlige", "Poor";
        VeryPoor = "very_poor", "Meget dårlige", "Very poor";
        DontKnow = "dont_know", "Ved ikke", "I do not know";
    }
}

choices! {
    /// Præferencer til job.
    JobPreference {
        SameTrade = "same_trade", "Job inden for mit fag", "Jobs in my own field";
        NearbyTrade = "related_trade", "Job inden for mit fag eller et beslægtet fag", "Jobs in my own field or a related field";
        AnyJob = "any_job", "Alle job, jeg kan varetage", "Any job I am able to do";
        Education = "education", "Jeg vil hellere tage en uddannelse", "I would rather get an education";
    }
}

choices! {
    /// Søgemetoder (alle, der passer).
    SearchMethod {
        Adverts = "adverts", "Jeg søger opslåede stillinger", "I apply for advertised jobs";
        Unsolicited = "unsolicited", "Jeg sender uopfordrede ansøgninger", "I send speculative applications to employers";
        Network = "network", "Jeg bruger mit netværk", "I use my network of contacts";
        Agencies = "agencies", "Jeg bruger vikar- og rekrutteringsbureauer", "I use temping and recruitment agencies";
        SocialMedia = "social_media", "Jeg bruger sociale medier, fx LinkedIn", "I use social media, for example LinkedIn";
    }
}

choices! {
    YesNo {
        Yes = "yes", "Ja", "Yes";
        No = "no", "Nej", "No";
    }
}

choices! {
    /// Hvad er den højeste uddannelse, du har gennemført?
    HighestEducation {
        NoPrimary = "no_primary", "Jeg har ikke afsluttet folkeskolen", "I did not finish folkeskole (Danish primary and lower secondary school)";
        Primary = "primary", "Folkeskolens 9. eller 10. klasse", "9th or 10th grade of folkeskole";
        Upper = "upper_secondary", "Gymnasial uddannelse (fx stx, hf, hhx, htx)", "Upper secondary education (for example stx, hf, hhx, htx)";
        Vocational = "vocational", "Erhvervsuddannelse", "Vocational education and training";
        Higher = "higher", "Videregående uddannelse", "Higher education";
        Abroad = "abroad", "Uddannelse fra udlandet", "Education from abroad";
    }
}

choices! {
    /// Har du lyst til at starte på en uddannelse af mindst 1 års varighed?
    WantsEducation {
        Yes = "yes", "Ja", "Yes";
        Maybe = "maybe", "Måske", "Maybe";
        No = "no", "Nej", "No";
        DontKnow = "dont_know", "Ved ikke", "I do not know";
    }
}

choices! {
    /// Har du tidligere været glad for at gå i skole?
    LikedSchool {
        Very = "very", "Ja, meget", "Yes, very much";
        Mostly = "mostly", "Ja, for det meste", "Yes, mostly";
        NotMuch = "not_much", "Nej, ikke så meget", "No, not much";
        NotAtAll = "not_at_all", "Nej, slet ikke", "No, not at all";
    }
}

choices! {
    /// Hvor vigtig tror du, at en uddannelse er for dine fremtidige muligheder på arbejdsmarkedet?
    Importance {
        Very = "very", "Meget vigtig", "Very important";
        Important = "important", "Vigtig", "Important";
        Less = "less", "Mindre vigtig", "Less important";
        NotAtAll = "not_at_all", "Slet ikke vigtig", "Not important at all";
        DontKnow = "dont_know", "Ved ikke", "I do not know";
    }
}

choices! {
    /// Hvor ser du dig selv om 6 måneder?
    InSixMonths {
        Education = "education", "I gang med en uddannelse", "In education";
        Preparing = "preparing", "I et forløb, der forbereder mig til en uddannelse", "On a programme that prepares me for education";
        Job = "job", "I job", "In a job";
        Other = "other", "Noget andet", "Something else";
        DontKnow = "dont_know", "Ved ikke", "I do not know";
    }
}

choices! {
    /// Synes du, det er svært at vælge en uddannelse?
    HardToChoose {
        Yes = "yes", "Ja, meget svært", "Yes, very difficult";
        ALittle = "a_little", "Ja, lidt svært", "Yes, a little difficult";
        No = "no", "Nej", "No";
    }
}

choices! {
    /// Hvem spørger du til råds om uddannelse? (alle, der passer)
    Adviser {
        Family = "family", "Familie", "Family";
        Friends = "friends", "Venner", "Friends";
        Jobcentre = "jobcentre", "Jobcentret", "The job centre";
        Guidance = "guidance", "Ungdommens Uddannelsesvejledning eller Studievalg", "Ungdommens Uddannelsesvejledning or Studievalg (education guidance services)";
        Teachers = "teachers", "Lærere", "Teachers";
        Nobody = "nobody", "Ingen", "No one";
    }
}

choices! {
    /// Hvilke begrænsninger gør det svært for dig at gennemføre en uddannelse? (alle, der passer)
    Limitation {
        Reading = "reading", "Ordblindhed eller andre læse- og skrivevanskeligheder", "Dyslexia or other reading and writing difficulties";
        Physical = "physical_health", "Fysisk helbred", "Physical health";
        Mental = "mental_health", "Psykisk helbred", "Mental health";
        Family = "family", "Familiemæssige forhold", "Family circumstances";
        Money = "money", "Økonomi", "Money";
        Language = "language", "Sprog", "Language";
        Housing = "housing", "Bolig", "Housing";
        Other = "other", "Andet", "Other";
    }
}

choices! {
    /// Hvor mange gange har du afbrudt en uddannelse?
    TimesInterrupted {
        Once = "1", "1 gang", "Once";
        Twice = "2", "2 gange", "Twice";
        More = "3_or_more", "3 gange eller flere", "3 times or more";
    }
}

choices! {
    /// Hvad var den vigtigste grund til, at du afbrød?
    InterruptionReason {
        NotExpected = "not_expected", "Uddannelsen var ikke, som jeg havde forventet", "The course was not what I had expected";
        Academic = "academic", "Det var fagligt for svært", "It was too difficult academically";
        Health = "health", "Sygdom eller helbred", "Illness or health problems";
        Personal = "personal", "Personlige eller familiemæssige forhold", "Personal or family circumstances";
        Money = "money", "Økonomi", "Money";
        Job = "job", "Jeg fik arbejde", "I got a job";
        Other = "other", "Anden grund", "Another reason";
    }
}

choices! {
    /// Hvad var dit karaktergennemsnit i folkeskolen?
    GradeAverage {
        Under4 = "under_4", "Under 4", "Below 4";
        From4 = "4_7", "Fra 4 til under 7", "From 4 to below 7";
        From7 = "7_10", "Fra 7 til under 10", "From 7 to below 10";
        From10 = "10_plus", "10 eller derover", "10 or above";
        NoGrades = "no_grades", "Jeg fik ikke karakterer", "I did not get grades";
        DontKnow = "dont_know", "Ved ikke", "I do not know";
    }
}

choices! {
    /// Selvvurderet helbredsproblem eller funktionsnedsættelse (the pilot's question).
    HealthProblem {
        No = "no", "Nej", "No";
        Some = "yes_some", "Ja, i mindre grad", "Yes, to a small extent";
        Much = "yes_much", "Ja, i høj grad", "Yes, to a large extent";
        NoAnswer = "no_answer", "Det vil jeg ikke svare på", "I prefer not to say";
    }
}

choices! {
    /// Helbredsproblemets eller funktionsnedsættelsens betydning for mulighederne for at få et job.
    HealthSignificance {
        None = "none", "Ingen betydning", "No effect";
        Little = "little", "Lille betydning", "A small effect";
        Some = "some", "Nogen betydning", "Some effect";
        Great = "great", "Stor betydning", "A big effect";
        DontKnow = "dont_know", "Ved ikke", "I do not know";
    }
}
