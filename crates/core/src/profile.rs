//! `handshake.toml`: the target and every choice behind the generated
//! files, never a secret, so `handshake generate --profile handshake.toml`
//! (or the app) reproduces the same files.
//!
//! Updating a profile keeps what the user wrote around the values — their
//! comments and the order of keys — because it edits the document
//! (`toml_edit`) instead of rewriting it.

use serde::{Deserialize, Serialize};
use toml_edit::{DocumentMut, Item, Table};

use crate::i18n::Language;
use crate::render::Fix;
use crate::target::{Target, TargetError};

/// The profile's file name in an export folder.
pub const FILE_NAME: &str = "handshake.toml";

/// The text of the profile already in `folder`, when there is a readable
/// one: generating again keeps its comments and unknown keys.
pub fn existing(folder: &std::path::Path) -> Option<String> {
    crate::file::read(&folder.join(FILE_NAME), crate::file::Holds::Profile)
        .ok()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}

/// The target and the choices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Profile {
    /// The URL the fix is for, as the user gave it.
    pub target: String,
    /// The origin of the page that opens the socket, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// The language of `NEXT-STEPS.md`.
    #[serde(default)]
    pub language: Language,
    /// The fix and its options.
    pub fix: Fix,
}

/// Why a profile could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::i18n::english(self))]
#[non_exhaustive]
pub enum ProfileError {
    /// Not TOML at all.
    Syntax {
        /// The file, for the message.
        file: String,
        /// What the TOML parser objects to (its words name the line).
        source: toml_edit::TomlError,
    },
    /// TOML, but not a profile: a missing or mistyped key.
    Shape {
        /// The file, for the message.
        file: String,
        /// What the TOML reader objects to (its words name the key).
        source: toml_edit::de::Error,
    },
    /// The profile's target is not a usable URL.
    Target {
        /// The file, for the message.
        file: String,
        /// Why the URL was refused.
        source: TargetError,
    },
}

impl crate::i18n::Message for ProfileError {
    fn id(&self) -> &'static str {
        match self {
            ProfileError::Syntax { .. } | ProfileError::Shape { .. } => "error-profile-invalid",
            ProfileError::Target { .. } => "error-profile-target",
        }
    }

    fn facts(&self) -> crate::i18n::Facts {
        match self {
            ProfileError::Syntax { file, source } => crate::i18n::Facts::new()
                .with("file", file)
                .with("detail", source.to_string().trim()),
            ProfileError::Shape { file, source } => crate::i18n::Facts::new()
                .with("file", file)
                .with("detail", source.to_string().trim()),
            ProfileError::Target { file, .. } => crate::i18n::Facts::new().with("file", file),
        }
    }

    fn cause(&self) -> Option<&dyn crate::i18n::Message> {
        match self {
            ProfileError::Target { source, .. } => Some(source),
            ProfileError::Syntax { .. } | ProfileError::Shape { .. } => None,
        }
    }
}

impl Profile {
    /// Reads a profile; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Profile, ProfileError> {
        let document: DocumentMut =
            text.parse()
                .map_err(|source: toml_edit::TomlError| ProfileError::Syntax {
                    file: file.to_owned(),
                    source,
                })?;
        let profile: Profile =
            toml_edit::de::from_document(document).map_err(|source| ProfileError::Shape {
                file: file.to_owned(),
                source,
            })?;
        Target::parse(&profile.target).map_err(|source| ProfileError::Target {
            file: file.to_owned(),
            source,
        })?;
        Ok(profile)
    }

    /// The profile as TOML, merged into `previous` (an earlier version of
    /// the file) so the user's comments and key order survive.
    pub fn to_toml(&self, previous: Option<&str>) -> String {
        let Ok(mut fresh) = toml_edit::ser::to_document(self) else {
            return String::new();
        };
        // `[fix]` as a table of its own, not one long inline line.
        for (_, item) in fresh.as_table_mut().iter_mut() {
            if let Item::Value(toml_edit::Value::InlineTable(table)) = item {
                *item = Item::Table(std::mem::take(table).into_table());
            }
        }
        if let (Fix::Spring(plan), Some(Item::Table(fix))) = (&self.fix, fresh.get_mut("fix")) {
            for key in plan.unused_keys() {
                fix.remove(key);
            }
        }
        let mut document = match previous.and_then(|text| text.parse::<DocumentMut>().ok()) {
            Some(document) => document,
            None => {
                let mut document = DocumentMut::new();
                let say = |id: &str| self.language.text(id, &crate::i18n::Facts::new());
                document.decor_mut().set_prefix(format!(
                    "# {}\n# {}\n",
                    say("config-profile"),
                    say("config-profile-reproduce")
                ));
                document
            }
        };
        merge(document.as_table_mut(), fresh.as_table());
        document.to_string()
    }

    /// The target's host, for messages.
    pub fn host(&self) -> String {
        Target::parse(&self.target)
            .map(|t| t.host)
            .unwrap_or_default()
    }

    /// The target's path, for messages.
    pub fn path(&self) -> String {
        Target::parse(&self.target)
            .map(|t| t.path)
            .unwrap_or_else(|_| "/".to_owned())
    }
}

