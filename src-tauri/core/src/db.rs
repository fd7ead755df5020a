//! Opening a workspace file: pragmas, identity check and migrations.
//!
//! Migrations are append-only. All pending ones run in one transaction and
//! `user_version` records how many have run, so a crash mid-upgrade leaves the
//! file exactly as it was. A file whose `user_version` is beyond what this build
//! knows was written by a newer Leadline and is refused untouched.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

/// Reads a text column into an enum by its stored name (`as_str`), and fails
/// on anything else: a value this build does not know means the file was
/// changed outside Leadline, and reading it as some default would hide that.
#[macro_export]
macro_rules! stored_enum {
    ($ty:ty: $($variant:expr),+ $(,)?) => {
        impl rusqlite::types::FromSql for $ty {
            fn column_result(
                value: rusqlite::types::ValueRef<'_>,
            ) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                [$($variant),+]
                    .into_iter()
                    .find(|v| v.as_str() == text)
                    .ok_or_else(|| {
                        rusqlite::types::FromSqlError::Other(
                            format!(
                                "\"{text}\" is not a {} this version of Leadline knows",
                                stringify!($ty)
                            )
                            .into(),
                        )
                    })
            }
        }
    };
}

/// Written into the SQLite header so that any other SQLite file is recognised as
/// "not a Leadline workspace" instead of being migrated into one. ('LDLN')
pub const APPLICATION_ID: i64 = 0x4C44_4C4E;

