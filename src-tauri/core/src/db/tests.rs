use super::*;

fn schema_of(conn: &Connection) -> Vec<(String, String, String)> {
    let mut stmt = conn
        .prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_schema_upgraded_step_by_step_equals_a_fresh_one() {
    let fresh = open_in_memory().unwrap();
    let mut stepped = Connection::open_in_memory().unwrap();
    for version in 1..=schema_version() {
        migrate_to(&mut stepped, version).unwrap();
        let v: i64 = stepped
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, version, "user_version should follow each step");
    }
    assert_eq!(
        schema_of(&stepped),
        schema_of(&fresh),
        "a database upgraded one migration at a time must end with the fresh schema"
    );
    assert!(
        !schema_of(&fresh).is_empty(),
        "the schema should not be empty"
    );
}

/// Every table with its columns in order, and every index with its
/// columns, as the schema reads after all migrations.
fn schema_summary(conn: &Connection) -> Vec<String> {
    let objects: Vec<(String, String, String)> = {
        let mut stmt = conn
            .prepare(
                "SELECT type, name, tbl_name FROM sqlite_schema
                 WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
            )
            .unwrap();
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        rows
    };
    objects
        .into_iter()
        .map(|(kind, name, table)| {
            let (pragma, column) = if kind == "table" {
                ("table_info", 1)
            } else {
                ("index_info", 2)
            };
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM pragma_{pragma}('{name}')"))
                .unwrap();
            let columns: Vec<String> = stmt
                .query_map([], |r| r.get(column))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            if kind == "table" {
                format!("table {name}: {}", columns.join(" "))
            } else {
                format!("index {name} on {table}: {}", columns.join(" "))
            }
        })
        .collect()
}

/// Written by hand from what each migration says, not from the migration
/// list: editing a shipped migration, or adding one without saying here what
/// it changes, fails this test.
#[test]
fn the_schema_is_the_one_the_migrations_describe() {
    let expected = [
        "index assessment_by_framework on assessment: framework_id",
        "index assessment_by_person on assessment: person_id assessed_on",
        "index audit_by_person on sdlc_audit: person_id taken_on",
        "index audit_by_team on sdlc_audit: team_id taken_on",
        "index audit_stage_by_owner on sdlc_audit_stage: owner_id",
        "index person_by_manager on person: manager_id",
        "index person_by_name on person: name",
        "index person_by_team on person: team_id",
        "index plan_by_person on transition_plan: person_id",
        "index plan_item_by_plan on plan_item: plan_id position",
        "index scenario_step_by_scenario on scenario_step: scenario_id id",
        "index skill_by_area on skill: area_id",
        "table assessment: id person_id framework_id assessor_role assessor_name assessed_on round note",
        "table framework: id key version name description scale builtin",
        "table person: id ext_id name title kind role_track level team_id email manager_id attributes",
        "table plan_baseline: plan_id skill_key skill_name target rating position",
        "table plan_item: id plan_id position phase skill_key skill_name level title done_when kind hours_per_week due_date done_on note source audit_id stage",
        "table practice_template: skill_key level position title done_when hours_per_week kind",
        "table profile_target: profile_id skill_key level",
        "table rating: assessment_id skill_id level interest note",
        "table role_profile: id framework_key key name description builtin direction",
        "table scenario: id uuid name description base_snapshot_id origin created_at applied_change_id",
        "table scenario_step: id scenario_id label changes undone",
        "table sdlc_audit: id person_id team_id taken_on note",
        "table sdlc_audit_stage: audit_id stage slowdown ai_use owner_id next_change",
        "table setting: key value",
        "table skill: id framework_id area_id key name description levels position",
        "table skill_area: id framework_id key name position",
        "table snapshot: id taken_at label reason fingerprint headcount managers ics agents layers",
        "table snapshot_person: snapshot_id person_id ext_id name title kind role_track level team manager_id",
        "table structure_change: id description made_on moves undone details",
        "table team: id name",
        "table transition_plan: id person_id from_role profile_id profile_name start_date structure_change_id budget checkpoint_decision checkpoint_note created_on direction baseline_on length_days",
        "table undo_entry: id kind label payload",
    ];
    assert_eq!(schema_summary(&open_in_memory().unwrap()), expected);
    assert_eq!(schema_version(), 10, "a new migration needs its line above");
}

/// Before migration 8 a plan's direction came from the profile's name;
/// profiles stored then keep the direction that rule gave them.
#[test]
fn profiles_stored_before_directions_keep_the_one_their_name_gave() {
    let mut conn = Connection::open_in_memory().unwrap();
    migrate_to(&mut conn, 7).unwrap();
    conn.execute_batch(
        "INSERT INTO role_profile (framework_key, key, name) VALUES
             ('f', 'em', 'Team Manager'), ('f', 'engineering-manager', 'EM'),
             ('f', 'ic-leader', 'IC leader');",
    )
    .unwrap();
    migrate_to(&mut conn, 8).unwrap();
    let directions: Vec<(String, String)> = conn
        .prepare("SELECT key, direction FROM role_profile ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let expected = [
        ("em", "to_manager"),
        ("engineering-manager", "to_manager"),
        ("ic-leader", "to_ic"),
    ]
    .map(|(k, d)| (k.to_string(), d.to_string()));
    assert_eq!(directions, expected);
    let err = conn
        .execute("UPDATE role_profile SET direction = 'sideways'", [])
        .unwrap_err();
    assert!(err.to_string().contains("CHECK"), "{err}");
}

