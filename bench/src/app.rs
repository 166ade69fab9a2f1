//! The desktop app's start and memory against the floor of its own
//! architecture — a blank Tauri 2 window (`bench/blank-window`: the same
//! WebKitGTK, an empty page that calls Rust once), both drawn on the CPU as
//! Handshake draws itself (`src-tauri/src/main.rs`) and with WebKit's
//! defaults (GPU compositing) — and against the kind of
//! desktop tool users have today for keystores — KeyStore Explorer is a Java
//! Swing app, so a minimal Swing window on the same JDK stands in for its
//! start-up cost — in one run, under one Xvfb display:
//!
//! - cold start to the first usable screen: Handshake prints
//!   `handshake: ready` (with `HANDSHAKE_TRACE=1`) when its UI first calls
//!   Rust; the blank window prints `blank: ready` from its page's one call;
//!   the Swing window prints `ready` from `windowOpened`;
//! - memory once the window is up (and, for Handshake, after a diagnosis of a
//!   loopback server): RSS of the process and PSS summed over it and every
//!   child (WebKit's web and network processes count);
//! - the size of the .deb, when `./dev package` has built one.
//!
//! Usage: bench-app APP_BINARY BLANK_BINARY [RUNS]   (run by `bench/app.sh`)

mod proc_status;

use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use handshake_testkit::servers::{self, switching};
use proc_status::kib;

