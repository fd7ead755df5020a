//! Installing what the commands need: Debian packages, the UI's npm packages
//! and a pinned tauri-driver.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{sh, step, Result};

/// What building and running a Tauri app on Debian/Ubuntu needs.
pub const APP_PACKAGES: &[&str] = &[
    "libwebkit2gtk-4.1-dev",
    "build-essential",
    "file",
    "libxdo-dev",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "pkg-config",
];

/// What the end-to-end tests need: a virtual display, WebKit's WebDriver and
/// ImageMagick's `import` for screenshots of the display.
pub const TEST_PACKAGES: &[&str] = &["webkit2gtk-driver", "xvfb", "xauth", "imagemagick"];

const TAURI_DRIVER_VERSION: &str = "2.1.0";

fn missing_packages(packages: &[&str]) -> Vec<String> {
    packages
        .iter()
        .filter(|p| {
            let out = Command::new("dpkg-query").args(["-W", "-f=${Status}", p]).output();
            !matches!(out, Ok(o) if String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        })
        .map(|p| p.to_string())
        .collect()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn sudo_without_password() -> bool {
    Command::new("sudo")
        .args(["-n", "true"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// Installs missing Debian packages through apt when it can (root, or sudo
/// without a password); otherwise says the exact command and stops.
pub fn system_packages(packages: &[&str]) -> Result {
    if Command::new("dpkg-query")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!(
            "note: not a Debian/Ubuntu system; make sure the equivalents of {} are installed",
            packages.join(" ")
        );
        return Ok(());
    }
    let missing = missing_packages(packages);
    if missing.is_empty() {
        return Ok(());
    }
    let list = missing.join(" ");
    let prefix: &[&str] = if is_root() {
        &[]
    } else if sudo_without_password() {
        &["sudo", "-n"]
    } else {
        return Err(format!(
            "these system packages are missing: {list}\ninstall them, then run this command again:\n\n    sudo apt-get update && sudo apt-get install -y {list}\n"
        ));
    };
    step(&format!("installing system packages: {list}"));
    let run = |args: &[&str]| -> Result {
        let mut all: Vec<&str> = prefix.to_vec();
        all.extend_from_slice(args);
        let status = Command::new(all[0])
            .args(&all[1..])
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status()
            .map_err(|e| format!("cannot run apt-get: {e}"))?;
        status
            .success()
            .then_some(())
            .ok_or_else(|| format!("`{}` failed", all.join(" ")))
    };
    run(&["apt-get", "update", "-q"])?;
    let mut install = vec!["apt-get", "install", "-y", "-q", "--no-install-recommends"];
    install.extend(missing.iter().map(String::as_str));
    run(&install)
}

pub fn require_node() -> Result {
    let out = Command::new("node").arg("--version").output().map_err(|_| {
        "Node.js is not installed: install Node.js 20 or newer (with npm), then run this command again".to_string()
    })?;
    let version = String::from_utf8_lossy(&out.stdout)
        .trim()
        .trim_start_matches('v')
        .to_string();
    let major: u32 = version
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major < 20 {
        return Err(format!(
            "Node.js {version} is too old: Leadline's UI needs Node.js 20 or newer"
        ));
    }
    Ok(())
}

/// `npm ci` when node_modules is missing or older than the lockfile.
pub fn npm_install(ui: &Path) -> Result {
    let lock = ui.join("package-lock.json");
    let installed = ui.join("node_modules/.package-lock.json");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let fresh = matches!((modified(&lock), modified(&installed)), (Some(l), Some(i)) if i >= l);
    if fresh {
        return Ok(());
    }
    step("installing the UI's npm packages (npm ci)");
    sh(ui, "npm", &["ci", "--no-audit", "--no-fund"])
}

/// A pinned tauri-driver, installed once into target/tools.
pub fn tauri_driver(root: &Path) -> Result<PathBuf> {
    let tools = root.join("target/tools");
    let binary = tools.join("bin/tauri-driver");
    // tauri-driver has no --version; cargo's record of what it installed tells.
    let version_ok = binary.exists()
        && Command::new("cargo")
            .args(["install", "--list", "--root"])
            .arg(&tools)
            .output()
            .map(|o| {
                String::from_utf8_lossy(&o.stdout)
                    .contains(&format!("tauri-driver v{TAURI_DRIVER_VERSION}:"))
            })
            .unwrap_or(false);
    if !version_ok {
        step(&format!("installing tauri-driver {TAURI_DRIVER_VERSION}"));
        let tools_arg = tools.display().to_string();
        sh(
            root,
            "cargo",
            &[
                "install",
                "--locked",
                "--quiet",
                "--root",
                &tools_arg,
                "--version",
                TAURI_DRIVER_VERSION,
                "tauri-driver",
            ],
        )?;
    }
    Ok(binary)
}
