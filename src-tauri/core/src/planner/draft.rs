//! The planner's working state: the structure as the proposal has changed it
//! so far, with spans, manager counts and subtree heights kept up to date move
//! by move, so each step costs what it touches rather than the whole org.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use super::words;
use super::{
    PlannedConversion, PlannedMove, PlannerConstraint, PlannerFigures, PlannerInputs, PlannerMiss,
    PlannerTargets,
};
use crate::org::OrgStructure;

const NONE: u32 = u32::MAX;

/// Ratios within this of the target count as reached: 3.22 asked as 2.8 × 1.15
/// must not be missed by a rounding error.
const EPSILON: f64 = 1e-9;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Untouched so far: may still be converted or receive people.
    Free,
    /// Received people: may receive more, is not converted.
    Received,
    Converted,
}

/// Why a candidate was not converted, the last time it came up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Blocked {
    No,
    /// Converting them needed this many moves, more than were left.
    Moves(u32),
    /// Some report had nobody with room to go to.
    Room,
}

/// Where a receiving manager stands relative to the manager whose reports
/// they take; the reasons say it in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Relation {
    Manager,
    Peer {
        manager: u32,
    },
    Team,
    /// An ancestor this many levels above (2 is the skip-level manager).
    Above {
        levels: u32,
    },
    /// A manager reporting to the ancestor this many levels above.
    Under {
        ancestor: u32,
        levels: u32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Group {
    Manager,
    Peers,
    Team,
    Nearby,
}

/// Candidate order, smallest first: (manager of managers, span, readiness
/// tier, interest in thousandths descending, gap, person id).
type Key = (bool, u32, u8, Reverse<u32>, u32, i64);

pub(super) struct Draft<'a> {
    s: &'a OrgStructure,
    inputs: &'a PlannerInputs,
    /// The most human reports a receiving manager may end with.
    capacity: u32,
    max_span: Option<u32>,
    wide_span_min: u32,
    narrow_span_max: u32,
    /// No placement may put anyone deeper than this layer (unless they were
    /// already deeper and do not go further down).
    layer_limit: u32,
    max_layers: Option<u32>,
    max_moves: Option<u32>,
    parent: Vec<u32>,
    /// Human direct reports, now.
    span: Vec<u32>,
    /// Human direct reports who are managers, now: tells the kind.
    manager_reports: Vec<u32>,
    /// People moved under each node (the structure's children lists are fixed).
    moved_in: Vec<Vec<u32>>,
    /// Layers of each human's subtree (1 for an IC). Raised as people move in,
    /// never lowered: an overestimate keeps the layer check on the safe side.
    height: Vec<u32>,
    role: Vec<Role>,
    blocked: Vec<Blocked>,
    /// Receivers already considered in the current placement.
    seen: Vec<u32>,
    round: u32,
    team_managers: HashMap<i64, Vec<u32>>,
    queue: BinaryHeap<Reverse<(Key, u32)>>,
    managers: u32,
    ics: u32,
    /// The spans above `max_span` left because the moves ran out.
    spans_left_for_moves: bool,
    conversions: Vec<PlannedConversion>,
    moves: Vec<PlannedMove>,
}

impl<'a> Draft<'a> {
    pub(super) fn new(
        s: &'a OrgStructure,
        inputs: &'a PlannerInputs,
        targets: &PlannerTargets,
    ) -> Self {
        let n = s.len();
        let human = |v: u32| !s.is_agent[v as usize];
        let parent: Vec<u32> = (0..n as u32).map(|v| s.parent(v).unwrap_or(NONE)).collect();
        let span: Vec<u32> = (0..n as u32)
            .map(|v| if human(v) { s.human_reports(v) } else { 0 })
            .collect();
        let mut manager_reports = vec![0u32; n];
        let mut height = vec![0u32; n];
        let (mut managers, mut ics) = (0u32, 0u32);
        // Children before parents: heights add up in one pass.
        for &v in s.all_breadth_first().iter().rev() {
            let i = v as usize;
            if !human(v) {
                continue;
            }
            height[i] = height[i].max(1);
            if span[i] > 0 {
                managers += 1;
            } else {
                ics += 1;
            }
            if let Some(p) = s.parent(v) {
                let p = p as usize;
                height[p] = height[p].max(height[i] + 1);
                if span[i] > 0 {
                    manager_reports[p] += 1;
                }
            }
        }
        let layers = s.roots().map(|r| height[r as usize]).max().unwrap_or(0);
        let mut team_managers: HashMap<i64, Vec<u32>> = HashMap::new();
        for v in 0..n as u32 {
            if let (true, Some(team)) = (span[v as usize] > 0, inputs.team[v as usize]) {
                team_managers.entry(team).or_default().push(v);
            }
        }
        let wide_span_min = targets.thresholds.wide_span_min;
        let mut draft = Draft {
            s,
            inputs,
            capacity: targets
                .max_span
                .unwrap_or(wide_span_min.saturating_sub(1).max(1)),
            max_span: targets.max_span,
            wide_span_min,
            narrow_span_max: targets.thresholds.narrow_span_max,
            layer_limit: targets.max_layers.unwrap_or(layers),
            max_layers: targets.max_layers,
            max_moves: targets.max_moves,
            parent,
            span,
            manager_reports,
            moved_in: vec![Vec::new(); n],
            height,
            role: vec![Role::Free; n],
            blocked: vec![Blocked::No; n],
            seen: vec![0; n],
            round: 0,
            team_managers,
            queue: BinaryHeap::new(),
            managers,
            ics,
            spans_left_for_moves: false,
            conversions: Vec::new(),
            moves: Vec::new(),
        };
        for v in 0..n as u32 {
            if draft.is_candidate(v) {
                draft.queue.push(Reverse((draft.key(v), v)));
            }
        }
        draft
    }

