//! `handshake`: the command-line front end.
//!
//! Thin by design: each subcommand parses its arguments, calls one function in
//! `handshake-core`, and prints the result in the user's language (`--lang`,
//! else `HANDSHAKE_LANG`, else the locale). Everything the desktop app can do
//! goes through the same core functions.

/// The shipped build links with musl (packaging/build-cli), whose
/// allocator maps and unmaps small blocks of pages as a diagnosis allocates
/// and frees (~50 `mmap` and ~35 `munmap` calls a run, each new page a page
/// fault): dlmalloc keeps what it maps, a healthy `ws://` diagnosis 1.99 ->
/// 1.67 ms (median of 300 interleaved runs). mimalloc was slower to start
/// (0.90 against 0.56 ms for `--version`): it reserves a 1 GiB arena.
#[cfg(target_env = "musl")]
#[global_allocator]
static ALLOCATOR: dlmalloc::GlobalDlmalloc = dlmalloc::GlobalDlmalloc;

mod commands;
mod exit;
mod problem;
mod render;

use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use handshake_core::Language;

use crate::exit::ExitStatus;
use crate::problem::Problem;

/// Diagnose, fix and verify wss:// and https:// endpoints.
#[derive(Debug, Parser)]
#[command(
    name = "handshake",
    version,
    about,
    after_help = "Examples:\n  handshake diagnose wss://localhost:8443/ws\n  handshake explain-log /var/log/tomcat10/catalina.out\n  handshake diagnose --lang ko wss://localhost:8443/ws\n\nLanguage: --lang en|ko, else HANDSHAKE_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English."
)]
struct Cli {
    /// The language of the output: en or ko.
    #[arg(long, value_name = "LANG", global = true)]
    lang: Option<String>,
    #[command(subcommand)]
    command: commands::Command,
}

/// The whole command line as clap sees it: what completions and man pages
/// are made from, so they never drift from `--help`.
pub(crate) fn command_line() -> clap::Command {
    Cli::command()
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return unparsed(&error),
    };
    let json = cli.command.json();
    let language = match Language::choose(cli.lang.as_deref(), |name| std::env::var(name).ok()) {
        Ok(language) => language,
        Err(error) => {
            // The language is what is wrong: the locale's, else English.
            let fallback = Language::choose(None, |name| {
                (name != "HANDSHAKE_LANG")
                    .then(|| std::env::var(name).ok())
                    .flatten()
            })
            .unwrap_or_default();
            return report(&Problem::usage(error), fallback, json).into();
        }
    };
    let status = match commands::run(cli.command, language, cli.lang.is_some()) {
        Ok(status) => status,
        Err(problem) => report(&problem, language, json),
    };
    status.into()
}

/// Prints what stopped the command — with `json`, also as the one JSON
/// document on standard output; its exit status.
fn report(problem: &Problem, language: Language, json: bool) -> ExitStatus {
    eprintln!("{}", render::error(problem, language));
    if json {
        println!("{:#}", problem.json(language));
    }
    problem.status
}

/// A command line clap refused: its own message (and exit status 2), and
/// for a `--json` run the same as a JSON document. Help and `--version`
/// print as they are.
fn unparsed(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let shown = matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if !shown && std::env::args_os().any(|arg| arg == "--json") {
        let message = error.render().to_string();
        println!(
            "{:#}",
            problem::error_json("usage", message.trim_start_matches("error: ").trim())
        );
    }
    let _ = error.print();
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}
