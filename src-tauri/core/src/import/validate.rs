//! Planning an import: every row of the file interpreted and checked against
//! the workspace before anything is written. The result, an `ImportPlan`, lists
//! every problem, or holds the rows to write with managers first.

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::Connection;

use super::mapping::{email_column_check, mapping_guess, mapping_problems, Columns};
use super::read::{Table, TableRow};
use super::structure::reporting_lines_check;
use super::{problem, Existing, Field, FilePerson, ImportOptions, Problem};
use crate::error::Result;
use crate::people::{PersonKind, RoleTrack};

/// A validated import: rows in an order where every manager precedes their reports.
pub struct ImportPlan {
    pub(super) rows: Vec<FilePerson>,
    pub(super) existing: HashMap<String, Existing>,
    pub(super) removes: Vec<i64>,
    /// The mapping as applied: a column can end up kept as an attribute.
    pub mapping: Vec<Option<Field>>,
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
    pub adds: u32,
    pub updates: u32,
    pub unchanged: u32,
    pub kept_missing: u32,
}

fn existing_people(conn: &Connection) -> Result<HashMap<String, Existing>> {
    let mut stmt = conn.prepare(
        "SELECT p.id, p.ext_id, p.name, p.title, p.kind, p.role_track, p.level, t.name, p.email,
                m.ext_id, p.attributes
         FROM person p LEFT JOIN team t ON t.id = p.team_id LEFT JOIN person m ON m.id = p.manager_id",
    )?;
    let mut rows = stmt.query([])?;
    let mut existing = HashMap::new();
    while let Some(r) = rows.next()? {
        let attributes: String = r.get(10)?;
        existing.insert(
            r.get::<_, String>(1)?,
            Existing {
                id: r.get(0)?,
                name: r.get(2)?,
                title: r.get(3)?,
                kind: r.get(4)?,
                role_track: r.get(5)?,
                level: r.get(6)?,
                team: r.get(7)?,
                email: r.get(8)?,
                manager_ext: r.get(9)?,
                attributes: crate::people::stored_json(10, &attributes)?,
            },
        );
    }
    Ok(existing)
}

impl ImportPlan {
    /// A plan for a file whose mapping is unusable: no row can be read with it,
    /// so it holds only the mapping's problems.
    fn unread(
        existing: HashMap<String, Existing>,
        mapping: Vec<Option<Field>>,
        problems: Vec<Problem>,
    ) -> ImportPlan {
        ImportPlan {
            rows: vec![],
            existing,
            removes: vec![],
            mapping,
            problems,
            warnings: vec![],
            adds: 0,
            updates: 0,
            unchanged: 0,
            kept_missing: 0,
        }
    }
}

/// Interprets and checks every row of the file against the workspace, writing
/// nothing. Every problem found is listed; only a plan without problems has
/// rows to write.
pub fn import_plan(
    conn: &Connection,
    table: &Table,
    options: &ImportOptions,
) -> Result<ImportPlan> {
    let mapping = options
        .mapping
        .clone()
        .unwrap_or_else(|| mapping_guess(&table.headers));
    let mut problems = mapping_problems(&table.headers, &mapping);
    let existing = existing_people(conn)?;
    if !problems.is_empty() {
        return Ok(ImportPlan::unread(existing, mapping, problems));
    }
    let mut warnings = Vec::new();
    let mut mapping = mapping;
    email_column_check(table, &mut mapping, &mut warnings);
    let columns = Columns::of(&mapping);

    // 1. Each row on its own.
    let (mut rows, manager_emails) = rows_read(table, &columns, &mut problems);
    // 2. Ids are unique within the file.
    let duplicate_found = duplicate_ids(&rows, &mut problems);
    // 3. Managers named by email resolve to ids (of the file, or of people kept).
    if columns.manager_email.is_some() {
        let by_email = ids_by_email(&rows, &existing, options.remove_missing);
        manager_emails_resolve(&mut rows, &manager_emails, &by_email, &mut problems);
    }
    // 4. Managers exist, humans report to humans, and there are no cycles.
    let in_file: HashSet<&str> = rows.iter().map(|r| r.ext_id.as_str()).collect();
    let (kept, removes) = people_missing(&existing, &in_file, options.remove_missing);
    let order = reporting_lines_check(
        &rows,
        &kept,
        &existing,
        options.remove_missing,
        &mut problems,
    );

    problems.extend(removal_problems(conn, &removes)?);
    problems.sort_by_key(|p| p.line.unwrap_or(0));
    let kept_missing = kept.len() as u32;
    // Only the file's rows are written, managers first.
    let rows = if problems.is_empty() && !duplicate_found {
        managers_first(rows, order)
    } else {
        Vec::new()
    };
    let (adds, updates, unchanged) = change_counts(&rows, &existing);
    Ok(ImportPlan {
        rows,
        existing,
        removes,
        mapping,
        problems,
        warnings,
        adds,
        updates,
        unchanged,
        kept_missing,
    })
}

