//! The one way a fix request is made. The command line's flags and the
//! window's form both say what the user chose ([`Choices`]);
//! [`Choices::request`] takes what they leave out from the target (or makes
//! the target from the hosts, port and path) and refuses what cannot be
//! made, so both front ends default and refuse alike.

use super::{CertificateChoice, FixKind, FixRequest};
use crate::i18n::{Facts, Language, Message};
use crate::pki::KeyType;
use crate::profile::Profile;
use crate::render::client::ClientPlan;
use crate::render::spring::{BootVersion, SpringForm, SpringPlan};
use crate::render::{Fix, ProxyPlan};
use crate::target::{Target, TargetError};

/// What the user chose; what is `None` or empty takes its default.
#[derive(Debug, Clone)]
pub struct Choices {
    /// Which fix.
    pub kind: FixKind,
    /// The `wss://` URL the fix is for; without it, it is made from the
    /// hosts, the port and the path.
    pub target: Option<Target>,
    /// The origin of the page that opens the socket.
    pub origin: Option<String>,
    /// The language of `NEXT-STEPS.md`.
    pub language: Language,
    /// The names clients use (default: the target's host).
    pub hosts: Vec<String>,
    /// Where the certificate comes from; without it, a proxy is refused
    /// and Spring Boot keeps the keystore it names.
    pub certificate: Option<CertificateChoice>,
    /// The key type of a new certificate.
    pub key_type: KeyType,
    /// A proxy's choices.
    pub proxy: ProxyChoices,
    /// Spring Boot's choices.
    pub spring: SpringChoices,
}

/// What a proxy in front may be told (defaults: [`ProxyPlan::new`]).
#[derive(Debug, Clone, Default)]
pub struct ProxyChoices {
    /// Where the application listens.
    pub upstream: Option<String>,
    /// The WebSocket path (default: the target's).
    pub ws_path: Option<String>,
    /// The TLS listen address.
    pub listen: Option<String>,
    /// The plain address redirecting to TLS; `Some(None)`: no redirect.
    pub redirect_from: Option<Option<String>>,
    /// Whether to send Strict-Transport-Security (default: for a public
    /// name only).
    pub hsts: Option<bool>,
}

/// What Spring Boot may be told (defaults: [`SpringPlan::new`]).
#[derive(Debug, Clone, Default)]
pub struct SpringChoices {
    /// The application's Spring Boot version.
    pub boot: Option<BootVersion>,
    /// How the certificate is configured.
    pub form: Option<SpringForm>,
    /// `server.port` (default: the target's, 8443 for 443).
    pub port: Option<u16>,
    /// The application's own keystore.
    pub key_store: Option<String>,
    /// The key's alias in it.
    pub alias: Option<String>,
    /// The variable Spring reads the keystore password from.
    pub password_env: Option<String>,
}

/// Why the choices make no request.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::english(self))]
#[non_exhaustive]
pub enum RequestError {
    /// The client fix changes a URL, which must be given.
    ClientTarget,
    /// A proxy needs the names clients use, or a target to take one from.
    NoHost,
    /// A proxy needs a certificate: files on the server, or a new one.
    ProxyCertificate,
    /// Spring Boot's PEM forms need certificate files.
    PemForms,
    /// Spring Boot without a new certificate needs its keystore named.
    NoKeystore,
    /// The URL made from the hosts, port and path is not one.
    Target(#[source] TargetError),
}

impl Message for RequestError {
    fn id(&self) -> &'static str {
        match self {
            RequestError::ClientTarget => "error-client-target",
            RequestError::NoHost => "error-proxy-host",
            RequestError::ProxyCertificate => "error-proxy-certificate",
            RequestError::PemForms => "error-pem-forms",
            RequestError::NoKeystore => "error-no-keystore",
            RequestError::Target(error) => error.id(),
        }
    }

    fn facts(&self) -> Facts {
        match self {
            RequestError::Target(error) => error.facts(),
            _ => Facts::new(),
        }
    }
}

impl Choices {
    /// Every choice left to its default.
    pub fn new(kind: FixKind, language: Language) -> Choices {
        Choices {
            kind,
            target: None,
            origin: None,
            language,
            hosts: Vec::new(),
            certificate: None,
            key_type: KeyType::default(),
            proxy: ProxyChoices::default(),
            spring: SpringChoices::default(),
        }
    }

