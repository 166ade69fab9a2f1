//! Name resolution: every address (A and AAAA), in the order the resolver
//! returns them.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::target::{HostKind, Target};

/// Why a name did not resolve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "cause", rename_all = "kebab-case")]
pub enum DnsError {
    /// The resolver answered with an error (NXDOMAIN and friends).
    NotFound {
        /// The resolver's own words, quoted as they are.
        reason: String,
    },
    /// The resolver answered with no address at all.
    NoAddresses,
    /// The resolver did not answer in time.
    Timeout,
}

/// Resolves the target's host to socket addresses. IP addresses are used
/// as they are, without asking the resolver.
pub async fn resolve(target: &Target, timeout: Duration) -> Result<Vec<SocketAddr>, DnsError> {
    if target.host_kind != HostKind::Domain {
        return match target.host.parse::<IpAddr>() {
            Ok(ip) => Ok(vec![SocketAddr::new(ip, target.port)]),
            Err(error) => Err(DnsError::NotFound {
                reason: error.to_string(),
            }),
        };
    }
    resolve_host(&target.host, target.port, timeout).await
}

/// The addresses of `host` (a name or an address) on `port`: a proxy's.
pub async fn resolve_host(
    host: &str,
    port: u16,
    timeout: Duration,
) -> Result<Vec<SocketAddr>, DnsError> {
    if let Ok(ip) = host.trim_matches(['[', ']']).parse::<IpAddr>() {
        return Ok(vec![SocketAddr::new(ip, port)]);
    }
    let lookup = tokio::net::lookup_host((host, port));
    match tokio::time::timeout(timeout, lookup).await {
        Err(_) => Err(DnsError::Timeout),
        Ok(Err(error)) => Err(DnsError::NotFound {
            reason: error.to_string(),
        }),
        Ok(Ok(addresses)) => {
            let mut unique: Vec<SocketAddr> = Vec::new();
            for address in addresses {
                if !unique.contains(&address) {
                    unique.push(address);
                }
            }
            if unique.is_empty() {
                Err(DnsError::NoAddresses)
            } else {
                Ok(unique)
            }
        }
    }
}
