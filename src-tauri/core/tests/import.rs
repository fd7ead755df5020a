//! CSV import, through the core's public API.

use std::collections::HashMap;
use std::path::PathBuf;

use leadline_core::import::{import_apply, import_preview, ImportOptions, ImportPhase};
use leadline_core::people::{person_all, person_get, person_resolve, PersonKind};
use leadline_core::{ErrorKind, Workspace};

fn apply(
    ws: &mut Workspace,
    csv: &[u8],
    options: &ImportOptions,
) -> leadline_core::Result<leadline_core::import::ImportSummary> {
    import_apply(ws.conn_mut(), csv, options, &mut |_| {})
}

fn names_by_ext(ws: &Workspace) -> HashMap<String, (String, Option<String>)> {
    let people = person_all(ws.conn()).unwrap();
    let ext_of: HashMap<i64, String> = people.iter().map(|p| (p.id, p.ext_id.clone())).collect();
    people
        .iter()
        .map(|p| {
            (
                p.ext_id.clone(),
                (p.name.clone(), p.manager_id.map(|m| ext_of[&m].clone())),
            )
        })
        .collect()
}

fn sample_path() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/d3-org-chart-sample.csv");
    assert!(
        path.exists(),
        "the shared sample org must be beside the repository at {}",
        path.display()
    );
    path
}

