//! `handshake target URL`: show how Handshake understands a target URL.

use handshake_core::{HostKind, Target};

use crate::exit::ExitStatus;

/// Show how a target URL is understood: scheme, host, port, path, TLS.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  handshake target wss://localhost:8443/ws")]
pub(crate) struct Args {
    /// The endpoint, e.g. wss://api.example.com/socket (ws, wss, http, https).
    url: String,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitStatus> {
    let target = match Target::parse(&args.url) {
        Ok(target) => target,
        Err(error) => {
            eprintln!("error: {error}");
            return Ok(ExitStatus::Usage);
        }
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&target)?);
    } else {
        print!("{}", describe(&target));
    }
    Ok(ExitStatus::Success)
}

/// The human form: one fact per line, aligned.
fn describe(target: &Target) -> String {
    let transport = match (target.scheme.is_websocket(), target.secure) {
        (true, true) => "WebSocket over TLS",
        (true, false) => "WebSocket, not encrypted",
        (false, true) => "HTTP over TLS",
        (false, false) => "HTTP, not encrypted",
    };
    let host_kind = match target.host_kind {
        HostKind::Domain => "DNS name",
        HostKind::Ipv4 => "IPv4 address",
        HostKind::Ipv6 => "IPv6 address",
    };
    let port_note = if target.default_port {
        format!(" (default for {})", target.scheme)
    } else {
        String::new()
    };
    format!(
        "{url}\n  scheme  {scheme} ({transport})\n  host    {host} ({host_kind})\n  port    {port}{port_note}\n  path    {path}\n",
        url = target.url,
        scheme = target.scheme,
        host = target.host,
        port = target.port,
        path = target.path,
    )
}
