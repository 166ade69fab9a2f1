//! `handshake generate nginx`: the files that fix the connection.

use std::path::{Path, PathBuf};

use handshake_core::Target;
use handshake_core::export::{self, Mode};
use handshake_core::render::nginx::{self, NginxPlan};

use super::diagnose::usage;
use crate::exit::ExitStatus;

/// Generate the configuration that fixes the connection.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    /// Nginx terminates TLS in front of the application (which stays on plain HTTP).
    #[command(
        after_help = "Example:\n  handshake generate nginx --host api.example.com --cert /etc/letsencrypt/live/api.example.com/fullchain.pem \\\n    --key /etc/letsencrypt/live/api.example.com/privkey.pem --upstream http://127.0.0.1:8080 --ws-path /ws --out ./nginx"
    )]
    Nginx(NginxArgs),
}

#[derive(Debug, clap::Args)]
struct NginxArgs {
    /// The host name clients use (server_name); repeatable.
    #[arg(long = "host", value_name = "NAME", required = true)]
    hosts: Vec<String>,
    /// The certificate chain file on the server (ssl_certificate).
    #[arg(long, value_name = "PEM")]
    cert: PathBuf,
    /// The private key file on the server (ssl_certificate_key).
    #[arg(long, value_name = "PEM")]
    key: PathBuf,
    /// Where the application listens, e.g. http://127.0.0.1:8080.
    #[arg(long, value_name = "URL")]
    upstream: String,
    /// The WebSocket path.
    #[arg(long, value_name = "PATH", default_value = "/ws")]
    ws_path: String,
    /// The TLS listen address.
    #[arg(long, value_name = "ADDRESS", default_value = "443")]
    listen: String,
    /// The plain listen address redirecting to TLS ("none" for no redirect).
    #[arg(long, value_name = "ADDRESS", default_value = "80")]
    redirect_from: String,
    /// Leave out Strict-Transport-Security.
    #[arg(long)]
    no_hsts: bool,
    /// The folder to write into.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Replace existing files (the old ones are kept as .bak).
    #[arg(long)]
    force: bool,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitStatus> {
    let What::Nginx(args) = &args.what;
    let upstream = match Target::parse(&args.upstream) {
        Ok(target) if !target.secure && !target.scheme.is_websocket() => {
            format!("http://{}", target.authority())
        }
        Ok(_) => {
            return Ok(usage(
                "--upstream is the application's plain HTTP address, e.g. http://127.0.0.1:8080 (Nginx does the TLS)",
            ));
        }
        Err(error) => return Ok(usage(&format!("--upstream: {error}"))),
    };
    if !args.ws_path.starts_with('/') {
        return Ok(usage("--ws-path starts with /, e.g. /ws"));
    }
    let plan = NginxPlan {
        listen_tls: args.listen.clone(),
        listen_redirect: (args.redirect_from != "none").then(|| args.redirect_from.clone()),
        ws_path: args.ws_path.clone(),
        hsts: !args.no_hsts,
        ..NginxPlan::new(
            args.hosts.clone(),
            absolute(&args.cert),
            absolute(&args.key),
            upstream,
        )
    };
    let files = [
        ("handshake-nginx.conf", nginx::render(&plan)),
        (
            "application-behind-nginx.properties",
            nginx::SPRING_FORWARDED.to_owned(),
        ),
    ];
    if let Err(error) = std::fs::create_dir_all(&args.out) {
        return Ok(usage(&format!(
            "cannot create {}: {error}",
            args.out.display()
        )));
    }
    // Check every name first: nothing is written when one would be refused.
    if !args.force
        && let Some((name, _)) = files.iter().find(|(name, _)| args.out.join(name).exists())
    {
        return Ok(usage(&format!(
            "{} already exists; nothing was written (use --force to replace, keeping .bak)",
            args.out.join(name).display()
        )));
    }
    for (name, text) in &files {
        if let Err(error) = export::write(
            &args.out.join(name),
            text.as_bytes(),
            Mode::Public,
            args.force,
        ) {
            return Ok(usage(&error.to_string()));
        }
        println!("wrote {}", args.out.join(name).display());
    }
    println!(
        "\nNext: copy handshake-nginx.conf to /etc/nginx/conf.d/, run `sudo nginx -t && sudo systemctl reload nginx`,\nadd the properties to the application, then prove it: handshake check wss://{}{}",
        args.hosts[0], args.ws_path
    );
    Ok(ExitStatus::Success)
}

/// Nginx resolves relative paths against its prefix, not the user's folder.
fn absolute(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_owned())
        .display()
        .to_string()
}
