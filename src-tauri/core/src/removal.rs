//! Deleting a person and undoing it. A person's data lives in every domain
//! (assessments, audits, plans), so this sits above them: `people` itself
//! depends on none of them.

use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db;
use crate::error::{Error, Result};
use crate::people::{
    check_manager, check_team, cycle_names, cycle_through, kind_of, manager_of, names_of,
    person_get, Person, RoleTrack,
};
use crate::undo::{undo_record, undo_take, UndoKind};

/// Where the direct reports of a deleted person go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "to", rename_all = "snake_case")]
#[ts(export)]
pub enum ReportsDestination {
    /// To the deleted person's own manager (or to the top when they had none).
    UpOneLevel,
    /// To this person.
    Person {
        #[ts(type = "number")]
        id: i64,
    },
    /// To the top of the org: they will have no manager.
    NoManager,
}

/// What a deletion removed. The window shows it; undo asks for `undo_id` and
/// reads the rest from the workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeletedPerson {
    #[ts(type = "number")]
    pub undo_id: i64,
    pub person: Person,
    /// Ids of the people (and agents) who reported to them before the deletion.
    #[ts(type = "Array<number>")]
    pub former_reports: Vec<i64>,
    /// Where those reports went: the undo puts back only people still there.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub reports_went_to: Option<i64>,
    /// Their skill assessments, which go with them and come back on undo.
    pub assessments: Vec<crate::skills::assessment::Assessment>,
    /// The SDLC audit stages they owned: (audit id, stage), owned again on undo.
    #[serde(default)]
    #[ts(type = "Array<[number, string]>")]
    pub owned_audit_stages: Vec<(i64, String)>,
}

/// Deletes a person; their direct reports go where `reports` says, in the same
/// transaction. Returns what `person_restore` needs to undo it.
pub fn person_delete(
    conn: &Connection,
    id: i64,
    reports: ReportsDestination,
) -> Result<DeletedPerson> {
    let tx = db::write(conn)?;
    let mut deleted = delete_in(&tx, id, reports)?;
    deleted.undo_id = undo_record(&tx, UndoKind::Person, &deleted.person.name, &deleted)?;
    tx.commit()?;
    Ok(deleted)
}

/// Deletes a person inside the caller's transaction (a deletion of its own,
/// or a scenario applied to the live org); the caller keeps what it returns
/// for undo (`undo_id` is left at 0).
pub(crate) fn delete_in(
    tx: &Transaction,
    id: i64,
    reports: ReportsDestination,
) -> Result<DeletedPerson> {
    let person = person_get(tx, id)?;
    // A plan is a person's own work; deleting it along with them could not be undone.
    let plans: i64 = tx.query_row(
        "SELECT count(*) FROM transition_plan WHERE person_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if plans > 0 {
        return Err(Error::Conflict(format!(
            "{} has a transition plan; delete the plan first, on the Transition screen",
            person.name
        )));
    }
    let audits: i64 = tx.query_row(
        "SELECT count(*) FROM sdlc_audit WHERE person_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if audits > 0 {
        return Err(Error::Conflict(format!(
            "{} has {audits} SDLC audit(s) of their work; delete those first",
            person.name
        )));
    }
    let owned_audit_stages = {
        let mut stmt = tx.prepare(
            "SELECT audit_id, stage FROM sdlc_audit_stage WHERE owner_id = ?1 ORDER BY audit_id, stage",
        )?;
        let owned = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<(i64, String)>>>()?;
        owned
    };
    let mut stmt = tx.prepare("SELECT id FROM person WHERE manager_id = ?1 ORDER BY id")?;
    let former_reports: Vec<i64> = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    drop(stmt);
    let assessments = crate::skills::assessment::assessment_list(tx, id, None)?;
    let destination = match reports {
        ReportsDestination::UpOneLevel => person.manager_id,
        ReportsDestination::NoManager => None,
        ReportsDestination::Person { id: target } => {
            if target == id {
                return Err(Error::InvalidInput(format!(
                    "{}'s reports cannot go to {} who is being deleted",
                    person.name, person.name
                )));
            }
            Some(target)
        }
    };
    if let Some(target) = destination {
        for &report in &former_reports {
            let kind = kind_of(tx, report)?;
            // The target may sit below the deleted person; detach first so the
            // cycle check sees the structure as it will be.
            tx.execute(
                "UPDATE person SET manager_id = NULL WHERE id = ?1",
                [report],
            )?;
            check_manager(tx, Some((report, kind)), target)?;
        }
    }
    tx.execute(
        "UPDATE person SET manager_id = ?2 WHERE manager_id = ?1 OR id IN (SELECT value FROM json_each(?3))",
        params![id, destination, serde_json::to_string(&former_reports).unwrap_or_default()],
    )?;
    tx.execute("DELETE FROM person WHERE id = ?1", [id])?;
    Ok(DeletedPerson {
        undo_id: 0,
        person,
        former_reports,
        reports_went_to: destination,
        assessments,
        owned_audit_stages,
    })
}