    /// The request these choices make.
    pub fn request(&self) -> Result<FixRequest, RequestError> {
        let certificate = self.certificate()?;
        let target = match &self.target {
            Some(target) => target.clone(),
            None => self.made_target()?,
        };
        Ok(FixRequest {
            profile: self.profile(&target),
            certificate,
            key_type: self.key_type,
        })
    }

    /// The profile for `target`, what the choices leave out taken from it.
    pub(super) fn profile(&self, target: &Target) -> Profile {
        let fix = match self.kind {
            FixKind::Client => Fix::Client(ClientPlan::for_target(target, self.origin.as_deref())),
            FixKind::Spring => Fix::Spring(self.spring_plan(target)),
            FixKind::Nginx => Fix::Nginx(self.proxy_plan(target)),
            FixKind::Apache => Fix::Apache(self.proxy_plan(target)),
            FixKind::Haproxy => Fix::Haproxy(self.proxy_plan(target)),
            FixKind::Caddy => Fix::Caddy(self.proxy_plan(target)),
        };
        Profile {
            target: target.url.clone(),
            origin: self.origin.clone(),
            language: self.language,
            fix,
        }
    }

    fn proxy_plan(&self, target: &Target) -> ProxyPlan {
        let choices = &self.proxy;
        let hosts = if self.hosts.is_empty() {
            vec![target.host.clone()]
        } else {
            self.hosts.clone()
        };
        let upstream =
            (choices.upstream.clone()).unwrap_or_else(|| ProxyPlan::DEFAULT_UPSTREAM.to_owned());
        let defaults = ProxyPlan::new(hosts, String::new(), String::new(), upstream);
        ProxyPlan {
            ws_path: (choices.ws_path.clone()).unwrap_or_else(|| path_of(target)),
            listen_tls: choices
                .listen
                .clone()
                .unwrap_or(defaults.listen_tls.clone()),
            listen_redirect: (choices.redirect_from.clone())
                .unwrap_or(defaults.listen_redirect.clone()),
            hsts: choices.hsts.unwrap_or(defaults.hsts),
            ..defaults
        }
    }

    fn spring_plan(&self, target: &Target) -> SpringPlan {
        let choices = &self.spring;
        let defaults = SpringPlan::new(
            choices.key_store.clone().unwrap_or_default(),
            (choices.alias.clone()).unwrap_or_else(|| SpringPlan::DEFAULT_ALIAS.to_owned()),
        );
        // A public 443 is a proxy's: the application itself listens on 8443.
        let port = choices.port.unwrap_or(match target.port {
            443 => defaults.port,
            port => port,
        });
        SpringPlan {
            boot: choices.boot.unwrap_or(defaults.boot),
            form: choices.form.unwrap_or(defaults.form),
            port,
            password_env: (choices.password_env.clone()).unwrap_or(defaults.password_env.clone()),
            ..defaults
        }
    }

    /// The target made from the hosts, the port and the path.
    fn made_target(&self) -> Result<Target, RequestError> {
        let url = match self.kind {
            FixKind::Client => return Err(RequestError::ClientTarget),
            FixKind::Spring => {
                let host = self.hosts.first().map_or("localhost", String::as_str);
                let port = self.spring.port.unwrap_or(SpringPlan::DEFAULT_PORT);
                format!("wss://{host}:{port}/ws")
            }
            FixKind::Nginx | FixKind::Apache | FixKind::Haproxy | FixKind::Caddy => {
                let host = self.hosts.first().ok_or(RequestError::NoHost)?;
                let path = self
                    .proxy
                    .ws_path
                    .as_deref()
                    .unwrap_or(ProxyPlan::DEFAULT_WS_PATH);
                format!("wss://{host}{path}")
            }
        };
        Target::parse(&url).map_err(RequestError::Target)
    }

