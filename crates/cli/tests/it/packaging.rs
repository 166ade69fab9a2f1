//! What the packages install besides the binaries — the man pages and the
//! shell completions in `packaging/` — is exactly what `handshake man` and
//! `handshake completions` make from the command line's definition now.
//! Regenerate with `HANDSHAKE_UPDATE_PACKAGING=1 cargo test -p handshake-cli
//! packaging` and commit.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{command, stderr, stdout};

fn packaging() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../packaging")
}

/// Every file under `dir`, by name.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| {
            (
                entry.file_name().to_string_lossy().into_owned(),
                std::fs::read(entry.path()).unwrap_or_default(),
            )
        })
        .collect()
}

/// The completion script files, by shell.
const COMPLETIONS: [(&str, &str); 3] = [
    ("bash", "handshake.bash"),
    ("zsh", "_handshake"),
    ("fish", "handshake.fish"),
];

#[test]
fn man_pages_and_completions_are_made_from_the_command_line() {
    let update = std::env::var_os("HANDSHAKE_UPDATE_PACKAGING").is_some();
    let fresh = handshake_testkit::Scratch::new("man");
    let made = command()
        .args(["man", "--out"])
        .arg(&*fresh)
        .output()
        .expect("handshake runs");
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    let man = packaging().join("man");
    if update {
        let _ = std::fs::remove_dir_all(&man);
        std::fs::create_dir_all(&man).expect("packaging/man");
        for (name, bytes) in files(&fresh) {
            std::fs::write(man.join(name), bytes).expect("man page");
        }
    }
    let pages = files(&fresh);
    assert!(pages.contains_key("handshake.1") && pages.contains_key("handshake-diagnose.1"));
    assert!(
        files(&man) == pages,
        "packaging/man is out of date: run `HANDSHAKE_UPDATE_PACKAGING=1 cargo test -p handshake-cli packaging`"
    );

    let completions = packaging().join("completions");
    for (shell, name) in COMPLETIONS {
        let output = command()
            .args(["completions", shell])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        if update {
            std::fs::create_dir_all(&completions).expect("packaging/completions");
            std::fs::write(completions.join(name), &output.stdout).expect("completion");
        }
        assert!(
            std::fs::read(completions.join(name)).unwrap_or_default() == output.stdout,
            "packaging/completions/{name} is out of date: run `HANDSHAKE_UPDATE_PACKAGING=1 cargo test -p handshake-cli packaging`"
        );
    }
}

/// bash loads the script and completes the subcommands from it.
#[test]
fn bash_completes_the_subcommands() {
    let script = packaging().join("completions/handshake.bash");
    let output = Command::new("bash")
        .arg("-c")
        .arg(format!(
            ". '{}'; COMP_WORDS=(handshake dia); COMP_CWORD=1; _handshake handshake dia handshake; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display()
        ))
        .output()
        .expect("bash runs");
    assert_eq!(stdout(&output).trim(), "diagnose", "{}", stderr(&output));
}

/// `man` renders every page without a warning.
#[test]
fn every_man_page_renders() {
    let man = packaging().join("man");
    for (name, _) in files(&man) {
        let output = Command::new("man")
            .args(["--warnings", "-l"])
            .arg(man.join(&name))
            .env("MANWIDTH", "80")
            .output();
        let Ok(output) = output else {
            handshake_testkit::skip("man is not installed here (apt-get install man-db)");
            return;
        };
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        assert!(stderr(&output).is_empty(), "{name}: {}", stderr(&output));
        assert!(stdout(&output).contains("NAME"), "{name}");
    }
}
