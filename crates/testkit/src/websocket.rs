//! WebSocket servers on loopback, plain or behind TLS: an echo server, and
//! misbehaving ones (silent after the upgrade, an oversized message).

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio_tungstenite::tungstenite::Message;

use crate::pki::Identity;
use crate::servers::{Server, serve, serve_on};

/// What the server does once the socket is open.
#[derive(Debug, Clone, Copy)]
pub enum Behaviour {
    /// Answers every text or binary message with the same message.
    Echo,
    /// Never answers (the connection stays open for a minute).
    Silent,
    /// Answers the first message with a 4 MiB text message.
    Oversized,
    /// Never answers, but sends a ping every 100 ms (for a minute).
    PingFlood,
}

/// A plain `ws://` server.
pub async fn ws(behaviour: Behaviour) -> Server {
    serve(move |stream| async move { session(stream, behaviour).await }).await
}

/// A `wss://` server presenting `identity`.
pub async fn wss(identity: &Identity, behaviour: Behaviour) -> Server {
    wss_on(0, identity, behaviour).await
}

/// [`wss`] on a chosen port (0: any free one).
pub async fn wss_on(port: u16, identity: &Identity, behaviour: Behaviour) -> Server {
    let acceptor = identity.acceptor();
    serve_on(port, move |stream| {
        let acceptor = acceptor.clone();
        async move {
            if let Ok(Ok(tls)) =
                tokio::time::timeout(Duration::from_secs(5), acceptor.accept(stream)).await
            {
                session(tls, behaviour).await;
            }
        }
    })
    .await
}

async fn session<S: AsyncRead + AsyncWrite + Unpin>(stream: S, behaviour: Behaviour) {
    let Ok(Ok(mut socket)) = tokio::time::timeout(
        Duration::from_secs(5),
        tokio_tungstenite::accept_async(stream),
    )
    .await
    else {
        return;
    };
    if let Behaviour::PingFlood = behaviour {
        for _ in 0..600 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            if socket.send(Message::Ping(Vec::new().into())).await.is_err() {
                return;
            }
        }
        return;
    }
    while let Ok(Some(Ok(message))) =
        tokio::time::timeout(Duration::from_secs(60), socket.next()).await
    {
        let reply = match (behaviour, message) {
            // Keep reading: the library answers the close, then the stream ends.
            (_, Message::Close(_)) => continue,
            (Behaviour::Silent, _) => continue,
            (Behaviour::Oversized, Message::Text(_) | Message::Binary(_)) => {
                Message::text("x".repeat(4 << 20))
            }
            (Behaviour::Echo, message @ (Message::Text(_) | Message::Binary(_))) => message,
            _ => continue,
        };
        if socket.send(reply).await.is_err() {
            break;
        }
    }
}
