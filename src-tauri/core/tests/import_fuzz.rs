//! Property test of the CSV importer on generated files: well-formed and broken
//! rows, ids that repeat, point at nobody or form cycles, odd encodings, quotes,
//! byte-order marks and plain random bytes, against a workspace that already
//! holds a small org. Over ~600 lines because the generators of each kind of
//! broken file are the test; they read best next to the property they feed.
//!
//! The run is deterministic (a fixed seed): set `PROPTEST_RNG_SEED` to explore
//! other cases, `PROPTEST_CASES` to run more of them.

use std::collections::{BTreeSet, HashMap, HashSet};

use leadline_core::db::open_in_memory;
use leadline_core::import::{
    import_apply, import_preview, mapping_guess, table_read, Field, ImportOptions,
};
use leadline_core::ErrorKind;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngSeed};
use rusqlite::types::Value;
use rusqlite::Connection;

/// Ada at the top with Bo under her; Cy and a bot under Bo; Eve alone.
const SEED_ORG: &str = "id,name,manager id,team,email,type,office\n\
    S1,Ada,,Core,ada@x.org,,Paris\n\
    S2,Bo,S1,Core,bo@x.org,,\n\
    S3,Cy,S2,Edge,,,Lagos\n\
    S4,Helper bot,S2,,,agent,\n\
    S5,Eve,,Edge,,,\n";

/// Ids of the seed org, new ids, a padded one (the same as N2 once trimmed)
/// and a non-ASCII one; rows take them in a shuffled order, so most files
/// have unique ids.
const IDS: [&str; 11] = [
    "S1", "S2", "S3", "S4", "S5", "N1", "N2", "N3", "N4", " N2 ", "Ø-7",
];
/// A manager id nobody has.
const MISSING_ID: &str = "X404";
// In each pool below the values that make a row invalid come last, and are drawn
// about one time in thirty (see `pick`): most files should be valid, or the
// properties of an import that lands would rarely be tested.
const NAMES: [&str; 11] = [
    "Ada",
    "Bo",
    "Zoë Ünal",
    "\"Quoted\" Name",
    "Smith, Jo",
    "Two\nLines",
    "Helper bot",
    "ＡＢＣ",
    "",
    "   ",
    "\u{a0}",
];
const VALID_NAMES: usize = 8;
const FIRST_NAMES: [&str; 3] = ["Jo", "Élise", ""];
const LAST_NAMES: [&str; 3] = ["Smith", "de la Cruz", ""];
const TEAMS: [&str; 6] = ["", "Core", "core", "Edge", "Équipe", " Core "];
const KINDS: [&str; 6] = ["", "", "human", "agent", "Agent", "robot"];
const VALID_KINDS: usize = 5;
/// "nope" is no address: the email column is then kept as an attribute; as a
/// manager email it belongs to nobody.
const EMAILS: [&str; 5] = ["", "ada@x.org", "bo@x.org", "BO@X.ORG", "nope"];
const ROLES: [&str; 5] = ["", "ic", "manager", "ic_leader", "boss"];
const VALID_ROLES: usize = 4;
const OFFICES: [&str; 4] = ["", "Paris", "=SUM(A1)", "'=x"];

/// An index into a pool whose first `valid` values are fine: those 29 times in 30.
fn pick(valid: usize, len: usize) -> BoxedStrategy<usize> {
    prop_oneof![29 => 0..valid, 1 => valid..len].boxed()
}

/// Whom a row reports to.
#[derive(Debug, Clone)]
enum ManagerRef {
    Nobody,
    /// A row above this one: files written managers first never have a cycle.
    RowAbove(Index),
    /// Any id of `IDS`, in the file or only in the workspace: cycles, self-management.
    AnyId(usize),
    Missing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Id,
    Name,
    FirstName,
    LastName,
    ManagerId,
    ManagerEmail,
    Team,
    Email,
    Kind,
    Role,
    Office,
}

