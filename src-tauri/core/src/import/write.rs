//! Applying a validated import inside the caller's transaction: the teams the
//! file names, the removals asked for, then each person that changes, managers
//! before their reports.

use std::collections::HashMap;

use rusqlite::{params, Transaction};

use super::validate::{is_unchanged, merged_attributes, ImportPlan};
use super::FilePerson;
use super::ImportSummary;
use crate::error::Result;
use crate::people::RoleTrack;

/// Writes a plan without problems; `progress` hears how many rows are done.
pub(super) fn write_plan(
    tx: &Transaction,
    plan: &ImportPlan,
    progress: &mut dyn FnMut(u32),
) -> Result<ImportSummary> {
    let (team_ids, teams_created) = teams_ensure(tx, &plan.rows)?;
    removes_apply(tx, &plan.removes)?;
    people_write(tx, plan, &team_ids, progress)?;
    Ok(ImportSummary {
        added: plan.adds,
        updated: plan.updates,
        unchanged: plan.unchanged,
        removed: plan.removes.len() as u32,
        teams_created,
    })
}

/// Teams by lower-case name, with those the file names created on first use;
/// also how many were created.
fn teams_ensure(tx: &Transaction, rows: &[FilePerson]) -> Result<(HashMap<String, i64>, u32)> {
    let mut team_ids: HashMap<String, i64> = HashMap::new();
    {
        let mut stmt = tx.prepare("SELECT id, name FROM team")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            team_ids.insert(r.get::<_, String>(1)?.to_lowercase(), r.get(0)?);
        }
    }
    let mut created = 0;
    let mut new_team = tx.prepare("INSERT INTO team (name) VALUES (?1)")?;
    for row in rows {
        if let Some(team) = &row.team {
            if let std::collections::hash_map::Entry::Vacant(slot) =
                team_ids.entry(team.to_lowercase())
            {
                new_team.execute([team])?;
                slot.insert(tx.last_insert_rowid());
                created += 1;
            }
        }
    }
    Ok((team_ids, created))
}

fn removes_apply(tx: &Transaction, removes: &[i64]) -> Result<()> {
    if removes.is_empty() {
        return Ok(());
    }
    let ids = serde_json::to_string(removes).expect("ids serialize");
    // Whoever reports to someone removed gets their manager from the file
    // below; until then they must not hold the removed person in place.
    tx.execute(
        "UPDATE person SET manager_id = NULL
         WHERE id IN (SELECT value FROM json_each(?1)) OR manager_id IN (SELECT value FROM json_each(?1))",
        [&ids],
    )?;
    tx.execute(
        "DELETE FROM person WHERE id IN (SELECT value FROM json_each(?1))",
        [&ids],
    )?;
    Ok(())
}

/// Inserts the new people and updates the changed ones, in the plan's order.
fn people_write(
    tx: &Transaction,
    plan: &ImportPlan,
    team_ids: &HashMap<String, i64>,
    progress: &mut dyn FnMut(u32),
) -> Result<()> {
    let mut id_of: HashMap<&str, i64> = plan
        .existing
        .iter()
        .map(|(ext, e)| (ext.as_str(), e.id))
        .collect();
    let mut insert = tx.prepare(
        "INSERT INTO person (ext_id, name, title, kind, role_track, level, team_id, email, manager_id, attributes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    let mut update = tx.prepare(
        "UPDATE person SET name = ?2, title = ?3, kind = ?4, role_track = ?5, level = ?6, team_id = ?7,
                email = ?8, manager_id = ?9, attributes = ?10
         WHERE id = ?1",
    )?;
    for (done, row) in plan.rows.iter().enumerate() {
        if done % 2000 == 0 {
            progress(done as u32);
        }
        let before = plan.existing.get(&row.ext_id);
        if before.is_some_and(|b| is_unchanged(row, b)) {
            continue;
        }
        let team_id = row
            .team
            .as_ref()
            .and_then(|t| team_ids.get(&t.to_lowercase()).copied());
        // Managers come first in the plan, so their id is known by now.
        let manager_id = row
            .manager_ext
            .as_deref()
            .and_then(|m| id_of.get(m).copied());
        let attributes = merged_attributes(row, before.map(|b| &b.attributes));
        let attributes = serde_json::to_string(&attributes).expect("attributes serialize");
        let kind = row.kind.as_str();
        let role = row.role_track.map(RoleTrack::as_str);
        match before {
            Some(b) => {
                update.execute(params![
                    b.id, row.name, row.title, kind, role, row.level, team_id, row.email,
                    manager_id, attributes
                ])?;
            }
            None => {
                insert.execute(params![
                    row.ext_id, row.name, row.title, kind, role, row.level, team_id, row.email,
                    manager_id, attributes
                ])?;
                id_of.insert(row.ext_id.as_str(), tx.last_insert_rowid());
            }
        }
    }
    progress(plan.rows.len() as u32);
    Ok(())
}
