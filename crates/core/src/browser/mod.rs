//! Try it in the user's browser (`check --browser`): Handshake serves a
//! one-page probe on 127.0.0.1, the front end opens it in the user's
//! browser, the page runs `new WebSocket(URL)`, sends `ping` once open and
//! posts back what it saw; the browser's outcome joins Handshake's own
//! diagnosis of the same URL as evidence, and the rules name a
//! browser-only cause (`diagnose/rules/browser.rs`).
//!
//! The probe server listens on 127.0.0.1 only, on a port of its own, answers
//! only its one-time token, accepts one report from its own page (the
//! `Origin` of the post), reads at most a few KiB, and lives as long as one
//! deadline: a browser that never reports is a finding, never a hang.

mod page;

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::diagnose::{self, BrowserEvidence, BrowserReport, BrowserStore, Options};
use crate::trust::{self, Browser, Environment, Group};
use crate::{
    finding::Severity,
    target::Target,
    verify::{CheckOptions, CheckReport},
};

/// How long the browser has to start, open the page and report.
pub const DEADLINE: Duration = Duration::from_secs(30);

/// The largest request the probe server reads (head and report).
const MAX_REQUEST: usize = 16 * 1024;

/// Why the browser probe could not run.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::english(self))]
#[non_exhaustive]
pub enum BrowserError {
    /// The probe server could not listen on 127.0.0.1.
    Listen {
        /// What the system said.
        source: std::io::Error,
    },
    /// The browser could not be started.
    Open {
        /// The browser as named.
        browser: String,
        /// What the system said.
        source: std::io::Error,
    },
}

impl crate::i18n::Message for BrowserError {
    fn id(&self) -> &'static str {
        match self {
            BrowserError::Listen { .. } => "error-browser-listen",
            BrowserError::Open { .. } => "error-browser-open",
        }
    }

    fn facts(&self) -> crate::i18n::Facts {
        let facts = crate::i18n::Facts::new();
        match self {
            BrowserError::Listen { source } => facts.with("detail", source.to_string()),
            BrowserError::Open { browser, source } => facts
                .with("browser", browser)
                .with("detail", source.to_string()),
        }
    }
}

/// `handshake check` of `target`, then the same URL in the user's browser:
/// `open` is given the probe page's URL and opens it (the CLI starts the
/// browser named, the window asks the desktop). The report's findings are
/// the diagnosis with the browser's outcome; it is ok only when both are.
pub async fn check(
    target: &Target,
    options: &CheckOptions,
    browser: &str,
    language: crate::i18n::Language,
    open: impl FnOnce(&str) -> std::io::Result<()>,
) -> Result<CheckReport, BrowserError> {
    // A browser given by its path is named by its file name.
    let browser = std::path::Path::new(browser)
        .file_name()
        .and_then(|name| name.to_str())
        .filter(|_| browser.contains(std::path::MAIN_SEPARATOR))
        .unwrap_or(browser);
    let mut report = crate::verify::check(target, options).await;
    // The page opens the WebSocket URL, whichever form the user gave.
    let target = &target.as_websocket();
    let listener = TcpListener::bind(("127.0.0.1", 0))
        .await
        .map_err(|source| BrowserError::Listen { source })?;
    let port = listener
        .local_addr()
        .map_err(|source| BrowserError::Listen { source })?
        .port();
    let token = token();
    let page_origin = format!("http://127.0.0.1:{port}");
    open(&format!("{page_origin}/{token}/")).map_err(|source| BrowserError::Open {
        browser: browser.to_owned(),
        source,
    })?;
    let started = Instant::now();
    let page = page::html(&target.url, &token, language);
    let seen = tokio::time::timeout(DEADLINE, serve(listener, token, page_origin.clone(), page))
        .await
        .ok()
        .flatten();
    let waited_ms = started.elapsed().as_secs_f64() * 1000.0;
    // The desktop's default browser is named by what it says it is.
    let browser = match &seen {
        Some(report) if browser == "default" => product(&report.user_agent).unwrap_or(browser),
        _ => browser,
    };
    let failed = !seen
        .as_ref()
        .is_some_and(|report| matches!(report.event, diagnose::BrowserEvent::Message { .. }));
    let stores = if failed && target.secure && !options.ca.is_empty() {
        stores_of(browser, &options.ca)
    } else {
        Vec::new()
    };
    // What the server says to the probe page's own Origin, proven from here
    // with the same upgrade: the page is not the user's application.
    let diagnosis_options = options.diagnosis(options.subprotocols.clone());
    let page_origin_status = if failed && report.ok {
        let with_page_origin = Options {
            origin: Some(page_origin.clone()),
            ..diagnosis_options.clone()
        };
        diagnose::diagnose(target, &with_page_origin)
            .await
            .evidence
            .response
            .map(|head| head.status)
    } else {
        None
    };
    // The browser's outcome beside Handshake's own diagnosis of the URL: a
    // failed check has made that diagnosis already (its findings are in
    // the report), so only the browser's evidence is read then.
    let (mut evidence, timings) = if report.ok {
        let diagnosis = diagnose::diagnose(target, &diagnosis_options).await;
        (diagnosis.evidence, diagnosis.timings_ms)
    } else {
        let now = crate::clock::now_unix();
        (
            diagnose::Evidence::new(target.clone(), &diagnosis_options, now),
            diagnose::Timings::default(),
        )
    };
    evidence.browser = Some(BrowserEvidence {
        browser: browser.to_owned(),
        page_origin,
        waited_ms,
        report: seen,
        handshake_ok: report.ok,
        ca_given: !options.ca.is_empty(),
        stores,
        page_origin_status,
    });
    let findings = diagnose::Report::from_evidence(evidence, timings).findings;
    if report.ok {
        report.findings = findings;
    } else {
        // The failed check's own diagnosis stays; the browser's adds to it.
        report
            .findings
            .extend(findings.into_iter().filter(|f| f.code.is_browser()));
        report.findings.sort_by_key(|f| f.severity);
    }
    report.ok = !report
        .findings
        .iter()
        .any(|f| f.severity == Severity::Error);
    Ok(report)
}

