//! People (humans and AI agents) and the reporting line between them.
//!
//! Structure rules enforced here, for every write path (app, CLI, import):
//! - a person never ends up in their own reporting line (no cycles);
//! - a human reports to a human: an agent can be supervised, it cannot manage people;
//! - a manager with reports is deleted only once it is said where the reports go.

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::{named_params, params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db;
use crate::error::{Error, Result};
use crate::undo::{undo_record, undo_take, UndoKind};

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

/// Where the direct reports of a deleted person go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "to", rename_all = "snake_case")]
#[ts(export)]
pub enum ReportsDestination {
    /// To the deleted person's own manager (or to the top when they had none).
    UpOneLevel,
    /// To this person.
    Person {
        #[ts(type = "number")]
        id: i64,
    },
    /// To the top of the org: they will have no manager.
    NoManager,
}

/// What a deletion removed. The window shows it; undo asks for `undo_id` and
/// reads the rest from the workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeletedPerson {
    #[ts(type = "number")]
    pub undo_id: i64,
    pub person: Person,
    /// Ids of the people (and agents) who reported to them before the deletion.
    #[ts(type = "Array<number>")]
    pub former_reports: Vec<i64>,
    /// Where those reports went: the undo puts back only people still there.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub reports_went_to: Option<i64>,
    /// Their skill assessments, which go with them and come back on undo.
    pub assessments: Vec<crate::skills::assessment::Assessment>,
    /// The SDLC audit stages they owned: (audit id, stage), owned again on undo.
    #[serde(default)]
    #[ts(type = "Array<[number, string]>")]
    pub owned_audit_stages: Vec<(i64, String)>,
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

fn brief_from_row(row: &Row) -> rusqlite::Result<PersonBrief> {
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

fn clean(input: &PersonInput) -> Result<PersonInput> {
    let name = input.name.trim();
    if name.is_empty() {
        return Err(Error::InvalidInput("a person needs a name".into()));
    }
    let email = input.email.trim();
    if !email.is_empty() && (!email.contains('@') || email.contains(char::is_whitespace)) {
        return Err(Error::InvalidInput(format!(
            "\"{email}\" is not an email address"
        )));
    }
    Ok(PersonInput {
        name: name.into(),
        title: input.title.trim().into(),
        level: input.level.trim().into(),
        email: email.into(),
        ..input.clone()
    })
}

fn kind_of(conn: &Connection, id: i64) -> Result<PersonKind> {
    conn.query_row("SELECT kind FROM person WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no person with id {id}")))
}

fn check_team(conn: &Connection, team_id: Option<i64>) -> Result<()> {
    if let Some(team_id) = team_id {
        let exists: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM team WHERE id = ?1)",
            [team_id],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(Error::NotFound(format!("no team with id {team_id}")));
        }
    }
    Ok(())
}

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

fn manager_of(conn: &Connection, id: i64) -> Result<Option<Option<i64>>> {
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
            return Err(Error::Cycle(crate::org::cycle_message(&[names])));
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
    Ok(crate::org::chain_text(&names))
}

/// Refuses a reporting line that would make `person` report to themselves.
fn check_manager(
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
                crate::org::chain_text(&names)
            )
        };
        return Err(Error::Cycle(message));
    }
    Ok(())
}

/// An id for files that no other person has: "P-<n>" with the next free n.
fn next_ext_id(conn: &Connection) -> Result<String> {
    let mut n: i64 = conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM person", [], |r| {
        r.get(0)
    })?;
    loop {
        let candidate = format!("P-{n}");
        let taken: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM person WHERE ext_id = ?1)",
            [&candidate],
            |r| r.get(0),
        )?;
        if !taken {
            return Ok(candidate);
        }
        n += 1;
    }
}

