//! `handshake generate`: the files that fix the connection, written all
//! together or not at all, with `NEXT-STEPS.md` and a `handshake.toml`
//! profile that reproduces them.

use std::path::{Path, PathBuf};

use handshake_core::file::Holds;
use handshake_core::fix::{
    self, CertificateChoice, Choices, FixKind, FixRequest, Prepared, ProxyChoices, RequestError,
    SpringChoices, Supplied,
};
use handshake_core::i18n::Facts;
use handshake_core::pki::{self, KeyType};
use handshake_core::profile::{self, Profile};
use handshake_core::render::spring::{self, BootVersion, SpringForm, SpringPlan};
use handshake_core::render::{Fix, ProxyPlan};
use handshake_core::{Language, Target, export};

use super::credential;
use crate::exit::ExitStatus;
use crate::problem::{Flag, Problem, Usage};
use crate::render::say;

#[derive(Debug, clap::Args)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  handshake generate nginx --host chat.example.com --cert /etc/letsencrypt/live/chat.example.com/fullchain.pem \\\n    --key /etc/letsencrypt/live/chat.example.com/privkey.pem --upstream http://127.0.0.1:8080 --out ./fix\n  SSL_KEYSTORE_PASSWORD=… handshake generate spring --dev-ca --host localhost --out ./fix\n  handshake generate client --target wss://chat.example.com/ws --out ./fix\n  handshake generate --profile ./fix/handshake.toml --force\n\nEvery run also writes NEXT-STEPS.md (--lang en|ko) and handshake.toml, the profile that reproduces the files."
)]
pub(crate) struct Args {
    #[command(subcommand)]
    what: Option<What>,
    /// Reproduce the files recorded in a profile (into its folder unless --out).
    #[arg(long, value_name = "handshake.toml")]
    profile: Option<PathBuf>,
    #[command(flatten)]
    output: Output,
}

// Where and how the files are written; allowed before or after the subcommand.
// (Not a doc comment: a flattened struct's would become the description
// of every command it is part of.)
#[derive(Debug, clap::Args)]
struct Output {
    /// The folder to write into.
    #[arg(long, value_name = "DIR", global = true)]
    out: Option<PathBuf>,
    /// Replace existing files (the old ones are kept as .bak).
    #[arg(long, global = true)]
    force: bool,
    /// The wss:// URL the fix is for (default: built from the host, port and path).
    #[arg(long, value_name = "URL", global = true)]
    target: Option<String>,
    /// The origin of the page that opens the socket, e.g. https://app.example.com.
    #[arg(long, value_name = "ORIGIN", global = true)]
    origin: Option<String>,
}

#[derive(Debug, clap::Subcommand)]
enum What {
    /// Nginx terminates TLS in front of the application (which stays on plain HTTP).
    Nginx(ProxyArgs),
    /// Apache httpd terminates TLS in front of the application.
    Apache(ProxyArgs),
    /// HAProxy terminates TLS in front of the application (sections to append to haproxy.cfg).
    Haproxy(ProxyArgs),
    /// Caddy terminates TLS in front of the application (a Caddyfile).
    Caddy(ProxyArgs),
    /// Spring Boot terminates TLS itself: server.ssl.* (or an SSL bundle) as properties and YAML.
    Spring(SpringArgs),
    /// Only the client changes: socket.ts and socket.js for the browser, socket-node.mjs for Node (needs --target).
    Client,
}

