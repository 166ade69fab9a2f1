//! `handshake trust`: make the development CA trusted — checked first, shown,
//! confirmed, reversible.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use handshake_core::pki::{self, DevCa};
use handshake_core::trust::Store;

use super::diagnose::usage;
use crate::exit::ExitStatus;

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

pub(crate) fn run(args: &Args) -> anyhow::Result<ExitStatus> {
    let stores = match stores(args) {
        Ok(stores) if stores.is_empty() && args.export.is_none() => {
            return Ok(usage(
                "name at least one store (--system, --nss DIR, --java, --java-cacerts FILE), or --export DIR",
            ));
        }
        Ok(stores) => stores,
        Err(message) => return Ok(usage(&message)),
    };
    let ca = match DevCa::load_or_create(&args.ca_dir.clone().unwrap_or_else(pki::default_ca_dir)) {
        Ok(ca) => ca,
        Err(error) => return Ok(usage(&error.to_string())),
    };
    println!("development CA: {}", ca.cert_path().display());
    if let Some(dir) = &args.export
        && let Err(message) = export(&ca, dir)
    {
        return Ok(usage(&message));
    }
    let mut pending = Vec::new();
    for store in &stores {
        let trusted = match store.check(ca.cert_pem()) {
            Ok(trusted) => trusted,
            Err(error) => return Ok(usage(&error.to_string())),
        };
        println!(
            "  {} {}",
            if trusted {
                "✓ trusted in"
            } else {
                "✗ not trusted in"
            },
            store.describe()
        );
        if trusted == args.uninstall {
            pending.push(store);
        }
    }
    if args.check || pending.is_empty() {
        return Ok(ExitStatus::Success);
    }
    println!("\nThis will:");
    for store in &pending {
        for line in store.plan(args.uninstall) {
            println!("  - {line}");
        }
    }
    if !args.yes && !confirmed() {
        println!("Nothing changed. Re-run with --yes to apply.");
        return Ok(ExitStatus::Failure);
    }
    for store in pending {
        let done = if args.uninstall {
            store.uninstall(ca.cert_pem())
        } else {
            store.install(ca.cert_path())
        };
        if let Err(error) = done {
            eprintln!("error: {error}");
            return Ok(ExitStatus::Failure);
        }
        println!("  done: {}", store.describe());
    }
    Ok(ExitStatus::Success)
}

fn stores(args: &Args) -> Result<Vec<Store>, String> {
    let mut stores = Vec::new();
    if args.system {
        stores.push(Store::system());
    }
    stores.extend(args.nss.iter().map(|dir| Store::Nss { dir: dir.clone() }));
    if args.java {
        let home = std::env::var_os("JAVA_HOME").ok_or("JAVA_HOME is not set: point it at a JDK (e.g. /usr/lib/jvm/java-17-openjdk-amd64), or name the truststore with --java-cacerts")?;
        let cacerts = PathBuf::from(&home).join("lib/security/cacerts");
        if !cacerts.exists() {
            return Err(format!(
                "{} has no lib/security/cacerts: is JAVA_HOME a JDK? Or name the truststore with --java-cacerts",
                PathBuf::from(home).display()
            ));
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

/// Writes the CA as PEM and DER, and the instructions, into `dir`.
fn export(ca: &DevCa, dir: &std::path::Path) -> Result<(), String> {
    use handshake_core::export::{Mode, write_all};
    let der =
        pki::pem_to_der(ca.cert_pem()).ok_or("the development CA certificate cannot be read")?;
    let files = [
        ("handshake-dev-ca.pem", ca.cert_pem().as_bytes().to_vec()),
        ("handshake-dev-ca.cer", der),
        (
            "TRUST-CA.md",
            pki::trust_instructions("handshake-dev-ca.pem", "handshake-dev-ca.cer").into_bytes(),
        ),
    ];
    let entries: Vec<(&str, &[u8], Mode)> = files
        .iter()
        .map(|(name, bytes)| (*name, bytes.as_slice(), Mode::Public))
        .collect();
    for written in write_all(dir, &entries, true).map_err(|error| error.to_string())? {
        println!("  wrote {}", written.path.display());
    }
    Ok(())
}

/// Asks on the terminal; anywhere else, the answer is no.
fn confirmed() -> bool {
    if !std::io::stdin().is_terminal() {
        return false;
    }
    print!("Apply? [y/N] ");
    let _ = std::io::stdout().flush();
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer).is_ok()
        && matches!(answer.trim(), "y" | "Y" | "yes")
}
