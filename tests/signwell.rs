//! SignWell: the vendor conformance suite (`common/vendor_conformance.rs`),
//! then what is SignWell's own: its in-body `event.hash` (the §15 vector,
//! the fields it covers and those it does not), the shapes that are not
//! SignWell's, the dedup key of a re-serialised delivery, the lifecycle of
//! each event.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;

use std::sync::{Arc, Mutex};

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::{ErrorKind, Event, Handlers, Lifecycle, Secret, Vendor, Webhooks, opensign, signwell};
use http::StatusCode;
use vendor_conformance::Conformance;

const WEBHOOK_ID: &str = "8e9b3f52-6c1d-4a7e-b0f9-2d4c6e8a1b3f";
const NO_HEADERS: [(&str, &str); 0] = [];

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/signwell/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .signwell(signwell::Verifier::new(Secret::new(WEBHOOK_ID)))
        .opensign(opensign::Verifier::new(Secret::new("opensign-key")))
        .build()
        .unwrap()
}

fn kind(result: Result<Event, esign_webhooks::Error>) -> ErrorKind {
    result.expect_err("must be refused").kind().clone()
}

const FIXTURES: &[(&str, Option<Lifecycle>)] = &[
    ("document_created", None),
    ("document_sent", Some(Lifecycle::Sent)),
    ("document_viewed", Some(Lifecycle::Viewed)),
    ("document_in_progress", None),
    ("document_recipients_updated", None),
    ("document_signed", Some(Lifecycle::Signed)),
    ("document_completed", Some(Lifecycle::Completed)),
    ("document_expired", Some(Lifecycle::Expired)),
    ("document_canceled", Some(Lifecycle::Cancelled)),
    ("document_declined", Some(Lifecycle::Declined)),
    ("document_bounced", Some(Lifecycle::DeliveryFailed)),
    ("document_error", Some(Lifecycle::Failed)),
    ("template_created", None),
    ("template_error", None),
];

/// The proof is an HMAC of `type@time` inside the body: the rest of the
/// body is not covered, and no timestamp is checked.
#[test]
fn conformance() {
    Conformance::new(Vendor::SignWell)
        .body_not_covered()
        .registrar(|handlers, hits| {
            handlers.signwell().on(signwell::EventKind::ALL, move |_| hits.hit());
        })
        .run();
}

#[test]
fn every_fixture_dispatches_to_its_typed_event() {
    let webhooks = webhooks();
    for (name, _) in FIXTURES {
        match webhooks.dispatch(&fixture(name), &NO_HEADERS) {
            Ok(Event::SignWell(event)) => assert_eq!(event.kind().as_str(), *name),
            other => panic!("{name}: {other:?}"),
        }
    }
    let event = webhooks.dispatch(&fixture("unknown_event"), &NO_HEADERS).unwrap();
    assert!(matches!(event, Event::SignWell(e) if e.kind().is_unknown()));
}

/// other-vendors.md §15: key `webhook-id-123`, message `document_completed@1700000000` (locally computed from
/// https://developers.signwell.com/reference/event-hash-verification; SignWell publishes no vector).
#[test]
fn the_documented_construction_reproduces() {
    let body = br#"{"event":{"type":"document_completed","time":1700000000,"hash":"b4521f404ad26dd08a94dacf6bd9a6cd394d5da30b32b60b2b6361ab19db5e8a"},"data":{"object":{"id":"d1"},"account_id":"a1"}}"#;
    let webhooks = Webhooks::builder()
        .signwell(signwell::Verifier::new(Secret::new("webhook-id-123")))
        .build()
        .unwrap();
    let event = webhooks.dispatch(body, &NO_HEADERS).unwrap();
    assert!(matches!(&event, Event::SignWell(e) if e.document_id() == Some("d1")));
    let verified = webhooks.verify(body, &NO_HEADERS).unwrap();
    assert_eq!(verified.verified().timestamp(), Some(1_700_000_000));
}

#[test]
fn refuses_a_changed_type_or_time_and_an_empty_webhook_id() {
    let body = fixture("document_completed");
    let text = String::from_utf8(body.clone()).unwrap();
    let retyped = text.replace("\"document_completed\"", "\"document_declined\"");
    assert_eq!(
        kind(webhooks().dispatch(retyped.as_bytes(), &NO_HEADERS)),
        ErrorKind::AuthenticationFailed
    );
    let retimed = text.replace("1714640760", "1714640761");
    assert_ne!(retimed, text);
    assert_eq!(
        kind(webhooks().dispatch(retimed.as_bytes(), &NO_HEADERS)),
        ErrorKind::AuthenticationFailed
    );
    assert!(
        Webhooks::builder()
            .signwell(signwell::Verifier::new(Secret::new("")))
            .build()
            .is_err()
    );
}

