//! The real Apache httpd (Debian's `apache2`), started on loopback with a
//! private ServerRoot and a configuration written by the test.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::coverage::{Program, Said};
use crate::process::{Group, listening};

const MODULES: &str = "/usr/lib/apache2/modules";

static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

/// Writes a private ServerRoot at `root`: `apache2.conf` loading the core
/// modules and `modules`, then `config`. Returns the file.
fn config_root(root: &std::path::Path, modules: &[&str], config: &str) -> PathBuf {
    std::fs::create_dir_all(root.join("logs")).expect("ServerRoot");
    let r = root.display();
    let mut text = format!(
        "ServerRoot {r}\nServerName localhost\nPidFile {r}/httpd.pid\nUser nobody\nGroup nogroup\nErrorLog {r}/logs/error.log\nLogLevel info\nMutex file:{r}\nCustomLog {r}/logs/access.log common\nLogFormat \"%h %l %u %t \\\"%r\\\" %>s %b\" common\n"
    );
    for module in ["mpm_event", "authz_core"].iter().chain(modules) {
        text.push_str(&format!(
            "LoadModule {module}_module {MODULES}/mod_{module}.so\n"
        ));
    }
    text.push_str(config);
    let file = root.join("apache2.conf");
    std::fs::write(&file, text).expect("apache2.conf");
    file
}

/// httpd in the foreground with the configuration `file`, leading a
/// process group of its own (it forks its workers).
fn httpd(file: &std::path::Path) -> Group {
    Group::spawn(
        Command::new("/usr/sbin/apache2")
            .arg("-f")
            .arg(file)
            .args(["-DFOREGROUND"])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit()),
        "apache2 (apt-get install apache2)",
    )
}

/// A running httpd, stopped (and its ServerRoot removed) when dropped.
pub struct Apache {
    process: Group,
    root: PathBuf,
}

impl Drop for Apache {
    fn drop(&mut self) {
        // Stopped before its files go: it may still write its log.
        self.process.stop();
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

impl Apache {
    /// Proof, for the coverage check, that what a test reads now comes
    /// from this running Apache.
    pub fn live(&self) -> crate::coverage::Live<'_> {
        crate::coverage::Live::running(crate::coverage::Program::Apache, &self.process)
    }

    /// Starts httpd in the foreground with the core modules, `modules`
    /// (e.g. `["ssl", "socache_shmcb"]`) and `config`, and waits until every
    /// port in `ports` accepts connections.
    pub fn start(modules: &[&str], config: &str, ports: &[u16]) -> Apache {
        let root = std::env::temp_dir().join(format!(
            "handshake-apache-{}-{}",
            std::process::id(),
            ports[0]
        ));
        let process = httpd(&config_root(&root, modules, config));
        let mut apache = Apache { process, root };
        let root = apache.root.clone();
        apache.process.wait_until_ready(
            "httpd",
            15,
            || listening(ports),
            || crate::read_lossy(&root.join("logs/error.log")),
        );
        apache
    }

    /// Starts httpd with `config` as [`Apache::start`] does, expecting it to
    /// refuse to start (what `apache2ctl -t` does not check, such as a key
    /// that does not match its certificate): waits at most 15 s for it to
    /// exit, and returns its error log.
    pub fn refused_start(modules: &[&str], config: &str) -> Said {
        static REFUSED: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let root = std::env::temp_dir().join(format!(
            "handshake-apache-{}-refused-{}",
            std::process::id(),
            REFUSED.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        let mut process = httpd(&config_root(&root, modules, config));
        let log = || crate::read_lossy(&root.join("logs/error.log"));
        let started = process.wait_ready("httpd", 15, || false, log);
        assert!(!started, "httpd started: {}", log());
        let said = log();
        drop(process);
        let _ = std::fs::remove_dir_all(&root);
        Said::new(Program::Apache, said)
    }

    /// What `apache2ctl -t` says of `config` (with the core modules and
    /// `modules` loaded) in a private config root (`APACHE_CONFDIR`), as a
    /// user runs it before reloading: `Ok` with its output when accepted.
    pub fn configtest(modules: &[&str], config: &str) -> Result<String, Said> {
        let root = std::env::temp_dir().join(format!(
            "handshake-apache-t-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        config_root(&root, modules, config);
        let output = Command::new("/usr/sbin/apache2ctl")
            .arg("-t")
            .env("APACHE_CONFDIR", &root)
            .output()
            .expect("apache2ctl runs (apt-get install apache2)");
        let _ = std::fs::remove_dir_all(&root);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        if output.status.success() {
            Ok(text)
        } else {
            Err(Said::new(Program::Apache, text))
        }
    }

    /// The error log so far.
    pub fn log(&self) -> String {
        crate::read_lossy(&self.root.join("logs/error.log"))
    }

    /// The access log so far (Apache's common format).
    pub fn access_log(&self) -> String {
        crate::read_lossy(&self.root.join("logs/access.log"))
    }
}
