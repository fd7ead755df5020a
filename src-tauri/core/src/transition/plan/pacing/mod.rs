//! Pacing: when each item of a plan is due, so that the practice open at the
//! same time fits the week the plan's budget describes; and, for a plan that
//! cannot fit, by how much and what would make it fit (`choices`). The rule is
//! `pace`; a new plan's preview (`plan_preview`) and a budget's re-pacing
//! (`plan_budget_preview`) show its outcome as a `PlanPace`.

mod choices;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod typical;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ItemSource, WeeklyBudget};
use crate::dates;
use crate::error::{Error, Result};
use crate::transition::checklist::TimeKind;

pub(super) use choices::{budget_choice, choices};

/// Practice may take this share of each kind's weekly hours (rounded up to
/// a whole hour); the rest of the week is the work itself.
pub const PRACTICE_PERCENT: u32 = 75;
/// Items a week may always have due, however small the plan: one or two a
/// week. A bigger plan spreads its items evenly instead (see `pace`).
pub const DUE_PER_WEEK: u32 = 2;
/// Items a week may have due at most, however big the plan: a plan that
/// needs more is one nobody can follow, so it does not fit (and the choices
/// say what would: fewer skills now or a longer plan).
pub const DUE_PER_WEEK_MAX: u32 = 4;
/// A plan's length unless a longer one is chosen, and the longest it may be.
pub const PLAN_DAYS: u32 = 90;
pub const PLAN_DAYS_MAX: u32 = 360;

/// The hours of each kind that practice may take in a week: `PRACTICE_PERCENT`
/// of the budget's, rounded up, so a kind with an hour or two still holds an
/// item of its own.
pub fn practice_room(budget: &WeeklyBudget) -> WeeklyBudget {
    let mut room = *budget;
    for kind in TimeKind::ALL {
        let hours = u32::from(budget.hours(kind));
        // At most the budget's own hours (≤ 255), so the cast is exact.
        *room.hours_mut(kind) = (hours * PRACTICE_PERCENT).div_ceil(100) as u8;
    }
    room
}

/// Refuses a plan length that is not three whole phases between 90 and 360 days.
pub fn plan_days_check(days: u32) -> Result<()> {
    if !days.is_multiple_of(3) || !(PLAN_DAYS..=PLAN_DAYS_MAX).contains(&days) {
        return Err(Error::InvalidInput(format!(
            "a plan of {days} days cannot be made: it takes three phases of equal whole days, {PLAN_DAYS} to {PLAN_DAYS_MAX} days in all"
        )));
    }
    Ok(())
}

/// One item of a plan with the dates pacing gave it. (Handed to pacing
/// before, its `phase` is the earliest it may be due in and its dates are
/// not set yet.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PacedItem {
    /// The stored item when re-pacing; `null` in a new plan's preview.
    #[ts(type = "number | null")]
    pub item_id: Option<i64>,
    /// The checkpoint closes the plan: due on its last day.
    pub source: ItemSource,
    pub skill_key: String,
    pub skill_name: String,
    pub level: Option<u8>,
    pub title: String,
    pub kind: TimeKind,
    pub hours_per_week: u8,
    pub phase: u8,
    /// The first day it is open: the due date before it in its phase, or the
    /// phase's first day. `null` when it found no room.
    pub opens_on: Option<String>,
    /// When it found no room: the due date it has now (re-pacing), or the last
    /// day of its phase (a new plan, which is then not created as it is).
    pub due_date: String,
    /// Re-pacing: the due date it had before.
    pub due_before: Option<String>,
    pub fits: bool,
}

/// The hours a week of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KindHours {
    pub kind: TimeKind,
    pub hours: u32,
}

/// One week of a plan and the practice open in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PaceWeek {
    pub phase: u8,
    /// The week's number in its phase, from 1.
    pub week: u8,
    pub starts_on: String,
    /// The week's last day, when its items are due.
    pub due_on: String,
    /// Items due at its end.
    pub due: u32,
    /// Items open during it (those due at the end of it, or of the next week
    /// of the phase that has items due).
    pub open: u32,
    /// Their hours a week, per kind in the budget's order.
    pub hours: Vec<KindHours>,
    pub total_hours: u32,
}

