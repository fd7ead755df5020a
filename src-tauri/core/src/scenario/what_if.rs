//! The edits a workshop makes, in the words of the screens ("make Dana an IC
//! leader", "move Bo under Ada", "add an open role under Cy"), turned into a
//! scenario's changes. The org chart's "what if…" starts a new scenario with
//! one of them; inside a scenario the People and Org chart screens add them
//! as steps.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::build::{scenario_build, Built};
use super::{scenario_get, scenario_step_add, Change, Scenario, ScenarioChange};
use crate::error::{Error, Result};
use crate::org::rows::PositionKind;
use crate::people::{PersonKind, RoleTrack};
use crate::Workspace;

/// Ids are those the scenario's screens show (negative for a planned position).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "action", rename_all = "snake_case")]
#[ts(export)]
pub enum WhatIf {
    /// They stop managing: their human reports go to `reports_to` (their own
    /// manager when `null`); their AI agents stay with them.
    MakeIcLeader {
        #[ts(type = "number")]
        person: i64,
        #[ts(type = "number | null")]
        reports_to: Option<i64>,
    },
    /// They move under `manager` (`null`: to the top of the org).
    MoveUnder {
        #[ts(type = "number")]
        person: i64,
        #[ts(type = "number | null")]
        manager: Option<i64>,
    },
    /// They leave the org; their reports go to their manager.
    Remove {
        #[ts(type = "number")]
        person: i64,
    },
    /// A new position under `manager`: an open role, a planned hire or a
    /// planned AI agent.
    AddPosition {
        #[ts(type = "number | null")]
        manager: Option<i64>,
        kind: PositionKind,
        title: String,
        #[serde(default)]
        team: Option<String>,
    },
    SetRoleTrack {
        #[ts(type = "number")]
        person: i64,
        track: Option<RoleTrack>,
    },
    SetTeam {
        #[ts(type = "number")]
        person: i64,
        team: Option<String>,
    },
    /// Renames a team, or merges it into `to` when that team exists.
    RenameTeam { from: String, to: String },
    /// Moves these people into a new (or another) team.
    SplitTeam {
        #[ts(type = "Array<number>")]
        people: Vec<i64>,
        to: String,
    },
}

fn name_of(built: &Built, id: i64) -> Result<String> {
    built
        .rows
        .get(id)
        .map(|r| r.name.clone())
        .ok_or_else(|| Error::NotFound(format!("no one with id {id} is in this scenario")))
}

