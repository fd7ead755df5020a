//! The Tauri commands through the real IPC layer and the app's real
//! capabilities, on a mock runtime (no window).

use std::path::Path;

use leadline_app::paths::Paths;
use leadline_app::AppState;
use leadline_core::db::OpenMode;
use serde_json::{json, Value};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow};

struct App {
    _dir: tempfile::TempDir,
    tauri_app: tauri::App<tauri::test::MockRuntime>,
    window: WebviewWindow<tauri::test::MockRuntime>,
}

mod support;

/// The command tests that go through a file dialog, answered by the e2e
/// build's script (a native dialog cannot run on the mock runtime).
#[cfg(feature = "e2e")]
#[path = "commands/dialogs.rs"]
mod dialogs;

fn app() -> App {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::new(Paths {
        data_dir: dir.path().to_path_buf(),
    });
    app_with(state, dir)
}

/// An app on `state`; `dir` lives as long as the app.
fn app_with(state: AppState, dir: tempfile::TempDir) -> App {
    let tauri_app = leadline_app::configure(mock_builder(), state)
        .build(tauri::generate_context!())
        .expect("the app builds");
    let window = tauri::WebviewWindowBuilder::new(&tauri_app, "main", Default::default())
        .build()
        .unwrap();
    App {
        _dir: dir,
        tauri_app,
        window,
    }
}

/// Creates the workspace `path` and makes it the open one, as the window's
/// "Create workspace…" does once its dialog has answered.
fn create_workspace(app: &App, path: &Path) -> Value {
    let state = app.tauri_app.state::<AppState>();
    let info = tauri::async_runtime::block_on(state.open(
        path.to_path_buf(),
        OpenMode::CreateIfMissing,
        false,
    ))
    .unwrap();
    serde_json::to_value(info).unwrap()
}

/// An app with a new workspace `w.leadline` in `dir` open.
fn app_with_workspace(dir: &Path) -> App {
    let app = app();
    create_workspace(&app, &dir.join("w.leadline"));
    app
}

/// A human named `name` under `manager` (a person object, or `Value::Null`).
fn person(app: &App, name: &str, manager: &Value) -> Value {
    call(
        app,
        "person_create",
        json!({ "input": { "name": name, "kind": "human", "manager_id": manager["id"] } }),
    )
    .unwrap()
}

fn call(app: &App, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: tauri::ipc::InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(&app.window, request).map(|body| body.deserialize::<Value>().unwrap())
}

#[test]
fn without_a_workspace_commands_say_so_as_a_typed_error() {
    let app = app();
    assert_eq!(
        call(&app, "workspace_info", json!({})).unwrap(),
        Value::Null
    );
    let err = call(&app, "metrics_get", json!({ "rootId": null })).unwrap_err();
    assert_eq!(
        err["kind"], "no_workspace",
        "its own kind, not a missing record: {err}"
    );
    assert!(
        err["message"].as_str().unwrap().contains("no workspace"),
        "{err}"
    );
}

#[test]
fn people_added_through_commands_change_the_metrics() {
    let app = app();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.leadline");
    let info = create_workspace(&app, &path);
    assert_eq!(info["file_name"], "team.leadline");
    let ada = call(
        &app,
        "person_create",
        json!({ "input": { "name": "Ada", "kind": "human" } }),
    )
    .unwrap();
    let bo = call(
        &app,
        "person_create",
        json!({ "input": { "name": "Bo", "kind": "human", "manager_id": ada["id"] } }),
    )
    .unwrap();
    let metrics = call(&app, "metrics_get", json!({ "rootId": null })).unwrap();
    assert_eq!(
        (metrics["headcount"].as_u64(), metrics["managers"].as_u64()),
        (Some(2), Some(1))
    );

    let err = call(
        &app,
        "person_move",
        json!({ "id": ada["id"], "managerId": bo["id"] }),
    )
    .unwrap_err();
    assert_eq!(err["kind"], "cycle", "{err}");
    let metrics = call(&app, "metrics_get", json!({ "rootId": bo["id"] })).unwrap();
    assert_eq!(metrics["headcount"], 1, "Bo's subtree is Bo alone");
}

