//! `dedup::RedisStore` against a real `redis-server` on loopback, started by
//! the test on a free port: the conformance suite, several receivers, a
//! restart of the server mid-test, and faults injected by a TCP proxy
//! (delayed replies, dropped connections, a slow drip). Without the binary
//! the tests print a notice and pass, unless `ESIGN_WEBHOOKS_REQUIRE_REDIS`
//! is set (as `.ci/run` does), in which case they fail.
#![cfg(all(feature = "redis", feature = "conformance"))]

mod common;

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::fault_proxy::{FaultProxy, Mode};
use common::hostile_redis::HostileRedis;
use esign_webhooks::dedup::{
    AsyncDedupStore, AsyncDeduplicator, ClaimOutcome, ClaimToken, DedupKey, DedupStore, Deduplicator, RedisStore,
    conformance,
};
use esign_webhooks::testing::Signer;
use esign_webhooks::{ErrorKind, HandlerError, Handlers, Secret, Vendor, Webhooks, constellation};
use http::StatusCode;

/// A `redis-server` child, killed when dropped.
struct Server {
    child: Child,
    port: u16,
    extra: Vec<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn address(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    /// Kills the server and starts a new one on the same port (its keys are gone).
    fn restart(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.child = spawn(self.port, &self.extra);
        wait_listening(&self.address());
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

fn spawn(port: u16, extra: &[String]) -> Child {
    Command::new(redis_binary().unwrap())
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
        .expect("redis-server starts")
}

fn wait_listening(address: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(address).is_err() {
        assert!(Instant::now() < deadline, "redis-server did not start listening");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Starts a server with `extra` arguments, or says why not.
fn start(extra: &[&str]) -> Option<Server> {
    if redis_binary().is_none() {
        assert!(
            std::env::var_os("ESIGN_WEBHOOKS_REQUIRE_REDIS").is_none(),
            "redis-server is required (ESIGN_WEBHOOKS_REQUIRE_REDIS is set) but not installed"
        );
        eprintln!("NOTICE: redis-server not found on PATH; the Redis store test is skipped");
        return None;
    }
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let extra: Vec<String> = extra.iter().map(|s| (*s).to_owned()).collect();
    let server = Server {
        child: spawn(port, &extra),
        port,
        extra,
    };
    wait_listening(&server.address());
    Some(server)
}

fn key(n: u32) -> DedupKey {
    DedupKey::from_parts(Vendor::SignPlus, [n.to_le_bytes().as_slice()])
}

fn lease() -> Duration {
    Duration::from_secs(30)
}

#[test]
fn redis_store_passes_the_conformance_suite() {
    let Some(server) = start(&[]) else { return };
    let store = RedisStore::open(&server.url()).unwrap().with_key_prefix("test:");
    store.ping().unwrap();
    conformance::run(&store);
    // Several stores (receivers), one server: exactly one claim wins per key.
    let stores: Vec<_> = (0..4)
        .map(|_| Arc::new(RedisStore::open(&server.url()).unwrap()))
        .collect();
    let winners = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for i in 0..16 {
            let (store, winners) = (Arc::clone(&stores[i % 4]), &winners);
            scope.spawn(move || {
                for n in 100..150 {
                    if store.claim(&key(n), ClaimToken::new(), lease()).unwrap() == ClaimOutcome::Claimed {
                        winners.fetch_add(1, Ordering::SeqCst);
                    }
                }
            });
        }
    });
    assert_eq!(winners.load(Ordering::SeqCst), 50, "one winner per key");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_store_passes_the_async_conformance_suite() {
    let Some(server) = start(&[]) else { return };
    let store = RedisStore::open(&server.url()).unwrap();
    store.ping_async().await.unwrap();
    conformance::run_async(&store).await;
    // Also from a current-thread runtime's point of view: the store drives its own connection.
    assert_eq!(
        store.claim_async(&key(7), ClaimToken::new(), lease()).await.unwrap(),
        ClaimOutcome::Claimed
    );
}

#[test]
fn handle_deduplicates_across_receivers_through_redis() {
    let Some(server) = start(&[]) else { return };
    let webhooks = Webhooks::builder()
        .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
        .build()
        .unwrap();
    let runs = Arc::new(AtomicUsize::new(0));
    let receivers: Vec<Handlers> = (0..2)
        .map(|_| {
            let mut handlers = Handlers::new();
            let counter = Arc::clone(&runs);
            handlers.on_any(move |_| {
                counter.fetch_add(1, Ordering::SeqCst);
                Ok(())
            });
            handlers.deduplicate_with(Deduplicator::new(RedisStore::open(&server.url()).unwrap()));
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
fn a_restart_mid_test_costs_no_delivery() {
    let Some(mut server) = start(&[]) else { return };
    let store = RedisStore::open(&server.url())
        .unwrap()
        .with_timeout(Duration::from_secs(3));
    let token = ClaimToken::new();
    assert_eq!(store.claim(&key(1), token, lease()).unwrap(), ClaimOutcome::Claimed);
    server.restart();
    // The pooled connection is stale; the first operation after the restart still succeeds.
    let started = Instant::now();
    assert_eq!(
        store.claim(&key(2), ClaimToken::new(), lease()).unwrap(),
        ClaimOutcome::Claimed,
        "the first claim after a restart"
    );
    assert!(started.elapsed() < Duration::from_secs(3));
    // The restarted server lost its keys: key 1 is claimable again (at least once, never a false 200).
    assert_eq!(
        store.claim(&key(1), ClaimToken::new(), lease()).unwrap(),
        ClaimOutcome::Claimed
    );
    // Through `handle`, after another restart.
    server.restart();
    let webhooks = Webhooks::builder()
        .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
        .build()
        .unwrap();
    let mut handlers = Handlers::new();
    handlers.on_any(|_| Ok(()));
    handlers.deduplicate_with(Deduplicator::new(store));
    let body = include_bytes!("fixtures/constellation/signer_declined_pascal.json");
    let request = Signer::header_token("x-token", Secret::new("t")).sign(body);
    let report = webhooks.handle(&handlers, &request.body, &request.headers).unwrap();
    assert_eq!(report.status(), StatusCode::OK);
    assert!(!report.is_duplicate());
}

#[test]
fn passwords_are_used_and_never_shown() {
    let Some(server) = start(&["--requirepass", "s3cret-redis-pass"]) else {
        return;
    };
    let good = RedisStore::open(&format!("redis://:s3cret-redis-pass@{}", server.address())).unwrap();
    good.ping().unwrap();
    assert_eq!(
        good.claim(&key(1), ClaimToken::new(), lease()).unwrap(),
        ClaimOutcome::Claimed
    );
    assert!(!format!("{good:?}").contains("s3cret"));
    for url in [
        format!("redis://:wrong-redis-pass@{}", server.address()),
        format!("redis://default:wrong-redis-pass@{}/0", server.address()),
        server.url(),
    ] {
        let store = RedisStore::open(&url).unwrap().with_timeout(Duration::from_millis(500));
        let err = store
            .claim(&key(2), ClaimToken::new(), lease())
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
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let store = RedisStore::open(&format!("redis://127.0.0.1:{port}"))
        .unwrap()
        .with_timeout(Duration::from_millis(200));
    let started = Instant::now();
    assert!(store.claim(&key(1), ClaimToken::new(), lease()).is_err());
    assert!(store.ping().is_err());
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
    assert!(RedisStore::open("not a url").is_err());
}

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
        .build()
        .unwrap()
}

#[test]
fn a_slow_drip_is_bounded_by_the_timeout_as_a_whole() {
    let Some(server) = start(&[]) else { return };
    let proxy = FaultProxy::start(&server.address());
    let store = RedisStore::open(&format!("redis://{}", proxy.address))
        .unwrap()
        .with_timeout(Duration::from_millis(500));
    store.ping().unwrap();
    proxy.set(Mode::Drip); // one byte every 250 ms: a claim's reply takes seconds
    let started = Instant::now();
    let err = store.claim(&key(1), ClaimToken::new(), lease()).unwrap_err();
    let took = started.elapsed();
    assert!(
        took < Duration::from_millis(900),
        "a drip held the claim for {took:?}: {err}"
    );
    assert!(err.to_string().contains("500 ms"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_drip_does_not_block_the_executor() {
    let Some(server) = start(&[]) else { return };
    let proxy = FaultProxy::start(&server.address());
    let store = Arc::new(
        RedisStore::open(&format!("redis://{}", proxy.address))
            .unwrap()
            .with_timeout(Duration::from_millis(500)),
    );
    store.ping_async().await.unwrap();
    proxy.set(Mode::Drip);
    let ticks = Arc::new(AtomicUsize::new(0));
    let ticker = {
        let ticks = Arc::clone(&ticks);
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_millis(10)).await;
                ticks.fetch_add(1, Ordering::SeqCst);
            }
        })
    };
    // As many claims as the runtime has threads, each awaiting the dripping server.
    let claims: Vec<_> = (0..2)
        .map(|n| {
            let store = Arc::clone(&store);
            tokio::spawn(async move { store.claim_async(&key(n), ClaimToken::new(), lease()).await })
        })
        .collect();
    let started = Instant::now();
    for claim in claims {
        assert!(claim.await.unwrap().is_err());
    }
    assert!(started.elapsed() < Duration::from_millis(900));
    assert!(
        ticks.load(Ordering::SeqCst) >= 20,
        "the executor kept running: {ticks:?}"
    );
    ticker.abort();
}

#[test]
fn a_claim_executed_but_answered_late_is_never_answered_200() {
    // Redis executes the claim, its reply arrives after the timeout: 503; the
    // retry soon after is 503 too (the claim's release could not get through
    // either), never 200; once the proxy heals, the best-effort release or the
    // lease lets a retry run the callbacks.
    let Some(server) = start(&[]) else { return };
    let proxy = FaultProxy::start(&server.address());
    let store = RedisStore::open(&format!("redis://{}", proxy.address))
        .unwrap()
        .with_timeout(Duration::from_millis(300));
    store.ping().unwrap();
    let mut handlers = Handlers::new();
    let runs = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&runs);
    handlers.on_any(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
        Ok::<(), HandlerError>(())
    });
    handlers.deduplicate_with(Deduplicator::new(store).with_lease(Duration::from_secs(2)));
    let body = include_bytes!("fixtures/constellation/session_completed_pascal.json");
    let request = Signer::header_token("x-token", Secret::new("t")).sign(body);
    let w = webhooks();

    proxy.delay(Duration::from_millis(800));
    let err = w.handle(&handlers, &request.body, &request.headers).unwrap_err();
    assert_eq!(err.status(), StatusCode::SERVICE_UNAVAILABLE, "{err}");
    assert_eq!(runs.load(Ordering::SeqCst), 0);
    proxy.set(Mode::Pass);
    std::thread::sleep(Duration::from_millis(600)); // the late replies drain
    let retry = w.handle(&handlers, &request.body, &request.headers).unwrap();
    assert!(
        !retry.is_duplicate(),
        "a claim whose reply was lost is never a duplicate: {retry:?}"
    );
    eprintln!(
        "late claim reply: the retry was {}",
        if retry.is_in_flight() {
            "in flight (503)"
        } else {
            "handled"
        }
    );
    if retry.is_in_flight() {
        assert_eq!(retry.status(), StatusCode::SERVICE_UNAVAILABLE);
        std::thread::sleep(Duration::from_millis(2100)); // the lease expires
        let later = w.handle(&handlers, &request.body, &request.headers).unwrap();
        assert!(!later.is_duplicate() && !later.is_in_flight() && later.ran().len() == 1);
    } else {
        assert_eq!(retry.ran().len(), 1);
    }
    assert_eq!(runs.load(Ordering::SeqCst), 1);
    assert!(
        w.handle(&handlers, &request.body, &request.headers)
            .unwrap()
            .is_duplicate()
    );
}

#[test]
fn dropped_connections_fail_fast_and_heal() {
    let Some(server) = start(&[]) else { return };
    let proxy = FaultProxy::start(&server.address());
    let store = RedisStore::open(&format!("redis://{}", proxy.address))
        .unwrap()
        .with_timeout(Duration::from_millis(500));
    store.ping().unwrap();
    proxy.set(Mode::Drop);
    let started = Instant::now();
    assert!(store.claim(&key(1), ClaimToken::new(), lease()).is_err());
    assert!(started.elapsed() < Duration::from_millis(900));
    proxy.set(Mode::Pass);
    // The manager reconnects: the next operation succeeds.
    let deadline = Instant::now() + Duration::from_secs(3);
    let token = ClaimToken::new();
    let outcome = loop {
        match store.claim(&key(1), token, lease()) {
            Ok(outcome) => break outcome,
            Err(err) => assert!(Instant::now() < deadline, "no reconnection: {err}"),
        }
    };
    assert_eq!(outcome, ClaimOutcome::Claimed);
    assert!(store.release(&key(1), token).unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_handle_async_future_releases_its_redis_claim() {
    let Some(server) = start(&[]) else { return };
    let store = RedisStore::open(&server.url()).unwrap();
    let mut handlers = esign_webhooks::AsyncHandlers::new();
    let runs = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&runs);
    handlers.on_any(move |_| {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        async move {
            if n == 0 {
                tokio::time::sleep(Duration::from_secs(3600)).await;
            }
            Ok(())
        }
    });
    handlers.deduplicate_with(AsyncDeduplicator::new(store));
    let body = include_bytes!("fixtures/constellation/session_completed_pascal.json");
    let request = Signer::header_token("x-token", Secret::new("t")).sign(body);
    let w = webhooks();
    let dropped = tokio::time::timeout(
        Duration::from_millis(200),
        w.handle_async(&handlers, &request.body, &request.headers),
    )
    .await;
    assert!(dropped.is_err());
    tokio::time::sleep(Duration::from_millis(200)).await; // the detached release runs
    let retry = w
        .handle_async(&handlers, &request.body, &request.headers)
        .await
        .unwrap();
    assert!(
        !retry.is_in_flight() && !retry.is_duplicate() && retry.status() == StatusCode::OK,
        "{retry:?}"
    );
    assert_eq!(runs.load(Ordering::SeqCst), 2);
}

/// A base64 password: `/`, `+` and `=` (the `/` makes the raw URL unparsable).
const SLASH_PASSWORD: &str = "Zm9vL2Jhcg/c2VjcmV0+cGFzcw==";

#[test]
fn a_password_with_a_slash_is_never_shown() {
    let Some(server) = start(&["--requirepass", SLASH_PASSWORD]) else {
        return;
    };
    let address = server.address();
    // Written raw, the password's `/` ends the authority: the URL does not
    // parse, and its error shows the server, not the password.
    for url in [
        format!("redis://:{SLASH_PASSWORD}@{address}/0"),
        format!("redis://default:{SLASH_PASSWORD}@{address}"),
        format!("rediss://app:{SLASH_PASSWORD}@{address}/2?protocol=resp3"),
    ] {
        let err = RedisStore::open(&url).map(drop).unwrap_err();
        let text = format!("{err} {err:?}");
        assert!(!text.contains("Zm9v") && !text.contains("cGFzcw"), "{text}");
        assert!(text.contains(&address), "the server is named: {text}");
        let mut source = std::error::Error::source(&err);
        while let Some(cause) = source {
            assert!(!cause.to_string().contains("Zm9v"), "{cause}");
            source = cause.source();
        }
    }
    // Percent-encoded, it is the right URL: it works, and is never shown either.
    let encoded = SLASH_PASSWORD
        .replace('/', "%2F")
        .replace('+', "%2B")
        .replace('=', "%3D");
    let store = RedisStore::open(&format!("redis://:{encoded}@{address}/0")).unwrap();
    store.ping().unwrap();
    assert!(!format!("{store:?}").contains("Zm9v"), "{store:?}");
    assert!(format!("{store:?}").contains(&address), "{store:?}");
    // A wrong password with a slash, through `handle`'s error.
    let wrong = format!("redis://:{}@{address}/0", "d3Jvbmc%2Fd3Jvbmc%3D");
    let dedup = Deduplicator::new(
        RedisStore::open(&wrong)
            .unwrap()
            .with_timeout(Duration::from_millis(500)),
    );
    let err = dedup.claim(&key(1)).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::DedupStore { .. }));
    assert!(!format!("{err} {err:?}").contains("d3Jvbmc"), "{err:?}");
}

/// Every level of `err`'s `source()` chain, each checked to be one line
/// without control characters.
fn single_line_chain(err: &(dyn std::error::Error + 'static)) -> Vec<String> {
    let mut texts = Vec::new();
    let mut next = Some(err);
    while let Some(err) = next {
        let text = err.to_string();
        assert!(!text.chars().any(char::is_control), "a control character in {text:?}");
        texts.push(text);
        next = err.source();
    }
    texts
}

#[test]
fn a_hostile_server_cannot_forge_log_lines() {
    // A RESP error whose message holds a line feed and an escape sequence.
    let server = HostileRedis::start(b"-ERR forged\n2026-12-04T00:00:00Z INFO payment accepted\x1b[2J\r\n");
    let store = RedisStore::open(&server.url())
        .unwrap()
        .with_timeout(Duration::from_secs(1));
    let err = store.claim(&key(1), ClaimToken::new(), lease()).unwrap_err();
    let texts = single_line_chain(err.as_ref());
    assert!(
        texts
            .iter()
            .any(|text| text.contains(r"forged\n2026-12-04T00:00:00Z INFO")),
        "the server's message is kept, escaped: {texts:?}"
    );
    let err = store.ping().unwrap_err();
    single_line_chain(err.as_ref());
    // Through `handle`: the crate's error and its sources.
    let mut handlers = Handlers::new();
    handlers.on_any(|_| Ok(()));
    handlers.deduplicate_with(Deduplicator::new(store));
    let body = include_bytes!("fixtures/constellation/signer_declined_pascal.json");
    let request = Signer::header_token("x-token", Secret::new("t")).sign(body);
    let err = webhooks()
        .handle(&handlers, &request.body, &request.headers)
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::DedupStore { .. }), "{err}");
    let texts = single_line_chain(&err);
    assert!(texts.len() >= 2, "the store's error is the source: {texts:?}");
    assert!(texts[0].contains(r"forged\n"), "{texts:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_reply_is_one_line_too() {
    // Not RESP at all: a parse error, whose text may quote the bytes.
    let server = HostileRedis::start(b"+OK\n\x1b]0;owned\x07\r\n:12\n34\r\n?\n\n\r\n");
    let store = RedisStore::open(&server.url())
        .unwrap()
        .with_timeout(Duration::from_secs(1));
    for _ in 0..3 {
        let err = store
            .claim_async(&key(1), ClaimToken::new(), lease())
            .await
            .unwrap_err();
        single_line_chain(err.as_ref());
    }
}
