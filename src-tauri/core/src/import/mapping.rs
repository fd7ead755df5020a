//! Which column of the file holds which field: the automatic guess from header
//! names, the checks a mapping must pass, and the email column demoted to an
//! attribute when its values are not addresses.

use super::read::Table;
use super::{problem, Field, Problem};

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

/// Where each field is in a row: the column mapped to it, if any.
pub(super) struct Columns {
    pub(super) id: Option<usize>,
    pub(super) manager_id: Option<usize>,
    pub(super) manager_email: Option<usize>,
    pub(super) name: Option<usize>,
    pub(super) first_name: Option<usize>,
    pub(super) last_name: Option<usize>,
    pub(super) title: Option<usize>,
    pub(super) team: Option<usize>,
    pub(super) email: Option<usize>,
    pub(super) kind: Option<usize>,
    pub(super) role_track: Option<usize>,
    pub(super) level: Option<usize>,
    /// Columns mapped to no field, kept as custom attributes under their header.
    pub(super) attributes: Vec<usize>,
}

impl Columns {
    pub(super) fn of(mapping: &[Option<Field>]) -> Columns {
        let column = |field| mapping.iter().position(|f| *f == Some(field));
        Columns {
            id: column(Field::Id),
            manager_id: column(Field::ManagerId),
            manager_email: column(Field::ManagerEmail),
            name: column(Field::Name),
            first_name: column(Field::FirstName),
            last_name: column(Field::LastName),
            title: column(Field::Title),
            team: column(Field::Team),
            email: column(Field::Email),
            kind: column(Field::Kind),
            role_track: column(Field::RoleTrack),
            level: column(Field::Level),
            attributes: (0..mapping.len())
                .filter(|&i| mapping[i].is_none())
                .collect(),
        }
    }
}

/// Checks that the mapping names what an import needs, once per field.
pub(super) fn mapping_problems(headers: &[String], mapping: &[Option<Field>]) -> Vec<Problem> {
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

fn is_email(text: &str) -> bool {
    text.contains('@') && !text.contains(char::is_whitespace)
}

/// A column mapped to email whose values are not addresses (an HR schema that
/// keeps user names there, "SKING") plays no part in the structure: it is kept
/// as an attribute under its header, with a warning, instead of refusing the file.
pub(super) fn email_column_check(
    table: &Table,
    mapping: &mut [Option<Field>],
    warnings: &mut Vec<Problem>,
) {
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