    fn is_candidate(&self, v: u32) -> bool {
        let i = v as usize;
        !self.s.is_agent[i]
            && self.span[i] > 0
            && self.parent[i] != NONE
            && self.role[i] == Role::Free
    }

    fn key(&self, v: u32) -> Key {
        let i = v as usize;
        let (tier, interest, gap) = match &self.inputs.readiness[i] {
            Some(r) => match r.interest {
                Some(x) if x >= 1.0 => (0, thousandths(x), r.gap),
                Some(x) => (2, thousandths(x), r.gap),
                None => (1, 0, r.gap),
            },
            None => (1, 0, u32::MAX),
        };
        (
            self.manager_reports[i] > 0,
            self.span[i],
            tier,
            Reverse(interest),
            gap,
            self.s.ids[i],
        )
    }

    fn moves_left(&self) -> u32 {
        self.max_moves
            .map_or(u32::MAX, |max| max.saturating_sub(self.moves.len() as u32))
    }

    /// The human reports of `v` now.
    fn reports(&self, v: u32) -> Vec<u32> {
        self.s
            .children(v)
            .iter()
            .chain(&self.moved_in[v as usize])
            .copied()
            .filter(|&c| self.parent[c as usize] == v && !self.s.is_agent[c as usize])
            .collect()
    }

    /// Converts candidates in order until the ratio reaches `target` or none is left.
    pub(super) fn convert_until(&mut self, target: f64) {
        while (self.ics as f64) < (target - EPSILON) * self.managers as f64 {
            let Some(Reverse((key, a))) = self.queue.pop() else {
                break;
            };
            // A stale entry: the kind changed since, and a fresh one was queued.
            if !self.is_candidate(a) || key != self.key(a) {
                continue;
            }
            self.blocked[a as usize] = self.try_convert(a);
        }
    }

    fn try_convert(&mut self, a: u32) -> Blocked {
        let mut reports = self.reports(a);
        // The deepest lines first: the manager's own manager, who comes first,
        // then lifts them a layer.
        reports.sort_by_key(|&x| (Reverse(self.height[x as usize]), self.s.ids[x as usize]));
        let needed = reports.len() as u32;
        if needed > self.moves_left() {
            return Blocked::Moves(needed);
        }
        let groups = [Group::Manager, Group::Peers, Group::Team, Group::Nearby];
        let placed = self.place(a, &reports, &groups, reports.len());
        if placed.len() < reports.len() {
            return Blocked::Room;
        }
        let i = a as usize;
        let agents = self.s.children(a).len() - self.s.human_reports(a) as usize;
        self.conversions.push(PlannedConversion {
            person_id: self.s.ids[i],
            name: self.s.names[i].to_string(),
            reports: needed,
            reason: words::conversion(
                &self.s.names[i],
                needed,
                self.manager_reports[i],
                self.narrow_span_max,
                self.inputs.readiness[i].as_ref(),
                agents as u32,
            ),
        });
        self.role[i] = Role::Converted;
        for (x, r, relation) in placed {
            let (before, name) = (self.span[r as usize], self.s.names[r as usize].clone());
            let reason = format!(
                "goes to {}, {}, who has room ({})",
                name,
                self.relation_words(a, relation),
                self.room_words(before)
            );
            self.reparent(x, a, r, reason);
        }
        Blocked::No
    }

