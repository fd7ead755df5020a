use super::assessment::*;
use super::framework::*;
use super::gaps::*;
use crate::people::tests::add;
use crate::skills::open_seeded;
use crate::ErrorKind;
use rusqlite::Connection;

/// A small framework: two areas, three skills, one profile.
pub(crate) fn small() -> FrameworkFile {
    let levels = |s: &str| {
        (1..=5)
            .map(|l| format!("{s} at level {l}"))
            .collect::<Vec<_>>()
    };
    FrameworkFile {
        format: FORMAT.into(),
        format_version: 1,
        key: "small".into(),
        name: "Small".into(),
        version: 1,
        description: String::new(),
        scale: ["a", "b", "c", "d", "e"].map(String::from).to_vec(),
        areas: vec![
            AreaFile {
                key: "work".into(),
                name: "Work".into(),
                skills: vec![
                    SkillFile {
                        key: "delegate".into(),
                        name: "Delegate".into(),
                        description: String::new(),
                        levels: levels("delegates"),
                    },
                    SkillFile {
                        key: "decompose".into(),
                        name: "Decompose".into(),
                        description: String::new(),
                        levels: levels("decomposes"),
                    },
                ],
            },
            AreaFile {
                key: "people".into(),
                name: "People".into(),
                skills: vec![SkillFile {
                    key: "coach".into(),
                    name: "Coach".into(),
                    description: String::new(),
                    levels: levels("coaches"),
                }],
            },
        ],
        profiles: vec![ProfileFile {
            key: "lead".into(),
            name: "Lead".into(),
            description: String::new(),
            direction: Direction::ToIc,
            targets: [("delegate", 4), ("decompose", 3), ("coach", 2)]
                .map(|(k, v)| (k.to_string(), v))
                .into(),
        }],
    }
}

pub(crate) fn rating(skill: &str, level: u8, interest: Option<u8>) -> RatingInput {
    RatingInput {
        skill_key: skill.into(),
        level,
        interest,
        note: String::new(),
    }
}

pub(crate) fn assess(
    conn: &Connection,
    person: i64,
    framework: i64,
    role: AssessorRole,
    date: &str,
    ratings: Vec<RatingInput>,
) -> Assessment {
    assessment_create(
        conn,
        &AssessmentInput {
            person_id: person,
            framework_id: framework,
            assessor_role: role,
            assessor_name: String::new(),
            assessed_on: date.into(),
            round: String::new(),
            note: String::new(),
            ratings,
        },
    )
    .unwrap()
}

#[test]
fn the_builtin_framework_ships_with_leveled_skills_and_profiles() {
    let conn = open_seeded();
    let framework = framework_resolve(&conn, "ai-native-ic-leader").unwrap();
    assert!(framework.builtin);
    let skills: Vec<&Skill> = framework.skills().map(|(_, s)| s).collect();
    assert!(
        (12..=14).contains(&skills.len()),
        "12 to 14 skills, found {}",
        skills.len()
    );
    assert!(skills
        .iter()
        .all(|s| s.levels.len() == 5 && s.levels.iter().all(|l| !l.is_empty())));
    let profiles = profile_list(&conn, &framework.key).unwrap();
    let keys: Vec<&str> = profiles.iter().map(|p| p.key.as_str()).collect();
    for expected in [
        "engineering-manager",
        "tech-lead",
        "ic-leader",
        "staff-ic-leader",
    ] {
        assert!(
            keys.contains(&expected),
            "profile {expected} missing from {keys:?}"
        );
    }
    let directions: Vec<(&str, Direction)> = profiles
        .iter()
        .map(|p| (p.key.as_str(), p.direction))
        .collect();
    assert_eq!(
        directions,
        [
            ("engineering-manager", Direction::ToManager),
            ("tech-lead", Direction::ToIc),
            ("ic-leader", Direction::ToIc),
            ("staff-ic-leader", Direction::ToIc),
        ],
        "only the manager profile is a move (back) to managing"
    );
    for p in &profiles {
        assert_eq!(
            p.targets.len(),
            skills.len(),
            "{} must target every skill",
            p.name
        );
    }
    // Opening again does not install it twice.
    let tx = crate::db::write(&conn).unwrap();
    super::builtin_ensure(&tx).unwrap();
    tx.commit().unwrap();
    assert_eq!(framework_list(&conn).unwrap().len(), 1);
}

#[test]
fn a_builtin_framework_cannot_be_changed_in_place() {
    let conn = open_seeded();
    let mut file = framework_parse(super::BUILTIN_FRAMEWORK).unwrap();
    file.name = "Mine now".into();
    let err = framework_save(&conn, &file, false).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    file.key = "my-copy".into();
    file.profiles.clear();
    assert_eq!(
        framework_save(&conn, &file, false).unwrap().name,
        "Mine now",
        "a copy under a new key is fine"
    );
}

