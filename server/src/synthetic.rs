//! Synthetic Danish job seekers with CVs, for the operator's `generate` command and the
//! employer-search benchmark (`jobspor_store::bulk`). Deterministic: citizen `i` depends only
//! on (seed, i, now), so a load can be repeated, resumed at any `i` or split over threads.
//!
//! The distributions are meant to look like Danish job seekers, not to be statistics:
//! - CPR: birth dates 1960–2005 (1945–1959 only past `MAIN_CITIZENS`), serial 9000–9999, which
//!   the simulated CPR register never uses (tested); unique for every `i < MAX_CITIZENS`.
//!   Gender follows the last digit (even: woman); about half of each.
//! - Address: 134 real postcodes with their real municipalities, weighted by population over
//!   the five regions; 0.3 % protected addresses, 1 % a c/o line. ~10 % have a foreign name
//!   and mother tongue (Polish, Arabic, Turkish, Ukrainian, Romanian, Somali, German, English).
//! - Contact: 97 % a phone (mobile or a landline of the region), 90 % an e-mail at the
//!   reserved `.example` domain (never deliverable), made unique by `i`.
//! - Last login: 80 % within 12 weeks, 20 % 12–30 weeks ago; 90 % searchable; 15 % hide contact.
//! - CV: one "field" per person (18 fields, weighted; health, care, children, office, retail,
//!   transport heaviest) whose occupations, tasks, workplaces, educations and skills keep the
//!   CV coherent. 1–3 job wishes, 1–4 jobs without overlap, 0–2 educations, 0–3 languages,
//!   0–2 driving licences, an introduction for 95 %, and some qualifications, IT skills,
//!   courses, certificates, volunteer work and "why I apply".
//! - Hidden sections: 3 % have special considerations and 2 % an absence, so the benchmark and
//!   tests can check that employers never see or find them. Their texts use words (rygproblemer,
//!   ordblindhed, skulderskade, diabetes) that no visible text uses.
//!
//! Every entry is built as the core's types directly and satisfies the core's parsers (tested by
//! a round trip through the edit form). Texts carry inflected forms ("sygeplejersker",
//! "pædagogen") so a stemming search has something to do.
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use jobspor::cv::absence::{Absence, AbsenceKind};
use jobspor::cv::education::{Certification, Course, Education};
use jobspor::cv::entry::CvEntry;
use jobspor::cv::profile_texts::{Volunteer, WhyApplying};
use jobspor::cv::skills::{DrivingLicence, ItLevel, ItSkill, Language, LanguageLevel};
use jobspor::cv::{
    EmploymentType, JobWish, OccupationEducation, OccupationExperience, Period, WorkExperience,
    WorkingTime,
};
use jobspor::occupations::Occupation;
use jobspor::person::{CprStatus, Gender, RegisterPerson};
use jobspor_store::bulk::SyntheticCv;
use std::sync::OnceLock;

/// Birth dates 1960-01-01..=2005-12-31 (ages about 20–66) times 1000 serials.
const MAIN_DAYS: u64 = 16_802;
/// Past that, birth dates 1945-01-01..=1959-12-31, so a very large load stays unique.
const TAIL_DAYS: u64 = 5_478;
/// Steps near the golden ratio of each span, coprime to it: consecutive `i` get birth dates
/// spread over all years, so a small load has every age (tested to be a permutation).
const MAIN_STEP: u64 = 10_387;
const TAIL_STEP: u64 = 3_385;
/// Citizens with the realistic age span.
pub const MAIN_CITIZENS: u64 = MAIN_DAYS * 1000;
/// `citizen` panics past this: there are no more unique CPR numbers in the scheme.
pub const MAX_CITIZENS: u64 = (MAIN_DAYS + TAIL_DAYS) * 1000;

/// The `i`-th synthetic citizen (0-based), the same for the same (seed, i, now).
pub fn citizen(seed: u64, i: u64, now: DateTime<Utc>) -> SyntheticCv {
    let (birthday, serial) = birth_and_serial(i);
    let cpr = cpr_number(birthday, serial);
    let gender = if serial % 2 == 0 {
        Gender::Female
    } else {
        Gender::Male
    };
    let mut rng = Rng::new(seed, i);
    let today = jobspor::dates::danish_date(now);
    let town = &TOWNS[rng.weighted(TOWNS, |t| t.4)];
    let origin = rng
        .per_mille(100)
        .then(|| ORIGINS[rng.weighted(ORIGINS, |o| o.4)]);
    let person = register_person(&mut rng, birthday, gender, town, origin.as_ref());
    let phone = rng.per_mille(970).then(|| phone(&mut rng, town));
    let email = rng.per_mille(900).then(|| {
        format!(
            "{}.{}{i}@syntetisk.example",
            ascii(&person.first_name),
            ascii(&person.surname)
        )
    });
    let seconds = if rng.per_mille(800) {
        rng.range(0, 12 * 7 * 86_400)
    } else {
        rng.range(12 * 7 * 86_400 + 1, 30 * 7 * 86_400)
    };
    let (searchable, hide_contact) = (rng.per_mille(900), rng.per_mille(150));
    let entries = Cv {
        rng: &mut rng,
        today,
        birthday,
        town,
        origin: origin.as_ref(),
    }
    .entries();
    SyntheticCv {
        cpr,
        person,
        phone,
        email,
        last_login_at: now - Duration::seconds(seconds),
        searchable,
        hide_contact,
        entries,
    }
}

/// The birth date and the 4-digit serial of citizen `i`: (date, serial) is a bijection of `i`.
fn birth_and_serial(i: u64) -> (NaiveDate, u64) {
    assert!(
        i < MAX_CITIZENS,
        "synthetic citizens are unique only below {MAX_CITIZENS}"
    );
    let (first_year, days, step, j) = if i < MAIN_CITIZENS {
        (1960, MAIN_DAYS, MAIN_STEP, i)
    } else {
        (1945, TAIL_DAYS, TAIL_STEP, i - MAIN_CITIZENS)
    };
    let day = (j % days) * step % days;
    // Flipping the lowest bit by date keeps the serials of a date distinct but mixes genders
    // among the first citizens, who all have the same `j / days`.
    let serial = 9000 + ((j / days) ^ (mix(day) & 1));
    (ymd(first_year, 1, 1) + Duration::days(day as i64), serial)
}

/// `ddmmåå` and the serial; the serial's first digit 9 gives the 1900s for 37–99 and the 2000s
/// for 00–36 (CPR-kontorets rule, as `jobspor::cpr::Cpr::birth_date` reads it).
fn cpr_number(birthday: NaiveDate, serial: u64) -> String {
    format!(
        "{:02}{:02}{:02}{serial:04}",
        birthday.day(),
        birthday.month(),
        birthday.year() % 100
    )
}

/// SplitMix64's finaliser (Steele, Lea & Flood 2014).
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// SplitMix64: tiny, fast and plenty for test data; one stream per citizen.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, i: u64) -> Rng {
        Rng(mix(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ mix(i)))
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }
    /// Uniform in `0..n` by multiply-shift (n < 2^32).
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }
    fn per_mille(&mut self, p: u64) -> bool {
        self.next() % 1000 < p
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
    /// An index into `xs`, with probability proportional to `weight`.
    fn weighted<T>(&mut self, xs: &[T], weight: impl Fn(&T) -> u32) -> usize {
        let mut r = self.below(xs.iter().map(|x| weight(x) as usize).sum()) as u32;
        for (n, x) in xs.iter().enumerate() {
            if r < weight(x) {
                return n;
            }
            r -= weight(x);
        }
        xs.len() - 1
    }
    /// `k` different items (fewer if there are not that many), in random order.
    fn distinct<T: Copy>(&mut self, xs: &[T], k: usize) -> Vec<T> {
        let mut idx: Vec<usize> = (0..xs.len()).collect();
        let k = k.min(xs.len());
        for n in 0..k {
            let j = n + self.below(xs.len() - n);
            idx.swap(n, j);
        }
        idx[..k].iter().map(|&n| xs[n]).collect()
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

fn days(n: i64) -> Duration {
    Duration::days(n)
}

type Town = (&'static str, &'static str, &'static str, &'static str, u32);
type Origin = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
    u32,
);

/// 0 Hovedstaden, 1 Sjælland, 2 Syddanmark, 3 Midtjylland, 4 Nordjylland.
fn region(municipality_code: &str) -> usize {
    match municipality_code.parse::<u32>().unwrap_or(0) {
        253 | 259 | 265 | 269 => 1,
        615 => 3,
        773 | 787 => 4,
        101..=299 | 400 => 0,
        300..=399 => 1,
        401..=630 => 2,
        631..=799 => 3,
        _ => 4,
    }
}

fn register_person(
    rng: &mut Rng,
    birthday: NaiveDate,
    gender: Gender,
    town: &Town,
    origin: Option<&Origin>,
) -> RegisterPerson {
    let female = gender == Gender::Female;
    let (first_name, middle_name, surname) = match origin {
        Some(o) => (
            rng.pick(if female { o.1 } else { o.2 }),
            None,
            rng.pick(o.3),
        ),
        None => {
            let middle = rng
                .per_mille(300)
                .then(|| rng.pick(if female { MIDDLE_F } else { MIDDLE_M }));
            (
                rng.pick(if female { FIRST_F } else { FIRST_M }),
                middle,
                rng.pick(SURNAMES),
            )
        }
    };
    let number = rng.range(1, 140);
    let letter = if rng.per_mille(80) { "A" } else { "" };
    // Flats are the rule in the big cities and the exception elsewhere.
    let flats = if matches!(town.2, "101" | "147" | "751" | "461" | "851") {
        650
    } else {
        250
    };
    let street = if rng.per_mille(flats) {
        format!(
            "{} {number}{letter}, {} {}",
            rng.pick(STREETS),
            rng.pick(&["st.", "1.", "1.", "2.", "2.", "3.", "4.", "5."]),
            rng.pick(&["th.", "tv.", "mf."])
        )
    } else {
        format!("{} {number}{letter}", rng.pick(STREETS))
    };
    let co_address = rng
        .per_mille(10)
        .then(|| format!("c/o {} {}", rng.pick(FIRST_F), rng.pick(SURNAMES)));
    RegisterPerson {
        birthday,
        gender,
        first_name: first_name.into(),
        middle_name: middle_name.map(Into::into),
        surname: surname.into(),
        street,
        co_address,
        postcode: town.0.into(),
        city: town.1.into(),
        country: "DK".into(),
        municipality_code: Some(town.2.into()),
        municipality: Some(town.3.into()),
        protected_address: rng.per_mille(3),
        status: CprStatus::Active,
    }
}

fn phone(rng: &mut Rng, town: &Town) -> String {
    let prefix = if rng.per_mille(750) {
        rng.pick(MOBILE)
    } else {
        rng.pick(REGIONS[region(town.2)].2)
    };
    format!("{prefix}{:06}", rng.below(1_000_000))
}

/// A name as the local part of an e-mail address: lower case ASCII letters only.
fn ascii(name: &str) -> String {
    let mut s = String::with_capacity(name.len() + 2);
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' => s.push(c),
            'æ' | 'ä' => s.push_str("ae"),
            'ø' | 'ö' => s.push_str("oe"),
            'å' => s.push_str("aa"),
            'ü' | 'ú' => s.push('u'),
            'é' | 'è' => s.push('e'),
            'ş' | 'ś' => s.push('s'),
            'ç' | 'ć' => s.push('c'),
            'ı' | 'í' => s.push('i'),
            'ł' => s.push('l'),
            'ń' => s.push('n'),
            'ğ' => s.push('g'),
            'ó' => s.push('o'),
            _ => {}
        }
    }
    s
}

/// A title's lower case, definite singular and plural forms ("pædagog", "pædagogen",
/// "pædagoger"), inflecting the last word by the regular Danish patterns.
fn forms(title: &str) -> (String, String, String) {
    let lower = title.to_lowercase();
    if !lower.ends_with(|c: char| c.is_alphabetic()) {
        return (lower.clone(), lower.clone(), lower);
    }
    let (def, pl) = if lower.ends_with("kok") {
        ("ken", "ke")
    } else if lower.ends_with("mand") {
        return (
            lower.clone(),
            format!("{lower}en"),
            format!("{}mænd", &lower[..lower.len() - 4]),
        );
    } else if lower.ends_with("pedel") {
        ("len", "ler")
    } else if lower.ends_with('e') {
        ("n", "r")
    } else if lower.ends_with("er") {
        ("en", "e")
    } else {
        ("en", "er")
    };
    (
        lower.clone(),
        format!("{lower}{def}"),
        format!("{lower}{pl}"),
    )
}

/// Fills `{x}` placeholders (one ASCII letter) from `vals`.
fn fill(template: &str, vals: &[(char, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 48);
    let mut rest = template;
    while let Some(p) = rest.find('{') {
        out.push_str(&rest[..p]);
        let key = rest.as_bytes().get(p + 1).copied().unwrap_or(b'?') as char;
        out.push_str(
            vals.iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| *v)
                .unwrap_or("?"),
        );
        rest = &rest[(p + 3).min(rest.len())..];
    }
    out.push_str(rest);
    out
}

