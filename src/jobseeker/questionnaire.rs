//! The preparation questionnaires as steps of questions (data, like the CV's forms). The
//! browser renders a step from this, the server validates the same step with
//! `form_fields::validate`, and "Tjek dine svar" reads the answers back through it.
//!
//! Which steps a citizen gets follows from their registration: `steps(questionnaire,
//! health)`, where `health` is `eligibility::disability_questions_apply`.
use super::eligibility::Questionnaire;
use super::questions::*;
use crate::form_fields::{
    field_list, follow_up, hint, opt, req, validate, FieldKind::*, FieldSpec, Fields,
};
use crate::validation::FieldErrors;
use crate::{Lang, Words};

pub const FREE_TEXT_MAX: usize = 2000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// Register data, shown read-only with its sources; nothing to answer.
    RegisterData,
    Questions(&'static [FieldSpec]),
    /// The pilot's disability questions: sensitive (GDPR art. 9), stored apart.
    Health(&'static [FieldSpec]),
    /// "Tjek dine svar": every answer with a link back to its step, then send.
    Review,
}

/// A step's code: in the step's URL (`/borger/forberedelse/<code>`) and in its form's
/// hidden `step`, so pages, server and tests name a step one way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StepCode {
    Register,
    JobEducation,
    Unemployment,
    JobSearch,
    Considerations,
    EducationBackground,
    EducationPlans,
    EducationObstacles,
    Health,
    Review,
}

impl StepCode {
    pub const ALL: [StepCode; 10] = [
        StepCode::Register,
        StepCode::JobEducation,
        StepCode::Unemployment,
        StepCode::JobSearch,
        StepCode::Considerations,
        StepCode::EducationBackground,
        StepCode::EducationPlans,
        StepCode::EducationObstacles,
        StepCode::Health,
        StepCode::Review,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            StepCode::Register => "registeroplysninger",
            StepCode::JobEducation => "uddannelse",
            StepCode::Unemployment => "ledighed",
            StepCode::JobSearch => "jobsoegning",
            StepCode::Considerations => "overvejelser",
            StepCode::EducationBackground => "skolegang",
            StepCode::EducationPlans => "uddannelsesplaner",
            StepCode::EducationObstacles => "udfordringer",
            StepCode::Health => "helbred",
            StepCode::Review => "tjek",
        }
    }

    /// The step a code names; `None` for anything else (the receipt's `RECEIPT` included).
    pub fn parse(code: &str) -> Option<StepCode> {
        StepCode::ALL.into_iter().find(|s| s.as_str() == code)
    }

    /// The pages that show the register facts (a remote lookup): the register step itself
    /// and "Tjek dine svar".
    pub fn shows_register_facts(self) -> bool {
        matches!(self, StepCode::Register | StepCode::Review)
    }
}

/// The receipt's code in the place of a step's (`/borger/forberedelse/kvittering`): the page
/// shown once the questionnaire is sent. Not a step.
pub const RECEIPT: &str = "kvittering";

/// The start of every health question's name (the pilot's step): such answers are kept
/// apart from the others and only taken from a citizen the questions apply to.
pub const HEALTH_KEY_PREFIX: &str = "health_";

/// A form key of a health question (`HEALTH_KEY_PREFIX`), a checkbox box included.
pub fn is_health_key(key: &str) -> bool {
    key.starts_with(HEALTH_KEY_PREFIX)
}

/// A posted form holds a health answer: refused outright from a citizen the pilot's
/// questions do not apply to, whichever step it names.
pub fn carries_health_answers(form: &Fields) -> bool {
    form.keys().any(|k| is_health_key(k))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub code: StepCode,
    /// The step's heading, in Danish and English (`title.get(lang)`).
    pub title: Words,
    /// The text under the heading, in Danish and English; empty in both when there is none.
    pub intro: Words,
    pub kind: StepKind,
}

