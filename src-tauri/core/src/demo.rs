//! Generated orgs: a small realistic demo for new users, and large synthetic
//! orgs (100,000 people) for benchmarks, so no big file is committed. The
//! generator is deterministic for a given seed.

use rusqlite::Connection;

use crate::error::Result;
use crate::import::{import_apply, ImportOptions};
use crate::skills::assessment::{assessment_create, AssessmentInput, AssessorRole, RatingInput};
use crate::skills::framework::framework_resolve;

const FIRST: [&str; 32] = [
    "Ada", "Bo", "Chen", "Dara", "Emeka", "Farah", "Goran", "Hana", "Ines", "Jonas", "Kemi",
    "Luis", "Mei", "Nikhil", "Olga", "Priya", "Quentin", "Rosa", "Sami", "Tomás", "Uma", "Viktor",
    "Wen", "Ximena", "Yusuf", "Zoë", "Aiko", "Bruno", "Carmen", "Dmitri", "Elif", "Femi",
];
const LAST: [&str; 32] = [
    "Okafor",
    "Lindqvist",
    "Nakamura",
    "Haddad",
    "Kowalski",
    "Moreau",
    "Santos",
    "Ivanova",
    "Schmidt",
    "Rossi",
    "Tanaka",
    "Mensah",
    "García",
    "Novak",
    "Patel",
    "Olsen",
    "Dubois",
    "Kim",
    "Fischer",
    "Silva",
    "Yilmaz",
    "Costa",
    "Murphy",
    "Andersen",
    "Park",
    "Horvat",
    "Ali",
    "Bianchi",
    "Cohen",
    "Duarte",
    "Eriksen",
    "Fontaine",
];
const TEAMS: [&str; 8] = [
    "Platform",
    "Payments",
    "Growth",
    "Mobile",
    "Data",
    "Search",
    "Infrastructure",
    "Developer Experience",
];
const IC_TITLES: [(&str, &str); 5] = [
    ("Software Engineer", "L3"),
    ("Software Engineer", "L4"),
    ("Senior Software Engineer", "L5"),
    ("Staff Engineer", "L6"),
    ("Principal Engineer", "L7"),
];
const AGENTS: [&str; 4] = [
    "Code review agent",
    "Triage agent",
    "Test-writing agent",
    "Release notes agent",
];

