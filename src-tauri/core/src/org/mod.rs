//! An in-memory snapshot of the reporting structure, laid out as flat arrays so
//! that metrics, subtree sizes and search over 100,000 people are linear scans
//! instead of recursive queries. The `Workspace` caches one and reloads it after
//! any write; `search` keeps the texts people are found by beside it.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

// Re-exported for callers that still name them here.
pub use crate::chain::{chain_text, cycle_message};
use crate::error::{Error, Result};
use crate::people::{PersonKind, RoleTrack};

pub mod diff;
pub mod rows;
mod search;
pub use search::{org_search, Found, OrgMatches, SearchIndex};

const NONE: u32 = u32::MAX;

#[derive(Debug, Clone)]
pub struct OrgStructure {
    pub ids: Vec<i64>,
    pub names: Vec<Box<str>>,
    pub is_agent: Vec<bool>,
    pub role_track: Vec<Option<RoleTrack>>,
    /// Index of each person's manager, `NONE` for roots.
    parent: Vec<u32>,
    /// Children of node i are `child_list[child_start[i]..child_start[i + 1]]`.
    child_start: Vec<u32>,
    child_list: Vec<u32>,
    index_of: HashMap<i64, u32>,
    /// Nodes in breadth-first order from the roots; parents come before children.
    bfs_order: Vec<u32>,
}

