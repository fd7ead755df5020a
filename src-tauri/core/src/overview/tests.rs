//! A small org built through the core's API, each figure of the page checked
//! by hand against the story below.
//!
//! ```text
//! Ada
//! └── Eve
//!     ├── Bo (under Ada until a reorg on 2026-09-01; a move back was undone)
//!     │   └── Helper, an AI agent
//!     └── Cy, Di (Bo's until his plan's moves on 2026-11-22)
//! ```
//!
//! Bo is rated on the small framework (self 2026-10-15, manager 2026-11-01)
//! and has a plan toward its "lead" profile from 2026-12-01; Bo's work is
//! audited on 2026-12-02, Eve's on 2026-11-01 and 2026-12-03.

use super::*;
use crate::people::tests::add;
use crate::people::{person_create, PersonInput};
use crate::reorg::{reorg_apply, reorg_undo, Move};
use crate::skills::framework::{framework_resolve, framework_save, profile_resolve};
use crate::skills::tests::{assess, rating, small};
use crate::transition::audit::{audit_create, AuditInput, Stage, StageInput};
use crate::transition::plan::fixtures::templates;
use crate::transition::plan::{plan_create, plan_item_check, PlanInput};
use crate::{ErrorKind, Workspace};

struct Org {
    ada: i64,
    eve: i64,
    bo: i64,
    cy: i64,
    di: i64,
    helper: i64,
    small: i64,
    plan: Plan,
    /// The reorg that moved Bo under Eve, and the one moving him back, undone since.
    to_eve: i64,
    back_undone: i64,
    bo_audit: i64,
    eve_audit_later: i64,
}

fn stage(stage: Stage, slowdown: u8, owner: i64) -> StageInput {
    StageInput {
        stage,
        slowdown,
        ai_use: 1,
        owner_id: Some(owner),
        next_change: String::new(),
    }
}

fn audit(conn: &Connection, person: i64, on: &str, stages: Vec<StageInput>) -> i64 {
    let input = AuditInput {
        scope: AuditScope::Person { id: person },
        taken_on: on.into(),
        note: String::new(),
        stages,
    };
    audit_create(conn, &input).unwrap().id
}

fn org(ws: &mut Workspace) -> Org {
    let ada = add(ws.conn(), "Ada", None);
    let eve = add(ws.conn(), "Eve", Some(ada));
    let bo = add(ws.conn(), "Bo", Some(ada));
    let cy = add(ws.conn(), "Cy", Some(bo));
    let di = add(ws.conn(), "Di", Some(bo));
    let agent = PersonInput {
        kind: PersonKind::Agent,
        manager_id: Some(bo),
        ..PersonInput::human("Helper")
    };
    let helper = person_create(ws.conn(), &agent).unwrap().id;
    let to_eve = reorg_apply(
        ws,
        &[Move {
            person_id: bo,
            to_manager: Some(eve),
        }],
        "Bo joins Eve's group",
        "2026-09-01",
    )
    .unwrap()
    .id;
    let back = reorg_apply(
        ws,
        &[Move {
            person_id: bo,
            to_manager: Some(ada),
        }],
        "Bo back under Ada",
        "2026-10-01",
    )
    .unwrap()
    .id;
    reorg_undo(ws, back).unwrap();

    // Against the "lead" targets delegate 4, decompose 3, coach 2.
    let small = framework_save(ws.conn(), &small(), false).unwrap().id;
    let rated = |d, c| {
        vec![
            rating("delegate", d, None),
            rating("decompose", 3, None),
            rating("coach", c, None),
        ]
    };
    assess(
        ws.conn(),
        bo,
        small,
        AssessorRole::SelfAssessed,
        "2026-10-15",
        rated(3, 2),
    );
    assess(
        ws.conn(),
        bo,
        small,
        AssessorRole::Manager,
        "2026-11-01",
        rated(2, 1),
    );
    let input = PlanInput {
        person_id: bo,
        profile_id: profile_resolve(ws.conn(), "lead").unwrap().id,
        start_date: "2026-12-01".into(),
        moves: [cy, di]
            .map(|p| Move {
                person_id: p,
                to_manager: Some(eve),
            })
            .to_vec(),
        direction: None,
        reports_stay: false,
        pace: None,
    };
    let plan = plan_create(ws, &input, &templates(), "2026-11-22").unwrap();

    let bo_audit = audit(
        ws.conn(),
        bo,
        "2026-12-02",
        vec![
            stage(Stage::CodeReview, 4, helper),
            stage(Stage::Planning, 3, bo),
        ],
    );
    audit(
        ws.conn(),
        eve,
        "2026-11-01",
        vec![stage(Stage::CodeReview, 2, bo)],
    );
    let eve_audit_later = audit(
        ws.conn(),
        eve,
        "2026-12-03",
        vec![stage(Stage::Strategy, 1, bo)],
    );
    Org {
        ada,
        eve,
        bo,
        cy,
        di,
        helper,
        small,
        plan,
        to_eve,
        back_undone: back,
        bo_audit,
        eve_audit_later,
    }
}

