//! The sample workspace the UI fixtures are read from, built through the
//! core's public API only, as the window would build it.
//!
//! The org (ids follow the order of creation):
//!
//! ```text
//! Grace Hopper, Director (1)
//! ├── Ada Lovelace, Engineering Manager, Platform (2)
//! │   ├── Bo Chen, Cy Diaz, Di Evans (5, 6, 7)
//! │   ├── Alexander, Engineer, Platform (12)
//! │   └── Review bot, an AI agent (8)
//! ├── Alan Turing, Engineering Manager, Payments (3)
//! │   ├── Linus Torvalds, Engineer, declared a manager (9)
//! │   └── Triage Agent, an AI agent (10)
//! ├── Katherine Johnson, Staff Engineer, an IC leader (4)
//! └── Alexander, Staff Engineer, Payments (11)
//! ```
//!
//! Teams: Platform, Payments and Search (set up, nobody in it yet). Platform
//! craft is a framework of the user's own, edited after Bo was rated on its
//! first version (so there are versions 1 and 2); "My lead" is the user's own
//! profile of the built-in framework.
//!
//! By hand, with the thresholds narrow ≤ 2 and wide ≥ 8: 10 humans and 2
//! agents; managers Grace (span 4), Ada (4) and Alan (1), so 7 ICs and a
//! ratio of 7/3; three layers; Alan is a single-report (and narrow) manager;
//! Linus is declared a manager but manages nobody.
//!
//! Ada is assessed on the built-in framework in two rounds (self and Grace as
//! her manager, 2026-H1 and 2026-H2). In 2026-H2 her manager rates delegating
//! 2, coaching 1 and decomposing 3 against the IC-leader targets 4, 3 and 4,
//! so her IC-leader plan (started 2026-08-03, her four people moving to Grace,
//! who then has 8 reports: wide) draws items for delegating levels 3 and 4,
//! coaching 2 and 3, and decomposing 4. She also has an older tech-lead plan
//! that kept her reports, two SDLC audits of her work (2026-08-17 and
//! 2026-09-07), and Payments one team audit with no bottleneck. Katherine and
//! Bo are rated too: across the org, giving clear instructions is rated (by
//! Bo, 2) but reached by nobody, and seven skills are rated by nobody.

use leadline_core::people::{person_create, Person, PersonInput, PersonKind, RoleTrack};
use leadline_core::reorg::Move;
use leadline_core::settings::{thresholds_set, Thresholds};
use leadline_core::skills::assessment::{
    assessment_create, Assessment, AssessmentInput, AssessorRole, RatingInput,
};
use leadline_core::skills::framework::{
    framework_resolve, framework_save, profile_list, profile_save, AreaFile, Direction, Framework,
    FrameworkFile, ProfileFile, RoleProfile, SkillFile, FORMAT, FORMAT_VERSION,
};
use leadline_core::teams::team_create;
use leadline_core::transition::audit::{
    audit_create, Audit, AuditInput, AuditScope, Stage, StageInput,
};
use leadline_core::transition::checklist::{PracticeTemplate, TimeKind};
use leadline_core::transition::library::{template_set, templates_effective};
use leadline_core::transition::plan::{plan_create, plan_item_check, Plan, PlanInput};
use leadline_core::transition::shipped_templates;
use leadline_core::Workspace;

pub const BUILTIN: &str = "ai-native-ic-leader";
/// The day Ada's IC-leader plan is made; it starts two days later.
pub const PLAN_MADE: &str = "2026-08-01";
/// "Today" whenever a plan is read: phase 1 (to 2026-09-02) is over.
pub const TODAY: &str = "2026-09-10";

/// Everything the fixtures refer to, by id.
pub struct Org {
    pub grace: Person,
    pub ada: Person,
    pub alan: Person,
    pub katherine: Person,
    pub linus: Person,
    pub bo: Person,
    pub cy: Person,
    pub di: Person,
    pub review_bot: Person,
    pub alexander_staff: Person,
    pub alexander: Person,
    pub platform: i64,
    pub payments: i64,
    pub search: i64,
    pub builtin: Framework,
    pub craft: Framework,
    pub profiles: Vec<RoleProfile>,
    pub ada_self_h2: Assessment,
    pub ada_manager_h2: Assessment,
}

impl Org {
    pub fn profile(&self, key: &str) -> &RoleProfile {
        self.profiles
            .iter()
            .find(|p| p.key == key)
            .unwrap_or_else(|| panic!("no profile {key}"))
    }

