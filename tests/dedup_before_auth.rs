//! Unauthenticated work must not displace authenticated state (issue 17, item
//! 4): a claim taken before authentication (Ignisign's, whose single-use token
//! is checked after the claim) never evicts anything from a full
//! `MemoryStore`; an authenticated claim may evict done keys, never claims in
//! flight; every other vendor is claimed only after `dispatch` authenticated
//! it. Also: store errors stay on one line through `Webhooks::handle`, and
//! claim tokens come from the OS generator.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use esign_webhooks::dedup::{
    AsyncDedupStore, AsyncDeduplicator, ClaimOutcome, ClaimToken, DedupKey, DedupStore, Deduplicator, MemoryStore,
    StoreError, StoreFuture,
};
use esign_webhooks::registry::TransportError;
use esign_webhooks::testing::{Signer, TokenOutcome, ignisign_token_response};
use esign_webhooks::{AsyncHandlers, ErrorKind, Handlers, Secret, Vendor, Webhooks, constellation, ignisign};
use http::StatusCode;

const APP_ID: &str = "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b";
const IGNISIGN_LAUNCHED: &[u8] = include_bytes!("fixtures/ignisign/signature_request_launched.json");
const CONSTELLATION: &[u8] = include_bytes!("fixtures/constellation/session_completed_pascal.json");
const REAL_TOKEN: &str = "f4c2d99087502c67b05a8a4f2f95addb0d45bf4b10017a64b09a84d8e64b1656";
const NO_HEADERS: [(&str, &str); 0] = [];

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .ignisign(ignisign::Verifier::new(APP_ID, ignisign::AppEnv::Development))
        .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
        .build()
        .unwrap()
}

fn api_key() -> ignisign::ApiKey {
    ignisign::ApiKey::new(Secret::new("sk_development_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b_k"))
}

/// The Ignisign fixture with another `verificationToken` (another delivery, or a forgery).
fn ignisign_with_token(token: &str) -> Vec<u8> {
    let mut value: serde_json::Value = serde_json::from_slice(IGNISIGN_LAUNCHED).unwrap();
    value["verificationToken"] = serde_json::Value::String(token.to_owned());
    serde_json::to_vec(&value).unwrap()
}

/// A Constellation1 delivery with its own session id (another event), signed.
fn constellation(n: u32) -> esign_webhooks::testing::SignedRequest {
    let mut value: serde_json::Value = serde_json::from_slice(CONSTELLATION).unwrap();
    let id = format!("3f2504e0-4f89-11d3-9a0c-0305e82c{n:04}");
    value["Data"]["SigningSessionId"] = serde_json::Value::String(id);
    Signer::header_token("x-token", Secret::new("t")).sign(&serde_json::to_vec(&value).unwrap())
}

/// The token a token-check request asks about.
fn token_of(request: &http::Request<Vec<u8>>) -> String {
    let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    body["token"].as_str().unwrap_or_default().to_owned()
}

