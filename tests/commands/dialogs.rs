//! Commands that open a file dialog, answered by the e2e build's script
//! (`LEADLINE_E2E_DIALOGS`, here given to the state directly): what each
//! dialog is asked (title, suggested name, filter, starting folder), where the
//! answer is written, and the folder remembered for the next dialog.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use super::{app_with, bo_assessed, call, create_workspace, person, App};
use leadline_app::paths::Paths;
use leadline_app::AppState;

/// The app's data directory, the dialogs' script and a folder for files, in
/// one temporary directory.
struct Machine {
    home: tempfile::TempDir,
}

impl Machine {
    fn new() -> Self {
        Machine {
            home: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }

    fn folder(&self, name: &str) -> PathBuf {
        let folder = self.path(name);
        std::fs::create_dir_all(&folder).unwrap();
        folder
    }

    /// A start of the app on this machine (the same data directory each time).
    fn app(&self) -> App {
        let script = self.folder("dialogs");
        let state = AppState::new(Paths {
            data_dir: self.path("data"),
        })
        .with_dialog_script(script);
        app_with(state, tempfile::tempdir().unwrap())
    }

    /// The answers the next dialogs give, in order ("" cancels; a path ending
    /// in `/` keeps the suggested name in that folder).
    fn answer(&self, answers: &[&str]) {
        let text: String = answers.iter().map(|a| format!("{a}\n")).collect();
        std::fs::write(self.path("dialogs").join("answers"), text).unwrap();
    }

    /// Every dialog asked so far, oldest first.
    fn asked(&self) -> Vec<Value> {
        std::fs::read_to_string(self.path("dialogs").join("asked.jsonl"))
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    fn last_asked(&self) -> Value {
        self.asked().pop().expect("a dialog was asked")
    }
}

fn slash(folder: &Path) -> String {
    format!("{}/", folder.display())
}

#[test]
fn the_plan_is_saved_under_the_suggested_name_and_the_next_save_starts_in_that_folder() {
    let machine = Machine::new();
    let app = machine.app();
    let (ada, bo, cy, ic_leader) = bo_assessed(&app, &machine.folder("orgs"));
    let plan = call(
        &app,
        "plan_create",
        json!({ "input": {
        "person_id": bo["id"], "profile_id": ic_leader["id"], "start_date": "2026-12-01",
        "moves": [{ "person_id": cy["id"], "to_manager": ada["id"] }]
    } }),
    )
    .unwrap();
    let notes = machine.folder("notes");
    machine.answer(&[&slash(&notes)]);
    let written = call(&app, "plan_markdown_save", json!({ "id": plan["id"] })).unwrap();
    let file = notes.join("Bo transition plan.md");
    assert_eq!(written, file.display().to_string());
    let asked = machine.last_asked();
    assert_eq!(asked["kind"], "save");
    assert_eq!(asked["purpose"], "plan_markdown");
    assert_eq!(asked["file_name"], "Bo transition plan.md", "{asked}");
    assert_eq!(asked["filter"]["extensions"], json!(["md"]));
    assert_eq!(
        asked["directory"],
        Value::Null,
        "nothing remembered yet: the system's default"
    );
    let markdown = std::fs::read_to_string(&file).unwrap();
    assert!(markdown.starts_with("# Transition plan: Bo"), "{markdown}");
    assert!(!markdown.contains("- [x]"), "nothing ticked yet");

    // Tick an item and save again: the dialog opens in the notes folder, and
    // choosing the same file replaces it (the save dialog asked first).
    let item = plan["items"][0]["id"].clone();
    call(
        &app,
        "plan_item_check",
        json!({ "planId": plan["id"], "itemId": item, "done": true }),
    )
    .unwrap();
    machine.answer(&[&file.display().to_string()]);
    call(&app, "plan_markdown_save", json!({ "id": plan["id"] })).unwrap();
    assert_eq!(
        machine.last_asked()["directory"],
        notes.display().to_string(),
        "the second save starts where the first one went"
    );
    assert!(std::fs::read_to_string(&file).unwrap().contains("- [x]"));

    // Cancelling writes nothing and answers null.
    machine.answer(&[""]);
    let cancelled = call(&app, "plan_markdown_save", json!({ "id": plan["id"] })).unwrap();
    assert_eq!(cancelled, Value::Null);
    assert_eq!(
        std::fs::read_dir(&notes).unwrap().count(),
        1,
        "still one file"
    );

    // No dialog for a plan that does not exist: the error comes first.
    let before = machine.asked().len();
    let err = call(&app, "plan_markdown_save", json!({ "id": 999 })).unwrap_err();
    assert_eq!(err["kind"], "not_found", "{err}");
    assert_eq!(machine.asked().len(), before, "no dialog was opened");
}

#[test]
fn an_export_goes_where_the_dialog_says_but_never_onto_the_open_workspace() {
    let machine = Machine::new();
    let app = machine.app();
    let workspace = machine.folder("orgs").join("team.leadline");
    create_workspace(&app, &workspace);
    call(
        &app,
        "person_create",
        json!({ "input": { "name": "Ada", "kind": "human", "title": "=SUM(A1)" } }),
    )
    .unwrap();
    let exports = machine.folder("exports");
    machine.answer(&[&slash(&exports)]);
    let written = call(&app, "export_pick_and_write", json!({ "format": "csv" })).unwrap();
    let csv = exports.join("team.csv");
    assert_eq!(
        written,
        csv.display().to_string(),
        "named after the workspace"
    );
    let asked = machine.last_asked();
    assert_eq!(
        (
            &asked["purpose"],
            &asked["file_name"],
            &asked["filter"]["name"]
        ),
        (
            &json!("workspace_export"),
            &json!("team.csv"),
            &json!("CSV")
        ),
        "{asked}"
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.contains("Ada") && text.contains("'=SUM(A1)"), "{text}");

    // The JSON export suggests its own name, in the folder of the last export,
    // and replaces a file the dialog was told to replace.
    machine.answer(&[&csv.display().to_string()]);
    call(&app, "export_pick_and_write", json!({ "format": "json" })).unwrap();
    let asked = machine.last_asked();
    assert_eq!(asked["file_name"], "team.json");
    assert_eq!(asked["directory"], exports.display().to_string());
    assert!(std::fs::read_to_string(&csv)
        .unwrap()
        .contains("leadline-workspace"));

    let before = std::fs::read(&workspace).unwrap();
    machine.answer(&[&workspace.display().to_string()]);
    let err = call(&app, "export_pick_and_write", json!({ "format": "csv" })).unwrap_err();
    assert_eq!(err["kind"], "invalid_input", "{err}");
    assert_eq!(
        std::fs::read(&workspace).unwrap(),
        before,
        "an export never overwrites the open workspace, whatever the dialog said"
    );
}

#[test]
fn each_purpose_opens_in_its_own_last_folder_and_remembers_it_across_starts() {
    let machine = Machine::new();
    let downloads = machine.folder("downloads");
    let csv = downloads.join("people.csv");
    std::fs::write(&csv, "id,name\n1,Ada\n").unwrap();
    {
        let app = machine.app();
        machine.answer(&[&csv.display().to_string()]);
        let picked = call(&app, "import_pick_file", json!({})).unwrap();
        assert_eq!(picked, csv.display().to_string());
        assert_eq!(machine.last_asked()["purpose"], "import_file");

        machine.answer(&[""]);
        assert_eq!(
            call(&app, "framework_pick_file", json!({})).unwrap(),
            Value::Null
        );
        let asked = machine.last_asked();
        assert_eq!(asked["purpose"], "framework_file");
        assert_eq!(
            asked["directory"],
            Value::Null,
            "the import's folder is not the framework files' folder"
        );
    }
    // Another start of the app: the import dialog opens in Downloads again.
    let app = machine.app();
    machine.answer(&[""]);
    call(&app, "import_pick_file", json!({})).unwrap();
    assert_eq!(
        machine.last_asked()["directory"],
        downloads.display().to_string()
    );
    // A remembered folder that is gone: the dialog opens in the default.
    std::fs::remove_dir_all(&downloads).unwrap();
    machine.answer(&[""]);
    call(&app, "import_pick_file", json!({})).unwrap();
    assert_eq!(machine.last_asked()["directory"], Value::Null);
}

#[test]
fn workspaces_are_created_and_opened_through_their_dialogs() {
    let machine = Machine::new();
    let app = machine.app();
    let orgs = machine.folder("orgs");
    // A name typed without the extension gets it.
    machine.answer(&[&orgs.join("platform").display().to_string()]);
    let created = call(&app, "workspace_pick_create", json!({})).unwrap();
    assert_eq!(created["file_name"], "platform.leadline", "{created}");
    let asked = machine.last_asked();
    assert_eq!(
        (&asked["kind"], &asked["purpose"], &asked["file_name"]),
        (&json!("save"), &json!("workspace"), &json!("team.leadline"))
    );
    person(&app, "Ada", &Value::Null);

    machine.answer(&[&orgs.join("platform.leadline").display().to_string()]);
    let opened = call(&app, "workspace_pick_open", json!({})).unwrap();
    assert_eq!(opened["people"], 1, "{opened}");
    assert_eq!(
        machine.last_asked()["directory"],
        orgs.display().to_string(),
        "opening starts where the workspace was created"
    );

    // A file that is not a workspace is refused; the open one stays open.
    let notes = orgs.join("notes.leadline");
    std::fs::write(&notes, "not SQLite").unwrap();
    machine.answer(&[&notes.display().to_string()]);
    let err = call(&app, "workspace_pick_open", json!({})).unwrap_err();
    assert_eq!(err["kind"], "not_a_workspace", "{err}");
    assert_eq!(
        call(&app, "workspace_info", json!({})).unwrap()["people"],
        1
    );
}

#[test]
fn a_framework_is_exported_under_its_name_and_version() {
    let machine = Machine::new();
    let app = machine.app();
    create_workspace(&app, &machine.folder("orgs").join("team.leadline"));
    let framework = call(&app, "framework_list", json!({})).unwrap()[0].clone();
    let frameworks = machine.folder("frameworks");
    machine.answer(&[&slash(&frameworks)]);
    let written = call(
        &app,
        "framework_export_pick",
        json!({ "id": framework["id"] }),
    )
    .unwrap();
    let name = format!(
        "{} v{}.json",
        framework["name"].as_str().unwrap(),
        framework["version"]
    );
    assert_eq!(written, frameworks.join(&name).display().to_string());
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(frameworks.join(&name)).unwrap()).unwrap();
    assert_eq!(file["key"], framework["key"]);

    // Importing starts in the folder the export went to: one purpose.
    machine.answer(&[""]);
    call(&app, "framework_pick_file", json!({})).unwrap();
    assert_eq!(
        machine.last_asked()["directory"],
        frameworks.display().to_string()
    );
}
