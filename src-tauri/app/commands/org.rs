use leadline_core::org::{OrgMatches, OrgNode};
use leadline_core::workspace::OrgChildren;
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn org_children(
    state: State<'_, AppState>,
    parent_id: Option<i64>,
    offset: u32,
    limit: u32,
) -> CommandResult<OrgChildren> {
    Ok(state
        .with_workspace(move |ws| ws.org_children(parent_id, offset, limit.min(1000)))
        .await?)
}

#[tauri::command]
pub async fn org_chain(state: State<'_, AppState>, id: i64) -> CommandResult<Vec<OrgNode>> {
    Ok(state.with_workspace(move |ws| ws.org_chain(id)).await?)
}

#[tauri::command]
pub async fn org_search(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
) -> CommandResult<OrgMatches> {
    Ok(state
        .with_workspace(move |ws| ws.org_search(&query, limit.min(200) as usize))
        .await?)
}
