//! SockJS and Socket.IO endpoints over HTTP: the requests that tell them
//! from a plain WebSocket URL, which they refuse a bare upgrade at. Their
//! clients are given the endpoint's http(s) URL (`new SockJS("https://…")`,
//! `io("https://…")`) and find the WebSocket transport themselves.

use super::http::{self, ResponseHead};

/// `GET {path}/info`: SockJS's own description of the endpoint at `path`.
pub fn sockjs_info_request(path: &str, host: &str) -> Vec<u8> {
    let base = path.split('?').next().unwrap_or_default();
    http::request(
        "GET",
        &format!("{}/info", base.trim_end_matches('/')),
        host,
        &[("Accept", "application/json"), ("Connection", "close")],
    )
}

/// Whether `head` is SockJS's answer to [`sockjs_info_request`]:
/// `{"websocket":…,"entropy":…}`.
pub fn is_sockjs_info(head: &ResponseHead) -> bool {
    head.status == 200
        && head.body_start.contains("\"websocket\"")
        && head.body_start.contains("\"entropy\"")
}

/// Engine.IO v4's polling handshake at `path` (Socket.IO's path with its
/// query).
pub fn socketio_handshake_request(path: &str, host: &str) -> Vec<u8> {
    http::request("GET", path, host, &[("Connection", "close")])
}

/// Whether `head` is Engine.IO's answer to its polling handshake: the open
/// packet `0{"sid":…}`.
pub fn is_socketio_open(head: &ResponseHead) -> bool {
    head.status == 200
        && head
            .body_start
            .strip_prefix('0')
            .is_some_and(|json| json.trim_start().starts_with('{') && json.contains("\"sid\""))
}
