//! Transition plans: a person's move to a target role profile as a 30/60/90-day
//! plan. Creating one applies the structure change it needs (where the person's
//! reports go), generates the checklist from their skill gaps, and stores both in
//! one transaction; undoing the structure change later is `reorg_undo`.
//!
//! This file holds a plan's types. What is done with them lives beside it:
//! `direction` (to an IC role or back to managing, and what follows from that),
//! `pacing` (when each item is due, so the practice fits the week), `preview`
//! (a new plan before it is made) and `create`, `read` (`plan_get`,
//! `plan_list`), `filter` (which items the plan page shows), `items` (one item
//! at a time), `budget` (the weekly budget, re-pacing what is not done),
//! `lifecycle` (deleting and restoring a plan, its checkpoint, the actions an
//! audit feeds in) and `markdown`. Every operation keeps its old path,
//! `transition::plan::…`, through the re-exports below.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::audit::Stage;
use super::checklist::TimeKind;
use crate::reorg::{Move, StructureChange};

mod budget;
mod create;
mod direction;
mod filter;
#[cfg(test)]
pub(crate) mod fixtures;
mod items;
mod lifecycle;
mod markdown;
mod pacing;
mod preview;
mod read;

pub use budget::{plan_budget_preview, plan_budget_set};
pub use create::{plan_create, plan_unplaced_reports};
pub use direction::{
    checkpoint_title, Direction, CHECKPOINT_QUESTIONS, CHECKPOINT_QUESTIONS_TO_MANAGER,
    CHECKPOINT_TITLE,
};
pub use filter::{
    plan_items_filter, FilterCounts, ItemStatus, PlanItemFilter, PlanItemMatches, SkillCount,
};
pub use items::{
    plan_item_add, plan_item_change, plan_item_check, plan_item_delete, plan_item_restore,
    plan_item_update,
};
pub use lifecycle::{
    plan_add_audit_actions, plan_audit_create, plan_checkpoint_set, plan_delete, plan_restore,
};
pub use markdown::{plan_file_name, plan_markdown};
pub use pacing::{
    plan_days_check, practice_room, KindHours, LaterSkill, PaceChoice, PaceWeek, PacedItem,
    PlanPace, DUE_PER_WEEK, DUE_PER_WEEK_MAX, PLAN_DAYS, PLAN_DAYS_MAX, PRACTICE_PERCENT,
};
pub use preview::plan_preview;
pub use read::{plan_get, plan_list};

/// Where an item of a plan came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ItemSource {
    /// Generated from a skill gap.
    Gap,
    /// The day-90 checkpoint.
    Checkpoint,
    /// One of an SDLC audit's worst bottlenecks.
    Audit,
    /// Added by the user.
    Own,
}

impl ItemSource {
    fn as_str(self) -> &'static str {
        match self {
            ItemSource::Gap => "gap",
            ItemSource::Checkpoint => "checkpoint",
            ItemSource::Audit => "audit",
            ItemSource::Own => "own",
        }
    }
}

crate::stored_enum!(ItemSource:
    ItemSource::Gap,
    ItemSource::Checkpoint,
    ItemSource::Audit,
    ItemSource::Own,
);
crate::stored_enum!(CheckpointDecision:
    CheckpointDecision::KeepGoing,
    CheckpointDecision::Adjust,
    CheckpointDecision::GoBack,
);

/// The decision taken at the day-90 checkpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CheckpointDecision {
    KeepGoing,
    Adjust,
    GoBack,
}

impl CheckpointDecision {
    fn as_str(self) -> &'static str {
        match self {
            CheckpointDecision::KeepGoing => "keep_going",
            CheckpointDecision::Adjust => "adjust",
            CheckpointDecision::GoBack => "go_back",
        }
    }

    pub fn parse(text: &str) -> Option<CheckpointDecision> {
        match text
            .trim()
            .to_ascii_lowercase()
            .replace(['-', ' '], "_")
            .as_str()
        {
            "keep_going" => Some(CheckpointDecision::KeepGoing),
            "adjust" => Some(CheckpointDecision::Adjust),
            "go_back" => Some(CheckpointDecision::GoBack),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CheckpointDecision::KeepGoing => "Keep going",
            CheckpointDecision::Adjust => "Adjust",
            CheckpointDecision::GoBack => "Go back",
        }
    }
}

