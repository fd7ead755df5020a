//! CSV import of HRIS-style flat exports, one row per person.
//!
//! The whole file is read and validated before anything is written; the write is
//! one transaction, so an import either lands completely or changes nothing.
//! Re-importing merges by id: new ids are added, known ids updated, and people
//! missing from the file are removed only when asked.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::people::{PersonKind, RoleTrack};

/// What a column of the file means. A column without a field is kept as a
/// custom attribute of each person, so nothing in the file is dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Field {
    Id,
    ManagerId,
    ManagerEmail,
    Name,
    FirstName,
    LastName,
    Title,
    Team,
    Email,
    Kind,
    RoleTrack,
    Level,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportOptions {
    /// The field of each column, by column position; `null` asks for the
    /// automatic mapping from the header names.
    pub mapping: Option<Vec<Option<Field>>>,
    /// Remove people of the workspace whose id is not in the file.
    #[serde(default)]
    pub remove_missing: bool,
    /// Yes to a removal of more than half of the org (see
    /// `ImportPreview::removal_needs_confirmation`).
    #[serde(default)]
    pub confirm_removal: bool,
}

// `Problem` lives with the error that carries it; re-exported here, where
// files are read and their problems found.
pub use crate::error::{problems_summary, Problem};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ColumnPreview {
    pub index: u32,
    pub header: String,
    pub field: Option<Field>,
    /// The first few non-empty values, to help the user check the mapping.
    pub samples: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    pub file_name: String,
    /// "UTF-8", "UTF-16LE", "UTF-16BE" or "windows-1252".
    pub encoding: String,
    /// "," ";" or "\t".
    pub delimiter: String,
    pub rows: u32,
    pub columns: Vec<ColumnPreview>,
    pub problems: Vec<Problem>,
    /// What was kept but is worth knowing (a column read differently than mapped).
    pub warnings: Vec<Problem>,
    pub adds: u32,
    pub updates: u32,
    pub unchanged: u32,
    pub removes: u32,
    /// People of the workspace not in the file, kept because removal was not asked.
    pub kept_missing: u32,
    /// People in the workspace before the import.
    pub people_before: u32,
    /// The removal takes more than half of the org: applying needs
    /// `confirm_removal`.
    pub removal_needs_confirmation: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportPhase {
    Reading,
    Validating,
    Writing,
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportProgress {
    pub phase: ImportPhase,
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportSummary {
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub removed: u32,
    pub teams_created: u32,
}

// ---------------------------------------------------------------------------
// Reading: bytes → decoded text → rows of fields.
// ---------------------------------------------------------------------------

/// A file decoded and split into fields, not yet interpreted.
#[derive(Debug, Clone)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<TableRow>,
    pub encoding: &'static str,
    pub delimiter: u8,
}

#[derive(Debug, Clone)]
pub struct TableRow {
    /// Line of the file where the row starts (the header is line 1).
    pub line: u32,
    pub fields: Vec<String>,
}

/// The largest value a cell may hold. Names, titles and notes are far
/// shorter; a bigger cell is a broken file, and would cost memory many times its
/// size on the way in.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

/// HRIS exports come as UTF-8 (with or without BOM), UTF-16 from Excel's
/// "Unicode text", or Windows-1252 from older tools. Windows-1252 maps every
/// byte, so it is chosen only for a file that is not UTF-8 at all: one that is
/// UTF-8 except for a few bytes is refused with their lines, rather than having
/// every accented name rewritten ("García" → "GarcÃ­a").
fn decode(bytes: &[u8]) -> Result<(String, &'static str)> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return match std::str::from_utf8(rest) {
            Ok(text) => Ok((text.to_owned(), "UTF-8")),
            Err(_) => Err(not_utf8(rest, "it starts with a UTF-8 byte-order mark")),
        };
    }
    for (bom, encoding, name) in [
        (&[0xFF, 0xFE], encoding_rs::UTF_16LE, "UTF-16LE"),
        (&[0xFE, 0xFF], encoding_rs::UTF_16BE, "UTF-16BE"),
    ] {
        if bytes.starts_with(bom) {
            let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
            if had_errors {
                return Err(Error::ImportInvalid(replacement_lines(&text, name)));
            }
            return Ok((text.into_owned(), name));
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_owned(), "UTF-8")),
        Err(_) if utf8_sequences(bytes) > 0 => {
            Err(not_utf8(bytes, "the rest of the file is UTF-8"))
        }
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok((text.into_owned(), "windows-1252"))
        }
    }
}

/// How many well-formed multi-byte UTF-8 characters `bytes` holds: any at all
/// means the file was written as UTF-8 (Windows-1252 text almost never forms one).
fn utf8_sequences(bytes: &[u8]) -> usize {
    let mut count = 0;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => return count + text.chars().filter(|c| !c.is_ascii()).count(),
            Err(e) => {
                let valid = std::str::from_utf8(&rest[..e.valid_up_to()]).expect("valid prefix");
                count += valid.chars().filter(|c| !c.is_ascii()).count();
                match e.error_len() {
                    Some(len) => rest = &rest[e.valid_up_to() + len..],
                    None => return count,
                }
            }
        }
    }
}

