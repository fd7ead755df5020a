//! Reading plans back (`plan_get`, `plan_list`): a plan's row, its items, how far
//! each phase has come, and how each gap moved since the plan was made. The
//! row-reading pieces the writers share (`ITEM_SELECT`, `item_from_row`,
//! `plan_exists`) live here too.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::direction::{phase_title, questions};
use super::{Direction, GapProgress, GapStatus, PhaseProgress, Plan, PlanItem};
use crate::dates;
use crate::error::{Error, Result};
use crate::reorg::change_get;
use crate::skills::gaps::{gap_analysis, GapReport};
use crate::transition::audit::Stage;

pub(super) const ITEM_SELECT: &str =
    "SELECT id, phase, skill_key, skill_name, level, title, done_when, kind, hours_per_week,
        due_date, done_on, note, source, stage, audit_id, position
    FROM plan_item";

/// Overdue: not done, and due before `today` (compared as dates). The one
/// definition the plan, its filters and its pages use.
pub(super) fn is_overdue(done: bool, due: NaiveDate, today: NaiveDate) -> bool {
    !done && due < today
}

/// An item as stored, overdue or not (`is_overdue`); a stored due date that
/// is not a date fails the read.
pub(super) fn item_from_row(r: &rusqlite::Row, today: NaiveDate) -> rusqlite::Result<PlanItem> {
    let due_date: String = r.get(9)?;
    let due = dates::parse(&due_date).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(9, rusqlite::types::Type::Text, Box::new(e))
    })?;
    let done_on: Option<String> = r.get(10)?;
    // An item that is not from an audit stores no stage ('').
    let stage: Option<String> = Some(r.get::<_, String>(13)?).filter(|s| !s.is_empty());
    Ok(PlanItem {
        id: r.get(0)?,
        phase: r.get(1)?,
        skill_key: r.get(2)?,
        skill_name: r.get(3)?,
        level: r.get(4)?,
        title: r.get(5)?,
        done_when: r.get(6)?,
        kind: r.get(7)?,
        hours_per_week: r.get(8)?,
        overdue: is_overdue(done_on.is_some(), due, today),
        due_date,
        done_on,
        note: r.get(11)?,
        source: r.get(12)?,
        stage: stage
            .map(|s| {
                Stage::parse(&s).ok_or_else(|| {
                    rusqlite::Error::FromSqlConversionFailure(
                        13,
                        rusqlite::types::Type::Text,
                        format!("\"{s}\" is not an SDLC stage this version of Leadline knows")
                            .into(),
                    )
                })
            })
            .transpose()?,
        audit_id: r.get(14)?,
    })
}

/// Whether a plan with this id is stored.
pub(super) fn plan_is_there(conn: &Connection, plan_id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM transition_plan WHERE id = ?1)",
        [plan_id],
        |r| r.get(0),
    )?)
}

/// Refuses an id no plan has, before a write that needs the plan.
pub(super) fn plan_exists(conn: &Connection, plan_id: i64) -> Result<()> {
    if plan_is_there(conn, plan_id)? {
        Ok(())
    } else {
        Err(Error::NotFound(format!(
            "no transition plan with id {plan_id}"
        )))
    }
}

/// The date the gaps were measured at: the later of the manager and self assessments.
pub(super) fn assessed_on(report: &GapReport) -> Option<String> {
    report
        .manager_assessed_on
        .clone()
        .max(report.self_assessed_on.clone())
}

/// A plan as `today` sees it: overdue items, phase progress and the gaps now.
pub fn plan_get(conn: &Connection, id: i64, today: &str) -> Result<Plan> {
    let mut plan = plan_row(conn, id)?;
    if let Some(change) = plan.structure_change_id {
        plan.structure_change = Some(change_get(conn, change)?);
    }
    plan.items = plan_items(conn, id, today)?;
    plan.phases = phase_progress(&plan);
    let now = gaps_now(conn, &plan)?;
    if let Some(report) = &now {
        plan.reassessed_on = reassessed_on(plan.baseline_on.as_deref(), report);
    }
    plan.gaps = gap_progress(conn, id, now.as_ref())?;
    if plan.direction == Direction::ToIc {
        plan.still_manages = conn.query_row(
            "SELECT count(*) FROM person WHERE manager_id = ?1 AND kind = 'human'",
            [plan.person_id],
            |r| r.get(0),
        )?;
    }
    Ok(plan)
}