/// What would make a plan that does not fit, fit. Each choice offered is one
/// that does; creating the plan with it (`PlanInput::pace`) applies it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "choice", rename_all = "snake_case")]
#[ts(export)]
pub enum PaceChoice {
    /// Leave these skills, the smallest gaps, for a later plan.
    FewerSkills { later: Vec<LaterSkill> },
    /// Make the plan this many days long (three phases of a third each).
    LongerPlan { days: u32 },
    /// Plan with this budget, `added` hours a week more than the one asked for
    /// (`added` is for showing: the plan takes `budget`).
    BiggerBudget {
        budget: WeeklyBudget,
        added: WeeklyBudget,
    },
}

/// A skill left for later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LaterSkill {
    pub skill_key: String,
    /// For showing; a choice sent back is read by `skill_key`.
    #[serde(default)]
    pub skill_name: String,
}

/// A plan's items with their dates, the hours a week they add up to over
/// time, and whether they fit the budget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanPace {
    pub start_date: String,
    pub length_days: u32,
    pub budget: WeeklyBudget,
    /// The hours of each kind practice may take in a week (`practice_room`).
    pub room: WeeklyBudget,
    pub items: Vec<PacedItem>,
    pub weeks: Vec<PaceWeek>,
    /// The most items open at once, and the most hours a week they take.
    pub most_open: u32,
    pub most_hours: u32,
    /// Every item found a week with room.
    pub fits: bool,
    /// By how much it does not fit: the items that found no room, and their
    /// hours a week per kind.
    pub unplaced: u32,
    pub unplaced_hours: Vec<KindHours>,
    /// When it does not fit, why, in a sentence ("" when it fits).
    pub shortfall: String,
    /// When it does not fit, what would make it fit (none when nothing would).
    pub choices: Vec<PaceChoice>,
}

/// A plan's days: its start and length, cut into three phases of weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Calendar {
    pub start: NaiveDate,
    pub days: u32,
}

/// One week of a phase; its items are due on `due_on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Week {
    pub phase: u8,
    pub number: u8,
    pub starts_on: NaiveDate,
    pub due_on: NaiveDate,
}

impl Calendar {
    pub fn new(start_date: &str, days: u32) -> Result<Calendar> {
        plan_days_check(days)?;
        Ok(Calendar {
            start: dates::parse(start_date)?,
            days,
        })
    }

    fn day(self, offset: u32) -> NaiveDate {
        // A parsed date is before the year 3000 and a plan at most 360 days.
        self.start
            .checked_add_days(Days::new(offset.into()))
            .expect("a plan's days are dates")
    }

    pub fn phase_days(self) -> u32 {
        self.days / 3
    }

    pub fn phase_end(self, phase: u8) -> NaiveDate {
        self.day(self.phase_days() * u32::from(phase))
    }

    /// The weeks of the plan in order: each phase cut into weeks of seven days
    /// from its first day, its last week taking the days left over (a 30-day
    /// phase: 7, 7, 7 and 9 days).
    pub fn weeks(self) -> Vec<Week> {
        let per_phase = (self.phase_days() / 7).max(1);
        let mut weeks = Vec::new();
        for phase in 1..=3u8 {
            let offset = self.phase_days() * (u32::from(phase) - 1);
            for number in 1..=per_phase {
                let due_on = if number == per_phase {
                    self.phase_end(phase)
                } else {
                    self.day(offset + 7 * number)
                };
                weeks.push(Week {
                    phase,
                    // At most 120 / 7 weeks a phase.
                    number: number as u8,
                    starts_on: self.day(offset + 7 * (number - 1)),
                    due_on,
                });
            }
        }
        weeks
    }
}

/// What pacing needs to know of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Load {
    pub kind: TimeKind,
    pub hours: u8,
    /// The earliest phase it may be due in.
    pub phase: u8,
    /// The checkpoint closes the plan: due in its last week.
    pub checkpoint: bool,
}

