//! Transition plans: a person's move to a target role profile as a 30/60/90-day
//! plan. Creating one applies the structure change it needs (where the person's
//! reports go), generates the checklist from their skill gaps, and stores both in
//! one transaction; undoing the structure change later is `reorg_undo`.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::audit::{audit_get, bottleneck_actions, Stage};
use super::checklist::{checklist_generate, PracticeTemplates, TimeKind};
use crate::dates;
use crate::error::{Error, Result};
use crate::reorg::{change_get, record_moves, reorg_check, Move, StructureChange};
use crate::skills::framework::{profile_get, RoleProfile};
use crate::skills::gaps::{gap_analysis, GapReport};
use crate::undo::{undo_record, undo_take, UndoKind};
use crate::Workspace;

/// Which way the pendulum swings: from managing to leading as an IC, or back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Direction {
    ToIc,
    ToManager,
}

impl Direction {
    /// A profile whose key or name says "manager" is a move (back) to managing;
    /// every other profile is a move to an IC role.
    pub fn for_profile(profile: &RoleProfile) -> Direction {
        let says_manager = |text: &str| text.to_lowercase().contains("manager");
        if says_manager(&profile.key) || says_manager(&profile.name) {
            Direction::ToManager
        } else {
            Direction::ToIc
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Direction::ToIc => "to_ic",
            Direction::ToManager => "to_manager",
        }
    }

    pub fn default_budget(self) -> WeeklyBudget {
        match self {
            Direction::ToIc => WeeklyBudget::default(),
            // A new manager's week: most of it with people, some review, a little
            // hands-on work to stay close to the code.
            Direction::ToManager => WeeklyBudget {
                hands_on: 6,
                agents: 4,
                reviews: 6,
                mentoring: 8,
                one_on_ones: 12,
            },
        }
    }

    fn phases(self) -> &'static [(&'static str, &'static str); 3] {
        match self {
            Direction::ToIc => &PHASES,
            Direction::ToManager => &PHASES_TO_MANAGER,
        }
    }

    pub fn checkpoint_questions(self) -> &'static str {
        match self {
            Direction::ToIc => CHECKPOINT_QUESTIONS,
            Direction::ToManager => CHECKPOINT_QUESTIONS_TO_MANAGER,
        }
    }
}

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
crate::stored_enum!(Direction: Direction::ToIc, Direction::ToManager);
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
    /// `null`: decided by the profile (`Direction::for_profile`).
    #[serde(default)]
    pub direction: Option<Direction>,
    /// A move to an IC role leaves the people `moves` do not place with the
    /// person, who then still manages them: only when chosen explicitly.
    #[serde(default)]
    pub reports_stay: bool,
}

