//! CSV import of HRIS-style flat exports, one row per person.
//!
//! The whole file is read and validated before anything is written; the write is
//! one transaction, so an import either lands completely or changes nothing.
//! Re-importing merges by id: new ids are added, known ids updated, and people
//! missing from the file are removed only when asked.
//!
//! This file holds the types callers see and the two doors, preview and apply.
//! The steps live beside it, in the order an import takes them: `read` (bytes →
//! decoded text → rows of fields), `mapping` (which column holds which field),
//! `validate` (every row interpreted and checked, nothing written), `structure`
//! (the reporting lines the import leaves: managers exist, no cycles, managers
//! first) and `write` (the one transaction that applies a validated import).

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::people::{PersonKind, RoleTrack};

mod mapping;
mod read;
mod structure;
mod validate;
mod write;

pub use mapping::{field_for_header, mapping_guess};
pub use read::{table_read, Table, TableRow, MAX_FIELD_BYTES};
pub use validate::{import_plan, ImportPlan};
// The guard belongs to the export that writes it; it stays reachable here,
// where callers have always found it.
pub use crate::export::FORMULA_STARTS;

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
    /// Yes to a removal of more than half of the org (see
    /// `ImportPreview::removal_needs_confirmation`).
    #[serde(default)]
    pub confirm_removal: bool,
    /// The local date and time of the import ("YYYY-MM-DD HH:MM"), which the
    /// shell fills in: the org is snapshotted as it was before the import,
    /// dated so. Without it (tests) no snapshot is taken.
    #[serde(default)]
    #[ts(optional)]
    pub taken_at: Option<String>,
}

// `Problem` lives with the error that carries it; re-exported here, where
// files are read and their problems found.
pub use crate::error::{problems_summary, Problem};

/// A person as the file describes them, cleaned.
#[derive(Debug, Clone, PartialEq)]
struct FilePerson {
    line: u32,
    ext_id: String,
    name: String,
    title: String,
    kind: PersonKind,
    role_track: Option<RoleTrack>,
    level: String,
    team: Option<String>,
    email: String,
    manager_ext: Option<String>,
    /// Unmapped columns; an empty value removes the attribute on re-import.
    attributes: Vec<(String, String)>,
}

/// A person already in the workspace, as far as the import compares them.
#[derive(Debug, Clone)]
struct Existing {
    id: i64,
    name: String,
    title: String,
    kind: PersonKind,
    role_track: Option<RoleTrack>,
    level: String,
    team: Option<String>,
    email: String,
    manager_ext: Option<String>,
    attributes: BTreeMap<String, String>,
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
    /// What was kept but is worth knowing (a column read differently than mapped).
    pub warnings: Vec<Problem>,
    pub adds: u32,
    pub updates: u32,
    pub unchanged: u32,
    pub removes: u32,
    /// People of the workspace not in the file, kept because removal was not asked.
    pub kept_missing: u32,
    /// People in the workspace before the import.
    pub people_before: u32,
    /// The removal takes more than half of the org: applying needs
    /// `confirm_removal`.
    pub removal_needs_confirmation: bool,
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

fn problem(line: Option<u32>, message: String, people: Vec<String>) -> Problem {
    Problem {
        line,
        message,
        people,
    }
}

/// What the wizard shows before anything is written: the mapping, samples,
/// every problem and what the import would change.
pub fn import_preview(
    conn: &Connection,
    file_name: &str,
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<ImportPreview> {
    let table = table_read(bytes)?;
    let plan = import_plan(conn, &table, options)?;
    let mapping = &plan.mapping;
    let people_before = plan.existing.len() as u32;
    let removes = plan.removes.len() as u32;
    let columns = table
        .headers
        .iter()
        .enumerate()
        .map(|(i, header)| ColumnPreview {
            index: i as u32,
            header: header.clone(),
            field: mapping.get(i).copied().flatten(),
            samples: table
                .rows
                .iter()
                .filter_map(|r| r.fields.get(i).map(|f| f.trim()).filter(|f| !f.is_empty()))
                .take(3)
                .map(str::to_string)
                .collect(),
        })
        .collect();
    Ok(ImportPreview {
        file_name: file_name.to_string(),
        encoding: table.encoding.to_string(),
        delimiter: (table.delimiter as char).to_string(),
        rows: table.rows.len() as u32,
        columns,
        problems: plan.problems,
        warnings: plan.warnings,
        adds: plan.adds,
        updates: plan.updates,
        unchanged: plan.unchanged,
        removes,
        kept_missing: plan.kept_missing,
        people_before,
        removal_needs_confirmation: removal_needs_confirmation(removes, people_before),
    })
}

/// Removing more than half of the org (or everyone) is more often a wrong or
/// truncated file than a real change: it needs an explicit yes.
pub fn removal_needs_confirmation(removes: u32, people_before: u32) -> bool {
    removes > 0 && removes as u64 * 2 > people_before as u64
}

pub fn import_preview_file(
    conn: &Connection,
    path: &Path,
    options: &ImportOptions,
) -> Result<ImportPreview> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    import_preview(conn, &name, &read::read_file(path)?, options)
}

/// Validates the whole file and writes it in one transaction that holds the
/// write lock from the first read, so the check sees exactly the workspace the
/// write changes. With any problem nothing is written and the error lists them all.
pub fn import_apply(
    conn: &mut Connection,
    bytes: &[u8],
    options: &ImportOptions,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ImportSummary> {
    progress(ImportProgress {
        phase: ImportPhase::Reading,
        done: 0,
        total: 0,
    });
    let table = table_read(bytes)?;
    let total = table.rows.len() as u32;
    progress(ImportProgress {
        phase: ImportPhase::Validating,
        done: 0,
        total,
    });
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let plan = import_plan(&tx, &table, options)?;
    if !plan.problems.is_empty() {
        return Err(Error::ImportInvalid(plan.problems));
    }
    let (removes, people_before) = (plan.removes.len() as u32, plan.existing.len() as u32);
    if removal_needs_confirmation(removes, people_before) && !options.confirm_removal {
        return Err(Error::NeedsConfirmation(format!(
            "this import would remove {removes} of the {people_before} people in the workspace (everyone not in the file); nothing was changed. If that is what you want, confirm the removal{}",
            if removes == people_before { " of everyone" } else { "" }
        )));
    }
    if let Some(at) = &options.taken_at {
        crate::snapshot::snapshot_take(&tx, crate::snapshot::SnapshotReason::BeforeImport, "", at)?;
    }
    let summary = write::write_plan(&tx, &plan, &mut |done| {
        progress(ImportProgress {
            phase: ImportPhase::Writing,
            done,
            total,
        })
    })?;
    tx.commit()?;
    progress(ImportProgress {
        phase: ImportPhase::Done,
        done: total,
        total,
    });
    Ok(summary)
}

pub fn import_apply_file(
    conn: &mut Connection,
    path: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ImportSummary> {
    import_apply(conn, &read::read_file(path)?, options, progress)
}
