//! One item of a plan at a time: ticking it, editing it, adding one of the
//! user's own, removing one and putting it back. `next_position` and
//! `item_insert` serve the whole-plan operations in `lifecycle` too.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::read::{item_from_row, plan_exists, plan_get, ITEM_SELECT};
use super::{DeletedPlanItem, Plan, PlanItem, PlanItemChange, PlanItemEdit};
use crate::dates;
use crate::db;
use crate::error::{Error, Result};
use crate::transition::audit::Stage;
use crate::transition::ITEM_HOURS_MAX;
use crate::undo::{undo_record, undo_take, UndoKind};

fn item_not_found(plan_id: i64, item_id: i64) -> Error {
    Error::NotFound(format!("plan {plan_id} has no item {item_id}"))
}

/// Ticks (or unticks) an item of a plan.
pub fn plan_item_check(
    conn: &Connection,
    plan_id: i64,
    item_id: i64,
    done: bool,
    today: &str,
) -> Result<Plan> {
    let changed = conn.execute(
        "UPDATE plan_item SET done_on = ?3 WHERE plan_id = ?1 AND id = ?2",
        params![plan_id, item_id, done.then_some(today)],
    )?;
    if changed == 0 {
        return Err(item_not_found(plan_id, item_id));
    }
    plan_get(conn, plan_id, today)
}

/// Names every problem of an edit at once, so the form can show them together.
fn check_edit(edit: &PlanItemEdit) -> Result<()> {
    let mut problems = Vec::new();
    if !(1..=3).contains(&edit.phase) {
        problems.push(format!("phase {} is not 1, 2 or 3", edit.phase));
    }
    if edit.title.trim().is_empty() {
        problems.push("the title is empty".to_string());
    }
    if let Err(e) = dates::parse(&edit.due_date) {
        problems.push(e.to_string());
    }
    if edit.hours_per_week > ITEM_HOURS_MAX {
        problems.push(format!(
            "{} hours a week is more than {ITEM_HOURS_MAX}",
            edit.hours_per_week
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidInput(format!(
            "the item was not saved: {}",
            problems.join("; ")
        )))
    }
}

/// Changes an item: its phase, wording, note, due date and time.
pub fn plan_item_update(
    conn: &Connection,
    plan_id: i64,
    item_id: i64,
    edit: &PlanItemEdit,
    today: &str,
) -> Result<Plan> {
    let tx = db::write(conn)?;
    item_update(&tx, plan_id, item_id, edit)?;
    let plan = plan_get(&tx, plan_id, today)?;
    tx.commit()?;
    Ok(plan)
}

/// Changes the fields `change` names and keeps the rest, read in the same
/// transaction so that an edit made meanwhile elsewhere is not overwritten
/// with what was read before it.
pub fn plan_item_change(
    conn: &Connection,
    plan_id: i64,
    item_id: i64,
    change: &PlanItemChange,
    today: &str,
) -> Result<Plan> {
    let tx = db::write(conn)?;
    let current = plan_get(&tx, plan_id, today)?
        .items
        .into_iter()
        .find(|i| i.id == item_id)
        .ok_or_else(|| item_not_found(plan_id, item_id))?;
    let edit = PlanItemEdit {
        phase: change.phase.unwrap_or(current.phase),
        title: current.title,
        done_when: current.done_when,
        note: change.note.clone().unwrap_or(current.note),
        due_date: change.due_date.clone().unwrap_or(current.due_date),
        hours_per_week: current.hours_per_week,
        kind: current.kind,
    };
    item_update(&tx, plan_id, item_id, &edit)?;
    let plan = plan_get(&tx, plan_id, today)?;
    tx.commit()?;
    Ok(plan)
}

fn item_update(tx: &Transaction, plan_id: i64, item_id: i64, edit: &PlanItemEdit) -> Result<()> {
    check_edit(edit)?;
    let changed = tx.execute(
        "UPDATE plan_item SET phase = ?3, title = ?4, done_when = ?5, note = ?6, due_date = ?7,
                hours_per_week = ?8, kind = ?9
         WHERE plan_id = ?1 AND id = ?2",
        params![
            plan_id,
            item_id,
            edit.phase,
            edit.title.trim(),
            edit.done_when.trim(),
            edit.note.trim(),
            edit.due_date,
            edit.hours_per_week,
            edit.kind.as_str()
        ],
    )?;
    if changed == 0 {
        return Err(item_not_found(plan_id, item_id));
    }
    Ok(())
}

/// The position after the plan's last item, where a new item goes.
pub(super) fn next_position(conn: &Connection, plan_id: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(max(position), -1) + 1 FROM plan_item WHERE plan_id = ?1",
        [plan_id],
        |r| r.get(0),
    )?)
}