#[test]
fn an_invalid_import_reports_its_problems_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_with_workspace(dir.path());
    let csv = dir.path().join("bad.csv");
    std::fs::write(&csv, "id,name,manager id\n1,Ada,2\n2,Bo,1\n").unwrap();
    let preview = call(
        &app,
        "import_preview",
        json!({ "path": csv, "options": { "mapping": null } }),
    )
    .unwrap();
    assert_eq!(
        preview["problems"].as_array().unwrap().len(),
        1,
        "{preview}"
    );
    let info = call(&app, "workspace_info", json!({})).unwrap();
    assert_eq!(info["people"], 0);
}

#[test]
fn the_window_cannot_name_a_file_to_write() {
    // Files are written only where a save dialog opened in Rust answered: the
    // commands that took a path from the window are gone, not just unused.
    let dir = tempfile::tempdir().unwrap();
    let app = app_with_workspace(dir.path());
    let out = dir.path().join("out");
    for (command, args) in [
        (
            "export_write",
            json!({ "format": "csv", "path": out, "overwrite": true }),
        ),
        (
            "plan_markdown_write",
            json!({ "id": 1, "path": out, "overwrite": true }),
        ),
        (
            "framework_export_write",
            json!({ "id": 1, "path": out, "overwrite": true }),
        ),
        ("workspace_create", json!({ "path": out })),
        ("workspace_open", json!({ "path": out })),
    ] {
        let err = call(&app, command, args).unwrap_err();
        assert!(
            err.to_string().contains("not found"),
            "{command} is not a command any more: {err}"
        );
    }
    assert!(!out.exists(), "nothing was written");
}

#[test]
fn the_window_cannot_call_the_dialog_or_clipboard_plugins_itself() {
    // The plugins serve the commands above from Rust; the window's capability
    // grants none of their permissions.
    let app = app();
    for (command, args) in [
        ("plugin:dialog|save", json!({ "options": {} })),
        ("plugin:dialog|open", json!({ "options": {} })),
        (
            "plugin:clipboard-manager|write_text",
            json!({ "text": "x" }),
        ),
        ("plugin:clipboard-manager|read_text", json!({})),
    ] {
        let err = call(&app, command, args).unwrap_err();
        assert!(
            err.to_string().contains("not allowed"),
            "{command} is refused by the ACL: {err}"
        );
    }
}

#[test]
fn an_export_in_an_unknown_format_is_refused_before_any_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_with_workspace(dir.path());
    let err = call(&app, "export_pick_and_write", json!({ "format": "xlsx" })).unwrap_err();
    // The format is the core's typed ExportFormat: an unknown one is refused
    // before the command runs (so before a dialog opens), naming what it got
    // and what it takes.
    let message = err.to_string();
    assert!(
        message.contains("xlsx") && message.contains("csv") && message.contains("json"),
        "{message}"
    );
}

#[test]
fn org_children_come_in_pages() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_with_workspace(dir.path());
    let boss = call(
        &app,
        "person_create",
        json!({ "input": { "name": "Boss", "kind": "human" } }),
    )
    .unwrap();
    for i in 0..5 {
        call(&app, "person_create", json!({ "input": { "name": format!("Report {i}"), "kind": "human", "manager_id": boss["id"] } })).unwrap();
    }
    let page = call(
        &app,
        "org_children",
        json!({ "parentId": boss["id"], "offset": 3, "limit": 10 }),
    )
    .unwrap();
    assert_eq!(page["total"], 5);
    assert_eq!(
        page["nodes"].as_array().unwrap().len(),
        2,
        "reports 3 and 4 remain after skipping 3"
    );
}

