//! The SDLC bottleneck audit: for one person's or one team's work, how much each
//! stage of the software lifecycle slows them down, how much AI is used there,
//! who (a person or an agent) owns it, and the next change to try. Audits are
//! dated; each one is read against the previous audit of the same scope, so a
//! later audit shows what improved. The worst bottlenecks become plan items.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::checklist::TimeKind;
use crate::dates;
use crate::error::{Error, Result};
use crate::people::PersonKind;
use crate::undo::{undo_record, undo_take, UndoKind};

/// The stages of the software lifecycle an audit asks about, in lifecycle order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Stage {
    Planning,
    Strategy,
    Prioritization,
    BugFixing,
    CodeGeneration,
    CodeReview,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Planning,
        Stage::Strategy,
        Stage::Prioritization,
        Stage::BugFixing,
        Stage::CodeGeneration,
        Stage::CodeReview,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Planning => "planning",
            Stage::Strategy => "strategy",
            Stage::Prioritization => "prioritization",
            Stage::BugFixing => "bug_fixing",
            Stage::CodeGeneration => "code_generation",
            Stage::CodeReview => "code_review",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::Planning => "Planning",
            Stage::Strategy => "Strategy",
            Stage::Prioritization => "Prioritization",
            Stage::BugFixing => "Bug fixing",
            Stage::CodeGeneration => "Code generation",
            Stage::CodeReview => "Code review",
        }
    }

    /// The question the audit asks about the stage, in plain words.
    pub fn question(self) -> &'static str {
        match self {
            Stage::Planning => "How long does it take to turn a request into work someone can start on?",
            Stage::Strategy => "How often does work wait for, or get redone because of, an unclear direction?",
            Stage::Prioritization => "How often do people work on the wrong thing first, or wait for a decision on what comes next?",
            Stage::BugFixing => "How much time goes from a bug report to a verified fix, and how much of the week does it eat?",
            Stage::CodeGeneration => "How much of the time from a clear task to a working change is spent writing code by hand?",
            Stage::CodeReview => "How long do changes wait for review, and how often does review find what should have been caught earlier?",
        }
    }

    /// Accepts `code_review`, `code-review` or `Code review`.
    pub fn parse(text: &str) -> Option<Stage> {
        let key = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Stage::ALL.into_iter().find(|s| s.as_str() == key)
    }

    /// Which part of a plan's weekly budget work on this stage draws from.
    fn time_kind(self) -> TimeKind {
        match self {
            Stage::Planning | Stage::Strategy | Stage::Prioritization => TimeKind::HandsOn,
            Stage::BugFixing | Stage::CodeGeneration => TimeKind::Agents,
            Stage::CodeReview => TimeKind::Reviews,
        }
    }
}

/// How much a stage slows the work, 0–4.
pub const SLOWDOWN_SCALE: [&str; 5] = [
    "Not a bottleneck",
    "Slight",
    "Noticeable",
    "Major",
    "The main bottleneck",
];

/// How much AI is used in a stage today, 0–4.
pub const AI_USE_SCALE: [&str; 5] = [
    "No AI",
    "Individuals experiment",
    "Used for some tasks",
    "Used for most tasks",
    "Agents do it, people review",
];

/// A stage counts as a bottleneck from this slowdown on.
pub const BOTTLENECK_FROM: u8 = 2;
/// How many of the worst bottlenecks an audit names (and feeds into a plan).
pub const WORST_COUNT: usize = 3;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StageInfo {
    pub stage: Stage,
    pub label: String,
    pub question: String,
}

/// The stages and the two scales, for forms and reports.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditScales {
    pub stages: Vec<StageInfo>,
    pub slowdown: Vec<String>,
    pub ai_use: Vec<String>,
    pub bottleneck_from: u8,
}

