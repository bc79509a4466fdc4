//! Numbers as Danish pages write them.

/// Thousands separated by dots: 312.400.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::from(if n < 0 { "-" } else { "" });
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_separated_by_dots() {
        assert_eq!(super::thousands(1_234_567), "1.234.567");
        assert_eq!(super::thousands(-400), "-400");
        assert_eq!(super::thousands(0), "0");
    }
}