impl Step {
    pub fn questions(&self) -> &'static [FieldSpec] {
        match self.kind {
            StepKind::Questions(q) | StepKind::Health(q) => q,
            StepKind::RegisterData | StepKind::Review => &[],
        }
    }

    pub fn is_health(&self) -> bool {
        matches!(self.kind, StepKind::Health(_))
    }

    /// The step's answers, checked; only the questions asked are kept.
    pub fn validate(&self, raw: &Fields) -> Result<Fields, FieldErrors> {
        validate(self.questions(), raw)
    }
}

const REGISTER: Step = Step {
    code: StepCode::Register,
    title: Words::new("Oplysninger fra registre", "Information from registers"),
    intro: Words::new(
        "Disse oplysninger henter vi fra offentlige registre. Du kan ikke rette dem her. Er noget forkert, så kontakt den myndighed, der står som kilde.",
        "We get this information from public registers. You cannot change it here. If something is wrong, contact the authority shown as the source.",
    ),
    kind: StepKind::RegisterData,
};

const JOB_EDUCATION: Step = Step {
    code: StepCode::JobEducation,
    title: Words::new("Din uddannelse", "Your education"),
    intro: Words::new("", ""),
    kind: StepKind::Questions(field_list![
        req(
            "education_length",
            "Din uddannelseslængde",
            "Length of your education",
            Radio(EducationLength::OPTIONS)
        ),
        req(
            "field_of_education",
            "Din fagretning",
            "Your field of education",
            Radio(FieldOfEducation::OPTIONS)
        ),
    ]),
};

const UNEMPLOYMENT: Step = Step {
    code: StepCode::Unemployment,
    title: Words::new("Din ledighed", "Your unemployment"),
    intro: Words::new("", ""),
    kind: StepKind::Questions(field_list![
        req(
            "own_estimate",
            "Hvor hurtigt tror du selv, at du finder et nyt job?",
            "How soon do you think you will find a new job?",
            Radio(OwnEstimate::OPTIONS)
        ),
        req(
            "reason",
            "Hvorfor er du ledig?",
            "Why are you unemployed?",
            Radio(UnemploymentReason::OPTIONS)
        ),
        req(
            "known_for",
            "Hvor længe har du vidst, at du ville blive ledig?",
            "How long have you known that you would become unemployed?",
            Radio(KnownFor::OPTIONS)
        ),
    ]),
};

const JOB_SEARCH: Step = Step {
    code: StepCode::JobSearch,
    title: Words::new("Din jobsøgning", "Your job search"),
    intro: Words::new("", ""),
    kind: StepKind::Questions(field_list![
        req(
            "activity",
            "Hvor mange job har du søgt den seneste måned?",
            "How many jobs have you applied for in the last month?",
            Radio(SearchActivity::OPTIONS)
        ),
        req(
            "prospects",
            "Hvordan vurderer du jobmulighederne inden for din branche?",
            "How would you rate the job prospects in your industry?",
            Radio(Prospects::OPTIONS)
        ),
        req(
            "preference",
            "Hvilke job vil du helst have?",
            "What kind of jobs would you prefer?",
            Radio(JobPreference::OPTIONS)
        ),
        hint(
            req(
                "methods",
                "Hvordan søger du job?",
                "How do you look for jobs?",
                Checkboxes(SearchMethod::OPTIONS)
            ),
            "Vælg alle, der passer",
            "Select all that apply"
        ),
    ]),
};

const CONSIDERATIONS: Step = Step {
    code: StepCode::Considerations,
    title: Words::new("Andre overvejelser", "Other thoughts"),
    intro: Words::new("", ""),
    kind: StepKind::Questions(field_list![
        opt(
            "other_considerations",
            "Har du andre overvejelser om din jobsøgning?",
            "Do you have any other thoughts about your job search?",
            TextArea { max: FREE_TEXT_MAX }
        ),
        req(
            "hindrance",
            "Er der noget, der hindrer dig i at få et arbejde?",
            "Is there anything stopping you from getting a job?",
            Radio(YesNo::OPTIONS)
        ),
        follow_up(
            req(
                "hindrance_details",
                "Uddyb, hvad der hindrer dig i at få et arbejde",
                "Explain what is stopping you from getting a job",
                TextArea { max: FREE_TEXT_MAX }
            ),
            "hindrance",
            &["yes"]
        ),
    ]),
};

