//! Choosing and preparing the fix: which path the findings point to, the
//! defaults a target implies, where the certificate comes from, and the
//! complete set of files — what the desktop wizard's steps 3 to 5 show.
//!
//! The renderers (`render`) turn a plan into text; this module decides the
//! plan and gathers the certificate material, so the app's commands stay a
//! line or two.

mod request;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::finding::Code;
use crate::i18n::{Facts, Language, Message};
use crate::pki::{self, KeyType, LeafRequest, PkiError, Source};
use crate::profile::Profile;
use crate::render::{self, Anchor, AnchorKind, Fix, GeneratedFile, Material, RenderError, Syntax};
use crate::{secret::Secret, target::Target};

/// The ways to fix a `wss://` connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum FixKind {
    /// Spring Boot terminates TLS itself.
    Spring,
    /// Nginx in front.
    Nginx,
    /// Apache httpd in front.
    Apache,
    /// HAProxy in front.
    Haproxy,
    /// Caddy in front.
    Caddy,
    /// Only the client's URL and connection logic change.
    Client,
}

/// The recommended fix and the finding that decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Suggestion {
    /// The fix to preselect.
    pub kind: FixKind,
    /// The finding it answers; `None` when nothing pointed anywhere in
    /// particular (then Nginx, the most common setup).
    pub because: Option<Code>,
}

/// The fix the findings point to, most decisive finding first.
pub fn suggest(codes: &[Code], target: &Target) -> Suggestion {
    let rules: [(Code, FixKind); 12] = [
        // The page or the URL is wrong, the server is fine.
        (Code::MixedContent, FixKind::Client),
        (Code::PlainToTlsPort, FixKind::Client),
        (Code::ServerNotReady, FixKind::Client),
        (Code::WsOriginForbidden, FixKind::Client),
        // The application speaks plain HTTP where TLS is expected: put TLS
        // in front of it without touching it.
        (Code::TlsToPlainPort, FixKind::Nginx),
        // A proxy is already there and does not forward the upgrade.
        (Code::WsUpgradeIgnored, FixKind::Nginx),
        (Code::WsUpgradeRejected, FixKind::Nginx),
        (Code::ProxyUpstreamDown, FixKind::Nginx),
        // A certificate problem: a new certificate where TLS ends.
        (Code::CertExpired, certificate_fix(target)),
        (Code::CertHostnameMismatch, certificate_fix(target)),
        (Code::CertSelfSigned, certificate_fix(target)),
        (Code::CertUntrustedIssuer, certificate_fix(target)),
    ];
    rules.iter().find(|(code, _)| codes.contains(code)).map_or(
        Suggestion {
            kind: FixKind::Nginx,
            because: None,
        },
        |&(code, kind)| Suggestion {
            kind,
            because: Some(code),
        },
    )
}

/// On 443 TLS usually ends at a proxy; on another port, at the application.
fn certificate_fix(target: &Target) -> FixKind {
    if target.port == 443 {
        FixKind::Nginx
    } else {
        FixKind::Spring
    }
}

pub use crate::render::values::EXPORT_FOLDER;
pub use request::{Choices, ProxyChoices, RequestError, SpringChoices};

/// The profile of a `kind` fix for `target`, every choice at its default
/// and its certificate files under [`EXPORT_FOLDER`]: what the window
/// starts from.
pub fn default_profile(
    kind: FixKind,
    target: &Target,
    origin: Option<&str>,
    language: Language,
) -> Profile {
    let choices = Choices {
        origin: origin.map(str::to_owned),
        ..Choices::new(kind, language)
    };
    let mut profile = choices.profile(target);
    place_material(&mut profile.fix, EXPORT_FOLDER);
    profile
}

/// Points the plan's certificate, key and keystore paths into `folder`
/// (where the generated material will be on the server).
pub fn place_material(fix: &mut Fix, folder: &str) {
    let folder = folder.trim_end_matches('/');
    let key_file = fix.server().map(|server| server.key_file);
    if let Fix::Spring(plan) = fix {
        plan.key_store = format!("file:{folder}/server.p12");
        plan.certificate = format!("file:{folder}/fullchain.pem");
        plan.private_key = format!("file:{folder}/privkey.pem");
    }
    if let (Some(plan), Some(key_file)) = (fix.proxy_mut(), key_file) {
        plan.certificate = format!("{folder}/fullchain.pem");
        plan.certificate_key = format!("{folder}/{key_file}");
    }
}

