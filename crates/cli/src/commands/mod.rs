//! One module per subcommand; [`run`] dispatches.

mod target;

use clap::Subcommand;

use crate::exit::ExitStatus;

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    Target(target::Args),
}

/// Runs one subcommand.
pub(crate) fn run(command: Command) -> anyhow::Result<ExitStatus> {
    match command {
        Command::Target(args) => target::run(&args),
    }
}