/// Each row read on its own into a person and the manager email it names; a
/// row with a problem is left out, its problem listed.
fn rows_read(
    table: &Table,
    columns: &Columns,
    problems: &mut Vec<Problem>,
) -> (Vec<FilePerson>, Vec<Option<String>>) {
    let mut rows: Vec<FilePerson> = Vec::with_capacity(table.rows.len());
    let mut manager_emails: Vec<Option<String>> = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        match row_read(table, row, columns) {
            Ok((person, manager_email)) => {
                rows.push(person);
                manager_emails.push(manager_email);
            }
            Err(row_problem) => problems.push(row_problem),
        }
    }
    (rows, manager_emails)
}

/// One row as a person, with the (lower-case) email of their manager when a
/// column names managers that way; or the first problem of the row.
fn row_read(
    table: &Table,
    row: &TableRow,
    columns: &Columns,
) -> std::result::Result<(FilePerson, Option<String>), Problem> {
    let line = Some(row.line);
    if row.fields.len() != table.headers.len() {
        return Err(problem(
            line,
            format!(
                "this row has {} fields but the header has {} columns",
                row.fields.len(),
                table.headers.len()
            ),
            vec![],
        ));
    }
    let get = |c: Option<usize>| c.map(|c| row.fields[c].trim()).unwrap_or("");
    let name = display_name(
        get(columns.name),
        get(columns.first_name),
        get(columns.last_name),
    );
    let (ext_id, name) = row_identity(line, get(columns.id), name)?;
    let kind = row_kind(line, get(columns.kind), &name)?;
    let role_track = row_role_track(line, get(columns.role_track), &name)?;
    let manager_email = Some(get(columns.manager_email).to_lowercase()).filter(|m| !m.is_empty());
    let person = FilePerson {
        line: row.line,
        ext_id,
        name,
        title: get(columns.title).to_string(),
        kind,
        role_track,
        level: get(columns.level).to_string(),
        team: Some(get(columns.team).to_string()).filter(|t| !t.is_empty()),
        email: get(columns.email).to_string(),
        manager_ext: Some(get(columns.manager_id).to_string()).filter(|m| !m.is_empty()),
        attributes: columns
            .attributes
            .iter()
            .map(|&c| (table.headers[c].clone(), row.fields[c].clone()))
            .collect(),
    };
    Ok((person, manager_email))
}

/// The row's id and name, both of which a person needs.
fn row_identity(
    line: Option<u32>,
    ext_id: &str,
    name: String,
) -> std::result::Result<(String, String), Problem> {
    if ext_id.is_empty() {
        return Err(problem(
            line,
            "the id is empty".into(),
            vec![name].into_iter().filter(|n| !n.is_empty()).collect(),
        ));
    }
    if ext_id.contains('\u{FFFD}') {
        // U+FFFD is what a decoder writes for bytes it could not read: as an
        // id it would never match the same person in the next export.
        return Err(problem(
            line,
            format!("the id \"{ext_id}\" holds U+FFFD (\u{FFFD}), a character that stands for unreadable bytes; fix the id in the file"),
            vec![name],
        ));
    }
    if name.is_empty() {
        return Err(problem(
            line,
            format!("the person with id {ext_id} has no name"),
            vec![ext_id.to_string()],
        ));
    }
    Ok((ext_id.to_string(), name))
}

