//! The preparation questionnaires' questions (seed 000, "Tilmelding som jobsøgende"). Wherever
//! a question implies a scale or categories, the answer is a choice from an explicit list with
//! the Danish wording a jobcentre would use; free text only where the seed asks for it
//! ("andre overvejelser", the elaboration of a hindrance).
use crate::choices::choices;

pub const FREE_TEXT_MAX: usize = 2000;

choices! {
    /// Din uddannelseslængde.
    EducationLength {
        Primary = "primary", "Grundskole (op til 10. klasse)";
        Upper = "upper_secondary", "Gymnasial uddannelse";
        Vocational = "vocational", "Erhvervsuddannelse";
        Short = "short_higher", "Kort videregående uddannelse (op til 2 år)";
        Medium = "medium_higher", "Mellemlang videregående uddannelse (3-4 år)";
        Long = "long_higher", "Lang videregående uddannelse (5 år eller mere)";
    }
}

choices! {
    /// Din fagretning.
    FieldOfEducation {
        General = "general", "Almen (ingen fagretning)";
        Business = "business", "Handel, kontor og økonomi";
        Technical = "technical", "Teknik, byggeri og transport";
        Health = "health", "Sundhed, omsorg og pædagogik";
        Food = "food", "Fødevarer, jordbrug og natur";
        It = "it", "IT og kommunikation";
        Humanities = "humanities", "Humaniora, kunst og kultur";
        Science = "science", "Naturvidenskab";
        Social = "social_science", "Samfundsvidenskab og jura";
    }
}

choices! {
    /// Din egen vurdering af, hvor hurtigt du finder et nyt job.
    OwnEstimate {
        Month = "within_1_month", "Inden for 1 måned";
        Quarter = "within_3_months", "Inden for 3 måneder";
        HalfYear = "within_6_months", "Inden for 6 måneder";
        Longer = "longer", "Det vil tage mere end 6 måneder";
        DontKnow = "dont_know", "Ved ikke";
    }
}

choices! {
    /// Grund til, at du er ledig.
    UnemploymentReason {
        Dismissed = "dismissed", "Jeg er blevet afskediget";
        Resigned = "resigned", "Jeg har selv sagt op";
        FixedTermEnded = "fixed_term_ended", "Min tidsbegrænsede ansættelse er udløbet";
        Graduated = "graduated", "Jeg er færdig med en uddannelse";
        OwnBusiness = "own_business", "Jeg har lukket min egen virksomhed";
        Illness = "illness", "Jeg har været syg";
        Other = "other", "Anden grund";
    }
}

choices! {
    /// Hvor længe du har vidst, at du ville blive ledig.
    KnownFor {
        Under1Week = "under_1_week", "Under 1 uge";
        Weeks = "1_4_weeks", "1-4 uger";
        Months = "1_3_months", "1-3 måneder";
        Longer = "over_3_months", "Mere end 3 måneder";
    }
}

choices! {
    /// Jobsøgningsaktivitet: hvor mange job du har søgt den seneste måned.
    SearchActivity {
        None = "none", "Ingen endnu";
        Few = "1_2", "1-2 job";
        Some = "3_5", "3-5 job";
        Many = "6_10", "6-10 job";
        Lots = "over_10", "Mere end 10 job";
    }
}

choices! {
    /// Din vurdering af jobmulighederne inden for din branche.
    Prospects {
        VeryGood = "very_good", "Meget gode";
        Good = "good", "Gode";
        Fair = "fair", "Hverken gode eller dårlige";
        Poor = "poor", "Dårlige";
        VeryPoor = "very_poor", "Meget dårlige";
        DontKnow = "dont_know", "Ved ikke";
    }
}

choices! {
    /// Præferencer til job.
    JobPreference {
        SameTrade = "same_trade", "Job inden for mit fag";
        NearbyTrade = "related_trade", "Job inden for mit fag eller et beslægtet fag";
        AnyJob = "any_job", "Alle job, jeg kan varetage";
        Education = "education", "Jeg vil hellere tage en uddannelse";
    }
}

choices! {
    /// Søgemetoder (alle, der passer).
    SearchMethod {
        Adverts = "adverts", "Jeg søger opslåede stillinger";
        Unsolicited = "unsolicited", "Jeg sender uopfordrede ansøgninger";
        Network = "network", "Jeg bruger mit netværk";
        Agencies = "agencies", "Jeg bruger vikar- og rekrutteringsbureauer";
        SocialMedia = "social_media", "Jeg bruger sociale medier, fx LinkedIn";
    }
}

choices! {
    YesNo {
        Yes = "yes", "Ja";
        No = "no", "Nej";
    }
}

