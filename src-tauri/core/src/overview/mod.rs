//! A person's page: what Leadline knows about one person, gathered in one
//! read transaction so its parts agree with each other — who they are, their
//! line (the chain above them, the people and agents under them), their
//! latest assessments and gaps against their target profile, their plans and
//! what is due, the audits of their work and the stages they own, and the
//! recorded changes of their manager and role.
//!
//! Every rule belongs to its domain: gaps to `skills::gaps`, "overdue" and
//! "this week" to `transition::plan`, the worst bottlenecks to
//! `transition::audit`. This module only decides what the page shows of
//! them. It reads across the domains, so it sits above them (like `removal`).

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::people::{
    disambiguations, person_chain, person_get, Person, PersonBrief, PersonKind, Shown,
};
use crate::skills::assessment::{assessment_list, Assessment, AssessorRole};
use crate::skills::framework::{profile_get, profile_list, RoleProfile};
use crate::skills::gaps::{gap_analysis, GapReport};
use crate::transition::audit::{audit_get, audit_list, AuditScope, AuditSummary, StageRow};
use crate::transition::plan::{
    plan_items_filter, plan_list, CheckpointDecision, Direction, FilterCounts, ItemStatus, Plan,
    PlanItemFilter,
};

/// At most this many reports (and as many agents) are listed; the counts on
/// the person say how many there are in all. A flat import can put thousands
/// under one person, and the org chart pages through them.
pub const REPORTS_LISTED: u32 = 100;

/// The profile gaps are measured against when the person has no plan: the
/// role the guide is about, when the framework has it.
pub const DEFAULT_PROFILE_KEY: &str = "ic-leader";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonOverview {
    /// Everything the person row holds, with their manager's name and counts.
    pub person: Person,
    /// The chain of command above them, from the top of the org down to
    /// their manager; empty for someone at the top.
    pub chain: Vec<PersonBrief>,
    /// The people reporting to them, by name (at most `REPORTS_LISTED`;
    /// `person.direct_reports` counts them all).
    pub reports: Vec<Report>,
    /// The AI agents they supervise, by name (at most `REPORTS_LISTED`;
    /// `person.agents_supervised` counts them all).
    pub agents: Vec<Report>,
    pub skills: SkillsOverview,
    /// Their transition plans, newest first.
    pub plans: Vec<PlanSummary>,
    /// The SDLC audits of their work, newest first.
    pub audits: Vec<AuditSummary>,
    /// The stages they own in the latest audit of each person or team (an
    /// older audit of the same scope is superseded), newest audit first.
    pub owned_stages: Vec<OwnedStage>,
    /// Recorded changes of their manager and the plans they started, newest first.
    pub history: Vec<HistoryEvent>,
    /// The day "overdue" and "this week" were counted from.
    pub today: String,
}

/// Someone directly under the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Report {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub title: String,
    pub kind: PersonKind,
    /// Their own human direct reports.
    pub direct_reports: u32,
    pub agents_supervised: u32,
    /// What tells them apart from namesakes (title, team or id); `null` when
    /// nobody else has their name.
    pub disambiguation: Option<String>,
}

/// Where the targets of the gaps come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TargetSource {
    /// The profile of their newest plan.
    Plan,
    /// No plan names one: the framework's IC-leader profile, else its first.
    Default,
}

/// An assessment as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AssessmentBrief {
    #[ts(type = "number")]
    pub id: i64,
    pub framework_key: String,
    pub framework_version: u32,
    pub assessor_role: AssessorRole,
    pub assessor_name: String,
    pub assessed_on: String,
    pub round: String,
    /// How many skills it rates.
    pub rated: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SkillsOverview {
    /// Every assessment of the person, on any framework.
    pub assessments_total: u32,
    /// The framework the page looks at: the target profile's, else the one
    /// of their newest assessment; `null` with neither.
    pub framework_key: Option<String>,
    /// The newest assessment of each assessor role on that framework, newest first.
    pub latest: Vec<AssessmentBrief>,
    pub target: Option<TargetSource>,
    /// The person against the target profile (`skills::gaps::gap_analysis`):
    /// every skill for the radar, and the gaps, biggest first.
    pub gaps: Option<GapReport>,
}

