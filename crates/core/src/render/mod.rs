//! Generators: the configuration files that fix what the diagnosis found.
//!
//! Each generator turns a plan (what the user chose) into file contents in
//! memory; `export` writes them. Templates are plain Rust `format!` so the
//! compiler checks every placeholder.

pub mod apache;
pub mod caddy;
pub mod client;
pub mod haproxy;
pub mod nginx;
pub mod spring;
pub mod values;

use serde::{Deserialize, Serialize};

use crate::export::Mode;
use crate::i18n::{Facts, Language, Message};
use crate::keystore::{KeystoreSpec, to_pkcs12};
use crate::pki::Credential;
use crate::secret::Secret;

use client::ClientPlan;
use spring::SpringPlan;

/// `path` as a configuration names a file: on Windows with forward slashes
/// (Java, nginx and Apache there read them, and no configuration format
/// escapes them) and without the `\\?\` a canonical Windows path starts
/// with (`\\?\UNC\host\share` is the share `//host/share`).
pub fn config_path(path: &std::path::Path) -> String {
    let text = path.to_string_lossy();
    let text = match text.strip_prefix(r"\\?\UNC\") {
        Some(share) => format!(r"\\{share}"),
        None => text.strip_prefix(r"\\?\").unwrap_or(&text).to_owned(),
    };
    if cfg!(windows) {
        text.replace('\\', "/")
    } else {
        text
    }
}

/// The comment lines every proxy config opens with: what Handshake
/// generated it for, and `include` (the message saying where it goes).
fn proxy_header(plan: &ProxyPlan, language: Language, include: &str) -> String {
    format!(
        "# {}\n# {}\n",
        language.text(
            "config-generated-proxy",
            &crate::i18n::Facts::new()
                .with("names", plan.server_names.join(" "))
                .with("upstream", &plan.upstream)
        ),
        language.text(include, &crate::i18n::Facts::new()),
    )
}

/// Mozilla's intermediate cipher list for TLS 1.2, ECDHE only (no DHE, so
/// no dhparam file to manage); TLS 1.3 suites need no configuration.
pub(crate) const MOZILLA_INTERMEDIATE_CIPHERS: &str = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

/// How a reverse proxy (Nginx, Apache, HAProxy or Caddy) terminates TLS in front of the application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProxyPlan {
    /// `server_name`s; the first is the canonical one.
    pub server_names: Vec<String>,
    /// The TLS listen address: a port (`443`) or `address:port`.
    pub listen_tls: String,
    /// The plain listen address that redirects to TLS; `None` for no redirect.
    pub listen_redirect: Option<String>,
    /// `ssl_certificate`: the full chain, PEM.
    pub certificate: String,
    /// `ssl_certificate_key`.
    pub certificate_key: String,
    /// The application, e.g. `http://127.0.0.1:8080`.
    pub upstream: String,
    /// The WebSocket path, e.g. `/ws`.
    pub ws_path: String,
    /// Send `Strict-Transport-Security` (two years). Off by default unless
    /// every server name is a site's own (see [`crate::target::is_site_name`]).
    pub hsts: bool,
    /// Seconds an idle WebSocket stays open (`proxy_read_timeout`).
    pub idle_timeout_secs: u32,
}

impl ProxyPlan {
    /// The TLS listen address unless told.
    pub const DEFAULT_LISTEN: &str = "443";
    /// The plain address redirecting to TLS unless told.
    pub const DEFAULT_REDIRECT_FROM: &str = "80";
    /// The WebSocket path when no target names one.
    pub const DEFAULT_WS_PATH: &str = "/ws";
    /// Where the application listens unless told.
    pub const DEFAULT_UPSTREAM: &str = "http://127.0.0.1:8080";

    /// The usual plan: 443 with a redirect from 80, HSTS for a public name
    /// (never for `localhost`, an address or a single-label name, where the
    /// diagnosis would warn about it), idle sockets kept for an hour.
    pub fn new(
        server_names: Vec<String>,
        certificate: String,
        certificate_key: String,
        upstream: String,
    ) -> ProxyPlan {
        let hsts = !server_names.is_empty()
            && server_names
                .iter()
                .all(|name| crate::target::is_site_name(name));
        ProxyPlan {
            server_names,
            listen_tls: ProxyPlan::DEFAULT_LISTEN.to_owned(),
            listen_redirect: Some(ProxyPlan::DEFAULT_REDIRECT_FROM.to_owned()),
            certificate,
            certificate_key,
            upstream,
            ws_path: ProxyPlan::DEFAULT_WS_PATH.to_owned(),
            hsts,
            idle_timeout_secs: 3600,
        }
    }
}

