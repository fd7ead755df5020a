//! The `leadline` command line, run as a real process without a display.
//!
//! Longer than ~600 lines on purpose: each file under tests/ is a binary that
//! links the whole app, so the CLI's tests stay one binary (shared helpers in
//! `support`).

use std::path::Path;
use std::process::Output;

mod support;

use support::leadline;

fn stdout(output: &Output) -> String {
    support::succeeds(output, "the command")
}

#[test]
fn import_then_metrics_as_json_uses_the_documented_field_names() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.leadline");
    let csv = dir.path().join("org.csv");
    // Ada manages Bo and Cy; Bo manages Di: 4 people, 2 managers, 2 ICs, 3 layers.
    std::fs::write(
        &csv,
        "id,name,reports to,type\n1,Ada,,\n2,Bo,1,\n3,Cy,1,\n4,Di,2,\n5,Helper bot,2,agent\n",
    )
    .unwrap();
    stdout(&leadline(&ws, &["import", csv.to_str().unwrap()]));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&leadline(&ws, &["metrics", "--json"]))).unwrap();
    let expect = [
        ("headcount", serde_json::json!(4)),
        ("managers", serde_json::json!(2)),
        ("ics", serde_json::json!(2)),
        ("agents", serde_json::json!(1)),
        ("ic_to_manager_ratio", serde_json::json!(1.0)),
        ("layers", serde_json::json!(3)),
        ("span_mean", serde_json::json!(1.5)),
        ("span_median", serde_json::json!(1.5)),
        ("span_min", serde_json::json!(1)),
        ("span_max", serde_json::json!(2)),
        ("per_layer", serde_json::json!([1, 2, 1])),
        ("single_report_managers", serde_json::json!(1)),
    ];
    for (field, value) in expect {
        assert_eq!(json[field], value, "field {field} in {json}");
    }
    let sub: serde_json::Value = serde_json::from_str(&stdout(&leadline(
        &ws,
        &["metrics", "--root", "Bo", "--json"],
    )))
    .unwrap();
    assert_eq!(
        (sub["headcount"].as_u64(), sub["layers"].as_u64()),
        (Some(2), Some(2))
    );
}

#[test]
fn a_failed_import_says_why_and_leaves_the_workspace_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.leadline");
    let good = dir.path().join("good.csv");
    std::fs::write(&good, "id,name\n1,Ada\n").unwrap();
    stdout(&leadline(&ws, &["import", good.to_str().unwrap()]));
    let before = stdout(&leadline(&ws, &["export", "--format", "csv"]));
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "id,name,manager id\n2,Bo,3\n3,Cy,2\n4,Di,99\n").unwrap();
    let out = leadline(&ws, &["import", bad.to_str().unwrap()]);
    assert!(!out.status.success(), "an invalid import must fail");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("line 2") && stderr.contains("line 4") && stderr.contains("99"),
        "{stderr}"
    );
    assert_eq!(
        stdout(&leadline(&ws, &["export", "--format", "csv"])),
        before,
        "nothing may change"
    );
}

#[test]
fn map_overrides_the_automatic_mapping() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.leadline");
    let csv = dir.path().join("org.csv");
    std::fs::write(&csv, "code,who,boss\nA,Ada,\nB,Bo,A\n").unwrap();
    let out = leadline(&ws, &["import", csv.to_str().unwrap()]);
    assert!(
        !out.status.success(),
        "without a mapping there is no id column"
    );
    let out = leadline(
        &ws,
        &[
            "import",
            csv.to_str().unwrap(),
            "--map",
            "code=id",
            "--map",
            "who=name",
            "--map",
            "boss=manager_id",
        ],
    );
    stdout(&out);
    let people: serde_json::Value =
        serde_json::from_str(&stdout(&leadline(&ws, &["people", "list", "--json"]))).unwrap();
    let bo = people
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Bo")
        .unwrap();
    assert_eq!(bo["manager_name"], "Ada");
}