impl OrgStructure {
    pub fn load(conn: &Connection) -> Result<Self> {
        let mut stmt = conn.prepare(
            "SELECT id, manager_id, kind = 'agent', role_track, name FROM person ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        let mut ids = Vec::new();
        let mut managers = Vec::new();
        let mut is_agent = Vec::new();
        let mut role_track = Vec::new();
        let mut names = Vec::new();
        while let Some(row) = rows.next()? {
            ids.push(row.get::<_, i64>(0)?);
            managers.push(row.get::<_, Option<i64>>(1)?);
            is_agent.push(row.get::<_, bool>(2)?);
            role_track.push(row.get::<_, Option<RoleTrack>>(3)?);
            names.push(row.get::<_, String>(4)?.into_boxed_str());
        }
        Self::build(ids, managers, is_agent, role_track, names)
    }

    /// A structure from its lines (one entry per person, in the order the
    /// nodes get), as a snapshot or a scenario holds them. A manager id that is
    /// not among `ids` reads as the top of the org.
    pub fn from_lines(
        ids: Vec<i64>,
        managers: Vec<Option<i64>>,
        is_agent: Vec<bool>,
        role_track: Vec<Option<RoleTrack>>,
        names: Vec<Box<str>>,
    ) -> Result<Self> {
        Self::build(ids, managers, is_agent, role_track, names)
    }

    /// Lays the structure out, or refuses it when it has a reporting cycle: a
    /// file written by another tool can hold one, and every walk over the
    /// structure relies on there being none.
    fn build(
        ids: Vec<i64>,
        managers: Vec<Option<i64>>,
        is_agent: Vec<bool>,
        role_track: Vec<Option<RoleTrack>>,
        names: Vec<Box<str>>,
    ) -> Result<Self> {
        let n = ids.len();
        let index_of: HashMap<i64, u32> = ids
            .iter()
            .enumerate()
            .map(|(i, &id)| (id, i as u32))
            .collect();
        let parent: Vec<u32> = managers
            .iter()
            .map(|m| m.and_then(|m| index_of.get(&m).copied()).unwrap_or(NONE))
            .collect();
        // Counting sort of children by parent: linear, and children keep id order.
        let mut child_start = vec![0u32; n + 1];
        for &p in &parent {
            if p != NONE {
                child_start[p as usize + 1] += 1;
            }
        }
        for i in 0..n {
            child_start[i + 1] += child_start[i];
        }
        let mut fill = child_start.clone();
        let mut child_list = vec![0u32; child_start[n] as usize];
        for (i, &p) in parent.iter().enumerate() {
            if p != NONE {
                child_list[fill[p as usize] as usize] = i as u32;
                fill[p as usize] += 1;
            }
        }
        let mut structure = OrgStructure {
            ids,
            names,
            is_agent,
            role_track,
            parent,
            child_start,
            child_list,
            index_of,
            bfs_order: Vec::new(),
        };
        let roots: Vec<u32> = (0..n as u32)
            .filter(|&i| structure.parent[i as usize] == NONE)
            .collect();
        structure.bfs_order = structure.breadth_first(&roots);
        if structure.bfs_order.len() < n {
            // Whoever is not below a root is in a cycle or under one.
            let cycles = cycles_in(&structure.parent);
            let named: Vec<Vec<&str>> = cycles
                .iter()
                .map(|c| c.iter().map(|&i| &*structure.names[i as usize]).collect())
                .collect();
            return Err(Error::Cycle(cycle_message(&named)));
        }
        Ok(structure)
    }

    /// The structure as it would be after moving each `(person, new manager)`:
    /// the what-if behind an org-impact preview. Linear in the size of the org.
    pub fn with_moves(&self, moves: &[(i64, Option<i64>)]) -> Result<OrgStructure> {
        let mut managers: Vec<Option<i64>> = self
            .parent
            .iter()
            .map(|&p| (p != NONE).then(|| self.ids[p as usize]))
            .collect();
        for &(person, to) in moves {
            let i = self.index(person)? as usize;
            if let Some(m) = to {
                let m_index = self.index(m)? as usize;
                if self.is_agent[m_index] && !self.is_agent[i] {
                    return Err(Error::InvalidInput(format!(
                        "{} is an AI agent: {} cannot report to an agent",
                        self.names[m_index], self.names[i]
                    )));
                }
            }
            managers[i] = to;
        }
        // Walk up from every moved person; meeting them again means a cycle.
        for &(person, _) in moves {
            let start = self.index(person)? as usize;
            let mut chain = vec![start];
            let mut current = managers[start];
            while let Some(m) = current {
                let m = self.index(m)? as usize;
                if m == start {
                    let names: Vec<&str> = chain
                        .iter()
                        .chain([&start])
                        .map(|&n| &*self.names[n])
                        .collect();
                    return Err(Error::Cycle(format!(
                        "these moves would create a reporting cycle: {}",
                        chain_text(&names)
                    )));
                }
                if chain.len() > self.len() {
                    break;
                }
                chain.push(m);
                current = managers[m];
            }
        }
        Self::build(
            self.ids.clone(),
            managers,
            self.is_agent.clone(),
            self.role_track.clone(),
            self.names.clone(),
        )
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn index(&self, id: i64) -> Result<u32> {
        self.index_of
            .get(&id)
            .copied()
            .ok_or_else(|| Error::NotFound(format!("no person with id {id}")))
    }

    pub fn children(&self, node: u32) -> &[u32] {
        let i = node as usize;
        &self.child_list[self.child_start[i] as usize..self.child_start[i + 1] as usize]
    }

    pub fn parent(&self, node: u32) -> Option<u32> {
        let p = self.parent[node as usize];
        (p != NONE).then_some(p)
    }

    pub fn roots(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.len() as u32).filter(|&i| self.parent[i as usize] == NONE)
    }

    /// Breadth-first from `starts`; a parent always precedes its children. Each
    /// node is visited once, so even a structure that broke its invariant
    /// cannot make the walk loop.
    pub fn breadth_first(&self, starts: &[u32]) -> Vec<u32> {
        let mut order = Vec::with_capacity(if starts.len() == 1 { 64 } else { self.len() });
        let mut seen = vec![false; self.len()];
        for &start in starts {
            if !std::mem::replace(&mut seen[start as usize], true) {
                order.push(start);
            }
        }
        let mut next = 0;
        while next < order.len() {
            let node = order[next];
            for &child in self.children(node) {
                if !std::mem::replace(&mut seen[child as usize], true) {
                    order.push(child);
                }
            }
            next += 1;
        }
        order
    }

    /// Everyone in the org, parents first.
    pub fn all_breadth_first(&self) -> &[u32] {
        &self.bfs_order
    }

    pub fn human_reports(&self, node: u32) -> u32 {
        self.children(node)
            .iter()
            .filter(|&&c| !self.is_agent[c as usize])
            .count() as u32
    }

    pub fn kind(&self, node: u32) -> PersonKind {
        if self.is_agent[node as usize] {
            PersonKind::Agent
        } else {
            PersonKind::Human
        }
    }

    /// Number of people (humans and agents) below each node, in one reverse pass.
    pub fn descendant_counts(&self) -> Vec<u32> {
        let mut counts = vec![0u32; self.len()];
        for &node in self.bfs_order.iter().rev() {
            if let Some(p) = self.parent(node) {
                counts[p as usize] += counts[node as usize] + 1;
            }
        }
        counts
    }
}

/// The reporting cycles among `parent` links (`NONE` for the top), each once,
/// as its members in reporting order (each reports to the next, the last to the
/// first). Linear: every node is walked at most once.
pub fn cycles_in(parent: &[u32]) -> Vec<Vec<u32>> {
    const NEW: u32 = u32::MAX;
    const DONE: u32 = u32::MAX - 1;
    // For a node on the walk in progress: the walk's number.
    let mut state = vec![NEW; parent.len()];
    let mut cycles = Vec::new();
    for start in 0..parent.len() {
        if state[start] != NEW {
            continue;
        }
        let walk = start as u32;
        let mut path = Vec::new();
        let mut node = start as u32;
        loop {
            match state[node as usize] {
                NEW => {
                    state[node as usize] = walk;
                    path.push(node);
                    match parent[node as usize] {
                        NONE => break,
                        p => node = p,
                    }
                }
                s if s == walk => {
                    let from = path.iter().position(|&p| p == node).expect("on this walk");
                    cycles.push(path[from..].to_vec());
                    break;
                }
                _ => break, // reached a node settled by an earlier walk
            }
        }
        for n in path {
            state[n as usize] = DONE;
        }
    }
    cycles
}

/// One box of the org chart: a person plus what the chart shows about their subtree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrgNode {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub title: String,
    pub kind: PersonKind,
    /// Direct reports, humans and agents: what expanding the node shows.
    pub children: u32,
    /// Human direct reports (the span of control).
    pub span: u32,
    /// Everyone below this person, humans and agents.
    pub descendants: u32,
    /// What tells this person apart from others with the same name; `null`
    /// when nobody else has it.
    pub disambiguation: Option<String>,
}

