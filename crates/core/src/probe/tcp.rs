//! TCP connection: refused, timed out, or accepted, and, with a wait window,
//! retried with backoff while a server restarts.

use std::io::ErrorKind;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tokio::net::TcpStream;

/// How the connection attempts ended.
#[derive(Debug)]
pub enum Connect {
    /// Connected.
    Connected {
        /// The open stream.
        stream: TcpStream,
        /// The address that accepted.
        address: SocketAddr,
        /// How many rounds over the addresses it took.
        attempts: u32,
        /// Time from the first attempt to the start of the round that was
        /// accepted, when it was refused at first: the wait for the server,
        /// apart from the connection itself.
        waited: Option<Duration>,
        /// How each address tried in the last round answered, in order (the
        /// accepted one last).
        tried: Vec<AddressReply>,
    },
    /// Every address refused, until the wait window ended.
    Refused {
        /// How many rounds over the addresses were tried.
        attempts: u32,
    },
    /// No address answered in time.
    Timeout,
    /// Another socket error (unreachable network, …).
    Failed(NetworkError),
}

/// A socket error other than a refusal or a timeout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NetworkError {
    /// What kind of failure it is.
    pub cause: NetworkCause,
    /// The operating system's words, quoted as they are.
    pub detail: String,
}

/// The kinds of socket failure a user can act on differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum NetworkCause {
    /// No route to the network.
    NetworkUnreachable,
    /// The host does not answer (a router says so).
    HostUnreachable,
    /// The address cannot be used from this machine.
    AddressUnavailable,
    /// The system refused (a local firewall, a policy).
    PermissionDenied,
    /// The peer reset the connection.
    Reset,
    /// Anything else.
    Other,
}

impl NetworkCause {
    /// The kebab-case name, as in JSON and the catalogue's selectors.
    pub fn as_str(self) -> &'static str {
        match self {
            NetworkCause::NetworkUnreachable => "network-unreachable",
            NetworkCause::HostUnreachable => "host-unreachable",
            NetworkCause::AddressUnavailable => "address-unavailable",
            NetworkCause::PermissionDenied => "permission-denied",
            NetworkCause::Reset => "reset",
            NetworkCause::Other => "other",
        }
    }
}

impl NetworkError {
    /// The typed form of a socket error.
    pub fn new(error: &std::io::Error) -> NetworkError {
        let cause = match error.kind() {
            ErrorKind::NetworkUnreachable => NetworkCause::NetworkUnreachable,
            ErrorKind::HostUnreachable => NetworkCause::HostUnreachable,
            ErrorKind::AddrNotAvailable => NetworkCause::AddressUnavailable,
            ErrorKind::PermissionDenied => NetworkCause::PermissionDenied,
            ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted | ErrorKind::BrokenPipe => {
                NetworkCause::Reset
            }
            _ => NetworkCause::Other,
        };
        NetworkError {
            cause,
            detail: error.to_string(),
        }
    }
}

/// How one address answered a connection attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Reply {
    /// It accepted.
    Accepted,
    /// Nothing listens there.
    Refused,
    /// No answer in time.
    TimedOut,
    /// Another network error (unreachable, not available).
    Failed,
}

/// An address and how it answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AddressReply {
    /// The socket address.
    pub address: String,
    /// How it answered.
    pub reply: Reply,
}

/// How `address` answers a connection attempt within `timeout`; the
/// connection is closed at once.
pub async fn knock(address: SocketAddr, timeout: Duration) -> Reply {
    match tokio::time::timeout(timeout, TcpStream::connect(address)).await {
        Ok(Ok(_)) => Reply::Accepted,
        Ok(Err(error)) if error.kind() == ErrorKind::ConnectionRefused => Reply::Refused,
        Ok(Err(_)) => Reply::Failed,
        Err(_) => Reply::TimedOut,
    }
}

/// Tries each address in order, all within `timeout`; when all refuse and
/// `wait` is given, tries again with backoff (50 ms doubling to 1 s) until
/// `wait` has passed.
pub async fn connect(
    addresses: &[SocketAddr],
    timeout: Duration,
    wait: Option<Duration>,
) -> Connect {
    let started = Instant::now();
    let mut backoff = Duration::from_millis(50);
    let mut attempts = 0;
    loop {
        attempts += 1;
        let round_started = Instant::now();
        let mut refused = false;
        let mut last_error = None;
        let mut tried = Vec::new();
        let mut note = |address: &SocketAddr, reply| {
            tried.push(AddressReply {
                address: address.to_string(),
                reply,
            });
        };
        // One deadline for the round, however many addresses black-hole.
        let deadline = tokio::time::Instant::now() + timeout;
        for &address in addresses {
            match tokio::time::timeout_at(deadline, TcpStream::connect(address)).await {
                Ok(Ok(stream)) => {
                    let _ = stream.set_nodelay(true);
                    note(&address, Reply::Accepted);
                    return Connect::Connected {
                        stream,
                        address,
                        attempts,
                        waited: (attempts > 1).then(|| round_started.duration_since(started)),
                        tried,
                    };
                }
                Ok(Err(error)) if error.kind() == ErrorKind::ConnectionRefused => {
                    note(&address, Reply::Refused);
                    refused = true;
                }
                Ok(Err(error)) => {
                    note(&address, Reply::Failed);
                    last_error = Some(NetworkError::new(&error));
                }
                Err(_) => note(&address, Reply::TimedOut),
            }
        }
        let Some(wait) = wait.filter(|_| refused) else {
            return match (refused, last_error) {
                (true, _) => Connect::Refused { attempts },
                (false, Some(error)) => Connect::Failed(error),
                (false, None) => Connect::Timeout,
            };
        };
        let elapsed = started.elapsed();
        if elapsed >= wait {
            return Connect::Refused { attempts };
        }
        tokio::time::sleep(backoff.min(wait - elapsed)).await;
        backoff = (backoff * 2).min(Duration::from_secs(1));
    }
}
