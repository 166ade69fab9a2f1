//! Words at the edge: every sentence Handshake says comes from one Fluent
//! catalogue per language (`crates/core/locales/LANG/*.ftl`), filled with the
//! typed facts of a finding or an error.
//!
//! The engine never builds a sentence: a finding carries a code and facts,
//! an error a kind and facts ([`Message`]), and the edge (the CLI, the app,
//! a generated document) asks the user's [`Language`] to say it. Only the
//! chosen language is loaded, and of it only the messages asked for (with
//! the terms and messages they name): a command says a few sentences, and
//! parsing a whole catalogue would cost it more than the rest of its start.
//! The window renders the same files with `@fluent/bundle`, so both front
//! ends say the same thing.

mod facts;
mod language;
#[cfg(test)]
pub(crate) mod tests;

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

pub use facts::{Fact, Facts};
pub use language::{Language, LanguageError};

/// Something the user reads: the catalogue message `id`, filled with `facts`.
pub trait Message {
    /// The message's id in the catalogue.
    fn id(&self) -> &'static str;
    /// The values the message is made from.
    fn facts(&self) -> Facts;
    /// A message this one wraps (an error's cause): said first, in the same
    /// language, and given to this one as the fact `reason`.
    fn cause(&self) -> Option<&dyn Message> {
        None
    }
}

/// A message as data: its id, facts and cause, for a front end that says it
/// itself in the user's language (the window renders it with `@fluent/bundle`
/// from the same catalogue, and again when the language changes).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Phrase {
    /// The message's id in the catalogue.
    pub id: String,
    /// The values it is made from.
    pub facts: Facts,
    /// The message it wraps, said first and given as the fact `reason`.
    pub cause: Option<Box<Phrase>>,
}

impl Phrase {
    /// The message `id` filled with `facts`.
    pub fn new(id: &str, facts: Facts) -> Phrase {
        Phrase {
            id: id.to_owned(),
            facts,
            cause: None,
        }
    }

    /// This phrase wrapping `cause` (said first, given as the fact `reason`).
    #[must_use]
    pub fn caused_by(mut self, cause: Phrase) -> Phrase {
        self.cause = Some(Box::new(cause));
        self
    }

    /// The data of `message`.
    pub fn of(message: &(impl Message + ?Sized)) -> Phrase {
        Phrase {
            id: message.id().to_owned(),
            facts: message.facts(),
            cause: message.cause().map(|cause| Box::new(Phrase::of(cause))),
        }
    }
}

impl Language {
    /// `phrase` in this language.
    pub fn say_phrase(self, phrase: &Phrase) -> String {
        let mut facts = phrase.facts.clone();
        if let Some(cause) = &phrase.cause {
            facts.set("reason", self.say_phrase(cause));
        }
        self.catalogue().text(&phrase.id, &facts)
    }
}

/// The catalogue files Rust renders, by name (the window adds `ui.ftl`).
pub const FILES: [&str; 6] = ["findings", "logs", "errors", "cli", "report", "next-steps"];

/// The sources of `language`'s catalogue, in [`FILES`] order.
pub fn sources(language: Language) -> [&'static str; 6] {
    match language {
        Language::En => [
            include_str!("../../locales/en/findings.ftl"),
            include_str!("../../locales/en/logs.ftl"),
            include_str!("../../locales/en/errors.ftl"),
            include_str!("../../locales/en/cli.ftl"),
            include_str!("../../locales/en/report.ftl"),
            include_str!("../../locales/en/next-steps.ftl"),
        ],
        Language::Ko => [
            include_str!("../../locales/ko/findings.ftl"),
            include_str!("../../locales/ko/logs.ftl"),
            include_str!("../../locales/ko/errors.ftl"),
            include_str!("../../locales/ko/cli.ftl"),
            include_str!("../../locales/ko/report.ftl"),
            include_str!("../../locales/ko/next-steps.ftl"),
        ],
    }
}

/// One language's messages. Each message is parsed when it is first asked
/// for, with what it names: a diagnosis says a handful of the hundreds.
pub struct Catalogue {
    language: Language,
    state: Mutex<Loaded>,
}

/// The bundle and the entries in it.
struct Loaded {
    bundle: FluentBundle<FluentResource>,
    /// The ids of the messages and terms (`-name`) in the bundle.
    added: HashSet<&'static str>,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue")
            .field("language", &self.language)
            .finish()
    }
}

