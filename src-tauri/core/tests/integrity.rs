//! No write can corrupt the org, lose data or hang: one test per way it used
//! to happen (issue 8), through the core's public API. One file on purpose:
//! the cases share the checks that read a workspace back, and each file under
//! tests/ is a separately linked binary.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use leadline_core::db::{self, OpenMode};
use leadline_core::import::{import_apply, import_preview, ImportOptions};
use leadline_core::people::{person_all, person_create, person_move, person_resolve, PersonInput};
use leadline_core::removal::{person_delete, person_restore, ReportsDestination};
use leadline_core::reorg::{reorg_apply, reorg_undo, structure_check, structure_repair, Move};
use leadline_core::skills::assessment::{
    assessment_create, assessment_delete, assessment_list, assessment_restore, AssessmentInput,
    AssessorRole, RatingInput,
};
use leadline_core::skills::framework::framework_resolve;
use leadline_core::{ErrorKind, Workspace};

fn add(ws: &Workspace, name: &str, manager: Option<i64>) -> i64 {
    person_create(
        ws.conn(),
        &PersonInput {
            manager_id: manager,
            ..PersonInput::human(name)
        },
    )
    .unwrap()
    .id
}

fn import(ws: &mut Workspace, csv: &str, options: &ImportOptions) -> leadline_core::Result<()> {
    import_apply(ws.conn_mut(), csv.as_bytes(), options, &mut |_| {}).map(|_| ())
}

/// Everyone as (file id → name, manager's file id): what an import may change.
fn org(ws: &Workspace) -> BTreeMap<String, (String, Option<String>)> {
    let people = person_all(ws.conn()).unwrap();
    let ext: BTreeMap<i64, String> = people.iter().map(|p| (p.id, p.ext_id.clone())).collect();
    people
        .iter()
        .map(|p| {
            (
                p.ext_id.clone(),
                (p.name.clone(), p.manager_id.map(|m| ext[&m].clone())),
            )
        })
        .collect()
}

fn id(ws: &Workspace, text: &str) -> i64 {
    person_resolve(ws.conn(), text).unwrap()
}

fn file_workspace(dir: &Path) -> (std::path::PathBuf, Workspace) {
    let path = dir.join("w.leadline");
    let ws = Workspace::open(&path, OpenMode::CreateIfMissing).unwrap();
    (path, ws)
}

/// Holds the write lock from another connection, makes `write` inside it, and
/// commits after `hold`: what another Leadline process does while we check.
fn other_writer(path: &Path, hold: Duration, write: &'static str) -> std::thread::JoinHandle<()> {
    let path = path.to_path_buf();
    let (locked, wait) = mpsc::channel();
    let handle = std::thread::spawn(move || {
        let other = Workspace::open(&path, OpenMode::MustExist).unwrap();
        let tx = db::write(other.conn()).unwrap();
        tx.execute_batch(write).unwrap();
        locked.send(()).unwrap();
        std::thread::sleep(hold);
        tx.commit().unwrap();
    });
    wait.recv().unwrap();
    handle
}

// 1. Check, then write.

#[test]
fn an_import_checks_the_org_as_it_is_when_it_writes_not_as_it_was_before() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut ws) = file_workspace(dir.path());
    import(
        &mut ws,
        "id,name,manager id\nA,Ana,\nK,Kim,\n",
        &ImportOptions::default(),
    )
    .unwrap();
    // Another process moves A under K, and holds its transaction open while the
    // import starts; the import's file puts K under A.
    let writer = other_writer(
        &path,
        Duration::from_millis(300),
        "UPDATE person SET manager_id = (SELECT id FROM person WHERE ext_id = 'K') WHERE ext_id = 'A'",
    );
    let err = import(
        &mut ws,
        "id,name,manager id\nK,Kim,A\n",
        &ImportOptions::default(),
    )
    .unwrap_err();
    writer.join().unwrap();
    assert_eq!(err.kind(), ErrorKind::ImportInvalid, "{err}");
    assert!(err.to_string().contains("cycle"), "{err}");
    assert!(
        structure_check(ws.conn()).unwrap().is_none(),
        "the file must not hold a cycle"
    );
    assert_eq!(org(&ws)["K"].1, None, "Kim stays at the top");
}