#[test]
fn a_forged_ignisign_delivery_never_evicts_a_real_claim_in_flight() {
    let w = Arc::new(webhooks());
    let store = Arc::new(MemoryStore::with_capacity(4));
    let runs = Arc::new(AtomicUsize::new(0));
    let checks = Arc::new(Mutex::new(Vec::<String>::new()));
    // The real delivery's token check hangs until the test lets it answer, so
    // that its claim is in flight while the forgeries arrive.
    let (entered_tx, entered_rx) = mpsc::channel::<()>();
    let (go_tx, go_rx) = mpsc::channel::<()>();
    let (entered_tx, go_rx) = (Mutex::new(entered_tx), Mutex::new(go_rx));
    let mut handlers = Handlers::new();
    let seen = Arc::clone(&checks);
    handlers.confirm_ignisign_with(api_key(), move |request: http::Request<Vec<u8>>| {
        let token = token_of(&request);
        seen.lock().unwrap().push(token.clone());
        if token == REAL_TOKEN {
            entered_tx.lock().unwrap().send(()).unwrap();
            go_rx.lock().unwrap().recv().unwrap();
            return Ok::<_, TransportError>(ignisign_token_response(TokenOutcome::Valid));
        }
        if token.starts_with("done-") {
            return Ok(ignisign_token_response(TokenOutcome::Valid));
        }
        Ok(ignisign_token_response(TokenOutcome::NotFound))
    });
    let counter = Arc::clone(&runs);
    handlers.on_any(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
        Ok(())
    });
    handlers.deduplicate_with(Deduplicator::new(Arc::clone(&store)));
    let handlers = Arc::new(handlers);

    // Three real deliveries handled: three done keys.
    for n in 0..3 {
        let report = w
            .handle(&handlers, &ignisign_with_token(&format!("done-{n}")), &NO_HEADERS)
            .unwrap();
        assert_eq!(report.status(), StatusCode::OK);
    }
    assert_eq!(runs.load(Ordering::SeqCst), 3);

    // The real delivery: claimed (before its token check), its check in progress.
    let first = {
        let (w, handlers) = (Arc::clone(&w), Arc::clone(&handlers));
        std::thread::spawn(move || w.handle(&handlers, IGNISIGN_LAUNCHED, &NO_HEADERS))
    };
    entered_rx.recv_timeout(Duration::from_secs(10)).unwrap();
    assert_eq!(store.len(), 4, "the store is full");

    // Forgeries, each with a made-up token: refused with a retryable 503
    // before their token check, evicting nothing.
    for n in 0..20 {
        let err = w
            .handle(&handlers, &ignisign_with_token(&format!("forged-{n}")), &NO_HEADERS)
            .unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::DedupStore { .. }), "{err}");
        assert_eq!(err.status(), StatusCode::SERVICE_UNAVAILABLE);
    }
    assert!(
        !checks.lock().unwrap().iter().any(|token| token.starts_with("forged-")),
        "no forged token was checked: their claims were refused first"
    );

    // Ignisign's copy of the real delivery: still in flight, not run concurrently.
    let copy = w.handle(&handlers, IGNISIGN_LAUNCHED, &NO_HEADERS).unwrap();
    assert!(copy.is_in_flight() && copy.ran().is_empty(), "{copy:?}");
    assert_eq!(copy.status(), StatusCode::SERVICE_UNAVAILABLE);

    // An authenticated delivery of another vendor may evict a done key, never the claim in flight.
    let other = constellation(1);
    let report = w.handle(&handlers, &other.body, &other.headers).unwrap();
    assert_eq!(report.status(), StatusCode::OK);
    assert!(
        w.handle(&handlers, IGNISIGN_LAUNCHED, &NO_HEADERS)
            .unwrap()
            .is_in_flight()
    );

    // The real check answers: the callbacks ran once, and the copy is now a duplicate.
    go_tx.send(()).unwrap();
    let report = first.join().unwrap().unwrap();
    assert_eq!(report.status(), StatusCode::OK);
    let copy = w.handle(&handlers, IGNISIGN_LAUNCHED, &NO_HEADERS).unwrap();
    assert!(copy.is_duplicate(), "{copy:?}");
    assert_eq!(runs.load(Ordering::SeqCst), 3 + 1 + 1);
    let real_checks = checks.lock().unwrap().iter().filter(|t| *t == REAL_TOKEN).count();
    assert_eq!(real_checks, 1, "the single-use token was checked once");
}

#[test]
fn forgeries_with_room_to_spare_are_released_and_leave_nothing_behind() {
    let w = webhooks();
    let store = Arc::new(MemoryStore::with_capacity(64));
    let mut handlers = Handlers::new();
    handlers.confirm_ignisign_with(api_key(), |_request: http::Request<Vec<u8>>| {
        Ok::<_, TransportError>(ignisign_token_response(TokenOutcome::NotFound))
    });
    handlers.on_any(|_| panic!("a forgery must not run"));
    handlers.deduplicate_with(Deduplicator::new(Arc::clone(&store)));
    for n in 0..200 {
        let err = w
            .handle(&handlers, &ignisign_with_token(&format!("forged-{n}")), &NO_HEADERS)
            .unwrap_err();
        assert!(
            err.is_authentication() || matches!(err.kind(), ErrorKind::ConfirmationRejected { .. }),
            "{err}"
        );
    }
    assert!(store.is_empty(), "every forged claim was released");
}

#[test]
fn other_vendors_are_claimed_only_once_authenticated() {
    // A full store of claims in flight: an unauthenticated (forged) delivery
    // of a vendor that `dispatch` authenticates is refused before any claim.
    let w = webhooks();
    let store = Arc::new(MemoryStore::with_capacity(2));
    let lease = Duration::from_secs(30);
    for n in 0..2u8 {
        let key = DedupKey::from_body(Vendor::SignPlus, &[n]);
        assert_eq!(
            store.claim(&key, ClaimToken::new(), lease).unwrap(),
            ClaimOutcome::Claimed
        );
    }
    let mut handlers = Handlers::new();
    handlers.on_any(|_| panic!("must not run"));
    handlers.deduplicate_with(Deduplicator::new(Arc::clone(&store)));
    let forged = Signer::header_token("x-token", Secret::new("wrong")).sign(CONSTELLATION);
    let err = w.handle(&handlers, &forged.body, &forged.headers).unwrap_err();
    assert!(
        err.is_authentication(),
        "refused by verification, not by the store: {err}"
    );
    // Authenticated, but only claims in flight fill the store: a retryable refusal.
    let real = constellation(7);
    let err = w.handle(&handlers, &real.body, &real.headers).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::DedupStore { .. }), "{err}");
    assert_eq!(err.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(store.len(), 2);
}

