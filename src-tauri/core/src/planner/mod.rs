//! The target planner: which managers could become IC leaders, and where their
//! human reports would go, to raise the IC:manager ratio to a target within a
//! span limit, a layer limit and a number of people who change manager. It is
//! a pure, deterministic function of the structure and the inputs; it proposes
//! and changes nothing. Scenarios turn its proposal into stored changes.
//!
//! The rules, in the order they apply:
//!
//! - **Who is a candidate.** A human with at least one human report and a
//!   manager: someone at the top keeps their role, because nobody above them
//!   could take their reports and the org would lose its head. A manager who
//!   received people earlier in the plan is not converted later, so nobody
//!   changes manager twice.
//! - **Candidate order.** Managers of ICs before managers of managers (as the
//!   structure stands when they come up); then the narrowest span first, so
//!   single-report and narrow spans go first; then readiness at the same
//!   span: assessed people who are open to or want the IC-leader skills (mean
//!   interest ≥ 1), higher interest first, smaller gap first; then people with
//!   no stated interest (assessed ones by gap, then the unassessed); then those
//!   who said "not now" (mean interest < 1). Ties by person id.
//! - **Where reports go.** Each human report goes to a manager with room (a
//!   span below `max_span`, or below the wide-span threshold without one):
//!   first the converted manager's own manager (this removes a layer for the
//!   report), then the converted manager's peers, then managers in the
//!   converted manager's team, then managers nearby (going up the chain:
//!   each ancestor, then the managers under it). Within a group the fullest
//!   manager with room goes first, so narrow-span managers stay free to become
//!   IC leaders themselves; ties by id. The reports with the deepest subtrees
//!   are placed first. Nobody goes to an agent, to someone converted, or below
//!   the converted manager (no cycle), and no placement makes the org deeper
//!   than `max_layers` (or than it is, without one). A conversion happens
//!   whole or not at all. Agents stay with the manager who becomes an IC leader.
//! - **Stop** when the ratio is reached or no candidate is left.
//! - **Spans above `max_span`** that were there before: afterwards, with the
//!   moves left, the excess reports (ICs first) of each such manager go to
//!   their peers, then to managers of their team, with room.
//! - **What was missed** is named with its amount: the ratio short of its
//!   target, spans still above `max_span`, layers above `max_layers`, and the
//!   moves cap when it stopped a conversion.

mod draft;
mod inputs;
#[cfg(test)]
mod tests;
mod words;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::org::OrgStructure;
use crate::settings::Thresholds;

pub use inputs::{planner_inputs, PlannerInputs, Readiness, IC_LEADER_PROFILE_KEY};

/// The IC:manager ratio to reach.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum RatioTarget {
    /// The current ratio raised by this many percent (15 means ×1.15).
    IncreaseBy { percent: f64 },
    /// At least this ratio.
    AtLeast { ratio: f64 },
}

/// What a workshop asks for: "+15 %, no span above 10, at most 6 layers, at
/// most 40 people change manager".
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlannerTargets {
    pub ratio: RatioTarget,
    pub max_span: Option<u32>,
    pub max_layers: Option<u32>,
    /// People who change manager.
    pub max_moves: Option<u32>,
    /// Without `max_span`, a receiving manager has room below the wide-span threshold.
    #[serde(default)]
    pub thresholds: Thresholds,
}

/// A manager proposed to become an IC leader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlannedConversion {
    #[ts(type = "number")]
    pub person_id: i64,
    pub name: String,
    /// Human reports they hand over (each one is a move).
    pub reports: u32,
    pub reason: String,
}

/// A person proposed to change manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlannedMove {
    #[ts(type = "number")]
    pub person_id: i64,
    pub name: String,
    #[ts(type = "number")]
    pub from_manager_id: i64,
    #[ts(type = "number")]
    pub to_manager_id: i64,
    pub reason: String,
}

/// The org's figures, as `metrics::metrics_compute` counts them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlannerFigures {
    /// ICs / managers; `null` without managers.
    pub ratio: Option<f64>,
    pub managers: u32,
    pub ics: u32,
    pub max_span: Option<u32>,
    pub layers: u32,
    /// People who change manager (0 before).
    pub moves: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PlannerConstraint {
    Ratio,
    Span,
    Layers,
    Moves,
}

/// A target the proposal does not meet, and by how much.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlannerMiss {
    pub constraint: PlannerConstraint,
    /// What was asked: the ratio, the max span, the max layers or the max moves.
    pub target: f64,
    /// What the proposal reaches (for moves: the moves it uses).
    pub reached: f64,
    /// How far from the target: the ratio short of it, the span or layers
    /// above it, the moves one more conversion would have needed beyond it.
    pub by: f64,
    /// Who it concerns: the managers whose span stays above the max, by id.
    #[ts(type = "Array<number>")]
    pub people: Vec<i64>,
    /// The same in words: "ratio reached 7.20, target 7.80 (short by 0.60)".
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlannerProposal {
    /// The ratio aimed for; `null` when the org has no managers.
    pub target_ratio: Option<f64>,
    /// In the order they were chosen.
    pub conversions: Vec<PlannedConversion>,
    /// Grouped by conversion, in its order; then the moves that bring spans
    /// above `max_span` down.
    pub moves: Vec<PlannedMove>,
    pub before: PlannerFigures,
    pub after: PlannerFigures,
    /// Empty when every target is met.
    pub missed: Vec<PlannerMiss>,
}

/// Proposes which managers become IC leaders and where their reports go (see
/// the module's rules). `inputs` must be read for this `structure`. Near
/// O(n log n): one heap of candidates, bookkeeping of spans as it goes, and
/// one walk over everyone for the figures before and after.
pub fn planner_propose(
    structure: &OrgStructure,
    inputs: &PlannerInputs,
    targets: &PlannerTargets,
) -> Result<PlannerProposal> {
    inputs.check(structure)?;
    targets_check(targets)?;
    let mut draft = draft::Draft::new(structure, inputs, targets);
    let before = draft.figures();
    let target_ratio = before.ratio.map(|ratio| match targets.ratio {
        RatioTarget::IncreaseBy { percent } => ratio * (1.0 + percent / 100.0),
        RatioTarget::AtLeast { ratio } => ratio,
    });
    if let Some(target) = target_ratio {
        draft.convert_until(target);
    }
    if targets.max_span.is_some() {
        draft.narrow_wide_spans();
    }
    let after = draft.figures();
    let missed = draft.missed(target_ratio, &after);
    let (conversions, moves) = draft.into_proposed();
    Ok(PlannerProposal {
        target_ratio,
        conversions,
        moves,
        before,
        after,
        missed,
    })
}

fn targets_check(targets: &PlannerTargets) -> Result<()> {
    match targets.ratio {
        RatioTarget::IncreaseBy { percent } if !(percent.is_finite() && percent >= 0.0) => {
            return Err(Error::InvalidInput(format!(
                "the ratio can only be raised: the increase must be 0 % or more, not {percent} %"
            )))
        }
        RatioTarget::AtLeast { ratio } if !(ratio.is_finite() && ratio > 0.0) => {
            return Err(Error::InvalidInput(format!(
                "the target ratio must be a number above 0, not {ratio}"
            )))
        }
        _ => {}
    }
    if targets.max_span == Some(0) {
        return Err(Error::InvalidInput(
            "the max span must be at least 1: a manager has at least one report".into(),
        ));
    }
    if targets.max_layers == Some(0) {
        return Err(Error::InvalidInput(
            "the max layers must be at least 1: the top of the org is layer 1".into(),
        ));
    }
    Ok(())
}
