//! Real browsers, headless: Debian's `chromium` and `firefox-esr`, each in a
//! throwaway home of the test's (its own `~/.pki/nssdb`, its own Firefox
//! profile), never the machine's. No driver: the test serves a page on
//! loopback that runs `new WebSocket(url)` and posts what happened back to
//! the same server, the way a web app's own page meets the endpoint.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

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
}

impl Outcome {
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
    let page = Page::serve(url);
    let mut process = Group::spawn(
        command(browser, home, &page.url())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
        match browser {
            Browser::Chromium => "chromium (apt-get install chromium)",
            Browser::Firefox => "firefox-esr (apt-get install firefox-esr)",
        },
    );
    let report = page.report(Duration::from_secs(seconds));
    process.stop();
    match report {
        Some(report) => Outcome { report },
        None => panic!("{browser:?} reported nothing about {url} within {seconds} s"),
    }
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
"#;

/// The probe page: opens the WebSocket, sends `ping` once open, and posts
/// the first thing that happens to `/report`.
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
try {
  const socket = new WebSocket(URL_HERE);
  socket.onopen = () => socket.send("ping");
  socket.onmessage = (m) => { report({ event: "message", data: String(m.data) }); socket.close(1000); };
  socket.onclose = (c) => report({ event: "close", code: c.code, reason: c.reason, clean: c.wasClean });
} catch (e) {
  report({ event: "throw", name: e.name, message: e.message });
}
</script>"#;

/// The page's server on 127.0.0.1: serves the page, takes one report.
struct Page {
    port: u16,
    reports: mpsc::Receiver<serde_json::Value>,
    _stop: mpsc::Sender<()>,
}

impl Page {
    fn serve(url: &str) -> Page {
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
                        if let Some(report) = answer(stream, &page) {
                            let _ = sender.send(report);
                        }
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        });
        Page {
            port,
            reports,
            _stop: stop,
        }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    fn report(&self, wait: Duration) -> Option<serde_json::Value> {
        self.reports.recv_timeout(wait).ok()
    }
}

/// Answers one request: the page for a GET, 204 for a report (returned).
fn answer(stream: TcpStream, page: &str) -> Option<serde_json::Value> {
    stream.set_nonblocking(false).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut reader = BufReader::new(stream.try_clone().ok()?).take(64 * 1024);
    let mut request_line = String::new();
    reader.read_line(&mut request_line).ok()?;
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok()?;
        }
    }
    let mut stream = stream;
    if request_line.starts_with("POST /report") {
        let mut body = vec![0; length.min(64 * 1024)];
        reader.read_exact(&mut body).ok()?;
        let _ = stream.write_all(b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
        return serde_json::from_slice(&body).ok();
    }
    let (status, body) = if request_line.starts_with("GET / ") {
        ("200 OK", page)
    } else {
        ("404 Not Found", "")
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    None
}
