//! An HTTP proxy's `CONNECT` tunnel: one request, one answer head read
//! within the step's deadline and the head's size cap; on `200` the stream
//! carries the target's bytes as if connected directly.

use std::net::SocketAddr;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

use super::dial::Dial;
use super::dns::{self, DnsError};
use super::http::{self, ResponseFailure, ResponseHead};
use super::tcp::{self, Connect, NetworkError};
use crate::proxy::ProxyCredentials;

/// How the proxy on the way failed, before the target was reached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "stage", rename_all = "kebab-case")]
pub enum ProxyFailure {
    /// Its name did not resolve.
    Unresolved {
        /// Why.
        error: DnsError,
    },
    /// It did not accept the connection.
    Unreachable {
        /// How the attempts ended.
        how: Unreachable,
    },
    /// It did not open the tunnel.
    Tunnel {
        /// Its answer, or why none came.
        failure: TunnelFailure,
    },
}

/// How a proxy did not accept the connection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Unreachable {
    /// Refused: nothing listens there.
    Refused,
    /// No answer in time.
    TimedOut,
    /// Another socket error.
    Failed {
        /// What the system said.
        error: NetworkError,
    },
}

/// An open tunnel to the target, and how it was reached.
#[derive(Debug)]
pub struct Tunnelled {
    /// The stream, carrying the target's bytes.
    pub stream: TcpStream,
    /// The way to open more connections like it.
    pub dial: Dial,
    /// Rounds of attempts to connect to the proxy.
    pub attempts: u32,
    /// How long the proxy's port was refused before it accepted.
    pub waited: Option<Duration>,
}

/// The proxy at `host:port` (its name resolved, its port connected —
/// retried within `wait` while refused), then its tunnel to `authority`,
/// each step within `timeout`.
pub async fn through(
    host: &str,
    port: u16,
    authority: &str,
    credentials: Option<&ProxyCredentials>,
    timeout: Duration,
    wait: Option<Duration>,
) -> Result<Tunnelled, ProxyFailure> {
    let addresses = dns::resolve_host(host, port, timeout)
        .await
        .map_err(|error| ProxyFailure::Unresolved { error })?;
    let (stream, address, attempts, waited) = match tcp::connect(&addresses, timeout, wait).await {
        Connect::Connected {
            stream,
            address,
            attempts,
            waited,
            ..
        } => (stream, address, attempts, waited),
        Connect::Refused { .. } => return Err(unreachable(Unreachable::Refused)),
        Connect::Timeout => return Err(unreachable(Unreachable::TimedOut)),
        Connect::Failed(error) => return Err(unreachable(Unreachable::Failed { error })),
    };
    let stream = open(stream, authority, credentials, timeout)
        .await
        .map_err(|failure| ProxyFailure::Tunnel { failure })?;
    Ok(Tunnelled {
        stream,
        dial: Dial::Tunnel {
            proxy: address,
            authority: authority.to_owned(),
            credentials: credentials.cloned(),
        },
        attempts,
        waited,
    })
}

fn unreachable(how: Unreachable) -> ProxyFailure {
    ProxyFailure::Unreachable { how }
}

/// Why the proxy did not open the tunnel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum TunnelFailure {
    /// It answered, but not `200`: its status, its headers
    /// (`Proxy-Authenticate`, `Via`, `Server`) and its page's first words.
    Refused {
        /// The proxy's answer.
        answer: ResponseHead,
    },
    /// No complete answer: silent, closed, dripping or not HTTP.
    NoAnswer {
        /// What went wrong with the answer.
        failure: ResponseFailure,
    },
}

/// Asks the proxy on `stream` for a tunnel to `authority` (`host:port`),
/// with Basic `credentials` when given, within `timeout`.
pub async fn open(
    mut stream: TcpStream,
    authority: &str,
    credentials: Option<&ProxyCredentials>,
    timeout: Duration,
) -> Result<TcpStream, TunnelFailure> {
    let mut request = format!("CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n");
    if let Some(credentials) = credentials {
        request.push_str(&format!("Proxy-Authorization: {}\r\n", basic(credentials)));
    }
    request.push_str("User-Agent: handshake\r\n\r\n");
    let exchange = async {
        stream
            .write_all(request.as_bytes())
            .await
            .map_err(|error| http::HeadError::Io(super::tcp::NetworkError::new(&error)))?;
        http::read_response(&mut stream, timeout).await
    };
    match tokio::time::timeout(timeout, exchange).await {
        Ok(Ok((head, rest))) if head.status == 200 && rest.is_empty() => Ok(stream),
        Ok(Ok((answer, _))) => Err(TunnelFailure::Refused { answer }),
        Ok(Err(error)) => Err(TunnelFailure::NoAnswer {
            failure: error.evidence(),
        }),
        Err(_) => Err(TunnelFailure::NoAnswer {
            failure: ResponseFailure::Silent,
        }),
    }
}

/// What a forwarding proxy made of a WebSocket upgrade sent to it as an
/// ordinary request — in absolute form, no tunnel — the way Node's
/// `http-proxy-agent` and other forwarding clients send `ws://`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Forwarded {
    /// `101`: the proxy carried the upgrade.
    Switched,
    /// Another answer: the upgrade was lost on the way.
    Answered {
        /// The answer that came back.
        answer: ResponseHead,
    },
    /// No answer: the server got a plain request it does not answer, or
    /// the proxy kept it.
    NoAnswer {
        /// What went wrong with the answer.
        failure: ResponseFailure,
        /// How long it was waited for, in milliseconds.
        waited_ms: u32,
    },
}

/// Sends `GET url` with `headers` (an upgrade) to the proxy at `proxy` as
/// to a forwarding proxy — `host` its Host — with Basic `credentials` when
/// given; what came back within `patience`, or `None` when the proxy could
/// not be connected again.
pub async fn forward(
    proxy: SocketAddr,
    url: &str,
    host: &str,
    headers: &[(&str, &str)],
    credentials: Option<&ProxyCredentials>,
    patience: Duration,
) -> Option<Forwarded> {
    let waited_ms = u32::try_from(patience.as_millis()).unwrap_or(u32::MAX);
    let authorization = credentials.map(basic);
    let mut headers = headers.to_vec();
    if let Some(authorization) = &authorization {
        headers.push(("Proxy-Authorization", authorization));
    }
    let request = http::request("GET", url, host, &headers);
    let exchange = async {
        let mut stream = TcpStream::connect(proxy).await.ok()?;
        stream.write_all(&request).await.ok()?;
        let answer = http::read_head(&mut stream, patience).await;
        http::close_politely(&mut stream).await;
        Some(match answer {
            Ok(head) if head.status == 101 => Forwarded::Switched,
            Ok(answer) => Forwarded::Answered { answer },
            Err(error) => Forwarded::NoAnswer {
                failure: error.evidence(),
                waited_ms,
            },
        })
    };
    match tokio::time::timeout(patience, exchange).await {
        Ok(forwarded) => forwarded,
        Err(_) => Some(Forwarded::NoAnswer {
            failure: ResponseFailure::Silent,
            waited_ms,
        }),
    }
}

/// `Basic base64(user:password)`.
fn basic(credentials: &ProxyCredentials) -> String {
    use base64::Engine as _;
    let pair = format!("{}:{}", credentials.user, credentials.password.expose());
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(pair)
    )
}