/// The plan's own row; its items, phases and gaps are filled in by `plan_get`.
fn plan_row(conn: &Connection, id: i64) -> Result<Plan> {
    conn.query_row(
        "SELECT t.id, t.person_id, p.name, t.from_role, t.profile_name, t.start_date, t.structure_change_id,
                t.budget, t.checkpoint_decision, t.checkpoint_note, t.created_on, t.direction,
                t.baseline_on, t.profile_id, t.length_days
         FROM transition_plan t JOIN person p ON p.id = t.person_id WHERE t.id = ?1",
        [id],
        |r| {
            let budget: String = r.get(7)?;
            let direction: Direction = r.get(11)?;
            Ok(Plan {
                id: r.get(0)?,
                person_id: r.get(1)?,
                person_name: r.get(2)?,
                from_role: r.get(3)?,
                profile_name: r.get(4)?,
                profile_id: r.get(13)?,
                direction,
                start_date: r.get(5)?,
                length_days: r.get(14)?,
                structure_change_id: r.get(6)?,
                structure_change: None,
                budget: crate::people::stored_json(7, &budget)?,
                checkpoint_decision: r.get(8)?,
                checkpoint_note: r.get(9)?,
                checkpoint_questions: questions(direction.checkpoint_questions()),
                created_on: r.get(10)?,
                phases: Vec::new(),
                items: Vec::new(),
                baseline_on: r.get(12)?,
                reassessed_on: None,
                gaps: Vec::new(),
                still_manages: 0,
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("no transition plan with id {id}")))
}

pub(super) fn plan_items(conn: &Connection, plan_id: i64, today: &str) -> Result<Vec<PlanItem>> {
    let today = dates::parse(today)?;
    let mut stmt = conn.prepare(&format!(
        "{ITEM_SELECT} WHERE plan_id = ?1 ORDER BY phase, position"
    ))?;
    let items = stmt
        .query_map([plan_id], |r| item_from_row(r, today))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(items)
}

/// Each of the three phases with its end date and how many of its items are done.
fn phase_progress(plan: &Plan) -> Vec<PhaseProgress> {
    let third = i64::from(plan.length_days / 3);
    plan.direction
        .phases()
        .iter()
        .enumerate()
        .map(|(i, (name, goal))| {
            let phase = i as u8 + 1;
            let of_phase = plan.items.iter().filter(|item| item.phase == phase);
            PhaseProgress {
                phase,
                title: phase_title(phase, name, plan.length_days),
                goal: goal.to_string(),
                end_date: dates::add_days(&plan.start_date, third * i64::from(phase))
                    .unwrap_or_default(),
                done: of_phase
                    .clone()
                    .filter(|item| item.done_on.is_some())
                    .count() as u32,
                total: of_phase.count() as u32,
            }
        })
        .collect()
}

/// The gaps now, when the profile still exists (it may have been deleted since).
fn gaps_now(conn: &Connection, plan: &Plan) -> Result<Option<GapReport>> {
    match plan.profile_id {
        Some(profile) => Ok(Some(gap_analysis(conn, plan.person_id, profile)?)),
        None => Ok(None),
    }
}

/// The date of an assessment newer than the one the plan started from, if any.
fn reassessed_on(baseline_on: Option<&str>, now: &GapReport) -> Option<String> {
    assessed_on(now).filter(|latest| Some(latest.as_str()) > baseline_on)
}

/// Each skill of the plan's baseline: its rating at the start, now, and how the
/// gap moved between the two.
fn gap_progress(
    conn: &Connection,
    plan_id: i64,
    now: Option<&GapReport>,
) -> Result<Vec<GapProgress>> {
    let mut stmt = conn.prepare(
        "SELECT skill_key, skill_name, target, rating FROM plan_baseline WHERE plan_id = ?1 ORDER BY position",
    )?;
    let baseline = stmt
        .query_map([plan_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, u8>(2)?,
                r.get::<_, Option<u8>>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(baseline
        .into_iter()
        .map(|(skill_key, skill_name, target, at_start)| {
            let current = now.and_then(|report| rating_now(report, &skill_key));
            GapProgress {
                status: GapStatus::of(target, at_start, current),
                skill_key,
                skill_name,
                target,
                at_start,
                now: current,
            }
        })
        .collect())
}

fn rating_now(report: &GapReport, skill_key: &str) -> Option<u8> {
    report
        .skills
        .iter()
        .find(|row| row.skill_key == skill_key)
        .and_then(|row| row.current)
}

/// A person's plans, newest first.
pub fn plan_list(conn: &Connection, person_id: i64, today: &str) -> Result<Vec<Plan>> {
    let mut stmt =
        conn.prepare("SELECT id FROM transition_plan WHERE person_id = ?1 ORDER BY id DESC")?;
    let ids: Vec<i64> = stmt
        .query_map([person_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter()
        .map(|id| plan_get(conn, id, today))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::bo_with_a_plan;
    use super::super::plan_markdown;
    use super::*;
    use crate::skills::assessment::AssessorRole;
    use crate::skills::tests::{assess, rating};
    use crate::Workspace;

    #[test]
    fn a_reassessment_shows_which_gaps_closed() {
        let mut ws = Workspace::in_memory().unwrap();
        let (framework, bo, plan) = bo_with_a_plan(&mut ws);
        assert_eq!(plan.baseline_on.as_deref(), Some("2026-11-01"));
        assert_eq!(plan.reassessed_on, None);
        let statuses = |plan: &Plan| {
            plan.gaps
                .iter()
                .map(|g| (g.skill_key.clone(), g.at_start, g.now, g.status))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            statuses(&plan),
            [
                (
                    "delegate".to_string(),
                    Some(2),
                    Some(2),
                    GapStatus::Unchanged
                ),
                ("decompose".to_string(), Some(3), Some(3), GapStatus::Met),
                ("coach".to_string(), Some(1), Some(1), GapStatus::Unchanged),
            ]
        );
        assess(
            ws.conn(),
            bo,
            framework,
            AssessorRole::Manager,
            "2026-12-20",
            vec![
                rating("delegate", 3, None),
                rating("decompose", 2, None),
                rating("coach", 2, None),
            ],
        );
        let plan = plan_get(ws.conn(), plan.id, "2026-12-21").unwrap();
        assert_eq!(plan.reassessed_on.as_deref(), Some("2026-12-20"));
        // By hand: delegate 2 → 3 of 4 (gap 2 → 1), decompose 3 → 2 of 3 (0 → 1),
        // coach 1 → 2 of 2 (1 → 0).
        assert_eq!(
            statuses(&plan),
            [
                (
                    "delegate".to_string(),
                    Some(2),
                    Some(3),
                    GapStatus::Narrowed
                ),
                (
                    "decompose".to_string(),
                    Some(3),
                    Some(2),
                    GapStatus::Widened
                ),
                ("coach".to_string(), Some(1), Some(2), GapStatus::Closed),
            ]
        );
        let markdown = plan_markdown(&plan);
        assert!(
            markdown.contains("| Coach | 2 | 1 | 2 | closed |"),
            "{markdown}"
        );
    }
}
