//! The real RabbitMQ (Debian's `rabbitmq-server`) with its Web-STOMP plugin:
//! the broker STOMP users put behind `new WebSocket("ws://…/ws")`.
//!
//! Private to the test: its own node name, data folder, Erlang cookie and
//! ports, every listener on 127.0.0.1 — AMQP, STOMP, Web-STOMP, the Erlang
//! distribution port and the port mapper (`epmd`), which is started here in
//! the foreground so it stops with the broker instead of staying behind as
//! a daemon.

use std::process::{Command, Stdio};

use crate::Scratch;
use crate::process::{Group, listening};
use crate::servers::free_port;

const SERVER: &str = "/usr/lib/rabbitmq/bin/rabbitmq-server";

/// A running broker, stopped when dropped (then its port mapper, then its
/// folder).
pub struct RabbitMq {
    /// The Web-STOMP port: `ws://127.0.0.1:{port}/ws`.
    pub web_stomp_port: u16,
    broker: Group,
    epmd: Group,
    dir: Scratch,
}

impl Drop for RabbitMq {
    fn drop(&mut self) {
        // The broker first: it is registered with the port mapper.
        self.broker.stop();
        self.epmd.stop();
    }
}

impl RabbitMq {
    /// Proof, for the coverage check, that what a test reads now comes
    /// from this running RabbitMq.
    pub fn live(&self) -> crate::coverage::Live<'_> {
        crate::coverage::Live::running(crate::coverage::Program::RabbitMq, &self.broker)
    }

    /// Starts the broker with the `rabbitmq_web_stomp` plugin and waits (at
    /// most 60 s) until it has started. Its default user is `guest` with
    /// password `guest`, allowed from loopback, with the one virtual host
    /// `/`.
    pub fn start() -> RabbitMq {
        let dir = Scratch::new("rabbitmq");
        let [amqp, stomp, web_stomp, dist, mapper] = [(); 5].map(|()| free_port());
        std::fs::write(
            dir.join("rabbitmq.conf"),
            format!(
                "listeners.tcp.default = 127.0.0.1:{amqp}\n\
                 stomp.listeners.tcp.1 = 127.0.0.1:{stomp}\n\
                 web_stomp.tcp.ip = 127.0.0.1\n\
                 web_stomp.tcp.port = {web_stomp}\n"
            ),
        )
        .expect("rabbitmq.conf");
        std::fs::write(dir.join("enabled_plugins"), "[rabbitmq_web_stomp].\n")
            .expect("enabled_plugins");
        let mapper_env = |command: &mut Command| {
            command
                .env("ERL_EPMD_PORT", mapper.to_string())
                .env("ERL_EPMD_ADDRESS", "127.0.0.1")
                .env("HOME", &*dir);
        };
        let mut epmd = Command::new("epmd");
        mapper_env(&mut epmd);
        epmd.stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let mut epmd = Group::spawn(&mut epmd, "epmd (apt-get install rabbitmq-server)");
        epmd.wait_until_ready("epmd", 10, || listening(&[mapper]), String::new);

        let console = dir.join("console.log");
        let log = std::fs::File::create(&console).expect("console log");
        let mut server = Command::new(SERVER);
        mapper_env(&mut server);
        server
            .env(
                "RABBITMQ_NODENAME",
                format!("handshake-{web_stomp}@localhost"),
            )
            .env("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .env("RABBITMQ_NODE_PORT", amqp.to_string())
            .env("RABBITMQ_DIST_PORT", dist.to_string())
            .env(
                "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS",
                "-kernel inet_dist_use_interface {127,0,0,1}",
            )
            .env("RABBITMQ_CONFIG_FILE", dir.join("rabbitmq.conf"))
            .env("RABBITMQ_ENABLED_PLUGINS_FILE", dir.join("enabled_plugins"))
            .env("RABBITMQ_MNESIA_BASE", dir.join("mnesia"))
            .env("RABBITMQ_LOG_BASE", dir.join("log"))
            .env("RABBITMQ_PID_FILE", dir.join("rabbitmq.pid"))
            .env("RABBITMQ_LOGS", "-")
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log"))
            .stderr(log);
        let mut broker = Group::spawn(
            &mut server,
            "rabbitmq-server (apt-get install rabbitmq-server)",
        );
        let console_text = || crate::read_lossy(&console);
        broker.wait_until_ready(
            "RabbitMQ",
            60,
            || console_text().contains("Server startup complete") && listening(&[web_stomp]),
            console_text,
        );
        RabbitMq {
            web_stomp_port: web_stomp,
            broker,
            epmd,
            dir,
        }
    }

    /// The Web-STOMP endpoint.
    pub fn url(&self) -> String {
        format!("ws://127.0.0.1:{}/ws", self.web_stomp_port)
    }

    /// What the broker printed: its log, where each refused CONNECT is
    /// explained.
    pub fn log(&self) -> String {
        crate::read_lossy(&self.dir.join("console.log"))
    }
}
