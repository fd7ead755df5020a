use std::path::PathBuf;

use leadline_core::skills::assessment::{
    self, Assessment, AssessmentInput, Comparison, DeletedAssessment,
};
use leadline_core::skills::framework::{
    self, Framework, FrameworkFile, FrameworkSummary, ProfileFile, RoleProfile,
};
use leadline_core::skills::gaps::{self, GapReport, Heatmap, HeatmapScope, SkillHistory};
use leadline_core::Error;
use tauri::{AppHandle, Runtime, State};

use super::CommandResult;
use crate::dialogs::{self, Ask, Purpose};
use crate::state::AppState;

#[tauri::command]
pub async fn framework_list(state: State<'_, AppState>) -> CommandResult<Vec<FrameworkSummary>> {
    Ok(state
        .with_workspace(|ws| framework::framework_list(ws.conn()))
        .await?)
}

#[tauri::command]
pub async fn framework_get(state: State<'_, AppState>, id: i64) -> CommandResult<Framework> {
    Ok(state
        .with_workspace(move |ws| framework::framework_get(ws.conn(), id))
        .await?)
}

/// The framework as an editable document (with its profiles).
#[tauri::command]
pub async fn framework_document(
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<FrameworkFile> {
    Ok(state
        .with_workspace(move |ws| framework::framework_export(ws.conn(), id))
        .await?)
}

#[tauri::command]
pub async fn framework_save(
    state: State<'_, AppState>,
    file: FrameworkFile,
) -> CommandResult<Framework> {
    Ok(state
        .with_workspace(move |ws| framework::framework_save(ws.conn(), &file, false))
        .await?)
}

fn read_framework(path: &std::path::Path) -> Result<FrameworkFile, Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    framework::framework_parse(&text)
}

#[tauri::command]
pub async fn framework_import(
    state: State<'_, AppState>,
    path: PathBuf,
) -> CommandResult<Framework> {
    Ok(state
        .with_workspace(move |ws| {
            framework::framework_save(ws.conn(), &read_framework(&path)?, false)
        })
        .await?)
}

/// Reads a framework file and says what importing it would do, without saving.
#[tauri::command]
pub async fn framework_import_preview(
    state: State<'_, AppState>,
    path: PathBuf,
) -> CommandResult<framework::FrameworkImportPreview> {
    Ok(state
        .with_workspace(move |ws| {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
            framework::framework_import_preview(ws.conn(), &text)
        })
        .await?)
}

/// Asks for a framework document to import; null when the user cancelled.
#[tauri::command]
pub async fn framework_pick_file<R: Runtime>(app: AppHandle<R>) -> Option<String> {
    let ask = Ask::new(
        Purpose::FrameworkFile,
        "Import a skill framework",
        "Leadline framework (JSON)",
        &["json"],
    );
    dialogs::open(&app, ask)
        .await
        .map(|p| p.display().to_string())
}

/// Asks where to save the framework version `id` (suggesting its name and
/// version), then writes it as JSON. Resolves to the path written, or null
/// when the user cancelled.
#[tauri::command]
pub async fn framework_export_pick<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<Option<String>> {
    let ask = Ask::new(
        Purpose::FrameworkFile,
        "Export skill framework",
        "Leadline framework (JSON)",
        &["json"],
    );
    Ok(dialogs::save_and_write(
        &app,
        &state,
        ask,
        move |ws| {
            Ok(framework::framework_file_name(
                &framework::framework_export(ws.conn(), id)?,
            ))
        },
        move |ws| {
            let file = framework::framework_export(ws.conn(), id)?;
            let mut text = serde_json::to_string_pretty(&file).expect("framework serializes");
            text.push('\n');
            Ok(text.into_bytes())
        },
    )
    .await?)
}

#[tauri::command]
pub async fn profile_list(
    state: State<'_, AppState>,
    framework_key: String,
) -> CommandResult<Vec<RoleProfile>> {
    Ok(state
        .with_workspace(move |ws| framework::profile_list(ws.conn(), &framework_key))
        .await?)
}

#[tauri::command]
pub async fn profile_save(
    state: State<'_, AppState>,
    framework_key: String,
    profile: ProfileFile,
) -> CommandResult<RoleProfile> {
    Ok(state
        .with_workspace(move |ws| framework::profile_save(ws.conn(), &framework_key, &profile))
        .await?)
}

#[tauri::command]
pub async fn profile_delete(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    Ok(state
        .with_workspace(move |ws| framework::profile_delete(ws.conn(), id))
        .await?)
}

#[tauri::command]
pub async fn assessment_create(
    state: State<'_, AppState>,
    input: AssessmentInput,
) -> CommandResult<Assessment> {
    Ok(state
        .with_workspace(move |ws| assessment::assessment_create(ws.conn(), &input))
        .await?)
}

#[tauri::command]
pub async fn assessment_list(
    state: State<'_, AppState>,
    person_id: i64,
    framework_key: Option<String>,
) -> CommandResult<Vec<Assessment>> {
    Ok(state
        .with_workspace(move |ws| {
            assessment::assessment_list(ws.conn(), person_id, framework_key.as_deref())
        })
        .await?)
}

#[tauri::command]
pub async fn assessment_delete(
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<DeletedAssessment> {
    Ok(state
        .with_workspace(move |ws| assessment::assessment_delete(ws.conn(), id))
        .await?)
}

/// Undo of `assessment_delete`.
#[tauri::command]
pub async fn assessment_restore(
    state: State<'_, AppState>,
    undo_id: i64,
) -> CommandResult<Assessment> {
    Ok(state
        .with_workspace(move |ws| assessment::assessment_restore(ws.conn(), undo_id))
        .await?)
}

#[tauri::command]
pub async fn assessment_compare(
    state: State<'_, AppState>,
    self_id: i64,
    manager_id: i64,
) -> CommandResult<Comparison> {
    Ok(state
        .with_workspace(move |ws| assessment::assessment_compare(ws.conn(), self_id, manager_id))
        .await?)
}

#[tauri::command]
pub async fn gap_analysis(
    state: State<'_, AppState>,
    person_id: i64,
    profile_id: i64,
) -> CommandResult<GapReport> {
    Ok(state
        .with_workspace(move |ws| gaps::gap_analysis(ws.conn(), person_id, profile_id))
        .await?)
}

#[tauri::command]
pub async fn skill_history(
    state: State<'_, AppState>,
    person_id: i64,
    framework_key: String,
) -> CommandResult<Vec<SkillHistory>> {
    Ok(state
        .with_workspace(move |ws| gaps::skill_history(ws.conn(), person_id, &framework_key))
        .await?)
}

#[tauri::command]
pub async fn team_heatmap(
    state: State<'_, AppState>,
    scope: HeatmapScope,
    framework_key: String,
    profile_id: Option<i64>,
) -> CommandResult<Heatmap> {
    Ok(state
        .with_workspace(move |ws| ws.heatmap(scope, &framework_key, profile_id))
        .await?)
}
