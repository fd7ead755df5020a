//! Reading audits back: one audit with each stage compared with the previous
//! audit of the same scope and the worst bottlenecks ranked (`audit_get`), and
//! the list of audits (`audit_list`).

use rusqlite::{params, Connection, OptionalExtension};

use super::bottlenecks::worst_bottlenecks;
use super::{Audit, AuditRef, AuditScope, AuditSummary, Stage, StageRow};
use crate::error::{Error, Result};
use crate::people::PersonKind;

/// (slowdown, ai_use) per stage of one audit.
fn ratings_of(conn: &Connection, audit_id: i64) -> Result<Vec<(Stage, u8, u8)>> {
    let mut stmt =
        conn.prepare("SELECT stage, slowdown, ai_use FROM sdlc_audit_stage WHERE audit_id = ?1")?;
    let rows = stmt
        .query_map([audit_id], |r| {
            let stage: String = r.get(0)?;
            Ok((stage, r.get(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<Vec<(String, u8, u8)>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(stage, slowdown, ai)| Stage::parse(&stage).map(|s| (s, slowdown, ai)))
        .collect())
}

/// An audit with its stages in lifecycle order, each beside its rating in the
/// previous audit of the same scope, and the worst bottlenecks ranked.
pub fn audit_get(conn: &Connection, id: i64) -> Result<Audit> {
    let (person, team, taken_on, note): (Option<i64>, Option<i64>, String, String) = conn
        .query_row(
            "SELECT person_id, team_id, taken_on, note FROM sdlc_audit WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no SDLC audit with id {id}")))?;
    let scope = AuditScope::from_columns(person, team);
    let previous = audit_previous(conn, (person, team), &taken_on, id)?;
    let before = match &previous {
        Some(p) => ratings_of(conn, p.id)?,
        None => Vec::new(),
    };
    let mut stages = stage_rows(conn, id, &before)?;
    stages.sort_by_key(|s| s.stage);
    let worst = worst_bottlenecks(&stages);
    for (rank, stage) in worst.iter().enumerate() {
        if let Some(row) = stages.iter_mut().find(|s| s.stage == *stage) {
            row.rank = Some(rank as u8 + 1);
        }
    }
    Ok(Audit {
        id,
        scope,
        scope_name: scope.name(conn)?,
        taken_on,
        note,
        total_slowdown: Audit::slowdown_sum(&stages),
        stages,
        worst,
        previous,
    })
}

/// The previous audit of the same scope: earlier date, or same date and saved earlier.
/// The scope is given as the (person_id, team_id) pair stored with the audit.
fn audit_previous(
    conn: &Connection,
    (person, team): (Option<i64>, Option<i64>),
    taken_on: &str,
    id: i64,
) -> Result<Option<AuditRef>> {
    Ok(conn
        .query_row(
            "SELECT id, taken_on FROM sdlc_audit
             WHERE person_id IS ?1 AND team_id IS ?2 AND (taken_on < ?3 OR (taken_on = ?3 AND id < ?4))
             ORDER BY taken_on DESC, id DESC LIMIT 1",
            params![person, team, taken_on, id],
            |r| {
                Ok(AuditRef {
                    id: r.get(0)?,
                    taken_on: r.get(1)?,
                })
            },
        )
        .optional()?)
}

/// The audit's rated stages with their owners, unranked, each beside its
/// rating in `before` (the previous audit); a stage this version does not
/// know is left out.
fn stage_rows(conn: &Connection, id: i64, before: &[(Stage, u8, u8)]) -> Result<Vec<StageRow>> {
    let mut stmt = conn.prepare(
        "SELECT s.stage, s.slowdown, s.ai_use, s.owner_id, p.name, p.kind, s.next_change
         FROM sdlc_audit_stage s LEFT JOIN person p ON p.id = s.owner_id
         WHERE s.audit_id = ?1",
    )?;
    let stages = stmt
        .query_map([id], |r| {
            let stage: String = r.get(0)?;
            let kind: Option<String> = r.get(5)?;
            Ok((
                stage,
                r.get::<_, u8>(1)?,
                r.get::<_, u8>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<String>>(4)?,
                kind,
                r.get::<_, String>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter_map(
            |(stage, slowdown, ai_use, owner_id, owner_name, kind, next)| {
                let stage = Stage::parse(&stage)?;
                let earlier = before.iter().find(|(s, _, _)| *s == stage);
                Some(StageRow {
                    stage,
                    label: stage.label().into(),
                    slowdown,
                    ai_use,
                    owner_id,
                    owner_name,
                    owner_kind: kind.as_deref().and_then(PersonKind::parse),
                    next_change: next,
                    previous_slowdown: earlier.map(|e| e.1),
                    previous_ai_use: earlier.map(|e| e.2),
                    rank: None,
                })
            },
        )
        .collect::<Vec<_>>();
    Ok(stages)
}

/// Audits, newest first: all of them, or those of one scope.
pub fn audit_list(conn: &Connection, scope: Option<AuditScope>) -> Result<Vec<AuditSummary>> {
    let (person, team, all) = match scope {
        Some(s) => {
            let (p, t) = s.columns();
            (p, t, false)
        }
        None => (None, None, true),
    };
    let mut stmt = conn.prepare(
        "SELECT id FROM sdlc_audit WHERE ?3 OR (person_id IS ?1 AND team_id IS ?2)
         ORDER BY taken_on DESC, id DESC",
    )?;
    let ids: Vec<i64> = stmt
        .query_map(params![person, team, all], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter()
        .map(|id| {
            let audit = audit_get(conn, id)?;
            Ok(AuditSummary {
                id,
                scope: audit.scope,
                scope_name: audit.scope_name,
                taken_on: audit.taken_on,
                stages_rated: audit.stages.len() as u32,
                worst: audit.worst.first().map(|s| s.label().to_string()),
                total_slowdown: audit.total_slowdown,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::audit_create;
    use super::super::fixtures::{audit_of, stage};
    use super::*;
    use crate::db::open_in_memory;
    use crate::people::tests::add;

    #[test]
    fn a_later_audit_shows_the_earlier_ratings_of_the_same_scope_only() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let bo = add(&conn, "Bo", None);
        let first = audit_create(
            &conn,
            &audit_of(ada, "2026-09-01", vec![stage(Stage::CodeReview, 4, 1)]),
        )
        .unwrap();
        audit_create(
            &conn,
            &audit_of(bo, "2026-09-15", vec![stage(Stage::CodeReview, 0, 0)]),
        )
        .unwrap();
        let later = audit_create(
            &conn,
            &audit_of(
                ada,
                "2026-10-01",
                vec![stage(Stage::CodeReview, 2, 3), stage(Stage::Planning, 1, 1)],
            ),
        )
        .unwrap();
        assert_eq!(later.previous.as_ref().map(|p| p.id), Some(first.id));
        let review = &later.stages[1];
        assert_eq!(review.stage, Stage::CodeReview);
        assert_eq!(
            (review.previous_slowdown, review.previous_ai_use),
            (Some(4), Some(1))
        );
        assert_eq!(
            later.stages[0].previous_slowdown, None,
            "planning was not rated before"
        );
        assert!(first.previous.is_none());
        let listed = audit_list(&conn, Some(AuditScope::Person { id: ada })).unwrap();
        assert_eq!(
            listed
                .iter()
                .map(|a| a.taken_on.as_str())
                .collect::<Vec<_>>(),
            ["2026-10-01", "2026-09-01"]
        );
        assert_eq!(listed[0].total_slowdown, 3);
        assert_eq!(audit_list(&conn, None).unwrap().len(), 3);
    }
}
