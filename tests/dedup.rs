//! Replay and duplicate defence: the keys each vendor's deliveries get, and
//! `handle` / `handle_async` with a deduplicator: duplicates skipped and
//! reported, failures released for the retry, concurrent copies run once, and
//! the fault cases of issue 10 (no 200 unless a callback run succeeded).

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::time::Duration;

use common::faulty_store::{Fault, FaultyStore};
use esign_webhooks::dedup::{
    Admission, AsyncDeduplicator, ClaimOutcome, ClaimToken, DedupKey, DedupStore, Deduplicator, MemoryStore, StoreError,
};
use esign_webhooks::registry::TransportError;
use esign_webhooks::testing::{Signer, TokenOutcome, ignisign_token_response};
use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation};
use esign_webhooks::{
    AsyncHandlers, ErrorKind, Event, FixedClock, HandlerError, Handlers, Secret, Vendor, Webhooks, constellation,
    dangerous, esignglobal, ignisign, signplus,
};
use http::StatusCode;

const NOW: i64 = 1_735_689_600;
const APP_ID: &str = "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b";
const ESG_FINISH: &[u8] = include_bytes!("fixtures/esignglobal/envelope_finish.json");
const ESG_SIGNED: &[u8] = include_bytes!("fixtures/esignglobal/envelope_signer_signed.json");
const IGNISIGN_LAUNCHED: &[u8] = include_bytes!("fixtures/ignisign/signature_request_launched.json");
const SIGNPLUS_TRAIL: &[u8] = include_bytes!("fixtures/signplus/audit_trail_signed.json");
const SIGNPLUS_VIEWED: &[u8] = include_bytes!("fixtures/signplus/audit_trail_viewed.json");
const CONSTELLATION_PASCAL: &[u8] = include_bytes!("fixtures/constellation/session_completed_pascal.json");
const CONSTELLATION_CAMEL: &[u8] = include_bytes!("fixtures/constellation/session_completed_camel.json");

fn key(vendor: Vendor, body: &[u8]) -> DedupKey {
    DedupKey::of(&dangerous::parse_unverified(vendor, body).unwrap())
}

/// Re-serialises a JSON body with other whitespace and key order, and an unknown member.
fn reformatted(body: &[u8]) -> Vec<u8> {
    let mut value: serde_json::Value = serde_json::from_slice(body).unwrap();
    value
        .as_object_mut()
        .unwrap()
        .insert("zz_unknown".into(), serde_json::json!({"retry": 3}));
    serde_json::to_vec_pretty(&value).unwrap()
}

#[test]
fn keys_identify_the_event_not_its_formatting() {
    for (vendor, body) in [
        (Vendor::EsignGlobal, ESG_FINISH),
        (Vendor::SignPlus, SIGNPLUS_TRAIL),
        (Vendor::Constellation, CONSTELLATION_PASCAL),
    ] {
        assert_eq!(key(vendor, body), key(vendor, &reformatted(body)), "{vendor}");
        assert_ne!(
            DedupKey::from_body(vendor, body),
            DedupKey::from_body(vendor, &reformatted(body))
        );
        assert!(key(vendor, body).to_string().len() > 64);
    }
    // Constellation1 camelCase and PascalCase of the same update.
    let pascal = key(Vendor::Constellation, CONSTELLATION_PASCAL);
    let camel = key(Vendor::Constellation, CONSTELLATION_CAMEL);
    let same_data = |body: &[u8]| match dangerous::parse_unverified(Vendor::Constellation, body).unwrap() {
        Event::Constellation(update) => update,
        _ => unreachable!(),
    };
    assert_eq!(
        pascal == camel,
        same_data(CONSTELLATION_PASCAL) == same_data(CONSTELLATION_CAMEL)
    );
}

