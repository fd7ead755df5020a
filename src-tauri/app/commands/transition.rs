use leadline_core::transition::checklist::PracticeTemplate;
use leadline_core::transition::library::{self, TemplateSkill};
use leadline_core::transition::plan::{
    self, AuditFeed, CheckpointDecision, DeletedPlan, DeletedPlanItem, Plan, PlanInput,
    PlanItemEdit, PlanItemFilter, PlanItemMatches, PlanPace, WeeklyBudget,
};
use leadline_core::transition::shipped_templates;
use leadline_core::Error;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_clipboard_manager::ClipboardExt;

use super::CommandResult;
use crate::dialogs::{self, Ask, Purpose};
use crate::state::AppState;

#[tauri::command]
pub async fn plan_create(state: State<'_, AppState>, input: PlanInput) -> CommandResult<Plan> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| {
            let templates = library::templates_effective(ws.conn(), shipped_templates())?;
            plan::plan_create(ws, &input, &templates, &today)
        })
        .await?)
}

/// The plan `input` would make, paced over its days, with whether it fits the
/// budget and, when it does not, the choices; nothing is written.
#[tauri::command]
pub async fn plan_preview(state: State<'_, AppState>, input: PlanInput) -> CommandResult<PlanPace> {
    Ok(state
        .with_workspace(move |ws| {
            let templates = library::templates_effective(ws.conn(), shipped_templates())?;
            plan::plan_preview(ws.conn(), &input, &templates)
        })
        .await?)
}

#[tauri::command]
pub async fn plan_get(state: State<'_, AppState>, id: i64) -> CommandResult<Plan> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| plan::plan_get(ws.conn(), id, &today))
        .await?)
}

#[tauri::command]
pub async fn plan_list(state: State<'_, AppState>, person_id: i64) -> CommandResult<Vec<Plan>> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| plan::plan_list(ws.conn(), person_id, &today))
        .await?)
}

#[tauri::command]
pub async fn plan_item_check(
    state: State<'_, AppState>,
    plan_id: i64,
    item_id: i64,
    done: bool,
) -> CommandResult<Plan> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| plan::plan_item_check(ws.conn(), plan_id, item_id, done, &today))
        .await?)
}

#[tauri::command]
pub async fn plan_item_update(
    state: State<'_, AppState>,
    plan_id: i64,
    item_id: i64,
    edit: PlanItemEdit,
) -> CommandResult<Plan> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| {
            plan::plan_item_update(ws.conn(), plan_id, item_id, &edit, &today)
        })
        .await?)
}

#[tauri::command]
pub async fn plan_item_add(
    state: State<'_, AppState>,
    plan_id: i64,
    edit: PlanItemEdit,
) -> CommandResult<Plan> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| plan::plan_item_add(ws.conn(), plan_id, &edit, &today))
        .await?)
}

#[tauri::command]
pub async fn plan_item_delete(
    state: State<'_, AppState>,
    plan_id: i64,
    item_id: i64,
) -> CommandResult<DeletedPlanItem> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| plan::plan_item_delete(ws.conn(), plan_id, item_id, &today))
        .await?)
}

#[tauri::command]
pub async fn plan_item_restore(state: State<'_, AppState>, undo_id: i64) -> CommandResult<Plan> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| plan::plan_item_restore(ws.conn(), undo_id, &today))
        .await?)
}

#[tauri::command]
pub async fn plan_budget_set(
    state: State<'_, AppState>,
    plan_id: i64,
    budget: WeeklyBudget,
) -> CommandResult<Plan> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| plan::plan_budget_set(ws.conn(), plan_id, budget, &today))
        .await?)
}

/// The items not done re-paced for a budget, without writing.
#[tauri::command]
pub async fn plan_budget_preview(
    state: State<'_, AppState>,
    plan_id: i64,
    budget: WeeklyBudget,
) -> CommandResult<PlanPace> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| plan::plan_budget_preview(ws.conn(), plan_id, budget, &today))
        .await?)
}

/// The items the plan page shows for a filter, with the counts.
#[tauri::command]
pub async fn plan_items_filter(
    state: State<'_, AppState>,
    plan_id: i64,
    filter: PlanItemFilter,
) -> CommandResult<PlanItemMatches> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| plan::plan_items_filter(ws.conn(), plan_id, &filter, &today))
        .await?)
}

