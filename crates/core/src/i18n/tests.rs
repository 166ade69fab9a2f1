//! The catalogue's own tests: both languages say everything, every message
//! gets the facts it names, and no sentence carries a Rust rendering.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::{FILES, Facts, Language, Message, sources};
use crate::diagnose::rules::{self, fixtures};
use crate::finding::{Code, Finding};

/// Messages (with their attributes) and terms of `language`, by id.
fn entries(language: Language) -> BTreeMap<String, ast::Message<String>> {
    let mut messages = BTreeMap::new();
    for (file, source) in FILES.iter().zip(sources(language)) {
        let resource = fluent_syntax::parser::parse(source.to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{language}/{file}.ftl: {errors:?}"));
        for entry in resource.body {
            match entry {
                ast::Entry::Message(message) => {
                    let id = message.id.name.clone();
                    assert!(
                        messages.insert(id.clone(), message).is_none(),
                        "{language}/{file}.ftl: {id} twice"
                    );
                }
                ast::Entry::Junk { content } => panic!("{language}/{file}.ftl: junk {content}"),
                _ => {}
            }
        }
    }
    messages
}

#[test]
fn every_message_lives_in_the_file_its_prefix_names() {
    // The catalogue parses a file when one of its messages is asked for,
    // choosing the file by the id's prefix.
    for language in Language::ALL {
        for (index, source) in sources(language).iter().enumerate() {
            let resource = fluent_syntax::parser::parse(source.to_string())
                .unwrap_or_else(|(_, errors)| panic!("{language}: {errors:?}"));
            for entry in resource.body {
                if let ast::Entry::Message(message) = entry {
                    assert_eq!(
                        FILES[super::file_of(&message.id.name)],
                        FILES[index],
                        "{language}: {} is looked for in another file",
                        message.id.name
                    );
                }
            }
        }
    }
}

#[test]
fn each_entry_is_cut_from_its_file_whole() {
    // The catalogue parses one entry at a time, cut from its file by
    // `entry`: each message and term, cut alone, must parse to what the
    // whole file parses it to (comments aside).
    for language in Language::ALL {
        for (file, source) in FILES.iter().zip(sources(language)) {
            let whole = fluent_syntax::parser::parse(source.to_owned())
                .unwrap_or_else(|(_, errors)| panic!("{language}/{file}.ftl: {errors:?}"));
            for entry in whole.body {
                let (id, value, attributes) = match entry {
                    ast::Entry::Message(m) => (m.id.name, m.value, m.attributes),
                    ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
                    _ => continue,
                };
                let part = super::entry(source, &id)
                    .unwrap_or_else(|| panic!("{language}/{file}.ftl: {id} is not found"));
                let alone = fluent_syntax::parser::parse(part.to_owned())
                    .unwrap_or_else(|(_, errors)| panic!("{language}: {id} alone: {errors:?}"));
                let [entry] = &alone.body[..] else {
                    panic!("{language}: {id} alone is {} entries", alone.body.len());
                };
                let (alone_value, alone_attributes) = match entry {
                    ast::Entry::Message(m) => (m.value.clone(), m.attributes.clone()),
                    ast::Entry::Term(t) => (Some(t.value.clone()), t.attributes.clone()),
                    other => panic!("{language}: {id} alone is {other:?}"),
                };
                assert_eq!(
                    (alone_value, alone_attributes),
                    (value, attributes),
                    "{language}: {id}"
                );
            }
        }
        // A word that is a message's id elsewhere in a sentence is not it.
        assert_eq!(super::entry("a = b a\nb = a\n", "b"), Some("b = a\n"));
        assert_eq!(super::entry("ab = x\n", "a"), None);
    }
}

#[test]
fn no_id_is_used_twice_across_the_files_and_the_window() {
    for language in Language::ALL {
        let mut ids = entries(language).into_keys().collect::<BTreeSet<_>>();
        let ui = match language {
            Language::En => include_str!("../../locales/en/ui.ftl"),
            Language::Ko => include_str!("../../locales/ko/ui.ftl"),
        };
        let resource = fluent_syntax::parser::parse(ui.to_owned())
            .unwrap_or_else(|(_, errors)| panic!("{language}/ui.ftl: {errors:?}"));
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let id = message.id.name;
                assert!(
                    ids.insert(id.clone()),
                    "{language}: {id} in ui.ftl and another file"
                );
            }
        }
    }
}

#[test]
fn both_languages_have_the_same_messages_and_attributes() {
    let shape = |language| {
        entries(language)
            .into_iter()
            .map(|(id, message)| {
                let attributes: BTreeSet<String> = message
                    .attributes
                    .iter()
                    .map(|a| a.id.name.clone())
                    .collect();
                (id, (message.value.is_some(), attributes))
            })
            .collect::<BTreeMap<_, _>>()
    };
    let (en, ko) = (shape(Language::En), shape(Language::Ko));
    for (id, parts) in &en {
        assert_eq!(ko.get(id), Some(parts), "ko differs from en for {id}");
    }
    for id in ko.keys() {
        assert!(en.contains_key(id), "{id} is in ko but not in en");
    }
}

