//! The app's state: the open workspace behind a mutex (one user, one connection
//! is enough) and where files live. Database work runs on blocking threads,
//! never on the main thread that drives the window.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use leadline_core::db::OpenMode;
use leadline_core::workspace::WorkspaceInfo;
use leadline_core::{Error, Workspace};
use tauri::{AppHandle, Manager, Runtime};

use crate::dialogs::Dialogs;
use crate::paths::Paths;

pub struct AppState {
    pub workspace: Arc<Mutex<Option<Workspace>>>,
    pub paths: Paths,
    /// Why the workspace of the last start could not be opened, for the start screen.
    pub start_error: Mutex<Option<String>>,
    /// Where each kind of file dialog opens (and, in the e2e build, its script).
    pub dialogs: Dialogs,
}

impl AppState {
    pub fn new(paths: Paths) -> Self {
        AppState {
            workspace: Arc::new(Mutex::new(None)),
            dialogs: Dialogs::new(&paths),
            paths,
            start_error: Mutex::new(None),
        }
    }

    /// File dialogs answered from the script in `dir` instead of opening (the
    /// command tests' way through a dialog; see `dialogs::script`).
    #[cfg(feature = "e2e")]
    pub fn with_dialog_script(mut self, dir: PathBuf) -> Self {
        self.dialogs = self.dialogs.scripted(dir);
        self
    }

    /// Runs `f` on the open workspace, on a blocking thread.
    pub async fn with_workspace<T, F>(&self, f: F) -> Result<T, Error>
    where
        T: Send + 'static,
        F: FnOnce(&mut Workspace) -> Result<T, Error> + Send + 'static,
    {
        let shared = self.workspace.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = shared
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            let workspace = guard.as_mut().ok_or(Error::NoWorkspace)?;
            f(workspace)
        })
        .await
        .map_err(|e| Error::Internal(format!("the background task failed: {e}")))?
    }

    /// Opens (or creates) a workspace file and makes it the current one. The
    /// previous workspace stays open if this fails.
    pub async fn open(
        &self,
        path: PathBuf,
        mode: OpenMode,
        seed_demo: bool,
    ) -> Result<WorkspaceInfo, Error> {
        let shared = self.workspace.clone();
        let paths = self.paths.clone();
        tauri::async_runtime::spawn_blocking(move || {
            open_now(&shared, &paths, &path, mode, seed_demo)
        })
        .await
        .map_err(|e| Error::Internal(format!("the background task failed: {e}")))?
    }
}

fn open_now(
    shared: &Mutex<Option<Workspace>>,
    paths: &Paths,
    path: &Path,
    mode: OpenMode,
    seed_demo: bool,
) -> Result<WorkspaceInfo, Error> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if mode == OpenMode::CreateIfMissing {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::io(format!("cannot create {}", parent.display()), e))?;
        }
    }
    let mut workspace = Workspace::open(path, mode)?;
    if seed_demo && workspace.info()?.people == 0 {
        leadline_core::demo::demo_seed(workspace.conn_mut())?;
    }
    let info = workspace.info()?;
    *shared
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(workspace);
    paths.remember(path);
    Ok(info)
}

pub fn window_title(info: Option<&WorkspaceInfo>) -> String {
    match info {
        Some(info) => format!("{} — Leadline", info.file_name),
        None => "Leadline".into(),
    }
}

pub fn set_title<R: Runtime>(app: &AppHandle<R>, info: Option<&WorkspaceInfo>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&window_title(info));
    }
}

/// At start: the workspace given on the command line, else the demo when asked,
/// else the one opened last, else the default workspace (created when missing).
pub fn open_at_start<R: Runtime>(app: &AppHandle<R>, requested: Option<PathBuf>, demo: bool) {
    let state = app.state::<AppState>();
    let paths = &state.paths;
    if let Err(e) = paths.ensure_data_dir() {
        tracing::error!(
            "cannot create the data directory {}: {e}",
            paths.data_dir.display()
        );
    }
    let (path, seed) = match (requested, demo) {
        (Some(path), _) => (path, false),
        (None, true) => (paths.demo_workspace(), true),
        (None, false) => (
            paths
                .last_workspace()
                .unwrap_or_else(|| paths.default_workspace()),
            false,
        ),
    };
    match open_now(
        &state.workspace,
        paths,
        &path,
        OpenMode::CreateIfMissing,
        seed,
    ) {
        Ok(info) => set_title(app, Some(&info)),
        Err(e) => {
            // The window still opens, on the start screen, and says why.
            tracing::error!("cannot open {}: {e}", path.display());
            *state.start_error.lock().unwrap_or_else(|p| p.into_inner()) =
                Some(format!("Could not open {}: {e}", path.display()));
        }
    }
}