#[test]
fn read_commands_refuse_a_missing_or_foreign_file_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.leadline");
    let out = leadline(&missing, &["metrics"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist"));
    assert!(!missing.exists(), "a read must not create the file");
    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "just some notes, certainly not a database file of any kind",
    )
    .unwrap();
    let out = leadline(&text, &["people", "list"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not a Leadline workspace"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn json_export_lists_people_with_their_attributes() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.leadline");
    let csv = dir.path().join("org.csv");
    std::fs::write(&csv, "id,name,office\n1,Ada,Paris\n").unwrap();
    stdout(&leadline(&ws, &["import", csv.to_str().unwrap()]));
    let out_file = dir.path().join("out.json");
    stdout(&leadline(
        &ws,
        &[
            "export",
            "--format",
            "json",
            "--out",
            out_file.to_str().unwrap(),
        ],
    ));
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out_file).unwrap()).unwrap();
    assert_eq!(json["people"][0]["attributes"]["office"], "Paris");
}

/// Records an assessment on the built-in framework, dated 2026-11-20, from JSON ratings.
fn assess_builtin(ws: &Path, dir: &Path, person: &str, role: &str, ratings: &str) {
    let file = dir.join(format!("{person}-{role}.json"));
    std::fs::write(&file, ratings).unwrap();
    stdout(&leadline(
        ws,
        &[
            "skills",
            "assess",
            person,
            "--framework",
            "ai-native-ic-leader",
            "--as",
            role,
            "--file",
            file.to_str().unwrap(),
            "--date",
            "2026-11-20",
        ],
    ));
}

fn fails(output: &Output) -> String {
    support::fails(output, "the command")
}

#[test]
fn assessments_from_files_give_gaps_against_a_profile() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.leadline");
    let org = dir.path().join("org.csv");
    std::fs::write(&org, "id,name\n1,Ada\n").unwrap();
    stdout(&leadline(&ws, &["import", org.to_str().unwrap()]));
    // The built-in IC leader profile targets delegating-work 4 and systems-thinking 3 (see the shipped file).
    let manager = dir.path().join("manager.json");
    std::fs::write(&manager, r#"{"delegating-work": 1, "systems-thinking": 3}"#).unwrap();
    let own = dir.path().join("self.csv");
    std::fs::write(
        &own,
        "skill,level,interest,note\ndelegating-work,2,2,I hand off too little\n",
    )
    .unwrap();
    let run = |file: &Path, role: &str, date: &str| {
        stdout(&leadline(
            &ws,
            &[
                "skills",
                "assess",
                "Ada",
                "--framework",
                "ai-native-ic-leader",
                "--as",
                role,
                "--file",
                file.to_str().unwrap(),
                "--date",
                date,
            ],
        ))
    };
    run(&manager, "manager", "2026-09-01");
    run(&own, "self", "2026-09-02");
    let report: serde_json::Value = serde_json::from_str(&stdout(&leadline(
        &ws,
        &["skills", "gaps", "Ada", "--profile", "ic-leader", "--json"],
    )))
    .unwrap();
    let gaps = report["gaps"].as_array().unwrap();
    assert_eq!(
        gaps.len(),
        1,
        "systems thinking is at target, only delegating is a gap: {gaps:?}"
    );
    assert_eq!(gaps[0]["skill_key"], "delegating-work");
    assert_eq!(
        (
            gaps[0]["target"].as_u64(),
            gaps[0]["current"].as_u64(),
            gaps[0]["gap"].as_u64()
        ),
        (Some(4), Some(1), Some(3))
    );
    assert_eq!(
        (gaps[0]["self_level"].as_u64(), gaps[0]["interest"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(report["manager_assessed_on"], "2026-09-01");
}

#[test]
fn a_rating_outside_the_scale_is_refused_and_nothing_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.leadline");
    let org = dir.path().join("org.csv");
    std::fs::write(&org, "id,name\n1,Ada\n").unwrap();
    stdout(&leadline(&ws, &["import", org.to_str().unwrap()]));
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"delegating-work": 6}"#).unwrap();
    let err = fails(&leadline(
        &ws,
        &[
            "skills",
            "assess",
            "Ada",
            "--framework",
            "ai-native-ic-leader",
            "--as",
            "self",
            "--file",
            bad.to_str().unwrap(),
        ],
    ));
    assert!(err.contains("outside the scale"), "{err}");
    std::fs::write(&bad, r#"{"juggling": 3}"#).unwrap();
    let err = fails(&leadline(
        &ws,
        &[
            "skills",
            "assess",
            "Ada",
            "--framework",
            "ai-native-ic-leader",
            "--as",
            "self",
            "--file",
            bad.to_str().unwrap(),
        ],
    ));
    assert!(err.contains("juggling"), "{err}");
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&leadline(&ws, &["skills", "frameworks", "--json"]))).unwrap();
    assert_eq!(list[0]["assessments"], 0, "no assessment may be recorded");
}