#[test]
fn a_malformed_framework_file_lists_each_problem_and_changes_nothing() {
    let conn = open_seeded();
    let before = framework_list(&conn).unwrap();
    let mut file = small();
    file.scale.pop();
    file.areas[0].skills[1].key = "delegate".into();
    file.areas[1].skills[0].levels[2] = " ".into();
    file.profiles[0].targets.insert("juggling".into(), 9);
    let text = serde_json::to_string(&file).unwrap();
    let err = framework_parse(&text).unwrap_err();
    let crate::Error::FrameworkInvalid(problems) = &err else {
        panic!("expected FrameworkInvalid, got {err:?}")
    };
    // The renamed skill also leaves the profile's "decompose" target pointing at nothing.
    assert_eq!(
        problems.len(),
        6,
        "scale, duplicate key, empty level, two unknown skills, target out of scale: {problems:#?}"
    );
    assert!(problems
        .iter()
        .any(|p| p.contains("areas[0].skills[1]") && p.contains("twice")));
    assert!(problems.iter().any(|p| p.contains("level 3")));
    assert_eq!(
        framework_save(&conn, &file, false).unwrap_err().kind(),
        ErrorKind::FrameworkInvalid
    );
    assert_eq!(
        framework_list(&conn).unwrap(),
        before,
        "nothing may be stored"
    );
    let err = framework_parse("{ not json").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::FrameworkInvalid);
}

#[test]
fn a_framework_without_a_name_or_with_a_short_scale_is_refused_naming_both() {
    let conn = open_seeded();
    let before = framework_list(&conn).unwrap();
    let mut file = small();
    file.name = " ".into();
    file.scale = vec!["a".into()];
    assert_eq!(
        framework_problems(&file),
        [
            "name is empty",
            "scale must have 5 non-empty labels, it has 1"
        ]
    );
    let err = framework_save(&conn, &file, false).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::FrameworkInvalid);
    assert_eq!(framework_list(&conn).unwrap(), before, "nothing is stored");
}

#[test]
fn a_framework_exports_and_imports_back_unchanged() {
    let conn = open_seeded();
    let saved = framework_save(&conn, &small(), false).unwrap();
    let exported = framework_export(&conn, saved.id).unwrap();
    assert_eq!(exported, small());
    let builtin = framework_resolve(&conn, "ai-native-ic-leader").unwrap();
    let file = framework_export(&conn, builtin.id).unwrap();
    assert_eq!(
        file,
        framework_parse(super::BUILTIN_FRAMEWORK).unwrap(),
        "the shipped file round-trips"
    );
}

#[test]
fn a_framework_document_is_named_after_its_name_and_version() {
    let mut file = small();
    file.name = "Platform / SRE: ladder".into();
    file.version = 2;
    assert_eq!(framework_file_name(&file), "Platform SRE ladder v2.json");
}

#[test]
fn editing_a_framework_after_assessments_exist_creates_a_new_version() {
    let conn = open_seeded();
    let ada = add(&conn, "Ada", None);
    let v1 = framework_save(&conn, &small(), false).unwrap();
    // Without assessments an edit replaces the version in place.
    let mut edited = small();
    edited.areas[0].skills[0].name = "Delegating".into();
    let same = framework_save(&conn, &edited, false).unwrap();
    assert_eq!((same.id, same.version), (v1.id, 1));

    let old = assess(
        &conn,
        ada,
        v1.id,
        AssessorRole::SelfAssessed,
        "2026-01-10",
        vec![rating("delegate", 2, None)],
    );
    edited.areas[0].skills[0].name = "Delegating to agents".into();
    let v2 = framework_save(&conn, &edited, false).unwrap();
    assert_eq!(v2.version, 2, "an edit after an assessment adds a version");
    assert_ne!(v2.id, v1.id);
    let old_again = assessment_get(&conn, old.id).unwrap();
    assert_eq!(old_again.framework_version, 1);
    assert_eq!(
        old_again.ratings[0].skill_name, "Delegating",
        "history keeps the wording it was rated against"
    );
    assert_eq!(
        framework_resolve(&conn, "small").unwrap().id,
        v2.id,
        "the latest version is the default"
    );
}