/// Adds an item of the user's own to a plan.
pub fn plan_item_add(
    conn: &Connection,
    plan_id: i64,
    edit: &PlanItemEdit,
    today: &str,
) -> Result<Plan> {
    check_edit(edit)?;
    let tx = crate::db::write(conn)?;
    plan_exists(&tx, plan_id)?;
    tx.execute(
        "INSERT INTO plan_item (plan_id, position, phase, title, done_when, note, due_date, hours_per_week, kind, source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'own')",
        params![
            plan_id,
            next_position(&tx, plan_id)?,
            edit.phase,
            edit.title.trim(),
            edit.done_when.trim(),
            edit.note.trim(),
            edit.due_date,
            edit.hours_per_week,
            edit.kind.as_str()
        ],
    )?;
    tx.commit()?;
    plan_get(conn, plan_id, today)
}

/// Removes an item; the workspace keeps what `plan_item_restore` needs.
pub fn plan_item_delete(
    conn: &Connection,
    plan_id: i64,
    item_id: i64,
    today: &str,
) -> Result<DeletedPlanItem> {
    let today_date = dates::parse(today)?;
    let tx = crate::db::write(conn)?;
    let (item, position) = tx
        .query_row(
            &format!("{ITEM_SELECT} WHERE plan_id = ?1 AND id = ?2"),
            params![plan_id, item_id],
            |r| Ok((item_from_row(r, today_date)?, r.get::<_, u32>(15)?)),
        )
        .optional()?
        .ok_or_else(|| item_not_found(plan_id, item_id))?;
    tx.execute(
        "DELETE FROM plan_item WHERE plan_id = ?1 AND id = ?2",
        params![plan_id, item_id],
    )?;
    let mut deleted = DeletedPlanItem {
        undo_id: 0,
        plan_id,
        position,
        item,
    };
    let label = format!("the plan item \"{}\"", deleted.item.title);
    deleted.undo_id = undo_record(&tx, UndoKind::PlanItem, &label, &deleted)?;
    tx.commit()?;
    Ok(deleted)
}

/// Inserts an item as it was (same id, place, tick and note). Its audit link is
/// kept only while the audit exists.
pub(super) fn item_insert(
    conn: &Transaction,
    plan_id: i64,
    position: u32,
    i: &PlanItem,
) -> Result<()> {
    let audit = match i.audit_id {
        Some(a) => conn
            .query_row("SELECT id FROM sdlc_audit WHERE id = ?1", [a], |r| {
                r.get::<_, i64>(0)
            })
            .optional()?,
        None => None,
    };
    conn.execute(
        "INSERT INTO plan_item (id, plan_id, position, phase, skill_key, skill_name, level, title, done_when,
                                kind, hours_per_week, due_date, done_on, note, source, stage, audit_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        params![
            i.id,
            plan_id,
            position,
            i.phase,
            i.skill_key,
            i.skill_name,
            i.level,
            i.title,
            i.done_when,
            i.kind.as_str(),
            i.hours_per_week,
            i.due_date,
            i.done_on,
            i.note,
            i.source.as_str(),
            i.stage.map(Stage::as_str).unwrap_or(""),
            audit
        ],
    )
    .map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            Error::Conflict(format!("the item \"{}\" is already in the plan", i.title))
        }
        other => other.into(),
    })?;
    Ok(())
}

