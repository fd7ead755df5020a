//! The answers the window's component tests get from their mocked host,
//! produced by the core itself.
//!
//! The UI tests mock `ui/src/lib/api.ts`; what the mocks return must be what
//! the host returns, never a second implementation of its rules. So a small
//! workspace is built here through the core's API (`ui_fixtures/seed.rs`
//! describes it) and the value each Tauri command would send back is written
//! to `ui/src/fixtures/<name>.json` (the commands in `src-tauri/app/commands`
//! are thin wrappers over the calls below). Like the TS bindings, the files
//! are committed, and `cargo xtask test` fails when running the tests changed
//! them.
//!
//! Nothing here reads the clock: every "today" is a fixed date (`seed::TODAY`
//! and the dates in the seed), and ids and undo ids follow from the order of
//! the writes, so two runs write the same bytes.

#[path = "ui_fixtures/seed.rs"]
mod seed;
#[path = "ui_fixtures/variants.rs"]
mod variants;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use leadline_core::import::{import_preview, Field, ImportOptions};
use leadline_core::overview::person_overview;
use leadline_core::people::{person_get, person_page};
use leadline_core::reorg::{reorg_preview, Move};
use leadline_core::settings::thresholds_get;
use leadline_core::skills::assessment::{assessment_compare, assessment_list};
use leadline_core::skills::framework::{
    framework_export, framework_get, framework_import_preview, framework_list, profile_list,
};
use leadline_core::skills::gaps::{gap_analysis, skill_history, HeatmapScope};
use leadline_core::skills::BUILTIN_FRAMEWORK;
use leadline_core::teams::team_list;
use leadline_core::transition::audit::{audit_get, audit_list, audit_scales, AuditScope};
use leadline_core::transition::library::template_library;
use leadline_core::transition::plan::{plan_get, plan_list, plan_markdown};
use leadline_core::transition::shipped_templates;
use leadline_core::Workspace;
use seed::{BUILTIN, TODAY};

/// The fixtures of one run, by name, as the text written.
#[derive(Default)]
struct Fixtures(BTreeMap<String, String>);

impl Fixtures {
    fn add(&mut self, name: &str, value: &impl serde::Serialize) {
        let mut text = serde_json::to_string_pretty(value).expect("a fixture serializes");
        text.push('\n');
        assert!(
            self.0.insert(name.to_string(), text).is_none(),
            "two fixtures are named {name}"
        );
    }

    /// Writes every fixture whose text changed and removes the files of
    /// fixtures no longer made, so a renamed fixture cannot linger.
    fn write(&self, dir: &Path) {
        std::fs::create_dir_all(dir).unwrap();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            if path.extension().is_some_and(|e| e == "json") && !self.0.contains_key(stem) {
                std::fs::remove_file(&path).unwrap();
            }
        }
        for (name, text) in &self.0 {
            let path = dir.join(format!("{name}.json"));
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                std::fs::write(&path, text).unwrap();
            }
        }
    }
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/fixtures")
}

#[test]
fn the_ui_fixtures_are_what_the_core_returns() {
    let mut fixtures = Fixtures::default();
    org_fixtures(&mut fixtures);
    work_fixtures(&mut fixtures);
    variants::plan_variants(&mut fixtures);
    variants::other_variants(&mut fixtures);
    variants::pace_variants(&mut fixtures);
    fixtures.write(&fixtures_dir());
}