/// Which way TLS reaches the WebSocket server: the fix the user chose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Fix {
    /// Spring Boot terminates TLS itself.
    Spring(SpringPlan),
    /// Nginx terminates TLS in front of the application.
    Nginx(ProxyPlan),
    /// Apache httpd terminates TLS in front of the application.
    Apache(ProxyPlan),
    /// HAProxy terminates TLS in front of the application.
    Haproxy(ProxyPlan),
    /// Caddy terminates TLS in front of the application.
    Caddy(ProxyPlan),
    /// The server is fine; only the browser's client must change.
    Client(ClientPlan),
}

impl Fix {
    /// The plan of the reverse proxy in front, when one terminates TLS.
    pub fn proxy(&self) -> Option<&ProxyPlan> {
        match self.view() {
            FixView::Proxy(_, plan) => Some(plan),
            FixView::Spring(_) | FixView::Client(_) => None,
        }
    }

    /// [`Fix::proxy`], to change.
    pub fn proxy_mut(&mut self) -> Option<&mut ProxyPlan> {
        match self {
            Fix::Nginx(plan) | Fix::Apache(plan) | Fix::Haproxy(plan) | Fix::Caddy(plan) => {
                Some(plan)
            }
            Fix::Spring(_) | Fix::Client(_) => None,
        }
    }

    /// The fix as its readers tell it apart: the proxies are one case, each
    /// known by its [`ProxyServer`]. The one place besides
    /// [`Fix::proxy_mut`] that names every proxy.
    pub fn view(&self) -> FixView<'_> {
        match self {
            Fix::Spring(plan) => FixView::Spring(plan),
            Fix::Nginx(plan) => FixView::Proxy(&nginx::SERVER, plan),
            Fix::Apache(plan) => FixView::Proxy(&apache::SERVER, plan),
            Fix::Haproxy(plan) => FixView::Proxy(&haproxy::SERVER, plan),
            Fix::Caddy(plan) => FixView::Proxy(&caddy::SERVER, plan),
            Fix::Client(plan) => FixView::Client(plan),
        }
    }

    /// The proxy in front, if that is the fix.
    pub fn server(&self) -> Option<&'static ProxyServer> {
        match self.view() {
            FixView::Proxy(server, _) => Some(server),
            FixView::Spring(_) | FixView::Client(_) => None,
        }
    }
}

/// A [`Fix`] as its readers tell it apart.
#[derive(Debug, Clone, Copy)]
pub enum FixView<'a> {
    /// Spring Boot terminates TLS itself.
    Spring(&'a SpringPlan),
    /// A proxy in front.
    Proxy(&'static ProxyServer, &'a ProxyPlan),
    /// Only the client changes.
    Client(&'a ClientPlan),
}

/// A proxy Handshake generates for, as one unit: its configuration file
/// and renderer, where it reads the key, and what puts it live. Each
/// proxy's module defines its `SERVER`; rendering, placing the material
/// and `NEXT-STEPS.md` read it, and name no proxy themselves.
#[derive(Debug)]
pub struct ProxyServer {
    /// Its name in `NEXT-STEPS.md`'s title (`next-steps-title`).
    pub name: &'static str,
    /// The configuration file.
    pub file: &'static str,
    /// The file's syntax, for the preview.
    pub syntax: Syntax,
    /// Where the file goes (a `place-*` message).
    pub place: &'static str,
    /// The configuration, its comments in the language given.
    pub render: fn(&ProxyPlan, Language) -> String,
    /// The private key's file name (HAProxy reads `<certificate>.key`).
    pub key_file: &'static str,
    /// Where the key goes (a `place-*` message).
    pub key_place: &'static str,
    /// The commands that install and reload it.
    pub commands: fn() -> Vec<String>,
    /// What it does with an idle WebSocket (a `note-*` message).
    pub idle_note: &'static str,
}

/// What a generated file holds, for syntax highlighting in the preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Syntax {
    /// An Nginx config.
    Nginx,
    /// An Apache httpd config.
    Apache,
    /// An HAProxy config.
    Haproxy,
    /// A Caddyfile.
    Caddyfile,
    /// Java properties.
    Properties,
    /// YAML.
    Yaml,
    /// `KEY=value` lines.
    Env,
    /// TypeScript.
    Typescript,
    /// JavaScript.
    Javascript,
    /// Markdown.
    Markdown,
    /// TOML.
    Toml,
    /// PEM certificates or keys.
    Pem,
    /// Not text (a PKCS12 keystore).
    Binary,
}

/// One file of the fix, in memory until exported.
#[derive(Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// The file name inside the export folder.
    pub name: String,
    /// The contents.
    pub bytes: Vec<u8>,
    /// Who may read it.
    pub mode: Mode,
    /// What it holds.
    pub syntax: Syntax,
}

