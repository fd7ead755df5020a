//! Scenarios on small orgs whose figures are counted by hand.
//!
//! The org used throughout: Ada at the top manages Bo and Cy; Bo manages Di
//! and Eve; Cy manages Fay. Managers Ada (2), Bo (2), Cy (1): 3. ICs Di, Eve,
//! Fay: 3. Ratio 1.0, 3 layers.

use super::apply::scenario_apply;
use super::compare::scenario_compare;
use super::file::{scenario_export, scenario_import, scenario_import_check};
use super::what_if::{scenario_edit, scenario_what_if, WhatIf};
use super::*;
use crate::org::rows::OrgRows;
use crate::people::tests::add;
use crate::reorg::reorg_undo;
use crate::snapshot::{snapshot_create, snapshot_diff, snapshot_list, OrgVersion};
use crate::workspace::ViewOf;
use crate::ErrorKind;

const NOW: &str = "2026-12-01 09:00";
const TODAY: &str = "2026-12-01";

struct Org {
    ws: Workspace,
    ada: i64,
    bo: i64,
    cy: i64,
    di: i64,
    eve: i64,
    fay: i64,
}

fn org() -> Org {
    let ws = Workspace::in_memory().unwrap();
    let c = ws.conn();
    let ada = add(c, "Ada", None);
    let bo = add(c, "Bo", Some(ada));
    let cy = add(c, "Cy", Some(ada));
    let di = add(c, "Di", Some(bo));
    let eve = add(c, "Eve", Some(bo));
    let fay = add(c, "Fay", Some(cy));
    Org {
        ws,
        ada,
        bo,
        cy,
        di,
        eve,
        fay,
    }
}

fn fingerprint(ws: &Workspace) -> String {
    OrgRows::live(ws.conn()).unwrap().fingerprint()
}

fn new_scenario(o: &Org, name: &str) -> i64 {
    scenario_create(&o.ws, name, ScenarioSource::Live, NOW)
        .unwrap()
        .id
}

/// Cy becomes an IC leader and Fay goes to Bo.
fn flatten(o: &Org) -> i64 {
    let id = new_scenario(o, "Flatter");
    scenario_edit(
        &o.ws,
        id,
        &WhatIf::MakeIcLeader {
            person: o.cy,
            reports_to: Some(o.bo),
        },
    )
    .unwrap();
    id
}

#[test]
fn a_scenario_changes_nothing_in_the_live_org_and_compares_against_it() {
    let mut o = org();
    let before = fingerprint(&o.ws);
    let id = flatten(&o);
    assert_eq!(
        fingerprint(&o.ws),
        before,
        "scenario edits never touch the live org"
    );
    let comparison = scenario_compare(&o.ws, &[id]).unwrap();
    let [live, flat] = &comparison.columns[..] else {
        panic!("two columns")
    };
    assert_eq!(live.title, "Live org");
    assert_eq!(
        (
            live.metrics.managers,
            live.metrics.ics,
            live.metrics.ic_to_manager_ratio
        ),
        (3, 3, Some(1.0))
    );
    // After: managers Ada (Bo, Cy) and Bo (Di, Eve, Fay); ICs Cy, Di, Eve, Fay.
    let m = &flat.metrics;
    assert_eq!((m.managers, m.ics, m.headcount), (2, 4, 6));
    assert_eq!(m.ic_to_manager_ratio, Some(2.0));
    assert_eq!(flat.ratio_change_pct, Some(100.0));
    assert_eq!(
        (m.span_min, m.span_max, m.span_mean),
        (Some(2), Some(3), Some(2.5))
    );
    assert_eq!(m.layers, 3);
    let moved: Vec<(&str, Option<&str>, Option<&str>)> = flat
        .diff
        .moved
        .iter()
        .map(|mv| {
            (
                mv.person.name.as_str(),
                mv.from.as_ref().map(|p| p.name.as_str()),
                mv.to.as_ref().map(|p| p.name.as_str()),
            )
        })
        .collect();
    assert_eq!(moved, [("Fay", Some("Cy"), Some("Bo"))]);
    let roles: Vec<&str> = flat
        .diff
        .role_changed
        .iter()
        .map(|r| r.person.name.as_str())
        .collect();
    assert_eq!(roles, ["Cy"]);
    assert_eq!(flat.plan_needs.len(), 1);
    assert_eq!(flat.plan_needs[0].person.id, o.cy);
    assert_eq!(flat.plan_needs[0].gap, None, "Cy has no assessment");
    // The screens' view of the scenario computes the same metrics.
    let viewed =
        o.ws.with_view(ViewOf::Scenario { id }, |v| v.metrics(None))
            .unwrap();
    assert_eq!(&viewed, m);
}