#[test]
fn a_structure_change_is_checked_inside_its_own_write() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut ws) = file_workspace(dir.path());
    let ana = add(&ws, "Ana", None);
    let kim = add(&ws, "Kim", None);
    ws.metrics(None).unwrap(); // the structure is cached: Ana and Kim at the top
    let writer = other_writer(
        &path,
        Duration::from_millis(300),
        "UPDATE person SET manager_id = (SELECT id FROM person WHERE name = 'Kim') WHERE name = 'Ana'",
    );
    let err = reorg_apply(
        &mut ws,
        &[Move {
            person_id: kim,
            to_manager: Some(ana),
        }],
        "Kim under Ana",
        "2026-11-30",
    )
    .unwrap_err();
    writer.join().unwrap();
    assert_eq!(
        err.kind(),
        ErrorKind::Cycle,
        "the move must be checked against the other process's write: {err}"
    );
    assert!(structure_check(ws.conn()).unwrap().is_none());
}

// 2. A cycle in the file never hangs, and says so.

fn workspace_with_a_cycle() -> (Workspace, i64, i64) {
    let mut ws = Workspace::in_memory().unwrap();
    import(
        &mut ws,
        "id,name,manager id\n1,Root,\n2,Ana,1\n3,Bo,2\n4,Cy,3\n",
        &ImportOptions::default(),
    )
    .unwrap();
    let (ana, cy) = (id(&ws, "Ana"), id(&ws, "Cy"));
    // Another tool closes Ana → Bo → Cy → Ana.
    ws.conn()
        .execute("UPDATE person SET manager_id = ?1 WHERE id = ?2", [cy, ana])
        .unwrap();
    (ws, ana, cy)
}

#[test]
fn metrics_of_a_file_with_a_cycle_answer_at_once_naming_the_cycle() {
    let (mut ws, ana, _) = workspace_with_a_cycle();
    let started = Instant::now();
    for root in [None, Some(ana)] {
        let err = ws.metrics(root).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Cycle, "{err}");
        for name in ["Ana", "Bo", "Cy"] {
            assert!(err.to_string().contains(name), "{name} in: {err}");
        }
        assert!(
            !err.to_string().contains("Root"),
            "Root is not in the cycle: {err}"
        );
    }
    assert_eq!(ws.subtree_humans(ana).unwrap_err().kind(), ErrorKind::Cycle);
    assert_eq!(ws.org_chain(ana).unwrap_err().kind(), ErrorKind::Cycle);
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "answers within a second, took {:?}",
        started.elapsed()
    );
}

#[test]
fn a_cycle_is_repaired_by_moving_one_of_it_to_the_top_and_the_repair_cannot_be_undone() {
    let (mut ws, _, _) = workspace_with_a_cycle();
    let report = structure_check(ws.conn()).unwrap().expect("a cycle");
    assert_eq!(report.cycles.len(), 1);
    let mut names: Vec<&str> = report.cycles[0].iter().map(|b| b.name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["Ana", "Bo", "Cy"]);
    let change = structure_repair(&mut ws, "2026-11-30").unwrap();
    assert!(structure_check(ws.conn()).unwrap().is_none());
    let metrics = ws.metrics(None).unwrap();
    assert_eq!(metrics.headcount, 4, "everyone counts again");
    let err = reorg_undo(&mut ws, change.id).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    assert!(err.to_string().contains("cycle"), "{err}");
    assert!(
        structure_check(ws.conn()).unwrap().is_none(),
        "a refused undo changes nothing"
    );
}

#[test]
fn a_move_in_a_file_with_a_cycle_elsewhere_is_refused_with_the_cycle_not_looped() {
    let (ws, _, _) = workspace_with_a_cycle();
    let root = id(&ws, "Root");
    let newcomer = add(&ws, "Newcomer", Some(root));
    let bo = id(&ws, "Bo");
    let err = person_move(ws.conn(), newcomer, Some(bo)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Cycle, "{err}");
}

// 3. Undo never creates a cycle and never overrides a later move.

