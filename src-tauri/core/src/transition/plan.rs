//! Transition plans: a person's move to a target role profile as a 30/60/90-day
//! plan. Creating one applies the structure change it needs (where the person's
//! reports go), generates the checklist from their skill gaps, and stores both in
//! one transaction; undoing the structure change later is `reorg_undo`.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::checklist::{checklist_generate, PracticeTemplates, TimeKind};
use crate::dates;
use crate::error::{Error, Result};
use crate::reorg::{record_moves, reorg_check, Move};
use crate::skills::framework::profile_get;
use crate::skills::gaps::gap_analysis;
use crate::Workspace;

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
    /// Where the person's reports go (empty when they manage nobody).
    #[serde(default)]
    pub moves: Vec<Move>,
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
    pub start_date: String,
    #[ts(type = "number | null")]
    pub structure_change_id: Option<i64>,
    pub budget: WeeklyBudget,
    pub checkpoint_decision: Option<String>,
    pub checkpoint_note: String,
    pub created_on: String,
    pub phases: Vec<PhaseProgress>,
    pub items: Vec<PlanItem>,
}

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

/// Creates a plan: checks everything, then in one transaction applies the moves
/// (recorded for undo), stores the plan and its generated checklist.
pub fn plan_create(
    ws: &mut Workspace,
    input: &PlanInput,
    templates: &PracticeTemplates,
    today: &str,
) -> Result<Plan> {
    dates::parse(&input.start_date)?;
    let person = crate::people::person_brief(ws.conn(), input.person_id)?;
    let profile = profile_get(ws.conn(), input.profile_id)?;
    let report = gap_analysis(ws.conn(), input.person_id, input.profile_id)?;
    if report.self_assessed_on.is_none() && report.manager_assessed_on.is_none() {
        return Err(Error::InvalidInput(format!(
            "{} has no assessment on {} yet: do a self or manager assessment first, so the checklist comes from real gaps",
            person.name, report.framework_name
        )));
    }
    if !input.moves.is_empty() {
        reorg_check(ws, &input.moves)?;
    }
    let mut items = checklist_generate(&report, templates);
    let from = from_role(ws.conn(), input.person_id)?;
    let tx = ws.conn().unchecked_transaction()?;
    let change = if input.moves.is_empty() {
        None
    } else {
        let description = format!(
            "{} moves to {}: their reports get new managers",
            person.name, profile.name
        );
        Some(record_moves(&tx, &input.moves, &description, today)?)
    };
    tx.execute(
        "INSERT INTO transition_plan (person_id, from_role, profile_id, profile_name, start_date, structure_change_id, budget, created_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            input.person_id,
            from,
            profile.id,
            profile.name,
            input.start_date,
            change,
            serde_json::to_string(&WeeklyBudget::default()).expect("budget serializes"),
            today
        ],
    )?;
    let plan_id = tx.last_insert_rowid();
    // The checkpoint closes the plan, whatever the gaps.
    items.push(super::checklist::ChecklistItem {
        skill_key: String::new(),
        skill_name: String::new(),
        level: 0,
        title: CHECKPOINT_TITLE.into(),
        done_when: CHECKPOINT_QUESTIONS.into(),
        hours_per_week: 1,
        kind: TimeKind::OneOnOnes,
        phase: 3,
    });
    {
        let mut insert = tx.prepare(
            "INSERT INTO plan_item (plan_id, position, phase, skill_key, skill_name, level, title, done_when, kind, hours_per_week, due_date)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        for (position, item) in items.iter().enumerate() {
            let due = dates::add_days(&input.start_date, 30 * item.phase as i64)?;
            let kind = serde_json::to_value(item.kind).expect("kind serializes");
            insert.execute(params![
                plan_id,
                position as i64,
                item.phase,
                item.skill_key,
                item.skill_name,
                (item.level > 0).then_some(item.level),
                item.title,
                item.done_when,
                kind.as_str().unwrap_or("hands_on"),
                item.hours_per_week,
                due
            ])?;
        }
    }
    tx.commit()?;
    plan_get(ws.conn(), plan_id, today)
}

pub fn plan_get(conn: &Connection, id: i64, today: &str) -> Result<Plan> {
    let mut plan = conn
        .query_row(
            "SELECT t.id, t.person_id, p.name, t.from_role, t.profile_name, t.start_date, t.structure_change_id,
                    t.budget, t.checkpoint_decision, t.checkpoint_note, t.created_on
             FROM transition_plan t JOIN person p ON p.id = t.person_id WHERE t.id = ?1",
            [id],
            |r| {
                let budget: String = r.get(7)?;
                Ok(Plan {
                    id: r.get(0)?,
                    person_id: r.get(1)?,
                    person_name: r.get(2)?,
                    from_role: r.get(3)?,
                    profile_name: r.get(4)?,
                    start_date: r.get(5)?,
                    structure_change_id: r.get(6)?,
                    budget: serde_json::from_str(&budget).unwrap_or_default(),
                    checkpoint_decision: r.get(8)?,
                    checkpoint_note: r.get(9)?,
                    created_on: r.get(10)?,
                    phases: Vec::new(),
                    items: Vec::new(),
                })
            },
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no transition plan with id {id}")))?;
    let mut stmt = conn.prepare(
        "SELECT id, phase, skill_key, skill_name, level, title, done_when, kind, hours_per_week, due_date, done_on, note
         FROM plan_item WHERE plan_id = ?1 ORDER BY phase, position",
    )?;
    plan.items = stmt
        .query_map([id], |r| {
            let kind: String = r.get(7)?;
            let due_date: String = r.get(9)?;
            let done_on: Option<String> = r.get(10)?;
            Ok(PlanItem {
                id: r.get(0)?,
                phase: r.get(1)?,
                skill_key: r.get(2)?,
                skill_name: r.get(3)?,
                level: r.get(4)?,
                title: r.get(5)?,
                done_when: r.get(6)?,
                kind: serde_json::from_value(serde_json::Value::String(kind))
                    .unwrap_or(TimeKind::HandsOn),
                hours_per_week: r.get(8)?,
                overdue: done_on.is_none() && due_date.as_str() < today,
                due_date,
                done_on,
                note: r.get(11)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    plan.phases = PHASES
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

/// The plan as a Markdown checklist any editor renders.
pub fn plan_markdown(plan: &Plan) -> String {
    let mut out = format!(
        "# Transition plan: {} → {}\n\nFrom {} · started {} · created {}\n\n",
        plan.person_name, plan.profile_name, plan.from_role, plan.start_date, plan.created_on
    );
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
            let skill = if item.skill_name.is_empty() {
                String::new()
            } else {
                format!(" *({} → {})*", item.skill_name, item.level.unwrap_or(0))
            };
            out.push_str(&format!(
                "- [{mark}] {}{skill}\n  - Done when: {}\n  - Due {}",
                item.title, item.done_when, item.due_date
            ));
            if item.overdue {
                out.push_str(" — **overdue**");
            }
            out.push('\n');
        }
    }
    out
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
        assess(
            ws.conn(),
            bo,
            f.id,
            AssessorRole::Manager,
            "2026-11-01",
            vec![
                rating("delegate", 2, None),
                rating("decompose", 3, None),
                rating("coach", 1, None),
            ],
        );
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
}
