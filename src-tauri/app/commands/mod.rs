//! Tauri commands, one module per domain. Each command unpacks its arguments,
//! calls the core on the open workspace and maps the error: nothing else.

mod audit;
mod export;
mod import;
mod metrics;
mod org;
mod people;
mod reorg;
mod skills;
mod teams;
mod transition;
mod workspace;

use leadline_core::{Error, ErrorReport};
use serde::Serialize;

/// What a failed command sends to the UI: `{ kind, message, problems }`.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct CommandError(ErrorReport);

impl From<Error> for CommandError {
    fn from(error: Error) -> Self {
        CommandError(ErrorReport::from(&error))
    }
}

pub type CommandResult<T> = Result<T, CommandError>;

pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static
{
    tauri::generate_handler![
        workspace::workspace_info,
        workspace::workspace_start_error,
        workspace::today,
        workspace::workspace_open_demo,
        workspace::workspace_pick_open,
        workspace::workspace_pick_create,
        people::person_get,
        people::person_create,
        people::person_update,
        people::person_move,
        people::person_delete,
        people::person_restore,
        people::person_page,
        people::person_overview,
        teams::team_list,
        teams::team_create,
        teams::team_rename,
        teams::team_delete,
        org::org_children,
        org::org_chain,
        org::org_search,
        metrics::metrics_get,
        metrics::thresholds_get,
        metrics::thresholds_set,
        import::import_pick_file,
        import::import_preview,
        import::import_apply,
        export::export_pick_and_write,
        reorg::reorg_preview,
        reorg::placement_candidates,
        reorg::reorg_apply,
        reorg::reorg_undo,
        reorg::structure_check,
        reorg::structure_repair,
        transition::plan_preview,
        transition::plan_create,
        transition::plan_get,
        transition::plan_list,
        transition::plan_item_check,
        transition::plan_item_update,
        transition::plan_item_add,
        transition::plan_item_delete,
        transition::plan_item_restore,
        transition::plan_budget_preview,
        transition::plan_budget_set,
        transition::plan_items_filter,
        transition::plan_checkpoint_set,
        transition::plan_add_audit_actions,
        transition::plan_delete,
        transition::plan_restore,
        transition::plan_markdown_save,
        transition::plan_markdown_copy,
        transition::template_library,
        transition::template_set,
        transition::template_reset,
        audit::audit_scales,
        transition::plan_limits,
        audit::audit_create,
        audit::audit_get,
        audit::audit_list,
        audit::audit_delete,
        audit::audit_restore,
        skills::framework_list,
        skills::framework_get,
        skills::framework_document,
        skills::framework_save,
        skills::framework_import,
        skills::framework_import_preview,
        skills::framework_pick_file,
        skills::framework_export_pick,
        skills::profile_list,
        skills::profile_save,
        skills::profile_delete,
        skills::assessment_create,
        skills::assessment_list,
        skills::assessment_delete,
        skills::assessment_restore,
        skills::assessment_compare,
        skills::gap_analysis,
        skills::skill_history,
        skills::team_heatmap,
    ]
}
