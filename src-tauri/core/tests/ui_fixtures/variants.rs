//! What the window gets back after each change: every variant is made on a
//! fresh copy of the sample workspace, so one change never shows in another.

use leadline_core::import::{import_apply, ImportOptions};
use leadline_core::people::{person_create, person_move, person_page, PersonInput};
use leadline_core::removal::{person_delete, ReportsDestination};
use leadline_core::reorg::{reorg_preview, reorg_undo, Move};
use leadline_core::settings::{thresholds_set, Thresholds};
use leadline_core::skills::assessment::{
    assessment_create, assessment_delete, AssessmentInput, AssessorRole, RatingInput,
};
use leadline_core::skills::framework::{framework_export, framework_get, framework_import_preview};
use leadline_core::transition::audit::{
    audit_create, audit_delete, audit_list, AuditInput, AuditScope, Stage, StageInput,
};
use leadline_core::transition::checklist::TimeKind;
use leadline_core::transition::library::templates_effective;
use leadline_core::transition::plan::{
    plan_add_audit_actions, plan_budget_preview, plan_budget_set, plan_checkpoint_set, plan_create,
    plan_delete, plan_get, plan_item_add, plan_item_check, plan_item_delete, plan_item_update,
    plan_items_filter, plan_preview, CheckpointDecision, Direction, ItemSource, ItemStatus,
    PaceChoice, PlanInput, PlanItemEdit, PlanItemFilter, WeeklyBudget,
};
use leadline_core::transition::shipped_templates;
use leadline_core::Workspace;

use super::seed::{self, TODAY};
use super::{import_csv, removal_csv, Fixtures};