fn names(briefs: &[PersonBrief]) -> Vec<&str> {
    briefs.iter().map(|b| b.name.as_str()).collect()
}

#[test]
fn the_page_shows_the_line_above_and_below_a_person() {
    let mut ws = Workspace::in_memory().unwrap();
    let o = org(&mut ws);
    let bo = person_overview(ws.conn(), o.bo, "2026-12-16").unwrap();
    assert_eq!(bo.person.name, "Bo");
    assert_eq!(bo.person.manager_name.as_deref(), Some("Eve"));
    assert_eq!(
        names(&bo.chain),
        ["Ada", "Eve"],
        "from the top down to his manager"
    );
    assert!(bo.reports.is_empty(), "Cy and Di went to Eve with his plan");
    let agents: Vec<(&str, PersonKind)> = bo
        .agents
        .iter()
        .map(|a| (a.name.as_str(), a.kind))
        .collect();
    assert_eq!(
        agents,
        [("Helper", PersonKind::Agent)],
        "the agent stays with him"
    );

    let eve = person_overview(ws.conn(), o.eve, "2026-12-16").unwrap();
    let reports: Vec<(&str, u32, u32)> = eve
        .reports
        .iter()
        .map(|r| (r.name.as_str(), r.direct_reports, r.agents_supervised))
        .collect();
    assert_eq!(
        reports,
        [("Bo", 0, 1), ("Cy", 0, 0), ("Di", 0, 0)],
        "by name; Bo supervises the agent and manages nobody now"
    );
    assert!(eve.agents.is_empty());
    assert_eq!(names(&eve.chain), ["Ada"]);
    let ada = person_overview(ws.conn(), o.ada, "2026-12-16").unwrap();
    assert!(ada.chain.is_empty(), "Ada is at the top");
    assert_eq!(ada.reports.len(), 1, "only Eve is under Ada");
}

#[test]
fn a_report_who_shares_a_name_is_told_apart() {
    let ws = Workspace::in_memory().unwrap();
    let ada = add(ws.conn(), "Ada", None);
    let staff = PersonInput {
        title: "Staff Engineer".into(),
        manager_id: Some(ada),
        ..PersonInput::human("Sam")
    };
    person_create(ws.conn(), &staff).unwrap();
    add(ws.conn(), "Sam", None);
    let page = person_overview(ws.conn(), ada, "2026-12-16").unwrap();
    assert_eq!(
        page.reports[0].disambiguation.as_deref(),
        Some("Staff Engineer"),
        "the other Sam has no title"
    );
}

#[test]
fn gaps_are_measured_against_the_profile_of_the_newest_plan() {
    let mut ws = Workspace::in_memory().unwrap();
    let o = org(&mut ws);
    let skills = person_overview(ws.conn(), o.bo, "2026-12-16")
        .unwrap()
        .skills;
    assert_eq!(skills.target, Some(TargetSource::Plan));
    assert_eq!(skills.framework_key.as_deref(), Some("small"));
    let gaps = skills.gaps.expect("a plan names a profile");
    assert_eq!(gaps.profile.key, "lead");
    // By hand, from the manager's ratings: delegate 4 − 2 = 2, coach 2 − 1 = 1,
    // decompose 3 − 3 = 0 (not a gap); biggest first.
    let found: Vec<(&str, Option<u8>)> = gaps
        .gaps
        .iter()
        .map(|g| (g.skill_key.as_str(), g.gap))
        .collect();
    assert_eq!(found, [("delegate", Some(2)), ("coach", Some(1))]);
    assert_eq!(gaps.skills.len(), 3, "every skill, for the radar");
    let latest: Vec<(AssessorRole, &str)> = skills
        .latest
        .iter()
        .map(|a| (a.assessor_role, a.assessed_on.as_str()))
        .collect();
    assert_eq!(
        latest,
        [
            (AssessorRole::Manager, "2026-11-01"),
            (AssessorRole::SelfAssessed, "2026-10-15")
        ],
        "the newest of each role, newest first"
    );
    assert_eq!((skills.assessments_total, skills.latest[0].rated), (2, 3));
}

