//! `coverage FOLDER`: after the tests ran with `HANDSHAKE_COVERAGE=FOLDER`,
//! lists which real programs produced each finding code, and fails (exit 1)
//! when a code has no real producer and is not a listed exception, or when
//! a listed exception was produced after all.

use std::collections::{BTreeMap, BTreeSet};
use std::process::ExitCode;

use handshake_core::Code;
use handshake_testkit::coverage::{ANCHOR, DOCUMENTED, EXCEPTIONS, FOLDER};

/// How one kind of thing is listed: finding codes against their
/// exceptions, or log wordings against their documented sources.
struct Listing {
    width: usize,
    /// What a listed one is called in the output.
    listed: &'static str,
    /// The failure of one with neither a producer nor a listing.
    missing: &'static str,
    /// What a listed one that was produced after all is called.
    stale: &'static str,
    /// What a real program did with it.
    produced: &'static str,
}

impl Listing {
    /// Prints `name`'s line, or adds its failure: produced by `programs`,
    /// listed for `reason`, both, or neither. `subject` names it in a failure.
    fn entry(
        &self,
        name: &str,
        subject: &str,
        programs: Option<&BTreeSet<String>>,
        reason: Option<&&str>,
        failures: &mut Vec<String>,
    ) {
        let names = |programs: &BTreeSet<String>| {
            programs
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let width = self.width;
        match (programs, reason) {
            (Some(programs), None) => println!("  {name:<width$} {}", names(programs)),
            (None, Some(reason)) => println!("  {name:<width$} ({}: {reason})", self.listed),
            (None, None) => failures.push(format!("{subject}: {}", self.missing)),
            (Some(programs), Some(_)) => failures.push(format!(
                "{subject}: {}, but {} {} it: take it off the list",
                self.stale,
                names(programs),
                self.produced
            )),
        }
    }
}

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
    let codes = Listing {
        width: 32,
        listed: "stub only",
        missing: "no test saw a real program produce it",
        stale: "listed as an exception",
        produced: "produced",
    };
    for code in Code::ALL {
        let code = code.as_str();
        codes.entry(
            code,
            code,
            producers.get(code),
            exceptions.get(code),
            &mut failures,
        );
    }
    // Every wording a signature matches: captured from a real program in
    // this run, or documented with its source.
    let documented: BTreeMap<&str, &str> = DOCUMENTED.iter().copied().collect();
    let wordings = Listing {
        width: 60,
        listed: "documented",
        missing: "no real program printed it in the tests, and it is not documented with a source",
        stale: "documented",
        produced: "printed",
    };
    println!("\nlog wordings:");
    for anchor in handshake_core::logs::SIGNATURES
        .iter()
        .flat_map(|signature| signature.anchors.iter())
    {
        wordings.entry(
            anchor,
            &format!("log wording {anchor:?}"),
            producers.get(&format!("{ANCHOR}{anchor}")),
            documented.get(anchor),
            &mut failures,
        );
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
