//! Clicksign: the vendor conformance suite (`common/vendor_conformance.rs`),
//! then what is Clicksign's own: every documented event to its typed event
//! and lifecycle, the `sha256=` prefix, the raw bytes being what is signed,
//! the unsigned `Event` header, and its missing-header answer.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;

use std::sync::{Arc, Mutex};

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::testing::Signer;
use esign_webhooks::{ErrorKind, Event, Handlers, Lifecycle, Secret, Vendor, Webhooks, clicksign, opensign};
use http::StatusCode;
use vendor_conformance::Conformance;

const KEY: &str = "clicksign-webhook-hmac-secret";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/clicksign/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .clicksign(clicksign::Verifier::new(Secret::new(KEY)))
        .opensign(opensign::Verifier::new(Secret::new("opensign-key")))
        .build()
        .unwrap()
}

fn sign(body: &[u8]) -> esign_webhooks::testing::SignedRequest {
    Signer::hmac(clicksign::scheme(), Secret::new(KEY)).sign(body)
}

fn kind(result: Result<Event, esign_webhooks::Error>) -> ErrorKind {
    result.expect_err("must be refused").kind().clone()
}

/// Every fixture: its event kind and lifecycle step (with the signer).
/// A fixture, its kind, and the lifecycle step (with its signer) it gives, if any.
type Expected = (
    &'static str,
    clicksign::EventKind,
    Option<(Lifecycle, Option<&'static str>)>,
);

const FIXTURES: &[Expected] = {
    use clicksign::EventKind as K;
    &[
        ("upload", K::Upload, None),
        ("add_image", K::AddImage, None),
        ("add_signer", K::AddSigner, None),
        ("remove_signer", K::RemoveSigner, None),
        ("sign", K::Sign, Some((Lifecycle::Signed, Some("empresa@example.com")))),
        ("signature_started", K::SignatureStarted, None),
        (
            "refusal",
            K::Refusal,
            Some((Lifecycle::Declined, Some("empresa@example.com"))),
        ),
        ("close", K::Close, Some((Lifecycle::Completed, None))),
        ("auto_close", K::AutoClose, Some((Lifecycle::Completed, None))),
        ("deadline", K::Deadline, None),
        ("document_closed", K::DocumentClosed, None),
        ("cancel", K::Cancel, Some((Lifecycle::Cancelled, None))),
        ("update_deadline", K::UpdateDeadline, None),
        ("update_auto_close", K::UpdateAutoClose, None),
        ("update_locale", K::UpdateLocale, None),
        ("attempts_by_whatsapp_exceeded", K::AttemptsByWhatsappExceeded, None),
        (
            "attempts_by_liveness_or_facematch_exceeded",
            K::AttemptsByLivenessOrFacematchExceeded,
            None,
        ),
        ("biometric_refused", K::BiometricRefused, None),
        ("facematch_refused", K::FacematchRefused, None),
        ("ocr_refused", K::OcrRefused, None),
        ("acceptance_term_enqueued", K::AcceptanceTermEnqueued, None),
        (
            "acceptance_term_sent",
            K::AcceptanceTermSent,
            Some((Lifecycle::Sent, None)),
        ),
        (
            "acceptance_term_completed",
            K::AcceptanceTermCompleted,
            Some((Lifecycle::Completed, None)),
        ),
        (
            "acceptance_term_refused",
            K::AcceptanceTermRefused,
            Some((Lifecycle::Declined, None)),
        ),
        (
            "acceptance_term_canceled",
            K::AcceptanceTermCanceled,
            Some((Lifecycle::Cancelled, None)),
        ),
        (
            "acceptance_term_expired",
            K::AcceptanceTermExpired,
            Some((Lifecycle::Expired, None)),
        ),
        (
            "acceptance_term_error",
            K::AcceptanceTermError,
            Some((Lifecycle::Failed, None)),
        ),
    ]
};

/// A hex HMAC of the raw body behind `sha256=`, no timestamp.
#[test]
fn conformance() {
    Conformance::new(Vendor::Clicksign)
        .registrar(|handlers, hits| {
            handlers.clicksign().on(clicksign::EventKind::ALL, move |_| hits.hit());
        })
        .run();
}

#[test]
fn every_documented_event_dispatches_to_its_typed_event_and_lifecycle() {
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
            Ok(Event::Clicksign(event)) => {
                assert_eq!(event.kind(), expected, "{name}");
                assert!(!event.kind().is_unknown(), "{name}");
            }
            other => panic!("{name}: {other:?}"),
        }
        seen.lock().unwrap().clear();
        webhooks.handle(&handlers, &request.body, &request.headers).unwrap();
        let got = seen.lock().unwrap().clone();
        match step {
            None => assert!(got.is_empty(), "{name}: {got:?}"),
            Some((lifecycle, signer)) => {
                assert_eq!(got.len(), 1, "{name}");
                assert_eq!(got[0].0, *lifecycle, "{name}");
                assert_eq!(got[0].2.as_deref(), *signer, "{name}");
                assert!(got[0].1.is_some(), "{name}: no envelope id");
            }
        }
    }
    let request = sign(&fixture("unknown_event"));
    assert!(matches!(
        webhooks.dispatch(&request.body, &request.headers).unwrap(),
        Event::Clicksign(e) if e.kind().is_unknown()
    ));
}

