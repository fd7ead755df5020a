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
