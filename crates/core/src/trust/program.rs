//! Running the trust stores' programs (`certutil`, `keytool`,
//! `update-ca-certificates`…): an argument vector, never a shell, a process
//! group of its own and one deadline for the whole run.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::TrustError;

/// How long an external program may run.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Runs `program args…` and returns what it printed.
pub(super) fn run(program: &str, args: &[&str]) -> Result<String, TrustError> {
    run_with(program, args, &[])
}

/// [`run`] with variables added to its environment (a store password,
/// kept off the command line).
///
/// Its output is read while it runs (a chatty program would stall on a full
/// pipe); after [`TIMEOUT`] the whole group is killed, children that still
/// hold the pipes included.
pub(super) fn run_with(
    program: &str,
    args: &[&str],
    env: &[(&str, &str)],
) -> Result<String, TrustError> {
    let mut process = Command::new(program);
    process
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut process, 0);
    let mut child = process.spawn().map_err(|_| TrustError::Missing {
        program: program.to_owned(),
    })?;
    let (sender, received) = std::sync::mpsc::channel();
    for pipe in [
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn std::io::Read + Send>),
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn std::io::Read + Send>),
    ]
    .into_iter()
    .flatten()
    {
        let sender = sender.clone();
        std::thread::spawn(move || {
            let mut text = Vec::new();
            // Bounded: a runaway program's output is not kept whole.
            let _ = std::io::Read::read_to_end(&mut std::io::Read::take(pipe, 1 << 20), &mut text);
            let _ = sender.send(text);
        });
    }
    drop(sender);
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(10)),
            _ => {
                kill_group(&mut child);
                break None;
            }
        }
    };
    // The readers end when every holder of the pipes is gone. What the
    // program left behind in its group, still holding them a second
    // later, goes with it; then the rest of the output arrives.
    let mut text = String::new();
    for grace in [Duration::from_secs(1), Duration::from_secs(1)] {
        let until = Instant::now() + grace;
        while let Ok(chunk) = received.recv_timeout(until.saturating_duration_since(Instant::now()))
        {
            text.push_str(&String::from_utf8_lossy(&chunk));
        }
        kill_group(&mut child);
    }
    match status {
        Some(status) if status.success() => Ok(text),
        _ => Err(TrustError::Failed {
            command: std::iter::once(program)
                .chain(args.iter().copied())
                .collect::<Vec<_>>()
                .join(" "),
            output: text.trim().to_owned(),
        }),
    }
}

/// Whether `program` is an executable file in a `PATH` folder.
pub(super) fn on_path(program: &str) -> bool {
    find(program, std::env::var_os("PATH").as_deref()).is_some()
}

/// Where `program` is among the folders of `path` (a `PATH` value).
pub(super) fn find(program: &str, path: Option<&std::ffi::OsStr>) -> Option<std::path::PathBuf> {
    let names = [program.to_owned(), format!("{program}.exe")];
    std::env::split_paths(path?)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Kills `child` and everything in its process group.
fn kill_group(child: &mut std::process::Child) {
    #[cfg(unix)]
    if let Some(pid) = rustix::process::Pid::from_raw(child.id().cast_signed()) {
        let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chatty_program_and_a_child_holding_the_pipe_do_not_hold_us() {
        // 8 MiB of output: more than a pipe holds, read while it runs.
        let chatty = run(
            "sh",
            &[
                "-c",
                "head -c 8388608 /dev/zero | tr '\\0' x; echo done >&2",
            ],
        );
        assert!(chatty.is_ok_and(|text| text.contains("done")));
        // A background child keeps the pipes open after its parent exits;
        // it is gone with its group (its pid, told to us, no longer runs).
        let lingering = run("sh", &["-c", "sleep 30 & echo $!"]).expect("runs");
        let pid = lingering.trim();
        assert!(!pid.is_empty(), "{lingering}");
        let alive = std::path::Path::new("/proc").join(pid).join("stat");
        // Gone, or a zombie waiting for init to reap it, once the kill is
        // delivered (looked for up to 5 s: the signal is asynchronous).
        let gone = || {
            let state = std::fs::read_to_string(&alive).unwrap_or_default();
            state.is_empty() || state.contains(") Z")
        };
        for _ in 0..250 {
            if gone() {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(
            gone(),
            "sleep 30 left running: {}",
            std::fs::read_to_string(&alive).unwrap_or_default()
        );
    }

    #[test]
    fn a_variable_reaches_the_program_and_not_its_command_line() {
        let printed = run_with("sh", &["-c", "echo $STOREPASS"], &[("STOREPASS", "s3cret")]);
        assert_eq!(printed.expect("runs").trim(), "s3cret");
    }
}