/// Human when the column is empty or missing.
fn row_kind(line: Option<u32>, text: &str, name: &str) -> std::result::Result<PersonKind, Problem> {
    PersonKind::parse(text).ok_or_else(|| {
        problem(
            line,
            format!("\"{text}\" is not a kind: use human or agent"),
            vec![name.to_string()],
        )
    })
}

/// No role track when the column is empty or missing.
fn row_role_track(
    line: Option<u32>,
    text: &str,
    name: &str,
) -> std::result::Result<Option<RoleTrack>, Problem> {
    if text.is_empty() {
        return Ok(None);
    }
    RoleTrack::parse(text).map(Some).ok_or_else(|| {
        problem(
            line,
            format!("\"{text}\" is not a role track: use ic, manager or ic_leader"),
            vec![name.to_string()],
        )
    })
}

/// One display name from a full-name column and first and last names: an
/// export with `name` + `lastName` holds first names in `name`.
fn display_name(name: &str, first: &str, last: &str) -> String {
    let given = if name.is_empty() { first } else { name };
    let already_there = !last.is_empty()
        && given
            .split_whitespace()
            .any(|word| word.eq_ignore_ascii_case(last));
    if last.is_empty() || already_there {
        return given.to_string();
    }
    format!("{given} {last}").trim().to_string()
}

/// Lists each id used again after its first row; true when there was one.
fn duplicate_ids(rows: &[FilePerson], problems: &mut Vec<Problem>) -> bool {
    let mut line_of: HashMap<&str, usize> = HashMap::with_capacity(rows.len());
    let mut duplicates = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if let Some(&first) = line_of.get(row.ext_id.as_str()) {
            duplicates.push(problem(
                Some(row.line),
                format!(
                    "id {} is used again (first on line {})",
                    row.ext_id, rows[first].line
                ),
                vec![rows[first].name.clone(), row.name.clone()],
            ));
        } else {
            line_of.insert(row.ext_id.as_str(), i);
        }
    }
    let duplicate_found = !duplicates.is_empty();
    problems.extend(duplicates);
    duplicate_found
}

/// The id of each email address (lower case): of the people kept in the
/// workspace, then of the file's rows, which win.
fn ids_by_email(
    rows: &[FilePerson],
    existing: &HashMap<String, Existing>,
    remove_missing: bool,
) -> HashMap<String, String> {
    let mut by_email: HashMap<String, String> = HashMap::new();
    for (ext, person) in existing {
        if !person.email.is_empty() && !remove_missing {
            by_email.insert(person.email.to_lowercase(), ext.clone());
        }
    }
    for row in rows {
        if !row.email.is_empty() {
            by_email.insert(row.email.to_lowercase(), row.ext_id.clone());
        }
    }
    by_email
}

/// Gives each row without a manager id the id its manager email belongs to; a
/// manager id in the file wins over an email.
fn manager_emails_resolve(
    rows: &mut [FilePerson],
    manager_emails: &[Option<String>],
    by_email: &HashMap<String, String>,
    problems: &mut Vec<Problem>,
) {
    for (row, email) in rows.iter_mut().zip(manager_emails) {
        if row.manager_ext.is_some() {
            continue;
        }
        if let Some(email) = email {
            match by_email.get(email) {
                Some(ext) => row.manager_ext = Some(ext.clone()),
                None => problems.push(problem(
                    Some(row.line),
                    format!("manager email {email} belongs to nobody in the file"),
                    vec![row.name.clone()],
                )),
            }
        }
    }
}

/// The people of the workspace the file leaves out: kept as they are, or the
/// ids to remove when removal was asked. One of the two is always empty.
fn people_missing<'a>(
    existing: &'a HashMap<String, Existing>,
    in_file: &HashSet<&str>,
    remove_missing: bool,
) -> (Vec<(&'a String, &'a Existing)>, Vec<i64>) {
    let missing = existing
        .iter()
        .filter(|(ext, _)| !in_file.contains(ext.as_str()));
    if remove_missing {
        (vec![], missing.map(|(_, e)| e.id).collect())
    } else {
        (missing.collect(), vec![])
    }
}

