use leadline_core::teams::{self, Team};
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn team_list(state: State<'_, AppState>) -> CommandResult<Vec<Team>> {
    Ok(state
        .with_workspace(|ws| teams::team_list(ws.conn()))
        .await?)
}

#[tauri::command]
pub async fn team_create(state: State<'_, AppState>, name: String) -> CommandResult<Team> {
    Ok(state
        .with_workspace(move |ws| teams::team_create(ws.conn(), &name))
        .await?)
}

#[tauri::command]
pub async fn team_rename(state: State<'_, AppState>, id: i64, name: String) -> CommandResult<Team> {
    Ok(state
        .with_workspace(move |ws| teams::team_rename(ws.conn(), id, &name))
        .await?)
}

#[tauri::command]
pub async fn team_delete(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(state
        .with_workspace(move |ws| teams::team_delete(ws.conn(), id))
        .await?)
}
