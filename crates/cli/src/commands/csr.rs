//! `handshake csr`: a key and a certificate signing request for a public CA.

use std::path::PathBuf;

use handshake_core::export::{self, Mode};
use handshake_core::pki::{self, KeyType, LeafRequest};

use super::diagnose::usage;
use crate::exit::ExitStatus;

/// Make a private key and a CSR with the host names, for a public CA.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  handshake csr --host api.example.com --host www.example.com --key-out api.key --csr-out api.csr"
)]
pub(crate) struct Args {
    /// A host name or IP address; repeatable.
    #[arg(long = "host", value_name = "NAME", required = true)]
    hosts: Vec<String>,
    /// Key type: ecdsa-p256, rsa-2048, rsa-3072, rsa-4096.
    #[arg(long, value_name = "TYPE", default_value = "ecdsa-p256")]
    key_type: String,
    /// Where to write the private key (mode 0600).
    #[arg(long, value_name = "FILE")]
    key_out: PathBuf,
    /// Where to write the CSR.
    #[arg(long, value_name = "FILE")]
    csr_out: PathBuf,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitStatus> {
    let Some(key_type) = KeyType::from_name(&args.key_type) else {
        return Ok(usage(&format!(
            "unknown key type \"{}\": use ecdsa-p256, rsa-2048, rsa-3072 or rsa-4096",
            args.key_type
        )));
    };
    let request = LeafRequest {
        key_type,
        ..LeafRequest::new(args.hosts.clone())
    };
    let made = match pki::signing_request(&request) {
        Ok(made) => made,
        Err(error) => return Ok(usage(&error.to_string())),
    };
    // The key first: a CSR without its key is useless.
    for (path, bytes, mode) in [
        (&args.key_out, made.key_pem.as_bytes(), Mode::Secret),
        (&args.csr_out, made.csr_pem.as_bytes(), Mode::Public),
    ] {
        if let Err(error) = export::write(path, bytes, mode, false) {
            return Ok(usage(&error.to_string()));
        }
    }
    println!(
        "wrote {} (private key, mode 0600) and {} (CSR for {})\nSend the CSR to your CA; then `handshake keystore --cert CERT.pem --key {}` makes the keystore.",
        args.key_out.display(),
        args.csr_out.display(),
        args.hosts.join(", "),
        args.key_out.display()
    );
    Ok(ExitStatus::Success)
}
