//! One module per subcommand; [`run`] dispatches.

mod check;
mod credential;
mod csr;
mod diagnose;
mod docs;
mod endpoint;
mod explain_log;
mod generate;
mod inspect;
mod keystore;
mod scan;
mod serve;
mod target;
mod trust;

use clap::Subcommand;
use handshake_core::Language;

use crate::exit::ExitStatus;
use crate::problem::Problem;

/// The subcommands. Each one's arguments are built only when it runs (or
/// for help, completions and man pages): building all of them cost every
/// command a third of its own start.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub(crate) enum Command {
    Check(check::Args),
    Completions(docs::CompletionsArgs),
    Csr(csr::Args),
    Diagnose(diagnose::Args),
    ExplainLog(explain_log::Args),
    Generate(generate::Args),
    Inspect(inspect::Args),
    Keystore(keystore::Args),
    Man(docs::ManArgs),
    Scan(scan::Args),
    Serve(serve::Args),
    Target(target::Args),
    Trust(trust::Args),
}

impl Command {
    /// Whether the command was asked for JSON: then whatever happens, one
    /// JSON document goes to standard output.
    pub(crate) fn json(&self) -> bool {
        match self {
            Command::Check(args) => args.json,
            Command::Diagnose(args) => args.json,
            Command::ExplainLog(args) => args.json,
            Command::Inspect(args) => args.json,
            Command::Scan(args) => args.json,
            Command::Target(args) => args.json,
            Command::Completions(_)
            | Command::Csr(_)
            | Command::Generate(_)
            | Command::Keystore(_)
            | Command::Man(_)
            | Command::Serve(_)
            | Command::Trust(_) => false,
        }
    }
}

/// A secret from environment variable `var` — secrets never come from the
/// command line — or the usage error naming it and `what` it should hold
/// (`password`, `passcode`, `value`).
fn from_env(var: &str, what: &'static str) -> Result<String, crate::problem::Usage> {
    std::env::var(var).map_err(|_| crate::problem::Usage::EnvUnset {
        variable: var.to_owned(),
        what,
    })
}

/// What `path` names as input: standard input for `-`, else a file or a
/// pipe (a device never ends).
fn open_input(path: &std::path::Path) -> Result<Box<dyn std::io::BufRead>, Problem> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(std::io::stdin().lock()));
    }
    handshake_core::file::check_stream(path)?;
    let file = std::fs::File::open(path).map_err(|error| {
        Problem::usage(crate::problem::Unreadable {
            path: path.to_owned(),
            error,
        })
    })?;
    Ok(Box::new(std::io::BufReader::new(file)))
}

/// Runs `future` to its end on a runtime of its own. The runtime is then
/// let go without waiting for its blocking threads: a name lookup the
/// system resolver never answers must not hold the process open after the
/// report (the lookup already timed out).
fn block_on<F: std::future::Future>(future: F) -> std::io::Result<F::Output> {
    run_on(tokio::runtime::Builder::new_current_thread(), future)
}

/// [`block_on`] on every core: for many connections at once.
fn block_on_all_cores<F: std::future::Future>(future: F) -> std::io::Result<F::Output> {
    run_on(tokio::runtime::Builder::new_multi_thread(), future)
}

fn run_on<F: std::future::Future>(
    mut builder: tokio::runtime::Builder,
    future: F,
) -> std::io::Result<F::Output> {
    let runtime = builder.enable_all().build()?;
    let output = runtime.block_on(future);
    runtime.shutdown_background();
    Ok(output)
}

/// Runs one subcommand, speaking `language`.
pub(crate) fn run(
    command: Command,
    language: Language,
    chosen: bool,
) -> Result<ExitStatus, Problem> {
    match command {
        Command::Check(args) => check::run(&args, language),
        Command::Completions(args) => docs::completions(&args),
        Command::Csr(args) => csr::run(&args, language),
        Command::Diagnose(args) => diagnose::run(&args, language),
        Command::ExplainLog(args) => explain_log::run(&args, language),
        Command::Generate(args) => generate::run(&args, generate::Speech { language, chosen }),
        Command::Inspect(args) => inspect::run(&args, language),
        Command::Keystore(args) => keystore::run(&args, language),
        Command::Man(args) => docs::man(&args),
        Command::Scan(args) => scan::run(&args, language),
        Command::Serve(args) => serve::run(&args, language),
        Command::Target(args) => target::run(&args, language),
        Command::Trust(args) => trust::run(&args, language),
    }
}
