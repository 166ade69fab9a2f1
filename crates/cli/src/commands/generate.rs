//! `handshake generate nginx`: the files that fix the connection.

use std::path::{Path, PathBuf};

use handshake_core::export::{self, Mode};
use handshake_core::render::ProxyPlan;
use handshake_core::render::apache;
use handshake_core::render::nginx;
use handshake_core::render::spring::{self, SpringPlan};
use handshake_core::{Secret, Target};

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
    /// Apache httpd terminates TLS in front of the application.
    #[command(
        after_help = "Example:\n  handshake generate apache --host api.example.com --cert fullchain.pem --key privkey.pem --upstream http://127.0.0.1:8080 --out ./apache"
    )]
    Apache(NginxArgs),
    /// Spring Boot terminates TLS itself: server.ssl.* properties and YAML, and ssl.env.
    #[command(
        after_help = "Example:\n  SSL_KEYSTORE_PASSWORD=… handshake generate spring --key-store file:/etc/chat/server.p12 --out ./spring"
    )]
    Spring(SpringArgs),
}

#[derive(Debug, clap::Args)]
struct SpringArgs {
    /// server.ssl.key-store: file:/path/server.p12, or classpath:server.p12.
    #[arg(long, value_name = "LOCATION")]
    key_store: String,
    /// server.ssl.key-alias.
    #[arg(long, default_value = "server")]
    alias: String,
    /// server.port.
    #[arg(long, default_value_t = 8443)]
    port: u16,
    /// The environment variable with the keystore password; its value goes to ssl.env only.
    #[arg(long, value_name = "VAR", default_value = "SSL_KEYSTORE_PASSWORD")]
    password_env: String,
    /// The folder to write into.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Replace existing files (the old ones are kept as .bak).
    #[arg(long)]
    force: bool,
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
    match &args.what {
        What::Nginx(args) => proxy(args, Proxy::Nginx),
        What::Apache(args) => proxy(args, Proxy::Apache),
        What::Spring(args) => spring(args),
    }
}

fn spring(args: &SpringArgs) -> anyhow::Result<ExitStatus> {
    let Ok(password) = std::env::var(&args.password_env) else {
        return Ok(usage(&format!(
            "the environment variable {} is not set; put the keystore password in it",
            args.password_env
        )));
    };
    if !(args.key_store.starts_with("file:") || args.key_store.starts_with("classpath:")) {
        return Ok(usage(
            "--key-store starts with file: or classpath:, e.g. file:/etc/chat/server.p12",
        ));
    }
    let plan = SpringPlan {
        port: args.port,
        password_env: args.password_env.clone(),
        ..SpringPlan::new(args.key_store.clone(), args.alias.clone())
    };
    let files = [
        (
            "application.properties",
            spring::properties(&plan),
            Mode::Public,
        ),
        ("application.yml", spring::yaml(&plan), Mode::Public),
        (
            "ssl.env",
            spring::env_file(&plan, &Secret::new(password)),
            Mode::Secret,
        ),
    ];
    if let Some(refused) = write_all(&args.out, &files, args.force)? {
        return Ok(refused);
    }
    println!(
        "\nNext: merge the properties (or the YAML) into the application's, load ssl.env into its environment, restart it, then prove it: handshake check wss://localhost:{}/ws",
        args.port
    );
    Ok(ExitStatus::Success)
}

/// Writes every file, or none when one would be refused.
fn write_all(
    out: &Path,
    files: &[(&str, String, Mode)],
    force: bool,
) -> anyhow::Result<Option<ExitStatus>> {
    if let Err(error) = std::fs::create_dir_all(out) {
        return Ok(Some(usage(&format!(
            "cannot create {}: {error}",
            out.display()
        ))));
    }
    if !force && let Some((name, _, _)) = files.iter().find(|(name, _, _)| out.join(name).exists())
    {
        return Ok(Some(usage(&format!(
            "{} already exists; nothing was written (use --force to replace, keeping .bak)",
            out.join(name).display()
        ))));
    }
    for (name, text, mode) in files {
        if let Err(error) = export::write(&out.join(name), text.as_bytes(), *mode, force) {
            return Ok(Some(usage(&error.to_string())));
        }
        println!("wrote {}", out.join(name).display());
    }
    Ok(None)
}

/// Which reverse proxy terminates TLS.
#[derive(Debug, Clone, Copy)]
enum Proxy {
    Nginx,
    Apache,
}

fn proxy(args: &NginxArgs, proxy: Proxy) -> anyhow::Result<ExitStatus> {
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
    let plan = ProxyPlan {
        listen_tls: args.listen.clone(),
        listen_redirect: (args.redirect_from != "none").then(|| args.redirect_from.clone()),
        ws_path: args.ws_path.clone(),
        hsts: !args.no_hsts,
        ..ProxyPlan::new(
            args.hosts.clone(),
            absolute(&args.cert),
            absolute(&args.key),
            upstream,
        )
    };
    let (name, config, reload) = match proxy {
        Proxy::Nginx => (
            "handshake-nginx.conf",
            nginx::render(&plan),
            "copy it to /etc/nginx/conf.d/, run `sudo nginx -t && sudo systemctl reload nginx`",
        ),
        Proxy::Apache => (
            "handshake-apache.conf",
            apache::render(&plan),
            "copy it to /etc/apache2/sites-available/, run `sudo a2enmod ssl socache_shmcb proxy proxy_http headers alias && sudo a2ensite handshake-apache && sudo apache2ctl configtest && sudo systemctl reload apache2`",
        ),
    };
    let files = [
        (name, config, Mode::Public),
        (
            "application-behind-proxy.properties",
            nginx::SPRING_FORWARDED.to_owned(),
            Mode::Public,
        ),
    ];
    if let Some(refused) = write_all(&args.out, &files, args.force)? {
        return Ok(refused);
    }
    println!(
        "\nNext: {reload},\nadd the properties to the application, then prove it: handshake check wss://{}{}",
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