    /// Where the certificate comes from, when the choices say nothing:
    /// Spring Boot's own keystore, named.
    fn certificate(&self) -> Result<CertificateChoice, RequestError> {
        match (&self.certificate, self.kind) {
            (Some(choice), _) => Ok(choice.clone()),
            (None, FixKind::Client) => Ok(CertificateChoice::InPlace),
            (None, FixKind::Spring) if self.spring.form.is_some_and(SpringForm::is_pem) => {
                Err(RequestError::PemForms)
            }
            (None, FixKind::Spring) if self.spring.key_store.is_none() => {
                Err(RequestError::NoKeystore)
            }
            (None, FixKind::Spring) => Ok(CertificateChoice::InPlace),
            (None, _) => Err(RequestError::ProxyCertificate),
        }
    }
}

/// The target's path without its query.
fn path_of(target: &Target) -> String {
    target.path.split('?').next().unwrap_or("/").to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chose(kind: FixKind) -> Choices {
        Choices::new(kind, Language::En)
    }

    #[test]
    fn a_target_gives_what_the_choices_leave_out() {
        let target = Target::parse("wss://chat.example.com/live?v=2").expect("URL");
        let choices = Choices {
            target: Some(target),
            certificate: Some(CertificateChoice::DevCa),
            ..chose(FixKind::Nginx)
        };
        let request = choices.request().expect("request");
        let Fix::Nginx(plan) = &request.profile.fix else {
            panic!("{:?}", request.profile.fix)
        };
        assert_eq!(plan.server_names, ["chat.example.com"]);
        assert_eq!(plan.ws_path, "/live");
        assert_eq!(plan.upstream, ProxyPlan::DEFAULT_UPSTREAM);
        assert!(plan.hsts, "a public name gets HSTS");
        let spring = Choices {
            kind: FixKind::Spring,
            ..choices
        };
        let Fix::Spring(plan) = spring.request().expect("request").profile.fix else {
            panic!("not spring")
        };
        assert_eq!(
            (plan.port, plan.key_alias.as_str()),
            (8443, SpringPlan::DEFAULT_ALIAS)
        );
    }

    #[test]
    fn without_a_target_one_is_made_from_the_hosts_port_and_path() {
        let proxy = Choices {
            hosts: vec!["localhost".into()],
            certificate: Some(CertificateChoice::SelfSigned),
            proxy: ProxyChoices {
                ws_path: Some("/socket".into()),
                hsts: Some(true),
                ..ProxyChoices::default()
            },
            ..chose(FixKind::Caddy)
        };
        let request = proxy.request().expect("request");
        assert_eq!(request.profile.target, "wss://localhost/socket");
        let Fix::Caddy(plan) = request.profile.fix else {
            panic!("not caddy")
        };
        assert!(plan.hsts, "asked for, even for localhost");
        let spring = Choices {
            spring: SpringChoices {
                port: Some(9443),
                key_store: Some("file:/etc/app/server.p12".into()),
                ..SpringChoices::default()
            },
            ..chose(FixKind::Spring)
        };
        let request = spring.request().expect("request");
        assert_eq!(request.profile.target, "wss://localhost:9443/ws");
        assert_eq!(request.certificate, CertificateChoice::InPlace);
    }

    #[test]
    fn what_cannot_be_made_is_refused_by_name() {
        let refused = |choices: Choices| choices.request().err().map(|e| e.id());
        assert_eq!(refused(chose(FixKind::Client)), Some("error-client-target"));
        assert_eq!(
            refused(chose(FixKind::Nginx)),
            Some("error-proxy-certificate")
        );
        let no_host = Choices {
            certificate: Some(CertificateChoice::DevCa),
            ..chose(FixKind::Apache)
        };
        assert_eq!(refused(no_host), Some("error-proxy-host"));
        assert_eq!(refused(chose(FixKind::Spring)), Some("error-no-keystore"));
        let pem = Choices {
            spring: SpringChoices {
                form: Some(SpringForm::Pem),
                key_store: Some("file:/x.p12".into()),
                ..SpringChoices::default()
            },
            ..chose(FixKind::Spring)
        };
        assert_eq!(refused(pem), Some("error-pem-forms"));
        let bad_host = Choices {
            hosts: vec!["bad host".into()],
            certificate: Some(CertificateChoice::DevCa),
            ..chose(FixKind::Haproxy)
        };
        assert!(matches!(bad_host.request(), Err(RequestError::Target(_))));
    }
}