/// Sets every value of `fresh` in `into`, keeping the decoration (comments,
/// spacing) of keys that were already there; drops keys `fresh` no longer has.
fn merge(into: &mut Table, fresh: &Table) {
    // One pass: removing stale keys one by one shifts the table each time,
    // quadratic in a file with many unknown keys.
    into.retain(|key, _| fresh.contains_key(key));
    for (key, item) in fresh.iter() {
        match (into.get_mut(key), item) {
            (Some(Item::Table(old)), Item::Table(new)) => merge(old, new),
            (Some(Item::Value(old)), Item::Value(new)) => {
                let decor = old.decor().clone();
                *old = new.clone();
                *old.decor_mut() = decor;
            }
            _ => {
                into.insert(key, item.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::ProxyPlan;

    #[test]
    fn a_profile_with_a_hundred_thousand_unknown_keys_is_updated_at_once() {
        let mut previous = nginx().to_toml(None);
        for n in 0..100_000 {
            previous.push_str(&format!("k{n} = 1\n"));
        }
        // Quadratic, this took minutes; the outcome is what is asserted,
        // not the time.
        let updated = nginx().to_toml(Some(&previous));
        assert!(!updated.contains("k99999"), "unknown keys are dropped");
    }

    fn nginx() -> Profile {
        Profile {
            target: "wss://chat.example.com/ws".into(),
            origin: Some("https://app.example.com".into()),
            language: Language::Ko,
            fix: Fix::Nginx(ProxyPlan::new(
                vec!["chat.example.com".into()],
                "/etc/ssl/chat/fullchain.pem".into(),
                "/etc/ssl/chat/privkey.pem".into(),
                "http://127.0.0.1:8080".into(),
            )),
        }
    }

    #[test]
    fn a_profile_reads_back_as_written() {
        let profile = nginx();
        let text = profile.to_toml(None);
        assert!(text.contains("\n[fix]\nkind = \"nginx\"\n"), "{text}");
        assert_eq!(
            Profile::parse(&text, "handshake.toml").expect("parse"),
            profile
        );
    }

    #[test]
    fn the_users_comments_and_order_survive_an_update() {
        let mut profile = nginx();
        let text = profile.to_toml(None);
        let edited = text
            .replace("language = ", "# Our team reads Korean.\nlanguage = ")
            .replace("[fix]\n", "[fix] # staging proxy\n")
            + "# end of file, kept\n";
        if let Fix::Nginx(plan) = &mut profile.fix {
            plan.upstream = "http://127.0.0.1:9090".into();
        }
        let updated = profile.to_toml(Some(&edited));
        assert!(
            updated.contains("# Our team reads Korean.\nlanguage = \"ko\""),
            "{updated}"
        );
        assert!(updated.contains("[fix] # staging proxy\n"), "{updated}");
        assert!(
            updated.contains("upstream = \"http://127.0.0.1:9090\""),
            "{updated}"
        );
        assert!(updated.ends_with("# end of file, kept\n"), "{updated}");
        assert_eq!(Profile::parse(&updated, "p").expect("parse"), profile);
    }

    /// A keystore profile named `fullchain.pem` and `privkey.pem`, which
    /// that export never wrote: each form keeps only its own files.
    #[test]
    fn a_spring_profile_names_only_the_files_of_its_form() {
        use crate::render::spring::{SpringForm, SpringPlan};
        let mut plan = SpringPlan::new("file:/srv/app/server.p12".into(), "server".into());
        plan.certificate = "file:/srv/app/fullchain.pem".into();
        plan.private_key = "file:/srv/app/privkey.pem".into();
        let profile = |form: SpringForm| Profile {
            target: "wss://localhost:8443/ws".into(),
            origin: None,
            language: Language::En,
            fix: Fix::Spring(SpringPlan {
                form,
                ..plan.clone()
            }),
        };
        let keystore = profile(SpringForm::Keystore).to_toml(None);
        assert!(keystore.contains("server.p12"), "{keystore}");
        assert!(!keystore.contains(".pem"), "{keystore}");
        let pem = profile(SpringForm::Pem).to_toml(None);
        assert!(
            pem.contains("fullchain.pem") && pem.contains("privkey.pem"),
            "{pem}"
        );
        assert!(
            !pem.contains("server.p12") && !pem.contains("password_env"),
            "{pem}"
        );
        // Each reads back as the plan its form uses.
        let read = Profile::parse(&keystore, "p").expect("keystore profile");
        let Fix::Spring(read) = read.fix else {
            panic!("{read:?}")
        };
        assert_eq!(
            (read.key_store.as_str(), read.key_alias.as_str()),
            ("file:/srv/app/server.p12", "server")
        );
        let read = Profile::parse(&pem, "p").expect("pem profile");
        let Fix::Spring(read) = read.fix else {
            panic!("{read:?}")
        };
        assert_eq!(read.private_key, "file:/srv/app/privkey.pem");
    }

    #[test]
    fn a_broken_profile_names_the_problem() {
        let error = Profile::parse("target = \"wss://x/ws\"\n[fix]\nkind = \"iis\"\n", "p.toml")
            .expect_err("unknown kind");
        let text = error.to_string();
        assert!(
            text.starts_with("p.toml is not a Handshake profile"),
            "{text}"
        );
        assert!(text.contains("iis"), "{text}");
        let error = Profile::parse(
            "target = \"ftp://x\"\n[fix]\nkind = \"client\"\npath = \"/\"\n",
            "p.toml",
        )
        .expect_err("bad target");
        assert!(error.to_string().contains("its target"), "{error}");
    }
}
