//! Box Sign: the vendor conformance suite (`common/vendor_conformance.rs`),
//! then what is Box Sign's own: its documented construction (primary and
//! secondary signatures over body ‖ RFC 3339 timestamp), either key in
//! either header, the 10-minute window, its version and algorithm headers,
//! the delivery id outside the dedup key, the lifecycle of each event.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;

use std::sync::{Arc, Mutex};

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::testing::Signer;
use esign_webhooks::{ErrorKind, Event, FixedClock, Handlers, Lifecycle, Secret, Vendor, Webhooks, boxsign, docuseal};
use http::StatusCode;
use vendor_conformance::Conformance;

const NOW: i64 = 1_714_669_200; // 2024-05-02T17:00:00Z
const PRIMARY: &str = "Bv5nKp1cZ0qLw8Rt3Yx6Hs9Dm2Fj4Ga7";
const SECONDARY: &str = "Qe2Wr5Ty8Ui1Op4As7Df0Gh3Jk6Lz9Xc";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/boxsign/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .boxsign(boxsign::Verifier::new(Secret::new(PRIMARY), Secret::new(SECONDARY)))
        .docuseal(docuseal::Verifier::new(Secret::new("whsec_x")))
        .clock(FixedClock(NOW))
        .build()
        .unwrap()
}

/// Signs as Box does: both headers, each with its key, plus version and algorithm.
fn sign_at(body: &[u8], at: i64) -> esign_webhooks::testing::SignedRequest {
    Signer::hmac(boxsign::scheme(), Secret::new(PRIMARY))
        .with_secret(Secret::new(SECONDARY))
        .at(at)
        .sign(body)
        .set_header("BOX-DELIVERY-ID", "f96bb54b-ee16-4fc5-aa65-8c2d9e5b546f")
        .set_header("BOX-SIGNATURE-VERSION", "1")
        .set_header("BOX-SIGNATURE-ALGORITHM", "HmacSHA256")
}

fn sign(body: &[u8]) -> esign_webhooks::testing::SignedRequest {
    sign_at(body, NOW)
}

fn kind(result: Result<Event, esign_webhooks::Error>) -> ErrorKind {
    result.expect_err("must be refused").kind().clone()
}

const FIXTURES: &[(&str, boxsign::EventKind, Option<Lifecycle>)] = &[
    ("completed", boxsign::EventKind::Completed, Some(Lifecycle::Completed)),
    ("declined", boxsign::EventKind::Declined, Some(Lifecycle::Declined)),
    ("expired", boxsign::EventKind::Expired, Some(Lifecycle::Expired)),
    (
        "signer_email_bounced",
        boxsign::EventKind::SignerEmailBounced,
        Some(Lifecycle::DeliveryFailed),
    ),
    (
        "signer_signed",
        boxsign::EventKind::SignerSigned,
        Some(Lifecycle::Signed),
    ),
    (
        "signature_requested",
        boxsign::EventKind::SignatureRequested,
        Some(Lifecycle::Sent),
    ),
    (
        "error_finalizing",
        boxsign::EventKind::ErrorFinalizing,
        Some(Lifecycle::Failed),
    ),
    ("unknown_trigger", boxsign::EventKind::Unknown(String::new()), None),
];

/// Two HMACs over the body then a signed RFC 3339 timestamp.
#[test]
fn conformance() {
    Conformance::new(Vendor::BoxSign)
        .timestamp_signed()
        .registrar(|handlers, hits| {
            handlers.boxsign().on(boxsign::EventKind::ALL, move |_| hits.hit());
        })
        .run();
}

#[test]
fn every_fixture_dispatches_to_its_typed_event() {
    let webhooks = webhooks();
    for (name, expected, _) in FIXTURES {
        let request = sign(&fixture(name));
        match webhooks.dispatch(&request.body, &request.headers) {
            Ok(Event::BoxSign(event)) if expected.is_unknown() => assert!(event.kind().is_unknown()),
            Ok(Event::BoxSign(event)) => assert_eq!(event.kind(), expected, "{name}"),
            other => panic!("{name}: {other:?}"),
        }
    }
}

/// Box's construction (https://developer.box.com/guides/webhooks/v2/signatures-v2): HMAC-SHA256 over the body
/// bytes then the `BOX-DELIVERY-TIMESTAMP` bytes, base64. Box publishes no vector; these values were computed
/// with Python's `hmac` from that description.
#[test]
fn the_documented_construction_reproduces() {
    let body = br#"{"type":"webhook_event","webhook":{"id":"1234567890"},"trigger":"SIGN_REQUEST.COMPLETED"}"#;
    let webhooks = Webhooks::builder()
        .boxsign(boxsign::Verifier::new(
            Secret::new("SamplePrimaryKey"),
            Secret::new("SampleSecondaryKey"),
        ))
        .clock(FixedClock(1_700_000_000))
        .build()
        .unwrap();
    let headers = [
        ("BOX-DELIVERY-TIMESTAMP", "2023-11-14T14:13:20-08:00"),
        ("BOX-SIGNATURE-PRIMARY", "QH5TOISJvplsjpS3deTnR3tOqGP/61xyIl5hBSKSbMQ="),
        (
            "BOX-SIGNATURE-SECONDARY",
            "+r6nqTDXPjKw1WLKM9VIK1Mn38YejWNc2smT45vdQvA=",
        ),
        ("BOX-SIGNATURE-VERSION", "1"),
        ("BOX-SIGNATURE-ALGORITHM", "HmacSHA256"),
    ];
    // The body lacks `id`: authentication passes, the typed parse then says what is missing.
    let err = webhooks.dispatch(body, &headers).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::MalformedPayload { .. }), "{err}");
    assert!(webhooks.verify(body, &headers).is_ok());
}

