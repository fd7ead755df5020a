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
    let suggested = state
        .with_workspace(move |ws| Ok(export::export_file_name(ws.path(), format)))
        .await?;
    let kind = format.extension().to_uppercase();
    let ask = Ask::new(
        Purpose::WorkspaceExport,
        format!("Export the workspace as {kind}"),
        kind,
        &[format.extension()],
    )
    .file_name(suggested);
    let Some(path) = dialogs::save(&app, ask).await else {
        return Ok(None);
    };
    // The save dialog asked before replacing a file; the core still refuses
    // the open workspace, whatever was chosen.
    Ok(Some(
        state
            .with_workspace(move |ws| {
                let bytes = export::export_bytes(ws.conn(), format)?;
                let written = export::file_write(&path, &bytes, true, ws.path())?;
                Ok(written.display().to_string())
            })
            .await?,
    ))
}
