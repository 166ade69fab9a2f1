//! Finding the trust stores of this machine, as mkcert does, so the user
//! names none: the system store, Chromium's NSS database, every Firefox
//! profile (snap and flatpak ones too) and the JDK's `cacerts`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::{JavaTruststore, NssDatabase, TrustStore, program};
use crate::trust::Browser;

/// What discovery reads of the machine: the current one, or a private one
/// in tests (a throwaway `HOME`).
#[derive(Debug, Clone)]
pub struct Environment {
    /// The user's home folder.
    pub home: Option<PathBuf>,
    /// `JAVA_HOME`.
    pub java_home: Option<PathBuf>,
    /// `PATH`, to find `java` and the browsers.
    pub path: Option<OsString>,
    /// `%APPDATA%` on Windows (Firefox's profiles).
    pub app_data: Option<PathBuf>,
}

impl Environment {
    /// This process's environment.
    pub fn current() -> Environment {
        let var = |name: &str| std::env::var_os(name).filter(|value| !value.is_empty());
        Environment {
            home: var("HOME")
                .or_else(|| var("USERPROFILE"))
                .map(PathBuf::from),
            java_home: var("JAVA_HOME").map(PathBuf::from),
            path: var("PATH"),
            app_data: var("APPDATA").map(PathBuf::from),
        }
    }
}

/// The groups of stores a user chooses among (mkcert's `TRUST_STORES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Group {
    /// The operating system's store.
    System,
    /// The browsers' own NSS databases (Chromium on Linux, Firefox).
    Browsers,
    /// The JDK's truststore.
    Java,
}

impl Group {
    /// Every group, in the order stores are listed: what is searched when
    /// the user names none.
    pub const ALL: [Group; 3] = [Group::System, Group::Browsers, Group::Java];
}

/// The stores of `groups` found in `environment`, in that order.
pub fn discover(environment: &Environment, groups: &[Group]) -> Vec<Box<dyn TrustStore>> {
    let mut stores: Vec<Box<dyn TrustStore>> = Vec::new();
    for group in groups {
        match group {
            Group::System => stores.extend(super::system_stores()),
            Group::Browsers => stores.extend(
                browser_databases(environment)
                    .into_iter()
                    .map(|db| Box::new(db) as Box<dyn TrustStore>),
            ),
            Group::Java => stores.extend(
                jdk_cacerts(environment)
                    .map(|cacerts| Box::new(JavaTruststore::new(cacerts)) as Box<dyn TrustStore>),
            ),
        }
    }
    stores
}

/// The programs that are Chromium or Chrome on Linux.
const CHROMIUM_PROGRAMS: [&str; 5] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
];

/// Chromium's NSS database (made when missing and a Chromium is installed:
/// a headless or never-opened Chromium has not made it yet), then every
/// Firefox profile that has one.
fn browser_databases(environment: &Environment) -> Vec<NssDatabase> {
    let mut found = Vec::new();
    // Windows' own `certutil` is another program than NSS's, and the
    // browsers there read the Windows store (Firefox since 120, by
    // default): no NSS database is changed.
    if cfg!(windows) {
        return found;
    }
    let Some(home) = &environment.home else {
        return found;
    };
    if cfg!(target_os = "linux") {
        let chromium_installed = CHROMIUM_PROGRAMS
            .iter()
            .any(|name| program::find(name, environment.path.as_deref()).is_some());
        let main = home.join(".pki/nssdb");
        if has_database(&main) || chromium_installed {
            found.push(NssDatabase::new(main, Browser::Chromium));
        }
        let snap = home.join("snap/chromium/current/.pki/nssdb");
        if has_database(&snap) {
            found.push(NssDatabase::new(snap, Browser::Chromium));
        }
    }
    for profiles in firefox_profile_folders(home, environment.app_data.as_deref()) {
        let Ok(entries) = std::fs::read_dir(&profiles) else {
            continue;
        };
        let mut dirs: Vec<PathBuf> = entries
            .flatten()
            .map(|entry| entry.path())
            .filter(|dir| has_database(dir))
            .collect();
        dirs.sort();
        found.extend(
            dirs.into_iter()
                .map(|dir| NssDatabase::new(dir, Browser::Firefox)),
        );
    }
    found
}

/// Where Firefox keeps its profiles: Debian's and Mozilla's builds, the
/// snap and the flatpak on Linux; macOS; Windows.
fn firefox_profile_folders(home: &Path, app_data: Option<&Path>) -> Vec<PathBuf> {
    let mut folders = vec![
        home.join(".mozilla/firefox"),
        home.join("snap/firefox/common/.mozilla/firefox"),
        home.join(".var/app/org.mozilla.firefox/.mozilla/firefox"),
        home.join("Library/Application Support/Firefox/Profiles"),
    ];
    folders.extend(app_data.map(|dir| dir.join("Mozilla/Firefox/Profiles")));
    folders
}

