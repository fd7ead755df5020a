//! The framework document (`FrameworkFile`, the documented JSON format people
//! edit, import and export) and every check of it. No storage here: a file is
//! read and judged the same whether it is being previewed, saved or shipped.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

pub const FORMAT: &str = "leadline-framework";
pub const FORMAT_VERSION: u32 = 1;
pub const LEVELS: usize = 5;

/// A framework as a document: what the editor edits and the file format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FrameworkFile {
    pub format: String,
    pub format_version: u32,
    pub key: String,
    pub name: String,
    /// The version this document describes; saving decides the stored version.
    pub version: u32,
    #[serde(default)]
    pub description: String,
    /// Labels of levels 1 to 5.
    pub scale: Vec<String>,
    pub areas: Vec<AreaFile>,
    #[serde(default)]
    pub profiles: Vec<ProfileFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AreaFile {
    pub key: String,
    pub name: String,
    pub skills: Vec<SkillFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SkillFile {
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Behavioural descriptions of levels 1 to 5.
    pub levels: Vec<String>,
}

/// Which way a move into a role profile goes: from managing to leading as an
/// IC, or (back) to managing. The profile says it (set for the built-ins,
/// chosen for a user's own); a transition plan takes its phases, weekly budget
/// and checkpoint questions from it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Direction {
    #[default]
    ToIc,
    ToManager,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::ToIc => "to_ic",
            Direction::ToManager => "to_manager",
        }
    }
}

crate::stored_enum!(Direction: Direction::ToIc, Direction::ToManager);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProfileFile {
    pub key: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// A file written before profiles said their direction reads as a move to
    /// an IC role.
    #[serde(default)]
    pub direction: Direction,
    /// Target level (1–5) per skill key.
    pub targets: std::collections::BTreeMap<String, u8>,
}

fn is_key(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !text.starts_with('-')
}

/// Every problem of a framework document, each naming where it is.
pub fn framework_problems(file: &FrameworkFile) -> Vec<String> {
    let mut problems = Vec::new();
    if file.format != FORMAT {
        problems.push(format!(
            "format is \"{}\", expected \"{FORMAT}\"",
            file.format
        ));
    }
    if file.format_version != FORMAT_VERSION {
        problems.push(format!(
            "format_version {} is not supported (this Leadline reads version {FORMAT_VERSION})",
            file.format_version
        ));
    }
    if !is_key(&file.key) {
        problems.push(format!(
            "key \"{}\" must be lowercase letters, digits and dashes",
            file.key
        ));
    }
    if file.name.trim().is_empty() {
        problems.push("name is empty".into());
    }
    if file.scale.len() != LEVELS || file.scale.iter().any(|l| l.trim().is_empty()) {
        problems.push(format!(
            "scale must have {LEVELS} non-empty labels, it has {}",
            file.scale.len()
        ));
    }
    if file.areas.is_empty() {
        problems.push("areas is empty: a framework needs at least one area with a skill".into());
    }
    let mut area_keys = HashSet::new();
    let mut skill_keys = HashSet::new();
    for (a, area) in file.areas.iter().enumerate() {
        let at = format!("areas[{a}]");
        if !is_key(&area.key) {
            problems.push(format!(
                "{at}: key \"{}\" must be lowercase letters, digits and dashes",
                area.key
            ));
        } else if !area_keys.insert(area.key.as_str()) {
            problems.push(format!("{at}: area key \"{}\" is used twice", area.key));
        }
        if area.name.trim().is_empty() {
            problems.push(format!("{at}: name is empty"));
        }
        if area.skills.is_empty() {
            problems.push(format!("{at} ({}): has no skills", area.name));
        }
        for (s, skill) in area.skills.iter().enumerate() {
            let at = format!("areas[{a}].skills[{s}]");
            if !is_key(&skill.key) {
                problems.push(format!(
                    "{at}: key \"{}\" must be lowercase letters, digits and dashes",
                    skill.key
                ));
            } else if !skill_keys.insert(skill.key.as_str()) {
                problems.push(format!("{at}: skill key \"{}\" is used twice", skill.key));
            }
            if skill.name.trim().is_empty() {
                problems.push(format!("{at}: name is empty"));
            }
            if skill.levels.len() != LEVELS {
                problems.push(format!(
                    "{at} ({}): needs {LEVELS} level descriptions, has {}",
                    skill.name,
                    skill.levels.len()
                ));
            }
            for (l, level) in skill.levels.iter().enumerate() {
                if level.trim().is_empty() {
                    problems.push(format!(
                        "{at} ({}): level {} has no description",
                        skill.name,
                        l + 1
                    ));
                }
            }
        }
    }
    let mut profile_keys = HashSet::new();
    for (p, profile) in file.profiles.iter().enumerate() {
        let at = format!("profiles[{p}]");
        problems.extend(profile_problems(&at, profile, &skill_keys));
        if !profile_keys.insert(profile.key.as_str()) {
            problems.push(format!(
                "{at}: profile key \"{}\" is used twice",
                profile.key
            ));
        }
    }
    problems
}

pub(crate) fn profile_problems(
    at: &str,
    profile: &ProfileFile,
    skill_keys: &HashSet<&str>,
) -> Vec<String> {
    let mut problems = Vec::new();
    if !is_key(&profile.key) {
        problems.push(format!(
            "{at}: key \"{}\" must be lowercase letters, digits and dashes",
            profile.key
        ));
    }
    if profile.name.trim().is_empty() {
        problems.push(format!("{at}: name is empty"));
    }
    for (skill, level) in &profile.targets {
        if !skill_keys.contains(skill.as_str()) {
            problems.push(format!(
                "{at} ({}): target for unknown skill \"{skill}\"",
                profile.name
            ));
        }
        if !(1..=5).contains(level) {
            problems.push(format!(
                "{at} ({}): target {level} for \"{skill}\" is outside the scale 1–5",
                profile.name
            ));
        }
    }
    problems
}

/// Reads a framework file; a malformed one lists every problem and changes nothing.
pub fn framework_parse(text: &str) -> Result<FrameworkFile> {
    let file: FrameworkFile = serde_json::from_str(text)
        .map_err(|e| Error::FrameworkInvalid(vec![format!("not a framework file: {e}")]))?;
    let problems = framework_problems(&file);
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(Error::FrameworkInvalid(problems))
    }
}
