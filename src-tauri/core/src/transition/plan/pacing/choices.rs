//! What would make a plan that does not fit, fit: fewer skills now, a longer
//! plan, or a bigger budget. Each is found by pacing again, so a choice is
//! offered only when the rule says it works.

use chrono::NaiveDate;

use super::{
    loads, pace, practice_room, Calendar, LaterSkill, PaceChoice, PacedItem, PLAN_DAYS_MAX,
};
use crate::transition::plan::WeeklyBudget;
use crate::transition::WEEK_HOURS_MAX;

fn fits(
    items: &[PacedItem],
    calendar: Calendar,
    budget: &WeeklyBudget,
    from: Option<NaiveDate>,
) -> bool {
    pace(
        &loads(items),
        &calendar.weeks(),
        &practice_room(budget),
        from,
    )
    .iter()
    .all(Option::is_some)
}

/// The choices for a new plan that does not fit, in this order, each offered
/// only when it makes the plan fit:
///
/// * fewer skills now: the fewest of the smallest gaps (the end of `skills`,
///   which lists the checklist's skills biggest gap first) to leave for a
///   later plan, keeping at least one;
/// * a longer plan: the shortest length, in whole weeks more per phase, up to
///   `PLAN_DAYS_MAX`;
/// * a bigger budget (`budget_choice`).
pub(crate) fn choices(
    items: &[PacedItem],
    calendar: Calendar,
    budget: WeeklyBudget,
    skills: &[LaterSkill],
) -> Vec<PaceChoice> {
    let mut offered = Vec::new();
    let fewer = (1..skills.len()).find_map(|leave| {
        let later = &skills[skills.len() - leave..];
        let kept: Vec<PacedItem> = items
            .iter()
            .filter(|p| !later.iter().any(|s| s.skill_key == p.skill_key))
            .cloned()
            .collect();
        fits(&kept, calendar, &budget, None).then(|| later.to_vec())
    });
    if let Some(later) = fewer {
        offered.push(PaceChoice::FewerSkills { later });
    }
    // Only a whole week more per phase adds a week to pace into.
    let weeks_now = (calendar.phase_days() / 7).max(1);
    let longer = (weeks_now + 1..)
        .map(|weeks| 3 * 7 * weeks)
        .take_while(|&days| days <= PLAN_DAYS_MAX)
        .find(|&days| {
            let longer = Calendar { days, ..calendar };
            fits(items, longer, &budget, None)
        });
    if let Some(days) = longer {
        offered.push(PaceChoice::LongerPlan { days });
    }
    offered.extend(budget_choice(items, calendar, budget, None));
    offered
}

/// The budget that makes the items fit: an hour a week more at a time for
/// each kind whose items find no room, until they all fit; `None` when that
/// would take the budget past `WEEK_HOURS_MAX`.
pub(crate) fn budget_choice(
    items: &[PacedItem],
    calendar: Calendar,
    budget: WeeklyBudget,
    from: Option<NaiveDate>,
) -> Option<PaceChoice> {
    let loads = loads(items);
    let weeks = calendar.weeks();
    let mut bigger = budget;
    loop {
        let week_of = pace(&loads, &weeks, &practice_room(&bigger), from);
        let mut short: Vec<_> = loads
            .iter()
            .zip(&week_of)
            .filter(|(_, week)| week.is_none())
            .map(|(load, _)| load.kind)
            .collect();
        if short.is_empty() {
            break;
        }
        short.sort();
        short.dedup();
        for kind in short {
            let hours = bigger.hours_mut(kind);
            *hours = hours.checked_add(1)?;
        }
        if bigger.total() > WEEK_HOURS_MAX {
            return None;
        }
    }
    if bigger == budget {
        return None;
    }
    let mut added = bigger;
    for kind in crate::transition::checklist::TimeKind::ALL {
        *added.hours_mut(kind) = bigger.hours(kind) - budget.hours(kind);
    }
    Some(PaceChoice::BiggerBudget {
        budget: bigger,
        added,
    })
}