/// Where the certificate comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum CertificateChoice {
    /// A new certificate signed by the development CA (made once, reused).
    DevCa,
    /// A new self-signed certificate.
    SelfSigned,
    /// PEM files the user has (e.g. Let's Encrypt's): imported, the key
    /// converted as the server needs it.
    Import {
        /// The certificate chain file.
        cert: String,
        /// The private key file (not encrypted).
        key: String,
    },
    /// Files already on the server, referenced where they are (a proxy
    /// reads Let's Encrypt's renewals in place).
    Existing {
        /// The certificate chain path on the server.
        cert: String,
        /// The private key path on the server.
        key: String,
    },
    /// The files the plan already names, left as they are: a reproduced
    /// profile, or a keystore the application already has.
    InPlace,
}

/// What the wizard generates: the profile and the certificate's origin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FixRequest {
    /// The target and the plan.
    pub profile: Profile,
    /// Where the certificate comes from (ignored for the client fix).
    pub certificate: CertificateChoice,
    /// The key type of a new certificate.
    pub key_type: KeyType,
}

/// What a caller adds to a [`FixRequest`]: secrets, which are never kept
/// in a profile or the settings, and details of a new certificate that
/// the window leaves at their defaults.
#[derive(Debug, Default)]
pub struct Supplied {
    /// The keystore password (the command line reads it from the
    /// environment); without one a new keystore gets a random password.
    pub password: Option<Secret>,
    /// The passphrase of an encrypted key to import.
    pub passphrase: Option<Secret>,
    /// More names for a new certificate, besides the target's host and a
    /// proxy's server names.
    pub hosts: Vec<String>,
    /// Days of validity of a new certificate.
    pub days: Option<u32>,
    /// Where new certificate files will be on the server (default: the
    /// export folder).
    pub location: Option<PathBuf>,
}

/// The files, ready to export.
#[derive(Debug)]
pub struct Prepared {
    /// Every file, in the order they are shown.
    pub files: Vec<GeneratedFile>,
    /// The development CA's certificate, when it signed the new one.
    pub ca_cert: Option<PathBuf>,
    /// What clients must trust, written among `files` under its
    /// [`AnchorKind::file_name`], when Handshake made the certificate.
    pub anchor: Option<AnchorKind>,
    /// What the user should know about the certificate.
    pub warnings: Vec<pki::CredentialWarning>,
    /// The variable Spring reads the keystore password from, when no
    /// `ssl.env` could be written: the keystore is the application's own
    /// and its password was not supplied.
    pub password_unset: Option<String>,
}

/// Why the files could not be prepared.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FixError {
    /// The certificate could not be made or read.
    #[error(transparent)]
    Certificate(#[from] PkiError),
    /// The plan is inconsistent.
    #[error(transparent)]
    Render(#[from] RenderError),
}

impl Message for FixError {
    fn id(&self) -> &'static str {
        match self {
            FixError::Certificate(error) => error.id(),
            FixError::Render(error) => error.id(),
        }
    }

    fn facts(&self) -> Facts {
        match self {
            FixError::Certificate(error) => error.facts(),
            FixError::Render(error) => error.facts(),
        }
    }
}

/// `files` with what the user reads and keeps beside them:
/// `NEXT-STEPS.md` (where each file goes and what puts the fix live, in
/// the profile's language; `anchor` is what clients must trust) and the
/// profile itself, merged into `previous_profile` so the user's comments
/// survive.
pub fn with_documents(
    profile: &Profile,
    mut files: Vec<GeneratedFile>,
    anchor: Option<&Anchor<'_>>,
    previous_profile: Option<&str>,
) -> Vec<GeneratedFile> {
    let names: Vec<String> = files.iter().map(|file| file.name.clone()).collect();
    files.push(GeneratedFile::text(
        "NEXT-STEPS.md",
        crate::next_steps::render(profile, &names, anchor),
        Syntax::Markdown,
    ));
    files.push(GeneratedFile::text(
        crate::profile::FILE_NAME,
        profile.to_toml(previous_profile),
        Syntax::Toml,
    ));
    files
}