/// The step an edit makes: its label and its changes, checked only when the
/// step is added.
pub fn what_if_changes(built: &Built, action: &WhatIf) -> Result<(String, Vec<Change>)> {
    let who = |id: i64| -> Result<super::Who> {
        name_of(built, id)?;
        Ok(built.who(id))
    };
    Ok(match action {
        WhatIf::MakeIcLeader { person, reports_to } => {
            let name = name_of(built, *person)?;
            let row = built.rows.get(*person).expect("named");
            if row.kind == PersonKind::Agent {
                return Err(Error::InvalidInput(format!(
                    "{name} is an AI agent, not a manager"
                )));
            }
            let to = match reports_to {
                Some(t) => Some(*t),
                None => row.manager,
            };
            let reports: Vec<i64> = built
                .rows
                .iter()
                .filter(|r| r.manager == Some(*person) && r.kind == PersonKind::Human)
                .map(|r| r.id)
                .collect();
            if !reports.is_empty() && to.is_none() {
                return Err(Error::InvalidInput(format!(
                    "{name} is at the top of the org: say who their {} reports go to",
                    reports.len()
                )));
            }
            let mut changes: Vec<Change> = vec![ScenarioChange::RoleTrack {
                who: who(*person)?,
                track: Some(RoleTrack::IcLeader),
            }
            .into()];
            let to_who = to.map(who).transpose()?;
            for r in reports {
                changes.push(
                    ScenarioChange::Move {
                        who: who(r)?,
                        to: to_who,
                    }
                    .into(),
                );
            }
            let label = match to {
                Some(t) if changes.len() > 1 => format!(
                    "{name} becomes an IC leader; their reports go to {}",
                    name_of(built, t)?
                ),
                _ => format!("{name} becomes an IC leader"),
            };
            (label, changes)
        }
        WhatIf::MoveUnder { person, manager } => {
            let name = name_of(built, *person)?;
            let label = match manager {
                Some(m) => format!("{name} moves under {}", name_of(built, *m)?),
                None => format!("{name} moves to the top of the org"),
            };
            (
                label,
                vec![ScenarioChange::Move {
                    who: who(*person)?,
                    to: manager.map(who).transpose()?,
                }
                .into()],
            )
        }
        WhatIf::Remove { person } => (
            format!("{} leaves the org", name_of(built, *person)?),
            vec![ScenarioChange::Remove { who: who(*person)? }.into()],
        ),
        WhatIf::AddPosition {
            manager,
            kind,
            title,
            team,
        } => {
            let under = match manager {
                Some(m) => format!(" under {}", name_of(built, *m)?),
                None => String::new(),
            };
            let what = if title.trim().is_empty() {
                kind.words().to_string()
            } else {
                format!("{} ({})", kind.words(), title.trim())
            };
            (
                format!("A new {what}{under}"),
                vec![ScenarioChange::AddPosition {
                    position: Uuid::new_v4(),
                    kind: *kind,
                    name: String::new(),
                    title: title.clone(),
                    team: team.clone(),
                    manager: manager.map(who).transpose()?,
                }
                .into()],
            )
        }
        WhatIf::SetRoleTrack { person, track } => (
            format!(
                "{}'s role track becomes {}",
                name_of(built, *person)?,
                track.map(|t| t.as_str()).unwrap_or("none")
            ),
            vec![ScenarioChange::RoleTrack {
                who: who(*person)?,
                track: *track,
            }
            .into()],
        ),
        WhatIf::SetTeam { person, team } => (
            format!(
                "{} moves to team {}",
                name_of(built, *person)?,
                team.as_deref().unwrap_or("(none)")
            ),
            vec![ScenarioChange::Team {
                who: who(*person)?,
                team: team.clone(),
            }
            .into()],
        ),
        WhatIf::RenameTeam { from, to } => (
            format!("Team {} becomes {}", from.trim(), to.trim()),
            vec![ScenarioChange::RenameTeam {
                from: from.clone(),
                to: to.clone(),
            }
            .into()],
        ),
        WhatIf::SplitTeam { people, to } => {
            if people.is_empty() {
                return Err(Error::InvalidInput(
                    "choose the people who move to the new team".into(),
                ));
            }
            let changes = people
                .iter()
                .map(|&p| {
                    Ok(ScenarioChange::Team {
                        who: who(p)?,
                        team: Some(to.clone()),
                    }
                    .into())
                })
                .collect::<Result<Vec<Change>>>()?;
            (
                format!("{} people move to team {}", people.len(), to.trim()),
                changes,
            )
        }
    })
}

/// Adds an edit to a scenario as one step.
pub fn scenario_edit(ws: &Workspace, scenario_id: i64, action: &WhatIf) -> Result<Scenario> {
    let built = scenario_build(ws.conn(), scenario_id)?;
    let (label, changes) = what_if_changes(&built, action)?;
    scenario_step_add(ws, scenario_id, &label, &changes)
}

/// A new scenario from the live org holding one edit: the "what if…" of the
/// org chart, the flag lists and the people rows. Named after the edit; a
/// refused edit leaves no scenario behind.
pub fn scenario_what_if(ws: &Workspace, action: &WhatIf, created_at: &str) -> Result<Scenario> {
    let built = Built::on(crate::org::rows::OrgRows::live(ws.conn())?);
    let (label, changes) = what_if_changes(&built, action)?;
    let base = format!("What if: {label}");
    let base: String = base.chars().take(72).collect();
    let mut name = base.clone();
    let mut n = 2;
    while super::scenario_resolve(ws.conn(), &name).is_ok() {
        name = format!("{base} ({n})");
        n += 1;
    }
    let id = ws.write(|tx| {
        let mut check = built.clone();
        for change in &changes {
            check.apply(&change.change).map_err(Error::InvalidInput)?;
        }
        super::scenario_insert(
            tx,
            super::NewScenario {
                uuid: Uuid::new_v4(),
                name: &name,
                description: "",
                base_snapshot: None,
                origin: "the live org",
                created_at,
                steps: &[(label.clone(), changes.clone())],
            },
        )
    })?;
    scenario_get(ws.conn(), id)
}
