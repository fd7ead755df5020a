//! End-to-end tests: the real app in a real window under Xvfb, driven through
//! tauri-driver and WebKitWebDriver. Run by `cargo xtask test`.
//!
//! Longer than ~600 lines on purpose: every file under tests/ is a binary of
//! its own that links the whole app (about a minute each on the CI machine),
//! so the window tests stay one binary; `harness` holds what they share.

mod first_plan;
mod harness;

use harness::Session;
use leadline_core::db::OpenMode;
use leadline_core::import::{import_apply, ImportOptions};
use leadline_core::Workspace;

/// A workspace file holding the org of `csv`, made through the core.
fn workspace_with(dir: &std::path::Path, csv: &str) -> std::path::PathBuf {
    let path = dir.join("team.leadline");
    let mut ws = Workspace::open(&path, OpenMode::CreateIfMissing).unwrap();
    import_apply(
        ws.conn_mut(),
        csv.as_bytes(),
        &ImportOptions::default(),
        &mut |_| {},
    )
    .unwrap();
    path
}

fn args_for(path: &std::path::Path) -> Vec<String> {
    vec!["--workspace".into(), path.display().to_string()]
}

/// Records, through the core, a manager assessment of one skill of the built-in framework.
fn assess_as_manager(path: &std::path::Path, person: &str, skill: &str, level: u8, on: &str) {
    use leadline_core::skills::assessment::{
        assessment_create, AssessmentInput, AssessorRole, RatingInput,
    };
    let ws = Workspace::open(path, OpenMode::MustExist).unwrap();
    let framework =
        leadline_core::skills::framework::framework_resolve(ws.conn(), "ai-native-ic-leader")
            .unwrap();
    let input = AssessmentInput {
        person_id: leadline_core::people::person_resolve(ws.conn(), person).unwrap(),
        framework_id: framework.id,
        assessor_role: AssessorRole::Manager,
        assessor_name: String::new(),
        assessed_on: on.into(),
        round: String::new(),
        note: String::new(),
        ratings: vec![RatingInput {
            skill_key: skill.into(),
            level,
            interest: None,
            note: String::new(),
        }],
    };
    assessment_create(ws.conn(), &input).unwrap();
}

async fn metric(session: &Session, name: &str, expected: &str) {
    let css = format!("[data-testid=\"metric-{name}\"] [data-value]");
    session.wait_text(&css, expected, |t| t == expected).await;
}

async fn open_dashboard(session: &Session) {
    session.click("[data-testid=\"nav-dashboard\"]").await;
    session.wait_for("[data-testid=\"dashboard\"]").await;
}

#[tokio::test]
async fn importing_a_csv_through_the_wizard_shows_the_ratio_on_the_dashboard() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.leadline");
    drop(Workspace::open(&empty, OpenMode::CreateIfMissing).unwrap());
    // Ada manages Bo and Cy; Bo manages Di, Eve and Fi: managers Ada and Bo, ICs
    // Cy, Di, Eve and Fi, so the IC:manager ratio is 4 / 2 = 2.00.
    let csv = dir.path().join("org.csv");
    std::fs::write(&csv, "Employee ID;Name;Job Title;Reports To\r\n1;Ada;CTO;\r\n2;Bo;EM;1\r\n3;Cy;Staff;1\r\n4;Di;SWE;2\r\n5;Eve;SWE;2\r\n6;Fi;SWE;2\r\n").unwrap();
    let session = Session::start("import-wizard", &args_for(&empty)).await;
    session.screenshot("empty-workspace").await;
    session.click("[data-testid=\"nav-import\"]").await;
    session.answer_dialog(&csv.display().to_string());
    session.click("[data-testid=\"import-pick\"]").await;
    session.wait_for("[data-testid=\"import-mapping\"]").await;
    session
        .wait_text("[data-testid=\"import-delimiter\"]", "the semicolon", |t| {
            t.contains(';') || t.to_lowercase().contains("semicolon")
        })
        .await;
    session.screenshot("mapping").await;
    session.click("[data-testid=\"import-next\"]").await;
    session.wait_for("[data-testid=\"import-ready\"]").await;
    session.click("[data-testid=\"import-apply\"]").await;
    session.wait_for("[data-testid=\"import-summary\"]").await;
    session
        .wait_text(
            "[data-testid=\"import-summary-added\"] [data-value]",
            "6 added",
            |t| t == "6",
        )
        .await;
    session.screenshot("summary").await;
    open_dashboard(&session).await;
    metric(&session, "headcount", "6").await;
    metric(&session, "ratio", "2.00").await;
    session.screenshot("dashboard").await;
    session.stop().await;
}