impl Column {
    /// Header spellings the importer is meant to recognise (and an extra one).
    fn headers(self) -> &'static [&'static str] {
        match self {
            Column::Id => &["id", "Employee ID", "employee number", " ID "],
            Column::Name => &["name", "Full Name", "display name"],
            Column::FirstName => &["first name", "Given name"],
            Column::LastName => &["last name", "Surname"],
            Column::ManagerId => &["manager id", "parentId", "Reports To"],
            Column::ManagerEmail => &["manager email"],
            Column::Team => &["team", "Department"],
            Column::Email => &["email", "Work Email"],
            Column::Kind => &["type", "kind"],
            Column::Role => &["role track"],
            Column::Office => &["Office", "Start date"],
        }
    }
}

/// One row as indexes into the pools above.
#[derive(Debug, Clone)]
struct Row {
    id: usize,
    name: usize,
    first: usize,
    last: usize,
    manager: ManagerRef,
    manager_email: usize,
    team: usize,
    email: usize,
    kind: usize,
    role: usize,
    office: usize,
    /// The row has one field too many or too few.
    ragged: Option<bool>,
}

/// The file's rows with their ids, plus a few deliberate id mistakes.
#[derive(Debug, Clone)]
struct Rows {
    rows: Vec<Row>,
    /// Row `.0` takes the id of row `.1`.
    duplicate: Option<(Index, Index)>,
    empty_id: Option<Index>,
}

impl Rows {
    /// The id cell of each row.
    fn ids(&self) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = self.rows.iter().map(|r| IDS[r.id]).collect();
        if !ids.is_empty() {
            if let Some((to, from)) = &self.duplicate {
                let from = ids[from.index(ids.len())];
                let to = to.index(ids.len());
                ids[to] = from;
            }
            if let Some(at) = &self.empty_id {
                let at = at.index(ids.len());
                ids[at] = "";
            }
        }
        ids
    }
}