/// Items due and hours taken, per week.
struct Board {
    room: WeeklyBudget,
    due: Vec<u32>,
    hours: Vec<[u32; 5]>,
}

impl Board {
    fn kind_index(kind: TimeKind) -> usize {
        TimeKind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
    }

    fn has_room(&self, week: usize, load: Load) -> bool {
        self.hours[week][Self::kind_index(load.kind)] + u32::from(load.hours)
            <= u32::from(self.room.hours(load.kind))
    }

    fn put(&mut self, week: usize, load: Load) {
        self.due[week] += 1;
        self.hours[week][Self::kind_index(load.kind)] += u32::from(load.hours);
    }
}

/// The week each item is due in (an index into `weeks`), or `None` when no
/// week has room for it. Deterministic: the same items, weeks, room and `from`
/// give the same answer.
///
/// # The pacing rule
///
/// * **Room.** Practice may take `PRACTICE_PERCENT` of each kind's weekly
///   hours in the budget, rounded up (`practice_room`). Kinds do not lend each
///   other hours.
/// * **Weeks.** Each phase is cut into weeks (`Calendar::weeks`); items are
///   due on the last day of a week.
/// * **Open.** An item is open from the due date of the latest earlier week of
///   its phase that has items due (or from the phase's first day) until its
///   own due date. So the items open at any moment are those due at the end of
///   the current run of weeks, and the room must hold the items due in one
///   week: for each kind, their hours a week add up to at most the room.
/// * **How many a week.** A phase's weeks take at most
///   max(`DUE_PER_WEEK`, ⌈items still to place ÷ weeks left⌉) items each,
///   counted when the phase begins, and never more than `DUE_PER_WEEK_MAX`. The items still to place include those
///   waiting from earlier phases and the checkpoint; the weeks left are the
///   phase's and the later phases'. A small plan gets one or two items a week;
///   a big one is spread evenly over what is left instead of piled into the
///   phase its checklist named.
/// * **Order.** The checkpoint first, into the plan's last week. Then phase by
///   phase: the items waiting from earlier phases, then the phase's own, each
///   in checklist order (biggest gap first).
/// * **Target.** The j-th (from 1) of a phase's n items (the checkpoint counted
///   last) aims at week ⌈j·W/n⌉ of the phase's W weeks: the items are spread
///   over the phase and the last is due on its last day.
/// * **Placing.** An item goes to its target week, or else the first later
///   week of its phase, or else the nearest earlier one, that has a place left
///   and room for its hours. When none has, it waits for the next phase; after
///   the last phase it has found no room, and the plan does not fit.
/// * **Re-pacing** (`from` = today) uses only the weeks due today or later:
///   items of a phase that is over wait for the next phase that is not.
pub(super) fn pace(
    loads: &[Load],
    weeks: &[Week],
    room: &WeeklyBudget,
    from: Option<NaiveDate>,
) -> Vec<Option<usize>> {
    let open: Vec<usize> = (0..weeks.len())
        .filter(|&w| from.is_none_or(|today| weeks[w].due_on >= today))
        .collect();
    let mut board = Board {
        room: *room,
        due: vec![0; weeks.len()],
        hours: vec![[0; 5]; weeks.len()],
    };
    let mut week_of: Vec<Option<usize>> = vec![None; loads.len()];
    if let Some(&last) = open.last() {
        for (i, load) in loads.iter().enumerate().filter(|(_, l)| l.checkpoint) {
            if board.has_room(last, *load) {
                board.put(last, *load);
                week_of[i] = Some(last);
            }
        }
    }
    let mut waiting: Vec<usize> = Vec::new();
    for phase in 1..=3u8 {
        let mut candidates = std::mem::take(&mut waiting);
        candidates.extend(
            (0..loads.len())
                .filter(|&i| !loads[i].checkpoint && loads[i].phase.clamp(1, 3) == phase),
        );
        let phase_weeks: Vec<usize> = open
            .iter()
            .copied()
            .filter(|&w| weeks[w].phase == phase)
            .collect();
        if phase_weeks.is_empty() {
            waiting = candidates;
            continue;
        }
        let weeks_left = open.iter().filter(|&&w| weeks[w].phase >= phase).count() as u32;
        // The items not placed yet, and the checkpoint, which takes a place in
        // the last week.
        let to_place = loads
            .iter()
            .zip(&week_of)
            .filter(|(load, week)| load.checkpoint == week.is_some())
            .count() as u32;
        let per_week = DUE_PER_WEEK
            .max(to_place.div_ceil(weeks_left))
            .min(DUE_PER_WEEK_MAX);
        waiting = phase_place(
            &mut board,
            loads,
            &candidates,
            &phase_weeks,
            per_week,
            &mut week_of,
        );
    }
    week_of
}