/// What the proof does not cover, stated as tests so the documentation cannot drift.
#[test]
fn the_body_is_not_covered_and_nothing_expires() {
    let webhooks = webhooks();
    let text = String::from_utf8(fixture("document_completed")).unwrap();
    let forged = text.replace("Consulting Agreement", "Forged Agreement");
    assert_ne!(forged, text);
    let event = webhooks.dispatch(forged.as_bytes(), &NO_HEADERS).unwrap();
    let Event::SignWell(event) = event else { panic!() };
    assert_eq!(
        event.data.unwrap().object.unwrap().name.as_deref(),
        Some("Forged Agreement")
    );
    // The same delivery verifies however old it is: the builder's clock is never consulted.
    assert!(webhooks.dispatch(text.as_bytes(), &NO_HEADERS).is_ok());
}

#[test]
fn refuses_what_is_not_signwells() {
    let webhooks = webhooks();
    // A SignWell body to a receiver without SignWell.
    let other = Webhooks::builder()
        .opensign(opensign::Verifier::new(Secret::new("opensign-key")))
        .build()
        .unwrap();
    assert!(matches!(
        kind(other.dispatch(&fixture("document_signed"), &NO_HEADERS)),
        ErrorKind::VendorNotConfigured { .. } | ErrorKind::UnrecognizedVendor
    ));
    // A body with `event` and `data` but no `event.hash` is not SignWell's.
    let boldsign_like =
        br#"{"event":{"id":"e1","created":1700000000,"eventType":"Completed"},"data":{"object":"document"}}"#;
    assert_eq!(
        kind(webhooks.dispatch(boldsign_like, &NO_HEADERS)),
        ErrorKind::UnrecognizedVendor
    );
}

#[test]
fn success_response_dedup_lifecycle_and_registrar() {
    let webhooks = webhooks();
    let a = webhooks.dispatch(&fixture("document_viewed"), &NO_HEADERS).unwrap();
    assert_eq!(a.success_response().status(), StatusCode::OK);
    let text = String::from_utf8(fixture("document_viewed")).unwrap();
    let reformatted: serde_json::Value = serde_json::from_str(&text).unwrap();
    let b = webhooks
        .dispatch(&serde_json::to_vec(&reformatted).unwrap(), &NO_HEADERS)
        .unwrap();
    assert_eq!(DedupKey::of(&a), DedupKey::of(&b));
    let c = webhooks.dispatch(&fixture("document_signed"), &NO_HEADERS).unwrap();
    assert_ne!(DedupKey::of(&a), DedupKey::of(&c));

    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut handlers = Handlers::new();
    let log = seen.clone();
    handlers.on_lifecycle(Lifecycle::ALL, move |e| {
        log.lock()
            .unwrap()
            .push((e.kind, e.envelope_id.clone(), e.signer_id.clone()));
        Ok(())
    });
    let signed = Arc::new(Mutex::new(0));
    let count = signed.clone();
    handlers
        .signwell()
        .on(signwell::EventKind::DocumentSigned, move |event| {
            assert!(event.event.related_signer.is_some());
            *count.lock().unwrap() += 1;
            Ok(())
        });
    for (name, step) in FIXTURES {
        let before = seen.lock().unwrap().len();
        webhooks.handle(&handlers, &fixture(name), &NO_HEADERS).unwrap();
        let seen = seen.lock().unwrap();
        match step {
            Some(step) => {
                assert_eq!(seen.len(), before + 1, "{name}");
                assert_eq!(seen[before].0, *step);
                assert_eq!(seen[before].1.as_deref(), Some("5f3c6a2e-0b1d-4c8e-9f7a-1e2d3c4b5a69"));
            }
            None => assert_eq!(seen.len(), before, "{name}"),
        }
    }
    let seen = seen.lock().unwrap();
    let declined = seen.iter().find(|s| s.0 == Lifecycle::Declined).unwrap();
    assert_eq!(declined.2.as_deref(), Some("sam.lee@example.org"));
    assert_eq!(*signed.lock().unwrap(), 1);
}
