//! Python's web servers from Debian — the ASGI servers uvicorn and
//! hypercorn serving a small Starlette application, and aiohttp's own —
//! each a WebSocket echo at /ws, started privately through [`Daemon`] with
//! Debian's own Python (`/usr/bin/python3`), not whichever Python comes
//! first on the PATH.

use std::process::Command;

use crate::Scratch;
use crate::coverage::Program;
use crate::daemon::Daemon;

/// The application: a WebSocket echo at /ws, nothing else.
const APP: &str = r#"from starlette.applications import Starlette
from starlette.routing import WebSocketRoute


async def echo(websocket):
    await websocket.accept()
    while True:
        await websocket.send_text(await websocket.receive_text())


app = Starlette(routes=[WebSocketRoute("/ws", echo)])
"#;

/// uvicorn serving the application on 127.0.0.1:`port`.
pub fn uvicorn(port: u16) -> Daemon {
    let dir = app_dir("uvicorn");
    let mut command = Command::new("/usr/bin/python3");
    command
        .args(["-m", "uvicorn", "app:app", "--app-dir"])
        .arg(&*dir)
        .args(["--host", "127.0.0.1", "--port", &port.to_string()]);
    Daemon::start(Program::Uvicorn, dir, &mut command, &[port], 20, None)
}

/// hypercorn serving the application on 127.0.0.1:`port`.
pub fn hypercorn(port: u16) -> Daemon {
    let dir = app_dir("hypercorn");
    let mut command = Command::new("/usr/bin/python3");
    command
        .args(["-m", "hypercorn", "app:app", "--pid"])
        .arg(dir.join("hypercorn.pid"))
        .args(["--bind", &format!("127.0.0.1:{port}")]);
    Daemon::start(Program::Hypercorn, dir, &mut command, &[port], 20, None)
}

/// aiohttp's own server (its `web.run_app`), the echo at /ws, on
/// 127.0.0.1:`port`.
pub fn aiohttp(port: u16) -> Daemon {
    let dir = Scratch::new("aiohttp");
    let app = dir.join("aiohttp_app.py");
    std::fs::write(&app, AIOHTTP_APP).expect("aiohttp_app.py");
    let mut command = Command::new("/usr/bin/python3");
    command.arg(&app).arg(port.to_string());
    Daemon::start(Program::Aiohttp, dir, &mut command, &[port], 20, None)
}

/// aiohttp's echo at /ws, on the port given as its argument.
const AIOHTTP_APP: &str = r#"import sys

from aiohttp import web


async def echo(request):
    websocket = web.WebSocketResponse()
    await websocket.prepare(request)
    async for message in websocket:
        await websocket.send_str(message.data)
    return websocket


app = web.Application()
app.router.add_get("/ws", echo)
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None)
"#;

fn app_dir(name: &str) -> Scratch {
    let dir = Scratch::new(name);
    std::fs::write(dir.join("app.py"), APP).expect("app.py");
    dir
}

/// Python's `websockets` client (17, from `tests/python/.venv`, which
/// `./dev test` makes) opening `url` through the HTTP proxy `proxy`, its
/// error as it prints it; it gives up within 10 s.
pub fn websockets_through(proxy: &str, url: &str) -> std::process::Output {
    let python = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/python/.venv/bin/python");
    assert!(
        python.exists(),
        "tests/python/.venv is missing: run ./dev test, which makes it"
    );
    Command::new(python)
        .args([
            "-c",
            "import asyncio, sys\nfrom websockets.asyncio.client import connect\nasync def main():\n    async with connect(sys.argv[1], proxy=sys.argv[2], open_timeout=10):\n        pass\nasyncio.run(main())",
            url,
            proxy,
        ])
        .output()
        .expect("python runs")
}
