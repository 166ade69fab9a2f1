//! What the desktop app remembers between runs: the language, recent
//! targets and the last choices — never a secret (the choices are a
//! profile, which holds none).

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::export::{self, ExportError, Mode};
use crate::fix::FixRequest;
use crate::i18n::Language;

/// How many recent targets are kept.
const RECENT: usize = 8;

/// The app's remembered state.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Settings {
    /// The UI language; `None` until the user picks one (then the system's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// Target URLs, most recent first.
    #[serde(default)]
    pub recent_targets: Vec<String>,
    /// The last export folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_folder: Option<String>,
    /// The last fix generated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_request: Option<FixRequest>,
}

impl Settings {
    /// Reads the settings file; missing or unreadable means defaults (an
    /// unreadable file is kept as `.bak` by the next save).
    pub fn load(file: &Path) -> Settings {
        std::fs::read_to_string(file)
            .ok()
            .and_then(|text| text.parse::<toml_edit::DocumentMut>().ok())
            .and_then(|document| toml_edit::de::from_document(document).ok())
            .unwrap_or_default()
    }

    /// Writes the settings file atomically, creating its folder.
    pub fn save(&self, file: &Path) -> Result<(), ExportError> {
        let io = |source| ExportError::Io {
            path: file.display().to_string(),
            source,
        };
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder).map_err(io)?;
        }
        let text = toml_edit::ser::to_string_pretty(self)
            .map_err(|error| io(std::io::Error::other(error.to_string())))?;
        // Private: the recent targets name internal hosts.
        export::write(file, text.as_bytes(), Mode::Secret, true).map(drop)
    }

    /// Puts `url` first in the recent targets (once), keeping [`RECENT`];
    /// without its query or fragment, which carry tokens
    /// (`?access_token=…`), and without user info.
    pub fn remember_target(&mut self, url: &str) {
        let url = without_secrets(url);
        self.recent_targets.retain(|known| *known != url);
        self.recent_targets.insert(0, url);
        self.recent_targets.truncate(RECENT);
    }
}

/// `url` without `user:password@`, `?query` or `#fragment`.
fn without_secrets(url: &str) -> String {
    let url = url.split(['?', '#']).next().unwrap_or_default();
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            let host = authority
                .rsplit_once('@')
                .map_or(authority, |(_, host)| host);
            format!("{scheme}://{host}{path}")
        }
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_survive_a_restart_and_recent_targets_stay_short() {
        let dir = std::env::temp_dir().join(format!("handshake-settings-{}", std::process::id()));
        let file = dir.join("nested/settings.toml");
        assert_eq!(Settings::load(&file), Settings::default());
        let mut settings = Settings {
            language: Some(Language::Ko),
            ..Settings::default()
        };
        for n in 0..10 {
            settings.remember_target(&format!("wss://host{n}.test/ws"));
        }
        settings.remember_target("wss://host3.test/ws");
        assert_eq!(settings.recent_targets.len(), RECENT);
        assert_eq!(settings.recent_targets[0], "wss://host3.test/ws");
        settings.save(&file).expect("save");
        assert_eq!(Settings::load(&file), settings);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).map(|m| m.permissions().mode() & 0o777);
            assert_eq!(mode.ok(), Some(0o600), "private");
        }
        settings.remember_target("wss://bob:hunter2@chat.example.com:8443/ws?access_token=abc#x");
        assert_eq!(settings.recent_targets[0], "wss://chat.example.com:8443/ws");
        std::fs::write(&file, "language = [").expect("break it");
        assert_eq!(Settings::load(&file), Settings::default());
        let _ = std::fs::remove_dir_all(dir);
    }
}
