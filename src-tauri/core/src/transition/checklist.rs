//! Turning skill gaps into a checklist of concrete practice items, placed in a
//! 30/60/90-day plan. Items come from a library of templates per skill and
//! level; the gaps decide which, how many and how early.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::skills::gaps::GapReport;

pub const TEMPLATES_FORMAT: &str = "leadline-practice-templates";

/// Which part of the weekly time budget an item draws from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TimeKind {
    HandsOn,
    Agents,
    Reviews,
    Mentoring,
    OneOnOnes,
}

impl TimeKind {
    /// The five kinds, in the order the budget lists them.
    pub const ALL: [TimeKind; 5] = [
        TimeKind::HandsOn,
        TimeKind::Agents,
        TimeKind::Reviews,
        TimeKind::Mentoring,
        TimeKind::OneOnOnes,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TimeKind::HandsOn => "hands_on",
            TimeKind::Agents => "agents",
            TimeKind::Reviews => "reviews",
            TimeKind::Mentoring => "mentoring",
            TimeKind::OneOnOnes => "one_on_ones",
        }
    }

    /// How the kind reads in a sentence ("hours of hands-on work a week").
    pub fn label(self) -> &'static str {
        match self {
            TimeKind::HandsOn => "hands-on work",
            TimeKind::Agents => "work with agents",
            TimeKind::Reviews => "reviews",
            TimeKind::Mentoring => "mentoring",
            TimeKind::OneOnOnes => "1:1s",
        }
    }
}

crate::stored_enum!(TimeKind:
    TimeKind::HandsOn,
    TimeKind::Agents,
    TimeKind::Reviews,
    TimeKind::Mentoring,
    TimeKind::OneOnOnes,
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PracticeTemplate {
    pub title: String,
    pub done_when: String,
    pub hours_per_week: u8,
    pub kind: TimeKind,
}

/// The template library: items per skill key and per level reached ("2".."5").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PracticeTemplates {
    pub format: String,
    pub format_version: u32,
    pub framework_key: String,
    pub skills: BTreeMap<String, BTreeMap<String, Vec<PracticeTemplate>>>,
}

impl PracticeTemplates {
    pub fn parse(text: &str) -> Result<Self> {
        let templates: PracticeTemplates = serde_json::from_str(text)
            .map_err(|e| Error::InvalidInput(format!("not a practice template file: {e}")))?;
        if templates.format != TEMPLATES_FORMAT || templates.format_version != 1 {
            return Err(Error::InvalidInput(format!(
                "expected format \"{TEMPLATES_FORMAT}\" version 1, found \"{}\" version {}",
                templates.format, templates.format_version
            )));
        }
        Ok(templates)
    }