#[test]
fn ratings_outside_the_scale_or_for_unknown_skills_are_refused() {
    let conn = open_seeded();
    let ada = add(&conn, "Ada", None);
    let f = framework_save(&conn, &small(), false).unwrap();
    let input = |ratings| AssessmentInput {
        person_id: ada,
        framework_id: f.id,
        assessor_role: AssessorRole::SelfAssessed,
        assessor_name: String::new(),
        assessed_on: "2026-02-01".into(),
        round: String::new(),
        note: String::new(),
        ratings,
    };
    for (bad, why) in [
        (vec![rating("delegate", 6, None)], "level 6"),
        (vec![rating("delegate", 0, None)], "level 0"),
        (vec![rating("juggling", 3, None)], "unknown skill"),
        (vec![rating("delegate", 3, Some(3))], "interest 3"),
        (
            vec![rating("delegate", 3, None), rating("delegate", 4, None)],
            "twice",
        ),
        (vec![], "no ratings"),
    ] {
        let err = assessment_create(&conn, &input(bad)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{why}: {err}");
    }
    let mut bad_date = input(vec![rating("delegate", 3, None)]);
    bad_date.assessed_on = "2026-02-30".into();
    assert_eq!(
        assessment_create(&conn, &bad_date).unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
    assert!(
        assessment_list(&conn, ada, None).unwrap().is_empty(),
        "nothing was stored"
    );
}

/// Hand-checked: targets delegate 4, decompose 3, coach 2.
/// Manager rates delegate 2, decompose 3, coach 1; self rates delegate 3 (wants to grow), coach 1 (wants to grow).
/// Gaps from the manager's ratings: delegate 2, coach 1, decompose 0.
#[test]
fn gaps_are_ordered_by_size_and_skip_skills_at_target() {
    let conn = open_seeded();
    let ada = add(&conn, "Ada", None);
    let f = framework_save(&conn, &small(), false).unwrap();
    assess(
        &conn,
        ada,
        f.id,
        AssessorRole::Manager,
        "2025-06-01",
        vec![
            rating("delegate", 1, None),
            rating("decompose", 2, None),
            rating("coach", 1, None),
        ],
    );
    assess(
        &conn,
        ada,
        f.id,
        AssessorRole::SelfAssessed,
        "2026-03-01",
        vec![rating("delegate", 3, Some(2)), rating("coach", 1, Some(2))],
    );
    assess(
        &conn,
        ada,
        f.id,
        AssessorRole::Manager,
        "2026-03-02",
        vec![
            rating("delegate", 2, None),
            rating("decompose", 3, None),
            rating("coach", 1, None),
        ],
    );
    let profile = profile_resolve(&conn, "lead").unwrap();
    let report = gap_analysis(&conn, ada, profile.id).unwrap();
    let gaps: Vec<(&str, Option<u8>)> = report
        .gaps
        .iter()
        .map(|g| (g.skill_key.as_str(), g.gap))
        .collect();
    assert_eq!(gaps, [("delegate", Some(2)), ("coach", Some(1))]);
    let delegate = &report.skills[0];
    assert_eq!(
        (
            delegate.self_level,
            delegate.manager_level,
            delegate.previous_level,
            delegate.target
        ),
        (Some(3), Some(2), Some(1), Some(4))
    );
    assert_eq!(
        report.skills.len(),
        3,
        "every skill is in the table for the radar"
    );
    assert_eq!(report.manager_assessed_on.as_deref(), Some("2026-03-02"));
}

#[test]
fn self_and_manager_assessments_compare_skill_by_skill() {
    let conn = open_seeded();
    let ada = add(&conn, "Ada", None);
    let f = framework_save(&conn, &small(), false).unwrap();
    let own = assess(
        &conn,
        ada,
        f.id,
        AssessorRole::SelfAssessed,
        "2026-03-01",
        vec![rating("delegate", 4, None), rating("coach", 2, None)],
    );
    let theirs = assess(
        &conn,
        ada,
        f.id,
        AssessorRole::Manager,
        "2026-03-01",
        vec![
            rating("delegate", 2, None),
            rating("coach", 2, None),
            rating("decompose", 3, None),
        ],
    );
    let c = assessment_compare(&conn, own.id, theirs.id).unwrap();
    let diffs: Vec<(&str, Option<i8>)> = c
        .skills
        .iter()
        .map(|s| (s.skill_key.as_str(), s.difference))
        .collect();
    assert_eq!(
        diffs,
        [
            ("delegate", Some(-2)),
            ("decompose", None),
            ("coach", Some(0))
        ]
    );
}

#[test]
fn history_follows_a_skill_across_framework_versions() {
    let conn = open_seeded();
    let ada = add(&conn, "Ada", None);
    let v1 = framework_save(&conn, &small(), false).unwrap();
    assess(
        &conn,
        ada,
        v1.id,
        AssessorRole::SelfAssessed,
        "2025-01-01",
        vec![rating("delegate", 1, None)],
    );
    let mut edited = small();
    edited.name = "Small, revised".into();
    let v2 = framework_save(&conn, &edited, false).unwrap();
    assess(
        &conn,
        ada,
        v2.id,
        AssessorRole::SelfAssessed,
        "2026-01-01",
        vec![rating("delegate", 3, None)],
    );
    let history = skill_history(&conn, ada, "small").unwrap();
    let levels: Vec<u8> = history[0].points.iter().map(|p| p.level).collect();
    assert_eq!(levels, [1, 3], "oldest first, across versions");
}

/// Hand-checked: Ada delegate 4, coach 1; Bo delegate 2 (older 5 ignored); Cy unrated.
/// Averages: delegate 3.0, coach 1.0, decompose none. Targets delegate 4, decompose 3, coach 2:
/// delegate reached by Ada; decompose has no ratings; coach reached by nobody.
#[test]
fn the_heatmap_shows_latest_ratings_averages_and_unreached_targets() {
    let conn = open_seeded();
    let ada = add(&conn, "Ada", None);
    let bo = add(&conn, "Bo", Some(ada));
    let cy = add(&conn, "Cy", Some(ada));
    let f = framework_save(&conn, &small(), false).unwrap();
    assess(
        &conn,
        ada,
        f.id,
        AssessorRole::Manager,
        "2026-01-01",
        vec![rating("delegate", 4, None), rating("coach", 1, None)],
    );
    assess(
        &conn,
        bo,
        f.id,
        AssessorRole::Manager,
        "2025-01-01",
        vec![rating("delegate", 5, None)],
    );
    assess(
        &conn,
        bo,
        f.id,
        AssessorRole::SelfAssessed,
        "2026-01-01",
        vec![rating("delegate", 2, None)],
    );
    let profile = profile_resolve(&conn, "lead").unwrap();
    let map = team_heatmap(&conn, &[ada, bo, cy], "small", Some(profile.id)).unwrap();
    assert_eq!(map.rows.len(), 3);
    assert_eq!(
        map.rows[1].levels,
        vec![Some(2), None, None],
        "Bo's latest rating wins"
    );
    assert_eq!(map.rows[2].levels, vec![None, None, None]);
    let averages: Vec<Option<f64>> = map.skills.iter().map(|s| s.average).collect();
    assert_eq!(averages, [Some(3.0), None, Some(1.0)]);
    assert_eq!(map.nobody_at_target, ["decompose", "coach"]);
}

#[test]
fn an_import_preview_says_what_saving_would_do() {
    let conn = open_seeded();
    let text = serde_json::to_string(&small()).unwrap();
    assert_eq!(
        framework_import_preview(&conn, &text).unwrap().outcome,
        SaveOutcome::Create
    );
    let saved = framework_save(&conn, &small(), false).unwrap();
    assert_eq!(
        framework_import_preview(&conn, &text).unwrap().outcome,
        SaveOutcome::Replace
    );
    let ada = add(&conn, "Ada", None);
    assess(
        &conn,
        ada,
        saved.id,
        AssessorRole::SelfAssessed,
        "2026-01-01",
        vec![rating("coach", 2, None)],
    );
    let preview = framework_import_preview(&conn, &text).unwrap();
    assert_eq!(preview.outcome, SaveOutcome::NewVersion);
    assert_eq!(preview.existing.unwrap().version, 1);
    assert_eq!(
        framework_import_preview(&conn, super::BUILTIN_FRAMEWORK)
            .unwrap()
            .outcome,
        SaveOutcome::RefusedBuiltin
    );
    assert_eq!(
        framework_list(&conn).unwrap().len(),
        2,
        "previews never save"
    );
}

/// Equal gaps, listed least wanted first: only the interest tie-break can put
/// "wanted" (2) before "open" (1) before "unsaid" (none).
#[test]
fn equal_gaps_are_ordered_by_interest() {
    let row = |key: &str, interest: Option<u8>| crate::skills::gaps::GapRow {
        area: "A".into(),
        skill_key: key.into(),
        skill_name: key.into(),
        target: Some(4),
        current: Some(2),
        self_level: Some(2),
        manager_level: None,
        previous_level: None,
        gap: Some(2),
        interest,
    };
    let rows = [
        row("unsaid", None),
        row("open", Some(1)),
        row("wanted", Some(2)),
    ];
    let order: Vec<String> = crate::skills::gaps::gaps_ordered(&rows)
        .into_iter()
        .map(|g| g.skill_key)
        .collect();
    assert_eq!(
        order,
        ["wanted", "open", "unsaid"],
        "the bigger interest first among equal gaps"
    );
}
