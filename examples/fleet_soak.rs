//! A bounded fleet soak on loopback, in separate processes: a durable
//! engine as the inbox (`--engine redis|postgres|nats`, default redis), R
//! receiver processes (axum + `inbox::Receiver`), W worker processes
//! (`inbox::Worker`), and this coordinator sending Constellation1
//! deliveries with copies, as a vendor would: it retries any non-2xx answer
//! or broken connection on another receiver. Mid-run it SIGKILLs one
//! receiver and one worker (and starts replacements) and SIGKILLs and
//! restarts the engine once. At the end it prints events lost, 2xx answered
//! before a durable hand-off, double runs, throughput and the p50/p99 of the
//! vendor-facing answer.
//!
//! The engines, each durable and restarted on its own data:
//! - `redis`: `redis-server` with AOF and `appendfsync always`; inbox and
//!   dedup store on it.
//! - `postgres`: a throwaway cluster (`initdb`, as `nobody` when run as root;
//!   fsync and synchronous commits on); inbox and dedup store on it; the
//!   postmaster is SIGKILLed and started again on the same data directory.
//! - `nats`: `nats-server -js -sd <dir>` as the inbox; the dedup store is a
//!   durable `redis-server` beside it (there is no NATS dedup store), which
//!   is not restarted: the fault injected is the inbox engine's.
//!
//! ```sh
//! # short (CI): 2 000 deliveries, 30% copies, empty callback, then a 2 s callback
//! cargo run --release --example fleet_soak --features inbox,redis,postgres,nats -- --engine redis --deliveries 2000 --callback-ms 0
//! cargo run --release --example fleet_soak --features inbox,redis,postgres,nats -- --engine postgres --deliveries 2000 --callback-ms 2000
//! # long: 100 000 deliveries
//! cargo run --release --example fleet_soak --features inbox,redis,postgres,nats -- --engine nats --deliveries 100000 --callback-ms 2000 --worker-concurrency 1024
//! ```
//!
//! Needs `redis-server` (redis, nats), `initdb`/`postgres` (on PATH or in
//! /usr/lib/postgresql/<version>/bin) or `nats-server`. Exits non-zero when
//! an event was lost.

use std::collections::HashMap;
use std::io::Write;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use esign_webhooks::dedup::{AsyncDeduplicator, PostgresStore, RedisStore};
use esign_webhooks::inbox::{Inbox, NatsInbox, PostgresInbox, Receiver, RedisInbox, Worker};
use esign_webhooks::{AsyncHandlers, Secret, Webhooks, constellation};

const RECEIVERS: usize = 2;
const WORKERS: usize = 2;
const CONCURRENCY: usize = 64;

/// The inbox engine under test.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Engine {
    Redis,
    Postgres,
    Nats,
}

