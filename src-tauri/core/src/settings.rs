//! Workspace settings stored in the workspace file itself, so a shared file
//! carries its thresholds with it.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// Span thresholds for the metric flags (DESIGN.md: narrow ≤ 2, wide ≥ 15 by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Thresholds {
    /// A manager with at most this many human reports has a narrow span.
    pub narrow_span_max: u32,
    /// A manager with at least this many human reports has a wide span.
    pub wide_span_min: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            narrow_span_max: 2,
            wide_span_min: 15,
        }
    }
}

fn setting_get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

fn setting_set(conn: &Transaction, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

pub fn thresholds_get(conn: &Connection) -> Result<Thresholds> {
    Ok(setting_get(conn, "thresholds")?
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default())
}

pub fn thresholds_set(conn: &Connection, thresholds: Thresholds) -> Result<Thresholds> {
    let Thresholds {
        narrow_span_max,
        wide_span_min,
    } = thresholds;
    if narrow_span_max < 1 || wide_span_min <= narrow_span_max || wide_span_min > 10_000 {
        return Err(Error::InvalidInput(format!(
            "thresholds must satisfy 1 ≤ narrow ({narrow_span_max}) < wide ({wide_span_min}) ≤ 10000"
        )));
    }
    let json = serde_json::to_string(&thresholds).expect("thresholds serialize");
    let tx = crate::db::write(conn)?;
    setting_set(&tx, "thresholds", &json)?;
    tx.commit()?;
    Ok(thresholds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::open_in_memory;

    #[test]
    fn thresholds_default_to_the_design_values_and_are_stored() {
        let conn = open_in_memory().unwrap();
        assert_eq!(
            thresholds_get(&conn).unwrap(),
            Thresholds {
                narrow_span_max: 2,
                wide_span_min: 15
            }
        );
        thresholds_set(
            &conn,
            Thresholds {
                narrow_span_max: 3,
                wide_span_min: 9,
            },
        )
        .unwrap();
        assert_eq!(
            thresholds_get(&conn).unwrap(),
            Thresholds {
                narrow_span_max: 3,
                wide_span_min: 9
            }
        );
    }

    #[test]
    fn inconsistent_thresholds_are_refused() {
        let conn = open_in_memory().unwrap();
        let err = thresholds_set(
            &conn,
            Thresholds {
                narrow_span_max: 5,
                wide_span_min: 5,
            },
        )
        .unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
        assert_eq!(
            thresholds_get(&conn).unwrap(),
            Thresholds::default(),
            "nothing stored"
        );
    }
}