    /// Finds managers with room for up to `limit` of `reports` (all now under
    /// `from`), group by group, each manager considered once. Changes nothing.
    pub(super) fn place(
        &mut self,
        from: u32,
        reports: &[u32],
        groups: &[Group],
        limit: usize,
    ) -> Vec<(u32, u32, Relation)> {
        self.round += 1;
        self.seen[from as usize] = self.round;
        let mut left: Vec<u32> = reports.to_vec();
        let mut placed = Vec::new();
        let mut from_depth = None;
        for &group in groups {
            if left.is_empty() || placed.len() >= limit {
                break;
            }
            // (receiver, relation, their depth when a placement could make the org deeper)
            let receivers: Vec<(u32, Relation, Option<u32>)> = match group {
                Group::Manager => self
                    .receivable(&[self.parent[from as usize]])
                    .into_iter()
                    .map(|r| (r, Relation::Manager, None))
                    .collect(),
                Group::Peers => match self.parent[from as usize] {
                    NONE => Vec::new(),
                    p => self
                        .receivable(&self.reports(p))
                        .into_iter()
                        .map(|r| (r, Relation::Peer { manager: p }, None))
                        .collect(),
                },
                Group::Team => {
                    from_depth.get_or_insert_with(|| self.depth_below(from, NONE).0);
                    self.team_receivers(from)
                }
                Group::Nearby => self.nearby_receivers(from),
            };
            for (r, relation, depth) in receivers {
                let mut room = self.capacity - self.span[r as usize];
                left.retain(|&x| {
                    // A placement may not take anyone below the layer limit,
                    // unless they already are and go no further down.
                    let fits = depth.is_none_or(|d| {
                        from_depth.is_some_and(|f| d <= f)
                            || d + self.height[x as usize] <= self.layer_limit
                    });
                    if room == 0 || placed.len() >= limit || !fits {
                        return true;
                    }
                    placed.push((x, r, relation));
                    room -= 1;
                    false
                });
                if left.is_empty() || placed.len() >= limit {
                    break;
                }
            }
        }
        placed
    }

    /// Those of `nodes` who can take a report now and were not considered yet
    /// in this placement, fullest first (ties by id), marked as considered.
    fn receivable(&mut self, nodes: &[u32]) -> Vec<u32> {
        let mut ok: Vec<u32> = nodes
            .iter()
            .copied()
            .filter(|&r| {
                r != NONE && {
                    let i = r as usize;
                    !self.s.is_agent[i]
                        && self.role[i] != Role::Converted
                        && self.span[i] > 0
                        && self.span[i] < self.capacity
                        && self.seen[i] != self.round
                }
            })
            .collect();
        ok.sort_by_key(|&r| (Reverse(self.span[r as usize]), self.s.ids[r as usize]));
        for &r in &ok {
            self.seen[r as usize] = self.round;
        }
        ok
    }

    /// Managers of `from`'s team with room, outside `from`'s subtree (moving
    /// someone below their old manager could close a cycle), with their depth.
    fn team_receivers(&mut self, from: u32) -> Vec<(u32, Relation, Option<u32>)> {
        let Some(team) = self.inputs.team[from as usize] else {
            return Vec::new();
        };
        // Taken out and put back, so the list is not copied for every placement.
        let members = self.team_managers.remove(&team).unwrap_or_default();
        let receivers = self.receivable(&members);
        self.team_managers.insert(team, members);
        receivers
            .into_iter()
            .filter_map(|r| {
                let (depth, below) = self.depth_below(r, from);
                (!below).then_some((r, Relation::Team, Some(depth)))
            })
            .collect()
    }

    /// Going up from `from`'s manager: each ancestor, then the managers under
    /// it. None of them is below `from`, and none is deeper than its manager.
    fn nearby_receivers(&mut self, from: u32) -> Vec<(u32, Relation, Option<u32>)> {
        let mut out = Vec::new();
        let mut child = self.parent[from as usize];
        if child == NONE {
            return out;
        }
        let mut levels = 2;
        let mut ancestor = self.parent[child as usize];
        while ancestor != NONE {
            for r in self.receivable(&[ancestor]) {
                out.push((r, Relation::Above { levels }, None));
            }
            let others: Vec<u32> = self
                .reports(ancestor)
                .into_iter()
                .filter(|&c| c != child)
                .collect();
            for r in self.receivable(&others) {
                out.push((r, Relation::Under { ancestor, levels }, None));
            }
            child = ancestor;
            ancestor = self.parent[ancestor as usize];
            levels += 1;
        }
        out
    }

    /// The layer `v` is on now, and whether `under` is above it (or is it).
    fn depth_below(&self, v: u32, under: u32) -> (u32, bool) {
        let (mut depth, mut below) = (1, v == under);
        let mut node = v;
        while self.parent[node as usize] != NONE {
            node = self.parent[node as usize];
            below |= node == under;
            depth += 1;
        }
        (depth, below)
    }