/// How one gap moved since the plan was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum GapStatus {
    /// At or above target at the start and now.
    Met,
    /// Below target at the start, at or above it now.
    Closed,
    /// Smaller than at the start, not yet closed.
    Narrowed,
    Unchanged,
    /// Bigger than at the start.
    Widened,
    /// Not rated at the start, below target now.
    Open,
    /// No rating now.
    Unrated,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GapProgress {
    pub skill_key: String,
    pub skill_name: String,
    pub target: u8,
    /// The rating the plan's checklist came from.
    pub at_start: Option<u8>,
    /// The latest rating (manager, else self).
    pub now: Option<u8>,
    pub status: GapStatus,
}

impl GapStatus {
    pub fn of(target: u8, at_start: Option<u8>, now: Option<u8>) -> GapStatus {
        let gap = |rating: u8| target.saturating_sub(rating);
        match (at_start.map(gap), now.map(gap)) {
            (_, None) => GapStatus::Unrated,
            (None, Some(0)) | (Some(0), Some(0)) => GapStatus::Met,
            (None, Some(_)) => GapStatus::Open,
            (Some(_), Some(0)) => GapStatus::Closed,
            (Some(start), Some(now)) if now < start => GapStatus::Narrowed,
            (Some(start), Some(now)) if now == start => GapStatus::Unchanged,
            (Some(_), Some(_)) => GapStatus::Widened,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            GapStatus::Met => "met",
            GapStatus::Closed => "closed",
            GapStatus::Narrowed => "narrowed",
            GapStatus::Unchanged => "unchanged",
            GapStatus::Widened => "widened",
            GapStatus::Open => "open",
            GapStatus::Unrated => "not rated",
        }
    }
}

/// Weekly hours planned for each kind of work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WeeklyBudget {
    pub hands_on: u8,
    pub agents: u8,
    pub reviews: u8,
    pub mentoring: u8,
    pub one_on_ones: u8,
}

impl WeeklyBudget {
    /// Hours a week over all five kinds of time.
    pub fn total(&self) -> u32 {
        TimeKind::ALL
            .iter()
            .map(|&kind| u32::from(self.hours(kind)))
            .sum()
    }

    /// The hours a week of one kind.
    pub fn hours(&self, kind: TimeKind) -> u8 {
        match kind {
            TimeKind::HandsOn => self.hands_on,
            TimeKind::Agents => self.agents,
            TimeKind::Reviews => self.reviews,
            TimeKind::Mentoring => self.mentoring,
            TimeKind::OneOnOnes => self.one_on_ones,
        }
    }

    /// The hours a week of one kind, for changing them.
    pub fn hours_mut(&mut self, kind: TimeKind) -> &mut u8 {
        match kind {
            TimeKind::HandsOn => &mut self.hands_on,
            TimeKind::Agents => &mut self.agents,
            TimeKind::Reviews => &mut self.reviews,
            TimeKind::Mentoring => &mut self.mentoring,
            TimeKind::OneOnOnes => &mut self.one_on_ones,
        }
    }
}

impl Default for WeeklyBudget {
    /// A starting point for a new IC leader: most time on hands-on work and on
    /// directing agents, review and mentoring next, a few remaining 1:1s.
    fn default() -> Self {
        WeeklyBudget {
            hands_on: 14,
            agents: 10,
            reviews: 8,
            mentoring: 5,
            one_on_ones: 3,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanInput {
    #[ts(type = "number")]
    pub person_id: i64,
    #[ts(type = "number")]
    pub profile_id: i64,
    /// YYYY-MM-DD.
    pub start_date: String,
    /// Structure changes the move needs: where the person's reports go, or (back
    /// to managing) who comes to report to them. Empty when nothing moves.
    #[serde(default)]
    pub moves: Vec<Move>,
    /// `null`: the one the target profile says.
    #[serde(default)]
    pub direction: Option<Direction>,
    /// A move to an IC role leaves the people `moves` do not place with the
    /// person, who then still manages them: only when chosen explicitly.
    #[serde(default)]
    pub reports_stay: bool,
    /// For a plan that does not fit its weekly budget: the choice taken among
    /// those `plan_preview` offers. `null`: none, and such a plan is refused.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub pace: Option<PaceChoice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanItem {
    #[ts(type = "number")]
    pub id: i64,
    pub phase: u8,
    pub skill_key: String,
    pub skill_name: String,
    pub level: Option<u8>,
    pub title: String,
    pub done_when: String,
    pub kind: TimeKind,
    pub hours_per_week: u8,
    pub due_date: String,
    pub done_on: Option<String>,
    pub note: String,
    /// Not done and due before the `today` the plan was read with.
    pub overdue: bool,
    pub source: ItemSource,
    /// For items fed from an audit: the stage and the audit.
    pub stage: Option<Stage>,
    #[ts(type = "number | null")]
    pub audit_id: Option<i64>,
}

/// Some fields of an item to change; the others stay as they are (what
/// `leadline plan edit --note/--due/--phase` says).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanItemChange {
    pub phase: Option<u8>,
    pub note: Option<String>,
    pub due_date: Option<String>,
}

/// What the user can change on an item (and what a new item of their own needs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanItemEdit {
    pub phase: u8,
    pub title: String,
    #[serde(default)]
    pub done_when: String,
    #[serde(default)]
    pub note: String,
    /// YYYY-MM-DD.
    pub due_date: String,
    pub hours_per_week: u8,
    pub kind: TimeKind,
}

/// What removing an item took away; undo asks for `undo_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeletedPlanItem {
    #[ts(type = "number")]
    pub undo_id: i64,
    #[ts(type = "number")]
    pub plan_id: i64,
    pub position: u32,
    pub item: PlanItem,
}

