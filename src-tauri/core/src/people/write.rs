//! Creating, editing and moving a person: each one `BEGIN IMMEDIATE`
//! transaction with its checks inside.

use rusqlite::{named_params, params, Connection};

use super::{check_manager, kind_of, person_get, Person, PersonInput, PersonKind, RoleTrack};
use crate::db;
use crate::error::{Error, Result};

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

pub(crate) fn check_team(conn: &Connection, team_id: Option<i64>) -> Result<()> {
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
