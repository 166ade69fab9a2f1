//! A server process started by a test, in a process group of its own, so
//! that stopping it stops its workers too (httpd forks them; a killed
//! parent alone leaves them running, reparented to init). Stopped the way
//! it wants to be (SIGTERM: nginx, httpd and the JVM shut down cleanly),
//! then, after a grace period, the whole group is killed.

use std::process::{Child, Command, Output};
use std::time::{Duration, Instant};

use rustix::process::{Pid, Signal, kill_process_group};

/// A running server process group, stopped when dropped.
#[derive(Debug)]
pub struct Group {
    child: Child,
    stopped: bool,
}

impl Group {
    /// Spawns `command` as the leader of a new process group.
    pub fn spawn(command: &mut Command, what: &str) -> Group {
        std::os::unix::process::CommandExt::process_group(command, 0);
        let child = command
            .spawn()
            .unwrap_or_else(|error| panic!("{what} runs: {error}"));
        Group {
            child,
            stopped: false,
        }
    }

    /// Polls `ready` every 20 ms for at most `seconds`: true once it
    /// holds, false at once when the server's process exits first; panics,
    /// with `log()`, after the deadline.
    pub fn wait_ready(
        &mut self,
        what: &str,
        seconds: u64,
        mut ready: impl FnMut() -> bool,
        log: impl Fn() -> String,
    ) -> bool {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        while !ready() {
            if self.exited() {
                return false;
            }
            assert!(
                Instant::now() < deadline,
                "{what} was not ready after {seconds} s: {}",
                log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        true
    }

    /// [`Group::wait_ready`], panicking with `log()` when the process
    /// exits first.
    pub fn wait_until_ready(
        &mut self,
        what: &str,
        seconds: u64,
        ready: impl FnMut() -> bool,
        log: impl Fn() -> String,
    ) {
        let ready = self.wait_ready(what, seconds, ready, &log);
        assert!(ready, "{what} exited at start-up: {}", log());
    }

    /// Whether the leader has exited.
    pub fn exited(&mut self) -> bool {
        self.child.try_wait().is_ok_and(|status| status.is_some())
    }

    /// The leader's standard output, when the command piped it (once).
    pub fn take_stdout(&mut self) -> Option<std::process::ChildStdout> {
        self.child.stdout.take()
    }

    /// Waits at most `seconds` for the leader to exit by itself, then
    /// stops the group and returns what it printed on the pipes its command
    /// set up (what is left of standard output after [`Group::take_stdout`]).
    pub fn output(&mut self, seconds: u64) -> Output {
        let read = |pipe: Option<Box<dyn std::io::Read + Send>>| {
            std::thread::spawn(move || {
                let mut bytes = Vec::new();
                if let Some(mut pipe) = pipe {
                    let _ = pipe.read_to_end(&mut bytes);
                }
                bytes
            })
        };
        let stdout = read(self.child.stdout.take().map(|pipe| Box::new(pipe) as _));
        let stderr = read(self.child.stderr.take().map(|pipe| Box::new(pipe) as _));
        let deadline = Instant::now() + Duration::from_secs(seconds);
        while !self.exited() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        self.stop();
        let status = self.child.wait().expect("the leader's status");
        Output {
            status,
            stdout: stdout.join().unwrap_or_default(),
            stderr: stderr.join().unwrap_or_default(),
        }
    }

    /// Whether the leader is running now (neither exited nor a zombie),
    /// read from `/proc` without reaping it.
    pub fn running(&self) -> bool {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id()));
        // The state follows the command name, which is in parentheses.
        stat.ok()
            .and_then(|stat| {
                let state = stat.rsplit_once(')')?.1.trim_start().chars().next()?;
                Some(!matches!(state, 'Z' | 'X' | 'x'))
            })
            .unwrap_or(false)
            && !self.stopped
    }

    fn signal(&self, signal: Signal) {
        if let Some(pid) = Pid::from_raw(self.child.id().cast_signed()) {
            let _ = kill_process_group(pid, signal);
        }
    }
}

impl Group {
    /// Stops the group: SIGTERM, up to 5 s to exit, then SIGKILL to all of
    /// it. Stopping again does nothing more.
    pub fn stop(&mut self) {
        if std::mem::replace(&mut self.stopped, true) {
            return;
        }
        self.signal(Signal::TERM);
        let deadline = Instant::now() + Duration::from_secs(5);
        while !self.exited() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        // Workers that outlive their parent go with the group.
        self.signal(Signal::KILL);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Whether every one of `ports` on 127.0.0.1 accepts a connection.
pub fn listening(ports: &[u16]) -> bool {
    ports
        .iter()
        .all(|&port| std::net::TcpStream::connect(("127.0.0.1", port)).is_ok())
}