/// An item of a plan that needs doing soon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DueItem {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub skill_name: String,
    pub due_date: String,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub from_role: String,
    pub profile_name: String,
    pub direction: Direction,
    pub start_date: String,
    /// The last day of its last phase.
    pub end_date: String,
    pub checkpoint_decision: Option<CheckpointDecision>,
    /// Items all, open, overdue, due this week and done, as the plan's
    /// filters count them.
    pub counts: FilterCounts,
    /// The items overdue or due this week, earliest first.
    pub due: Vec<DueItem>,
    /// The Sunday "this week" ends on.
    pub week_ends_on: String,
}

/// A stage of an audit that the person owns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OwnedStage {
    #[ts(type = "number")]
    pub audit_id: i64,
    pub taken_on: String,
    pub scope: AuditScope,
    pub scope_name: String,
    pub stage: StageRow,
}

/// A person named in the history; `name` is `null` for someone no longer in
/// the workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Named {
    #[ts(type = "number")]
    pub id: i64,
    pub name: Option<String>,
}

/// One recorded change in the person's role or reporting line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum HistoryEvent {
    /// A structure change (a transition's moves, a reorg, a repair) gave
    /// them another manager; `null` is the top of the org. Changes undone
    /// since are left out.
    ManagerChanged {
        on: String,
        #[ts(type = "number")]
        change_id: i64,
        description: String,
        from: Option<Named>,
        to: Option<Named>,
    },
    /// A transition plan of theirs starts: from the role they left to a profile.
    PlanStarted {
        on: String,
        #[ts(type = "number")]
        plan_id: i64,
        from_role: String,
        profile_name: String,
    },
}

impl HistoryEvent {
    fn on(&self) -> &str {
        match self {
            HistoryEvent::ManagerChanged { on, .. } | HistoryEvent::PlanStarted { on, .. } => on,
        }
    }
}

/// Everything the person's page shows, as of `today` (YYYY-MM-DD), read in
/// one transaction. An id nobody has is `NotFound`.
pub fn person_overview(conn: &Connection, id: i64, today: &str) -> Result<PersonOverview> {
    let tx = crate::db::read(conn)?;
    let person = person_get(&tx, id)?;
    let mut chain = person_chain(&tx, id)?;
    chain.pop(); // the chain ends with the person themselves
    let plans = plan_list(&tx, id, today)?;
    let overview = PersonOverview {
        reports: reports_of(&tx, id, PersonKind::Human)?,
        agents: reports_of(&tx, id, PersonKind::Agent)?,
        skills: skills_of(&tx, id, &plans)?,
        audits: audit_list(&tx, Some(AuditScope::Person { id }))?,
        owned_stages: stages_owned(&tx, id)?,
        history: history_of(&tx, id, &plans)?,
        plans: plans
            .iter()
            .map(|plan| plan_summary(&tx, plan, today))
            .collect::<Result<_>>()?,
        person,
        chain,
        today: today.to_string(),
    };
    tx.commit()?;
    Ok(overview)
}

