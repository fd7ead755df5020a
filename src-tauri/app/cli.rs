//! The command-line interface: the same binary as the app, the same core, no
//! window and no display needed. Errors go to stderr with a non-zero exit code.

mod audit;
mod import;
mod people;
mod plan;
mod skills;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use leadline_core::db::OpenMode;
use leadline_core::metrics::Metrics;
use leadline_core::people::person_resolve;
use leadline_core::{export, reorg, Error, ErrorReport, Workspace};

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
    Import(import::ImportArgs),
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
        command: people::PeopleCommand,
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

/// The core's export formats, as clap lists them in `--help`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
}

impl From<ExportFormat> for export::ExportFormat {
    fn from(format: ExportFormat) -> Self {
        match format {
            ExportFormat::Csv => export::ExportFormat::Csv,
            ExportFormat::Json => export::ExportFormat::Json,
        }
    }
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
        Command::Import(args) => import::run(workspace, args),
        Command::Metrics { root, json } => metrics_run(workspace, root, json),
        Command::People { command } => people::execute(open(workspace, false)?, command),
        Command::Repair => repair_run(workspace),
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
        Command::Export { format, out, force } => export_run(workspace, format, out, force),
    }
}

fn metrics_run(workspace: Option<&Path>, root: Option<String>, json: bool) -> Result<(), Error> {
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

fn repair_run(workspace: Option<&Path>) -> Result<(), Error> {
    let mut ws = open(workspace, false)?;
    let change = reorg::structure_repair(&mut ws, &crate::clock::today())?;
    println!("{}", change.description);
    Ok(())
}

fn export_run(
    workspace: Option<&Path>,
    format: ExportFormat,
    out: Option<PathBuf>,
    force: bool,
) -> Result<(), Error> {
    let ws = open(workspace, false)?;
    let bytes = export::export_bytes(ws.conn(), format.into())?;
    match out {
        Some(path) => file_write_cli(&path, &bytes, force, ws.path()),
        None => write_out(&bytes),
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
