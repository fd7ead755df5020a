//! `leadline people`: list everyone, move someone.

use clap::Subcommand;
use leadline_core::people::{person_all, person_move, person_resolve};
use leadline_core::{Error, Workspace};

use super::write_out;

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

pub fn execute(ws: Workspace, command: PeopleCommand) -> Result<(), Error> {
    match command {
        PeopleCommand::List { json } => list(&ws, json),
        PeopleCommand::Move { person, to, top } => move_to(&ws, &person, to.as_deref(), top),
    }
}

fn list(ws: &Workspace, json: bool) -> Result<(), Error> {
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

fn move_to(ws: &Workspace, person: &str, to: Option<&str>, top: bool) -> Result<(), Error> {
    if to.is_none() && !top {
        return Err(Error::InvalidInput(
            "say where the person goes: --to MANAGER, or --top for no manager".into(),
        ));
    }
    let id = person_resolve(ws.conn(), person)?;
    let manager = to.map(|m| person_resolve(ws.conn(), m)).transpose()?;
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