/// The window's own catalogue, `ui.ftl`, as `entries` reads the others.
fn ui_entries(language: Language) -> BTreeMap<String, ast::Message<String>> {
    let ui = match language {
        Language::En => include_str!("../../locales/en/ui.ftl"),
        Language::Ko => include_str!("../../locales/ko/ui.ftl"),
    };
    let resource = fluent_syntax::parser::parse(ui.to_owned())
        .unwrap_or_else(|(_, errors)| panic!("{language}/ui.ftl: {errors:?}"));
    resource
        .body
        .into_iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some((message.id.name.clone(), message)),
            _ => None,
        })
        .collect()
}

/// The words a pattern says, every variant of a selector included, with
/// each placeable as `{}`: what a translation changes.
fn words_of(pattern: &ast::Pattern<String>) -> String {
    let mut out = String::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Select { variants, .. },
            } => {
                for variant in variants {
                    out.push('|');
                    out.push_str(&words_of(&variant.value));
                }
            }
            ast::PatternElement::Placeable { .. } => out.push_str("{}"),
        }
    }
    out
}

/// Korean values that are rightly the same as the English ones, each with
/// the reason; anything else the same in both is an untranslated copy.
const SAME_IN_BOTH: &[(&str, &str)] = &[
    ("check-label-tls", "`tls` is a protocol's name"),
    ("check-seen-answer", "the server's own words, quoted"),
    ("cli-keystore-spring", "a product and a file name"),
    ("place-apache-conf", "a path"),
    ("trust-ca-fedora", "product names and a command"),
    ("trust-ca-macos", "a product name and a command"),
    (
        "report-seen-tls",
        "TLS and its version and cipher are names",
    ),
    ("generate-port", "a Spring property's name"),
    ("verify-url", "URL is written so in Korean too"),
];

/// Every message and attribute of every catalogue, the window's included,
/// compared by id: a Korean value that says the same words as the English
/// one is an untranslated copy, unless it is only names, commands and
/// placeables (on the list above, with the reason).
#[test]
fn no_korean_message_is_an_untranslated_copy() {
    let all = |language| {
        let mut messages = entries(language);
        messages.extend(ui_entries(language));
        let mut out = BTreeMap::new();
        for (id, message) in messages {
            if let Some(value) = &message.value {
                out.insert(id.clone(), words_of(value));
            }
            for attribute in &message.attributes {
                out.insert(
                    format!("{id}.{}", attribute.id.name),
                    words_of(&attribute.value),
                );
            }
        }
        out
    };
    let (en, ko) = (all(Language::En), all(Language::Ko));
    // Only words count: placeables, punctuation and numbers are the same
    // in every language.
    let has_words = |text: &str| {
        text.split(|c: char| !c.is_ascii_alphabetic())
            .any(|word| word.len() >= 2)
    };
    let copies: Vec<&String> = en
        .iter()
        .filter(|(id, words)| ko.get(*id) == Some(*words) && has_words(words))
        .map(|(id, _)| id)
        .filter(|id| !SAME_IN_BOTH.iter().any(|(allowed, _)| allowed == id))
        .collect();
    assert!(
        copies.is_empty(),
        "the same words in Korean as in English: {copies:?}"
    );
    for (allowed, _) in SAME_IN_BOTH {
        assert_eq!(
            en.get(*allowed),
            ko.get(*allowed),
            "{allowed} is translated now: take it off SAME_IN_BOTH"
        );
    }
}

#[test]
fn every_code_has_a_title_an_explanation_and_a_fix() {
    for language in Language::ALL {
        let messages = entries(language);
        for code in Code::ALL {
            let message = messages
                .get(code.as_str())
                .unwrap_or_else(|| panic!("{language}: no message for {code}"));
            assert!(message.value.is_some(), "{language}: {code} has no title");
            let mut attributes: BTreeSet<&str> = message
                .attributes
                .iter()
                .map(|a| a.id.name.as_str())
                .collect();
            // `.window`: the fix in the window's own terms, where `.fix`
            // speaks the command line (see the test below).
            attributes.remove("window");
            assert_eq!(
                attributes,
                BTreeSet::from(["explanation", "fix"]),
                "{language}: {code}"
            );
        }
    }
}

