//! `dedup::RedisStore` against a real `redis-server` on loopback, started by
//! the test on a free port. Without the binary the test prints a notice and
//! passes, unless `ESIGN_WEBHOOKS_REQUIRE_REDIS` is set (as `.ci/run` does),
//! in which case it fails.
#![cfg(feature = "redis")]

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use esign_webhooks::dedup::{DedupKey, DedupStore, Deduplicator, RedisStore};
use esign_webhooks::testing::Signer;
use esign_webhooks::{ErrorKind, Handlers, Secret, Vendor, Webhooks, constellation};

/// A `redis-server` child, killed when dropped.
struct Server {
    child: Child,
    address: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn redis_binary() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .chain([
            PathBuf::from("/usr/bin"),
            PathBuf::from("/usr/sbin"),
            PathBuf::from("/usr/local/bin"),
        ])
        .map(|dir| dir.join("redis-server"))
        .find(|candidate| candidate.is_file())
}

/// Starts a server with `extra` arguments, or says why not.
fn start(extra: &[&str]) -> Option<Server> {
    let Some(binary) = redis_binary() else {
        assert!(
            std::env::var_os("ESIGN_WEBHOOKS_REQUIRE_REDIS").is_none(),
            "redis-server is required (ESIGN_WEBHOOKS_REQUIRE_REDIS is set) but not installed"
        );
        eprintln!("NOTICE: redis-server not found on PATH; the Redis store test is skipped");
        return None;
    };
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = Command::new(binary)
        .args([
            "--port",
            &port.to_string(),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("redis-server starts");
    let server = Server {
        child,
        address: format!("127.0.0.1:{port}"),
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(&server.address).is_err() {
        assert!(Instant::now() < deadline, "redis-server did not start listening");
        std::thread::sleep(Duration::from_millis(20));
    }
    Some(server)
}

fn key(n: u32) -> DedupKey {
    DedupKey::from_parts(Vendor::SignPlus, [n.to_le_bytes().as_slice()])
}

#[test]
fn redis_store_against_a_real_server() {
    let Some(server) = start(&[]) else { return };
    let store = RedisStore::new(&server.address).with_key_prefix("test:");
    store.ping().unwrap();

    // Insert if absent, atomically; remove; TTL.
    assert!(store.insert_if_absent(&key(1), Duration::from_secs(60)).unwrap());
    assert!(!store.insert_if_absent(&key(1), Duration::from_secs(60)).unwrap());
    store.remove(&key(1)).unwrap();
    store.remove(&key(1)).unwrap(); // absent: harmless
    assert!(store.insert_if_absent(&key(1), Duration::from_secs(60)).unwrap());
    assert!(store.insert_if_absent(&key(2), Duration::from_millis(50)).unwrap());
    std::thread::sleep(Duration::from_millis(120));
    assert!(
        store.insert_if_absent(&key(2), Duration::from_secs(60)).unwrap(),
        "expired in Redis"
    );
    // `insert` replaces the expiry of a pending claim.
    assert!(store.insert_if_absent(&key(3), Duration::from_millis(50)).unwrap());
    store.insert(&key(3), Duration::from_secs(60)).unwrap();
    std::thread::sleep(Duration::from_millis(120));
    assert!(!store.insert_if_absent(&key(3), Duration::from_secs(60)).unwrap());
    // A zero TTL is sent as 1 ms, which Redis accepts.
    assert!(store.insert_if_absent(&key(4), Duration::ZERO).unwrap());

    // The key as stored: prefix + `vendor:hex`.
    let raw = std::process::Command::new(redis_binary().unwrap().with_file_name("redis-cli"))
        .args([
            "-h",
            "127.0.0.1",
            "-p",
            server.address.rsplit(':').next().unwrap(),
            "EXISTS",
            &format!("test:{}", key(1)),
        ])
        .output();
    if let Ok(output) = raw {
        if output.status.success() {
            assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "1");
        }
    }

    // Several receivers (one store each) and many threads: exactly one claim wins.
    let stores: Vec<Arc<RedisStore>> = (0..4).map(|_| Arc::new(RedisStore::new(&server.address))).collect();
    let barrier = Arc::new(Barrier::new(16));
    let winners = Arc::new(AtomicUsize::new(0));
    let threads: Vec<_> = (0..16)
        .map(|i| {
            let (store, barrier, winners) = (Arc::clone(&stores[i % 4]), Arc::clone(&barrier), Arc::clone(&winners));
            std::thread::spawn(move || {
                barrier.wait();
                for n in 100..150 {
                    if store.insert_if_absent(&key(n), Duration::from_secs(60)).unwrap() {
                        winners.fetch_add(1, Ordering::SeqCst);
                    }
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    assert_eq!(winners.load(Ordering::SeqCst), 50, "one winner per key");
}

#[test]
fn handle_deduplicates_across_receivers_through_redis() {
    let Some(server) = start(&[]) else { return };
    let webhooks = Webhooks::builder()
        .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
        .build()
        .unwrap();
    let runs = Arc::new(AtomicUsize::new(0));
    // Two receivers, each with its own handlers and connection.
    let receivers: Vec<Handlers> = (0..2)
        .map(|_| {
            let mut handlers = Handlers::new();
            let counter = Arc::clone(&runs);
            handlers.on_any(move |_| {
                counter.fetch_add(1, Ordering::SeqCst);
                Ok(())
            });
            handlers.deduplicate_with(Deduplicator::new(RedisStore::new(&server.address)));
            handlers
        })
        .collect();
    let body = include_bytes!("fixtures/constellation/signer_declined_pascal.json");
    let request = Signer::header_token("x-token", Secret::new("t")).sign(body);
    let first = webhooks.handle(&receivers[0], &request.body, &request.headers).unwrap();
    let second = webhooks.handle(&receivers[1], &request.body, &request.headers).unwrap();
    assert!(!first.is_duplicate());
    assert!(second.is_duplicate());
    assert_eq!(runs.load(Ordering::SeqCst), 1);
}

#[test]
fn passwords_are_used_and_never_shown() {
    let Some(server) = start(&["--requirepass", "s3cret-redis-pass"]) else {
        return;
    };
    let good = RedisStore::new(&server.address).with_password(Secret::new("s3cret-redis-pass"));
    good.ping().unwrap();
    assert!(good.insert_if_absent(&key(1), Duration::from_secs(5)).unwrap());
    for store in [
        RedisStore::new(&server.address).with_password(Secret::new("wrong-redis-pass")),
        RedisStore::new(&server.address),
    ] {
        let err = store
            .insert_if_absent(&key(2), Duration::from_secs(5))
            .unwrap_err()
            .to_string();
        assert!(!err.contains("redis-pass"), "{err}");
        let dedup = Deduplicator::new(store);
        let err = dedup.claim(&key(2)).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::DedupStore { .. }));
        assert!(!format!("{err} {err:?} {dedup:?}").contains("redis-pass"));
    }
}

#[test]
fn an_unreachable_server_is_an_error_not_a_hang() {
    // A port nobody listens on (bound, then released).
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let store = RedisStore::new(format!("127.0.0.1:{port}")).with_timeout(Duration::from_millis(200));
    let started = Instant::now();
    assert!(store.insert_if_absent(&key(1), Duration::from_secs(5)).is_err());
    assert!(store.ping().is_err());
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(RedisStore::new("not a host name:0").ping().is_err());
}
