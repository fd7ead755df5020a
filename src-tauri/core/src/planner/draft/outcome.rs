//! What the draft comes to: the org's figures counted afresh, and the
//! targets it misses with their amounts.

use super::{Blocked, Draft, Role, EPSILON, NONE};
use crate::planner::{words, PlannerConstraint, PlannerFigures, PlannerMiss};

impl Draft<'_> {
    /// The figures of the org as the draft has it, counted afresh from the
    /// spans and reporting lines (not from the running counts).
    pub(in crate::planner) fn figures(&self) -> PlannerFigures {
        let (mut managers, mut ics, mut max_span) = (0u32, 0u32, None);
        let mut depth = vec![0u32; self.s.len()];
        let mut path = Vec::new();
        let mut layers = 0;
        for v in 0..self.s.len() as u32 {
            let i = v as usize;
            if self.s.is_agent[i] {
                continue;
            }
            if self.span[i] > 0 {
                managers += 1;
                max_span = max_span.max(Some(self.span[i]));
            } else {
                ics += 1;
            }
            // Up to the first known depth, then down again.
            let mut node = v;
            while depth[node as usize] == 0 {
                path.push(node);
                match self.parent[node as usize] {
                    NONE => break,
                    p => node = p,
                }
            }
            let mut d = depth[node as usize];
            while let Some(n) = path.pop() {
                d += 1;
                depth[n as usize] = d;
            }
            layers = layers.max(depth[i]);
        }
        debug_assert_eq!(
            (managers, ics),
            (self.managers, self.ics),
            "the running counts agree"
        );
        PlannerFigures {
            ratio: (managers > 0).then(|| ics as f64 / managers as f64),
            managers,
            ics,
            max_span,
            layers,
            moves: self.moves.len() as u32,
        }
    }

    /// The targets the draft does not meet, each with its amount.
    pub(in crate::planner) fn missed(
        &self,
        target_ratio: Option<f64>,
        after: &PlannerFigures,
    ) -> Vec<PlannerMiss> {
        let mut missed = Vec::new();
        let mut moves_short = None;
        let mut for_room = 0u32;
        let mut for_moves = 0u32;
        for v in 0..self.s.len() {
            if self.role[v] != Role::Free {
                continue;
            }
            match self.blocked[v] {
                Blocked::Moves(needed) => {
                    for_moves += 1;
                    moves_short = Some(moves_short.map_or(needed, |m: u32| m.min(needed)));
                }
                Blocked::Room => for_room += 1,
                Blocked::No => {}
            }
        }
        if let (Some(target), Some(reached)) = (target_ratio, after.ratio) {
            if reached < target - EPSILON {
                missed.push(PlannerMiss {
                    constraint: PlannerConstraint::Ratio,
                    target,
                    reached,
                    by: target - reached,
                    people: Vec::new(),
                    message: words::ratio_miss(target, reached, for_room, for_moves),
                });
                if let (Some(max), Some(needed)) = (self.max_moves, moves_short) {
                    let by = needed - self.moves_left();
                    missed.push(PlannerMiss {
                        constraint: PlannerConstraint::Moves,
                        target: max as f64,
                        reached: after.moves as f64,
                        by: by as f64,
                        people: Vec::new(),
                        message: format!(
                            "moves {} of {max} used; converting one more manager needs {needed} (short by {by})",
                            after.moves
                        ),
                    });
                }
            }
        }
        if let (Some(max), Some(reached)) = (self.max_span, after.max_span) {
            if reached > max {
                let people: Vec<i64> = (0..self.s.len())
                    .filter(|&v| !self.s.is_agent[v] && self.span[v] > max)
                    .map(|v| self.s.ids[v])
                    .collect();
                let message =
                    words::span_miss(max, reached, people.len(), self.spans_left_for_moves);
                missed.push(PlannerMiss {
                    constraint: PlannerConstraint::Span,
                    target: max as f64,
                    reached: reached as f64,
                    by: (reached - max) as f64,
                    people,
                    message,
                });
            }
        }
        if let Some(max) = self.max_layers {
            if after.layers > max {
                missed.push(PlannerMiss {
                    constraint: PlannerConstraint::Layers,
                    target: max as f64,
                    reached: after.layers as f64,
                    by: (after.layers - max) as f64,
                    people: Vec::new(),
                    message: format!(
                        "layers {} > {max} (by {})",
                        after.layers,
                        after.layers - max
                    ),
                });
            }
        }
        missed
    }
}
