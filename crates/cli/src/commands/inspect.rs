//! `handshake inspect FILE.p12`: will Spring Boot start with this keystore?

use std::fmt::Write as _;
use std::path::PathBuf;

use handshake_core::Secret;
use handshake_core::keystore;

use super::diagnose::usage;
use crate::exit::ExitStatus;

/// Inspect a PKCS12 keystore: aliases, key entries, certificates, and the
/// error Spring Boot would show when server.ssl.* does not fit it.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  SSL_KEYSTORE_PASSWORD=… handshake inspect server.p12 --password-env SSL_KEYSTORE_PASSWORD --alias server"
)]
pub(crate) struct Args {
    /// The keystore file.
    file: PathBuf,
    /// The environment variable holding its password (server.ssl.key-store-password).
    #[arg(long, value_name = "VAR")]
    password_env: String,
    /// The alias Spring Boot will use (server.ssl.key-alias).
    #[arg(long)]
    alias: Option<String>,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitStatus> {
    let Ok(password) = std::env::var(&args.password_env) else {
        return Ok(usage(&format!(
            "the environment variable {} is not set; put the keystore password in it",
            args.password_env
        )));
    };
    let bytes = match std::fs::read(&args.file) {
        Ok(bytes) => bytes,
        Err(error) => {
            return Ok(usage(&format!(
                "cannot read {}: {error}",
                args.file.display()
            )));
        }
    };
    let entries = match keystore::inspect(&bytes, &Secret::new(password), args.alias.as_deref()) {
        Ok(entries) => entries,
        Err(error) => {
            eprintln!("✗ {}: {error}", args.file.display());
            return Ok(ExitStatus::Failure);
        }
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&entries)?);
        return Ok(ExitStatus::Success);
    }
    let mut out = format!(
        "{}: {} entr{}\n",
        args.file.display(),
        entries.len(),
        if entries.len() == 1 { "y" } else { "ies" }
    );
    for entry in &entries {
        let kind = if entry.private_key {
            "PrivateKeyEntry"
        } else {
            "trustedCertEntry"
        };
        let matches = match entry.key_matches {
            Some(true) => " · key matches its certificate",
            Some(false) => " · ✗ the key does NOT match its certificate",
            None => "",
        };
        let _ = writeln!(
            out,
            "\n  alias \"{}\" · {kind} · chain of {}{matches}",
            entry.alias,
            entry.chain.len()
        );
        for cert in &entry.chain {
            let _ = writeln!(
                out,
                "    {} · issued by {} · covers {} · valid until {} ({} days left)",
                cert.subject,
                cert.issuer,
                cert.names().join(", "),
                cert.not_after,
                cert.days_left
            );
        }
    }
    print!("{out}");
    Ok(ExitStatus::Success)
}
