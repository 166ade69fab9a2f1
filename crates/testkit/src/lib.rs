//! Test fixtures shared by every test suite and benchmark: real servers on
//! loopback (tokio servers for unusual behaviour, the real nginx and
//! Tomcat 10, Apache, the Spring Boot test application), and certificates
//! made by code.
//!
//! Test-only: panics with a message instead of returning errors.

#![allow(missing_docs, missing_debug_implementations, unreachable_pub)]

pub mod apache;
pub mod browser;
pub mod caddy;
pub mod coverage;
pub mod daemon;
pub mod display;
pub mod haproxy;
pub mod jetty;
pub mod judge;
pub mod lighttpd;
pub mod nginx;
pub mod node;
pub mod pki;
pub mod process;
pub mod prometheus;
pub mod python;
pub mod rabbitmq;
pub mod servers;
pub mod spring;
pub mod squid;
pub mod sshd;
pub mod stunnel;
pub mod tinyproxy;
pub mod tomcat;
pub mod websocket;
pub mod wine;

/// The environment variable naming the folder where `./dev test` collects
/// the tests that could not run here.
pub const SKIPS: &str = "HANDSHAKE_SKIPS";

/// Says that the running test cannot run on this machine and why (the
/// caller then returns): on stderr, and recorded for `./dev test`, which
/// lists every skip at its end. The only way a test may skip; a test that
/// prints its own "SKIPPED" is refused by the test kit's own test.
pub fn skip(reason: &str) {
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    eprintln!("SKIPPED {test}: {reason}");
    let Some(folder) = std::env::var_os(SKIPS) else {
        return;
    };
    let file = std::path::Path::new(&folder).join(format!("{}.tsv", std::process::id()));
    let line = format!("{test}\t{reason}\n");
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&file)
        .and_then(|mut out| std::io::Write::write_all(&mut out, line.as_bytes()));
    if let Err(error) = written {
        panic!("recording the skip in {}: {error}", file.display());
    }
}

/// Whether the tests run as root: what namespaces, port 53 and sshd's
/// privilege separation need (CI runs as root).
pub fn is_root() -> bool {
    rustix::process::geteuid().is_root()
}

/// Polls `condition` every 20 ms for at most `seconds`; panics with
/// `context()` (e.g. a server's log) when it never holds.
pub fn wait_until(seconds: u64, mut condition: impl FnMut() -> bool, context: impl Fn() -> String) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    while !condition() {
        assert!(
            std::time::Instant::now() < deadline,
            "gave up waiting after {seconds} s: {}",
            context()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// A server's log or console as text. Lossy: servers log raw client bytes,
/// which are not UTF-8.
pub fn read_lossy(path: &std::path::Path) -> String {
    String::from_utf8_lossy(&std::fs::read(path).unwrap_or_default()).into_owned()
}

/// A folder of its own for one test, removed when dropped — also when the
/// test panics — so a failed run leaves nothing behind. It reads as a
/// `Path` (`dir.join(…)`, `&dir`).
#[derive(Debug)]
pub struct Scratch(tempfile::TempDir);

impl Scratch {
    /// A new empty folder named `handshake-NAME-…` in the temporary folder.
    pub fn new(name: &str) -> Scratch {
        Scratch(
            tempfile::Builder::new()
                .prefix(&format!("handshake-{name}-"))
                .tempdir()
                .expect("a scratch folder"),
        )
    }
}

impl std::ops::Deref for Scratch {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        self.0.path()
    }
}

impl AsRef<std::path::Path> for Scratch {
    fn as_ref(&self) -> &std::path::Path {
        self.0.path()
    }
}

impl AsRef<std::ffi::OsStr> for Scratch {
    fn as_ref(&self) -> &std::ffi::OsStr {
        self.0.path().as_os_str()
    }
}

/// What curl printed for `args` (its output, then its errors), given at
/// most 10 s: the words a user sees when they try with curl.
pub fn curl(args: &[&str]) -> coverage::Said {
    let output = std::process::Command::new("curl")
        .args(["--max-time", "10"])
        .args(args)
        .output()
        .expect("curl runs (apt-get install curl)");
    coverage::Said::new(
        coverage::Program::Curl,
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    )
}

#[cfg(test)]
mod tests {
    /// A test that skips prints why through [`super::skip`], which `./dev
    /// test` records and lists; one that prints its own "SKIPPED" and
    /// returns would pass silently.
    #[test]
    fn every_skip_goes_through_the_test_kit() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut own = Vec::new();
        let mut folders = vec![
            root.join("crates"),
            root.join("tests"),
            root.join("src-tauri"),
        ];
        while let Some(folder) = folders.pop() {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let name = entry.file_name();
                if path.is_dir() && name != "target" && name != "node_modules" {
                    folders.push(path);
                } else if path.extension().is_some_and(|ext| ext == "rs")
                    && !path.ends_with("testkit/src/lib.rs")
                    && std::fs::read_to_string(&path).is_ok_and(|text| text.contains("\"SKIPPED"))
                {
                    own.push(path.display().to_string());
                }
            }
        }
        assert!(own.is_empty(), "skip with handshake_testkit::skip: {own:?}");
    }
}