#[test]
fn skill_commands_assess_and_report_typed_errors() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_with_workspace(dir.path());
    let ada = call(
        &app,
        "person_create",
        json!({ "input": { "name": "Ada", "kind": "human" } }),
    )
    .unwrap();
    let frameworks = call(&app, "framework_list", json!({})).unwrap();
    let builtin = &frameworks[0];
    assert_eq!(builtin["key"], "ai-native-ic-leader");
    let input = |level: u8| {
        json!({ "input": {
            "person_id": ada["id"], "framework_id": builtin["id"], "assessor_role": "self",
            "assessed_on": "2026-06-01", "ratings": [{ "skill_key": "delegating-work", "level": level }]
        } })
    };
    let err = call(&app, "assessment_create", input(6)).unwrap_err();
    assert_eq!(err["kind"], "invalid_input", "{err}");
    call(&app, "assessment_create", input(2)).unwrap();
    let profiles = call(
        &app,
        "profile_list",
        json!({ "frameworkKey": "ai-native-ic-leader" }),
    )
    .unwrap();
    let ic_leader = profiles
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["key"] == "ic-leader")
        .unwrap();
    let report = call(
        &app,
        "gap_analysis",
        json!({ "personId": ada["id"], "profileId": ic_leader["id"] }),
    )
    .unwrap();
    assert_eq!(report["gaps"][0]["skill_key"], "delegating-work");
    assert_eq!(report["gaps"][0]["gap"], 2, "target 4, self rating 2");

    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"format":"leadline-framework","format_version":1,"key":"x","name":"","version":1,"scale":[],"areas":[]}"#).unwrap();
    let err = call(&app, "framework_import", json!({ "path": bad })).unwrap_err();
    assert_eq!(err["kind"], "framework_invalid", "{err}");
    assert_eq!(
        err["problems"].as_array().unwrap().len(),
        3,
        "name, scale and areas: {err}"
    );
}

#[test]
fn a_reorg_is_previewed_applied_and_undone_through_commands() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_with_workspace(dir.path());
    let ada = person(&app, "Ada", &Value::Null);
    let bo = person(&app, "Bo", &ada);
    let cy = person(&app, "Cy", &ada);
    let di = person(&app, "Di", &bo);
    let moves = json!([{ "person_id": di["id"], "to_manager": cy["id"] }]);
    let preview = call(&app, "reorg_preview", json!({ "moves": moves })).unwrap();
    assert_eq!(preview["receiving"][0]["span_after"], 1);
    assert_eq!(
        call(&app, "person_get", json!({ "id": di["id"] })).unwrap()["manager_id"],
        bo["id"],
        "a preview writes nothing"
    );
    let change = call(
        &app,
        "reorg_apply",
        json!({ "moves": moves, "description": "Bo becomes an IC" }),
    )
    .unwrap();
    assert_eq!(
        call(&app, "person_get", json!({ "id": di["id"] })).unwrap()["manager_id"],
        cy["id"]
    );
    call(&app, "reorg_undo", json!({ "id": change["id"] })).unwrap();
    assert_eq!(
        call(&app, "person_get", json!({ "id": di["id"] })).unwrap()["manager_id"],
        bo["id"],
        "undo puts Di back"
    );
}

/// A workspace where Ada manages Bo, who manages Cy; Bo's manager rated
/// delegating-work 3. Returns (Ada, Bo, Cy, the IC-leader profile).
fn bo_assessed(app: &App, dir: &Path) -> (Value, Value, Value, Value) {
    create_workspace(app, &dir.join("w.leadline"));
    let ada = person(app, "Ada", &Value::Null);
    let bo = person(app, "Bo", &ada);
    let cy = person(app, "Cy", &bo);
    let framework = &call(app, "framework_list", json!({})).unwrap()[0];
    call(
        app,
        "assessment_create",
        json!({ "input": {
        "person_id": bo["id"], "framework_id": framework["id"], "assessor_role": "manager",
        "assessed_on": "2026-11-01", "ratings": [{ "skill_key": "delegating-work", "level": 3 }]
    } }),
    )
    .unwrap();
    let profiles = call(
        app,
        "profile_list",
        json!({ "frameworkKey": "ai-native-ic-leader" }),
    )
    .unwrap();
    let ic_leader = profiles
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["key"] == "ic-leader")
        .unwrap()
        .clone();
    (ada, bo, cy, ic_leader)
}

/// Bo's plan toward IC leader from 2026-12-01, his report Cy moving to Ada.
fn bo_plan_cy_to_ada(app: &App, ada: &Value, bo: &Value, cy: &Value, ic_leader: &Value) -> Value {
    call(
        app,
        "plan_create",
        json!({ "input": {
            "person_id": bo["id"], "profile_id": ic_leader["id"], "start_date": "2026-12-01",
            "moves": [{ "person_id": cy["id"], "to_manager": ada["id"] }]
        } }),
    )
    .unwrap()
}

