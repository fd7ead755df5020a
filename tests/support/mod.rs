//! What the CLI, integrity and command tests share: running the real
//! `leadline` binary on a workspace, and reading what it said.
// Each test binary uses a part of this module; the rest would warn.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

/// `leadline --workspace WORKSPACE ARGS…` without a display, so that a
/// command can never open a window, with nothing on its standard input.
pub fn command(workspace: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_leadline"));
    command
        .arg("--workspace")
        .arg(workspace)
        .args(args)
        .env_remove("DISPLAY")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

pub fn leadline(workspace: &Path, args: &[&str]) -> Output {
    command(workspace, args).output().expect("the binary runs")
}

pub fn spawn(workspace: &Path, args: &[&str]) -> Child {
    command(workspace, args).spawn().expect("the binary starts")
}

/// The standard output of a command that must succeed (else its stderr fails the test).
pub fn succeeds(output: &Output, what: &str) -> String {
    assert!(
        output.status.success(),
        "{what} should succeed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The standard error of a command that must fail.
pub fn fails(output: &Output, what: &str) -> String {
    assert!(
        !output.status.success(),
        "{what} should fail; it printed: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    stderr_of(output)
}

pub fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
