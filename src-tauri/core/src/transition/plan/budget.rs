//! A plan's weekly budget. Setting it re-paces the items not done yet, so that
//! what is open at once fits the new week (`pacing`); the preview shows the
//! same without writing.

use rusqlite::{params, Connection, Transaction};

use super::pacing::{self, budget_choice, Calendar, PacedItem, PlanPace};
use super::read::plan_get;
use super::{Plan, PlanItem, WeeklyBudget};
use crate::dates;
use crate::error::{Error, Result};
use crate::transition::WEEK_HOURS_MAX;

/// A budget of at most `WEEK_HOURS_MAX` hours a week.
pub(super) fn budget_check(budget: &WeeklyBudget) -> Result<()> {
    let total = budget.total();
    if total > WEEK_HOURS_MAX {
        return Err(Error::InvalidInput(format!(
            "the budget adds up to {total} hours a week; keep it at {WEEK_HOURS_MAX} or less"
        )));
    }
    Ok(())
}

/// The plan's items not done yet, re-paced for `budget` from `today` on,
/// without writing: their new phases and due dates (and the ones they had),
/// the hours a week over time, and whether they fit. Done items keep their
/// dates and take no room. When the items do not fit, the one choice offered
/// is a bigger budget (a stored plan keeps its length and skills).
pub fn plan_budget_preview(
    conn: &Connection,
    plan_id: i64,
    budget: WeeklyBudget,
    today: &str,
) -> Result<PlanPace> {
    budget_check(&budget)?;
    repace(conn, plan_id, budget, today)
}

/// Sets the weekly time budget and re-paces the items not done yet, as
/// `plan_budget_preview` shows, in one transaction. Items that find no room
/// keep the phase and due date they have.
pub fn plan_budget_set(
    conn: &Connection,
    plan_id: i64,
    budget: WeeklyBudget,
    today: &str,
) -> Result<Plan> {
    budget_check(&budget)?;
    let tx = crate::db::write(conn)?;
    let pace = repace(&tx, plan_id, budget, today)?;
    repace_write(&tx, plan_id, &pace)?;
    let plan = plan_get(&tx, plan_id, today)?;
    tx.commit()?;
    Ok(plan)
}

fn repace(conn: &Connection, plan_id: i64, budget: WeeklyBudget, today: &str) -> Result<PlanPace> {
    let from = dates::parse(today)?;
    let plan = plan_get(conn, plan_id, today)?;
    let calendar = Calendar::new(&plan.start_date, plan.length_days)?;
    // Read in phase and checklist order, the order pacing takes them in.
    let open: Vec<PacedItem> = plan
        .items
        .iter()
        .filter(|i| i.done_on.is_none())
        .map(unpaced)
        .collect();
    let mut pace = pacing::pace_plan(&open, calendar, budget, Some(from));
    if !pace.fits {
        pace.choices
            .extend(budget_choice(&open, calendar, budget, Some(from)));
    }
    Ok(pace)
}

/// A stored item as pacing takes it: from its phase on, its due date kept
/// when it finds no room.
fn unpaced(item: &PlanItem) -> PacedItem {
    PacedItem {
        item_id: Some(item.id),
        source: item.source,
        skill_key: item.skill_key.clone(),
        skill_name: item.skill_name.clone(),
        level: item.level,
        title: item.title.clone(),
        kind: item.kind,
        hours_per_week: item.hours_per_week,
        phase: item.phase,
        opens_on: None,
        due_date: item.due_date.clone(),
        due_before: Some(item.due_date.clone()),
        fits: false,
    }
}

