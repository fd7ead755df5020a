//! Where the reports of someone moving to an IC role could go: the choices
//! the transition wizard offers, most sensible first, each with its reason.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::people::PersonKind;
use crate::settings::thresholds_get;
use crate::Workspace;

/// Someone who could take the reports of a person moving to an IC role, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlacementCandidate {
    pub node: crate::org::OrgNode,
    /// "Bo's manager", "a peer who manages 3 (room for 4 more)", …
    pub reason: String,
}

/// At most this many peers are offered; more can be searched for.
const PEERS_OFFERED: usize = 8;

/// Who could take the reports of `person_id`, most sensible first: their own
/// manager (nobody's chain of command gets longer), then their peers (under
/// the same manager, or the others at the top of the org) who already manage
/// and have room before a wide span, fewest reports first, then peers who
/// would start managing. Agents and peers without room are not offered. Each
/// says why it is offered.
pub fn placement_candidates(ws: &mut Workspace, person_id: i64) -> Result<Vec<PlacementCandidate>> {
    let thresholds = thresholds_get(ws.conn())?;
    let structure = ws.structure()?;
    let me = structure.index(person_id)?;
    let manager = structure.parent(me);
    // Peers share the person's manager; at the top of the org, they are the
    // others at the top.
    let peers_of: Vec<u32> = match manager {
        Some(m) => structure.children(m).to_vec(),
        None => structure.roots().collect(),
    };
    let room = |node: u32| {
        thresholds
            .wide_span_min
            .saturating_sub(1)
            .saturating_sub(structure.human_reports(node))
    };
    let mut peers: Vec<(u32, u32, u32)> = peers_of
        .into_iter()
        .filter(|&p| p != me && structure.kind(p) == PersonKind::Human && room(p) > 0)
        .map(|p| (p, structure.human_reports(p), room(p)))
        .collect();
    // Managers first (fewest reports first), then those who would start
    // managing; ties by name, then id, so the order never changes by itself.
    peers.sort_by(|a, b| {
        (a.1 == 0)
            .cmp(&(b.1 == 0))
            .then(a.1.cmp(&b.1))
            .then_with(|| structure.names[a.0 as usize].cmp(&structure.names[b.0 as usize]))
            .then(a.0.cmp(&b.0))
    });
    peers.truncate(PEERS_OFFERED);
    let person_name = structure.names[me as usize].to_string();
    let mut ids = Vec::new();
    let mut reasons = Vec::new();
    if let Some(manager) = manager {
        ids.push(structure.ids[manager as usize]);
        reasons.push(format!("{person_name}'s manager"));
    }
    let peer_words = if manager.is_some() {
        "a peer"
    } else {
        "a peer at the top of the org"
    };
    for &(peer, span, room) in &peers {
        ids.push(structure.ids[peer as usize]);
        reasons.push(if span == 0 {
            format!("{peer_words} who would start managing")
        } else {
            format!("{peer_words} who manages {span} (room for {room} more)")
        });
    }
    let nodes = ws.org_nodes_of(&ids)?;
    Ok(nodes
        .into_iter()
        .zip(reasons)
        .map(|(node, reason)| PlacementCandidate { node, reason })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::tests::add;

    /// Who is offered for `person`'s reports, and why.
    fn offered(ws: &mut Workspace, person: i64) -> Vec<(i64, String)> {
        placement_candidates(ws, person)
            .unwrap()
            .into_iter()
            .map(|c| (c.node.id, c.reason))
            .collect()
    }

    /// Ada manages Bo (who is moving to an IC role), Cy, Di, Eve, Max and a
    /// review agent. With the wide threshold at 5, a manager has room for
    /// 4 − span more: Cy manages 3 (room 1), Di 1 (room 3), Eve none (would
    /// start managing, room 4), Max 4 (no room). Offered, by hand: Ada first
    /// (Bo's manager), then Di and Cy (managers, fewest reports first), then
    /// Eve; Max and the agent are not.
    #[test]
    fn the_reports_are_offered_to_the_manager_then_peers_with_room() {
        let mut ws = Workspace::in_memory().unwrap();
        crate::settings::thresholds_set(
            ws.conn(),
            crate::settings::Thresholds {
                narrow_span_max: 2,
                wide_span_min: 5,
            },
        )
        .unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let cy = add(ws.conn(), "Cy", Some(ada));
        let di = add(ws.conn(), "Di", Some(ada));
        let eve = add(ws.conn(), "Eve", Some(ada));
        let max = add(ws.conn(), "Max", Some(ada));
        crate::people::person_create(
            ws.conn(),
            &crate::people::PersonInput {
                kind: PersonKind::Agent,
                manager_id: Some(ada),
                ..crate::people::PersonInput::human("Review bot")
            },
        )
        .unwrap();
        add(ws.conn(), "Fay", Some(bo));
        for n in 0..3 {
            add(ws.conn(), &format!("C{n}"), Some(cy));
        }
        add(ws.conn(), "Kim", Some(di));
        for n in 0..4 {
            add(ws.conn(), &format!("M{n}"), Some(max));
        }
        assert_eq!(
            offered(&mut ws, bo),
            [
                (ada, "Bo's manager".to_string()),
                (di, "a peer who manages 1 (room for 3 more)".to_string()),
                (cy, "a peer who manages 3 (room for 1 more)".to_string()),
                (eve, "a peer who would start managing".to_string()),
            ]
        );
        assert!(
            offered(&mut ws, ada).is_empty(),
            "alone at the top there is no manager and there are no peers"
        );
        // Zed, also at the top, manages one person (room for 3 more): Ada's
        // peer there. Nobody is Ada's manager.
        let zed = add(ws.conn(), "Zed", None);
        add(ws.conn(), "Yan", Some(zed));
        assert_eq!(
            offered(&mut ws, ada),
            [(
                zed,
                "a peer at the top of the org who manages 1 (room for 3 more)".to_string()
            )]
        );
    }
}
