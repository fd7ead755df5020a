//! Telling apart people who share a name: by title, else team, else id.

use std::collections::HashMap;

use rusqlite::{params, Connection};

use super::Person;
use crate::error::Result;

/// A namesake as far as telling people apart goes: (title, team).
type Namesake = (String, Option<String>);

/// What tells a person apart from namesakes: their title if no namesake has
/// it, else their team if no namesake is in it, else their id (always unique).
fn tell_apart(title: &str, team: Option<&str>, ext_id: &str, namesakes: &[Namesake]) -> String {
    if !title.is_empty()
        && namesakes
            .iter()
            .all(|(t, _)| !t.eq_ignore_ascii_case(title))
    {
        return title.to_string();
    }
    if let Some(team) = team.filter(|t| !t.is_empty()) {
        if namesakes
            .iter()
            .all(|(_, t)| !t.as_deref().is_some_and(|t| t.eq_ignore_ascii_case(team)))
        {
            return team.to_string();
        }
    }
    format!("id {ext_id}")
}

/// The namesakes (title, team) of each person among `people` (id, name) who
/// shares their name with someone. Few people: one indexed query each; many: one
/// grouped scan of the table.
fn namesakes_of(conn: &Connection, people: &[(i64, &str)]) -> Result<HashMap<i64, Vec<Namesake>>> {
    let mut found: HashMap<i64, Vec<Namesake>> = HashMap::new();
    if people.len() <= 200 {
        let mut stmt = conn.prepare_cached(
            "SELECT p.title, t.name FROM person p LEFT JOIN team t ON t.id = p.team_id
             WHERE p.name = ?1 COLLATE NOCASE AND p.id <> ?2",
        )?;
        for &(id, name) in people {
            let others = stmt
                .query_map(params![name, id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            if !others.is_empty() {
                found.insert(id, others);
            }
        }
        return Ok(found);
    }
    let mut stmt = conn.prepare(
        "SELECT p.id, lower(p.name), p.title, t.name FROM person p LEFT JOIN team t ON t.id = p.team_id
         WHERE lower(p.name) IN (SELECT lower(name) FROM person GROUP BY lower(name) HAVING count(*) > 1)",
    )?;
    let mut by_name: HashMap<String, Vec<(i64, String, Option<String>)>> = HashMap::new();
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get(2)?,
            r.get(3)?,
        ))
    })?;
    for row in rows {
        let (id, name, title, team) = row?;
        by_name.entry(name).or_default().push((id, title, team));
    }
    for &(id, name) in people {
        if let Some(group) = by_name.get(&name.to_lowercase()) {
            let others: Vec<Namesake> = group
                .iter()
                .filter(|(other, _, _)| *other != id)
                .map(|(_, title, team)| (title.clone(), team.clone()))
                .collect();
            if !others.is_empty() {
                found.insert(id, others);
            }
        }
    }
    Ok(found)
}

/// What a list shows of a person, enough to tell them from namesakes.
pub struct Shown<'a> {
    pub id: i64,
    pub name: &'a str,
    pub title: &'a str,
    pub team: Option<&'a str>,
    pub ext_id: &'a str,
}

/// What tells each of `people` apart from their namesakes, for those who have
/// any: one batch of lookups for a whole page or list.
pub fn disambiguations(conn: &Connection, people: &[Shown]) -> Result<HashMap<i64, String>> {
    let keys: Vec<(i64, &str)> = people.iter().map(|p| (p.id, p.name)).collect();
    let namesakes = namesakes_of(conn, &keys)?;
    Ok(people
        .iter()
        .filter_map(|p| {
            let others = namesakes.get(&p.id)?;
            Some((p.id, tell_apart(p.title, p.team, p.ext_id, others)))
        })
        .collect())
}

/// Fills `disambiguation` for everyone in `people` who has a namesake.
pub fn disambiguate(conn: &Connection, people: &mut [Person]) -> Result<()> {
    let shown: Vec<Shown> = people
        .iter()
        .map(|p| Shown {
            id: p.id,
            name: &p.name,
            title: &p.title,
            team: p.team.as_deref(),
            ext_id: &p.ext_id,
        })
        .collect();
    let mut found = disambiguations(conn, &shown)?;
    for person in people.iter_mut() {
        person.disambiguation = found.remove(&person.id);
    }
    Ok(())
}
