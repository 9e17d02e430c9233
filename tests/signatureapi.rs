//! SignatureAPI: the vendor conformance suite (`common/vendor_conformance.rs`),
//! then what is SignatureAPI's own: the Standard Webhooks vector in the six
//! cases of SignatureAPI's verification page, every documented event to its
//! typed event and lifecycle, and the `whsec_` secret as the Dashboard shows it.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;

use std::sync::{Arc, Mutex};

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::testing::Signer;
use esign_webhooks::{ErrorKind, Event, FixedClock, Handlers, Lifecycle, Secret, Vendor, Webhooks, signatureapi};
use http::StatusCode;
use signatureapi::EventType;
use vendor_conformance::Conformance;

/// Standard Webhooks, with a signed timestamp.
#[test]
fn conformance() {
    Conformance::new(Vendor::SignatureApi)
        .timestamp_signed()
        .registrar(|handlers, hits| {
            handlers.signatureapi().on(EventType::ALL, move |_| hits.hit());
        })
        .run();
}

// The Standard Webhooks specification's test vector
// (github.com/standard-webhooks/standard-webhooks, spec and libraries' tests).
// SignatureAPI's own six-case vector values could not be retrieved (see the
// module documentation), so its six cases run on this vector.
const WHSEC: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const ID: &str = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const TIMESTAMP: i64 = 1_614_265_330;
const BODY: &[u8] = br#"{"test": 2432232314}"#;
const SIGNATURE: &str = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

fn vector_webhooks(whsec: &str, now: i64) -> Webhooks {
    Webhooks::builder()
        .signatureapi(signatureapi::Verifier::signing_secret(whsec).unwrap())
        .clock(FixedClock(now))
        .build()
        .unwrap()
}

fn vector_headers(signature: &str) -> Vec<(&'static str, String)> {
    vec![
        ("webhook-id", ID.to_owned()),
        ("webhook-timestamp", TIMESTAMP.to_string()),
        ("webhook-signature", signature.to_owned()),
    ]
}