/// Every variable a message names, through the messages it references.
fn variables(id: &str, messages: &BTreeMap<String, ast::Message<String>>) -> BTreeSet<String> {
    fn pattern(p: &ast::Pattern<String>, out: &mut BTreeSet<String>, refs: &mut Vec<String>) {
        for element in &p.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expr(expression, out, refs);
            }
        }
    }
    fn expr(e: &ast::Expression<String>, out: &mut BTreeSet<String>, refs: &mut Vec<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline(selector, out, refs);
                for variant in variants {
                    pattern(&variant.value, out, refs);
                }
            }
            ast::Expression::Inline(i) => inline(i, out, refs),
        }
    }
    fn inline(
        i: &ast::InlineExpression<String>,
        out: &mut BTreeSet<String>,
        refs: &mut Vec<String>,
    ) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.clone());
            }
            ast::InlineExpression::MessageReference { id, .. } => refs.push(id.name.clone()),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out, refs);
                }
            }
            ast::InlineExpression::Placeable { expression } => expr(expression, out, refs),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    let mut pending = vec![id.to_owned()];
    let mut seen = BTreeSet::new();
    while let Some(id) = pending.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        let Some(message) = messages.get(&id) else {
            continue;
        };
        let mut refs = Vec::new();
        if let Some(value) = &message.value {
            pattern(value, &mut out, &mut refs);
        }
        for attribute in &message.attributes {
            pattern(&attribute.value, &mut out, &mut refs);
        }
        pending.extend(refs);
    }
    out
}

/// Text a user must never read: Rust renderings and unfilled placeables.
pub(crate) fn assert_readable(text: &str, context: &str) {
    assert!(!text.trim().is_empty(), "{context}: empty");
    for bad in ["{$", "Context", "Some(", "None", "Kind(", "\\u{"] {
        assert!(!text.contains(bad), "{context}: {bad:?} in {text:?}");
    }
    // `Name { field: …` (a struct's Debug) and `[6, 9, 42` (a byte array's).
    let debug = regex::Regex::new(r"[A-Za-z] \{ [a-z_]+: |\[\d+, \d+, \d+").ok();
    assert!(
        !debug.is_some_and(|re| re.is_match(text)),
        "{context}: a Debug rendering in {text:?}"
    );
    // A Rust path (`rustls::Error`), not an IPv6 address (`[::1]`).
    let path = text.as_bytes().windows(4).any(|w| {
        w[0].is_ascii_alphanumeric() && w[1] == b':' && w[2] == b':' && w[3].is_ascii_alphabetic()
    });
    assert!(!path, "{context}: a Rust path in {text:?}");
}

/// Every finding the rules and log signatures make of their fixtures.
fn every_finding() -> Vec<(String, Finding)> {
    let mut out = Vec::new();
    for (name, evidence, timings) in fixtures::all() {
        for finding in rules::findings(&evidence, &timings) {
            out.push((name.clone(), finding));
        }
    }
    for line in LOG_LINES {
        for found in crate::logs::explain_text(line).findings {
            out.push((format!("log line {line:?}"), found.finding));
        }
    }
    out
}

