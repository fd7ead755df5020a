//! Scenarios for org-design workshops: named what-ifs stored as steps against
//! a base (the live org as it is now, or a snapshot), never as a copy of every
//! row. A step is one user action (a move, a split team, a planner proposal)
//! and is undone and redone as a whole; the live org is never touched until a
//! scenario is applied (`apply`).
//!
//! People are named by their id inside a workspace and by their file id
//! (ext_id) in a scenario file; positions a scenario adds by a UUID, so the
//! same planned position is recognised in every copy of the scenario.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::org::rows::PositionKind;
use crate::people::RoleTrack;
use crate::snapshot::snapshot_get;
use crate::undo::{undo_record, undo_take, UndoKind};
use crate::Workspace;

pub mod apply;
pub mod build;
pub mod compare;
pub mod file;
pub mod what_if;

#[cfg(test)]
mod tests;

pub use build::{scenario_build, Built, Conflict};

/// Someone a change is about: a person of the org, or a position a scenario adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Who<P = i64> {
    Person(P),
    Position(Uuid),
}

/// One change to the org. `P` names people: their id in a workspace, their
/// file id in a scenario file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum ScenarioChange<P = i64> {
    /// Under a new manager (`null`: to the top of the org).
    Move {
        who: Who<P>,
        to: Option<Who<P>>,
    },
    /// A position that does not exist yet: an open role, a planned hire or a
    /// planned AI agent.
    AddPosition {
        position: Uuid,
        kind: PositionKind,
        name: String,
        #[serde(default)]
        title: String,
        #[serde(default)]
        team: Option<String>,
        manager: Option<Who<P>>,
    },
    /// Out of the org; their reports go to their manager (or to the top).
    Remove {
        who: Who<P>,
    },
    RoleTrack {
        who: Who<P>,
        track: Option<RoleTrack>,
    },
    Team {
        who: Who<P>,
        team: Option<String>,
    },
    /// Everyone in team `from` moves to team `to`: a rename, or a merge when
    /// `to` exists.
    RenameTeam {
        from: String,
        to: String,
    },
}

/// A change and why it was made (the planner says why; a user's own edit
/// needs no reason).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change<P = i64> {
    #[serde(flatten)]
    pub change: ScenarioChange<P>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
}

impl<P> From<ScenarioChange<P>> for Change<P> {
    fn from(change: ScenarioChange<P>) -> Self {
        Change {
            change,
            why: String::new(),
        }
    }
}

impl<P: Clone> Who<P> {
    pub fn map<Q>(&self, f: &mut impl FnMut(&P) -> Result<Q>) -> Result<Who<Q>> {
        Ok(match self {
            Who::Person(p) => Who::Person(f(p)?),
            Who::Position(u) => Who::Position(*u),
        })
    }
}

impl<P: Clone> Change<P> {
    /// The same change with people named another way (ids ↔ file ids).
    pub fn map_people<Q>(&self, f: &mut impl FnMut(&P) -> Result<Q>) -> Result<Change<Q>> {
        use ScenarioChange as C;
        let change = match &self.change {
            C::Move { who, to } => C::Move {
                who: who.map(f)?,
                to: to.as_ref().map(|t| t.map(f)).transpose()?,
            },
            C::AddPosition {
                position,
                kind,
                name,
                title,
                team,
                manager,
            } => C::AddPosition {
                position: *position,
                kind: *kind,
                name: name.clone(),
                title: title.clone(),
                team: team.clone(),
                manager: manager.as_ref().map(|m| m.map(f)).transpose()?,
            },
            C::Remove { who } => C::Remove { who: who.map(f)? },
            C::RoleTrack { who, track } => C::RoleTrack {
                who: who.map(f)?,
                track: *track,
            },
            C::Team { who, team } => C::Team {
                who: who.map(f)?,
                team: team.clone(),
            },
            C::RenameTeam { from, to } => C::RenameTeam {
                from: from.clone(),
                to: to.clone(),
            },
        };
        Ok(Change {
            change,
            why: self.why.clone(),
        })
    }
}

/// What a scenario is built on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "on", rename_all = "snake_case")]
#[ts(export)]
pub enum ScenarioBase {
    /// The live org as it is now: edits to the live org show through.
    Live,
    Snapshot {
        #[ts(type = "number")]
        id: i64,
        title: String,
    },
}

