//! The reporting lines an import leaves: every manager named exists (in the
//! file, or among the people kept), no person reports to an AI agent, there is
//! no cycle, and the order in which rows are written puts managers first.

use std::collections::HashMap;

use super::{problem, Existing, FilePerson, Problem};
use crate::people::PersonKind;

/// Everyone the import leaves in the workspace, as the nodes of one graph:
/// the file's rows first, then the people of the workspace kept without being
/// in the file.
struct Nodes<'a> {
    rows: &'a [FilePerson],
    kept: &'a [(&'a String, &'a Existing)],
}

impl Nodes<'_> {
    fn len(&self) -> usize {
        self.rows.len() + self.kept.len()
    }

    fn name(&self, n: usize) -> String {
        if n < self.rows.len() {
            self.rows[n].name.clone()
        } else {
            self.kept[n - self.rows.len()].1.name.clone()
        }
    }

    fn is_agent(&self, n: usize) -> bool {
        if n < self.rows.len() {
            self.rows[n].kind == PersonKind::Agent
        } else {
            self.kept[n - self.rows.len()].1.kind == PersonKind::Agent
        }
    }

    /// The node of each id; an id used twice in the file is its first row.
    fn of_id(&self) -> HashMap<&str, usize> {
        let mut node_of: HashMap<&str, usize> = HashMap::with_capacity(self.len());
        for (i, row) in self.rows.iter().enumerate() {
            node_of.entry(row.ext_id.as_str()).or_insert(i);
        }
        for (k, (ext, _)) in self.kept.iter().enumerate() {
            node_of.insert(ext.as_str(), self.rows.len() + k);
        }
        node_of
    }
}

/// Checks the reporting lines of the file's rows and of the people kept,
/// listing every problem, and returns the nodes managers first (empty when
/// there is a cycle).
pub(super) fn reporting_lines_check(
    rows: &[FilePerson],
    kept: &[(&String, &Existing)],
    existing: &HashMap<String, Existing>,
    remove_missing: bool,
    problems: &mut Vec<Problem>,
) -> Vec<usize> {
    let nodes = Nodes { rows, kept };
    let node_of = nodes.of_id();
    let mut parent = row_managers(&nodes, &node_of, existing, remove_missing, problems);
    parent.extend(kept_managers(&nodes, &node_of, problems));
    match order_managers_first(&parent) {
        Ok(order) => order,
        Err(cycles) => {
            for cycle in cycles {
                problems.push(cycle_problem(&nodes, &cycle));
            }
            Vec::new()
        }
    }
}

/// The manager's node of each row of the file. A manager id that is nowhere,
/// or a person under an agent, is a problem.
fn row_managers(
    nodes: &Nodes,
    node_of: &HashMap<&str, usize>,
    existing: &HashMap<String, Existing>,
    remove_missing: bool,
    problems: &mut Vec<Problem>,
) -> Vec<Option<usize>> {
    let mut parent: Vec<Option<usize>> = Vec::with_capacity(nodes.len());
    for row in nodes.rows {
        let Some(manager) = &row.manager_ext else {
            parent.push(None);
            continue;
        };
        match node_of.get(manager.as_str()) {
            Some(&m) => {
                if row.kind == PersonKind::Human && nodes.is_agent(m) {
                    problems.push(problem(
                        Some(row.line),
                        format!(
                            "{} reports to {}, an AI agent: a person cannot report to an agent",
                            row.name,
                            nodes.name(m)
                        ),
                        vec![row.name.clone(), nodes.name(m)],
                    ));
                }
                parent.push(Some(m));
            }
            None => {
                let whereabouts = if existing.contains_key(manager) {
                    "is not in the file (and people missing from the file are being removed)"
                } else if remove_missing || existing.is_empty() {
                    "is not in the file"
                } else {
                    "is neither in the file nor in the workspace"
                };
                problems.push(problem(
                    Some(row.line),
                    format!("manager id {manager} of {} {whereabouts}", row.name),
                    vec![row.name.clone()],
                ));
                parent.push(None);
            }
        }
    }
    parent
}

