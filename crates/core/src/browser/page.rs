//! The probe page: plain HTML with one inline script, nothing loaded from
//! anywhere. It opens the WebSocket, sends `ping` once open, and posts the
//! first thing that happens — the answer, the close, or the constructor's
//! exception — to its own server, with the timings and the user agent.

use crate::i18n::Facts;
use crate::i18n::Language;

/// The page for `url` in `language`, posting to `/TOKEN/report`.
pub(super) fn html(url: &str, token: &str, language: Language) -> String {
    let facts = Facts::new().with("url", url);
    let say = |id: &str| js(&language.text(id, &facts));
    PAGE.replace("LANG", language.code())
        .replace(
            "TITLE",
            &html_text(&language.text("cli-browser-page-title", &facts)),
        )
        .replace("CHECKING", &say("cli-browser-page-checking"))
        .replace("DONE", &say("cli-browser-page-done"))
        .replace("TARGET_URL", &js(url))
        .replace("TOKEN", token)
}

/// `text` as a JavaScript string literal that cannot end the script
/// element (serde_json's quoting, with `</` escaped).
fn js(text: &str) -> String {
    serde_json::to_string(text)
        .unwrap_or_default()
        .replace("</", "<\\/")
}

/// `text` safe between HTML tags.
fn html_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

const PAGE: &str = r#"<!doctype html>
<html lang="LANG"><head><meta charset="utf-8"><title>TITLE</title></head>
<body><p id="status"></p>
<script>
const target = TARGET_URL;
document.getElementById("status").textContent = CHECKING;
let done = false;
let opened = false;
const started = performance.now();
function report(event) {
  if (done) return;
  done = true;
  const body = JSON.stringify({
    opened: opened,
    event: event,
    elapsed_ms: Math.round((performance.now() - started) * 10) / 10,
    user_agent: navigator.userAgent.slice(0, 256),
  });
  fetch("/TOKEN/report", { method: "POST", body: body, headers: { "Content-Type": "application/json" } })
    .then(() => { document.getElementById("status").textContent = DONE; });
}
try {
  const socket = new WebSocket(target);
  socket.onopen = () => { opened = true; socket.send("ping"); };
  socket.onmessage = (m) => { report({ kind: "message", data: String(m.data).slice(0, 256) }); socket.close(1000); };
  socket.onclose = (c) => report({ kind: "close", code: c.code, reason: String(c.reason).slice(0, 256) });
} catch (e) {
  report({ kind: "threw", name: String(e.name), message: String(e.message).slice(0, 512) });
}
</script></body></html>
"#;
