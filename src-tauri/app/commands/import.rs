use std::path::PathBuf;

use leadline_core::import::{self, ImportOptions, ImportPreview, ImportProgress, ImportSummary};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn import_pick_file<R: Runtime>(app: AppHandle<R>) -> Option<String> {
    app.dialog()
        .file()
        .set_title("Import people from a CSV file")
        .add_filter("CSV or text export", &["csv", "tsv", "txt"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string())
}

#[tauri::command]
pub async fn import_preview(
    state: State<'_, AppState>,
    path: PathBuf,
    options: ImportOptions,
) -> CommandResult<ImportPreview> {
    Ok(state
        .with_workspace(move |ws| import::import_preview_file(ws.conn(), &path, &options))
        .await?)
}

#[tauri::command]
pub async fn import_apply(
    state: State<'_, AppState>,
    path: PathBuf,
    options: ImportOptions,
    on_progress: Channel<ImportProgress>,
) -> CommandResult<ImportSummary> {
    Ok(state
        .with_workspace(move |ws| {
            import::import_apply_file(ws.conn_mut(), &path, &options, &mut |progress| {
                // A closed window drops the channel; the import itself goes on.
                let _ = on_progress.send(progress);
            })
        })
        .await?)
}
