//! Words at the edge: every sentence Handshake says comes from one Fluent
//! catalogue per language (`crates/core/locales/LANG/*.ftl`), filled with the
//! typed facts of a finding or an error.
//!
//! The engine never builds a sentence: a finding carries a code and facts,
//! an error a kind and facts ([`Message`]), and the edge (the CLI, the app,
//! a generated document) asks the user's [`Language`] to say it. Only the
//! chosen language is loaded, each file when one of its messages is first
//! asked for. The window renders the same files with `@fluent/bundle`, so
//! both front ends say the same thing.

mod facts;
mod language;
#[cfg(test)]
pub(crate) mod tests;

use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

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

/// One language's messages. Each file is parsed when a message of it is
/// first asked for: a diagnosis reads the findings and the CLI's words, not
/// the errors, logs or generated documents.
pub struct Catalogue {
    language: Language,
    state: Mutex<Loaded>,
}

/// The bundle and which files are in it.
struct Loaded {
    bundle: FluentBundle<FluentResource>,
    files: [bool; FILES.len()],
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
                files: [false; FILES.len()],
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
        // The log findings use the findings' shared terms.
        let file = file_of(id);
        let needed = if FILES[file] == "logs" {
            vec![file_of("time-span"), file]
        } else {
            vec![file]
        };
        for index in needed {
            state.load(self.language, index);
        }
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
    /// Parses and adds file `index` of `language`, once.
    fn load(&mut self, language: Language, index: usize) {
        if std::mem::replace(&mut self.files[index], true) {
            return;
        }
        // A syntax error is caught by the catalogue tests; what parses is kept.
        let resource = FluentResource::try_new(sources(language)[index].to_owned())
            .unwrap_or_else(|(partial, _)| partial);
        let _ = self.bundle.add_resource(resource);
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