#[test]
fn semicolons_bom_crlf_and_quoted_fields_are_read() {
    let mut ws = Workspace::in_memory().unwrap();
    let csv = "\u{feff}Employee ID;Full Name;Job Title;Reports To;Notes\r\n1;Ada Lovelace;CEO;;\"likes; semicolons\"\r\n2;\"Bo \"\"B\"\" Smith\";Engineer;1;\"two\r\nlines\"\r\n";
    let preview = import_preview(
        ws.conn(),
        "x.csv",
        csv.as_bytes(),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(preview.delimiter, ";");
    assert_eq!(preview.encoding, "UTF-8");
    assert_eq!(preview.rows, 2);
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    apply(&mut ws, csv.as_bytes(), &ImportOptions::default()).unwrap();
    let bo = person_get(ws.conn(), person_resolve(ws.conn(), "2").unwrap()).unwrap();
    assert_eq!(bo.name, "Bo \"B\" Smith");
    assert_eq!(bo.manager_name.as_deref(), Some("Ada Lovelace"));
    assert_eq!(
        bo.attributes.get("Notes").map(String::as_str),
        Some("two\r\nlines")
    );
    assert_eq!(bo.title, "Engineer");
}

#[test]
fn tabs_and_utf16_exports_are_read() {
    let mut ws = Workspace::in_memory().unwrap();
    let text = "id\tname\tmanager id\n1\tZoë\t\n2\tJürgen\t1\n";
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let preview = import_preview(ws.conn(), "x.txt", &bytes, &ImportOptions::default()).unwrap();
    assert_eq!(
        (preview.encoding.as_str(), preview.delimiter.as_str()),
        ("UTF-16LE", "\t")
    );
    apply(&mut ws, &bytes, &ImportOptions::default()).unwrap();
    assert_eq!(
        names_by_ext(&ws)["2"],
        ("Jürgen".to_string(), Some("1".to_string()))
    );
}

#[test]
fn windows_1252_exports_are_read() {
    let mut ws = Workspace::in_memory().unwrap();
    // "Ren\xE9" is René in Windows-1252 and invalid as UTF-8.
    let bytes = b"id,first name,last name,department\n7,Ren\xE9,Dupr\xE9,R&D\n".to_vec();
    let preview = import_preview(ws.conn(), "x.csv", &bytes, &ImportOptions::default()).unwrap();
    assert_eq!(preview.encoding, "windows-1252");
    apply(&mut ws, &bytes, &ImportOptions::default()).unwrap();
    let rene = person_get(ws.conn(), person_resolve(ws.conn(), "7").unwrap()).unwrap();
    assert_eq!(rene.name, "René Dupré", "first and last name are joined");
    assert_eq!(rene.team.as_deref(), Some("R&D"));
}

#[test]
fn managers_can_be_named_by_email() {
    let mut ws = Workspace::in_memory().unwrap();
    let csv = "id,name,email,manager email\n1,Ada,ada@x.org,\n2,Bo,bo@x.org,ADA@x.org\n";
    apply(&mut ws, csv.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!(names_by_ext(&ws)["2"].1.as_deref(), Some("1"));
}

#[test]
fn every_problem_is_listed_with_its_line_and_nothing_is_written() {
    let mut ws = Workspace::in_memory().unwrap();
    apply(
        &mut ws,
        b"id,name\nkeep,Already here\n",
        &ImportOptions::default(),
    )
    .unwrap();
    let csv = "id,name,manager id\n\
               1,Ada,\n\
               ,No Id,1\n\
               1,Ada Again,\n\
               3,Cy,99\n\
               4,Di,5\n\
               5,Eve,4\n\
               6,Fi,1,extra\n";
    let err = apply(&mut ws, csv.as_bytes(), &ImportOptions::default()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ImportInvalid);
    let leadline_core::Error::ImportInvalid(problems) = &err else {
        unreachable!()
    };
    let lines: Vec<Option<u32>> = problems.iter().map(|p| p.line).collect();
    assert_eq!(
        lines,
        [Some(3), Some(4), Some(5), Some(6), Some(8)],
        "problems: {problems:#?}"
    );
    assert!(
        problems[1].people.contains(&"Ada".to_string())
            && problems[1].people.contains(&"Ada Again".to_string())
    );
    assert!(
        problems[2].message.contains("99"),
        "{}",
        problems[2].message
    );
    assert!(
        problems[3].message.contains("Di") && problems[3].message.contains("Eve"),
        "{}",
        problems[3].message
    );
    assert!(
        problems[4].message.contains("4 fields"),
        "{}",
        problems[4].message
    );
    assert!(
        err.to_string().contains("line 6"),
        "the error names lines: {err}"
    );
    let people = person_all(ws.conn()).unwrap();
    assert_eq!(
        people.len(),
        1,
        "nothing of the invalid file may be written"
    );
    assert_eq!(people[0].name, "Already here");
}

/// HR exports end their lines with CRLF. Counted by hand: the header is line
/// 1, Ada line 2, Bo (whose manager 9 does not exist) line 3; Cy's quoted
/// title runs over lines 4 and 5, so Di (manager 8, missing too) is line 6.
#[test]
fn problems_name_the_right_line_in_a_file_with_windows_line_ends() {
    let ws = Workspace::in_memory().unwrap();
    let file = "id,name,title,manager id\r\n1,Ada,,\r\n2,Bo,,9\r\n3,Cy,\"Staff\r\nengineer\",1\r\n4,Di,,8\r\n";
    let preview = import_preview(
        ws.conn(),
        "hr.csv",
        file.as_bytes(),
        &ImportOptions::default(),
    )
    .unwrap();
    let lines: Vec<Option<u32>> = preview.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [Some(3), Some(6)], "{:?}", preview.problems);
    let unix = file.replace("\r\n", "\n");
    let preview = import_preview(
        ws.conn(),
        "hr.csv",
        unix.as_bytes(),
        &ImportOptions::default(),
    )
    .unwrap();
    let lines: Vec<Option<u32>> = preview.problems.iter().map(|p| p.line).collect();
    assert_eq!(
        lines,
        [Some(3), Some(6)],
        "the same lines with Unix line ends"
    );
}

#[test]
fn a_file_without_id_or_name_columns_is_refused_with_a_reason() {
    let mut ws = Workspace::in_memory().unwrap();
    let err = apply(&mut ws, b"foo,bar\n1,2\n", &ImportOptions::default()).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("id") && text.contains("name"), "{text}");
    let err = apply(&mut ws, b"", &ImportOptions::default()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[test]
fn a_mapping_chosen_by_the_user_is_used() {
    let mut ws = Workspace::in_memory().unwrap();
    use leadline_core::import::Field;
    let csv = "code,who,boss,area\nA,Ada,,Core\nB,Bo,A,Core\n";
    let options = ImportOptions {
        mapping: Some(vec![
            Some(Field::Id),
            Some(Field::Name),
            Some(Field::ManagerId),
            Some(Field::Team),
        ]),
        ..ImportOptions::default()
    };
    apply(&mut ws, csv.as_bytes(), &options).unwrap();
    let bo = person_get(ws.conn(), person_resolve(ws.conn(), "B").unwrap()).unwrap();
    assert_eq!(
        (bo.manager_name.as_deref(), bo.team.as_deref()),
        (Some("Ada"), Some("Core"))
    );
    assert!(
        bo.attributes.is_empty(),
        "every column was mapped: {:?}",
        bo.attributes
    );
}

#[test]
fn reimporting_merges_by_id_and_removes_only_when_asked() {
    let mut ws = Workspace::in_memory().unwrap();
    apply(
        &mut ws,
        b"id,name,manager id,office\n1,Ada,,Paris\n2,Bo,1,Paris\n3,Cy,1,Rome\n",
        &ImportOptions::default(),
    )
    .unwrap();
    let bo_id = person_resolve(ws.conn(), "2").unwrap();
    // Cy is missing, Bo moved office and got a new colleague.
    let update = b"id,name,manager id,office\n1,Ada,,Paris\n2,Bo,1,Lyon\n4,Di,2,Lyon\n";
    let preview = import_preview(ws.conn(), "u.csv", update, &ImportOptions::default()).unwrap();
    assert_eq!(
        (
            preview.adds,
            preview.updates,
            preview.unchanged,
            preview.removes,
            preview.kept_missing
        ),
        (1, 1, 1, 0, 1)
    );
    let summary = apply(&mut ws, update, &ImportOptions::default()).unwrap();
    assert_eq!((summary.added, summary.updated, summary.removed), (1, 1, 0));
    assert!(
        names_by_ext(&ws).contains_key("3"),
        "Cy stays unless removal is asked"
    );
    let bo = person_get(ws.conn(), bo_id).unwrap();
    assert_eq!(bo.attributes["office"], "Lyon");
    assert_eq!(bo.id, bo_id, "an update keeps the person's identity");

    let remove = ImportOptions {
        remove_missing: true,
        ..ImportOptions::default()
    };
    let summary = apply(&mut ws, update, &remove).unwrap();
    assert_eq!(summary.removed, 1);
    let mut left: Vec<String> = names_by_ext(&ws).into_values().map(|(n, _)| n).collect();
    left.sort();
    assert_eq!(left, ["Ada", "Bo", "Di"]);
}

#[test]
fn progress_reaches_done() {
    let mut ws = Workspace::in_memory().unwrap();
    let mut phases = Vec::new();
    import_apply(
        ws.conn_mut(),
        b"id,name\n1,Ada\n",
        &ImportOptions::default(),
        &mut |p| phases.push(p.phase),
    )
    .unwrap();
    assert_eq!(phases.first(), Some(&ImportPhase::Reading));
    assert_eq!(phases.last(), Some(&ImportPhase::Done));
    assert!(phases.contains(&ImportPhase::Writing));
}

#[test]
fn agents_are_imported_and_humans_may_not_report_to_them() {
    let mut ws = Workspace::in_memory().unwrap();
    apply(
        &mut ws,
        b"id,name,type,manager id\n1,Ada,human,\n2,Triage bot,agent,1\n",
        &ImportOptions::default(),
    )
    .unwrap();
    let bot = person_get(ws.conn(), person_resolve(ws.conn(), "2").unwrap()).unwrap();
    assert_eq!(bot.kind, PersonKind::Agent);
    let err = apply(
        &mut ws,
        b"id,name,type,manager id\n3,Cy,human,2\n",
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("Triage bot"), "{err}");
}

/// The public sample org, with metrics computed here independently of the core:
/// plain maps over the raw CSV, no use of the app's structure code.
#[test]
fn the_public_sample_org_imports_cleanly_and_its_metrics_match_an_independent_count() {
    let path = sample_path();
    let bytes = std::fs::read(&path).unwrap();
    let mut ws = Workspace::in_memory().unwrap();
    let preview =
        import_preview(ws.conn(), "sample.csv", &bytes, &ImportOptions::default()).unwrap();
    assert!(
        preview.problems.is_empty(),
        "the sample must import cleanly: {:?}",
        preview.problems
    );
    apply(&mut ws, &bytes, &ImportOptions::default()).unwrap();

    // Independent reading: id → (parent, raw name, raw row).
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (c_id, c_parent, c_name, c_tags, c_office) = (
        col("id"),
        col("parentId"),
        col("name"),
        col("tags"),
        col("office"),
    );
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let parent: HashMap<String, Option<String>> = records
        .iter()
        .map(|r| {
            (
                r[c_id].to_string(),
                Some(r[c_parent].to_string()).filter(|p| !p.is_empty()),
            )
        })
        .collect();
    let mut reports: HashMap<&str, u32> = HashMap::new();
    for p in parent.values().flatten() {
        *reports.entry(p.as_str()).or_default() += 1;
    }
    fn depth(id: &str, parent: &HashMap<String, Option<String>>) -> u32 {
        match &parent[id] {
            None => 1,
            Some(p) => 1 + depth(p, parent),
        }
    }
    let headcount = parent.len() as u32;
    let managers = reports.len() as u32;
    let ics = headcount - managers;
    let mut per_layer = vec![0u32; 0];
    for id in parent.keys() {
        let d = depth(id, &parent) as usize;
        if per_layer.len() < d {
            per_layer.resize(d, 0);
        }
        per_layer[d - 1] += 1;
    }
    let mut spans: Vec<u32> = reports.values().copied().collect();
    spans.sort();
    let single = spans.iter().filter(|&&s| s == 1).count() as u32;

    let m = ws.metrics(None).unwrap();
    assert_eq!(m.headcount, 1516, "the README says 1,516 people");
    assert_eq!((m.headcount, m.managers, m.ics), (headcount, managers, ics));
    assert_eq!(m.per_layer, per_layer);
    assert_eq!(m.span_min, spans.first().copied());
    assert_eq!(m.span_max, spans.last().copied());
    assert_eq!(m.single_report_managers, single);
    let ratio = m.ic_to_manager_ratio.unwrap();
    assert!((ratio - ics as f64 / managers as f64).abs() < 1e-9);

    // Messy names are trimmed; extra columns are kept as attributes.
    let messy = records
        .iter()
        .find(|r| r[c_name].starts_with(' '))
        .expect("the sample has names with leading spaces");
    let person = person_get(ws.conn(), person_resolve(ws.conn(), &messy[c_id]).unwrap()).unwrap();
    assert_eq!(person.name, messy[c_name].trim());
    assert_eq!(
        person.attributes.get("tags").map(String::as_str),
        Some(&messy[c_tags])
    );
    assert_eq!(
        person.attributes.get("office").map(String::as_str),
        Some(&messy[c_office])
    );
    assert!(
        !person.title.ends_with(' '),
        "titles are trimmed: {:?}",
        person.title
    );
}
