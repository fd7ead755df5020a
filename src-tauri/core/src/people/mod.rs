//! People (humans and AI agents) and the reporting line between them.
//!
//! Structure rules enforced here, for every write path (app, CLI, import):
//! - a person never ends up in their own reporting line (no cycles);
//! - a human reports to a human: an agent can be supervised, it cannot manage people;
//! - a manager with reports is deleted only once it is said where the reports go
//!   (in `crate::removal`, which sits above the domains a person's data lives in).
//!
//! This file holds the types and the reads; `write` the checked writes,
//! `structure` the walks up reporting lines, `namesakes` telling people apart.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

mod namesakes;
mod structure;
mod write;

pub use namesakes::{disambiguate, disambiguations, Shown};
pub(crate) use structure::{check_manager, manager_of};
pub use structure::{cycle_names, cycle_through, names_of, person_chain};
pub(crate) use write::check_team;
pub use write::{person_create, person_move, person_update};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PersonKind {
    Human,
    Agent,
}

impl PersonKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PersonKind::Human => "human",
            PersonKind::Agent => "agent",
        }
    }
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "human" | "person" | "employee" | "" => Some(PersonKind::Human),
            "agent" | "ai" | "ai agent" | "ai_agent" | "bot" => Some(PersonKind::Agent),
            _ => None,
        }
    }
}

crate::stored_enum!(PersonKind: PersonKind::Human, PersonKind::Agent);

/// The role a person declares. Structure decides who is a manager; a declared
/// track that disagrees is flagged by the metrics, never silently changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RoleTrack {
    Ic,
    Manager,
    IcLeader,
}

impl RoleTrack {
    pub fn as_str(self) -> &'static str {
        match self {
            RoleTrack::Ic => "ic",
            RoleTrack::Manager => "manager",
            RoleTrack::IcLeader => "ic_leader",
        }
    }
    pub fn parse(text: &str) -> Option<Self> {
        match text
            .trim()
            .to_ascii_lowercase()
            .replace(['-', ' '], "_")
            .as_str()
        {
            "ic" | "individual_contributor" => Some(RoleTrack::Ic),
            "manager" | "mgr" | "people_manager" => Some(RoleTrack::Manager),
            "ic_leader" | "icleader" => Some(RoleTrack::IcLeader),
            _ => None,
        }
    }
}

crate::stored_enum!(RoleTrack: RoleTrack::Ic, RoleTrack::Manager, RoleTrack::IcLeader);

/// A person as stored, with the names the UI shows beside the ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Person {
    #[ts(type = "number")]
    pub id: i64,
    /// The id used in files (an HRIS employee id); imports merge by it.
    pub ext_id: String,
    pub name: String,
    pub title: String,
    pub kind: PersonKind,
    pub role_track: Option<RoleTrack>,
    pub level: String,
    #[ts(type = "number | null")]
    pub team_id: Option<i64>,
    pub team: Option<String>,
    pub email: String,
    #[ts(type = "number | null")]
    pub manager_id: Option<i64>,
    pub manager_name: Option<String>,
    /// Columns of an import that map to no field, kept verbatim.
    pub attributes: BTreeMap<String, String>,
    /// Human direct reports (the span of control when above zero).
    pub direct_reports: u32,
    /// AI agents reporting directly to this person.
    pub agents_supervised: u32,
    /// What tells this person apart from others with the same name (their
    /// title, team or id); `null` when nobody else has the name.
    pub disambiguation: Option<String>,
}

/// What the user edits. Kept apart from `Person`, which carries derived fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonInput {
    pub name: String,
    #[serde(default)]
    pub title: String,
    pub kind: PersonKind,
    #[serde(default)]
    pub role_track: Option<RoleTrack>,
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub team_id: Option<i64>,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub manager_id: Option<i64>,
}

impl PersonInput {
    pub fn human(name: &str) -> Self {
        PersonInput {
            name: name.into(),
            title: String::new(),
            kind: PersonKind::Human,
            role_track: None,
            level: String::new(),
            team_id: None,
            email: String::new(),
            manager_id: None,
        }
    }
}

/// Just enough to name a person in a list, a chain of command or a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonBrief {
    #[ts(type = "number")]
    pub id: i64,
    pub ext_id: String,
    pub name: String,
    pub title: String,
    pub kind: PersonKind,
}

const PERSON_SELECT: &str = "
    SELECT p.id, p.ext_id, p.name, p.title, p.kind, p.role_track, p.level, p.team_id,
           t.name, p.email, p.manager_id, m.name, p.attributes,
           (SELECT count(*) FROM person r WHERE r.manager_id = p.id AND r.kind = 'human'),
           (SELECT count(*) FROM person r WHERE r.manager_id = p.id AND r.kind = 'agent')
    FROM person p
    LEFT JOIN team t ON t.id = p.team_id
    LEFT JOIN person m ON m.id = p.manager_id";

