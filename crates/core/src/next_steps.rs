//! `NEXT-STEPS.md`: where each generated file goes and the commands that
//! put the fix live, in the user's language (`locales/*/next-steps.ftl`).

use std::fmt::Write as _;

use crate::i18n::Facts;
use crate::profile::Profile;
use crate::render::client::ClientPlan;
use crate::render::spring::SpringPlan;
use crate::render::{Anchor, AnchorKind, Fix, FixView, ProxyPlan, ProxyServer};

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
    let Steps {
        kind,
        places,
        commands,
        mut notes,
        client_url,
    } = Steps::of(profile, &check);
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

/// What `NEXT-STEPS.md` says of one fix: its name, where each file goes,
/// the commands, the notes, and the URL clients open.
struct Steps {
    kind: &'static str,
    places: Vec<(&'static str, &'static str)>,
    commands: Vec<String>,
    notes: Vec<String>,
    client_url: String,
}

impl Steps {
    fn of(profile: &Profile, check: &dyn Fn(&str) -> String) -> Steps {
        match profile.fix.view() {
            FixView::Spring(plan) => spring(profile, plan, check),
            FixView::Proxy(server, plan) => proxy(profile, server, plan, check),
            FixView::Client(plan) => client(profile, plan, check),
        }
    }
}

fn spring(profile: &Profile, plan: &SpringPlan, check: &dyn Fn(&str) -> String) -> Steps {
    let language = profile.language;
    let say = |id: &str| language.text(id, &Facts::new());
    let url = format!("wss://{}:{}{}", profile.host(), plan.port, profile.path());
    Steps {
        kind: "spring",
        places: vec![
            ("application.properties", "place-application-properties"),
            ("application.yml", "place-application-yml"),
            ("ssl.env", "place-ssl-env"),
            ("server.p12", "place-server-p12"),
            ("fullchain.pem", "place-spring-fullchain"),
            ("privkey.pem", "place-spring-privkey"),
            (AnchorKind::DevCa.file_name(), "place-dev-ca"),
            (AnchorKind::SelfSigned.file_name(), "place-self-signed"),
        ],
        commands: [
            plan.needs_password()
                .then(|| "set -a; . ./ssl.env; set +a".to_owned()),
            Some(say("next-steps-run-spring")),
            Some(check(&url)),
        ]
        .into_iter()
        .flatten()
        .collect(),
        notes: plan.advice(language),
        client_url: url,
    }
}

fn proxy(
    profile: &Profile,
    server: &ProxyServer,
    plan: &ProxyPlan,
    check: &dyn Fn(&str) -> String,
) -> Steps {
    let language = profile.language;
    let say = |id: &str| language.text(id, &Facts::new());
    let url = format!(
        "wss://{}{}",
        plan.server_names
            .first()
            .map_or("localhost", String::as_str),
        plan.ws_path
    );
    let mut commands = (server.commands)();
    commands.push(check(&url));
    Steps {
        kind: server.name,
        places: vec![
            (server.file, server.place),
            ("application-behind-proxy.properties", "place-behind-proxy"),
            ("fullchain.pem", "place-proxy-fullchain"),
            (server.key_file, server.key_place),
            (AnchorKind::DevCa.file_name(), "place-dev-ca"),
            (AnchorKind::SelfSigned.file_name(), "place-self-signed"),
        ],
        commands,
        notes: vec![
            language.text(
                "note-proxy-upstream",
                &Facts::new().with("upstream", &plan.upstream),
            ),
            say(server.idle_note),
        ],
        client_url: url,
    }
}

fn client(profile: &Profile, plan: &ClientPlan, check: &dyn Fn(&str) -> String) -> Steps {
    let say = |id: &str| profile.language.text(id, &Facts::new());
    Steps {
        kind: "client",
        places: vec![
            ("socket.ts", "place-socket-ts"),
            ("socket.js", "place-socket-js"),
            ("socket-node.mjs", "place-socket-node"),
        ],
        commands: vec![check(&profile.target)],
        notes: vec![say("note-client-scheme"), say("note-client-reconnect")],
        client_url: match &plan.host {
            Some(host) => format!("wss://{host}{}", plan.path),
            None => format!("wss://<{}>{}", say("next-steps-page-host"), plan.path),
        },
    }
}