#[test]
fn keys_tell_events_apart() {
    // Each vendor: another event, another status, another signer, another recipient action.
    assert_ne!(
        key(Vendor::EsignGlobal, ESG_FINISH),
        key(Vendor::EsignGlobal, ESG_SIGNED)
    );
    let other_status =
        String::from_utf8_lossy(ESG_FINISH).replacen("\"envelopeStatus\": 2", "\"envelopeStatus\": 3", 1);
    assert_ne!(other_status.as_bytes(), ESG_FINISH, "the fixture has the status");
    assert_ne!(
        key(Vendor::EsignGlobal, ESG_FINISH),
        key(Vendor::EsignGlobal, other_status.as_bytes())
    );
    assert_ne!(
        key(Vendor::SignPlus, SIGNPLUS_TRAIL),
        key(Vendor::SignPlus, SIGNPLUS_VIEWED)
    );
    let other_status = String::from_utf8_lossy(CONSTELLATION_PASCAL).replace("\"Status\": 3", "\"Status\": 4");
    assert_ne!(
        other_status.as_bytes(),
        CONSTELLATION_PASCAL,
        "the fixture has the status"
    );
    assert_ne!(
        key(Vendor::Constellation, CONSTELLATION_PASCAL),
        key(Vendor::Constellation, other_status.as_bytes())
    );
    // Sign.Plus: the target URL (which may hold the query token) and the undocumented uid are not part of the key.
    let mut value: serde_json::Value = serde_json::from_slice(SIGNPLUS_TRAIL).unwrap();
    value["hook"]["target"] = "https://example.com/other?token=x".into();
    value["data"]["uid"] = "0000".into();
    assert_eq!(
        key(Vendor::SignPlus, SIGNPLUS_TRAIL),
        key(Vendor::SignPlus, &serde_json::to_vec(&value).unwrap())
    );
    // Ignisign: the token decides, nothing else.
    let other_token = String::from_utf8_lossy(IGNISIGN_LAUNCHED).replace("f4c2d990", "00000000");
    assert_ne!(
        key(Vendor::Ignisign, IGNISIGN_LAUNCHED),
        key(Vendor::Ignisign, other_token.as_bytes())
    );
    assert_eq!(
        key(Vendor::Ignisign, IGNISIGN_LAUNCHED),
        key(Vendor::Ignisign, &reformatted(IGNISIGN_LAUNCHED))
    );
    // The same digest input under two vendors gives two keys.
    assert_ne!(
        DedupKey::from_body(Vendor::SignPlus, b"{}"),
        DedupKey::from_body(Vendor::Constellation, b"{}")
    );
}

fn esg_scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::parameters("x-esg-signature", ["v1"]),
        SignedContent::timestamp_then_body(TimestampLocation::parameter("t"), "."),
        Encoding::Hex,
    )
}

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .esignglobal(esignglobal::Verifier::new(Secret::new("esg-secret"), esg_scheme()))
        .ignisign(ignisign::Verifier::new(APP_ID, ignisign::AppEnv::Development))
        .signplus(signplus::Verifier::header_token("x-token", Secret::new("t")))
        .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
        .clock(FixedClock(NOW))
        .build()
        .unwrap()
}

fn counting(handlers: &mut Handlers) -> Arc<AtomicUsize> {
    let runs = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&runs);
    handlers.on_any(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
        Ok(())
    });
    runs
}

#[test]
fn duplicates_are_skipped_and_reported_for_every_vendor() {
    let w = webhooks();
    let mut handlers = Handlers::new();
    let runs = counting(&mut handlers);
    handlers.dangerous_skip_ignisign_token_check();
    handlers.deduplicate_with(Deduplicator::in_memory());
    let esg = Signer::hmac(esg_scheme(), Secret::new("esg-secret")).at(NOW);
    let token = Signer::header_token("x-token", Secret::new("t"));
    let requests = [
        esg.sign(ESG_FINISH),
        token.sign(IGNISIGN_LAUNCHED).remove_header("x-token"),
        token.sign(SIGNPLUS_TRAIL),
        token.sign(CONSTELLATION_PASCAL),
    ];
    for request in &requests {
        let first = w.handle(&handlers, &request.body, &request.headers).unwrap();
        assert!(!first.is_duplicate());
        // The same event again, reformatted (a vendor retry need not be byte-identical).
        let again = if first.vendor() == Vendor::EsignGlobal {
            esg.sign(&reformatted(&request.body))
        } else {
            let mut again = request.clone();
            again.body = reformatted(&request.body);
            again
        };
        let retry = w.handle(&handlers, &again.body, &again.headers).unwrap();
        assert!(retry.is_duplicate(), "{}", first.vendor());
        assert!(retry.ran().is_empty() && retry.failures().is_empty());
        assert_eq!(retry.status(), StatusCode::OK);
        assert_eq!(retry.vendor(), first.vendor());
    }
    assert_eq!(runs.load(Ordering::SeqCst), 4, "once per vendor");
    // Verification still comes first: a forged copy is an error, not a duplicate.
    let forged = Signer::header_token("x-token", Secret::new("nope")).sign(SIGNPLUS_TRAIL);
    assert_eq!(
        w.handle(&handlers, &forged.body, &forged.headers).unwrap_err().kind(),
        &ErrorKind::AuthenticationFailed
    );
}

