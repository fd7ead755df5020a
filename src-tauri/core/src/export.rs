//! Export of the workspace as CSV (re-importable by `import`, one row per
//! person) or JSON (people and teams, field names as in `Person`).
//!
//! The export depends on nothing of the import: the CSV format (its columns and
//! its formula guard) is defined here, and the import reads it from here. The
//! round trips through both are tested in `import::read`.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::people::{person_all, Person, RoleTrack};
use crate::teams::{team_list, Team};

/// The fixed columns of a CSV export; attribute columns follow, sorted by name.
pub const CSV_COLUMNS: [&str; 9] = [
    "id",
    "name",
    "title",
    "kind",
    "role_track",
    "level",
    "team",
    "email",
    "manager_id",
];

/// Cells starting with one of these run as formulas in spreadsheets (a TAB or
/// CR can hide the `=` behind it); `guard` prefixes them with an apostrophe.
/// The export owns this part of its format: the import reads it from here to
/// strip the apostrophe from Leadline's own files, so the two cannot disagree.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Spreadsheets run cells that start with = + - @ (or a TAB or CR before
/// one) as formulas; an apostrophe in front keeps them text (the import strips
/// it again from Leadline's own exports).
fn guard(cell: &str) -> String {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// The forms the whole workspace can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportFormat {
    /// One row per person, the columns an import reads back.
    Csv,
    /// People and teams, with every attribute.
    Json,
}

impl ExportFormat {
    /// The file name extension, also the name of the filter in a save dialog.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }
}

/// The longest stem `file_name_safe` keeps, in bytes: file systems allow 255
/// bytes per name, and a suggested name is a start the user may add to.
const FILE_STEM_MAX_BYTES: usize = 120;

/// Names Windows refuses whatever the extension (a workspace may travel).
const RESERVED_STEMS: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// A file name made from user text (a person's name, a framework's) that every
/// common file system accepts, for a save dialog to suggest: path separators,
/// characters Windows refuses and control characters become spaces, runs of
/// white space one space, leading and trailing dots and spaces go (a leading
/// dot would hide the file), and a very long stem is cut. `fallback` stands in
/// for a stem that ends up empty.
pub fn file_name_safe(stem: &str, extension: &str, fallback: &str) -> String {
    let cleaned: String = stem
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut stem = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    if stem.len() > FILE_STEM_MAX_BYTES {
        let mut end = FILE_STEM_MAX_BYTES;
        while !stem.is_char_boundary(end) {
            end -= 1;
        }
        stem.truncate(end);
    }
    let mut stem = stem
        .trim_matches(|c: char| c == '.' || c.is_whitespace())
        .to_string();
    if stem.is_empty() {
        stem = fallback.to_string();
    }
    if RESERVED_STEMS.iter().any(|r| r.eq_ignore_ascii_case(&stem)) {
        stem.push('_');
    }
    format!("{stem}.{extension}")
}

/// The name a save dialog suggests for an export of the workspace at
/// `workspace`: its own name with the format's extension (`team.leadline` →
/// `team.csv`), so exports of different workspaces do not overwrite each other.
pub fn export_file_name(workspace: Option<&Path>, format: ExportFormat) -> String {
    let stem = workspace
        .and_then(Path::file_stem)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    file_name_safe(&stem, format.extension(), "leadline-export")
}

/// The whole workspace in `format`.
pub fn export_bytes(conn: &Connection, format: ExportFormat) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Csv => export_csv(conn),
        ExportFormat::Json => export_json(conn),
    }
}

