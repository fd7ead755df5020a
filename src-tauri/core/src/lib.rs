//! Leadline's domain and storage. Every rule, query and computation lives here and
//! is tested without a window; the Tauri shell and the CLI are thin callers.
//! Nothing in this crate may depend on Tauri.

pub mod chain;
pub mod dates;
pub mod db;
pub mod demo;
pub mod error;
pub mod export;
pub mod import;
pub mod metrics;
pub mod org;
pub mod overview;
pub mod people;
pub mod placement;
pub mod planner;
pub mod removal;
pub mod reorg;
pub mod scenario;
pub mod settings;
pub mod skills;
pub mod snapshot;
pub mod teams;
pub mod transition;
pub mod undo;
pub mod workspace;

pub use error::{Error, ErrorKind, ErrorReport, Result};
pub use workspace::Workspace;
