//! A plan as a whole: deleting it and bringing it back, the decision at its
//! checkpoint, and the actions an SDLC audit feeds in. (Its weekly budget is
//! `budget`.)

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::items::{item_insert, next_position};
use super::pacing::Calendar;
use super::read::{plan_exists, plan_get, plan_is_there};
use super::{AuditFeed, CheckpointDecision, DeletedPlan, Plan};
use crate::dates;
use crate::error::{Error, Result};
use crate::transition::audit::{
    audit_get, audit_store, bottleneck_actions, Audit, AuditInput, BottleneckAction, Stage,
};
use crate::undo::{undo_record, undo_take, UndoKind};

/// Deletes a plan with its items. The structure change it made stays (people
/// keep their new managers); undo that first if the move is off.
pub fn plan_delete(conn: &Connection, plan_id: i64, today: &str) -> Result<DeletedPlan> {
    let tx = crate::db::write(conn)?;
    let plan = plan_get(&tx, plan_id, today)?;
    let mut stmt = tx.prepare("SELECT id, position FROM plan_item WHERE plan_id = ?1")?;
    let places: std::collections::HashMap<i64, u32> = stmt
        .query_map([plan_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    drop(stmt);
    let positions = plan
        .items
        .iter()
        .map(|i| places.get(&i.id).copied().unwrap_or_default())
        .collect();
    // Items and the baseline go with the plan (ON DELETE CASCADE), in one statement.
    tx.execute("DELETE FROM transition_plan WHERE id = ?1", [plan_id])?;
    let mut deleted = DeletedPlan {
        undo_id: 0,
        plan,
        positions,
    };
    let label = format!(
        "the plan of {} toward {}",
        deleted.plan.person_name, deleted.plan.profile_name
    );
    deleted.undo_id = undo_record(&tx, UndoKind::Plan, &label, &deleted)?;
    tx.commit()?;
    Ok(deleted)
}

/// Undoes `plan_delete`: the plan, its items (ticks, notes, dates) and the gaps
/// it started from come back with the same ids, in one transaction.
pub fn plan_restore(conn: &Connection, undo_id: i64, today: &str) -> Result<Plan> {
    let tx = crate::db::write(conn)?;
    let deleted: DeletedPlan = undo_take(&tx, undo_id, UndoKind::Plan)?;
    let p = &deleted.plan;
    restore_check(&tx, p)?;
    plan_row_reinsert(&tx, p)?;
    baseline_reinsert(&tx, p)?;
    for (item, &position) in p.items.iter().zip(&deleted.positions) {
        item_insert(&tx, p.id, position, item)?;
    }
    tx.commit()?;
    plan_get(conn, p.id, today)
}

/// A plan comes back only into a free id, and only while its person is there.
fn restore_check(tx: &Connection, p: &Plan) -> Result<()> {
    if plan_is_there(tx, p.id)? {
        return Err(Error::Conflict(format!(
            "the plan of {} toward {} is already there",
            p.person_name, p.profile_name
        )));
    }
    crate::people::person_brief(tx, p.person_id).map_err(|_| {
        Error::Conflict(format!(
            "the plan cannot come back: {} has been deleted since",
            p.person_name
        ))
    })?;
    Ok(())
}

/// The plan's row as it was. Its profile and structure change are linked
/// again only while they exist: either may have been deleted since.
fn plan_row_reinsert(tx: &Transaction, p: &Plan) -> Result<()> {
    let profile: Option<i64> = match p.profile_id {
        Some(id) => tx
            .query_row("SELECT id FROM role_profile WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?,
        None => None,
    };
    let change: Option<i64> = match p.structure_change_id {
        Some(id) => tx
            .query_row("SELECT id FROM structure_change WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?,
        None => None,
    };
    tx.execute(
        "INSERT INTO transition_plan (id, person_id, from_role, profile_id, profile_name, start_date, structure_change_id,
                                      budget, checkpoint_decision, checkpoint_note, created_on, direction, baseline_on,
                                      length_days)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            p.id,
            p.person_id,
            p.from_role,
            profile,
            p.profile_name,
            p.start_date,
            change,
            serde_json::to_string(&p.budget).expect("budget serializes"),
            p.checkpoint_decision.map(CheckpointDecision::as_str),
            p.checkpoint_note,
            p.created_on,
            p.direction.as_str(),
            p.baseline_on,
            p.length_days
        ],
    )?;
    Ok(())
}

/// The gaps the plan started from, in their order.
fn baseline_reinsert(tx: &Transaction, p: &Plan) -> Result<()> {
    for (position, gap) in p.gaps.iter().enumerate() {
        tx.execute(
            "INSERT INTO plan_baseline (plan_id, skill_key, skill_name, target, rating, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                p.id,
                gap.skill_key,
                gap.skill_name,
                gap.target,
                gap.at_start,
                position as i64
            ],
        )?;
    }
    Ok(())
}

/// Records the checkpoint's decision (or clears it) and the note beside it.
pub fn plan_checkpoint_set(
    conn: &Connection,
    plan_id: i64,
    decision: Option<CheckpointDecision>,
    note: &str,
    today: &str,
) -> Result<Plan> {
    let tx = crate::db::write(conn)?;
    plan_exists(&tx, plan_id)?;
    tx.execute(
        "UPDATE transition_plan SET checkpoint_decision = ?2, checkpoint_note = ?3 WHERE id = ?1",
        params![
            plan_id,
            decision.map(CheckpointDecision::as_str),
            note.trim()
        ],
    )?;
    tx.commit()?;
    plan_get(conn, plan_id, today)
}

/// Adds an item to the plan for each of the audit's worst bottlenecks that the
/// plan does not have yet, dated by the plan's phases.
pub fn plan_add_audit_actions(
    conn: &Connection,
    plan_id: i64,
    audit_id: i64,
    today: &str,
) -> Result<AuditFeed> {
    let tx = crate::db::write(conn)?;
    let feed = audit_actions_add(&tx, plan_id, audit_id, today)?;
    tx.commit()?;
    Ok(feed)
}

/// Records an audit and feeds its worst bottlenecks into a plan in one
/// transaction: when the plan cannot take them (it does not exist), no audit
/// is left behind to be recorded twice on the next try.
pub fn plan_audit_create(
    conn: &Connection,
    plan_id: i64,
    input: &AuditInput,
    today: &str,
) -> Result<(Audit, AuditFeed)> {
    let tx = crate::db::write(conn)?;
    let audit_id = audit_store(&tx, input)?;
    let feed = audit_actions_add(&tx, plan_id, audit_id, today)?;
    let audit = audit_get(&tx, audit_id)?;
    tx.commit()?;
    Ok((audit, feed))
}

fn audit_actions_add(
    tx: &Transaction,
    plan_id: i64,
    audit_id: i64,
    today: &str,
) -> Result<AuditFeed> {
    let calendar = plan_calendar(tx, plan_id)?;
    let audit = audit_get(tx, audit_id)?;
    let (mut added, mut already_there) = (0, 0);
    let mut position = next_position(tx, plan_id)?;
    for action in bottleneck_actions(&audit) {
        if audit_action_present(tx, plan_id, audit_id, action.stage)? {
            already_there += 1;
            continue;
        }
        audit_action_insert(tx, plan_id, audit_id, position, calendar, &action)?;
        position += 1;
        added += 1;
    }
    Ok(AuditFeed {
        plan: plan_get(tx, plan_id, today)?,
        added,
        already_there,
    })
}

fn plan_calendar(tx: &Connection, plan_id: i64) -> Result<Calendar> {
    let (start, days): (String, u32) = tx
        .query_row(
            "SELECT start_date, length_days FROM transition_plan WHERE id = ?1",
            [plan_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no transition plan with id {plan_id}")))?;
    Calendar::new(&start, days)
}

/// Whether this audit already fed the plan an item for this stage, so feeding
/// the same audit again adds nothing twice.
fn audit_action_present(
    tx: &Connection,
    plan_id: i64,
    audit_id: i64,
    stage: Stage,
) -> Result<bool> {
    Ok(tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM plan_item WHERE plan_id = ?1 AND audit_id = ?2 AND stage = ?3)",
        params![plan_id, audit_id, stage.as_str()],
        |r| r.get(0),
    )?)
}

/// Stores a bottleneck's action as an item due at the end of its phase.
fn audit_action_insert(
    tx: &Transaction,
    plan_id: i64,
    audit_id: i64,
    position: i64,
    calendar: Calendar,
    action: &BottleneckAction,
) -> Result<()> {
    tx.execute(
            "INSERT INTO plan_item (plan_id, position, phase, skill_name, title, done_when, kind, hours_per_week,
                                    due_date, source, stage, audit_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'audit', ?10, ?11)",
            params![
                plan_id,
                position,
                action.phase,
                format!("Bottleneck: {}", action.stage.label()),
                action.title,
                action.done_when,
                action.kind.as_str(),
                action.hours_per_week,
                dates::format(calendar.phase_end(action.phase)),
                action.stage.as_str(),
                audit_id
            ],
        )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{bo_with_a_plan, edit_of, structure, templates};
    use super::super::{
        plan_budget_set, plan_create, plan_item_check, plan_item_update, plan_markdown, ItemSource,
        PlanInput, PlanItemEdit, WeeklyBudget,
    };
    use super::*;
    use crate::people::tests::add;
    use crate::reorg::Move;
    use crate::skills::assessment::AssessorRole;
    use crate::skills::framework::{framework_save, profile_resolve};
    use crate::skills::tests::{assess, rating, small};
    use crate::transition::checklist::TimeKind;
    use crate::Workspace;

    #[test]
    fn the_checkpoint_decision_and_the_budget_are_kept() {
        let mut ws = Workspace::in_memory().unwrap();
        let (_, _, plan) = bo_with_a_plan(&mut ws);
        assert_eq!(plan.checkpoint_questions.len(), 5);
        assert!(plan.checkpoint_questions.iter().all(|q| q.ends_with('?')));
        let plan = plan_checkpoint_set(
            ws.conn(),
            plan.id,
            Some(CheckpointDecision::GoBack),
            "I miss growing people.",
            "2027-03-01",
        )
        .unwrap();
        assert_eq!(plan.checkpoint_decision, Some(CheckpointDecision::GoBack));
        assert!(plan_markdown(&plan)
            .contains("## Checkpoint decision: Go back\n\nI miss growing people."));

        let too_much = WeeklyBudget {
            hands_on: 40,
            agents: 20,
            reviews: 10,
            mentoring: 10,
            one_on_ones: 1,
        };
        let err = plan_budget_set(ws.conn(), plan.id, too_much, "2027-03-01").unwrap_err();
        assert!(err.to_string().contains("81 hours"), "{err}");
        let budget = WeeklyBudget {
            hands_on: 20,
            ..WeeklyBudget::default()
        };
        let plan = plan_budget_set(ws.conn(), plan.id, budget, "2027-03-01").unwrap();
        assert_eq!(plan.budget, budget);
        assert_eq!(
            plan_checkpoint_set(ws.conn(), 777, None, "", "2027-03-01")
                .unwrap_err()
                .kind(),
            crate::ErrorKind::NotFound
        );
    }

    #[test]
    fn an_audits_worst_bottlenecks_become_plan_items_once() {
        use crate::transition::audit::{
            audit_create, audit_delete, audit_restore, AuditInput, AuditScope, StageInput,
        };
        let mut ws = Workspace::in_memory().unwrap();
        let (_, bo, plan) = bo_with_a_plan(&mut ws);
        let stage = |stage, slowdown, ai_use, next: &str| StageInput {
            stage,
            slowdown,
            ai_use,
            owner_id: None,
            next_change: next.into(),
        };
        let audit = audit_create(
            ws.conn(),
            &AuditInput {
                scope: AuditScope::Person { id: bo },
                taken_on: "2026-12-03".into(),
                note: String::new(),
                stages: vec![
                    stage(Stage::Planning, 3, 1, "Write one-page briefs"),
                    stage(Stage::CodeReview, 4, 0, "Agent pre-review"),
                    stage(Stage::BugFixing, 2, 2, ""),
                    stage(Stage::Strategy, 1, 0, ""),
                ],
            },
        )
        .unwrap();
        let feed = plan_add_audit_actions(ws.conn(), plan.id, audit.id, "2026-12-04").unwrap();
        assert_eq!((feed.added, feed.already_there), (3, 0));
        let fed: Vec<(Option<Stage>, u8, &str)> = feed
            .plan
            .items
            .iter()
            .filter(|i| i.source == ItemSource::Audit)
            .map(|i| (i.stage, i.phase, i.due_date.as_str()))
            .collect();
        // Worst first: review (4), planning (3) in days 1–30; bug fixing (2) in 31–60.
        assert_eq!(
            fed,
            [
                (Some(Stage::CodeReview), 1, "2026-12-31"),
                (Some(Stage::Planning), 1, "2026-12-31"),
                (Some(Stage::BugFixing), 2, "2027-01-30"),
            ]
        );
        let review = feed
            .plan
            .items
            .iter()
            .find(|i| i.stage == Some(Stage::CodeReview))
            .unwrap();
        assert_eq!(review.title, "Code review: try \"Agent pre-review\"");
        assert_eq!(review.kind, TimeKind::Reviews);

        let again = plan_add_audit_actions(ws.conn(), plan.id, audit.id, "2026-12-04").unwrap();
        assert_eq!((again.added, again.already_there), (0, 3));
        assert_eq!(
            plan_add_audit_actions(ws.conn(), plan.id, audit.id + 1, "2026-12-04")
                .unwrap_err()
                .kind(),
            crate::ErrorKind::NotFound,
            "an audit that does not exist feeds nothing"
        );

        let deleted = audit_delete(ws.conn(), audit.id).unwrap();
        assert_eq!(deleted.plan_items.len(), 3);
        let orphaned = plan_get(ws.conn(), plan.id, "2026-12-04").unwrap();
        assert!(orphaned
            .items
            .iter()
            .filter(|i| i.source == ItemSource::Audit)
            .all(|i| i.audit_id.is_none()));
        audit_restore(ws.conn(), deleted.undo_id).unwrap();
        let relinked = plan_get(ws.conn(), plan.id, "2026-12-04").unwrap();
        assert_eq!(relinked.items, again.plan.items);
    }

    #[test]
    fn a_deleted_plan_comes_back_with_its_ticks_notes_and_gaps_and_the_moves_stay() {
        let mut ws = Workspace::in_memory().unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let cy = add(ws.conn(), "Cy", Some(bo));
        let f = framework_save(ws.conn(), &small(), false).unwrap();
        assess(
            ws.conn(),
            bo,
            f.id,
            AssessorRole::Manager,
            "2026-11-01",
            vec![rating("delegate", 2, None), rating("coach", 1, None)],
        );
        let profile = profile_resolve(ws.conn(), "lead").unwrap();
        let input = PlanInput {
            person_id: bo,
            profile_id: profile.id,
            start_date: "2026-12-01".into(),
            moves: vec![Move {
                person_id: cy,
                to_manager: Some(ada),
            }],
            direction: None,
            reports_stay: false,
            pace: None,
        };
        let plan = plan_create(&mut ws, &input, &templates(), "2026-11-22").unwrap();
        let last = plan.items.last().unwrap().clone();
        plan_item_check(ws.conn(), plan.id, last.id, true, "2026-12-05").unwrap();
        plan_item_update(
            ws.conn(),
            plan.id,
            last.id,
            &PlanItemEdit {
                note: "talked it through with Ada".into(),
                ..edit_of(&last)
            },
            "2026-12-05",
        )
        .unwrap();
        let plan = plan_checkpoint_set(
            ws.conn(),
            plan.id,
            Some(CheckpointDecision::KeepGoing),
            "",
            "2026-12-05",
        )
        .unwrap();
        let structure_before = structure(&ws);

        let err = crate::removal::person_delete(
            ws.conn(),
            bo,
            crate::removal::ReportsDestination::UpOneLevel,
        )
        .unwrap_err();
        assert!(err.to_string().contains("delete the plan first"), "{err}");

        let deleted = plan_delete(ws.conn(), plan.id, "2026-12-05").unwrap();
        assert_eq!(
            plan_get(ws.conn(), plan.id, "2026-12-05")
                .unwrap_err()
                .kind(),
            crate::ErrorKind::NotFound
        );
        assert_eq!(
            structure(&ws),
            structure_before,
            "deleting a plan does not move anyone back"
        );
        let restored = plan_restore(ws.conn(), deleted.undo_id, "2026-12-05").unwrap();
        assert_eq!(restored, plan, "the plan comes back exactly");
        assert_eq!(
            plan_restore(ws.conn(), deleted.undo_id, "2026-12-05")
                .unwrap_err()
                .kind(),
            crate::ErrorKind::NotFound,
            "an undo runs once: its entry is gone"
        );
    }

    #[test]
    fn a_refused_budget_changes_nothing_and_a_checkpoint_decision_can_be_cleared() {
        let mut ws = Workspace::in_memory().unwrap();
        let (_, _, plan) = bo_with_a_plan(&mut ws);
        let over = WeeklyBudget {
            hands_on: 20,
            agents: 20,
            reviews: 20,
            mentoring: 10,
            one_on_ones: 11,
        };
        let err = plan_budget_set(ws.conn(), plan.id, over, "2027-03-01").unwrap_err();
        assert_eq!(
            err.to_string(),
            "the budget adds up to 81 hours a week; keep it at 80 or less"
        );
        assert_eq!(
            plan_get(ws.conn(), plan.id, "2027-03-01").unwrap().budget,
            plan.budget,
            "the budget stays as it was"
        );
        let decided = plan_checkpoint_set(
            ws.conn(),
            plan.id,
            Some(CheckpointDecision::Adjust),
            "  Less hands-on  ",
            "2027-03-01",
        )
        .unwrap();
        assert_eq!(decided.checkpoint_note, "Less hands-on");
        assert!(
            plan_markdown(&decided).contains("## Checkpoint decision: Adjust\n\nLess hands-on\n")
        );
        let cleared = plan_checkpoint_set(ws.conn(), plan.id, None, "", "2027-03-01").unwrap();
        assert_eq!(cleared.checkpoint_decision, None);
        assert!(
            !plan_markdown(&cleared).contains("Checkpoint decision"),
            "no decision, no section"
        );
    }

    /// The CLI's `audit create --plan`: one transaction, so a plan that does
    /// not exist leaves no audit behind (a retry would record it twice).
    #[test]
    fn an_audit_fed_into_a_missing_plan_is_not_recorded_either() {
        let mut ws = Workspace::in_memory().unwrap();
        let (_, bo, plan) = bo_with_a_plan(&mut ws);
        let input = AuditInput {
            scope: crate::transition::audit::AuditScope::Person { id: bo },
            taken_on: "2026-12-03".into(),
            note: String::new(),
            stages: vec![crate::transition::audit::StageInput {
                stage: Stage::CodeReview,
                slowdown: 4,
                ai_use: 1,
                owner_id: None,
                next_change: "pair on reviews".into(),
            }],
        };
        let audits =
            |ws: &Workspace| crate::transition::audit::audit_list(ws.conn(), None).unwrap();
        let err = plan_audit_create(ws.conn(), plan.id + 100, &input, "2026-12-03").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::NotFound, "{err}");
        assert!(audits(&ws).is_empty(), "no audit without its plan");

        let (audit, feed) = plan_audit_create(ws.conn(), plan.id, &input, "2026-12-03").unwrap();
        assert_eq!(audits(&ws).len(), 1);
        assert_eq!((feed.added, feed.already_there), (1, 0));
        let fed: Vec<Option<Stage>> = feed
            .plan
            .items
            .iter()
            .filter(|i| i.source == ItemSource::Audit)
            .map(|i| i.stage)
            .collect();
        assert_eq!(
            fed,
            [Some(Stage::CodeReview)],
            "audit {} fed its one bottleneck",
            audit.id
        );
    }
}