#[test]
fn either_key_in_either_header_passes() {
    let body = fixture("completed");
    let primary_only = Webhooks::builder()
        .boxsign(boxsign::Verifier::primary(Secret::new(PRIMARY)))
        .clock(FixedClock(NOW))
        .build()
        .unwrap();
    let request = sign(&body);
    assert!(primary_only.dispatch(&request.body, &request.headers).is_ok());
    // After a rotation of the primary key Box signs with the new one; the secondary still matches.
    let rotated = Signer::hmac(boxsign::scheme(), Secret::new("a-new-primary-key"))
        .with_secret(Secret::new(SECONDARY))
        .at(NOW)
        .sign(&body);
    let verified = webhooks().verify(&rotated.body, &rotated.headers).unwrap();
    assert_eq!(verified.verified().key_index(), Some(1));
    assert_eq!(
        kind(primary_only.dispatch(&rotated.body, &rotated.headers)),
        ErrorKind::AuthenticationFailed
    );
}

#[test]
fn the_timestamp_window_and_other_versions() {
    let webhooks = webhooks();
    let body = fixture("signer_signed");
    // The timestamp is signed: moving it breaks both signatures.
    let moved = sign(&body).set_header("BOX-DELIVERY-TIMESTAMP", "2024-05-02T17:00:01Z");
    assert_eq!(
        kind(webhooks.dispatch(&moved.body, &moved.headers)),
        ErrorKind::AuthenticationFailed
    );

    // 10 minutes, inclusive.
    for (at, ok) in [
        (NOW - 600, true),
        (NOW - 601, false),
        (NOW + 600, true),
        (NOW + 601, false),
        // Box's SDKs refuse a timestamp 20 minutes ahead: the bound on the
        // future is kept (documented in `boxsign`'s module docs).
        (NOW + 1200, false),
    ] {
        let request = sign_at(&body, at);
        let result = webhooks.dispatch(&request.body, &request.headers);
        assert_eq!(result.is_ok(), ok, "{at}: {result:?}");
        if let Err(err) = result {
            assert!(matches!(
                err.kind(),
                ErrorKind::TimestampOutOfTolerance {
                    tolerance_secs: 600,
                    ..
                }
            ));
            assert_eq!(err.status(), StatusCode::UNAUTHORIZED);
        }
    }
    // Another signature version or algorithm is refused; absent ones are not required.
    for (name, value) in [
        ("BOX-SIGNATURE-VERSION", "2"),
        ("BOX-SIGNATURE-ALGORITHM", "HmacSHA512"),
    ] {
        let request = sign(&body).set_header(name, value);
        assert!(matches!(
            kind(webhooks.dispatch(&request.body, &request.headers)),
            ErrorKind::MalformedHeader { .. }
        ));
    }
    let bare = sign(&body)
        .remove_header("BOX-SIGNATURE-VERSION")
        .remove_header("BOX-SIGNATURE-ALGORITHM");
    assert!(webhooks.dispatch(&bare.body, &bare.headers).is_ok());
    // A Unix timestamp is not Box's RFC 3339.
    let unix = sign(&body).set_header("BOX-DELIVERY-TIMESTAMP", NOW.to_string());
    assert!(matches!(
        kind(webhooks.dispatch(&unix.body, &unix.headers)),
        ErrorKind::MalformedHeader { .. }
    ));
}

#[test]
fn success_response_dedup_and_lifecycle() {
    let webhooks = webhooks();
    let first = sign(&fixture("completed"));
    let retry = sign_at(&fixture("completed"), NOW + 60).set_header("BOX-DELIVERY-ID", "another-delivery");
    let a = webhooks.dispatch(&first.body, &first.headers).unwrap();
    let b = webhooks.dispatch(&retry.body, &retry.headers).unwrap();
    assert_eq!(a.success_response().status(), StatusCode::OK);
    assert_eq!(DedupKey::of(&a), DedupKey::of(&b));
    let signed = sign(&fixture("signer_signed"));
    assert_ne!(
        DedupKey::of(&a),
        DedupKey::of(&webhooks.dispatch(&signed.body, &signed.headers).unwrap())
    );

    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut handlers = Handlers::new();
    let log = seen.clone();
    handlers.on_lifecycle(Lifecycle::ALL, move |e| {
        log.lock().unwrap().push((e.kind, e.envelope_id.clone()));
        Ok(())
    });
    let typed = Arc::new(Mutex::new(0));
    let count = typed.clone();
    handlers.boxsign().on(boxsign::EventKind::Completed, move |event| {
        assert_eq!(event.id, "0f46a6ca-86bf-44ab-8cf5-f08e1e02876b");
        *count.lock().unwrap() += 1;
        Ok(())
    });
    for (name, _, lifecycle) in FIXTURES {
        let request = sign(&fixture(name));
        let before = seen.lock().unwrap().len();
        webhooks.handle(&handlers, &request.body, &request.headers).unwrap();
        let seen = seen.lock().unwrap();
        match lifecycle {
            Some(step) => {
                assert_eq!(seen.len(), before + 1, "{name}");
                assert_eq!(
                    seen[before],
                    (*step, Some("2a0e5ec8-aa5e-4e07-9a5f-0dd7d7e66b33".to_owned()))
                );
            }
            None => assert_eq!(seen.len(), before, "{name}"),
        }
    }
    assert_eq!(*typed.lock().unwrap(), 1);
}
