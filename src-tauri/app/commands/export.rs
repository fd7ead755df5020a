use leadline_core::export::{self, ExportFormat};
use tauri::{AppHandle, Runtime, State};

use super::CommandResult;
use crate::dialogs::{self, Ask, Purpose};
use crate::state::AppState;

/// Asks where to save (suggesting the workspace's own name, in the folder of
/// the last export), then writes the whole workspace as CSV or JSON. Resolves
/// to the path written, or null when the user cancelled.
#[tauri::command]
pub async fn export_pick_and_write<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    format: ExportFormat,
) -> CommandResult<Option<String>> {
    let kind = format.extension().to_uppercase();
    let ask = Ask::new(
        Purpose::WorkspaceExport,
        format!("Export the workspace as {kind}"),
        kind,
        &[format.extension()],
    );
    Ok(dialogs::save_and_write(
        &app,
        &state,
        ask,
        move |ws| Ok(export::export_file_name(ws.path(), format)),
        move |ws| export::export_bytes(ws.conn(), format),
    )
    .await?)
}