impl Language {
    /// This language's catalogue (its files parsed as they are needed).
    pub fn catalogue(self) -> &'static Catalogue {
        static EN: OnceLock<Catalogue> = OnceLock::new();
        static KO: OnceLock<Catalogue> = OnceLock::new();
        let cell = match self {
            Language::En => &EN,
            Language::Ko => &KO,
        };
        cell.get_or_init(|| Catalogue::new(self))
    }

    /// `message` in this language.
    pub fn say(self, message: &(impl Message + ?Sized)) -> String {
        let mut facts = message.facts();
        if let Some(cause) = message.cause() {
            facts.set("reason", self.say(cause));
        }
        self.catalogue().text(message.id(), &facts)
    }

    /// The message `id` with `facts`, for text that is not a finding or an
    /// error (a heading, a label of the CLI's output).
    pub fn text(self, id: &str, facts: &Facts) -> String {
        self.catalogue().text(id, facts)
    }
}

/// The file (index into [`FILES`]) that holds message `id`, by its prefix;
/// finding codes have none. The catalogue tests hold every message to it.
pub(crate) fn file_of(id: &str) -> usize {
    const PREFIXES: [(&str, &str); 13] = [
        ("log-", "logs"),
        ("config-", "next-steps"),
        ("error-", "errors"),
        ("warning-", "errors"),
        ("app-error-", "errors"),
        ("cli-", "cli"),
        ("report-", "report"),
        ("check-", "report"),
        ("next-steps-", "next-steps"),
        ("place-", "next-steps"),
        ("note-", "next-steps"),
        ("spring-advice-", "next-steps"),
        ("trust-", "next-steps"),
    ];
    let name = PREFIXES
        .iter()
        .find(|(prefix, _)| id.starts_with(prefix))
        .map_or("findings", |(_, file)| file);
    FILES.iter().position(|f| *f == name).unwrap_or(0)
}

impl Catalogue {
    fn new(language: Language) -> Catalogue {
        let locale = match language {
            Language::En => unic_langid::langid!("en"),
            Language::Ko => unic_langid::langid!("ko"),
        };
        let mut bundle = FluentBundle::new_concurrent(vec![locale]);
        // Terminals and JSON get the words as they are, without the Unicode
        // isolation marks Fluent puts around placeables for bidi text.
        bundle.set_use_isolating(false);
        Catalogue {
            language,
            state: Mutex::new(Loaded {
                bundle,
                added: HashSet::new(),
            }),
        }
    }

    /// The value of message `id`, filled with `facts`.
    pub fn text(&self, id: &str, facts: &Facts) -> String {
        self.format(id, None, facts)
            .unwrap_or_else(|(text, _)| text)
    }

    /// The attribute `attribute` of message `id`, filled with `facts`.
    pub fn attribute(&self, id: &str, attribute: &str, facts: &Facts) -> String {
        self.format(id, Some(attribute), facts)
            .unwrap_or_else(|(text, _)| text)
    }

    /// The message or attribute, or what went wrong making it: a missing
    /// message or attribute, or a fact it names that `facts` lacks.
    pub fn format(
        &self,
        id: &str,
        attribute: Option<&str>,
        facts: &Facts,
    ) -> Result<String, (String, Vec<String>)> {
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        state.add(self.language, id);
        let missing = || {
            let name = attribute.map_or_else(|| id.to_owned(), |a| format!("{id}.{a}"));
            (name.clone(), vec![format!("no message {name}")])
        };
        let Some(message) = state.bundle.get_message(id) else {
            return Err(missing());
        };
        let pattern = match attribute {
            None => message.value(),
            Some(name) => message.get_attribute(name).map(|a| a.value()),
        };
        let Some(pattern) = pattern else {
            return Err(missing());
        };
        let args = arguments(facts);
        let mut errors = Vec::new();
        let text = state
            .bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned();
        if errors.is_empty() {
            Ok(text)
        } else {
            Err((text, errors.iter().map(ToString::to_string).collect()))
        }
    }
}

impl Loaded {
    /// Parses and adds the message or term `id` (a term with its `-`) of
    /// `language` and, before formatting needs them, the entries it names;
    /// each once.
    fn add(&mut self, language: Language, id: &str) {
        if self.added.contains(id) {
            return;
        }
        let Some((id, source)) = self.source(language, id) else {
            return;
        };
        self.added.insert(id);
        // A syntax error is caught by the catalogue tests; what parses is kept.
        let resource =
            FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
        let mut named = Vec::new();
        for entry in resource.entries() {
            entry_references(entry, &mut named);
        }
        let _ = self.bundle.add_resource(resource);
        for id in named {
            self.add(language, &id);
        }
    }

