//! `handshake target URL`: show how Handshake understands a target URL.

use handshake_core::i18n::Facts;
use handshake_core::{HostKind, Language, Target};

use crate::exit::ExitStatus;
use crate::problem::Problem;
use crate::render::{self, say};

#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  handshake target wss://localhost:8443/ws")]
pub(crate) struct Args {
    /// The endpoint, e.g. wss://api.example.com/socket (ws, wss, http, https).
    url: String,
    /// Print the result as JSON.
    #[arg(long)]
    pub(crate) json: bool,
}

pub(crate) fn run(args: &Args, language: Language) -> Result<ExitStatus, Problem> {
    let target = Target::parse(&args.url)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&target)?);
    } else {
        print!("{}", describe(&target, language));
    }
    Ok(ExitStatus::Success)
}

/// The human form: one fact per line, aligned.
fn describe(target: &Target, language: Language) -> String {
    let say = |id: &str, facts: Facts| say(language, id, facts);
    let transport = say(
        "cli-target-transport",
        Facts::new().with("transport", target.scheme.as_str()),
    );
    let host_kind = say(
        "cli-target-host-kind",
        Facts::new().with(
            "kind",
            match target.host_kind {
                HostKind::Domain => "domain",
                HostKind::Ipv4 => "ipv4",
                HostKind::Ipv6 => "ipv6",
            },
        ),
    );
    let port_note = if target.default_port {
        format!(
            " ({})",
            say(
                "cli-target-default-port",
                Facts::new().with("scheme", target.scheme.as_str())
            )
        )
    } else {
        String::new()
    };
    let rows = [
        (
            say("cli-target-scheme", Facts::new()),
            format!("{} ({transport})", target.scheme),
        ),
        (
            say("cli-target-host", Facts::new()),
            format!("{} ({host_kind})", target.host),
        ),
        (
            say("cli-target-port", Facts::new()),
            format!("{}{port_note}", target.port),
        ),
        (say("cli-target-path", Facts::new()), target.path.clone()),
    ];
    let width = rows
        .iter()
        .map(|(label, _)| render::width(label))
        .max()
        .unwrap_or(0);
    let mut out = format!("{}\n", target.url);
    for (label, value) in rows {
        let pad = width - render::width(&label);
        out.push_str(&format!("  {label}{}  {value}\n", " ".repeat(pad)));
    }
    out
}
