//! Dates as French counsellors type and read them: `JJ/MM/AAAA`.

use chrono::{Datelike, NaiveDate};

/// Formats a date the French way, `15/03/1990`.
#[must_use]
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// Parses a date typed by a person.
///
/// Accepts `15/03/1990`, `15.03.1990`, `15-03-1990`, `15 03 1990`, one-digit day or month, and
/// the ISO form `1990-03-15`. An empty text is `Ok(None)`; anything else that is not a real
/// calendar date is an error message in French.
pub fn parse_date(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = text
        .split(['/', '.', '-', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let invalid = || "Date invalide : utilisez le format JJ/MM/AAAA.".to_owned();
    let [a, b, c] = parts.as_slice() else {
        return Err(invalid());
    };
    if !parts
        .iter()
        .all(|p| p.chars().all(|ch| ch.is_ascii_digit()))
    {
        return Err(invalid());
    }
    let (year, month, day) = if a.len() == 4 {
        (*a, *b, *c)
    } else if c.len() == 4 {
        (*c, *b, *a)
    } else {
        return Err("Année sur 4 chiffres attendue (JJ/MM/AAAA).".to_owned());
    };
    let (Ok(year), Ok(month), Ok(day)) = (year.parse::<i32>(), month.parse(), day.parse()) else {
        return Err(invalid());
    };
    NaiveDate::from_ymd_opt(year, month, day)
        .map(Some)
        .ok_or_else(|| format!("Cette date n'existe pas : {text}."))
}

/// Whole months between `birth` and `on` (negative if `on` is before `birth`).
#[must_use]
pub fn age_in_months(birth: NaiveDate, on: NaiveDate) -> i32 {
    let mut months =
        (on.year() - birth.year()) * 12 + on.month().cast_signed() - birth.month().cast_signed();
    if on.day() < birth.day() {
        months -= 1;
    }
    months
}

/// Dates for tests, written once.
#[cfg(test)]
pub(crate) mod test_support {
    use chrono::NaiveDate;

    /// The date `y`-`m`-`day`; panics on a date that does not exist (a test's typo).
    pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a date that exists")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::test_support::d;

    #[test]
    fn parses_the_forms_people_type() {
        assert_eq!(parse_date("15/03/1990"), Ok(Some(d(1990, 3, 15))));
        assert_eq!(parse_date(" 5.3.1990 "), Ok(Some(d(1990, 3, 5))));
        assert_eq!(parse_date("1990-03-15"), Ok(Some(d(1990, 3, 15))));
        assert_eq!(parse_date(""), Ok(None));
        assert!(
            parse_date("31/02/2000")
                .unwrap_err()
                .contains("n'existe pas")
        );
        assert!(parse_date("15/03/90").unwrap_err().contains("4 chiffres"));
        assert!(parse_date("hier").is_err());
        assert_eq!(format_date(d(2024, 1, 9)), "09/01/2024");
    }

    #[test]
    fn months_of_age_count_whole_months() {
        assert_eq!(age_in_months(d(2024, 1, 15), d(2024, 4, 14)), 2);
        assert_eq!(age_in_months(d(2024, 1, 15), d(2024, 4, 15)), 3);
        assert_eq!(age_in_months(d(2023, 11, 22), d(2026, 11, 22)), 36);
    }
}