const EDUCATION_BACKGROUND: Step = Step {
    code: StepCode::EducationBackground,
    title: Words::new("Din skolegang", "Your schooling"),
    intro: Words::new("", ""),
    kind: StepKind::Questions(field_list![
        req(
            "highest_education",
            "Hvad er den højeste uddannelse, du har gennemført?",
            "What is the highest level of education you have completed?",
            Radio(HighestEducation::OPTIONS)
        ),
        req(
            "grade_average",
            "Hvad var dit karaktergennemsnit i folkeskolen?",
            "What was your average grade in folkeskole?",
            Radio(GradeAverage::OPTIONS)
        ),
        req(
            "liked_school",
            "Har du tidligere været glad for at gå i skole?",
            "Did you enjoy going to school?",
            Radio(LikedSchool::OPTIONS)
        ),
    ]),
};

const EDUCATION_PLANS: Step = Step {
    code: StepCode::EducationPlans,
    title: Words::new("Dine planer", "Your plans"),
    intro: Words::new("", ""),
    kind: StepKind::Questions(field_list![
        req("wants_education", "Har du lyst til at starte på en uddannelse af mindst 1 års varighed?", "Would you like to start a course of education that lasts at least 1 year?", Radio(WantsEducation::OPTIONS)),
        req("importance", "Hvor vigtig tror du, at en uddannelse er for dine fremtidige muligheder på arbejdsmarkedet?", "How important do you think education is for your future chances in the job market?", Radio(Importance::OPTIONS)),
        req("in_six_months", "Hvor ser du dig selv om 6 måneder?", "Where do you see yourself in 6 months?", Radio(InSixMonths::OPTIONS)),
        req("hard_to_choose", "Synes du, det er svært at vælge en uddannelse?", "Do you find it difficult to choose what to study?", Radio(HardToChoose::OPTIONS)),
        hint(req("advisers", "Hvem spørger du til råds om uddannelse?", "Who do you ask for advice about education?", Checkboxes(Adviser::OPTIONS)), "Vælg alle, der passer", "Select all that apply"),
    ]),
};

const EDUCATION_OBSTACLES: Step = Step {
    code: StepCode::EducationObstacles,
    title: Words::new("Det, der kan gøre det svært", "What can make it difficult"),
    intro: Words::new("", ""),
    kind: StepKind::Questions(field_list![
        req(
            "difficulties",
            "Er der noget, der gør det svært for dig at gennemføre en uddannelse?",
            "Is there anything that makes it difficult for you to complete a course of education?",
            Radio(YesNo::OPTIONS)
        ),
        follow_up(
            hint(
                req(
                    "limitations",
                    "Hvilke begrænsninger gør det svært for dig at gennemføre en uddannelse?",
                    "What makes it difficult for you to complete a course of education?",
                    Checkboxes(Limitation::OPTIONS)
                ),
                "Vælg alle, der passer",
                "Select all that apply"
            ),
            "difficulties",
            &["yes"]
        ),
        req(
            "interrupted",
            "Har du tidligere startet på en uddannelse, som du afbrød?",
            "Have you ever started a course of education and dropped out?",
            Radio(YesNo::OPTIONS)
        ),
        follow_up(
            req(
                "times_interrupted",
                "Hvor mange gange har du afbrudt en uddannelse?",
                "How many times have you dropped out of a course of education?",
                Radio(TimesInterrupted::OPTIONS)
            ),
            "interrupted",
            &["yes"]
        ),
        follow_up(
            req(
                "interruption_reason",
                "Hvad var den vigtigste grund til, at du afbrød?",
                "What was the main reason you dropped out?",
                Radio(InterruptionReason::OPTIONS)
            ),
            "interrupted",
            &["yes"]
        ),
    ]),
};

