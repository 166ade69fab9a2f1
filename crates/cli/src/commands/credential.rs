//! Where a certificate comes from, as `keystore` and `generate` read it
//! from the command line.

use std::path::{Path, PathBuf};

use handshake_core::Secret;
use handshake_core::file::{self, Holds};
use handshake_core::pki::{self, KeyType, LeafRequest, Source};

use crate::problem::{Problem, Usage};

/// Existing PEM files (any key format; `passphrase_file` for an encrypted one).
pub(crate) fn import(
    cert: &Path,
    key: &Path,
    passphrase_file: Option<&Path>,
) -> Result<Source, Problem> {
    let passphrase = match passphrase_file {
        None => None,
        Some(file) => Some(passphrase(file)?),
    };
    Ok(Source::Import {
        cert: cert.to_owned(),
        key: key.to_owned(),
        passphrase,
    })
}

/// The passphrase in `file`, without its line end.
pub(crate) fn passphrase(file: &Path) -> Result<Secret, Problem> {
    let bytes = file::read(file, Holds::Password)?;
    let text = String::from_utf8_lossy(&bytes);
    Ok(Secret::new(text.trim_end_matches(['\r', '\n'])))
}

/// A new leaf for `hosts`: self-signed, or signed by the development CA
/// in `ca_dir` (the default folder when `None`).
pub(crate) fn new_leaf(
    hosts: &[String],
    self_signed: bool,
    ca_dir: Option<&Path>,
    key_type: &str,
    days: u32,
) -> Result<Source, Problem> {
    if hosts.is_empty() {
        return Err(Usage::NoHosts.into());
    }
    let request = LeafRequest {
        hosts: hosts.to_vec(),
        days,
        key_type: self::key_type(key_type)?,
    };
    Ok(if self_signed {
        Source::SelfSigned(request)
    } else {
        Source::DevCa {
            dir: ca_dir.map_or_else(pki::default_ca_dir, PathBuf::from),
            request,
        }
    })
}

/// The key type named `name` (`ecdsa-p256`, `rsa-2048`…).
pub(crate) fn key_type(name: &str) -> Result<KeyType, Problem> {
    KeyType::from_name(name).ok_or_else(|| {
        Usage::KeyType {
            given: name.to_owned(),
        }
        .into()
    })
}