pub fn person_create(conn: &Connection, input: &PersonInput) -> Result<Person> {
    let input = clean(input)?;
    let tx = db::write(conn)?;
    check_team(&tx, input.team_id)?;
    if let Some(manager_id) = input.manager_id {
        // A new person has no reports yet, so only the human-under-agent rule applies.
        check_manager(&tx, Some((-1, input.kind)), manager_id)?;
    }
    let ext_id = next_ext_id(&tx)?;
    tx.execute(
        "INSERT INTO person (ext_id, name, title, kind, role_track, level, team_id, email, manager_id)
         VALUES (:ext_id, :name, :title, :kind, :role, :level, :team, :email, :manager)",
        named_params! {
            ":ext_id": ext_id,
            ":name": input.name,
            ":title": input.title,
            ":kind": input.kind.as_str(),
            ":role": input.role_track.map(RoleTrack::as_str),
            ":level": input.level,
            ":team": input.team_id,
            ":email": input.email,
            ":manager": input.manager_id,
        },
    )?;
    let id = tx.last_insert_rowid();
    tx.commit()?;
    person_get(conn, id)
}

pub fn person_update(conn: &Connection, id: i64, input: &PersonInput) -> Result<Person> {
    let input = clean(input)?;
    let tx = db::write(conn)?;
    let before = person_get(&tx, id)?;
    check_team(&tx, input.team_id)?;
    if input.kind == PersonKind::Agent && before.direct_reports > 0 {
        return Err(Error::InvalidInput(format!(
            "{} has people reporting to them and cannot become an AI agent; move their reports first",
            before.name
        )));
    }
    if let Some(manager_id) = input.manager_id {
        check_manager(&tx, Some((id, input.kind)), manager_id)?;
    }
    tx.execute(
        "UPDATE person SET name = :name, title = :title, kind = :kind, role_track = :role,
                level = :level, team_id = :team, email = :email, manager_id = :manager
         WHERE id = :id",
        named_params! {
            ":id": id,
            ":name": input.name,
            ":title": input.title,
            ":kind": input.kind.as_str(),
            ":role": input.role_track.map(RoleTrack::as_str),
            ":level": input.level,
            ":team": input.team_id,
            ":email": input.email,
            ":manager": input.manager_id,
        },
    )?;
    tx.commit()?;
    person_get(conn, id)
}

/// Moves a person, with their whole subtree, under another manager (or to the top).
pub fn person_move(conn: &Connection, id: i64, new_manager: Option<i64>) -> Result<Person> {
    let tx = db::write(conn)?;
    let kind = kind_of(&tx, id)?;
    if let Some(manager_id) = new_manager {
        check_manager(&tx, Some((id, kind)), manager_id)?;
    }
    tx.execute(
        "UPDATE person SET manager_id = ?2 WHERE id = ?1",
        params![id, new_manager],
    )?;
    tx.commit()?;
    person_get(conn, id)
}

/// Deletes a person; their direct reports go where `reports` says, in the same
/// transaction. Returns what `person_restore` needs to undo it.
pub fn person_delete(
    conn: &Connection,
    id: i64,
    reports: ReportsDestination,
) -> Result<DeletedPerson> {
    let tx = db::write(conn)?;
    let person = person_get(&tx, id)?;
    // A plan is a person's own work; deleting it along with them could not be undone.
    let plans: i64 = tx.query_row(
        "SELECT count(*) FROM transition_plan WHERE person_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if plans > 0 {
        return Err(Error::Conflict(format!(
            "{} has a transition plan; delete the plan first, on the Transition screen",
            person.name
        )));
    }
    let audits: i64 = tx.query_row(
        "SELECT count(*) FROM sdlc_audit WHERE person_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if audits > 0 {
        return Err(Error::Conflict(format!(
            "{} has {audits} SDLC audit(s) of their work; delete those first",
            person.name
        )));
    }
    let owned_audit_stages = {
        let mut stmt = tx.prepare(
            "SELECT audit_id, stage FROM sdlc_audit_stage WHERE owner_id = ?1 ORDER BY audit_id, stage",
        )?;
        let owned = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<(i64, String)>>>()?;
        owned
    };
    let mut stmt = tx.prepare("SELECT id FROM person WHERE manager_id = ?1 ORDER BY id")?;
    let former_reports: Vec<i64> = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    drop(stmt);
    let assessments = crate::skills::assessment::assessment_list(&tx, id, None)?;
    let destination = match reports {
        ReportsDestination::UpOneLevel => person.manager_id,
        ReportsDestination::NoManager => None,
        ReportsDestination::Person { id: target } => {
            if target == id {
                return Err(Error::InvalidInput(format!(
                    "{}'s reports cannot go to {} who is being deleted",
                    person.name, person.name
                )));
            }
            Some(target)
        }
    };
    if let Some(target) = destination {
        for &report in &former_reports {
            let kind = kind_of(&tx, report)?;
            // The target may sit below the deleted person; detach first so the
            // cycle check sees the structure as it will be.
            tx.execute(
                "UPDATE person SET manager_id = NULL WHERE id = ?1",
                [report],
            )?;
            check_manager(&tx, Some((report, kind)), target)?;
        }
    }
    tx.execute(
        "UPDATE person SET manager_id = ?2 WHERE manager_id = ?1 OR id IN (SELECT value FROM json_each(?3))",
        params![id, destination, serde_json::to_string(&former_reports).unwrap_or_default()],
    )?;
    tx.execute("DELETE FROM person WHERE id = ?1", [id])?;
    let mut deleted = DeletedPerson {
        undo_id: 0,
        person,
        former_reports,
        reports_went_to: destination,
        assessments,
        owned_audit_stages,
    };
    deleted.undo_id = undo_record(&tx, UndoKind::Person, &deleted.person.name, &deleted)?;
    tx.commit()?;
    Ok(deleted)
}