// A new certificate made along with the configuration.
// (Not a doc comment: a flattened struct's would become the description
// of every command it is part of.)
#[derive(Debug, clap::Args)]
struct NewCert {
    /// Make a certificate for the --host names, signed by the development CA.
    #[arg(long, conflicts_with = "self_signed")]
    dev_ca: bool,
    /// Make a self-signed certificate for the --host names.
    #[arg(long)]
    self_signed: bool,
    /// The development CA's folder (default: ~/.local/share/handshake; Windows: %LOCALAPPDATA%\handshake).
    #[arg(long, value_name = "DIR")]
    ca_dir: Option<PathBuf>,
    /// ecdsa-p256, rsa-2048, rsa-3072 or rsa-4096.
    #[arg(long, value_name = "TYPE", default_value = "ecdsa-p256")]
    key_type: String,
    /// Days of validity.
    #[arg(long, value_name = "N", default_value_t = 397)]
    days: u32,
    /// Where the certificate files will be on the server (default: the --out folder).
    #[arg(long, value_name = "DIR")]
    location: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct ProxyArgs {
    /// The host name clients use (server_name); repeatable.
    #[arg(long = "host", value_name = "NAME", required = true)]
    hosts: Vec<String>,
    /// The certificate chain already on the server (referenced where it is, so renewals apply).
    #[arg(long, value_name = "PEM", requires = "key", conflicts_with_all = ["dev_ca", "self_signed"])]
    cert: Option<PathBuf>,
    /// The private key already on the server.
    #[arg(long, value_name = "PEM", requires = "cert")]
    key: Option<PathBuf>,
    #[command(flatten)]
    new_cert: NewCert,
    /// Where the application listens, e.g. http://127.0.0.1:8080.
    #[arg(long, value_name = "URL")]
    upstream: String,
    /// The WebSocket path.
    #[arg(long, value_name = "PATH", default_value = ProxyPlan::DEFAULT_WS_PATH)]
    ws_path: String,
    /// The TLS listen address.
    #[arg(long, value_name = "ADDRESS", default_value = ProxyPlan::DEFAULT_LISTEN)]
    listen: String,
    /// The plain listen address redirecting to TLS ("none" for no redirect).
    #[arg(long, value_name = "ADDRESS", default_value = ProxyPlan::DEFAULT_REDIRECT_FROM)]
    redirect_from: String,
    /// Send Strict-Transport-Security (two years), even for localhost, an
    /// address or a single-label name, where it is off by default.
    #[arg(long, conflicts_with = "no_hsts")]
    hsts: bool,
    /// Leave out Strict-Transport-Security (sent by default for a public name).
    #[arg(long)]
    no_hsts: bool,
}

#[derive(Debug, clap::Args)]
struct SpringArgs {
    /// The Spring Boot version of the application (decides the forms offered).
    #[arg(long, value_name = "VERSION", default_value_t = BootVersion::LATEST)]
    boot: BootVersion,
    /// keystore (every version), pem (2.7+), keystore-bundle or pem-bundle (3.1+).
    #[arg(long, value_name = "FORM", default_value = "keystore", value_parser = parse_form)]
    form: SpringForm,
    /// server.port.
    #[arg(long, default_value_t = SpringPlan::DEFAULT_PORT)]
    port: u16,
    /// An existing keystore: file:/path/server.p12, or classpath:server.p12.
    #[arg(long, value_name = "LOCATION", conflicts_with_all = ["cert", "dev_ca", "self_signed"])]
    key_store: Option<String>,
    /// The key's alias in the keystore.
    #[arg(long, default_value = SpringPlan::DEFAULT_ALIAS)]
    alias: String,
    /// The environment variable with the keystore password (unset: a random one); its value goes to ssl.env only.
    #[arg(long, value_name = "VAR", default_value = spring::DEFAULT_PASSWORD_ENV)]
    password_env: String,
    /// Existing PEM files to import (the key in any format; written as PKCS#8 or into the keystore).
    #[arg(long, value_name = "PEM", requires = "key", conflicts_with_all = ["dev_ca", "self_signed"])]
    cert: Option<PathBuf>,
    /// The private key of --cert.
    #[arg(long, value_name = "PEM", requires = "cert")]
    key: Option<PathBuf>,
    /// A file holding the passphrase of an encrypted --key.
    #[arg(long, value_name = "FILE", requires = "key")]
    key_password_file: Option<PathBuf>,
    /// The host names of a new certificate (with --dev-ca or --self-signed); repeatable.
    #[arg(long = "host", value_name = "NAME")]
    hosts: Vec<String>,
    #[command(flatten)]
    new_cert: NewCert,
}

fn parse_form(text: &str) -> Result<SpringForm, String> {
    SpringForm::ALL
        .into_iter()
        .find(|form| form.name() == text)
        .ok_or_else(|| "keystore, pem, keystore-bundle, pem-bundle".to_owned())
}

/// The language of the run and whether the user chose it for this run
/// (`--lang`); a reproduced profile keeps its own language otherwise.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Speech {
    pub(crate) language: Language,
    pub(crate) chosen: bool,
}

pub(crate) fn run(args: &Args, speech: Speech) -> Result<ExitStatus, Problem> {
    let job = job(args, speech)?;
    // The same path as the window's export: one set of checks for both.
    let previous = profile::existing(&job.out);
    let prepared = fix::prepare(
        &job.request,
        &job.supplied,
        Some(&job.out),
        &job.ca_dir,
        previous.as_deref(),
    )?;
    write(args, &job, &prepared, speech.language)
}