/// The first `REPORTS_LISTED` people (or agents) under `id`, by name.
fn reports_of(conn: &Connection, id: i64, kind: PersonKind) -> Result<Vec<Report>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.ext_id, p.name, p.title, t.name,
                (SELECT count(*) FROM person r WHERE r.manager_id = p.id AND r.kind = 'human'),
                (SELECT count(*) FROM person r WHERE r.manager_id = p.id AND r.kind = 'agent')
         FROM person p LEFT JOIN team t ON t.id = p.team_id
         WHERE p.manager_id = ?1 AND p.kind = ?2
         ORDER BY p.name COLLATE NOCASE, p.id LIMIT ?3",
    )?;
    let rows = stmt
        .query_map(params![id, kind.as_str(), REPORTS_LISTED], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, u32>(5)?,
                r.get::<_, u32>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let shown: Vec<Shown> = rows
        .iter()
        .map(|(id, ext_id, name, title, team, _, _)| Shown {
            id: *id,
            name,
            title,
            team: team.as_deref(),
            ext_id,
        })
        .collect();
    let mut told_apart = disambiguations(conn, &shown)?;
    Ok(rows
        .into_iter()
        .map(|(id, _, name, title, _, humans, agents)| Report {
            id,
            name,
            title,
            kind,
            direct_reports: humans,
            agents_supervised: agents,
            disambiguation: told_apart.remove(&id),
        })
        .collect())
}

/// The profile the gaps are measured against: their newest plan's (if it
/// still exists), else the default of the framework they were last assessed on.
fn target_of(
    conn: &Connection,
    plans: &[Plan],
    assessments: &[Assessment],
) -> Result<Option<(RoleProfile, TargetSource)>> {
    if let Some(profile) = plans.iter().find_map(|p| p.profile_id) {
        return Ok(Some((profile_get(conn, profile)?, TargetSource::Plan)));
    }
    let Some(newest) = assessments.first() else {
        return Ok(None);
    };
    let profiles = profile_list(conn, &newest.framework_key)?;
    // profile_list puts the built-in profiles first.
    let default = profiles
        .iter()
        .position(|p| p.key == DEFAULT_PROFILE_KEY)
        .or((!profiles.is_empty()).then_some(0));
    Ok(default.map(|i| (profiles[i].clone(), TargetSource::Default)))
}

fn skills_of(conn: &Connection, id: i64, plans: &[Plan]) -> Result<SkillsOverview> {
    let assessments = assessment_list(conn, id, None)?;
    let target = target_of(conn, plans, &assessments)?;
    let framework_key = match &target {
        Some((profile, _)) => Some(profile.framework_key.clone()),
        None => assessments.first().map(|a| a.framework_key.clone()),
    };
    let mut latest: Vec<AssessmentBrief> = Vec::new();
    for a in &assessments {
        let of_framework = Some(&a.framework_key) == framework_key.as_ref();
        if of_framework && !latest.iter().any(|l| l.assessor_role == a.assessor_role) {
            latest.push(AssessmentBrief {
                id: a.id,
                framework_key: a.framework_key.clone(),
                framework_version: a.framework_version,
                assessor_role: a.assessor_role,
                assessor_name: a.assessor_name.clone(),
                assessed_on: a.assessed_on.clone(),
                round: a.round.clone(),
                rated: a.ratings.len() as u32,
            });
        }
    }
    let gaps = match &target {
        Some((profile, _)) => Some(gap_analysis(conn, id, profile.id)?),
        None => None,
    };
    Ok(SkillsOverview {
        assessments_total: assessments.len() as u32,
        framework_key,
        latest,
        target: target.map(|(_, source)| source),
        gaps,
    })
}

fn plan_summary(conn: &Connection, plan: &Plan, today: &str) -> Result<PlanSummary> {
    // Asked for the items due this week, the plan's own filter also counts
    // every status: "overdue" and "this week" are decided there, once.
    let this_week = PlanItemFilter {
        status: ItemStatus::DueThisWeek,
        skill_key: None,
    };
    let matches = plan_items_filter(conn, plan.id, &this_week, today)?;
    let mut due: Vec<DueItem> = plan
        .items
        .iter()
        .filter(|item| item.overdue || matches.item_ids.contains(&item.id))
        .map(|item| DueItem {
            id: item.id,
            title: item.title.clone(),
            skill_name: item.skill_name.clone(),
            due_date: item.due_date.clone(),
            overdue: item.overdue,
        })
        .collect();
    // ISO dates sort as text; the sort is stable, so ties keep the plan's order.
    due.sort_by(|a, b| a.due_date.cmp(&b.due_date));
    Ok(PlanSummary {
        id: plan.id,
        from_role: plan.from_role.clone(),
        profile_name: plan.profile_name.clone(),
        direction: plan.direction,
        start_date: plan.start_date.clone(),
        end_date: plan
            .phases
            .last()
            .map(|phase| phase.end_date.clone())
            .unwrap_or_default(),
        checkpoint_decision: plan.checkpoint_decision,
        counts: matches.counts,
        due,
        week_ends_on: matches.week_ends_on,
    })
}