/// Places a phase's candidates (in order) into its weeks; returns the ones
/// that found no week, which wait for the next phase.
fn phase_place(
    board: &mut Board,
    loads: &[Load],
    candidates: &[usize],
    phase_weeks: &[usize],
    per_week: u32,
    week_of: &mut [Option<usize>],
) -> Vec<usize> {
    // The checkpoint, already in the last week, counts as the phase's last item.
    let closing: usize = phase_weeks.iter().map(|&w| board.due[w] as usize).sum();
    let n = candidates.len() + closing;
    let count = phase_weeks.len();
    let mut waiting = Vec::new();
    for (j, &i) in candidates.iter().enumerate() {
        let target = ((j + 1) * count).div_ceil(n) - 1;
        let found = (target..count)
            .chain((0..target).rev())
            .map(|x| phase_weeks[x])
            .find(|&w| board.due[w] < per_week && board.has_room(w, loads[i]));
        match found {
            Some(w) => {
                board.put(w, loads[i]);
                week_of[i] = Some(w);
            }
            None => waiting.push(i),
        }
    }
    waiting
}

impl PacedItem {
    fn load(&self) -> Load {
        Load {
            kind: self.kind,
            hours: self.hours_per_week,
            phase: self.phase,
            checkpoint: self.source == ItemSource::Checkpoint,
        }
    }
}

pub(super) fn loads(items: &[PacedItem]) -> Vec<Load> {
    items.iter().map(PacedItem::load).collect()
}

/// Paces the items and shows the outcome, without choices (`choices` adds
/// them). An item that finds no room keeps `due_before` when it has one, else
/// is shown due on the last day of its phase.
pub(super) fn pace_plan(
    unpaced: &[PacedItem],
    calendar: Calendar,
    budget: WeeklyBudget,
    from: Option<NaiveDate>,
) -> PlanPace {
    let weeks = calendar.weeks();
    let room = practice_room(&budget);
    let week_of = pace(&loads(unpaced), &weeks, &room, from);
    let opens = opens_on(&week_of, &weeks);
    let items: Vec<PacedItem> = unpaced
        .iter()
        .zip(week_of.iter().zip(&opens))
        .map(|(item, (week, opens))| {
            let (phase, due_date) = match week {
                Some(w) => (weeks[*w].phase, dates::format(weeks[*w].due_on)),
                None => {
                    let phase = item.phase.clamp(1, 3);
                    let due = item
                        .due_before
                        .clone()
                        .unwrap_or_else(|| dates::format(calendar.phase_end(phase)));
                    (phase, due)
                }
            };
            PacedItem {
                phase,
                opens_on: opens.map(dates::format),
                due_date,
                fits: week.is_some(),
                ..item.clone()
            }
        })
        .collect();
    let pace_weeks = weeks_view(unpaced, &week_of, &weeks);
    let unplaced: Vec<&PacedItem> = unpaced
        .iter()
        .zip(&week_of)
        .filter(|(_, w)| w.is_none())
        .map(|(item, _)| item)
        .collect();
    let weeks_left = weeks
        .iter()
        .filter(|w| from.is_none_or(|today| w.due_on >= today))
        .count();
    let shortfall = shortfall(unpaced.len(), &unplaced, weeks_left);
    PlanPace {
        start_date: dates::format(calendar.start),
        length_days: calendar.days,
        budget,
        room,
        most_open: pace_weeks.iter().map(|w| w.open).max().unwrap_or(0),
        most_hours: pace_weeks.iter().map(|w| w.total_hours).max().unwrap_or(0),
        weeks: pace_weeks,
        fits: unplaced.is_empty(),
        unplaced: unplaced.len() as u32,
        unplaced_hours: kind_hours(unplaced.into_iter()),
        items,
        shortfall,
        choices: Vec::new(),
    }
}