/// "a, b og c", with a capital first letter.
fn listing(items: &[&str]) -> String {
    let mut s = String::new();
    for (n, item) in items.iter().enumerate() {
        if n > 0 {
            s.push_str(if n + 1 == items.len() { " og " } else { ", " });
        }
        s.push_str(item);
    }
    capitalise(&s)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

struct Field {
    weight: u32,
    /// Entry-level work people take on the way (students, career changers).
    entry_level: bool,
    /// DISCO-08 code prefixes: the field's occupations.
    disco: &'static [&'static str],
    /// The titles most people in the field have (80 % of picks); the rest come from `disco`.
    common: &'static [&'static str],
    /// Whom the work is for, definite plural ("patienterne").
    people: &'static str,
    tasks: &'static [&'static str],
    /// `{k}` the municipality ("Odense Kommune"), `{m}` its name, `{r}` the region, `{h}` one
    /// of its hospitals.
    workplaces: &'static [&'static str],
    /// (education, institutions, years)
    educations: &'static [(&'static str, &'static [&'static str], i32)],
    qualifications: &'static [&'static str],
    it: &'static [&'static str],
    courses: &'static [&'static str],
    certificates: &'static [&'static str],
    /// Licences beyond B some in the field hold (category, per mille).
    licences: &'static [(DrivingLicence, u64)],
}

/// Each field's occupations: (common titles, all titles with its DISCO prefixes).
fn pools() -> &'static [(Vec<Occupation>, Vec<Occupation>)] {
    static POOLS: OnceLock<Vec<(Vec<Occupation>, Vec<Occupation>)>> = OnceLock::new();
    POOLS.get_or_init(|| {
        FIELDS
            .iter()
            .map(|f| {
                let common = f
                    .common
                    .iter()
                    .map(|t| {
                        jobspor::occupations::find(t)
                            .unwrap_or_else(|| panic!("{t} is not an occupation"))
                    })
                    .collect();
                let all = jobspor::occupations::all()
                    .iter()
                    .copied()
                    .filter(|o| f.disco.iter().any(|p| o.disco08.starts_with(p)))
                    .collect();
                (common, all)
            })
            .collect()
    })
}

/// One job held: which occupation, in which field, when.
struct Job {
    occupation: Occupation,
    field: usize,
    period: Period,
}

struct Cv<'a> {
    rng: &'a mut Rng,
    today: NaiveDate,
    birthday: NaiveDate,
    town: &'a Town,
    origin: Option<&'a Origin>,
}

impl Cv<'_> {
    fn occupation(&mut self, field: usize) -> Occupation {
        let (common, all) = &pools()[field];
        if self.rng.per_mille(800) {
            self.rng.pick(common)
        } else {
            self.rng.pick(all)
        }
    }

    /// A workplace of the field, usually near home.
    fn workplace(&mut self, field: usize) -> String {
        let town = if self.rng.per_mille(700) {
            self.town
        } else {
            &TOWNS[self.rng.weighted(TOWNS, |t| t.4)]
        };
        let m = town.3;
        let k = if m == "København" {
            "Københavns Kommune".to_string()
        } else {
            format!("{m} Kommune")
        };
        let (r, hospitals, _) = REGIONS[region(town.2)];
        let h = self.rng.pick(hospitals);
        fill(
            self.rng.pick(FIELDS[field].workplaces),
            &[('k', &k), ('m', m), ('h', h), ('r', r)],
        )
    }

    fn entries(mut self) -> Vec<CvEntry> {
        let field = self.rng.weighted(FIELDS, |f| f.weight);
        let f = &FIELDS[field];
        let mut out = Vec::with_capacity(20);
        let (today, by) = (self.today, self.birthday.year());
        let latest = today - days(1);

        // The occupations wished, all in the field so they are related.
        let n_wishes = [1, 1, 1, 1, 1, 2, 2, 2, 3, 3][self.rng.below(10)];
        let mut wished: Vec<Occupation> = Vec::new();
        for _ in 0..n_wishes * 3 {
            let o = self.occupation(field);
            if wished.len() < n_wishes && !wished.iter().any(|w| w.title == o.title) {
                wished.push(o);
            }
        }

        // Educations: a youth education for half; for two thirds the field's education that
        // fits the main wish best.
        let mut educations = Vec::new();
        if self.rng.per_mille(550) && ymd(by + 16, 8, 10) <= latest {
            let (e, inst, years) = self.rng.pick(YOUTH_EDUCATIONS);
            educations.push(education(
                e,
                self.rng.pick(inst),
                ymd(by + 16, 8, 10),
                ymd(by + 16 + years, 6, 25),
            ));
        }
        let mut main_education = OccupationEducation::None;
        let mut career_start = ymd(by + 17, 8, 1);
        if self.rng.per_mille(650) {
            let (e, inst, years) = f.educations[fitting_education(self.rng, f, wished[0].title)];
            let mut year = by + 19 + self.rng.range(0, 7) as i32;
            if ymd(year, 8, 25) > latest {
                year = latest.year() - 1 - self.rng.range(0, 1) as i32;
            }
            let (start, end) = (ymd(year, 8, 25), ymd(year + years, 6, 25));
            main_education = if end <= latest {
                OccupationEducation::Completed
            } else {
                OccupationEducation::InProgress
            };
            if end <= latest {
                career_start = end + days(self.rng.range(10, 200));
            }
            educations.push(education(e, self.rng.pick(inst), start, end));
        }

        // The jobs: mostly the wished occupations, some other work in the field, some
        // entry-level work elsewhere.
        let n_jobs = [1, 1, 2, 2, 2, 2, 3, 3, 3, 4][self.rng.below(10)];
        let mut jobs: Vec<Job> = Vec::new();
        for (n, period) in work_periods(self.rng, n_jobs, career_start, latest)
            .into_iter()
            .enumerate()
        {
            let r = self.rng.below(100);
            let (occupation, field) = if (n == 0 && r < 80) || r < 45 {
                (self.rng.pick(&wished), field)
            } else if r < 75 {
                (self.occupation(field), field)
            } else {
                let other = loop {
                    let g = self.rng.below(FIELDS.len());
                    if FIELDS[g].entry_level {
                        break g;
                    }
                };
                (self.occupation(other), other)
            };
            jobs.push(Job {
                occupation,
                field,
                period,
            });
        }
        let years_as = |title: &str| -> f64 {
            let d: i64 = jobs
                .iter()
                .filter(|j| j.occupation.title == title)
                .map(|j| (j.period.end().unwrap_or(today) - j.period.start()).num_days())
                .sum();
            d as f64 / 365.25
        };

        for (n, o) in wished.iter().enumerate() {
            let y = years_as(o.title);
            let experience = match y {
                y if y <= 0.0 => OccupationExperience::None,
                y if y < 1.0 => OccupationExperience::UnderOneYear,
                y if y < 3.0 => OccupationExperience::OneToThree,
                y if y < 5.0 => OccupationExperience::ThreeToFive,
                _ => OccupationExperience::OverFive,
            };
            let education = if n == 0 || self.rng.per_mille(500) {
                main_education
            } else {
                OccupationEducation::None
            };
            let conditions = self
                .rng
                .per_mille(250)
                .then(|| fill(self.rng.pick(CONDITIONS), &[('m', self.town.3)]));
            out.push(CvEntry::JobWish(JobWish {
                occupation: o.title.into(),
                disco08: o.disco08.into(),
                education,
                experience,
                conditions,
                working_time: if self.rng.per_mille(750) {
                    WorkingTime::FullTime
                } else {
                    WorkingTime::PartTime
                },
                employment_type: if self.rng.per_mille(800) {
                    EmploymentType::Permanent
                } else {
                    EmploymentType::FixedTerm
                },
                start_date: self
                    .rng
                    .per_mille(400)
                    .then(|| today + days(self.rng.range(2, 360))),
            }));
        }

        let work: Vec<WorkExperience> = jobs.iter().map(|job| self.work_experience(job)).collect();
        let main = wished[0];
        let (t, d, p) = forms(main.title);
        if self.rng.per_mille(950) {
            // "Senest på …" names the latest job when it was in the field.
            let workplace = match jobs.first() {
                Some(j) if j.field == field => work[0].workplace.clone(),
                _ => self.workplace(field),
            };
            out.push(CvEntry::Introduction(self.introduction(
                f,
                main_education,
                years_as(main.title),
                [t.as_str(), d.as_str(), p.as_str()],
                &workplace,
            )));
        }
        out.extend(work.into_iter().map(CvEntry::WorkExperience));
        out.extend(educations.into_iter().map(CvEntry::Education));
        self.skills(f, &mut out);
        self.extras(field, &p, &mut out);
        out
    }

    fn introduction(
        &mut self,
        f: &Field,
        education: OccupationEducation,
        years: f64,
        [t, d, p]: [&str; 3],
        workplace: &str,
    ) -> String {
        // Only templates chosen when years ≥ 1 say "{y} år".
        let y = (years.round() as i64).max(1).to_string();
        let x = self.rng.pick(f.tasks);
        let (a, b) = match self.rng.distinct(TRAITS, 2)[..] {
            [a, b] => (a, b),
            _ => ("ansvarsfuld", "positiv"),
        };
        let city = self.town.1;
        let hobby = self.rng.pick(HOBBIES);
        let vals = [
            ('t', t),
            ('d', d),
            ('p', p),
            ('n', f.people),
            ('w', workplace),
            ('y', y.as_str()),
            ('x', x),
            ('a', a),
            ('b', b),
            ('c', city),
            ('f', hobby),
        ];
        let open = match education {
            OccupationEducation::Completed if years < 1.0 => OPEN_GRADUATE,
            OccupationEducation::Completed => OPEN_EDUCATED,
            OccupationEducation::InProgress => OPEN_STUDENT,
            OccupationEducation::None if years >= 1.0 => OPEN_EXPERIENCED,
            OccupationEducation::None if years > 0.0 => OPEN_BEGINNER,
            OccupationEducation::None => OPEN_NEW,
        };
        let mut s = fill(self.rng.pick(open), &vals);
        for (list, p) in [(MIDDLE, 700), (TRAIT_SENTENCES, 1000), (CLOSING, 500)] {
            if self.rng.per_mille(p) {
                s.push(' ');
                s.push_str(&fill(self.rng.pick(list), &vals));
            }
        }
        s
    }

    fn work_experience(&mut self, job: &Job) -> WorkExperience {
        let f = &FIELDS[job.field];
        let (t, _, p) = forms(job.occupation.title);
        let position = match self.rng.below(100) {
            0..=74 => job.occupation.title.to_string(),
            75..=89 => t,
            _ => format!("Vikar som {t}"),
        };
        let n = self.rng.range(2, 4) as usize;
        let mut tasks = listing(&self.rng.distinct(f.tasks, n));
        tasks.push('.');
        if self.rng.per_mille(300) {
            tasks.push_str(&format!(" Oplæring af nye {p}."));
        }
        let good_at = self
            .rng
            .per_mille(300)
            .then(|| fill(self.rng.pick(GOOD_AT), &[('n', f.people), ('p', &p)]));
        let workplace = self.workplace(job.field);
        WorkExperience {
            position,
            workplace,
            tasks: Some(tasks),
            good_at,
            period: job.period,
        }
    }

    /// Languages, driving licences, qualifications and IT skills.
    fn skills(&mut self, f: &Field, out: &mut Vec<CvEntry>) {
        let rng = &mut *self.rng;
        let level = |rng: &mut Rng, levels: &[LanguageLevel]| rng.pick(levels);
        let mut languages: Vec<(&str, LanguageLevel)> = Vec::new();
        if rng.per_mille(960) {
            match self.origin {
                None => languages.push(("da", LanguageLevel::MotherTongue)),
                Some(o) => {
                    languages.push((o.0, LanguageLevel::MotherTongue));
                    if rng.per_mille(900) {
                        languages.push((
                            "da",
                            level(
                                rng,
                                &[
                                    LanguageLevel::A2,
                                    LanguageLevel::B1,
                                    LanguageLevel::B1,
                                    LanguageLevel::B2,
                                    LanguageLevel::C1,
                                ],
                            ),
                        ));
                    }
                }
            }
            if rng.per_mille(if self.origin.is_some() { 600 } else { 800 }) {
                use LanguageLevel::*;
                languages.push((
                    "en",
                    level(rng, &[A2, B1, B1, B1, B2, B2, B2, B2, C1, C1, C1, C2]),
                ));
            }
            if rng.per_mille(250) {
                languages.push((
                    rng.pick(&["de", "de", "de", "sv", "no", "fr", "es"]),
                    level(
                        rng,
                        &[
                            LanguageLevel::A1,
                            LanguageLevel::A2,
                            LanguageLevel::B1,
                            LanguageLevel::B2,
                        ],
                    ),
                ));
            }
        }
        // A foreign mother tongue may be German or English: keep the first of each language.
        let mut kept: Vec<&str> = Vec::new();
        for (code, level) in languages {
            if kept.len() < 3 && !kept.contains(&code) {
                kept.push(code);
                out.push(CvEntry::Language(Language {
                    language: code.into(),
                    level,
                }));
            }
        }

        let heavy = f
            .licences
            .iter()
            .find(|(_, p)| rng.per_mille(*p))
            .map(|(l, _)| *l);
        if heavy.is_some() || rng.per_mille(700) {
            out.push(CvEntry::DrivingLicence(DrivingLicence::B));
        }
        out.extend(heavy.map(CvEntry::DrivingLicence));

        if rng.per_mille(500) {
            let n = rng.range(1, 3) as usize;
            let list = if rng.per_mille(750) {
                f.qualifications
            } else {
                GENERAL_QUALIFICATIONS
            };
            out.extend(
                rng.distinct(list, n)
                    .into_iter()
                    .map(|q| CvEntry::Qualification(q.into())),
            );
        }
        if rng.per_mille(450) {
            let n = rng.range(0, 2) as usize;
            let mut skills = rng.distinct(GENERAL_IT, n);
            skills.extend(rng.distinct(f.it, 1));
            for skill in skills {
                let level = rng.pick(&[
                    ItLevel::Basic,
                    ItLevel::Intermediate,
                    ItLevel::Intermediate,
                    ItLevel::Advanced,
                    ItLevel::Expert,
                ]);
                out.push(CvEntry::ItSkill(ItSkill {
                    skill: skill.into(),
                    level,
                }));
            }
        }
    }

    /// Courses, certificates, volunteer work, "why I apply" and the hidden sections.
    fn extras(&mut self, field: usize, p: &str, out: &mut Vec<CvEntry>) {
        let f = &FIELDS[field];
        let (today, adult) = (self.today, self.birthday.year() + 18);
        if self.rng.per_mille(250) {
            let n = self.rng.range(1, 2) as usize;
            for course in self.rng.distinct(f.courses, n) {
                let end_year = self
                    .rng
                    .range(adult.min(today.year()) as i64, today.year() as i64)
                    as i32;
                let description = self
                    .rng
                    .per_mille(300)
                    .then(|| format!("Kursus for {p} og andre faggrupper."));
                out.push(CvEntry::Course(Course {
                    course: course.into(),
                    description,
                    end_year,
                    length_days: self.rng.range(1, 10) as u16,
                }));
            }
        }
        if !f.certificates.is_empty() && self.rng.per_mille(150) {
            let valid_until_year = self
                .rng
                .per_mille(500)
                .then(|| today.year() + self.rng.range(-1, 5) as i32);
            out.push(CvEntry::Certification(Certification {
                certificate: self.rng.pick(f.certificates).into(),
                description: None,
                valid_until_year,
            }));
        }
        if self.rng.per_mille(100) {
            let (role, organisation, tasks) = self.rng.pick(VOLUNTEERING);
            let start = (today - days(self.rng.range(60, 3650)))
                .max(ymd(adult - 2, 8, 1))
                .min(today - days(30));
            let end = self
                .rng
                .per_mille(400)
                .then(|| start + days(self.rng.range(0, (today - start).num_days() - 2)));
            let period = Period::from_stored(start, end).expect("end after start");
            let tasks = self.rng.per_mille(600).then(|| tasks.to_string());
            out.push(CvEntry::Volunteer(Volunteer {
                role: role.into(),
                organisation: fill(organisation, &[('m', self.town.3)]),
                period,
                tasks,
            }));
        }
        if self.rng.per_mille(40) {
            let company = self.workplace(field);
            let text = fill(
                self.rng.pick(WHY_APPLYING),
                &[('x', self.rng.pick(f.tasks)), ('n', f.people)],
            );
            out.push(CvEntry::WhyApplying(WhyApplying { company, text }));
        }
        if self.rng.per_mille(30) {
            out.push(CvEntry::SpecialConsiderations(
                self.rng.pick(SPECIAL_CONSIDERATIONS).into(),
            ));
        }
        if self.rng.per_mille(20) {
            let absence = if self.rng.per_mille(500) {
                let from = today - days(self.rng.range(0, 60));
                Absence {
                    kind: AbsenceKind::Sickness,
                    from,
                    to: self
                        .rng
                        .per_mille(500)
                        .then_some(today)
                        .filter(|t| *t >= from),
                }
            } else {
                let from = today + days(self.rng.range(10, 200));
                Absence {
                    kind: AbsenceKind::Vacation,
                    from,
                    to: Some(from + days(self.rng.range(6, 20))),
                }
            };
            out.push(CvEntry::Absence(absence));
        }
    }
}

