//! `handshake trust`: make the development CA trusted — checked first, shown,
//! confirmed, reversible.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use handshake_core::Language;
use handshake_core::i18n::Facts;
use handshake_core::pki::{self, DevCa};
use handshake_core::trust::Store;

use crate::exit::ExitStatus;
use crate::problem::{Problem, Usage};
use crate::render::say;

/// Trust (or stop trusting) the development CA in the system store, NSS
/// databases (Firefox, Chromium) and Java truststores.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  handshake trust --check --system --nss ~/.pki/nssdb --java\n  sudo handshake trust --system --yes\n  handshake trust --java-cacerts ./truststore.p12 --uninstall\n\nEvery change is listed before it is made, and needs --yes or a confirmation."
)]
pub(crate) struct Args {
    /// The development CA's folder (default: ~/.local/share/handshake).
    #[arg(long, value_name = "DIR")]
    ca_dir: Option<PathBuf>,
    /// The system store (Debian/Ubuntu: update-ca-certificates; Fedora/RHEL: update-ca-trust; macOS: the System keychain; Windows: your root store); needs root on Linux and macOS.
    #[arg(long)]
    system: bool,
    /// An NSS database folder (Chromium: ~/.pki/nssdb; Firefox: the profile folder); repeatable.
    #[arg(long, value_name = "DIR")]
    nss: Vec<PathBuf>,
    /// The JDK's own truststore ($JAVA_HOME/lib/security/cacerts).
    #[arg(long)]
    java: bool,
    /// A Java truststore file of your own; repeatable.
    #[arg(long, value_name = "FILE")]
    java_cacerts: Vec<PathBuf>,
    /// Only report where the CA is trusted; change nothing.
    #[arg(long)]
    check: bool,
    /// Remove the CA instead of adding it.
    #[arg(long)]
    uninstall: bool,
    /// Apply without asking.
    #[arg(long)]
    yes: bool,
    /// Also write the CA certificate (PEM and DER) and trust instructions
    /// for every platform into this folder.
    #[arg(long, value_name = "DIR")]
    export: Option<PathBuf>,
}

pub(crate) fn run(args: &Args, language: Language) -> Result<ExitStatus, Problem> {
    let say = |id: &str, facts: Facts| say(language, id, facts);
    let stores = stores(args)?;
    if stores.is_empty() && args.export.is_none() {
        return Err(Usage::NoStore.into());
    }
    let ca_dir = args.ca_dir.clone().unwrap_or_else(pki::default_ca_dir);
    // Checking or removing never makes a CA; only installing does.
    let ca = if args.check || args.uninstall {
        match DevCa::load(&ca_dir)? {
            Some(ca) => ca,
            None => {
                println!(
                    "{}",
                    say(
                        "cli-trust-no-ca",
                        Facts::new().with("path", ca_dir.display().to_string())
                    )
                );
                return Ok(ExitStatus::Success);
            }
        }
    } else {
        DevCa::load_or_create(&ca_dir)?
    };
    println!(
        "{}",
        say(
            "cli-trust-ca-file",
            Facts::new().with("path", ca.cert_path().display().to_string())
        )
    );
    if let Some(dir) = &args.export {
        export(&ca, dir, language)?;
    }
    let mut pending = Vec::new();
    for store in &stores {
        let trusted = store.check(ca.cert_pem())?;
        println!(
            "  {}",
            say(
                "cli-trust-state",
                Facts::new()
                    .with("trusted", if trusted { "yes" } else { "no" })
                    .with("store", language.say(store))
            )
        );
        if trusted == args.uninstall {
            pending.push(store);
        }
    }
    if args.check || pending.is_empty() {
        return Ok(ExitStatus::Success);
    }
    println!("\n{}", say("cli-trust-plan", Facts::new()));
    for store in &pending {
        for step in store.plan(args.uninstall) {
            println!("  - {}", language.say(&step));
        }
    }
    if !args.yes && !confirmed(language) {
        println!("{}", say("cli-trust-unchanged", Facts::new()));
        return Ok(ExitStatus::Failure);
    }
    for store in pending {
        if args.uninstall {
            store.uninstall(ca.cert_pem())?;
        } else {
            store.install(ca.cert_path())?;
        }
        println!(
            "  {}",
            say(
                "cli-trust-done",
                Facts::new().with("store", language.say(store))
            )
        );
    }
    Ok(ExitStatus::Success)
}

fn stores(args: &Args) -> Result<Vec<Store>, Usage> {
    let mut stores = Vec::new();
    if args.system {
        stores.push(Store::system());
    }
    stores.extend(args.nss.iter().map(|dir| Store::Nss { dir: dir.clone() }));
    if args.java {
        let home = std::env::var_os("JAVA_HOME").ok_or(Usage::JavaHome)?;
        let cacerts = PathBuf::from(&home).join("lib/security/cacerts");
        if !cacerts.exists() {
            return Err(Usage::JavaCacerts {
                home: PathBuf::from(home).display().to_string(),
            });
        }
        stores.push(Store::Java {
            cacerts,
            password: "changeit".into(),
        });
    }
    stores.extend(args.java_cacerts.iter().map(|cacerts| Store::Java {
        cacerts: cacerts.clone(),
        password: "changeit".into(),
    }));
    Ok(stores)
}

fn export(ca: &DevCa, dir: &std::path::Path, language: Language) -> Result<(), Problem> {
    use handshake_core::export::{Mode, write_all};
    let der = pki::pem_to_der(ca.cert_pem()).ok_or(Problem::failure(Usage::CaUnreadable))?;
    let files = [
        ("handshake-dev-ca.pem", ca.cert_pem().as_bytes().to_vec()),
        ("handshake-dev-ca.cer", der),
        (
            "TRUST-CA.md",
            pki::trust_instructions("handshake-dev-ca.pem", "handshake-dev-ca.cer", language)
                .into_bytes(),
        ),
    ];
    let entries: Vec<(&str, &[u8], Mode)> = files
        .iter()
        .map(|(name, bytes)| (*name, bytes.as_slice(), Mode::Public))
        .collect();
    for written in write_all(dir, &entries, true)? {
        println!(
            "  {}",
            say(
                language,
                "cli-wrote",
                Facts::new()
                    .with("path", written.path.display().to_string())
                    .with("secret", "no")
            )
        );
    }
    Ok(())
}

fn confirmed(language: Language) -> bool {
    if !std::io::stdin().is_terminal() {
        return false;
    }
    print!("{}", say(language, "cli-trust-confirm", Facts::new()));
    let _ = std::io::stdout().flush();
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer).is_ok()
        && matches!(answer.trim(), "y" | "Y" | "yes" | "예" | "네")
}
