//! Starts the real app in a real window: Xvfb for a display, tauri-driver in
//! front of WebKitWebDriver, and a WebDriver session (fantoccini) per test.
//! `cargo xtask test` installs the tools and points `TAURI_DRIVER` at the pinned
//! tauri-driver; a missing tool fails the test loudly, never skips it.
//!
//! WebDriver cannot click a native file dialog: the app under test (built with
//! the `e2e` feature) answers its dialogs from a script instead
//! (`LEADLINE_E2E_DIALOGS`, see src-tauri/app/dialogs/script.rs), which
//! `Session::answer_dialog` writes and `Session::dialogs_asked` reads back.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

pub struct Session {
    pub client: Client,
    /// The app's own files (LEADLINE_DATA_DIR), removed with the session.
    data_dir: tempfile::TempDir,
    driver: Child,
    xvfb: Child,
    display: u32,
    name: String,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn free_display() -> u32 {
    (100..400)
        .find(|n| {
            !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
        })
        .expect("a free X display number")
}

pub fn artifacts_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(".e2e-artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

impl Session {
    /// Opens the app on `workspace` (a file path), or on a fresh default workspace.
    pub async fn start(name: &str, args: &[String]) -> Session {
        let driver_path = std::env::var("TAURI_DRIVER")
            .expect("TAURI_DRIVER must name the tauri-driver binary; run the tests through `cargo xtask test`");
        assert!(
            Path::new(&driver_path).exists(),
            "tauri-driver not found at {driver_path}"
        );
        let display = free_display();
        let xvfb = Command::new("Xvfb")
            .args([
                format!(":{display}"),
                "-screen".into(),
                "0".into(),
                "1280x860x24".into(),
                "-nolisten".into(),
                "tcp".into(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb runs (install the xvfb package)");
        let socket = format!("/tmp/.X11-unix/X{display}");
        let waited = Instant::now();
        while !Path::new(&socket).exists() {
            assert!(
                waited.elapsed() < Duration::from_secs(10),
                "Xvfb did not start on :{display}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let data_dir = tempfile::tempdir().unwrap();
        let dialogs = data_dir.path().join("e2e-dialogs");
        std::fs::create_dir_all(&dialogs).unwrap();
        let (port, native_port) = (free_port(), free_port());
        let log =
            std::fs::File::create(artifacts_dir().join(format!("{name}.driver.log"))).unwrap();
        let driver = Command::new(&driver_path)
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("DISPLAY", format!(":{display}"))
            .env("LEADLINE_DATA_DIR", data_dir.path())
            .env("LEADLINE_E2E_DIALOGS", &dialogs)
            .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
            .env("GTK_USE_PORTAL", "0")
            .env("NO_AT_BRIDGE", "1")
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("tauri-driver runs");
        let url = format!("http://127.0.0.1:{port}");
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": env!("CARGO_BIN_EXE_leadline"), "args": args }),
        );
        let started = Instant::now();
        let client = loop {
            match ClientBuilder::native()
                .capabilities(capabilities.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(e) if started.elapsed() < Duration::from_secs(60) => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                Err(e) => panic!("no WebDriver session with the app after 60 s: {e}"),
            }
        };
        let session = Session {
            client,
            data_dir,
            driver,
            xvfb,
            display,
            name: name.to_string(),
        };
        session.wait_for("[data-testid]").await;
        session
    }

    fn dialogs(&self) -> PathBuf {
        self.data_dir.path().join("e2e-dialogs")
    }

    /// The answer of the next file dialog the app opens: a path chosen; for a
    /// save dialog, a folder ending in `/` to keep the suggested name; or ""
    /// to cancel. Answers queue up in order.
    pub fn answer_dialog(&self, answer: &str) {
        self.log(&format!("the next dialog answers {answer:?}"));
        let mut answers = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dialogs().join("answers"))
            .unwrap();
        std::io::Write::write_all(&mut answers, format!("{answer}\n").as_bytes()).unwrap();
    }

    /// Every file dialog the app opened, oldest first: `kind`, `purpose`,
    /// `title`, `directory` (where it opened), `file_name` (suggested), `filter`.
    pub fn dialogs_asked(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(self.dialogs().join("asked.jsonl"))
            .unwrap_or_default()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    }

    fn log(&self, what: &str) {
        eprintln!("[{}] {what}", self.name);
    }

    pub async fn wait_for(&self, css: &str) -> Element {
        self.log(&format!("wait for {css}"));
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{}: no element {css} appeared: {e}", self.name))
    }

    pub async fn click(&self, css: &str) {
        self.log(&format!("click {css}"));
        let element = self.wait_for(css).await;
        // Centre it first: scrolled only just into view, an element at the bottom
        // edge sits under the toasts, as it would for a person.
        let _ = self
            .client
            .execute(
                "arguments[0].scrollIntoView({ block: 'center' });",
                vec![serde_json::to_value(&element).unwrap()],
            )
            .await;
        if let Err(e) = element.click().await {
            self.screenshot("click-failed").await;
            panic!("{}: click on {css}: {e:?}", self.name);
        }
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        let element = self.wait_for(css).await;
        element.clear().await.unwrap();
        element.send_keys(text).await.unwrap();
    }

    /// Finds `text` with the search box `[data-testid=search]` and picks the first
    /// result: every person picker names its options `<search>-result`.
    pub async fn pick(&self, search: &str, text: &str) {
        self.type_into(&format!("[data-testid=\"{search}\"]"), text)
            .await;
        self.click(&format!("[data-testid=\"{search}-result\"]"))
            .await;
    }

    /// The element's text content with white space folded. WebKitWebDriver's own
    /// "visible text" comes back empty for rows of the virtualised lists.
    pub async fn text(&self, css: &str) -> String {
        text_of(&self.wait_for(css).await).await.unwrap_or_default()
    }

    /// Waits until the element's text satisfies `check`, returning the text.
    pub async fn wait_text(&self, css: &str, what: &str, check: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        loop {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                if let Some(text) = text_of(&element).await {
                    if check(text.trim()) {
                        return text.trim().to_string();
                    }
                    if started.elapsed() > Duration::from_secs(20) {
                        self.screenshot("timeout").await;
                        panic!(
                            "{}: {css} never showed {what}; it shows {text:?}",
                            self.name
                        );
                    }
                }
            } else if started.elapsed() > Duration::from_secs(20) {
                self.screenshot("timeout").await;
                panic!("{}: {css} never appeared (waiting for {what})", self.name);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Chooses a value in a `<select>` the way a person's choice reaches the page.
    pub async fn select(&self, css: &str, value: &str) {
        self.set_value(css, value).await;
    }

    /// Sets the value of a `<select>` or an `<input type="date">` and sends the
    /// events a person's choice sends: WebKitWebDriver types into date fields
    /// segment by segment, so typed keys do not give the date typed.
    pub async fn set_value(&self, css: &str, value: &str) {
        self.log(&format!("set {value} in {css}"));
        let element = self.wait_for(css).await;
        let script = "const [el, value] = arguments; el.value = value; \
                      el.dispatchEvent(new Event('input', { bubbles: true })); \
                      el.dispatchEvent(new Event('change', { bubbles: true })); return el.value;";
        let chosen = self
            .client
            .execute(
                script,
                vec![serde_json::to_value(&element).unwrap(), value.into()],
            )
            .await
            .unwrap_or_else(|e| panic!("select {value} in {css}: {e}"));
        assert_eq!(chosen, value, "{css} has no option {value}");
    }

    /// An attribute of the first element matching `css`, once it appears.
    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.wait_for(css).await.attr(name).await.unwrap()
    }

    /// Waits until nothing matches `css` (a dialog closed, a filter applied).
    pub async fn wait_gone(&self, css: &str) {
        self.wait_count(css, 0).await;
    }

    /// Waits until exactly `n` elements match `css`.
    pub async fn wait_count(&self, css: &str, n: usize) {
        let started = Instant::now();
        loop {
            let found = self.count(css).await;
            if found == n {
                return;
            }
            if started.elapsed() > Duration::from_secs(20) {
                self.screenshot("timeout").await;
                panic!("{}: {found} of {css}, not {n}", self.name);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn count(&self, css: &str) -> usize {
        self.log(&format!("count {css}"));
        self.client
            .find_all(Locator::Css(css))
            .await
            .map(|v| v.len())
            .unwrap_or(0)
    }

    pub async fn screenshot(&self, label: &str) -> PathBuf {
        self.log(&format!("screenshot {label}"));
        // The X server's picture, not WebDriver's: WebKitWebDriver's screenshot
        // hangs on some pages, and this shows the window as a person sees it.
        let path = artifacts_dir().join(format!("{}-{label}.png", self.name));
        let status = Command::new("import")
            .args(["-display", &format!(":{}", self.display), "-window", "root"])
            .arg(&path)
            .status();
        if !matches!(status, Ok(s) if s.success()) {
            eprintln!("[{}] screenshot {label} failed: {status:?}", self.name);
        }
        path
    }

    pub async fn stop(mut self) {
        let _ = self.client.clone().close().await;
        self.shutdown();
    }

    fn shutdown(&mut self) {
        // SIGTERM lets tauri-driver stop WebKitWebDriver; SIGKILL would orphan it.
        let _ = Command::new("kill")
            .args(["-TERM", &self.driver.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.driver.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.driver.kill();
        let _ = self.xvfb.kill();
        let _ = self.xvfb.wait();
    }
}

async fn text_of(element: &Element) -> Option<String> {
    let raw = element.prop("textContent").await.ok()??;
    Some(raw.split_whitespace().collect::<Vec<_>>().join(" "))
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.driver.try_wait() {
            self.shutdown();
        }
    }
}