#[test]
fn a_plan_is_created_ticked_and_copied_through_commands() {
    let app = app();
    let dir = tempfile::tempdir().unwrap();
    let (ada, bo, cy, ic_leader) = bo_assessed(&app, dir.path());
    let plan = bo_plan_cy_to_ada(&app, &ada, &bo, &cy, &ic_leader);
    assert_eq!(
        call(&app, "person_get", json!({ "id": cy["id"] })).unwrap()["manager_id"],
        ada["id"],
        "Cy moved with the plan"
    );
    let item = plan["items"][0]["id"].clone();
    let ticked = call(
        &app,
        "plan_item_check",
        json!({ "planId": plan["id"], "itemId": item, "done": true }),
    )
    .unwrap();
    assert!(ticked["items"][0]["done_on"].is_string());
    // The copy goes to the system clipboard, which the mock runtime may not
    // have (no display): then the error says so, in its own words.
    match call(&app, "plan_markdown_copy", json!({ "id": plan["id"] })) {
        Ok(text) => assert!(
            text.as_str().unwrap().contains("- [x]"),
            "the Markdown copied comes back, ticked item and all: {text}"
        ),
        Err(err) => {
            assert_eq!(err["kind"], "io", "{err}");
            assert!(
                err["message"]
                    .as_str()
                    .unwrap()
                    .starts_with("could not copy the plan to the clipboard: "),
                "{err}"
            );
        }
    }
    assert_eq!(
        call(&app, "plan_list", json!({ "personId": bo["id"] }))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

/// The person's page through its command: the plan's move shows in Cy's
/// history and Bo's line; an unknown id is a typed `not_found`.
#[test]
fn a_persons_page_gathers_their_line_gaps_plan_and_history() {
    let app = app();
    let dir = tempfile::tempdir().unwrap();
    let (ada, bo, cy, ic_leader) = bo_assessed(&app, dir.path());
    let plan = bo_plan_cy_to_ada(&app, &ada, &bo, &cy, &ic_leader);
    let page = call(&app, "person_overview", json!({ "id": bo["id"] })).unwrap();
    assert_eq!(page["person"]["name"], "Bo");
    assert_eq!(page["chain"][0]["id"], ada["id"], "Ada is his manager");
    assert_eq!(
        page["reports"].as_array().unwrap().len(),
        0,
        "Cy went to Ada"
    );
    assert_eq!(page["skills"]["target"], "plan");
    assert_eq!(page["skills"]["gaps"]["profile"]["key"], "ic-leader");
    assert_eq!(page["plans"][0]["id"], plan["id"]);
    assert_eq!(page["history"][0]["kind"], "plan_started");
    let cy_page = call(&app, "person_overview", json!({ "id": cy["id"] })).unwrap();
    let moved = &cy_page["history"][0];
    assert_eq!(
        (&moved["kind"], &moved["from"]["id"], &moved["to"]["id"]),
        (&json!("manager_changed"), &bo["id"], &ada["id"])
    );
    let err = call(&app, "person_overview", json!({ "id": 999 })).unwrap_err();
    assert_eq!(err["kind"], "not_found", "{err}");
}

/// A template edit changes the checklist of the next plan; an audit made
/// through commands feeds that plan; argument names match the UI's api.ts.
#[test]
fn template_edits_and_audits_reach_a_plan_through_commands() {
    let app = app();
    let dir = tempfile::tempdir().unwrap();
    let (ada, bo, cy, ic_leader) = bo_assessed(&app, dir.path());
    let item = json!({ "title": "Hand one whole feature to an agent", "done_when": "It shipped",
                       "hours_per_week": 3, "kind": "agents" });
    let before = call(
        &app,
        "template_set",
        json!({ "skillKey": "delegating-work", "level": 4, "items": [item] }),
    )
    .unwrap();
    assert!(
        !before.as_array().unwrap().is_empty(),
        "the shipped items come back for undo"
    );
    let framework = &call(&app, "framework_list", json!({})).unwrap()[0];
    let library = call(
        &app,
        "template_library",
        json!({ "frameworkId": framework["id"] }),
    )
    .unwrap();
    let delegating = library
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["skill_key"] == "delegating-work")
        .unwrap();
    assert_eq!(delegating["levels"][2]["edited"], true);

    let plan = call(
        &app,
        "plan_create",
        json!({ "input": {
        "person_id": bo["id"], "profile_id": ic_leader["id"], "start_date": "2026-12-01",
        "moves": [{ "person_id": cy["id"], "to_manager": ada["id"] }], "direction": null
    } }),
    )
    .unwrap();
    let titles: Vec<&str> = plan["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"Hand one whole feature to an agent"),
        "{titles:?}"
    );

    let scales = call(&app, "audit_scales", json!({})).unwrap();
    assert_eq!(scales["stages"].as_array().unwrap().len(), 6);
    let audit = call(
        &app,
        "audit_create",
        json!({ "input": {
        "scope": { "kind": "person", "id": bo["id"] }, "taken_on": "2026-12-02", "note": "",
        "stages": [{ "stage": "code_review", "slowdown": 4, "ai_use": 0, "owner_id": ada["id"],
                     "next_change": "Agent pre-review" }]
    } }),
    )
    .unwrap();
    assert_eq!(audit["worst"], json!(["code_review"]));
    let listed = call(
        &app,
        "audit_list",
        json!({ "scope": { "kind": "person", "id": bo["id"] } }),
    )
    .unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let feed = call(
        &app,
        "plan_add_audit_actions",
        json!({ "planId": plan["id"], "auditId": audit["id"] }),
    )
    .unwrap();
    assert_eq!(feed["added"], 1);
    let deleted = call(&app, "audit_delete", json!({ "id": audit["id"] })).unwrap();
    // The window sends the id of the undo, never the data to put back.
    let wrong = call(
        &app,
        "plan_restore",
        json!({ "undoId": deleted["undo_id"] }),
    )
    .unwrap_err();
    assert_eq!(
        wrong["kind"], "invalid_input",
        "an audit's undo cannot restore a plan: {wrong}"
    );
    call(
        &app,
        "audit_restore",
        json!({ "undoId": deleted["undo_id"] }),
    )
    .unwrap();
    let checkpoint = call(
        &app,
        "plan_checkpoint_set",
        json!({ "planId": plan["id"], "decision": "keep_going", "note": "" }),
    )
    .unwrap();
    assert_eq!(checkpoint["checkpoint_decision"], "keep_going");
    let deleted = call(&app, "plan_delete", json!({ "id": plan["id"] })).unwrap();
    let back = call(
        &app,
        "plan_restore",
        json!({ "undoId": deleted["undo_id"] }),
    )
    .unwrap();
    assert_eq!(back, checkpoint, "the plan comes back as it was");
    let removed = call(
        &app,
        "template_reset",
        json!({ "skillKey": "delegating-work", "level": 4 }),
    )
    .unwrap();
    assert_eq!(removed[0]["title"], "Hand one whole feature to an agent");
}

/// One rule, one answer: a move to an IC role that leaves a report without a
/// place is refused by the window and by the command line alike, and allowed by
/// both once leaving them is chosen explicitly.
#[test]
fn the_window_and_the_cli_agree_on_reports_left_without_a_place() {
    let app = app();
    let dir = tempfile::tempdir().unwrap();
    let (_, bo, cy, ic_leader) = bo_assessed(&app, dir.path());
    let input = |reports_stay: bool| {
        json!({ "input": {
            "person_id": bo["id"], "profile_id": ic_leader["id"], "start_date": "2026-12-01",
            "moves": [], "reports_stay": reports_stay
        } })
    };
    let window = call(&app, "plan_create", input(false)).unwrap_err();
    assert_eq!(window["kind"], "invalid_input", "{window}");
    let cli = |extra: &[&str]| {
        let mut args = vec!["plan", "create", "Bo", "--to", "ic-leader"];
        args.extend(extra);
        support::leadline(&dir.path().join("w.leadline"), &args)
    };
    let refused = cli(&[]);
    assert!(!refused.status.success(), "the CLI refuses it too");
    let cli_message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        cli_message.contains(window["message"].as_str().unwrap()),
        "the same words from the same rule: {cli_message} / {window}"
    );
    assert!(
        cli(&["--reports-stay"]).status.success(),
        "allowed on the explicit choice"
    );
    call(&app, "plan_create", input(true)).unwrap();
    assert_eq!(
        call(&app, "person_get", json!({ "id": cy["id"] })).unwrap()["manager_id"],
        bo["id"],
        "Cy stays with Bo, as chosen in both"
    );
}
