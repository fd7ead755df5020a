//! Skill frameworks: areas, skills with five leveled descriptions, and role
//! profiles. A framework is edited, imported and exported as one document
//! (`FrameworkFile`, the documented JSON format). Saving a framework that has
//! assessments adds a new version instead of changing the old one, so history is
//! never rewritten.

use std::collections::HashSet;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

use super::framework_file::profile_problems;
pub use super::framework_file::*;

/// A stored framework version, with ids for assessments to refer to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Framework {
    #[ts(type = "number")]
    pub id: i64,
    pub key: String,
    pub version: u32,
    pub name: String,
    pub description: String,
    pub scale: Vec<String>,
    pub builtin: bool,
    pub areas: Vec<Area>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Area {
    pub key: String,
    pub name: String,
    pub skills: Vec<Skill>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Skill {
    #[ts(type = "number")]
    pub id: i64,
    pub key: String,
    pub name: String,
    pub description: String,
    pub levels: Vec<String>,
}

impl Framework {
    pub fn skills(&self) -> impl Iterator<Item = (&Area, &Skill)> {
        self.areas
            .iter()
            .flat_map(|a| a.skills.iter().map(move |s| (a, s)))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FrameworkSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub key: String,
    pub version: u32,
    pub name: String,
    pub builtin: bool,
    pub skills: u32,
    /// Assessments made against this version.
    pub assessments: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RoleProfile {
    #[ts(type = "number")]
    pub id: i64,
    pub framework_key: String,
    pub key: String,
    pub name: String,
    pub description: String,
    pub builtin: bool,
    pub direction: Direction,
    pub targets: std::collections::BTreeMap<String, u8>,
}

fn latest_id(conn: &Connection, key: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM framework WHERE key = ?1 ORDER BY version DESC LIMIT 1",
            [key],
            |r| r.get(0),
        )
        .optional()?)
}

fn assessment_count(conn: &Connection, framework_id: i64) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM assessment WHERE framework_id = ?1",
        [framework_id],
        |r| r.get(0),
    )?)
}

