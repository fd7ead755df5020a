//! `leadline skills …`: frameworks, assessments and gaps from the command line.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use leadline_core::people::person_resolve;
use leadline_core::skills::assessment::{
    assessment_create, AssessmentInput, AssessorRole, RatingInput,
};
use leadline_core::skills::framework::{
    framework_export, framework_list, framework_parse, framework_resolve, framework_save,
    profile_resolve,
};
use leadline_core::skills::gaps::gap_analysis;
use leadline_core::skills::ratings_file::ratings_parse;
use leadline_core::{Error, Workspace};

use super::{json_out, write_out};

#[derive(Debug, Subcommand)]
pub enum SkillsCommand {
    /// List the skill frameworks (every version) of the workspace.
    Frameworks(FrameworksArgs),
    /// Import a framework file (JSON, see the README); a new key adds a framework,
    /// a known key saves a new version when assessments exist.
    Import(ImportArgs),
    /// Write a framework (latest version) with its role profiles as a JSON file.
    Export(ExportArgs),
    /// Record an assessment of a person from a ratings file.
    Assess(AssessArgs),
    /// A person's gaps against a role profile.
    Gaps(GapsArgs),
}

#[derive(Debug, Args)]
pub struct FrameworksArgs {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Framework key or name.
    pub framework: String,
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct AssessArgs {
    /// The person (id or unique name).
    pub person: String,
    /// Framework key or name (its latest version is rated against).
    #[arg(long)]
    pub framework: String,
    /// Who assesses: self, manager, peer or mentor.
    #[arg(long = "as", value_name = "ROLE")]
    pub role: String,
    /// Ratings: JSON {"skill-key": level, …} or [{"skill": …, "level": …, "interest": …, "note": …}],
    /// or CSV with the columns skill,level[,interest][,note].
    #[arg(long, value_name = "RATINGS")]
    pub file: PathBuf,
    /// The date of the assessment (YYYY-MM-DD; default today).
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long, default_value = "")]
    pub assessor: String,
    /// Groups a self and a manager assessment to compare.
    #[arg(long, default_value = "")]
    pub round: String,
}

#[derive(Debug, Args)]
pub struct GapsArgs {
    pub person: String,
    /// Profile key or name, e.g. ic-leader.
    #[arg(long)]
    pub profile: String,
    #[arg(long)]
    pub json: bool,
}

pub fn execute(ws: &mut Workspace, command: SkillsCommand, today: &str) -> Result<(), Error> {
    match command {
        SkillsCommand::Frameworks(args) => frameworks(ws, args),
        SkillsCommand::Import(args) => import(ws, args),
        SkillsCommand::Export(args) => export(ws, args),
        SkillsCommand::Assess(args) => assess(ws, today, args),
        SkillsCommand::Gaps(args) => gaps(ws, args),
    }
}

fn frameworks(ws: &mut Workspace, args: FrameworksArgs) -> Result<(), Error> {
    let conn = ws.conn();
    let FrameworksArgs { json } = args;
    let list = framework_list(conn)?;
    if json {
        return json_out(&list);
    }
    let mut out = format!(
        "{:<28} {:>7} {:>6} {:>11}  {}\n",
        "KEY", "VERSION", "SKILLS", "ASSESSMENTS", "NAME"
    );
    for f in &list {
        out.push_str(&format!(
            "{:<28} {:>7} {:>6} {:>11}  {}{}\n",
            f.key,
            f.version,
            f.skills,
            f.assessments,
            f.name,
            if f.builtin { " (built-in)" } else { "" }
        ));
    }
    write_out(out.as_bytes())
}

fn import(ws: &mut Workspace, args: ImportArgs) -> Result<(), Error> {
    let conn = ws.conn();
    let ImportArgs { file } = args;
    let text = std::fs::read_to_string(&file)
        .map_err(|e| Error::io(format!("cannot read {}", file.display()), e))?;
    let saved = framework_save(conn, &framework_parse(&text)?, false)?;
    println!(
        "saved {} ({}), version {}, {} skills",
        saved.name,
        saved.key,
        saved.version,
        saved.skills().count()
    );
    Ok(())
}