/// "Ana, Bo and Cy"; past ten names, "… and 40 more".
fn names_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        _ if names.len() > 10 => {
            format!("{} and {} more", names[..10].join(", "), names.len() - 10)
        }
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The person's direct reports (humans and agents) that `moves` do not place.
pub fn plan_unplaced_reports(
    conn: &Connection,
    person_id: i64,
    moves: &[Move],
) -> Result<Vec<crate::people::PersonBrief>> {
    let mut stmt = conn
        .prepare("SELECT id FROM person WHERE manager_id = ?1 ORDER BY name COLLATE NOCASE, id")?;
    let reports: Vec<i64> = stmt
        .query_map([person_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    reports
        .into_iter()
        .filter(|r| !moves.iter().any(|m| m.person_id == *r))
        .map(|r| crate::people::person_brief(conn, r))
        .collect()
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
}

const PHASES_TO_MANAGER: [(&str, &str); 3] = [
    ("Days 1–30: get to know the people", "Hold a first 1:1 with everyone, learn what each person needs, and keep one piece of hands-on work to stay close to the code."),
    ("Days 31–60: set the rhythm", "Set up the team's routines, hand over the work you used to do yourself, and give a first round of feedback."),
    ("Days 61–90: lead through others, then decide", "Let the team own a result end to end, then use the checkpoint to keep going, adjust, or go back."),
];

const PHASES: [(&str, &str); 3] = [
    ("Days 1–30: learn the work again", "Close the biggest gaps first and get hands-on with the team's code, tools and agents."),
    ("Days 31–60: lead through the work", "Take on the next level of each skill, delegate to people and agents, and review their output."),
    ("Days 61–90: own outcomes, then decide", "Own a result end to end, then use the checkpoint to keep going, adjust, or go back."),
];

/// The checkpoint at the end of day 90, and the questions to answer there.
pub const CHECKPOINT_TITLE: &str = "Day-90 checkpoint: keep going, adjust, or go back";
pub const CHECKPOINT_QUESTIONS: &str = "Do I have more energy at the end of a week than I did as a manager? \
Which work of the last month am I proudest of, and was it hands-on, through agents, or through people? \
Which gaps closed, and which did not move? What would I need to change to stay, and is that change possible here? \
Would going back to managing be a step toward something, or away from something?";
pub const CHECKPOINT_QUESTIONS_TO_MANAGER: &str = "Do I have more energy at the end of a week than I did as an IC? \
Which result of the last month am I proudest of, and did it happen through the people I lead? \
Which gaps closed, and which did not move? Do the people I manage get what they need from me, and how do I know? \
Would going back to IC work be a step toward something, or away from something?";

fn questions(text: &str) -> Vec<String> {
    text.split_inclusive('?')
        .map(|q| q.trim().to_string())
        .filter(|q| !q.is_empty())
        .collect()
}

/// The date the gaps were measured at: the later of the manager and self assessments.
fn assessed_on(report: &GapReport) -> Option<String> {
    report
        .manager_assessed_on
        .clone()
        .max(report.self_assessed_on.clone())
}

fn from_role(conn: &Connection, person_id: i64) -> Result<String> {
    let (role, reports): (Option<String>, u32) = conn.query_row(
        "SELECT role_track, (SELECT count(*) FROM person r WHERE r.manager_id = p.id AND r.kind = 'human')
         FROM person p WHERE p.id = ?1",
        [person_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(match (reports, role.as_deref()) {
        (0, Some(role)) => role.replace('_', " "),
        (0, None) => "ic".into(),
        (n, _) => format!("manager of {n}"),
    })
}

/// Creates a plan in one transaction that checks everything, applies the moves
/// (recorded for undo), and stores the plan, the gaps it starts from and its
/// generated checklist.
pub fn plan_create(
    ws: &mut Workspace,
    input: &PlanInput,
    templates: &PracticeTemplates,
    today: &str,
) -> Result<Plan> {
    dates::parse(&input.start_date)?;
    let plan_id = ws.write(|tx| {
        let person = crate::people::person_brief(tx, input.person_id)?;
        let profile = profile_get(tx, input.profile_id)?;
        let report = gap_analysis(tx, input.person_id, input.profile_id)?;
        if report.self_assessed_on.is_none() && report.manager_assessed_on.is_none() {
            return Err(Error::InvalidInput(format!(
                "{} has no assessment on {} yet: do a self or manager assessment first, so the checklist comes from real gaps",
                person.name, report.framework_name
            )));
        }
        let direction = input
            .direction
            .unwrap_or_else(|| Direction::for_profile(&profile));
        if direction == Direction::ToIc && !input.reports_stay {
            // Agents may stay with an IC leader; people need a manager who
            // manages, unless keeping them is the choice made.
            let people: Vec<String> = plan_unplaced_reports(tx, input.person_id, &input.moves)?
                .into_iter()
                .filter(|b| b.kind == crate::people::PersonKind::Human)
                .map(|b| b.name)
                .collect();
            if !people.is_empty() {
                return Err(Error::InvalidInput(format!(
                    "{} has people reporting to them ({}): say where each one goes, or choose explicitly that they stay with {}",
                    person.name,
                    names_list(&people),
                    person.name
                )));
            }
        }
        let from = from_role(tx, input.person_id)?;
        let change = if input.moves.is_empty() {
            None
        } else {
            // Checked against the structure as this transaction sees it, so a
            // write by another process since the preview is taken into account.
            reorg_check(ws, &input.moves)?;
            let description = match direction {
                Direction::ToIc => format!(
                    "{} moves to {}: their reports get new managers",
                    person.name, profile.name
                ),
                Direction::ToManager => format!(
                    "{} moves to {}: people come to report to them",
                    person.name, profile.name
                ),
            };
            Some(record_moves(tx, &input.moves, &description, today)?)
        };
        plan_insert(tx, input, templates, today, &profile, &report, direction, &from, change)
    })?;
    plan_get(ws.conn(), plan_id, today)
}

/// Stores a checked plan: its row, the gaps it starts from and its checklist.
#[allow(clippy::too_many_arguments)]
fn plan_insert(
    tx: &Connection,
    input: &PlanInput,
    templates: &PracticeTemplates,
    today: &str,
    profile: &RoleProfile,
    report: &GapReport,
    direction: Direction,
    from: &str,
    change: Option<i64>,
) -> Result<i64> {
    let mut items = checklist_generate(report, templates);
    tx.execute(
        "INSERT INTO transition_plan (person_id, from_role, profile_id, profile_name, start_date, structure_change_id, budget, created_on, direction, baseline_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            input.person_id,
            from,
            profile.id,
            profile.name,
            input.start_date,
            change,
            serde_json::to_string(&direction.default_budget()).expect("budget serializes"),
            today,
            direction.as_str(),
            assessed_on(report)
        ],
    )?;
    let plan_id = tx.last_insert_rowid();
    {
        let mut baseline = tx.prepare(
            "INSERT INTO plan_baseline (plan_id, skill_key, skill_name, target, rating, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for (position, row) in report.skills.iter().enumerate() {
            if let Some(target) = row.target {
                baseline.execute(params![
                    plan_id,
                    row.skill_key,
                    row.skill_name,
                    target,
                    row.current,
                    position as i64
                ])?;
            }
        }
    }
    // The checkpoint closes the plan, whatever the gaps.
    items.push(super::checklist::ChecklistItem {
        skill_key: String::new(),
        skill_name: String::new(),
        level: 0,
        title: CHECKPOINT_TITLE.into(),
        done_when: direction.checkpoint_questions().into(),
        hours_per_week: 1,
        kind: TimeKind::OneOnOnes,
        phase: 3,
    });
    {
        let mut insert = tx.prepare(
            "INSERT INTO plan_item (plan_id, position, phase, skill_key, skill_name, level, title, done_when, kind, hours_per_week, due_date, source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        for (position, item) in items.iter().enumerate() {
            let due = dates::add_days(&input.start_date, 30 * item.phase as i64)?;
            let source = if item.level == 0 {
                ItemSource::Checkpoint
            } else {
                ItemSource::Gap
            };
            insert.execute(params![
                plan_id,
                position as i64,
                item.phase,
                item.skill_key,
                item.skill_name,
                (item.level > 0).then_some(item.level),
                item.title,
                item.done_when,
                item.kind.as_str(),
                item.hours_per_week,
                due,
                source.as_str()
            ])?;
        }
    }
    Ok(plan_id)
}

const ITEM_SELECT: &str =
    "SELECT id, phase, skill_key, skill_name, level, title, done_when, kind, hours_per_week,
        due_date, done_on, note, source, stage, audit_id, position
    FROM plan_item";

fn item_from_row(r: &rusqlite::Row, today: &str) -> rusqlite::Result<PlanItem> {
    let due_date: String = r.get(9)?;
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
        overdue: done_on.is_none() && due_date.as_str() < today,
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

pub fn plan_get(conn: &Connection, id: i64, today: &str) -> Result<Plan> {
    let mut plan = conn
        .query_row(
            "SELECT t.id, t.person_id, p.name, t.from_role, t.profile_name, t.start_date, t.structure_change_id,
                    t.budget, t.checkpoint_decision, t.checkpoint_note, t.created_on, t.direction,
                    t.baseline_on, t.profile_id
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
                })
            },
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no transition plan with id {id}")))?;
    if let Some(change) = plan.structure_change_id {
        plan.structure_change = Some(change_get(conn, change)?);
    }
    let mut stmt = conn.prepare(&format!(
        "{ITEM_SELECT} WHERE plan_id = ?1 ORDER BY phase, position"
    ))?;
    plan.items = stmt
        .query_map([id], |r| item_from_row(r, today))?
        .collect::<rusqlite::Result<_>>()?;
    plan.phases = plan
        .direction
        .phases()
        .iter()
        .enumerate()
        .map(|(i, (title, goal))| {
            let phase = i as u8 + 1;
            let of_phase = plan.items.iter().filter(|item| item.phase == phase);
            PhaseProgress {
                phase,
                title: title.to_string(),
                goal: goal.to_string(),
                end_date: dates::add_days(&plan.start_date, 30 * phase as i64).unwrap_or_default(),
                done: of_phase
                    .clone()
                    .filter(|item| item.done_on.is_some())
                    .count() as u32,
                total: of_phase.count() as u32,
            }
        })
        .collect();
    // The gaps now, when the profile still exists (it may have been deleted since).
    let now = match plan.profile_id {
        Some(profile) => Some(gap_analysis(conn, plan.person_id, profile)?),
        None => None,
    };
    if let Some(report) = &now {
        let latest = assessed_on(report);
        if latest > plan.baseline_on {
            plan.reassessed_on = latest;
        }
    }
    let mut stmt = conn.prepare(
        "SELECT skill_key, skill_name, target, rating FROM plan_baseline WHERE plan_id = ?1 ORDER BY position",
    )?;
    plan.gaps = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, u8>(2)?,
                r.get::<_, Option<u8>>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .map(|(skill_key, skill_name, target, at_start)| {
            let current = now.as_ref().and_then(|report| {
                report
                    .skills
                    .iter()
                    .find(|row| row.skill_key == skill_key)
                    .and_then(|row| row.current)
            });
            GapProgress {
                status: GapStatus::of(target, at_start, current),
                skill_key,
                skill_name,
                target,
                at_start,
                now: current,
            }
        })
        .collect();
    Ok(plan)
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
        return Err(Error::NotFound(format!(
            "plan {plan_id} has no item {item_id}"
        )));
    }
    plan_get(conn, plan_id, today)
}

fn plan_exists(conn: &Connection, plan_id: i64) -> Result<()> {
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM transition_plan WHERE id = ?1)",
        [plan_id],
        |r| r.get(0),
    )?;
    if exists {
        Ok(())
    } else {
        Err(Error::NotFound(format!(
            "no transition plan with id {plan_id}"
        )))
    }
}

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
    if edit.hours_per_week > 40 {
        problems.push(format!(
            "{} hours a week is more than 40",
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
    check_edit(edit)?;
    let changed = conn.execute(
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
        return Err(Error::NotFound(format!(
            "plan {plan_id} has no item {item_id}"
        )));
    }
    plan_get(conn, plan_id, today)
}

fn next_position(conn: &Connection, plan_id: i64) -> Result<i64> {
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
    let tx = crate::db::write(conn)?;
    let (item, position) = tx
        .query_row(
            &format!("{ITEM_SELECT} WHERE plan_id = ?1 AND id = ?2"),
            params![plan_id, item_id],
            |r| Ok((item_from_row(r, today)?, r.get::<_, u32>(15)?)),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("plan {plan_id} has no item {item_id}")))?;
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
fn item_insert(conn: &Connection, plan_id: i64, position: u32, i: &PlanItem) -> Result<()> {
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
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM transition_plan WHERE id = ?1)",
        [p.id],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Error::Conflict(format!(
            "the plan of {} toward {} is already there",
            p.person_name, p.profile_name
        )));
    }
    crate::people::person_brief(&tx, p.person_id).map_err(|_| {
        Error::Conflict(format!(
            "the plan cannot come back: {} has been deleted since",
            p.person_name
        ))
    })?;
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
                                      budget, checkpoint_decision, checkpoint_note, created_on, direction, baseline_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
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
            p.baseline_on
        ],
    )?;
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
    for (item, &position) in p.items.iter().zip(&deleted.positions) {
        item_insert(&tx, p.id, position, item)?;
    }
    tx.commit()?;
    plan_get(conn, p.id, today)
}

