//! `leadline import`: an HRIS-style export into the workspace, or a check of it.

use std::path::{Path, PathBuf};

use clap::Args;
use leadline_core::import::{self, table_read, Field, ImportOptions, ImportPhase};
use leadline_core::{Error, Workspace};

use super::{open, write_out};

#[derive(Debug, Args)]
pub struct ImportArgs {
    file: PathBuf,
    /// Map a column to a field, e.g. --map "Reports To=manager_id"; FIELD
    /// "attribute" keeps the column as a custom attribute.
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    map: Vec<String>,
    /// Remove people of the workspace whose id is not in the file.
    #[arg(long)]
    remove_missing: bool,
    /// Confirm a removal of more than half of the org (--remove-missing
    /// with a file that lacks most people).
    #[arg(long)]
    yes: bool,
    /// Check the file and show which column became which field, the
    /// warnings and what would change, without writing anything.
    #[arg(long, visible_alias = "check")]
    dry_run: bool,
}

pub fn run(workspace: Option<&Path>, args: ImportArgs) -> Result<(), Error> {
    let ImportArgs {
        file,
        map,
        remove_missing,
        yes,
        dry_run,
    } = args;
    let bytes = std::fs::read(&file)
        .map_err(|e| Error::io(format!("cannot read {}", file.display()), e))?;
    let mapping = mapping_from_args(&bytes, &map)?;
    let options = ImportOptions {
        mapping,
        remove_missing,
        confirm_removal: yes,
        taken_at: Some(crate::clock::now()),
    };
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A new workspace file is created only once the import has landed:
    // a refused file must leave nothing behind.
    let creates = workspace.is_some_and(|w| !w.exists());
    let mut ws = if creates {
        Workspace::in_memory()?
    } else {
        open(workspace, !dry_run)?
    };
    let preview = import::import_preview(ws.conn(), &name, &bytes, &options)?;
    for warning in &preview.warnings {
        match warning.line {
            Some(line) => eprintln!("warning: line {line}: {}", warning.message),
            None => eprintln!("warning: {}", warning.message),
        }
    }
    if !preview.problems.is_empty() {
        return Err(Error::ImportInvalid(preview.problems));
    }
    if dry_run {
        write_out(import_check_text(&preview).as_bytes())?;
        return Ok(());
    }
    if preview.removal_needs_confirmation && !yes {
        return Err(Error::NeedsConfirmation(format!(
                "this import would remove {} of the {} people in the workspace (everyone not in {name}); nothing was changed. Run it again with --yes if that is what you want",
                preview.removes, preview.people_before
            )));
    }
    let interactive = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let summary = import::import_apply(ws.conn_mut(), &bytes, &options, &mut |p| {
        if interactive && p.phase == ImportPhase::Writing && p.total > 0 {
            eprint!("\rwriting {}/{} rows", p.done, p.total);
        }
    })?;
    if interactive {
        eprintln!();
    }
    if creates {
        let path = workspace.expect("creates implies a path");
        save_new_workspace(&ws, path)?;
    }
    println!(
        "imported {}: {} added, {} updated, {} unchanged, {} removed, {} teams created",
        name,
        summary.added,
        summary.updated,
        summary.unchanged,
        summary.removed,
        summary.teams_created
    );
    Ok(())
}

/// What `import --dry-run` prints: which column became what, then the counts.
fn import_check_text(preview: &import::ImportPreview) -> String {
    let mut out = format!(
        "{} ({}, delimiter {:?}, {} rows)\n",
        preview.file_name, preview.encoding, preview.delimiter, preview.rows
    );
    for column in &preview.columns {
        let field = column
            .field
            .map(|f| f.as_str().to_string())
            .unwrap_or_else(|| format!("attribute \"{}\"", column.header));
        out.push_str(&format!(
            "  {:<28} → {field}\n",
            format!("\"{}\"", column.header)
        ));
    }
    out.push_str(&format!(
        "would add {}, update {}, leave {} unchanged, remove {} (of {} in the workspace)\n",
        preview.adds, preview.updates, preview.unchanged, preview.removes, preview.people_before
    ));
    if preview.removal_needs_confirmation {
        out.push_str("the removal takes more than half of the org: applying needs --yes\n");
    }
    out
}

/// Writes an in-memory workspace to a new file in one step, so that the file
/// appears only with its content.
fn save_new_workspace(ws: &Workspace, path: &Path) -> Result<(), Error> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| Error::io(format!("cannot create {}", parent.display()), e))?;
    }
    leadline_core::db::save_copy(ws.conn(), path)
}

/// Starts from the automatic mapping and applies each `COLUMN=FIELD`.
fn mapping_from_args(bytes: &[u8], args: &[String]) -> Result<Option<Vec<Option<Field>>>, Error> {
    if args.is_empty() {
        return Ok(None);
    }
    let table = table_read(bytes)?;
    let mut mapping = import::mapping_guess(&table.headers);
    for arg in args {
        let (column, field) = arg
            .rsplit_once('=')
            .ok_or_else(|| Error::InvalidInput(format!("--map {arg}: expected COLUMN=FIELD")))?;
        let index = table
            .headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(column.trim()))
            .ok_or_else(|| {
                Error::InvalidInput(format!(
                    "--map {arg}: the file has no column \"{}\" (columns: {})",
                    column.trim(),
                    table.headers.join(", ")
                ))
            })?;
        let field = match field.trim() {
            "attribute" => None,
            name => Some(Field::parse(name).ok_or_else(|| {
                let names: Vec<&str> = Field::ALL.iter().map(|f| f.as_str()).collect();
                Error::InvalidInput(format!(
                    "--map {arg}: unknown field \"{name}\" (fields: {}, attribute)",
                    names.join(", ")
                ))
            })?),
        };
        // A field chosen by hand moves away from the column the guess gave it to.
        if let Some(f) = field {
            for (i, existing) in mapping.iter_mut().enumerate() {
                if *existing == Some(f) && i != index {
                    *existing = None;
                }
            }
        }
        mapping[index] = field;
    }
    Ok(Some(mapping))
}
