//! Creating a plan: the checks that come first (an assessment to start from, a
//! place for every report who needs one, a checklist that fits the weekly
//! budget), the structure change the move makes, and the stored plan with the
//! gaps it starts from and its paced checklist.

use rusqlite::{params, Connection, Transaction};

use super::preview::{checklist_paced, fit_required, plan_start, PacedChecklist, PlanStart};
use super::read::{assessed_on, plan_get};
use super::{Direction, Plan, PlanInput};
use crate::dates;
use crate::error::{Error, Result};
use crate::people::{PersonBrief, PersonKind};
use crate::reorg::{record_moves, reorg_check, Move};
use crate::skills::framework::RoleProfile;
use crate::skills::gaps::GapReport;
use crate::transition::checklist::PracticeTemplates;
use crate::Workspace;

/// Creates a plan in one transaction that checks everything, applies the moves
/// (recorded for undo), and stores the plan, the gaps it starts from and its
/// checklist, paced over its days (`plan_preview` shows the same beforehand).
/// A checklist that does not fit the weekly budget is refused unless
/// `input.pace` says which choice was taken; then the plan is made with it.
pub fn plan_create(
    ws: &mut Workspace,
    input: &PlanInput,
    templates: &PracticeTemplates,
    today: &str,
) -> Result<Plan> {
    dates::parse(&input.start_date)?;
    let plan_id = ws.write(|tx| {
        let start = plan_start(tx, input)?;
        if start.direction == Direction::ToIc && !input.reports_stay {
            reports_placed_required(tx, input, &start.person)?;
        }
        let paced = checklist_paced(&start, input, templates)?;
        fit_required(&paced.pace, input)?;
        let from = from_role(tx, input.person_id)?;
        let description = change_description(start.direction, &start.person, &start.profile);
        let change = moves_apply(ws, tx, &input.moves, &description, today)?;
        // The person is in the new role from now on, so people kept with a
        // new IC leader show as a role mismatch to resolve (dashboard, plan).
        tx.execute(
            "UPDATE person SET role_track = ?2 WHERE id = ?1",
            params![input.person_id, start.direction.role_track().as_str()],
        )?;
        plan_insert(tx, input, today, &start, &paced, &from, change)
    })?;
    plan_get(ws.conn(), plan_id, today)
}

/// Agents may stay with an IC leader; people need a manager who manages, unless
/// keeping them is the choice made (the caller skips this check then).
fn reports_placed_required(tx: &Connection, input: &PlanInput, person: &PersonBrief) -> Result<()> {
    let people: Vec<String> = plan_unplaced_reports(tx, input.person_id, &input.moves)?
        .into_iter()
        .filter(|b| b.kind == PersonKind::Human)
        .map(|b| b.name)
        .collect();
    if !people.is_empty() {
        return Err(Error::InvalidInput(format!(
            "{} has people reporting to them ({}): say where each one goes, or choose explicitly that they stay with {}",
            person.name,
            names_list(&people),
            person.name
        )));
    }
    Ok(())
}

