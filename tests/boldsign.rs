//! BoldSign: the vendor conformance suite (`common/vendor_conformance.rs`),
//! then what is BoldSign's own: the spec vector, `s0` or `s1` during a
//! roll-over, a moved timestamp, the ±300 s window and its setting, a header
//! without `t`, the `Verification` request, the lifecycle mapping.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;

use std::fs;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::testing::Signer;
use esign_webhooks::{ErrorKind, Event, FixedClock, Handlers, Lifecycle, Secret, Vendor, Webhooks, boldsign, docusign};
use hmac::{Hmac, Mac};
use http::StatusCode;
use sha2::Sha256;
use vendor_conformance::Conformance;

const SECRET: &str = "3e8f6a1c9b2d4e7f8a0b1c2d3e4f5a6b";
const NOW: i64 = 1_669_960_000;

fn webhooks_with(verifier: boldsign::Verifier) -> Webhooks {
    Webhooks::builder()
        .boldsign(verifier)
        .docusign(docusign::Verifier::hmac([Secret::new("ds-key")]))
        .clock(FixedClock(NOW))
        .build()
        .unwrap()
}

fn webhooks() -> Webhooks {
    webhooks_with(boldsign::Verifier::new(Secret::new(SECRET)))
}

/// The lowercase hex HMAC-SHA256 of `<t>.<body>` keyed with the secret's
/// UTF-8 bytes, as BoldSign's .NET SDK computes it
/// (`WebhookUtility.GenerateHmacSignature`), independently of the crate.
fn sdk_signature(secret: &str, t: i64, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{t}.").as_bytes());
    mac.update(body);
    mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

/// `X-BoldSign-Signature` as BoldSign writes it: `t=…, s0=…[, s1=…]`, a space after each comma.
fn header(t: i64, body: &[u8], s0: &str, s1: Option<&str>) -> Vec<(String, String)> {
    let mut value = format!("t={t}, s0={}", sdk_signature(s0, t, body));
    if let Some(old) = s1 {
        value.push_str(&format!(", s1={}", sdk_signature(old, t, body)));
    }
    vec![
        ("X-BoldSign-Signature".to_owned(), value),
        ("Content-Type".to_owned(), "application/json".to_owned()),
    ]
}

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/boldsign");
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            (
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                fs::read(&path).unwrap(),
            )
        })
        .collect();
    files.sort();
    assert!(files.len() >= 38, "only {} fixtures", files.len());
    files
}

