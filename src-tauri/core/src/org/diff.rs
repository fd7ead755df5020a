//! What changed between two versions of the org (two snapshots, a snapshot and
//! the live org, the live org and a scenario): who joined, who left, who moved
//! from which manager to which, whose role and team changed. People are
//! matched by their id; a scenario's planned positions by their UUID.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::rows::{OrgRow, OrgRows, PositionKind};
use super::OrgStructure;
use crate::people::{PersonKind, RoleTrack};

/// A person as a diff names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DiffPerson {
    /// Their id on the side they are read from (negative for a planned position).
    #[ts(type = "number")]
    pub id: i64,
    pub ext_id: String,
    pub name: String,
    pub title: String,
    pub team: Option<String>,
    pub kind: PersonKind,
    /// Set for a position a scenario adds.
    pub position: Option<PositionKind>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DiffMove {
    pub person: DiffPerson,
    /// The manager before and after (`null`: the top of the org).
    pub from: Option<DiffPerson>,
    pub to: Option<DiffPerson>,
}

/// What the structure makes someone: it decides who manages, not the title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum StructuralRole {
    Manager,
    Ic,
    Agent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RoleState {
    pub structural: StructuralRole,
    /// Human direct reports.
    pub span: u32,
    pub declared: Option<RoleTrack>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DiffRole {
    pub person: DiffPerson,
    pub before: RoleState,
    pub after: RoleState,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DiffTeam {
    pub person: DiffPerson,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrgDiff {
    pub joined: Vec<DiffPerson>,
    pub left: Vec<DiffPerson>,
    pub moved: Vec<DiffMove>,
    /// A manager who no longer manages (or the other way), or a declared role
    /// track that changed.
    pub role_changed: Vec<DiffRole>,
    pub team_changed: Vec<DiffTeam>,
}

impl OrgDiff {
    pub fn is_empty(&self) -> bool {
        self.joined.is_empty()
            && self.left.is_empty()
            && self.moved.is_empty()
            && self.role_changed.is_empty()
            && self.team_changed.is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Person(i64),
    Position(Uuid),
}

fn key(row: &OrgRow) -> Key {
    match row.position {
        Some(p) => Key::Position(p.uuid),
        None => Key::Person(row.id),
    }
}

fn shown(row: &OrgRow) -> DiffPerson {
    DiffPerson {
        id: row.id,
        ext_id: row.ext_id.clone(),
        name: row.name.clone(),
        title: row.title.clone(),
        team: row.team.clone(),
        kind: row.kind,
        position: row.position.map(|p| p.kind),
    }
}

/// The role the structure and the declared track give `row`.
pub fn role_state(row: &OrgRow, structure: &OrgStructure) -> RoleState {
    let span = structure
        .index(row.id)
        .map(|n| structure.human_reports(n))
        .unwrap_or(0);
    RoleState {
        structural: if row.kind == PersonKind::Agent {
            StructuralRole::Agent
        } else if span > 0 {
            StructuralRole::Manager
        } else {
            StructuralRole::Ic
        },
        span,
        declared: row.role_track,
    }
}

fn manager_key<'a>(rows: &'a OrgRows, row: &OrgRow) -> Option<(Key, &'a OrgRow)> {
    row.manager.and_then(|m| rows.get(m)).map(|m| (key(m), m))
}

/// What changed from `before` to `after`, each list ordered by name then id.
/// Linear in the two orgs.
pub fn org_diff(
    before: &OrgRows,
    before_structure: &OrgStructure,
    after: &OrgRows,
    after_structure: &OrgStructure,
) -> OrgDiff {
    let after_by_key: HashMap<Key, &OrgRow> = after.iter().map(|r| (key(r), r)).collect();
    let before_keys: std::collections::HashSet<Key> = before.iter().map(key).collect();
    let mut diff = OrgDiff::default();
    for old in before.iter() {
        let Some(new) = after_by_key.get(&key(old)).copied() else {
            diff.left.push(shown(old));
            continue;
        };
        let (old_manager, new_manager) = (manager_key(before, old), manager_key(after, new));
        if old_manager.map(|m| m.0) != new_manager.map(|m| m.0) {
            diff.moved.push(DiffMove {
                person: shown(new),
                from: old_manager.map(|m| shown(m.1)),
                to: new_manager.map(|m| shown(m.1)),
            });
        }
        let (was, is) = (
            role_state(old, before_structure),
            role_state(new, after_structure),
        );
        if was.structural != is.structural || was.declared != is.declared {
            diff.role_changed.push(DiffRole {
                person: shown(new),
                before: was,
                after: is,
            });
        }
        let same_team = match (&old.team, &new.team) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            (a, b) => a == b,
        };
        if !same_team {
            diff.team_changed.push(DiffTeam {
                person: shown(new),
                from: old.team.clone(),
                to: new.team.clone(),
            });
        }
    }
    diff.joined = after
        .iter()
        .filter(|r| !before_keys.contains(&key(r)))
        .map(shown)
        .collect();
    let by_name = |a: &DiffPerson, b: &DiffPerson| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.id.cmp(&b.id))
    };
    diff.joined.sort_by(by_name);
    diff.left.sort_by(by_name);
    diff.moved.sort_by(|a, b| by_name(&a.person, &b.person));
    diff.role_changed
        .sort_by(|a, b| by_name(&a.person, &b.person));
    diff.team_changed
        .sort_by(|a, b| by_name(&a.person, &b.person));
    diff
}
