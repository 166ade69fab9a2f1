//! Integration tests of the `handshake` binary, run as a user runs it.

mod apps;
mod browser;
mod check;
mod diagnose;
mod explain_log;
mod generate;
mod json;
mod keystore;
mod language;
mod packaging;
mod rabbitmq;
mod readme;
mod scan;
mod serve;
mod spring;
mod target;
mod windows;

use std::process::{Command, Output};

/// Runs the built `handshake` binary with `args`, in English whatever the
/// machine's locale (tests that want Korean pass `--lang ko`).
pub(crate) fn handshake(args: &[&str]) -> Output {
    match command().args(args).output() {
        Ok(output) => output,
        Err(error) => panic!("could not run handshake: {error}"),
    }
}

/// [`handshake`] with `input` on its standard input.
pub(crate) fn handshake_fed(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write as _;
    let mut child = command()
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("could not run handshake: {error}"));
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input).expect("handshake's standard input");
    }
    child.wait_with_output().expect("handshake ran")
}

/// The `handshake` binary with a neutral language environment.
pub(crate) fn command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_handshake"));
    command
        .env_remove("HANDSHAKE_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    command
}

/// Standard output as text.
pub(crate) fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Standard error as text.
pub(crate) fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// An empty folder of its own for one test.
pub(crate) fn scratch(name: &str) -> handshake_testkit::Scratch {
    handshake_testkit::Scratch::new(&format!("cli-{name}"))
}

/// Standard output parsed as JSON (a `--json` report); panics with both
/// streams when it is not.
pub(crate) fn json(output: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(output))
        .unwrap_or_else(|error| panic!("JSON ({error}): {}{}", stdout(output), stderr(output)))
}

/// The finding codes of a `--json` report, in order.
pub(crate) fn codes(report: &serde_json::Value) -> Vec<&str> {
    report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|finding| finding["code"].as_str())
        .collect()
}

/// Asserts that a `--json` report, made against `live`'s real program,
/// names exactly `expected`, in order: then they count as produced by a
/// real program (the coverage check).
pub(crate) fn made_by(
    report: &serde_json::Value,
    live: &handshake_testkit::coverage::Live<'_>,
    expected: &[&str],
) {
    handshake_testkit::coverage::assert_made(live, &codes(report), expected);
}
