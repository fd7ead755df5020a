//! Where Leadline keeps its files. `LEADLINE_DATA_DIR` overrides the platform's
//! data directory so tests and demos never touch a user's real workspace.

use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Paths {
    pub data_dir: PathBuf,
}

impl Paths {
    pub fn from_env() -> Self {
        let data_dir = std::env::var_os("LEADLINE_DATA_DIR")
            .map(PathBuf::from)
            .or_else(|| dirs::data_dir().map(|d| d.join("leadline")))
            .unwrap_or_else(|| PathBuf::from(".leadline"));
        Paths { data_dir }
    }

    pub fn default_workspace(&self) -> PathBuf {
        self.data_dir.join("workspace.leadline")
    }

    pub fn demo_workspace(&self) -> PathBuf {
        self.data_dir.join("demo.leadline")
    }

    /// A one-line text file holding the path of the workspace opened last.
    pub fn last_workspace_record(&self) -> PathBuf {
        self.data_dir.join("last-workspace")
    }

    /// The folder each kind of file dialog was last used in (see `dialogs::folders`).
    pub fn dialog_folders_file(&self) -> PathBuf {
        self.data_dir.join("dialog-folders.json")
    }

    pub fn last_workspace(&self) -> Option<PathBuf> {
        let text = std::fs::read_to_string(self.last_workspace_record()).ok()?;
        let path = PathBuf::from(text.trim());
        path.exists().then_some(path)
    }

    pub fn remember(&self, workspace: &std::path::Path) {
        let _ = std::fs::create_dir_all(&self.data_dir);
        if let Err(e) = std::fs::write(
            self.last_workspace_record(),
            workspace.display().to_string(),
        ) {
            tracing::warn!("could not remember the last workspace: {e}");
        }
    }

    pub fn ensure_data_dir(&self) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.data_dir)
    }
}