/// Where a new scenario starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "from", rename_all = "snake_case")]
#[ts(export)]
pub enum ScenarioSource {
    Live,
    /// A copy of another scenario: its base and its steps.
    Scenario {
        #[ts(type = "number")]
        id: i64,
    },
    Snapshot {
        #[ts(type = "number")]
        id: i64,
    },
}

/// One step as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StepShown {
    #[ts(type = "number")]
    pub id: i64,
    pub label: String,
    pub changes: u32,
    pub undone: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Scenario {
    #[ts(type = "number")]
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub description: String,
    pub base: ScenarioBase,
    pub origin: String,
    pub created_at: String,
    /// The steps in order, undone ones last in line (a new step drops them).
    pub steps: Vec<StepShown>,
    /// What Undo would take back, and what Redo would bring back.
    pub undo: Option<String>,
    pub redo: Option<String>,
    /// The structure change that applied it to the live org, if it was applied.
    #[ts(type = "number | null")]
    pub applied_change_id: Option<i64>,
}

fn clean_name(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::InvalidInput("a scenario needs a name".into()));
    }
    if name.chars().count() > 80 {
        return Err(Error::InvalidInput(
            "a scenario's name can be at most 80 characters".into(),
        ));
    }
    Ok(name)
}

fn name_free(conn: &Connection, name: &str, except: Option<i64>) -> Result<()> {
    let taken: Option<i64> = conn
        .query_row(
            "SELECT id FROM scenario WHERE name = ?1 COLLATE NOCASE",
            [name],
            |r| r.get(0),
        )
        .optional()?;
    match taken {
        Some(id) if Some(id) != except => Err(Error::Conflict(format!(
            "there is already a scenario named \"{name}\""
        ))),
        _ => Ok(()),
    }
}

pub fn scenario_get(conn: &Connection, id: i64) -> Result<Scenario> {
    let row = conn
        .query_row(
            "SELECT id, uuid, name, description, base_snapshot_id, origin, created_at, applied_change_id
             FROM scenario WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<i64>>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, Option<i64>>(7)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no scenario with id {id}")))?;
    let (id, uuid, name, description, base, origin, created_at, applied_change_id) = row;
    let base = match base {
        None => ScenarioBase::Live,
        Some(sid) => ScenarioBase::Snapshot {
            id: sid,
            title: snapshot_get(conn, sid)?.title(),
        },
    };
    let steps = steps_shown(conn, id)?;
    let undo = steps
        .iter()
        .rev()
        .find(|s| !s.undone)
        .map(|s| s.label.clone());
    let redo = steps.iter().find(|s| s.undone).map(|s| s.label.clone());
    Ok(Scenario {
        id,
        uuid,
        name,
        description,
        base,
        origin,
        created_at,
        steps,
        undo,
        redo,
        applied_change_id,
    })
}

fn steps_shown(conn: &Connection, scenario_id: i64) -> Result<Vec<StepShown>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, label, json_array_length(changes), undone FROM scenario_step
         WHERE scenario_id = ?1 ORDER BY id",
    )?;
    let steps = stmt
        .query_map([scenario_id], |r| {
            Ok(StepShown {
                id: r.get(0)?,
                label: r.get(1)?,
                changes: r.get(2)?,
                undone: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(steps)
}

/// The active steps of a scenario, in order, with their changes.
pub fn steps_active(
    conn: &Connection,
    scenario_id: i64,
) -> Result<Vec<(i64, String, Vec<Change>)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, label, changes FROM scenario_step WHERE scenario_id = ?1 AND undone = 0 ORDER BY id",
    )?;
    let rows = stmt
        .query_map([scenario_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(id, label, json)| {
            let changes = serde_json::from_str(&json).map_err(|e| {
                Error::Conflict(format!(
                    "step \"{label}\" of this scenario cannot be read ({e}); the file was changed outside Leadline"
                ))
            })?;
            Ok((id, label, changes))
        })
        .collect()
}

/// Every scenario, by name.
pub fn scenario_list(conn: &Connection) -> Result<Vec<Scenario>> {
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM scenario ORDER BY name COLLATE NOCASE")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter().map(|id| scenario_get(conn, id)).collect()
}

/// A scenario from what a user typed: its exact name, or its number.
pub fn scenario_resolve(conn: &Connection, text: &str) -> Result<i64> {
    let text = text.trim();
    if let Some(id) = conn
        .query_row(
            "SELECT id FROM scenario WHERE name = ?1 COLLATE NOCASE",
            [text],
            |r| r.get(0),
        )
        .optional()?
    {
        return Ok(id);
    }
    if let Ok(id) = text.trim_start_matches('#').parse::<i64>() {
        return scenario_get(conn, id).map(|s| s.id);
    }
    Err(Error::NotFound(format!(
        "no scenario named \"{text}\" (see `scenario list`)"
    )))
}

/// A scenario about to be stored.
pub(crate) struct NewScenario<'a> {
    pub uuid: Uuid,
    pub name: &'a str,
    pub description: &'a str,
    pub base_snapshot: Option<i64>,
    pub origin: &'a str,
    pub created_at: &'a str,
    pub steps: &'a [(String, Vec<Change>)],
}

/// Inserts a scenario and its steps inside the caller's transaction.
pub(crate) fn scenario_insert(tx: &Transaction, new: NewScenario) -> Result<i64> {
    let name = clean_name(new.name)?;
    name_free(tx, name, None)?;
    if let Some(id) = new.base_snapshot {
        snapshot_get(tx, id)?;
    }
    tx.execute(
        "INSERT INTO scenario (uuid, name, description, base_snapshot_id, origin, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            new.uuid.to_string(),
            name,
            new.description.trim(),
            new.base_snapshot,
            new.origin,
            new.created_at
        ],
    )?;
    let id = tx.last_insert_rowid();
    for (label, changes) in new.steps {
        step_insert(tx, id, label, changes)?;
    }
    Ok(id)
}

