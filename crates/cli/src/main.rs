//! `handshake`: the command-line front end.
//!
//! Thin by design: each subcommand parses its arguments, calls one function in
//! `handshake-core`, and prints the result. Everything the desktop app can do
//! goes through the same core functions.

mod commands;
mod exit;
mod render;

use std::process::ExitCode;

use clap::Parser;

use crate::exit::ExitStatus;

/// Diagnose, fix and verify wss:// and https:// endpoints.
#[derive(Debug, Parser)]
#[command(
    name = "handshake",
    version,
    about,
    after_help = "Examples:\n  handshake diagnose wss://localhost:8443/ws\n  handshake explain-log /var/log/tomcat10/catalina.out\n  handshake target wss://localhost:8443/ws"
)]
struct Cli {
    #[command(subcommand)]
    command: commands::Command,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match commands::run(cli.command) {
        Ok(status) => status,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitStatus::Failure
        }
    };
    status.into()
}
