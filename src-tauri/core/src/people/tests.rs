use super::*;
use crate::db::open_in_memory;
use crate::removal::{person_delete, person_restore, ReportsDestination};

/// Everyone's (id, manager id): the whole reporting structure, to compare.
pub(crate) fn reporting_lines(conn: &Connection) -> Vec<(i64, Option<i64>)> {
    person_all(conn)
        .unwrap()
        .into_iter()
        .map(|p| (p.id, p.manager_id))
        .collect()
}

pub(crate) fn add(conn: &Connection, name: &str, manager: Option<i64>) -> i64 {
    person_create(
        conn,
        &PersonInput {
            manager_id: manager,
            ..PersonInput::human(name)
        },
    )
    .unwrap()
    .id
}

#[test]
fn moving_a_manager_under_their_report_is_refused_naming_the_people() {
    let conn = open_in_memory().unwrap();
    let ada = add(&conn, "Ada", None);
    let bo = add(&conn, "Bo", Some(ada));
    let cy = add(&conn, "Cy", Some(bo));
    let err = person_move(&conn, ada, Some(cy)).unwrap_err();
    assert_eq!(err.kind(), crate::ErrorKind::Cycle, "got {err}");
    let message = err.to_string();
    for name in ["Ada", "Bo", "Cy"] {
        assert!(
            message.contains(name),
            "message should name {name}: {message}"
        );
    }
    assert_eq!(
        person_get(&conn, ada).unwrap().manager_id,
        None,
        "nothing should change"
    );
}

#[test]
fn a_person_cannot_report_to_themselves() {
    let conn = open_in_memory().unwrap();
    let ada = add(&conn, "Ada", None);
    let err = person_move(&conn, ada, Some(ada)).unwrap_err();
    assert_eq!(err.kind(), crate::ErrorKind::Cycle);
}

#[test]
fn moving_a_person_takes_their_subtree_along() {
    let conn = open_in_memory().unwrap();
    let ada = add(&conn, "Ada", None);
    let bo = add(&conn, "Bo", Some(ada));
    let cy = add(&conn, "Cy", Some(bo));
    let di = add(&conn, "Di", Some(ada));
    person_move(&conn, bo, Some(di)).unwrap();
    let chain: Vec<String> = person_chain(&conn, cy)
        .unwrap()
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(chain, ["Ada", "Di", "Bo", "Cy"]);
}

#[test]
fn a_human_cannot_report_to_an_agent() {
    let conn = open_in_memory().unwrap();
    let bot = person_create(
        &conn,
        &PersonInput {
            kind: PersonKind::Agent,
            ..PersonInput::human("Review bot")
        },
    )
    .unwrap();
    let err = person_create(
        &conn,
        &PersonInput {
            manager_id: Some(bot.id),
            ..PersonInput::human("Ada")
        },
    )
    .unwrap_err();
    assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
    assert!(err.to_string().contains("Review bot"), "{err}");
}

