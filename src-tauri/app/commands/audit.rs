use leadline_core::transition::audit::{
    self, Audit, AuditInput, AuditScales, AuditScope, AuditSummary, DeletedAudit,
};
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn audit_scales() -> AuditScales {
    audit::audit_scales()
}

#[tauri::command]
pub async fn audit_create(state: State<'_, AppState>, input: AuditInput) -> CommandResult<Audit> {
    Ok(state
        .with_workspace(move |ws| audit::audit_create(ws.conn(), &input))
        .await?)
}

#[tauri::command]
pub async fn audit_get(state: State<'_, AppState>, id: i64) -> CommandResult<Audit> {
    Ok(state
        .with_workspace(move |ws| audit::audit_get(ws.conn(), id))
        .await?)
}

/// Audits newest first: of one person or team, or all of them.
#[tauri::command]
pub async fn audit_list(
    state: State<'_, AppState>,
    scope: Option<AuditScope>,
) -> CommandResult<Vec<AuditSummary>> {
    Ok(state
        .with_workspace(move |ws| audit::audit_list(ws.conn(), scope))
        .await?)
}

#[tauri::command]
pub async fn audit_delete(state: State<'_, AppState>, id: i64) -> CommandResult<DeletedAudit> {
    Ok(state
        .with_workspace(move |ws| audit::audit_delete(ws.conn(), id))
        .await?)
}

#[tauri::command]
pub async fn audit_restore(state: State<'_, AppState>, undo_id: i64) -> CommandResult<Audit> {
    Ok(state
        .with_workspace(move |ws| audit::audit_restore(ws.conn(), undo_id))
        .await?)
}
