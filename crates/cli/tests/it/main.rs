//! Integration tests of the `handshake` binary, run as a user runs it.

/// Snapshots what the user of a run (`$output`, a `std::process::Output`
/// of the `handshake` binary) reads: the exit status, standard output and
/// standard error, with what changes from run to run filtered — times in
/// milliseconds, the test's temporary folders, and each `(text, name)` of
/// `$replaced` (a port the test chose). uv's `uv_snapshot!` is the model.
macro_rules! handshake_snapshot {
    ($replaced:expr, $output:expr, @$snapshot:literal) => {{
        let output = $output;
        let filters = $crate::snapshot_filters($replaced);
        let filters: Vec<(&str, &str)> =
            filters.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        insta::with_settings!({ filters => filters }, {
            insta::assert_snapshot!($crate::said(&output), @$snapshot);
        });
    }};
}

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
mod snapshots;
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

/// What a user reads of a run, for [`handshake_snapshot!`].
pub(crate) fn said(output: &Output) -> String {
    format!(
        "exit status: {}\n----- stdout -----\n{}\n----- stderr -----\n{}",
        output
            .status
            .code()
            .map_or_else(|| "killed".to_owned(), |code| code.to_string()),
        stdout(output).trim_end(),
        stderr(output).trim_end()
    )
}

/// The filters of [`handshake_snapshot!`]: milliseconds, temporary folders,
/// then each `(text, name)` of `replaced`, the text taken literally.
pub(crate) fn snapshot_filters(replaced: &[(&str, &str)]) -> Vec<(String, String)> {
    let literal = |text: &str| {
        text.chars()
            .flat_map(|c| {
                let special = "\\.+*?()|[]{}^$#&-~".contains(c);
                special.then_some('\\').into_iter().chain([c])
            })
            .collect::<String>()
    };
    let mut filters = vec![
        (r"\d+(\.\d+)?( ?ms)\b".to_owned(), "[N]$2".to_owned()),
        // A new certificate's end: today plus its days.
        (
            r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z".to_owned(),
            "[DATE]".to_owned(),
        ),
        // Seconds (`in 0.0 s`) and the time column of `scan --csv`.
        (r"\b\d+\.\d+ s\b".to_owned(), "[N] s".to_owned()),
        (r"\d+\.\d+초".to_owned(), "[N]초".to_owned()),
        (r"(?m),\d+\.\d+$".to_owned(), ",[N]".to_owned()),
        // This program's version (in a report, in an error about a newer
        // one's): a release is not a change of output.
        (
            format!(r"\b{}\b", literal(env!("CARGO_PKG_VERSION"))),
            "[VERSION]".to_owned(),
        ),
        // A JSON report's clock and times.
        (
            r#""checked_at": ?\d+"#.to_owned(),
            r#""checked_at": [TIME]"#.to_owned(),
        ),
        (
            r#""(dns|wait|tcp|tls|http|total)": ?\d+(\.\d+)?"#.to_owned(),
            r#""$1": [N]"#.to_owned(),
        ),
        // Days left of a certificate made during the run: one fewer once
        // a second has passed since it was made.
        (r"\d+ days left".to_owned(), "[N] days left".to_owned()),
        (r"\d+일 남음".to_owned(), "[N]일 남음".to_owned()),
        // A development CA's name in a store: made of its fingerprint.
        (
            r"handshake-dev-ca-[0-9a-f]{16}".to_owned(),
            "handshake-dev-ca-[ID]".to_owned(),
        ),
        // A check's round trips: `min 0.3 · median 0.5`.
        (
            r"\b(min|median|최소|중간값) \d+\.\d+".to_owned(),
            "$1 [N]".to_owned(),
        ),
        // The steps of a diagnosis's summary line: `tcp 0.2`.
        (
            r"\b(dns|wait|tcp|tls|http) \d+\.\d+".to_owned(),
            "$1 [N]".to_owned(),
        ),
        (
            literal(&std::env::temp_dir().display().to_string()) + r"/handshake-[\w.-]+",
            "[TEMP]".to_owned(),
        ),
    ];
    filters.extend(
        replaced
            .iter()
            .map(|(text, name)| (literal(text), format!("[{name}]"))),
    );
    filters
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