#[test]
fn a_failed_delivery_is_released_so_its_retry_runs() {
    let w = webhooks();
    let mut handlers = Handlers::new();
    let attempts = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&attempts);
    handlers.on_any(move |_| {
        // Fails the first time, as a database that was briefly down would.
        match counter.fetch_add(1, Ordering::SeqCst) {
            0 => Err(HandlerError::msg("database unavailable")),
            _ => Ok(()),
        }
    });
    handlers.deduplicate_with(Deduplicator::in_memory());
    let request = Signer::header_token("x-token", Secret::new("t")).sign(SIGNPLUS_TRAIL);
    let first = w.handle(&handlers, &request.body, &request.headers).unwrap();
    assert_eq!(first.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let retry = w.handle(&handlers, &request.body, &request.headers).unwrap();
    assert!(!retry.is_duplicate());
    assert_eq!(retry.status(), StatusCode::OK);
    let third = w.handle(&handlers, &request.body, &request.headers).unwrap();
    assert!(third.is_duplicate());
    assert_eq!(attempts.load(Ordering::SeqCst), 2);
}

#[test]
fn concurrent_copies_run_the_callbacks_once() {
    let w = webhooks();
    let mut handlers = Handlers::new();
    let runs = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&runs);
    handlers.on_any(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(20)); // still running when the copies arrive
        Ok(())
    });
    handlers.deduplicate_with(Deduplicator::new(MemoryStore::with_capacity(16)));
    let handlers = Arc::new(handlers);
    let request = Arc::new(Signer::header_token("x-token", Secret::new("t")).sign(CONSTELLATION_PASCAL));
    let barrier = Arc::new(Barrier::new(8));
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let (w, handlers, request, barrier) = (
                w.clone(),
                Arc::clone(&handlers),
                Arc::clone(&request),
                Arc::clone(&barrier),
            );
            std::thread::spawn(move || {
                barrier.wait();
                w.handle(&handlers, &request.body, &request.headers).unwrap()
            })
        })
        .collect();
    let reports: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    assert_eq!(runs.load(Ordering::SeqCst), 1);
    // The copies that arrived while the first ran are in flight (503), not duplicates (200).
    let in_flight = reports.iter().filter(|r| r.is_in_flight()).count();
    assert_eq!(in_flight, 7);
    for report in reports.iter().filter(|r| r.is_in_flight()) {
        assert_eq!(report.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(!report.is_duplicate() && report.ran().is_empty());
        assert_eq!(report.retry_after(), Some(esign_webhooks::dedup::DEFAULT_LEASE));
    }
    // Once the first completed, a copy is a duplicate.
    let late = w.handle(&handlers, &request.body, &request.headers).unwrap();
    assert!(late.is_duplicate() && late.status() == StatusCode::OK);
}

#[test]
fn ignisign_replays_cost_no_token_check_and_rejected_tokens_are_released() {
    let w = webhooks();
    let checks = Arc::new(AtomicUsize::new(0));
    let answer = Arc::new(std::sync::Mutex::new(TokenOutcome::NotFound));
    let mut handlers = Handlers::new();
    let runs = counting(&mut handlers);
    let (counter, outcome) = (Arc::clone(&checks), Arc::clone(&answer));
    handlers.confirm_ignisign_with(
        ignisign::ApiKey::new(Secret::new("sk_development_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b_k")),
        move |_request: http::Request<Vec<u8>>| {
            counter.fetch_add(1, Ordering::SeqCst);
            Ok::<_, TransportError>(ignisign_token_response(*outcome.lock().unwrap()))
        },
    );
    handlers.deduplicate_with(Deduplicator::in_memory());
    let no_headers: [(&str, &str); 0] = [];
    // Refused by Ignisign: an error, and the claim is released.
    let err = w.handle(&handlers, IGNISIGN_LAUNCHED, &no_headers).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::ConfirmationRejected { .. }));
    // Accepted on the next attempt (the key was not left behind).
    *answer.lock().unwrap() = TokenOutcome::Valid;
    assert!(
        !w.handle(&handlers, IGNISIGN_LAUNCHED, &no_headers)
            .unwrap()
            .is_duplicate()
    );
    // A replay: recognised before asking Ignisign.
    assert!(
        w.handle(&handlers, IGNISIGN_LAUNCHED, &no_headers)
            .unwrap()
            .is_duplicate()
    );
    assert_eq!(checks.load(Ordering::SeqCst), 2);
    assert_eq!(runs.load(Ordering::SeqCst), 1);
}