/// The seed's description, checked by hand against what the core computes:
/// a fixture that drifted from its story would mislead every test using it.
#[test]
fn the_sample_workspace_is_what_its_description_says() {
    let mut ws = Workspace::in_memory().unwrap();
    let org = seed::org(&mut ws);
    let m = ws.metrics(None).unwrap();
    assert_eq!(
        (m.headcount, m.agents, m.managers, m.ics, m.layers),
        (10, 2, 3, 7, 3),
        "10 humans, 2 agents; Grace, Ada and Alan manage; three layers"
    );
    assert_eq!(m.ic_to_manager_ratio, Some(7.0 / 3.0));
    let single: Vec<&str> = m
        .flags
        .single_report
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(single, ["Alan Turing"]);
    let mismatched: Vec<&str> = m.role_mismatches.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(mismatched, ["Linus Torvalds"]);

    let preview = reorg_preview(&mut ws, &org.ada_reports_to_grace()).unwrap();
    let receiving: Vec<(&str, u32, u32, bool, bool)> = preview
        .receiving
        .iter()
        .map(|r| {
            let (name, before, after) = (r.name.as_str(), r.span_before, r.span_after);
            (name, before, after, r.becomes_wide, r.wide_before)
        })
        .collect();
    assert_eq!(
        receiving,
        [("Grace Hopper", 4, 8, true, false)],
        "Ada's four people join Grace's four: 8 reaches the wide threshold"
    );
    assert_eq!((preview.after.managers, preview.after.ics), (2, 8));

    let work = seed::work(&mut ws, &org);
    let levels = |phase: u8| -> Vec<(String, Option<u8>)> {
        let mut seen: Vec<(String, Option<u8>)> = Vec::new();
        for item in work.plan.items.iter().filter(|i| i.phase == phase) {
            let key = (item.skill_key.clone(), item.level);
            if !seen.contains(&key) {
                seen.push(key);
            }
        }
        seen
    };
    let named = |pairs: &[(&str, Option<u8>)]| -> Vec<(String, Option<u8>)> {
        pairs.iter().map(|&(k, l)| (k.to_string(), l)).collect()
    };
    assert_eq!(
        levels(1),
        named(&[
            ("delegating-work", Some(3)),
            ("coaching", Some(2)),
            ("decomposing-work", Some(4))
        ]),
        "the biggest gaps first (delegating wants to grow more than coaching); decomposing is among the first three"
    );
    // Paced: 15 items and the checkpoint over 12 weeks take at most
    // max(2, ⌈16/12⌉) = 2 a week, so days 1–30 hold 8 of their 9 items; the
    // last (a decomposing item, the smallest gap) waits for days 31–60.
    assert_eq!(
        levels(2),
        named(&[
            ("decomposing-work", Some(4)),
            ("delegating-work", Some(4)),
            ("coaching", Some(3))
        ]),
        "each further level a phase later, after the one item days 1–30 had no place for"
    );
    let per_phase: Vec<u32> = work.plan.phases.iter().map(|p| p.total).collect();
    assert_eq!(per_phase, [8, 7, 1]);
    assert_eq!(levels(3), named(&[("", None)]), "only the checkpoint");
    assert_eq!(work.plan.from_role, "manager of 4");
    assert_eq!(
        work.audit_later.previous.as_ref().map(|p| p.id),
        Some(work.audit_earlier.id)
    );
}

