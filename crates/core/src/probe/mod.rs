//! Probes: small checks that each observe one layer of an endpoint and
//! return typed evidence. They decide nothing; `diagnose` does.

pub mod cert;
pub mod dial;
pub mod dns;
pub mod fallback;
pub mod hello;
pub mod http;
pub mod ocsp;
pub mod sniff;
pub mod tcp;
pub mod tls;
pub mod tunnel;
pub mod ws;

use tokio::io::{AsyncRead, AsyncWrite};

/// `N` bytes from the system's randomness, for values any of which makes a
/// valid message — a WebSocket key or mask, a ClientHello's random, a
/// SockJS session id — never for a secret: should the randomness fail, the
/// zeros still work.
pub(crate) fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    let _ = rustls::crypto::aws_lc_rs::default_provider()
        .secure_random
        .fill(&mut bytes);
    bytes
}

/// Anything an exchange can run over: plain TCP or TLS.
pub trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}
