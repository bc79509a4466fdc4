//! CPR numbers: the Danish personal id. Sensitive: never logged, never shown to an employer
//! or sent to EURES. `Debug` masks the serial part; there is no `Serialize`, so a CPR number
//! cannot slip into a view model by accident.
use crate::messages::Msg;
use chrono::NaiveDate;

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Cpr(String);

impl Cpr {
    /// Accepts `ddmmåå-xxxx`, `ddmmååxxxx` or with a space. The date part must be a real date;
    /// since 2007 CPR numbers need not pass modulus 11, so that check is not made.
    pub fn parse(raw: &str) -> Result<Cpr, Msg> {
        let digits: String = raw
            .trim()
            .chars()
            .filter(|c| !matches!(c, '-' | ' '))
            .collect();
        if digits.len() != 10 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(Msg::CprInvalid);
        }
        let cpr = Cpr(digits);
        if cpr.birth_date().is_none() {
            return Err(Msg::CprInvalid);
        }
        Ok(cpr)
    }

    /// The ten digits, for the store and the register lookup only.
    pub fn digits(&self) -> &str {
        &self.0
    }

    /// `ddmmåå-xxxx` with the serial masked, for showing the citizen their own number.
    pub fn masked(&self) -> String {
        format!("{}-xxxx", &self.0[..6])
    }

    fn digit(&self, i: usize) -> u32 {
        self.0.as_bytes()[i].saturating_sub(b'0') as u32
    }

    /// The birth date, with the century from the 7th digit (CPR-kontorets rule).
    pub fn birth_date(&self) -> Option<NaiveDate> {
        let dd = self.digit(0) * 10 + self.digit(1);
        let mm = self.digit(2) * 10 + self.digit(3);
        let yy = (self.digit(4) * 10 + self.digit(5)) as i32;
        let century = match self.digit(6) {
            0..=3 => 1900,
            4 | 9 => {
                if yy <= 36 {
                    2000
                } else {
                    1900
                }
            }
            _ => {
                if yy <= 57 {
                    2000
                } else {
                    1800
                }
            }
        };
        NaiveDate::from_ymd_opt(century + yy, mm, dd)
    }

    /// Odd last digit: man; even: woman.
    pub fn is_male(&self) -> bool {
        self.digit(9) % 2 == 1
    }
}

impl std::fmt::Debug for Cpr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Cpr({})", self.masked())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_with_and_without_dash() {
        let a = Cpr::parse("120590-4012").unwrap();
        let b = Cpr::parse(" 1205904012 ").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.birth_date(), NaiveDate::from_ymd_opt(1990, 5, 12));
        assert!(!a.is_male());
    }

    #[test]
    fn century_follows_the_seventh_digit() {
        assert_eq!(
            Cpr::parse("1504104011").unwrap().birth_date(),
            NaiveDate::from_ymd_opt(2010, 4, 15)
        );
        assert_eq!(
            Cpr::parse("1504704011").unwrap().birth_date(),
            NaiveDate::from_ymd_opt(1970, 4, 15)
        );
        assert_eq!(
            Cpr::parse("1504105011").unwrap().birth_date(),
            NaiveDate::from_ymd_opt(2010, 4, 15)
        );
        assert_eq!(
            Cpr::parse("1504705011").unwrap().birth_date(),
            NaiveDate::from_ymd_opt(1870, 4, 15)
        );
        assert_eq!(
            Cpr::parse("1504102011").unwrap().birth_date(),
            NaiveDate::from_ymd_opt(1910, 4, 15)
        );
    }

    #[test]
    fn refuses_bad_numbers() {
        for bad in [
            "",
            "12345",
            "3102901234",
            "1213901234",
            "12059O4012",
            "120590-40123",
        ] {
            assert_eq!(Cpr::parse(bad), Err(Msg::CprInvalid), "{bad}");
        }
    }

    #[test]
    fn debug_never_shows_the_serial() {
        let s = format!("{:?}", Cpr::parse("1205904012").unwrap());
        assert!(!s.contains("4012"), "{s}");
    }
}