/// One line per log signature (and its variants), as the programs print them.
const LOG_LINES: &[&str] = &[
    "java.lang.IllegalArgumentException: Invalid character found in method name [0x160x030x010x020x000x010x000x010xfc0x030x03...]. HTTP method names must be tokens",
    "java.lang.IllegalArgumentException: Invalid character found in method name [0x160x03]. HTTP method names must be tokens",
    "2026/11/25 10:00:00 [info] 12#12: *1 client sent invalid method while reading client request line",
    "java.lang.IllegalArgumentException: Invalid character found in method name [0x050x010x00]. HTTP method names must be tokens",
    "java.lang.IllegalArgumentException: Invalid character found in method name [0x030x000x000x2f0x2a0xe00x000x000x000x000x00Cookie:...]. HTTP method names must be tokens",
    "127.0.0.1 - - [07/Dec/2026:05:14:11 +0000] \"\\x03\" 400 266",
    "127.0.0.1 - - [07/Dec/2026:05:03:53 +0000] \"\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xFC\\x03\\x03\" 400 157 \"-\" \"-\"",
    "2026/12/07 05:03:53 [info] 1090#1090: *4 client sent invalid request while reading client request line, client: 127.0.0.1, server: , request: \"PRI * HTTP/2.0\"",
    "WARN:oejh.HttpParser:qtp1-14: Illegal character 0x16 in state=START",
    "Error: Parse Error: Invalid method encountered { code: 'HPE_INVALID_METHOD' }",
    "javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?",
    "curl: (35) error:0A00010B:SSL routines::wrong version number",
    "java.lang.IllegalArgumentException: Invalid character found in the request target [/api?q={x}]. The valid characters are defined in RFC 7230 and RFC 3986",
    "io.netty.handler.ssl.NotSslRecordException: not an SSL/TLS record: 474554",
    "javax.net.ssl.SSLException: Unsupported or unrecognized SSL message",
    "AH01996: SSL handshake failed: HTTP spoken on HTTPS port; trying to send HTML error page",
    "<title>400 The plain HTTP request was sent to HTTPS port</title>",
    "This combination of host and port requires TLS.",
    "Client sent an HTTP request to an HTTPS server.",
    "o.s.w.s.s.s.DefaultHandshakeHandler : Handshake failed due to invalid Upgrade header: null",
    "OriginHandshakeInterceptor : Handshake request rejected, Origin header value https://evil.example not allowed",
    "connect() failed (111: Connection refused) while connecting to upstream, upstream: \"http://127.0.0.1:8080/ws\"",
    "upstream prematurely closed connection while reading response header from upstream",
    "no live upstreams while connecting to upstream",
    "PKIX path building failed: unable to find valid certification path to requested target",
    "GET https://localhost:8443/ws net::ERR_CERT_AUTHORITY_INVALID",
    "java.io.IOException: keystore password was incorrect",
    "java.lang.IllegalStateException: Keystore does not contain alias 'tomcat'",
    "Caused by: java.io.IOException: Alias name [other] does not identify a key entry",
    "Caused by: java.io.FileNotFoundException: fix/missing.p12 (No such file or directory)",
    "[emerg] 569#569: cannot load certificate \"/etc/nginx/tls/fullchain.pem\": BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory:calling fopen(/etc/nginx/tls/fullchain.pem, r) error:10000080:BIO routines::no such file)",
    "SSLCertificateFile: file '/etc/apache2/tls/fullchain.pem' does not exist or is empty",
    "[emerg] 575#575: SSL_CTX_use_PrivateKey(\"/etc/nginx/tls/privkey.pem\") failed (SSL: error:05800074:x509 certificate routines::key values mismatch)",
    "[ssl:emerg] [pid 825:tid 825] AH02565: Certificate and private key localhost:443:0 from /etc/apache2/tls/fullchain.pem and /etc/apache2/tls/privkey.pem do not match",
    "javax.net.ssl.SSLHandshakeException: No available certificate or key corresponds to the SSL cipher suites which are enabled.",
    "SSL_do_handshake() failed (SSL: error:0A00006C:SSL routines::bad key share) while SSL handshaking",
    "GET https://localhost:8080/ net::ERR_SSL_PROTOCOL_ERROR",
    "Mixed Content: The page at 'https://app.example.com/' was loaded over HTTPS, but attempted to connect to the insecure WebSocket endpoint 'ws://api.example.com:8080/ws'.",
    "Access to fetch at 'https://api.example.com/v1' from origin 'https://app.example.com' has been blocked by CORS policy",
    "WebSocket connection to 'wss://api.example.com/ws' failed: Error during WebSocket handshake: Unexpected response code: 404",
    "WebSocket connection to 'wss://api.example.com/ws' failed: Error during WebSocket handshake: Unexpected response code: 400",
    "WebSocket connection to 'wss://localhost:8443/ws' failed: ",
    "WebSocket connection to 'ws://127.0.0.1:8080/echo' failed: Error in connection establishment: net::ERR_CONNECTION_REFUSED",
    "Firefox can’t establish a connection to the server at wss://localhost:8443/ws.",
    "Uncaught SecurityError: The operation is insecure.",
    "Exception in thread \"main\" java.io.IOException: Unable to tunnel through proxy. Proxy returns \"HTTP/1.1 403 Forbidden\"",
    "curl: (56) CONNECT tunnel failed, response 407",
    "WebSocket connection to 'wss://localhost:8443/ws' failed: Establishing a tunnel via proxy server failed.",
    "WebSocket connection to 'wss://localhost:8443/ws' failed: Error in connection establishment: net::ERR_PROXY_CONNECTION_FAILED",
    "1796632930.054      0 127.0.0.1 TCP_DENIED/407 3515 CONNECT only-the-proxy.test:443 - HIER_NONE/- text/html",
    "undici: AbortError: Proxy response (407) !== 200 when HTTP Tunneling",
    "tunnel: Error: tunneling socket could not be established, statusCode=403",
    "websockets.exceptions.InvalidProxyStatus: proxy rejected connection: HTTP 407",
    "Uncaught SecurityError: Failed to construct 'WebSocket': An insecure WebSocket connection may not be initiated from a page loaded over HTTPS.",
];

