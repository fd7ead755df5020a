//! Dated snapshots of the live org: taken by hand, and automatically before
//! every import and every scenario applied, so a workshop can look back at the
//! org as it was, see what changed between any two dates, and follow the ratio
//! over time.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::metrics::metrics_compute;
use crate::org::diff::{org_diff, OrgDiff};
use crate::org::rows::OrgRows;
use crate::people::RoleTrack;
use crate::settings::thresholds_get;
use crate::Workspace;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SnapshotReason {
    Manual,
    BeforeImport,
    BeforeApply,
}

impl SnapshotReason {
    pub fn as_str(self) -> &'static str {
        match self {
            SnapshotReason::Manual => "manual",
            SnapshotReason::BeforeImport => "before_import",
            SnapshotReason::BeforeApply => "before_apply",
        }
    }
}

crate::stored_enum!(
    SnapshotReason: SnapshotReason::Manual,
    SnapshotReason::BeforeImport,
    SnapshotReason::BeforeApply
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Snapshot {
    #[ts(type = "number")]
    pub id: i64,
    /// Local date and time, "YYYY-MM-DD HH:MM".
    pub taken_at: String,
    pub label: String,
    pub reason: SnapshotReason,
    pub headcount: u32,
    pub managers: u32,
    pub ics: u32,
    pub agents: u32,
    pub layers: u32,
    /// ICs / managers; `null` without managers.
    pub ic_to_manager_ratio: Option<f64>,
}

impl Snapshot {
    /// How lists and messages name it: its label, else why it was taken, with the time.
    pub fn title(&self) -> String {
        let what = if !self.label.is_empty() {
            self.label.clone()
        } else {
            match self.reason {
                SnapshotReason::Manual => "Snapshot".into(),
                SnapshotReason::BeforeImport => "Before an import".into(),
                SnapshotReason::BeforeApply => "Before a scenario was applied".into(),
            }
        };
        format!("{what} ({})", self.taken_at)
    }
}

fn ratio(ics: u32, managers: u32) -> Option<f64> {
    (managers > 0).then(|| f64::from(ics) / f64::from(managers))
}

const SNAPSHOT_SELECT: &str =
    "SELECT id, taken_at, label, reason, headcount, managers, ics, agents, layers FROM snapshot";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Snapshot> {
    let (ics, managers): (u32, u32) = (r.get(6)?, r.get(5)?);
    Ok(Snapshot {
        id: r.get(0)?,
        taken_at: r.get(1)?,
        label: r.get(2)?,
        reason: r.get(3)?,
        headcount: r.get(4)?,
        managers,
        ics,
        agents: r.get(7)?,
        layers: r.get(8)?,
        ic_to_manager_ratio: ratio(ics, managers),
    })
}

/// Takes a snapshot of the live org inside the caller's transaction. An
/// automatic one (before an import or an apply) is skipped when the org is
/// empty or has not changed since the latest snapshot; then the latest one is
/// returned. A manual one is always taken.
pub fn snapshot_take(
    tx: &Transaction,
    reason: SnapshotReason,
    label: &str,
    taken_at: &str,
) -> Result<Option<Snapshot>> {
    let rows = OrgRows::live(tx)?;
    let fingerprint = rows.fingerprint();
    if reason != SnapshotReason::Manual {
        if rows.is_empty() {
            return Ok(None);
        }
        let latest: Option<(i64, String)> = tx
            .query_row(
                "SELECT id, fingerprint FROM snapshot ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((id, _)) = latest.filter(|(_, f)| *f == fingerprint) {
            return Ok(Some(snapshot_get(tx, id)?));
        }
    }
    let structure = rows.structure()?;
    let metrics = metrics_compute(&structure, None, thresholds_get(tx)?);
    tx.execute(
        "INSERT INTO snapshot (taken_at, label, reason, fingerprint, headcount, managers, ics, agents, layers)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            taken_at,
            label.trim(),
            reason.as_str(),
            fingerprint,
            metrics.headcount,
            metrics.managers,
            metrics.ics,
            metrics.agents,
            metrics.layers
        ],
    )?;
    let id = tx.last_insert_rowid();
    let mut insert = tx.prepare(
        "INSERT INTO snapshot_person (snapshot_id, person_id, ext_id, name, title, kind, role_track, level, team, manager_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for r in rows.iter() {
        insert.execute(params![
            id,
            r.id,
            r.ext_id,
            r.name,
            r.title,
            r.kind.as_str(),
            r.role_track.map(RoleTrack::as_str),
            r.level,
            r.team,
            r.manager
        ])?;
    }
    Ok(Some(snapshot_get(tx, id)?))
}

