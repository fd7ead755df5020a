//! Writing audits: creating one (every problem of the input named, nothing
//! saved), deleting one with the record undo needs, and restoring it.

use rusqlite::{params, Connection, Transaction};

use super::read::audit_get;
use super::{Audit, AuditInput, DeletedAudit, StageInput};
use crate::dates;
use crate::error::{Error, Result};
use crate::undo::{undo_record, undo_take, UndoKind};

/// Names every problem of the input at once, so the form can show them together.
fn check_input(conn: &Connection, input: &AuditInput) -> Result<()> {
    let mut problems = Vec::new();
    if let Err(e) = dates::parse(&input.taken_on) {
        problems.push(e.to_string());
    }
    if let Err(e) = input.scope.name(conn) {
        problems.push(e.to_string());
    }
    if input.stages.is_empty() {
        problems.push("rate at least one stage".into());
    }
    let mut seen = std::collections::BTreeSet::new();
    for s in &input.stages {
        let label = s.stage.label();
        if !seen.insert(s.stage) {
            problems.push(format!("{label} is rated twice"));
        }
        if s.slowdown > 4 {
            problems.push(format!("{label}: slowdown {} is outside 0–4", s.slowdown));
        }
        if s.ai_use > 4 {
            problems.push(format!("{label}: AI use {} is outside 0–4", s.ai_use));
        }
        if let Some(owner) = s.owner_id {
            if crate::people::person_brief(conn, owner).is_err() {
                problems.push(format!(
                    "{label}: no person or agent with id {owner} to own it"
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidInput(format!(
            "the audit was not saved: {}",
            problems.join("; ")
        )))
    }
}

/// Stores the audit and its stages; `id` is given when an undo puts an audit back.
fn insert(conn: &Transaction, id: Option<i64>, input: &AuditInput) -> Result<i64> {
    let (person, team) = input.scope.columns();
    conn.execute(
        "INSERT INTO sdlc_audit (id, person_id, team_id, taken_on, note) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, person, team, input.taken_on, input.note.trim()],
    )?;
    let id = conn.last_insert_rowid();
    let mut stmt = conn.prepare(
        "INSERT INTO sdlc_audit_stage (audit_id, stage, slowdown, ai_use, owner_id, next_change)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for s in &input.stages {
        stmt.execute(params![
            id,
            s.stage.as_str(),
            s.slowdown,
            s.ai_use,
            s.owner_id,
            s.next_change.trim()
        ])?;
    }
    Ok(id)
}

/// Saves a dated audit; every problem with the input is named and nothing is saved.
pub fn audit_create(conn: &Connection, input: &AuditInput) -> Result<Audit> {
    let tx = crate::db::write(conn)?;
    let id = audit_store(&tx, input)?;
    let audit = audit_get(&tx, id)?;
    tx.commit()?;
    Ok(audit)
}

/// Checks and stores an audit inside the caller's transaction.
pub(crate) fn audit_store(tx: &Transaction, input: &AuditInput) -> Result<i64> {
    check_input(tx, input)?;
    insert(tx, None, input)
}

/// Deletes an audit and its stages. Plan items it fed stay in their plans,
/// unlinked; the record for undo remembers which they were.
pub fn audit_delete(conn: &Connection, id: i64) -> Result<DeletedAudit> {
    let tx = crate::db::write(conn)?;
    let audit = audit_get(&tx, id)?;
    let plan_items = {
        let mut stmt = tx.prepare("SELECT id FROM plan_item WHERE audit_id = ?1 ORDER BY id")?;
        let ids = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        ids
    };
    tx.execute("DELETE FROM sdlc_audit WHERE id = ?1", [id])?;
    let mut deleted = DeletedAudit {
        undo_id: 0,
        audit,
        plan_items,
    };
    let label = format!(
        "the audit of {} on {}",
        deleted.audit.scope_name, deleted.audit.taken_on
    );
    deleted.undo_id = undo_record(&tx, UndoKind::Audit, &label, &deleted)?;
    tx.commit()?;
    Ok(deleted)
}

/// Undoes `audit_delete`: same id, same ratings, and the plan items it fed point to it again.
pub fn audit_restore(conn: &Connection, undo_id: i64) -> Result<Audit> {
    let tx = crate::db::write(conn)?;
    let deleted: DeletedAudit = undo_take(&tx, undo_id, UndoKind::Audit)?;
    let a = &deleted.audit;
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM sdlc_audit WHERE id = ?1)",
        [a.id],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Error::Conflict(format!(
            "the audit of {} on {} is already there",
            a.scope_name, a.taken_on
        )));
    }
    let input = AuditInput {
        scope: a.scope,
        taken_on: a.taken_on.clone(),
        note: a.note.clone(),
        stages: a
            .stages
            .iter()
            .map(|s| StageInput {
                stage: s.stage,
                slowdown: s.slowdown,
                ai_use: s.ai_use,
                // An owner deleted since is left out rather than failing the undo.
                owner_id: s
                    .owner_id
                    .filter(|&o| crate::people::person_brief(&tx, o).is_ok()),
                next_change: s.next_change.clone(),
            })
            .collect(),
    };
    check_input(&tx, &input)?;
    insert(&tx, Some(a.id), &input)?;
    tx.execute(
        "UPDATE plan_item SET audit_id = ?1 WHERE id IN (SELECT value FROM json_each(?2))",
        params![
            a.id,
            serde_json::to_string(&deleted.plan_items).unwrap_or_default()
        ],
    )?;
    tx.commit()?;
    audit_get(conn, a.id)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{agent, audit_of, stage};
    use super::super::{AuditScope, Stage};
    use super::*;
    use crate::db::open_in_memory;
    use crate::people::tests::add;
    use crate::people::PersonKind;

    #[test]
    fn bad_input_names_every_problem_and_saves_nothing() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let mut input = audit_of(
            ada,
            "2026-13-01",
            vec![stage(Stage::Planning, 5, 0), stage(Stage::Planning, 1, 9)],
        );
        input.stages[0].owner_id = Some(999);
        let err = audit_create(&conn, &input).unwrap_err();
        let text = err.to_string();
        for part in [
            "2026-13-01",
            "rated twice",
            "slowdown 5",
            "AI use 9",
            "id 999",
        ] {
            assert!(text.contains(part), "{part} missing from: {text}");
        }
        let err = audit_create(
            &conn,
            &AuditInput {
                scope: AuditScope::Team { id: 42 },
                ..audit_of(ada, "2026-10-01", vec![stage(Stage::Planning, 1, 1)])
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("no team with id 42"), "{err}");
        let count: i64 = conn
            .query_row("SELECT count(*) FROM sdlc_audit", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, 0);
    }

    #[test]
    fn a_deleted_audit_comes_back_with_its_owner_and_ratings() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let bot = agent(&conn, "Reviewer bot", ada);
        let mut review = stage(Stage::CodeReview, 3, 2);
        review.owner_id = Some(bot);
        review.next_change = "Agent pre-review of every change".into();
        let audit = audit_create(&conn, &audit_of(ada, "2026-10-01", vec![review])).unwrap();
        assert_eq!(audit.stages[0].owner_kind, Some(PersonKind::Agent));
        let deleted = audit_delete(&conn, audit.id).unwrap();
        assert_eq!(
            audit_get(&conn, audit.id).unwrap_err().kind(),
            crate::ErrorKind::NotFound
        );
        let restored = audit_restore(&conn, deleted.undo_id).unwrap();
        assert_eq!(restored, audit);
    }

    #[test]
    fn an_owner_deleted_and_restored_owns_their_stage_again_and_audited_scopes_stay() {
        use crate::removal::{person_delete, person_restore, ReportsDestination};
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let bo = add(&conn, "Bo", Some(ada));
        let mut review = stage(Stage::CodeReview, 3, 1);
        review.owner_id = Some(bo);
        let audit = audit_create(&conn, &audit_of(ada, "2026-10-01", vec![review])).unwrap();

        let deleted = person_delete(&conn, bo, ReportsDestination::UpOneLevel).unwrap();
        assert_eq!(audit_get(&conn, audit.id).unwrap().stages[0].owner_id, None);
        person_restore(&conn, deleted.undo_id).unwrap();
        assert_eq!(audit_get(&conn, audit.id).unwrap(), audit);

        let err = person_delete(&conn, ada, ReportsDestination::UpOneLevel).unwrap_err();
        assert!(err.to_string().contains("SDLC audit"), "{err}");
        let team = crate::teams::team_create(&conn, "Platform").unwrap();
        audit_create(
            &conn,
            &AuditInput {
                scope: AuditScope::Team { id: team.id },
                ..audit_of(ada, "2026-10-02", vec![stage(Stage::Planning, 1, 1)])
            },
        )
        .unwrap();
        let err = crate::teams::team_delete(&conn, team.id).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Conflict, "{err}");
        assert!(crate::teams::team_get(&conn, team.id).is_ok());
    }
}
