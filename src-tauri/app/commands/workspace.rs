use std::path::PathBuf;

use leadline_core::db::OpenMode;
use leadline_core::workspace::WorkspaceInfo;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use super::CommandResult;
use crate::state::{set_title, AppState};

const EXTENSION: &str = "leadline";

#[tauri::command]
pub async fn workspace_info(state: State<'_, AppState>) -> CommandResult<Option<WorkspaceInfo>> {
    match state.with_workspace(|ws| ws.info()).await {
        Ok(info) => Ok(Some(info)),
        Err(leadline_core::Error::NoWorkspace) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The user's local date (YYYY-MM-DD): the one "today" the window's forms
/// default to, the same the shell gives the core for ticks and overdue flags.
#[tauri::command]
pub fn today() -> String {
    crate::clock::today()
}

#[tauri::command]
pub fn workspace_start_error(state: State<'_, AppState>) -> Option<String> {
    state
        .start_error
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
}

async fn open<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    path: PathBuf,
    mode: OpenMode,
    demo: bool,
) -> CommandResult<WorkspaceInfo> {
    let info = state.open(path, mode, demo).await?;
    set_title(app, Some(&info));
    Ok(info)
}

#[tauri::command]
pub async fn workspace_open<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
) -> CommandResult<WorkspaceInfo> {
    open(&app, &state, path, OpenMode::MustExist, false).await
}

#[tauri::command]
pub async fn workspace_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
) -> CommandResult<WorkspaceInfo> {
    open(
        &app,
        &state,
        with_extension(path),
        OpenMode::CreateIfMissing,
        false,
    )
    .await
}

#[tauri::command]
pub async fn workspace_open_demo<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<WorkspaceInfo> {
    let path = state.paths.demo_workspace();
    open(&app, &state, path, OpenMode::CreateIfMissing, true).await
}

#[tauri::command]
pub async fn workspace_pick_open<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<WorkspaceInfo>> {
    let picked = app
        .dialog()
        .file()
        .set_title("Open workspace")
        .add_filter("Leadline workspace", &[EXTENSION])
        .blocking_pick_file();
    match picked.and_then(|p| p.into_path().ok()) {
        Some(path) => Ok(Some(
            open(&app, &state, path, OpenMode::MustExist, false).await?,
        )),
        None => Ok(None),
    }
}

#[tauri::command]
pub async fn workspace_pick_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<WorkspaceInfo>> {
    let picked = app
        .dialog()
        .file()
        .set_title("Create workspace")
        .set_file_name("team.leadline")
        .add_filter("Leadline workspace", &[EXTENSION])
        .blocking_save_file();
    match picked.and_then(|p| p.into_path().ok()) {
        Some(path) => Ok(Some(
            open(
                &app,
                &state,
                with_extension(path),
                OpenMode::CreateIfMissing,
                false,
            )
            .await?,
        )),
        None => Ok(None),
    }
}

fn with_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(EXTENSION)
    }
}
