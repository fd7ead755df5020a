use std::path::PathBuf;

use leadline_core::import::{self, ImportOptions, ImportPreview, ImportProgress, ImportSummary};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};

use super::CommandResult;
use crate::dialogs::{self, Ask, Purpose};
use crate::state::AppState;

/// Asks for the CSV to import; null when the user cancelled.
#[tauri::command]
pub async fn import_pick_file<R: Runtime>(app: AppHandle<R>) -> Option<String> {
    let ask = Ask::new(
        Purpose::ImportFile,
        "Import people from a CSV file",
        "CSV or text export",
        &["csv", "tsv", "txt"],
    );
    dialogs::open(&app, ask)
        .await
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
    mut options: ImportOptions,
    on_progress: Channel<ImportProgress>,
) -> CommandResult<ImportSummary> {
    // The org is snapshotted before every import, dated by the shell's clock.
    options.taken_at = Some(crate::clock::now());
    Ok(state
        .with_workspace(move |ws| {
            import::import_apply_file(ws.conn_mut(), &path, &options, &mut |progress| {
                // A closed window drops the channel; the import itself goes on.
                let _ = on_progress.send(progress);
            })
        })
        .await?)
}
