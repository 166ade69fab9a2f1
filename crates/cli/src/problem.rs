//! What stops a command: a message for the user, from the catalogue, and the
//! exit status it means — 2 only for unusable input, 1 for anything that
//! failed while running (a write, a program, a crypto library).

use handshake_core::error::{ErrorKind, UserError};
use handshake_core::i18n::{Facts, Message};
use handshake_core::{Language, TargetError};

use crate::exit::ExitStatus;

/// A problem that ends a command.
pub(crate) struct Problem {
    message: Box<dyn Message>,
    /// The exit status it means.
    pub(crate) status: ExitStatus,
}

impl Problem {
    /// Unusable input: exit status 2.
    pub(crate) fn usage(message: impl Message + 'static) -> Problem {
        Problem {
            message: Box::new(message),
            status: ExitStatus::Usage,
        }
    }

    /// A failure while running: exit status 1.
    pub(crate) fn failure(message: impl Message + 'static) -> Problem {
        Problem {
            message: Box::new(message),
            status: ExitStatus::Failure,
        }
    }

    /// The problem in `language`.
    pub(crate) fn say(&self, language: Language) -> String {
        language.say(self.message.as_ref())
    }

    /// What `--json` prints instead of findings: `{"ok": false, "error":
    /// {"code", "message"}}`, the code being the message's id without its
    /// catalogue prefix (`keystore-password`), stable for scripts.
    pub(crate) fn json(&self, language: Language) -> serde_json::Value {
        let id = self.message.id();
        let code = ["cli-error-", "app-error-", "error-"]
            .iter()
            .find_map(|prefix| id.strip_prefix(prefix))
            .unwrap_or(id);
        error_json(code, &self.say(language))
    }
}

/// The one JSON document a `--json` run prints when it cannot report.
pub(crate) fn error_json(code: &str, message: &str) -> serde_json::Value {
    serde_json::json!({ "ok": false, "error": { "code": code, "message": message } })
}

/// The command line's own usage errors (`cli-error-*` in the catalogue).
#[derive(Debug)]
pub(crate) enum Usage {
    /// An environment variable that should hold a secret is not set.
    EnvUnset {
        variable: String,
        /// `password`, `passcode` or `value`.
        what: &'static str,
    },
    PasswordShort,
    /// A profile names another variable than the default for the password.
    ProfilePasswordEnv {
        variable: String,
    },
    HeaderEnv {
        given: String,
    },
    Seconds {
        flag: &'static str,
    },
    KeyType {
        given: String,
    },
    NoHosts,
    GenerateWhat,
    ProfileAndSubcommand,
    NoOut,
    JavaHome,
    JavaCacerts {
        home: String,
    },
    CaUnreadable,
    NoUrl,
    /// A scan's list names no target.
    EmptyList,
}

impl Message for Usage {
    fn id(&self) -> &'static str {
        match self {
            Usage::EnvUnset { .. } => "cli-error-env-unset",
            Usage::PasswordShort => "cli-error-password-short",
            Usage::ProfilePasswordEnv { .. } => "cli-error-profile-password-env",
            Usage::HeaderEnv { .. } => "cli-error-header-env",
            Usage::Seconds { .. } => "cli-error-seconds",
            Usage::KeyType { .. } => "cli-error-key-type",
            Usage::NoHosts => "cli-error-no-hosts",
            Usage::GenerateWhat => "cli-error-generate-what",
            Usage::ProfileAndSubcommand => "cli-error-profile-and-subcommand",
            Usage::NoOut => "cli-error-no-out",
            Usage::JavaHome => "cli-error-java-home",
            Usage::JavaCacerts { .. } => "cli-error-java-cacerts",
            Usage::CaUnreadable => "cli-error-ca-unreadable",
            Usage::NoUrl => "cli-error-no-url",
            Usage::EmptyList => "cli-error-empty-list",
        }
    }

    fn facts(&self) -> Facts {
        let facts = Facts::new();
        match self {
            Usage::EnvUnset { variable, what } => {
                facts.with("variable", variable).with("what", *what)
            }
            Usage::HeaderEnv { given } | Usage::KeyType { given } => facts.with("given", given),
            Usage::Seconds { flag } => facts.with("flag", *flag),
            Usage::ProfilePasswordEnv { variable } => facts.with("variable", variable),
            Usage::JavaCacerts { home } => facts.with("home", home),
            _ => facts,
        }
    }
}

