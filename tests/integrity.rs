//! The workspace file stays whole and consistent when the `leadline` process is
//! killed mid-write or races another one: real processes, real files, checked
//! afterwards with plain SQL, independently of the code under test.
//!
//! Longer than ~600 lines on purpose: one binary (each file under tests/ links
//! the whole app), with the helpers that read a workspace independently.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{ExitStatus, Output};
use std::time::{Duration, Instant};

use leadline_core::demo::synthetic_org_csv;
use rusqlite::Connection;

/// The people of a workspace: ext_id → (name, manager's ext_id).
type Org = BTreeMap<String, (String, Option<String>)>;

const BUSY_EXIT: i32 = 4;
const IMPORT_REFUSED_EXIT: i32 = 3;

mod support;

use support::{leadline, spawn, stderr_of, succeeds};

/// Runs a command that must finish within `limit`; a hang is killed and fails
/// the test instead of blocking it.
fn leadline_within(workspace: &Path, args: &[&str], limit: Duration) -> (Output, Duration) {
    let start = Instant::now();
    let mut child = spawn(workspace, args);
    loop {
        if child.try_wait().expect("the child can be polled").is_some() {
            let output = child.wait_with_output().expect("the output is read");
            return (output, start.elapsed());
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "`leadline {}` did not finish within {limit:?}: it hangs",
                args.join(" ")
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// A small deterministic generator (xorshift), so a failing run can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A fraction in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn wal_of(workspace: &Path) -> PathBuf {
    let mut name = workspace.as_os_str().to_owned();
    name.push("-wal");
    PathBuf::from(name)
}

fn wal_len(workspace: &Path) -> u64 {
    std::fs::metadata(wal_of(workspace)).map_or(0, |m| m.len())
}

/// A fresh copy of a closed workspace (a cleanly closed WAL workspace is one file).
fn copy_workspace(from: &Path, to: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = to.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
    std::fs::copy(from, to).expect("the workspace is copied");
}

/// The org a generated or written CSV describes: id, name and manager id columns.
fn org_of_csv(csv: &str, id: usize, name: usize, manager: usize) -> Org {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    reader
        .records()
        .map(|record| {
            let record = record.expect("the test CSV reads");
            let manager = record[manager].trim();
            (
                record[id].trim().to_string(),
                (
                    record[name].trim().to_string(),
                    (!manager.is_empty()).then(|| manager.to_string()),
                ),
            )
        })
        .collect()
}

/// Opens the file with plain rusqlite (which recovers a WAL left by a killed
/// writer) and checks that SQLite finds it sound.
fn open_checked(workspace: &Path) -> Connection {
    let conn = Connection::open(workspace).expect("the workspace opens with plain rusqlite");
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        integrity,
        ["ok"],
        "SQLite must find {} intact",
        workspace.display()
    );
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(
        dangling,
        0,
        "no row of {} may point at a row that is not there",
        workspace.display()
    );
    conn
}

fn org_in(conn: &Connection) -> Org {
    let mut stmt = conn
        .prepare(
            "SELECT p.ext_id, p.name, m.ext_id FROM person p LEFT JOIN person m ON m.id = p.manager_id",
        )
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// A reporting cycle in the file (as ext_ids), found by walking `manager_id`
/// up from everyone: linear, since a person known to reach the top is not walked again.
fn cycle_in(conn: &Connection) -> Option<Vec<String>> {
    let mut stmt = conn
        .prepare("SELECT id, manager_id, ext_id FROM person")
        .unwrap();
    let rows: Vec<(i64, Option<i64>, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let manager: HashMap<i64, Option<i64>> = rows.iter().map(|(id, m, _)| (*id, *m)).collect();
    let ext: HashMap<i64, &str> = rows.iter().map(|(id, _, e)| (*id, e.as_str())).collect();
    let mut reaches_top: HashSet<i64> = HashSet::new();
    for &(start, _, _) in &rows {
        let mut path = Vec::new();
        let mut current = Some(start);
        while let Some(person) = current {
            if reaches_top.contains(&person) {
                break;
            }
            if let Some(from) = path.iter().position(|&p| p == person) {
                return Some(path[from..].iter().map(|p| ext[p].to_string()).collect());
            }
            path.push(person);
            current = manager.get(&person).copied().flatten();
        }
        reaches_top.extend(path);
    }
    None
}

fn manager_of(conn: &Connection, ext_id: &str) -> Option<String> {
    conn.query_row(
        "SELECT m.ext_id FROM person p LEFT JOIN person m ON m.id = p.manager_id WHERE p.ext_id = ?1",
        [ext_id],
        |r| r.get(0),
    )
    .unwrap_or_else(|e| panic!("{ext_id} should be in the workspace: {e}"))
}

// ---------------------------------------------------------------------------
// Crash: kill -9 during an import.
// ---------------------------------------------------------------------------

/// What the file held after a kill.
#[derive(Debug, Default)]
struct KillTally {
    /// Old org, nothing of the import's transaction in the WAL yet.
    before_write: u32,
    /// Old org, but the WAL held uncommitted pages of the import when it died.
    mid_write: u32,
    /// New org: the kill came after the commit (possibly during the checkpoint).
    after_commit: u32,
}

#[test]
fn an_import_killed_at_any_moment_leaves_exactly_the_old_org_or_exactly_the_new_one() {
    const KILLS: usize = 21;
    let dir = tempfile::tempdir().unwrap();
    // Different seeds give different names and managers for the same ids; the new
    // file drops the last 3,000 ids, so the import updates, and removes.
    let old_csv = synthetic_org_csv(18_000, 11);
    let new_csv = synthetic_org_csv(15_000, 12);
    let (old_org, new_org) = (org_of_csv(&old_csv, 0, 1, 6), org_of_csv(&new_csv, 0, 1, 6));
    assert_ne!(
        old_org, new_org,
        "the two orgs must differ to tell them apart"
    );
    let old_file = dir.path().join("old.csv");
    let new_file = dir.path().join("new.csv");
    std::fs::write(&old_file, &old_csv).unwrap();
    std::fs::write(&new_file, &new_csv).unwrap();
    let template = dir.path().join("template.leadline");
    succeeds(
        &leadline(&template, &["import", old_file.to_str().unwrap()]),
        "importing the old org",
    );
    // Opened once more, as any used workspace has been, and closed cleanly.
    succeeds(&leadline(&template, &["metrics"]), "metrics on the old org");
    assert!(
        !wal_of(&template).exists(),
        "a cleanly closed workspace is one file, so copying it copies everything"
    );
    assert_eq!(
        org_in(&open_checked(&template)),
        old_org,
        "the template must hold exactly the old org"
    );
    let import = [
        "import",
        new_file.to_str().unwrap(),
        "--remove-missing",
        "--yes",
    ];

    // A run that is not killed: how long it takes and how far its WAL grows.
    let reference = dir.path().join("reference.leadline");
    copy_workspace(&template, &reference);
    let start = Instant::now();
    let mut child = spawn(&reference, &import);
    let mut wal_peak = 0;
    while child.try_wait().unwrap().is_none() {
        wal_peak = wal_peak.max(wal_len(&reference));
        std::thread::sleep(Duration::from_micros(200));
    }
    let full_run = start.elapsed();
    succeeds(
        &child.wait_with_output().unwrap(),
        "the import that is not killed",
    );
    assert_eq!(
        org_in(&open_checked(&reference)),
        new_org,
        "a completed import must leave exactly the new org"
    );
    assert!(
        wal_peak > 0,
        "the import should spill pages into the WAL before it commits, or no kill could land mid-write"
    );

    let mut rng = Rng(0x5EED_1EAD_11AE);
    let mut tally = KillTally::default();
    let mut reopened = false;
    for round in 0..KILLS {
        let workspace = dir.path().join(format!("kill-{round}.leadline"));
        copy_workspace(&template, &workspace);
        let start = Instant::now();
        let mut child = spawn(&workspace, &import);
        if round % 3 == 0 {
            // At a random time anywhere in the run, and a little after it.
            let delay = full_run.mul_f64(1.1 * rng.unit());
            std::thread::sleep(delay);
        } else {
            // As soon as the WAL holds at least a random part of the write.
            let threshold = 1 + (rng.next() % wal_peak);
            let give_up = full_run * 3 + Duration::from_secs(5);
            while wal_len(&workspace) < threshold
                && child.try_wait().unwrap().is_none()
                && start.elapsed() < give_up
            {
                std::thread::sleep(Duration::from_micros(100));
            }
        }
        let _ = child.kill();
        let status: ExitStatus = child.wait().unwrap();
        let wal_at_death = wal_len(&workspace);
        let conn = open_checked(&workspace);
        let found = org_in(&conn);
        drop(conn);
        if found == new_org {
            tally.after_commit += 1;
        } else if found == old_org {
            assert!(
                !status.success(),
                "kill {round}: the import reported success but the file holds the old org"
            );
            if wal_at_death > 0 {
                tally.mid_write += 1;
                if !reopened {
                    // The app itself must open a file left by a writer killed mid-write.
                    succeeds(
                        &leadline(&workspace, &["metrics", "--json"]),
                        "metrics on a workspace whose writer was killed mid-write",
                    );
                    reopened = true;
                }
            } else {
                tally.before_write += 1;
            }
        } else {
            let as_new = found
                .iter()
                .filter(|(id, person)| new_org.get(*id) == Some(person))
                .count();
            let as_old = found
                .iter()
                .filter(|(id, person)| old_org.get(*id) == Some(person))
                .count();
            panic!(
                "kill {round} (after {:?}, WAL {wal_at_death} bytes) left a mix of {} people: {as_new} as in the new org, {as_old} as in the old one",
                start.elapsed(),
                found.len()
            );
        }
    }
    println!(
        "{KILLS} kills of a {}-person import (full run {full_run:?}, WAL up to {wal_peak} bytes): {} before the write, {} mid-write, {} after the commit",
        new_org.len(),
        tally.before_write,
        tally.mid_write,
        tally.after_commit
    );
    assert!(
        tally.mid_write >= (KILLS / 4) as u32,
        "at least a quarter of the kills should land mid-write, or the test proves little: {tally:?}"
    );
}

// ---------------------------------------------------------------------------
// Races: two writers at once.
// ---------------------------------------------------------------------------

/// Rhea at the top; Sol and Tia under her; Uli under Tia.
const SMALL_ORG: &str = "id,name,manager id\nR1,Rhea,\nR2,Sol,R1\nR3,Tia,R1\nR4,Uli,R3\n";

fn small_workspace(dir: &Path, name: &str) -> PathBuf {
    let workspace = dir.join(name);
    let csv = dir.join("small.csv");
    std::fs::write(&csv, SMALL_ORG).unwrap();
    succeeds(
        &leadline(&workspace, &["import", csv.to_str().unwrap()]),
        "importing the small org",
    );
    workspace
}

/// A 20,000-person org, plus a row putting Sol under Uli: together with a move of
/// Uli under Sol, that closes a cycle, so at most one of the two may land.
fn conflicting_import(dir: &Path) -> (PathBuf, Org) {
    let mut csv = synthetic_org_csv(20_000, 5);
    csv.push_str("R2,Sol,,,,,R4,,,,\n");
    let path = dir.join("big.csv");
    std::fs::write(&path, &csv).unwrap();
    (path, org_of_csv(&csv, 0, 1, 6))
}

/// How a race ended, for the summary line.
#[derive(Debug, Default)]
struct RaceTally {
    import_won: u32,
    other_won: u32,
    loser_busy: u32,
}

/// Runs the import and `other` (a write that conflicts with it) `other_delay`
/// apart and checks the file: no cycle, the winner's whole effect, nothing of
/// the loser, and a loser that says why.
fn race_import_against(
    workspace: &Path,
    import_file: &Path,
    imported: &Org,
    other: &[&str],
    other_delay: Duration,
    other_landed: &dyn Fn(&Connection) -> bool,
    tally: &mut RaceTally,
) {
    let import = spawn(workspace, &["import", import_file.to_str().unwrap()]);
    std::thread::sleep(other_delay);
    let other_out = spawn(workspace, other).wait_with_output().unwrap();
    let import_out = import.wait_with_output().unwrap();
    let conn = open_checked(workspace);
    let context = format!(
        "import with `{}` {other_delay:?} later: import exit {:?} ({}), other exit {:?} ({})",
        other.join(" "),
        import_out.status.code(),
        stderr_of(&import_out).trim(),
        other_out.status.code(),
        stderr_of(&other_out).trim()
    );
    assert_eq!(
        cycle_in(&conn),
        None,
        "no reporting cycle may reach the file; {context}"
    );
    let org = org_in(&conn);
    let import_landed = imported
        .iter()
        .all(|(id, person)| org.get(id) == Some(person));
    let nothing_imported = !org.contains_key("E000001");
    if import_out.status.success() {
        assert!(
            import_landed,
            "an import that exited 0 must be in the file, every row of it; {context}"
        );
    } else {
        assert!(
            nothing_imported,
            "a refused import must leave nothing behind; {context}"
        );
        assert_eq!(
            import_out.status.code(),
            Some(IMPORT_REFUSED_EXIT),
            "the import may lose only to the cycle, refused as a problem of the file; {context}"
        );
        assert!(
            stderr_of(&import_out).contains("cycle"),
            "the refused import must name the cycle; {context}"
        );
    }
    let landed = other_landed(&conn);
    if other_out.status.success() {
        assert!(
            landed,
            "a write that exited 0 must be in the file; {context}"
        );
    } else {
        assert!(
            !landed,
            "a refused write must leave nothing behind; {context}"
        );
        let stderr = stderr_of(&other_out);
        let busy = other_out.status.code() == Some(BUSY_EXIT) && stderr.contains("busy");
        let cycle = other_out.status.code() == Some(1) && stderr.contains("cycle");
        assert!(
            busy || cycle,
            "the loser must say it met a cycle (exit 1) or a busy workspace (exit 4); {context}"
        );
        if busy {
            tally.loser_busy += 1;
        }
    }
    assert!(
        import_out.status.success() != other_out.status.success(),
        "exactly one of two conflicting writes must land; {context}"
    );
    if import_out.status.success() {
        tally.import_won += 1;
    } else {
        tally.other_won += 1;
    }
}

fn time_of_import(dir: &Path, import_file: &Path) -> Duration {
    let workspace = small_workspace(dir, "timing.leadline");
    let start = Instant::now();
    succeeds(
        &leadline(&workspace, &["import", import_file.to_str().unwrap()]),
        "the import alone",
    );
    start.elapsed()
}

#[test]
fn an_import_and_a_move_that_together_close_a_cycle_never_both_land() {
    let dir = tempfile::tempdir().unwrap();
    let (import_file, imported) = conflicting_import(dir.path());
    let alone = time_of_import(dir.path(), &import_file);
    let mut tally = RaceTally::default();
    // From "both start together" to "the move comes when the import is nearly
    // done": before the import reads, between its check and its write, during its write.
    for step in 0..6 {
        let workspace = small_workspace(dir.path(), &format!("move-{step}.leadline"));
        race_import_against(
            &workspace,
            &import_file,
            &imported,
            &["people", "move", "R4", "--to", "R2"],
            alone.mul_f64(step as f64 / 6.0),
            &|conn| manager_of(conn, "R4").as_deref() == Some("R2"),
            &mut tally,
        );
    }
    println!("import against a move ({alone:?} alone): {tally:?}");
    assert!(
        tally.import_won > 0 && tally.other_won > 0,
        "across the delays each side should win at least once, or a window went untested: {tally:?}"
    );
}

#[test]
fn an_import_and_a_plan_whose_move_closes_a_cycle_never_both_land() {
    let dir = tempfile::tempdir().unwrap();
    let (import_file, imported) = conflicting_import(dir.path());
    let ratings = dir.path().join("ratings.json");
    std::fs::write(&ratings, r#"{"delegating-work": 2}"#).unwrap();
    let alone = time_of_import(dir.path(), &import_file);
    let mut tally = RaceTally::default();
    // Offsets between those of the move race: a plan takes longer to reach its write.
    for step in 0..8 {
        let workspace = small_workspace(dir.path(), &format!("plan-{step}.leadline"));
        succeeds(
            &leadline(
                &workspace,
                &[
                    "skills",
                    "assess",
                    "R3",
                    "--framework",
                    "ai-native-ic-leader",
                    "--as",
                    "manager",
                    "--file",
                    ratings.to_str().unwrap(),
                    "--date",
                    "2026-11-20",
                ],
            ),
            "assessing Tia",
        );
        // Tia becomes an IC leader; her report Uli goes under Sol.
        race_import_against(
            &workspace,
            &import_file,
            &imported,
            &[
                "plan",
                "create",
                "R3",
                "--to",
                "ic-leader",
                "--move",
                "R4=R2",
                "--start",
                "2026-12-01",
            ],
            alone.mul_f64((step as f64 + 0.5) / 8.0),
            &|conn| {
                let plans: i64 = conn
                    .query_row("SELECT count(*) FROM transition_plan", [], |r| r.get(0))
                    .unwrap();
                let moved = manager_of(conn, "R4").as_deref() == Some("R2");
                assert_eq!(
                    plans == 1,
                    moved,
                    "a plan and its moves land together or not at all"
                );
                moved
            },
            &mut tally,
        );
    }
    println!("import against a plan ({alone:?} alone): {tally:?}");
    assert!(
        tally.import_won > 0 && tally.other_won > 0,
        "across the delays each side should win at least once, or a window went untested: {tally:?}"
    );
}

#[test]
fn two_moves_started_together_that_would_close_a_cycle_never_both_land() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = small_workspace(dir.path(), "w.leadline");
    let (mut sol_won, mut tia_won) = (0, 0);
    for round in 0..8 {
        // Sol and Tia both report to Rhea again before each round.
        Connection::open(&workspace)
            .unwrap()
            .execute(
                "UPDATE person SET manager_id = (SELECT id FROM person WHERE ext_id = 'R1')
                 WHERE ext_id IN ('R2', 'R3')",
                [],
            )
            .unwrap();
        let sol_under_tia = ["people", "move", "R2", "--to", "R3"];
        let tia_under_sol = ["people", "move", "R3", "--to", "R2"];
        let (first, second) = if round % 2 == 0 {
            (&sol_under_tia, &tia_under_sol)
        } else {
            (&tia_under_sol, &sol_under_tia)
        };
        let a = spawn(&workspace, first);
        let b = spawn(&workspace, second);
        let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
        let (sol_move, tia_move) = if round % 2 == 0 { (a, b) } else { (b, a) };
        let conn = open_checked(&workspace);
        let context = format!(
            "round {round}: Sol→Tia exit {:?} ({}), Tia→Sol exit {:?} ({})",
            sol_move.status.code(),
            stderr_of(&sol_move).trim(),
            tia_move.status.code(),
            stderr_of(&tia_move).trim()
        );
        assert_eq!(
            cycle_in(&conn),
            None,
            "no cycle may reach the file; {context}"
        );
        let sol_landed = manager_of(&conn, "R2").as_deref() == Some("R3");
        let tia_landed = manager_of(&conn, "R3").as_deref() == Some("R2");
        for (output, landed) in [(&sol_move, sol_landed), (&tia_move, tia_landed)] {
            if output.status.success() {
                assert!(
                    landed,
                    "a move that exited 0 must be in the file; {context}"
                );
            } else {
                assert!(!landed, "a refused move must change nothing; {context}");
                let stderr = stderr_of(output);
                assert!(
                    (output.status.code() == Some(1) && stderr.contains("cycle"))
                        || (output.status.code() == Some(BUSY_EXIT) && stderr.contains("busy")),
                    "the loser must name the cycle (exit 1) or say the workspace is busy (exit 4); {context}"
                );
            }
        }
        assert!(
            sol_move.status.success() != tia_move.status.success(),
            "exactly one of the two moves must land; {context}"
        );
        if sol_landed {
            sol_won += 1;
        } else {
            tia_won += 1;
        }
    }
    println!("two opposite moves, 8 rounds: Sol's won {sol_won}, Tia's won {tia_won}");
}

// ---------------------------------------------------------------------------
// A file with a cycle written by another tool.
// ---------------------------------------------------------------------------

#[test]
fn a_cycle_written_into_the_file_is_reported_quickly_and_repair_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path().join("w.leadline");
    let csv = dir.path().join("org.csv");
    std::fs::write(
        &csv,
        "id,name,manager id\n1,Adaeze,\n2,Bogdan,1\n3,Cyrille,2\n4,Dimitra,3\n5,Evelyn,1\n",
    )
    .unwrap();
    succeeds(
        &leadline(&workspace, &["import", csv.to_str().unwrap()]),
        "the import",
    );
    // Another tool puts Bogdan under Dimitra: Bogdan → Dimitra → Cyrille → Bogdan.
    {
        let conn = Connection::open(&workspace).unwrap();
        let changed = conn
            .execute(
                "UPDATE person SET manager_id = (SELECT id FROM person WHERE ext_id = '4')
                 WHERE ext_id = '2'",
                [],
            )
            .unwrap();
        assert_eq!(changed, 1, "the test must really write the cycle");
        assert!(cycle_in(&conn).is_some(), "the file must hold a cycle now");
    }
    let limit = Duration::from_secs(5);
    for args in [
        &["metrics"][..],
        &["metrics", "--json"],
        &["metrics", "--root", "Adaeze"],
        &["metrics", "--root", "Cyrille", "--json"],
    ] {
        let (output, took) = leadline_within(&workspace, args, limit);
        let stderr = stderr_of(&output);
        assert!(
            !output.status.success(),
            "`{}` must fail on a file with a cycle, not print numbers",
            args.join(" ")
        );
        assert!(
            stderr.contains("cycle")
                && ["Bogdan", "Cyrille", "Dimitra"]
                    .iter()
                    .all(|name| stderr.contains(name)),
            "`{}` must name the cycle and its people: {stderr}",
            args.join(" ")
        );
        assert!(
            !stderr.contains("Evelyn"),
            "Evelyn is not in the cycle and must not be named: {stderr}"
        );
        println!("`{}` refused in {took:?}", args.join(" "));
    }
    let repaired = succeeds(&leadline(&workspace, &["repair"]), "repair");
    assert!(
        repaired.contains("cycle"),
        "repair should say what it did: {repaired}"
    );
    assert_eq!(
        cycle_in(&open_checked(&workspace)),
        None,
        "after repair the file must have no cycle"
    );
    let (output, _) = leadline_within(&workspace, &["metrics", "--json"], limit);
    let metrics: serde_json::Value =
        serde_json::from_str(&succeeds(&output, "metrics after repair")).unwrap();
    assert_eq!(
        metrics["headcount"], 5,
        "everyone is counted again after repair: {metrics}"
    );
    let (output, _) = leadline_within(&workspace, &["metrics", "--root", "Cyrille"], limit);
    succeeds(&output, "subtree metrics after repair");
    let again = leadline(&workspace, &["repair"]);
    assert!(
        !again.status.success() && stderr_of(&again).contains("no cycle"),
        "a second repair finds nothing to do: {}",
        stderr_of(&again)
    );
}
