//! `NEXT-STEPS.md`: where each generated file goes and the commands that
//! put the fix live, in the user's language (`locales/*/next-steps.ftl`).

use std::fmt::Write as _;

use crate::i18n::Facts;
use crate::profile::Profile;
use crate::render::{Anchor, AnchorKind, Fix};

/// The command that proves the fix: it trusts what `anchor` names (a file
/// of the export) for this one run, so it passes as written before any
/// trust store has the CA.
pub fn check_command(url: &str, anchor: Option<&str>) -> String {
    match anchor {
        Some(file) => format!("handshake check --ca {file} {url}"),
        None => format!("handshake check {url}"),
    }
}

/// The Markdown text for the files in `names`; `anchor` is what clients
/// must trust, when Handshake made the certificate.
pub(crate) fn render(profile: &Profile, names: &[String], anchor: Option<&Anchor<'_>>) -> String {
    let language = profile.language;
    let say = |id: &str| language.text(id, &Facts::new());
    let check = |url: &str| check_command(url, anchor.map(|a| a.kind.file_name()));
    let (kind, places, commands, mut notes, client_url) = match &profile.fix {
        Fix::Spring(plan) => {
            let url = format!("wss://{}:{}{}", profile.host(), plan.port, profile.path());
            (
                "spring",
                vec![
                    ("application.properties", "place-application-properties"),
                    ("application.yml", "place-application-yml"),
                    ("ssl.env", "place-ssl-env"),
                    ("server.p12", "place-server-p12"),
                    ("fullchain.pem", "place-spring-fullchain"),
                    ("privkey.pem", "place-spring-privkey"),
                    (AnchorKind::DevCa.file_name(), "place-dev-ca"),
                    (AnchorKind::SelfSigned.file_name(), "place-self-signed"),
                ],
                [
                    plan.needs_password()
                        .then(|| "set -a; . ./ssl.env; set +a".to_owned()),
                    Some(say("next-steps-run-spring")),
                    Some(check(&url)),
                ]
                .into_iter()
                .flatten()
                .collect(),
                plan.advice(language),
                url,
            )
        }
        Fix::Nginx(plan) | Fix::Apache(plan) | Fix::Haproxy(plan) | Fix::Caddy(plan) => {
            let url = format!(
                "wss://{}{}",
                plan.server_names
                    .first()
                    .map_or("localhost", String::as_str),
                plan.ws_path
            );
            let (kind, mut commands) = match &profile.fix {
                Fix::Apache(_) => (
                    "apache",
                    vec![
                        format!("sudo a2enmod {}", crate::render::apache::MODULES.join(" ")),
                        "sudo cp handshake-apache.conf /etc/apache2/sites-available/ && sudo a2ensite handshake-apache".to_owned(),
                        "sudo apache2ctl configtest && sudo systemctl reload apache2".to_owned(),
                    ],
                ),
                Fix::Haproxy(_) => (
                    "haproxy",
                    vec![
                        "sudo sh -c 'cat handshake-haproxy.cfg >> /etc/haproxy/haproxy.cfg'".to_owned(),
                        "sudo haproxy -c -f /etc/haproxy/haproxy.cfg && sudo systemctl reload haproxy".to_owned(),
                    ],
                ),
                Fix::Caddy(_) => (
                    "caddy",
                    vec![
                        "sudo cp Caddyfile /etc/caddy/Caddyfile".to_owned(),
                        "sudo caddy validate --config /etc/caddy/Caddyfile && sudo systemctl reload caddy".to_owned(),
                    ],
                ),
                // Nginx.
                _ => (
                    "nginx",
                    vec![
                        "sudo cp handshake-nginx.conf /etc/nginx/conf.d/".to_owned(),
                        "sudo nginx -t && sudo systemctl reload nginx".to_owned(),
                    ],
                ),
            };
            commands.push(check(&url));
            (
                kind,
                vec![
                    ("handshake-nginx.conf", "place-nginx-conf"),
                    ("handshake-apache.conf", "place-apache-conf"),
                    ("handshake-haproxy.cfg", "place-haproxy-cfg"),
                    ("Caddyfile", "place-caddyfile"),
                    ("application-behind-proxy.properties", "place-behind-proxy"),
                    ("fullchain.pem", "place-proxy-fullchain"),
                    ("privkey.pem", "place-proxy-privkey"),
                    ("fullchain.pem.key", "place-haproxy-key"),
                    (AnchorKind::DevCa.file_name(), "place-dev-ca"),
                    (AnchorKind::SelfSigned.file_name(), "place-self-signed"),
                ],
                commands,
                vec![
                    language.text(
                        "note-proxy-upstream",
                        &Facts::new().with("upstream", &plan.upstream),
                    ),
                    say(if kind == "caddy" {
                        "note-caddy-idle"
                    } else {
                        "note-proxy-idle"
                    }),
                ],
                url,
            )
        }
        Fix::Client(plan) => (
            "client",
            vec![
                ("socket.ts", "place-socket-ts"),
                ("socket.js", "place-socket-js"),
                ("socket-node.mjs", "place-socket-node"),
            ],
            vec![check(&profile.target)],
            vec![say("note-client-scheme"), say("note-client-reconnect")],
            match &plan.host {
                Some(host) => format!("wss://{host}{}", plan.path),
                None => format!("wss://<{}>{}", say("next-steps-page-host"), plan.path),
            },
        ),
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "# {}\n\n{}\n\n## {}\n\n| {} | {} |\n|---|---|\n",
        language.text("next-steps-title", &Facts::new().with("fix", kind)),
        language.text(
            "next-steps-generated",
            &Facts::new().with("target", &profile.target)
        ),
        say("next-steps-files"),
        say("next-steps-file"),
        say("next-steps-where"),
    );
    for (name, place) in places
        .iter()
        .filter(|(name, _)| names.iter().any(|n| n == name))
    {
        let _ = writeln!(out, "| `{name}` | {} |", say(place));
    }
    if matches!(profile.fix, Fix::Client(_)) {
        let _ = write!(
            out,
            "\n## {}\n\n```ts\nimport {{ LazySocket }} from \"./socket\";\n\nconst socket = new LazySocket({{ onMessage: (text) => console.log(text) }});\nsendButton.onclick = () => socket.send(\"hello\"); // {}\n```\n",
            say("next-steps-use-it"),
            say("next-steps-first-use"),
        );
    }
    let _ = write!(out, "\n## {}\n\n```sh\n", say("next-steps-commands"));
    for command in commands {
        let _ = writeln!(out, "{command}");
    }
    out.push_str("```\n");
    match anchor {
        Some(Anchor {
            kind: AnchorKind::DevCa,
            ca_dir,
            ..
        }) => {
            let dir = ca_dir
                .map(|dir| format!(" --ca-dir {dir}"))
                .unwrap_or_default();
            let _ = write!(
                out,
                "\n## {}\n\n{}\n\n```sh\nhandshake trust --store browsers{dir}\n```\n",
                say("next-steps-trust"),
                say("next-steps-trust-browsers"),
            );
        }
        Some(Anchor {
            kind: AnchorKind::SelfSigned,
            ..
        }) => notes.push(say("note-self-signed-browsers")),
        None => {}
    }
    // Whatever the fix, the clients that call it may sit behind a proxy.
    notes.push(say("note-clients-behind-proxy"));
    let _ = write!(out, "\n## {}\n\n", say("next-steps-good-to-know"));
    for note in notes {
        let _ = writeln!(out, "- {note}");
    }
    let _ = write!(
        out,
        "\n## {}\n\n{}\n",
        say("next-steps-client"),
        language.text(
            "next-steps-client-url",
            &Facts::new().with("url", client_url)
        ),
    );
    out
}