/// Each entry upgrades the schema by one version. Never edit a shipped entry;
/// append a new one.
pub const MIGRATIONS: &[&str] = &[
    // 1: people, teams and settings.
    r#"
    CREATE TABLE team (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0)
    );
    CREATE TABLE person (
        -- AUTOINCREMENT so a deleted person's id is never reused: undo restores it.
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        -- The id people see in files (an HRIS employee id); import merges by it.
        ext_id     TEXT NOT NULL UNIQUE CHECK (length(ext_id) > 0),
        name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
        title      TEXT NOT NULL DEFAULT '',
        kind       TEXT NOT NULL DEFAULT 'human' CHECK (kind IN ('human', 'agent')),
        role_track TEXT CHECK (role_track IN ('ic', 'manager', 'ic_leader')),
        level      TEXT NOT NULL DEFAULT '',
        team_id    INTEGER REFERENCES team (id) ON DELETE SET NULL,
        email      TEXT NOT NULL DEFAULT '',
        manager_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,
        -- Columns of an import that map to no field, as a JSON object of strings,
        -- so nothing in a user's file is dropped.
        attributes TEXT NOT NULL DEFAULT '{}',
        CHECK (manager_id IS NULL OR manager_id <> id)
    );
    CREATE INDEX person_by_manager ON person (manager_id);
    CREATE INDEX person_by_team ON person (team_id);
    CREATE INDEX person_by_name ON person (name COLLATE NOCASE);
    CREATE TABLE setting (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    "#,
    // 2: skill frameworks (versioned), role profiles, assessments and ratings.
    r#"
    CREATE TABLE framework (
        id          INTEGER PRIMARY KEY,
        -- Stable across versions; each edit after assessments exist adds a version.
        key         TEXT NOT NULL CHECK (length(key) > 0),
        version     INTEGER NOT NULL CHECK (version >= 1),
        name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
        description TEXT NOT NULL DEFAULT '',
        -- JSON array of the five level labels.
        scale       TEXT NOT NULL,
        builtin     INTEGER NOT NULL DEFAULT 0,
        UNIQUE (key, version)
    );
    CREATE TABLE skill_area (
        id           INTEGER PRIMARY KEY,
        framework_id INTEGER NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
        key          TEXT NOT NULL,
        name         TEXT NOT NULL,
        position     INTEGER NOT NULL,
        UNIQUE (framework_id, key)
    );
    CREATE TABLE skill (
        id           INTEGER PRIMARY KEY,
        framework_id INTEGER NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
        area_id      INTEGER NOT NULL REFERENCES skill_area (id) ON DELETE CASCADE,
        key          TEXT NOT NULL,
        name         TEXT NOT NULL,
        description  TEXT NOT NULL DEFAULT '',
        -- JSON array of five behavioural descriptions, level 1 first.
        levels       TEXT NOT NULL,
        position     INTEGER NOT NULL,
        UNIQUE (framework_id, key)
    );
    CREATE INDEX skill_by_area ON skill (area_id);
    -- Profiles follow a framework across its versions: targets name skills by key.
    CREATE TABLE role_profile (
        id            INTEGER PRIMARY KEY,
        framework_key TEXT NOT NULL,
        key           TEXT NOT NULL,
        name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
        description   TEXT NOT NULL DEFAULT '',
        builtin       INTEGER NOT NULL DEFAULT 0,
        UNIQUE (framework_key, key)
    );
    CREATE TABLE profile_target (
        profile_id INTEGER NOT NULL REFERENCES role_profile (id) ON DELETE CASCADE,
        skill_key  TEXT NOT NULL,
        level      INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        PRIMARY KEY (profile_id, skill_key)
    ) WITHOUT ROWID;
    CREATE TABLE assessment (
        id            INTEGER PRIMARY KEY,
        person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        -- The exact framework version rated against; never rewritten.
        framework_id  INTEGER NOT NULL REFERENCES framework (id) ON DELETE RESTRICT,
        assessor_role TEXT NOT NULL CHECK (assessor_role IN ('self', 'manager', 'peer', 'mentor')),
        assessor_name TEXT NOT NULL DEFAULT '',
        assessed_on   TEXT NOT NULL,
        -- Groups a self and a manager assessment filled in blind, to compare them.
        round         TEXT NOT NULL DEFAULT '',
        note          TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX assessment_by_person ON assessment (person_id, assessed_on);
    CREATE INDEX assessment_by_framework ON assessment (framework_id);
    CREATE TABLE rating (
        assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
        skill_id      INTEGER NOT NULL REFERENCES skill (id) ON DELETE RESTRICT,
        level         INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        -- 0 not now, 1 open to it, 2 wants to grow this.
        interest      INTEGER CHECK (interest BETWEEN 0 AND 2),
        note          TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (assessment_id, skill_id)
    ) WITHOUT ROWID;
    "#,
    // 3: recorded structure changes (reorgs), so each can be undone exactly.
    r#"
    CREATE TABLE structure_change (
        id          INTEGER PRIMARY KEY,
        description TEXT NOT NULL,
        made_on     TEXT NOT NULL,
        -- JSON array of {"person_id", "from", "to"}: manager ids before and after.
        moves       TEXT NOT NULL,
        undone      INTEGER NOT NULL DEFAULT 0
    );
    "#,
    // 4: transition plans and their checklist items.
    r#"
    CREATE TABLE transition_plan (
        id                  INTEGER PRIMARY KEY,
        person_id           INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        -- Kept as text so the plan still reads right if the profile is edited or deleted.
        from_role           TEXT NOT NULL,
        profile_id          INTEGER REFERENCES role_profile (id) ON DELETE SET NULL,
        profile_name        TEXT NOT NULL,
        start_date          TEXT NOT NULL,
        structure_change_id INTEGER REFERENCES structure_change (id),
        -- JSON object: weekly hours per time kind.
        budget              TEXT NOT NULL,
        checkpoint_decision TEXT CHECK (checkpoint_decision IN ('keep_going', 'adjust', 'go_back')),
        checkpoint_note     TEXT NOT NULL DEFAULT '',
        created_on          TEXT NOT NULL
    );
    CREATE INDEX plan_by_person ON transition_plan (person_id);
    CREATE TABLE plan_item (
        id             INTEGER PRIMARY KEY,
        plan_id        INTEGER NOT NULL REFERENCES transition_plan (id) ON DELETE CASCADE,
        position       INTEGER NOT NULL,
        phase          INTEGER NOT NULL CHECK (phase BETWEEN 1 AND 3),
        skill_key      TEXT NOT NULL DEFAULT '',
        skill_name     TEXT NOT NULL DEFAULT '',
        level          INTEGER,
        title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
        done_when      TEXT NOT NULL DEFAULT '',
        kind           TEXT NOT NULL,
        hours_per_week INTEGER NOT NULL DEFAULT 1,
        due_date       TEXT NOT NULL,
        done_on        TEXT,
        note           TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX plan_item_by_plan ON plan_item (plan_id, position);
    "#,
    // 5: plan direction, item sources, gaps at the start of a plan, SDLC bottleneck
    // audits, and the user's edits of the practice-template library.
    r#"
    ALTER TABLE transition_plan ADD COLUMN direction TEXT NOT NULL DEFAULT 'to_ic'
        CHECK (direction IN ('to_ic', 'to_manager'));
    -- The date of the latest assessment the plan's checklist came from.
    ALTER TABLE transition_plan ADD COLUMN baseline_on TEXT;
    ALTER TABLE plan_item ADD COLUMN source TEXT NOT NULL DEFAULT 'gap'
        CHECK (source IN ('gap', 'checkpoint', 'audit', 'own'));
    UPDATE plan_item SET source = 'checkpoint' WHERE skill_key = '' AND level IS NULL;
    -- The gaps as they were when the plan was made, so a re-assessment shows what closed.
    CREATE TABLE plan_baseline (
        plan_id    INTEGER NOT NULL REFERENCES transition_plan (id) ON DELETE CASCADE,
        skill_key  TEXT NOT NULL,
        skill_name TEXT NOT NULL,
        target     INTEGER NOT NULL,
        rating     INTEGER,
        position   INTEGER NOT NULL,
        PRIMARY KEY (plan_id, skill_key)
    ) WITHOUT ROWID;
    -- An SDLC bottleneck audit of one person's or one team's work, on a date.
    CREATE TABLE sdlc_audit (
        id        INTEGER PRIMARY KEY,
        person_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,
        team_id   INTEGER REFERENCES team (id) ON DELETE RESTRICT,
        taken_on  TEXT NOT NULL,
        note      TEXT NOT NULL DEFAULT '',
        CHECK ((person_id IS NULL) <> (team_id IS NULL))
    );
    CREATE INDEX audit_by_person ON sdlc_audit (person_id, taken_on);
    CREATE INDEX audit_by_team ON sdlc_audit (team_id, taken_on);
    -- Items fed from an audit remember it, so the same bottleneck is not added twice.
    ALTER TABLE plan_item ADD COLUMN audit_id INTEGER REFERENCES sdlc_audit (id) ON DELETE SET NULL;
    ALTER TABLE plan_item ADD COLUMN stage TEXT NOT NULL DEFAULT '';
    CREATE TABLE sdlc_audit_stage (
        audit_id    INTEGER NOT NULL REFERENCES sdlc_audit (id) ON DELETE CASCADE,
        stage       TEXT NOT NULL CHECK (stage IN ('planning', 'strategy', 'prioritization', 'bug_fixing', 'code_generation', 'code_review')),
        -- 0 not a bottleneck … 4 the main bottleneck.
        slowdown    INTEGER NOT NULL CHECK (slowdown BETWEEN 0 AND 4),
        -- 0 no AI … 4 agents do it and people review.
        ai_use      INTEGER NOT NULL CHECK (ai_use BETWEEN 0 AND 4),
        owner_id    INTEGER REFERENCES person (id) ON DELETE SET NULL,
        next_change TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (audit_id, stage)
    ) WITHOUT ROWID;
    CREATE INDEX audit_stage_by_owner ON sdlc_audit_stage (owner_id);
    -- User edits of the shipped practice-template library: rows for a skill and level
    -- replace the shipped items of that skill and level.
    CREATE TABLE practice_template (
        skill_key      TEXT NOT NULL,
        level          INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        position       INTEGER NOT NULL,
        title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
        done_when      TEXT NOT NULL DEFAULT '',
        hours_per_week INTEGER NOT NULL CHECK (hours_per_week BETWEEN 0 AND 40),
        kind           TEXT NOT NULL,
        PRIMARY KEY (skill_key, level, position)
    ) WITHOUT ROWID;
    "#,
    // 6: what a deletion removed, kept in the workspace so that undo takes an id
    // (and survives a restart) instead of trusting data sent back by the window.
    r#"
    CREATE TABLE undo_entry (
        id      INTEGER PRIMARY KEY,
        kind    TEXT NOT NULL CHECK (kind IN ('person', 'assessment', 'audit', 'plan_item', 'plan')),
        -- What was deleted, in words, for messages.
        label   TEXT NOT NULL,
        -- JSON of everything the deletion removed, as the core wrote it.
        payload TEXT NOT NULL
    );
    "#,
    // 7: a plan item's and a practice template's time kind is one of the five
    // the budget knows (SQLite adds a CHECK only by rebuilding the table). A
    // file holding another kind fails this step and is left as it was.
    r#"
    CREATE TABLE plan_item_new (
        id             INTEGER PRIMARY KEY,
        plan_id        INTEGER NOT NULL REFERENCES transition_plan (id) ON DELETE CASCADE,
        position       INTEGER NOT NULL,
        phase          INTEGER NOT NULL CHECK (phase BETWEEN 1 AND 3),
        skill_key      TEXT NOT NULL DEFAULT '',
        skill_name     TEXT NOT NULL DEFAULT '',
        level          INTEGER,
        title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
        done_when      TEXT NOT NULL DEFAULT '',
        kind           TEXT NOT NULL
            CHECK (kind IN ('hands_on', 'agents', 'reviews', 'mentoring', 'one_on_ones')),
        hours_per_week INTEGER NOT NULL DEFAULT 1,
        due_date       TEXT NOT NULL,
        done_on        TEXT,
        note           TEXT NOT NULL DEFAULT '',
        source         TEXT NOT NULL DEFAULT 'gap'
            CHECK (source IN ('gap', 'checkpoint', 'audit', 'own')),
        audit_id       INTEGER REFERENCES sdlc_audit (id) ON DELETE SET NULL,
        stage          TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO plan_item_new SELECT id, plan_id, position, phase, skill_key, skill_name, level, title,
        done_when, kind, hours_per_week, due_date, done_on, note, source, audit_id, stage FROM plan_item;
    DROP TABLE plan_item;
    ALTER TABLE plan_item_new RENAME TO plan_item;
    CREATE INDEX plan_item_by_plan ON plan_item (plan_id, position);
    CREATE TABLE practice_template_new (
        skill_key      TEXT NOT NULL,
        level          INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        position       INTEGER NOT NULL,
        title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
        done_when      TEXT NOT NULL DEFAULT '',
        hours_per_week INTEGER NOT NULL CHECK (hours_per_week BETWEEN 0 AND 40),
        kind           TEXT NOT NULL
            CHECK (kind IN ('hands_on', 'agents', 'reviews', 'mentoring', 'one_on_ones')),
        PRIMARY KEY (skill_key, level, position)
    ) WITHOUT ROWID;
    INSERT INTO practice_template_new SELECT skill_key, level, position, title, done_when,
        hours_per_week, kind FROM practice_template;
    DROP TABLE practice_template;
    ALTER TABLE practice_template_new RENAME TO practice_template;
    "#,
    // 8: a role profile says which way a move into it goes, instead of the
    // plan guessing from its name. Profiles stored before keep the direction
    // that guess gave them ("manager" in the key or name: back to managing).
    r#"
    ALTER TABLE role_profile ADD COLUMN direction TEXT NOT NULL DEFAULT 'to_ic'
        CHECK (direction IN ('to_ic', 'to_manager'));
    UPDATE role_profile SET direction = 'to_manager'
        WHERE lower(key) LIKE '%manager%' OR lower(name) LIKE '%manager%';
    "#,
];

pub fn schema_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// SQLite would read "file:…?mode=memory" as a URI and write nowhere; a
/// workspace is always a plain file path.
fn refuse_uri(path: &Path) -> Result<()> {
    if path.to_string_lossy().starts_with("file:") {
        return Err(Error::InvalidInput(format!(
            "{} looks like an SQLite URI; give the workspace as a plain file path",
            path.display()
        )));
    }
    Ok(())
}

/// Whether opening may create a new, empty workspace file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    CreateIfMissing,
    MustExist,
}

pub fn open(path: &Path, mode: OpenMode) -> Result<Connection> {
    if mode == OpenMode::MustExist && !path.exists() {
        return Err(Error::NotFound(format!(
            "workspace file {} does not exist",
            path.display()
        )));
    }
    refuse_uri(path)?;
    if path.is_dir() {
        return Err(Error::NotAWorkspace(format!(
            "{} is a folder, not a workspace file",
            path.display()
        )));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)
        .map_err(|e| Error::NotAWorkspace(format!("cannot open {}: {e}", path.display())))?;
    prepare(conn, &path.display().to_string())
}

/// A fresh private database, for tests and benchmarks.
pub fn open_in_memory() -> Result<Connection> {
    prepare(Connection::open_in_memory()?, ":memory:")
}

fn prepare(mut conn: Connection, label: &str) -> Result<Connection> {
    // Reading the header first turns "file is not a database" into a clear message
    // before any pragma could write to a stranger's file.
    let application_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| Error::NotAWorkspace(format!("{label} is not a Leadline workspace: {e}")))?;
    let user_version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if application_id != 0 && application_id != APPLICATION_ID {
        return Err(Error::NotAWorkspace(format!(
            "{label} is an SQLite file of another application, not a Leadline workspace"
        )));
    }
    if application_id == 0 {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if tables > 0 {
            return Err(Error::NotAWorkspace(format!(
                "{label} is an SQLite file but not a Leadline workspace"
            )));
        }
    }
    if user_version > schema_version() {
        return Err(Error::NewerVersion {
            found: user_version,
            supported: schema_version(),
        });
    }
    configure(&conn)?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// WAL lets a CLI read while the app writes; `synchronous = NORMAL` is durable
/// against an app crash in WAL mode and only risks the last commit on power
/// loss, a fair trade for interactive editing speed.
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    // In-memory databases answer "memory"; any file must really be in WAL.
    if mode != "wal" && mode != "memory" {
        return Err(Error::Internal(format!(
            "could not switch the workspace to WAL mode (got {mode})"
        )));
    }
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    let foreign_keys: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    let synchronous: i64 = conn.pragma_query_value(None, "synchronous", |r| r.get(0))?;
    if !foreign_keys || synchronous != 1 {
        return Err(Error::Internal(
            "the workspace connection did not accept its settings (foreign_keys, synchronous)"
                .into(),
        ));
    }
    Ok(())
}

/// Begins the one write transaction of a command. `BEGIN IMMEDIATE` takes the
/// write lock before the first read, so the checks that follow see exactly what
/// the write will change, and a second writer waits for the busy timeout
/// instead of failing when a read transaction tries to become a write.
pub fn write(conn: &Connection) -> Result<Transaction<'_>> {
    Ok(Transaction::new_unchecked(
        conn,
        TransactionBehavior::Immediate,
    )?)
}