/// Puts a removed item back, with the same id, place, tick and note.
pub fn plan_item_restore(conn: &Connection, undo_id: i64, today: &str) -> Result<Plan> {
    let tx = crate::db::write(conn)?;
    let deleted: DeletedPlanItem = undo_take(&tx, undo_id, UndoKind::PlanItem)?;
    plan_exists(&tx, deleted.plan_id).map_err(|_| {
        Error::Conflict(format!(
            "the item \"{}\" cannot come back: its plan has been deleted since",
            deleted.item.title
        ))
    })?;
    item_insert(&tx, deleted.plan_id, deleted.position, &deleted.item)?;
    tx.commit()?;
    plan_get(conn, deleted.plan_id, today)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{bo_with_a_plan, edit_of, templates};
    use super::super::{plan_create, plan_markdown, ItemSource, PlanInput};
    use super::*;
    use crate::people::tests::add;
    use crate::skills::assessment::AssessorRole;
    use crate::skills::framework::{framework_save, profile_resolve};
    use crate::skills::tests::{assess, rating, small};
    use crate::transition::checklist::TimeKind;
    use crate::Workspace;

    #[test]
    fn ticking_items_shows_progress_overdue_items_and_a_markdown_checklist() {
        let mut ws = Workspace::in_memory().unwrap();
        let bo = add(ws.conn(), "Bo", None);
        let f = framework_save(ws.conn(), &small(), false).unwrap();
        assess(
            ws.conn(),
            bo,
            f.id,
            AssessorRole::SelfAssessed,
            "2026-01-01",
            vec![rating("delegate", 3, None)],
        );
        let profile = profile_resolve(ws.conn(), "lead").unwrap();
        let input = PlanInput {
            person_id: bo,
            profile_id: profile.id,
            start_date: "2026-01-01".into(),
            moves: vec![],
            direction: None,
            reports_stay: false,
            pace: None,
        };
        let plan = plan_create(&mut ws, &input, &templates(), "2026-01-01").unwrap();
        let first = plan.items[0].id;
        // Read on 2026-03-15: phase 1 (due 2026-01-31) is overdue unless done.
        let plan = plan_get(ws.conn(), plan.id, "2026-03-15").unwrap();
        assert!(plan.items[0].overdue);
        let plan = plan_item_check(ws.conn(), plan.id, first, true, "2026-03-15").unwrap();
        assert!(!plan.items[0].overdue && plan.items[0].done_on.as_deref() == Some("2026-03-15"));
        assert_eq!(plan.phases[0].done, 1);
        let markdown = plan_markdown(&plan);
        assert!(
            markdown.contains("- [x] practise delegate at 4"),
            "{markdown}"
        );
        assert!(markdown.contains("- [ ] Day-90 checkpoint"), "{markdown}");
        assert_eq!(
            plan_item_check(ws.conn(), plan.id, 9999, true, "2026-03-15")
                .unwrap_err()
                .kind(),
            crate::ErrorKind::NotFound
        );
    }

    #[test]
    fn items_can_be_edited_added_removed_and_put_back() {
        let mut ws = Workspace::in_memory().unwrap();
        let (_, _, plan) = bo_with_a_plan(&mut ws);
        let first = plan.items[0].clone();
        let edited = plan_item_update(
            ws.conn(),
            plan.id,
            first.id,
            &PlanItemEdit {
                phase: 2,
                title: "  Pair on a review  ".into(),
                note: "  paired with Cy on it ".into(),
                due_date: "2027-01-15".into(),
                ..edit_of(&first)
            },
            "2026-12-02",
        )
        .unwrap();
        let moved = edited.items.iter().find(|i| i.id == first.id).unwrap();
        assert_eq!(
            (
                moved.phase,
                moved.title.as_str(),
                moved.note.as_str(),
                moved.due_date.as_str()
            ),
            (2, "Pair on a review", "paired with Cy on it", "2027-01-15"),
            "saved without the surrounding spaces"
        );
        assert_eq!(edited.phases[0].total + 1, plan.phases[0].total);

        let bad = plan_item_update(
            ws.conn(),
            plan.id,
            first.id,
            &PlanItemEdit {
                phase: 4,
                title: " ".into(),
                due_date: "2026-02-30".into(),
                hours_per_week: 41,
                ..edit_of(&first)
            },
            "2026-12-02",
        )
        .unwrap_err();
        assert_eq!(bad.kind(), crate::ErrorKind::InvalidInput);
        assert_eq!(
            bad.to_string(),
            "the item was not saved: phase 4 is not 1, 2 or 3; the title is empty; \"2026-02-30\" is not a date (YYYY-MM-DD); 41 hours a week is more than 40"
        );
        assert_eq!(
            plan_get(ws.conn(), plan.id, "2026-12-02").unwrap(),
            edited,
            "a refused edit changes nothing"
        );

        let with_own = plan_item_add(
            ws.conn(),
            plan.id,
            &PlanItemEdit {
                phase: 1,
                title: "Shadow the on-call rotation".into(),
                done_when: "One week on call".into(),
                note: String::new(),
                due_date: "2026-12-20".into(),
                hours_per_week: 3,
                kind: TimeKind::HandsOn,
            },
            "2026-12-02",
        )
        .unwrap();
        let own = with_own
            .items
            .iter()
            .find(|i| i.source == ItemSource::Own)
            .unwrap()
            .clone();
        assert_eq!(own.title, "Shadow the on-call rotation");

        let deleted = plan_item_delete(ws.conn(), plan.id, own.id, "2026-12-02").unwrap();
        let without = plan_get(ws.conn(), plan.id, "2026-12-02").unwrap();
        assert!(without.items.iter().all(|i| i.id != own.id));
        let restored = plan_item_restore(ws.conn(), deleted.undo_id, "2026-12-02").unwrap();
        assert_eq!(
            restored.items, with_own.items,
            "the item comes back as it was"
        );
        assert_eq!(
            plan_item_restore(ws.conn(), deleted.undo_id, "2026-12-02")
                .unwrap_err()
                .kind(),
            crate::ErrorKind::NotFound,
            "an undo runs once: its entry is gone"
        );
        assert_eq!(
            plan_item_delete(ws.conn(), plan.id, 9999, "2026-12-02")
                .unwrap_err()
                .kind(),
            crate::ErrorKind::NotFound
        );
    }

    /// Only what the change names moves; the title, wording and time stay,
    /// and a bad date changes nothing.
    #[test]
    fn a_partial_change_keeps_every_field_it_does_not_name() {
        let mut ws = Workspace::in_memory().unwrap();
        let (_, _, plan) = bo_with_a_plan(&mut ws);
        let before = plan.items[0].clone();
        let change = PlanItemChange {
            note: Some("pair with Cy".into()),
            due_date: Some("2027-02-01".into()),
            ..Default::default()
        };
        let after = plan_item_change(ws.conn(), plan.id, before.id, &change, "2026-12-02").unwrap();
        let item = after.items.iter().find(|i| i.id == before.id).unwrap();
        assert_eq!(
            (item.note.as_str(), item.due_date.as_str()),
            ("pair with Cy", "2027-02-01")
        );
        assert_eq!(
            (
                item.phase,
                &item.title,
                &item.done_when,
                item.hours_per_week,
                item.kind
            ),
            (
                before.phase,
                &before.title,
                &before.done_when,
                before.hours_per_week,
                before.kind
            )
        );
        let bad = PlanItemChange {
            phase: Some(3),
            due_date: Some("2027-02-30".into()),
            ..Default::default()
        };
        let err = plan_item_change(ws.conn(), plan.id, before.id, &bad, "2026-12-02").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput, "{err}");
        let unchanged = plan_get(ws.conn(), plan.id, "2026-12-02").unwrap();
        assert_eq!(
            unchanged.items.iter().find(|i| i.id == before.id),
            Some(item)
        );
        let missing =
            plan_item_change(ws.conn(), plan.id, 9_999, &change, "2026-12-02").unwrap_err();
        assert_eq!(missing.kind(), crate::ErrorKind::NotFound);
    }
}
