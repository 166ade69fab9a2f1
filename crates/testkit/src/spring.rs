//! The real Spring Boot application in `tests/spring` (a raw WebSocket echo
//! at `/ws`, STOMP at `/stomp`, STOMP over SockJS at `/sockjs`), built by
//! Maven for each Boot line users run and started the way a user starts
//! it: `java -jar`, with the configuration files Handshake generated and,
//! when there is one, `ssl.env` sourced as NEXT-STEPS.md says
//! (`set -a; . ./ssl.env; set +a`).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::SystemTime;

use crate::process::Group;

/// A Spring Boot line the test application is built for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Boot {
    /// 3.5.x, the last 3.x line.
    V3_5,
    /// 4.0.x.
    V4_0,
}

impl Boot {
    /// Every line, oldest first.
    pub const ALL: [Boot; 2] = [Boot::V3_5, Boot::V4_0];

    /// The exact version built (the newest Maven Central serves here).
    pub fn version(self) -> &'static str {
        match self {
            Boot::V3_5 => "3.5.7",
            Boot::V4_0 => "4.0.7",
        }
    }

    /// The line, as `handshake generate spring --boot` takes it.
    pub fn line(self) -> &'static str {
        match self {
            Boot::V3_5 => "3.5",
            Boot::V4_0 => "4.0",
        }
    }
}

/// The application's source folder.
fn project() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/spring")
}

/// The newest modification time under `path`.
fn newest(path: &Path) -> SystemTime {
    let own = std::fs::metadata(path)
        .and_then(|meta| meta.modified())
        .unwrap_or(SystemTime::UNIX_EPOCH);
    let children = std::fs::read_dir(path)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| newest(&entry.path()));
    children.fold(own, SystemTime::max)
}

/// The application's jar for `boot`, built by Maven when missing or older
/// than its sources (`./dev test` builds both first; the first build
/// fetches the dependencies from Maven Central, later ones are offline).
pub fn jar(boot: Boot) -> PathBuf {
    static BUILDING: Mutex<()> = Mutex::new(());
    let _one_at_a_time = BUILDING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let project = project();
    let jar = project.join(format!("target/{}/handshake-testapp.jar", boot.version()));
    let built = std::fs::metadata(&jar)
        .and_then(|meta| meta.modified())
        .ok();
    let sources = newest(&project.join("src")).max(newest(&project.join("pom.xml")));
    if built.is_some_and(|built| built >= sources) {
        return jar;
    }
    let output = Command::new("mvn")
        .args([
            "-B",
            "-q",
            "package",
            &format!("-Dboot.version={}", boot.version()),
        ])
        .current_dir(&project)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|error| panic!("mvn runs (apt-get install maven): {error}"));
    assert!(
        output.status.success() && jar.exists(),
        "the Spring Boot {} test application did not build:\n{}{}",
        boot.version(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    jar
}

/// How a start ended.
pub enum Started {
    /// The application is up (Spring logged "Started TestApp").
    Running(Spring),
    /// It exited before that; its console, which holds Spring's reason.
    Failed(crate::coverage::Said),
}

/// A running Spring Boot application, stopped when dropped (SIGTERM: Spring
/// shuts down gracefully, then its whole process group).
pub struct Spring {
    process: Group,
    console: PathBuf,
}

impl Spring {
    /// Proof, for the coverage check, that what a test reads now comes
    /// from this running Spring.
    pub fn live(&self) -> crate::coverage::Live<'_> {
        crate::coverage::Live::running(crate::coverage::Program::SpringBoot, &self.process)
    }

    /// Starts the application for `boot` in `dir` (its working folder,
    /// where its console is kept as `spring-console.log`), with `args`
    /// (e.g. `--spring.config.location=file:./fix/application.properties`)
    /// and, when `env_file` is given, that file sourced first. Waits at most
    /// 120 s for Spring to start or the process to exit.
    pub fn start(boot: Boot, dir: &Path, env_file: Option<&Path>, args: &[&str]) -> Started {
        let jar = jar(boot);
        let console = dir.join("spring-console.log");
        let log = std::fs::File::create(&console).expect("console log");
        // Exactly what NEXT-STEPS.md tells the user to type, then `exec`, so
        // the JVM leads the process group.
        let script = "if [ -n \"$1\" ]; then set -a; . \"$1\"; set +a; fi; shift; exec java \"$@\"";
        let mut command = Command::new("sh");
        command
            .args(["-c", script, "sh"])
            .arg(env_file.map(Path::to_path_buf).unwrap_or_default())
            .args([
                // Start-up speed for a short-lived test server.
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-jar",
            ])
            .arg(&jar)
            .args(args)
            // Never on another interface, whatever the files say.
            .arg("--server.address=127.0.0.1")
            .current_dir(dir)
            .env_remove("SSL_KEYSTORE_PASSWORD")
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log);
        let mut process = Group::spawn(
            &mut command,
            "java (apt-get install openjdk-17-jdk-headless)",
        );
        let read = crate::read_lossy;
        let started = process.wait_ready(
            &format!("Spring Boot {}", boot.version()),
            120,
            || read(&console).contains("Started TestApp in"),
            || read(&console),
        );
        if started {
            Started::Running(Spring { process, console })
        } else {
            process.stop();
            Started::Failed(crate::coverage::Said::new(
                crate::coverage::Program::SpringBoot,
                read(&console),
            ))
        }
    }

    /// Starts it and panics with the console when it does not come up.
    pub fn run(boot: Boot, dir: &Path, env_file: Option<&Path>, args: &[&str]) -> Spring {
        match Spring::start(boot, dir, env_file, args) {
            Started::Running(spring) => spring,
            Started::Failed(console) => {
                panic!(
                    "Spring Boot {} exited at start-up:\n{console}",
                    boot.version()
                )
            }
        }
    }

    /// Everything the application printed so far.
    pub fn console(&self) -> String {
        crate::read_lossy(&self.console)
    }

    /// Stops it now (dropping it does the same).
    pub fn stop(&mut self) {
        self.process.stop();
    }
}