#[test]
fn without_a_plan_gaps_are_measured_against_the_ic_leader_profile_else_the_first() {
    let mut ws = Workspace::in_memory().unwrap();
    let o = org(&mut ws);
    // Di on the built-in framework, which has an IC-leader profile.
    let builtin = framework_resolve(ws.conn(), "ai-native-ic-leader").unwrap();
    assess(
        ws.conn(),
        o.di,
        builtin.id,
        AssessorRole::Manager,
        "2026-11-10",
        vec![rating("delegating-work", 2, None)],
    );
    let di = person_overview(ws.conn(), o.di, "2026-12-16")
        .unwrap()
        .skills;
    assert_eq!(di.target, Some(TargetSource::Default));
    assert_eq!(di.gaps.unwrap().profile.key, DEFAULT_PROFILE_KEY);
    // Eve on the small framework, whose only profile is "lead".
    assess(
        ws.conn(),
        o.eve,
        o.small,
        AssessorRole::SelfAssessed,
        "2026-11-10",
        vec![rating("coach", 1, None)],
    );
    let eve = person_overview(ws.conn(), o.eve, "2026-12-16")
        .unwrap()
        .skills;
    assert_eq!(
        (eve.target, eve.gaps.unwrap().profile.key.as_str()),
        (Some(TargetSource::Default), "lead")
    );
}

#[test]
fn someone_never_assessed_and_without_a_plan_has_no_skills_to_show() {
    let mut ws = Workspace::in_memory().unwrap();
    let o = org(&mut ws);
    let cy = person_overview(ws.conn(), o.cy, "2026-12-16").unwrap();
    assert_eq!(
        (
            cy.skills.assessments_total,
            cy.skills.latest.len(),
            cy.skills.target,
            cy.skills.framework_key
        ),
        (0, 0, None, None)
    );
    assert!(cy.skills.gaps.is_none() && cy.plans.is_empty() && cy.audits.is_empty());
}

#[test]
fn a_plan_says_what_is_done_overdue_and_due_this_week() {
    let mut ws = Workspace::in_memory().unwrap();
    let o = org(&mut ws);
    // Paced as in the plan's own tests (same ratings, targets and library):
    // delegate 3, delegate 4, coach 2 and the checkpoint, due 2026-12-15,
    // 12-31, 2027-01-30 and 03-01.
    let due: Vec<&str> = o.plan.items.iter().map(|i| i.due_date.as_str()).collect();
    assert_eq!(
        due,
        ["2026-12-15", "2026-12-31", "2027-01-30", "2027-03-01"]
    );
    // Monday 12-14: the week runs to Sunday 12-20 and holds the first item.
    let monday = person_overview(ws.conn(), o.bo, "2026-12-14").unwrap();
    let plan = &monday.plans[0];
    assert_eq!(
        (
            plan.counts.all,
            plan.counts.open,
            plan.counts.overdue,
            plan.counts.due_this_week,
            plan.counts.done
        ),
        (4, 4, 0, 1, 0)
    );
    let listed: Vec<(&str, bool)> = plan
        .due
        .iter()
        .map(|d| (d.due_date.as_str(), d.overdue))
        .collect();
    assert_eq!(listed, [("2026-12-15", false)]);
    assert_eq!(plan.week_ends_on, "2026-12-20");
    assert_eq!(
        (plan.start_date.as_str(), plan.end_date.as_str()),
        ("2026-12-01", "2027-03-01")
    );
    assert_eq!(
        (plan.profile_name.as_str(), plan.from_role.as_str()),
        ("Lead", "manager of 2")
    );

    // Wednesday 12-16: the first is overdue; ticking the second leaves nothing this week.
    plan_item_check(ws.conn(), o.plan.id, o.plan.items[1].id, true, "2026-12-16").unwrap();
    let wednesday = person_overview(ws.conn(), o.bo, "2026-12-16").unwrap();
    let plan = &wednesday.plans[0];
    assert_eq!(
        (
            plan.counts.open,
            plan.counts.overdue,
            plan.counts.due_this_week,
            plan.counts.done
        ),
        (3, 1, 0, 1)
    );
    let listed: Vec<(&str, bool)> = plan
        .due
        .iter()
        .map(|d| (d.due_date.as_str(), d.overdue))
        .collect();
    assert_eq!(listed, [("2026-12-15", true)]);
    assert_eq!(wednesday.today, "2026-12-16");
}