impl std::fmt::Debug for GeneratedFile {
    // Keys and keystores must not reach a log through `{:?}`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GeneratedFile")
            .field("name", &self.name)
            .field("bytes", &self.bytes.len())
            .field("mode", &self.mode)
            .field("syntax", &self.syntax)
            .finish()
    }
}

impl GeneratedFile {
    pub(crate) fn text(name: &str, text: String, syntax: Syntax) -> GeneratedFile {
        GeneratedFile {
            name: name.to_owned(),
            bytes: text.into_bytes(),
            mode: Mode::Public,
            syntax,
        }
    }

    fn secret(mut self) -> GeneratedFile {
        self.mode = Mode::Secret;
        self
    }

    /// The text to preview: the contents, or `None` for secrets and binary files.
    pub fn preview(&self) -> Option<&str> {
        match (self.mode, self.syntax) {
            (Mode::Secret, _) | (_, Syntax::Binary) => None,
            _ => std::str::from_utf8(&self.bytes).ok(),
        }
    }
}

/// Writes `files` into `dir`, all or none ([`crate::export::write_all`]).
pub fn write(
    dir: &std::path::Path,
    files: &[GeneratedFile],
    replace: bool,
) -> Result<Vec<crate::export::Written>, crate::export::ExportError> {
    let entries: Vec<(&str, &[u8], Mode)> = files
        .iter()
        .map(|file| (file.name.as_str(), file.bytes.as_slice(), file.mode))
        .collect();
    crate::export::write_all(dir, &entries, replace)
}

/// Certificates and secrets to write along with the configuration.
#[derive(Debug, Default, Clone, Copy)]
pub struct Material<'a> {
    /// A new (or imported) certificate and key: written as a keystore or PEM
    /// files where the plan says they go.
    pub credential: Option<&'a Credential>,
    /// The keystore password (Spring's keystore forms): protects the
    /// keystore and goes into `ssl.env`.
    pub password: Option<&'a Secret>,
    /// What a client must trust to accept a certificate Handshake made.
    pub anchor: Option<Anchor<'a>>,
}

/// The certificate a client must trust to accept a new one: the
/// development CA's, or a self-signed certificate itself. It is written
/// beside the configuration, so the check in `NEXT-STEPS.md` passes with
/// `--ca` before any trust store has it.
#[derive(Debug, Clone, Copy)]
pub struct Anchor<'a> {
    /// Which it is.
    pub kind: AnchorKind,
    /// The certificate.
    pub certificate: &'a rustls::pki_types::CertificateDer<'static>,
    /// The development CA's folder, when it is not the default one that
    /// `handshake trust` reads.
    pub ca_dir: Option<&'a str>,
}

/// Who vouches for a certificate Handshake made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnchorKind {
    /// The development CA signed it: trusted once, it covers every
    /// certificate it signs.
    DevCa,
    /// It vouches for itself.
    SelfSigned,
}

impl AnchorKind {
    /// Its file name in the export.
    pub fn file_name(self) -> &'static str {
        match self {
            AnchorKind::DevCa => "handshake-dev-ca.pem",
            AnchorKind::SelfSigned => "self-signed-cert.pem",
        }
    }
}

/// Why the files could not be generated.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// The choices contradict each other or the target.
    #[error("{}", crate::i18n::english(self))]
    Plan(spring::PlanProblem),
    /// A keystore form was chosen without a password to protect it.
    #[error("{}", crate::i18n::english(self))]
    NoPassword,
    /// A keystore could not be written.
    #[error(transparent)]
    Keystore(#[from] crate::keystore::KeystoreError),
    /// The password has characters the readers of `ssl.env` (a shell,
    /// systemd, Docker) would each read differently.
    #[error("{}", crate::i18n::english(self))]
    PasswordNotPortable {
        /// The variable it came from.
        variable: String,
    },
    /// A value would not be safe in a generated file.
    #[error("{}", crate::i18n::english(self))]
    Value(values::InvalidValue),
}

impl Message for RenderError {
    fn id(&self) -> &'static str {
        match self {
            RenderError::Plan(problem) => problem.facts().0,
            RenderError::NoPassword => "error-render-no-password",
            RenderError::Keystore(error) => error.id(),
            RenderError::Value(invalid) => invalid.id(),
            RenderError::PasswordNotPortable { .. } => "error-render-password-not-portable",
        }
    }

    fn facts(&self) -> Facts {
        match self {
            RenderError::Plan(problem) => problem.facts().1,
            RenderError::NoPassword => Facts::new(),
            RenderError::Keystore(error) => error.facts(),
            RenderError::Value(invalid) => invalid.facts(),
            RenderError::PasswordNotPortable { variable } => {
                Facts::new().with("variable", variable)
            }
        }
    }
}

/// `target` as the WebSocket URL a client opens (`https:` → `wss:`).
fn websocket_url(target: &str) -> String {
    crate::target::Target::parse(target)
        .map_or_else(|_| target.to_owned(), |t| t.as_websocket().to_string())
}