fn step_insert(tx: &Transaction, scenario_id: i64, label: &str, changes: &[Change]) -> Result<()> {
    tx.execute(
        "INSERT INTO scenario_step (scenario_id, label, changes) VALUES (?1, ?2, ?3)",
        params![
            scenario_id,
            label.trim(),
            serde_json::to_string(changes).expect("changes serialize")
        ],
    )?;
    Ok(())
}

/// A new scenario from the live org, a copy of another scenario, or a snapshot.
pub fn scenario_create(
    ws: &Workspace,
    name: &str,
    from: ScenarioSource,
    created_at: &str,
) -> Result<Scenario> {
    let id = ws.write(|tx| {
        let (base, origin, steps) = match from {
            ScenarioSource::Live => (None, "the live org".to_string(), Vec::new()),
            ScenarioSource::Snapshot { id } => {
                (Some(id), snapshot_get(tx, id)?.title(), Vec::new())
            }
            ScenarioSource::Scenario { id } => {
                let source = scenario_get(tx, id)?;
                let base = match source.base {
                    ScenarioBase::Live => None,
                    ScenarioBase::Snapshot { id, .. } => Some(id),
                };
                let steps = steps_active(tx, id)?
                    .into_iter()
                    .map(|(_, label, changes)| (label, changes))
                    .collect();
                (base, format!("a copy of \"{}\"", source.name), steps)
            }
        };
        scenario_insert(
            tx,
            NewScenario {
                uuid: Uuid::new_v4(),
                name,
                description: "",
                base_snapshot: base,
                origin: &origin,
                created_at,
                steps: &steps,
            },
        )
    })?;
    scenario_get(ws.conn(), id)
}

pub fn scenario_rename(ws: &Workspace, id: i64, name: &str, description: &str) -> Result<Scenario> {
    ws.write(|tx| {
        scenario_get(tx, id)?;
        let name = clean_name(name)?;
        name_free(tx, name, Some(id))?;
        tx.execute(
            "UPDATE scenario SET name = ?2, description = ?3 WHERE id = ?1",
            params![id, name, description.trim()],
        )?;
        Ok(())
    })?;
    scenario_get(ws.conn(), id)
}

/// What deleting a scenario removed, kept for undo.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct DeletedScenario {
    id: i64,
    uuid: String,
    name: String,
    description: String,
    base_snapshot_id: Option<i64>,
    origin: String,
    created_at: String,
    steps: Vec<(String, String, bool)>,
}

