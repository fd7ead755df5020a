//! Where reports can go: the groups of receiving managers in order, each
//! manager once per placement, and how a receiver stands to the one they
//! take reports from, in words.

use std::cmp::Reverse;

use super::{Draft, Group, Relation, Role, NONE};

impl Draft<'_> {
    /// Finds managers with room for up to `limit` of `reports` (all now under
    /// `from`), group by group, each manager considered once. Changes nothing.
    pub(in crate::planner) fn place(
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
    pub(super) fn depth_below(&self, v: u32, under: u32) -> (u32, bool) {
        let (mut depth, mut below) = (1, v == under);
        let mut node = v;
        while self.parent[node as usize] != NONE {
            node = self.parent[node as usize];
            below |= node == under;
            depth += 1;
        }
        (depth, below)
    }

    pub(super) fn relation_words(&self, from: u32, relation: Relation) -> String {
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

    pub(super) fn room_words(&self, before: u32) -> String {
        match self.max_span {
            Some(max) => format!("{before} → {} of {max}", before + 1),
            None => format!(
                "{before} → {}, below the wide span of {}",
                before + 1,
                self.wide_span_min
            ),
        }
    }
}
