//! Small servers on loopback: each a tokio task bound to 127.0.0.1 port 0,
//! stopped when its [`Server`] is dropped. Every read has a timeout, so a
//! test cannot hang on a server.

use std::future::Future;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use crate::pki::Identity;

/// A server running until dropped.
pub struct Server {
    pub port: u16,
    task: JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Accepts connections and runs `handler` on each.
pub async fn serve<F, Fut>(handler: F) -> Server
where
    F: Fn(TcpStream) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    serve_on(0, handler).await
}

/// [`serve`] on a chosen port (0: any free one), for a server that comes up
/// where a client is already waiting.
pub async fn serve_on<F, Fut>(port: u16, handler: F) -> Server
where
    F: Fn(TcpStream) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let listener = TcpListener::bind(("127.0.0.1", port))
        .await
        .expect("bind loopback");
    let port = listener.local_addr().expect("local addr").port();
    let task = tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            // As nginx and Tomcat do: without it, Nagle holds a small answer
            // behind TLS session tickets until the client's delayed ACK (40 ms).
            let _ = stream.set_nodelay(true);
            tokio::spawn(handler(stream));
        }
    });
    Server { port, task }
}

/// A hostile server: it reads the request, answers `first`, then `each`
/// every 50 ms, for at most a minute — a head that never ends.
pub async fn dripping(first: &'static [u8], each: &'static [u8]) -> Server {
    serve(move |mut stream| async move {
        if read_request(&mut stream).await.is_none() || stream.write_all(first).await.is_err() {
            return;
        }
        for _ in 0..1200 {
            tokio::time::sleep(Duration::from_millis(50)).await;
            if stream.write_all(each).await.is_err() {
                return;
            }
        }
    })
    .await
}

/// A plain HTTP server that answers anything — a TLS ClientHello too — the
/// way Tomcat's HTTP connector does: `400` with its HTML error page.
pub async fn tomcat_like() -> Server {
    http(|_| {
        answer(
            "400 ",
            "Content-Type: text/html;charset=utf-8\r\n",
            "<h1>HTTP Status 400 – Bad Request</h1>",
        )
    })
    .await
}

/// A plain HTTP server answering each request with `respond(request)`.
pub async fn http(respond: fn(&str) -> Vec<u8>) -> Server {
    serve(move |mut stream| async move {
        if let Some(request) = read_request(&mut stream).await {
            let _ = stream.write_all(&respond(&request)).await;
            let _ = stream.flush().await;
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await
}

/// A TLS server presenting `identity`, answering like [`http`].
pub async fn https(identity: &Identity, respond: fn(&str) -> Vec<u8>) -> Server {
    let acceptor = identity.acceptor();
    serve(move |stream| {
        let acceptor = acceptor.clone();
        async move {
            let Ok(Ok(mut tls)) =
                tokio::time::timeout(Duration::from_secs(5), acceptor.accept(stream)).await
            else {
                return;
            };
            if let Some(request) = read_request(&mut tls).await {
                let _ = tls.write_all(&respond(&request)).await;
                let _ = tls.flush().await;
                let _ = tls.shutdown().await;
            }
        }
    })
    .await
}

/// Reads one request head (at most 16 KiB, 5 s).
pub async fn read_request<S: AsyncRead + Unpin>(stream: &mut S) -> Option<String> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 2048];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 16 * 1024 {
        let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut chunk))
            .await
            .ok()?
            .ok()?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
        // Like Tomcat and nginx: a request that does not start with a method
        // token (a TLS ClientHello, 0x16 …) is answered at once.
        if !buf[0].is_ascii_uppercase() {
            break;
        }
    }
    Some(String::from_utf8_lossy(&buf).into_owned())
}

/// The value of header `name` in a raw request.
pub fn header<'a>(request: &'a str, name: &str) -> Option<&'a str> {
    request.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.trim().eq_ignore_ascii_case(name).then(|| value.trim())
    })
}

/// The `Sec-WebSocket-Accept` for `key`, by RFC 6455 section 4.2.2 —
/// written here, not taken from the core, so that a regression in the
/// core's own computation fails the tests instead of agreeing with itself.
pub fn rfc6455_accept(key: &str) -> String {
    use base64::Engine as _;
    const GUID: &str = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    let digest = aws_lc_rs::digest::digest(
        &aws_lc_rs::digest::SHA1_FOR_LEGACY_USE_ONLY,
        format!("{key}{GUID}").as_bytes(),
    );
    base64::engine::general_purpose::STANDARD.encode(digest.as_ref())
}

/// A correct `101 Switching Protocols` for the request's key.
pub fn switching(request: &str) -> Vec<u8> {
    let key = header(request, "Sec-WebSocket-Key").unwrap_or_default();
    format!(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {}\r\n\r\n",
        rfc6455_accept(key)
    )
    .into_bytes()
}

/// A response with `status_line` and a short body.
pub fn answer(status_line: &str, extra_headers: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status_line}\r\nServer: test\r\nContent-Length: {}\r\nConnection: close\r\n{extra_headers}\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// A loopback port for a server that binds it itself (nginx, Tomcat,
/// Spring Boot, a late starter), never handed out twice in one run.
///
/// Taken from below the kernel's ephemeral range (32768 and up on Linux),
/// so no `bind(…:0)` of a stub server and no outgoing connection can take
/// it between this call and the server's own bind; each test process
/// starts at its own offset, and a port something else holds is skipped.
pub fn free_port() -> u16 {
    use std::sync::atomic::{AtomicU32, Ordering};
    const FIRST: u32 = 20_000;
    const COUNT: u32 = 12_000;
    static NEXT: AtomicU32 = AtomicU32::new(u32::MAX);
    let _ = NEXT.compare_exchange(
        u32::MAX,
        (std::process::id() * 97) % COUNT,
        Ordering::Relaxed,
        Ordering::Relaxed,
    );
    for _ in 0..COUNT {
        let port = FIRST + NEXT.fetch_add(1, Ordering::Relaxed) % COUNT;
        let port = u16::try_from(port).expect("below 32000");
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
    panic!(
        "no free loopback port between {FIRST} and {}",
        FIRST + COUNT
    )
}

/// A port where nothing listens: from the reserved range of [`free_port`],
/// where no stub's `bind(…:0)` can take it meanwhile.
pub async fn closed_port() -> u16 {
    free_port()
}

#[cfg(test)]
mod tests {
    /// The example of RFC 6455, section 1.3.
    #[test]
    fn the_accept_value_is_the_rfc_example() {
        assert_eq!(
            super::rfc6455_accept("dGhlIHNhbXBsZSBub25jZQ=="),
            "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="
        );
    }
}
