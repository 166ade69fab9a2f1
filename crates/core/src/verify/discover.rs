//! What `--protocol auto` asks an endpoint over HTTP when a bare upgrade
//! cannot tell: whether it is a SockJS or a Socket.IO endpoint, whose
//! clients are given its http(s) URL and refuse a plain upgrade at it.

use std::time::Duration;

use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use tokio::io::{AsyncReadExt, AsyncWriteExt as _};

use super::CheckOptions;
use super::protocol::{self, PickReason};
use crate::exchange::Protocol;
use crate::probe::http::{self, ResponseHead};
use crate::probe::tls::{self, Trust};
use crate::probe::{Io, fallback};
use crate::target::Target;

/// The longest wait for one answer's head; the whole is bounded by the
/// check's step timeout.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(30);

/// One question to the endpoint: a request, and what answer names it.
struct Ask {
    request: Vec<u8>,
    answers: fn(&ResponseHead) -> bool,
    found: (Protocol, PickReason),
}

/// The protocol the endpoint at `target` (its ws(s) form) speaks, and why:
/// SockJS when `…/info` answers as SockJS does, Socket.IO when Engine.IO's
/// polling handshake is answered; `None` when neither does, within the
/// check's step timeout for the whole.
pub(super) async fn discover(
    target: &Target,
    options: &CheckOptions,
) -> Option<(Protocol, PickReason)> {
    let host = target.host_header();
    let engine = protocol::socketio_path(&target.path, "polling");
    let asks = [
        Ask {
            request: fallback::sockjs_info_request(&target.path, &host),
            answers: fallback::is_sockjs_info,
            found: (Protocol::Sockjs, PickReason::SockjsInfo),
        },
        Ask {
            request: fallback::socketio_handshake_request(&engine, &host),
            answers: fallback::is_socketio_open,
            found: (Protocol::Socketio, PickReason::SocketioHandshake),
        },
    ];
    // Both at once: a server that never answers one path (Node's, for a
    // route it does not know) must not use up the time of the other.
    let mut asked: FuturesUnordered<_> = asks
        .into_iter()
        .map(|ask| async move {
            let mut stream = open(target, options).await?;
            stream.write_all(&ask.request).await.ok()?;
            answer(&mut stream)
                .await
                .filter(ask.answers)
                .map(|_| ask.found)
        })
        .collect();
    let ask_each = async {
        while let Some(said) = asked.next().await {
            if said.is_some() {
                return said;
            }
        }
        None
    };
    let found = tokio::time::timeout(options.timeout, ask_each)
        .await
        .ok()
        .flatten();
    // The other question ends on its own, briefly: dropped with its answer
    // unread, its connection would be reset, and SockJS's server for Node
    // crashes on a reset (an unhandled ECONNRESET).
    let _ = tokio::time::timeout(GRACE, async { while asked.next().await.is_some() {} }).await;
    found
}

/// How long the question that did not decide may still end politely.
const GRACE: Duration = Duration::from_millis(500);

/// The answer's head with the start of its body, which tells: Node writes
/// the two apart, so a body not yet there is read once more (the caller's
/// deadline bounds it).
async fn answer(stream: &mut Box<dyn Io>) -> Option<ResponseHead> {
    const BODY_START: usize = 1024;
    let (mut head, mut body) = http::read_response(stream, ANSWER_TIMEOUT).await.ok()?;
    if body.is_empty() {
        let mut chunk = [0u8; BODY_START];
        let n = stream.read(&mut chunk).await.ok()?;
        body.extend_from_slice(&chunk[..n]);
    }
    body.truncate(BODY_START);
    head.body_start = String::from_utf8_lossy(&body).into_owned();
    http::close_politely(stream).await;
    Some(head)
}

/// A connection to `target` as the check opens one (trusting `options.ca`,
/// presenting its client certificate), or `None`.
async fn open(target: &Target, options: &CheckOptions) -> Option<Box<dyn Io>> {
    let timeout = options.timeout;
    // Straight or through the proxy, as the check itself goes (no wait).
    let stream = super::reach(target, options, None, &mut super::CheckReport::default())
        .await
        .ok()?;
    if !target.secure {
        return Some(Box::new(stream));
    }
    let trust = Trust::new(&options.ca);
    tls::trusted_stream(
        stream,
        &target.host,
        &trust,
        options.identity.as_ref(),
        timeout,
    )
    .await
}
