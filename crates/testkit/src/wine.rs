//! The Windows command line under Debian's Wine: the `handshake.exe` that
//! `./dev test` cross-builds with mingw-w64 and names in
//! `HANDSHAKE_WINDOWS_CLI`, run in a Wine prefix of the test kit's own (made
//! once, kept beside the program in the target folder: a new one is 700 MB
//! and 6 s). Its user is `개발자`, so `%LOCALAPPDATA%` and every profile path
//! holds Korean letters.
//!
//! Wine 8 lacks `ProcessPrng` (`bcryptprimitives.dll`), which Rust's standard
//! library imports since 1.78, so no Rust program starts there. A stand-in
//! built here from a few lines of C (`wine/bcryptprimitives.c`) sits beside
//! the test's copy of the program: a test-only shim, never in the zip `./dev
//! package --windows` makes, and never loaded on Windows, whose own DLL wins.
//! `probe.exe` (`wine/probe.c`) says what Windows itself reads of a file's
//! access list and of the root stores, independently of Handshake's code.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use crate::process::Group;

/// The variable naming the cross-built `handshake.exe`.
pub const WINDOWS_CLI: &str = "HANDSHAKE_WINDOWS_CLI";

/// The Windows user the prefix is made for.
pub const USER: &str = "개발자";

/// A Wine prefix with `handshake.exe`, the shim and the probe.
#[derive(Debug)]
pub struct Wine {
    loader: PathBuf,
    bin: PathBuf,
    prefix: PathBuf,
}

/// The Windows command line under Wine, prepared once per test binary; `None`
/// (the test skipped, with why) when it was not built — `./dev test` always
/// builds it, and then a missing Wine or mingw-w64 fails the test.
pub fn wine() -> Option<&'static Wine> {
    static WINE: OnceLock<Wine> = OnceLock::new();
    let Some(exe) = std::env::var_os(WINDOWS_CLI) else {
        crate::skip(
            "the Windows command line is not built here (./dev test builds it and sets HANDSHAKE_WINDOWS_CLI)",
        );
        return None;
    };
    Some(WINE.get_or_init(|| Wine::prepare(Path::new(&exe))))
}

impl Wine {
    fn prepare(exe: &Path) -> Wine {
        let loader = ["/usr/lib/wine/wine64", "/usr/bin/wine64"]
            .into_iter()
            .map(PathBuf::from)
            .find(|path| path.exists())
            .unwrap_or_else(|| panic!("wine64 is not installed (apt-get install wine64)"));
        let home = exe
            .parent()
            .unwrap_or_else(|| panic!("{} has no folder", exe.display()))
            .join("under-wine");
        let bin = home.join("bin");
        std::fs::create_dir_all(&bin).expect("the Wine folder");
        // The program as built now: a link when the file system allows it
        // (the debug build is 200 MB), a copy when not.
        let copy = bin.join("handshake.exe");
        let _ = std::fs::remove_file(&copy);
        if std::fs::hard_link(exe, &copy).is_err() {
            std::fs::copy(exe, &copy)
                .unwrap_or_else(|error| panic!("copying {}: {error}", exe.display()));
        }
        compile(
            &home,
            "bcryptprimitives.c",
            include_str!("wine/bcryptprimitives.c"),
            &["-shared", "-o"],
            &bin.join("bcryptprimitives.dll"),
            &["-ladvapi32"],
        );
        compile(
            &home,
            "probe.c",
            include_str!("wine/probe.c"),
            &["-municode", "-o"],
            &bin.join("probe.exe"),
            &["-ladvapi32", "-lcrypt32"],
        );
        let wine = Wine {
            loader,
            bin,
            prefix: home.join("prefix"),
        };
        // The first program run makes the prefix; later runs find it.
        let first = wine.probe(&["user"]);
        assert!(
            first.status.success() && String::from_utf8_lossy(&first.stdout).starts_with("S-1-"),
            "Wine did not start a program: {}",
            String::from_utf8_lossy(&first.stderr)
        );
        wine
    }

