//! `leadline plan …`: transition plans from the command line.

use clap::Subcommand;
use leadline_core::people::{person_get, person_resolve};
use leadline_core::reorg::Move;
use leadline_core::skills::framework::profile_resolve;
use leadline_core::transition::checklist::PracticeTemplates;
use leadline_core::transition::plan::{
    plan_create, plan_get, plan_item_check, plan_markdown, PlanInput,
};
use leadline_core::transition::BUILTIN_TEMPLATES;
use leadline_core::{Error, Workspace};

use super::{json_out, write_out};

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Start a transition: the person moves to a role profile; their reports, if
    /// any, move to --reports-to; the checklist comes from their latest assessment.
    Create {
        person: String,
        /// Target role profile (key or name), e.g. ic-leader.
        #[arg(long = "to", value_name = "PROFILE")]
        profile: String,
        /// Where the person's direct reports go (id or unique name).
        #[arg(long, value_name = "MANAGER")]
        reports_to: Option<String>,
        /// First day of the plan (YYYY-MM-DD; default today).
        #[arg(long)]
        start: Option<String>,
    },
    /// Show a plan.
    Show {
        plan: i64,
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        #[arg(long)]
        markdown: bool,
    },
    /// Tick an item of a plan (--undo unticks it).
    Check {
        plan: i64,
        item: i64,
        #[arg(long)]
        undo: bool,
    },
}

pub fn execute(ws: &mut Workspace, command: PlanCommand, today: &str) -> Result<(), Error> {
    match command {
        PlanCommand::Create {
            person,
            profile,
            reports_to,
            start,
        } => {
            let person_id = person_resolve(ws.conn(), &person)?;
            let profile = profile_resolve(ws.conn(), &profile)?;
            let has_reports = person_get(ws.conn(), person_id)?.direct_reports > 0;
            let moves = match (reports_to, has_reports) {
                (Some(manager), _) => {
                    let to = person_resolve(ws.conn(), &manager)?;
                    let mut stmt = ws.conn().prepare("SELECT id FROM person WHERE manager_id = ?1 ORDER BY id")?;
                    let reports: Vec<i64> = stmt.query_map([person_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
                    reports.into_iter().map(|r| Move { person_id: r, to_manager: Some(to) }).collect()
                }
                (None, true) => {
                    return Err(Error::InvalidInput(format!(
                        "{person} has people reporting to them: say where they go with --reports-to MANAGER"
                    )))
                }
                (None, false) => Vec::new(),
            };
            let input = PlanInput {
                person_id,
                profile_id: profile.id,
                start_date: start.unwrap_or_else(|| today.to_string()),
                moves,
            };
            let templates = PracticeTemplates::parse(BUILTIN_TEMPLATES)?;
            let plan = plan_create(ws, &input, &templates, today)?;
            println!(
                "created plan {} for {}: {} → {}, {} items from {} to {}",
                plan.id,
                plan.person_name,
                plan.from_role,
                plan.profile_name,
                plan.items.len(),
                plan.start_date,
                plan.phases
                    .last()
                    .map(|p| p.end_date.as_str())
                    .unwrap_or("")
            );
            Ok(())
        }
        PlanCommand::Show {
            plan,
            json,
            markdown,
        } => {
            let plan = plan_get(ws.conn(), plan, today)?;
            if json {
                return json_out(&plan);
            }
            if markdown {
                return write_out(plan_markdown(&plan).as_bytes());
            }
            let mut out = format!(
                "plan {}: {} → {} (from {})\n",
                plan.id, plan.person_name, plan.profile_name, plan.from_role
            );
            for phase in &plan.phases {
                out.push_str(&format!(
                    "\n{} — {}/{} done, until {}\n",
                    phase.title, phase.done, phase.total, phase.end_date
                ));
                for item in plan.items.iter().filter(|i| i.phase == phase.phase) {
                    let mark = if item.done_on.is_some() {
                        "x"
                    } else if item.overdue {
                        "!"
                    } else {
                        " "
                    };
                    out.push_str(&format!("  [{mark}] {:>4}  {}\n", item.id, item.title));
                }
            }
            write_out(out.as_bytes())
        }
        PlanCommand::Check { plan, item, undo } => {
            let plan = plan_item_check(ws.conn(), plan, item, !undo, today)?;
            let done: u32 = plan.phases.iter().map(|p| p.done).sum();
            let total: u32 = plan.phases.iter().map(|p| p.total).sum();
            println!(
                "{} item {item}; {done} of {total} done",
                if undo { "unticked" } else { "ticked" }
            );
            Ok(())
        }
    }
}
