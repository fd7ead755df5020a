//! The end-to-end tests' stand-in for the native dialogs (built only with the
//! `e2e` feature): WebDriver cannot click a GTK file chooser, so when
//! `LEADLINE_E2E_DIALOGS` names a folder, a dialog answers from the file
//! `answers` there instead of opening, and records what it was asked in
//! `asked.jsonl`.
//!
//! - `answers`: one answer per line, used first to last. A path is the file
//!   chosen; for a save dialog, a path ending in `/` is a folder in which the
//!   suggested name is kept (the user pressed Save); an empty line cancels.
//!   With no answer left the dialog cancels and says so in the log.
//! - `asked.jsonl`: one JSON object per dialog: `kind` ("open" or "save"),
//!   `purpose`, `title`, `directory` (where it opened; null for the system's
//!   default), `file_name` (suggested), `filter` (`name`, `extensions`).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::{Ask, Kind};

pub const ENV: &str = "LEADLINE_E2E_DIALOGS";

pub struct Script {
    dir: PathBuf,
    /// Two commands may ask at once; each takes its own answer.
    answering: Mutex<()>,
}

impl Script {
    pub fn new(dir: PathBuf) -> Self {
        Script {
            dir,
            answering: Mutex::new(()),
        }
    }

    pub fn from_env() -> Option<Self> {
        std::env::var_os(ENV).map(|dir| Script::new(PathBuf::from(dir)))
    }

    pub fn answer(&self, kind: Kind, ask: &Ask, directory: Option<&Path>) -> Option<PathBuf> {
        let _guard = self.answering.lock().unwrap_or_else(|p| p.into_inner());
        self.record(kind, ask, directory);
        let answers = self.dir.join("answers");
        let text = std::fs::read_to_string(&answers).unwrap_or_default();
        let mut lines = text.lines();
        let Some(first) = lines.next() else {
            tracing::error!(
                "e2e dialog {:?}: no scripted answer left; cancelled",
                ask.title
            );
            return None;
        };
        let rest: String = lines.map(|l| format!("{l}\n")).collect();
        if let Err(e) = std::fs::write(&answers, rest) {
            tracing::error!("e2e dialogs: cannot rewrite {}: {e}", answers.display());
        }
        match (first, kind, &ask.file_name) {
            ("", _, _) => None,
            (folder, Kind::Save, Some(name)) if folder.ends_with('/') => {
                Some(Path::new(folder).join(name))
            }
            (path, _, _) => Some(PathBuf::from(path)),
        }
    }

    fn record(&self, kind: Kind, ask: &Ask, directory: Option<&Path>) {
        let entry = serde_json::json!({
            "kind": match kind { Kind::Open => "open", Kind::Save => "save" },
            "purpose": ask.purpose.key(),
            "title": ask.title,
            "directory": directory,
            "file_name": ask.file_name,
            "filter": { "name": ask.filter.name, "extensions": ask.filter.extensions },
        });
        let log = self.dir.join("asked.jsonl");
        let appended = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .and_then(|mut f| std::io::Write::write_all(&mut f, format!("{entry}\n").as_bytes()));
        if let Err(e) = appended {
            tracing::error!("e2e dialogs: cannot append to {}: {e}", log.display());
        }
    }
}
