//! The org as full rows (who, name, title, team, manager…): what a snapshot
//! keeps and what a scenario changes. Rows become an `OrgStructure` for the
//! metrics, an in-memory workspace for the screens, and one side of a diff.

use std::collections::HashMap;

use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::OrgStructure;
use crate::error::Result;
use crate::people::{PersonKind, RoleTrack};

/// What a position a scenario adds stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PositionKind {
    /// A role that exists and is not filled.
    OpenRole,
    /// Someone the org means to hire.
    PlannedHire,
    /// An AI agent the org means to run.
    PlannedAgent,
}

impl PositionKind {
    pub fn words(self) -> &'static str {
        match self {
            PositionKind::OpenRole => "open role",
            PositionKind::PlannedHire => "planned hire",
            PositionKind::PlannedAgent => "planned AI agent",
        }
    }

    pub fn person_kind(self) -> PersonKind {
        match self {
            PositionKind::PlannedAgent => PersonKind::Agent,
            _ => PersonKind::Human,
        }
    }
}

/// A planned position as a row carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub uuid: Uuid,
    pub kind: PositionKind,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OrgRow {
    /// The person's id; negative for a position a scenario adds.
    pub id: i64,
    pub ext_id: String,
    pub name: String,
    pub title: String,
    pub kind: PersonKind,
    pub role_track: Option<RoleTrack>,
    pub level: String,
    pub team: Option<String>,
    pub email: String,
    pub manager: Option<i64>,
    /// The import's extra columns, as the workspace stores them (JSON).
    pub attributes: String,
    pub position: Option<Position>,
}

/// The rows of an org, found by id. A removed row leaves a hole, so that
/// positions stay what they were while a scenario is replayed.
#[derive(Debug, Clone, Default)]
pub struct OrgRows {
    rows: Vec<Option<OrgRow>>,
    index: HashMap<i64, usize>,
}

impl OrgRows {
    pub fn from_rows(rows: impl IntoIterator<Item = OrgRow>) -> Self {
        let mut out = OrgRows::default();
        for row in rows {
            out.push(row);
        }
        out
    }

    /// The live org, as the workspace holds it now (inside a transaction: as
    /// that transaction sees it).
    pub fn live(conn: &Connection) -> Result<Self> {
        let mut stmt = conn.prepare(
            "SELECT p.id, p.ext_id, p.name, p.title, p.kind, p.role_track, p.level, t.name,
                    p.email, p.manager_id, p.attributes
             FROM person p LEFT JOIN team t ON t.id = p.team_id ORDER BY p.id",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(OrgRow {
                    id: r.get(0)?,
                    ext_id: r.get(1)?,
                    name: r.get(2)?,
                    title: r.get(3)?,
                    kind: r.get(4)?,
                    role_track: r.get(5)?,
                    level: r.get(6)?,
                    team: r.get(7)?,
                    email: r.get(8)?,
                    manager: r.get(9)?,
                    attributes: r.get(10)?,
                    position: None,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Self::from_rows(rows))
    }