    /// Ada's people (not her agent) moving to Grace: the move of her plan.
    pub fn ada_reports_to_grace(&self) -> Vec<Move> {
        [&self.bo, &self.cy, &self.di, &self.alexander]
            .into_iter()
            .map(|p| Move {
                person_id: p.id,
                to_manager: Some(self.grace.id),
            })
            .collect()
    }
}

/// The plans and audits made on top of the org.
pub struct Work {
    pub tech_lead_plan: Plan,
    pub plan: Plan,
    pub audit_earlier: Audit,
    pub audit_team: Audit,
    pub audit_later: Audit,
}

/// A rating: (skill, level, interest, note).
type Rated<'a> = (&'a str, u8, Option<u8>, &'a str);

/// Who rated, on which day, in which round.
struct Round<'a> {
    role: AssessorRole,
    by: &'a str,
    on: &'a str,
    round: &'a str,
}

fn by_self<'a>(on: &'a str, round: &'a str) -> Round<'a> {
    Round {
        role: AssessorRole::SelfAssessed,
        by: "",
        on,
        round,
    }
}

fn by_grace<'a>(on: &'a str, round: &'a str) -> Round<'a> {
    Round {
        role: AssessorRole::Manager,
        by: "Grace Hopper",
        on,
        round,
    }
}

fn assess(
    ws: &Workspace,
    who: &Person,
    framework: &Framework,
    when: Round,
    ratings: &[Rated],
) -> Assessment {
    assessment_create(
        ws.conn(),
        &AssessmentInput {
            person_id: who.id,
            framework_id: framework.id,
            assessor_role: when.role,
            assessor_name: when.by.into(),
            assessed_on: when.on.into(),
            round: when.round.into(),
            note: String::new(),
            ratings: ratings
                .iter()
                .map(|&(skill, level, interest, note)| RatingInput {
                    skill_key: skill.into(),
                    level,
                    interest,
                    note: note.into(),
                })
                .collect(),
        },
    )
    .expect("an assessment of the sample org")
}

/// A user's own framework: two skills of platform craft, one area.
pub fn platform_craft(name: &str) -> FrameworkFile {
    let levels = |what: &str| {
        [
            "Follows",
            "Practises",
            "Owns",
            "Improves",
            "Sets the standard for",
        ]
        .map(|how| format!("{how} {what}."))
        .to_vec()
    };
    FrameworkFile {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        key: "platform-craft".into(),
        name: name.into(),
        version: 1,
        description: "What our platform team expects.".into(),
        scale: ["Learning", "Practicing", "Proficient", "Leading", "Shaping"]
            .map(String::from)
            .to_vec(),
        areas: vec![AreaFile {
            key: "craft".into(),
            name: "Craft".into(),
            skills: vec![
                SkillFile {
                    key: "incident-response".into(),
                    name: "Incident response".into(),
                    description: String::new(),
                    levels: levels("the incident process"),
                },
                SkillFile {
                    key: "capacity-planning".into(),
                    name: "Capacity planning".into(),
                    description: String::new(),
                    levels: levels("capacity plans"),
                },
            ],
        }],
        profiles: Vec::new(),
    }
}

