//! A private X display (Xvfb) for the real window and its benchmark.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Starts Xvfb on the first free display (1280×860) and returns it with its
/// number (`"99"`, for `DISPLAY=:99`); panics when none is reported in 20 s.
pub fn xvfb() -> (Child, String) {
    let mut xvfb = Command::new("Xvfb");
    // A group of its own, which its caller stops as a whole.
    std::os::unix::process::CommandExt::process_group(&mut xvfb, 0);
    let mut xvfb = xvfb
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x860x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|error| panic!("could not start Xvfb ({error}): apt-get install xvfb"));
    let stdout = xvfb
        .stdout
        .take()
        .unwrap_or_else(|| panic!("Xvfb has no stdout"));
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = sender.send(line);
    });
    match receiver.recv_timeout(Duration::from_secs(20)) {
        Ok(line) if !line.trim().is_empty() => (xvfb, line.trim().to_owned()),
        _ => {
            let _ = xvfb.kill();
            let _ = xvfb.wait();
            panic!("Xvfb did not report a display within 20 s");
        }
    }
}