impl Engine {
    fn parse(name: &str) -> Option<Engine> {
        match name {
            "redis" => Some(Engine::Redis),
            "postgres" => Some(Engine::Postgres),
            "nats" => Some(Engine::Nats),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Engine::Redis => "redis",
            Engine::Postgres => "postgres",
            Engine::Nats => "nats",
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |name: &str| -> Option<String> {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let Some(engine) = Engine::parse(&arg("--engine").unwrap_or_else(|| "redis".to_owned())) else {
        eprintln!("--engine must be redis, postgres or nats");
        return ExitCode::FAILURE;
    };
    let url = arg("--url").unwrap_or_default();
    let dedup = arg("--dedup").unwrap_or_default();
    // Callbacks each worker runs at once: with 2-second callbacks, two
    // workers of 256 finish 256 events a second.
    let worker_concurrency: usize = arg("--worker-concurrency").and_then(|v| v.parse().ok()).unwrap_or(256);
    match args.first().map(String::as_str) {
        Some("receiver") => receiver(engine, &url, &arg("--port").unwrap_or_default()),
        Some("worker") => worker(
            engine,
            &url,
            &dedup,
            Path::new(&arg("--dir").unwrap_or_default()),
            arg("--callback-ms").and_then(|v| v.parse().ok()).unwrap_or(0),
            worker_concurrency,
        ),
        _ => coordinator(
            engine,
            arg("--deliveries").and_then(|v| v.parse().ok()).unwrap_or(2000),
            arg("--callback-ms").and_then(|v| v.parse().ok()).unwrap_or(0),
            worker_concurrency,
        ),
    }
}

/// The inbox on the engine. A NATS connection is retried: a process may
/// start while the server is being restarted.
async fn open_inbox(engine: Engine, url: &str) -> Arc<dyn Inbox> {
    match engine {
        Engine::Redis => Arc::new(RedisInbox::open(url).expect("redis url").with_prefix("soak:")),
        Engine::Postgres => Arc::new(PostgresInbox::open(url).expect("postgres url")),
        Engine::Nats => {
            let deadline = Instant::now() + Duration::from_secs(30);
            loop {
                match NatsInbox::connect(url).await {
                    Ok(inbox) => return Arc::new(inbox),
                    Err(err) if Instant::now() > deadline => panic!("nats: {err}"),
                    Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
                }
            }
        }
    }
}

fn webhooks() -> Arc<Webhooks> {
    Arc::new(
        Webhooks::builder()
            .constellation(constellation::Verifier::header_token(
                "x-token",
                Secret::new("soak-token"),
            ))
            .build()
            .expect("configuration"),
    )
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
}

/// A receiver process: POST / verifies and hands off.
fn receiver(engine: Engine, url: &str, port: &str) -> ExitCode {
    runtime().block_on(async {
        let inbox = open_inbox(engine, url).await;
        let receiver = Arc::new(Receiver::new(webhooks(), inbox));
        let app = axum::Router::new().route(
            "/",
            axum::routing::post(move |headers: axum::http::HeaderMap, body: axum::body::Bytes| {
                let receiver = receiver.clone();
                async move {
                    let answer = match receiver.receive(&body, &headers).await {
                        Ok(handoff) => handoff.response(),
                        Err(err) => err.response(),
                    };
                    let (parts, body) = answer.into_parts();
                    axum::http::Response::from_parts(parts, axum::body::Body::from(body))
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}"))
            .await
            .expect("bind");
        axum::serve(listener, app).await.expect("serve");
    });
    ExitCode::SUCCESS
}

/// A worker process: each run appends the session id to its own file.
fn worker(engine: Engine, url: &str, dedup: &str, dir: &Path, callback_ms: u64, concurrency: usize) -> ExitCode {
    // The dedup store lives on the engine, except for NATS (a redis-server beside it).
    let store = match engine {
        Engine::Postgres => AsyncDeduplicator::new(PostgresStore::open(url).expect("postgres url")),
        Engine::Redis | Engine::Nats => AsyncDeduplicator::new(
            RedisStore::open(if engine == Engine::Redis { url } else { dedup })
                .expect("redis url")
                .with_key_prefix("soak:dedup:"),
        ),
    };
    let path = dir.join(format!("runs-{}.log", std::process::id()));
    let file = Arc::new(std::sync::Mutex::new(
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .expect("runs file"),
    ));
    runtime().block_on(async {
        let inbox = open_inbox(engine, url).await;
        let mut handlers = AsyncHandlers::new();
        handlers.on_any(move |event| {
            let file = file.clone();
            async move {
                tokio::time::sleep(Duration::from_millis(callback_ms)).await;
                let id = match &event {
                    esign_webhooks::registry::ConfirmedEvent::Constellation(update) => {
                        update.data.signing_session_id.to_string()
                    }
                    _ => "other".to_owned(),
                };
                let mut file = file.lock().map_err(|_| esign_webhooks::HandlerError::msg("poisoned"))?;
                writeln!(file, "{id}").map_err(esign_webhooks::HandlerError::from)?;
                Ok(())
            }
        });
        handlers.deduplicate_with(store.with_lease(Duration::from_secs(10)));
        let worker = Worker::new(inbox, Arc::new(handlers))
            .with_concurrency(concurrency)
            .with_lease(Duration::from_secs(10))
            .with_poll_wait(Duration::from_millis(200));
        worker.run(std::future::pending()).await;
    });
    ExitCode::SUCCESS
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

// The child is returned to the caller, which kills and waits for it (`kill`).
#[allow(clippy::zombie_processes)]
fn spawn_redis(port: u16, dir: &Path) -> Child {
    let child = Command::new("redis-server")
        .args(["--port", &port.to_string(), "--bind", "127.0.0.1", "--save", ""])
        .args(["--appendonly", "yes", "--appendfsync", "always"])
        .arg("--dir")
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("redis-server on PATH");
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let ok = Command::new("redis-cli")
            .args(["-p", &port.to_string(), "PING"])
            .output()
            .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains("PONG"));
        if ok || Instant::now() > deadline {
            return child;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The server binaries' directory for PostgreSQL: `initdb` on PATH, or
/// Debian's /usr/lib/postgresql/<version>/bin (newest first).
fn postgres_binaries() -> PathBuf {
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
        .expect("initdb and postgres (PATH or /usr/lib/postgresql/*/bin)")
}

/// `nobody`'s uid and gid when we run as root (initdb and postgres refuse root).
fn unprivileged() -> Option<(u32, u32)> {
    let id = |args: &[&str]| -> Option<u32> {
        let out = Command::new("id").args(args).output().ok()?;
        String::from_utf8_lossy(&out.stdout).trim().parse().ok()
    };
    if id(&["-u"])? != 0 {
        return None;
    }
    Some((id(&["-u", "nobody"])?, id(&["-g", "nobody"])?))
}

/// The engine's server process(es), restartable on the same data.
struct EngineServer {
    engine: Engine,
    port: u16,
    dir: PathBuf,
    child: Child,
    /// NATS only: the redis-server holding the dedup store (never restarted).
    dedup: Option<(u16, Child)>,
}

impl EngineServer {
    fn start(engine: Engine, dir: &Path) -> EngineServer {
        let port = free_port();
        let dir = dir.join(engine.name());
        std::fs::create_dir_all(&dir).expect("engine dir");
        let mut dedup = None;
        if engine == Engine::Postgres {
            let user = unprivileged();
            if let Some((uid, gid)) = user {
                std::os::unix::fs::chown(&dir, Some(uid), Some(gid)).expect("chown the postgres dir");
            }
            let mut initdb = Command::new(postgres_binaries().join("initdb"));
            if let Some((uid, gid)) = user {
                initdb.uid(uid).gid(gid);
            }
            let status = initdb
                .arg("-D")
                .arg(dir.join("data"))
                .args(["-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"])
                .current_dir("/")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .expect("initdb runs");
            assert!(status.success(), "initdb failed");
        }
        if engine == Engine::Nats {
            let redis_port = free_port();
            let redis_dir = dir.join("dedup");
            std::fs::create_dir_all(&redis_dir).expect("dedup dir");
            dedup = Some((redis_port, spawn_redis(redis_port, &redis_dir)));
        }
        let child = Self::spawn(engine, port, &dir);
        let server = EngineServer {
            engine,
            port,
            dir,
            child,
            dedup,
        };
        server.wait();
        server
    }

    // The child is kept in the server and killed and waited for in `kill`.
    #[allow(clippy::zombie_processes)]
    fn spawn(engine: Engine, port: u16, dir: &Path) -> Child {
        match engine {
            Engine::Redis => spawn_redis(port, dir),
            Engine::Postgres => {
                let data = dir.join("data");
                let mut command = Command::new(postgres_binaries().join("postgres"));
                if let Some((uid, gid)) = unprivileged() {
                    command.uid(uid).gid(gid);
                }
                // fsync and synchronous_commit stay at their durable defaults.
                command
                    .arg("-D")
                    .arg(&data)
                    .args(["-p", &port.to_string(), "-c", "listen_addresses=127.0.0.1"])
                    .args(["-c", "max_connections=200"])
                    .arg("-c")
                    .arg(format!("unix_socket_directories={}", data.display()))
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .expect("postgres starts")
            }
            Engine::Nats => Command::new("nats-server")
                .args(["-js", "-a", "127.0.0.1", "-p", &port.to_string(), "-sd"])
                .arg(dir.join("js"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("nats-server on PATH"),
        }
    }

    /// Until the engine serves (and, for PostgreSQL, the tables exist:
    /// the migrations are idempotent, so they double as the readiness probe).
    fn wait(&self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        let url = self.url();
        loop {
            let ready = match self.engine {
                Engine::Redis => true, // spawn_redis already waited for PONG
                Engine::Nats => std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok(),
                Engine::Postgres => {
                    let store = PostgresStore::open(&url).expect("postgres url");
                    store.migrate().is_ok()
                        && tokio::runtime::Builder::new_current_thread()
                            .enable_all()
                            .build()
                            .expect("runtime")
                            .block_on(async { PostgresInbox::open(&url).expect("postgres url").migrate().await })
                            .is_ok()
                }
            };
            if ready {
                return;
            }
            assert!(Instant::now() < deadline, "the engine did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// SIGKILL (the postmaster for PostgreSQL), then start again on the same port and data.
    fn kill_and_restart(&mut self) {
        kill(&mut self.child);
        if self.engine == Engine::Postgres {
            // The postmaster's children notice its death and exit; the new
            // postmaster refuses to start while they hold the shared memory,
            // so wait() retries until it serves.
            std::thread::sleep(Duration::from_millis(200));
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            self.child = Self::spawn(self.engine, self.port, &self.dir);
            std::thread::sleep(Duration::from_millis(300));
            match self.child.try_wait() {
                Ok(Some(_)) if Instant::now() < deadline => continue, // exited: old backends still around
                _ => break,
            }
        }
        self.wait();
    }

    fn stop(&mut self) {
        kill(&mut self.child);
        if let Some((_, child)) = &mut self.dedup {
            kill(child);
        }
    }

    fn url(&self) -> String {
        match self.engine {
            Engine::Redis => format!("redis://127.0.0.1:{}", self.port),
            Engine::Postgres => format!("postgresql://postgres@127.0.0.1:{}/postgres", self.port),
            Engine::Nats => format!("nats://127.0.0.1:{}", self.port),
        }
    }

    /// The dedup store's URL (only NATS has a separate one).
    fn dedup_url(&self) -> String {
        match &self.dedup {
            Some((port, _)) => format!("redis://127.0.0.1:{port}"),
            None => self.url(),
        }
    }
}

fn spawn_self(args: &[&str]) -> Child {
    Command::new(std::env::current_exe().expect("own path"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn")
}

fn kill(child: &mut Child) {
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();
}

/// A tiny deterministic generator (no dependency for randomness).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn coordinator(engine: Engine, deliveries: usize, callback_ms: u64, worker_concurrency: usize) -> ExitCode {
    let dir = std::env::temp_dir().join(format!("esign-webhooks-soak-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("soak dir");
    let mut server = EngineServer::start(engine, &dir);
    let url = server.url();
    let dedup_url = server.dedup_url();
    let engine_name = engine.name();
    let receiver_args = |port: u16| {
        let port = port.to_string();
        move |url: &str| spawn_self(&["receiver", "--engine", engine_name, "--url", url, "--port", &port])
    };
    let ports: Vec<u16> = (0..RECEIVERS).map(|_| free_port()).collect();
    let mut receivers: Vec<Child> = ports.iter().map(|port| receiver_args(*port)(&url)).collect();
    let dir_text = dir.display().to_string();
    let callback = callback_ms.to_string();
    let worker_concurrency_text = worker_concurrency.to_string();
    let worker_args = [
        "worker",
        "--engine",
        engine_name,
        "--url",
        &url,
        "--dedup",
        &dedup_url,
        "--dir",
        &dir_text,
        "--callback-ms",
        &callback,
        "--worker-concurrency",
        &worker_concurrency_text,
    ];
    let mut workers: Vec<Child> = (0..WORKERS).map(|_| spawn_self(&worker_args)).collect();
    std::thread::sleep(Duration::from_millis(800));

    // The schedule: 30% of deliveries are copies of an earlier event.
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut schedule = Vec::with_capacity(deliveries);
    let mut events = 0usize;
    for i in 0..deliveries {
        if i > 0 && rng.next() % 100 < 30 {
            schedule.push((rng.next() as usize) % events.max(1));
        } else {
            schedule.push(events);
            events += 1;
        }
    }
    let schedule = Arc::new(schedule);
    let next = Arc::new(AtomicUsize::new(0));
    // Each event's first 2xx, and when.
    let answered: Arc<std::sync::Mutex<HashMap<usize, Instant>>> = Arc::default();
    let latencies: Arc<std::sync::Mutex<Vec<Duration>>> = Arc::default();
    let retries = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let rt = runtime();
    let sender = {
        let (schedule, next, answered, latencies, retries, ports) = (
            schedule.clone(),
            next.clone(),
            answered.clone(),
            latencies.clone(),
            retries.clone(),
            ports.clone(),
        );
        std::thread::spawn(move || {
            rt.block_on(async move {
                let client = reqwest::Client::new();
                let mut tasks = Vec::new();
                for lane in 0..CONCURRENCY {
                    let (client, schedule, next, answered, latencies, retries, ports) = (
                        client.clone(),
                        schedule.clone(),
                        next.clone(),
                        answered.clone(),
                        latencies.clone(),
                        retries.clone(),
                        ports.clone(),
                    );
                    tasks.push(tokio::spawn(async move {
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(&event) = schedule.get(i) else { break };
                            let body = format!(
                                r#"{{"Data":{{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-{event:012}","Type":"SessionStatus","Status":3}}}}"#
                            );
                            let mut attempt = 0usize;
                            loop {
                                let port = ports[(lane + attempt) % ports.len()];
                                let sent = Instant::now();
                                let result = client
                                    .post(format!("http://127.0.0.1:{port}/"))
                                    .header("x-token", "soak-token")
                                    .header("content-type", "application/json")
                                    .body(body.clone())
                                    .timeout(Duration::from_secs(10))
                                    .send()
                                    .await;
                                if let Ok(response) = result {
                                    if response.status().is_success() {
                                        latencies.lock().unwrap().push(sent.elapsed());
                                        answered.lock().unwrap().entry(event).or_insert_with(Instant::now);
                                        break;
                                    }
                                }
                                // As a vendor: retry later, elsewhere.
                                retries.fetch_add(1, Ordering::Relaxed);
                                attempt += 1;
                                tokio::time::sleep(Duration::from_millis(100)).await;
                            }
                        }
                    }));
                }
                for task in tasks {
                    let _ = task.await;
                }
            })
        })
    };

    // The faults, at a third, a half and two thirds of the deliveries.
    let mut faults = 0;
    let mut engine_killed_at = None;
    let mut killed_worker = None;
    while !sender.is_finished() {
        let done = next.load(Ordering::Relaxed);
        if faults == 0 && done >= deliveries / 3 {
            kill(&mut receivers[0]);
            receivers[0] = receiver_args(ports[0])(&url);
            eprintln!("fault: receiver SIGKILLed and restarted at {done}");
            faults += 1;
        } else if faults == 1 && done >= deliveries / 2 {
            killed_worker = Some(workers[0].id());
            kill(&mut workers[0]);
            workers[0] = spawn_self(&worker_args);
            eprintln!("fault: worker SIGKILLed and replaced at {done}");
            faults += 1;
        } else if faults == 2 && done >= deliveries * 2 / 3 {
            engine_killed_at = Some(Instant::now());
            server.kill_and_restart();
            eprintln!("fault: {engine_name} SIGKILLed and restarted at {done}");
            faults += 1;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = sender.join();
    let sent_in = start.elapsed();

    // Wait for the workers to run every answered event, for as long as they
    // make progress: with 2-second callbacks, 100 000 deliveries take minutes
    // to drain. A minute without a new run (six leases) ends the wait: what
    // has not run then is lost.
    let answered = answered.lock().unwrap().clone();
    let stall = Duration::from_secs(60);
    let mut runs = read_runs(&dir);
    let mut last_progress = (Instant::now(), runs.len());
    while answered.keys().any(|e| !runs.contains_key(&session(*e))) && last_progress.0.elapsed() < stall {
        std::thread::sleep(Duration::from_millis(500));
        runs = read_runs(&dir);
        if runs.len() > last_progress.1 {
            last_progress = (Instant::now(), runs.len());
        }
    }
    let drained_in = start.elapsed();
    for child in receivers.iter_mut().chain(workers.iter_mut()) {
        kill(child);
    }
    server.stop();

    let lost = answered.keys().filter(|e| !runs.contains_key(&session(**e))).count();
    // A 2xx given before the hand-off was durable shows when the engine dies:
    // events answered 2xx before its SIGKILL that never ran afterwards.
    let premature = answered
        .iter()
        .filter(|(e, at)| engine_killed_at.is_some_and(|kill| **at < kill) && !runs.contains_key(&session(**e)))
        .count();
    let before_kill = answered
        .values()
        .filter(|at| engine_killed_at.is_some_and(|kill| **at < kill))
        .count();
    let doubles = runs.values().filter(|by| by.len() > 1).count();
    // The expected kind: the SIGKILLed worker ran the callback but died
    // before recording its completion, and another worker ran it again.
    let doubles_of_killed = runs
        .values()
        .filter(|by| by.len() > 1 && killed_worker.is_some_and(|pid| by.contains(&pid)))
        .count();
    let mut latencies = latencies.lock().unwrap().clone();
    latencies.sort();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    let durability = match engine {
        Engine::Redis => "redis-server, appendfsync always",
        Engine::Postgres => "postgres, fsync + synchronous_commit on",
        Engine::Nats => "nats-server -js file store; dedup on redis-server, appendfsync always",
    };
    println!(
        "fleet soak ({durability}): {RECEIVERS} receivers, {WORKERS} workers of {worker_concurrency} callbacks at once, sender concurrency {CONCURRENCY}"
    );
    println!(
        "deliveries: {deliveries} ({events} events, {} copies), callback {callback_ms} ms",
        deliveries - events
    );
    println!("faults: receiver SIGKILL, worker SIGKILL, engine SIGKILL+restart ({faults} of 3 injected)");
    println!("events answered 2xx: {}", answered.len());
    println!("events lost (answered 2xx, never run; includes any 2xx before a durable hand-off): {lost}");
    println!(
        "2xx before a durable hand-off (answered 2xx before the engine's SIGKILL, never run after it; of {before_kill}): {premature}"
    );
    println!("double runs: {doubles} (of which {doubles_of_killed} first ran in the SIGKILLed worker)");
    println!(
        "vendor retries (non-2xx or broken connection): {}",
        retries.load(Ordering::Relaxed)
    );
    println!(
        "throughput: {:.0} deliveries/s answered; all callbacks done after {:.1} s",
        deliveries as f64 / sent_in.as_secs_f64(),
        drained_in.as_secs_f64()
    );
    println!("vendor-facing answer: p50 {:?}, p99 {:?}", pct(0.50), pct(0.99));
    let _ = std::fs::remove_dir_all(&dir);
    if lost == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn session(event: usize) -> String {
    format!("3f2504e0-4f89-11d3-9a0c-{event:012}")
}

/// Every run recorded by the workers (`runs-<pid>.log`, one session id a
/// line): each event's runs: the worker processes (pids) that ran its callback.
fn read_runs(dir: &Path) -> HashMap<String, Vec<u32>> {
    let mut runs = HashMap::new();
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "log")) {
        let pid = file
            .file_stem()
            .and_then(|stem| stem.to_str())
            .and_then(|stem| stem.strip_prefix("runs-"))
            .and_then(|pid| pid.parse().ok())
            .unwrap_or(0);
        for line in std::fs::read_to_string(file).unwrap_or_default().lines() {
            runs.entry(line.to_owned()).or_insert_with(Vec::new).push(pid);
        }
    }
    runs
}
