//! What a deletion removed, kept in the workspace file so that undo is addressed
//! by an id. The window receives the deleted object only to show it; it never
//! sends it back, so an undo cannot re-insert data the core did not write, and
//! it still works after a restart.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{de::DeserializeOwned, Serialize};

use crate::error::{Error, Result};

/// How many deletions can be undone; older entries are dropped as new ones come,
/// so deleted personal data does not stay in the file forever.
pub const KEPT: i64 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UndoKind {
    Person,
    Assessment,
    Audit,
    PlanItem,
    Plan,
    Scenario,
}

impl UndoKind {
    fn as_str(self) -> &'static str {
        match self {
            UndoKind::Person => "person",
            UndoKind::Assessment => "assessment",
            UndoKind::Audit => "audit",
            UndoKind::PlanItem => "plan_item",
            UndoKind::Plan => "plan",
            UndoKind::Scenario => "scenario",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            UndoKind::Person => "a person",
            UndoKind::Assessment => "an assessment",
            UndoKind::Audit => "an SDLC audit",
            UndoKind::PlanItem => "a plan item",
            UndoKind::Plan => "a transition plan",
            UndoKind::Scenario => "a scenario",
        }
    }
}

/// Keeps what a deletion removed, inside the deletion's own transaction, and
/// returns the id an undo asks for.
pub fn undo_record(
    tx: &Transaction,
    kind: UndoKind,
    label: &str,
    payload: &impl Serialize,
) -> Result<i64> {
    let payload = serde_json::to_string(payload).expect("deleted data serializes");
    tx.execute(
        "INSERT INTO undo_entry (kind, label, payload) VALUES (?1, ?2, ?3)",
        params![kind.as_str(), label, payload],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute("DELETE FROM undo_entry WHERE id <= ?1", [id - KEPT])?;
    Ok(id)
}

/// Takes an undo entry out of the workspace, inside the restoring transaction:
/// if the restore fails the entry stays, and once it succeeds it cannot run twice.
pub fn undo_take<T: DeserializeOwned>(tx: &Transaction, id: i64, kind: UndoKind) -> Result<T> {
    let entry: Option<(String, String, String)> = tx
        .query_row(
            "SELECT kind, label, payload FROM undo_entry WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((stored_kind, label, payload)) = entry else {
        return Err(Error::NotFound(format!(
            "there is nothing to undo with id {id}: it was undone already, or is older than the last {KEPT} deletions"
        )));
    };
    if stored_kind != kind.as_str() {
        return Err(Error::InvalidInput(format!(
            "undo {id} is the deletion of {label}, not of {}",
            kind.noun()
        )));
    }
    let value = serde_json::from_str(&payload).map_err(|e| {
        Error::Conflict(format!(
            "the undo data of {label} in this workspace cannot be read ({e}); it was changed outside Leadline"
        ))
    })?;
    tx.execute("DELETE FROM undo_entry WHERE id = ?1", [id])?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{open_in_memory, write};

    #[test]
    fn an_entry_is_taken_once_and_only_as_its_own_kind() {
        let conn = open_in_memory().unwrap();
        let tx = write(&conn).unwrap();
        let id = undo_record(&tx, UndoKind::Plan, "the plan of Ada", &vec![1, 2, 3]).unwrap();
        tx.commit().unwrap();
        let tx = write(&conn).unwrap();
        let err = undo_take::<Vec<i32>>(&tx, id, UndoKind::Person).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput, "{err}");
        assert!(err.to_string().contains("the plan of Ada"), "{err}");
        assert_eq!(
            undo_take::<Vec<i32>>(&tx, id, UndoKind::Plan).unwrap(),
            [1, 2, 3]
        );
        assert_eq!(
            undo_take::<Vec<i32>>(&tx, id, UndoKind::Plan)
                .unwrap_err()
                .kind(),
            crate::ErrorKind::NotFound,
            "an undo runs once"
        );
    }

    #[test]
    fn only_the_latest_deletions_are_kept() {
        let conn = open_in_memory().unwrap();
        let tx = write(&conn).unwrap();
        let ids: Vec<i64> = (0..KEPT + 5)
            .map(|i| undo_record(&tx, UndoKind::Person, &format!("p{i}"), &i).unwrap())
            .collect();
        let kept: i64 = tx
            .query_row("SELECT count(*) FROM undo_entry", [], |r| r.get(0))
            .unwrap();
        assert_eq!(kept, KEPT);
        assert_eq!(
            undo_take::<i64>(&tx, ids[0], UndoKind::Person)
                .unwrap_err()
                .kind(),
            crate::ErrorKind::NotFound
        );
        assert_eq!(
            undo_take::<i64>(&tx, *ids.last().unwrap(), UndoKind::Person).unwrap(),
            KEPT + 4
        );
    }
}