#[test]
fn a_framework_exports_edits_and_imports_as_a_new_framework() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.leadline");
    let out = dir.path().join("framework.json");
    let err = fails(&leadline(&ws, &["skills", "export", "ai-native-ic-leader"]));
    assert!(
        err.contains("does not exist"),
        "reading needs an existing workspace: {err}"
    );
    let org = dir.path().join("org.csv");
    std::fs::write(&org, "id,name\n1,Ada\n").unwrap();
    stdout(&leadline(&ws, &["import", org.to_str().unwrap()]));
    stdout(&leadline(
        &ws,
        &[
            "skills",
            "export",
            "ai-native-ic-leader",
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    let mut file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    file["key"] = "our-ladder".into();
    file["name"] = "Our ladder".into();
    std::fs::write(&out, serde_json::to_vec(&file).unwrap()).unwrap();
    stdout(&leadline(&ws, &["skills", "import", out.to_str().unwrap()]));
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&leadline(&ws, &["skills", "frameworks", "--json"]))).unwrap();
    let keys: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["key"].as_str().unwrap())
        .collect();
    assert!(
        keys.contains(&"our-ladder") && keys.contains(&"ai-native-ic-leader"),
        "{keys:?}"
    );

    // A malformed file lists its problems and adds nothing.
    file["key"] = "broken".into();
    file["scale"] = serde_json::json!(["only", "three", "labels"]);
    file["areas"][0]["skills"][0]["levels"] = serde_json::json!(["one"]);
    std::fs::write(&out, serde_json::to_vec(&file).unwrap()).unwrap();
    let err = fails(&leadline(&ws, &["skills", "import", out.to_str().unwrap()]));
    assert!(
        err.contains("scale") && err.contains("areas[0].skills[0]"),
        "{err}"
    );
    let after: serde_json::Value =
        serde_json::from_str(&stdout(&leadline(&ws, &["skills", "frameworks", "--json"]))).unwrap();
    assert_eq!(
        after.as_array().unwrap().len(),
        2,
        "the broken framework must not be stored"
    );
}

