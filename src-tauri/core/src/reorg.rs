//! Structure changes as one unit: preview what moving people does to the org
//! (before and after, side by side), apply the moves in one transaction, and
//! undo them exactly. The transition guide uses this when a manager becomes an
//! IC and their reports need a new manager.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::metrics::{metrics_compute, Metrics};
use crate::people::{cycle_names, cycle_through, names_of, person_brief, PersonBrief, RoleTrack};
use crate::settings::thresholds_get;
use crate::Workspace;

/// One person to move under a new manager (`null`: to the top of the org).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Move {
    #[ts(type = "number")]
    pub person_id: i64,
    #[ts(type = "number | null")]
    pub to_manager: Option<i64>,
}

/// A move as recorded: the manager before and after, so undo is exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecordedMove {
    #[ts(type = "number")]
    pub person_id: i64,
    #[ts(type = "number | null")]
    pub from: Option<i64>,
    #[ts(type = "number | null")]
    pub to: Option<i64>,
}

/// A manager who receives people, with their span before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReceivingManager {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub span_before: u32,
    pub span_after: u32,
    /// At or above the wide-span threshold after the change, and not before.
    pub becomes_wide: bool,
    /// At or above the wide-span threshold before the change: a manager who
    /// is already wide and still receives people is worth a look too.
    pub wide_before: bool,
    /// At or above the wide-span threshold after the change (already wide, or
    /// becoming so).
    pub wide_after: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImpactPreview {
    pub before: Metrics,
    pub after: Metrics,
    pub receiving: Vec<ReceivingManager>,
    /// Flags the change creates, in words ("Bo's span becomes wide (16 ≥ 15)"),
    /// and the growth of spans that were wide already ("Bo's span grows from
    /// 15 to 18 (already wide, ≥ 15)").
    pub new_flags: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StructureChange {
    #[ts(type = "number")]
    pub id: i64,
    pub description: String,
    pub made_on: String,
    pub moves: Vec<RecordedMove>,
    pub undone: bool,
}

fn as_pairs(moves: &[Move]) -> Vec<(i64, Option<i64>)> {
    moves.iter().map(|m| (m.person_id, m.to_manager)).collect()
}

/// What the org looks like before and after the moves, without changing anything.
pub fn reorg_preview(ws: &mut Workspace, moves: &[Move]) -> Result<ImpactPreview> {
    let thresholds = thresholds_get(ws.conn())?;
    let before_structure = ws.structure()?;
    let after_structure = before_structure.with_moves(&as_pairs(moves))?;
    let mut before = metrics_compute(&before_structure, None, thresholds);
    let mut after = metrics_compute(&after_structure, None, thresholds);
    ws.metrics_disambiguate(&mut [&mut before, &mut after])?;
    let mut receiving: Vec<ReceivingManager> = Vec::new();
    for to in moves.iter().filter_map(|m| m.to_manager) {
        if receiving.iter().any(|r| r.id == to) {
            continue;
        }
        let (b, a) = (before_structure.index(to)?, after_structure.index(to)?);
        let span_before = before_structure.human_reports(b);
        let span_after = after_structure.human_reports(a);
        let wide_before = span_before >= thresholds.wide_span_min;
        let wide_after = span_after >= thresholds.wide_span_min;
        receiving.push(ReceivingManager {
            id: to,
            name: before_structure.names[b as usize].to_string(),
            span_before,
            span_after,
            becomes_wide: wide_after && !wide_before,
            wide_before,
            wide_after,
        });
    }
    let mut new_flags = Vec::new();
    for r in &receiving {
        if r.becomes_wide {
            new_flags.push(format!(
                "{}'s span becomes wide ({} ≥ {})",
                r.name, r.span_after, thresholds.wide_span_min
            ));
        } else if r.wide_before && r.span_after > r.span_before {
            // Already flagged before the change, so no new flag in the metrics'
            // sense; but doubling an already wide span is what a workshop must see.
            new_flags.push(format!(
                "{}'s span grows from {} to {} (already wide, ≥ {})",
                r.name, r.span_before, r.span_after, thresholds.wide_span_min
            ));
        }
    }
    for flagged in &after.flags.single_report {
        if !before
            .flags
            .single_report
            .iter()
            .any(|f| f.id == flagged.id)
        {
            new_flags.push(format!("{} will have a single report", flagged.name));
        }
    }
    if after.layers > before.layers {
        new_flags.push(format!(
            "the org gets deeper: {} layers instead of {}",
            after.layers, before.layers
        ));
    }
    Ok(ImpactPreview {
        before,
        after,
        receiving,
        new_flags,
    })
}

/// Applies the moves in one transaction, checked inside it, and records them
/// for undo.
pub fn reorg_apply(
    ws: &mut Workspace,
    moves: &[Move],
    description: &str,
    made_on: &str,
) -> Result<StructureChange> {
    let id = ws.write(|tx| {
        reorg_check(ws, moves)?;
        record_moves(tx, moves, description, made_on)
    })?;
    change_get(ws.conn(), id)
}

/// Validates the whole change (people exist, no human under an agent, no cycle)
/// against the structure as it is now: inside a write transaction, as that
/// transaction sees it.
pub fn reorg_check(ws: &Workspace, moves: &[Move]) -> Result<()> {
    if moves.is_empty() {
        return Err(Error::InvalidInput(
            "a structure change needs at least one move".into(),
        ));
    }
    ws.structure()?.with_moves(&as_pairs(moves))?;
    Ok(())
}

/// Writes checked moves and their record inside the caller's transaction, so a
/// transition plan and its structure change land together.
pub fn record_moves(
    conn: &Transaction,
    moves: &[Move],
    description: &str,
    made_on: &str,
) -> Result<i64> {
    let mut recorded = Vec::with_capacity(moves.len());
    for m in moves {
        let from: Option<i64> = conn.query_row(
            "SELECT manager_id FROM person WHERE id = ?1",
            [m.person_id],
            |r| r.get(0),
        )?;
        conn.execute(
            "UPDATE person SET manager_id = ?2 WHERE id = ?1",
            params![m.person_id, m.to_manager],
        )?;
        recorded.push(RecordedMove {
            person_id: m.person_id,
            from,
            to: m.to_manager,
        });
    }
    record_change(
        conn,
        &recorded,
        &ChangeDetails::default(),
        description,
        made_on,
    )
}

/// What a structure change did besides moving people (an applied scenario
/// adds and removes people, changes role tracks and teams), kept so that its
/// undo is exact.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChangeDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario_id: Option<i64>,
    /// People the change added (planned positions that became people).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<i64>,
    /// People the change removed, with what their undo needs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<crate::removal::DeletedPerson>,
    /// (person, track before, track after).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub role_tracks: Vec<(i64, Option<RoleTrack>, Option<RoleTrack>)>,
    /// (person, team id before, team id after).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<(i64, Option<i64>, Option<i64>)>,
}

