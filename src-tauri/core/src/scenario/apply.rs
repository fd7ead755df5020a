//! Applying a scenario to the live org: one transaction, a snapshot of the org
//! before it, and one structure change that undoes it exactly (people added,
//! removed, moved, their role tracks and teams).

use std::collections::HashMap;

use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::build::Built;
use super::compare::PlanNeed;
use super::{scenario_get, steps_active};
use crate::error::{Error, Result};
use crate::org::diff::org_diff;
use crate::org::rows::OrgRows;
use crate::people::{cycle_names, cycle_through, RoleTrack};
use crate::removal::{delete_in, ReportsDestination};
use crate::reorg::{change_get, record_change, ChangeDetails, RecordedMove, StructureChange};
use crate::snapshot::{snapshot_take, Snapshot, SnapshotReason};
use crate::Workspace;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Applied {
    /// The structure change that undoes it.
    pub change: StructureChange,
    /// The org as it was just before.
    pub snapshot: Option<Snapshot>,
    /// The people whose role changed, for whom a transition plan is offered.
    pub plan_needs: Vec<PlanNeed>,
}

/// Applies scenario `id` to the live org. Its steps are replayed on the live
/// org as it is now (also for a scenario built on a snapshot); a change that
/// no longer fits refuses the whole apply, naming it, and nothing changes.
pub fn scenario_apply(ws: &Workspace, id: i64, made_on: &str, taken_at: &str) -> Result<Applied> {
    let (change_id, snapshot, plan_needs) = ws.write(|tx| {
        let scenario = scenario_get(tx, id)?;
        let live = OrgRows::live(tx)?;
        let mut built = Built::on(live.clone());
        built.replay(&steps_active(tx, id)?);
        if !built.conflicts.is_empty() {
            let listed: Vec<String> = built
                .conflicts
                .iter()
                .map(|c| format!("{} ({})", c.message, c.step))
                .collect();
            return Err(Error::Conflict(format!(
                "\"{}\" cannot be applied: {} of its changes no longer fit the live org: {}. Undo or change those steps first; nothing was changed",
                scenario.name,
                listed.len(),
                listed.join("; ")
            )));
        }
        let (live_structure, structure) = (live.structure()?, built.structure()?);
        let diff = org_diff(&live, &live_structure, &built.rows, &structure);
        if diff.is_empty() {
            return Err(Error::InvalidInput(format!(
                "\"{}\" would change nothing in the live org",
                scenario.name
            )));
        }
        let plan_needs = super::compare::plan_needs(tx, &diff)?;
        let snapshot = snapshot_take(tx, SnapshotReason::BeforeApply, "", taken_at)?;
        let description = format!("Applied scenario \"{}\"", scenario.name);
        let change_id = write_rows(tx, &live, &built.rows, &description, made_on, id)?;
        tx.execute(
            "UPDATE scenario SET applied_change_id = ?2 WHERE id = ?1",
            params![id, change_id],
        )?;
        Ok((change_id, snapshot, plan_needs))
    })?;
    Ok(Applied {
        change: change_get(ws.conn(), change_id)?,
        snapshot,
        plan_needs,
    })
}

/// Makes the live org (`live`) what `after` says, and records it.
fn write_rows(
    tx: &Transaction,
    live: &OrgRows,
    after: &OrgRows,
    description: &str,
    made_on: &str,
    scenario_id: i64,
) -> Result<i64> {
    let mut details = ChangeDetails {
        scenario_id: Some(scenario_id),
        ..ChangeDetails::default()
    };
    // Planned positions become people, first at the top: their managers may
    // be positions too.
    let mut new_id: HashMap<i64, i64> = HashMap::new();
    for row in after.iter().filter(|r| r.position.is_some()) {
        tx.execute(
            "INSERT INTO person (ext_id, name, title, kind, role_track, level, email, attributes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                row.ext_id,
                row.name,
                row.title,
                row.kind.as_str(),
                row.role_track.map(RoleTrack::as_str),
                row.level,
                row.email,
                row.attributes
            ],
        )?;
        let id = tx.last_insert_rowid();
        new_id.insert(row.id, id);
        details.added.push(id);
    }
    let real = |id: i64| new_id.get(&id).copied().unwrap_or(id);
    let mut moves = Vec::new();
    for row in after.iter() {
        let id = real(row.id);
        let manager = row.manager.map(real);
        let before = live.get(row.id).filter(|_| row.position.is_none());
        if let Some(team) = row.team.as_deref() {
            let wanted = before.and_then(|b| b.team.as_deref());
            if before.is_none() || !wanted.is_some_and(|w| w.eq_ignore_ascii_case(team)) {
                let old: Option<i64> =
                    tx.query_row("SELECT team_id FROM person WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })?;
                let team_id = crate::teams::team_ensure(tx, team)?;
                tx.execute(
                    "UPDATE person SET team_id = ?2 WHERE id = ?1",
                    params![id, team_id],
                )?;
                if before.is_some() {
                    details.teams.push((id, old, Some(team_id)));
                }
            }
        } else if let Some(b) = before.filter(|b| b.team.is_some()) {
            let old: Option<i64> =
                tx.query_row("SELECT team_id FROM person WHERE id = ?1", [b.id], |r| {
                    r.get(0)
                })?;
            tx.execute("UPDATE person SET team_id = NULL WHERE id = ?1", [id])?;
            details.teams.push((id, old, None));
        }
        match before {
            Some(b) => {
                if b.role_track != row.role_track {
                    tx.execute(
                        "UPDATE person SET role_track = ?2 WHERE id = ?1",
                        params![id, row.role_track.map(RoleTrack::as_str)],
                    )?;
                    details.role_tracks.push((id, b.role_track, row.role_track));
                }
                if b.manager != manager {
                    tx.execute(
                        "UPDATE person SET manager_id = ?2 WHERE id = ?1",
                        params![id, manager],
                    )?;
                    moves.push(RecordedMove {
                        person_id: id,
                        from: b.manager,
                        to: manager,
                    });
                }
            }
            None => {
                tx.execute(
                    "UPDATE person SET manager_id = ?2 WHERE id = ?1",
                    params![id, manager],
                )?;
            }
        }
    }
    // Whoever left has no reports any more (the scenario moved them), so the
    // deletion moves nobody; it refuses someone with a plan or audits.
    for row in live.iter().filter(|r| after.get(r.id).is_none()) {
        details
            .removed
            .push(delete_in(tx, row.id, ReportsDestination::NoManager)?);
    }
    let mut touched: Vec<i64> = moves.iter().map(|m| m.person_id).collect();
    touched.extend(&details.added);
    if let Some(cycle) = cycle_through(tx, &touched)? {
        return Err(Error::Conflict(format!(
            "applying it would create a reporting cycle ({}); nothing was changed",
            cycle_names(tx, &cycle)?
        )));
    }
    record_change(tx, &moves, &details, description, made_on)
}
