//! `handshake check URL`: prove a WebSocket endpoint works, end to end.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::time::{Duration, Instant};

use handshake_core::i18n::Facts;
use handshake_core::verify::{self, Countdown, MAX_IDLE, Protocol};
use handshake_core::{CheckOptions, CheckReport, Language, Secret};

use super::endpoint::EndpointArgs;
use crate::exit::ExitStatus;
use crate::problem::{Problem, Usage};
use crate::render::{self, say};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  handshake check wss://localhost:8443/ws --ca handshake-dev-ca.pem\n  handshake check wss://api.example.com/ws --wait 60 --count 20\n  API_TOKEN=… handshake check wss://api.example.com/ws --bearer-env API_TOKEN\n\nOn failure the URL is diagnosed and the findings say why.\nExit status: 0 when the check passed, 1 when it failed, 2 for unusable input."
)]
pub(crate) struct Args {
    /// The endpoint, e.g. wss://api.example.com/socket (ws, wss, http, https).
    url: String,
    #[command(flatten)]
    endpoint: EndpointArgs,
    /// The application protocol to prove the connection in: auto picks
    /// from the URL and the negotiated subprotocol; echo sends --send and
    /// waits for any answer.
    #[arg(long, value_name = "PROTOCOL", default_value = "auto", value_parser = protocol())]
    protocol: Protocol,
    /// The text message to send (echo).
    #[arg(long, value_name = "TEXT", default_value = "ping")]
    send: String,
    /// How many round trips (min/median/max latency are reported).
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    count: u32,
    /// After the exchange, hold the connection idle this many seconds (at
    /// most 3600): a proxy's idle timeout shows as proxy-idle-timeout.
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=MAX_IDLE.as_secs()))]
    idle: Option<u64>,
    /// While idle, send a WebSocket ping every SECS seconds (a heartbeat).
    #[arg(long, value_name = "SECS", requires = "idle", value_parser = clap::value_parser!(u64).range(1..=MAX_IDLE.as_secs()))]
    ping: Option<u64>,
    /// The STOMP CONNECT frame's login (stomp, sockjs).
    #[arg(long, value_name = "USER")]
    stomp_login: Option<String>,
    /// Read the STOMP passcode from this environment variable (never from
    /// the command line, never printed).
    #[arg(long, value_name = "VAR", requires = "stomp_login")]
    stomp_passcode_env: Option<String>,
    /// The STOMP CONNECT frame's host header: the broker's virtual host
    /// (RabbitMQ: "/" unless yours has others). Without it none is sent.
    #[arg(long, value_name = "VHOST")]
    stomp_host: Option<String>,
    /// Offer this subprotocol (Sec-WebSocket-Protocol); repeatable.
    #[arg(long, value_name = "NAME")]
    subprotocol: Vec<String>,
    /// Send `Authorization: Bearer <token>` with the token read from this
    /// environment variable (never from the command line, never printed).
    #[arg(long, value_name = "VAR")]
    bearer_env: Option<String>,
    /// Send header NAME with the value of environment variable VAR; repeatable.
    #[arg(long, value_name = "NAME=VAR")]
    header_env: Vec<String>,
    /// Then open the URL from a page in a browser and say what it saw:
    /// the desktop's default, chromium, firefox, or a program's path.
    #[arg(long, value_name = "BROWSER", num_args = 0..=1, default_missing_value = "default")]
    browser: Option<String>,
    /// Print the result as JSON.
    #[arg(long)]
    pub(crate) json: bool,
}

pub(crate) fn run(args: &Args, language: Language) -> Result<ExitStatus, Problem> {
    // Refused before anything is read or sent: check speaks WebSocket only.
    let target = handshake_core::verify::target(&args.url, args.protocol)?;
    let endpoint = args.endpoint.resolve(target)?;
    let options = CheckOptions {
        origin: endpoint.origin,
        protocol: args.protocol,
        stomp_login: stomp_login(args)?,
        stomp_host: args.stomp_host.clone(),
        subprotocols: args.subprotocol.clone(),
        headers: headers(args)?,
        ca: endpoint.ca,
        identity: endpoint.identity,
        expected: endpoint.expected,
        send: args.send.clone(),
        count: args.count,
        wait: endpoint.wait,
        timeout: endpoint.timeout,
        idle: args.idle.map(Duration::from_secs),
        ping: args.ping.map(Duration::from_secs),
        countdown: (std::io::stderr().is_terminal() && !args.json)
            .then(|| idle_countdown(language)),
        proxy: endpoint.proxy,
    };
    handshake_core::verify::validate(&endpoint.target, &options)?;
    let report = match &args.browser {
        Some(browser) => in_browser(&endpoint.target, &options, browser, args.json, language)?,
        None => checked(&endpoint.target, &options, args.json, language)?,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report.said(language)?)?);
    } else {
        print!("{}", describe(&report, language));
    }
    Ok(match &report.failure {
        _ if report.ok => ExitStatus::Success,
        Some(failure) if failure.is_bad_input() => ExitStatus::Usage,
        _ => ExitStatus::Failure,
    })
}