choices! {
    /// Hvad er den højeste uddannelse, du har gennemført?
    HighestEducation {
        NoPrimary = "no_primary", "Jeg har ikke afsluttet folkeskolen";
        Primary = "primary", "Folkeskolens 9. eller 10. klasse";
        Upper = "upper_secondary", "Gymnasial uddannelse (fx stx, hf, hhx, htx)";
        Vocational = "vocational", "Erhvervsuddannelse";
        Higher = "higher", "Videregående uddannelse";
        Abroad = "abroad", "Uddannelse fra udlandet";
    }
}

choices! {
    /// Har du lyst til at starte på en uddannelse af mindst 1 års varighed?
    WantsEducation {
        Yes = "yes", "Ja";
        Maybe = "maybe", "Måske";
        No = "no", "Nej";
        DontKnow = "dont_know", "Ved ikke";
    }
}

choices! {
    /// Har du tidligere været glad for at gå i skole?
    LikedSchool {
        Very = "very", "Ja, meget";
        Mostly = "mostly", "Ja, for det meste";
        NotMuch = "not_much", "Nej, ikke så meget";
        NotAtAll = "not_at_all", "Nej, slet ikke";
    }
}

choices! {
    /// Hvor vigtig tror du, at en uddannelse er for dine fremtidige muligheder på arbejdsmarkedet?
    Importance {
        Very = "very", "Meget vigtig";
        Important = "important", "Vigtig";
        Less = "less", "Mindre vigtig";
        NotAtAll = "not_at_all", "Slet ikke vigtig";
        DontKnow = "dont_know", "Ved ikke";
    }
}

choices! {
    /// Hvor ser du dig selv om 6 måneder?
    InSixMonths {
        Education = "education", "I gang med en uddannelse";
        Preparing = "preparing", "I et forløb, der forbereder mig til en uddannelse";
        Job = "job", "I job";
        Other = "other", "Noget andet";
        DontKnow = "dont_know", "Ved ikke";
    }
}

choices! {
    /// Synes du, det er svært at vælge en uddannelse?
    HardToChoose {
        Yes = "yes", "Ja, meget svært";
        ALittle = "a_little", "Ja, lidt svært";
        No = "no", "Nej";
    }
}

choices! {
    /// Hvem spørger du til råds om uddannelse? (alle, der passer)
    Adviser {
        Family = "family", "Familie";
        Friends = "friends", "Venner";
        Jobcentre = "jobcentre", "Jobcentret";
        Guidance = "guidance", "Ungdommens Uddannelsesvejledning eller Studievalg";
        Teachers = "teachers", "Lærere";
        Nobody = "nobody", "Ingen";
    }
}

choices! {
    /// Hvilke begrænsninger gør det svært for dig at gennemføre en uddannelse? (alle, der passer)
    Limitation {
        Reading = "reading", "Ordblindhed eller andre læse- og skrivevanskeligheder";
        Physical = "physical_health", "Fysisk helbred";
        Mental = "mental_health", "Psykisk helbred";
        Family = "family", "Familiemæssige forhold";
        Money = "money", "Økonomi";
        Language = "language", "Sprog";
        Housing = "housing", "Bolig";
        Other = "other", "Andet";
    }
}

choices! {
    /// Hvor mange gange har du afbrudt en uddannelse?
    TimesInterrupted {
        Once = "1", "1 gang";
        Twice = "2", "2 gange";
        More = "3_or_more", "3 gange eller flere";
    }
}

choices! {
    /// Hvad var den vigtigste grund til, at du afbrød?
    InterruptionReason {
        NotExpected = "not_expected", "Uddannelsen var ikke, som jeg havde forventet";
        Academic = "academic", "Det var fagligt for svært";
        Health = "health", "Sygdom eller helbred";
        Personal = "personal", "Personlige eller familiemæssige forhold";
        Money = "money", "Økonomi";
        Job = "job", "Jeg fik arbejde";
        Other = "other", "Anden grund";
    }
}

choices! {
    /// Hvad var dit karaktergennemsnit i folkeskolen?
    GradeAverage {
        Under4 = "under_4", "Under 4";
        From4 = "4_7", "Fra 4 til under 7";
        From7 = "7_10", "Fra 7 til under 10";
        From10 = "10_plus", "10 eller derover";
        NoGrades = "no_grades", "Jeg fik ikke karakterer";
        DontKnow = "dont_know", "Ved ikke";
    }
}

choices! {
    /// Selvvurderet helbredsproblem eller funktionsnedsættelse (the pilot's question).
    HealthProblem {
        No = "no", "Nej";
        Some = "yes_some", "Ja, i mindre grad";
        Much = "yes_much", "Ja, i høj grad";
        NoAnswer = "no_answer", "Det vil jeg ikke svare på";
    }
}

choices! {
    /// Helbredsproblemets eller funktionsnedsættelsens betydning for mulighederne for at få et job.
    HealthSignificance {
        None = "none", "Ingen betydning";
        Little = "little", "Lille betydning";
        Some = "some", "Nogen betydning";
        Great = "great", "Stor betydning";
        DontKnow = "dont_know", "Ved ikke";
    }
}