#[derive(Debug)]
struct Down;

impl DedupStore for Down {
    fn claim(&self, _: &DedupKey, _: ClaimToken, _: Duration) -> Result<ClaimOutcome, StoreError> {
        Err("connection refused".into())
    }
    fn complete(&self, _: &DedupKey, _: ClaimToken, _: Duration) -> Result<bool, StoreError> {
        Err("connection refused".into())
    }
    fn release(&self, _: &DedupKey, _: ClaimToken) -> Result<bool, StoreError> {
        Err("connection refused".into())
    }
}

#[test]
fn an_unreachable_store_fails_the_request_before_any_callback() {
    let w = webhooks();
    let mut handlers = Handlers::new();
    let runs = counting(&mut handlers);
    handlers.deduplicate_with(Deduplicator::new(Down));
    let request = Signer::header_token("x-token", Secret::new("t")).sign(SIGNPLUS_TRAIL);
    let err = w.handle(&handlers, &request.body, &request.headers).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::DedupStore { .. }));
    assert_eq!(err.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(err.vendor(), Some(Vendor::SignPlus));
    assert!(err.to_string().contains("connection refused"));
    assert_eq!(runs.load(Ordering::SeqCst), 0);
}

#[test]
fn without_a_deduplicator_every_copy_runs() {
    let w = webhooks();
    let mut handlers = Handlers::new();
    let runs = counting(&mut handlers);
    let request = Signer::header_token("x-token", Secret::new("t")).sign(SIGNPLUS_TRAIL);
    for _ in 0..3 {
        assert!(
            !w.handle(&handlers, &request.body, &request.headers)
                .unwrap()
                .is_duplicate()
        );
    }
    assert_eq!(runs.load(Ordering::SeqCst), 3);
    assert!(handlers.deduplicator().is_none());
}

#[test]
fn ttls_expire_and_are_clamped() {
    let dedup = Deduplicator::new(MemoryStore::new())
        .with_ttl(Duration::ZERO)
        .with_lease(Duration::from_millis(30));
    assert_eq!(dedup.ttl(), Duration::from_millis(1));
    let key = DedupKey::from_body(Vendor::SignPlus, b"{}");
    let Admission::Run(abandoned) = dedup.claim(&key).unwrap() else {
        panic!("the first claim runs")
    };
    assert!(matches!(dedup.claim(&key).unwrap(), Admission::InFlight));
    std::mem::forget(abandoned); // a process that died: never settled, never released
    std::thread::sleep(Duration::from_millis(40));
    let Admission::Run(attempt) = dedup.claim(&key).unwrap() else {
        panic!("an abandoned claim expires after the lease")
    };
    attempt.complete().unwrap();
    std::thread::sleep(Duration::from_millis(5));
    assert!(
        matches!(dedup.claim(&key).unwrap(), Admission::Run(_)),
        "a done key expires after the TTL"
    );
}

#[tokio::test]
async fn async_handlers_deduplicate_too() {
    let w = webhooks();
    let runs = Arc::new(AtomicUsize::new(0));
    let mut handlers = AsyncHandlers::new();
    let counter = Arc::clone(&runs);
    handlers.on_any(move |_| {
        let counter = Arc::clone(&counter);
        async move {
            match counter.fetch_add(1, Ordering::SeqCst) {
                0 => Err(HandlerError::msg("first attempt fails")),
                _ => Ok(()),
            }
        }
    });
    handlers.deduplicate_with(AsyncDeduplicator::in_memory());
    let request = Signer::header_token("x-token", Secret::new("t")).sign(CONSTELLATION_PASCAL);
    let first = w
        .handle_async(&handlers, &request.body, &request.headers)
        .await
        .unwrap();
    assert_eq!(first.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let second = w
        .handle_async(&handlers, &request.body, &request.headers)
        .await
        .unwrap();
    assert!(!second.is_duplicate() && second.failures().is_empty());
    let third = w
        .handle_async(&handlers, &request.body, &request.headers)
        .await
        .unwrap();
    assert!(third.is_duplicate());
    assert_eq!(runs.load(Ordering::SeqCst), 2);
}

// ---- Issue 10, finding 1: never 200 unless a callback run succeeded. ----

/// Handlers whose only callback fails while `fail` holds, counting runs.
fn failing_while(fail: &Arc<std::sync::atomic::AtomicBool>) -> (Handlers, Arc<AtomicUsize>) {
    let mut handlers = Handlers::new();
    let runs = Arc::new(AtomicUsize::new(0));
    let (counter, fail) = (Arc::clone(&runs), Arc::clone(fail));
    handlers.on_any(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
        if fail.load(Ordering::SeqCst) {
            Err(HandlerError::msg("database unavailable"))
        } else {
            Ok(())
        }
    });
    (handlers, runs)
}