/// Whether `dir` holds an NSS database in the `sql:` format.
fn has_database(dir: &Path) -> bool {
    dir.join("cert9.db").is_file()
}

/// The JDK's `cacerts`: from `JAVA_HOME`, else from the `java` on `PATH`
/// (through its symbolic links, as Debian's alternatives are).
fn jdk_cacerts(environment: &Environment) -> Option<PathBuf> {
    let home = environment.java_home.clone().or_else(|| {
        let java = program::find("java", environment.path.as_deref())?;
        let real = std::fs::canonicalize(java).ok()?;
        Some(real.parent()?.parent()?.to_owned())
    })?;
    ["lib/security/cacerts", "jre/lib/security/cacerts"]
        .iter()
        .map(|relative| home.join(relative))
        .find(|cacerts| cacerts.exists())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Message;

    fn names(stores: &[Box<dyn TrustStore>]) -> Vec<(String, String)> {
        stores
            .iter()
            .map(|store| {
                let facts = store.name().facts();
                (
                    facts.text("browser").unwrap_or("-").to_owned(),
                    facts.text("path").unwrap_or_default().to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn finds_chromium_and_every_firefox_profile_with_a_database() {
        let home = tempfile::tempdir().expect("home");
        let home = home.path();
        for dir in [
            ".pki/nssdb",
            ".mozilla/firefox/a1.default-esr",
            ".mozilla/firefox/b2.work",
            "snap/firefox/common/.mozilla/firefox/c3.default",
            ".var/app/org.mozilla.firefox/.mozilla/firefox/d4.default",
        ] {
            std::fs::create_dir_all(home.join(dir)).expect("dir");
            std::fs::write(home.join(dir).join("cert9.db"), b"").expect("db");
        }
        // A profile Firefox has not opened yet has no database: not a store.
        std::fs::create_dir_all(home.join(".mozilla/firefox/e5.empty")).expect("dir");
        let environment = Environment {
            home: Some(home.to_owned()),
            java_home: None,
            path: None,
            app_data: None,
        };
        let found = names(&discover(&environment, &[Group::Browsers]));
        let at = |dir: &str| home.join(dir).display().to_string();
        assert_eq!(
            found,
            [
                ("chromium".to_owned(), at(".pki/nssdb")),
                ("firefox".to_owned(), at(".mozilla/firefox/a1.default-esr")),
                ("firefox".to_owned(), at(".mozilla/firefox/b2.work")),
                (
                    "firefox".to_owned(),
                    at("snap/firefox/common/.mozilla/firefox/c3.default")
                ),
                (
                    "firefox".to_owned(),
                    at(".var/app/org.mozilla.firefox/.mozilla/firefox/d4.default")
                ),
            ]
        );
    }

    #[test]
    fn chromiums_database_is_offered_when_chromium_is_installed_and_has_not_made_it() {
        let home = tempfile::tempdir().expect("home");
        let bin = tempfile::tempdir().expect("bin");
        let mut environment = Environment {
            home: Some(home.path().to_owned()),
            java_home: None,
            path: Some(bin.path().as_os_str().to_owned()),
            app_data: None,
        };
        assert!(discover(&environment, &[Group::Browsers]).is_empty());
        std::fs::write(bin.path().join("chromium"), b"").expect("a chromium");
        let found = names(&discover(&environment, &[Group::Browsers]));
        assert_eq!(
            found,
            [(
                "chromium".to_owned(),
                home.path().join(".pki/nssdb").display().to_string()
            )]
        );
        environment.home = None;
        assert!(discover(&environment, &[Group::Browsers]).is_empty());
    }

    #[test]
    fn the_jdk_is_found_from_java_home_or_the_java_on_path() {
        let jdk = tempfile::tempdir().expect("jdk");
        let cacerts = jdk.path().join("lib/security/cacerts");
        std::fs::create_dir_all(cacerts.parent().expect("folder")).expect("dirs");
        std::fs::write(&cacerts, b"").expect("cacerts");
        std::fs::create_dir_all(jdk.path().join("bin")).expect("bin");
        std::fs::write(jdk.path().join("bin/java"), b"").expect("java");
        // The java on PATH is a link, as Debian's alternatives make it.
        let links = tempfile::tempdir().expect("links");
        std::os::unix::fs::symlink(jdk.path().join("bin/java"), links.path().join("java"))
            .expect("link");
        let by_path = Environment {
            home: None,
            java_home: None,
            path: Some(links.path().as_os_str().to_owned()),
            app_data: None,
        };
        let by_home = Environment {
            java_home: Some(jdk.path().to_owned()),
            path: None,
            ..by_path.clone()
        };
        let real = std::fs::canonicalize(&cacerts).expect("real path");
        for environment in [by_path, by_home] {
            let found = names(&discover(&environment, &[Group::Java]));
            assert_eq!(found.len(), 1, "{environment:?}");
            assert_eq!(
                std::fs::canonicalize(&found[0].1).expect("found"),
                real,
                "{environment:?}"
            );
        }
    }
}