/// Deletes a scenario; returns the undo id that brings it back.
pub fn scenario_delete(ws: &Workspace, id: i64) -> Result<i64> {
    ws.write(|tx| {
        let s = scenario_get(tx, id)?;
        let steps: Vec<(String, String, bool)> = tx
            .prepare("SELECT label, changes, undone FROM scenario_step WHERE scenario_id = ?1 ORDER BY id")?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let deleted = DeletedScenario {
            id,
            uuid: s.uuid,
            name: s.name.clone(),
            description: s.description,
            base_snapshot_id: match s.base {
                ScenarioBase::Live => None,
                ScenarioBase::Snapshot { id, .. } => Some(id),
            },
            origin: s.origin,
            created_at: s.created_at,
            steps,
        };
        tx.execute("DELETE FROM scenario WHERE id = ?1", [id])?;
        undo_record(
            tx,
            UndoKind::Scenario,
            &format!("the scenario \"{}\"", s.name),
            &deleted,
        )
    })
}

/// Brings back a deleted scenario with its id, name and steps.
pub fn scenario_restore(ws: &Workspace, undo_id: i64) -> Result<Scenario> {
    let id = ws.write(|tx| {
        let d: DeletedScenario = undo_take(tx, undo_id, UndoKind::Scenario)?;
        name_free(tx, &d.name, None)?;
        let base = match d.base_snapshot_id {
            Some(sid) if snapshot_get(tx, sid).is_ok() => Some(sid),
            _ => None,
        };
        tx.execute(
            "INSERT INTO scenario (id, uuid, name, description, base_snapshot_id, origin, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![d.id, d.uuid, d.name, d.description, base, d.origin, d.created_at],
        )?;
        for (label, changes, undone) in &d.steps {
            tx.execute(
                "INSERT INTO scenario_step (scenario_id, label, changes, undone) VALUES (?1, ?2, ?3, ?4)",
                params![d.id, label, changes, undone],
            )?;
        }
        Ok(d.id)
    })?;
    scenario_get(ws.conn(), id)
}

/// Adds one step to a scenario, checked against the scenario as it stands:
/// a change that cannot apply (an unknown person, a cycle, a human under an
/// agent) refuses the whole step and nothing is stored. Steps undone before
/// are dropped, as in any editor's undo history.
pub fn scenario_step_add(
    ws: &Workspace,
    scenario_id: i64,
    label: &str,
    changes: &[Change],
) -> Result<Scenario> {
    if changes.is_empty() {
        return Err(Error::InvalidInput(
            "a step needs at least one change".into(),
        ));
    }
    ws.write(|tx| {
        let mut built = scenario_build(tx, scenario_id)?;
        for change in changes {
            built.apply(&change.change).map_err(Error::InvalidInput)?;
        }
        tx.execute(
            "DELETE FROM scenario_step WHERE scenario_id = ?1 AND undone = 1",
            [scenario_id],
        )?;
        step_insert(tx, scenario_id, label, changes)
    })?;
    scenario_get(ws.conn(), scenario_id)
}

/// Takes back the scenario's latest step.
pub fn scenario_undo(ws: &Workspace, scenario_id: i64) -> Result<Scenario> {
    ws.write(|tx| {
        let name = scenario_get(tx, scenario_id)?.name;
        let n = tx.execute(
            "UPDATE scenario_step SET undone = 1 WHERE id =
               (SELECT max(id) FROM scenario_step WHERE scenario_id = ?1 AND undone = 0)",
            [scenario_id],
        )?;
        if n == 0 {
            return Err(Error::InvalidInput(format!(
                "the scenario \"{name}\" has nothing to undo"
            )));
        }
        Ok(())
    })?;
    scenario_get(ws.conn(), scenario_id)
}

/// Brings back the step undone last.
pub fn scenario_redo(ws: &Workspace, scenario_id: i64) -> Result<Scenario> {
    ws.write(|tx| {
        let name = scenario_get(tx, scenario_id)?.name;
        let n = tx.execute(
            "UPDATE scenario_step SET undone = 0 WHERE id =
               (SELECT min(id) FROM scenario_step WHERE scenario_id = ?1 AND undone = 1)",
            [scenario_id],
        )?;
        if n == 0 {
            return Err(Error::InvalidInput(format!(
                "the scenario \"{name}\" has nothing to redo"
            )));
        }
        Ok(())
    })?;
    scenario_get(ws.conn(), scenario_id)
}
