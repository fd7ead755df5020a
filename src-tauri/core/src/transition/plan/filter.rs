//! Which items the plan page shows: open, overdue, due this week, done, or
//! all, and of which skill. Decided here, with the counts beside each choice,
//! so the window never decides what "overdue" or "this week" means.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::read::{is_overdue, plan_exists, plan_items};
use super::PlanItem;
use crate::dates;
use crate::error::Result;

/// Items by where they stand on `today`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ItemStatus {
    #[default]
    All,
    /// Not done yet.
    Open,
    /// Not done, and due before today.
    Overdue,
    /// Not done, and due from today to the Sunday of this week (Monday to
    /// Sunday); one due earlier this week is overdue instead.
    DueThisWeek,
    Done,
}

/// What the plan page asks for; every field may be left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanItemFilter {
    #[serde(default)]
    pub status: ItemStatus,
    /// `null`: every skill; `""`: the items not from a skill gap (the
    /// checkpoint, an audit's bottlenecks, the user's own).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub skill_key: Option<String>,
}

/// How many items each status has, among the items of the skill chosen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FilterCounts {
    pub all: u32,
    pub open: u32,
    pub overdue: u32,
    pub due_this_week: u32,
    pub done: u32,
}

/// How many items of the status chosen a skill has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SkillCount {
    /// `""` for the items not from a skill gap.
    pub skill_key: String,
    pub skill_name: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanItemMatches {
    /// The items to show, in the plan's order.
    #[ts(type = "Array<number>")]
    pub item_ids: Vec<i64>,
    pub counts: FilterCounts,
    /// Every skill of the plan in its order (the items not from a gap last),
    /// with a count of 0 when none of its items has the status chosen.
    pub skills: Vec<SkillCount>,
    /// The week "this week" means: Monday and Sunday.
    pub week_starts_on: String,
    pub week_ends_on: String,
}

impl ItemStatus {
    fn holds(self, item: &PlanItem, today: NaiveDate, sunday: NaiveDate) -> bool {
        let done = item.done_on.is_some();
        // A stored due date is checked when read; an item built otherwise
        // with no date is due on no day.
        let due = dates::parse(&item.due_date).ok();
        match self {
            ItemStatus::All => true,
            ItemStatus::Open => !done,
            ItemStatus::Overdue => due.is_some_and(|due| is_overdue(done, due, today)),
            ItemStatus::DueThisWeek => {
                !done && due.is_some_and(|due| (today..=sunday).contains(&due))
            }
            ItemStatus::Done => done,
        }
    }
}

/// The items of a plan that match `filter` on `today`, with the counts.
pub fn plan_items_filter(
    conn: &Connection,
    plan_id: i64,
    filter: &PlanItemFilter,
    today: &str,
) -> Result<PlanItemMatches> {
    plan_exists(conn, plan_id)?;
    let items = plan_items(conn, plan_id, today)?;
    Ok(items_filter(&items, filter, dates::parse(today)?))
}

pub(super) fn items_filter(
    items: &[PlanItem],
    filter: &PlanItemFilter,
    today: NaiveDate,
) -> PlanItemMatches {
    let (monday, sunday) = dates::week_of(today);
    let of_skill = |item: &PlanItem| {
        filter
            .skill_key
            .as_deref()
            .is_none_or(|key| item.skill_key == key)
    };
    let has = |status: ItemStatus, item: &PlanItem| status.holds(item, today, sunday);
    let count = |status: ItemStatus| {
        items
            .iter()
            .filter(|i| of_skill(i) && has(status, i))
            .count() as u32
    };
    PlanItemMatches {
        item_ids: items
            .iter()
            .filter(|i| of_skill(i) && has(filter.status, i))
            .map(|i| i.id)
            .collect(),
        counts: FilterCounts {
            all: count(ItemStatus::All),
            open: count(ItemStatus::Open),
            overdue: count(ItemStatus::Overdue),
            due_this_week: count(ItemStatus::DueThisWeek),
            done: count(ItemStatus::Done),
        },
        skills: skill_counts(items, |i| has(filter.status, i)),
        week_starts_on: dates::format(monday),
        week_ends_on: dates::format(sunday),
    }
}

