//! PandaDoc: the vendor conformance suite (`common/vendor_conformance.rs`),
//! then what is PandaDoc's own: the signature in the query string (and the
//! error without the URI), its local vector, the lifecycle of each event,
//! the event-id header as the dedup key, and the per-notification registrar.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;
#[path = "common/vendor_fixtures.rs"]
mod vendor_fixtures;

use std::sync::{Arc, Mutex};

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::pandadoc::{self, DocumentStatus, EventKind};
use esign_webhooks::testing::{SignedRequest, Signer};
use esign_webhooks::{Event, Handlers, Incoming, Lifecycle, Secret, Vendor, Webhooks, yousign};
use vendor_conformance::Conformance;
use vendor_fixtures::{fixture, lifecycle_steps, load};

const KEY: &str = "pandadoc-subscription-shared-key";
const DOC: &str = "msFYActMfJHqNTKH8YSvF1";

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .pandadoc(pandadoc::Verifier::new(Secret::new(KEY)))
        .yousign(yousign::Verifier::new(Secret::new("yousign-key")))
        .build()
        .unwrap()
}

fn sign(body: &[u8]) -> SignedRequest {
    Signer::hmac(pandadoc::scheme(), Secret::new(KEY)).sign(body)
}

#[test]
fn conformance() {
    Conformance::new(Vendor::PandaDoc)
        .registrar(|handlers, hits| {
            handlers.pandadoc().on(EventKind::ALL, move |_| hits.hit());
        })
        .run();
}

#[test]
fn every_fixture_dispatches_to_a_typed_delivery() {
    let webhooks = webhooks();
    for (name, body) in load("pandadoc") {
        let request = sign(&body);
        assert!(request.query.as_deref().is_some_and(|q| q.starts_with("signature=")));
        let delivery = match webhooks.dispatch_incoming(&request.incoming()) {
            Ok(Event::PandaDoc(delivery)) => delivery,
            other => panic!("{name}: {other:?}"),
        };
        let expected = if name == "several_notifications" { 2 } else { 1 };
        assert_eq!(delivery.notifications.len(), expected, "{name}");
        let first = &delivery.notifications[0];
        assert!(!first.event.is_unknown(), "{name}");
        assert!(
            name.starts_with(first.event.as_str()) || name == "several_notifications",
            "{name}"
        );
        assert!(
            first.data.id == DOC || name.starts_with("template_") || name.starts_with("content_library_"),
            "{name}"
        );
    }
}

/// ../shared/specs/other-vendors.md §15 "Locally computed": PandaDoc.
#[test]
fn local_vector_through_dispatch_incoming() {
    let webhooks = Webhooks::builder()
        .pandadoc(pandadoc::Verifier::new(Secret::new("shared-key")))
        .build()
        .unwrap();
    let body = br#"[{"event":"document_state_changed","data":{"id":"doc1","status":"document.completed"}}]"#;
    let uri: http::Uri = "/hooks/pandadoc/?signature=9c61574911c5ed7c4a3d356571a05f924300998b4a43d3e0a4118a45a3bcf4c2"
        .parse()
        .unwrap();
    let headers = [("X-PandaDoc-Webhook-Event-Id", "e-1")];
    let Event::PandaDoc(delivery) = webhooks
        .dispatch_incoming(&Incoming::new(body, &headers).with_uri(&uri))
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(delivery.event_id.as_deref(), Some("e-1"));
    assert_eq!(delivery.notifications[0].data.status, Some(DocumentStatus::Completed));
}

#[test]
fn dispatch_without_the_uri_is_a_clear_error() {
    let webhooks = webhooks();
    let body = fixture("pandadoc", "document_state_changed_completed");

    // `dispatch` without the URI: a clear error, not a 401.
    let request = sign(&body);
    let err = webhooks.dispatch(&request.body, &request.headers).unwrap_err();
    assert_eq!(err.status(), 500);
    assert!(err.to_string().contains("Incoming::with_uri"), "{err}");
}

