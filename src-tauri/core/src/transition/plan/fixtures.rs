//! Fixtures the plan's tests share: a small practice library, Bo's assessment
//! and plan, and the reporting lines to compare before and after a change.

use rusqlite::Connection;

use super::{plan_create, Plan, PlanInput, PlanItem, PlanItemEdit};
use crate::people::tests::{add, reporting_lines};
use crate::skills::assessment::AssessorRole;
use crate::skills::framework::{framework_save, profile_resolve};
use crate::skills::tests::{assess, rating, small};
use crate::transition::checklist::{
    PracticeTemplate, PracticeTemplates, TimeKind, TEMPLATES_FORMAT,
};
use crate::Workspace;

/// One practice item per skill and level of the `small` framework: two hours
/// a week supervising agents.
pub(crate) fn templates() -> PracticeTemplates {
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
pub(super) fn assess_bo(conn: &Connection, bo: i64, framework: i64) {
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

pub(super) fn structure(ws: &Workspace) -> Vec<(i64, Option<i64>)> {
    reporting_lines(ws.conn())
}

/// Bo (under Ada) has a manager assessment on 2026-11-01: delegate 2, decompose 3,
/// coach 1 against the "lead" targets 4, 3, 2; his plan starts 2026-12-01.
pub(super) fn bo_with_a_plan(ws: &mut Workspace) -> (i64, i64, Plan) {
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
        pace: None,
    };
    let plan = plan_create(ws, &input, &templates(), "2026-11-22").unwrap();
    (f.id, bo, plan)
}

pub(super) fn edit_of(item: &PlanItem) -> PlanItemEdit {
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