fn insert_contents(conn: &Transaction, framework_id: i64, file: &FrameworkFile) -> Result<()> {
    let mut area_insert = conn.prepare(
        "INSERT INTO skill_area (framework_id, key, name, position) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut skill_insert = conn.prepare(
        "INSERT INTO skill (framework_id, area_id, key, name, description, levels, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut position = 0;
    for (a, area) in file.areas.iter().enumerate() {
        area_insert.execute(params![framework_id, area.key, area.name.trim(), a as i64])?;
        let area_id = conn.last_insert_rowid();
        for skill in &area.skills {
            let levels: Vec<&str> = skill.levels.iter().map(|l| l.trim()).collect();
            skill_insert.execute(params![
                framework_id,
                area_id,
                skill.key,
                skill.name.trim(),
                skill.description.trim(),
                serde_json::to_string(&levels).expect("levels serialize"),
                position
            ])?;
            position += 1;
        }
    }
    Ok(())
}

/// Saves a framework document (a new framework, an edit, or an import) and
/// its profiles, in one transaction. When the latest stored version has
/// assessments, the document becomes a new version; otherwise the latest
/// version is replaced. Built-in frameworks cannot be changed.
pub fn framework_save(conn: &Connection, file: &FrameworkFile, builtin: bool) -> Result<Framework> {
    let tx = crate::db::write(conn)?;
    let id = framework_store(&tx, file, builtin)?;
    let saved = framework_get(&tx, id)?;
    tx.commit()?;
    Ok(saved)
}

/// Stores a framework document inside the caller's transaction: a new version
/// when the latest one has assessments, else the latest one rewritten.
pub(crate) fn framework_store(
    tx: &Transaction,
    file: &FrameworkFile,
    builtin: bool,
) -> Result<i64> {
    let problems = framework_problems(file);
    if !problems.is_empty() {
        return Err(Error::FrameworkInvalid(problems));
    }
    let latest: Option<(i64, u32, bool)> = tx
        .query_row(
            "SELECT id, version, builtin FROM framework WHERE key = ?1 ORDER BY version DESC LIMIT 1",
            [&file.key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let scale = serde_json::to_string(&file.scale.iter().map(|l| l.trim()).collect::<Vec<_>>())
        .expect("scale serializes");
    let id = match latest {
        Some((_, _, true)) if !builtin => {
            return Err(Error::Conflict(format!(
                "\"{}\" is a built-in framework and cannot be changed; save it under a new key to make your own",
                file.name
            )))
        }
        Some((id, version, _)) if assessment_count(tx, id)? == 0 => {
            tx.execute("DELETE FROM skill_area WHERE framework_id = ?1", [id])?;
            tx.execute(
                "UPDATE framework SET name = ?2, description = ?3, scale = ?4, builtin = ?5 WHERE id = ?1",
                params![id, file.name.trim(), file.description.trim(), scale, builtin],
            )?;
            let _ = version;
            id
        }
        Some((_, version, _)) => {
            tx.execute(
                "INSERT INTO framework (key, version, name, description, scale, builtin) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![file.key, version + 1, file.name.trim(), file.description.trim(), scale, builtin],
            )?;
            tx.last_insert_rowid()
        }
        None => {
            tx.execute(
                "INSERT INTO framework (key, version, name, description, scale, builtin) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![file.key, file.version.max(1), file.name.trim(), file.description.trim(), scale, builtin],
            )?;
            tx.last_insert_rowid()
        }
    };
    insert_contents(tx, id, file)?;
    for profile in &file.profiles {
        profile_write(tx, &file.key, profile, builtin)?;
    }
    Ok(id)
}

pub fn framework_get(conn: &Connection, id: i64) -> Result<Framework> {
    let (key, version, name, description, scale, builtin): (
        String,
        u32,
        String,
        String,
        String,
        bool,
    ) = conn
        .query_row(
            "SELECT key, version, name, description, scale, builtin FROM framework WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no framework with id {id}")))?;
    let mut area_stmt = conn.prepare(
        "SELECT id, key, name FROM skill_area WHERE framework_id = ?1 ORDER BY position",
    )?;
    let mut skill_stmt = conn.prepare(
        "SELECT id, key, name, description, levels FROM skill WHERE area_id = ?1 ORDER BY position",
    )?;
    let areas_raw: Vec<(i64, String, String)> = area_stmt
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut areas = Vec::with_capacity(areas_raw.len());
    for (area_id, key, name) in areas_raw {
        let skills = skill_stmt
            .query_map([area_id], |r| {
                let levels: String = r.get(4)?;
                Ok(Skill {
                    id: r.get(0)?,
                    key: r.get(1)?,
                    name: r.get(2)?,
                    description: r.get(3)?,
                    levels: serde_json::from_str(&levels).unwrap_or_default(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        areas.push(Area { key, name, skills });
    }
    Ok(Framework {
        id,
        key,
        version,
        name,
        description,
        scale: serde_json::from_str(&scale).unwrap_or_default(),
        builtin,
        areas,
    })
}

/// The latest version of the framework with this key (or this exact id, or name).
pub fn framework_resolve(conn: &Connection, text: &str) -> Result<Framework> {
    let text = text.trim();
    if let Some(id) = latest_id(conn, text)? {
        return framework_get(conn, id);
    }
    let by_name: Option<String> = conn
        .query_row(
            "SELECT key FROM framework WHERE name = ?1 COLLATE NOCASE LIMIT 1",
            [text],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = by_name.map(|k| latest_id(conn, &k)).transpose()?.flatten() {
        return framework_get(conn, id);
    }
    Err(Error::NotFound(format!(
        "no framework with key or name \"{text}\""
    )))
}

/// Every version of every framework, newest version first within a key.
pub fn framework_list(conn: &Connection) -> Result<Vec<FrameworkSummary>> {
    let mut stmt = conn.prepare(
        "SELECT f.id, f.key, f.version, f.name, f.builtin,
                (SELECT count(*) FROM skill s WHERE s.framework_id = f.id),
                (SELECT count(*) FROM assessment a WHERE a.framework_id = f.id)
         FROM framework f ORDER BY f.builtin DESC, f.name COLLATE NOCASE, f.key, f.version DESC",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(FrameworkSummary {
                id: r.get(0)?,
                key: r.get(1)?,
                version: r.get(2)?,
                name: r.get(3)?,
                builtin: r.get(4)?,
                skills: r.get(5)?,
                assessments: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The framework as a document, with the profiles that belong to its key.
pub fn framework_export(conn: &Connection, id: i64) -> Result<FrameworkFile> {
    let framework = framework_get(conn, id)?;
    let profiles = profile_list(conn, &framework.key)?
        .into_iter()
        .map(|p| ProfileFile {
            key: p.key,
            name: p.name,
            description: p.description,
            direction: p.direction,
            targets: p.targets,
        })
        .collect();
    Ok(FrameworkFile {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        key: framework.key,
        name: framework.name,
        version: framework.version,
        description: framework.description,
        scale: framework.scale,
        areas: framework
            .areas
            .into_iter()
            .map(|a| AreaFile {
                key: a.key,
                name: a.name,
                skills: a
                    .skills
                    .into_iter()
                    .map(|s| SkillFile {
                        key: s.key,
                        name: s.name,
                        description: s.description,
                        levels: s.levels,
                    })
                    .collect(),
            })
            .collect(),
        profiles,
    })
}

/// The name a save dialog suggests for the framework's document:
/// "Platform ladder v2.json", made safe for any file system.
pub fn framework_file_name(file: &FrameworkFile) -> String {
    crate::export::file_name_safe(
        &format!("{} v{}", file.name, file.version),
        "json",
        "framework",
    )
}

fn profile_write(
    conn: &Transaction,
    framework_key: &str,
    profile: &ProfileFile,
    builtin: bool,
) -> Result<i64> {
    let existing: Option<(i64, bool)> = conn
        .query_row(
            "SELECT id, builtin FROM role_profile WHERE framework_key = ?1 AND key = ?2",
            params![framework_key, profile.key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let id = match existing {
        Some((_, true)) if !builtin => {
            return Err(Error::Conflict(format!(
                "\"{}\" is a built-in profile and cannot be changed; save it under a new key",
                profile.name
            )))
        }
        Some((id, _)) => {
            conn.execute(
                "UPDATE role_profile SET name = ?2, description = ?3, direction = ?4 WHERE id = ?1",
                params![
                    id,
                    profile.name.trim(),
                    profile.description.trim(),
                    profile.direction.as_str()
                ],
            )?;
            conn.execute("DELETE FROM profile_target WHERE profile_id = ?1", [id])?;
            id
        }
        None => {
            conn.execute(
                "INSERT INTO role_profile (framework_key, key, name, description, builtin, direction) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![framework_key, profile.key, profile.name.trim(), profile.description.trim(), builtin, profile.direction.as_str()],
            )?;
            conn.last_insert_rowid()
        }
    };
    let mut target = conn
        .prepare("INSERT INTO profile_target (profile_id, skill_key, level) VALUES (?1, ?2, ?3)")?;
    for (skill, level) in &profile.targets {
        target.execute(params![id, skill, level])?;
    }
    Ok(id)
}

/// Creates or updates a user's role profile for the latest version of a framework.
pub fn profile_save(
    conn: &Connection,
    framework_key: &str,
    profile: &ProfileFile,
) -> Result<RoleProfile> {
    let tx = crate::db::write(conn)?;
    let framework = framework_resolve(&tx, framework_key)?;
    let skill_keys: HashSet<&str> = framework.skills().map(|(_, s)| s.key.as_str()).collect();
    let problems = profile_problems("profile", profile, &skill_keys);
    if !problems.is_empty() {
        return Err(Error::FrameworkInvalid(problems));
    }
    let id = profile_write(&tx, &framework.key, profile, false)?;
    let saved = profile_get(&tx, id)?;
    tx.commit()?;
    Ok(saved)
}

pub fn profile_get(conn: &Connection, id: i64) -> Result<RoleProfile> {
    let mut profile = conn
        .query_row(
            "SELECT id, framework_key, key, name, description, builtin, direction FROM role_profile WHERE id = ?1",
            [id],
            |r| {
                Ok(RoleProfile {
                    id: r.get(0)?,
                    framework_key: r.get(1)?,
                    key: r.get(2)?,
                    name: r.get(3)?,
                    description: r.get(4)?,
                    builtin: r.get(5)?,
                    direction: r.get(6)?,
                    targets: Default::default(),
                })
            },
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no role profile with id {id}")))?;
    let mut stmt =
        conn.prepare("SELECT skill_key, level FROM profile_target WHERE profile_id = ?1")?;
    profile.targets = stmt
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(profile)
}

pub fn profile_list(conn: &Connection, framework_key: &str) -> Result<Vec<RoleProfile>> {
    let mut stmt = conn.prepare(
        "SELECT id FROM role_profile WHERE framework_key = ?1 ORDER BY builtin DESC, id",
    )?;
    let ids: Vec<i64> = stmt
        .query_map([framework_key], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter().map(|id| profile_get(conn, id)).collect()
}

/// A profile by id, key or name, among the profiles of a framework key (or any).
pub fn profile_resolve(conn: &Connection, text: &str) -> Result<RoleProfile> {
    let text = text.trim();
    let id: Option<i64> = conn
        .query_row(
            "SELECT id FROM role_profile WHERE key = ?1 OR name = ?1 COLLATE NOCASE OR CAST(id AS TEXT) = ?1
             ORDER BY builtin DESC LIMIT 1",
            [text],
            |r| r.get(0),
        )
        .optional()?;
    match id {
        Some(id) => profile_get(conn, id),
        None => Err(Error::NotFound(format!(
            "no role profile with key or name \"{text}\""
        ))),
    }
}

pub fn profile_delete(conn: &Connection, id: i64) -> Result<()> {
    let tx = crate::db::write(conn)?;
    let profile = profile_get(&tx, id)?;
    if profile.builtin {
        return Err(Error::Conflict(format!(
            "\"{}\" is a built-in profile and cannot be deleted",
            profile.name
        )));
    }
    tx.execute("DELETE FROM role_profile WHERE id = ?1", [id])?;
    tx.commit()?;
    Ok(())
}

/// What saving a framework document would do, so an import can ask first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SaveOutcome {
    /// No framework has this key yet.
    Create,
    /// The latest version has no assessments: it is replaced in place.
    Replace,
    /// The latest version has assessments: a new version is added.
    NewVersion,
    /// The key belongs to a built-in framework, which cannot be changed.
    RefusedBuiltin,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FrameworkImportPreview {
    pub file: FrameworkFile,
    /// The stored framework with the same key, latest version.
    pub existing: Option<FrameworkSummary>,
    pub outcome: SaveOutcome,
}

/// Reads and validates a framework file and says what saving it would do.
pub fn framework_import_preview(conn: &Connection, text: &str) -> Result<FrameworkImportPreview> {
    let file = framework_parse(text)?;
    let existing = framework_list(conn)?
        .into_iter()
        .find(|f| f.key == file.key);
    let outcome = match &existing {
        None => SaveOutcome::Create,
        Some(f) if f.builtin => SaveOutcome::RefusedBuiltin,
        Some(f) if f.assessments > 0 => SaveOutcome::NewVersion,
        Some(_) => SaveOutcome::Replace,
    };
    Ok(FrameworkImportPreview {
        file,
        existing,
        outcome,
    })
}
