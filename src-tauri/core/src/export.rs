//! Export of the workspace as CSV (re-importable by `import`, one row per
//! person) or JSON (people and teams, field names as in `Person`).

use std::collections::{BTreeSet, HashMap};

use rusqlite::Connection;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::people::{person_all, Person, RoleTrack};
use crate::teams::{team_list, Team};

/// The fixed columns of a CSV export; attribute columns follow, sorted by name.
pub const CSV_COLUMNS: [&str; 9] = [
    "id",
    "name",
    "title",
    "kind",
    "role_track",
    "level",
    "team",
    "email",
    "manager_id",
];

/// Spreadsheets run cells that start with = + - @ as formulas; an apostrophe in
/// front keeps them text (the import strips it again).
fn guard(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

pub fn export_csv(conn: &Connection) -> Result<Vec<u8>> {
    let people = person_all(conn)?;
    let ext_of: HashMap<i64, &str> = people.iter().map(|p| (p.id, p.ext_id.as_str())).collect();
    let attribute_names: BTreeSet<&str> = people
        .iter()
        .flat_map(|p| p.attributes.keys().map(String::as_str))
        .collect();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header: Vec<&str> = CSV_COLUMNS
        .iter()
        .copied()
        .chain(attribute_names.iter().copied())
        .collect();
    let to_err = |e: csv::Error| Error::InvalidInput(format!("cannot write CSV: {e}"));
    writer.write_record(&header).map_err(to_err)?;
    for p in &people {
        let mut record = vec![
            guard(&p.ext_id),
            guard(&p.name),
            guard(&p.title),
            p.kind.as_str().to_string(),
            p.role_track
                .map(RoleTrack::as_str)
                .unwrap_or("")
                .to_string(),
            guard(&p.level),
            guard(p.team.as_deref().unwrap_or("")),
            guard(&p.email),
            guard(
                p.manager_id
                    .and_then(|m| ext_of.get(&m).copied())
                    .unwrap_or(""),
            ),
        ];
        record.extend(
            attribute_names
                .iter()
                .map(|a| guard(p.attributes.get(*a).map(String::as_str).unwrap_or(""))),
        );
        writer.write_record(&record).map_err(to_err)?;
    }
    writer
        .into_inner()
        .map_err(|e| Error::InvalidInput(format!("cannot write CSV: {e}")))
}

#[derive(Serialize)]
struct JsonExport {
    format: &'static str,
    version: u32,
    teams: Vec<Team>,
    people: Vec<Person>,
}

pub fn export_json(conn: &Connection) -> Result<Vec<u8>> {
    let export = JsonExport {
        format: "leadline-workspace",
        version: 1,
        teams: team_list(conn)?,
        people: person_all(conn)?,
    };
    let mut bytes = serde_json::to_vec_pretty(&export).expect("export serializes");
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{import_apply, ImportOptions};
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
    fn the_json_export_names_its_format() {
        let ws = Workspace::in_memory().unwrap();
        let value: serde_json::Value =
            serde_json::from_slice(&export_json(ws.conn()).unwrap()).unwrap();
        assert_eq!(value["format"], "leadline-workspace");
        assert!(value["people"].as_array().unwrap().is_empty());
    }
}