/// Sets the weekly time budget.
pub fn plan_budget_set(
    conn: &Connection,
    plan_id: i64,
    budget: WeeklyBudget,
    today: &str,
) -> Result<Plan> {
    let total: u32 = [
        budget.hands_on,
        budget.agents,
        budget.reviews,
        budget.mentoring,
        budget.one_on_ones,
    ]
    .iter()
    .map(|&h| h as u32)
    .sum();
    if total > 80 {
        return Err(Error::InvalidInput(format!(
            "the budget adds up to {total} hours a week; keep it at 80 or less"
        )));
    }
    let tx = crate::db::write(conn)?;
    plan_exists(&tx, plan_id)?;
    tx.execute(
        "UPDATE transition_plan SET budget = ?2 WHERE id = ?1",
        params![
            plan_id,
            serde_json::to_string(&budget).expect("budget serializes")
        ],
    )?;
    tx.commit()?;
    plan_get(conn, plan_id, today)
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
    let start: String = tx
        .query_row(
            "SELECT start_date FROM transition_plan WHERE id = ?1",
            [plan_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no transition plan with id {plan_id}")))?;
    let audit = audit_get(&tx, audit_id)?;
    let (mut added, mut already_there) = (0, 0);
    let mut position = next_position(&tx, plan_id)?;
    for action in bottleneck_actions(&audit) {
        let present: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM plan_item WHERE plan_id = ?1 AND audit_id = ?2 AND stage = ?3)",
            params![plan_id, audit_id, action.stage.as_str()],
            |r| r.get(0),
        )?;
        if present {
            already_there += 1;
            continue;
        }
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
                dates::add_days(&start, 30 * action.phase as i64)?,
                action.stage.as_str(),
                audit_id
            ],
        )?;
        position += 1;
        added += 1;
    }
    tx.commit()?;
    Ok(AuditFeed {
        plan: plan_get(conn, plan_id, today)?,
        added,
        already_there,
    })
}