impl Prepared {
    /// The files in `folder` that exporting would replace and the user must
    /// agree to: every existing one but the profile, which is Handshake's
    /// own record of the choices (rewritten with a backup, comments kept).
    /// The window lists them; `handshake generate` asks for `--force`.
    pub fn must_replace(&self, folder: &Path) -> Vec<PathBuf> {
        let names = self.files.iter().map(|file| file.name.as_str());
        crate::export::conflicts(folder, names)
            .into_iter()
            .filter(|path| !path.ends_with(crate::profile::FILE_NAME))
            .collect()
    }

    /// Writes every file into `folder`, all or none: an existing file is
    /// replaced (keeping a `.bak`) only when `replace` says the user agreed,
    /// or when it is the profile alone.
    pub fn export(
        &self,
        folder: &Path,
        replace: bool,
    ) -> Result<Vec<crate::export::Written>, crate::export::ExportError> {
        let replace = replace || self.must_replace(folder).is_empty();
        crate::render::write(folder, &self.files, replace)
    }
}

/// Prepares every file of `request` for `folder`, or — with `None` — a
/// preview: the same files, paths under [`EXPORT_FOLDER`], and placeholder
/// certificate material (nothing is written, not even the development CA).
/// Otherwise it makes or imports the certificate (in the development CA at
/// `ca_dir`), and a random keystore password when a new keystore needs one
/// and none was supplied. The window and `handshake generate` both come
/// here, so both accept and refuse the same things.
pub fn prepare(
    request: &FixRequest,
    supplied: &Supplied,
    folder: Option<&Path>,
    ca_dir: &Path,
    previous_profile: Option<&str>,
) -> Result<Prepared, FixError> {
    let mut profile = request.profile.clone();
    if let Some(plan) = profile.fix.proxy_mut() {
        // `http://app:8080/` names the application, not a path on it.
        let bare = plan.upstream.trim_end_matches('/').len();
        plan.upstream.truncate(bare);
    }
    // A preview never shows key material: a fast ECDSA placeholder stands
    // in, so an RSA 4096 choice does not cost seconds on every keystroke.
    let leaf = LeafRequest {
        key_type: if folder.is_some() {
            request.key_type
        } else {
            KeyType::EcdsaP256
        },
        days: supplied.days.unwrap_or(pki::DEFAULT_DAYS),
        hosts: hosts(&profile, &supplied.hosts),
    };
    let source = match (&request.certificate, &mut profile.fix) {
        (_, Fix::Client(_)) | (CertificateChoice::InPlace, _) => None,
        (CertificateChoice::Existing { cert, key }, fix) if fix.proxy().is_some() => {
            if let Some(plan) = fix.proxy_mut() {
                plan.certificate = cert.clone();
                plan.certificate_key = key.clone();
            }
            None
        }
        // A preview shows no key material: it must not create the CA yet.
        (CertificateChoice::DevCa, _) if folder.is_none() => Some(Source::SelfSigned(leaf)),
        (CertificateChoice::DevCa, _) => Some(Source::DevCa {
            dir: ca_dir.to_owned(),
            request: leaf,
        }),
        (CertificateChoice::SelfSigned, _) => Some(Source::SelfSigned(leaf)),
        (
            CertificateChoice::Import { cert, key } | CertificateChoice::Existing { cert, key },
            _,
        ) => Some(Source::Import {
            cert: PathBuf::from(cert),
            key: PathBuf::from(key),
            passphrase: supplied.passphrase.clone(),
        }),
    };
    if source.is_some() {
        // Servers resolve relative paths against their own folders.
        let shown = match (&supplied.location, folder) {
            (Some(location), _) => absolute(location),
            (None, Some(folder)) => absolute(folder),
            (None, None) => EXPORT_FOLDER.to_owned(),
        };
        place_material(&mut profile.fix, &shown);
    }
    let made = source.as_ref().map(pki::credential).transpose()?;
    let (password, password_unset) = match &profile.fix {
        Fix::Spring(plan) if plan.needs_password() => match (&supplied.password, &made) {
            (Some(password), _) => (Some(password.clone()), None),
            (None, Some(_)) => (Some(random_password()), None),
            (None, None) => (None, Some(plan.password_env.clone())),
        },
        _ => (None, None),
    };
    let ca_dir_shown = (ca_dir != pki::default_ca_dir()).then(|| absolute(ca_dir));
    let anchor = match (&request.certificate, &made) {
        (CertificateChoice::DevCa | CertificateChoice::SelfSigned, Some((credential, _))) => {
            // The chain's last certificate: the CA's, or the self-signed one
            // (which also stands in for the CA in a preview).
            credential.chain.last().map(|certificate| Anchor {
                kind: if request.certificate == CertificateChoice::DevCa {
                    AnchorKind::DevCa
                } else {
                    AnchorKind::SelfSigned
                },
                certificate,
                ca_dir: ca_dir_shown.as_deref(),
            })
        }
        _ => None,
    };
    let material = Material {
        credential: made.as_ref().map(|(credential, _)| credential),
        password: password.as_ref(),
        anchor,
    };
    let anchor = anchor.map(|anchor| anchor.kind);
    let files = with_documents(
        &profile,
        render::files(&profile.fix, &profile.target, profile.language, material)?,
        material.anchor.as_ref(),
        previous_profile,
    );
    let (warnings, ca_cert) = made
        .map(|(credential, ca)| (credential.warnings, ca))
        .unwrap_or_default();
    Ok(Prepared {
        files,
        ca_cert,
        anchor,
        warnings,
        password_unset,
    })
}