/// Read before anyone moves: the org, the skills, the import wizard.
fn org_fixtures(f: &mut Fixtures) {
    let mut ws = Workspace::in_memory().unwrap();
    let org = seed::org(&mut ws);
    f.add(
        "placement_candidates_ada",
        &leadline_core::placement::placement_candidates(&mut ws, org.ada.id).unwrap(),
    );
    let conn = ws.conn();
    f.add("thresholds", &thresholds_get(conn).unwrap());
    f.add("team_list", &team_list(conn).unwrap());
    f.add("person_page", &person_page(conn, "", 0, 200).unwrap());
    f.add("person_ada", &person_get(conn, org.ada.id).unwrap());
    f.add("person_linus", &person_get(conn, org.linus.id).unwrap());
    f.add(
        "person_katherine",
        &person_get(conn, org.katherine.id).unwrap(),
    );
    f.add("metrics", &ws.metrics(None).unwrap());
    f.add("org_roots", &ws.org_children(None, 0, 50).unwrap());
    f.add(
        "org_children_grace",
        &ws.org_children(Some(org.grace.id), 0, 50).unwrap(),
    );
    f.add(
        "org_children_ada",
        &ws.org_children(Some(org.ada.id), 0, 50).unwrap(),
    );
    f.add(
        "org_children_alan",
        &ws.org_children(Some(org.alan.id), 0, 50).unwrap(),
    );
    f.add("org_chain_bo", &ws.org_chain(org.bo.id).unwrap());
    // What the pickers get for what the component tests type.
    for query in [
        "ada",
        "alan",
        "alex",
        "alexander",
        "bo",
        "grace",
        "kath",
        "la",
        "linus",
        "nobody",
        "o",
        "review",
    ] {
        f.add(
            &format!("org_search_{query}"),
            &ws.org_search(query, 20).unwrap(),
        );
    }
    f.add("org_search_a_limit_3", &ws.org_search("a", 3).unwrap());
    let to_ic = reorg_preview(&mut ws, &org.ada_reports_to_grace()).unwrap();
    f.add("reorg_preview_ada_to_ic", &to_ic);
    let to_manager = [Move {
        person_id: org.alexander_staff.id,
        to_manager: Some(org.katherine.id),
    }];
    f.add(
        "reorg_preview_katherine_to_manager",
        &reorg_preview(&mut ws, &to_manager).unwrap(),
    );

    let conn = ws.conn();
    let ic_leader = org.profile("ic-leader").id;
    f.add("framework_list", &framework_list(conn).unwrap());
    f.add(
        "framework_builtin",
        &framework_get(conn, org.builtin.id).unwrap(),
    );
    f.add(
        "framework_platform_craft",
        &framework_get(conn, org.craft.id).unwrap(),
    );
    f.add(
        "framework_document_builtin",
        &framework_export(conn, org.builtin.id).unwrap(),
    );
    f.add(
        "framework_document_platform_craft",
        &framework_export(conn, org.craft.id).unwrap(),
    );
    f.add("profile_list", &profile_list(conn, BUILTIN).unwrap());
    f.add(
        "assessment_list_ada",
        &assessment_list(conn, org.ada.id, Some(BUILTIN)).unwrap(),
    );
    f.add(
        "assessment_list_katherine",
        &assessment_list(conn, org.katherine.id, Some(BUILTIN)).unwrap(),
    );
    f.add(
        "assessment_compare_ada",
        &assessment_compare(conn, org.ada_self_h2.id, org.ada_manager_h2.id).unwrap(),
    );
    f.add(
        "gap_analysis_ada",
        &gap_analysis(conn, org.ada.id, ic_leader).unwrap(),
    );
    f.add(
        "gap_analysis_linus",
        &gap_analysis(conn, org.linus.id, ic_leader).unwrap(),
    );
    f.add(
        "skill_history_ada",
        &skill_history(conn, org.ada.id, BUILTIN).unwrap(),
    );
    let everyone = HeatmapScope::Subtree {
        person_id: org.grace.id,
    };
    f.add(
        "team_heatmap_grace",
        &ws.heatmap(everyone, BUILTIN, Some(ic_leader)).unwrap(),
    );
    for (name, team_id) in [
        ("team_heatmap_platform", org.platform),
        ("team_heatmap_search", org.search),
    ] {
        let team = HeatmapScope::Team { team_id };
        f.add(name, &ws.heatmap(team, BUILTIN, Some(ic_leader)).unwrap());
    }

    let conn = ws.conn();
    let mut team_craft = seed::platform_craft("Team craft");
    team_craft.key = "team-craft".into();
    let text = |file| serde_json::to_string(file).unwrap();
    f.add(
        "framework_import_preview_create",
        &framework_import_preview(conn, &text(&team_craft)).unwrap(),
    );
    let craft = framework_export(conn, org.craft.id).unwrap();
    f.add(
        "framework_import_preview_replace",
        &framework_import_preview(conn, &text(&craft)).unwrap(),
    );
    f.add(
        "framework_import_preview_refused_builtin",
        &framework_import_preview(conn, BUILTIN_FRAMEWORK).unwrap(),
    );

    let people = import_csv(&org);
    let preview = |options: &ImportOptions| import_preview(conn, "people.csv", &people, options);
    f.add(
        "import_preview",
        &preview(&ImportOptions::default()).unwrap(),
    );
    let boss_mapped = ImportOptions {
        mapping: Some(vec![
            Some(Field::Id),
            Some(Field::Name),
            Some(Field::ManagerId),
        ]),
        ..ImportOptions::default()
    };
    f.add("import_preview_problems", &preview(&boss_mapped).unwrap());
    let everyone_else = ImportOptions {
        remove_missing: true,
        ..ImportOptions::default()
    };
    f.add(
        "import_preview_removal",
        &import_preview(
            conn,
            "people.csv",
            removal_csv(&org).as_bytes(),
            &everyone_else,
        )
        .unwrap(),
    );
    // An HRIS column called EMAIL holding user names, not addresses.
    let odd_email = b"id;name;EMAIL\nE9001;Zoe Ng;SKING\n";
    f.add(
        "import_preview_warning",
        &import_preview(conn, "people.csv", odd_email, &ImportOptions::default()).unwrap(),
    );
}