/// The new budget, and the new phase and due date of each item that found room.
fn repace_write(tx: &Transaction, plan_id: i64, pace: &PlanPace) -> Result<()> {
    tx.execute(
        "UPDATE transition_plan SET budget = ?2 WHERE id = ?1",
        params![
            plan_id,
            serde_json::to_string(&pace.budget).expect("budget serializes")
        ],
    )?;
    let mut update = tx
        .prepare("UPDATE plan_item SET phase = ?3, due_date = ?4 WHERE plan_id = ?1 AND id = ?2")?;
    for item in pace.items.iter().filter(|i| i.fits) {
        update.execute(params![plan_id, item.item_id, item.phase, item.due_date])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::bo_with_a_plan;
    use super::super::{plan_item_add, plan_item_check, PlanItemEdit};
    use super::*;
    use crate::transition::checklist::TimeKind;
    use crate::Workspace;

    fn due(plan: &Plan) -> Vec<(String, u8, String)> {
        plan.items
            .iter()
            .map(|i| (i.title.clone(), i.phase, i.due_date.clone()))
            .collect()
    }

    fn row(title: &str, phase: u8, due: &str) -> (String, u8, String) {
        (title.to_string(), phase, due.to_string())
    }

    /// Bo's plan starts 2026-12-01; every item is 2 hours of agents. Paced at
    /// creation: delegate 3 on 12-15, coach 2 on 12-31, delegate 4 on
    /// 2027-01-30, the checkpoint on 03-01. Bo ticks delegate 3 and adds three
    /// items of his own to days 1–30, due 12-31.
    ///
    /// On Wednesday 12-09 he cuts agents to 2 hours (room 2: one item a week).
    /// Re-paced by hand: the week due 12-08 is over; days 1–30 have the weeks
    /// due 12-15, 12-22 and 12-31 left. Five items not done and the
    /// checkpoint over 11 weeks: 2 a week. Days 1–30 take coach 2 and own 1–3
    /// (n = 4, targets ⌈j·3/4⌉ = 1, 2, 3, 3): 12-15, 12-22, 12-31; own 3 finds
    /// 12-31, 12-22 and 12-15 holding 2 hours each and waits. Days 31–60 (n = 2,
    /// targets ⌈j·4/2⌉ = 2, 4): own 3 on 2027-01-14, delegate 4 on 01-30. The
    /// ticked item keeps its date and takes no room (coach 2 is due beside it).
    #[test]
    fn a_smaller_budget_re_paces_the_items_not_done_from_today_on() {
        let mut ws = Workspace::in_memory().unwrap();
        let (_, _, plan) = bo_with_a_plan(&mut ws);
        assert_eq!(
            due(&plan),
            [
                row("practise delegate at 3", 1, "2026-12-15"),
                row("practise coach at 2", 1, "2026-12-31"),
                row("practise delegate at 4", 2, "2027-01-30"),
                row(super::super::CHECKPOINT_TITLE, 3, "2027-03-01"),
            ]
        );
        let first = plan.items[0].id;
        plan_item_check(ws.conn(), plan.id, first, true, "2026-12-05").unwrap();
        for n in 1..=3 {
            let own = PlanItemEdit {
                phase: 1,
                title: format!("own {n}"),
                done_when: String::new(),
                note: String::new(),
                due_date: "2026-12-31".into(),
                hours_per_week: 2,
                kind: TimeKind::Agents,
            };
            plan_item_add(ws.conn(), plan.id, &own, "2026-12-05").unwrap();
        }
        let today = "2026-12-09";
        let before = plan_get(ws.conn(), plan.id, today).unwrap();
        let cut = WeeklyBudget {
            agents: 2,
            ..WeeklyBudget::default()
        };

        let preview = plan_budget_preview(ws.conn(), plan.id, cut, today).unwrap();
        assert!(preview.fits);
        let moved: Vec<(&str, Option<&str>, &str)> = preview
            .items
            .iter()
            .map(|i| {
                (
                    i.title.as_str(),
                    i.due_before.as_deref(),
                    i.due_date.as_str(),
                )
            })
            .collect();
        assert_eq!(
            moved,
            [
                ("practise coach at 2", Some("2026-12-31"), "2026-12-15"),
                ("own 1", Some("2026-12-31"), "2026-12-22"),
                ("own 2", Some("2026-12-31"), "2026-12-31"),
                ("own 3", Some("2026-12-31"), "2027-01-14"),
                ("practise delegate at 4", Some("2027-01-30"), "2027-01-30"),
                (
                    super::super::CHECKPOINT_TITLE,
                    Some("2027-03-01"),
                    "2027-03-01"
                ),
            ],
            "the ticked item is not re-paced"
        );
        assert!(
            preview.weeks.iter().all(|w| w
                .hours
                .iter()
                .all(|h| h.kind != TimeKind::Agents || h.hours <= 2)),
            "never more than the room of 2 hours of agents at once"
        );
        assert_eq!(
            plan_get(ws.conn(), plan.id, today).unwrap(),
            before,
            "a preview writes nothing"
        );
        // With the budget as it was (agents room 8), own 3 joins own 2.
        let kept = plan_budget_preview(ws.conn(), plan.id, plan.budget, today).unwrap();
        let own3 = kept.items.iter().find(|i| i.title == "own 3").unwrap();
        assert_eq!((own3.phase, own3.due_date.as_str()), (1, "2026-12-31"));

        let after = plan_budget_set(ws.conn(), plan.id, cut, today).unwrap();
        assert_eq!(after.budget, cut);
        assert_eq!(
            due(&after),
            [
                row("practise delegate at 3", 1, "2026-12-15"),
                row("practise coach at 2", 1, "2026-12-15"),
                row("own 1", 1, "2026-12-22"),
                row("own 2", 1, "2026-12-31"),
                row("practise delegate at 4", 2, "2027-01-30"),
                row("own 3", 2, "2027-01-14"),
                row(super::super::CHECKPOINT_TITLE, 3, "2027-03-01"),
            ],
            "own 3 moved to days 31–60; the ticked item kept its date"
        );
    }

    #[test]
    fn a_budget_over_the_week_or_for_a_missing_plan_is_refused() {
        let mut ws = Workspace::in_memory().unwrap();
        let (_, _, plan) = bo_with_a_plan(&mut ws);
        let over = WeeklyBudget {
            hands_on: 80,
            ..WeeklyBudget::default()
        };
        let err = plan_budget_preview(ws.conn(), plan.id, over, "2026-12-09").unwrap_err();
        assert!(err.to_string().contains("keep it at 80 or less"), "{err}");
        let err = plan_budget_preview(
            ws.conn(),
            plan.id + 1,
            WeeklyBudget::default(),
            "2026-12-09",
        )
        .unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::NotFound);
    }
}
