//! Skill assessments: frameworks with leveled rubrics, role profiles,
//! assessments over time, gaps and team heatmaps.

pub mod assessment;
pub mod framework;
pub mod gaps;

use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;
use framework::{framework_parse, framework_save};

/// The framework that ships with Leadline, written by us.
pub const BUILTIN_FRAMEWORK: &str = include_str!("builtin/ai-native-ic-leader.json");

/// Installs the built-in framework and its profiles when the workspace lacks
/// this version of it. Earlier versions and assessments made against them stay.
pub fn builtin_ensure(conn: &Connection) -> Result<()> {
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
    framework_save(conn, &file, true)?;
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests;