#[test]
fn a_transition_plan_moves_reports_builds_a_checklist_and_exports_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.leadline");
    let org = dir.path().join("org.csv");
    // Ada manages Bo; Bo manages Cy and Di. Bo becomes an IC leader; his reports go to Ada.
    std::fs::write(&org, "id,name,manager id\n1,Ada,\n2,Bo,1\n3,Cy,2\n4,Di,2\n").unwrap();
    stdout(&leadline(&ws, &["import", org.to_str().unwrap()]));
    let create = [
        "plan",
        "create",
        "Bo",
        "--to",
        "ic-leader",
        "--reports-to",
        "Ada",
        "--start",
        "2026-12-01",
    ];
    let err = fails(&leadline(&ws, &create));
    assert!(
        err.contains("assessment first"),
        "no plan without an assessment: {err}"
    );
    // IC leader targets delegating-work 4; Bo is at 2: the checklist must hold levels 3 and 4 of it.
    assess_builtin(
        &ws,
        dir.path(),
        "Bo",
        "manager",
        r#"{"delegating-work": 2}"#,
    );
    let err = fails(&leadline(
        &ws,
        &["plan", "create", "Bo", "--to", "ic-leader"],
    ));
    assert!(
        err.contains("Cy and Di") && err.contains("stay with Bo"),
        "a manager's reports need somewhere to go, or an explicit choice to stay: {err}"
    );
    let out = stdout(&leadline(&ws, &create));
    assert!(out.contains("created plan 1"), "{out}");
    let metrics: serde_json::Value =
        serde_json::from_str(&stdout(&leadline(&ws, &["metrics", "--json"]))).unwrap();
    assert_eq!(
        (metrics["managers"].as_u64(), metrics["ics"].as_u64()),
        (Some(1), Some(3)),
        "Ada manages Bo, Cy and Di"
    );
    let plan: serde_json::Value =
        serde_json::from_str(&stdout(&leadline(&ws, &["plan", "show", "1", "--json"]))).unwrap();
    let items = plan["items"].as_array().unwrap();
    let delegating: Vec<u64> = items
        .iter()
        .filter(|i| i["skill_key"] == "delegating-work")
        .map(|i| i["level"].as_u64().unwrap())
        .collect();
    assert!(
        delegating.contains(&3) && delegating.contains(&4),
        "{delegating:?}"
    );
    assert!(
        items
            .iter()
            .all(|i| i["skill_key"] == "delegating-work" || i["skill_key"] == ""),
        "only real gaps give items"
    );
    let first = items[0]["id"].as_i64().unwrap().to_string();
    stdout(&leadline(&ws, &["plan", "check", "1", &first]));
    let markdown = stdout(&leadline(&ws, &["plan", "show", "1", "--markdown"]));
    assert!(
        markdown.starts_with("# Transition plan: Bo → IC leader"),
        "{markdown}"
    );
    assert_eq!(markdown.matches("- [x]").count(), 1, "{markdown}");
}

