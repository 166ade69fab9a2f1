//! The browser client snippet: a golden file, the TypeScript accepted by
//! `tsc --strict`, and the JavaScript run in Node (with the `ws` package as
//! the browser's WebSocket) against a real wss:// echo server that comes up
//! only after the client started trying — it must not connect before it is
//! used, pick wss: on an https: page, and get through by retrying.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use handshake_core::Target;
use handshake_core::render::client::{ClientPlan, javascript, typescript};
use handshake_testkit::pki::Ca;
use handshake_testkit::servers::free_port;
use handshake_testkit::websocket::{Behaviour, wss_on};

/// The UI's node_modules: TypeScript and `ws` come from there.
fn node_modules() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/node_modules");
    assert!(
        dir.join("typescript").is_dir() && dir.join("ws").is_dir(),
        "the UI's npm packages are missing: run `npm ci` in ui/ (./dev test does)"
    );
    dir
}

fn scratch(name: &str) -> handshake_testkit::Scratch {
    handshake_testkit::Scratch::new(&format!("client-{name}"))
}

#[test]
fn the_plan_follows_the_target_and_the_page() {
    let target = Target::parse("wss://chat.example.com/ws?room=1").expect("URL");
    let cross = ClientPlan::for_target(&target, Some("https://app.example.com"));
    assert_eq!(cross.host.as_deref(), Some("chat.example.com"));
    assert_eq!(cross.path, "/ws?room=1");
    let same = ClientPlan::for_target(&target, Some("https://chat.example.com"));
    assert_eq!(same.host, None, "the page's own host");
    let port = Target::parse("wss://[::1]:8443/ws").expect("URL");
    assert_eq!(
        ClientPlan::for_target(&port, None).host.as_deref(),
        Some("[::1]:8443")
    );
    insta::assert_snapshot!("client_typescript", typescript(&cross));
}

