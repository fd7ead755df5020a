use leadline_core::overview::{self, PersonOverview};
use leadline_core::people::{self, PeoplePage, Person, PersonInput};
use leadline_core::removal::{self, DeletedPerson, ReportsDestination};
use tauri::State;

use super::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn person_get(state: State<'_, AppState>, id: i64) -> CommandResult<Person> {
    Ok(state
        .with_workspace(move |ws| people::person_get(ws.conn(), id))
        .await?)
}

#[tauri::command]
pub async fn person_create(
    state: State<'_, AppState>,
    input: PersonInput,
) -> CommandResult<Person> {
    Ok(state
        .with_workspace(move |ws| people::person_create(ws.conn(), &input))
        .await?)
}

#[tauri::command]
pub async fn person_update(
    state: State<'_, AppState>,
    id: i64,
    input: PersonInput,
) -> CommandResult<Person> {
    Ok(state
        .with_workspace(move |ws| people::person_update(ws.conn(), id, &input))
        .await?)
}

#[tauri::command]
pub async fn person_move(
    state: State<'_, AppState>,
    id: i64,
    manager_id: Option<i64>,
) -> CommandResult<Person> {
    Ok(state
        .with_workspace(move |ws| people::person_move(ws.conn(), id, manager_id))
        .await?)
}

#[tauri::command]
pub async fn person_delete(
    state: State<'_, AppState>,
    id: i64,
    reports: ReportsDestination,
) -> CommandResult<DeletedPerson> {
    Ok(state
        .with_workspace(move |ws| removal::person_delete(ws.conn(), id, reports))
        .await?)
}

#[tauri::command]
pub async fn person_restore(state: State<'_, AppState>, undo_id: i64) -> CommandResult<Person> {
    Ok(state
        .with_workspace(move |ws| removal::person_restore(ws.conn(), undo_id))
        .await?)
}

#[tauri::command]
pub async fn person_page(
    state: State<'_, AppState>,
    filter: String,
    offset: u32,
    limit: u32,
) -> CommandResult<PeoplePage> {
    Ok(state
        .with_workspace(move |ws| people::person_page(ws.conn(), &filter, offset, limit))
        .await?)
}

/// Everything a person's page shows, as of the shell's today.
#[tauri::command]
pub async fn person_overview(state: State<'_, AppState>, id: i64) -> CommandResult<PersonOverview> {
    let today = crate::clock::today();
    Ok(state
        .with_workspace(move |ws| overview::person_overview(ws.conn(), id, &today))
        .await?)
}