/// A file in windows-1252 with semicolons, as spreadsheets in many locales
/// save it: Katherine renamed, two new people under Ada. "Boss" is not a
/// header Leadline recognises, so the automatic mapping leaves it out, and
/// one of the bosses is an id nobody has.
fn import_csv(org: &seed::Org) -> Vec<u8> {
    let text = format!(
        "Emp ID;Name;Boss\n{};Katherine Johnson-Goble;{}\nE9001;Zoë Ng;{}\nE9002;Omar Haddad;E404\n",
        org.katherine.ext_id, org.grace.ext_id, org.ada.ext_id
    );
    text.chars()
        .map(|c| match c {
            'ë' => 0xEB,
            c if c.is_ascii() => c as u8,
            c => panic!("{c} is not in this file's alphabet"),
        })
        .collect()
}

/// Only the three people with assessments (whom an import may not remove)
/// and one newcomer: removing everyone else is 9 of 12.
fn removal_csv(org: &seed::Org) -> String {
    format!(
        "Emp ID;Name\n{};Ada Lovelace\n{};Bo Chen\n{};Katherine Johnson\nE9001;Zoe Ng\n",
        org.ada.ext_id, org.bo.ext_id, org.katherine.ext_id
    )
}

/// Read after the plans and audits: the transition and audit screens.
fn work_fixtures(f: &mut Fixtures) {
    let (ws, org, work) = seed::workspace();
    let conn = ws.conn();
    let plan = plan_get(conn, work.plan.id, TODAY).unwrap();
    f.add("plan_markdown", &plan_markdown(&plan));
    f.add("plan", &plan);
    f.add(
        "plan_tech_lead",
        &plan_get(conn, work.tech_lead_plan.id, TODAY).unwrap(),
    );
    f.add(
        "plan_list_ada",
        &plan_list(conn, org.ada.id, TODAY).unwrap(),
    );
    f.add(
        "person_ada_after_plan",
        &person_get(conn, org.ada.id).unwrap(),
    );
    // The person's page: Ada with her plans, audits and the stage she owns;
    // Bo, moved to Grace by her plan and never planned for; Grace, with eight
    // people and no assessment; the review bot, an agent owning code review.
    for (name, person) in [
        ("person_overview_ada", org.ada.id),
        ("person_overview_bo", org.bo.id),
        ("person_overview_grace", org.grace.id),
        ("person_overview_review_bot", org.review_bot.id),
    ] {
        f.add(name, &person_overview(conn, person, TODAY).unwrap());
    }
    f.add("audit_scales", &audit_scales());
    f.add("plan_limits", &leadline_core::transition::plan_limits());
    f.add(
        "audit_earlier",
        &audit_get(conn, work.audit_earlier.id).unwrap(),
    );
    f.add(
        "audit_later",
        &audit_get(conn, work.audit_later.id).unwrap(),
    );
    f.add("audit_team", &audit_get(conn, work.audit_team.id).unwrap());
    let ada = AuditScope::Person { id: org.ada.id };
    f.add("audit_list_ada", &audit_list(conn, Some(ada)).unwrap());
    f.add("audit_list_all", &audit_list(conn, None).unwrap());
    f.add(
        "template_library_builtin",
        &template_library(conn, org.builtin.id, shipped_templates()).unwrap(),
    );
    f.add(
        "template_library_platform_craft",
        &template_library(conn, org.craft.id, shipped_templates()).unwrap(),
    );
}

/// The `metrics_namesakes` variant by hand: with Katherine under him, the
/// staff engineer Alexander manages one person though he is declared an IC,
/// and his title is what tells him from the other Alexander (an Engineer).
#[test]
fn the_namesakes_variant_flags_alexander_by_his_title() {
    let mut ws = Workspace::in_memory().unwrap();
    let org = seed::org(&mut ws);
    leadline_core::people::person_move(ws.conn(), org.katherine.id, Some(org.alexander_staff.id))
        .unwrap();
    let m = ws.metrics(None).unwrap();
    let single: Vec<(&str, Option<&str>)> = m
        .flags
        .single_report
        .iter()
        .map(|f| (f.name.as_str(), f.disambiguation.as_deref()))
        .collect();
    assert_eq!(
        single,
        [("Alan Turing", None), ("Alexander", Some("Staff Engineer"))],
        "Alan has no namesake"
    );
    let mismatched: Vec<(&str, Option<&str>)> = m
        .role_mismatches
        .iter()
        .map(|r| (r.name.as_str(), r.disambiguation.as_deref()))
        .collect();
    assert_eq!(
        mismatched,
        [
            ("Alexander", Some("Staff Engineer")),
            ("Linus Torvalds", None)
        ],
        "top down: Alexander is in layer 2, Linus in layer 3"
    );
}