/// "Ana, Bo and Cy"; past ten names, "… and 40 more".
fn names_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        _ if names.len() > 10 => {
            format!("{} and {} more", names[..10].join(", "), names.len() - 10)
        }
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The person's direct reports (humans and agents) that `moves` do not place.
pub fn plan_unplaced_reports(
    conn: &Connection,
    person_id: i64,
    moves: &[Move],
) -> Result<Vec<PersonBrief>> {
    let mut stmt = conn
        .prepare("SELECT id FROM person WHERE manager_id = ?1 ORDER BY name COLLATE NOCASE, id")?;
    let reports: Vec<i64> = stmt
        .query_map([person_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    reports
        .into_iter()
        .filter(|r| !moves.iter().any(|m| m.person_id == *r))
        .map(|r| crate::people::person_brief(conn, r))
        .collect()
}

/// The role the person leaves, as the plan names it: "manager of 3", or their
/// role track when nobody reports to them.
fn from_role(conn: &Connection, person_id: i64) -> Result<String> {
    let (role, reports): (Option<String>, u32) = conn.query_row(
        "SELECT role_track, (SELECT count(*) FROM person r WHERE r.manager_id = p.id AND r.kind = 'human')
         FROM person p WHERE p.id = ?1",
        [person_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(match (reports, role.as_deref()) {
        (0, Some(role)) => role.replace('_', " "),
        (0, None) => "ic".into(),
        (n, _) => format!("manager of {n}"),
    })
}

/// How the structure change reads in the history of changes.
fn change_description(direction: Direction, person: &PersonBrief, profile: &RoleProfile) -> String {
    match direction {
        Direction::ToIc => format!(
            "{} moves to {}: their reports get new managers",
            person.name, profile.name
        ),
        Direction::ToManager => format!(
            "{} moves to {}: people come to report to them",
            person.name, profile.name
        ),
    }
}

/// Applies the moves as one structure change recorded for undo; `None` when
/// nothing moves.
fn moves_apply(
    ws: &Workspace,
    tx: &Transaction,
    moves: &[Move],
    description: &str,
    today: &str,
) -> Result<Option<i64>> {
    if moves.is_empty() {
        return Ok(None);
    }
    // Checked against the structure as this transaction sees it, so a
    // write by another process since the preview is taken into account.
    reorg_check(ws, moves)?;
    Ok(Some(record_moves(tx, moves, description, today)?))
}

/// Stores a checked plan: its row, the gaps it starts from and its checklist.
fn plan_insert(
    tx: &Transaction,
    input: &PlanInput,
    today: &str,
    start: &PlanStart,
    paced: &PacedChecklist,
    from: &str,
    change: Option<i64>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO transition_plan (person_id, from_role, profile_id, profile_name, start_date, structure_change_id, budget, created_on, direction, baseline_on, length_days)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            input.person_id,
            from,
            start.profile.id,
            start.profile.name,
            input.start_date,
            change,
            serde_json::to_string(&paced.pace.budget).expect("budget serializes"),
            today,
            start.direction.as_str(),
            assessed_on(&start.report),
            paced.pace.length_days
        ],
    )?;
    let plan_id = tx.last_insert_rowid();
    baseline_insert(tx, plan_id, &start.report)?;
    checklist_insert(tx, plan_id, paced)?;
    Ok(plan_id)
}

/// The rating of each target skill when the plan starts, which later
/// assessments are compared with.
fn baseline_insert(tx: &Transaction, plan_id: i64, report: &GapReport) -> Result<()> {
    let mut baseline = tx.prepare(
        "INSERT INTO plan_baseline (plan_id, skill_key, skill_name, target, rating, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (position, row) in report.skills.iter().enumerate() {
        if let Some(target) = row.target {
            baseline.execute(params![
                plan_id,
                row.skill_key,
                row.skill_name,
                target,
                row.current,
                position as i64
            ])?;
        }
    }
    Ok(())
}

/// Stores the checklist in its order, each item in the phase and with the due
/// date pacing gave it.
fn checklist_insert(tx: &Transaction, plan_id: i64, paced: &PacedChecklist) -> Result<()> {
    let mut insert = tx.prepare(
        "INSERT INTO plan_item (plan_id, position, phase, skill_key, skill_name, level, title, done_when, kind, hours_per_week, due_date, source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for (position, (item, dated)) in paced.items.iter().zip(&paced.pace.items).enumerate() {
        insert.execute(params![
            plan_id,
            position as i64,
            dated.phase,
            dated.skill_key,
            dated.skill_name,
            dated.level,
            dated.title,
            item.done_when,
            dated.kind.as_str(),
            dated.hours_per_week,
            dated.due_date,
            dated.source.as_str()
        ])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::direction::PHASES_TO_MANAGER;
    use super::super::fixtures::{assess_bo, structure, templates};
    use super::super::{plan_list, ItemSource, CHECKPOINT_TITLE};
    use super::*;
    use crate::people::tests::add;
    use crate::reorg::reorg_undo;
    use crate::skills::assessment::AssessorRole;
    use crate::skills::framework::{framework_save, profile_resolve};
    use crate::skills::tests::{assess, rating, small};

    /// Ada manages Bo, who manages Cy and Di. Bo becomes a "Lead" (targets delegate 4,
    /// decompose 3, coach 2); his manager rated delegate 2, decompose 3, coach 1.
    #[test]
    fn a_plan_moves_the_reports_and_builds_the_checklist_in_one_step_that_can_be_undone() {
        let mut ws = Workspace::in_memory().unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let cy = add(ws.conn(), "Cy", Some(bo));
        let di = add(ws.conn(), "Di", Some(bo));
        let f = framework_save(ws.conn(), &small(), false).unwrap();
        assess_bo(ws.conn(), bo, f.id);
        let profile = profile_resolve(ws.conn(), "lead").unwrap();
        let before = structure(&ws);
        let input = PlanInput {
            person_id: bo,
            profile_id: profile.id,
            start_date: "2026-12-01".into(),
            moves: vec![
                Move {
                    person_id: cy,
                    to_manager: Some(ada),
                },
                Move {
                    person_id: di,
                    to_manager: Some(ada),
                },
            ],
            direction: None,
            reports_stay: false,
            pace: None,
        };
        let plan = plan_create(&mut ws, &input, &templates(), "2026-11-22").unwrap();
        assert_eq!(plan.from_role, "manager of 2");
        assert_eq!(
            ws.metrics(None).unwrap().managers,
            1,
            "only Ada manages now"
        );
        let titles: Vec<&str> = plan.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(
            titles,
            ["practise delegate at 3", "practise coach at 2", "practise delegate at 4", CHECKPOINT_TITLE],
            "decompose is at target: no items; delegate is two levels short: two items, the second a phase later"
        );
        // Paced by hand: days 1–30 have two items over their four weeks
        // (ending 12-08, 12-15, 12-22 and 12-31): the j-th aims at week ⌈j·4/2⌉,
        // weeks 2 and 4; days 31–60 have one, due at their end (2027-01-30);
        // the checkpoint closes the plan on day 90 (2027-03-01). (Before
        // pacing, both items of days 1–30 were due on 12-31.)
        let due: Vec<&str> = plan.items.iter().map(|i| i.due_date.as_str()).collect();
        assert_eq!(
            due,
            ["2026-12-15", "2026-12-31", "2027-01-30", "2027-03-01"],
            "staggered inside each phase, the last on the phase's last day"
        );
        assert_eq!(
            plan.phases.iter().map(|p| p.total).collect::<Vec<_>>(),
            [2, 1, 1]
        );

        reorg_undo(
            &mut ws,
            plan.structure_change_id
                .expect("the plan remembers its structure change"),
        )
        .unwrap();
        assert_eq!(
            structure(&ws),
            before,
            "undoing the plan's structure change restores the exact previous structure"
        );
    }

    /// Bo manages Cy, Di and a review agent. A move to an IC role that places
    /// only Cy is refused naming Di (the agent may stay); leaving Di with Bo
    /// is allowed when chosen explicitly.
    #[test]
    fn people_left_without_a_place_are_refused_unless_leaving_them_is_chosen() {
        let mut ws = Workspace::in_memory().unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let cy = add(ws.conn(), "Cy", Some(bo));
        let di = add(ws.conn(), "Di", Some(bo));
        crate::people::person_create(
            ws.conn(),
            &crate::people::PersonInput {
                kind: crate::people::PersonKind::Agent,
                manager_id: Some(bo),
                ..crate::people::PersonInput::human("Review bot")
            },
        )
        .unwrap();
        let f = framework_save(ws.conn(), &small(), false).unwrap();
        assess_bo(ws.conn(), bo, f.id);
        let profile = profile_resolve(ws.conn(), "lead").unwrap();
        let before = structure(&ws);
        let mut input = PlanInput {
            person_id: bo,
            profile_id: profile.id,
            start_date: "2026-12-01".into(),
            moves: vec![Move {
                person_id: cy,
                to_manager: Some(ada),
            }],
            direction: None,
            reports_stay: false,
            pace: None,
        };
        let err = plan_create(&mut ws, &input, &templates(), "2026-11-22").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput, "{err}");
        assert!(
            err.to_string().contains("(Di)"),
            "names the one person without a place, not the agent: {err}"
        );
        assert_eq!(structure(&ws), before, "a refused plan moves nobody");
        input.reports_stay = true;
        let plan = plan_create(&mut ws, &input, &templates(), "2026-11-22").unwrap();
        assert_eq!(plan.from_role, "manager of 2");
        let di_now = crate::people::person_get(ws.conn(), di).unwrap();
        assert_eq!(di_now.manager_id, Some(bo), "Di stays with Bo, as chosen");
        // Kept, Di is a mismatch to resolve: Bo is now an IC leader who still
        // manages one person (the agent does not count).
        assert_eq!(plan.still_manages, 1);
        let bo_now = crate::people::person_get(ws.conn(), bo).unwrap();
        assert_eq!(bo_now.role_track, Some(crate::people::RoleTrack::IcLeader));
        let metrics = ws.metrics(None).unwrap();
        let flagged: Vec<(&str, u32)> = metrics
            .role_mismatches
            .iter()
            .map(|m| (m.name.as_str(), m.span))
            .collect();
        assert_eq!(flagged, [("Bo", 1)]);
        // Once Di has a new manager, nothing is left to resolve.
        crate::people::person_move(ws.conn(), di, Some(ada)).unwrap();
        let plan = super::super::plan_get(ws.conn(), plan.id, "2026-11-22").unwrap();
        assert_eq!(plan.still_manages, 0);
        let metrics = ws.metrics(None).unwrap();
        assert!(metrics.role_mismatches.is_empty());
    }

    /// Bo's plan starts on 2020-01-06, a leap year: the phases end 30, 60 and 90
    /// days later, on 2020-02-05, 2020-03-06 and 2020-04-05. Read in 2026,
    /// every item is overdue until ticked.
    #[test]
    fn a_plan_has_three_thirty_day_phases_and_ends_with_the_checkpoint() {
        let mut ws = Workspace::in_memory().unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let cy = add(ws.conn(), "Cy", Some(bo));
        let f = framework_save(ws.conn(), &small(), false).unwrap();
        assess_bo(ws.conn(), bo, f.id);
        let profile = profile_resolve(ws.conn(), "lead").unwrap();
        let mut input = PlanInput {
            person_id: bo,
            profile_id: profile.id,
            start_date: "2020-01-06".into(),
            moves: vec![Move {
                person_id: cy,
                to_manager: Some(ada),
            }],
            direction: None,
            reports_stay: false,
            pace: None,
        };
        let plan = plan_create(&mut ws, &input, &templates(), "2020-01-02").unwrap();
        assert_eq!(
            plan.phases
                .iter()
                .map(|p| p.end_date.as_str())
                .collect::<Vec<_>>(),
            ["2020-02-05", "2020-03-06", "2020-04-05"]
        );
        let change = plan.structure_change.as_ref().expect("the plan moved Cy");
        assert_eq!(
            (change.made_on.as_str(), change.moves.len(), change.undone),
            ("2020-01-02", 1, false),
            "the move is dated the day the plan was made"
        );
        let (checkpoint, from_gaps) = plan.items.split_last().unwrap();
        assert!(from_gaps
            .iter()
            .all(|i| i.source == ItemSource::Gap && i.level.is_some()));
        assert_eq!(
            (
                checkpoint.source,
                checkpoint.phase,
                checkpoint.skill_key.as_str(),
                checkpoint.level,
                checkpoint.title.as_str(),
                checkpoint.due_date.as_str()
            ),
            (
                ItemSource::Checkpoint,
                3,
                "",
                None,
                CHECKPOINT_TITLE,
                "2020-04-05"
            )
        );
        let later = plan_get(ws.conn(), plan.id, "2026-01-01").unwrap();
        assert!(
            later.items.iter().all(|i| i.overdue),
            "nothing ticked and every due date passed"
        );
        input.moves.clear();
        let second = plan_create(&mut ws, &input, &templates(), "2020-01-03").unwrap();
        let listed: Vec<i64> = plan_list(ws.conn(), bo, "2026-01-01")
            .unwrap()
            .iter()
            .map(|p| p.id)
            .collect();
        assert_eq!(listed, [second.id, plan.id], "newest first");
    }

    #[test]
    fn without_an_assessment_no_plan_is_made_and_nothing_moves() {
        let mut ws = Workspace::in_memory().unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let cy = add(ws.conn(), "Cy", Some(bo));
        framework_save(ws.conn(), &small(), false).unwrap();
        let profile = profile_resolve(ws.conn(), "lead").unwrap();
        let before = structure(&ws);
        let input = PlanInput {
            person_id: bo,
            profile_id: profile.id,
            start_date: "2026-12-01".into(),
            moves: vec![Move {
                person_id: cy,
                to_manager: Some(ada),
            }],
            direction: None,
            reports_stay: false,
            pace: None,
        };
        let err = plan_create(&mut ws, &input, &templates(), "2026-11-22").unwrap_err();
        assert!(err.to_string().contains("assessment first"), "{err}");
        assert_eq!(structure(&ws), before);
    }

    /// Back to managing: Cy, who reports to Ada, comes to report to Bo.
    #[test]
    fn a_move_back_to_managing_brings_people_under_the_person_and_can_be_undone() {
        let mut ws = Workspace::in_memory().unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let cy = add(ws.conn(), "Cy", Some(ada));
        let f = framework_save(ws.conn(), &small(), false).unwrap();
        assess(
            ws.conn(),
            bo,
            f.id,
            AssessorRole::SelfAssessed,
            "2026-11-01",
            vec![rating("coach", 1, None)],
        );
        let profile = profile_resolve(ws.conn(), "lead").unwrap();
        let before = structure(&ws);
        let input = PlanInput {
            person_id: bo,
            profile_id: profile.id,
            start_date: "2026-12-01".into(),
            moves: vec![Move {
                person_id: cy,
                to_manager: Some(bo),
            }],
            direction: Some(Direction::ToManager),
            reports_stay: false,
            pace: None,
        };
        let plan = plan_create(&mut ws, &input, &templates(), "2026-11-22").unwrap();
        assert_eq!(plan.direction, Direction::ToManager);
        assert_eq!(plan.budget, Direction::ToManager.default_budget());
        assert_eq!(
            plan.phases[0].title,
            format!("Days 1–30: {}", PHASES_TO_MANAGER[0].0)
        );
        assert!(plan.checkpoint_questions[0].contains("than I did as an IC"));
        assert_eq!(
            crate::people::person_get(ws.conn(), cy).unwrap().manager_id,
            Some(bo)
        );
        let change = plan.structure_change.as_ref().unwrap();
        assert!(!change.undone && change.description.contains("report to them"));

        reorg_undo(&mut ws, change.id).unwrap();
        assert_eq!(structure(&ws), before);
        let plan = plan_get(ws.conn(), plan.id, "2026-11-23").unwrap();
        assert!(
            plan.structure_change.unwrap().undone,
            "the plan shows its change was undone"
        );
    }

    /// The profile's stored direction decides, whatever its name says: a
    /// "manager" in the name used to be the rule, so the names here say the
    /// opposite of the direction each profile was given.
    #[test]
    fn the_profile_says_which_way_a_plan_goes_not_its_name() {
        let mut ws = Workspace::in_memory().unwrap();
        let ada = add(ws.conn(), "Ada", None);
        let bo = add(ws.conn(), "Bo", Some(ada));
        let f = framework_save(ws.conn(), &small(), false).unwrap();
        assess_bo(ws.conn(), bo, f.id);
        let mut targets = small().profiles[0].targets.clone();
        targets.values_mut().for_each(|t| *t = (*t).min(3));
        let save = |key: &str, name: &str, direction: Direction| {
            let file = crate::skills::framework::ProfileFile {
                key: key.into(),
                name: name.into(),
                description: String::new(),
                direction,
                targets: targets.clone(),
            };
            crate::skills::framework::profile_save(ws.conn(), &f.key, &file).unwrap()
        };
        let to_ic = save("manager-free", "Manager of nobody", Direction::ToIc);
        let to_manager = save("team-lead", "Team lead", Direction::ToManager);
        assert_eq!(
            profile_resolve(ws.conn(), "team-lead").unwrap().direction,
            Direction::ToManager
        );
        for (profile, expected) in [(to_ic, Direction::ToIc), (to_manager, Direction::ToManager)] {
            let input = PlanInput {
                person_id: bo,
                profile_id: profile.id,
                start_date: "2026-12-01".into(),
                moves: vec![],
                direction: None,
                reports_stay: true,
                pace: None,
            };
            let plan = plan_create(&mut ws, &input, &templates(), "2026-11-22").unwrap();
            assert_eq!(plan.direction, expected, "{}", profile.name);
            super::super::plan_delete(ws.conn(), plan.id, "2026-11-22").unwrap();
        }
    }
}