#[test]
fn every_finding_reads_in_every_language_with_the_facts_it_names() {
    let mut facts_of: BTreeMap<Code, BTreeSet<String>> = BTreeMap::new();
    let findings = every_finding();
    for (name, finding) in &findings {
        facts_of
            .entry(finding.code)
            .or_default()
            .extend(finding.facts.iter().map(|(n, _)| n.to_owned()));
        for language in Language::ALL {
            let catalogue = language.catalogue();
            let id = finding.code.as_str();
            for attribute in [None, Some("explanation"), Some("fix")] {
                let context = format!("{language} {id}{attribute:?} on {name}");
                let text = catalogue
                    .format(id, attribute, &finding.facts)
                    .unwrap_or_else(|(text, errors)| panic!("{context}: {errors:?} in {text}"));
                assert_readable(&text, &context);
            }
        }
    }
    for code in Code::ALL {
        assert!(facts_of.contains_key(code), "no fixture produces {code}");
    }
    for language in Language::ALL {
        let messages = entries(language);
        for (code, provided) in &facts_of {
            let named = variables(code.as_str(), &messages);
            let missing: Vec<_> = named.difference(provided).collect();
            assert!(
                missing.is_empty(),
                "{language}: {code} names facts its rule never provides: {missing:?}"
            );
        }
    }
}

/// Whether `text` tells the user to run Handshake's command line: a
/// subcommand after `handshake`, or one of its flags (curl's own
/// `--proxy-user` is curl's).
fn speaks_terminal(text: &str) -> bool {
    const SUBCOMMANDS: &[&str] = &[
        "diagnose",
        "check",
        "keystore",
        "generate",
        "trust",
        "explain-log",
        "inspect",
        "csr",
        "scan",
        "serve",
        "target",
    ];
    const FLAGS: &[&str] = &[
        "--wait",
        "--ca",
        "--origin",
        "--client-cert",
        "--client-key",
        "--password-env",
        "--key-password-file",
        "--expect-cert",
        "--no-proxy",
        "--proxy",
        "--proxy-user",
        "--proxy-password-env",
        "--browser",
        "--protocol",
        "--stomp-login",
        "--stomp-passcode-env",
        "--stomp-host",
        "--bearer-env",
        "--header-env",
        "--idle",
        "--ping",
        "--store",
        "--java",
        "--host",
        "--ca-dir",
        "--form",
        "--legacy",
        "--cert",
        "--key",
    ];
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|word| !word.is_empty())
        .collect();
    words
        .windows(2)
        .any(|pair| pair[0] == "handshake" && SUBCOMMANDS.contains(&pair[1]))
        || words
            .iter()
            .enumerate()
            .any(|(at, word)| FLAGS.contains(word) && (at == 0 || words[at - 1] != "curl"))
}

/// The window says a fix in its own terms: where `.fix` tells the user to
/// run the command line, a `.window` form names the window's places (a
/// step, a field, a button) instead, and names no command or flag.
#[test]
fn a_fix_that_speaks_terminal_has_the_windows_own_words() {
    let mut missing = BTreeSet::new();
    for (name, finding) in every_finding() {
        for language in Language::ALL {
            let catalogue = language.catalogue();
            let id = finding.code.as_str();
            let fix = catalogue.attribute(id, "fix", &finding.facts);
            match catalogue.format(id, Some("window"), &finding.facts) {
                Ok(window) => {
                    let context = format!("{language} {id}.window on {name}");
                    assert!(
                        !speaks_terminal(&window),
                        "{context} names the command line: {window}"
                    );
                    assert_readable(&window, &context);
                }
                Err(_) if speaks_terminal(&fix) => {
                    missing.insert(format!("{language} {id}"));
                }
                Err(_) => {}
            }
        }
    }
    assert!(
        missing.is_empty(),
        "these fixes name the command line and have no .window form: {missing:?}"
    );
}

/// The button a finding offers in the window goes where its `.window`
/// words say: a code has a place exactly when some rendering of its window
/// fix names that place's label, in both languages.
#[test]
fn a_findings_places_are_the_ones_its_window_words_name() {
    use crate::finding::Place;
    let findings = every_finding();
    for language in Language::ALL {
        let ui = ui_entries(language);
        let labels = Place::ALL.map(|place| {
            let message = ui
                .get(place.label())
                .unwrap_or_else(|| panic!("{}", place.label()));
            let words = words_of(
                message
                    .value
                    .as_ref()
                    .unwrap_or_else(|| panic!("{}", place.label())),
            );
            (place, words)
        });
        let mut named: BTreeMap<Code, BTreeSet<&'static str>> = BTreeMap::new();
        for (_, finding) in &findings {
            let id = finding.code.as_str();
            if let Ok(window) = language
                .catalogue()
                .format(id, Some("window"), &finding.facts)
            {
                for (place, label) in &labels {
                    if window.contains(label.as_str()) {
                        named.entry(finding.code).or_default().insert(place.label());
                    }
                }
            }
        }
        for code in Code::ALL {
            let table: BTreeSet<_> = Place::of(*code).iter().map(|p| p.label()).collect();
            let said = named.get(code).cloned().unwrap_or_default();
            assert_eq!(
                table, said,
                "{language} {code}: Place::OF against its .window words"
            );
        }
    }
}

