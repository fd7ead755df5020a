//! A new plan before it is made (`plan_preview`): its checklist paced over its
//! days, whether it fits the budget and, when it does not, the choices. The
//! same computation is what `plan_create` stores, inside its transaction.

use rusqlite::Connection;

use super::budget::budget_check;
use super::pacing::{self, Calendar, LaterSkill, PaceChoice, PacedItem, PlanPace, PLAN_DAYS};
use super::{checkpoint_title, Direction, ItemSource, PlanInput};
use crate::error::{Error, Result};
use crate::people::PersonBrief;
use crate::skills::framework::{profile_get, RoleProfile};
use crate::skills::gaps::{gap_analysis, GapReport};
use crate::transition::checklist::{
    checklist_generate, ChecklistItem, PracticeTemplates, TimeKind,
};

/// What a plan starts from: the person, the target profile, their gaps
/// against it and which way the move goes.
pub(super) struct PlanStart {
    pub person: PersonBrief,
    pub profile: RoleProfile,
    pub report: GapReport,
    pub direction: Direction,
}

pub(super) fn plan_start(conn: &Connection, input: &PlanInput) -> Result<PlanStart> {
    let person = crate::people::person_brief(conn, input.person_id)?;
    let profile = profile_get(conn, input.profile_id)?;
    let report = gap_analysis(conn, input.person_id, input.profile_id)?;
    assessment_required(&person, &report)?;
    let direction = input.direction.unwrap_or(profile.direction);
    Ok(PlanStart {
        person,
        profile,
        report,
        direction,
    })
}

/// The checklist comes from real gaps, so a plan needs an assessment to start from.
fn assessment_required(person: &PersonBrief, report: &GapReport) -> Result<()> {
    if report.self_assessed_on.is_none() && report.manager_assessed_on.is_none() {
        return Err(Error::InvalidInput(format!(
            "{} has no assessment on {} yet: do a self or manager assessment first, so the checklist comes from real gaps",
            person.name, report.framework_name
        )));
    }
    Ok(())
}

/// A new plan's checklist (in the order it is stored) and its pacing.
pub(super) struct PacedChecklist {
    pub items: Vec<ChecklistItem>,
    pub pace: PlanPace,
}

/// Shows the plan `input` would make, without making it: its items and due
/// dates, the hours a week they take over time, and whether they fit the
/// budget; when they do not, by how much and the choices (fewer skills now,
/// a longer plan, a bigger budget). With `input.pace`, the plan with that
/// choice taken. Nothing is written.
pub fn plan_preview(
    conn: &Connection,
    input: &PlanInput,
    templates: &PracticeTemplates,
) -> Result<PlanPace> {
    let start = plan_start(conn, input)?;
    Ok(checklist_paced(&start, input, templates)?.pace)
}

/// The checklist from the gaps, with the choice taken applied, paced.
pub(super) fn checklist_paced(
    start: &PlanStart,
    input: &PlanInput,
    templates: &PracticeTemplates,
) -> Result<PacedChecklist> {
    let mut items = checklist_generate(&start.report, templates);
    let skills = checklist_skills(&start.report, &items);
    let mut budget = start.direction.default_budget();
    let mut days = PLAN_DAYS;
    match &input.pace {
        None => {}
        Some(PaceChoice::FewerSkills { later }) => {
            if let Some(unknown) = later
                .iter()
                .find(|l| !skills.iter().any(|s| s.skill_key == l.skill_key))
            {
                return Err(Error::InvalidInput(format!(
                    "\"{}\" is not a skill of this plan's checklist, so it cannot be left for later",
                    unknown.skill_key
                )));
            }
            items.retain(|i| !later.iter().any(|l| l.skill_key == i.skill_key));
        }
        Some(PaceChoice::LongerPlan { days: chosen }) => days = *chosen,
        Some(PaceChoice::BiggerBudget { budget: chosen, .. }) => {
            budget_check(chosen)?;
            budget = *chosen;
        }
    }
    // The checkpoint closes the plan, whatever the gaps.
    items.push(checkpoint_item(start.direction, days));
    let calendar = Calendar::new(&input.start_date, days)?;
    let unpaced: Vec<PacedItem> = items.iter().map(unpaced).collect();
    let mut pace = pacing::pace_plan(&unpaced, calendar, budget, None);
    if !pace.fits {
        let skills: Vec<LaterSkill> = checklist_skills(&start.report, &items);
        pace.choices = pacing::choices(&unpaced, calendar, budget, &skills);
    }
    Ok(PacedChecklist { items, pace })
}