/// Undoes `person_delete`: the person comes back with the same id, fields,
/// attributes and assessments, and their former reports report to them again.
/// Refused, with the reason, when a former report has been moved since (the
/// undo would silently overwrite that move) or when the result would have a
/// reporting cycle.
pub fn person_restore(conn: &Connection, undo_id: i64) -> Result<Person> {
    let tx = db::write(conn)?;
    let deleted: DeletedPerson = undo_take(&tx, undo_id, UndoKind::Person)?;
    let p = &deleted.person;
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM person WHERE id = ?1 OR ext_id = ?2)",
        params![p.id, p.ext_id],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Error::Conflict(format!(
            "{} cannot be restored: their id {} is in use again",
            p.name, p.ext_id
        )));
    }
    // Reports deleted since are skipped; the others must still be where the
    // deletion put them.
    let mut returning = Vec::new();
    for &report in &deleted.former_reports {
        match manager_of(&tx, report)? {
            None => {}
            Some(now) if now == deleted.reports_went_to => returning.push(report),
            Some(now) => {
                let name = names_of(&tx, &[report])?.remove(0);
                let place = match now {
                    Some(m) => format!("now reports to {}", names_of(&tx, &[m])?.remove(0)),
                    None => "is now at the top of the org".to_string(),
                };
                return Err(Error::Conflict(format!(
                    "cannot undo deleting {}: {name}, who reported to them, has been moved since ({name} {place}); move {name} back first or leave the deletion",
                    p.name
                )));
            }
        }
    }
    let manager = match p.manager_id {
        Some(m) if kind_of(&tx, m).is_ok() => Some(m),
        _ => None,
    };
    let team = match p.team_id {
        Some(t) if check_team(&tx, Some(t)).is_ok() => Some(t),
        _ => None,
    };
    tx.execute(
        "INSERT INTO person (id, ext_id, name, title, kind, role_track, level, team_id, email, manager_id, attributes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            p.id,
            p.ext_id,
            p.name,
            p.title,
            p.kind.as_str(),
            p.role_track.map(RoleTrack::as_str),
            p.level,
            team,
            p.email,
            manager,
            serde_json::to_string(&p.attributes).unwrap_or_else(|_| "{}".into()),
        ],
    )?;
    for assessment in &deleted.assessments {
        crate::skills::assessment::assessment_insert(&tx, assessment)?;
    }
    for (audit, stage) in &deleted.owned_audit_stages {
        // Only where nobody was made the owner since.
        tx.execute(
            "UPDATE sdlc_audit_stage SET owner_id = ?1 WHERE audit_id = ?2 AND stage = ?3 AND owner_id IS NULL",
            params![p.id, audit, stage],
        )?;
    }
    for &report in &returning {
        tx.execute(
            "UPDATE person SET manager_id = ?1 WHERE id = ?2",
            params![p.id, report],
        )?;
    }
    let mut moved = vec![p.id];
    moved.extend(&returning);
    if let Some(cycle) = cycle_through(&tx, &moved)? {
        return Err(Error::Conflict(format!(
            "cannot undo deleting {}: with the moves made since, it would create a reporting cycle ({})",
            p.name,
            cycle_names(&tx, &cycle)?
        )));
    }
    tx.commit()?;
    person_get(conn, p.id)
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
pub(crate) mod tests {
    use super::*;
    use crate::db::open_in_memory;

