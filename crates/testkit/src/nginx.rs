//! The real nginx (Debian's package), started on loopback with a private
//! prefix and configuration written by the test.

use std::path::Path;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::process::{Group, listening};

/// A running nginx, stopped (and its prefix removed) when dropped.
pub struct Nginx {
    process: Group,
    dir: PathBuf,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // Stopped before its files go: it may still write its log.
        self.process.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Nginx {
    /// Proof, for the coverage check, that what a test reads now comes
    /// from this running Nginx.
    pub fn live(&self) -> crate::coverage::Live<'_> {
        crate::coverage::Live::running(crate::coverage::Program::Nginx, &self.process)
    }

    /// Starts nginx with `servers` (server blocks) in a private prefix and
    /// waits until every port in `ports` accepts connections.
    pub fn start(servers: &str, ports: &[u16]) -> Nginx {
        let dir = std::env::temp_dir().join(format!(
            "handshake-nginx-{}-{}",
            std::process::id(),
            ports[0]
        ));
        write_config(&dir, servers);
        let process = Group::spawn(
            nginx_in(&dir)
                .args(["-g", "daemon off; master_process off;"])
                .stdout(Stdio::null())
                .stderr(Stdio::inherit()),
            "nginx (apt-get install nginx)",
        );
        let mut nginx = Nginx { process, dir };
        let log = nginx.dir.join("error.log");
        nginx.process.wait_until_ready(
            "nginx",
            10,
            || listening(ports),
            || crate::read_lossy(&log),
        );
        nginx
    }

    pub fn log(&self) -> String {
        crate::read_lossy(&self.dir.join("error.log"))
    }

    /// The access log so far.
    pub fn access_log(&self) -> String {
        crate::read_lossy(&self.dir.join("access.log"))
    }

    /// nginx answering 200 `ok` on two ports of its own: HTTPS for
    /// `localhost` with a leaf of `ca` (its files written to `dir`), and
    /// plain HTTP. Returns it with the two ports.
    pub fn https_and_http(dir: &Path, ca: &crate::pki::Ca) -> (Nginx, u16, u16) {
        let (cert, key) = ca.leaf(&["localhost"], -1, 200).write_pem(dir);
        let (tls, plain) = (crate::servers::free_port(), crate::servers::free_port());
        let nginx = Nginx::start(
            &format!(
                "server {{ listen 127.0.0.1:{tls} ssl; ssl_certificate {}; ssl_certificate_key {}; location / {{ return 200 'ok'; }} }}\n\
                 server {{ listen 127.0.0.1:{plain}; location / {{ return 200 'ok'; }} }}\n",
                cert.display(),
                key.display()
            ),
            &[tls, plain],
        );
        (nginx, tls, plain)
    }
}

/// Runs `nginx -t` on `http_content` (what goes in the http block) in a
/// private prefix: `Ok` when nginx accepts it, else what nginx said.
pub fn test_config(http_content: &str) -> Result<(), crate::coverage::Said> {
    // A folder of its own: tests run `nginx -t` in parallel.
    let scratch = tempfile::Builder::new()
        .prefix("handshake-nginx-t-")
        .tempdir()
        .expect("scratch dir");
    let dir = scratch.path();
    write_config(dir, http_content);
    let output = nginx_in(dir)
        .arg("-t")
        .output()
        .expect("nginx runs (apt-get install nginx)");
    if output.status.success() {
        Ok(())
    } else {
        Err(crate::coverage::Said::new(
            crate::coverage::Program::Nginx,
            String::from_utf8_lossy(&output.stderr).into_owned(),
        ))
    }
}

/// nginx with its prefix, config and error log in `dir`.
fn nginx_in(dir: &Path) -> Command {
    let d = dir.display();
    let mut command = Command::new(nginx_binary());
    command.args([
        "-p",
        &format!("{d}/"),
        "-c",
        &format!("{d}/nginx.conf"),
        "-e",
        &format!("{d}/error.log"),
    ]);
    command
}

/// A main config in `dir` with every path inside it and `http_content` in
/// the http block.
fn write_config(dir: &Path, http_content: &str) {
    std::fs::create_dir_all(dir.join("tmp")).expect("nginx dir");
    let d = dir.display();
    let config = format!(
        "pid {d}/nginx.pid;\nerror_log {d}/error.log info;\nevents {{ worker_connections 64; }}\nhttp {{\n  access_log {d}/access.log;\n  client_body_temp_path {d}/tmp/body;\n  proxy_temp_path {d}/tmp/proxy;\n  fastcgi_temp_path {d}/tmp/fastcgi;\n  uwsgi_temp_path {d}/tmp/uwsgi;\n  scgi_temp_path {d}/tmp/scgi;\n{http_content}\n}}\n"
    );
    std::fs::write(dir.join("nginx.conf"), config).expect("nginx.conf");
}

fn nginx_binary() -> &'static str {
    if Path::new("/usr/sbin/nginx").exists() {
        "/usr/sbin/nginx"
    } else {
        "nginx"
    }
}
