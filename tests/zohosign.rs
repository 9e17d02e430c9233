//! Zoho Sign: the vendor conformance suite (`common/vendor_conformance.rs`),
//! then what is Zoho Sign's own: the fields of its fixtures, its published
//! sample, its encoding, the lifecycle of each operation and one dedup key
//! for the documented and the delivered shapes.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;
#[path = "common/vendor_fixtures.rs"]
mod vendor_fixtures;

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::testing::Signer;
use esign_webhooks::zohosign::{self, OperationType};
use esign_webhooks::{ErrorKind, Event, Lifecycle, Secret, Vendor, Webhooks, documenso};
use vendor_conformance::Conformance;
use vendor_fixtures::{fixture, lifecycle_steps, load};

/// An HMAC of the body, no timestamp.
#[test]
fn conformance() {
    Conformance::new(Vendor::ZohoSign)
        .registrar(|handlers, hits| {
            handlers.zohosign().on(OperationType::ALL, move |_| hits.hit());
        })
        .run();
}

const SECRET: &str = "zoho-generated-webhook-secret";

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .zohosign(zohosign::Verifier::new(Secret::new(SECRET)))
        .documenso(documenso::Verifier::new(Secret::new("documenso-secret")))
        .build()
        .unwrap()
}

fn signer() -> Signer {
    Signer::hmac(zohosign::scheme(), Secret::new(SECRET))
}

#[test]
fn every_fixture_dispatches_to_a_typed_event() {
    let webhooks = webhooks();
    for (name, body) in load("zohosign") {
        let request = signer().sign(&body);
        let event = match webhooks.dispatch(&request.body, &request.headers) {
            Ok(Event::ZohoSign(event)) => event,
            other => panic!("{name}: {other:?}"),
        };
        assert_eq!(event.notifications.len(), 1, "{name}");
        assert!(!event.operation_type().is_unknown(), "{name}");
        if name != "vendor_sample" {
            assert_eq!(event.requests.request_id.as_deref(), Some("2000000012345"), "{name}");
            assert_eq!(event.requests.actions.len(), 2);
            assert_eq!(event.requests.created_time, Some(1_700_000_000_000));
            assert!(event.notification().and_then(|n| n.performed_at).is_some());
        }
    }
}

/// The vendor's published sample through the whole `dispatch` (§15): the
/// signature verifies over the bytes as printed; the body (with its stray
/// brace) is then refused as malformed, not as forged.
#[test]
fn published_sample_through_dispatch() {
    let sample =
        br#"{{"requests":{"request_name":"Test Name"},"notifications":{"operation_type":"RequestSigningSuccess"}}"#;
    let webhooks = Webhooks::builder()
        .zohosign(zohosign::Verifier::new(Secret::new(
            "thisisthesamplekeyfortestingpurposes",
        )))
        .build()
        .unwrap();
    let headers = [("X-ZS-WEBHOOK-SIGNATURE", "drbSrM4H816RYKpZiRBLddUa0yHaTrwjtY04sIZFZus=")];
    let err = webhooks.dispatch(sample, &headers).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::MalformedPayload { .. }), "{err:?}");
    assert!(webhooks.verify(sample, &headers).is_ok());
}

/// Hex instead of base64: not Zoho's encoding.
#[test]
fn hex_encoding_is_refused() {
    let body = fixture("zohosign", "request_completed");
    let hex = Signer::hmac(
        esign_webhooks::verify::HmacScheme::new(
            esign_webhooks::verify::SignatureLocation::header(zohosign::SIGNATURE_HEADER),
            esign_webhooks::verify::SignedContent::Body,
            esign_webhooks::verify::Encoding::Hex,
        ),
        Secret::new(SECRET),
    )
    .sign(&body);
    assert!(webhooks().dispatch(&hex.body, &hex.headers).is_err());
    let base64 = signer().sign(&body);
    assert!(webhooks().dispatch(&base64.body, &base64.headers).is_ok());
}

#[test]
fn success_response_dedup_key_and_lifecycle() {
    let webhooks = webhooks();
    let expected: &[(&str, Option<Lifecycle>, Option<&str>)] = &[
        ("request_completed", Some(Lifecycle::Completed), None),
        ("request_expired", Some(Lifecycle::Expired), None),
        ("request_forwarded", None, None),
        ("request_recalled", Some(Lifecycle::Cancelled), None),
        ("request_rejected", Some(Lifecycle::Declined), Some("2000000012352")),
        (
            "request_signing_success",
            Some(Lifecycle::Signed),
            Some("2000000012350"),
        ),
        ("request_submitted", Some(Lifecycle::Sent), None),
        ("request_viewed", Some(Lifecycle::Viewed), Some("2000000012350")),
    ];
    let mut keys = Vec::new();
    for (name, kind, signer_id) in expected {
        let request = signer().sign(&fixture("zohosign", name));
        let event = webhooks.dispatch(&request.body, &request.headers).unwrap();
        assert_eq!(event.success_response().status(), 200);
        keys.push(DedupKey::of(&event));
        let (steps, _) = lifecycle_steps(&webhooks, &request.incoming());
        let want: Vec<_> = kind
            .map(|kind| (kind, Some("2000000012345".to_owned()), signer_id.map(str::to_owned)))
            .into_iter()
            .collect();
        assert_eq!(steps, want, "{name}");
    }
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), expected.len());

    // The same event as documented (strings, a list) and as delivered (numbers, one object): one key.
    let delivered = fixture("zohosign", "request_viewed");
    let documented = String::from_utf8(delivered.clone())
        .unwrap()
        .replace("\"performed_at\": 1700000120000", "\"performed_at\": \"1700000120000\"")
        .replace("\"request_id\": 2000000012345", "\"request_id\": \"2000000012345\"");
    assert_ne!(delivered, documented.as_bytes());
    let a = signer().sign(&delivered);
    let b = signer().sign(documented.as_bytes());
    assert_eq!(
        DedupKey::of(&webhooks.dispatch(&a.body, &a.headers).unwrap()),
        DedupKey::of(&webhooks.dispatch(&b.body, &b.headers).unwrap())
    );
}