/// The plan as a Markdown checklist any editor renders.
pub fn plan_markdown(plan: &Plan) -> String {
    let mut out = format!(
        "# Transition plan: {} → {}\n\nFrom {} · started {} · created {}\n\n",
        plan.person_name, plan.profile_name, plan.from_role, plan.start_date, plan.created_on
    );
    if let Some(change) = &plan.structure_change {
        let state = if change.undone { " (undone)" } else { "" };
        out.push_str(&format!(
            "Structure change: {}, {} people moved on {}{state}\n\n",
            change.description,
            change.moves.len(),
            change.made_on
        ));
    }
    let b = plan.budget;
    out.push_str(&format!(
        "Weekly time budget: hands-on {} h · supervising AI agents {} h · reviews {} h · mentoring {} h · remaining 1:1s {} h\n",
        b.hands_on, b.agents, b.reviews, b.mentoring, b.one_on_ones
    ));
    for phase in &plan.phases {
        out.push_str(&format!(
            "\n## {} (until {}) — {}/{} done\n\n{}\n\n",
            phase.title, phase.end_date, phase.done, phase.total, phase.goal
        ));
        for item in plan.items.iter().filter(|i| i.phase == phase.phase) {
            let mark = if item.done_on.is_some() { "x" } else { " " };
            let about = match (item.source, item.level) {
                (ItemSource::Gap, Some(level)) => format!(" *({} → {level})*", item.skill_name),
                (ItemSource::Audit, _) => format!(" *({})*", item.skill_name),
                (ItemSource::Own, _) => " *(own item)*".to_string(),
                _ => String::new(),
            };
            out.push_str(&format!("- [{mark}] {}{about}\n", item.title));
            if item.source == ItemSource::Checkpoint {
                for question in questions(&item.done_when) {
                    out.push_str(&format!("  - {question}\n"));
                }
            } else if !item.done_when.is_empty() {
                out.push_str(&format!("  - Done when: {}\n", item.done_when));
            }
            if !item.note.is_empty() {
                out.push_str(&format!("  - Note: {}\n", item.note));
            }
            out.push_str(&format!("  - Due {}", item.due_date));
            if let Some(done) = &item.done_on {
                out.push_str(&format!(" · done {done}"));
            } else if item.overdue {
                out.push_str(" — **overdue**");
            }
            out.push('\n');
        }
    }
    if let Some(decision) = plan.checkpoint_decision {
        out.push_str(&format!("\n## Checkpoint decision: {}\n", decision.label()));
        if !plan.checkpoint_note.is_empty() {
            out.push_str(&format!("\n{}\n", plan.checkpoint_note));
        }
    }
    if !plan.gaps.is_empty() {
        out.push_str(&format!(
            "\n## Skill gaps (start: assessment of {}{})\n\n| Skill | Target | At start | Now | |\n|---|---|---|---|---|\n",
            plan.baseline_on.as_deref().unwrap_or("—"),
            plan.reassessed_on
                .as_deref()
                .map(|d| format!("; now: re-assessed {d}"))
                .unwrap_or_default()
        ));
        let rating = |r: Option<u8>| r.map(|r| r.to_string()).unwrap_or_else(|| "—".into());
        for gap in &plan.gaps {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                gap.skill_name,
                gap.target,
                rating(gap.at_start),
                rating(gap.now),
                gap.status.label()
            ));
        }
    }
    out
}