#[tokio::test]
async fn adding_a_person_and_moving_them_under_another_manager_changes_the_metrics() {
    let dir = tempfile::tempdir().unwrap();
    // Ada manages Bo and Cy: one manager, two ICs.
    let path = workspace_with(dir.path(), "id,name,manager id\n1,Ada,\n2,Bo,1\n3,Cy,1\n");
    let session = Session::start("add-and-move", &args_for(&path)).await;
    open_dashboard(&session).await;
    metric(&session, "managers", "1").await;
    metric(&session, "ratio", "2.00").await;

    // Dee joins without a manager: a fourth person, an IC at the top.
    session.click("[data-testid=\"nav-people\"]").await;
    session.click("[data-testid=\"person-add\"]").await;
    session
        .type_into("[data-testid=\"person-name\"]", "Dee")
        .await;
    session
        .type_into("[data-testid=\"person-title\"]", "Engineer")
        .await;
    session.screenshot("person-form").await;
    session.click("[data-testid=\"person-save\"]").await;
    session
        .wait_text("[data-testid=\"people-count\"]", "4 people", |t| t == "4")
        .await;
    open_dashboard(&session).await;
    metric(&session, "headcount", "4").await;
    metric(&session, "ratio", "3.00").await;

    // Dee moves under Bo: Bo becomes a manager; ICs are Cy and Dee.
    session.click("[data-testid=\"nav-people\"]").await;
    session
        .type_into("[data-testid=\"people-filter\"]", "Dee")
        .await;
    session
        .wait_text(
            "[data-testid=\"person-row\"] [data-testid=\"person-row-name\"]",
            "Dee",
            |t| t == "Dee",
        )
        .await;
    session.click("[data-testid=\"person-row\"]").await;
    session.click("[data-testid=\"person-move\"]").await;
    session
        .type_into("[data-testid=\"move-search-input\"]", "Bo")
        .await;
    session.click("[data-testid=\"move-search-result\"]").await;
    session.screenshot("move-dialog").await;
    session.click("[data-testid=\"move-confirm\"]").await;
    open_dashboard(&session).await;
    metric(&session, "managers", "2").await;
    metric(&session, "ratio", "1.00").await;
    session.screenshot("dashboard-after-move").await;

    // Bo's name leads to his page: Ada above him, Dee under him. Skills then
    // starts with Bo chosen, without searching for him again.
    let bo = {
        let ws = Workspace::open(&path, OpenMode::MustExist).unwrap();
        leadline_core::people::person_resolve(ws.conn(), "Bo").unwrap()
    };
    session.click("[data-testid=\"nav-people\"]").await;
    session
        .type_into("[data-testid=\"people-filter\"]", "Bo")
        .await;
    session
        .click(&format!(
            "[data-testid=\"person-row\"][data-person-id=\"{bo}\"] [data-testid=\"person-row-name\"]"
        ))
        .await;
    session
        .wait_for(&format!(
            "[data-testid=\"person-page\"][data-person-id=\"{bo}\"]"
        ))
        .await;
    session
        .wait_text("[data-testid=\"person-manager\"]", "Ada", |t| t == "Ada")
        .await;
    session
        .wait_text("[data-testid=\"person-report\"]", "Dee", |t| {
            t.starts_with("Dee")
        })
        .await;
    session.screenshot("person-page").await;
    session.click("[data-testid=\"nav-skills\"]").await;
    assert_eq!(
        session
            .attr(
                "[data-testid=\"skills-person\"][data-person-id]",
                "data-person-id"
            )
            .await,
        Some(bo.to_string()),
        "Skills starts with the person whose page was open"
    );
    session.stop().await;
}

#[tokio::test]
async fn an_invalid_csv_lists_its_problems_and_leaves_the_data_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_with(dir.path(), "id,name,manager id\n1,Ada,\n2,Bo,1\n");
    let csv = dir.path().join("bad.csv");
    // Line 2 and 3 form a cycle; line 4 names a manager that does not exist.
    std::fs::write(
        &csv,
        "id,name,manager id\n10,Xia,11\n11,Yuri,10\n12,Zed,99\n",
    )
    .unwrap();
    let session = Session::start("invalid-import", &args_for(&path)).await;
    session.click("[data-testid=\"nav-import\"]").await;
    session.answer_dialog(&csv.display().to_string());
    session.click("[data-testid=\"import-pick\"]").await;
    session.wait_for("[data-testid=\"import-mapping\"]").await;
    session.click("[data-testid=\"import-next\"]").await;
    session.wait_for("[data-testid=\"import-blocked\"]").await;
    let problems = session.count("[data-testid=\"import-problem\"]").await;
    assert_eq!(problems, 2, "one cycle and one unknown manager");
    let text = session.text("[data-testid=\"import-problems\"]").await;
    assert!(
        text.contains("Xia") && text.contains("Yuri") && text.contains("99"),
        "problems should name people and the id: {text}"
    );
    session.screenshot("problems").await;
    open_dashboard(&session).await;
    metric(&session, "headcount", "2").await;
    session.stop().await;
    let ws = Workspace::open(&path, OpenMode::MustExist).unwrap();
    let people = leadline_core::people::person_all(ws.conn()).unwrap();
    assert_eq!(people.len(), 2, "the workspace file must be unchanged");
}

