//! `leadline audit …`: SDLC bottleneck audits from the command line.

use clap::{Args, Subcommand};
use leadline_core::people::person_resolve;
use leadline_core::teams::team_resolve;
use leadline_core::transition::audit::{
    audit_create, audit_get, audit_list, Audit, AuditInput, AuditScope, Stage, StageInput,
    AI_USE_SCALE, SLOWDOWN_SCALE,
};
use leadline_core::transition::plan::plan_audit_create;
use leadline_core::{Error, Workspace};

use super::{json_out, write_out};

#[derive(Debug, Args)]
#[group(required = false, multiple = false)]
pub struct ScopeArgs {
    /// Audit one person's work (id or unique name).
    #[arg(long)]
    person: Option<String>,
    /// Audit a team's work (id or name).
    #[arg(long)]
    team: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Record a dated audit. Rate each stage as --stage STAGE=SLOWDOWN/AI_USE,
    /// both 0–4, e.g. --stage code-review=4/1. Stages: planning, strategy,
    /// prioritization, bug-fixing, code-generation, code-review.
    Create(CreateArgs),
    /// List audits, newest first (of one person or team, or all).
    List(ListArgs),
    /// Show an audit, compared with the previous audit of the same scope.
    Show(ShowArgs),
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    /// The audit's date (YYYY-MM-DD; default today).
    #[arg(long)]
    pub on: Option<String>,
    #[arg(long = "stage", value_name = "STAGE=SLOWDOWN/AI_USE", required = true)]
    pub stages: Vec<String>,
    /// Who owns a stage, a person or an agent: --owner "code-review=Review bot".
    #[arg(long = "owner", value_name = "STAGE=PERSON")]
    pub owners: Vec<String>,
    /// The next change to try in a stage: --next "code-review=Agent pre-review".
    #[arg(long = "next", value_name = "STAGE=CHANGE")]
    pub next: Vec<String>,
    #[arg(long, default_value = "")]
    pub note: String,
    /// Add the worst bottlenecks to this transition plan as items.
    #[arg(long, value_name = "PLAN")]
    pub plan: Option<i64>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub scope: ScopeArgs,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    pub audit: i64,
    #[arg(long)]
    pub json: bool,
}

fn scope_of(ws: &Workspace, args: &ScopeArgs) -> Result<Option<AuditScope>, Error> {
    Ok(match (&args.person, &args.team) {
        (Some(person), _) => Some(AuditScope::Person {
            id: person_resolve(ws.conn(), person)?,
        }),
        (None, Some(team)) => Some(AuditScope::Team {
            id: team_resolve(ws.conn(), team)?,
        }),
        (None, None) => None,
    })
}

fn stage_of(text: &str, flag: &str) -> Result<Stage, Error> {
    Stage::parse(text).ok_or_else(|| {
        Error::InvalidInput(format!(
            "{flag}: unknown stage \"{}\" (stages: planning, strategy, prioritization, bug-fixing, code-generation, code-review)",
            text.trim()
        ))
    })
}

fn split<'a>(text: &'a str, flag: &str, shape: &str) -> Result<(&'a str, &'a str), Error> {
    text.split_once('=')
        .ok_or_else(|| Error::InvalidInput(format!("{flag} \"{text}\" should look like {shape}")))
}

/// The stage's input, which `--owner` and `--next` need rated by a `--stage`.
fn rated<'a>(
    inputs: &'a mut [StageInput],
    text: &str,
    flag: &str,
) -> Result<&'a mut StageInput, Error> {
    let stage = stage_of(text, flag)?;
    inputs.iter_mut().find(|i| i.stage == stage).ok_or_else(|| {
        Error::InvalidInput(format!(
            "{flag}: {} is not rated; add --stage for it",
            stage.label()
        ))
    })
}

fn parse_level(text: &str, what: &str, arg: &str) -> Result<u8, Error> {
    text.trim()
        .parse::<u8>()
        .ok()
        .filter(|n| *n <= 4)
        .ok_or_else(|| Error::InvalidInput(format!("--stage \"{arg}\": {what} must be 0–4")))
}