/// The request as the window would make it, and what the flags add.
struct Job {
    request: FixRequest,
    supplied: Supplied,
    out: PathBuf,
    ca_dir: PathBuf,
}

fn job(args: &Args, speech: Speech) -> Result<Job, Problem> {
    let output = &args.output;
    let (mut request, out, plan) = match (&args.what, &args.profile) {
        (None, None) => return Err(Usage::GenerateWhat.into()),
        (Some(_), Some(_)) => return Err(Usage::ProfileAndSubcommand.into()),
        (None, Some(file)) => {
            let bytes = handshake_core::file::read(file, Holds::Profile)?;
            let text = String::from_utf8_lossy(&bytes);
            let mut profile = Profile::parse(&text, &file.display().to_string())?;
            if speech.chosen {
                profile.language = speech.language;
            }
            let folder = file
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let out = output.out.clone().unwrap_or_else(|| folder.to_owned());
            // The files the profile names, as they are.
            let request = FixRequest {
                profile,
                certificate: CertificateChoice::InPlace,
                key_type: KeyType::default(),
            };
            (request, out, Certificate::default())
        }
        (Some(what), None) => {
            let out = output.out.clone().ok_or(Usage::NoOut)?;
            let (request, plan) = request(what, output, speech.language)?;
            (request, out, plan)
        }
    };
    // The password goes into ssl.env (and a new keystore); without one a
    // new keystore gets a random password.
    let password = match &request.profile.fix {
        // A shared profile must not pick which secret goes into ssl.env.
        Fix::Spring(plan)
            if args.profile.is_some()
                && plan.needs_password()
                && plan.password_env != spring::DEFAULT_PASSWORD_ENV =>
        {
            return Err(Usage::ProfilePasswordEnv {
                variable: plan.password_env.clone(),
            }
            .into());
        }
        Fix::Spring(plan) if plan.needs_password() => {
            match super::keystore::password(&plan.password_env) {
                Ok(password) => Some(password),
                Err(Usage::EnvUnset { .. }) => None,
                Err(usage) => return Err(usage.into()),
            }
        }
        _ => None,
    };
    let new = plan.new_cert;
    let supplied = Supplied {
        password,
        passphrase: plan
            .passphrase_file
            .map(credential::passphrase)
            .transpose()?,
        hosts: plan.hosts.to_vec(),
        days: new.map(|new| new.days),
        location: new.and_then(|new| new.location.clone()),
    };
    if let Some(new) = new {
        request.key_type = credential::key_type(&new.key_type)?;
    }
    Ok(Job {
        request,
        supplied,
        out,
        ca_dir: new
            .and_then(|new| new.ca_dir.clone())
            .unwrap_or_else(pki::default_ca_dir),
    })
}

/// What the flags add to the request for a new or imported certificate.
#[derive(Default)]
struct Certificate<'a> {
    /// The flags of a new certificate.
    new_cert: Option<&'a NewCert>,
    /// Its names besides the target's.
    hosts: &'a [String],
    passphrase_file: Option<&'a Path>,
}