fn fixture(name: &str) -> Vec<u8> {
    fs::read(format!(
        "{}/tests/fixtures/boldsign/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn boldsign_event(event: Event) -> boldsign::Event {
    match event {
        Event::BoldSign(event) => event,
        other => panic!("not BoldSign: {other:?}"),
    }
}

/// `t=…, s0=…` over `<t>.<body>`: the body and a timestamp are signed.
#[test]
fn conformance() {
    Conformance::new(Vendor::BoldSign)
        .timestamp_signed()
        .registrar(|handlers, hits| {
            handlers.boldsign().on(boldsign::EventType::ALL, move |_| hits.hit());
        })
        .run();
}

#[test]
fn every_fixture_dispatches_to_its_typed_event() {
    let webhooks = webhooks();
    for (name, body) in fixtures() {
        // Through the engine's own signer, and in BoldSign's exact header format.
        let engine = Signer::hmac(boldsign::scheme(), Secret::new(SECRET))
            .at(NOW)
            .sign(&body);
        for headers in [engine.headers, header(NOW, &body, SECRET, None)] {
            let event = webhooks
                .dispatch(&body, &headers)
                .unwrap_or_else(|err| panic!("{name}: {err}"));
            assert_eq!(event.vendor(), Vendor::BoldSign);
            let event = boldsign_event(event);
            assert_eq!(event.kind().is_unknown(), name == "unknown_event_type", "{name}");
            assert_eq!(
                matches!(event.data, boldsign::Data::Unknown(_)),
                name == "unknown_object",
                "{name}"
            );
        }
    }
}

/// other-vendors.md §15 (computed from BoldSign's documented construction,
/// <https://developers.boldsign.com/webhooks/verify-webhook-events>; BoldSign
/// publishes no vector with a secret): secret `test-secret`, `t=1700000000`.
#[test]
fn the_spec_vector_reproduces() {
    let body = br#"{"event":{"id":"e1","created":1700000000,"eventType":"Completed"},"data":{"object":"document","documentId":"d1"}}"#;
    let headers = [(
        "X-BoldSign-Signature",
        "t=1700000000, s0=584f02ec00c73b5c0886312eb25c66c6901cda35bd1e9777b17a77df681969cf",
    )];
    assert_eq!(
        sdk_signature("test-secret", 1_700_000_000, body),
        "584f02ec00c73b5c0886312eb25c66c6901cda35bd1e9777b17a77df681969cf"
    );
    let webhooks = Webhooks::builder()
        .boldsign(boldsign::Verifier::new(Secret::new("test-secret")))
        .clock(FixedClock(1_700_000_000))
        .build()
        .unwrap();
    let event = boldsign_event(webhooks.dispatch(body, &headers).unwrap());
    assert_eq!(event.document_id(), Some("d1"));
    // The same vector 301 s later is stale.
    let later = Webhooks::builder()
        .boldsign(boldsign::Verifier::new(Secret::new("test-secret")))
        .clock(FixedClock(1_700_000_301))
        .build()
        .unwrap();
    assert!(matches!(
        later.dispatch(body, &headers).unwrap_err().kind(),
        ErrorKind::TimestampOutOfTolerance { .. }
    ));
}

#[test]
fn s0_or_s1_during_a_roll_over() {
    let body = fixture("document_completed");
    // BoldSign rolled the secret and keeps the old one valid: s0 new, s1 old.
    // We still know only the old one: s1 matches.
    let only_old = webhooks_with(boldsign::Verifier::new(Secret::new("old-secret")));
    let rolled = header(NOW, &body, "new-secret", Some("old-secret"));
    assert!(only_old.dispatch(&body, &rolled).is_ok());
    // Both configured on our side: either header form matches.
    let both = webhooks_with(boldsign::Verifier::new(Secret::new("new-secret")).with_secret(Secret::new("old-secret")));
    assert!(both.dispatch(&body, &header(NOW, &body, "new-secret", None)).is_ok());
    assert!(both.dispatch(&body, &header(NOW, &body, "old-secret", None)).is_ok());
    // Elements are trimmed, whatever the spacing.
    let spaced = format!("  t={NOW} ,s0 = {}  ", sdk_signature(SECRET, NOW, &body));
    assert!(
        webhooks()
            .dispatch(&body, &[("x-boldsign-signature", spaced.as_str())])
            .is_ok()
    );
}

#[test]
fn a_moved_timestamp_the_window_and_a_header_without_t() {
    let webhooks = webhooks();
    let body = fixture("document_completed");
    let status = |headers: &[(String, String)], body: &[u8]| webhooks.dispatch(body, headers).unwrap_err();
    // A moved timestamp.
    let signed = header(NOW, &body, SECRET, None);
    let moved = signed[0].1.replace(&format!("t={NOW}"), &format!("t={}", NOW + 1));
    let moved = vec![("X-BoldSign-Signature".to_owned(), moved)];
    assert_eq!(status(&moved, &body).kind(), &ErrorKind::AuthenticationFailed);
    // A stale timestamp, and one from the future.
    for t in [NOW - 301, NOW + 301] {
        let err = status(&header(t, &body, SECRET, None), &body);
        assert!(
            matches!(err.kind(), ErrorKind::TimestampOutOfTolerance { .. }),
            "{err:?}"
        );
        assert_eq!(err.status(), StatusCode::UNAUTHORIZED);
    }
    assert!(
        webhooks
            .dispatch(&body, &header(NOW - 300, &body, SECRET, None))
            .is_ok()
    );
    let lenient = webhooks_with(boldsign::Verifier::new(Secret::new(SECRET)).with_tolerance(Duration::from_secs(600)));
    assert!(lenient.dispatch(&body, &header(NOW - 301, &body, SECRET, None)).is_ok());
    // A header without the timestamp.
    let no_t = vec![(
        "X-BoldSign-Signature".to_owned(),
        format!("s0={}", sdk_signature(SECRET, NOW, &body)),
    )];
    assert!(matches!(status(&no_t, &body).kind(), ErrorKind::MalformedHeader { .. }));
}

/// <https://developers.boldsign.com/webhooks/setting-webhook>: "Verify" POSTs
/// this body with `X-BoldSign-Event: Verification` and expects 200 within
/// 10 s, before the secret exists: a setup handshake, answered 200 signed or
/// not and never an event. Without the header the body is verified like
/// every event (tests/setup_handshakes.rs covers every entry point).
#[test]
fn the_verification_request_is_answered_200() {
    let webhooks = webhooks();
    for name in ["verification", "verification_account_level"] {
        let body = fixture(name);
        let mut headers = header(NOW, &body, SECRET, None);
        headers.push(("X-BoldSign-Event".to_owned(), "Verification".to_owned()));
        let err = webhooks.dispatch(&body, &headers).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::SetupRequest { .. }), "{err:?}");
        assert_eq!(err.status(), StatusCode::OK);
        let response = err.setup_response().unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.body().is_empty());
        // Unsigned (the secret does not exist yet): the same answer.
        let unsigned = [("X-BoldSign-Event", "Verification")];
        let err = webhooks.dispatch(&body, &unsigned).unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::SetupRequest { .. }), "{err:?}");
        // Signed but without the header: an event, verified like any other.
        let event = webhooks.dispatch(&body, &header(NOW, &body, SECRET, None)).unwrap();
        assert!(boldsign_event(event).is_verification());
        // Neither header nor signature: refused (a 4xx), not answered as a handshake.
        let err = webhooks
            .dispatch(&body, &[("Content-Type", "application/json")])
            .unwrap_err();
        assert!(err.status().is_client_error(), "{err:?}");
        assert!(err.setup_response().is_none());
    }
}