    /// `handshake.exe ARGS` with at most `seconds`, in English whatever the
    /// machine's locale (as the Linux tests run it), with `env` added.
    pub fn handshake(&self, args: &[&OsStr], env: &[(&str, &str)], seconds: u64) -> Output {
        self.run("handshake.exe", args, env, seconds)
    }

    /// `probe.exe ARGS`: what Windows reads (`acl PATH`, `user`, `roots
    /// user|machine`).
    pub fn probe(&self, args: &[&str]) -> Output {
        let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        self.run("probe.exe", &args, &[], 120)
    }

    /// Holds `path` (a Linux path) open, shared with no one, as an editor or
    /// a running server on Windows holds a file: until the group is dropped.
    pub fn hold(&self, path: &Path) -> Group {
        let mut holder = Group::spawn(
            &mut self.command(
                "probe.exe",
                &[OsStr::new("lock"), OsStr::new(&self.path(path))],
                &[],
            ),
            "wine64 (apt-get install wine64)",
        );
        let stdout = holder.take_stdout().expect("the holder's output");
        let (said, heard) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line);
            let _ = said.send(line);
        });
        let line = heard
            .recv_timeout(std::time::Duration::from_secs(60))
            .unwrap_or_default();
        assert_eq!(line.trim(), "locked", "probe lock {}", path.display());
        holder
    }

    fn run(&self, program: &str, args: &[&OsStr], env: &[(&str, &str)], seconds: u64) -> Output {
        // Wine's own services run in sessions of their own: stopping this
        // group after the program stops nothing another test uses.
        Group::spawn(
            &mut self.command(program, args, env),
            "wine64 (apt-get install wine64)",
        )
        .output(seconds)
    }

    fn command(&self, program: &str, args: &[&OsStr], env: &[(&str, &str)]) -> Command {
        let mut command = Command::new(&self.loader);
        command
            .arg(self.bin.join(program))
            .args(args)
            .env("WINEPREFIX", &self.prefix)
            .env("WINEDEBUG", "-all")
            // No Mono or Gecko: nothing to download, no dialog.
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
            .env("USER", USER)
            .env("LANG", "C.UTF-8")
            .env_remove("HANDSHAKE_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    }

    /// `path` (a Linux path) as a Windows program names it: on Wine's `Z:`
    /// drive, with backslashes.
    pub fn path(&self, path: &Path) -> String {
        format!("Z:{}", path.display()).replace('/', "\\")
    }

    /// The user's `%LOCALAPPDATA%`, as a Linux path.
    pub fn local_app_data(&self) -> PathBuf {
        self.prefix
            .join("drive_c/users")
            .join(USER)
            .join("AppData/Local")
    }

    /// The SHA-1 thumbprints (upper-case hex) in the root store of `location`
    /// (`user` or `machine`), as Windows lists them.
    pub fn roots(&self, location: &str) -> Vec<String> {
        let output = self.probe(&["roots", location]);
        assert!(
            output.status.success(),
            "probe roots {location}: {}",
            String::from_utf8_lossy(&output.stdout)
        );
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(str::to_owned)
            .collect()
    }
}

/// Compiles C `source` (written to `dir/name`) with mingw-w64 into `out`.
fn compile(dir: &Path, name: &str, source: &str, flags: &[&str], out: &Path, libraries: &[&str]) {
    let file = dir.join(name);
    std::fs::write(&file, source).expect("the C source");
    let output = Command::new("x86_64-w64-mingw32-gcc")
        .arg("-O2")
        .args(flags)
        .arg(out)
        .arg(&file)
        .args(libraries)
        .output()
        .unwrap_or_else(|error| {
            panic!("x86_64-w64-mingw32-gcc runs (apt-get install gcc-mingw-w64-x86-64): {error}")
        });
    assert!(
        output.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}
