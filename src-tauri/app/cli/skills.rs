//! `leadline skills …`: frameworks, assessments and gaps from the command line.

use std::path::{Path, PathBuf};

use clap::Subcommand;
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
    Frameworks {
        #[arg(long)]
        json: bool,
    },
    /// Import a framework file (JSON, see the README); a new key adds a framework,
    /// a known key saves a new version when assessments exist.
    Import { file: PathBuf },
    /// Write a framework (latest version) with its role profiles as a JSON file.
    Export {
        /// Framework key or name.
        framework: String,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Record an assessment of a person from a ratings file.
    Assess {
        /// The person (id or unique name).
        person: String,
        /// Framework key or name (its latest version is rated against).
        #[arg(long)]
        framework: String,
        /// Who assesses: self, manager, peer or mentor.
        #[arg(long = "as", value_name = "ROLE")]
        role: String,
        /// Ratings: JSON {"skill-key": level, …} or [{"skill": …, "level": …, "interest": …, "note": …}],
        /// or CSV with the columns skill,level[,interest][,note].
        #[arg(long, value_name = "RATINGS")]
        file: PathBuf,
        /// The date of the assessment (YYYY-MM-DD; default today).
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        assessor: String,
        /// Groups a self and a manager assessment to compare.
        #[arg(long, default_value = "")]
        round: String,
    },
    /// A person's gaps against a role profile.
    Gaps {
        person: String,
        /// Profile key or name, e.g. ic-leader.
        #[arg(long)]
        profile: String,
        #[arg(long)]
        json: bool,
    },
}

pub fn execute(ws: &mut Workspace, command: SkillsCommand, today: &str) -> Result<(), Error> {
    let conn = ws.conn();
    match command {
        SkillsCommand::Frameworks { json } => {
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
        SkillsCommand::Import { file } => {
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
        SkillsCommand::Export {
            framework,
            out,
            force,
        } => {
            let file = framework_export(conn, framework_resolve(conn, &framework)?.id)?;
            let mut text = serde_json::to_string_pretty(&file).expect("framework serializes");
            text.push('\n');
            match out {
                Some(path) => crate::cli::file_write_cli(&path, text.as_bytes(), force, ws.path()),
                None => write_out(text.as_bytes()),
            }
        }
        SkillsCommand::Assess {
            person,
            framework,
            role,
            file,
            date,
            assessor,
            round,
        } => {
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
        SkillsCommand::Gaps {
            person,
            profile,
            json,
        } => {
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
    }
}

/// Ratings from a JSON or CSV file (the format is the core's to read).
fn read_ratings(path: &Path) -> Result<Vec<RatingInput>, Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    ratings_parse(&path.display().to_string(), &text)
}