/// The pilot's questions. Field names start with `health_`: they are never stored with the
/// other answers.
const HEALTH: Step = Step {
    code: StepCode::Health,
    title: Words::new("Helbred og job", "Health and work"),
    intro: Words::new(
        "Din kommune deltager i forsøget \"Et mere rummeligt arbejdsmarked for borgere med handicap\". Derfor spørger vi om dit helbred. Svarene er følsomme oplysninger: de gemmes for sig, og kun du og dine sagsbehandlere kan se dem. Hver gang en sagsbehandler ser dem, kan du se det i Min historik.",
        "Your municipality (kommune) is taking part in the trial \"A more inclusive labour market for people with disabilities\" (Et mere rummeligt arbejdsmarked for borgere med handicap). That is why we ask about your health. Your answers are sensitive information: they are stored separately, and only you and your caseworkers can see them. Each time a caseworker looks at them, you can see it in My history.",
    ),
    kind: StepKind::Health(field_list![
        req("health_problem", "Har du et helbredsproblem eller en funktionsnedsættelse?", "Do you have a health condition or disability?", Radio(HealthProblem::OPTIONS)),
        follow_up(
            req("health_significance", "Hvilken betydning har det for dine muligheder for at få et job?", "How much does it affect your chances of getting a job?", Radio(HealthSignificance::OPTIONS)),
            "health_problem",
            &["yes_some", "yes_much"]
        ),
    ]),
};

/// The pilot's step, for reading health answers back wherever they are shown.
pub fn health_step() -> Step {
    HEALTH
}

const REVIEW: Step = Step {
    code: StepCode::Review,
    title: Words::new("Tjek dine svar", "Check your answers"),
    intro: Words::new(
        "Se dine svar igennem, før du sender dem. Du kan rette et svar ved at vælge \"Ret\".",
        "Look through your answers before you send them. You can change an answer by choosing \"Change\".",
    ),
    kind: StepKind::Review,
};

/// The steps of a questionnaire, in order, ending with "Tjek dine svar". `health`: the
/// disability questions apply to this citizen (`disability_questions_apply`).
pub fn steps(questionnaire: Questionnaire, health: bool) -> Vec<Step> {
    let mut steps = match questionnaire {
        Questionnaire::Dagpenge => vec![
            REGISTER,
            JOB_EDUCATION,
            UNEMPLOYMENT,
            JOB_SEARCH,
            CONSIDERATIONS,
        ],
        Questionnaire::General => vec![JOB_EDUCATION, UNEMPLOYMENT, JOB_SEARCH, CONSIDERATIONS],
        Questionnaire::Education => {
            vec![EDUCATION_BACKGROUND, EDUCATION_PLANS, EDUCATION_OBSTACLES]
        }
    };
    if health {
        steps.push(HEALTH);
    }
    steps.push(REVIEW);
    steps
}

impl Questionnaire {
    /// The questionnaire's name in `lang`: the overview's heading, the receipt, "Min side".
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Questionnaire::Dagpenge => lang.pick(
                "Forberedelsesskema for dagpengemodtagere",
                "Preparation questionnaire for people receiving unemployment benefit (dagpenge)",
            ),
            Questionnaire::Education => lang.pick(
                "Forberedelsesskema om uddannelse",
                "Preparation questionnaire about education",
            ),
            Questionnaire::General => lang.pick("Forberedelsesskema", "Preparation questionnaire"),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Questionnaire::Dagpenge => "dagpenge",
            Questionnaire::Education => "education",
            Questionnaire::General => "general",
        }
    }

    pub fn from_code(code: &str) -> Option<Questionnaire> {
        [
            Questionnaire::Dagpenge,
            Questionnaire::Education,
            Questionnaire::General,
        ]
        .into_iter()
        .find(|q| q.code() == code)
    }
}

/// A whole questionnaire checked before it is sent: the cleaned answers (health apart), or
/// the first step that is not complete with its errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Complete {
    pub answers: Fields,
    /// `Some` exactly when the health step is among the steps.
    pub health: Option<Fields>,
}

