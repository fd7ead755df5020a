//! The folder each kind of dialog was last used in, kept on this machine (a
//! preference of the person at this computer, not part of any workspace) as a
//! small JSON object in the app's data directory:
//! `{ "plan_markdown": "/home/me/notes", "workspace": "/home/me/orgs" }`.
//!
//! The file is a convenience: one that is missing, unreadable or damaged is
//! ignored (with a warning for the damaged one) and replaced at the next
//! choice, and a failure to write it never fails the command that chose.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::Purpose;

pub struct LastFolders {
    file: PathBuf,
    /// Serialises this process's read-modify-write of the file; the temporary
    /// file and rename keep a reader (another Leadline) from seeing half of it.
    writing: Mutex<()>,
}

impl LastFolders {
    pub fn new(file: PathBuf) -> Self {
        LastFolders {
            file,
            writing: Mutex::new(()),
        }
    }

    /// Where the dialog for `purpose` should open: the folder last chosen for
    /// it, if it is still a folder. `None` leaves the choice to the system's
    /// dialog (its own default: usually the home or the recent folder).
    pub fn get(&self, purpose: Purpose) -> Option<PathBuf> {
        let folder = self.read().remove(purpose.key())?;
        if folder.is_dir() {
            Some(folder)
        } else {
            // Moved, deleted or on a drive that is not mounted now: keep the
            // entry (the drive may come back) and open in the default.
            tracing::debug!(
                "the last {} folder {} is gone; the dialog opens in its default",
                purpose.key(),
                folder.display()
            );
            None
        }
    }

    /// Records the folder holding `chosen` as the last one for `purpose`. The
    /// file is read again first, so folders another Leadline recorded meanwhile
    /// for other purposes are kept, and unknown keys (a newer Leadline's) too.
    pub fn remember(&self, purpose: Purpose, chosen: &Path) {
        let Some(folder) = chosen.parent().filter(|p| !p.as_os_str().is_empty()) else {
            return;
        };
        let _guard = self.writing.lock().unwrap_or_else(|p| p.into_inner());
        let mut folders = self.read();
        if folders.get(purpose.key()).map(PathBuf::as_path) == Some(folder) {
            return;
        }
        folders.insert(purpose.key().to_string(), folder.to_path_buf());
        if let Err(e) = self.write(&folders) {
            tracing::warn!(
                "could not remember the last {} folder in {}: {e}",
                purpose.key(),
                self.file.display()
            );
        }
    }

