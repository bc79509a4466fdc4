//! The browser's instant field checks: core parsers reduced to a verdict. An empty optional
//! field is fine; required fields are checked on submit.
use jobspor::contact::{Email, Password, Phone, Username};
use jobspor::cpr::Cpr;
use jobspor::employer::Cvr;

fn optional(v: &str, parse: impl Fn(&str) -> Result<(), &'static str>) -> Result<(), &'static str> {
    if v.trim().is_empty() { Ok(()) } else { parse(v) }
}

pub fn username(v: &str) -> Result<(), &'static str> {
    optional(v, |v| Username::parse(v).map(|_| ()))
}
pub fn password(v: &str) -> Result<(), &'static str> {
    optional(v, |v| Password::parse(v).map(|_| ()))
}
pub fn email(v: &str) -> Result<(), &'static str> {
    optional(v, |v| Email::parse(v).map(|_| ()))
}
pub fn phone(v: &str) -> Result<(), &'static str> {
    optional(v, |v| Phone::parse(v).map(|_| ()))
}
pub fn cvr(v: &str) -> Result<(), &'static str> {
    optional(v, |v| Cvr::parse(v).map(|_| ()))
}
pub fn cpr(v: &str) -> Result<(), &'static str> {
    optional(v, |v| Cpr::parse(v).map(|_| ()))
}
