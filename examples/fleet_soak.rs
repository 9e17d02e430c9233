//! A bounded fleet soak on loopback, in separate processes: a durable
//! `redis-server` (AOF, `appendfsync always`) as the inbox and the dedup
//! store, R receiver processes (axum + `inbox::Receiver`), W worker
//! processes (`inbox::Worker`), and this coordinator sending Constellation1
//! deliveries with copies, as a vendor would: it retries any non-2xx answer
//! or broken connection on another receiver. Mid-run it SIGKILLs one
//! receiver and one worker (and starts replacements) and SIGKILLs and
//! restarts the engine once. At the end it prints events lost, double runs,
//! throughput and the p50/p99 of the vendor-facing answer.
//!
//! ```sh
//! # short (CI): 2 000 deliveries, 30% copies, empty callback, then a 2 s callback
//! cargo run --release --example fleet_soak --features inbox,redis -- --deliveries 2000 --callback-ms 0
//! cargo run --release --example fleet_soak --features inbox,redis -- --deliveries 2000 --callback-ms 2000
//! # long: 100 000 deliveries
//! cargo run --release --example fleet_soak --features inbox,redis -- --deliveries 100000 --callback-ms 2000
//! ```
//!
//! Needs `redis-server` on PATH. Exits non-zero when an event was lost.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use esign_webhooks::dedup::{AsyncDeduplicator, RedisStore};
use esign_webhooks::inbox::{Inbox, Receiver, RedisInbox, Worker};
use esign_webhooks::{AsyncHandlers, Secret, Webhooks, constellation};

const RECEIVERS: usize = 2;
const WORKERS: usize = 2;
const CONCURRENCY: usize = 64;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |name: &str| -> Option<String> {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1).cloned())
    };
    match args.first().map(String::as_str) {
        Some("receiver") => receiver(&arg("--redis").unwrap_or_default(), &arg("--port").unwrap_or_default()),
        Some("worker") => worker(
            &arg("--redis").unwrap_or_default(),
            Path::new(&arg("--dir").unwrap_or_default()),
            arg("--callback-ms").and_then(|v| v.parse().ok()).unwrap_or(0),
        ),
        _ => coordinator(
            arg("--deliveries").and_then(|v| v.parse().ok()).unwrap_or(2000),
            arg("--callback-ms").and_then(|v| v.parse().ok()).unwrap_or(0),
        ),
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
fn receiver(redis: &str, port: &str) -> ExitCode {
    runtime().block_on(async {
        let inbox: Arc<dyn Inbox> = Arc::new(RedisInbox::open(redis).expect("redis url").with_prefix("soak:"));
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
fn worker(redis: &str, dir: &Path, callback_ms: u64) -> ExitCode {
    let store = RedisStore::open(redis)
        .expect("redis url")
        .with_key_prefix("soak:dedup:");
    let path = dir.join(format!("runs-{}.log", std::process::id()));
    let file = Arc::new(std::sync::Mutex::new(
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .expect("runs file"),
    ));
    runtime().block_on(async {
        let inbox: Arc<dyn Inbox> = Arc::new(RedisInbox::open(redis).expect("redis url").with_prefix("soak:"));
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
        handlers.deduplicate_with(AsyncDeduplicator::new(store).with_lease(Duration::from_secs(10)));
        let worker = Worker::new(inbox, Arc::new(handlers))
            .with_concurrency(256)
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

fn coordinator(deliveries: usize, callback_ms: u64) -> ExitCode {
    let dir = std::env::temp_dir().join(format!("esign-webhooks-soak-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("soak dir");
    let redis_port = free_port();
    let redis_url = format!("redis://127.0.0.1:{redis_port}");
    let mut redis = spawn_redis(redis_port, &dir);
    let ports: Vec<u16> = (0..RECEIVERS).map(|_| free_port()).collect();
    let mut receivers: Vec<Child> = ports
        .iter()
        .map(|port| spawn_self(&["receiver", "--redis", &redis_url, "--port", &port.to_string()]))
        .collect();
    let dir_text = dir.display().to_string();
    let callback = callback_ms.to_string();
    let worker_args = [
        "worker",
        "--redis",
        &redis_url,
        "--dir",
        &dir_text,
        "--callback-ms",
        &callback,
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
    let answered: Arc<std::sync::Mutex<HashSet<usize>>> = Arc::default();
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
                                        answered.lock().unwrap().insert(event);
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
    while !sender.is_finished() {
        let done = next.load(Ordering::Relaxed);
        if faults == 0 && done >= deliveries / 3 {
            kill(&mut receivers[0]);
            receivers[0] = spawn_self(&["receiver", "--redis", &redis_url, "--port", &ports[0].to_string()]);
            eprintln!("fault: receiver SIGKILLed and restarted at {done}");
            faults += 1;
        } else if faults == 1 && done >= deliveries / 2 {
            kill(&mut workers[0]);
            workers[0] = spawn_self(&worker_args);
            eprintln!("fault: worker SIGKILLed and replaced at {done}");
            faults += 1;
        } else if faults == 2 && done >= deliveries * 2 / 3 {
            kill(&mut redis);
            redis = spawn_redis(redis_port, &dir);
            eprintln!("fault: redis-server SIGKILLed and restarted at {done}");
            faults += 1;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = sender.join();
    let sent_in = start.elapsed();

    // Wait for the workers to run every answered event (lease 10 s after the kill).
    let answered = answered.lock().unwrap().clone();
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut runs = read_runs(&dir);
    while answered.iter().any(|e| !runs.contains_key(&session(*e))) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(500));
        runs = read_runs(&dir);
    }
    let drained_in = start.elapsed();
    for child in receivers.iter_mut().chain(workers.iter_mut()) {
        kill(child);
    }
    kill(&mut redis);

    let lost = answered.iter().filter(|e| !runs.contains_key(&session(**e))).count();
    let doubles = runs.values().filter(|n| **n > 1).count();
    let mut latencies = latencies.lock().unwrap().clone();
    latencies.sort();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    println!(
        "fleet soak (redis, appendfsync always): {RECEIVERS} receivers, {WORKERS} workers, concurrency {CONCURRENCY}"
    );
    println!(
        "deliveries: {deliveries} ({events} events, {} copies), callback {callback_ms} ms",
        deliveries - events
    );
    println!("faults: receiver SIGKILL, worker SIGKILL, engine SIGKILL+restart ({faults} of 3 injected)");
    println!("events answered 2xx: {}", answered.len());
    println!("events lost (answered 2xx, never run; includes any 2xx before a durable hand-off): {lost}");
    println!("double runs: {doubles}");
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

/// Every run recorded by the workers: session id -> how many times.
fn read_runs(dir: &Path) -> HashMap<String, usize> {
    let mut runs = HashMap::new();
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "log")) {
        for line in std::fs::read_to_string(file).unwrap_or_default().lines() {
            *runs.entry(line.to_owned()).or_insert(0) += 1;
        }
    }
    runs
}