/// One instance of every error kind, for the error tests.
fn every_error() -> Vec<Box<dyn Message>> {
    use crate::exchange::CheckFailure;
    use crate::export::ExportError;
    use crate::file::{FileError, Holds};
    use crate::keystore::KeystoreError;
    use crate::pki::{CredentialWarning, PkiError};
    use crate::probe::tls::CaFileError;
    use crate::render::RenderError;
    use crate::render::spring::{BootVersion, PlanProblem, SpringForm};
    use crate::target::{HostProblem, TargetError};
    use crate::trust::TrustError;
    let io = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
    let p12 = || p12_keystore::error::Error::InvalidVersion;
    let mut out: Vec<Box<dyn Message>> = vec![
        Box::new(super::LanguageError::Unknown {
            given: "xx".into(),
            from: "--lang",
        }),
        Box::new(TargetError::Empty),
        Box::new(TargetError::Whitespace { position: 4 }),
        Box::new(TargetError::MissingScheme {
            suggestion: "wss://api".into(),
        }),
        Box::new(TargetError::MalformedSeparator {
            suggestion: "wss://api".into(),
        }),
        Box::new(TargetError::UnsupportedScheme {
            scheme: "ftp".into(),
        }),
        Box::new(TargetError::MissingHost {
            scheme: crate::target::Scheme::Wss,
        }),
        Box::new(TargetError::InvalidPort {
            port: "70000".into(),
        }),
        Box::new(TargetError::Credentials),
        Box::new(FileError::Unreadable {
            path: "/nope".into(),
            source: io(),
        }),
        Box::new(FileError::NotAFile {
            path: "/dev/zero".into(),
        }),
        Box::new(FileError::TooLarge {
            path: "ca.pem".into(),
            holds: Holds::Ca,
        }),
        Box::new(FileError::TooLarge {
            path: "password.txt".into(),
            holds: Holds::Password,
        }),
        Box::new(FileError::TooLarge {
            path: "handshake.toml".into(),
            holds: Holds::Profile,
        }),
        Box::new(FileError::TooLarge {
            path: "client.p12".into(),
            holds: Holds::Certificate,
        }),
        Box::new(FileError::TooLarge {
            path: "report.json".into(),
            holds: Holds::Report,
        }),
        Box::new(CaFileError::NoCertificate {
            path: "ca.pem".into(),
        }),
        Box::new(crate::diagnose::ReplayError::TooLarge { limit: 4 << 20 }),
        Box::new(crate::diagnose::ReplayError::NotJson { line: 1, column: 2 }),
        Box::new(crate::diagnose::ReplayError::NotAReport {
            source: serde_json::from_str::<u8>("\"x\"").expect_err("not a number"),
        }),
        Box::new(crate::diagnose::ReplayError::Newer {
            version: "9.1.0".into(),
        }),
        Box::new(PkiError::NoHost),
        Box::new(PkiError::Io {
            path: "/nope".into(),
            source: io(),
        }),
        Box::new(PkiError::NoCertificateInPem { path: None }),
        Box::new(PkiError::NoCertificateInPem {
            path: Some("ca.pem".into()),
        }),
        Box::new(PkiError::InvalidCertificateInPem),
        Box::new(PkiError::NoKeyInPem),
        Box::new(PkiError::EncryptedKey),
        Box::new(PkiError::WrongPassphrase),
        Box::new(PkiError::KeyMismatch {
            subject: "CN=localhost".into(),
        }),
        Box::new(PkiError::Generation(rcgen::Error::CouldNotParseCertificate)),
        Box::new(PkiError::KeyDerivationTooCostly {
            work: 2_147_483_647,
            limit: 10_000_000,
        }),
        Box::new(PkiError::KeyRequired {
            path: "client.pem".into(),
        }),
        Box::new(PkiError::PasswordRequired {
            path: "client.p12".into(),
        }),
        Box::new(PkiError::NoKeyInKeystore {
            path: "truststore.p12".into(),
        }),
        Box::new(PkiError::Keystore {
            path: "client.p12".into(),
            source: crate::keystore::KeystoreError::WrongPassword,
        }),
        Box::new(PkiError::Keystore {
            path: "client.jks".into(),
            source: crate::keystore::KeystoreError::AliasNotKey { alias: "x".into() },
        }),
        Box::new(CredentialWarning::SelfSigned),
        Box::new(CredentialWarning::ChainIncomplete {
            subject: "CN=a".into(),
            issuer: "CN=b".into(),
        }),
        Box::new(CredentialWarning::ExpiresSoon {
            days: 3,
            not_after: "2026-12-02".into(),
        }),
        Box::new(CredentialWarning::ExpiresSoon {
            days: -1,
            not_after: "2026-11-28".into(),
        }),
        Box::new(KeystoreError::NoCertificate),
        Box::new(KeystoreError::Encoding(p12())),
        Box::new(KeystoreError::NotPkcs12(p12())),
        Box::new(KeystoreError::WrongPassword),
        Box::new(KeystoreError::TooCostly {
            iterations: 2_000_000_000,
        }),
        Box::new(KeystoreError::AliasMissing {
            alias: "tomcat".into(),
            available: vec!["server".into()],
        }),
        Box::new(KeystoreError::AliasNotKey { alias: "ca".into() }),
        Box::new(RenderError::Plan(PlanProblem::FormTooNew {
            form: SpringForm::PemBundle,
            since: BootVersion { major: 3, minor: 1 },
            boot: BootVersion { major: 2, minor: 7 },
            offered: vec![SpringForm::Keystore],
        })),
        Box::new(RenderError::Plan(PlanProblem::NotALocation {
            location: "/etc/x.p12".into(),
        })),
        Box::new(RenderError::NoPassword),
        Box::new(RenderError::PasswordNotPortable {
            variable: "SSL_KEYSTORE_PASSWORD".into(),
        }),
        Box::new(RenderError::Value(crate::render::values::InvalidValue {
            field: "server_names",
            value: "chat.example.com;\n    add_header X pwned;".into(),
            kind: crate::render::values::ValueKind::Host,
        })),
        Box::new(RenderError::Value(crate::render::values::InvalidValue {
            field: "server_names",
            value: "chat.example.com;\n    add_header X pwned;".into(),
            kind: crate::render::values::ValueKind::Path,
        })),
        Box::new(RenderError::Value(crate::render::values::InvalidValue {
            field: "server_names",
            value: "chat.example.com;\n    add_header X pwned;".into(),
            kind: crate::render::values::ValueKind::Listen,
        })),
        Box::new(RenderError::Value(crate::render::values::InvalidValue {
            field: "server_names",
            value: "chat.example.com;\n    add_header X pwned;".into(),
            kind: crate::render::values::ValueKind::Upstream,
        })),
        Box::new(RenderError::Value(crate::render::values::InvalidValue {
            field: "server_names",
            value: "chat.example.com;\n    add_header X pwned;".into(),
            kind: crate::render::values::ValueKind::UrlPath,
        })),
        Box::new(RenderError::Value(crate::render::values::InvalidValue {
            field: "server_names",
            value: "chat.example.com;\n    add_header X pwned;".into(),
            kind: crate::render::values::ValueKind::Alias,
        })),
        Box::new(RenderError::Value(crate::render::values::InvalidValue {
            field: "server_names",
            value: "chat.example.com;\n    add_header X pwned;".into(),
            kind: crate::render::values::ValueKind::Variable,
        })),
        Box::new(ExportError::Exists {
            path: "a.conf".into(),
        }),
        Box::new(ExportError::Io {
            path: "a.conf".into(),
            source: io(),
        }),
        Box::new(crate::profile::Profile::parse("target = ", "p.toml").expect_err("not TOML")),
        Box::new(
            crate::profile::Profile::parse("target = \"wss://x/ws\"\n", "p.toml")
                .expect_err("no [fix]"),
        ),
        Box::new(crate::profile::ProfileError::Target {
            file: "p.toml".into(),
            source: TargetError::Empty,
        }),
        Box::new(TrustError::Missing {
            program: "certutil".into(),
        }),
        Box::new(TrustError::NeedsAdmin),
        Box::new(crate::browser::BrowserError::Listen { source: io() }),
        Box::new(crate::browser::BrowserError::Open {
            browser: "firefox".into(),
            source: io(),
        }),
        Box::new(TrustError::Failed {
            command: "certutil -L".into(),
            output: "bad database".into(),
        }),
        Box::new(TrustError::Io {
            path: "/etc/ssl".into(),
            source: io(),
        }),
    ];
    for what in ["origin", "subprotocol", "header", "url", "stomp"] {
        out.push(Box::new(crate::verify::BadCheck::Header {
            what: what.into(),
        }));
    }
    for what in ["idle", "ping"] {
        out.push(Box::new(crate::verify::BadCheck::TooLong {
            what,
            seconds: 5000,
        }));
    }
    out.push(Box::new(TargetError::NotWebSocket {
        suggestion: "wss://chat.example.com/ws".into(),
    }));
    for problem in [
        HostProblem::Character,
        HostProblem::Idna,
        HostProblem::Ipv4,
        HostProblem::Ipv6,
        HostProblem::ZoneId,
        HostProblem::Other,
    ] {
        out.push(Box::new(TargetError::InvalidHost {
            host: "exa<mple".into(),
            problem,
        }));
    }
    out.extend(
        CheckFailure::examples()
            .into_iter()
            .map(|f| Box::new(f) as Box<dyn Message>),
    );
    out
}

