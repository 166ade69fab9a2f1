//! The real Handshake window, end to end.

mod csr;
mod diagnose;
mod keystore;
mod mtls;
mod report;
mod scan;
mod target;
mod wizard;