#[test]
fn applying_a_scenario_gives_the_live_org_its_metrics_and_undo_restores_it_exactly() {
    let mut o = org();
    let before = fingerprint(&o.ws);
    let id = flatten(&o);
    scenario_edit(
        &o.ws,
        id,
        &WhatIf::AddPosition {
            manager: Some(o.bo),
            kind: crate::org::rows::PositionKind::OpenRole,
            title: "Staff Engineer".into(),
            team: Some("Platform".into()),
        },
    )
    .unwrap();
    scenario_edit(&o.ws, id, &WhatIf::Remove { person: o.eve }).unwrap();
    let expected =
        o.ws.with_view(ViewOf::Scenario { id }, |v| v.metrics(None))
            .unwrap();
    let applied = scenario_apply(&o.ws, id, TODAY, NOW).unwrap();
    let after = o.ws.metrics(None).unwrap();
    assert_eq!(
        after, expected,
        "the live org now has the scenario's metrics"
    );
    // Bo manages Di, Fay and the open role: 3; Ada manages Bo, Cy: 2.
    assert_eq!((after.managers, after.ics, after.headcount), (2, 4, 6));
    assert!(applied.snapshot.is_some(), "a snapshot is taken before");
    assert_eq!(applied.plan_needs.len(), 1);
    let open_role: (String, String) = o
        .ws
        .conn()
        .query_row(
            "SELECT p.title, t.name FROM person p JOIN team t ON t.id = p.team_id WHERE p.name = 'Open role'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(open_role, ("Staff Engineer".into(), "Platform".into()));
    let track: Option<String> =
        o.ws.conn()
            .query_row("SELECT role_track FROM person WHERE id = ?1", [o.cy], |r| {
                r.get(0)
            })
            .unwrap();
    assert_eq!(track.as_deref(), Some("ic_leader"));
    assert_eq!(
        scenario_get(o.ws.conn(), id).unwrap().applied_change_id,
        Some(applied.change.id)
    );

    reorg_undo(&mut o.ws, applied.change.id).unwrap();
    assert_eq!(
        fingerprint(&o.ws),
        before,
        "undo puts back every row as it was"
    );
    assert_eq!(
        scenario_get(o.ws.conn(), id).unwrap().applied_change_id,
        None
    );
}

#[test]
fn each_scenario_has_its_own_undo_and_a_new_step_drops_the_undone_ones() {
    let o = org();
    let a = flatten(&o);
    let b = new_scenario(&o, "Other");
    scenario_edit(
        &o.ws,
        b,
        &WhatIf::MoveUnder {
            person: o.di,
            manager: Some(o.cy),
        },
    )
    .unwrap();
    let undone = scenario_undo(&o.ws, a).unwrap();
    assert_eq!(
        undone.redo.as_deref(),
        Some("Cy becomes an IC leader; their reports go to Bo")
    );
    assert_eq!(undone.undo, None);
    assert_eq!(
        scenario_get(o.ws.conn(), b).unwrap().undo.as_deref(),
        Some("Di moves under Cy"),
        "the other scenario keeps its step"
    );
    let redone = scenario_redo(&o.ws, a).unwrap();
    assert_eq!(redone.redo, None);
    scenario_undo(&o.ws, a).unwrap();
    let s = scenario_edit(&o.ws, a, &WhatIf::Remove { person: o.fay }).unwrap();
    assert_eq!(s.steps.len(), 1, "the undone step is dropped");
    assert_eq!(s.redo, None);
    assert_eq!(
        scenario_undo(&o.ws, b)
            .and_then(|_| scenario_undo(&o.ws, b))
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidInput,
        "nothing left to undo"
    );
}

#[test]
fn a_move_into_a_cycle_an_unknown_person_or_a_human_under_an_agent_is_refused_and_stores_nothing() {
    let o = org();
    let id = new_scenario(&o, "Bad moves");
    let err = scenario_edit(
        &o.ws,
        id,
        &WhatIf::MoveUnder {
            person: o.bo,
            manager: Some(o.di),
        },
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("cycle"), "{err}");
    assert!(
        err.to_string().contains("Bo") && err.to_string().contains("Di"),
        "{err}"
    );
    let err = scenario_edit(
        &o.ws,
        id,
        &WhatIf::MoveUnder {
            person: 999,
            manager: None,
        },
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    let agent = crate::people::person_create(
        o.ws.conn(),
        &crate::people::PersonInput {
            kind: crate::people::PersonKind::Agent,
            manager_id: Some(o.ada),
            ..crate::people::PersonInput::human("Reviewer bot")
        },
    )
    .unwrap()
    .id;
    let err = scenario_edit(
        &o.ws,
        id,
        &WhatIf::MoveUnder {
            person: o.di,
            manager: Some(agent),
        },
    )
    .unwrap_err();
    assert!(err.to_string().contains("agent"), "{err}");
    assert!(scenario_get(o.ws.conn(), id).unwrap().steps.is_empty());
}

#[test]
fn a_change_the_live_org_no_longer_allows_is_a_conflict_and_blocks_apply() {
    let o = org();
    let id = new_scenario(&o, "Move Eve");
    scenario_edit(
        &o.ws,
        id,
        &WhatIf::MoveUnder {
            person: o.eve,
            manager: Some(o.cy),
        },
    )
    .unwrap();
    crate::removal::person_delete(
        o.ws.conn(),
        o.eve,
        crate::removal::ReportsDestination::UpOneLevel,
    )
    .unwrap();
    let built = scenario_build(o.ws.conn(), id).unwrap();
    assert_eq!(built.conflicts.len(), 1);
    assert_eq!(built.conflicts[0].step, "Eve moves under Cy");
    let before = fingerprint(&o.ws);
    let err = scenario_apply(&o.ws, id, TODAY, NOW).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert!(err.to_string().contains("Eve moves under Cy"), "{err}");
    assert_eq!(fingerprint(&o.ws), before, "nothing changed");
    assert!(
        snapshot_list(o.ws.conn()).unwrap().is_empty(),
        "nor a snapshot taken"
    );
}

#[test]
fn a_what_if_opens_a_new_scenario_named_after_the_change() {
    let o = org();
    let s = scenario_what_if(
        &o.ws,
        &WhatIf::MakeIcLeader {
            person: o.bo,
            reports_to: None,
        },
        NOW,
    )
    .unwrap();
    assert_eq!(
        s.name,
        "What if: Bo becomes an IC leader; their reports go to Ada"
    );
    let again = scenario_what_if(
        &o.ws,
        &WhatIf::MakeIcLeader {
            person: o.bo,
            reports_to: None,
        },
        NOW,
    )
    .unwrap();
    assert_eq!(again.name, format!("{} (2)", s.name));
    let err = scenario_what_if(
        &o.ws,
        &WhatIf::MakeIcLeader {
            person: o.ada,
            reports_to: None,
        },
        NOW,
    )
    .unwrap_err();
    assert!(err.to_string().contains("top of the org"), "{err}");
    assert_eq!(
        scenario_list(o.ws.conn()).unwrap().len(),
        2,
        "a refused what-if leaves nothing"
    );
}

#[test]
fn teams_rename_merge_and_split_in_a_scenario() {
    let mut o = org();
    let c = o.ws.conn();
    let platform = crate::teams::team_create(c, "Platform").unwrap().id;
    let infra = crate::teams::team_create(c, "Infra").unwrap().id;
    for (p, t) in [(o.bo, platform), (o.di, platform), (o.eve, infra)] {
        c.execute("UPDATE person SET team_id = ?2 WHERE id = ?1", [p, t])
            .unwrap();
    }
    let id = new_scenario(&o, "Teams");
    scenario_edit(
        &o.ws,
        id,
        &WhatIf::RenameTeam {
            from: "infra".into(),
            to: "PLATFORM".into(),
        },
    )
    .unwrap();
    scenario_edit(
        &o.ws,
        id,
        &WhatIf::SplitTeam {
            people: vec![o.di],
            to: "Payments".into(),
        },
    )
    .unwrap();
    let teams: Vec<(String, Option<String>)> =
        o.ws.with_view(ViewOf::Scenario { id }, |v| {
            Ok(crate::people::person_all(v.conn())?
                .into_iter()
                .map(|p| (p.name, p.team))
                .collect())
        })
        .unwrap();
    let team_of = |n: &str| teams.iter().find(|t| t.0 == n).unwrap().1.clone();
    assert_eq!(
        team_of("Eve").as_deref(),
        Some("Platform"),
        "merged, in the existing spelling"
    );
    assert_eq!(team_of("Di").as_deref(), Some("Payments"));
    assert_eq!(team_of("Bo").as_deref(), Some("Platform"));
    let err = scenario_edit(
        &o.ws,
        id,
        &WhatIf::RenameTeam {
            from: "Nope".into(),
            to: "X".into(),
        },
    )
    .unwrap_err();
    assert!(err.to_string().contains("Nope"), "{err}");
}

#[test]
fn a_scenario_file_round_trips_into_another_workspace_with_the_same_org() {
    let mut o = org();
    let id = flatten(&o);
    scenario_edit(
        &o.ws,
        id,
        &WhatIf::AddPosition {
            manager: Some(o.ada),
            kind: crate::org::rows::PositionKind::PlannedAgent,
            title: "Triage".into(),
            team: None,
        },
    )
    .unwrap();
    let bytes = scenario_export(o.ws.conn(), id, NOW).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains("\"format\": \"leadline-scenario\""), "{text}");
    assert!(
        !text.contains(&format!("\"person\": {}", o.cy)),
        "people by file id, not by row id"
    );
    let mut other = org();
    let check = scenario_import_check(other.ws.conn(), &bytes).unwrap();
    assert_eq!(
        (check.steps, check.people_named, check.people_found),
        (2, 4, 4)
    );
    assert!(check.conflicts.is_empty(), "{:?}", check.conflicts);
    let imported = scenario_import(&other.ws, &bytes, false, "flatter.json", NOW).unwrap();
    assert_eq!(imported.name, "Flatter");
    let theirs =
        o.ws.with_view(ViewOf::Scenario { id }, |v| v.metrics(None))
            .unwrap();
    let ours = other
        .ws
        .with_view(ViewOf::Scenario { id: imported.id }, |v| v.metrics(None))
        .unwrap();
    assert_eq!(
        (ours.managers, ours.ics, ours.agents),
        (theirs.managers, theirs.ics, theirs.agents)
    );
    // Sent back to the first workspace: a second scenario, not a clash.
    let back = scenario_import(&o.ws, &bytes, false, "", NOW).unwrap();
    assert_eq!(back.name, "Flatter (2)");
    assert_ne!(back.uuid, scenario_get(o.ws.conn(), id).unwrap().uuid);
    let _ = &mut other;
}

#[test]
fn a_scenario_file_for_another_org_a_malformed_file_or_a_missing_person_is_refused() {
    let o = org();
    let id = flatten(&o);
    let bytes = scenario_export(o.ws.conn(), id, NOW).unwrap();
    let stranger = Workspace::in_memory().unwrap();
    add(stranger.conn(), "Zed", None);
    let err = scenario_import(&stranger, &bytes, true, "", NOW).unwrap_err();
    assert!(err.to_string().contains("another org"), "{err}");
    for bad in [
        &b"{ not json"[..],
        br#"{"format":"other"}"#,
        br#"{"format":"leadline-scenario","version":99}"#,
    ] {
        let err = scenario_import_check(o.ws.conn(), bad).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
    }
    // Fay left this copy of the org: her move is a conflict.
    let partial = org();
    crate::removal::person_delete(
        partial.ws.conn(),
        partial.fay,
        crate::removal::ReportsDestination::UpOneLevel,
    )
    .unwrap();
    let check = scenario_import_check(partial.ws.conn(), &bytes).unwrap();
    assert_eq!(check.conflicts.len(), 1, "{:?}", check.conflicts);
    let err = scenario_import(&partial.ws, &bytes, false, "", NOW).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict);
    assert!(
        scenario_list(partial.ws.conn()).unwrap().is_empty(),
        "nothing imported"
    );
    let kept = scenario_import(&partial.ws, &bytes, true, "", NOW).unwrap();
    assert_eq!(
        kept.steps[0].changes, 1,
        "Cy's role change kept, Fay's move left out"
    );
}