/// The field's education sharing the longest word stem with the title ("Sygeplejerske",
/// "Professionsbachelor i sygepleje"); a random one when none shares four letters or a whole
/// title word.
fn fitting_education(rng: &mut Rng, f: &Field, title: &str) -> usize {
    let title = title.to_lowercase();
    let shared = |education: &str| {
        let education = education.to_lowercase();
        // A whole short title word ("kok" in "kokkeuddannelsen") counts as a strong match.
        let prefix =
            |w: &str, t: &str| match w.chars().zip(t.chars()).take_while(|(x, y)| x == y).count() {
                n if n >= 3 && n == t.chars().count() => n + 10,
                n => n,
            };
        education
            .split([' ', '(', ')'])
            .flat_map(|w| title.split(' ').map(move |t| prefix(w, t)))
            .max()
            .unwrap_or(0)
    };
    let mut best = (3, None);
    for (n, e) in f.educations.iter().enumerate() {
        let s = shared(e.0);
        if s > best.0 {
            best = (s, Some(n));
        }
    }
    best.1.unwrap_or_else(|| rng.below(f.educations.len()))
}

fn education(e: &str, institution: &str, start: NaiveDate, end: NaiveDate) -> Education {
    Education {
        education: e.into(),
        institution: institution.into(),
        description: None,
        start,
        end: Some(end),
    }
}