fn verify(webhooks: &Webhooks, body: &[u8], headers: &[(&'static str, String)]) -> Result<(), ErrorKind> {
    webhooks
        .verify(body, headers)
        .map(|_| ())
        .map_err(|err| err.kind().clone())
}

#[test]
fn the_six_cases_on_the_standard_webhooks_vector() {
    let webhooks = vector_webhooks(WHSEC, TIMESTAMP + 10);
    // 1. A valid delivery.
    assert_eq!(verify(&webhooks, BODY, &vector_headers(SIGNATURE)), Ok(()));
    // 2. Several signatures, one valid (a secret rotation).
    let several = format!("v1,Ceb8d0VhBxZjZXQ3ZTlsW6C1d0L6OgFBp6r7eDjbMuk= {SIGNATURE} v1a,bm90LXN1cHBvcnRlZA==");
    assert_eq!(verify(&webhooks, BODY, &vector_headers(&several)), Ok(()));
    // 3. A tampered body.
    assert_eq!(
        verify(&webhooks, br#"{"test": 2432232315}"#, &vector_headers(SIGNATURE)),
        Err(ErrorKind::AuthenticationFailed)
    );
    // 4. A wrong secret.
    let wrong = vector_webhooks("whsec_c2VjcmV0LW9mLWFub3RoZXItZW5kcG9pbnQ=", TIMESTAMP);
    assert_eq!(
        verify(&wrong, BODY, &vector_headers(SIGNATURE)),
        Err(ErrorKind::AuthenticationFailed)
    );
    // 5. An old timestamp: signed 5 minutes and 1 second before the clock.
    let later = vector_webhooks(WHSEC, TIMESTAMP + 301);
    assert!(matches!(
        verify(&later, BODY, &vector_headers(SIGNATURE)),
        Err(ErrorKind::TimestampOutOfTolerance { .. })
    ));
    // ... and exactly 5 minutes is still accepted.
    assert_eq!(
        verify(
            &vector_webhooks(WHSEC, TIMESTAMP + 300),
            BODY,
            &vector_headers(SIGNATURE)
        ),
        Ok(())
    );
    // 6. Missing headers: each one alone is refused; on a SignatureAPI body
    // (which names the vendor without the signature) the error names it.
    let event_body = fixture("envelope_completed");
    let fresh = vector_webhooks(WHSEC, TIMESTAMP);
    for missing in ["webhook-id", "webhook-timestamp", "webhook-signature"] {
        let headers: Vec<_> = vector_headers(SIGNATURE)
            .into_iter()
            .filter(|(name, _)| *name != missing)
            .collect();
        assert!(verify(&webhooks, BODY, &headers).is_err(), "{missing}");
        assert_eq!(
            verify(&fresh, &event_body, &headers),
            Err(ErrorKind::MissingHeader {
                name: missing.to_owned()
            }),
            "{missing}"
        );
    }
}

#[test]
fn the_signing_secret_is_read_as_the_dashboard_shows_it() {
    // Without the prefix too (Standard Webhooks' libraries accept both).
    let webhooks = vector_webhooks(WHSEC.trim_start_matches("whsec_"), TIMESTAMP);
    assert_eq!(verify(&webhooks, BODY, &vector_headers(SIGNATURE)), Ok(()));
    // Not base64: a configuration error that does not show the secret.
    let err = signatureapi::Verifier::signing_secret("whsec_not base64!").unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Configuration { .. }));
    assert!(!err.to_string().contains("not base64!"));
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/signatureapi/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

const KEY: &str = "signatureapi-test-key";
const NOW: i64 = 1_767_225_600;

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .signatureapi(signatureapi::Verifier::new(Secret::new(KEY)))
        .clock(FixedClock(NOW))
        .build()
        .unwrap()
}

fn sign(body: &[u8], id: &str) -> esign_webhooks::testing::SignedRequest {
    Signer::hmac(signatureapi::scheme(), Secret::new(KEY))
        .at(NOW)
        .with_id(id)
        .sign(body)
}

/// Every documented event: its type, and its lifecycle step with the signer.
const EVENTS: &[(&str, EventType, Option<Lifecycle>)] = &[
    ("envelope_created", EventType::EnvelopeCreated, None),
    ("envelope_started", EventType::EnvelopeStarted, Some(Lifecycle::Sent)),
    (
        "envelope_completed",
        EventType::EnvelopeCompleted,
        Some(Lifecycle::Completed),
    ),
    ("envelope_failed", EventType::EnvelopeFailed, Some(Lifecycle::Failed)),
    (
        "envelope_canceled",
        EventType::EnvelopeCanceled,
        Some(Lifecycle::Cancelled),
    ),
    ("recipient_released", EventType::RecipientReleased, None),
    ("recipient_sent", EventType::RecipientSent, None),
    ("recipient_accessed", EventType::RecipientAccessed, None),
    ("recipient_viewed", EventType::RecipientViewed, Some(Lifecycle::Viewed)),
    (
        "recipient_completed",
        EventType::RecipientCompleted,
        Some(Lifecycle::Signed),
    ),
    (
        "recipient_rejected",
        EventType::RecipientRejected,
        Some(Lifecycle::Declined),
    ),
    (
        "recipient_soft_bounced",
        EventType::RecipientSoftBounced,
        Some(Lifecycle::DeliveryFailed),
    ),
    (
        "recipient_hard_bounced",
        EventType::RecipientHardBounced,
        Some(Lifecycle::DeliveryFailed),
    ),
    (
        "recipient_failed",
        EventType::RecipientFailed,
        Some(Lifecycle::DeliveryFailed),
    ),
    ("recipient_replaced", EventType::RecipientReplaced, None),
    ("recipient_resent", EventType::RecipientResent, None),
    ("deliverable_generated", EventType::DeliverableGenerated, None),
    ("deliverable_failed", EventType::DeliverableFailed, None),
    ("sender_created", EventType::SenderCreated, None),
    ("sender_verified", EventType::SenderVerified, None),
    ("sender_failed", EventType::SenderFailed, None),
    ("sender_deleted", EventType::SenderDeleted, None),
];

#[test]
fn every_documented_event_dispatches_to_its_type_and_lifecycle() {
    assert_eq!(EVENTS.len(), EventType::KNOWN.len(), "one fixture per documented type");
    let webhooks = webhooks();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut handlers = Handlers::new();
    let log = seen.clone();
    handlers.on_lifecycle(Lifecycle::ALL, move |e| {
        log.lock()
            .unwrap()
            .push((e.kind, e.envelope_id.clone(), e.signer_id.clone(), e.reason.clone()));
        Ok(())
    });
    let mut keys = Vec::new();
    for (name, expected, step) in EVENTS {
        let request = sign(&fixture(name), "msg_1");
        let event = webhooks.dispatch(&request.body, &request.headers).unwrap();
        match &event {
            Event::SignatureApi(e) => assert_eq!(e.kind(), expected, "{name}"),
            other => panic!("{name}: {other:?}"),
        }
        keys.push(DedupKey::of(&event));
        let before = seen.lock().unwrap().len();
        webhooks.handle(&handlers, &request.body, &request.headers).unwrap();
        let after = seen.lock().unwrap().clone();
        match step {
            Some(kind) => {
                assert_eq!(after.len(), before + 1, "{name}");
                let (got, envelope, signer, _) = after.last().unwrap();
                assert_eq!(got, kind, "{name}");
                assert_eq!(envelope.as_deref(), Some("e387553d-cbb7-4924-abd8-b2d89699e9b5"));
                if name.starts_with("recipient") {
                    assert!(signer.as_deref().is_some_and(|s| s.starts_with("re_")), "{name}");
                } else {
                    assert_eq!(signer, &None, "{name}");
                }
            }
            None => assert_eq!(after.len(), before, "{name}"),
        }
    }
    // One event id per fixture: every dedup key differs.
    let mut unique = keys.clone();
    unique.sort_by_key(|key| *key.digest());
    unique.dedup();
    assert_eq!(unique.len(), keys.len());

    let seen = seen.lock().unwrap();
    let reason = |kind| seen.iter().find(|s| s.0 == kind).and_then(|s| s.3.clone());
    assert_eq!(
        reason(Lifecycle::Declined).as_deref(),
        Some("The amount in clause 4 is wrong.")
    );
    assert_eq!(
        reason(Lifecycle::Failed).as_deref(),
        Some("The document could not be processed.")
    );

    let unknown = sign(&fixture("unknown_event"), "msg_2");
    match webhooks.dispatch(&unknown.body, &unknown.headers).unwrap() {
        Event::SignatureApi(e) => assert_eq!(e.event_type, EventType::Unknown("envelope.archived".into())),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_typed_fields_of_the_documented_examples() {
    let webhooks = webhooks();
    let request = sign(&fixture("deliverable_generated"), "msg_3");
    let Event::SignatureApi(event) = webhooks.dispatch(&request.body, &request.headers).unwrap() else {
        panic!("not SignatureAPI");
    };
    assert_eq!(event.data.object_type, signatureapi::ObjectType::Deliverable);
    assert_eq!(event.data.included_documents, ["contract", "addendum"]);
    assert!(event.data.url.as_deref().unwrap().contains("sealed.pdf"));
    assert_eq!(event.recipient_id(), None);
    assert_eq!(
        event.data.envelope_metadata.as_ref().unwrap()["deal_owner"],
        serde_json::json!("Jane C.")
    );

    let request = sign(&fixture("sender_verified"), "msg_4");
    let Event::SignatureApi(event) = webhooks.dispatch(&request.body, &request.headers).unwrap() else {
        panic!("not SignatureAPI");
    };
    assert_eq!(event.data.email.as_deref(), Some("sender@example.com"));
    assert_eq!(event.envelope_id(), None);
}

#[test]
fn the_dedup_key_is_the_event_id_not_the_delivery() {
    let webhooks = webhooks();
    let body = fixture("recipient_completed");
    // A retry is a new delivery (another webhook-id, a later timestamp) of the same event.
    let first = webhooks.dispatch(&sign(&body, "msg_a").body, &sign(&body, "msg_a").headers);
    let retry = sign(&body, "msg_b");
    let retry = webhooks.dispatch(&retry.body, &retry.headers);
    assert_eq!(DedupKey::of(&first.unwrap()), DedupKey::of(&retry.unwrap()));
    // Another event id is another event.
    let other = String::from_utf8(body)
        .unwrap()
        .replace("evt_4p2oouvNvjp1I9ckgqycH2", "evt_other");
    let other = sign(other.as_bytes(), "msg_a");
    let first = sign(&fixture("recipient_completed"), "msg_a");
    assert_ne!(
        DedupKey::of(&webhooks.dispatch(&first.body, &first.headers).unwrap()),
        DedupKey::of(&webhooks.dispatch(&other.body, &other.headers).unwrap())
    );
}

#[test]
fn the_webhook_id_is_signed_and_the_success_answer_is_200() {
    let webhooks = webhooks();
    let request = sign(&fixture("envelope_completed"), "msg_1");
    let event = webhooks.dispatch(&request.body, &request.headers).unwrap();
    assert_eq!(event.success_response().status(), StatusCode::OK);
    // The same signature under another webhook-id is refused.
    let swapped: Vec<(String, String)> = request
        .headers
        .iter()
        .map(|(name, value)| {
            let value = if name == "webhook-id" {
                "msg_2".to_owned()
            } else {
                value.clone()
            };
            (name.clone(), value)
        })
        .collect();
    assert_eq!(
        webhooks.dispatch(&request.body, &swapped).unwrap_err().kind(),
        &ErrorKind::AuthenticationFailed
    );
}
