//! Unit tests: compiled only under #[cfg(test)].
use super::*;
use crate::plugin::Plugin;
use crate::{ErrorKind, FixedClock, Incoming, Secret, Vendor};

const BODY: &[u8] = br#"[{"event":"document_state_changed","data":{"id":"doc1","status":"document.completed"}}]"#;

#[test]
fn reproduces_the_local_vector() {
    // A regression vector computed locally (not vendor data) from the documented
    // construction: HMAC-SHA256 of the raw body, key `shared-key`, hex, in `?signature=`.
    let verifier = Verifier::new(Secret::new("shared-key"));
    let headers: [(&str, &str); 0] = [];
    let query = "signature=9c61574911c5ed7c4a3d356571a05f924300998b4a43d3e0a4118a45a3bcf4c2";
    let incoming = Incoming::new(BODY, &headers).with_query(Some(query));
    assert!(PandaDoc::authenticate_part(&verifier, &incoming, &FixedClock(0)).is_ok());
    let (delivery, _) = PandaDoc::receive(&verifier, &incoming, &FixedClock(0)).unwrap();
    assert_eq!(delivery.notifications[0].data.status, Some(DocumentStatus::Completed));
}

#[test]
fn a_missing_uri_is_a_clear_configuration_error() {
    let verifier = Verifier::new(Secret::new("shared-key"));
    let headers: [(&str, &str); 0] = [];
    let err = PandaDoc::authenticate_part(&verifier, &Incoming::new(BODY, &headers), &FixedClock(0)).unwrap_err();
    assert_eq!(err.status(), 500);
    assert!(err.to_string().contains("dispatch_incoming"), "{err}");
    // A query string without the parameter is the sender's fault: 400.
    let incoming = Incoming::new(BODY, &headers).with_query(Some("token=x"));
    let err = PandaDoc::authenticate_part(&verifier, &incoming, &FixedClock(0)).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::MissingQueryParameter { .. }));
}

#[test]
fn a_uri_without_a_query_is_the_senders_fault_not_a_server_error() {
    // Anyone can post to the endpoint without `?signature=`: that must never
    // make it answer 500 (a server error, retried, alerting).
    let verifier = Verifier::new(Secret::new("shared-key"));
    let headers: [(&str, &str); 0] = [];
    let incoming = Incoming::new(BODY, &headers).with_query(None);
    let err = PandaDoc::authenticate_part(&verifier, &incoming, &FixedClock(0)).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::MissingQueryParameter { uri_passed: true, .. }),
        "{err:?}"
    );
    assert!((400..500).contains(&err.status().as_u16()), "{}", err.status());
}

#[test]
fn event_id_header_is_the_dedup_key_when_present() {
    let verifier = Verifier::dangerous_accept_unverified();
    let with = [(EVENT_ID_HEADER, "3b9e64a1-0b0c-4a55-9d33-5f3c2b1a0e9d")];
    let (a, _) = PandaDoc::receive(&verifier, &Incoming::new(BODY, &with), &FixedClock(0)).unwrap();
    assert_eq!(a.event_id.as_deref(), Some("3b9e64a1-0b0c-4a55-9d33-5f3c2b1a0e9d"));
    let other_body = br#"[{"event":"document_state_changed","data":{"id":"doc1","status":"document.sent"}}]"#;
    let (b, _) = PandaDoc::receive(&verifier, &Incoming::new(other_body, &with), &FixedClock(0)).unwrap();
    assert_eq!(PandaDoc::dedup_key(&a), PandaDoc::dedup_key(&b), "same delivery id");
    let none: [(&str, &str); 0] = [];
    let (c, _) = PandaDoc::receive(&verifier, &Incoming::new(BODY, &none), &FixedClock(0)).unwrap();
    let (d, _) = PandaDoc::receive(&verifier, &Incoming::new(other_body, &none), &FixedClock(0)).unwrap();
    assert_eq!(c.event_id, None);
    assert_ne!(
        PandaDoc::dedup_key(&c),
        PandaDoc::dedup_key(&d),
        "keyed on the notifications"
    );
    assert_eq!(PandaDoc::dedup_key(&c), PandaDoc::dedup_key(&parse(BODY).unwrap()));
}

