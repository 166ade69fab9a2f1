//! Socket.IO (Engine.IO v4): the open packet, then the main namespace
//! joined.

use serde::Deserialize;

use super::{Socket, Speaking, Spoken, not_this, receive_text, send};
use crate::exchange::{CheckFailure, Protocol};
use tokio::io::{AsyncRead, AsyncWrite};

/// Engine.IO's URL for `transport` (`websocket`, `polling`): Socket.IO's
/// default path when the URL has none, and the query a v4 client sends.
pub(crate) fn path(path: &str, transport: &str) -> String {
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let path = match path.trim_end_matches('/') {
        "" => "/socket.io/".to_owned(),
        path => format!("{path}/"),
    };
    let mut query: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("EIO=") && !p.starts_with("transport="))
        .collect();
    let transport = format!("transport={transport}");
    query.extend(["EIO=4", &transport]);
    format!("{path}?{}", query.join("&"))
}

/// The Engine.IO v4 open packet.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct EngineOpen {
    sid: String,
    ping_interval: Option<u32>,
}

/// Socket.IO: the Engine.IO open packet `0{…}`, then `40` to join the main
/// namespace, answered `40{"sid":…}` or `44{"message":…}` (refused by a
/// middleware). Engine.IO pings (`2`) are answered (`3`).
pub(super) async fn speak<S: AsyncRead + AsyncWrite + Unpin>(
    socket: &mut Socket<S>,
    speaking: Speaking<'_>,
) -> Result<Spoken, CheckFailure> {
    let Speaking {
        limits,
        greeting: mut first,
        ..
    } = speaking;
    let mut open: Option<EngineOpen> = None;
    loop {
        // Engine.IO speaks first: before its open packet, what was sent is
        // the upgrade itself.
        let waiting_for = if open.is_some() {
            "40"
        } else {
            "Upgrade: websocket"
        };
        let text = match first.take() {
            Some(text) => text,
            None => receive_text(socket, limits, waiting_for, Protocol::Socketio).await?,
        };
        if let Some(json) = text.strip_prefix('0')
            && open.is_none()
        {
            open =
                Some(serde_json::from_str(json).map_err(|_| not_this(Protocol::Socketio, &text))?);
            send(socket, "40".to_owned()).await?;
        } else if text == "2" {
            send(socket, "3".to_owned()).await?;
        } else if let (Some(engine), Some(_)) = (&open, text.strip_prefix("40")) {
            return Ok(Spoken::Socketio {
                sid: engine.sid.clone(),
                namespace: "/".to_owned(),
                ping_interval_ms: engine.ping_interval,
            });
        } else if let (Some(_), Some(json)) = (&open, text.strip_prefix("44")) {
            let message = serde_json::from_str::<serde_json::Value>(json)
                .ok()
                .and_then(|v| v.get("message")?.as_str().map(str::to_owned))
                .unwrap_or_else(|| json.to_owned());
            return Err(CheckFailure::ProtocolRefused {
                protocol: Protocol::Socketio,
                message,
                detail: String::new(),
            });
        } else {
            return Err(not_this(Protocol::Socketio, &text));
        }
    }
}
