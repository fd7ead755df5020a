//! Skill assessments: frameworks with leveled rubrics, role profiles,
//! assessments over time, gaps and team heatmaps.

pub mod assessment;
pub mod framework;
pub mod framework_file;
pub mod gaps;
pub mod ratings_file;

use rusqlite::{OptionalExtension, Transaction};

use crate::error::Result;
use framework::framework_parse;

/// The framework that ships with Leadline, written by us.
pub const BUILTIN_FRAMEWORK: &str = include_str!("builtin/ai-native-ic-leader.json");

/// Installs the built-in framework and its profiles when the workspace lacks
/// this version of it, inside the caller's transaction so two windows opening
/// one new file cannot both install it. Earlier versions and assessments made
/// against them stay.
pub fn builtin_ensure(conn: &Transaction) -> Result<()> {
    let file = framework_parse(BUILTIN_FRAMEWORK)?;
    let installed: Option<u32> = conn
        .query_row(
            "SELECT max(version) FROM framework WHERE key = ?1 AND builtin = 1",
            [&file.key],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    if installed.is_some_and(|v| v >= file.version) {
        return Ok(());
    }
    framework::framework_store(conn, &file, true)?;
    Ok(())
}

/// A fresh in-memory workspace with the built-in framework, as
/// `Workspace::open` seeds it: for tests that work on a bare connection.
#[cfg(test)]
pub(crate) fn open_seeded() -> rusqlite::Connection {
    let conn = crate::db::open_in_memory().unwrap();
    let tx = crate::db::write(&conn).unwrap();
    builtin_ensure(&tx).unwrap();
    tx.commit().unwrap();
    conn
}

#[cfg(test)]
pub(crate) mod tests;
