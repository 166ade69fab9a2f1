//! SockJS (Spring's `.withSockJS()`): its WebSocket transport URL, the
//! open frame, then STOMP inside its frames.

use super::stomp::{StompAnswer, read_stomp, stomp_connect};
use super::{Socket, Speaking, Spoken, not_this, receive_text, send};
use crate::exchange::{CheckFailure, Protocol};
use tokio::io::{AsyncRead, AsyncWrite};

/// `…/{server}/{session}/websocket`: SockJS's WebSocket transport URL.
pub(super) fn is_session(path: &str) -> bool {
    let parts: Vec<&str> = path
        .split('?')
        .next()
        .unwrap_or_default()
        .rsplit('/')
        .collect();
    matches!(parts.as_slice(), ["websocket", session, server, ..]
        if !session.is_empty() && !server.is_empty() && !server.contains('.'))
        && parts.len() >= 4
}

/// The WebSocket transport URL of a SockJS endpoint: the path as given when
/// it is one, else `{base}/{server}/{session}/websocket` with a fresh
/// session.
pub(super) fn path(path: &str) -> String {
    if is_session(path) {
        return path.to_owned();
    }
    let base = path
        .split('?')
        .next()
        .unwrap_or_default()
        .trim_end_matches('/');
    let session: String = crate::probe::random_bytes::<6>()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("{base}/000/{session}/websocket")
}

/// SockJS: the open frame `o`, then a STOMP CONNECT inside `[…]` — answered
/// by `CONNECTED` (Spring) or echoed (a SockJS echo). `c[code,"reason"]` is
/// the server closing the session.
pub(super) async fn speak<S: AsyncRead + AsyncWrite + Unpin>(
    socket: &mut Socket<S>,
    speaking: Speaking<'_>,
) -> Result<Spoken, CheckFailure> {
    let Speaking {
        host,
        login,
        limits,
        greeting: mut first,
        ..
    } = speaking;
    let mut opened = false;
    let connect = stomp_connect(host, login);
    loop {
        // Before the open frame, what was sent is the upgrade itself.
        let waiting_for = if opened {
            "STOMP CONNECT"
        } else {
            "Upgrade: websocket"
        };
        let text = match first.take() {
            Some(text) => text,
            None => receive_text(socket, limits, waiting_for, Protocol::Sockjs).await?,
        };
        let (kind, rest) = text.split_at(text.len().min(1));
        match kind {
            "o" if !opened => {
                opened = true;
                let frame = serde_json::to_string(&[&connect]).unwrap_or_default();
                send(socket, frame).await?;
            }
            "h" => {}
            "c" => {
                let (code, reason) =
                    serde_json::from_str::<(u16, String)>(rest).unwrap_or((1005, rest.to_owned()));
                return Err(CheckFailure::ClosedWebSocket { code, reason });
            }
            "a" if opened => {
                let messages: Vec<String> =
                    serde_json::from_str(rest).map_err(|_| not_this(Protocol::Sockjs, &text))?;
                let first = messages.first().map(String::as_str).unwrap_or_default();
                return match read_stomp(first, true) {
                    StompAnswer::Connected(spoken) => Ok(spoken),
                    StompAnswer::Error(message, detail) => Err(CheckFailure::ProtocolRefused {
                        protocol: Protocol::Stomp,
                        message,
                        detail,
                    }),
                    StompAnswer::Other if first == connect => Ok(Spoken::SockjsEcho),
                    StompAnswer::Other => Err(not_this(Protocol::Sockjs, &text)),
                };
            }
            _ => return Err(not_this(Protocol::Sockjs, &text)),
        }
    }
}
