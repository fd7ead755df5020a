//! Scenarios side by side with the live org: the metrics of each (computed
//! exactly as for the live org), the ratio's change against live, what each
//! changes, and the people whose role change would need a transition plan,
//! with their gap to the target profile where they are assessed.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::build::{scenario_build, Conflict};
use super::scenario_get;
use crate::error::{Error, Result};
use crate::metrics::{metrics_compute, Metrics};
use crate::org::diff::{org_diff, DiffPerson, OrgDiff, StructuralRole};
use crate::org::rows::OrgRows;
use crate::people::RoleTrack;
use crate::settings::thresholds_get;
use crate::skills::framework::Direction;
use crate::skills::gaps::gap_analysis;
use crate::Workspace;

/// At most this many scenarios are compared with the live org at once: five
/// columns are what a projector shows side by side.
pub const COMPARED_MAX: usize = 4;

/// Someone whose role a scenario changes, and how far they are from the
/// role they would move into.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanNeed {
    pub person: DiffPerson,
    pub direction: Direction,
    /// The profile of the role they would move into; `null` when the
    /// workspace has none for that direction.
    pub profile: Option<String>,
    /// Levels short of the profile, summed over its skills; `null` when they
    /// have no assessment.
    pub gap: Option<u32>,
    /// How many of the profile's skills are below target.
    pub skills_short: Option<u32>,
    /// Whether they already have a transition plan.
    pub has_plan: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CompareColumn {
    /// `null` for the live org.
    #[ts(type = "number | null")]
    pub scenario_id: Option<i64>,
    pub title: String,
    pub metrics: Metrics,
    /// The IC:manager ratio's change against the live org, in percent.
    pub ratio_change_pct: Option<f64>,
    /// What the scenario changes against the live org (empty for live).
    pub diff: OrgDiff,
    pub plan_needs: Vec<PlanNeed>,
    pub conflicts: Vec<Conflict>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScenarioComparison {
    /// The live org first, then the scenarios in the order asked.
    pub columns: Vec<CompareColumn>,
}

/// Percent change from `before` to `after`.
pub fn change_pct(before: Option<f64>, after: Option<f64>) -> Option<f64> {
    match (before, after) {
        (Some(b), Some(a)) if b > 0.0 => Some((a - b) / b * 100.0),
        _ => None,
    }
}

/// Compares one to four scenarios with the live org, all read in one
/// transaction so every column comes from the same moment.
pub fn scenario_compare(ws: &Workspace, scenario_ids: &[i64]) -> Result<ScenarioComparison> {
    if scenario_ids.is_empty() || scenario_ids.len() > COMPARED_MAX {
        return Err(Error::InvalidInput(format!(
            "compare one to {COMPARED_MAX} scenarios with the live org (asked for {})",
            scenario_ids.len()
        )));
    }
    for (i, id) in scenario_ids.iter().enumerate() {
        if scenario_ids[..i].contains(id) {
            return Err(Error::InvalidInput(format!(
                "scenario {id} is asked for twice"
            )));
        }
    }
    let conn = &*crate::db::read(ws.conn())?;
    let thresholds = thresholds_get(conn)?;
    let live_rows = OrgRows::live(conn)?;
    let live_structure = live_rows.structure()?;
    let mut live_metrics = metrics_compute(&live_structure, None, thresholds);
    // (id, name, metrics, diff, plan needs, conflicts) of each scenario.
    let mut parts = Vec::with_capacity(scenario_ids.len());
    for &id in scenario_ids {
        let scenario = scenario_get(conn, id)?;
        let built = scenario_build(conn, id)?;
        let structure = built.structure()?;
        let metrics = metrics_compute(&structure, None, thresholds);
        let diff = org_diff(&live_rows, &live_structure, &built.rows, &structure);
        let plan_needs = plan_needs(conn, &diff)?;
        parts.push((
            id,
            scenario.name,
            metrics,
            diff,
            plan_needs,
            built.conflicts,
        ));
    }
    // Names in the flag lists are told apart from namesakes as on the live org.
    {
        let mut all: Vec<&mut Metrics> = vec![&mut live_metrics];
        all.extend(parts.iter_mut().map(|p| &mut p.2));
        ws.metrics_disambiguate(&mut all)?;
    }
    let live_ratio = live_metrics.ic_to_manager_ratio;
    let mut columns = vec![CompareColumn {
        scenario_id: None,
        title: "Live org".into(),
        metrics: live_metrics,
        ratio_change_pct: None,
        diff: OrgDiff::default(),
        plan_needs: Vec::new(),
        conflicts: Vec::new(),
    }];
    for (id, title, metrics, diff, plan_needs, conflicts) in parts {
        columns.push(CompareColumn {
            scenario_id: Some(id),
            title,
            ratio_change_pct: change_pct(live_ratio, metrics.ic_to_manager_ratio),
            metrics,
            diff,
            plan_needs,
            conflicts,
        });
    }
    Ok(ScenarioComparison { columns })
}

/// The direction a role change goes, if it is one a plan is for: a manager
/// who stops managing (or is declared an IC leader) moves to an IC role; an
/// IC who starts managing moves to a manager's role.
fn direction_of(role: &crate::org::diff::DiffRole) -> Option<Direction> {
    use StructuralRole as S;
    match (role.before.structural, role.after.structural) {
        (S::Manager, S::Ic) => Some(Direction::ToIc),
        (S::Ic, S::Manager) => Some(Direction::ToManager),
        _ if role.after.declared != role.before.declared => match role.after.declared {
            Some(RoleTrack::IcLeader) => Some(Direction::ToIc),
            Some(RoleTrack::Manager) => Some(Direction::ToManager),
            _ => None,
        },
        _ => None,
    }
}

/// The profile a move in `direction` is measured against: the built-in
/// IC-leader profile for a move to an IC role, else the first profile of
/// that direction (built-in ones first).
fn profile_for(conn: &Connection, direction: Direction) -> Result<Option<(i64, String)>> {
    Ok(conn
        .query_row(
            "SELECT id, name FROM role_profile WHERE direction = ?1
             ORDER BY key = ?2 DESC, builtin DESC, id LIMIT 1",
            rusqlite::params![
                match direction {
                    Direction::ToIc => "to_ic",
                    Direction::ToManager => "to_manager",
                },
                crate::overview::DEFAULT_PROFILE_KEY
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The people a diff changes the role of, in a direction a plan is for.
pub(crate) fn plan_needs(conn: &Connection, diff: &OrgDiff) -> Result<Vec<PlanNeed>> {
    let mut needs = Vec::new();
    for role in &diff.role_changed {
        if role.person.position.is_some() {
            continue; // a planned position has no one to plan for yet
        }
        let Some(direction) = direction_of(role) else {
            continue;
        };
        let profile = profile_for(conn, direction)?;
        let (gap, skills_short) = match &profile {
            Some((profile_id, _)) => {
                let report = gap_analysis(conn, role.person.id, *profile_id)?;
                let assessed =
                    report.self_assessed_on.is_some() || report.manager_assessed_on.is_some();
                if assessed {
                    let gaps: Vec<u32> = report
                        .skills
                        .iter()
                        .filter_map(|s| s.gap.map(u32::from))
                        .collect();
                    (
                        Some(gaps.iter().sum()),
                        Some(gaps.iter().filter(|&&g| g > 0).count() as u32),
                    )
                } else {
                    (None, None)
                }
            }
            None => (None, None),
        };
        let has_plan: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM transition_plan WHERE person_id = ?1)",
            [role.person.id],
            |r| r.get(0),
        )?;
        needs.push(PlanNeed {
            person: role.person.clone(),
            direction,
            profile: profile.map(|p| p.1),
            gap,
            skills_short,
            has_plan,
        });
    }
    Ok(needs)
}
