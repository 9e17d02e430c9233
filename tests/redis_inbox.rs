//! `inbox::RedisInbox` against a real `redis-server` on loopback, started by
//! the test with `appendonly yes` and `appendfsync always` in a temporary
//! directory: the inbox conformance suite, a SIGKILL and restart of the
//! server (nothing pushed is lost), and a fleet of receivers and workers.
//! Without the binary the tests print a notice and pass, unless
//! `ESIGN_WEBHOOKS_REQUIRE_REDIS` is set (as `.ci/run` does), in which case
//! they fail.
#![cfg(all(feature = "redis", feature = "inbox", feature = "conformance"))]

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use esign_webhooks::dedup::{AsyncDeduplicator, RedisStore};
use esign_webhooks::inbox::{Inbox, Receiver, RedisInbox, Worker, conformance};
use esign_webhooks::{AsyncHandlers, Secret, Webhooks, constellation};

/// A durable `redis-server` child (AOF, fsync on every write), killed and its directory removed when dropped.
struct Server {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn redis_binary() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/bin"), PathBuf::from("/usr/local/bin")])
        .map(|dir| dir.join("redis-server"))
        .find(|candidate| candidate.is_file())
}

impl Server {
    fn start() -> Option<Server> {
        if redis_binary().is_none() {
            assert!(
                std::env::var_os("ESIGN_WEBHOOKS_REQUIRE_REDIS").is_none(),
                "redis-server is required (ESIGN_WEBHOOKS_REQUIRE_REDIS is set) but not installed"
            );
            eprintln!("NOTICE: redis-server not found on PATH; the Redis inbox test is skipped");
            return None;
        }
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let dir = std::env::temp_dir().join(format!("esign-webhooks-redis-inbox-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let child = Self::spawn(port, &dir);
        let server = Server { child, port, dir };
        server.wait();
        Some(server)
    }

    fn spawn(port: u16, dir: &std::path::Path) -> Child {
        Command::new(redis_binary().unwrap())
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1", "--save", ""])
            .args(["--appendonly", "yes", "--appendfsync", "always"])
            .arg("--dir")
            .arg(dir)
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
        let url = self.url();
        while Command::new("redis-cli")
            .args(["-u", &url, "PING"])
            .output()
            .is_ok_and(|out| !String::from_utf8_lossy(&out.stdout).contains("PONG"))
        {
            assert!(Instant::now() < deadline, "redis-server did not load its data");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// SIGKILL, then a new server on the same port and directory (its AOF is replayed).
    fn kill_and_restart(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.child = Self::spawn(self.port, &self.dir);
        self.wait();
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn redis_inbox_passes_the_inbox_conformance_suite_and_survives_a_sigkill() {
    let Some(mut server) = Server::start() else { return };
    let rt = runtime();
    let inbox = rt.block_on(async { RedisInbox::open(&server.url()).unwrap().with_prefix("conformance:") });
    rt.block_on(conformance::run(&inbox));
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let (done_tx, done_rx) = tokio::sync::oneshot::channel::<()>();
    let server = &mut server;
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let _ = rx.recv();
            server.kill_and_restart();
            let _ = done_tx.send(());
        });
        rt.block_on(conformance::engine_restart(&inbox, || async move {
            let _ = tx.send(());
            let _ = done_rx.await;
        }));
    });
}

#[test]
fn redis_inbox_fleet_runs_each_event_once() {
    let Some(server) = Server::start() else { return };
    runtime().block_on(async {
        let inbox: Arc<dyn Inbox> = Arc::new(RedisInbox::open(&server.url()).unwrap().with_prefix("fleet:"));
        let webhooks = Arc::new(
            Webhooks::builder()
                .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
                .build()
                .unwrap(),
        );
        let receivers: Vec<Receiver> = (0..2).map(|_| Receiver::new(webhooks.clone(), inbox.clone())).collect();
        for n in 0..30usize {
            let body = format!(
                r#"{{"Data":{{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-{n:012}","Type":"SessionStatus","Status":3}}}}"#
            );
            for receiver in &receivers {
                let handoff = receiver.receive(body.as_bytes(), &[("x-token", "t")]).await.unwrap();
                assert_eq!(handoff.status(), 200);
            }
        }
        let url = server.url();
        let store = tokio::task::spawn_blocking(move || RedisStore::open(&url).unwrap()).await.unwrap();
        let runs = Arc::new(AtomicUsize::new(0));
        let mut handlers = AsyncHandlers::new();
        let count = runs.clone();
        handlers.on_any(move |_| {
            let count = count.clone();
            async move {
                count.fetch_add(1, Ordering::SeqCst);
                Ok(())
            }
        });
        handlers.deduplicate_with(AsyncDeduplicator::new(store));
        let handlers = Arc::new(handlers);
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let workers: Vec<_> = (0..3)
            .map(|_| {
                // Each worker its own inbox value: its own consumer in the group.
                let inbox: Arc<dyn Inbox> = Arc::new(RedisInbox::open(&server.url()).unwrap().with_prefix("fleet:"));
                let worker = Worker::new(inbox, handlers.clone()).with_poll_wait(Duration::from_millis(200));
                let mut stopped = stopped.clone();
                tokio::spawn(async move {
                    worker
                        .run(async move {
                            let _ = stopped.wait_for(|stop| *stop).await;
                        })
                        .await
                })
            })
            .collect();
        let start = Instant::now();
        while runs.load(Ordering::SeqCst) < 30 && start.elapsed() < Duration::from_secs(30) {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let _ = stop.send(true);
        let mut handled = 0;
        for worker in workers {
            handled += worker.await.unwrap().handled;
        }
        assert_eq!(runs.load(Ordering::SeqCst), 30, "once per event");
        assert_eq!(handled, 60, "every copy acknowledged");
    });
}
