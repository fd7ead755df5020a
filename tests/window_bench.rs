//! Run by `cargo xtask bench`: the org chart's first paint in the real window for
//! a 100,000-person org, against the same measurement for a one-person org taken
//! in the same run (the machine is shared; only the ratio is stable).

#[path = "e2e/harness.rs"]
#[allow(dead_code)] // the bench uses only part of the harness
mod harness;

use std::time::Duration;

use harness::Session;
use leadline_core::db::OpenMode;
use leadline_core::import::{import_apply, ImportOptions};
use leadline_core::Workspace;

/// Clicks the org chart's tab from inside the page and resolves when the first
/// chart node has been painted (two animation frames after it exists).
const MEASURE: &str = r#"
const done = arguments[arguments.length - 1];
const start = performance.now();
document.querySelector('[data-testid="nav-org"]').click();
function poll() {
  if (document.querySelector('[data-testid="org-node"]')) {
    requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start)));
  } else if (performance.now() - start > 30000) {
    done(-1);
  } else {
    requestAnimationFrame(poll);
  }
}
poll();
"#;

async fn first_paint(name: &str, people: usize) -> f64 {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{name}.leadline"));
    {
        let mut ws = Workspace::open(&path, OpenMode::CreateIfMissing).unwrap();
        let csv = leadline_core::demo::synthetic_org_csv(people, 42);
        import_apply(
            ws.conn_mut(),
            csv.as_bytes(),
            &ImportOptions::default(),
            &mut |_| {},
        )
        .unwrap();
    }
    let session = Session::start(name, &["--workspace".into(), path.display().to_string()]).await;
    session.wait_for("[data-testid=\"nav-org\"]").await;
    // Let start-up settle so the figure is the chart's, not the app's start.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let ms = session
        .client
        .execute_async(MEASURE, vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    session.screenshot("org-chart").await;
    session.stop().await;
    assert!(ms >= 0.0, "the org chart of {people} people never painted");
    ms
}

#[tokio::test]
async fn org_chart_first_paint() {
    let small = first_paint("bench-1", 1).await;
    let large = first_paint("bench-100k", 100_000).await;
    println!("\norg chart first paint in the real window");
    println!("  1-person org (baseline)  {small:.0} ms");
    println!(
        "  100,000-person org       {large:.0} ms  = {:.2}× baseline (target ≤ 1000 ms)",
        large / small.max(1.0)
    );
}
