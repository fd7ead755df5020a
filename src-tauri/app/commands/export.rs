use std::path::{Path, PathBuf};

use leadline_core::export::{self, ExportFormat};
use leadline_core::{Error, Workspace};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use super::CommandResult;
use crate::state::AppState;

fn write(
    workspace: &Workspace,
    format: ExportFormat,
    path: &Path,
    overwrite: bool,
) -> Result<String, Error> {
    let bytes = export::export_bytes(workspace.conn(), format)?;
    let written = export::file_write(path, &bytes, overwrite, workspace.path())?;
    Ok(written.display().to_string())
}

/// Writes the whole workspace as CSV or JSON to a path typed by the user; an
/// existing file is replaced only when `overwrite` (the window asks first).
#[tauri::command]
pub async fn export_write(
    state: State<'_, AppState>,
    format: ExportFormat,
    path: PathBuf,
    overwrite: bool,
) -> CommandResult<String> {
    Ok(state
        .with_workspace(move |ws| write(ws, format, &path, overwrite))
        .await?)
}

/// Asks where to save, then writes the whole workspace as CSV or JSON.
#[tauri::command]
pub async fn export_pick_and_write<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    format: ExportFormat,
) -> CommandResult<Option<String>> {
    let extension = format.extension();
    let Some(path) = app
        .dialog()
        .file()
        .set_title("Export workspace")
        .set_file_name(format!("leadline-export.{extension}"))
        .add_filter(extension.to_uppercase(), &[extension])
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
    else {
        return Ok(None);
    };
    // The native save dialog has asked before replacing a file.
    Ok(Some(
        state
            .with_workspace(move |ws| write(ws, format, &path, true))
            .await?,
    ))
}