fn value(rows: &Rows, ids: &[&'static str], i: usize, column: Column) -> &'static str {
    let row = &rows.rows[i];
    match column {
        Column::Id => ids[i],
        Column::Name => NAMES[row.name],
        Column::FirstName => FIRST_NAMES[row.first],
        Column::LastName => LAST_NAMES[row.last],
        Column::ManagerId => match &row.manager {
            ManagerRef::Nobody => "",
            ManagerRef::RowAbove(_) if i == 0 => "",
            ManagerRef::RowAbove(above) => ids[above.index(i)],
            ManagerRef::AnyId(id) => IDS[*id],
            ManagerRef::Missing => MISSING_ID,
        },
        Column::ManagerEmail => EMAILS[row.manager_email],
        Column::Team => TEAMS[row.team],
        Column::Email => EMAILS[row.email],
        Column::Kind => KINDS[row.kind],
        Column::Role => ROLES[row.role],
        Column::Office => OFFICES[row.office],
    }
}

#[derive(Debug, Clone, Copy)]
enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

/// A CSV described structurally, so that a failing case shrinks to a small file.
#[derive(Debug, Clone)]
struct Document {
    columns: Vec<(Column, usize)>,
    rows: Rows,
    delimiter: char,
    crlf: bool,
    quote_everything: bool,
    /// Writes fields with delimiters, quotes or line breaks without quotes.
    forget_quotes: bool,
    blank_lines: bool,
    encoding: Encoding,
    /// Bytes overwritten after encoding: (where, with what).
    corruption: Vec<(Index, u8)>,
}

impl Document {
    fn render(&self) -> Vec<u8> {
        let end = if self.crlf { "\r\n" } else { "\n" };
        let cell = |text: &str| -> String {
            let special = text.contains([self.delimiter, '"', '\n', '\r']);
            if self.quote_everything || (special && !self.forget_quotes) {
                format!("\"{}\"", text.replace('"', "\"\""))
            } else {
                text.to_string()
            }
        };
        let mut text = String::new();
        let header: Vec<String> = self
            .columns
            .iter()
            .map(|&(c, variant)| cell(c.headers()[variant % c.headers().len()]))
            .collect();
        text.push_str(&header.join(&self.delimiter.to_string()));
        text.push_str(end);
        let ids = self.rows.ids();
        for (i, row) in self.rows.rows.iter().enumerate() {
            let mut fields: Vec<String> = self
                .columns
                .iter()
                .map(|&(c, _)| cell(value(&self.rows, &ids, i, c)))
                .collect();
            match row.ragged {
                Some(true) => fields.push("extra".into()),
                Some(false) => {
                    fields.pop();
                }
                None => {}
            }
            text.push_str(&fields.join(&self.delimiter.to_string()));
            text.push_str(end);
            if self.blank_lines {
                text.push_str(end);
            }
        }
        let mut bytes = match self.encoding {
            Encoding::Utf8 => text.into_bytes(),
            Encoding::Utf8Bom => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
            Encoding::Utf16Le => [0xFF, 0xFE]
                .into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
                .collect(),
            Encoding::Utf16Be => [0xFE, 0xFF]
                .into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
                .collect(),
            Encoding::Windows1252 => encoding_rs::WINDOWS_1252.encode(&text).0.into_owned(),
        };
        if !bytes.is_empty() {
            for (at, byte) in &self.corruption {
                let at = at.index(bytes.len());
                bytes[at] = *byte;
            }
        }
        bytes
    }
}

fn row() -> impl Strategy<Value = Row> {
    let manager = prop_oneof![
        30 => Just(ManagerRef::Nobody),
        50 => any::<Index>().prop_map(ManagerRef::RowAbove),
        20 => (0..IDS.len()).prop_map(ManagerRef::AnyId),
        2 => Just(ManagerRef::Missing),
    ];
    (
        (
            pick(VALID_NAMES, NAMES.len()),
            pick(2, FIRST_NAMES.len()),
            pick(2, LAST_NAMES.len()),
            manager,
            // Used when the manager id is empty; mostly empty too.
            prop_oneof![8 => Just(0), 2 => 0..EMAILS.len()],
        ),
        (
            0..TEAMS.len(),
            0..EMAILS.len(),
            pick(VALID_KINDS, KINDS.len()),
            pick(VALID_ROLES, ROLES.len()),
            0..OFFICES.len(),
            prop::option::weighted(0.02, any::<bool>()),
        ),
    )
        .prop_map(
            |(
                (name, first, last, manager, manager_email),
                (team, email, kind, role, office, ragged),
            )| {
                Row {
                    id: 0,
                    name,
                    first,
                    last,
                    manager,
                    manager_email,
                    team,
                    email,
                    kind,
                    role,
                    office,
                    ragged,
                }
            },
        )
}

fn rows() -> impl Strategy<Value = Rows> {
    (
        prop::collection::vec(row(), 0..10),
        Just((0..IDS.len()).collect::<Vec<usize>>()).prop_shuffle(),
        prop::option::weighted(0.05, (any::<Index>(), any::<Index>())),
        prop::option::weighted(0.03, any::<Index>()),
    )
        .prop_map(|(mut rows, ids, duplicate, empty_id)| {
            for (row, id) in rows.iter_mut().zip(ids.iter().cycle()) {
                row.id = *id;
            }
            Rows {
                rows,
                duplicate,
                empty_id,
            }
        })
}

fn columns() -> impl Strategy<Value = Vec<(Column, usize)>> {
    (
        prop::bool::weighted(0.97),
        // 0: one name column, 1: first and last name, 2: no name at all.
        prop_oneof![60 => Just(0), 37 => Just(1), 3 => Just(2)],
        prop::collection::vec(any::<bool>(), 8),
        prop::collection::vec(0usize..4, 11),
    )
        .prop_flat_map(|(has_id, names, optional, variants)| {
            let mut columns = Vec::new();
            if has_id {
                columns.push(Column::Id);
            }
            match names {
                0 => columns.push(Column::Name),
                1 => columns.extend([Column::FirstName, Column::LastName]),
                _ => {}
            }
            let extra = [
                Column::ManagerId,
                Column::ManagerId,
                Column::ManagerEmail,
                Column::Team,
                Column::Email,
                Column::Kind,
                Column::Role,
                Column::Office,
            ];
            for (column, wanted) in extra.into_iter().zip(optional) {
                if wanted && !columns.contains(&column) {
                    columns.push(column);
                }
            }
            let columns: Vec<(Column, usize)> = columns.into_iter().zip(variants).collect();
            Just(columns).prop_shuffle()
        })
}

fn document() -> impl Strategy<Value = Document> {
    (
        columns(),
        rows(),
        prop::sample::select(vec![',', ',', ';', '\t']),
        any::<bool>(),
        prop::bool::weighted(0.15),
        prop::bool::weighted(0.1),
        prop::bool::weighted(0.1),
        prop::sample::select(vec![
            Encoding::Utf8,
            Encoding::Utf8,
            Encoding::Utf8,
            Encoding::Utf8Bom,
            Encoding::Utf16Le,
            Encoding::Utf16Be,
            Encoding::Windows1252,
        ]),
        prop_oneof![
            7 => Just(Vec::new()),
            1 => prop::collection::vec((any::<Index>(), any::<u8>()), 1..4),
        ],
    )
        .prop_map(
            |(
                columns,
                rows,
                delimiter,
                crlf,
                quote_everything,
                forget_quotes,
                blank_lines,
                encoding,
                corruption,
            )| Document {
                columns,
                rows,
                delimiter,
                crlf,
                quote_everything,
                forget_quotes,
                blank_lines,
                encoding,
                corruption,
            },
        )
}

/// The bytes of the file, shown escaped so a failing case can be copied.
#[derive(Clone)]
struct FileBytes(Vec<u8>);

impl std::fmt::Debug for FileBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "b\"{}\"", self.0.escape_ascii())
    }
}

