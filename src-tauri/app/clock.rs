//! The shell reads the clock; the core is always given dates.

/// Today's date where the user is (the local time zone), as YYYY-MM-DD: the
/// day the window's forms default to, so ticks and overdue flags agree with
/// them around midnight. (It was the UTC date, which is another day for hours
/// each day in most of the world.)
pub fn today() -> String {
    chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

/// The local date and time to the minute, "YYYY-MM-DD HH:MM": when a
/// snapshot or a scenario was made.
pub fn now() -> String {
    chrono::Local::now().format("%Y-%m-%d %H:%M").to_string()
}

#[cfg(test)]
mod tests {
    /// UTC+14 and UTC−11 are 25 hours apart, so their dates always differ:
    /// a clock that ignored the time zone would fail one of the two. The
    /// expected date comes from the system's `date`, not from this code.
    #[test]
    fn today_is_the_local_date() {
        for zone in ["Pacific/Kiritimati", "Pacific/Pago_Pago"] {
            std::env::set_var("TZ", zone);
            // chrono looks at TZ again at most once a second.
            std::thread::sleep(std::time::Duration::from_millis(1100));
            let expected = std::process::Command::new("date")
                .arg("+%F")
                .env("TZ", zone)
                .output()
                .expect("date runs");
            let expected = String::from_utf8(expected.stdout).unwrap();
            let today = super::today();
            assert!(leadline_core::dates::parse(&today).is_ok(), "{today}");
            assert_eq!(today, expected.trim(), "today in {zone}");
        }
        std::env::remove_var("TZ");
    }
}
