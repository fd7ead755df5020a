//! Scenario files: a scenario travels as a JSON document naming people by
//! their file id (the HRIS employee id) and new positions by UUID, so another
//! workspace holding the same org can import it. Workshop participants each
//! work on a copy and send their scenario back; the facilitator imports them
//! all and compares.
//!
//! The format (version 1):
//!
//! ```json
//! {
//!   "format": "leadline-scenario",
//!   "version": 1,
//!   "uuid": "6f1c…",                 // the scenario's identity
//!   "name": "Flatter platform",
//!   "description": "",
//!   "exported_at": "2026-12-01 09:30",
//!   "people_in_org": 240,            // for the reader; not checked
//!   "steps": [
//!     { "label": "Dana becomes an IC leader; their reports go to Ada",
//!       "changes": [
//!         { "change": "role_track", "who": { "person": "E017" }, "track": "ic_leader" },
//!         { "change": "move", "who": { "person": "E031" }, "to": { "person": "E001" },
//!           "why": "optional reason" },
//!         { "change": "add_position", "position": "0b6f…", "kind": "open_role",
//!           "name": "", "title": "Staff Engineer", "team": "Platform",
//!           "manager": { "person": "E001" } },
//!         { "change": "remove", "who": { "position": "0b6f…" } },
//!         { "change": "team", "who": { "person": "E031" }, "team": "Payments" },
//!         { "change": "rename_team", "from": "Infra", "to": "Platform" }
//!       ] }
//!   ]
//! }
//! ```

use std::collections::{BTreeSet, HashMap};

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::build::{base_rows, Built};
use super::{scenario_get, scenario_insert, steps_active, Change, NewScenario, Scenario};
use crate::error::{Error, Result};
use crate::org::rows::OrgRows;
use crate::Workspace;

pub const FORMAT: &str = "leadline-scenario";
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ScenarioFile {
    pub format: String,
    pub version: u32,
    pub uuid: Uuid,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub exported_at: String,
    #[serde(default)]
    pub people_in_org: u32,
    pub steps: Vec<FileStep>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FileStep {
    pub label: String,
    pub changes: Vec<Change<String>>,
}

/// The file of scenario `id`, as pretty JSON.
pub fn scenario_export(conn: &Connection, id: i64, exported_at: &str) -> Result<Vec<u8>> {
    let scenario = scenario_get(conn, id)?;
    // Ids of people the scenario names: those of its base, and anyone in the
    // live org (a snapshot may predate a person a step names).
    let base = base_rows(conn, &scenario.base)?;
    let mut ext_of: HashMap<i64, String> = base.iter().map(|r| (r.id, r.ext_id.clone())).collect();
    let mut lookup = conn.prepare_cached("SELECT ext_id FROM person WHERE id = ?1")?;
    let mut file_id = |id: &i64| -> Result<String> {
        if let Some(ext) = ext_of.get(id) {
            return Ok(ext.clone());
        }
        let ext: String = lookup
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| {
                Error::NotFound(format!(
                    "the scenario names the person with id {id}, who is no longer in the workspace; undo or change that step before exporting"
                ))
            })?;
        ext_of.insert(*id, ext.clone());
        Ok(ext)
    };
    let steps = steps_active(conn, id)?
        .into_iter()
        .map(|(_, label, changes)| {
            Ok(FileStep {
                label,
                changes: changes
                    .iter()
                    .map(|c| c.map_people(&mut file_id))
                    .collect::<Result<_>>()?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let file = ScenarioFile {
        format: FORMAT.into(),
        version: VERSION,
        uuid: scenario
            .uuid
            .parse()
            .map_err(|e| Error::Conflict(format!("the scenario's UUID cannot be read ({e})")))?,
        name: scenario.name,
        description: scenario.description,
        exported_at: exported_at.into(),
        people_in_org: base.len() as u32,
        steps,
    };
    let mut bytes = serde_json::to_vec_pretty(&file).expect("a scenario file serializes");
    bytes.push(b'\n');
    Ok(bytes)
}

/// What importing a file would do, before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScenarioFileCheck {
    pub name: String,
    /// The name it will get here (the file's, or with a number when taken).
    pub import_as: String,
    pub steps: u32,
    pub changes: u32,
    /// People the file names, and how many of them this workspace has.
    pub people_named: u32,
    pub people_found: u32,
    /// Changes that cannot apply here (a person missing, a manager gone, a
    /// move that would make a cycle), in words. Nothing is imported until the
    /// user chooses to leave them out.
    pub conflicts: Vec<String>,
}

fn parse(bytes: &[u8]) -> Result<ScenarioFile> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        Error::InvalidInput(format!("this is not a scenario file: it is not JSON ({e})"))
    })?;
    match value.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        _ => {
            return Err(Error::InvalidInput(format!(
                "this is not a Leadline scenario file: it has no \"format\": \"{FORMAT}\""
            )))
        }
    }
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > u64::from(VERSION) {
        return Err(Error::InvalidInput(format!(
            "this scenario file is version {version}, written by a newer Leadline; this one reads version {VERSION}"
        )));
    }
    serde_json::from_value(value)
        .map_err(|e| Error::InvalidInput(format!("this scenario file cannot be read: {e}")))
}

