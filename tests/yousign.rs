//! Yousign end to end: every fixture through `Webhooks::dispatch` with the
//! real scheme, the refusals, the response, deduplication, the lifecycle and
//! the typed registrar.

#[path = "common/vendor_fixtures.rs"]
mod vendor_fixtures;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::testing::Signer;
use esign_webhooks::yousign::{self, EventKind};
use esign_webhooks::{ErrorKind, Event, Handlers, Incoming, Lifecycle, Secret, Webhooks, signplus};
use vendor_fixtures::{fixture, lifecycle_steps, load};

const SECRET: &str = "yousign-subscription-secret-key";

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .yousign(yousign::Verifier::new(Secret::new(SECRET)))
        .signplus(signplus::Verifier::header_token(
            "x-signplus-token",
            Secret::new("sp-token"),
        ))
        .build()
        .unwrap()
}

fn signer() -> Signer {
    Signer::hmac(yousign::scheme(), Secret::new(SECRET))
}

#[test]
fn every_fixture_dispatches_to_a_typed_event() {
    let webhooks = webhooks();
    for (name, body) in load("yousign") {
        let request = signer().sign(&body);
        assert!(request.headers[0].1.starts_with("sha256="), "{name}");
        let event = match webhooks.dispatch(&request.body, &request.headers) {
            Ok(Event::Yousign(event)) => event,
            other => panic!("{name}: {other:?}"),
        };
        assert!(!event.event_name.is_unknown(), "{name}: {}", event.event_name);
        assert_eq!(
            event.event_name.as_str().replace('.', "_"),
            name,
            "fixture named after its event"
        );
        assert_eq!(
            event.signature_request_id(),
            Some("b9bf5521-00eb-4044-adf5-da4ea31a48e0")
        );
        assert!(event.event_time_unix().is_some());
        assert_eq!(event.data.signer.is_some(), name.starts_with("signer_"), "{name}");
    }
}

#[test]
fn refusals() {
    let webhooks = webhooks();
    let body = fixture("yousign", "signature_request_done");

    let wrong_key = Signer::hmac(yousign::scheme(), Secret::new("another-key")).sign(&body);
    let err = webhooks.dispatch(&wrong_key.body, &wrong_key.headers).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::AuthenticationFailed);
    assert_eq!(err.status(), 401);

    let mut tampered = signer().sign(&body);
    tampered.body = String::from_utf8(tampered.body)
        .unwrap()
        .replace("\"done\"", "\"ongoing\"")
        .into_bytes();
    let err = webhooks.dispatch(&tampered.body, &tampered.headers).unwrap_err();
    assert_eq!(err.status(), 401);

    // No timestamp is signed: a delivery signed long ago still verifies
    // (replays are stopped by deduplication on `event_id`, not by the check).
    let old = signer().at(0).sign(&body);
    assert!(webhooks.dispatch(&old.body, &old.headers).is_ok());

    // Another vendor's body under Yousign's signature.
    let foreign = br#"{"hook":{"id":"h","event":"envelope_completed"},"data":{"envelope_id":"e"}}"#;
    let request = signer().sign(foreign);
    let err = webhooks.dispatch(&request.body, &request.headers).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::VendorMismatch { .. }), "{err:?}");

    // Yousign's body without its signature header.
    let err = webhooks
        .dispatch(&body, &[("content-type", "application/json")])
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::MissingHeader { .. }), "{err:?}");
}

#[test]
fn success_response_dedup_key_and_lifecycle() {
    let webhooks = webhooks();
    let expected = [
        ("signature_request_activated", Some(Lifecycle::Sent), None),
        ("signature_request_approved", None, None),
        (
            "signature_request_declined",
            Some(Lifecycle::Declined),
            Some("9f8a4b2e-6c1d-4e3f-8a7b-2c1d0e9f8a7b"),
        ),
        ("signature_request_done", Some(Lifecycle::Completed), None),
        ("signature_request_expired", Some(Lifecycle::Expired), None),
        ("signature_request_reminder_executed", None, None),
        (
            "signer_done",
            Some(Lifecycle::Signed),
            Some("9f8a4b2e-6c1d-4e3f-8a7b-2c1d0e9f8a7b"),
        ),
        (
            "signer_error",
            Some(Lifecycle::Failed),
            Some("9f8a4b2e-6c1d-4e3f-8a7b-2c1d0e9f8a7b"),
        ),
        (
            "signer_link_opened",
            Some(Lifecycle::Viewed),
            Some("9f8a4b2e-6c1d-4e3f-8a7b-2c1d0e9f8a7b"),
        ),
        ("signer_notified", None, None),
    ];
    let mut keys = Vec::new();
    for (name, kind, signer_id) in expected {
        let request = signer().sign(&fixture("yousign", name));
        let event = webhooks.dispatch(&request.body, &request.headers).unwrap();
        let response = event.success_response();
        assert_eq!(response.status(), 200);
        assert!(response.body().is_empty());
        keys.push(DedupKey::of(&event));

        let (steps, report) = lifecycle_steps(&webhooks, &request.incoming());
        let want: Vec<_> = kind
            .map(|kind| {
                (
                    kind,
                    Some("b9bf5521-00eb-4044-adf5-da4ea31a48e0".to_owned()),
                    signer_id.map(str::to_owned),
                )
            })
            .into_iter()
            .collect();
        assert_eq!(steps, want, "{name}");
        assert!(report.failures().is_empty());
    }
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), expected.len(), "distinct events, distinct keys");

    // A retry (same event_id, another X-Yousign-Retry, re-serialised) has the same key.
    let body = fixture("yousign", "signer_done");
    let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let compact = serde_json::to_vec(&value).unwrap();
    let a = signer().sign(&body);
    let b = signer().sign(&compact);
    let b_headers: Vec<(String, String)> = b
        .headers
        .iter()
        .cloned()
        .chain([("X-Yousign-Retry".to_owned(), "1".to_owned())])
        .collect();
    let first = webhooks.dispatch(&a.body, &a.headers).unwrap();
    let retry = webhooks.dispatch(&b.body, &b_headers).unwrap();
    assert_eq!(DedupKey::of(&first), DedupKey::of(&retry));
}

#[test]
fn typed_registrar() {
    let webhooks = webhooks();
    let done = Arc::new(AtomicUsize::new(0));
    let any = Arc::new(AtomicUsize::new(0));
    let mut handlers = Handlers::new();
    let counter = Arc::clone(&done);
    handlers.yousign().on(EventKind::SignerDone, move |event| {
        assert_eq!(
            event.data.signer.as_ref().map(|s| s.id.as_str()),
            Some("9f8a4b2e-6c1d-4e3f-8a7b-2c1d0e9f8a7b")
        );
        counter.fetch_add(1, Ordering::SeqCst);
        Ok(())
    });
    let counter = Arc::clone(&any);
    handlers.yousign().on(EventKind::ALL, move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
        Ok(())
    });
    for (_, body) in load("yousign") {
        let request = signer().sign(&body);
        let report = webhooks
            .handle_incoming(&handlers, &Incoming::new(&request.body, &request.headers))
            .unwrap();
        assert!(report.is_handled());
    }
    assert_eq!(done.load(Ordering::SeqCst), 1);
    assert_eq!(any.load(Ordering::SeqCst), 10);
}