#[test]
fn audits_of_their_work_and_the_stages_they_own_in_the_latest_audits() {
    let mut ws = Workspace::in_memory().unwrap();
    let o = org(&mut ws);
    let bo = person_overview(ws.conn(), o.bo, "2026-12-16").unwrap();
    let audits: Vec<(i64, u32, Option<&str>)> = bo
        .audits
        .iter()
        .map(|a| (a.id, a.total_slowdown, a.worst.as_deref()))
        .collect();
    assert_eq!(
        audits,
        [(o.bo_audit, 7, Some("Code review"))],
        "4 + 3; code review is the worst"
    );
    let owned: Vec<(i64, Stage, &str)> = bo
        .owned_stages
        .iter()
        .map(|s| (s.audit_id, s.stage.stage, s.scope_name.as_str()))
        .collect();
    assert_eq!(
        owned,
        [(o.eve_audit_later, Stage::Strategy, "Eve"), (o.bo_audit, Stage::Planning, "Bo")],
        "newest audit first; Eve's audit of 11-01 (code review, his then) is superseded by her later one"
    );
    let helper = person_overview(ws.conn(), o.helper, "2026-12-16").unwrap();
    let owned: Vec<(Stage, Option<u8>)> = helper
        .owned_stages
        .iter()
        .map(|s| (s.stage.stage, s.stage.rank))
        .collect();
    assert_eq!(
        owned,
        [(Stage::CodeReview, Some(1))],
        "an agent owns a stage too; the worst bottleneck"
    );
}

#[test]
fn the_history_lists_manager_changes_not_undone_and_plan_starts_newest_first() {
    let mut ws = Workspace::in_memory().unwrap();
    let o = org(&mut ws);
    let bo = person_overview(ws.conn(), o.bo, "2026-12-16").unwrap();
    let named = |id: i64, name: &str| {
        Some(Named {
            id,
            name: Some(name.into()),
        })
    };
    assert_eq!(
        bo.history,
        [
            HistoryEvent::PlanStarted {
                on: "2026-12-01".into(),
                plan_id: o.plan.id,
                from_role: "manager of 2".into(),
                profile_name: "Lead".into(),
            },
            HistoryEvent::ManagerChanged {
                on: "2026-09-01".into(),
                change_id: o.to_eve,
                description: "Bo joins Eve's group".into(),
                from: named(o.ada, "Ada"),
                to: named(o.eve, "Eve"),
            },
        ],
        "the move back under Ada ({}) was undone",
        o.back_undone
    );
    let cy = person_overview(ws.conn(), o.cy, "2026-12-16").unwrap();
    let moved: Vec<(&str, Option<i64>, Option<i64>)> = cy
        .history
        .iter()
        .map(|e| match e {
            HistoryEvent::ManagerChanged { on, from, to, .. } => (
                on.as_str(),
                from.as_ref().map(|f| f.id),
                to.as_ref().map(|t| t.id),
            ),
            HistoryEvent::PlanStarted { .. } => panic!("Cy has no plan"),
        })
        .collect();
    assert_eq!(
        moved,
        [("2026-11-22", Some(o.bo), Some(o.eve))],
        "moved by Bo's plan"
    );
}

#[test]
fn someone_deleted_since_is_named_by_id_in_the_history_and_a_stranger_is_not_found() {
    let mut ws = Workspace::in_memory().unwrap();
    let o = org(&mut ws);
    crate::removal::person_delete(
        ws.conn(),
        o.ada,
        crate::removal::ReportsDestination::UpOneLevel,
    )
    .unwrap();
    let bo = person_overview(ws.conn(), o.bo, "2026-12-16").unwrap();
    let from = bo.history.iter().find_map(|e| match e {
        HistoryEvent::ManagerChanged { from, .. } => from.clone(),
        HistoryEvent::PlanStarted { .. } => None,
    });
    assert_eq!(
        from,
        Some(Named {
            id: o.ada,
            name: None
        }),
        "Ada is no longer in the workspace"
    );
    assert_eq!(
        names(&bo.chain),
        ["Eve"],
        "Eve moved up to the top in her place"
    );

    let err = person_overview(ws.conn(), 999, "2026-12-16").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert_eq!(err.to_string(), "no person with id 999");
}

#[test]
fn a_structure_change_written_by_another_tool_with_bad_moves_does_not_break_the_page() {
    let mut ws = Workspace::in_memory().unwrap();
    let o = org(&mut ws);
    ws.conn()
        .execute(
            "INSERT INTO structure_change (description, made_on, moves) VALUES ('odd', '2026-12-10', 'not json')",
            [],
        )
        .unwrap();
    let bo = person_overview(ws.conn(), o.bo, "2026-12-16").unwrap();
    assert_eq!(bo.history.len(), 2, "the odd change is left out");
}
