//! Assessments: a person rated on a framework version by themselves, their
//! manager, a peer or a mentor, dated, with a note and interest per rating.
//! Every assessment is kept; history and comparisons read across them.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::framework::framework_get;
use crate::error::{Error, Result};
use crate::undo::{undo_record, undo_take, UndoKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AssessorRole {
    #[serde(rename = "self")]
    SelfAssessed,
    Manager,
    Peer,
    Mentor,
}

impl AssessorRole {
    pub fn as_str(self) -> &'static str {
        match self {
            AssessorRole::SelfAssessed => "self",
            AssessorRole::Manager => "manager",
            AssessorRole::Peer => "peer",
            AssessorRole::Mentor => "mentor",
        }
    }
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "self" => Some(AssessorRole::SelfAssessed),
            "manager" => Some(AssessorRole::Manager),
            "peer" => Some(AssessorRole::Peer),
            "mentor" => Some(AssessorRole::Mentor),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RatingInput {
    pub skill_key: String,
    pub level: u8,
    /// 0 not now, 1 open to it, 2 wants to grow this.
    #[serde(default)]
    pub interest: Option<u8>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssessmentInput {
    #[ts(type = "number")]
    pub person_id: i64,
    /// The exact framework version (its id) being rated against.
    #[ts(type = "number")]
    pub framework_id: i64,
    pub assessor_role: AssessorRole,
    #[serde(default)]
    pub assessor_name: String,
    /// ISO date, YYYY-MM-DD.
    pub assessed_on: String,
    #[serde(default)]
    pub round: String,
    #[serde(default)]
    pub note: String,
    pub ratings: Vec<RatingInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Rating {
    pub skill_key: String,
    pub skill_name: String,
    pub level: u8,
    pub interest: Option<u8>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Assessment {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub person_id: i64,
    #[ts(type = "number")]
    pub framework_id: i64,
    pub framework_key: String,
    pub framework_version: u32,
    pub assessor_role: AssessorRole,
    pub assessor_name: String,
    pub assessed_on: String,
    pub round: String,
    pub note: String,
    pub ratings: Vec<Rating>,
}

crate::stored_enum!(AssessorRole:
    AssessorRole::SelfAssessed,
    AssessorRole::Manager,
    AssessorRole::Peer,
    AssessorRole::Mentor,
);

/// Checks YYYY-MM-DD with a real month and day.
pub fn is_iso_date(text: &str) -> bool {
    crate::dates::parse(text).is_ok()
}

/// Records an assessment with all its ratings in one transaction, refusing
/// ratings outside the scale and skills the framework version does not have.
pub fn assessment_create(conn: &Connection, input: &AssessmentInput) -> Result<Assessment> {
    let tx = crate::db::write(conn)?;
    let framework = framework_get(&tx, input.framework_id)?;
    crate::people::person_brief(&tx, input.person_id)?;
    if !is_iso_date(input.assessed_on.trim()) {
        return Err(Error::InvalidInput(format!(
            "\"{}\" is not a date (YYYY-MM-DD)",
            input.assessed_on
        )));
    }
    if input.ratings.is_empty() {
        return Err(Error::InvalidInput(
            "an assessment needs at least one rating".into(),
        ));
    }
    let skill_ids: HashMap<&str, i64> = framework
        .skills()
        .map(|(_, s)| (s.key.as_str(), s.id))
        .collect();
    let mut seen = std::collections::HashSet::new();
    for rating in &input.ratings {
        let Some(_) = skill_ids.get(rating.skill_key.as_str()) else {
            return Err(Error::InvalidInput(format!(
                "\"{}\" is not a skill of {} version {}",
                rating.skill_key, framework.name, framework.version
            )));
        };
        if !(1..=5).contains(&rating.level) {
            return Err(Error::InvalidInput(format!(
                "rating {} for \"{}\" is outside the scale 1–5",
                rating.level, rating.skill_key
            )));
        }
        if rating.interest.is_some_and(|i| i > 2) {
            return Err(Error::InvalidInput(format!(
                "interest for \"{}\" must be 0 (not now), 1 (open) or 2 (wants to grow)",
                rating.skill_key
            )));
        }
        if !seen.insert(rating.skill_key.as_str()) {
            return Err(Error::InvalidInput(format!(
                "\"{}\" is rated twice",
                rating.skill_key
            )));
        }
    }
    let id = insert_assessment_row(
        &tx,
        None,
        &Assessment {
            id: 0,
            person_id: input.person_id,
            framework_id: input.framework_id,
            framework_key: framework.key.clone(),
            framework_version: framework.version,
            assessor_role: input.assessor_role,
            assessor_name: input.assessor_name.trim().into(),
            assessed_on: input.assessed_on.trim().into(),
            round: input.round.trim().into(),
            note: input.note.trim().into(),
            ratings: Vec::new(),
        },
    )?;
    {
        let mut insert = tx.prepare(
            "INSERT INTO rating (assessment_id, skill_id, level, interest, note) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for rating in &input.ratings {
            insert.execute(params![
                id,
                skill_ids[rating.skill_key.as_str()],
                rating.level,
                rating.interest,
                rating.note.trim()
            ])?;
        }
    }
    tx.commit()?;
    assessment_get(conn, id)
}

pub fn assessment_get(conn: &Connection, id: i64) -> Result<Assessment> {
    let mut assessment = conn
        .query_row(
            "SELECT a.id, a.person_id, a.framework_id, f.key, f.version, a.assessor_role, a.assessor_name,
                    a.assessed_on, a.round, a.note
             FROM assessment a JOIN framework f ON f.id = a.framework_id WHERE a.id = ?1",
            [id],
            |r| {
                Ok(Assessment {
                    id: r.get(0)?,
                    person_id: r.get(1)?,
                    framework_id: r.get(2)?,
                    framework_key: r.get(3)?,
                    framework_version: r.get(4)?,
                    assessor_role: r.get(5)?,
                    assessor_name: r.get(6)?,
                    assessed_on: r.get(7)?,
                    round: r.get(8)?,
                    note: r.get(9)?,
                    ratings: Vec::new(),
                })
            },
        )
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("no assessment with id {id}")))?;
    let mut stmt = conn.prepare(
        "SELECT s.key, s.name, r.level, r.interest, r.note FROM rating r JOIN skill s ON s.id = r.skill_id
         WHERE r.assessment_id = ?1 ORDER BY s.position",
    )?;
    assessment.ratings = stmt
        .query_map([id], |r| {
            Ok(Rating {
                skill_key: r.get(0)?,
                skill_name: r.get(1)?,
                level: r.get(2)?,
                interest: r.get(3)?,
                note: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(assessment)
}

/// A person's assessments, newest first, optionally of one framework key.
pub fn assessment_list(
    conn: &Connection,
    person_id: i64,
    framework_key: Option<&str>,
) -> Result<Vec<Assessment>> {
    let mut stmt = conn.prepare(
        "SELECT a.id FROM assessment a JOIN framework f ON f.id = a.framework_id
         WHERE a.person_id = ?1 AND (?2 IS NULL OR f.key = ?2)
         ORDER BY a.assessed_on DESC, a.id DESC",
    )?;
    let ids: Vec<i64> = stmt
        .query_map(params![person_id, framework_key], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter().map(|id| assessment_get(conn, id)).collect()
}

/// Inserts the assessment's own row (not its ratings), with `id` when given,
/// and returns its id.
fn insert_assessment_row(conn: &Transaction, id: Option<i64>, a: &Assessment) -> Result<i64> {
    conn.execute(
        "INSERT INTO assessment (id, person_id, framework_id, assessor_role, assessor_name, assessed_on, round, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![id, a.person_id, a.framework_id, a.assessor_role.as_str(), a.assessor_name, a.assessed_on, a.round, a.note],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Puts back an assessment exactly as it was, same id, inside the caller's
/// transaction (the undo of a deletion, of the assessment or of its person).
/// The schema's checks refuse a rating outside the scale, and the caller's
/// transaction then writes nothing at all.
pub fn assessment_insert(tx: &Transaction, assessment: &Assessment) -> Result<i64> {
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM assessment WHERE id = ?1)",
        [assessment.id],
        |r| r.get(0),
    )?;
    let id = insert_assessment_row(tx, (!taken).then_some(assessment.id), assessment)?;
    let mut insert = tx.prepare(
        "INSERT INTO rating (assessment_id, skill_id, level, interest, note)
         SELECT ?1, id, ?3, ?4, ?5 FROM skill WHERE framework_id = ?2 AND key = ?6",
    )?;
    for r in &assessment.ratings {
        insert.execute(params![
            id,
            assessment.framework_id,
            r.level,
            r.interest,
            r.note,
            r.skill_key
        ])?;
    }
    Ok(id)
}

/// What deleting an assessment removed; undo asks for `undo_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeletedAssessment {
    #[ts(type = "number")]
    pub undo_id: i64,
    pub assessment: Assessment,
}

pub fn assessment_delete(conn: &Connection, id: i64) -> Result<DeletedAssessment> {
    let tx = crate::db::write(conn)?;
    let assessment = assessment_get(&tx, id)?;
    tx.execute("DELETE FROM assessment WHERE id = ?1", [id])?;
    let label = format!(
        "the {} assessment of {}",
        assessment.assessed_on,
        crate::people::person_brief(&tx, assessment.person_id)?.name
    );
    let undo_id = undo_record(&tx, UndoKind::Assessment, &label, &assessment)?;
    tx.commit()?;
    Ok(DeletedAssessment {
        undo_id,
        assessment,
    })
}

/// Undoes `assessment_delete` from what the workspace kept.
pub fn assessment_restore(conn: &Connection, undo_id: i64) -> Result<Assessment> {
    let tx = crate::db::write(conn)?;
    let assessment: Assessment = undo_take(&tx, undo_id, UndoKind::Assessment)?;
    if crate::people::person_brief(&tx, assessment.person_id).is_err() {
        return Err(Error::Conflict(
            "the assessment cannot come back: its person has been deleted since".into(),
        ));
    }
    let id = assessment_insert(&tx, &assessment)?;
    tx.commit()?;
    assessment_get(conn, id)
}

/// One skill's ratings by a self and a manager assessment side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ComparedSkill {
    pub area: String,
    pub skill_key: String,
    pub skill_name: String,
    pub self_level: Option<u8>,
    pub manager_level: Option<u8>,
    /// manager − self, when both rated it.
    pub difference: Option<i8>,
    pub self_note: String,
    pub manager_note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Comparison {
    #[ts(type = "number | null")]
    pub self_assessment_id: Option<i64>,
    #[ts(type = "number | null")]
    pub manager_assessment_id: Option<i64>,
    pub skills: Vec<ComparedSkill>,
}

/// Compares a self and a manager assessment (same framework key), skill by skill,
/// in the framework's order of the newer of the two.
pub fn assessment_compare(conn: &Connection, self_id: i64, manager_id: i64) -> Result<Comparison> {
    let own = assessment_get(conn, self_id)?;
    let theirs = assessment_get(conn, manager_id)?;
    if own.framework_key != theirs.framework_key {
        return Err(Error::InvalidInput(
            "the two assessments are of different frameworks".into(),
        ));
    }
    if own.person_id != theirs.person_id {
        return Err(Error::InvalidInput(
            "the two assessments are of different people".into(),
        ));
    }
    let newer = if own.framework_version >= theirs.framework_version {
        &own
    } else {
        &theirs
    };
    let framework = framework_get(conn, newer.framework_id)?;
    let by_key = |a: &Assessment| -> BTreeMap<String, Rating> {
        a.ratings
            .iter()
            .map(|r| (r.skill_key.clone(), r.clone()))
            .collect()
    };
    let (mine, managers) = (by_key(&own), by_key(&theirs));
    let skills = framework
        .skills()
        .map(|(area, skill)| {
            let s = mine.get(&skill.key);
            let m = managers.get(&skill.key);
            ComparedSkill {
                area: area.name.clone(),
                skill_key: skill.key.clone(),
                skill_name: skill.name.clone(),
                self_level: s.map(|r| r.level),
                manager_level: m.map(|r| r.level),
                difference: s.zip(m).map(|(s, m)| m.level as i8 - s.level as i8),
                self_note: s.map(|r| r.note.clone()).unwrap_or_default(),
                manager_note: m.map(|r| r.note.clone()).unwrap_or_default(),
            }
        })
        .collect();
    Ok(Comparison {
        self_assessment_id: Some(self_id),
        manager_assessment_id: Some(manager_id),
        skills,
    })
}
