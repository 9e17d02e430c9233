//! Documenso end to end: every fixture through `Webhooks::dispatch` with its
//! secret header, the refusals, the response, deduplication, the lifecycle
//! and the typed registrar.

#[path = "common/vendor_fixtures.rs"]
mod vendor_fixtures;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::documenso::{self, EventKind};
use esign_webhooks::testing::Signer;
use esign_webhooks::{ErrorKind, Event, Handlers, Lifecycle, Secret, Webhooks, yousign};
use vendor_fixtures::{fixture, lifecycle_steps, load};

const SECRET: &str = "documenso-webhook-secret-5f1c";

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .documenso(documenso::Verifier::new(Secret::new(SECRET)))
        .yousign(yousign::Verifier::new(Secret::new("yousign-key")))
        .build()
        .unwrap()
}

fn signer() -> Signer {
    Signer::header_token(documenso::SECRET_HEADER, Secret::new(SECRET))
}

#[test]
fn every_fixture_dispatches_to_a_typed_event() {
    let webhooks = webhooks();
    for (name, body) in load("documenso") {
        let request = signer().sign(&body);
        let event = match webhooks.dispatch(&request.body, &request.headers) {
            Ok(Event::Documenso(event)) => event,
            other => panic!("{name}: {other:?}"),
        };
        assert_eq!(
            event.event.as_str().to_ascii_lowercase(),
            name,
            "fixture named after its event"
        );
        assert_eq!(event.payload.envelope_id.as_deref(), Some("envelope_abcdefhiklmnorst"));
        assert_eq!(event.payload.id, Some(10));
        assert_eq!(
            event.payload.recipients.is_empty(),
            name.starts_with("template_"),
            "{name}"
        );
    }
}

#[test]
fn refusals() {
    let webhooks = webhooks();
    let body = fixture("documenso", "document_completed");

    let wrong = Signer::header_token(documenso::SECRET_HEADER, Secret::new("guess")).sign(&body);
    let err = webhooks.dispatch(&wrong.body, &wrong.headers).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::AuthenticationFailed);
    assert_eq!(err.status(), 401);

    // No secret set in Documenso: it sends an empty header.
    let empty = [(documenso::SECRET_HEADER, "")];
    assert_eq!(webhooks.dispatch(&body, &empty).unwrap_err().status(), 401);

    // The body is not covered: a changed body with the right secret passes.
    // This is Documenso's scheme, stated in the module docs, not a bug.
    let tampered = String::from_utf8(body.clone())
        .unwrap()
        .replace("COMPLETED", "CANCELLED");
    let request = signer().sign(tampered.as_bytes());
    assert!(webhooks.dispatch(&request.body, &request.headers).is_ok());

    // Another vendor's body with Documenso's secret.
    let foreign = br#"{"event_id":"e1","event_name":"signature_request.done","event_time":"1700000000","data":{}}"#;
    let request = signer().sign(foreign);
    let err = webhooks.dispatch(&request.body, &request.headers).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::VendorMismatch { .. }), "{err:?}");

    // Documenso's body without the header.
    let err = webhooks
        .dispatch(&body, &[("content-type", "application/json")])
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::MissingHeader { .. }), "{err:?}");
}

#[test]
fn success_response_dedup_key_and_lifecycle() {
    let webhooks = webhooks();
    let expected: &[(&str, Option<Lifecycle>, Option<&str>)] = &[
        ("document_cancelled", Some(Lifecycle::Cancelled), None),
        ("document_completed", Some(Lifecycle::Completed), None),
        ("document_created", None, None),
        ("document_opened", Some(Lifecycle::Viewed), Some("52")),
        ("document_recipient_completed", None, None),
        ("document_rejected", Some(Lifecycle::Declined), Some("52")),
        ("document_reminder_sent", None, None),
        ("document_sent", Some(Lifecycle::Sent), None),
        ("document_signed", Some(Lifecycle::Signed), Some("51")),
        ("recipient_expired", Some(Lifecycle::Expired), Some("52")),
        ("template_created", None, None),
        ("template_deleted", None, None),
        ("template_updated", None, None),
        ("template_used", None, None),
    ];
    let mut keys = Vec::new();
    for (name, kind, signer_id) in expected {
        let request = signer().sign(&fixture("documenso", name));
        let event = webhooks.dispatch(&request.body, &request.headers).unwrap();
        assert_eq!(event.success_response().status(), 200);
        keys.push(DedupKey::of(&event));
        let (steps, _) = lifecycle_steps(&webhooks, &request.incoming());
        let want: Vec<_> = kind
            .map(|kind| {
                (
                    kind,
                    Some("envelope_abcdefhiklmnorst".to_owned()),
                    signer_id.map(str::to_owned),
                )
            })
            .into_iter()
            .collect();
        assert_eq!(steps, want, "{name}");
    }
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), expected.len());

    // The decline carries its reason.
    let request = signer().sign(&fixture("documenso", "document_rejected"));
    let Event::Documenso(event) = webhooks.dispatch(&request.body, &request.headers).unwrap() else {
        panic!()
    };
    assert_eq!(
        event.payload.recipients[0].rejection_reason.as_deref(),
        Some("The amount in section 3 is wrong")
    );

    // A retry: Documenso recomputes `createdAt` on every attempt; the key stays.
    let first = fixture("documenso", "document_completed");
    let retry = String::from_utf8(first.clone()).unwrap().replace(
        "\"createdAt\": \"2024-04-22T11:52:18.277Z\"",
        "\"createdAt\": \"2024-04-22T11:52:19.901Z\"",
    );
    assert_ne!(first, retry.as_bytes());
    let a = signer().sign(&first);
    let b = signer().sign(retry.as_bytes());
    assert_eq!(
        DedupKey::of(&webhooks.dispatch(&a.body, &a.headers).unwrap()),
        DedupKey::of(&webhooks.dispatch(&b.body, &b.headers).unwrap())
    );
}

#[test]
fn typed_registrar() {
    let webhooks = webhooks();
    let completed = Arc::new(AtomicUsize::new(0));
    let mut handlers = Handlers::new();
    let counter = Arc::clone(&completed);
    handlers.documenso().on(EventKind::DocumentCompleted, move |event| {
        assert_eq!(event.payload.recipients.len(), 2);
        counter.fetch_add(1, Ordering::SeqCst);
        Ok(())
    });
    let mut handled = 0;
    for (_, body) in load("documenso") {
        let request = signer().sign(&body);
        let report = webhooks.handle(&handlers, &request.body, &request.headers).unwrap();
        handled += usize::from(report.is_handled());
    }
    assert_eq!(completed.load(Ordering::SeqCst), 1);
    assert_eq!(handled, 1);
}