/// The manager's node of each person kept without being in the file.
fn kept_managers(
    nodes: &Nodes,
    node_of: &HashMap<&str, usize>,
    problems: &mut Vec<Problem>,
) -> Vec<Option<usize>> {
    let rows = nodes.rows;
    let mut parent = Vec::with_capacity(nodes.kept.len());
    for (_, person) in nodes.kept {
        let manager = person
            .manager_ext
            .as_deref()
            .and_then(|m| node_of.get(m).copied());
        // A person of the workspace who is not in the file keeps their manager,
        // whom the file may turn into an agent.
        if let Some(m) = manager.filter(|&m| m < rows.len()) {
            if person.kind == PersonKind::Human && rows[m].kind == PersonKind::Agent {
                problems.push(problem(
                    Some(rows[m].line),
                    format!(
                        "{} becomes an AI agent here, but {} (not in the file) reports to them: a person cannot report to an agent",
                        rows[m].name, person.name
                    ),
                    vec![rows[m].name.clone(), person.name.clone()],
                ));
            }
        }
        parent.push(manager);
    }
    parent
}

/// A reporting cycle as one problem, at the first line of the file it runs
/// through, naming its people and (up to about ten of) its lines.
fn cycle_problem(nodes: &Nodes, cycle: &[usize]) -> Problem {
    let rows = nodes.rows;
    let names: Vec<String> = cycle.iter().map(|&n| nodes.name(n)).collect();
    let first_line = cycle
        .iter()
        .filter(|&&n| n < rows.len())
        .map(|&n| rows[n].line)
        .min();
    let mut lines: Vec<String> = cycle
        .iter()
        .filter(|&&n| n < rows.len())
        .map(|&n| rows[n].line.to_string())
        .collect();
    if lines.len() > 12 {
        let more = lines.len() - 10;
        lines.truncate(10);
        lines.push(format!("and {more} more"));
    }
    let message = if lines.is_empty() {
        let mut chain = names.clone();
        chain.push(names[0].clone());
        format!(
            "reporting cycle among people of the workspace who are not in the file: {}; the import would keep it, so repair the workspace first",
            crate::org::chain_text(&chain)
        )
    } else if cycle.len() == 1 {
        format!("{} is their own manager", names[0])
    } else {
        let mut chain = names.clone();
        chain.push(names[0].clone());
        format!(
            "reporting cycle: {} (lines {})",
            crate::org::chain_text(&chain),
            lines.join(", ")
        )
    };
    let mut people = names;
    people.truncate(50);
    problem(first_line, message, people)
}

/// Orders nodes so that every parent precedes its children, or returns the
/// cycles found (each as its members, once). Linear: each node is walked once.
fn order_managers_first(
    parent: &[Option<usize>],
) -> std::result::Result<Vec<usize>, Vec<Vec<usize>>> {
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; parent.len()];
    let mut order = Vec::with_capacity(parent.len());
    let mut cycles = Vec::new();
    let mut path = Vec::new();
    for start in 0..parent.len() {
        path.clear();
        let mut node = Some(start);
        while let Some(n) = node {
            match state[n] {
                DONE => break,
                ON_PATH => {
                    let from = path
                        .iter()
                        .position(|&p| p == n)
                        .expect("on the current path");
                    cycles.push(path[from..].to_vec());
                    break;
                }
                _ => {
                    state[n] = ON_PATH;
                    path.push(n);
                    node = parent[n];
                }
            }
        }
        // The path runs from `start` up towards the top: emit it top first.
        for &n in path.iter().rev() {
            state[n] = DONE;
            order.push(n);
        }
    }
    if cycles.is_empty() {
        Ok(order)
    } else {
        Err(cycles)
    }
}
