//! Real browsers, headless: Debian's `chromium` and `firefox-esr`, each in a
//! throwaway home of the test's (its own `~/.pki/nssdb`, its own Firefox
//! profile), never the machine's. No driver: the test serves a page on
//! loopback that runs `new WebSocket(url)` and posts what happened back to
//! the same server, the way a web app's own page meets the endpoint.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

use crate::Scratch;
use crate::process::Group;

/// Which browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Browser {
    /// Debian's Chromium.
    Chromium,
    /// Debian's Firefox ESR.
    Firefox,
}

impl Browser {
    pub const ALL: [Browser; 2] = [Browser::Chromium, Browser::Firefox];
}

/// A throwaway user's home folder, removed when dropped.
pub struct Home {
    dir: Scratch,
}

impl Home {
    pub fn new() -> Home {
        let home = Home {
            dir: Scratch::new("browser-home"),
        };
        let profile = home.firefox_profile();
        std::fs::create_dir_all(&profile).expect("Firefox profile folder");
        std::fs::write(profile.join("user.js"), FIREFOX_PREFS).expect("user.js");
        home
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// The Firefox profile, where Firefox keeps profiles on Linux (so
    /// `handshake trust` finds it as it finds a user's).
    pub fn firefox_profile(&self) -> PathBuf {
        self.dir.join(".mozilla/firefox/handshake.test")
    }

    /// A program that opens its argument (a URL) in `browser`, headless, in
    /// this home — what `handshake check --browser PROGRAM` is given in the
    /// tests. At most a minute: [`Home::stop_browsers`] ends it sooner.
    pub fn launcher(&self, browser: Browser) -> PathBuf {
        let command = self::command(browser, self, "URL");
        let mut words: Vec<String> = vec![command.get_program().to_string_lossy().into_owned()];
        words.extend(
            command
                .get_args()
                .map(|arg| arg.to_string_lossy().into_owned())
                .filter(|arg| arg != "URL"),
        );
        let quoted: Vec<String> = words.iter().map(|word| format!("'{word}'")).collect();
        let script = format!(
            "#!/bin/sh\nHOME='{}'\nexport HOME\nexec timeout 60 {} \"$@\"\n",
            self.path().display(),
            quoted.join(" ")
        );
        let path = self
            .path()
            .join(format!("open-in-{browser:?}").to_lowercase());
        std::fs::write(&path, script).expect("launcher");
        let mut permissions = std::fs::metadata(&path).expect("launcher").permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
        std::fs::set_permissions(&path, permissions).expect("launcher mode");
        path
    }

    /// Stops the browsers started from this home (by a launcher), and
    /// waits until they are gone (at most 10 s). Only the browsers: their
    /// command lines name this home's profiles, a server's names its files.
    pub fn stop_browsers(&self) {
        let pattern = format!(
            "{}|{}",
            self.path().join(".config/chromium").display(),
            self.firefox_profile().display()
        );
        let _ = Command::new("pkill")
            .args(["-KILL", "-f", &pattern])
            .status();
        for _ in 0..500 {
            let left = Command::new("pgrep").args(["-f", &pattern]).output();
            if left.is_ok_and(|out| out.stdout.is_empty()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// A certificate for `localhost` and 127.0.0.1 from this home user's
    /// development CA, made as a user makes it (`handshake generate nginx
    /// --dev-ca`, with the `handshake` binary given): the chain, the key and
    /// the CA certificate files.
    pub fn dev_ca_certificate(&self, handshake: &Path) -> DevCertificate {
        let fix = self.path().join("fix");
        let output = Command::new(handshake)
            .args([
                "generate",
                "nginx",
                "--dev-ca",
                "--host",
                "localhost",
                "--host",
                "127.0.0.1",
            ])
            .args(["--upstream", "http://127.0.0.1:8080", "--out"])
            .arg(&fix)
            .env("HOME", self.path())
            .env_remove("XDG_DATA_HOME")
            .env("LANG", "C.UTF-8")
            .output()
            .expect("handshake runs");
        assert!(
            output.status.success(),
            "handshake generate: {}",
            String::from_utf8_lossy(&output.stdout)
        );
        DevCertificate {
            chain: fix.join("fullchain.pem"),
            key: fix.join("privkey.pem"),
            ca: self
                .path()
                .join(".local/share/handshake/handshake-dev-ca.pem"),
        }
    }

    /// Makes the Firefox profile's certificate database, as Firefox's first
    /// start does (for a test that needs it before Firefox has run).
    pub fn make_firefox_database(&self) {
        certutil(&self.firefox_profile(), &["-N", "--empty-password"]);
    }

    /// Trusts `ca` (a PEM file) in Chromium's database of this home, with
    /// NSS's own `certutil`, as a user or mkcert would — not through
    /// Handshake, for a judge that must not lean on it.
    pub fn trust_in_chromium(&self, ca: &Path) {
        let db = self.path().join(".pki/nssdb");
        std::fs::create_dir_all(&db).expect("nssdb folder");
        certutil(&db, &["-N", "--empty-password"]);
        let file = ca.display().to_string();
        certutil(&db, &["-A", "-t", "C,,", "-n", "judge-ca", "-i", &file]);
    }
}

/// `certutil -d sql:DB ARGS…`, which must succeed.
fn certutil(db: &Path, args: &[&str]) {
    let made = Command::new("certutil")
        .arg("-d")
        .arg(format!("sql:{}", db.display()))
        .args(args)
        .output()
        .expect("certutil runs (apt-get install libnss3-tools)");
    assert!(
        made.status.success(),
        "certutil {args:?}: {}",
        String::from_utf8_lossy(&made.stderr)
    );
}

/// A server certificate from a home's development CA, as PEM files.
pub struct DevCertificate {
    /// The leaf and the CA, leaf first.
    pub chain: PathBuf,
    /// The leaf's key.
    pub key: PathBuf,
    /// The CA certificate (what `--ca` and the trust stores take).
    pub ca: PathBuf,
}

/// Where the page that opens the WebSocket comes from.
pub enum Origin<'a> {
    /// `http://127.0.0.1:PORT`.
    Http,
    /// `https://localhost:PORT`, with this certificate chain and key (PEM
    /// files) — one the browser must trust.
    Https { chain: &'a Path, key: &'a Path },
}

/// A name both browsers resolve to 127.0.0.1 without any DNS server (a
/// host that is not loopback by name).
pub const OTHER_HOST: &str = "handshake.test";

impl Drop for Home {
    // A browser still shutting down writes its profile (Local State,
    // Preferences) after the folder is gone: it is stopped first.
    fn drop(&mut self) {
        self.stop_browsers();
    }
}

impl Default for Home {
    fn default() -> Home {
        Home::new()
    }
}

/// What the page's `new WebSocket(url)` came to: the first of the open
/// socket's first message, its close event, or the constructor's exception,
/// as the page saw it.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub report: serde_json::Value,
    /// The browser that reported it (and only the test kit makes one).
    browser: Browser,
}

impl Outcome {
    /// Proof, for the coverage check, that this came from the real
    /// browser's page and console.
    pub fn live(&self) -> crate::coverage::Live<'_> {
        let program = match self.browser {
            Browser::Chromium => crate::coverage::Program::Chromium,
            Browser::Firefox => crate::coverage::Program::Firefox,
        };
        crate::coverage::Live::reported(program, self)
    }

    /// The message the server echoed, when one came.
    pub fn echoed(&self) -> Option<&str> {
        (self.report["event"] == "message")
            .then(|| self.report["data"].as_str())
            .flatten()
    }

    /// The close code the page saw, when the socket closed first.
    pub fn close_code(&self) -> Option<u64> {
        (self.report["event"] == "close")
            .then(|| self.report["code"].as_u64())
            .flatten()
    }
}

/// Opens `url` from a page in `browser` run in `home`, sends `ping` once
/// open, and returns what the page reported, within `seconds`.
pub fn open_websocket(browser: Browser, home: &Home, url: &str, seconds: u64) -> Outcome {
    open_websocket_from(browser, home, &Origin::Http, url, seconds)
}

/// How long `browser`, started in `home`, takes from its start to the
/// page's report on `url` (the browser's own share of a browser check;
/// stopping it afterwards is not counted).
pub fn time_to_report(browser: Browser, home: &Home, url: &str, seconds: u64) -> Duration {
    let (report, took) = run_page(browser, home, &Origin::Http, url, seconds);
    assert!(report.is_some(), "{browser:?} reported nothing about {url}");
    took
}

/// [`open_websocket`] from a page served from `origin`.
pub fn open_websocket_from(
    browser: Browser,
    home: &Home,
    origin: &Origin<'_>,
    url: &str,
    seconds: u64,
) -> Outcome {
    match run_page(browser, home, origin, url, seconds).0 {
        Some(report) => Outcome { report, browser },
        None => panic!("{browser:?} reported nothing about {url} within {seconds} s"),
    }
}

/// The page for `url`, served from `origin`, in `browser` started in
/// `home`: its report (none within `seconds`) and the time from the
/// browser's start to it; the browser is stopped after.
fn run_page(
    browser: Browser,
    home: &Home,
    origin: &Origin<'_>,
    url: &str,
    seconds: u64,
) -> (Option<serde_json::Value>, Duration) {
    let page = Page::serve(url, origin);
    let started = Instant::now();
    let mut process = start(browser, &mut command(browser, home, &page.url()));
    let report = page.report(Duration::from_secs(seconds));
    let took = started.elapsed();
    process.stop();
    (report, took)
}

/// `command` (of `browser`) started quietly, in a process group of its own.
fn start(browser: Browser, command: &mut Command) -> Group {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let what = match browser {
        Browser::Chromium => "chromium (apt-get install chromium)",
        Browser::Firefox => "firefox-esr (apt-get install firefox-esr)",
    };
    Group::spawn(command, what)
}

/// [`open_websocket_from`] in Chromium, with what Chromium's console said
/// meanwhile — every log entry (the network's "WebSocket connection to …
/// failed: …", "Mixed Content: …"), console message and uncaught exception
/// text — read over the DevTools protocol, as the developer tools show
/// them. No driver: Chromium's own debugging port, on loopback.
pub fn chromium_console(
    home: &Home,
    origin: &Origin<'_>,
    url: &str,
    seconds: u64,
) -> (Outcome, Vec<String>) {
    chromium_console_with(home, origin, url, seconds, &[])
}

/// [`chromium_console`] with Chromium started with `args` as well (a proxy:
/// `--proxy-server=…`).
pub fn chromium_console_with(
    home: &Home,
    origin: &Origin<'_>,
    url: &str,
    seconds: u64,
    args: &[&str],
) -> (Outcome, Vec<String>) {
    let page = Page::serve(url, origin);
    let profile = home.path().join(".config/chromium");
    let _ = std::fs::remove_file(profile.join("DevToolsActivePort"));
    let mut process = start(
        Browser::Chromium,
        command(Browser::Chromium, home, "about:blank")
            .arg("--remote-debugging-port=0")
            .args(args),
    );
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut port = None;
    while port.is_none() && Instant::now() < deadline {
        port = std::fs::read_to_string(profile.join("DevToolsActivePort"))
            .ok()
            .and_then(|text| text.lines().next()?.trim().parse::<u16>().ok());
        std::thread::sleep(Duration::from_millis(20));
    }
    let port = port.expect("Chromium wrote its DevTools port");
    let targets = http_get(port, "/json/list");
    let debugger = serde_json::from_str::<serde_json::Value>(&targets)
        .ok()
        .and_then(|list| {
            list.as_array()?
                .iter()
                .find(|target| target["type"] == "page")?["webSocketDebuggerUrl"]
                .as_str()
                .map(str::to_owned)
        })
        .unwrap_or_else(|| panic!("no page target: {targets}"));
    let navigate = page.url();
    let outcome = listen(
        Browser::Chromium,
        &page,
        &debugger,
        port,
        deadline,
        |event, send| {
            if event.is_null() {
                // Connected: the logs on, then the page.
                send(serde_json::json!({ "id": 1, "method": "Log.enable", "params": {} }));
                send(serde_json::json!({ "id": 2, "method": "Runtime.enable", "params": {} }));
                send(
                    serde_json::json!({ "id": 3, "method": "Page.navigate", "params": { "url": navigate } }),
                );
                return None;
            }
            let params = &event["params"];
            match event["method"].as_str() {
                Some("Log.entryAdded") => params["entry"]["text"].as_str().map(str::to_owned),
                Some("Runtime.exceptionThrown") => {
                    params["exceptionDetails"]["exception"]["description"]
                        .as_str()
                        .or_else(|| params["exceptionDetails"]["text"].as_str())
                        .map(str::to_owned)
                }
                Some("Runtime.consoleAPICalled") => Some(
                    params["args"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|arg| arg["value"].as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
                _ => None,
            }
        },
    );
    process.stop();
    outcome.unwrap_or_else(|said| {
        panic!("Chromium reported nothing about {url} within {seconds} s; it said {said:?}")
    })
}

/// [`open_websocket_from`] in Firefox, with what Firefox's console said
/// meanwhile, read over WebDriver BiDi (`log.entryAdded`) on Firefox's own
/// remote port on loopback — what its developer tools' console shows.
pub fn firefox_console(
    home: &Home,
    origin: &Origin<'_>,
    url: &str,
    seconds: u64,
) -> (Outcome, Vec<String>) {
    let page = Page::serve(url, origin);
    let (port, mut process) = firefox_remote(home);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let navigate = page.url();
    let outcome = listen(
        Browser::Firefox,
        &page,
        &format!("ws://127.0.0.1:{port}/session"),
        port,
        deadline,
        |event, send| {
            // The session first, then its subscription and a tab to navigate.
            let next = match event["id"].as_u64() {
                None if event.is_null() => {
                    Some((1, "session.new", serde_json::json!({ "capabilities": {} })))
                }
                Some(1) => Some((
                    2,
                    "session.subscribe",
                    serde_json::json!({ "events": ["log.entryAdded"] }),
                )),
                Some(2) => Some((
                    3,
                    "browsingContext.create",
                    serde_json::json!({ "type": "tab" }),
                )),
                Some(3) => Some((
                    4,
                    "browsingContext.navigate",
                    serde_json::json!({ "context": event["result"]["context"], "url": navigate }),
                )),
                _ => None,
            };
            if let Some((id, method, params)) = next {
                send(serde_json::json!({ "id": id, "method": method, "params": params }));
            }
            (event["method"] == "log.entryAdded")
                .then(|| event["params"]["text"].as_str().map(str::to_owned))
                .flatten()
        },
    );
    process.stop();
    outcome.unwrap_or_else(|said| {
        panic!("Firefox reported nothing about {url} within {seconds} s; it said {said:?}")
    })
}

/// Firefox on `about:blank` with its remote protocol (WebDriver BiDi) on a
/// free loopback port: the port, and the running browser.
fn firefox_remote(home: &Home) -> (u16, Group) {
    let port = crate::servers::free_port();
    let process = start(
        Browser::Firefox,
        command(Browser::Firefox, home, "about:blank")
            .args(["--remote-debugging-port", &port.to_string()]),
    );
    (port, process)
}

/// What Firefox says when it cannot load `url` as a page: the navigation's
/// error as its remote protocol (WebDriver BiDi) gives it, which names the
/// code its error page shows ("Error code: SSL_ERROR_RX_RECORD_TOO_LONG").
/// Within `seconds`.
pub fn firefox_page_error(home: &Home, url: &str, seconds: u64) -> crate::coverage::Said {
    use tokio_tungstenite::tungstenite;
    let (port, mut process) = firefox_remote(home);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut socket = debugger(port, &format!("ws://127.0.0.1:{port}/session"), deadline);
    let send = |socket: &mut tungstenite::WebSocket<TcpStream>,
                id: u64,
                method: &str,
                params: serde_json::Value| {
        let command = serde_json::json!({ "id": id, "method": method, "params": params });
        socket
            .send(tungstenite::Message::text(command.to_string()))
            .expect("a BiDi command");
    };
    send(
        &mut socket,
        1,
        "session.new",
        serde_json::json!({ "capabilities": {} }),
    );
    let mut said = None;
    while said.is_none() && Instant::now() < deadline {
        let answer = match event(&mut socket) {
            Ok(Some(answer)) => answer,
            Ok(None) => continue,
            Err(error) => panic!("Firefox's BiDi session ended: {error}"),
        };
        match answer["id"].as_u64() {
            Some(1) => send(
                &mut socket,
                2,
                "browsingContext.create",
                serde_json::json!({ "type": "tab" }),
            ),
            Some(2) => send(
                &mut socket,
                3,
                "browsingContext.navigate",
                serde_json::json!({
                    "context": answer["result"]["context"],
                    "url": url,
                    "wait": "complete",
                }),
            ),
            Some(3) => {
                assert_eq!(answer["type"], "error", "Firefox loaded {url}: {answer}");
                said = answer["message"].as_str().map(str::to_owned);
            }
            _ => {}
        }
    }
    let _ = socket.close(None);
    process.stop();
    let said = said.unwrap_or_else(|| panic!("Firefox said nothing of {url} within {seconds} s"));
    crate::coverage::Said::new(crate::coverage::Program::Firefox, said)
}

/// The next JSON message on a debugging socket read in short steps:
/// `Ok(None)` when none came in this step (or it was not JSON text),
/// `Err` once the socket has ended.
fn event(
    socket: &mut tokio_tungstenite::tungstenite::WebSocket<TcpStream>,
) -> Result<Option<serde_json::Value>, tokio_tungstenite::tungstenite::Error> {
    use tokio_tungstenite::tungstenite::{Error, Message};
    match socket.read() {
        Ok(Message::Text(text)) => Ok(serde_json::from_str(text.as_str()).ok()),
        Ok(_) => Ok(None),
        Err(Error::Io(error))
            if matches!(
                error.kind(),
                std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
            ) =>
        {
            Ok(None)
        }
        Err(error) => Err(error),
    }
}

/// The browser's debugging WebSocket `endpoint` on `port`, connected as
/// soon as the browser listens (before `deadline`), then read in short
/// steps (100 ms) so a caller can look for other things between events.
fn debugger(
    port: u16,
    endpoint: &str,
    deadline: Instant,
) -> tokio_tungstenite::tungstenite::WebSocket<TcpStream> {
    let stream = loop {
        match TcpStream::connect(("127.0.0.1", port)) {
            Ok(stream) => break stream,
            Err(error) => {
                assert!(
                    Instant::now() < deadline,
                    "the browser's debugging port: {error}"
                );
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    };
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("read timeout");
    let (socket, _) =
        tokio_tungstenite::tungstenite::client(endpoint, stream).expect("debugging WebSocket");
    socket
        .get_ref()
        .set_read_timeout(Some(Duration::from_millis(100)))
        .expect("read timeout");
    socket
}

/// Connects to a browser's debugging WebSocket `endpoint` (on `port`,
/// retried until `deadline` while the browser starts) and hands each event
/// to `on_event` — first `Null`, once connected — with a way to send
/// commands; what it returns is a console line. Ends half a second after
/// the page's report, or at `deadline`: the report and the lines, or the
/// lines alone when no report came.
fn listen(
    browser: Browser,
    page: &Page,
    endpoint: &str,
    port: u16,
    deadline: Instant,
    mut on_event: impl FnMut(&serde_json::Value, &mut dyn FnMut(serde_json::Value)) -> Option<String>,
) -> Result<(Outcome, Vec<String>), Vec<String>> {
    use tokio_tungstenite::tungstenite;
    let mut socket = debugger(port, endpoint, deadline);
    let mut pending = Vec::new();
    let mut said: Vec<String> = on_event(&serde_json::Value::Null, &mut |command| {
        pending.push(command)
    })
    .into_iter()
    .collect();
    let mut report = None;
    let mut until = deadline;
    while Instant::now() < until {
        for command in pending.drain(..) {
            socket
                .send(tungstenite::Message::text(command.to_string()))
                .expect("a debugging command");
        }
        if report.is_none()
            && let Some(got) = page.report(Duration::ZERO)
        {
            report = Some(got);
            until = Instant::now() + Duration::from_millis(500);
        }
        let event = match event(&mut socket) {
            Ok(event) => event,
            Err(_) => break,
        };
        if let Some(event) = event {
            said.extend(on_event(&event, &mut |command| pending.push(command)));
        }
    }
    let _ = socket.close(None);
    match report {
        Some(report) => Ok((Outcome { report, browser }, said)),
        None => Err(said),
    }
}

/// The body of `GET path` from 127.0.0.1:`port` (Chromium's DevTools
/// HTTP endpoint), at most 1 MiB.
fn http_get(port: u16, path: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("DevTools HTTP");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("read timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .expect("request");
    // Read up to the length the head gives: the server keeps the
    // connection open whatever the request says.
    let mut reader = BufReader::new(stream).take(1 << 20);
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    let _ = reader.read_exact(&mut body);
    String::from_utf8_lossy(&body).into_owned()
}

/// The browser's command line: headless, no first-run or background
/// traffic (the machine reaches no network but loopback), `HOME` the
/// throwaway one.
fn command(browser: Browser, home: &Home, url: &str) -> Command {
    let mut command = match browser {
        Browser::Chromium => {
            let mut command = Command::new("chromium");
            command
                .args([
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                ])
                .arg(format!("--host-resolver-rules=MAP {OTHER_HOST} 127.0.0.1"))
                .arg(format!(
                    "--user-data-dir={}",
                    home.path().join(".config/chromium").display()
                ));
            command
        }
        Browser::Firefox => {
            let mut command = Command::new("firefox-esr");
            command
                .args(["--headless", "--no-remote", "--profile"])
                .arg(home.firefox_profile());
            command
        }
    };
    command
        .arg(url)
        .env("HOME", home.path())
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CACHE_HOME")
        .env_remove("DBUS_SESSION_BUS_ADDRESS");
    command
}

/// A throwaway Firefox profile's preferences: nothing reaches for the
/// network on its own (updates, telemetry, remote settings, safe
/// browsing, OCSP), and Firefox trusts only its own database.
const FIREFOX_PREFS: &str = r#"user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("app.update.enabled", false);
user_pref("app.update.auto", false);
user_pref("app.normandy.enabled", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("datareporting.healthreport.uploadEnabled", false);
user_pref("toolkit.telemetry.enabled", false);
user_pref("toolkit.telemetry.server", "");
user_pref("browser.startup.homepage_override.mstone", "ignore");
user_pref("network.captive-portal-service.enabled", false);
user_pref("network.connectivity-service.enabled", false);
user_pref("browser.safebrowsing.malware.enabled", false);
user_pref("browser.safebrowsing.phishing.enabled", false);
user_pref("browser.safebrowsing.downloads.enabled", false);
user_pref("browser.safebrowsing.update.enabled", false);
user_pref("extensions.update.enabled", false);
user_pref("extensions.getAddons.cache.enabled", false);
user_pref("services.settings.server", "http://127.0.0.1:9/");
user_pref("browser.region.network.url", "");
user_pref("browser.region.update.enabled", false);
user_pref("network.dns.disablePrefetch", true);
user_pref("network.prefetch-next", false);
user_pref("security.OCSP.enabled", 0);
user_pref("security.remote_settings.crlite_filters.enabled", false);
user_pref("security.remote_settings.intermediates.enabled", false);
user_pref("security.enterprise_roots.enabled", false);
user_pref("browser.newtabpage.enabled", false);
user_pref("browser.aboutwelcome.enabled", false);
user_pref("browser.sessionstore.resume_from_crash", false);
user_pref("network.dns.localDomains", "handshake.test");
"#;

/// The probe page: opens the WebSocket, sends `ping` once open, and posts
/// the first thing that happens to `/report`; for an http(s) URL it
/// `fetch`es it instead, as a page calls an API.
const PAGE: &str = r#"<!doctype html><meta charset="utf-8"><title>handshake browser test</title><script>
let done = false;
const started = performance.now();
const report = (what) => {
  if (done) return;
  done = true;
  what.elapsed_ms = Math.round(performance.now() - started);
  what.user_agent = navigator.userAgent;
  fetch("/report", { method: "POST", body: JSON.stringify(what) });
};
const target = URL_HERE;
if (/^https?:/.test(target)) {
  // An API call, as the page's own fetch makes it.
  fetch(target).then(
    (r) => report({ event: "fetched", status: r.status }),
    (e) => report({ event: "fetch-failed", name: e.name, message: e.message }),
  );
} else {
  try {
    const socket = new WebSocket(target);
    socket.onopen = () => socket.send("ping");
    socket.onmessage = (m) => { report({ event: "message", data: String(m.data) }); socket.close(1000); };
    socket.onclose = (c) => report({ event: "close", code: c.code, reason: c.reason, clean: c.wasClean });
  } catch (e) {
    report({ event: "throw", name: e.name, message: e.message });
  }
}
</script>"#;

/// The page's server on 127.0.0.1: serves the page, takes one report.
struct Page {
    port: u16,
    secure: bool,
    reports: mpsc::Receiver<serde_json::Value>,
    _stop: mpsc::Sender<()>,
}

impl Page {
    fn serve(url: &str, origin: &Origin<'_>) -> Page {
        let tls = match origin {
            Origin::Http => None,
            Origin::Https { chain, key } => Some(server_config(chain, key)),
        };
        let secure = tls.is_some();
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().expect("local addr").port();
        listener.set_nonblocking(true).expect("non-blocking");
        let quoted = serde_json::to_string(url).expect("a URL as JS");
        let page = PAGE.replace("URL_HERE", &quoted);
        let (sender, reports) = mpsc::channel();
        let (stop, stopped) = mpsc::channel::<()>();
        std::thread::spawn(move || {
            // Bounded: the server lives at most two minutes.
            let deadline = Instant::now() + Duration::from_secs(120);
            while Instant::now() < deadline
                && matches!(stopped.try_recv(), Err(mpsc::TryRecvError::Empty))
            {
                match listener.accept() {
                    Ok((stream, _)) => {
                        if let Some(report) = accept(stream, tls.as_ref(), &page) {
                            let _ = sender.send(report);
                        }
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        });
        Page {
            port,
            secure,
            reports,
            _stop: stop,
        }
    }

    fn url(&self) -> String {
        if self.secure {
            format!("https://localhost:{}/", self.port)
        } else {
            format!("http://127.0.0.1:{}/", self.port)
        }
    }

    fn report(&self, wait: Duration) -> Option<serde_json::Value> {
        self.reports.recv_timeout(wait).ok()
    }
}

/// The page server's TLS configuration from PEM files.
fn server_config(chain: &Path, key: &Path) -> Arc<rustls::ServerConfig> {
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(chain)
        .expect("the page's certificate file")
        .collect::<Result<_, _>>()
        .expect("the page's certificates");
    let key = PrivateKeyDer::from_pem_file(key).expect("the page's key");
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::aws_lc_rs::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("protocol versions")
    .with_no_client_auth()
    .with_single_cert(chain, key)
    .expect("the page's certificate and key");
    Arc::new(config)
}

/// One connection to the page server, over TLS when `tls` is given.
fn accept(
    stream: TcpStream,
    tls: Option<&Arc<rustls::ServerConfig>>,
    page: &str,
) -> Option<serde_json::Value> {
    stream.set_nonblocking(false).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    stream
        .set_write_timeout(Some(Duration::from_secs(5)))
        .ok()?;
    match tls {
        None => answer(stream, page),
        Some(config) => {
            let connection = rustls::ServerConnection::new(Arc::clone(config)).ok()?;
            answer(rustls::StreamOwned::new(connection, stream), page)
        }
    }
}

/// Answers one request: the page for a GET, 204 for a report (returned).
fn answer(stream: impl Read + Write, page: &str) -> Option<serde_json::Value> {
    // Bounded: a request head of at most 64 KiB, a report of at most 64 KiB.
    let mut reader = BufReader::new(stream);
    let mut head_bytes = 0usize;
    let mut line = String::new();
    let mut request_line = None;
    let mut length = 0usize;
    loop {
        line.clear();
        let read = reader.read_line(&mut line).ok()?;
        head_bytes += read;
        if read == 0 || head_bytes > 64 * 1024 {
            return None;
        }
        if request_line.is_none() {
            request_line = Some(line.clone());
            continue;
        }
        if line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok()?;
        }
    }
    let request_line = request_line?;
    let (status, body, report) = if request_line.starts_with("POST /report") {
        let mut body = vec![0; length.min(64 * 1024)];
        reader.read_exact(&mut body).ok()?;
        ("204 No Content", "", serde_json::from_slice(&body).ok())
    } else if request_line.starts_with("GET / ") {
        ("200 OK", page, None)
    } else {
        ("404 Not Found", "", None)
    };
    let stream = reader.get_mut();
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.flush();
    report
}