#[test]
fn every_error_reads_in_every_language() {
    for error in every_error() {
        let mut facts = error.facts();
        if let Some(cause) = error.cause() {
            facts.set("reason", Language::En.say(cause));
        }
        for language in Language::ALL {
            let text = language
                .catalogue()
                .format(error.id(), None, &facts)
                .unwrap_or_else(|(text, errors)| {
                    panic!("{language} {}: {errors:?} in {text}", error.id())
                });
            assert_readable(&text, error.id());
        }
    }
}

#[test]
fn an_unknown_message_is_named_not_hidden() {
    let text = Language::Ko.text("no-such-message", &Facts::new());
    assert_eq!(text, "no-such-message");
}

#[test]
fn units_and_plurals_read_right() {
    let finding = |code, facts: &[(&str, u32)]| {
        let mut f = Finding::error(code)
            .with("subject", "CN=x")
            .with("not_after", "2026-11-28T00:00:00Z")
            .with("not_before", "2026-11-28T00:00:00Z");
        for (name, value) in facts {
            f = f.with(name, *value);
        }
        f
    };
    let title = |f: &Finding, l| f.words(l).title;
    let one_day = finding(Code::CertExpired, &[("days", 1), ("hours", 30)]);
    assert_eq!(
        title(&one_day, Language::En),
        "The certificate expired one day ago"
    );
    assert_eq!(
        title(&one_day, Language::Ko),
        "인증서가 1일 전에 만료되었습니다"
    );
    let hours = finding(Code::CertExpiringSoon, &[("days", 0), ("hours", 5)]);
    assert_eq!(
        title(&hours, Language::En),
        "The certificate expires in 5 hours"
    );
    assert_eq!(
        title(&hours, Language::Ko),
        "인증서가 5시간 뒤에 만료됩니다"
    );
    let days = finding(Code::CertExpiringSoon, &[("days", 12), ("hours", 290)]);
    assert_eq!(
        title(&days, Language::En),
        "The certificate expires in 12 days"
    );
}

