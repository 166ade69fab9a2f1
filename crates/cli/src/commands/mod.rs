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
    /// Open a real WebSocket, send a message, wait for the answer, close cleanly.
    Check(check::Args),
    /// Print the completion script for a shell (bash, zsh, fish, elvish, powershell).
    Completions(docs::CompletionsArgs),
    /// Make a private key and a CSR with the host names, for a public CA.
    Csr(csr::Args),
    /// Diagnose an endpoint: what fails, why, and what to do.
    Diagnose(diagnose::Args),
    /// Explain the errors in a server or browser log.
    ExplainLog(explain_log::Args),
    /// Generate the configuration that fixes the connection.
    Generate(generate::Args),
    /// Inspect a PKCS12 keystore: aliases, key entries, certificates, and the
    /// error Spring Boot would show when server.ssl.* does not fit it.
    Inspect(inspect::Args),
    /// Make a PKCS12 keystore: from a development CA, self-signed, or from your
    /// PEM certificate and key.
    Keystore(keystore::Args),
    /// Write the man pages: handshake.1 and one per subcommand.
    Man(docs::ManArgs),
    /// Diagnose a list of endpoints at once: what fails, what expires.
    Scan(scan::Args),
    /// Serve probes for Prometheus, as blackbox_exporter does.
    Serve(serve::Args),
    /// Show how a target URL is understood: scheme, host, port, path, TLS.
    Target(target::Args),
    /// Trust (or stop trusting) the development CA in the stores found on this
    /// machine — the system store, Chromium's and every Firefox profile's NSS
    /// database, the JDK's truststore — or in the stores named.
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