/// Undoes `person_delete`: the person comes back with the same id, fields,
/// attributes and assessments, and their former reports report to them again.
/// Refused, with the reason, when a former report has been moved since (the
/// undo would silently overwrite that move) or when the result would have a
/// reporting cycle.
pub fn person_restore(conn: &Connection, undo_id: i64) -> Result<Person> {
    let tx = db::write(conn)?;
    let deleted: DeletedPerson = undo_take(&tx, undo_id, UndoKind::Person)?;
    restore_in(&tx, &deleted)?;
    tx.commit()?;
    person_get(conn, deleted.person.id)
}

/// Puts a deleted person back inside the caller's transaction, with the
/// same checks as `person_restore`.
pub(crate) fn restore_in(tx: &Transaction, deleted: &DeletedPerson) -> Result<()> {
    let p = &deleted.person;
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM person WHERE id = ?1 OR ext_id = ?2)",
        params![p.id, p.ext_id],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Error::Conflict(format!(
            "{} cannot be restored: their id {} is in use again",
            p.name, p.ext_id
        )));
    }
    // Reports deleted since are skipped; the others must still be where the
    // deletion put them.
    let mut returning = Vec::new();
    for &report in &deleted.former_reports {
        match manager_of(tx, report)? {
            None => {}
            Some(now) if now == deleted.reports_went_to => returning.push(report),
            Some(now) => {
                let name = names_of(tx, &[report])?.remove(0);
                let place = match now {
                    Some(m) => format!("now reports to {}", names_of(tx, &[m])?.remove(0)),
                    None => "is now at the top of the org".to_string(),
                };
                return Err(Error::Conflict(format!(
                    "cannot undo deleting {}: {name}, who reported to them, has been moved since ({name} {place}); move {name} back first or leave the deletion",
                    p.name
                )));
            }
        }
    }
    let manager = match p.manager_id {
        Some(m) if kind_of(tx, m).is_ok() => Some(m),
        _ => None,
    };
    let team = match p.team_id {
        Some(t) if check_team(tx, Some(t)).is_ok() => Some(t),
        _ => None,
    };
    tx.execute(
        "INSERT INTO person (id, ext_id, name, title, kind, role_track, level, team_id, email, manager_id, attributes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            p.id,
            p.ext_id,
            p.name,
            p.title,
            p.kind.as_str(),
            p.role_track.map(RoleTrack::as_str),
            p.level,
            team,
            p.email,
            manager,
            serde_json::to_string(&p.attributes).unwrap_or_else(|_| "{}".into()),
        ],
    )?;
    for assessment in &deleted.assessments {
        crate::skills::assessment::assessment_insert(tx, assessment)?;
    }
    for (audit, stage) in &deleted.owned_audit_stages {
        // Only where nobody was made the owner since.
        tx.execute(
            "UPDATE sdlc_audit_stage SET owner_id = ?1 WHERE audit_id = ?2 AND stage = ?3 AND owner_id IS NULL",
            params![p.id, audit, stage],
        )?;
    }
    for &report in &returning {
        tx.execute(
            "UPDATE person SET manager_id = ?1 WHERE id = ?2",
            params![p.id, report],
        )?;
    }
    let mut moved = vec![p.id];
    moved.extend(&returning);
    if let Some(cycle) = cycle_through(tx, &moved)? {
        return Err(Error::Conflict(format!(
            "cannot undo deleting {}: with the moves made since, it would create a reporting cycle ({})",
            p.name,
            cycle_names(tx, &cycle)?
        )));
    }
    Ok(())
}
