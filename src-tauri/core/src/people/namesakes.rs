//! Telling apart people who share a name: by title, else team, else id.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use rusqlite::{params, Connection};

use super::Person;
use crate::error::Result;

/// Someone in a group of people with the same name, as far as telling them
/// apart goes: (id, title, team).
type Namesake = (i64, String, Option<String>);

/// What tells `person` apart from the others in `group` (everyone with their
/// name, which may include them): their title if no other has it, else their
/// team if no other is in it, else their id (always unique).
fn tell_apart(person: &Shown, group: &[Namesake]) -> String {
    let others = || group.iter().filter(|(id, _, _)| *id != person.id);
    let title = person.title;
    if !title.is_empty() && others().all(|(_, t, _)| !t.eq_ignore_ascii_case(title)) {
        return title.to_string();
    }
    if let Some(team) = person.team.filter(|t| !t.is_empty()) {
        if others().all(|(_, _, t)| !t.as_deref().is_some_and(|t| t.eq_ignore_ascii_case(team))) {
            return team.to_string();
        }
    }
    format!("id {}", person.ext_id)
}

/// A name as SQLite compares it `COLLATE NOCASE`: ASCII letters folded.
fn folded(name: &str) -> String {
    name.to_ascii_lowercase()
}

/// Everyone who bears the name of one of `people`, grouped by the folded
/// name. Few people: one indexed query per name; many (a flag list of a large
/// org): one scan of the table, keeping the rows whose name is asked for.
fn groups_of(conn: &Connection, people: &[Shown]) -> Result<HashMap<String, Vec<Namesake>>> {
    let mut groups: HashMap<String, Vec<Namesake>> = HashMap::new();
    if people.len() <= 200 {
        let mut stmt = conn.prepare_cached(
            "SELECT p.id, p.title, t.name FROM person p LEFT JOIN team t ON t.id = p.team_id
             WHERE p.name = ?1 COLLATE NOCASE",
        )?;
        for person in people {
            if let Entry::Vacant(slot) = groups.entry(folded(person.name)) {
                let group = stmt
                    .query_map(params![person.name], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                slot.insert(group);
            }
        }
        return Ok(groups);
    }
    for person in people {
        groups.entry(folded(person.name)).or_default();
    }
    let mut stmt = conn.prepare(
        "SELECT p.id, p.name, p.title, t.name FROM person p LEFT JOIN team t ON t.id = p.team_id",
    )?;
    let mut rows = stmt.query([])?;
    let mut name = String::new();
    while let Some(row) = rows.next()? {
        name.clear();
        name.push_str(row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?);
        name.make_ascii_lowercase();
        if let Some(group) = groups.get_mut(&name) {
            group.push((row.get(0)?, row.get(2)?, row.get(3)?));
        }
    }
    Ok(groups)
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
    let groups = groups_of(conn, people)?;
    Ok(people
        .iter()
        .filter_map(|p| {
            let group = groups.get(&folded(p.name))?;
            let has_namesakes = group.iter().any(|(id, _, _)| *id != p.id);
            has_namesakes.then(|| (p.id, tell_apart(p, group)))
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
