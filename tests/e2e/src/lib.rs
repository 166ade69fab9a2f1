//! Drives the real Handshake window: Xvfb for a display, `tauri-driver` (which
//! starts Debian's `WebKitWebDriver`) for WebDriver, and the built
//! `handshake-app` binary.
//!
//! Every wait here is bounded: a test that cannot reach the window fails with
//! a message that says which part did not come up, instead of hanging CI.

use std::net::{SocketAddr, TcpStream};
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use nix::sys::signal::{Signal, kill, killpg};
use nix::unistd::Pid;

/// How long any part (display, driver, window, element) may take to appear.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// A running app window under a private X display.
#[derive(Debug)]
pub struct Desktop {
    /// The WebDriver session attached to the app's webview.
    pub client: Client,
    processes: Processes,
    // One window at a time: two WebKit windows on two cores make both flaky.
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

/// The display and the driver, stopped when dropped — also when a test
/// fails halfway through starting them.
#[derive(Debug)]
struct Processes {
    driver: Option<Child>,
    xvfb: Child,
    /// The window's private home, removed once the processes are stopped.
    home: tempfile::TempDir,
}

impl Drop for Processes {
    // A failed assertion skips `close`; never leave processes behind, or the
    // orphaned WebKitWebDriver holds the test's output open.
    fn drop(&mut self) {
        if let Some(driver) = &mut self.driver {
            stop(driver);
        }
        stop(&mut self.xvfb);
    }
}

static TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

impl Desktop {
    /// Starts a display, the WebDriver bridge and the app with `args`, and
    /// waits until the UI has mounted.
    pub async fn launch(args: &[&str]) -> Desktop {
        Desktop::launch_with_env(args, &[]).await
    }