fn file_bytes() -> impl Strategy<Value = FileBytes> {
    prop_oneof![
        12 => document().prop_map(|d| FileBytes(d.render())),
        1 => prop::collection::vec(any::<u8>(), 0..200).prop_map(FileBytes),
        1 => prop::collection::vec(any::<u8>(), 0..120).prop_map(|tail| {
            FileBytes([&b"id,name,manager id\n"[..], &tail].concat())
        }),
    ]
}

fn options() -> impl Strategy<Value = ImportOptions> {
    let field = prop::option::of(prop::sample::select(Field::ALL.to_vec()));
    (
        prop::bool::weighted(0.3),
        any::<bool>(),
        prop::option::weighted(0.05, prop::collection::vec(field, 0..6)),
    )
        .prop_map(|(remove_missing, confirm_removal, mapping)| ImportOptions {
            mapping,
            remove_missing,
            confirm_removal,
            taken_at: None,
        })
}

fn seeded() -> Connection {
    let mut conn = open_in_memory().expect("an in-memory workspace opens");
    import_apply(
        &mut conn,
        SEED_ORG.as_bytes(),
        &ImportOptions::default(),
        &mut |_| {},
    )
    .expect("the seed org imports");
    conn
}

/// Every row of the tables an import writes, every column, in id order.
fn snapshot(conn: &Connection) -> Vec<Vec<Value>> {
    let mut rows = Vec::new();
    for table in ["person", "team"] {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY id"))
            .unwrap();
        let width = stmt.column_count();
        let mut found = stmt
            .query_map([], |r| {
                (0..width)
                    .map(|i| r.get::<_, Value>(i))
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap();
        rows.push(vec![Value::Text(table.into())]);
        rows.append(&mut found);
    }
    rows
}

fn ext_ids(conn: &Connection) -> BTreeSet<String> {
    let mut stmt = conn.prepare("SELECT ext_id FROM person").unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// Someone whose chain of managers never reaches the top, if anyone.
fn caught_in_a_cycle(conn: &Connection) -> Option<String> {
    let mut stmt = conn
        .prepare("SELECT id, manager_id, ext_id FROM person")
        .unwrap();
    let people: Vec<(i64, Option<i64>, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let manager: HashMap<i64, Option<i64>> = people.iter().map(|(id, m, _)| (*id, *m)).collect();
    for (id, _, ext) in &people {
        let mut current = Some(*id);
        let mut steps = 0;
        while let Some(person) = current {
            steps += 1;
            if steps > people.len() {
                return Some(ext.clone());
            }
            current = manager.get(&person).copied().flatten();
        }
    }
    None
}

/// The ids of the file's rows, read the way the importer reads them.
fn file_ids(bytes: &[u8], options: &ImportOptions) -> BTreeSet<String> {
    let table = table_read(bytes).expect("a file that imported can be read");
    let mapping = options
        .mapping
        .clone()
        .unwrap_or_else(|| mapping_guess(&table.headers));
    let column = mapping
        .iter()
        .position(|f| *f == Some(Field::Id))
        .expect("a file that imported has an id column");
    table
        .rows
        .iter()
        .map(|r| r.fields[column].trim().to_string())
        .collect()
}

fn config() -> Config {
    // `Config::default()` reads PROPTEST_* variables; without them the run is
    // the same every time, so a failure in CI reproduces locally.
    let from_env = Config::default();
    Config {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            from_env.cases
        } else {
            2000
        },
        rng_seed: match from_env.rng_seed {
            RngSeed::Random => RngSeed::Fixed(0x1EAD_11AE),
            fixed => fixed,
        },
        failure_persistence: None,
        max_shrink_time: 60_000,
        ..from_env
    }
}

proptest! {
    #![proptest_config(config())]

    /// Preview and apply never panic and agree; a refused import changes
    /// nothing; an accepted one leaves every row of the file in the workspace
    /// and a structure where everyone's chain reaches the top.
    #[test]
    fn any_file_imports_completely_or_changes_nothing(file in file_bytes(), options in options()) {
        let mut conn = seeded();
        let before = snapshot(&conn);
        let ids_before = ext_ids(&conn);

        let preview = import_preview(&conn, "fuzz.csv", &file.0, &options);
        prop_assert_eq!(&snapshot(&conn), &before, "a preview must write nothing");
        let applies_cleanly = match &preview {
            Ok(p) => p.problems.is_empty() && (!p.removal_needs_confirmation || options.confirm_removal),
            Err(_) => false,
        };

        let applied = import_apply(&mut conn, &file.0, &options, &mut |_| {});
        match applied {
            Err(error) => {
                prop_assert_eq!(
                    &snapshot(&conn),
                    &before,
                    "a refused import must leave the workspace exactly as it was ({})",
                    error
                );
                prop_assert!(
                    error.kind() != ErrorKind::Database,
                    "a file must be refused with a reason, not a database error: {}",
                    error
                );
                prop_assert!(
                    !applies_cleanly,
                    "the preview found nothing wrong, but the import failed: {}",
                    error
                );
            }
            Ok(summary) => {
                prop_assert!(
                    applies_cleanly,
                    "the import landed although the preview said it would not: {:?}",
                    preview.map(|p| p.problems)
                );
                prop_assert_eq!(
                    caught_in_a_cycle(&conn),
                    None,
                    "after an import everyone's chain must reach the top"
                );
                let humans_under_agents: Vec<String> = conn
                    .prepare(
                        "SELECT p.ext_id FROM person p JOIN person m ON m.id = p.manager_id
                         WHERE p.kind = 'human' AND m.kind = 'agent'",
                    )
                    .unwrap()
                    .query_map([], |r| r.get(0))
                    .unwrap()
                    .collect::<rusqlite::Result<_>>()
                    .unwrap();
                prop_assert!(
                    humans_under_agents.is_empty(),
                    "a person cannot report to an AI agent, yet after the import {:?} do",
                    humans_under_agents
                );
                let in_file = file_ids(&file.0, &options);
                let after = ext_ids(&conn);
                let expected: BTreeSet<String> = if options.remove_missing {
                    in_file.clone()
                } else {
                    ids_before.union(&in_file).cloned().collect()
                };
                prop_assert_eq!(
                    &after,
                    &expected,
                    "the workspace must hold every id of the file{}",
                    if options.remove_missing { " and nobody else" } else { " plus everyone it held" }
                );
                let added: HashSet<&String> = in_file.difference(&ids_before).collect();
                prop_assert_eq!(
                    summary.added as usize,
                    added.len(),
                    "the summary must count the ids that were new"
                );
            }
        }
    }
}
