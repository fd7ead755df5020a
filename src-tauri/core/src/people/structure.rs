//! Walks up reporting lines: chains of command, and the checks that keep a
//! person out of their own reporting line. Every walk is linear and reports a
//! cycle already in the file instead of following it forever.

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension};

use super::{brief_from_row, kind_of, person_brief, PersonBrief, PersonKind};
use crate::error::{Error, Result};

/// The chain of command of a person, from the top of the org down to them.
pub fn person_chain(conn: &Connection, id: i64) -> Result<Vec<PersonBrief>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, ext_id, name, title, kind FROM person WHERE id = ?1")?;
    let mut chain = chain_up(conn, id)?
        .into_iter()
        .map(|i| Ok(stmt.query_row([i], brief_from_row)?))
        .collect::<Result<Vec<_>>>()?;
    chain.reverse();
    Ok(chain)
}

/// The names of people, in the order given (for messages).
pub fn names_of(conn: &Connection, ids: &[i64]) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT name FROM person WHERE id = ?1")?;
    ids.iter()
        .map(|&id| {
            Ok(stmt
                .query_row([id], |r| r.get(0))
                .optional()?
                .unwrap_or_else(|| format!("#{id}")))
        })
        .collect()
}

pub(crate) fn manager_of(conn: &Connection, id: i64) -> Result<Option<Option<i64>>> {
    Ok(conn
        .prepare_cached("SELECT manager_id FROM person WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// Ids up the reporting line from `id` (first) to the top, in time linear in
/// the chain. A cycle already in the file is reported, never followed forever.
fn chain_up(conn: &Connection, id: i64) -> Result<Vec<i64>> {
    let mut chain = vec![id];
    let mut seen = HashSet::from([id]);
    let mut current = id;
    loop {
        let manager = manager_of(conn, current)?
            .ok_or_else(|| Error::NotFound(format!("no person with id {current}")))?;
        let Some(manager) = manager else {
            return Ok(chain);
        };
        if !seen.insert(manager) {
            let from = chain.iter().position(|&c| c == manager).expect("seen");
            let names = names_of(conn, &chain[from..])?;
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            return Err(Error::Cycle(crate::chain::cycle_message(&[names])));
        }
        chain.push(manager);
        current = manager;
    }
}

/// A reporting cycle through any of `people`, if the current (uncommitted)
/// state of the transaction has one: each member, each reporting to the next.
/// Every write that changes reporting lines without checking each move on its
/// own (undo, restore) calls this before it commits. Linear in the chains
/// walked: a person already known to reach the top is not walked again.
pub fn cycle_through(conn: &Connection, people: &[i64]) -> Result<Option<Vec<i64>>> {
    let mut settled: HashSet<i64> = HashSet::new();
    for &start in people {
        let mut path: Vec<i64> = Vec::new();
        let mut on_path: HashSet<i64> = HashSet::new();
        let mut current = Some(start);
        while let Some(person) = current {
            if settled.contains(&person) {
                break;
            }
            if !on_path.insert(person) {
                let from = path.iter().position(|&p| p == person).expect("on path");
                return Ok(Some(path[from..].to_vec()));
            }
            path.push(person);
            current = manager_of(conn, person)?.flatten();
        }
        settled.extend(path);
    }
    Ok(None)
}

/// "Bo → Di → Bo", for a message.
pub fn cycle_names(conn: &Connection, cycle: &[i64]) -> Result<String> {
    let mut names = names_of(conn, cycle)?;
    if let Some(first) = names.first().cloned() {
        names.push(first);
    }
    Ok(crate::chain::chain_text(&names))
}

/// Refuses a reporting line that would make `person` report to themselves.
pub(crate) fn check_manager(
    conn: &Connection,
    person: Option<(i64, PersonKind)>,
    manager_id: i64,
) -> Result<()> {
    let manager_kind = kind_of(conn, manager_id)?;
    let Some((person_id, person_kind)) = person else {
        return Ok(());
    };
    if person_kind == PersonKind::Human && manager_kind == PersonKind::Agent {
        let manager = person_brief(conn, manager_id)?;
        return Err(Error::InvalidInput(format!(
            "{} is an AI agent: a person cannot report to an agent",
            manager.name
        )));
    }
    let chain = chain_up(conn, manager_id)?;
    if let Some(pos) = chain.iter().position(|&id| id == person_id) {
        // chain[..=pos] runs from the manager up to the person.
        let names = names_of(conn, &chain[..=pos])?;
        let (person, manager) = (&names[pos], &names[0]);
        let message = if pos == 0 {
            format!("{person} cannot report to themselves")
        } else {
            format!(
                "moving {person} under {manager} would create a cycle: {manager} already reports to {person} ({})",
                crate::chain::chain_text(&names)
            )
        };
        return Err(Error::Cycle(message));
    }
    Ok(())
}