/// Two events of one document have two keys (a redelivery's is the
/// conformance suite's).
#[test]
fn another_event_of_the_document_has_another_dedup_key() {
    let webhooks = webhooks();
    let key = |body: &[u8]| DedupKey::of(&webhooks.dispatch(body, &header(NOW, body, SECRET, None)).unwrap());
    assert_ne!(key(&fixture("document_signed")), key(&fixture("document_completed")));
}

#[test]
fn lifecycle_and_registrar() {
    let seen = Arc::new(Mutex::new(Vec::<String>::new()));
    let mut handlers = Handlers::new();
    let s = seen.clone();
    handlers.on_lifecycle(Lifecycle::ALL, move |step| {
        s.lock().unwrap().push(format!(
            "{:?} {} {}",
            step.kind,
            step.envelope_id.as_deref().unwrap_or("-"),
            step.signer_id.as_deref().unwrap_or("-")
        ));
        Ok(())
    });
    let s = seen.clone();
    handlers.boldsign().on(boldsign::EventType::Declined, move |event| {
        let boldsign::Data::Document(document) = &event.data else {
            unreachable!()
        };
        s.lock().unwrap().push(format!(
            "declined: {}",
            document.signer_details[0].decline_message.as_deref().unwrap()
        ));
        Ok(())
    });
    let s = seen.clone();
    handlers.boldsign().on(boldsign::EventType::ALL, move |event| {
        s.lock().unwrap().push(format!("any {}", event.kind()));
        Ok(())
    });
    let webhooks = webhooks();
    for name in ["document_signed", "document_declined", "verification"] {
        let body = fixture(name);
        let report = webhooks
            .handle(&handlers, &body, &header(NOW, &body, SECRET, None))
            .unwrap();
        assert_eq!(report.status(), StatusCode::OK);
    }
    let doc = "26b8695f-46d0-4cd4-ba1a-c5a0d595c849";
    let signer = "30e062d0-ae6a-4cc6-a78e-ae8cd232d8dd";
    assert_eq!(
        *seen.lock().unwrap(),
        [
            format!("Signed {doc} {signer}"),
            "any Signed".to_owned(),
            format!("Declined {doc} {signer}"),
            "declined: Wrong amount in clause 3.".to_owned(),
            "any Declined".to_owned(),
            "any Verification".to_owned(),
        ]
    );
}

#[test]
fn secrets_never_appear_in_debug_output() {
    let verifier = boldsign::Verifier::new(Secret::new(SECRET)).with_secret(Secret::new("old-secret"));
    let text = format!("{verifier:?} {:?}", webhooks_with(verifier.clone()));
    assert!(!text.contains(SECRET) && !text.contains("old-secret"), "{text}");
    assert!(text.contains("X-BoldSign-Signature"), "{text}");
}
