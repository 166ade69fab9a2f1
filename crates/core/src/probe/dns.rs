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
    if in_hosts_file(host) {
        // The resolver answers from the file before it asks any server
        // (`hosts: files …`), so it cannot block: asked here, not on a
        // thread of its own, which cost a `localhost` diagnosis 0.24 ms.
        return collect(std::net::ToSocketAddrs::to_socket_addrs(&(host, port)));
    }
    let lookup = tokio::net::lookup_host((host, port));
    match tokio::time::timeout(timeout, lookup).await {
        Err(_) => Err(DnsError::Timeout),
        Ok(answer) => collect(answer),
    }
}

/// The resolver's answer, each address once.
fn collect(
    answer: std::io::Result<impl Iterator<Item = SocketAddr>>,
) -> Result<Vec<SocketAddr>, DnsError> {
    let addresses = answer.map_err(|error| DnsError::NotFound {
        reason: error.to_string(),
    })?;
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

/// The hosts file, read only when it is no larger than this: ad-blocking
/// lists make it megabytes, and the resolver reads those as well as we do.
const HOSTS_CAP: u64 = 64 << 10;

/// Whether the system's hosts file names `host`.
fn in_hosts_file(host: &str) -> bool {
    use std::io::Read as _;
    let Some(path) = hosts_file() else {
        return false;
    };
    let mut text = String::with_capacity(4096);
    let read = std::fs::File::open(path)
        .and_then(|file| file.take(HOSTS_CAP + 1).read_to_string(&mut text));
    read.is_ok_and(|length| length as u64 <= HOSTS_CAP) && names(&text, host)
}

#[cfg(unix)]
fn hosts_file() -> Option<&'static std::path::Path> {
    Some(std::path::Path::new("/etc/hosts"))
}

/// Elsewhere the resolver is asked on a thread, as any name.
#[cfg(not(unix))]
fn hosts_file() -> Option<&'static std::path::Path> {
    None
}

/// Whether hosts-file `text` gives `host` an address: a line's address
/// followed by its names, `#` to the line's end a comment, names compared
/// without case.
fn names(text: &str, host: &str) -> bool {
    text.lines().any(|line| {
        let line = line.split('#').next().unwrap_or_default();
        let mut fields = line.split_ascii_whitespace();
        fields
            .next()
            .is_some_and(|address| address.parse::<IpAddr>().is_ok())
            && fields.any(|name| name.eq_ignore_ascii_case(host))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hosts_file_names_what_its_lines_list() {
        let text = "127.0.0.1\tlocalhost\n::1 localhost ip6-localhost # the loopback\n\
                    # 10.0.0.1 commented\n10.0.0.2 Build.Internal\nnot-an-address bogus\n";
        assert!(names(text, "localhost"));
        assert!(names(text, "ip6-localhost"));
        assert!(names(text, "build.internal"));
        for absent in ["commented", "the", "loopback", "bogus", "10.0.0.2", "build"] {
            assert!(!names(text, absent), "{absent}");
        }
    }

    #[tokio::test]
    async fn a_name_in_the_hosts_file_resolves_to_its_addresses() {
        // Every Debian names localhost in /etc/hosts.
        assert!(in_hosts_file("localhost"));
        let addresses = resolve_host("localhost", 8443, Duration::from_secs(5))
            .await
            .expect("localhost resolves");
        assert!(!addresses.is_empty());
        assert!(
            addresses
                .iter()
                .all(|address| address.ip().is_loopback() && address.port() == 8443),
            "{addresses:?}"
        );
    }
}