#[test]
fn success_response_dedup_key_and_lifecycle() {
    let webhooks = webhooks();
    let expected: &[(&str, Option<Lifecycle>)] = &[
        ("document_completed_pdf_ready", None),
        ("document_creation_failed", Some(Lifecycle::Failed)),
        ("document_deleted", None),
        ("document_section_added", None),
        ("document_state_changed_completed", Some(Lifecycle::Completed)),
        ("document_state_changed_declined", Some(Lifecycle::Declined)),
        ("document_state_changed_sent", Some(Lifecycle::Sent)),
        ("document_state_changed_viewed", Some(Lifecycle::Viewed)),
        // PandaDoc's "Expired" is `document.voided`.
        ("document_state_changed_voided", Some(Lifecycle::Expired)),
        ("document_updated", None),
        ("quote_updated", None),
        ("recipient_completed", Some(Lifecycle::Signed)),
        ("several_notifications", Some(Lifecycle::Signed)),
    ];
    let mut keys = Vec::new();
    for (name, kind) in expected {
        let request = sign(&fixture("pandadoc", name));
        let event = webhooks.dispatch_incoming(&request.incoming()).unwrap();
        assert_eq!(event.success_response().status(), 200);
        keys.push(DedupKey::of(&event));
        let (steps, _) = lifecycle_steps(&webhooks, &request.incoming());
        let signer = matches!(kind, Some(Lifecycle::Signed)).then(|| "signer@example.com".to_owned());
        let want: Vec<_> = kind
            .map(|kind| (kind, Some(DOC.to_owned()), signer))
            .into_iter()
            .collect();
        assert_eq!(steps, want, "{name}");
    }
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), expected.len());

    // A retry carries the same X-PandaDoc-Webhook-Event-Id: same key, whatever the body bytes.
    let body = fixture("pandadoc", "several_notifications");
    let compact = serde_json::to_vec(&serde_json::from_slice::<serde_json::Value>(&body).unwrap()).unwrap();
    let key_of = |body: &[u8]| {
        let request = sign(body).set_header("X-PandaDoc-Webhook-Event-Id", "b1f0c6c4-51f2-4f7e-a3a4-2d5c1f9e8a70");
        DedupKey::of(&webhooks.dispatch_incoming(&request.incoming()).unwrap())
    };
    assert_eq!(key_of(&body), key_of(&compact));
}

#[test]
fn registrars_per_delivery_and_per_notification() {
    let webhooks = webhooks();
    let seen: Arc<Mutex<Vec<String>>> = Arc::default();
    let mut handlers = Handlers::new();
    let sink = Arc::clone(&seen);
    handlers
        .pandadoc()
        .on(EventKind::DocumentStateChanged, move |delivery| {
            sink.lock()
                .unwrap()
                .push(format!("delivery:{}", delivery.notifications.len()));
            Ok(())
        });
    let sink = Arc::clone(&seen);
    handlers
        .pandadoc()
        .on_notification(EventKind::ALL, move |notification| {
            sink.lock()
                .unwrap()
                .push(format!("notification:{}", notification.event));
            Ok(())
        });
    let request = sign(&fixture("pandadoc", "several_notifications"));
    let report = webhooks.handle_incoming(&handlers, &request.incoming()).unwrap();
    assert!(report.is_handled() && report.failures().is_empty());
    assert_eq!(
        *seen.lock().unwrap(),
        [
            "delivery:2",
            "notification:recipient_completed",
            "notification:document_state_changed"
        ]
    );

    // A failing notification callback is reported, and stops the rest of that delivery.
    let mut failing = Handlers::new();
    failing
        .pandadoc()
        .on_notification(EventKind::ALL, |_| Err(esign_webhooks::HandlerError::msg("db down")));
    let report = webhooks.handle_incoming(&failing, &request.incoming()).unwrap();
    assert_eq!(report.failures().len(), 1);
    assert_eq!(report.status(), 500);
}
