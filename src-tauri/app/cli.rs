//! The command-line interface: the same binary as the app, the same core, no
//! window and no display needed. Errors go to stderr with a non-zero exit code.

mod audit;
mod plan;
mod skills;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use leadline_core::db::OpenMode;
use leadline_core::import::{table_read, Field, ImportOptions, ImportPhase};
use leadline_core::metrics::Metrics;
use leadline_core::people::{person_all, person_move, person_resolve};
use leadline_core::{export, import, reorg, Error, ErrorReport, Workspace};

use crate::paths::Paths;

#[derive(Debug, Parser)]
#[command(
    name = "leadline",
    version,
    about = "Engineering leadership planning, offline. Without a command, opens the app."
)]
pub struct Cli {
    /// The workspace file (default: the app's default workspace).
    #[arg(long, global = true, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
    /// Open the demo workspace with a sample org (app only).
    #[arg(long)]
    pub demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import people from an HRIS-style CSV export (merges by id).
    Import {
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
    },
    /// Headcount, managers, ICs, ratio, spans and layers.
    Metrics {
        /// A person (id or unique name) whose subtree to measure.
        #[arg(long, value_name = "PERSON")]
        root: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// People in the workspace.
    People {
        #[command(subcommand)]
        command: PeopleCommand,
    },
    /// Skill frameworks, assessments and gaps.
    Skills {
        #[command(subcommand)]
        command: skills::SkillsCommand,
    },
    /// Transition plans: manager → IC leader (and back).
    Plan {
        #[command(subcommand)]
        command: plan::PlanCommand,
    },
    /// SDLC bottleneck audits: which stage slows the work, who owns it, what to change.
    Audit {
        #[command(subcommand)]
        command: audit::AuditCommand,
    },
    /// Write the whole workspace as CSV or JSON.
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Output file (default: standard output).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Break reporting cycles written into the file by another tool: one person
    /// of each cycle moves to the top (recorded as a structure change).
    Repair,
}

#[derive(Debug, Subcommand)]
pub enum PeopleCommand {
    List {
        #[arg(long)]
        json: bool,
    },
    /// Move a person, with their whole subtree, under another manager.
    Move {
        /// The person (id or unique name).
        person: String,
        /// The new manager (id or unique name).
        #[arg(long, value_name = "MANAGER", conflicts_with = "top")]
        to: Option<String>,
        /// To the top of the org: no manager.
        #[arg(long)]
        top: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
}

pub fn run(cli: Cli) -> i32 {
    match execute(cli) {
        Ok(()) => 0,
        Err(error) => {
            eprintln!("error: {error}");
            match ErrorReport::from(&error).kind {
                leadline_core::ErrorKind::ImportInvalid => 3,
                // Scripts can retry on this one.
                leadline_core::ErrorKind::Busy => 4,
                _ => 1,
            }
        }
    }
}

fn open(cli_workspace: Option<&Path>, writes: bool) -> Result<Workspace, Error> {
    match cli_workspace {
        Some(path) => Workspace::open(
            path,
            if writes {
                OpenMode::CreateIfMissing
            } else {
                OpenMode::MustExist
            },
        ),
        None => {
            let paths = Paths::from_env();
            paths
                .ensure_data_dir()
                .map_err(|e| Error::io(format!("cannot create {}", paths.data_dir.display()), e))?;
            Workspace::open(&paths.default_workspace(), OpenMode::CreateIfMissing)
        }
    }
}

fn json_out(value: &impl serde::Serialize) -> Result<(), Error> {
    let mut text = serde_json::to_vec_pretty(value).expect("output serializes");
    text.push(b'\n');
    write_out(&text)
}

fn write_out(bytes: &[u8]) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|_| stdout.flush()) {
        // `leadline export | head` closes the pipe early; that is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| Error::io("cannot write to standard output", e)),
    }
}