/// Writes the whole database as a new file at `path`, which must not exist yet
/// (the CLI builds a new workspace in memory and saves it only once an import
/// has landed, so a refused file leaves nothing behind).
pub fn save_copy(conn: &Connection, path: &Path) -> Result<()> {
    refuse_uri(path)?;
    if path.exists() {
        return Err(Error::FileExists(path.to_path_buf()));
    }
    conn.execute("VACUUM INTO ?1", [path.to_string_lossy()])
        .map_err(|e| {
            Error::io(
                format!("cannot write {}", path.display()),
                std::io::Error::other(e),
            )
        })?;
    Ok(())
}

fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_to(conn, schema_version())
}

/// Runs the migrations up to `target` (used by the schema test to upgrade step
/// by step), all pending ones in one transaction.
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    migrate_steps(conn, MIGRATIONS, target)
}

/// `migrate_to` over a given list of steps, so a test can append a failing one.
fn migrate_steps(conn: &mut Connection, steps: &[&str], target: i64) -> Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current >= target {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read again under the write lock: another process may have upgraded the
    // file between the check above and the lock.
    let current: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current >= target {
        return Ok(());
    }
    for (index, sql) in steps
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(current as usize)
    {
        tx.execute_batch(sql).map_err(|e| {
            Error::Internal(format!(
                "upgrading the workspace to schema {} failed: {e}",
                index + 1
            ))
        })?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
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
            "table sdlc_audit: id person_id team_id taken_on note",
            "table sdlc_audit_stage: audit_id stage slowdown ai_use owner_id next_change",
            "table setting: key value",
            "table skill: id framework_id area_id key name description levels position",
            "table skill_area: id framework_id key name position",
            "table structure_change: id description made_on moves undone",
            "table team: id name",
            "table transition_plan: id person_id from_role profile_id profile_name start_date structure_change_id budget checkpoint_decision checkpoint_note created_on direction baseline_on",
            "table undo_entry: id kind label payload",
        ];
        assert_eq!(schema_summary(&open_in_memory().unwrap()), expected);
        assert_eq!(schema_version(), 8, "a new migration needs its line above");
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
}
