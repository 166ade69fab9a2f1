//! Probes: small checks that each observe one layer of an endpoint and
//! return typed evidence. They decide nothing; `diagnose` does.

pub mod cert;
pub mod dns;
pub mod http;
pub mod sniff;
pub mod tcp;
pub mod tls;
pub mod ws;