fn execute(cli: Cli) -> Result<(), Error> {
    let workspace = cli.workspace.as_deref();
    match cli.command.expect("run() is only called with a command") {
        Command::Import {
            file,
            map,
            remove_missing,
            yes,
            dry_run,
        } => {
            let bytes = std::fs::read(&file)
                .map_err(|e| Error::io(format!("cannot read {}", file.display()), e))?;
            let mapping = mapping_from_args(&bytes, &map)?;
            let options = ImportOptions {
                mapping,
                remove_missing,
                confirm_removal: yes,
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
        Command::Metrics { root, json } => {
            let mut ws = open(workspace, false)?;
            let root = root.map(|r| person_resolve(ws.conn(), &r)).transpose()?;
            let metrics = ws.metrics(root)?;
            if json {
                let mut text = serde_json::to_vec_pretty(&metrics).expect("metrics serialize");
                text.push(b'\n');
                write_out(&text)
            } else {
                write_out(metrics_text(&metrics).as_bytes())
            }
        }
        Command::People {
            command: PeopleCommand::Move { person, to, top },
        } => {
            let ws = open(workspace, false)?;
            if to.is_none() && !top {
                return Err(Error::InvalidInput(
                    "say where the person goes: --to MANAGER, or --top for no manager".into(),
                ));
            }
            let id = person_resolve(ws.conn(), &person)?;
            let manager = to.map(|m| person_resolve(ws.conn(), &m)).transpose()?;
            let moved = person_move(ws.conn(), id, manager)?;
            println!(
                "{} now reports to {}",
                moved.name,
                moved
                    .manager_name
                    .as_deref()
                    .unwrap_or("nobody (top of the org)")
            );
            Ok(())
        }
        Command::Repair => {
            let mut ws = open(workspace, false)?;
            let change = reorg::structure_repair(&mut ws, &crate::clock::today())?;
            println!("{}", change.description);
            Ok(())
        }
        Command::People {
            command: PeopleCommand::List { json },
        } => {
            let ws = open(workspace, false)?;
            let people = person_all(ws.conn())?;
            if json {
                let mut text = serde_json::to_vec_pretty(&people).expect("people serialize");
                text.push(b'\n');
                return write_out(&text);
            }
            let mut out = String::new();
            out.push_str(&format!(
                "{:<12} {:<28} {:<30} {:<24} {}\n",
                "ID", "NAME", "TITLE", "MANAGER", "TEAM"
            ));
            for p in &people {
                out.push_str(&format!(
                    "{:<12} {:<28} {:<30} {:<24} {}\n",
                    p.ext_id,
                    p.name,
                    p.title,
                    p.manager_name.as_deref().unwrap_or("—"),
                    p.team.as_deref().unwrap_or("—")
                ));
            }
            out.push_str(&format!("{} people\n", people.len()));
            write_out(out.as_bytes())
        }
        Command::Skills { command } => {
            let writes = matches!(
                command,
                skills::SkillsCommand::Import { .. } | skills::SkillsCommand::Assess { .. }
            );
            let mut ws = open(workspace, writes)?;
            skills::execute(&mut ws, command, &crate::clock::today())
        }
        Command::Plan { command } => {
            let writes = !matches!(command, plan::PlanCommand::Show { .. });
            let mut ws = open(workspace, writes)?;
            plan::execute(&mut ws, command, &crate::clock::today())
        }
        Command::Audit { command } => {
            let writes = matches!(command, audit::AuditCommand::Create { .. });
            let mut ws = open(workspace, writes)?;
            audit::execute(&mut ws, command, &crate::clock::today())
        }
        Command::Export { format, out, force } => {
            let ws = open(workspace, false)?;
            let bytes = match format {
                ExportFormat::Csv => export::export_csv(ws.conn())?,
                ExportFormat::Json => export::export_json(ws.conn())?,
            };
            match out {
                Some(path) => file_write_cli(&path, &bytes, force, ws.path()),
                None => write_out(&bytes),
            }
        }
    }
}

/// Writes an output file for a command: never onto the workspace, and over an
/// existing file only with `--force`.
pub(crate) fn file_write_cli(
    path: &Path,
    bytes: &[u8],
    force: bool,
    workspace: Option<&Path>,
) -> Result<(), Error> {
    export::file_write(path, bytes, force, workspace).map_err(|e| match e {
        Error::FileExists(path) => Error::InvalidInput(format!(
            "{} already exists; add --force to replace it",
            path.display()
        )),
        other => other,
    })?;
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

fn number(value: Option<f64>) -> String {
    value
        .map(|v| format!("{v:.2}"))
        .unwrap_or_else(|| "—".into())
}

fn metrics_text(m: &Metrics) -> String {
    let count = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_else(|| "—".into());
    let mut out = String::new();
    let scope = m
        .root_name
        .as_deref()
        .map(|n| format!("subtree of {n}"))
        .unwrap_or_else(|| "whole org".into());
    out.push_str(&format!("Metrics for the {scope}\n"));
    out.push_str(&format!("  headcount            {}\n", m.headcount));
    out.push_str(&format!("  managers             {}\n", m.managers));
    out.push_str(&format!("  ICs                  {}\n", m.ics));
    out.push_str(&format!("  agents               {}\n", m.agents));
    out.push_str(&format!(
        "  IC:manager ratio     {}\n",
        number(m.ic_to_manager_ratio)
    ));
    out.push_str(&format!("  layers               {}\n", m.layers));
    out.push_str(&format!(
        "  span mean / median   {} / {}\n  span min / max       {} / {}\n",
        number(m.span_mean),
        number(m.span_median),
        count(m.span_min),
        count(m.span_max)
    ));
    out.push_str(&format!(
        "  managers of managers {}\n  managers of ICs      {}\n",
        m.managers_of_managers, m.managers_of_ics
    ));
    let layers: Vec<String> = m
        .per_layer
        .iter()
        .enumerate()
        .map(|(i, n)| format!("L{}: {n}", i + 1))
        .collect();
    out.push_str(&format!("  per layer            {}\n", layers.join(", ")));
    out.push_str(&format!(
        "  flags                {} single-report, {} narrow (≤ {}), {} wide (≥ {}), {} role mismatches\n",
        m.single_report_managers,
        m.flags.narrow.len(),
        m.thresholds.narrow_span_max,
        m.flags.wide.len(),
        m.thresholds.wide_span_min,
        m.role_mismatches.len()
    ));
    out
}
