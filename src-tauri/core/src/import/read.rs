//! Reading a file: bytes → decoded text → rows of fields, not yet interpreted.
//! Also where the apostrophe Leadline's own CSV export puts before formula-like
//! cells comes off again.

use std::path::Path;

use super::{problem, Problem};
use crate::error::{Error, Result};
use crate::export::{CSV_COLUMNS, FORMULA_STARTS};

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
    headers.len() >= CSV_COLUMNS.len() && headers.iter().zip(CSV_COLUMNS).all(|(h, c)| h == c)
}

/// Line numbers from byte offsets. The csv reader's own line count is one
/// short after every row ended by CRLF, which most HR exports use (it starts
/// the next row at the LF), so a problem would name the line above it.
struct LineIndex<'a> {
    text: &'a [u8],
    newlines: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        let text = text.as_bytes();
        let newlines = text
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'\n')
            .map(|(i, _)| i)
            .collect();
        LineIndex { text, newlines }
    }

    /// The 1-based line where the row starting at byte `offset` has its first
    /// character (line ends the reader counted into the row are skipped).
    fn at(&self, offset: u64) -> u32 {
        let mut at = offset as usize;
        while at < self.text.len() && matches!(self.text[at], b'\r' | b'\n') {
            at += 1;
        }
        1 + self.newlines.partition_point(|&n| n < at) as u32
    }
}

/// Decodes the file and splits it into the header and the rows of fields. Blank
/// lines are skipped; a cell over `MAX_FIELD_BYTES` refuses the file, naming
/// every line that holds one.
pub fn table_read(bytes: &[u8]) -> Result<Table> {
    let (text, encoding) = decode(bytes)?;
    let delimiter = detect_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let line_of = LineIndex::new(&text);
    let mut records = reader.records();
    let headers = headers_read(records.next())?;
    let leadline_export = is_leadline_export(&headers);
    let mut rows = Vec::new();
    let mut oversized = Vec::new();
    for record in records {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| line_of.at(p.byte())).unwrap_or(0);
            Error::InvalidInput(format!("line {line} cannot be read: {e}"))
        })?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = record.position().map(|p| line_of.at(p.byte())).unwrap_or(0);
        if let Some(too_big) = oversized_cell(&headers, &record, line) {
            oversized.push(too_big);
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

/// The column names from the first record, which must be there and name something.
fn headers_read(
    first: Option<std::result::Result<csv::StringRecord, csv::Error>>,
) -> Result<Vec<String>> {
    let headers: Vec<String> = match first {
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
    Ok(headers)
}

/// The first cell of the record over `MAX_FIELD_BYTES`, as a problem of its line.
fn oversized_cell(headers: &[String], record: &csv::StringRecord, line: u32) -> Option<Problem> {
    let (column, field) = record
        .iter()
        .enumerate()
        .find(|(_, f)| f.len() > MAX_FIELD_BYTES)?;
    let header = headers.get(column).map(String::as_str).unwrap_or("");
    Some(problem(
        Some(line),
        format!(
            "the value in column \"{header}\" is {} bytes long; a cell may hold at most {} bytes",
            field.len(),
            MAX_FIELD_BYTES
        ),
        vec![],
    ))
}

pub(super) fn read_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::io(format!("cannot read {}", path.display()), e))
}

/// Round trips through Leadline's own CSV export: they live here, above the
/// export, because the import is the side that knows the export's format.
#[cfg(test)]
mod tests {
    use super::super::{import_apply, ImportOptions};
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
