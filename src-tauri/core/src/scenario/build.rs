//! A scenario's org: its base rows with its steps replayed on them. Every
//! change is checked as it is replayed (the person exists, no human under an
//! agent, no reporting cycle). A change the base no longer allows (someone
//! left the live org since) is skipped and reported as a conflict, never
//! applied half-way or silently dropped.

use std::collections::HashMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::{scenario_get, steps_active, Change, ScenarioBase, ScenarioChange, Who};
use crate::error::Result;
use crate::org::rows::{OrgRow, OrgRows, Position};
use crate::org::OrgStructure;
use crate::people::PersonKind;

/// A change of a scenario that does not apply to its base as it is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Conflict {
    #[ts(type = "number")]
    pub step_id: i64,
    pub step: String,
    pub message: String,
}

/// A scenario's org, as rows, and the changes that could not apply.
#[derive(Debug, Clone)]
pub struct Built {
    pub rows: OrgRows,
    pub conflicts: Vec<Conflict>,
    positions: HashMap<Uuid, i64>,
    next_position_id: i64,
}

/// The rows a scenario starts from.
pub fn base_rows(conn: &Connection, base: &ScenarioBase) -> Result<OrgRows> {
    match base {
        ScenarioBase::Live => OrgRows::live(conn),
        ScenarioBase::Snapshot { id, .. } => OrgRows::of_snapshot(conn, *id),
    }
}

/// The org of scenario `id`: its base with its active steps replayed.
pub fn scenario_build(conn: &Connection, id: i64) -> Result<Built> {
    let scenario = scenario_get(conn, id)?;
    let mut built = Built::on(base_rows(conn, &scenario.base)?);
    built.replay(&steps_active(conn, id)?);
    Ok(built)
}

impl Built {
    pub fn on(rows: OrgRows) -> Self {
        Built {
            rows,
            conflicts: Vec::new(),
            positions: HashMap::new(),
            next_position_id: -1,
        }
    }

    /// Replays steps in order; what does not apply becomes a conflict.
    pub fn replay(&mut self, steps: &[(i64, String, Vec<Change>)]) {
        for (step_id, label, changes) in steps {
            for change in changes {
                if let Err(message) = self.apply(&change.change) {
                    self.conflicts.push(Conflict {
                        step_id: *step_id,
                        step: label.clone(),
                        message,
                    });
                }
            }
        }
    }

    pub fn structure(&self) -> Result<OrgStructure> {
        self.rows.structure()
    }

    /// The row id of someone a change names, or why there is none.
    pub fn resolve(&self, who: &Who) -> std::result::Result<i64, String> {
        match who {
            Who::Person(id) => match self.rows.get(*id) {
                Some(_) => Ok(*id),
                None => Err(format!(
                    "the person with id {id} is not in this org (removed from it, or never in it)"
                )),
            },
            Who::Position(uuid) => self
                .positions
                .get(uuid)
                .copied()
                .ok_or_else(|| format!("the planned position {uuid} is not in this scenario")),
        }
    }

    /// How a change names someone, from their row id.
    pub fn who(&self, id: i64) -> Who {
        match self.rows.get(id).and_then(|r| r.position) {
            Some(p) => Who::Position(p.uuid),
            None => Who::Person(id),
        }
    }

    fn name(&self, id: i64) -> &str {
        self.rows.get(id).map(|r| r.name.as_str()).unwrap_or("?")
    }

    /// Checks that `id` may report to `to` in the org as it stands.
    fn check_manager(&self, id: i64, to: i64) -> std::result::Result<(), String> {
        if id == to {
            return Err(format!("{} cannot report to themselves", self.name(id)));
        }
        let (person, manager) = (
            &self.rows.get(id).expect("resolved"),
            self.rows.get(to).expect("resolved"),
        );
        if manager.kind == PersonKind::Agent && person.kind == PersonKind::Human {
            return Err(format!(
                "{} is an AI agent: {} cannot report to an agent",
                manager.name, person.name
            ));
        }
        // Walk up from the new manager: meeting `id` means a cycle.
        let mut chain = vec![to];
        let mut current = manager.manager;
        while let Some(m) = current {
            if m == id {
                let mut names: Vec<&str> = vec![self.name(id)];
                names.extend(chain.iter().rev().map(|&c| self.name(c)));
                names.push(self.name(id));
                return Err(format!(
                    "{} cannot report to {}: {} is below {}, so it would make a reporting cycle ({})",
                    self.name(id),
                    self.name(to),
                    self.name(to),
                    self.name(id),
                    names.join(" → ")
                ));
            }
            if chain.len() > self.rows.len() {
                return Err("the org already has a reporting cycle".into());
            }
            chain.push(m);
            current = self.rows.get(m).and_then(|r| r.manager);
        }
        Ok(())
    }

