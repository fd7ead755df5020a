//! What the planner knows about people beyond the reporting structure: their
//! team, and for those assessed, how ready they look for the IC-leader role.
//! Read in one pass per table, so it stays fast at 100,000 people.

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::org::OrgStructure;
use crate::skills::framework::{framework_resolve, profile_get};

/// The built-in role profile readiness is measured against.
pub const IC_LEADER_PROFILE_KEY: &str = "ic-leader";

/// How ready an assessed manager looks for the IC-leader role.
#[derive(Debug, Clone, PartialEq)]
pub struct Readiness {
    /// Levels short of the profile, summed over its skills that are rated
    /// (`skills::gaps::gap_analysis`: the latest manager rating, else the
    /// latest self rating).
    pub gap: u32,
    /// The mean stated interest over the profile's skills (0 not now, 1 open,
    /// 2 wants to grow; per skill the higher of the latest self and manager
    /// ratings, as `gap_analysis` reads it); `None` when none was stated.
    pub interest: Option<f64>,
}

/// Per node of the structure they were read for (index = node).
#[derive(Debug, Clone, PartialEq)]
pub struct PlannerInputs {
    pub team: Vec<Option<i64>>,
    pub readiness: Vec<Option<Readiness>>,
}

impl PlannerInputs {
    /// Nobody in a team, nobody assessed: the structure alone decides.
    pub fn blank(structure: &OrgStructure) -> Self {
        PlannerInputs {
            team: vec![None; structure.len()],
            readiness: vec![None; structure.len()],
        }
    }

    pub(super) fn check(&self, structure: &OrgStructure) -> Result<()> {
        if self.team.len() != structure.len() || self.readiness.len() != structure.len() {
            return Err(Error::InvalidInput(format!(
                "the planner's inputs describe {} people but the org has {}: read them again for this org",
                self.team.len(),
                structure.len()
            )));
        }
        Ok(())
    }
}

/// Reads everyone's team and the readiness of everyone assessed on the
/// built-in framework, inside one read transaction so both agree. People
/// the structure does not know (it was loaded before they were added) are
/// left out. Without the built-in IC-leader profile nobody has a readiness.
pub fn planner_inputs(conn: &Connection, structure: &OrgStructure) -> Result<PlannerInputs> {
    let tx = crate::db::read(conn)?;
    let mut inputs = PlannerInputs::blank(structure);
    {
        let mut stmt = tx.prepare("SELECT id, team_id FROM person WHERE team_id IS NOT NULL")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            if let Ok(node) = structure.index(row.get(0)?) {
                inputs.team[node as usize] = row.get(1)?;
            }
        }
    }
    readiness_read(&tx, structure, &mut inputs.readiness)?;
    Ok(inputs)
}

/// The gap and interest of every assessed person in one query. This is the
/// rule of `skills::gaps::gap_analysis` (latest self and latest manager
/// assessment of any version of the framework, skills of its latest version,
/// targets by skill key), read for everyone at once because calling it per
/// person costs about twenty queries each; a test holds the two to the same
/// answers.
fn readiness_read(
    conn: &Connection,
    structure: &OrgStructure,
    readiness: &mut [Option<Readiness>],
) -> Result<()> {
    let profile_id: Option<i64> = {
        let mut stmt = conn.prepare(
            "SELECT p.id FROM role_profile p
             WHERE p.key = ?1 AND p.builtin = 1
               AND p.framework_key IN (SELECT key FROM framework WHERE builtin = 1)
             ORDER BY p.id LIMIT 1",
        )?;
        let mut rows = stmt.query([IC_LEADER_PROFILE_KEY])?;
        match rows.next()? {
            Some(row) => Some(row.get(0)?),
            None => None,
        }
    };
    let Some(profile_id) = profile_id else {
        return Ok(());
    };
    let profile = profile_get(conn, profile_id)?;
    let framework = framework_resolve(conn, &profile.framework_key)?;
    // The profile's skills as the latest version has them, each with its target.
    let targets: Vec<(&str, u8)> = framework
        .skills()
        .filter_map(|(_, s)| profile.targets.get(&s.key).map(|&t| (s.key.as_str(), t)))
        .collect();
    let slot = |key: &str| targets.iter().position(|&(k, _)| k == key);

    let mut stmt = conn.prepare(
        "WITH latest AS (
             SELECT a.id, a.person_id, a.assessor_role = 'manager' AS by_manager,
                    row_number() OVER (PARTITION BY a.person_id, a.assessor_role
                                       ORDER BY a.assessed_on DESC, a.id DESC) AS n
             FROM assessment a JOIN framework f ON f.id = a.framework_id
             WHERE f.key = ?1 AND a.assessor_role IN ('self', 'manager')
         )
         SELECT l.person_id, l.by_manager, s.key, r.level, r.interest
         FROM latest l
         JOIN rating r ON r.assessment_id = l.id
         JOIN skill s ON s.id = r.skill_id
         WHERE l.n = 1
         ORDER BY l.person_id",
    )?;
    let mut rows = stmt.query([&profile.framework_key])?;
    // Per profile skill: [self level, manager level, self interest, manager interest].
    let mut cells: Vec<[Option<u8>; 4]> = vec![[None; 4]; targets.len()];
    let mut person: Option<i64> = None;
    let mut finish = |person: i64, cells: &mut Vec<[Option<u8>; 4]>| {
        if let Ok(node) = structure.index(person) {
            readiness[node as usize] = readiness_of(&targets, cells);
        }
        cells.iter_mut().for_each(|c| *c = [None; 4]);
    };
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        if person.is_some_and(|p| p != id) {
            finish(person.expect("checked"), &mut cells);
        }
        person = Some(id);
        let key: String = row.get(2)?;
        if let Some(i) = slot(&key) {
            let by_manager = usize::from(row.get::<_, bool>(1)?);
            cells[i][by_manager] = Some(row.get(3)?);
            cells[i][2 + by_manager] = row.get(4)?;
        }
    }
    if let Some(p) = person {
        finish(p, &mut cells);
    }
    Ok(())
}

fn readiness_of(targets: &[(&str, u8)], cells: &[[Option<u8>; 4]]) -> Option<Readiness> {
    let mut gap = 0u32;
    let mut rated = 0u32;
    let (mut interest_sum, mut interest_count) = (0u32, 0u32);
    for (&(_, target), &[own, managers, own_interest, managers_interest]) in
        targets.iter().zip(cells)
    {
        if let Some(current) = managers.or(own) {
            rated += 1;
            gap += u32::from(target.saturating_sub(current));
        }
        if let Some(interest) = own_interest.max(managers_interest) {
            interest_sum += u32::from(interest);
            interest_count += 1;
        }
    }
    (rated > 0).then(|| Readiness {
        gap,
        interest: (interest_count > 0).then(|| interest_sum as f64 / interest_count as f64),
    })
}
