//! The planner's working state: the structure as the proposal has changed it
//! so far, with spans, manager counts and subtree heights kept up to date move
//! by move, so each step costs what it touches rather than the whole org.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use super::words;
use super::{PlannedConversion, PlannedMove, PlannerInputs, PlannerTargets};
use crate::org::OrgStructure;

mod outcome;
mod place;

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

    pub(super) fn into_proposed(self) -> (Vec<PlannedConversion>, Vec<PlannedMove>) {
        (self.conversions, self.moves)
    }
}

fn thousandths(x: f64) -> u32 {
    (x * 1000.0).round().max(0.0) as u32
}
