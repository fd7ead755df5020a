//! The practice-template library as the user sees it: the items that ship with
//! Leadline, with the user's own edits on top. An edit replaces the items of one
//! skill and level; resetting it brings the shipped items back. Users can also
//! write items for the skills of their own frameworks, which ship with none.

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::checklist::{PracticeTemplate, PracticeTemplates};
use crate::error::{Error, Result};
use crate::skills::framework::framework_get;

/// Levels a checklist item can build toward (level 1 is where everyone starts).
pub const TEMPLATE_LEVELS: std::ops::RangeInclusive<u8> = 2..=5;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TemplateLevel {
    pub level: u8,
    /// What the skill looks like at this level, from the framework's rubric.
    pub rubric: String,
    /// The items in use: the user's when edited, else the shipped ones.
    pub items: Vec<PracticeTemplate>,
    pub edited: bool,
    /// What ships with Leadline for this skill and level (empty for user skills).
    pub shipped: Vec<PracticeTemplate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TemplateSkill {
    pub skill_key: String,
    pub skill_name: String,
    pub area: String,
    pub levels: Vec<TemplateLevel>,
}

fn user_rows(conn: &Connection) -> Result<Vec<(String, u8, PracticeTemplate)>> {
    let mut stmt = conn.prepare(
        "SELECT skill_key, level, title, done_when, hours_per_week, kind
         FROM practice_template ORDER BY skill_key, level, position",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u8>(1)?,
                PracticeTemplate {
                    title: r.get(2)?,
                    done_when: r.get(3)?,
                    hours_per_week: r.get(4)?,
                    kind: r.get(5)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The library checklists are generated from: the shipped items, with every
/// skill and level the user edited replaced by their items.
pub fn templates_effective(
    conn: &Connection,
    shipped: &PracticeTemplates,
) -> Result<PracticeTemplates> {
    let mut effective = shipped.clone();
    let mut replaced = std::collections::BTreeSet::new();
    for (skill, level, item) in user_rows(conn)? {
        let levels = effective.skills.entry(skill.clone()).or_default();
        let items = levels.entry(level.to_string()).or_default();
        if replaced.insert((skill, level)) {
            items.clear();
        }
        items.push(item);
    }
    Ok(effective)
}

/// The library for one framework's skills, level by level, in the framework's order.
pub fn template_library(
    conn: &Connection,
    framework_id: i64,
    shipped: &PracticeTemplates,
) -> Result<Vec<TemplateSkill>> {
    let framework = framework_get(conn, framework_id)?;
    let effective = templates_effective(conn, shipped)?;
    let edited: std::collections::BTreeSet<(String, u8)> = user_rows(conn)?
        .into_iter()
        .map(|(skill, level, _)| (skill, level))
        .collect();
    let items_of = |library: &PracticeTemplates, skill: &str, level: u8| {
        library
            .skills
            .get(skill)
            .and_then(|levels| levels.get(&level.to_string()))
            .cloned()
            .unwrap_or_default()
    };
    Ok(framework
        .areas
        .iter()
        .flat_map(|area| {
            area.skills.iter().map(|skill| TemplateSkill {
                skill_key: skill.key.clone(),
                skill_name: skill.name.clone(),
                area: area.name.clone(),
                levels: TEMPLATE_LEVELS
                    .map(|level| TemplateLevel {
                        level,
                        rubric: skill
                            .levels
                            .get(level as usize - 1)
                            .cloned()
                            .unwrap_or_default(),
                        items: items_of(&effective, &skill.key, level),
                        edited: edited.contains(&(skill.key.clone(), level)),
                        shipped: items_of(shipped, &skill.key, level),
                    })
                    .collect(),
            })
        })
        .collect())
}

/// Replaces the items of one skill and level with the user's. Returns the items
/// that were in use before, so the caller can undo. Nothing is saved when an
/// item is invalid; every problem is named.
pub fn template_set(
    conn: &Connection,
    shipped: &PracticeTemplates,
    skill_key: &str,
    level: u8,
    items: &[PracticeTemplate],
) -> Result<Vec<PracticeTemplate>> {
    let mut problems = Vec::new();
    if skill_key.trim().is_empty() {
        problems.push("the skill key is empty".to_string());
    }
    if !TEMPLATE_LEVELS.contains(&level) {
        problems.push(format!("level {level} is outside 2–5"));
    }
    if items.is_empty() {
        problems.push(
            "keep at least one item (reset the level to bring back the shipped items)".into(),
        );
    }
    for (n, item) in items.iter().enumerate() {
        if item.title.trim().is_empty() {
            problems.push(format!("item {}: the title is empty", n + 1));
        }
        if item.hours_per_week > super::ITEM_HOURS_MAX {
            problems.push(format!(
                "item {}: {} hours a week is more than {}",
                n + 1,
                item.hours_per_week,
                super::ITEM_HOURS_MAX
            ));
        }
    }
    if !problems.is_empty() {
        return Err(Error::InvalidInput(format!(
            "the templates were not saved: {}",
            problems.join("; ")
        )));
    }
    let tx = crate::db::write(conn)?;
    let before = level_items(&tx, shipped, skill_key, level)?;
    tx.execute(
        "DELETE FROM practice_template WHERE skill_key = ?1 AND level = ?2",
        params![skill_key, level],
    )?;
    {
        let mut insert = tx.prepare(
            "INSERT INTO practice_template (skill_key, level, position, title, done_when, hours_per_week, kind)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for (position, item) in items.iter().enumerate() {
            let kind = serde_json::to_value(item.kind).expect("kind serializes");
            insert.execute(params![
                skill_key,
                level,
                position as i64,
                item.title.trim(),
                item.done_when.trim(),
                item.hours_per_week,
                kind.as_str().unwrap_or("hands_on")
            ])?;
        }
    }
    tx.commit()?;
    Ok(before)
}

/// Brings back the shipped items of one skill and level. Returns the user's
/// items that were removed, so the caller can undo with `template_set`.
pub fn template_reset(
    conn: &Connection,
    shipped: &PracticeTemplates,
    skill_key: &str,
    level: u8,
) -> Result<Vec<PracticeTemplate>> {
    let tx = crate::db::write(conn)?;
    let before = level_items(&tx, shipped, skill_key, level)?;
    tx.execute(
        "DELETE FROM practice_template WHERE skill_key = ?1 AND level = ?2",
        params![skill_key, level],
    )?;
    tx.commit()?;
    Ok(before)
}

fn level_items(
    conn: &Connection,
    shipped: &PracticeTemplates,
    skill_key: &str,
    level: u8,
) -> Result<Vec<PracticeTemplate>> {
    Ok(templates_effective(conn, shipped)?
        .skills
        .get(skill_key)
        .and_then(|levels| levels.get(&level.to_string()))
        .cloned()
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skills::open_seeded;
    use crate::transition::checklist::TimeKind;
    use crate::transition::BUILTIN_TEMPLATES;

    fn item(title: &str) -> PracticeTemplate {
        PracticeTemplate {
            title: title.into(),
            done_when: "seen".into(),
            hours_per_week: 2,
            kind: TimeKind::Mentoring,
        }
    }

    #[test]
    fn an_edit_replaces_one_level_and_a_reset_brings_the_shipped_items_back() {
        let conn = open_seeded();
        let shipped = PracticeTemplates::parse(BUILTIN_TEMPLATES).unwrap();
        let shipped_level_3 = shipped.skills["coaching"]["3"].clone();
        let before = template_set(&conn, &shipped, "coaching", 3, &[item("Pair weekly")]).unwrap();
        assert_eq!(
            before, shipped_level_3,
            "the items in use before the edit are returned"
        );
        let effective = templates_effective(&conn, &shipped).unwrap();
        assert_eq!(effective.skills["coaching"]["3"], [item("Pair weekly")]);
        assert_eq!(
            effective.skills["coaching"]["4"], shipped.skills["coaching"]["4"],
            "other levels keep the shipped items"
        );
        let builtin =
            crate::skills::framework::framework_resolve(&conn, "ai-native-ic-leader").unwrap();
        let library = template_library(&conn, builtin.id, &shipped).unwrap();
        let coaching = library.iter().find(|s| s.skill_key == "coaching").unwrap();
        assert!(coaching.levels[1].edited && !coaching.levels[2].edited);
        assert_eq!(coaching.levels[1].shipped, shipped_level_3);
        assert!(!coaching.levels[1].rubric.is_empty());

        let removed = template_reset(&conn, &shipped, "coaching", 3).unwrap();
        assert_eq!(removed, [item("Pair weekly")]);
        assert_eq!(templates_effective(&conn, &shipped).unwrap(), shipped);
    }

    #[test]
    fn the_library_lists_every_skill_in_the_frameworks_order_with_levels_2_to_5() {
        let conn = open_seeded();
        let shipped = PracticeTemplates::parse(BUILTIN_TEMPLATES).unwrap();
        let builtin =
            crate::skills::framework::framework_resolve(&conn, "ai-native-ic-leader").unwrap();
        let library = template_library(&conn, builtin.id, &shipped).unwrap();
        let in_framework: Vec<&str> = builtin
            .areas
            .iter()
            .flat_map(|a| a.skills.iter().map(|s| s.key.as_str()))
            .collect();
        assert_eq!(
            library
                .iter()
                .map(|s| s.skill_key.as_str())
                .collect::<Vec<_>>(),
            in_framework
        );
        let coaching = library.iter().find(|s| s.skill_key == "coaching").unwrap();
        let skill = builtin
            .areas
            .iter()
            .flat_map(|a| &a.skills)
            .find(|s| s.key == "coaching")
            .unwrap();
        assert_eq!(
            coaching.levels.iter().map(|l| l.level).collect::<Vec<_>>(),
            [2, 3, 4, 5]
        );
        let level_3 = &coaching.levels[1];
        assert_eq!(level_3.rubric, skill.levels[2], "the rubric of level 3");
        assert_eq!(level_3.items, shipped.skills["coaching"]["3"]);
        assert_eq!(level_3.shipped, level_3.items);
        assert!(!level_3.edited);
    }

    #[test]
    fn skills_of_user_frameworks_can_get_items() {
        let conn = open_seeded();
        let shipped = PracticeTemplates::parse(BUILTIN_TEMPLATES).unwrap();
        let own =
            crate::skills::framework::framework_save(&conn, &crate::skills::tests::small(), false)
                .unwrap();
        let library = template_library(&conn, own.id, &shipped).unwrap();
        assert!(
            library
                .iter()
                .flat_map(|s| &s.levels)
                .all(|l| l.items.is_empty() && l.shipped.is_empty()),
            "nothing ships for a user's own skills"
        );
        let before =
            template_set(&conn, &shipped, "coach", 2, &[item("  Write one runbook ")]).unwrap();
        assert!(before.is_empty(), "no items were in use before");
        let effective = templates_effective(&conn, &shipped).unwrap();
        assert_eq!(
            effective.skills["coach"]["2"],
            [item("Write one runbook")],
            "kept without the surrounding spaces"
        );
    }

    #[test]
    fn invalid_items_are_refused_naming_each_problem() {
        let conn = open_seeded();
        let shipped = PracticeTemplates::parse(BUILTIN_TEMPLATES).unwrap();
        let mut long = item("Too much");
        long.hours_per_week = 60;
        let err = template_set(&conn, &shipped, "coaching", 6, &[item(" "), long]).unwrap_err();
        let text = err.to_string();
        for part in ["level 6", "item 1: the title is empty", "item 2: 60 hours"] {
            assert!(text.contains(part), "{part} missing from: {text}");
        }
        let err = template_set(&conn, &shipped, "coaching", 3, &[]).unwrap_err();
        assert!(err.to_string().contains("at least one item"));
        assert_eq!(templates_effective(&conn, &shipped).unwrap(), shipped);
    }
}
