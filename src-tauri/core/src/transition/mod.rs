//! The transition guide: a manager → IC-leader move as a plan — the org impact
//! of the move, a checklist generated from skill gaps, and a 30/60/90-day plan.

pub mod audit;
pub mod checklist;
pub mod library;
pub mod plan;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The most hours a week one plan item or practice template may take.
pub const ITEM_HOURS_MAX: u8 = 40;
/// The most hours a week a plan's budget may add up to.
pub const WEEK_HOURS_MAX: u32 = 80;

/// The limits the core holds plans and templates to, for forms to show
/// before saving (the core still checks every write).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanLimits {
    pub item_hours_max: u8,
    pub week_hours_max: u32,
}

pub fn plan_limits() -> PlanLimits {
    PlanLimits {
        item_hours_max: ITEM_HOURS_MAX,
        week_hours_max: WEEK_HOURS_MAX,
    }
}

/// The practice-item library that ships with Leadline, for the built-in framework.
pub const BUILTIN_TEMPLATES: &str = include_str!("templates/practice-templates.json");

/// The shipped library, parsed once.
pub fn shipped_templates() -> &'static checklist::PracticeTemplates {
    static SHIPPED: std::sync::OnceLock<checklist::PracticeTemplates> = std::sync::OnceLock::new();
    SHIPPED.get_or_init(|| {
        checklist::PracticeTemplates::parse(BUILTIN_TEMPLATES)
            .expect("the shipped templates parse (checked by a test)")
    })
}

#[cfg(test)]
mod tests {
    use super::checklist::PracticeTemplates;
    use crate::skills::framework::framework_parse;

    #[test]
    fn the_shipped_templates_cover_every_skill_and_level_of_the_builtin_framework() {
        let templates = PracticeTemplates::parse(super::BUILTIN_TEMPLATES).unwrap();
        let framework = framework_parse(crate::skills::BUILTIN_FRAMEWORK).unwrap();
        assert_eq!(templates.framework_key, framework.key);
        for area in &framework.areas {
            for skill in &area.skills {
                let levels = templates
                    .skills
                    .get(&skill.key)
                    .unwrap_or_else(|| panic!("no templates for {}", skill.key));
                for level in 2..=5 {
                    let items = levels.get(&level.to_string()).map(Vec::len).unwrap_or(0);
                    assert!(items >= 2, "{} level {level} has {items} items", skill.key);
                }
            }
        }
    }
}
