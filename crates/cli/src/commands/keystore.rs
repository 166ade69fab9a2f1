//! `handshake keystore`: a PKCS12 keystore Java and Spring Boot load on the
//! first try.

use std::fmt::Write as _;
use std::path::PathBuf;

use handshake_core::export::{self, Mode};
use handshake_core::i18n::Facts;
use handshake_core::keystore::{KeystoreSpec, to_pkcs12};
use handshake_core::pki::{self, Source};
use handshake_core::probe::cert::inspect;
use handshake_core::render::spring;
use handshake_core::{Language, Secret};

use super::credential;
use crate::exit::ExitStatus;
use crate::problem::{Problem, Usage};
use crate::render::say;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  SSL_KEYSTORE_PASSWORD=… handshake keystore --host localhost --host 127.0.0.1 --out server.p12 --password-env SSL_KEYSTORE_PASSWORD\n  SSL_KEYSTORE_PASSWORD=… handshake keystore --cert fullchain.pem --key privkey.pem --out server.p12 --password-env SSL_KEYSTORE_PASSWORD\n\nWithout --cert/--key or --self-signed, the leaf is signed by the development CA (created once in --ca-dir)."
)]
pub(crate) struct Args {
    /// A host name or IP address the certificate is for; repeatable.
    #[arg(long = "host", value_name = "NAME")]
    hosts: Vec<String>,
    /// Sign with a self-signed certificate instead of the development CA.
    #[arg(long, conflicts_with_all = ["cert", "key", "ca_dir"])]
    self_signed: bool,
    /// The development CA's folder (default: ~/.local/share/handshake; Windows: %LOCALAPPDATA%\handshake).
    #[arg(long, value_name = "DIR")]
    ca_dir: Option<PathBuf>,
    /// Import this PEM certificate chain (e.g. Let's Encrypt's fullchain.pem).
    #[arg(long, value_name = "PEM", requires = "key", conflicts_with = "hosts")]
    cert: Option<PathBuf>,
    /// The PEM private key of --cert (PKCS#8, PKCS#1 or SEC1).
    #[arg(long, value_name = "PEM", requires = "cert")]
    key: Option<PathBuf>,
    /// A file holding the passphrase of an encrypted --key.
    #[arg(long, value_name = "FILE", requires = "key")]
    key_password_file: Option<PathBuf>,
    /// Key type for a new certificate: ecdsa-p256, rsa-2048, rsa-3072, rsa-4096.
    #[arg(long, value_name = "TYPE", default_value = "ecdsa-p256")]
    key_type: String,
    /// Days a new certificate is valid.
    #[arg(long, value_name = "N", default_value_t = 397)]
    days: u32,
    /// The keystore file to write (readable by you alone: mode 0600, or on Windows an access list).
    #[arg(long, value_name = "FILE.p12")]
    out: PathBuf,
    /// The alias (server.ssl.key-alias).
    #[arg(long, default_value = "server")]
    alias: String,
    /// The environment variable holding the keystore password (never on the command line).
    #[arg(long, value_name = "VAR")]
    password_env: String,
    /// Replace an existing file (the old one is kept as FILE.p12.bak).
    #[arg(long)]
    force: bool,
    /// Encrypt with 3DES and a SHA-1 MAC for JDKs before 8u301 / 11.0.12,
    /// which report today's AES keystores as "keystore password was incorrect".
    #[arg(long)]
    legacy: bool,
}

pub(crate) fn run(args: &Args, language: Language) -> Result<ExitStatus, Problem> {
    let say = |id: &str, facts: Facts| say(language, id, facts);
    let source = source(args)?;
    let password = password(&args.password_env)?;
    let (credential, ca_cert) = pki::credential(&source)?;
    let bytes = to_pkcs12(&KeystoreSpec {
        alias: &args.alias,
        password: &password,
        chain: &credential.chain,
        key_pkcs8: &credential.key_pkcs8,
        legacy: args.legacy,
    })?;
    let written = export::write(&args.out, &bytes, Mode::Secret, args.force)?;
    let mut out = say(
        "cli-keystore-wrote",
        Facts::new()
            .with("path", written.path.display().to_string())
            .with("alias", &args.alias),
    );
    out.push('\n');
    let mut lines = Vec::new();
    if let Some(backup) = &written.backup {
        lines.push(say(
            "cli-backup",
            Facts::new().with("path", backup.display().to_string()),
        ));
    }
    if let Some(leaf) = credential.chain.first().and_then(|der| inspect(der, 0)) {
        lines.push(say(
            "cli-keystore-certificate",
            Facts::new()
                .with("subject", &leaf.subject)
                .with("names", leaf.names())
                .with("issuer", &leaf.issuer)
                .with("not_after", &leaf.not_after),
        ));
    }
    lines.push(say(
        "cli-keystore-chain",
        Facts::new().with("count", credential.chain.len()),
    ));
    for warning in &credential.warnings {
        lines.push(say(
            "cli-warning",
            Facts::new().with("warning", language.say(warning)),
        ));
    }
    if let Some(ca) = ca_cert {
        lines.push(say(
            "cli-keystore-trust",
            Facts::new().with("path", ca.display().to_string()),
        ));
    }
    for line in lines {
        let _ = writeln!(out, "  {line}");
    }
    let absolute = std::fs::canonicalize(&written.path).unwrap_or(written.path);
    let _ = writeln!(out, "\n{}", say("cli-keystore-spring", Facts::new()));
    for (key, value) in [
        ("server.ssl.key-store", spring::file_location(&absolute)),
        ("server.ssl.key-store-type", "PKCS12".to_owned()),
        ("server.ssl.key-alias", args.alias.clone()),
        (
            "server.ssl.key-store-password",
            format!("${{{}}}", args.password_env),
        ),
    ] {
        let _ = writeln!(out, "  {}", spring::property_line(key, &value));
    }
    print!("{out}");
    Ok(ExitStatus::Success)
}

/// The keystore password from the environment variable `variable`.
pub(crate) fn password(variable: &str) -> Result<Secret, Usage> {
    let value = super::from_env(variable, "password")?;
    if value.chars().count() < 6 {
        return Err(Usage::PasswordShort);
    }
    Ok(Secret::new(value))
}

fn source(args: &Args) -> Result<Source, Problem> {
    match (&args.cert, &args.key) {
        (Some(cert), Some(key)) => credential::import(cert, key, args.key_password_file.as_deref()),
        _ => credential::new_leaf(
            &args.hosts,
            args.self_signed,
            args.ca_dir.as_deref(),
            &args.key_type,
            args.days,
        ),
    }
}
