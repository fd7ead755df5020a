//! ISO dates (YYYY-MM-DD) without a date library: the core is always given
//! "today" by its caller, and only needs to check dates and add days.

use crate::error::{Error, Result};

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Parses YYYY-MM-DD with a real month and day.
pub fn parse(text: &str) -> Result<i64> {
    let bad = || Error::InvalidInput(format!("\"{text}\" is not a date (YYYY-MM-DD)"));
    let parts: Vec<&str> = text.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let (y, m, d): (i64, i64, i64) = (
        y.parse().map_err(|_| bad())?,
        m.parse().map_err(|_| bad())?,
        d.parse().map_err(|_| bad())?,
    );
    // A year like 0002 is a typing slip in a date field, not a date anyone plans for.
    if !(1900..=2999).contains(&y) {
        return Err(Error::InvalidInput(format!(
            "\"{text}\" is not a date between the years 1900 and 2999"
        )));
    }
    let days = days_from_civil(y, m, d);
    // A day that does not exist (2026-02-30) does not come back the same.
    if !(1..=12).contains(&m) || civil_from_days(days) != (y, m, d) {
        return Err(bad());
    }
    Ok(days)
}

pub fn format(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

pub fn add_days(date: &str, days: i64) -> Result<String> {
    Ok(format(parse(date)? + days))
}

/// Days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: &str, to: &str) -> Result<i64> {
    Ok(parse(to)? - parse(from)?)
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
        assert_eq!(parse("1970-01-02").unwrap(), 1);
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
        ] {
            assert!(parse(bad).is_err(), "{bad} should be refused");
        }
        assert!(parse("2024-02-29").is_ok());
    }
}
