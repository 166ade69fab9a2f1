//! Integration tests of the `handshake` binary, run as a user runs it.

mod check;
mod diagnose;
mod explain_log;
mod generate;
mod keystore;
mod readme;
mod target;

use std::process::{Command, Output};

/// Runs the built `handshake` binary with `args`.
pub(crate) fn handshake(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_handshake"))
        .args(args)
        .output()
    {
        Ok(output) => output,
        Err(error) => panic!("could not run handshake: {error}"),
    }
}

/// Standard output as text.
pub(crate) fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Standard error as text.
pub(crate) fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