/// Clicksign's header is `sha256=<hex>`: the bare hex, another prefix, or
/// the right MAC of a re-serialised body are refused.
#[test]
fn the_prefix_and_the_raw_bytes_are_required() {
    let webhooks = webhooks();
    let body = fixture("sign");
    let request = sign(&body);
    let header = request
        .headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("content-hmac"))
        .map(|(_, value)| value.clone())
        .unwrap();
    assert!(header.starts_with("sha256=") && header.len() == 7 + 64, "{header}");
    assert!(webhooks.dispatch(&body, &request.headers).is_ok());

    // Without the prefix, or with another, the header is malformed (400), never accepted.
    let bare = [("Content-Hmac", header.trim_start_matches("sha256="))];
    assert!(matches!(
        kind(webhooks.dispatch(&body, &bare)),
        ErrorKind::MalformedHeader { .. }
    ));
    let sha1 = format!("sha1={}", header.trim_start_matches("sha256="));
    assert!(matches!(
        kind(webhooks.dispatch(&body, &[("Content-Hmac", sha1.as_str())])),
        ErrorKind::MalformedHeader { .. }
    ));
    // The right prefix with another key's MAC is an authentication failure.
    let forged = Signer::hmac(clicksign::scheme(), Secret::new("another-key")).sign(&body);
    assert_eq!(
        kind(webhooks.dispatch(&body, &forged.headers)),
        ErrorKind::AuthenticationFailed
    );

    let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let compact = serde_json::to_vec(&value).unwrap();
    assert_eq!(
        kind(webhooks.dispatch(&compact, &request.headers)),
        ErrorKind::AuthenticationFailed
    );

    let unsigned = webhooks
        .dispatch(&body, &[("content-type", "application/json"), ("Event", "sign")])
        .unwrap_err();
    assert!(matches!(unsigned.kind(), ErrorKind::MissingHeader { name } if name.eq_ignore_ascii_case("content-hmac")));
    assert_eq!(unsigned.status(), StatusCode::BAD_REQUEST);
}

/// The `Event` header is not signed: the event name comes from the body
/// even when the header says otherwise.
#[test]
fn the_event_header_is_not_trusted() {
    let webhooks = webhooks();
    let request = sign(&fixture("sign")).set_header("Event", "cancel");
    match webhooks.dispatch(&request.body, &request.headers).unwrap() {
        Event::Clicksign(event) => assert_eq!(event.kind(), &clicksign::EventKind::Sign),
        other => panic!("{other:?}"),
    }
}

#[test]
fn success_response_and_dedup() {
    let webhooks = webhooks();
    let request = sign(&fixture("sign"));
    let a = webhooks.dispatch(&request.body, &request.headers).unwrap();
    assert_eq!(a.success_response().status(), StatusCode::OK);
    let refusal = sign(&fixture("refusal"));
    assert_ne!(
        DedupKey::of(&a),
        DedupKey::of(&webhooks.dispatch(&refusal.body, &refusal.headers).unwrap())
    );
    let again = sign(&fixture("sign"));
    assert_eq!(
        DedupKey::of(&a),
        DedupKey::of(&webhooks.dispatch(&again.body, &again.headers).unwrap())
    );
}
