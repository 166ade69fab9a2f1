//! `handshake csr`: a key and a certificate signing request for a public CA.

use std::path::PathBuf;

use handshake_core::Language;
use handshake_core::csr::{self, CsrFiles};
use handshake_core::i18n::Facts;
use handshake_core::pki::{KeyType, LeafRequest};

use crate::exit::ExitStatus;
use crate::problem::{Problem, Usage};
use crate::render::say;

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
    /// Where to write the private key (readable by you alone: mode 0600, or on Windows an access list).
    #[arg(long, value_name = "FILE")]
    key_out: PathBuf,
    /// Where to write the CSR.
    #[arg(long, value_name = "FILE")]
    csr_out: PathBuf,
}

pub(crate) fn run(args: &Args, language: Language) -> Result<ExitStatus, Problem> {
    let key_type = KeyType::from_name(&args.key_type).ok_or_else(|| Usage::KeyType {
        given: args.key_type.clone(),
    })?;
    let request = LeafRequest {
        key_type,
        ..LeafRequest::new(args.hosts.clone())
    };
    let files = CsrFiles {
        key: args.key_out.clone(),
        csr: args.csr_out.clone(),
    };
    csr::write(&request, &files)?;
    let facts = Facts::new()
        .with("key", args.key_out.display().to_string())
        .with("csr", args.csr_out.display().to_string())
        .with("hosts", args.hosts.clone());
    println!(
        "{}\n{}",
        say(language, "cli-csr-wrote", facts.clone()),
        say(language, "cli-csr-next", facts)
    );
    Ok(ExitStatus::Success)
}
