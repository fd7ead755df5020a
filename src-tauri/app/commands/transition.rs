use std::path::PathBuf;

use leadline_core::transition::checklist::PracticeTemplates;
use leadline_core::transition::plan::{self, Plan, PlanInput};
use leadline_core::transition::BUILTIN_TEMPLATES;
use leadline_core::Error;
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn plan_create(state: State<'_, AppState>, input: PlanInput) -> CommandResult<Plan> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| {
            let templates = PracticeTemplates::parse(BUILTIN_TEMPLATES)?;
            plan::plan_create(ws, &input, &templates, &today)
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
pub async fn plan_markdown(state: State<'_, AppState>, id: i64) -> CommandResult<String> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| Ok(plan::plan_markdown(&plan::plan_get(ws.conn(), id, &today)?)))
        .await?)
}

/// Writes the plan's Markdown checklist to a path typed by the user.
#[tauri::command]
pub async fn plan_markdown_write(
    state: State<'_, AppState>,
    id: i64,
    path: PathBuf,
) -> CommandResult<String> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| {
            let text = plan::plan_markdown(&plan::plan_get(ws.conn(), id, &today)?);
            std::fs::write(&path, text)
                .map_err(|e| Error::io(format!("cannot write {}", path.display()), e))?;
            Ok(path.display().to_string())
        })
        .await?)
}