#[test]
fn memory_store_eviction_rules_through_the_public_traits() {
    let lease = Duration::from_secs(30);
    let ttl = Duration::from_secs(3600);
    let key = |n: u8| DedupKey::from_body(Vendor::Ignisign, &[n]);
    let done = |store: &MemoryStore, n: u8| {
        let token = ClaimToken::new();
        assert_eq!(store.claim(&key(n), token, lease).unwrap(), ClaimOutcome::Claimed);
        assert!(store.complete(&key(n), token, ttl).unwrap());
    };
    let store = MemoryStore::with_capacity(4);
    // Two done keys, one authenticated claim in flight: one place left.
    done(&store, 0);
    done(&store, 1);
    assert_eq!(
        store.claim(&key(2), ClaimToken::new(), lease).unwrap(),
        ClaimOutcome::Claimed
    );
    // A claim before authentication takes the free place...
    let early = ClaimToken::new();
    assert_eq!(
        store.claim_unauthenticated(&key(3), early, lease).unwrap(),
        ClaimOutcome::Claimed
    );
    // ...and the next one, the store being full, evicts nothing.
    assert!(store.claim_unauthenticated(&key(4), ClaimToken::new(), lease).is_err());
    for n in 0..2 {
        assert_eq!(
            store.claim(&key(n), ClaimToken::new(), lease).unwrap(),
            ClaimOutcome::Done
        );
    }
    // An authenticated claim evicts done keys (closest to expiry first, keeping
    // a place free), never a claim in flight.
    assert_eq!(
        store.claim(&key(5), ClaimToken::new(), lease).unwrap(),
        ClaimOutcome::Claimed
    );
    assert_eq!(store.len(), 3);
    assert_eq!(
        store.claim(&key(2), ClaimToken::new(), lease).unwrap(),
        ClaimOutcome::InFlight
    );
    assert_eq!(
        store.claim(&key(3), ClaimToken::new(), lease).unwrap(),
        ClaimOutcome::InFlight
    );
    assert_eq!(
        store.claim(&key(5), ClaimToken::new(), lease).unwrap(),
        ClaimOutcome::InFlight
    );
    // Only claims in flight now: a fourth fits, a fifth is refused (retryable), and nothing was evicted.
    assert_eq!(
        store.claim(&key(6), ClaimToken::new(), lease).unwrap(),
        ClaimOutcome::Claimed
    );
    let err = store.claim(&key(7), ClaimToken::new(), lease).unwrap_err();
    assert!(err.to_string().contains("try again later"), "{err}");
    for n in [2, 3, 5, 6] {
        assert_eq!(
            store.claim(&key(n), ClaimToken::new(), lease).unwrap(),
            ClaimOutcome::InFlight
        );
    }
    // The early claim settles like any other.
    assert!(store.complete(&key(3), early, ttl).unwrap());
    assert_eq!(
        store.claim(&key(3), ClaimToken::new(), lease).unwrap(),
        ClaimOutcome::Done
    );
}

#[tokio::test]
async fn the_async_path_claims_ignisign_as_unauthenticated_too() {
    let w = webhooks();
    let store = Arc::new(MemoryStore::with_capacity(2));
    let lease = Duration::from_secs(30);
    // Two authenticated claims in flight fill the store.
    for n in 0..2u8 {
        let key = DedupKey::from_body(Vendor::SignPlus, &[n]);
        assert_eq!(
            store.claim(&key, ClaimToken::new(), lease).unwrap(),
            ClaimOutcome::Claimed
        );
    }
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let mut handlers = AsyncHandlers::new();
    handlers.confirm_ignisign_with(api_key(), move |_request: http::Request<Vec<u8>>| {
        counter.fetch_add(1, Ordering::SeqCst);
        async { Ok::<_, TransportError>(ignisign_token_response(TokenOutcome::NotFound)) }
    });
    let ran = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&ran);
    handlers.on_any(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
        async { Ok(()) }
    });
    handlers.deduplicate_with(AsyncDeduplicator::new(Arc::clone(&store)));
    let forged = ignisign_with_token("forged");
    let err = w.handle_async(&handlers, &forged, &NO_HEADERS).await.unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::DedupStore { .. }), "{err}");
    assert_eq!(calls.load(Ordering::SeqCst), 0, "refused before the token check");
    assert_eq!(ran.load(Ordering::SeqCst), 0);
    // The claims in flight are still there.
    for n in 0..2u8 {
        let key = DedupKey::from_body(Vendor::SignPlus, &[n]);
        assert_eq!(
            store.claim(&key, ClaimToken::new(), lease).unwrap(),
            ClaimOutcome::InFlight
        );
    }
}