impl GapStatus {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::tests::{add, reporting_lines};
    use crate::reorg::reorg_undo;
    use crate::skills::assessment::AssessorRole;
    use crate::skills::framework::{framework_save, profile_resolve};
    use crate::skills::tests::{assess, rating, small};
    use crate::transition::checklist::{PracticeTemplate, TEMPLATES_FORMAT};

    fn templates() -> PracticeTemplates {
        let mut skills = std::collections::BTreeMap::new();
        for skill in ["delegate", "decompose", "coach"] {
            let levels = (2..=5u8)
                .map(|l| {
                    let item = PracticeTemplate {
                        title: format!("practise {skill} at {l}"),
                        done_when: "seen".into(),
                        hours_per_week: 2,
                        kind: TimeKind::Agents,
                    };
                    (l.to_string(), vec![item])
                })
                .collect();
            skills.insert(skill.to_string(), levels);
        }
        PracticeTemplates {
            format: TEMPLATES_FORMAT.into(),
            format_version: 1,
            framework_key: "small".into(),
            skills,
        }
    }

    /// Bo's manager rates him on 2026-11-01: delegate 2, decompose 3, coach 1
    /// (the "lead" targets are 4, 3 and 2).
    fn assess_bo(conn: &Connection, bo: i64, framework: i64) {
        assess(
            conn,
            bo,
            framework,
            AssessorRole::Manager,
            "2026-11-01",
            vec![
                rating("delegate", 2, None),
                rating("decompose", 3, None),
                rating("coach", 1, None),
            ],
        );
    }

