//! Probes: small checks that each observe one layer of an endpoint and
//! return typed evidence. They decide nothing; `diagnose` does.

pub mod cert;
pub mod dns;
pub mod hello;
pub mod http;
pub mod ocsp;
pub mod sniff;
pub mod tcp;
pub mod tls;
pub mod ws;

use tokio::io::{AsyncRead, AsyncWrite};

/// Anything an exchange can run over: plain TCP or TLS.
pub trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}
