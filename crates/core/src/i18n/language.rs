//! Which language the user reads: `--lang`, else `HANDSHAKE_LANG`, else the
//! locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, as POSIX orders them), else English.

use serde::{Deserialize, Serialize};

/// A language Handshake speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Language {
    /// English.
    #[default]
    En,
    /// Korean.
    Ko,
}

/// Why a language choice was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", super::english(self))]
#[non_exhaustive]
pub enum LanguageError {
    /// `--lang` or `HANDSHAKE_LANG` names a language Handshake does not speak.
    Unknown {
        /// What was given.
        given: String,
        /// Where it was given (`--lang` or `HANDSHAKE_LANG`).
        from: &'static str,
    },
}

impl Language {
    /// Every language, in the order they are offered.
    pub const ALL: [Language; 2] = [Language::En, Language::Ko];

    /// The code: `en`, `ko`.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ko => "ko",
        }
    }

    /// Its own name for itself, as a language menu offers it.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Ko => "한국어",
        }
    }

    /// Reads `en` or `ko` (any case).
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL
            .into_iter()
            .find(|language| language.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The language of a POSIX locale (`ko_KR.UTF-8`, `en_US`, `C`): Korean
    /// for `ko…`, English for everything else.
    pub fn from_locale(locale: &str) -> Language {
        let language = locale
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or_default();
        Language::from_code(language).unwrap_or_default()
    }

    /// The user's choice: `flag` (`--lang`), else `HANDSHAKE_LANG`, else the
    /// first locale variable that is set, else English. `env` reads a
    /// variable (`std::env::var` in the binaries, a map in tests).
    pub fn choose(
        flag: Option<&str>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Language, LanguageError> {
        let explicit = |given: &str, from: &'static str| {
            Language::from_code(given).ok_or_else(|| LanguageError::Unknown {
                given: given.to_owned(),
                from,
            })
        };
        if let Some(flag) = flag {
            return explicit(flag, "--lang");
        }
        if let Some(value) = env("HANDSHAKE_LANG").filter(|v| !v.trim().is_empty()) {
            return explicit(&value, "HANDSHAKE_LANG");
        }
        Ok(["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| env(name).filter(|v| !v.trim().is_empty()))
            .map_or_else(Language::default, |locale| Language::from_locale(&locale)))
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl super::Message for LanguageError {
    fn id(&self) -> &'static str {
        match self {
            LanguageError::Unknown { .. } => "error-language-unknown",
        }
    }

    fn facts(&self) -> super::Facts {
        match self {
            LanguageError::Unknown { given, from } => super::Facts::new()
                .with("given", given.as_str())
                .with("from", *from)
                .with(
                    "languages",
                    Language::ALL
                        .iter()
                        .map(|l| l.code().to_owned())
                        .collect::<Vec<_>>(),
                ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn the_flag_wins_then_the_variable_then_the_locale() {
        let all = env(&[
            ("HANDSHAKE_LANG", "en"),
            ("LC_ALL", "ko_KR.UTF-8"),
            ("LANG", "en_US.UTF-8"),
        ]);
        assert_eq!(Language::choose(Some("ko"), &all), Ok(Language::Ko));
        assert_eq!(Language::choose(None, &all), Ok(Language::En));
        let locale = env(&[
            ("LC_ALL", ""),
            ("LC_MESSAGES", "ko_KR.UTF-8"),
            ("LANG", "C"),
        ]);
        assert_eq!(Language::choose(None, &locale), Ok(Language::Ko));
        assert_eq!(
            Language::choose(None, env(&[("LANG", "fr_FR.UTF-8")])),
            Ok(Language::En)
        );
        assert_eq!(Language::choose(None, env(&[])), Ok(Language::En));
    }

    #[test]
    fn an_unknown_language_is_refused_with_the_ones_offered() {
        let error = Language::choose(Some("xx"), env(&[])).err();
        assert_eq!(
            error,
            Some(LanguageError::Unknown {
                given: "xx".into(),
                from: "--lang"
            })
        );
        let text = error.map(|e| e.to_string()).unwrap_or_default();
        assert!(text.contains("en, ko"), "{text}");
        assert!(
            Language::choose(None, env(&[("HANDSHAKE_LANG", "de")])).is_err(),
            "an explicit variable is a choice too"
        );
    }
}