/// Rated 1 on every skill, an IC-leader plan has far too many items for 90
/// days: it is refused with the choices, nothing is written, and
/// `--if-too-big longer` makes a longer plan in which no week has more than
/// four items due (counted here from the file, with plain SQL).
#[test]
fn a_plan_too_big_for_its_budget_is_refused_until_a_choice_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.leadline");
    let org = dir.path().join("org.csv");
    std::fs::write(&org, "id,name,manager id\n1,Ada,\n").unwrap();
    stdout(&leadline(&ws, &["import", org.to_str().unwrap()]));
    // Every skill of the built-in framework, read from its file.
    let builtin: serde_json::Value = serde_json::from_str(include_str!(
        "../src-tauri/core/src/skills/builtin/ai-native-ic-leader.json"
    ))
    .unwrap();
    let keys: Vec<&str> = builtin["areas"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["skills"].as_array().unwrap())
        .map(|s| s["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys.len(), 14);
    let ratings: Vec<String> = keys.iter().map(|k| format!("\"{k}\": 1")).collect();
    assess_builtin(
        &ws,
        dir.path(),
        "Ada",
        "self",
        &format!("{{{}}}", ratings.join(", ")),
    );
    let create = [
        "plan",
        "create",
        "Ada",
        "--to",
        "ic-leader",
        "--start",
        "2026-12-07",
    ];
    let err = fails(&leadline(&ws, &create));
    assert!(
        err.contains("does not fit")
            && err.contains("weeks take at most 48 items, 4 a week")
            && err.contains("days long"),
        "the refusal says why (12 weeks of at most four items) and offers a longer plan: {err}"
    );
    let plans = || -> i64 {
        let conn = rusqlite::Connection::open(&ws).unwrap();
        conn.query_row("SELECT count(*) FROM transition_plan", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(plans(), 0, "a refused plan writes nothing");

    let longer: Vec<&str> = create
        .iter()
        .copied()
        .chain(["--if-too-big", "longer"])
        .collect();
    let out = stdout(&leadline(&ws, &longer));
    assert!(out.contains("created plan 1"), "{out}");
    let conn = rusqlite::Connection::open(&ws).unwrap();
    let days: i64 = conn
        .query_row("SELECT length_days FROM transition_plan", [], |r| r.get(0))
        .unwrap();
    assert!(days > 90, "a longer plan: {days} days");
    let busiest: i64 = conn
        .query_row(
            "SELECT max(n) FROM (SELECT count(*) AS n FROM plan_item GROUP BY due_date)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(busiest <= 4, "at most four items due on one day: {busiest}");
}

/// Per-report destinations, an SDLC audit that feeds the plan, a later audit
/// compared with it, and the checkpoint decision — all from the command line.
#[test]
fn audits_feed_a_plan_and_a_later_audit_shows_what_improved() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.leadline");
    let org = dir.path().join("org.csv");
    std::fs::write(
        &org,
        "id,name,manager id,team,kind\n1,Ada,,Platform,human\n2,Bo,1,Platform,human\n3,Cy,2,Platform,human\n4,Di,2,Platform,human\n5,Review bot,1,Platform,agent\n",
    )
    .unwrap();
    stdout(&leadline(&ws, &["import", org.to_str().unwrap()]));
    assess_builtin(
        &ws,
        dir.path(),
        "Bo",
        "self",
        r#"{"bottleneck-hunting": 2}"#,
    );
    // Cy goes to Ada, Di to the top of the org.
    let out = stdout(&leadline(
        &ws,
        &[
            "plan",
            "create",
            "Bo",
            "--to",
            "ic-leader",
            "--move",
            "Cy=Ada",
            "--move",
            "Di=",
            "--start",
            "2026-12-01",
        ],
    ));
    assert!(out.contains("2 people moved"), "{out}");
    let people: serde_json::Value =
        serde_json::from_str(&stdout(&leadline(&ws, &["people", "list", "--json"]))).unwrap();
    let manager_of = |name: &str| {
        people
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap()["manager_name"]
            .clone()
    };
    assert_eq!(manager_of("Cy"), "Ada");
    assert_eq!(manager_of("Di"), serde_json::Value::Null);

    let err = fails(&leadline(
        &ws,
        &[
            "audit",
            "create",
            "--team",
            "Platform",
            "--stage",
            "deploys=3/1",
        ],
    ));
    assert!(err.contains("unknown stage \"deploys\""), "{err}");
    let err = fails(&leadline(
        &ws,
        &[
            "audit",
            "create",
            "--team",
            "Platform",
            "--stage",
            "planning=7/1",
        ],
    ));
    assert!(err.contains("0–4"), "{err}");

    let out = stdout(&leadline(
        &ws,
        &[
            "audit",
            "create",
            "--team",
            "Platform",
            "--on",
            "2026-12-02",
            "--stage",
            "code-review=4/0",
            "--stage",
            "planning=3/1",
            "--stage",
            "bug-fixing=1/3",
            "--owner",
            "code-review=Review bot",
            "--next",
            "code-review=Agent pre-review",
            "--plan",
            "1",
        ],
    ));
    assert!(out.contains("added 2 item(s) to plan 1"), "{out}");
    let plan: serde_json::Value =
        serde_json::from_str(&stdout(&leadline(&ws, &["plan", "show", "1", "--json"]))).unwrap();
    let fed: Vec<&str> = plan["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["source"] == "audit")
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        fed,
        [
            "Code review: try \"Agent pre-review\"",
            "Planning: find one change that removes the slowdown, and try it for two weeks"
        ]
    );

    stdout(&leadline(
        &ws,
        &[
            "audit",
            "create",
            "--team",
            "Platform",
            "--on",
            "2027-01-15",
            "--stage",
            "code-review=2/3",
            "--stage",
            "planning=3/1",
        ],
    ));
    let later: serde_json::Value =
        serde_json::from_str(&stdout(&leadline(&ws, &["audit", "show", "2", "--json"]))).unwrap();
    assert_eq!(later["previous"]["taken_on"], "2026-12-02");
    let review = later["stages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["stage"] == "code_review")
        .unwrap();
    assert_eq!(
        (
            review["slowdown"].as_u64(),
            review["previous_slowdown"].as_u64()
        ),
        (Some(2), Some(4))
    );
    let text = stdout(&leadline(&ws, &["audit", "show", "2"]));
    assert!(text.contains("(was 4)"), "{text}");
    let list = stdout(&leadline(&ws, &["audit", "list", "--team", "Platform"]));
    assert!(
        list.find("2027-01-15").unwrap() < list.find("2026-12-02").unwrap(),
        "newest first: {list}"
    );

    let err = fails(&leadline(
        &ws,
        &["plan", "checkpoint", "1", "--decision", "maybe"],
    ));
    assert!(err.contains("keep-going, adjust or go-back"), "{err}");
    stdout(&leadline(
        &ws,
        &[
            "plan",
            "checkpoint",
            "1",
            "--decision",
            "adjust",
            "--note",
            "More review time",
        ],
    ));
    let markdown = stdout(&leadline(&ws, &["plan", "show", "1", "--markdown"]));
    assert!(
        markdown.contains("## Checkpoint decision: Adjust\n\nMore review time"),
        "{markdown}"
    );
    let out = stdout(&leadline(&ws, &["plan", "delete", "1"]));
    assert!(out.contains("its structure change stays"), "{out}");
    let err = fails(&leadline(&ws, &["plan", "show", "1"]));
    assert!(err.contains("no transition plan with id 1"), "{err}");
}

#[test]
fn an_export_never_overwrites_the_workspace_and_replaces_a_file_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.leadline");
    let csv = dir.path().join("org.csv");
    std::fs::write(&csv, "id,name\n1,Ada\n").unwrap();
    stdout(&leadline(&ws, &["import", csv.to_str().unwrap()]));
    let before = stdout(&leadline(&ws, &["export", "--format", "csv"]));
    let err = fails(&leadline(
        &ws,
        &[
            "export",
            "--format",
            "csv",
            "--out",
            ws.to_str().unwrap(),
            "--force",
        ],
    ));
    assert!(err.contains("open workspace"), "{err}");
    assert_eq!(
        stdout(&leadline(&ws, &["export", "--format", "csv"])),
        before,
        "the workspace is intact"
    );

    let out = dir.path().join("people.csv");
    std::fs::write(&out, "keep me").unwrap();
    let err = fails(&leadline(
        &ws,
        &["export", "--format", "csv", "--out", out.to_str().unwrap()],
    ));
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    stdout(&leadline(
        &ws,
        &[
            "export",
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
            "--force",
        ],
    ));
    assert!(std::fs::read_to_string(&out).unwrap().contains("Ada"));
}

#[test]
fn an_import_that_would_remove_most_of_the_org_needs_yes() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.leadline");
    let full = dir.path().join("org.csv");
    std::fs::write(&full, "id,name\n1,Ada\n2,Bo\n3,Cy\n").unwrap();
    stdout(&leadline(&ws, &["import", full.to_str().unwrap()]));
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, "id,name\n").unwrap();
    let err = fails(&leadline(
        &ws,
        &["import", empty.to_str().unwrap(), "--remove-missing"],
    ));
    assert!(err.contains("3 of the 3") && err.contains("--yes"), "{err}");
    let people = stdout(&leadline(&ws, &["people", "list"]));
    assert!(people.contains("3 people"), "nothing removed: {people}");
    stdout(&leadline(
        &ws,
        &[
            "import",
            empty.to_str().unwrap(),
            "--remove-missing",
            "--yes",
        ],
    ));
    let people = stdout(&leadline(&ws, &["people", "list"]));
    assert!(people.contains("0 people"), "{people}");
}

#[test]
fn a_refused_import_into_a_new_workspace_leaves_no_file_behind() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("new.leadline");
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "id,name,manager id\n1,Ada,2\n2,Bo,1\n").unwrap();
    let out = leadline(&ws, &["import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3), "a refused import exits 3");
    assert!(!ws.exists(), "no workspace file for a refused import");
    let good = dir.path().join("good.csv");
    std::fs::write(&good, "id,name,manager id\n1,Ada,\n2,Bo,1\n").unwrap();
    stdout(&leadline(&ws, &["import", good.to_str().unwrap()]));
    let metrics = stdout(&leadline(&ws, &["metrics"]));
    assert!(metrics.contains("headcount            2"), "{metrics}");
}

#[test]
fn an_hr_export_with_user_names_in_its_email_column_imports_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.leadline");
    let csv = dir.path().join("employees.csv");
    std::fs::write(
        &csv,
        "EMPLOYEE_ID,FIRST_NAME,LAST_NAME,EMAIL,JOB_ID,MANAGER_ID\n100,Steven,King,SKING,AD_PRES,\n101,Neena,Kochhar,NKOCHHAR,AD_VP,100\n102,Lex,De Haan,LDEHAAN,AD_VP,100\n",
    )
    .unwrap();
    let check = leadline(&ws, &["import", csv.to_str().unwrap(), "--check"]);
    let shown = stdout(&check);
    assert!(
        shown.contains("\"EMAIL\"") && shown.contains("attribute \"EMAIL\""),
        "the check shows where each column goes: {shown}"
    );
    assert!(
        shown.contains("\"FIRST_NAME\"") && shown.contains("first_name"),
        "{shown}"
    );
    assert!(!ws.exists(), "a check writes nothing");
    let out = leadline(&ws, &["import", csv.to_str().unwrap()]);
    let warning = String::from_utf8_lossy(&out.stderr).into_owned();
    stdout(&out);
    assert!(
        warning.contains("warning") && warning.contains("SKING"),
        "{warning}"
    );
    let people: serde_json::Value =
        serde_json::from_str(&stdout(&leadline(&ws, &["people", "list", "--json"]))).unwrap();
    let king = people
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["ext_id"] == "100")
        .unwrap();
    assert_eq!(king["name"], "Steven King");
    assert_eq!(king["attributes"]["EMAIL"], "SKING");
}