/// The skills the checklist has items of, biggest gap first.
fn checklist_skills(report: &GapReport, items: &[ChecklistItem]) -> Vec<LaterSkill> {
    report
        .gaps
        .iter()
        .filter(|g| items.iter().any(|i| i.skill_key == g.skill_key))
        .map(|g| LaterSkill {
            skill_key: g.skill_key.clone(),
            skill_name: g.skill_name.clone(),
        })
        .collect()
}

/// A checklist item as pacing takes it: from its phase on.
fn unpaced(item: &ChecklistItem) -> PacedItem {
    let checkpoint = item.level == 0;
    PacedItem {
        item_id: None,
        source: if checkpoint {
            ItemSource::Checkpoint
        } else {
            ItemSource::Gap
        },
        skill_key: item.skill_key.clone(),
        skill_name: item.skill_name.clone(),
        level: (!checkpoint).then_some(item.level),
        title: item.title.clone(),
        kind: item.kind,
        hours_per_week: item.hours_per_week,
        phase: item.phase,
        opens_on: None,
        due_date: String::new(),
        due_before: None,
        fits: false,
    }
}

/// The checkpoint at the end of the plan as a checklist item; level 0 marks
/// it as not from a gap.
fn checkpoint_item(direction: Direction, days: u32) -> ChecklistItem {
    ChecklistItem {
        skill_key: String::new(),
        skill_name: String::new(),
        level: 0,
        title: checkpoint_title(days),
        done_when: direction.checkpoint_questions().into(),
        hours_per_week: 1,
        kind: TimeKind::OneOnOnes,
        phase: 3,
    }
}

/// Refuses a plan that does not fit: asking for a choice when none was
/// taken, saying that the one taken is not enough otherwise.
pub(super) fn fit_required(pace: &PlanPace, input: &PlanInput) -> Result<()> {
    if pace.fits {
        return Ok(());
    }
    let short = &pace.shortfall;
    let options: Vec<String> = pace.choices.iter().map(choice_text).collect();
    let offer = if options.is_empty() {
        "nothing Leadline can offer makes it fit: lower the hours of its practice templates"
            .to_string()
    } else {
        format!("choose one: {}", options.join("; or "))
    };
    Err(match input.pace {
        None => Error::NeedsConfirmation(format!(
            "the plan does not fit its weekly budget: {short}; {offer}"
        )),
        Some(_) => Error::InvalidInput(format!(
            "even with the choice taken, the plan does not fit its weekly budget: {short}; {offer}"
        )),
    })
}

