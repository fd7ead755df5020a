//! `leadline plan …`: transition plans from the command line.

use clap::{Args, Subcommand, ValueEnum};
use leadline_core::people::person_resolve;
use leadline_core::reorg::Move;
use leadline_core::skills::framework::profile_resolve;
use leadline_core::transition::library::templates_effective;
use leadline_core::transition::plan::{
    plan_add_audit_actions, plan_budget_set, plan_checkpoint_set, plan_create, plan_delete,
    plan_get, plan_item_change, plan_item_check, plan_markdown, plan_preview,
    plan_unplaced_reports, CheckpointDecision, PaceChoice, PlanInput, PlanItemChange, WeeklyBudget,
};
use leadline_core::transition::shipped_templates;
use leadline_core::{Error, Workspace};

use super::{json_out, write_out};

#[derive(Debug, Args)]
pub struct CreateArgs {
    person: String,
    /// Target role profile (key or name), e.g. ic-leader or engineering-manager.
    #[arg(long = "to", value_name = "PROFILE")]
    profile: String,
    /// Where the person's direct reports go (id or unique name), for all of
    /// them not moved with --move.
    #[arg(long, value_name = "MANAGER")]
    reports_to: Option<String>,
    /// Move one person under a manager, e.g. --move "Cy=Ada"; "Cy=" moves Cy
    /// to the top of the org. Repeat for each person.
    #[arg(long = "move", value_name = "PERSON=MANAGER")]
    moves: Vec<String>,
    /// Leave the reports not moved with the person, who then still manages
    /// them (without this, a move to an IC role must place every person).
    #[arg(long, conflicts_with = "reports_to")]
    reports_stay: bool,
    /// First day of the plan (YYYY-MM-DD; default today).
    #[arg(long)]
    start: Option<String>,
    /// When the plan does not fit its weekly budget: what to do instead, one
    /// of the choices the refusal lists.
    #[arg(long, value_enum, value_name = "CHOICE")]
    if_too_big: Option<TooBig>,
}

/// The CLI's names for the choices a plan that does not fit is offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TooBig {
    /// Leave the smallest gaps for a later plan.
    FewerSkills,
    /// Make the plan longer than 90 days.
    Longer,
    /// Plan more hours a week.
    BiggerBudget,
}

