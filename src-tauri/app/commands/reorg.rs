use leadline_core::placement::{self, PlacementCandidate};
use leadline_core::reorg::{self, CycleReport, ImpactPreview, Move, StructureChange};
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn reorg_preview(
    state: State<'_, AppState>,
    moves: Vec<Move>,
) -> CommandResult<ImpactPreview> {
    Ok(state
        .with_workspace(move |ws| reorg::reorg_preview(ws, &moves))
        .await?)
}

#[tauri::command]
pub async fn reorg_apply(
    state: State<'_, AppState>,
    moves: Vec<Move>,
    description: String,
) -> CommandResult<StructureChange> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| reorg::reorg_apply(ws, &moves, &description, &today))
        .await?)
}

#[tauri::command]
pub async fn reorg_undo(state: State<'_, AppState>, id: i64) -> CommandResult<StructureChange> {
    Ok(state
        .with_workspace(move |ws| reorg::reorg_undo(ws, id))
        .await?)
}

/// The reporting cycles of a file written by another tool (`null` when sound):
/// the window checks this when a workspace opens and offers the repair.
#[tauri::command]
pub async fn structure_check(state: State<'_, AppState>) -> CommandResult<Option<CycleReport>> {
    Ok(state
        .with_workspace(move |ws| reorg::structure_check(ws.conn()))
        .await?)
}

/// Moves one person of each reporting cycle to the top, as one recorded change.
#[tauri::command]
pub async fn structure_repair(state: State<'_, AppState>) -> CommandResult<StructureChange> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| reorg::structure_repair(ws, &today))
        .await?)
}

/// Who could take the reports of someone moving to an IC role, most sensible
/// first, each with the reason (the wizard's choices).
#[tauri::command]
pub async fn placement_candidates(
    state: State<'_, AppState>,
    person_id: i64,
) -> CommandResult<Vec<PlacementCandidate>> {
    Ok(state
        .with_workspace(move |ws| placement::placement_candidates(ws, person_id))
        .await?)
}