/// The rows in the order found by `reporting_lines_check`, managers first.
fn managers_first(rows: Vec<FilePerson>, order: Vec<usize>) -> Vec<FilePerson> {
    let mut ordered = Vec::with_capacity(rows.len());
    let mut slots: Vec<Option<FilePerson>> = rows.into_iter().map(Some).collect();
    for n in order {
        // The order also holds the people kept without being in the file;
        // they have no slot, as only the file's rows are written.
        if let Some(row) = slots.get_mut(n).and_then(Option::take) {
            ordered.push(row);
        }
    }
    ordered
}

/// How many rows add a person, update one, or leave one as it is.
fn change_counts(rows: &[FilePerson], existing: &HashMap<String, Existing>) -> (u32, u32, u32) {
    let (mut adds, mut updates, mut unchanged) = (0, 0, 0);
    for row in rows {
        match existing.get(&row.ext_id) {
            None => adds += 1,
            Some(before) if is_unchanged(row, before) => unchanged += 1,
            Some(_) => updates += 1,
        }
    }
    (adds, updates, unchanged)
}

/// People an import would remove although the workspace holds their own work
/// (assessments, plans, audits, audit stages they own): removing them in an
/// import could not be undone, so the import is refused and says who.
fn removal_problems(conn: &Connection, removes: &[i64]) -> Result<Vec<Problem>> {
    if removes.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare(
        "SELECT p.name, p.ext_id,
                (SELECT count(*) FROM assessment a WHERE a.person_id = p.id),
                (SELECT count(*) FROM transition_plan t WHERE t.person_id = p.id),
                (SELECT count(*) FROM sdlc_audit s WHERE s.person_id = p.id),
                (SELECT count(*) FROM sdlc_audit_stage s WHERE s.owner_id = p.id)
         FROM person p WHERE p.id IN (SELECT value FROM json_each(?1))
         ORDER BY p.name COLLATE NOCASE",
    )?;
    let ids = serde_json::to_string(removes).expect("ids serialize");
    let mut rows = stmt.query([ids])?;
    let mut problems = Vec::new();
    let mut more = 0;
    while let Some(r) = rows.next()? {
        let (name, ext): (String, String) = (r.get(0)?, r.get(1)?);
        let counts: [u32; 4] = [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?];
        let held: Vec<String> = counts
            .iter()
            .zip([
                "assessment(s)",
                "transition plan(s)",
                "SDLC audit(s)",
                "audit stage(s) they own",
            ])
            .filter(|(n, _)| **n > 0)
            .map(|(n, what)| format!("{n} {what}"))
            .collect();
        if held.is_empty() {
            continue;
        }
        if problems.len() >= 50 {
            more += 1;
            continue;
        }
        problems.push(problem(
            None,
            format!(
                "{name} (id {ext}) is not in the file and would be removed, but has {}: an import cannot remove them without losing that. Delete them on the People screen (it can be undone), or import without removing people",
                held.join(", ")
            ),
            vec![name],
        ));
    }
    if more > 0 {
        problems.push(problem(
            None,
            format!("{more} more people not in the file have work of their own in the workspace"),
            vec![],
        ));
    }
    Ok(problems)
}

/// The attributes a row leaves a person with: those they had, changed by the
/// file's columns, where an empty value removes one.
pub(super) fn merged_attributes(
    row: &FilePerson,
    before: Option<&BTreeMap<String, String>>,
) -> BTreeMap<String, String> {
    let mut attributes = before.cloned().unwrap_or_default();
    for (key, value) in &row.attributes {
        if value.trim().is_empty() {
            attributes.remove(key);
        } else {
            attributes.insert(key.clone(), value.clone());
        }
    }
    attributes
}

/// Whether writing the row would change nothing of the person.
pub(super) fn is_unchanged(row: &FilePerson, before: &Existing) -> bool {
    row.name == before.name
        && row.title == before.title
        && row.kind == before.kind
        && row.role_track == before.role_track
        && row.level == before.level
        && row.team.as_deref().map(str::to_lowercase)
            == before.team.as_deref().map(str::to_lowercase)
        && row.email == before.email
        && row.manager_ext == before.manager_ext
        && merged_attributes(row, Some(&before.attributes)) == before.attributes
}
