use std::path::PathBuf;

use leadline_core::db::OpenMode;
use leadline_core::workspace::WorkspaceInfo;
use tauri::{AppHandle, Runtime, State};

use super::CommandResult;
use crate::dialogs::{self, Ask, Purpose};
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
pub async fn workspace_open_demo<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<WorkspaceInfo> {
    let path = state.paths.demo_workspace();
    open(&app, &state, path, OpenMode::CreateIfMissing, true).await
}

/// Asks for a workspace file and opens it; null when the user cancelled.
#[tauri::command]
pub async fn workspace_pick_open<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<WorkspaceInfo>> {
    let ask = Ask::new(
        Purpose::Workspace,
        "Open workspace",
        "Leadline workspace",
        &[EXTENSION],
    );
    match dialogs::open(&app, ask).await {
        Some(path) => Ok(Some(
            open(&app, &state, path, OpenMode::MustExist, false).await?,
        )),
        None => Ok(None),
    }
}

/// Asks where to create a workspace and opens it there; null when the user
/// cancelled. A name that already holds a workspace opens that one: the
/// dialog's "replace?" is never taken as leave to delete a workspace.
#[tauri::command]
pub async fn workspace_pick_create<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Option<WorkspaceInfo>> {
    let ask = Ask::new(
        Purpose::Workspace,
        "Create workspace",
        "Leadline workspace",
        &[EXTENSION],
    )
    .file_name(format!("team.{EXTENSION}"));
    match dialogs::save(&app, ask).await {
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
