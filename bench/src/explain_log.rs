//! Log analysis throughput: `handshake explain-log` against `grep -F` with
//! the same anchor strings, on one generated log with a few matches, in one
//! run. Run by `bench/explain-log.sh`.
//!
//! Usage: bench-explain-log HANDSHAKE_BINARY [MEGABYTES] [RUNS]

use std::io::{BufWriter, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use handshake_core::logs::SIGNATURES;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(handshake) = args.next() else {
        eprintln!("usage: bench-explain-log HANDSHAKE_BINARY [MEGABYTES] [RUNS]");
        std::process::exit(2);
    };
    let megabytes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(512);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);

    let dir = std::env::temp_dir().join(format!("handshake-bench-logs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("bench dir");
    let log = dir.join("catalina.out");
    let patterns = dir.join("anchors.txt");
    let anchors: Vec<&str> = SIGNATURES
        .iter()
        .flat_map(|s| s.anchors.iter().copied())
        .collect();
    std::fs::write(&patterns, anchors.join("\n") + "\n").expect("patterns");
    write_log(&log, megabytes);
    let size = std::fs::metadata(&log).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;

    let log_arg = log.display().to_string();
    let patterns_arg = patterns.display().to_string();
    let ours = best(runs, &[&handshake, "explain-log", "--json", &log_arg]);
    let grep = best(runs, &["grep", "-F", "-c", "-f", &patterns_arg, &log_arg]);
    let grep_count = std::fs::read_to_string(output_file()).unwrap_or_default();
    println!(
        "Log analysis of a {size:.0} MB generated Tomcat log ({} anchor strings), best of {runs} runs:\n",
        anchors.len()
    );
    println!("{:<36} {:>10} {:>10}", "tool", "seconds", "MB/s");
    for (name, time) in [
        ("handshake explain-log", ours),
        ("grep -F -c -f anchors (same strings)", grep),
    ] {
        println!(
            "{name:<36} {:>10.3} {:>10.0}",
            time.as_secs_f64(),
            size / time.as_secs_f64()
        );
    }
    println!("\ngrep counted {} matching lines.", grep_count.trim());
    println!(
        "ratio: Handshake runs at {:.2}x grep's speed (target: at least 0.5x).",
        grep.as_secs_f64() / ours.as_secs_f64()
    );
    let _ = std::fs::remove_file(output_file());
    if std::env::var_os("HANDSHAKE_BENCH_KEEP").is_none() {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// A realistic Tomcat log: ordinary lines, and every 50 000th an error.
fn write_log(path: &std::path::Path, megabytes: usize) {
    let file = std::fs::File::create(path).expect("log file");
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let mut written = 0;
    let mut line = 0u64;
    while written < megabytes * 1_000_000 {
        line += 1;
        let text = if line.is_multiple_of(50_000) {
            format!(
                "25-Nov-2026 10:{:02}:{:02}.{:03} INFO [http-nio-8080-exec-{}] org.apache.coyote.http11.Http11Processor.service Error parsing HTTP request header\n java.lang.IllegalArgumentException: Invalid character found in method name [0x160x030x010x020x000x010x000x010xfc0x030x03...]. HTTP method names must be tokens\n",
                line % 60,
                line % 60,
                line % 1000,
                line % 10
            )
        } else {
            format!(
                "25-Nov-2026 10:{:02}:{:02}.{:03} INFO [http-nio-8080-exec-{}] com.example.chat.ChatHandler.handleTextMessage session={:08x} delivered message of {} bytes to room {}\n",
                line % 60,
                line % 60,
                line % 1000,
                line % 10,
                line.wrapping_mul(2654435761),
                line % 4096,
                line % 97
            )
        };
        written += text.len();
        out.write_all(text.as_bytes()).expect("write log");
    }
    out.flush().expect("flush log");
}

/// The fastest of `runs` runs (the file is in the page cache for both).
fn best(runs: usize, command: &[&str]) -> Duration {
    (0..runs)
        .map(|_| {
            // Not /dev/null: GNU grep notices that and stops at the first match.
            let sink = std::fs::File::create(output_file()).expect("output file");
            let started = Instant::now();
            let status = Command::new(command[0])
                .args(&command[1..])
                .stdout(Stdio::from(sink))
                .status()
                .expect("tool runs");
            // explain-log and grep exit 1 when they find something or nothing.
            assert!(
                status.code().is_some_and(|c| c <= 1),
                "{command:?} failed: {status}"
            );
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn output_file() -> std::path::PathBuf {
    std::env::temp_dir().join(format!("handshake-bench-output-{}", std::process::id()))
}