/// The lines (1-based) holding bytes that are not UTF-8, as problems.
fn not_utf8(bytes: &[u8], why: &str) -> Error {
    let mut lines: Vec<(u32, u8)> = Vec::new();
    let mut offset = 0;
    loop {
        match std::str::from_utf8(&bytes[offset..]) {
            Ok(_) => break,
            Err(e) => {
                let at = offset + e.valid_up_to();
                let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count() as u32;
                if lines.last().map(|(l, _)| *l) != Some(line) {
                    lines.push((line, bytes[at]));
                }
                match e.error_len() {
                    Some(len) => offset = at + len,
                    None => break,
                }
            }
        }
    }
    let shown = 20;
    let mut problems: Vec<Problem> = lines
        .iter()
        .take(shown)
        .map(|&(line, byte)| Problem {
            line: Some(line),
            message: format!(
                "byte 0x{byte:02X} on this line is not UTF-8, but {why}: save the file as UTF-8 (or as Windows-1252 throughout) and import it again"
            ),
            people: vec![],
        })
        .collect();
    if lines.len() > shown {
        problems.push(Problem {
            line: None,
            message: format!(
                "{} more lines have bytes that are not UTF-8",
                lines.len() - shown
            ),
            people: vec![],
        });
    }
    Error::ImportInvalid(problems)
}

/// Lines where a UTF-16 decoder had to put U+FFFD for bytes it could not read.
fn replacement_lines(text: &str, encoding: &str) -> Vec<Problem> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| line.contains('\u{FFFD}'))
        .take(20)
        .map(|(i, _)| Problem {
            line: Some(i as u32 + 1),
            message: format!(
                "this line has bytes that are not {encoding}, although the file says it is: save it again and import it"
            ),
            people: vec![],
        })
        .collect()
}

/// The delimiter that occurs most often in the header line outside quotes.
fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                for (delimiter, count) in counts.iter_mut() {
                    if *delimiter == byte {
                        *count += 1;
                    }
                }
            }
            _ => {}
        }
    }
    // Ties (including none at all: a one-column file) go to the comma.
    counts
        .iter()
        .max_by_key(|(d, c)| (*c, *d == b','))
        .map(|(d, _)| *d)
        .unwrap_or(b',')
}

// The guard belongs to the export that writes it; it stays reachable here,
// where callers have always found it.
pub use crate::export::FORMULA_STARTS;

/// Strips the apostrophe Leadline's export put in front of a formula-like cell.
/// Applied only to Leadline's own exports: in any other file a leading
/// apostrophe is the user's data.
fn unguard(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => value,
    }
}

/// Whether the header is the one Leadline's CSV export writes.
fn is_leadline_export(headers: &[String]) -> bool {
    headers.len() >= crate::export::CSV_COLUMNS.len()
        && headers
            .iter()
            .zip(crate::export::CSV_COLUMNS)
            .all(|(h, c)| h == c)
}

pub fn table_read(bytes: &[u8]) -> Result<Table> {
    let (text, encoding) = decode(bytes)?;
    let delimiter = detect_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let headers: Vec<String> = match records.next() {
        Some(header) => header
            .map_err(|e| Error::InvalidInput(format!("the header line cannot be read: {e}")))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect(),
        None => {
            return Err(Error::InvalidInput(
                "the file is empty: it has no header line".into(),
            ))
        }
    };
    if headers.iter().all(|h| h.is_empty()) {
        return Err(Error::InvalidInput(
            "the first line of the file is empty; it should name the columns".into(),
        ));
    }
    let leadline_export = is_leadline_export(&headers);
    let mut rows = Vec::new();
    let mut oversized = Vec::new();
    for record in records {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            Error::InvalidInput(format!("line {line} cannot be read: {e}"))
        })?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = record.position().map(|p| p.line() as u32).unwrap_or(0);
        if let Some((column, field)) = record
            .iter()
            .enumerate()
            .find(|(_, f)| f.len() > MAX_FIELD_BYTES)
        {
            let header = headers.get(column).map(String::as_str).unwrap_or("");
            oversized.push(problem(
                Some(line),
                format!(
                    "the value in column \"{header}\" is {} bytes long; a cell may hold at most {} bytes",
                    field.len(),
                    MAX_FIELD_BYTES
                ),
                vec![],
            ));
            continue;
        }
        let fields = record
            .iter()
            .map(|f| if leadline_export { unguard(f) } else { f }.to_string())
            .collect();
        rows.push(TableRow { line, fields });
    }
    if !oversized.is_empty() {
        return Err(Error::ImportInvalid(oversized));
    }
    Ok(Table {
        headers,
        rows,
        encoding,
        delimiter,
    })
}

// ---------------------------------------------------------------------------
// Mapping columns to fields.
// ---------------------------------------------------------------------------

