//! The one error type of the core. The UI receives `{ kind, message }` and
//! branches on `kind`; the message is for people and may change wording freely.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    InvalidInput(String),
    #[error("{0}")]
    Cycle(String),
    #[error("{0}")]
    Conflict(String),
    #[error(
        "this workspace was written by a newer version of Leadline (schema {found}, this version reads up to {supported}); update Leadline to open it"
    )]
    NewerVersion { found: i64, supported: i64 },
    #[error("{0}")]
    NotAWorkspace(String),
    /// A command that needs a workspace ran while none is open.
    #[error("no workspace is open: create or open one first")]
    NoWorkspace,
    /// Leadline itself failed (a background task, a setting SQLite refused, an
    /// upgrade step): not something the user's input can fix.
    #[error("{0}")]
    Internal(String),
    /// Another process holds the write lock for longer than the busy timeout.
    #[error("the workspace is busy (another Leadline is writing); try again")]
    Busy,
    /// A file would be overwritten and that was not asked for.
    #[error("{} already exists; choose another name or confirm overwriting it", .0.display())]
    FileExists(std::path::PathBuf),
    /// A write that loses a lot of data (a mass removal) needs an explicit yes.
    #[error("{0}")]
    NeedsConfirmation(String),
    /// The import file has problems; nothing was written. Each problem names its line.
    #[error("the file was not imported, nothing changed: {count} problem(s) found\n{summary}", count = .0.len(), summary = problems_summary(.0))]
    ImportInvalid(Vec<Problem>),
    /// A framework document with problems; each names where it is.
    #[error("the framework was not saved, nothing changed: {}", .0.join("; "))]
    FrameworkInvalid(Vec<String>),
    #[error("database error: {0}")]
    Database(rusqlite::Error),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

impl From<rusqlite::Error> for Error {
    /// SQLITE_BUSY after the busy timeout means another process is writing:
    /// that is worth its own kind, so the UI can say "try again" instead of
    /// showing a database error.
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                Error::Busy
            }
            _ => Error::Database(error),
        }
    }
}

/// What went wrong, as a stable machine-readable tag for the UI and scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorKind {
    NotFound,
    InvalidInput,
    Cycle,
    Conflict,
    NewerVersion,
    NotAWorkspace,
    NoWorkspace,
    Internal,
    Busy,
    FileExists,
    NeedsConfirmation,
    ImportInvalid,
    FrameworkInvalid,
    Database,
    Io,
}

impl Error {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::InvalidInput(_) => ErrorKind::InvalidInput,
            Error::Cycle(_) => ErrorKind::Cycle,
            Error::Conflict(_) => ErrorKind::Conflict,
            Error::NewerVersion { .. } => ErrorKind::NewerVersion,
            Error::NotAWorkspace(_) => ErrorKind::NotAWorkspace,
            Error::NoWorkspace => ErrorKind::NoWorkspace,
            Error::Internal(_) => ErrorKind::Internal,
            Error::Busy => ErrorKind::Busy,
            Error::FileExists(_) => ErrorKind::FileExists,
            Error::NeedsConfirmation(_) => ErrorKind::NeedsConfirmation,
            Error::ImportInvalid(_) => ErrorKind::ImportInvalid,
            Error::FrameworkInvalid(_) => ErrorKind::FrameworkInvalid,
            Error::Database(_) => ErrorKind::Database,
            Error::Io { .. } => ErrorKind::Io,
        }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}

/// An error as the UI and `--json` scripts receive it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ErrorReport {
    pub kind: ErrorKind,
    pub message: String,
    /// For `import_invalid` and `framework_invalid`: every problem of the file.
    pub problems: Vec<Problem>,
}

impl From<&Error> for ErrorReport {
    fn from(error: &Error) -> Self {
        let problems = match error {
            Error::ImportInvalid(problems) => problems.clone(),
            Error::FrameworkInvalid(problems) => problems
                .iter()
                .map(|message| Problem {
                    line: None,
                    message: message.clone(),
                    people: vec![],
                })
                .collect(),
            _ => Vec::new(),
        };
        ErrorReport {
            kind: error.kind(),
            message: error.to_string(),
            problems,
        }
    }
}

/// One problem found in the file, with the line it is on (1-based, the header is
/// line 1) and the people involved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Problem {
    pub line: Option<u32>,
    pub message: String,
    pub people: Vec<String>,
}

/// The problems as lines of text, for messages on the command line.
pub fn problems_summary(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| match p.line {
            Some(line) => format!("  line {line}: {}", p.message),
            None => format!("  {}", p.message),
        })
        .collect::<Vec<_>>()
        .join("\n")
}