/// A store whose server answers every command with a hostile error: a line
/// break and an escape sequence, to forge a log line.
#[derive(Debug)]
struct HostileStore;

#[derive(Debug)]
struct Hostile(&'static str, Option<Box<Hostile>>);

impl std::fmt::Display for Hostile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for Hostile {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.1.as_deref().map(|e| e as &(dyn std::error::Error + 'static))
    }
}

fn hostile() -> StoreError {
    StoreError::other(Hostile(
        "ERR bad\r\n2026-12-04T00:00:00Z INFO payment accepted",
        Some(Box::new(Hostile("cause\n\u{1b}[31mforged", None))),
    ))
}

impl DedupStore for HostileStore {
    fn claim(&self, _: &DedupKey, _: ClaimToken, _: Duration) -> Result<ClaimOutcome, StoreError> {
        Err(hostile())
    }
    fn complete(&self, _: &DedupKey, _: ClaimToken, _: Duration) -> Result<bool, StoreError> {
        Err(hostile())
    }
    fn release(&self, _: &DedupKey, _: ClaimToken) -> Result<bool, StoreError> {
        Err(hostile())
    }
}

impl AsyncDedupStore for HostileStore {
    fn claim_async<'a>(&'a self, _: &'a DedupKey, _: ClaimToken, _: Duration) -> StoreFuture<'a, ClaimOutcome> {
        Box::pin(async { Err(hostile()) })
    }
    fn complete_async<'a>(&'a self, _: &'a DedupKey, _: ClaimToken, _: Duration) -> StoreFuture<'a, bool> {
        Box::pin(async { Err(hostile()) })
    }
    fn release_async<'a>(&'a self, _: &'a DedupKey, _: ClaimToken) -> StoreFuture<'a, bool> {
        Box::pin(async { Err(hostile()) })
    }
}

fn assert_single_line_chain(err: &(dyn std::error::Error + 'static)) {
    let mut next = Some(err);
    let mut levels = 0;
    while let Some(err) = next {
        let text = err.to_string();
        assert!(!text.chars().any(char::is_control), "{text:?}");
        levels += 1;
        next = err.source();
    }
    assert!(levels >= 3, "the store's error and its cause are kept as sources");
}

#[test]
fn a_store_error_is_one_line_through_the_whole_chain() {
    let w = webhooks();
    let mut handlers = Handlers::new();
    handlers.on_any(|_| Ok(()));
    handlers.deduplicate_with(Deduplicator::new(HostileStore));
    let request = constellation(3);
    let err = w.handle(&handlers, &request.body, &request.headers).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::DedupStore { .. }), "{err}");
    assert!(
        err.to_string().contains(r"ERR bad\r\n2026"),
        "escaped, still readable: {err}"
    );
    assert_single_line_chain(&err);
}

#[tokio::test]
async fn an_async_store_error_is_one_line_through_the_whole_chain() {
    let w = webhooks();
    let mut handlers = AsyncHandlers::new();
    handlers.on_any(|_| async { Ok(()) });
    handlers.deduplicate_with(AsyncDeduplicator::new(HostileStore));
    let request = constellation(4);
    let err = w
        .handle_async(&handlers, &request.body, &request.headers)
        .await
        .unwrap_err();
    assert_single_line_chain(&err);
}

#[test]
fn claim_tokens_are_random_and_unique_across_threads() {
    let threads: Vec<_> = (0..8)
        .map(|_| std::thread::spawn(|| (0..2_000).map(|_| ClaimToken::new()).collect::<Vec<_>>()))
        .collect();
    let mut seen = HashSet::new();
    for thread in threads {
        for token in thread.join().unwrap() {
            assert!(seen.insert(token), "a token repeated: {token}");
        }
    }
    assert_eq!(seen.len(), 16_000);
    // Random, not a counter: two fresh tokens differ in many bits.
    let (a, b) = (ClaimToken::new(), ClaimToken::new());
    let differing: u32 = a
        .as_bytes()
        .iter()
        .zip(b.as_bytes())
        .map(|(x, y)| (x ^ y).count_ones())
        .sum();
    assert!(differing > 16, "{a} vs {b}");
    assert_eq!(a.to_string().len(), 32);
}