    /// Moves `x` from `from` to `to`, keeping every count up to date.
    fn reparent(&mut self, x: u32, from: u32, to: u32, reason: String) {
        let (xi, ti) = (x as usize, to as usize);
        self.parent[xi] = to;
        self.moved_in[ti].push(x);
        if self.span[xi] > 0 {
            self.manager_reports[from as usize] -= 1;
            self.manager_reports[ti] += 1;
        }
        self.span_set(from, self.span[from as usize] - 1);
        self.span_set(to, self.span[ti] + 1);
        if self.role[ti] == Role::Free {
            self.role[ti] = Role::Received;
        }
        let (mut node, mut h) = (to, self.height[xi] + 1);
        while node != NONE && self.height[node as usize] < h {
            self.height[node as usize] = h;
            node = self.parent[node as usize];
            h += 1;
        }
        self.moves.push(PlannedMove {
            person_id: self.s.ids[xi],
            name: self.s.names[xi].to_string(),
            from_manager_id: self.s.ids[from as usize],
            to_manager_id: self.s.ids[ti],
            reason,
        });
    }

    /// Sets a span and counts what it changes: someone starting or stopping
    /// to manage changes the manager and IC counts and their manager's kind.
    fn span_set(&mut self, v: u32, span: u32) {
        let i = v as usize;
        let (was, is) = (self.span[i] > 0, span > 0);
        self.span[i] = span;
        if was == is {
            return;
        }
        let p = self.parent[i];
        if is {
            self.managers += 1;
            self.ics -= 1;
            if p != NONE {
                self.manager_reports[p as usize] += 1;
            }
        } else {
            self.managers -= 1;
            self.ics += 1;
            if p != NONE {
                self.manager_reports[p as usize] -= 1;
                // Now a manager of ICs: they come up earlier than queued.
                if self.manager_reports[p as usize] == 0 && self.is_candidate(p) {
                    self.queue.push(Reverse((self.key(p), p)));
                }
            }
        }
    }

    /// With the moves left, takes the spans above `max_span` down: each such
    /// manager, widest first, hands their excess reports (ICs first) to peers,
    /// then to managers of their team, with room.
    pub(super) fn narrow_wide_spans(&mut self) {
        let Some(max_span) = self.max_span else {
            return;
        };
        let mut wide: Vec<u32> = (0..self.s.len() as u32)
            .filter(|&v| !self.s.is_agent[v as usize] && self.span[v as usize] > max_span)
            .collect();
        wide.sort_by_key(|&v| (Reverse(self.span[v as usize]), self.s.ids[v as usize]));
        for w in wide {
            let left = self.moves_left() as usize;
            if left == 0 {
                self.spans_left_for_moves = true;
                break;
            }
            let mut reports = self.reports(w);
            reports.sort_by_key(|&x| (self.height[x as usize], self.s.ids[x as usize]));
            let excess = (self.span[w as usize] - max_span) as usize;
            let placed = self.place(w, &reports, &[Group::Peers, Group::Team], excess.min(left));
            for (x, r, relation) in placed {
                let (before, wide_before) = (self.span[r as usize], self.span[w as usize]);
                let reason = format!(
                    "goes to {}, {}, who has room ({}), so {}'s span comes down ({} → {}, max {})",
                    self.s.names[r as usize],
                    self.relation_words(w, relation),
                    self.room_words(before),
                    self.s.names[w as usize],
                    wide_before,
                    wide_before - 1,
                    max_span
                );
                self.reparent(x, w, r, reason);
            }
            if excess > left {
                self.spans_left_for_moves = true;
            }
        }
    }

    fn relation_words(&self, from: u32, relation: Relation) -> String {
        let name = |v: u32| &*self.s.names[v as usize];
        let from_name = name(from);
        match relation {
            Relation::Manager => format!("{from_name}'s manager"),
            Relation::Peer { manager } => {
                format!("{from_name}'s peer under {}", name(manager))
            }
            Relation::Team => format!("a manager in {from_name}'s team"),
            Relation::Above { levels: 2 } => format!("{from_name}'s skip-level manager"),
            Relation::Above { levels } => format!("{levels} levels above {from_name}"),
            Relation::Under {
                ancestor,
                levels: 2,
            } => format!(
                "who reports to {}, {from_name}'s skip-level manager",
                name(ancestor)
            ),
            Relation::Under { ancestor, levels } => format!(
                "who reports to {}, {levels} levels above {from_name}",
                name(ancestor)
            ),
        }
    }

    fn room_words(&self, before: u32) -> String {
        match self.max_span {
            Some(max) => format!("{before} → {} of {max}", before + 1),
            None => format!(
                "{before} → {}, below the wide span of {}",
                before + 1,
                self.wide_span_min
            ),
        }
    }

    /// The figures of the org as the draft has it, counted afresh from the
    /// spans and reporting lines (not from the running counts).
    pub(super) fn figures(&self) -> PlannerFigures {
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
    pub(super) fn missed(
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

    pub(super) fn into_proposed(self) -> (Vec<PlannedConversion>, Vec<PlannedMove>) {
        (self.conversions, self.moves)
    }
}

fn thousandths(x: f64) -> u32 {
    (x * 1000.0).round().max(0.0) as u32
}