#[test]
fn undoing_a_change_that_later_moves_turned_into_a_cycle_is_refused() {
    let mut ws = Workspace::in_memory().unwrap();
    let ada = add(&ws, "Ada", None);
    let bo = add(&ws, "Bo", Some(ada));
    let cy = add(&ws, "Cy", Some(ada));
    let di = add(&ws, "Di", Some(bo));
    let change = reorg_apply(
        &mut ws,
        &[Move {
            person_id: di,
            to_manager: Some(cy),
        }],
        "Di to Cy",
        "2026-11-30",
    )
    .unwrap();
    person_move(ws.conn(), bo, Some(di)).unwrap();
    let err = reorg_undo(&mut ws, change.id).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    assert!(
        err.to_string().contains("Bo") && err.to_string().contains("Di"),
        "{err}"
    );
    assert!(structure_check(ws.conn()).unwrap().is_none());
    assert_eq!(
        ws.metrics(None).unwrap().headcount,
        4,
        "the org is whole and unchanged"
    );
}

#[test]
fn restoring_a_person_whose_report_was_moved_since_is_refused_with_the_reason() {
    let ws = Workspace::in_memory().unwrap();
    let ada = add(&ws, "Ada", None);
    let bo = add(&ws, "Bo", Some(ada));
    let cy = add(&ws, "Cy", Some(bo));
    let eve = add(&ws, "Eve", Some(ada));
    let deleted = person_delete(ws.conn(), bo, ReportsDestination::UpOneLevel).unwrap();
    person_move(ws.conn(), cy, Some(eve)).unwrap();
    let err = person_restore(ws.conn(), deleted.undo_id).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    assert!(
        err.to_string().contains("Cy") && err.to_string().contains("Eve"),
        "the message names who moved and where: {err}"
    );
    assert_eq!(
        person_all(ws.conn()).unwrap().len(),
        3,
        "Bo is not half-restored"
    );
    // Once Cy is back where the deletion put them, the undo goes through.
    person_move(ws.conn(), cy, Some(ada)).unwrap();
    person_restore(ws.conn(), deleted.undo_id).unwrap();
    let cy_now = leadline_core::people::person_get(ws.conn(), cy).unwrap();
    assert_eq!(cy_now.manager_id, Some(bo));
}

#[test]
fn restoring_a_person_never_closes_a_cycle() {
    let ws = Workspace::in_memory().unwrap();
    let ada = add(&ws, "Ada", None);
    let xu = add(&ws, "Xu", Some(ada));
    let bo = add(&ws, "Bo", Some(xu));
    let cy = add(&ws, "Cy", Some(bo));
    // Bo goes and Cy goes to Ada; then Xu, Bo's manager, moves under Cy.
    let deleted = person_delete(ws.conn(), bo, ReportsDestination::Person { id: ada }).unwrap();
    person_move(ws.conn(), xu, Some(cy)).unwrap();
    // Cy is still where the deletion put them, but Bo back under Xu with Cy
    // under Bo would be Cy → Bo → Xu → Cy.
    let err = person_restore(ws.conn(), deleted.undo_id).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    assert!(err.to_string().contains("cycle"), "{err}");
    for name in ["Bo", "Xu", "Cy"] {
        assert!(err.to_string().contains(name), "{name} in {err}");
    }
    assert!(structure_check(ws.conn()).unwrap().is_none());
    assert_eq!(person_all(ws.conn()).unwrap().len(), 3, "Bo stays deleted");
}

// 4. Undo data lives in the workspace; a damaged entry writes nothing.

#[test]
fn undo_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.leadline");
    let undo_id = {
        let ws = Workspace::open(&path, OpenMode::CreateIfMissing).unwrap();
        let ada = add(&ws, "Ada", None);
        add(&ws, "Bo", Some(ada));
        person_delete(ws.conn(), ada, ReportsDestination::NoManager)
            .unwrap()
            .undo_id
    };
    let ws = Workspace::open(&path, OpenMode::MustExist).unwrap();
    let ada = person_restore(ws.conn(), undo_id).unwrap();
    assert_eq!(ada.name, "Ada");
    assert_eq!(ada.direct_reports, 1, "Bo reports to Ada again");
}