fn choice_text(choice: &PaceChoice) -> String {
    match choice {
        PaceChoice::FewerSkills { later } => {
            let names: Vec<&str> = later.iter().map(|l| l.skill_name.as_str()).collect();
            format!("leave {} for later", names.join(", "))
        }
        PaceChoice::LongerPlan { days } => format!("make the plan {days} days long"),
        PaceChoice::BiggerBudget { added, .. } => {
            let more: Vec<String> = TimeKind::ALL
                .iter()
                .filter(|&&k| added.hours(k) > 0)
                .map(|&k| format!("{} h more of {}", added.hours(k), k.label()))
                .collect();
            format!("plan {} a week", more.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::super::fixtures::{assess_bo, structure};
    use super::super::{plan_create, Plan, WeeklyBudget};
    use super::*;
    use crate::people::tests::add;
    use crate::skills::assessment::AssessorRole;
    use crate::skills::framework::{
        framework_save, profile_resolve, AreaFile, ProfileFile, SkillFile,
    };
    use crate::skills::tests::{assess, rating, small};
    use crate::transition::checklist::{PracticeTemplate, TEMPLATES_FORMAT};
    use crate::Workspace;

    /// A skill, a level and the items of that level (kind, hours a week).
    type LevelItems<'a> = (&'a str, u8, &'a [(TimeKind, u8)]);

    /// Templates giving each listed skill and level these items.
    fn templates_of(items: &[LevelItems]) -> PracticeTemplates {
        let mut skills: BTreeMap<String, BTreeMap<String, Vec<PracticeTemplate>>> = BTreeMap::new();
        for &(skill, level, of_level) in items {
            let list = of_level
                .iter()
                .enumerate()
                .map(|(n, &(kind, hours))| PracticeTemplate {
                    title: format!("{skill} {level} #{}", n + 1),
                    done_when: "done".into(),
                    hours_per_week: hours,
                    kind,
                })
                .collect();
            skills
                .entry(skill.to_string())
                .or_default()
                .insert(level.to_string(), list);
        }
        PracticeTemplates {
            format: TEMPLATES_FORMAT.into(),
            format_version: 1,
            framework_key: "f".into(),
            skills,
        }
    }

    fn input(person_id: i64, profile_id: i64, pace: Option<PaceChoice>) -> PlanInput {
        PlanInput {
            person_id,
            profile_id,
            start_date: "2026-01-05".into(),
            moves: vec![],
            direction: None,
            reports_stay: true,
            pace,
        }
    }

    fn due_of<'a>(plan: &'a Plan, title: &str) -> (&'a str, u8) {
        let item = plan.items.iter().find(|i| i.title == title).unwrap();
        (item.due_date.as_str(), item.phase)
    }

    /// Nine skills s1…s9, all targeted at 3; a self-assessment rates s1 at 1
    /// and the others at 2. Every level gives three items: 2 h hands-on, 1 h
    /// agents, 1 h reviews.
    ///
    /// The checklist (`checklist_generate`): s1 is two levels short, so it and
    /// the next two (s2, s3) start in days 1–30 and s1's level 3 and s4…s9
    /// come in days 31–60: 9 items, 21 items, and the checkpoint — all 21 open
    /// at once before pacing (28 hours a week of practice).
    ///
    /// Paced by hand (the weeks of a plan from 2026-01-05 are in
    /// `pacing::tests`); 31 items over 12 weeks, at most ⌈31/12⌉ = 3 a week:
    /// - days 1–30: targets ⌈j·4/9⌉ = 1 1 2 2 3 3 4 4 4 → s1-2 #1 #2 | s1-2 #3,
    ///   s2 #1 | s2 #2 #3 | s3 #1 #2 #3.
    /// - days 31–60: 22 left over 8 weeks, 3 a week, 12 places; targets
    ///   ⌈j·4/21⌉: s1-3 fills week 1, s4 week 2 (two of it aimed at week 1),
    ///   s5 week 3, s6 week 4 (aimed at weeks 2 and 3, both full); s7, s8 and
    ///   s9 find every week full and wait.
    /// - days 61–90: those 9 and the checkpoint over 4 weeks, 3 a week;
    ///   targets ⌈j·4/10⌉ = 1 1 2 2 2 3 3 4 4 (checkpoint 4) → s7 #1 #2 |
    ///   s7 #3, s8 #1 #2 | s8 #3, s9 #1 | s9 #2 #3, checkpoint.
    ///
    /// Hours a week (the items due next are the ones open): 3 3 2 4 | 4 4 4 4 |
    /// 3 4 3 3 — at most 4 of the 32 hours of practice room (budget 40).
    #[test]
    fn a_typical_assessment_is_paced_over_the_whole_plan() {
        let mut ws = Workspace::in_memory().unwrap();
        let person = add(ws.conn(), "Ana", None);
        let keys: Vec<String> = (1..=9).map(|n| format!("s{n}")).collect();
        let mut file = small();
        file.key = "f".into();
        file.areas = vec![AreaFile {
            key: "a".into(),
            name: "A".into(),
            skills: keys
                .iter()
                .map(|k| SkillFile {
                    key: k.clone(),
                    name: k.to_uppercase(),
                    description: String::new(),
                    levels: (1..=5).map(|l| format!("{k} {l}")).collect(),
                })
                .collect(),
        }];
        file.profiles = vec![ProfileFile {
            key: "lead".into(),
            name: "Lead".into(),
            description: String::new(),
            direction: Direction::ToIc,
            targets: keys.iter().map(|k| (k.clone(), 3)).collect(),
        }];
        let f = framework_save(ws.conn(), &file, false).unwrap();
        let ratings = keys
            .iter()
            .map(|k| rating(k, if k == "s1" { 1 } else { 2 }, None))
            .collect();
        assess(
            ws.conn(),
            person,
            f.id,
            AssessorRole::SelfAssessed,
            "2025-12-20",
            ratings,
        );
        let three = [
            (TimeKind::HandsOn, 2),
            (TimeKind::Agents, 1),
            (TimeKind::Reviews, 1),
        ];
        let mut levels: Vec<LevelItems> = Vec::new();
        for k in &keys {
            levels.push((k.as_str(), 2, &three));
            levels.push((k.as_str(), 3, &three));
        }
        let templates = templates_of(&levels);
        let profile = profile_resolve(ws.conn(), "lead").unwrap();
        let input = input(person, profile.id, None);

        let preview = plan_preview(ws.conn(), &input, &templates).unwrap();
        assert!(preview.fits && preview.choices.is_empty());
        let per_week: Vec<(u32, u32)> = preview
            .weeks
            .iter()
            .map(|w| (w.due, w.total_hours))
            .collect();
        assert_eq!(
            per_week,
            [
                (2, 3),
                (2, 3),
                (2, 2),
                (3, 4),
                (3, 4),
                (3, 4),
                (3, 4),
                (3, 4),
                (2, 3),
                (3, 4),
                (2, 3),
                (3, 3)
            ]
        );
        assert_eq!((preview.most_open, preview.most_hours), (3, 4));
        assert_eq!(preview.room.total(), 32);

        let plan = plan_create(&mut ws, &input, &templates, "2026-01-02").unwrap();
        let per_phase: Vec<u32> = plan.phases.iter().map(|p| p.total).collect();
        assert_eq!(per_phase, [9, 12, 10], "before pacing: 9, 21 and 1");
        assert_eq!(due_of(&plan, "s1 2 #1"), ("2026-01-12", 1));
        assert_eq!(due_of(&plan, "s3 3 #3"), ("2026-02-04", 1));
        assert_eq!(due_of(&plan, "s1 3 #1"), ("2026-02-11", 2));
        assert_eq!(due_of(&plan, "s6 3 #1"), ("2026-03-06", 2));
        assert_eq!(due_of(&plan, "s7 3 #1"), ("2026-03-13", 3), "waited");
        assert_eq!(due_of(&plan, "s9 3 #3"), ("2026-04-05", 3));
        let created: Vec<&str> = plan.items.iter().map(|i| i.due_date.as_str()).collect();
        let mut previewed: Vec<(u8, &str)> = preview
            .items
            .iter()
            .map(|i| (i.phase, i.due_date.as_str()))
            .collect();
        previewed.sort_by_key(|&(phase, _)| phase);
        assert_eq!(
            created,
            previewed.iter().map(|&(_, d)| d).collect::<Vec<_>>(),
            "the plan made is the plan previewed"
        );
    }

    /// Bo (delegate 2 → 4, coach 1 → 2) with 13 coaching items of 3 hours of
    /// mentoring: mentoring has 4 hours of room (5 in the budget), so one a
    /// week, and the plan has 12 weeks.
    fn bo_overbooked(ws: &mut Workspace) -> (i64, i64, PracticeTemplates) {
        let bo = add(ws.conn(), "Bo", None);
        let f = framework_save(ws.conn(), &small(), false).unwrap();
        assess_bo(ws.conn(), bo, f.id);
        let coaching = [(TimeKind::Mentoring, 3); 13];
        let templates = templates_of(&[
            ("delegate", 3, &[(TimeKind::Agents, 1)]),
            ("delegate", 4, &[(TimeKind::Agents, 1)]),
            ("coach", 2, &coaching),
        ]);
        (
            bo,
            profile_resolve(ws.conn(), "lead").unwrap().id,
            templates,
        )
    }

    /// By hand, 16 items (delegate 3, 13 coaching, delegate 4, checkpoint),
    /// at most 2 due a week:
    /// - days 1–30 (targets ⌈j·4/14⌉): delegate 3 and coaching #1 in week 1,
    ///   #2 #3 #4 in weeks 2–4 (one mentoring item a week); the other 9 wait.
    /// - days 31–60 (n = 10): #5…#8 in weeks 1–4, delegate 4 beside #8; 5 wait.
    /// - days 61–90 (n = 6 with the checkpoint): #9…#12 in weeks 1–4; #13
    ///   finds no week: 1 item, 3 hours of mentoring, does not fit.
    ///
    /// What would fit: leaving coaching for later; a 105-day plan (five weeks
    /// a phase: 15 weeks for 13 items); or 7 hours of mentoring (room 6, two
    /// a week; 6 hours give room 5, still one).
    #[test]
    fn a_plan_that_does_not_fit_is_refused_with_the_choices_and_made_with_one() {
        let mut ws = Workspace::in_memory().unwrap();
        let (bo, profile, templates) = bo_overbooked(&mut ws);
        let preview = plan_preview(ws.conn(), &input(bo, profile, None), &templates).unwrap();
        assert!(!preview.fits);
        assert_eq!(preview.unplaced, 1);
        let short: Vec<(TimeKind, u32)> = preview
            .unplaced_hours
            .iter()
            .filter(|h| h.hours > 0)
            .map(|h| (h.kind, h.hours))
            .collect();
        assert_eq!(short, [(TimeKind::Mentoring, 3)]);
        let last = preview
            .items
            .iter()
            .find(|i| i.title == "coach 2 #13")
            .unwrap();
        assert!(!last.fits && last.opens_on.is_none());
        let bigger = WeeklyBudget {
            mentoring: 7,
            ..WeeklyBudget::default()
        };
        let added = WeeklyBudget {
            hands_on: 0,
            agents: 0,
            reviews: 0,
            mentoring: 2,
            one_on_ones: 0,
        };
        let later = vec![LaterSkill {
            skill_key: "coach".into(),
            skill_name: "Coach".into(),
        }];
        assert_eq!(
            preview.choices,
            [
                PaceChoice::FewerSkills {
                    later: later.clone()
                },
                PaceChoice::LongerPlan { days: 105 },
                PaceChoice::BiggerBudget {
                    budget: bigger,
                    added
                },
            ]
        );

        let before = structure(&ws);
        let err =
            plan_create(&mut ws, &input(bo, profile, None), &templates, "2026-01-02").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::NeedsConfirmation, "{err}");
        for part in [
            "1 of its 16 items",
            "3 h of mentoring",
            "leave Coach for later",
            "make the plan 105 days long",
            "plan 2 h more of mentoring a week",
        ] {
            assert!(err.to_string().contains(part), "{part}: {err}");
        }
        assert!(super::super::plan_list(ws.conn(), bo, "2026-01-02")
            .unwrap()
            .is_empty());
        assert_eq!(structure(&ws), before);

        // 93 days make phases of 31 days: still four weeks each, no better.
        let short = input(bo, profile, Some(PaceChoice::LongerPlan { days: 93 }));
        let err = plan_create(&mut ws, &short, &templates, "2026-01-02").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput, "{err}");
        assert!(
            err.to_string().contains("even with the choice taken"),
            "{err}"
        );

        // 105 days, phases of 35 days ending 02-09, 03-16 and 04-20, 15 weeks:
        // days 1–35 hold delegate 3 and coaching #1–#5 (one a week), days
        // 36–70 #6–#10 and delegate 4; days 71–105 (n = 4, targets ⌈j·5/4⌉ =
        // 2, 3, 4) #11–#13 in weeks 2–4, the checkpoint in week 5.
        let longer = input(bo, profile, Some(PaceChoice::LongerPlan { days: 105 }));
        let plan = plan_create(&mut ws, &longer, &templates, "2026-01-02").unwrap();
        assert_eq!(plan.length_days, 105);
        let ends: Vec<&str> = plan.phases.iter().map(|p| p.end_date.as_str()).collect();
        assert_eq!(ends, ["2026-02-09", "2026-03-16", "2026-04-20"]);
        assert_eq!(
            plan.phases[2].title,
            "Days 71–105: own outcomes, then decide"
        );
        let per_phase: Vec<u32> = plan.phases.iter().map(|p| p.total).collect();
        assert_eq!(per_phase, [6, 6, 4]);
        assert_eq!(due_of(&plan, "coach 2 #11"), ("2026-03-30", 3));
        assert_eq!(due_of(&plan, "coach 2 #13"), ("2026-04-13", 3));
        let checkpoint = plan.items.last().unwrap();
        assert_eq!(
            (checkpoint.title.as_str(), checkpoint.due_date.as_str()),
            (
                "Day-105 checkpoint: keep going, adjust, or go back",
                "2026-04-20"
            )
        );

        let fewer = input(bo, profile, Some(PaceChoice::FewerSkills { later }));
        let plan = plan_create(&mut ws, &fewer, &templates, "2026-01-02").unwrap();
        assert!(plan.items.iter().all(|i| i.skill_key != "coach"));
        assert_eq!(plan.items.len(), 3, "delegate 3 and 4, the checkpoint");
        assert!(
            plan.gaps.iter().any(|g| g.skill_key == "coach"),
            "the gap left for later is still measured"
        );

        let more = input(
            bo,
            profile,
            Some(PaceChoice::BiggerBudget {
                budget: bigger,
                added,
            }),
        );
        let plan = plan_create(&mut ws, &more, &templates, "2026-01-02").unwrap();
        assert_eq!(plan.budget, bigger);
        assert_eq!(plan.length_days, 90);
    }

    #[test]
    fn a_skill_that_is_not_in_the_checklist_cannot_be_left_for_later() {
        let mut ws = Workspace::in_memory().unwrap();
        let (bo, profile, templates) = bo_overbooked(&mut ws);
        let later = vec![LaterSkill {
            skill_key: "decompose".into(),
            skill_name: String::new(),
        }];
        let err = plan_preview(
            ws.conn(),
            &input(bo, profile, Some(PaceChoice::FewerSkills { later })),
            &templates,
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("\"decompose\" is not a skill"),
            "{err}"
        );
    }
}
