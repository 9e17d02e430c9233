//! Documenso: the vendor conformance suite (`common/vendor_conformance.rs`),
//! then what is Documenso's own: the fields of its fixtures, its secret
//! header's refusals, the lifecycle of each event and a dedup key that
//! survives the recomputed `createdAt` of a retry.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;
#[path = "common/vendor_fixtures.rs"]
mod vendor_fixtures;

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::documenso::{self, EventKind};
use esign_webhooks::testing::Signer;
use esign_webhooks::{ErrorKind, Event, Lifecycle, Secret, Vendor, Webhooks, yousign};
use vendor_conformance::Conformance;
use vendor_fixtures::{fixture, lifecycle_steps, load};

/// The secret itself in a header: the body is not covered (Documenso's
/// scheme, stated in the module docs), no timestamp.
#[test]
fn conformance() {
    Conformance::new(Vendor::Documenso)
        .body_not_covered()
        .registrar(|handlers, hits| {
            handlers.documenso().on(EventKind::ALL, move |_| hits.hit());
        })
        .run();
}

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
fn empty_or_missing_secret_header_is_refused() {
    let webhooks = webhooks();
    let body = fixture("documenso", "document_completed");

    // No secret set in Documenso: it sends an empty header.
    let empty = [(documenso::SECRET_HEADER, "")];
    assert_eq!(webhooks.dispatch(&body, &empty).unwrap_err().status(), 401);

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