/// Why items found no week: more of them than the weeks left can take at
/// `DUE_PER_WEEK_MAX` a week, or else their hours, beside the others', than
/// the room each week leaves. "" when every item found a week.
fn shortfall(items: usize, unplaced: &[&PacedItem], weeks: usize) -> String {
    if unplaced.is_empty() {
        return String::new();
    }
    let places = weeks * DUE_PER_WEEK_MAX as usize;
    let why = if items > places {
        format!(
            "{weeks} weeks take at most {places} items, {DUE_PER_WEEK_MAX} a week; more could not be followed"
        )
    } else {
        let hours: Vec<String> = kind_hours(unplaced.iter().copied())
            .into_iter()
            .filter(|h| h.hours > 0)
            .map(|h| format!("{} h of {}", h.hours, h.kind.label()))
            .collect();
        format!(
            "their practice ({} a week) finds no week with that much room left in the budget",
            hours.join(", ")
        )
    };
    format!(
        "{} of its {items} items find no week: {why}",
        unplaced.len()
    )
}

/// Hours a week per kind, in the budget's order.
fn kind_hours<'a>(items: impl Iterator<Item = &'a PacedItem>) -> Vec<KindHours> {
    let mut hours = TimeKind::ALL.map(|kind| KindHours { kind, hours: 0 });
    for item in items {
        hours[Board::kind_index(item.kind)].hours += u32::from(item.hours_per_week);
    }
    hours.to_vec()
}

/// For each week, the next week of the same phase (itself included) that has
/// items due: those items are open during it.
fn next_busy(week_of: &[Option<usize>], weeks: &[Week]) -> Vec<Option<usize>> {
    let busy: Vec<bool> = (0..weeks.len())
        .map(|w| week_of.contains(&Some(w)))
        .collect();
    let mut next = vec![None; weeks.len()];
    let mut ahead = None;
    for w in (0..weeks.len()).rev() {
        if w + 1 < weeks.len() && weeks[w + 1].phase != weeks[w].phase {
            ahead = None;
        }
        if busy[w] {
            ahead = Some(w);
        }
        next[w] = ahead;
    }
    next
}

/// Each placed item opens on the due date of the latest earlier week of its
/// phase that has items due, or on the phase's first day.
fn opens_on(week_of: &[Option<usize>], weeks: &[Week]) -> Vec<Option<NaiveDate>> {
    let next = next_busy(week_of, weeks);
    week_of
        .iter()
        .map(|week| {
            week.map(|w| {
                // The window starts with the first week whose items due next
                // are this item's: on the phase's first day, or on the due
                // date of the busy week before.
                let first = (0..=w).find(|&x| next[x] == Some(w)).unwrap_or(w);
                weeks[first].starts_on
            })
        })
        .collect()
}

fn weeks_view(items: &[PacedItem], week_of: &[Option<usize>], weeks: &[Week]) -> Vec<PaceWeek> {
    let next = next_busy(week_of, weeks);
    weeks
        .iter()
        .enumerate()
        .map(|(w, week)| {
            let open: Vec<&PacedItem> = match next[w] {
                Some(busy) => items
                    .iter()
                    .zip(week_of)
                    .filter(|(_, of)| **of == Some(busy))
                    .map(|(p, _)| p)
                    .collect(),
                None => Vec::new(),
            };
            let hours = kind_hours(open.iter().copied());
            PaceWeek {
                phase: week.phase,
                week: week.number,
                starts_on: dates::format(week.starts_on),
                due_on: dates::format(week.due_on),
                due: week_of.iter().filter(|of| **of == Some(w)).count() as u32,
                open: open.len() as u32,
                total_hours: hours.iter().map(|h| h.hours).sum(),
                hours,
            }
        })
        .collect()
}