fn assessed(ws: &Workspace, person: i64) -> i64 {
    let framework = framework_resolve(ws.conn(), "ai-native-ic-leader").unwrap();
    let skills: Vec<String> = framework
        .areas
        .iter()
        .flat_map(|a| a.skills.iter().map(|s| s.key.clone()))
        .take(2)
        .collect();
    assessment_create(
        ws.conn(),
        &AssessmentInput {
            person_id: person,
            framework_id: framework.id,
            assessor_role: AssessorRole::SelfAssessed,
            assessor_name: String::new(),
            assessed_on: "2026-11-01".into(),
            round: String::new(),
            note: String::new(),
            ratings: skills
                .into_iter()
                .map(|skill_key| RatingInput {
                    skill_key,
                    level: 3,
                    interest: None,
                    note: String::new(),
                })
                .collect(),
        },
    )
    .unwrap()
    .id
}

#[test]
fn a_damaged_undo_entry_restores_nothing_at_all() {
    let ws = Workspace::in_memory().unwrap();
    let ada = add(&ws, "Ada", None);
    let assessment = assessed(&ws, ada);
    let deleted = assessment_delete(ws.conn(), assessment).unwrap();
    // Level 9 is outside the scale: as if the file had been edited by hand.
    ws.conn()
        .execute(
            "UPDATE undo_entry SET payload = replace(payload, '\"level\":3', '\"level\":9') WHERE id = ?1",
            [deleted.undo_id],
        )
        .unwrap();
    assert!(assessment_restore(ws.conn(), deleted.undo_id).is_err());
    assert!(
        assessment_list(ws.conn(), ada, None).unwrap().is_empty(),
        "no assessment row without its ratings"
    );
    let rows: i64 = ws
        .conn()
        .query_row("SELECT count(*) FROM assessment", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0);
}

#[test]
fn an_assessment_comes_back_with_its_id_and_ratings() {
    let ws = Workspace::in_memory().unwrap();
    let ada = add(&ws, "Ada", None);
    let id = assessed(&ws, ada);
    let before = assessment_list(ws.conn(), ada, None).unwrap();
    let deleted = assessment_delete(ws.conn(), id).unwrap();
    let back = assessment_restore(ws.conn(), deleted.undo_id).unwrap();
    assert_eq!(back.id, id, "the same id, so links to it still work");
    assert_eq!(assessment_list(ws.conn(), ada, None).unwrap(), before);
}

// 5. A second writer waits for the first, then gets a clear answer.

#[test]
fn a_second_writer_waits_for_the_first_instead_of_failing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ws) = file_workspace(dir.path());
    add(&ws, "Ada", None);
    let writer = other_writer(
        &path,
        Duration::from_millis(400),
        "INSERT INTO team (name) VALUES ('Core')",
    );
    let started = Instant::now();
    add(&ws, "Bo", None);
    writer.join().unwrap();
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "the write waited for the lock ({:?})",
        started.elapsed()
    );
    assert_eq!(person_all(ws.conn()).unwrap().len(), 2);
}

#[test]
fn a_writer_that_waits_too_long_is_told_the_workspace_is_busy() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ws) = file_workspace(dir.path());
    ws.conn().busy_timeout(Duration::from_millis(100)).unwrap();
    let writer = other_writer(
        &path,
        Duration::from_millis(600),
        "INSERT INTO team (name) VALUES ('Core')",
    );
    let err = person_create(ws.conn(), &PersonInput::human("Bo")).unwrap_err();
    writer.join().unwrap();
    assert_eq!(err.kind(), ErrorKind::Busy, "{err}");
    assert!(err.to_string().contains("busy"), "{err}");
    assert!(person_all(ws.conn()).unwrap().is_empty(), "nothing written");
}

// 6. Encodings: a UTF-8 file with a stray byte is refused, never re-decoded.

#[test]
fn a_utf8_file_with_a_stray_byte_is_refused_with_its_line() {
    for bom in [&b""[..], &[0xEF, 0xBB, 0xBF][..]] {
        let mut ws = Workspace::in_memory().unwrap();
        import(&mut ws, "id,name\n1,García\n", &ImportOptions::default()).unwrap();
        let mut bytes = bom.to_vec();
        bytes.extend_from_slice("id,name\n1,García\n2,Bo".as_bytes());
        bytes.push(0xE9); // a lone Windows-1252 "é"
        bytes.extend_from_slice(b"\n3,Cy\n");
        let err = import_apply(
            ws.conn_mut(),
            &bytes,
            &ImportOptions::default(),
            &mut |_| {},
        )
        .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::ImportInvalid, "{err}");
        let report = leadline_core::ErrorReport::from(&err);
        assert_eq!(
            report.problems.iter().map(|p| p.line).collect::<Vec<_>>(),
            [Some(3)],
            "the stray byte is on line 3: {err}"
        );
        assert_eq!(org(&ws).len(), 1, "nothing imported");
        assert_eq!(org(&ws)["1"].0, "García", "names are not rewritten");
    }
}