    fn for_level(&self, skill: &str, level: u8) -> &[PracticeTemplate] {
        self.skills
            .get(skill)
            .and_then(|levels| levels.get(&level.to_string()))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

/// One checkable practice item of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChecklistItem {
    pub skill_key: String,
    pub skill_name: String,
    /// The level this item builds toward.
    pub level: u8,
    pub title: String,
    pub done_when: String,
    pub hours_per_week: u8,
    pub kind: TimeKind,
    /// 1: days 1–30, 2: days 31–60, 3: days 61–90.
    pub phase: u8,
}

/// How many of the biggest gaps start in the first 30 days even when only one
/// level short: a plan that starts everything at once starts nothing.
const FIRST_PHASE_SKILLS: usize = 3;

/// The checklist for a gap report: for each skill below target (biggest gap
/// first, then the ones the person wants to grow), the template items of every
/// level between the current one and the target. A skill at or above target, or
/// never rated, gives nothing. Bigger gaps start earlier and give more items;
/// each further level of the same skill lands one phase later.
pub fn checklist_generate(report: &GapReport, templates: &PracticeTemplates) -> Vec<ChecklistItem> {
    let mut items = Vec::new();
    for (rank, gap) in report.gaps.iter().enumerate() {
        let (Some(current), Some(target)) = (gap.current, gap.target) else {
            continue;
        };
        if current >= target {
            continue;
        }
        let size = target - current;
        let start_phase: u8 = if size >= 2 || rank < FIRST_PHASE_SKILLS || gap.interest == Some(2) {
            1
        } else {
            2
        };
        for (step, level) in (current + 1..=target).enumerate() {
            let phase = (start_phase + step as u8).min(3);
            for t in templates.for_level(&gap.skill_key, level) {
                items.push(ChecklistItem {
                    skill_key: gap.skill_key.clone(),
                    skill_name: gap.skill_name.clone(),
                    level,
                    title: t.title.clone(),
                    done_when: t.done_when.clone(),
                    hours_per_week: t.hours_per_week,
                    kind: t.kind,
                    phase,
                });
            }
        }
    }
    // Stable: within a phase, the order of the gaps (biggest first) is kept.
    items.sort_by_key(|i| i.phase);
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skills::framework::RoleProfile;
    use crate::skills::gaps::GapRow;

    fn row(key: &str, current: Option<u8>, target: u8, interest: Option<u8>) -> GapRow {
        GapRow {
            area: "Area".into(),
            skill_key: key.into(),
            skill_name: key.to_uppercase(),
            target: Some(target),
            current,
            self_level: current,
            manager_level: None,
            previous_level: None,
            gap: current.map(|c| target.saturating_sub(c)),
            interest,
        }
    }

    fn report(rows: Vec<GapRow>) -> GapReport {
        let gaps = crate::skills::gaps::gaps_ordered(&rows);
        GapReport {
            person_id: 1,
            profile: RoleProfile {
                direction: Default::default(),
                id: 1,
                framework_key: "f".into(),
                key: "p".into(),
                name: "P".into(),
                description: String::new(),
                builtin: false,
                targets: BTreeMap::new(),
            },
            framework_name: "F".into(),
            scale: vec![],
            self_assessed_on: None,
            manager_assessed_on: None,
            previous_assessed_on: None,
            skills: rows,
            gaps,
        }
    }

    /// Two items per level for every skill, titled "<skill> to <level> #<n>".
    fn templates(skills: &[&str]) -> PracticeTemplates {
        let mut map = BTreeMap::new();
        for skill in skills {
            let mut levels = BTreeMap::new();
            for level in 2..=5u8 {
                levels.insert(
                    level.to_string(),
                    (1..=2)
                        .map(|n| PracticeTemplate {
                            title: format!("{skill} to {level} #{n}"),
                            done_when: "done".into(),
                            hours_per_week: 1,
                            kind: TimeKind::HandsOn,
                        })
                        .collect(),
                );
            }
            map.insert(skill.to_string(), levels);
        }
        PracticeTemplates {
            format: TEMPLATES_FORMAT.into(),
            format_version: 1,
            framework_key: "f".into(),
            skills: map,
        }
    }

    #[test]
    fn a_skill_at_or_above_target_or_never_rated_produces_no_items() {
        let r = report(vec![
            row("at", Some(3), 3, None),
            row("above", Some(5), 3, None),
            row("unrated", None, 4, None),
        ]);
        assert!(checklist_generate(&r, &templates(&["at", "above", "unrated"])).is_empty());
    }

    #[test]
    fn a_bigger_gap_produces_earlier_and_more_items() {
        // Four skills one level short and one skill two levels short (1 → 3).
        let r = report(vec![
            row("a", Some(2), 3, None),
            row("b", Some(2), 3, None),
            row("c", Some(2), 3, None),
            row("d", Some(2), 3, None),
            row("big", Some(1), 3, None),
        ]);
        let items = checklist_generate(&r, &templates(&["a", "b", "c", "d", "big"]));
        let of = |k: &str| {
            items
                .iter()
                .filter(|i| i.skill_key == k)
                .collect::<Vec<_>>()
        };
        assert_eq!(of("big").len(), 4, "two levels × two items");
        assert_eq!(of("d").len(), 2, "one level × two items");
        assert_eq!(items[0].skill_key, "big", "the biggest gap comes first");
        let big_phases: Vec<(u8, u8)> = of("big").iter().map(|i| (i.level, i.phase)).collect();
        assert_eq!(
            big_phases,
            [(2, 1), (2, 1), (3, 2), (3, 2)],
            "each further level lands a phase later"
        );
        // "big" plus the first two one-level gaps start now; the fourth waits for phase 2.
        assert_eq!(of("d").iter().map(|i| i.phase).collect::<Vec<_>>(), [2, 2]);
        assert_eq!(of("a")[0].phase, 1);
    }

    /// Three bigger gaps rank ahead of a one-level gap, so neither its size nor
    /// its rank starts it in phase 1: only the wish to grow it can.
    #[test]
    fn wanting_to_grow_a_skill_brings_it_forward() {
        let phases_of = |interest: Option<u8>| -> Vec<u8> {
            let r = report(vec![
                row("a", Some(1), 3, None),
                row("b", Some(1), 3, None),
                row("c", Some(1), 3, None),
                row("small", Some(2), 3, interest),
            ]);
            assert_eq!(
                r.gaps.iter().position(|g| g.skill_key == "small"),
                Some(3),
                "the one-level gap ranks fourth whatever the interest"
            );
            checklist_generate(&r, &templates(&["a", "b", "c", "small"]))
                .into_iter()
                .filter(|i| i.skill_key == "small")
                .map(|i| i.phase)
                .collect()
        };
        assert_eq!(phases_of(Some(2)), [1, 1], "wanted: starts now");
        assert_eq!(phases_of(Some(1)), [2, 2], "only open to it: waits");
        assert_eq!(phases_of(None), [2, 2], "no interest given: waits");
    }

    #[test]
    fn a_malformed_template_file_is_refused() {
        assert!(PracticeTemplates::parse("{}").is_err());
        assert!(PracticeTemplates::parse(
            r#"{"format":"other","format_version":1,"framework_key":"f","skills":{}}"#
        )
        .is_err());
    }
}
