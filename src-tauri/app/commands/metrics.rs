use leadline_core::metrics::Metrics;
use leadline_core::settings::{self, Thresholds};
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn metrics_get(
    state: State<'_, AppState>,
    root_id: Option<i64>,
) -> CommandResult<Metrics> {
    Ok(state.with_workspace(move |ws| ws.metrics(root_id)).await?)
}

#[tauri::command]
pub async fn thresholds_get(state: State<'_, AppState>) -> CommandResult<Thresholds> {
    Ok(state
        .with_workspace(|ws| settings::thresholds_get(ws.conn()))
        .await?)
}

#[tauri::command]
pub async fn thresholds_set(
    state: State<'_, AppState>,
    thresholds: Thresholds,
) -> CommandResult<Thresholds> {
    Ok(state
        .with_workspace(move |ws| settings::thresholds_set(ws.conn(), thresholds))
        .await?)
}