/// A core error about the value of one flag: `--target: …`.
pub(crate) struct Flag<E> {
    pub(crate) flag: &'static str,
    pub(crate) error: E,
}

impl<E: Message> Message for Flag<E> {
    fn id(&self) -> &'static str {
        "cli-error-flag"
    }

    fn facts(&self) -> Facts {
        Facts::new().with("flag", self.flag)
    }

    fn cause(&self) -> Option<&dyn Message> {
        Some(&self.error)
    }
}

impl Problem {
    /// A core error, with the exit status its kind means.
    fn of(error: impl UserError + 'static) -> Problem {
        match error.kind() {
            ErrorKind::Input | ErrorKind::Exists => Problem::usage(error),
            ErrorKind::Failed => Problem::failure(error),
        }
    }
}

/// `?` on a core error: the problem its kind makes.
macro_rules! from_user_errors {
    ($($error:ty),* $(,)?) => {
        $(impl From<$error> for Problem {
            fn from(error: $error) -> Problem {
                Problem::of(error)
            }
        })*
    };
}

from_user_errors!(
    TargetError,
    handshake_core::file::FileError,
    handshake_core::verify::BadCheck,
    handshake_core::probe::tls::CaFileError,
    handshake_core::diagnose::ReplayError,
    handshake_core::profile::ProfileError,
    handshake_core::pki::PkiError,
    handshake_core::csr::CsrError,
    handshake_core::keystore::KeystoreError,
    handshake_core::export::ExportError,
    handshake_core::render::RenderError,
    handshake_core::fix::FixError,
    handshake_core::fix::RequestError,
    handshake_core::trust::TrustError,
    handshake_core::browser::BrowserError,
    handshake_core::proxy::ProxyError,
);

impl From<Usage> for Problem {
    fn from(usage: Usage) -> Problem {
        Problem::usage(usage)
    }
}

/// A file the user named could not be read (exit status 2).
pub(crate) struct Unreadable {
    pub(crate) path: std::path::PathBuf,
    pub(crate) error: std::io::Error,
}

impl Message for Unreadable {
    fn id(&self) -> &'static str {
        "error-file-unreadable"
    }

    fn facts(&self) -> Facts {
        Facts::new()
            .with("path", self.path.display().to_string())
            .with("detail", self.error.to_string())
    }
}

/// An output that could not be written (stdout closed, say): exit status 1.
pub(crate) struct Output(pub(crate) std::io::Error);

impl Message for Output {
    fn id(&self) -> &'static str {
        "cli-error-output"
    }

    fn facts(&self) -> Facts {
        Facts::new().with("detail", self.0.to_string())
    }
}

/// An address `serve` cannot listen on (taken, or not this machine's):
/// exit status 1.
pub(crate) struct Listen {
    pub(crate) address: std::net::SocketAddr,
    pub(crate) error: std::io::Error,
}

impl Message for Listen {
    fn id(&self) -> &'static str {
        "cli-error-listen"
    }

    fn facts(&self) -> Facts {
        Facts::new()
            .with("address", self.address.to_string())
            .with("detail", self.error.to_string())
    }
}

impl From<std::io::Error> for Problem {
    fn from(error: std::io::Error) -> Problem {
        Problem::failure(Output(error))
    }
}

impl From<serde_json::Error> for Problem {
    fn from(error: serde_json::Error) -> Problem {
        Problem::failure(Output(error.into()))
    }
}
