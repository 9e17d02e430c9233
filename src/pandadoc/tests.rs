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
