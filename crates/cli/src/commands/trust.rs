//! `handshake trust`: make the development CA trusted — the stores found
//! (or named), checked first, the exact changes shown, confirmed, reversible.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use handshake_core::Language;
use handshake_core::i18n::Facts;
use handshake_core::pki::{self, DevCa};
use handshake_core::trust::{
    self, Browser, Ca, Direction, Environment, Group, JavaTruststore, NssDatabase, Plan, StoreName,
    TrustError, TrustStore,
};

use crate::exit::ExitStatus;
use crate::problem::{Problem, Usage};
use crate::render::say;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  handshake trust --check\n  handshake trust --store browsers --yes\n  sudo handshake trust --system --yes\n  handshake trust --java-cacerts ./truststore.p12 --uninstall\n\nWith no store named, the stores of this machine are found (as mkcert does). Every change is listed before it is made, and needs --yes or a confirmation."
)]
pub(crate) struct Args {
    /// The development CA's folder (default: ~/.local/share/handshake; Windows: %LOCALAPPDATA%\handshake).
    #[arg(long, value_name = "DIR")]
    ca_dir: Option<PathBuf>,
    /// Which of the stores found to use (default: all); repeatable.
    #[arg(long = "store", value_enum, value_name = "GROUP")]
    groups: Vec<StoreGroup>,
    /// The system store (Debian/Ubuntu: update-ca-certificates; Fedora/RHEL: update-ca-trust; macOS: the System keychain; Windows: your root store); needs root on Linux and macOS.
    #[arg(long)]
    system: bool,
    /// An NSS database folder (Chromium: ~/.pki/nssdb; Firefox: the profile folder); repeatable.
    #[arg(long, value_name = "DIR")]
    nss: Vec<PathBuf>,
    /// The JDK's own truststore ($JAVA_HOME/lib/security/cacerts, or the java on PATH).
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

/// A group of stores, as `--store` names it.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum StoreGroup {
    /// The operating system's store.
    System,
    /// Chromium's and Firefox's NSS databases.
    Browsers,
    /// The JDK's truststore.
    Java,
}

impl From<StoreGroup> for Group {
    fn from(group: StoreGroup) -> Group {
        match group {
            StoreGroup::System => Group::System,
            StoreGroup::Browsers => Group::Browsers,
            StoreGroup::Java => Group::Java,
        }
    }
}

pub(crate) fn run(args: &Args, language: Language) -> Result<ExitStatus, Problem> {
    let say = |id: &str, facts: Facts| say(language, id, facts);
    let stores = stores(args)?;
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
        if stores.is_empty() {
            return Ok(ExitStatus::Success);
        }
    }
    if stores.is_empty() {
        println!("{}", say("cli-trust-none-found", Facts::new()));
        return Ok(ExitStatus::Failure);
    }
    let ca = Ca::of(&ca)?;
    let surveys = trust::survey(stores, &ca);
    // A store that cannot be read is said once: here under --check, with
    // the plan's refusals otherwise.
    for survey in &surveys {
        let store = language.say(&survey.store.name());
        match &survey.present {
            Ok(present) => println!(
                "  {}",
                say(
                    "cli-trust-state",
                    Facts::new()
                        .with("trusted", if *present { "yes" } else { "no" })
                        .with("store", store),
                )
            ),
            Err(error) if args.check => println!("  {}", unreadable(language, &store, error)),
            Err(_) => {}
        }
    }
    if args.check {
        return Ok(ExitStatus::Success);
    }
    let direction = if args.uninstall {
        Direction::Remove
    } else {
        Direction::Add
    };
    let plan = Plan::new(surveys, &ca, direction);
    for (store, error) in &plan.refused {
        println!("  {}", unreadable(language, &language.say(store), error));
    }
    if plan.is_empty() {
        return Ok(outcome(&plan, &[]));
    }
    println!("\n{}", say("cli-trust-plan", Facts::new()));
    for change in &plan.changes {
        println!("  {}", language.say(&change.store.name()));
        for action in &change.actions {
            println!("    - {}", language.say(action));
        }
    }
    if !args.yes && !confirmed(language) {
        println!("{}", say("cli-trust-unchanged", Facts::new()));
        return Ok(ExitStatus::Failure);
    }
    let results = plan.apply();
    for (store, result) in &results {
        let store = language.say(store);
        let line = match result {
            Ok(()) => say("cli-trust-done", Facts::new().with("store", store)),
            Err(error) => say(
                "cli-trust-store-failed",
                Facts::new()
                    .with("store", store)
                    .with("reason", language.say(error)),
            ),
        };
        println!("  {line}");
    }
    Ok(outcome(&plan, &results))
}

fn unreadable(language: Language, store: &str, error: &TrustError) -> String {
    say(
        language,
        "cli-trust-unreadable",
        Facts::new()
            .with("store", store)
            .with("reason", language.say(error)),
    )
}

/// Success when every store that had to change did, and none was unreadable.
fn outcome(plan: &Plan, results: &[(StoreName, Result<(), TrustError>)]) -> ExitStatus {
    if plan.refused.is_empty() && results.iter().all(|(_, result)| result.is_ok()) {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    }
}

/// The stores named on the command line, else those found on this machine.
fn stores(args: &Args) -> Result<Vec<Box<dyn TrustStore>>, Usage> {
    let environment = Environment::current();
    let named = args.system || args.java || !args.nss.is_empty() || !args.java_cacerts.is_empty();
    // `--export DIR` alone only writes the files for other machines.
    if !named && args.groups.is_empty() && args.export.is_some() {
        return Ok(Vec::new());
    }
    if !named {
        let groups: Vec<Group> = if args.groups.is_empty() {
            Group::ALL.to_vec()
        } else {
            args.groups.iter().copied().map(Group::from).collect()
        };
        return Ok(trust::discover(&environment, &groups));
    }
    let mut stores: Vec<Box<dyn TrustStore>> = Vec::new();
    if args.system {
        stores.push(trust::system_store());
    }
    for dir in &args.nss {
        stores.push(Box::new(NssDatabase::new(dir.clone(), Browser::Other)));
    }
    if args.java {
        let jdk = trust::discover(&environment, &[Group::Java]);
        if jdk.is_empty() {
            return Err(match &environment.java_home {
                Some(home) => Usage::JavaCacerts {
                    home: home.display().to_string(),
                },
                None => Usage::JavaHome,
            });
        }
        stores.extend(jdk);
    }
    for cacerts in &args.java_cacerts {
        stores.push(Box::new(JavaTruststore::new(cacerts.clone())));
    }
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