pub fn export_csv(conn: &Connection) -> Result<Vec<u8>> {
    let people = person_all(conn)?;
    let ext_of: HashMap<i64, &str> = people.iter().map(|p| (p.id, p.ext_id.as_str())).collect();
    let attribute_names: BTreeSet<&str> = people
        .iter()
        .flat_map(|p| p.attributes.keys().map(String::as_str))
        .collect();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header: Vec<&str> = CSV_COLUMNS
        .iter()
        .copied()
        .chain(attribute_names.iter().copied())
        .collect();
    let to_err = |e: csv::Error| Error::InvalidInput(format!("cannot write CSV: {e}"));
    writer.write_record(&header).map_err(to_err)?;
    for p in &people {
        let mut record = vec![
            guard(&p.ext_id),
            guard(&p.name),
            guard(&p.title),
            p.kind.as_str().to_string(),
            p.role_track
                .map(RoleTrack::as_str)
                .unwrap_or("")
                .to_string(),
            guard(&p.level),
            guard(p.team.as_deref().unwrap_or("")),
            guard(&p.email),
            guard(
                p.manager_id
                    .and_then(|m| ext_of.get(&m).copied())
                    .unwrap_or(""),
            ),
        ];
        record.extend(
            attribute_names
                .iter()
                .map(|a| guard(p.attributes.get(*a).map(String::as_str).unwrap_or(""))),
        );
        writer.write_record(&record).map_err(to_err)?;
    }
    writer
        .into_inner()
        .map_err(|e| Error::InvalidInput(format!("cannot write CSV: {e}")))
}

/// Whether `a` and `b` name the same file (through links too), when both exist.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) if a == b => return true,
        _ => {}
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    false
}

/// Writes a file the user asked for (an export, a plan's Markdown, a
/// framework document):
/// - never onto the open workspace or its WAL files, whatever the path says;
/// - never over an existing file unless `overwrite` (the app asks, the CLI
///   needs `--force`);
/// - through a temporary file in the same folder moved into place, so a crash
///   leaves the old file or the new one, never half of one.
///
/// Returns the path written.
pub fn file_write(
    target: &Path,
    bytes: &[u8],
    overwrite: bool,
    workspace: Option<&Path>,
) -> Result<PathBuf> {
    let name = target
        .file_name()
        .ok_or_else(|| Error::InvalidInput(format!("{} is not a file name", target.display())))?;
    if target.is_dir() {
        return Err(Error::InvalidInput(format!(
            "{} is a folder; give a file name",
            target.display()
        )));
    }
    if let Some(workspace) = workspace {
        let mut guarded = vec![workspace.to_path_buf()];
        for suffix in ["-wal", "-shm", "-journal"] {
            let mut side = workspace.as_os_str().to_owned();
            side.push(suffix);
            guarded.push(PathBuf::from(side));
        }
        if guarded.iter().any(|w| same_file(target, w)) {
            return Err(Error::InvalidInput(format!(
                "{} is the open workspace: writing there would destroy it; choose another file",
                target.display()
            )));
        }
    }
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut temporary_name = std::ffi::OsString::from(".");
    temporary_name.push(name);
    temporary_name.push(format!(".{}.partial", std::process::id()));
    let temporary = folder.join(temporary_name);
    let io = |e| Error::io(format!("cannot write {}", target.display()), e);
    let written = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(io(e));
    }
    let placed = if overwrite {
        std::fs::rename(&temporary, target).map_err(io)
    } else {
        // A hard link fails when the name is taken, with no window in which
        // another writer could slip in between a check and the move.
        match std::fs::hard_link(&temporary, target) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                Err(Error::FileExists(target.to_path_buf()))
            }
            // A file system without hard links: check, then move.
            Err(_) if target.exists() => Err(Error::FileExists(target.to_path_buf())),
            Err(_) => std::fs::rename(&temporary, target).map_err(io),
        }
    };
    let _ = std::fs::remove_file(&temporary);
    placed.map(|()| target.to_path_buf())
}

#[derive(Serialize)]
struct JsonExport {
    format: &'static str,
    version: u32,
    teams: Vec<Team>,
    people: Vec<Person>,
}

