//! The real OpenSSH server (Debian's `openssh-server`): a port that speaks
//! another protocol first, as a user meets it when the URL names the wrong
//! port. Started privately: its own host key, configuration and pid file,
//! listening on 127.0.0.1 only, accepting no login.

use std::process::{Command, Stdio};

use crate::Scratch;
use crate::process::{Group, listening};
use crate::servers::free_port;

/// A running sshd, stopped when dropped.
pub struct Sshd {
    /// The port it listens on (127.0.0.1).
    pub port: u16,
    process: Group,
    _dir: Scratch,
}

impl Sshd {
    /// Proof, for the coverage check, that what a test reads now comes
    /// from this running Sshd.
    pub fn live(&self) -> crate::coverage::Live<'_> {
        crate::coverage::Live::running(crate::coverage::Program::Sshd, &self.process)
    }

    /// Starts sshd in the foreground and waits (at most 10 s) until it
    /// listens. It needs root (its privilege separation) and its folder
    /// `/run/sshd`, which it is given.
    pub fn start() -> Sshd {
        let dir = Scratch::new("sshd");
        let key = dir.join("host_ed25519");
        let made = Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(&key)
            .output()
            .expect("ssh-keygen runs (apt-get install openssh-client)");
        assert!(made.status.success(), "{made:?}");
        let _ = std::fs::create_dir_all("/run/sshd");
        let config = dir.join("sshd_config");
        std::fs::write(&config, "PasswordAuthentication no\nKbdInteractiveAuthentication no\nPubkeyAuthentication no\nUsePAM no\n")
            .expect("sshd_config");
        let port = free_port();
        let mut command = Command::new("/usr/sbin/sshd");
        command
            .args(["-D", "-e", "-f"])
            .arg(&config)
            .arg("-h")
            .arg(&key)
            .args(["-o", &format!("ListenAddress=127.0.0.1:{port}")])
            .arg("-o")
            .arg(format!("PidFile={}", dir.join("sshd.pid").display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let mut process = Group::spawn(&mut command, "sshd (apt-get install openssh-server)");
        process.wait_until_ready("sshd", 10, || listening(&[port]), String::new);
        Sshd {
            port,
            process,
            _dir: dir,
        }
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        self.process.stop();
    }
}
