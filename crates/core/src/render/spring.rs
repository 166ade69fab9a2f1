//! Spring Boot terminating TLS itself: `server.ssl.*` (or an SSL bundle) as
//! properties and YAML, the password in a separate environment file.
//!
//! The password never appears in the properties: they reference
//! `${SSL_KEYSTORE_PASSWORD}`, and `ssl.env` (mode 0600) holds the value.
//! Which forms are offered depends on the Spring Boot version: the PEM
//! properties arrived in 2.7, SSL bundles in 3.1, `reload-on-update` in 3.2.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::{Facts, Language};

/// A Spring Boot version, major and minor (`3.2`, `2.7.18`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "specta", derive(specta::Type), specta(type = String))]
pub struct BootVersion {
    /// `3` in 3.2.
    pub major: u16,
    /// `2` in 3.2.
    pub minor: u16,
}

impl BootVersion {
    /// The latest Spring Boot line Handshake knows, the default.
    pub const LATEST: BootVersion = BootVersion { major: 4, minor: 0 };

    /// The lines offered to choose from, oldest first. The generated files
    /// of 3.5 and 4.0 are loaded by the real Spring Boot in the tests
    /// (`tests/spring`); the older lines differ only in the forms offered.
    pub const LINES: [BootVersion; 9] = [
        BootVersion { major: 2, minor: 6 },
        BootVersion { major: 2, minor: 7 },
        BootVersion { major: 3, minor: 0 },
        BootVersion { major: 3, minor: 1 },
        BootVersion { major: 3, minor: 2 },
        BootVersion { major: 3, minor: 3 },
        BootVersion { major: 3, minor: 4 },
        BootVersion { major: 3, minor: 5 },
        BootVersion::LATEST,
    ];

    /// Reads `3.2`, `3.2.5` or `2.7.18-SNAPSHOT`.
    pub fn parse(text: &str) -> Option<BootVersion> {
        let mut parts = text.trim().split(['.', '-']);
        let major = parts.next()?.parse().ok()?;
        let minor = parts.next()?.parse().ok()?;
        Some(BootVersion { major, minor })
    }

    fn at_least(self, major: u16, minor: u16) -> bool {
        self >= BootVersion { major, minor }
    }
}

impl fmt::Display for BootVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl std::str::FromStr for BootVersion {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        BootVersion::parse(text)
            .ok_or_else(|| format!("{text:?} is not a Spring Boot version such as 3.2"))
    }
}

impl TryFrom<String> for BootVersion {
    type Error = String;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<BootVersion> for String {
    fn from(version: BootVersion) -> String {
        version.to_string()
    }
}

/// How the properties name the certificate and key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum SpringForm {
    /// `server.ssl.key-store` and friends: every version.
    Keystore,
    /// `server.ssl.certificate` / `certificate-private-key`: Boot 2.7+.
    Pem,
    /// `spring.ssl.bundle.jks.server.*` + `server.ssl.bundle`: Boot 3.1+.
    KeystoreBundle,
    /// `spring.ssl.bundle.pem.server.*` + `server.ssl.bundle`: Boot 3.1+.
    PemBundle,
}

impl SpringForm {
    /// Every form, oldest first.
    pub const ALL: [SpringForm; 4] = [
        SpringForm::Keystore,
        SpringForm::Pem,
        SpringForm::KeystoreBundle,
        SpringForm::PemBundle,
    ];

    /// The forms `version` understands.
    pub fn offered(version: BootVersion) -> Vec<SpringForm> {
        SpringForm::ALL
            .into_iter()
            .filter(|form| version >= form.since())
            .collect()
    }

    /// The first Spring Boot version that reads this form.
    pub fn since(self) -> BootVersion {
        let (major, minor) = match self {
            SpringForm::Keystore => (1, 0),
            SpringForm::Pem => (2, 7),
            SpringForm::KeystoreBundle | SpringForm::PemBundle => (3, 1),
        };
        BootVersion { major, minor }
    }

    /// Whether the certificate comes as PEM files rather than a keystore.
    pub fn is_pem(self) -> bool {
        matches!(self, SpringForm::Pem | SpringForm::PemBundle)
    }

