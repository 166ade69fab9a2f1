//! `handshake keystore`: a PKCS12 keystore Java and Spring Boot load on the
//! first try.

use std::fmt::Write as _;
use std::path::PathBuf;

use handshake_core::Secret;
use handshake_core::export::{self, Mode};
use handshake_core::keystore::{KeystoreSpec, to_pkcs12};
use handshake_core::pki::{self, Source};
use handshake_core::probe::cert::inspect;

use super::credential;
use super::diagnose::usage;
use crate::exit::ExitStatus;

/// Make a PKCS12 keystore: from a development CA, self-signed, or from your
/// PEM certificate and key.
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
    /// The development CA's folder (default: ~/.local/share/handshake).
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
    /// The keystore file to write (mode 0600).
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

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitStatus> {
    let source = match source(args) {
        Ok(source) => source,
        Err(message) => return Ok(usage(&message)),
    };
    let password = match std::env::var(&args.password_env) {
        Ok(value) if value.chars().count() >= 6 => Secret::new(value),
        Ok(_) => {
            return Ok(usage(
                "the keystore password must have at least 6 characters (keytool and Java refuse shorter ones)",
            ));
        }
        Err(_) => {
            return Ok(usage(&format!(
                "the environment variable {} is not set; put the keystore password in it",
                args.password_env
            )));
        }
    };
    let (credential, ca_cert) = match pki::credential(&source) {
        Ok(made) => made,
        Err(error) => return Ok(usage(&error.to_string())),
    };
    let bytes = to_pkcs12(&KeystoreSpec {
        alias: &args.alias,
        password: &password,
        chain: &credential.chain,
        key_pkcs8: &credential.key_pkcs8,
        legacy: args.legacy,
    })?;
    let written = match export::write(&args.out, &bytes, Mode::Secret, args.force) {
        Ok(written) => written,
        Err(error) => return Ok(usage(&error.to_string())),
    };
    let mut out = format!(
        "wrote {} (PKCS12, alias \"{}\", mode 0600)\n",
        written.path.display(),
        args.alias
    );
    if let Some(backup) = &written.backup {
        let _ = writeln!(out, "  the previous file is kept as {}", backup.display());
    }
    if let Some(leaf) = credential.chain.first().and_then(|der| inspect(der, 0)) {
        let _ = writeln!(
            out,
            "  certificate  {} · covers {} · issued by {} · valid until {}",
            leaf.subject,
            leaf.names().join(", "),
            leaf.issuer,
            leaf.not_after
        );
    }
    let _ = writeln!(
        out,
        "  chain        {} certificate(s), leaf first",
        credential.chain.len()
    );
    for warning in &credential.warnings {
        let _ = writeln!(out, "  ! {warning}");
    }
    if let Some(ca) = ca_cert {
        let _ = writeln!(
            out,
            "  trust        clients must trust the development CA: {}",
            ca.display()
        );
    }
    let absolute = std::fs::canonicalize(&written.path).unwrap_or(written.path);
    let _ = writeln!(
        out,
        "\nSpring Boot (application.properties):\n  server.ssl.key-store=file:{}\n  server.ssl.key-store-type=PKCS12\n  server.ssl.key-alias={}\n  server.ssl.key-store-password=${{{}}}",
        absolute.display(),
        args.alias,
        args.password_env
    );
    print!("{out}");
    Ok(ExitStatus::Success)
}

fn source(args: &Args) -> Result<Source, String> {
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