    fn read(&self) -> BTreeMap<String, PathBuf> {
        let text = match std::fs::read_to_string(&self.file) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return BTreeMap::new(),
            Err(e) => {
                tracing::warn!(
                    "cannot read the last folders from {}: {e}",
                    self.file.display()
                );
                return BTreeMap::new();
            }
        };
        // Values that are not strings (a hand edit) are dropped one by one
        // rather than losing every folder for one bad entry.
        match serde_json::from_str::<BTreeMap<String, serde_json::Value>>(&text) {
            Ok(entries) => entries
                .into_iter()
                .filter_map(|(key, value)| Some((key, PathBuf::from(value.as_str()?))))
                .collect(),
            Err(e) => {
                tracing::warn!(
                    "ignoring the damaged list of last folders {} ({e}); it is replaced at the next choice",
                    self.file.display()
                );
                BTreeMap::new()
            }
        }
    }

    fn write(&self, folders: &BTreeMap<String, PathBuf>) -> std::io::Result<()> {
        let mut text = serde_json::to_string_pretty(folders).map_err(std::io::Error::other)?;
        text.push('\n');
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut temporary = self.file.clone().into_os_string();
        temporary.push(format!(".{}.tmp", std::process::id()));
        let temporary = PathBuf::from(temporary);
        let written =
            std::fs::write(&temporary, text).and_then(|()| std::fs::rename(&temporary, &self.file));
        if written.is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
        written
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(dir: &Path) -> LastFolders {
        LastFolders::new(dir.join("data").join("dialog-folders.json"))
    }

    /// Runs `f` with the warnings it logs captured, and returns them.
    fn warnings_of(f: impl FnOnce()) -> String {
        #[derive(Clone, Default)]
        struct Buffer(std::sync::Arc<Mutex<Vec<u8>>>);
        impl std::io::Write for Buffer {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let buffer = Buffer::default();
        let writer = buffer.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::WARN)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::with_default(subscriber, f);
        let bytes = buffer.0.lock().unwrap().clone();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn each_purpose_remembers_its_own_folder_across_instances() {
        let dir = tempfile::tempdir().unwrap();
        let (notes, orgs) = (dir.path().join("notes"), dir.path().join("orgs"));
        std::fs::create_dir_all(&notes).unwrap();
        std::fs::create_dir_all(&orgs).unwrap();
        let folders = store(dir.path());
        assert_eq!(
            folders.get(Purpose::PlanMarkdown),
            None,
            "nothing chosen yet"
        );
        folders.remember(Purpose::PlanMarkdown, &notes.join("Bo transition plan.md"));
        folders.remember(Purpose::Workspace, &orgs.join("team.leadline"));
        // Another start of the app reads the same file.
        let again = store(dir.path());
        assert_eq!(again.get(Purpose::PlanMarkdown), Some(notes.clone()));
        assert_eq!(again.get(Purpose::Workspace), Some(orgs));
        assert_eq!(
            again.get(Purpose::WorkspaceExport),
            None,
            "a folder chosen for one purpose is not another's"
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("data"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            leftovers,
            vec![std::ffi::OsString::from("dialog-folders.json")],
            "the temporary file was moved into place"
        );
    }

    #[test]
    fn a_folder_that_no_longer_exists_falls_back_to_the_default_and_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let usb = dir.path().join("usb");
        std::fs::create_dir_all(&usb).unwrap();
        let folders = store(dir.path());
        folders.remember(Purpose::ImportFile, &usb.join("people.csv"));
        std::fs::remove_dir(&usb).unwrap();
        assert_eq!(
            folders.get(Purpose::ImportFile),
            None,
            "the default, not a missing folder"
        );
        std::fs::create_dir_all(&usb).unwrap();
        assert_eq!(
            folders.get(Purpose::ImportFile),
            Some(usb),
            "the entry stays for when the folder is back"
        );
    }

    #[test]
    fn a_damaged_file_is_ignored_with_a_warning_and_replaced_at_the_next_choice() {
        let dir = tempfile::tempdir().unwrap();
        let folders = store(dir.path());
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        std::fs::write(&folders.file, "{\"workspace\": \"/home/me/or").unwrap();
        let mut got = Some(PathBuf::new());
        let warnings = warnings_of(|| got = folders.get(Purpose::Workspace));
        assert_eq!(got, None);
        assert!(
            warnings.contains("WARN")
                && warnings.contains("damaged")
                && warnings.contains("dialog-folders.json"),
            "the damaged file is named in a warning: {warnings:?}"
        );
        folders.remember(Purpose::Workspace, &dir.path().join("team.leadline"));
        assert_eq!(
            folders.get(Purpose::Workspace),
            Some(dir.path().to_path_buf())
        );
    }

    #[test]
    fn a_bad_entry_loses_only_itself_and_unknown_keys_survive_a_write() {
        let dir = tempfile::tempdir().unwrap();
        let folders = store(dir.path());
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        let home = dir.path().display().to_string();
        std::fs::write(
            &folders.file,
            serde_json::json!({ "workspace": 42, "plan_markdown": home, "from_a_newer_leadline": home })
                .to_string(),
        )
        .unwrap();
        assert_eq!(folders.get(Purpose::Workspace), None);
        assert_eq!(
            folders.get(Purpose::PlanMarkdown),
            Some(dir.path().to_path_buf())
        );
        folders.remember(Purpose::FrameworkFile, &dir.path().join("f.json"));
        let kept: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&folders.file).unwrap()).unwrap();
        assert_eq!(kept["from_a_newer_leadline"], home.as_str(), "{kept}");
        assert_eq!(kept["framework_file"], home.as_str(), "{kept}");
    }

    #[test]
    fn a_file_that_cannot_be_written_warns_and_the_choice_still_stands() {
        let dir = tempfile::tempdir().unwrap();
        // The data "directory" is a file: nothing can be written under it.
        std::fs::write(dir.path().join("data"), "").unwrap();
        let folders = store(dir.path());
        let warnings = warnings_of(|| {
            folders.remember(Purpose::WorkspaceExport, &dir.path().join("team.csv"))
        });
        assert!(
            warnings.contains("could not remember the last workspace_export folder"),
            "{warnings:?}"
        );
        assert_eq!(folders.get(Purpose::WorkspaceExport), None);
    }
}