/// The window renders the same catalogue with `@fluent/bundle`: this file
/// gives its tests every fixture's facts with the words Rust made of them,
/// so both renderers are held to the same text (`ui/src/lib/catalogue.test.ts`).
#[test]
fn the_window_gets_the_same_words_as_the_terminal() {
    use serde_json::json;
    let said = |facts_of: &dyn Fn(Language) -> serde_json::Value| json!({ "en": facts_of(Language::En), "ko": facts_of(Language::Ko) });
    let findings: Vec<_> = every_finding()
        .into_iter()
        .map(|(name, finding)| {
            let words = said(&|l| {
                let w = finding.words(l);
                let window = l
                    .catalogue()
                    .format(finding.code.as_str(), Some("window"), &finding.facts)
                    .ok();
                json!({ "title": w.title, "explanation": w.explanation, "fix": w.fix, "window": window })
            });
            json!({ "name": name, "finding": finding, "words": words })
        })
        .collect();
    let phrases: Vec<_> = every_error()
        .iter()
        .map(|error| {
            let phrase = super::Phrase::of(error.as_ref());
            json!({ "phrase": phrase, "words": said(&|l| json!(l.say_phrase(&phrase))) })
        })
        .collect();
    // A check's summary: the window says the core's phrases, the terminal too.
    let checks: Vec<crate::verify::Checked> = crate::verify::summary::examples()
        .into_iter()
        .map(crate::verify::Checked::from)
        .collect();
    let phrases: Vec<_> = phrases
        .into_iter()
        .chain(checks.iter().flat_map(|checked| checked.summary.phrases()).map(
            |phrase| json!({ "phrase": phrase, "words": said(&|l| json!(l.say_phrase(phrase))) }),
        ))
        .collect();
    let reports: serde_json::Map<String, serde_json::Value> = [
        "tls-to-plain-port",
        "ws-ok",
        "cert-expired",
        "ws-upgrade-rejected",
    ]
    .into_iter()
    .map(|name| {
        let (_, evidence, timings) = fixtures::all()
            .into_iter()
            .find(|(n, _, _)| n == name)
            .unwrap_or_else(|| panic!("{name}"));
        let report = crate::diagnose::Report::from_evidence(evidence, timings);
        (name.to_owned(), json!(report))
    })
    .collect();
    let document = json!({
        "findings": findings,
        "phrases": phrases,
        "checks": checks,
        "reports": reports,
    });
    let text = serde_json::to_string_pretty(&document).unwrap_or_default() + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../ui/src/lib/catalogue.fixtures.json");
    if std::env::var_os("HANDSHAKE_UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == text,
        "{} is out of date: run `HANDSHAKE_UPDATE_FIXTURES=1 cargo test -p handshake-core --lib i18n` and commit",
        path.display()
    );
}