/// A small, fast, deterministic generator (xorshift); quality is irrelevant here.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A CSV of `people` humans (plus a few agents in small orgs) shaped like an
/// engineering org: one root, spans mostly 4–10, some single-report and some
/// very wide managers, extra columns that become attributes.
pub fn synthetic_org_csv(people: usize, seed: u64) -> String {
    let mut rng = Rng(seed.max(1));
    let mut out = String::with_capacity(people * 110);
    out.push_str("Employee ID,Name,Job Title,Level,Department,Email,Manager ID,Role track,Type,Office,Start date\n");
    // Breadth-first: each created manager gets a span drawn from a realistic mix.
    let mut queue: std::collections::VecDeque<(usize, usize)> = std::collections::VecDeque::new(); // (id, depth)
    let mut created = 0usize;
    let push = |out: &mut String,
                rng: &mut Rng,
                id: usize,
                manager: Option<usize>,
                depth: usize,
                is_manager: bool| {
        let first = FIRST[rng.below(FIRST.len())];
        let last = LAST[rng.below(LAST.len())];
        let team = TEAMS[(id / 40 + rng.below(2)) % TEAMS.len()];
        let (title, level, track) = match (depth, is_manager) {
            (0, _) => ("VP of Engineering", "L9", "manager"),
            (1, true) => ("Director of Engineering", "L8", "manager"),
            (_, true) => (
                "Engineering Manager",
                "L6",
                if rng.below(12) == 0 {
                    "ic_leader"
                } else {
                    "manager"
                },
            ),
            _ => {
                let (t, l) = IC_TITLES[rng.below(IC_TITLES.len())];
                (t, l, if rng.below(25) == 0 { "manager" } else { "ic" })
            }
        };
        let office = ["Berlin", "Lagos", "Lisbon", "Toronto", "Remote"][rng.below(5)];
        let email = format!(
            "{}.{}{}@example.org",
            first.to_lowercase(),
            last.to_lowercase(),
            id
        );
        let manager = manager.map(|m| format!("E{m:06}")).unwrap_or_default();
        out.push_str(&format!(
            "E{id:06},{} {},{},{},{},{},{},{},human,{},20{:02}-{:02}-01\n",
            csv_cell(first),
            csv_cell(last),
            title,
            level,
            csv_cell(team),
            email,
            manager,
            track,
            office,
            10 + rng.below(16),
            1 + rng.below(12)
        ));
    };
    // First the shape (who reports to whom), then the rows: a person planned as a
    // manager who got no reports before the org filled up becomes an IC, so titles
    // match the structure except for the few deliberate role mismatches.
    let mut shape: Vec<(usize, Option<usize>, usize)> = vec![(1, None, 0)]; // (id, manager, depth)
    created += 1;
    queue.push_back((1, 0));
    while let Some((manager, depth)) = queue.pop_front() {
        if created >= people {
            break;
        }
        let span = match rng.below(20) {
            0 => 1,
            1 => 2,
            2 => 16 + rng.below(6),
            _ => 4 + rng.below(7),
        };
        for _ in 0..span {
            if created >= people {
                break;
            }
            // Deeper layers are mostly ICs; upper layers mostly managers.
            let becomes_manager = match depth {
                0 | 1 => true,
                2 => rng.below(3) != 0,
                3 => rng.below(2) == 0,
                4 => rng.below(3) == 0,
                _ => rng.below(6) == 0,
            };
            created += 1;
            shape.push((created, Some(manager), depth + 1));
            if becomes_manager {
                queue.push_back((created, depth + 1));
            }
        }
        if queue.is_empty() && created < people {
            // Every manager is full: let the last person hire too, so the org reaches its size.
            queue.push_back((created, depth + 1));
        }
    }
    let mut has_reports = vec![false; created + 1];
    for &(_, manager, _) in &shape {
        if let Some(m) = manager {
            has_reports[m] = true;
        }
    }
    for &(id, manager, depth) in &shape {
        push(
            &mut out,
            &mut rng,
            id,
            manager,
            depth,
            depth == 0 || has_reports[id],
        );
    }
    if people <= 1000 {
        for (i, agent) in AGENTS.iter().enumerate() {
            let supervisor = 1 + (1 + i * 7) % created;
            out.push_str(&format!(
                "A{:03},{agent},AI agent,,Platform,,E{supervisor:06},,agent,,\n",
                i + 1
            ));
        }
    }
    out
}

/// Fills an empty workspace with the demo org (about 150 people and 4 agents),
/// and self and manager assessments for the top of the org, so every screen has
/// something to show.
pub fn demo_seed(conn: &mut Connection) -> Result<()> {
    let csv = synthetic_org_csv(150, 2024);
    import_apply(conn, csv.as_bytes(), &ImportOptions::default(), &mut |_| {})?;
    let framework = framework_resolve(conn, "ai-native-ic-leader")?;
    let skills: Vec<String> = framework.skills().map(|(_, s)| s.key.clone()).collect();
    let mut stmt =
        conn.prepare("SELECT id FROM person WHERE kind = 'human' ORDER BY id LIMIT 40")?;
    let people: Vec<i64> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    drop(stmt);
    let mut rng = Rng(99);
    for person in people {
        let base: Vec<u8> = skills.iter().map(|_| 1 + rng.below(4) as u8).collect();
        for (role, date, shift) in [
            (AssessorRole::SelfAssessed, "2026-09-15", 1i8),
            (AssessorRole::Manager, "2026-09-22", 0),
        ] {
            let ratings = skills
                .iter()
                .zip(&base)
                .map(|(key, &level)| RatingInput {
                    skill_key: key.clone(),
                    // People tend to rate themselves a little higher than their managers do.
                    level: (level as i8 + if rng.below(3) == 0 { shift } else { 0 }).clamp(1, 5)
                        as u8,
                    interest: Some(rng.below(3) as u8),
                    note: String::new(),
                })
                .collect();
            assessment_create(
                conn,
                &AssessmentInput {
                    person_id: person,
                    framework_id: framework.id,
                    assessor_role: role,
                    assessor_name: String::new(),
                    assessed_on: date.into(),
                    round: "2026-H2".into(),
                    note: String::new(),
                    ratings,
                },
            )?;
        }
    }
    demo_audits(conn)
}