#[test]
fn a_copy_of_a_delivery_in_flight_is_not_answered_200_when_the_first_then_fails() {
    // (a) The first attempt is still running when a copy arrives; the first then fails.
    let w = webhooks();
    let (entered_tx, entered_rx) = std::sync::mpsc::channel();
    let (go_tx, go_rx) = std::sync::mpsc::channel::<bool>();
    let go_rx = std::sync::Mutex::new(go_rx);
    let mut handlers = Handlers::new();
    handlers.on_any(move |_| {
        entered_tx.send(()).unwrap();
        // Blocks until the test says whether this run succeeds.
        match go_rx.lock().unwrap().recv().unwrap() {
            true => Ok(()),
            false => Err(HandlerError::msg("database unavailable")),
        }
    });
    handlers.deduplicate_with(Deduplicator::in_memory());
    let handlers = Arc::new(handlers);
    let request = Arc::new(Signer::header_token("x-token", Secret::new("t")).sign(SIGNPLUS_TRAIL));
    let first = {
        let (w, handlers, request) = (w.clone(), Arc::clone(&handlers), Arc::clone(&request));
        std::thread::spawn(move || w.handle(&handlers, &request.body, &request.headers).unwrap())
    };
    entered_rx.recv().unwrap(); // the first attempt is inside its callback
    let copy = w.handle(&handlers, &request.body, &request.headers).unwrap();
    assert!(copy.is_in_flight() && !copy.is_duplicate(), "{copy:?}");
    assert_eq!(
        copy.status(),
        StatusCode::SERVICE_UNAVAILABLE,
        "a copy in flight is retryable"
    );
    go_tx.send(false).unwrap(); // the first attempt fails
    assert_eq!(first.join().unwrap().status(), StatusCode::INTERNAL_SERVER_ERROR);
    // The vendor's retry runs the callback (and succeeds this time).
    let retry = {
        let (w, handlers, request) = (w.clone(), Arc::clone(&handlers), Arc::clone(&request));
        std::thread::spawn(move || w.handle(&handlers, &request.body, &request.headers).unwrap())
    };
    entered_rx.recv().unwrap();
    go_tx.send(true).unwrap();
    let retry = retry.join().unwrap();
    assert!(!retry.is_duplicate() && retry.ran().len() == 1 && retry.status() == StatusCode::OK);
    assert!(
        w.handle(&handlers, &request.body, &request.headers)
            .unwrap()
            .is_duplicate()
    );
}