#[tokio::test]
async fn a_file_with_a_cycle_is_repaired_from_the_banner_and_an_hr_export_imports_with_its_warning()
{
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_with(
        dir.path(),
        "id,name,manager id\n1,Root,\n2,Ana,1\n3,Bo,2\n4,Cy,3\n",
    );
    // Another tool closes Ana → Bo → Cy → Ana in the file.
    {
        let ws = Workspace::open(&path, OpenMode::MustExist).unwrap();
        ws.conn()
            .execute_batch(
                "UPDATE person SET manager_id = (SELECT id FROM person WHERE ext_id = '4') WHERE ext_id = '2'",
            )
            .unwrap();
    }
    let session = Session::start("cycle-repair", &args_for(&path)).await;
    let message = session
        .wait_text("[data-testid=\"cycle-message\"]", "the cycle", |t| {
            t.contains("cycle")
        })
        .await;
    for name in ["Ana", "Bo", "Cy"] {
        assert!(message.contains(name), "the banner names {name}: {message}");
    }
    session.screenshot("cycle-banner").await;
    session.click("[data-testid=\"cycle-repair\"]").await;
    let started = std::time::Instant::now();
    while session.count("[data-testid=\"cycle-banner\"]").await > 0 {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "the banner goes once the file is repaired"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    open_dashboard(&session).await;
    metric(&session, "headcount", "4").await;
    session.screenshot("repaired-dashboard").await;

    // An HR schema that keeps user names in its email column, imported with
    // "remove people not in the file": it replaces all four people, so the
    // wizard asks for the number to be typed before it writes.
    let csv = dir.path().join("employees.csv");
    std::fs::write(
        &csv,
        "EMPLOYEE_ID,FIRST_NAME,LAST_NAME,EMAIL,MANAGER_ID\n100,Steven,King,SKING,\n101,Neena,Kochhar,NKOCHHAR,100\n102,Lex,De Haan,LDEHAAN,100\n",
    )
    .unwrap();
    session.click("[data-testid=\"nav-import\"]").await;
    session.answer_dialog(&csv.display().to_string());
    session.click("[data-testid=\"import-pick\"]").await;
    session.wait_for("[data-testid=\"import-mapping\"]").await;
    session
        .click("[data-testid=\"import-remove-missing\"]")
        .await;
    session.click("[data-testid=\"import-next\"]").await;
    let warning = session
        .wait_text(
            "[data-testid=\"import-warnings\"]",
            "the email warning",
            |t| t.contains("SKING"),
        )
        .await;
    assert!(warning.contains("EMAIL"), "{warning}");
    session
        .wait_text("[data-testid=\"import-removal-message\"]", "4 of 4", |t| {
            t.contains("4 of 4")
        })
        .await;
    assert!(
        session
            .attr("[data-testid=\"import-apply\"]", "disabled")
            .await
            .is_some(),
        "nothing is removed before the number is typed"
    );
    session.screenshot("import-warning-and-confirmation").await;
    session
        .type_into("[data-testid=\"import-removal-typed\"]", "4")
        .await;
    session.click("[data-testid=\"import-apply\"]").await;
    session
        .wait_text(
            "[data-testid=\"import-summary-removed\"] [data-value]",
            "4 removed",
            |t| t == "4",
        )
        .await;
    open_dashboard(&session).await;
    metric(&session, "headcount", "3").await;
    session.stop().await;
    let ws = Workspace::open(&path, OpenMode::MustExist).unwrap();
    let names: Vec<String> = leadline_core::people::person_all(ws.conn())
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Lex De Haan", "Neena Kochhar", "Steven King"]);
}

#[tokio::test]
async fn the_demo_org_shows_every_screen() {
    let session = Session::start("demo", &["--demo".into()]).await;
    open_dashboard(&session).await;
    metric(&session, "headcount", "150").await;
    session.screenshot("dashboard").await;
    session.click("[data-testid=\"nav-org\"]").await;
    session.wait_for("[data-testid=\"org-node\"]").await;
    session.screenshot("org-chart").await;
    session.click("[data-testid=\"org-view-outline\"]").await;
    session.wait_for("[data-testid=\"outline-item\"]").await;
    session.screenshot("org-outline").await;
    session.click("[data-testid=\"nav-people\"]").await;
    session.wait_for("[data-testid=\"person-row\"]").await;
    session.screenshot("people").await;

    // The demo seeds assessments for 40 people at the top of the org: the root's
    // subtree heatmap has rated rows.
    session.click("[data-testid=\"nav-skills\"]").await;
    session.click("[data-testid=\"skills-tab-team\"]").await;
    // The demo org is generated; its first row is the root.
    let csv = leadline_core::demo::synthetic_org_csv(150, 2024);
    let root = csv
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .nth(1)
        .unwrap()
        .to_string();
    session.pick("heatmap-person-search", &root).await;
    session.wait_for("[data-testid=\"heatmap-cell\"][data-value=\"1\"], [data-testid=\"heatmap-cell\"][data-value=\"2\"], [data-testid=\"heatmap-cell\"][data-value=\"3\"]").await;
    session.screenshot("skills-heatmap").await;
    session
        .click("[data-testid=\"skills-tab-frameworks\"]")
        .await;
    session.wait_for("[data-testid=\"framework-row\"]").await;
    session.screenshot("skills-frameworks").await;
    session.stop().await;
}

/// Rates one skill in the open assessment form.
async fn rate(session: &Session, skill: &str, level: u8) {
    let row = format!("[data-testid=\"assess-skill\"][data-skill-key=\"{skill}\"]");
    session
        .click(&format!(
            "{row} [data-testid=\"assess-level\"][data-level=\"{level}\"]"
        ))
        .await;
    assert_eq!(
        session.attr(&row, "data-level").await.as_deref(),
        Some(level.to_string().as_str()),
        "{skill} should be rated {level}"
    );
}

#[tokio::test]
async fn self_and_manager_assessments_compare_side_by_side_and_show_gaps_on_a_radar() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_with(
        dir.path(),
        "id,name,title\n1,Ada Lovelace,Engineering Manager\n",
    );
    let session = Session::start("skills", &args_for(&path)).await;
    session.click("[data-testid=\"nav-skills\"]").await;
    session.pick("skills-person-search", "Ada").await;
    session.wait_for("[data-testid=\"assess-form\"]").await;

    // Ada rates herself first, then her manager rates her, blind, in the same round.
    session
        .select("[data-testid=\"assess-role\"]", "self")
        .await;
    session
        .type_into("[data-testid=\"assess-round\"]", "2026-H2")
        .await;
    rate(&session, "delegating-work", 2).await;
    rate(&session, "systems-thinking", 3).await;
    session.screenshot("assess-self").await;
    session.click("[data-testid=\"assess-save\"]").await;
    session.wait_for("[data-testid=\"assess-saved\"]").await;
    // The emptied form says what was saved and offers the gaps next.
    session
        .wait_for("[data-testid=\"assess-saved-card\"] [data-testid=\"assess-see-gaps\"]")
        .await;
    session.screenshot("assess-saved").await;

    session.click("[data-testid=\"person-tab-assess\"]").await;
    session
        .select("[data-testid=\"assess-role\"]", "manager")
        .await;
    session
        .type_into("[data-testid=\"assess-round\"]", "2026-H2")
        .await;
    rate(&session, "delegating-work", 1).await;
    rate(&session, "systems-thinking", 3).await;
    session.click("[data-testid=\"assess-save\"]").await;

    // Side by side: delegating differs by manager − self = −1; systems thinking agrees.
    session.wait_for("[data-testid=\"compare-table\"]").await;
    let row = "[data-testid=\"compare-row\"][data-skill-key=\"delegating-work\"]";
    assert_eq!(
        session
            .attr(
                &format!("{row} [data-testid=\"compare-self\"]"),
                "data-value"
            )
            .await
            .as_deref(),
        Some("2")
    );
    assert_eq!(
        session
            .attr(
                &format!("{row} [data-testid=\"compare-manager\"]"),
                "data-value"
            )
            .await
            .as_deref(),
        Some("1")
    );
    assert_eq!(
        session
            .attr(
                &format!("{row} [data-testid=\"compare-diff\"]"),
                "data-value"
            )
            .await
            .as_deref(),
        Some("-1")
    );
    let same = "[data-testid=\"compare-row\"][data-skill-key=\"systems-thinking\"] [data-testid=\"compare-diff\"]";
    assert_eq!(session.attr(same, "data-value").await.as_deref(), Some("0"));
    session.screenshot("compare").await;

    // Against the built-in IC leader profile (delegating 4, systems thinking 3), the
    // manager's 1 leaves a gap of 3 in delegating and none in systems thinking.
    session.click("[data-testid=\"person-tab-gaps\"]").await;
    session.wait_for("[data-testid=\"radar-chart\"]").await;
    session.wait_for("[data-testid=\"gap-item\"]").await;
    assert_eq!(
        session.count("[data-testid=\"gap-item\"]").await,
        1,
        "only delegating is below target"
    );
    assert_eq!(
        session
            .attr("[data-testid=\"gap-item\"]", "data-skill-key")
            .await
            .as_deref(),
        Some("delegating-work")
    );
    assert_eq!(
        session
            .attr("[data-testid=\"gap-item\"]", "data-gap")
            .await
            .as_deref(),
        Some("3")
    );
    let value =
        "[data-testid=\"gap-row\"][data-skill-key=\"delegating-work\"] [data-testid=\"gap-value\"]";
    assert_eq!(
        session.attr(value, "data-value").await.as_deref(),
        Some("3"),
        "the table shows the radar's numbers"
    );
    session.screenshot("gaps").await;
    session.stop().await;
}