/// What feeding an audit into a plan did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditFeed {
    pub plan: Plan,
    pub added: u32,
    /// Bottlenecks of this audit already in the plan.
    pub already_there: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PhaseProgress {
    pub phase: u8,
    pub title: String,
    pub goal: String,
    pub end_date: String,
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Plan {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub person_id: i64,
    pub person_name: String,
    pub from_role: String,
    pub profile_name: String,
    /// `null` when the profile has been deleted since (the plan keeps its name).
    #[ts(type = "number | null")]
    pub profile_id: Option<i64>,
    pub direction: Direction,
    pub start_date: String,
    /// Days from the start to the checkpoint: three phases of a third each.
    /// (Undo entries written before plans had a length read as 90.)
    #[serde(default = "plan_days")]
    pub length_days: u32,
    #[ts(type = "number | null")]
    pub structure_change_id: Option<i64>,
    /// The structure change the plan made, with whether it has been undone.
    pub structure_change: Option<StructureChange>,
    pub budget: WeeklyBudget,
    pub checkpoint_decision: Option<CheckpointDecision>,
    pub checkpoint_note: String,
    pub checkpoint_questions: Vec<String>,
    pub created_on: String,
    pub phases: Vec<PhaseProgress>,
    pub items: Vec<PlanItem>,
    /// The date of the assessment the checklist came from.
    pub baseline_on: Option<String>,
    /// The date of a newer assessment, when there is one.
    pub reassessed_on: Option<String>,
    /// Each target skill: its rating at the start and now.
    pub gaps: Vec<GapProgress>,
    /// A move to an IC role: the people who still report to the person (kept
    /// with them, or come since), a role mismatch to resolve. 0 otherwise.
    #[serde(default)]
    pub still_manages: u32,
}

fn plan_days() -> u32 {
    PLAN_DAYS
}

/// What deleting a plan removed; undo asks for `undo_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeletedPlan {
    #[ts(type = "number")]
    pub undo_id: i64,
    pub plan: Plan,
    /// Each item's place in the plan, in the order of `plan.items`.
    pub positions: Vec<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gap_status_covers_every_case() {
        assert_eq!(GapStatus::of(3, None, None), GapStatus::Unrated);
        assert_eq!(GapStatus::of(3, Some(1), None), GapStatus::Unrated);
        assert_eq!(GapStatus::of(3, None, Some(4)), GapStatus::Met);
        assert_eq!(GapStatus::of(3, None, Some(2)), GapStatus::Open);
        assert_eq!(GapStatus::of(3, Some(5), Some(3)), GapStatus::Met);
        assert_eq!(GapStatus::of(3, Some(1), Some(3)), GapStatus::Closed);
        assert_eq!(GapStatus::of(4, Some(1), Some(2)), GapStatus::Narrowed);
        assert_eq!(GapStatus::of(4, Some(2), Some(2)), GapStatus::Unchanged);
        assert_eq!(GapStatus::of(4, Some(3), Some(1)), GapStatus::Widened);
    }
}