#[test]
fn only_arrays_are_deliveries() {
    let err = parse(br#"{"event":"document_state_changed","data":{"id":"doc1"}}"#).unwrap_err();
    assert_eq!(err.vendor(), Some(Vendor::PandaDoc));
    assert!(matches!(err.kind(), ErrorKind::MalformedPayload { .. }));
    let err = parse(br#"[{"event":"document_state_changed","data":{}}]"#).unwrap_err();
    match err.kind() {
        ErrorKind::MalformedPayload { path, .. } => assert!(path.starts_with("$[0].data"), "{path}"),
        other => panic!("{other:?}"),
    }
    let empty = parse(b"[]").unwrap();
    assert!(empty.notifications.is_empty() && PandaDoc::lifecycle(&empty).is_none());
}

/// The signature of `BODY` with key `shared-key` (see `reproduces_the_local_vector`).
const BODY_MAC: &str = "9c61574911c5ed7c4a3d356571a05f924300998b4a43d3e0a4118a45a3bcf4c2";

fn authenticate_query(query: &str) -> Result<crate::plugin::Authenticated, crate::Error> {
    let verifier = Verifier::new(Secret::new("shared-key"));
    let headers: [(&str, &str); 0] = [];
    let incoming = Incoming::new(BODY, &headers).with_query(Some(query));
    PandaDoc::authenticate_part(&verifier, &incoming, &FixedClock(0))
}

#[test]
fn an_unfilled_signature_placeholder_beside_the_real_one_is_ignored() {
    // Audit §0 #2: a URL registered as `?signature={signature}` (the crate's
    // older instructions) to which PandaDoc appends its own `signature`.
    for placeholder in ["{signature}", "%7Bsignature%7D", "%7bsignature%7d"] {
        for query in [
            format!("signature={placeholder}&signature={BODY_MAC}"),
            format!("signature={BODY_MAC}&signature={placeholder}"),
            format!("a=1&signature={placeholder}&b=2&signature={BODY_MAC}"),
        ] {
            assert!(authenticate_query(&query).is_ok(), "{query}");
        }
    }
    // The placeholder is no MAC: with a wrong real value, still refused.
    let wrong = format!("signature={{signature}}&signature={}", "0".repeat(64));
    let err = authenticate_query(&wrong).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::AuthenticationFailed), "{err:?}");
    // The placeholder alone is no signature either.
    let err = authenticate_query("signature={signature}").unwrap_err();
    assert!((400..500).contains(&err.status().as_u16()), "{err:?}");
}

#[test]
fn two_real_signature_values_are_refused_as_ambiguous() {
    let other = "0".repeat(64);
    for query in [
        format!("signature={BODY_MAC}&signature={other}"),
        format!("signature={BODY_MAC}&signature={BODY_MAC}"),
        format!("signature={{signature}}&signature={BODY_MAC}&signature={other}"),
    ] {
        let err = authenticate_query(&query).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::MalformedQuery { .. }),
            "{query}: {err:?}"
        );
        assert_eq!(err.status(), 400);
    }
}

#[test]
fn the_openapi_statuses_and_content_library_events_are_typed() {
    for status in [
        "document.voided",
        "document.uploaded",
        "document.error",
        "document.external_review",
        "document.scheduled",
        "document.cancelled",
    ] {
        assert!(!DocumentStatus::from_wire(status).is_unknown(), "{status}");
        assert_eq!(DocumentStatus::from_wire(status).as_str(), status);
    }
    for event in ["content_library_item_created", "content_library_item_creation_failed"] {
        assert!(!EventKind::from_wire(event).is_unknown(), "{event}");
    }
    // PandaDoc's "Expired" is `document.voided`: an expiry step, not Unknown.
    let body = br#"[{"event":"document_state_changed","data":{"id":"doc1","status":"document.voided"}}]"#;
    let delivery = parse(body).unwrap();
    assert!(!PandaDoc::is_unknown(&delivery));
    let step = PandaDoc::lifecycle(&delivery).unwrap();
    assert_eq!(step.kind, crate::Lifecycle::Expired);
    assert_eq!(step.envelope_id.as_deref(), Some("doc1"));
    // A status newer than the crate is still kept, as Unknown.
    let body = br#"[{"event":"document_state_changed","data":{"id":"doc1","status":"document.archived"}}]"#;
    let delivery = parse(body).unwrap();
    assert!(PandaDoc::is_unknown(&delivery));
    assert_eq!(
        delivery.notifications[0]
            .data
            .status
            .as_ref()
            .map(DocumentStatus::as_str),
        Some("document.archived")
    );
}