    fn structure(ws: &Workspace) -> Vec<(i64, Option<i64>)> {
        reporting_lines(ws.conn())
    }

    /// Ada manages Bo, who manages Cy and Di. Bo becomes a "Lead" (targets delegate 4,
    /// decompose 3, coach 2); his manager rated delegate 2, decompose 3, coach 1.
    #[test]
    fn a_plan_moves_the_reports_and_builds_the_checklist_in_one_step_that_can_be_undone() {
        let mut ws = Workspace::in_memory().unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let cy = add(ws.conn(), "Cy", Some(bo));
        let di = add(ws.conn(), "Di", Some(bo));
        let f = framework_save(ws.conn(), &small(), false).unwrap();
        assess_bo(ws.conn(), bo, f.id);
        let profile = profile_resolve(ws.conn(), "lead").unwrap();
        let before = structure(&ws);
        let input = PlanInput {
            person_id: bo,
            profile_id: profile.id,
            start_date: "2026-12-01".into(),
            moves: vec![
                Move {
                    person_id: cy,
                    to_manager: Some(ada),
                },
                Move {
                    person_id: di,
                    to_manager: Some(ada),
                },
            ],
            direction: None,
            reports_stay: false,
        };
        let plan = plan_create(&mut ws, &input, &templates(), "2026-11-22").unwrap();
        assert_eq!(plan.from_role, "manager of 2");
        assert_eq!(
            ws.metrics(None).unwrap().managers,
            1,
            "only Ada manages now"
        );
        let titles: Vec<&str> = plan.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(
            titles,
            ["practise delegate at 3", "practise coach at 2", "practise delegate at 4", CHECKPOINT_TITLE],
            "decompose is at target: no items; delegate is two levels short: two items, the second a phase later"
        );
        assert_eq!(
            plan.items[0].due_date, "2026-12-31",
            "phase 1 ends 30 days after the start"
        );
        assert_eq!(
            plan.phases.iter().map(|p| p.total).collect::<Vec<_>>(),
            [2, 1, 1]
        );

        reorg_undo(
            &mut ws,
            plan.structure_change_id
                .expect("the plan remembers its structure change"),
        )
        .unwrap();
        assert_eq!(
            structure(&ws),
            before,
            "undoing the plan's structure change restores the exact previous structure"
        );
    }