#[test]
fn the_typescript_passes_tsc_strict() {
    let dir = scratch("tsc");
    let plan = ClientPlan {
        host: Some("chat.example.com".into()),
        path: "/ws".into(),
    };
    std::fs::write(dir.join("socket.ts"), typescript(&plan)).expect("write");
    let output = Command::new("node")
        .arg(node_modules().join("typescript/bin/tsc"))
        .args([
            "--noEmit",
            "--strict",
            "--target",
            "es2020",
            "--lib",
            "es2020,dom",
        ])
        .arg(dir.join("socket.ts"))
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_javascript_waits_for_use_then_retries_until_the_server_is_up() {
    let dir = scratch("node");
    let ca = Ca::new("Client test CA");
    let identity = ca.leaf(&["localhost"], -1, 30);
    std::fs::write(
        dir.join("ca.pem"),
        handshake_testkit::pki::pem("CERTIFICATE", &ca.cert()),
    )
    .expect("ca");
    let port = free_port();
    // The page is https://localhost:PORT, the socket on the same host.
    let plan = ClientPlan {
        host: None,
        path: "/ws".into(),
    };
    std::fs::write(dir.join("socket.mjs"), javascript(&plan)).expect("snippet");
    let harness = format!(
        r#"import {{ createRequire }} from "node:module";
const require = createRequire({modules:?} + "/");
const WS = require("ws");
let attempts = 0;
globalThis.WebSocket = class extends WS {{ constructor(url) {{ super(url); attempts += 1; console.log("attempt", attempts); }} }};
globalThis.window = {{ location: {{ protocol: "https:", host: "localhost:{port}" }} }};
const {{ LazySocket, socketUrl }} = await import("./socket.mjs");
console.log("url", socketUrl());
const socket = new LazySocket({{ onMessage: (text) => {{
  console.log("echo", text, "after", attempts, "attempts");
  socket.close();
  process.exit(0);
}} }});
await new Promise((resolve) => setTimeout(resolve, 300));
console.log("before use", attempts);
socket.send("hello");
setTimeout(() => {{ console.log("gave up after", attempts); process.exit(1); }}, 20000);
"#,
        modules = node_modules().display().to_string(),
    );
    std::fs::write(dir.join("harness.mjs"), harness).expect("harness");
    let mut child = tokio::process::Command::new("node")
        .arg("harness.mjs")
        .current_dir(&dir)
        .env("NODE_EXTRA_CA_CERTS", dir.join("ca.pem"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("node runs");
    // The server comes up once the client is retrying: a second attempt
    // means the first found nothing listening.
    use tokio::io::AsyncBufReadExt;
    let mut lines = tokio::io::BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut stdout = String::new();
    let mut server = None;
    let read_all = async {
        while let Some(line) = lines.next_line().await.expect("node's output") {
            if line == "attempt 2" {
                server = Some(wss_on(port, &identity, Behaviour::Echo).await);
            }
            stdout.push_str(&line);
            stdout.push('\n');
        }
    };
    tokio::time::timeout(Duration::from_secs(30), read_all)
        .await
        .expect("node ends within 30 s");
    let output = child.wait_with_output().await.expect("node ran");
    assert!(server.is_some(), "the client never retried: {stdout}");
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains(&format!("url wss://localhost:{port}/ws")),
        "{stdout}"
    );
    assert!(stdout.contains("before use 0"), "lazy: {stdout}");
    let attempts: u32 = stdout
        .split("after ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("attempt count");
    assert!(
        attempts >= 2,
        "connected only by retrying ({attempts}): {stdout}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// NEXT-STEPS.md and the profile for two paths, as a user reads them.
#[test]
fn next_steps_and_the_profile_read_well() {
    use handshake_core::Language;
    use handshake_core::fix::{FixKind, default_profile, with_documents};
    use handshake_core::render::{self, Material};

    let target = Target::parse("wss://chat.example.com/ws").expect("URL");
    for (kind, language, name) in [
        (FixKind::Nginx, Language::En, "next_steps_nginx_en"),
        (FixKind::Spring, Language::Ko, "next_steps_spring_ko"),
        (FixKind::Client, Language::En, "next_steps_client_en"),
    ] {
        let profile = default_profile(kind, &target, Some("https://app.example.com"), language);
        let files = with_documents(
            &profile,
            render::files(&profile.fix, &profile.target, language, Material::default())
                .expect("files"),
            None,
            None,
        );
        let text = |file: &str| {
            files
                .iter()
                .find(|f| f.name == file)
                .and_then(|f| f.preview())
                .unwrap_or_else(|| panic!("{file}"))
                .to_owned()
        };
        insta::assert_snapshot!(name, text("NEXT-STEPS.md"));
        if kind == FixKind::Nginx {
            insta::assert_snapshot!("profile_nginx", text("handshake.toml"));
        }
    }
}

/// `socket-node.mjs`, run by real Node with the packages it names, behind
/// real Squid in front of echoes whose name only Squid resolves: it goes
/// through the proxy the environment names — for wss:// and, in a tunnel
/// too, for ws:// — and straight to the server for a host in NO_PROXY.
#[test]
fn the_node_client_goes_through_the_environments_proxy() {
    use handshake_core::render::client::node;
    use handshake_testkit::node::{Kind, Node};
    const INSIDE: &str = "ws.inside.test";

    let dir = scratch("node-proxy");
    let ca = Ca::new("Node client proxy CA");
    let (cert, key) = ca.leaf(&[INSIDE], -1, 30).write_pem(&dir);
    std::fs::write(
        dir.join("ca.pem"),
        handshake_testkit::pki::pem("CERTIFICATE", &ca.cert()),
    )
    .expect("ca");
    let secure = Node::start(Kind::Echo, Some((&cert, &key)));
    let plain = Node::start(Kind::Echo, None);
    let port = free_port();
    let ports = [secure.port, plain.port];
    let squid = handshake_testkit::squid::start(
        port,
        &handshake_testkit::squid::Setup {
            ssl_ports: &ports,
            names: &[INSIDE],
            ..Default::default()
        },
    );
    let packages = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/node/node_modules");
    std::os::unix::fs::symlink(&packages, dir.join("node_modules")).expect("node_modules");
    let proxy = format!("http://127.0.0.1:{port}");
    let run = |url: &str, env: &[(&str, &str)]| {
        std::fs::write(dir.join("socket-node.mjs"), node(url)).expect("client");
        let output = Command::new("timeout")
            .args(["20", "node", "socket-node.mjs"])
            .current_dir(&dir)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("NODE_EXTRA_CA_CERTS", dir.join("ca.pem"))
            .envs(env.iter().copied())
            .output()
            .expect("node runs");
        (
            output.status.code(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            ),
        )
    };
    let wss = format!("wss://{INSIDE}:{}/echo", secure.port);
    let (status, said) = run(&wss, &[("HTTPS_PROXY", &proxy)]);
    assert_eq!(status, Some(0), "{said}");
    assert_eq!(
        said.trim(),
        format!("connected to {wss} through the proxy 127.0.0.1:{port}")
    );
    let ws = format!("ws://{INSIDE}:{}/echo", plain.port);
    let (status, said) = run(&ws, &[("http_proxy", &proxy)]);
    assert_eq!(status, Some(0), "{said}");
    handshake_testkit::wait_until(
        5,
        || {
            squid
                .log()
                .contains(&format!("CONNECT {INSIDE}:{}", plain.port))
        },
        || squid.log(),
    );
    // Exempt: straight to a name only the proxy knows, which fails.
    let (status, said) = run(&wss, &[("HTTPS_PROXY", &proxy), ("NO_PROXY", INSIDE)]);
    assert_eq!(status, Some(1), "{said}");
    assert!(said.contains("(directly): getaddrinfo ENOTFOUND"), "{said}");
    insta::assert_snapshot!("client_node", node("wss://chat.example.com/ws"));
    let _ = std::fs::remove_dir_all(dir);
}