/// What the plan page gets back after each change, each made on a fresh copy
/// of the sample workspace.
pub fn plan_variants(f: &mut Fixtures) {
    let plan_of = |work: &seed::Work| work.plan.id;

    let (ws, _, work) = seed::workspace();
    let second = work.plan.items[1].id;
    f.add(
        "plan_item_checked",
        &plan_item_check(ws.conn(), plan_of(&work), second, true, TODAY).unwrap(),
    );

    let (ws, _, work) = seed::workspace();
    let item = &work.plan.items[1];
    let edit = PlanItemEdit {
        phase: 2,
        title: "Pair with two juniors".into(),
        done_when: item.done_when.clone(),
        note: "Start with Bo".into(),
        due_date: item.due_date.clone(),
        hours_per_week: 3,
        kind: TimeKind::Mentoring,
    };
    f.add(
        "plan_item_updated",
        &plan_item_update(ws.conn(), plan_of(&work), item.id, &edit, TODAY).unwrap(),
    );

    let (ws, _, work) = seed::workspace();
    let charter = PlanItemEdit {
        phase: 3,
        title: "Write a team charter".into(),
        done_when: String::new(),
        note: String::new(),
        due_date: work.plan.phases[2].end_date.clone(),
        hours_per_week: 1,
        kind: TimeKind::HandsOn,
    };
    f.add(
        "plan_item_added",
        &plan_item_add(ws.conn(), plan_of(&work), &charter, TODAY).unwrap(),
    );

    let (ws, _, work) = seed::workspace();
    let third = work.plan.items[2].id;
    f.add(
        "plan_item_deleted",
        &plan_item_delete(ws.conn(), plan_of(&work), third, TODAY).unwrap(),
    );
    f.add(
        "plan_without_item",
        &plan_get(ws.conn(), plan_of(&work), TODAY).unwrap(),
    );

    let (ws, _, work) = seed::workspace();
    let budget = WeeklyBudget {
        agents: 12,
        ..work.plan.budget
    };
    f.add(
        "plan_budget_set",
        &plan_budget_set(ws.conn(), plan_of(&work), budget, TODAY).unwrap(),
    );

    for (name, decision, note) in [
        (
            "plan_checkpoint_adjust",
            CheckpointDecision::Adjust,
            "Less hands-on, more review",
        ),
        (
            "plan_checkpoint_go_back",
            CheckpointDecision::GoBack,
            "Back to the team",
        ),
    ] {
        let (ws, _, work) = seed::workspace();
        let plan = plan_checkpoint_set(ws.conn(), plan_of(&work), Some(decision), note, TODAY);
        f.add(name, &plan.unwrap());
    }

    let (ws, _, work) = seed::workspace();
    f.add(
        "plan_audit_feed",
        &plan_add_audit_actions(ws.conn(), plan_of(&work), work.audit_later.id, TODAY).unwrap(),
    );
    let note = PlanItemEdit {
        note: "Ask Grace for last year's".into(),
        ..charter.clone()
    };
    f.add(
        "plan_with_every_source",
        &plan_item_add(ws.conn(), plan_of(&work), &note, TODAY).unwrap(),
    );

    // Grace re-assesses Ada: delegating reaches its target (closed), coaching
    // moves up one (narrowed), decomposing stays (unchanged), systems thinking
    // drops below target (widened), feedback stays above it (met), patience is
    // rated for the first time (open) and technical judgment is not rated now.
    let (ws, org, work) = seed::workspace();
    let rating = |skill: &str, level| RatingInput {
        skill_key: skill.into(),
        level,
        interest: None,
        note: String::new(),
    };
    assessment_create(
        ws.conn(),
        &AssessmentInput {
            person_id: org.ada.id,
            framework_id: org.builtin.id,
            assessor_role: AssessorRole::Manager,
            assessor_name: "Grace Hopper".into(),
            assessed_on: "2026-09-09".into(),
            round: "2026-Q3".into(),
            note: String::new(),
            ratings: vec![
                rating("delegating-work", 4),
                rating("coaching", 2),
                rating("decomposing-work", 3),
                rating("systems-thinking", 2),
                rating("giving-feedback", 4),
                rating("patience-and-perseverance", 2),
            ],
        },
    )
    .unwrap();
    f.add(
        "plan_reassessed",
        &plan_get(ws.conn(), plan_of(&work), TODAY).unwrap(),
    );

    let (mut ws, _, work) = seed::workspace();
    let change = work.plan.structure_change_id.unwrap();
    f.add(
        "structure_change_undone",
        &reorg_undo(&mut ws, change).unwrap(),
    );
    f.add(
        "plan_structure_undone",
        &plan_get(ws.conn(), plan_of(&work), TODAY).unwrap(),
    );

    let (ws, _, work) = seed::workspace();
    f.add(
        "plan_deleted",
        &plan_delete(ws.conn(), plan_of(&work), TODAY).unwrap(),
    );

    // Katherine, who manages nobody, becomes an IC leader: nobody moves.
    let (mut ws, org, _) = seed::workspace();
    let input = PlanInput {
        person_id: org.katherine.id,
        profile_id: org.profile("ic-leader").id,
        start_date: "2026-09-14".into(),
        moves: Vec::new(),
        direction: None,
        reports_stay: false,
        pace: None,
    };
    let templates = templates_effective(ws.conn(), shipped_templates()).unwrap();
    let plan = plan_create(&mut ws, &input, &templates, TODAY).unwrap();
    assert_eq!(
        (plan.direction, plan.structure_change_id),
        (Direction::ToIc, None)
    );
    f.add("plan_katherine_to_ic", &plan);

    // Back to managing: Katherine takes the Staff Engineer Alexander.
    let (mut ws, org, _) = seed::workspace();
    let input = PlanInput {
        person_id: org.katherine.id,
        profile_id: org.profile("engineering-manager").id,
        start_date: "2026-09-14".into(),
        moves: vec![Move {
            person_id: org.alexander_staff.id,
            to_manager: Some(org.katherine.id),
        }],
        direction: None,
        reports_stay: false,
        pace: None,
    };
    let templates = templates_effective(ws.conn(), shipped_templates()).unwrap();
    let plan = plan_create(&mut ws, &input, &templates, TODAY).unwrap();
    assert_eq!(plan.direction, Direction::ToManager);
    assert!(plan.items.iter().any(|i| i.source == ItemSource::Gap));
    f.add("plan_katherine_to_manager", &plan);
}