pub fn audit_scales() -> AuditScales {
    AuditScales {
        stages: Stage::ALL
            .into_iter()
            .map(|stage| StageInfo {
                stage,
                label: stage.label().into(),
                question: stage.question().into(),
            })
            .collect(),
        slowdown: SLOWDOWN_SCALE.iter().map(|s| s.to_string()).collect(),
        ai_use: AI_USE_SCALE.iter().map(|s| s.to_string()).collect(),
        bottleneck_from: BOTTLENECK_FROM,
    }
}

/// Whose work the audit looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum AuditScope {
    Person {
        #[ts(type = "number")]
        id: i64,
    },
    Team {
        #[ts(type = "number")]
        id: i64,
    },
}

impl AuditScope {
    fn columns(self) -> (Option<i64>, Option<i64>) {
        match self {
            AuditScope::Person { id } => (Some(id), None),
            AuditScope::Team { id } => (None, Some(id)),
        }
    }

    fn from_columns(person: Option<i64>, team: Option<i64>) -> AuditScope {
        match (person, team) {
            (Some(id), _) => AuditScope::Person { id },
            (None, Some(id)) => AuditScope::Team { id },
            // The table's CHECK makes exactly one of them set.
            (None, None) => AuditScope::Team { id: 0 },
        }
    }