    /// The name used on the command line and in the profile.
    pub fn name(self) -> &'static str {
        match self {
            SpringForm::Keystore => "keystore",
            SpringForm::Pem => "pem",
            SpringForm::KeystoreBundle => "keystore-bundle",
            SpringForm::PemBundle => "pem-bundle",
        }
    }
}

/// The variable the keystore password is read from unless told otherwise.
pub const DEFAULT_PASSWORD_ENV: &str = "SSL_KEYSTORE_PASSWORD";

/// What the Spring configuration is for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SpringPlan {
    /// The Spring Boot version the application uses.
    pub boot: BootVersion,
    /// How the certificate is named.
    pub form: SpringForm,
    /// `server.port`.
    pub port: u16,
    /// The keystore, e.g. `file:/etc/myapp/server.p12` or `classpath:server.p12`.
    // The defaults stand for what a profile leaves out: the keys the form
    // does not use (`unused_keys`).
    #[serde(default)]
    pub key_store: String,
    /// The key's alias in the keystore.
    #[serde(default = "default_alias")]
    pub key_alias: String,
    /// The PEM certificate chain (PEM forms), e.g. `file:/etc/myapp/server-chain.pem`.
    #[serde(default)]
    pub certificate: String,
    /// The PEM private key, PKCS#8 (PEM forms).
    #[serde(default)]
    pub private_key: String,
    /// The environment variable holding the keystore password.
    #[serde(default = "default_password_env")]
    pub password_env: String,
}

fn default_alias() -> String {
    "server".to_owned()
}

fn default_password_env() -> String {
    DEFAULT_PASSWORD_ENV.to_owned()
}

/// The bundle name the generated properties use.
const BUNDLE: &str = "server";

impl SpringPlan {
    /// `server.port` when no target names one.
    pub const DEFAULT_PORT: u16 = 8443;
    /// The key's alias in a keystore Handshake makes.
    pub const DEFAULT_ALIAS: &str = "server";

    /// The keystore form for the latest Boot, port 8443, password from
    /// `SSL_KEYSTORE_PASSWORD`.
    pub fn new(key_store: String, key_alias: String) -> SpringPlan {
        SpringPlan {
            boot: BootVersion::LATEST,
            form: SpringForm::Keystore,
            port: SpringPlan::DEFAULT_PORT,
            key_store,
            key_alias,
            certificate: "file:server-chain.pem".to_owned(),
            private_key: "file:server-key.pem".to_owned(),
            password_env: DEFAULT_PASSWORD_ENV.to_owned(),
        }
    }