impl Field {
    pub const ALL: [Field; 12] = [
        Field::Id,
        Field::ManagerId,
        Field::ManagerEmail,
        Field::Name,
        Field::FirstName,
        Field::LastName,
        Field::Title,
        Field::Team,
        Field::Email,
        Field::Kind,
        Field::RoleTrack,
        Field::Level,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::ManagerId => "manager_id",
            Field::ManagerEmail => "manager_email",
            Field::Name => "name",
            Field::FirstName => "first_name",
            Field::LastName => "last_name",
            Field::Title => "title",
            Field::Team => "team",
            Field::Email => "email",
            Field::Kind => "kind",
            Field::RoleTrack => "role_track",
            Field::Level => "level",
        }
    }

    pub fn parse(text: &str) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|f| f.as_str() == text.trim().to_ascii_lowercase())
    }
}

/// The field a header names, from the names HRIS exports commonly use.
pub fn field_for_header(header: &str) -> Option<Field> {
    let key: String = header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    Some(match key.as_str() {
        "id" | "employeeid" | "employeenumber" | "employeeno" | "personid" | "workerid"
        | "empid" | "staffid" | "userid" => Field::Id,
        "parentid" | "managerid" | "reportsto" | "reportstoid" | "supervisorid" | "parent"
        | "manageremployeeid" | "reportingto" | "linemanagerid" => Field::ManagerId,
        "manageremail" | "reportstoemail" | "supervisoremail" | "managermail" => {
            Field::ManagerEmail
        }
        "name" | "fullname" | "employeename" | "displayname" | "personname" => Field::Name,
        "firstname" | "givenname" | "forename" => Field::FirstName,
        "lastname" | "surname" | "familyname" => Field::LastName,
        "title" | "position" | "jobtitle" | "positionname" | "role" | "jobrole" => Field::Title,
        "team" | "department" | "dept" | "teamname" | "departmentname" => Field::Team,
        "email" | "emailaddress" | "mail" | "workemail" => Field::Email,
        "kind" | "type" | "persontype" => Field::Kind,
        "roletrack" | "track" | "careertrack" => Field::RoleTrack,
        "level" | "grade" | "joblevel" | "band" => Field::Level,
        _ => return None,
    })
}

/// The automatic mapping: each field goes to the first column whose header
/// names it. A "name" column beside a last-name column and no first-name column
/// holds first names (`name` + `lastName`), so it becomes the first name and
/// both make the display name.
pub fn mapping_guess(headers: &[String]) -> Vec<Option<Field>> {
    let mut taken = std::collections::HashSet::new();
    let mut mapping: Vec<Option<Field>> = headers
        .iter()
        .map(|h| field_for_header(h).filter(|f| taken.insert(*f)))
        .collect();
    if taken.contains(&Field::LastName) && !taken.contains(&Field::FirstName) {
        for field in mapping.iter_mut() {
            if *field == Some(Field::Name) {
                *field = Some(Field::FirstName);
            }
        }
    }
    mapping
}

// ---------------------------------------------------------------------------
// Planning: interpret and validate every row before anything is written.
// ---------------------------------------------------------------------------

/// A person as the file describes them, cleaned.
#[derive(Debug, Clone, PartialEq)]
struct FilePerson {
    line: u32,
    ext_id: String,
    name: String,
    title: String,
    kind: PersonKind,
    role_track: Option<RoleTrack>,
    level: String,
    team: Option<String>,
    email: String,
    manager_ext: Option<String>,
    /// Unmapped columns; an empty value removes the attribute on re-import.
    attributes: Vec<(String, String)>,
}

/// A person already in the workspace, as far as the import compares them.
#[derive(Debug, Clone)]
struct Existing {
    id: i64,
    name: String,
    title: String,
    kind: PersonKind,
    role_track: Option<RoleTrack>,
    level: String,
    team: Option<String>,
    email: String,
    manager_ext: Option<String>,
    attributes: BTreeMap<String, String>,
}

