//! What an audit asks: the stages of the software lifecycle, the question for
//! each, and the two scales a stage is rated on (slowdown and AI use).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::transition::checklist::TimeKind;

/// The stages of the software lifecycle an audit asks about, in lifecycle order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Stage {
    Planning,
    Strategy,
    Prioritization,
    BugFixing,
    CodeGeneration,
    CodeReview,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Planning,
        Stage::Strategy,
        Stage::Prioritization,
        Stage::BugFixing,
        Stage::CodeGeneration,
        Stage::CodeReview,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Planning => "planning",
            Stage::Strategy => "strategy",
            Stage::Prioritization => "prioritization",
            Stage::BugFixing => "bug_fixing",
            Stage::CodeGeneration => "code_generation",
            Stage::CodeReview => "code_review",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::Planning => "Planning",
            Stage::Strategy => "Strategy",
            Stage::Prioritization => "Prioritization",
            Stage::BugFixing => "Bug fixing",
            Stage::CodeGeneration => "Code generation",
            Stage::CodeReview => "Code review",
        }
    }

    /// The question the audit asks about the stage, in plain words.
    pub fn question(self) -> &'static str {
        match self {
            Stage::Planning => "How long does it take to turn a request into work someone can start on?",
            Stage::Strategy => "How often does work wait for, or get redone because of, an unclear direction?",
            Stage::Prioritization => "How often do people work on the wrong thing first, or wait for a decision on what comes next?",
            Stage::BugFixing => "How much time goes from a bug report to a verified fix, and how much of the week does it eat?",
            Stage::CodeGeneration => "How much of the time from a clear task to a working change is spent writing code by hand?",
            Stage::CodeReview => "How long do changes wait for review, and how often does review find what should have been caught earlier?",
        }
    }

    /// Accepts `code_review`, `code-review` or `Code review`.
    pub fn parse(text: &str) -> Option<Stage> {
        let key = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Stage::ALL.into_iter().find(|s| s.as_str() == key)
    }

    /// Which part of a plan's weekly budget work on this stage draws from.
    pub(super) fn time_kind(self) -> TimeKind {
        match self {
            Stage::Planning | Stage::Strategy | Stage::Prioritization => TimeKind::HandsOn,
            Stage::BugFixing | Stage::CodeGeneration => TimeKind::Agents,
            Stage::CodeReview => TimeKind::Reviews,
        }
    }
}

/// How much a stage slows the work, 0–4.
pub const SLOWDOWN_SCALE: [&str; 5] = [
    "Not a bottleneck",
    "Slight",
    "Noticeable",
    "Major",
    "The main bottleneck",
];

/// How much AI is used in a stage today, 0–4.
pub const AI_USE_SCALE: [&str; 5] = [
    "No AI",
    "Individuals experiment",
    "Used for some tasks",
    "Used for most tasks",
    "Agents do it, people review",
];

/// A stage counts as a bottleneck from this slowdown on.
pub const BOTTLENECK_FROM: u8 = 2;
/// How many of the worst bottlenecks an audit names (and feeds into a plan).
pub const WORST_COUNT: usize = 3;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StageInfo {
    pub stage: Stage,
    pub label: String,
    pub question: String,
}

/// The stages and the two scales, for forms and reports.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditScales {
    pub stages: Vec<StageInfo>,
    pub slowdown: Vec<String>,
    pub ai_use: Vec<String>,
    pub bottleneck_from: u8,
}

pub fn audit_scales() -> AuditScales {
    AuditScales {
        stages: Stage::ALL
            .into_iter()
            .map(|stage| StageInfo {
                stage,
                label: stage.label().into(),
                question: stage.question().into(),
            })
            .collect(),
        slowdown: SLOWDOWN_SCALE.iter().map(|s| s.to_string()).collect(),
        ai_use: AI_USE_SCALE.iter().map(|s| s.to_string()).collect(),
        bottleneck_from: BOTTLENECK_FROM,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_names_parse_in_every_spelling() {
        assert_eq!(Stage::parse("code-review"), Some(Stage::CodeReview));
        assert_eq!(Stage::parse("Bug fixing"), Some(Stage::BugFixing));
        assert_eq!(Stage::parse("code_generation"), Some(Stage::CodeGeneration));
        assert_eq!(Stage::parse("deploy"), None);
    }
}
