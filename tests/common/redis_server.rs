//! A durable `redis-server` for a test (AOF, fsync on every write) on a free
//! loopback port and a temporary directory, killed and the directory removed
//! when dropped. `None` (with a notice) when the binary is missing, unless
//! `ESIGN_WEBHOOKS_REQUIRE_REDIS` is set, which makes that a failure.
//! Plain `std`: the CLI's tests include this file too.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `redis-server`.
pub struct RedisServer {
    child: Child,
    port: u16,
    dir: PathBuf,
    extra: Vec<String>,
    password: Option<String>,
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn binary() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/bin"), PathBuf::from("/usr/local/bin")])
        .map(|dir| dir.join("redis-server"))
        .find(|candidate| candidate.is_file())
}

impl RedisServer {
    /// A fresh server with `extra` arguments (`--requirepass` is noted, for
    /// [`url`](Self::url)), or `None` when redis-server is not installed (and not required).
    pub fn start(extra: &[&str]) -> Option<RedisServer> {
        if binary().is_none() {
            assert!(
                std::env::var_os("ESIGN_WEBHOOKS_REQUIRE_REDIS").is_none(),
                "redis-server is required (ESIGN_WEBHOOKS_REQUIRE_REDIS is set) but not installed"
            );
            eprintln!("NOTICE: redis-server not found on PATH; the Redis test is skipped");
            return None;
        }
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let dir = std::env::temp_dir().join(format!("esign-webhooks-redis-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let extra: Vec<String> = extra.iter().map(|arg| (*arg).to_owned()).collect();
        let password = extra
            .iter()
            .position(|arg| arg == "--requirepass")
            .and_then(|i| extra.get(i + 1).cloned());
        let child = Self::spawn(port, &dir, &extra);
        let server = RedisServer {
            child,
            port,
            dir,
            extra,
            password,
        };
        server.wait();
        Some(server)
    }

    fn spawn(port: u16, dir: &Path, extra: &[String]) -> Child {
        Command::new(binary().unwrap())
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1", "--save", ""])
            .args(["--appendonly", "yes", "--appendfsync", "always"])
            .arg("--dir")
            .arg(dir)
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("redis-server starts")
    }

    fn wait(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "redis-server did not start listening");
            std::thread::sleep(Duration::from_millis(20));
        }
        // Listening comes before the AOF is loaded: wait until it answers.
        let mut ping = Command::new("redis-cli");
        ping.args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "--no-auth-warning"]);
        if let Some(password) = &self.password {
            ping.args(["-a", password]);
        }
        ping.arg("PING");
        while ping
            .output()
            .is_ok_and(|out| !String::from_utf8_lossy(&out.stdout).contains("PONG"))
        {
            assert!(Instant::now() < deadline, "redis-server did not load its data");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// SIGKILL, then a new server on the same port and directory (its AOF is replayed).
    pub fn kill_and_restart(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.child = Self::spawn(self.port, &self.dir, &self.extra);
        self.wait();
    }

    /// The connection URL, with the password when there is one.
    pub fn url(&self) -> String {
        match &self.password {
            Some(password) => format!("redis://:{password}@127.0.0.1:{}", self.port),
            None => format!("redis://127.0.0.1:{}", self.port),
        }
    }
}
