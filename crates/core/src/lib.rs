//! The Handshake engine.
//!
//! Every decision Handshake makes lives here, behind plain Rust functions that
//! the command-line tool (`crates/cli`) and the desktop app (`src-tauri`) call
//! alike: neither front end holds logic of its own. Data flows one way, from a
//! [`Target`] to what the probes saw ([`diagnose::Evidence`]), to findings
//! ([`Finding`]), to generated files, to a verification (see `DESIGN.md`).
//! Each capability is one module.

#![warn(missing_docs)]

pub mod browser;
pub mod callback;
pub mod cert_files;
mod clock;
pub mod csr;
mod der;
pub mod diagnose;
mod digest;
pub mod error;
pub mod exchange;
pub mod export;
pub mod file;
pub mod finding;
pub mod fix;
pub mod i18n;
pub mod keystore;
pub mod logs;
pub mod metrics;
pub mod next_steps;
pub mod pem;
pub mod pki;
pub mod probe;
pub mod profile;
pub mod proxy;
pub mod render;
pub mod said;
pub mod scan;
pub mod secret;
pub mod settings;
pub mod target;
pub mod trust;
pub mod verify;

pub use diagnose::{Options, Report, diagnose};
pub use finding::{Code, Finding, Severity};
pub use i18n::Language;
pub use secret::Secret;
pub use target::{HostKind, Scheme, Target, TargetError};
pub use verify::{CheckOptions, CheckReport, check};
