//! A check that every text core shows is written in English too: the English slot of a
//! field's label, a hint or a choice must not be a copy of the Danish, except for words the
//! two languages share (listed here, each a decision).
#![cfg(test)]

use crate::cv::entry::CvSection;
use crate::form_fields::{FieldKind, FieldSpec};
use crate::jobseeker::eligibility::{Questionnaire, Situation};
use crate::jobseeker::questionnaire::steps;
use crate::lang::Words;

/// Texts that are the same in Danish and English.
const SAME_IN_BOTH: &[&str] = &[
    "IT",
    "Hindi",
    "Urdu",
    "Pashto",
    "Punjabi",
    "Bengali",
    "Tamil",
    "Somali",
    "Tigrinya",
    "Swahili",
    "Thai",
    "Tagalog",
    "Organisation",
    "D1 – minibus",
    "D – bus",
];

/// The a-kasser's names are proper names, the same in both languages.
fn is_a_kasse(w: &Words) -> bool {
    crate::jobseeker::registration::AKasse::OPTIONS
        .iter()
        .any(|(_, l)| l == w)
}

fn words_of(spec: &FieldSpec) -> Vec<Words> {
    let mut w = vec![spec.label];
    w.extend(spec.hint);
    if let FieldKind::Radio(o) | FieldKind::Checkboxes(o) | FieldKind::Select(o) = spec.kind {
        w.extend(o.iter().map(|(_, l)| *l));
    }
    w
}

fn every_field() -> Vec<FieldSpec> {
    let mut all: Vec<FieldSpec> = CvSection::ALL
        .iter()
        .flat_map(|s| crate::cv::fields::fields(*s).iter().copied())
        .collect();
    for q in [
        Questionnaire::Dagpenge,
        Questionnaire::Education,
        Questionnaire::General,
    ] {
        for step in steps(q, true) {
            all.extend(step.questions().iter().copied());
        }
    }
    all.extend(crate::jobseeker::registration::FIELDS.iter().copied());
    for list in [
        crate::track::joblog::APPLICATION_FIELDS,
        crate::track::joblog::ACTIVITY_FIELDS,
        crate::track::meetings::SUMMONS_FIELDS,
        crate::track::meetings::SLOT_FIELDS,
        crate::track::meetings::DEADLINE_FIELDS,
        crate::track::plan::GOALS_FIELDS,
        crate::track::plan::ACTIVITY_FIELDS,
        crate::track::plan::COMMENT_FIELDS,
    ] {
        all.extend(list.iter().copied());
    }
    all
}

#[test]
fn every_label_hint_and_choice_is_in_english_too() {
    let mut words: Vec<Words> = every_field().iter().flat_map(words_of).collect();
    words.extend(Situation::OPTIONS.iter().map(|(_, l)| *l));
    words.extend(CvSection::ALL.iter().map(|s| s.words()));
    for options in [
        crate::cv::absence::AbsenceKind::OPTIONS,
        crate::track::joblog::JoblogKind::OPTIONS,
        crate::track::meetings::MeetingState::OPTIONS,
        crate::track::plan::ActivityStatus::OPTIONS,
        crate::notices::NoticeKind::OPTIONS,
    ] {
        words.extend(options.iter().map(|(_, l)| *l));
    }
    let untranslated: Vec<&str> = words
        .iter()
        .filter(|w| w.da == w.en && !SAME_IN_BOTH.contains(&w.da) && !is_a_kasse(w))
        .map(|w| w.da)
        .collect();
    assert!(
        untranslated.is_empty(),
        "no English yet for: {untranslated:#?}"
    );
    assert!(words.iter().all(|w| !w.da.is_empty() && !w.en.is_empty()));
}