#[test]
fn a_utf8_file_with_one_stray_byte_is_refused_naming_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.leadline");
    let csv = dir.path().join("org.csv");
    let mut bytes = "id,name\n1,García\n2,Bo".as_bytes().to_vec();
    bytes.push(0xE9);
    bytes.push(b'\n');
    std::fs::write(&csv, bytes).unwrap();
    let out = leadline(&ws, &["import", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 3") && err.contains("0xE9"), "{err}");
}

#[test]
fn a_move_that_would_close_a_cycle_is_refused_and_an_sqlite_uri_is_not_a_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.leadline");
    let csv = dir.path().join("org.csv");
    std::fs::write(&csv, "id,name,manager id\n1,Ada,\n2,Bo,1\n").unwrap();
    stdout(&leadline(&ws, &["import", csv.to_str().unwrap()]));
    let err = fails(&leadline(&ws, &["people", "move", "Ada", "--to", "Bo"]));
    assert!(
        err.contains("cycle") && err.contains("Ada") && err.contains("Bo"),
        "{err}"
    );
    let out = stdout(&leadline(&ws, &["people", "move", "Bo", "--top"]));
    assert!(out.contains("Bo now reports to nobody"), "{out}");

    let uri = Path::new("file:w2.leadline?mode=memory");
    let err = fails(&leadline(uri, &["import", csv.to_str().unwrap()]));
    assert!(err.contains("plain file path"), "{err}");
}
