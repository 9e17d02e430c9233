//! A PostgreSQL server for a test: `initdb` into a temporary directory (as
//! `nobody` when run as root, which initdb refuses), started on a free
//! loopback port, stopped and removed when dropped. `None` (with a notice)
//! when the binaries are missing, unless `ESIGN_WEBHOOKS_REQUIRE_POSTGRES`
//! is set, which makes that a failure. Start it outside an async runtime.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The server binaries' directory: `initdb` on PATH, or Debian's /usr/lib/postgresql/<version>/bin.
fn binaries() -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default();
    let mut debian: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|dirs| dirs.filter_map(|d| d.ok()).map(|d| d.path().join("bin")).collect())
        .unwrap_or_default();
    debian.sort();
    debian.reverse();
    on_path
        .into_iter()
        .chain(debian)
        .find(|dir| dir.join("initdb").is_file() && dir.join("postgres").is_file())
}

fn unprivileged() -> Option<(u32, u32)> {
    let id = |flag: &str| -> Option<u32> {
        let out = Command::new("id").args([flag, "nobody"]).output().ok()?;
        String::from_utf8_lossy(&out.stdout).trim().parse().ok()
    };
    let me = Command::new("id").arg("-u").output().ok()?;
    if String::from_utf8_lossy(&me.stdout).trim() != "0" {
        return None;
    }
    Some((id("-u")?, id("-g")?))
}

/// A running PostgreSQL server.
pub struct PgServer {
    child: Option<Child>,
    bin: PathBuf,
    data: PathBuf,
    port: u16,
    user: Option<(u32, u32)>,
}

impl PgServer {
    /// A fresh server, or `None` when PostgreSQL is not installed (and not required).
    pub fn start() -> Option<PgServer> {
        let Some(bin) = binaries() else {
            assert!(
                std::env::var_os("ESIGN_WEBHOOKS_REQUIRE_POSTGRES").is_none(),
                "PostgreSQL is required (ESIGN_WEBHOOKS_REQUIRE_POSTGRES is set) but initdb/postgres are not installed"
            );
            eprintln!("NOTICE: initdb/postgres not found; the PostgreSQL test is skipped");
            return None;
        };
        let user = unprivileged();
        let root = std::env::temp_dir().join(format!("esign-webhooks-pgi-{}-{}", std::process::id(), uuid()));
        std::fs::create_dir_all(&root).unwrap();
        if let Some((uid, gid)) = user {
            std::os::unix::fs::chown(&root, Some(uid), Some(gid)).unwrap();
        }
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let mut server = PgServer {
            child: None,
            bin,
            data: root.join("data"),
            port,
            user,
        };
        let status = server
            .command("initdb")
            .arg("-D")
            .arg(&server.data)
            .args(["-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"])
            .current_dir(Path::new("/"))
            .status()
            .expect("initdb runs");
        assert!(status.success(), "initdb failed");
        server.run();
        Some(server)
    }

    fn command(&self, program: &str) -> Command {
        let mut command = Command::new(self.bin.join(program));
        if let Some((uid, gid)) = self.user {
            command.uid(uid).gid(gid);
        }
        command.stdout(Stdio::null()).stderr(Stdio::null());
        command
    }

    /// Starts the server (durable: fsync and synchronous commits on) and waits until it accepts connections.
    fn run(&mut self) {
        let child = self
            .command("postgres")
            .arg("-D")
            .arg(&self.data)
            .args(["-p", &self.port.to_string(), "-c", "listen_addresses=127.0.0.1"])
            .arg("-c")
            .arg(format!("unix_socket_directories={}", self.data.display()))
            .spawn()
            .expect("postgres starts");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let url = self.url();
            let ready = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap()
                .block_on(async move { tokio_postgres::connect(&url, tokio_postgres::NoTls).await.is_ok() });
            if ready {
                return;
            }
            assert!(Instant::now() < deadline, "postgres did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Stops the server: a fast shutdown (SIGINT), or SIGKILL with `kill`.
    pub fn stop(&mut self, kill: bool) {
        if let Some(mut child) = self.child.take() {
            let signal = if kill { "-KILL" } else { "-INT" };
            let _ = Command::new("kill").args([signal, &child.id().to_string()]).status();
            let deadline = Instant::now() + Duration::from_secs(20);
            while child.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Stops (SIGKILL when `kill`) and starts the server again on the same port and data.
    pub fn restart(&mut self, kill: bool) {
        self.stop(kill);
        self.run();
    }

    /// The connection string.
    pub fn url(&self) -> String {
        format!("postgresql://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for PgServer {
    fn drop(&mut self) {
        self.stop(false);
        let _ = std::fs::remove_dir_all(self.data.parent().unwrap_or(&self.data));
    }
}

fn uuid() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{nanos:x}")
}