fn person_from_row(row: &Row) -> rusqlite::Result<Person> {
    let attributes: String = row.get(12)?;
    Ok(Person {
        id: row.get(0)?,
        ext_id: row.get(1)?,
        name: row.get(2)?,
        title: row.get(3)?,
        kind: row.get(4)?,
        role_track: row.get(5)?,
        level: row.get(6)?,
        team_id: row.get(7)?,
        team: row.get(8)?,
        email: row.get(9)?,
        manager_id: row.get(10)?,
        manager_name: row.get(11)?,
        attributes: stored_json(12, &attributes)?,
        direct_reports: row.get(13)?,
        agents_supervised: row.get(14)?,
        disambiguation: None,
    })
}

pub(super) fn brief_from_row(row: &Row) -> rusqlite::Result<PersonBrief> {
    Ok(PersonBrief {
        id: row.get(0)?,
        ext_id: row.get(1)?,
        name: row.get(2)?,
        title: row.get(3)?,
        kind: row.get(4)?,
    })
}

/// Reads a JSON column (attributes, a budget), failing on text that does not
/// parse instead of reading it as empty: that would drop the user's data on
/// the next write.
pub fn stored_json<T: serde::de::DeserializeOwned>(
    column: usize,
    text: &str,
) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub fn person_get(conn: &Connection, id: i64) -> Result<Person> {
    let person = conn
        .query_row(
            &format!("{PERSON_SELECT} WHERE p.id = ?1"),
            [id],
            person_from_row,
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no person with id {id}")))?;
    let mut one = [person];
    disambiguate(conn, &mut one)?;
    let [person] = one;
    Ok(person)
}

/// Human or agent; what the structure rules ask first.
pub(crate) fn kind_of(conn: &Connection, id: i64) -> Result<PersonKind> {
    conn.query_row("SELECT kind FROM person WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no person with id {id}")))
}

pub fn person_brief(conn: &Connection, id: i64) -> Result<PersonBrief> {
    conn.query_row(
        "SELECT id, ext_id, name, title, kind FROM person WHERE id = ?1",
        [id],
        brief_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("no person with id {id}")))
}

/// Finds a person from what a user typed on the command line: their file id
/// (ext_id), or their exact name when only one person has it.
pub fn person_resolve(conn: &Connection, text: &str) -> Result<i64> {
    let text = text.trim();
    if let Some(id) = conn
        .query_row("SELECT id FROM person WHERE ext_id = ?1", [text], |r| {
            r.get(0)
        })
        .optional()?
    {
        return Ok(id);
    }
    let mut stmt = conn.prepare("SELECT id FROM person WHERE name = ?1 COLLATE NOCASE LIMIT 3")?;
    let ids: Vec<i64> = stmt
        .query_map([text], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    match ids.as_slice() {
        [id] => Ok(*id),
        [] => Err(Error::NotFound(format!(
            "no person with id or name \"{text}\""
        ))),
        _ => Err(Error::InvalidInput(format!(
            "more than one person is named \"{text}\"; use their id instead"
        ))),
    }
}

/// A page of the people list, filtered by a text that matches name, title,
/// team, email or id.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PeoplePage {
    pub total: u32,
    pub offset: u32,
    pub rows: Vec<Person>,
}

pub fn person_page(conn: &Connection, filter: &str, offset: u32, limit: u32) -> Result<PeoplePage> {
    let pattern = format!(
        "%{}%",
        filter
            .trim()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let condition = "(?1 = '%%' OR p.name LIKE ?1 ESCAPE '\\' OR p.title LIKE ?1 ESCAPE '\\'
                      OR p.email LIKE ?1 ESCAPE '\\' OR p.ext_id LIKE ?1 ESCAPE '\\'
                      OR t.name LIKE ?1 ESCAPE '\\')";
    let total: u32 = conn.query_row(
        &format!(
            "SELECT count(*) FROM person p LEFT JOIN team t ON t.id = p.team_id WHERE {condition}"
        ),
        [&pattern],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare(&format!(
        "{PERSON_SELECT} WHERE {condition} ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?2 OFFSET ?3"
    ))?;
    let mut rows: Vec<Person> = stmt
        .query_map(params![pattern, limit.min(1000), offset], person_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    disambiguate(conn, &mut rows)?;
    Ok(PeoplePage {
        total,
        offset,
        rows,
    })
}

/// Everyone, ordered by name: for exports and the CLI list.
pub fn person_all(conn: &Connection) -> Result<Vec<Person>> {
    let mut stmt = conn.prepare(&format!(
        "{PERSON_SELECT} ORDER BY p.name COLLATE NOCASE, p.id"
    ))?;
    let mut rows: Vec<Person> = stmt
        .query_map([], person_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    disambiguate(conn, &mut rows)?;
    Ok(rows)
}

#[cfg(test)]
pub(crate) mod tests;
