//! The schema, as the list of steps that build it. A workspace records how many
//! it has had (`user_version`); opening it runs the rest, all in one transaction.

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
    // 9: a plan may be longer than 90 days (chosen when its checklist does not
    // fit the weekly budget): three phases of a third of its days each.
    r#"
    ALTER TABLE transition_plan ADD COLUMN length_days INTEGER NOT NULL DEFAULT 90
        CHECK (length_days % 3 = 0 AND length_days BETWEEN 90 AND 360);
    "#,
    // 10: org-design workshops. A snapshot is a dated copy of the reporting
    // structure (names kept, so a person deleted since still reads right); a
    // scenario is a list of steps stored against a base (the live org, or a
    // snapshot), never a copy of every row.
    r#"
    CREATE TABLE snapshot (
        id          INTEGER PRIMARY KEY,
        taken_at    TEXT NOT NULL,
        label       TEXT NOT NULL DEFAULT '',
        reason      TEXT NOT NULL CHECK (reason IN ('manual', 'before_import', 'before_apply')),
        -- A hash of the rows, so an automatic snapshot of an org that has not
        -- changed since the last one is not taken twice.
        fingerprint TEXT NOT NULL,
        -- The figures the trend chart draws, kept so it never rebuilds old orgs.
        headcount   INTEGER NOT NULL,
        managers    INTEGER NOT NULL,
        ics         INTEGER NOT NULL,
        agents      INTEGER NOT NULL,
        layers      INTEGER NOT NULL
    );
    CREATE TABLE snapshot_person (
        snapshot_id INTEGER NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
        -- The person's id at the time; no foreign key, they may be deleted since.
        person_id   INTEGER NOT NULL,
        ext_id      TEXT NOT NULL,
        name        TEXT NOT NULL,
        title       TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('human', 'agent')),
        role_track  TEXT CHECK (role_track IN ('ic', 'manager', 'ic_leader')),
        level       TEXT NOT NULL,
        team        TEXT,
        manager_id  INTEGER,
        PRIMARY KEY (snapshot_id, person_id)
    ) WITHOUT ROWID;
    CREATE TABLE scenario (
        id               INTEGER PRIMARY KEY,
        -- Travels with the scenario's file between workspaces.
        uuid             TEXT NOT NULL UNIQUE,
        name             TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
        description      TEXT NOT NULL DEFAULT '',
        -- NULL: the scenario changes the live org as it is now.
        base_snapshot_id INTEGER REFERENCES snapshot (id) ON DELETE RESTRICT,
        -- Where it came from, in words: "the live org", "a copy of …", "file …".
        origin           TEXT NOT NULL DEFAULT '',
        created_at       TEXT NOT NULL,
        -- Set when the scenario was applied to the live org (the structure change).
        applied_change_id INTEGER REFERENCES structure_change (id)
    );
    -- One user action in a scenario (a move, a split of a team, a planner's
    -- proposal): undone and redone as a whole.
    CREATE TABLE scenario_step (
        id          INTEGER PRIMARY KEY,
        scenario_id INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
        label       TEXT NOT NULL,
        -- JSON array of changes; people by their id here, new positions by UUID.
        changes     TEXT NOT NULL,
        undone      INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX scenario_step_by_scenario ON scenario_step (scenario_id, id);
    -- What a structure change did besides moves (people added and removed, role
    -- tracks and teams changed), so that undoing an applied scenario is exact.
    ALTER TABLE structure_change ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
    -- A deleted scenario can be undone like any other deletion.
    CREATE TABLE undo_entry_new (
        id      INTEGER PRIMARY KEY,
        kind    TEXT NOT NULL
            CHECK (kind IN ('person', 'assessment', 'audit', 'plan_item', 'plan', 'scenario')),
        label   TEXT NOT NULL,
        payload TEXT NOT NULL
    );
    INSERT INTO undo_entry_new SELECT id, kind, label, payload FROM undo_entry;
    DROP TABLE undo_entry;
    ALTER TABLE undo_entry_new RENAME TO undo_entry;
    "#,
];