/// The request the flags make: what they chose, given to the core's one
/// request builder (the window's too), and what they add for the certificate.
fn request<'a>(
    what: &'a What,
    output: &Output,
    language: Language,
) -> Result<(FixRequest, Certificate<'a>), Problem> {
    let flag = |flag: &'static str| move |error| Problem::usage(Flag { flag, error });
    let target = (output.target.as_deref())
        .map(Target::parse)
        .transpose()
        .map_err(flag("--target"))?;
    let chose = |kind| Choices {
        target: target.clone(),
        origin: output.origin.clone(),
        ..Choices::new(kind, language)
    };
    let (choices, certificate) = match what {
        What::Client => (chose(FixKind::Client), Certificate::default()),
        What::Nginx(args) | What::Apache(args) | What::Haproxy(args) | What::Caddy(args) => {
            let new = &args.new_cert;
            let (choice, new_cert) = match (&args.cert, &args.key) {
                (Some(cert), Some(key)) => {
                    let (cert, key) = (fix::absolute(cert), fix::absolute(key));
                    (Some(CertificateChoice::Existing { cert, key }), None)
                }
                _ if new.dev_ca || new.self_signed => (Some(new.choice()), Some(new)),
                _ => (None, None),
            };
            let kind = match what {
                What::Apache(_) => FixKind::Apache,
                What::Haproxy(_) => FixKind::Haproxy,
                What::Caddy(_) => FixKind::Caddy,
                _ => FixKind::Nginx,
            };
            let choices = Choices {
                hosts: args.hosts.clone(),
                certificate: choice,
                proxy: ProxyChoices {
                    upstream: Some(args.upstream.clone()),
                    ws_path: Some(args.ws_path.clone()),
                    listen: Some(args.listen.clone()),
                    redirect_from: Some(
                        (args.redirect_from != "none").then(|| args.redirect_from.clone()),
                    ),
                    hsts: (args.hsts || args.no_hsts).then_some(args.hsts),
                },
                ..chose(kind)
            };
            let certificate = Certificate {
                new_cert,
                ..Certificate::default()
            };
            (choices, certificate)
        }
        What::Spring(args) => {
            let new = &args.new_cert;
            let choice = match (&args.cert, &args.key) {
                (Some(cert), Some(key)) => Some(CertificateChoice::Import {
                    cert: cert.display().to_string(),
                    key: key.display().to_string(),
                }),
                _ if new.dev_ca || new.self_signed => Some(new.choice()),
                // The application's own keystore, named by --key-store.
                _ => None,
            };
            let choices = Choices {
                hosts: args.hosts.clone(),
                certificate: choice,
                spring: SpringChoices {
                    boot: Some(args.boot),
                    form: Some(args.form),
                    port: Some(args.port),
                    key_store: args.key_store.clone(),
                    alias: Some(args.alias.clone()),
                    password_env: Some(args.password_env.clone()),
                },
                ..chose(FixKind::Spring)
            };
            let certificate = Certificate {
                new_cert: (new.dev_ca || new.self_signed).then_some(new),
                hosts: &args.hosts,
                passphrase_file: args.key_password_file.as_deref(),
            };
            (choices, certificate)
        }
    };
    let request = choices.request().map_err(|error| match error {
        // The URL made from the host, port and path: what --target sets.
        RequestError::Target(error) => flag("--target")(error),
        error => error.into(),
    })?;
    Ok((request, certificate))
}

impl NewCert {
    fn choice(&self) -> CertificateChoice {
        if self.self_signed {
            CertificateChoice::SelfSigned
        } else {
            CertificateChoice::DevCa
        }
    }
}

fn write(
    args: &Args,
    job: &Job,
    prepared: &Prepared,
    language: Language,
) -> Result<ExitStatus, Problem> {
    let say = |id: &str, facts: Facts| say(language, id, facts);
    let files = &prepared.files;
    let written = prepared.export(&job.out, args.output.force)?;
    for (file, done) in files.iter().zip(&written) {
        let secret = file.mode == export::Mode::Secret;
        println!(
            "{}",
            say(
                "cli-wrote",
                Facts::new()
                    .with("path", done.path.display().to_string())
                    .with("secret", if secret { "yes" } else { "no" })
            )
        );
        if let Some(backup) = &done.backup {
            println!(
                "  {}",
                say(
                    "cli-backup",
                    Facts::new().with("path", backup.display().to_string())
                )
            );
        }
    }
    for warning in &prepared.warnings {
        println!(
            "  {}",
            say(
                "cli-warning",
                Facts::new().with("warning", language.say(warning))
            )
        );
    }
    if let Some(ca) = &prepared.ca_cert {
        println!(
            "  {}",
            say(
                "cli-trust-ca",
                Facts::new().with("path", ca.display().to_string())
            )
        );
    }
    if let Some(variable) = &prepared.password_unset {
        println!(
            "  {}",
            say("cli-no-ssl-env", Facts::new().with("variable", variable))
        );
    }
    println!(
        "\n{}",
        say(
            "cli-next",
            Facts::new()
                .with(
                    "next_steps",
                    job.out.join("NEXT-STEPS.md").display().to_string()
                )
                .with(
                    "check",
                    handshake_core::next_steps::check_command(
                        &job.request.profile.target,
                        prepared
                            .anchor
                            .map(|kind| job.out.join(kind.file_name()).display().to_string())
                            .as_deref()
                    )
                )
        )
    );
    Ok(ExitStatus::Success)
}
