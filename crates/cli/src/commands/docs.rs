//! `handshake completions SHELL` and `handshake man --out DIR`: shell
//! completions and man pages made from the command line's own definition,
//! so they always match `--help`. The package installs what these print
//! (`packaging/`, checked by the tests).

use std::path::PathBuf;

use crate::exit::ExitStatus;
use crate::problem::Problem;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  handshake completions bash > ~/.local/share/bash-completion/completions/handshake\n  handshake completions zsh > ~/.zfunc/_handshake\n  handshake completions fish > ~/.config/fish/completions/handshake.fish\n\nThe packages install them where the shells look."
)]
pub(crate) struct CompletionsArgs {
    /// The shell.
    shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
#[command(hide = true)]
pub(crate) struct ManArgs {
    /// The folder to write them into (created when missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

pub(crate) fn completions(args: &CompletionsArgs) -> Result<ExitStatus, Problem> {
    use std::io::Write as _;
    let mut command = crate::command_line();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "handshake", &mut script);
    match std::io::stdout().write_all(&script) {
        // `… | head` closing the pipe early is not a failure.
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(error.into()),
        _ => Ok(ExitStatus::Success),
    }
}

pub(crate) fn man(args: &ManArgs) -> Result<ExitStatus, Problem> {
    std::fs::create_dir_all(&args.out)?;
    clap_mangen::generate_to(crate::command_line(), &args.out)?;
    Ok(ExitStatus::Success)
}