/// The people, teams, frameworks, profiles and assessments: the org before
/// anyone moves.
pub fn org(ws: &mut Workspace) -> Org {
    thresholds_set(
        ws.conn(),
        Thresholds {
            narrow_span_max: 2,
            wide_span_min: 8,
        },
    )
    .unwrap();
    let platform = team_create(ws.conn(), "Platform").unwrap().id;
    let payments = team_create(ws.conn(), "Payments").unwrap().id;
    // A team just set up: nobody in it yet.
    let search = team_create(ws.conn(), "Search").unwrap().id;
    use RoleTrack::{Ic, IcLeader, Manager};
    // Name, title, role track (none: an AI agent), level, team, and the row
    // of the manager: the order of the rows is the order of the ids.
    #[rustfmt::skip]
    let rows = [
        ("Grace Hopper", "Director", Some(Manager), "L8", None, None),
        ("Ada Lovelace", "Engineering Manager", Some(Manager), "L6", Some(platform), Some(0)),
        ("Alan Turing", "Engineering Manager", Some(Manager), "L6", Some(payments), Some(0)),
        ("Katherine Johnson", "Staff Engineer", Some(IcLeader), "L7", None, Some(0)),
        ("Bo Chen", "Engineer", Some(Ic), "L4", Some(platform), Some(1)),
        ("Cy Diaz", "Engineer", Some(Ic), "L4", Some(platform), Some(1)),
        ("Di Evans", "Senior Engineer", Some(Ic), "L5", Some(platform), Some(1)),
        ("Review bot", "Code review agent", None, "", Some(platform), Some(1)),
        ("Linus Torvalds", "Engineer", Some(Manager), "L5", Some(payments), Some(2)),
        ("Triage Agent", "Bug triage agent", None, "", Some(payments), Some(2)),
        ("Alexander", "Staff Engineer", Some(Ic), "L7", Some(payments), Some(0)),
        ("Alexander", "Engineer", Some(Ic), "L4", Some(platform), Some(1)),
    ];
    let mut people: Vec<Person> = Vec::new();
    for (name, title, track, level, team, manager) in rows {
        let kind = match track {
            Some(_) => PersonKind::Human,
            None => PersonKind::Agent,
        };
        let email = match kind {
            PersonKind::Human => format!("{}@example.com", name.to_lowercase().replace(' ', ".")),
            PersonKind::Agent => String::new(),
        };
        let input = PersonInput {
            name: name.into(),
            title: title.into(),
            kind,
            role_track: track,
            level: level.into(),
            team_id: team,
            email,
            manager_id: manager.map(|row: usize| people[row].id),
        };
        people.push(person_create(ws.conn(), &input).expect("a person of the sample org"));
    }
    let [grace, ada, alan, katherine, bo, cy, di, review_bot, linus, _, alexander_staff, alexander] =
        <[Person; 12]>::try_from(people).unwrap();

    let builtin = framework_resolve(ws.conn(), BUILTIN).unwrap();
    // Platform craft: Bo rated on version 1, then the wording changed, which
    // made version 2 (the one new assessments use).
    let craft_v1 = framework_save(ws.conn(), &platform_craft("Platform craft"), false).unwrap();
    let rated = [
        ("incident-response", 3, None, ""),
        ("capacity-planning", 2, None, ""),
    ];
    assess(ws, &bo, &craft_v1, by_self("2026-02-01", "2026-H1"), &rated);
    let mut revised = platform_craft("Platform craft");
    revised.description = "What our platform team expects, reworded after the first round.".into();
    let craft = framework_save(ws.conn(), &revised, false).unwrap();
    let my_lead = ProfileFile {
        key: "my-lead".into(),
        name: "My lead".into(),
        description: "Ours: coaching first".into(),
        direction: Direction::ToIc,
        targets: [("coaching", 4), ("delegating-work", 3)]
            .map(|(skill, level)| (skill.to_string(), level))
            .into(),
    };
    profile_save(ws.conn(), BUILTIN, &my_lead).unwrap();
    let profiles = profile_list(ws.conn(), BUILTIN).unwrap();

    // Who is rated, by whom and when, and how. Ada's manager typed her note
    // on delegating as is, markup included: the window shows it as text.
    #[rustfmt::skip]
    let rounds: [(&Person, Round, &[Rated]); 6] = [
        (&ada, by_self("2026-03-01", "2026-H1"), &[
            ("delegating-work", 3, Some(2), ""),
            ("decomposing-work", 3, None, ""),
            ("coaching", 2, None, ""),
        ]),
        (&ada, by_grace("2026-03-05", "2026-H1"), &[
            ("delegating-work", 2, None, ""),
            ("decomposing-work", 3, None, ""),
            ("coaching", 2, None, ""),
        ]),
        (&ada, by_self("2026-07-18", "2026-H2"), &[
            ("delegating-work", 4, Some(2), "I hand off a lot now"),
            ("decomposing-work", 3, None, ""),
            ("coaching", 2, Some(1), ""),
            ("giving-feedback", 4, None, ""),
            ("systems-thinking", 3, None, ""),
        ]),
        (&ada, by_grace("2026-07-20", "2026-H2"), &[
            ("delegating-work", 2, None, "<b>Redoes</b> what agents hand back"),
            ("decomposing-work", 3, None, ""),
            ("coaching", 1, None, ""),
            ("giving-feedback", 4, None, ""),
            ("systems-thinking", 3, None, ""),
            ("technical-judgment", 3, None, ""),
        ]),
        (&katherine, by_grace("2026-06-15", "2026-H1"), &[
            ("delegating-work", 4, None, ""),
            ("decomposing-work", 4, None, ""),
            ("systems-thinking", 4, None, ""),
            ("agent-workflows", 5, None, ""),
            ("coaching", 3, None, ""),
            ("technical-judgment", 4, None, ""),
        ]),
        (&bo, by_self("2026-06-01", "2026-H1"), &[
            ("delegating-work", 2, Some(2), ""),
            ("giving-instructions", 2, None, ""),
            ("agent-workflows", 3, None, ""),
        ]),
    ];
    let made: Vec<Assessment> = rounds
        .into_iter()
        .map(|(who, when, ratings)| assess(ws, who, &builtin, when, ratings))
        .collect();
    let (ada_self_h2, ada_manager_h2) = (made[2].clone(), made[3].clone());

    Org {
        grace,
        ada,
        alan,
        katherine,
        linus,
        bo,
        cy,
        di,
        review_bot,
        alexander_staff,
        alexander,
        platform,
        payments,
        search,
        builtin,
        craft,
        profiles,
        ada_self_h2,
        ada_manager_h2,
    }
}

