//! The quality bar of issue 10, as a new user walks it: from an empty
//! workspace, a manager adds themselves, a peer and six reports, rates their
//! own skills, sees the gaps, starts a move to IC leader handing three
//! reports to the top of the org and three to the peer, gets a plan whose
//! weekly practice stays within the budget, filters its overdue items and
//! exports it through the save dialog.

use leadline_core::db::OpenMode;
use leadline_core::Workspace;

use crate::harness::Session;

/// Adds a person through the Add person dialog, under `manager` when given.
async fn add_person(session: &Session, name: &str, title: &str, role: &str, manager: Option<&str>) {
    session.click("[data-testid=\"person-add\"]").await;
    session
        .type_into("[data-testid=\"person-name\"]", name)
        .await;
    session
        .type_into("[data-testid=\"person-title\"]", title)
        .await;
    session.select("[data-testid=\"person-role\"]", role).await;
    if let Some(manager) = manager {
        session.pick("person-manager-search", manager).await;
        session
            .wait_text("[data-testid=\"person-manager-current\"]", manager, |t| {
                t.contains(manager)
            })
            .await;
    }
    session.click("[data-testid=\"person-save\"]").await;
    session.wait_gone("[data-testid=\"person-form\"]").await;
}

/// The self-assessment of a manager becoming an IC leader with gaps on 8
/// skills (the "typical" case of the core's pacing tests): the built-in
/// skills in the framework's order and the level given to each.
const SELF_RATINGS: [(&str, u8); 14] = [
    ("delegating-work", 3),
    ("decomposing-work", 3),
    ("refining-from-output", 3),
    ("giving-instructions", 3),
    ("giving-feedback", 3),
    ("explaining-without-assumptions", 4),
    ("systems-thinking", 2),
    ("bottleneck-hunting", 4),
    ("end-to-end-ownership", 3),
    ("technical-judgment", 2),
    ("agent-workflows", 4),
    ("coaching", 2),
    ("building-trust", 3),
    ("patience-and-perseverance", 4),
];