#[test]
fn snapshots_keep_the_org_and_diff_against_the_live_one() {
    let o = org();
    let snap = snapshot_create(&o.ws, "Before the offsite", NOW).unwrap();
    assert_eq!(
        (snap.managers, snap.ics, snap.ic_to_manager_ratio),
        (3, 3, Some(1.0))
    );
    crate::people::person_move(o.ws.conn(), o.fay, Some(o.bo)).unwrap();
    let diff = snapshot_diff(
        &o.ws,
        OrgVersion::Snapshot { id: snap.id },
        OrgVersion::Live,
    )
    .unwrap();
    assert_eq!(diff.diff.moved.len(), 1);
    assert_eq!(diff.diff.moved[0].person.name, "Fay");
    assert_eq!(diff.diff.moved[0].from.as_ref().unwrap().name, "Cy");
    // Cy stops managing: a role change by structure.
    assert_eq!(diff.diff.role_changed.len(), 1);
    assert_eq!(diff.diff.role_changed[0].person.name, "Cy");
    // A scenario from the snapshot starts from the org as it was.
    let s = scenario_create(
        &o.ws,
        "From the offsite",
        ScenarioSource::Snapshot { id: snap.id },
        NOW,
    )
    .unwrap();
    let mut ws = o.ws;
    let m = ws
        .with_view(ViewOf::Scenario { id: s.id }, |v| v.metrics(None))
        .unwrap();
    assert_eq!(m.managers, 3, "Cy still manages Fay there");
}

#[test]
fn a_deleted_scenario_comes_back_with_its_steps() {
    let o = org();
    let id = flatten(&o);
    let undo = scenario_delete(&o.ws, id).unwrap();
    assert!(scenario_list(o.ws.conn()).unwrap().is_empty());
    let back = scenario_restore(&o.ws, undo).unwrap();
    assert_eq!(
        (back.id, back.name.as_str(), back.steps.len()),
        (id, "Flatter", 1)
    );
}