#[test]
fn a_failing_migration_leaves_the_file_exactly_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.leadline");
    let mut conn = Connection::open(&path).unwrap();
    migrate_to(&mut conn, schema_version() - 1).unwrap();
    conn.execute("INSERT INTO person (ext_id, name) VALUES ('1', 'Ada')", [])
        .unwrap();
    let before = (schema_of(&conn), schema_summary(&conn));
    // The real last step, then one that fails half-way through.
    let mut steps: Vec<&str> = MIGRATIONS.to_vec();
    steps.push("CREATE TABLE half (x); INSERT INTO no_such_table VALUES (1);");
    let err = migrate_steps(&mut conn, &steps, steps.len() as i64).unwrap_err();
    assert!(err.to_string().contains("schema"), "{err}");
    drop(conn);
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema_version() - 1, "the version is unchanged");
    assert_eq!(
        (schema_of(&conn), schema_summary(&conn)),
        before,
        "no step of the failed upgrade is left, not even the ones that worked"
    );
    let name: String = conn
        .query_row("SELECT name FROM person", [], |r| r.get(0))
        .unwrap();
    assert_eq!(name, "Ada");
}

#[test]
fn a_stored_value_this_version_does_not_know_is_an_error_not_a_default() {
    let conn = open_in_memory().unwrap();
    let read = |text: &str| {
        conn.query_row("SELECT ?1", [text], |r| {
            r.get::<_, crate::people::PersonKind>(0)
        })
    };
    assert_eq!(read("agent").unwrap(), crate::people::PersonKind::Agent);
    let err = read("robot").unwrap_err().to_string();
    assert!(err.contains("robot") && err.contains("PersonKind"), "{err}");
    // Import spellings ("AI agent") are for files, not for stored values.
    assert!(read("AI agent").is_err());
}

#[test]
fn an_item_kind_the_budget_does_not_know_stops_the_upgrade_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.leadline");
    {
        let mut conn = Connection::open(&path).unwrap();
        migrate_to(&mut conn, 6).unwrap();
        conn.execute_batch(
            "INSERT INTO person (ext_id, name) VALUES ('1', 'Ada');
             INSERT INTO transition_plan (person_id, from_role, profile_name, start_date, budget, created_on)
                 VALUES (1, 'ic', 'P', '2026-01-01', '{}', '2026-01-01');
             INSERT INTO plan_item (plan_id, position, phase, title, kind, due_date)
                 VALUES (1, 0, 1, 'Nap', 'napping', '2026-02-01');",
        )
        .unwrap();
    }
    let err = open(&path, OpenMode::MustExist).unwrap_err();
    assert!(err.to_string().contains("schema 7"), "{err}");
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 6, "the file stays at schema 6");
    let kind: String = conn
        .query_row("SELECT kind FROM plan_item", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kind, "napping", "the item is as it was");
}

#[test]
fn a_file_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.leadline");
    drop(open(&path, OpenMode::CreateIfMissing).unwrap());
    {
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", schema_version() + 1)
            .unwrap();
    }
    let err = open(&path, OpenMode::MustExist).unwrap_err();
    assert!(
        matches!(err, Error::NewerVersion { found, .. } if found == schema_version() + 1),
        "expected NewerVersion, got {err:?}"
    );
    let c = Connection::open(&path).unwrap();
    let v: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(
        v,
        schema_version() + 1,
        "the newer file must not be downgraded"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "these are not the rows you are looking for, padded to be long enough to look like a header").unwrap();
    let err = open(&path, OpenMode::MustExist).unwrap_err();
    assert_eq!(err.kind(), crate::ErrorKind::NotAWorkspace, "got {err}");
    assert!(
        err.to_string().contains("notes.txt"),
        "message should name the file: {err}"
    );
}

#[test]
fn another_applications_sqlite_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let err = open(&path, OpenMode::MustExist).unwrap_err();
    assert_eq!(err.kind(), crate::ErrorKind::NotAWorkspace, "got {err}");
    let n: i64 = Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1, "the other file must be unchanged");
}

#[test]
fn a_missing_file_is_reported_when_it_must_exist() {
    let dir = tempfile::tempdir().unwrap();
    let err = open(&dir.path().join("nope.leadline"), OpenMode::MustExist).unwrap_err();
    assert_eq!(err.kind(), crate::ErrorKind::NotFound);
    assert!(
        !dir.path().join("nope.leadline").exists(),
        "nothing should be created"
    );
}

#[test]
fn pragmas_are_set_at_open() {
    let dir = tempfile::tempdir().unwrap();
    let conn = open(&dir.path().join("w.leadline"), OpenMode::CreateIfMissing).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    let fk: i64 = conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(fk, 1);
}

#[test]
fn a_read_transaction_sees_one_snapshot_while_another_connection_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.leadline");
    let app = open(&path, OpenMode::CreateIfMissing).unwrap();
    let cli = open(&path, OpenMode::MustExist).unwrap();
    let count = |conn: &Connection| -> i64 {
        conn.query_row("SELECT count(*) FROM team", [], |r| r.get(0))
            .unwrap()
    };
    let tx = read(&app).unwrap();
    assert_eq!(count(&tx), 0);
    cli.execute("INSERT INTO team (name) VALUES ('Platform')", [])
        .unwrap();
    assert_eq!(
        count(&tx),
        0,
        "a write after the first read must not show inside the read transaction"
    );
    drop(tx);
    assert_eq!(count(&app), 1, "after it, the write shows");
}