/// Serves the page and waits for its one report. Each connection is
/// answered on its own (a browser keeps idle connections open beside the
/// one it uses), bounded by its own read timeout and size cap; all end
/// with the caller's deadline.
async fn serve(
    listener: TcpListener,
    token: String,
    page_origin: String,
    page: String,
) -> Option<BrowserReport> {
    let context = std::sync::Arc::new((token, page_origin, page));
    let (sender, mut reports) = tokio::sync::mpsc::channel(1);
    let accepting = tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            let context = std::sync::Arc::clone(&context);
            let sender = sender.clone();
            tokio::spawn(async move {
                let (token, page_origin, page) = &*context;
                if let Some(report) = answer(stream, token, page_origin, page).await {
                    let _ = sender.send(report).await;
                }
            });
        }
    });
    let report = reports.recv().await;
    accepting.abort();
    report
}

/// Answers one request: the page for `GET /TOKEN/`, 204 for a report from
/// the page's own origin (returned), 404 for anything else.
async fn answer(
    mut stream: TcpStream,
    token: &str,
    page_origin: &str,
    page: &str,
) -> Option<BrowserReport> {
    let mut buffer = Vec::with_capacity(4096);
    let (head_len, method, path, origin, length) = loop {
        let mut chunk = [0u8; 4096];
        let read = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut chunk))
            .await
            .ok()?
            .ok()?;
        if read == 0 || buffer.len() + read > MAX_REQUEST {
            return None;
        }
        buffer.extend_from_slice(&chunk[..read]);
        let mut headers = [httparse::EMPTY_HEADER; 32];
        let mut request = httparse::Request::new(&mut headers);
        if let Ok(httparse::Status::Complete(len)) = request.parse(&buffer) {
            let header = |name: &str| {
                request
                    .headers
                    .iter()
                    .find(|h| h.name.eq_ignore_ascii_case(name))
                    .map(|h| String::from_utf8_lossy(h.value).into_owned())
            };
            let length: usize = header("content-length")
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            break (
                len,
                request.method.unwrap_or_default().to_owned(),
                request.path.unwrap_or_default().to_owned(),
                header("origin"),
                length,
            );
        }
    };
    let page_path = format!("/{token}/");
    let report_path = format!("/{token}/report");
    if method == "GET" && path == page_path {
        let _ = respond(&mut stream, "200 OK", "text/html; charset=utf-8", page).await;
        return None;
    }
    if method != "POST" || path != report_path || origin.as_deref() != Some(page_origin) {
        let _ = respond(&mut stream, "404 Not Found", "text/plain", "").await;
        return None;
    }
    if head_len + length > MAX_REQUEST {
        return None;
    }
    while buffer.len() < head_len + length {
        let mut chunk = [0u8; 4096];
        let read = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut chunk))
            .await
            .ok()?
            .ok()?;
        if read == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..read]);
    }
    let body = buffer.get(head_len..head_len + length)?;
    let report = serde_json::from_slice::<BrowserReport>(body).ok()?;
    let _ = respond(&mut stream, "204 No Content", "text/plain", "").await;
    Some(report)
}

async fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &str,
) -> std::io::Result<()> {
    // The page may load nothing from anywhere but run its own script.
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nContent-Security-Policy: default-src 'none'; script-src 'unsafe-inline'; connect-src *\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body.as_bytes()).await?;
    stream.shutdown().await
}