pub fn check_complete(
    steps: &[Step],
    answers: &Fields,
    health: &Fields,
) -> Result<Complete, (StepCode, FieldErrors)> {
    let mut done = Complete {
        answers: Fields::new(),
        health: None,
    };
    for step in steps {
        let raw = if step.is_health() { health } else { answers };
        let clean = step.validate(raw).map_err(|e| (step.code, e))?;
        if step.is_health() {
            done.health = Some(clean);
        } else {
            done.answers.extend(clean);
        }
    }
    Ok(done)
}

/// Does a form key belong to one of the step's questions (a checkbox box included)?
fn belongs(step: &Step, key: &str) -> bool {
    step.questions().iter().any(|s| {
        key == s.name
            || key
                .strip_prefix(s.name)
                .is_some_and(|rest| rest.starts_with("__"))
    })
}

/// The step's own keys of a posted form: a health field never lands in the ordinary
/// answers, nor the other way round, whatever a crafted request sends.
pub fn step_keys(step: &Step, raw: &Fields) -> Fields {
    raw.iter()
        .filter(|(k, _)| belongs(step, k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// The answers after leaving `step` with `posted`: the step's answers replaced (so a box
/// unticked is gone), every other step's answers untouched.
pub fn merge_step(step: &Step, stored: &Fields, posted: &Fields) -> Fields {
    let mut out: Fields = stored
        .iter()
        .filter(|(k, _)| !belongs(step, k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    out.extend(step_keys(step, posted));
    out
}

/// The step with this code among `steps`, and its index.
pub fn find_step(steps: &[Step], code: &str) -> Option<(usize, Step)> {
    let code = StepCode::parse(code)?;
    steps
        .iter()
        .position(|s| s.code == code)
        .map(|i| (i, steps[i]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Msg;

    fn raw(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn step(code: &str, health: bool) -> Step {
        [Questionnaire::Dagpenge, Questionnaire::Education]
            .into_iter()
            .flat_map(|q| steps(q, health))
            .find(|s| s.code.as_str() == code)
            .unwrap()
    }

    #[test]
    fn every_step_code_reads_back_and_the_receipt_is_none() {
        for code in StepCode::ALL {
            assert_eq!(StepCode::parse(code.as_str()), Some(code));
        }
        let mut spelled: Vec<_> = StepCode::ALL.iter().map(|c| c.as_str()).collect();
        spelled.sort();
        spelled.dedup();
        assert_eq!(spelled.len(), StepCode::ALL.len(), "codes are unique");
        assert_eq!(StepCode::parse(RECEIPT), None);
        assert_eq!(StepCode::parse("Helbred"), None);
        // Every step's code is its own.
        let mut used: Vec<StepCode> = [
            Questionnaire::Dagpenge,
            Questionnaire::General,
            Questionnaire::Education,
        ]
        .into_iter()
        .flat_map(|q| steps(q, true))
        .map(|s| s.code)
        .collect();
        used.sort();
        used.dedup();
        assert_eq!(used, StepCode::ALL);
    }

    /// Every text a questionnaire page shows comes in English too, not as a copy of the Danish.
    #[test]
    fn every_title_question_and_choice_has_its_english() {
        for q in [
            Questionnaire::Dagpenge,
            Questionnaire::General,
            Questionnaire::Education,
        ] {
            assert_ne!(q.title(Lang::En), q.title(Lang::Da), "{q:?}");
            for s in steps(q, true) {
                assert!(!s.title.en.is_empty(), "{:?}", s.code);
                assert_ne!(s.title.en, s.title.da, "{:?}", s.code);
                assert_eq!(
                    s.intro.en.is_empty(),
                    s.intro.da.is_empty(),
                    "{:?}: an intro in one language only",
                    s.code
                );
                for f in s.questions() {
                    assert_ne!(f.label.en, f.label.da, "{}", f.name);
                    if let Some(h) = f.hint {
                        assert_ne!(h.en, h.da, "{}: hint", f.name);
                    }
                    if let Radio(options) | Checkboxes(options) | Select(options) = f.kind {
                        for (code, w) in options {
                            assert_ne!(w.en, w.da, "{}: {code}", f.name);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn only_the_register_step_and_the_review_show_register_facts() {
        let shown: Vec<_> = StepCode::ALL
            .into_iter()
            .filter(|c| c.shows_register_facts())
            .collect();
        assert_eq!(shown, [StepCode::Register, StepCode::Review]);
    }

    #[test]
    fn a_form_with_any_health_field_carries_health_answers() {
        assert!(!carries_health_answers(&raw(&[
            ("activity", "1_2"),
            ("methods__network", "on")
        ])));
        assert!(carries_health_answers(&raw(&[
            ("activity", "1_2"),
            ("health_problem", "no")
        ])));
        assert!(carries_health_answers(&raw(&[(
            "health_whatever__box",
            "on"
        )])));
        for q in health_step().questions() {
            assert!(carries_health_answers(&raw(&[(q.name, "x")])), "{}", q.name);
        }
    }

    #[test]
    fn the_steps_follow_the_questionnaire_and_the_pilot() {
        let codes = |q, h| {
            steps(q, h)
                .iter()
                .map(|s| s.code.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            codes(Questionnaire::Dagpenge, true),
            [
                "registeroplysninger",
                "uddannelse",
                "ledighed",
                "jobsoegning",
                "overvejelser",
                "helbred",
                "tjek"
            ]
        );
        assert_eq!(
            codes(Questionnaire::Dagpenge, false),
            [
                "registeroplysninger",
                "uddannelse",
                "ledighed",
                "jobsoegning",
                "overvejelser",
                "tjek"
            ]
        );
        assert_eq!(
            codes(Questionnaire::General, true),
            [
                "uddannelse",
                "ledighed",
                "jobsoegning",
                "overvejelser",
                "helbred",
                "tjek"
            ]
        );
        assert_eq!(
            codes(Questionnaire::Education, false),
            ["skolegang", "uddannelsesplaner", "udfordringer", "tjek"]
        );
        // Every field name is unique across all steps, and health fields are named so.
        let mut every_step: Vec<Step> = [Questionnaire::Dagpenge, Questionnaire::Education]
            .into_iter()
            .flat_map(|q| steps(q, true))
            .collect();
        every_step.sort_by_key(|s| s.code);
        every_step.dedup();
        let all: Vec<_> = every_step
            .iter()
            .flat_map(|s| s.questions().iter().map(move |f| (s.is_health(), f.name)))
            .collect();
        for (i, (health, name)) in all.iter().enumerate() {
            assert_eq!(*health, name.starts_with("health_"), "{name}");
            assert_eq!(*health, is_health_key(name), "{name}");
            assert!(
                !all[..i].iter().any(|(h, n)| n == name && h == health),
                "{name} twice"
            );
        }
    }

    /// The dagpenge questionnaire's own questions: the seed's eleven.
    #[test]
    fn the_dagpenge_questions_are_the_seeds() {
        let names: Vec<_> = steps(Questionnaire::Dagpenge, false)
            .iter()
            .flat_map(|s| s.questions().iter().map(|f| f.name))
            .collect();
        assert_eq!(
            names,
            [
                "education_length",
                "field_of_education",
                "own_estimate",
                "reason",
                "known_for",
                "activity",
                "prospects",
                "preference",
                "methods",
                "other_considerations",
                "hindrance",
                "hindrance_details"
            ]
        );
    }

    /// The education questionnaire: the seed's twelve, the follow-ups only after a yes.
    #[test]
    fn the_education_questions_are_the_seeds_twelve() {
        let qs: Vec<_> = steps(Questionnaire::Education, false)
            .iter()
            .flat_map(|s| s.questions().iter().copied())
            .collect();
        assert_eq!(
            qs.len(),
            12 + 1,
            "the follow-up 'how many times and why' is two questions"
        );
        let follow_ups: Vec<_> = qs
            .iter()
            .filter(|q| q.shown_if.is_some())
            .map(|q| q.name)
            .collect();
        assert_eq!(
            follow_ups,
            ["limitations", "times_interrupted", "interruption_reason"]
        );
    }

    #[test]
    fn a_hindrance_needs_its_elaboration() {
        let s = step("overvejelser", false);
        let e = s
            .validate(&raw(&[
                ("hindrance", "yes"),
                ("other_considerations", "Jeg vil gerne arbejde i weekenden"),
            ]))
            .unwrap_err();
        assert_eq!(
            (e.0[0].field.as_str(), e.0[0].key),
            ("hindrance_details", Msg::Required)
        );
        let ok = s
            .validate(&raw(&[
                ("hindrance", "yes"),
                ("hindrance_details", "Jeg har ingen bil."),
            ]))
            .unwrap();
        assert_eq!(
            ok.get("hindrance_details").map(String::as_str),
            Some("Jeg har ingen bil.")
        );
        assert!(s
            .validate(&raw(&[("hindrance", "no"), ("hindrance_details", "")]))
            .is_ok());
    }

    #[test]
    fn the_interruption_follow_ups_come_after_a_yes() {
        let s = step("udfordringer", false);
        assert!(s
            .validate(&raw(&[("difficulties", "no"), ("interrupted", "no")]))
            .is_ok());
        let e = s
            .validate(&raw(&[("difficulties", "yes"), ("interrupted", "yes")]))
            .unwrap_err();
        let fields: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["limitations", "times_interrupted", "interruption_reason"]
        );
        let ok = s
            .validate(&raw(&[
                ("difficulties", "yes"),
                ("limitations__reading", "on"),
                ("limitations__money", "on"),
                ("interrupted", "yes"),
                ("times_interrupted", "2"),
                ("interruption_reason", "academic"),
            ]))
            .unwrap();
        assert_eq!(
            s.questions()[1].answer(&ok, Lang::Da).as_deref(),
            Some("Ordblindhed eller andre læse- og skrivevanskeligheder, Økonomi")
        );
        assert_eq!(
            s.questions()[1].answer(&ok, Lang::En).as_deref(),
            Some("Dyslexia or other reading and writing difficulties, Money")
        );
    }

    #[test]
    fn a_questionnaire_is_complete_only_when_every_step_is() {
        let all = steps(Questionnaire::General, true);
        let answers = raw(&[
            ("education_length", "vocational"),
            ("field_of_education", "technical"),
            ("own_estimate", "within_3_months"),
            ("reason", "dismissed"),
            ("known_for", "1_3_months"),
            ("activity", "3_5"),
            ("prospects", "good"),
            ("preference", "related_trade"),
            ("methods__adverts", "on"),
            ("hindrance", "no"),
        ]);
        let (step, _) = check_complete(&all, &answers, &Fields::new()).unwrap_err();
        assert_eq!(step.as_str(), "helbred");
        let done = check_complete(&all, &answers, &raw(&[("health_problem", "no")])).unwrap();
        assert_eq!(done.health, Some(raw(&[("health_problem", "no")])));
        let mut missing = answers.clone();
        missing.remove("reason");
        assert_eq!(
            check_complete(&all, &missing, &Fields::new())
                .unwrap_err()
                .0
                .as_str(),
            "ledighed"
        );
        // Without the pilot there is no health step, and nothing health-related is kept.
        assert_eq!(
            check_complete(
                &steps(Questionnaire::General, false),
                &answers,
                &raw(&[("health_problem", "no")])
            )
            .unwrap()
            .health,
            None
        );
    }

    #[test]
    fn a_steps_keys_are_its_own() {
        let s = step("jobsoegning", false);
        let r = raw(&[
            ("activity", "1_2"),
            ("methods__network", "on"),
            ("health_problem", "no"),
            ("reason", "x"),
        ]);
        assert_eq!(
            step_keys(&s, &r),
            raw(&[("activity", "1_2"), ("methods__network", "on")])
        );
        let stored = raw(&[
            ("activity", "none"),
            ("methods__adverts", "on"),
            ("reason", "dismissed"),
        ]);
        assert_eq!(
            merge_step(&s, &stored, &r),
            raw(&[
                ("activity", "1_2"),
                ("methods__network", "on"),
                ("reason", "dismissed")
            ]),
            "an unticked box is gone"
        );
    }
}
