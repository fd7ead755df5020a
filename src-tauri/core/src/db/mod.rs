//! Opening a workspace file: pragmas, identity check and migrations.
//!
//! Migrations are append-only. All pending ones run in one transaction and
//! `user_version` records how many have run, so a crash mid-upgrade leaves the
//! file exactly as it was. A file whose `user_version` is beyond what this build
//! knows was written by a newer Leadline and is refused untouched.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

/// Reads a text column into an enum by its stored name (`as_str`), and fails
/// on anything else: a value this build does not know means the file was
/// changed outside Leadline, and reading it as some default would hide that.
#[macro_export]
macro_rules! stored_enum {
    ($ty:ty: $($variant:expr),+ $(,)?) => {
        impl rusqlite::types::FromSql for $ty {
            fn column_result(
                value: rusqlite::types::ValueRef<'_>,
            ) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                [$($variant),+]
                    .into_iter()
                    .find(|v| v.as_str() == text)
                    .ok_or_else(|| {
                        rusqlite::types::FromSqlError::Other(
                            format!(
                                "\"{text}\" is not a {} this version of Leadline knows",
                                stringify!($ty)
                            )
                            .into(),
                        )
                    })
            }
        }
    };
}

/// Written into the SQLite header so that any other SQLite file is recognised as
/// "not a Leadline workspace" instead of being migrated into one. ('LDLN')
pub const APPLICATION_ID: i64 = 0x4C44_4C4E;

mod migrations;
pub use migrations::MIGRATIONS;

pub fn schema_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// SQLite would read "file:…?mode=memory" as a URI and write nowhere; a
/// workspace is always a plain file path.
fn refuse_uri(path: &Path) -> Result<()> {
    if path.to_string_lossy().starts_with("file:") {
        return Err(Error::InvalidInput(format!(
            "{} looks like an SQLite URI; give the workspace as a plain file path",
            path.display()
        )));
    }
    Ok(())
}

/// Whether opening may create a new, empty workspace file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    CreateIfMissing,
    MustExist,
}

pub fn open(path: &Path, mode: OpenMode) -> Result<Connection> {
    if mode == OpenMode::MustExist && !path.exists() {
        return Err(Error::NotFound(format!(
            "workspace file {} does not exist",
            path.display()
        )));
    }
    refuse_uri(path)?;
    if path.is_dir() {
        return Err(Error::NotAWorkspace(format!(
            "{} is a folder, not a workspace file",
            path.display()
        )));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)
        .map_err(|e| Error::NotAWorkspace(format!("cannot open {}: {e}", path.display())))?;
    prepare(conn, &path.display().to_string())
}

/// A fresh private database, for tests and benchmarks.
pub fn open_in_memory() -> Result<Connection> {
    prepare(Connection::open_in_memory()?, ":memory:")
}

fn prepare(mut conn: Connection, label: &str) -> Result<Connection> {
    // Reading the header first turns "file is not a database" into a clear message
    // before any pragma could write to a stranger's file.
    let application_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| Error::NotAWorkspace(format!("{label} is not a Leadline workspace: {e}")))?;
    let user_version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if application_id != 0 && application_id != APPLICATION_ID {
        return Err(Error::NotAWorkspace(format!(
            "{label} is an SQLite file of another application, not a Leadline workspace"
        )));
    }
    if application_id == 0 {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        if tables > 0 {
            return Err(Error::NotAWorkspace(format!(
                "{label} is an SQLite file but not a Leadline workspace"
            )));
        }
    }
    if user_version > schema_version() {
        return Err(Error::NewerVersion {
            found: user_version,
            supported: schema_version(),
        });
    }
    configure(&conn)?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// WAL lets a CLI read while the app writes; `synchronous = NORMAL` is durable
/// against an app crash in WAL mode and only risks the last commit on power
/// loss, a fair trade for interactive editing speed.
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    // In-memory databases answer "memory"; any file must really be in WAL.
    if mode != "wal" && mode != "memory" {
        return Err(Error::Internal(format!(
            "could not switch the workspace to WAL mode (got {mode})"
        )));
    }
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    let foreign_keys: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    let synchronous: i64 = conn.pragma_query_value(None, "synchronous", |r| r.get(0))?;
    if !foreign_keys || synchronous != 1 {
        return Err(Error::Internal(
            "the workspace connection did not accept its settings (foreign_keys, synchronous)"
                .into(),
        ));
    }
    Ok(())
}

/// Begins the one write transaction of a command. `BEGIN IMMEDIATE` takes the
/// write lock before the first read, so the checks that follow see exactly what
/// the write will change, and a second writer waits for the busy timeout
/// instead of failing when a read transaction tries to become a write.
pub fn write(conn: &Connection) -> Result<Transaction<'_>> {
    Ok(Transaction::new_unchecked(
        conn,
        TransactionBehavior::Immediate,
    )?)
}

/// Begins a read transaction, for a view assembled from many queries (a
/// person's page): every read inside it sees the file as it was at the
/// first one, so its parts agree even while another Leadline writes.
/// Dropping it ends it; it never writes.
pub fn read(conn: &Connection) -> Result<Transaction<'_>> {
    Ok(Transaction::new_unchecked(
        conn,
        TransactionBehavior::Deferred,
    )?)
}

/// Writes the whole database as a new file at `path`, which must not exist yet
/// (the CLI builds a new workspace in memory and saves it only once an import
/// has landed, so a refused file leaves nothing behind).
pub fn save_copy(conn: &Connection, path: &Path) -> Result<()> {
    refuse_uri(path)?;
    if path.exists() {
        return Err(Error::FileExists(path.to_path_buf()));
    }
    conn.execute("VACUUM INTO ?1", [path.to_string_lossy()])
        .map_err(|e| {
            Error::io(
                format!("cannot write {}", path.display()),
                std::io::Error::other(e),
            )
        })?;
    Ok(())
}

fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_to(conn, schema_version())
}

/// Runs the migrations up to `target` (used by the schema test to upgrade step
/// by step), all pending ones in one transaction.
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    migrate_steps(conn, MIGRATIONS, target)
}

/// `migrate_to` over a given list of steps, so a test can append a failing one.
fn migrate_steps(conn: &mut Connection, steps: &[&str], target: i64) -> Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current >= target {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read again under the write lock: another process may have upgraded the
    // file between the check above and the lock.
    let current: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current >= target {
        return Ok(());
    }
    for (index, sql) in steps
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(current as usize)
    {
        tx.execute_batch(sql).map_err(|e| {
            Error::Internal(format!(
                "upgrading the workspace to schema {} failed: {e}",
                index + 1
            ))
        })?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests;