    /// [`Desktop::launch`] with extra environment variables for the app
    /// (e.g. private `XDG_DATA_HOME`/`XDG_CONFIG_HOME`, so the development
    /// CA and the settings of a test never touch the user's own).
    pub async fn launch_with_env(args: &[&str], env: &[(&str, &Path)]) -> Desktop {
        let turn = TURN.lock().await;
        let app = app_binary();
        // A fresh home per window: settings and the development CA of one
        // test never leak into the next, or into the user's own.
        let scratch = tempfile::Builder::new()
            .prefix("handshake-e2e-home-")
            .tempdir()
            .expect("a home folder");
        let home = scratch.path().to_owned();
        let (xvfb, display) = handshake_testkit::display::xvfb();
        let mut processes = Processes {
            driver: None,
            xvfb,
            home: scratch,
        };
        let port = free_port();
        let native_port = free_port();
        processes.driver = Some(
            Command::new(tauri_driver())
                .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
                // Leading a group of its own, with the WebKitWebDriver it starts.
                .process_group(0)
                .env("DISPLAY", format!(":{display}"))
                .env("XDG_CONFIG_HOME", home.join("config"))
                .env("XDG_DATA_HOME", home.join("data"))
                .envs(env.iter().copied())
                .stdout(Stdio::null())
                .stderr(Stdio::inherit())
                .spawn()
                .unwrap_or_else(|error| panic!("could not start tauri-driver ({error}); install it with `cargo install tauri-driver --locked`")),
        );
        wait_for_port(port, "tauri-driver");

        let mut capabilities = Capabilities::new();
        capabilities.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app, "args": args }),
        );
        capabilities.insert("browserName".into(), "wry".into());
        // The driver may accept connections a moment before it serves them.
        let mut attempts = 0;
        let client = loop {
            attempts += 1;
            // Bounded: a window that never comes up fails the test instead
            // of holding every later one in line.
            let Ok(connected) = tokio::time::timeout(
                PATIENCE,
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(capabilities.clone())
                    .connect(&format!("http://127.0.0.1:{port}")),
            )
            .await
            else {
                panic!(
                    "the window of {} did not come up within {PATIENCE:?}",
                    app.display()
                )
            };
            match connected {
                Ok(client) => break client,
                Err(error) if attempts >= 5 => {
                    panic!("WebDriver session with {} failed: {error}", app.display())
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(500)).await,
            }
        };
        let desktop = Desktop {
            client,
            processes,
            _turn: turn,
        };
        desktop.find("#app nav").await;
        desktop
    }

    /// Waits for the element matching `css`.
    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|error| panic!("no element {css} within {PATIENCE:?}: {error}"))
    }

    /// Waits until the element matching `css` has text for which `accept`
    /// holds, and returns that text.
    pub async fn text_of(&self, css: &str, accept: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Ok(element) = self.client.find(Locator::Css(css)).await
                && let Ok(text) = element.text().await
            {
                if accept(&text) {
                    return text;
                }
                last = text;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{css} never showed the expected text within {PATIENCE:?}; last seen: {last:?}");
    }

    /// Clicks the element matching `css`.
    pub async fn click(&self, css: &str) {
        self.find(css)
            .await
            .click()
            .await
            .unwrap_or_else(|error| panic!("clicking {css}: {error}"));
    }

    /// Replaces the text of the input matching `css` with `text`.
    pub async fn type_into(&self, css: &str, text: &str) {
        let field = self.find(css).await;
        field
            .clear()
            .await
            .unwrap_or_else(|error| panic!("clearing {css}: {error}"));
        // WebDriver refuses to type nothing: an empty text only clears.
        if text.is_empty() {
            return;
        }
        field
            .send_keys(text)
            .await
            .unwrap_or_else(|error| panic!("typing into {css}: {error}"));
    }

    /// Saves a PNG of the window under `artifacts/NAME.png` and returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        // WebKit snapshots what it paints next, and drawing on the CPU (as
        // the app has it, src-tauri/src/main.rs) it paints only what
        // changed: an idle page would never answer. So one transparent
        // pixel changes every frame until the picture is taken (at most
        // 10 s); the two frames waited first let the picture show the DOM
        // the test just asserted on.
        self.client
            .execute_async(
                "const done = arguments[0];
                 const pixel = document.createElement('div');
                 pixel.id = 'handshake-e2e-repaint';
                 pixel.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none';
                 document.body.append(pixel);
                 const until = performance.now() + 10000;
                 let odd = false;
                 const tick = () => {
                   if (!pixel.isConnected || performance.now() > until) return pixel.remove();
                   odd = !odd;
                   pixel.style.background = odd ? 'rgba(0,0,0,0.004)' : 'transparent';
                   requestAnimationFrame(tick);
                 };
                 requestAnimationFrame(() => requestAnimationFrame(() => { tick(); done(); }));",
                vec![],
            )
            .await
            .unwrap_or_else(|error| panic!("waiting for a paint: {error}"));
        let png = self.client.screenshot().await;
        self.client
            .execute(
                "document.getElementById('handshake-e2e-repaint')?.remove()",
                vec![],
            )
            .await
            .unwrap_or_else(|error| panic!("ending the repaint: {error}"));
        let png = png.unwrap_or_else(|error| panic!("screenshot failed: {error}"));
        let dir = artifacts_dir();
        std::fs::create_dir_all(&dir)
            .unwrap_or_else(|error| panic!("creating {}: {error}", dir.display()));
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png)
            .unwrap_or_else(|error| panic!("writing {}: {error}", path.display()));
        path
    }

    /// [`Desktop::screenshot`], also kept as `docs/screenshots/{shown}.png`
    /// for the README: taken from the real window by every run, so the
    /// pictures the README shows are the product as it is (commit them
    /// when they change).
    pub async fn screenshot_for_readme(&self, name: &str, shown: &str) -> PathBuf {
        let path = self.screenshot(name).await;
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots");
        std::fs::create_dir_all(&dir)
            .unwrap_or_else(|error| panic!("creating {}: {error}", dir.display()));
        let kept = dir.join(format!("{shown}.png"));
        std::fs::copy(&path, &kept)
            .unwrap_or_else(|error| panic!("copying to {}: {error}", kept.display()));
        path
    }

    /// Scrolls the element at `css` to the middle of the window (for a
    /// screenshot of what lies below the fold).
    pub async fn scroll_to(&self, css: &str) {
        self.find(css).await;
        self.client
            .execute(
                "document.querySelector(arguments[0]).scrollIntoView({block: 'center'})",
                vec![serde_json::json!(css)],
            )
            .await
            .unwrap_or_else(|error| panic!("scrolling to {css}: {error}"));
    }

    /// Picks `value` in the `<select>` at `css`.
    pub async fn select(&self, css: &str, value: &str) {
        self.find(css)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|error| panic!("selecting {value} in {css}: {error}"));
    }

    /// Asserts that the window shows none of its English words: every
    /// word of the step (headings, body, buttons, labels, the step rail,
    /// placeholders, titles and ARIA labels) is in the language chosen.
    /// Server words and code stay verbatim and are not among them.
    pub async fn assert_no_english(&self, step: &str) {
        let left = self.english_shown().await;
        assert!(
            left.is_empty(),
            "{step}: English left in the window: {left:?}"
        );
    }

    /// The window's own English words it shows now: a phrase anywhere in
    /// its text or an attribute, a one-word label as the whole text of an
    /// element or attribute.
    pub async fn english_shown(&self) -> Vec<String> {
        let shown = self
            .client
            .execute(
                r##"const app = document.querySelector("#app");
                const texts = [app.innerText];
                for (const element of app.querySelectorAll("*")) {
                  for (const name of ["placeholder", "title", "aria-label", "alt"]) {
                    const value = element.getAttribute(name);
                    if (value) texts.push(value.trim());
                  }
                  if (element.offsetParent !== null && element.innerText) {
                    texts.push(element.innerText.trim());
                  }
                }
                return texts;"##,
                vec![],
            )
            .await
            .unwrap_or_else(|error| panic!("reading the window's text: {error}"));
        let texts: Vec<&str> = shown
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(serde_json::Value::as_str)
            .collect();
        let words = EnglishWords::of_the_window();
        let mut left: Vec<String> = words
            .phrases
            .into_iter()
            .filter(|phrase| texts.iter().any(|text| text.contains(phrase.as_str())))
            .chain(
                words
                    .labels
                    .into_iter()
                    .filter(|label| texts.contains(&label.as_str())),
            )
            .collect();
        left.sort();
        left.dedup();
        left
    }

    /// Ends the session and stops the driver and the display.
    /// Panics when any file the window wrote in its private home
    /// (settings, the development CA, WebKit's storage) holds `secret`:
    /// a password typed into the window is used, never kept.
    pub fn assert_kept_nowhere(&self, secret: &str) {
        let mut kept = Vec::new();
        let mut folders = vec![self.processes.home.path().to_owned()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
                let path = entry.path();
                match entry.file_type() {
                    Ok(kind) if kind.is_dir() => folders.push(path),
                    Ok(kind) if kind.is_file() => {
                        let bytes = std::fs::read(&path).unwrap_or_default();
                        if bytes
                            .windows(secret.len())
                            .any(|window| window == secret.as_bytes())
                        {
                            kept.push(path);
                        }
                    }
                    _ => {}
                }
            }
        }
        assert!(
            kept.is_empty(),
            "a secret typed into the window was kept in {kept:?}"
        );
    }

    pub async fn close(self) {
        let _ = self.client.clone().close().await;
        drop(self.processes);
    }
}

