//! An audit's worst bottlenecks, and the plan actions they ask for (which
//! `plan_add_audit_actions` feeds into a transition plan).

use super::stage::{BOTTLENECK_FROM, SLOWDOWN_SCALE, WORST_COUNT};
use super::{Audit, Stage, StageRow};
use crate::transition::checklist::TimeKind;

/// The worst bottlenecks: stages with slowdown ≥ 2, the slowest first; on a tie
/// the one with less AI use first (most room to change), then lifecycle order.
pub fn worst_bottlenecks(stages: &[StageRow]) -> Vec<Stage> {
    let mut candidates: Vec<&StageRow> = stages
        .iter()
        .filter(|s| s.slowdown >= BOTTLENECK_FROM)
        .collect();
    candidates.sort_by_key(|s| (std::cmp::Reverse(s.slowdown), s.ai_use, s.stage));
    candidates
        .into_iter()
        .take(WORST_COUNT)
        .map(|s| s.stage)
        .collect()
}

/// A plan item for one of an audit's worst bottlenecks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BottleneckAction {
    pub stage: Stage,
    pub title: String,
    pub done_when: String,
    pub kind: TimeKind,
    pub hours_per_week: u8,
    /// The two worst start in days 1–30, the third in days 31–60.
    pub phase: u8,
}

/// The actions an audit's worst bottlenecks ask for, worst first.
pub fn bottleneck_actions(audit: &Audit) -> Vec<BottleneckAction> {
    audit
        .worst
        .iter()
        .enumerate()
        .filter_map(|(rank, stage)| {
            let row = audit.stages.iter().find(|s| s.stage == *stage)?;
            let title = if row.next_change.is_empty() {
                format!(
                    "{}: find one change that removes the slowdown, and try it for two weeks",
                    row.label
                )
            } else {
                format!("{}: try \"{}\"", row.label, row.next_change)
            };
            let with_owner = match &row.owner_name {
                Some(owner) => format!("Agreed with {owner}, who owns {}; ", row.label.to_lowercase()),
                None => String::new(),
            };
            let done_when = format!(
                "{with_owner}the change has run for two weeks, and the next audit rates the {} slowdown below \"{}\".",
                row.label.to_lowercase(),
                SLOWDOWN_SCALE[row.slowdown.min(4) as usize]
            );
            Some(BottleneckAction {
                stage: row.stage,
                title,
                done_when,
                kind: row.stage.time_kind(),
                hours_per_week: 2,
                phase: if rank < 2 { 1 } else { 2 },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::audit_create;
    use super::super::fixtures::{audit_of, stage};
    use super::*;
    use crate::db::open_in_memory;
    use crate::people::tests::add;

    #[test]
    fn the_worst_bottlenecks_are_the_slowest_stages_with_least_ai_first() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let audit = audit_create(
            &conn,
            &audit_of(
                ada,
                "2026-10-01",
                vec![
                    stage(Stage::Planning, 1, 0),
                    stage(Stage::Strategy, 3, 2),
                    stage(Stage::Prioritization, 2, 0),
                    stage(Stage::BugFixing, 3, 1),
                    stage(Stage::CodeGeneration, 0, 4),
                    stage(Stage::CodeReview, 4, 3),
                ],
            ),
        )
        .unwrap();
        // By hand: review (4) first; strategy and bug fixing tie at 3, bug fixing uses
        // less AI (1 < 2) so it comes before strategy; prioritization (2) is fourth.
        assert_eq!(
            audit.worst,
            [Stage::CodeReview, Stage::BugFixing, Stage::Strategy]
        );
        let ranks: Vec<(Stage, Option<u8>)> =
            audit.stages.iter().map(|s| (s.stage, s.rank)).collect();
        assert_eq!(
            ranks,
            [
                (Stage::Planning, None),
                (Stage::Strategy, Some(3)),
                (Stage::Prioritization, None),
                (Stage::BugFixing, Some(2)),
                (Stage::CodeGeneration, None),
                (Stage::CodeReview, Some(1)),
            ]
        );
        let actions = bottleneck_actions(&audit);
        assert_eq!(
            actions.iter().map(|a| a.phase).collect::<Vec<_>>(),
            [1, 1, 2]
        );
        assert_eq!(actions[0].kind, TimeKind::Reviews);
    }

    #[test]
    fn stages_below_noticeable_are_not_bottlenecks() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let audit = audit_create(
            &conn,
            &audit_of(ada, "2026-10-01", vec![stage(Stage::Planning, 1, 0)]),
        )
        .unwrap();
        assert!(audit.worst.is_empty());
        assert!(bottleneck_actions(&audit).is_empty());
    }
}
