//! ISO dates (YYYY-MM-DD), read and counted with chrono. The core is always
//! given "today" by its caller (the shell's local date) and only checks dates,
//! adds days and counts the days between two of them.

use chrono::{Datelike, Days, NaiveDate};

use crate::error::{Error, Result};

/// Parses YYYY-MM-DD with a real month and day, in the years 1900–2999.
pub fn parse(text: &str) -> Result<NaiveDate> {
    let text = text.trim();
    let bad = || Error::InvalidInput(format!("\"{text}\" is not a date (YYYY-MM-DD)"));
    // chrono also reads "2026-1-5" and "+2026-01-05"; a date field wants the
    // one written form back.
    let shaped = text.len() == 10
        && text.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shaped {
        return Err(bad());
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| bad())?;
    // A year like 0002 is a typing slip in a date field, not a date anyone plans for.
    if !(1900..=2999).contains(&date.year()) {
        return Err(Error::InvalidInput(format!(
            "\"{text}\" is not a date between the years 1900 and 2999"
        )));
    }
    Ok(date)
}

pub fn format(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

pub fn add_days(date: &str, days: i64) -> Result<String> {
    let date = parse(date)?;
    let moved = if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    moved
        .map(format)
        .ok_or_else(|| Error::InvalidInput(format!("{date} plus {days} days is not a date")))
}

/// The week around `date`: its Monday and its Sunday.
pub fn week_of(date: NaiveDate) -> (NaiveDate, NaiveDate) {
    let monday = date - Days::new(date.weekday().num_days_from_monday().into());
    (monday, monday + Days::new(6))
}

/// Days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: &str, to: &str) -> Result<i64> {
    Ok((parse(to)? - parse(from)?).num_days())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_added_across_months_years_and_leap_days() {
        assert_eq!(add_days("2026-11-22", 30).unwrap(), "2026-12-22");
        assert_eq!(add_days("2026-12-15", 30).unwrap(), "2027-01-14");
        assert_eq!(
            add_days("2028-02-28", 1).unwrap(),
            "2028-02-29",
            "2028 is a leap year"
        );
        assert_eq!(
            add_days("2100-02-28", 1).unwrap(),
            "2100-03-01",
            "2100 is not"
        );
        assert_eq!(add_days("1970-01-01", 0).unwrap(), "1970-01-01");
        assert_eq!(add_days("2026-03-01", -1).unwrap(), "2026-02-28");
        assert_eq!(days_between("2026-01-01", "2026-03-01").unwrap(), 59);
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "26-01-01",
            "2026/01/01",
            "",
            "0002-12-12",
            "3000-01-01",
            "2026-1-05",
            "+2026-01-05",
        ] {
            assert!(parse(bad).is_err(), "{bad} should be refused");
        }
        assert!(parse("2024-02-29").is_ok());
    }
}