#[test]
fn a_failed_release_is_bounded_by_the_lease_and_never_answered_200() {
    // (b) The release after a callback failure fails.
    let w = webhooks();
    let fail = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let (mut handlers, runs) = failing_while(&fail);
    let store = Arc::new(FaultyStore::new());
    handlers.deduplicate_with(Deduplicator::new(Arc::clone(&store)).with_lease(Duration::from_millis(300)));
    store.fail_release(Fault::Refuse, 1);
    let request = Signer::header_token("x-token", Secret::new("t")).sign(SIGNPLUS_TRAIL);
    let first = w.handle(&handlers, &request.body, &request.headers).unwrap();
    assert_eq!(first.status(), StatusCode::INTERNAL_SERVER_ERROR);
    fail.store(false, Ordering::SeqCst);
    // A retry within the lease: retryable, not a duplicate.
    let early = w.handle(&handlers, &request.body, &request.headers).unwrap();
    assert!(early.is_in_flight() && !early.is_duplicate());
    assert_eq!(early.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(runs.load(Ordering::SeqCst), 1);
    // After the lease: the retry runs.
    std::thread::sleep(Duration::from_millis(350));
    let late = w.handle(&handlers, &request.body, &request.headers).unwrap();
    assert!(!late.is_duplicate() && late.status() == StatusCode::OK);
    assert_eq!(runs.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_dropped_handle_async_future_releases_its_claim() {
    // (c) The server times the request out and drops the future mid-callback.
    let w = webhooks();
    let runs = Arc::new(AtomicUsize::new(0));
    let mut handlers = AsyncHandlers::new();
    let counter = Arc::clone(&runs);
    handlers.on_any(move |_| {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        async move {
            if n == 0 {
                tokio::time::sleep(Duration::from_secs(3600)).await; // hangs: the server gives up
            }
            Ok(())
        }
    });
    let store = Arc::new(FaultyStore::new());
    handlers.deduplicate_with(AsyncDeduplicator::new(Arc::clone(&store)));
    let request = Signer::header_token("x-token", Secret::new("t")).sign(CONSTELLATION_PASCAL);
    let timed_out = tokio::time::timeout(
        Duration::from_millis(50),
        w.handle_async(&handlers, &request.body, &request.headers),
    )
    .await;
    assert!(timed_out.is_err(), "the first attempt hangs and is dropped");
    assert_eq!(store.detached_releases.load(Ordering::SeqCst), 1);
    let retry = w
        .handle_async(&handlers, &request.body, &request.headers)
        .await
        .unwrap();
    assert!(!retry.is_duplicate() && !retry.is_in_flight(), "{retry:?}");
    assert_eq!(retry.status(), StatusCode::OK);
    assert_eq!(runs.load(Ordering::SeqCst), 2);
    assert!(
        w.handle_async(&handlers, &request.body, &request.headers)
            .await
            .unwrap()
            .is_duplicate()
    );
}

fn ignisign_key() -> ignisign::ApiKey {
    ignisign::ApiKey::new(Secret::new("sk_development_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b_k"))
}

#[test]
fn a_panicking_token_transport_is_an_error_and_releases_the_claim() {
    // (d) The Ignisign token transport panics: no unwinding through `handle`, no claim left.
    let w = webhooks();
    let calls = Arc::new(AtomicUsize::new(0));
    let mut handlers = Handlers::new();
    let runs = counting(&mut handlers);
    let counter = Arc::clone(&calls);
    handlers.confirm_ignisign_with(ignisign_key(), move |_request: http::Request<Vec<u8>>| {
        if counter.fetch_add(1, Ordering::SeqCst) == 0 {
            panic!("connection pool poisoned");
        }
        Ok::<_, TransportError>(ignisign_token_response(TokenOutcome::Valid))
    });
    handlers.deduplicate_with(Deduplicator::in_memory());
    let no_headers: [(&str, &str); 0] = [];
    let err = w.handle(&handlers, IGNISIGN_LAUNCHED, &no_headers).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::ConfirmationFailed { .. }), "{err}");
    assert!(err.to_string().contains("panicked"), "{err}");
    assert_eq!(runs.load(Ordering::SeqCst), 0);
    let retry = w.handle(&handlers, IGNISIGN_LAUNCHED, &no_headers).unwrap();
    assert!(!retry.is_duplicate() && !retry.is_in_flight() && retry.ran().len() == 1);
}

#[tokio::test]
async fn a_panicking_async_token_transport_is_an_error_and_releases_the_claim() {
    let w = webhooks();
    let calls = Arc::new(AtomicUsize::new(0));
    let mut handlers = AsyncHandlers::new();
    let counter = Arc::clone(&calls);
    handlers.confirm_ignisign_with(ignisign_key(), move |_request: http::Request<Vec<u8>>| {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        async move {
            if n == 0 {
                panic!("TLS state machine bug");
            }
            Ok::<_, TransportError>(ignisign_token_response(TokenOutcome::Valid))
        }
    });
    handlers.on_any(|_| async { Ok(()) });
    handlers.deduplicate_with(AsyncDeduplicator::in_memory());
    let no_headers: [(&str, &str); 0] = [];
    let err = w
        .handle_async(&handlers, IGNISIGN_LAUNCHED, &no_headers)
        .await
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::ConfirmationFailed { .. }) && err.to_string().contains("panicked"));
    let retry = w.handle_async(&handlers, IGNISIGN_LAUNCHED, &no_headers).await.unwrap();
    assert!(!retry.is_duplicate() && retry.ran().len() == 1);
}