/// What the audit, skills, people and import screens get back after a change.
pub fn other_variants(f: &mut Fixtures) {
    let (ws, org, work) = seed::workspace();
    let stage = |stage, slowdown, ai_use| StageInput {
        stage,
        slowdown,
        ai_use,
        owner_id: None,
        next_change: String::new(),
    };
    let created = audit_create(
        ws.conn(),
        &AuditInput {
            scope: AuditScope::Person { id: org.ada.id },
            taken_on: "2026-09-09".into(),
            note: String::new(),
            stages: vec![stage(Stage::CodeReview, 2, 3), stage(Stage::Planning, 1, 0)],
        },
    )
    .unwrap();
    f.add("audit_created", &created);
    let ada = AuditScope::Person { id: org.ada.id };
    f.add(
        "audit_list_ada_after_create",
        &audit_list(ws.conn(), Some(ada)).unwrap(),
    );
    assert!(work.audit_later.taken_on < created.taken_on);

    let (ws, org, work) = seed::workspace();
    plan_add_audit_actions(ws.conn(), work.plan.id, work.audit_later.id, TODAY).unwrap();
    f.add(
        "audit_deleted",
        &audit_delete(ws.conn(), work.audit_later.id).unwrap(),
    );
    let ada = AuditScope::Person { id: org.ada.id };
    f.add(
        "audit_list_ada_after_delete",
        &audit_list(ws.conn(), Some(ada)).unwrap(),
    );

    let (ws, org, _) = seed::workspace();
    f.add(
        "assessment_deleted",
        &assessment_delete(ws.conn(), org.ada_self_h2.id).unwrap(),
    );

    // Before her plans and audits, Ada leaves; her people go up to Grace.
    let mut ws = Workspace::in_memory().unwrap();
    let org = seed::org(&mut ws);
    f.add(
        "person_deleted",
        &person_delete(ws.conn(), org.ada.id, ReportsDestination::UpOneLevel).unwrap(),
    );

    // Two engineers named Sam Lee join, one in each team: only their teams
    // tell them apart (the two Alexanders differ by title).
    let mut ws = Workspace::in_memory().unwrap();
    let org = seed::org(&mut ws);
    for (team, manager) in [(org.platform, &org.ada), (org.payments, &org.alan)] {
        let sam = PersonInput {
            title: "Engineer".into(),
            team_id: Some(team),
            manager_id: Some(manager.id),
            ..PersonInput::human("Sam Lee")
        };
        person_create(ws.conn(), &sam).unwrap();
    }
    f.add(
        "person_page_namesakes",
        &person_page(ws.conn(), "", 0, 200).unwrap(),
    );
    f.add("org_search_sam", &ws.org_search("sam", 20).unwrap());

    // Katherine moves under Alexander the staff engineer, who is declared an
    // IC: he becomes a single-report manager and a role mismatch, and the
    // dashboard tells him from the other Alexander by his title.
    let mut ws = Workspace::in_memory().unwrap();
    let org = seed::org(&mut ws);
    person_move(ws.conn(), org.katherine.id, Some(org.alexander_staff.id)).unwrap();
    f.add("metrics_namesakes", &ws.metrics(None).unwrap());

    // A workshop sets the wide threshold at 4: Grace (4 reports) is wide
    // already, and Ada's move doubles her span without her becoming wide.
    let mut ws = Workspace::in_memory().unwrap();
    let org = seed::org(&mut ws);
    thresholds_set(
        ws.conn(),
        Thresholds {
            narrow_span_max: 2,
            wide_span_min: 4,
        },
    )
    .unwrap();
    f.add(
        "reorg_preview_ada_to_ic_grace_wide",
        &reorg_preview(&mut ws, &org.ada_reports_to_grace()).unwrap(),
    );

    // Once someone is rated on Platform craft version 2, importing it again
    // makes version 3.
    let (ws, org, _) = seed::workspace();
    assessment_create(
        ws.conn(),
        &AssessmentInput {
            person_id: org.bo.id,
            framework_id: org.craft.id,
            assessor_role: AssessorRole::SelfAssessed,
            assessor_name: String::new(),
            assessed_on: "2026-09-01".into(),
            round: "2026-H2".into(),
            note: String::new(),
            ratings: vec![RatingInput {
                skill_key: "incident-response".into(),
                level: 4,
                interest: None,
                note: String::new(),
            }],
        },
    )
    .unwrap();
    let craft = serde_json::to_string(&framework_export(ws.conn(), org.craft.id).unwrap()).unwrap();
    f.add(
        "framework_import_preview_new_version",
        &framework_import_preview(ws.conn(), &craft).unwrap(),
    );

    let mut ws = Workspace::in_memory().unwrap();
    let org = seed::org(&mut ws);
    let confirmed = ImportOptions {
        remove_missing: true,
        confirm_removal: true,
        ..ImportOptions::default()
    };
    f.add(
        "import_summary_removal",
        &import_apply(
            ws.conn_mut(),
            removal_csv(&org).as_bytes(),
            &confirmed,
            &mut |_| {},
        )
        .unwrap(),
    );

    let (mut ws, org, _) = seed::workspace();
    let people = import_csv(&org);
    f.add(
        "import_summary",
        &import_apply(
            ws.conn_mut(),
            &people,
            &ImportOptions::default(),
            &mut |_| {},
        )
        .unwrap(),
    );
}

