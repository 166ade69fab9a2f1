//! An Apache httpd virtual host that terminates TLS and proxies WebSocket
//! upgrades (`ProxyPass … upgrade=websocket`, Apache 2.4.47+; the older
//! mod_proxy_wstunnel is deprecated).

use std::fmt::Write as _;

use super::{MOZILLA_INTERMEDIATE_CIPHERS, ProxyPlan, ProxyServer, Syntax};
use crate::i18n::{Facts, Language};

/// The modules the virtual host needs (`a2enmod` names).
pub const MODULES: [&str; 6] = [
    "ssl",
    "socache_shmcb",
    "proxy",
    "proxy_http",
    "headers",
    "alias",
];

/// Apache httpd, as Handshake generates for it.
pub const SERVER: ProxyServer = ProxyServer {
    name: "apache",
    file: "handshake-apache.conf",
    syntax: Syntax::Apache,
    place: "place-apache-conf",
    render,
    key_file: "privkey.pem",
    key_place: "place-proxy-privkey",
    commands: || {
        vec![
            format!("sudo a2enmod {}", MODULES.join(" ")),
            "sudo cp handshake-apache.conf /etc/apache2/sites-available/ && sudo a2ensite handshake-apache".to_owned(),
            "sudo apache2ctl configtest && sudo systemctl reload apache2".to_owned(),
        ]
    },
    idle_note: "note-proxy-idle",
};

/// The site file (sites-available/), for a server with [`MODULES`]
/// enabled, its comments in `language`.
pub fn render(plan: &ProxyPlan, language: Language) -> String {
    let say = |id: &str| language.text(id, &Facts::new());
    let (name, aliases) = plan
        .server_names
        .split_first()
        .map_or(("localhost", &[][..]), |(n, a)| (n.as_str(), a));
    let alias_line = if aliases.is_empty() {
        String::new()
    } else {
        format!("    ServerAlias {}\n", aliases.join(" "))
    };
    let mut out = format!(
        "# {}\n# {}\n",
        language.text(
            "config-generated-proxy",
            &Facts::new()
                .with("names", name)
                .with("upstream", &plan.upstream)
        ),
        language.text(
            "config-apache-needs",
            &Facts::new().with("modules", MODULES.join(" "))
        ),
    );
    if let Some(listen) = plan.listen_redirect.as_deref().map(virtual_host) {
        let _ = write!(
            out,
            "\n<VirtualHost {listen}>\n    ServerName {name}\n{alias_line}    Redirect permanent / https://{name}/\n</VirtualHost>\n"
        );
    }
    let _ = write!(
        out,
        "\n<VirtualHost {listen}>\n    ServerName {name}\n{alias_line}\n    SSLEngine on\n    SSLCertificateFile {cert}\n    SSLCertificateKeyFile {key}\n    # {mozilla}\n    SSLProtocol -all +TLSv1.2 +TLSv1.3\n    SSLCipherSuite {MOZILLA_INTERMEDIATE_CIPHERS}\n    SSLHonorCipherOrder off\n    SSLSessionTickets off\n",
        listen = virtual_host(&plan.listen_tls),
        cert = plan.certificate,
        key = plan.certificate_key,
        mozilla = say("config-mozilla"),
    );
    if plan.hsts {
        out.push_str("    Header always set Strict-Transport-Security \"max-age=63072000\"\n");
    }
    let _ = write!(
        out,
        "\n    ProxyPreserveHost On\n    RequestHeader set X-Forwarded-Proto \"https\"\n    # {websocket}\n    ProxyPass {ws} {upstream}{ws} upgrade=websocket timeout={idle}\n    ProxyPassReverse {ws} {upstream}{ws}\n    ProxyPass / {upstream}/\n    ProxyPassReverse / {upstream}/\n</VirtualHost>\n",
        ws = plan.ws_path,
        idle = plan.idle_timeout_secs,
        websocket = say("config-apache-websocket"),
        upstream = plan.upstream.trim_end_matches('/')
    );
    out
}

/// `443` → `*:443`; an address with a host stays as it is.
fn virtual_host(listen: &str) -> String {
    if listen.contains(':') {
        listen.to_owned()
    } else {
        format!("*:{listen}")
    }
}