/// Records a structure change that has been written, inside its transaction.
pub fn record_change(
    conn: &Transaction,
    moves: &[RecordedMove],
    details: &ChangeDetails,
    description: &str,
    made_on: &str,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO structure_change (description, made_on, moves, details) VALUES (?1, ?2, ?3, ?4)",
        params![
            description.trim(),
            made_on,
            serde_json::to_string(moves).expect("moves serialize"),
            serde_json::to_string(details).expect("details serialize")
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn change_get(conn: &Connection, id: i64) -> Result<StructureChange> {
    conn.query_row(
        "SELECT id, description, made_on, moves, undone FROM structure_change WHERE id = ?1",
        [id],
        |r| {
            let moves: String = r.get(3)?;
            Ok(StructureChange {
                id: r.get(0)?,
                description: r.get(1)?,
                made_on: r.get(2)?,
                moves: serde_json::from_str(&moves).unwrap_or_default(),
                undone: r.get(4)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("no structure change with id {id}")))
}

/// Puts every moved person back under the manager they had, in one
/// transaction. Refused when someone has been moved again since, because
/// undoing then would silently overwrite that later change, and when the
/// moves made since would turn the old lines into a reporting cycle.
pub fn reorg_undo(ws: &mut Workspace, id: i64) -> Result<StructureChange> {
    ws.write(|tx| {
        let change = change_get(tx, id)?;
        if change.undone {
            return Err(Error::Conflict(format!(
                "\"{}\" has already been undone",
                change.description
            )));
        }
        let details = details_get(tx, id, &change.description)?;
        // People the change removed come back first: the moves name them.
        let mut moved = Vec::with_capacity(change.moves.len());
        for deleted in &details.removed {
            crate::removal::restore_in(tx, deleted)?;
            moved.push(deleted.person.id);
        }
        for m in &change.moves {
            let now: Option<Option<i64>> = tx
                .query_row(
                    "SELECT manager_id FROM person WHERE id = ?1",
                    [m.person_id],
                    |r| r.get(0),
                )
                .optional()?;
            match now {
                Some(current) if current == m.to => {
                    tx.execute(
                        "UPDATE person SET manager_id = ?2 WHERE id = ?1",
                        params![m.person_id, m.from],
                    )?;
                    moved.push(m.person_id);
                }
                Some(_) => {
                    let name = names_of(tx, &[m.person_id])?.remove(0);
                    return Err(Error::Conflict(format!(
                        "cannot undo \"{}\": {name} has been moved again since",
                        change.description
                    )));
                }
                None => {} // deleted since: nothing to put back
            }
        }
        undo_details(tx, &details, &change.description, &mut moved, id)?;
        if let Some(cycle) = cycle_through(tx, &moved)? {
            return Err(Error::Conflict(format!(
                "cannot undo \"{}\": with the moves made since, putting people back would create a reporting cycle ({})",
                change.description,
                cycle_names(tx, &cycle)?
            )));
        }
        tx.execute("UPDATE structure_change SET undone = 1 WHERE id = ?1", [id])?;
        Ok(())
    })?;
    change_get(ws.conn(), id)
}

/// Undoes what a change did besides moves and removals, inside the undo's
/// transaction: role tracks and teams back (refused when changed again since),
/// added people out (refused when someone reports to them or they have data
/// of their own now).
fn details_get(tx: &Transaction, id: i64, description: &str) -> Result<ChangeDetails> {
    let text: String = tx.query_row(
        "SELECT details FROM structure_change WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    serde_json::from_str(&text).map_err(|e| {
        Error::Conflict(format!(
            "the record of \"{description}\" cannot be read ({e}); the file was changed outside Leadline"
        ))
    })
}

fn undo_details(
    tx: &Transaction,
    details: &ChangeDetails,
    description: &str,
    moved: &mut Vec<i64>,
    id: i64,
) -> Result<()> {
    let refuse = |what: String| Error::Conflict(format!("cannot undo \"{description}\": {what}"));
    for &(person, before, after) in &details.role_tracks {
        let now: Option<Option<RoleTrack>> = tx
            .query_row(
                "SELECT role_track FROM person WHERE id = ?1",
                [person],
                |r| r.get(0),
            )
            .optional()?;
        match now {
            None => {}
            Some(now) if now == after => {
                tx.execute(
                    "UPDATE person SET role_track = ?2 WHERE id = ?1",
                    params![person, before.map(RoleTrack::as_str)],
                )?;
            }
            Some(_) => {
                let name = names_of(tx, &[person])?.remove(0);
                return Err(refuse(format!(
                    "{name}'s role track has been changed since"
                )));
            }
        }
    }
    for &(person, before, after) in &details.teams {
        let now: Option<Option<i64>> = tx
            .query_row("SELECT team_id FROM person WHERE id = ?1", [person], |r| {
                r.get(0)
            })
            .optional()?;
        match now {
            None => {}
            Some(now) if now == after => {
                let before = match before {
                    Some(t) if crate::teams::team_get(tx, t).is_ok() => Some(t),
                    _ => None,
                };
                tx.execute(
                    "UPDATE person SET team_id = ?2 WHERE id = ?1",
                    params![person, before],
                )?;
            }
            Some(_) => {
                let name = names_of(tx, &[person])?.remove(0);
                return Err(refuse(format!("{name}'s team has been changed since")));
            }
        }
    }
    for &added in &details.added {
        let Ok(name) = person_brief(tx, added).map(|b| b.name) else {
            continue; // deleted since
        };
        let (reports, data): (i64, i64) = tx.query_row(
            "SELECT (SELECT count(*) FROM person WHERE manager_id = ?1),
                    (SELECT count(*) FROM assessment WHERE person_id = ?1)
                  + (SELECT count(*) FROM transition_plan WHERE person_id = ?1)
                  + (SELECT count(*) FROM sdlc_audit WHERE person_id = ?1)",
            [added],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if reports > 0 {
            return Err(refuse(format!(
                "{name}, whom it added, has {reports} people reporting to them now; move them first"
            )));
        }
        if data > 0 {
            return Err(refuse(format!(
                "{name}, whom it added, has assessments, plans or audits now"
            )));
        }
        tx.execute(
            "UPDATE sdlc_audit_stage SET owner_id = NULL WHERE owner_id = ?1",
            [added],
        )?;
        tx.execute("DELETE FROM person WHERE id = ?1", [added])?;
        moved.retain(|&m| m != added);
    }
    if let Some(scenario) = details.scenario_id {
        tx.execute(
            "UPDATE scenario SET applied_change_id = NULL WHERE id = ?1 AND applied_change_id = ?2",
            params![scenario, id],
        )?;
    }
    Ok(())
}

/// The reporting cycles of a file written by another tool, for the message the
/// app shows when such a file is opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CycleReport {
    pub message: String,
    /// Each cycle's members, each reporting to the next and the last to the first.
    pub cycles: Vec<Vec<PersonBrief>>,
}

/// Every reporting cycle among `(id, manager id)` lines, as ids.
fn cycles_among(lines: &[(i64, Option<i64>)]) -> Vec<Vec<i64>> {
    let index: HashMap<i64, u32> = lines
        .iter()
        .enumerate()
        .map(|(i, &(id, _))| (id, i as u32))
        .collect();
    let parent: Vec<u32> = lines
        .iter()
        .map(|(_, m)| m.and_then(|m| index.get(&m).copied()).unwrap_or(u32::MAX))
        .collect();
    crate::org::cycles_in(&parent)
        .into_iter()
        .map(|c| c.into_iter().map(|i| lines[i as usize].0).collect())
        .collect()
}

fn reporting_lines(conn: &Connection) -> Result<Vec<(i64, Option<i64>)>> {
    let mut stmt = conn.prepare("SELECT id, manager_id FROM person ORDER BY id")?;
    let lines = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(lines)
}

/// `None` for a sound file; otherwise its cycles, named. Linear in the org.
pub fn structure_check(conn: &Connection) -> Result<Option<CycleReport>> {
    let cycles = cycles_among(&reporting_lines(conn)?);
    if cycles.is_empty() {
        return Ok(None);
    }
    let mut named = Vec::with_capacity(cycles.len());
    for cycle in &cycles {
        named.push(
            cycle
                .iter()
                .map(|&id| person_brief(conn, id))
                .collect::<Result<Vec<_>>>()?,
        );
    }
    let names: Vec<Vec<&str>> = named
        .iter()
        .map(|c| c.iter().map(|b| b.name.as_str()).collect())
        .collect();
    Ok(Some(CycleReport {
        message: crate::chain::cycle_message(&names),
        cycles: named,
    }))
}

/// Breaks every reporting cycle by moving one person of it (the first listed by
/// `structure_check`) to the top, in one transaction, recorded as a structure
/// change. Its undo is always refused: it would bring the cycle back.
pub fn structure_repair(ws: &mut Workspace, made_on: &str) -> Result<StructureChange> {
    let id = ws.write(|tx| {
        let Some(report) = structure_check(tx)? else {
            return Err(Error::InvalidInput(
                "the reporting structure has no cycle: there is nothing to repair".into(),
            ));
        };
        let moves: Vec<Move> = report
            .cycles
            .iter()
            .map(|c| Move {
                person_id: c[0].id,
                to_manager: None,
            })
            .collect();
        let names: Vec<&str> = report.cycles.iter().map(|c| c[0].name.as_str()).collect();
        let description = format!(
            "Repair: {} moved to the top to break {}",
            names.join(", "),
            if names.len() == 1 {
                "a reporting cycle".to_string()
            } else {
                format!("{} reporting cycles", names.len())
            }
        );
        record_moves(tx, &moves, &description, made_on)
    })?;
    change_get(ws.conn(), id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::person_move;
    use crate::people::tests::{add, reporting_lines};

    fn snapshot(ws: &Workspace) -> Vec<(i64, Option<i64>)> {
        reporting_lines(ws.conn())
    }

    /// Ada manages Bo and Cy; Bo manages Di and Eve. Bo becomes an IC: Di and Eve
    /// go to Cy. Before: managers Ada, Bo (2), ICs Cy, Di, Eve (3), ratio 1.5.
    /// After: managers Ada, Cy (2), ICs Bo, Di, Eve (3), ratio 1.5; Cy's span 0 → 2.
    #[test]
    fn a_preview_shows_before_and_after_and_changes_nothing() {
        let mut ws = Workspace::in_memory().unwrap();
        let conn = ws.conn();
        let ada = add(conn, "Ada", None);
        let bo = add(conn, "Bo", Some(ada));
        let cy = add(conn, "Cy", Some(ada));
        let di = add(conn, "Di", Some(bo));
        let eve = add(conn, "Eve", Some(bo));
        let before = snapshot(&ws);
        let moves = [
            Move {
                person_id: di,
                to_manager: Some(cy),
            },
            Move {
                person_id: eve,
                to_manager: Some(cy),
            },
        ];
        let preview = reorg_preview(&mut ws, &moves).unwrap();
        assert_eq!((preview.before.managers, preview.before.ics), (2, 3));
        assert_eq!((preview.after.managers, preview.after.ics), (2, 3));
        assert_eq!(preview.after.layers, 3);
        assert_eq!(
            preview.receiving,
            vec![ReceivingManager {
                id: cy,
                name: "Cy".into(),
                span_before: 0,
                span_after: 2,
                becomes_wide: false,
                wide_before: false,
                wide_after: false,
            }]
        );
        assert_eq!(snapshot(&ws), before, "a preview must not write");
    }

    #[test]
    fn a_receiving_manager_who_becomes_too_wide_is_flagged() {
        let mut ws = Workspace::in_memory().unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let cy = add(ws.conn(), "Cy", Some(ada));
        let reports: Vec<i64> = (0..3)
            .map(|i| add(ws.conn(), &format!("r{i}"), Some(bo)))
            .collect();
        for i in 0..13 {
            add(ws.conn(), &format!("c{i}"), Some(cy));
        }
        let moves: Vec<Move> = reports
            .iter()
            .map(|&r| Move {
                person_id: r,
                to_manager: Some(cy),
            })
            .collect();
        let preview = reorg_preview(&mut ws, &moves).unwrap();
        assert_eq!(
            (
                preview.receiving[0].span_before,
                preview.receiving[0].span_after
            ),
            (13, 16)
        );
        assert!(preview.receiving[0].becomes_wide);
        assert!(
            preview
                .new_flags
                .iter()
                .any(|f| f.contains("Cy") && f.contains("wide")),
            "{:?}",
            preview.new_flags
        );
    }

    /// Bo already has 9 reports with the wide threshold at 8; Cy's 9 people
    /// join him. He does not *become* wide, but 9 → 18 must still be shown.
    #[test]
    fn a_receiving_manager_already_wide_who_grows_is_shown_and_flagged() {
        let mut ws = Workspace::in_memory().unwrap();
        crate::settings::thresholds_set(
            ws.conn(),
            crate::settings::Thresholds {
                narrow_span_max: 2,
                wide_span_min: 8,
            },
        )
        .unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let cy = add(ws.conn(), "Cy", Some(ada));
        for i in 0..9 {
            add(ws.conn(), &format!("b{i}"), Some(bo));
        }
        let moves: Vec<Move> = (0..9)
            .map(|i| Move {
                person_id: add(ws.conn(), &format!("c{i}"), Some(cy)),
                to_manager: Some(bo),
            })
            .collect();
        let preview = reorg_preview(&mut ws, &moves).unwrap();
        assert_eq!(
            preview.receiving,
            vec![ReceivingManager {
                id: bo,
                name: "Bo".into(),
                span_before: 9,
                span_after: 18,
                becomes_wide: false,
                wide_before: true,
                wide_after: true,
            }],
            "Bo is reported with his span before and after, wide on both sides"
        );
        assert_eq!(
            preview.new_flags,
            vec!["Bo's span grows from 9 to 18 (already wide, ≥ 8)".to_string()],
            "the growth of an already wide span is named, and nothing else is new"
        );
    }

    #[test]
    fn a_wide_manager_whose_span_does_not_grow_gets_no_flag() {
        let mut ws = Workspace::in_memory().unwrap();
        crate::settings::thresholds_set(
            ws.conn(),
            crate::settings::Thresholds {
                narrow_span_max: 2,
                wide_span_min: 3,
            },
        )
        .unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let reports: Vec<i64> = (0..4)
            .map(|i| add(ws.conn(), &format!("r{i}"), Some(ada)))
            .collect();
        // Moving someone to the manager they already have changes no span.
        let moves = [Move {
            person_id: reports[0],
            to_manager: Some(ada),
        }];
        let preview = reorg_preview(&mut ws, &moves).unwrap();
        let r = &preview.receiving[0];
        assert_eq!(
            (r.span_before, r.span_after, r.wide_before, r.wide_after),
            (4, 4, true, true)
        );
        assert!(
            preview.new_flags.is_empty(),
            "no growth, no flag: {:?}",
            preview.new_flags
        );
    }

    #[test]
    fn applying_then_undoing_restores_the_exact_previous_structure() {
        let mut ws = Workspace::in_memory().unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let cy = add(ws.conn(), "Cy", Some(ada));
        let di = add(ws.conn(), "Di", Some(bo));
        let eve = add(ws.conn(), "Eve", Some(bo));
        let before = snapshot(&ws);
        let change = reorg_apply(
            &mut ws,
            &[
                Move {
                    person_id: di,
                    to_manager: Some(cy),
                },
                Move {
                    person_id: eve,
                    to_manager: None,
                },
            ],
            "Bo becomes an IC leader",
            "2026-11-22",
        )
        .unwrap();
        assert_ne!(snapshot(&ws), before);
        assert_eq!(
            ws.metrics(None).unwrap().managers,
            2,
            "Ada and Cy manage; Bo no longer does"
        );
        reorg_undo(&mut ws, change.id).unwrap();
        assert_eq!(snapshot(&ws), before, "undo restores every reporting line");
        assert_eq!(
            reorg_undo(&mut ws, change.id).unwrap_err().kind(),
            crate::ErrorKind::Conflict,
            "only once"
        );
    }

    #[test]
    fn undo_is_refused_when_someone_was_moved_again_since() {
        let mut ws = Workspace::in_memory().unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let cy = add(ws.conn(), "Cy", Some(ada));
        let di = add(ws.conn(), "Di", Some(bo));
        let change = reorg_apply(
            &mut ws,
            &[Move {
                person_id: di,
                to_manager: Some(cy),
            }],
            "move Di",
            "2026-11-22",
        )
        .unwrap();
        person_move(ws.conn(), di, Some(ada)).unwrap();
        let after_later_move = snapshot(&ws);
        let err = reorg_undo(&mut ws, change.id).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Conflict);
        assert!(err.to_string().contains("Di"), "{err}");
        assert_eq!(
            snapshot(&ws),
            after_later_move,
            "a refused undo changes nothing"
        );
    }

    #[test]
    fn moves_that_would_create_a_cycle_are_refused_before_anything_is_written() {
        let mut ws = Workspace::in_memory().unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let before = snapshot(&ws);
        let err = reorg_apply(
            &mut ws,
            &[Move {
                person_id: ada,
                to_manager: Some(bo),
            }],
            "loop",
            "2026-11-22",
        )
        .unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Cycle);
        assert!(
            err.to_string().contains("Ada") && err.to_string().contains("Bo"),
            "{err}"
        );
        assert_eq!(snapshot(&ws), before);
        assert_eq!(
            reorg_preview(
                &mut ws,
                &[Move {
                    person_id: 999,
                    to_manager: None
                }]
            )
            .unwrap_err()
            .kind(),
            crate::ErrorKind::NotFound
        );
    }
}