/// A validated import: rows in an order where every manager precedes their reports.
pub struct ImportPlan {
    rows: Vec<FilePerson>,
    existing: HashMap<String, Existing>,
    removes: Vec<i64>,
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

fn problem(line: Option<u32>, message: String, people: Vec<String>) -> Problem {
    Problem {
        line,
        message,
        people,
    }
}

/// Checks that the mapping names what an import needs, once per field.
fn mapping_problems(headers: &[String], mapping: &[Option<Field>]) -> Vec<Problem> {
    let mut problems = Vec::new();
    if mapping.len() != headers.len() {
        problems.push(problem(
            None,
            format!(
                "the mapping has {} entries but the file has {} columns",
                mapping.len(),
                headers.len()
            ),
            vec![],
        ));
        return problems;
    }
    for field in Field::ALL {
        let columns: Vec<&str> = headers
            .iter()
            .zip(mapping)
            .filter(|(_, f)| **f == Some(field))
            .map(|(h, _)| h.as_str())
            .collect();
        if columns.len() > 1 {
            problems.push(problem(
                None,
                format!(
                    "columns \"{}\" are all mapped to {}; map only one",
                    columns.join("\", \""),
                    field.as_str()
                ),
                vec![],
            ));
        }
    }
    let has = |f| mapping.contains(&Some(f));
    if !has(Field::Id) {
        problems.push(problem(
            None,
            "no column is mapped to id: map the column holding each person's employee id".into(),
            vec![],
        ));
    }
    if !has(Field::Name) && !has(Field::FirstName) && !has(Field::LastName) {
        problems.push(problem(
            None,
            "no column is mapped to name (or first name and last name)".into(),
            vec![],
        ));
    }
    problems
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

fn is_email(text: &str) -> bool {
    text.contains('@') && !text.contains(char::is_whitespace)
}

/// A column mapped to email whose values are not addresses (an HR schema that
/// keeps user names there, "SKING") plays no part in the structure: it is kept
/// as an attribute under its header, with a warning, instead of refusing the file.
fn email_column_check(table: &Table, mapping: &mut [Option<Field>], warnings: &mut Vec<Problem>) {
    let Some(column) = mapping.iter().position(|f| *f == Some(Field::Email)) else {
        return;
    };
    let values = table
        .rows
        .iter()
        .filter_map(|r| Some((r.line, r.fields.get(column)?.trim())))
        .filter(|(_, v)| !v.is_empty());
    let (mut filled, mut odd) = (0, Vec::new());
    for (line, value) in values {
        filled += 1;
        if !is_email(value) {
            odd.push((line, value));
        }
    }
    if odd.is_empty() {
        return;
    }
    mapping[column] = None;
    let examples: Vec<String> = odd
        .iter()
        .take(3)
        .map(|(line, value)| format!("\"{value}\" on line {line}"))
        .collect();
    warnings.push(problem(
        Some(odd[0].0),
        format!(
            "column \"{}\" holds values that are not email addresses ({} of {}, e.g. {}): it is kept as the attribute \"{}\", and nobody gets an email from it",
            table.headers[column],
            odd.len(),
            filled,
            examples.join(", "),
            table.headers[column]
        ),
        vec![],
    ));
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
        return Ok(ImportPlan {
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
        });
    }
    let mut warnings = Vec::new();
    let mut mapping = mapping;
    email_column_check(table, &mut mapping, &mut warnings);
    let column = |field| mapping.iter().position(|f| *f == Some(field));
    let (c_id, c_manager, c_manager_email) = (
        column(Field::Id),
        column(Field::ManagerId),
        column(Field::ManagerEmail),
    );
    let (c_name, c_first, c_last) = (
        column(Field::Name),
        column(Field::FirstName),
        column(Field::LastName),
    );
    let (c_title, c_team, c_email) = (
        column(Field::Title),
        column(Field::Team),
        column(Field::Email),
    );
    let (c_kind, c_role, c_level) = (
        column(Field::Kind),
        column(Field::RoleTrack),
        column(Field::Level),
    );
    let attribute_columns: Vec<usize> = (0..mapping.len())
        .filter(|&i| mapping[i].is_none())
        .collect();

    // 1. Each row on its own.
    let mut rows: Vec<FilePerson> = Vec::with_capacity(table.rows.len());
    let mut manager_emails: Vec<Option<String>> = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let line = Some(row.line);
        if row.fields.len() != table.headers.len() {
            problems.push(problem(
                line,
                format!(
                    "this row has {} fields but the header has {} columns",
                    row.fields.len(),
                    table.headers.len()
                ),
                vec![],
            ));
            continue;
        }
        let get = |c: Option<usize>| c.map(|c| row.fields[c].trim()).unwrap_or("");
        let ext_id = get(c_id).to_string();
        let name = display_name(get(c_name), get(c_first), get(c_last));
        if ext_id.is_empty() {
            problems.push(problem(
                line,
                "the id is empty".into(),
                vec![name.clone()]
                    .into_iter()
                    .filter(|n| !n.is_empty())
                    .collect(),
            ));
            continue;
        }
        if ext_id.contains('\u{FFFD}') {
            // U+FFFD is what a decoder writes for bytes it could not read: as an
            // id it would never match the same person in the next export.
            problems.push(problem(
                line,
                format!("the id \"{ext_id}\" holds U+FFFD (\u{FFFD}), a character that stands for unreadable bytes; fix the id in the file"),
                vec![name.clone()],
            ));
            continue;
        }
        if name.is_empty() {
            problems.push(problem(
                line,
                format!("the person with id {ext_id} has no name"),
                vec![ext_id.clone()],
            ));
            continue;
        }
        let kind = match PersonKind::parse(get(c_kind)) {
            Some(kind) => kind,
            None => {
                problems.push(problem(
                    line,
                    format!("\"{}\" is not a kind: use human or agent", get(c_kind)),
                    vec![name],
                ));
                continue;
            }
        };
        let role_track = match get(c_role) {
            "" => None,
            text => match RoleTrack::parse(text) {
                Some(role) => Some(role),
                None => {
                    problems.push(problem(
                        line,
                        format!("\"{text}\" is not a role track: use ic, manager or ic_leader"),
                        vec![name],
                    ));
                    continue;
                }
            },
        };
        let email = get(c_email).to_string();
        let manager_ext = Some(get(c_manager).to_string()).filter(|m| !m.is_empty());
        manager_emails.push(Some(get(c_manager_email).to_lowercase()).filter(|m| !m.is_empty()));
        rows.push(FilePerson {
            line: row.line,
            ext_id,
            name,
            title: get(c_title).to_string(),
            kind,
            role_track,
            level: get(c_level).to_string(),
            team: Some(get(c_team).to_string()).filter(|t| !t.is_empty()),
            email,
            manager_ext,
            attributes: attribute_columns
                .iter()
                .map(|&c| (table.headers[c].clone(), row.fields[c].clone()))
                .collect(),
        });
    }