fn stage(stage: Stage, slowdown: u8, ai_use: u8, owner: Option<i64>, next: &str) -> StageInput {
    StageInput {
        stage,
        slowdown,
        ai_use,
        owner_id: owner,
        next_change: next.into(),
    }
}

/// The plans, the audits and an edited practice template.
pub fn work(ws: &mut Workspace, org: &Org) -> Work {
    let templates = templates_effective(ws.conn(), shipped_templates()).unwrap();
    let plan_for = |profile: &RoleProfile, start: &str, moves: Vec<Move>| PlanInput {
        person_id: org.ada.id,
        profile_id: profile.id,
        start_date: start.into(),
        moves,
        direction: None,
        reports_stay: false,
        pace: None,
    };
    let tech_lead = PlanInput {
        reports_stay: true,
        ..plan_for(org.profile("tech-lead"), "2026-07-27", Vec::new())
    };
    let tech_lead_plan = plan_create(ws, &tech_lead, &templates, "2026-07-21").unwrap();
    let ic_leader = plan_for(
        org.profile("ic-leader"),
        "2026-08-03",
        org.ada_reports_to_grace(),
    );
    let plan = plan_create(ws, &ic_leader, &templates, PLAN_MADE).unwrap();
    let first = plan.items[0].id;
    let plan = plan_item_check(ws.conn(), plan.id, first, true, "2026-08-10").unwrap();

    let review_bot = org.review_bot.id;
    let ada = AuditScope::Person { id: org.ada.id };
    let audit_earlier = audit_create(
        ws.conn(),
        &AuditInput {
            scope: ada,
            taken_on: "2026-08-17".into(),
            note: String::new(),
            stages: vec![
                stage(Stage::Planning, 1, 0, None, ""),
                stage(Stage::Strategy, 2, 2, None, ""),
                stage(Stage::BugFixing, 4, 0, None, ""),
                stage(
                    Stage::CodeReview,
                    4,
                    1,
                    Some(review_bot),
                    "Agent pre-review of every change",
                ),
            ],
        },
    )
    .unwrap();
    let audit_team = audit_create(
        ws.conn(),
        &AuditInput {
            scope: AuditScope::Team { id: org.payments },
            taken_on: "2026-07-01".into(),
            note: String::new(),
            stages: vec![
                stage(Stage::Planning, 1, 1, None, ""),
                stage(Stage::CodeReview, 1, 3, None, ""),
            ],
        },
    )
    .unwrap();
    let audit_later = audit_create(
        ws.conn(),
        &AuditInput {
            scope: ada,
            taken_on: "2026-09-07".into(),
            note: "After the review-agent trial.".into(),
            stages: vec![
                stage(Stage::Planning, 1, 0, None, ""),
                stage(Stage::Strategy, 3, 2, Some(org.ada.id), ""),
                stage(Stage::BugFixing, 3, 1, None, "Triage agent labels new bugs"),
                stage(Stage::CodeGeneration, 0, 4, None, ""),
                stage(
                    Stage::CodeReview,
                    4,
                    3,
                    Some(review_bot),
                    "Agent pre-review of every change",
                ),
            ],
        },
    )
    .unwrap();

    // After the plans were made: they keep the items they were made with.
    template_set(
        ws.conn(),
        shipped_templates(),
        "delegating-work",
        3,
        &[PracticeTemplate {
            title: "Pair on a delegation".into(),
            done_when: "Two delegations reviewed together".into(),
            hours_per_week: 3,
            kind: TimeKind::Mentoring,
        }],
    )
    .unwrap();

    Work {
        tech_lead_plan,
        plan,
        audit_earlier,
        audit_team,
        audit_later,
    }
}

/// The whole sample workspace, as a fresh in-memory file.
pub fn workspace() -> (Workspace, Org, Work) {
    let mut ws = Workspace::in_memory().unwrap();
    let org = org(&mut ws);
    let work = work(&mut ws, &org);
    (ws, org, work)
}