#[tauri::command]
pub async fn plan_checkpoint_set(
    state: State<'_, AppState>,
    plan_id: i64,
    decision: Option<CheckpointDecision>,
    note: String,
) -> CommandResult<Plan> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| {
            plan::plan_checkpoint_set(ws.conn(), plan_id, decision, &note, &today)
        })
        .await?)
}

#[tauri::command]
pub async fn plan_add_audit_actions(
    state: State<'_, AppState>,
    plan_id: i64,
    audit_id: i64,
) -> CommandResult<AuditFeed> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| {
            plan::plan_add_audit_actions(ws.conn(), plan_id, audit_id, &today)
        })
        .await?)
}

/// Deletes a plan (the people it moved stay where they are); pass the result to
/// plan_restore to undo.
#[tauri::command]
pub async fn plan_delete(state: State<'_, AppState>, id: i64) -> CommandResult<DeletedPlan> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| plan::plan_delete(ws.conn(), id, &today))
        .await?)
}

#[tauri::command]
pub async fn plan_restore(state: State<'_, AppState>, undo_id: i64) -> CommandResult<Plan> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| plan::plan_restore(ws.conn(), undo_id, &today))
        .await?)
}

/// Asks where to save the plan's Markdown (suggesting "<name> transition
/// plan.md" in the folder of the last plan saved), then writes it. Resolves
/// to the path written, or null when the user cancelled.
#[tauri::command]
pub async fn plan_markdown_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<Option<String>> {
    let today = crate::clock::today();
    let ask = Ask::new(
        Purpose::PlanMarkdown,
        "Export the plan as Markdown",
        "Markdown",
        &["md"],
    );
    let name_today = today.clone();
    Ok(dialogs::save_and_write(
        &app,
        &state,
        ask,
        move |ws| {
            Ok(plan::plan_file_name(&plan::plan_get(
                ws.conn(),
                id,
                &name_today,
            )?))
        },
        move |ws| Ok(plan::plan_markdown(&plan::plan_get(ws.conn(), id, &today)?).into_bytes()),
    )
    .await?)
}

/// Copies the plan's Markdown to the system clipboard and returns it, for the
/// window to show what was copied.
#[tauri::command]
pub async fn plan_markdown_copy<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<String> {
    let today = crate::clock::today();
    let text = state
        .with_workspace(move |ws| Ok(plan::plan_markdown(&plan::plan_get(ws.conn(), id, &today)?)))
        .await?;
    app.clipboard().write_text(text.as_str()).map_err(|e| {
        Error::io(
            "could not copy the plan to the clipboard",
            std::io::Error::other(e.to_string()),
        )
    })?;
    Ok(text)
}

/// The practice-template library for one framework's skills.
#[tauri::command]
pub async fn template_library(
    state: State<'_, AppState>,
    framework_id: i64,
) -> CommandResult<Vec<TemplateSkill>> {
    Ok(state
        .with_workspace(move |ws| {
            library::template_library(ws.conn(), framework_id, shipped_templates())
        })
        .await?)
}

/// Replaces one skill and level's items; returns the items in use before (for undo).
#[tauri::command]
pub async fn template_set(
    state: State<'_, AppState>,
    skill_key: String,
    level: u8,
    items: Vec<PracticeTemplate>,
) -> CommandResult<Vec<PracticeTemplate>> {
    Ok(state
        .with_workspace(move |ws| {
            library::template_set(ws.conn(), shipped_templates(), &skill_key, level, &items)
        })
        .await?)
}

/// Brings back the shipped items; returns the user's items removed (for undo).
#[tauri::command]
pub async fn template_reset(
    state: State<'_, AppState>,
    skill_key: String,
    level: u8,
) -> CommandResult<Vec<PracticeTemplate>> {
    Ok(state
        .with_workspace(move |ws| {
            library::template_reset(ws.conn(), shipped_templates(), &skill_key, level)
        })
        .await?)
}

/// The limits plans and templates are held to, for forms to show before saving.
#[tauri::command]
pub fn plan_limits() -> leadline_core::transition::PlanLimits {
    leadline_core::transition::plan_limits()
}