impl TooBig {
    fn matches(self, choice: &PaceChoice) -> bool {
        matches!(
            (self, choice),
            (TooBig::FewerSkills, PaceChoice::FewerSkills { .. })
                | (TooBig::Longer, PaceChoice::LongerPlan { .. })
                | (TooBig::BiggerBudget, PaceChoice::BiggerBudget { .. })
        )
    }
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Start a transition: the person moves to a role profile; their reports, if
    /// any, move to --reports-to (or each one with --move); the checklist comes
    /// from their latest assessment. Back to managing: --move REPORT=PERSON
    /// brings people under them.
    Create(CreateArgs),
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
    /// Change an item: its note, due date or phase.
    Edit {
        plan: i64,
        item: i64,
        #[arg(long)]
        note: Option<String>,
        /// YYYY-MM-DD.
        #[arg(long)]
        due: Option<String>,
        /// 1, 2 or 3.
        #[arg(long)]
        phase: Option<u8>,
    },
    /// Set the weekly time budget, in hours.
    Budget {
        plan: i64,
        #[arg(long)]
        hands_on: u8,
        #[arg(long)]
        agents: u8,
        #[arg(long)]
        reviews: u8,
        #[arg(long)]
        mentoring: u8,
        #[arg(long)]
        one_on_ones: u8,
    },
    /// Record the day-90 checkpoint's decision: keep-going, adjust or go-back.
    Checkpoint {
        plan: i64,
        #[arg(long)]
        decision: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Add the worst bottlenecks of an SDLC audit to the plan as items.
    AddAudit { plan: i64, audit: i64 },
    /// Delete a plan and its items (the people it moved stay where they are).
    Delete { plan: i64 },
}

/// `PERSON=MANAGER` (an empty manager: to the top of the org).
fn parse_move(ws: &Workspace, text: &str) -> Result<Move, Error> {
    let (who, to) = text.split_once('=').ok_or_else(|| {
        Error::InvalidInput(format!("--move \"{text}\" should look like PERSON=MANAGER"))
    })?;
    let person_id = person_resolve(ws.conn(), who)?;
    let to_manager = if to.trim().is_empty() {
        None
    } else {
        Some(person_resolve(ws.conn(), to)?)
    };
    Ok(Move {
        person_id,
        to_manager,
    })
}

pub fn execute(ws: &mut Workspace, command: PlanCommand, today: &str) -> Result<(), Error> {
    match command {
        PlanCommand::Create(args) => create(ws, args, today),
        PlanCommand::Show {
            plan,
            json,
            markdown,
        } => show(ws, plan, json, markdown, today),
        PlanCommand::Check { plan, item, undo } => check(ws, plan, item, undo, today),
        PlanCommand::Edit {
            plan,
            item,
            note,
            due,
            phase,
        } => {
            let change = PlanItemChange {
                phase,
                note,
                due_date: due,
            };
            edit(ws, plan, item, change, today)
        }
        PlanCommand::Budget {
            plan,
            hands_on,
            agents,
            reviews,
            mentoring,
            one_on_ones,
        } => {
            let budget = WeeklyBudget {
                hands_on,
                agents,
                reviews,
                mentoring,
                one_on_ones,
            };
            self::budget(ws, plan, budget, today)
        }
        PlanCommand::Checkpoint {
            plan,
            decision,
            note,
        } => checkpoint(ws, plan, &decision, &note, today),
        PlanCommand::AddAudit { plan, audit } => add_audit(ws, plan, audit, today),
        PlanCommand::Delete { plan } => delete(ws, plan, today),
    }
}

fn create(ws: &mut Workspace, args: CreateArgs, today: &str) -> Result<(), Error> {
    let CreateArgs {
        person,
        profile,
        reports_to,
        moves,
        reports_stay,
        start,
        if_too_big,
    } = args;
    let person_id = person_resolve(ws.conn(), &person)?;
    let profile = profile_resolve(ws.conn(), &profile)?;
    let mut moves = moves
        .iter()
        .map(|m| parse_move(ws, m))
        .collect::<Result<Vec<_>, _>>()?;
    // `--reports-to` is a shorthand for a move of everyone not moved
    // otherwise; whether people may stay unplaced is the core's rule.
    if let Some(manager) = reports_to {
        let to = person_resolve(ws.conn(), &manager)?;
        let unplaced = plan_unplaced_reports(ws.conn(), person_id, &moves)?;
        moves.extend(unplaced.into_iter().map(|r| Move {
            person_id: r.id,
            to_manager: Some(to),
        }));
    }
    let input = PlanInput {
        person_id,
        profile_id: profile.id,
        start_date: start.unwrap_or_else(|| today.to_string()),
        moves,
        direction: None,
        reports_stay,
        pace: None,
    };
    let templates = templates_effective(ws.conn(), shipped_templates())?;
    // The choices are the core's (plan_preview); the flag only names one.
    // A plan that fits ignores the flag.
    let input = match if_too_big {
        Some(wanted) => {
            let preview = plan_preview(ws.conn(), &input, &templates)?;
            let pace = if preview.fits {
                None
            } else {
                let chosen = preview.choices.into_iter().find(|c| wanted.matches(c));
                Some(chosen.ok_or_else(|| {
                    let name = wanted
                        .to_possible_value()
                        .map(|v| v.get_name().to_string())
                        .unwrap_or_default();
                    Error::InvalidInput(format!(
                        "--if-too-big {name} would not make this plan fit; run without it to see the choices that would"
                    ))
                })?)
            };
            PlanInput { pace, ..input }
        }
        None => input,
    };
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
    if let Some(change) = &plan.structure_change {
        println!(
            "{} people moved (undo in the app: structure change {})",
            change.moves.len(),
            change.id
        );
    }
    Ok(())
}

fn show(ws: &Workspace, plan: i64, json: bool, markdown: bool, today: &str) -> Result<(), Error> {
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

fn edit(
    ws: &Workspace,
    plan: i64,
    item: i64,
    change: PlanItemChange,
    today: &str,
) -> Result<(), Error> {
    plan_item_change(ws.conn(), plan, item, &change, today)?;
    println!("updated item {item}");
    Ok(())
}

fn budget(ws: &Workspace, plan: i64, budget: WeeklyBudget, today: &str) -> Result<(), Error> {
    plan_budget_set(ws.conn(), plan, budget, today)?;
    println!("budget set: {} hours a week", budget.total());
    Ok(())
}

fn checkpoint(
    ws: &Workspace,
    plan: i64,
    decision: &str,
    note: &str,
    today: &str,
) -> Result<(), Error> {
    let decision = CheckpointDecision::parse(decision).ok_or_else(|| {
        Error::InvalidInput(format!(
            "unknown decision \"{decision}\": use keep-going, adjust or go-back"
        ))
    })?;
    plan_checkpoint_set(ws.conn(), plan, Some(decision), note, today)?;
    println!("checkpoint decision: {}", decision.label());
    Ok(())
}

fn add_audit(ws: &Workspace, plan: i64, audit: i64, today: &str) -> Result<(), Error> {
    let feed = plan_add_audit_actions(ws.conn(), plan, audit, today)?;
    println!(
        "added {} item(s) from audit {audit}; {} already in the plan",
        feed.added, feed.already_there
    );
    Ok(())
}

fn delete(ws: &Workspace, plan: i64, today: &str) -> Result<(), Error> {
    let deleted = plan_delete(ws.conn(), plan, today)?;
    println!(
        "deleted plan {plan} of {} ({} items)",
        deleted.plan.person_name,
        deleted.plan.items.len()
    );
    if let Some(change) = deleted.plan.structure_change.filter(|c| !c.undone) {
        println!(
            "its structure change stays: {} ({} people moved)",
            change.description,
            change.moves.len()
        );
    }
    Ok(())
}

fn check(ws: &Workspace, plan: i64, item: i64, undo: bool, today: &str) -> Result<(), Error> {
    let plan = plan_item_check(ws.conn(), plan, item, !undo, today)?;
    let done: u32 = plan.phases.iter().map(|p| p.done).sum();
    let total: u32 = plan.phases.iter().map(|p| p.total).sum();
    println!(
        "{} item {item}; {done} of {total} done",
        if undo { "unticked" } else { "ticked" }
    );
    Ok(())
}
