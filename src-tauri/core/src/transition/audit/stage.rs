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
    use super::super::bottlenecks::bottleneck_actions;
    use super::super::fixtures::{agent, audit_of, stage};
    use super::super::{audit_create, audit_list, AuditInput, AuditScope};
    use super::*;
    use crate::db::open_in_memory;
    use crate::people::tests::add;
    use crate::transition::checklist::TimeKind;

    #[test]
    fn the_scales_name_the_six_stages_in_lifecycle_order_and_both_scales_in_words() {
        let scales = audit_scales();
        let stages: Vec<&str> = scales.stages.iter().map(|s| s.stage.as_str()).collect();
        assert_eq!(
            stages,
            [
                "planning",
                "strategy",
                "prioritization",
                "bug_fixing",
                "code_generation",
                "code_review"
            ],
            "the lifecycle's order, as forms and reports show it"
        );
        assert!(
            scales.stages.iter().all(|s| s.question.ends_with('?')),
            "every stage asks a question"
        );
        assert_eq!(
            (scales.slowdown[0].as_str(), scales.slowdown[4].as_str()),
            ("Not a bottleneck", "The main bottleneck")
        );
        assert_eq!(scales.ai_use[4], "Agents do it, people review");
        assert_eq!(scales.bottleneck_from, 2, "from \"Noticeable\" on");
    }

    /// A team's audit of two stages, review 4 and planning 1: total 5, worst
    /// "Code review"; the note is kept without its surrounding spaces.
    #[test]
    fn a_summary_names_the_worst_stage_and_counts_the_stages_rated() {
        let conn = open_in_memory().unwrap();
        let team = crate::teams::team_create(&conn, "Platform").unwrap();
        let audit = audit_create(
            &conn,
            &AuditInput {
                scope: AuditScope::Team { id: team.id },
                taken_on: "2026-10-05".into(),
                note: " trial ".into(),
                stages: vec![stage(Stage::CodeReview, 4, 1), stage(Stage::Planning, 1, 0)],
            },
        )
        .unwrap();
        assert_eq!(
            audit.scope_name, "team Platform",
            "a team reads as the team"
        );
        assert_eq!(audit.note, "trial", "the note is trimmed");
        let listed = audit_list(&conn, Some(AuditScope::Team { id: team.id })).unwrap();
        assert_eq!(
            listed
                .iter()
                .map(|a| (a.worst.as_deref(), a.stages_rated, a.total_slowdown))
                .collect::<Vec<_>>(),
            [(Some("Code review"), 2, 5)]
        );
        let calm = audit_create(
            &conn,
            &audit_of(
                add(&conn, "Ada", None),
                "2026-10-06",
                vec![stage(Stage::Planning, 1, 0)],
            ),
        )
        .unwrap();
        let summary = audit_list(&conn, None).unwrap();
        assert_eq!(
            summary.iter().find(|a| a.id == calm.id).unwrap().worst,
            None,
            "no stage reaches Noticeable: no worst stage"
        );
    }

    /// Review (4, owned by an agent, with a change to try) and planning (2, no
    /// change named yet) are the bottlenecks; strategy (1) is not.
    #[test]
    fn a_bottleneck_action_names_the_change_and_the_owner_or_asks_for_a_change() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let mut review = stage(Stage::CodeReview, 4, 1);
        review.owner_id = Some(agent(&conn, "Triage Agent", ada));
        review.next_change = "Agents review first".into();
        let audit = audit_create(
            &conn,
            &audit_of(
                ada,
                "2026-01-10",
                vec![
                    review,
                    stage(Stage::Planning, 2, 0),
                    stage(Stage::Strategy, 1, 0),
                ],
            ),
        )
        .unwrap();
        let actions: Vec<(Stage, String, String, TimeKind, u8)> = bottleneck_actions(&audit)
            .into_iter()
            .map(|a| (a.stage, a.title, a.done_when, a.kind, a.phase))
            .collect();
        assert_eq!(
            actions,
            [
                (
                    Stage::CodeReview,
                    "Code review: try \"Agents review first\"".to_string(),
                    "Agreed with Triage Agent, who owns code review; the change has run for two weeks, and the next audit rates the code review slowdown below \"The main bottleneck\".".to_string(),
                    TimeKind::Reviews,
                    1
                ),
                (
                    Stage::Planning,
                    "Planning: find one change that removes the slowdown, and try it for two weeks".to_string(),
                    "the change has run for two weeks, and the next audit rates the planning slowdown below \"Noticeable\".".to_string(),
                    TimeKind::HandsOn,
                    1
                ),
            ]
        );
    }

    #[test]
    fn stage_names_parse_in_every_spelling() {
        assert_eq!(Stage::parse("code-review"), Some(Stage::CodeReview));
        assert_eq!(Stage::parse("Bug fixing"), Some(Stage::BugFixing));
        assert_eq!(Stage::parse("code_generation"), Some(Stage::CodeGeneration));
        assert_eq!(Stage::parse("deploy"), None);
    }
}
