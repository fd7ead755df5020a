use std::path::PathBuf;

use leadline_core::{export, Error};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use super::CommandResult;
use crate::state::AppState;

fn write(
    workspace: &leadline_core::Workspace,
    format: &str,
    path: &std::path::Path,
) -> Result<String, Error> {
    let bytes = match format {
        "csv" => export::export_csv(workspace.conn())?,
        "json" => export::export_json(workspace.conn())?,
        other => {
            return Err(Error::InvalidInput(format!(
                "unknown export format \"{other}\": use csv or json"
            )))
        }
    };
    std::fs::write(path, bytes)
        .map_err(|e| Error::io(format!("cannot write {}", path.display()), e))?;
    Ok(path.display().to_string())
}

/// Writes the whole workspace as CSV or JSON to a path typed by the user.
#[tauri::command]
pub async fn export_write(
    state: State<'_, AppState>,
    format: String,
    path: PathBuf,
) -> CommandResult<String> {
    Ok(state
        .with_workspace(move |ws| write(ws, &format, &path))
        .await?)
}

/// Asks where to save, then writes the whole workspace as CSV or JSON.
#[tauri::command]
pub async fn export_pick_and_write<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    format: String,
) -> CommandResult<Option<String>> {
    let extension = match format.as_str() {
        "csv" | "json" => format.clone(),
        other => {
            return Err(Error::InvalidInput(format!(
                "unknown export format \"{other}\": use csv or json"
            ))
            .into())
        }
    };
    let Some(path) = app
        .dialog()
        .file()
        .set_title("Export workspace")
        .set_file_name(format!("leadline-export.{extension}"))
        .add_filter(extension.to_uppercase(), &[extension.as_str()])
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
    else {
        return Ok(None);
    };
    Ok(Some(
        state
            .with_workspace(move |ws| write(ws, &format, &path))
            .await?,
    ))
}
