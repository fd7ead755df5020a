//! Every file dialog the window opens goes through here, on the Rust side: the
//! webview never names a file to write, so it needs no dialog or file
//! permission. Each dialog opens in the folder last chosen for its purpose
//! (`folders`), and the end-to-end build answers dialogs from a script instead
//! of opening them (`script`, behind the `e2e` feature: absent from normal
//! builds).
//!
//! Why a folder per purpose and not one shared folder: the files live in
//! different places — workspaces in one folder, HR exports in Downloads, plan
//! notes with other notes — and one shared folder would send the workspace
//! dialog to wherever the last plan was saved.

mod folders;
#[cfg(feature = "e2e")]
mod script;

use std::path::PathBuf;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::paths::Paths;
use crate::state::AppState;
pub use folders::LastFolders;

/// What a dialog is for; each purpose remembers its own last folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Opening and creating workspace files.
    Workspace,
    /// The CSV of an import.
    ImportFile,
    /// Skill framework documents, imported and exported.
    FrameworkFile,
    /// The whole workspace as CSV or JSON.
    WorkspaceExport,
    /// A transition plan as Markdown.
    PlanMarkdown,
}

impl Purpose {
    /// The key in the last-folders file (and the e2e log): stable across versions.
    pub fn key(self) -> &'static str {
        match self {
            Purpose::Workspace => "workspace",
            Purpose::ImportFile => "import_file",
            Purpose::FrameworkFile => "framework_file",
            Purpose::WorkspaceExport => "workspace_export",
            Purpose::PlanMarkdown => "plan_markdown",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Open,
    Save,
}

/// The one file type a dialog offers.
#[derive(Debug, Clone)]
pub struct Filter {
    pub name: String,
    pub extensions: Vec<String>,
}

/// A dialog to open: its purpose, title, file type and, for a save, the name
/// it suggests.
#[derive(Debug, Clone)]
pub struct Ask {
    pub purpose: Purpose,
    pub title: String,
    pub filter: Filter,
    pub file_name: Option<String>,
}

impl Ask {
    pub fn new(
        purpose: Purpose,
        title: impl Into<String>,
        filter_name: impl Into<String>,
        extensions: &[&str],
    ) -> Self {
        Ask {
            purpose,
            title: title.into(),
            filter: Filter {
                name: filter_name.into(),
                extensions: extensions.iter().map(|e| e.to_string()).collect(),
            },
            file_name: None,
        }
    }

    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }
}

/// The dialogs' state, one per app: the last folders and, in the e2e build,
/// the script that answers instead of GTK.
pub struct Dialogs {
    folders: LastFolders,
    #[cfg(feature = "e2e")]
    script: Option<script::Script>,
}

impl Dialogs {
    pub fn new(paths: &Paths) -> Self {
        Dialogs {
            folders: LastFolders::new(paths.dialog_folders_file()),
            #[cfg(feature = "e2e")]
            script: script::Script::from_env(),
        }
    }

    /// Dialogs answered from `dir` (see `script`) instead of opening.
    #[cfg(feature = "e2e")]
    pub fn scripted(mut self, dir: PathBuf) -> Self {
        self.script = Some(script::Script::new(dir));
        self
    }
}

/// Asks for a file to open; `None` when the user cancelled.
pub async fn open<R: Runtime>(app: &AppHandle<R>, ask: Ask) -> Option<PathBuf> {
    choose(app, Kind::Open, ask).await
}

/// Asks where to save; `None` when the user cancelled. The dialog has asked
/// before accepting an existing file (GTK's overwrite confirmation, which the
/// dialog plugin turns on), so the write after it may replace that file.
pub async fn save<R: Runtime>(app: &AppHandle<R>, ask: Ask) -> Option<PathBuf> {
    choose(app, Kind::Save, ask).await
}

/// The save flow every export shares: the suggested name is read from the
/// workspace, the dialog asks where, and the bytes are made after it closed
/// (so a change made meanwhile is in the file) and written. The dialog asked
/// before replacing a file; `file_write` still refuses the open workspace.
/// Resolves to the path written, or `None` when the user cancelled.
pub async fn save_and_write<R, N, B>(
    app: &AppHandle<R>,
    state: &AppState,
    ask: Ask,
    name: N,
    bytes: B,
) -> Result<Option<String>, leadline_core::Error>
where
    R: Runtime,
    N: FnOnce(&mut leadline_core::Workspace) -> Result<String, leadline_core::Error>
        + Send
        + 'static,
    B: FnOnce(&mut leadline_core::Workspace) -> Result<Vec<u8>, leadline_core::Error>
        + Send
        + 'static,
{
    let suggested = state.with_workspace(name).await?;
    let Some(path) = save(app, ask.file_name(suggested)).await else {
        return Ok(None);
    };
    let written = state
        .with_workspace(move |ws| {
            let bytes = bytes(ws)?;
            leadline_core::export::file_write(&path, &bytes, true, ws.path())
        })
        .await?;
    Ok(Some(written.display().to_string()))
}

async fn choose<R: Runtime>(app: &AppHandle<R>, kind: Kind, ask: Ask) -> Option<PathBuf> {
    let app = app.clone();
    // The native dialog blocks its caller until it closes (it runs on the
    // main thread); a blocking thread waits for it, not the async runtime.
    tauri::async_runtime::spawn_blocking(move || choose_now(&app, kind, ask))
        .await
        .unwrap_or_else(|e| {
            tracing::error!("the file dialog failed: {e}");
            None
        })
}

fn choose_now<R: Runtime>(app: &AppHandle<R>, kind: Kind, ask: Ask) -> Option<PathBuf> {
    let state = app.state::<AppState>();
    let dialogs = &state.dialogs;
    let directory = dialogs.folders.get(ask.purpose);
    #[cfg(feature = "e2e")]
    let chosen = match &dialogs.script {
        Some(script) => script.answer(kind, &ask, directory.as_deref()),
        None => native(app, kind, &ask, directory),
    };
    #[cfg(not(feature = "e2e"))]
    let chosen = native(app, kind, &ask, directory);
    if let Some(path) = &chosen {
        dialogs.folders.remember(ask.purpose, path);
    }
    chosen
}

fn native<R: Runtime>(
    app: &AppHandle<R>,
    kind: Kind,
    ask: &Ask,
    directory: Option<PathBuf>,
) -> Option<PathBuf> {
    let extensions: Vec<&str> = ask.filter.extensions.iter().map(String::as_str).collect();
    let mut dialog = app
        .dialog()
        .file()
        .set_title(&ask.title)
        .add_filter(&ask.filter.name, &extensions);
    if let Some(directory) = directory {
        dialog = dialog.set_directory(directory);
    }
    if let Some(name) = &ask.file_name {
        dialog = dialog.set_file_name(name);
    }
    // Modal to the window where the platform supports it (GTK ignores it).
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    let picked = match kind {
        Kind::Open => dialog.blocking_pick_file(),
        Kind::Save => dialog.blocking_save_file(),
    };
    picked.and_then(|p| p.into_path().ok())
}