#[test]
fn a_file_that_is_not_utf8_at_all_is_read_as_windows_1252() {
    let mut ws = Workspace::in_memory().unwrap();
    let bytes = b"id,name\n1,Garc\xEDa\n2,Jos\xE9\n";
    let preview = import_preview(ws.conn(), "x.csv", bytes, &ImportOptions::default()).unwrap();
    assert_eq!(preview.encoding, "windows-1252");
    import_apply(ws.conn_mut(), bytes, &ImportOptions::default(), &mut |_| {}).unwrap();
    let names: Vec<String> = org(&ws).into_values().map(|(n, _)| n).collect();
    assert_eq!(names, ["García", "José"]);
}

#[test]
fn a_utf16_file_with_a_broken_character_is_refused_and_no_replacement_char_lands_in_an_id() {
    let mut ws = Workspace::in_memory().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "id,name\n".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    bytes.extend_from_slice(&0xD800u16.to_le_bytes()); // a lone surrogate in the id
    for unit in "1,Ada\n".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let err = import_apply(
        ws.conn_mut(),
        &bytes,
        &ImportOptions::default(),
        &mut |_| {},
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ImportInvalid, "{err}");
    assert!(org(&ws).is_empty());
}

#[test]
fn an_id_holding_a_replacement_character_is_refused() {
    let mut ws = Workspace::in_memory().unwrap();
    let err = import(
        &mut ws,
        "id,name\nE\u{FFFD}1,Ada\n",
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ImportInvalid, "{err}");
    assert!(err.to_string().contains("U+FFFD"), "{err}");
    assert!(org(&ws).is_empty());
}

// 8. An empty or truncated file does not wipe the org unasked.

#[test]
fn removing_most_of_the_org_needs_a_confirmation() {
    let mut ws = Workspace::in_memory().unwrap();
    let csv: String = std::iter::once("id,name\n".to_string())
        .chain((1..=10).map(|i| format!("{i},P{i}\n")))
        .collect();
    import(&mut ws, &csv, &ImportOptions::default()).unwrap();
    let remove = ImportOptions {
        remove_missing: true,
        ..ImportOptions::default()
    };
    for file in ["id,name\n", "id,name\n1,P1\n2,P2\n3,P3\n4,P4\n"] {
        let preview = import_preview(ws.conn(), "x.csv", file.as_bytes(), &remove).unwrap();
        assert!(preview.removal_needs_confirmation, "{file:?}");
        let err = import(&mut ws, file, &remove).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NeedsConfirmation, "{err}");
        assert_eq!(org(&ws).len(), 10, "nothing removed unasked");
    }
    // Half is not more than half: five of ten go without asking.
    let half = "id,name\n1,P1\n2,P2\n3,P3\n4,P4\n5,P5\n";
    let preview = import_preview(ws.conn(), "x.csv", half.as_bytes(), &remove).unwrap();
    assert!(!preview.removal_needs_confirmation);
    let confirmed = ImportOptions {
        confirm_removal: true,
        ..remove.clone()
    };
    import(&mut ws, "id,name\n", &confirmed).unwrap();
    assert!(org(&ws).is_empty(), "confirmed: everyone is removed");
}

#[test]
fn removing_someone_whose_reports_stay_in_the_file_moves_them_first() {
    let mut ws = Workspace::in_memory().unwrap();
    import(
        &mut ws,
        "id,name,manager id\nA,Ann,\nB,Ben,A\nC,Cy,B\n",
        &ImportOptions::default(),
    )
    .unwrap();
    let remove = ImportOptions {
        remove_missing: true,
        ..ImportOptions::default()
    };
    import(&mut ws, "id,name,manager id\nB,Ben,\nC,Cy,B\n", &remove).unwrap();
    let now = org(&ws);
    assert_eq!(now.len(), 2);
    assert_eq!(now["B"].1, None, "Ben is at the top now");
    assert_eq!(now["C"].1.as_deref(), Some("B"));
}

