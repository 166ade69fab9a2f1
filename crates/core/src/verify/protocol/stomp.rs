//! STOMP (Spring's `@EnableWebSocketMessageBroker`, RabbitMQ's Web-STOMP):
//! `CONNECT` → `CONNECTED`, or the broker's `ERROR` frame quoted.

use super::{Socket, Speaking, Spoken, not_this, receive_text, send};
use crate::exchange::{CheckFailure, Protocol};
use crate::secret::Secret;
use tokio::io::{AsyncRead, AsyncWrite};

/// The subprotocols STOMP clients offer (STOMP.js, Spring's client).
pub(super) const SUBPROTOCOLS: [&str; 3] = ["v12.stomp", "v11.stomp", "v10.stomp"];

/// The STOMP CONNECT frame, without heart-beats, with a `host` header only
/// for a virtual host the user named, and the `login` and `passcode`
/// headers when given (all checked for line breaks).
pub(super) fn stomp_connect(host: Option<&str>, login: Option<&(String, Secret)>) -> String {
    let host = host.map_or_else(String::new, |host| format!("host:{host}\n"));
    let credentials = login.map_or_else(String::new, |(login, passcode)| {
        format!("login:{login}\npasscode:{}\n", passcode.expose())
    });
    format!("CONNECT\naccept-version:1.0,1.1,1.2\n{host}{credentials}heart-beat:0,0\n\n\0")
}

/// What a STOMP frame says.
pub(super) enum StompAnswer {
    Connected(Spoken),
    /// An ERROR frame: its `message` header, and its body, which says why
    /// (RabbitMQ: "Bad CONNECT", then "Access refused for user 'guest'").
    Error(String, String),
    Other,
}

/// The most of an ERROR frame's body kept: it is quoted to the user.
const MAX_ERROR_DETAIL: usize = 500;

pub(super) fn read_stomp(frame: &str, over_sockjs: bool) -> StompAnswer {
    let frame = frame.trim_start_matches(['\n', '\r']);
    let (head, body) = frame.split_once("\n\n").unwrap_or((frame, ""));
    let mut lines = head.lines();
    let command = lines.next().unwrap_or_default().trim_end_matches('\r');
    let headers: Vec<(&str, &str)> = lines
        .filter_map(|line| line.trim_end_matches('\r').split_once(':'))
        .collect();
    let header = |name: &str| {
        headers
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| (*value).to_owned())
    };
    match command {
        "CONNECTED" => StompAnswer::Connected(Spoken::Stomp {
            version: header("version"),
            server: header("server"),
            heart_beat: header("heart-beat"),
            over_sockjs,
        }),
        "ERROR" => {
            let body = body.trim_matches(|c: char| c == '\0' || c.is_whitespace());
            // Quoted on one line.
            let detail: String = body
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .take(MAX_ERROR_DETAIL)
                .collect();
            match header("message") {
                Some(message) => StompAnswer::Error(message, detail),
                // No message header: the body's first line says it.
                None => StompAnswer::Error(
                    body.lines().next().unwrap_or_default().to_owned(),
                    String::new(),
                ),
            }
        }
        _ => StompAnswer::Other,
    }
}

/// STOMP over a raw WebSocket. An echo of the CONNECT frame is an echo
/// server, named as such when the protocol was picked by `auto`.
pub(super) async fn speak<S: AsyncRead + AsyncWrite + Unpin>(
    socket: &mut Socket<S>,
    speaking: Speaking<'_>,
) -> Result<Spoken, CheckFailure> {
    let Speaking {
        host,
        login,
        limits,
        picked,
        greeting: first,
    } = speaking;
    // A STOMP server speaks only when spoken to.
    if let Some(text) = first {
        return Err(not_this(Protocol::Stomp, &text));
    }
    let connect = stomp_connect(host, login);
    send(socket, connect.clone()).await?;
    let text = receive_text(socket, limits, "STOMP CONNECT", Protocol::Stomp).await?;
    match read_stomp(&text, false) {
        StompAnswer::Connected(spoken) => Ok(spoken),
        StompAnswer::Error(message, detail) => Err(CheckFailure::ProtocolRefused {
            protocol: Protocol::Stomp,
            message,
            detail,
        }),
        // An echo: the frame is not quoted back (it may hold the passcode).
        StompAnswer::Other if text == connect && picked => Ok(Spoken::Echo),
        StompAnswer::Other if text == connect => Err(not_this(Protocol::Stomp, "CONNECT…")),
        StompAnswer::Other => Err(not_this(Protocol::Stomp, &text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stomp_frames_are_read() {
        let connected = "CONNECTED\nversion:1.2\nheart-beat:0,0\nserver:RabbitMQ/3.13\n\n\0";
        assert!(matches!(
            read_stomp(connected, false),
            StompAnswer::Connected(Spoken::Stomp { version: Some(v), server: Some(s), .. })
                if v == "1.2" && s == "RabbitMQ/3.13"
        ));
        let error = "ERROR\nmessage:Bad CONNECT\ncontent-length:0\n\n\0";
        assert!(matches!(read_stomp(error, false), StompAnswer::Error(m, _) if m == "Bad CONNECT"));
        // RabbitMQ's body says why; it is kept.
        let error = "ERROR\nmessage:Bad CONNECT\ncontent-type:text/plain\nversion:1.0,1.1,1.2\ncontent-length:32\n\nAccess refused for user 'guest'\n\0";
        assert!(matches!(read_stomp(error, false),
            StompAnswer::Error(m, d) if m == "Bad CONNECT" && d == "Access refused for user 'guest'"));
        assert!(matches!(read_stomp("pong", false), StompAnswer::Other));
    }
}