    /// Applies one change, or says why it cannot apply (and changes nothing).
    pub fn apply(&mut self, change: &ScenarioChange) -> std::result::Result<(), String> {
        match change {
            ScenarioChange::Move { who, to } => {
                let id = self.resolve(who)?;
                let to = to.as_ref().map(|t| self.resolve(t)).transpose()?;
                if let Some(to) = to {
                    self.check_manager(id, to)?;
                }
                self.rows.get_mut(id).expect("resolved").manager = to;
            }
            ScenarioChange::AddPosition {
                position,
                kind,
                name,
                title,
                team,
                manager,
            } => {
                if self.positions.contains_key(position) {
                    return Err(format!(
                        "the planned position {position} is in this scenario already"
                    ));
                }
                let manager = manager.as_ref().map(|m| self.resolve(m)).transpose()?;
                let person_kind = kind.person_kind();
                if let Some(m) = manager {
                    let boss = self.rows.get(m).expect("resolved");
                    if boss.kind == PersonKind::Agent && person_kind == PersonKind::Human {
                        return Err(format!(
                            "{} is an AI agent: a {} cannot report to an agent",
                            boss.name,
                            kind.words()
                        ));
                    }
                }
                let name = match name.trim() {
                    "" => {
                        let words = kind.words();
                        let mut w = words.chars();
                        let capital: String = w
                            .next()
                            .map(|c| c.to_uppercase().collect())
                            .unwrap_or_default();
                        format!("{capital}{}", w.as_str())
                    }
                    n => n.to_string(),
                };
                let id = self.next_position_id;
                self.next_position_id -= 1;
                self.rows.push(OrgRow {
                    id,
                    ext_id: format!("pos-{position}"),
                    name,
                    title: title.trim().to_string(),
                    kind: person_kind,
                    role_track: None,
                    level: String::new(),
                    team: team
                        .as_deref()
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(String::from),
                    email: String::new(),
                    manager,
                    attributes: serde_json::json!({ "Planned position": kind.words() }).to_string(),
                    position: Some(Position {
                        uuid: *position,
                        kind: *kind,
                    }),
                });
                self.positions.insert(*position, id);
            }
            ScenarioChange::Remove { who } => {
                let id = self.resolve(who)?;
                let up = self.rows.get(id).expect("resolved").manager;
                for row in self.rows.iter_mut() {
                    if row.manager == Some(id) {
                        row.manager = up;
                    }
                }
                let removed = self.rows.remove(id).expect("resolved");
                if let Some(p) = removed.position {
                    self.positions.remove(&p.uuid);
                }
            }
            ScenarioChange::RoleTrack { who, track } => {
                let id = self.resolve(who)?;
                let row = self.rows.get_mut(id).expect("resolved");
                if row.kind == PersonKind::Agent && track.is_some() {
                    return Err(format!("{} is an AI agent and has no role track", row.name));
                }
                row.role_track = *track;
            }
            ScenarioChange::Team { who, team } => {
                let id = self.resolve(who)?;
                self.rows.get_mut(id).expect("resolved").team = team
                    .as_deref()
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(String::from);
            }
            ScenarioChange::RenameTeam { from, to } => {
                let (from, to) = (from.trim(), to.trim());
                if to.is_empty() {
                    return Err(format!("team \"{from}\" needs a new name"));
                }
                // A merge into an existing team takes that team's spelling.
                let to = self
                    .rows
                    .iter()
                    .filter_map(|r| r.team.as_deref())
                    .find(|t| t.eq_ignore_ascii_case(to))
                    .unwrap_or(to)
                    .to_string();
                let mut moved = 0;
                for row in self.rows.iter_mut() {
                    if row
                        .team
                        .as_deref()
                        .is_some_and(|t| t.eq_ignore_ascii_case(from))
                    {
                        row.team = Some(to.clone());
                        moved += 1;
                    }
                }
                if moved == 0 {
                    return Err(format!("nobody is in a team named \"{from}\""));
                }
            }
        }
        Ok(())
    }
}
