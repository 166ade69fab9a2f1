//! TCP connection: refused, timed out, or accepted, and, with a wait window,
//! retried with backoff while a server restarts.

use std::io::ErrorKind;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

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
        /// Time from the first attempt to the accepted one, when it was
        /// refused at first.
        waited: Option<Duration>,
    },
    /// Every address refused, until the wait window ended.
    Refused {
        /// How many rounds over the addresses were tried.
        attempts: u32,
    },
    /// No address answered in time.
    Timeout,
    /// Another socket error (unreachable network, …).
    Failed(String),
}

/// Tries each address in order; when all refuse and `wait` is given, tries
/// again with backoff (50 ms doubling to 1 s) until `wait` has passed.
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
        let mut refused = false;
        let mut last_error = None;
        for &address in addresses {
            match tokio::time::timeout(timeout, TcpStream::connect(address)).await {
                Ok(Ok(stream)) => {
                    let _ = stream.set_nodelay(true);
                    return Connect::Connected {
                        stream,
                        address,
                        attempts,
                        waited: (attempts > 1).then(|| started.elapsed()),
                    };
                }
                Ok(Err(error)) if error.kind() == ErrorKind::ConnectionRefused => refused = true,
                Ok(Err(error)) => last_error = Some(error.to_string()),
                Err(_) => last_error = last_error.or(Some(String::new())),
            }
        }
        let Some(wait) = wait.filter(|_| refused) else {
            return match (refused, last_error) {
                (true, _) => Connect::Refused { attempts },
                (false, Some(error)) if !error.is_empty() => Connect::Failed(error),
                _ => Connect::Timeout,
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