fn audit_text(audit: &Audit) -> String {
    let mut out = format!(
        "audit {} of {} on {}{}\n",
        audit.id,
        audit.scope_name,
        audit.taken_on,
        audit
            .previous
            .as_ref()
            .map(|p| format!(" (compared with {})", p.taken_on))
            .unwrap_or_default()
    );
    out.push_str(&format!(
        "{:<16} {:<24} {:<30} {:<20} {}\n",
        "STAGE", "SLOWDOWN", "AI USE", "OWNER", "NEXT CHANGE"
    ));
    for s in &audit.stages {
        let was = |now: u8, before: Option<u8>| match before {
            Some(b) if b != now => format!(" (was {b})"),
            _ => String::new(),
        };
        out.push_str(&format!(
            "{:<16} {:<24} {:<30} {:<20} {}{}\n",
            s.label,
            format!(
                "{} {}{}",
                s.slowdown,
                SLOWDOWN_SCALE[s.slowdown as usize],
                was(s.slowdown, s.previous_slowdown)
            ),
            format!(
                "{} {}{}",
                s.ai_use,
                AI_USE_SCALE[s.ai_use as usize],
                was(s.ai_use, s.previous_ai_use)
            ),
            s.owner_name.as_deref().unwrap_or("—"),
            s.next_change,
            s.rank
                .map(|r| format!("  ← bottleneck #{r}"))
                .unwrap_or_default()
        ));
    }
    if audit.worst.is_empty() {
        out.push_str("no stage slows the work noticeably\n");
    }
    out
}

pub fn execute(ws: &mut Workspace, command: AuditCommand, today: &str) -> Result<(), Error> {
    match command {
        AuditCommand::Create(args) => create(ws, today, args),
        AuditCommand::List(args) => list(ws, args),
        AuditCommand::Show(args) => show(ws, args),
    }
}

fn create(ws: &mut Workspace, today: &str, args: CreateArgs) -> Result<(), Error> {
    let CreateArgs {
        scope,
        on,
        stages,
        owners,
        next,
        note,
        plan,
    } = args;
    let scope = scope_of(ws, &scope)?.ok_or_else(|| {
        Error::InvalidInput("say whose work the audit is about: --person or --team".into())
    })?;
    let mut inputs = Vec::new();
    for arg in &stages {
        let (stage, levels) = split(arg, "--stage", "STAGE=SLOWDOWN/AI_USE")?;
        let (slowdown, ai) = levels.split_once('/').ok_or_else(|| {
            Error::InvalidInput(format!(
                "--stage \"{arg}\" should look like STAGE=SLOWDOWN/AI_USE, e.g. code-review=4/1"
            ))
        })?;
        inputs.push(StageInput {
            stage: stage_of(stage, "--stage")?,
            slowdown: parse_level(slowdown, "the slowdown", arg)?,
            ai_use: parse_level(ai, "the AI use", arg)?,
            owner_id: None,
            next_change: String::new(),
        });
    }
    for arg in &owners {
        let (stage, who) = split(arg, "--owner", "STAGE=PERSON")?;
        let owner = person_resolve(ws.conn(), who)?;
        rated(&mut inputs, stage, "--owner")?.owner_id = Some(owner);
    }
    for arg in &next {
        let (stage, change) = split(arg, "--next", "STAGE=CHANGE")?;
        rated(&mut inputs, stage, "--next")?.next_change = change.trim().to_string();
    }
    let input = AuditInput {
        scope,
        taken_on: on.unwrap_or_else(|| today.to_string()),
        note,
        stages: inputs,
    };
    // With --plan, the audit and its plan items land together or not at all.
    let (audit, feed) = match plan {
        Some(plan) => {
            let (audit, feed) = plan_audit_create(ws.conn(), plan, &input, today)?;
            (audit, Some((plan, feed)))
        }
        None => (audit_create(ws.conn(), &input)?, None),
    };
    let mut out = format!("created audit {}\n", audit.id);
    out.push_str(&audit_text(&audit));
    if let Some((plan, feed)) = feed {
        out.push_str(&format!(
            "added {} item(s) to plan {plan}; {} already there\n",
            feed.added, feed.already_there
        ));
    }
    write_out(out.as_bytes())
}

fn list(ws: &mut Workspace, args: ListArgs) -> Result<(), Error> {
    let ListArgs { scope, json } = args;
    let scope = scope_of(ws, &scope)?;
    let audits = audit_list(ws.conn(), scope)?;
    if json {
        return json_out(&audits);
    }
    let mut out = format!(
        "{:>5}  {:<10}  {:<28}  {:>14}  {}\n",
        "ID", "DATE", "OF", "TOTAL SLOWDOWN", "WORST"
    );
    for a in &audits {
        out.push_str(&format!(
            "{:>5}  {:<10}  {:<28}  {:>14}  {}\n",
            a.id,
            a.taken_on,
            a.scope_name,
            a.total_slowdown,
            a.worst.as_deref().unwrap_or("—")
        ));
    }
    write_out(out.as_bytes())
}

fn show(ws: &mut Workspace, args: ShowArgs) -> Result<(), Error> {
    let ShowArgs { audit, json } = args;
    let audit = audit_get(ws.conn(), audit)?;
    if json {
        return json_out(&audit);
    }
    write_out(audit_text(&audit).as_bytes())
}