/// What a list shows beside a person's name: (title, team, ext_id).
type ShownRow = (String, Option<String>, String);

/// Reads what the lists show of `nodes`, one indexed lookup each: the chart
/// asks for a screenful at a time, and the workspace remembers what the flag
/// lists asked for until the structure changes. Keeping every title in memory
/// would slow down every reload of the structure.
fn shown_of(conn: &Connection, structure: &OrgStructure, nodes: &[u32]) -> Result<Vec<ShownRow>> {
    let mut shown_of = conn.prepare_cached(
        "SELECT p.title, t.name, p.ext_id FROM person p LEFT JOIN team t ON t.id = p.team_id
         WHERE p.id = ?1",
    )?;
    nodes
        .iter()
        .map(|&n| {
            Ok(shown_of
                .query_row([structure.ids[n as usize]], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })
                .optional()?
                .unwrap_or_default())
        })
        .collect()
}

/// What tells each of `nodes` apart from people with the same name, by
/// person id, for those who have namesakes (see `people::disambiguations`).
fn told_apart(
    conn: &Connection,
    structure: &OrgStructure,
    nodes: &[u32],
    shown: &[ShownRow],
) -> Result<HashMap<i64, String>> {
    crate::people::disambiguations(
        conn,
        &nodes
            .iter()
            .zip(shown)
            .map(|(&n, (title, team, ext_id))| crate::people::Shown {
                id: structure.ids[n as usize],
                name: &structure.names[n as usize],
                title,
                team: team.as_deref(),
                ext_id,
            })
            .collect::<Vec<_>>(),
    )
}

/// What tells each of `nodes` apart from their namesakes, by person id, for
/// those who have any: for lists that show a name alone (the metrics' flags).
pub fn org_disambiguations(
    conn: &Connection,
    structure: &OrgStructure,
    nodes: &[u32],
) -> Result<HashMap<i64, String>> {
    told_apart(conn, structure, nodes, &shown_of(conn, structure, nodes)?)
}

/// Reads the chart nodes for a set of people. `descendants` comes from the caller
/// so it is computed once per structure, not once per call.
pub fn org_nodes(
    conn: &Connection,
    structure: &OrgStructure,
    descendants: &[u32],
    nodes: &[u32],
) -> Result<Vec<OrgNode>> {
    let shown = shown_of(conn, structure, nodes)?;
    let mut told_apart = told_apart(conn, structure, nodes, &shown)?;
    Ok(nodes
        .iter()
        .zip(shown)
        .map(|(&n, (title, _, _))| {
            let i = n as usize;
            OrgNode {
                id: structure.ids[i],
                name: structure.names[i].to_string(),
                title,
                kind: structure.kind(n),
                children: structure.children(n).len() as u32,
                span: structure.human_reports(n),
                descendants: descendants[i],
                disambiguation: told_apart.remove(&structure.ids[i]),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::open_in_memory;
    use crate::people::tests::add;

    #[test]
    fn descendant_counts_cover_the_whole_subtree() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let bo = add(&conn, "Bo", Some(ada));
        add(&conn, "Cy", Some(bo));
        add(&conn, "Di", Some(bo));
        let eve = add(&conn, "Eve", Some(ada));
        let s = OrgStructure::load(&conn).unwrap();
        let counts = s.descendant_counts();
        let of = |id| counts[s.index(id).unwrap() as usize];
        assert_eq!((of(ada), of(bo), of(eve)), (4, 2, 0));
    }
}