/// Two SDLC audits of the first team, two months apart, so the audit screen has
/// a history that shows what improved.
fn demo_audits(conn: &Connection) -> Result<()> {
    use crate::transition::audit::{audit_create, AuditInput, AuditScope, Stage, StageInput};
    let Some(team) = conn.query_row("SELECT min(id) FROM team", [], |r| {
        r.get::<_, Option<i64>>(0)
    })?
    else {
        return Ok(());
    };
    let agent: Option<i64> =
        conn.query_row("SELECT min(id) FROM person WHERE kind = 'agent'", [], |r| {
            r.get(0)
        })?;
    let lead: Option<i64> = conn.query_row(
        "SELECT min(id) FROM person WHERE kind = 'human' AND team_id = ?1",
        [team],
        |r| r.get(0),
    )?;
    let stage = |stage, slowdown, ai_use, owner, next: &str| StageInput {
        stage,
        slowdown,
        ai_use,
        owner_id: owner,
        next_change: next.into(),
    };
    for (taken_on, review, bugs) in [
        ("2026-09-01", (4, 1), (3, 1)),
        ("2026-11-01", (2, 3), (3, 2)),
    ] {
        audit_create(
            conn,
            &AuditInput {
                scope: AuditScope::Team { id: team },
                taken_on: taken_on.into(),
                note: String::new(),
                stages: vec![
                    stage(
                        Stage::Planning,
                        2,
                        1,
                        lead,
                        "One-page brief before any ticket is written",
                    ),
                    stage(Stage::Strategy, 1, 0, lead, ""),
                    stage(
                        Stage::Prioritization,
                        3,
                        0,
                        lead,
                        "A weekly 20-minute ranking with the product lead",
                    ),
                    stage(
                        Stage::BugFixing,
                        bugs.0,
                        bugs.1,
                        agent,
                        "Let the triage agent reproduce every new bug first",
                    ),
                    stage(Stage::CodeGeneration, 1, 3, agent, ""),
                    stage(
                        Stage::CodeReview,
                        review.0,
                        review.1,
                        agent,
                        "Agent pre-review of every change; people review what it flags",
                    ),
                ],
            },
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Workspace;

    #[test]
    fn the_synthetic_org_has_the_requested_size_and_one_root() {
        let mut ws = Workspace::in_memory().unwrap();
        let csv = synthetic_org_csv(2_000, 7);
        import_apply(
            ws.conn_mut(),
            csv.as_bytes(),
            &ImportOptions::default(),
            &mut |_| {},
        )
        .unwrap();
        let m = ws.metrics(None).unwrap();
        assert_eq!(m.headcount, 2_000);
        assert_eq!(m.per_layer[0], 1, "one root");
        assert!(m.layers >= 4, "a realistic depth, got {}", m.layers);
    }

    #[test]
    fn tiny_synthetic_orgs_import_too() {
        for size in [1, 2, 5] {
            let mut ws = Workspace::in_memory().unwrap();
            let csv = synthetic_org_csv(size, 3);
            import_apply(
                ws.conn_mut(),
                csv.as_bytes(),
                &ImportOptions::default(),
                &mut |_| {},
            )
            .unwrap_or_else(|e| panic!("a {size}-person org should import: {e}"));
            assert_eq!(ws.metrics(None).unwrap().headcount, size as u32);
        }
    }

    #[test]
    fn the_demo_org_has_people_agents_and_flags_to_show() {
        let mut ws = Workspace::in_memory().unwrap();
        demo_seed(ws.conn_mut()).unwrap();
        let m = ws.metrics(None).unwrap();
        assert_eq!((m.headcount, m.agents), (150, 4));
        assert!(m.managers > 5 && m.ic_to_manager_ratio.is_some());
        assert!(
            !m.role_mismatches.is_empty(),
            "the demo should show a role mismatch"
        );
        let audits = crate::transition::audit::audit_list(ws.conn(), None).unwrap();
        assert_eq!(audits.len(), 2, "two audits of one team");
        let later = crate::transition::audit::audit_get(ws.conn(), audits[0].id).unwrap();
        assert_eq!(
            later.previous.map(|p| p.taken_on).as_deref(),
            Some("2026-09-01")
        );
        assert!(later
            .stages
            .iter()
            .any(|s| s.owner_kind == Some(crate::people::PersonKind::Agent)));
    }
}
