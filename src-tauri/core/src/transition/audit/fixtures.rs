//! Fixtures the audit's tests share: a rated stage, and an audit of one person.

use super::{AuditInput, AuditScope, Stage, StageInput};

pub(super) fn stage(stage: Stage, slowdown: u8, ai_use: u8) -> StageInput {
    StageInput {
        stage,
        slowdown,
        ai_use,
        owner_id: None,
        next_change: String::new(),
    }
}

pub(super) fn audit_of(person: i64, on: &str, stages: Vec<StageInput>) -> AuditInput {
    AuditInput {
        scope: AuditScope::Person { id: person },
        taken_on: on.into(),
        note: String::new(),
        stages,
    }
}

/// An AI agent reporting to `manager`: it may own a stage.
pub(super) fn agent(conn: &rusqlite::Connection, name: &str, manager: i64) -> i64 {
    let input = crate::people::PersonInput {
        kind: crate::people::PersonKind::Agent,
        manager_id: Some(manager),
        ..crate::people::PersonInput::human(name)
    };
    crate::people::person_create(conn, &input).unwrap().id
}
