//! `coverage FOLDER`: after the tests ran with `HANDSHAKE_COVERAGE=FOLDER`,
//! lists which real programs produced each finding code, and fails (exit 1)
//! when a code has no real producer and is not a listed exception, or when
//! a listed exception was produced after all.

use std::collections::{BTreeMap, BTreeSet};
use std::process::ExitCode;

use handshake_core::Code;
use handshake_testkit::coverage::{ANCHOR, DOCUMENTED, EXCEPTIONS, FOLDER};

fn main() -> ExitCode {
    let Some(folder) = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os(FOLDER))
    else {
        eprintln!("usage: coverage FOLDER (the folder the tests wrote to through {FOLDER})");
        return ExitCode::from(2);
    };
    let mut producers: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let entries = match std::fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(error) => {
            eprintln!("coverage: {}: {error}", folder.to_string_lossy());
            return ExitCode::from(2);
        }
    };
    for entry in entries.flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for line in text.lines() {
            if let Some((code, program)) = line.split_once('\t') {
                producers
                    .entry(code.to_owned())
                    .or_default()
                    .insert(program.to_owned());
            }
        }
    }
    let exceptions: BTreeMap<&str, &str> = EXCEPTIONS.iter().copied().collect();
    let mut failures = Vec::new();
    for code in Code::ALL {
        let code = code.as_str();
        match (producers.get(code), exceptions.get(code)) {
            (Some(programs), None) => {
                let names: Vec<&str> = programs.iter().map(String::as_str).collect();
                println!("  {code:<32} {}", names.join(", "));
            }
            (None, Some(reason)) => println!("  {code:<32} (stub only: {reason})"),
            (None, None) => failures.push(format!("{code}: no test saw a real program produce it")),
            (Some(programs), Some(_)) => failures.push(format!(
                "{code}: listed as an exception, but {} produced it: take it off the list",
                programs
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }
    // Every wording a signature matches: captured from a real program in
    // this run, or documented with its source.
    let documented: BTreeMap<&str, &str> = DOCUMENTED.iter().copied().collect();
    println!("\nlog wordings:");
    for anchor in handshake_core::logs::SIGNATURES
        .iter()
        .flat_map(|signature| signature.anchors.iter())
    {
        let seen = producers.get(&format!("{ANCHOR}{anchor}"));
        match (seen, documented.get(anchor)) {
            (Some(programs), None) => println!(
                "  {anchor:<60} {}",
                programs.iter().map(String::as_str).collect::<Vec<_>>().join(", ")
            ),
            (None, Some(source)) => println!("  {anchor:<60} (documented: {source})"),
            (None, None) => failures.push(format!(
                "log wording {anchor:?}: no real program printed it in the tests, and it is not documented with a source"
            )),
            (Some(programs), Some(_)) => failures.push(format!(
                "log wording {anchor:?}: documented, but {} printed it: take it off the list",
                programs.iter().map(String::as_str).collect::<Vec<_>>().join(", ")
            )),
        }
    }
    for unknown in producers
        .keys()
        .filter(|code| !code.starts_with(ANCHOR))
        .filter(|code| !Code::ALL.iter().any(|c| c.as_str() == code.as_str()))
    {
        failures.push(format!("{unknown}: recorded, but not a finding code"));
    }
    if failures.is_empty() {
        println!("every finding code has a real producer or a listed reason");
        ExitCode::SUCCESS
    } else {
        for failure in &failures {
            eprintln!("✗ {failure}");
        }
        ExitCode::FAILURE
    }
}