fn export(ws: &mut Workspace, args: ExportArgs) -> Result<(), Error> {
    let conn = ws.conn();
    let ExportArgs {
        framework,
        out,
        force,
    } = args;
    let file = framework_export(conn, framework_resolve(conn, &framework)?.id)?;
    let mut text = serde_json::to_string_pretty(&file).expect("framework serializes");
    text.push('\n');
    match out {
        Some(path) => crate::cli::file_write_cli(&path, text.as_bytes(), force, ws.path()),
        None => write_out(text.as_bytes()),
    }
}

fn assess(ws: &mut Workspace, today: &str, args: AssessArgs) -> Result<(), Error> {
    let conn = ws.conn();
    let AssessArgs {
        person,
        framework,
        role,
        file,
        date,
        assessor,
        round,
    } = args;
    let person_id = person_resolve(conn, &person)?;
    let framework = framework_resolve(conn, &framework)?;
    let assessor_role = AssessorRole::parse(&role).ok_or_else(|| {
        Error::InvalidInput(format!("--as {role}: use self, manager, peer or mentor"))
    })?;
    let input = AssessmentInput {
        person_id,
        framework_id: framework.id,
        assessor_role,
        assessor_name: assessor,
        assessed_on: date.unwrap_or_else(|| today.to_string()),
        round,
        note: String::new(),
        ratings: read_ratings(&file)?,
    };
    let saved = assessment_create(conn, &input)?;
    println!(
        "recorded a {} assessment of {} on {} ({} ratings, {} version {})",
        assessor_role.as_str(),
        person,
        saved.assessed_on,
        saved.ratings.len(),
        framework.name,
        framework.version
    );
    Ok(())
}

fn gaps(ws: &mut Workspace, args: GapsArgs) -> Result<(), Error> {
    let conn = ws.conn();
    let GapsArgs {
        person,
        profile,
        json,
    } = args;
    let person_id = person_resolve(conn, &person)?;
    let profile = profile_resolve(conn, &profile)?;
    let report = gap_analysis(conn, person_id, profile.id)?;
    if json {
        return json_out(&report);
    }
    let show = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_else(|| "—".into());
    let mut out = format!(
        "{} against {} ({}); manager assessment {}, self assessment {}\n",
        person,
        report.profile.name,
        report.framework_name,
        report.manager_assessed_on.as_deref().unwrap_or("none"),
        report.self_assessed_on.as_deref().unwrap_or("none")
    );
    out.push_str(&format!(
        "{:<36} {:>6} {:>7} {:>4} {:>7} {:>3}\n",
        "SKILL", "TARGET", "CURRENT", "GAP", "PREVIOUS", "WANTS"
    ));
    for row in &report.skills {
        out.push_str(&format!(
            "{:<36} {:>6} {:>7} {:>4} {:>7} {:>3}\n",
            row.skill_name,
            show(row.target),
            show(row.current),
            show(row.gap),
            show(row.previous_level),
            if row.interest == Some(2) { "yes" } else { "" }
        ));
    }
    let names: Vec<String> = report
        .gaps
        .iter()
        .map(|g| format!("{} (−{})", g.skill_name, g.gap.unwrap_or(0)))
        .collect();
    out.push_str(&format!(
        "gaps, biggest first: {}\n",
        if names.is_empty() {
            "none".into()
        } else {
            names.join(", ")
        }
    ));
    write_out(out.as_bytes())
}

/// Ratings from a JSON or CSV file (the format is the core's to read).
fn read_ratings(path: &Path) -> Result<Vec<RatingInput>, Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    ratings_parse(&path.display().to_string(), &text)
}
