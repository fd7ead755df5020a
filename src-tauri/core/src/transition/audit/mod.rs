//! The SDLC bottleneck audit: for one person's or one team's work, how much each
//! stage of the software lifecycle slows them down, how much AI is used there,
//! who (a person or an agent) owns it, and the next change to try. Audits are
//! dated; each one is read against the previous audit of the same scope, so a
//! later audit shows what improved. The worst bottlenecks become plan items.
//!
//! This file holds an audit's types. Beside it: `stage` (the stages and the
//! scales they are rated on), `read` (`audit_get`, `audit_list`), `write`
//! (creating, deleting and restoring audits) and `bottlenecks` (the worst
//! stages and the plan actions they ask for). Every item keeps its old path,
//! `transition::audit::…`, through the re-exports below.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::people::PersonKind;

mod bottlenecks;
#[cfg(test)]
mod fixtures;
mod read;
mod stage;
mod write;

pub use bottlenecks::{bottleneck_actions, worst_bottlenecks, BottleneckAction};
pub use read::{audit_get, audit_list};
pub use stage::{
    audit_scales, AuditScales, Stage, StageInfo, AI_USE_SCALE, BOTTLENECK_FROM, SLOWDOWN_SCALE,
    WORST_COUNT,
};
pub(crate) use write::audit_store;
pub use write::{audit_create, audit_delete, audit_restore};

/// Whose work the audit looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum AuditScope {
    Person {
        #[ts(type = "number")]
        id: i64,
    },
    Team {
        #[ts(type = "number")]
        id: i64,
    },
}

impl AuditScope {
    fn columns(self) -> (Option<i64>, Option<i64>) {
        match self {
            AuditScope::Person { id } => (Some(id), None),
            AuditScope::Team { id } => (None, Some(id)),
        }
    }

    fn from_columns(person: Option<i64>, team: Option<i64>) -> AuditScope {
        match (person, team) {
            (Some(id), _) => AuditScope::Person { id },
            (None, Some(id)) => AuditScope::Team { id },
            // The table's CHECK makes exactly one of them set.
            (None, None) => AuditScope::Team { id: 0 },
        }
    }

    fn name(self, conn: &Connection) -> Result<String> {
        match self {
            AuditScope::Person { id } => Ok(crate::people::person_brief(conn, id)?.name),
            AuditScope::Team { id } => {
                Ok(format!("team {}", crate::teams::team_get(conn, id)?.name))
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StageInput {
    pub stage: Stage,
    pub slowdown: u8,
    pub ai_use: u8,
    #[ts(type = "number | null")]
    #[serde(default)]
    pub owner_id: Option<i64>,
    #[serde(default)]
    pub next_change: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditInput {
    pub scope: AuditScope,
    /// YYYY-MM-DD.
    pub taken_on: String,
    #[serde(default)]
    pub note: String,
    pub stages: Vec<StageInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StageRow {
    pub stage: Stage,
    pub label: String,
    pub slowdown: u8,
    pub ai_use: u8,
    #[ts(type = "number | null")]
    pub owner_id: Option<i64>,
    pub owner_name: Option<String>,
    pub owner_kind: Option<PersonKind>,
    pub next_change: String,
    /// The same stage in the previous audit of the same scope, when it was rated there.
    pub previous_slowdown: Option<u8>,
    pub previous_ai_use: Option<u8>,
    /// 1 for the worst bottleneck, 2 and 3 for the next; `null` otherwise.
    pub rank: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditRef {
    #[ts(type = "number")]
    pub id: i64,
    pub taken_on: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Audit {
    #[ts(type = "number")]
    pub id: i64,
    pub scope: AuditScope,
    pub scope_name: String,
    pub taken_on: String,
    pub note: String,
    /// The rated stages, in lifecycle order.
    pub stages: Vec<StageRow>,
    /// The worst bottlenecks, worst first (at most three, slowdown ≥ 2).
    pub worst: Vec<Stage>,
    /// The slowdown of every rated stage added up (what the list and the
    /// chart compare between audits).
    #[serde(default)]
    pub total_slowdown: u32,
    /// The audit of the same scope before this one, which `previous_*` compare with.
    pub previous: Option<AuditRef>,
}

impl Audit {
    fn slowdown_sum(stages: &[StageRow]) -> u32 {
        stages.iter().map(|s| u32::from(s.slowdown)).sum()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub scope: AuditScope,
    pub scope_name: String,
    pub taken_on: String,
    pub stages_rated: u32,
    /// The worst bottleneck's label, or `null` when no stage reaches slowdown 2.
    pub worst: Option<String>,
    /// Sum of the slowdowns: lower is better, comparable between audits of six stages.
    pub total_slowdown: u32,
}

/// What deleting an audit removed: the audit and the plan items it fed. Undo
/// asks for `undo_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeletedAudit {
    #[ts(type = "number")]
    pub undo_id: i64,
    pub audit: Audit,
    #[ts(type = "Array<number>")]
    pub plan_items: Vec<i64>,
}