const PATIENCE: Duration = Duration::from_secs(60);

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(app), Some(blank)) = (args.next(), args.next()) else {
        eprintln!("usage: bench-app APP_BINARY BLANK_BINARY [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    let server = runtime.block_on(servers::http(switching));
    let url = format!("ws://127.0.0.1:{}/ws", server.port);
    let (mut xvfb, display) = handshake_testkit::display::xvfb();
    let display = format!(":{display}");
    let scratch = std::env::temp_dir().join(format!("handshake-bench-app-{}", std::process::id()));
    let swing = compile_swing(&scratch);

    let mut ours = Vec::new();
    let mut floor = Vec::new();
    let mut floor_gpu = Vec::new();
    let mut theirs = Vec::new();
    for run in 0..runs {
        let home = scratch.join(format!("home-{run}"));
        // The runner's own rendering choice stays out: each column says
        // how its window draws.
        let private = |command: &mut Command| {
            command
                .env_remove("WEBKIT_DISABLE_COMPOSITING_MODE")
                .env("DISPLAY", &display)
                .env("XDG_CONFIG_HOME", home.join("config"))
                .env("XDG_DATA_HOME", home.join("data"))
                .env("XDG_CACHE_HOME", home.join("cache"));
        };
        let mut app = Command::new(&app);
        app.arg(&url).env("HANDSHAKE_TRACE", "1");
        private(&mut app);
        ours.push(measure(app, &["handshake: ready", "handshake: diagnosed"]));
        // The like-for-like floor: drawn on the CPU, as Handshake is.
        let mut empty = Command::new(&blank);
        private(&mut empty);
        empty.env("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
        floor.push(measure(empty, &["blank: ready"]));
        let mut empty = Command::new(&blank);
        private(&mut empty);
        floor_gpu.push(measure(empty, &["blank: ready"]));
        let mut java = Command::new("java");
        java.args(["-cp", &swing.display().to_string(), "MinimalWindow"])
            .env("DISPLAY", &display);
        theirs.push(measure(java, &["ready"]));
    }
    let _ = xvfb.kill();
    let _ = xvfb.wait();
    let _ = std::fs::remove_dir_all(&scratch);

    let start = |list: &[Sample]| median(list.iter().map(|s| s.first_ms).collect());
    let pss = |list: &[Sample]| median(list.iter().map(|s| s.pss_mb).collect());
    let rss = |list: &[Sample]| median(list.iter().map(|s| s.rss_mb).collect());
    println!(
        "{runs} runs each, medians, under Xvfb; ratio = Handshake / the blank Tauri window beside it"
    );
    println!(
        "{:<22} {:>11}   {:>20}  {:>5}   {:>24}  {:>5}   {:>18}",
        "",
        "Handshake",
        "blank Tauri, on CPU",
        "ratio",
        "blank Tauri, WebKit GPU",
        "ratio",
        "Swing window (JDK)"
    );
    let row = |what: &str, unit: &str, of: &dyn Fn(&[Sample]) -> f64| {
        let ours = of(&ours);
        println!(
            "{what:<22} {ours:>8.1} {unit}   {:>17.1} {unit}  {:>4.2}x   {:>21.1} {unit}  {:>4.2}x   {:>15.1} {unit}",
            of(&floor),
            ours / of(&floor),
            of(&floor_gpu),
            ours / of(&floor_gpu),
            of(&theirs),
        );
    };
    row("first usable screen", "ms", &start);
    row("memory, main process", "MB", &rss);
    row("memory, all processes", "MB", &pss);
    println!(
        "(memory: RSS of the main process, PSS summed over it and WebKit's processes; Handshake's after a diagnosis)"
    );
    println!(
        "where the time goes (ms since the process began, medians; ready = the first screen painted):"
    );
    println!("  Handshake            {}", timeline(&ours));
    println!("  blank Tauri, on CPU  {}", timeline(&floor));
    println!("  blank Tauri, GPU     {}", timeline(&floor_gpu));
    match deb() {
        Some((path, size)) => println!(
            "package               {:.1} MB  {}",
            size as f64 / 1e6,
            path.display()
        ),
        None => println!("package               (no .deb yet: ./dev package builds it)"),
    }
}

/// One start: time to the first marker, memory after the last, and the
/// milestones the program printed on the way (`NAME at MS ms`).
struct Sample {
    first_ms: f64,
    rss_mb: f64,
    pss_mb: f64,
    timeline: Vec<(String, f64)>,
}

/// Starts `command` in its own process group, waits for each marker line
/// (stdout or stderr), measures, and stops the whole group.
fn measure(mut command: Command, markers: &[&str]) -> Sample {
    let started = Instant::now();
    let mut child = command
        .process_group(0)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the program starts");
    let (lines, seen) = mpsc::channel();
    forward(child.stdout.take(), lines.clone());
    forward(child.stderr.take(), lines);
    let mut first_ms = None;
    let mut timeline = Vec::new();
    for marker in markers {
        loop {
            let line = seen
                .recv_timeout(PATIENCE.saturating_sub(started.elapsed()))
                .unwrap_or_else(|_| panic!("no {marker:?} within {PATIENCE:?}"));
            if let Some(milestone) = milestone(&line) {
                timeline.push(milestone);
            }
            if line.trim() == *marker {
                first_ms.get_or_insert(started.elapsed().as_secs_f64() * 1000.0);
                break;
            }
        }
    }
    // Let the last paint and any lazy start-up work settle.
    std::thread::sleep(Duration::from_millis(500));
    let tree = descendants(child.id());
    let sample = Sample {
        first_ms: first_ms.unwrap_or_default(),
        rss_mb: kib(child.id(), "status", "VmRSS:") / 1024.0,
        pss_mb: tree
            .iter()
            .map(|&pid| kib(pid, "smaps_rollup", "Pss:"))
            .sum::<f64>()
            / 1024.0,
        timeline,
    };
    stop(&mut child);
    sample
}

/// `PROGRAM: NAME at MS ms`, as the app (with `HANDSHAKE_TRACE`) and the
/// blank window print their milestones.
fn milestone(line: &str) -> Option<(String, f64)> {
    let (_, rest) = line.split_once(": ")?;
    let (name, ms) = rest.split_once(" at ")?;
    Some((name.to_owned(), ms.strip_suffix(" ms")?.parse().ok()?))
}

/// The median time of each milestone, in the order first seen.
fn timeline(samples: &[Sample]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for (name, _) in samples.iter().flat_map(|s| &s.timeline) {
        if !names.contains(&name.as_str()) {
            names.push(name);
        }
    }
    names
        .iter()
        .map(|name| {
            let times = samples
                .iter()
                .filter_map(|s| {
                    s.timeline
                        .iter()
                        .find(|(n, _)| n == name)
                        .map(|(_, ms)| *ms)
                })
                .collect();
            format!("{name} {:.0}", median(times))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

fn forward(stream: Option<impl std::io::Read + Send + 'static>, lines: mpsc::Sender<String>) {
    if let Some(stream) = stream {
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                let _ = lines.send(line);
            }
        });
    }
}

fn stop(child: &mut Child) {
    let group = format!("-{}", child.id());
    let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
    std::thread::sleep(Duration::from_millis(300));
    let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
    let _ = child.wait();
}

/// `pid` and every process below it.
fn descendants(pid: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|child| {
            let stat = std::fs::read_to_string(format!("/proc/{child}/stat")).ok()?;
            // The command name may hold spaces: fields start after the last ')'.
            let parent = stat
                .rsplit(')')
                .next()?
                .split_whitespace()
                .nth(1)?
                .parse()
                .ok()?;
            Some((child, parent))
        })
        .collect();
    let mut tree = vec![pid];
    let mut index = 0;
    while index < tree.len() {
        let parent = tree[index];
        tree.extend(
            parents
                .iter()
                .filter(|(_, p)| *p == parent)
                .map(|(c, _)| *c),
        );
        index += 1;
    }
    tree
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// A Swing window like a keystore tool's first screen: a title, a field, a
/// button; prints `ready` once it is on screen.
fn compile_swing(dir: &Path) -> PathBuf {
    let source = dir.join("swing");
    std::fs::create_dir_all(&source).expect("scratch");
    std::fs::write(
        source.join("MinimalWindow.java"),
        r#"import javax.swing.*;
import java.awt.event.*;
public class MinimalWindow {
    public static void main(String[] args) {
        SwingUtilities.invokeLater(() -> {
            JFrame frame = new JFrame("Keystore");
            JPanel panel = new JPanel();
            panel.add(new JLabel("Keystore file"));
            panel.add(new JTextField(30));
            panel.add(new JButton("Open"));
            frame.add(panel);
            frame.setSize(1040, 720);
            frame.addWindowListener(new WindowAdapter() {
                @Override public void windowOpened(WindowEvent e) { System.out.println("ready"); }
            });
            frame.setDefaultCloseOperation(JFrame.EXIT_ON_CLOSE);
            frame.setVisible(true);
        });
    }
}
"#,
    )
    .expect("java source");
    let status = Command::new("javac")
        .arg("-d")
        .arg(&source)
        .arg(source.join("MinimalWindow.java"))
        .status()
        .expect("javac runs (a JDK)");
    assert!(status.success(), "javac failed");
    source
}

/// The newest .deb built by `./dev package`, with its size.
fn deb() -> Option<(PathBuf, u64)> {
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from)?;
    std::fs::read_dir(target.join("release/bundle/deb"))
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "deb"))
        .filter_map(|path| Some((path.metadata().ok()?.len(), path)))
        .max()
        .map(|(size, path)| (path, size))
}
