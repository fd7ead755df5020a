//! Reading across assessments: a person's gaps against a role profile, how
//! each skill moved over time, and a team heatmap of latest ratings.

use std::collections::HashMap;

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::assessment::{assessment_list, Assessment, AssessorRole};
use super::framework::{framework_resolve, profile_get, Framework, RoleProfile};
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GapRow {
    pub area: String,
    pub skill_key: String,
    pub skill_name: String,
    pub target: Option<u8>,
    /// The level the gap is measured from: the latest manager rating, else the latest self rating.
    pub current: Option<u8>,
    pub self_level: Option<u8>,
    pub manager_level: Option<u8>,
    /// The rating of the assessment before the latest one (same assessor role as `current`).
    pub previous_level: Option<u8>,
    /// target − current when positive, else 0; `null` without a rating or target.
    pub gap: Option<u8>,
    pub interest: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GapReport {
    #[ts(type = "number")]
    pub person_id: i64,
    pub profile: RoleProfile,
    pub framework_name: String,
    pub scale: Vec<String>,
    pub self_assessed_on: Option<String>,
    pub manager_assessed_on: Option<String>,
    pub previous_assessed_on: Option<String>,
    /// Every skill of the framework, in its order (for the radar and the table).
    pub skills: Vec<GapRow>,
    /// Skills below target, biggest gap first, then the ones the person wants to grow.
    pub gaps: Vec<GapRow>,
}

/// The latest and the one before it, of one assessor role (the list is newest first).
fn latest_of(
    assessments: &[Assessment],
    role: AssessorRole,
) -> (Option<&Assessment>, Option<&Assessment>) {
    let mut of_role = assessments.iter().filter(|a| a.assessor_role == role);
    (of_role.next(), of_role.next())
}

fn level_in(assessment: Option<&Assessment>, skill_key: &str) -> Option<u8> {
    assessment
        .and_then(|a| a.ratings.iter().find(|r| r.skill_key == skill_key))
        .map(|r| r.level)
}

/// The rows below target, biggest gap first, then the ones the person wants to grow.
pub fn gaps_ordered(rows: &[GapRow]) -> Vec<GapRow> {
    let mut gaps: Vec<GapRow> = rows
        .iter()
        .filter(|r| r.gap.unwrap_or(0) > 0)
        .cloned()
        .collect();
    gaps.sort_by(|a, b| {
        b.gap
            .cmp(&a.gap)
            .then(b.interest.unwrap_or(0).cmp(&a.interest.unwrap_or(0)))
    });
    gaps
}

/// The person against a role profile, from their latest self and manager assessments.
pub fn gap_analysis(conn: &Connection, person_id: i64, profile_id: i64) -> Result<GapReport> {
    crate::people::person_brief(conn, person_id)?;
    let profile = profile_get(conn, profile_id)?;
    let framework: Framework = framework_resolve(conn, &profile.framework_key)?;
    let assessments = assessment_list(conn, person_id, Some(&profile.framework_key))?;
    let (latest_self, _) = latest_of(&assessments, AssessorRole::SelfAssessed);
    let (latest_manager, previous_manager) = latest_of(&assessments, AssessorRole::Manager);
    let (_, previous_self) = latest_of(&assessments, AssessorRole::SelfAssessed);
    let previous = if latest_manager.is_some() {
        previous_manager
    } else {
        previous_self
    };
    let skills: Vec<GapRow> = framework
        .skills()
        .map(|(area, skill)| {
            let self_level = level_in(latest_self, &skill.key);
            let manager_level = level_in(latest_manager, &skill.key);
            let current = manager_level.or(self_level);
            let target = profile.targets.get(&skill.key).copied();
            let interest = [latest_self, latest_manager]
                .into_iter()
                .flatten()
                .filter_map(|a| {
                    a.ratings
                        .iter()
                        .find(|r| r.skill_key == skill.key)
                        .and_then(|r| r.interest)
                })
                .max();
            GapRow {
                area: area.name.clone(),
                skill_key: skill.key.clone(),
                skill_name: skill.name.clone(),
                target,
                current,
                self_level,
                manager_level,
                previous_level: level_in(previous, &skill.key),
                gap: current.zip(target).map(|(c, t)| t.saturating_sub(c)),
                interest,
            }
        })
        .collect();
    let gaps = gaps_ordered(&skills);
    Ok(GapReport {
        person_id,
        profile,
        framework_name: framework.name.clone(),
        scale: framework.scale.clone(),
        self_assessed_on: latest_self.map(|a| a.assessed_on.clone()),
        manager_assessed_on: latest_manager.map(|a| a.assessed_on.clone()),
        previous_assessed_on: previous.map(|a| a.assessed_on.clone()),
        skills,
        gaps,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HistoryPoint {
    #[ts(type = "number")]
    pub assessment_id: i64,
    pub round: String,
    pub framework_version: u32,
    pub assessed_on: String,
    pub assessor_role: AssessorRole,
    pub level: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SkillHistory {
    pub skill_key: String,
    pub skill_name: String,
    /// Oldest first, across every version of the framework.
    pub points: Vec<HistoryPoint>,
}

/// How each skill of a framework moved for a person, across all its versions.
pub fn skill_history(
    conn: &Connection,
    person_id: i64,
    framework_key: &str,
) -> Result<Vec<SkillHistory>> {
    let framework = framework_resolve(conn, framework_key)?;
    let mut assessments = assessment_list(conn, person_id, Some(framework_key))?;
    assessments.reverse();
    Ok(framework
        .skills()
        .map(|(_, skill)| SkillHistory {
            skill_key: skill.key.clone(),
            skill_name: skill.name.clone(),
            points: assessments
                .iter()
                .filter_map(|a| {
                    a.ratings
                        .iter()
                        .find(|r| r.skill_key == skill.key)
                        .map(|r| HistoryPoint {
                            assessment_id: a.id,
                            round: a.round.clone(),
                            framework_version: a.framework_version,
                            assessed_on: a.assessed_on.clone(),
                            assessor_role: a.assessor_role,
                            level: r.level,
                        })
                })
                .collect(),
        })
        .collect())
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HeatmapSkill {
    pub key: String,
    pub name: String,
    pub area: String,
    pub target: Option<u8>,
    /// Mean of the people's latest ratings; `null` when nobody is rated.
    pub average: Option<f64>,
    pub rated: u32,
    /// Rated people at or above the target.
    pub at_target: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HeatmapRow {
    #[ts(type = "number")]
    pub person_id: i64,
    pub name: String,
    pub title: String,
    /// Latest rating per skill, in the order of `skills`.
    pub levels: Vec<Option<u8>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Heatmap {
    pub framework_name: String,
    /// Labels of levels 1 to 5.
    pub scale: Vec<String>,
    pub skills: Vec<HeatmapSkill>,
    pub rows: Vec<HeatmapRow>,
    /// Keys of skills with a target that no rated person reaches.
    pub nobody_at_target: Vec<String>,
}

/// Whose ratings a heatmap shows: a manager's whole subtree, or a team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum HeatmapScope {
    Subtree {
        #[ts(type = "number")]
        person_id: i64,
    },
    Team {
        #[ts(type = "number")]
        team_id: i64,
    },
}

/// Latest rating per person and skill (by skill key, any assessor; the newest
/// date wins, manager before self on the same day) for the given people.
pub fn team_heatmap(
    conn: &Connection,
    people: &[i64],
    framework_key: &str,
    profile_id: Option<i64>,
) -> Result<Heatmap> {
    let framework = framework_resolve(conn, framework_key)?;
    let profile = profile_id.map(|id| profile_get(conn, id)).transpose()?;
    let skill_index: HashMap<&str, usize> = framework
        .skills()
        .enumerate()
        .map(|(i, (_, s))| (s.key.as_str(), i))
        .collect();
    let ids = serde_json::to_string(people).expect("ids serialize");
    let mut stmt = conn.prepare(
        "SELECT a.person_id, s.key, r.level
         FROM rating r
         JOIN assessment a ON a.id = r.assessment_id
         JOIN skill s ON s.id = r.skill_id
         JOIN framework f ON f.id = a.framework_id
         WHERE f.key = ?2 AND a.person_id IN (SELECT value FROM json_each(?1))
         ORDER BY a.person_id, s.key, a.assessed_on, a.assessor_role = 'manager', a.id",
    )?;
    let mut latest: HashMap<i64, Vec<Option<u8>>> = HashMap::new();
    let mut rows = stmt.query(params![ids, framework.key])?;
    while let Some(r) = rows.next()? {
        let person: i64 = r.get(0)?;
        let key: String = r.get(1)?;
        if let Some(&i) = skill_index.get(key.as_str()) {
            // Rows come oldest first, so the last write per cell is the latest rating.
            latest
                .entry(person)
                .or_insert_with(|| vec![None; skill_index.len()])[i] = Some(r.get(2)?);
        }
    }
    drop(rows);
    let mut names = conn.prepare_cached("SELECT name, title FROM person WHERE id = ?1")?;
    let mut heat_rows = Vec::with_capacity(people.len());
    for &person in people {
        let Ok((name, title)) = names.query_row([person], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        }) else {
            continue;
        };
        heat_rows.push(HeatmapRow {
            person_id: person,
            name,
            title,
            levels: latest
                .remove(&person)
                .unwrap_or_else(|| vec![None; skill_index.len()]),
        });
    }
    let skills: Vec<HeatmapSkill> = framework
        .skills()
        .enumerate()
        .map(|(i, (area, skill))| {
            let levels: Vec<u8> = heat_rows.iter().filter_map(|r| r.levels[i]).collect();
            let target = profile
                .as_ref()
                .and_then(|p| p.targets.get(&skill.key).copied());
            HeatmapSkill {
                key: skill.key.clone(),
                name: skill.name.clone(),
                area: area.name.clone(),
                target,
                average: (!levels.is_empty())
                    .then(|| levels.iter().map(|&l| l as f64).sum::<f64>() / levels.len() as f64),
                rated: levels.len() as u32,
                at_target: target
                    .map(|t| levels.iter().filter(|&&l| l >= t).count() as u32)
                    .unwrap_or(0),
            }
        })
        .collect();
    let nobody_at_target = skills
        .iter()
        .filter(|s| s.target.is_some() && s.at_target == 0)
        .map(|s| s.key.clone())
        .collect();
    Ok(Heatmap {
        framework_name: framework.name,
        scale: framework.scale,
        skills,
        rows: heat_rows,
        nobody_at_target,
    })
}
