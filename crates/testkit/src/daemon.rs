//! A server program from Debian run the way the test kit runs nginx: in
//! the foreground, in a process group of its own, with its configuration,
//! pid and log files in a folder of the test's (removed when it stops),
//! on loopback ports the test reserved. The servers below (HAProxy, Caddy,
//! lighttpd, stunnel, Jetty, uvicorn, hypercorn and aiohttp) each write their own
//! configuration and start through it.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::Scratch;
use crate::coverage::{Live, Program};
use crate::process::{Group, listening};

/// A running server program, stopped (and its folder removed) when
/// dropped.
pub struct Daemon {
    program: Program,
    process: Group,
    log: PathBuf,
    dir: Scratch,
}

impl Daemon {
    /// Runs `command` (its configuration already in `dir`) as `program`,
    /// its standard output and error appended to `dir/console.log`, and
    /// waits at most `seconds` until every port in `ports` accepts a
    /// connection. `log` is the file it logs to (the console when `None`).
    pub fn start(
        program: Program,
        dir: Scratch,
        command: &mut Command,
        ports: &[u16],
        seconds: u64,
        log: Option<PathBuf>,
    ) -> Daemon {
        let console = dir.join("console.log");
        let output = || {
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&console)
                .expect("console.log")
        };
        command
            .current_dir(&*dir)
            .stdin(Stdio::null())
            .stdout(output())
            .stderr(output());
        let what = format!("{} (apt-get install {})", program.name(), package(program));
        let mut process = Group::spawn(command, &what);
        let log = log.unwrap_or(console);
        process.wait_until_ready(
            program.name(),
            seconds,
            || listening(ports),
            || crate::read_lossy(&log),
        );
        Daemon {
            program,
            process,
            log,
            dir,
        }
    }

    /// Proof, for the coverage check, that what a test reads now comes
    /// from this running program.
    pub fn live(&self) -> Live<'_> {
        Live::running(self.program, &self.process)
    }

    /// Its log so far.
    pub fn log(&self) -> String {
        crate::read_lossy(&self.log)
    }

    /// Its folder (configuration, certificates, logs).
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        // Stopped before its folder goes: it may still write its log.
        self.process.stop();
    }
}

/// A configuration check's verdict (`haproxy -c`, `caddy validate`): `Ok`
/// when the program exited 0, else what it printed.
pub(crate) fn verdict(output: &std::process::Output) -> Result<(), String> {
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// The Debian package that brings `program`.
fn package(program: Program) -> &'static str {
    match program {
        Program::Haproxy => "haproxy",
        Program::Caddy => "caddy",
        Program::Lighttpd => "lighttpd lighttpd-mod-openssl",
        Program::Stunnel => "stunnel4",
        Program::Jetty => "jetty9",
        Program::Uvicorn => "python3-uvicorn python3-starlette",
        Program::Hypercorn => "python3-hypercorn python3-starlette",
        Program::Aiohttp => "python3-aiohttp",
        Program::Squid => "squid-openssl apache2-utils",
        Program::Tinyproxy => "tinyproxy",
        other => other.name(),
    }
}
