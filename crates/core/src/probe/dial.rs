//! How to open one more connection to the target — for the raw TLS
//! hellos, the retry without Origin, the SockJS question — the way the
//! first one went: straight to the address that answered, or through the
//! proxy's tunnel.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::net::TcpStream;

use super::tunnel;
use crate::proxy::ProxyCredentials;

/// The way to the target.
#[derive(Debug, Clone)]
pub enum Dial {
    /// Straight to the address that answered.
    Direct(SocketAddr),
    /// Through the proxy at `proxy`, tunnelled to `authority`.
    Tunnel {
        /// The proxy's address that answered.
        proxy: SocketAddr,
        /// `host:port` of the target.
        authority: String,
        /// Basic credentials for the proxy.
        credentials: Option<ProxyCredentials>,
    },
}

impl Dial {
    /// A new connection to the target, within `timeout` for all of it.
    pub async fn open(&self, timeout: Duration) -> Option<TcpStream> {
        let open = async {
            match self {
                Dial::Direct(address) => TcpStream::connect(address).await.ok(),
                Dial::Tunnel {
                    proxy,
                    authority,
                    credentials,
                } => {
                    let stream = TcpStream::connect(proxy).await.ok()?;
                    tunnel::open(stream, authority, credentials.as_ref(), timeout)
                        .await
                        .ok()
                }
            }
        };
        tokio::time::timeout(timeout, open).await.ok().flatten()
    }
}