/// `path` as a generated configuration names it: absolute, against the
/// current folder when relative (servers resolve relative paths against
/// their own folders, not the user's), in [`crate::render::config_path`]'s form.
pub fn absolute(path: &Path) -> String {
    crate::render::config_path(&std::path::absolute(path).unwrap_or_else(|_| path.to_owned()))
}

/// The host names a new certificate covers: the target's, a proxy's
/// server names, and `more`, each once.
fn hosts(profile: &Profile, more: &[String]) -> Vec<String> {
    let mut hosts = vec![profile.host()];
    if let Some(plan) = profile.fix.proxy() {
        hosts.extend(plan.server_names.iter().cloned());
    }
    hosts.extend(more.iter().cloned());
    let mut seen = std::collections::HashSet::new();
    hosts.retain(|host| !host.is_empty() && seen.insert(host.clone()));
    if hosts.is_empty() {
        hosts.push("localhost".to_owned());
    }
    hosts
}

/// 24 random characters from the URL-safe base64 alphabet (144 bits).
fn random_password() -> Secret {
    use base64::Engine as _;
    let mut bytes = [0u8; 18];
    // getrandom does not fail on the systems we run on; a zero key would
    // still be a valid (weak) password, never a crash.
    let _ = aws_lc_rs::rand::fill(&mut bytes);
    Secret::new(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(url: &str) -> Target {
        Target::parse(url).expect("URL")
    }

    #[test]
    fn only_the_profile_is_replaced_without_asking() {
        let folder =
            std::env::temp_dir().join(format!("handshake-fix-replace-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        let file =
            |name: &str, text: &str| GeneratedFile::text(name, text.to_owned(), Syntax::Nginx);
        let prepared = |text: &str| Prepared {
            files: vec![
                file("nginx.conf", text),
                file(crate::profile::FILE_NAME, text),
            ],
            ca_cert: None,
            anchor: None,
            warnings: Vec::new(),
            password_unset: None,
        };
        let first = prepared("first");
        assert!(first.must_replace(&folder).is_empty());
        first.export(&folder, false).expect("a new folder");
        // Both exist now: the configuration needs consent, the profile not.
        let second = prepared("second");
        assert_eq!(second.must_replace(&folder), [folder.join("nginx.conf")]);
        assert!(second.export(&folder, false).is_err());
        let read = |name: &str| std::fs::read_to_string(folder.join(name)).unwrap_or_default();
        assert_eq!(
            (read("nginx.conf"), read(crate::profile::FILE_NAME)),
            ("first".into(), "first".into())
        );
        // The profile alone is rewritten freely, with a backup.
        let profile_only = Prepared {
            files: vec![file(crate::profile::FILE_NAME, "third")],
            ..prepared("")
        };
        assert!(profile_only.must_replace(&folder).is_empty());
        let written = profile_only
            .export(&folder, false)
            .expect("the profile alone");
        assert!(written[0].backup.is_some());
        assert_eq!(read(crate::profile::FILE_NAME), "third");
        second.export(&folder, true).expect("agreed");
        assert_eq!(read("nginx.conf"), "second");
        let _ = std::fs::remove_dir_all(&folder);
    }

    #[test]
    fn the_findings_choose_the_fix() {
        let api = target("wss://chat.example.com/ws");
        let app = target("wss://localhost:8443/ws");
        let pick = |codes: &[Code], target: &Target| suggest(codes, target);
        assert_eq!(pick(&[Code::TlsToPlainPort], &app).kind, FixKind::Nginx);
        assert_eq!(
            pick(&[Code::CertSelfSigned, Code::MixedContent], &api),
            Suggestion {
                kind: FixKind::Client,
                because: Some(Code::MixedContent)
            }
        );
        assert_eq!(pick(&[Code::CertExpired], &api).kind, FixKind::Nginx);
        assert_eq!(pick(&[Code::CertExpired], &app).kind, FixKind::Spring);
        assert_eq!(pick(&[Code::WsOk], &app).because, None);
    }

    #[test]
    fn defaults_come_from_the_target() {
        let target = target("wss://chat.example.com/socket?room=1");
        let profile = default_profile(FixKind::Nginx, &target, None, Language::En);
        let Fix::Nginx(plan) = &profile.fix else {
            panic!("nginx: {profile:?}")
        };
        assert_eq!(plan.server_names, ["chat.example.com"]);
        assert_eq!(plan.ws_path, "/socket");
        assert_eq!(plan.certificate, "<export folder>/fullchain.pem");
        let spring = default_profile(FixKind::Spring, &target, None, Language::En);
        assert!(matches!(&spring.fix, Fix::Spring(plan) if plan.port == 8443));
    }

    #[test]
    fn a_development_certificate_lands_in_the_export_folder() {
        let dir = std::env::temp_dir().join(format!("handshake-fix-{}", std::process::id()));
        let request = FixRequest {
            profile: default_profile(
                FixKind::Spring,
                &target("wss://localhost:8443/ws"),
                None,
                Language::En,
            ),
            certificate: CertificateChoice::DevCa,
            key_type: KeyType::EcdsaP256,
        };
        let prepared = prepare(
            &request,
            &Supplied::default(),
            Some(Path::new("/srv/chat")),
            &dir.join("ca"),
            None,
        )
        .expect("files");
        let names: Vec<&str> = prepared.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "application.properties",
                "application.yml",
                "ssl.env",
                "server.p12",
                "handshake-dev-ca.pem",
                "NEXT-STEPS.md",
                "handshake.toml"
            ]
        );
        let properties = prepared.files[0].preview().expect("text");
        assert!(properties.contains("server.ssl.key-store=file:/srv/chat/server.p12"));
        assert!(prepared.files[2].preview().is_none(), "ssl.env is a secret");
        assert_eq!(
            prepared.ca_cert.as_deref(),
            Some(dir.join("ca/handshake-dev-ca.pem").as_path())
        );
        // The exported copy is the CA itself, and the check the next steps
        // give trusts it, so it passes before any store has the CA.
        let ca = std::fs::read_to_string(dir.join("ca/handshake-dev-ca.pem")).expect("CA");
        assert_eq!(prepared.files[4].preview(), Some(ca.as_str()));
        let next = prepared.files[5].preview().expect("text");
        assert!(
            next.contains("handshake check --ca handshake-dev-ca.pem wss://localhost:8443/ws\n"),
            "{next}"
        );
        assert!(
            next.contains("handshake trust --store browsers --ca-dir "),
            "{next}"
        );
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_preview_does_not_create_the_development_ca() {
        let dir =
            std::env::temp_dir().join(format!("handshake-fix-preview-{}", std::process::id()));
        let request = FixRequest {
            profile: default_profile(
                FixKind::Nginx,
                &target("wss://chat.example.com/ws"),
                None,
                Language::En,
            ),
            certificate: CertificateChoice::DevCa,
            key_type: KeyType::EcdsaP256,
        };
        let prepared = prepare(&request, &Supplied::default(), None, &dir, None).expect("preview");
        assert!(
            prepared.files.iter().any(|f| f.name == "fullchain.pem"),
            "listed all the same"
        );
        assert!(!dir.exists(), "nothing written before the export");
    }

    #[test]
    fn existing_files_on_the_server_are_referenced_not_copied() {
        let request = FixRequest {
            profile: default_profile(
                FixKind::Nginx,
                &target("wss://chat.example.com/ws"),
                None,
                Language::En,
            ),
            certificate: CertificateChoice::Existing {
                cert: "/etc/letsencrypt/live/chat.example.com/fullchain.pem".into(),
                key: "/etc/letsencrypt/live/chat.example.com/privkey.pem".into(),
            },
            key_type: KeyType::EcdsaP256,
        };
        let prepared = prepare(
            &request,
            &Supplied::default(),
            None,
            Path::new("/nonexistent"),
            None,
        )
        .expect("files");
        assert!(!prepared.files.iter().any(|f| f.name.ends_with(".pem")));
        let config = prepared.files[0].preview().expect("text");
        assert!(config.contains("/etc/letsencrypt/live/chat.example.com/fullchain.pem"));
    }

    /// What `handshake generate` adds from its flags reaches the files: the
    /// password from the environment, the names, the days and the place on
    /// the server of a new certificate.
    #[test]
    fn what_the_command_line_supplies_reaches_the_files() {
        use x509_parser::prelude::{FromDer, GeneralName, X509Certificate};
        let mut profile = default_profile(
            FixKind::Spring,
            &target("wss://localhost:8443/ws"),
            None,
            Language::En,
        );
        if let Fix::Spring(plan) = &mut profile.fix {
            plan.form = crate::render::spring::SpringForm::Pem;
            plan.boot = crate::render::spring::BootVersion::LATEST;
        }
        let request = FixRequest {
            profile,
            certificate: CertificateChoice::SelfSigned,
            key_type: KeyType::EcdsaP256,
        };
        let supplied = Supplied {
            hosts: vec!["127.0.0.1".into(), "localhost".into()],
            days: Some(30),
            location: Some(PathBuf::from("/etc/chat/tls")),
            ..Supplied::default()
        };
        let prepared = prepare(
            &request,
            &supplied,
            Some(Path::new("/tmp/out")),
            Path::new("/nonexistent"),
            None,
        )
        .expect("files");
        let text = |name: &str| {
            let file = prepared.files.iter().find(|f| f.name == name);
            String::from_utf8_lossy(&file.expect(name).bytes).into_owned()
        };
        assert!(
            text("application.properties")
                .contains("server.ssl.certificate=file:/etc/chat/tls/fullchain.pem"),
            "placed where --location says"
        );
        use rustls::pki_types::{CertificateDer, pem::PemObject};
        let der = CertificateDer::from_pem_slice(text("fullchain.pem").as_bytes()).expect("PEM");
        let (_, leaf) = X509Certificate::from_der(&der).expect("certificate");
        let validity = leaf.validity();
        let days = (validity.not_after.timestamp() - validity.not_before.timestamp()) / 86_400;
        assert_eq!(days, 30);
        let names: Vec<String> = leaf
            .subject_alternative_name()
            .ok()
            .flatten()
            .map(|san| {
                san.value
                    .general_names
                    .iter()
                    .map(|name| match name {
                        GeneralName::DNSName(dns) => (*dns).to_owned(),
                        GeneralName::IPAddress(ip) => format!("{ip:?}"),
                        other => format!("{other:?}"),
                    })
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(names, ["localhost", "[127, 0, 0, 1]"], "each name once");

        // The application's own keystore: the supplied password goes to
        // ssl.env; without one, nothing can be written and the caller is told.
        let mut own = request.clone();
        own.certificate = CertificateChoice::InPlace;
        if let Fix::Spring(plan) = &mut own.profile.fix {
            plan.form = crate::render::spring::SpringForm::Keystore;
            plan.key_store = "file:/etc/chat/server.p12".into();
        }
        let with = Supplied {
            password: Some(Secret::new("pa55-word")),
            ..Supplied::default()
        };
        let prepared = prepare(
            &own,
            &with,
            Some(Path::new("/tmp/out")),
            Path::new("/x"),
            None,
        )
        .expect("files");
        let env = prepared.files.iter().find(|f| f.name == "ssl.env");
        assert!(String::from_utf8_lossy(&env.expect("ssl.env").bytes).contains("=pa55-word\n"));
        assert!(!prepared.files.iter().any(|f| f.name == "server.p12"));
        let without = prepare(
            &own,
            &Supplied::default(),
            Some(Path::new("/tmp/out")),
            Path::new("/x"),
            None,
        )
        .expect("files");
        assert!(!without.files.iter().any(|f| f.name == "ssl.env"));
        assert_eq!(
            without.password_unset.as_deref(),
            Some("SSL_KEYSTORE_PASSWORD")
        );
    }
}