/// A snapshot taken by hand, in its own transaction.
pub fn snapshot_create(ws: &Workspace, label: &str, taken_at: &str) -> Result<Snapshot> {
    ws.write(|tx| {
        Ok(snapshot_take(tx, SnapshotReason::Manual, label, taken_at)?
            .expect("a manual snapshot is always taken"))
    })
}

pub fn snapshot_get(conn: &Connection, id: i64) -> Result<Snapshot> {
    conn.query_row(&format!("{SNAPSHOT_SELECT} WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no snapshot with id {id}")))
}

/// Every snapshot, oldest first (the order of a trend).
pub fn snapshot_list(conn: &Connection) -> Result<Vec<Snapshot>> {
    let mut stmt = conn.prepare(&format!("{SNAPSHOT_SELECT} ORDER BY taken_at, id"))?;
    let list = stmt
        .query_map([], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(list)
}

/// A snapshot from what a user typed: its number, or its exact label when
/// only one snapshot has it.
pub fn snapshot_resolve(conn: &Connection, text: &str) -> Result<i64> {
    let text = text.trim();
    if let Ok(id) = text.trim_start_matches('#').parse::<i64>() {
        return snapshot_get(conn, id).map(|s| s.id);
    }
    let mut stmt = conn.prepare("SELECT id FROM snapshot WHERE label = ?1 COLLATE NOCASE")?;
    let ids: Vec<i64> = stmt
        .query_map([text], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    match ids.as_slice() {
        [id] => Ok(*id),
        [] => Err(Error::NotFound(format!(
            "no snapshot with number or label \"{text}\" (see `snapshot list`)"
        ))),
        _ => Err(Error::InvalidInput(format!(
            "more than one snapshot is labelled \"{text}\"; use its number instead"
        ))),
    }
}

/// Deletes a snapshot no scenario is built on.
pub fn snapshot_delete(ws: &Workspace, id: i64) -> Result<()> {
    ws.write(|tx| {
        let snapshot = snapshot_get(tx, id)?;
        let based: Vec<String> = tx
            .prepare("SELECT name FROM scenario WHERE base_snapshot_id = ?1 ORDER BY name")?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if !based.is_empty() {
            return Err(Error::Conflict(format!(
                "{} cannot be deleted: the scenario(s) {} are built on it",
                snapshot.title(),
                based.join(", ")
            )));
        }
        tx.execute("DELETE FROM snapshot WHERE id = ?1", [id])?;
        Ok(())
    })
}

/// One side of a comparison over time: the org now, or as a snapshot kept it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "of", rename_all = "snake_case")]
#[ts(export)]
pub enum OrgVersion {
    Live,
    Snapshot {
        #[ts(type = "number")]
        id: i64,
    },
}

impl OrgVersion {
    pub fn rows(self, conn: &Connection) -> Result<OrgRows> {
        match self {
            OrgVersion::Live => OrgRows::live(conn),
            OrgVersion::Snapshot { id } => {
                snapshot_get(conn, id)?;
                OrgRows::of_snapshot(conn, id)
            }
        }
    }

    pub fn title(self, conn: &Connection) -> Result<String> {
        Ok(match self {
            OrgVersion::Live => "the live org".into(),
            OrgVersion::Snapshot { id } => snapshot_get(conn, id)?.title(),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VersionDiff {
    pub before: String,
    pub after: String,
    pub diff: OrgDiff,
}

/// What changed from one version of the org to another: joined, left, moved
/// (old → new manager), role and team changed. Read in one transaction so
/// both sides come from the same moment.
pub fn snapshot_diff(ws: &Workspace, before: OrgVersion, after: OrgVersion) -> Result<VersionDiff> {
    let conn = &*crate::db::read(ws.conn())?;
    let (a, b) = (before.rows(conn)?, after.rows(conn)?);
    let diff = org_diff(&a, &a.structure()?, &b, &b.structure()?);
    Ok(VersionDiff {
        before: before.title(conn)?,
        after: after.title(conn)?,
        diff,
    })
}