    /// The plan's keys that name nothing in its form — a keystore form
    /// reads no PEM files, a PEM form no keystore — which a profile leaves
    /// out, so it names only what the export wrote and the server reads.
    pub(crate) fn unused_keys(&self) -> &'static [&'static str] {
        if self.form.is_pem() {
            &["key_store", "key_alias", "password_env"]
        } else {
            &["certificate", "private_key"]
        }
    }

    /// Whether the configuration needs the keystore password.
    pub fn needs_password(&self) -> bool {
        !self.form.is_pem()
    }

    /// What makes the plan unusable, if anything: a form the Boot version
    /// does not read, or a location Spring cannot resolve.
    pub fn problem(&self) -> Option<PlanProblem> {
        let since = self.form.since();
        if self.boot < since {
            return Some(PlanProblem::FormTooNew {
                form: self.form,
                since,
                boot: self.boot,
                offered: SpringForm::offered(self.boot),
            });
        }
        let locations = if self.form.is_pem() {
            vec![&self.certificate, &self.private_key]
        } else {
            vec![&self.key_store]
        };
        locations
            .into_iter()
            .find(|location| !(location.starts_with("file:") || location.starts_with("classpath:")))
            .map(|location| PlanProblem::NotALocation {
                location: location.clone(),
            })
    }

    /// Whether the bundle is reloaded when its files change (3.2+, `file:` only).
    fn reloads(&self) -> bool {
        let watched = if self.form.is_pem() {
            self.certificate.starts_with("file:") && self.private_key.starts_with("file:")
        } else {
            self.key_store.starts_with("file:")
        };
        self.boot.at_least(3, 2) && watched
    }

    /// The properties as (key, value) pairs, in file order.
    pub fn properties(&self) -> Vec<(String, String)> {
        let password = format!("${{{}}}", self.password_env);
        let protocols = "TLSv1.2,TLSv1.3".to_owned();
        let mut out = vec![("server.port".to_owned(), self.port.to_string())];
        let mut push = |key: String, value: String| out.push((key, value));
        match self.form {
            SpringForm::Keystore => {
                push("server.ssl.enabled".into(), "true".into());
                push("server.ssl.key-store".into(), self.key_store.clone());
                push("server.ssl.key-store-type".into(), "PKCS12".into());
                push("server.ssl.key-alias".into(), self.key_alias.clone());
                push("server.ssl.key-store-password".into(), password);
                push("server.ssl.enabled-protocols".into(), protocols);
            }
            SpringForm::Pem => {
                push("server.ssl.enabled".into(), "true".into());
                push("server.ssl.certificate".into(), self.certificate.clone());
                push(
                    "server.ssl.certificate-private-key".into(),
                    self.private_key.clone(),
                );
                push("server.ssl.enabled-protocols".into(), protocols);
            }
            SpringForm::KeystoreBundle => {
                let prefix = format!("spring.ssl.bundle.jks.{BUNDLE}");
                push(
                    format!("{prefix}.keystore.location"),
                    self.key_store.clone(),
                );
                push(format!("{prefix}.keystore.type"), "PKCS12".into());
                push(format!("{prefix}.keystore.password"), password);
                push(format!("{prefix}.key.alias"), self.key_alias.clone());
                push(format!("{prefix}.options.enabled-protocols"), protocols);
                if self.reloads() {
                    push(format!("{prefix}.reload-on-update"), "true".into());
                }
                push("server.ssl.bundle".into(), BUNDLE.into());
            }
            SpringForm::PemBundle => {
                let prefix = format!("spring.ssl.bundle.pem.{BUNDLE}");
                push(
                    format!("{prefix}.keystore.certificate"),
                    self.certificate.clone(),
                );
                push(
                    format!("{prefix}.keystore.private-key"),
                    self.private_key.clone(),
                );
                push(format!("{prefix}.options.enabled-protocols"), protocols);
                if self.reloads() {
                    push(format!("{prefix}.reload-on-update"), "true".into());
                }
                push("server.ssl.bundle".into(), BUNDLE.into());
            }
        }
        out
    }

    /// What the user must know about this form, one sentence each.
    pub fn advice(&self, language: Language) -> Vec<String> {
        let mut advice = vec![language.text(
            "spring-advice-https-only",
            &Facts::new().with("port", self.port),
        )];
        let mut say = |id: &str| advice.push(language.text(id, &Facts::new()));
        if self.port < 1024 {
            say("spring-advice-low-port");
        }
        if matches!(
            self.form,
            SpringForm::KeystoreBundle | SpringForm::PemBundle
        ) {
            say("spring-advice-bundle-exclusive");
            if self.reloads() {
                say("spring-advice-reload");
            } else if self.boot.at_least(3, 2) {
                say("spring-advice-no-reload");
            }
        }
        if self.form.is_pem() {
            say("spring-advice-pem-key");
        }
        advice
    }
}

/// Why a Spring plan cannot be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanProblem {
    /// The form needs a newer Spring Boot than the application's.
    FormTooNew {
        /// The form chosen.
        form: SpringForm,
        /// The first version that reads it.
        since: BootVersion,
        /// The application's version.
        boot: BootVersion,
        /// The forms that version reads.
        offered: Vec<SpringForm>,
    },
    /// A keystore, certificate or key location without `file:` or `classpath:`.
    NotALocation {
        /// The location as given.
        location: String,
    },
}

impl PlanProblem {
    /// The problem's message id and facts, for [`super::RenderError`]'s words.
    pub(crate) fn facts(&self) -> (&'static str, Facts) {
        match self {
            PlanProblem::FormTooNew {
                form,
                since,
                boot,
                offered,
            } => (
                "error-plan-form-too-new",
                Facts::new()
                    .with("form", form.name())
                    .with("since", since.to_string())
                    .with("boot", boot.to_string())
                    .with(
                        "offered",
                        offered
                            .iter()
                            .map(|f| f.name().to_owned())
                            .collect::<Vec<_>>(),
                    ),
            ),
            PlanProblem::NotALocation { location } => (
                "error-plan-not-a-location",
                Facts::new().with("location", location),
            ),
        }
    }
}