#[tokio::test]
async fn a_transition_reassigns_reports_shows_the_ratio_change_and_builds_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    // Ada manages Bo; Bo manages Cy and Di: managers Ada and Bo, ICs Cy and Di, ratio 1.00.
    // When Bo becomes an IC leader and Cy and Di go to Ada: one manager, three ICs, ratio 3.00.
    let path = workspace_with(
        dir.path(),
        "id,name,manager id\n1,Ada,\n2,Bo,1\n3,Cy,2\n4,Di,2\n",
    );
    assess_as_manager(&path, "Bo", "delegating-work", 2, "2026-11-01");
    let session = Session::start("transition", &args_for(&path)).await;
    session.click("[data-testid=\"nav-transition\"]").await;
    session.click("[data-testid=\"transition-start\"]").await;
    session.pick("wizard-person-search", "Bo").await;
    session.wait_for("[data-testid=\"wizard-person\"]").await;
    session.click("[data-testid=\"wizard-next\"]").await;
    session
        .wait_for("[data-testid=\"wizard-reports-all\"]")
        .await;
    session
        .wait_text(
            "[data-testid=\"impact-before\"] [data-testid=\"impact-ratio\"] [data-value]",
            "1.00",
            |t| t == "1.00",
        )
        .await;
    session
        .wait_text(
            "[data-testid=\"impact-after\"] [data-testid=\"impact-ratio\"] [data-value]",
            "3.00",
            |t| t == "3.00",
        )
        .await;
    session.screenshot("impact").await;
    let ws = Workspace::open(&path, OpenMode::MustExist).unwrap();
    let cy = leadline_core::people::person_resolve(ws.conn(), "Cy").unwrap();
    let bo = leadline_core::people::person_resolve(ws.conn(), "Bo").unwrap();
    let di = leadline_core::people::person_resolve(ws.conn(), "Di").unwrap();
    // One by one: Cy to Ada (Bo's manager, offered first), Di to the top of
    // the org. Ada then manages Bo and Cy; Bo, Cy and Di are ICs: still 3.00.
    session.click("[data-testid=\"wizard-reports-each\"]").await;
    session
        .select(
            &format!("[data-testid=\"wizard-report-row\"][data-person-id=\"{di}\"] [data-testid=\"wizard-report-select\"]"),
            "top",
        )
        .await;
    session.screenshot("reports-each").await;
    assert_eq!(
        leadline_core::people::person_get(ws.conn(), cy)
            .unwrap()
            .manager_id,
        Some(bo),
        "a preview writes nothing"
    );
    session.click("[data-testid=\"wizard-next\"]").await;
    // Create plan waits for the plan's preview (and a choice when it does not fit).
    session
        .click("[data-testid=\"wizard-create\"]:not([disabled])")
        .await;
    session.wait_for("[data-testid=\"plan-page\"]").await;
    session.screenshot("plan").await;
    assert_eq!(
        leadline_core::people::person_get(ws.conn(), cy)
            .unwrap()
            .manager_id,
        Some(leadline_core::people::person_resolve(ws.conn(), "Ada").unwrap()),
        "Cy now reports to Ada"
    );
    assert_eq!(
        leadline_core::people::person_get(ws.conn(), di)
            .unwrap()
            .manager_id,
        None,
        "Di is at the top of the org, as chosen"
    );
    session.click("[data-testid=\"plan-item-check\"]").await;
    session
        .wait_for("[data-testid=\"plan-item\"][data-done=\"true\"]")
        .await;
    // The Markdown goes through the save dialog: it suggests the person's
    // name, and the answer keeps that name in the folder chosen.
    let notes = dir.path().join("notes");
    std::fs::create_dir_all(&notes).unwrap();
    session.answer_dialog(&format!("{}/", notes.display()));
    session.click("[data-testid=\"plan-export-write\"]").await;
    session
        .wait_for("[data-testid=\"plan-export-toast\"]")
        .await;
    let asked = session.dialogs_asked().pop().expect("a save dialog opened");
    assert_eq!(asked["file_name"], "Bo transition plan.md", "{asked}");
    let out = notes.join("Bo transition plan.md");
    let markdown = std::fs::read_to_string(&out).unwrap();
    assert!(
        markdown.contains("- [x]") && markdown.contains("Day-90 checkpoint"),
        "{markdown}"
    );
    // The next save dialog opens in that folder; cancelling it writes nothing.
    session.answer_dialog("");
    session.click("[data-testid=\"plan-export-write\"]").await;
    let waited = std::time::Instant::now();
    let asked = loop {
        let asked = session.dialogs_asked();
        if asked.len() == 2 || waited.elapsed() > std::time::Duration::from_secs(20) {
            break asked;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert_eq!(asked.len(), 2, "a second dialog opened: {asked:?}");
    assert_eq!(asked[1]["directory"], notes.display().to_string());
    assert_eq!(std::fs::read_dir(&notes).unwrap().count(), 1);

    // Copy Markdown: the host puts the plan on the system clipboard and the
    // window shows what it copied; a paste into the window gives it back.
    session.click("[data-testid=\"plan-markdown-copy\"]").await;
    session
        .wait_text(
            "[data-testid=\"plan-markdown-status\"]",
            "the copy confirmed",
            |t| t == "Copied to the clipboard.",
        )
        .await;
    let shown = session.text("[data-testid=\"plan-markdown-text\"]").await;
    assert!(shown.starts_with("# Transition plan: Bo"), "{shown}");
    session.screenshot("markdown-copied").await;
    session.click("[data-testid=\"plan-markdown-close\"]").await;
    session
        .click("[data-testid=\"plan-checkpoint-note\"]")
        .await;
    let note = session
        .wait_for("[data-testid=\"plan-checkpoint-note\"]")
        .await;
    note.send_keys(&(fantoccini::key::Key::Control + "v"))
        .await
        .unwrap();
    let pasted = note.prop("value").await.unwrap().unwrap_or_default();
    assert!(
        pasted.starts_with("# Transition plan: Bo") && pasted.contains("- [x]"),
        "the clipboard holds the plan's Markdown: {pasted:?}"
    );
    session.stop().await;
}

/// Clicks the radio for `value` of one scale ("audit-slowdown" or "audit-ai-use") of a stage.
async fn rate_stage(session: &Session, stage: &str, scale: &str, value: u8) {
    session
        .click(&format!(
            "[data-testid=\"audit-stage\"][data-stage=\"{stage}\"] [data-testid=\"{scale}\"][data-value=\"{value}\"]"
        ))
        .await;
}

#[tokio::test]
async fn an_audit_feeds_the_plan_a_later_audit_shows_what_improved_and_the_plan_shows_closed_gaps()
{
    use leadline_core::transition::plan::{plan_create, plan_get, CheckpointDecision, PlanInput};
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_with(dir.path(), "id,name,manager id\n1,Ada,\n2,Bo,1\n");
    // IC leader targets delegating-work 4; Bo is rated 2: a gap of 2, closed by a rating of 4.
    assess_as_manager(&path, "Bo", "delegating-work", 2, "2026-11-01");
    let plan_id = {
        let mut ws = Workspace::open(&path, OpenMode::MustExist).unwrap();
        let bo = leadline_core::people::person_resolve(ws.conn(), "Bo").unwrap();
        let profile =
            leadline_core::skills::framework::profile_resolve(ws.conn(), "ic-leader").unwrap();
        let input = PlanInput {
            person_id: bo,
            profile_id: profile.id,
            start_date: "2026-12-01".into(),
            moves: vec![],
            direction: None,
            reports_stay: false,
            pace: None,
        };
        let templates = leadline_core::transition::shipped_templates();
        plan_create(&mut ws, &input, templates, "2026-11-22")
            .unwrap()
            .id
    };
    let session = Session::start("audit", &args_for(&path)).await;
    session.click("[data-testid=\"nav-audit\"]").await;
    session.click("[data-testid=\"audit-scope-person\"]").await;
    session.pick("audit-person-search", "Bo").await;
    session.wait_for("[data-testid=\"audit-person\"]").await;
    session.click("[data-testid=\"audit-new\"]").await;
    session.wait_for("[data-testid=\"audit-form\"]").await;
    session
        .set_value("[data-testid=\"audit-date\"]", "2026-12-02")
        .await;
    rate_stage(&session, "code_review", "audit-slowdown", 4).await;
    rate_stage(&session, "code_review", "audit-ai-use", 0).await;
    session
        .type_into(
            "[data-testid=\"audit-stage\"][data-stage=\"code_review\"] [data-testid=\"audit-next-change\"]",
            "Agent pre-review",
        )
        .await;
    rate_stage(&session, "planning", "audit-slowdown", 3).await;
    rate_stage(&session, "planning", "audit-ai-use", 1).await;
    rate_stage(&session, "strategy", "audit-slowdown", 1).await;
    rate_stage(&session, "strategy", "audit-ai-use", 0).await;
    session.screenshot("form").await;
    session.click("[data-testid=\"audit-save\"]").await;
    session.wait_for("[data-testid=\"audit-view\"]").await;
    // By hand: code review (4) is the worst, planning (3) next; strategy (1) is no bottleneck.
    assert_eq!(
        session
            .attr(
                "[data-testid=\"audit-worst-item\"][data-rank=\"1\"]",
                "data-stage"
            )
            .await
            .as_deref(),
        Some("code_review")
    );
    assert_eq!(session.count("[data-testid=\"audit-worst-item\"]").await, 2);
    session.click("[data-testid=\"audit-plan-add\"]").await;
    session
        .wait_for("[data-testid=\"audit-plan-result\"][data-added=\"2\"]")
        .await;
    session.screenshot("first-audit").await;

    // A later audit starts from the first one; code review improved from 4 to 2.
    session.click("[data-testid=\"audit-new\"]").await;
    session
        .wait_for("[data-testid=\"audit-form-prefilled\"]")
        .await;
    session
        .set_value("[data-testid=\"audit-date\"]", "2027-01-15")
        .await;
    rate_stage(&session, "code_review", "audit-slowdown", 2).await;
    session.click("[data-testid=\"audit-save\"]").await;
    session
        .wait_for("[data-testid=\"audit-view\"][data-date=\"2027-01-15\"]")
        .await;
    let change = "[data-testid=\"audit-stage-row\"][data-stage=\"code_review\"] [data-testid=\"audit-slowdown-change\"]";
    assert_eq!(
        session.attr(change, "data-direction").await.as_deref(),
        Some("better")
    );
    assert_eq!(
        session.attr(change, "data-value").await.as_deref(),
        Some("4")
    );
    session.screenshot("later-audit").await;

    // The re-assessment closes the gap; the plan page shows it, and the checkpoint decision.
    assess_as_manager(&path, "Bo", "delegating-work", 4, "2027-02-01");
    session.click("[data-testid=\"nav-transition\"]").await;
    session.pick("transition-person-search", "Bo").await;
    session.click("[data-testid=\"transition-plan-row\"]").await;
    session.wait_for("[data-testid=\"plan-page\"]").await;
    assert_eq!(
        session
            .count("[data-testid=\"plan-item\"][data-source=\"audit\"]")
            .await,
        2,
        "the two worst bottlenecks are in the plan"
    );
    session
        .wait_for(
            "[data-testid=\"plan-gap-row\"][data-skill-key=\"delegating-work\"][data-status=\"closed\"]",
        )
        .await;
    session
        .click("[data-testid=\"plan-checkpoint-choice\"][value=\"adjust\"]")
        .await;
    session
        .type_into(
            "[data-testid=\"plan-checkpoint-note\"]",
            "More time for reviews",
        )
        .await;
    session
        .click("[data-testid=\"plan-checkpoint-save\"]")
        .await;
    session
        .wait_for("[data-testid=\"plan-checkpoint-toast\"]")
        .await;
    session.screenshot("plan-with-audit-items").await;
    let ws = Workspace::open(&path, OpenMode::MustExist).unwrap();
    let plan = plan_get(ws.conn(), plan_id, "2027-02-02").unwrap();
    assert_eq!(plan.checkpoint_decision, Some(CheckpointDecision::Adjust));
    assert_eq!(plan.checkpoint_note, "More time for reviews");
    session.stop().await;
}

#[tokio::test]
async fn an_edited_practice_template_is_saved_for_the_next_plans() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_with(dir.path(), "id,name,manager id\n1,Ada,\n");
    let session = Session::start("templates", &args_for(&path)).await;
    session.click("[data-testid=\"nav-skills\"]").await;
    session
        .click("[data-testid=\"skills-tab-templates\"]")
        .await;
    session
        .click("[data-testid=\"templates-skill\"][data-skill-key=\"coaching\"]")
        .await;
    let level = "[data-testid=\"templates-level\"][data-level=\"3\"]";
    session
        .click(&format!("{level} [data-testid=\"templates-edit\"]"))
        .await;
    session
        .type_into(
            &format!("{level} [data-testid=\"templates-item-title-input\"]"),
            "Pair with one engineer every week",
        )
        .await;
    session
        .click(&format!("{level} [data-testid=\"templates-save\"]"))
        .await;
    session
        .wait_for("[data-testid=\"templates-saved-toast\"]")
        .await;
    session
        .wait_for("[data-testid=\"templates-level\"][data-level=\"3\"][data-edited=\"true\"]")
        .await;
    session.screenshot("edited").await;
    let ws = Workspace::open(&path, OpenMode::MustExist).unwrap();
    let effective = leadline_core::transition::library::templates_effective(
        ws.conn(),
        leadline_core::transition::shipped_templates(),
    )
    .unwrap();
    assert_eq!(
        effective.skills["coaching"]["3"][0].title,
        "Pair with one engineer every week"
    );
    session.stop().await;
}