/// The stages `id` owns in audits that no later audit of the same scope
/// supersedes (the order `audit_get` compares audits in: date, then id).
fn stages_owned(conn: &Connection, id: i64) -> Result<Vec<OwnedStage>> {
    let mut stmt = conn.prepare(
        "SELECT a.id FROM sdlc_audit a
         WHERE EXISTS (SELECT 1 FROM sdlc_audit_stage s WHERE s.audit_id = a.id AND s.owner_id = ?1)
           AND NOT EXISTS (
               SELECT 1 FROM sdlc_audit later
               WHERE later.person_id IS a.person_id AND later.team_id IS a.team_id
                 AND (later.taken_on > a.taken_on OR (later.taken_on = a.taken_on AND later.id > a.id)))
         ORDER BY a.taken_on DESC, a.id DESC",
    )?;
    let audits: Vec<i64> = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut owned = Vec::new();
    for audit_id in audits {
        let audit = audit_get(conn, audit_id)?;
        for stage in audit.stages.iter().filter(|s| s.owner_id == Some(id)) {
            owned.push(OwnedStage {
                audit_id,
                taken_on: audit.taken_on.clone(),
                scope: audit.scope,
                scope_name: audit.scope_name.clone(),
                stage: stage.clone(),
            });
        }
    }
    Ok(owned)
}

/// The manager changes recorded for `id` (not undone) and the plans they
/// started, newest first. A change whose moves are not valid JSON (written
/// by another tool) is left out rather than failing the page.
fn history_of(conn: &Connection, id: i64, plans: &[Plan]) -> Result<Vec<HistoryEvent>> {
    let mut stmt = conn.prepare(
        "SELECT c.id, c.description, c.made_on,
                json_extract(m.value, '$.from'), f.name, json_extract(m.value, '$.to'), t.name
         FROM structure_change c,
              json_each(CASE WHEN json_valid(c.moves) THEN c.moves ELSE '[]' END) m
         LEFT JOIN person f ON f.id = json_extract(m.value, '$.from')
         LEFT JOIN person t ON t.id = json_extract(m.value, '$.to')
         WHERE c.undone = 0 AND json_extract(m.value, '$.person_id') = ?1
         ORDER BY c.made_on DESC, c.id DESC",
    )?;
    let named = |id: Option<i64>, name: Option<String>| id.map(|id| Named { id, name });
    let mut history: Vec<HistoryEvent> = stmt
        .query_map([id], |r| {
            Ok(HistoryEvent::ManagerChanged {
                change_id: r.get(0)?,
                description: r.get(1)?,
                on: r.get(2)?,
                from: named(r.get(3)?, r.get(4)?),
                to: named(r.get(5)?, r.get(6)?),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    history.extend(plans.iter().map(|plan| HistoryEvent::PlanStarted {
        on: plan.start_date.clone(),
        plan_id: plan.id,
        from_role: plan.from_role.clone(),
        profile_name: plan.profile_name.clone(),
    }));
    // Stable: on one day, manager changes (newest first) before plans (newest first).
    history.sort_by(|a, b| b.on().cmp(a.on()));
    Ok(history)
}

#[cfg(test)]
mod tests;
