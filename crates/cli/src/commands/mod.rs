//! One module per subcommand; [`run`] dispatches.

mod check;
mod credential;
mod csr;
mod diagnose;
mod endpoint;
mod explain_log;
mod generate;
mod inspect;
mod keystore;
mod target;
mod trust;

use clap::Subcommand;

use crate::exit::ExitStatus;

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    Check(check::Args),
    Csr(csr::Args),
    Diagnose(diagnose::Args),
    ExplainLog(explain_log::Args),
    Generate(generate::Args),
    Inspect(inspect::Args),
    Keystore(keystore::Args),
    Target(target::Args),
    Trust(trust::Args),
}

/// Runs one subcommand.
pub(crate) fn run(command: Command) -> anyhow::Result<ExitStatus> {
    match command {
        Command::Check(args) => check::run(&args),
        Command::Csr(args) => csr::run(&args),
        Command::Diagnose(args) => diagnose::run(&args),
        Command::ExplainLog(args) => explain_log::run(&args),
        Command::Generate(args) => generate::run(&args),
        Command::Inspect(args) => inspect::run(&args),
        Command::Keystore(args) => keystore::run(&args),
        Command::Target(args) => target::run(&args),
        Command::Trust(args) => trust::run(&args),
    }
}