pub fn export_json(conn: &Connection) -> Result<Vec<u8>> {
    let export = JsonExport {
        format: "leadline-workspace",
        version: 1,
        teams: team_list(conn)?,
        people: person_all(conn)?,
    };
    let mut bytes = serde_json::to_vec_pretty(&export).expect("export serializes");
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Workspace;

    #[test]
    fn a_file_is_never_written_onto_the_workspace_nor_over_a_file_unasked() {
        let dir = tempfile::tempdir().unwrap();
        let workspace = dir.path().join("team.leadline");
        let ws = Workspace::open(&workspace, crate::db::OpenMode::CreateIfMissing).unwrap();
        let before = std::fs::read(&workspace).unwrap();
        // Through another spelling of the same path, too.
        let sneaky = dir.path().join(".").join("team.leadline");
        for target in [&workspace, &sneaky] {
            let err = file_write(target, b"x", true, ws.path()).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::InvalidInput, "{err}");
        }
        let wal = dir.path().join("team.leadline-wal");
        assert_eq!(
            file_write(&wal, b"x", true, ws.path()).unwrap_err().kind(),
            crate::ErrorKind::InvalidInput
        );
        assert_eq!(
            std::fs::read(&workspace).unwrap(),
            before,
            "the workspace is untouched"
        );

        let out = dir.path().join("people.csv");
        file_write(&out, b"first", false, ws.path()).unwrap();
        let err = file_write(&out, b"second", false, ws.path()).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::FileExists, "{err}");
        assert_eq!(
            std::fs::read(&out).unwrap(),
            b"first",
            "a refused write changes nothing"
        );
        file_write(&out, b"second", true, ws.path()).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"second");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
            .collect();
        assert!(leftovers.is_empty(), "no temporary file is left behind");
    }

    #[test]
    fn a_file_that_cannot_be_written_is_an_io_error_and_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("no such folder").join("people.csv");
        let err = file_write(&target, b"x", false, None).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Io, "{err}");
        assert!(
            err.to_string().contains("cannot write"),
            "says what failed: {err}"
        );
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "no folder, no temporary file"
        );
    }

    #[test]
    fn a_suggested_file_name_keeps_the_words_and_drops_what_file_systems_refuse() {
        let cases = [
            (
                "Ada Lovelace transition plan",
                "Ada Lovelace transition plan.md",
            ),
            ("R&D / Platform: \"core\"", "R&D Platform core.md"),
            ("  ..hidden.  ", "hidden.md"),
            ("tab\there\nand\rthere", "tab here and there.md"),
            ("a\\b*c?d<e>f|g", "a b c d e f g.md"),
            ("Zoë Ørsted 山田", "Zoë Ørsted 山田.md"),
            ("", "plan.md"),
            ("/// ...", "plan.md"),
            ("con", "con_.md"),
            ("LPT1", "LPT1_.md"),
        ];
        for (stem, expected) in cases {
            assert_eq!(
                file_name_safe(stem, "md", "plan"),
                expected,
                "the name suggested for {stem:?}"
            );
        }
    }

    #[test]
    fn a_very_long_suggested_name_is_cut_on_a_character_boundary() {
        let long = "é".repeat(200);
        let name = file_name_safe(&long, "md", "plan");
        assert!(name.ends_with(".md"), "{name}");
        let stem = name.trim_end_matches(".md");
        assert!(stem.len() <= FILE_STEM_MAX_BYTES, "{} bytes", stem.len());
        assert!(
            stem.chars().all(|c| c == 'é'),
            "no character is split: {stem}"
        );
    }

    #[test]
    fn an_export_is_named_after_its_workspace() {
        let team = Path::new("/home/me/orgs/team.leadline");
        assert_eq!(export_file_name(Some(team), ExportFormat::Csv), "team.csv");
        assert_eq!(
            export_file_name(Some(team), ExportFormat::Json),
            "team.json"
        );
        assert_eq!(
            export_file_name(None, ExportFormat::Csv),
            "leadline-export.csv",
            "an in-memory workspace has no name to give"
        );
    }

    #[test]
    fn the_json_export_names_its_format() {
        let ws = Workspace::in_memory().unwrap();
        let value: serde_json::Value =
            serde_json::from_slice(&export_json(ws.conn()).unwrap()).unwrap();
        assert_eq!(value["format"], "leadline-workspace");
        assert!(value["people"].as_array().unwrap().is_empty());
    }
}