/// Up to `n` jobs, newest first, back from `latest` without overlap and never before
/// `earliest`; at least one. A third still hold the newest (job seekers in work).
fn work_periods(rng: &mut Rng, n: usize, earliest: NaiveDate, latest: NaiveDate) -> Vec<Period> {
    let earliest = earliest.min(latest - days(60));
    let mut end = rng
        .per_mille(650)
        .then(|| (latest - days(rng.range(0, 540))).max(earliest + days(30)));
    let mut cursor = end.unwrap_or(latest);
    let mut out = Vec::with_capacity(n);
    while out.len() < n && cursor > earliest {
        let months = match rng.below(4) {
            0 => rng.range(3, 12),
            1 | 2 => rng.range(12, 60),
            _ => rng.range(60, 180),
        };
        let start = (cursor - days(months * 30)).max(earliest);
        out.push(Period::from_stored(start, end).expect("start before end"));
        cursor = start - days(rng.range(1, 200));
        end = Some(cursor);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Data. Real Danish names, places and institutions; the people are made up.

const FIRST_F: &[&str] = &[
    "Anne",
    "Mette",
    "Kirsten",
    "Hanne",
    "Anna",
    "Helle",
    "Susanne",
    "Lene",
    "Maria",
    "Marianne",
    "Lone",
    "Camilla",
    "Pia",
    "Louise",
    "Charlotte",
    "Tina",
    "Gitte",
    "Bente",
    "Jette",
    "Karen",
    "Ida",
    "Julie",
    "Emma",
    "Sofie",
    "Laura",
    "Freja",
    "Clara",
    "Caroline",
    "Cecilie",
    "Mathilde",
    "Katrine",
    "Line",
    "Sara",
    "Christina",
    "Maja",
    "Nanna",
    "Signe",
    "Rikke",
    "Trine",
    "Stine",
    "Birgitte",
    "Inge",
    "Lise",
    "Dorthe",
    "Heidi",
    "Malene",
    "Mia",
    "Josefine",
    "Emilie",
    "Amalie",
    "Ella",
    "Alma",
    "Frida",
    "Astrid",
    "Karina",
    "Tanja",
    "Vibeke",
    "Jytte",
    "Annette",
    "Sanne",
];
const FIRST_M: &[&str] = &[
    "Peter",
    "Michael",
    "Lars",
    "Jens",
    "Thomas",
    "Henrik",
    "Søren",
    "Christian",
    "Martin",
    "Jan",
    "Morten",
    "Jesper",
    "Anders",
    "Niels",
    "Mads",
    "Rasmus",
    "Per",
    "Hans",
    "Jørgen",
    "Kim",
    "Ole",
    "Mikkel",
    "Frederik",
    "Jakob",
    "Kasper",
    "Nikolaj",
    "Jonas",
    "Simon",
    "Daniel",
    "Christoffer",
    "Mathias",
    "Emil",
    "Oliver",
    "William",
    "Lucas",
    "Noah",
    "Oscar",
    "Magnus",
    "Victor",
    "Tobias",
    "Sebastian",
    "Alexander",
    "Andreas",
    "Kristian",
    "Brian",
    "Bo",
    "Steen",
    "Torben",
    "Claus",
    "Carsten",
    "Flemming",
    "Erik",
    "Poul",
    "Allan",
    "Kenneth",
    "Rune",
    "Troels",
    "Bjarne",
    "Ulrik",
    "Johan",
];
const MIDDLE_F: &[&str] = &[
    "Marie", "Louise", "Sofie", "Kathrine", "Holm", "Møller", "Lund", "Skov", "Kjær", "Bach",
    "Dahl", "Juul", "Krogh", "Damgaard",
];
const MIDDLE_M: &[&str] = &[
    "Peter",
    "Christian",
    "Emil",
    "Valdemar",
    "Holm",
    "Møller",
    "Lund",
    "Skov",
    "Kjær",
    "Bach",
    "Dahl",
    "Juul",
    "Krogh",
    "Damgaard",
];
const SURNAMES: &[&str] = &[
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Christiansen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Knudsen",
    "Jakobsen",
    "Jacobsen",
    "Mikkelsen",
    "Olesen",
    "Frederiksen",
    "Laursen",
    "Henriksen",
    "Lund",
    "Schmidt",
    "Holm",
    "Eriksen",
    "Kristiansen",
    "Nissen",
    "Clausen",
    "Simonsen",
    "Svendsen",
    "Andreasen",
    "Iversen",
    "Jeppesen",
    "Mogensen",
    "Jespersen",
    "Nørgaard",
    "Jepsen",
    "Hemmingsen",
    "Vestergaard",
    "Thygesen",
    "Bertelsen",
    "Kjær",
    "Mathiasen",
    "Dam",
    "Bach",
    "Nygaard",
    "Lauridsen",
    "Friis",
    "Berg",
    "Kjeldsen",
    "Dahl",
    "Toft",
    "Carlsen",
    "Østergaard",
    "Søndergaard",
    "Winther",
    "Brandt",
    "Lassen",
    "Juhl",
    "Skov",
    "Krogh",
    "Bruun",
    "Steffensen",
    "Overgaard",
    "Gregersen",
    "Munk",
    "Koch",
    "Beck",
    "Holst",
    "Bang",
    "Enevoldsen",
    "Buch",
    "Riis",
];
/// (mother tongue, female first names, male first names, surnames, weight in ‰ of the 10 %)
const ORIGINS: &[Origin] = &[
    (
        "pl",
        &["Anna", "Katarzyna", "Magdalena", "Agnieszka"],
        &["Piotr", "Tomasz", "Krzysztof", "Marcin"],
        &["Nowak", "Wójcik", "Kowalczyk", "Mazur", "Krawczyk"],
        22,
    ),
    (
        "ar",
        &["Fatima", "Aisha", "Layla", "Mariam"],
        &["Ahmad", "Mohammed", "Ali", "Omar"],
        &["Hassan", "Ali", "Ahmed", "Khalil", "Haddad", "Saleh"],
        18,
    ),
    (
        "tr",
        &["Ayşe", "Elif", "Zeynep", "Fatma"],
        &["Mehmet", "Mustafa", "Emre", "Murat"],
        &["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk"],
        13,
    ),
    (
        "uk",
        &["Olena", "Iryna", "Oksana", "Natalia"],
        &["Oleksandr", "Andrii", "Dmytro", "Serhii"],
        &[
            "Kovalenko",
            "Shevchenko",
            "Bondarenko",
            "Tkachenko",
            "Melnyk",
        ],
        12,
    ),
    (
        "ro",
        &["Elena", "Ioana", "Andreea", "Maria"],
        &["Andrei", "Mihai", "Ionut", "Alexandru"],
        &["Popescu", "Ionescu", "Popa", "Stan", "Dumitru"],
        10,
    ),
    (
        "so",
        &["Hodan", "Amina", "Sahra", "Fadumo"],
        &["Abdi", "Mohamed", "Abdullahi", "Hassan"],
        &["Warsame", "Farah", "Osman", "Hussein", "Jama"],
        6,
    ),
    (
        "de",
        &["Julia", "Katharina", "Lena", "Sabine"],
        &["Lukas", "Felix", "Jan", "Stefan"],
        &["Müller", "Schmidt", "Schneider", "Fischer", "Weber"],
        10,
    ),
    (
        "en",
        &["Emily", "Sarah", "Hannah", "Rachel"],
        &["James", "John", "David", "Mark"],
        &["Smith", "Brown", "Wilson", "Taylor", "Evans"],
        9,
    ),
];
const STREETS: &[&str] = &[
    "Hovedgaden",
    "Vestergade",
    "Østergade",
    "Nørregade",
    "Søndergade",
    "Skolevej",
    "Kirkevej",
    "Stationsvej",
    "Møllevej",
    "Engvej",
    "Birkevej",
    "Bøgevej",
    "Egevej",
    "Granvej",
    "Lindevej",
    "Ahornvej",
    "Skovvej",
    "Strandvejen",
    "Parkvej",
    "Rosenvænget",
    "Violvej",
    "Kastanievej",
    "Ringvejen",
    "Industrivej",
    "Tværgade",
    "Jernbanegade",
    "Bakkevej",
    "Mosevej",
    "Solvej",
    "Klostergade",
    "Algade",
    "Torvegade",
    "Havnegade",
    "Fasanvej",
    "Lærkevej",
    "Vibevej",
    "Kildevej",
    "Grønnegade",
    "Bredgade",
    "Ny Østergade",
    "Margrethes Allé",
    "Frederiksgade",
    "Æblehaven",
    "Kærvej",
];
/// (postcode, city, municipality code, municipality, weight ≈ thousands of inhabitants)
const TOWNS: &[Town] = &[
    // Region Hovedstaden
    ("1360", "København K", "101", "København", 25),
    ("1620", "København V", "101", "København", 45),
    ("2100", "København Ø", "101", "København", 75),
    ("2200", "København N", "101", "København", 80),
    ("2300", "København S", "101", "København", 90),
    ("2400", "København NV", "101", "København", 45),
    ("2450", "København SV", "101", "København", 40),
    ("2500", "Valby", "101", "København", 50),
    ("2700", "Brønshøj", "101", "København", 40),
    ("2720", "Vanløse", "101", "København", 40),
    ("2000", "Frederiksberg", "147", "Frederiksberg", 105),
    ("2900", "Hellerup", "157", "Gentofte", 30),
    ("2820", "Gentofte", "157", "Gentofte", 25),
    ("2920", "Charlottenlund", "157", "Gentofte", 20),
    ("2800", "Kongens Lyngby", "173", "Lyngby-Taarbæk", 55),
    ("2860", "Søborg", "159", "Gladsaxe", 40),
    ("2880", "Bagsværd", "159", "Gladsaxe", 25),
    ("2730", "Herlev", "163", "Herlev", 30),
    ("2750", "Ballerup", "151", "Ballerup", 35),
    ("2740", "Skovlunde", "151", "Ballerup", 15),
    ("2600", "Glostrup", "161", "Glostrup", 23),
    ("2605", "Brøndby", "153", "Brøndby", 35),
    ("2610", "Rødovre", "175", "Rødovre", 40),
    ("2620", "Albertslund", "165", "Albertslund", 28),
    ("2625", "Vallensbæk", "187", "Vallensbæk", 16),
    ("2630", "Taastrup", "169", "Høje-Taastrup", 50),
    ("2635", "Ishøj", "183", "Ishøj", 23),
    ("2650", "Hvidovre", "167", "Hvidovre", 53),
    ("2770", "Kastrup", "185", "Tårnby", 43),
    ("2791", "Dragør", "155", "Dragør", 14),
    ("2840", "Holte", "230", "Rudersdal", 25),
    ("3460", "Birkerød", "230", "Rudersdal", 25),
    ("2970", "Hørsholm", "223", "Hørsholm", 25),
    ("2990", "Nivå", "210", "Fredensborg", 15),
    ("3480", "Fredensborg", "210", "Fredensborg", 10),
    ("3000", "Helsingør", "217", "Helsingør", 63),
    ("3400", "Hillerød", "219", "Hillerød", 52),
    ("3450", "Allerød", "201", "Allerød", 26),
    ("3500", "Værløse", "190", "Furesø", 20),
    ("3520", "Farum", "190", "Furesø", 20),
    ("3660", "Stenløse", "240", "Egedal", 43),
    ("3600", "Frederikssund", "250", "Frederikssund", 45),
    ("3300", "Frederiksværk", "260", "Halsnæs", 31),
    ("3200", "Helsinge", "270", "Gribskov", 41),
    ("3700", "Rønne", "400", "Bornholm", 39),
    // Region Sjælland
    ("4000", "Roskilde", "265", "Roskilde", 70),
    ("4040", "Jyllinge", "265", "Roskilde", 18),
    ("4600", "Køge", "259", "Køge", 62),
    ("2670", "Greve", "253", "Greve", 50),
    ("2680", "Solrød Strand", "269", "Solrød", 23),
    ("4200", "Slagelse", "330", "Slagelse", 60),
    ("4220", "Korsør", "330", "Slagelse", 20),
    ("4700", "Næstved", "370", "Næstved", 83),
    ("4300", "Holbæk", "316", "Holbæk", 72),
    ("4100", "Ringsted", "329", "Ringsted", 35),
    ("4400", "Kalundborg", "326", "Kalundborg", 48),
    ("4180", "Sorø", "340", "Sorø", 30),
    ("4800", "Nykøbing F", "376", "Guldborgsund", 60),
    ("4900", "Nakskov", "360", "Lolland", 40),
    ("4760", "Vordingborg", "390", "Vordingborg", 45),
    ("4690", "Haslev", "320", "Faxe", 36),
    ("4500", "Nykøbing Sj", "306", "Odsherred", 33),
    ("4330", "Hvalsø", "350", "Lejre", 28),
    ("4660", "Store Heddinge", "336", "Stevns", 23),
    // Region Syddanmark
    ("5000", "Odense C", "461", "Odense", 75),
    ("5200", "Odense V", "461", "Odense", 40),
    ("5210", "Odense NV", "461", "Odense", 30),
    ("5220", "Odense SØ", "461", "Odense", 30),
    ("5230", "Odense M", "461", "Odense", 30),
    ("5700", "Svendborg", "479", "Svendborg", 59),
    ("5500", "Middelfart", "410", "Middelfart", 39),
    ("5610", "Assens", "420", "Assens", 41),
    ("5600", "Faaborg", "430", "Faaborg-Midtfyn", 52),
    ("5800", "Nyborg", "450", "Nyborg", 32),
    ("5300", "Kerteminde", "440", "Kerteminde", 24),
    ("5400", "Bogense", "480", "Nordfyns", 30),
    ("5900", "Rudkøbing", "482", "Langeland", 12),
    ("5970", "Ærøskøbing", "492", "Ærø", 6),
    ("6000", "Kolding", "621", "Kolding", 95),
    ("6700", "Esbjerg", "561", "Esbjerg", 80),
    ("6705", "Esbjerg Ø", "561", "Esbjerg", 36),
    ("7100", "Vejle", "630", "Vejle", 120),
    ("7000", "Fredericia", "607", "Fredericia", 52),
    ("6400", "Sønderborg", "540", "Sønderborg", 74),
    ("6200", "Aabenraa", "580", "Aabenraa", 59),
    ("6100", "Haderslev", "510", "Haderslev", 55),
    ("6270", "Tønder", "550", "Tønder", 37),
    ("6600", "Vejen", "575", "Vejen", 43),
    ("6800", "Varde", "573", "Varde", 50),
    ("7190", "Billund", "530", "Billund", 27),
    // Region Midtjylland
    ("8000", "Aarhus C", "751", "Aarhus", 110),
    ("8200", "Aarhus N", "751", "Aarhus", 60),
    ("8210", "Aarhus V", "751", "Aarhus", 40),
    ("8220", "Brabrand", "751", "Aarhus", 35),
    ("8260", "Viby J", "751", "Aarhus", 45),
    ("8270", "Højbjerg", "751", "Aarhus", 35),
    ("8240", "Risskov", "751", "Aarhus", 25),
    ("8520", "Lystrup", "751", "Aarhus", 20),
    ("8700", "Horsens", "615", "Horsens", 97),
    ("8900", "Randers C", "730", "Randers", 100),
    ("7400", "Herning", "657", "Herning", 90),
    ("7500", "Holstebro", "661", "Holstebro", 59),
    ("8600", "Silkeborg", "740", "Silkeborg", 96),
    ("8800", "Viborg", "791", "Viborg", 98),
    ("7430", "Ikast", "756", "Ikast-Brande", 42),
    ("8660", "Skanderborg", "746", "Skanderborg", 64),
    ("8300", "Odder", "727", "Odder", 23),
    ("8500", "Grenaa", "707", "Norddjurs", 37),
    ("8400", "Ebeltoft", "706", "Syddjurs", 43),
    ("8370", "Hadsten", "710", "Favrskov", 49),
    ("7800", "Skive", "779", "Skive", 46),
    ("6950", "Ringkøbing", "760", "Ringkøbing-Skjern", 56),
    ("7600", "Struer", "671", "Struer", 21),
    ("7620", "Lemvig", "665", "Lemvig", 20),
    ("8722", "Hedensted", "766", "Hedensted", 47),
    ("8305", "Samsø", "741", "Samsø", 4),
    // Region Nordjylland
    ("9000", "Aalborg", "851", "Aalborg", 110),
    ("9200", "Aalborg SV", "851", "Aalborg", 30),
    ("9210", "Aalborg SØ", "851", "Aalborg", 25),
    ("9220", "Aalborg Øst", "851", "Aalborg", 30),
    ("9400", "Nørresundby", "851", "Aalborg", 25),
    ("9900", "Frederikshavn", "813", "Frederikshavn", 35),
    ("9300", "Sæby", "813", "Frederikshavn", 12),
    ("9990", "Skagen", "813", "Frederikshavn", 12),
    ("9800", "Hjørring", "860", "Hjørring", 45),
    ("9850", "Hirtshals", "860", "Hjørring", 10),
    ("9700", "Brønderslev", "810", "Brønderslev", 36),
    ("9600", "Aars", "820", "Vesthimmerlands", 37),
    ("9500", "Hobro", "846", "Mariagerfjord", 42),
    ("7700", "Thisted", "787", "Thisted", 43),
    ("7900", "Nykøbing M", "773", "Morsø", 20),
    ("9440", "Aabybro", "849", "Jammerbugt", 38),
    ("9530", "Støvring", "840", "Rebild", 30),
    ("9940", "Læsø", "825", "Læsø", 2),
];
/// Per region (see `region`): name, hospitals, landline prefixes.
const REGIONS: [(&str, &[&str], &[&str]); 5] = [
    (
        "Region Hovedstaden",
        &[
            "Rigshospitalet",
            "Herlev og Gentofte Hospital",
            "Bispebjerg og Frederiksberg Hospital",
            "Amager og Hvidovre Hospital",
            "Nordsjællands Hospital",
        ],
        &["33", "35", "36", "38", "39", "43", "44", "45", "48", "49"],
    ),
    (
        "Region Sjælland",
        &[
            "Sjællands Universitetshospital",
            "Næstved Sygehus",
            "Holbæk Sygehus",
            "Slagelse Sygehus",
            "Nykøbing F. Sygehus",
        ],
        &["46", "47", "55", "56", "57", "58", "59"],
    ),
    (
        "Region Syddanmark",
        &[
            "Odense Universitetshospital",
            "Sydvestjysk Sygehus",
            "Sygehus Lillebælt",
            "Sygehus Sønderjylland",
        ],
        &["62", "63", "64", "65", "66", "73", "74", "75", "76"],
    ),
    (
        "Region Midtjylland",
        &[
            "Aarhus Universitetshospital",
            "Regionshospitalet Gødstrup",
            "Regionshospitalet Randers",
            "Regionshospitalet Horsens",
            "Regionshospitalet Viborg",
        ],
        &["86", "87", "88", "89", "96", "97"],
    ),
    (
        "Region Nordjylland",
        &[
            "Aalborg Universitetshospital",
            "Regionshospital Nordjylland",
        ],
        &["96", "98", "99"],
    ),
];
const MOBILE: &[&str] = &[
    "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "40", "41", "42", "50",
    "51", "52", "53", "60", "61", "71", "81", "91", "92", "93",
];

const PROF: &[&str] = &[
    "Københavns Professionshøjskole",
    "Professionshøjskolen Absalon",
    "UC SYD",
    "UCL Erhvervsakademi og Professionshøjskole",
    "VIA University College",
    "Professionshøjskolen UCN",
];
const UNI: &[&str] = &[
    "Københavns Universitet",
    "Aarhus Universitet",
    "Syddansk Universitet",
    "Aalborg Universitet",
    "Roskilde Universitet",
    "Danmarks Tekniske Universitet",
    "Copenhagen Business School",
];
const ACADEMY: &[&str] = &[
    "Københavns Erhvervsakademi (KEA)",
    "Erhvervsakademi Aarhus",
    "Erhvervsakademi Dania",
    "Zealand – Sjællands Erhvervsakademi",
    "Erhvervsakademi MidtVest",
    "Cphbusiness",
];
const VOCATIONAL: &[&str] = &[
    "TEC – Technical Education Copenhagen",
    "NEXT Uddannelse København",
    "Aarhus Tech",
    "Mercantec",
    "Syddansk Erhvervsskole",
    "EUC Syd",
    "EUC Nordvest",
    "Tech College Aalborg",
    "ZBC",
    "Learnmark Horsens",
];
const SOSU: &[&str] = &[
    "SOSU H",
    "SOSU Østjylland",
    "SOSU Fyn",
    "SOSU Nord",
    "SOSU Syd",
    "SOSU Esbjerg",
];
const BUSINESS: &[&str] = &[
    "Niels Brock",
    "Tradium",
    "IBC International Business College",
    "Business College Syd",
    "Aalborg Handelsskole",
    "Roskilde Handelsskole",
];
const AGRI: &[&str] = &[
    "Jordbrugets Uddannelsescenter Århus",
    "Dalum Landbrugsskole",
    "Bygholm Landbrugsskole",
    "Kold College",
    "Gråsten Landbrugsskole",
];
const YOUTH_EDUCATIONS: &[(&str, &[&str], i32)] = &[
    (
        "Studentereksamen (stx)",
        &[
            "Aarhus Katedralskole",
            "Odense Katedralskole",
            "Aalborg Katedralskole",
            "Roskilde Katedralskole",
            "Viborg Katedralskole",
            "Rysensteen Gymnasium",
            "Horsens Gymnasium & HF",
            "Frederikshavn Gymnasium",
            "Rosborg Gymnasium & HF",
            "Ribe Katedralskole",
        ],
        3,
    ),
    (
        "Studentereksamen (stx)",
        &[
            "Nørre Gymnasium",
            "Esbjerg Gymnasium",
            "Silkeborg Gymnasium",
            "Næstved Gymnasium og HF",
            "Hjørring Gymnasium",
        ],
        3,
    ),
    (
        "Højere forberedelseseksamen (hf)",
        &[
            "VUC Storstrøm",
            "Københavns VUC",
            "VUC Aarhus",
            "VUC Syd",
            "VUC Nordjylland",
        ],
        2,
    ),
    ("Højere handelseksamen (hhx)", BUSINESS, 3),
    ("Højere teknisk eksamen (htx)", VOCATIONAL, 3),
];

const FIELDS: &[Field] = &[
    Field {
        weight: 8,
        entry_level: false,
        disco: &["22", "321", "325"],
        people: "patienterne",
        common: &[
            "Sygeplejerske",
            "Læge",
            "Fysioterapeut",
            "Ergoterapeut",
            "Jordemoder",
            "Radiograf",
            "Bioanalytiker",
            "Tandplejer",
            "Tandklinikassistent",
            "Sundhedsplejerske",
        ],
        tasks: &[
            "pleje af patienter",
            "medicinhåndtering",
            "dokumentation i patientjournalen",
            "vejledning af pårørende",
            "genoptræning",
            "sårpleje",
            "undersøgelse og behandling",
            "akutte funktioner",
        ],
        workplaces: &[
            "{h}",
            "{h}",
            "{h}",
            "{k}",
            "{r}",
            "Lægehuset i {m}",
            "{m} Fysioterapi",
            "Tandlægerne i {m}",
        ],
        educations: &[
            ("Professionsbachelor i sygepleje", PROF, 4),
            ("Professionsbachelor i fysioterapi", PROF, 4),
            ("Professionsbachelor i ergoterapi", PROF, 4),
            ("Cand.med.", UNI, 6),
            ("Tandklinikassistentuddannelsen", VOCATIONAL, 3),
        ],
        qualifications: &[
            "Sårpleje",
            "Medicinhåndtering",
            "Akut sygepleje",
            "Genoptræning",
            "Palliation",
            "Journalføring",
        ],
        it: &["Sundhedsplatformen", "EPJ", "Cura"],
        courses: &[
            "Hjerte-lunge-redning (HLR)",
            "Kursus i palliativ pleje",
            "Hygiejne i sundhedssektoren",
        ],
        certificates: &["Autorisation som sundhedsperson"],
        licences: &[],
    },
    Field {
        weight: 9,
        entry_level: true,
        disco: &["532"],
        people: "borgerne",
        common: &[
            "Social- og sundhedsassistent",
            "Social- og sundhedshjælper",
            "Hjemmehjælper",
            "Plejehjemsassistent",
            "Sygehjælper",
            "Portør",
            "Handicaphjælper",
            "Plejemedhjælper",
        ],
        tasks: &[
            "personlig pleje",
            "praktisk hjælp i hjemmet",
            "medicinadministration",
            "forflytninger",
            "rehabilitering",
            "samarbejde med pårørende",
            "dokumentation",
            "aktiviteter for beboerne",
        ],
        workplaces: &[
            "{k}",
            "{k}",
            "Hjemmeplejen, {k}",
            "Plejecenter Solgården",
            "Plejehjemmet Engbo",
            "Plejecenter Lindehuset",
            "{h}",
            "Aleris",
        ],
        educations: &[
            ("Social- og sundhedsassistentuddannelsen", SOSU, 3),
            ("Social- og sundhedshjælperuddannelsen", SOSU, 2),
            ("Grundforløb til social- og sundhedsuddannelserne", SOSU, 1),
        ],
        qualifications: &[
            "Forflytning",
            "Demens",
            "Rehabilitering",
            "Medicinhåndtering",
            "Omsorg",
            "Personlig pleje",
        ],
        it: &["Cura", "Nexus", "Fælles Sprog III"],
        courses: &["Forflytningskursus", "Demenskursus", "Førstehjælp"],
        certificates: &[],
        licences: &[],
    },
    Field {
        weight: 9,
        entry_level: false,
        disco: &["23", "531"],
        people: "børnene",
        common: &[
            "Pædagog",
            "Pædagogmedhjælper",
            "Pædagogisk assistent",
            "Dagplejer",
            "Folkeskolelærer",
            "Lærer",
            "Vuggestuepædagog",
            "Gymnasielærer",
            "Socialpædagog",
            "Speciallærer",
        ],
        tasks: &[
            "pædagogiske aktiviteter",
            "forældresamarbejde",
            "sprogarbejde med de mindste",
            "planlægning af undervisning",
            "udeliv og natur",
            "inklusion",
            "skole-hjem-samarbejde",
            "arbejde med læreplaner",
        ],
        workplaces: &[
            "{k}",
            "Børnehuset Mælkebøtten",
            "Vuggestuen Solsikken",
            "Børnehaven Troldehøjen",
            "Skovvangskolen",
            "Østre Skole",
            "Dagplejen, {k}",
            "{m} Efterskole",
        ],
        educations: &[
            ("Professionsbachelor som pædagog", PROF, 4),
            ("Professionsbachelor som lærer i folkeskolen", PROF, 4),
            ("Pædagogisk assistentuddannelse (PAU)", SOSU, 3),
            ("Cand.mag. i dansk", UNI, 5),
        ],
        qualifications: &[
            "Sprogvurdering",
            "Motorik",
            "Inklusion",
            "Forældresamarbejde",
            "Undervisning",
            "Klasseledelse",
        ],
        it: &["Aula", "Tabulex", "Meebook"],
        courses: &["Førstehjælp til børn", "Sprogpakken", "Kursus i ICDP"],
        certificates: &["Børneattest"],
        licences: &[],
    },
    Field {
        weight: 9,
        entry_level: false,
        disco: &["41", "42", "43", "44", "331", "333", "334", "335"],
        people: "kunderne",
        common: &[
            "Kontorassistent",
            "Administrativ medarbejder",
            "Sekretær",
            "Bogholder",
            "Receptionist",
            "Kundeservicemedarbejder",
            "Lønbogholder",
            "Lægesekretær",
            "Sagsbehandler",
            "HR-assistent",
            "Regnskabsassistent",
        ],
        tasks: &[
            "telefonbetjening",
            "fakturering",
            "bogføring",
            "journalisering",
            "mødeplanlægning",
            "kundeservice",
            "lønadministration",
            "sagsbehandling",
        ],
        workplaces: &[
            "{k}",
            "{k}",
            "{r}",
            "Skattestyrelsen",
            "Udbetaling Danmark",
            "Danske Bank",
            "Tryg Forsikring",
            "Nordea",
            "{m} Revision",
        ],
        educations: &[
            ("Kontoruddannelse (EUD)", BUSINESS, 2),
            ("Finansøkonom", ACADEMY, 2),
            ("Lægesekretæruddannelsen", BUSINESS, 2),
            ("Administrationsøkonom", ACADEMY, 2),
        ],
        qualifications: &[
            "Bogføring",
            "Fakturering",
            "Kundeservice",
            "Lønadministration",
            "Journalisering",
            "Telefonbetjening",
        ],
        it: &["e-conomic", "Navision", "SAP", "KMD Opus"],
        courses: &[
            "Excel for øvede",
            "Professionel telefonbetjening",
            "Bogføringsloven i praksis",
        ],
        certificates: &[],
        licences: &[],
    },
    Field {
        weight: 5,
        entry_level: false,
        disco: &["24", "261", "263"],
        people: "kunderne",
        common: &[
            "Controller",
            "Revisor",
            "HR-konsulent",
            "Fuldmægtig",
            "Jobkonsulent",
            "Kommunikationsmedarbejder",
            "Projektleder",
            "Økonom",
            "Jurist",
            "Socialrådgiver",
            "Marketingkonsulent",
        ],
        tasks: &[
            "budgetopfølgning",
            "regnskabsanalyse",
            "rekruttering",
            "rådgivning af ledere",
            "projektledelse",
            "kommunikation og presse",
            "juridisk rådgivning",
            "afrapportering",
        ],
        workplaces: &[
            "Deloitte",
            "PwC",
            "EY",
            "Novo Nordisk",
            "Jobcenter {m}",
            "{k}",
            "Mærsk",
            "Carlsberg",
            "Danske Bank",
        ],
        educations: &[
            ("Cand.merc.", UNI, 5),
            ("HA i erhvervsøkonomi", UNI, 3),
            ("Cand.jur.", UNI, 5),
            ("Professionsbachelor i socialt arbejde", PROF, 4),
            ("Cand.polit.", UNI, 5),
        ],
        qualifications: &[
            "Projektledelse",
            "Budgetlægning",
            "Rekruttering",
            "Forhandling",
            "Skriftlig formidling",
            "Forvaltningsret",
        ],
        it: &["Power BI", "SAP", "Umbraco"],
        courses: &[
            "Prince2 Foundation",
            "Certificeret projektleder",
            "Lean i praksis",
        ],
        certificates: &["Prince2 Practitioner"],
        licences: &[],
    },
    Field {
        weight: 4,
        entry_level: false,
        disco: &["25", "35"],
        people: "brugerne",
        common: &[
            "Softwareudvikler",
            "Systemudvikler",
            "IT-supporter",
            "IT-konsulent",
            "Webudvikler",
            "Systemadministrator",
            "Datatekniker",
            "Programmør",
        ],
        tasks: &[
            "udvikling af webapplikationer",
            "drift af servere",
            "brugersupport",
            "test og kvalitetssikring",
            "databaser",
            "IT-sikkerhed",
            "systemintegration",
            "kodegennemgang",
        ],
        workplaces: &[
            "Netcompany",
            "Systematic",
            "KMD",
            "Trifork",
            "Jyske Bank",
            "Saxo Bank",
            "IT-afdelingen, {k}",
            "{r}",
            "Vestas",
        ],
        educations: &[
            ("Datamatiker", ACADEMY, 3),
            ("Cand.scient. i datalogi", UNI, 5),
            ("Datatekniker (EUD)", VOCATIONAL, 4),
            ("Professionsbachelor i softwareudvikling", ACADEMY, 4),
        ],
        qualifications: &[
            "Systemudvikling",
            "Fejlfinding",
            "Agile metoder",
            "Netværk",
            "Databasedesign",
            "IT-sikkerhed",
        ],
        it: &["Rust", "Java", "C#", "Python", "SQL", "Linux", "Azure"],
        courses: &[
            "Scrum Master",
            "ITIL Foundation",
            "Kursus i cloud-arkitektur",
        ],
        certificates: &["Microsoft Certified: Azure Fundamentals", "Cisco CCNA"],
        licences: &[],
    },
    Field {
        weight: 4,
        entry_level: false,
        disco: &["21", "31"],
        people: "kunderne",
        common: &[
            "Ingeniør",
            "Maskiningeniør",
            "Bygningskonstruktør",
            "Laborant",
            "Maskinmester",
            "Arkitekt",
            "Elektroingeniør",
            "Bygningsingeniør",
            "Teknisk tegner",
        ],
        tasks: &[
            "projektering",
            "tekniske beregninger",
            "kvalitetssikring",
            "laboratorieanalyser",
            "tegning i CAD",
            "byggestyring",
            "vedligehold af tekniske anlæg",
            "energioptimering",
        ],
        workplaces: &[
            "Rambøll",
            "COWI",
            "NIRAS",
            "Vestas",
            "Grundfos",
            "Danfoss",
            "Sweco",
            "Novo Nordisk",
        ],
        educations: &[
            ("Diplomingeniør i maskinteknik", UNI, 4),
            ("Civilingeniør (cand.polyt.)", UNI, 5),
            ("Bygningskonstruktør", ACADEMY, 4),
            ("Laborant", ACADEMY, 3),
            ("Maskinmester", ACADEMY, 4),
        ],
        qualifications: &[
            "Projektering",
            "Kvalitetsstyring",
            "Statik",
            "Energirådgivning",
            "Laboratoriearbejde",
        ],
        it: &["AutoCAD", "Revit", "SolidWorks", "MATLAB"],
        courses: &["Arbejdsmiljø for ledere", "Byggeledelse", "GMP i praksis"],
        certificates: &["Energikonsulent"],
        licences: &[],
    },
    Field {
        weight: 3,
        entry_level: false,
        disco: &["12", "13", "14"],
        people: "medarbejderne",
        common: &[
            "Butikschef",
            "Daginstitutionsleder",
            "Produktionschef",
            "Lagerchef",
            "Økonomichef",
            "HR-chef",
            "Salgschef",
            "Restaurantchef",
            "Byggeleder",
            "Plejehjemsleder",
        ],
        tasks: &[
            "personaleledelse",
            "budgetansvar",
            "vagtplanlægning",
            "strategisk udvikling",
            "medarbejderudviklingssamtaler",
            "driftsledelse",
            "kvalitetsopfølgning",
        ],
        workplaces: &[
            "{k}",
            "Salling Group",
            "Coop Danmark",
            "Arla Foods",
            "Danish Crown",
            "Bilka {m}",
            "Jysk",
            "ISS Facility Services",
        ],
        educations: &[
            ("Diplomuddannelse i ledelse", PROF, 3),
            ("Cand.merc.", UNI, 5),
            ("Merkonom", BUSINESS, 2),
        ],
        qualifications: &[
            "Personaleledelse",
            "Forandringsledelse",
            "Budgetansvar",
            "Strategi",
            "Coaching",
        ],
        it: &["Microsoft Dynamics", "Power BI", "SAP"],
        courses: &[
            "Lederuddannelse",
            "Konflikthåndtering for ledere",
            "Arbejdsmiljø for ledere",
        ],
        certificates: &[],
        licences: &[],
    },
    Field {
        weight: 8,
        entry_level: true,
        disco: &["52", "332"],
        people: "kunderne",
        common: &[
            "Butiksassistent",
            "Ekspedient",
            "Butiksmedarbejder",
            "Kassemedarbejder",
            "Sælger",
            "Salgskonsulent",
            "Telefonsælger",
            "Kioskassistent",
            "Salgsrepræsentant",
        ],
        tasks: &[
            "kundebetjening",
            "kassebetjening",
            "varepåfyldning",
            "vareopstilling",
            "salg",
            "modtagelse af varer",
            "telefonsalg",
            "mersalg",
        ],
        workplaces: &[
            "Netto",
            "Føtex {m}",
            "Bilka {m}",
            "Rema 1000",
            "Lidl",
            "Matas",
            "Jysk",
            "Elgiganten",
            "Power",
            "SuperBrugsen {m}",
            "Meny {m}",
        ],
        educations: &[
            ("Detailhandelsuddannelsen (EUD)", BUSINESS, 2),
            ("Handelsuddannelsen (EUD)", BUSINESS, 2),
            ("Markedsføringsøkonom", ACADEMY, 2),
        ],
        qualifications: &[
            "Kundeservice",
            "Salg",
            "Kassebetjening",
            "Vareopfyldning",
            "Visual merchandising",
        ],
        it: &["Kassesystem", "Shopify"],
        courses: &["Salgsteknik", "Kundeservice i detailhandlen", "Førstehjælp"],
        certificates: &[],
        licences: &[],
    },
    Field {
        weight: 6,
        entry_level: true,
        disco: &["512", "513", "941", "3434"],
        people: "gæsterne",
        common: &[
            "Kok",
            "Tjener",
            "Køkkenassistent",
            "Køkkenmedhjælper",
            "Ernæringsassistent",
            "Bartender",
            "Barista",
            "Opvasker",
            "Smørrebrødsjomfru",
            "Serveringsmedarbejder",
            "Chefkok",
        ],
        tasks: &[
            "tilberedning af mad",
            "anretning",
            "servering",
            "hygiejne og egenkontrol",
            "vareindkøb",
            "opvask",
            "bestilling af varer",
            "betjening af gæster",
        ],
        workplaces: &[
            "Restaurant Havnen",
            "Café Victor",
            "Comwell",
            "Madklubben",
            "Kantinen, {k}",
            "Sticks'n'Sushi",
            "Jensens Bøfhus",
            "Scandic {m}",
            "Restaurant Skovpavillonen",
        ],
        educations: &[
            ("Kokkeuddannelsen (EUD)", VOCATIONAL, 4),
            ("Ernæringsassistentuddannelsen (EUD)", VOCATIONAL, 3),
            ("Tjeneruddannelsen (EUD)", VOCATIONAL, 3),
        ],
        qualifications: &[
            "Madlavning",
            "Hygiejne",
            "Egenkontrol",
            "Servering",
            "Vinkendskab",
            "Kaffebrygning",
        ],
        it: &["Kassesystem", "Planday"],
        courses: &["Hygiejnekursus", "Allergener i køkkenet", "Vinkursus"],
        certificates: &["Hygiejnebevis"],
        licences: &[],
    },
    Field {
        weight: 7,
        entry_level: false,
        disco: &["71", "931"],
        people: "kunderne",
        common: &[
            "Tømrer",
            "Murer",
            "Maler",
            "Snedker",
            "VVS-installatør",
            "Bygningsarbejder",
            "Stilladsarbejder",
            "Tagdækker",
            "Anlægsarbejder",
            "Jord- og betonarbejder",
        ],
        tasks: &[
            "tømrerarbejde",
            "murerarbejde",
            "renovering",
            "tagarbejde",
            "opsætning af gips",
            "støbning af fundamenter",
            "maling og spartling",
            "stilladsmontage",
        ],
        workplaces: &[
            "MT Højgaard",
            "Per Aarsleff",
            "NCC",
            "Enemærke & Petersen",
            "{m} Tømrer og Snedker ApS",
            "Murerfirmaet Hansen & Søn",
            "Malerfirmaet Larsen ApS",
            "Hoffmann",
        ],
        educations: &[
            ("Tømrer (EUD)", VOCATIONAL, 4),
            ("Murer (EUD)", VOCATIONAL, 4),
            ("Maler (EUD)", VOCATIONAL, 4),
            ("VVS-energiuddannelsen (EUD)", VOCATIONAL, 4),
        ],
        qualifications: &[
            "Tagarbejde",
            "Renovering",
            "Gipsarbejde",
            "Flisearbejde",
            "Stilladsmontage",
            "Læsning af tegninger",
        ],
        it: &["Ordrestyring", "Minuba"],
        courses: &["Asbestkursus", "Stilladskursus", "Arbejde i højden"],
        certificates: &["Stilladsbevis", "Asbestcertifikat"],
        licences: &[(DrivingLicence::Be, 150)],
    },
    Field {
        weight: 5,
        entry_level: false,
        disco: &["72", "74"],
        people: "kunderne",
        common: &[
            "Elektriker",
            "Automekaniker",
            "Smed",
            "Industrimekaniker",
            "Klejnsmed",
            "Svejser",
            "Mekaniker",
            "Elinstallatør",
            "Vindmølletekniker",
            "CNC-operatør",
        ],
        tasks: &[
            "el-installationer",
            "fejlfinding",
            "svejsning",
            "reparation af biler",
            "service og vedligehold",
            "montage",
            "klargøring af maskiner",
            "CNC-programmering",
        ],
        workplaces: &[
            "Bravida",
            "Kemp & Lauritzen",
            "Vestas",
            "Grundfos",
            "Danfoss",
            "Bilhuset {m}",
            "Smedefirmaet Jensen ApS",
            "Siemens Gamesa",
            "Semler",
        ],
        educations: &[
            ("Elektriker (EUD)", VOCATIONAL, 4),
            ("Smed (EUD)", VOCATIONAL, 4),
            ("Personvognsmekaniker (EUD)", VOCATIONAL, 4),
            ("Industritekniker (EUD)", VOCATIONAL, 4),
        ],
        qualifications: &[
            "Fejlfinding",
            "Svejsning",
            "El-installation",
            "Hydraulik",
            "PLC-styring",
            "Diagnosticering",
        ],
        it: &["Autodata", "Siemens TIA Portal"],
        courses: &[
            "Svejsecertifikat",
            "Elsikkerhed (L-AUS)",
            "Kølemiddelkursus",
        ],
        certificates: &["Svejsecertifikat EN ISO 9606-1"],
        licences: &[(DrivingLicence::Be, 100)],
    },
    Field {
        weight: 6,
        entry_level: true,
        disco: &["81", "82", "75", "932"],
        people: "kollegerne",
        common: &[
            "Produktionsmedarbejder",
            "Maskinoperatør",
            "Procesoperatør",
            "Slagteriarbejder",
            "Industrislagter",
            "Fabriksarbejder",
            "Bager",
            "Montagearbejder",
            "Pakkemedarbejder",
            "Fødevareoperatør",
        ],
        tasks: &[
            "betjening af produktionsanlæg",
            "pakning",
            "kvalitetskontrol",
            "omstilling af maskiner",
            "slagtning og udskæring",
            "bagning",
            "montagearbejde",
            "rengøring af produktionslinjen",
        ],
        workplaces: &[
            "Danish Crown",
            "Arla Foods",
            "Carlsberg",
            "LEGO",
            "Grundfos",
            "Rockwool",
            "Tulip",
            "Lantmännen Schulstad",
            "Ecco",
            "Velux",
        ],
        educations: &[
            ("Procesoperatør (EUD)", VOCATIONAL, 3),
            ("Bager og konditor (EUD)", VOCATIONAL, 4),
            ("Industrioperatør (EUD)", VOCATIONAL, 2),
            ("Slagter (EUD)", VOCATIONAL, 3),
        ],
        qualifications: &[
            "Truckkørsel",
            "Kvalitetskontrol",
            "Lean",
            "Maskinbetjening",
            "Hygiejne",
            "5S",
        ],
        it: &["SAP", "Navision"],
        courses: &["Truckcertifikat", "Lean i produktionen", "Fødevarehygiejne"],
        certificates: &["Truckcertifikat B"],
        licences: &[(DrivingLicence::C1, 50)],
    },
    Field {
        weight: 7,
        entry_level: true,
        disco: &["83", "432", "933", "4412"],
        people: "kunderne",
        common: &[
            "Lastbilchauffør",
            "Buschauffør",
            "Lagermedarbejder",
            "Lagerarbejder",
            "Taxichauffør",
            "Truckfører",
            "Gaffeltruckfører",
            "Postbud",
            "Varebilschauffør",
            "Chauffør (personbil/taxi)",
        ],
        tasks: &[
            "distribution af varer",
            "kørsel med lastbil",
            "pluk og pak",
            "truckkørsel",
            "lageradministration",
            "personbefordring",
            "ruteplanlægning",
            "varemodtagelse",
        ],
        workplaces: &[
            "PostNord",
            "DSV",
            "DFDS",
            "GLS",
            "Arriva",
            "Keolis",
            "DHL Express",
            "Dantaxi",
            "Coop Centrallager",
            "{m} Vognmandsforretning",
        ],
        educations: &[
            ("Vejgodstransportuddannelsen (EUD)", VOCATIONAL, 2),
            ("Lager- og terminaluddannelsen (EUD)", VOCATIONAL, 2),
            ("Buschauffør i kollektiv trafik (EUD)", VOCATIONAL, 1),
        ],
        qualifications: &[
            "Truckkørsel",
            "Ruteplanlægning",
            "Lagerstyring",
            "Pluk og pak",
            "Kundeservice",
        ],
        it: &["Lagerstyringssystem", "Scanner og håndterminal"],
        courses: &[
            "Efteruddannelse for chauffører (EU)",
            "Truckcertifikat",
            "Kørsel med farligt gods (ADR)",
        ],
        certificates: &["ADR-bevis", "Truckcertifikat B", "Chaufføruddannelsesbevis"],
        licences: &[
            (DrivingLicence::Ce, 350),
            (DrivingLicence::C, 150),
            (DrivingLicence::D, 120),
        ],
    },
    Field {
        weight: 5,
        entry_level: true,
        disco: &["91", "515", "514", "96"],
        people: "beboerne",
        common: &[
            "Rengøringsassistent",
            "Rengøringsmedarbejder",
            "Ejendomsservicetekniker",
            "Pedel",
            "Vicevært",
            "Vinduespudser",
            "Frisør",
            "Skraldemand",
            "Altmuligmand",
        ],
        tasks: &[
            "rengøring af kontorer",
            "hovedrengøring",
            "vinduespudsning",
            "vedligehold af bygninger",
            "pleje af grønne områder",
            "affaldshåndtering",
            "klipning og farvning",
            "småreparationer",
        ],
        workplaces: &[
            "ISS Facility Services",
            "Elite Miljø",
            "Forenede Service",
            "Coor",
            "{m} Boligselskab",
            "{k}",
            "Salon Klip",
            "Renovationen, {k}",
        ],
        educations: &[
            ("Ejendomsservicetekniker (EUD)", VOCATIONAL, 4),
            ("Frisør (EUD)", VOCATIONAL, 4),
            ("Serviceassistent (EUD)", VOCATIONAL, 2),
        ],
        qualifications: &[
            "Rengøring",
            "Vinduespudsning",
            "Bygningsvedligehold",
            "Affaldssortering",
            "Farvning",
        ],
        it: &["Planday", "Ejendomsdrift-app"],
        courses: &["Rengøringsteknik", "Kemi og arbejdsmiljø", "Førstehjælp"],
        certificates: &[],
        licences: &[],
    },
    Field {
        weight: 2,
        entry_level: false,
        disco: &["61", "62", "92"],
        people: "kunderne",
        common: &[
            "Landbrugsmedhjælper",
            "Gartner",
            "Anlægsgartner",
            "Landmand",
            "Fisker",
            "Skovarbejder",
            "Gartnermedhjælper",
            "Parkarbejder",
        ],
        tasks: &[
            "pasning af dyr",
            "markarbejde",
            "maskinkørsel",
            "plantning og beskæring",
            "pleje af grønne områder",
            "fodring",
            "høst",
            "vedligehold af maskiner",
        ],
        workplaces: &[
            "Hedegaard Landbrug",
            "DLG",
            "Naturstyrelsen",
            "Park og Vej, {k}",
            "Gartneriet Bøgholt",
            "Østergaard Maskinstation",
            "Danish Agro",
        ],
        educations: &[
            ("Landbrugsuddannelsen (EUD)", AGRI, 4),
            ("Anlægsgartner (EUD)", VOCATIONAL, 4),
            ("Jordbrugsteknolog", ACADEMY, 2),
        ],
        qualifications: &[
            "Traktorkørsel",
            "Dyrepasning",
            "Beskæring",
            "Planteværn",
            "Maskinvedligehold",
        ],
        it: &["Dyreregistrering (CHR)", "Mark Online"],
        courses: &["Sprøjtecertifikat", "Motorsavskursus", "Førstehjælp"],
        certificates: &["Sprøjtecertifikat"],
        licences: &[(DrivingLicence::Be, 250)],
    },
    Field {
        weight: 2,
        entry_level: false,
        disco: &["54", "0"],
        people: "borgerne",
        common: &[
            "Vagt",
            "Sikkerhedsvagt",
            "Fængselsbetjent",
            "Politibetjent",
            "Brandmand",
            "Soldat",
            "Konstabel",
            "Vægter",
        ],
        tasks: &[
            "vagtrundering",
            "adgangskontrol",
            "overvågning",
            "førstehjælp",
            "brandslukning",
            "konfliktnedtrapning",
            "patruljering",
            "tilsyn med indsatte",
        ],
        workplaces: &[
            "G4S",
            "Securitas",
            "Forsvaret",
            "Kriminalforsorgen",
            "Københavns Politi",
            "Midt- og Vestjyllands Politi",
            "Beredskab Fyn",
            "Hovedstadens Beredskab",
        ],
        educations: &[
            ("Sikkerhedsvagt (EUD)", VOCATIONAL, 1),
            ("Politiuddannelsen", &["Politiskolen"], 3),
            (
                "Fængselsbetjentuddannelsen",
                &["Kriminalforsorgens Uddannelsescenter"],
                3,
            ),
        ],
        qualifications: &[
            "Konflikthåndtering",
            "Adgangskontrol",
            "Førstehjælp",
            "Brandslukning",
            "Overvågning",
        ],
        it: &["Videoovervågning", "Adgangskontrolsystemer"],
        courses: &["Vagtuddannelse", "Konfliktnedtrapning", "Førstehjælp"],
        certificates: &["Vagtkort"],
        licences: &[],
    },
    Field {
        weight: 2,
        entry_level: false,
        disco: &["264", "265", "343", "342", "2166"],
        people: "brugerne",
        common: &[
            "Grafisk designer",
            "Journalist",
            "Fotograf",
            "Fitnessinstruktør",
            "Musiker",
            "Personlig træner",
            "Tekstforfatter",
            "Skuespiller",
        ],
        tasks: &[
            "grafisk design",
            "fotografering",
            "journalistik",
            "formidling",
            "instruktion af hold",
            "arrangementer",
            "sociale medier",
            "redigering",
        ],
        workplaces: &[
            "DR",
            "TV 2",
            "Jyllands-Posten",
            "Politiken",
            "{m} Bibliotekerne",
            "Fitness World",
            "SATS",
            "{m} Musikskole",
        ],
        educations: &[
            ("Professionsbachelor i grafisk kommunikation", PROF, 4),
            (
                "Journalistuddannelsen",
                &[
                    "Danmarks Medie- og Journalisthøjskole",
                    "Syddansk Universitet",
                    "Roskilde Universitet",
                ],
                4,
            ),
            ("Cand.mag. i informationsvidenskab", UNI, 5),
        ],
        qualifications: &[
            "Grafisk design",
            "Fotografering",
            "Formidling",
            "Sociale medier",
            "Holdtræning",
        ],
        it: &[
            "Adobe Photoshop",
            "Adobe InDesign",
            "Premiere Pro",
            "WordPress",
        ],
        courses: &["Storytelling", "Instruktørkursus i spinning", "Presseetik"],
        certificates: &[],
        licences: &[],
    },
];

const GENERAL_QUALIFICATIONS: &[&str] = &[
    "Samarbejde",
    "Planlægning",
    "Konflikthåndtering",
    "Dansk i skrift og tale",
    "Overblik",
    "Service",
];
const GENERAL_IT: &[&str] = &[
    "Microsoft Word",
    "Microsoft Excel",
    "Microsoft Outlook",
    "Microsoft Teams",
    "PowerPoint",
];
const TRAITS: &[&str] = &[
    "ansvarsfuld",
    "pålidelig",
    "positiv",
    "struktureret",
    "fleksibel",
    "omhyggelig",
    "udadvendt",
    "rolig",
    "selvstændig",
    "engageret",
    "hjælpsom",
    "nysgerrig",
    "tålmodig",
    "grundig",
    "effektiv",
    "loyal",
];
const HOBBIES: &[&str] = &[
    "løb",
    "håndbold",
    "fodbold",
    "madlavning",
    "havearbejde",
    "friluftsliv",
    "musik",
    "cykling",
    "svømning",
    "strikning",
    "fiskeri",
    "yoga",
];

// Introduction sentences. {t} title, {d} the title definite, {p} plural, {n} whom the work is
// for, {w} a workplace, {y} years, {x} a task, {a} {b} traits, {c} home town, {f} a hobby.
const OPEN_EDUCATED: &[&str] = &[
    "Jeg er uddannet {t} og har {y} års erfaring fra faget.",
    "Jeg er uddannet {t} og har senest arbejdet på {w}.",
    "Som uddannet {t} har jeg arbejdet med {x} i {y} år.",
    "Jeg er en erfaren {t} med en solid faglig uddannelse bag mig.",
];
const OPEN_STUDENT: &[&str] = &[
    "Jeg er i gang med at uddanne mig til {t} og søger job ved siden af studiet.",
    "Jeg læser til {t} og vil gerne bruge det, jeg har lært, i praksis.",
];
const OPEN_GRADUATE: &[&str] = &[
    "Jeg er nyuddannet {t} og ser frem til mit første rigtige job i faget.",
    "Jeg er uddannet {t} og har erfaring med {x} fra min uddannelse.",
];
const OPEN_BEGINNER: &[&str] = &[
    "Jeg har arbejdet lidt som {t}, senest på {w}, og vil gerne videre i faget.",
    "Jeg har prøvet kræfter med {x} og vil gerne arbejde som {t}.",
];
const OPEN_EXPERIENCED: &[&str] = &[
    "Jeg har arbejdet som {t} i {y} år, senest på {w}.",
    "Jeg har {y} års erfaring som {t} og er vant til {x}.",
    "Jeg har arbejdet med {x} og søger nu et nyt job som {t}.",
];
const OPEN_NEW: &[&str] = &[
    "Jeg søger mit første job som {t}.",
    "Jeg vil gerne arbejde som {t} og er klar til at lære faget fra bunden.",
];
const MIDDLE: &[&str] = &[
    "Jeg har ofte taget imod nye {p} og hjulpet dem godt i gang.",
    "Jeg ved, hvad der skal til for at være en god {t}, og jeg har lært meget af dygtige {p}.",
    "Jeg er vant til {x} og til at have {n} i centrum.",
    "Jeg trives i et team, hvor {d} har ansvar og frihed til at løse opgaverne.",
    "Som {t} er det vigtigt for mig, at {n} får en god oplevelse.",
    "Jeg har gode referencer fra tidligere arbejdsgivere, der var glade for mig som {t}.",
];
const TRAIT_SENTENCES: &[&str] = &[
    "Mine kolleger beskriver mig som {a} og {b}.",
    "Jeg er {a}, {b} og mødestabil.",
    "Jeg er kendt for at være {a} og {b}.",
    "Jeg er en {a} og {b} person, der tager ansvar.",
];
const CLOSING: &[&str] = &[
    "Jeg bor i {c} og vil gerne arbejde i nærheden.",
    "Jeg bor i {c}, men er villig til at pendle efter det rette job.",
    "Jeg glæder mig til at høre fra jer.",
    "Jeg kan starte hurtigt og er klar til nye udfordringer.",
    "I min fritid dyrker jeg {f}.",
];
const GOOD_AT: &[&str] = &[
    "At bevare overblikket, når der er travlt.",
    "Samarbejde på tværs af faggrupper.",
    "At sætte mig hurtigt ind i nye systemer.",
    "Struktur og planlægning af hverdagen.",
    "At skabe gode relationer til {n}.",
    "At oplære nye {p}.",
];
const CONDITIONS: &[&str] = &[
    "Jeg ønsker helst dagvagter.",
    "Højst 45 minutters transport hver vej.",
    "Jeg kan arbejde i weekender og på helligdage.",
    "Gerne 30-32 timer om ugen.",
    "Jeg kan ikke arbejde om natten.",
    "Jeg vil gerne arbejde i {m} eller omegn.",
    "Arbejdspladsen skal kunne nås med offentlig transport.",
];
const WHY_APPLYING: &[&str] = &[
    "Jeg vil gerne være en del af jeres arbejdsplads, fordi I arbejder seriøst med {x}.",
    "I har et godt ry for at passe på jeres medarbejdere og på {n}, og det vil jeg gerne bidrage til.",
];
/// (role, organisation, tasks); `{m}` the municipality.
const VOLUNTEERING: &[(&str, &str, &str)] = &[
    (
        "Træner",
        "{m} Boldklub",
        "Træning af et ungdomshold to gange om ugen.",
    ),
    (
        "Frivillig",
        "Røde Kors",
        "Vagter i genbrugsbutikken og hjælp ved indsamlinger.",
    ),
    (
        "Lektiehjælper",
        "Dansk Flygtningehjælp",
        "Lektiehjælp til børn og unge.",
    ),
    (
        "Besøgsven",
        "Ældre Sagen",
        "Ugentlige besøg hos en ældre borger.",
    ),
    (
        "Spejderleder",
        "Det Danske Spejderkorps",
        "Møder og ture for ulve og juniorer.",
    ),
    (
        "Bestyrelsesmedlem",
        "Grundejerforeningen {m}",
        "Referater og planlægning af arbejdsdage.",
    ),
    ("Frivillig", "Roskilde Festival", "Madbod og oprydning."),
];
/// Hidden sections' texts. Their words appear in no visible text, so a search can prove it.
const SPECIAL_CONSIDERATIONS: &[&str] = &[
    "Jeg har brug for et hæve-sænkebord på grund af rygproblemer.",
    "Jeg kan ikke løfte tungt efter en skulderskade.",
    "Jeg har ordblindhed og bruger oplæsningsprogram.",
    "Jeg har brug for faste pauser på grund af diabetes.",
];

#[cfg(test)]
mod tests {
    use super::*;
    use jobspor::contact::{Email, Phone};
    use jobspor::cpr::Cpr;
    use jobspor::cv::entry::CvSection;
    use jobspor::cv::skills::language_name;
    use std::collections::{HashMap, HashSet};

    fn now() -> DateTime<Utc> {
        "2026-11-22T10:00:00Z".parse().unwrap()
    }

    const HIDDEN_WORDS: &[&str] = &[
        "rygproblemer",
        "skulderskade",
        "ordblindhed",
        "diabetes",
        "hæve-sænkebord",
    ];

    #[test]
    fn every_entry_passes_the_cores_own_parsers() {
        let today = jobspor::dates::danish_date(now());
        let mut seen: HashMap<CvSection, usize> = HashMap::new();
        for i in 0..2000 {
            let c = citizen(1, i, now());
            let mut keys = HashSet::new();
            let mut count: HashMap<CvSection, usize> = HashMap::new();
            for e in &c.entries {
                let s = e.section();
                *count.entry(s).or_default() += 1;
                assert_eq!(
                    CvEntry::from_stored(s, &e.to_stored()).as_ref(),
                    Ok(e),
                    "{i} {s:?}: through storage"
                );
                assert_eq!(
                    CvEntry::parse(s, &e.to_fields(), today).as_ref(),
                    Ok(e),
                    "{i} {s:?}: through the edit form"
                );
                if let Some(k) = e.duplicate_key() {
                    assert!(keys.insert((s, k)), "{i}: the same {s:?} twice");
                }
                match e {
                    CvEntry::JobWish(w) => {
                        assert_eq!(
                            jobspor::occupations::find(&w.occupation).map(|o| o.disco08),
                            Some(w.disco08.as_str())
                        );
                        assert!(w
                            .start_date
                            .is_none_or(|d| d > today && (d - today).num_days() <= 366));
                    }
                    CvEntry::Language(l) => assert!(
                        language_name(&l.language, jobspor::Lang::Da).is_some()
                            && LanguageLevel::ALL.contains(&l.level)
                    ),
                    CvEntry::DrivingLicence(l) => assert!(DrivingLicence::ALL.contains(l)),
                    CvEntry::WorkExperience(w) => assert!(
                        w.period.start() <= today && w.period.end().is_none_or(|d| d <= today)
                    ),
                    _ => {}
                }
                match e.search_text() {
                    Some(text) => {
                        assert!(
                            !text.contains(['{', '}', '?']),
                            "{i}: a placeholder left in {text}"
                        );
                        let lower = text.to_lowercase();
                        assert!(
                            HIDDEN_WORDS.iter().all(|w| !lower.contains(w)),
                            "{i}: {text}"
                        );
                    }
                    None => assert!(!s.visible_to_employers()),
                }
            }
            let n = |s| count.get(&s).copied().unwrap_or(0);
            assert!((1..=3).contains(&n(CvSection::JobWish)), "{i}");
            assert!((1..=4).contains(&n(CvSection::WorkExperience)), "{i}");
            assert!(
                n(CvSection::Education) <= 2
                    && n(CvSection::Language) <= 3
                    && n(CvSection::DrivingLicence) <= 2,
                "{i}"
            );
            assert!(
                n(CvSection::Introduction) <= 1 && n(CvSection::SpecialConsiderations) <= 1,
                "{i}"
            );
            assert!(jobspor::cv::may_be_made_searchable(
                n(CvSection::JobWish),
                n(CvSection::WorkExperience),
                n(CvSection::Education)
            )
            .is_ok());
            for (s, k) in count {
                *seen.entry(s).or_default() += k;
            }
        }
        for &s in CvSection::ALL {
            assert!(
                seen.get(&s).copied().unwrap_or(0) > 0,
                "no {s:?} in 2000 CVs"
            );
        }
    }

    #[test]
    fn the_person_matches_the_cpr_number_and_the_contact_details_parse() {
        let now = now();
        let (
            n,
            mut women,
            mut email,
            mut phone,
            mut searchable,
            mut hidden,
            mut recent,
            mut protected,
        ) = (20_000, 0, 0, 0, 0, 0, 0, 0);
        let mut regions = [0; 5];
        for i in 0..n {
            let c = citizen(3, i, now);
            let cpr = Cpr::parse(&c.cpr).expect("a valid CPR number");
            let p = &c.person;
            assert_eq!(cpr.birth_date(), Some(p.birthday));
            assert_eq!(cpr.is_male(), p.gender == Gender::Male);
            assert!(
                (20..=67).contains(&p.age_on(now.date_naive())),
                "{}",
                p.age_on(now.date_naive())
            );
            assert!(
                p.postcode.len() == 4 && p.municipality_code.as_ref().is_some_and(|m| m.len() == 3)
            );
            assert!(
                p.status.may_log_in()
                    && p.country == "DK"
                    && !p.first_name.is_empty()
                    && !p.street.is_empty()
            );
            if let Some(ph) = &c.phone {
                assert_eq!(
                    Phone::parse(ph).map(|p| p.as_str().to_string()),
                    Ok(ph.clone())
                );
                phone += 1;
            }
            if let Some(e) = &c.email {
                assert!(
                    Email::parse(e).is_ok() && e.is_ascii() && e.ends_with("@syntetisk.example"),
                    "{e}"
                );
                email += 1;
            }
            let ago = now - c.last_login_at;
            assert!(ago >= Duration::zero() && ago <= Duration::weeks(30));
            recent += (ago <= Duration::weeks(12)) as u32;
            women += (p.gender == Gender::Female) as u32;
            searchable += c.searchable as u32;
            hidden += c.hide_contact as u32;
            protected += p.protected_address as u32;
            regions[region(p.municipality_code.as_deref().unwrap_or(""))] += 1;
        }
        let share = |k: u32| k as f64 / n as f64;
        assert!((0.47..0.53).contains(&share(women)), "{}", share(women));
        assert!((0.87..0.93).contains(&share(email)) && (0.95..0.99).contains(&share(phone)));
        assert!((0.87..0.93).contains(&share(searchable)) && (0.12..0.18).contains(&share(hidden)));
        assert!(
            (0.77..0.83).contains(&share(recent)) && (0.001..0.006).contains(&share(protected))
        );
        assert!(regions.iter().all(|&r| share(r) > 0.08), "{regions:?}");
    }

    #[test]
    fn the_same_citizen_for_the_same_seed_and_i() {
        let now = now();
        let mut differ = 0;
        for i in (0..1000).chain([MAIN_CITIZENS - 1, MAIN_CITIZENS, MAX_CITIZENS - 1]) {
            let a = format!("{:?}", citizen(9, i, now));
            assert_eq!(a, format!("{:?}", citizen(9, i, now)));
            let other = citizen(10, i, now);
            assert_eq!(
                other.cpr,
                citizen(9, i, now).cpr,
                "the CPR number depends on i alone"
            );
            differ += (a != format!("{other:?}")) as u32;
        }
        assert!(differ > 990, "another seed, other people: {differ}");
    }

    #[test]
    fn cpr_numbers_are_unique() {
        let mut seen = HashSet::new();
        for i in 0..200_000 {
            let (b, s) = birth_and_serial(i);
            assert!(seen.insert(cpr_number(b, s)), "{i}");
        }
    }

    /// `birth_and_serial`'s inverse: the citizen with this birth date and serial.
    fn index_of(birthday: NaiveDate, serial: u64) -> u64 {
        let (first, days, step, before) = if birthday >= ymd(1960, 1, 1) {
            (ymd(1960, 1, 1), MAIN_DAYS, MAIN_STEP, 0)
        } else {
            (ymd(1945, 1, 1), TAIL_DAYS, TAIL_STEP, MAIN_CITIZENS)
        };
        let day = (birthday - first).num_days() as u64;
        // day = (j mod days) · step mod days, so j mod days = day · step⁻¹ mod days.
        let inverse = (1..days).find(|x| x * step % days == 1).unwrap();
        let turn = (serial - 9000) ^ (mix(day) & 1);
        before + turn * days + day * inverse % days
    }

    /// Citizen `i`'s birth date and serial lie in the scheme's space, and `index_of` finds
    /// `i` again. The space (46 + 15 years of days, 1000 serials each) has exactly
    /// `MAX_CITIZENS` members, so a mapping that round-trips is a bijection onto it.
    fn round_trips(i: u64) -> Result<(), String> {
        let (b, s) = birth_and_serial(i);
        let in_space = (9000..=9999).contains(&s)
            && b >= ymd(1945, 1, 1)
            && b < ymd(2006, 1, 1)
            && (i >= MAIN_CITIZENS) == (b < ymd(1960, 1, 1));
        if !in_space {
            return Err(format!("{i} -> {b} {s} is outside the scheme"));
        }
        match index_of(b, s) {
            back if back == i => Ok(()),
            back => Err(format!("{i} -> {b} {s} -> {back}")),
        }
    }

    #[test]
    fn the_cpr_space_has_room_for_every_citizen() {
        assert_eq!(
            (ymd(2006, 1, 1) - ymd(1960, 1, 1)).num_days() as u64,
            MAIN_DAYS
        );
        assert_eq!(
            (ymd(1960, 1, 1) - ymd(1945, 1, 1)).num_days() as u64,
            TAIL_DAYS
        );
        let gcd = |mut a: u64, mut b: u64| {
            while b != 0 {
                (a, b) = (b, a % b);
            }
            a
        };
        assert_eq!(
            (gcd(MAIN_STEP, MAIN_DAYS), gcd(TAIL_STEP, TAIL_DAYS)),
            (1, 1)
        );
        // The first few thousand citizens already span the ages and both genders.
        let years: HashSet<i32> = (0..2000).map(|i| birth_and_serial(i).0.year()).collect();
        assert_eq!(years.len(), 46);
    }

    #[test]
    fn the_boundaries_of_the_cpr_space_round_trip() {
        let edges = [
            0,
            1,
            MAIN_DAYS - 1,
            MAIN_DAYS,
            MAIN_CITIZENS - 1,
            MAIN_CITIZENS,
            MAIN_CITIZENS + TAIL_DAYS,
            MAX_CITIZENS - 1,
        ];
        let mut seen = HashSet::new();
        for i in edges {
            round_trips(i).unwrap();
            let (b, s) = birth_and_serial(i);
            assert!(seen.insert(cpr_number(b, s)), "{i} repeats a CPR number");
        }
        // The space's corners belong to citizens below MAX_CITIZENS.
        for (b, s) in [
            (ymd(1945, 1, 1), 9000),
            (ymd(1959, 12, 31), 9999),
            (ymd(1960, 1, 1), 9000),
            (ymd(2005, 12, 31), 9999),
        ] {
            let i = index_of(b, s);
            assert!(i < MAX_CITIZENS, "{b} {s}: {i}");
            assert_eq!(birth_and_serial(i), (b, s));
        }
    }

    proptest::proptest! {
        #[test]
        fn every_citizen_round_trips(i in 0..MAX_CITIZENS) {
            proptest::prop_assert_eq!(round_trips(i), Ok(()));
        }

        #[test]
        fn citizens_have_distinct_cpr_numbers(
            sample in proptest::collection::hash_set(0..MAX_CITIZENS, 2..200),
        ) {
            let cprs: HashSet<String> = sample
                .iter()
                .map(|&i| {
                    let (b, s) = birth_and_serial(i);
                    cpr_number(b, s)
                })
                .collect();
            proptest::prop_assert_eq!(cprs.len(), sample.len());
        }
    }

    #[test]
    fn no_cpr_number_of_the_simulated_register() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../app/data/simulated_cpr_register.json");
        let persons: Vec<serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let register: HashSet<&str> = persons.iter().filter_map(|p| p["cpr"].as_str()).collect();
        assert_eq!(register.len(), persons.len());
        for cpr in &register {
            let serial: u32 = cpr[6..].parse().unwrap();
            assert!(
                !(9000..=9999).contains(&serial),
                "the register uses serial {serial}, which the generator needs"
            );
        }
        for i in (0..200_000).chain([MAIN_CITIZENS, MAX_CITIZENS - 1]) {
            let (b, s) = birth_and_serial(i);
            assert!(!register.contains(cpr_number(b, s).as_str()));
        }
    }

    #[test]
    fn the_data_is_consistent() {
        for (n, (common, all)) in pools().iter().enumerate() {
            assert!(!common.is_empty() && all.len() >= 5, "field {n}");
            let f = &FIELDS[n];
            assert!(
                f.tasks.len() >= 4
                    && f.qualifications.len() >= 3
                    && !f.it.is_empty()
                    && f.courses.len() >= 2
                    && !f.workplaces.is_empty()
                    && !f.educations.is_empty()
            );
            assert!(f.it.iter().all(|s| !GENERAL_IT.contains(s)));
        }
        assert!(FIELDS.iter().filter(|f| f.entry_level).count() >= 3);
        let postcodes: HashSet<_> = TOWNS.iter().map(|t| t.0).collect();
        assert_eq!(postcodes.len(), TOWNS.len());
        assert!(TOWNS.len() >= 60);
        let mut names = HashMap::new();
        for t in TOWNS {
            assert!(t.0.len() == 4 && t.2.len() == 3 && t.4 > 0);
            assert_eq!(
                *names.entry(t.2).or_insert(t.3),
                t.3,
                "one name per municipality code"
            );
        }
        assert_eq!((FIRST_F.len(), FIRST_M.len(), SURNAMES.len()), (60, 60, 80));
        assert_eq!(ascii("Søren Ærø-Åby"), "soerenaeroeaaby");
    }

    /// The towns agree with the core's table of postcodes and municipalities, which the
    /// search's region and distance filters use.
    #[test]
    fn the_towns_are_the_cores_postcodes() {
        for t in TOWNS {
            let p = jobspor::geo::postcode(t.0)
                .unwrap_or_else(|| panic!("{} is not a known postcode", t.0));
            assert_eq!((p.town, p.municipality), (t.1, t.2), "{}", t.0);
            let m = jobspor::geo::municipality(t.2)
                .unwrap_or_else(|| panic!("{} is not a municipality", t.2));
            assert_eq!(m.name, t.3);
            let r = &jobspor::geo::REGIONS[region(t.2)];
            assert_eq!(
                (r.code, r.name),
                (m.region, REGIONS[region(t.2)].0),
                "{}",
                t.3
            );
        }
    }

    #[test]
    fn titles_are_inflected() {
        let f = |t| forms(t);
        assert_eq!(
            f("Sygeplejerske"),
            (
                "sygeplejerske".into(),
                "sygeplejersken".into(),
                "sygeplejersker".into()
            )
        );
        assert_eq!(f("Pædagog").1, "pædagogen");
        assert_eq!(f("Kok"), ("kok".into(), "kokken".into(), "kokke".into()));
        assert_eq!(f("Tømrer").2, "tømrere");
        assert_eq!(f("Landmand").2, "landmænd");
        assert_eq!(
            f("Chauffør (personbil/taxi)").2,
            "chauffør (personbil/taxi)"
        );
    }

    #[test]
    fn the_education_fits_the_wished_occupation() {
        let mut rng = Rng::new(0, 0);
        let fits = |rng: &mut Rng, title: &str| {
            let f = FIELDS
                .iter()
                .position(|f| f.common.contains(&title))
                .unwrap();
            FIELDS[f].educations[fitting_education(rng, &FIELDS[f], title)].0
        };
        assert_eq!(
            fits(&mut rng, "Sygeplejerske"),
            "Professionsbachelor i sygepleje"
        );
        assert_eq!(
            fits(&mut rng, "Social- og sundhedshjælper"),
            "Social- og sundhedshjælperuddannelsen"
        );
        assert_eq!(
            fits(&mut rng, "Folkeskolelærer"),
            "Professionsbachelor som lærer i folkeskolen"
        );
        assert_eq!(fits(&mut rng, "Elektriker"), "Elektriker (EUD)");
        assert_eq!(fits(&mut rng, "Kok"), "Kokkeuddannelsen (EUD)");
    }
}