#[tokio::test]
async fn from_an_empty_workspace_a_manager_plans_their_own_move_within_their_week() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("me.leadline");
    drop(Workspace::open(&path, OpenMode::CreateIfMissing).unwrap());
    let session = Session::start("first-plan", &crate::args_for(&path)).await;

    // Nobody yet: the People screen offers to add someone.
    session.wait_for("[data-testid=\"people-empty\"]").await;
    add_person(
        &session,
        "Mara Quinn",
        "Engineering Manager",
        "manager",
        None,
    )
    .await;
    add_person(
        &session,
        "Priya Natarajan",
        "Engineering Manager",
        "manager",
        None,
    )
    .await;
    for name in ["Ren", "Sol", "Tao", "Uma", "Vik", "Wen"] {
        add_person(
            &session,
            &format!("{name} Okafor"),
            "Engineer",
            "ic",
            Some("Mara Quinn"),
        )
        .await;
    }
    session
        .wait_text("[data-testid=\"people-count\"]", "8 people", |t| t == "8")
        .await;
    session.screenshot("people").await;

    // Mara rates herself on every skill, then goes on to her gaps.
    session.click("[data-testid=\"nav-skills\"]").await;
    session.pick("skills-person-search", "Mara").await;
    session.wait_for("[data-testid=\"assess-form\"]").await;
    session
        .select("[data-testid=\"assess-role\"]", "self")
        .await;
    for (skill, level) in SELF_RATINGS {
        crate::rate(&session, skill, level).await;
    }
    session.click("[data-testid=\"assess-save\"]").await;
    session.click("[data-testid=\"assess-see-gaps\"]").await;
    session.wait_for("[data-testid=\"gap-item\"]").await;
    // The IC leader targets, independently of the app: the built-in framework's JSON.
    let builtin: serde_json::Value = serde_json::from_str(include_str!(
        "../../src-tauri/core/src/skills/builtin/ai-native-ic-leader.json"
    ))
    .unwrap();
    let targets = builtin["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["key"] == "ic-leader")
        .unwrap()["targets"]
        .clone();
    let gaps = SELF_RATINGS
        .iter()
        .filter(|(skill, level)| targets[*skill].as_u64().unwrap_or(0) > u64::from(*level))
        .count();
    assert_eq!(gaps, 8, "the ratings leave gaps on 8 skills");
    assert_eq!(session.count("[data-testid=\"gap-item\"]").await, gaps);
    session.screenshot("gaps").await;

    // The move: three reports to the top of the org, three to Priya, offered
    // as her peer at the top. It started three weeks ago.
    session.click("[data-testid=\"nav-transition\"]").await;
    session.click("[data-testid=\"transition-start\"]").await;
    session.pick("wizard-person-search", "Mara").await;
    session.wait_for("[data-testid=\"wizard-person\"]").await;
    let start = (chrono::Local::now().date_naive() - chrono::Days::new(21))
        .format("%Y-%m-%d")
        .to_string();
    session
        .set_value("[data-testid=\"wizard-start-date\"]", &start)
        .await;
    session.click("[data-testid=\"wizard-next\"]").await;
    session.click("[data-testid=\"wizard-reports-each\"]").await;
    let ws = Workspace::open(&path, OpenMode::MustExist).unwrap();
    let id = |name: &str| leadline_core::people::person_resolve(ws.conn(), name).unwrap();
    let priya = id("Priya Natarajan");
    for (name, to) in [
        ("Ren Okafor", "top".to_string()),
        ("Sol Okafor", "top".to_string()),
        ("Tao Okafor", "top".to_string()),
        ("Uma Okafor", priya.to_string()),
        ("Vik Okafor", priya.to_string()),
        ("Wen Okafor", priya.to_string()),
    ] {
        session
            .select(
                &format!(
                    "[data-testid=\"wizard-report-row\"][data-person-id=\"{}\"] [data-testid=\"wizard-report-select\"]",
                    id(name)
                ),
                &to,
            )
            .await;
    }
    session.screenshot("reports").await;
    session
        .click("[data-testid=\"wizard-next\"]:not([disabled])")
        .await;

    // The plan fits: the busiest week's practice stays within the room the
    // budget leaves for it.
    session
        .wait_for("[data-testid=\"wizard-pace\"][data-fits=\"true\"]")
        .await;
    let number = |text: String| -> u32 {
        text.trim_end_matches(" h")
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("a number of hours: {text:?}"))
    };
    let busiest = number(
        session
            .text("[data-testid=\"wizard-pace-most-hours\"]")
            .await,
    );
    let room = number(session.text("[data-testid=\"wizard-pace-room\"]").await);
    assert!(
        busiest <= room,
        "{busiest} h a week against {room} h of room"
    );
    let most_open = number(
        session
            .text("[data-testid=\"wizard-pace-most-open\"]")
            .await,
    );
    assert!(most_open <= 15, "{most_open} items open at once");
    session.screenshot("pace").await;
    session
        .click("[data-testid=\"wizard-create\"]:not([disabled])")
        .await;
    session.wait_for("[data-testid=\"plan-page\"]").await;

    // Independently of the window: each report where it was sent, and no
    // week with more than four items due.
    for (name, manager) in [
        ("Ren Okafor", None),
        ("Uma Okafor", Some(priya)),
        ("Wen Okafor", Some(priya)),
    ] {
        let person = leadline_core::people::person_get(ws.conn(), id(name)).unwrap();
        assert_eq!(person.manager_id, manager, "{name}");
    }
    let busiest_day: i64 = ws
        .conn()
        .query_row(
            "SELECT max(n) FROM (SELECT count(*) AS n FROM plan_item GROUP BY due_date)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(busiest_day <= 4, "{busiest_day} items due on one day");
    let overdue: i64 = ws
        .conn()
        .query_row(
            "SELECT count(*) FROM plan_item WHERE done_on IS NULL AND due_date < date('now', 'localtime')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(overdue > 0, "three weeks in, some items are overdue");

    // The overdue count leads to the overdue items, and only those.
    session.click("[data-testid=\"plan-overdue\"]").await;
    session
        .wait_for("[data-testid=\"plan-filter\"][data-status=\"overdue\"][aria-pressed=\"true\"]")
        .await;
    session
        .wait_text(
            "[data-testid=\"plan-filter\"][data-status=\"overdue\"]",
            "the overdue count",
            |t| t.ends_with(&overdue.to_string()),
        )
        .await;
    session
        .wait_count("[data-testid=\"plan-item\"]", overdue as usize)
        .await;
    session.screenshot("overdue").await;

    // Exported through the save dialog, which suggests the file's name: the
    // file holds the plan, every item unticked.
    let notes = dir.path().join("notes");
    std::fs::create_dir_all(&notes).unwrap();
    session.answer_dialog(&format!("{}/", notes.display()));
    session.click("[data-testid=\"plan-export-write\"]").await;
    session
        .wait_for("[data-testid=\"plan-export-toast\"]")
        .await;
    let asked = session.dialogs_asked().pop().expect("a save dialog opened");
    assert_eq!(
        asked["file_name"], "Mara Quinn transition plan.md",
        "{asked}"
    );
    let markdown = std::fs::read_to_string(notes.join("Mara Quinn transition plan.md")).unwrap();
    assert!(
        markdown.starts_with("# Transition plan: Mara Quinn → IC leader"),
        "{markdown}"
    );
    let items: i64 = ws
        .conn()
        .query_row("SELECT count(*) FROM plan_item", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        markdown.matches("- [ ]").count() as i64,
        items,
        "{markdown}"
    );
    session.stop().await;
}