/// `application.properties`.
pub fn properties(plan: &SpringPlan, language: Language) -> String {
    let mut out = header(plan, language);
    for (key, value) in plan.properties() {
        out.push_str(&property_line(&key, &value));
        out.push('\n');
    }
    out
}

/// `key=value` as Java's `Properties` reads it back: a backslash doubled (a
/// Windows path's `C:\tls` would read as `C:<tab>ls`), a leading space kept,
/// and every character beyond ASCII as `\uXXXX` — Spring Boot reads
/// `.properties` as ISO-8859-1, so a path in `C:\Users\개발자` written as
/// UTF-8 would name another folder.
pub fn property_line(key: &str, value: &str) -> String {
    let mut line = format!("{key}=");
    for (index, c) in value.chars().enumerate() {
        match c {
            '\\' => line.push_str("\\\\"),
            ' ' if index == 0 => line.push_str("\\ "),
            ' '..='~' => line.push(c),
            _ => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    line.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
    }
    line
}

/// A Spring `file:` location for `path`, named as configurations name
/// files ([`super::config_path`]).
pub fn file_location(path: &std::path::Path) -> String {
    format!("file:{}", super::config_path(path))
}

/// `application.yml`, the same settings nested (keys sharing a prefix
/// under one parent, in the order they first appear).
pub fn yaml(plan: &SpringPlan, language: Language) -> String {
    let mut root = Vec::new();
    for (key, value) in plan.properties() {
        let path: Vec<&str> = key.split('.').collect();
        insert(&mut root, &path, value);
    }
    let mut out = header(plan, language);
    write_yaml(&mut out, &root, 0);
    out
}

/// A YAML mapping: keys in file order, each a scalar or a nested mapping.
enum Node {
    Scalar(String),
    Map(Vec<(String, Node)>),
}

fn insert(map: &mut Vec<(String, Node)>, path: &[&str], value: String) {
    let Some((first, rest)) = path.split_first() else {
        return;
    };
    if rest.is_empty() {
        map.push(((*first).to_owned(), Node::Scalar(value)));
        return;
    }
    let index = match map
        .iter()
        .position(|(key, node)| key == first && matches!(node, Node::Map(_)))
    {
        Some(index) => index,
        None => {
            map.push(((*first).to_owned(), Node::Map(Vec::new())));
            map.len() - 1
        }
    };
    if let Node::Map(children) = &mut map[index].1 {
        insert(children, rest, value);
    }
}

fn write_yaml(out: &mut String, map: &[(String, Node)], depth: usize) {
    for (key, node) in map {
        let indent = "  ".repeat(depth);
        match node {
            Node::Scalar(value) => out.push_str(&format!("{indent}{key}: {}\n", scalar(value))),
            Node::Map(children) => {
                out.push_str(&format!("{indent}{key}:\n"));
                write_yaml(out, children, depth + 1);
            }
        }
    }
}

/// A YAML scalar: numbers and booleans bare, everything else quoted.
fn scalar(value: &str) -> String {
    if value == "true" || value == "false" || value.parse::<u32>().is_ok() {
        value.to_owned()
    } else {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// The comment lines at the top, in `language`: what the file does and
/// what to know about its form.
fn header(plan: &SpringPlan, language: Language) -> String {
    let mut lines = vec![
        language.text(
            "config-spring-generated",
            &Facts::new()
                .with("boot", plan.boot.to_string())
                .with("port", plan.port),
        ),
    ];
    if plan.needs_password() {
        lines.push(language.text(
            "config-spring-password",
            &Facts::new().with("variable", &plan.password_env),
        ));
    }
    lines.extend(plan.advice(language));
    lines.iter().map(|line| format!("# {line}\n")).collect()
}

/// `ssl.env`: the one file with the password (write it with mode 0600).
pub fn env_file(plan: &SpringPlan, password: &crate::secret::Secret, language: Language) -> String {
    format!(
        "# {}\n# systemd: EnvironmentFile=/path/to/ssl.env   shell: set -a; . ./ssl.env; set +a\n{}={}\n",
        language.text("config-ssl-env", &Facts::new()),
        plan.password_env,
        password.expose()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Java's `Properties` (and Spring Boot's reader) unescape back to
    /// the value: backslashes, a leading space, and letters beyond ASCII.
    #[test]
    fn a_properties_line_reads_back_as_the_value() {
        assert_eq!(
            property_line("k", r"file:C:\tls\server.p12"),
            r"k=file:C:\\tls\\server.p12"
        );
        assert_eq!(
            property_line("k", "file:/home/개발자/server.p12"),
            r"k=file:/home/\uac1c\ubc1c\uc790/server.p12"
        );
        assert_eq!(property_line("k", " x y"), r"k=\ x y");
        assert_eq!(property_line("k", "😀"), r"k=\ud83d\ude00");
        assert_eq!(property_line("k", "${P}"), "k=${P}");
    }

    #[test]
    fn a_file_location_has_no_verbatim_prefix() {
        let windows = |unix: &str, windows: &str| {
            if cfg!(windows) {
                windows.to_owned()
            } else {
                unix.to_owned()
            }
        };
        assert_eq!(
            file_location(std::path::Path::new(r"\\?\C:\tls\server.p12")),
            windows(r"file:C:\tls\server.p12", "file:C:/tls/server.p12")
        );
        assert_eq!(
            file_location(std::path::Path::new(r"\\?\UNC\files\tls\server.p12")),
            windows(
                r"file:\\files\tls\server.p12",
                "file://files/tls/server.p12"
            )
        );
        assert_eq!(
            file_location(std::path::Path::new("/srv/app/server.p12")),
            "file:/srv/app/server.p12"
        );
    }

    #[test]
    fn versions_decide_the_forms() {
        let v = |text| BootVersion::parse(text).expect("version");
        assert_eq!(SpringForm::offered(v("2.6.3")), [SpringForm::Keystore]);
        assert_eq!(
            SpringForm::offered(v("2.7")),
            [SpringForm::Keystore, SpringForm::Pem]
        );
        assert_eq!(SpringForm::offered(v("3.1.0-SNAPSHOT")).len(), 4);
        assert_eq!(BootVersion::parse("three"), None);
    }

    #[test]
    fn a_form_too_new_for_the_version_is_refused() {
        let plan = SpringPlan {
            boot: BootVersion { major: 2, minor: 7 },
            form: SpringForm::PemBundle,
            ..SpringPlan::new("file:/x.p12".into(), "server".into())
        };
        let problem = plan.problem().expect("refused");
        assert_eq!(
            problem,
            PlanProblem::FormTooNew {
                form: SpringForm::PemBundle,
                since: BootVersion { major: 3, minor: 1 },
                boot: BootVersion { major: 2, minor: 7 },
                offered: vec![SpringForm::Keystore, SpringForm::Pem],
            }
        );
        let error = super::super::RenderError::Plan(problem);
        let text = Language::En.say(&error);
        assert!(text.contains("needs Spring Boot 3.1"), "{text}");
        assert!(text.contains("keystore, pem"), "{text}");
        assert!(Language::Ko.say(&error).contains("3.1"));
    }

    #[test]
    fn reload_needs_32_and_file_locations() {
        let plan = |boot, store: &str| SpringPlan {
            boot,
            form: SpringForm::KeystoreBundle,
            ..SpringPlan::new(store.into(), "server".into())
        };
        let reloads = |plan: SpringPlan| {
            plan.properties()
                .iter()
                .any(|(key, _)| key.ends_with("reload-on-update"))
        };
        assert!(reloads(plan(
            BootVersion { major: 3, minor: 2 },
            "file:/a.p12"
        )));
        assert!(!reloads(plan(
            BootVersion { major: 3, minor: 1 },
            "file:/a.p12"
        )));
        assert!(!reloads(plan(
            BootVersion { major: 3, minor: 4 },
            "classpath:a.p12"
        )));
    }
}