/// The configuration files of `fix` for `target` (a URL), their comments
/// in `language`, and the certificate material: what the server reads.
/// `NEXT-STEPS.md` and the profile are `fix::prepare`'s to add.
pub fn files(
    fix: &Fix,
    target: &str,
    language: Language,
    material: Material<'_>,
) -> Result<Vec<GeneratedFile>, RenderError> {
    values::check(fix).map_err(RenderError::Value)?;
    let mut out = match fix.view() {
        FixView::Spring(plan) => spring_files(plan, material, language)?,
        FixView::Proxy(server, plan) => {
            let config =
                GeneratedFile::text(server.file, (server.render)(plan, language), server.syntax);
            proxy_files(plan, config, material, language)
        }
        FixView::Client(plan) => vec![
            GeneratedFile::text("socket.ts", client::typescript(plan), Syntax::Typescript),
            GeneratedFile::text("socket.js", client::javascript(plan), Syntax::Javascript),
            GeneratedFile::text(
                "socket-node.mjs",
                client::node(&websocket_url(target)),
                Syntax::Javascript,
            ),
        ],
    };
    if let Some(anchor) = &material.anchor {
        out.push(GeneratedFile::text(
            anchor.kind.file_name(),
            crate::pem::pem("CERTIFICATE", anchor.certificate),
            Syntax::Pem,
        ));
    }
    Ok(out)
}

/// A proxy's config, the Spring side behind it, and new certificate files.
fn proxy_files(
    plan: &ProxyPlan,
    config: GeneratedFile,
    material: Material<'_>,
    language: Language,
) -> Vec<GeneratedFile> {
    let mut files = vec![
        config,
        GeneratedFile::text(
            "application-behind-proxy.properties",
            nginx::spring_forwarded(language),
            Syntax::Properties,
        ),
    ];
    if let Some(credential) = material.credential {
        files.extend(pem_files(
            credential,
            &plan.certificate,
            &plan.certificate_key,
        ));
    }
    files
}

fn spring_files(
    plan: &SpringPlan,
    material: Material<'_>,
    language: Language,
) -> Result<Vec<GeneratedFile>, RenderError> {
    if let Some(problem) = plan.problem() {
        return Err(RenderError::Plan(problem));
    }
    let mut files = vec![
        GeneratedFile::text(
            "application.properties",
            spring::properties(plan, language),
            Syntax::Properties,
        ),
        GeneratedFile::text(
            "application.yml",
            spring::yaml(plan, language),
            Syntax::Yaml,
        ),
    ];
    if plan.needs_password()
        && let Some(password) = material.password
    {
        if !values::is_portable_env_value(password.expose()) {
            return Err(RenderError::PasswordNotPortable {
                variable: plan.password_env.clone(),
            });
        }
        files.push(
            GeneratedFile::text(
                "ssl.env",
                spring::env_file(plan, password, language),
                Syntax::Env,
            )
            .secret(),
        );
    }
    let Some(credential) = material.credential else {
        return Ok(files);
    };
    if plan.form.is_pem() {
        files.extend(pem_files(credential, &plan.certificate, &plan.private_key));
    } else {
        let password = material.password.ok_or(RenderError::NoPassword)?;
        let bytes = to_pkcs12(&KeystoreSpec {
            alias: &plan.key_alias,
            password,
            chain: &credential.chain,
            key_pkcs8: &credential.key_pkcs8,
            legacy: false,
        })?;
        files.push(GeneratedFile {
            name: file_name(&plan.key_store, "server.p12"),
            bytes,
            mode: Mode::Secret,
            syntax: Syntax::Binary,
        });
    }
    Ok(files)
}

/// The chain and the PKCS#8 key as PEM files, named after where the plan
/// says they go.
fn pem_files(credential: &Credential, chain_at: &str, key_at: &str) -> [GeneratedFile; 2] {
    let chain: String = credential
        .chain
        .iter()
        .map(|der| crate::pem::pem("CERTIFICATE", der))
        .collect();
    [
        GeneratedFile::text(&file_name(chain_at, "fullchain.pem"), chain, Syntax::Pem),
        GeneratedFile::text(
            &file_name(key_at, "privkey.pem"),
            crate::pem::pem("PRIVATE KEY", &credential.key_pkcs8),
            Syntax::Pem,
        )
        .secret(),
    ]
}

/// The last part of a path or Spring location (`file:/etc/app/server.p12`).
fn file_name(location: &str, fallback: &str) -> String {
    let path = location
        .strip_prefix("file:")
        .or_else(|| location.strip_prefix("classpath:"))
        .unwrap_or(location);
    std::path::Path::new(path)
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| fallback.to_owned())
}