    /// Everyone's (id, manager id): the whole reporting structure, to compare.
    pub(crate) fn reporting_lines(conn: &Connection) -> Vec<(i64, Option<i64>)> {
        person_all(conn)
            .unwrap()
            .into_iter()
            .map(|p| (p.id, p.manager_id))
            .collect()
    }

    pub(crate) fn add(conn: &Connection, name: &str, manager: Option<i64>) -> i64 {
        person_create(
            conn,
            &PersonInput {
                manager_id: manager,
                ..PersonInput::human(name)
            },
        )
        .unwrap()
        .id
    }

    #[test]
    fn moving_a_manager_under_their_report_is_refused_naming_the_people() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let bo = add(&conn, "Bo", Some(ada));
        let cy = add(&conn, "Cy", Some(bo));
        let err = person_move(&conn, ada, Some(cy)).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Cycle, "got {err}");
        let message = err.to_string();
        for name in ["Ada", "Bo", "Cy"] {
            assert!(
                message.contains(name),
                "message should name {name}: {message}"
            );
        }
        assert_eq!(
            person_get(&conn, ada).unwrap().manager_id,
            None,
            "nothing should change"
        );
    }

    #[test]
    fn a_person_cannot_report_to_themselves() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let err = person_move(&conn, ada, Some(ada)).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Cycle);
    }

    #[test]
    fn moving_a_person_takes_their_subtree_along() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let bo = add(&conn, "Bo", Some(ada));
        let cy = add(&conn, "Cy", Some(bo));
        let di = add(&conn, "Di", Some(ada));
        person_move(&conn, bo, Some(di)).unwrap();
        let chain: Vec<String> = person_chain(&conn, cy)
            .unwrap()
            .into_iter()
            .map(|b| b.name)
            .collect();
        assert_eq!(chain, ["Ada", "Di", "Bo", "Cy"]);
    }

    #[test]
    fn a_human_cannot_report_to_an_agent() {
        let conn = open_in_memory().unwrap();
        let bot = person_create(
            &conn,
            &PersonInput {
                kind: PersonKind::Agent,
                ..PersonInput::human("Review bot")
            },
        )
        .unwrap();
        let err = person_create(
            &conn,
            &PersonInput {
                manager_id: Some(bot.id),
                ..PersonInput::human("Ada")
            },
        )
        .unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
        assert!(err.to_string().contains("Review bot"), "{err}");
    }

    #[test]
    fn deleting_a_manager_sends_reports_where_asked_and_undo_restores_everything() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let bo = add(&conn, "Bo", Some(ada));
        let cy = add(&conn, "Cy", Some(bo));
        let di = add(&conn, "Di", Some(bo));
        let eve = add(&conn, "Eve", Some(ada));
        let before = person_get(&conn, bo).unwrap();
        let framework =
            crate::skills::framework::framework_resolve(&conn, "ai-native-ic-leader").unwrap();
        let skill = framework.areas[0].skills[0].key.clone();
        let assessment = crate::skills::assessment::assessment_create(
            &conn,
            &crate::skills::assessment::AssessmentInput {
                person_id: bo,
                framework_id: framework.id,
                assessor_role: crate::skills::assessment::AssessorRole::SelfAssessed,
                assessor_name: String::new(),
                assessed_on: "2026-05-01".into(),
                round: String::new(),
                note: "before the reorg".into(),
                ratings: vec![crate::skills::assessment::RatingInput {
                    skill_key: skill,
                    level: 3,
                    interest: Some(2),
                    note: "ok".into(),
                }],
            },
        )
        .unwrap();
        let deleted = person_delete(&conn, bo, ReportsDestination::Person { id: eve }).unwrap();
        assert!(crate::skills::assessment::assessment_list(&conn, bo, None)
            .unwrap()
            .is_empty());
        assert_eq!(person_get(&conn, cy).unwrap().manager_id, Some(eve));
        assert_eq!(person_get(&conn, di).unwrap().manager_id, Some(eve));
        assert_eq!(
            person_get(&conn, bo).unwrap_err().kind(),
            crate::ErrorKind::NotFound
        );

        let restored = person_restore(&conn, deleted.undo_id).unwrap();
        assert_eq!(restored, before, "undo should bring back the same person");
        let back = crate::skills::assessment::assessment_list(&conn, bo, None).unwrap();
        assert_eq!(back.len(), 1, "undo brings the assessments back");
        assert_eq!(
            (&back[0].note, &back[0].ratings),
            (&assessment.note, &assessment.ratings)
        );
        assert_eq!(person_get(&conn, cy).unwrap().manager_id, Some(bo));
        assert_eq!(person_get(&conn, di).unwrap().manager_id, Some(bo));
    }

    #[test]
    fn deleting_a_manager_into_their_own_subtree_is_refused_and_changes_nothing() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let bo = add(&conn, "Bo", Some(ada));
        let cy = add(&conn, "Cy", Some(bo));
        let di = add(&conn, "Di", Some(cy));
        // Cy's report Di is fine; but Bo's other report... Cy itself under Di would be a cycle.
        let err = person_delete(&conn, bo, ReportsDestination::Person { id: di }).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Cycle, "got {err}");
        assert_eq!(
            person_get(&conn, bo).unwrap().manager_id,
            Some(ada),
            "Bo must still exist"
        );
        assert_eq!(
            person_get(&conn, cy).unwrap().manager_id,
            Some(bo),
            "Cy must be unchanged"
        );
    }

    #[test]
    fn empty_names_and_bad_emails_are_refused() {
        let conn = open_in_memory().unwrap();
        assert_eq!(
            person_create(&conn, &PersonInput::human("  "))
                .unwrap_err()
                .kind(),
            crate::ErrorKind::InvalidInput
        );
        let bad = PersonInput {
            email: "not an email".into(),
            ..PersonInput::human("Ada")
        };
        assert_eq!(
            person_create(&conn, &bad).unwrap_err().kind(),
            crate::ErrorKind::InvalidInput
        );
    }

    #[test]
    fn people_are_found_by_file_id_or_unique_name() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        add(&conn, "Twin", None);
        add(&conn, "Twin", None);
        let ext = person_get(&conn, ada).unwrap().ext_id;
        assert_eq!(person_resolve(&conn, &ext).unwrap(), ada);
        assert_eq!(person_resolve(&conn, "ada").unwrap(), ada);
        assert_eq!(
            person_resolve(&conn, "Twin").unwrap_err().kind(),
            crate::ErrorKind::InvalidInput
        );
        assert_eq!(
            person_resolve(&conn, "Nobody").unwrap_err().kind(),
            crate::ErrorKind::NotFound
        );
    }

    #[test]
    fn the_people_page_filters_and_counts() {
        let conn = open_in_memory().unwrap();
        for name in ["Ada", "Adam", "Bo", "100%_real"] {
            add(&conn, name, None);
        }
        let page = person_page(&conn, "ada", 0, 10).unwrap();
        assert_eq!(page.total, 2);
        assert_eq!(
            page.rows
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>(),
            ["Ada", "Adam"]
        );
        assert_eq!(
            person_page(&conn, "%_", 0, 10).unwrap().total,
            1,
            "LIKE wildcards are literal"
        );
        assert_eq!(person_page(&conn, "", 1, 2).unwrap().rows.len(), 2);
    }
}