#[test]
fn an_import_does_not_remove_people_whose_work_is_in_the_workspace() {
    let mut ws = Workspace::in_memory().unwrap();
    import(
        &mut ws,
        "id,name\nA,Ann\nB,Ben\nC,Cy\n",
        &ImportOptions::default(),
    )
    .unwrap();
    assessed(&ws, id(&ws, "Cy"));
    let remove = ImportOptions {
        remove_missing: true,
        ..ImportOptions::default()
    };
    let err = import(&mut ws, "id,name\nA,Ann\nB,Ben\n", &remove).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ImportInvalid, "{err}");
    assert!(
        err.to_string().contains("Cy") && err.to_string().contains("assessment"),
        "{err}"
    );
    assert_eq!(org(&ws).len(), 3, "nothing removed");
    assert_eq!(
        assessment_list(ws.conn(), id(&ws, "Cy"), None)
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn an_import_cannot_leave_a_person_under_someone_it_turns_into_an_agent() {
    let mut ws = Workspace::in_memory().unwrap();
    import(
        &mut ws,
        "id,name,manager id\nA,Ann,\nB,Ben,A\n",
        &ImportOptions::default(),
    )
    .unwrap();
    let err = import(
        &mut ws,
        "id,name,type\nA,Ann,agent\n",
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ImportInvalid, "{err}");
    assert!(
        err.to_string().contains("Ben") && err.to_string().contains("agent"),
        "{err}"
    );
    assert_eq!(
        person_all(ws.conn()).unwrap()[0].kind,
        leadline_core::people::PersonKind::Human,
        "Ann stays human"
    );
}

#[test]
fn a_cycle_through_a_long_chain_is_named_briefly() {
    let mut ws = Workspace::in_memory().unwrap();
    let csv: String = std::iter::once("id,name,manager id\n".to_string())
        .chain((1..=500).map(|i| {
            let manager = if i == 1 {
                String::new()
            } else {
                (i - 1).to_string()
            };
            format!("{i},P{i},{manager}\n")
        }))
        .collect();
    import(&mut ws, &csv, &ImportOptions::default()).unwrap();
    let err = person_move(ws.conn(), id(&ws, "1"), Some(id(&ws, "500"))).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Cycle);
    let message = err.to_string();
    assert!(
        message.len() < 400 && message.contains("more") && message.contains("P500"),
        "{message}"
    );
}

// 9. Real HRIS exports are accepted, and nothing in them is dropped.

#[test]
fn an_email_column_holding_user_names_is_kept_as_an_attribute_with_a_warning() {
    let mut ws = Workspace::in_memory().unwrap();
    let csv = "EMPLOYEE_ID,FIRST_NAME,LAST_NAME,EMAIL,MANAGER_ID\n100,Steven,King,SKING,\n101,Neena,Kochhar,NKOCHHAR,100\n";
    let preview = import_preview(
        ws.conn(),
        "hr.csv",
        csv.as_bytes(),
        &ImportOptions::default(),
    )
    .unwrap();
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    assert_eq!(preview.warnings.len(), 1, "{:?}", preview.warnings);
    assert!(preview.warnings[0].message.contains("SKING"));
    let email_column = preview
        .columns
        .iter()
        .find(|c| c.header == "EMAIL")
        .unwrap();
    assert_eq!(
        email_column.field, None,
        "shown as an attribute before the import"
    );
    import(&mut ws, csv, &ImportOptions::default()).unwrap();
    let people = person_all(ws.conn()).unwrap();
    let king = people.iter().find(|p| p.ext_id == "100").unwrap();
    assert_eq!(king.name, "Steven King");
    assert_eq!(king.email, "");
    assert_eq!(king.attributes["EMAIL"], "SKING");
}

#[test]
fn a_name_column_beside_a_last_name_column_makes_full_names() {
    let mut ws = Workspace::in_memory().unwrap();
    let csv = "id,name,lastName,parentId\n1,Alexander,Hunold,\n2,Alexander,Khoo,1\n3,Steven,King King,1\n";
    import(&mut ws, csv, &ImportOptions::default()).unwrap();
    let names: Vec<String> = org(&ws).into_values().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        ["Alexander Hunold", "Alexander Khoo", "Steven King King"]
    );
}