/// What the wizard's last step and the plan page's filters and budget editor
/// get back: a plan that fits, one that does not (Linus, rated 1 on every
/// skill, for the IC-leader role) with the choices, and the same plan with a
/// longer length chosen.
pub fn pace_variants(f: &mut Fixtures) {
    let (ws, org, work) = seed::workspace();
    let templates = templates_effective(ws.conn(), shipped_templates()).unwrap();
    let input = |person: i64, profile: &str| PlanInput {
        person_id: person,
        profile_id: org.profile(profile).id,
        start_date: "2026-09-14".into(),
        moves: Vec::new(),
        direction: None,
        reports_stay: true,
        pace: None,
    };
    f.add(
        "plan_preview_ada_tech_lead",
        &plan_preview(ws.conn(), &input(org.ada.id, "tech-lead"), &templates).unwrap(),
    );

    let builtin = framework_get(ws.conn(), org.builtin.id).unwrap();
    assessment_create(
        ws.conn(),
        &AssessmentInput {
            person_id: org.linus.id,
            framework_id: builtin.id,
            assessor_role: AssessorRole::SelfAssessed,
            assessor_name: String::new(),
            assessed_on: "2026-09-01".into(),
            round: String::new(),
            note: String::new(),
            ratings: builtin
                .areas
                .iter()
                .flat_map(|a| &a.skills)
                .map(|s| RatingInput {
                    skill_key: s.key.clone(),
                    level: 1,
                    interest: None,
                    note: String::new(),
                })
                .collect(),
        },
    )
    .unwrap();
    let overloaded = input(org.linus.id, "ic-leader");
    let pace = plan_preview(ws.conn(), &overloaded, &templates).unwrap();
    assert!(
        !pace.fits,
        "rated 1 on every skill, Linus's plan must not fit"
    );
    let longer = pace
        .choices
        .iter()
        .find(|c| matches!(c, PaceChoice::LongerPlan { .. }))
        .expect("a longer plan is offered")
        .clone();
    f.add("plan_preview_linus_overloaded", &pace);
    let chosen = PlanInput {
        pace: Some(longer),
        ..overloaded
    };
    f.add(
        "plan_preview_linus_longer",
        &plan_preview(ws.conn(), &chosen, &templates).unwrap(),
    );

    let plan = work.plan.id;
    for (name, status) in [
        ("plan_items_filter_all", ItemStatus::All),
        ("plan_items_filter_overdue", ItemStatus::Overdue),
    ] {
        let filter = PlanItemFilter {
            status,
            skill_key: None,
        };
        f.add(
            name,
            &plan_items_filter(ws.conn(), plan, &filter, TODAY).unwrap(),
        );
    }
    let smaller = WeeklyBudget {
        hands_on: 4,
        ..work.plan.budget
    };
    f.add(
        "plan_budget_preview_smaller",
        &plan_budget_preview(ws.conn(), plan, smaller, TODAY).unwrap(),
    );
}