/// Each skill in the order its first item comes, the items not from a gap last.
fn skill_counts(items: &[PlanItem], matches: impl Fn(&PlanItem) -> bool) -> Vec<SkillCount> {
    let mut skills: Vec<SkillCount> = Vec::new();
    let gap_last = items
        .iter()
        .filter(|i| !i.skill_key.is_empty())
        .chain(items.iter().filter(|i| i.skill_key.is_empty()));
    for item in gap_last {
        let at = match skills.iter().position(|s| s.skill_key == item.skill_key) {
            Some(at) => at,
            None => {
                skills.push(SkillCount {
                    skill_key: item.skill_key.clone(),
                    // The items not from a gap have names of their own (an
                    // audit's stage); the group has none.
                    skill_name: if item.skill_key.is_empty() {
                        String::new()
                    } else {
                        item.skill_name.clone()
                    },
                    count: 0,
                });
                skills.len() - 1
            }
        };
        if matches(item) {
            skills[at].count += 1;
        }
    }
    skills
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::bo_with_a_plan;
    use super::super::ItemSource;
    use super::*;
    use crate::transition::checklist::TimeKind;
    use crate::Workspace;

    fn item(id: i64, skill: &str, due: &str, done: bool) -> PlanItem {
        PlanItem {
            id,
            phase: 1,
            skill_key: skill.into(),
            skill_name: skill.to_uppercase(),
            level: None,
            title: format!("item {id}"),
            done_when: String::new(),
            kind: TimeKind::Agents,
            hours_per_week: 1,
            due_date: due.into(),
            done_on: done.then(|| "2026-12-01".to_string()),
            note: String::new(),
            overdue: false,
            source: if skill.is_empty() {
                ItemSource::Own
            } else {
                ItemSource::Gap
            },
            stage: None,
            audit_id: None,
        }
    }

    /// Sunday 2026-12-20 ends the week that began on Monday 12-14; Monday
    /// 12-21 begins the next. Items due Sunday 12-13 (a), Monday 12-14 (a),
    /// Sunday 12-20 (b), Monday 12-21 (b), and one done, due 12-20 (no skill).
    fn items() -> Vec<PlanItem> {
        vec![
            item(1, "a", "2026-12-13", false),
            item(2, "a", "2026-12-14", false),
            item(3, "b", "2026-12-20", false),
            item(4, "b", "2026-12-21", false),
            item(5, "", "2026-12-20", true),
        ]
    }

    fn ids(status: ItemStatus, skill: Option<&str>, today: &str) -> Vec<i64> {
        let filter = PlanItemFilter {
            status,
            skill_key: skill.map(String::from),
        };
        items_filter(&items(), &filter, dates::parse(today).unwrap()).item_ids
    }

    #[test]
    fn this_week_runs_from_today_to_sunday_and_overdue_is_before_today() {
        let sunday = "2026-12-20";
        assert_eq!(ids(ItemStatus::Overdue, None, sunday), [1, 2]);
        assert_eq!(
            ids(ItemStatus::DueThisWeek, None, sunday),
            [3],
            "12-14 is this week but before today: overdue; 12-21 is next week; 5 is done"
        );
        assert_eq!(ids(ItemStatus::Open, None, sunday), [1, 2, 3, 4]);
        assert_eq!(ids(ItemStatus::Done, None, sunday), [5]);
        assert_eq!(ids(ItemStatus::All, None, sunday), [1, 2, 3, 4, 5]);

        let monday = "2026-12-21";
        assert_eq!(ids(ItemStatus::Overdue, None, monday), [1, 2, 3]);
        assert_eq!(ids(ItemStatus::DueThisWeek, None, monday), [4]);

        let matches = items_filter(
            &items(),
            &PlanItemFilter::default(),
            dates::parse(monday).unwrap(),
        );
        assert_eq!(
            (
                matches.week_starts_on.as_str(),
                matches.week_ends_on.as_str()
            ),
            ("2026-12-21", "2026-12-27")
        );
    }

    #[test]
    fn counts_follow_the_skill_chosen_and_skills_follow_the_status_chosen() {
        let filter = PlanItemFilter {
            status: ItemStatus::Overdue,
            skill_key: Some("a".into()),
        };
        let matches = items_filter(&items(), &filter, dates::parse("2026-12-20").unwrap());
        assert_eq!(matches.item_ids, [1, 2]);
        assert_eq!(
            matches.counts,
            FilterCounts {
                all: 2,
                open: 2,
                overdue: 2,
                due_this_week: 0,
                done: 0
            },
            "the counts of skill a"
        );
        let skills: Vec<(&str, &str, u32)> = matches
            .skills
            .iter()
            .map(|s| (s.skill_key.as_str(), s.skill_name.as_str(), s.count))
            .collect();
        assert_eq!(
            skills,
            [("a", "A", 2), ("b", "B", 0), ("", "", 0)],
            "every skill, overdue items counted; the items of no skill last"
        );
        assert_eq!(ids(ItemStatus::All, Some(""), "2026-12-20"), [5]);
    }

    #[test]
    fn a_stored_plan_is_filtered_as_read_on_today() {
        let mut ws = Workspace::in_memory().unwrap();
        let (_, _, plan) = bo_with_a_plan(&mut ws);
        // Due 12-15, 12-31, 2027-01-30 and 03-01; Wednesday 12-16 is after
        // the first, and its week ends Sunday 12-20.
        let filter = PlanItemFilter {
            status: ItemStatus::Overdue,
            skill_key: None,
        };
        let matches = plan_items_filter(ws.conn(), plan.id, &filter, "2026-12-16").unwrap();
        assert_eq!(matches.item_ids, [plan.items[0].id]);
        assert_eq!((matches.counts.open, matches.counts.due_this_week), (4, 0));
        let err = plan_items_filter(ws.conn(), plan.id + 1, &filter, "2026-12-16").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::NotFound);
    }
}
