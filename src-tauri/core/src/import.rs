//! CSV import of HRIS-style flat exports, one row per person.
//!
//! The whole file is read and validated before anything is written; the write is
//! one transaction, so an import either lands completely or changes nothing.
//! Re-importing merges by id: new ids are added, known ids updated, and people
//! missing from the file are removed only when asked.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a column of the file means. A column without a field is kept as a
/// custom attribute of each person, so nothing in the file is dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Field {
    Id,
    ManagerId,
    ManagerEmail,
    Name,
    FirstName,
    LastName,
    Title,
    Team,
    Email,
    Kind,
    RoleTrack,
    Level,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportOptions {
    /// The field of each column, by column position; `null` asks for the
    /// automatic mapping from the header names.
    pub mapping: Option<Vec<Option<Field>>>,
    /// Remove people of the workspace whose id is not in the file.
    #[serde(default)]
    pub remove_missing: bool,
}

/// One problem found in the file, with the line it is on (1-based, the header is
/// line 1) and the people involved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Problem {
    pub line: Option<u32>,
    pub message: String,
    pub people: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ColumnPreview {
    pub index: u32,
    pub header: String,
    pub field: Option<Field>,
    /// The first few non-empty values, to help the user check the mapping.
    pub samples: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    pub file_name: String,
    /// "UTF-8", "UTF-16LE", "UTF-16BE" or "windows-1252".
    pub encoding: String,
    /// "," ";" or "\t".
    pub delimiter: String,
    pub rows: u32,
    pub columns: Vec<ColumnPreview>,
    pub problems: Vec<Problem>,
    pub adds: u32,
    pub updates: u32,
    pub unchanged: u32,
    pub removes: u32,
    /// People of the workspace not in the file, kept because removal was not asked.
    pub kept_missing: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportPhase {
    Reading,
    Validating,
    Writing,
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportProgress {
    pub phase: ImportPhase,
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportSummary {
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub removed: u32,
    pub teams_created: u32,
}

pub fn problems_summary(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| match p.line {
            Some(line) => format!("  line {line}: {}", p.message),
            None => format!("  {}", p.message),
        })
        .collect::<Vec<_>>()
        .join("\n")
}