    // 2. Ids are unique within the file.
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

    // 3. Managers named by email resolve to ids (of the file, or of people kept).
    if c_manager_email.is_some() {
        let mut by_email: HashMap<String, String> = HashMap::new();
        for (ext, person) in &existing {
            if !person.email.is_empty() && !options.remove_missing {
                by_email.insert(person.email.to_lowercase(), ext.clone());
            }
        }
        for row in &rows {
            if !row.email.is_empty() {
                by_email.insert(row.email.to_lowercase(), row.ext_id.clone());
            }
        }
        for (row, email) in rows.iter_mut().zip(&manager_emails) {
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

    // 4. Managers exist, humans report to humans, and there are no cycles.
    // Nodes: the file's rows, then the workspace's people who stay without being in the file.
    let in_file: HashSet<&str> = rows.iter().map(|r| r.ext_id.as_str()).collect();
    let kept: Vec<(&String, &Existing)> = if options.remove_missing {
        vec![]
    } else {
        existing
            .iter()
            .filter(|(ext, _)| !in_file.contains(ext.as_str()))
            .collect()
    };
    let mut node_of: HashMap<&str, usize> = HashMap::with_capacity(rows.len() + kept.len());
    for (i, row) in rows.iter().enumerate() {
        node_of.entry(row.ext_id.as_str()).or_insert(i);
    }
    for (k, (ext, _)) in kept.iter().enumerate() {
        node_of.insert(ext.as_str(), rows.len() + k);
    }
    let total = rows.len() + kept.len();
    let node_name = |n: usize| {
        if n < rows.len() {
            rows[n].name.clone()
        } else {
            kept[n - rows.len()].1.name.clone()
        }
    };
    let node_is_agent = |n: usize| {
        if n < rows.len() {
            rows[n].kind == PersonKind::Agent
        } else {
            kept[n - rows.len()].1.kind == PersonKind::Agent
        }
    };
    let mut parent: Vec<Option<usize>> = vec![None; total];
    for (i, row) in rows.iter().enumerate() {
        let Some(manager) = &row.manager_ext else {
            continue;
        };
        match node_of.get(manager.as_str()) {
            Some(&m) => {
                if row.kind == PersonKind::Human && node_is_agent(m) {
                    problems.push(problem(
                        Some(row.line),
                        format!(
                            "{} reports to {}, an AI agent: a person cannot report to an agent",
                            row.name,
                            node_name(m)
                        ),
                        vec![row.name.clone(), node_name(m)],
                    ));
                }
                parent[i] = Some(m);
            }
            None => {
                let whereabouts = if existing.contains_key(manager) {
                    "is not in the file (and people missing from the file are being removed)"
                } else if options.remove_missing || existing.is_empty() {
                    "is not in the file"
                } else {
                    "is neither in the file nor in the workspace"
                };
                problems.push(problem(
                    Some(row.line),
                    format!("manager id {manager} of {} {whereabouts}", row.name),
                    vec![row.name.clone()],
                ));
            }
        }
    }
    for (k, (_, person)) in kept.iter().enumerate() {
        let manager = person
            .manager_ext
            .as_deref()
            .and_then(|m| node_of.get(m).copied());
        // A person of the workspace who is not in the file keeps their manager,
        // whom the file may turn into an agent.
        if let Some(m) = manager.filter(|&m| m < rows.len()) {
            if person.kind == PersonKind::Human && rows[m].kind == PersonKind::Agent {
                problems.push(problem(
                    Some(rows[m].line),
                    format!(
                        "{} becomes an AI agent here, but {} (not in the file) reports to them: a person cannot report to an agent",
                        rows[m].name, person.name
                    ),
                    vec![rows[m].name.clone(), person.name.clone()],
                ));
            }
        }
        parent[rows.len() + k] = manager;
    }
    let order = match order_managers_first(&parent) {
        Ok(order) => order,
        Err(cycles) => {
            for cycle in cycles {
                let names: Vec<String> = cycle.iter().map(|&n| node_name(n)).collect();
                let first_line = cycle
                    .iter()
                    .filter(|&&n| n < rows.len())
                    .map(|&n| rows[n].line)
                    .min();
                let mut lines: Vec<String> = cycle
                    .iter()
                    .filter(|&&n| n < rows.len())
                    .map(|&n| rows[n].line.to_string())
                    .collect();
                if lines.len() > 12 {
                    let more = lines.len() - 10;
                    lines.truncate(10);
                    lines.push(format!("and {more} more"));
                }
                let message = if lines.is_empty() {
                    let mut chain = names.clone();
                    chain.push(names[0].clone());
                    format!(
                        "reporting cycle among people of the workspace who are not in the file: {}; the import would keep it, so repair the workspace first",
                        crate::org::chain_text(&chain)
                    )
                } else if cycle.len() == 1 {
                    format!("{} is their own manager", names[0])
                } else {
                    let mut chain = names.clone();
                    chain.push(names[0].clone());
                    format!(
                        "reporting cycle: {} (lines {})",
                        crate::org::chain_text(&chain),
                        lines.join(", ")
                    )
                };
                let mut people = names;
                people.truncate(50);
                problems.push(problem(first_line, message, people));
            }
            Vec::new()
        }
    };

    let removes: Vec<i64> = if options.remove_missing {
        existing
            .iter()
            .filter(|(ext, _)| !in_file.contains(ext.as_str()))
            .map(|(_, e)| e.id)
            .collect()
    } else {
        vec![]
    };
    problems.extend(removal_problems(conn, &removes)?);
    problems.sort_by_key(|p| p.line.unwrap_or(0));
    let kept_missing = kept.len() as u32;
    // Only the file's rows are written, managers first.
    let mut ordered = Vec::with_capacity(rows.len());
    if problems.is_empty() && !duplicate_found {
        let mut slots: Vec<Option<FilePerson>> = rows.into_iter().map(Some).collect();
        for n in order {
            if let Some(row) = slots.get_mut(n).and_then(Option::take) {
                ordered.push(row);
            }
        }
    }
    let (mut adds, mut updates, mut unchanged) = (0, 0, 0);
    for row in &ordered {
        match existing.get(&row.ext_id) {
            None => adds += 1,
            Some(before) if is_unchanged(row, before) => unchanged += 1,
            Some(_) => updates += 1,
        }
    }
    Ok(ImportPlan {
        rows: ordered,
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

fn merged_attributes(
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

fn is_unchanged(row: &FilePerson, before: &Existing) -> bool {
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

/// Orders nodes so that every parent precedes its children, or returns the
/// cycles found (each as its members, once). Linear: each node is walked once.
fn order_managers_first(
    parent: &[Option<usize>],
) -> std::result::Result<Vec<usize>, Vec<Vec<usize>>> {
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; parent.len()];
    let mut order = Vec::with_capacity(parent.len());
    let mut cycles = Vec::new();
    let mut path = Vec::new();
    for start in 0..parent.len() {
        path.clear();
        let mut node = Some(start);
        while let Some(n) = node {
            match state[n] {
                DONE => break,
                ON_PATH => {
                    let from = path
                        .iter()
                        .position(|&p| p == n)
                        .expect("on the current path");
                    cycles.push(path[from..].to_vec());
                    break;
                }
                _ => {
                    state[n] = ON_PATH;
                    path.push(n);
                    node = parent[n];
                }
            }
        }
        // The path runs from `start` up towards the top: emit it top first.
        for &n in path.iter().rev() {
            state[n] = DONE;
            order.push(n);
        }
    }
    if cycles.is_empty() {
        Ok(order)
    } else {
        Err(cycles)
    }
}

// ---------------------------------------------------------------------------
// Preview and apply.
// ---------------------------------------------------------------------------

fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::io(format!("cannot read {}", path.display()), e))
}

/// What the wizard shows before anything is written: the mapping, samples,
/// every problem and what the import would change.
pub fn import_preview(
    conn: &Connection,
    file_name: &str,
    bytes: &[u8],
    options: &ImportOptions,
) -> Result<ImportPreview> {
    let table = table_read(bytes)?;
    let plan = import_plan(conn, &table, options)?;
    let mapping = &plan.mapping;
    let people_before = plan.existing.len() as u32;
    let removes = plan.removes.len() as u32;
    let columns = table
        .headers
        .iter()
        .enumerate()
        .map(|(i, header)| ColumnPreview {
            index: i as u32,
            header: header.clone(),
            field: mapping.get(i).copied().flatten(),
            samples: table
                .rows
                .iter()
                .filter_map(|r| r.fields.get(i).map(|f| f.trim()).filter(|f| !f.is_empty()))
                .take(3)
                .map(str::to_string)
                .collect(),
        })
        .collect();
    Ok(ImportPreview {
        file_name: file_name.to_string(),
        encoding: table.encoding.to_string(),
        delimiter: (table.delimiter as char).to_string(),
        rows: table.rows.len() as u32,
        columns,
        problems: plan.problems,
        warnings: plan.warnings,
        adds: plan.adds,
        updates: plan.updates,
        unchanged: plan.unchanged,
        removes,
        kept_missing: plan.kept_missing,
        people_before,
        removal_needs_confirmation: removal_needs_confirmation(removes, people_before),
    })
}

/// Removing more than half of the org (or everyone) is more often a wrong or
/// truncated file than a real change: it needs an explicit yes.
pub fn removal_needs_confirmation(removes: u32, people_before: u32) -> bool {
    removes > 0 && removes as u64 * 2 > people_before as u64
}

pub fn import_preview_file(
    conn: &Connection,
    path: &Path,
    options: &ImportOptions,
) -> Result<ImportPreview> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    import_preview(conn, &name, &read_file(path)?, options)
}

/// Validates the whole file and writes it in one transaction that holds the
/// write lock from the first read, so the check sees exactly the workspace the
/// write changes. With any problem nothing is written and the error lists them all.
pub fn import_apply(
    conn: &mut Connection,
    bytes: &[u8],
    options: &ImportOptions,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ImportSummary> {
    progress(ImportProgress {
        phase: ImportPhase::Reading,
        done: 0,
        total: 0,
    });
    let table = table_read(bytes)?;
    let total = table.rows.len() as u32;
    progress(ImportProgress {
        phase: ImportPhase::Validating,
        done: 0,
        total,
    });
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let plan = import_plan(&tx, &table, options)?;
    if !plan.problems.is_empty() {
        return Err(Error::ImportInvalid(plan.problems));
    }
    let (removes, people_before) = (plan.removes.len() as u32, plan.existing.len() as u32);
    if removal_needs_confirmation(removes, people_before) && !options.confirm_removal {
        return Err(Error::NeedsConfirmation(format!(
            "this import would remove {removes} of the {people_before} people in the workspace (everyone not in the file); nothing was changed. If that is what you want, confirm the removal{}",
            if removes == people_before { " of everyone" } else { "" }
        )));
    }
    let summary = write_plan(&tx, &plan, &mut |done| {
        progress(ImportProgress {
            phase: ImportPhase::Writing,
            done,
            total,
        })
    })?;
    tx.commit()?;
    progress(ImportProgress {
        phase: ImportPhase::Done,
        done: total,
        total,
    });
    Ok(summary)
}

pub fn import_apply_file(
    conn: &mut Connection,
    path: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ImportSummary> {
    import_apply(conn, &read_file(path)?, options, progress)
}

fn write_plan(
    tx: &Transaction,
    plan: &ImportPlan,
    progress: &mut dyn FnMut(u32),
) -> Result<ImportSummary> {
    let mut summary = ImportSummary {
        added: plan.adds,
        updated: plan.updates,
        unchanged: plan.unchanged,
        removed: plan.removes.len() as u32,
        teams_created: 0,
    };
    // Teams by name, created on first use.
    let mut team_ids: HashMap<String, i64> = HashMap::new();
    {
        let mut stmt = tx.prepare("SELECT id, name FROM team")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            team_ids.insert(r.get::<_, String>(1)?.to_lowercase(), r.get(0)?);
        }
    }
    let mut new_team = tx.prepare("INSERT INTO team (name) VALUES (?1)")?;
    for row in &plan.rows {
        if let Some(team) = &row.team {
            if let std::collections::hash_map::Entry::Vacant(slot) =
                team_ids.entry(team.to_lowercase())
            {
                new_team.execute([team])?;
                slot.insert(tx.last_insert_rowid());
                summary.teams_created += 1;
            }
        }
    }
    drop(new_team);

    if !plan.removes.is_empty() {
        let ids = serde_json::to_string(&plan.removes).expect("ids serialize");
        // Whoever reports to someone removed gets their manager from the file
        // below; until then they must not hold the removed person in place.
        tx.execute(
            "UPDATE person SET manager_id = NULL
             WHERE id IN (SELECT value FROM json_each(?1)) OR manager_id IN (SELECT value FROM json_each(?1))",
            [&ids],
        )?;
        tx.execute(
            "DELETE FROM person WHERE id IN (SELECT value FROM json_each(?1))",
            [&ids],
        )?;
    }

    let mut id_of: HashMap<&str, i64> = plan
        .existing
        .iter()
        .map(|(ext, e)| (ext.as_str(), e.id))
        .collect();
    let mut insert = tx.prepare(
        "INSERT INTO person (ext_id, name, title, kind, role_track, level, team_id, email, manager_id, attributes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    let mut update = tx.prepare(
        "UPDATE person SET name = ?2, title = ?3, kind = ?4, role_track = ?5, level = ?6, team_id = ?7,
                email = ?8, manager_id = ?9, attributes = ?10
         WHERE id = ?1",
    )?;
    for (done, row) in plan.rows.iter().enumerate() {
        if done % 2000 == 0 {
            progress(done as u32);
        }
        let before = plan.existing.get(&row.ext_id);
        if before.is_some_and(|b| is_unchanged(row, b)) {
            continue;
        }
        let team_id = row
            .team
            .as_ref()
            .and_then(|t| team_ids.get(&t.to_lowercase()).copied());
        // Managers come first in the plan, so their id is known by now.
        let manager_id = row
            .manager_ext
            .as_deref()
            .and_then(|m| id_of.get(m).copied());
        let attributes = merged_attributes(row, before.map(|b| &b.attributes));
        let attributes = serde_json::to_string(&attributes).expect("attributes serialize");
        let kind = row.kind.as_str();
        let role = row.role_track.map(RoleTrack::as_str);
        match before {
            Some(b) => {
                update.execute(params![
                    b.id, row.name, row.title, kind, role, row.level, team_id, row.email,
                    manager_id, attributes
                ])?;
            }
            None => {
                insert.execute(params![
                    row.ext_id, row.name, row.title, kind, role, row.level, team_id, row.email,
                    manager_id, attributes
                ])?;
                id_of.insert(row.ext_id.as_str(), tx.last_insert_rowid());
            }
        }
    }
    progress(plan.rows.len() as u32);
    Ok(summary)
}

/// Round trips through Leadline's own CSV export: they live here, above the
/// export, because the import is the side that knows the export's format.
#[cfg(test)]
mod tests {
    use super::{import_apply, ImportOptions};
    use crate::export::export_csv;
    use crate::people::{person_all, Person};
    use crate::Workspace;

    #[test]
    fn a_csv_export_imports_back_into_the_same_org() {
        let mut ws = Workspace::in_memory().unwrap();
        let csv = "id,name,title,team,manager id,notes\n1,Ada,=CEO,Core,,\"a, b\"\n2,Bo,-lead,Core,1,\n3,Cy,,,2,x\n";
        import_apply(
            ws.conn_mut(),
            csv.as_bytes(),
            &ImportOptions::default(),
            &mut |_| {},
        )
        .unwrap();
        let exported = export_csv(ws.conn()).unwrap();
        let text = String::from_utf8(exported.clone()).unwrap();
        assert!(
            text.contains("'=CEO"),
            "formula-like cells are guarded: {text}"
        );
        let mut copy = Workspace::in_memory().unwrap();
        import_apply(
            copy.conn_mut(),
            &exported,
            &ImportOptions::default(),
            &mut |_| {},
        )
        .unwrap();
        // Internal ids and counts may differ between the two files; what was in the file may not.
        let strip = |people: Vec<Person>| -> Vec<serde_json::Value> {
            people
                .into_iter()
                .map(|p| {
                    serde_json::json!([
                        p.ext_id,
                        p.name,
                        p.title,
                        p.team,
                        p.manager_name,
                        p.attributes
                    ])
                })
                .collect()
        };
        assert_eq!(
            strip(person_all(copy.conn()).unwrap()),
            strip(person_all(ws.conn()).unwrap())
        );
    }

    #[test]
    fn cells_that_spreadsheets_would_run_are_guarded_and_come_back_unchanged() {
        let mut ws = Workspace::in_memory().unwrap();
        // Attributes are kept verbatim, so a TAB or CR before the `=` survives.
        let csv = "id,name,notes\n1,Ada,\"\t=cmd()\"\n2,Bo,\"\r=1+1\"\n3,Cy,@SUM(A1)\n";
        import_apply(
            ws.conn_mut(),
            csv.as_bytes(),
            &ImportOptions::default(),
            &mut |_| {},
        )
        .unwrap();
        let exported = String::from_utf8(export_csv(ws.conn()).unwrap()).unwrap();
        for guarded in ["'\t=cmd()", "'\r=1+1", "'@SUM(A1)"] {
            assert!(
                exported.contains(guarded),
                "{guarded:?} should be guarded in {exported:?}"
            );
        }
        let mut copy = Workspace::in_memory().unwrap();
        import_apply(
            copy.conn_mut(),
            exported.as_bytes(),
            &ImportOptions::default(),
            &mut |_| {},
        )
        .unwrap();
        let notes: Vec<String> = person_all(copy.conn())
            .unwrap()
            .into_iter()
            .map(|p| p.attributes["notes"].clone())
            .collect();
        assert_eq!(
            notes,
            ["\t=cmd()", "\r=1+1", "@SUM(A1)"],
            "the import of Leadline's own export strips the guard"
        );
    }

    #[test]
    fn a_leading_apostrophe_in_another_tools_file_is_data() {
        let mut ws = Workspace::in_memory().unwrap();
        let csv = "employee id,full name,job title\n1,Ada,'=not a formula\n";
        import_apply(
            ws.conn_mut(),
            csv.as_bytes(),
            &ImportOptions::default(),
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(person_all(ws.conn()).unwrap()[0].title, "'=not a formula");
    }
}