/// The pendulum the other way: Bo, an IC under Ada, moves back to managing and
/// Cy comes to report to him. Before: Ada manages Bo and Cy (1 manager, 2 ICs,
/// ratio 2.00); after: Ada manages Bo, Bo manages Cy (2 managers, 1 IC, 0.50).
#[tokio::test]
async fn a_move_back_to_managing_brings_a_report_under_the_person() {
    let dir = tempfile::tempdir().unwrap();
    let path = workspace_with(dir.path(), "id,name,manager id\n1,Ada,\n2,Bo,1\n3,Cy,1\n");
    assess_as_manager(&path, "Bo", "coaching", 2, "2026-11-01");
    let session = Session::start("back-to-managing", &args_for(&path)).await;
    // A profile of the user's own says its direction: "Team lead" (no
    // "manager" in its name) is chosen as a move into managing.
    session.click("[data-testid=\"nav-skills\"]").await;
    session
        .click("[data-testid=\"skills-tab-frameworks\"]")
        .await;
    session
        .click("[data-testid=\"framework-row\"][data-key=\"ai-native-ic-leader\"] [data-testid=\"framework-open\"]")
        .await;
    session.click("[data-testid=\"profile-new\"]").await;
    session
        .type_into("[data-testid=\"profile-name\"]", "Team lead")
        .await;
    session
        .click("[data-testid=\"profile-direction-to-manager\"]")
        .await;
    session.screenshot("profile-direction").await;
    session.click("[data-testid=\"profile-save\"]").await;
    session
        .wait_for("[data-testid=\"profile-saved-toast\"]")
        .await;
    let manager_profile = {
        let ws = Workspace::open(&path, OpenMode::MustExist).unwrap();
        let profile =
            leadline_core::skills::framework::profile_resolve(ws.conn(), "team-lead").unwrap();
        assert_eq!(
            profile.direction,
            leadline_core::skills::framework::Direction::ToManager
        );
        profile.id
    };
    session.click("[data-testid=\"nav-transition\"]").await;
    session.click("[data-testid=\"transition-start\"]").await;
    session.pick("wizard-person-search", "Bo").await;
    session.wait_for("[data-testid=\"wizard-person\"]").await;
    session
        .select(
            "[data-testid=\"wizard-profile\"]",
            &manager_profile.to_string(),
        )
        .await;
    session
        .wait_for("[data-testid=\"wizard-direction\"][data-direction=\"to_manager\"]")
        .await;
    session.click("[data-testid=\"wizard-next\"]").await;
    session.pick("wizard-new-report-search", "Cy").await;
    session
        .wait_for("[data-testid=\"wizard-new-report\"]")
        .await;
    session
        .wait_text(
            "[data-testid=\"impact-after\"] [data-testid=\"impact-ratio\"] [data-value]",
            "0.50",
            |t| t == "0.50",
        )
        .await;
    session.screenshot("impact").await;
    session.click("[data-testid=\"wizard-next\"]").await;
    // Create plan waits for the plan's preview (and a choice when it does not fit).
    session
        .click("[data-testid=\"wizard-create\"]:not([disabled])")
        .await;
    session.wait_for("[data-testid=\"plan-page\"]").await;
    session.screenshot("plan").await;
    let ws = Workspace::open(&path, OpenMode::MustExist).unwrap();
    let cy = leadline_core::people::person_resolve(ws.conn(), "Cy").unwrap();
    let bo = leadline_core::people::person_resolve(ws.conn(), "Bo").unwrap();
    assert_eq!(
        leadline_core::people::person_get(ws.conn(), cy)
            .unwrap()
            .manager_id,
        Some(bo),
        "Cy now reports to Bo"
    );
    let plans = leadline_core::transition::plan::plan_list(ws.conn(), bo, "2026-11-22").unwrap();
    assert_eq!(
        plans[0].direction,
        leadline_core::transition::plan::Direction::ToManager
    );
    session.stop().await;
}