    /// The org as a snapshot kept it. Snapshots keep no emails or attributes:
    /// they are a record of the structure, not a second copy of personal data.
    pub fn of_snapshot(conn: &Connection, snapshot_id: i64) -> Result<Self> {
        let mut stmt = conn.prepare(
            "SELECT person_id, ext_id, name, title, kind, role_track, level, team, manager_id
             FROM snapshot_person WHERE snapshot_id = ?1 ORDER BY person_id",
        )?;
        let rows = stmt
            .query_map([snapshot_id], |r| {
                Ok(OrgRow {
                    id: r.get(0)?,
                    ext_id: r.get(1)?,
                    name: r.get(2)?,
                    title: r.get(3)?,
                    kind: r.get(4)?,
                    role_track: r.get(5)?,
                    level: r.get(6)?,
                    team: r.get(7)?,
                    email: String::new(),
                    manager: r.get(8)?,
                    attributes: "{}".into(),
                    position: None,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Self::from_rows(rows))
    }

    pub fn push(&mut self, row: OrgRow) {
        self.index.insert(row.id, self.rows.len());
        self.rows.push(Some(row));
    }

    pub fn get(&self, id: i64) -> Option<&OrgRow> {
        self.index.get(&id).and_then(|&i| self.rows[i].as_ref())
    }

    pub fn get_mut(&mut self, id: i64) -> Option<&mut OrgRow> {
        let i = *self.index.get(&id)?;
        self.rows[i].as_mut()
    }

    pub fn remove(&mut self, id: i64) -> Option<OrgRow> {
        let i = self.index.remove(&id)?;
        self.rows[i].take()
    }

    pub fn iter(&self) -> impl Iterator<Item = &OrgRow> {
        self.rows.iter().flatten()
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut OrgRow> {
        self.rows.iter_mut().flatten()
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The row of a planned position, by its UUID.
    pub fn position(&self, uuid: Uuid) -> Option<&OrgRow> {
        self.iter()
            .find(|r| r.position.is_some_and(|p| p.uuid == uuid))
    }

    /// The reporting structure of these rows, ordered by id as the live
    /// structure is, so the same org gives the same structure either way.
    pub fn structure(&self) -> Result<OrgStructure> {
        let mut order: Vec<&OrgRow> = self.iter().collect();
        order.sort_unstable_by_key(|r| r.id);
        OrgStructure::from_lines(
            order.iter().map(|r| r.id).collect(),
            order.iter().map(|r| r.manager).collect(),
            order.iter().map(|r| r.kind == PersonKind::Agent).collect(),
            order.iter().map(|r| r.role_track).collect(),
            order.iter().map(|r| r.name.as_str().into()).collect(),
        )
    }

    /// A stable hash of what a snapshot keeps (FNV-1a, so it is the same in
    /// every build): an automatic snapshot of an unchanged org is not taken twice.
    pub fn fingerprint(&self) -> String {
        let mut order: Vec<&OrgRow> = self.iter().collect();
        order.sort_unstable_by_key(|r| r.id);
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut feed = |bytes: &[u8]| {
            for &b in bytes.iter().chain([0xffu8].iter()) {
                hash ^= u64::from(b);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        };
        for r in order {
            feed(&r.id.to_le_bytes());
            feed(r.ext_id.as_bytes());
            feed(r.name.as_bytes());
            feed(r.title.as_bytes());
            feed(r.kind.as_str().as_bytes());
            feed(r.role_track.map(RoleTrack::as_str).unwrap_or("").as_bytes());
            feed(r.level.as_bytes());
            feed(r.team.as_deref().unwrap_or("\u{0}").as_bytes());
            feed(&r.manager.unwrap_or(0).to_le_bytes());
        }
        format!("{hash:016x}")
    }

    /// Writes these rows as the people and teams of an empty workspace (an
    /// in-memory one that shows a scenario or a snapshot on the usual screens).
    /// Teams are numbered in name order; managers are checked at commit.
    pub fn write_into(&self, tx: &Transaction) -> Result<()> {
        tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        let mut teams: Vec<&str> = self.iter().filter_map(|r| r.team.as_deref()).collect();
        teams.sort_unstable_by_key(|t| t.to_lowercase());
        teams.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        let mut team_ids: HashMap<String, i64> = HashMap::new();
        {
            let mut insert = tx.prepare("INSERT INTO team (name) VALUES (?1)")?;
            for team in teams {
                insert.execute([team])?;
                team_ids.insert(team.to_lowercase(), tx.last_insert_rowid());
            }
        }
        let mut insert = tx.prepare(
            "INSERT INTO person (id, ext_id, name, title, kind, role_track, level, team_id, email,
                                 manager_id, attributes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        for r in self.iter() {
            insert.execute(params![
                r.id,
                r.ext_id,
                r.name,
                r.title,
                r.kind.as_str(),
                r.role_track.map(RoleTrack::as_str),
                r.level,
                r.team
                    .as_deref()
                    .and_then(|t| team_ids.get(&t.to_lowercase())),
                r.email,
                r.manager,
                r.attributes,
            ])?;
        }
        Ok(())
    }
}
