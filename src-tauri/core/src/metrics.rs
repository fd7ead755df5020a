//! The org metrics, exactly as DESIGN.md defines them:
//! only humans count in headcount, managers, ICs, spans and layers; a manager is
//! a human with at least one human direct report; a subtree's metrics treat the
//! chosen person as the only root.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::org::OrgStructure;
use crate::people::RoleTrack;
use crate::settings::Thresholds;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FlaggedManager {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub span: u32,
    /// What tells this manager apart from others with the same name (title,
    /// team or id); `null` when nobody else has the name.
    pub disambiguation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SpanFlags {
    /// Managers with exactly one human report.
    pub single_report: Vec<FlaggedManager>,
    /// Managers with a span ≤ `thresholds.narrow_span_max`.
    pub narrow: Vec<FlaggedManager>,
    /// Managers with a span ≥ `thresholds.wide_span_min`.
    pub wide: Vec<FlaggedManager>,
}

/// A declared role track that the structure contradicts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RoleMismatch {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub declared: RoleTrack,
    /// What the structure says: "manager" or "ic".
    pub structural: RoleTrack,
    pub span: u32,
    /// What tells this person apart from others with the same name (title,
    /// team or id); `null` when nobody else has the name.
    pub disambiguation: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SpanBucket {
    pub span: u32,
    pub managers: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Metrics {
    /// The person whose subtree this is; `null` for the whole org.
    #[ts(type = "number | null")]
    pub root_id: Option<i64>,
    pub root_name: Option<String>,
    pub headcount: u32,
    pub managers: u32,
    pub ics: u32,
    pub agents: u32,
    /// ICs / managers; `null` when there are no managers.
    pub ic_to_manager_ratio: Option<f64>,
    pub layers: u32,
    pub span_mean: Option<f64>,
    pub span_median: Option<f64>,
    pub span_min: Option<u32>,
    pub span_max: Option<u32>,
    /// How many managers have each span, ascending by span.
    pub span_distribution: Vec<SpanBucket>,
    /// Headcount of each layer, layer 1 first.
    pub per_layer: Vec<u32>,
    pub managers_of_managers: u32,
    pub managers_of_ics: u32,
    /// Count of managers with exactly one human report (listed in `flags.single_report`).
    pub single_report_managers: u32,
    pub flags: SpanFlags,
    pub role_mismatches: Vec<RoleMismatch>,
    pub thresholds: Thresholds,
}

/// Computes the metrics of the subtree under `root` (node index), or of the
/// whole org when `root` is `None`. Linear in the size of the subtree. It reads
/// the structure only, so it also runs on what-if structures; the people it
/// lists are told apart from namesakes by `metrics_disambiguate`.
pub fn metrics_compute(
    structure: &OrgStructure,
    root: Option<u32>,
    thresholds: Thresholds,
) -> Metrics {
    let owned;
    let order: &[u32] = match root {
        Some(r) => {
            owned = structure.breadth_first(&[r]);
            &owned
        }
        None => structure.all_breadth_first(),
    };
    // Parents precede children in `order`, so one pass assigns every layer.
    let mut layer_of = vec![0u32; structure.len()];
    let mut headcount = 0u32;
    let mut agents = 0u32;
    let mut per_layer: Vec<u32> = Vec::new();
    let mut spans: Vec<u32> = Vec::new();
    let mut managers_of_managers = 0u32;
    let mut flags = SpanFlags {
        single_report: Vec::new(),
        narrow: Vec::new(),
        wide: Vec::new(),
    };
    let mut role_mismatches = Vec::new();
    for &node in order {
        let i = node as usize;
        if structure.is_agent[i] {
            agents += 1;
            continue;
        }
        let layer = match structure.parent(node) {
            Some(p) if Some(node) != root => layer_of[p as usize] + 1,
            _ => 1,
        };
        layer_of[i] = layer;
        headcount += 1;
        if per_layer.len() < layer as usize {
            per_layer.resize(layer as usize, 0);
        }
        per_layer[layer as usize - 1] += 1;

        let mut span = 0u32;
        let mut has_manager_report = false;
        for &c in structure.children(node) {
            if !structure.is_agent[c as usize] {
                span += 1;
                has_manager_report |= structure.human_reports(c) > 0;
            }
        }
        if span > 0 {
            spans.push(span);
            if has_manager_report {
                managers_of_managers += 1;
            }
            let flagged = || FlaggedManager {
                id: structure.ids[i],
                name: structure.names[i].to_string(),
                span,
                disambiguation: None,
            };
            if span == 1 {
                flags.single_report.push(flagged());
            }
            if span <= thresholds.narrow_span_max {
                flags.narrow.push(flagged());
            }
            if span >= thresholds.wide_span_min {
                flags.wide.push(flagged());
            }
        }
        let structural = if span > 0 {
            RoleTrack::Manager
        } else {
            RoleTrack::Ic
        };
        if let Some(declared) = structure.role_track[i] {
            // An IC leader leads without human direct reports: structurally an IC.
            let agrees = match declared {
                RoleTrack::Manager => span > 0,
                RoleTrack::Ic | RoleTrack::IcLeader => span == 0,
            };
            if !agrees {
                role_mismatches.push(RoleMismatch {
                    id: structure.ids[i],
                    name: structure.names[i].to_string(),
                    declared,
                    structural,
                    span,
                    disambiguation: None,
                });
            }
        }
    }
    let managers = spans.len() as u32;
    let ics = headcount - managers;
    let single_report_managers = flags.single_report.len() as u32;
    for list in [&mut flags.single_report, &mut flags.narrow, &mut flags.wide] {
        list.sort_by(|a, b| a.span.cmp(&b.span).then_with(|| a.name.cmp(&b.name)));
    }
    flags.wide.reverse();
    spans.sort_unstable();
    let span_mean = (!spans.is_empty())
        .then(|| spans.iter().map(|&s| s as f64).sum::<f64>() / spans.len() as f64);
    let span_median = (!spans.is_empty()).then(|| {
        let mid = spans.len() / 2;
        if spans.len() % 2 == 1 {
            spans[mid] as f64
        } else {
            (spans[mid - 1] as f64 + spans[mid] as f64) / 2.0
        }
    });
    let mut span_distribution: Vec<SpanBucket> = Vec::new();
    for &s in &spans {
        match span_distribution.last_mut() {
            Some(bucket) if bucket.span == s => bucket.managers += 1,
            _ => span_distribution.push(SpanBucket {
                span: s,
                managers: 1,
            }),
        }
    }
    Metrics {
        root_id: root.map(|r| structure.ids[r as usize]),
        root_name: root.map(|r| structure.names[r as usize].to_string()),
        headcount,
        managers,
        ics,
        agents,
        ic_to_manager_ratio: (managers > 0).then(|| ics as f64 / managers as f64),
        layers: per_layer.len() as u32,
        span_mean,
        span_median,
        span_min: spans.first().copied(),
        span_max: spans.last().copied(),
        span_distribution,
        per_layer,
        managers_of_managers,
        managers_of_ics: managers - managers_of_managers,
        single_report_managers,
        flags,
        role_mismatches,
        thresholds,
    }
}

/// Fills in what tells each person the metrics list (flagged managers, role
/// mismatches) apart from namesakes. `told_apart` answers for a set of person
/// ids, once for all of `metrics` (a preview's before and after list the same
/// people): moves change neither names, titles nor teams.
pub fn metrics_disambiguate(
    metrics: &mut [&mut Metrics],
    told_apart: impl FnOnce(&[i64]) -> Result<HashMap<i64, String>>,
) -> Result<()> {
    let mut ids: Vec<i64> = metrics
        .iter()
        .flat_map(|m| {
            let flags = &m.flags;
            let flagged = [&flags.single_report, &flags.narrow, &flags.wide];
            flagged
                .into_iter()
                .flatten()
                .map(|f| f.id)
                .chain(m.role_mismatches.iter().map(|r| r.id))
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let told_apart = told_apart(&ids)?;
    for m in metrics.iter_mut() {
        let flags = &mut m.flags;
        for f in [&mut flags.single_report, &mut flags.narrow, &mut flags.wide]
            .into_iter()
            .flatten()
        {
            f.disambiguation = told_apart.get(&f.id).cloned();
        }
        for r in &mut m.role_mismatches {
            r.disambiguation = told_apart.get(&r.id).cloned();
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::open_in_memory;
    use crate::people::tests::add;
    use crate::people::{person_create, person_update, PersonInput, PersonKind};

    /// Hand-checked org:
    ///   Ada ─┬─ Bo ─┬─ Cy
    ///        │      └─ Di ── Fi
    ///        ├─ Eve
    ///        └─ bot (agent)
    ///   Gus (a second root, alone)
    /// Humans: Ada Bo Cy Di Eve Fi Gus = 7. Managers: Ada (span 2), Bo (2), Di (1) = 3.
    /// ICs: Cy Eve Fi Gus = 4. Layers: Ada/Gus 1, Bo/Eve 2, Cy/Di 3, Fi 4.
    #[test]
    fn a_hand_checked_org_gives_the_defined_metrics() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let bo = add(&conn, "Bo", Some(ada));
        add(&conn, "Cy", Some(bo));
        let di = add(&conn, "Di", Some(bo));
        add(&conn, "Eve", Some(ada));
        add(&conn, "Fi", Some(di));
        add(&conn, "Gus", None);
        person_create(
            &conn,
            &PersonInput {
                kind: PersonKind::Agent,
                manager_id: Some(ada),
                ..PersonInput::human("bot")
            },
        )
        .unwrap();
        let s = OrgStructure::load(&conn).unwrap();
        let m = metrics_compute(&s, None, Thresholds::default());
        assert_eq!((m.headcount, m.managers, m.ics, m.agents), (7, 3, 4, 1));
        assert_eq!(m.ic_to_manager_ratio, Some(4.0 / 3.0));
        assert_eq!(m.per_layer, vec![2, 2, 2, 1]);
        assert_eq!(m.layers, 4);
        assert_eq!(
            (m.span_min, m.span_max, m.span_median),
            (Some(1), Some(2), Some(2.0))
        );
        assert!((m.span_mean.unwrap() - 5.0 / 3.0).abs() < 1e-12);
        assert_eq!(
            m.span_distribution,
            vec![
                SpanBucket {
                    span: 1,
                    managers: 1
                },
                SpanBucket {
                    span: 2,
                    managers: 2
                }
            ]
        );
        assert_eq!(
            (m.managers_of_managers, m.managers_of_ics),
            (2, 1),
            "Ada and Bo manage managers"
        );
        assert_eq!(m.single_report_managers, 1);
        assert_eq!(m.flags.single_report[0].name, "Di");
        assert_eq!(m.flags.narrow.len(), 3, "all spans are ≤ 2");
        assert!(m.flags.wide.is_empty());

        let sub = metrics_compute(&s, Some(s.index(bo).unwrap()), Thresholds::default());
        assert_eq!(
            (sub.headcount, sub.managers, sub.ics, sub.agents),
            (4, 2, 2, 0)
        );
        assert_eq!(
            sub.per_layer,
            vec![1, 2, 1],
            "Bo is the only root of his subtree"
        );
        assert_eq!(sub.root_name.as_deref(), Some("Bo"));
        assert_eq!(sub.ic_to_manager_ratio, Some(1.0));
    }

    #[test]
    fn an_org_without_managers_has_no_ratio_and_no_spans() {
        let conn = open_in_memory().unwrap();
        add(&conn, "Solo", None);
        let s = OrgStructure::load(&conn).unwrap();
        let m = metrics_compute(&s, None, Thresholds::default());
        assert_eq!((m.headcount, m.managers, m.ics), (1, 0, 1));
        assert_eq!(
            (
                m.ic_to_manager_ratio,
                m.span_mean,
                m.span_median,
                m.span_min
            ),
            (None, None, None, None)
        );
        let empty = OrgStructure::load(&open_in_memory().unwrap()).unwrap();
        let m = metrics_compute(&empty, None, Thresholds::default());
        assert_eq!((m.headcount, m.layers), (0, 0));
    }

    #[test]
    fn agents_do_not_make_someone_a_manager() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        for name in ["bot one", "bot two"] {
            person_create(
                &conn,
                &PersonInput {
                    kind: PersonKind::Agent,
                    manager_id: Some(ada),
                    ..PersonInput::human(name)
                },
            )
            .unwrap();
        }
        let s = OrgStructure::load(&conn).unwrap();
        let m = metrics_compute(&s, None, Thresholds::default());
        assert_eq!((m.headcount, m.managers, m.ics, m.agents), (1, 0, 1, 2));
    }

    #[test]
    fn declared_roles_that_disagree_with_the_structure_are_flagged() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        let bo = add(&conn, "Bo", Some(ada));
        let declare = |id, name: &str, manager, role| {
            person_update(
                &conn,
                id,
                &PersonInput {
                    manager_id: manager,
                    role_track: Some(role),
                    ..PersonInput::human(name)
                },
            )
            .unwrap();
        };
        declare(ada, "Ada", None, RoleTrack::IcLeader); // has a report: disagrees
        declare(bo, "Bo", Some(ada), RoleTrack::Manager); // no reports: disagrees
        let s = OrgStructure::load(&conn).unwrap();
        let m = metrics_compute(&s, None, Thresholds::default());
        let found: Vec<(&str, RoleTrack, RoleTrack)> = m
            .role_mismatches
            .iter()
            .map(|r| (r.name.as_str(), r.declared, r.structural))
            .collect();
        assert_eq!(
            found,
            [
                ("Ada", RoleTrack::IcLeader, RoleTrack::Manager),
                ("Bo", RoleTrack::Manager, RoleTrack::Ic)
            ]
        );
    }

    #[test]
    fn wide_spans_follow_the_thresholds() {
        let conn = open_in_memory().unwrap();
        let ada = add(&conn, "Ada", None);
        for i in 0..4 {
            add(&conn, &format!("r{i}"), Some(ada));
        }
        let s = OrgStructure::load(&conn).unwrap();
        let m = metrics_compute(
            &s,
            None,
            Thresholds {
                narrow_span_max: 1,
                wide_span_min: 4,
            },
        );
        assert_eq!(m.flags.wide.len(), 1);
        assert!(m.flags.narrow.is_empty());
        let m = metrics_compute(
            &s,
            None,
            Thresholds {
                narrow_span_max: 4,
                wide_span_min: 5,
            },
        );
        assert_eq!((m.flags.wide.len(), m.flags.narrow.len()), (0, 1));
    }

    /// Two managers named Alexander, one report each, differ by title; two
    /// engineers named Bo share title and team, so only their ids tell them
    /// apart; Ada has no namesake.
    #[test]
    fn flagged_namesakes_are_told_apart() {
        let mut ws = crate::Workspace::in_memory().unwrap();
        let create = |name: &str, title: &str, manager, role_track| {
            person_create(
                ws.conn(),
                &PersonInput {
                    title: title.into(),
                    manager_id: manager,
                    role_track,
                    ..PersonInput::human(name)
                },
            )
            .unwrap()
        };
        let ada = create("Ada", "Director", None, Some(RoleTrack::Ic));
        let staff = create("Alexander", "Staff Engineer", Some(ada.id), None);
        let manager = create("Alexander", "Engineering Manager", Some(ada.id), None);
        let bo = create("Bo", "Engineer", Some(ada.id), Some(RoleTrack::Manager));
        create("Bo", "Engineer", Some(ada.id), None);
        create("Cy", "Engineer", Some(staff.id), None);
        create("Di", "Engineer", Some(manager.id), None);
        let m = ws.metrics(None).unwrap();
        let told = |flagged: &[FlaggedManager]| -> Vec<(i64, Option<String>)> {
            flagged
                .iter()
                .map(|f| (f.id, f.disambiguation.clone()))
                .collect()
        };
        let alexanders = vec![
            (staff.id, Some("Staff Engineer".to_string())),
            (manager.id, Some("Engineering Manager".to_string())),
        ];
        assert_eq!(told(&m.flags.single_report), alexanders, "by title");
        assert_eq!(told(&m.flags.narrow), alexanders);
        let mismatches: Vec<(i64, Option<String>)> = m
            .role_mismatches
            .iter()
            .map(|r| (r.id, r.disambiguation.clone()))
            .collect();
        assert_eq!(
            mismatches,
            [(ada.id, None), (bo.id, Some(format!("id {}", bo.ext_id)))],
            "Ada has no namesake; the Bos share title and team"
        );
    }
}
