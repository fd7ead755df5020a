//! The shell reads the clock; the core is always given dates.

/// Today's date (UTC) as YYYY-MM-DD.
pub fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0) as i64;
    leadline_core::dates::format(days)
}

#[cfg(test)]
mod tests {
    #[test]
    fn today_is_an_iso_date() {
        let today = super::today();
        assert!(leadline_core::dates::parse(&today).is_ok(), "{today}");
        assert!(today.as_str() >= "2024-01-01", "{today}");
    }
}