/// The one-time token in the page's path: 128 random bits.
fn token() -> String {
    let bytes: [u8; 16] = crate::probe::random_bytes();
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The NSS databases `browser` reads, and whether any `--ca` certificate
/// is in each (by SHA-256).
fn stores_of(
    browser: &str,
    ca: &[rustls::pki_types::CertificateDer<'static>],
) -> Vec<BrowserStore> {
    let wanted = match browser_kind(browser) {
        Some(kind) => vec![kind],
        None => vec![Browser::Chromium, Browser::Firefox],
    };
    let cas: Vec<trust::Ca> = ca
        .iter()
        .map(|der| trust::Ca::lookup(der.as_ref()))
        .collect();
    trust::discover(&Environment::current(), &[Group::Browsers])
        .into_iter()
        .filter(|store| matches!(store.name().kind, trust::StoreKind::Nss(kind) if wanted.contains(&kind)))
        .map(|store| BrowserStore {
            path: store.name().path.display().to_string(),
            trusted: cas.iter().any(|ca| store.contains(ca).unwrap_or(false)),
        })
        .collect()
}

/// The browser a user agent names (Firefox's and Chromium's both say
/// "Mozilla/5.0 … like Gecko"; the product comes last).
fn product(user_agent: &str) -> Option<&'static str> {
    if user_agent.contains("Firefox/") {
        Some("Firefox")
    } else if user_agent.contains("Edg/") {
        Some("Edge")
    } else if user_agent.contains("Chrome/") {
        Some("Chromium")
    } else if user_agent.contains("Safari/") {
        Some("Safari")
    } else {
        None
    }
}

/// Which browser's stores a name points to.
fn browser_kind(name: &str) -> Option<Browser> {
    let name = name.to_ascii_lowercase();
    if name.contains("firefox") {
        Some(Browser::Firefox)
    } else if name.contains("chrom") {
        Some(Browser::Chromium)
    } else {
        None
    }
}

/// The program that opens a page in `browser`: the desktop's default
/// (`default`), Chromium or Firefox as installed, or a program by name.
pub fn program_for(browser: &str) -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH");
    let candidates: &[&str] = match browser {
        "default" if cfg!(target_os = "macos") => &["open"],
        "default" => &["xdg-open"],
        "chromium" => &[
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ],
        "firefox" => &["firefox", "firefox-esr"],
        other => {
            let given = std::path::Path::new(other);
            return if given.components().count() > 1 {
                given.is_file().then(|| given.to_owned())
            } else {
                crate::trust::find_program(other, path.as_deref())
            };
        }
    };
    candidates
        .iter()
        .find_map(|name| crate::trust::find_program(name, path.as_deref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sends `request` to the probe server and returns its status line.
    async fn send(port: u16, request: String) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", port))
            .await
            .expect("connect");
        stream.write_all(request.as_bytes()).await.expect("write");
        let mut answer = Vec::new();
        let _ = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer)).await;
        String::from_utf8_lossy(&answer)
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned()
    }

    fn post(token: &str, origin: &str, body: &str) -> String {
        format!(
            "POST /{token}/report HTTP/1.1\r\nHost: x\r\nOrigin: {origin}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
    }

    /// Only its token's page, and only a report from its own page's origin,
    /// within the size cap.
    #[tokio::test]
    async fn the_probe_server_answers_only_its_token_and_its_own_page() {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let origin = format!("http://127.0.0.1:{port}");
        let served = tokio::spawn(serve(
            listener,
            "t0ken".into(),
            origin.clone(),
            page::html(
                "wss://localhost:8443/ws",
                "t0ken",
                crate::i18n::Language::En,
            ),
        ));
        let report = r#"{"opened":true,"event":{"kind":"message","data":"ping"},"elapsed_ms":3.5,"user_agent":"Test"}"#;
        assert_eq!(
            send(port, "GET /t0ken/ HTTP/1.1\r\n\r\n".into()).await,
            "HTTP/1.1 200 OK"
        );
        assert_eq!(
            send(port, "GET /other/ HTTP/1.1\r\n\r\n".into()).await,
            "HTTP/1.1 404 Not Found"
        );
        assert_eq!(
            send(port, post("t0ken", "http://evil.example", report)).await,
            "HTTP/1.1 404 Not Found"
        );
        assert_eq!(
            send(port, post("other", &origin, report)).await,
            "HTTP/1.1 404 Not Found"
        );
        let huge = "x".repeat(MAX_REQUEST);
        assert_eq!(send(port, post("t0ken", &origin, &huge)).await, "");
        assert_eq!(
            send(port, post("t0ken", &origin, report)).await,
            "HTTP/1.1 204 No Content"
        );
        let got = tokio::time::timeout(Duration::from_secs(5), served)
            .await
            .expect("the report ends the wait")
            .expect("served");
        assert_eq!(
            got.map(|r| r.event),
            Some(diagnose::BrowserEvent::Message {
                data: "ping".into()
            })
        );
    }

    /// The page quotes the URL as a script string that cannot end the
    /// script, and says its words in the user's language.
    #[test]
    fn the_page_cannot_be_broken_out_of() {
        let html = page::html(
            "wss://x/</script><script>alert(1)//",
            "t",
            crate::i18n::Language::Ko,
        );
        assert!(!html.contains("</script><script>alert"), "{html}");
        assert!(html.contains("브라우저 검사"), "{html}");
    }
}