    /// Bo manages Cy, Di and a review agent. A move to an IC role that places
    /// only Cy is refused naming Di (the agent may stay); leaving Di with Bo
    /// is allowed when chosen explicitly.
    #[test]
    fn people_left_without_a_place_are_refused_unless_leaving_them_is_chosen() {
        let mut ws = Workspace::in_memory().unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let cy = add(ws.conn(), "Cy", Some(bo));
        let di = add(ws.conn(), "Di", Some(bo));
        crate::people::person_create(
            ws.conn(),
            &crate::people::PersonInput {
                kind: crate::people::PersonKind::Agent,
                manager_id: Some(bo),
                ..crate::people::PersonInput::human("Review bot")
            },
        )
        .unwrap();
        let f = framework_save(ws.conn(), &small(), false).unwrap();
        assess_bo(ws.conn(), bo, f.id);
        let profile = profile_resolve(ws.conn(), "lead").unwrap();
        let before = structure(&ws);
        let mut input = PlanInput {
            person_id: bo,
            profile_id: profile.id,
            start_date: "2026-12-01".into(),
            moves: vec![Move {
                person_id: cy,
                to_manager: Some(ada),
            }],
            direction: None,
            reports_stay: false,
        };
        let err = plan_create(&mut ws, &input, &templates(), "2026-11-22").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput, "{err}");
        assert!(
            err.to_string().contains("(Di)"),
            "names the one person without a place, not the agent: {err}"
        );
        assert_eq!(structure(&ws), before, "a refused plan moves nobody");
        input.reports_stay = true;
        let plan = plan_create(&mut ws, &input, &templates(), "2026-11-22").unwrap();
        assert_eq!(plan.from_role, "manager of 2");
        let di_now = crate::people::person_get(ws.conn(), di).unwrap();
        assert_eq!(di_now.manager_id, Some(bo), "Di stays with Bo, as chosen");
    }

    #[test]
    fn without_an_assessment_no_plan_is_made_and_nothing_moves() {
        let mut ws = Workspace::in_memory().unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let cy = add(ws.conn(), "Cy", Some(bo));
        framework_save(ws.conn(), &small(), false).unwrap();
        let profile = profile_resolve(ws.conn(), "lead").unwrap();
        let before = structure(&ws);
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
        };
        let err = plan_create(&mut ws, &input, &templates(), "2026-11-22").unwrap_err();
        assert!(err.to_string().contains("assessment first"), "{err}");
        assert_eq!(structure(&ws), before);
    }

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

    /// Bo (under Ada) has a manager assessment on 2026-11-01: delegate 2, decompose 3,
    /// coach 1 against the "lead" targets 4, 3, 2; his plan starts 2026-12-01.
    fn bo_with_a_plan(ws: &mut Workspace) -> (i64, i64, Plan) {
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let f = framework_save(ws.conn(), &small(), false).unwrap();
        assess_bo(ws.conn(), bo, f.id);
        let profile = profile_resolve(ws.conn(), "lead").unwrap();
        let input = PlanInput {
            person_id: bo,
            profile_id: profile.id,
            start_date: "2026-12-01".into(),
            moves: vec![],
            direction: None,
            reports_stay: false,
        };
        let plan = plan_create(ws, &input, &templates(), "2026-11-22").unwrap();
        (f.id, bo, plan)
    }

    /// Bo's plan starts on 2020-01-06, a leap year: the phases end 30, 60 and 90
    /// days later, on 2020-02-05, 2020-03-06 and 2020-04-05. Read in 2026,
    /// every item is overdue until ticked.
    #[test]
    fn a_plan_has_three_thirty_day_phases_and_ends_with_the_checkpoint() {
        let mut ws = Workspace::in_memory().unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let cy = add(ws.conn(), "Cy", Some(bo));
        let f = framework_save(ws.conn(), &small(), false).unwrap();
        assess_bo(ws.conn(), bo, f.id);
        let profile = profile_resolve(ws.conn(), "lead").unwrap();
        let mut input = PlanInput {
            person_id: bo,
            profile_id: profile.id,
            start_date: "2020-01-06".into(),
            moves: vec![Move {
                person_id: cy,
                to_manager: Some(ada),
            }],
            direction: None,
            reports_stay: false,
        };
        let plan = plan_create(&mut ws, &input, &templates(), "2020-01-02").unwrap();
        assert_eq!(
            plan.phases
                .iter()
                .map(|p| p.end_date.as_str())
                .collect::<Vec<_>>(),
            ["2020-02-05", "2020-03-06", "2020-04-05"]
        );
        let change = plan.structure_change.as_ref().expect("the plan moved Cy");
        assert_eq!(
            (change.made_on.as_str(), change.moves.len(), change.undone),
            ("2020-01-02", 1, false),
            "the move is dated the day the plan was made"
        );
        let (checkpoint, from_gaps) = plan.items.split_last().unwrap();
        assert!(from_gaps
            .iter()
            .all(|i| i.source == ItemSource::Gap && i.level.is_some()));
        assert_eq!(
            (
                checkpoint.source,
                checkpoint.phase,
                checkpoint.skill_key.as_str(),
                checkpoint.level,
                checkpoint.title.as_str(),
                checkpoint.due_date.as_str()
            ),
            (
                ItemSource::Checkpoint,
                3,
                "",
                None,
                CHECKPOINT_TITLE,
                "2020-04-05"
            )
        );
        let later = plan_get(ws.conn(), plan.id, "2026-01-01").unwrap();
        assert!(
            later.items.iter().all(|i| i.overdue),
            "nothing ticked and every due date passed"
        );
        input.moves.clear();
        let second = plan_create(&mut ws, &input, &templates(), "2020-01-03").unwrap();
        let listed: Vec<i64> = plan_list(ws.conn(), bo, "2026-01-01")
            .unwrap()
            .iter()
            .map(|p| p.id)
            .collect();
        assert_eq!(listed, [second.id, plan.id], "newest first");
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

    fn edit_of(item: &PlanItem) -> PlanItemEdit {
        PlanItemEdit {
            phase: item.phase,
            title: item.title.clone(),
            done_when: item.done_when.clone(),
            note: item.note.clone(),
            due_date: item.due_date.clone(),
            hours_per_week: item.hours_per_week,
            kind: item.kind,
        }
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

    /// Back to managing: Cy, who reports to Ada, comes to report to Bo.
    #[test]
    fn a_move_back_to_managing_brings_people_under_the_person_and_can_be_undone() {
        let mut ws = Workspace::in_memory().unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let cy = add(ws.conn(), "Cy", Some(ada));
        let f = framework_save(ws.conn(), &small(), false).unwrap();
        assess(
            ws.conn(),
            bo,
            f.id,
            AssessorRole::SelfAssessed,
            "2026-11-01",
            vec![rating("coach", 1, None)],
        );
        let profile = profile_resolve(ws.conn(), "lead").unwrap();
        let before = structure(&ws);
        let input = PlanInput {
            person_id: bo,
            profile_id: profile.id,
            start_date: "2026-12-01".into(),
            moves: vec![Move {
                person_id: cy,
                to_manager: Some(bo),
            }],
            direction: Some(Direction::ToManager),
            reports_stay: false,
        };
        let plan = plan_create(&mut ws, &input, &templates(), "2026-11-22").unwrap();
        assert_eq!(plan.direction, Direction::ToManager);
        assert_eq!(plan.budget, Direction::ToManager.default_budget());
        assert_eq!(plan.phases[0].title, PHASES_TO_MANAGER[0].0);
        assert!(plan.checkpoint_questions[0].contains("than I did as an IC"));
        assert_eq!(
            crate::people::person_get(ws.conn(), cy).unwrap().manager_id,
            Some(bo)
        );
        let change = plan.structure_change.as_ref().unwrap();
        assert!(!change.undone && change.description.contains("report to them"));

        reorg_undo(&mut ws, change.id).unwrap();
        assert_eq!(structure(&ws), before);
        let plan = plan_get(ws.conn(), plan.id, "2026-11-23").unwrap();
        assert!(
            plan.structure_change.unwrap().undone,
            "the plan shows its change was undone"
        );
    }

    #[test]
    fn a_manager_profile_means_a_move_back_to_managing() {
        let profile = |key: &str, name: &str| RoleProfile {
            id: 1,
            framework_key: "f".into(),
            key: key.into(),
            name: name.into(),
            description: String::new(),
            builtin: false,
            targets: Default::default(),
        };
        assert_eq!(
            Direction::for_profile(&profile("engineering-manager", "Engineering manager")),
            Direction::ToManager
        );
        assert_eq!(
            Direction::for_profile(&profile("em", "Team Manager")),
            Direction::ToManager
        );
        assert_eq!(
            Direction::for_profile(&profile("ic-leader", "IC leader")),
            Direction::ToIc
        );
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

        let err = crate::people::person_delete(
            ws.conn(),
            bo,
            crate::people::ReportsDestination::UpOneLevel,
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
}
