//! A `nats-server -js` for a test on a free loopback port and a temporary
//! store directory, killed and the directory removed when dropped. `None`
//! (with a notice) when the binary is missing, unless
//! `ESIGN_WEBHOOKS_REQUIRE_NATS` is set, which makes that a failure.
//! Plain `std`: the CLI's tests include this file too.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `nats-server` with JetStream.
pub struct NatsServer {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn binary() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([
            PathBuf::from("/usr/bin"),
            PathBuf::from("/usr/local/bin"),
            PathBuf::from("/usr/sbin"),
        ])
        .map(|dir| dir.join("nats-server"))
        .find(|candidate| candidate.is_file())
}

impl NatsServer {
    /// A fresh server (`name` tells test runs' directories apart), or `None`
    /// when nats-server is not installed (and not required).
    pub fn start(name: &str) -> Option<NatsServer> {
        if binary().is_none() {
            assert!(
                std::env::var_os("ESIGN_WEBHOOKS_REQUIRE_NATS").is_none(),
                "nats-server is required (ESIGN_WEBHOOKS_REQUIRE_NATS is set) but not installed"
            );
            eprintln!("NOTICE: nats-server not found on PATH; the NATS test is skipped");
            return None;
        }
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let dir = std::env::temp_dir().join(format!("esign-webhooks-nats-{name}-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let child = Self::spawn(port, &dir);
        let server = NatsServer { child, port, dir };
        server.wait();
        Some(server)
    }

    fn spawn(port: u16, dir: &Path) -> Child {
        Command::new(binary().unwrap())
            .args(["-js", "-a", "127.0.0.1", "-p", &port.to_string(), "-sd"])
            .arg(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("nats-server starts")
    }

    fn wait(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "nats-server did not start listening");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// SIGKILL, then a new server on the same port and store directory (JetStream recovers its streams).
    pub fn kill_and_restart(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.child = Self::spawn(self.port, &self.dir);
        self.wait();
    }

    /// The connection URL.
    pub fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }
}