    fn name(self, conn: &Connection) -> Result<String> {
        match self {
            AuditScope::Person { id } => Ok(crate::people::person_brief(conn, id)?.name),
            AuditScope::Team { id } => {
                Ok(format!("team {}", crate::teams::team_get(conn, id)?.name))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StageInput {
    pub stage: Stage,
    pub slowdown: u8,
    pub ai_use: u8,
    #[ts(type = "number | null")]
    #[serde(default)]
    pub owner_id: Option<i64>,
    #[serde(default)]
    pub next_change: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditInput {
    pub scope: AuditScope,
    /// YYYY-MM-DD.
    pub taken_on: String,
    #[serde(default)]
    pub note: String,
    pub stages: Vec<StageInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StageRow {
    pub stage: Stage,
    pub label: String,
    pub slowdown: u8,
    pub ai_use: u8,
    #[ts(type = "number | null")]
    pub owner_id: Option<i64>,
    pub owner_name: Option<String>,
    pub owner_kind: Option<PersonKind>,
    pub next_change: String,
    /// The same stage in the previous audit of the same scope, when it was rated there.
    pub previous_slowdown: Option<u8>,
    pub previous_ai_use: Option<u8>,
    /// 1 for the worst bottleneck, 2 and 3 for the next; `null` otherwise.
    pub rank: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditRef {
    #[ts(type = "number")]
    pub id: i64,
    pub taken_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Audit {
    #[ts(type = "number")]
    pub id: i64,
    pub scope: AuditScope,
    pub scope_name: String,
    pub taken_on: String,
    pub note: String,
    /// The rated stages, in lifecycle order.
    pub stages: Vec<StageRow>,
    /// The worst bottlenecks, worst first (at most three, slowdown ≥ 2).
    pub worst: Vec<Stage>,
    /// The audit of the same scope before this one, which `previous_*` compare with.
    pub previous: Option<AuditRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub scope: AuditScope,
    pub scope_name: String,
    pub taken_on: String,
    pub stages_rated: u32,
    /// The worst bottleneck's label, or `null` when no stage reaches slowdown 2.
    pub worst: Option<String>,
    /// Sum of the slowdowns: lower is better, comparable between audits of six stages.
    pub total_slowdown: u32,
}

/// The worst bottlenecks: stages with slowdown ≥ 2, the slowest first; on a tie
/// the one with less AI use first (most room to change), then lifecycle order.
pub fn worst_bottlenecks(stages: &[StageRow]) -> Vec<Stage> {
    let mut candidates: Vec<&StageRow> = stages
        .iter()
        .filter(|s| s.slowdown >= BOTTLENECK_FROM)
        .collect();
    candidates.sort_by_key(|s| (std::cmp::Reverse(s.slowdown), s.ai_use, s.stage));
    candidates
        .into_iter()
        .take(WORST_COUNT)
        .map(|s| s.stage)
        .collect()
}

fn check_input(conn: &Connection, input: &AuditInput) -> Result<()> {
    let mut problems = Vec::new();
    if let Err(e) = dates::parse(&input.taken_on) {
        problems.push(e.to_string());
    }
    if let Err(e) = input.scope.name(conn) {
        problems.push(e.to_string());
    }
    if input.stages.is_empty() {
        problems.push("rate at least one stage".into());
    }
    let mut seen = std::collections::BTreeSet::new();
    for s in &input.stages {
        let label = s.stage.label();
        if !seen.insert(s.stage) {
            problems.push(format!("{label} is rated twice"));
        }
        if s.slowdown > 4 {
            problems.push(format!("{label}: slowdown {} is outside 0–4", s.slowdown));
        }
        if s.ai_use > 4 {
            problems.push(format!("{label}: AI use {} is outside 0–4", s.ai_use));
        }
        if let Some(owner) = s.owner_id {
            if crate::people::person_brief(conn, owner).is_err() {
                problems.push(format!(
                    "{label}: no person or agent with id {owner} to own it"
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidInput(format!(
            "the audit was not saved: {}",
            problems.join("; ")
        )))
    }
}

fn insert(conn: &Connection, id: Option<i64>, input: &AuditInput) -> Result<i64> {
    let (person, team) = input.scope.columns();
    conn.execute(
        "INSERT INTO sdlc_audit (id, person_id, team_id, taken_on, note) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, person, team, input.taken_on, input.note.trim()],
    )?;
    let id = conn.last_insert_rowid();
    let mut stmt = conn.prepare(
        "INSERT INTO sdlc_audit_stage (audit_id, stage, slowdown, ai_use, owner_id, next_change)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for s in &input.stages {
        stmt.execute(params![
            id,
            s.stage.as_str(),
            s.slowdown,
            s.ai_use,
            s.owner_id,
            s.next_change.trim()
        ])?;
    }
    Ok(id)
}

/// Saves a dated audit; every problem with the input is named and nothing is saved.
pub fn audit_create(conn: &Connection, input: &AuditInput) -> Result<Audit> {
    let tx = crate::db::write(conn)?;
    check_input(&tx, input)?;
    let id = insert(&tx, None, input)?;
    tx.commit()?;
    audit_get(conn, id)
}

/// (slowdown, ai_use) per stage of one audit.
fn ratings_of(conn: &Connection, audit_id: i64) -> Result<Vec<(Stage, u8, u8)>> {
    let mut stmt =
        conn.prepare("SELECT stage, slowdown, ai_use FROM sdlc_audit_stage WHERE audit_id = ?1")?;
    let rows = stmt
        .query_map([audit_id], |r| {
            let stage: String = r.get(0)?;
            Ok((stage, r.get(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<Vec<(String, u8, u8)>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(stage, slowdown, ai)| Stage::parse(&stage).map(|s| (s, slowdown, ai)))
        .collect())
}

pub fn audit_get(conn: &Connection, id: i64) -> Result<Audit> {
    let (person, team, taken_on, note): (Option<i64>, Option<i64>, String, String) = conn
        .query_row(
            "SELECT person_id, team_id, taken_on, note FROM sdlc_audit WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no SDLC audit with id {id}")))?;
    let scope = AuditScope::from_columns(person, team);
    // The previous audit of the same scope: earlier date, or same date and saved earlier.
    let previous: Option<AuditRef> = conn
        .query_row(
            "SELECT id, taken_on FROM sdlc_audit
             WHERE person_id IS ?1 AND team_id IS ?2 AND (taken_on < ?3 OR (taken_on = ?3 AND id < ?4))
             ORDER BY taken_on DESC, id DESC LIMIT 1",
            params![person, team, taken_on, id],
            |r| {
                Ok(AuditRef {
                    id: r.get(0)?,
                    taken_on: r.get(1)?,
                })
            },
        )
        .optional()?;
    let before = match &previous {
        Some(p) => ratings_of(conn, p.id)?,
        None => Vec::new(),
    };
    let mut stmt = conn.prepare(
        "SELECT s.stage, s.slowdown, s.ai_use, s.owner_id, p.name, p.kind, s.next_change
         FROM sdlc_audit_stage s LEFT JOIN person p ON p.id = s.owner_id
         WHERE s.audit_id = ?1",
    )?;
    let mut stages = stmt
        .query_map([id], |r| {
            let stage: String = r.get(0)?;
            let kind: Option<String> = r.get(5)?;
            Ok((
                stage,
                r.get::<_, u8>(1)?,
                r.get::<_, u8>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<String>>(4)?,
                kind,
                r.get::<_, String>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter_map(
            |(stage, slowdown, ai_use, owner_id, owner_name, kind, next)| {
                let stage = Stage::parse(&stage)?;
                let earlier = before.iter().find(|(s, _, _)| *s == stage);
                Some(StageRow {
                    stage,
                    label: stage.label().into(),
                    slowdown,
                    ai_use,
                    owner_id,
                    owner_name,
                    owner_kind: kind.as_deref().and_then(PersonKind::parse),
                    next_change: next,
                    previous_slowdown: earlier.map(|e| e.1),
                    previous_ai_use: earlier.map(|e| e.2),
                    rank: None,
                })
            },
        )
        .collect::<Vec<_>>();
    stages.sort_by_key(|s| s.stage);
    let worst = worst_bottlenecks(&stages);
    for (rank, stage) in worst.iter().enumerate() {
        if let Some(row) = stages.iter_mut().find(|s| s.stage == *stage) {
            row.rank = Some(rank as u8 + 1);
        }
    }
    Ok(Audit {
        id,
        scope,
        scope_name: scope.name(conn)?,
        taken_on,
        note,
        stages,
        worst,
        previous,
    })
}

/// Audits, newest first: all of them, or those of one scope.
pub fn audit_list(conn: &Connection, scope: Option<AuditScope>) -> Result<Vec<AuditSummary>> {
    let (person, team, all) = match scope {
        Some(s) => {
            let (p, t) = s.columns();
            (p, t, false)
        }
        None => (None, None, true),
    };
    let mut stmt = conn.prepare(
        "SELECT id FROM sdlc_audit WHERE ?3 OR (person_id IS ?1 AND team_id IS ?2)
         ORDER BY taken_on DESC, id DESC",
    )?;
    let ids: Vec<i64> = stmt
        .query_map(params![person, team, all], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter()
        .map(|id| {
            let audit = audit_get(conn, id)?;
            Ok(AuditSummary {
                id,
                scope: audit.scope,
                scope_name: audit.scope_name,
                taken_on: audit.taken_on,
                stages_rated: audit.stages.len() as u32,
                worst: audit.worst.first().map(|s| s.label().to_string()),
                total_slowdown: audit.stages.iter().map(|s| s.slowdown as u32).sum(),
            })
        })
        .collect()
}

/// What deleting an audit removed: the audit and the plan items it fed. Undo
/// asks for `undo_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeletedAudit {
    #[ts(type = "number")]
    pub undo_id: i64,
    pub audit: Audit,
    #[ts(type = "Array<number>")]
    pub plan_items: Vec<i64>,
}

pub fn audit_delete(conn: &Connection, id: i64) -> Result<DeletedAudit> {
    let tx = crate::db::write(conn)?;
    let audit = audit_get(&tx, id)?;
    let plan_items = {
        let mut stmt = tx.prepare("SELECT id FROM plan_item WHERE audit_id = ?1 ORDER BY id")?;
        let ids = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        ids
    };
    tx.execute("DELETE FROM sdlc_audit WHERE id = ?1", [id])?;
    let mut deleted = DeletedAudit {
        undo_id: 0,
        audit,
        plan_items,
    };
    let label = format!(
        "the audit of {} on {}",
        deleted.audit.scope_name, deleted.audit.taken_on
    );
    deleted.undo_id = undo_record(&tx, UndoKind::Audit, &label, &deleted)?;
    tx.commit()?;
    Ok(deleted)
}

/// Undoes `audit_delete`: same id, same ratings, and the plan items it fed point to it again.
pub fn audit_restore(conn: &Connection, undo_id: i64) -> Result<Audit> {
    let tx = crate::db::write(conn)?;
    let deleted: DeletedAudit = undo_take(&tx, undo_id, UndoKind::Audit)?;
    let a = &deleted.audit;
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM sdlc_audit WHERE id = ?1)",
        [a.id],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Error::Conflict(format!(
            "the audit of {} on {} is already there",
            a.scope_name, a.taken_on
        )));
    }
    let input = AuditInput {
        scope: a.scope,
        taken_on: a.taken_on.clone(),
        note: a.note.clone(),
        stages: a
            .stages
            .iter()
            .map(|s| StageInput {
                stage: s.stage,
                slowdown: s.slowdown,
                ai_use: s.ai_use,
                // An owner deleted since is left out rather than failing the undo.
                owner_id: s
                    .owner_id
                    .filter(|&o| crate::people::person_brief(&tx, o).is_ok()),
                next_change: s.next_change.clone(),
            })
            .collect(),
    };
    check_input(&tx, &input)?;
    insert(&tx, Some(a.id), &input)?;
    tx.execute(
        "UPDATE plan_item SET audit_id = ?1 WHERE id IN (SELECT value FROM json_each(?2))",
        params![
            a.id,
            serde_json::to_string(&deleted.plan_items).unwrap_or_default()
        ],
    )?;
    tx.commit()?;
    audit_get(conn, a.id)
}

/// A plan item for one of an audit's worst bottlenecks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BottleneckAction {
    pub stage: Stage,
    pub title: String,
    pub done_when: String,
    pub kind: TimeKind,
    pub hours_per_week: u8,
    /// The two worst start in days 1–30, the third in days 31–60.
    pub phase: u8,
}

/// The actions an audit's worst bottlenecks ask for, worst first.
pub fn bottleneck_actions(audit: &Audit) -> Vec<BottleneckAction> {
    audit
        .worst
        .iter()
        .enumerate()
        .filter_map(|(rank, stage)| {
            let row = audit.stages.iter().find(|s| s.stage == *stage)?;
            let title = if row.next_change.is_empty() {
                format!(
                    "{}: find one change that removes the slowdown, and try it for two weeks",
                    row.label
                )
            } else {
                format!("{}: try \"{}\"", row.label, row.next_change)
            };
            let with_owner = match &row.owner_name {
                Some(owner) => format!("Agreed with {owner}, who owns {}; ", row.label.to_lowercase()),
                None => String::new(),
            };
            let done_when = format!(
                "{with_owner}the change has run for two weeks, and the next audit rates the {} slowdown below \"{}\".",
                row.label.to_lowercase(),
                SLOWDOWN_SCALE[row.slowdown.min(4) as usize]
            );
            Some(BottleneckAction {
                stage: row.stage,
                title,
                done_when,
                kind: row.stage.time_kind(),
                hours_per_week: 2,
                phase: if rank < 2 { 1 } else { 2 },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::open_in_memory;
    use crate::people::tests::add;

    fn stage(stage: Stage, slowdown: u8, ai_use: u8) -> StageInput {
        StageInput {
            stage,
            slowdown,
            ai_use,
            owner_id: None,
            next_change: String::new(),
        }
    }

    fn agent(conn: &Connection, name: &str, manager: i64) -> i64 {
        let input = crate::people::PersonInput {
            kind: PersonKind::Agent,
            manager_id: Some(manager),
            ..crate::people::PersonInput::human(name)
        };
        crate::people::person_create(conn, &input).unwrap().id
    }

    fn audit_of(person: i64, on: &str, stages: Vec<StageInput>) -> AuditInput {
        AuditInput {
            scope: AuditScope::Person { id: person },
            taken_on: on.into(),
            note: String::new(),
            stages,
        }
    }

    #[test]
    fn the_worst_bottlenecks_are_the_slowest_stages_with_least_ai_first() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let audit = audit_create(
            &conn,
            &audit_of(
                ada,
                "2026-10-01",
                vec![
                    stage(Stage::Planning, 1, 0),
                    stage(Stage::Strategy, 3, 2),
                    stage(Stage::Prioritization, 2, 0),
                    stage(Stage::BugFixing, 3, 1),
                    stage(Stage::CodeGeneration, 0, 4),
                    stage(Stage::CodeReview, 4, 3),
                ],
            ),
        )
        .unwrap();
        // By hand: review (4) first; strategy and bug fixing tie at 3, bug fixing uses
        // less AI (1 < 2) so it comes before strategy; prioritization (2) is fourth.
        assert_eq!(
            audit.worst,
            [Stage::CodeReview, Stage::BugFixing, Stage::Strategy]
        );
        let ranks: Vec<(Stage, Option<u8>)> =
            audit.stages.iter().map(|s| (s.stage, s.rank)).collect();
        assert_eq!(
            ranks,
            [
                (Stage::Planning, None),
                (Stage::Strategy, Some(3)),
                (Stage::Prioritization, None),
                (Stage::BugFixing, Some(2)),
                (Stage::CodeGeneration, None),
                (Stage::CodeReview, Some(1)),
            ]
        );
        let actions = bottleneck_actions(&audit);
        assert_eq!(
            actions.iter().map(|a| a.phase).collect::<Vec<_>>(),
            [1, 1, 2]
        );
        assert_eq!(actions[0].kind, TimeKind::Reviews);
    }

    #[test]
    fn stages_below_noticeable_are_not_bottlenecks() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let audit = audit_create(
            &conn,
            &audit_of(ada, "2026-10-01", vec![stage(Stage::Planning, 1, 0)]),
        )
        .unwrap();
        assert!(audit.worst.is_empty());
        assert!(bottleneck_actions(&audit).is_empty());
    }

    #[test]
    fn a_later_audit_shows_the_earlier_ratings_of_the_same_scope_only() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let bo = add(&conn, "Bo", None);
        let first = audit_create(
            &conn,
            &audit_of(ada, "2026-09-01", vec![stage(Stage::CodeReview, 4, 1)]),
        )
        .unwrap();
        audit_create(
            &conn,
            &audit_of(bo, "2026-09-15", vec![stage(Stage::CodeReview, 0, 0)]),
        )
        .unwrap();
        let later = audit_create(
            &conn,
            &audit_of(
                ada,
                "2026-10-01",
                vec![stage(Stage::CodeReview, 2, 3), stage(Stage::Planning, 1, 1)],
            ),
        )
        .unwrap();
        assert_eq!(later.previous.as_ref().map(|p| p.id), Some(first.id));
        let review = &later.stages[1];
        assert_eq!(review.stage, Stage::CodeReview);
        assert_eq!(
            (review.previous_slowdown, review.previous_ai_use),
            (Some(4), Some(1))
        );
        assert_eq!(
            later.stages[0].previous_slowdown, None,
            "planning was not rated before"
        );
        assert!(first.previous.is_none());
        let listed = audit_list(&conn, Some(AuditScope::Person { id: ada })).unwrap();
        assert_eq!(
            listed
                .iter()
                .map(|a| a.taken_on.as_str())
                .collect::<Vec<_>>(),
            ["2026-10-01", "2026-09-01"]
        );
        assert_eq!(listed[0].total_slowdown, 3);
        assert_eq!(audit_list(&conn, None).unwrap().len(), 3);
    }

    #[test]
    fn bad_input_names_every_problem_and_saves_nothing() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let mut input = audit_of(
            ada,
            "2026-13-01",
            vec![stage(Stage::Planning, 5, 0), stage(Stage::Planning, 1, 9)],
        );
        input.stages[0].owner_id = Some(999);
        let err = audit_create(&conn, &input).unwrap_err();
        let text = err.to_string();
        for part in [
            "2026-13-01",
            "rated twice",
            "slowdown 5",
            "AI use 9",
            "id 999",
        ] {
            assert!(text.contains(part), "{part} missing from: {text}");
        }
        let err = audit_create(
            &conn,
            &AuditInput {
                scope: AuditScope::Team { id: 42 },
                ..audit_of(ada, "2026-10-01", vec![stage(Stage::Planning, 1, 1)])
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("no team with id 42"), "{err}");
        let count: i64 = conn
            .query_row("SELECT count(*) FROM sdlc_audit", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, 0);
    }

    #[test]
    fn a_deleted_audit_comes_back_with_its_owner_and_ratings() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let bot = agent(&conn, "Reviewer bot", ada);
        let mut review = stage(Stage::CodeReview, 3, 2);
        review.owner_id = Some(bot);
        review.next_change = "Agent pre-review of every change".into();
        let audit = audit_create(&conn, &audit_of(ada, "2026-10-01", vec![review])).unwrap();
        assert_eq!(audit.stages[0].owner_kind, Some(PersonKind::Agent));
        let deleted = audit_delete(&conn, audit.id).unwrap();
        assert_eq!(
            audit_get(&conn, audit.id).unwrap_err().kind(),
            crate::ErrorKind::NotFound
        );
        let restored = audit_restore(&conn, deleted.undo_id).unwrap();
        assert_eq!(restored, audit);
    }

    #[test]
    fn the_scales_name_the_six_stages_in_lifecycle_order_and_both_scales_in_words() {
        let scales = audit_scales();
        let stages: Vec<&str> = scales.stages.iter().map(|s| s.stage.as_str()).collect();
        assert_eq!(
            stages,
            [
                "planning",
                "strategy",
                "prioritization",
                "bug_fixing",
                "code_generation",
                "code_review"
            ],
            "the lifecycle's order, as forms and reports show it"
        );
        assert!(
            scales.stages.iter().all(|s| s.question.ends_with('?')),
            "every stage asks a question"
        );
        assert_eq!(
            (scales.slowdown[0].as_str(), scales.slowdown[4].as_str()),
            ("Not a bottleneck", "The main bottleneck")
        );
        assert_eq!(scales.ai_use[4], "Agents do it, people review");
        assert_eq!(scales.bottleneck_from, 2, "from \"Noticeable\" on");
    }

    /// A team's audit of two stages, review 4 and planning 1: total 5, worst
    /// "Code review"; the note is kept without its surrounding spaces.
    #[test]
    fn a_summary_names_the_worst_stage_and_counts_the_stages_rated() {
        let conn = open_in_memory().unwrap();
        let team = crate::teams::team_create(&conn, "Platform").unwrap();
        let audit = audit_create(
            &conn,
            &AuditInput {
                scope: AuditScope::Team { id: team.id },
                taken_on: "2026-10-05".into(),
                note: " trial ".into(),
                stages: vec![stage(Stage::CodeReview, 4, 1), stage(Stage::Planning, 1, 0)],
            },
        )
        .unwrap();
        assert_eq!(
            audit.scope_name, "team Platform",
            "a team reads as the team"
        );
        assert_eq!(audit.note, "trial", "the note is trimmed");
        let listed = audit_list(&conn, Some(AuditScope::Team { id: team.id })).unwrap();
        assert_eq!(
            listed
                .iter()
                .map(|a| (a.worst.as_deref(), a.stages_rated, a.total_slowdown))
                .collect::<Vec<_>>(),
            [(Some("Code review"), 2, 5)]
        );
        let calm = audit_create(
            &conn,
            &audit_of(
                add(&conn, "Ada", None),
                "2026-10-06",
                vec![stage(Stage::Planning, 1, 0)],
            ),
        )
        .unwrap();
        let summary = audit_list(&conn, None).unwrap();
        assert_eq!(
            summary.iter().find(|a| a.id == calm.id).unwrap().worst,
            None,
            "no stage reaches Noticeable: no worst stage"
        );
    }

    /// Review (4, owned by an agent, with a change to try) and planning (2, no
    /// change named yet) are the bottlenecks; strategy (1) is not.
    #[test]
    fn a_bottleneck_action_names_the_change_and_the_owner_or_asks_for_a_change() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let mut review = stage(Stage::CodeReview, 4, 1);
        review.owner_id = Some(agent(&conn, "Triage Agent", ada));
        review.next_change = "Agents review first".into();
        let audit = audit_create(
            &conn,
            &audit_of(
                ada,
                "2026-01-10",
                vec![
                    review,
                    stage(Stage::Planning, 2, 0),
                    stage(Stage::Strategy, 1, 0),
                ],
            ),
        )
        .unwrap();
        let actions: Vec<(Stage, String, String, TimeKind, u8)> = bottleneck_actions(&audit)
            .into_iter()
            .map(|a| (a.stage, a.title, a.done_when, a.kind, a.phase))
            .collect();
        assert_eq!(
            actions,
            [
                (
                    Stage::CodeReview,
                    "Code review: try \"Agents review first\"".to_string(),
                    "Agreed with Triage Agent, who owns code review; the change has run for two weeks, and the next audit rates the code review slowdown below \"The main bottleneck\".".to_string(),
                    TimeKind::Reviews,
                    1
                ),
                (
                    Stage::Planning,
                    "Planning: find one change that removes the slowdown, and try it for two weeks".to_string(),
                    "the change has run for two weeks, and the next audit rates the planning slowdown below \"Noticeable\".".to_string(),
                    TimeKind::HandsOn,
                    1
                ),
            ]
        );
    }

    #[test]
    fn stage_names_parse_in_every_spelling() {
        assert_eq!(Stage::parse("code-review"), Some(Stage::CodeReview));
        assert_eq!(Stage::parse("Bug fixing"), Some(Stage::BugFixing));
        assert_eq!(Stage::parse("code_generation"), Some(Stage::CodeGeneration));
        assert_eq!(Stage::parse("deploy"), None);
    }

    #[test]
    fn an_owner_deleted_and_restored_owns_their_stage_again_and_audited_scopes_stay() {
        use crate::people::{person_delete, person_restore, ReportsDestination};
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let bo = add(&conn, "Bo", Some(ada));
        let mut review = stage(Stage::CodeReview, 3, 1);
        review.owner_id = Some(bo);
        let audit = audit_create(&conn, &audit_of(ada, "2026-10-01", vec![review])).unwrap();

        let deleted = person_delete(&conn, bo, ReportsDestination::UpOneLevel).unwrap();
        assert_eq!(audit_get(&conn, audit.id).unwrap().stages[0].owner_id, None);
        person_restore(&conn, deleted.undo_id).unwrap();
        assert_eq!(audit_get(&conn, audit.id).unwrap(), audit);

        let err = person_delete(&conn, ada, ReportsDestination::UpOneLevel).unwrap_err();
        assert!(err.to_string().contains("SDLC audit"), "{err}");
        let team = crate::teams::team_create(&conn, "Platform").unwrap();
        audit_create(
            &conn,
            &AuditInput {
                scope: AuditScope::Team { id: team.id },
                ..audit_of(ada, "2026-10-02", vec![stage(Stage::Planning, 1, 1)])
            },
        )
        .unwrap();
        let err = crate::teams::team_delete(&conn, team.id).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Conflict, "{err}");
        assert!(crate::teams::team_get(&conn, team.id).is_ok());
    }
}
