//! `handshake inspect FILE.p12`: will Spring Boot start with this keystore?

use std::fmt::Write as _;
use std::path::PathBuf;

use handshake_core::i18n::Facts;
use handshake_core::keystore;
use handshake_core::{Language, Secret};

use crate::exit::ExitStatus;
use crate::problem::Problem;
use crate::render::say;

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
    pub(crate) json: bool,
}

pub(crate) fn run(args: &Args, language: Language) -> Result<ExitStatus, Problem> {
    let say = |id: &str, facts: Facts| say(language, id, facts);
    let password = super::from_env(&args.password_env, "password")?;
    let verdict =
        keystore::inspect_file(&args.file, &Secret::new(password), args.alias.as_deref())?;
    let entries = match verdict {
        Ok(entries) => entries,
        // What Spring Boot would say: the answer to the question, not bad usage.
        Err(error) if args.json => {
            println!("{:#}", Problem::failure(error).json(language));
            return Ok(ExitStatus::Failure);
        }
        Err(error) => {
            eprintln!(
                "{}",
                say(
                    "cli-inspect-refused",
                    Facts::new()
                        .with("path", args.file.display().to_string())
                        .with("reason", language.say(&error))
                )
            );
            return Ok(ExitStatus::Failure);
        }
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&entries)?);
        return Ok(ExitStatus::Success);
    }
    let mut out = say(
        "cli-inspect-entries",
        Facts::new()
            .with("path", args.file.display().to_string())
            .with("count", entries.len()),
    );
    out.push('\n');
    for entry in &entries {
        let key = match entry.key_matches {
            Some(true) => "matches",
            Some(false) => "differs",
            None => "none",
        };
        let _ = writeln!(
            out,
            "\n  {}",
            say(
                "cli-inspect-entry",
                Facts::new()
                    .with("alias", &entry.alias)
                    .with(
                        "kind",
                        if entry.private_key {
                            "PrivateKeyEntry"
                        } else {
                            "trustedCertEntry"
                        }
                    )
                    .with("chain", entry.chain.len())
                    .with("key", key)
            )
        );
        for cert in &entry.chain {
            let facts = Facts::new()
                .with("subject", &cert.subject)
                .with("issuer", &cert.issuer)
                .with("names", cert.names())
                .with("not_after", &cert.not_after);
            let line = match u32::try_from(cert.days_left) {
                Ok(days) => say("cli-inspect-certificate", facts.with("days", days)),
                Err(_) => say("cli-inspect-expired", facts),
            };
            let _ = writeln!(out, "    {line}");
        }
    }
    print!("{out}");
    Ok(ExitStatus::Success)
}