/// Alex and Alex differ by title, Sam and Sam by team, Kim and Kim only by id;
/// Solo has no namesake.
const NAMESAKES: &str = "id,name,title,team\n1,Alex,Engineer,Core\n2,Alex,Designer,Core\n3,Sam,Engineer,Core\n4,Sam,Engineer,Apps\n5,Kim,Engineer,Core\n6,Kim,Engineer,Core\n7,Solo,Engineer,Core\n";

/// Checks what tells each of `NAMESAKES` apart, by their file id.
fn assert_told_apart(people: &[leadline_core::people::Person]) {
    let hints: BTreeMap<&str, Option<&str>> = people
        .iter()
        .map(|p| (p.ext_id.as_str(), p.disambiguation.as_deref()))
        .collect();
    let expect = [
        ("1", Some("Engineer")),
        ("2", Some("Designer")),
        ("3", Some("Core")),
        ("4", Some("Apps")),
        ("5", Some("id 5")),
        ("6", Some("id 6")),
        ("7", None),
    ];
    for (ext, hint) in expect {
        assert_eq!(hints[ext], hint, "person {ext}");
    }
}

#[test]
fn namesakes_are_told_apart_by_title_then_team_then_id() {
    let mut ws = Workspace::in_memory().unwrap();
    import(&mut ws, NAMESAKES, &ImportOptions::default()).unwrap();
    assert_told_apart(&person_all(ws.conn()).unwrap());
    let page = leadline_core::people::person_page(ws.conn(), "kim", 0, 10).unwrap();
    assert_eq!(page.rows[0].disambiguation.as_deref(), Some("id 5"));
    let nodes = ws.org_search("sam", 10).unwrap().nodes;
    assert_eq!(nodes[0].disambiguation.as_deref(), Some("Core"));
}

#[test]
fn a_long_list_tells_namesakes_apart_as_a_short_one_does() {
    // The namesakes above, among 250 others: a list of more than 200 people is
    // looked up in one scan of the table, one person with one indexed query.
    // ALEX is the same name as Alex to SQLite's NOCASE; his title tells him apart.
    let mut csv = format!("{NAMESAKES}8,ALEX,Manager,Core\n");
    for n in 0..250 {
        csv.push_str(&format!("f{n},Filler {n},Engineer,Core\n"));
    }
    let mut ws = Workspace::in_memory().unwrap();
    import(&mut ws, &csv, &ImportOptions::default()).unwrap();
    let everyone = person_all(ws.conn()).unwrap();
    assert_eq!(everyone.len(), 258);
    assert_told_apart(&everyone);
    for person in &everyone {
        let alone = leadline_core::people::person_get(ws.conn(), person.id).unwrap();
        assert_eq!(
            person.disambiguation, alone.disambiguation,
            "{} ({}) in the long list and on their own",
            person.name, person.ext_id
        );
    }
    let alex = everyone.iter().find(|p| p.ext_id == "8").unwrap();
    assert_eq!(alex.disambiguation.as_deref(), Some("Manager"));
}

// 10. The smaller ones.

#[test]
fn an_oversized_cell_is_refused_with_its_line() {
    let mut ws = Workspace::in_memory().unwrap();
    let csv = format!("id,name\n1,Ada\n2,{}\n", "x".repeat(200_000));
    let err = import(&mut ws, &csv, &ImportOptions::default()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ImportInvalid, "{err}");
    let report = leadline_core::ErrorReport::from(&err);
    assert_eq!(report.problems[0].line, Some(3));
    assert!(org(&ws).is_empty());
}

#[test]
fn an_sqlite_uri_is_not_taken_for_a_workspace_path() {
    let err = Workspace::open(
        Path::new("file:team.leadline?mode=memory"),
        OpenMode::CreateIfMissing,
    )
    .err()
    .expect("refused");
    assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
}

#[test]
fn a_cycle_among_people_absent_from_the_file_is_named_as_such() {
    let (mut ws, _, _) = workspace_with_a_cycle();
    let err = import(&mut ws, "id,name\n9,Newcomer\n", &ImportOptions::default()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ImportInvalid, "{err}");
    let message = err.to_string();
    assert!(
        message.contains("not in the file") && !message.contains("(lines )"),
        "{message}"
    );
}