/// The English words of every catalogue the window shows — its own
/// (`ui.ftl`) and the findings, errors, report and log words it renders —
/// as the runs of text between placeables (select variants included):
/// phrases of two words or more, and one-word labels. A run the Korean
/// message of the same id keeps as it is (a product name, a protocol) is
/// not English left over; an untranslated message as a whole is caught by
/// the core's catalogue test.
#[derive(Debug)]
pub struct EnglishWords {
    pub phrases: Vec<String>,
    pub labels: Vec<String>,
}

impl EnglishWords {
    pub fn of_the_window() -> EnglishWords {
        let mut words = EnglishWords {
            phrases: Vec::new(),
            labels: Vec::new(),
        };
        for file in ["ui", "findings", "errors", "report", "logs"] {
            let korean = runs_by_id(file, "ko");
            for (id, runs) in runs_by_id(file, "en") {
                let kept = korean
                    .get(&id)
                    .map(|runs| runs.join("\n"))
                    .unwrap_or_default();
                for run in runs {
                    if kept.contains(run.as_str()) {
                        continue;
                    }
                    if run.contains(' ') {
                        words.phrases.push(run);
                    } else if run.starts_with(|c: char| c.is_ascii_uppercase())
                        && run.chars().filter(char::is_ascii_alphabetic).count() >= 3
                    {
                        // A label (a button, a heading, a field's name); a
                        // lower-case word alone may be a value shown as is.
                        words.labels.push(run);
                    }
                }
            }
        }
        words
    }
}

