//! graphql-ws (`graphql-transport-ws`): `connection_init` → `connection_ack`.

use super::{Socket, Speaking, Spoken, not_this, receive_text, send};
use crate::exchange::{CheckFailure, Protocol};
use tokio::io::{AsyncRead, AsyncWrite};

/// graphql-ws's subprotocol.
pub(super) const SUBPROTOCOL: &str = "graphql-transport-ws";

/// graphql-ws: `connection_init` → `connection_ack` (pings answered). An
/// echo of the init message is an echo server when `auto` picked it.
pub(super) async fn speak<S: AsyncRead + AsyncWrite + Unpin>(
    socket: &mut Socket<S>,
    speaking: Speaking<'_>,
) -> Result<Spoken, CheckFailure> {
    let Speaking {
        limits,
        picked,
        greeting: first,
        ..
    } = speaking;
    // A graphql-ws server speaks only after connection_init.
    if let Some(text) = first {
        return Err(not_this(Protocol::GraphqlWs, &text));
    }
    let init = r#"{"type":"connection_init"}"#;
    send(socket, init.to_owned()).await?;
    loop {
        let text = receive_text(socket, limits, "connection_init", Protocol::GraphqlWs).await?;
        match message_type(&text).as_deref() {
            Some("connection_ack") => return Ok(Spoken::GraphqlWs),
            Some("ping") => send(socket, r#"{"type":"pong"}"#.to_owned()).await?,
            _ if picked && text == init => return Ok(Spoken::Echo),
            _ => return Err(not_this(Protocol::GraphqlWs, &text)),
        }
    }
}

fn message_type(text: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    value.get("type")?.as_str().map(str::to_owned)
}