    /// The id and source of entry `id`: looked for in the file its prefix
    /// names, then (a term shared across files) in the others.
    fn source(&self, language: Language, id: &str) -> Option<(&'static str, &'static str)> {
        let first = file_of(id);
        let files = sources(language);
        std::iter::once(first)
            .chain((0..FILES.len()).filter(|&index| index != first))
            .find_map(|index| entry(files[index], id))
            .map(|source| (&source[..id.len()], source))
    }
}

/// Entry `id` of an FTL file (a term's with its `-`): from its first line
/// (`id =` at a line's start) to the next entry or comment, its indented
/// and blank continuation lines included. One pass of `memmem` finds it:
/// cheaper than cutting a whole file up for the few entries a command says.
fn entry(source: &'static str, id: &str) -> Option<&'static str> {
    let bytes = source.as_bytes();
    let start = memchr::memmem::find_iter(bytes, id.as_bytes())
        .find(|&at| (at == 0 || bytes[at - 1] == b'\n') && entry_id(&source[at..]) == Some(id))?;
    let rest = &source[start..];
    let mut end = rest.find('\n').map_or(rest.len(), |n| n + 1);
    for line in rest[end..].split_inclusive('\n') {
        if entry_id(line).is_some() || line.starts_with('#') {
            break;
        }
        end += line.len();
    }
    Some(&rest[..end])
}

/// The id a line starts an entry with (`name =`, `-name =`), if it does.
fn entry_id(line: &str) -> Option<&str> {
    // Most lines are a pattern's indented continuation: one byte decides.
    let name = line.strip_prefix('-').unwrap_or(line);
    if !name.as_bytes().first()?.is_ascii_alphabetic() {
        return None;
    }
    let end = name
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .unwrap_or(name.len());
    let id = &line[..end + line.len() - name.len()];
    line[id.len()..]
        .trim_start_matches(' ')
        .starts_with('=')
        .then_some(id)
}

/// The messages and terms (`-name`) `entry` names in its value and attributes.
fn entry_references(entry: &ast::Entry<&str>, named: &mut Vec<String>) {
    let (value, attributes) = match entry {
        ast::Entry::Message(message) => (message.value.as_ref(), &message.attributes),
        ast::Entry::Term(term) => (Some(&term.value), &term.attributes),
        _ => return,
    };
    for pattern in value
        .into_iter()
        .chain(attributes.iter().map(|attribute| &attribute.value))
    {
        pattern_references(pattern, named);
    }
}

fn pattern_references(pattern: &ast::Pattern<&str>, named: &mut Vec<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_references(expression, named);
        }
    }
}

fn expression_references(expression: &ast::Expression<&str>, named: &mut Vec<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_references(selector, named);
            for variant in variants {
                pattern_references(&variant.value, named);
            }
        }
        ast::Expression::Inline(inline) => inline_references(inline, named),
    }
}

fn inline_references(inline: &ast::InlineExpression<&str>, named: &mut Vec<String>) {
    match inline {
        ast::InlineExpression::MessageReference { id, .. } => named.push(id.name.to_owned()),
        ast::InlineExpression::TermReference { id, arguments, .. } => {
            named.push(format!("-{}", id.name));
            for argument in arguments.iter() {
                call_references(argument, named);
            }
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            call_references(arguments, named);
        }
        ast::InlineExpression::Placeable { expression } => {
            expression_references(expression, named);
        }
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. }
        | ast::InlineExpression::VariableReference { .. } => {}
    }
}

fn call_references(arguments: &ast::CallArguments<&str>, named: &mut Vec<String>) {
    for inline in arguments
        .positional
        .iter()
        .chain(arguments.named.iter().map(|argument| &argument.value))
    {
        inline_references(inline, named);
    }
}

/// Facts as Fluent arguments: lists joined with ", ", the same in every
/// language Handshake speaks.
fn arguments(facts: &Facts) -> FluentArgs<'_> {
    let mut args = FluentArgs::new();
    for (name, fact) in facts.iter() {
        let value = match fact {
            Fact::Whole(n) => FluentValue::from(*n),
            Fact::Decimal(n) => FluentValue::from(*n),
            Fact::Text(text) => FluentValue::from(text.as_str()),
            Fact::List(items) => FluentValue::from(items.join(", ")),
        };
        args.set(name, value);
    }
    args
}

/// `message` in English: what `Display` shows for the core's errors (logs,
/// `anyhow` chains); the front ends say them in the user's language.
pub(crate) fn english(message: &(impl Message + ?Sized)) -> String {
    Language::En.say(message)
}