/// The check, with a countdown on a terminal while it waits for the server.
fn checked(
    target: &handshake_core::Target,
    options: &CheckOptions,
    json: bool,
    language: Language,
) -> Result<CheckReport, Problem> {
    Ok(super::block_on(async {
        let check = handshake_core::check(target, options);
        match options
            .wait
            .filter(|_| std::io::stderr().is_terminal() && !json)
        {
            Some(wait) => with_countdown(check, wait, language).await,
            None => check.await,
        }
    })?)
}

/// The check, then the same URL in `browser` (started here, with the probe
/// page's URL as its argument).
fn in_browser(
    target: &handshake_core::Target,
    options: &CheckOptions,
    browser: &str,
    json: bool,
    language: Language,
) -> Result<CheckReport, Problem> {
    use handshake_core::browser::{self, BrowserError};
    let program = browser::program_for(browser).ok_or_else(|| BrowserError::Open {
        browser: browser.to_owned(),
        source: std::io::Error::from(std::io::ErrorKind::NotFound),
    })?;
    if !json {
        eprintln!(
            "{}",
            say(
                language,
                "cli-check-browser-opening",
                Facts::new()
                    .with("url", &target.url)
                    .with("browser", browser)
                    .with("seconds", browser::DEADLINE.as_secs())
            )
        );
    }
    let open = |page: &str| {
        let mut command = std::process::Command::new(&program);
        command
            .arg(page)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        // The browser outlives this command: its own process group.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        command.spawn().map(drop)
    };
    Ok(super::block_on(browser::check(
        target, options, browser, language, open,
    ))??)
}

/// A line on the terminal that counts down the idle hold.
fn idle_countdown(language: Language) -> Countdown {
    Countdown::new(move |left| {
        let line = say(
            language,
            "cli-check-idling",
            Facts::new().with("left", left),
        );
        eprint!("\r{line} ");
        if left == 0 {
            eprint!("\r{:70}\r", "");
        }
        let _ = std::io::stderr().flush();
    })
}

/// The protocols `--protocol` takes, by the core's names (listed in
/// `--help` and the shell completions).
fn protocol() -> impl clap::builder::TypedValueParser<Value = Protocol> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(Protocol::ALL.map(Protocol::as_str))
        .map(|name| Protocol::parse(&name).unwrap_or_default())
}

/// The STOMP login, with its passcode read from the environment.
fn stomp_login(args: &Args) -> Result<Option<(String, Secret)>, Usage> {
    let Some(login) = &args.stomp_login else {
        return Ok(None);
    };
    let passcode = match &args.stomp_passcode_env {
        Some(var) => super::from_env(var, "passcode")?,
        None => String::new(),
    };
    Ok(Some((login.clone(), Secret::new(passcode))))
}

/// Reads the secret headers from the environment.
fn headers(args: &Args) -> Result<Vec<(String, Secret)>, Usage> {
    let read = |var: &str| super::from_env(var, "value");
    let mut headers = Vec::new();
    if let Some(var) = &args.bearer_env {
        headers.push((
            "Authorization".to_owned(),
            Secret::new(format!("Bearer {}", read(var)?)),
        ));
    }
    for pair in &args.header_env {
        let (name, var) = pair.split_once('=').ok_or_else(|| Usage::HeaderEnv {
            given: pair.clone(),
        })?;
        headers.push((name.to_owned(), Secret::new(read(var)?)));
    }
    Ok(headers)
}

/// Runs `check` while a line on the terminal counts down the wait window.
async fn with_countdown(
    check: impl Future<Output = CheckReport>,
    wait: Duration,
    language: Language,
) -> CheckReport {
    let started = Instant::now();
    let mut check = std::pin::pin!(check);
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    let report = loop {
        tokio::select! {
            report = &mut check => break report,
            _ = tick.tick() => {
                let left = wait.saturating_sub(started.elapsed()).as_secs();
                let line = say(language, "cli-check-waiting", Facts::new().with("left", left));
                eprint!("\r{line} ");
                let _ = std::io::stderr().flush();
            }
        }
    };
    eprint!("\r{:70}\r", "");
    report
}

/// The human form: the core's summary, its labels in one column, then its
/// findings.
fn describe(report: &CheckReport, language: Language) -> String {
    let summary = verify::summary(report);
    let mut out = String::new();
    let _ = writeln!(out, "{}", language.say_phrase(&summary.verdict));
    for line in &summary.lines {
        let label = language.say_phrase(&line.label);
        let pad = LABEL_COLUMN.saturating_sub(render::width(&label)).max(1);
        let value = language.say_phrase(&line.value);
        let _ = writeln!(out, "  {label}{:pad$}{value}", "");
    }
    if !report.ok && !summary.findings.is_empty() {
        let because = say(language, "cli-check-because", Facts::new());
        let _ = writeln!(out, "\n{because}");
    }
    for finding in &summary.findings {
        render::finding(&mut out, finding, language);
    }
    out
}

/// The column the summary's values start in, after a two-space indent.
const LABEL_COLUMN: usize = 13;
