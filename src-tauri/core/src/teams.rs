//! Teams: named groups people can be assigned to, independent of reporting lines.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Team {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub members: u32,
}

fn clean_name(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::InvalidInput("a team needs a name".into()));
    }
    Ok(name)
}

fn refuse_duplicate(conn: &Connection, name: &str, except: Option<i64>) -> Result<()> {
    let existing: Option<i64> = conn
        .query_row("SELECT id FROM team WHERE name = ?1", [name], |r| r.get(0))
        .optional()?;
    match existing {
        Some(id) if Some(id) != except => Err(Error::Conflict(format!(
            "a team named \"{name}\" already exists"
        ))),
        _ => Ok(()),
    }
}

pub fn team_create(conn: &Connection, name: &str) -> Result<Team> {
    let name = clean_name(name)?;
    let tx = crate::db::write(conn)?;
    refuse_duplicate(&tx, name, None)?;
    tx.execute("INSERT INTO team (name) VALUES (?1)", [name])?;
    let id = tx.last_insert_rowid();
    tx.commit()?;
    team_get(conn, id)
}

/// The team with this name, created when missing (imports assign teams by name).
pub fn team_ensure(conn: &Transaction, name: &str) -> Result<i64> {
    let name = clean_name(name)?;
    if let Some(id) = conn
        .query_row("SELECT id FROM team WHERE name = ?1", [name], |r| r.get(0))
        .optional()?
    {
        return Ok(id);
    }
    conn.execute("INSERT INTO team (name) VALUES (?1)", [name])?;
    Ok(conn.last_insert_rowid())
}

pub fn team_get(conn: &Connection, id: i64) -> Result<Team> {
    conn.query_row(
        "SELECT t.id, t.name, (SELECT count(*) FROM person p WHERE p.team_id = t.id)
         FROM team t WHERE t.id = ?1",
        [id],
        |r| {
            Ok(Team {
                id: r.get(0)?,
                name: r.get(1)?,
                members: r.get(2)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("no team with id {id}")))
}

pub fn team_list(conn: &Connection) -> Result<Vec<Team>> {
    let mut stmt = conn.prepare(
        "SELECT t.id, t.name, count(p.id) FROM team t LEFT JOIN person p ON p.team_id = t.id
         GROUP BY t.id ORDER BY t.name COLLATE NOCASE",
    )?;
    let teams = stmt
        .query_map([], |r| {
            Ok(Team {
                id: r.get(0)?,
                name: r.get(1)?,
                members: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(teams)
}

/// Finds a team from what a user typed: its id or its name (any case).
pub fn team_resolve(conn: &Connection, text: &str) -> Result<i64> {
    let text = text.trim();
    let teams = team_list(conn)?;
    teams
        .iter()
        .find(|t| t.id.to_string() == text || t.name.eq_ignore_ascii_case(text))
        .map(|t| t.id)
        .ok_or_else(|| {
            Error::NotFound(format!(
                "no team \"{text}\" (teams: {})",
                teams
                    .iter()
                    .map(|t| t.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })
}

pub fn team_rename(conn: &Connection, id: i64, name: &str) -> Result<Team> {
    let name = clean_name(name)?;
    let tx = crate::db::write(conn)?;
    team_get(&tx, id)?;
    refuse_duplicate(&tx, name, Some(id))?;
    tx.execute("UPDATE team SET name = ?2 WHERE id = ?1", params![id, name])?;
    tx.commit()?;
    team_get(conn, id)
}

/// The humans of a team, by name.
pub fn team_members(conn: &Connection, id: i64) -> Result<Vec<i64>> {
    team_get(conn, id)?;
    let mut stmt = conn.prepare(
        "SELECT id FROM person WHERE team_id = ?1 AND kind = 'human' ORDER BY name COLLATE NOCASE",
    )?;
    let ids = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// Deletes a team; its members stay, without a team. A team whose work has
/// been audited is kept: the audits would have nothing to belong to.
pub fn team_delete(conn: &Connection, id: i64) -> Result<()> {
    let tx = crate::db::write(conn)?;
    let team = team_get(&tx, id)?;
    let audits: i64 = tx.query_row(
        "SELECT count(*) FROM sdlc_audit WHERE team_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    if audits > 0 {
        return Err(Error::Conflict(format!(
            "team {} has {audits} SDLC audit(s); delete those first",
            team.name
        )));
    }
    tx.execute("DELETE FROM team WHERE id = ?1", [id])?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::open_in_memory;
    use crate::people::{person_create, person_get, PersonInput};

    #[test]
    fn a_team_is_found_by_id_or_name_and_a_miss_lists_the_teams() {
        let conn = open_in_memory().unwrap();
        let platform = team_create(&conn, "Platform").unwrap().id;
        let apps = team_create(&conn, "Apps").unwrap().id;
        assert_eq!(team_resolve(&conn, " platform ").unwrap(), platform);
        assert_eq!(team_resolve(&conn, &apps.to_string()).unwrap(), apps);
        let err = team_resolve(&conn, "Data").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::NotFound);
        assert_eq!(err.to_string(), "no team \"Data\" (teams: Apps, Platform)");
    }

    #[test]
    fn team_names_are_unique_ignoring_case() {
        let conn = open_in_memory().unwrap();
        team_create(&conn, "Platform").unwrap();
        let err = team_create(&conn, " platform ").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Conflict, "got {err}");
        let tx = crate::db::write(&conn).unwrap();
        assert_eq!(
            team_ensure(&tx, "PLATFORM").unwrap(),
            team_list(&tx).unwrap()[0].id
        );
    }

    #[test]
    fn deleting_a_team_keeps_its_members() {
        let conn = open_in_memory().unwrap();
        let team = team_create(&conn, "Platform").unwrap();
        let ada = person_create(
            &conn,
            &PersonInput {
                team_id: Some(team.id),
                ..PersonInput::human("Ada")
            },
        )
        .unwrap();
        assert_eq!(team_get(&conn, team.id).unwrap().members, 1);
        team_delete(&conn, team.id).unwrap();
        let ada = person_get(&conn, ada.id).unwrap();
        assert_eq!(ada.team_id, None, "Ada stays, without a team");
    }
}