#[test]
fn deleting_a_manager_sends_reports_where_asked_and_undo_restores_everything() {
    let conn = crate::skills::open_seeded();
    let ada = add(&conn, "Ada", None);
    let bo = add(&conn, "Bo", Some(ada));
    let cy = add(&conn, "Cy", Some(bo));
    let di = add(&conn, "Di", Some(bo));
    let eve = add(&conn, "Eve", Some(ada));
    let before = person_get(&conn, bo).unwrap();
    let framework =
        crate::skills::framework::framework_resolve(&conn, "ai-native-ic-leader").unwrap();
    let skill = framework.areas[0].skills[0].key.clone();
    let assessment = crate::skills::assessment::assessment_create(
        &conn,
        &crate::skills::assessment::AssessmentInput {
            person_id: bo,
            framework_id: framework.id,
            assessor_role: crate::skills::assessment::AssessorRole::SelfAssessed,
            assessor_name: String::new(),
            assessed_on: "2026-05-01".into(),
            round: String::new(),
            note: "before the reorg".into(),
            ratings: vec![crate::skills::assessment::RatingInput {
                skill_key: skill,
                level: 3,
                interest: Some(2),
                note: "ok".into(),
            }],
        },
    )
    .unwrap();
    let deleted = person_delete(&conn, bo, ReportsDestination::Person { id: eve }).unwrap();
    assert!(crate::skills::assessment::assessment_list(&conn, bo, None)
        .unwrap()
        .is_empty());
    assert_eq!(person_get(&conn, cy).unwrap().manager_id, Some(eve));
    assert_eq!(person_get(&conn, di).unwrap().manager_id, Some(eve));
    assert_eq!(
        person_get(&conn, bo).unwrap_err().kind(),
        crate::ErrorKind::NotFound
    );

    let restored = person_restore(&conn, deleted.undo_id).unwrap();
    assert_eq!(restored, before, "undo should bring back the same person");
    let back = crate::skills::assessment::assessment_list(&conn, bo, None).unwrap();
    assert_eq!(back.len(), 1, "undo brings the assessments back");
    assert_eq!(
        (&back[0].note, &back[0].ratings),
        (&assessment.note, &assessment.ratings)
    );
    assert_eq!(person_get(&conn, cy).unwrap().manager_id, Some(bo));
    assert_eq!(person_get(&conn, di).unwrap().manager_id, Some(bo));
}

#[test]
fn deleting_a_manager_into_their_own_subtree_is_refused_and_changes_nothing() {
    let conn = open_in_memory().unwrap();
    let ada = add(&conn, "Ada", None);
    let bo = add(&conn, "Bo", Some(ada));
    let cy = add(&conn, "Cy", Some(bo));
    let di = add(&conn, "Di", Some(cy));
    // Cy's report Di is fine; but Bo's other report... Cy itself under Di would be a cycle.
    let err = person_delete(&conn, bo, ReportsDestination::Person { id: di }).unwrap_err();
    assert_eq!(err.kind(), crate::ErrorKind::Cycle, "got {err}");
    assert_eq!(
        person_get(&conn, bo).unwrap().manager_id,
        Some(ada),
        "Bo must still exist"
    );
    assert_eq!(
        person_get(&conn, cy).unwrap().manager_id,
        Some(bo),
        "Cy must be unchanged"
    );
}

#[test]
fn empty_names_and_bad_emails_are_refused() {
    let conn = open_in_memory().unwrap();
    assert_eq!(
        person_create(&conn, &PersonInput::human("  "))
            .unwrap_err()
            .kind(),
        crate::ErrorKind::InvalidInput
    );
    let bad = PersonInput {
        email: "not an email".into(),
        ..PersonInput::human("Ada")
    };
    assert_eq!(
        person_create(&conn, &bad).unwrap_err().kind(),
        crate::ErrorKind::InvalidInput
    );
}

#[test]
fn people_are_found_by_file_id_or_unique_name() {
    let conn = open_in_memory().unwrap();
    let ada = add(&conn, "Ada", None);
    add(&conn, "Twin", None);
    add(&conn, "Twin", None);
    let ext = person_get(&conn, ada).unwrap().ext_id;
    assert_eq!(person_resolve(&conn, &ext).unwrap(), ada);
    assert_eq!(person_resolve(&conn, "ada").unwrap(), ada);
    assert_eq!(
        person_resolve(&conn, "Twin").unwrap_err().kind(),
        crate::ErrorKind::InvalidInput
    );
    assert_eq!(
        person_resolve(&conn, "Nobody").unwrap_err().kind(),
        crate::ErrorKind::NotFound
    );
}

#[test]
fn the_people_page_filters_and_counts() {
    let conn = open_in_memory().unwrap();
    for name in ["Ada", "Adam", "Bo", "100%_real"] {
        add(&conn, name, None);
    }
    let page = person_page(&conn, "ada", 0, 10).unwrap();
    assert_eq!(page.total, 2);
    assert_eq!(
        page.rows
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>(),
        ["Ada", "Adam"]
    );
    assert_eq!(
        person_page(&conn, "%_", 0, 10).unwrap().total,
        1,
        "LIKE wildcards are literal"
    );
    assert_eq!(person_page(&conn, "", 1, 2).unwrap().rows.len(), 2);
}
