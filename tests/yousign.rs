//! Yousign: the vendor conformance suite (`common/vendor_conformance.rs`),
//! then what is Yousign's own: the fields of its fixtures, a missing
//! signature header, the lifecycle of each event and one dedup key for a
//! retry.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;
#[path = "common/vendor_fixtures.rs"]
mod vendor_fixtures;

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::testing::Signer;
use esign_webhooks::yousign::{self, EventKind};
use esign_webhooks::{ErrorKind, Event, Lifecycle, Secret, Vendor, Webhooks, signplus};
use vendor_conformance::Conformance;
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
fn conformance() {
    Conformance::new(Vendor::Yousign)
        .registrar(|handlers, hits| {
            handlers.yousign().on(EventKind::ALL, move |_| hits.hit());
        })
        .run();
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
fn missing_signature_header_is_refused() {
    let webhooks = webhooks();
    let body = fixture("yousign", "signature_request_done");

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
        // The changelog's three: reactivated is ongoing again (Sent).
        ("signature_request_reactivated", Some(Lifecycle::Sent), None),
        ("signature_request_canceled", Some(Lifecycle::Cancelled), None),
        ("signature_request_deleted", None, None),
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