/// The file's steps with people named by their ids here, what could not be
/// mapped or replayed, and the counts the check shows.
struct Mapped {
    file: ScenarioFile,
    steps: Vec<(String, Vec<Change>)>,
    conflicts: Vec<String>,
    people_named: u32,
    people_found: u32,
}

fn map_file(conn: &Connection, bytes: &[u8]) -> Result<Mapped> {
    let file = parse(bytes)?;
    let mut named: BTreeSet<String> = BTreeSet::new();
    let mut found: HashMap<String, i64> = HashMap::new();
    let mut lookup = conn.prepare_cached("SELECT id FROM person WHERE ext_id = ?1")?;
    for step in &file.steps {
        for change in &step.changes {
            change.map_people(&mut |ext: &String| {
                if named.insert(ext.clone()) {
                    if let Some(id) = lookup.query_row([ext], |r| r.get::<_, i64>(0)).optional()? {
                        found.insert(ext.clone(), id);
                    }
                }
                Ok(())
            })?;
        }
    }
    let (people_named, people_found) = (named.len() as u32, found.len() as u32);
    if people_named > 0 && people_found * 2 < people_named {
        return Err(Error::InvalidInput(format!(
            "this scenario was made for another org: {} of the {people_named} people it names are not in this workspace (for example {})",
            people_named - people_found,
            named
                .iter()
                .filter(|e| !found.contains_key(*e))
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let mut built = Built::on(OrgRows::live(conn)?);
    let mut conflicts = Vec::new();
    let mut steps = Vec::new();
    for step in &file.steps {
        let mut kept = Vec::new();
        for change in &step.changes {
            let mapped = change.map_people(&mut |ext: &String| {
                found.get(ext).copied().ok_or_else(|| {
                    Error::NotFound(format!(
                        "the person with file id {ext} is not in this workspace"
                    ))
                })
            });
            match mapped {
                Err(e) => conflicts.push(format!("{} (in \"{}\")", e, step.label)),
                Ok(c) => match built.apply(&c.change) {
                    Err(message) => conflicts.push(format!("{message} (in \"{}\")", step.label)),
                    Ok(()) => kept.push(c),
                },
            }
        }
        if !kept.is_empty() {
            steps.push((step.label.clone(), kept));
        }
    }
    Ok(Mapped {
        file,
        steps,
        conflicts,
        people_named,
        people_found,
    })
}

fn free_name(conn: &Connection, name: &str) -> Result<String> {
    let base = name.trim();
    let base = if base.is_empty() {
        "Imported scenario"
    } else {
        base
    };
    let base: String = base.chars().take(72).collect();
    let mut candidate = base.clone();
    let mut n = 2;
    while conn
        .query_row(
            "SELECT 1 FROM scenario WHERE name = ?1 COLLATE NOCASE",
            [&candidate],
            |_| Ok(()),
        )
        .optional()?
        .is_some()
    {
        candidate = format!("{base} ({n})");
        n += 1;
    }
    Ok(candidate)
}

/// Reads a scenario file and says what importing it would do; writes nothing.
pub fn scenario_import_check(conn: &Connection, bytes: &[u8]) -> Result<ScenarioFileCheck> {
    let mapped = map_file(conn, bytes)?;
    Ok(ScenarioFileCheck {
        import_as: free_name(conn, &mapped.file.name)?,
        name: mapped.file.name.clone(),
        steps: mapped.file.steps.len() as u32,
        changes: mapped
            .file
            .steps
            .iter()
            .map(|s| s.changes.len() as u32)
            .sum(),
        people_named: mapped.people_named,
        people_found: mapped.people_found,
        conflicts: mapped.conflicts,
    })
}

/// Imports a scenario file as a new scenario on the live org. With conflicts
/// nothing is imported unless `leave_out_conflicts` says to import the rest.
pub fn scenario_import(
    ws: &Workspace,
    bytes: &[u8],
    leave_out_conflicts: bool,
    source_name: &str,
    created_at: &str,
) -> Result<Scenario> {
    let id = ws.write(|tx| {
        let mapped = map_file(tx, bytes)?;
        if !mapped.conflicts.is_empty() && !leave_out_conflicts {
            return Err(Error::Conflict(format!(
                "{} change(s) of \"{}\" do not fit this org: {}. Nothing was imported; import again leaving them out, or fix the file",
                mapped.conflicts.len(),
                mapped.file.name,
                mapped.conflicts.join("; ")
            )));
        }
        let name = free_name(tx, &mapped.file.name)?;
        // The same scenario sent back after edits is a new scenario here.
        let taken: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM scenario WHERE uuid = ?1)",
            [mapped.file.uuid.to_string()],
            |r| r.get(0),
        )?;
        let uuid = if taken { Uuid::new_v4() } else { mapped.file.uuid };
        let origin = if source_name.is_empty() {
            "a scenario file".to_string()
        } else {
            format!("the file {source_name}")
        };
        scenario_insert(
            tx,
            NewScenario {
                uuid,
                name: &name,
                description: &mapped.file.description,
                base_snapshot: None,
                origin: &origin,
                created_at,
                steps: &mapped.steps,
            },
        )
    })?;
    scenario_get(ws.conn(), id)
}