#[test]
fn a_panic_unwinding_through_handle_releases_the_claim() {
    // A panic between claim and settle that nobody catches unwinds through the
    // attempt (a drop guard), which releases the claim.
    let dedup = Deduplicator::in_memory();
    let key = DedupKey::from_body(Vendor::SignPlus, b"{\"a\":1}");
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let Admission::Run(_attempt) = dedup.claim(&key).unwrap() else {
            unreachable!()
        };
        panic!("the caller's processing panicked");
    }));
    assert!(outcome.is_err());
    assert!(
        matches!(dedup.claim(&key).unwrap(), Admission::Run(_)),
        "released by the guard"
    );
}

#[test]
fn a_claim_whose_reply_was_lost_is_released_and_the_retry_runs() {
    // (e) The store executed the claim but its reply was lost (a timeout): 503, and the
    // retry is handled, never answered 200.
    let w = webhooks();
    let mut handlers = Handlers::new();
    let runs = counting(&mut handlers);
    let store = Arc::new(FaultyStore::new());
    handlers.deduplicate_with(Deduplicator::new(Arc::clone(&store)).with_lease(Duration::from_millis(300)));
    let request = Signer::header_token("x-token", Secret::new("t")).sign(SIGNPLUS_TRAIL);
    store.fail_claim(Fault::LoseReply, 1);
    let err = w.handle(&handlers, &request.body, &request.headers).unwrap_err();
    assert_eq!(err.status(), StatusCode::SERVICE_UNAVAILABLE);
    let retry = w.handle(&handlers, &request.body, &request.headers).unwrap();
    assert!(!retry.is_duplicate() && retry.ran().len() == 1, "{retry:?}");
    assert_eq!(runs.load(Ordering::SeqCst), 1);

    // The same, with the best-effort release failing too: the lease bounds it, and
    // until then copies are 503, never 200.
    let other = Signer::header_token("x-token", Secret::new("t")).sign(SIGNPLUS_VIEWED);
    store.fail_claim(Fault::LoseReply, 1);
    store.fail_release(Fault::Refuse, 1);
    assert!(w.handle(&handlers, &other.body, &other.headers).is_err());
    let early = w.handle(&handlers, &other.body, &other.headers).unwrap();
    assert!(early.is_in_flight() && early.status() == StatusCode::SERVICE_UNAVAILABLE);
    std::thread::sleep(Duration::from_millis(350));
    let late = w.handle(&handlers, &other.body, &other.headers).unwrap();
    assert!(!late.is_duplicate() && late.ran().len() == 1);
    assert_eq!(runs.load(Ordering::SeqCst), 2);
}

#[test]
fn a_lost_complete_reply_still_answers_the_success() {
    // The callbacks succeeded and the store executed `complete`, but its reply was lost:
    // the answer is the success (200), and a copy is a duplicate.
    let w = webhooks();
    let mut handlers = Handlers::new();
    let runs = counting(&mut handlers);
    let store = Arc::new(FaultyStore::new());
    handlers.deduplicate_with(Deduplicator::new(Arc::clone(&store)));
    store.fail_complete(Fault::LoseReply, 1);
    let request = Signer::header_token("x-token", Secret::new("t")).sign(CONSTELLATION_PASCAL);
    assert_eq!(
        w.handle(&handlers, &request.body, &request.headers).unwrap().status(),
        StatusCode::OK
    );
    assert!(
        w.handle(&handlers, &request.body, &request.headers)
            .unwrap()
            .is_duplicate()
    );
    assert_eq!(runs.load(Ordering::SeqCst), 1);
}

#[test]
fn a_slow_attempt_cannot_release_the_claim_of_the_copy_that_took_over() {
    let dedup = Deduplicator::in_memory().with_lease(Duration::from_millis(30));
    let key = DedupKey::from_body(Vendor::SignPlus, b"slow");
    let Admission::Run(slow) = dedup.claim(&key).unwrap() else {
        unreachable!()
    };
    std::thread::sleep(Duration::from_millis(40)); // the slow attempt's lease expires
    let Admission::Run(takeover) = dedup.claim(&key).unwrap() else {
        panic!("the lease expired")
    };
    slow.release().unwrap(); // the slow attempt fails: it must not free the takeover's claim
    assert!(matches!(dedup.claim(&key).unwrap(), Admission::InFlight));
    takeover.complete().unwrap();
    assert!(matches!(dedup.claim(&key).unwrap(), Admission::Done));
}
