//! A plan as a Markdown checklist any editor renders: a heading with the move
//! and the weekly budget, each phase with its items, the checkpoint's decision
//! and the table of skill gaps.

use super::direction::questions;
use super::{ItemSource, PhaseProgress, Plan, PlanItem};

/// The plan as a Markdown checklist any editor renders.
pub fn plan_markdown(plan: &Plan) -> String {
    let mut out = markdown_heading(plan);
    for phase in &plan.phases {
        out.push_str(&markdown_phase(plan, phase));
    }
    out.push_str(&markdown_checkpoint(plan));
    out.push_str(&markdown_gaps(plan));
    out
}

/// The name a save dialog suggests for the plan's Markdown:
/// "Ada Lovelace transition plan.md", made safe for any file system.
pub fn plan_file_name(plan: &Plan) -> String {
    crate::export::file_name_safe(
        &format!("{} transition plan", plan.person_name),
        "md",
        "transition plan",
    )
}

/// The title, the structure change the plan made and the weekly budget.
fn markdown_heading(plan: &Plan) -> String {
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
    out
}

/// One phase: its heading with progress and goal, then its items.
fn markdown_phase(plan: &Plan, phase: &PhaseProgress) -> String {
    let mut out = format!(
        "\n## {} (until {}) — {}/{} done\n\n{}\n\n",
        phase.title, phase.end_date, phase.done, phase.total, phase.goal
    );
    for item in plan.items.iter().filter(|i| i.phase == phase.phase) {
        out.push_str(&markdown_item(item));
    }
    out
}

/// One item as a task line, with what it is for, when it is done, its note and
/// its due date beneath.
fn markdown_item(item: &PlanItem) -> String {
    let mark = if item.done_on.is_some() { "x" } else { " " };
    let mut out = format!("- [{mark}] {}{}\n", item.title, item_about(item));
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
    out
}

/// Where the item came from, in italics after its title; nothing for the checkpoint.
fn item_about(item: &PlanItem) -> String {
    match (item.source, item.level) {
        (ItemSource::Gap, Some(level)) => format!(" *({} → {level})*", item.skill_name),
        (ItemSource::Audit, _) => format!(" *({})*", item.skill_name),
        (ItemSource::Own, _) => " *(own item)*".to_string(),
        _ => String::new(),
    }
}

/// The decision taken at the checkpoint and the note beside it; empty before it.
fn markdown_checkpoint(plan: &Plan) -> String {
    let Some(decision) = plan.checkpoint_decision else {
        return String::new();
    };
    let mut out = format!("\n## Checkpoint decision: {}\n", decision.label());
    if !plan.checkpoint_note.is_empty() {
        out.push_str(&format!("\n{}\n", plan.checkpoint_note));
    }
    out
}

/// Each target skill's rating at the start and now, as a table.
fn markdown_gaps(plan: &Plan) -> String {
    if plan.gaps.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "\n## Skill gaps (start: assessment of {}{})\n\n| Skill | Target | At start | Now | |\n|---|---|---|---|---|\n",
        plan.baseline_on.as_deref().unwrap_or("—"),
        plan.reassessed_on
            .as_deref()
            .map(|d| format!("; now: re-assessed {d}"))
            .unwrap_or_default()
    );
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
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::bo_with_a_plan;
    use super::*;
    use crate::Workspace;

    #[test]
    fn the_markdown_file_is_named_after_the_person_safely() {
        let mut ws = Workspace::in_memory().unwrap();
        let (_, _, mut plan) = bo_with_a_plan(&mut ws);
        assert_eq!(
            plan_file_name(&plan),
            format!("{} transition plan.md", plan.person_name)
        );
        plan.person_name = "Bo / \"the Builder\"".into();
        assert_eq!(
            plan_file_name(&plan),
            "Bo the Builder transition plan.md",
            "a slash would make a folder of the name"
        );
    }
}
