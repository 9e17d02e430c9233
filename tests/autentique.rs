//! Autentique: the vendor conformance suite (`common/vendor_conformance.rs`),
//! then what is Autentique's own: every event type to its typed event and
//! lifecycle, the raw bytes being what is signed, the configurable header,
//! and the dedup key being the event id.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;

use std::sync::{Arc, Mutex};

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::testing::Signer;
use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent};
use esign_webhooks::{ErrorKind, Event, Handlers, Lifecycle, Secret, Vendor, Webhooks, autentique, clicksign};
use http::StatusCode;
use vendor_conformance::Conformance;

const KEY: &str = "autentique-endpoint-secret";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/autentique/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .autentique(autentique::Verifier::new(Secret::new(KEY)))
        .clicksign(clicksign::Verifier::new(Secret::new("clicksign-key")))
        .build()
        .unwrap()
}

fn sign(body: &[u8]) -> esign_webhooks::testing::SignedRequest {
    Signer::hmac(autentique::scheme(), Secret::new(KEY)).sign(body)
}

fn kind(result: Result<Event, esign_webhooks::Error>) -> ErrorKind {
    result.expect_err("must be refused").kind().clone()
}

const DOC: &str = "89c7d2ab31f9f5a13b3d20ecf53319af387e54d240ae7be993";

/// A fixture, its kind, and the lifecycle step (with its signer) it gives, if any.
type Expected = (
    &'static str,
    autentique::EventType,
    Option<(Lifecycle, Option<&'static str>)>,
);

const FIXTURES: &[Expected] = {
    use autentique::EventType as T;
    &[
        ("document_created", T::DocumentCreated, None),
        ("document_updated", T::DocumentUpdated, None),
        ("document_deleted", T::DocumentDeleted, None),
        (
            "document_finished",
            T::DocumentFinished,
            Some((Lifecycle::Completed, None)),
        ),
        ("signature_created", T::SignatureCreated, None),
        ("signature_updated", T::SignatureUpdated, None),
        ("signature_deleted", T::SignatureDeleted, None),
        (
            "signature_viewed",
            T::SignatureViewed,
            Some((Lifecycle::Viewed, Some("felipe@example.com"))),
        ),
        (
            "signature_accepted",
            T::SignatureAccepted,
            Some((Lifecycle::Signed, Some("felipe@example.com"))),
        ),
        (
            "signature_rejected",
            T::SignatureRejected,
            Some((Lifecycle::Declined, Some("felipe@example.com"))),
        ),
        (
            "signature_delivery_failed",
            T::SignatureDeliveryFailed,
            Some((Lifecycle::DeliveryFailed, Some("felipe@example.com"))),
        ),
    ]
};

/// A hex HMAC of the raw body, no timestamp.
#[test]
fn conformance() {
    Conformance::new(Vendor::Autentique)
        .registrar(|handlers, hits| {
            handlers
                .autentique()
                .on(autentique::EventType::ALL, move |_| hits.hit());
        })
        .run();
}

#[test]
fn every_event_type_dispatches_to_its_typed_event_and_lifecycle() {
    let webhooks = webhooks();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut handlers = Handlers::new();
    let log = seen.clone();
    handlers.on_lifecycle(Lifecycle::ALL, move |e| {
        log.lock()
            .unwrap()
            .push((e.kind, e.envelope_id.clone(), e.signer_id.clone()));
        Ok(())
    });
    for (name, expected, step) in FIXTURES {
        let request = sign(&fixture(name));
        match webhooks.dispatch(&request.body, &request.headers) {
            Ok(Event::Autentique(event)) => {
                assert_eq!(event.kind(), expected, "{name}");
                assert_eq!(event.document_id(), Some(DOC), "{name}");
            }
            other => panic!("{name}: {other:?}"),
        }
        seen.lock().unwrap().clear();
        webhooks.handle(&handlers, &request.body, &request.headers).unwrap();
        let got = seen.lock().unwrap().clone();
        match step {
            None => assert!(got.is_empty(), "{name}: {got:?}"),
            Some((lifecycle, signer)) => {
                assert_eq!(
                    got,
                    [(*lifecycle, Some(DOC.to_owned()), signer.map(str::to_owned))],
                    "{name}"
                );
            }
        }
    }
    let request = sign(&fixture("unknown_event"));
    assert!(matches!(
        webhooks.dispatch(&request.body, &request.headers).unwrap(),
        Event::Autentique(e) if e.kind().is_unknown()
    ));
}

/// The raw bytes are signed (a re-serialised body fails), and a missing
/// header is a 400 naming `X-Autentique-Signature`.
#[test]
fn the_raw_bytes_are_signed_and_a_missing_signature_is_refused() {
    let webhooks = webhooks();
    let body = fixture("document_updated");
    let request = sign(&body);
    assert!(webhooks.dispatch(&body, &request.headers).is_ok());
    let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let compact = serde_json::to_vec(&value).unwrap();
    assert_eq!(
        kind(webhooks.dispatch(&compact, &request.headers)),
        ErrorKind::AuthenticationFailed
    );
    let forged = Signer::hmac(autentique::scheme(), Secret::new("not-the-secret")).sign(&body);
    assert_eq!(
        kind(webhooks.dispatch(&body, &forged.headers)),
        ErrorKind::AuthenticationFailed
    );
    let unsigned = webhooks
        .dispatch(&body, &[("content-type", "application/json")])
        .unwrap_err();
    assert!(
        matches!(unsigned.kind(), ErrorKind::MissingHeader { name } if name.eq_ignore_ascii_case(autentique::SIGNATURE_HEADER))
    );
    assert_eq!(unsigned.status(), StatusCode::BAD_REQUEST);
}

/// The header is not confirmed by a complete vendor example: another one
/// can be configured, and then only that one is read.
#[test]
fn the_signature_header_is_configurable() {
    let webhooks = Webhooks::builder()
        .autentique(autentique::Verifier::with_header("X-Signature", Secret::new(KEY)))
        .build()
        .unwrap();
    let body = fixture("signature_accepted");
    let elsewhere = HmacScheme::new(
        SignatureLocation::header("X-Signature"),
        SignedContent::Body,
        Encoding::Hex,
    );
    let request = Signer::hmac(elsewhere, Secret::new(KEY)).sign(&body);
    assert!(matches!(
        webhooks.dispatch(&request.body, &request.headers),
        Ok(Event::Autentique(_))
    ));
    let default_header = sign(&body);
    assert!(matches!(
        kind(webhooks.dispatch(&default_header.body, &default_header.headers)),
        ErrorKind::MissingHeader { .. }
    ));
}

/// The dedup key is `event.id`: the same event redelivered (even re-signed,
/// with another delivery envelope) has one key, another event another.
#[test]
fn the_event_id_is_the_dedup_key() {
    let webhooks = webhooks();
    let body = fixture("signature_accepted");
    let first = sign(&body);
    let a = webhooks.dispatch(&first.body, &first.headers).unwrap();
    assert_eq!(a.success_response().status(), StatusCode::OK);
    let mut value: serde_json::Value = serde_json::from_slice(&body).unwrap();
    value["name"] = "renamed endpoint".into();
    let redelivered = sign(&serde_json::to_vec(&value).unwrap());
    let b = webhooks.dispatch(&redelivered.body, &redelivered.headers).unwrap();
    assert_eq!(DedupKey::of(&a), DedupKey::of(&b));
    let other = sign(&fixture("signature_viewed"));
    assert_ne!(
        DedupKey::of(&a),
        DedupKey::of(&webhooks.dispatch(&other.body, &other.headers).unwrap())
    );
}