/// Each message's and attribute's runs of text in `language`'s `file`, by
/// id (`id`, `id.attribute`).
fn runs_by_id(file: &str, language: &str) -> std::collections::BTreeMap<String, Vec<String>> {
    use fluent_syntax::ast;
    fn runs(pattern: &ast::Pattern<String>, out: &mut Vec<String>) {
        let end = |run: &mut String, out: &mut Vec<String>| {
            // Punctuation stays: "Development CA:" is the label, not the
            // CA's own name "Handshake Development CA (…)" shown as data.
            let trimmed = run.trim();
            if trimmed.chars().any(|c| c.is_ascii_alphabetic()) {
                out.push(trimmed.to_owned());
            }
            run.clear();
        };
        let mut run = String::new();
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => {
                    // A line of its own is a run of its own.
                    for (index, line) in value.split('\n').enumerate() {
                        if index > 0 {
                            end(&mut run, out);
                        }
                        run.push_str(line);
                    }
                }
                ast::PatternElement::Placeable {
                    expression: ast::Expression::Select { variants, .. },
                } => {
                    end(&mut run, out);
                    for variant in variants {
                        runs(&variant.value, out);
                    }
                }
                ast::PatternElement::Placeable { .. } => end(&mut run, out),
            }
        }
        end(&mut run, out);
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("../../crates/core/locales/{language}/{file}.ftl"));
    let source = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
    let mut by_id = std::collections::BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(message) = entry {
            let id = message.id.name;
            if let Some(value) = &message.value {
                let mut out = Vec::new();
                runs(value, &mut out);
                by_id.insert(id.clone(), out);
            }
            for attribute in &message.attributes {
                let mut out = Vec::new();
                runs(&attribute.value, &mut out);
                by_id.insert(format!("{id}.{}", attribute.id.name), out);
            }
        }
    }
    by_id
}

/// Where screenshots go: `tests/e2e/artifacts/`.
pub fn artifacts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts")
}

/// The app binary: `HANDSHAKE_APP`, or `handshake-app` beside this test's
/// own target directory.
fn app_binary() -> PathBuf {
    built("handshake-app", "handshake-app", "HANDSHAKE_APP")
}

/// The command line built beside the app (`target/<profile>/handshake`),
/// or `HANDSHAKE_CLI`: what a colleague runs to save a report the window
/// opens.
pub fn cli_binary() -> PathBuf {
    built("handshake", "handshake-cli", "HANDSHAKE_CLI")
}

/// The program `name` (of `package`) built beside this test, or the one
/// `variable` names.
fn built(name: &str, package: &str, variable: &str) -> PathBuf {
    if let Some(path) = std::env::var_os(variable) {
        return PathBuf::from(path);
    }
    let exe = std::env::current_exe().unwrap_or_else(|error| panic!("current_exe: {error}"));
    // target/<profile>/deps/it-<hash> → target/<profile>/<name>
    let candidate = exe
        .parent()
        .and_then(Path::parent)
        .map(|profile| profile.join(name))
        .unwrap_or_default();
    assert!(
        candidate.is_file(),
        "{name} is not built at {}: run `./dev test`, or `cargo build -p {package}` first (or set {variable})",
        candidate.display()
    );
    candidate
}

fn tauri_driver() -> PathBuf {
    std::env::var_os("TAURI_DRIVER").map_or_else(|| PathBuf::from("tauri-driver"), PathBuf::from)
}

/// A port from the test kit's reserved range: one bound and let go in the
/// kernel's ephemeral range could be taken by a stub's `bind(…:0)` before
/// the driver binds it.
fn free_port() -> u16 {
    handshake_testkit::servers::free_port()
}

fn wait_for_port(port: u16, what: &str) {
    let address = SocketAddr::from(([127, 0, 0, 1], port));
    let deadline = Instant::now() + PATIENCE;
    while Instant::now() < deadline {
        if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{what} did not listen on port {port} within {PATIENCE:?}");
}

/// SIGTERM, then a bounded wait, then SIGKILL to the child's whole process
/// group (each is spawned leading one): tauri-driver must get SIGTERM so it
/// can stop the WebKitWebDriver it started, and whatever it leaves goes
/// with the group.
fn stop(child: &mut Child) {
    let group = i32::try_from(child.id()).ok().map(Pid::from_raw);
    if !matches!(child.try_wait(), Ok(Some(_))) {
        if let Some(pid) = group {
            let _ = kill(pid, Signal::SIGTERM);
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline && !matches!(child.try_wait(), Ok(Some(_))) {
            std::thread::sleep(Duration::from_millis(25));
        }
    }
    if let Some(group) = group {
        let _ = killpg(group, Signal::SIGKILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}
